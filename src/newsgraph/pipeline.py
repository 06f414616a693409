"""The one place that runs the stages in order: read → extract → link → map → validate → publish."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path


from newsgraph.errors import NotConforming
from newsgraph.gazetteer import Gazetteer
from newsgraph.link import LinkDecision, link_record, load_link_gazetteer
from newsgraph.mapping import MappedTriples, record_to_triples
from newsgraph.model import Record
from newsgraph.namespaces import DEFAULT_BASE, DEFAULT_LICENCE
from newsgraph.publish import publish_graph, write_record
from newsgraph.read import read_article, read_record
from newsgraph.validate import ValidationReport, load_rdf, load_shapes, validate_graph
from newsgraph.wikidata import WikidataClient


@dataclass
class Options:
    base: str = DEFAULT_BASE
    model: str | None = None  # spaCy model package; None for the default
    gazetteer: Path | None = None  # user rows added to the shipped gazetteer
    link: bool = True
    shapes: Path | None = None  # None for the shipped shapes
    allow_private: bool = False  # let URLs reach loopback and private addresses
    online: bool = False  # also look up unlinked entities with the Wikidata API (cached on disk)
    licence: str = DEFAULT_LICENCE  # dcterms:license of the extracted data (never the article's text)
    text: str = "full"  # how much article text a graph carries: mapping.TEXT_POLICIES


@dataclass
class BuildResult:
    record: Record
    graph: MappedTriples  # iterates and counts like an rdflib Graph; mapping.record_to_graph gives one
    report: ValidationReport
    written: list[Path] = field(default_factory=list)


def gazetteer_for(options: Options) -> Gazetteer:
    return load_link_gazetteer(options.gazetteer)


def extract_file(source: Path | str, options: Options) -> Record:
    """Read an article (a file or an http(s) URL) and extract its record, linked unless disabled."""
    from newsgraph.extract import DEFAULT_MODEL, extract_record, load_nlp  # spaCy is slow to import

    article = read_article(source, allow_private=options.allow_private)
    gazetteer = gazetteer_for(options)
    record = extract_record(article, load_nlp(options.model or DEFAULT_MODEL), gazetteer)
    if options.link:
        with _online_client(options) as online:
            record, _ = link(record, gazetteer, online)
    return record


def link(
    record: Record, gazetteer: Gazetteer, online: WikidataClient | None = None
) -> tuple[Record, list[LinkDecision]]:
    """Link the record's entities to Wikidata (offline, then with `online` if given); the new record and the decisions."""
    return link_record(record, gazetteer, online)


def _online_client(options: Options) -> AbstractContextManager[WikidataClient | None]:
    """A Wikidata client (closed on exit) when the options allow the network, else None."""
    return WikidataClient() if options.online else nullcontext(None)


def map_record(record: Record, options: Options) -> tuple[MappedTriples, ValidationReport]:
    """Map a record to RDF and validate it; raises NotConforming when it does not conform."""
    graph = record_to_triples(record, options.base, options.licence, options.text)
    report = validate_graph(graph, load_shapes(options.shapes), source=record.article.id)
    if not report.conforms:
        raise NotConforming(f"{record.article.id}: the graph does not conform to the shapes; nothing was written", report)
    return graph, report


def publish_record(record: Record, out_dir: Path, options: Options) -> BuildResult:
    """Map, validate and, only when the graph conforms, write Turtle and JSON-LD."""
    graph, report = map_record(record, options)
    written = publish_graph(graph, out_dir, record.article.id)
    return BuildResult(record=record, graph=graph, report=report, written=written)


def build(source: Path | str, out_dir: Path, options: Options) -> BuildResult:
    """The whole job for one article (a file or an http(s) URL)."""
    return publish_record(extract_file(source, options), out_dir, options)


def extract_to_file(source: Path | str, record_path: Path, options: Options) -> Record:
    record = extract_file(source, options)
    write_record(record, record_path)
    return record


def map_file(record_path: Path, out_dir: Path, options: Options) -> BuildResult:
    """Publish a (reviewed) record file. Entities without a link are linked unless disabled."""
    record = read_record(record_path)
    if options.link:
        gazetteer = gazetteer_for(options)
        with _online_client(options) as online:
            record, _ = link(record, gazetteer, online)
    return publish_record(record, out_dir, options)


def link_file(record_path: Path, options: Options, out_path: Path | None = None):
    """Link a record file; writes the linked record to out_path (or back in place)."""
    record = read_record(record_path)
    gazetteer = gazetteer_for(options)
    with _online_client(options) as online:
        linked, decisions = link(record, gazetteer, online)
    write_record(linked, out_path or record_path)
    return linked, decisions


def validate_files(paths: list[Path], shapes: Path | None = None, engine: str = "auto") -> list[ValidationReport]:
    """Validate each RDF file; parse errors raise RDFInputError before any result is given."""
    shapes_graph = load_shapes(shapes)
    graphs = [(path, load_rdf(path)) for path in paths]
    return [validate_graph(graph, shapes_graph, source=str(path), engine=engine) for path, graph in graphs]
