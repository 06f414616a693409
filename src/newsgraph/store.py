"""Load published article graphs into SPARQL stores and query them.

Two kinds of target:

* the **embedded store** (default): a pyoxigraph ``Store`` on disk. Its folder is the
  ``store`` argument, else :func:`newsgraph.config.store_dir`: ``NEWSGRAPH_STORE``, else
  ``$XDG_DATA_HOME/newsgraph/store``, else ``~/.local/share/newsgraph/store``; one per user,
  wherever a command runs.
* any **SPARQL 1.1 Graph Store HTTP Protocol** endpoint (``endpoint=URL``): each graph is
  sent with ``PUT URL?graph=<graph IRI>`` as N-Triples, then counted with a SPARQL query
  against the query endpoint (``query_endpoint``, derived from ``endpoint`` when not given,
  see :func:`derive_query_endpoint`).

An article file (Turtle, N-Triples, JSON-LD) goes into its own named graph whose name is the
article IRI: the one subject typed ``schema:NewsArticle`` in the file. A dataset file (TriG,
N-Quads; a corpus build's ``corpus.nq``) keeps its named graphs: one per article, named by
the article IRI, and the graph of the entities shared across articles. Loading again
replaces each graph, so loading is idempotent. After each graph is loaded its triple count
is read back from the store and compared with the file. Files are read as ``newsgraph
validate`` reads them (:func:`read_input`): nothing they name is fetched.

Credentials for endpoints come from the environment or a credentials file, never from
arguments on a command line, and are never printed; HTTP itself (User-Agent, retries,
Basic, Digest and bearer authentication) is :mod:`newsgraph.http`.

Queries over the embedded store see the union of all named graphs as the default graph.
For an endpoint, what the default graph holds is the server's configuration (Oxigraph:
``--union-default-graph``; Virtuoso and GraphDB: the union by default; Fuseki:
``tdb:unionDefaultGraph``); a query can always use ``GRAPH ?g { ... }``.

This module is a library: it raises :class:`~newsgraph.errors.StoreError` (or a subclass)
with a one-line message and never prints.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
import traceback
import urllib.parse
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator, Sequence

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from newsgraph import config, http
from newsgraph.errors import (
    QuerySyntaxError,
    RDFInputError,
    ServiceRefused,
    StoreAuthError,
    StoreError,
    StoreMissing,
    StoreUnavailable,
    UnknownQuestion,
)
from newsgraph.publish import PrefixMap
from newsgraph.validate import RDF_FORMATS as RDFLIB_FORMATS
from newsgraph.validate import read_rdf_bytes, safe_rdf_data

#: pyoxigraph's format for each RDF file name ending load and serve read.
FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
}
#: File name endings that :func:`load` picks from a folder (one file per name, the first in this order).
RDF_SUFFIXES = (".ttl", ".nt", ".jsonld", ".trig", ".nq")
#: The dataset files of a corpus build (``newsgraph.corpus``), in the order they are preferred
#: (N-Quads parses fastest): a folder holding one of them is a corpus folder.
CORPUS_FILES = ("corpus.nq", "corpus.trig")

SCHEMA_NEWS_ARTICLE = "https://schema.org/NewsArticle"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_NEWS_ARTICLE = ox.NamedNode(SCHEMA_NEWS_ARTICLE)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_SPARQL_JSON = "application/sparql-results+json"


# --------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class GraphLoad:
    """One file loaded into one named graph."""

    path: Path
    graph: str  #: the article IRI, also the named graph's name
    triples: int  #: triples in the file, equal to the count read back from the store
    replaced: bool  #: the embedded store held this graph before (always False for endpoints)


@dataclass
class LoadReport:
    target: str  #: the store path or the endpoint URL
    graphs: list[GraphLoad] = field(default_factory=list)
    seconds: float = 0.0
    #: files given or found that were not loaded: not RDF by their name, or holding no article
    skipped: list[Path] = field(default_factory=list)
    #: one line each, starting with a path: what was skipped and why, which file of a corpus folder was read
    notes: list[str] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)

    def __len__(self) -> int:
        return len(self.graphs)


@dataclass
class QueryResult:
    """A SELECT result (``variables`` and ``rows`` of rdflib terms, ``None`` when unbound),
    an ASK result (``boolean``), or a CONSTRUCT/DESCRIBE result as rows of
    ``subject predicate object``."""

    variables: list[str]
    rows: list[tuple[Identifier | None, ...]] = field(default_factory=list)
    boolean: bool | None = None

    def __iter__(self) -> Iterator[tuple[Identifier | None, ...]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[Identifier | None]:
        i = self.variables.index(name)
        return [row[i] for row in self.rows]


# --------------------------------------------------------------------------------------
# Credentials and HTTP

#: Credentials for an endpoint (``Auth.from_environment(url)`` reads them; see newsgraph.http).
Auth = http.Credentials


def _credentials(url: str) -> Auth:
    try:
        return Auth.from_environment(url)
    except http.AuthFailed as exc:
        raise StoreAuthError(str(exc)) from None


class _Http:
    """Requests to one endpoint: newsgraph.http's client with the store's retries and errors."""

    def __init__(self, auth: Auth, timeout: float = 30.0, retries: int = 4, backoff: float = 0.5):
        #: tries in all for connection errors, time-outs, 429 and 5xx; the first delay, doubled after each try
        self.retries = retries
        self.backoff = backoff
        # The timeout bounds each phase (connect, each read or write), not the request as a whole:
        # a large load or a long query may rightly take longer.
        self._client = http.Client(timeout=timeout, total=False, auth=auth.auth(), follow_redirects=True,
                                   proxies_from_environment=True)

    def __enter__(self) -> _Http:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()

    def request(
        self, method: str, url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, str, bytes]:
        """Returns (status, content type, body) of a 2xx answer, or raises."""
        try:
            answer = self._client.request(method, url, content=data, headers=headers,
                                          tries=self.retries, backoff=self.backoff)
        except http.GaveUp as exc:
            raise StoreUnavailable(f"{_display(url)} unavailable {_one_line(str(exc))}") from None
        except http.CertificateFailed as exc:
            raise StoreError(f"{_display(url)}: {_one_line(str(exc))}") from None
        except http.AuthFailed as exc:
            raise StoreAuthError(f"{_display(url)}: {_one_line(str(exc))}") from None
        except http.HttpError as exc:
            raise StoreError(f"{method} {_display(url)} failed: {_one_line(str(exc))}") from None
        if answer.status == 401:
            raise StoreAuthError(f"credentials missing or wrong for {_display(url)}")
        if answer.status == 403:
            raise StoreAuthError(f"credentials missing or wrong for {_display(url)} (403 Forbidden)")
        if answer.status >= 300:
            raise StoreError(f"{method} {_display(url)} failed: {answer.status_line}{_snippet(answer.body)}")
        return answer.status, answer.content_type, answer.body


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _snippet(body: bytes) -> str:
    text = body.decode("utf-8", "replace")
    text = re.sub(r"<[^>]+>", " ", text)  # servers answer errors in HTML
    text = _one_line(text, 160)
    return f": {text}" if text else ""


def _display(url: str) -> str:
    """The URL without query string or user info, for messages."""
    p = urllib.parse.urlsplit(url)
    netloc = p.hostname or ""
    if p.port:
        netloc += f":{p.port}"
    return urllib.parse.urlunsplit((p.scheme, netloc, p.path, "", ""))


def derive_query_endpoint(endpoint: str) -> str:
    """The SPARQL query endpoint beside a Graph Store Protocol endpoint.

    Oxigraph ``…/store`` → ``…/query``; Virtuoso ``…/sparql-graph-crud[-auth]`` →
    ``…/sparql``; Fuseki ``…/DATASET/data`` → ``…/DATASET/query``; GraphDB
    ``…/repositories/R/rdf-graphs/service`` → ``…/repositories/R``; anything else: the same
    URL (Fuseki's ``/DATASET``, QLever, and others serve both on one URL)."""
    p = urllib.parse.urlsplit(endpoint)
    path = p.path.rstrip("/")
    rules = [
        (r"/store$", "/query"),
        (r"/sparql-graph-crud(-auth)?$", "/sparql"),
        (r"/rdf-graphs/service$", ""),
        (r"/data$", "/query"),
    ]
    for pattern, replacement in rules:
        if re.search(pattern, path):
            path = re.sub(pattern, replacement, path)
            return urllib.parse.urlunsplit((p.scheme, p.netloc, path, "", ""))
    return urllib.parse.urlunsplit((p.scheme, p.netloc, p.path, "", ""))


# --------------------------------------------------------------------------------------
# Input files


@dataclass(frozen=True)
class RdfInput:
    """An RDF file read and checked, ready for pyoxigraph to parse (nothing in it is fetched)."""

    path: Path
    data: bytes
    format: ox.RdfFormat
    base_iri: str


def read_input(path: Path | str) -> RdfInput:
    """A file's bytes, checked as `newsgraph validate` checks its input: a regular file of at
    most ``validate.MAX_RDF_BYTES``, not empty, and for JSON-LD no ``@context`` or ``@import``
    given by IRI. (pyoxigraph 0.5 fetches no context either, but says so in its own words.)"""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise RDFInputError(f"{path}: {_NOT_RDF}")
    data = read_rdf_bytes(path)
    data = safe_rdf_data(data, RDFLIB_FORMATS[path.suffix.lower()], str(path))
    return RdfInput(path, data, fmt, base_iri(path))


def base_iri(path: Path) -> str:
    """The base IRI relative IRIs in a file are resolved against: the file's own ``file:`` IRI."""
    return path.resolve().as_uri()


_NOT_RDF = f"not an RDF file (expected {', '.join(FORMATS)})"


def corpus_dataset(folder: Path) -> Path | None:
    """The dataset file of a folder written by a corpus build (:data:`CORPUS_FILES`), if any."""
    return next((folder / name for name in CORPUS_FILES if (folder / name).is_file()), None)


def folder_files(folder: Path) -> list[Path]:
    """A folder's RDF files (:data:`RDF_SUFFIXES`, hidden files aside), one per article name,
    sorted: ``newsgraph build`` writes each article as both name.ttl and name.jsonld, and the
    first by RDF_SUFFIXES order (Turtle first) is taken."""
    chosen: dict[str, Path] = {}
    try:
        candidates = [q for q in folder.iterdir()
                      if q.suffix.lower() in RDF_SUFFIXES and not q.name.startswith(".") and q.is_file()]
    except OSError as exc:
        raise RDFInputError(f"{folder}: cannot read this folder: {exc.strerror or exc}") from None
    for path in sorted(candidates, key=lambda q: (q.stem, RDF_SUFFIXES.index(q.suffix.lower()))):
        chosen.setdefault(path.stem, path)
    if not chosen:
        raise RDFInputError(f"{folder}: no {', '.join('*' + s for s in RDF_SUFFIXES)} files in this folder")
    return sorted(chosen.values())


def collect_files(paths: Sequence[Path | str]) -> list[Path]:
    """The files :func:`load` reads for ``paths``: files as given, except those that are not
    RDF files by their name; a folder written by a corpus build gives its dataset file (``corpus.nq``,
    else ``corpus.trig``), which holds every article; any other folder gives its RDF files, one
    per article name (:func:`folder_files`)."""
    return _plan(paths, LoadReport(""))


def _plan(paths: Sequence[Path | str], report: LoadReport) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            corpus = corpus_dataset(p)
            if corpus is not None:
                report.notes.append(f"{p}: a corpus folder: loading {corpus.name} (every article graph and the "
                                    f"shared entity graph), not its per-article files")
                files.append(corpus)
            else:
                files.extend(folder_files(p))
        elif not p.exists() and not p.is_symlink():
            raise RDFInputError(f"{p}: no such file or directory")
        elif p.suffix.lower() not in FORMATS:
            _skip(report, p, _NOT_RDF)
        else:
            files.append(p)  # read_input says what is wrong with anything but a regular file
    return files


def _skip(report: LoadReport, path: Path, why: str) -> None:
    report.skipped.append(path)
    report.notes.append(f"{path}: skipped, {why}")


@dataclass
class _Input:
    """One input file, parsed: which graphs it fills and what to give the store."""

    path: Path
    graphs: dict[str, int] = field(default_factory=dict)  #: graph name → triples read for it, in file order
    distinct: bool = False  #: the counts are of distinct triples (else repeats are counted)
    data: bytes = b""  #: what to load: the file's bytes, or N-Triples / N-Quads made from them
    format: ox.RdfFormat = ox.RdfFormat.N_TRIPLES
    base_iri: str | None = None
    to_graph: str | None = None  #: the one graph of an article file; None: the quads name their graphs
    note: str | None = None  #: why the file, or a part of it, is not loaded
    skipped: bool = False  #: nothing of the file is loaded


def _scan(path: Path, *, keep: bool) -> _Input:
    """Read and parse a file. An article file (Turtle, N-Triples, JSON-LD) is one graph, named
    by its one ``schema:NewsArticle`` subject; a file without one is skipped (a VoID
    description, an ontology). A dataset file (TriG, N-Quads) keeps its named graphs; triples
    outside them are read as an article file's. With ``keep``, an article file's triples are
    returned as N-Triples (for endpoints)."""
    source = read_input(path)
    fmt = source.format
    counts: dict[str, int] = {}
    articles: set[str] = set()
    outside = 0  # triples in the default graph
    triples: set[ox.Triple] | None = set() if keep and not fmt.supports_datasets else None
    try:
        for q in ox.parse(source.data, format=fmt, base_iri=source.base_iri):
            graph = q.graph_name
            if isinstance(graph, ox.DefaultGraph):
                outside += 1
                if q.object == _NEWS_ARTICLE and q.predicate == _RDF_TYPE:
                    articles.add(q.subject.value if isinstance(q.subject, ox.NamedNode) else str(q.subject))
                if triples is not None:
                    triples.add(ox.Triple(q.subject, q.predicate, q.object))
            elif isinstance(graph, ox.NamedNode):
                counts[graph.value] = counts.get(graph.value, 0) + 1
            else:
                raise RDFInputError(f"{path}: the graph {graph} is a blank node; a graph to load needs an IRI for its name")
    except SyntaxError as exc:
        raise RDFInputError(f"{path}: not valid {fmt.name}: {_one_line(str(exc))}") from None
    except (OSError, ValueError) as exc:
        raise RDFInputError(f"{path}: cannot read: {_one_line(str(exc))}") from None
    if outside == 0 and not counts:
        return _Input(path, note=f"{path}: skipped, no triples in it", skipped=True)
    if not fmt.supports_datasets:
        return _article_file(source, articles, outside, triples)
    return _dataset_file(source, counts, articles, outside)  # also JSON-LD, which may name graphs


def _the_article(path: Path, articles: set[str], where: str) -> str | None:
    if not articles:
        return None
    if len(articles) > 1:
        found = ", ".join(sorted(articles)[:3]) + (", …" if len(articles) > 3 else "")
        raise RDFInputError(f"{path}: {where} one article's graph: expected one schema:NewsArticle subject, "
                            f"found {len(articles)} ({found})")
    article = next(iter(articles))
    if article.startswith("_:") or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", article):
        raise RDFInputError(f"{path}: the schema:NewsArticle subject must be an IRI to name its graph, not {article}")
    return article


def _article_file(source: RdfInput, articles: set[str], n: int, triples: set[ox.Triple] | None) -> _Input:
    path = source.path
    article = _the_article(path, articles, "a file to load must be")
    if article is None:
        return _Input(path, note=f"{path}: skipped, no schema:NewsArticle in it (not an article graph)", skipped=True)
    if triples is not None:
        return _Input(path, {article: len(triples)}, distinct=True, to_graph=article,
                      data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
    return _Input(path, {article: n}, data=source.data, format=source.format, base_iri=source.base_iri, to_graph=article)


def _dataset_file(source: RdfInput, counts: dict[str, int], articles: set[str], outside: int) -> _Input:
    path = source.path
    if outside == 0:
        return _Input(path, counts, data=source.data, format=source.format, base_iri=source.base_iri)
    # Triples outside the named graphs are an article graph of their own (a TriG file written
    # without graph names) or, when they name no article, not loaded: the store's default graph
    # is the union of the named graphs, and nothing else is put there.
    article = _the_article(path, articles, "the triples outside named graphs must be")
    note = None
    if article is None:
        if not counts:
            return _Input(path, note=f"{path}: skipped, no schema:NewsArticle in it (not an article graph)", skipped=True)
        note = f"{path}: {outside} triple{'s' if outside != 1 else ''} outside named graphs not loaded (no schema:NewsArticle among them)"
    else:
        counts = {article: counts.get(article, 0) + outside, **{g: n for g, n in counts.items() if g != article}}
    to = ox.NamedNode(article) if article is not None else None
    quads = (q if not isinstance(q.graph_name, ox.DefaultGraph) else ox.Quad(q.subject, q.predicate, q.object, to)
             for q in ox.parse(source.data, format=source.format, base_iri=source.base_iri)
             if to is not None or not isinstance(q.graph_name, ox.DefaultGraph))
    return _Input(path, counts, data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS,
                  note=note)


def _distinct_counts(item: _Input, graphs: set[str]) -> dict[str, int]:
    """Distinct triples in each of ``graphs`` of a file that repeats some triples (only those
    graphs' triples are held in memory)."""
    seen: dict[str, set[ox.Triple]] = {g: set() for g in graphs}
    for q in ox.parse(item.data, format=item.format, base_iri=item.base_iri):
        graph = item.to_graph if item.to_graph is not None else getattr(q.graph_name, "value", None)
        if graph in seen:
            seen[graph].add(ox.Triple(q.subject, q.predicate, q.object))
    return {g: len(triples) for g, triples in seen.items()}


def _scanned(files: list[Path], *, keep: bool) -> Iterator[_Input]:
    """Each file scanned, the next one parsed in a worker thread while the caller loads this
    one (the bulk loader releases the GIL); at most two files are held in memory."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsgraph-scan") as pool:
        pending: deque = deque()
        rest = iter(files)

        def ahead() -> None:
            f = next(rest, None)
            if f is not None:
                pending.append(pool.submit(_scan, f, keep=keep))

        ahead()
        try:
            while pending:
                fut = pending.popleft()
                ahead()
                yield fut.result()
        finally:
            for fut in pending:
                fut.cancel()


# --------------------------------------------------------------------------------------
# Load


def resolve_store(store: Path | str | None) -> Path:
    """The embedded store's folder: ``store``, else :func:`newsgraph.config.store_dir`."""
    return Path(store) if store is not None else config.store_dir()


def load(
    paths: Sequence[Path | str],
    *,
    store: Path | str | None = None,
    endpoint: str | None = None,
    query_endpoint: str | None = None,
    auth: Auth | None = None,
    timeout: float = 60.0,
    retries: int = 4,
    backoff: float = 0.5,
    progress: Callable[[GraphLoad], None] | None = None,
) -> LoadReport:
    """Load article graphs into the embedded store (default) or into a Graph Store Protocol
    ``endpoint``, replacing what each graph held.

    ``paths`` are files or folders (see :func:`collect_files`). An article file (``.ttl``,
    ``.nt``, ``.jsonld``, ``.json``) is one named graph, named by its article IRI; a dataset
    file (``.trig``, ``.nq``, e.g. a corpus's ``corpus.nq``) keeps its named graphs. Files
    that are not RDF by their name, or hold no article, are skipped and said so in
    ``LoadReport.notes``; when nothing is left to load, that is an error. ``progress`` is
    called after each graph is loaded and its count checked. ``retries``/``backoff``/
    ``timeout`` apply to endpoints."""
    if store is not None and endpoint is not None:
        raise StoreError("give either a store path or an endpoint, not both")
    if endpoint is not None:
        _check_url(endpoint)
    if query_endpoint is not None:
        _check_url(query_endpoint)
    started = time.perf_counter()
    if endpoint is None:
        report = LoadReport(target=str(resolve_store(store)))
        files = _plan(paths, report)
        _load_embedded(files, resolve_store(store), progress, report)
    else:
        report = LoadReport(target=_display(endpoint))
        files = _plan(paths, report)
        with _Http(auth if auth is not None else _credentials(endpoint), timeout, retries, backoff) as client:
            _load_endpoint(files, endpoint, query_endpoint or derive_query_endpoint(endpoint), client, progress, report)
    if not report.graphs:
        raise RDFInputError("nothing to load: " + ("; ".join(report.notes) if report.notes else "no files given"))
    report.seconds = time.perf_counter() - started
    return report


def _check_url(url: str) -> None:
    p = urllib.parse.urlsplit(url)
    if p.scheme not in ("http", "https") or not p.hostname:
        raise StoreError(f"not an http(s) endpoint URL: {_display(url) if p.hostname else url[:100]}")
    if p.username or p.password:
        raise StoreError("put credentials in NEWSGRAPH_USER/NEWSGRAPH_PASSWORD or netrc, not in the endpoint URL")


def _check_unique(item: _Input, seen: dict[str, Path]) -> None:
    for graph in item.graphs:
        other = seen.get(graph)
        if other is not None:
            what = "article" if item.to_graph is not None else "graph"
            raise RDFInputError(f"{item.path}: {what} {graph} is also in {other}; load each graph from one file only")
    for graph in item.graphs:
        seen[graph] = item.path


def _noted(item: _Input, report: LoadReport) -> bool:
    """Record what the scan left out; True when there is something to load."""
    if item.note is not None:
        report.notes.append(item.note)
    if item.skipped:
        report.skipped.append(item.path)
    return bool(item.graphs)


def open_store(path: Path, *, read_only: bool = False) -> ox.Store:
    """The embedded store at ``path``: made when missing, unless ``read_only``
    (then a missing store is :class:`~newsgraph.errors.StoreMissing`)."""
    try:
        if read_only:
            if not path.is_dir():
                raise StoreMissing(f"no store at {path}: run newsgraph load first")
            try:
                return ox.Store.read_only(str(path))
            except FileNotFoundError:  # a folder, but no database in it
                raise StoreMissing(f"no store at {path}: run newsgraph load first") from None
        path.parent.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        hint = " (is another newsgraph process using it?)" if "lock" in str(exc).lower() else ""
        raise StoreError(f"cannot open the store at {path}{hint}: {_one_line(str(exc))}") from None


def _count_embedded(st: ox.Store, graph: ox.NamedNode) -> int:
    sol = next(iter(st.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")))
    return int(sol["n"].value)


def _load_embedded(files: list[Path], path: Path, progress, report: LoadReport) -> None:
    st: ox.Store | None = None  # opened at the first graph to load: skipped files make no store
    seen: dict[str, Path] = {}
    try:
        for item in _scanned(files, keep=False):
            if not _noted(item, report):
                continue
            _check_unique(item, seen)
            if st is None:
                st = open_store(path)
            _load_one(st, item, path, progress, report)
    except BaseException as exc:
        # pyoxigraph has no close(): the store (and its lock) goes with its last reference,
        # which the traceback's frames would keep alive as long as the error is kept.
        traceback.clear_frames(exc.__traceback__)
        raise
    finally:
        if st is not None:
            try:
                st.flush()
            except OSError:
                pass
        del st


def _load_one(st: ox.Store, item: _Input, path: Path, progress, report: LoadReport) -> None:
    graphs = {g: ox.NamedNode(g) for g in item.graphs}
    replaced = {g for g, node in graphs.items() if st.contains_named_graph(node)}
    try:
        for g in replaced:
            st.remove_graph(graphs[g])
        # Already parsed by the scan: the loader skips its checks the second time.
        if item.to_graph is not None:
            st.bulk_load(item.data, item.format, base_iri=item.base_iri, to_graph=graphs[item.to_graph], lenient=True)
        else:
            st.bulk_load(item.data, item.format, base_iri=item.base_iri, lenient=True)
        counts = {g: _count_embedded(st, node) for g, node in graphs.items()}
    except (OSError, SyntaxError, ValueError) as exc:
        raise StoreError(f"{item.path}: loading into {path} failed: {_one_line(str(exc))}") from None
    expected = dict(item.graphs)
    differ = {g for g, count in counts.items() if count != expected[g]}
    if differ and not item.distinct:
        expected.update(_distinct_counts(item, differ))  # the file repeats some triples
    for g, count in counts.items():
        if count != expected[g]:
            raise StoreError(f"{item.path}: the store holds {count} triples in <{g}>, the file has {expected[g]}")
    for g, count in counts.items():
        done = GraphLoad(item.path, g, count, g in replaced)
        report.graphs.append(done)
        if progress is not None:
            progress(done)


def _count_endpoint(client: _Http, query_endpoint: str, graph: str) -> int:
    res = _query_endpoint(client, query_endpoint, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    try:
        return int(str(res.rows[0][0]))
    except (IndexError, ValueError, TypeError):
        raise StoreError(f"{_display(query_endpoint)} did not answer a COUNT query with a number") from None


def _graphs_to_send(item: _Input) -> Iterator[tuple[str, bytes, int]]:
    """(graph name, its distinct triples as N-Triples, how many) for each graph of a file."""
    if item.to_graph is not None:
        yield item.to_graph, item.data, item.graphs[item.to_graph]
        return
    mem = ox.Store()  # in memory: it sorts the quads by graph and drops repeats
    mem.bulk_load(item.data, item.format, base_iri=item.base_iri)
    for g in item.graphs:
        triples = [ox.Triple(q.subject, q.predicate, q.object)
                   for q in mem.quads_for_pattern(None, None, None, ox.NamedNode(g))]
        yield g, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), len(triples)


def _load_endpoint(files: list[Path], endpoint: str, query_endpoint: str, client: _Http, progress,
                   report: LoadReport) -> None:
    seen: dict[str, Path] = {}
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    for f in files:
        item = _scan(f, keep=True)
        if not _noted(item, report):
            continue
        _check_unique(item, seen)
        for graph, data, n in _graphs_to_send(item):
            url = f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"
            # PUT replaces the graph in one request (idempotent, so safe to retry).
            client.request("PUT", url, data=data, headers={"Content-Type": "application/n-triples; charset=utf-8"})
            count = _count_endpoint(client, query_endpoint, graph)
            if count != n:
                raise StoreError(f"{f}: {_display(endpoint)} holds {count} triples in <{graph}>, the file has {n}")
            done = GraphLoad(f, graph, count, False)
            report.graphs.append(done)
            if progress is not None:
                progress(done)


# --------------------------------------------------------------------------------------
# Query


def query(
    sparql: str,
    *,
    store: Path | str | None = None,
    endpoint: str | None = None,
    auth: Auth | None = None,
    timeout: float = 60.0,
    retries: int = 4,
    backoff: float = 0.5,
) -> QueryResult:
    """Run a SPARQL query on the embedded store (default graph = union of all graphs) or on
    a SPARQL query endpoint (``endpoint`` is the *query* URL, e.g. Oxigraph's ``/query``,
    Virtuoso's ``/sparql``; a Graph Store URL is mapped with :func:`derive_query_endpoint`)."""
    if store is not None and endpoint is not None:
        raise StoreError("give either a store path or an endpoint, not both")
    if endpoint is not None:
        _check_url(endpoint)
        url = derive_query_endpoint(endpoint) if _looks_like_gsp(endpoint) else endpoint
        with _Http(auth if auth is not None else _credentials(url), timeout, retries, backoff) as client:
            return _query_endpoint(client, url, sparql)
    if uses_service(sparql):
        raise ServiceRefused("SERVICE is not allowed on the embedded store: newsgraph makes no requests to other servers")
    path = resolve_store(store)
    st = open_store(path, read_only=True)
    try:
        try:
            res = st.query(sparql, use_default_graph_as_union=True)
            return _from_oxigraph(res, sparql)
        except SyntaxError as exc:
            raise QuerySyntaxError(f"the query is not valid SPARQL: {_one_line(str(exc))}") from None
        except OSError as exc:
            raise StoreError(f"query on {path} failed: {_one_line(str(exc))}") from None
    finally:
        del st


# SPARQL text that cannot hold a keyword or a variable: comments, strings and IRIs.
_NOT_CODE = re.compile(
    r"""\#[^\n]*                                  # comment
      | '''(?:[^'\\]|\\.|'(?!''))*'''             # long strings
      | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      | '(?:[^'\\\n]|\\.)*' | "(?:[^"\\\n]|\\.)*"  # strings
      | <[^<>"{}|^`\\\s]*>                         # IRIs
    """,
    re.VERBOSE,
)
_SERVICE = re.compile(r"(?<![\w?$:.-])SERVICE(?![\w:-])", re.IGNORECASE)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape_codepoints(text: str) -> str:
    """SPARQL 1.1 §19.2: ``\\uXXXX`` escapes are replaced before the query is parsed, so a
    keyword can be spelt with them; check the text as the parser will read it."""
    def repl(m: re.Match) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return m.group(0)

    return _UNICODE_ESCAPE.sub(repl, text)


def uses_service(query: str) -> bool:
    """True when the query has the SERVICE keyword (in any case, or spelt with ``\\u``
    escapes) outside strings, IRIs and comments. Oxigraph follows SERVICE over HTTP, so the
    embedded store (:func:`query`) and ``newsgraph serve`` refuse such queries."""
    for text in (query, _unescape_codepoints(query)):
        if _SERVICE.search(_NOT_CODE.sub(" ", text)):
            return True
    return False


_SELECT = re.compile(r"\bSELECT\b", re.IGNORECASE)
_SELECT_ALL = re.compile(r"SELECT\s+(?:(?:DISTINCT|REDUCED)\s+)?\*", re.IGNORECASE)
_VARIABLE = re.compile(r"[?$](\w+)")


def _projection(sparql: str, names: list[str]) -> list[str]:
    """The variables of a result in the query's order. Oxigraph keeps the order of an explicit
    projection but sorts those of ``SELECT *`` by name: put them in the order they first
    appear in the query, as other stores do."""
    text = _NOT_CODE.sub(" ", _unescape_codepoints(sparql))
    select = _SELECT.search(text)
    if select is None or not _SELECT_ALL.match(text, select.start()):
        return names
    first: dict[str, int] = {}
    for m in _VARIABLE.finditer(text, select.end()):
        first.setdefault(m.group(1), len(first))
    return sorted(names, key=lambda name: first.get(name, len(first)))


def _looks_like_gsp(url: str) -> bool:
    return derive_query_endpoint(url) != urllib.parse.urlunsplit(urllib.parse.urlsplit(url)[:3] + ("", ""))


def _from_oxigraph(res, sparql: str = "") -> QueryResult:
    if isinstance(res, ox.QueryBoolean):
        return QueryResult([], [], bool(res))
    if isinstance(res, ox.QuerySolutions):
        names = _projection(sparql, [v.value for v in res.variables])
        rows = [tuple(_term_from_ox(sol[name]) for name in names) for sol in res]
        return QueryResult(names, rows)
    rows = [(_term_from_ox(t.subject), _term_from_ox(t.predicate), _term_from_ox(t.object)) for t in res]
    return QueryResult(["subject", "predicate", "object"], rows)


def _term_from_ox(term) -> Identifier | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value) if dt == _XSD_STRING else Literal(term.value, datatype=URIRef(dt))
    return Literal(str(term))  # RDF-star triple terms: shown as text


def _term_from_json(b: dict | None) -> Identifier | None:
    if b is None:
        return None
    kind, value = b.get("type"), b.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = b.get("xml:lang")
        if lang:
            return Literal(value, lang=lang)
        dt = b.get("datatype")
        return Literal(value) if not dt or dt == _XSD_STRING else Literal(value, datatype=URIRef(dt))
    return Literal(str(value))


def _query_endpoint(client: _Http, url: str, sparql: str) -> QueryResult:
    accept = f"{_SPARQL_JSON}, application/n-triples;q=0.9, text/turtle;q=0.8, text/plain;q=0.5"
    encoded = urllib.parse.urlencode({"query": sparql})
    sep = "&" if urllib.parse.urlsplit(url).query else "?"
    # GET for short queries, a form POST for long ones: never application/sparql-query,
    # on which Virtuoso hangs.
    if len(encoded) < 1800:
        _, ctype, body = client.request("GET", f"{url}{sep}{encoded}", headers={"Accept": accept})
    else:
        _, ctype, body = client.request(
            "POST", url, data=encoded.encode("ascii"),
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
    return _parse_answer(ctype, body, url)


def _parse_answer(ctype: str, body: bytes, url: str) -> QueryResult:
    mime = ctype.split(";")[0].strip().lower()
    if mime in (_SPARQL_JSON, "application/json"):
        try:
            doc = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise StoreError(f"{_display(url)} answered with malformed SPARQL JSON results") from None
        if "boolean" in doc:
            return QueryResult([], [], bool(doc["boolean"]))
        names = list(doc.get("head", {}).get("vars", []))
        rows = [tuple(_term_from_json(b.get(n)) for n in names) for b in doc.get("results", {}).get("bindings", [])]
        return QueryResult(names, rows)
    fmt = {
        "application/n-triples": ox.RdfFormat.N_TRIPLES,
        "text/plain": ox.RdfFormat.N_TRIPLES,
        "text/turtle": ox.RdfFormat.TURTLE,
        "application/x-turtle": ox.RdfFormat.TURTLE,
    }.get(mime)
    if fmt is None:
        raise StoreError(f"{_display(url)} answered with {mime or 'no content type'}, not SPARQL results")
    try:
        triples = list(ox.parse(body, format=fmt))
    except SyntaxError as exc:
        raise StoreError(f"{_display(url)} answered with malformed {fmt.name}: {_one_line(str(exc))}") from None
    rows = [(_term_from_ox(t.subject), _term_from_ox(t.predicate), _term_from_ox(t.object)) for t in triples]
    return QueryResult(["subject", "predicate", "object"], rows)


# --------------------------------------------------------------------------------------
# Competency questions


def _queries_dir():
    return resources.files("newsgraph") / "resources" / "queries"


def cq_names() -> list[str]:
    """Names of the competency questions shipped with the package (``NAME.rq``)."""
    try:
        return sorted(p.name[:-3] for p in _queries_dir().iterdir() if p.name.endswith(".rq"))
    except (OSError, FileNotFoundError, NotADirectoryError):
        return []


def cq_query(name: str) -> str:
    """The SPARQL text of competency question ``name`` (with or without ``.rq``)."""
    stem = name[:-3] if name.endswith(".rq") else name
    names = cq_names()
    if stem not in names:
        listing = ", ".join(names) if names else "none are installed"
        raise UnknownQuestion(f"unknown competency question {name!r}; available: {listing}")
    return (_queries_dir() / f"{stem}.rq").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------
# Formatting


def _short(term: Identifier | None, prefixes: PrefixMap) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return prefixes.shrink(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        return str(term) + (f"@{term.language}" if term.language else "")
    return str(term)


#: Characters of a table cell at most; a longer value is cut and ends in "…" (csv and json give it whole).
TABLE_CELL_WIDTH = 60
# Control characters (C0, DEL, C1) in the data would drive the terminal (ESC sequences): shown escaped.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _cell(text: str, width: int) -> str:
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", " ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(result: QueryResult, *, prefixes: dict[str, str] | None = None, width: int = TABLE_CELL_WIDTH) -> str:
    """Aligned columns with a header line; IRIs shortened with newsgraph's prefixes; values
    longer than ``width`` characters cut, ending in "…"; whitespace runs shown as one space."""
    if result.boolean is not None:
        return "true" if result.boolean else "false"
    if prefixes is None:
        from newsgraph.namespaces import PREFIXES

        prefixes = {k: str(v) for k, v in PREFIXES.items()}
    header = [f"?{v}" for v in result.variables]
    names = PrefixMap(prefixes, strict=False)  # the abbreviation Turtle and SPARQL write
    cells = [[_cell(_short(t, names), width) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(header), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)


def _csv_value(term: Identifier | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def format_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV: IRIs and literal values as plain text, CRLF lines."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if result.boolean is not None:
        w.writerow(["boolean"])
        w.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    w.writerow(result.variables)
    for row in result.rows:
        w.writerow([_csv_value(t) for t in row])
    return buf.getvalue()


def _json_term(term: Identifier) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal):
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None and str(term.datatype) != _XSD_STRING:
            out["datatype"] = str(term.datatype)
    return out


def format_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
    ]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=2)


__all__ = [
    "CORPUS_FILES",
    "FORMATS",
    "RDF_SUFFIXES",
    "Auth",
    "GraphLoad",
    "LoadReport",
    "QueryResult",
    "RdfInput",
    "base_iri",
    "collect_files",
    "corpus_dataset",
    "cq_names",
    "cq_query",
    "derive_query_endpoint",
    "folder_files",
    "format_csv",
    "format_json",
    "format_table",
    "load",
    "open_store",
    "query",
    "read_input",
    "resolve_store",
    "uses_service",
]
