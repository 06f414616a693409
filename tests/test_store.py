"""Loading article graphs into SPARQL stores and querying them (newsgraph.store).

The endpoint tests run against real servers started here on free loopback ports:
the ``oxigraph`` server (Python package ``oxigraph``) and Virtuoso Open Source
(Debian package ``virtuoso-opensource``; skipped with a reason when not installed).
"""

from __future__ import annotations

import csv
import http.server
import io
import json
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from newsgraph import store as ns
from newsgraph.errors import (
    QuerySyntaxError,
    RDFInputError,
    StoreAuthError,
    StoreError,
    StoreMissing,
    StoreUnavailable,
    UnknownQuestion,
)

pytestmark = pytest.mark.network

BASE = "https://w3id.org/newsgraph/id/test/"
FAST = {"retries": 3, "backoff": 0.05, "timeout": 20.0}  # bounded, short retries for tests
VIRTUOSO_PASSWORD = "t3st-Secret"


# --------------------------------------------------------------------------------------
# Test data


def write_article(path: Path, name: str, mentions: int, *, headline: str = "Київ: ministers meet") -> tuple[str, int]:
    """A small article graph: 3 triples about the article plus 6 per mention (one of them
    through a blank node, so that loading the file twice without replacing would
    duplicate triples). Returns (article IRI, triple count)."""
    iri = f"{BASE}{name}"
    lines = [
        "@prefix schema: <https://schema.org/> .",
        "@prefix ng: <https://w3id.org/newsgraph/ontology#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        f'<{iri}> a schema:NewsArticle ; schema:headline "{headline}"@uk ;',
        '    schema:datePublished "2024-09-06"^^xsd:date .',
    ]
    for i in range(mentions):
        lines.append(
            f'<{iri}#m{i}> a ng:Mention ; ng:text "mention {i} «Умєров»" ; ng:in <{iri}> ;\n'
            f'    ng:about [ a schema:Person ; schema:name "Person {i}" ] .'
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return iri, 3 + 6 * mentions


def write_corpus(directory: Path, sizes: list[int], prefix: str) -> dict[str, int]:
    directory.mkdir(parents=True, exist_ok=True)
    expected = {}
    for i, n in enumerate(sizes):
        iri, count = write_article(directory / f"{prefix}-{i:02d}.ttl", f"{prefix}-{i:02d}", n)
        expected[iri] = count
    return expected


# --------------------------------------------------------------------------------------
# Servers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server at {url} did not answer within {timeout:.0f}s")


def stop_process(proc: subprocess.Popen | None, sig: int = signal.SIGTERM, wait: float = 20) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


class OxigraphServer:
    name = "oxigraph"

    def __init__(self, directory: Path):
        self.dir = directory
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.endpoint = f"http://127.0.0.1:{self.port}/store"
        self.query_endpoint = f"http://127.0.0.1:{self.port}/query"
        self.env: dict[str, str] = {}

    def start(self) -> "OxigraphServer":
        self.dir.mkdir(parents=True, exist_ok=True)
        log = self.dir / "server.log"
        with open(log, "ab") as out:
            self.proc = subprocess.Popen(
                [oxigraph_binary(), "serve", "--location", str(self.dir / "db"), "--bind", f"127.0.0.1:{self.port}"],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        wait_http(self.query_endpoint + "?query=ASK%7B%7D", self.proc, log, 30)
        return self

    def kill(self) -> None:
        stop_process(self.proc, signal.SIGKILL)

    def stop(self) -> None:
        stop_process(self.proc)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = .
MaxClientConnections = 8
ServerThreads = 8
Charset = UTF-8
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


class VirtuosoServer:
    name = "virtuoso"

    def __init__(self, directory: Path):
        self.dir = directory
        self.sql_port = free_port()
        self.http_port = free_port()
        self.proc: subprocess.Popen | None = None
        base = f"http://127.0.0.1:{self.http_port}"
        self.endpoint = f"{base}/sparql-graph-crud-auth"  # Digest auth, needs SPARQL_UPDATE
        self.query_endpoint = f"{base}/sparql"
        self.env = {"NEWSGRAPH_USER": "dba", "NEWSGRAPH_PASSWORD": VIRTUOSO_PASSWORD}
        self._configured = False

    def start(self) -> "VirtuosoServer":
        self.dir.mkdir(parents=True, exist_ok=True)
        (self.dir / "virtuoso.ini").write_text(
            VIRTUOSO_INI.format(sql_port=self.sql_port, http_port=self.http_port), encoding="utf-8"
        )
        (self.dir / "virtuoso.lck").unlink(missing_ok=True)  # left behind by a kill -9
        log = self.dir / "server.log"
        with open(log, "ab") as out:
            self.proc = subprocess.Popen(
                [shutil.which("virtuoso-t"), "+configfile", "virtuoso.ini", "+foreground"],
                cwd=self.dir, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        wait_http(self.query_endpoint, self.proc, log, 90)
        if not self._configured:
            self._isql(
                "dba",
                f"USER_SET_PASSWORD('dba', '{VIRTUOSO_PASSWORD}'); GRANT SPARQL_UPDATE TO \"dba\";",
            )
            self._configured = True
        return self

    def _isql(self, password: str, sql: str) -> None:
        subprocess.run(
            [shutil.which("isql-vt") or "isql-vt", f"127.0.0.1:{self.sql_port}", "dba", password, f"exec={sql}"],
            check=True, timeout=60, capture_output=True, stdin=subprocess.DEVNULL,
        )

    def kill(self) -> None:
        stop_process(self.proc, signal.SIGKILL)

    def stop(self) -> None:
        stop_process(self.proc, signal.SIGTERM, wait=30)


HAVE_VIRTUOSO = bool(shutil.which("virtuoso-t") and shutil.which("isql-vt"))
NO_VIRTUOSO = "Virtuoso not installed (apt-get install virtuoso-opensource provides virtuoso-t and isql-vt)"
needs_virtuoso = pytest.mark.skipif(not HAVE_VIRTUOSO, reason=NO_VIRTUOSO)
needs_oxigraph = pytest.mark.skipif(oxigraph_binary() is None, reason="the oxigraph server is not installed (pip install oxigraph)")

SERVER_KINDS = [
    pytest.param("oxigraph", marks=needs_oxigraph),
    pytest.param("virtuoso", marks=needs_virtuoso),
]


def make_server(kind: str, directory: Path):
    return (OxigraphServer if kind == "oxigraph" else VirtuosoServer)(directory)


@pytest.fixture(scope="module", params=SERVER_KINDS)
def server(request, tmp_path_factory):
    """One running server of each kind, shared by the tests of this module."""
    srv = make_server(request.param, tmp_path_factory.mktemp(request.param))
    request.addfinalizer(srv.stop)
    srv.start()
    return srv


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    """No credentials or store path from the developer's environment or ~/.netrc; the
    per-user data folder (where the default store is) in this test's own folder."""
    for name in ("NEWSGRAPH_USER", "NEWSGRAPH_PASSWORD", "NEWSGRAPH_TOKEN", "NEWSGRAPH_STORE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


def default_store(tmp_path: Path) -> Path:
    return tmp_path / "xdg-data" / "newsgraph" / "store"


def use_server_credentials(monkeypatch, srv) -> None:
    for k, v in srv.env.items():
        monkeypatch.setenv(k, v)


def graph_count(srv, iri: str) -> int:
    res = ns.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}", endpoint=srv.query_endpoint, **FAST)
    return int(res.rows[0][0])


def total_count(srv, iris) -> int:
    values = " ".join(f"<{i}>" for i in iris)
    res = ns.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}",
        endpoint=srv.query_endpoint, **FAST,
    )
    return int(res.rows[0][0])


# --------------------------------------------------------------------------------------
# Endpoints


@pytest.mark.slow
@pytest.mark.parametrize("server", SERVER_KINDS, indirect=True)
def test_endpoint_load_reload_replace_query(server, tmp_path, monkeypatch):
    use_server_credentials(monkeypatch, server)
    prefix = f"lrq-{server.name}"
    expected = write_corpus(tmp_path / "out", [5, 20, 40], prefix)

    report = ns.load([tmp_path / "out"], endpoint=server.endpoint, **FAST)
    assert {g.graph: g.triples for g in report.graphs} == expected
    assert [g.path.name for g in report.graphs] == sorted(p.name for p in (tmp_path / "out").iterdir())
    for iri, n in expected.items():
        assert graph_count(server, iri) == n

    # Load again: the graphs are replaced, not added to (the files have blank nodes).
    again = ns.load([tmp_path / "out"], endpoint=server.endpoint, **FAST)
    assert {g.graph: g.triples for g in again.graphs} == expected
    assert total_count(server, expected) == sum(expected.values())

    # The article changed: fewer, then more triples.
    first = tmp_path / "out" / f"{prefix}-00.ttl"
    iri, fewer = write_article(first, f"{prefix}-00", 2)
    assert ns.load([first], endpoint=server.endpoint, **FAST).triples == fewer
    assert graph_count(server, iri) == fewer
    iri, more = write_article(first, f"{prefix}-00", 60)
    assert ns.load([first], endpoint=server.endpoint, **FAST).triples == more
    assert graph_count(server, iri) == more
    assert total_count(server, expected) == sum(expected.values()) - expected[iri] + more

    # Query: non-ASCII text survives, terms come back as rdflib terms.
    res = ns.query(
        f"PREFIX schema: <https://schema.org/> SELECT ?a ?h WHERE {{ GRAPH ?a {{ ?a a schema:NewsArticle ; "
        f'schema:headline ?h }} FILTER(STRSTARTS(STR(?a), "{BASE}{prefix}")) }} ORDER BY ?a',
        endpoint=server.query_endpoint, **FAST,
    )
    assert res.variables == ["a", "h"]
    assert [r[0] for r in res.rows] == [URIRef(i) for i in sorted(expected)]
    assert res.rows[0][1] == Literal("Київ: ministers meet", lang="uk")
    assert "Київ" in ns.format_table(res)
    assert json.loads(ns.format_json(res))["results"]["bindings"][0]["h"]["xml:lang"] == "uk"

    with pytest.raises(StoreError, match="HTTP 400"):
        ns.query("SELEC ?x WHERE { ?x ?y ?z }", endpoint=server.query_endpoint, **FAST)

    # The query command also accepts the Graph Store URL and finds the query URL beside it.
    ask = ns.query(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}", endpoint=server.endpoint, **FAST)
    assert ask.boolean is True


@needs_virtuoso
@pytest.mark.parametrize("server", [pytest.param("virtuoso", marks=needs_virtuoso)], indirect=True)
def test_virtuoso_wrong_or_missing_password(server, tmp_path, monkeypatch):
    iri, _ = write_article(tmp_path / "a.ttl", "auth-virtuoso", 3)
    monkeypatch.setenv("NEWSGRAPH_USER", "dba")
    monkeypatch.setenv("NEWSGRAPH_PASSWORD", "not-the-password")
    with pytest.raises(StoreAuthError) as err:
        ns.load([tmp_path / "a.ttl"], endpoint=server.endpoint, **FAST)
    message = str(err.value)
    assert "credentials missing or wrong" in message and server.endpoint in message
    assert "not-the-password" not in message and "\n" not in message
    assert err.value.exit_code == 7

    monkeypatch.delenv("NEWSGRAPH_USER")
    monkeypatch.delenv("NEWSGRAPH_PASSWORD")
    with pytest.raises(StoreAuthError):
        ns.load([tmp_path / "a.ttl"], endpoint=server.endpoint, **FAST)
    assert graph_count(server, iri) == 0


@needs_virtuoso
@pytest.mark.parametrize("server", [pytest.param("virtuoso", marks=needs_virtuoso)], indirect=True)
def test_virtuoso_credentials_from_netrc(server, tmp_path, monkeypatch):
    rc = tmp_path / "netrc"
    rc.write_text(f"machine 127.0.0.1 login dba password {VIRTUOSO_PASSWORD}\n", encoding="utf-8")
    rc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(rc))
    iri, n = write_article(tmp_path / "a.ttl", "netrc-virtuoso", 4)
    assert ns.load([tmp_path / "a.ttl"], endpoint=server.endpoint, **FAST).triples == n
    assert graph_count(server, iri) == n


@needs_oxigraph
def test_server_stopped_before_load(tmp_path):
    srv = OxigraphServer(tmp_path / "srv").start()
    srv.stop()
    write_article(tmp_path / "a.ttl", "stopped", 3)
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as err:
        ns.load([tmp_path / "a.ttl"], endpoint=srv.endpoint, retries=3, backoff=0.1, timeout=5)
    elapsed = time.monotonic() - started
    assert elapsed >= 0.1 + 0.2  # it waited between the three tries
    assert "after 3 tries" in str(err.value) and err.value.exit_code == 8


@pytest.mark.slow
@pytest.mark.parametrize("kind", SERVER_KINDS)
def test_server_killed_during_load_then_load_again(kind, tmp_path, monkeypatch):
    srv = make_server(kind, tmp_path / "srv")
    try:
        srv.start()
        use_server_credentials(monkeypatch, srv)
        expected = write_corpus(tmp_path / "out", [400] * 6, f"kill-{kind}")  # 6 × 2403 triples

        def kill_after_second(item: ns.GraphLoad) -> None:
            if item.path.name.endswith("-01.ttl"):
                srv.kill()

        with pytest.raises(StoreUnavailable):
            ns.load([tmp_path / "out"], endpoint=srv.endpoint, progress=kill_after_second, **FAST)

        srv.start()  # same database
        report = ns.load([tmp_path / "out"], endpoint=srv.endpoint, **FAST)
        assert {g.graph: g.triples for g in report.graphs} == expected
        for iri, n in expected.items():
            assert graph_count(srv, iri) == n
        assert total_count(srv, expected) == sum(expected.values())  # nothing duplicated
    finally:
        srv.stop()


# --------------------------------------------------------------------------------------
# Embedded store


def test_embedded_load_reload_query(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    expected = write_corpus(tmp_path / "out", [3, 10, 30], "emb")
    report = ns.load([Path("out")])
    assert report.target == str(default_store(tmp_path)) and default_store(tmp_path).is_dir()
    assert not (tmp_path / ".newsgraph").exists()  # not beside the files: one store per user
    assert {g.graph: g.triples for g in report.graphs} == expected
    assert not any(g.replaced for g in report.graphs)

    again = ns.load([Path("out")])
    assert {g.graph: g.triples for g in again.graphs} == expected
    assert all(g.replaced for g in again.graphs)

    iri, fewer = write_article(tmp_path / "out" / "emb-02.ttl", "emb-02", 1)
    assert ns.load([tmp_path / "out" / "emb-02.ttl"]).triples == fewer

    # The default graph is the union of the article graphs.
    res = ns.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(res.rows[0][0]) == sum(expected.values()) - expected[iri] + fewer
    res = ns.query("PREFIX schema: <https://schema.org/> SELECT ?a WHERE { ?a a schema:NewsArticle } ORDER BY ?a")
    assert res.column("a") == [URIRef(i) for i in sorted(expected)]
    assert ns.query("ASK { ?s ?p ?o }").boolean is True


def test_embedded_store_from_environment_and_option(tmp_path, monkeypatch):
    iri, n = write_article(tmp_path / "a.ttl", "env", 2)
    monkeypatch.setenv("NEWSGRAPH_STORE", str(tmp_path / "from-env"))
    assert ns.load([tmp_path / "a.ttl"]).target == str(tmp_path / "from-env")
    assert ns.load([tmp_path / "a.ttl"], store=tmp_path / "explicit").target == str(tmp_path / "explicit")
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    assert int(ns.query(q).rows[0][0]) == n
    assert int(ns.query(q, store=tmp_path / "explicit").rows[0][0]) == n
    with pytest.raises(StoreMissing, match="^no store at .*missing: run newsgraph load first$"):
        ns.query(q, store=tmp_path / "missing")
    with pytest.raises(QuerySyntaxError, match="^the query is not valid SPARQL: error at 1:"):
        ns.query("SELEC ?x WHERE { ?x ?y ?z }")
    with pytest.raises(StoreError, match="not an http"):
        ns.load([tmp_path / "a.ttl"], endpoint="localhost:7878/store")
    with pytest.raises(StoreError, match="not in the endpoint URL"):
        ns.load([tmp_path / "a.ttl"], endpoint="http://dba:secret@127.0.0.1:9/store")
    with pytest.raises(StoreError, match="not both"):
        ns.load([tmp_path / "a.ttl"], store=tmp_path / "x", endpoint="http://127.0.0.1:9/store")


def test_embedded_other_formats_and_repeated_triples(tmp_path):
    import pyoxigraph as ox

    iri, n = write_article(tmp_path / "a.ttl", "formats", 5)
    triples = list(ox.parse(path=tmp_path / "a.ttl"))
    d = tmp_path / "formats"
    d.mkdir()
    (d / "b.nt").write_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
    other = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode("http://example.org/g")) for t in triples]
    other = [ox.Quad(*(ox.NamedNode(f"{BASE}formats-trig") if x == ox.NamedNode(iri) else x for x in (q.subject, q.predicate, q.object)), q.graph_name) for q in other]
    (d / "c.trig").write_bytes(ox.serialize(other, format=ox.RdfFormat.TRIG))
    (d / "d.jsonld").write_text(json.dumps({
        "@context": {"schema": "https://schema.org/"},
        "@id": f"{BASE}formats-jsonld", "@type": "schema:NewsArticle", "schema:headline": "JSON-LD",
    }), encoding="utf-8")
    (d / "notes.txt").write_text("not RDF", encoding="utf-8")
    # The same triple twice in a file is one triple in the store: not a mismatch.
    (d / "e.ttl").write_text(
        f'@prefix schema: <https://schema.org/> .\n<{BASE}formats-e> a schema:NewsArticle ; schema:headline "E" .\n'
        f'<{BASE}formats-e> schema:headline "E" ; a schema:NewsArticle .\n',
        encoding="utf-8",
    )
    report = ns.load([d], store=tmp_path / "st")
    got = {g.path.name: (g.graph, g.triples) for g in report.graphs}
    assert got == {
        "b.nt": (iri, n),
        "c.trig": ("http://example.org/g", n),  # a dataset file keeps its graph names
        "d.jsonld": (f"{BASE}formats-jsonld", 2),
        "e.ttl": (f"{BASE}formats-e", 2),
    }


def test_embedded_rejects_files_without_exactly_one_article(tmp_path):
    none = tmp_path / "none.ttl"
    none.write_text("<http://example.org/a> <http://example.org/p> 1 .\n", encoding="utf-8")
    with pytest.raises(RDFInputError, match="^nothing to load: .*none.ttl: skipped, no schema:NewsArticle in it"):
        ns.load([none], store=tmp_path / "st")
    assert not (tmp_path / "st").exists()  # nothing to load: no store made
    two = tmp_path / "two.ttl"
    two.write_text(
        "@prefix schema: <https://schema.org/> .\n<http://example.org/a> a schema:NewsArticle .\n"
        "<http://example.org/b> a schema:NewsArticle .\n",
        encoding="utf-8",
    )
    with pytest.raises(RDFInputError, match="expected one schema:NewsArticle subject, found 2"):
        ns.load([two], store=tmp_path / "st")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://example.org/a> <http://example.org/p> .\n", encoding="utf-8")
    with pytest.raises(RDFInputError, match="bad.ttl"):
        ns.load([bad], store=tmp_path / "st")
    with pytest.raises(RDFInputError, match="no such file"):
        ns.load([tmp_path / "missing.ttl"], store=tmp_path / "st")
    write_article(tmp_path / "x.ttl", "same", 1)
    write_article(tmp_path / "y.ttl", "same", 2)
    with pytest.raises(RDFInputError, match="also in"):
        ns.load([tmp_path / "x.ttl", tmp_path / "y.ttl"], store=tmp_path / "st")


# --------------------------------------------------------------------------------------
# Competency questions and formatting


def test_cq_query(tmp_path, monkeypatch):
    (tmp_path / "articles.rq").write_text("SELECT ?a WHERE { ?a a <https://schema.org/NewsArticle> }\n")
    (tmp_path / "people.rq").write_text("SELECT ?p WHERE { ?p a <https://schema.org/Person> }\n")
    monkeypatch.setattr(ns, "_queries_dir", lambda: tmp_path)
    assert ns.cq_names() == ["articles", "people"]
    assert "NewsArticle" in ns.cq_query("articles") and ns.cq_query("people.rq").startswith("SELECT ?p")
    with pytest.raises(UnknownQuestion, match="unknown competency question 'nope'; available: articles, people"):
        ns.cq_query("nope")


def test_packaged_cq_names_do_not_fail():
    assert isinstance(ns.cq_names(), list)  # the queries directory may still be empty


def test_formats():
    res = ns.QueryResult(
        ["a", "label", "n"],
        [
            (URIRef("https://schema.org/NewsArticle"), Literal("Київ", lang="uk"), Literal(3)),
            (URIRef("http://example.org/x y"), None, Literal("a,b")),
        ],
    )
    table = ns.format_table(res).splitlines()
    assert table[0].split() == ["?a", "?label", "?n"]
    assert table[2].split() == ["schema:NewsArticle", "Київ@uk", "3"]
    assert table[0].index("?label") == table[2].index("Київ")  # aligned
    assert table[-1] == "(2 rows)"
    assert ns.format_csv(res) == 'a,label,n\r\nhttps://schema.org/NewsArticle,Київ,3\r\nhttp://example.org/x y,,"a,b"\r\n'
    doc = json.loads(ns.format_json(res))
    assert doc["head"]["vars"] == ["a", "label", "n"]
    b = doc["results"]["bindings"]
    assert b[0]["n"] == {"type": "literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert b[0]["label"] == {"type": "literal", "value": "Київ", "xml:lang": "uk"}
    assert "label" not in b[1]
    ask = ns.QueryResult([], [], True)
    assert ns.format_table(ask) == "true" and json.loads(ns.format_json(ask)) == {"head": {}, "boolean": True}


def test_derive_query_endpoint():
    d = ns.derive_query_endpoint
    assert d("http://127.0.0.1:7878/store") == "http://127.0.0.1:7878/query"
    assert d("http://h:8890/sparql-graph-crud-auth") == "http://h:8890/sparql"
    assert d("http://h:8890/sparql-graph-crud") == "http://h:8890/sparql"
    assert d("http://h:3030/news/data") == "http://h:3030/news/query"
    assert d("http://h:7200/repositories/news/rdf-graphs/service") == "http://h:7200/repositories/news"
    assert d("http://h:7019/") == "http://h:7019/"


# --------------------------------------------------------------------------------------
# Basic and bearer authentication, 5xx retries: a small loopback stand-in server


class _Recorder(http.server.BaseHTTPRequestHandler):
    calls: list[tuple[str, str | None]] = []
    fail_first = 0
    expect = ""

    def log_message(self, *args):  # quiet
        pass

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        auth = self.headers.get("Authorization")
        type(self).calls.append((self.command, auth))
        if type(self).fail_first > 0:
            type(self).fail_first -= 1
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if auth != type(self).expect:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.command == "GET":
            body = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [
                {"n": {"type": "literal", "value": "9", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(204)
        self.end_headers()

    do_GET = do_PUT = do_POST = _answer


@pytest.fixture
def recorder():
    _Recorder.calls = []
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def test_basic_auth_and_retry_on_503(recorder, tmp_path, monkeypatch):
    import base64

    _Recorder.expect = "Basic " + base64.b64encode(b"ann:pw").decode()
    _Recorder.fail_first = 2
    monkeypatch.setenv("NEWSGRAPH_USER", "ann")
    monkeypatch.setenv("NEWSGRAPH_PASSWORD", "pw")
    write_article(tmp_path / "a.ttl", "basic", 1)  # 9 triples
    report = ns.load([tmp_path / "a.ttl"], endpoint=recorder + "/store", **FAST)
    assert report.triples == 9
    methods = [c[0] for c in _Recorder.calls]
    assert methods == ["PUT", "PUT", "PUT", "PUT", "GET"]  # 503, 503, 401 challenge, PUT, count
    assert _Recorder.calls[-1][1] == _Recorder.expect  # Basic is sent at once after the first challenge


def test_bearer_token_and_wrong_token(recorder, tmp_path, monkeypatch):
    _Recorder.expect = "Bearer tok-123"
    _Recorder.fail_first = 0
    write_article(tmp_path / "a.ttl", "bearer", 1)
    monkeypatch.setenv("NEWSGRAPH_TOKEN", "tok-123")
    assert ns.load([tmp_path / "a.ttl"], endpoint=recorder + "/store", **FAST).triples == 9
    monkeypatch.setenv("NEWSGRAPH_TOKEN", "wrong-token")
    with pytest.raises(StoreAuthError) as err:
        ns.load([tmp_path / "a.ttl"], endpoint=recorder + "/store", **FAST)
    assert "wrong-token" not in str(err.value)


def test_5xx_until_the_end_is_unavailable(recorder, tmp_path):
    _Recorder.fail_first = 99
    write_article(tmp_path / "a.ttl", "5xx", 1)
    with pytest.raises(StoreUnavailable, match="after 3 tries: HTTP 503"):
        ns.load([tmp_path / "a.ttl"], endpoint=recorder + "/store", **FAST)
    assert len(_Recorder.calls) == 3


# --------------------------------------------------------------------------------------
# The click commands, as a user runs them


def test_cli_load_and_query_embedded(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from newsgraph.cli import main

    monkeypatch.chdir(tmp_path)
    expected = write_corpus(tmp_path / "out", [2, 3], "cli")
    runner = CliRunner()
    res = runner.invoke(main, ["load", "out"])
    assert res.exit_code == 0, res.output
    assert f"loaded 2 graphs, {sum(expected.values())} triples, into {default_store(tmp_path)}" in res.output

    (tmp_path / "q.rq").write_text("SELECT ?n WHERE { ?p <https://schema.org/name> ?n } ORDER BY ?n", encoding="utf-8")
    res = runner.invoke(main, ["query", "@q.rq", "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == ["n", "Person 0", "Person 0", "Person 1", "Person 1", "Person 2"]
    res = runner.invoke(main, ["query", "ASK { ?s a <https://schema.org/NewsArticle> }"])
    assert res.output.strip() == "true"
    res = runner.invoke(main, ["query", "--cq", "persons", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["results"]["bindings"]
    res = runner.invoke(main, ["query", "--cq", "no-such-question"])
    assert res.exit_code == 2
    assert res.output == f"Error: unknown competency question 'no-such-question'; available: {', '.join(ns.cq_names())}\n"
    res = runner.invoke(main, ["query"])
    assert res.exit_code == 2 and "--cq NAME" in res.output
    res = runner.invoke(main, ["load", "out", "--store", "x", "--endpoint", "http://127.0.0.1:9/store"])
    assert res.exit_code == 2


def test_build_load_query_the_sample(tmp_path, monkeypatch):
    """The user's path: build the sample, load it, ask a competency question."""
    from click.testing import CliRunner

    from newsgraph.cli import main

    root = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(root / "examples" / "umerov-ramstein-2024.txt"), "-o", "out"])
    assert built.exit_code == 0, built.output
    for _ in range(2):  # loading again replaces the article's graph
        loaded = runner.invoke(main, ["load", "out"])
        assert loaded.exit_code == 0, loaded.output
    res = runner.invoke(main, ["query", "--cq", "statistics", "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    soldiers = [r for r in rows if r["counts"] == "soldiers"]
    assert len(soldiers) == 1
    assert soldiers[0]["value"] == "400" and soldiers[0]["qualifier"] == "approximately"
    table = runner.invoke(main, ["query", "--cq", "persons"])
    assert table.exit_code == 0
    assert "Rustem Umerov" in table.output


# --------------------------------------------------------------------------------------
# A corpus build's output folder, and dataset files


ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "umerov-ramstein-2024.txt"


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory) -> Path:
    """A corpus build of two articles (the sample and an edit of it): per-article .ttl and
    .jsonld, corpus.nq, corpus.trig, void.ttl and the manifest."""
    from newsgraph import pipeline
    from newsgraph.corpus import build_corpus

    articles = tmp_path_factory.mktemp("corpus-articles")
    text = SAMPLE.read_text(encoding="utf-8")
    (articles / "ramstein-a.txt").write_text(text, encoding="utf-8")
    (articles / "ramstein-b.txt").write_text(text.replace("400 soldiers", "450 soldiers"), encoding="utf-8")
    out = tmp_path_factory.mktemp("corpus-out")
    report = build_corpus([articles], out, pipeline.Options(), jobs=1)
    assert not report.failures
    return out


def graphs_of_dataset(path: Path) -> dict[str, int]:
    """Distinct triples per named graph of a TriG or N-Quads file, read by rdflib (not by the code under test)."""
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(path, format="trig" if path.suffix == ".trig" else "nquads")
    return {str(g.identifier): len(g) for g in ds.graphs() if len(g)}


def article_graphs_of_void(out: Path) -> dict[str, int]:
    from rdflib import Graph, Namespace

    void, sd = Namespace("http://rdfs.org/ns/void#"), Namespace("http://www.w3.org/ns/sparql-service-description#")
    g = Graph().parse(out / "void.ttl")
    return {str(g.value(s, sd.name)): int(g.value(s, void.triples)) for s in g.subjects(sd.name, None)}


def store_counts(store: Path) -> dict[str, int]:
    res = ns.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", store=store)
    return {str(g): int(n) for g, n in res.rows}


def test_load_a_corpus_folder_loads_its_dataset_graph_by_graph(corpus_out, tmp_path):
    expected = graphs_of_dataset(corpus_out / "corpus.nq")
    articles = {g for g in expected if "/article/" in g}
    assert len(articles) == 2 and len(expected) == 3  # two articles and the shared entity graph
    assert {g: n for g, n in article_graphs_of_void(corpus_out).items()} == expected  # as void.ttl says

    report = ns.load([corpus_out], store=tmp_path / "st")
    assert [g.path.name for g in report.graphs] == ["corpus.nq"] * 3  # not the per-article files too
    assert {g.graph: g.triples for g in report.graphs} == expected
    assert report.notes == [f"{corpus_out}: a corpus folder: loading corpus.nq (every article graph and the shared "
                            f"entity graph), not its per-article files"]
    assert store_counts(tmp_path / "st") == expected

    again = ns.load([corpus_out], store=tmp_path / "st")  # replaced, not added to
    assert all(g.replaced for g in again.graphs)
    assert store_counts(tmp_path / "st") == expected

    # The TriG holds the same graphs.
    trig = ns.load([corpus_out / "corpus.trig"], store=tmp_path / "trig")
    assert {g.graph: g.triples for g in trig.graphs} == expected == graphs_of_dataset(corpus_out / "corpus.trig")


def test_load_a_corpus_folder_from_the_command_line(corpus_out, tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main

    res = CliRunner().invoke(main, ["load", str(corpus_out), "--store", str(tmp_path / "st")])
    assert res.exit_code == 0, res.output
    expected = graphs_of_dataset(corpus_out / "corpus.nq")
    lines = res.output.splitlines()
    for graph, n in expected.items():
        assert f"{corpus_out / 'corpus.nq'}: {n} triples in <{graph}>" in lines
    assert lines[-1].startswith(f"loaded 3 graphs, {sum(expected.values())} triples, into {tmp_path / 'st'} in ")


def test_load_per_article_files_skips_void(corpus_out, tmp_path):
    """`newsgraph load OUT/*.ttl`: the article files, and void.ttl skipped with a note."""
    files = sorted(corpus_out.glob("*.ttl"))
    assert corpus_out / "void.ttl" in files
    report = ns.load(files, store=tmp_path / "st")
    assert report.skipped == [corpus_out / "void.ttl"]
    assert report.notes == [f"{corpus_out / 'void.ttl'}: skipped, no schema:NewsArticle in it (not an article graph)"]
    assert [g.path.name for g in report.graphs] == ["ramstein-a.ttl", "ramstein-b.ttl"]
    for g in report.graphs:  # each article file is the article's graph, as a single build writes it
        assert g.graph.endswith("/article/" + g.path.stem)
        assert g.triples == len(Graph().parse(g.path))
    # The manifest and a record are not RDF, and skipped too; JSON-LD files are read like Turtle.
    record = tmp_path / "record.yaml"
    record.write_text("article: {}\n", encoding="utf-8")
    report = ns.load([corpus_out / "ramstein-a.jsonld", corpus_out / ".newsgraph-manifest.json", record],
                     store=tmp_path / "st2")
    assert [g.graph for g in report.graphs] == ["https://w3id.org/newsgraph/id/article/ramstein-a"]
    assert report.skipped == [record, corpus_out / ".newsgraph-manifest.json"]


def test_load_the_same_article_twice_in_one_load_is_refused(corpus_out, tmp_path):
    with pytest.raises(RDFInputError, match=r"corpus.nq: graph \S+/article/ramstein-a is also in \S+ramstein-a.ttl; "
                                            r"load each graph from one file only$"):
        ns.load([corpus_out / "ramstein-a.ttl", corpus_out / "corpus.nq"], store=tmp_path / "st")


@pytest.mark.parametrize("server", SERVER_KINDS, indirect=True)
def test_endpoint_loads_a_corpus_folder(server, corpus_out, tmp_path, monkeypatch):
    use_server_credentials(monkeypatch, server)
    expected = graphs_of_dataset(corpus_out / "corpus.nq")
    report = ns.load([corpus_out], endpoint=server.endpoint, **FAST)
    assert {g.graph: g.triples for g in report.graphs} == expected
    for graph, n in expected.items():
        assert graph_count(server, graph) == n


def test_dataset_file_graphs_and_triples_outside_them(tmp_path):
    a, b = f"{BASE}ds-a", f"{BASE}ds-b"
    schema = "@prefix schema: <https://schema.org/> .\n"
    # Triples outside the named graphs that are one article's graph go into that article's graph.
    mixed = tmp_path / "mixed.trig"
    mixed.write_text(schema + f'<{a}> a schema:NewsArticle ; schema:headline "A" .\n'
                     f'<{b}> {{ <{b}> a schema:NewsArticle ; schema:headline "B" ; schema:about [ schema:name "x" ] . }}\n',
                     encoding="utf-8")
    report = ns.load([mixed], store=tmp_path / "st")
    assert {g.graph: g.triples for g in report.graphs} == {a: 2, b: 4}
    assert store_counts(tmp_path / "st") == {a: 2, b: 4}
    # Outside triples that name no article are not loaded, and said so.
    other = tmp_path / "other.nq"
    other.write_text(f'<http://e/x> <http://e/p> "1" .\n<{a}> <https://schema.org/headline> "A2" <{a}> .\n', encoding="utf-8")
    report = ns.load([other], store=tmp_path / "st")
    assert {g.graph: g.triples for g in report.graphs} == {a: 1}
    assert report.notes == [f"{other}: 1 triple outside named graphs not loaded (no schema:NewsArticle among them)"]
    assert store_counts(tmp_path / "st") == {a: 1, b: 4}  # <a> replaced
    # Repeated quads are one triple in the store: not a mismatch.
    twice = tmp_path / "twice.nq"
    twice.write_text(f'<{a}> <http://e/p> "1" <{a}> .\n' * 3, encoding="utf-8")
    assert ns.load([twice], store=tmp_path / "st").graphs[0].triples == 1
    # A graph named by a blank node cannot be loaded (nor sent to an endpoint).
    blank = tmp_path / "blank.trig"
    blank.write_text('_:g { <http://e/x> <http://e/p> "1" . }\n', encoding="utf-8")
    with pytest.raises(RDFInputError, match=r"blank.trig: the graph _:g is a blank node; a graph to load needs an IRI"):
        ns.load([blank], store=tmp_path / "st")


# --------------------------------------------------------------------------------------
# Where the store and the cache are


def test_default_store_and_cache_folders(tmp_path, monkeypatch):
    from newsgraph import config, wikidata

    for name in ("NEWSGRAPH_STORE", "NEWSGRAPH_CACHE", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert config.store_dir() == tmp_path / "home" / ".local" / "share" / "newsgraph" / "store"
    assert config.cache_dir() == tmp_path / "home" / ".cache" / "newsgraph"
    assert wikidata.default_cache_path() == tmp_path / "home" / ".cache" / "newsgraph" / "wikidata-cache.sqlite"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")  # the XDG rules: a relative path is ignored
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert config.store_dir() == tmp_path / "home" / ".local" / "share" / "newsgraph" / "store"
    assert config.cache_dir() == tmp_path / "home" / ".cache" / "newsgraph"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert config.store_dir() == tmp_path / "data" / "newsgraph" / "store"
    assert config.cache_dir() == tmp_path / "cache" / "newsgraph"
    monkeypatch.setenv("NEWSGRAPH_STORE", "my-store")  # newsgraph's own variables come first, as given
    monkeypatch.setenv("NEWSGRAPH_CACHE", "my-cache")
    assert config.store_dir() == Path("my-store") and config.cache_dir() == Path("my-cache")
    # The same store wherever the command runs.
    monkeypatch.delenv("NEWSGRAPH_STORE")
    write_article(tmp_path / "a.ttl", "where", 1)
    monkeypatch.chdir(tmp_path)
    assert ns.load([tmp_path / "a.ttl"]).target == str(tmp_path / "data" / "newsgraph" / "store")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert ns.query("ASK { ?s a <https://schema.org/NewsArticle> }").boolean is True


def test_no_home_folder_is_a_clear_error(monkeypatch):
    from newsgraph import config
    from newsgraph.errors import WikidataError

    for name in ("NEWSGRAPH_STORE", "NEWSGRAPH_CACHE", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "relative")  # not a place: the store would move with the current folder
    with pytest.raises(StoreError, match=r"^no home folder to put newsgraph's files in: set NEWSGRAPH_STORE \(or XDG_DATA_HOME\)$"):
        config.store_dir()
    with pytest.raises(WikidataError, match=r"^no home folder .*: set NEWSGRAPH_CACHE \(or XDG_CACHE_HOME\)$"):
        config.cache_dir()

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    with pytest.raises(StoreError, match=r"^no home folder .*: set NEWSGRAPH_STORE"):
        config.store_dir()


# --------------------------------------------------------------------------------------
# Results: column order and formats


def test_select_star_keeps_the_order_of_the_query(tmp_path):
    iri, _ = write_article(tmp_path / "a.ttl", "order", 1)
    ns.load([tmp_path / "a.ttl"], store=tmp_path / "st")
    q = "SELECT * WHERE { ?s a <https://schema.org/NewsArticle> ; ?p ?o } ORDER BY ?p LIMIT 1"
    res = ns.query(q, store=tmp_path / "st")
    assert res.variables == ["s", "p", "o"]  # Oxigraph alone gives o, p, s
    assert res.rows[0][0] == URIRef(iri)
    assert ns.format_table(res).splitlines()[0].split() == ["?s", "?p", "?o"]
    assert ns.format_csv(res).splitlines()[0] == "s,p,o"
    assert json.loads(ns.format_json(res))["head"]["vars"] == ["s", "p", "o"]
    # Variables in comments, strings and IRIs do not count; a subquery's SELECT * is not the projection.
    q = ('# ?z first in a comment\nSELECT DISTINCT * WHERE { BIND("?y" AS ?b) ?a <http://e/?x> ?c '
         "OPTIONAL { SELECT * WHERE { ?c ?q ?d } } } LIMIT 1")
    assert ns.query(q, store=tmp_path / "st").variables == ["b", "a", "c", "q", "d"]
    # An explicit projection is kept as written.
    assert ns.query("SELECT ?o ?s WHERE { ?s ?p ?o } LIMIT 1", store=tmp_path / "st").variables == ["o", "s"]


def test_table_cuts_long_values_with_an_ellipsis_and_escapes_control_characters():
    long = "word " * 30
    res = ns.QueryResult(["text", "n"], [(Literal(long), Literal(1)), (Literal("red \x1b[31mALERT\x1b[0m"), Literal(2))])
    lines = ns.format_table(res).splitlines()
    cell = " ".join(long.split())[: ns.TABLE_CELL_WIDTH - 1] + "…"
    assert lines[2] == f"{cell}  1" and len(cell) == ns.TABLE_CELL_WIDTH
    assert lines[3].startswith("red \\x1b[31mALERT\\x1b[0m") and "\x1b" not in "\n".join(lines)
    assert ns.format_table(res, width=10).splitlines()[2] == "word word…  1"
    # csv and json give values whole.
    assert next(csv.reader(io.StringIO(ns.format_csv(res).splitlines()[1])))[0] == long
    assert json.loads(ns.format_json(res))["results"]["bindings"][0]["text"]["value"] == long
