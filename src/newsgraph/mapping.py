"""Record → RDF graph, following docs/vocabulary.md.

IRIs are derived from the base, the article's identity and the normalised fact, never
from run order or time, so a rebuild gives the same IRIs and published graphs diff cleanly.

Every fact and anchor gets an `rdfs:label` built from its own data (so a linked-data browser
shows words, not hashes), and the graph describes itself (`{article}/graph`): its licence and
how much of the article's text it carries (`TEXT_POLICIES`).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import Graph, Literal, URIRef, namespace

from newsgraph import namespaces
from newsgraph.errors import RecordError
from newsgraph.model import STATISTIC_MAX_DIGITS, Anchor, Entity, Record, entity_key
from newsgraph.namespaces import DEFAULT_BASE, DEFAULT_LICENCE, bind_prefixes, licence_problem, normalise_base
from newsgraph.text import normalise, slugify


class _Terms:
    """A namespace whose terms are built once. rdflib's namespaces build a new URIRef on every
    attribute access, and the store then compares equal but distinct terms string by string on
    each lookup; one object per term keeps both cheap (a graph has a thousand triples or more)."""

    def __init__(self, ns: Any):
        self._ns = ns

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)  # not a term: `_ns` before __init__, copy and pickle hooks
        term = self._ns[name]
        setattr(self, name, term)  # later look-ups find the attribute and skip __getattr__
        return term

    def __getitem__(self, name: str) -> URIRef:
        return self._ns[name]


NG, OA, ORG, SCHEMA, VOID, WD = (_Terms(ns) for ns in (namespaces.NG, namespaces.OA, namespaces.ORG, namespaces.SCHEMA, namespaces.VOID, namespaces.WD))
DCTERMS, OWL, PROV, RDF, RDFS, XSD = (_Terms(ns) for ns in (namespace.DCTERMS, namespace.OWL, namespace.PROV, namespace.RDF, namespace.RDFS, namespace.XSD))

#: How much of the article's text a graph carries (`--text`), and the concept that says so.
#: full: the whole text as schema:text. excerpt: no schema:text; the sentences that hold a
#: fact's anchor, each as an ng:excerpt span with its offsets. none: no article text at all
#: (nor a statistic's ng:sentence). In every mode each anchor keeps oa:exact, oa:prefix and
#: oa:suffix, and the article keeps ng:sha256, so a reader who has the text can check it.
TEXT_POLICIES = {"full": NG.FullText, "excerpt": NG.ExcerptsOnly, "none": NG.NoText}
DEFAULT_TEXT_POLICY = "full"

#: What `dcterms:rights` says on every article graph: the licence is ours to give only for the data.
RIGHTS = (
    "The licence (dcterms:license) covers the data extracted from the article. The article itself, "
    "its text and the words quoted from it remain under its publisher's copyright."
)

#: Label lengths (characters) before a label is cut with "…": quoted words, and anchor texts.
_WORDS_IN_LABEL = 60
_ANCHOR_LABEL = 80

#: Where a sentence starts: after a line break, or after ., !, ? or … (and any closing quote or
#: bracket) and spaces, when what follows is not a lower-case letter. Good enough to widen a
#: fact's anchor to its sentence for an excerpt; an abbreviation ("U.S. officials") only
#: makes that excerpt start a little late, never miss the anchor.
_SENTENCE_BREAK = re.compile(r"\n\s*|(?<=[.!?…])[\"”’»)\]]*[ \t]+(?=[^a-z\s])")

_ENTITY_CLASSES = {
    "Person": SCHEMA.Person,
    "Country": SCHEMA.Country,
    "Place": SCHEMA.Place,
    "Organization": SCHEMA.Organization,
    "Event": SCHEMA.Event,
}

_STATISTIC_KINDS = {
    "count": NG.Count,
    "ratio": NG.Ratio,
    "relative change": NG.RelativeChange,
    "duration": NG.Duration,
    "amount": NG.Amount,
}

_DATE_TYPES = (
    (re.compile(r"^\d{4}$"), XSD.gYear),
    (re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"), XSD.date),
)


def record_to_graph(record: Record, base: str = DEFAULT_BASE, licence: str = DEFAULT_LICENCE,
                    text: str = DEFAULT_TEXT_POLICY) -> Graph:
    """The RDF graph of one record, under `base` (which must end with '/' or '#'), its data
    under `licence` (an absolute http(s) IRI), carrying the article text as `text` says
    (one of TEXT_POLICIES)."""
    mapped = record_to_triples(record, base, licence, text)
    graph = mapped.prefix_graph
    for triple in mapped.triples:
        graph.add(triple)
    return graph


class MappedTriples:
    """The triples of one record and the prefixes to write them with, without an rdflib store.

    Adding a triple to rdflib's in-memory store costs about 9 µs, a third of mapping an article;
    callers that only read the triples once or twice (validation, the writers, a corpus worker)
    take this instead of a Graph. It iterates, counts and lists namespaces like a Graph."""

    context_aware = False

    def __init__(self, triples: list[tuple[Any, Any, Any]], prefix_graph: Graph):
        self.triples = triples
        self.prefix_graph = prefix_graph  # an empty Graph holding only the prefix bindings

    def __iter__(self):
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)

    def namespaces(self):
        return self.prefix_graph.namespaces()

    @property
    def namespace_manager(self):
        return self.prefix_graph.namespace_manager


def record_to_triples(record: Record, base: str = DEFAULT_BASE, licence: str = DEFAULT_LICENCE,
                      text: str = DEFAULT_TEXT_POLICY) -> MappedTriples:
    """What `record_to_graph` gives, as a list of distinct triples plus prefixes."""
    mapper = _Mapper(record, base, licence, text)
    return MappedTriples(list(mapper.graph.triples), mapper.prefixes)


class _TripleSet:
    """Where the mapper adds triples: a set that keeps its insertion order (like a Graph, a
    triple added twice is there once)."""

    def __init__(self) -> None:
        self.triples: dict[tuple[Any, Any, Any], None] = {}

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        self.triples[triple] = None


class _Mapper:
    def __init__(self, record: Record, base: str, licence: str = DEFAULT_LICENCE, text: str = DEFAULT_TEXT_POLICY):
        base = normalise_base(base)
        # Options, not record content: the CLI checks them first, so reaching these is a caller's bug.
        if text not in TEXT_POLICIES:
            raise ValueError(f"text policy {text!r} is not one of {', '.join(TEXT_POLICIES)}")
        problem = licence_problem(licence)
        if problem:
            raise ValueError(f"licence {licence!r} {problem}")
        self.licence = URIRef(licence)
        self.text_policy = text
        self.record = record
        self.base = base
        self.prefixes = bind_prefixes(Graph())  # bindings only: the triples go to self.graph
        self.graph = _TripleSet()
        # Looked up for every role, statement, statistic and member: a dict, not a scan of the
        # entity list each time (the first entity of a key wins, as with `Record.entity`).
        self.entities: dict[str, Entity] = {}
        for entity in record.entities:
            self.entities.setdefault(entity.key, entity)
        self._iris: dict[str, URIRef] = {}
        # Anchors already written: one span can anchor several facts (a country's mention is also
        # its coalition membership's anchor); the anchor's own triples are written once.
        self._anchors: set[tuple[int, int, str, str, str]] = set()
        self._fact_spans: list[tuple[int, int]] = []  # spans of ng:anchor (not ng:mention), for excerpts
        self.article = URIRef(f"{base}article/{slugify(record.article.id)}")
        self.coalition_keys = {c.key for c in record.coalitions}
        self.version = _version_of(record.extractor)
        self.run = URIRef(f"{self.article}/run/{self.version}")
        self._bind_data_prefixes()
        self._map_article()
        self._map_provenance()
        for entity in record.entities:
            self._map_entity(entity)
        self._map_roles()
        self._map_statements()
        self._map_statistics()
        self._map_coalitions()
        self._map_excerpts()
        self._map_article_graph()

    # ------------------------------------------------------------------ helpers

    def _bind_data_prefixes(self) -> None:
        # Short prefixes per folder keep the Turtle readable: person:andris-spruds, anchor:377-390.
        for folder in ("article", "person", "country", "place", "organization", "event", "coalition", "office"):
            self.prefixes.bind(folder, f"{self.base}{folder}/", override=True, replace=True)
        for folder in ("role", "quote", "claim", "statistic", "membership", "anchor", "excerpt", "run"):
            self.prefixes.bind(folder, f"{self.article}/{folder}/", override=True, replace=True)

    def add(self, s, p, o) -> None:
        if o is not None:
            self.graph.add((s, p, o))

    def entity_iri(self, key: str | None) -> URIRef | None:
        if key is None:
            return None
        iri = self._iris.get(key)
        if iri is None:
            kind, _, name = key.partition(":")
            if not name:
                raise RecordError(f"malformed record: entity key {key!r} is not 'Kind:name'")
            folder = "coalition" if key in self.coalition_keys else kind.lower()
            iri = self._iris[key] = URIRef(f"{self.base}{folder}/{slugify(name)}")
        return iri

    def known_entity(self, key: str | None, where: str) -> URIRef | None:
        """The IRI of a key that the record's entity list must contain."""
        if key is None:
            return None
        if key not in self.entities:
            raise RecordError(f"malformed record: {where} names entity {key!r}, which is not in the entity list")
        return self.entity_iri(key)

    def fact_iri(self, folder: str, *parts: object) -> URIRef:
        normalised = "\x1f".join(normalise(str(p)) if p is not None else "" for p in parts)
        digest = hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]
        return URIRef(f"{self.article}/{folder}/{digest}")

    def anchor(self, fact: URIRef, anchor: Anchor, prop=NG.anchor) -> None:
        text = self.record.article.text
        if not (0 <= anchor.start <= anchor.end <= len(text)) or text[anchor.start : anchor.end] != anchor.exact:
            raise RecordError(
                f"malformed record: anchor {anchor.start}-{anchor.end} does not match the article text "
                f"({anchor.exact[:40]!r})"
            )
        node = URIRef(f"{self.article}/anchor/{anchor.start}-{anchor.end}")
        g = self.graph
        g.add((fact, prop, node))
        if prop == NG.anchor:
            self._fact_spans.append((anchor.start, anchor.end))
        written = (anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix)
        if written in self._anchors:
            return
        self._anchors.add(written)
        g.add((node, RDF.type, NG.TextAnchor))
        g.add((node, OA.start, Literal(anchor.start, datatype=XSD.nonNegativeInteger)))
        g.add((node, OA.end, Literal(anchor.end, datatype=XSD.nonNegativeInteger)))
        g.add((node, OA.exact, Literal(anchor.exact)))
        g.add((node, OA.prefix, Literal(anchor.prefix)))
        g.add((node, OA.suffix, Literal(anchor.suffix)))
        g.add((node, NG.inArticle, self.article))
        g.add((node, RDFS.label, Literal(_shorten(anchor.exact, _ANCHOR_LABEL))))

    def name(self, key: str | None) -> str | None:
        """The name of a known entity, for labels."""
        entity = self.entities.get(key) if key else None
        return entity.name if entity else None

    def derived(self, fact: URIRef) -> None:
        self.graph.add((fact, PROV.wasDerivedFrom, self.article))
        self.graph.add((fact, PROV.wasGeneratedBy, self.run))

    # ------------------------------------------------------------------ parts

    def _map_article(self) -> None:
        a, art = self.article, self.record.article
        g = self.graph
        g.add((a, RDF.type, SCHEMA.NewsArticle))
        self.add(a, SCHEMA.headline, Literal(art.title) if art.title else None)
        if self.text_policy == "full":
            g.add((a, SCHEMA.text, Literal(art.text)))
        # Computed here, not trusted from the record: it identifies the text the anchors point into.
        g.add((a, NG.sha256, Literal(hashlib.sha256(art.text.encode("utf-8")).hexdigest())))
        if art.url:
            g.add((a, SCHEMA.url, URIRef(art.url)))
        if art.published:
            g.add((a, SCHEMA.datePublished, _date_literal(art.published, "article.published", allow_time=True)))
        if art.author:
            g.add((a, SCHEMA.author, Literal(art.author)))
        if art.language:
            g.add((a, SCHEMA.inLanguage, Literal(art.language)))
        if art.source:
            g.add((a, NG.sourceFile, Literal(art.source)))
        if art.publisher:
            key = entity_key("Organization", art.publisher)
            publisher = self.entity_iri(key)
            g.add((a, SCHEMA.publisher, publisher))
            if key not in self.entities:
                g.add((publisher, RDF.type, SCHEMA.Organization))
                g.add((publisher, SCHEMA.name, Literal(art.publisher)))

    def _map_provenance(self) -> None:
        g = self.graph
        software = URIRef(f"{self.base}software/newsgraph/{self.version}")
        g.add((self.run, RDF.type, PROV.Activity))
        g.add((self.run, RDFS.label, Literal(f"{self.record.extractor or 'newsgraph'} extraction of {self.record.article.id}")))
        g.add((self.run, PROV.used, self.article))
        g.add((self.run, PROV.wasAssociatedWith, software))
        if self.record.model:
            g.add((self.run, NG.nlpModel, Literal(self.record.model)))
        g.add((software, RDF.type, PROV.SoftwareAgent))
        g.add((software, RDFS.label, Literal("newsgraph")))
        g.add((software, SCHEMA.softwareVersion, Literal(self.version)))

    def _map_entity(self, entity: Entity) -> None:
        if entity.kind not in _ENTITY_CLASSES:
            raise RecordError(f"malformed record: entity {entity.key!r} has unknown kind {entity.kind!r}")
        iri = self.entity_iri(entity.key)
        g = self.graph
        g.add((iri, RDF.type, _ENTITY_CLASSES[entity.kind]))
        if entity.key in self.coalition_keys:
            g.add((iri, RDF.type, NG.Coalition))
        g.add((iri, SCHEMA.name, Literal(entity.name)))
        for alias in entity.aliases:
            if alias != entity.name:
                g.add((iri, SCHEMA.alternateName, Literal(alias)))
        if entity.wikidata:
            item = _wikidata(entity.wikidata, f"entity {entity.key!r}")
            g.add((iri, OWL.sameAs, item))
            g.add((iri, SCHEMA.sameAs, item))
            self.add(iri, NG.linkMethod, Literal(entity.link_method) if entity.link_method else None)
            if entity.link_confidence is not None:
                g.add((iri, NG.linkConfidence, Literal(Decimal(str(round(entity.link_confidence, 3))))))
        g.add((self.article, SCHEMA.mentions, iri))
        for mention in entity.mentions:
            self.anchor(iri, mention, NG.mention)

    def _map_roles(self) -> None:
        g = self.graph
        for i, role in enumerate(self.record.roles):
            where = f"roles[{i}]"
            person = self.known_entity(role.person, f"{where}.person")
            of = self.known_entity(role.of, f"{where}.of")
            iri = self.fact_iri("role", role.person, role.title, role.of)
            of_entity = self.entities.get(role.of)
            office_label = f"{role.title} of {of_entity.name}" if of_entity else role.title
            office = URIRef(f"{self.base}office/{slugify(office_label)}")
            g.add((office, RDF.type, NG.Office))
            g.add((office, RDFS.label, Literal(office_label)))
            g.add((office, SCHEMA.roleName, Literal(role.title)))
            self.add(office, ORG.postIn, of)
            if role.office_wikidata:
                item = _wikidata(role.office_wikidata, f"{where}.office_wikidata")
                g.add((office, OWL.sameAs, item))
                g.add((office, SCHEMA.sameAs, item))
            g.add((iri, RDF.type, NG.RoleHolding))
            g.add((iri, RDFS.label, Literal(f"{self.name(role.person)}, {office_label}")))
            g.add((iri, ORG.member, person))
            g.add((iri, NG.post, office))
            g.add((iri, SCHEMA.roleName, Literal(role.title)))
            self.add(iri, NG.roleOf, of)
            if role.start:
                g.add((iri, SCHEMA.startDate, _date_literal(role.start, f"{where}.start")))
            if role.end:
                g.add((iri, SCHEMA.endDate, _date_literal(role.end, f"{where}.end")))
            self.add(iri, NG.predecessor, self.known_entity(role.predecessor, f"{where}.predecessor"))
            for anchor in role.anchors:
                self.anchor(iri, anchor)
            self.derived(iri)

    def _map_statements(self) -> None:
        g = self.graph
        statements = [("quote", NG.Quotation, q, f"quotes[{i}]") for i, q in enumerate(self.record.quotes)]
        statements += [("claim", NG.ReportedClaim, c, f"claims[{i}]") for i, c in enumerate(self.record.claims)]
        for folder, cls, statement, where in statements:
            iri = self.fact_iri(folder, statement.speaker, statement.text, statement.anchor.start)
            g.add((iri, RDF.type, cls))
            g.add((iri, RDFS.label, Literal(_statement_label(folder, statement.text, self.name(statement.speaker)))))
            self.add(iri, NG.speaker, self.known_entity(statement.speaker, f"{where}.speaker"))
            g.add((iri, SCHEMA.text, Literal(statement.text)))
            self.add(iri, NG.atEvent, self.known_entity(statement.event, f"{where}.event"))
            g.add((iri, SCHEMA.isPartOf, self.article))
            self.anchor(iri, statement.anchor)
            self.derived(iri)

    def _map_statistics(self) -> None:
        g = self.graph
        for i, stat in enumerate(self.record.statistics):
            where = f"statistics[{i}]"
            if stat.kind not in _STATISTIC_KINDS:
                raise RecordError(f"malformed record: {where}.kind {stat.kind!r} is not one of {', '.join(_STATISTIC_KINDS)}")
            if not stat.anchors:
                raise RecordError(f"malformed record: {where} has no anchor in the text")
            iri = self.fact_iri("statistic", stat.value, stat.counts, stat.per, stat.period, stat.kind, stat.anchors[0].start)
            g.add((iri, RDF.type, NG.Statistic))
            value = _number(stat.value, f"{where}.value")
            g.add((iri, SCHEMA.value, value))
            upper = _number(stat.upper, f"{where}.upper") if stat.upper is not None else None
            self.add(iri, NG.upperValue, upper)
            g.add((iri, RDFS.label, Literal(_statistic_label(stat, value, upper, self.name(stat.claimed_by)))))
            g.add((iri, NG.counts, Literal(stat.counts)))
            g.add((iri, NG.statisticKind, _STATISTIC_KINDS[stat.kind]))
            for prop, value in (
                (NG.qualifier, stat.qualifier),
                (NG.unit, stat.unit),
                (NG.per, stat.per),
                (NG.period, stat.period),
                (NG.asWritten, stat.written),
                # A whole sentence of the article: not published when the text is not ("none").
                (NG.sentence, stat.sentence if self.text_policy != "none" else None),
            ):
                if value:
                    g.add((iri, prop, Literal(value)))
            self.add(iri, NG.about, self.known_entity(stat.subject, f"{where}.subject"))
            self.add(iri, NG.claimedBy, self.known_entity(stat.claimed_by, f"{where}.claimed_by"))
            for anchor in stat.anchors:
                self.anchor(iri, anchor)
            self.derived(iri)

    def _map_coalitions(self) -> None:
        g = self.graph
        for i, coalition in enumerate(self.record.coalitions):
            iri = self.known_entity(coalition.key, f"coalitions[{i}]")
            g.add((iri, RDF.type, NG.Coalition))
            g.add((iri, RDF.type, SCHEMA.Organization))
            for anchor in coalition.anchors:
                self.anchor(iri, anchor, NG.mention)
            for j, member in enumerate(coalition.members):
                country = self.known_entity(member.country, f"coalitions[{i}].members[{j}]")
                # A joining member is hashed apart, so that a lead's and a member's IRIs stay as they were.
                role = member.lead if not member.joining else "joining"
                membership = self.fact_iri("membership", coalition.key, member.country, role)
                g.add((membership, RDF.type, NG.CoalitionMembership))
                said = "lead of" if member.lead else "joining" if member.joining else "member of"
                g.add((membership, RDFS.label, Literal(f"{self.name(member.country)}, {said} {coalition.name}")))
                g.add((membership, ORG.organization, iri))
                g.add((membership, ORG.member, country))
                g.add((membership, ORG.role, NG.LeadRole if member.lead else NG.JoiningRole if member.joining
                       else NG.MemberRole))
                if member.anchor is not None:
                    self.anchor(membership, member.anchor)
                self.derived(membership)

    def _map_excerpts(self) -> None:
        """With --text excerpt: the sentences that hold a fact's anchor, as spans of the article."""
        if self.text_policy != "excerpt":
            return
        g = self.graph
        text = self.record.article.text
        for start, end in _sentence_spans(text, self._fact_spans):
            node = URIRef(f"{self.article}/excerpt/{start}-{end}")
            g.add((self.article, NG.excerpt, node))
            g.add((node, RDF.type, NG.TextAnchor))
            g.add((node, RDFS.label, Literal(_shorten(text[start:end], _ANCHOR_LABEL))))
            g.add((node, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
            g.add((node, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
            g.add((node, OA.exact, Literal(text[start:end])))
            g.add((node, NG.inArticle, self.article))

    def _map_article_graph(self) -> None:
        """The published graph as a dataset: its licence (ours to give for the data only, see
        RIGHTS), the article it was extracted from, the run, and how much text it carries."""
        g = self.graph
        node = URIRef(f"{self.article}/graph")
        g.add((node, RDF.type, NG.ArticleGraph))
        g.add((node, RDF.type, VOID.Dataset))
        g.add((node, RDFS.label, Literal(f"Data extracted from {self.record.article.id} by newsgraph")))
        g.add((node, DCTERMS.license, self.licence))
        g.add((node, DCTERMS.rights, Literal(RIGHTS)))
        g.add((node, DCTERMS.source, self.article))
        g.add((node, PROV.wasGeneratedBy, self.run))
        g.add((node, NG.textPolicy, TEXT_POLICIES[self.text_policy]))


def _shorten(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary with "…" when longer than `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def _statement_label(folder: str, text: str, speaker: str | None) -> str:
    words = _shorten(text, _WORDS_IN_LABEL)
    if folder == "quote":
        return f"“{words}” — {speaker}" if speaker else f"“{words}”"
    return f"{speaker} (reported): {words}" if speaker else f"(reported): {words}"


def _statistic_label(stat: Any, value: Literal, upper: Literal | None, claimant: str | None) -> str:
    """'more than 1000 drones in two months (Jane Roe)'; a ratio or a relative change
    as written, since its normalised value reads badly before a noun: 'artillery advantage, ratio: sixfold'."""
    number = str(value) if upper is None else f"{value}–{upper}"
    if stat.kind in ("ratio", "relative change"):
        written = stat.written or " ".join(w for w in (stat.qualifier, number) if w)
        words = f"{stat.counts}, {stat.kind}: {written}"
    else:
        words = " ".join(w for w in (stat.qualifier, number, stat.counts) if w)
    if stat.per:
        words += f" per {stat.per}"
    if stat.period:
        words += f" in {stat.period}"
    return f"{words} ({claimant})" if claimant else words


def _sentence_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of `text` that hold any of `spans` (one span per sentence, or per run of
    sentences that one of `spans` crosses), in order,
    without the whitespace around them."""
    starts = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]

    def sentence_start(pos: int) -> int:
        return starts[bisect.bisect_right(starts, pos) - 1]

    def sentence_end(pos: int) -> int:
        i = bisect.bisect_right(starts, pos)
        return starts[i] if i < len(starts) else len(text)

    merged: list[list[int]] = []
    for start, end in sorted(set(spans)):
        s, e = sentence_start(start), sentence_end(max(start, end - 1))
        if merged and s < merged[-1][1]:  # one sentence each, unless an anchor spans several
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    result = []
    for s, e in merged:
        piece = text[s:e]
        s += len(piece) - len(piece.lstrip())
        e -= len(piece) - len(piece.rstrip())
        if s < e:
            result.append((s, e))
    return result


def _version_of(extractor: str) -> str:
    match = re.search(r"(\d+(?:\.\d+)*(?:[.-]?[A-Za-z0-9]+)*)\s*$", extractor or "")
    return match.group(1) if match else "unknown"


def _wikidata(qid: str, where: str) -> URIRef:
    qid = qid.strip().rsplit("/", 1)[-1]
    if not re.fullmatch(r"Q[1-9][0-9]*", qid):
        raise RecordError(f"malformed record: {where} has {qid!r}, not a Wikidata item id like Q212")
    return WD[qid]


def _number(value: str, where: str) -> Literal:
    """The exact literal of a statistic's value: xsd:integer for a whole number as written,
    else xsd:decimal (never a float: "0.000000000000000000000001" stays what it is)."""
    text = str(value).strip()
    if sum(c.isdigit() for c in text) > STATISTIC_MAX_DIGITS:
        # Checked before any conversion: int() refuses over 4,300 digits with a ValueError.
        raise RecordError(f"malformed record: {where} has more than {STATISTIC_MAX_DIGITS} digits")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise RecordError(f"malformed record: {where} {value!r} is not a number") from None
    if not number.is_finite():
        raise RecordError(f"malformed record: {where} {value!r} is not a finite number")
    if re.fullmatch(r"[+-]?\d+", text):
        return Literal(int(text), datatype=XSD.integer)
    return Literal(number, datatype=XSD.decimal)


def _date_literal(value: str, where: str, allow_time: bool = False) -> Literal:
    text = str(value).strip()
    for pattern, datatype in _DATE_TYPES:
        if pattern.match(text):
            return Literal(text, datatype=datatype)
    if allow_time and re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?", text):
        return Literal(text, datatype=XSD.dateTime)
    raise RecordError(f"malformed record: {where} {value!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
