"""The ontology, SHACL shapes, competency queries and JSON-LD context, tested together
against a hand-written graph that follows docs/vocabulary.md (tests/fixtures/vocabulary-sample.ttl).

The expected query rows below are read off that fixture; when the fixture changes they
must change with it.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

# A plain Namespace: rdflib's closed XSD namespace warns when pytest probes module attributes.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "newsgraph.ttl"
CONTEXT = ROOT / "ontology" / "context.jsonld"
QUERIES = ROOT / "ontology" / "queries"
SHAPES = ROOT / "shapes" / "newsgraph.ttl"
VOCABULARY_DOC = ROOT / "docs" / "vocabulary.md"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "vocabulary-sample.ttl"

NG_NS = "https://w3id.org/newsgraph/ontology#"
SCHEMA_NS = "https://schema.org/"
ORG_NS = "http://www.w3.org/ns/org#"
OA_NS = "http://www.w3.org/ns/oa#"
SH_NS = "http://www.w3.org/ns/shacl#"
WD_NS = "http://www.wikidata.org/entity/"
VOID_NS = "http://rdfs.org/ns/void#"


def ng(local: str) -> URIRef:
    return URIRef(NG_NS + local)


def schema(local: str) -> URIRef:
    return URIRef(SCHEMA_NS + local)


def org(local: str) -> URIRef:
    return URIRef(ORG_NS + local)


def oa(local: str) -> URIRef:
    return URIRef(OA_NS + local)


def sh(local: str) -> URIRef:
    return URIRef(SH_NS + local)


ID = "https://w3id.org/newsgraph/id/"
ARTICLE = URIRef(ID + "article/umerov-ramstein-2024")
UMEROV = URIRef(ID + "person/rustem-umerov")
REZNIKOV = URIRef(ID + "person/oleksii-reznikov")
UKRAINE = URIRef(ID + "country/ukraine")
STAT_400 = URIRef(f"{ARTICLE}/statistic/f12cb0fe85cb")
STAT_THIRD = URIRef(f"{ARTICLE}/statistic/76aa8917f587")
QUOTE = URIRef(f"{ARTICLE}/quote/6b20dc263004")
ROLE = URIRef(f"{ARTICLE}/role/1e6843048a7c")
LEAD = URIRef(f"{ARTICLE}/membership/0f82bff0dca6")
MEMBER = URIRef(f"{ARTICLE}/membership/6e3b17ea156c")
ANCHOR_HEADLINE = URIRef(f"{ARTICLE}/anchor/13-46")
GRAPH = URIRef(f"{ARTICLE}/graph")
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")

# The competency questions (docs: competency-questions.md, kept outside this repository),
# copied here so the tests run anywhere: (required variables, optional variables), in
# the order of the table. Every query must project exactly these, in this order.
COMPETENCY_VARIABLES = {
    "persons": (["name"], ["wikidata"]),
    "roles": (["person", "role"], ["of", "start", "end", "predecessor"]),
    "quotes": (["speaker", "text"], []),
    "statistics": (["value", "counts"], ["qualifier", "per", "period", "claimed_by", "subject", "sentence"]),
    "coalitions": (["coalition"], ["lead", "member"]),
    "entities": (["name", "type"], ["wikidata"]),
    "provenance": (["fact", "exact", "start", "end"], []),
}
ORDERED_VARIABLES = {q: req + opt for q, (req, opt) in COMPETENCY_VARIABLES.items()}

# Variables whose values are IRIs; every other bound value must be a literal.
IRI_VARIABLES = {"wikidata", "fact"}

# What each query returns on the fixture, as strings (None: unbound), in any order.
EXPECTED_ROWS = {
    "persons": [
        ("Oleksii Reznikov", WD_NS + "Q4392444"),
        ("Rustem Umerov", None),
    ],
    "roles": [
        ("Rustem Umerov", "Minister of Defense", "Ukraine", "2023-09", None, "Oleksii Reznikov"),
    ],
    "quotes": [
        ("Rustem Umerov", "The number of Shahed drones launched increased by over a third,"),
    ],
    "statistics": [
        ("400", "soldiers", "approximately", "square kilometer", None, "Rustem Umerov", "Russia",
         "At the Defense Contact Group meeting in Ramstein, Ukraine’s Minister of Defense Rustem "
         "Umerov, who succeeded Oleksii Reznikov in September 2023, said Russia is losing "
         "approximately 400 soldiers for every square kilometer of Ukrainian territory captured."),
        ("0.3333", "Shahed drones launched", "more than", None, None, "Rustem Umerov", None,
         "“The number of Shahed drones launched increased by over a third,” Umerov said."),
    ],
    "coalitions": [
        ("Aviation Coalition", "United States", None),
        ("Aviation Coalition", None, "Denmark"),
    ],
    "entities": [
        ("Rustem Umerov", "Person", None),
        ("Umerov", "Person", None),  # a schema:alternateName is a name form of its own
        ("Oleksii Reznikov", "Person", WD_NS + "Q4392444"),
        ("Ukraine", "Country", WD_NS + "Q212"),
        ("Russia", "Country", WD_NS + "Q159"),
        ("United States", "Country", WD_NS + "Q30"),
        ("Denmark", "Country", WD_NS + "Q35"),
        ("Ramstein", "Place", None),
        ("Euromaidan Press", "Organization", None),
        ("Aviation Coalition", "Organization", None),
        ("Defense Contact Group meeting", "Event", None),
    ],
    "provenance": [
        (str(LEAD), "The United States leads the Aviation Coalition", "407", "453"),
        (str(MEMBER), "Denmark has joined", "461", "479"),
        (str(QUOTE), "The number of Shahed drones launched increased by over a third,", "328", "391"),
        (str(ROLE), "Ukraine’s Minister of Defense Rustem Umerov, who succeeded Oleksii Reznikov "
                    "in September 2023", "122", "215"),
        (str(STAT_THIRD), "over a third", "378", "390"),
        (str(STAT_400), "400 soldiers per square kilometer", "13", "46"),
        (str(STAT_400), "approximately 400 soldiers for every square kilometer", "239", "292"),
    ],
}

# The classes the mapper emits (docs/vocabulary.md): each needs its own node shape.
EMITTED_CLASSES = {
    schema("NewsArticle"), schema("Person"), schema("Country"), schema("Place"),
    schema("Organization"), schema("Event"), ng("Coalition"), ng("CoalitionMembership"),
    ng("RoleHolding"), ng("Office"), ng("Quotation"), ng("ReportedClaim"), ng("Statistic"),
    ng("TextAnchor"), PROV.Activity, PROV.SoftwareAgent, ng("ArticleGraph"),
}


# ------------------------------------------------------------------ helpers


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


@pytest.fixture(scope="module")
def context() -> dict:
    return json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]


@pytest.fixture
def data() -> Graph:
    """A fresh copy of the fixture for each test, so tests may damage it."""
    return Graph().parse(FIXTURE, format="turtle")


def query_text(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def validate(data: Graph, shapes: Graph):
    """Validate the way the pipeline does; return (conforms, [result dicts])."""
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False)
    results = []
    for node in report.subjects(RDF.type, sh("ValidationResult")):
        results.append({
            "focus": report.value(node, sh("focusNode")),
            "path": report.value(node, sh("resultPath")),
            "severity": report.value(node, sh("resultSeverity")),
            "shape": report.value(node, sh("sourceShape")),
            "message": str(report.value(node, sh("resultMessage"))),
        })
    return conforms, results


def violations(results):
    return [r for r in results if r["severity"] == sh("Violation")]


def warnings(results):
    return [r for r in results if r["severity"] == sh("Warning")]


def rdflib_rows(graph: Graph, name: str):
    result = graph.query(query_text(name))
    variables = [str(v) for v in result.vars]
    rows = [tuple(row) for row in result]
    return variables, rows


def oxigraph_rows(graph: Graph, name: str):
    store = pyoxigraph.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    result = store.query(query_text(name))
    variables = [v.value for v in result.variables]
    rows = [tuple(solution[v] for v in result.variables) for solution in result]
    return variables, rows


def as_text(term) -> str | None:
    if term is None:
        return None
    return term.value if hasattr(term, "value") and not isinstance(term, (URIRef, Literal)) else str(term)


def is_iri(term) -> bool:
    return isinstance(term, (URIRef, pyoxigraph.NamedNode))


def is_literal(term) -> bool:
    return isinstance(term, (Literal, pyoxigraph.Literal))


def sort_key(row):
    return tuple("" if v is None else v for v in row)


ENGINES = {"rdflib": rdflib_rows, "oxigraph": oxigraph_rows}


# ------------------------------------------------------------------ ontology


def test_ontology_header(ontology):
    onto = URIRef("https://w3id.org/newsgraph/ontology")
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(onto, DCTERMS.license) == URIRef("https://www.apache.org/licenses/LICENSE-2.0")
    assert ontology.value(onto, DCTERMS.title) is not None
    assert ontology.value(onto, DCTERMS.description) is not None


def ng_terms_in_graph(graph: Graph) -> set[URIRef]:
    return {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(NG_NS)}


def ng_terms_in_text(text: str, prefix: str = "ng") -> set[URIRef]:
    return {ng(local) for local in re.findall(rf"(?<![\w:]){prefix}:([A-Za-z][A-Za-z0-9_]*)", text)}


def test_every_ng_term_in_the_ontology_is_labelled(ontology):
    declared = {s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(NG_NS)}
    assert ng_terms_in_graph(ontology) <= declared
    for term in declared:
        labels = [o for o in ontology.objects(term, RDFS.label) if o.language == "en"]
        comments = [o for o in ontology.objects(term, RDFS.comment) if o.language == "en"]
        assert labels, f"{term} has no English rdfs:label"
        assert comments, f"{term} has no English rdfs:comment"
        assert set(ontology.objects(term, RDF.type)) & {
            OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}, f"{term} has no OWL type"


@pytest.mark.parametrize("source", ["shapes", "fixture", "queries", "context", "vocabulary.md"])
def test_every_ng_term_used_is_declared(ontology, source):
    if source == "shapes":
        used = ng_terms_in_graph(Graph().parse(SHAPES))
    elif source == "fixture":
        used = ng_terms_in_graph(Graph().parse(FIXTURE))
    elif source == "queries":
        used = set().union(*(ng_terms_in_text(p.read_text(encoding="utf-8")) for p in QUERIES.glob("*.rq")))
    elif source == "context":
        used = ng_terms_in_text(CONTEXT.read_text(encoding="utf-8"))
    else:
        used = ng_terms_in_text(VOCABULARY_DOC.read_text(encoding="utf-8"))
    assert used, f"no ng: terms found in {source}"
    missing = {t for t in used if (t, RDFS.label, None) not in ontology or (t, RDFS.comment, None) not in ontology}
    assert not missing, f"{source} uses undeclared ng: terms: {sorted(missing)}"


def test_property_kinds_match_the_fixture(ontology, data):
    """A property the fixture uses with IRIs is an ObjectProperty; with literals, a DatatypeProperty."""
    for prop in {p for p in data.predicates() if str(p).startswith(NG_NS)}:
        objects = list(data.objects(None, prop))
        expected = OWL.DatatypeProperty if all(isinstance(o, Literal) for o in objects) else OWL.ObjectProperty
        assert (prop, RDF.type, expected) in ontology, f"{prop} should be an {expected}"


def test_every_ng_property_has_domain_and_range(ontology):
    props = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    props = {p for p in props if str(p).startswith(NG_NS)}
    assert len(props) >= 20
    for prop in props:
        assert ontology.value(prop, RDFS.domain) is not None, f"{prop} has no rdfs:domain"
        assert ontology.value(prop, RDFS.range) is not None, f"{prop} has no rdfs:range"


@pytest.mark.parametrize("sub, sup", [
    (ng("Statistic"), schema("Observation")),
    (ng("Quotation"), ng("Statement")),
    (ng("Quotation"), schema("Quotation")),
    (ng("ReportedClaim"), ng("Statement")),
    (ng("ReportedClaim"), schema("Claim")),
    (ng("RoleHolding"), org("Membership")),
    (ng("CoalitionMembership"), org("Membership")),
    (ng("Office"), org("Post")),
    (ng("Coalition"), org("OrganizationalCollaboration")),
    (ng("Coalition"), schema("Organization")),
    (ng("TextAnchor"), oa("TextPositionSelector")),
    (ng("TextAnchor"), oa("TextQuoteSelector")),
    (ng("StatisticKind"), SKOS.Concept),
    (ng("ArticleGraph"), URIRef(VOID_NS + "Dataset")),
    (ng("TextPolicy"), SKOS.Concept),
])
def test_alignment_to_standard_classes(ontology, sub, sup):
    assert (sub, RDFS.subClassOf, sup) in ontology


def test_individuals(ontology):
    for kind in ("Count", "Ratio", "RelativeChange", "Duration", "Amount"):
        assert (ng(kind), RDF.type, ng("StatisticKind")) in ontology
    for role in ("LeadRole", "MemberRole"):
        assert (ng(role), RDF.type, org("Role")) in ontology
    for policy in ("FullText", "ExcerptsOnly", "NoText"):
        assert (ng(policy), RDF.type, ng("TextPolicy")) in ontology


# ------------------------------------------------------------------ shapes


def test_shapes_cover_every_emitted_class(shapes):
    targets = set(shapes.objects(None, sh("targetClass")))
    assert EMITTED_CLASSES <= targets
    for cls in EMITTED_CLASSES:
        assert len(list(shapes.subjects(sh("targetClass"), cls))) == 1, f"one node shape for {cls}"


def test_every_constraint_has_a_message(shapes):
    # Property shapes: whatever a node shape lists under sh:property, and anything with a path.
    property_shapes = set(shapes.objects(None, sh("property"))) | set(shapes.subjects(sh("path"), None))
    assert len(property_shapes) > 40
    for shape in property_shapes:
        assert shapes.value(shape, sh("message")) is not None, f"property shape {shape} has no sh:message"
    node_constraints = {sh(p) for p in ("nodeKind", "class", "datatype", "in", "or", "node", "pattern", "hasValue")}
    for shape in set(shapes.subjects(RDF.type, sh("NodeShape"))):
        if any((shape, p, None) in shapes for p in node_constraints):
            assert shapes.value(shape, sh("message")) is not None, f"node shape {shape} has no sh:message"


def test_fixture_has_only_the_expected_warning(data, shapes):
    conforms, results = validate(data, shapes)
    assert violations(results) == []
    # Umerov is deliberately unlinked: a warning, which SHACL still counts against conformance.
    assert [(r["focus"], r["path"]) for r in warnings(results)] == [(UMEROV, OWL.sameAs)]
    assert conforms is False
    conforms, _, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False,
                                      allow_warnings=True)
    assert conforms is True


def test_fixture_conforms_fully_once_umerov_is_linked(data, shapes):
    data.add((UMEROV, OWL.sameAs, URIRef(WD_NS + "Q1")))  # any well-formed QID
    conforms, results = validate(data, shapes)
    assert conforms, results


def test_statistic_without_value_is_a_violation(data, shapes):
    data.remove((STAT_400, schema("value"), None))
    conforms, results = validate(data, shapes)
    assert not conforms
    assert [(r["focus"], r["path"]) for r in violations(results)] == [(STAT_400, schema("value"))]
    assert "schema:value" in violations(results)[0]["message"]


@pytest.mark.parametrize("lexical, datatype, ok", [
    ("400", "integer", True),
    ("0.3333", "decimal", True),
    ("0.3333", "double", False),        # a float is not what the article wrote
    ("400", "string", False),
    ("four hundred", "integer", False),  # ill-formed (built here, not at import: rdflib logs it)
])
def test_statistic_value_datatype(data, shapes, lexical, datatype, ok):
    data.set((STAT_400, schema("value"), Literal(lexical, datatype=XSD[datatype])))
    _, results = validate(data, shapes)
    bad = [r for r in violations(results) if r["focus"] == STAT_400 and r["path"] == schema("value")]
    assert (not bad) == ok, bad


def test_statistic_with_two_values_is_a_violation(data, shapes):
    data.add((STAT_400, schema("value"), Literal(500)))
    _, results = validate(data, shapes)
    assert [(r["focus"], r["path"]) for r in violations(results)] == [(STAT_400, schema("value"))]


@pytest.mark.parametrize("iri", [
    "https://www.wikidata.org/wiki/Q212",
    "https://www.wikidata.org/entity/Q212",
    "http://www.wikidata.org/entity/P31",
    "http://dbpedia.org/resource/Ukraine",
    "http://wwwXwikidataXorg/entity/Q212",
])
def test_non_wikidata_same_as_is_a_violation(data, shapes, iri):
    data.add((UKRAINE, OWL.sameAs, URIRef(iri)))
    conforms, results = validate(data, shapes)
    assert not conforms
    assert [(r["focus"], r["path"]) for r in violations(results)] == [(UKRAINE, OWL.sameAs)]


def test_literal_same_as_is_a_violation(data, shapes):
    data.add((REZNIKOV, OWL.sameAs, Literal(WD_NS + "Q4392444")))
    _, results = validate(data, shapes)
    assert [(r["focus"], r["path"]) for r in violations(results)] == [(REZNIKOV, OWL.sameAs)]


@pytest.mark.parametrize("fact", [STAT_400, QUOTE])
def test_quotes_and_statistics_need_an_anchor(data, shapes, fact):
    data.remove((fact, ng("anchor"), None))
    _, results = validate(data, shapes)
    assert (fact, ng("anchor")) in [(r["focus"], r["path"]) for r in violations(results)]


@pytest.mark.parametrize("fact", [ROLE, LEAD])
def test_roles_and_memberships_without_anchor_are_warnings(data, shapes, fact):
    data.remove((fact, ng("anchor"), None))
    _, results = validate(data, shapes)
    assert violations(results) == []
    assert (fact, ng("anchor")) in [(r["focus"], r["path"]) for r in warnings(results)]


@pytest.mark.parametrize("fact, prop", [(QUOTE, ng("speaker")), (STAT_400, ng("claimedBy"))])
def test_soft_expectations_are_warnings(data, shapes, fact, prop):
    data.remove((fact, prop, None))
    _, results = validate(data, shapes)
    assert violations(results) == []
    assert (fact, prop) in [(r["focus"], r["path"]) for r in warnings(results)]


@pytest.mark.parametrize("fact", [STAT_400, QUOTE, ROLE, LEAD])
def test_facts_must_be_derived_from_an_article(data, shapes, fact):
    data.remove((fact, PROV.wasDerivedFrom, None))
    _, results = validate(data, shapes)
    assert [(r["focus"], r["path"]) for r in violations(results)] == [(fact, PROV.wasDerivedFrom)]
    data.add((fact, PROV.wasDerivedFrom, UMEROV))  # derived from something that is not an article
    _, results = validate(data, shapes)
    assert [(r["focus"], r["path"]) for r in violations(results)] == [(fact, PROV.wasDerivedFrom)]


@pytest.mark.parametrize("prop", ["start", "end", "exact"])
def test_anchor_needs_start_end_exact(data, shapes, prop):
    data.remove((ANCHOR_HEADLINE, oa(prop), None))
    _, results = validate(data, shapes)
    assert (ANCHOR_HEADLINE, oa(prop)) in [(r["focus"], r["path"]) for r in violations(results)]


def test_anchor_offsets_are_non_negative_integers(data, shapes):
    data.set((ANCHOR_HEADLINE, oa("start"), Literal(13)))  # xsd:integer, not the contract's type
    _, results = validate(data, shapes)
    assert (ANCHOR_HEADLINE, oa("start")) in [(r["focus"], r["path"]) for r in violations(results)]
    data.set((ANCHOR_HEADLINE, oa("start"), Literal("-1", datatype=XSD.nonNegativeInteger)))
    _, results = validate(data, shapes)
    assert (ANCHOR_HEADLINE, oa("start")) in [(r["focus"], r["path"]) for r in violations(results)]


def test_anchor_start_before_end(data, shapes):
    data.set((ANCHOR_HEADLINE, oa("start"), Literal("46", datatype=XSD.nonNegativeInteger)))
    _, results = validate(data, shapes)
    assert [(r["focus"], r["path"]) for r in violations(results)] == [(ANCHOR_HEADLINE, oa("start"))]


@pytest.mark.parametrize("value, ok", [
    (Literal("2023-09", datatype=XSD.gYearMonth), True),
    (Literal("2023-09-04", datatype=XSD.date), True),
    (Literal("2023", datatype=XSD.gYear), True),
    (Literal("September 2023"), False),
    (Literal("2023-09"), False),
])
def test_role_dates_are_iso_8601(data, shapes, value, ok):
    data.set((ROLE, schema("startDate"), value))
    _, results = validate(data, shapes)
    assert (not violations(results)) == ok


def test_unknown_statistic_kind_and_coalition_role_are_violations(data, shapes):
    data.set((STAT_400, ng("statisticKind"), ng("Guess")))
    data.set((LEAD, org("role"), URIRef(ORG_NS + "Head")))
    _, results = validate(data, shapes)
    found = {(r["focus"], r["path"]) for r in violations(results)}
    assert found == {(STAT_400, ng("statisticKind")), (LEAD, org("role"))}


def test_blank_node_facts_are_violations(data, shapes):
    blank = BNode()
    for p, o in list(data.predicate_objects(QUOTE)):
        data.add((blank, p, o))
    _, results = validate(data, shapes)
    assert any(r["focus"] == blank for r in violations(results))


@pytest.mark.parametrize("policy", ["ExcerptsOnly", "NoText"])
def test_an_article_published_without_its_text_conforms(data, shapes, policy):
    data.remove((ARTICLE, schema("text"), None))
    data.set((GRAPH, ng("textPolicy"), ng(policy)))
    data.add((UMEROV, OWL.sameAs, URIRef(WD_NS + "Q1")))  # no warning left to hide a result
    conforms, results = validate(data, shapes)
    assert conforms, results


def test_excerpts_are_text_anchors(data, shapes):
    excerpt = URIRef(f"{ARTICLE}/excerpt/72-238")
    data.add((ARTICLE, ng("excerpt"), excerpt))
    _, results = validate(data, shapes)
    assert [(r["focus"], r["path"]) for r in violations(results)] == [(ARTICLE, ng("excerpt"))]
    data.add((excerpt, RDF.type, ng("TextAnchor")))
    data.add((excerpt, RDFS.label, Literal("At the Defense Contact Group meeting in Ramstein…")))
    data.add((excerpt, oa("start"), Literal("72", datatype=XSD.nonNegativeInteger)))
    data.add((excerpt, oa("end"), Literal("238", datatype=XSD.nonNegativeInteger)))
    data.add((excerpt, oa("exact"), Literal(str(data.value(ARTICLE, schema("text")))[72:238])))
    data.add((excerpt, ng("inArticle"), ARTICLE))
    _, results = validate(data, shapes)
    assert violations(results) == []


@pytest.mark.parametrize("change", ["none", "two", "literal", "not-http", "blank"])
def test_an_article_graph_has_exactly_one_licence_iri(data, shapes, change):
    if change == "none":
        data.remove((GRAPH, DCTERMS.license, None))
    elif change == "two":
        data.add((GRAPH, DCTERMS.license, URIRef("https://creativecommons.org/publicdomain/zero/1.0/")))
    elif change == "literal":
        data.set((GRAPH, DCTERMS.license, Literal(str(LICENCE))))
    elif change == "not-http":
        data.set((GRAPH, DCTERMS.license, URIRef("urn:licence:cc-by")))
    else:
        data.set((GRAPH, DCTERMS.license, BNode()))
    _, results = validate(data, shapes)
    assert violations(results)
    assert {(r["focus"], r["path"]) for r in violations(results)} == {(GRAPH, DCTERMS.license)}


def test_an_article_graph_names_its_article_and_text_policy(data, shapes):
    data.set((GRAPH, DCTERMS.source, UMEROV))
    data.set((GRAPH, ng("textPolicy"), ng("SomeText")))
    _, results = validate(data, shapes)
    assert {(r["focus"], r["path"]) for r in violations(results)} == {
        (GRAPH, DCTERMS.source), (GRAPH, ng("textPolicy"))}


@pytest.mark.parametrize("node", [STAT_400, QUOTE, ROLE, LEAD, ANCHOR_HEADLINE])
def test_a_fact_without_a_label_is_a_warning_and_with_two_a_violation(data, shapes, node):
    label = data.value(node, RDFS.label)
    data.remove((node, RDFS.label, None))
    _, results = validate(data, shapes)
    assert violations(results) == []
    assert (node, RDFS.label) in [(r["focus"], r["path"]) for r in warnings(results)]
    data.add((node, RDFS.label, label))
    data.add((node, RDFS.label, Literal(str(label) + " (again)")))
    _, results = validate(data, shapes)
    assert [(r["focus"], r["path"]) for r in violations(results)] == [(node, RDFS.label)]


def test_fact_labels_are_plain_strings(data, shapes):
    data.set((QUOTE, RDFS.label, Literal("a quote", lang="en")))
    _, results = validate(data, shapes)
    assert [(r["focus"], r["path"]) for r in violations(results)] == [(QUOTE, RDFS.label)]


# ------------------------------------------------------------------ queries


def test_every_competency_query_exists():
    assert {p.stem for p in QUERIES.glob("*.rq")} == set(COMPETENCY_VARIABLES)
    for name in COMPETENCY_VARIABLES:
        text = query_text(name)
        assert text.lstrip().startswith("#"), f"{name}.rq has no comment header"
        assert "GROUP_CONCAT" not in text.upper()


@pytest.mark.parametrize("engine", sorted(ENGINES))
@pytest.mark.parametrize("name", sorted(COMPETENCY_VARIABLES))
def test_query_on_fixture(data, engine, name):
    variables, rows = ENGINES[engine](data, name)
    assert variables == ORDERED_VARIABLES[name]
    required = COMPETENCY_VARIABLES[name][0]
    for row in rows:
        for var, value in zip(variables, row):
            if value is None:
                assert var not in required, f"{name}: required ?{var} unbound"
            elif var in IRI_VARIABLES:
                assert is_iri(value), f"{name}: ?{var} should be an IRI, got {value!r}"
            else:
                assert is_literal(value), f"{name}: ?{var} should be a literal, got {value!r}"
    got = sorted((tuple(as_text(v) for v in row) for row in rows), key=sort_key)
    assert got == sorted(EXPECTED_ROWS[name], key=sort_key)


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_statistic_values_are_numbers(data, engine):
    _, rows = ENGINES[engine](data, "statistics")
    datatypes = {as_text(row[0].datatype) for row in rows}
    assert datatypes == {str(XSD.integer), str(XSD.decimal)}


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_provenance_offsets_match_the_article_text(data, engine):
    text = str(data.value(ARTICLE, schema("text")))
    _, rows = ENGINES[engine](data, "provenance")
    assert rows
    for _, exact, start, end in rows:
        assert text[int(as_text(start)):int(as_text(end))] == as_text(exact)


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_coalition_without_members_still_has_a_row(data, engine):
    naval = URIRef(ID + "coalition/naval-coalition")
    data.add((naval, RDF.type, ng("Coalition")))
    data.add((naval, RDF.type, schema("Organization")))
    data.add((naval, schema("name"), Literal("Naval Coalition")))
    _, rows = ENGINES[engine](data, "coalitions")
    assert [tuple(as_text(v) for v in r) for r in rows if as_text(r[0]) == "Naval Coalition"] == [
        ("Naval Coalition", None, None)]


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_entities_map_asserted_types_only(data, engine):
    # As if a reasoner had materialised schema.org's Country ⊑ Place: still one row per country.
    for country in list(data.subjects(RDF.type, schema("Country"))):
        data.add((country, RDF.type, schema("Place")))
    _, rows = ENGINES[engine](data, "entities")
    got = sorted((tuple(as_text(v) for v in row) for row in rows), key=sort_key)
    assert got == sorted(EXPECTED_ROWS["entities"], key=sort_key)


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_roles_fall_back_to_the_office(data, engine):
    data.remove((ROLE, schema("roleName"), None))
    data.remove((ROLE, ng("roleOf"), None))
    _, rows = ENGINES[engine](data, "roles")
    assert [tuple(as_text(v) for v in r)[:3] for r in rows] == [("Rustem Umerov", "Minister of Defense", "Ukraine")]


# ------------------------------------------------------------------ JSON-LD


# rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph internally.
json_ld_warnings = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


def compact(graph: Graph, context: dict) -> str:
    return graph.serialize(format="json-ld", context=context, auto_compact=True)


def test_context_prefixes(context):
    for prefix in ("ng", "schema", "org", "oa", "prov", "owl", "rdfs", "xsd", "skos", "dcterms", "wd"):
        assert prefix in context
    assert context["ng"] == NG_NS and context["wd"] == WD_NS
    assert context["start"] == {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"}


@json_ld_warnings
def test_json_ld_round_trip(data, context):
    text = compact(data, context)
    back = Graph().parse(data=text, format="json-ld")
    assert isomorphic(data, back)
    # Every property of the fixture got a short term: no prefixed or full IRIs as keys.
    doc = json.loads(text)
    keys = {k for node in doc["@graph"] for k in node}
    assert all(k.startswith("@") or ":" not in k for k in keys), sorted(k for k in keys if ":" in k)


@json_ld_warnings
def test_json_ld_round_trip_with_off_contract_datatypes(data, context):
    """Values whose datatype differs from a term's fixed @type stay expanded, and survive."""
    data.set((ANCHOR_HEADLINE, oa("start"), Literal(13)))
    data.add((ARTICLE, schema("datePublished"), Literal("2024-01-01T10:00:00", datatype=XSD.dateTime)))
    data.add((UKRAINE, schema("alternateName"), Literal("Україна", lang="uk")))
    data.add((STAT_400, ng("upperValue"), Literal(Decimal("450.5"))))
    back = Graph().parse(data=compact(data, context), format="json-ld")
    assert isomorphic(data, back)


@json_ld_warnings
def test_json_ld_of_the_ontology_round_trips(ontology, context):
    back = Graph().parse(data=compact(ontology, context), format="json-ld")
    assert isomorphic(ontology, back)
