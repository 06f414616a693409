"""Namespaces and the default IRI base. The ontology's own terms live in `NG`."""

from __future__ import annotations

from urllib.parse import urlsplit

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

#: newsgraph's ontology (ontology/newsgraph.ttl).
NG = Namespace("https://w3id.org/newsgraph/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")
VOID = Namespace("http://rdfs.org/ns/void#")

#: Where data IRIs live unless the user gives --base. Documented in the README.
DEFAULT_BASE = "https://w3id.org/newsgraph/id/"

#: The licence of the extracted data (the article graph, and a corpus built from such graphs)
#: unless the user gives --licence: CC BY 4.0. It never covers the article's own text, which
#: stays its publisher's (docs/vocabulary.md, "Article graph"). Documented in the README.
DEFAULT_LICENCE = "https://creativecommons.org/licenses/by/4.0/"


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
    "void": VOID,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "xsd": XSD,
}


def licence_problem(iri: str) -> str | None:
    """Why `iri` cannot be a licence IRI (it must be an absolute http or https IRI), or None."""
    return _http_iri_problem(iri, "https://creativecommons.org/licenses/by/4.0/")


def base_problem(iri: str) -> str | None:
    """Why `iri` cannot be the base of data IRIs (an absolute http or https IRI), or None."""
    problem = _http_iri_problem(iri, DEFAULT_BASE)
    if problem is None and (urlsplit(iri).query or "#" in iri.rstrip("#")):
        return f"must not hold a query or a fragment before its end (like {DEFAULT_BASE})"
    return problem


def url_problem(url: str) -> str | None:
    """Why `url` cannot be an article's address (an absolute http or https IRI), or None."""
    return _http_iri_problem(url, "https://example.com/news/story")


def _http_iri_problem(iri: str, example: str) -> str | None:
    if not iri or any(c.isspace() or c in '<>"{}|\\^`' or ord(c) < 0x20 for c in iri):
        return "is not an IRI (empty, or holds spaces or characters such as < > \" { })"
    try:
        parts = urlsplit(iri)
        parts.port  # noqa: B018 (a port that is no number raises here, as it would for every later user)
    except ValueError:  # "http://[": an unclosed IPv6 bracket
        return f"is not an absolute http(s) IRI (like {example}): its host or port is malformed"
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return f"is not an absolute http(s) IRI (like {example})"
    return None


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the published prefixes on `graph` (replacing rdflib's defaults) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
