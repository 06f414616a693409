"""What the server says about a resource: its RDF description and the data of its page.

All reads go through :class:`Graph`, over the union of the store's graphs (each article
is its own named graph; entities shared by a corpus live in an entity graph). Values for
SPARQL queries are passed as substitutions, never pasted into the query text.

The **description** of an IRI (its RDF answer) is:

* its concise bounded description: every triple with it as subject, and, recursively,
  those of every blank node it reaches;
* its anchors: the triples of every node it links to that is a text anchor
  (``ng:TextAnchor``, ``oa:TextPositionSelector``, ``oa:TextQuoteSelector``), with theirs
  blank nodes followed the same way;
* the labels (``rdfs:label``, ``schema:name``) of every IRI that appears as an object in
  the triples above.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterator

import pyoxigraph as ox

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
NG = "https://w3id.org/newsgraph/ontology#"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
WIKIDATA = "http://www.wikidata.org/entity/"

PREFIXES = {
    "ng": NG, "schema": SCHEMA, "org": ORG, "oa": OA, "prov": PROV, "wd": WIKIDATA, "owl": OWL,
    "rdf": RDF, "rdfs": RDFS, "skos": "http://www.w3.org/2004/02/skos/core#", "dcterms": DCTERMS, "xsd": XSD,
}
_SPARQL_PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

_TYPE = ox.NamedNode(RDF + "type")
_WHERE = re.compile(r"WHERE\s*\{")
_LABELS = (ox.NamedNode(RDFS + "label"), ox.NamedNode(SCHEMA + "name"))
_ANCHOR_TYPES = frozenset(ox.NamedNode(t) for t in (NG + "TextAnchor", OA + "TextPositionSelector",
                                                    OA + "TextQuoteSelector"))

#: Fact classes, as the pages name them.
FACT_KINDS = {
    NG + "Quotation": "quote",
    NG + "ReportedClaim": "claim",
    NG + "Statistic": "statistic",
    NG + "RoleHolding": "role",
    NG + "CoalitionMembership": "membership",
}
ENTITY_KINDS = {
    SCHEMA + "Person": "person",
    NG + "Coalition": "coalition",
    SCHEMA + "Country": "country",
    NG + "Office": "office",
    SCHEMA + "Place": "place",
    SCHEMA + "Event": "event",
    SCHEMA + "Organization": "organization",
}


def value(term) -> str | None:
    """The lexical value of a term (an IRI's IRI, a literal's text), None for None."""
    if term is None:
        return None
    return term.value if hasattr(term, "value") else str(term)


def _str(sol, name: str) -> str | None:
    return value(sol[name])


@dataclass
class Anchor:
    iri: str
    start: int
    end: int
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    article: str | None = None

    @property
    def fragment(self) -> str:
        return f"anchor-{self.start}-{self.end}"


@dataclass
class Fact:
    iri: str
    kind: str  #: quote, claim, statistic, role, membership
    label: str
    anchors: list[Anchor] = field(default_factory=list)


class Graph:
    """Read access to a store for the pages; every query sees the union of its graphs."""

    def __init__(self, store: ox.Store, union_default: bool = True, datatypes: dict[str, str] | None = None):
        self.store = store
        self.union = union_default
        self.restore = DatatypeRestorer(datatypes or {})
        # Bounded, so that memory does not grow with the data served.
        self.label = lru_cache(maxsize=10_000)(self._label)
        self.kinds = lru_cache(maxsize=10_000)(self._types)
        self._is_anchor = lru_cache(maxsize=10_000)(self._is_anchor)
        self._labels_of = lru_cache(maxsize=10_000)(self._labels)
        self._descriptions = DescriptionCache(DESCRIPTION_CACHE_TRIPLES)

    # ------------------------------------------------------------------ basics

    def select(self, query: str, **bindings) -> Iterator:
        """Run ``query`` with ``bindings`` as a VALUES block at the start of its WHERE clause
        (terms written by pyoxigraph, which checks IRIs and escapes literals, so a value can
        never change the query)."""
        if bindings:
            names = " ".join(f"?{k}" for k in bindings)
            row = " ".join(str(_term(v)) for v in bindings.values())
            query = _WHERE.sub(lambda m: m.group(0) + f" VALUES ({names}) {{ ({row}) }} ", query, count=1)
        return iter(self.store.query(_SPARQL_PREFIXES + query, use_default_graph_as_union=self.union))

    def objects(self, subject: str, predicate: str) -> list:
        s, p = ox.NamedNode(subject), ox.NamedNode(predicate)
        return sorted({q.object for q in self.store.quads_for_pattern(s, p, None, None)}, key=str)

    def one(self, subject: str, predicate: str) -> str | None:
        values = self.objects(subject, predicate)
        return value(values[0]) if values else None

    def exists(self, iri: str) -> bool:
        node = ox.NamedNode(iri)
        for _ in self.store.quads_for_pattern(node, None, None, None):
            return True
        for _ in self.store.quads_for_pattern(None, None, node, None):
            return True
        return False

    def _types(self, iri: str) -> frozenset[str]:
        return frozenset(value(t) for t in self.objects(iri, RDF + "type"))

    def _label(self, iri: str) -> str:
        for p in (RDFS + "label", SCHEMA + "name", SCHEMA + "headline"):
            found = self.one(iri, p)
            if found:
                return found
        return self.computed_label(iri)

    def computed_label(self, iri: str) -> str:
        """A readable name for a node that has no rdfs:label or schema:name."""
        types = self.kinds(iri)
        one = lambda p: self.one(iri, p) or ""  # noqa: E731
        if NG + "Quotation" in types or NG + "ReportedClaim" in types:
            return "“" + _shorten(one(SCHEMA + "text"), 90) + "”"
        if NG + "Statistic" in types:
            text = " ".join(x for x in (one(NG + "asWritten") or one(SCHEMA + "value"), one(NG + "counts")) if x)
            if one(NG + "per"):
                text += " per " + one(NG + "per")
            if one(NG + "period"):
                text += " in " + one(NG + "period")
            return text
        if NG + "RoleHolding" in types:
            member = self.one(iri, ORG + "member")
            who = self.label(member) if member else "someone"
            return f"{who}, {one(SCHEMA + 'roleName') or 'role'}"
        if NG + "CoalitionMembership" in types:
            member, coalition = self.one(iri, ORG + "member"), self.one(iri, ORG + "organization")
            role = self.one(iri, ORG + "role")
            said = "leads" if role == NG + "LeadRole" else "joining" if role == NG + "JoiningRole" else "member of"
            return f"{self.label(member) if member else '?'} {said} {self.label(coalition) if coalition else '?'}"
        if NG + "TextAnchor" in types or OA + "TextQuoteSelector" in types:
            return "“" + _shorten(one(OA + "exact"), 90) + "”"
        tail = iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        return tail or iri

    # ------------------------------------------------------------------ the RDF description

    def describe(self, iri: str) -> "Description":
        """The description of ``iri`` (see the module docstring), sorted by the N-Triples
        form (subject, then predicate, then object), no duplicates; the last ones made are
        kept (the HTML page and the RDF forms of an IRI share one)."""
        found = self._descriptions.get(iri)
        if found is None:
            found = self._describe(iri)
            self._descriptions.put(iri, found)
        return found

    def _describe(self, iri: str) -> "Description":
        # Reading the store is most of the cost (Oxigraph looks up every string of every
        # quad), so each quad is read once: the anchor test and the labels come from small
        # caches, and an anchor's labels are among its own triples.
        store = self.store
        root = ox.NamedNode(iri)
        triples: set[ox.Triple] = set()
        done: set = {root}
        linked: set = set()

        def follow(node) -> None:
            todo = [node]
            while todo:
                for q in store.quads_for_pattern(todo.pop(), None, None, None):
                    t = q.triple
                    if t in triples:
                        continue
                    triples.add(t)
                    o = t.object
                    if isinstance(o, ox.NamedNode):
                        linked.add(o)
                    elif isinstance(o, ox.BlankNode) and o not in done:
                        done.add(o)
                        todo.append(o)

        follow(root)
        for obj in list(linked):
            if obj not in done and self._is_anchor(obj):
                done.add(obj)
                follow(obj)
        for obj in linked:
            if obj not in done:  # the root's and the anchors' labels are in their own triples
                triples.update(self._labels_of(obj))
        return Description.of(triples, self.restore)

    def _is_anchor(self, node: ox.NamedNode) -> bool:
        return any(q.object in _ANCHOR_TYPES for q in self.store.quads_for_pattern(node, _TYPE, None, None))

    def _labels(self, node: ox.NamedNode) -> tuple[ox.Triple, ...]:
        return tuple(q.triple for p in _LABELS for q in self.store.quads_for_pattern(node, p, None, None))

    # ------------------------------------------------------------------ counts and lists

    def counts(self, triples: int | None = None) -> dict[str, int]:
        out = {"triples": triples if triples is not None else len(self.store)}
        for name, cls in (("articles", SCHEMA + "NewsArticle"), ("persons", SCHEMA + "Person"),
                          ("quotes", NG + "Quotation"), ("claims", NG + "ReportedClaim"),
                          ("statistics", NG + "Statistic"), ("roles", NG + "RoleHolding"),
                          ("coalitions", NG + "Coalition"), ("countries", SCHEMA + "Country"),
                          ("organizations", SCHEMA + "Organization")):
            sol = next(self.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c }", c=ox.NamedNode(cls)))
            out[name] = int(sol["n"].value)
        return out

    def class_counts(self) -> list[tuple[str, int]]:
        rows = self.select("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c")
        return [(_str(r, "c"), int(r["n"].value)) for r in rows if isinstance(r["c"], ox.NamedNode)]

    def articles(self, limit: int | None = None) -> list[dict]:
        rows = self.select("""
            SELECT ?a (SAMPLE(?h) AS ?headline) (SAMPLE(?d) AS ?date) WHERE {
              ?a a schema:NewsArticle . OPTIONAL { ?a schema:headline ?h } OPTIONAL { ?a schema:datePublished ?d }
            } GROUP BY ?a""")
        items = [{"iri": _str(r, "a"), "headline": _str(r, "headline") or self.label(_str(r, "a")),
                  "date": _str(r, "date")} for r in rows]
        items.sort(key=lambda a: (a["date"] is None, _neg(a["date"]), a["headline"], a["iri"]))
        return items[:limit] if limit else items

    def subjects_under(self, base: str, limit: int) -> list[str]:
        """IRIs under ``base`` that have a description (for the sitemap), sorted."""
        rows = self.select("SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), ?base)) }"
                           " ORDER BY ?s LIMIT " + str(int(limit)), base=ox.Literal(base))
        return [_str(r, "s") for r in rows]

    def licences(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?l WHERE { ?s dcterms:license|schema:license ?l } ORDER BY ?l LIMIT 20")
        return [_str(r, "l") for r in rows]

    #: What search looks through: names, alternate names and labels, headlines, words of
    #: quotes and reported claims; ``%s`` is where the server's search adds its condition.
    _SEARCHABLE = """
            SELECT DISTINCT ?s ?text ?how WHERE {
              { ?s schema:name|schema:alternateName|rdfs:label ?text BIND("name" AS ?how) }
              UNION { ?s schema:headline ?text BIND("headline" AS ?how) }
              UNION { ?s a ng:Statement ; schema:text ?text BIND("quote" AS ?how) }
              UNION { ?s a ng:Quotation ; schema:text ?text BIND("quote" AS ?how) }
              UNION { ?s a ng:ReportedClaim ; schema:text ?text BIND("claim" AS ?how) }
              FILTER(isIRI(?s)%s)
            } ORDER BY ?how ?text ?s"""

    def search(self, text: str, limit: int = 100) -> list[dict]:
        rows = self.select(self._SEARCHABLE % " && CONTAINS(LCASE(STR(?text)), LCASE(?q))"
                           + " LIMIT " + str(int(limit) * 3), q=ox.Literal(text))
        seen, out = set(), []
        for r in rows:
            iri = _str(r, "s")
            if iri in seen:
                continue
            seen.add(iri)
            out.append({"iri": iri, "text": _str(r, "text"), "how": _str(r, "how"), "label": self.label(iri)})
            if len(out) >= limit:
                break
        return out

    def searchable(self) -> list[dict]:
        """Every row :meth:`search` looks through, in its order (for a search in the browser)."""
        return [{"iri": _str(r, "s"), "text": _str(r, "text"), "how": _str(r, "how"), "label": self.label(_str(r, "s"))}
                for r in self.select(self._SEARCHABLE % "")]

    # ------------------------------------------------------------------ anchors and facts

    def anchors_of_each(self, iris: list[str], predicate: str = NG + "anchor") -> dict[str, list[Anchor]]:
        """:meth:`anchors_of` of several IRIs, from one query."""
        if not iris:
            return {}
        rows = self.select("""
            SELECT DISTINCT ?f ?x ?start ?end ?exact ?prefix ?suffix ?article WHERE {
              VALUES ?f { %s } ?f %s ?x . ?x oa:start ?start ; oa:end ?end .
              OPTIONAL { ?x oa:exact ?exact } OPTIONAL { ?x oa:prefix ?prefix } OPTIONAL { ?x oa:suffix ?suffix }
              OPTIONAL { ?x ng:inArticle ?article }
            }""" % (" ".join(str(ox.NamedNode(i)) for i in iris), ox.NamedNode(predicate)))
        out: dict[str, list[Anchor]] = {}
        for r in rows:
            out.setdefault(_str(r, "f"), []).append(_anchor(r))
        return {f: sorted(a, key=lambda a: (a.start, a.end, a.iri)) for f, a in out.items()}

    def anchors_of(self, iri: str, predicate: str = NG + "anchor") -> list[Anchor]:
        rows = self.select("""
            SELECT DISTINCT ?x ?start ?end ?exact ?prefix ?suffix ?article WHERE {
              ?f ?p ?x . ?x oa:start ?start ; oa:end ?end .
              OPTIONAL { ?x oa:exact ?exact } OPTIONAL { ?x oa:prefix ?prefix } OPTIONAL { ?x oa:suffix ?suffix }
              OPTIONAL { ?x ng:inArticle ?article }
            }""", f=ox.NamedNode(iri), p=ox.NamedNode(predicate))
        return sorted((_anchor(r) for r in rows), key=lambda a: (a.start, a.end, a.iri))

    def article_facts(self, article: str) -> list[Fact]:
        """Every fact derived from ``article`` with its anchors in that article."""
        rows = self.select("""
            SELECT DISTINCT ?f ?type ?x ?start ?end ?exact WHERE {
              ?f prov:wasDerivedFrom ?a ; a ?type .
              OPTIONAL { ?f ng:anchor ?x . ?x oa:start ?start ; oa:end ?end . OPTIONAL { ?x oa:exact ?exact } }
            }""", a=ox.NamedNode(article))
        facts: dict[str, Fact] = {}
        for r in rows:
            kind = FACT_KINDS.get(_str(r, "type"))
            if kind is None:
                continue
            iri = _str(r, "f")
            fact = facts.setdefault(iri, Fact(iri, kind, self.label(iri)))
            if r["x"] is not None and r["start"] is not None:
                a = Anchor(_str(r, "x"), int(r["start"].value), int(r["end"].value), _str(r, "exact") or "")
                if all(x.iri != a.iri for x in fact.anchors):
                    fact.anchors.append(a)
        for fact in facts.values():
            fact.anchors.sort(key=lambda a: (a.start, a.end))
        order = list(FACT_KINDS.values())
        return sorted(facts.values(), key=lambda f: (order.index(f.kind), f.anchors[0].start if f.anchors else 0, f.iri))

    def article_of(self, iri: str) -> str | None:
        return self.one(iri, PROV + "wasDerivedFrom") or self.one(iri, NG + "inArticle") or self.one(
            iri, SCHEMA + "isPartOf")

    def article_meta(self, article: str) -> dict:
        one = lambda p: self.one(article, p)  # noqa: E731
        publisher = one(SCHEMA + "publisher")
        return {
            "iri": article,
            "headline": one(SCHEMA + "headline") or self.label(article),
            "date": one(SCHEMA + "datePublished"),
            "author": [value(a) if not isinstance(a, ox.NamedNode) else self.label(a.value)
                       for a in self.objects(article, SCHEMA + "author")],
            "publisher": publisher,
            "publisher_label": self.label(publisher) if publisher else None,
            "url": one(SCHEMA + "url"),
            "language": one(SCHEMA + "inLanguage"),
            "sha256": one(NG + "sha256"),
            "source_file": one(NG + "sourceFile"),
            "text": one(SCHEMA + "text") or "",
            "licence": one(DCTERMS + "license") or one(SCHEMA + "license"),
        }

    def mentioned(self, article: str) -> list[dict]:
        rows = self.select("SELECT DISTINCT ?e WHERE { ?a schema:mentions ?e }", a=ox.NamedNode(article))
        items = [{"iri": _str(r, "e"), "label": self.label(_str(r, "e")), "kind": self.entity_kind(_str(r, "e"))}
                 for r in rows]
        return sorted(items, key=lambda e: (list(ENTITY_KINDS.values()).index(e["kind"]) if e["kind"] in
                                            ENTITY_KINDS.values() else 99, e["label"].lower()))

    def entity_kind(self, iri: str) -> str | None:
        types = self.kinds(iri)
        for cls, kind in ENTITY_KINDS.items():
            if cls in types:
                return kind
        return None

    def fact_kind(self, iri: str) -> str | None:
        types = self.kinds(iri)
        for cls, kind in FACT_KINDS.items():
            if cls in types:
                return kind
        return None

    # ------------------------------------------------------------------ entities

    def names(self, iri: str) -> dict:
        alt = sorted({value(v) for v in self.objects(iri, SCHEMA + "alternateName")})
        same = sorted({value(v) for p in (OWL + "sameAs", SCHEMA + "sameAs") for v in self.objects(iri, p)
                       if isinstance(v, ox.NamedNode)})
        return {"name": self.label(iri), "alternate": alt, "same_as": same,
                "wikidata": [s for s in same if s.startswith(WIKIDATA)],
                "link_method": self.one(iri, NG + "linkMethod"), "role_name": self.one(iri, SCHEMA + "roleName"),
                "post_in": self.one(iri, ORG + "postIn")}

    def roles(self, *, member: str | None = None, post: str | None = None, role_of: str | None = None,
              sources: list[str] | None = None) -> list[dict]:
        """Role holdings (who held which office when), with predecessor and successor, sourced
        (``sources``: only those derived from these articles)."""
        where = {"member": "?r org:member ?x .", "post": "?r ng:post ?x .", "role_of": "?r ng:roleOf ?x ."}
        key, x = next((k, v) for k, v in (("member", member), ("post", post), ("role_of", role_of)) if v)
        rows = self.select(f"""
            SELECT DISTINCT ?r ?m ?post ?name ?of ?start ?end ?pred ?a ?date WHERE {{
              {_from_sources("?r", sources)} {_inline(where[key], "?x", x, sources)}
              ?r a ng:RoleHolding ; org:member ?m .
              OPTIONAL {{ ?r ng:post ?post }} OPTIONAL {{ ?r schema:roleName ?name }} OPTIONAL {{ ?r ng:roleOf ?of }}
              OPTIONAL {{ ?r schema:startDate ?start }} OPTIONAL {{ ?r schema:endDate ?end }}
              OPTIONAL {{ ?r ng:predecessor ?pred }}
              OPTIONAL {{ ?r prov:wasDerivedFrom ?a OPTIONAL {{ ?a schema:datePublished ?date }} }}
            }}""", **_bound("x", x, sources))
        items: dict[str, dict] = {}
        for r in rows:
            iri = _str(r, "r")
            item = items.setdefault(iri, {
                "iri": iri, "member": _str(r, "m"), "post": _str(r, "post"), "role_name": _str(r, "name"),
                "of": _str(r, "of"), "start": _str(r, "start"), "end": _str(r, "end"), "predecessor": _str(r, "pred"),
                "article": _str(r, "a"), "article_date": _str(r, "date"), "successors": [],
            })
            if item["predecessor"] is None and r["pred"] is not None:
                item["predecessor"] = _str(r, "pred")
        successors: dict[tuple, list[str]] = {}  # a person holds the same post in many articles
        for item in items.values():
            key = (item["member"], item["post"])
            if key not in successors:
                successors[key] = self._successors(*key)
            item["successors"] = successors[key]
        anchors = self.anchors_of_each(list(items))
        for item in items.values():
            item["anchors"] = anchors.get(item["iri"], [])
        return sorted(items.values(), key=lambda i: (_date_key(i["start"] or i["end"]), i["role_name"] or "", i["iri"]))

    def _successors(self, person: str, post: str | None) -> list[str]:
        """Who took over ``post`` from ``person``: holders of the same post naming them as predecessor."""
        if not post:
            return []
        rows = self.select("SELECT DISTINCT ?s WHERE { ?r a ng:RoleHolding ; ng:post ?post ; ng:predecessor ?p ;"
                           " org:member ?s }", post=ox.NamedNode(post), p=ox.NamedNode(person))
        return sorted(_str(r, "s") for r in rows)

    def statements(self, speaker: str, sources: list[str] | None = None) -> list[dict]:
        rows = self.select("""
            SELECT DISTINCT ?q ?type ?text ?a ?date WHERE { """ + _from_sources("?q", sources)
                           + _inline("?q ng:speaker ?p ;", "?p", speaker, sources) + """ a ?type ; schema:text ?text .
              FILTER(?type IN (ng:Quotation, ng:ReportedClaim))
              OPTIONAL { ?q prov:wasDerivedFrom ?a OPTIONAL { ?a schema:datePublished ?date } }
            }""", **_bound("p", speaker, sources))
        items = [{"iri": _str(r, "q"), "kind": FACT_KINDS[_str(r, "type")], "text": _str(r, "text"),
                  "article": _str(r, "a"), "date": _str(r, "date")} for r in rows]
        return sorted(items, key=lambda i: (i["kind"] != "quote", _date_key(i["date"]), i["iri"]))

    def statistics(self, *, claimed_by: str | None = None, about: str | None = None,
                   sources: list[str] | None = None) -> list[dict]:
        if claimed_by:
            pattern, x = "?s ng:claimedBy ?x .", claimed_by
        else:
            pattern, x = "?s ng:about ?x .", about
        rows = self.select("SELECT DISTINCT ?s WHERE { " + _from_sources("?s", sources)
                           + _inline(pattern, "?x", x, sources) + " ?s a ng:Statistic }", **_bound("x", x, sources))
        return sorted((self.statistic(_str(r, "s")) for r in rows),
                      key=lambda s: (_date_key(s["date"]), s["counts"] or "", s["iri"]))

    def statistic(self, iri: str) -> dict:
        # Its triples read at once; of several values, the first by their N-Triples form (as :meth:`one`).
        values: dict[str, list] = defaultdict(list)
        for q in self.store.quads_for_pattern(ox.NamedNode(iri), None, None, None):
            values[q.predicate.value].append(q.object)
        one = lambda p: value(min(values[p], key=str)) if values.get(p) else None  # noqa: E731
        article = one(PROV + "wasDerivedFrom")
        kind = one(NG + "statisticKind")
        return {
            "iri": iri, "value": one(SCHEMA + "value"), "upper": one(NG + "upperValue"), "counts": one(NG + "counts"),
            "qualifier": one(NG + "qualifier"), "per": one(NG + "per"), "period": one(NG + "period"),
            "kind": kind, "kind_label": self.label(kind) if kind else None, "about": one(NG + "about"),
            "claimed_by": one(NG + "claimedBy"), "as_written": one(NG + "asWritten"), "sentence": one(NG + "sentence"),
            "article": article, "date": self.one(article, SCHEMA + "datePublished") if article else None,
        }

    def memberships(self, *, coalition: str | None = None, member: str | None = None,
                    sources: list[str] | None = None) -> list[dict]:
        pattern, x = ("?m org:organization ?x .", coalition) if coalition else ("?m org:member ?x .", member)
        rows = self.select("""
            SELECT DISTINCT ?m ?c ?country ?role ?a ?date WHERE { """ + _from_sources("?m", sources)
                           + _inline(pattern, "?x", x, sources) + """
              ?m a ng:CoalitionMembership ; org:organization ?c ; org:member ?country .
              OPTIONAL { ?m org:role ?role }
              OPTIONAL { ?m prov:wasDerivedFrom ?a OPTIONAL { ?a schema:datePublished ?date } }
            }""", **_bound("x", x, sources))
        items = [{"iri": _str(r, "m"), "coalition": _str(r, "c"), "member": _str(r, "country"),
                  "lead": _str(r, "role") == NG + "LeadRole", "article": _str(r, "a"), "date": _str(r, "date")}
                 for r in rows]
        return sorted(items, key=lambda i: (self.label(i["coalition"]).lower(), not i["lead"],
                                            self.label(i["member"]).lower(), _date_key(i["date"]), i["iri"]))

    def offices(self, post_in: str) -> list[str]:
        rows = self.select("SELECT DISTINCT ?o WHERE { ?o org:postIn ?x }", x=ox.NamedNode(post_in))
        return sorted(_str(r, "o") for r in rows)

    def mentioning_articles(self, iri: str) -> list[dict]:
        rows = self.select("""
            SELECT DISTINCT ?a WHERE { { ?a schema:mentions ?x } UNION { ?a schema:publisher ?x } ?a a schema:NewsArticle }""",
                           x=ox.NamedNode(iri))
        items = [{"iri": _str(r, "a"), "headline": self.label(_str(r, "a")),
                  "date": self.one(_str(r, "a"), SCHEMA + "datePublished")} for r in rows]
        return sorted(items, key=lambda a: (a["date"] is None, _neg(a["date"]), a["headline"], a["iri"]))

    def incoming(self, iri: str, limit: int = 200) -> list[tuple[str, str]]:
        """(subject, predicate) pairs pointing at ``iri``: the generic page's "linked from"."""
        rows = self.select("SELECT DISTINCT ?s ?p WHERE { ?s ?p ?x FILTER(isIRI(?s)) } ORDER BY ?p ?s LIMIT "
                           + str(int(limit)), x=ox.NamedNode(iri))
        return [(_str(r, "s"), _str(r, "p")) for r in rows]

    # ------------------------------------------------------------------ claims ledger

    def ledger_fields(self) -> Iterator[dict]:
        """For every statistic with ``ng:counts``, the fields :func:`ledger_key` and the
        ledger's order need, as :meth:`statistic` reads them (of several values, the first
        by their N-Triples form), from one query, one statistic at a time."""
        rows = self.select("""
            SELECT ?s ?counts ?about ?per ?period ?kind ?a ?date WHERE {
              ?s a ng:Statistic ; ng:counts ?counts .
              OPTIONAL { ?s ng:about ?about } OPTIONAL { ?s ng:per ?per } OPTIONAL { ?s ng:period ?period }
              OPTIONAL { ?s ng:statisticKind ?kind }
              OPTIONAL { ?s prov:wasDerivedFrom ?a OPTIONAL { ?a schema:datePublished ?date } }
            } ORDER BY ?s""")
        fields = ("counts", "about", "per", "period", "kind")
        current, values, dates = None, {}, {}

        def done() -> dict:
            stat = {"iri": current.value}
            for name in fields:
                stat[name] = value(min(values[name], key=str)) if values.get(name) else None
            article = min(dates, key=str) if dates else None
            stat["date"] = value(min(dates[article], key=str)) if article is not None and dates[article] else None
            return stat

        for r in rows:
            if r["s"] != current:
                if current is not None:
                    yield done()
                current, values, dates = r["s"], {}, {}
            for name in fields:
                if r[name] is not None:
                    values.setdefault(name, set()).add(r[name])
            if r["a"] is not None:
                found = dates.setdefault(r["a"], set())
                if r["date"] is not None:
                    found.add(r["date"])
        if current is not None:
            yield done()


# ---------------------------------------------------------------------------- datatypes

#: XSD types derived from xsd:integer. Oxigraph stores their literals as xsd:integer (the
#: value is kept, the datatype is not): "57"^^xsd:nonNegativeInteger comes back as 57.
DERIVED_INTEGERS = frozenset(XSD + t for t in (
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int", "short",
    "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_XSD_INTEGER = ox.NamedNode(XSD + "integer")


class DatatypeRestorer:
    """Gives back the datatype the shapes require for a property (``sh:datatype``, one of
    :data:`DERIVED_INTEGERS`) to the xsd:integer literals Oxigraph returns for it, so that
    what is served is what was published."""

    def __init__(self, datatypes: dict[str, str]):
        self.datatypes = {ox.NamedNode(p): ox.NamedNode(dt) for p, dt in datatypes.items() if dt in DERIVED_INTEGERS}
        #: For N-Triples lines: property → (what its lines hold after the subject, how the
        #: restored literal ends the line, the datatype). In a line, ' <P> "' can only be
        #: the predicate followed by a literal (a '"' inside a literal is written '\\"').
        self.markers = {p: (f' <{p.value}> "', f'"^^<{dt.value}> .', dt) for p, dt in self.datatypes.items()}

    def triple(self, t):
        dt = self.datatypes.get(t.predicate)
        o = t.object
        if dt is not None and isinstance(o, ox.Literal) and o.datatype == _XSD_INTEGER:
            return ox.Triple(t.subject, t.predicate, ox.Literal(o.value, datatype=dt))
        return t

    def quad(self, q):
        dt = self.datatypes.get(q.predicate)
        o = q.object
        if dt is not None and isinstance(o, ox.Literal) and o.datatype == _XSD_INTEGER:
            return ox.Quad(q.subject, q.predicate, ox.Literal(o.value, datatype=dt), q.graph_name)
        return q


#: How many triples of descriptions :class:`Graph` keeps (the most recently made).
DESCRIPTION_CACHE_TRIPLES = 20_000


class Description:
    """An IRI's description: its triples sorted by their N-Triples form, and that form."""

    __slots__ = ("triples", "nt")

    def __init__(self, triples: list, nt: bytes):
        self.triples = triples
        self.nt = nt

    def __len__(self) -> int:
        return len(self.triples)

    def __iter__(self):
        return iter(self.triples)

    @classmethod
    def of(cls, triples, restore: "DatatypeRestorer") -> "Description":
        """From a set of triples as the store gives them: datatypes restored, sorted by
        their N-Triples lines (the order of ``str(triple)``), written once by pyoxigraph."""
        items = list(triples)
        if not items:
            return cls([], b"")
        text = ox.serialize(items, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        lines = text.split("\n")
        lines.pop()  # after the last newline
        # Restoring datatypes on the lines that need it (found by their text) spares a look
        # at every triple's predicate.
        for predicate, (marker, written, datatype) in restore.markers.items():
            if marker not in text:
                continue
            for i, line in enumerate(lines):
                if marker in line and line.endswith(_INTEGER_END):
                    t = items[i]
                    items[i] = ox.Triple(t.subject, predicate, ox.Literal(t.object.value, datatype=datatype))
                    lines[i] = line[: -len(_INTEGER_END)] + written
        order = sorted(range(len(lines)), key=lines.__getitem__)
        return cls([items[i] for i in order], "".join(lines[i] + "\n" for i in order).encode("utf-8"))


#: How an xsd:integer literal ends its N-Triples line.
_INTEGER_END = f'"^^<{XSD}integer> .'


class DescriptionCache:
    """The descriptions made last, at most ``budget`` triples in all (the least recently
    used go first; one larger than a quarter of that is not kept). Thread-safe."""

    def __init__(self, budget: int):
        self.budget = budget
        self.size = 0
        self.items: OrderedDict[str, Description] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, iri: str) -> Description | None:
        with self.lock:
            found = self.items.get(iri)
            if found is not None:
                self.items.move_to_end(iri)
            return found

    def put(self, iri: str, description: Description) -> None:
        if len(description) > self.budget // 4:
            return
        with self.lock:
            if iri in self.items:
                return
            self.items[iri] = description
            self.size += len(description)
            while self.size > self.budget:
                _, old = self.items.popitem(last=False)
                self.size -= len(old)


def shape_datatypes(shapes_ttl: bytes) -> dict[str, str]:
    """Property IRI → the one derived-integer datatype the shapes give it (sh:path, sh:datatype)."""
    from rdflib import Graph as RDFGraph, URIRef
    from rdflib.namespace import SH

    g = RDFGraph()
    g.parse(data=shapes_ttl, format="turtle")
    found: dict[str, set[str]] = defaultdict(set)
    for shape in set(g.subjects(SH.datatype, None)):
        path = g.value(shape, SH.path)
        if isinstance(path, URIRef):
            found[str(path)].update(str(dt) for dt in g.objects(shape, SH.datatype))
    return {p: next(iter(dts)) for p, dts in found.items() if len(dts) == 1 and next(iter(dts)) in DERIVED_INTEGERS}


# ---------------------------------------------------------------------------- ledger


@dataclass
class Ledger:
    """Every statistic that counts the same thing: the same ``ng:counts`` (case and spaces
    ignored), subject (``ng:about``), unit (``ng:per``), kind of period and statistic kind.
    It holds the statistics' IRIs only (a page reads each when it is made), so that the
    ledgers of a large corpus take little memory."""

    slug: str
    counts: str
    about: str | None
    per: str | None
    period_kind: str | None
    kind: str | None
    key: tuple  #: :func:`ledger_key` of its statistics
    statistics: tuple[str, ...]  #: by the date of their article, undated last
    dated: int  #: how many have a dated article


def period_kind(period: str | None) -> str | None:
    """The unit of a period: 'two months', 'one month' and 'recent months' are all 'month'."""
    if not period:
        return None
    words = re.findall(r"[A-Za-z]+", period.lower())
    if not words:
        return None
    unit = words[-1]
    return unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


def ledger_key(stat: dict) -> tuple:
    """What a statistic's ledger is, from :meth:`Graph.statistic`'s fields."""
    return (" ".join((stat["counts"] or "").lower().split()), stat["about"], (stat["per"] or "").lower() or None,
            period_kind(stat["period"]), stat["kind"])


def _slug(text: str) -> str:
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", text)  # RelativeChange → relative-change
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def ledgers(graph: Graph) -> list[Ledger]:
    groups: dict[tuple, list[tuple]] = defaultdict(list)
    for stat in graph.ledger_fields():
        groups[ledger_key(stat)].append((stat["date"], stat["iri"], stat["counts"], stat["per"]))
    out = []
    for key, rows in groups.items():
        counts, about, per, pkind, kind = key
        parts = [_slug(counts)]
        if per:
            parts.append("per-" + _slug(per))
        if about:
            parts.append("about-" + _slug(about.rstrip("/").rsplit("/", 1)[-1]))
        if pkind:
            parts.append("in-" + _slug(pkind))
        if kind:
            parts.append(_slug(kind.rsplit("#", 1)[-1].rsplit("/", 1)[-1]))
        rows.sort(key=lambda r: (r[0] is None, r[0] or "", r[1]))
        out.append(Ledger("--".join(parts), rows[0][2] or counts, about, rows[0][3], pkind, kind, key,
                          tuple(r[1] for r in rows), sum(1 for r in rows if r[0])))
    out.sort(key=lambda lg: (-len(lg.statistics), lg.slug))
    # Keys that differ only in what the slug drops (spelling of the subject IRI) get a number.
    seen: dict[str, int] = {}
    for lg in out:
        n = seen.get(lg.slug, 0)
        seen[lg.slug] = n + 1
        if n:
            lg.slug = f"{lg.slug}--{n + 1}"
    return out


# ---------------------------------------------------------------------------- helpers


def _term(v):
    if isinstance(v, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return v
    return ox.Literal(str(v))


def _from_sources(var: str, sources: list[str] | None) -> str:
    """A group pattern keeping ``var`` to what was derived from one of ``sources`` (article
    IRIs, written by pyoxigraph), or nothing when ``sources`` is None."""
    if sources is None:
        return ""
    return "VALUES ?source_ { %s } %s prov:wasDerivedFrom ?source_ ." % (
        " ".join(str(ox.NamedNode(a)) for a in sources), var)


def _inline(pattern: str, var: str, iri: str, sources: list[str] | None) -> str:
    """``pattern`` with ``var`` written as ``iri`` when ``sources`` is given: with the
    sources' VALUES, Oxigraph plans the query better with the IRI in place than bound."""
    return pattern if sources is None else pattern.replace(var, str(ox.NamedNode(iri)))


def _bound(name: str, iri: str, sources: list[str] | None) -> dict:
    """The binding :func:`_inline` did not write in place."""
    return {name: ox.NamedNode(iri)} if sources is None else {}


def _anchor(r) -> Anchor:
    return Anchor(_str(r, "x"), int(r["start"].value), int(r["end"].value), _str(r, "exact") or "",
                  _str(r, "prefix") or "", _str(r, "suffix") or "", _str(r, "article"))


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _date_key(d: str | None) -> str:
    return d or "9999"


def _neg(d: str | None) -> tuple:
    """Sort key for newest first."""
    return tuple(-ord(c) for c in (d or ""))


def parse_date(text: str | None) -> date | None:
    """A date from xsd:date, xsd:dateTime, xsd:gYearMonth ("2023-09") or xsd:gYear text."""
    if not text:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> tuple[str, str, str]:
    """(before, marked, after): the sentence(s) holding ``text[start:end]``, the span apart."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left = start
    while left > 0 and start - left < limit:
        if text[left - 1] == "\n" or (text[left - 1] == " " and left >= 2 and text[left - 2] in ".!?"):
            break
        left -= 1
    right = end
    while right < len(text) and right - end < limit:
        if text[right] == "\n":
            break
        right += 1
        if text[right - 1] in ".!?" and (right >= len(text) or text[right] in " \n”\""):
            while right < len(text) and text[right] in "”\"’":
                right += 1
            break
    return text[left:start], text[start:end], text[end:right]
