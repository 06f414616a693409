"""Coalitions of states: who leads them, who has joined them, who is joining.

A coalition is any named or described grouping of states: a coalition, an alliance, a
multinational operation, a task force, a contact group, a trade bloc described with its
members. Not a company alliance or a party coalition in domestic politics: only groupings
that the article says countries lead or join are reported, and an organization that is never a
coalition (NATO, the EU, the UN: data/coalition-excluded-organizations.txt) is not made one.

Three sources:

* list lines, one coalition a line: "– The United States, Denmark, and the Netherlands –
  Aviation Coalition", "Drone Coalition: Latvia (lead), Sweden"; whether the countries lead
  it comes from the line that introduces the list ("countries that have taken the lead …:")
  or from a "(lead)" mark next to a country;
* bracketed lists in a paragraph about coalitions: "aviation (the US, Denmark), demining
  (Lithuania)";
* prose, sentence by sentence: the mentions of coalitions (`coalition_mentions`) and the
  patterns around them that make a country a lead, a member or a joining member
  (`coalition_roles`); "the coalition", "the alliance" and a sentence with no coalition in
  it ("Nigeria joined in April") are about the coalition named last.

One coalition per name however it is written ("Armoured capability coalition" is the
"Armored Coalition"). A coalition named only by who leads it ("a Canadian-led coalition") or
in the headline's words ("roadmap coalition") is the named one it describes, when there is one; so is
"the British-led naval task force" when one named grouping, and no other, is led by the same countries
("Operation Tidewatch … is led by the United Kingdom"), and "the Finland-led mission" in apposition to
"Operation Northern Lantern".
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsgraph.extract.anchors import make_anchor
from newsgraph.extract.coalition_mentions import (
    DESCRIBED,
    HEADS,
    LED_ONLY,
    NAMED,
    REFERENCE,
    TRANSPARENT_MODIFIERS,
    Mention,
    Party,
    sentence_mentions,
    title_case,
)
from newsgraph.extract.coalition_roles import (
    COUNTED_JOINERS,
    GAPPED_LEADS,
    HYPOTHETICAL,
    LIST_ONLY,
    MARK,
    NEGATION,
    RESPECTIVELY,
    RULES,
    Rule,
    judged,
)
from newsgraph.extract.context import ArticleContext
from newsgraph.gazetteer import Gazetteer
from newsgraph.model import Coalition, CoalitionMember, Entity, Role
from newsgraph.text import demonyms, line_start, normalise, word_map, word_set

#: Words that say a country leads: "taken the lead", "led by", "co-leads", "heads".
LEAD_CUES = re.compile(
    r"\b(?:co-?)?(?:lead|leads|leading|led|leader|leaders|leadership|head|heads|headed|heading|spearhead\w*|"
    r"chair\w*|in charge of|coordinat\w+)\b",
    re.I,
)

#: Bullets and numbering before a list line.
_BULLET = re.compile(r"^\s*(?:[–—\-•*·▪●◦‣]|\d{1,2}[.)])\s*")
#: "<countries> – <name> Coalition" and "<name> Coalition: <countries>".
_COUNTRIES_THEN_NAME = re.compile(r"^(?P<countries>.+?)\s*[–—:-]\s+(?P<name>[^–—:]{1,60}?\bcoalition)\s*[.;,]?\s*$", re.I)
_NAME_THEN_COUNTRIES = re.compile(r"^(?P<name>[^–—:]{1,60}?\bcoalition)\s*(?:[:–—-]|\s-)\s*(?P<countries>.+?)\s*[.;]?\s*$", re.I)
_INTRO_WORDS = re.compile(r"\b(?:as follows|the following|below)\b", re.I)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*")
_LEAD_MARK = re.compile(r"\s*\((?:co-?)?(?:lead|leader|leading|chair)\)\s*$", re.I)
_ANY_MARK = re.compile(r"\s*\([^)]*\)\s*$")

#: "a Washington-led coalition": a capital for its country's government, before "-led".
_CAPITALS = word_map("coalition-capitals.tsv", "capital", "country")
#: What an organization that is never a coalition may be called after it is named ("the alliance" for NATO).
_BLOCKER_REFERENCES = {normalise(k): frozenset(v.split())
                       for k, v in word_map("coalition-blocker-references.tsv", "organization", "references").items()}
#: Words left out when deciding that two written names are one coalition.
_KEY_DROP = word_set("coalition-key-drops.txt")
_SPELLING = word_map("coalition-spellings.tsv", "written", "key")
#: Organizations that are never a coalition of states, whatever is said of their members.
EXCLUDED_ORGANIZATIONS = frozenset(normalise(n) for n in word_set("coalition-excluded-organizations.txt"))
#: Organizations that may be members of a grouping of states beside their member states (the EU).
MEMBER_ORGANIZATIONS = frozenset(normalise(n) for n in word_set("coalition-member-organizations.txt"))
#: Words that end the name of a coalition read backwards from a bracket: "coalitions: aviation (...)".
_NAME_STOP = word_set("coalition-name-stops.txt")

#: How far back "the coalition", "the alliance" or a sentence without a coalition may refer to
#: the coalition named last, in characters.
REFERENCE_REACH = 800
#: How far back "this coalition" may refer to the only coalition named before, in characters.
LONG_REACH = 3000
#: References that an organization which is never a coalition may be what is meant by ("the
#: alliance" after NATO, "the bloc" after the EU); "" is a sentence with no coalition in it.
_BLOCKED_HEADS = {"", "alliance", "bloc", "union", "organisation", "organization", "group", "club"}
#: Little words that name nothing in a coalition's name.
_LINK_WORDS = {"and", "of", "for", "the", "to", "on", "in", "a", "an"}
#: References that may be to a bloc named just before as an organization ("OPEC+ … the group").
_BLOC_WORDS = {"group", "bloc", "alliance", "grouping", "cartel"}
#: How far back such a reference looks for the bloc, in characters.
_BLOC_REACH = 300
#: A head line (a headline, a standfirst) is one of the first lines of the text and short.
_HEAD_LINES = 4
_HEAD_LINE_LENGTH = 160
#: References that may be to any grouping, whatever its name's head word: "the coalition", "it", and
#: "the group" (said of an alliance or a coalition as well as of a "… Group").
_ANY_HEAD = {"coalition", "it", "group", "grouping"}
#: Head words of what one country may run alone: reported as a grouping of states only with two or more.
_NATIONAL_HEADS = {"operation", "mission"}
#: Roles, weakest first: a lead is also a member; a member has joined.
_RANK = {"joining": 1, "member": 2, "lead": 3}


# --------------------------------------------------------------------------- names and keys


def coalition_key(name: str) -> str:
    """The same coalition however it is written: 'Armoured capability coalition' == 'Armored Coalition'."""
    words = [_SPELLING.get(w, w) for w in normalise(name).split() if w not in _KEY_DROP]
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 and not w.endswith("ss") else w for w in words)


def _proper_words(written: str) -> frozenset[str]:
    """The capitalised words of a name but its last (its head): "nordic-baltic" of "Nordic-Baltic observer mission"."""
    words = written.split()[:-1]
    return frozenset(normalise(w) for w in words if w[:1].isupper() and normalise(w))


def display_name(written: str) -> str:
    """'drone coalition' -> 'Drone Coalition'; a name with proper nouns in it stays as written
    ('Black Sea security coalition'); acronyms stay upper case."""
    words = written.split()
    modifiers = words[:-1]
    if any(w[:1].isupper() for w in modifiers) and any(w[:1].islower() for w in modifiers):
        return " ".join(words)
    if len(words) >= 3 and words[-2] == "in" and words[-1][:1].isupper():
        return " ".join(words)  # "multinational brigade in Lithuania": named by where it is, as written
    return " ".join(w if (w.isupper() and len(w) > 1) or (n and w in _LINK_WORDS) else w[:1].upper() + w[1:]
                    for n, w in enumerate(words))  # "Integrated Air and Missile Defence Coalition"


# --------------------------------------------------------------------------- the coalitions found


@dataclass
class _Member:
    party: Party
    role: str  # "lead", "member" or "joining"


@dataclass
class _Entry:
    key: str
    name: str
    strength: int
    anchors: list[tuple[int, int]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    entity: str | None = None  # the organization entity the article already has for it ("Mercosur")
    members: dict[tuple[str, str], _Member] = field(default_factory=dict)
    excluded: set[tuple[str, str]] = field(default_factory=set)
    led_by: set[tuple[str, str]] = field(default_factory=set)  # from "Latvia-led"
    seen: list[int] = field(default_factory=list)  # where it is named or referred to, in text order
    head: str = "coalition"  # its head word: "coalition", "alliance", "operation" …
    indefinite: bool = False  # only described, after "a": "a trade pact" (two states may be a bilateral deal)
    context: frozenset[str] = frozenset()  # of an unnamed one, the words that describe it ("that buys … drones")

    def assign(self, party: Party, role: str) -> None:
        ident = (party.kind, party.ident)
        known = self.members.get(ident)
        if known is None:
            self.members[ident] = _Member(party, role)
        elif _RANK[role] > _RANK[known.role]:
            known.role = role

    @property
    def last_seen(self) -> int:
        return self.seen[-1] if self.seen else -1

    def see(self, offset: int) -> None:
        if offset not in self.seen:
            bisect.insort(self.seen, offset)

    def seen_before(self, offset: int) -> int:
        """Where it was named or referred to last before `offset` (-1: not before): a mention later in the
        sentence does not make it the coalition named last before a word that comes first."""
        at = bisect.bisect_left(self.seen, offset)
        return self.seen[at - 1] if at else -1

    def words(self) -> set[str]:
        """The words that name it ("drone" of "Drone Coalition"; of a proper name, those of the descriptions
        it was given too: "air-defence" of "the Coalition of the Skies", "a new air-defence group"); none for
        "a US-led coalition"."""
        if self.strength == LED_ONLY:
            return set()
        names = [self.name, *self.aliases] if self.strength == NAMED else [self.name]
        return {w for n in names for w in coalition_key(n).split() if w not in TRANSPARENT_MODIFIERS}

    def leads(self) -> set[tuple[str, str]]:
        return {i for i, m in self.members.items() if m.role == "lead"}


class _Book:
    """The coalitions of one article while it is read."""

    def __init__(self, ctx: ArticleContext):
        self.ctx = ctx
        self.entries: dict[str, _Entry] = {}
        self.by_entity: dict[str, _Entry] = {}
        self.shorts: dict[str, _Entry] = {}  # "aspides" -> Operation Aspides, "jef" -> Joint Expeditionary Force
        # Where organizations that are never coalitions are named (NATO, the EU): "the alliance" or
        # "Sweden joined last year" after one may be about it, not about the coalition named before.
        # Each with the references that may be about it (None: any), "the alliance" for NATO.
        self.blockers: list[tuple[int, frozenset[str] | None]] = []
        # The coalition a sentence starts with, as its subject, for an "it" in the next sentence:
        # "The Baltic Cable Coalition was formed in 2025. Sweden and Finland chair it."
        self.subject: _Entry | None = None
        self.previous_subject: _Entry | None = None
        # where the sentence before the one read starts and ends
        self.previous_sentence: tuple[int, int] | None = None
        # the coalition that sentence names last, with nothing named after it that "it" could be
        self.previous_last: _Entry | None = None
        # "Eight countries have signed up so far." said of a coalition: where that sentence ends, and the
        # coalition; the next sentence may be nothing but their list
        self.counted: tuple[int, _Entry] | None = None
        # the key of a coalition merged into another (a reference that was given its name) -> that one
        self.redirects: dict[str, _Entry] = {}
        # a speaker's country (the gazetteer's label), for the "we" they say: person key -> country
        self.speaker_country: dict[str, str] = {}
        # A grouping the sentence before brought in as new, with no name ("The UK will command a new
        # multinational naval operation …"): the sentence after may open by naming it ("Operation Northern
        # Lantern will …").
        self.introduced: _Entry | None = None
        # The grouping a clause of the sentence being read was found to be about by a word of its own ("Honduras,
        # the council's only member, …"): the later clauses with none named are about it too ("… and Nigeria is in
        # the process of joining").
        self.sentence_entry: _Entry | None = None

    def named(self, written: str, strength: int, start: int, end: int, key: str | None = None,
              as_written: bool = False, head: str = "coalition") -> _Entry | None:
        """The coalition of a name (made on its first mention), with this mention added."""
        key = key or coalition_key(written)
        if not key.strip():
            return None
        entry = self.entries.get(key) or self.redirects.get(key)
        if entry is None and written and strength >= DESCRIBED:
            # "the Nordic-Baltic mission" after "a Nordic-Baltic observer mission": one name with a word of
            # description more or less
            entry = self._variant(written, head)
            if entry is not None:
                self.redirects[key] = entry
        if entry is None:
            # "drone coalition" is shown "Drone Coalition"; a proper name, "a US-led coalition" and
            # "a coalition for training field medics" as written.
            name = display_name(written) if strength == DESCRIBED and not as_written else written
            entry = self.entries[key] = _Entry(key=key, name=name, strength=strength, head=head)
            entity = self.ctx.resolve(written, "Organization") if written else None
            if entity is not None:
                entry.entity = entity
                self.by_entity.setdefault(entity, entry)
        elif strength == NAMED and entry.strength < NAMED and written:
            # "Arctic rescue pact" in the headline, then "the Arctic Rescue Pact": named as a name
            if entry.name and entry.name not in entry.aliases:
                entry.aliases.append(entry.name)
            entry.name, entry.strength = written, NAMED
        elif written != entry.name and written not in entry.aliases and strength >= DESCRIBED:
            entry.aliases.append(written)
        if (start, end) not in entry.anchors:
            entry.anchors.append((start, end))
        entry.see(start)
        return entry

    def _variant(self, written: str, head: str) -> _Entry | None:
        """The coalition already named whose name has the same proper words as `written` and the same head,
        one name's words holding the other's: "Nordic-Baltic mission", "Nordic-Baltic observer mission"."""
        proper = _proper_words(written)
        if not proper:
            return None
        words = set(coalition_key(written).split())
        found = []
        for entry in self.entries.values():
            if entry.head != head or entry.strength < DESCRIBED:
                continue
            for name in (entry.name, *entry.aliases):
                other = set(coalition_key(name).split())
                if _proper_words(name) == proper and (other <= words or words <= other):
                    found.append(entry)
                    break
        return found[0] if len(found) == 1 else None

    def merge(self, source: _Entry, target: _Entry) -> None:
        """`source` (a coalition referred to or described) is `target` (the one named): one coalition."""
        for member in source.members.values():
            target.assign(member.party, member.role)
        target.excluded |= source.excluded
        target.led_by |= source.led_by
        target.anchors.extend(a for a in source.anchors if a not in target.anchors)
        for offset in source.seen:
            target.see(offset)
        if source.name and source.name != target.name and source.name not in target.aliases:
            target.aliases.append(source.name)
        self.entries.pop(source.key, None)
        self.redirects[source.key] = target
        for table in (self.by_entity, self.shorts):
            for k, v in list(table.items()):
                if v is source:
                    table[k] = target

    def organization(self, entity_key: str, start: int, end: int) -> _Entry:
        """The coalition an organization of the article is ("Mercosur - Argentina, Brazil …")."""
        entry = self.by_entity.get(entity_key)
        if entry is None:
            name = self.ctx.entities[entity_key].name
            entry = self.named(name, NAMED, start, end)
            assert entry is not None
            entry.entity = entity_key
            self.by_entity[entity_key] = entry
        elif (start, end) not in entry.anchors:
            entry.anchors.append((start, end))
        entry.see(start)
        return entry

    def current(self, offset: int, head: str = "", reach: int = REFERENCE_REACH) -> _Entry | None:
        """The coalition named last before `offset` (one whose name ends in `head`, if there is one
        within reach; for "the coalition", a coalition of the body rather than an operation or a group), if
        it was named within `reach` characters."""
        seen = {id(e): e.seen_before(offset) for e in self.entries.values()}
        near = [e for e in self.entries.values() if 0 <= seen[id(e)] and offset - seen[id(e)] <= reach]
        if not near:
            return None
        if not head:
            # a sentence that names none: not about a grouping said in passing with no name and nobody in it ("a
            # force of 15,000 troops", "grew out of a smaller coalition") when one with a name or members is near
            substantive = [e for e in near if e.name or e.members]
            if substantive:
                near = substantive
        if head in _BLOCKED_HEADS:
            latest = max(seen[id(e)] for e in near)
            if self._blocked(latest, offset, head):
                return None
        if head and (head not in _ANY_HEAD or head == "coalition"):
            same = [e for e in near if (e.name.casefold().split()[-1:] == [head] or head in e.name.casefold().split()
                                        or e.head == head) and (head != "coalition" or not self._in_headline(e))]
            if same:
                return max(same, key=lambda e: seen[id(e)])
        return max(near, key=lambda e: seen[id(e)])

    def _blocked(self, since: int, offset: int, head: str) -> bool:
        """Whether an organization that is never a coalition, and that `head` may be about ("" for a
        sentence with no coalition in it), is named between `since` and `offset`."""
        return any(since < b < offset and (refs is None or not head or head in refs) for b, refs in self.blockers)

    def bloc_before(self, offset: int) -> _Entry | None:
        """The organization a reference ('the group', 'the bloc') with no coalition named before is about:
        the last one named in the sentence or the one before it, that the gazetteer knows and that may be
        a coalition (not NATO, the EU, nor a body of the UN)."""
        ctx = self.ctx
        window = max(0, offset - _BLOC_REACH)
        known = [(s, e, k) for s, e, k in ctx.mentions(window, offset, ("Organization",))
                 if ctx.gazetteer.lookup(ctx.entities[k].name, "Organization")]
        if not known:
            return None
        start, end, key = known[-1]
        if _never_coalition(ctx.entities[key]):
            return None
        return self.organization(key, start, end)

    def only(self, offset: int, head: str) -> _Entry | None:
        """'this coalition' far after the one coalition named before: the one coalition (with that head
        word) named within LONG_REACH characters, when no organization that is never one stands between."""
        seen = {id(e): e.seen_before(offset) for e in self.entries.values()}
        near = [e for e in self.entries.values() if 0 <= seen[id(e)] and offset - seen[id(e)] <= LONG_REACH
                and (head in _ANY_HEAD or e.head == head or head in e.name.casefold().split())]
        if len(near) > 1:
            near = [e for e in near if not self._in_headline(e)]  # the headline's words for the story's coalition
        if len(near) > 1 and head in _ANY_HEAD:
            # "the coalition" far after a coalition countries lead or join and "the Royal Netherlands Air Force" that
            # nobody does: the one that is a grouping of states so far
            near = [e for e in near if e.members] or near
        if len(near) != 1 or self._blocked(seen[id(near[0])], offset, head if head in _BLOCKED_HEADS else ""):
            return None
        return near[0]

    # ------------------------------------------------------------------ the end

    def finish(self) -> list[Coalition]:
        self._name_the_unnamed()
        self._merge_descriptions()
        self._merge_owned()
        out: list[tuple[int, Coalition]] = []
        for entry in self.entries.values():
            for ident in entry.excluded:
                member = entry.members.get(ident)
                if member is not None and member.role != "lead":
                    del entry.members[ident]
            states = [m for m in entry.members.values() if m.role in ("lead", "member") and m.party.kind == "Country"]
            if not states:
                continue  # a grouping nobody is said to lead or join is not reported
            if entry.head in _NATIONAL_HEADS and len(states) < 2:
                continue  # "India launched Operation Sindoor": one country's operation, no grouping of states
            if entry.indefinite and entry.strength == DESCRIBED and len(states) < 3:
                continue  # "Kenya and Uganda signed a trade pact": a deal between two, no grouping named
            out.append((min(s for s, _ in entry.anchors), self._register(entry)))
        return [c for _, c in sorted(out, key=lambda x: x[0])]

    def _name_the_unnamed(self) -> None:
        """'a coalition of 40 countries, led by the United States' is the 'United States-led coalition'
        (as the leads are written: 'US-led coalition'); one nobody leads is nothing."""
        for entry in list(self.entries.values()):
            if entry.name:
                continue
            leads = sorted((m.party for m in entry.members.values() if m.role == "lead"), key=lambda p: p.start)
            if not leads:
                del self.entries[entry.key]
                continue
            head = entry.key.rsplit(" ", 1)[-1]
            same = self.entries.get("led " + " ".join(sorted(p.ident for p in leads)) + " " + head)
            if same is not None and same is not entry:
                # "a coalition led by the United States … The US-led coalition includes …": one coalition
                self.merge(entry, same)
                continue
            written = [p.written for p in leads]
            who = "".join(f"{w}-, " for w in written[:-2]) + "- and ".join(written[-2:])  # "Britain- and France"
            entry.name = f"{who}-led {head}"
            entry.led_by = {(p.kind, p.ident) for p in leads}

    def _merge_descriptions(self) -> None:
        """'a Canadian-led coalition' and 'roadmap coalition' are the named coalition they describe:
        the one named coalition whose name holds all the description's words, or that the same
        countries lead (and that shares a word with it, if it has words of its own)."""
        strong = [e for e in self.entries.values() if e.strength == NAMED]
        for entry in list(self.entries.values()):
            if entry.strength == NAMED:
                continue
            words = entry.words()
            fits = [e for e in strong if words and words <= e.words()] if entry.strength == DESCRIBED else []
            if not fits and entry.led_by:
                # one named only by its leads may be one described in words ("a coalition for …")
                named = strong if words else [e for e in self.entries.values() if e.strength >= DESCRIBED]
                alike = [e for e in named if not words or words & e.words()]
                fits = [e for e in alike if entry.led_by <= e.leads()] or \
                       [e for e in alike if not e.leads() and entry.led_by <= set(e.members)]
            if not fits and entry.strength == DESCRIBED and words:
                # "a search-and-rescue pact" launched by Norway, then "the Arctic Rescue Pact" Norway leads:
                # the one named grouping with its head word, a word of its own and a country in common (or
                # none of its own: "a joint counter-terrorism force …", then "The Coastal States Joint Force")
                countries = set(entry.members)
                own = words - {entry.head} - _LINK_WORDS
                fits = [e for e in strong if e.head == entry.head and own & e.words()
                        and (countries & set(e.members) or not e.members)
                        # "a new mediation support group" after the "Group of Friends of Mediation": another one
                        and not (entry.indefinite and self._first_in_body(e) < self._first_in_body(entry))]
            if not fits and entry.strength == DESCRIBED and entry.led_by:
                # "the British-led naval task force", then "Operation Tidewatch … is led by the United Kingdom":
                # the one named grouping the same countries lead, when no other grouping has those leads
                fits = [e for e in strong if e.leads() == entry.led_by]
                if any(e is not entry and e.leads() == entry.led_by and e.strength == DESCRIBED and e.words() - entry.words()
                       and not e.led_by for e in self.entries.values()):
                    fits = []
            if len(fits) > 1 and entry.strength == LED_ONLY:
                # "a British-led task force" fits the named "Operation Tidewatch" and the "naval task force" that
                # describes it: the named one
                fits = [e for e in fits if e.strength == NAMED]
            if not fits and self._in_headline(entry):
                # "UK joins global coalition to speed up drug-resistance testing" over a story of the "Global
                # Coalition on AMR Diagnostics": the one named coalition that has every country it names
                countries = set(entry.members)
                fits = [e for e in strong if countries and countries <= set(e.members)]
            if len(fits) != 1:
                continue
            target = fits[0]
            for member in entry.members.values():
                target.assign(member.party, member.role)
            target.excluded |= entry.excluded
            target.anchors.extend(a for a in entry.anchors if a not in target.anchors)
            if entry.name not in target.aliases:
                target.aliases.append(entry.name)
            del self.entries[entry.key]

    def _merge_owned(self) -> None:
        """'a British and Dutch naval operation', 'the Dutch-Danish group': a grouping named by nothing but the
        countries whose it is, is the one grouping of the article that has them all among its countries."""
        for entry in list(self.entries.values()):
            owners = self._owners(entry)
            if not owners:
                continue
            fits = [e for e in self.entries.values() if e is not entry and not self._owners(e) and e.strength >= DESCRIBED
                    and owners <= set(e.members)]
            if len(fits) == 1:
                self.merge(entry, fits[0])

    def _owners(self, entry: _Entry) -> set[tuple[str, str]]:
        """The countries of a name made of nothing but their adjectives (or names) and common words: {UK,
        Netherlands} of 'British-Dutch mission'; none of a proper name ('Nordic-Baltic mission')."""
        if entry.strength < DESCRIBED or not entry.name or re.search(r"(?i)\b(?:co-)?led\b", entry.name):
            return set()
        words = [w for w in re.split(r"[\s\-‐‑–/]+", entry.name)[:-1] if w]
        owners: set[tuple[str, str]] = set()
        for word in words:
            if word.casefold() in ("and", "&", "the", "a", "an") or word[:1].islower():
                continue
            country = demonyms().get(word.casefold())
            if country is None:
                rows = self.ctx.gazetteer.lookup(word, "Country")
                country = rows[0].label if rows else None
            if country is None:
                return set()
            owners.add(("Country", country))
        return owners

    def _first_in_body(self, entry: _Entry) -> int:
        """Where the coalition is first named or described below the head lines (the text's length if nowhere)."""
        return min((s for s, e in entry.anchors if not self._head_line(s, e)), default=len(self.ctx.text))

    def _in_headline(self, entry: _Entry) -> bool:
        """Whether every mention of the coalition is in the headline (or a head line before the body:
        a label such as "Press release" may have been taken for the headline)."""
        return bool(entry.anchors) and all(self._head_line(s, e) for s, e in entry.anchors)

    def _head_line(self, start: int, end: int) -> bool:
        headline = self.ctx.headline
        if headline is not None and headline[0] <= start and end <= headline[1]:
            return True
        text = self.ctx.text
        line_at = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_at : line_end if line_end >= 0 else len(text)].strip()
        before = [x for x in text[:line_at].split("\n") if x.strip()]
        # one of the first lines, short, not a sentence of the body
        return len(before) < _HEAD_LINES and len(line) <= _HEAD_LINE_LENGTH and line[-1:] not in ".:\"”"

    def _register(self, entry: _Entry) -> Coalition:
        ctx = self.ctx
        key = entry.entity if entry.entity in ctx.entities else ctx.register(entry.name, "Organization")
        for start, end in sorted(entry.anchors):
            # its mentions, under its one name ("JEF" and "Joint Expeditionary Force" are one entity)
            ctx.register(ctx.entities[key].name, "Organization", start, end)
        for alias in entry.aliases:
            other = ctx.resolve(alias, "Organization")
            if other is not None and other != key:
                ctx.merge(other, key)
            else:
                ctx.add_alias(key, alias)
        coalition = Coalition(key=key, name=ctx.entities[key].name,
                              anchors=[make_anchor(ctx.text, s, e) for s, e in sorted(entry.anchors)])
        members = sorted(entry.members.values(), key=lambda m: (m.party.start, m.party.end))
        seen: set[str] = set()
        for m in members:
            party_key = self._party_key(m.party)
            if party_key is None or party_key in seen or party_key == key:
                continue
            seen.add(party_key)
            coalition.members.append(CoalitionMember(
                country=party_key, lead=m.role == "lead", joining=m.role == "joining",
                anchor=make_anchor(ctx.text, m.party.start, m.party.end)))
        return coalition

    def _party_key(self, party: Party) -> str | None:
        ctx = self.ctx
        if party.kind == "Country" and party.written.casefold() in _SPEAKERS_OWN:
            # a speaker's "we": their country, named elsewhere in the article (no alias: "we" is no name of it)
            return ctx.resolve(party.ident, "Country")
        if party.kind == "Organization":
            return ctx.current_key(party.ident)
        if ctx.gazetteer.lookup(party.written, "Country"):
            return ctx.register_country(party.written, party.start, party.end)
        if party.written in _CAPITALS:
            # "Washington-led": the country, its mention the capital's name (no alias: the city is not the country)
            rows = ctx.gazetteer.lookup(party.ident, "Country")
            known = ctx.resolve(party.ident, "Country")
            return known if known is not None else (
                ctx.register(rows[0].label, "Country", party.start, party.end) if rows else None)
        return ctx.country_of_demonym(party.written, party.start, party.end)


# --------------------------------------------------------------------------- entry point


def find_coalitions(doc: Doc, ctx: ArticleContext, roles: Sequence[Role] = ()) -> list[Coalition]:
    """Coalitions named in the article body, each with its leads, members and joining members, in text order.

    `roles` (the posts people hold) make a speaker's "we" their country: "We joined together with Ireland," said
    by Finland's foreign minister."""
    book = _Book(ctx)
    for role in roles:
        country = ctx.entities.get(ctx.current_key(role.of) or "")
        if country is not None and country.kind == "Country" and (rows := ctx.gazetteer.lookup(country.name, "Country")):
            known = book.speaker_country.setdefault(ctx.current_key(role.person) or role.person, rows[0].label)
            if known != rows[0].label:
                book.speaker_country[ctx.current_key(role.person) or role.person] = ""  # posts in two countries: none
    list_lines = _from_list_lines(ctx, book)
    list_lines |= _from_parentheses(ctx, book, list_lines)
    _from_defined_names(ctx, book)
    _from_prose(doc, ctx, book, list_lines)
    return book.finish()


# --------------------------------------------------------------------------- list lines


def _lines(text: str, end: int) -> list[tuple[int, int]]:
    """(start, end) of every line of text[:end], without the line break."""
    out = []
    pos = 0
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = nl if nl >= 0 else end
        out.append((pos, stop))
        pos = stop + 1
    return out


def _country_items(text: str, offset: int, ctx: ArticleContext) -> list[tuple[Party, bool]] | None:
    """Split 'The United States, Denmark, and the Netherlands' into countries with their spans;
    None unless every item is a country the gazetteer knows."""
    items: list[tuple[Party, bool]] = []
    pos = 0
    for part in _ITEM_SPLIT.split(text):
        at = text.find(part, pos)
        pos = at + len(part)
        raw = part.strip()
        if not raw:
            continue
        lead = bool(_LEAD_MARK.search(raw))
        name = _ANY_MARK.sub("", raw)
        article = re.match(r"(?i)the\s+", name)
        if article:
            name = name[article.end():]
        rows = ctx.gazetteer.lookup(name, "Country")
        if not rows:
            return None
        start = offset + at + (text[at:].find(name))
        items.append((Party("Country", rows[0].label, name, start, start + len(name)), lead))
    return items or None


def _from_list_lines(ctx: ArticleContext, book: _Book) -> set[int]:
    """Coalitions from one-per-line lists; returns the start offsets of the lines used."""
    used: set[int] = set()
    lines = _lines(ctx.text, min(ctx.body_end, len(ctx.text)))
    intro_leads = False
    for start, end in lines:
        line = ctx.text[start:end]
        if not line.strip():
            continue
        bullet = _BULLET.match(line)
        body_at = start + (bullet.end() if bullet else 0)
        body = ctx.text[body_at:end]
        parsed = _parse_list_line(body)
        if parsed is None:
            # A line that is not a list item may introduce the next list ("… taken the lead in …:").
            intro = line.rstrip().endswith(":") or bool(_INTRO_WORDS.search(line))
            intro_leads = intro and bool(LEAD_CUES.search(line))
            continue
        (name_at, name_end), (countries_at, countries_end) = parsed
        items = _country_items(body[countries_at:countries_end], body_at + countries_at, ctx)
        if items is None:
            continue
        written = body[name_at:name_end]
        written, shift = _strip_article(written)
        entry = book.named(written, DESCRIBED, body_at + name_at + shift, body_at + name_end)
        if entry is None:
            continue
        marked = any(lead for _, lead in items)
        for party, lead in items:
            entry.assign(party, "lead" if (lead if marked else intro_leads) else "member")
        used.add(start)
    return used


def _strip_article(written: str) -> tuple[str, int]:
    m = re.match(r"(?i)(?:the|a|an)\s+", written)
    return (written[m.end():], m.end()) if m else (written, 0)


def _parse_list_line(body: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Spans (within body) of the coalition name and of the country list, or None."""
    for pattern in (_COUNTRIES_THEN_NAME, _NAME_THEN_COUNTRIES):
        m = pattern.match(body)
        if m and _is_name(m.group("name")):
            return m.span("name"), m.span("countries")
    return None


def _is_name(written: str) -> bool:
    """'Aviation Coalition', 'the IT coalition' name a coalition; 'members of the coalition' does not."""
    words = _strip_article(written)[0].split()
    return 1 < len(words) <= 6 and not any(w.casefold() in _NAME_STOP - {"capability", "capabilities"} for w in words[:-1])


# --------------------------------------------------------------------------- "aviation (USA, Denmark)"

#: "aviation (the US, Denmark)", "maritime security (led by the UK and Norway)".
_NAMED_GROUP = re.compile(r"(?P<name>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?)\s*\((?P<countries>[^()\n]{2,160})\)")
_GROUP_LEAD = re.compile(r"^\s*(?:(?:co-?)?led by|leads?:|leaders?:|headed by)\s*", re.I)


def _from_parentheses(ctx: ArticleContext, book: _Book, used: set[int]) -> set[int]:
    """Coalitions written as a name and its countries in brackets, in a paragraph about coalitions:
    "eight capability coalitions: aviation (the US, Denmark, the Netherlands), demining (Lithuania)"."""
    lines: set[int] = set()
    for start, end in _lines(ctx.text, min(ctx.body_end, len(ctx.text))):
        line = ctx.text[start:end]
        if start in used or "coalitions" not in line.casefold():
            continue
        leads = bool(LEAD_CUES.search(_NAMED_GROUP.sub("", line)))
        for m in _NAMED_GROUP.finditer(line):
            inner = m.group("countries")
            lead_mark = _GROUP_LEAD.match(inner)
            offset = start + m.start("countries") + (lead_mark.end() if lead_mark else 0)
            items = _country_items(inner[lead_mark.end() if lead_mark else 0 :], offset, ctx)
            name = _group_name(line, m.start("name"), m.end("name"))
            if items is None or name is None:
                continue
            name_start, name_end = start + name[0], start + name[1]
            written = ctx.text[name_start:name_end]
            if ctx.gazetteer.lookup(written):
                continue  # "the United States (US)": a name and its short form, not a coalition
            if not written.casefold().endswith("coalition"):
                written += " coalition"
            entry = book.named(written, DESCRIBED, name_start, name_end)
            if entry is None:
                continue
            for party, lead in items:
                entry.assign(party, "lead" if lead or leads or lead_mark else "member")
            lines.add(start)
    return lines


#: A short name made to be one ("E3", "G7", "BRICS", "NB8") and its countries in brackets: "the E3 (Britain, France
#: and Germany)"; or the countries, then the name they go by: "Britain, France and Germany, known as the E3".
_SHORT_NAME = r"[A-Z][A-Z0-9+&]*[0-9A-Z+](?:\s+[A-Z][A-Z0-9+&]*)?"
_DEFINED_IN_BRACKETS = re.compile(rf"(?<![\w-])(?P<name>{_SHORT_NAME})\s*\((?P<countries>[^()\n]{{2,160}})\)")
_KNOWN_AS = re.compile(rf"\s*,?\s*(?:(?:collectively|together|jointly|also)\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?"
                       rf"(?P<name>{_SHORT_NAME})(?![\w-])")
#: How a list of countries goes on, back from its end.
_COUNTRY_LIST_BACK = re.compile(r"(?:[A-Z][\w'’.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’.-]*){0,3}(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)){1,12}"
                                r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3}$")


def _from_defined_names(ctx: ArticleContext, book: _Book) -> None:
    """Groupings named by a short name made to be one, with their countries said where the name is defined:
    "the E3 (Britain, France and Germany)", "Britain, France and Germany, known as the E3". At least two
    countries, every item a country; not a name the gazetteer knows as a country or a place ("the United
    States (US)")."""
    text = ctx.text[: ctx.body_end]

    def add(name_start: int, name_end: int, items: list[tuple[Party, bool]] | None) -> None:
        written = text[name_start:name_end]
        if items is None or len(items) < 2 or ctx.gazetteer.lookup(written, "Country") or ctx.gazetteer.lookup(written, "Place") \
                or normalise(written) in EXCLUDED_ORGANIZATIONS or ctx.is_ignored(name_start):
            return
        entry = book.named(written, NAMED, name_start, name_end)
        if entry is not None:
            for party, _ in items:
                entry.assign(party, "member")

    for m in _DEFINED_IN_BRACKETS.finditer(text):
        add(m.start("name"), m.end("name"), _country_items(m.group("countries"), m.start("countries"), ctx))
    for m in _KNOWN_AS.finditer(text):
        line_at = text.rfind("\n", 0, m.start()) + 1
        before = _COUNTRY_LIST_BACK.search(text, line_at, m.start())
        if before is None:
            continue
        add(m.start("name"), m.end("name"), _country_items(before.group(0), before.start(), ctx))


def _group_name(line: str, start: int, end: int) -> tuple[int, int] | None:
    """The last words before the bracket that can name a coalition, as a span of `line`."""
    words = list(re.finditer(r"[A-Za-z][\w-]*", line[start:end]))
    keep: list[re.Match[str]] = []
    for w in reversed(words):
        if w.group().casefold() in _NAME_STOP:
            break
        keep.insert(0, w)
    if not keep:
        return None
    return start + keep[0].start(), start + keep[-1].end()


# --------------------------------------------------------------------------- prose


@dataclass
class _Item:
    """One marker of a clause's mask."""

    start: int
    end: int
    kind: str  # "C" coalition, "O" organization, "L" countries, "P" a country as an owner
    entry: _Entry | None = None  # C
    organization: str | None = None  # O: its entity key
    parties: list[Party] = field(default_factory=list)  # L, P (and O as a lead)


def _from_prose(doc: Doc, ctx: ArticleContext, book: _Book, list_lines: set[int]) -> None:
    text = ctx.doc_text(doc)
    for sent in _sentences(doc, text):
        if sent.start_char >= ctx.body_end:
            break
        if ctx.is_ignored(sent.start_char) or line_start(ctx.text, sent.start_char) in list_lines:
            continue
        if not any(c.isalnum() for c in text[sent.start_char : sent.end_char]):
            continue  # a bullet the parser made a sentence of
        book.previous_subject, book.subject = book.subject, None
        book.sentence_entry = None
        _read_sentence(doc, text, sent, ctx, book)
        book.previous_sentence = (sent.start_char, sent.end_char)
        book.previous_last = _last_thing(sent, book)


_JOINING_WORDS = {"and", "or", "but", "nor"}


def _last_thing(sent: Span, book: _Book) -> _Entry | None:
    """The coalition a sentence names last, when nothing else that "it" could be is named after it: "… and that
    Italy and Belgium had joined it." (not "The drone coalition announced a training plan on Monday.")."""
    seen = [(e.seen_before(sent.end_char), e) for e in book.entries.values()]
    seen = [(at, e) for at, e in seen if at >= sent.start_char]
    if not seen:
        return None
    at, entry = max(seen, key=lambda x: x[0])
    if sum(1 for a, _ in seen if a == at) > 1:
        return None
    for t in sent:
        if t.idx <= at or t.idx < entry.seen_before(sent.end_char) + 1:
            continue
        if any(s <= t.idx < e for s, e in entry.anchors):
            continue
        if t.tag_ == "NN" and t.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "appos", "conj") \
                and t.ent_type_ not in ("DATE", "TIME"):
            return None  # "… announced a training plan": a thing "it" may be
    return entry


def _sentences(doc: Doc, text: str) -> list[Span]:
    """The parser's sentences, a piece that starts in lower case joined to the one before when
    that one has no end ("Thailand" | "and Vietnam have joined …" is one sentence)."""
    spans: list[list[int]] = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), None)
        if spans and "\n" not in text[doc[spans[-1][0]].idx : sent.start_char] \
                and text[line_start(text, sent.start_char) :].lstrip(" \t")[:1] == "|":
            # a table's row ("| Norway | In the process of joining |") the parser cut in two: one row, one sentence
            spans[-1][1] = sent.end
            continue
        if spans and first is not None and first.is_alpha and (first.text[:1].islower() or first.lower_ in _JOINING_WORDS):
            before = text[doc[spans[-1][0]].idx : sent.start_char].rstrip()
            if before and before[-1] not in ".!?:;\"”’)" and "\n\n" not in text[doc[spans[-1][1] - 1].idx : sent.start_char]:
                spans[-1][1] = sent.end
                continue
        if spans and first is not None and spans[-1][1] - spans[-1][0] <= 2 and \
                all(t.is_alpha and t.text[:1].isupper() for t in doc[spans[-1][0] : spans[-1][1]]) and \
                "\n" not in text[doc[spans[-1][0]].idx : sent.start_char]:
            # "Operation" | "Prosperity Guardian, the US-led coalition …": a word the parser cut from its line
            spans[-1][1] = sent.end
            continue
        spans.append([sent.start, sent.end])
    return [doc[a:b] for a, b in spans]


def _read_sentence(doc: Doc, text: str, sent: Span, ctx: ArticleContext, book: _Book) -> None:
    organizations = ctx.mentions(sent.start_char, sent.end_char, ("Organization",))
    found: list[list[Party]] = []

    def countries() -> list[Party]:
        # Looked up only for a sentence that may say something of a coalition.
        if not found:
            found.append(_countries_in(doc, ctx, sent.start, sent.end) + _we_countries(sent, ctx, book))
            found[0].sort(key=lambda p: p.start)
        return found[0]

    def led_by_at(dash: int) -> list[Party]:
        return _led_by(text, dash, sent.start_char, countries(), organizations, ctx)

    def is_country(name: str) -> bool:
        return bool(ctx.gazetteer.lookup(name, "Country"))

    mentions = sentence_mentions(doc, text, sent, led_by_at, is_country)
    mentions += _short_mentions(text, sent, book, mentions)
    mentions += _own_head_mentions(text, sent, book, mentions)
    items: list[_Item] = []
    brought_in: list[_Entry] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        before = items[-1] if items else None
        apposed = before is not None and _APPOSITION.match(text, before.end, mention.phrase_start)
        if apposed and (mention.strength in (REFERENCE, LED_ONLY) or (
                mention.strength == DESCRIBED and re.search(r"\b(?:a|an)\s+$", text[before.end : mention.phrase_start]))) \
                and (not mention.written or not _LIST_GOES_ON.match(text, mention.end)):
            # "the Cairns Group, the coalition of 19 exporters", "…, a group of 30 countries", "the Global
            # Biofuels Alliance (GBA), the India-led grouping", "…, a purchasing alliance that …"
            entry = before.entry
            if not entry.name and mention.strength == DESCRIBED and mention.written:
                # "a new grouping, a coalition for training field medics": the unnamed one has the words of the second
                described = _resolve(book, mention, sent.start_char)
                if described is not None and described is not entry and entry.key in book.entries:
                    book.merge(entry, described)
                    for item in items:
                        if item.entry is entry:
                            item.entry = described
                    entry = described
        elif _described_by_copula(text, sent.start_char, before, mention) \
                and (subject := before.entry if before is not None else book.current(sent.start_char, "")) is not None:
            # "It is a coalition of navies …", "Operation X is a US-led coalition": the one named before, described
            entry = subject
            entry.see(mention.start)
        elif mention.head == "it" and items and _SENTENCE_SUBJECT.fullmatch(text, sent.start_char, items[0].start) \
                and _NEXT_CLAUSE.search(text, items[0].end, mention.start):
            # "The coalition was set up as one of the working groups of the donors' forum, known as the
            # Lisbon process, and Chile has led it since then.": the subject of the clause before, not the
            # grouping named last in passing
            entry = items[0].entry
            entry.see(mention.start)
        else:
            entry = _resolve(book, mention, sent.start_char)
            if entry is not None:
                entry = _described_unnamed(text, sent, mention, entry, book)
        if entry is None:
            continue
        if mention.indefinite or mention.new or (mention.strength == LED_ONLY and not mention.written):
            brought_in.append(entry)
        if before is not None and before.entry is not entry and mention.strength == NAMED and (
                _FORMALLY.match(text, before.end, mention.start) or (
                (before.entry.indefinite or before.entry.strength == LED_ONLY) and before.entry.strength < NAMED
                and _NAMED_APPOSITION.match(text, before.end, mention.start) and not _LIST_GOES_ON.match(text, mention.end))):
            # "Greece launched the group, formally the Coalition for …": the coalition referred to has this name;
            # "… will lead a new air-defence group, the Coalition of the Skies": the new one described has this name
            if before.entry.strength >= NAMED and _INFORMALLY.match(text, before.end, mention.start):
                # "the Steel Exporters' Coalition (informally, "the Ankara Group")": the name first, a nickname after
                book.merge(entry, before.entry)
                entry = before.entry
            else:
                book.merge(before.entry, entry)
                for item in items:
                    if item.entry is before.entry:
                        item.entry = entry
        apposed_led = _APPOSED_LED.match(text, max(mention.end, mention.phrase_end), sent.end_char) \
            if mention.strength == NAMED and not mention.led_by else None
        for party in mention.led_by or (led_by_at(apposed_led.start("dash")) if apposed_led else []):
            entry.assign(party, "lead")
            entry.led_by.add((party.kind, party.ident))
        items.append(_Item(mention.phrase_start, max(mention.end, mention.phrase_end), "C", entry=entry))
        _acronym_after(text, mention, entry, book)
    _called_names(text, sent, items, ctx, book)
    if items and ((re.fullmatch(r"\W*(?:the\s+|this\s+|that\s+)?", text[sent.start_char : items[0].start], re.I)
                   and not any(c.dep_ in ("dobj", "dative", "attr") and not any(
                       i.entry is items[0].entry and i.start <= c.idx < i.end for i in items) for c in sent.root.children))
                  or _IT_IS_A.match(text[sent.start_char : items[0].start])):
        # the sentence names no other thing "it" could be ("The coalition announced a plan. Latvia leads it.";
        # "It is a coalition of navies. Finland and Estonia lead it."; "Operation X is a US-led coalition …")
        book.subject = items[0].entry
    introduced, book.introduced = book.introduced, None
    fresh = {id(e): e for e in brought_in if e.key in book.entries and e.strength < NAMED and e.seen[0] >= sent.start_char}
    if len(fresh) == 1:
        book.introduced = next(iter(fresh.values()))
    _predicative_led(text, sent, items, book, led_by_at)
    taken = [(i.start, i.end) for i in items]
    member_organizations: list[Party] = []
    for start, end, key in organizations:
        if any(s < end and start < e for s, e in taken):
            continue
        entity = ctx.entities[key]
        known = book.by_entity.get(key)
        if known is not None:
            known.see(start)
            if (start, end) not in known.anchors:
                known.anchors.append((start, end))
            items.append(_Item(start, end, "C", entry=known))
        else:
            party = Party("Organization", key, text[start:end], start, end)
            excluded = _excluded(entity)
            if excluded and not any(i.kind == "C" and i.end <= start and _COUNTED_WITH.search(text, i.end, start)
                                    for i in items) and not _in_capitals_line(text, start, end) \
                    and not _OWNER_OF_A_THING.match(text, end) and not _modifies_a_noun(sent, end):
                # not "The group now has 64 members, plus the UN and the EU": counted with the coalition's members,
                # the organization is no new subject for what follows
                book.blockers.append((start, _blocker_references(entity)))
            if any(normalise(n) in MEMBER_ORGANIZATIONS for n in (entity.name, *entity.aliases)):
                # "Qatar, France and the European Union": listed, and joining or leading, as a country is
                member_organizations.append(party)
                continue
            items.append(_Item(start, end, "O", organization=None if excluded or _never_coalition(entity) else key,
                               parties=[party]))
        taken.append((start, end))
    topic = _topic_label(text, sent, ctx, book, items)
    if topic is not None:
        items.append(topic)
        taken.append((topic.start, topic.end))
    if not any(i.kind == "C" or i.organization for i in items) and book.current(sent.start_char) is None \
            and not _HEAD_OWNER.search(text, sent.start_char, sent.end_char):
        return  # no coalition, no organization that may be one, none named just before (nor "the council's")
    free = [p for p in countries() + member_organizations if not any(s <= p.start and p.end <= e for s, e in taken)]
    items.extend(_lists(text, free, [(s, e) for s, e, _ in ctx.mentions(sent.start_char, sent.end_char, ("Place",))]))
    items.extend(_described_countries(doc, text, sent, ctx, countries(), taken))
    items.sort(key=lambda i: i.start)
    _as_a_bloc(text, sent, items, ctx, book)
    counted, book.counted = book.counted, None
    if counted is not None and not text[counted[0] : sent.start_char].strip(_BETWEEN_LINES):
        if _list_after_a_count(text, sent, items, counted[1]) and counted[2]:
            book.counted = (sent.end_char, counted[1], True)  # the next line of a bulleted list
    for clause_start, clause_end in _clauses(text, sent.start_char, sent.end_char):
        clause = [i for i in items if clause_start <= i.start and i.end <= clause_end]
        _read_clause(text, clause_start, clause_end, clause, items, book)
    _answer_to_who(text, sent, items, book)
    if introduced is not None and items and introduced.key in book.entries:
        _named_after_introduced(text, sent, items[0], introduced, book, items)
    _members_of_both(text, sent, items, book)
    intro = bool(_LIST_INTRO.search(text, sent.start_char, sent.end_char)) and not (
        NEGATION.search(text, sent.start_char, sent.end_char) or _NOT_MEMBERS.search(text, sent.start_char, sent.end_char))
    if intro or COUNTED_JOINERS.search(_mask(text, sent.start_char, sent.end_char, items)):
        named = [i.entry for i in items if i.kind == "C"]
        entry = named[-1] if named else book.current(sent.start_char, "")
        if entry is not None:
            book.counted = (sent.end_char, entry, intro)


#: "Denmark and the Netherlands take part in both.", "Senegal and Thailand are the only countries to have signed
#: up to both": members of the two groupings named just before.
_OF_BOTH = re.compile(r"(?P<l>‹L\d+›)(?P<between>[^‹›;]{0,60}?)\b(?:(?:take|takes|took|taken|taking)\s+part\s+in|"
                      r"(?:participate|participates|participated)\s+in|(?:signed|signs?)\s+(?:up|on)\s+to|"
                      r"(?:are|is|were|was|been)\s+(?:\w+\s+)?(?:members?|part)\s+of|belongs?\s+to|joined|"
                      r"(?:contribute|contributes|contributed)\s+to)\s+both(?=\s*(?:[.;,)!]|$))", re.I)


#: A sentence that opens with its topic, as an answer does: "On Baltic Sentry: …", "As for the Quad, …".
_TOPIC_LABEL = re.compile(r"\W*(?:On|As\s+for|As\s+to|Regarding|About)\s+(?:the\s+)?"
                          r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:of\s+|for\s+|the\s+)*[A-Z][\w'’-]*){0,5})\s*(?::|,|[–—]\s)")


#: A question that asks who is in a grouping, or who leads it: "Which countries have joined the alliance?",
#: "Who else is in it?", "And who leads it?" (the grouping it names, or the one named before).
_WHO_QUESTION = re.compile(r"\b(?:who|which|what)\b(?P<asks>[^?]{0,90})\?", re.I)
_ASKS_MEMBERS = re.compile(r"\b(?:join\w*|members?|part\s+of|in\s+it|in\s+(?:the|this)\s+\w+|take\s+part|taking\s+part|signed\s+up|"
                           r"on\s+board|involved|participat\w*|belong\w*|else)\b", re.I)
_ASKS_LEADS = re.compile(r"\b(?:leads?|leading|led|chairs?|chairing|chaired|heads?|heading|headed|in\s+charge|runs?)\b", re.I)
#: The answer that opens with a list of countries and says nothing more of them: "A: Denmark, Iceland and Canada.",
#: "So far, Denmark and Iceland." (a speaker's label, and words of time or assent, before it).
_BARE_ANSWER = re.compile(r"\W*(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}\s*:\s*)?(?:(?:so\s+far|for\s+now|at\s+the\s+moment|currently|"
                          r"right\s+now|yes|well|today|now)\s*,?\s*)*(?:the\s+)?(?P<l>‹L\d+›)\s*(?:[.!]|$)", re.I)


def _answer_to_who(text: str, sent: Span, items: list[_Item], book: _Book) -> None:
    """'Q: Which countries have joined the alliance? | A: Denmark, Iceland and Canada.': a turn that answers a
    question about who is in (or leads) a grouping with nothing but countries gives them that role in it."""
    before = book.previous_sentence
    if before is None:
        return
    question = _WHO_QUESTION.search(text, before[0], before[1])
    if question is None or text[question.end() : before[1]].strip(" \n\"”’'") or NEGATION.search(question.group(0)):
        return
    role = "lead" if _ASKS_LEADS.search(question.group("asks")) else "member" if _ASKS_MEMBERS.search(
        question.group("asks")) else None
    if role is None or any(i.kind == "C" for i in items):
        return
    answer = _BARE_ANSWER.match(_mask(text, sent.start_char, sent.end_char, items))
    if answer is None:
        return
    entry = book.current(sent.start_char, "")
    if entry is None or entry.seen_before(sent.start_char) < before[0] - REFERENCE_REACH:
        return
    for party in items[int(MARK.fullmatch(answer.group("l")).group(2))].parties:
        entry.assign(party, role)


#: A description in apposition to a name that says who leads it, whatever its head noun: "the European Sky
#: Shield Initiative, the German-led project for joint purchases …", "Pacific Dragon, a US-led exercise".
_APPOSED_LED = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?,\s*(?:the|a|an)\s+(?:(?:new|joint|multinational|international|"
                          r"\d+-nation|\w+-country)\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}(?P<dash>[-–‑])(?:co-)?led\s+[a-z]")


#: What is done for a grouping just brought in: "signed a letter of intent for", "agreed to set up", "the launch of".
_FOR_THE_NAMED = re.compile(r"\b(?:for|to\s+(?:set\s+up|launch|create|form|establish)|launch\s+of|creation\s+of|founding\s+of|"
                            r"launched|formed|created|set\s+up|established|named|called|dubbed)\s+(?:the\s+)?[\"“‘']?$", re.I)


def _named_after_introduced(text: str, sent: Span, first: _Item, introduced: _Entry, book: _Book,
                            items: list[_Item]) -> None:
    """'The UK will command a new multinational naval operation to protect … cables. | Operation Northern Lantern
    will bring together …': a sentence that opens with a grouping named for the first time, its subject, right
    after one that brought in a new grouping of the same kind without a name, names that one."""
    entry = first.entry
    if first.kind != "C" or entry is None or entry is introduced or entry.strength != NAMED \
            or entry.head != introduced.head:
        return
    if not _SENTENCE_SUBJECT.fullmatch(text, sent.start_char, first.start) and (
            sum(1 for i in items if i.kind == "C") != 1 or entry.led_by or introduced.strength == LED_ONLY
            or not _FOR_THE_NAMED.search(text, sent.start_char, first.start)):
        # "… will co-lead a new multinational coalition to … | Ministers signed a letter of intent for the Deep
        # Precision Strike Coalition": the one grouping the next sentence names, as what is signed or agreed for
        return
    if entry.seen and entry.seen[0] < sent.start_char and not all(book._head_line(a, b) for a, b in entry.anchors
                                                                  if a < sent.start_char):
        return  # named before (a headline aside): not the new one
    if introduced.members and entry.members and not set(introduced.members) & set(entry.members):
        return  # "Chile and Peru joined a coalition that … | The Water Pump Coalition was launched by Ecuador": another
    book.merge(introduced, entry)
    for item in items:
        if item.entry is introduced:
            item.entry = entry


def _topic_label(text: str, sent: Span, ctx: ArticleContext, book: _Book, items: list[_Item]) -> _Item | None:
    """'On Baltic Sentry: at the moment a dozen ships are assigned, from Finland, …': the grouping a sentence
    names as its topic, before a colon or comma, is what it says things of. Only a name the article has
    already given a grouping, or an organization it names (never one that is no coalition: NATO, the EU)."""
    m = _TOPIC_LABEL.match(text, sent.start_char, sent.end_char)
    if m is None:
        return None
    start, end = m.start("name"), m.end("name")
    for item in items:
        if item.start < end and start < item.end:
            if item.kind == "O" and item.organization and (item.start, item.end) == (start, end):
                # the organization of the label is the grouping the sentence is about
                item.kind, item.entry = "C", book.organization(item.organization, start, end)
            return None
    name = m.group("name")
    entry = book.entries.get(coalition_key(name)) or book.redirects.get(coalition_key(name)) or book.shorts.get(name.lower())
    if entry is None:
        key = ctx.resolve(name, "Organization")
        if key is None or _excluded(ctx.entities[key]) or _never_coalition(ctx.entities[key]):
            return None
        entry = book.organization(key, start, end)
    else:
        entry.see(start)
    return _Item(start, end, "C", entry=entry)


def _members_of_both(text: str, sent: Span, items: list[_Item], book: _Book) -> None:
    """'Ships of Operation Tidewatch and Baltic Sentry share information, and Denmark and the Netherlands take
    part in both.': the countries are members of the two groupings named in the sentence or in the one before,
    when exactly two are (with three or more, "both" may be any two: nothing)."""
    if "both" not in text[sent.start_char : sent.end_char].lower():
        return
    masked = _mask(text, sent.start_char, sent.end_char, items)
    for m in _OF_BOTH.finditer(masked):
        if NEGATION.search(m.group("between")) or HYPOTHETICAL.search(m.group("between")):
            continue
        lists = items[int(MARK.fullmatch(m.group("l")).group(2))]
        if lists.kind != "L":
            continue
        since = book.previous_sentence[0] if book.previous_sentence else sent.start_char
        named: list[_Entry] = []
        for entry in book.entries.values():
            if any(since <= at < lists.start for at in entry.seen) and entry not in named:
                named.append(entry)
        if len(named) != 2:
            continue
        for entry in named:
            for party in lists.parties:
                entry.assign(party, "member")


#: "… is currently Jordanian-led.", "it remains Greek-led:": a "-led" said of the subject, nothing after it.
_PREDICATIVE_LED = re.compile(r"\b(?:is|are|was|were|remains|remain|remained|stays|stay|stayed|has\s+been|have\s+been|"
                              r"had\s+been|will\s+be|will\s+remain|became|has\s+become)\s+(?:(?:now|currently|still|"
                              r"again|firmly|also|jointly|once\s+more|for\s+now)\s+)*"
                              r"(?P<who>[A-Z][^\s,;:.]*(?:(?:\s+|\s*(?:,|and|&|,\s*and)\s*)[A-Z][^\s,;:.]*)*?)(?P<dash>[-‐‑])"
                              r"(?:co-)?led(?=\s*(?:[.,;:!?)”\"]|$|\s+(?:and|but|since|until|after|as|for|under|while)\b))")
#: What may stand before a coalition that is the subject of its clause: nothing, or a clause break, and a
#: determiner with up to two words of its name ("so the task force is …").
_SUBJECT_BEFORE = re.compile(r"(?:^|[,;:–—]|\b(?:and|but|so|while|that))\s*(?:(?:the|this|that|its|their)\s+"
                             r"(?:[\w-]+\s+){0,2})?$", re.I)
#: What a predicative "-led" is said of when no coalition comes right before it: "it" opening its clause.
_IT_BEFORE = re.compile(r"(?:^|[,;:(–—]\s*|\b(?:and|but|so|while|though)\s+)\W*it\s+$", re.I)


#: What describes an unnamed coalition right after it: "a coalition that buys interceptor drones for Ukraine".
_UNNAMED_DESCRIPTION = re.compile(r"[^,;:.!?()\"“”]{0,120}")


def _described_unnamed(text: str, sent: Span, mention: Mention, entry: _Entry, book: _Book) -> _Entry:
    """'Portugal signed up to a coalition that buys interceptor drones' and 'the Interceptor Drone Coalition':
    an unnamed grouping whose description holds every word of the name of one grouping of the article (with
    the same head word) is that grouping, whether the name comes first or after."""
    if mention.strength == LED_ONLY and not mention.written and entry.strength == LED_ONLY and not entry.name:
        described = _UNNAMED_DESCRIPTION.match(text, mention.end, sent.end_char)
        entry.context = frozenset(coalition_key(described.group(0) if described else "").split())
        fits = [e for e in book.entries.values() if e is not entry and e.strength >= DESCRIBED
                and e.head == entry.head and _fits_description(e, entry.context)]
        if len(fits) == 1:
            book.merge(entry, fits[0])
            fits[0].see(mention.start)
            return fits[0]
    elif mention.strength >= DESCRIBED and entry.strength >= DESCRIBED:
        for other in list(book.entries.values()):
            if other is not entry and other.context and not other.name and other.head == entry.head \
                    and _fits_description(entry, other.context) and not any(
                    e is not entry and e is not other and e.strength >= DESCRIBED and e.head == entry.head
                    and _fits_description(e, other.context) for e in book.entries.values()):
                book.merge(other, entry)
    return entry


def _fits_description(entry: _Entry, context: frozenset[str]) -> bool:
    own = entry.words() - {entry.head} - _LINK_WORDS
    return bool(own) and own <= context


#: What may stand before a coalition that opens its sentence as its subject.
_SENTENCE_SUBJECT = re.compile(r"\W*(?:the\s+|this\s+|that\s+)?", re.I)
#: A clause of its own after the first one: ", and Lithuania has led it".
_NEXT_CLAUSE = re.compile(r"(?:,|;)\s*(?:and|but|while|whereas|so)\s+(?:[^,;]*)$|;\s*[^,;]*$", re.I)


def _predicative_led(text: str, sent: Span, items: list[_Item], book: _Book, led_by_at: Callable[[int], list[Party]]) -> None:
    """'The task force is currently Jordanian-led.', 'and it remains Greek-led': the countries before the
    "-led" lead the coalition the clause is about (the one right before the verb, or the one named last for
    an "it" that opens the clause). Nothing when no country stands before the dash ('export-led')."""
    for m in _PREDICATIVE_LED.finditer(text, sent.start_char, sent.end_char):
        parties = [p for p in led_by_at(m.start("dash")) if p.start >= m.start("who")]
        if not parties or parties[0].start != m.start("who"):
            continue
        before = text[sent.start_char : m.start()]
        subject = [i for i in items if i.kind == "C" and i.end <= m.start() and not text[i.end : m.start()].strip()]
        if subject:
            entry = subject[-1].entry
            if not _SUBJECT_BEFORE.search(text[sent.start_char : subject[-1].start]):
                continue  # "the headquarters of the coalition is …": another subject
        elif _IT_BEFORE.search(before):
            entry = book.current(m.start(), "")
        else:
            continue
        if entry is None:
            continue  # ("is not Greek-led" never matches: no negation stands between the verb and the countries)
        for party in parties:
            entry.assign(party, "lead")


#: "Brazil, Argentina, Paraguay and Uruguay negotiated as a bloc"
_AS_A_BLOC = re.compile(r"(?P<l>‹L\d+›)[^‹;]{0,60}?\bas\s+(?:a|one)\s+(?:single\s+)?(?P<c>‹C\d+›)")


def _as_a_bloc(text: str, sent: Span, items: list[_Item], ctx: ArticleContext, book: _Book) -> None:
    """Countries that act 'as a bloc' are members of the bloc named just before: the last organization the
    gazetteer knows (not one that is never a coalition) in the sentences before ('On Mercosur and trade')."""
    m = _AS_A_BLOC.search(_mask(text, sent.start_char, sent.end_char, items))
    if m is None:
        return
    bloc, countries = items[int(MARK.fullmatch(m.group("c")).group(2))], items[int(MARK.fullmatch(m.group("l")).group(2))]
    if bloc.entry is None or bloc.entry.head != "bloc" or bloc.entry.strength != LED_ONLY or countries.kind != "L":
        return
    # within the paragraph, or the one (or the heading) right before it
    paragraph = text.rfind("\n\n", 0, sent.start_char)
    window = max(0, text.rfind("\n\n", 0, paragraph) if paragraph > 0 else 0, sent.start_char - REFERENCE_REACH)
    known = [(s, e, k) for s, e, k in ctx.mentions(window, sent.start_char, ("Organization",))
             if not _never_coalition(ctx.entities[k]) and ctx.gazetteer.lookup(ctx.entities[k].name, "Organization")]
    if not known:
        return
    start, end, key = known[-1]
    entry = book.organization(key, start, end)
    for party in countries.parties:
        entry.assign(party, "member")


def _list_after_a_count(text: str, sent: Span, items: list[_Item], entry: _Entry) -> bool:
    """'Eight countries have signed up so far. Kenya, France, Benin, and of course the two co-chairs.':
    a sentence that is nothing but a list of countries, right after one that counts who joined, or a
    line of a list after 'The founding members are:' ('- Chile (chair)')."""
    masked = _mask(text, sent.start_char, sent.end_char, items)
    m = LIST_ONLY.match(masked)
    if m is None or (m.group("tail") and NEGATION.search(m.group("tail"))):
        return False
    for party in items[int(MARK.fullmatch(m.group("l")).group(2))].parties:
        entry.assign(party, "lead" if m.group("mark") else "member")
    return True


#: Lists of others than members: "Countries invited as observers:", "Those opposed:".
_NOT_MEMBERS = re.compile(r"(?i)\b(?:observers?|invited|invitees|absent|abstain\w*|against|oppos\w*|critic\w*|candidates?|"
                          r"applicants?|hopefuls?|aspirants?|would|could|might|may)\b")
#: What may stand between a line that introduces a list and its items: spaces, quotes, bullets.
_BETWEEN_LINES = " \n\"“”'•·▪●◦‣*-–—"
#: A line that introduces a list of members: "The founding members are:", "Members of the coalition:".
_LIST_INTRO = re.compile(r"(?i)\b(?:members?|member\s+states|countries|signatories|participants|partners)\b[^.:;!?\n]{0,40}"
                         r":[\s\"”]*$")


#: Between a coalition and a description of it: "…, the coalition of", "…, a purchasing alliance",
#: "… (GBA), the India-led grouping".
_APPOSITION = re.compile(r"[\"”’']?(?:\s*\([A-Z][A-Za-z0-9+&-]{1,9}\))?\s*[,–—(-]\s*(?:the|a|an)\s+[\w\s-]{0,40}$")
#: Between a new grouping described and its name: "a new air-defence group, the Coalition of the Skies".
_NAMED_APPOSITION = re.compile(r"\s*(?:,|[–—:]|\s-)\s*(?:the\s+)?[\"“‘']?$", re.I)
#: A sentence that says what the coalition named before, or its subject, is: "It is a coalition of navies",
#: "This is a US-led coalition", "Operation X is a coalition of eight states" (not "It is the coalition …":
#: another may be meant).
_IT_IS_A = re.compile(r"^\W*(?:[A-Z][\w.]{0,12}\s*:\s*)?(?:it|this)\s+(?:is|was|remains|became|has\s+become|had\s+become)\s+"
                      r"(?:now\s+|also\s+|still\s+|essentially\s+|in\s+effect\s+)?(?:a|an)\s+$", re.I)
_IS_A = re.compile(r"^[\"”’']?\s*(?:is|was|remains|became|has\s+become|had\s+become)\s+(?:now\s+|also\s+|still\s+|"
                   r"essentially\s+|in\s+effect\s+)?(?:a|an)\s+$", re.I)
#: After a description: the list of coalitions goes on ("the Drone Coalition, the Latvia-led coalition and …").
_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|or|&)\s", re.I)
#: Between a coalition referred to and its name: "the group, formally the", ", officially known as".
_FORMALLY = re.compile(r"\s*[,(]\s*(?:(?:more\s+)?formally|informally|colloquially|officially|(?:also\s+|better\s+|officially\s+|"
                       r"informally\s+)?known\s+as|(?:(?:in)?formally\s+|officially\s+|also\s+|popularly\s+)?(?:called|named|dubbed|nicknamed)|"
                       r"(?:(?:which|that|who)\s+(?:now\s+)?calls?|calling)\s+(?:itself|themselves))"
                       r"\s*,?\s*[\"“‘']?(?:the\s+)?[\"“‘']?$", re.I)


#: "The group, informally called the Adriatic Air Shield, …", "a coalition known as the Clean Ports Compact": the
#: name of a grouping referred to or described, whatever its head word.
_CALLED = re.compile(r"\s*,?\s*(?:(?:in)?formally\s+|officially\s+|also\s+|popularly\s+|now\s+|collectively\s+)?(?:called|"
                     r"known\s+as|named|dubbed|nicknamed|styled|(?:(?:which|that|who)\s+(?:now\s+)?calls?|calling)\s+(?:itself|themselves))\s+(?:the\s+)?[\"“‘']?(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:of|for|"
                     r"on|and|the|to)\s+)?[A-Z][\w'’-]*){1,6})(?=[\"”’']?\s*(?:[,.;:)]|$))")


def _called_names(text: str, sent: Span, items: list[_Item], ctx: ArticleContext, book: _Book) -> None:
    """A grouping referred to or described, then named by what it is called: one grouping, with that name."""
    for item in items:
        entry = item.entry
        if item.kind != "C" or entry is None or entry.strength >= NAMED or entry.key not in book.entries:
            continue
        called = _CALLED.match(text, item.end, sent.end_char)
        if called is None:
            continue
        name = called.group("name")
        start, end = called.span("name")
        if ctx.gazetteer.lookup(name, "Country") or ctx.gazetteer.lookup(name, "Place") or any(
                t.ent_type_ in ("PERSON", "GPE", "LOC", "DATE") for t in sent if start <= t.idx < end):
            continue  # "a group known as Chile", "a fund named after Jane Smith": no name of a grouping
        named = book.named(name, NAMED, start, end, head=entry.head)
        if named is None or named is entry:
            continue
        book.merge(entry, named)
        for other in items:
            if other.entry is entry:
                other.entry = named
        items.append(_Item(start, end, "C", entry=named))
    items.sort(key=lambda i: i.start)


_INFORMALLY = re.compile(r"\s*[,(]\s*(?:informally|colloquially|(?:informally\s+|popularly\s+)?known\s+as|nicknamed|dubbed)\b",
                         re.I)


def _described_by_copula(text: str, sentence_start: int, before: _Item | None, mention: Mention) -> bool:
    """Whether a new grouping described after "a" is the subject of the sentence: "It is a coalition of
    navies", "Operation X is a US-led coalition" (the sentence's first coalition, as its subject)."""
    if mention.strength not in (LED_ONLY, DESCRIBED) or (mention.strength == DESCRIBED and not mention.indefinite
                                                         and not mention.purpose):
        return False
    if before is None:
        return bool(_IT_IS_A.match(text[sentence_start : mention.phrase_start]))
    return bool(re.fullmatch(r"\W*(?:the\s+)?", text[sentence_start : before.start], re.I)) \
        and bool(_IS_A.match(text[before.end : mention.phrase_start]))


#: Words that put an organization among a coalition's members or observers, after the coalition.
_COUNTED_WITH = re.compile(r"\b(?:members?|plus|including|observers?|partners)\b", re.I)


#: An organization written as the owner of a thing that is not its membership: "the European Union's power sector"
#: (not "NATO's members", "the EU's member states", "the alliance's newest ally").
_OWNER_OF_A_THING = re.compile(r"['’]s?\s+(?!(?:\w+\s+){0,2}?(?:members?|allies|ally|partners?|states|countries|nations|"
                               r"membership|enlargement|expansion|accession)\b)", re.I)


#: What a speaker calls their own country: no name of it (no alias is made of it).
_SPEAKERS_OWN = frozenset(f"{o} {n}" for o in ("our", "my") for n in ("country", "government", "nation")) | {"we"}


def _modifies_a_noun(sent: Span, end: int) -> bool:
    """Whether the name ending at `end` is a word of a noun phrase about something else: "on the sidelines of a NATO
    ministerial meeting", "the EU summit" (the organization owns the meeting; it is no new subject for what follows)."""
    last = next((t for t in sent if t.idx < end <= t.idx + len(t.text)), None)
    return last is not None and last.dep_ in ("compound", "nmod") and last.head.i > last.i and last.head.pos_ == "NOUN" \
        and last.head.lower_ not in HEADS and not last.head.lower_.endswith("s")


def _we_countries(sent: Span, ctx: ArticleContext, book: _Book) -> list[Party]:
    """A "we" (or "our country", "my government") that is a subject, said by a speaker who holds a post of one
    country: that country ("We joined together with Ireland," in the answer of Finland's foreign minister)."""
    if not book.speaker_country:
        return []
    out = []
    for t in sent:
        first = t
        if t.lower_ in ("country", "government", "nation") and t.dep_ in ("nsubj", "nsubjpass"):
            # "Our country joined in 2023": the speaker's country said as a subject
            owner = [c for c in t.children if c.dep_ == "poss" and c.lower_ in ("our", "my")]
            if not owner or owner[0].i != t.i - 1:
                continue
            first = owner[0]
        elif not (t.lower_ == "we" and t.dep_ in ("nsubj", "nsubjpass")):
            continue
        speaker = ctx.speaker_at(t.idx)
        country = book.speaker_country.get(speaker or "")
        if country:
            out.append(Party("Country", country, " ".join(w.text for w in sent.doc[first.i : t.i + 1]), first.idx,
                             t.idx + len(t.text)))
    return out


#: "the two Southeast Asian neighbours", "both countries", "the three Nordic states": countries named just before,
#: described by how many they are (capitalised words only between: "the two other countries" are others).
_DESCRIBED_COUNTRIES = re.compile(r"\b(?:[Tt]he\s+(?P<n>two|three|four)|[Bb]oth)\s+(?:[A-Z][\w-]*\s+){0,3}"
                                  r"(?:neighbou?rs|countries|nations|states|governments)\b(?!\s*['’])")
_HOW_MANY = {"two": 2, "three": 3, "four": 4}


def _described_countries(doc: Doc, text: str, sent: Span, ctx: ArticleContext, countries: list[Party],
                         taken: list[tuple[int, int]]) -> list[_Item]:
    """ "the two Southeast Asian neighbours" as the countries it means: exactly as many countries as it counts,
    named earlier in its sentence or, if none is, in the sentence before ("Indonesia and Malaysia … . The
    alliance spearheaded by the two Southeast Asian neighbours …"). Any other count of countries there: none."""
    out: list[_Item] = []
    for match in _DESCRIBED_COUNTRIES.finditer(text, sent.start_char, sent.end_char):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        wanted = _HOW_MANY[match.group("n")] if match.group("n") else 2
        before = [p for p in countries if p.end <= start]
        if not before and sent.start > 0:
            previous = doc[sent.start - 1].sent
            before = _countries_in(doc, ctx, previous.start, previous.end)
        first = {p.ident: p for p in reversed(before) if p.kind == "Country"}  # the first mention of each
        if not first and sent.start > 0:
            first = _listed_before(doc, text, ctx, doc[sent.start - 1].sent.start, wanted)
        if len(first) != wanted:
            continue
        # the countries as named before (the description is no name of theirs)
        out.append(_Item(start, end, "L", parties=sorted(first.values(), key=lambda p: p.start)))
    return out


#: How many sentences back "the three countries" may find the list it counts, when the sentence before names none.
_LISTED_REACH = 12


def _listed_before(doc: Doc, text: str, ctx: ArticleContext, before: int, wanted: int) -> dict[str, Party]:
    """'South Korea, the United States and Japan will hold … [paragraphs] … Besides the three countries, the team
    includes …': the nearest list, written as one ("A, B and C"), of exactly as many countries as counted, in the
    sentences before; none if a list of another size of countries comes between (it may be those that are meant)."""
    k = before
    for _ in range(_LISTED_REACH):
        if k <= 0:
            break
        sent = doc[k - 1].sent
        k = sent.start
        found = _countries_in(doc, ctx, sent.start, sent.end)
        lists = [i for i in _lists(text, [p for p in found if p.kind == "Country"]) if i.kind == "L"]
        sized = [i for i in lists if len({p.ident for p in i.parties}) == wanted]
        if len(sized) == 1 and len(lists) == 1:
            return {p.ident: p for p in reversed(sized[0].parties)}
        if any(len(i.parties) >= 2 for i in lists):
            return {}
    return {}


def _in_capitals_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is in a line of several words written in capitals ("WHO IS IN", a section
    heading): "WHO" there is a word, not the organization."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line.split()) >= 2 and line.upper() == line and any(c.isalpha() for c in line)


def _excluded(entity: Entity) -> bool:
    """An organization of data/coalition-excluded-organizations.txt: never a coalition, and what "the
    alliance" or "the bloc" after it may be about."""
    return any(normalise(n) in EXCLUDED_ORGANIZATIONS for n in (entity.name, *entity.aliases))


def _blocker_references(entity: Entity) -> frozenset[str] | None:
    """The references that may be about an excluded organization ("the alliance" for NATO); None: any."""
    for name in (entity.name, *entity.aliases):
        refs = _BLOCKER_REFERENCES.get(normalise(name))
        if refs is not None:
            return refs
    return None


def _never_coalition(entity: Entity) -> bool:
    """An excluded organization or a body of one ("the United Nations General Assembly", "the EU Council")."""
    return _excluded(entity) or any(normalise(n).startswith(x + " ") for n in (entity.name, *entity.aliases)
                                    for x in EXCLUDED_ORGANIZATIONS)


def _resolve(book: _Book, mention: Mention, sentence_start: int) -> _Entry | None:
    if mention.strength == REFERENCE:
        reach = mention.start - sentence_start if mention.head == "it" else REFERENCE_REACH
        entry = book.current(mention.start, mention.head, reach)
        if entry is None and mention.head in _BLOC_WORDS:
            # "OPEC+ agreed … The group, led by Saudi Arabia and Russia, …": the bloc named just before
            entry = book.bloc_before(mention.start)
        if entry is None and mention.head == "it" and book.previous_subject is not None and \
                book.current(mention.start, "") is book.previous_subject:
            # "The Baltic Cable Coalition was formed in 2025. Sweden and Finland chair it."
            entry = book.previous_subject
        if entry is None and mention.head == "it" and book.previous_sentence is not None \
                and book.ctx.text[book.previous_sentence[0] : book.previous_sentence[1]].rstrip().endswith("?"):
            # "What about the coalition of the willing, the group Britain and France set up for a ceasefire force?
            # Norway is part of it.": in the answer, the grouping the question named first (its topic), when no
            # organization that is never one is named since (after a statement, "it" may be anything it named)
            first = [(e.seen_before(book.previous_sentence[1]), e) for e in book.entries.values()]
            first = [(min(o for o in e.seen if book.previous_sentence[0] <= o), e) for at, e in first
                     if at >= book.previous_sentence[0]]
            if first:
                at, candidate = min(first, key=lambda x: x[0])
                if not book._blocked(at, mention.start, ""):
                    entry = candidate
        if entry is None and mention.head == "it" and book.previous_last is not None and \
                book.current(mention.start, "") is book.previous_last:
            # "… and that Italy and Belgium had joined it. Canada joined it later.": the grouping the sentence
            # before named last, with nothing else after it that "it" could be
            entry = book.previous_last
        if entry is None and mention.head != "it":
            entry = book.only(mention.start, mention.head)
        if mention.described:
            # "the naval alliance" after "the naval and air-defence alliances" is the naval one; after
            # another single alliance, it may be another: say nothing
            same = book.entries.get(coalition_key(f"{mention.described} {mention.head}"))
            if same is not None:
                entry = same
            elif entry is not None and not set(normalise(mention.described).split()) <= set(normalise(entry.name).split()):
                # "a new Haiti contact group" after the G7: another grouping, not the one named before
                entry = None if entry.head != mention.head or any(
                    e is not entry and e.head == mention.head for e in book.entries.values()) else entry
        if entry is None and mention.described_start >= 0 and any(w[:1].isupper() for w in mention.described.split()):
            # "The Nordic observer mission, led by Sweden, …" with no mission named before: named by its description
            written = book.ctx.text[mention.described_start : mention.end]
            return book.named(written, DESCRIBED, mention.described_start, mention.end, head=mention.head)
        if entry is not None:
            entry.see(mention.start)
        return entry
    if mention.strength == LED_ONLY and not mention.written:
        # "a coalition of 40 countries": a new one, named at the end by who leads it
        return book.named("", LED_ONLY, mention.start, mention.end, key=f"unnamed {mention.start} {mention.head}",
                          head=mention.head)
    if mention.strength == LED_ONLY:
        key = "led " + " ".join(sorted(p.ident for p in mention.led_by)) + " " + mention.head
        return book.named(mention.written, LED_ONLY, mention.start, mention.end, key=key, head=mention.head)
    if mention.entry is not None:  # a short form of a name read before ("JEF", "Aspides")
        entry = mention.entry
        entry.see(mention.start)
        if (mention.start, mention.end) not in entry.anchors:
            entry.anchors.append((mention.start, mention.end))
        return entry
    known = book.shorts.get(normalise(mention.written)) if mention.strength == NAMED else None
    if known is not None:  # "the Contact Group" after "the Contact Group on Libya"
        known.see(mention.start)
        if (mention.start, mention.end) not in known.anchors:
            known.anchors.append((mention.start, mention.end))
        return known
    fresh = coalition_key(mention.written) not in book.entries
    entry = book.named(mention.written, mention.strength, mention.start, mention.end, as_written=mention.purpose,
                       head=mention.head or "coalition")
    if entry is not None and fresh and mention.indefinite:
        entry.indefinite = True
    if entry is not None and mention.short:
        book.shorts.setdefault(normalise(mention.short), entry)
    return entry


#: "the Joint Expeditionary Force (JEF)": the short form in brackets right after a name.
_ACRONYM = re.compile(r"\s*\((?P<short>[A-Z][A-Za-z0-9+&-]{1,9})\)")


def _acronym_after(text: str, mention: Mention, entry: _Entry, book: _Book) -> None:
    if mention.strength != NAMED:
        return
    m = _ACRONYM.match(text, mention.end)
    if m and sum(c.isupper() for c in m.group("short")) >= 2:
        book.shorts.setdefault(normalise(m.group("short")), entry)
        if m.group("short") not in entry.aliases:
            entry.aliases.append(m.group("short"))


def _short_mentions(text: str, sent: Span, book: _Book, mentions: list[Mention]) -> list[Mention]:
    """'Aspides' for 'Operation Aspides', 'JEF' for the 'Joint Expeditionary Force (JEF)'."""
    out: list[Mention] = []
    if not book.shorts:
        return out
    chunk = text[sent.start_char : sent.end_char]
    for short, entry in book.shorts.items():
        for m in re.finditer(r"(?<![\w-])" + r"\W+".join(re.escape(w) for w in short.split()) + r"(?![\w-])", chunk, re.I):
            start, end = sent.start_char + m.start(), sent.start_char + m.end()
            if not text[start:start + 1].isupper() or any(x.phrase_start <= start < x.end or start <= x.start < end
                                                          for x in (*mentions, *out)):
                continue
            out.append(Mention(start, end, NAMED, entry.name, "", start, entry=entry))
    return out


def _own_head_mentions(text: str, sent: Span, book: _Book, mentions: list[Mention]) -> list[Mention]:
    """'the team' after 'the Multilateral Sanctions Monitoring Team, an 11-nation group': a grouping named before
    whose name ends in a noun that is no head word of ours, referred to by that noun (the one grouping whose name
    ends so, named within reach)."""
    last: dict[str, list[_Entry]] = {}
    for entry in book.entries.values():
        words = entry.name.split()
        if entry.strength == NAMED and len(words) >= 2 and words[-1].isalpha() and words[-1][:1].isupper() \
                and len(words[-1]) > 3 and words[-1].lower() not in HEADS and words[-1].lower().rstrip("s") not in HEADS:
            last.setdefault(words[-1].lower(), []).append(entry)
    if not last:
        return []
    out: list[Mention] = []
    for m in _THE_NOUN.finditer(text, sent.start_char, sent.end_char):
        noun = m.group("noun")
        found = last.get(noun)
        if not found or len(found) != 1 or not noun.islower():
            continue
        entry = found[0]
        start, end = m.start("noun"), m.end("noun")
        at = entry.seen_before(start)
        if at < 0 or start - at > REFERENCE_REACH or any(x.phrase_start <= start < x.end for x in mentions):
            continue
        out.append(Mention(start, end, NAMED, entry.name, "", start, entry=entry))
    return out


#: "the team", "The team's": a noun after "the" (what it refers to is decided by the names read before).
_THE_NOUN = re.compile(r"\b[Tt]he\s+(?P<noun>[a-z]{4,})\b")


def _led_by(text: str, dash: int, floor: int, countries: list[Party], organizations: list[tuple[int, int, str]],
            ctx: ArticleContext) -> list[Party]:
    """The parties written right before the dash of a "-led": "Latvia-led", "Chile- and Norway-led",
    "Rwanda, South Africa-led", "British-led", "EU-led"."""
    candidates = list(countries)
    candidates += [Party("Organization", k, text[s:e], s, e) for s, e, k in organizations]
    word = re.search(r"([A-Z][A-Za-z]+)$", text[max(floor, dash - 30) : dash])
    if word is not None:
        country = demonyms().get(word.group(1).casefold()) or _CAPITALS.get(word.group(1))
        start = dash - len(word.group(1))
        if country is not None and not any(c.start <= start < c.end for c in candidates):
            candidates.append(Party("Country", country, word.group(1), start, dash))
    by_end = {c.end: c for c in candidates}
    last = by_end.get(dash)
    if last is None:
        return []
    chain = [last]
    while True:
        before = [c for c in candidates if c.end <= chain[0].start]
        if not before:
            break
        near = max(before, key=lambda c: c.end)
        if not re.fullmatch(r"\s*(?:[-‐‑–/]|[-‐‑–]?\s*(?:,|and|&|,\s*and))\s*(?:the\s+)?", text[near.end : chain[0].start],
                            re.I):
            break
        chain.insert(0, near)
    return chain


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a sentence between semicolons."""
    out = []
    pos = start
    for m in re.finditer(";", text[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    return out


#: What stands between two countries of one list: ", ", " and ", ", and the ".
_LIST_GAP = re.compile(r"^\s*(?:,|and|&|,\s*and|as well as|plus)?\s*(?:the\s+)?$", re.I)
_AND_GAP = re.compile(r"\b(?:and|as well as|plus)\b|&", re.I)
_POSSESSIVE = re.compile(r"^['’]s?\b")


def _lists(text: str, countries: list[Party], places: Sequence[tuple[int, int]] = ()) -> list[_Item]:
    """Countries in plain lists ("Germany and Poland"; "Sweden, Latvia and Poland"), each list one
    marker; a country written as an owner ("Finland's") a marker of its own. A list ends after
    the item its "and" joins: "led by Poland and Germany, Sweden and Canada are members" is two. A place
    listed among them that is no country ("Vietnam, Hong Kong, New Zealand") is left out, and the list goes on."""
    out: list[_Item] = []
    chain: list[Party] = []
    seen_and = False

    def close() -> None:
        if chain:
            out.append(_Item(chain[0].start, chain[-1].end, "L", parties=list(chain)))

    for party in sorted(countries, key=lambda p: p.start):
        if _POSSESSIVE.match(text[party.end : party.end + 3]):
            close()
            chain, seen_and = [], False
            out.append(_Item(party.start, party.end, "P", parties=[party]))
            continue
        if chain:
            gap = text[chain[-1].end : party.start]
            bridged = next((text[chain[-1].end : s] + " " + text[e : party.start] for s, e in places
                            if chain[-1].end < s and e < party.start), None)
            if bridged is not None and re.fullmatch(r"\s*,\s*(?:the\s+)?\s\s*,\s*(?:and\s+)?(?:the\s+)?", bridged) \
                    and not seen_and:
                seen_and = "and" in bridged
                chain.append(party)
                continue
            if _LIST_GAP.match(gap) and not seen_and and not (len(chain) == 1 and "," in gap and _AND_GAP.search(gap)):
                # "Chile, Peru, and Bolivia" is one list; "… with Norway, and Peru and Ghana joined" is two clauses
                seen_and = bool(_AND_GAP.search(gap))
                chain.append(party)
                continue
            close()
        chain, seen_and = [party], False
    close()
    return out


#: A reporting clause set into a sentence between commas: "Japan, he said, is in the process of joining …",
#: "India is in the process of joining, the resources minister said, while …": the sentence reads on without it
#: (no country, coalition or organization in it, no conjunction opening it).
_SET_IN_REPORT = re.compile(r",\s*(?!(?:and|but|or|while|whereas|as|which|who|that|when|after|before|because)\b)"
                            r"[^‹›,;:\"“”]{1,70}?\s(?:said|says|added|adds|noted|notes|told\s+(?:\w+\s+){0,2}?\w+)\s*,\s*")
#: A participle clause set in right after a coalition, saying when or where it was made: "the Indo-Pacific
#: Partnership, signed in Perth on Monday, will be co-chaired by …" reads as "the … Partnership will be …".
_SET_IN_MAKING = re.compile(r"(?<=›)\s*,\s*(?:(?:first|originally|only|formally|officially)\s+)?(?:signed|launched|formed|set\s+up|"
                            r"created|founded|established|agreed|announced|unveiled|inaugurated|convened)\b[^‹›,;:]{0,60},\s*")


def _mask(text: str, start: int, end: int, items: list[_Item]) -> str:
    parts = []
    pos = start
    for n, item in enumerate(items):
        if n and item.kind == "C" and items[n - 1].kind == "C" and item.entry is not None \
                and item.entry is items[n - 1].entry and re.fullmatch(r"\s*\(", text[pos : item.start]) \
                and text[item.end : item.end + 1] == ")":
            # "the Kelp Forest Alliance (KFA) is led by …": the short name in brackets is no word of the sentence
            pos = item.end + 1
            continue
        parts.append(text[pos : item.start])
        parts.append(f"‹{item.kind}{n}›")
        pos = item.end
    parts.append(text[pos:end])
    masked = _SET_IN_REPORT.sub(" ", "".join(parts).replace("\n", " "))
    return _SET_IN_MAKING.sub(" ", masked) if "›" in masked else masked


#: What a question asks right before a pattern: "Will ‹L› join …?", "Does ‹L› lead …?".
_ASKED = re.compile(r"\b(?:will|would|does|did|do|is|are|was|were|has|have|had|can|could|should|shall|why|when|how|what|"
                    r"which|who|whether)\s+(?:\w+\s+)?$", re.I)


#: "A group of eight countries led by Colombia announced a Powering Past Coal alliance": the unnamed group
#: is the grouping it forms.
_FORMED = re.compile(r"^(?P<a>‹C\d+›)(?:[^‹;]|‹[LO]\d+›){0,80}?\b(?:launched|announced|formed|created|set\s+up|founded|"
                     r"unveiled|established)\s+(?:a|an|the)\s+(?:new\s+)?(?P<b>‹C\d+›)")


def _group_that_formed(text: str, start: int, end: int, clause: list[_Item], sentence: list[_Item], book: _Book) -> None:
    first = next((n for n, i in enumerate(clause) if i.kind == "C"), None)
    if first is None:
        return
    m = _FORMED.match(_mask(text, clause[first].start, end, clause[first:]))
    if m is None:
        return
    a = clause[first + int(MARK.fullmatch(m.group("a")).group(2))].entry
    b = clause[first + int(MARK.fullmatch(m.group("b")).group(2))].entry
    if a is None or b is None or a is b or a.name or a.strength != LED_ONLY:
        return  # only a grouping named by nothing but who leads it ("a group of eight countries led by …")
    book.merge(a, b)
    for i in sentence:
        if i.entry is a:
            i.entry = b


#: Verbs that make "… countries, among them X" a list of members, not of attendees.
#: Those who give to a grouping: "some 18 donors, among them Denmark, …".
_GIVING = re.compile(r"\b(?:donors|contributors|backers|funders|signatories|participants)\b", re.I)
_MEMBERSHIP_VERBS = re.compile(r"\b(?:commit\w*|join\w*|sign\w*|contribut\w*|pledg\w*|take\s+part|took\s+part|"
                               r"taking\s+part|participat\w*|members?|groups|brings\s+together)\b", re.I)


def _read_clause(text: str, start: int, end: int, clause: list[_Item], sentence: list[_Item], book: _Book) -> None:
    question = text[start:end].rstrip().rstrip("\"”’'").endswith("?")
    _group_that_formed(text, start, end, clause, sentence, book)
    if not any(i.kind in ("L", "P", "O") for i in clause):
        return  # no country (nor an organization that may lead): nobody to make a lead or a member
    masked = _mask(text, start, end, clause)

    def item(marker: str) -> _Item:
        return clause[int(MARK.fullmatch(marker).group(2))]

    def coalition_before(offset: int) -> _Entry | None:
        """The coalition of the clause (nearest before `offset`), of the sentence, or of the sentences before."""
        before = [i for i in clause if i.kind == "C" and i.start < offset]
        if before:
            return before[-1].entry
        earlier = [i for i in sentence if i.kind == "C" and i.start < start]
        if earlier:
            return earlier[-1].entry
        if book.sentence_entry is not None and book.sentence_entry.key in book.entries:
            return book.sentence_entry
        return book.current(offset, "")  # "NATO allies, including …": an organization named between blocks it

    respectively = RESPECTIVELY.search(masked)
    if respectively and (respectively.group("r1") or respectively.group("r2")):
        named = [item(m.group(0)) for m in MARK.finditer(respectively.group("cs"))]
        leads = item(respectively.group("l")).parties
        if len(named) == len(leads) and all(i.kind == "C" for i in named):
            for coalition, party in zip(named, leads):
                coalition.entry.assign(party, "lead")
    gapped = GAPPED_LEADS.search(masked)
    if gapped and not NEGATION.search(MARK.sub(" ", gapped.group(0))) and not HYPOTHETICAL.search(gapped.group(0)):
        # "Lithuania leads the demining coalition and Germany the air-defence coalition"
        for pair in re.finditer(r"(‹L\d+›)\s+(?:the\s+)?(‹C\d+›)", gapped.group(0)):
            lead, coalition = item(pair.group(1)), item(pair.group(2))
            if lead.kind == "L" and coalition.kind == "C" and coalition.entry is not None:
                for party in lead.parties:
                    coalition.entry.assign(party, "lead")
    for rule in RULES:
        for match in rule.pattern.finditer(masked):
            if question and _ASKED.search(masked, 0, match.start()):
                continue  # "Will Portugal join the US-led coalition?" asks; "… the Squad, the group of L?" says
            role = judged(rule, match)
            if role is None:
                continue
            if role == "lead" and _CHAIR_WORDS.search(match.group(0)) and (
                    _ROTATING.search(masked) or _FOR_A_YEAR.match(masked, match.end())):
                # "France's minister, who chairs the group this year", "Paraguay took over the rotating presidency":
                # a chair that passes from member to member in turn, no lead of a coalition
                continue
            if role == "member" and _RELATIVE.search(match.group(0)) and _THEN_NOT.match(masked, match.end()):
                # "Iceland, which took part in the mission in 2021, did not send observers this time": no longer
                continue
            if role == "member" and _NOT_PART_AFTER.search(masked, match.end()):
                # "Chile sent two experts who worked alongside the mission but were not formally part of it"
                continue
            groups = match.groupdict()
            if groups.get("c"):
                target = item(groups["c"])
                entry = target.entry if target.kind == "C" else (
                    book.organization(target.organization, target.start, target.end) if target.organization else None)
            elif rule.needs_coalition:
                continue
            else:
                at = item(groups["l"]).start if groups.get("l") else start
                # "Honduras, the council's only member": the one named last with that head word, if there is one
                entry = _by_head(book, at, groups["noun"].lower()) if groups.get("noun") else coalition_before(at)
                if groups.get("noun") and entry is not None:
                    book.sentence_entry = entry
                if rule.name == "countries, among them L" and not (
                        any(i.kind == "C" and i.start < at for i in clause) or _MEMBERSHIP_VERBS.search(match.group(0))
                        or _GIVING.search(match.group(0))):
                    # (not "countries, among them Chile" said of anything; "18 donors, among them Denmark, pay for
                    # them": those who give to the grouping of the sentences before are in it)
                    continue
            if entry is None:
                continue
            entries = [entry]
            if groups.get("c") and not groups.get("l2") and match.end("c") >= match.end() - 1:
                # "Estonia is part of the IT and demining coalitions": of each of them
                chain = _MORE_COALITIONS.match(masked, match.end("c"))
                if chain:
                    entries += [item(m.group(0)).entry for m in MARK.finditer(chain.group(0))
                                if item(m.group(0)).kind == "C" and item(m.group(0)).entry is not None]
                at = match.end("c")
                while role == "member" and (again := _MORE_AFTER_LEADS.match(masked, at)) and re.search(
                        rf"\b{again.group('prep')}\s+(?:the\s+)?‹C\d+›$", match.group(0)):
                    marker = MARK.findall(again.group(0))[-1]
                    other = item(f"‹{marker[0]}{marker[1]}›")
                    if other.kind == "C" and other.entry is not None:
                        entries.append(other.entry)
                    at = again.end()
            for entry in entries:
                _assign(rule, role, groups, entry, item)


#: Membership denied later in the clause: "… but were not formally part of it", "… though it is not a member".
_NOT_PART_AFTER = re.compile(r"\b(?:not|never|no\s+longer)\s+(?:\w+\s+)?(?:part\s+of|(?:a\s+)?members?\b|joined\b)", re.I)

#: A grouping's head word as an owner: "the council's only member".
_HEAD_OWNER = re.compile(r"\b(?:group|coalition|alliance|council|bloc|club|grouping|initiative|partnership|forum|pact|mission|"
                         r"force|body|organi[sz]ation)['’]s\s+(?:[\w-]+\s+){0,3}?(?:members?|participants?|signator(?:y|ies))\b",
                         re.I)


def _by_head(book: _Book, offset: int, noun: str) -> _Entry | None:
    """The grouping "the council's", "the alliance's" is about: the one named within LONG_REACH before `offset`
    whose name has that head word (or, for a word any grouping may be called by, the one named last)."""
    near = [e for e in book.entries.values() if 0 <= e.seen_before(offset) and offset - e.seen_before(offset) <= LONG_REACH
            and (e.head == noun or noun in e.name.casefold().split())]
    if len(near) == 1:
        return near[0]
    return book.current(offset, noun) if not near else None


#: A chair held in turn: "the rotating presidency", "who chairs the group this year".
_CHAIR_WORDS = re.compile(r"\b(?:co-?)?(?:chair\w*|presiden\w*|presid\w*)\b", re.I)
_ROTATING = re.compile(r"\brotating\b|\bin\s+rotation\b|\bby\s+rotation\b", re.I)
_FOR_A_YEAR = re.compile(r"\s*(?:this|next|for\s+the|for\s+a|for\s+one)\s+(?:year|term)\b|\s*(?:for|in)\s+\d{4}\b", re.I)
#: A relative clause after a subject ("Iceland, which took part in …"), and its main verb denied after it.
_RELATIVE = re.compile(r"‹L\d+›\s*,\s*(?:which|who)\b")
_THEN_NOT = re.compile(r"[^‹;,]{0,60},\s*(?:but\s+)?(?:(?:did|does|do|has|have|had|is|are|was|were|will|would)\s+"
                       r"(?:not|never|no\s+longer)|(?:has|have|had)\s+since\s+(?:left|withdrawn|quit|pulled\s+out))\b", re.I)
#: Coalitions right after another, and nothing else: "… the IT and demining coalitions."
_MORE_COALITIONS = re.compile(r"(?:(?:\s*,\s*(?:and\s+)?|\s*,?\s*and\s+)(?:the\s+)?‹C\d+›)+(?=\s*(?:[.;,)]|$))")
#: The same verb's preposition again, for another coalition, after who leads the first: "… takes part in the IT
#: Coalition, led by Estonia, and in the Demining Coalition, spearheaded by Lithuania."
_MORE_AFTER_LEADS = re.compile(r"\s*,\s*(?:(?:co-?)?(?:led|chaired|headed|spearheaded|run)\s+by\s+(?:the\s+)?‹L\d+›\s*,\s*)?"
                               r"and\s+(?:also\s+)?(?P<prep>in|to|of)\s+(?:the\s+)?‹C\d+›")


def _assign(rule: Rule, role: str, groups: dict[str, str | None], entry: _Entry, item: Callable[[str], _Item]) -> None:
    """Give the countries a rule's match names their role in the coalition `entry`."""
    for group in ("l", "l2"):
        if not groups.get(group):
            continue
        target = item(groups[group])
        if target.kind == "O" and role != "lead":
            continue
        if group == "l" and len(target.parties) < rule.min_parties:
            break
        if group == "l2" and groups.get("its") is not None and (groups["its"].lower() != "its" or len(target.parties) != 1):
            continue  # "Niamey … alongside Mali and Burkina Faso, its partners in C": one country before owns "its"
        for party in target.parties:
            if role == "not":
                entry.excluded.add((party.kind, party.ident))
            else:
                entry.assign(party, role)


_FIRST_WORDS: dict[int, tuple[weakref.ref, int, frozenset[str]]] = {}


def _country_first_words(gazetteer: Gazetteer) -> frozenset[str]:
    """The first words of the gazetteer's country names ("united", "south", "latvia"), made once per
    gazetteer (and again if rows are added to it)."""
    known = _FIRST_WORDS.get(id(gazetteer))
    if known is not None and known[0]() is gazetteer and known[1] == len(gazetteer.rows):
        return known[2]
    found = frozenset(normalise(name).split(" ", 1)[0] for row in gazetteer.rows if row.kind == "Country"
                      for name in (row.label, *row.aliases) if normalise(name))
    for key in [k for k, (ref, _, _) in _FIRST_WORDS.items() if ref() is None]:
        del _FIRST_WORDS[key]
    _FIRST_WORDS[id(gazetteer)] = (weakref.ref(gazetteer), len(gazetteer.rows), found)
    return found


def _countries_in(doc: Doc, ctx: ArticleContext, start: int, end: int) -> list[Party]:
    """Country names in tokens [start, end): the longest run of capitalised tokens the gazetteer
    knows as a Country ("United Kingdom", "Sweden"; the recogniser misses some)."""
    out = []
    # A run's text is sliced from the doc's text (what Span.text gives, without building spans);
    # Doc.ents builds every entity span on each access: the context's index holds them.
    text = ctx.doc_text(doc)
    index = ctx.index(doc)
    firsts = _country_first_words(ctx.gazetteer)
    titled = title_case(doc, start, end)
    i = start
    while i < end:
        t = doc[i]
        if not t.text[:1].isupper() or normalise(t.text).split(" ", 1)[0] not in firsts:
            # (a dotted token, "U.K.", is several words once normalised: its first one is looked for)
            country = _CAPITALS.get(t.text)
            if country is not None and _acting(t):
                # "Vilnius co-leads it with Iceland", "spearheaded by Tokyo and Canberra": the capital as the
                # subject or agent of a verb stands for its government (not "in Vilnius", "the Tokyo summit")
                out.append(Party("Country", country, t.text, t.idx, t.idx + len(t.text)))
            i += 1  # no country's name starts with this word: the runs from it are not looked up
            continue
        for n in range(min(6, end - i), 0, -1):
            last = doc[i + n - 1]
            run_start, run_end = t.idx, last.idx + len(last.text)
            written = text[run_start:run_end]
            if "\n" in written or not last.text[:1].isalnum():
                continue
            ent = index.entity_at(i) if t.ent_type_ == "PERSON" else None
            if ent is not None and (ent.start < i or ent.end > i + n) and not any(w.is_punct for w in ent):
                # "Chad Smith" is a person; a lone "Denmark" taken for one is still the country, and so is
                # "Antigua and Barbuda" when "Antigua" is taken for one
                continue
            rows = ctx.gazetteer.lookup(written, "Country")
            after = doc[i + n] if i + n < end else None
            if rows and not titled and after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() \
                    and not last.whitespace_ == "" \
                    and "\n" not in last.whitespace_ and not ctx.gazetteer.lookup(after.text, "Country"):
                rows = []  # "the South China Sea", "the Japan Coast Guard": a word of another name
            if rows:
                out.append(Party("Country", rows[0].label, written, run_start, run_end))
                i += n
                break
        else:
            i += 1
    return out


#: A lead or join verb right after a word: "Vilnius co-leads", "Nairobi now chairs" (the parser may split "co-leads").
_ACTING_VERB = re.compile(r"\s+(?:(?:now|also|again|jointly|currently|still)\s+)?(?:co-?)?(?:leads|led|chairs|chaired|"
                          r"heads|headed|spearheads|spearheaded|joined|joins|runs|commands)\b", re.I)


def _acting(t) -> bool:
    """A token that is the subject or the "by" agent of a verb, or a conjunct of one, or is followed by a lead or
    join verb."""
    if _ACTING_VERB.match(t.doc.text, t.idx + len(t.text)):
        return True
    seen = 0
    while t.dep_ == "conj" and seen < 4:
        t, seen = t.head, seen + 1
    if t.dep_ in ("nsubj", "nsubjpass"):
        return True
    if t.dep_ == "pobj" and t.head.lower_ in ("with", "alongside") and (
            _SHARED_VERB.fullmatch(t.head.head.lower_) or (t.head.head.dep_ == "dobj"
                                                           and _SHARED_VERB.fullmatch(t.head.head.head.lower_))):
        return True  # "France, which co-leads the coalition with Berlin": the capital shares the lead
    return t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.dep_ == "agent"


#: Lead and join verbs a capital may share with a country ("co-leads it with Berlin", "joined alongside Oslo").
_SHARED_VERB = re.compile(r"(?:co-?)?(?:lead|leads|led|leading|chair|chairs|chaired|chairing|head|heads|headed|joined|join|"
                          r"joins)")
