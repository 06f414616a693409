"""HTML documentation of the ontology and the shapes, from the files the package ships.

Every ``ng:`` term gets a section whose id is its local name, so the term's IRI
(``…/ontology#Statistic``) opens the page at its section; every shape likewise
(``…/shapes#StatisticShape``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

VANN = "http://purl.org/vocab/vann/"


def resource_bytes(name: str) -> bytes:
    return (resources.files("newsgraph") / "resources" / name).read_bytes()


@dataclass
class Term:
    iri: str
    local: str
    kind: str
    label: str = ""
    comment: str = ""
    parents: list[str] = field(default_factory=list)  #: subClassOf / subPropertyOf (IRIs)
    domain: list[str] = field(default_factory=list)
    range: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)  #: for individuals
    characteristics: list[str] = field(default_factory=list)
    inverse: list[str] = field(default_factory=list)


@dataclass
class OntologyDoc:
    iri: str
    namespace: str
    title: str
    description: str
    version: str | None
    version_iri: str | None
    licence: str | None
    prefix: str | None
    see_also: list[str]
    sections: list[tuple[str, list[Term]]]


def _text(g: Graph, s, p) -> str:
    values = sorted(g.objects(s, p), key=lambda v: (getattr(v, "language", None) not in (None, "en"), str(v)))
    return str(values[0]) if values else ""


def _iris(g: Graph, s, p) -> list[str]:
    return sorted(str(o) for o in g.objects(s, p) if isinstance(o, URIRef))


def ontology_doc(data: bytes) -> OntologyDoc:
    g = Graph()
    g.parse(data=data, format="turtle")
    onto = next(iter(sorted(g.subjects(RDF.type, OWL.Ontology))))
    namespace = _text(g, onto, URIRef(VANN + "preferredNamespaceUri")) or str(onto) + "#"
    kinds = (("Classes", "class", (OWL.Class, RDFS.Class)),
             ("Object properties", "object property", (OWL.ObjectProperty,)),
             ("Datatype properties", "datatype property", (OWL.DatatypeProperty,)),
             ("Annotation properties", "annotation property", (OWL.AnnotationProperty,)),
             ("Individuals", "individual", (OWL.NamedIndividual,)))
    seen: set[str] = set()
    sections = []
    for title, kind, classes in kinds:
        terms = []
        for cls in classes:
            for s in g.subjects(RDF.type, cls):
                iri = str(s)
                if not isinstance(s, URIRef) or not iri.startswith(namespace) or iri in seen:
                    continue
                seen.add(iri)
                parent_p = RDFS.subClassOf if kind == "class" else RDFS.subPropertyOf
                term = Term(iri, iri[len(namespace):], kind, _text(g, s, RDFS.label) or _text(g, s, SKOS.prefLabel),
                            _text(g, s, RDFS.comment), _iris(g, s, parent_p), _iris(g, s, RDFS.domain),
                            _iris(g, s, RDFS.range))
                term.types = [t for t in _iris(g, s, RDF.type) if t != str(OWL.NamedIndividual)]
                term.characteristics = [t.rsplit("#", 1)[-1] for t in _iris(g, s, RDF.type)
                                        if t in (str(OWL.FunctionalProperty), str(OWL.InverseFunctionalProperty),
                                                 str(OWL.TransitiveProperty), str(OWL.SymmetricProperty))]
                term.inverse = _iris(g, s, OWL.inverseOf)
                terms.append(term)
        terms.sort(key=lambda t: t.local.lower())
        if terms:
            sections.append((title, terms))
    return OntologyDoc(
        iri=str(onto), namespace=namespace, title=_text(g, onto, DCTERMS.title) or str(onto),
        description=_text(g, onto, DCTERMS.description), version=_text(g, onto, OWL.versionInfo) or None,
        version_iri=next(iter(_iris(g, onto, OWL.versionIRI)), None),
        licence=next(iter(_iris(g, onto, DCTERMS.license)), None),
        prefix=_text(g, onto, URIRef(VANN + "preferredNamespacePrefix")) or None,
        see_also=_iris(g, onto, RDFS.seeAlso), sections=sections,
    )


@dataclass
class Constraint:
    path: str
    parts: list[tuple[str, str]]  #: (constraint name, value as text)
    severity: str
    message: str


@dataclass
class Shape:
    iri: str
    local: str
    targets: list[str]
    message: str
    node_parts: list[tuple[str, str]]
    properties: list[Constraint]


@dataclass
class ShapesDoc:
    iri: str
    namespace: str
    title: str
    description: str
    version: str | None
    licence: str | None
    shapes: list[Shape]


_CONSTRAINTS = ("datatype", "class", "nodeKind", "minCount", "maxCount", "minInclusive", "maxInclusive",
                "minExclusive", "maxExclusive", "minLength", "maxLength", "pattern", "in", "hasValue", "or",
                "node", "lessThan", "lessThanOrEquals", "equals", "disjoint", "languageIn", "uniqueLang")


def _show(g: Graph, node) -> str:
    if isinstance(node, URIRef):
        return str(node)
    if isinstance(node, Literal):
        return str(node)
    if isinstance(node, BNode):
        if (node, RDF.first, None) in g:
            return "(" + ", ".join(_show(g, x) for x in Collection(g, node)) + ")"
        if (node, SH.inversePath, None) in g:
            return "^" + _show(g, g.value(node, SH.inversePath))
        if (node, SH.alternativePath, None) in g:
            return " | ".join(_show(g, x) for x in Collection(g, g.value(node, SH.alternativePath)))
        parts = [f"{str(p).rsplit('#', 1)[-1]} {_show(g, o)}" for p, o in sorted(g.predicate_objects(node))]
        return "[" + "; ".join(parts) + "]"
    return str(node)


def _parts(g: Graph, node) -> list[tuple[str, str]]:
    out = []
    for name in _CONSTRAINTS:
        for value in sorted(g.objects(node, SH[name]), key=str):
            out.append((name, _show(g, value)))
    return out


def shapes_doc(data: bytes) -> ShapesDoc:
    g = Graph()
    g.parse(data=data, format="turtle")
    onto = next(iter(sorted(g.subjects(RDF.type, OWL.Ontology))))
    namespace = ""
    for prefix, ns in g.namespaces():
        if str(ns).startswith(str(onto)) and str(ns) != str(onto):
            namespace = str(ns)
    shapes = []
    for s in sorted(set(g.subjects(RDF.type, SH.NodeShape))):
        if not isinstance(s, URIRef):
            continue
        iri = str(s)
        local = iri[len(namespace):] if namespace and iri.startswith(namespace) else iri.rsplit("#", 1)[-1]
        props = []
        for ps in sorted(g.objects(s, SH.property), key=str):
            severity = g.value(ps, SH.severity)
            props.append(Constraint(_show(g, g.value(ps, SH.path)), _parts(g, ps),
                                    str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                                    _text(g, ps, SH.message)))
        props.sort(key=lambda c: c.path)
        targets = [str(t) for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
                   for t in sorted(g.objects(s, p), key=str)]
        shapes.append(Shape(iri, local, targets, _text(g, s, SH.message), _parts(g, s), props))
    return ShapesDoc(str(onto), namespace, _text(g, onto, DCTERMS.title) or str(onto),
                     _text(g, onto, DCTERMS.description), _text(g, onto, OWL.versionInfo) or None,
                     next(iter(_iris(g, onto, DCTERMS.license)), None), shapes)
