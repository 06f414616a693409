"""Roles: which person holds which post, of what, since when, after whom.

The shapes of English that carry them:

* a title before the name: "Latvia's Defense Minister Jane Roe", "President of Ukraine
  Jane Roe", "NATO Secretary General Jane Roe", "Gov. Jane Roe", "external member Prof. Jane
  Roe", two titles stacked ("Its chief observer, Slovenian lawmaker Jane Roe"), one plural title
  over a list of names ("Election Commissioners Jane Roe and John Doe");
* an apposition after it: "Jane Roe, Estonia's foreign minister, …", "Jane Roe, director of
  economic statistics at the ONS, said";
* a clause: "Jane Roe assumed the role of defense minister in May 2021, replacing John Doe" /
  "was appointed … succeeding …" / "became …" / "Jane Roe is a senior fellow at …" /
  "…, who heads procurement at Africa CDC" / "the commission, chaired by Jane Roe";
* a counterpart: "… Foreign Minister John Doe met his Danish counterpart Jane Roe".

What a title phrase is (a head noun of office with its modifiers and complements) is the
grammar of `titles.py`. Titles are put in one canonical form ("Defense Minister" -> "Minister
of Defense"), keeping the article's spelling of words.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsgraph.extract.anchors import make_anchor
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.lexicon import BODY_DESCRIPTORS, MONTHS, ORG_HEADS, PERSON_PRONOUNS, POSSESSIVE_MARKS, SPEECH_VERBS, is_title_word
from newsgraph.extract.titles import RANK_ABBREVIATIONS, RANKS, RELATION_NOUNS, WEAK_HEADS, Mention, Title, TitleGrammar, is_honorific, singular_head
from newsgraph.model import Role
from newsgraph.text import demonyms, normalise, word_set

# How far left of a name a title may start, and how far right an apposition may run (tokens).
_MAX_TITLE_TOKENS = 16
_MAX_APPOSITION_TOKENS = 28

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = (
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_RE})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<m3>{_MONTH_RE})\.?,?\s+(?P<y3>\d{{4}})"
    rf"|(?P<y4>(?:19|20)\d{{2}}))"
)
_DATE_RE = re.compile(rf"\b(?:in|on|since|from|as\s+of)\s+{_DATE}\b", re.IGNORECASE)
# "… from 2019 to 2023", "… between May 2019 and 2023" right after a post.
_DATE_ONLY = re.compile(_DATE, re.IGNORECASE)
_PERIOD = re.compile(rf"\s+(?:from|between)\s+{_DATE}\s+(?:to|until|and)\s+(?P<until>{_DATE.replace('?P<', '?P<u_')})\b", re.IGNORECASE)
_APPOINTED = re.compile(
    r"\b(?:(?:assumed|took\s+(?:up|over)?|has\s+taken|took)\s+(?:the\s+)?(?:role|post|position|office|duties|seat)\s+(?:of|as)"
    r"|(?:was|has\s+been|had\s+been|is|were|being)\s+(?:officially\s+)?(?:appointed|named|elected|confirmed|installed|nominated)(?:\s+as)?"
    r"|(?:became|becomes|has\s+become)"
    r"|(?:was\s+)?sworn\s+in\s+as"
    r"|took\s+office\s+as|took\s+over\s+as|stepped\s+in\s+as|was\s+promoted\s+to|was\s+re-?elected(?:\s+as)?"
    r"|(?:previously\s+|formerly\s+|also\s+|has\s+|had\s+)?(?:served|serves|serving)\s+as"
    # "Jane Roe … will serve as the coalition's coordinator": a post the text gives her, from a date to come
    r"|will\s+(?:also\s+)?(?:serve|act)\s+as"
    # "Jane Roe, speaking as chair of the council", "… in her capacity as head of …": the post she speaks in
    r"|speaking\s+as|in\s+(?:his|her|their)\s+(?:capacity|role)\s+as)\s+",
    re.IGNORECASE,
)
# "Jane Roe resigned as defence minister", "… stepped down as chief executive in May": a post that ended.
_LEFT_POST = re.compile(
    r"\b(?:resigned|stepped\s+down|stepped\s+aside|quit|retired|(?:was|has\s+been)\s+(?:dismissed|sacked|removed|ousted|fired)"
    r"|left\s+(?:office|(?:his|her|the)\s+(?:post|job|role))|(?:was|were)\s+replaced)\s+as\s+(?:the\s+)?",
    re.IGNORECASE,
)
# "Jane Roe succeeded John Doe as defense minister": the predecessor stands between verb and post.
_SUCCEEDED = re.compile(r"\b(?:succeeded|replaced|succeeds|replaces|has\s+succeeded|has\s+replaced|took\s+over\s+from|has\s+taken\s+over\s+from)\s+", re.IGNORECASE)
#: Words between 'succeeded' and the predecessor's name: "his compatriot", "her colleague".
_RELATION_WORDS = frozenset({"his", "her", "their", "compatriot", "colleague", "countryman", "countrywoman", "fellow"})
_APPOINTED_ACTIVE = re.compile(r"\b(?:appointed|named|elected|confirmed|nominated)\s+", re.IGNORECASE)
# What may follow "was appointed" when no post is named: a date, then a comma or the end.
_UNTITLED = re.compile(rf"(?:(?:in|on|since|as\s+of)\s+{_DATE}\s*)?(?=[,.;]|\s*$)", re.IGNORECASE)
_PREDECESSOR = re.compile(
    r"\b(?:replacing|succeeding|who\s+replaced|who\s+succeeded|taking\s+over\s+from|took\s+over\s+from|in\s+place\s+of"
    r"|when\s+(?:he|she)\s+(?:succeeded|replaced))\s+",
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
    # An untitled succession ("Roe succeeded John Doe in May") goes only to an owned post.
    owned_only: bool = False
    # "He succeeds John Doe in that role": the post named last before it.
    latest: bool = False


class _Mentions:
    """Registered mentions indexed by token, for the title parser."""

    def __init__(self, doc: Doc, ctx: ArticleContext):
        self.by_start: dict[int, Mention] = {}
        self.by_end: dict[int, Mention] = {}
        for start, end, key in ctx.mentions(0, len(ctx.doc_text(doc))):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            entity = ctx.entities[ctx.current_key(key)]
            kind = entity.kind
            if kind == "Person" and _place_name(ctx, entity.key):
                kind = "Place"  # "… Commander Europe Gen. Jane Roe": a continent or known place read as a person
            mention = Mention(span.start, span.end, entity.key, kind)
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
        self.person_name_ends = [doc[m.end - 1].idx + len(doc[m.end - 1]) for m in self.persons]
        self.subjects = [m for m in self.persons if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
        self.subject_starts = [m.start for m in self.subjects]

    def first_person_from(self, first: int, stop: int) -> Mention | None:
        """The first person named at a character offset in [first, stop)."""
        i = bisect_left(self.person_chars, first)
        return self.persons[i] if i < len(self.persons) and self.person_chars[i] < stop else None

    def last_person_before(self, token: int, subjects_only: bool = False) -> Mention | None:
        """The person (or the subject person) named last before token `token`, ending before it."""
        persons, starts = (self.subjects, self.subject_starts) if subjects_only else (self.persons, self.person_starts)
        for k in range(bisect_left(starts, token) - 1, -1, -1):
            if persons[k].end <= token:
                return persons[k]
        return None


def find_roles(doc: Doc, ctx: ArticleContext) -> list[Role]:
    """Every role the body states, one per (person, title, of), in order of first mention."""
    mentions = _Mentions(doc, ctx)
    grammar = TitleGrammar(doc, ctx, mentions.by_start)
    found: list[_Found] = []
    for m in mentions.persons:
        if _name_goes_on(doc, m):
            continue  # "Hye" of "Hye-jin Kwon": a post is not given to a piece of a name
        sent_start, sent_end = _sentence(doc, m.start, ctx)
        if m.end > sent_end:
            # "13:10 GMT | Priya | Raman, head of …": the parser ended a sentence inside the name; the
            # name's sentence runs on to the end of the one its last word is in
            sent_end = ctx.index(doc).sentence(m.end - 1)[1]
        name_end = doc[m.end - 1].idx + len(doc[m.end - 1])
        sent_end_char = doc[sent_end - 1].idx + len(doc[sent_end - 1])
        befores = _titles_before(doc, m, grammar, sent_start) or _title_in_name(doc, m, grammar) or _title_in_label(doc, m, grammar)
        if befores and _after_a_named_apposition(doc, m, befores[0][1], mentions, ctx):
            if _apposition_after(doc, m, grammar, sent_end) is not None:
                befores = []  # "Jane Roe, Latvia's defence minister, John Doe, Estonia's foreign minister": Roe's
        if not befores:
            befores = _title_over_a_list(doc, m, mentions, grammar, sent_start)
        owner_mention = _owner_after_name(doc, m, mentions, sent_end)
        owner_after = owner_mention.key if owner_mention is not None else None
        for title, start in befores:
            if owner_after is not None and title.owner is None and title.demonym is None and not title.possessed:
                title = dataclasses.replace(title, owner=owner_after)  # "Governor Jane Roe of the National Bank"
            since, before = _since_clause(ctx.text, name_end, sent_end_char, mentions, m.key)
            found.extend(_with_predecessor(_found(m.key, title, start, name_end, ctx, start=since, predecessor=before)))
        if not befores:
            found.extend(_counterpart(doc, m, found, ctx, sent_start))
            if owner_mention is not None:
                found.extend(_rank_of_owner(doc, m, owner_mention, sent_start))
        clause_from = name_end
        after = _apposition_after(doc, m, grammar, sent_end)
        if after is not None and _title_of_the_next_name(doc, after[1], mentions, grammar, ctx, sent_end):
            after = None  # "Speaking to the ABC's Pacific Beat, Tonga's Police Commissioner, Jane Roe, said": hers
        if after is not None:
            titles, end = after
            since, before = _since_clause(ctx.text, end, sent_end_char, mentions, m.key)
            since = since or _since_inside(ctx.text, doc[m.end].idx, end)
            for title in titles:
                last = title is titles[-1]
                held = _found(m.key, title, doc[m.start].idx, end, ctx, start=since if last else None, predecessor=before if last else None)
                found.extend(_with_predecessor(held))
            clause_from = end
        elif not befores:
            below = _title_on_the_next_line(doc, m, grammar)
            if below is not None:
                title, end = below
                found.append(_found(m.key, title, doc[m.start].idx, end, ctx))
        if after is None:
            listed = _apposition_over_a_list(doc, m, mentions, grammar, sent_start, sent_end)
            if listed:
                found.extend(_found(key, title, doc[first].idx, end, ctx) for key, title, first, end in listed)
                clause_from = listed[0][3]
        found.extend(_who_heads(doc, m, clause_from, mentions, grammar, ctx, sent_end))
        found.extend(_copula(doc, m, grammar, ctx, sent_end))
        if after is not None:
            # "Jane Roe, a former prime minister, is NATO's secretary general": the clause after the apposition
            then = _COPULA_AFTER.match(ctx.text, after[1], sent_end_char)
            if then is not None:
                found.extend(_copula_post(doc, m.key, then.start("verb"), then.end(), grammar, ctx, sent_end))
        who_is = _WHO_IS.match(ctx.text, clause_from, sent_end_char)
        if who_is is not None:
            # "Jane Roe, who has been governor of the central bank since 2019, said"
            found.extend(_copula_post(doc, m.key, doc[m.start].idx, who_is.end(), grammar, ctx, sent_end))
    untitled: list[_Found] = []
    index = ctx.index(doc)
    for sent_start, sent_end in zip(index.sent_starts, index.sent_ends):
        sent = doc[sent_start:sent_end]
        found.extend(_appointments(doc, sent, mentions, grammar, ctx, untitled))
        found.extend(_led_by(doc, sent, mentions, grammar, ctx))
        found.extend(_passive_led_by(doc, sent, mentions, grammar, ctx))
        found.extend(_pronoun_copula(doc, sent, mentions, grammar, ctx))
        found.extend(_pronoun_leads(doc, sent, mentions, grammar, ctx))
        untitled.extend(_held_since(doc, sent, mentions, ctx))
    found.extend(_untitled_appointments(found, untitled, ctx))
    roles = _without_headline_shorthand(_merge(found, ctx, doc, mentions), ctx)
    _drop_title_fields(roles, ctx, grammar, mentions)
    return roles


_CONTINENTS = word_set("continent-names.txt")


def _place_name(ctx: ArticleContext, key: str) -> bool:
    """Whether a 'person' is named only by a continent or a place, country or body the gazetteer
    knows (and no person of that name): no post is given to it."""
    entity = ctx.entities.get(ctx.current_key(key))
    if entity is None:
        return False
    name = entity.name.casefold()
    if name in _CONTINENTS:
        return True
    rows = ctx.gazetteer.lookup(entity.name)
    return bool(rows) and all(r.kind != "Person" for r in rows)


def _without_headline_shorthand(roles: list[Role], ctx: ArticleContext) -> list[Role]:
    """"'…': election chief Jane Roe on the vote" over "Jane Roe has led the National Election
    Office since …": a headline's short label of a post without an owner, said nowhere in the body,
    is the shorthand of the person's owned post, not another post."""
    if ctx.headline is None:
        return roles
    start, end = ctx.headline
    out = []
    for role in roles:
        shorthand = (
            role.of is None
            and not (role.start or role.end or role.predecessor)
            and all(start <= a.start and a.end <= end for a in role.anchors)
            and any(
                other is not role and other.person == role.person and other.of is not None
                and any(a.start >= end or a.end <= start for a in other.anchors)
                for other in roles
            )
        )
        if not shorthand:
            out.append(role)
    return out


def _drop_title_fields(roles: list[Role], ctx: ArticleContext, grammar: TitleGrammar, mentions: _Mentions) -> None:
    """'the Special Envoy on Arctic Affairs', 'Cabinet Secretary for Foreign and Diaspora Affairs':
    NER calls the field of the post an organization. One the text names only inside titles, that
    the title reads as a field (no word of a body, no acronym, unknown to the gazetteer), is none."""
    titled = [(a.start, a.end) for r in roles for a in r.anchors]
    owners = {r.of for r in roles}
    in_titles = " ".join(normalise(r.title) for r in roles)
    for m in {m.key: m for m in mentions.by_start.values() if m.kind == "Organization"}.values():
        entity = ctx.entities.get(ctx.current_key(m.key))
        if entity is None or entity.key in owners:
            continue
        # "the Union Health Minister said": a title with no name after it, the field before its head
        before_posts = all(_before_a_post(ctx, a.end) for a in entity.mentions)
        if not before_posts and f" {normalise(entity.name)} " not in f" {in_titles} ":
            continue
        if " " not in entity.name and not (is_title_word(entity.name) or _used_lower_case(ctx, entity.name) or entity.name.casefold() in _RANK_PREFIXES):
            continue  # one word ("Kremlin spokesman") may well name a body; not "Commerce Secretary", "Union Minister"
        if not before_posts and not all(any(s <= a.start and a.end <= e for s, e in titled) for a in entity.mentions):
            continue
        if grammar.field_like(m):
            field = normalise(entity.name)
            bodies = [
                e.key for e in ctx.entities.values()
                if e.kind == "Organization" and e.key != entity.key and normalise(e.name).endswith(f" of {field}")
            ]
            if len(bodies) == 1:
                ctx.merge(entity.key, bodies[0])  # the field of the one body named for it ("Department of …"): its short name
            else:
                ctx.drop(entity.key)


_RANK_PREFIXES = word_set("rank-prefixes.txt")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z-]+)")


def _before_a_post(ctx: ArticleContext, end: int) -> bool:
    """Whether the word right after a mention is a noun of office ('Union Health Minister said'):
    the mention is a word of a title with no name after it."""
    word = _NEXT_WORD.match(ctx.text, end)
    head = singular_head(word.group(1)) if word is not None else None
    return head is not None and head not in WEAK_HEADS  # not "a Global Affairs Canada official": a body's staff


def _used_lower_case(ctx: ArticleContext, word: str) -> bool:
    """Whether the text also writes the word in lower case, as an ordinary word ('commerce')."""
    return re.search(rf"(?<![\w-]){re.escape(word.casefold())}(?![\w-])", ctx.text[: ctx.body_end]) is not None


def _sentence(doc: Doc, i: int, ctx: ArticleContext) -> tuple[int, int]:
    """The sentence of token i, joined with the one before when the parser ended that at a form
    of address ('… Marine Resources, Hon. | Jane Roe, said')."""
    index = ctx.index(doc)
    start, end = index.sentence(i)
    while start > 1 and (
        (doc[start - 1].text == "." and is_honorific(doc[start - 2]) and not doc[start - 2].whitespace_)
        or (doc[start - 1].text.endswith(".") and is_honorific(doc[start - 1]))
    ):
        start = index.sentence(start - 1)[0]
    return start, end


def _name_goes_on(doc: Doc, m: Mention) -> bool:
    """Whether the words right after a person's mention continue the name ('Hye' before '-jin
    Kwon', 'Abdulqader' before 'al-Marani'): the mention is a piece of a name, and a post found
    for it would be given to someone the text does not name."""
    if m.end + 1 >= len(doc):
        return False
    last, after, then = doc[m.end - 1], doc[m.end], doc[m.end + 1]
    if last.whitespace_:
        return after.is_lower and after.is_alpha and not then.whitespace_ and then.text in ("-", "–")
    return after.text in ("-", "–") and not after.whitespace_ and then.text[:1].isalpha()


def _found(person: str, title: Title, anchor_start: int, anchor_end: int, ctx: ArticleContext, **dates) -> _Found:
    """A statement of `title`, its owner resolved (a nationality adjective registers its country now)."""
    owner = title.owner
    if owner is None and title.demonym is not None:
        adjective, start, end = title.demonym
        owner = ctx.country_of_demonym(adjective, start, end)
    return _Found(person, title.title, owner, anchor_start, anchor_end, **dates)


# ", who took office in December 2024," / ", appointed in May 2021," right after a titled name: when
# that post began; ", who replaced John Doe in June 2019,": and after whom.
_SINCE = re.compile(
    r"\s*,\s*(?:who\s+(?:took\s+office|assumed\s+office|took\s+up\s+the\s+post|was\s+(?:appointed|sworn\s+in|elected|named)|"
    r"has\s+(?:held|been\s+in)\s+the\s+post|has\s+served)|(?:appointed|named|elected|sworn\s+in))\s+"
)
_REPLACED = re.compile(r"\s*,\s*who\s+(?:replaced|succeeded|took\s+over\s+from)\s+")
_TOOK_OVER = re.compile(r"\s*,\s*who\s+took\s+over\b(?P<mid>[^,;.:]{0,50}?)\s+from\s+")
_WHO_IS = re.compile(r"\s*,\s*who\s+(?:is|has\s+been|remains)\s+(?:also\s+|now\s+)?(?=\S)")
_BEFORE_DATE = re.compile(r"[^,;.]*?\s+(?=(?:in|on|since|as\s+of)\s)")
_DATE_AFTER = re.compile(rf"(?:in|on|since|as\s+of)\s+{_DATE}\b", re.IGNORECASE)


def _title_of_the_next_name(doc: Doc, end: int, mentions: "_Mentions", grammar: TitleGrammar, ctx: ArticleContext, sent_end: int) -> bool:
    """Whether an apposition after a name ('X, Tonga's Police Commissioner, Jane Roe, said') is the
    title of the name right after it: a comma, then a person with no apposition of her own and not
    one of a list ('…, Jane Roe and John Doe'). Then the title stands before her name, not after X's."""
    index = ctx.index(doc)
    k = index.token_at(end)
    while k < sent_end and doc[k].idx < end:
        k += 1
    if k + 1 >= sent_end or doc[k].text != ",":
        return False
    nxt = mentions.by_start.get(k + 1)
    if nxt is None or nxt.kind != "Person" or _comma_list(doc, nxt):
        return False
    return _apposition_after(doc, nxt, grammar, sent_end) is None


def _after_a_named_apposition(doc: Doc, m: Mention, title_start: int, mentions: "_Mentions", ctx: ArticleContext) -> bool:
    """Whether a title before a name, after a comma, itself follows a person and a comma ('Jane
    Roe, Latvia's defence minister, John Doe'): it may be the apposition of the name before."""
    k = m.start
    while k > 0 and is_honorific(doc[k - 1]):
        k -= 1
    if k == 0 or doc[k - 1].text != ",":
        return False
    a = ctx.index(doc).token_at(title_start)
    if a < 2 or doc[a - 1].text != ",":
        return False
    before = mentions.by_end.get(a - 1)
    return before is not None and before.kind == "Person"


_INDEFINITE = re.compile(r"(?:^|[,(]\s*|\b(?:is|was|as)\s+)an?\s", re.IGNORECASE)


def _said_former(text: str, held: _Found) -> bool:
    """Whether a post is stated as a past one: 'former', 'ex-' or 'then' in its words."""
    return re.search(r"\b(?:former|ex-|then-|erstwhile)", text[held.anchor_start : held.anchor_end], re.IGNORECASE) is not None


def _with_predecessor(held: _Found) -> list[_Found]:
    """The post held, and the same post held by the predecessor until it began."""
    if held.predecessor is None or held.predecessor == held.person:
        return [held]
    return [held, dataclasses.replace(held, person=held.predecessor, start=None, end=held.start, predecessor=None)]


def _since_clause(text: str, end: int, sent_end: int, mentions: "_Mentions", person: str) -> tuple[str | None, str | None]:
    """The start date (and predecessor) a relative clause right after a titled name gives: '…, who
    took office in May 2021', '…, appointed in May 2021', '…, who replaced John Doe in June 2019'."""
    m = _SINCE.match(text, end, sent_end)
    if m is not None:
        date = _DATE_AFTER.match(text, m.end(), sent_end)
        if date is None:
            # "…, who took office in May", "… on Jan. 14": the year the article is dated
            month = _YEARLESS.match(text, m.end(), sent_end)
            left = _leaver(text, month.end() if month is not None else m.end(), sent_end, mentions, person)
            return _yearless(text, m.end(), sent_end), left
        return _iso(date), _leaver(text, date.end(), sent_end, mentions, person)
    m = _REPLACED.match(text, end, sent_end)
    if m is None:
        # "…, who took over the ministry in July 2025 from John Doe": the date inside, the predecessor after
        m = _TOOK_OVER.match(text, end, sent_end)
        later = mentions.first_person_from(m.end(), m.end() + 1) if m is not None else None
        if later is None or later.key == person:
            return None, None
        date = _DATE_RE.search(m.group("mid"))
        named = date is None and _MONTH_AFTER.search(m.group("mid"))
        if named and named.group("m")[0].isupper():
            return _month_of_article_year(text, named.group("m")), later.key
        return (_iso(date) if date is not None else None), later.key
    later = mentions.first_person_from(m.end(), m.end() + 1)
    if later is None or later.key == person:
        return None, None
    # "… John Doe in June 2019", "… John Doe as governor in June 2019": the date within the clause
    after = _BEFORE_DATE.match(text, m.end(), sent_end)
    date = _DATE_AFTER.match(text, after.end(), sent_end) if after is not None and after.end() - m.end() < 60 else None
    if date is None and after is not None and after.end() - m.end() < 60:
        return _yearless(text, after.end(), sent_end), later.key  # "… as defense minister on Jan. 14"
    return (_iso(date) if date is not None else None), later.key


# "…, who took office in January after John Doe retired": whom the post was taken from.
_AFTER_LEAVER = re.compile(
    r"\s*,?\s+(?:after|when|following)\s+(?:the\s+(?:resignation|retirement|departure|dismissal|removal|death)\s+of\s+)?(?=\S)",
    re.IGNORECASE,
)
_LEFT = re.compile(
    r"\s+(?:had\s+|has\s+)?(?:retired|resigned|stepped\s+down|stepped\s+aside|quit|left|died|was\s+(?:dismissed|sacked|removed|ousted|fired)"
    r"|moved\s+(?:on|to)|was\s+promoted)\b",
    re.IGNORECASE,
)


def _leaver(text: str, at: int, sent_end: int, mentions: "_Mentions", person: str) -> str | None:
    """The predecessor a clause of leaving names right after the start of a post: 'after John Doe
    retired', 'when John Doe stepped down', 'following the resignation of John Doe'."""
    after = _AFTER_LEAVER.match(text, at, sent_end)
    if after is None:
        return None
    later = mentions.first_person_from(after.end(), after.end() + 1)
    if later is None or later.key == person:
        return None
    k = mentions.persons.index(later)
    name_end = mentions.person_name_ends[k]
    if "of" in after.group(0).split() or _LEFT.match(text, name_end, sent_end):
        return later.key
    return None


# ", who took office in March,": a month without a year, the year the article is dated.
_MONTH_AFTER = re.compile(rf"(?:in|since)\s+(?P<m>{_MONTH_RE})\b(?!\.?\s*\d)(?!\s*,\s*\d)", re.IGNORECASE)
# The article's date near its top: "LAGOS, 12 August 2024 —", "Oct 21, 2025 (Wire) -", "published: 2025-08-19".
_TOP_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+(?P<m1>{_MONTH_RE})\.?,?\s+(?P<y1>(?:19|20)\d{{2}})|(?P<m2>{_MONTH_RE})\.?\s+\d{{1,2}},?\s+(?P<y2>(?:19|20)\d{{2}})"
    rf"|(?P<y3>(?:19|20)\d{{2}})-(?P<n3>[01]\d)-[0-3]\d)\b",
    re.IGNORECASE,
)
_TOP_CHARS = 400


# "on Jan. 14", "on 1 April", "in March": a date without its year (not "on Jan. 14, 2025").
_YEARLESS = re.compile(
    rf"(?:on|in|since)\s+(?:(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_RE})\.?"
    rf"|(?P<m3>{_MONTH_RE}))\b(?!\.?,?\s*(?:\d|of\b))",
    re.IGNORECASE,
)


def _yearless(text: str, pos: int, stop: int, search: bool = False) -> str | None:
    """The date a phrase without a year gives at `pos` (or anywhere up to `stop` when `search`),
    in the year the article is dated: 'who took office on Jan. 14' -> '2026-01-14'."""
    found = (_YEARLESS.search if search else _YEARLESS.match)(text, pos, stop)
    if found is None:
        return None
    name = found.group("m1") or found.group("m2") or found.group("m3")
    if not name[0].isupper():
        return None  # "in may", "on march": not months
    month = _month_of_article_year(text, name.rstrip("."))
    day = found.group("d1") or found.group("d2")
    if month is None or day is None:
        return month
    return f"{month}-{int(day):02d}" if 1 <= int(day) <= 31 else month


def _month_of_article_year(text: str, month_name: str) -> str | None:
    """'took office in March' in an article dated 12 August 2024: '2024-03'. None when the article
    shows no date near its top, or the month is later in the year than the article's own (then
    the year before is meant, or the text is about the future: abstain)."""
    top = _TOP_DATE.search(text, 0, _TOP_CHARS)
    if top is None:
        return None
    year = top.group("y1") or top.group("y2") or top.group("y3")
    named = top.group("m1") or top.group("m2")
    article_month = MONTHS[named.casefold().rstrip(".")] if named else int(top.group("n3"))
    month = MONTHS[month_name.casefold()]
    if month > article_month:
        return None
    return f"{year}-{month:02d}"


def _since_inside(text: str, start: int, end: int) -> str | None:
    """The date of 'since 2022' closing an apposition ('…, Estonia's defence minister since 2022,')."""
    m = re.search(rf"\bsince\s+{_DATE}$", text[start:end], re.IGNORECASE)
    return _iso(m) if m is not None else None


# "… has held her current post since February 2023, when she replaced John Doe": the start (and the
# predecessor) of a post named elsewhere.
_HELD_SINCE = re.compile(
    r"\b(?:has|had)\s+(?:held|been\s+in)\s+(?:her|his|their|the)\s+(?:current\s+|present\s+)?(?:post|position|job|role|office)"
    r"|\b(?:has|had)\s+been\s+in\s+office",
    re.IGNORECASE,
)


_TOOK_UP = re.compile(
    r"\b(?:took\s+up|assumed|has\s+taken\s+up|has\s+assumed)\s+(?:her|his|their|the)\s+(?:new\s+)?(?:post|position|job|role|duties|office)\b(?!\s+(?:of|as)\b)"
    r"|\b(?:took|assumed|has\s+taken|has\s+assumed)\s+office\b",
    re.IGNORECASE,
)


def _held_since(doc: Doc, sent: Span, mentions: _Mentions, ctx: ArticleContext) -> list[_Found]:
    out = []
    for verb in _HELD_SINCE.finditer(ctx.text, sent.start_char, sent.end_char):
        date = re.compile(rf"\s+since\s+{_DATE}\b", re.IGNORECASE).match(ctx.text, verb.end(), sent.end_char)
        if date is None:
            continue
        person = _subject_before(doc, sent, verb.start(), mentions, ctx)
        if person is None:
            continue
        pred = _PREDECESSOR.search(ctx.text, date.end(), sent.end_char)
        later = mentions.first_person_from(pred.end(), pred.end() + 60) if pred is not None else None
        predecessor = later.key if later is not None and later.key != person else None
        out.append(_Found(person, "", None, verb.start(), date.end(), start=_iso(date), predecessor=predecessor))
    for verb in _TOOK_UP.finditer(ctx.text, sent.start_char, sent.end_char):
        # "Ambassador Roe took up her post on April 1, succeeding John Doe": when her one post began
        if re.search(r"\bwho\s+$", ctx.text[max(sent.start_char, verb.start() - 6) : verb.start()]):
            continue  # "…, who took office in May": the clause after a titled name, read there
        person = _subject_before(doc, sent, verb.start(), mentions, ctx)
        if person is None:
            continue
        date = _DATE_AFTER.match(ctx.text, verb.end() + 1, sent.end_char) if ctx.text[verb.end() : verb.end() + 1] == " " else None
        since = _iso(date) if date is not None else _yearless(ctx.text, verb.end() + 1, sent.end_char)
        pred = _PREDECESSOR.search(ctx.text, verb.end(), min(sent.end_char, verb.end() + 60))
        later = mentions.first_person_from(pred.end(), pred.end() + 40) if pred is not None else None
        predecessor = later.key if later is not None and later.key != person else None
        if since is not None or predecessor is not None:
            out.append(_Found(person, "", None, verb.start(), verb.end(), start=since, predecessor=predecessor))
    # "Roe, who replaced John Doe at the ministry in March 2025, …": the start and predecessor of her post
    k = bisect_left(mentions.person_starts, sent.start)
    while k < len(mentions.persons) and mentions.persons[k].start < sent.end:
        m = mentions.persons[k]
        k += 1
        end = doc[m.end - 1].idx + len(doc[m.end - 1])
        since, before = _since_clause(ctx.text, end, sent.end_char, mentions, m.key)
        if before is not None:
            out.append(_Found(m.key, "", None, doc[m.start].idx, end, start=since, predecessor=before))
    return out


def _untitled_appointments(found: list[_Found], untitled: list[_Found], ctx: ArticleContext) -> list[_Found]:
    """'Roe was appointed in July 2024, succeeding John Doe' names no post: it is the one post
    found for Roe elsewhere in the text, when there is exactly one (a former post, 'a former
    prime minister', is not the one she took)."""
    out = []
    for item in untitled:
        posts = {(f.title, f.of) for f in found if f.person == item.person and not _said_former(ctx.text, f)}
        if item.owned_only:
            # "Roe, 54, an economist …, replaced John Doe": an occupation said with 'a', no post one succeeds to
            posts = {(f.title, f.of) for f in found if f.person == item.person and not _said_former(ctx.text, f)
                     and (f.of is not None or not _INDEFINITE.search(ctx.text, f.anchor_start, f.anchor_end))}
        owned = {p for p in posts if p[1] is not None}
        posts = owned or posts
        if item.latest:
            # "He succeeds John Doe in that role": the post named last before the sentence
            before = [f for f in found if f.person == item.person and f.anchor_end <= item.anchor_start and f.title and not _said_former(ctx.text, f)]
            posts = {(before[-1].title, before[-1].of)} if before else set()
        if len(posts) != 1:
            continue
        title, of = posts.pop()
        out.append(dataclasses.replace(item, title=title, of=of))
        if item.predecessor is not None and item.predecessor != item.person:
            out.append(_Found(item.predecessor, title, of, item.anchor_start, item.anchor_end, end=item.start))
    return out


# ----------------------------------------------------------------------------- titles before a name


def _titles_before(doc: Doc, m: Mention, grammar: TitleGrammar, sent_start: int) -> list[tuple[Title, int]]:
    """'Latvia's Defense Minister Jane Roe'; with a comma: 'Latvia's Minister of Defense, Jane Roe,';
    across a form of address or a rank: 'the head of the Authority, Lt. Gen. Jane Roe', 'external
    member Prof. Jane Roe'; and a second title stacked before the first: 'Its chief observer,
    Slovenian lawmaker Jane Roe'. Each title with the character where it starts."""
    end = m.start
    first = _leftmost_title(doc, grammar, sent_start, end, name_follows=True)
    if first is None:
        # A form of address or a rank between the post and the name.
        j = end
        while j - 1 > sent_start and (is_honorific(doc[j - 1]) or (doc[j - 1].text == "." and is_honorific(doc[j - 2]))):
            j -= 1
        if j < end and j - 1 > sent_start and doc[j - 1].text == ",":
            end = j - 1
        elif j < end:
            end = j
        if end - 1 > sent_start and doc[end - 1].text == "," and not _comma_list(doc, m):
            end -= 1
        if end < m.start:
            first = _leftmost_title(doc, grammar, sent_start, end)
            if first is None:
                first = _title_comma_owner(doc, grammar, sent_start, end)
    if first is None:
        first = _title_then_its_initials(doc, grammar, sent_start, m.start)
    if first is None:
        return []
    title, a = first
    out = [(title, _start_char(doc, a))]
    if a - 1 > sent_start and doc[a - 1].lower_ == "and":
        # "Deputy Prime Minister and Foreign Minister Jane Roe": two posts of one person; not "the
        # president and Foreign Minister Jane Roe", where 'the president' may be someone else.
        other = _leftmost_title(doc, grammar, sent_start, a - 1)
        if other is not None and not other[0].determined and doc[other[1]].text[:1].isupper() and not _ends_a_name(doc, grammar, other[1]):
            out.append((other[0], _start_char(doc, other[1])))
    if a - 1 > sent_start and doc[a - 1].text == ",":
        second = _leftmost_title(doc, grammar, sent_start, a - 1)
        before = doc[second[1] - 1] if second is not None and second[1] > sent_start else None
        if second is not None and (second[0].plural or before is not None and before.pos_ in ("VERB", "AUX") and before.lemma_ not in SPEECH_VERBS):
            second = None  # "… became the newest members of the alliance, Union Minister Jane Roe said": an object
        if second is not None and (second[1] == sent_start or not _ends_a_name(doc, grammar, second[1])):
            if " " not in title.title and title.owner is None and title.demonym is None:
                out = []  # "Iowa's congressman for the 4th District, Rep. Jane Roe": 'Rep.' addresses her by that post
            out.append((second[0], _start_char(doc, second[1])))
    return out


def _title_then_its_initials(doc: Doc, grammar: TitleGrammar, sent_start: int, end: int) -> tuple[Title, int] | None:
    """'the Kano State Commissioner of Police, CP Jane Roe': the post, then its initials as a
    form of address before the name. Only when the letters are the initials of the post's words."""
    short = doc[end - 1] if end - 1 > sent_start else None
    if short is None or not (short.is_alpha and short.text.isupper() and 2 <= len(short.text) <= 4):
        return None
    comma = end - 2 if doc[end - 2].text == "," else end - 1
    first = _leftmost_title(doc, grammar, sent_start, comma)
    if first is None:
        return None
    words = [t.text for t in doc[first[1] : comma] if t.text[:1].isupper() and t.is_alpha]
    initials = "".join(w[0] for w in words)
    return first if initials.endswith(short.text) else None


def _owner_after_name(doc: Doc, m: Mention, mentions: _Mentions, sent_end: int) -> Mention | None:
    """'Governor Jane Roe of the National Bank of Slovakia': the owner named right after the name."""
    k = m.end
    if k >= sent_end or doc[k].lower_ != "of":
        return None
    k += 1 + (k + 1 < sent_end and doc[k + 1].lower_ == "the")
    owner = mentions.by_start.get(k)
    if owner is None or owner.kind not in ("Country", "Organization") or owner.end > sent_end:
        return None
    return owner


def _rank_of_owner(doc: Doc, m: Mention, owner: Mention, sent_start: int) -> list[_Found]:
    """'Commodore Jane Roe of the Royal Navy', 'Lt. Col. Jane Roe of the National Guard': a military
    rank is a post when the text says whose force it is in (a rank alone, 'General Jane Roe', is not)."""
    if owner.kind != "Organization":
        return []
    k = m.start
    while k - 1 >= sent_start and _rank_word(doc[k - 1]):
        k -= 1
    if k == m.start or not doc[k].text[:1].isupper() or not any(t.lower_ in RANKS for t in doc[k : m.start]):
        return []
    end = doc[owner.end - 1].idx + len(doc[owner.end - 1])
    return [_Found(m.key, doc[k : m.start].text, owner.key, doc[k].idx, end)]


def _rank_word(token) -> bool:
    lower = token.lower_.rstrip(".")
    return token.text[:1].isupper() and (lower in RANKS or lower in RANK_ABBREVIATIONS)


def _title_comma_owner(doc: Doc, grammar: TitleGrammar, sent_start: int, end: int) -> tuple[Title, int] | None:
    """'Secretary, MNRE, Smt. Jane Roe': a post, then the body it belongs to, between commas.
    What stands there may instead be the post's field ('Director General, Family Welfare, Dr. Jane
    Roe') or the state or region it serves ('Minister for Health, Kerala, Shri Jan Doe'): capitalised
    words no body's name, which the title keeps as written."""
    for a in range(max(sent_start, end - 6), end):
        if a - 1 <= sent_start or doc[a - 1].text != ",":
            continue
        owner = grammar.by_start.get(a)
        if owner is not None and owner.end == end and owner.kind == "Organization" and not grammar.field_like(owner):
            first = _leftmost_title(doc, grammar, sent_start, a - 1)
            if first is not None and first[0].owner is None and first[0].demonym is None:
                return dataclasses.replace(first[0], owner=owner.key), first[1]
        if _field_words(doc, grammar, a, end):
            first = _leftmost_title(doc, grammar, sent_start, a - 1)
            if first is not None and first[0].owner is None and first[0].demonym is None:
                return dataclasses.replace(first[0], title=f"{first[0].title}, {doc[a:end].text}"), first[1]
    return None


def _field_words(doc: Doc, grammar: TitleGrammar, a: int, end: int) -> bool:
    """Whether tokens a..end are capitalised words (with 'and', '&') naming no person, country or
    body: a field or a place, not an owner."""
    if not doc[a].text[:1].isupper() or doc[end - 1].lower_ in ("and", "&"):
        return False
    k = a
    while k < end:
        m = grammar.by_start.get(k)
        if m is not None:
            # a place, or a field NER read as a body ("Medical Health and Family Welfare")
            if m.kind not in ("Place", "Organization") or m.end > end or m.kind == "Organization" and not grammar.field_like(m):
                return False
            k = m.end
            continue
        t = doc[k]
        if not (t.is_alpha and t.text[:1].isupper() and not t.is_sent_start or t.lower_ in ("and", "&")):
            return False
        k += 1
    return True


def _title_in_name(doc: Doc, m: Mention, grammar: TitleGrammar) -> list[tuple[Title, int]]:
    """'Gov. Jane Roe' read as one name: the abbreviated post that opens it."""
    first = doc[m.start]
    if m.end - m.start >= 3 and first.text.isupper() and singular_head(first.text) == first.lower_ and doc[m.start + 1].text[:1].isupper():
        # "MEP Jane Roe", "CEO Jane Roe" read as one name: the post, in capitals, that opens it (not the
        # form of address of "Prince Faisal bin Turki")
        parsed = grammar.parse(m.start, m.start + 1)
        if parsed is not None:
            return [(parsed, first.idx)]
    for k in range(m.start, min(m.start + 3, m.end - 2)):
        token = doc[k]
        width = 2 if doc[k + 1].text == "." and not token.whitespace_ else 1
        if token.text.endswith(".") or width == 2:
            # "Gov. Jane Roe", "Republican Rep. Jane Roe": the name's words up to the abbreviation
            parsed = grammar.parse(m.start, k + width)
            return [(parsed, doc[m.start].idx)] if parsed is not None else []
    return []


def _title_in_label(doc: Doc, m: Mention, grammar: TitleGrammar) -> list[tuple[Title, int]]:
    """'FOREIGN MINISTER VALTONEN:' opening a transcript's turn, registered as a mention of Elina
    Valtonen: the post its words give before the name. Only a label written in capitals, its first
    words words of a post and its last a name."""
    span = doc[m.start : m.end]
    if len(span) < 2 or not span.text.isupper():
        return []
    k = m.start
    while k < m.end - 1 and (is_title_word(doc[k].text) or singular_head(doc[k].text)):
        k += 1
    if k == m.start:
        return []
    parsed = grammar.parse(m.start, k)
    return [(parsed, doc[m.start].idx)] if parsed is not None else []


def _leftmost_title(doc: Doc, grammar: TitleGrammar, sent_start: int, end: int, name_follows: bool = False) -> tuple[Title, int] | None:
    """The longest title phrase that ends right before token `end`, and its first token. Right
    before a name a bare lower-case head is a post as well: 'will meet governor Jane Roe'."""
    for a in range(max(sent_start, end - _MAX_TITLE_TOKENS), end):
        if grammar.starts_inside_a_name(a):
            continue
        parsed = grammar.parse(a, end)
        if parsed is not None:
            # "a spokeswoman for President Jane Roe": the post right before the name is hers, the
            # longer phrase someone else's.
            for j in range(end - 2, a, -1):
                if doc[j].lower_ in ("for", "to") and doc[j + 1].text[:1].isupper():
                    own = grammar.parse(j + 1, end)
                    if own is not None:
                        return own, j + 1
            return parsed, a
    if name_follows and end - 1 >= sent_start and doc[end - 1].is_lower and not grammar.starts_inside_a_name(end - 1):
        parsed = grammar.parse(end - 1, end, clause=True)
        if parsed is not None and not parsed.plural:
            return parsed, end - 1
    return None


def _ends_a_name(doc: Doc, grammar: TitleGrammar, a: int) -> bool:
    """Whether the words before token a end with a person's name: 'Jane Doe, the minister, …'
    is Doe's apposition, not a second title of the next name."""
    k = a - 1
    while k >= 0 and doc[k].is_punct:
        k -= 1
    return k >= 0 and any(m.kind == "Person" and m.start <= k < m.end for m in (grammar.by_start.get(j) for j in range(max(0, k - 5), k + 1)) if m)


def _start_char(doc: Doc, a: int) -> int:
    return doc[a].idx if doc[a].lower_ not in ("the", "a", "an") else doc[a + 1].idx


def _comma_list(doc: Doc, m: Mention) -> bool:
    """Whether the name after a comma is an item of a list ('…, Jane Roe and John Doe')
    rather than the name of the post before it."""
    after = doc[m.end] if m.end < len(doc) else None
    return after is not None and after.lower_ in ("and", "or")


def _title_over_a_list(doc: Doc, m: Mention, mentions: _Mentions, grammar: TitleGrammar, sent_start: int) -> list[tuple[Title, int]]:
    """'Election Commissioners Jane Roe and John Doe', 'Finance Ministers of Spain Ana Ruiz and
    Italy Marco Bell': a plural title before the first name of a list is each name's post."""
    k = m.start
    country = None
    before = mentions.by_end.get(k)
    if before is not None and before.kind == "Country":
        country, k = before.key, before.start  # "… and Italy Marco Bell"
    for _ in range(6):
        if k - 1 <= sent_start or doc[k - 1].lower_ not in ("and", ","):
            return []
        k -= 1
        if doc[k].lower_ == "and" and doc[k - 1].text == ",":
            k -= 1
        previous = mentions.by_end.get(k)
        if previous is None or previous.kind != "Person":
            return []
        k = previous.start
        owner = mentions.by_end.get(k)
        if owner is not None and owner.kind == "Country" and country is not None:
            k = owner.start
        first = _leftmost_title(doc, grammar, sent_start, k)
        if first is not None:
            title, a = first
            if not title.plural:
                return []
            if country is not None:
                title = dataclasses.replace(title, owner=country, demonym=None)
            return [(title, _start_char(doc, a))]
        if country is not None and owner is not None and owner.kind == "Country":
            # "Finance Ministers of Spain Ana Ruiz": the first country is part of the title phrase.
            first = _leftmost_title(doc, grammar, sent_start, owner.end)
            if first is not None and first[0].plural:
                return [(dataclasses.replace(first[0], owner=country, demonym=None), _start_char(doc, first[1]))]
    return []


_LIST_QUANTIFIERS = frozenset({"both", "all", "two", "three", "four", "five", "2", "3", "4", "5"})


def _apposition_over_a_list(doc: Doc, m: Mention, mentions: _Mentions, grammar: TitleGrammar, sent_start: int,
                            sent_end: int) -> list[tuple[str, Title, int, int]]:
    """'Jane Roe and John Doe, the foreign ministers of Latvia and Estonia, said': a plural post
    after the last name of a list is each name's; owners listed as many as the names go to them in
    order ('respectively'), one owner goes to all. (person, title, first token, end character)."""
    if m.end >= sent_end or doc[m.end].text != ",":
        return []
    names = [m]
    k = m.start
    joined_by_and = False
    while len(names) < 6 and k - 1 > sent_start and doc[k - 1].lower_ in ("and", ","):
        j = k - 1
        if doc[j].lower_ == "and" and doc[j - 1].text == ",":
            j -= 1
        previous = mentions.by_end.get(j)
        if previous is None or previous.kind != "Person":
            break  # "On Monday, Roe and Doe, …": the list starts at "Roe"
        joined_by_and = joined_by_and or len(names) == 1 and doc[k - 1].lower_ == "and"
        names.insert(0, previous)
        k = previous.start
    if len(names) < 2 or not joined_by_and or len({n.key for n in names}) != len(names):
        return []
    a = m.end + 1
    det = a < sent_end and doc[a].lower_ == "the"
    a += det
    while a < sent_end and doc[a].lower_ in _LIST_QUANTIFIERS:
        a += 1
    b = next((j for j in range(a + 1, min(sent_end, a + _MAX_APPOSITION_TOKENS) + 1) if _apposition_ends(doc, j, sent_end)), None)
    if b is None:
        return []
    end = doc[b - 1].idx + len(doc[b - 1])
    title = grammar.parse(a, b)
    if title is not None:
        if not title.plural:
            return []
        return [(n.key, dataclasses.replace(title, plural=False), names[0].start, end) for n in names]
    # "the foreign ministers of Latvia and Estonia": one owner for each name, in order
    owners: list[Mention] = []
    j = b
    while j > a:
        owner = mentions.by_end.get(j)
        if owner is None or owner.kind not in ("Country", "Organization"):
            return []
        owners.insert(0, owner)
        j = owner.start
        if doc[j - 1].lower_ in ("and", ","):
            j -= 1
            if doc[j].lower_ == "and" and doc[j - 1].text == ",":
                j -= 1
            continue
        break
    if len(owners) != len(names) or j <= a + 1 or doc[j - 1].lower_ != "of":
        return []
    title = grammar.parse(a, j - 1)
    if title is None or not title.plural or title.owner is not None or title.demonym is not None:
        return []
    single = dataclasses.replace(title, plural=False)
    return [(n.key, dataclasses.replace(single, owner=o.key), names[0].start, end) for n, o in zip(names, owners)]


def _counterpart(doc: Doc, m: Mention, found: list[_Found], ctx: ArticleContext, sent_start: int) -> list[_Found]:
    """'… Foreign Minister John Doe met his Danish counterpart, Jane Roe': Roe holds the same post
    as the person titled last before her, for the country the adjective names."""
    k = m.start
    if k - 1 > sent_start and doc[k - 1].text == ",":
        k -= 1
    if k - 2 < sent_start or doc[k - 1].lower_ not in ("counterpart", "counterparts", "colleague"):
        return []
    adjective = doc[k - 2]
    if not (adjective.text[:1].isupper() and adjective.text.casefold() in demonyms()):
        return []
    here = doc[m.start].idx
    earlier = [f for f in found if f.anchor_end <= here and here - f.anchor_end < 600 and f.person != m.key]
    if not earlier:
        return []
    # A counterpart holds the other's national post: "Jane Roe, Denmark's minister, who chairs the
    # group with his Polish counterpart John Doe" -> minister, not chair of the group.
    national = [f for f in earlier if f.of is not None and (e := ctx.entities.get(ctx.current_key(f.of))) is not None and e.kind == "Country"]
    model = max(national or earlier, key=lambda f: f.anchor_end)
    owner = ctx.country_of_demonym(adjective.text, adjective.idx, adjective.idx + len(adjective))
    if owner is None or owner == model.of:
        return []
    return [_Found(m.key, model.title, owner, adjective.idx, doc[m.end - 1].idx + len(doc[m.end - 1]))]


# ----------------------------------------------------------------------------- after a name


def _apposition_after(doc: Doc, m: Mention, grammar: TitleGrammar, sent_end: int) -> tuple[list[Title], int] | None:
    """'Jane Roe, Latvia's defense minister, …' -> the titles and where they end (a character offset).
    The longest title that ends at a comma, a full stop or 'who' wins: 'Jane Roe, minister of
    environment, urbanisation and climate change, said'. Two posts joined by 'and the' are two
    titles: 'Jane Roe, Kenya's special envoy for climate change and the lead negotiator of the
    African Group, said'."""
    if m.end >= len(doc) or not (doc[m.end].text in (",", "(") or doc[m.end].text in ("—", "–", "--") and doc[m.end - 1].whitespace_):
        return None  # "Jane Roe, …", "Jane Roe (…)", "Jane Roe — the head of …, —"
    a = _after_age_or_party(doc, _past_a_picture_note(doc, m.end, sent_end) + 1, sent_end)
    best: tuple[list[Title], int] | None = None
    best_b = a
    for b in range(a + 1, min(sent_end, a + _MAX_APPOSITION_TOKENS) + 1):
        if not _apposition_ends(doc, b, sent_end):
            continue
        pair = _two_posts(doc, grammar, a, b)
        if pair is not None:
            best = (pair, doc[b - 1].idx + len(doc[b - 1]))
            continue
        parsed = grammar.parse(a, b, one_person=True)
        if parsed is not None and parsed.plural:
            parsed = None  # "Jane Roe, senior officers of the ministry and …": a list, not her post
        if parsed is None and (cut := _before_time_tail(doc, a, b)) < b:
            parsed = grammar.parse(a, cut, one_person=True)  # "Jane Roe, the task force's commander for 2026, …"
        if parsed is None:
            # "Jane Roe, Estonia's defence minister since 2022, …": the date is not part of the post.
            since = re.search(rf"\s+(?:since|from)\s+{_DATE}$", doc[a:b].text, re.IGNORECASE)
            if since is not None:
                cut = doc.char_span(doc[a].idx + since.start(), doc[b - 1].idx + len(doc[b - 1]), alignment_mode="expand")
                if cut is not None and cut.start > a:
                    parsed = grammar.parse(a, cut.start)
        if parsed is not None:
            parsed = _owned_by_possessor(grammar, parsed, a, m.start)
            best, best_b = ([parsed], doc[b - 1].idx + len(doc[b - 1])), b
        elif best is None and doc[b - 1].pos_ == "VERB":
            break  # "Jane Roe, who said …": no post follows
    if best is not None and len(best[0]) == 1:
        owned = _comma_owner(doc, grammar, best[0][0], best_b, sent_end)
        if owned is not None:
            best = owned
    if best is None:
        best = _post_at_a_described_body(doc, grammar, m, a, sent_end)
    return best


_DESCRIBED_BODY = re.compile(r"(?:at|of|for|with)\s+the\s+(?P<noun>[a-z]+(?:[ -][a-z]+){0,2})$")


def _post_at_a_described_body(doc: Doc, grammar: TitleGrammar, m: Mention, a: int, sent_end: int) -> tuple[list[Title], int] | None:
    """'Jane Roe, an associate director at the think-tank, said': a post at a body the text
    names only by what it is. The body is the one named before whose name is built on that noun;
    when none is, or two are, the post stands without an owner."""
    for b in range(a + 3, min(sent_end, a + _MAX_APPOSITION_TOKENS) + 1):
        if not _apposition_ends(doc, b, sent_end):
            continue
        found = _DESCRIBED_BODY.search(doc[a:b].text)
        if found is None:
            if doc[b - 1].pos_ == "VERB":
                return None
            continue
        noun = found.group("noun")
        last = noun.replace("-", " ").split()[-1]
        if noun not in ORG_HEADS and noun not in BODY_DESCRIPTORS and last not in ORG_HEADS and last not in BODY_DESCRIPTORS:
            return None
        cut = doc.char_span(doc[a].idx, doc[a].idx + found.start(), alignment_mode="expand")
        if cut is None or cut.end <= a:
            return None
        title = grammar.parse(a, cut.end - (1 if doc[cut.end - 1].is_space else 0), one_person=True)
        if title is None or title.plural or title.owner is not None or title.demonym is not None or title.possessed:
            return None
        if title.head in WEAK_HEADS or title.head in RELATION_NOUNS:
            return None  # "a member of the team", "a friend of the family"
        words = noun.replace("-", " ").split()
        bodies = {
            e.key
            for o in grammar.by_start.values()
            if o.kind == "Organization" and o.end <= m.start
            and (e := grammar.ctx.entities.get(grammar.ctx.current_key(o.key))) is not None
            and _built_on(e.name, words)
        }
        if len(bodies) == 1:
            title = dataclasses.replace(title, owner=next(iter(bodies)))
        last_token = doc[b - 1]
        return [title], last_token.idx + len(last_token)
    return None


def _line_end(doc: Doc, k: int) -> int:
    """The first token at or after k that breaks the line (or the end of the document)."""
    while k < len(doc) and not (doc[k].is_space and "\n" in doc[k].text) and "\n" not in doc[k].whitespace_:
        k += 1
    return k if k >= len(doc) or doc[k].is_space else k + 1


def _title_on_the_next_line(doc: Doc, m: Mention, grammar: TitleGrammar) -> tuple[Title, int] | None:
    """A byline or a list of speakers: 'Jane Roe' alone on a line, then 'Defence correspondent,
    Daily Post' or 'Minister of Finance' as the whole next line -> her post. Only when both lines
    are nothing else."""
    opens_line = m.start == 0 or (doc[m.start - 1].is_space and "\n" in doc[m.start - 1].text) or "\n" in doc[m.start - 1].whitespace_
    if not opens_line or m.end >= len(doc) or _line_end(doc, m.end - 1) != m.end:
        return None  # the name is not the whole line
    a = m.end
    while a < len(doc) and doc[a].is_space:
        a += 1
    if a >= len(doc) or "\n\n" in doc.text[doc[m.end - 1].idx + len(doc[m.end - 1]) : doc[a].idx]:
        return None  # a blank line between: not one block
    b = _line_end(doc, a)
    if b - a > _MAX_APPOSITION_TOKENS:
        return None
    comma = next((j for j in range(a, b) if doc[j].text == ","), None)
    title = grammar.parse(a, comma if comma is not None else b, one_person=True)
    if title is None or title.plural:
        return None
    if comma is not None:
        owned = _comma_owner(doc, grammar, title, comma, b)
        if owned is None:
            return None
        return owned[0][0], owned[1]
    last = doc[b - 1]
    return title, last.idx + len(last)


def _comma_owner(doc: Doc, grammar: TitleGrammar, title: Title, b: int, sent_end: int) -> tuple[list[Title], int] | None:
    """'Jane Roe, Deputy Governor, Bank of Finland, said', 'Jane Roe (Minister of Defence, Norway)':
    a post without an owner, then after a comma a country or body alone up to the next comma or
    bracket, is that body's post (as press releases and speaker lists write it)."""
    if title.owner is not None or title.demonym is not None or title.possessed or b + 1 >= sent_end or doc[b].text != ",":
        return None
    owner = grammar.by_start.get(b + 1)
    if owner is None or owner.kind not in ("Country", "Organization") or owner.end > sent_end:
        return None
    if owner.end < sent_end and not (doc[owner.end].text[:1] in (",", ")", ";", ".") and doc[owner.end].is_punct):
        return None
    if owner.kind == "Organization" and grammar.field_like(owner):
        return None  # "Director General, Family Welfare, …": the post's field
    last = doc[owner.end - 1]
    return [dataclasses.replace(title, owner=owner.key)], last.idx + len(last)


def _owned_by_possessor(grammar: TitleGrammar, title: Title, a: int, before: int) -> Title:
    """'the coalition's coordinator', 'the task force's commander': a post owned through a definite
    description of a body is that body's, when exactly one body named before token `before` has a
    name built on the description's nouns ('Baltic Undersea Infrastructure Coalition'). Else as is."""
    doc = grammar.doc
    if not title.possessed or title.owner is not None or title.demonym is not None or doc[a].lower_ != "the":
        return title
    k = a + 1
    noun: list[str] = []
    while k < len(doc) and len(noun) <= 3 and doc[k].is_lower and doc[k].is_alpha and doc[k].pos_ in ("NOUN", "ADJ", "PROPN"):
        noun.append(doc[k].lower_)
        k += 1
    if not noun or len(noun) > 3 or k >= len(doc) or doc[k].text not in POSSESSIVE_MARKS:
        return title
    ctx = grammar.ctx
    bodies = {
        e.key
        for o in grammar.by_start.values()
        if o.kind == "Organization" and o.end <= before
        and (e := ctx.entities.get(ctx.current_key(o.key))) is not None and _built_on(e.name, noun)
    }
    return dataclasses.replace(title, owner=bodies.pop()) if len(bodies) == 1 else title


def _two_posts(doc: Doc, grammar: TitleGrammar, a: int, b: int) -> list[Title] | None:
    """'special envoy for climate change and the lead negotiator of the African Group': two posts
    of one person, each a whole title, the second opening with its own determiner."""
    for j in range(a + 1, b - 2):
        if doc[j].lower_ != "and" or doc[j + 1].lower_ not in ("the", "a", "an", "its", "his", "her", "their"):
            continue
        first = grammar.parse(a, j)
        second = grammar.parse(j + 1, _before_time_tail(doc, j + 1, b)) if first is not None else None
        if first is not None and second is not None and not first.plural and not second.plural:
            return [first, _owned_by_possessor(grammar, second, j + 1, a)]
    return None


def _apposition_ends(doc: Doc, b: int, sent_end: int) -> bool:
    if b == sent_end:
        return True
    token = doc[b]
    if token.is_space and "\n" in token.text:
        return True  # "Jane Roe, Governor of the National Bank" on a line of its own (a list of participants)
    if token.text in (",", ";", ".", ":", "—", ")", "(", "?", "!", '"', "“", "”", "|"):
        return True
    if token.is_punct and token.text[:1] in ("),;:"):
        return True  # "MODERATOR (Jane Roe, NATO Spokesperson):": the bracket and the colon read as one token
    if token.text in ("-", "–") and token.whitespace_ and doc[b - 1].whitespace_:
        return True
    return token.lower_ in ("who", "whose", "which", "that")


def _past_a_picture_note(doc: Doc, k: int, sent_end: int) -> int:
    """'Jane Roe (pictured), chief executive of …': past a bracket of one to three lower-case words
    that are no post, to the comma after it. Else k."""
    if doc[k].text != "(":
        return k
    close = next((j for j in range(k + 1, min(sent_end, k + 5)) if doc[j].text == ")"), None)
    if close is None or close == k + 1 or close + 1 >= sent_end or doc[close + 1].text != ",":
        return k
    words = doc[k + 1 : close]
    if not all(t.is_alpha and t.is_lower and singular_head(t.text) is None for t in words):
        return k
    return close + 1


_PARTY_TAG = re.compile(r"[A-Z]-[A-Z][A-Za-z.]*\.?")


def _after_age_or_party(doc: Doc, a: int, sent_end: int) -> int:
    """Past ', 58,' or ', D-Ill.,' after a name: an age or a party tag before the apposition."""
    k = a
    while k < sent_end and doc[k].text != "," and k - a < 4:
        k += 1
    if k >= sent_end or k == a:
        return a
    words = doc[a:k].text.replace(" ", "")
    if (doc[a].like_num and k - a == 1) or _PARTY_TAG.fullmatch(words):
        return k + 1
    return a


_WHO_HEADS = re.compile(
    # "…, who heads", "…, the Greek officer who commands": a clause after the name or after a short description
    r"(?:\s*,\s*(?:(?:the|a|an)\s+(?:[\w’'-]+\s+){1,4}?)?who\s+|\s+who\s+|\s+)(?:also\s+|now\s+|currently\s+)?"
    r"(?P<verb>co-chairs|chairs|heads|leads|commands|directs|has\s+led|has\s+headed|has\s+chaired|has\s+commanded|sits\s+on|serves\s+on"
    r"|will\s+(?:co-chair|chair|head|lead|command|direct)"
    # "…, who took command of the Navy on 1 January 2026": the post and when it began
    r"|(?:took|assumed|has\s+taken|has\s+assumed)\s+(?:over\s+)?command\s+of"
    # "…, who is in charge of price statistics at the ONS": the head of what she is in charge of
    r"|(?:is|remains|has\s+been)\s+in\s+charge\s+of)\s+",
    re.IGNORECASE,
)
#: What a leader leads, as against what a head heads: "leads the Green Party".
_LED_BY_LEADERS = frozenset({"party", "movement", "opposition", "coalition", "bloc", "faction", "caucus", "group"})
_SINCE_DATE = re.compile(rf"\s*since\s+{_DATE}\b", re.IGNORECASE)
_SINCE_MONTH = re.compile(rf"\s*since\s+(?P<m>{_MONTH_RE})\b(?!\.?\s*\d)(?!\s*,\s*\d)", re.IGNORECASE)
_VERB_POSTS = {"co-chairs": "Co-Chair", "chairs": "Chair", "has chaired": "Chair", "heads": "Head", "has headed": "Head",
               "leads": "Leader", "has led": "Leader", "commands": "Commander", "has commanded": "Commander", "directs": "Director",
               "sits on": "Member", "serves on": "Member",
               # "the officer who will command the mission": the post the text gives him, from a date to come
               "will co-chair": "Co-Chair", "will chair": "Chair", "will head": "Head", "will lead": "Leader",
               "will command": "Commander", "will direct": "Director"}
#: What ends the object of a verb of leading: its partner ("chairs the group with his Polish
#: counterpart …", "alongside Jane Roe"), not part of the post.
_PARTNER_WORDS = frozenset({"with", "alongside"})


def _who_heads(doc: Doc, m: Mention, after: int, mentions: _Mentions, grammar: TitleGrammar, ctx: ArticleContext, sent_end: int) -> list[_Found]:
    """'Jane Roe, who heads procurement at Africa CDC, said' -> Head of Procurement (Africa CDC);
    'Jane Roe, Palau's envoy, who chairs the Alliance of Small Island States' -> Chair (the Alliance)."""
    sent_end_char = doc[sent_end - 1].idx + len(doc[sent_end - 1])
    match = _WHO_HEADS.match(ctx.text, after, sent_end_char)
    if match is None:
        return []
    return _leading_clause(doc, m.key, m.start, doc[m.start].idx, match, mentions, grammar, ctx, sent_end)


_PRONOUN_LEAD = (
    r"(?:He|She|he|she)\s+(?:also\s+|now\s+|currently\s+)?"
    r"(?P<verb>co-chairs|chairs|heads|leads|commands|directs|will\s+(?:co-chair|chair|head|lead|command|direct))\s+"
)
# At the start of a sentence, or after a fronted phrase and its comma ("Together with …, she chairs").
_PRONOUN_LEADS_FIRST = re.compile(_PRONOUN_LEAD)
_PRONOUN_LEADS = re.compile(r"(?<=, )" + _PRONOUN_LEAD)


def _pronoun_leads(doc: Doc, sent: Span, mentions: _Mentions, grammar: TitleGrammar, ctx: ArticleContext) -> list[_Found]:
    """'He will co-chair the group with Jane Roe', 'Together with her counterpart, she co-chairs
    the Compact': the pronoun is the person the text was about (the last subject named before the
    sentence, no other subject named since), and the verb of leading gives the post."""
    text = ctx.doc_text(doc)
    match = _PRONOUN_LEADS_FIRST.match(text, sent.start_char, sent.end_char) or _PRONOUN_LEADS.search(text, sent.start_char, sent.end_char)
    if match is None:
        return []
    earlier = mentions.last_person_before(sent.start, subjects_only=True)
    if earlier is None or any(m.start >= earlier.end for m in mentions.subjects if m.start < sent.start):
        return []
    found = _leading_clause(doc, earlier.key, earlier.start, match.start(), match, mentions, grammar, ctx, sent.end)
    if found and re.match(r"(?:Together\s+with|Along\s+with|Alongside|With)\s", text[sent.start_char : match.start()]):
        # "Together with her Canadian counterpart, Jane Roe, she co-chairs …": the partner goes first
        partner = mentions.first_person_from(sent.start_char, match.start())
        if partner is not None and partner.key != earlier.key:
            held = found[0]
            found.append(_Found(partner.key, held.title, held.of, sent.start_char, held.anchor_end))
    return found


def _leading_clause(doc: Doc, person: str, person_start: int, anchor_start: int, match: re.Match, mentions: _Mentions,
                    grammar: TitleGrammar, ctx: ArticleContext, sent_end: int) -> list[_Found]:
    """The post a verb of leading and its object give `person` ('chairs the commission since
    2024, when she succeeded John Doe'), and the partner's, 'with' or 'alongside' whom it is led."""
    sent_end_char = doc[sent_end - 1].idx + len(doc[sent_end - 1])
    index = ctx.index(doc)
    a = index.token_at(match.end())
    b = a
    while b < sent_end and not _apposition_ends(doc, b, sent_end) and doc[b].lower_ not in ("since", "until", "and"):
        if doc[b].pos_ in ("VERB", "AUX") and not (doc[b].tag_ == "VBZ" and doc[b].is_lower and b + 1 < sent_end and doc[b + 1].pos_ == "NOUN"):
            break
        if b > a and doc[b].lower_ in _PARTNER_WORDS:
            break  # "… who chairs the group with his Polish counterpart": the partner is not the post
        if b > a and doc[b].lower_ in ("this", "next", "last") and b + 1 < sent_end and doc[b + 1].lower_ in _TIME_NOUNS:
            break  # "… who chairs the committee this year"
        if b > a and _time_complement(doc, b, sent_end) is not None:
            break  # "… who chairs the committee for its first year", "… for 2026"
        if b > a and doc[b].lower_ in ("on", "in") and _DATE_RE.match(ctx.text, doc[b].idx, sent_end_char):
            break  # "… who took command of the Navy on 1 January 2026": when, not what
        b += 1
    if b > a + 2 and doc[b - 1].is_lower and doc[b - 1].pos_ == "NOUN" and doc[b - 2].lower_ == "at" and doc[b - 3].pos_ in ("NOUN", "PROPN"):
        b -= 2  # "… who commands the force at sea": where, not what
    if b == a:
        return []
    for j in range(a + 1, b - 1):
        place = mentions.by_start.get(j + 1)
        if doc[j].lower_ in ("in", "at") and place is not None and place.kind in ("Place", "Country") and place.end == b:
            b = j  # "… heads the Maritime Risk Institute in Rotterdam": where it is, not part of the post
            break
    verb = " ".join(match.group("verb").casefold().split())
    taking = verb.endswith("command of")  # "took command of …": the post and when it began
    post = "Commander" if taking else "Head" if verb.endswith("in charge of") else _VERB_POSTS[verb]
    if post == "Leader" and not any(t.lower_ in _LED_BY_LEADERS for t in doc[a:b]):
        post = "Head"  # "has led the National Election Office": its head; "leads the Green Party": its leader
    parsed = grammar.object_of(post, a, b)
    if parsed is None:
        parsed = _definite_body(doc, post, a, b, mentions, ctx, person_start)
    if parsed is None and verb in ("leads", "has led"):
        parsed = _political_grouping(doc, a, b)
    if parsed is None:
        parsed = _definite_body(doc, post, a, b, mentions, ctx, person_start, ownerless=True)
    if parsed is None:
        return []
    if parsed.owner is None and parsed.head == "leader":
        pass  # "who leads the main opposition alliance": a leader's post, named by its grouping
    elif verb in ("leads", "has led") and not any((o := mentions.by_start.get(i)) and o.kind == "Organization" for i in range(a, b)):
        return []  # "leads Argentina's attack", "leads the polls": leading is not always a post
    end = doc[b - 1].idx + len(doc[b - 1])
    # "… has led the Office since January 2025, when she succeeded John Doe"
    since = _SINCE_DATE.match(ctx.text, end, sent_end_char)
    if since is None and taking:
        since = _DATE_AFTER.match(ctx.text, end + 1, sent_end_char) if ctx.text[end : end + 1] == " " else None
    start = _iso(since) if since is not None else None
    if since is None:
        # "… has commanded the task force since January": a month of the article's year
        since = _SINCE_MONTH.match(ctx.text, end, sent_end_char)
        if since is not None and not since.group("m")[0].isupper():
            since = None  # "since may", not a month
        start = _month_of_article_year(ctx.text, since.group("m")) if since is not None else None
    predecessor = None
    if since is not None:
        pred = _PREDECESSOR.search(ctx.text, since.end(), sent_end_char)
        later = mentions.first_person_from(pred.end(), pred.end() + 60) if pred is not None else None
        predecessor = later.key if later is not None and later.key != person else None
    held = _found(person, parsed, anchor_start, end, ctx, start=start, predecessor=predecessor)
    out = [held]
    if predecessor is not None:
        out.append(dataclasses.replace(held, person=predecessor, start=None, end=start, predecessor=None))
    if b < sent_end and doc[b].lower_ in _PARTNER_WORDS:
        # "… chairs the group with his Polish counterpart Jane Roe": she chairs it with him
        partner = mentions.first_person_from(doc[b].idx, doc[b].idx + 60)
        if partner is not None and partner.key != person and not any(_apposition_ends(doc, j, sent_end) and doc[j].text != "," for j in range(b + 1, partner.start)):
            out.append(_Found(partner.key, held.title, held.of, anchor_start, doc[partner.end - 1].idx + len(doc[partner.end - 1])))
    return out


_TIME_NOUNS = word_set("time-nouns.txt")
_TERM_NOUNS = word_set("term-nouns.txt")
#: Words that may stand between "for" and the noun of a spell: "for its first year", "for a two-year term".
_SPELL_WORDS = frozenset({"its", "his", "her", "their", "the", "a", "an", "one", "first", "second", "third", "initial", "next",
                          "coming", "current", "full", "whole", "inaugural", "opening", "rotating", "renewable"})


def _before_time_tail(doc: Doc, a: int, b: int) -> int:
    """Where tokens a..b end before a phrase of time that closes them ('… commander for 2026'), or b."""
    for k in range(max(a + 1, b - 6), b):
        if doc[k].lower_ in ("for", "until", "through", "till") and _time_complement(doc, k, b) == b:
            return k
    return b


def _time_complement(doc: Doc, k: int, stop: int) -> int | None:
    """Where a phrase of time at token k ends, when one stands there: 'for its first year', 'for a
    two-year term', 'for 2026', 'until 2027'. What follows a post or the object of a verb of leading
    there says how long it is held, not what it is. None when none does."""
    if k >= stop or doc[k].lower_ not in ("for", "until", "through", "till"):
        return None
    j = k + 1
    if j < stop and re.fullmatch(r"(?:19|20)\d{2}", doc[j].text):
        return j + 1
    if doc[k].lower_ != "for":
        return None
    while j < stop and j - k <= 4 and (doc[j].lower_ in _SPELL_WORDS or doc[j].like_num or doc[j].text in ("-", "–")
                                       or re.fullmatch(r"[a-z]+-(?:year|month|week)", doc[j].lower_)):
        j += 1
    if j < stop and j > k + 1 and (doc[j].lower_ in _TIME_NOUNS or doc[j].lower_ in _TERM_NOUNS
                                   or doc[j].lower_.rstrip("s") in _TIME_NOUNS):
        return j + 1
    return None
_OPERATION_NOUNS = word_set("operation-nouns.txt")


#: What a political leader leads, named in plain words ("the main opposition alliance").
_GROUPINGS = frozenset({"party", "movement", "opposition", "coalition", "bloc", "faction", "caucus", "alliance"})


def _political_grouping(doc: Doc, a: int, b: int) -> Title | None:
    """'leads the main opposition alliance', 'leads the opposition': a political grouping in plain
    words (its last word one of the leaders' nouns) names the post of its leader, with no owner."""
    if b - a < 2 or doc[a].lower_ != "the" or b - a > 5:
        return None
    words = doc[a + 1 : b]
    if not all(t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ") for t in words) or words[-1].lower_ not in _GROUPINGS:
        return None
    return Title("Leader of the " + " ".join(t.text for t in words), None, head="leader", determined=True)


def _definite_body(doc: Doc, post: str, a: int, b: int, mentions: _Mentions, ctx: ArticleContext, before: int, ownerless: bool = False) -> Title | None:
    """'who chairs the commission' after 'the State Election Commission' was named; 'who chairs the
    task force's steering committee': a definite description of a body the text named before, by
    the noun its name is built on ('Commission' of 'State Election Commission', 'Group' of 'Group
    of Seven'). Only when exactly one body named before fits; the title names it as written."""
    if b - a < 2 or doc[a].lower_ != "the":
        return None
    k = a + 1
    named = mentions.by_start.get(k)
    if named is not None and named.kind == "Organization" and named.end < b:
        # "who chairs the MSMT steering committee": a unit of a body named right before its nouns
        unit = doc[named.end : b]
        if all(t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ") for t in unit) and unit[-1].pos_ == "NOUN":
            title = f"{post} of the " + " ".join(t.text[:1].upper() + t.text[1:] for t in unit)
            return Title(title, named.key, head=post.casefold(), determined=True)
        return None
    noun: list[str] = []
    # "the commission"; "The Mission" too, capitalised as the body's short name, when no name starts there
    while k < b and doc[k].is_alpha and (doc[k].is_lower or doc[k].is_title and k not in mentions.by_start) and doc[k].pos_ in ("NOUN", "ADJ", "PROPN"):
        noun.append(doc[k].lower_)
        k += 1
    if not noun or doc[k - 1].pos_ not in ("NOUN", "PROPN") or len(noun) > 3:
        return None
    if k + 2 == b and doc[k].lower_ in ("this", "next") and doc[k + 1].lower_ in _TIME_NOUNS:
        b = k  # "who chairs the group this year"
    unit: list[str] = []
    if k < b:
        if doc[k].text not in POSSESSIVE_MARKS:
            return None
        # "the task force's steering committee": a unit of the body
        unit = [t.text for t in doc[k + 1 : b]]
        if not unit or not all(_unit_word(doc, j, k + 1, b) for j in range(k + 1, b)) or doc[b - 1].pos_ != "NOUN":
            return None
    bodies, operations = {}, {}
    for other in mentions.by_start.values():
        if other.kind not in ("Organization", "Event") or other.end > before:
            continue
        entity = ctx.entities.get(ctx.current_key(other.key))
        if entity is None:
            continue
        if entity.kind == "Organization" and _built_on(entity.name, noun):
            bodies[entity.key] = entity
        if entity.name.startswith("Operation "):
            operations[entity.key] = entity
    if not bodies and " ".join(noun) in _OPERATION_NOUNS:
        bodies = operations  # "Operation Tidewatch … the task force": the one operation named
    if len(bodies) != 1 and not ownerless:
        return None
    if len(bodies) != 1:
        # No body, or two, that the noun fits: which one is not sure, but the post is. "who heads
        # the mission" -> Head of the Mission, of no owner; only when the noun is one of a body.
        words = unit or noun
        if ORG_HEADS.isdisjoint({words[-1], singular_head(words[-1]) or words[-1]}) and words[-1].rstrip("s") not in ORG_HEADS:
            return None
        title = f"{post} of the " + " ".join(w if w == "of" else w[:1].upper() + w[1:] for w in words)
        return Title(title, None, head=post.casefold(), determined=True)
    body = next(iter(bodies.values()))
    if body.kind != "Organization":
        # an operation read as an event owns no post: the title names it
        return Title(f"{post} of {body.name}", None, head=post.casefold(), determined=True)
    words = unit or noun
    title = f"{post} of the " + " ".join(w if w == "of" else w[:1].upper() + w[1:] for w in words)
    return Title(title, body.key, head=post.casefold(), determined=True)


def _unit_word(doc: Doc, j: int, a: int, b: int) -> bool:
    """A word of a body's unit named in plain words: 'steering committee', 'council of ministers',
    'board of governors' (an inner 'of' between two nouns)."""
    t = doc[j]
    if t.lower_ == "of":
        return a < j < b - 1 and doc[j - 1].pos_ == "NOUN" and doc[j + 1].pos_ == "NOUN"
    return t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ")


def _built_on(name: str, noun: list[str]) -> bool:
    """Whether a body's name ends in these nouns before any 'of …' ('State Election Commission',
    'Group of Seven' for 'group'; 'task force' for 'Gulf of Guinea Maritime Task Force')."""
    words = name.casefold().split()
    heads = [words]
    if "of" in words[1:]:
        heads.append(words[: words.index("of", 1)])
    return any(len(h) >= len(noun) and h[-len(noun) :] == noun for h in heads)


_COPULA_AFTER = re.compile(r"\s*,\s*(?P<verb>is|has\s+been|remains)\s+(?:now\s+|also\s+)?(?=\S)")
_COPULA = re.compile(r"\s+(?:is|was|has\s+been|remains)\s+(?=\S)", re.IGNORECASE)
# "She is director of …": a pronoun's present post (a past one, "He was …", is left alone).
_PRONOUN_COPULA = re.compile(r"(?:He|She)\s+(?:is|remains|has\s+been)\s+(?=\S)")


def _copula(doc: Doc, m: Mention, grammar: TitleGrammar, ctx: ArticleContext, sent_end: int) -> list[_Found]:
    """'Jane Roe is a senior fellow for maritime security at the Kingsbridge Institute.'"""
    name_end = doc[m.end - 1].idx + len(doc[m.end - 1])
    match = _COPULA.match(ctx.text, name_end)
    if match is None or m.end + 1 >= sent_end:
        return []
    return _copula_post(doc, m.key, doc[m.start].idx, match.end(), grammar, ctx, sent_end)


def _pronoun_copula(doc: Doc, sent: Span, mentions: _Mentions, grammar: TitleGrammar, ctx: ArticleContext) -> list[_Found]:
    """'Jane Roe chairs the group. She is director of pharmaceutical affairs at the Ministry of
    Health.': the pronoun is the person the text was about (the last subject named before)."""
    match = _PRONOUN_COPULA.match(ctx.text, sent.start_char, sent.end_char)
    if match is None:
        return []
    earlier = mentions.last_person_before(sent.start, subjects_only=True)
    if earlier is None or any(m.kind == "Person" for m in _mentions_between(mentions, earlier.end, sent.start)):
        return []  # someone else was named since: whom "she" means is not sure
    return _copula_post(doc, earlier.key, sent.start_char, match.end(), grammar, ctx, sent.end)


def _mentions_between(mentions: _Mentions, first: int, stop: int) -> list[Mention]:
    i = bisect_left(mentions.person_starts, first)
    out = []
    while i < len(mentions.persons) and mentions.person_starts[i] < stop:
        out.append(mentions.persons[i])
        i += 1
    return out


def _copula_post(doc: Doc, person: str, anchor_start: int, char: int, grammar: TitleGrammar, ctx: ArticleContext, sent_end: int) -> list[_Found]:
    """The post named from character `char` (after 'is') to the end of its phrase."""
    a = ctx.index(doc).token_at(char)
    best = None
    for b in range(a + 1, min(sent_end, a + _MAX_APPOSITION_TOKENS) + 1):
        last = b >= len(doc)  # the sentence ends the text: no token after it to look at
        if _apposition_ends(doc, b, sent_end) or not last and doc[b].lower_ in ("and", "since", "until", "from"):
            parsed = grammar.parse(a, b)
            if parsed is not None and not parsed.plural:
                best = (parsed, b)
            if last or doc[b].text != "," and doc[b].lower_ != "and":  # "at the Ministry of Health, Welfare and Sport"
                break
    if best is None:
        return []
    parsed, b = best
    # "… a senior fellow at the Levant Policy Forum": a body the title names (kept in it, as no owner was found)
    named = re.search(r" (?:at|of|in) (?:the )?[A-Z]", doc[a:b].text) is not None
    if not (parsed.owner or parsed.demonym or named) and (parsed.head in WEAK_HEADS or " " not in parsed.title):
        return []  # "Roe is a member of the team", "Roe was a senator": too little to name a post
    end = doc[b - 1].idx + len(doc[b - 1])
    since = _SINCE_DATE.match(ctx.text, end)  # "… has been governor of the central bank since 2019"
    return [_found(person, parsed, anchor_start, end, ctx, start=_iso(since) if since is not None else None)]


_LED_BY = re.compile(r",\s+(?:(?P<co>co-)?(?P<verb>chaired|headed|led))\s+by\s+", re.IGNORECASE)


def _led_by(doc: Doc, sent: Span, mentions: _Mentions, grammar: TitleGrammar, ctx: ArticleContext) -> list[_Found]:
    """'The National Election Commission, chaired by Jane Roe, …' -> Chair (the Commission); 'a
    mission from the Organization of American States, headed by Jane Roe' -> Head of Mission (the OAS)."""
    out = []
    text = ctx.doc_text(doc)
    index = ctx.index(doc)
    for match in _LED_BY.finditer(text, sent.start_char, sent.end_char):
        comma = index.token_at(match.start())
        person = mentions.first_person_from(match.end(), match.end() + 80)
        if person is None:
            continue
        between, stop = index.token_at(match.end()), person.start
        while stop > between and (is_honorific(doc[stop - 1]) or doc[stop - 1].text == "." and stop - 1 > between and is_honorific(doc[stop - 2])):
            stop -= 1  # "chaired by CBK Governor Dr Jane Roe": a form of address before the name
        if between < stop and grammar.parse(between, stop) is None:
            continue  # "chaired by the minister of Jane Roe's party": the name is not the chair's
        a = comma - 1
        while a > sent.start and (doc[a - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "ADP", "CCONJ", "NUM") or doc[a - 1].text in ("(", ")", "-")):
            if doc[a - 1].pos_ in ("ADP", "CCONJ") and doc[a - 1].lower_ not in ("of", "from", "for", "and"):
                break
            a -= 1
        while a < comma and doc[a].pos_ in ("ADP", "CCONJ"):
            a += 1
        if doc[a].lower_ in ("a", "an"):
            a += 1
        verb = ("Co-" if match.group("co") else "") + {"chaired": "Chair", "headed": "Head", "led": "Head"}[match.group("verb").casefold()]
        end = comma
        if end - 3 > a and doc[end - 1].text == ")" and doc[end - 3].text == "(" and doc[end - 2].text.isupper():
            end -= 3  # "The Monetary Policy Committee (MPC), chaired by …": the body's initials are not its name
        parsed = grammar.object_of(verb, a, end)
        if parsed is None or parsed.owner is None:
            continue
        out.append(_found(person.key, parsed, doc[a].idx, doc[person.end - 1].idx + len(doc[person.end - 1]), ctx))
    return out


_PASSIVE_POSTS = {"commanded": "Commander", "headed": "Head", "chaired": "Chair", "co-chaired": "Co-Chair", "led": "Head"}


def _passive_led_by(doc: Doc, sent: Span, mentions: _Mentions, grammar: TitleGrammar, ctx: ArticleContext) -> list[_Found]:
    """'The force is commanded by Commodore Jane Roe', 'The mission … and headed by Hon. Jane Roe':
    the subject of a passive verb of leading, a definite description of the one body (or operation)
    the text named before, is what the person leads. Subjects that are names are left to the
    other rules."""
    out: list[_Found] = []
    if " by " not in ctx.text[sent.start_char : sent.end_char]:
        return out
    for verb in sent:
        post = _PASSIVE_POSTS.get(verb.lower_)
        if post is None or verb.tag_ != "VBN":
            continue
        by = next((c for c in verb.children if c.dep_ == "agent" and c.lower_ == "by"), None)
        if by is None:
            continue
        person = mentions.first_person_from(by.idx + 3, by.idx + 90)
        if person is None:
            continue
        between, stop = by.i + 1, person.start
        while stop > between and (is_honorific(doc[stop - 1]) or doc[stop - 1].text in (",", ".")):
            stop -= 1  # "… Vice-President, Hon. Jane Roe"
        if between < stop and grammar.parse(between, stop) is None:
            continue  # "led by the minister of Jane Roe's party": the name is not the leader's
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if subject is None or subject.i < sent.start:
            continue
        a = subject.left_edge.i
        parsed = _definite_body(doc, post, a, subject.i + 1, mentions, ctx, a)
        if parsed is None:
            continue
        out.append(_found(person.key, parsed, doc[a].idx, doc[person.end - 1].idx + len(doc[person.end - 1]), ctx))
    return out


# ----------------------------------------------------------------------------- appointments


def _appointments(doc: Doc, sent: Span, mentions: _Mentions, grammar: TitleGrammar, ctx: ArticleContext, untitled: list[_Found]) -> list[_Found]:
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
    ended: set[int] = set()
    for verb in _LEFT_POST.finditer(text):
        # "Jane Roe resigned as finance minister in May 2024": the post she held until then
        person = _subject_before(doc, sent, sent.start_char + verb.start(), mentions, ctx)
        if person is not None:
            clauses.append((verb.start(), person, sent.start_char + verb.end()))
            ended.add(verb.start())
    named_predecessor: dict[int, str] = {}
    for verb in _SUCCEEDED.finditer(text):
        # "Jane Roe succeeded John Doe as …": the subject holds the post after the object.
        # "John Doe, who replaced Jane Roe as governor": the subject is Doe, the person before 'who'
        person = _subject_before(doc, sent, sent.start_char + verb.start(), mentions, ctx)
        at = ctx.index(doc).token_at(sent.start_char + verb.end())
        while at < sent.end and (doc[at].lower_ in _RELATION_WORDS or is_honorific(doc[at])
                                 or doc[at].text[:1].isupper() and doc[at].text.casefold() in demonyms() and at + 1 < sent.end and is_honorific(doc[at + 1])):
            at += 1  # "succeeded his compatriot Rear Admiral John Doe", "succeeds Danish Commodore John Doe"
        obj = mentions.by_start.get(at)
        if person is None or obj is None or obj.kind != "Person" or obj.key == person:
            continue
        after = doc[obj.end - 1].idx + len(doc[obj.end - 1])
        # "… as the government's special envoy": the article stays with a possessive description
        glue = re.match(r"\s+as\s+(?:the\s+(?![a-z]+(?:'s|’s)\s))?", ctx.text[after : sent.end_char])
        if glue is None:
            # "Roe succeeded John Doe in January 2025": no post named here; the one found for her elsewhere
            date_match = _DATE_RE.match(ctx.text, after + 1, sent.end_char) if ctx.text[after : after + 1] == " " else None
            since = _iso(date_match) if date_match else _yearless(ctx.text, after + 1, sent.end_char)
            that = re.match(r"\s+in\s+(?:that|this|the)\s+(?:role|post|position|job)\b", ctx.text[after : sent.end_char])
            untitled.append(_Found(person, "", None, sent.start_char + verb.start(), after, start=since, predecessor=obj.key,
                                   owned_only=that is None, latest=that is not None))
            continue
        clauses.append((verb.start(), person, after + glue.end()))
        named_predecessor[verb.start()] = obj.key
    for verb_start, person, title_start in sorted(clauses):
        parsed, title_end = _longest_title_at(doc, title_start, sent, grammar)
        if parsed is not None and parsed.possessed:
            # "… will serve as the coalition's coordinator": the one coalition named before
            parsed = _owned_by_possessor(grammar, parsed, ctx.index(doc).token_at(title_start), sent.start)
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
        rest = ctx.text[title_end : sent.end_char]
        future = re.match(r"will\s", text[verb_start:], re.IGNORECASE) is not None
        # "…, who took command in May, will serve as …": a post to come has no start the sentence gives
        date_match = _DATE_RE.search(rest) or (None if future else _DATE_RE.search(text))
        start = _iso(date_match) if date_match else None
        if start is None and not future:
            start = _yearless(ctx.text, title_end, sent.end_char, search=True)  # "… was appointed governor on March 3"
        predecessor = named_predecessor.get(verb_start)
        pred = None if predecessor is not None else _PREDECESSOR.search(rest)
        if pred is not None:
            pos = title_end + pred.end()
            later = mentions.first_person_from(pos, pos + 60)
            if later is not None:
                predecessor = later.key
        anchor_start = doc.char_span(sent.start_char + verb_start, sent.end_char, alignment_mode="expand")
        a_start = anchor_start.start_char if anchor_start is not None else title_start
        end = None
        period = _PERIOD.match(rest)
        if period is not None:
            # "served as deputy commander … from 2019 to 2023": a post held between two dates.
            start, end = _iso(period), _iso(_DATE_ONLY.match(period.group("until")))
        elif verb_start in ended:
            # "… resigned as finance minister in May 2024": when the post ended; no one follows here
            date_match = _DATE_RE.match(ctx.text, title_end + len(rest) - len(rest.lstrip()), sent.end_char)
            start, end, predecessor = None, _iso(date_match) if date_match else None, None
        held = _found(person, parsed, a_start, title_end, ctx, start=start, end=end, predecessor=predecessor)
        out.append(held)
        if verb_start not in ended:
            # "became Government Statistician, the country's chief statistician, and Chief Executive of
            # Stats NZ in August 2025": each post of the list, from the same date
            for more, more_end in _more_posts(doc, title_end, sent, grammar):
                out.append(_found(person, more, a_start, more_end, ctx, start=start, end=end))
        if predecessor is not None and predecessor != person:
            # "replacing John Doe": Doe held the post until then (implied, so no start for him).
            out.append(dataclasses.replace(held, person=predecessor, start=None, end=start, predecessor=None))
    return out


_LIST_GLUE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _more_posts(doc: Doc, end: int, sent: Span, grammar: TitleGrammar) -> list[tuple[Title, int]]:
    """The posts listed after a post a clause gives ('…, X and Y'): each a whole title phrase up
    to the next comma, 'and', a date or the end; the list stops at the first item that is not one."""
    out: list[tuple[Title, int]] = []
    text = grammar.ctx.doc_text(doc)
    while len(out) < 3:
        glue = _LIST_GLUE.match(text, end, sent.end_char)
        if glue is None:
            break
        a = grammar.ctx.index(doc).token_at(glue.end())
        if doc[a].idx != glue.end():
            break
        b = a + 1
        while b < sent.end and not _apposition_ends(doc, b, sent.end) and doc[b].lower_ != "and" and not (
            doc[b].lower_ in ("in", "on", "since") and _DATE_RE.match(text, doc[b].idx, sent.end_char)
        ):
            b += 1
        parsed = grammar.parse(a, b, clause=True) if b - a <= _MAX_APPOSITION_TOKENS else None
        if parsed is None or parsed.plural:
            break
        end = doc[b - 1].idx + len(doc[b - 1])
        out.append((parsed, end))
    return out


def _longest_title_at(doc: Doc, char: int, sent: Span, grammar: TitleGrammar) -> tuple[Title | None, int]:
    """The longest title phrase starting at character `char`, and where it ends."""
    first = doc.char_span(char, char + 1, alignment_mode="expand")
    if first is None:
        return None, char
    a = first.start
    for b in range(min(sent.end, a + _MAX_APPOSITION_TOKENS), a, -1):
        parsed = grammar.parse(a, b, clause=True)
        if parsed is not None:
            return parsed, doc[b - 1].idx + len(doc[b - 1])
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
        # One role per post however it is cased ("Minister" in the text, "MINISTER" in a transcript's label).
        key = (item.person, normalise(item.title), item.of)
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
    if any(re.match(r"\w+\.\s", a.exact) for a in role.anchors):
        return False  # "Sen. Jane Roe": an abbreviated post is written prose, not a form of address
    return any(other is not role and other.person == role.person and other.of is not None for other in roles)


def _fuller(role: Role, roles: list[Role]) -> Role | None:
    mine = set(normalise(role.title).split())
    for other in roles:
        if other is role or other.person != role.person:
            continue
        theirs = set(normalise(other.title).split())
        same_owner = role.of is None or role.of == other.of
        if same_owner and (mine < theirs or (mine == theirs and role.of is None and other.of is not None)):
            return other
    return None
