"""Namespaces and the default IRI base. The ontology's own terms live in `NG`."""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

#: newsgraph's ontology (ontology/newsgraph.ttl).
NG = Namespace("https://w3id.org/newsgraph/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")

#: Where data IRIs live unless the user gives --base. Documented in the README.
DEFAULT_BASE = "https://w3id.org/newsgraph/id/"



def normalise_base(base: str) -> str:
    """`base` as IRIs are minted under it: ending with "/" or "#" ("https://x.org/id" →
    "https://x.org/id/"), so that "{base}person/…" never runs into the base's last segment."""
    return base if base.endswith(("/", "#")) else base + "/"


#: Prefixes bound in every published graph, in this order.
PREFIXES = {
    "ng": NG,
    "schema": SCHEMA,
    "org": ORG,
    "oa": OA,
    "prov": PROV,
    "wd": WD,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "xsd": XSD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the published prefixes on `graph` (replacing rdflib's defaults) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
