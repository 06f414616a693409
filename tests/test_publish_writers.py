"""The hand-written writers of newsgraph.publish against rdflib.

JSON-LD must be byte-identical to what rdflib's serializer gave (the reference below is the
implementation it replaced), N-Triples to rdflib's N-Triples lines sorted; Turtle must read back,
with rdflib and with Oxigraph, as the same graph. Graphs: the sample and the benchmark articles
through the real pipeline, and synthetic graphs with awkward literals and IRIs.
"""

from __future__ import annotations

import importlib.util
import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, XSD

from newsgraph.extract import extract_record
from newsgraph.mapping import record_to_graph
from newsgraph.namespaces import DEFAULT_BASE, NG, OA, SCHEMA, WD, bind_prefixes
from newsgraph.pipeline import link
from newsgraph.publish import (
    jsonld_bytes,
    ntriples_lines,
    publish_graph,
    serialise,
    turtle_bytes,
)
from newsgraph.read import read_article

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "umerov-ramstein-2024.txt"
ARTICLES = [SAMPLE, *sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))]
EX = "https://example.org/vocab#"
ARTICLE = URIRef(f"{DEFAULT_BASE}article/x")


# ---------------------------------------------------------------- the references


def _load_references():
    # Loaded by path, as benchmarks/bench_writers.py loads it: one copy of rdflib's writers.
    spec = importlib.util.spec_from_file_location("rdflib_writers", ROOT / "tests" / "fixtures" / "rdflib_writers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_REFERENCES = _load_references()
reference_jsonld = _REFERENCES.reference_jsonld
reference_ntriples = _REFERENCES.reference_ntriples


# ---------------------------------------------------------------- graphs


@pytest.fixture(scope="module")
def pipeline_graphs(nlp, gazetteer) -> dict[str, Graph]:
    """The sample and every benchmark article, read, extracted, linked and mapped (once: spaCy is slow)."""
    graphs = {}
    for path in ARTICLES:
        record, _ = link(extract_record(read_article(path), nlp, gazetteer), gazetteer)
        graphs[path.stem] = record_to_graph(record, DEFAULT_BASE)
    return graphs


def _graph() -> Graph:
    graph = bind_prefixes(Graph())
    graph.bind("article", f"{DEFAULT_BASE}article/")
    return graph


def awkward_graph() -> Graph:
    """Literals and IRIs that test escaping and every way a value is compacted."""
    g, a, b = _graph(), ARTICLE, URIRef(f"{DEFAULT_BASE}article/y")
    g.add((a, RDF.type, SCHEMA.NewsArticle))
    g.add((a, RDF.type, URIRef(EX + "Thing")))  # a class outside the context's prefixes
    g.add((a, RDF.type, NG.Foo))  # a class with a prefix but no term
    g.add((a, SCHEMA.headline, Literal('He said "no" — \'quoted\' \\ backslash')))
    g.add((a, SCHEMA.text, Literal('"Starts with a quote\nline two\r\nthird\tline, """triple""" quotes, ends with one"')))
    g.add((a, SCHEMA.text, Literal("ends with a backslash \\")))
    g.add((a, SCHEMA.abstract, Literal("short\nsnippet \\ with \"quotes\"\n")))
    g.add((a, SCHEMA.alternateName, Literal("emoji 📰, line separator \u2028, next line \x85, bell \x07, nul \x00, del \x7f")))
    for text, lang in (("Київ", "uk"), ("Kyiv", "en"), ("Kiew", "de")):
        g.add((a, SCHEMA.name, Literal(text, lang=lang)))
    g.add((a, RDFS.label, Literal("label", lang="en-GB")))
    g.add((a, SCHEMA.datePublished, Literal("2024-09-06", datatype=XSD.date)))  # the term's own datatype
    g.add((b, SCHEMA.datePublished, Literal("2024-09-06T10:00:00Z", datatype=XSD.dateTime)))  # another one
    g.add((b, SCHEMA.startDate, Literal("2024-01", datatype=XSD.gYearMonth)))
    g.add((a, NG.linkConfidence, Literal("0.95", datatype=XSD.decimal)))
    g.add((a, SCHEMA.value, Literal(200)))
    g.add((a, NG.upperValue, Literal(-5)))
    g.add((a, NG.qualifier, Literal(True)))
    g.add((a, OA.start, Literal("12", datatype=XSD.nonNegativeInteger)))
    g.add((a, OA.end, Literal(7)))  # the term coerces to another datatype
    g.add((a, SCHEMA.publisher, Literal("Some Press")))  # the term coerces to @id
    g.add((a, SCHEMA.url, URIRef("https://example.org/news?id=1&x=y#frag")))
    g.add((a, SCHEMA.mentions, WD.Q212))
    g.add((a, SCHEMA.mentions, URIRef(f"{DEFAULT_BASE}person/x")))
    g.add((a, URIRef(EX + "rating"), Literal(5)))  # a predicate outside the context
    g.add((a, DCTERMS.subject, Literal("x")))  # a predicate with a prefix but no term
    g.add((b, OWL.sameAs, WD.Q1))
    g.add((b, SCHEMA.sameAs, URIRef(str(WD))))  # the namespace itself
    return g


def single_node_graph() -> Graph:
    g = _graph()
    g.add((ARTICLE, RDF.type, SCHEMA.NewsArticle))
    g.add((ARTICLE, SCHEMA.headline, Literal("Only one node")))
    return g


def unusual_literals_graph() -> Graph:
    """Literals rdflib's JSON-LD would not read back as themselves; rdflib's parsers also
    normalise some of them, so these are compared through Oxigraph, which keeps lexical forms."""
    g = _graph()
    g.add((ARTICLE, SCHEMA.headline, Literal("typed string", datatype=XSD.string)))
    g.add((ARTICLE, SCHEMA.alternateName, Literal("")))  # rdflib dropped an empty value beside another
    g.add((ARTICLE, SCHEMA.alternateName, Literal("a")))
    g.add((ARTICLE, SCHEMA.value, Literal(0)))  # … and a zero
    g.add((ARTICLE, SCHEMA.value, Literal(3)))
    g.add((ARTICLE, NG.upperValue, Literal("007", datatype=XSD.integer, normalize=False)))
    g.add((ARTICLE, NG.qualifier, Literal("1", datatype=XSD.boolean, normalize=False)))
    g.add((ARTICLE, NG.counts, Literal("1e3", datatype=XSD.double, normalize=False)))
    g.add((ARTICLE, NG.per, Literal("NaN", datatype=XSD.double)))
    g.add((ARTICLE, NG.period, Literal(1.5)))  # rdflib wrote 1.5, which JSON-LD reads as "1.5E0"
    return g


def blank_node_graph() -> Graph:
    g = _graph()
    author, kind, items = BNode(), BNode(), BNode()
    g.add((ARTICLE, SCHEMA.author, author))
    g.add((author, RDF.type, SCHEMA.Person))
    g.add((author, RDF.type, kind))
    g.add((author, SCHEMA.name, Literal("Anon")))
    g.add((kind, RDFS.label, Literal("a class without a name")))
    g.add((ARTICLE, NG.anchor, kind))
    Collection(g, items, [URIRef(f"{DEFAULT_BASE}country/a"), Literal("two"), Literal(3)])
    g.add((ARTICLE, URIRef(EX + "list"), items))
    return g


#: Graphs the JSON-LD writer must write exactly as rdflib did.
SAME_AS_RDFLIB: dict[str, Callable[[], Graph]] = {
    "awkward": awkward_graph,
    "single node": single_node_graph,
    "empty": _graph,
}
#: Graphs where rdflib's JSON-LD did not read back as the graph: only the round trip counts.
ROUND_TRIP_ONLY: dict[str, Callable[[], Graph]] = {
    "unusual literals": unusual_literals_graph,
    "blank nodes": blank_node_graph,
}
SYNTHETIC = {**SAME_AS_RDFLIB, **ROUND_TRIP_ONLY}


def _from_oxigraph(data: bytes, fmt: pyoxigraph.RdfFormat) -> Graph:
    """What Oxigraph reads, as an rdflib graph with every lexical form kept."""
    graph = Graph()
    for triple in pyoxigraph.parse(data, format=fmt):
        graph.add(tuple(_term(t) for t in (triple.subject, triple.predicate, triple.object)))
    return graph


def _term(term: Any) -> Any:
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)


def _rdf11(graph: Graph) -> Graph:
    """The graph as RDF 1.1 (and Oxigraph) sees it: an xsd:string literal is a simple literal,
    language tags are case-insensitive (Oxigraph gives them in lower case)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        elif isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out


def _all_graphs(pipeline_graphs: dict[str, Graph]) -> dict[str, Graph]:
    return {**pipeline_graphs, **{name: build() for name, build in SYNTHETIC.items()}}


# ---------------------------------------------------------------- JSON-LD


def test_jsonld_is_byte_identical_to_rdflib_on_article_graphs(pipeline_graphs):
    assert len(pipeline_graphs) == len(ARTICLES) > 5
    for name, graph in pipeline_graphs.items():
        assert len(graph) > 500, name
        assert jsonld_bytes(graph) == reference_jsonld(graph), name


@pytest.mark.parametrize("name", SAME_AS_RDFLIB)
def test_jsonld_is_byte_identical_to_rdflib_on_awkward_graphs(name):
    graph = SAME_AS_RDFLIB[name]()
    assert jsonld_bytes(graph) == reference_jsonld(graph)


def test_committed_jsonld_is_what_both_writers_give(pipeline_graphs):
    graph = pipeline_graphs[SAMPLE.stem]
    committed = (ROOT / "out" / f"{SAMPLE.stem}.jsonld").read_bytes()
    assert jsonld_bytes(graph) == committed == reference_jsonld(graph)


def test_jsonld_reads_back_as_the_graph(pipeline_graphs):
    for name, graph in _all_graphs(pipeline_graphs).items():
        data = jsonld_bytes(graph)
        by_oxigraph = _from_oxigraph(data, pyoxigraph.RdfFormat.JSON_LD)
        assert isomorphic(by_oxigraph, _rdf11(graph)), name
        if name != "unusual literals":  # rdflib's parser rewrites "007", "1" and "1e3"
            assert isomorphic(Graph().parse(data=data, format="json-ld"), graph), name


def test_jsonld_with_another_context_is_byte_identical_to_rdflib():
    context = {
        "@version": 1.1,
        "s": "https://schema.org/",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "ng": "https://w3id.org/newsgraph/ontology#",
        "title": "s:headline",
        "published": {"@id": "s:datePublished", "@type": "xsd:date"},
        "link": {"@id": "s:url", "@type": "@id"},
        "Article": "s:NewsArticle",
    }
    graph = awkward_graph()
    assert jsonld_bytes(graph, context) == reference_jsonld(graph, context)
    assert jsonld_bytes(graph) == reference_jsonld(graph)  # the shipped context is not mixed up with it


@pytest.mark.parametrize(
    "context",
    [
        {"@vocab": "https://schema.org/"},
        {"tags": {"@id": "https://schema.org/keywords", "@container": "@set"}},
        {"name": {"@id": "https://schema.org/name", "@language": "en"}},
        {"id": "@id"},
        ["https://example.org/context.jsonld"],
    ],
)
def test_jsonld_refuses_contexts_it_cannot_follow(context):
    with pytest.raises(ValueError):
        jsonld_bytes(single_node_graph(), context)


# ---------------------------------------------------------------- N-Triples


def test_ntriples_lines_are_rdflibs_sorted_lines(pipeline_graphs):
    for name, graph in _all_graphs(pipeline_graphs).items():
        assert ntriples_lines(graph) == reference_ntriples(graph), name


# ---------------------------------------------------------------- Turtle


def test_turtle_reads_back_with_rdflib_and_oxigraph(pipeline_graphs):
    for name, graph in _all_graphs(pipeline_graphs).items():
        data = turtle_bytes(graph)
        assert isomorphic(_from_oxigraph(data, pyoxigraph.RdfFormat.TURTLE), _rdf11(graph)), name
        if name != "unusual literals":  # rdflib's parser rewrites "007", "1" and "1e3"
            assert isomorphic(Graph().parse(data=data, format="turtle"), graph), name


def test_turtle_keeps_awkward_strings_exactly():
    graph = awkward_graph()
    back = Graph().parse(data=turtle_bytes(graph), format="turtle")
    texts = {str(o) for o in back.objects(ARTICLE, SCHEMA.text)}
    assert texts == {str(o) for o in graph.objects(ARTICLE, SCHEMA.text)}
    assert str(back.value(ARTICLE, SCHEMA.alternateName)) == str(graph.value(ARTICLE, SCHEMA.alternateName))


def test_turtle_is_readable(pipeline_graphs):
    text = turtle_bytes(pipeline_graphs[SAMPLE.stem]).decode("utf-8")
    head, body = text.split("\n\n", 1)
    prefixes = [line.split()[1] for line in head.splitlines()]
    assert all(line.startswith("@prefix ") for line in head.splitlines())
    assert prefixes == sorted(prefixes)
    # Only prefixes that are used, and every bound prefix the data needs.
    assert all(re.search(rf"(^|[\s^]){re.escape(p)}", body) for p in prefixes)
    assert {"schema:", "ng:", "article:", "anchor:", "xsd:"} <= set(prefixes)
    assert "<https://w3id.org/newsgraph/id/person/" not in body
    # One block per subject, rdf:type first as `a` (every node has a type); strings removed first.
    structure = re.sub(r'"""(?:[^"\\]|\\.)*"""|"(?:[^"\\\n]|\\.)*"', '""', body)
    blocks = structure.rstrip("\n").split("\n\n")
    assert len(blocks) == len(set(pipeline_graphs[SAMPLE.stem].subjects()))
    assert all(block.split(" ", 2)[1] == "a" for block in blocks)
    assert body.startswith("article:umerov-ramstein-2024 a schema:NewsArticle ;\n    schema:headline ")
    assert "schema:mentions coalition:armored-coalition,\n        coalition:artillery-coalition," in body
    assert "schema:value 400 ;" in body and '"57"^^xsd:nonNegativeInteger' in body
    assert '"""' in body  # the article text stays readable


# ---------------------------------------------------------------- all writers


@pytest.mark.parametrize("writer", [turtle_bytes, jsonld_bytes, ntriples_lines])
def test_insertion_order_does_not_matter(pipeline_graphs, writer):
    graph = pipeline_graphs[SAMPLE.stem]
    shuffled = Graph()
    for prefix, namespace in graph.namespaces():
        shuffled.bind(prefix, namespace, override=True, replace=True)
    triples = list(graph)
    random.Random(7).shuffle(triples)
    for triple in triples:
        shuffled.add(triple)
    assert writer(shuffled) == writer(graph)


def test_hash_seed_does_not_matter():
    """Set and dict order change with the hash seed between processes; the output must not."""
    script = (
        "import hashlib, sys\n"
        "from rdflib import Graph\n"
        "from newsgraph.namespaces import bind_prefixes\n"
        "from newsgraph.publish import serialise\n"
        "g = bind_prefixes(Graph()).parse(sys.argv[1], format='turtle')\n"
        "print([hashlib.sha256(b).hexdigest() for b in serialise(g)])\n"
    )
    ttl = ROOT / "out" / f"{SAMPLE.stem}.ttl"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(ttl)],
            env={**os.environ, "PYTHONHASHSEED": seed}, check=True, capture_output=True, text=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1, outputs


def test_serialise_is_the_three_writers(pipeline_graphs):
    for graph in (pipeline_graphs[SAMPLE.stem], awkward_graph(), blank_node_graph()):
        assert serialise(graph) == (turtle_bytes(graph), jsonld_bytes(graph), ntriples_lines(graph))


def test_publish_graph_writes_the_writers_bytes(tmp_path):
    graph = awkward_graph()
    ttl, jsonld = publish_graph(graph, tmp_path, "x")
    assert ttl.read_bytes() == turtle_bytes(graph)
    assert jsonld.read_bytes() == jsonld_bytes(graph)


@pytest.mark.parametrize("writer", [turtle_bytes, ntriples_lines])
def test_an_iri_that_cannot_be_written_is_refused(writer):
    graph = single_node_graph()
    graph.add((ARTICLE, SCHEMA.url, URIRef("https://example.org/a page")))
    with pytest.raises(ValueError, match="a page"):
        writer(graph)


@pytest.mark.parametrize("writer", [turtle_bytes, jsonld_bytes, ntriples_lines])
def test_a_literal_subject_is_refused(writer):
    graph = single_node_graph()
    graph.add((Literal("not a node"), SCHEMA.name, Literal("x")))
    with pytest.raises(ValueError, match="subject"):
        writer(graph)


def test_blank_nodes_are_written_with_safe_labels():
    graph = blank_node_graph()
    text = turtle_bytes(graph).decode("utf-8")
    labels = {word.rstrip(",;.") for word in text.split() if word.startswith("_:")}
    assert labels == {f"_:b{i}" for i in range(len(labels))}
