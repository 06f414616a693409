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

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsgraph.extract.anchors import make_anchor
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.lexicon import MONTHS, PERSON_PRONOUNS, POSSESSIVE_MARKS, TITLE_HEADS, TITLE_JOINERS, is_title_word
from newsgraph.model import Role
from newsgraph.text import demonyms, post_title, word_set

_OWNER_KINDS = ("Country", "Organization")
# How far left of a name a title may start (tokens).
_MAX_TITLE_TOKENS = 16
_RANKS = word_set("ranks.txt")
# Words before a post that say when it was held, not what it is.
_TIME_MODIFIERS = word_set("time-modifiers.txt")
# Written short before a name: "Gen. Jane Roe", "Lt. Gen. Jane Roe", "Rear Adm. Jane Roe".
_RANK_ABBREVIATIONS = word_set("rank-abbreviations.txt")

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
    r"|took\s+office\s+as"
    r"|(?:previously\s+|formerly\s+|also\s+|has\s+|had\s+)?(?:served|serves|serving)\s+as)\s+",
    re.IGNORECASE,
)
# "Jane Roe succeeded John Doe as defense minister": the predecessor stands between verb and post.
_SUCCEEDED = re.compile(r"\b(?:succeeded|replaced|has\s+succeeded|has\s+replaced|took\s+over\s+from|has\s+taken\s+over\s+from)\s+", re.IGNORECASE)
_APPOINTED_ACTIVE = re.compile(r"\b(?:appointed|named|elected|confirmed|nominated)\s+", re.IGNORECASE)
# What may follow "was appointed" when no post is named: a date, then a comma or the end.
_UNTITLED = re.compile(rf"(?:(?:in|on|since|as\s+of)\s+{_DATE}\s*)?(?=[,.;]|\s*$)", re.IGNORECASE)
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
        for start, end, key in ctx.mentions(0, len(ctx.doc_text(doc))):
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
        # The persons in text order, and those that end a clause's subject: for the look-ups of
        # the person named near an offset, which would otherwise walk every mention each time.
        self.persons = sorted((m for m in self.by_start.values() if m.kind == "Person"), key=lambda m: m.start)
        self.person_starts = [m.start for m in self.persons]
        self.person_chars = [doc[m.start].idx for m in self.persons]
        self.subjects = [m for m in self.persons if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
        self.subject_starts = [m.start for m in self.subjects]

    def first_person_from(self, first: int, stop: int) -> _Mention | None:
        """The first person named at a character offset in [first, stop)."""
        i = bisect_left(self.person_chars, first)
        return self.persons[i] if i < len(self.persons) and self.person_chars[i] < stop else None

    def last_person_before(self, token: int, subjects_only: bool = False) -> _Mention | None:
        """The person (or the subject person) named last before token `token`, ending before it."""
        persons, starts = (self.subjects, self.subject_starts) if subjects_only else (self.persons, self.person_starts)
        for k in range(bisect_left(starts, token) - 1, -1, -1):
            if persons[k].end <= token:
                return persons[k]
        return None


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
            name_end = doc[m.end - 1].idx + len(doc[m.end - 1])
            since = _since_clause(ctx.text, name_end, doc[m.start].sent.end_char)
            found.append(_Found(m.key, title, of, start, name_end, start=since))
        after = _apposition_after(doc, m, mentions, ctx)
        if after is not None:
            title, of, end = after
            since = _since_clause(ctx.text, end, doc[m.start].sent.end_char) or _since_inside(ctx.text, doc[m.end].idx, end)
            found.append(_Found(m.key, title, of, doc[m.start].idx, end, start=since))
    untitled: list[_Found] = []
    for sent in doc.sents:
        found.extend(_appointments(doc, sent, mentions, ctx, untitled))
    found.extend(_untitled_appointments(found, untitled))
    return _merge(found, ctx, doc, mentions)


# ", who took office in December 2024," right after a titled name: when that post began.
_SINCE = re.compile(
    r"\s*,\s*who\s+(?:took\s+office|assumed\s+office|took\s+up\s+the\s+post|was\s+(?:appointed|sworn\s+in|elected|named)|"
    r"has\s+(?:held|been\s+in)\s+the\s+post|has\s+served)\s+"
)


def _since_clause(text: str, end: int, sent_end: int) -> str | None:
    """The start date a relative clause right after a titled name gives ('…, who took office in May 2021')."""
    m = _SINCE.match(text, end, sent_end)
    if m is None:
        return None
    date = re.compile(rf"(?:in|on|since|as\s+of)\s+{_DATE}\b", re.IGNORECASE).match(text, m.end(), sent_end)
    return _iso(date) if date is not None else None


def _since_inside(text: str, start: int, end: int) -> str | None:
    """The date of 'since 2022' closing an apposition ('…, Estonia's defence minister since 2022,')."""
    m = re.search(rf"\bsince\s+{_DATE}$", text[start:end], re.IGNORECASE)
    return _iso(m) if m is not None else None


def _untitled_appointments(found: list[_Found], untitled: list[_Found]) -> list[_Found]:
    """'Roe was appointed in July 2024, succeeding John Doe' names no post: it is the one post
    found for Roe elsewhere in the text, when there is exactly one."""
    out = []
    for item in untitled:
        posts = {(f.title, f.of) for f in found if f.person == item.person}
        owned = {p for p in posts if p[1] is not None}
        posts = owned or posts
        if len(posts) != 1:
            continue
        title, of = posts.pop()
        out.append(dataclasses.replace(item, title=title, of=of))
        if item.predecessor is not None and item.predecessor != item.person:
            out.append(_Found(item.predecessor, title, of, item.anchor_start, item.anchor_end, end=item.start))
    return out


# ----------------------------------------------------------------------------- title phrases


def _parse_title(doc: Doc, a: int, b: int, mentions: _Mentions, ctx: ArticleContext) -> tuple[str, str | None] | None:
    """(canonical title, owner key) when tokens a..b are exactly a title phrase, else None."""
    k = a
    if k < b and doc[k].lower_ in ("the", "a", "an", "now", "currently", "also"):
        k += 1  # "…, now the ambassador to the UK"
    if k < b and doc[k].lower_ in ("the", "a", "an"):
        k += 1
    if k < b and doc[k].lower_ in _TIME_MODIFIERS:
        k += 1  # "former defense minister": a post held before is still a post the person held
    owner: str | None = None
    m = mentions.by_start.get(k)
    if m is not None and m.kind in _OWNER_KINDS and m.end < b:
        if doc[m.end].text in POSSESSIVE_MARKS:
            owner, k = m.key, m.end + 1
        elif is_title_word(doc[m.end].text):
            owner, k = m.key, m.end  # "NATO Secretary General", "US Defense Secretary"
        else:
            return None
    elif k < b and doc[k].text.casefold() in demonyms() and doc[k].text[0].isupper():
        owner = ctx.country_of_demonym(doc[k].text, doc[k].idx, doc[k].idx + len(doc[k]))
        k += 1
    if k < b and doc[k].lower_ in _TIME_MODIFIERS:
        k += 1  # "Ukraine's former commander-in-chief"
    words: list[str] = []
    while k < b:
        token = doc[k]
        if token.lower_ in ("of", "for", "to", "at") and words:
            chained = _owner_chain(doc, k, b, mentions)
            if chained is not None:
                # "Ukraine's Commander of the Unmanned Systems Forces": the body the post is 'of' is more
                # specific than the country before it; "Ukraine's envoy to the UN" is Ukraine's envoy.
                if owner is None or (
                    token.lower_ in ("of", "for")
                    and ctx.entities[ctx.current_key(chained)].kind == "Organization"
                    and ctx.entities[ctx.current_key(owner)].kind == "Country"
                ):
                    owner = chained
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
    if all(w.casefold() in _RANKS for w in words):
        return None  # "General Jane Roe", "Lieutenant General Jane Roe": a military rank, not a post
    if len(words) == 1 and owner is None and words[0].islower():
        return None  # "her deputy, Jane Roe": a relation, not a named post
    return post_title(words), owner


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


def _title_before(doc: Doc, m: _Mention, mentions: _Mentions, ctx: ArticleContext) -> tuple[str, str | None, int] | None:
    """'Latvia's Defense Minister Jane Roe', or with a comma: 'Latvia's Minister of Defense, Jane Roe,'."""
    sent_start = doc[m.start].sent.start
    end = m.start
    # "the Commander of the Navy, Rear Admiral Jane Roe": a rank between the post and the name.
    rank = end
    while rank - 1 > sent_start and (doc[rank - 1].lower_.rstrip(".") in _RANKS or doc[rank - 1].lower_.rstrip(".") in _RANK_ABBREVIATIONS):
        rank -= 1
    if rank < end and rank - 1 > sent_start and doc[rank - 1].text == ",":
        end = rank
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
            if parsed is None:
                # "Jane Roe, Estonia's defence minister since 2022, …": the date is not part of the post.
                since = re.search(rf"\s+(?:since|from)\s+{_DATE}$", doc[a:b].text, re.IGNORECASE)
                if since is not None:
                    cut = doc.char_span(doc[a].idx + since.start(), doc[b - 1].idx + len(doc[b - 1]), alignment_mode="expand")
                    if cut is not None and cut.start > a:
                        parsed = _parse_title(doc, a, cut.start, mentions, ctx)
            if parsed is None:
                parsed = _title_of_unknown(doc, a, b, mentions, ctx)
            if parsed is not None:
                return parsed[0], parsed[1], doc[b - 1].idx + len(doc[b - 1])
            return None
    return None


def _title_of_unknown(doc: Doc, a: int, b: int, mentions: _Mentions, ctx: ArticleContext) -> tuple[str, str | None] | None:
    """'Jane Roe, spokesperson for the Khortytsia group of forces,': a post of something the text
    does not name as an entity; the post stands, without an owner."""
    if a < b and doc[a].lower_ in ("a", "an", "the"):
        a += 1
    for k in range(a + 1, b - 1):
        if doc[k].lower_ in ("of", "for", "at", "to"):
            rest = doc[k + 1 : b]
            if rest and (rest[0].lower_ == "the" or rest[0].text[:1].isupper()) and any(t.text[:1].isupper() for t in rest):
                words = [t.text for t in doc[a:k]]
                if words and all(is_title_word(w) for w in words) and any(w.casefold() in TITLE_HEADS for w in words):
                    if not all(w.casefold() in _RANKS for w in words):
                        return post_title(words), None
            return None
    return None


# ----------------------------------------------------------------------------- appointments


def _appointments(doc: Doc, sent: Span, mentions: _Mentions, ctx: ArticleContext, untitled: list[_Found]) -> list[_Found]:
    out = []
    text = ctx.doc_text(doc)[sent.start_char : sent.end_char]  # the sentence's text, without spaCy rebuilding it
    clauses = []  # (verb match start, person, where the title starts)
    for verb in _APPOINTED.finditer(text):
        person = _subject_before(doc, sent, sent.start_char + verb.start(), mentions, ctx)
        if person is not None:
            clauses.append((verb.start(), person, sent.start_char + verb.end()))
    for verb in _APPOINTED_ACTIVE.finditer(text):
        # "Parliament appointed Jane Roe as defense minister": the person is the object.
        if re.search(r"\b(?:was|were|is|are|been|being)\s+$", text[: verb.start()]):
            continue
        obj = mentions.by_start.get(ctx.index(doc).token_at(sent.start_char + verb.end()))
        if obj is None or obj.kind != "Person":
            continue
        after = doc[obj.end - 1].idx + len(doc[obj.end - 1])
        glue = re.match(r"\s+(?:as\s+)?(?:the\s+new\s+)?", ctx.text[after : sent.end_char])
        clauses.append((verb.start(), obj.key, after + (glue.end() if glue else 0)))
    named_predecessor: dict[int, str] = {}
    for verb in _SUCCEEDED.finditer(text):
        # "Jane Roe succeeded John Doe as …": the subject holds the post after the object.
        if re.search(r"\bwho\s+$", text[: verb.start()]):
            continue  # "John Doe, who replaced …": the subject is Doe, handled as an appointment
        person = _subject_before(doc, sent, sent.start_char + verb.start(), mentions, ctx)
        obj = mentions.by_start.get(ctx.index(doc).token_at(sent.start_char + verb.end()))
        if person is None or obj is None or obj.kind != "Person" or obj.key == person:
            continue
        after = doc[obj.end - 1].idx + len(doc[obj.end - 1])
        glue = re.match(r"\s+as\s+(?:the\s+)?", ctx.text[after : sent.end_char])
        if glue is None:
            continue
        clauses.append((verb.start(), person, after + glue.end()))
        named_predecessor[verb.start()] = obj.key
    for verb_start, person, title_start in sorted(clauses):
        parsed, title_end = _longest_title_at(doc, title_start, sent, mentions, ctx)
        if parsed is None:
            bare = _UNTITLED.match(ctx.text, title_start, sent.end_char)
            if bare is not None and title_start > sent.start_char and re.search(r"\b(?:appointed|named|sworn\s+in|confirmed)\s+$", ctx.text[sent.start_char : title_start]):
                # "Roe was appointed in July 2024, succeeding John Doe": no post named here.
                date_match = _DATE_RE.match(ctx.text, title_start, sent.end_char)
                pred = _PREDECESSOR.search(ctx.text, bare.end(), sent.end_char)
                predecessor = None
                if pred is not None:
                    later = mentions.first_person_from(pred.end(), pred.end() + 60)
                    predecessor = later.key if later is not None else None
                if date_match is not None or predecessor is not None:
                    untitled.append(_Found(person, "", None, sent.start_char + verb_start, bare.end(),
                                           start=_iso(date_match) if date_match else None, predecessor=predecessor))
            continue
        title, of = parsed
        rest = ctx.text[title_end : sent.end_char]
        date_match = _DATE_RE.search(rest) or _DATE_RE.search(text)
        start = _iso(date_match) if date_match else None
        predecessor = named_predecessor.get(verb_start)
        pred = None if predecessor is not None else _PREDECESSOR.search(rest)
        if pred is not None:
            pos = title_end + pred.end()
            later = mentions.first_person_from(pos, pos + 60)
            if later is not None:
                predecessor = later.key
        anchor_start = doc.char_span(sent.start_char + verb_start, sent.end_char, alignment_mode="expand")
        a_start = anchor_start.start_char if anchor_start is not None else title_start
        out.append(_Found(person, title, of, a_start, title_end, start=start, predecessor=predecessor))
        if predecessor is not None and predecessor != person:
            # "replacing John Doe": Doe held the post until then (implied, so no start for him).
            out.append(_Found(predecessor, title, of, a_start, title_end, end=start))
    return out


def _longest_title_at(doc: Doc, char: int, sent: Span, mentions: _Mentions, ctx: ArticleContext):
    first = doc.char_span(char, char + 1, alignment_mode="expand")
    if first is None:
        return None, char
    a = first.start
    for b in range(min(sent.end, a + _MAX_TITLE_TOKENS), a, -1):
        parsed = _parse_title(doc, a, b, mentions, ctx)
        if parsed is not None:
            return parsed, doc[b - 1].idx + len(doc[b - 1])
    # "became an adviser to the President on …": a post of something that is not an entity.
    for b in range(a + 2, min(sent.end, a + _MAX_TITLE_TOKENS) + 1):
        if b == sent.end or doc[b].is_punct:
            parsed = _title_of_unknown(doc, a, b, mentions, ctx)
            if parsed is not None:
                return parsed, doc[b - 1].idx + len(doc[b - 1])
            break
    return None, char


def _subject_before(doc: Doc, sent: Span, char: int, mentions: _Mentions, ctx: ArticleContext) -> str | None:
    """The person the appointment clause is about: the last person named before the verb,
    or, for 'He/She was appointed', the last person named before the sentence."""
    last = None
    k = bisect_left(mentions.person_starts, sent.start)
    while k < len(mentions.persons) and mentions.person_chars[k] < char:
        m = mentions.persons[k]
        if doc[m.end - 1].idx < char:
            last = m
        k += 1
    if last is not None:
        return last.key
    if sent[0].lower_ in PERSON_PRONOUNS:
        # 'He' continues the person the text was about: the latest person who was a subject,
        # not one named as an object ("Roe succeeded Doe as … . He previously served as …").
        earlier = mentions.last_person_before(sent.start, subjects_only=True) or mentions.last_person_before(sent.start)
        if earlier is not None:
            return earlier.key
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


def _merge(found: list[_Found], ctx: ArticleContext, doc: Doc, mentions: _Mentions) -> list[Role]:
    """One Role per (person, title, of); a role without an owner joins the same title with one,
    and a bare title ("Minister") joins the fuller one of the same person ("Minister of Defense")."""
    roles: dict[tuple[str, str, str | None], Role] = {}
    found = found + _possessive_predecessors(found, doc, mentions)
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
        if target is None and _form_of_address(role, merged):
            merged.remove(role)
            continue
        if target is not None:
            target.start = target.start or role.start
            target.end = target.end or role.end
            target.predecessor = target.predecessor or role.predecessor
            target.anchors.extend(a for a in role.anchors if a not in target.anchors)
            merged.remove(role)
    for role in merged:
        role.anchors.sort(key=lambda a: (a.start, a.end))
        if role.of is None and role.end:
            # "…, replacing John Doe": Doe held the post of the same owner as his successor.
            owners = {r.of for r in merged if r.predecessor == role.person and r.title == role.title and r.of}
            if len(owners) == 1:
                role.of = owners.pop()
    return sorted(merged, key=lambda r: (r.anchors[0].start, r.person, r.title))


def _possessive_predecessors(found: list[_Found], doc: Doc, mentions: _Mentions) -> list[_Found]:
    """"Roe's predecessor, John Doe, …": Doe held Roe's post before her; Roe's post is the one
    found for her (only when she holds exactly one owned post, so the post is not guessed)."""
    out = []
    for m in mentions.by_start.values():
        if m.kind != "Person" or m.end + 2 >= len(doc) or doc[m.end].text not in POSSESSIVE_MARKS:
            continue
        if doc[m.end + 1].lower_ not in ("predecessor", "successor"):
            continue
        k = m.end + 2
        while k < len(doc) and k < m.end + 10 and (doc[k].text == "," or doc[k].is_lower or is_title_word(doc[k].text)):
            k += 1  # ", former defense minister"
        other = mentions.by_start.get(k)
        if other is None or other.kind != "Person" or other.key == m.key:
            continue
        posts = {(f.title, f.of) for f in found if f.person == m.key and f.of is not None}
        if len(posts) != 1:
            continue
        title, of = posts.pop()
        anchor_end = doc[other.end - 1].idx + len(doc[other.end - 1])
        if doc[m.end + 1].lower_ == "predecessor":
            out.append(_Found(m.key, title, of, doc[m.start].idx, anchor_end, predecessor=other.key))
        else:
            out.append(_Found(other.key, title, of, doc[m.start].idx, anchor_end, predecessor=m.key))
    return out


def _form_of_address(role: Role, roles: list[Role]) -> bool:
    """'Minister Roe' beside 'Roe, the UK Secretary of State for Defence': a one-word title without
    an owner, date or predecessor says nothing the person's other, owned post does not."""
    if role.of is not None or role.start or role.end or role.predecessor or len(role.title.split()) != 1:
        return False
    return any(other is not role and other.person == role.person and other.of is not None for other in roles)


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
