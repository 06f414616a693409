"""SHACL validation of published graphs against the shipped (or given) shapes."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from newsgraph.errors import RDFInputError
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

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    def to_dict(self) -> dict:
        return {"source": self.source, "conforms": self.conforms, "results": [asdict(r) for r in self.results]}


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


def validate_graph(data: Graph, shapes: Graph, source: str = "") -> ValidationReport:
    """Check `data` against `shapes` (SHACL Core, no inference). Warnings do not break conformance."""
    import pyshacl  # slow to import; only validation needs it

    conforms, results_graph, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=False,
        allow_warnings=True,
        allow_infos=True,
    )
    results = _read_results(results_graph, shapes, data)
    return ValidationReport(conforms=bool(conforms), results=results, source=source)


def _read_results(results_graph: Graph, shapes: Graph, data: Graph) -> list[ValidationResult]:
    owner: dict = {}
    for node_shape, prop_shape in shapes.subject_objects(SH.property):
        owner[prop_shape] = node_shape
    def show(term, names=data.namespace_manager) -> str:
        if term is None:
            return ""
        if isinstance(term, URIRef):
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
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        severity = results_graph.value(result, SH.resultSeverity)
        source_shape = results_graph.value(result, SH.sourceShape)
        shape = owner.get(source_shape, source_shape)
        messages = sorted(str(m) for m in results_graph.objects(result, SH.resultMessage))
        results.append(
            ValidationResult(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                shape=show(shape, shapes.namespace_manager) if not isinstance(shape, BNode) else "(anonymous shape)",
                focus=show(results_graph.value(result, SH.focusNode)),
                path=show(results_graph.value(result, SH.resultPath)),
                value=show(results_graph.value(result, SH.value)),
                message=messages[0] if messages else "",
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
