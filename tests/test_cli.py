"""The command line as a user sees it: exact messages, exit codes, nothing half-written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from newsgraph.cli import main
from newsgraph.extract.anchors import make_anchor
from newsgraph.model import Article, Coalition, CoalitionMember, Entity, Quote, Record, Role, Statistic
from newsgraph.namespaces import NG, SCHEMA
from newsgraph.record import write_record

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "Latvia pledges more drones, minister says\n\n"
    "Latvia's Minister of Defence Andris Sprūds said the country would deliver about 200 drones. "
    "“We will not stop,” Sprūds said.\n\n"
    "– Latvia and Denmark – Drone Coalition\n"
)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def hand_record() -> Record:
    """A small record made by hand, so these tests do not depend on the extractor."""
    text = TEXT
    article = Article(id="latvia-drones", text=text, title=text.splitlines()[0], source="latvia-drones.txt")
    person = Entity(key="Person:andris-spruds", name="Andris Sprūds", kind="Person", aliases=["Sprūds"],
                    mentions=[make_anchor(text, *_span(text, "Andris Sprūds"))])
    latvia = Entity(key="Country:latvia", name="Latvia", kind="Country", wikidata="Q211", link_method="gazetteer")
    denmark = Entity(key="Country:denmark", name="Denmark", kind="Country", wikidata="Q35", link_method="gazetteer")
    coalition = Entity(key="Organization:drone-coalition", name="Drone Coalition", kind="Organization")
    quote_span = _span(text, "We will not stop,")
    stat_span = _span(text, "about 200 drones")
    return Record(
        article=article,
        entities=[person, latvia, denmark, coalition],
        roles=[Role(person=person.key, title="Minister of Defence", of=latvia.key,
                    anchors=[make_anchor(text, *_span(text, "Latvia's Minister of Defence Andris Sprūds"))])],
        quotes=[Quote(speaker=person.key, text="We will not stop,", anchor=make_anchor(text, *quote_span))],
        statistics=[Statistic(value="200", counts="drones", qualifier="approximately", subject=latvia.key,
                              claimed_by=person.key, sentence="Latvia's Minister of Defence Andris Sprūds said "
                              "the country would deliver about 200 drones.", written="about 200",
                              anchors=[make_anchor(text, *stat_span)])],
        coalitions=[Coalition(key=coalition.key, name="Drone Coalition", members=[
            CoalitionMember(country=latvia.key, lead=True, anchor=make_anchor(text, *_span(text, "Latvia and"))),
            CoalitionMember(country=denmark.key, lead=True, anchor=make_anchor(text, *_span(text, "Denmark –"))),
        ])],
        extractor="newsgraph 0.1.0",
        model="test 0",
    )


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str):
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


# ---------------------------------------------------------------- help and docs


COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_documented(runner, command):
    result = run(runner, command, "--help")
    assert result.exit_code == 0
    assert main.commands[command].help, f"{command} has no help text"
    assert len(result.output.splitlines()) > 3
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"newsgraph {command}" in readme, f"README does not document `newsgraph {command}`"


def test_version(runner):
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert re.fullmatch(r"newsgraph, version \d+\.\d+\.\d+\n", result.output)


def test_unknown_option_is_a_usage_error(runner, tmp_path):
    result = run(runner, "build", "--frobnicate", tmp_path / "a.txt")
    assert result.exit_code == 2
    assert "No such option '--frobnicate'" in result.output


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (b"   \n\n  ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file, not text"),
        ("Caf\u00e9 news".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 3)"),
    ],
)
def test_bad_article_gives_one_line_and_code_3(runner, tmp_path, content, message):
    article = tmp_path / "bad.txt"
    article.write_bytes(content)
    out = tmp_path / "out"
    result = run(runner, "build", article, "-o", out)
    assert result.exit_code == 3
    assert result.output == f"Error: {article}: {message}\n"
    assert not out.exists() or not any(out.iterdir())


def test_missing_article(runner, tmp_path):
    result = run(runner, "extract", tmp_path / "nope.txt")
    assert result.exit_code == 3
    assert result.output == f"Error: {tmp_path / 'nope.txt'}: no such article file\n"


@pytest.mark.parametrize(
    "content, message",
    [
        ("article: [unclosed\n", "not a valid record file"),
        ("- just\n- a list\n", "malformed record: a record must be a mapping"),
        ("format: newsgraph-record/1\narticle: {id: x}\n", "malformed record: article.text: required field is missing"),
        ("format: something-else\n", "unknown record format"),
    ],
)
def test_malformed_record(runner, tmp_path, content, message):
    record = tmp_path / "record.yaml"
    record.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = run(runner, "map", record, "-o", out, "--no-link")
    assert result.exit_code == 3
    assert result.output.startswith(f"Error: {record}: ")
    assert message in result.output
    assert len(result.output.splitlines()) == 1
    assert not out.exists()


def test_record_whose_anchor_does_not_match_the_text(runner, tmp_path):
    record = hand_record()
    record.quotes[0].anchor.start += 1
    path = write_record(record, tmp_path / "record.yaml")
    result = run(runner, "map", path, "-o", tmp_path / "out", "--no-link")
    assert result.exit_code == 3
    assert "malformed record: quotes[0].anchor.exact: 'We will not stop,' is not the article text from" in result.output
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- map, validate


def test_map_publishes_turtle_and_jsonld_with_the_same_triples(runner, tmp_path):
    path = write_record(hand_record(), tmp_path / "record.yaml")
    out = tmp_path / "out"
    result = run(runner, "map", path, "-o", out, "--no-link")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["latvia-drones.jsonld", "latvia-drones.ttl"]
    turtle = Graph().parse(out / "latvia-drones.ttl", format="turtle")
    jsonld = Graph().parse(out / "latvia-drones.jsonld", format="json-ld")
    from rdflib.compare import isomorphic

    assert isomorphic(turtle, jsonld)
    stats = list(turtle.subjects(RDF.type, NG.Statistic))
    assert len(stats) == 1
    assert turtle.value(stats[0], SCHEMA.value).toPython() == 200
    assert result.output.startswith(f"wrote {out / 'latvia-drones.ttl'}, {out / 'latvia-drones.jsonld'}: ")


def test_map_twice_gives_identical_bytes(runner, tmp_path):
    path = write_record(hand_record(), tmp_path / "record.yaml")
    first, second = tmp_path / "a", tmp_path / "b"
    assert run(runner, "map", path, "-o", first, "--no-link").exit_code == 0
    assert run(runner, "map", path, "-o", second, "--no-link").exit_code == 0
    for name in ("latvia-drones.ttl", "latvia-drones.jsonld"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_base_option_changes_every_data_iri(runner, tmp_path):
    path = write_record(hand_record(), tmp_path / "record.yaml")
    out = tmp_path / "out"
    assert run(runner, "map", path, "-o", out, "--no-link", "--base", "https://news.example/kg/").exit_code == 0
    graph = Graph().parse(out / "latvia-drones.ttl", format="turtle")
    article = next(graph.subjects(RDF.type, SCHEMA.NewsArticle))
    assert article == URIRef("https://news.example/kg/article/latvia-drones")


DCTERMS_LICENSE = URIRef("http://purl.org/dc/terms/license")
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")


def _licences(out: Path) -> tuple[list, list]:
    """(the article graph's licences, the article node's licences) in a published Turtle file."""
    graph = Graph().parse(out / "latvia-drones.ttl", format="turtle")
    article = next(graph.subjects(RDF.type, SCHEMA.NewsArticle))
    graph_node = next(graph.subjects(RDF.type, NG.ArticleGraph))
    assert graph_node == URIRef(f"{article}/graph")
    return list(graph.objects(graph_node, DCTERMS_LICENSE)), list(graph.objects(article, DCTERMS_LICENSE))


def test_licence_option_sets_the_licence_of_the_data(runner, tmp_path):
    path = write_record(hand_record(), tmp_path / "record.yaml")
    assert run(runner, "map", path, "-o", tmp_path / "default", "--no-link").exit_code == 0
    assert _licences(tmp_path / "default") == ([CC_BY], [])
    own = "https://news.example/terms#data"
    result = run(runner, "map", path, "-o", tmp_path / "own", "--no-link", "--licence", own)
    assert result.exit_code == 0, result.output
    assert _licences(tmp_path / "own") == ([URIRef(own)], [])  # never on the article: its text is the publisher's


@pytest.mark.parametrize("command", ["map", "build"])
@pytest.mark.parametrize("licence", ["cc-by", "/licenses/by/4.0/", "ftp://example.org/licence", "https://",
                                     "https://example.org/my licence", "<https://example.org/l>", ""])
def test_bad_licence_is_a_one_line_usage_error(runner, tmp_path, command, licence):
    source = write_record(hand_record(), tmp_path / "record.yaml") if command == "map" else tmp_path / "a.txt"
    if command == "build":
        source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = run(runner, command, source, "-o", out, "--no-link", "--licence", licence)
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: --licence {licence!r} is not ")
    assert len(result.output.splitlines()) == 1, result.output
    assert not out.exists()


@pytest.mark.parametrize("policy, concept", [("full", "FullText"), ("excerpt", "ExcerptsOnly"), ("none", "NoText")])
def test_text_option_on_map(runner, tmp_path, policy, concept):
    from newsgraph.namespaces import OA

    path = write_record(hand_record(), tmp_path / "record.yaml")
    out = tmp_path / "out"
    result = run(runner, "map", path, "-o", out, "--no-link", "--text", policy)
    assert result.exit_code == 0, result.output  # published, so it conforms to the shapes
    graph = Graph().parse(out / "latvia-drones.ttl", format="turtle")
    article = next(graph.subjects(RDF.type, SCHEMA.NewsArticle))
    assert graph.value(URIRef(f"{article}/graph"), NG.textPolicy) == NG[concept]
    assert (graph.value(article, SCHEMA.text) is not None) == (policy == "full")
    assert (next(graph.objects(article, NG.excerpt), None) is not None) == (policy == "excerpt")
    assert (next(graph.objects(None, NG.sentence), None) is not None) == (policy != "none")
    anchors = set(graph.objects(None, NG.anchor)) | set(graph.objects(None, NG.mention))
    assert len(anchors) == 6
    for anchor in anchors:
        start, end = int(graph.value(anchor, OA.start)), int(graph.value(anchor, OA.end))
        assert str(graph.value(anchor, OA.exact)) == TEXT[start:end]
        assert TEXT[:start].endswith(str(graph.value(anchor, OA.prefix)))
        assert TEXT[end:].startswith(str(graph.value(anchor, OA.suffix)))
    if policy == "excerpt":
        excerpts = sorted(str(graph.value(e, OA.exact)) for e in graph.objects(article, NG.excerpt))
        # The role and the statistic share a sentence; the quote has its own; the coalition line is one.
        assert excerpts == sorted([
            "Latvia's Minister of Defence Andris Sprūds said the country would deliver about 200 drones.",
            "“We will not stop,” Sprūds said.",
            "– Latvia and Denmark – Drone Coalition",
        ])


def test_bad_text_option_is_a_usage_error(runner, tmp_path):
    path = write_record(hand_record(), tmp_path / "record.yaml")
    result = run(runner, "map", path, "-o", tmp_path / "out", "--no-link", "--text", "some")
    assert result.exit_code == 2
    assert "'some' is not one of 'full', 'excerpt', 'none'" in result.output
    assert not (tmp_path / "out").exists()


def test_corpus_build_honours_licence_and_text(runner, tmp_path):
    from rdflib import Dataset
    from rdflib.namespace import DCTERMS

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = run(runner, "build", tmp_path / "a.txt", tmp_path / "b.txt", "-o", out, "--no-link",
                 "--licence", "https://news.example/terms", "--text", "none", "-q")
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(out / "corpus.trig", format="trig")
    quads = list(dataset.quads((None, None, None, None)))
    assert len(quads) > 100
    assert {o for _, p, o, _ in quads if p == DCTERMS.license} == {URIRef("https://news.example/terms")}
    articles = {s for s, p, o, _ in quads if p == RDF.type and o == SCHEMA.NewsArticle}
    assert len(articles) == 2
    assert not [s for s, p, _, _ in quads if p == SCHEMA.text and s in articles]  # --text none
    void = Graph().parse(out / "void.ttl")
    assert URIRef("https://news.example/terms") in set(void.objects(None, DCTERMS.license))


def _published(runner, tmp_path) -> Path:
    path = write_record(hand_record(), tmp_path / "record.yaml")
    assert run(runner, "map", path, "-o", tmp_path / "out", "--no-link").exit_code == 0
    return tmp_path / "out" / "latvia-drones.ttl"


def test_validate_conforming_file(runner, tmp_path):
    turtle = _published(runner, tmp_path)
    result = run(runner, "validate", turtle)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith(f"{turtle}: conforms")


def test_validate_jsonld_and_ntriples(runner, tmp_path):
    turtle = _published(runner, tmp_path)
    nt = tmp_path / "copy.nt"
    Graph().parse(turtle).serialize(nt, format="nt")
    result = run(runner, "validate", turtle.with_suffix(".jsonld"), nt)
    assert result.exit_code == 0, result.output


def _statistic_without_value(runner, tmp_path) -> Path:
    """The published sample graph with one statistic's schema:value removed."""
    graph = Graph().parse(_published(runner, tmp_path))
    stat = next(graph.subjects(RDF.type, NG.Statistic))
    graph.remove((stat, SCHEMA.value, None))
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    return broken


def test_validate_statistic_without_value(runner, tmp_path):
    broken = _statistic_without_value(runner, tmp_path)
    result = run(runner, "validate", broken)
    assert result.exit_code == 1
    assert "does not conform" in result.output
    line = next(line for line in result.output.splitlines() if "Violation" in line)
    assert "statistic:" in line and "schema:value" in line

    as_json = run(runner, "validate", "--format", "json", broken)
    assert as_json.exit_code == 1
    report = json.loads(as_json.output)[0]
    assert report["conforms"] is False
    violation = next(r for r in report["results"] if r["severity"] == "Violation")
    assert violation["path"] == "schema:value"
    assert violation["focus"].startswith("statistic:")
    assert violation["message"]


def test_validate_engines_report_the_same(runner, tmp_path):
    broken = _statistic_without_value(runner, tmp_path)
    outputs = {engine: run(runner, "validate", "--engine", engine, broken) for engine in ("fast", "pyshacl", "auto")}
    assert {r.exit_code for r in outputs.values()} == {1}
    assert outputs["fast"].output == outputs["pyshacl"].output == outputs["auto"].output


def test_validate_fast_engine_refuses_shapes_beyond_it_with_a_usage_error(runner, tmp_path):
    turtle = _published(runner, tmp_path)
    shapes = tmp_path / "node.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix schema: <https://schema.org/> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetClass schema:Person ; sh:node <urn:t> ; sh:message \"m\" .\n"
        "<urn:t> sh:nodeKind sh:IRI .\n",
        encoding="utf-8",
    )
    result = run(runner, "validate", "--engine", "fast", "--shapes", shapes, turtle)
    assert result.exit_code == 2
    assert result.output.startswith("Error: the fast validator cannot evaluate these shapes: ")
    assert "use the pyshacl engine" in result.output and len(result.output.splitlines()) == 1
    assert run(runner, "validate", "--shapes", shapes, turtle).exit_code == 0  # auto: pySHACL takes them


def test_validate_unparsable_file_is_not_a_conformance_failure(runner, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    result = run(runner, "validate", bad)
    assert result.exit_code == 3
    assert result.output.startswith(f"Error: {bad}: cannot parse as turtle")
    assert len(result.output.splitlines()) == 1


def test_map_refuses_to_publish_a_non_conforming_graph(runner, tmp_path):
    record = hand_record()
    path = write_record(record, tmp_path / "record.yaml")
    shapes = tmp_path / "strict.ttl"
    # A shape every article fails: it must have a publisher.
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix schema: <https://schema.org/> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetClass schema:NewsArticle ;\n"
        "  sh:property [ sh:path schema:publisher ; sh:minCount 1 ; sh:message \"needs a publisher\" ] .\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run(runner, "map", path, "-o", out, "--no-link", "--shapes", shapes)
    assert result.exit_code == 1
    assert "needs a publisher" in result.output
    assert "nothing was written" in result.output
    assert not out.exists()


def test_record_round_trips_through_yaml_and_json(tmp_path):
    from newsgraph.record import read_record

    record = hand_record()
    for name in ("r.yaml", "r.json"):
        assert read_record(write_record(record, tmp_path / name)) == record
    data = yaml.safe_load((tmp_path / "r.yaml").read_text(encoding="utf-8"))
    assert data["format"] == "newsgraph-record/1"


# ---------------------------------------------------------------- serve: the documents folder options

SAMPLE_GRAPH = ROOT / "out" / "umerov-ramstein-2024.ttl"


@pytest.mark.parametrize("args, message", [
    (["--jobs", "2"], "--jobs is the number of processes --prerender makes the documents with: give --prerender too"),
    (["--prerender", "--jobs", "0"], "--jobs must be a whole number from 1 to 64, not '0'"),
    (["--prerender", "-j", "many"], "--jobs must be a whole number from 1 to 64, not 'many'"),
    (["--prerender", "-j", "65"], "--jobs must be a whole number from 1 to 64, not '65'"),
])
def test_serve_bad_prerender_options_are_one_line_usage_errors(runner, tmp_path, args, message):
    result = run(runner, "serve", SAMPLE_GRAPH, "--port", "0", "--documents", tmp_path / "docs", *args)
    assert result.exit_code == 2
    assert result.output == f"Error: {message}\n"
    assert not (tmp_path / "docs").exists()


def test_serve_documents_must_be_a_folder(runner, tmp_path):
    file = tmp_path / "docs"
    file.write_text("not a folder", encoding="utf-8")
    result = run(runner, "serve", SAMPLE_GRAPH, "--port", "0", "--documents", file)
    assert result.exit_code == 2
    assert result.output == f"Error: --documents {file} is a file, not a folder\n"


def test_serve_refuses_a_documents_folder_it_did_not_write(runner, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run(runner, "serve", SAMPLE_GRAPH, "--port", "0", "--prerender", "--documents", tmp_path)
    assert result.exit_code == 10
    assert result.output == (f"Error: {tmp_path} is a folder that was not written by `newsgraph serve`: "
                             "give an empty or new folder for the documents\n")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
