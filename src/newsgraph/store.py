"""Load published article graphs into SPARQL stores and query them.

Two kinds of target:

* the **embedded store** (default): a pyoxigraph ``Store`` on disk. Its path is, in order,
  the ``store`` argument, the ``NEWSGRAPH_STORE`` environment variable, or
  ``.newsgraph/store`` relative to the current directory (:data:`DEFAULT_STORE`).
* any **SPARQL 1.1 Graph Store HTTP Protocol** endpoint (``endpoint=URL``): each graph is
  sent with ``PUT URL?graph=<article IRI>`` as N-Triples, then counted with a SPARQL query
  against the query endpoint (``query_endpoint``, derived from ``endpoint`` when not given,
  see :func:`derive_query_endpoint`).

Each article graph goes into its own named graph whose name is the article IRI: the one
subject typed ``schema:NewsArticle`` in the file. Loading again replaces that named graph,
so loading is idempotent. After each graph is loaded its triple count is read back from the
store and compared with the file.

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
    RDFInputError,
    StoreAuthError,
    StoreError,
    StoreUnavailable,
)

#: Where the embedded store lives unless ``store=`` or ``NEWSGRAPH_STORE`` says otherwise.
DEFAULT_STORE = config.DEFAULT_STORE

#: File name endings that :func:`load` picks from a directory (sorted by name).
RDF_SUFFIXES = (".ttl", ".nt", ".jsonld", ".trig")
_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
}

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


@dataclass
class _Parsed:
    path: Path
    article: str
    triples: int  #: distinct triples when ``data`` is set; else triples as read (maybe with repeats)
    data: bytes | None = None  #: N-Triples, for endpoints and for dataset formats


def collect_files(paths: Sequence[Path | str]) -> list[Path]:
    """Files as given; directories expanded to their RDF files, one per article name (sorted)."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = _one_format_per_stem(q for q in p.iterdir() if q.is_file() and q.suffix.lower() in RDF_SUFFIXES)
            if not found:
                raise RDFInputError(f"{p}: no {', '.join('*' + s for s in RDF_SUFFIXES)} files in this directory")
            files.extend(found)
        elif p.is_file():
            if p.suffix.lower() not in _FORMATS:
                raise RDFInputError(f"{p}: unknown RDF file type (expected {', '.join(RDF_SUFFIXES)})")
            files.append(p)
        else:
            raise RDFInputError(f"{p}: no such file or directory")
    if not files:
        raise RDFInputError("no RDF files to load")
    return files


def _one_format_per_stem(files) -> list[Path]:
    """`newsgraph build` writes each article as both name.ttl and name.jsonld: in a folder,
    load one file per name, the first by RDF_SUFFIXES order (Turtle first)."""
    chosen: dict[str, Path] = {}
    for path in sorted(files, key=lambda q: (q.stem, RDF_SUFFIXES.index(q.suffix.lower()))):
        chosen.setdefault(path.stem, path)
    return sorted(chosen.values())


def _format(path: Path) -> ox.RdfFormat:
    return _FORMATS[path.suffix.lower()]


def _base(path: Path) -> str:
    return path.resolve().as_uri()


def _source(path: Path) -> dict:
    """Arguments for pyoxigraph's parse/load: a path, or the JSON-LD text with a
    packaged context put in place of a remote reference to it."""
    fmt = _format(path)
    if fmt != ox.RdfFormat.JSON_LD:
        return {"path": path}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RDFInputError(f"{path}: cannot read: {exc}") from None
    return {"input": _inline_context(text)}


def _inline_context(text: str) -> str:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError:
        return text  # the parser reports it
    local = _packaged_context()
    if local is None or not isinstance(doc, dict):
        return text
    ctx = doc.get("@context")
    refs = ctx if isinstance(ctx, list) else [ctx]
    if not any(isinstance(r, str) and r.endswith("context.jsonld") for r in refs):
        return text
    new = [local if isinstance(r, str) and r.endswith("context.jsonld") else r for r in refs]
    doc["@context"] = new if isinstance(ctx, list) else new[0]
    return json.dumps(doc)


def _packaged_context():
    try:
        res = resources.files("newsgraph") / "resources" / "context.jsonld"
        if not res.is_file():
            return None
        data = json.loads(res.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("@context", data) if isinstance(data, dict) else None


def _scan(path: Path, *, keep: bool) -> _Parsed:
    """Parse a file: find its one schema:NewsArticle and count its triples. With ``keep``
    (or for formats with named graphs), also return its distinct triples as N-Triples."""
    fmt = _format(path)
    keep = keep or fmt.supports_datasets
    articles: set[str] = set()
    n = 0
    triples: set[ox.Triple] | None = set() if keep else None
    try:
        for q in ox.parse(format=fmt, base_iri=_base(path), **_source(path)):
            n += 1
            if q.object == _NEWS_ARTICLE and q.predicate == _RDF_TYPE:
                articles.add(q.subject.value if isinstance(q.subject, ox.NamedNode) else str(q.subject))
            if triples is not None:
                triples.add(ox.Triple(q.subject, q.predicate, q.object))
    except SyntaxError as exc:
        raise RDFInputError(f"{path}: not valid {fmt.name}: {_one_line(str(exc))}") from None
    except (OSError, ValueError) as exc:
        raise RDFInputError(f"{path}: cannot read: {_one_line(str(exc))}") from None
    if len(articles) != 1:
        found = "none" if not articles else ", ".join(sorted(articles)[:3])
        raise StoreError(f"{path}: expected exactly one schema:NewsArticle subject, found {len(articles)} ({found})")
    article = next(iter(articles))
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", article) or article.startswith("_:"):
        raise StoreError(f"{path}: the schema:NewsArticle subject must be an IRI to name its graph, not {article}")
    data = None
    if triples is not None:
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        n = len(triples)
    return _Parsed(path, article, n, data)


def _distinct_count(path: Path) -> int:
    return len({ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(format=_format(path), base_iri=_base(path), **_source(path))})


# --------------------------------------------------------------------------------------
# Load


def resolve_store(store: Path | str | None) -> Path:
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
    """Load article graphs (files, or directories of ``*.ttl *.nt *.jsonld *.trig``) into
    the embedded store (default) or into a Graph Store Protocol ``endpoint``, one named
    graph per article, replacing what that graph held. ``progress`` is called after each
    graph is loaded and checked. ``retries``/``backoff``/``timeout`` apply to endpoints."""
    if store is not None and endpoint is not None:
        raise StoreError("give either a store path or an endpoint, not both")
    if endpoint is not None:
        _check_url(endpoint)
    if query_endpoint is not None:
        _check_url(query_endpoint)
    files = collect_files(paths)
    started = time.perf_counter()
    if endpoint is None:
        report = _load_embedded(files, resolve_store(store), progress)
    else:
        with _Http(auth if auth is not None else _credentials(endpoint), timeout, retries, backoff) as client:
            report = _load_endpoint(files, endpoint, query_endpoint or derive_query_endpoint(endpoint), client, progress)
    report.seconds = time.perf_counter() - started
    return report


def _check_url(url: str) -> None:
    p = urllib.parse.urlsplit(url)
    if p.scheme not in ("http", "https") or not p.hostname:
        raise StoreError(f"not an http(s) endpoint URL: {_display(url) if p.hostname else url[:100]}")
    if p.username or p.password:
        raise StoreError("put credentials in NEWSGRAPH_USER/NEWSGRAPH_PASSWORD or netrc, not in the endpoint URL")


def _check_unique(parsed: _Parsed, seen: dict[str, Path]) -> None:
    other = seen.get(parsed.article)
    if other is not None:
        raise StoreError(f"{parsed.path}: article {parsed.article} is also in {other}; one file per article")
    seen[parsed.article] = parsed.path


def open_store(path: Path, *, read_only: bool = False) -> ox.Store:
    try:
        if read_only:
            if not path.is_dir():
                raise StoreError(f"no store at {path}: load some graphs first (newsgraph load)")
            return ox.Store.read_only(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        hint = " (is another newsgraph process using it?)" if "lock" in str(exc).lower() else ""
        raise StoreError(f"cannot open the store at {path}{hint}: {_one_line(str(exc))}") from None


def _count_embedded(st: ox.Store, graph: ox.NamedNode) -> int:
    sol = next(iter(st.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")))
    return int(sol["n"].value)


def _load_embedded(files: list[Path], path: Path, progress) -> LoadReport:
    st = open_store(path)
    try:
        return _load_into(st, files, path, progress)
    except BaseException as exc:
        # pyoxigraph has no close(): the store (and its lock) goes with its last reference,
        # which the traceback's frames would keep alive as long as the error is kept.
        traceback.clear_frames(exc.__traceback__)
        raise
    finally:
        try:
            st.flush()
        except OSError:
            pass
        del st


def _load_into(st: ox.Store, files: list[Path], path: Path, progress) -> LoadReport:
    report = LoadReport(target=str(path))
    seen: dict[str, Path] = {}
    # Parsing (to find each file's article and count its triples) runs one file ahead of
    # the bulk loader, which releases the GIL: the check costs little wall time.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsgraph-scan") as pool:
        futures = [pool.submit(_scan, f, keep=False) for f in files]
        try:
            for fut in futures:
                parsed = fut.result()
                _check_unique(parsed, seen)
                graph = ox.NamedNode(parsed.article)
                replaced = st.contains_named_graph(graph)
                try:
                    if replaced:
                        st.remove_graph(graph)
                    if parsed.data is not None:
                        st.bulk_load(parsed.data, ox.RdfFormat.N_TRIPLES, to_graph=graph, lenient=True)
                    else:
                        # Already validated by the parse above: skip the checks the second time.
                        st.bulk_load(format=_format(parsed.path), base_iri=_base(parsed.path),
                                     to_graph=graph, lenient=True, **_source(parsed.path))
                    count = _count_embedded(st, graph)
                except (OSError, SyntaxError, ValueError) as exc:
                    raise StoreError(f"{parsed.path}: loading into {path} failed: {_one_line(str(exc))}") from None
                expected = parsed.triples
                if count != expected and parsed.data is None:
                    expected = _distinct_count(parsed.path)  # the file repeats some triples
                if count != expected:
                    raise StoreError(
                        f"{parsed.path}: the store holds {count} triples in <{parsed.article}>, the file has {expected}"
                    )
                item = GraphLoad(parsed.path, parsed.article, count, replaced)
                report.graphs.append(item)
                if progress is not None:
                    progress(item)
        finally:
            for fut in futures:
                fut.cancel()
    return report


def _count_endpoint(client: _Http, query_endpoint: str, graph: str) -> int:
    res = _query_endpoint(client, query_endpoint, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    try:
        return int(str(res.rows[0][0]))
    except (IndexError, ValueError, TypeError):
        raise StoreError(f"{_display(query_endpoint)} did not answer a COUNT query with a number") from None


def _load_endpoint(files: list[Path], endpoint: str, query_endpoint: str, client: _Http, progress) -> LoadReport:
    report = LoadReport(target=_display(endpoint))
    seen: dict[str, Path] = {}
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    for f in files:
        parsed = _scan(f, keep=True)
        _check_unique(parsed, seen)
        url = f"{endpoint}{sep}graph={urllib.parse.quote(parsed.article, safe='')}"
        # PUT replaces the graph in one request (idempotent, so safe to retry).
        client.request("PUT", url, data=parsed.data,
                       headers={"Content-Type": "application/n-triples; charset=utf-8"})
        count = _count_endpoint(client, query_endpoint, parsed.article)
        if count != parsed.triples:
            raise StoreError(
                f"{f}: {_display(endpoint)} holds {count} triples in <{parsed.article}>, the file has {parsed.triples}"
            )
        item = GraphLoad(f, parsed.article, count, False)
        report.graphs.append(item)
        if progress is not None:
            progress(item)
    return report


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
    path = resolve_store(store)
    st = open_store(path, read_only=True)
    try:
        try:
            res = st.query(sparql, use_default_graph_as_union=True)
            return _from_oxigraph(res)
        except SyntaxError as exc:
            raise StoreError(f"the query is not valid SPARQL: {_one_line(str(exc))}") from None
        except OSError as exc:
            raise StoreError(f"query on {path} failed: {_one_line(str(exc))}") from None
    finally:
        del st


def _looks_like_gsp(url: str) -> bool:
    return derive_query_endpoint(url) != urllib.parse.urlunsplit(urllib.parse.urlsplit(url)[:3] + ("", ""))


def _from_oxigraph(res) -> QueryResult:
    if isinstance(res, ox.QueryBoolean):
        return QueryResult([], [], bool(res))
    if isinstance(res, ox.QuerySolutions):
        names = [v.value for v in res.variables]
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
        raise StoreError(f"unknown competency question {name!r}; available: {listing}")
    return (_queries_dir() / f"{stem}.rq").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------
# Formatting


def _short(term: Identifier | None, prefixes: dict[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        value = str(term)
        for prefix, ns in prefixes.items():
            if value.startswith(ns):
                local = value[len(ns):]
                if re.fullmatch(r"[A-Za-z_][\w.-]*", local) and not local.endswith("."):
                    return f"{prefix}:{local}"
        return f"<{value}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        return str(term) + (f"@{term.language}" if term.language else "")
    return str(term)


def format_table(result: QueryResult, *, prefixes: dict[str, str] | None = None) -> str:
    """Aligned columns with a header line; IRIs shortened with newsgraph's prefixes."""
    if result.boolean is not None:
        return "true" if result.boolean else "false"
    if prefixes is None:
        from newsgraph.namespaces import PREFIXES

        prefixes = {k: str(v) for k, v in PREFIXES.items()}
    header = [f"?{v}" for v in result.variables]
    cells = [[" ".join(_short(t, prefixes).split()) for t in row] for row in result.rows]
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
    "Auth",
    "DEFAULT_STORE",
    "GraphLoad",
    "LoadReport",
    "QueryResult",
    "collect_files",
    "cq_names",
    "cq_query",
    "derive_query_endpoint",
    "format_csv",
    "format_json",
    "format_table",
    "load",
    "query",
    "resolve_store",
]
