"""Shared fixtures: the spaCy model and the shipped gazetteer, loaded once per test session; and
a check on every JSON-LD document the hand-written writer gives while the tests run; a loopback
listener that counts the connections made to it (to show that nothing is fetched)."""

from __future__ import annotations

import socket
import threading

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from newsgraph import publish
from newsgraph.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="session", autouse=True)
def user_folders(tmp_path_factory):
    """newsgraph's per-user folders (the embedded store, the Wikidata cache) in a temporary
    folder, never the real home: for every test, and the servers and commands they start."""
    home = tmp_path_factory.mktemp("user")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_DATA_HOME", str(home / "data"))
        mp.setenv("XDG_CACHE_HOME", str(home / "cache"))
        mp.setenv("NEWSGRAPH_STORE", str(home / "data" / "newsgraph" / "store"))
        mp.setenv("NEWSGRAPH_CACHE", str(home / "cache" / "newsgraph"))
        yield home


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.extract import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def assert_jsonld_reads_back(data: bytes, rows: list) -> None:
    """pyoxigraph's JSON-LD parser reads `data` back as the graph of `rows` (publish's rows):
    the same triples, blank nodes up to renaming (compared by rdflib then)."""
    expected, _ = publish._to_oxigraph(rows)
    quads = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.JSON_LD))
    assert all(isinstance(q.graph_name, pyoxigraph.DefaultGraph) for q in quads)
    got = [pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads]
    if any(isinstance(t.subject, pyoxigraph.BlankNode) or isinstance(t.object, pyoxigraph.BlankNode) for t in expected):
        as_rdflib = [
            Graph().parse(data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")
            for triples in (got, expected)
        ]
        assert isomorphic(*as_rdflib), "the JSON-LD does not read back as the graph it was written from"
    else:
        assert set(got) == set(expected), (
            f"the JSON-LD does not read back as the graph it was written from: "
            f"{len(set(expected) - set(got))} triples lost, {len(set(got) - set(expected))} added"
        )


@pytest.fixture(autouse=True)
def _every_jsonld_reads_back(monkeypatch):
    """The JSON-LD writer is hand-written (no library was fast enough, see publish.jsonld_bytes):
    every document it writes during any test (builds, corpus builds, the CLI, the writer tests)
    is read back by pyoxigraph and compared with the graph it came from."""
    write = publish._jsonld

    def checked(rows, compactor):
        data = write(rows, compactor)
        assert_jsonld_reads_back(data, rows)
        return data

    monkeypatch.setattr(publish, "_jsonld", checked)


class ConnectionCounter:
    """A loopback TCP listener that counts the connections made to it (and answers nothing)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.count = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.count += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def listener() -> ConnectionCounter:
    counter = ConnectionCounter()
    yield counter
    counter.close()
