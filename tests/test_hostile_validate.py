"""Hostile RDF given to `validate`: every case a one-line error with exit code 3, nothing fetched,
time and memory bounded (issue: hold under hostile input)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.validate import MAX_JSON_DEPTH, MAX_XML_EXPANSION, load_rdf

from cli_support import one_line_error

pytestmark = pytest.mark.network

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_TTL = ROOT / "out" / "umerov-ramstein-2024.ttl"
RDF_XML_HEAD = '<?xml version="1.0"?>\n'
RDF_XML_BODY = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="{ns}">'
    '<rdf:Description rdf:about="{ns}x"><ex:p>{value}</ex:p></rdf:Description></rdf:RDF>\n'
)


def validate(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


@pytest.mark.parametrize("document", [
    '{{"@context": "http://127.0.0.1:{port}/context.jsonld", "@id": "http://e/a", "http://e/p": "v"}}',
    '{{"@context": [{{"ex": "http://e/"}}, "http://127.0.0.1:{port}/c"], "@id": "http://e/a", "ex:p": "v"}}',
    '{{"@context": {{"@import": "http://127.0.0.1:{port}/c"}}, "@id": "http://e/a", "http://e/p": "v"}}',
    '{{"@id": "http://e/a", "http://e/p": {{"@context": "http://127.0.0.1:{port}/scoped", "@value": "v"}}}}',
])
def test_a_remote_json_ld_context_is_refused_without_a_connection(tmp_path, listener, document):
    path = tmp_path / "remote.jsonld"
    path.write_text(document.format(port=listener.port), encoding="utf-8")
    line = one_line_error(validate(str(path)), 3)
    assert f"http://127.0.0.1:{listener.port}/" in line
    assert "refused: newsgraph fetches nothing; put the context inline" in line
    assert listener.count == 0


def test_a_file_context_is_refused_too(tmp_path):
    path = tmp_path / "file.jsonld"
    path.write_text('{"@context": "file:///etc/passwd", "@id": "http://e/a", "http://e/p": "v"}', encoding="utf-8")
    assert one_line_error(validate(str(path)), 3) == (
        f"Error: {path}: remote JSON-LD context file:///etc/passwd refused: newsgraph fetches nothing; put the context inline"
    )


def test_remote_context_in_shapes_is_refused(tmp_path, listener):
    shapes = tmp_path / "shapes.jsonld"
    shapes.write_text(f'{{"@context": "http://127.0.0.1:{listener.port}/c", "@id": "http://e/s"}}', encoding="utf-8")
    line = one_line_error(validate(str(SAMPLE_TTL), "--shapes", str(shapes)), 3)
    assert "remote JSON-LD context" in line and listener.count == 0


def test_an_inline_context_still_parses(tmp_path):
    path = tmp_path / "inline.jsonld"
    path.write_text('{"@context": {"ex": "http://e/"}, "@id": "ex:a", "ex:p": "v"}', encoding="utf-8")
    assert len(load_rdf(path)) == 1


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 100_000])
def test_deep_json_is_refused(tmp_path, depth):
    path = tmp_path / "deep.jsonld"
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    assert one_line_error(validate(str(path)), 3) == f"Error: {path}: JSON nested deeper than {MAX_JSON_DEPTH} levels"


def test_xml_entity_expansion_is_bounded(tmp_path):
    entities = '<!ENTITY a "aaaaaaaaaa">\n' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(9)
    )
    path = tmp_path / "laughs.rdf"
    path.write_text(RDF_XML_HEAD + f"<!DOCTYPE rdf:RDF [\n{entities}]>\n" + RDF_XML_BODY.format(ns="http://e/", value="&j;"))
    assert one_line_error(validate(str(path)), 3) == (
        f"Error: {path}: XML entities expand to more than {MAX_XML_EXPANSION >> 20} MiB"
    )


def test_xml_external_entity_is_refused(tmp_path):
    path = tmp_path / "xxe.rdf"
    path.write_text(RDF_XML_HEAD + '<!DOCTYPE rdf:RDF [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n'
                    + RDF_XML_BODY.format(ns="http://e/", value="&x;"))
    assert one_line_error(validate(str(path)), 3) == f"Error: {path}: XML external entity 'x' refused: newsgraph fetches nothing"


def test_xml_namespace_entities_still_work(tmp_path):
    # The common, harmless use: an entity that abbreviates a namespace IRI.
    path = tmp_path / "ns.rdf"
    path.write_text(RDF_XML_HEAD + '<!DOCTYPE rdf:RDF [\n<!ENTITY ex "http://e/">\n]>\n'
                    + RDF_XML_BODY.format(ns="&ex;", value="v"))
    triples = {(str(s), str(p), str(o)) for s, p, o in load_rdf(path)}
    assert triples == {("http://e/x", "http://e/p", "v")}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "graph.ttl"
    os.mkfifo(fifo)
    assert one_line_error(validate(str(fifo)), 3) == f"Error: {fifo}: not a regular file (a FIFO)"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_refused_at_once():
    assert one_line_error(validate("/dev/zero"), 3) == "Error: /dev/zero: not a regular file (a character device)"


def test_parse_errors_show_no_python_byte_strings(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text('@prefix ex: <http://e/> .\nex:a ex:b "unterminated .\n', encoding="utf-8")
    line = one_line_error(validate(str(path)), 3)
    assert line == f"Error: {path}: cannot parse as turtle: line 2: newline found in string literal"


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_a_nan_decimal_is_a_result_or_a_clean_error(tmp_path, engine):
    text = SAMPLE_TTL.read_text(encoding="utf-8")
    anchor_start = 'oa:start "0"^^xsd:nonNegativeInteger ;'
    assert anchor_start in text
    path = tmp_path / "nan.ttl"
    path.write_text(text.replace(anchor_start, 'oa:start "NaN"^^xsd:decimal ;', 1), encoding="utf-8")
    result = validate(str(path), "--engine", engine)
    if engine == "fast":
        assert result.exit_code == 1, result.output
        assert "oa:start value NaN: A text anchor has exactly one oa:start" in result.output
    else:
        assert one_line_error(result, 3) == (
            "Error: pySHACL cannot compare a value of this graph (a NaN decimal); the fast engine reports it as a result"
        )


def test_json_report_names_its_prefixes_and_gives_null_for_no_value(tmp_path):
    import json

    result = validate(str(SAMPLE_TTL), "--format", "json")
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.output)
    assert report["results"], "the sample has warnings to show"
    for r in report["results"]:
        for name in (r["focus"], r["path"]):
            prefix = name.split(":", 1)[0]
            assert name.startswith("<") or prefix in report["prefixes"], (name, report["prefixes"])
    missing = [r for r in report["results"] if r["path"] == "owl:sameAs"]
    assert missing and all(r["value"] is None for r in missing)
