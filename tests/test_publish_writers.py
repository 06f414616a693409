"""newsgraph.publish's writers: Turtle, N-Triples, TriG and N-Quads written by pyoxigraph from
sorted triples, and the hand-written JSON-LD.

JSON-LD must be byte-identical to what rdflib's serializer gave (the reference below is the
implementation it replaced); on the article graphs, N-Triples must be rdflib's N-Triples lines
sorted (what corpus caches held before). Every format must read back, with rdflib and with
Oxigraph, as the same graph or dataset; the same graph must give the same bytes whatever the
insertion order or hash seed. Graphs: the sample and the benchmark articles through the real
pipeline, synthetic graphs with awkward literals and IRIs, and seeded random strings.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pyoxigraph
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, XSD

from newsgraph.extract import extract_record
from newsgraph.mapping import MappedTriples, record_to_graph
from newsgraph.namespaces import DEFAULT_BASE, NG, OA, SCHEMA, WD, bind_prefixes
from newsgraph.pipeline import link
from newsgraph.publish import (
    PrefixMap,
    dataset_bytes,
    jsonld_bytes,
    ntriples_lines,
    publish_graph,
    quad_sort_key,
    serialise,
    turtle_bytes,
    write_dataset,
)
from newsgraph.read import read_article

from fixtures import rdflib_writers as _REFERENCES  # one copy of rdflib's writers, shared with benchmarks/bench_writers.py

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "umerov-ramstein-2024.txt"
ARTICLES = [SAMPLE, *sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))]
EX = "https://example.org/vocab#"
ARTICLE = URIRef(f"{DEFAULT_BASE}article/x")


# ---------------------------------------------------------------- the references


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


def test_ntriples_lines_are_rdflibs_sorted_lines_on_article_graphs(pipeline_graphs):
    """What corpus caches held before (rdflib's lines); article text has no control characters,
    which pyoxigraph escapes as \\uXXXX where rdflib wrote them raw."""
    for name, graph in pipeline_graphs.items():
        assert ntriples_lines(graph) == reference_ntriples(graph), name


def test_ntriples_lines_are_sorted_unique_and_read_back(pipeline_graphs):
    for name, graph in _all_graphs(pipeline_graphs).items():
        data = ntriples_lines(graph)
        lines = data.splitlines(keepends=True)
        assert lines == sorted(set(lines)) and len(lines) == len(graph), name
        assert all(line.endswith(b" .\n") and b"\r" not in line for line in lines), name
        assert isomorphic(_from_oxigraph(data, pyoxigraph.RdfFormat.N_TRIPLES), _rdf11(graph)), name
        if name != "unusual literals":  # rdflib's parser rewrites "007", "1" and "1e3"
            assert isomorphic(_rdf11(Graph().parse(data=data, format="nt")), _rdf11(graph)), name


def test_a_mapped_graph_gives_the_bytes_of_its_rdflib_graph(pipeline_graphs):
    """The pipeline hands the writers the mapper's MappedTriples, tests and tools an rdflib Graph."""
    graph = pipeline_graphs[SAMPLE.stem]
    mapped = MappedTriples(list(graph), graph)
    assert serialise(mapped) == serialise(graph)


# ---------------------------------------------------------------- Turtle


def test_turtle_reads_back_with_rdflib_and_oxigraph(pipeline_graphs):
    for name, graph in _all_graphs(pipeline_graphs).items():
        data = turtle_bytes(graph)
        assert isomorphic(_from_oxigraph(data, pyoxigraph.RdfFormat.TURTLE), _rdf11(graph)), name
        if name != "unusual literals":  # rdflib's parser rewrites "007", "1" and "1e3"
            # Language tags are case-insensitive; pyoxigraph writes them in lower case.
            assert isomorphic(_rdf11(Graph().parse(data=data, format="turtle")), _rdf11(graph)), name


def test_turtle_keeps_awkward_strings_exactly():
    graph = awkward_graph()
    back = Graph().parse(data=turtle_bytes(graph), format="turtle")
    texts = {str(o) for o in back.objects(ARTICLE, SCHEMA.text)}
    assert texts == {str(o) for o in graph.objects(ARTICLE, SCHEMA.text)}
    assert str(back.value(ARTICLE, SCHEMA.alternateName)) == str(graph.value(ARTICLE, SCHEMA.alternateName))


def test_turtle_is_readable(pipeline_graphs):
    graph = pipeline_graphs[SAMPLE.stem]
    text = turtle_bytes(graph).decode("utf-8")
    head, body = text.split("\n\n", 1)
    assert all(line.startswith("@prefix ") for line in head.splitlines())
    prefixes = [line.split()[1] for line in head.splitlines()]
    assert prefixes == sorted(prefixes)  # in name order, not pyoxigraph's (by namespace length)
    # Only prefixes that are used, and every bound prefix the data needs (rdf:type is written `a`).
    strings = re.compile(r'"(?:[^"\\\n]|\\.)*"')
    structure = strings.sub('""', body)
    assert all(re.search(rf"(^|[\s^]){re.escape(p)}", structure, re.M) for p in prefixes)
    assert {"schema:", "ng:", "article:", "anchor:", "xsd:"} <= set(prefixes) and "rdf:" not in prefixes
    assert "<https://w3id.org/newsgraph/id/person/" not in body
    # One block per subject, starting at the line's start with rdf:type first as `a` (every node
    # has a type); the block's other lines are indented.
    starts = [line for line in structure.splitlines() if not line.startswith("\t")]
    assert len(starts) == len(set(graph.subjects()))
    assert all(line.split(" ", 2)[1] == "a" for line in starts)
    namespaces = PrefixMap.of_graph(graph).as_dict()
    subjects = [
        # a local name may escape reserved characters (`article:x\\/graph`): unescape to compare IRIs
        name[1:-1] if name.startswith("<") else namespaces[name.split(":")[0]] + re.sub(r"\\(.)", r"\1", name.split(":", 1)[1])
        for name in (line.split(" ", 1)[0] for line in starts)
    ]
    assert subjects == sorted(subjects)  # in IRI order
    assert body.startswith("article:umerov-ramstein-2024 a schema:NewsArticle ;\n\tschema:headline ")
    assert "schema:mentions coalition:armored-coalition , coalition:artillery-coalition , " in body
    assert "schema:value 400 ;" in body and '"57"^^xsd:nonNegativeInteger' in body


def test_turtle_prefixes_are_the_ones_pyoxigraph_uses():
    """PrefixMap.used declares exactly the prefixes the writer then uses: a prefix that no IRI
    needs is left out, one whose local names need escapes is kept."""
    graph = Graph(bind_namespaces="none")
    ns = {"a": "https://example.org/a/", "ab": "https://example.org/a/b/", "unused": "https://example.org/unused/",
          "x": "https://example.org/x#", "odd": "https://example.org/odd/"}
    for name, namespace in ns.items():
        graph.bind(name, namespace)
    p = URIRef("https://example.org/a/p")
    graph.add((URIRef("https://example.org/a/b/c"), p, URIRef("https://example.org/x#y")))
    graph.add((URIRef("https://example.org/odd/a(1)/b.c."), p, Literal("1")))
    graph.add((URIRef("https://example.org/other/z"), p, URIRef("https://example.org/unused")))
    text = turtle_bytes(graph).decode("utf-8")
    declared = [line.split()[1] for line in text.split("\n\n")[0].splitlines()]
    assert declared == ["a:", "ab:", "odd:", "x:"]
    assert "ab:c a:p x:y ." in text and r"odd:a\(1\)\/b.c\. a:p" in text
    assert "<https://example.org/other/z> a:p <https://example.org/unused> ." in text


# ---------------------------------------------------------------- TriG and N-Quads


def _quads(pipeline_graphs: dict[str, Graph]) -> list[pyoxigraph.Quad]:
    """Two article graphs and the awkward graph, each in a named graph, and the single-node graph
    in the default graph."""
    quads = []
    named = [(SAMPLE.stem, pipeline_graphs[SAMPLE.stem]), ("second", pipeline_graphs[ARTICLES[1].stem]),
             ("awkward", awkward_graph())]
    for name, graph in named:
        graph_name = pyoxigraph.NamedNode(f"{DEFAULT_BASE}graph/{name}")
        for t in pyoxigraph.parse(ntriples_lines(graph), format=pyoxigraph.RdfFormat.N_TRIPLES):
            quads.append(pyoxigraph.Quad(t.subject, t.predicate, t.object, graph_name))
    for t in pyoxigraph.parse(ntriples_lines(single_node_graph()), format=pyoxigraph.RdfFormat.N_TRIPLES):
        quads.append(pyoxigraph.Quad(t.subject, t.predicate, t.object))
    return quads


def _dataset_prefixes() -> PrefixMap:
    return PrefixMap.for_base(DEFAULT_BASE, ("article", "person", "country", "organization", "coalition", "graph"))


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_datasets_read_back_with_rdflib_and_oxigraph(pipeline_graphs, tmp_path, fmt):
    quads = sorted(_quads(pipeline_graphs), key=quad_sort_key)
    path = tmp_path / f"dataset.{fmt}"
    count = write_dataset((q for q in quads), path, fmt, _dataset_prefixes())  # a generator: streamed
    assert count == len(quads) > 2000
    data = path.read_bytes()
    ox_format = pyoxigraph.RdfFormat.TRIG if fmt == "trig" else pyoxigraph.RdfFormat.N_QUADS
    assert set(pyoxigraph.parse(data, format=ox_format)) == set(quads)
    by_rdflib = Dataset()
    by_rdflib.parse(data=data, format=fmt)
    expected = Dataset()
    expected.parse(data=dataset_bytes(quads, "nquads"), format="nquads")  # N-Quads as rdflib reads it: exact
    assert sorted(_quad_texts(by_rdflib)) == sorted(_quad_texts(expected))
    assert len(_quad_texts(by_rdflib)) == len(quads)


def _quad_texts(dataset: Dataset) -> list[tuple[str, ...]]:
    return [(s.n3(), p.n3(), _lower_language(o).n3(), str(g)) for s, p, o, g in dataset.quads()]


def _lower_language(term: Any) -> Any:
    return Literal(str(term), lang=term.language.lower()) if isinstance(term, Literal) and term.language else term


def test_trig_declares_every_prefix_given_in_name_order(pipeline_graphs, tmp_path):
    quads = sorted(_quads(pipeline_graphs), key=quad_sort_key)
    prefixes = _dataset_prefixes()
    path = tmp_path / "dataset.trig"
    write_dataset(iter(quads), path, "trig", prefixes)
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\n\n", 1)
    assert head.splitlines() == [f"@prefix {name}: <{ns}> ." for name, ns in prefixes]
    # One block per named graph, the default graph's triples outside any block, first.
    assert body.startswith("article:x a schema:NewsArticle ;")
    assert re.findall(r"^graph:(\S+) \{$", body, re.M) == ["awkward", "second", SAMPLE.stem]
    # dataset_bytes sorts the same quads itself and declares only the prefixes used.
    shuffled = list(quads)
    random.Random(3).shuffle(shuffled)
    used = prefixes.used(q.graph_name.value for q in quads if isinstance(q.graph_name, pyoxigraph.NamedNode))
    assert "graph" in used.as_dict()
    assert dataset_bytes(shuffled, "trig", prefixes).split(b"\n\n", 1)[1] == body.encode("utf-8")


def test_a_dataset_stream_that_fails_leaves_the_old_file(tmp_path):
    path = tmp_path / "corpus.trig"
    path.write_bytes(b"old\n")
    graph_name = pyoxigraph.NamedNode("https://example.org/g")

    def failing():
        for i in range(10_000):
            yield pyoxigraph.Quad(pyoxigraph.NamedNode(f"https://example.org/s{i}"), pyoxigraph.NamedNode("https://example.org/p"),
                                  pyoxigraph.Literal("x" * 100), graph_name)
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError, match="the source broke"):
        write_dataset(failing(), path, "trig", {"ex": "https://example.org/"})
    assert path.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.trig"]


def test_dataset_arguments_are_checked(tmp_path):
    with pytest.raises(ValueError, match="unknown dataset format"):
        write_dataset([], tmp_path / "x.ttl", "turtle")
    with pytest.raises(ValueError, match="prefix"):
        write_dataset([], tmp_path / "x.trig", "trig", {"not a name": "https://example.org/"})
    with pytest.raises(ValueError, match="prefix"):
        write_dataset([], tmp_path / "x.trig", "trig", {"ex": "not an IRI"})
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- random strings through every writer

# Characters that writers get wrong: quotes, backslashes, line breaks of every kind, lone
# control characters, a BOM, non-characters, non-BMP, and text that looks like an escape.
_AWKWARD = ['"', "'", "\\", "\n", "\r", "\t", "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f",
            "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\U0001f4f0", "\U0010fffd", "é", "Ж", "語",
            " ", "a", "Z", "0", ".", "#", "<", ">", "{", "}", "@", "^", "\\u0041", "\\n", '"""', "'''", "@en", "^^"]


def random_strings(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    strings = [rng.choice(_AWKWARD) for _ in range(len(_AWKWARD))]  # each alone too
    strings += ["".join(rng.choice(_AWKWARD) for _ in range(rng.randint(0, 16))) for _ in range(count)]
    return strings


def test_random_strings_read_back_exactly_from_every_writer():
    strings = random_strings(seed=20240906, count=400)
    graph = _graph()
    for i, text in enumerate(strings):
        node = URIRef(f"{DEFAULT_BASE}article/s{i}")
        graph.add((node, SCHEMA.text, Literal(text)))
        graph.add((node, SCHEMA.name, Literal(text, lang="en")))
        graph.add((node, SCHEMA.description, Literal(text, datatype=URIRef(EX + "custom"))))
    expected = {(f"{DEFAULT_BASE}article/s{i}", p, text) for i, text in enumerate(strings)
                for p in (str(SCHEMA.text), str(SCHEMA.name), str(SCHEMA.description))}
    written = serialise(graph)
    graph_name = pyoxigraph.NamedNode(f"{DEFAULT_BASE}graph/random")
    quads = [pyoxigraph.Quad(t.subject, t.predicate, t.object, graph_name)
             for t in pyoxigraph.parse(written.ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES)]
    documents = {
        "turtle": (written.turtle, pyoxigraph.RdfFormat.TURTLE),
        "nt": (written.ntriples, pyoxigraph.RdfFormat.N_TRIPLES),
        "json-ld": (written.jsonld, pyoxigraph.RdfFormat.JSON_LD),
        "trig": (dataset_bytes(quads, "trig", PrefixMap.of_graph(graph)), pyoxigraph.RdfFormat.TRIG),
        "nquads": (dataset_bytes(quads, "nquads"), pyoxigraph.RdfFormat.N_QUADS),
    }
    for fmt, (data, ox_format) in documents.items():
        by_oxigraph = {(q.subject.value, q.predicate.value, q.object.value) for q in pyoxigraph.parse(data, format=ox_format)}
        assert by_oxigraph == expected, f"{fmt}, read by Oxigraph"
        if fmt in ("trig", "nquads"):
            parsed = Dataset()
            parsed.parse(data=data, format=fmt)
            triples = [(s, p, o) for s, p, o, _ in parsed.quads()]
        else:
            triples = list(Graph().parse(data=data, format=fmt))
        assert {(str(s), str(p), str(o)) for s, p, o in triples} == expected, f"{fmt}, read by rdflib"


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
        "import pyoxigraph\n"
        "from rdflib import Graph\n"
        "from newsgraph.namespaces import bind_prefixes\n"
        "from newsgraph.publish import PrefixMap, dataset_bytes, serialise\n"
        "g = bind_prefixes(Graph()).parse(sys.argv[1], format='turtle')\n"
        "name = pyoxigraph.NamedNode('https://example.org/g')\n"
        "quads = [pyoxigraph.Quad(t.subject, t.predicate, t.object, name) for t in pyoxigraph.parse(path=sys.argv[1])]\n"
        "out = [*serialise(g), dataset_bytes(quads, 'trig', PrefixMap.of_graph(g))]\n"
        "print([hashlib.sha256(b).hexdigest() for b in out])\n"
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


@pytest.mark.parametrize("writer", [turtle_bytes, ntriples_lines, serialise])
@pytest.mark.parametrize("iri", ["https://example.org/a page", "https://example.org/<x>", "relative/x"])
def test_an_iri_that_cannot_be_written_is_refused(writer, iri):
    graph = single_node_graph()
    graph.add((ARTICLE, SCHEMA.url, URIRef(iri)))
    with pytest.raises(ValueError, match=re.escape(repr(iri))):
        writer(graph)


def test_a_bad_language_tag_is_refused():
    graph = single_node_graph()
    graph.add((ARTICLE, SCHEMA.name, Literal("x", lang="toolonglanguage")))  # rdflib accepts it, BCP 47 does not
    with pytest.raises(ValueError, match="cannot be written"):
        turtle_bytes(graph)


@pytest.mark.parametrize("writer", [turtle_bytes, jsonld_bytes, ntriples_lines])
def test_a_literal_subject_is_refused(writer):
    graph = single_node_graph()
    graph.add((Literal("not a node"), SCHEMA.name, Literal("x")))
    with pytest.raises(ValueError, match="subject"):
        writer(graph)


def test_blank_nodes_get_the_same_safe_labels_in_every_format():
    graph = blank_node_graph()
    written = serialise(graph)
    labels = {
        name: set(re.findall(rb"_:[A-Za-z0-9]+", data))
        for name, data in (("turtle", written.turtle), ("nt", written.ntriples), ("jsonld", written.jsonld))
    }
    assert labels["turtle"] == labels["nt"] == labels["jsonld"] == {f"_:b{i}".encode() for i in range(len(labels["nt"]))}


# ---------------------------------------------------------------- prefixes


def test_prefix_map_abbreviates_as_pyoxigraph_writes():
    """shrink() gives what pyoxigraph's Turtle writer writes for the IRI, for local names that
    need no escape, need escapes, or cannot be written (then the longest namespace gives way)."""
    prefixes = PrefixMap({"a": "https://example.org/a/", "ab": "https://example.org/a/b/", "h": "https://example.org/h#",
                          "e": "urn:example:"})
    locals_ = ["x", "x-y", "x.y", "x.", "-x", ".x", "1x", "x:y", "x/y", "a(b)", "x~y", "x%20y", "x#y", "é", "·x",
               "x·", "x\u0300", "\u0300x", "x y", "", "x,y;z=1&q?r@s!$*+'"]
    iris = [ns + local for _, ns in prefixes for local in locals_]
    iris += ["https://example.org/other", "https://example.org/a", "urn:example"]
    p = pyoxigraph.NamedNode("https://example.org/p")
    for iri in iris:
        try:
            node = pyoxigraph.NamedNode(iri)
        except ValueError:
            continue
        data = pyoxigraph.serialize([pyoxigraph.Triple(node, p, p)], format=pyoxigraph.RdfFormat.TURTLE,
                                    prefixes={"zz": "https://example.org/p", **prefixes.as_dict()})
        written = data.decode("utf-8").splitlines()[-1].split(" ")[0]
        assert written == prefixes.shrink(iri), iri
        # and it reads back as the IRI
        text = "".join(f"@prefix {n}: <{ns}> .\n" for n, ns in prefixes) + f"{prefixes.shrink(iri)} <{p.value}> 1 ."
        assert next(iter(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TURTLE))).subject == node, iri


def test_prefix_map_rules():
    with pytest.raises(ValueError):
        PrefixMap({"a b": "https://example.org/"})
    with pytest.raises(ValueError):
        PrefixMap({"ex": "no iri"})
    lenient = PrefixMap({"a b": "https://example.org/", "ok": "https://example.org/ok/"}, strict=False)
    assert lenient.as_dict() == {"ok": "https://example.org/ok/"}
    # A namespace bound twice keeps the first name in name order; iteration is in name order.
    assert PrefixMap({"z": "https://x.org/", "b": "https://x.org/", "a": "https://y.org/"}).as_dict() == {
        "a": "https://y.org/", "b": "https://x.org/"}
    corpus = PrefixMap.for_base("https://example.org/id", ("person", "graph"))
    assert corpus.as_dict()["person"] == "https://example.org/id/person/"
    assert corpus.shrink("https://example.org/id/person/x") == "person:x"
    assert corpus.shrink(str(RDF.type)) == "rdf:type"
    assert [name for name, _ in corpus] == sorted(name for name, _ in corpus)
