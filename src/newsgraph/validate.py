"""SHACL validation of published graphs against the shipped (or given) shapes."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from newsgraph._files import read_input
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
    value: str | None  # None when the result names no value (e.g. a missing property)
    message: str


@dataclass
class ValidationReport:
    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)
    source: str = ""
    engine: str = ""  # which engine gave the results: "fast" or "pyshacl"
    prefixes: dict[str, str] = field(default_factory=dict)  # the prefixes the results' names use

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    def to_dict(self) -> dict:
        return {
            "source": self.source, "conforms": self.conforms, "engine": self.engine,
            "prefixes": self.prefixes, "results": [asdict(r) for r in self.results],
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


#: The largest RDF file read (checked while reading): a 1,000-article corpus.trig is ~110 MB.
MAX_RDF_BYTES = 256 << 20
#: JSON nested deeper than this is refused (real JSON-LD nests a handful of levels).
MAX_JSON_DEPTH = 200
#: RDF/XML internal entities are expanded by newsgraph, at most this many bytes in all.
MAX_XML_EXPANSION = 16 << 20


def load_rdf(path: Path, fmt: str | None = None) -> Graph:
    """Parse an RDF file into one graph (named graphs of TriG/N-Quads are merged).

    Nothing is fetched: a JSON-LD `@context` or `@import` given by IRI and an XML external
    entity are refused, and RDF/XML internal entities are expanded here under a size cap."""
    data = read_rdf_bytes(path)
    fmt = fmt or guess_format(path, data)
    data = safe_rdf_data(data, fmt, str(path))
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
    except RecursionError:
        raise RDFInputError(f"{path}: cannot parse as {fmt}: nested too deeply") from None
    except Exception as exc:  # rdflib raises many exception types for bad input
        raise RDFInputError(f"{path}: cannot parse as {fmt}: {_parse_error(exc)}") from None


def read_rdf_bytes(path: Path) -> bytes:
    """The bytes of an RDF file: a regular, non-empty file of at most MAX_RDF_BYTES."""
    data = read_input(path, "file", MAX_RDF_BYTES, RDFInputError)
    if not data.strip():
        raise RDFInputError(f"{path}: the file is empty")
    return data


def safe_rdf_data(data: bytes, fmt: str, source: str) -> bytes:
    """`data` made safe to give a parser: JSON-LD without remote contexts, RDF/XML without a DTD."""
    if fmt == "json-ld":
        return _local_json_ld(data, source)
    if fmt == "xml":
        return _expand_xml_entities(data, source)
    return data


def _local_json_ld(data: bytes, source: str) -> bytes:
    try:
        document = json.loads(data)
    except RecursionError:
        raise RDFInputError(f"{source}: JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise RDFInputError(f"{source}: cannot parse as json-ld: {exc}") from None
    stack = [(document, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise RDFInputError(f"{source}: JSON nested deeper than {MAX_JSON_DEPTH} levels")
        if isinstance(node, dict):
            if "@import" in node:
                raise RDFInputError(f"{source}: JSON-LD @import {_short(node['@import'])} refused: newsgraph fetches nothing; put the context inline")
            context = node.get("@context")
            for item in context if isinstance(context, list) else [context]:
                if isinstance(item, str):
                    raise RDFInputError(f"{source}: remote JSON-LD context {_short(item)} refused: newsgraph fetches nothing; put the context inline")
            stack.extend((value, depth + 1) for value in node.values())
        elif isinstance(node, list):
            stack.extend((value, depth + 1) for value in node)
    return data


_DOCTYPE = re.compile(rb"<!DOCTYPE\s[^\[>]*(?:\[(?P<subset>.*?)\]\s*)?>", re.S | re.I)
_ENTITY = re.compile(rb"""<!ENTITY\s+(?P<pe>%\s+)?(?P<name>[^\s%"']+)\s+(?P<value>"[^"]*"|'[^']*'|(?:SYSTEM|PUBLIC)\b[^>]*)\s*>""", re.S)
_REFERENCE = re.compile(rb"&([A-Za-z_:][-A-Za-z0-9._:]*);")
_PREDEFINED = frozenset({b"lt", b"gt", b"amp", b"apos", b"quot"})


def _expand_xml_entities(data: bytes, source: str) -> bytes:
    """RDF/XML with its internal entities expanded and its DTD removed.

    RDF/XML files often declare entities for namespace IRIs (`&owl;`); a hostile one nests them
    to billions of bytes or names an external file. newsgraph expands general internal
    entities itself, at most MAX_XML_EXPANSION bytes, and refuses external and parameter ones,
    so the XML parser never sees a DTD."""
    match = _DOCTYPE.search(data)
    if match is None:
        if b"<!ENTITY" in data:
            raise RDFInputError(f"{source}: an XML entity declaration outside a DOCTYPE")
        return data
    subset = match.group("subset") or b""
    entities: dict[bytes, bytes] = {}
    for decl in _ENTITY.finditer(subset):
        name = decl.group("name")
        if decl.group("pe"):
            raise RDFInputError(f"{source}: XML parameter entity {name.decode(errors='replace')!r} refused")
        value = decl.group("value")
        if value[:1] not in (b'"', b"'"):
            raise RDFInputError(f"{source}: XML external entity {name.decode(errors='replace')!r} refused: newsgraph fetches nothing")
        entities.setdefault(name, value[1:-1])
    if b"<!ENTITY" in _ENTITY.sub(b"", subset):
        raise RDFInputError(f"{source}: an XML entity declaration newsgraph cannot read")
    budget = [MAX_XML_EXPANSION]

    def expand(text: bytes, depth: int) -> bytes:
        def one(ref: re.Match) -> bytes:
            name = ref.group(1)
            if name in _PREDEFINED or name not in entities:
                return ref.group(0)
            if depth >= 16:
                raise RDFInputError(f"{source}: XML entities nested more than 16 deep")
            value = expand(entities[name], depth + 1)
            budget[0] -= len(value)
            if budget[0] < 0:
                raise RDFInputError(f"{source}: XML entities expand to more than {MAX_XML_EXPANSION >> 20} MiB")
            return value
        return _REFERENCE.sub(one, text)

    return data[: match.start()] + expand(data[match.end():], 0)


def _short(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 80 else text[:79] + "…"


def _parse_error(exc: Exception) -> str:
    """One readable line for a parser's exception (rdflib's Turtle errors quote byte strings)."""
    why, lines = getattr(exc, "_why", None), getattr(exc, "lines", None)
    if why is not None and isinstance(lines, int):
        return f"line {lines + 1}: {why}"
    text = " ".join(str(exc).split())
    return _short(text) if text else type(exc).__name__


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
            return _report(conforms, raw, shapes, data, prefixes, source, "fast")
    if not isinstance(data, Graph):  # a plain collection of triples (see mapping.MappedTriples)
        graph = Graph()
        for triple in data:
            graph.add(triple)
        data = graph
    conforms, raw = _pyshacl_results(data, shapes)
    return _report(conforms, raw, shapes, data, prefixes, source, "pyshacl")


def _report(conforms: bool, raw: list[RawResult], shapes: Graph, data, prefixes: bool, source: str, engine: str) -> ValidationReport:
    results = _display(raw, shapes, data, prefixes)
    names = [name for r in results for name in (r.shape, r.focus, r.path, r.value or "")]
    used = {}
    for graph in (data, shapes):
        manager = getattr(graph, "namespace_manager", None)
        if manager is None or (graph is data and not prefixes):
            continue
        for prefix, namespace in manager.namespaces():
            if prefix and prefix not in used and any(n.startswith(f"{prefix}:") for n in names):
                used[prefix] = str(namespace)
    return ValidationReport(conforms, results, source, engine=engine, prefixes=dict(sorted(used.items())))


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

    try:
        conforms, results_graph, _ = pyshacl.validate(
            data,
            shacl_graph=shapes,
            inference="none",
            advanced=False,
            allow_warnings=True,
            allow_infos=True,
            do_owl_imports=False,  # never fetch what the shapes import
        )
    except ArithmeticError:  # rdflib orders a NaN decimal by raising; pySHACL does not catch it
        raise RDFInputError(
            "pySHACL cannot compare a value of this graph (a NaN decimal); the fast engine reports it as a result"
        ) from None
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
                value=None if r.value is None else show(r.value),
                message=r.message,
            )
        )
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return sorted(results, key=lambda r: (order.get(r.severity, 3), r.shape, r.focus, r.path, r.value or "", r.message))


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
            value = "" if r.value is None else " value " + (r.value or '""')
            lines.append(f"    {r.severity}: {r.focus} {r.path}{value}: {r.message}")
    return "\n".join(lines)


def reports_to_json(reports: list[ValidationReport]) -> str:
    return json.dumps([r.to_dict() for r in reports], indent=2, ensure_ascii=False)
