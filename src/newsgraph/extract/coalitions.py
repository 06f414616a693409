"""Coalitions of countries: capability coalitions in list lines, bracketed lists and prose.

Three sources:

* list lines, one coalition a line: "– The United States, Denmark, and the Netherlands –
  Aviation Coalition", "Drone Coalition: Latvia (lead), Sweden"; whether the countries lead
  it comes from the line that introduces the list ("countries that have taken the lead …:")
  or from a "(lead)" mark next to a country;
* bracketed lists in a paragraph about coalitions: "aviation (the US, Denmark), demining
  (Lithuania)";
* prose: "the drone coalition led by Latvia", "Latvia leads the drone coalition together
  with the UK", "Sweden joined the IT coalition", "Türkiye's participation in a Black Sea
  security coalition"; "the coalition" and "its members" refer to the coalition named last.

Only names the gazetteer knows as a Country count as members. One coalition per name
however it is written ("Armoured capability coalition" is the "Armored Coalition").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.extract.anchors import make_anchor
from newsgraph.extract.context import ArticleContext
from newsgraph.model import Coalition, CoalitionMember
from newsgraph.text import line_start, normalise, word_map, word_set

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
LEAD_AFTER = re.compile(r"\b(?:(?:co-?)?led|headed|spearheaded|chaired|coordinated|run)\s+by\b", re.I)
#: Right after the coalition: "leads the drone coalition together with the UK".
TOGETHER_AFTER = re.compile(r"^\s*,?\s*(?:together|jointly)\s+with\s+(?:the\s+)?$", re.I)
MEMBER_AFTER = re.compile(r"\b(?:joined by|includ\w+|comprising|compris\w+|members?\b|such as|consists? of|made up of)", re.I)

#: Bullets and numbering before a list line.
_BULLET = re.compile(r"^\s*(?:[–—\-•*·▪●◦‣]|\d{1,2}[.)])\s*")
#: "<countries> – <name> Coalition" and "<name> Coalition: <countries>".
_COUNTRIES_THEN_NAME = re.compile(r"^(?P<countries>.+?)\s*[–—:-]\s+(?P<name>[^–—:]{1,60}?\bcoalition)\s*[.;,]?\s*$", re.I)
_NAME_THEN_COUNTRIES = re.compile(r"^(?P<name>[^–—:]{1,60}?\bcoalition)\s*(?:[:–—-]|\s-)\s*(?P<countries>.+?)\s*[.;]?\s*$", re.I)
_INTRO_WORDS = re.compile(r"\b(?:as follows|the following|below)\b", re.I)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*")
_LEAD_MARK = re.compile(r"\s*\((?:co-?)?(?:lead|leader|leading|chair)\)\s*$", re.I)
_ANY_MARK = re.compile(r"\s*\([^)]*\)\s*$")

#: Words that describe a coalition without naming it: "a new coalition", "the international coalition".
GENERIC_MODIFIERS = word_set("coalition-generic-modifiers.txt")
#: Words that may stand in a coalition's name but do not name it on their own.
TRANSPARENT_MODIFIERS = word_set("coalition-transparent-modifiers.txt")
#: Words left out when deciding that two written names are one coalition.
_KEY_DROP = word_set("coalition-key-drops.txt")
_SPELLING = word_map("coalition-spellings.tsv", "written", "key")


@dataclass
class _Found:
    coalition: Coalition
    by_country: dict[str, CoalitionMember] = field(default_factory=dict)


# --------------------------------------------------------------------------- entry point


def find_coalitions(doc: Doc, ctx: ArticleContext) -> list[Coalition]:
    """Coalitions named in the article body, each with its member countries, in text order."""
    found: dict[str, _Found] = {}
    list_lines = _from_list_lines(ctx, found)
    list_lines |= _from_parentheses(ctx, found, list_lines)
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
    country = ctx.register_country(written, start, end)
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
#: Words that end the name of a coalition in a run-on list: "coalitions: aviation (…), artillery (…)".
_NAME_STOP = word_set("coalition-name-stops.txt")


def _from_parentheses(ctx: ArticleContext, found: dict[str, _Found], used: set[int]) -> set[int]:
    """Coalitions written as a name and its countries in brackets, in a paragraph about coalitions:
    "eight capability coalitions: aviation (the US, Denmark, the Netherlands), demining (Lithuania)"."""
    lines: set[int] = set()
    for start, end in _lines(ctx.text, min(ctx.body_end, len(ctx.text))):
        line = ctx.text[start:end]
        if start in used or "coalition" not in line.casefold():
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
            entry = _coalition(ctx, found, written, name_start, name_end)
            if entry is None:
                continue
            for country, s, e, lead in items:
                _add_member(ctx, entry, country, s, e, lead=lead or leads or bool(lead_mark))
            lines.add(start)
    return lines


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
class _Mention:
    start_tok: int  # first token of the name (or of "Latvia-led")
    name_start: int  # char span of the name as written
    name_end: int
    written: str
    led_by: list[Token] = field(default_factory=list)  # "Latvia-led"
    refers: bool = False  # "the coalition", "its members": the coalition named last, not a name
    @property
    def phrase_start(self) -> int:
        """Where the whole coalition phrase starts, "Latvia-led" included."""
        return min([self.name_start, *(t.idx for t in self.led_by)])


def _from_prose(doc: Doc, ctx: ArticleContext, found: dict[str, _Found], list_lines: set[int]) -> None:
    for sent in doc.sents:
        if sent.start_char >= ctx.body_end:
            break
        mentions = [m for t in sent if (m := _prose_mention(doc, t)) is not None and line_start(ctx.text, t.idx) not in list_lines]
        if not mentions:
            continue
        countries = _countries_in(doc, ctx, sent.start, sent.end)
        for n, mention in enumerate(mentions):
            if mention.refers:
                # "it" only refers to a coalition named earlier in the same sentence.
                reach = mention.name_start - sent.start_char if mention.written.casefold() == "it" else REFERENCE_REACH
                entry = _last_named(found, mention.name_start, reach)
            else:
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


#: How far back "the coalition" or "its members" may refer to a named coalition, in characters.
REFERENCE_REACH = 800


def _last_named(found: dict[str, _Found], offset: int, reach: int = REFERENCE_REACH) -> _Found | None:
    """The coalition named last before `offset`, if it was named within `reach` characters."""
    best: tuple[int, _Found] | None = None
    for entry in found.values():
        for anchor in entry.coalition.anchors:
            if anchor.start < offset and (best is None or anchor.start > best[0]):
                best = (anchor.start, entry)
    if best is None or offset - best[0] > reach:
        return None
    return best[1]


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
        chain = _list_chain(text, side, backwards=side is before)
        if not chain:
            continue
        if side is after and _WHICH.match(text[mention.name_end : chain[0][1]]):
            out.extend(_relative_clause(text, side, chain))  # "the IT coalition, which Estonia co-leads with Luxembourg"
            continue
        role = _role(text, chain[0][1], chain[0][2], mention)
        if role is None and mention.refers and mention.written.casefold() != "coalition" and side is before \
                and _ARE_MEMBERS.match(text[chain[0][2] : mention.name_start]):
            role = False  # "Australia, Canada and Poland are among the members"
        if role is None and side is before and _LED_BY_BEFORE.search(text[max(0, chain[-1][1] - 20) : chain[-1][1]]):
            role = True  # "Led by Latvia and the UK, the drone coalition …"
        if role is None and side is after and out and _WITH.match(text[mention.name_end : chain[0][1]]):
            role = out[0][1]  # "Poland, which leads the armored coalition with Germany"
        if role is not None:
            out.extend((country, role) for country in chain)
    return out


#: Between a coalition and the country of a relative clause about it: "the drone coalition, which ".
_WHICH = re.compile(r"^\s*,?\s*(?:which|that)\s+(?:the\s+)?$", re.I)
#: After that country: it leads ("leads together with the", "co-leads with") or joins ("joined").
_RELATIVE_LEAD = re.compile(r"^\s*(?:now\s+|also\s+|currently\s+|jointly\s+)?(?:co-?)?(?:lead|leads|heads?|chairs?|"
                            r"coordinates?|runs?|spearheads?)\b(?:\s+(?:together|jointly))?(?P<with>\s+with\s+(?:the\s+)?)?", re.I)
_RELATIVE_MEMBER = re.compile(r"^\s*(?:has\s+|have\s+|had\s+)?(?:also\s+|recently\s+|now\s+)?"
                              r"(?:joined|joins?|signed up to|is part of|are part of|belongs? to)\b", re.I)


def _relative_clause(text: str, side: list[tuple[str, int, int]], chain: list[tuple[str, int, int]]
                     ) -> list[tuple[tuple[str, int, int], bool]]:
    """Countries of a relative clause after a coalition: "which Latvia leads together with the UK"
    (both lead), "which Sweden joined" (a member); nothing when the clause says neither."""
    rest = text[chain[-1][2] :]
    lead = _RELATIVE_LEAD.match(rest)
    if lead is not None:
        out = [(country, True) for country in chain]
        if lead.group("with"):
            partners = [c for c in side if c[1] == chain[-1][2] + lead.end()]
            if partners:
                tail = _list_chain(text, side[side.index(partners[0]) :], backwards=False)
                out.extend((country, True) for country in tail)
        return out
    if _RELATIVE_MEMBER.match(rest):
        return [(country, False) for country in chain]
    return []


def _list_chain(text: str, side: list[tuple[str, int, int]], backwards: bool) -> list[tuple[str, int, int]]:
    """The countries nearest the coalition that form one plain list ("Germany and Poland").

    A list joins its last item with "and": "led by Poland and Germany, Sweden and Finland are
    members" is two lists, and only the first is the coalition's."""
    chain = side[:1]
    seen_and = seen_comma = False
    for country in side[1:]:
        near = chain[-1]
        gap = text[country[2] : near[1]] if backwards else text[near[2] : country[1]]
        if not _LIST_GAP.match(gap):
            break
        joined = bool(_AND_GAP.search(gap))
        if (not backwards and seen_and) or (backwards and joined and seen_comma):
            break  # in text order, an item after the one "and" starts a new list
        seen_and = seen_and or joined
        seen_comma = seen_comma or not joined
        chain.append(country)
    return chain


_AND_GAP = re.compile(r"\b(?:and|as well as|together with)\b|&", re.I)


#: "… coalition with Germany": Germany does what the country before the coalition does.
_WITH = re.compile(r"^\s*,?\s*with\s+(?:the\s+)?$", re.I)

#: "… are among the members", "… became full members".
_ARE_MEMBERS = re.compile(r"^\s*(?:are|is|were|was|have become|has become|became|become|as)\s+(?:now\s+|also\s+)?"
                          r"(?:among\s+)?(?:the\s+|its\s+)?(?:new\s+|full\s+|founding\s+|coalition\s+)?$", re.I)

#: "led by " right before a country that comes before the coalition.
_LED_BY_BEFORE = re.compile(r"\b(?:(?:co-?)?led|headed|chaired|spearheaded)\s+by\s+(?:the\s+)?$", re.I)

#: What stands between two countries of one list: ", ", " and ", ", and the ".
_LIST_GAP = re.compile(r"^\s*(?:,|and|&|,\s*and|as well as|together with)?\s*(?:the\s+)?$", re.I)


#: Verbs whose object "it" may be a coalition named just before.
_JOIN_OR_LEAD = {"join", "lead", "co-lead", "colead", "head", "chair"}


def _prose_mention(doc: Doc, t: Token) -> _Mention | None:
    """'the drone coalition', 'a Black Sea security coalition', 'the Latvia-led drone coalition'."""
    if t.lower_ in ("members", "member", "participants") and t.i > 0 and doc[t.i - 1].lower_ in (
            "the", "its", "new", "coalition", "full", "founding"):
        return _Mention(start_tok=t.i, name_start=t.idx, name_end=t.idx + len(t.text), written=t.text, refers=True)
    if t.lower_ == "it" and t.i > 0 and doc[t.i - 1].lemma_.lower() in _JOIN_OR_LEAD and doc[t.i - 1].pos_ == "VERB":
        # "Sweden and the Netherlands had joined it": the coalition named just before
        return _Mention(start_tok=t.i, name_start=t.idx, name_end=t.idx + len(t.text), written=t.text, refers=True)
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
        # "the coalition", "this coalition": the one named last (if any); "a coalition of …" names none
        if t.i > 0 and doc[t.i - 1].lower_ in ("the", "this", "that", "our", "its") and not led_by and not (
                nxt is not None and nxt.lower_ in ("of", "for")):
            return _Mention(start_tok=t.i, name_start=t.idx, name_end=t.idx + len(t.text), written=t.text, refers=True)
        return None
    start = words[0].idx
    end = t.idx + len(t.text)
    # The span's own text: the same characters, without spaCy rebuilding the whole doc's text.
    return _Mention(start_tok=words[0].i, name_start=start, name_end=end, written=doc[words[0].i : t.i + 1].text, led_by=led_by)


def _countries_in(doc: Doc, ctx: ArticleContext, start: int, end: int) -> list[tuple[str, int, int]]:
    """Country names in tokens [start, end): the longest run of capitalised tokens the gazetteer
    knows as a Country ("United Kingdom", "Sweden"; the recogniser misses some)."""
    out = []
    # A run's text is sliced from the doc's text (what Span.text gives, without building spans);
    # Doc.ents builds every entity span on each access: the context's index holds them.
    text = ctx.doc_text(doc)
    index = ctx.index(doc)
    i = start
    while i < end:
        t = doc[i]
        if not t.text[:1].isupper():
            i += 1
            continue
        for n in range(min(6, end - i), 0, -1):
            last = doc[i + n - 1]
            run_start, run_end = t.idx, last.idx + len(last.text)
            written = text[run_start:run_end]
            if "\n" in written or not last.text[:1].isalnum():
                continue
            ent = index.entity_at(i) if t.ent_type_ == "PERSON" else None
            if ent is not None and (ent.start, ent.end) != (i, i + n):
                continue  # "Chad Smith" is a person; a lone "Denmark" taken for one is still the country
            if ctx.gazetteer.lookup(written, "Country"):
                out.append((written, run_start, run_end))
                i += n
                break
        else:
            i += 1
    return out


def _role(text: str, s: int, e: int, mention: _Mention) -> bool | None:
    """True if the country at text[s:e] leads the coalition mention, False if it joins it, None if neither."""
    if e <= mention.phrase_start:
        if _LED_BY_BEFORE.search(text[max(0, s - 20) : s]):
            return True  # "Led by Latvia, the drone coalition …"
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
    if LEAD_AFTER.search(between) or TOGETHER_AFTER.match(between):
        return True
    if MEMBER_AFTER.search(between):
        return False
    return None
