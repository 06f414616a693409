"""Coalitions of countries: capability coalitions in list lines and in prose.

Two sources:

* list lines, one coalition a line: "– The United States, Denmark, and the Netherlands –
  Aviation Coalition", "Drone Coalition: Latvia (lead), Sweden"; whether the countries lead
  it comes from the line that introduces the list ("countries that have taken the lead …")
  or from a "(lead)" mark next to a country;
* prose: "the drone coalition led by Latvia", "Latvia leads the drone coalition together
  with the UK", "Sweden joined the IT coalition", "Türkiye's participation in a Black Sea
  security coalition".

Only names the gazetteer knows as a Country count as members.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.extract.anchors import make_anchor
from newsgraph.extract.context import ArticleContext
from newsgraph.gazetteer import normalise
from newsgraph.model import Coalition, CoalitionMember

#: Words that say a country leads: "taken the lead", "led by", "co-leads", "heads".
LEAD_CUES = re.compile(
    r"\b(?:co-?)?(?:lead|leads|leading|led|leader|leaders|leadership|head|heads|headed|heading|spearhead\w*|"
    r"chair\w*|in charge of|coordinat\w+)\b",
    re.I,
)
#: Words that say a country takes part without leading.
MEMBER_CUES = re.compile(
    r"\b(?:join\w*|member\w*|participat\w+|part of|participant\w*|signed up|sign up|signed on|accede\w*|"
    r"acceded|adhere\w*|enter\w*|include\w*|including|comprising|such as|alongside|contribut\w+|"
    r"takes? part|took part|taking part)\b",
    re.I,
)
#: After the coalition: "… coalition led by X", "… coalition, together with X" (X co-leads).
LEAD_AFTER = re.compile(r"\b(?:(?:co-?)?led|headed|spearheaded|chaired|coordinated|run)\s+by\b|\btogether with\b|\bjointly with\b|\bwith\b.*\bco-?lead", re.I)
MEMBER_AFTER = re.compile(r"\b(?:joined by|includ\w+|comprising|compris\w+|members?\b|such as|consists? of|made up of)", re.I)

#: Bullets and numbering before a list line.
_BULLET = re.compile(r"^\s*(?:[–—\-•*·▪●◦‣]|\d{1,2}[.)])\s*")
#: "<countries> – <name> Coalition" and "<name> Coalition: <countries>".
_COUNTRIES_THEN_NAME = re.compile(r"^(?P<countries>.+?)\s*[–—:-]\s+(?P<name>[^–—:]{1,60}?\bcoalition)\s*[.;,]?\s*$", re.I)
_NAME_THEN_COUNTRIES = re.compile(r"^(?P<name>[^–—:]{1,60}?\bcoalition)\s*(?:[:–—-]|\s-)\s*(?P<countries>.+?)\s*[.;]?\s*$", re.I)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*")
_LEAD_MARK = re.compile(r"\s*\((?:co-?)?(?:lead|leader|leading|chair)\)\s*$", re.I)
_ANY_MARK = re.compile(r"\s*\([^)]*\)\s*$")

#: Words that describe a coalition without naming it: "a new coalition", "the international coalition".
GENERIC_MODIFIERS = {"new", "international", "broad", "global", "so-called", "western", "wider", "large", "larger",
                     "whole", "entire", "same", "this", "that", "first", "second", "another", "other", "such",
                     "military", "proposed", "planned", "own"}
#: Words that may stand in a coalition's name but do not name it on their own.
TRANSPARENT_MODIFIERS = {"capability", "capabilities"}
#: Words left out when deciding that two written names are one coalition.
_KEY_DROP = {"coalition", "coalitions", "capability", "capabilities", "the", "of", "for"}
_SPELLING = {"armoured": "armored", "defence": "defense", "armour": "armor", "unmanned": "drone", "drones": "drone",
             "uav": "drone", "uavs": "drone"}


@dataclass
class _Found:
    coalition: Coalition
    by_country: dict[str, CoalitionMember] = field(default_factory=dict)


# --------------------------------------------------------------------------- entry point


def find_coalitions(doc: Doc, ctx: ArticleContext) -> list[Coalition]:
    """Coalitions named in the article body, each with its member countries, in text order."""
    found: dict[str, _Found] = {}
    list_lines = _from_list_lines(ctx, found)
    _from_prose(doc, ctx, found, list_lines)
    out = [f.coalition for f in sorted(found.values(), key=lambda f: f.coalition.anchors[0].start)]
    for coalition in out:
        coalition.members.sort(key=lambda m: m.anchor.start if m.anchor else 0)
    return out


# --------------------------------------------------------------------------- names and countries


def coalition_key(name: str) -> str:
    """The same coalition however it is written: 'Armoured capability coalition' == 'Armored Coalition'."""
    words = [_SPELLING.get(w, w) for w in normalise(name).split() if w not in _KEY_DROP]
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 and not w.endswith("ss") else w for w in words)


def display_name(written: str) -> str:
    """'drone coalition' -> 'Drone Coalition'; a name with proper nouns in it stays as written
    ('Black Sea security coalition'); acronyms stay upper case."""
    words = written.split()
    modifiers = words[:-1]
    if any(w[:1].isupper() for w in modifiers) and any(w[:1].islower() for w in modifiers):
        return " ".join(words)
    return " ".join(w if w.isupper() and len(w) > 1 else w[:1].upper() + w[1:] for w in words)


def register_country(ctx: ArticleContext, written: str, start: int, end: int) -> str | None:
    """The key of a country written as `written` at text[start:end], registered under the
    gazetteer's label with the written form as an alias; None if it is not a known country."""
    rows = ctx.gazetteer.lookup(written, "Country")
    if not rows:
        return None
    if ctx.resolve(written, "Country") is None:
        ctx.register(rows[0].label, "Country")
    return ctx.register(written, "Country", start, end)


def _coalition(ctx: ArticleContext, found: dict[str, _Found], written: str, start: int, end: int) -> _Found | None:
    key = coalition_key(written)
    if not key:
        return None
    entry = found.get(key)
    if entry is None:
        name = display_name(written)
        entity_key = ctx.register(name, "Organization", start, end)
        entry = found[key] = _Found(Coalition(key=entity_key, name=name))
    else:
        entity_key = ctx.register(entry.coalition.name, "Organization", start, end)
        entity = ctx.entities[entity_key]
        if normalise(written) != normalise(entity.name) and written not in entity.aliases:
            entity.aliases.append(written)  # "aviation capability coalition" for "Aviation Coalition"
    anchor = make_anchor(ctx.text, start, end)
    if anchor not in entry.coalition.anchors:
        entry.coalition.anchors.append(anchor)
    return entry


def _add_member(ctx: ArticleContext, entry: _Found, written: str, start: int, end: int, lead: bool) -> None:
    country = register_country(ctx, written, start, end)
    if country is None:
        return
    member = entry.by_country.get(country)
    if member is None:
        member = entry.by_country[country] = CoalitionMember(country=country, lead=lead, anchor=make_anchor(ctx.text, start, end))
        entry.coalition.members.append(member)
    else:
        member.lead = member.lead or lead


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


def _country_items(text: str, offset: int, ctx: ArticleContext) -> list[tuple[str, int, int, bool]] | None:
    """Split 'The United States, Denmark, and the Netherlands' into countries with their spans;
    None unless every item is a country the gazetteer knows."""
    items: list[tuple[str, int, int, bool]] = []
    pos = 0
    for part in [*_ITEM_SPLIT.split(text)]:
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
        if not ctx.gazetteer.lookup(name, "Country"):
            return None
        start = offset + at + (text[at:].find(name))
        items.append((name, start, start + len(name), lead))
    return items or None


def _from_list_lines(ctx: ArticleContext, found: dict[str, _Found]) -> set[int]:
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
            # A line that is not a list item may introduce the next list.
            intro_leads = bool(LEAD_CUES.search(line)) and not MEMBER_CUES.search(line.replace("including", ""))
            continue
        (name_at, name_end), (countries_at, countries_end) = parsed
        items = _country_items(body[countries_at:countries_end], body_at + countries_at, ctx)
        if items is None:
            continue
        written = body[name_at:name_end]
        written, shift = _strip_article(written)
        entry = _coalition(ctx, found, written, body_at + name_at + shift, body_at + name_end)
        if entry is None:
            continue
        marked = any(lead for *_, lead in items)
        for name, s, e, lead in items:
            _add_member(ctx, entry, name, s, e, lead=lead if marked else intro_leads)
        used.add(start)
    return used


def _strip_article(written: str) -> tuple[str, int]:
    m = re.match(r"(?i)(?:the|a|an)\s+", written)
    return (written[m.end():], m.end()) if m else (written, 0)


def _parse_list_line(body: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Spans (within body) of the coalition name and of the country list, or None."""
    m = _COUNTRIES_THEN_NAME.match(body)
    if m and len(m.group("name").split()) <= 6:
        return m.span("name"), m.span("countries")
    m = _NAME_THEN_COUNTRIES.match(body)
    if m and len(m.group("name").split()) <= 6:
        return m.span("name"), m.span("countries")
    return None


# --------------------------------------------------------------------------- prose


@dataclass
class _Mention:
    start_tok: int  # first token of the name (or of "Latvia-led")
    name_start: int  # char span of the name as written
    name_end: int
    written: str
    led_by: list[Token] = field(default_factory=list)  # "Latvia-led"

    @property
    def phrase_start(self) -> int:
        """Where the whole coalition phrase starts, "Latvia-led" included."""
        return min([self.name_start, *(t.idx for t in self.led_by)])


def _from_prose(doc: Doc, ctx: ArticleContext, found: dict[str, _Found], list_lines: set[int]) -> None:
    for sent in doc.sents:
        if sent.start_char >= ctx.body_end:
            break
        mentions = [m for t in sent if (m := _prose_mention(doc, t)) is not None and _line_start(ctx.text, t.idx) not in list_lines]
        if not mentions:
            continue
        countries = _countries_in(doc, ctx, sent.start, sent.end)
        for n, mention in enumerate(mentions):
            entry = _coalition(ctx, found, mention.written, mention.name_start, mention.name_end)
            if entry is None:
                continue
            for token in mention.led_by:
                _add_member(ctx, entry, token.text, token.idx, token.idx + len(token.text), lead=True)
            prev_end = mentions[n - 1].name_end if n > 0 else sent.start_char
            next_start = mentions[n + 1].name_start if n + 1 < len(mentions) else sent.end_char
            skip = {t.idx for t in mention.led_by}
            for (written, s, e), lead in _roles(ctx.text, [c for c in countries if c[1] not in skip], mention, prev_end, next_start):
                _add_member(ctx, entry, written, s, e, lead=lead)


def _roles(text: str, countries: list[tuple[str, int, int]], mention: _Mention, prev_end: int,
           next_start: int) -> list[tuple[tuple[str, int, int], bool]]:
    """The countries of a sentence that lead or join one coalition mention.

    The country next to the coalition is judged by the words between them; a country
    further away only through a plain list ("Germany and Poland lead …"), so that
    "talks with the US …, proposing Türkiye's participation in a … coalition" makes only
    Türkiye a member."""
    before = sorted((c for c in countries if c[2] <= mention.phrase_start and c[1] >= prev_end), key=lambda c: -c[1])
    after = sorted((c for c in countries if c[1] >= mention.name_end and c[2] <= next_start), key=lambda c: c[1])
    out: list[tuple[tuple[str, int, int], bool]] = []
    for side in (before, after):
        role: bool | None = None
        for n, country in enumerate(side):
            if n == 0:
                role = _role(text, country[1], country[2], mention)
            else:
                near = side[n - 1]
                gap = text[country[2] : near[1]] if side is before else text[near[2] : country[1]]
                if not _LIST_GAP.match(gap):
                    break
            if role is None:
                break
            out.append((country, role))
    return out


#: What stands between two countries of one list: ", ", " and ", ", and the ".
_LIST_GAP = re.compile(r"^\s*(?:,|and|&|,\s*and|as well as|together with)?\s*(?:the\s+)?$", re.I)


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _prose_mention(doc: Doc, t: Token) -> _Mention | None:
    """'the drone coalition', 'a Black Sea security coalition', 'the Latvia-led drone coalition'."""
    if t.lower_ != "coalition":
        return None
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.whitespace_ is not None and t.dep_ == "compound":
        return None  # "coalition capabilities", "coalition partners"
    k = t.i - 1
    led_by: list[Token] = []
    words: list[Token] = []
    while k >= 0 and t.i - k <= 6:
        w = doc[k]
        if w.lower_ in ("led", "headed") and k >= 2 and doc[k - 1].text in "-‐" and doc[k - 2].ent_type_ == "GPE":
            led_by.append(doc[k - 2])  # "Latvia-led"
            k -= 3
            break
        if w.pos_ not in ("NOUN", "PROPN", "ADJ") or w.lower_ in GENERIC_MODIFIERS or "\n" in w.whitespace_:
            break
        if w.ent_type_ == "GPE" and w.pos_ == "PROPN":
            break  # "Latvia's drone coalition": the owner, not part of the name
        words.insert(0, w)
        k -= 1
    if not any(w.lower_ not in TRANSPARENT_MODIFIERS for w in words):
        return None  # "the capability coalition": which one is not said
    start = words[0].idx
    end = t.idx + len(t.text)
    return _Mention(start_tok=words[0].i, name_start=start, name_end=end, written=doc.text[start:end], led_by=led_by)


def _countries_in(doc: Doc, ctx: ArticleContext, start: int, end: int) -> list[tuple[str, int, int]]:
    """Country names in tokens [start, end), from the entity recogniser, checked in the gazetteer."""
    out = []
    for ent in doc.ents:
        if ent.start < start or ent.end > end or ent.label_ not in ("GPE", "ORG", "NORP", "LOC"):
            continue
        text = ent.text
        s = ent.start_char
        article = re.match(r"(?i)the\s+", text)
        if article:
            text, s = text[article.end():], s + article.end()
        text = re.sub(r"[’']s$", "", text)
        if ctx.gazetteer.lookup(text, "Country"):
            out.append((text, s, s + len(text)))
    return out


def _role(text: str, s: int, e: int, mention: _Mention) -> bool | None:
    """True if the country at text[s:e] leads the coalition mention, False if it joins it, None if neither."""
    if e <= mention.phrase_start:
        between = text[e : mention.phrase_start]
        if len(between) > 90 or ";" in between:
            return None
        # The cue closest to the coalition decides: "Sweden, which leads …, joined the IT coalition".
        lead = [m.start() for m in LEAD_CUES.finditer(between)]
        member = [m.start() for m in MEMBER_CUES.finditer(between)]
        if lead or member:
            return max(lead, default=-1) > max(member, default=-1)
        return None
    between = text[mention.name_end : s]
    if len(between) > 60 or ";" in between:
        return None
    if LEAD_AFTER.search(between):
        return True
    if MEMBER_AFTER.search(between):
        return False
    return None
