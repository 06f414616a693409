"""The fast SHACL engine against pySHACL: same results, result for result, on real article graphs,
on the same graphs broken in many ways, and on shapes that exercise every component the fast
engine claims to evaluate. Shapes beyond it go to pySHACL."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from newsgraph import pipeline
from newsgraph.errors import ShapesError
from newsgraph.extract import extract_record
from newsgraph.mapping import record_to_graph
from newsgraph.namespaces import DEFAULT_BASE, NG, SCHEMA
from newsgraph.read import read_article
from newsgraph.validate import load_shapes, validate_graph

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))
SAMPLE = ROOT / "examples" / "umerov-ramstein-2024.txt"


def both(data: Graph, shapes: Graph, **kwargs):
    fast = validate_graph(data, shapes, engine="fast", **kwargs)
    reference = validate_graph(data, shapes, engine="pyshacl", **kwargs)
    assert fast.engine == "fast" and reference.engine == "pyshacl"
    return fast, reference


def assert_same(fast, reference) -> None:
    assert fast.conforms == reference.conforms
    # Lists, not sets: two constraints failing on one value give two results in both engines.
    assert Counter(fast.results) == Counter(reference.results)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture(scope="module")
def graphs(nlp, gazetteer) -> dict[str, Graph]:
    built = {}
    for path in [SAMPLE, *ARTICLES]:
        record = extract_record(read_article(path), nlp, gazetteer)
        record, _ = pipeline.link(record, gazetteer)
        built[path.stem] = record_to_graph(record, DEFAULT_BASE)
    return built


def test_real_article_graphs_give_the_same_results(graphs, shapes):
    warnings = 0
    for name, graph in graphs.items():
        fast, reference = both(graph, shapes)
        assert_same(fast, reference)
        assert fast.conforms, name
        warnings += len(fast.results)
    assert warnings > 0  # unlinked people give warnings: results were compared, not only "none"


@pytest.mark.parametrize("policy", ["excerpt", "none"])
def test_graphs_without_the_article_text_give_the_same_results(nlp, gazetteer, shapes, policy):
    record = extract_record(read_article(SAMPLE), nlp, gazetteer)
    record, _ = pipeline.link(record, gazetteer)
    graph = record_to_graph(record, DEFAULT_BASE, text=policy)
    assert graph.value(URIRef(f"{DEFAULT_BASE}article/{SAMPLE.stem}"), SCHEMA.text) is None
    fast, reference = both(graph, shapes)
    assert_same(fast, reference)
    assert fast.conforms
    # The same graph with its excerpts and labels broken: both engines still agree.
    for node in list(graph.subjects(RDF.type, NG.TextAnchor))[:5]:
        graph.add((node, RDFS.label, Literal("a second label")))
        graph.remove((node, URIRef("http://www.w3.org/ns/oa#exact"), None))
    fast, reference = both(graph, shapes)
    assert_same(fast, reference)
    assert not fast.conforms


# --------------------------------------------------------------------------- broken graphs


#: Properties compared by sh:lessThan in the shipped shapes: pySHACL stops on a blank node there.
_ORDERED = {
    term for shape, other in load_shapes().subject_objects(SH.lessThan)
    for term in (other, load_shapes().value(shape, SH.path))
}


def _mutate(graph: Graph, rng: random.Random, count: int) -> Graph:
    """A copy of `graph` broken `count` times, in the ways real bugs in the mapper would break it."""
    g = Graph()
    for prefix, ns in graph.namespaces():
        g.bind(prefix, ns)
    for triple in graph:
        g.add(triple)
    for _ in range(count):
        s, p, o = rng.choice(sorted(g, key=lambda t: tuple(map(str, t))))
        kind = rng.randrange(13)
        if kind == 0:  # a missing triple: minCount, or a node losing its class
            g.remove((s, p, o))
        elif kind == 1:  # a second value: maxCount
            g.add((s, p, Literal(f"another {rng.randrange(100)}") if isinstance(o, Literal) else URIRef(f"{o}-other")))
        elif kind == 2 and isinstance(o, Literal):  # the right text with the wrong datatype
            g.remove((s, p, o))
            g.add((s, p, Literal(str(o))))
        elif kind == 3 and isinstance(o, Literal) and o.datatype is not None:  # ill-typed
            g.remove((s, p, o))
            g.add((s, p, Literal("not a value", datatype=o.datatype)))
        elif kind == 4 and isinstance(o, URIRef) and p != RDF.type:  # a literal where a node belongs
            g.remove((s, p, o))
            g.add((s, p, Literal(str(o))))
        elif kind == 5 and isinstance(o, Literal):  # a node where a literal belongs
            g.remove((s, p, o))
            g.add((s, p, URIRef(f"https://example.org/{rng.randrange(100)}")))
        elif kind == 6 and p not in _ORDERED:  # a blank node value (sh:lessThan: see below)
            g.remove((s, p, o))
            g.add((s, p, BNode(f"b{rng.randrange(100)}")))
        elif kind == 7 and isinstance(o, Literal):  # long text with characters beyond ASCII
            g.remove((s, p, o))
            g.add((s, p, Literal("“Quoted” – and ’apostrophes’ " * rng.randrange(1, 4))))
        elif kind == 8:  # the wrong class
            g.add((s, RDF.type, rng.choice([SCHEMA.Person, SCHEMA.Country, NG.Statistic, NG.TextAnchor, OWL.Thing])))
        elif kind == 9 and p == RDF.type:  # a subclass declared in the data: sh:class and targets follow it
            g.add((o, RDFS.subClassOf, rng.choice([SCHEMA.Organization, SCHEMA.Person, NG.Statistic])))
        elif kind == 10 and isinstance(o, Literal):  # a language-tagged string
            g.remove((s, p, o))
            g.add((s, p, Literal(str(o), lang="en")))
        elif kind == 11:  # numbers out of range or of another numeric type
            g.add((s, NG.linkConfidence, rng.choice([
                Literal("1.5", datatype=XSD.decimal), Literal("-0.1", datatype=XSD.decimal),
                Literal("0.5", datatype=XSD.double), Literal("1", datatype=XSD.integer), Literal("0.5"),
            ])))
        elif kind == 12:  # a value outside an sh:in list, or an owl:sameAs that is not Wikidata
            g.add((s, rng.choice([NG.statisticKind, OWL.sameAs]), URIRef("https://example.org/Q1")))
    return g


@pytest.mark.slow
def test_broken_graphs_give_the_same_results(graphs, shapes):
    rng = random.Random(20261127)
    seen_paths = set()
    names = sorted(graphs)
    for round_ in range(12):
        broken = _mutate(graphs[names[round_ % len(names)]], rng, count=25)
        fast, reference = both(broken, shapes)
        assert_same(fast, reference)
        assert not fast.conforms
        seen_paths |= {r.path for r in fast.violations}
    assert len(seen_paths) >= 10  # many different constraints were broken and compared


def test_results_name_iris_in_full_when_asked(graphs, shapes):
    broken = _mutate(graphs["umerov-ramstein-2024"], random.Random(7), count=10)
    fast, reference = both(broken, shapes, prefixes=False)
    assert_same(fast, reference)
    assert all(r.focus.startswith("<") for r in fast.results if r.focus != "[]")


def test_a_blank_node_compared_by_less_than_is_a_result_not_a_crash(shapes):
    [(shape, other)] = shapes.subject_objects(SH.lessThan)
    path = shapes.value(shape, SH.path)
    data = Graph()
    data.add((URIRef("https://example.org/x"), path, BNode("b")))
    data.add((URIRef("https://example.org/x"), other, Literal(3)))
    assert_same(*both(data, Graph()))  # no shapes, no results: both engines run
    raw = validate_graph(data, _targeting(shapes, shape), engine="fast")
    assert [r.value for r in raw.results] == ["[]"]


def _targeting(shapes: Graph, shape) -> Graph:
    """Only `shape`, aimed at every subject of its path."""
    g = Graph()
    for triple in shapes.triples((shape, None, None)):
        g.add(triple)
    g.add((shape, SH.targetSubjectsOf, shapes.value(shape, SH.path)))
    return g


# --------------------------------------------------------------------------- every component


COMPONENT_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix ex: <https://example.org/> .

ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property ex:name, ex:code, ex:size, ex:start, ex:tag, ex:label, ex:kind, ex:link, ex:either .
ex:name sh:path ex:name ; sh:datatype xsd:string ; sh:minLength 2 ; sh:maxLength 5 ; sh:minCount 1 ;
    sh:message "name: 2 to 5 characters" .
ex:code sh:path ex:code ; sh:pattern "^ab" ; sh:flags "i" ; sh:message "code starts with ab" .
ex:size sh:path ex:size ; sh:minExclusive 0 ; sh:maxExclusive 10 ; sh:maxCount 1 ; sh:message "size in (0, 10)" .
ex:start sh:path ex:start ; sh:lessThan ex:end ; sh:message "start before end" .
ex:tag sh:path ex:tag ; sh:datatype rdf:langString ; sh:severity sh:Info ; sh:message "tags have a language" .
ex:label sh:path ex:label ; sh:minLength 0 ; sh:nodeKind sh:Literal ; sh:message "labels are literals" .
ex:kind sh:path ex:kind ; sh:in ( ex:A "b" 3 ) ; sh:message "kind is A, b or 3" .
ex:link sh:path ex:link ; sh:nodeKind sh:BlankNodeOrIRI ; sh:class ex:Thing ; sh:severity sh:Warning ;
    sh:message "links go to things" .
ex:either sh:path ex:either ;
    sh:or ( [ sh:datatype xsd:integer ] [ sh:path ex:name ; sh:minCount 1 ] ) ;
    sh:message "either an integer or a named node" .

ex:Root a sh:NodeShape ; sh:targetNode ex:root, ex:absent ; sh:hasValue ex:root ; sh:message "only the root" .
ex:Subjects a sh:NodeShape ; sh:targetSubjectsOf ex:owner ; sh:nodeKind sh:IRI ; sh:message "owners are IRIs" .
ex:Objects a sh:NodeShape ; sh:targetObjectsOf ex:owner ; sh:class ex:Person ; sh:message "owned by a person" .
ex:HasTag a sh:NodeShape ; sh:targetClass ex:Tagged ;
    sh:property [ sh:path rdf:type ; sh:hasValue ex:Thing ; sh:message "tagged things are things" ] .
"""

COMPONENT_DATA = """
@prefix ex: <https://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

ex:SubThing rdfs:subClassOf ex:Thing .
ex:Employee rdfs:subClassOf ex:Person .
ex:root a ex:Thing ; ex:name "ok" ; ex:code "ABc" ; ex:size 5 ; ex:start 1 ; ex:end 2 ; ex:tag "x"@en ;
    ex:label "" ; ex:kind ex:A ; ex:link ex:sub ; ex:either 4 .
ex:sub a ex:SubThing ; ex:name "a" ; ex:code "xab" ; ex:size 0, 10.5 ; ex:start "b" ; ex:end "a" ;
    ex:tag "x" ; ex:label ex:notALiteral ; ex:kind "b", "B", 3, "3" ; ex:link "text", _:b ;
    ex:either "four", ex:root, ex:nameless ; ex:owner ex:boss .
ex:long a ex:Thing, ex:Tagged ; ex:name "“six”…"@en, "abcdef"^^xsd:string ; ex:size "5"^^xsd:integer, "nine" ;
    ex:start "2024-01-02"^^xsd:date ; ex:end "2024-01-01"^^xsd:date, ex:iri ; ex:owner ex:root .
ex:tagged a ex:Tagged .
_:anon ex:owner ex:staff .
ex:staff a ex:Employee .
ex:boss a ex:Chief .
"""


def test_every_supported_component_matches_pyshacl():
    shapes = Graph().parse(data=COMPONENT_SHAPES, format="turtle")
    data = Graph().parse(data=COMPONENT_DATA, format="turtle")
    fast, reference = both(data, shapes)
    assert_same(fast, reference)
    messages = {r.message for r in fast.results}
    # Each shape was broken at least once, so each component was compared.
    assert len(messages) == 13, sorted(messages)
    assert {"Violation", "Warning", "Info"} == {r.severity for r in fast.results}


# --------------------------------------------------------------------------- beyond the subset


@pytest.mark.parametrize(
    "extra",
    [
        "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:node ex:T ; sh:message 'm' . ex:T sh:nodeKind sh:BlankNode .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:name ; sh:minCount 2 ] .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path [ sh:inversePath ex:link ] ; "
        "sh:maxCount 0 ; sh:message 'm' ] .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property ex:P . "
        "ex:P sh:path ex:link ; sh:maxCount 0 ; sh:message 'm' ; sh:property ex:P .",
    ],
    ids=["sh:node", "no sh:message", "inverse path", "a cycle"],
)
def test_shapes_beyond_the_subset_go_to_pyshacl(extra):
    prefixes = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .\n"
    shapes = Graph().parse(data=prefixes + extra, format="turtle")
    data = Graph().parse(data=COMPONENT_DATA, format="turtle")
    auto = validate_graph(data, shapes)
    assert auto.engine == "pyshacl"
    assert not auto.conforms
    assert Counter(auto.results) == Counter(validate_graph(data, shapes, engine="pyshacl").results)
    with pytest.raises(ShapesError, match="cannot evaluate these shapes"):
        validate_graph(data, shapes, engine="fast")


def test_the_shipped_shapes_use_the_fast_engine(shapes):
    assert validate_graph(Graph(), shapes).engine == "fast"


# --------------------------------------------------------------------------- without an rdflib store


def test_mapped_triples_validate_and_serialise_as_their_graph(nlp, gazetteer, shapes):
    from newsgraph.mapping import record_to_triples
    from newsgraph.publish import serialise

    record = extract_record(read_article(SAMPLE), nlp, gazetteer)
    record, _ = pipeline.link(record, gazetteer)
    graph, mapped = record_to_graph(record, DEFAULT_BASE), record_to_triples(record, DEFAULT_BASE)
    assert len(mapped) == len(graph) and set(mapped) == set(graph)  # distinct triples, the same ones
    assert sorted(mapped.namespaces()) == sorted(graph.namespaces())
    assert serialise(mapped) == serialise(graph)
    # Facts without some of their properties: every seventh triple gone, wherever the mapper put it
    # (cutting the tail instead would depend on what the mapper writes last).
    broken = [t for i, t in enumerate(mapped) if i % 7]
    from_list = validate_graph(broken, shapes, prefixes=False)
    as_graph = Graph(bind_namespaces="none")
    for triple in broken:
        as_graph.add(triple)
    assert not from_list.conforms
    assert from_list.results == validate_graph(as_graph, shapes, prefixes=False).results
    assert Counter(validate_graph(broken, shapes, engine="pyshacl", prefixes=False).results) == Counter(from_list.results)
