"""The sample article end to end: the committed out/ is what a rebuild gives, it parses with
a second parser, conforms, and scores against the reviewed gold annotation."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
import yaml
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from newsgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "umerov-ramstein-2024.txt"
OUT = ROOT / "out"
TTL = OUT / "umerov-ramstein-2024.ttl"
JSONLD = OUT / "umerov-ramstein-2024.jsonld"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rebuilt")
    result = CliRunner().invoke(main, ["build", str(ARTICLE), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def test_committed_output_is_what_a_rebuild_gives(rebuilt):
    for published in (TTL, JSONLD):
        fresh = rebuilt / published.name
        assert fresh.read_bytes() == published.read_bytes(), (
            f"{published.relative_to(ROOT)} is stale: run `newsgraph build {ARTICLE.relative_to(ROOT)} -o out/`"
        )


def test_build_is_byte_identical_across_processes(tmp_path):
    """Set order changes with the hash seed between processes; the output must not."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "newsgraph.cli", "build", str(ARTICLE), "-o", str(out)],
            check=True, env=env, capture_output=True,
        )
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]
    assert sorted(outputs[0]) == ["umerov-ramstein-2024.jsonld", "umerov-ramstein-2024.ttl"]


def _from_oxigraph(path: Path) -> Graph:
    graph = Graph()
    for triple in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
        graph.add(tuple(_term(t) for t in (triple.subject, triple.predicate, triple.object)))
    return graph


def _term(term):
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):  # RDF 1.1: a simple literal is an xsd:string
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise AssertionError(f"unexpected blank node or term in the published graph: {term!r}")


def test_turtle_parses_with_oxigraph_and_matches_the_jsonld():
    by_oxigraph = _from_oxigraph(TTL)
    by_rdflib = Graph().parse(TTL, format="turtle")
    jsonld = Graph().parse(JSONLD, format="json-ld")
    assert len(by_oxigraph) == len(by_rdflib) > 500
    assert isomorphic(by_oxigraph, by_rdflib)
    assert isomorphic(by_rdflib, jsonld)


def test_published_graph_validates():
    result = CliRunner().invoke(main, ["validate", str(TTL), str(JSONLD)], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def _score() -> dict:
    spec = importlib.util.spec_from_file_location("score", FIXTURES / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = yaml.safe_load((FIXTURES / "gold" / "umerov-ramstein-2024.gold.yaml").read_text(encoding="utf-8"))
    names = score.Names(gold)
    graph = score.load_graph(TTL)
    queries = ROOT / "ontology" / "queries"
    report = {}
    for question in score.QUESTIONS:
        rows = score.run_query(graph, queries / f"{question}.rq")
        if question == "provenance":
            report[question] = score.score_provenance(rows, ARTICLE.read_text(encoding="utf-8"))
        else:
            report[question] = score.SCORERS[question](rows, gold, names)
    return report


@pytest.fixture(scope="module")
def scores() -> dict:
    return _score()


@pytest.mark.parametrize("question", ["persons", "quotes", "coalitions"])
def test_exact_categories_score_f1_one(scores, question):
    assert scores[question]["f1"] == 1.0, scores[question]


def test_statistics_score(scores):
    stats = scores["statistics"]
    assert stats["f1"] >= 0.9, stats
    for attribute in ("qualifier", "claimed_by"):
        right, total = map(int, stats["attributes"][attribute].split("/"))
        assert right == total, (attribute, stats["attributes"])


def test_roles_score(scores):
    roles = scores["roles"]
    assert roles["recall"] == 1.0, roles
    assert roles["attributes"]["start"].split("/")[0] == roles["attributes"]["start"].split("/")[1] != "0"
    assert roles["attributes"]["predecessor"].split("/")[0] == roles["attributes"]["predecessor"].split("/")[1] != "0"


def test_entities_score(scores):
    assert scores["entities"]["f1"] >= 0.9, scores["entities"]


def test_every_anchor_is_exact(scores):
    provenance = scores["provenance"]
    assert provenance["anchors"] > 0
    assert provenance["exact"] == provenance["anchors"], provenance["broken"]


def test_a_statistic_without_its_value_does_not_conform(tmp_path):
    from newsgraph.namespaces import NG, SCHEMA
    from rdflib.namespace import RDF

    graph = Graph().parse(TTL, format="turtle")
    stat = sorted(graph.subjects(RDF.type, NG.Statistic))[0]
    graph.remove((stat, SCHEMA.value, None))
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    result = CliRunner().invoke(main, ["validate", str(broken)], catch_exceptions=False)
    assert result.exit_code == 1
    local = stat.rsplit("/", 1)[-1]
    violation = next(line for line in result.output.splitlines() if "Violation" in line)
    assert f"statistic:{local}" in violation and "schema:value" in violation
