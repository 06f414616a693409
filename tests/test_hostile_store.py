"""Hostile input given to `load` and `query` (issue: hold under everyday use and hostile
input): every case one line with its documented exit code and no traceback, nothing fetched,
and what a terminal shows of the data cannot drive the terminal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph import store as ns
from newsgraph import validate
from newsgraph.cli import main
from newsgraph.validate import MAX_JSON_DEPTH

from cli_support import one_line_error

pytestmark = pytest.mark.network

BASE = "https://w3id.org/newsgraph/id/test/"
SCHEMA = "@prefix schema: <https://schema.org/> .\n"


@pytest.fixture
def store(tmp_path, monkeypatch) -> Path:
    """The default store, in this test's folder."""
    path = tmp_path / "store"
    monkeypatch.setenv("NEWSGRAPH_STORE", str(path))
    return path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def article(path: Path, name: str = "a", extra: str = "") -> str:
    iri = f"{BASE}{name}"
    path.write_text(SCHEMA + f'<{iri}> a schema:NewsArticle ; schema:headline "{name}"{extra} .\n', encoding="utf-8")
    return iri


# --------------------------------------------------------------------------------------
# load: nothing fetched, files read within limits


@pytest.mark.parametrize("document", [
    '{{"@context": "http://127.0.0.1:{port}/context.jsonld", "@id": "http://e/a", "@type": "https://schema.org/NewsArticle"}}',
    '{{"@context": [{{"schema": "https://schema.org/"}}, "http://127.0.0.1:{port}/c"], "@id": "http://e/a", "@type": "schema:NewsArticle"}}',
    '{{"@context": {{"@import": "http://127.0.0.1:{port}/c"}}, "@id": "http://e/a", "@type": "https://schema.org/NewsArticle"}}',
    '{{"@id": "http://e/a", "@type": "https://schema.org/NewsArticle", "http://e/p": {{"@context": "http://127.0.0.1:{port}/scoped", "@value": "v"}}}}',
])
def test_load_refuses_a_remote_json_ld_context_without_a_connection(tmp_path, store, listener, document):
    path = tmp_path / "remote.jsonld"
    path.write_text(document.format(port=listener.port), encoding="utf-8")
    line = one_line_error(run("load", str(path)), 3)
    assert line.startswith(f"Error: {path}: remote JSON-LD context http://127.0.0.1:{listener.port}/") or \
        line.startswith(f"Error: {path}: JSON-LD @import http://127.0.0.1:{listener.port}/")
    assert line.endswith(" refused: newsgraph fetches nothing; put the context inline")
    assert listener.count == 0
    assert not store.exists()  # nothing loaded, no store made


def test_pyoxigraph_itself_fetches_no_context(listener):
    """Behind newsgraph's own check, pyoxigraph's JSON-LD parser would not fetch either (0.5:
    no document loader is set); should that change, this test says so."""
    import pyoxigraph as ox

    doc = f'{{"@context": "http://127.0.0.1:{listener.port}/c", "@id": "http://e/a", "http://e/p": "v"}}'
    with pytest.raises(SyntaxError):
        list(ox.parse(doc, format=ox.RdfFormat.JSON_LD))
    assert listener.count == 0


def test_load_a_file_context_is_refused_too(tmp_path, store):
    path = tmp_path / "file.jsonld"
    path.write_text('{"@context": "file:///etc/passwd", "@id": "http://e/a", "@type": "https://schema.org/NewsArticle"}',
                    encoding="utf-8")
    assert one_line_error(run("load", str(path)), 3) == (
        f"Error: {path}: remote JSON-LD context file:///etc/passwd refused: newsgraph fetches nothing; put the context inline"
    )


def test_load_refuses_deep_json(tmp_path, store):
    path = tmp_path / "deep.jsonld"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert one_line_error(run("load", str(path)), 3) == f"Error: {path}: JSON nested deeper than {MAX_JSON_DEPTH} levels"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_load_refuses_a_fifo_at_once(tmp_path, store):
    fifo = tmp_path / "graph.ttl"
    os.mkfifo(fifo)
    assert one_line_error(run("load", str(fifo)), 3) == f"Error: {fifo}: not a regular file (a FIFO)"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_load_refuses_an_endless_device(tmp_path, store):
    link = tmp_path / "zero.nt"
    link.symlink_to("/dev/zero")
    assert one_line_error(run("load", str(link)), 3) == f"Error: {link}: not a regular file (a character device)"


def test_load_refuses_a_file_over_the_size_cap(tmp_path, store, monkeypatch):
    monkeypatch.setattr(validate, "MAX_RDF_BYTES", 1000)
    path = tmp_path / "big.ttl"
    article(path, "big", ' ; schema:text "' + "x" * 2000 + '"')
    assert one_line_error(run("load", str(path)), 3) == f"Error: {path}: larger than the limit of 1000 bytes"


def test_load_refuses_an_empty_file(tmp_path, store):
    path = tmp_path / "empty.ttl"
    path.write_text("  \n", encoding="utf-8")
    assert one_line_error(run("load", str(path)), 3) == f"Error: {path}: the file is empty"


def test_load_a_missing_file(tmp_path, store):
    path = tmp_path / "missing.ttl"
    assert one_line_error(run("load", str(path)), 3) == f"Error: {path}: no such file or directory"


def test_load_a_parse_error_is_one_line(tmp_path, store):
    path = tmp_path / "bad.ttl"
    path.write_text(SCHEMA + '<http://e/a> a schema:NewsArticle ; schema:headline "unterminated .\n', encoding="utf-8")
    line = one_line_error(run("load", str(path)), 3)
    assert line.startswith(f"Error: {path}: not valid Turtle: Parser error between line 2 column 53 and line 3 column 1")


# --------------------------------------------------------------------------------------
# load: files that are not one article's graph


def test_load_two_articles_in_one_file(tmp_path, store):
    path = tmp_path / "two.ttl"
    path.write_text(SCHEMA + "<http://e/a> a schema:NewsArticle .\n<http://e/b> a schema:NewsArticle .\n", encoding="utf-8")
    assert one_line_error(run("load", str(path)), 3) == (
        f"Error: {path}: a file to load must be one article's graph: expected one schema:NewsArticle subject, "
        "found 2 (http://e/a, http://e/b)"
    )


def test_load_an_article_without_an_iri(tmp_path, store):
    path = tmp_path / "blank.ttl"
    path.write_text(SCHEMA + "[] a schema:NewsArticle .\n", encoding="utf-8")
    line = one_line_error(run("load", str(path)), 3)
    assert line.startswith(f"Error: {path}: the schema:NewsArticle subject must be an IRI to name its graph, not ")


def test_load_a_blank_node_graph_name(tmp_path, store):
    path = tmp_path / "blank.nq"
    path.write_text('<http://e/a> <http://e/p> "1" _:g .\n', encoding="utf-8")
    assert one_line_error(run("load", str(path)), 3) == (
        f"Error: {path}: the graph _:g is a blank node; a graph to load needs an IRI for its name"
    )


def test_load_nothing_but_non_article_files(tmp_path, store):
    void = tmp_path / "void.ttl"
    void.write_text("<http://e/d> a <http://rdfs.org/ns/void#Dataset> .\n", encoding="utf-8")
    record = tmp_path / "record.yaml"
    record.write_text("article: {id: x}\n", encoding="utf-8")
    assert one_line_error(run("load", str(void), str(record)), 3) == (
        f"Error: nothing to load: {record}: skipped, not an RDF file (expected .ttl, .nt, .jsonld, .json, .trig, .nq); "
        f"{void}: skipped, no schema:NewsArticle in it (not an article graph)"
    )
    assert not store.exists()


def test_load_skips_non_article_files_and_says_so(tmp_path, store):
    iri = article(tmp_path / "a.ttl")
    void = tmp_path / "void.ttl"
    void.write_text("<http://e/d> a <http://rdfs.org/ns/void#Dataset> .\n", encoding="utf-8")
    record = tmp_path / "record.json"  # a record: JSON, but not JSON-LD
    record.write_text('{"article": {"id": "a", "title": "A"}, "entities": []}', encoding="utf-8")
    result = run("load", str(tmp_path / "a.ttl"), str(void), str(record))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == [
        f"{tmp_path / 'a.ttl'}: 2 triples in <{iri}>",
        f"{void}: skipped, no schema:NewsArticle in it (not an article graph)",
        f"{record}: skipped, no triples in it",
    ]
    assert lines[3].startswith(f"loaded 1 graph, 2 triples, into {store} in ") and lines[3].endswith(" s (2 files skipped)")
    quiet = run("load", "-q", str(tmp_path / "a.ttl"), str(void))
    assert quiet.exit_code == 0 and len(quiet.output.splitlines()) == 1 and "(1 file skipped)" in quiet.output


def test_load_the_same_article_from_two_files(tmp_path, store):
    article(tmp_path / "a.ttl", "same")
    article(tmp_path / "b.ttl", "same")
    assert one_line_error(run("load", "-q", str(tmp_path / "a.ttl"), str(tmp_path / "b.ttl")), 3) == (
        f"Error: {tmp_path / 'b.ttl'}: article {BASE}same is also in {tmp_path / 'a.ttl'}; load each graph from one file only"
    )


# --------------------------------------------------------------------------------------
# query


@pytest.fixture
def loaded(tmp_path, store) -> Path:
    article(tmp_path / "a.ttl")
    assert run("load", str(tmp_path / "a.ttl")).exit_code == 0
    return store


@pytest.mark.parametrize("service", [
    "SERVICE <http://127.0.0.1:{port}/sparql>",
    "service   <http://127.0.0.1:{port}/>",
    "Service SILENT <http://127.0.0.1:{port}/>",
    "\\u0053ERVICE <http://127.0.0.1:{port}/>",
    "\\U00000073ervice <http://127.0.0.1:{port}/>",
])
def test_query_refuses_service_without_a_connection(loaded, listener, service):
    q = "SELECT * WHERE { ?s ?p ?o . { SELECT ?s WHERE { %s { ?s ?p ?o } } } }" % service.format(port=listener.port)
    assert one_line_error(run("query", q), 20) == (
        "Error: SERVICE is not allowed on the embedded store: newsgraph makes no requests to other servers"
    )
    assert listener.count == 0


def test_query_the_word_service_elsewhere_is_no_keyword(loaded):
    result = run("query", "--format", "csv",
                 'SELECT ?service WHERE { BIND("SERVICE <http://e/>" AS ?service) } # SERVICE <http://e/>')
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == b"service\r\nSERVICE <http://e/>\r\n"


def test_serve_and_query_share_one_service_check():
    from newsgraph.serve import sparql

    assert sparql.uses_service is ns.uses_service


@pytest.mark.parametrize("sparql", ["SELEC ?x WHERE { ?x ?y ?z }", "SELECT ?x WHERE { ?x ?y ?z", "INSERT DATA { <a> <b> <c> }"])
def test_query_invalid_sparql(loaded, sparql):
    line = one_line_error(run("query", sparql), 18)
    assert line.startswith("Error: the query is not valid SPARQL: error at 1:")
    assert len(line) <= 260  # the parser's message, cut to one readable line


def test_query_without_a_store(tmp_path, monkeypatch):
    missing = tmp_path / "nowhere"
    monkeypatch.setenv("NEWSGRAPH_STORE", str(missing))
    assert one_line_error(run("query", "ASK {}"), 19) == f"Error: no store at {missing}: run newsgraph load first"
    (tmp_path / "empty").mkdir()  # a folder, but no store in it
    assert one_line_error(run("query", "--store", str(tmp_path / "empty"), "ASK {}"), 19) == (
        f"Error: no store at {tmp_path / 'empty'}: run newsgraph load first"
    )
    assert not missing.exists()


def test_query_an_unknown_competency_question(loaded):
    assert one_line_error(run("query", "--cq", "../../etc/passwd"), 2) == (
        f"Error: unknown competency question '../../etc/passwd'; available: {', '.join(ns.cq_names())}"
    )


def test_query_table_does_not_pass_control_characters_to_the_terminal(tmp_path, store):
    path = tmp_path / "esc.nt"
    path.write_text(f'<{BASE}esc> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle> .\n'
                    f'<{BASE}esc> <https://schema.org/headline> "\\u001B]0;owned\\u0007\\u001B[2Jcleared\\u009B31m" .\n',
                    encoding="utf-8")
    assert run("load", str(path)).exit_code == 0
    result = run("query", "SELECT ?h WHERE { ?a <https://schema.org/headline> ?h }")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2] == "\\x1b]0;owned\\x07\\x1b[2Jcleared\\x9b31m"
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in result.output)
