"""Roles: which person holds which post, of what, since when, after whom.

Three shapes of English carry them:

* a title before the name: "Latvia's Defense Minister Jane Roe", "President of Ukraine
  Jane Roe", "NATO Secretary General Jane Roe";
* an apposition after it: "Jane Roe, Estonia's foreign minister, …";
* an appointment clause: "Jane Roe assumed the role of defense minister in May 2021,
  replacing John Doe" / "was appointed … succeeding …" / "became …".

The owner ('of') is a possessive or plain Country/Organization mention, a demonym
("Latvian" -> Latvia) or a trailing "of <Country>". Titles are put in one canonical form
("Defense Minister" -> "Minister of Defense"), keeping the article's spelling of words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsgraph.extract.anchors import make_anchor
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.lexicon import (
    MINISTRY_FULL,
    MONTHS,
    PERSON_PRONOUNS,
    TITLE_HEADS,
    TITLE_JOINERS,
    demonyms,
    is_title_word,
)
from newsgraph.model import Role

_POSSESSIVE = {"’s", "'s", "’", "'"}
_OWNER_KINDS = ("Country", "Organization")
# How far left of a name a title may start (tokens).
_MAX_TITLE_TOKENS = 16
# Words before a rank that still belong to the post, not to its subject ("Deputy Defense Minister").
_RANK_PREFIX = {"deputy", "first", "vice", "acting", "prime"}
_RANKS = {"general", "colonel", "lieutenant", "major", "captain", "sergeant", "admiral", "marshal", "brigadier"}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = (
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_RE})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<m3>{_MONTH_RE})\.?,?\s+(?P<y3>\d{{4}})"
    rf"|(?P<y4>(?:19|20)\d{{2}}))"
)
_DATE_RE = re.compile(rf"\b(?:in|on|since|from|as\s+of)\s+{_DATE}\b", re.IGNORECASE)
_APPOINTED = re.compile(
    r"\b(?:(?:assumed|took\s+(?:up|over)?|has\s+taken|took)\s+(?:the\s+)?(?:role|post|position|office|duties|seat)\s+(?:of|as)"
    r"|(?:was|has\s+been|had\s+been|is|were|being)\s+(?:officially\s+)?(?:appointed|named|elected|confirmed|installed|nominated)(?:\s+as)?"
    r"|(?:became|becomes|has\s+become)"
    r"|(?:was\s+)?sworn\s+in\s+as"
    r"|took\s+office\s+as)\s+",
    re.IGNORECASE,
)
_APPOINTED_ACTIVE = re.compile(r"\b(?:appointed|named|elected|confirmed|nominated)\s+", re.IGNORECASE)
_PREDECESSOR = re.compile(
    r"\b(?:replacing|succeeding|who\s+replaced|who\s+succeeded|taking\s+over\s+from|took\s+over\s+from|in\s+place\s+of)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Found:
    """One statement of a role in the text, before merging."""

    person: str
    title: str
    of: str | None
    anchor_start: int
    anchor_end: int
    start: str | None = None
    end: str | None = None
    predecessor: str | None = None


@dataclass(frozen=True)
class _Mention:
    start: int  # token index
    end: int  # token index, exclusive
    key: str
    kind: str


class _Mentions:
    """Registered mentions indexed by token, for the title parser."""

    def __init__(self, doc: Doc, ctx: ArticleContext):
        self.by_start: dict[int, _Mention] = {}
        self.by_end: dict[int, _Mention] = {}
        for start, end, key in ctx.mentions(0, len(doc.text)):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            entity = ctx.entities[ctx.current_key(key)]
            mention = _Mention(span.start, span.end, entity.key, entity.kind)
            # Nested mentions ("Latvia" inside "Latvia's Defence Ministry"): the longest one counts.
            if span.start not in self.by_start or self.by_start[span.start].end < span.end:
                self.by_start[span.start] = mention
            if span.end not in self.by_end or self.by_end[span.end].start > span.start:
                self.by_end[span.end] = mention


def find_roles(doc: Doc, ctx: ArticleContext) -> list[Role]:
    """Every role the body states, one per (person, title, of), in order of first mention."""
    mentions = _Mentions(doc, ctx)
    found: list[_Found] = []
    for m in sorted(set(mentions.by_start.values()), key=lambda m: m.start):
        if m.kind != "Person":
            continue
        before = _title_before(doc, m, mentions, ctx)
        if before is not None:
            title, of, start = before
            found.append(_Found(m.key, title, of, start, doc[m.end - 1].idx + len(doc[m.end - 1])))
        after = _apposition_after(doc, m, mentions, ctx)
        if after is not None:
            title, of, end = after
            found.append(_Found(m.key, title, of, doc[m.start].idx, end))
    for sent in doc.sents:
        found.extend(_appointments(doc, sent, mentions, ctx))
    return _merge(found, ctx)


# ----------------------------------------------------------------------------- title phrases


def _parse_title(doc: Doc, a: int, b: int, mentions: _Mentions, ctx: ArticleContext) -> tuple[str, str | None] | None:
    """(canonical title, owner key) when tokens a..b are exactly a title phrase, else None."""
    k = a
    if k < b and doc[k].lower_ in ("the", "a", "an"):
        k += 1
    owner: str | None = None
    m = mentions.by_start.get(k)
    if m is not None and m.kind in _OWNER_KINDS and m.end < b:
        if doc[m.end].text in _POSSESSIVE:
            owner, k = m.key, m.end + 1
        elif is_title_word(doc[m.end].text):
            owner, k = m.key, m.end  # "NATO Secretary General", "US Defense Secretary"
        else:
            return None
    elif k < b and doc[k].text.casefold() in demonyms() and doc[k].text[0].isupper():
        owner = _country_key(doc[k], ctx)
        k += 1
    words: list[str] = []
    while k < b:
        token = doc[k]
        if token.lower_ in ("of", "for", "to", "at") and words:
            chained = _owner_chain(doc, k, b, mentions)
            if chained is not None:
                owner = owner or chained
                break
        if token.text == "-" and words and k + 1 < b and not doc[k - 1].whitespace_ and not token.whitespace_:
            words[-1] += "-" + doc[k + 1].text  # "Commander-in-Chief", "Secretary-General"
            k += 2
            continue
        if is_title_word(token.text) or (token.lower_ in TITLE_JOINERS and words):
            words.append(token.text)
            k += 1
            continue
        return None
    while words and words[-1].casefold() in TITLE_JOINERS:
        words.pop()
    words = _without_trailing_rank(words)
    parts = [p for w in words for p in w.casefold().split("-")]
    if not any(p in TITLE_HEADS for p in parts):
        return None
    if len(words) == 1 and words[0].casefold() in _RANKS:
        return None  # "General Jane Roe": a military rank, not a post
    if len(words) == 1 and owner is None and words[0].islower():
        return None  # "her deputy, Jane Roe": a relation, not a named post
    return canonical_title(words), owner


def _owner_chain(doc: Doc, k: int, b: int, mentions: _Mentions) -> str | None:
    """At 'of' (token k): 'of [the] X [of [the] Y …]' up to b, where X, Y are countries or
    organizations; the owner is X, the nearest. A rank may follow ('… Forces Major General')."""
    first: str | None = None
    while k < b and doc[k].lower_ in ("of", "for", "to", "at"):
        j = k + 1 + (1 if k + 1 < b and doc[k + 1].lower_ == "the" else 0)
        m = mentions.by_start.get(j)
        if m is None or m.kind not in _OWNER_KINDS or m.end > b:
            return None
        first = first or m.key
        k = m.end
    if first is not None and all(t.lower_ in _RANKS for t in doc[k:b]):
        return first
    return None


def _without_trailing_rank(words: list[str]) -> list[str]:
    """'Commander … Major General' -> 'Commander …': a rank after a post is not part of it.
    'Secretary General' stays: a single rank word right after a head is the post's name."""
    n = len(words)
    while n > 0 and words[n - 1].casefold() in _RANKS:
        n -= 1
    block = len(words) - n
    if block == 0 or n == 0 or not any(w.casefold() in TITLE_HEADS - _RANKS for w in words[:n]):
        return words
    if block == 1 and words[n - 1].casefold() in TITLE_HEADS:
        return words
    return words[:n]


def canonical_title(words: list[str]) -> str:
    """'Defense Minister' -> 'Minister of Defense'; 'prime minister' -> 'Prime Minister'."""
    words = [w if w.casefold() in TITLE_JOINERS else w[:1].upper() + w[1:] for w in words]
    lower = [w.casefold() for w in words]
    if len(words) >= 2 and lower[-1] == "minister" and "of" not in lower and "for" not in lower:
        prefix = []
        i = 0
        while i < len(words) - 1 and lower[i] in _RANK_PREFIX:
            prefix.append(words[i])
            i += 1
        subject = words[i:-1]
        if subject:
            field = " ".join(subject)
            field = MINISTRY_FULL.get(field.casefold(), field)
            return " ".join([*prefix, words[-1], "of", field])
    return " ".join(words)


def _country_key(token, ctx: ArticleContext) -> str | None:
    """The country a demonym names ("Latvian" -> Latvia); registered, with the adjective as its
    mention, when the text never names the country itself."""
    country = demonyms().get(token.text.casefold())
    if country is None:
        return None
    known = ctx.resolve(country, "Country")
    if known is not None:
        return known
    rows = [r for r in ctx.gazetteer.lookup(country) if r.kind == "Country"]
    return ctx.register(rows[0].label if rows else country, "Country", token.idx, token.idx + len(token))


def _title_before(doc: Doc, m: _Mention, mentions: _Mentions, ctx: ArticleContext) -> tuple[str, str | None, int] | None:
    """'Latvia's Defense Minister Jane Roe', or with a comma: 'Latvia's Minister of Defense, Jane Roe,'."""
    sent_start = doc[m.start].sent.start
    end = m.start
    if end - 1 > sent_start and doc[end - 1].text == "," and not _comma_list(doc, m):
        end -= 1
    for a in range(max(sent_start, end - _MAX_TITLE_TOKENS), end):
        parsed = _parse_title(doc, a, end, mentions, ctx)
        if parsed is not None:
            start = doc[a].idx if doc[a].lower_ not in ("the", "a", "an") else doc[a + 1].idx
            return parsed[0], parsed[1], start
    return None


def _comma_list(doc: Doc, m: _Mention) -> bool:
    """Whether the name after a comma is an item of a list ('…, Jane Roe and John Doe')
    rather than the name of the post before it."""
    after = doc[m.end] if m.end < len(doc) else None
    return after is not None and after.lower_ in ("and", "or")


def _apposition_after(doc: Doc, m: _Mention, mentions: _Mentions, ctx: ArticleContext) -> tuple[str, str | None, int] | None:
    """'Jane Roe, Latvia's defense minister, …' -> the title, its owner and where it ends."""
    if m.end >= len(doc) or doc[m.end].text != ",":
        return None
    a = m.end + 1
    sent_end = doc[m.start].sent.end
    for b in range(a + 1, min(sent_end, a + _MAX_TITLE_TOKENS) + 1):
        if b == sent_end or doc[b].text in (",", ";", ".", "—", "–", ")") or doc[b].is_punct:
            parsed = _parse_title(doc, a, b, mentions, ctx)
            if parsed is not None:
                return parsed[0], parsed[1], doc[b - 1].idx + len(doc[b - 1])
            return None
    return None


# ----------------------------------------------------------------------------- appointments


def _appointments(doc: Doc, sent: Span, mentions: _Mentions, ctx: ArticleContext) -> list[_Found]:
    out = []
    text = sent.text
    clauses = []  # (verb match start, person, where the title starts)
    for verb in _APPOINTED.finditer(text):
        person = _subject_before(doc, sent, sent.start_char + verb.start(), mentions, ctx)
        if person is not None:
            clauses.append((verb.start(), person, sent.start_char + verb.end()))
    for verb in _APPOINTED_ACTIVE.finditer(text):
        # "Parliament appointed Jane Roe as defense minister": the person is the object.
        if re.search(r"\b(?:was|were|is|are|been|being)\s+$", text[: verb.start()]):
            continue
        obj = mentions.by_start.get(_token_at(doc, sent.start_char + verb.end()))
        if obj is None or obj.kind != "Person":
            continue
        after = doc[obj.end - 1].idx + len(doc[obj.end - 1])
        glue = re.match(r"\s+(?:as\s+)?(?:the\s+new\s+)?", ctx.text[after : sent.end_char])
        clauses.append((verb.start(), obj.key, after + (glue.end() if glue else 0)))
    for verb_start, person, title_start in sorted(clauses):
        parsed, title_end = _longest_title_at(doc, title_start, sent, mentions, ctx)
        if parsed is None:
            continue
        title, of = parsed
        rest = ctx.text[title_end : sent.end_char]
        date_match = _DATE_RE.search(rest) or _DATE_RE.search(text)
        start = _iso(date_match) if date_match else None
        predecessor = None
        pred = _PREDECESSOR.search(rest)
        if pred is not None:
            pos = title_end + pred.end()
            later = [p for p in mentions.by_start.values() if p.kind == "Person" and pos <= doc[p.start].idx < pos + 60]
            if later:
                predecessor = min(later, key=lambda p: p.start).key
        anchor_start = doc.char_span(sent.start_char + verb_start, sent.end_char, alignment_mode="expand")
        a_start = anchor_start.start_char if anchor_start is not None else title_start
        out.append(_Found(person, title, of, a_start, title_end, start=start, predecessor=predecessor))
        if predecessor is not None and predecessor != person:
            # "replacing John Doe": Doe held the post until then (implied, so no start for him).
            out.append(_Found(predecessor, title, of, a_start, title_end, end=start))
    return out


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _longest_title_at(doc: Doc, char: int, sent: Span, mentions: _Mentions, ctx: ArticleContext):
    first = doc.char_span(char, char + 1, alignment_mode="expand")
    if first is None:
        return None, char
    a = first.start
    for b in range(min(sent.end, a + _MAX_TITLE_TOKENS), a, -1):
        parsed = _parse_title(doc, a, b, mentions, ctx)
        if parsed is not None:
            return parsed, doc[b - 1].idx + len(doc[b - 1])
    return None, char


def _subject_before(doc: Doc, sent: Span, char: int, mentions: _Mentions, ctx: ArticleContext) -> str | None:
    """The person the appointment clause is about: the last person named before the verb,
    or, for 'He/She was appointed', the last person named before the sentence."""
    persons = [m for m in mentions.by_start.values() if m.kind == "Person" and sent.start <= m.start and doc[m.end - 1].idx < char]
    if persons:
        return max(persons, key=lambda m: m.start).key
    if sent[0].lower_ in PERSON_PRONOUNS:
        earlier = [m for m in mentions.by_start.values() if m.kind == "Person" and m.end <= sent.start]
        if earlier:
            return max(earlier, key=lambda m: m.start).key
    return None


def _iso(match: re.Match) -> str | None:
    g = match.groupdict()
    year = g["y1"] or g["y2"] or g["y3"] or g["y4"]
    month_name = g["m1"] or g["m2"] or g["m3"]
    day = g["d1"] or g["d2"]
    if month_name is None:
        return year
    month = MONTHS[month_name.casefold()]
    if day is not None and 1 <= int(day) <= 31:
        return f"{year}-{month:02d}-{int(day):02d}"
    return f"{year}-{month:02d}"


# ----------------------------------------------------------------------------- merging


def _merge(found: list[_Found], ctx: ArticleContext) -> list[Role]:
    """One Role per (person, title, of); a role without an owner joins the same title with one,
    and a bare title ("Minister") joins the fuller one of the same person ("Minister of Defense")."""
    roles: dict[tuple[str, str, str | None], Role] = {}
    for item in sorted(found, key=lambda f: (f.anchor_start, f.anchor_end, f.person, f.title)):
        key = (item.person, item.title, item.of)
        role = roles.get(key)
        if role is None:
            role = roles[key] = Role(person=item.person, title=item.title, of=item.of)
        role.start = role.start or item.start
        role.end = role.end or item.end
        role.predecessor = role.predecessor or item.predecessor
        anchor = make_anchor(ctx.text, item.anchor_start, item.anchor_end)
        if anchor not in role.anchors:
            role.anchors.append(anchor)
    merged = list(roles.values())
    for role in list(merged):
        target = _fuller(role, merged)
        if target is not None:
            target.start = target.start or role.start
            target.end = target.end or role.end
            target.predecessor = target.predecessor or role.predecessor
            target.anchors.extend(a for a in role.anchors if a not in target.anchors)
            merged.remove(role)
    for role in merged:
        role.anchors.sort(key=lambda a: (a.start, a.end))
    return sorted(merged, key=lambda r: (r.anchors[0].start, r.person, r.title))


def _fuller(role: Role, roles: list[Role]) -> Role | None:
    mine = set(role.title.casefold().split())
    for other in roles:
        if other is role or other.person != role.person:
            continue
        theirs = set(other.title.casefold().split())
        same_owner = role.of is None or role.of == other.of
        if same_owner and (mine < theirs or (mine == theirs and role.of is None and other.of is not None)):
            return other
    return None
