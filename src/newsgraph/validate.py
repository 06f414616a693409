"""SHACL validation of published graphs against the shipped (or given) shapes."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from newsgraph._shacl import ALLOWED_SEVERITIES, CompiledShapes, RawResult, UnsupportedShapes
from newsgraph.errors import RDFInputError, ShapesError
from newsgraph.namespaces import bind_prefixes

#: File suffix → rdflib parser name.
RDF_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".nt": "nt",
    ".ntriples": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
_QUAD_FORMATS = {"nquads", "trig"}


@dataclass(frozen=True)
class ValidationResult:
    severity: str  # "Violation", "Warning" or "Info"
    shape: str  # the node shape the constraint belongs to
    focus: str
    path: str
    value: str
    message: str


@dataclass
class ValidationReport:
    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)
    source: str = ""
    engine: str = ""  # which engine gave the results: "fast" or "pyshacl"

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    def to_dict(self) -> dict:
        return {
            "source": self.source, "conforms": self.conforms, "engine": self.engine,
            "results": [asdict(r) for r in self.results],
        }


def guess_format(path: Path, data: bytes) -> str:
    """The rdflib format of a file: by suffix, else by a look at its first characters."""
    by_suffix = RDF_FORMATS.get(path.suffix.lower())
    if by_suffix:
        return by_suffix
    head = data.lstrip()[:200]
    if head.startswith((b"{", b"[")):
        return "json-ld"
    if head.startswith(b"<?xml") or head.startswith(b"<rdf:RDF"):
        return "xml"
    return "turtle"  # Turtle also reads N-Triples


def load_rdf(path: Path, fmt: str | None = None) -> Graph:
    """Parse an RDF file into one graph (named graphs of TriG/N-Quads are merged)."""
    if not path.exists():
        raise RDFInputError(f"{path}: no such file")
    if path.is_dir():
        raise RDFInputError(f"{path}: is a directory, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RDFInputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise RDFInputError(f"{path}: the file is empty")
    fmt = fmt or guess_format(path, data)
    try:
        if fmt in _QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(data=data, format=fmt)
            graph = bind_prefixes(Graph())
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
            return graph
        graph = Graph()
        graph.parse(data=data, format=fmt)
        return graph
    except Exception as exc:  # rdflib raises many exception types for bad input
        detail = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise RDFInputError(f"{path}: cannot parse as {fmt}: {detail}") from None


def load_shapes(path: Path | None = None) -> Graph:
    """The shapes graph: the shipped shapes/newsgraph.ttl, or a file the user gives."""
    if path is not None:
        return load_rdf(path)
    text = resources.files("newsgraph").joinpath("resources/shapes.ttl").read_text(encoding="utf-8")
    graph = Graph()
    graph.parse(data=text, format="turtle")
    return graph


#: Validation engines: "fast" (newsgraph._shacl, the SHACL Core subset the shipped shapes use),
#: "pyshacl", or "auto" (fast when the shapes allow it, else pySHACL).
ENGINES = ("auto", "fast", "pyshacl")


def validate_graph(
    data: Graph | Iterable[tuple[Node, Node, Node]], shapes: Graph, source: str = "", engine: str = "auto", prefixes: bool = True
) -> ValidationReport:
    """Check `data` against `shapes` (SHACL Core, no inference). Warnings do not break conformance.

    Both engines give the same results (the tests compare them on real and broken graphs); "auto"
    uses the fast one unless the shapes need SHACL it does not evaluate. With `prefixes` False,
    results name IRIs in full (`<…>`) instead of with the data graph's prefixes, so that results
    of graphs with different prefixes can be compared and merged. `data` may also be any
    collection of triples (names then come from its `namespace_manager`, if it has one)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine != "pyshacl":
        try:
            raw = _compiled(shapes).validate(data)
        except UnsupportedShapes as exc:
            if engine == "fast":
                raise ShapesError(f"the fast validator cannot evaluate these shapes: {exc}; use the pyshacl engine") from None
        else:
            conforms = all(r.severity in ALLOWED_SEVERITIES for r in raw)
            return ValidationReport(conforms, _display(raw, shapes, data, prefixes), source, engine="fast")
    if not isinstance(data, Graph):  # a plain collection of triples (see mapping.MappedTriples)
        graph = Graph()
        for triple in data:
            graph.add(triple)
        data = graph
    conforms, raw = _pyshacl_results(data, shapes)
    return ValidationReport(conforms, _display(raw, shapes, data, prefixes), source, engine="pyshacl")


#: Compiled shapes by graph identity; the length guards against a graph changed after compiling.
_COMPILED: dict[int, tuple[Graph, int, CompiledShapes | UnsupportedShapes]] = {}


def _compiled(shapes: Graph) -> CompiledShapes:
    cached = _COMPILED.get(id(shapes))
    if cached is None or cached[0] is not shapes or cached[1] != len(shapes):
        try:
            compiled: CompiledShapes | UnsupportedShapes = CompiledShapes(shapes)
        except UnsupportedShapes as exc:
            compiled = exc
        if len(_COMPILED) >= 8:  # a process uses one or two shapes graphs; tests make many
            _COMPILED.clear()
        cached = _COMPILED[id(shapes)] = (shapes, len(shapes), compiled)
    if isinstance(cached[2], UnsupportedShapes):
        raise cached[2]
    return cached[2]


def _pyshacl_results(data: Graph, shapes: Graph) -> tuple[bool, list[RawResult]]:
    import pyshacl  # slow to import; only shapes beyond the fast subset need it

    conforms, results_graph, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=False,
        allow_warnings=True,
        allow_infos=True,
    )
    raw = []
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        messages = sorted(str(m) for m in results_graph.objects(result, SH.resultMessage))
        raw.append(
            RawResult(
                severity=results_graph.value(result, SH.resultSeverity) or SH.Violation,
                source_shape=results_graph.value(result, SH.sourceShape),
                focus=results_graph.value(result, SH.focusNode),
                path=results_graph.value(result, SH.resultPath),
                value=results_graph.value(result, SH.value),
                message=messages[0] if messages else "",
            )
        )
    return bool(conforms), raw


def _display(raw: list[RawResult], shapes: Graph, data: Graph, prefixes: bool = True) -> list[ValidationResult]:
    owner: dict = {}
    for node_shape, prop_shape in shapes.subject_objects(SH.property):
        owner[prop_shape] = node_shape

    def show(term, names=getattr(data, "namespace_manager", None) if prefixes else None) -> str:
        if term is None:
            return ""
        if isinstance(term, URIRef):
            if names is None:
                return f"<{term}>"
            try:
                return names.normalizeUri(term)
            except Exception:  # a term with no prefix: show it whole
                return f"<{term}>"
        if isinstance(term, Literal):
            text = str(term)
            return text if len(text) <= 80 else text[:77] + "..."
        if isinstance(term, BNode):
            return "[]"
        return str(term)

    results = []
    for r in raw:
        shape = owner.get(r.source_shape, r.source_shape)
        results.append(
            ValidationResult(
                severity=str(r.severity).rsplit("#", 1)[-1],
                shape=show(shape, shapes.namespace_manager) if not isinstance(shape, BNode) else "(anonymous shape)",
                focus=show(r.focus),
                path=show(r.path),
                value=show(r.value),
                message=r.message,
            )
        )
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return sorted(results, key=lambda r: (order.get(r.severity, 3), r.shape, r.focus, r.path, r.value, r.message))


def format_report(report: ValidationReport) -> str:
    """A readable summary grouped by shape: focus node, path, value and message per result."""
    head = f"{report.source}: " if report.source else ""
    counts = defaultdict(int)
    for r in report.results:
        counts[r.severity] += 1
    tally = ", ".join(f"{n} {sev.lower()}{'s' if n != 1 else ''}" for sev, n in sorted(counts.items()))
    lines = [f"{head}{'conforms' if report.conforms else 'does not conform'}" + (f" ({tally})" if tally else "")]
    by_shape: dict[str, list[ValidationResult]] = defaultdict(list)
    for r in report.results:
        by_shape[r.shape].append(r)
    for shape in sorted(by_shape):
        lines.append(f"  {shape}")
        for r in by_shape[shape]:
            value = f" value {r.value}" if r.value else ""
            lines.append(f"    {r.severity}: {r.focus} {r.path}{value}: {r.message}")
    return "\n".join(lines)


def reports_to_json(reports: list[ValidationReport]) -> str:
    return json.dumps([r.to_dict() for r in reports], indent=2, ensure_ascii=False)
