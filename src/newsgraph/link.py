"""The link stage: give the record's entities and offices their Wikidata items.

Offline linking uses only the gazetteer (the shipped rows plus any user file). An entity is
linked when exactly one gazetteer row *of the same kind* with a Wikidata item carries
its name (or one of its written aliases): a Person never links to a Country row, a
Country never to a Place row, and so on.

A name the gazetteer knows in more than one sense (two rows of the same kind with
different items, or the same name as a different kind: "Georgia" the country and the
U.S. state, "Jordan" the country and a person) is linked only when the article gives
clear evidence for one sense:

* another name of that sense written in the article ("Sakartvelo", "Hashemite Kingdom
  of Jordan", ...), and/or
* the role the entity plays in the record: a coalition member or the country a post
  belongs to is a country; a speaker, claimant or office-holder is a person.

The sense with the most evidence wins only if it has some and no other sense has as
much; otherwise the entity stays NIL and the decision says why.

A role's `office_wikidata` is set when exactly one Office row matches
"{title} of {country}" (Defense/Defence and "Defence Minister"/"Minister of Defence"
are treated alike).

With a `WikidataClient` (`online=`), the entities still NIL afterwards are looked up
with the Wikidata API (see `newsgraph.wikidata` for the checks a candidate must pass):
first countries, places, organizations and events, then posts ("Minister of Defence of
Latvia", when the country is linked), then persons, so that a person can be checked
against the items of their post and its country. A name the gazetteer knows in more
than one sense is never looked up online: the offline stage's NIL for it stands.

`link_record` never mutates its input and never prints; every entity gets a
`LinkDecision` so that a report can list what stayed NIL and why.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from newsgraph.errors import LinkError
from newsgraph.gazetteer import Gazetteer, GazetteerRow, load_gazetteer
from newsgraph.model import Entity, Record, Role
from newsgraph.text import fold_accents, normalise, post_title_key
from newsgraph.wikidata import METHOD as ONLINE_METHOD
from newsgraph.wikidata import PersonEvidence, Resolution, WikidataClient, resolve

METHOD = "gazetteer"

#: Confidence of a link made through the row's label, one of its aliases, or context.
CONFIDENCE_LABEL = 0.95
CONFIDENCE_ALIAS = 0.9
CONFIDENCE_CONTEXT = 0.8


@dataclass(frozen=True)
class LinkDecision:
    """What the link stage decided for one entity (or one role's office), and why."""

    key: str  # entity key; for an office, the key of the person holding it
    name: str  # the name looked up (for an office: "{title} of {country}")
    kind: str  # entity kind, or "Office"
    qid: str | None  # the item linked, or None (NIL)
    method: str  # "gazetteer" or "wikidata-api"; for a kept link its method ("manual", ...); "none" when NIL
    reason: str  # one line, for the report
    ambiguous: bool = False  # NIL because the gazetteer knows the name in several senses: not looked up online

    @property
    def linked(self) -> bool:
        return self.qid is not None


# --------------------------------------------------------------------------- loading


def load_link_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """The shipped gazetteer plus the user file at `path`; LinkError names a bad file."""
    extra = Path(path) if path is not None else None
    try:
        return load_gazetteer(extra)
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        where = extra.name if extra is not None else "shipped gazetteer"
        if isinstance(exc, FileNotFoundError):
            raise LinkError(f"{where}: gazetteer file not found") from exc
        if isinstance(exc, UnicodeDecodeError):
            raise LinkError(f"{where}: gazetteer is not UTF-8 text") from exc
        raise LinkError(f"{where}: {exc}") from exc


# --------------------------------------------------------------------------- entities


def link_record(
    record: Record, gazetteer: Gazetteer, online: WikidataClient | None = None
) -> tuple[Record, list[LinkDecision]]:
    """A copy of `record` with entities and offices linked, and one decision per link attempt.

    With `online`, what the gazetteer left NIL (but not ambiguous) is looked up with the
    Wikidata API; a `WikidataError` from the client propagates.
    """
    linked = copy.deepcopy(record)
    context = _Context(linked)
    decisions: list[LinkDecision] = [_link_entity(entity, gazetteer, context) for entity in linked.entities]
    offices: list[LinkDecision | None] = [_link_role(role, linked, gazetteer) for role in linked.roles]
    if online is not None:
        _link_online(linked, decisions, offices, online)
    return linked, decisions + [d for d in offices if d is not None]


class _Context:
    """What the article says around its entities: the text and the roles entities play."""

    def __init__(self, record: Record):
        self._article_text = record.article.text or ""
        self.country_keys: set[str] = {r.of for r in record.roles if r.of}
        self.organization_keys: set[str] = set()
        for coalition in record.coalitions:
            self.organization_keys.add(coalition.key)
            self.country_keys.update(m.country for m in coalition.members)
        self.person_keys: set[str] = set()
        for role in record.roles:
            self.person_keys.update(k for k in (role.person, role.predecessor) if k)
        for said in (*record.quotes, *record.claims):
            if said.speaker:
                self.person_keys.add(said.speaker)
        for statistic in record.statistics:
            if statistic.claimed_by:
                self.person_keys.add(statistic.claimed_by)

    @cached_property
    def text(self) -> str:
        # Folded on first use: only an ambiguous name needs the text, and most records have none.
        return fold_accents(self._article_text)

    def mentions(self, name: str) -> bool:
        """Whether the article writes `name` (whole words, case as written, accents ignored)."""
        words = re.findall(r"\w+", fold_accents(name))
        if not words:
            return False
        pattern = r"(?<!\w)" + r"\W{1,3}".join(re.escape(w) for w in words) + r"(?!\w)"
        return re.search(pattern, self.text) is not None

    def structural(self, entity: Entity, kind: str) -> str | None:
        """The record-structure evidence that `entity` is of `kind`, if any."""
        if kind == "Country" and entity.key in self.country_keys:
            return "used as a coalition member or as the country of a post"
        if kind == "Person" and entity.key in self.person_keys:
            return "speaks, claims or holds a post in the article"
        if kind == "Organization" and entity.key in self.organization_keys:
            return "is a coalition in the article"
        return None


@dataclass
class _Sense:
    """One thing a name can mean: gazetteer rows of one kind sharing one item (or none)."""

    kind: str
    qid: str | None
    rows: list[GazetteerRow]

    @property
    def label(self) -> str:
        return self.rows[0].label

    def names(self) -> set[str]:
        return {n for r in self.rows for n in (r.label, *r.aliases)}

    def describe(self) -> str:
        return f"{self.kind} {self.label!r} ({self.qid or 'no item'})"


def _senses(rows: list[GazetteerRow]) -> list[_Sense]:
    senses: list[_Sense] = []
    for row in rows:
        for sense in senses:
            same_item = row.qid is not None and sense.qid == row.qid
            same_row = any(r.label == row.label for r in sense.rows)
            if sense.kind == row.kind and (same_item or same_row):
                if row not in sense.rows:
                    sense.rows.append(row)
                break
        else:
            senses.append(_Sense(kind=row.kind, qid=row.qid, rows=[row]))
    return senses


def _link_entity(entity: Entity, gazetteer: Gazetteer, context: _Context) -> LinkDecision:
    def decide(qid: str | None, reason: str, method: str | None = None, ambiguous: bool = False) -> LinkDecision:
        return LinkDecision(
            key=entity.key,
            name=entity.name,
            kind=entity.kind,
            qid=qid,
            method=method or (METHOD if qid else "none"),
            reason=reason,
            ambiguous=ambiguous,
        )

    if entity.wikidata:
        # A link already in the record (made by a reviewer, another service or an earlier
        # run) is kept; to relink from the gazetteer, clear `wikidata` first.
        method = entity.link_method or "manual"
        return decide(entity.wikidata, f"kept existing {method} link", method=method)

    written = [entity.name, *entity.aliases]
    rows: list[GazetteerRow] = []
    for name in written:
        for row in gazetteer.lookup(name):
            if row not in rows:
                rows.append(row)
    if not rows:
        return decide(None, "not in the gazetteer")

    senses = _senses(rows)
    own = [s for s in senses if s.kind == entity.kind]
    if not own:
        kinds = sorted({s.kind for s in senses})
        return decide(None, f"gazetteer knows this name only as {', '.join(kinds)}, not {entity.kind}")

    if len(senses) == 1:
        sense = senses[0]
        if sense.qid is None:
            return decide(None, f"known {entity.kind} without a sourced Wikidata item")
        by_label = normalise(entity.name) in {normalise(r.label) for r in sense.rows}
        _set_link(entity, sense.qid, CONFIDENCE_LABEL if by_label else CONFIDENCE_ALIAS)
        how = "label" if by_label else "alias"
        return decide(sense.qid, f"unique {entity.kind} row {sense.label!r} by {how}")

    # Ambiguous: weigh the article's evidence for each sense.
    written_norm = {normalise(n) for n in written}
    shared = set()
    for a in senses:
        for b in senses:
            if a is not b:
                shared |= {normalise(n) for n in a.names()} & {normalise(n) for n in b.names()}
    scored: list[tuple[int, _Sense, list[str]]] = []
    for sense in senses:
        evidence = []
        for name in sorted(sense.names()):
            n = normalise(name)
            if n in written_norm or n in shared:
                continue
            if context.mentions(name):
                evidence.append(f"article writes {name!r}")
        structural = context.structural(entity, sense.kind)
        if structural:
            evidence.append(structural)
        scored.append((len(evidence), sense, evidence))
    scored.sort(key=lambda t: -t[0])
    best_score, best, best_evidence = scored[0]
    options = "; ".join(s.describe() for s in senses)
    if best_score == 0 or (len(scored) > 1 and scored[1][0] == best_score):
        return decide(None, f"ambiguous name ({options}); no clear evidence in the article", ambiguous=True)
    if best.kind != entity.kind:
        return decide(None, f"context points to {best.describe()}: {', '.join(best_evidence)}", ambiguous=True)
    if best.qid is None:
        return decide(None, f"context points to {best.describe()}, which has no sourced item", ambiguous=True)
    _set_link(entity, best.qid, CONFIDENCE_CONTEXT)
    return decide(best.qid, f"ambiguous name resolved to {best.describe()}: {', '.join(best_evidence)}")


def _set_link(entity: Entity, qid: str, confidence: float) -> None:
    entity.wikidata = qid
    entity.link_method = METHOD
    entity.link_confidence = confidence


# --------------------------------------------------------------------------- offices


@lru_cache(maxsize=4096)
def _split_office(name: str) -> tuple[str, str] | None:
    """'Minister of Defence of Ukraine' -> ('Minister of Defence', 'Ukraine')."""
    parts = re.split(r"\s+of\s+", name.strip())
    if len(parts) < 2:
        return None
    return " of ".join(parts[:-1]), parts[-1]


def _country_names(country: Entity | None, gazetteer: Gazetteer) -> set[str]:
    """Normalised names of a country entity, including the gazetteer's names for its item."""
    if country is None:
        return set()
    names = {normalise(n) for n in (country.name, *country.aliases)}
    qids = {country.wikidata} if country.wikidata else set()
    for name in (country.name, *country.aliases):
        for row in gazetteer.lookup(name, country.kind):
            if row.qid:
                qids.add(row.qid)
    for row in gazetteer.rows:
        if row.kind == country.kind and row.qid and row.qid in qids:
            names |= {normalise(n) for n in (row.label, *row.aliases)}
    names.discard("")
    return names


def _link_role(role: Role, record: Record, gazetteer: Gazetteer) -> LinkDecision | None:
    if not role.title:
        return None
    country = record.entity(role.of)
    shown = f"{role.title} of {country.name}" if country else role.title

    def decide(qid: str | None, reason: str, method: str | None = None, ambiguous: bool = False) -> LinkDecision:
        return LinkDecision(
            key=role.person,
            name=shown,
            kind="Office",
            qid=qid,
            method=method or (METHOD if qid else "none"),
            reason=reason,
            ambiguous=ambiguous,
        )

    if role.office_wikidata:
        return decide(role.office_wikidata, "kept existing office link", method="kept")

    wanted_title = post_title_key(role.title)
    country_names = _country_names(country, gazetteer)
    # "{title} of {country}" for each name of the country, canonical: built once, not per row.
    titled_in_country = {post_title_key(f"{role.title} of {c}") for c in country_names}
    matches: list[GazetteerRow] = []
    for row in gazetteer.rows:
        if row.kind != "Office":
            continue
        for name in (row.label, *row.aliases):
            hit = False
            split = _split_office(name)
            if split and country_names:
                title, where = split
                hit = post_title_key(title) == wanted_title and normalise(where) in country_names
            if not hit and country is None:
                # The title may name the country itself: "Minister of Defence of Ukraine".
                hit = post_title_key(name) == wanted_title
            if not hit and country_names:
                hit = post_title_key(name) in titled_in_country
            if hit:
                if row not in matches:
                    matches.append(row)
                break
    if not matches:
        return decide(None, "no Office row for this post" + ("" if country else " (the post names no country)"))
    qids = {r.qid for r in matches}
    if len(qids) > 1 or len(matches) > 1 and None in qids:
        labels = ", ".join(repr(r.label) for r in matches)
        return decide(None, f"ambiguous office ({labels})", ambiguous=True)
    row = matches[0]
    if row.qid is None:
        return decide(None, f"Office row {row.label!r} has no sourced Wikidata item")
    role.office_wikidata = row.qid
    return decide(row.qid, f"Office row {row.label!r}")


# --------------------------------------------------------------------------- online

#: Entity kinds looked up before the posts, and so before the persons that hold them.
_FIRST_KINDS = ("Country", "Place", "Organization", "Event")


def _link_online(
    record: Record, decisions: list[LinkDecision], offices: list[LinkDecision | None], client: WikidataClient
) -> None:
    """Look up what the offline stage left NIL (and not ambiguous); updates record and decisions in place."""

    def wanted(decision: LinkDecision | None) -> bool:
        return decision is not None and not decision.linked and not decision.ambiguous

    for i, entity in enumerate(record.entities):
        if entity.kind in _FIRST_KINDS and wanted(decisions[i]):
            found = resolve(client, entity.name, entity.kind, also=entity.aliases)
            decisions[i] = _online_decision(decisions[i], found, entity)

    for i, role in enumerate(record.roles):
        country = record.entity(role.of)
        # Without a linked country "Minister of Defence" names a post in every government.
        if wanted(offices[i]) and country is not None and country.wikidata:
            found = resolve(
                client, f"{role.title} of {country.name}", "Office",
                also=[f"{role.title} of {a}" for a in country.aliases],
                key=post_title_key, jurisdiction=country.wikidata,
            )
            decision = offices[i]
            assert decision is not None
            offices[i] = _online_decision(decision, found)
            if found.qid:
                role.office_wikidata = found.qid

    countries = frozenset(e.wikidata for e in record.entities if e.kind == "Country" and e.wikidata)
    for i, entity in enumerate(record.entities):
        if entity.kind == "Person" and wanted(decisions[i]):
            found = resolve(client, entity.name, "Person", also=entity.aliases,
                            person=_person_evidence(entity, record, countries))
            decisions[i] = _online_decision(decisions[i], found, entity)


def _person_evidence(person: Entity, record: Record, countries: frozenset[str]) -> PersonEvidence:
    """The items of the posts the record gives `person` (held or preceded in), and of their countries."""
    posts = [r for r in record.roles if person.key in (r.person, r.predecessor)]
    post_countries = set()
    for role in posts:
        country = record.entity(role.of)
        if country is not None and country.kind == "Country" and country.wikidata:
            post_countries.add(country.wikidata)
    return PersonEvidence(
        offices=frozenset(r.office_wikidata for r in posts if r.office_wikidata),
        post_countries=frozenset(post_countries),
        countries=countries,
        has_post=bool(posts),
    )


def _online_decision(offline: LinkDecision, found: Resolution, entity: Entity | None = None) -> LinkDecision:
    """The decision after the online lookup; the offline reason is kept in front of a NIL one."""
    if found.qid is None:
        return dataclasses.replace(offline, reason=f"{offline.reason}; {found.reason}")
    if entity is not None:
        entity.wikidata = found.qid
        entity.link_method = ONLINE_METHOD
        entity.link_confidence = found.confidence
    return dataclasses.replace(offline, qid=found.qid, method=ONLINE_METHOD, reason=found.reason)
