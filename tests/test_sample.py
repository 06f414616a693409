"""The sample article end to end: the committed out/ is what a rebuild gives, it parses with
a second parser, conforms, and scores against the reviewed gold annotation."""

from __future__ import annotations

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


@pytest.mark.slow
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
    from fixtures import score  # the project's copy of the evaluation script

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


# ---------------------------------------------------------------- labels, licence, text policy

NG_NS = "https://w3id.org/newsgraph/ontology#"
OA_NS = "http://www.w3.org/ns/oa#"
PROV_ACTIVITY = URIRef("http://www.w3.org/ns/prov#Activity")
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
SCHEMA_TEXT = URIRef("https://schema.org/text")
DCTERMS_LICENSE = URIRef("http://purl.org/dc/terms/license")
SAMPLE = URIRef("https://w3id.org/newsgraph/id/article/umerov-ramstein-2024")
FACT_CLASSES = [URIRef(NG_NS + c) for c in (
    "Quotation", "ReportedClaim", "Statistic", "RoleHolding", "CoalitionMembership", "TextAnchor", "ArticleGraph")]
FACT_CLASSES.append(PROV_ACTIVITY)


def _ng(local: str) -> URIRef:
    return URIRef(NG_NS + local)


def _oa(local: str) -> URIRef:
    return URIRef(OA_NS + local)


@pytest.fixture(scope="module")
def sample_graph() -> Graph:
    return Graph().parse(TTL, format="turtle")


def test_every_fact_node_has_exactly_one_label_in_words(sample_graph):
    g = sample_graph
    for cls in FACT_CLASSES:
        nodes = set(g.subjects(RDF_TYPE, cls))
        assert nodes, f"the sample has no {cls}"
        for node in nodes:
            labels = list(g.objects(node, RDFS_LABEL))
            assert len(labels) == 1, (node, labels)
            label = labels[0]
            assert isinstance(label, Literal) and label.language is None and label.datatype is None, label
            assert str(label).strip() and "\n" not in str(label), label
            digest = node.rsplit("/", 1)[-1]
            assert not (len(digest) == 12 and digest in str(label)), f"{node}: the label repeats the IRI's hash"
    # Anchors' labels are their words, cut at about 80 characters.
    for anchor in g.subjects(RDF_TYPE, _ng("TextAnchor")):
        label, exact = str(g.value(anchor, RDFS_LABEL)), " ".join(str(g.value(anchor, _oa("exact"))).split())
        assert label == exact if len(exact) <= 80 else (label.endswith("…") and exact.startswith(label[:-1]))


def test_labels_change_no_competency_answer(sample_graph):
    """rdfs:label on facts must not leak into any question (e.g. as a name in persons or entities)."""
    unlabelled = Graph()
    for triple in sample_graph:
        if triple[1] != RDFS_LABEL:
            unlabelled.add(triple)
    for query in sorted((ROOT / "ontology" / "queries").glob("*.rq")):
        text = query.read_text(encoding="utf-8")
        with_labels = sorted(tuple(map(str, row)) for row in sample_graph.query(text))
        without = sorted(tuple(map(str, row)) for row in unlabelled.query(text))
        assert with_labels == without, query.name


def test_the_sample_graph_carries_its_licence_and_full_text(sample_graph):
    graph_node = URIRef(f"{SAMPLE}/graph")
    assert list(sample_graph.objects(graph_node, DCTERMS_LICENSE)) == [
        URIRef("https://creativecommons.org/licenses/by/4.0/")]
    assert sample_graph.value(graph_node, _ng("textPolicy")) == _ng("FullText")
    assert str(sample_graph.value(SAMPLE, SCHEMA_TEXT)) == ARTICLE.read_text(encoding="utf-8")
    # The licence is the data's, never the article's.
    assert (SAMPLE, DCTERMS_LICENSE, None) not in sample_graph


def _build_with_text(tmp_path_factory, policy: str) -> Graph:
    out = tmp_path_factory.mktemp(f"text-{policy}")
    result = CliRunner().invoke(main, ["build", str(ARTICLE), "-o", str(out), "--text", policy],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    validated = CliRunner().invoke(main, ["validate", *(str(p) for p in sorted(out.iterdir()))],
                                   catch_exceptions=False)
    assert validated.exit_code == 0, validated.output
    return Graph().parse(out / TTL.name, format="turtle")


@pytest.fixture(scope="module")
def excerpt_graph(tmp_path_factory) -> Graph:
    return _build_with_text(tmp_path_factory, "excerpt")


@pytest.fixture(scope="module")
def no_text_graph(tmp_path_factory) -> Graph:
    return _build_with_text(tmp_path_factory, "none")


def _anchors_hold_their_words(graph: Graph, text: str) -> int:
    """Every fact's and mention's anchor keeps oa:exact, oa:prefix and oa:suffix, which match `text`."""
    anchors = set(graph.objects(None, _ng("anchor"))) | set(graph.objects(None, _ng("mention")))
    for anchor in anchors:
        start, end = int(graph.value(anchor, _oa("start"))), int(graph.value(anchor, _oa("end")))
        exact, prefix, suffix = (graph.value(anchor, _oa(p)) for p in ("exact", "prefix", "suffix"))
        assert exact is not None and prefix is not None and suffix is not None, anchor
        assert text[start:end] == str(exact)
        assert text[:start].endswith(str(prefix)) and text[end:].startswith(str(suffix))
    return len(anchors)


def _rows(graph: Graph, name: str) -> list[tuple[str, ...]]:
    text = (ROOT / "ontology" / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    return sorted(tuple(str(v) for v in row) for row in graph.query(text))


def test_text_none_publishes_no_article_text_but_every_anchor(sample_graph, no_text_graph):
    g = no_text_graph
    text = ARTICLE.read_text(encoding="utf-8")
    assert (None, SCHEMA_TEXT, None) not in {(None, t[1], None) for t in g if t[0] == SAMPLE}
    assert g.value(SAMPLE, SCHEMA_TEXT) is None
    assert (None, _ng("excerpt"), None) not in g and (None, _ng("sentence"), None) not in g
    assert g.value(URIRef(f"{SAMPLE}/graph"), _ng("textPolicy")) == _ng("NoText")
    assert g.value(SAMPLE, _ng("sha256")) == sample_graph.value(SAMPLE, _ng("sha256"))
    assert _anchors_hold_their_words(g, text) == _anchors_hold_their_words(sample_graph, text)
    # The questions give the same answers; statistics only lose the sentence they stand in.
    for name in ("persons", "roles", "quotes", "coalitions", "entities", "provenance"):
        assert _rows(g, name) == _rows(sample_graph, name), name
    assert [r[:7] for r in _rows(g, "statistics")] == [r[:7] for r in _rows(sample_graph, "statistics")]


def test_text_excerpt_publishes_the_sentences_that_hold_facts(sample_graph, excerpt_graph):
    g = excerpt_graph
    text = ARTICLE.read_text(encoding="utf-8")
    assert g.value(SAMPLE, SCHEMA_TEXT) is None
    assert g.value(URIRef(f"{SAMPLE}/graph"), _ng("textPolicy")) == _ng("ExcerptsOnly")
    _anchors_hold_their_words(g, text)
    excerpts = []
    for node in g.objects(SAMPLE, _ng("excerpt")):
        start, end = int(g.value(node, _oa("start"))), int(g.value(node, _oa("end")))
        assert str(g.value(node, _oa("exact"))) == text[start:end]
        assert (node, RDF_TYPE, _ng("TextAnchor")) in g and g.value(node, _ng("inArticle")) == SAMPLE
        # whole sentences: from the start of the text or a sentence break, to a sentence end or a line end
        assert start == 0 or text[start - 1].isspace()
        assert end == len(text) or text[end].isspace()
        excerpts.append((start, end))
    excerpts.sort()
    assert all(a[1] < b[0] for a, b in zip(excerpts, excerpts[1:])), "excerpts overlap"
    fact_spans = {(int(g.value(a, _oa("start"))), int(g.value(a, _oa("end")))) for a in g.objects(None, _ng("anchor"))}
    for start, end in fact_spans:
        assert any(s <= start and end <= e for s, e in excerpts), f"anchor {start}-{end} is in no excerpt"
    for s, e in excerpts:
        assert any(s <= start and end <= e for start, end in fact_spans), f"excerpt {s}-{e} holds no fact"
    assert sum(e - s for s, e in excerpts) < len(text)
    for name in ("persons", "roles", "quotes", "statistics", "coalitions", "entities", "provenance"):
        assert _rows(g, name) == _rows(sample_graph, name), name
