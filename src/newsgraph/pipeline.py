"""The one place that runs the stages in order: read → extract → link → map → validate → publish.

`article_graph` is the whole job for one article short of writing files: a pure function of
the article (and, optionally, its spaCy parse) and the loaded `Resources`. A single `build`
and every corpus worker (`newsgraph.corpus`) call it, so both give the same graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from rdflib import Graph

from newsgraph.errors import NotConforming
from newsgraph.gazetteer import Gazetteer
from newsgraph.link import LinkDecision, link_record, load_link_gazetteer
from newsgraph.mapping import MappedTriples, record_to_triples
from newsgraph.model import Article, Record
from newsgraph.namespaces import DEFAULT_BASE, DEFAULT_LICENCE
from newsgraph.publish import publish_graph
from newsgraph.read import read_article, read_article_bytes
from newsgraph.record import read_record, write_record
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


class Resources:
    """What the stages read besides the article: the spaCy pipeline, the gazetteer and the shapes
    graph for `options`. Each is loaded on first use and kept, so a command loads only what it
    needs (and reports a bad article before spending a second on the model), and a corpus
    worker loads everything once for all its articles (`load_all`)."""

    def __init__(self, options: Options):
        self.options = options

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return gazetteer_for(self.options)

    @cached_property
    def nlp(self) -> Any:  # a spacy.Language; spaCy is slow to import, so it is not named here
        from newsgraph.extract import DEFAULT_MODEL, load_nlp

        return load_nlp(self.options.model or DEFAULT_MODEL)

    @cached_property
    def shapes(self) -> Graph:
        return load_shapes(self.options.shapes)

    def load_all(self) -> Resources:
        """Load the gazetteer, the shapes and the model now (in that order); typed errors as the stages give them."""
        self.gazetteer, self.shapes, self.nlp  # noqa: B018 (loaded for their side effect)
        return self


def gazetteer_for(options: Options) -> Gazetteer:
    return load_link_gazetteer(options.gazetteer)


# --------------------------------------------------------------------------- one article, no files


def read_bytes(data: bytes, path: Path) -> Article:
    """The article in `data`, the bytes of the file at `path` (read already, e.g. by a corpus
    that ships bytes to workers which may not see the file); `path` names the article."""
    return read_article_bytes(data, path)


def parse_batch(articles: Sequence[Article], resources: Resources) -> list[Any]:
    """spaCy's parse of each article, batched with `nlp.pipe` (several times faster than one by
    one), for `article_graph(doc=)`. When one text breaks the batch, every entry is None and
    `article_graph` parses each article itself, so only the bad one fails."""
    from newsgraph.extract import text_to_parse
    from newsgraph.extract.nlp import PARSE_CHUNK_CHARS

    texts = [text_to_parse(article.text) for article in articles]
    # A long article is parsed in pieces by `article_graph` itself, as a single build parses it
    # (the same record either way); only the others go through the batch.
    batched = [i for i, text in enumerate(texts) if len(text) <= PARSE_CHUNK_CHARS]
    docs: list[Any] = [None] * len(texts)
    try:
        for i, doc in zip(batched, resources.nlp.pipe(texts[i] for i in batched)):
            docs[i] = doc
    except Exception:
        return [None] * len(texts)
    return docs


def article_graph(
    article: Article,
    resources: Resources,
    *,
    doc: Any = None,
    online: WikidataClient | None = None,
    prefixes: bool = True,
) -> BuildResult:
    """Extract, link (unless the options say not to), map and validate one article; nothing is
    written. `doc` is `resources.nlp` already run over the article (see `parse_batch`). The
    report's `conforms` says whether the graph may be published; `prefixes` as for validate_graph."""
    return _mapped(_linked(_extracted(article, resources, doc), resources, online), resources, prefixes)


def record_graph(
    record: Record, resources: Resources, *, online: WikidataClient | None = None, prefixes: bool = True
) -> BuildResult:
    """Link (unless the options say not to), map and validate a record; nothing is written."""
    return _mapped(_linked(record, resources, online), resources, prefixes)


def _extracted(article: Article, resources: Resources, doc: Any = None) -> Record:
    from newsgraph.extract import extract_record  # spaCy is slow to import

    gazetteer = resources.gazetteer  # a bad gazetteer file is reported before a missing model
    return extract_record(article, resources.nlp, gazetteer, doc=doc)


def _linked(record: Record, resources: Resources, online: WikidataClient | None) -> Record:
    if resources.options.link:
        record, _ = link(record, resources.gazetteer, online)
    return record


def _mapped(record: Record, resources: Resources, prefixes: bool) -> BuildResult:
    graph = record_to_triples(record, resources.options.base, resources.options.licence, resources.options.text)
    report = validate_triples(graph, resources, source=record.article.id, prefixes=prefixes)
    return BuildResult(record=record, graph=graph, report=report)


def validate_triples(
    triples: Graph | Iterable[tuple[Any, Any, Any]], resources: Resources, *, source: str = "", prefixes: bool = True
) -> ValidationReport:
    """Check triples against the shapes of `resources` (warnings do not break conformance)."""
    return validate_graph(triples, resources.shapes, source=source, prefixes=prefixes)


def link(
    record: Record, gazetteer: Gazetteer, online: WikidataClient | None = None
) -> tuple[Record, list[LinkDecision]]:
    """Link the record's entities to Wikidata (offline, then with `online` if given); the new record and the decisions."""
    return link_record(record, gazetteer, online)


def _online_client(options: Options) -> AbstractContextManager[WikidataClient | None]:
    """A Wikidata client (closed on exit) when the options allow the network, else None."""
    return WikidataClient() if options.online else nullcontext(None)


# --------------------------------------------------------------------------- commands


def build(source: Path | str, out_dir: Path, options: Options) -> BuildResult:
    """The whole job for one article (a file or an http(s) URL): Turtle and JSON-LD are
    written only when the graph conforms."""
    article = read_article(source, allow_private=options.allow_private)
    with _online_client(options) as online:
        result = article_graph(article, Resources(options), online=online)
    return _publish(result, out_dir)


def extract_file(source: Path | str, options: Options) -> Record:
    """Read an article (a file or an http(s) URL) and extract its record, linked unless disabled."""
    article = read_article(source, allow_private=options.allow_private)
    resources = Resources(options)
    record = _extracted(article, resources)
    with _online_client(options) as online:
        return _linked(record, resources, online)


def extract_to_file(source: Path | str, record_path: Path, options: Options) -> Record:
    record = extract_file(source, options)
    write_record(record, record_path)
    return record


def map_file(record_path: Path, out_dir: Path, options: Options) -> BuildResult:
    """Publish a (reviewed) record file. Entities without a link are linked unless disabled."""
    record = read_record(record_path)
    with _online_client(options) as online:
        result = record_graph(record, Resources(options), online=online)
    return _publish(result, out_dir)


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


def _check(result: BuildResult) -> None:
    if not result.report.conforms:
        raise NotConforming(
            f"{result.record.article.id}: the graph does not conform to the shapes; nothing was written", result.report
        )


def _publish(result: BuildResult, out_dir: Path) -> BuildResult:
    _check(result)
    result.written = publish_graph(result.graph, out_dir, result.record.article.id)
    return result
