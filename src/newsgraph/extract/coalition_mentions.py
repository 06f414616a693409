"""Where a sentence names or refers to a grouping of states, read from its tokens.

Kinds of mention, strongest first (`Mention.strength`):

* NAMED, a proper name: "the Clean Ports Alliance", "Operation Azure Shield", "the Coalition of the
  Willing for Rare Earth Recycling", "the so-called Squad", "Nato's Baltic Sentry mission", "the
  SAARC currency swap framework", "the coalition of the willing";
* DESCRIBED, a name in common words: "the drone coalition", "a coalition for training field medics",
  each item of "logistics, cyber and counter-drone coalitions";
* LED_ONLY, nothing but who leads it: "a US-led coalition", "a Canadian-led coalition";
* REFERENCE, a coalition named before: "the coalition", "this alliance", "the group", "it" after
  "joined".

A name's head word comes from data/coalition-heads.txt ("coalition", "alliance", "group",
"operation" …). Whether a mention is a coalition of states at all is decided later, by the
countries the article says lead or join it: a name nobody is said to lead or join is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.text import demonyms, normalise, word_set

NAMED, DESCRIBED, LED_ONLY, REFERENCE = 3, 2, 1, 0

#: Head words of a grouping's name: "Clean Ports Alliance", "Cairns Group", "Operation Aspides".
HEADS = word_set("coalition-heads.txt")
#: Plural head words that open a name: "Friends of Submarine Cable Resilience".
LEADING_HEADS = word_set("coalition-leading-heads.txt")
#: Words that describe a coalition without naming it: "a new coalition", "the ruling coalition".
GENERIC_MODIFIERS = word_set("coalition-generic-modifiers.txt")
#: Words that may stand in a coalition's name but do not name it on their own ("capability").
TRANSPARENT_MODIFIERS = word_set("coalition-transparent-modifiers.txt")

_DETERMINERS = {"the", "this", "that", "these", "those", "our", "its", "their", "a", "an", "either", "both", "each",
                "every", "any", "which", "whose", "another"}
#: Inside a name that starts with its head: "Coalition of the Willing for Rare Earth Recycling".
_NAME_LINKS = {"of", "for", "the", "a", "an", "and", "on", "in", "to", "&", "de"}
#: Words that end a purpose phrase: "a coalition for training field medics, led by …", "… that was …".
_PURPOSE_STOPS = {"that", "which", "who", "whose", "led", "co-led", "headed", "spearheaded", "chaired", "co-chaired",
                  "alongside", "together", "jointly", "backed", "supported", "sponsored",
                  "launched", "formed", "founded", "created", "including", "as", "with", "among", "said", "says",
                  "according", "since", "after", "before", "when", "while", "until", "but", "so", "because",
                  # an adverb before the verb: "the US-led coalition against piracy now includes …"
                  "now", "also", "already", "still", "currently", "recently", "again", "formally", "officially",
                  "then", "soon", "once"}
_DASHES = "-‐‑–"
#: Head words that name a grouping on their own once capitalised: "the Squad", "the Quad".
_LONE_NAMES = {"squad", "quad"}
#: Words that make "the … pact" another grouping than the one named before.
_OTHER = {"rival", "competing", "parallel", "alternative", "different", "counter"}
#: A count of states before a description's head: "an 11-nation group", "a five-country bloc", "a 12-member pact".
_COUNTED_STATES = re.compile(r"\b(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty(?:-\w+)?)"
                             r"[-‑–](?:nation|country|state|member|government)\b", re.I)
#: Organizations that are never a coalition of states (NATO, the EU): "the Nato military alliance" is NATO.
#: Words of one country's armed service after its name: "Air" of "the Ukrainian Air Force".
_SERVICE_WORDS = word_set("national-service-words.txt")
_NEVER_COALITIONS = frozenset(normalise(n) for n in word_set("coalition-excluded-organizations.txt"))
#: Heads a description may name a new grouping with, after "a": "a rice exporters' alliance".
_DESCRIBED_HEADS = {"alliance", "bloc", "group", "partnership", "pact", "initiative", "club", "grouping", "force",
                    "taskforce", "mission", "operation"}
#: Heads whose name may end in the country it is for or on ("the Quintet for Sudan", "the Contact Group
#: on Libya", later "the Contact Group"); not "the Alliance for Ukraine" (NATO's "the Alliance") nor a
#: coalition ("the Drone Coalition for Ukraine" is the "Drone Coalition").
_FOR_COUNTRY_HEADS = {"quartet", "quintet", "troika", "group", "format", "initiative", "partnership", "club",
                      "framework", "mission", "taskforce"}
#: Heads that a purpose phrase may name: "a coalition for training field medics", "an alliance for tank
#: maintenance" (other heads only after "a": "the group for …" may be one named before).
_PURPOSE_HEADS = {"coalition", "alliance", "partnership", "initiative", "taskforce", "pact"}
#: "the coalition of the willing": a name, however it is written.
_OF_THE_NAMES = {"willing"}
#: What a grouping of states groups: "a coalition of 40 countries", "a group of exporters".
_STATES = {"countries", "nations", "states", "governments", "allies", "partners", "democracies", "economies",
           "members", "producers", "exporters", "importers", "donors", "navies", "militaries", "forces"}
#: Heads of a description in apposition to a name that has none: "Northern Lantern, a maritime coalition of …".
_APPOSED_HEADS = {"coalition", "alliance", "group", "grouping", "bloc", "force", "taskforce", "operation", "mission",
                  "partnership", "initiative", "pact", "club", "format", "framework"}
#: Heads of a description owned by an organization of states, in apposition to a name with no head of its own:
#: "Baltic Sentry, Nato's own mission in the Baltic", "Aspides, the EU's naval operation".
_OWNED_HEADS = {"mission", "operation", "force", "taskforce", "task force", "coalition", "group"}
#: Heads of a multinational unit that may be named by the country it is stationed in: "the multinational
#: brigade in Lithuania", "the battlegroup in Estonia" (NATO's forward land forces, each led by a framework
#: nation; a unit is a grouping only when countries are said to lead or join it).
_STATIONED_HEADS = {"brigade", "battlegroup"}
#: Generic words that still name such a unit: "the multinational brigade in Lithuania".
_UNIT_MODIFIERS = {"multinational", "multi-national"}
#: Little words that a headline in title case capitalises: "Denmark And Iceland Join …".
_LITTLE_WORDS = {"and", "or", "to", "on", "of", "in", "for", "with", "at", "by", "from", "as", "the", "a", "an"}


def title_case(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are a title-case line, where capitals say nothing of names."""
    return any(doc[i].text[:1].isupper() and doc[i].lower_ in _LITTLE_WORDS and doc[i - 1].text not in ".:!?\"“"
               for i in range(start + 1, end))

#: The words a mention is read from (plural heads aside): heads, "it" after "joined", "so-called".
_TRIGGERS = HEADS | LEADING_HEADS | {"it", "so-called", "so"}
_ANY_TRIGGER = re.compile(r"(?i)\b(?:" + "|".join(sorted(map(re.escape, HEADS | LEADING_HEADS))) + r")s?\b|\bso[\s-]called\b|"
                          r"\b(?:joined|join|joins|led|lead|leads|co-leads?|heads?|headed|chairs?|chaired|"
                          r"co-chairs?|rejoined|left|quit|leave|leaves|runs?|ran|spearhead(?:s|ed)?|coordinates?|coordinated|steers?|"
                          r"steered)\s+it\b|"
                          r"\b(?:part|members?|part(?:y|ies)|up|on)\s+(?:of|to)\s+it\b")
#: Head words that may have the name right after them: "the EU naval mission Aspides".
_NAMED_AFTER = {"mission", "operation", "force", "initiative", "coalition", "alliance", "partnership", "taskforce"}
#: Verbs whose object "it" may be a coalition named just before.
_JOIN_OR_LEAD = {"join", "lead", "co-lead", "colead", "head", "chair", "co-chair", "rejoin", "leave", "quit", "run",
                 "spearhead", "coordinate", "steer"}
#: Nouns of membership before "of it" / "to it": "part of it", "a member of it", "a party to it".
_MEMBERSHIP_NOUNS = {"part", "member", "members", "party", "parties"}
#: Forms of those verbs that the tagger may take for nouns: "Sweden and Finland chair it".
_JOIN_OR_LEAD_FORMS = {"chair", "chairs", "chaired", "head", "heads", "headed", "lead", "leads", "led", "join", "joins",
                       "joined"}
#: Finite verb tags: a capitalised finite verb ends a name read leftwards ("Japan Launch Critical …").
_FINITE = {"VBZ", "VBD", "VBP", "VB", "MD"}


@dataclass
class Party:
    """A country (or an organization, as a lead) as written at text[start:end]."""

    kind: str  # "Country" or "Organization"
    ident: str  # the gazetteer label of a country; the entity key of an organization
    written: str
    start: int
    end: int


@dataclass
class Mention:
    start: int  # the span of the name (or of the reference word) as written
    end: int
    strength: int
    written: str  # the name as written; "" for a reference
    head: str  # the head word, lower case ("coalition", "alliance", "operation" …)
    phrase_start: int  # where the whole phrase starts, a "Latvia-led" before the name included
    led_by: list[Party] = field(default_factory=list)  # "Latvia-led", "Chile- and Norway-led"
    short: str = ""  # another written form of a proper name: "Aspides" for "Operation Aspides"
    purpose: bool = False  # "a coalition for training field medics" (its name is kept as written)
    entry: object = None  # the coalition this mention is of, once resolved
    indefinite: bool = False  # a new grouping described after "a": "a rice exporters' alliance"
    described: str = ""  # a reference's own words: "naval" of "the naval alliance" (which of those named it is)
    described_start: int = -1  # where those words start
    phrase_end: int = -1  # where the whole phrase ends, if after the name: "Atlantic Shield, a naval task force"
    new: bool = False  # brought in as a new one, after "a": "a partnership to build …" (its name may follow)


LedBy = Callable[[int], list[Party]]


def sentence_mentions(doc: Doc, text: str, sent: Span, led_by_at: LedBy, is_country: Callable[[str], bool]) -> list[Mention]:
    """The coalition mentions of one sentence, in text order, none overlapping.

    `text` is the doc's text; `led_by_at(offset)` gives the parties written right before a
    "-led" whose dash is at `offset` ("Chile- and Norway" before "-led"); `is_country(name)` says
    whether a name is a country's."""
    if not _ANY_TRIGGER.search(text, sent.start_char, sent.end_char):
        return []  # most sentences: no head word, no "joined it", no "so-called"
    reader = _Reader(doc, text, sent, led_by_at, is_country)
    out: list[Mention] = []
    taken: set[int] = set()
    for t in sent:
        low = t.lower_
        if t.i in taken or not (low in _TRIGGERS or (low[-1:] == "s" and low[:-1] in HEADS)):
            continue
        for mention, used in reader.mentions_at(t):
            if not (used & taken):
                out.append(mention)
                taken |= used
    out.sort(key=lambda m: m.start)
    return out


def _capitalised(t: Token) -> bool:
    return (t.text[:1].isupper() and t.is_alpha) or bool(re.fullmatch(r"[A-Z][A-Za-z]*\+?|[A-Z][A-Z0-9]+\+?", t.text))


def _name_number(number: Token, after: Token | None) -> bool:
    """Whether a number right after a name's head is a word of the name ("Task Force 151", "Group 4"): digits,
    no year or date ("the Green Alliance 2030 agenda"), on the same line, and counting nothing after it
    ("the Coastal Alliance 12 ships")."""
    if not re.fullmatch(r"\d{1,3}", number.text) or number.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY"):
        return False
    if number.doc[number.i - 1].whitespace_ != " ":
        return False
    return after is None or (after.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ") and after.text not in ("%", "-", "–", "/", ".")) \
        or (after.text == "." and after.whitespace_ != "")


class _Reader:
    def __init__(self, doc: Doc, text: str, sent: Span, led_by_at: LedBy, is_country: Callable[[str], bool]):
        self.doc, self.text, self.sent, self.led_by_at, self.is_country = doc, text, sent, led_by_at, is_country
        self.first, self.stop = sent.start, sent.end
        # "Denmark And Iceland Join Canada-Led Coalition On Polar Rescue": capitals name nothing
        self.titled = title_case(doc, sent.start, sent.end)

    def span(self, first: Token, last: Token) -> tuple[int, int, str]:
        start, end = first.idx, last.idx + len(last.text)
        return start, end, self.text[start:end]

    def tok(self, i: int) -> Token | None:
        return self.doc[i] if self.first <= i < self.stop else None

    def mentions_at(self, t: Token) -> list[tuple[Mention, set[int]]]:
        low = t.lower_
        before = self.tok(t.i - 1)
        if low == "it" and before is not None and (
                (before.lemma_.lower() in _JOIN_OR_LEAD and before.pos_ == "VERB")
                or (before.lower_ in _JOIN_OR_LEAD_FORMS and (b2 := self.tok(before.i - 1)) is not None
                    and b2.pos_ not in ("DET", "ADJ", "ADP"))):
            # "Sweden and Finland chair it" ("chair" taken for a noun)
            # "Sweden and Norway had joined it": the coalition named just before
            return [(Mention(t.idx, t.idx + len(t.text), REFERENCE, "", "it", t.idx), {t.i})]
        if low == "it" and before is not None and before.lower_ in ("of", "to") and (b2 := self.tok(before.i - 1)) is not None \
                and (b2.lower_ in _MEMBERSHIP_NOUNS or (b2.lower_ in ("up", "on") and (b3 := self.tok(b2.i - 1)) is not None
                                                       and b3.lemma_.lower() == "sign")):
            # "Norway is part of it", "Chile is not a member of it", "Peru signed up to it": as "joined it"
            return [(Mention(t.idx, t.idx + len(t.text), REFERENCE, "", "it", t.idx), {t.i})]
        if low == "so-called" or (low == "so" and (n := self.tok(t.i + 2)) is not None and n.lower_ == "called"):
            return self.so_called(t)
        if low in LEADING_HEADS:
            # "the Friends of Submarine Cable Resilience": a name only when capitalised and followed by "of" and a name
            nxt = self.tok(t.i + 1)
            if not t.text[:1].isupper() or nxt is None or nxt.lower_ != "of":
                return []
            named = self.proper_name(t)
            if named is None or named[0].start != t.idx or named[0].end <= nxt.idx \
                    or any(self.doc[i].ent_type_ == "PERSON" for i in named[1]):
                return []  # "the Friends of Joe Biden": friends of a person, no grouping of states
            if not low.endswith("s") and named[0].written.split()[-1].lower() not in _STATES:
                return []  # "the Council of Palm Oil Producing Countries"; not "the Council of Europe" nor "of Ministers"
            return [named]
        if low in HEADS and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ"):
            nxt = self.tok(t.i + 1)
            if nxt is not None and not _capitalised(t) and not _capitalised(nxt) and not t.whitespace_.count("\n") \
                    and (nxt.lower_ in HEADS or (nxt.lower_[-1:] == "s" and nxt.lower_[:-1] in HEADS)):
                return []  # "the air force coalition": the last head word names the grouping
            return self.head_mentions(t)
        if low.endswith("s") and low[:-1] in HEADS and t.pos_ in ("NOUN", "PROPN"):
            return self.shared_head(t)
        return []

    # ----------------------------------------------------------------- names

    def head_mentions(self, t: Token) -> list[tuple[Mention, set[int]]]:
        nxt = self.tok(t.i + 1)
        if _capitalised(t) and self.national_service(t):
            return []  # "the Ukrainian Air Force": one state's armed service, no grouping of states
        if _capitalised(t):
            named = self.proper_name(t)
            if named is not None and self.service_owned(min(named[1])):
                return []  # "the Royal Navy's Littoral Response Group": a unit of one state's armed service
            if named is not None:
                return [named]
            if nxt is not None and _capitalised(nxt) and nxt.pos_ in ("PROPN", "NOUN") and "\n" not in t.whitespace_ \
                    and not self.titled:
                return []  # "its Framework Agreement": a word of another name
        elif nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and t.dep_ == "compound" and nxt.lower_ not in HEADS \
                and not _capitalised(nxt):
            return []  # "coalition partners", "coalition government", "group stage"
        return self.common_name(t)

    def national_service(self, t: Token) -> bool:
        """Whether the capitalised head `t` ends the name of one country's armed service: "Ukrainian Air Force",
        "Royal Netherlands Air Force", "United States Space Force" (a country's name or adjective, then nothing
        but service words); not "Joint Expeditionary Force" nor "Multinational Force"."""
        if t.lower_ not in ("force", "forces"):
            return False
        words = self.left_name(t)
        if words and words[0].lower_ == "royal":
            words = words[1:]
        for k in range(len(words) - 1, 0, -1):
            if not all(w.lower_ in _SERVICE_WORDS for w in words[k:]):
                break
            country = self.span(words[0], words[k - 1])[2]
            if (k == 1 and country.casefold() in demonyms()) or self.is_country(country):
                return True
        return False

    def service_owned(self, i: int) -> bool:
        """Whether the name starting at token i is owned by one state's armed service: "the Royal Navy's …",
        "the US Army's …", "the French Navy's …" (its owner's words all service words, a country or its
        adjective aside)."""
        owner = self.tok(i - 1)
        if owner is None or owner.text not in ("'s", "’s"):
            return False
        words: list[Token] = []
        k = i - 2
        while (w := self.tok(k)) is not None and _capitalised(w) and w.lower_ not in _DETERMINERS and len(words) < 4:
            words.insert(0, w)
            k -= 1
        if not words or words[-1].lower_ not in _SERVICE_WORDS | {"army", "force", "guard", "corps", "marines", "fleet"}:
            return False
        rest = [w for w in words if w.lower_ not in _SERVICE_WORDS | {"army", "force", "guard", "corps", "marines", "fleet"}]
        return not rest or (len(rest) == 1 and (rest[0].text.casefold() in demonyms() or self.is_country(rest[0].text))) \
            or self.is_country(" ".join(w.text for w in rest))

    def led_by_before(self, first: Token) -> tuple[list[Party], int]:
        """The parties of a "Latvia-led" right before token `first`, and where that phrase starts."""
        led = self.tok(first.i - 1)
        dash = self.tok(first.i - 2)
        if led is not None and dash is not None and led.lower_ in ("led", "co-led", "headed") and dash.text in _DASHES:
            parties = self.led_by_at(dash.idx)
            if parties:
                return parties, parties[0].start
        return [], first.idx

    def left_name(self, t: Token) -> list[Token]:
        """The capitalised words right before a head: "Clean Ports" of "Clean Ports Alliance"."""
        words: list[Token] = []
        k = t.i - 1
        while k >= self.first:
            w = self.doc[k]
            if "\n" in w.whitespace_:
                break
            prev = self.tok(k - 1)
            if w.text in ("'", "’") and prev is not None and not prev.whitespace_ and prev.text.endswith("s"):
                k -= 1  # "Buyers' Alliance"
                continue
            if w.text in _DASHES and not w.whitespace_ and words and prev is not None and not prev.whitespace_ \
                    and _capitalised(prev):
                k -= 1  # "Multi-Party"
                continue
            if w.lower_ == "of" and words and _capitalised(words[0]) and prev is not None and _capitalised(prev) \
                    and prev.lower_ not in _DETERMINERS and prev.pos_ in ("PROPN", "NOUN") and "\n" not in prev.whitespace_:
                words.insert(0, w)  # "Gulf of Guinea Maritime Task Force"
                k -= 1
                continue
            if not _capitalised(w) or w.lower_ in _DETERMINERS or w.pos_ in ("DET", "PRON", "ADP", "AUX", "CCONJ", "SCONJ") \
                    or w.tag_ in _FINITE or w.lower_ in ("led", "co-led", "headed", "backed"):
                break  # "Canada-Led Coalition" in a headline: who leads it, not its name
            words.insert(0, w)
            k -= 1
        return words

    def proper_name(self, t: Token) -> tuple[Mention, set[int]] | None:
        """'Clean Ports Alliance', 'Coalition of the Willing', 'Operation Azure Shield', 'the Squad'."""
        left = self.left_name(t)
        right: list[Token] = []
        k = t.i + 1
        prev = self.tok(t.i - 1)
        named_after = t.lower_ == "operation" or (t.lower_ in ("force", "taskforce") and (
            t.lower_ == "taskforce" or (prev is not None and prev.lower_ == "task" and _capitalised(prev))) and
            (n := self.tok(k)) is not None and _capitalised(n) and n.pos_ == "PROPN" and not self.is_country(n.text)
            and "\n" not in t.whitespace_ and not self.titled)
        if named_after:
            while (w := self.tok(k)) is not None and "\n" not in self.doc[k - 1].whitespace_:
                if w.text in _DASHES and right and not right[-1].whitespace_ and not w.whitespace_ \
                        and (n := self.tok(k + 1)) is not None and _capitalised(n):
                    right.append(w)  # "Operation Tri-Border"
                elif w.lower_ == "of" and right and w.ent_iob_ == "I" and (n := self.tok(k + 1)) is not None \
                        and _capitalised(n) and n.ent_iob_ == "I":
                    right.append(w)  # "Task Force Gulf of Guinea": a place's own "of", inside its name
                elif _capitalised(w) or w.like_num:
                    right.append(w)
                else:
                    break
                k += 1
            if not right:
                return None
        elif (w := self.tok(k)) is not None and (w.lower_ in ("of", "for", "on", "against") or (
                # "the High Ambition Coalition to End Plastic Pollution": a capitalised verb after "to" goes on naming it
                w.lower_ == "to" and (n := self.tok(k + 1)) is not None and _capitalised(n) and n.pos_ in ("VERB", "PROPN", "NOUN")
                and n.ent_type_ not in ("GPE", "LOC", "PERSON", "NORP", "DATE") and not self.is_country(n.text)
                and not self.titled)):
            # "Coalition of the Willing for …", "Capability Coalition on Demining", "Alliance of Small Island States"
            pending: list[Token] = [w]
            k += 1
            while (w := self.tok(k)) is not None and "\n" not in self.doc[k - 1].whitespace_:
                if (_capitalised(w) or (w.like_num and right)) and w.ent_type_ not in ("DATE", "TIME"):
                    if right and pending and pending[0].lower_ in ("in", "at") and w.ent_type_ in ("GPE", "LOC", "FAC"):
                        break  # "the Group of Friends of Mediation in New York": where it meets, not its name
                    right.extend(pending)
                    pending = []
                    right.append(w)
                elif w.text in _DASHES and right and not pending and not right[-1].whitespace_ and not w.whitespace_ \
                        and (n := self.tok(k + 1)) is not None and _capitalised(n) and n.is_alpha \
                        and "\n" not in w.whitespace_:
                    right.append(w)  # "Friends of Rules-Based Trade": a hyphenated word of the name
                    right.append(n)
                    k += 1
                elif w.lower_ in _NAME_LINKS and len(pending) < 3 and not (w.lower_ == "and" and not right):
                    pending.append(w)
                else:
                    break
                k += 1
            proper = [w for w in right if w.lower_ not in _NAME_LINKS]
            if proper and self.is_country(self.span(proper[0], proper[-1])[2]) and not (
                    t.lower_ in _FOR_COUNTRY_HEADS and right[0].lower_ in ("for", "on")):
                # "the Alliance for Ukraine" (NATO's "the Alliance"), "the Drone Coalition for Ukraine"
                # (the "Drone Coalition"), "the Weimar Triangle of France, …": not its name; but "the
                # Quintet for Sudan" is no other name
                right = []
            elif right and self.titled and self.doc[t.i + 1].lower_ in ("on", "against"):
                right = []  # "… Coalition On Polar Rescue" in a title-case headline: what it is about
            if not right and not left:
                return None
        if left and not right and not t.whitespace_ and (dash := self.tok(t.i + 1)) is not None and dash.text in _DASHES \
                and not dash.whitespace_:
            # "the Green Grids Initiative-One Sun One World One Grid": a second name joined to the head by a dash
            k = t.i + 2
            more: list[Token] = []
            while (w := self.tok(k)) is not None and _capitalised(w) and w.pos_ in ("PROPN", "NOUN", "NUM", "ADJ") \
                    and "\n" not in self.doc[k - 1].whitespace_ and len(more) < 8:
                more.append(w)
                k += 1
            if len(more) >= 2:
                right = [dash, *more]
        nxt = self.tok(t.i + 1)
        if left and not right and nxt is not None and "\n" not in t.whitespace_ and _capitalised(nxt) \
                and self.is_country(nxt.text) and (after := self.tok(t.i + 2)) is not None and not _capitalised(after):
            right = [nxt]  # "Multinational Force Ukraine"
        if left and not right and nxt is not None and _name_number(nxt, self.tok(t.i + 2)):
            right = [nxt]  # "Combined Task Force 151": a number is part of the name
        if not left and not right:
            before = self.tok(t.i - 1)
            if before is None or before.lower_ != "the" or t.lower_ not in _LONE_NAMES:
                return None  # "the Alliance" alone refers to one named before; "the Squad" is a name
        first = left[0] if left else t
        last = right[-1] if right else t
        start, end, written = self.span(first, last)
        short = self.span(right[0], right[-1])[2] if named_after else ""
        if left and right and t.lower_ in _FOR_COUNTRY_HEADS and self.is_country(self.span(right[1], right[-1])[2]):
            short = self.span(left[0], t)[2]  # "the Contact Group on Libya" is later "the Contact Group"
        led_by, phrase_start = self.led_by_before(first)
        return (Mention(start, end, NAMED, written, t.lower_, phrase_start, led_by, short=short),
                set(range(first.i, last.i + 1)))

    def so_called(self, t: Token) -> list[tuple[Mention, set[int]]]:
        """'the so-called Squad': capitalised words after 'so-called' ending in a head word are a name."""
        k = t.i + 1 if t.lower_ == "so-called" else t.i + 3
        words: list[Token] = []
        while (w := self.tok(k)) is not None and _capitalised(w) and len(words) < 5:
            words.append(w)
            k += 1
        numbered = bool(words) and (w := self.tok(k)) is not None and re.fullmatch(r"\d{1,2}", w.text) is not None \
            and w.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT") and self.doc[k - 1].whitespace_ == " " \
            and ((n := self.tok(k + 1)) is None or not (n.is_alpha and n.text[:1].islower()))
        if numbered:
            # "the so-called Sapporo 5", "the so-called Visegrad 4": a place and how many states it gathered
            words.append(self.doc[k])
        elif not words or (words[-1].lower_ not in HEADS and (
                len(words) < 2 or any(w.ent_type_ in ("PERSON", "GPE") or self.is_country(w.text) for w in words))):
            return []  # "the so-called Frugal Four" is a name; "the so-called Islamic State" of no states
        start, end, written = self.span(words[0], words[-1])
        return [(Mention(start, end, NAMED, written, words[-1].lower_, start), {w.i for w in words})]

    def common_name(self, t: Token) -> list[tuple[Mention, set[int]]]:
        """'the drone coalition', 'a coalition for training field medics', 'a US-led coalition',
        'the EU naval mission Aspides', 'the group' (a reference), 'a coalition of 30 countries'
        (an unnamed one, named by who leads it, if anyone)."""
        head = t.lower_
        other = self.tok(t.i - 1)
        if other is not None and other.lower_ in _OTHER:
            return []  # "the rival pact", "a competing alliance": not the one named before, and no name
        linked = self.linked_name(t) or self.apposed_name(t)
        if linked is not None:
            return [linked]
        k = t.i - 1
        words: list[Token] = []
        led_by: list[Party] = []
        phrase_start = t.idx
        while k >= self.first and t.i - k <= 7:
            w = self.doc[k]
            prev = self.tok(k - 1)
            if w.lower_ in ("led", "co-led", "headed") and prev is not None and prev.text in _DASHES:
                led_by = self.led_by_at(prev.idx)
                if led_by:
                    phrase_start = led_by[0].start
                break
            if w.lower_ == "based" and prev is not None and prev.text in _DASHES and not prev.whitespace_ \
                    and (place := self.tok(k - 2)) is not None and not place.whitespace_ and _capitalised(place):
                # "the Jakarta-based alliance", "the Kuala Lumpur-based group": where it sits, no word of its name
                k -= 3
                while (w := self.tok(k)) is not None and _capitalised(w) and w.pos_ == "PROPN" and w.whitespace_ == " " \
                        and k >= place.i - 3:
                    k -= 1
                continue
            if w.text in ("'", "’") and prev is not None and not prev.whitespace_ and prev.lower_.endswith("s"):
                words.insert(0, w)  # "a rice exporters' alliance"
                k -= 1
                continue
            # "F-16", "counter-drone", "OPEC+": the pieces of one written word
            piece = w.text in _DASHES or w.text == "+" or w.text.isalnum()
            glued = piece and ((not w.whitespace_ and bool(words)) or (prev is not None and not prev.whitespace_
                                                                       and not w.is_alpha))
            if "\n" in w.whitespace_ or (w.lower_ in GENERIC_MODIFIERS and not (
                    head in _STATIONED_HEADS and w.lower_ in _UNIT_MODIFIERS)) or w.lower_ in _DETERMINERS or (
                    w.tag_ in ("JJR", "JJS", "RBR", "RBS") and not _capitalised(w)):
                break  # "a smaller group", "the biggest alliance": a comparison, no word of a name
            if w.tag_ == "VBG" and w.lemma_.lower() in _JOIN_OR_LEAD:
                break  # "to keep leading maritime coalition", "joining the alliance": the verb, no word of its name
            if w.lower_ in _JOIN_OR_LEAD_FORMS and prev is not None and (
                    prev.lower_ in ("to", "will", "would", "co") or (prev.text in _DASHES and (p2 := self.tok(k - 2)) is not None
                                                                     and p2.lower_ == "co")):
                break  # a headline's "Germany and UK to co-lead deep-strike coalition": the verb, no word of its name
            if w.lower_ == "and" and words and not _capitalised(words[0]) and words[0].pos_ in ("NOUN", "ADJ") \
                    and prev is not None and prev.pos_ in ("NOUN", "ADJ") and not _capitalised(prev) \
                    and prev.lower_ not in GENERIC_MODIFIERS and prev.ent_type_ == "" and not w.whitespace_.count("\n"):
                # "the integrated air and missile defence coalition": modifiers joined by "and", one grouping (a
                # determiner after "and" makes two: "the maritime and the drone coalition")
                words.insert(0, w)
                k -= 1
                continue
            designator = w.pos_ in ("NUM", "X") and any(c.isalpha() for c in w.text) and w.text[:1].isupper()  # "F-16"
            if not glued and not designator and (w.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB")
                                                 or (w.pos_ == "VERB" and w.tag_ != "VBG")):
                break
            if w.ent_type_ == "GPE" and w.pos_ == "PROPN" and not glued and not (
                    head != "coalition" and (words or (w.text.isupper() and len(w.text) > 1)) and w.ent_iob_ == "B"
                    and not self.is_country(w.text)
                    and (nxt_ent := self.tok(k + 1)) is not None and nxt_ent.ent_iob_ != "I"):
                # "Latvia's drone coalition": the owner, not part of the name; but "a Mercosur observation
                # mission", "the BRICS group" (an organization the recogniser takes for a place) are named by it,
                # and "a new Haiti contact group" by the country it is about (no owner: no "'s", no "-led")
                about = head != "coalition" and words and not any(_capitalised(x) for x in words) \
                    and prev is not None and (prev.lower_ in _DETERMINERS or prev.lower_ in GENERIC_MODIFIERS) \
                    and w.ent_iob_ == "B" and (nxt_ent := self.tok(k + 1)) is not None and nxt_ent.ent_iob_ != "I"
                if not about:
                    break
            if w.ent_type_ == "PERSON" and w.ent_iob_ == "I" and not glued:
                break  # "the Joe Biden group": a grouping of people (one word taken for a name may be no person's)
            words.insert(0, w)
            k -= 1
        counted = bool(words) and words[0].like_num and not _capitalised(words[0])
        if counted:
            # "a 12-nation coalition", "the five-country group": a count, not a name
            n = 1
            while n < len(words) and not words[n - 1].whitespace_:
                n += 1
            words = words[n:]
        opener = self.tok(k)
        while opener is not None and (opener.lower_ in GENERIC_MODIFIERS or opener.tag_ in ("JJR", "JJS")) \
                and opener.lower_ not in _DETERMINERS \
                and t.i - opener.i <= 4:
            opener = self.tok(opener.i - 1)
        opener_word = opener.lower_ if opener is not None else ""
        naming = [w for w in words if w.lower_ not in TRANSPARENT_MODIFIERS]
        end = t.idx + len(t.text)
        used = set(range(words[0].i if words else t.i, t.i + 1))
        stationed = self.stationed_in(t) if head in _STATIONED_HEADS else None
        if stationed is not None and opener_word in _DETERMINERS and opener_word not in ("a", "an"):
            # "the multinational brigade in Lithuania": a unit named by the country it is stationed in
            start = words[0].idx if words else t.idx
            return [(Mention(start, stationed, DESCRIBED, self.text[start:stationed], head, min(start, phrase_start),
                             led_by), used)]
        if head in _STATIONED_HEADS and not led_by:
            return []  # "the battlegroup led by France": a unit, not the grouping named before; "a full brigade"
        if not led_by and head in _NAMED_AFTER:
            after = self.name_after(t)
            if after is not None:
                return [after]
        if head == "force" and len(words) == 1 and words[0].lower_ == "task" and not led_by:
            # "a task force to fight cattle rustling": named by what it is for, like a coalition
            task_force = self.purpose(t, indefinite=opener_word in ("a", "an"), first_word=words[0])
            if task_force is not None:
                return [task_force]
        if naming:
            start = words[0].idx
            capitals = [w for w in words if _capitalised(w)]
            if head == "coalition" or (head == "force" and len(words) >= 2 and words[-1].lower_ == "task"):
                # "the drone coalition", "the anti-piracy task force"
                return [(Mention(start, end, DESCRIBED, self.text[start:end], head, min(start, phrase_start), led_by), used)]
            if len(capitals) >= 2 or any(w.text.isupper() and len(w.text) > 1 for w in capitals):
                # "Nato's Baltic Sentry mission", "the SAARC currency swap framework", "the OPEC+ alliance"
                if len(capitals) == len(words) and head in ("mission", "operation", "force") and not (
                        len(words) == 1 and words[0].text.isupper()):
                    end = words[-1].idx + len(words[-1].text)  # "Baltic Sentry"; not "SADC" of "a SADC mission"
                return [(Mention(start, end, NAMED, self.text[start:end], head, min(start, phrase_start), led_by), used)]
            if len(words) >= 2 and capitals and capitals[0] is words[0] and words[0].pos_ == "PROPN" \
                    and words[0].ent_type_ not in ("NORP", "PERSON") and not self.is_country(words[0].text) \
                    and normalise(words[0].text) not in _NEVER_COALITIONS and any(not _capitalised(w) for w in words[1:]):
                # "a Mercosur observation mission", "the Mercosur trade bloc": named by an organization and
                # by what it is or does (not "the Nato military alliance")
                return [(Mention(start, end, DESCRIBED, self.text[start:end], head, min(start, phrase_start), led_by),
                         used)]
            if led_by:
                return [(Mention(phrase_start, end, LED_ONLY, self.text[phrase_start:end], head, phrase_start, led_by), used)]
            if opener_word in ("a", "an") and head in _DESCRIBED_HEADS and not self.of_others(t):
                # "a rice exporters' alliance", "a grain bloc": a new grouping, named by its description
                return [(Mention(start, end, DESCRIBED, self.text[start:end], head, start, indefinite=True), used)]
            described = " ".join(w.text for w in naming)
            about = self.about_country(t) if head in _FOR_COUNTRY_HEADS and any(_capitalised(w) for w in naming) else None
            if about is not None:
                # "The Arab contact group on Syria": a description named by the country it is about, too
                end = about
            return [(Mention(t.idx, end, REFERENCE, "", head, t.idx, described=described, described_start=start), {t.i})]
        purpose = self.purpose(t, indefinite=opener_word in ("a", "an")) if head in _PURPOSE_HEADS else None
        if purpose is not None and (purpose[0].strength == NAMED or not led_by):
            # "a coalition for training field medics", "the UK-led coalition of the willing" (named, led by
            # the UK)
            mention, taken = purpose
            mention.led_by = led_by
            mention.phrase_start = min(mention.start, phrase_start)
            return [(mention, taken | used)]
        # (not "… Canada-Led Coalition On Polar Rescue": a title-case headline's capitals name nothing)
        lower_link = (link := self.tok(t.i + 1)) is not None and link.text.islower()
        if purpose is None and led_by and head in _PURPOSE_HEADS and lower_link:
            purpose = self.purpose(t, indefinite=opener_word in ("a", "an"), proper=True)
        if purpose is not None and led_by and not self.of_others(t) and lower_link:
            # "an Australia-led coalition against illegal fishing": one grouping, known by who leads it (a later
            # "the Australia-led coalition" is the same), written with what it is for, which tells it apart
            mention, taken = purpose
            return [(Mention(phrase_start, mention.end, LED_ONLY, self.text[phrase_start:mention.end], head,
                             phrase_start, led_by), taken | used)]
        if led_by:
            # "a US-led coalition", "the British-led force": its name is who leads it; not "a US-led
            # group of investors"
            if self.of_others(t):
                return []
            return [(Mention(phrase_start, end, LED_ONLY, self.text[phrase_start:end], head, phrase_start, led_by), used)]
        if opener_word in ("a", "an", "another"):
            # "a coalition of more than 40 countries, led by the United States": a new one, unnamed
            if self.of_others(t) or self.of_a_kind(t):
                return []
            return [(Mention(t.idx, end, LED_ONLY, "", head, t.idx), {t.i})]
        if counted:
            return []  # "the 32-nation alliance": a grouping of its own (often NATO), not the one named last
        if opener_word in _DETERMINERS or opener_word in GENERIC_MODIFIERS or t.text[:1].isupper() or \
                (words and not naming):
            return [(Mention(t.idx, end, REFERENCE, "", head, t.idx), {t.i})]
        return []

    def about_country(self, t: Token) -> int | None:
        """Where 'on <country>' or 'for <country>' right after a head word ends: "the contact group on Syria"."""
        prep = self.tok(t.i + 1)
        if prep is None or prep.lower_ not in ("on", "for") or "\n" in t.whitespace_:
            return None
        names: list[Token] = []
        k = t.i + 2
        while (w := self.tok(k)) is not None and w.pos_ == "PROPN" and _capitalised(w) and len(names) < 4:
            names.append(w)
            k += 1
        if not names or ((nxt := self.tok(k)) is not None and (nxt.text in ("'s", "’s") or _capitalised(nxt))):
            return None
        start, end, written = self.span(names[0], names[-1])
        return end if self.is_country(written) else None

    def stationed_in(self, t: Token) -> int | None:
        """Where 'in <country>' right after a unit's head word ends, if the words are a country's name:
        "the brigade in Lithuania", "the battlegroup in the United Kingdom"."""
        prep = self.tok(t.i + 1)
        if prep is None or prep.lower_ != "in" or "\n" in t.whitespace_:
            return None
        k = t.i + 2
        if (w := self.tok(k)) is not None and w.lower_ == "the":
            k += 1
        names: list[Token] = []
        while (w := self.tok(k)) is not None and w.pos_ == "PROPN" and _capitalised(w) and len(names) < 4:
            names.append(w)
            k += 1
        if not names:
            return None
        start, end, written = self.span(names[0], names[-1])
        if not self.is_country(written) or ((nxt := self.tok(k)) is not None and nxt.text in ("'s", "’s")):
            return None
        return end

    def linked_name(self, t: Token) -> tuple[Mention, set[int]] | None:
        """'the Friends of Venezuela group': a capitalised name with 'of' or 'for' in it, right before the head."""
        k = t.i - 1
        words: list[Token] = []
        while (w := self.tok(k)) is not None and "\n" not in w.whitespace_ and len(words) < 8:
            if _capitalised(w) and w.lower_ not in _DETERMINERS and w.pos_ not in ("DET", "PRON", "AUX", "VERB"):
                words.insert(0, w)
            elif w.lower_ in ("of", "for", "and") and words and _capitalised(words[0]):
                words.insert(0, w)
            else:
                break
            k -= 1
        while words and not _capitalised(words[0]):
            words.pop(0)
        links = [w for w in words if w.lower_ in ("of", "for")]
        if not links or len(words) - len(links) < 2 or self.titled or not _capitalised(words[-1]) \
                or any(w.ent_type_ == "PERSON" for w in words) or words[0].ent_type_ == "DATE":
            return None
        start, end = words[0].idx, t.idx + len(t.text)
        return Mention(start, end, NAMED, self.text[start:end], t.lower_, start), set(range(words[0].i, t.i + 1))

    def apposed_name(self, t: Token) -> tuple[Mention, set[int]] | None:
        """'MCM Black Sea, the mine countermeasures group that Romania, Bulgaria and Türkiye set up', 'Northern
        Lantern, a maritime coalition of eight Baltic states': a proper name with no head word of its own, and
        a description of a grouping of states in apposition to it (what follows the head names states)."""
        if t.lower_ not in _APPOSED_HEADS or (nxt := self.tok(t.i + 1)) is not None and nxt.text in ("'s", "’s", "'", "’"):
            return None
        k = t.i - 1
        while (w := self.tok(k)) is not None and w.lower_ not in ("the", "a", "an"):
            if t.i - k > 6 or "\n" in w.whitespace_ or (w.is_punct and w.text not in _DASHES):
                return None
            if w.text in ("'s", "’s") and self.organization_owner(k) and (c := self.tok(k - 2)) is not None \
                    and c.text in (",", "–", "—"):
                k -= 1  # "Baltic Sentry, Nato's own mission in the Baltic": the owner opens the description
                break
            k -= 1
        comma = self.tok(k - 1)
        if w is None or comma is None or comma.text not in (",", "–", "—"):
            return None
        opener = k  # "the", "a" or "an"
        run: list[Token] = []
        j = comma.i - 1
        while (w := self.tok(j)) is not None and len(run) < 6 and "\n" not in w.whitespace_:
            if w.text in _DASHES and not w.whitespace_ and run:
                run.insert(0, w)
            elif _capitalised(w) and (w.pos_ == "PROPN" or w.text.isupper() or (run and w.pos_ == "ADJ")) \
                    and w.lower_ not in _DETERMINERS:
                run.insert(0, w)  # "Baltic Sentry": a capitalised adjective before a proper noun is of the name
            else:
                break
            j -= 1
        while run and not _capitalised(run[0]):
            run.pop(0)
        if run and (link := self.tok(run[0].i - 1)) is not None and link.lower_ in _NAME_LINKS and any(
                (w := self.tok(link.i - n)) is not None and _capitalised(w) and w.lower_ not in _DETERMINERS for n in (1, 2)):
            return None  # "the Group of Friends of the Pandemic Agreement, the group of …": the end of a longer name
        if run and (run[-1].lower_ in HEADS or run[-1].lower_.rstrip("s") in HEADS):
            return None  # "the Beneluxa Initiative, the joint drug-pricing alliance of …": a name with its head
        if run and run[0].lower_ in _NAMED_AFTER and len(run) > 1:
            return None  # "Operation Northern Lantern, the Finland-led mission …": a name with its head first
        if not run or any(w.ent_type_ in ("PERSON", "DATE", "TIME", "NORP", "MONEY") for w in run):
            return None
        start, end, written = self.span(run[0], run[-1])
        if self.is_country(written) or normalise(written) in _NEVER_COALITIONS or any(self.is_country(w.text) for w in run):
            return None
        if self.of_others(t):
            return None
        # what follows the head, up to a comma: "of eight Baltic states", "that Romania and Bulgaria set up"
        states = False
        k = t.i + 1
        while (w := self.tok(k)) is not None and k - t.i <= 15 and w.text not in (",", ";", ".", "\n"):
            if w.lower_ in _STATES or (_capitalised(w) and self.is_country(w.text)):
                states = True
                break
            k += 1
        if not states and _COUNTED_STATES.search(self.text, self.doc[opener].idx, t.idx):
            states = True  # "the Sanctions Monitoring Team, an 11-nation group launched in 2024": a count of states
        if not states and t.lower_ != "coalition" and not (t.lower_ in _OWNED_HEADS and any(
                self.doc[j].text in ("'s", "’s") and self.organization_owner(j) for j in range(opener, t.i))):
            return None
        # "Northern Lantern, the Finland-led mission of …": who leads it is said by the description
        led_by: list[Party] = []
        for j in range(opener + 2, t.i):
            if self.doc[j].lower_ in ("led", "co-led", "headed") and self.doc[j - 1].text in _DASHES:
                led_by = self.led_by_at(self.doc[j - 1].idx)
        if not led_by and t.lower_ in _OWNED_HEADS:
            # "Baltic Sentry, Nato's own mission": the organization whose mission it is runs it
            for j in range(opener, t.i):
                if self.doc[j].text in ("'s", "’s") and self.organization_owner(j):
                    led_by = [p for p in self.led_by_at(self.doc[j].idx) if p.kind == "Organization"][-1:]
                    break
        return (Mention(start, end, NAMED, written, t.lower_, start, led_by, phrase_end=t.idx + len(t.text)),
                set(range(run[0].i, t.i + 1)))

    def organization_owner(self, i: int) -> bool:
        """The "'s" at token i follows an organization of states that is never a coalition itself ("Nato's",
        "the EU's", "the African Union's"): a mission or operation it owns is one of its member states."""
        words: list[str] = []
        j = i - 1
        while (w := self.tok(j)) is not None and len(words) < 4 and _capitalised(w) and w.lower_ not in _DETERMINERS:
            words.insert(0, w.text)
            if normalise(" ".join(words)) in _NEVER_COALITIONS:
                return True
            j -= 1
        return False

    def of_others(self, t: Token) -> bool:
        """'a group of investors', 'a coalition of opposition parties': a grouping, but not of states."""
        of, what = self.tok(t.i + 1), None
        if of is None or of.lower_ != "of":
            return False
        k = t.i + 2
        while (w := self.tok(k)) is not None and k - t.i <= 6:
            if w.pos_ == "NOUN" and w.tag_ == "NNS":
                what = w.lower_
                break
            k += 1
        return what is not None and what not in _STATES

    def of_a_kind(self, t: Token) -> bool:
        """'a group of this kind', 'a coalition like that': any grouping of the kind, no new one."""
        after = [w.lower_ for w in self.doc[t.i + 1 : min(t.i + 5, self.stop)]]
        return bool(re.match(r"(?:of (?:this|that|its|the same|such a) (?:kind|sort|type|size)|like (?:this|that|"
                             r"ours|theirs|it)|such as (?:this|ours))\b", " ".join(after)))

    def name_after(self, t: Token) -> tuple[Mention, set[int]] | None:
        """'the EU naval mission Aspides', 'the maritime operation Atalanta': the name after the head."""
        names: list[Token] = []
        k = t.i + 1
        while (w := self.tok(k)) is not None and w.pos_ == "PROPN" and _capitalised(w) and len(names) < 3 \
                and "\n" not in self.doc[k - 1].whitespace_:
            names.append(w)
            k += 1
        if not names or (w := self.tok(k)) is not None and _capitalised(w) or w is not None and w.text in ("'s", "’s"):
            return None
        start, end, written = self.span(names[0], names[-1])
        if self.is_country(written) or names[0].ent_type_ in ("PERSON", "GPE", "DATE"):
            return None
        return Mention(start, end, NAMED, written, t.lower_, t.idx), set(range(t.i, names[-1].i + 1))

    def purpose(self, t: Token, indefinite: bool = False, first_word: Token | None = None,
                proper: bool = False) -> tuple[Mention, set[int]] | None:
        """'a coalition for training field medics', 'a coalition to end routine gas flaring in west Africa'
        (up to a comma, a relative clause, a verb or 'by 2030'); 'the coalition of the willing'."""
        k = t.i + 1
        first = self.tok(k)
        if first is None:
            return None
        if first.lower_ == "of" and t.lower_ == "coalition":
            the, name = self.tok(k + 1), self.tok(k + 2)
            if the is not None and name is not None and the.lower_ == "the" and name.lower_ in _OF_THE_NAMES:
                start, end, _ = self.span(t, name)
                return Mention(start, end, NAMED, "coalition of the " + name.lower_, "coalition", start), set(range(t.i, k + 3))
            return None
        if first.lower_ not in ("for", "to", "on", "against") or (t.lower_ != "coalition" and not indefinite):
            return None  # "an alliance for tank maintenance" is described by its purpose; "the alliance for …" may be
            # one named before
        words: list[Token] = []
        k += 1
        while (w := self.tok(k)) is not None and len(words) < 10:
            nxt = self.tok(k + 1)
            if w.text in _DASHES and words and not words[-1].whitespace_ and not w.whitespace_ and nxt is not None \
                    and nxt.is_alpha:
                words.append(w)  # "storm-damaged": one written word
                k += 1
                continue
            if w.is_punct or w.is_space or w.lower_ in _PURPOSE_STOPS or (w.lower_ == "along" and nxt is not None
                                                                          and nxt.lower_ == "with") or (w.tag_ in ("VBZ", "VBD", "VBP", "MD") and words) \
                    or "\n" in self.doc[k - 1].whitespace_:
                break
            if w.lower_ in ("by", "on", "in", "at", "from", "since", "last", "this", "next") and nxt is not None \
                    and (nxt.like_num or nxt.ent_type_ in ("DATE", "TIME")) or w.ent_type_ in ("DATE", "TIME"):
                break  # "… by 2030", "… on Monday": when, not what for
            words.append(w)
            k += 1
        while words and (words[-1].lower_ in _NAME_LINKS or words[-1].pos_ in ("ADP", "CCONJ", "DET", "PART")):
            words.pop()
        if proper and words and all(w.pos_ == "PROPN" or w.text in _DASHES for w in words) and not self.is_country(self.span(words[0], words[-1])[2]) \
                and not any(w.ent_type_ in ("GPE", "PERSON", "DATE") for w in words):
            pass  # "the US-led coalition against Islamic State": against a named enemy (not "for Ukraine")
        elif not any(w.pos_ in ("NOUN", "VERB") for w in words) and not (words and words[-1].pos_ == "ADJ" and (
                (after := self.tok(words[-1].i + 1)) is None or after.is_punct)):
            return None  # a rare noun may be taken for an adjective at the end: "a task force on fentanyl."
        begin = first_word or t
        start, end, written = self.span(begin, words[-1])
        return Mention(start, end, DESCRIBED, written, t.lower_, start, purpose=True, new=indefinite), \
            set(range(begin.i, words[-1].i + 1))

    def shared_head(self, t: Token) -> list[tuple[Mention, set[int]]]:
        """'logistics, cyber and counter-drone coalitions': one coalition per item, named by it."""
        head = t.lower_[:-1]
        items: list[list[Token]] = []
        current: list[Token] = []
        k = t.i - 1
        seen_and = False
        while k >= self.first and t.i - k <= 16:
            w = self.doc[k]
            if w.lower_ in ("and", "&", "or") or w.text == ",":
                if not current:
                    break
                items.insert(0, current)
                current = []
                seen_and = seen_and or w.text != ","
                k -= 1
                continue
            if w.text in _DASHES and not w.whitespace_ and current:
                current.insert(0, w)  # "counter-drone"
                k -= 1
                continue
            if (w.pos_ in ("NOUN", "ADJ", "PROPN") or w.tag_ == "VBG") and w.lower_ not in GENERIC_MODIFIERS and w.lower_ not in _DETERMINERS \
                    and w.lower_ not in TRANSPARENT_MODIFIERS and len(current) < 3 and not w.like_num:
                current.insert(0, w)
                k -= 1
                continue
            break
        if current:
            items.insert(0, current)
        if len(items) < 2 or not seen_and:
            return []
        out = []
        for n, item in enumerate(items):
            start, end, written = self.span(item[0], item[-1])
            last = n == len(items) - 1
            used = set(range(item[0].i, item[-1].i + 1)) | ({t.i} if last else set())
            out.append((Mention(start, t.idx + len(t.text) if last else end, DESCRIBED, f"{written} {head}", head, start),
                        used))
        return out
