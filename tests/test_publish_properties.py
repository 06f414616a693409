"""Property tests of the writers (Hypothesis): any graph of the shapes newsgraph publishes, with
any text in its literals, reads back as the same graph from Turtle, N-Triples and JSON-LD, with
rdflib and with pyoxigraph, and writes the same bytes twice (issue: hold under hostile input)."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from newsgraph.namespaces import NG, SCHEMA, bind_prefixes
from newsgraph.publish import jsonld_bytes, ntriples_lines, serialise, turtle_bytes

pytestmark = pytest.mark.slow

BASE = "https://w3id.org/newsgraph/id/"

# Any Unicode scalar value but surrogates (which no UTF-8 file can hold), control characters,
# line and paragraph separators and NEL included: article text carries all of them.
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
slug = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?", fullmatch=True)
folder = st.sampled_from(["person", "country", "organization", "article/a-b/quote", "article/a-b/anchor"])
# IRI local parts beyond slugs: non-ASCII letters, percent escapes, dots, tildes, fragments
local = st.lists(st.sampled_from(list("abz09-._~:@!$&'()*+,;=") + ["é", "ł", "ї", "中", "/", "%41", "%e2%80%99"]),
                 min_size=1, max_size=12).map("".join)
subject = st.one_of(
    st.builds(lambda f, s: URIRef(f"{BASE}{f}/{s}"), folder, slug),
    st.builds(lambda f, s: URIRef(f"{BASE}{f}/{s}"), folder, local),
)
predicate = st.sampled_from([SCHEMA.name, SCHEMA.text, RDFS.label, NG.counts, SCHEMA.value, NG.exact, SCHEMA.alternateName])
literal = st.one_of(
    st.builds(Literal, text),
    # language tags in lower case, as RDF 1.1 defines their value space (writers may fold case)
    st.builds(lambda t, lang: Literal(t, lang=lang), text, st.sampled_from(["en", "en-gb", "uk"])),
    st.builds(lambda n: Literal(n, datatype=XSD.integer), st.integers(-10**30, 10**30)),
    st.builds(lambda d: Literal(d, datatype=XSD.decimal),
              st.decimals(allow_nan=False, allow_infinity=False, places=6, min_value=-10**12, max_value=10**12)),
    st.builds(lambda b: Literal(b), st.booleans()),
    st.builds(lambda d: Literal(d.isoformat(), datatype=XSD.date), st.dates()),
)
triple = st.one_of(
    st.tuples(subject, predicate, literal),
    st.tuples(subject, st.sampled_from([SCHEMA.mentions, NG.claimedBy, SCHEMA.about]), subject),
    st.tuples(subject, st.just(RDF.type), st.sampled_from([SCHEMA.Person, NG.Statistic, NG.Quotation])),
)
graphs = st.lists(triple, min_size=1, max_size=25).map(lambda triples: _graph(triples))


def _graph(triples) -> Graph:
    graph = bind_prefixes(Graph())
    for t in triples:
        graph.add(t)
    return graph


def _from_oxigraph(data: bytes, fmt: ox.RdfFormat) -> Graph:
    out = Graph()
    nt = ox.serialize(ox.parse(io.BytesIO(data), fmt), format=ox.RdfFormat.N_TRIPLES)
    out.parse(data=nt.decode("utf-8"), format="nt")
    return out


PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(graphs)
def test_turtle_reads_back_with_both_parsers(graph):
    data = turtle_bytes(graph)
    assert isomorphic(Graph().parse(data=data.decode("utf-8"), format="turtle"), graph)
    assert isomorphic(_from_oxigraph(data, ox.RdfFormat.TURTLE), graph)


@PROPERTY_SETTINGS
@given(graphs)
def test_ntriples_read_back_with_both_parsers(graph):
    data = ntriples_lines(graph)
    assert isomorphic(Graph().parse(data=data.decode("utf-8"), format="nt"), graph)
    assert isomorphic(_from_oxigraph(data, ox.RdfFormat.N_TRIPLES), graph)


@PROPERTY_SETTINGS
@given(graphs)
def test_json_ld_reads_back_as_the_same_graph(graph):
    data = jsonld_bytes(graph)
    assert isomorphic(_from_oxigraph(data, ox.RdfFormat.JSON_LD), graph)


@PROPERTY_SETTINGS
@given(graphs, st.randoms(use_true_random=False))
def test_the_same_graph_gives_the_same_bytes_in_any_insertion_order(graph, random):
    triples = list(graph)
    random.shuffle(triples)
    assert serialise(_graph(triples)) == serialise(graph)
