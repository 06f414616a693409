"""Named entities: spaCy's NER, the gazetteer, and a few context rules for the names NER misses.

Candidates come from three sources and compete for the same characters:

* person-context rules: a capitalised name right after a title ("Minister of Defense
  Jane Roe"), after "replacing"/"succeeding", or before a verb of saying;
* the gazetteer: known names (countries first), whose kind is authoritative;
* spaCy NER, cleaned (no leading "the", no possessive, no titles) and filtered.

Longer candidates win; at equal length the more reliable source wins. Meetings
("the X Group meeting") become Events, and a parenthetical after a name ("(Y format)",
"(NATO)") is an alias of it rather than an entity of its own.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.boilerplate import LONG_PARAGRAPH, PUBLISHER_WORD, find_bylines, find_dateline, find_questioners, find_speaker_labels, post_and_body
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.docindex import DocIndex
from newsgraph.extract.lexicon import (
    BODY_DESCRIPTORS,
    COUNTRIES_WITH_THE,
    CURRENCY_CODES,
    EVENT_NOUNS,
    MONTHS,
    ORG_HEADS,
    POSSESSIVE_MARKS,
    SERVICE_NAMES,
    SPEECH_VERBS,
    TITLE_HEADS,
    WEEKDAYS,
    is_title_word,
)
from newsgraph.extract.names import name_key
from newsgraph.extract.nlp import dictionary_nouns
from newsgraph.extract.spans import SpanIndex
from newsgraph.gazetteer import GazetteerRow
from newsgraph.model import Entity
from newsgraph.text import country_adjective, demonyms, line_start, ministry_field, normalise, trimmed_end, word_map, word_set

# Source reliability at equal span length: lower wins.
_PERSON_RULE, _GAZETTEER, _EVENT_RULE, _NER = 0, 1, 2, 3

_MAX_GAZETTEER_TOKENS = 7
_LOWER_JOINERS = word_set("name-joiners.txt")
# Lower-case particles inside names: "Ursula von der Leyen", "Pieter van Dam".
_NAME_PARTICLES = word_set("name-particles.txt")
# Words after which a capitalised name is a person's: "… replacing Jane Roe".
_PERSON_BEFORE = word_set("person-cues.txt")
# Words that start sentences or clauses in title case without being names.
_NOT_NAMES = word_set("not-names.txt")
# Forms of address and ranks written right before a name: "Mr", "Prof.", "Commodore", "Adm.".
_HONORIFICS = word_set("name-titles.txt")
# Heads of posts ("Justice", "Minister"): one written between a body and a person's name is the
# person's title, not the last word of the body ("Supreme Court Justice Amy Barrett").
_OFFICE_HEADS = word_set("office-heads.txt")
# Those of them that are never a capitalised word of a sentence's own ("Mr", "Dr"): a sentence may
# start with them. The others count only inside a sentence or with their period ("Gen." not "General").
_HONORIFICS_ALONE = frozenset({"mr", "mrs", "ms", "dr", "prof", "smt", "shri"})
# Words of a count before a plural noun: "1.05 lakh Ni-kshay Mitras", "two million Smiths".
_COUNT_WORDS = frozenset({"hundred", "thousand", "million", "billion", "lakh", "lakhs", "crore", "crores", "dozen", "dozens", "hundreds", "thousands", "millions"})
# "GMT", "UTC", "IST" after a clock time: a time zone, not an organization.
_TIME_ZONES = frozenset(w.upper() for w in word_set("time-zones.txt"))
# Nouns of an apposition that describes a person without a title word: "the Greek officer, …".
_POST_NOUNS = word_set("post-nouns.txt")
# "Jane Roe was appointed …", "Jane Roe became …": the subject of an appointment is a person.
_APPOINTED_AFTER = re.compile(
    r"\s+(?:(?:was|has\s+been|had\s+been|is)\s+(?:appointed|named|elected|sworn\s+in|confirmed)|assumed\s+the|became|took\s+office)\b"
)
# "Uruguay-led push", "a Cook Islands-flagged tanker": the place is named in the adjective built on it
# (not in "Minsk-style", a manner, nor in "Soviet-era").
_PLACE_SUFFIX = re.compile(r"-(?:led|flagged|backed|brokered|registered|owned|sponsored|funded|hosted)\b")
_MANNER_SUFFIX = re.compile(r"-(?:style|like|type|esque)\b")
_NER_KINDS = {"PERSON": "Person", "GPE": "Place", "LOC": "Place", "FAC": "Place", "ORG": "Organization", "EVENT": "Event"}
_PLACE_ORG_HEADS = word_set("place-org-heads.txt")
_KIND_PREFERENCE = ("Country", "Organization", "Place", "Person", "Event")


@dataclass
class Candidate:
    start: int
    end: int
    name: str  # the name to register (gazetteer label, cleaned NER text, built event name)
    kind: str
    source: int
    written: str = ""  # the text as written when it differs from `name`
    extra: list[tuple[int, int, str, str]] = field(default_factory=list)  # nested (start, end, name, kind)


def find_entities(doc: Doc, ctx: ArticleContext) -> None:
    """Register every named entity of the body in `ctx`."""
    skip = _parenthetical_aliases(doc, ctx)
    candidates = _person_candidates(doc, ctx) + _gazetteer_candidates(doc, ctx) + _event_candidates(doc, ctx)
    candidates += _series_event_candidates(ctx) + _operation_candidates(doc, ctx)
    persons = [(c.start, c.end) for c in candidates if c.kind == "Person"]
    candidates += _organization_candidates(doc, ctx, persons) + _acronym_candidates(doc, ctx)
    # The words of full names (a surname alone is the person; so is a family name written first:
    # "Governor Han" after "Han Seung-woo").
    full_names = {w for c in candidates if c.kind == "Person" and len(c.name.split()) > 1 for w in (c.name.split()[0], c.name.split()[-1])}
    full_names |= {w for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) > 1 for w in (e.text.split()[0], e.text.split()[-1])}
    candidates += _ner_candidates(doc, ctx, full_names)
    bylines = [(s, e) for s, e in find_bylines(ctx.text, ctx.body_end) if e <= ctx.body_end and not ctx.is_ignored(s)]
    candidates += _frame_candidates(ctx, bylines, doc) + _lower_case_ministries(ctx) + _news_agency_candidates(ctx)
    candidates += _employer_candidates(doc, ctx) + _continental_body_candidates(ctx) + _masthead_candidates(ctx)
    candidates = _without_swallowed_persons(candidates)
    candidates = _without_persons_in_outlets(ctx, candidates)
    candidates = _without_headline_only(ctx, candidates)
    candidates = _without_newsroom_posts(ctx, candidates, bylines)
    candidates = _without_capitals_junk(ctx, candidates)
    candidates = _without_page_labels(ctx, candidates)
    candidates = _without_measures_and_post_parts(ctx, candidates)
    candidates = _without_term_acronyms(ctx, candidates)
    candidates = _with_listed_names(ctx, candidates)
    # "US$ 1.2 million", "NZ$40", "HK$": a country's letters glued to a dollar sign are a currency
    candidates = [c for c in candidates if not (ctx.text[c.start : c.end].endswith("$") or ctx.text.startswith("$", c.end))]
    labels = find_speaker_labels(ctx.text, ctx.body_end)
    if labels:
        in_labels = SpanIndex(labels)
        candidates = [c for c in candidates if not in_labels.overlaps(c.start, c.end)]
    skip_starts = [s for s, _, _ in skip]
    candidates = [c for c in candidates if not _inside_one(skip, skip_starts, c)]
    candidates = [_with_capital_owner(ctx, _with_ordinal(ctx, c)) for c in candidates if not _portfolio(ctx, c)]
    regions, region_spans = _coordinated_regions(doc, ctx)
    in_regions = SpanIndex(region_spans)
    candidates = [c for c in candidates if not in_regions.overlaps(c.start, c.end)] + regions
    chosen: list[Candidate] = []
    taken = SpanIndex()
    # A name found by its context beats any NER span overlapping it ("Defense Jane Roe" tagged ORG);
    # otherwise the longer span wins, then the more reliable source.
    # A person's full name the gazetteer knows counts as found by its context: "… President Ursula von
    # der Leyen and Commission Vice-President …" is not cut by an organization read across "Leyen and …".
    ranked = sorted(
        candidates,
        key=lambda c: (c.source != _PERSON_RULE and not (c.source == _GAZETTEER and c.kind == "Person"), -(c.end - c.start), c.source, c.start),
    )
    for cand in ranked:
        if not taken.overlaps(cand.start, cand.end):
            chosen.append(cand)
            taken.add(cand.start, cand.end)
    # Registering in text order makes keys and alias order independent of the sort above.
    for cand in sorted(chosen, key=lambda c: (c.start, c.end)):
        key = ctx.register(cand.name, cand.kind, cand.start, cand.end)
        if cand.written:
            ctx.add_alias(key, cand.written)
        for start, end, name, kind in cand.extra:
            extra_key = ctx.register(name, kind, start, end)
            ctx.add_alias(extra_key, ctx.text[start:end])  # "NATO" in "the NATO summit"
    _attach_parenthetical_aliases(ctx, skip, ctx.index(doc))
    _acronym_mentions(ctx)
    _label_mentions(ctx, labels)
    _merge_bare_organizations(ctx)
    _persons_read_as_places(ctx)
    _bodies_named_by_country(ctx)
    _merge_surnames(ctx)
    _merge_person_organizations(ctx)
    _without_disease_names(ctx)
    _merge_organization_short_names(ctx)
    _merge_family_names(ctx)
    _surname_mentions(doc, ctx)
    _names_never_of_persons(doc, ctx)
    _persons_referred_to_as_things(doc, ctx)
    _sent_bodies(ctx)


def _inside_one(spans: list[tuple[int, int, str]], starts: list[int], cand: Candidate) -> bool:
    """Whether the candidate lies inside one of `spans` (disjoint, in text order; `starts` their starts)."""
    k = bisect_right(starts, cand.start) - 1
    return k >= 0 and cand.end <= spans[k][1]


def _without_swallowed_persons(candidates: list[Candidate]) -> list[Candidate]:
    """Drop NER organizations and places that run into a person's name found by context or by the
    gazetteer: 'Defense Minister of Finland Aino Roe' tagged ORG as 'Finland Aino Roe' is the
    country, then the person, never one organization."""
    persons = SpanIndex((c.start, c.end) for c in candidates if c.kind == "Person" and c.source in (_PERSON_RULE, _GAZETTEER))
    return [
        c
        for c in candidates
        if not (
            c.source == _NER
            and c.kind in ("Organization", "Place")
            and any(p != (c.start, c.end) for p in persons.overlapping(c.start, c.end))
        )
    ]


# ----------------------------------------------------------------------------- datelines, bylines, labels


def _title_case(written: str) -> str:
    """'FOZ DO IGUAÇU' -> 'Foz do Iguaçu', 'TREMBLAY-OAKE' -> 'Tremblay-Oake': a name printed in
    capitals, in the case it has in running text (the same name, not another one)."""
    if not written.isupper():
        return written
    words = []
    for n, word in enumerate(written.split()):
        if n and word.casefold() in _NAME_PARTICLES:
            words.append(word.casefold())
        else:
            words.append("-".join(part[:1] + part[1:].casefold() for part in word.split("-")))
    return " ".join(words)


def _frame_candidates(ctx: ArticleContext, bylines: list[tuple[int, int]], doc: Doc | None = None) -> list[Candidate]:
    """Names in the lines that frame a story: the dateline's place, region and news agency
    ("FRANKFURT, Feb 5 (Reuters) -"), the people a transcript's questions introduce with their
    outlet ("Q (Jane Roe, Daily News):") and the bylines' persons ("By JANE ROE and JAN DOE")."""
    out = []
    dateline = find_dateline(ctx.text, ctx.body_end, ctx.headline)
    if dateline is not None:
        for span, kind in ((dateline.place, "Place"), (dateline.region, "Place"), (dateline.source, "Organization")):
            if span is None:
                continue
            written = ctx.text[span[0] : span[1]]
            rows = _known(ctx, written)
            if rows:
                row = _best_row(rows)
                out.append(Candidate(span[0], span[1], row.label, row.kind, _PERSON_RULE, written="" if written == row.label else written))
            elif span is not dateline.region:  # a region is trusted only when the gazetteer knows it
                name = _title_case(written) if span is dateline.place else written  # "(PTI)" stays "PTI"
                out.append(Candidate(span[0], span[1], name, kind, _PERSON_RULE, written="" if name == written else written))
    for (start, end), (outlet_start, outlet_end) in find_questioners(ctx.text, ctx.body_end):
        words = list(re.finditer(r"\S+", ctx.text[start:end]))
        while words and (is_title_word(words[0].group()) or words[0].group().casefold().rstrip(".") in _HONORIFICS):
            words.pop(0)  # "Assistant Secretary Jan Roe": the post before the name
        if 2 <= len(words) <= 4 and all(w.group()[0].isupper() for w in words):
            s, e = start + words[0].start(), start + words[-1].end()
            out.append(Candidate(s, e, ctx.text[s:e], "Person", _PERSON_RULE))
            outlet = ctx.text[outlet_start:outlet_end]
            rows = _known(ctx, outlet)
            post = _post_in_body_span(ctx, outlet, outlet_start) if not rows else None
            if post is not None:
                # "MODERATOR (Jane Roe, NATO Spokesperson):": her post, not an outlet; the body it names
                if post:
                    out.append(dataclasses.replace(post, source=_PERSON_RULE))
                continue
            if rows:
                row = _best_row(rows)
                out.append(Candidate(outlet_start, outlet_end, row.label, row.kind, _PERSON_RULE, written="" if outlet == row.label else outlet))
            elif outlet[0].isupper() and not _known_not_person(ctx, outlet):
                out.append(Candidate(outlet_start, outlet_end, outlet, "Organization", _PERSON_RULE))
    out.extend(_piped_bylines(ctx))
    for i, (start, end) in enumerate(bylines):
        written = ctx.text[start:end]
        if _known_not_person(ctx, written):
            continue
        if doc is not None and i > 0 and _byline_place(ctx, doc, bylines[i - 1], start, end):
            out.append(Candidate(start, end, written, "Place", _PERSON_RULE))  # "By Jane Roe, São Paulo"
            continue
        name = _title_case(written)
        out.append(Candidate(start, end, name, "Person", _PERSON_RULE, written="" if name == written else written))
    return out


_PIPED_NAME = r"[A-Z][\w’'-]+(?: [A-Z][\w’'.-]+){1,3}"
# "Jane Roe | TNN | Oct 29, 2026", "Jane Roe, Jan Doe | BIRN | Zagreb, Podgorica | April 2, 2026"
_PIPED_BYLINE = re.compile(
    rf"^(?P<names>{_PIPED_NAME}(?:(?:, | and | & ){_PIPED_NAME}){{0,3}}) \| (?:[^|\n]{{1,40}} \| ){{1,3}}(?P<date>[^|\n]*)$", re.MULTILINE
)
_PIPED_NAME_RE = re.compile(_PIPED_NAME)


# "South China Morning Post", "GLOBAL COMMERCE REVIEW | TRADE", "UN News": an outlet's name heading the page.
_MASTHEAD = re.compile(r"[ \t]*(?P<name>(?:[A-Z][\w’'&.-]*[ \t]+){1,4}(?i:" + PUBLISHER_WORD + r"))[ \t]*(?:\||\n)")


def _masthead_candidates(ctx: ArticleContext) -> list[Candidate]:
    """The first line of a page that is an outlet's name (a few capitalised words ending in a press
    word, alone or before the section after a bar), over more head lines: the outlet that publishes
    the story, an organization, though the story itself may never name it again."""
    m = _MASTHEAD.match(ctx.text, 0, ctx.body_end)
    if m is None or ctx.headline is None or m.start("name") != ctx.headline[0]:
        return []
    written = m.group("name")
    if _known(ctx, written):
        row = _best_row(_known(ctx, written))
        return [Candidate(m.start("name"), m.end("name"), row.label, row.kind, _PERSON_RULE, written="" if written == row.label else written)]
    name = _title_case(written) if written.isupper() else written
    return [Candidate(m.start("name"), m.end("name"), name, "Organization", _PERSON_RULE, written="" if name == written else written)]


def _piped_bylines(ctx: ArticleContext) -> list[Candidate]:
    """'Jane Roe | TNN | Oct 29, 2026, 04.12 AM IST': a line of a writer's name (or several: 'Jane Roe,
    Jan Doe | …'), the desk or agency (and the places filed from) and the date, between pipes, near
    the top: the names are the writers'."""
    out = []
    for m in _PIPED_BYLINE.finditer(ctx.text, 0, min(ctx.body_end, 1500)):
        date = m.group("date")
        if not (re.search(r"\d", date) and any(w.casefold().rstrip(".,") in MONTHS for w in re.findall(r"[A-Za-z.]+", date))):
            continue
        for name in _PIPED_NAME_RE.finditer(ctx.text, m.start("names"), m.end("names")):
            words = name.group().split()
            if any(is_title_word(w) or w.casefold() in _NOT_NAMES or w.casefold() in MONTHS for w in words) or _known(ctx, name.group()):
                continue
            out.append(Candidate(name.start(), name.end(), name.group(), "Person", _PERSON_RULE))
    return out


def _byline_place(ctx: ArticleContext, doc: Doc, previous: tuple[int, int], start: int, end: int) -> bool:
    """'By Jane Roe, São Paulo': the last item of a byline, after a comma and no 'and', that NER reads
    as a place or the text writes after 'in' elsewhere, is where the writer files from."""
    between = ctx.text[previous[1] : start]
    rest = ctx.text[end : ctx.text.find("\n", end) if "\n" in ctx.text[end:] else len(ctx.text)]
    if between.strip() != "," or rest.strip():
        return False
    written = ctx.text[start:end]
    if any(e.label_ in ("GPE", "LOC") and e.text == written for e in doc.ents):
        return True
    # "… at an event in São Paulo last week": the text elsewhere writes it as a place
    return re.search(rf"\b(?:in|from|near)\s+{re.escape(written)}\b", ctx.text[: ctx.body_end]) is not None


def _without_persons_in_outlets(ctx: ArticleContext, candidates: list[Candidate]) -> list[Candidate]:
    """'Q (Radio Kanem, Jane Roe):': the outlet a transcript's label gives a questioner is no person,
    whatever the name rules or NER make of it."""
    outlets = SpanIndex(o for _, o in find_questioners(ctx.text, ctx.body_end))
    return [c for c in candidates if c.kind != "Person" or not outlets.overlaps(c.start, c.end)]


def _without_headline_only(ctx: ArticleContext, candidates: list[Candidate]) -> list[Candidate]:
    """Names NER or the rules found in the headline that the body never uses and the gazetteer
    does not know: a title-case headline cut into names ("RBI Monetary Policy LIVE: …",
    "… as Yaoundé talks run into overtime"). A story names again in its body who and what its
    headline is about."""
    if ctx.headline is None:
        return candidates
    start, end = ctx.headline
    body = ctx.text[end : ctx.body_end]
    if len(body) < LONG_PARAGRAPH or ctx.text[start:end].endswith("."):
        return candidates  # a first line that is a sentence of a short text, not a headline over a story
    out = []
    for cand in candidates:
        inside = start <= cand.start and cand.end <= end
        if inside and cand.source in (_NER, _EVENT_RULE) and cand.kind != "Person" and not _known(ctx, cand.name):
            # Case counts: "Ports reopen" over a story about ports names no body called Ports.
            if ctx.text[cand.start : cand.end] not in body and cand.name not in body:
                continue
        out.append(cand)
    return out


_NEWSROOM_WORDS = word_set("newsroom-words.txt")


def _without_newsroom_posts(ctx: ArticleContext, candidates: list[Candidate], bylines: list[tuple[int, int]]) -> list[Candidate]:
    """'By Jane Roe, Staff Writer', '… Parliamentary Bureau': the post or desk on a byline's line is
    not an organization."""
    lines = {line_start(ctx.text, start) for start, _ in bylines}
    if not lines:
        return candidates
    return [
        c
        for c in candidates
        if not (c.source in (_NER, _EVENT_RULE) and line_start(ctx.text, c.start) in lines and c.name.split()[-1].casefold() in _NEWSROOM_WORDS)
    ]


# "Thailand's commerce ministry", "Brazil's ministry of ports and airports": a ministry named in lower case.
_LOWER_MINISTRY = re.compile(
    r"\b(?!The\b)(?P<owner>[A-Z][\w’'-]*?(?:\s+[A-Z][\w’'-]*?)?)(?:[’']s)?\s+"
    r"(?:(?P<field>[a-z]+(?:\s+(?:and|&)\s+[a-z]+)?)\s+ministry|ministry\s+of\s+(?P<field2>[a-z]+(?:(?:,\s*|\s+and\s+)[a-z]+){0,3}))\b"
)


_NEWS_AGENCY = re.compile(r"\b(?P<name>(?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*)\s+(?:state\s+|official\s+)?news\s+agency\b")


def _news_agency_candidates(ctx: ArticleContext) -> list[Candidate]:
    """'according to the Yonhap news agency': the capitalised words before 'news agency' name it
    (NER often reads them as a nationality)."""
    out = []
    for m in _NEWS_AGENCY.finditer(ctx.text, 0, ctx.body_end):
        name = m.group("name")
        if name.casefold() in demonyms() or name.casefold() in _NOT_NAMES or ctx.is_ignored(m.start()):
            continue
        rows = [r for r in _known(ctx, name) if r.kind == "Organization"]
        if _known(ctx, name) and not rows:
            continue  # "the Iran news agency": a country's
        label = rows[0].label if rows else name
        out.append(Candidate(m.start("name"), m.end("name"), label, "Organization", _EVENT_RULE, written="" if label == name else name))
    return out


def _lower_case_ministries(ctx: ArticleContext) -> list[Candidate]:
    """A known country's ministry written in lower case: 'Thailand's commerce ministry' is the
    Ministry of Commerce of Thailand, as 'Thailand's Commerce Ministry' would be; the words as
    written stay its alternate name."""
    out = []
    for m in _LOWER_MINISTRY.finditer(ctx.text, 0, ctx.body_end):
        owner = m.group("owner")
        possessive = ctx.text[m.end("owner") : m.end("owner") + 1] in ("'", "’")
        if not possessive and owner.casefold() in demonyms():
            owner = demonyms()[owner.casefold()]  # "the Chinese foreign ministry"
        elif not possessive:
            continue
        rows = [r for r in _known(ctx, owner) if r.kind == "Country"]
        if not rows or ctx.is_ignored(m.start()):
            continue
        field = m.group("field") or m.group("field2")
        if field.split()[0] in _NOT_NAMES or field in ("the", "a"):
            continue
        words = [w if w in ("and", "&") else w[:1].upper() + w[1:] for w in re.split(r"(\s+|,\s*)", field) if w.strip(" ,")]
        titled = " ".join(words).replace(" ,", ",")
        label = f"Ministry of {ministry_field(titled)} of {with_article(rows[0].label)}"
        known = [r for r in _known(ctx, label) if r.kind == "Organization"]
        written = ctx.text[m.start("field") if m.group("field") else m.end("owner") + (3 if possessive else 1) : m.end()].strip()
        if not possessive:
            written = ctx.text[m.start() : m.end()]  # "Chinese foreign ministry": the adjective is part of the wording
        extra = [(m.start("owner"), m.end("owner"), rows[0].label, "Country")] if possessive else []
        out.append(Candidate(m.start(), m.end(), known[0].label if known else label, "Organization", _EVENT_RULE, written=written, extra=extra))
    return out


def _without_capitals_junk(ctx: ArticleContext, candidates: list[Candidate]) -> list[Candidate]:
    """Names NER or the organization rule found in words printed in capitals that the gazetteer does
    not know: a topic line ("BANK SEES GROWTH"), a label ("INTERVIEW", "END"). Several words in
    capitals are a name only when the text also writes them in ordinary case ("BANGKO SENTRAL NG
    PILIPINAS" for the "Bangko Sentral ng Pilipinas" named below): then they are that name. One
    word in capitals is an acronym unless the text also uses it as an ordinary lower-case word."""
    by_form = {normalise(c.name): c for c in candidates if not ctx.text[c.start : c.end].isupper()}
    text = ctx.text[: ctx.body_end]
    out = []
    for cand in candidates:
        written = ctx.text[cand.start : cand.end]
        if cand.source not in (_NER, _EVENT_RULE) or not written.isupper() or _known(ctx, written):
            out.append(cand)
            continue
        if len(written.split()) > 1:
            twin = by_form.get(normalise(written))
            if twin is not None:
                out.append(Candidate(cand.start, cand.end, twin.name, twin.kind, cand.source, written=twin.written or twin.name))
            continue
        letters = re.sub(r"[^A-Za-z]", "", written)
        line_end = ctx.text.find("\n", cand.end)
        line = ctx.text[line_start(ctx.text, cand.start) : len(ctx.text) if line_end < 0 else line_end]
        if not re.sub(r"[\W_]", "", line.replace(written, "", 1)):
            continue  # "-- END --", "[ENDS]": a word in capitals alone on its line marks the text
        if written in _TIME_ZONES and re.search(r"(?:\d|[AP]\.?M\.?)\s*$", ctx.text[max(0, cand.start - 12) : cand.start]):
            continue  # "13:10 GMT", "9:45 AM IST": a time zone
        if len(letters) >= 3 and re.search(rf"(?<![\w-]){re.escape(written.casefold())}(?![\w-])", text):
            continue  # "INTERVIEW" when the text also says "the interview"
        out.append(cand)
    return out


_CONTACT_AFTER = re.compile(r"[:\s]\s*(?:\S+@\S+\.\w+|https?://|www\.|\+?\(?\d[\d ()-]{6,}\d)")


def _without_page_labels(ctx: ArticleContext, candidates: list[Candidate]) -> list[Candidate]:
    """Words of a page's furniture that NER takes for names: a one-word heading alone on its line
    ("Background", "Outlook"), an item of a menu of links separated by '|' ("Share: Facebook | X |
    LinkedIn | Email", "… | Bulletin | Released …"), a contact label ("Email newsdesk@…").
    Names the gazetteer knows are kept: "Interview | Vilnius | 6 November" names a place."""
    out = []
    for cand in candidates:
        written = ctx.text[cand.start : cand.end]
        if cand.kind == "Country" or cand.source == _GAZETTEER or _known(ctx, written):
            out.append(cand)
            continue
        first = line_start(ctx.text, cand.start)
        line_end = ctx.text.find("\n", cand.end)
        line = ctx.text[first : len(ctx.text) if line_end < 0 else line_end]
        if " " not in written and line.strip() == written:
            continue  # a heading
        if _capitals_heading(line) and not (written.isupper() and " " not in written and len(written) <= 5):
            continue  # "RED SEA: THE US-LED COALITION, TWO YEARS ON": NER reads a heading in capitals as names
        if cand.kind == "Person" and cand.source == _PERSON_RULE and _PIPED_BYLINE.fullmatch(line) and line.startswith(written):
            out.append(cand)  # "Jane Roe | TNN | Oct 29, 2026": a byline, not a menu
            continue
        if line.count("|") >= 2:
            items = [re.sub(r"^[^:|]{1,30}:\s*", "", item).strip() for item in line.split("|")]
            if written in items and (cand.kind != "Place" or not _named_outside_menus(ctx.text, written)):
                continue  # an item of a menu (a place named in the story too is the place of a dateline)
        if " " not in written and ctx.text[first : cand.start].strip() == "" and _CONTACT_AFTER.match(ctx.text, cand.end):
            continue  # "Email press@…", "Telephone 020 …": a contact label
        out.append(cand)
    return out


def _capitals_heading(line: str) -> bool:
    """A line of three words or more written all in capitals: a heading or a kicker, whose words
    NER cannot tell apart (acronyms of five letters or fewer in it are still read)."""
    return line.upper() == line and line.lower() != line and len(line.split()) >= 3


def _named_outside_menus(text: str, written: str) -> bool:
    """Whether `written` stands somewhere in the text on a line that is not a menu of '|' items."""
    for m in re.finditer(rf"(?<!\w){re.escape(written)}(?!\w)", text):
        end = text.find("\n", m.end())
        if text[line_start(text, m.start()) : len(text) if end < 0 else end].count("|") < 2:
            return True
    return False


def _label_mentions(ctx: ArticleContext, labels: list[tuple[int, int]]) -> None:
    """'SECRETARY DELA CRUZ:' opening a line of a transcript is a mention of the person named
    Dela Cruz in the text; 'GOVERNOR HAN:' of Han Seung-woo (a family name written first).
    A label naming nobody known is a person only when it gives a post and then a full name
    ('DEPUTY GOVERNOR JANE ROE:'); other labels add nothing."""
    for start, end in labels:
        words = list(re.finditer(r"\S+", ctx.text[start:end]))
        for k in range(len(words)):
            name = _title_case(" ".join(w.group() for w in words[k:]))
            key = ctx.resolve(name, "Person") or _family_name_of(ctx, name)
            if key is not None:
                # The mention is the whole label, as transcripts name the speaker: by post and name.
                ctx.register(ctx.entities[key].name, "Person", start, end)
                break
        else:
            # "DEPUTY GOVERNOR ANNA WRÓBLEWSKA:": a post, then a full name the text writes nowhere else.
            posts = 0
            while posts < len(words) and is_title_word(words[posts].group().rstrip(".")):
                posts += 1
            rest = [w.group() for w in words[posts:]]
            # "JANE ROE (Chief Executive, Acme Rail):": the post written in the parenthesis after the name.
            note = re.match(r"[ \t]*\(([^()\n]{1,160})\)", ctx.text[end : end + 170])
            titled = posts > 0 or note is not None and post_and_body(note.group(1))
            if titled and 2 <= len(rest) <= 4 and all(
                re.fullmatch(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*", w) and not is_title_word(w) and w.casefold() not in _NOT_NAMES
                for w in rest
            ):
                name = _title_case(" ".join(rest))
                if not _known(ctx, name):
                    ctx.register(name, "Person", start + words[posts].start(), end)


def _family_name_of(ctx: ArticleContext, name: str) -> str | None:
    """The one person whose full name starts with the one word `name` ("Han" for "Han Seung-woo")
    while no person's name ends with it; None otherwise."""
    if len(name.split()) != 1:
        return None
    wanted = normalise(name)
    persons = [e for e in ctx.entities.values() if e.kind == "Person" and len(e.name.split()) > 1]
    if any(normalise(e.name).split()[-1] == wanted for e in persons):
        return None
    first = [e.key for e in persons if normalise(e.name).split()[0] == wanted]
    return first[0] if len(first) == 1 else None


# ----------------------------------------------------------------------------- tokens


def _is_capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def is_name_token(token: Token) -> bool:
    """A token that can be part of a person's name: capitalised word, not a title or function word."""
    text = token.text
    if not _is_capitalised(token) or not re.fullmatch(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*\.?", text):
        return False
    if _is_initial(token):
        return True  # "Tore O. Sandvik": a middle initial
    lower = text.casefold()
    if lower in _NOT_NAMES or lower in MONTHS or lower in WEEKDAYS or is_title_word(lower) or lower.rstrip(".") in _HONORIFICS:
        return False
    if text.endswith(".") and lower.rstrip(".") in _TITLE_ABBREVIATIONS:
        return False  # "São Paulo Gov. Jane Roe": a post written short ends a name run
    if text.isupper() and len(text) > 1:
        return False  # acronyms are organizations, not names
    if _plural_post(token):
        return False  # "Commissioners": the post of the names after it
    return token.pos_ in ("PROPN", "NOUN", "ADJ", "X") or not token.is_sent_start


def _initials_and_name(run: Span) -> bool:
    """'H S Roy', 'A. K. Roy': one to three initials (a capital letter, with or without its
    period), then one capitalised word that is no title, body or place word: a person's name
    as South Asian and other writers give it (the caller asks that NER read the last word as a
    person's somewhere in the text)."""
    *initials, last = list(run)
    if not 1 <= len(initials) <= 3 or not all(re.fullmatch(r"[A-Z]\.?", t.text) for t in initials):
        return False
    lower = last.lower_
    return (
        len(last.text) >= 3
        and last.is_alpha
        and last.text[:1].isupper()
        and not last.text.isupper()
        and not is_title_word(last.text)
        and lower not in ORG_HEADS
        and lower not in _COMPANY_WORDS
        and not _has_place_word(last.text)
    )


def _is_initial(token: Token) -> bool:
    """A capital letter with a period inside a name ("O." in "Tore O. Sandvik"): the previous and
    the next token are capitalised words of the same sentence."""
    doc = token.doc
    return (
        bool(re.fullmatch(r"[A-Z]\.", token.text))
        and 0 < token.i < len(doc) - 1
        and not token.is_sent_start
        and not doc[token.i + 1].is_sent_start
        and _is_capitalised(doc[token.i - 1])
        and doc[token.i - 1].is_alpha
        and _is_capitalised(doc[token.i + 1])
        and doc[token.i + 1].is_alpha
    )


def _known(ctx: ArticleContext, name: str) -> list[GazetteerRow]:
    return [r for r in ctx.gazetteer.lookup(name) if r.kind != "Office"]


def _known_not_person(ctx: ArticleContext, name: str) -> bool:
    return any(r.kind != "Person" for r in _known(ctx, name))


def _best_row(rows: list[GazetteerRow]) -> GazetteerRow:
    return min(rows, key=lambda r: _KIND_PREFERENCE.index(r.kind) if r.kind in _KIND_PREFERENCE else 9)


# One character per repetition, and alternatives that cannot both match the same characters:
# a run of spaces inside a repeated "[…]+" can be split in exponentially many ways, which a
# failed match tries one by one (a page's indentation hung the extractor for minutes).
_STRIP_HEAD = re.compile(r"^(?:[\s\"“”‘’'(\[\-–—,.:;]|the\s)+", re.IGNORECASE)
_STRIP_TAIL = re.compile(r"(?:[’']s|[\s\"“”‘’')\]\-–—,.:;])+$")


def _strip(span_text: str, start: int) -> tuple[str, int, int]:
    """A name without leading 'the', trailing possessive or surrounding punctuation, and its span."""
    text = span_text
    end = start + len(text)
    m = _STRIP_HEAD.match(text)
    if m:
        start += m.end()
        text = text[m.end() :]
    # The tail pattern can only end on punctuation, a space or a possessive 's: most names end on
    # a letter, and a search for an anchored-at-the-end pattern tries every position of the text.
    m = None
    if text and (not text[-1].isalnum() or text.endswith(("’s", "'s"))):
        m = _STRIP_TAIL.search(text)
    if m and m.start() > 0:
        end -= len(text) - m.start()
        text = text[: m.start()]
    return text, start, end


# ----------------------------------------------------------------------------- gazetteer


def _gazetteer_candidates(doc: Doc, ctx: ArticleContext) -> list[Candidate]:
    """Every token run whose text is a gazetteer label or alias, longest first at each start."""
    out = []
    # Up to seven runs per capitalised token: their text is sliced from the doc's text (a span's
    # text is exactly that slice) rather than built from spaCy Span and Token objects each time.
    text = ctx.doc_text(doc)
    words = [token.text for token in doc]
    starts = [token.idx for token in doc]
    for i, token in enumerate(doc):
        if not (_is_capitalised(token) or token.lower_ == "the"):
            continue
        for n in range(min(_MAX_GAZETTEER_TOKENS, len(doc) - i), 0, -1):
            last = i + n - 1
            span_text = text[starts[i] : starts[last] + len(words[last])]
            if "\n" in span_text or words[last] in POSSESSIVE_MARKS or words[last] in ("(", "["):
                continue  # a name never ends on a possessive or an opening bracket
            name, start, end = _strip(span_text, starts[i])
            if not name or not name[0].isupper() or not ctx.gazetteer.knows(name):
                continue  # most runs name nothing: ruled out before any rows are built
            if _MANNER_SUFFIX.match(text, end):
                continue  # "(Reuters-style)", "Minsk-like": a manner, not the name's bearer
            rows = _known(ctx, name)
            rows = [r for r in rows if _case_fits(name, r)]
            if rows:
                row = _best_row(rows)
                out.append(Candidate(start, end, row.label, row.kind, _GAZETTEER, written="" if name == row.label else name))
                break
    return out


def _case_fits(written: str, row: GazetteerRow) -> bool:
    """An all-capitals alias ("US") matches only when written in capitals (not the pronoun "us")."""
    for form in (row.label, *row.aliases):
        if normalise(form) == normalise(written):
            if form.isupper() and not written.isupper():
                continue
            return True
    return False


# ----------------------------------------------------------------------------- persons by context


def _name_runs(doc: Doc) -> list[Span]:
    """Maximal runs (1–4 tokens) of name-like tokens within a sentence."""
    runs = []
    i = 0
    while i < len(doc):
        if not is_name_token(doc[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and j + 1 - i < 6 and (not doc[j + 1].is_sent_start or _split_name(doc, j + 1)):
            if is_name_token(doc[j + 1]):
                j += 1
            elif _hyphen_bridge(doc, j + 1):
                j += 2  # "Syrska-Bondar": spaCy splits the hyphen off
            elif j == i and _abbreviated_name(doc, j):
                # "Ma. Teresa Dela Cruz": the period of an abbreviated given name, not a sentence's end;
                # only a name's first word ("… succeeded Ivan Kos. Karin Smed said" is two names)
                j += 2
            elif _syllable_bridge(doc, j + 1):
                j += 2  # "Hye-jin Kwon", "Han Seung-woo": a given name in two hyphened syllables
            elif doc[j + 1].text in _NAME_PARTICLES and j + 3 < len(doc) and doc[j + 2].text in ("-", "‑") and _hyphen_bridge(doc, j + 2):
                j += 3  # "Abdulqader al-Marani", "Ahmed el-Sayed": a particle glued to the surname
            elif doc[j + 1].text in _NAME_PARTICLES and j + 2 < len(doc) and (is_name_token(doc[j + 2]) or doc[j + 2].text in _NAME_PARTICLES):
                j += 2  # "Pieter van Dam", "Ursula von der Leyen"
            else:
                break
        runs.append(doc[i : j + 1])
        i = j + 1
    return runs


_PLACE_WORD = re.compile(
    r"\b(?:Sea|Ocean|River|Oblast|Region|Krai|Mountains?|Lake|Bay|Strait|Peninsula|Gulf|Islands?|Valley|Coast|"
    r"Province|District|County|City|State|Square|Street|Avenue|Base|Airport|Port)\b"
)


def _has_place_word(name: str) -> bool:
    return bool(_PLACE_WORD.search(name))


def _abbreviated_name(doc: Doc, j: int) -> bool:
    """Whether token j is a short given name abbreviated with a period glued to it ("Ma.", "Md.")
    and a name follows on the same line: "Ma. Teresa Dela Cruz", "Md. Rahim Uddin"."""
    return (
        j + 2 < len(doc)
        and re.fullmatch(r"[A-Z][a-z]{1,2}", doc[j].text) is not None
        and doc[j].text.casefold() not in _HONORIFICS
        and not doc[j].whitespace_
        and doc[j + 1].text == "."
        and doc[j + 1].whitespace_ == " "
        and is_name_token(doc[j + 2])
    )


def _split_name(doc: Doc, i: int) -> bool:
    """Whether the sentence break before token i splits a name: two capitalised words with only
    a space between them, on one line ("Priya | Raman, head of research, says"), is one name the
    parser cut, not two sentences."""
    prev = doc[i - 1]
    return prev.whitespace_ == " " and is_name_token(prev) and is_name_token(doc[i]) and not prev.text.endswith(".")


# Lower-case words glued after a hyphen that make an adjective of the name before them, not a
# second syllable of a given name: "Seoul-based", "Kyiv-led".
_NOT_SYLLABLES = word_set("hyphen-suffixes.txt")


def _syllable_bridge(doc: Doc, i: int) -> bool:
    """Whether token i is a hyphen glued between a name token and a short lower-case syllable
    that ends the word: 'Hye-jin', 'Seung-woo', 'Ji-eun' (romanised Korean and Chinese given names)."""
    if not (doc[i].text in ("-", "‑") and i + 1 < len(doc) and not doc[i - 1].whitespace_ and not doc[i].whitespace_):
        return False
    syllable = doc[i + 1]
    return (
        bool(re.fullmatch(r"[a-z]{2,4}", syllable.text))
        and syllable.text not in _NOT_SYLLABLES
        and not (i + 2 < len(doc) and not syllable.whitespace_ and doc[i + 2].is_alpha)
    )


_HUMAN_NOUNS = word_set("human-nouns.txt")
#: Legal forms after a company's name ("SA", "Oyj", "NV"), matched as written with a capital.
_LEGAL_FORMS = word_set("legal-forms.txt")
_COMPANY_WORDS = word_set("company-words.txt") | _LEGAL_FORMS


def _legal_form(token: Token) -> bool:
    """'SA', 'S.A.', 'Oyj', 'SpA': a company's legal form, written with a capital (not 'sa', 'spa')."""
    return token.text[:1].isupper() and token.lower_ in _LEGAL_FORMS


def _with_legal_form(doc: Doc, ent: Span) -> Span:
    """'ING Bank [Slaski SA]': NER's organization cut before the rest of the company's name and its
    legal form; up to three capitalised words and the form run the name on."""
    j = ent.end
    while j < len(doc) and j - ent.end < 4 and doc[j - 1].whitespace_ == " " and _is_capitalised(doc[j]):
        if _legal_form(doc[j]):
            return Span(doc, ent.start, j + 1, label=ent.label_)
        if not doc[j].is_alpha:
            break
        j += 1
    return ent


def _human_noun(token: Token) -> bool:
    """'economist', 'Analysts': a noun only people are (singular or plural)."""
    lower = token.lower_
    return lower in _HUMAN_NOUNS or lower.endswith("s") and lower[:-1] in _HUMAN_NOUNS


def _hyphen_bridge(doc: Doc, i: int) -> bool:
    """Whether token i is a hyphen glued between two name tokens."""
    return (
        doc[i].text in ("-", "‑")
        and i + 1 < len(doc)
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and is_name_token(doc[i + 1])
    )


def _person_candidates(doc: Doc, ctx: ArticleContext) -> list[Candidate]:
    out = []
    runs = _name_runs(doc)
    ner_person_words = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
    for run in runs:
        # "President of Finland Aino Roe": a known place or a demonym is not part of the name.
        opened = run.start
        while len(run) > 1 and (_known_not_person(ctx, run[0].text) or run[0].text.casefold() in demonyms()):
            run = run[1:]
        if run.start > opened and opened > 0 and doc[opened - 1].lower_ == "the" and all(t.text.casefold() in demonyms() for t in doc[opened : run.start]):
            continue  # "the Estonian Red Cross": a body's name after 'the' and an adjective of nationality, not a person
        if len(run) == 2 and run[0].lower_ in _STORM_WORDS:
            continue  # "Cyclone Mele", "Typhoon Haiyan": a storm's name, not a person's
        if len(run) > 2 and run[0].is_sent_start and _human_noun(run[0]):
            run = run[1:]  # "Lawyer Jane Roe filed …": what she is, capitalised as the sentence's first word
        while len(run) > 2 and run[0].lower_ in _OFFICE_HEADS and not is_title_word(run[0].text):
            run = run[1:]  # "Inspector Jane Roe", "Governor Jane Roe": a post's head before the name
        after_field = len(run) >= 3 and bool(_FIELD_LIST_BEFORE.search(ctx.text, max(0, run.start_char - 90), run.start_char))
        if len(run) >= 3 and not after_field and _FIELD_BEFORE.search(ctx.text, max(0, run.start_char - 90), run.start_char):
            ent = ctx.index(doc).entity_at(run.end - 1)
            dropped = doc[run.start : ent.start] if ent is not None else None
            if (
                ent is not None and ent.label_ == "PERSON" and ent.end == run.end and run.start < ent.start and len(ent) >= 2
                and not any("." in t.text for t in dropped)  # "Ma. Cristina Reyes": an abbreviated given name
            ):
                run = doc[ent.start : ent.end]  # "Director of Economic [Statistics] Jane Roe-Doe": NER's name after the field
        if after_field:
            # "Minister for Fisheries and [Ocean Resources] Jane Roe": the field's last words; the
            # name is the last two words ("Jane Qureshi-Anwar" is one word in three tokens)
            words = run.text.split()
            last_two = doc.char_span(run.end_char - len(" ".join(words[-2:])), run.end_char) if len(words) > 2 else None
            run = last_two if last_two is not None else run[-2:]
        if _known(ctx, run.text) or run[-1].text in _NAME_PARTICLES or _PARTY_STATE.fullmatch(run.text):
            continue
        if len(run) == 1 and (run.text.casefold() in demonyms() or _is_initial(run[0])):
            continue  # "replacing American support": an adjective of nationality, not a name
        if len(run) == 1 and _human_noun(run[0]):
            continue  # "Chief Executive Officer of …": what a person is, not a name
        if len(run) == 1 and _continues_a_field(ctx.text, run.start_char):
            continue  # "Director-General of Health Services": the last word of the post's field
        if len(run) == 1 and len(run.text) <= 3 and _abbreviated_first_name(run):
            continue  # "… of the Philippines Ma. Teresa Dela Cruz": a first name written short
        described = _previous_word(doc, run.start)
        if (
            len(run) >= 2 and described is not None and described.pos_ == "NOUN" and described.text.islower()
            and described.lower_ in BODY_DESCRIPTORS
        ):
            # "the consultancy Dryad Global": what the name is said to be is a body
            out.append(Candidate(run.start_char, run.end_char, run.text, "Organization", _NER))
            continue
        if _has_place_word(run.text) or run[-1].lower_ in ORG_HEADS or len(run) > 1 and run[-1].lower_ in _COMPANY_WORDS:
            continue  # "the Black Sea", "the Contact Group", "Acme Robotics": not a person whatever follows
        if run.start > 0 and doc[run.start - 1].lower_ == "the":
            continue  # "the Main …": a name of a thing, not of a person
        if run.end < len(doc) and _is_capitalised(doc[run.end]) and is_title_word(doc[run.end].text):
            continue  # "Main Intelligence Directorate": the start of a longer name
        before = _previous_word(doc, run.start)
        if before is None and run.start >= 2 and doc[run.start - 1].text == "." and not doc[run.start - 2].whitespace_:
            before = doc[run.start - 2] if _is_honorific(doc[run.start - 2]) else None  # "Hon. Jane Roe": the parser ended a sentence at the period
        after = doc[run.end] if run.end < len(doc) else None
        if before is not None and before.pos_ == "NOUN" and before.text.islower() and before.lower_ in ORG_HEADS | BODY_DESCRIPTORS:
            continue  # "civil society group Yiaga Africa": what the name is said to be is a body
        if len(run) == 1 and before is not None and before.is_alpha and before.text.isupper() and len(before.text) > 1 and not is_title_word(before.text):
            continue  # "the SADC Organ on Politics": a word of a body's name after its acronym
        person = False
        if before is not None and _is_honorific(before):
            # "Prof. Jane Roe", "Commodore Jan Roe", "Mr Roe"; not "Sri Lanka", a name of its own
            person = not _known(ctx, ctx.text[before.idx : run.end_char])
        elif before is not None and (before.lower_ in _PERSON_BEFORE or _took_over_from(doc, run.start)):
            person = not _named_with_title(doc, run, ctx)
        elif before is not None and _title_ends_here(doc, run.start):
            # "head of the Center for Countering Disinformation": after 'of'/'for' the words name
            # what the post is of, not the person who holds it.
            person = before.lower_ not in ("of", "for") and not _named_with_title(doc, run, ctx)
        elif (
            after is not None
            and after.lemma_.casefold() in SPEECH_VERBS
            and after.pos_ in ("VERB", "AUX")
            and len(run) >= 2
            and run[-1].dep_ in ("nsubj", "nsubjpass")
            and run[-1].head.i == after.i
        ):
            # "Jane Roe said …"; not "the National Energy [System Operator] said", the end of a body's name
            person = after_field or not _inside_longer_name(doc, run, ctx)
        elif len(run) >= 2 and _apposition_title_follows(doc, run.end):
            person = True
        elif (
            len(run) >= 2
            and before is not None
            and before.text == ","
            and (_title_ends_here(doc, run.start - 1) or _post_clause_before(doc, run.start - 1))
            and (after is None or after.text in (",", ")", ".", ";", ":") or after.pos_ in ("VERB", "AUX"))
            and not _field_between_post_and_name(run)
            and not _field_after_a_holders_post(doc, run.start)
        ):
            # "the Air Force spokesperson, Jane Roe, said …", "Chile's Minister of Transport and
            # Telecommunications, Jane Roe, told …": a name after a post and a comma
            person = True
        elif len(run) >= 2 and _APPOINTED_AFTER.match(ctx.text[run.end_char : run.end_char + 40]):
            person = True
        elif len(run) >= 2 and before is not None and _human_noun(before) and (before.text.islower() or before.is_sent_start):
            person = True  # "economist Jane Roe", "Analysts Jane Roe and …": a person's occupation before the name
        elif len(run) >= 2 and after is not None and after.text == "," and _says_after_apposition(doc, run, ctx):
            person = True  # "Jane Roe, the trial's principal investigator, said …"
        elif len(run) >= 2 and _speaks_after_affiliation(doc, run.end):
            person = True  # "Jane Roe of the Bank of Korea said …"
        elif len(run) >= 2 and after is not None and after.text == "," and run.end + 1 < len(doc) and doc[run.end + 1].lower_ == "who":
            person = True  # "Jane Roe, who leads the alliance, said": 'who' is said of persons
        elif _initials_and_name(run) and run[-1].text in ner_person_words:
            person = True  # "H S Roy", "A. K. Roy": given names written as initials, the surname a person's elsewhere
        if person:
            out.append(Candidate(run.start_char, run.end_char, run.text, "Person", _PERSON_RULE))
    out += _coordinated_persons(doc, ctx, out, runs)
    return _without_portfolio_words(doc, ctx, out)


# "… of Economic ", "… for the ": a post's field being written, right before a run of capitalised words.
_FIELD_BEFORE = re.compile(r"\b(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+)*$")
# "… for Resources and ", "… of Trade & ": the end of a post's field list, right before a name.
_FIELD_LIST_BEFORE = re.compile(r"\b(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*,?\s+)+(?:and|&)\s+$")


def _without_portfolio_words(doc: Doc, ctx: ArticleContext, found: list[Candidate]) -> list[Candidate]:
    """'Minister for Trade and [Tourism Ravi Roe] said': the first words of a long name run may be
    the last field of the post before it. The name is then the shorter form found elsewhere in the
    article ('Ravi Roe, Minister for …'), or, right after a post's field list, its last two words."""
    spans = [(c.start, c.end, c.name) for c in found] + [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PERSON"]
    out = []
    for cand in found:
        names = {name for start, end, name in spans if end <= cand.start or start >= cand.end}
        words = list(re.finditer(r"\S+", cand.name))
        if len(words) >= 3:
            after_fields = bool(_FIELD_LIST_BEFORE.search(ctx.text, max(0, cand.start - 90), cand.start))
            # Only a run that continues a post's field can start with a field word: not "Dutch Defense
            # Minister Pieter van Aalst" or "minister of defense, Helena Cardoso Matos" when the
            # article later writes "van Aalst" or "Cardoso Matos" alone.
            in_field = after_fields or _continues_a_field(ctx.text, cand.start)
            cut = next((w.start() for w in words[1:-1] if cand.name[w.start() :] in names), None) if in_field else None
            if cut is None and after_fields:
                cut = words[-2].start()
            if cut is not None:
                cand = Candidate(cand.start + cut, cand.end, cand.name[cut:], cand.kind, cand.source)
        out.append(cand)
    return out


def _continues_a_field(text: str, start: int) -> bool:
    """Whether the text right before `start` is a post's 'of'/'for' field still being written:
    "Minister of [Tourism Ravi Roe]", "Secretary for the Environment and [Rural Affairs …]"."""
    found = _FIELD_BEFORE.search(text, max(0, start - 90), start)
    if found is None:
        return False
    before = re.findall(r"[\w-]+", text[max(0, found.start() - 40) : found.start()])
    return bool(before) and (before[-1].casefold() in TITLE_HEADS or before[-1].casefold() in _OFFICE_HEADS)


def _inside_longer_name(doc: Doc, run: Span, ctx: ArticleContext) -> bool:
    """Whether capitalised words glued before the run make it the end of an organization's name
    NER read as one: "the National Energy System Operator" (a title-like word, "Energy", cut the run)."""
    if run.start == 0 or not _is_capitalised(doc[run.start - 1]) or doc[run.start].is_sent_start:
        return False
    ent = ctx.index(doc).entity_at(run.start - 1)
    return ent is not None and ent.label_ in ("ORG", "FAC") and ent.end >= run.end


def _is_honorific(token: Token) -> bool:
    """'Mr', 'Prof.', 'Commodore', 'Adm.': a word only ever written right before a person's name."""
    return token.text[:1].isupper() and token.lower_.rstrip(".") in _HONORIFICS and (
        token.text.endswith(".") or not token.is_sent_start or token.lower_.rstrip(".") in _HONORIFICS_ALONE
    )


def _post_clause_before(doc: Doc, comma: int) -> bool:
    """Whether the words before the comma at `comma` name a post, as an apposition does before
    the name it describes: "Norway's State Secretary in the Ministry of Defence, [name]", "the
    Cop31 president, Türkiye's minister of environment, urbanisation and climate change, [name]",
    "His Brazilian counterpart, [name]". A verb between the post and the comma ends the search:
    then the post word belongs to another clause."""
    j = comma - 1
    while j >= 0 and comma - j <= 16:
        token = doc[j]
        if token.pos_ in ("VERB", "AUX") or token.text in ("“", "”", '"', ";", "(", ")", "–", "—") or token.is_space:
            return False
        lower = token.lower_
        if lower in TITLE_HEADS or lower in _PERSON_BEFORE or lower in _POST_NOUNS:
            return True
        if token.is_sent_start:
            return False
        j -= 1
    return False


def _speaks_after_affiliation(doc: Doc, i: int) -> bool:
    """Whether 'of/at/from [the] <Capitalised Name>' then a verb of saying follows token i:
    "Jane Roe of the Bank of Korea said", "Jan Roe at Meridian Capital says"."""
    if i >= len(doc) or doc[i].lower_ not in ("of", "at", "from") or doc[i].is_sent_start:
        return False
    k = i + 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    named = 0
    while k < len(doc) and not doc[k].is_sent_start and (
        _is_capitalised(doc[k]) or doc[k].lower_ in _LOWER_JOINERS and named
    ) and named < 8:
        named += 1
        k += 1
    if not named or k >= len(doc):
        return False
    if doc[k].text == "," and k + 1 < len(doc):
        k += 1
    verb = doc[k]
    return verb.lemma_.casefold() in SPEECH_VERBS and verb.pos_ in ("VERB", "AUX")


def _coordinated_persons(doc: Doc, ctx: ArticleContext, found: list[Candidate], runs: list[Span]) -> list[Candidate]:
    """'Election Commissioners Jane Roe and Jan Doe', 'Ministers Jane Roe, Jan Doe and Ann Poe': the
    names listed after a plural post are persons' names."""
    out = []
    taken = {c.start for c in found}
    for n, run in enumerate(runs):
        # "Finance Ministers of Spain Jane Roe and Italy Jan Doe": each name after its country.
        by_country = run.start >= 2 and doc[run.start - 1].lower_ == "of" and _plural_post(doc[run.start - 2]) and len(_after_country(ctx, run)) >= 2
        if not by_country and (run.start == 0 or not _plural_post(doc[run.start - 1])):
            continue
        listed = [run]
        for other in runs[n + 1 :]:
            between = doc[listed[-1].end : other.start]
            if not between or len(between) > 2 or any(t.lower_ not in (",", "and") for t in between):
                break
            listed.append(other)
            if between[-1].lower_ == "and":
                break
        if by_country:
            listed = [_after_country(ctx, name) for name in listed]
        for name in listed:
            if len(name) >= 2 and name.start_char not in taken and not _known(ctx, name.text) and not _has_place_word(name.text) and name[-1].lower_ not in ORG_HEADS:
                out.append(Candidate(name.start_char, name.end_char, name.text, "Person", _PERSON_RULE))
    return out


def _after_country(ctx: ArticleContext, run: Span) -> Span:
    """The words of `run` after a known country that opens it ('[Spain] Jane Roe'); empty when none opens it."""
    for k in range(len(run) - 1, 0, -1):
        if any(r.kind == "Country" for r in _known(ctx, run[:k].text)):
            return run[k:]
    return run[0:0]


def _plural_post(token: Token) -> bool:
    """'Commissioners', 'Ministers', 'Secretaries': the plural of a title word."""
    lower = token.lower_
    return token.text[:1].isupper() and (
        lower.endswith("s") and lower[:-1] in TITLE_HEADS or lower.endswith("ies") and lower[:-3] + "y" in TITLE_HEADS
    )


def _took_over_from(doc: Doc, i: int) -> bool:
    """'… took over from Jane Roe': the name after is a person's (a predecessor)."""
    if i >= 3 and doc[i - 1].lower_ == "from" and doc[i - 2].lower_ == "over" and doc[i - 3].lemma_ == "take":
        return True
    if i < 1 or doc[i - 1].lower_ != "from":
        return False
    # "… took over the ministry in July 2025 from Jane Roe": 'from' hangs on the verb 'take over'
    verb = doc[i - 1].head
    return verb.lemma_ == "take" and verb.i < i - 1 and any(c.lower_ == "over" and c.i == verb.i + 1 for c in verb.children)


def _title_ends_here(doc: Doc, i: int) -> bool:
    """Whether the words right before token i are a title with a head word: 'Minister',
    'Secretary of Defense', 'Defense Minister', 'Chief of the … Directorate of Ukraine'."""
    j = i - 1
    while j >= 0 and i - j <= 14 and (not doc[j + 1].is_sent_start or j + 1 == i and _previous_word(doc, i) is not None):
        token = doc[j]
        if token.lower_ in TITLE_HEADS:
            return True
        if not (is_title_word(token.text) or token.lower_ in ("of", "for", "the") or _is_capitalised(token) and token.is_alpha):
            if not (token.lower_ in ("and", "&", ",") and j + 1 < i and j > 0):
                return False  # but "Minister for New and Renewable Energy": a field list inside the title
        j -= 1
    return False


def _named_with_title(doc: Doc, run: Span, ctx: ArticleContext) -> bool:
    """'General Dynamics', 'Admiral Makarov' (a ship): NER reads the title word and the one
    name after it as one non-person name; then it is not a title before a person."""
    if len(run) != 1 or run.start == 0:
        return False
    title = run.start - 1
    ent = ctx.index(doc).entity_at(title)
    return ent is not None and run.end <= ent.end and ent.label_ in ("ORG", "FAC", "PRODUCT", "GPE", "LOC")


def _previous_word(doc: Doc, i: int) -> Token | None:
    """The token before token i in its sentence. A sentence break between two words with only a
    space between them ("Minister of Trade | Ada Roe") is the parser's, not the text's."""
    if i == 0:
        return None
    prev = doc[i - 1]
    if doc[i].is_sent_start and not (prev.whitespace_ == " " and prev.is_alpha):
        return None
    return prev


def _apposition_title_follows(doc: Doc, i: int) -> bool:
    """', Latvia's defense minister,' right after a name."""
    if i >= len(doc) or doc[i].text != ",":
        return False
    if i + 1 < len(doc) and doc[i + 1].lower_ in ("which", "that"):
        return False  # "Yiaga Africa, which deployed 120 observers": a body the clause is about
    for token in doc[i + 1 : i + 8]:
        if token.text in (",", ".", ";", "\n") or token.is_sent_start:
            return False
        if token.lower_ in TITLE_HEADS:
            # Not "In an interview with Al Jazeera, Yemen's Prime Minister Jan Roe said": a title
            # written before the next name is that name's.
            return not (token.dep_ == "compound" and token.head.i > token.i and token.head.pos_ == "PROPN")
        if _occupation_heads_apposition(doc, i, token):
            return True  # ", an economist at …", ", a senior analyst with …": what only a person is
    return False


#: Human nouns a firm can also be ("Acme, the owner of the vessel", "a major investor in …").
_ALSO_BODIES = frozenset({"owner", "investor", "source", "founder"})


def _occupation_heads_apposition(doc: Doc, comma: int, token: Token) -> bool:
    """Whether `token` is a singular lower-case human noun heading the apposition that opens at
    `comma` with 'a'/'an'/'the' and only modifiers between: ", an economist at …", ", the chief
    strategist of …"; not ", which hired an economist"."""
    if token.pos_ != "NOUN" or not token.is_lower or token.lower_ not in _HUMAN_NOUNS or token.lower_ in _ALSO_BODIES:
        return False
    if comma + 1 >= token.i or doc[comma + 1].lower_ not in ("a", "an", "the"):
        return False
    return all(t.pos_ in ("ADJ", "NOUN", "ADV", "PROPN") and t.dep_ in ("amod", "compound", "advmod", "nmod")
               for t in doc[comma + 2 : token.i])


# ----------------------------------------------------------------------------- spaCy NER


def _ner_candidates(doc: Doc, ctx: ArticleContext, full_names: set[str]) -> list[Candidate]:
    out = []
    # One-word names that stand on their own somewhere, not only as a modifier ("ONPE said").
    alone = frozenset(e.text for e in doc.ents if len(e) == 1 and not _modifies_common_noun(e[0]))
    ents = _with_cut_first_words(doc, list(doc.ents))
    bodies = _affiliations(doc, ents)
    covered_to = 0
    for n, ent in enumerate(ents):
        if ent.label_ not in _NER_KINDS or ent.start < covered_to:
            continue
        if ent.label_ == "PERSON" and ent.text in bodies:
            ent = Span(doc, ent.start, ent.end, label="ORG")  # "Javier Roe of Renovación Liberal": a body, here and elsewhere
        if n > 0 and ents[n - 1].end == ent.start and ents[n - 1][-1].lower_ in ("of", "for") and ents[n - 1].label_ == "ORG":
            continue  # read with the organization before it, below
        following = ents[n + 1] if n + 1 < len(ents) else None
        if ent.label_ == "ORG" and not _legal_form(ent[-1]):
            ent = _with_legal_form(doc, ent)
            covered_to = ent.end  # "Slaski SA", read as a person after "ING Bank": the end of the company's name
        if ent.label_ == "ORG" and ent[-1].lower_ in ("of", "for") and following is not None and following.start == ent.end and following.label_ in ("GPE", "LOC", "ORG"):
            ent = doc[ent.start : following.end]  # "the Economic Club of | New York": NER cut one name in two
            ent = Span(doc, ent.start, ent.end, label="ORG")
        cand = _clean_ner(ent, ctx, full_names, alone)
        if cand is not None:
            out.append(cand)
    return out


def _with_cut_first_words(doc: Doc, ents: list[Span]) -> list[Span]:
    """NER's spans, one that lost its first word taken whole where the text names it whole elsewhere:
    'Rosa Roe of Fuerza [Andina]' beside 'Fuerza Andina would win'."""
    whole = {e.text for e in ents if len(e) >= 2}
    alone = {e.text for e in ents if len(e) == 1}
    out = []
    for ent in ents:
        split = _person_of_body(doc, ent, alone)
        if split is not None:
            out.extend(split)  # "[Lucía Roe of Avance Liberal]" tagged ORG: a person, 'of', a body
            continue
        i = ent.start - 1
        if (
            i > 0 and not doc[i].is_sent_start and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()
            and doc[i].ent_iob_ == "O" and not is_title_word(doc[i].text)
            and f"{doc[i].text_with_ws}{ent.text}" in whole
        ):
            ent = Span(doc, i, ent.end, label=ent.label_)
        out.append(ent)
    return out


def _person_of_body(doc: Doc, ent: Span, alone: set[str]) -> list[Span] | None:
    """An ORG span 'Lucía Roe of Avance Liberal' that runs over a person's name: the words before
    'of' are shaped like a person's name whose last word the text uses alone elsewhere ('Roe, a
    former governor, …'); then they are the person and the words after 'of' the body."""
    if ent.label_ != "ORG":
        return None
    of = next((t.i for t in ent if t.lower_ == "of"), None)
    if of is None or of - ent.start < 2 or ent.end - of < 2:
        return None
    left = doc[ent.start : of]
    if not _person_shaped(left.text) or left[-1].text not in alone:
        return None
    return [Span(doc, ent.start, of, label="PERSON"), Span(doc, of + 1, ent.end, label="ORG")]


def _affiliations(doc: Doc, ents: list[Span]) -> set[str]:
    """Names written right after a person's name and 'of' ('Javier Roe of Renovación Liberal',
    'Jane Doe of Acme Analytics'): a person is 'of' a party or a body, never of another person.
    A place there ('Jane Doe of Lima') is not one of them."""
    out = set()
    for n in range(1, len(ents)):
        ent, before = ents[n], ents[n - 1]
        if ent.label_ not in ("PERSON", "ORG") or before.end + 1 != ent.start or doc[before.end].lower_ != "of":
            continue
        if before.label_ == "PERSON" and len(before) >= 2 or before.label_ == "ORG" and _person_shaped(before.text):
            if len(ent) >= 2 or ent.label_ == "ORG":
                out.add(ent.text)
    return out


def _clean_ner(ent: Span, ctx: ArticleContext, full_names: set[str], alone: frozenset[str] = frozenset()) -> Candidate | None:
    if "(" in ent.text[1:] and re.match(r"\(\s*[A-Z][^\d()]*\)", ent.text[ent.text.index("(", 1) :] + ")"):
        # "the Africa Centres for Disease Control (Africa CDC": the name ends before the bracket,
        # whose words are an alias of it.
        cut = ent.start_char + ent.text.index("(", 1)
        ent = ent.doc.char_span(ent.start_char, trimmed_end(ctx.text, cut), label=ent.label_, alignment_mode="contract")
        if ent is None or len(ent) == 0:
            return None
    name, start, end = _strip(ent.text, ent.start_char)
    if name.endswith("(") and len(name) > 1:
        # "Reserve Bank of India (": the bracket of an alias NER took in; the alias is read apart.
        name, start, end = _strip(name[:-1].rstrip(), start)
    if "\n" in name:
        return None
    if re.search(r"\w-$", ctx.text[max(0, start - 2) : start]):
        return None  # the end of a hyphenated word: "IRIS-T", "Anglo-French"
    if re.match(r"-\w", ctx.text[end : end + 2]) and not (ent.label_ in ("GPE", "LOC") and _PLACE_SUFFIX.match(ctx.text, end)):
        return None  # part of a hyphenated model name or adjective: "IRIS-T", "Canadian-led"
    if len(ent) == 1 and ent[0].head.lemma_ in ("mayor", "governor") and ent[0].head.i == ent.end and ent.label_ in ("ORG", "GPE", "LOC"):
        return Candidate(ent.start_char, ent.end_char, ent.text, "Place", _NER)  # "former Arequipa mayor": the city a mayor heads
    if len(ent) == 1 and ent[0].pos_ == "ADJ" and ent.label_ == "ORG" and not ent.text.isupper():
        return None  # "Nominal GDP", "the Additional Director General": an adjective tagged ORG
    if len(ent) == 1 and (ent[0].dep_ == "amod" or ent.label_ == "LOC" and ent[0].dep_ == "compound") and ent[0].head.text.islower():
        return None  # "the Baltic states": an adjective, not the place
    kind = _NER_KINDS[ent.label_]
    extra: list[tuple[int, int, str, str]] = []
    if kind in ("Organization", "Place"):
        post = _post_in_body_span(ctx, name, start)
        if post is not None:
            # "NATO Spokesperson", "the National Coordinator of the X Programme": a post, and its body
            if not post:
                return None
            body = ent.doc.char_span(post.start, post.end, label="ORG", alignment_mode="contract")
            if body is None or len(body) == 0 or post.kind != "Organization" or post.extra:
                return post
            cleaned = _clean_ner(body, ctx, full_names, alone)  # the body's name read as NER's own ("U.S. Joint Chiefs of Staff")
            return cleaned if cleaned is not None else post
    if kind == "Organization":
        head = re.fullmatch(r"(.*[A-Z][\w&’'.-]*)\s+([a-z]+)", name)
        if head is not None and _is_org_head(head.group(2)) and not any(w[0].islower() for w in head.group(1).split()):
            name = head.group(1)  # "the FNSEA union", "the Wagner group": the body's name, then what it is
            end = start + len(name)
        tail = re.search(r"(?:^|\s)((?:[A-Z][\w&’'.-]*\s+(?:(?:of|for|and|de|the)\s+)?)*[A-Z][\w&’'.-]*)$", name)
        if tail is not None and tail.start(1) > 0 and any(w[0].islower() and w.casefold() not in _LOWER_JOINERS and not _brand_cased(w) for w in name[: tail.start(1)].split()):
            # "the national electoral office ONPE": the name is the capitalised words ending the span
            # (an acronym, or two words or more); the words before them describe it.
            if not (tail.group(1).isupper() or len(tail.group(1).split()) >= 2):
                return None
            start += tail.start(1)
            name = tail.group(1)
    if kind in ("Organization", "Person") and _after_place_noun(ent):
        return Candidate(start, end, name, "Place", _NER)  # "the village of Novopavlivka"
    if kind in ("Organization", "Person") and ent.start >= 2 and ent.doc[ent.start - 1].lower_ == "of" and ent.doc[ent.start - 2].lower_ in _JURISDICTION_HEADS:
        # "run for governor of São Paulo", "a former mayor of Trujillo": where the post is, not who holds it
        rows = [r for r in _known(ctx, name) if r.kind in ("Place", "Country")]
        return Candidate(start, end, rows[0].label if rows else name, rows[0].kind if rows else "Place", _NER)
    if kind == "Organization" and _secretary_of_state(ctx, name, start):
        return None
    titled = False  # a title or a form of address stands before the name
    if kind == "Person" and len(name.split()) >= 2 and name.split()[-1].casefold() in ORG_HEADS:
        kind = "Organization"  # "Naval Headquarters said": a body NER took for a person, by the word that ends it
    if kind == "Person":
        # "Minister Jane Roe" -> "Jane Roe", "Mr. Roe" -> "Roe": titles are roles, not names.
        words = list(re.finditer(r"\S+", name))
        while words and (is_title_word(words[0].group().strip(".")) or words[0].group().casefold().rstrip(".") in _HONORIFICS):
            words.pop(0)
            titled = True
        while len(words) > 1 and words[-1].group().islower():
            words.pop()  # "Daniel Ayuk of [Health Policy Watch]": a name ends on a capital, not on 'of'
        if not words:
            return None
        if is_title_word(words[-1].group()) and ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("and", "of", "for", "&"):
            return None  # "Minister for Foreign and [Diaspora Affairs]": the field of a post, not a name
        start, end = start + words[0].start(), start + words[-1].end()
        name = ctx.text[start:end]
        if ent.start > 0 and (is_title_word(ent.doc[ent.start - 1].text) or _is_honorific(ent.doc[ent.start - 1])):
            titled = True
    if not _plausible(name):
        return None
    rows = _known(ctx, name)
    if rows:
        row = _best_row(rows)
        return Candidate(start, end, row.label, row.kind, _NER, written="" if name == row.label else name)
    if name.casefold() in demonyms():
        return None  # "Ukrainian" tagged GPE: an adjective, not a place
    if kind == "Place" and ent.root.dep_ == "dobj" and ent.root.head.lemma_ == "tell" and _person_shaped(name) and not _told_outlet_word(name):
        return Candidate(start, end, name, "Person", _NER)  # "…, tells Meghna Roe that …": one tells a person, not a place
    if kind == "Place" and " " in name and name.rsplit(None, 1)[-1].casefold() in _PLACE_ORG_HEADS:
        kind = "Organization"  # "the Beneluxa Initiative" tagged GPE: a body, by the word that ends it
    adjective = re.match(r"^(\S+)\s+(?=\S)", name)
    if adjective is not None and adjective.group(1).casefold() in demonyms():
        rest_rows = [r for r in _known(ctx, name[adjective.end() :]) if r.kind == "Organization"]
        if rest_rows:
            # "Latvian Saeima": the known organization; the adjective only says whose it is.
            return Candidate(start + adjective.end(), end, rest_rows[0].label, "Organization", _NER,
                             written="" if name[adjective.end() :] == rest_rows[0].label else name[adjective.end() :])
    if kind == "Organization":
        owned = _owned_organization(ctx, name, start, end, _NER)
        if owned is not None:
            return owned
        owner = re.match(r"^.+?[’']s\s+", name)
        if owner is not None:
            # "Kyiv's Armed Forces": the owner is not a country or organization we know; keep the name.
            start += owner.end()
            name = name[owner.end() :]
        if not _organization_ok(ent, name, alone) or _is_indicator(name):
            return None
        if not _where_people_work(ent) and (_speaks_by_family_name(ctx, name) or _person_shaped(name) and _speaks_after_a_post(ent)):
            # "Pakistan's Ishaq Dar met …; 'We …,' Dar said": NER calls the name a body, but the
            # text names its holder by the family name alone as a speaker: a person.
            return Candidate(start, end, name, "Person", _NER, extra=extra)
        if len(ent) == 1 and name.casefold() not in ORG_HEADS and not name.isupper() and _coordinated_with_place(ent, ctx):
            return Candidate(start, end, name, "Place", _NER)  # "shelled Kherson and Nikopol": a town tagged ORG
        country = _country_prefix(ctx, name)
        if country is not None:
            # "U.S. Joint Chiefs of Staff": the country written before the organization is mentioned too,
            # and the words after it are a name of the organization as well ("Joint Chiefs of Staff").
            extra.append((start, start + len(country[0]), country[1], "Country"))
            rest = name[len(country[0]) :].strip()
            if len(rest.split()) >= 2 and ministry_form(name) == name:
                return Candidate(start, end, name, kind, _NER, written=rest, extra=extra)
    elif kind == "Person":
        if not _person_ok(name):
            return None
        if len(name.split()) == 2 and name.split()[0].casefold() in _STORM_WORDS:
            return Candidate(start, end, name, "Event", _NER)  # "Cyclone Mele": a storm's name
        if ent.start > 0 and (ent.doc[ent.start - 1].like_num or ent.doc[ent.start - 1].lower_ in _COUNT_WORDS):
            return None  # "1.05 lakh Ni-kshay Mitras": people counted are a kind of people, not one person
        if _field_between_post_and_name(ent) or _field_after_a_holders_post(ent.doc, ent.start):
            return None  # "Director General, Family Welfare, Dr. Jane Roe": the post's field, between commas
        if not titled and _where_people_work(ent):
            kind = "Organization"  # "analysts at Morgan Stanley", "an economist with Capital Economics": the employer
        if not titled and len(ent) >= 2 and _modifies_common_noun(ent[-1]) and _thing_noun(ent[-1].head):
            kind = "Organization"  # "Henry Hub futures", "Benchmark Brent crude": a name that qualifies a thing (a market's, a product's), not a person's
        if not titled and len(name.split()) >= 2 and all(w.casefold() in ctx.lower_words(ent.doc) for w in name.split()):
            return None  # "Humanitarian Aid", "Emergency Grant Aid": words the text also writes in lower case, capitalised as a label
        if re.match(r"\s+No\.?\s*\d", ctx.text[end : end + 8]):
            return None  # "Jl. Taman Pejambon No. 6": a street in an address
        if name.split()[-1].casefold() in ORG_HEADS or len(name.split()) > 1 and name.split()[-1].casefold().rstrip(".") in _COMPANY_WORDS:
            kind = "Organization"  # "Muft Bijli Yojana", "Vaccine Alliance", "Acme Robotics": a body's, a scheme's or a company's name
        if len(name.split()) <= 2 and _FIELD_LIST_BEFORE.search(ctx.text, max(0, start - 90), start):
            return None  # "Secretary for Foreign and [Diaspora Affairs]": the last field of a post
        if _before_place_noun(ent):
            return Candidate(start, end, name, "Place", _NER)  # "Buenos Aires province", "Gwale wards"
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ in ORG_HEADS | BODY_DESCRIPTORS and ent.doc[ent.start - 1].pos_ == "NOUN":
            kind = "Organization"  # "civil society group Yiaga Africa", "consultancy Kestrel Analytics"
        elif _post_of_described_body(ent):
            kind = "Organization"  # "the head of developer Kestrel Wind": a post is held of a body, not of a person
        lone = len(name.split()) == 1 and name not in full_names
        if lone and len(name) <= 3 and _abbreviated_first_name(ent):
            return None  # "Ma. Teresa Dela Cruz", "Md. Rahman": a first name written short, not a person of its own
        if lone and (_FIELD_LABEL.match(ctx.text, end) or ctx.text[max(0, start - 3) : start].rstrip(" \t").endswith("|")):
            return None  # "Email newsdesk@…", "| Bulletin |": the label of a contact or page field
        if lone and len(ent) == 1 and _modifies_common_noun(ent[0]):
            return None  # "Lancet drones": a product name, not a person
        if not lone and not titled and _in_a_place(ent):
            return Candidate(start, end, name, "Place", _NER)  # "what happened in Kofar Mata": a place of two words
        if lone and (_place_context(ent, ctx) or _before_country(ctx, end) or name in _CAPITAL_CITIES):
            # "capture Avdiivka and Vuhledar", "Honiara, Solomon Islands": a town tagged PERSON; "talks
            # with Niamey": a capital named alone is its city or its government
            kind = "Place"
        elif lone and _told_outlet(ent):
            kind = "Organization"  # "…, he told Handelsblatt": the outlet a person spoke to
        elif lone and _short_name_of_body_before(ent, ctx):
            kind = "Organization"  # "the European Steel Association, Eurofer, said": the body's short name
        elif _after_vessel_noun(ent):
            kind = "Organization"  # "the frigate Languedoc": a ship's name
        elif lone and not titled:
            # One word NER calls a person, never a word of a full name in the article and with no
            # title before it. A common word starting a sentence ("Turnout was …", when the text
            # also writes "turnout") is no name at all; a word the text treats as a body's name is
            # an organization: "the Houthis", "the MPIA", "the grid operator Elering", "Gavi, the
            # Vaccine Alliance", "UNICEF". Otherwise it stays a person known by the surname alone
            # ("Trump said"), as news writes the best-known names.
            token = ent[0]
            if token.is_sent_start and (token.pos_ in ("ADJ", "ADV", "VERB") or re.search(rf"\b{re.escape(name.casefold())}\b", ctx.doc_text(ent.doc))):
                return None
            opens = token.is_sent_start or token.i > 0 and (
                ent.doc[token.i - 1].is_sent_start and ent.doc[token.i - 1].is_quote
                or ent.doc[token.i - 1].text.endswith(":")  # "ROE: Sailings will double": a turn's first word
            )
            speaks = token.dep_ == "poss" or token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.casefold() in SPEECH_VERBS
            if opens and not speaks and len(re.findall(rf"\b{re.escape(name)}\b", ctx.doc_text(ent.doc))) == 1:
                return None  # "Turnout was low.": a sentence's first word, capitalised once, that nobody is named by
            if opens and not speaks and name.casefold() in dictionary_nouns(ent.doc) and all(
                t.is_sent_start for t in ent.doc if t.text == name
            ):
                return None  # "Turnout was 52%. … Turnout was 49%.": an English noun, only ever a sentence's first word
            if token.dep_ == "pobj" and token.head.lower_ in ("on", "via") and token.head.head.lemma_.casefold() in SPEECH_VERBS:
                kind = "Organization"  # "said on Telegram", "wrote via Threads": where it was said, not who
            if token.dep_ in ("compound", "amod") and token.head.i > token.i and token.head.pos_ == "PROPN" and token.head.text.isupper():
                return None  # "Nominal GDP": a word qualifying an abbreviation, not a person's name
            if _named_as_a_body(ent, ctx) or _start_of_a_longer_name(ent, name):
                kind = "Organization"
    if kind == "Organization" and ministry_form(name) != name:
        return Candidate(start, end, ministry_form(name), kind, _NER, written=name, extra=extra)
    return Candidate(start, end, name, kind, _NER, extra=extra)


_WEAK_POST_HEADS = word_set("office-weak-heads.txt")


def _post_in_body_span(ctx: ArticleContext, name: str, start: int) -> Candidate | bool | None:
    """NER's body or place span that is a post phrase: 'NATO Spokesperson', 'European Commission
    President' (a body, then a post's head ending the span), 'National Coordinator of the National
    Malaria Elimination Programme' (a post, 'of', a body). The body alone is the candidate (the
    one before the post as a nested name); False when no body is named there (a post only: no
    entity); None when the span is no post phrase (no word of a body before the post's head)."""
    words = list(re.finditer(r"[^\s]+", name))
    lowers = [re.sub(r"[’']s$", "", w.group()).casefold().rstrip(".,") for w in words]
    of = next((i for i, w in enumerate(lowers) if w == "of" and i > 0), len(words))
    h = of - 1
    word = lowers[h]
    head = word if word in _PERSON_POST_HEADS else (word[:-1] if word.endswith("s") and word[:-1] in _PERSON_POST_HEADS else None)
    if head is None or any(w in ORG_HEADS or w in BODY_DESCRIPTORS for w in lowers[:of]):
        return None
    if of == len(words) and (len(words) < 2 or head != word or head in _WEAK_POST_HEADS):
        return None  # "Meridian Partners": a plural or a weak head ending a name may be the body's own
    if any(not w.group()[:1].isupper() and lowers[i] not in _LOWER_JOINERS for i, w in enumerate(words[:of])):
        return None
    # The body before the post: the words up to the first word of a title ("NATO", "European Commission").
    p = 1 if lowers[0] == "the" else 0
    q = p
    while q < h and not is_title_word(lowers[q]):
        q += 1
    before = _body_named(ctx, name, start, words[p].start(), words[q - 1].end()) if q > p else None
    after = None
    if of < len(words) - 1:
        r = of + 2 if lowers[of + 1] == "the" and of + 2 < len(words) else of + 1
        after = _body_named(ctx, name, start, words[r].start(), words[-1].end(), need_head=True)
    if after is not None:
        if before is not None:
            after.extra.append((before.start, before.end, before.name, before.kind))
        return after
    if head != word:
        return None  # "U.S. Joint Chiefs of Staff": plural 'chiefs' with no body after 'of' is the body's own name
    return before or False


def _body_named(ctx: ArticleContext, name: str, start: int, a: int, b: int, need_head: bool = False) -> Candidate | None:
    """The words name[a:b] as a body or country: one the gazetteer knows, an acronym, or (after a
    post's 'of') capitalised words ending in a noun of bodies ('National Malaria Elimination Programme')."""
    written = name[a:b]
    rows = [r for r in _known(ctx, written) if r.kind in ("Organization", "Country")]
    if rows:
        row = _best_row(rows)
        return Candidate(start + a, start + b, row.label, row.kind, _NER, written="" if written == row.label else written)
    words = written.split()
    if len(words) == 1 and written.isupper() and len(written) >= 2 and written.isalpha():
        return Candidate(start + a, start + b, written, "Organization", _NER)
    if (
        (need_head or len(words) >= 2)
        and len(words) >= 2
        and words[-1].casefold() in ORG_HEADS
        and all(w[:1].isupper() or w.casefold() in _LOWER_JOINERS for w in words)
    ):
        return Candidate(start + a, start + b, ministry_form(written), "Organization", _NER,
                         written="" if ministry_form(written) == written else written)
    return None


_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})


def _plausible(name: str) -> bool:
    words = name.split()
    if _PARTY_STATE.fullmatch(name):
        return False  # "D-Ill.": a US lawmaker's party and state
    if not words or len(name) < 2 or any(c.isdigit() for c in name):
        return False
    if len(words) == 1 and name.casefold().rstrip(".") in _HONORIFICS:
        return False  # "Smt", "Prof.": a form of address alone
    if not (name[0].isupper() or _brand_cased(words[0])):
        return False
    if re.search(r"-(?:style|like|based|led|backed|made|type|class|era|born|speaking)$", name, re.IGNORECASE):
        return False  # "Minsk-style": an adjective built on a name
    lower = name.casefold()
    if lower in MONTHS or lower in WEEKDAYS or lower in _COMPASS:
        return False  # "… in Africa and South and South-East Asia": a direction alone is no place's name
    if all(is_title_word(w) or w.casefold() in _LOWER_JOINERS for w in words):
        return False  # "Defense Minister" alone is a post, not a name
    return True


_BRAND_CASED = re.compile(r"[a-z][A-Z][a-z]+[A-Za-z]*")


def _brand_cased(word: str) -> bool:
    """'mBank', 'eBay', 'iShares': a brand written with a lower-case letter before its capital."""
    return _BRAND_CASED.fullmatch(word) is not None


def _organization_ok(ent: Span, name: str, alone: frozenset[str] = frozenset()) -> bool:
    words = name.split()
    if any(not w[0].isupper() and w.casefold() not in _LOWER_JOINERS and not _brand_cased(w) for w in words):
        return False  # "Ukraine's air defense": a phrase, not a name
    if any(w.casefold() in TITLE_HEADS for w in words) and not any(w.casefold() in ORG_HEADS for w in words):
        return False  # a role phrase tagged ORG
    if len(words) == 1:
        if re.fullmatch(r"[A-Z]{2,}s", name):
            return False  # "UAVs", "IFVs": the plural of an abbreviated common noun
        if len(name) <= 2 or name in CURRENCY_CODES:
            return False  # "DKK 1.2 billion": a currency, not an organization
        if name.casefold() in _HONORIFICS and ent.end < len(ent.doc) and ent.doc[ent.end].text[:1].isupper():
            return False  # "DCP Jane Roe": a rank written in initials before a name
        # "FPV drones", "IT specialists": a one-word modifier of a common noun is a kind of thing,
        # unless the text also names it on its own ("ONPE data" beside "ONPE said").
        head = ent[-1].head.text
        if _modifies_common_noun(ent[-1]) and not _named_alone(ent, alone) and not _is_org_head(head) and head.casefold() not in TITLE_HEADS:
            return False  # but "the FNSEA union", "Kremlin spokesman": the body a noun of bodies or a post names
    return True


def _named_alone(ent: Span, alone: frozenset[str]) -> bool:
    """Whether the one-word name of `ent` is also an entity elsewhere in the doc that modifies no noun."""
    return ent.text in alone


def _modifies_common_noun(token: Token) -> bool:
    """'FPV drones', 'IT specialists': a word that only qualifies a lower-case noun after it."""
    head = token.head
    return token.dep_ in ("compound", "amod", "nmod") and head.i > token.i and head.pos_ == "NOUN" and head.text.islower()


_ORDINAL_BEFORE = re.compile(r"(?<![\w.,])(\d{1,3}(?:st|nd|rd|th))\s+$")


def _with_ordinal(ctx: ArticleContext, cand: Candidate) -> Candidate:
    """'the 93rd Mechanised Brigade': the number is part of a unit's name."""
    if cand.kind != "Organization" or cand.name != ctx.text[cand.start : cand.end]:
        return cand
    m = _ORDINAL_BEFORE.search(ctx.text[max(0, cand.start - 8) : cand.start])
    if m is None:
        return cand
    start = cand.start - (len(ctx.text[max(0, cand.start - 8) : cand.start]) - m.start())
    return Candidate(start, cand.end, ctx.text[start : cand.end], cand.kind, cand.source, extra=cand.extra)


# "Minister of [Economy, Trade and Industry]", "Vice Minister of Foreign Affairs for [Consular Affairs]",
# "Director for the [Protection of Citizens]": the words of a post before a name that may be its field.
_POST_BEFORE = re.compile(
    r"\b(?P<head>[A-Za-z]+)\s+(?:(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:,?\s+(?:and\s+|&\s+)?[A-Z][\w’'-]*)*,?\s+)?"
    r"(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*,?\s+(?:and|&)\s+)?$"
)
# Posts whose 'of'/'for' names a field of government, not a body: "Minister of the Armed Forces".
_PORTFOLIO_HEADS = frozenset({"minister", "ministers", "secretary", "secretaries", "commissioner", "commissioners", "envoy"})


def _is_org_head(word: str) -> bool:
    """'Ministry', 'Centers' (plural heads too: "Centers for Disease Control", "Forces")."""
    lower = word.casefold()
    return lower in ORG_HEADS or lower.endswith("s") and lower[:-1] in ORG_HEADS


def _portfolio(ctx: ArticleContext, cand: Candidate) -> bool:
    """'[French Armed Forces] Minister', '[Defence] Secretary': words naming a minister's field
    right before 'Minister'/'Secretary' are part of the post, not an organization. So are the
    words after a post and 'of'/'for' ('Minister of [the Armed Forces]', 'Director for the
    [Protection of Citizens]'), unless the gazetteer knows them or they name a body ('Governor of
    the [Bank of Korea]', 'Secretary of the [Department of Energy]')."""
    if cand.kind != "Organization":
        return False
    post = _POST_BEFORE.search(ctx.text, max(0, cand.start - 90), cand.start)
    if post is not None and post.group("head").casefold() in TITLE_HEADS | _PORTFOLIO_HEADS and not _known(ctx, cand.name):
        words = [w.casefold() for w in ctx.text[cand.start : cand.end].split()]
        if post.group("head").casefold() in _PORTFOLIO_HEADS:
            return not words or not _is_org_head(words[0])
        return not any(_is_org_head(w) for w in words)
    if not re.match(r"\s+(?:Minister|Secretary)\b", ctx.text[cand.end : cand.end + 12]):
        return False
    words = ctx.text[cand.start : cand.end].split()
    if words and words[0].casefold() in demonyms():
        words = words[1:]
    return bool(words) and all(is_title_word(w) or w.casefold() in _LOWER_JOINERS for w in words)


def _country_prefix(ctx: ArticleContext, name: str) -> tuple[str, str] | None:
    """(prefix as written, country label) when an organization's name starts with a known country's
    name ("U.S. Joint Chiefs of Staff", "Ukraine Air Force"), else None."""
    words = name.split()
    for n in range(min(3, len(words) - 1), 0, -1):
        prefix = " ".join(words[:n])
        rows = [r for r in _known(ctx, prefix) if r.kind == "Country" and _case_fits(prefix, r)]
        if rows:
            return prefix, rows[0].label
    return None


def _person_ok(name: str) -> bool:
    words = name.split()
    if _PARTY_STATE.fullmatch(name):
        return False  # "D-Mass.", "R-Ark.": a US lawmaker's party and state
    if words and words[-1].casefold() in TITLE_HEADS:
        return False  # "ASEAN Chair": a post, not a name
    # Particles ('bin', 'Al', 'van der') lengthen a name without making it a phrase.
    names = [w for w in words if w.casefold().rstrip("-") not in _NAME_PARTICLES]
    return 1 <= len(names) <= 4 and len(words) <= 7 and all(w[0].isupper() or w.casefold() in _LOWER_JOINERS for w in words)


def _named_as_a_body(ent: Span, ctx: ArticleContext) -> bool:
    """Whether the text writes a one-word name the way it writes bodies, not people: after 'the'
    ("the Houthis"), after a common noun that says what it is ("the regulator Ofgem"), in capitals
    ("UNICEF"), or with an apposition naming a body after it ("Gavi, the Vaccine Alliance")."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if ent.text.isupper() or before is not None and (before.lower_ == "the" or before.pos_ == "NOUN" and before.text.islower()):
        return True
    if before is not None and not ent[0].is_sent_start and before.pos_ == "PROPN" and _is_capitalised(before) and before.is_alpha:
        return True  # "the North-South Commuter Railway": the last word of a longer name
    m = re.match(r",\s+the\s+((?:[A-Z][\w’'-]*\s+){0,4}[A-Z][\w’'-]*)", ctx.text[ent.end_char : ent.end_char + 80])
    return m is not None and _is_org_head(m.group(1).split()[-1])


# What follows a field label in a contact block or a page's header line: an e-mail address, a web
# address, a telephone number, or a '|' separator.
_FIELD_LABEL = re.compile(r"\s*(?::\s*)?(?:[\w.+-]+@[\w-]+\.[\w.]+|(?:https?://|www\.)\S+|\+?\d[\d ()-]{6,}|\|)")

_VESSEL_NOUNS = word_set("vessel-nouns.txt")
_PARTY_STATE = re.compile(r"[DRI]-[A-Z][A-Za-z.]{1,6}")


def _after_vessel_noun(ent: Span) -> bool:
    """'the destroyer Caio Duilio', 'aboard the frigate Languedoc': a ship's name."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in _VESSEL_NOUNS


_PLACE_NOUNS = word_set("place-nouns.txt")


def _after_place_noun(ent: Span) -> bool:
    """'the village of Novopavlivka', 'the port city of Odesa': a name that a place noun and 'of' introduce."""
    i = ent.start
    return i >= 2 and ent.doc[i - 1].lower_ == "of" and ent.doc[i - 2].lower_ in _PLACE_NOUNS


def _before_place_noun(ent: Span) -> bool:
    """'Buenos Aires province', 'in the Dala and Gwale wards': a name a place noun follows and is
    said of (NER took it for a person)."""
    first = ent.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    head = first.head
    return (
        first.dep_ in ("compound", "nmod")
        and head.i >= ent.end
        and head.text.islower()
        and (head.lower_ in _PLACE_NOUNS or head.lemma_.casefold() in _PLACE_NOUNS)
    )


def _says_after_apposition(doc: Doc, run: Span, ctx: ArticleContext) -> bool:
    """'Jane Roe, the trial's principal investigator, said': the run is the subject of a verb of
    saying, with an apposition between, and NER reads no other kind of name in it."""
    head = run[-1]
    if head.dep_ not in ("nsubj", "nsubjpass") or head.head.lemma_.casefold() not in SPEECH_VERBS or head.head.pos_ != "VERB":
        return False
    appos = [t for t in doc[run.end : head.head.i] if t.dep_ == "appos" and t.head.i == head.i]
    if not appos or any(t.lower_ in ORG_HEADS | BODY_DESCRIPTORS | _COMPANY_WORDS for t in appos):
        return False  # not 'Volta Grid, the grid operator, said': what the apposition says it is is a body
    index = ctx.index(doc)
    return not any((e := index.entity_at(t.i)) is not None and e.label_ not in ("PERSON",) for t in run)


def _start_of_a_longer_name(ent: Span, name: str) -> bool:
    """'welcome Acme to our region' in a text that writes 'Acme Robotics' again and again: the one
    word is a body's name written short, when the longer name is written more often than it."""
    text = ent.doc.text
    longer = len(re.findall(rf"\b{re.escape(name)}[ \t]+[A-Z][\w&-]+", text))
    return longer >= 2 and longer > len(re.findall(rf"\b{re.escape(name)}\b", text)) - longer


def _abbreviated_first_name(ent: Span) -> bool:
    """Whether a short name has a period glued to it and two name words right after it."""
    doc, i = ent.doc, ent.end
    return (
        i + 2 < len(doc)
        and doc[i].text == "."
        and not ent[-1].whitespace_
        and is_name_token(doc[i + 1])
        and is_name_token(doc[i + 2])
    )


def _in_a_place(ent: Span) -> bool:
    """'in Kofar Mata and Sharada', 'off Cape Lopez': a name that 'in', 'near' or 'off' governs
    (or one coordinated with such a name) is where something is, not who."""
    first = ent.root
    while first.dep_ == "conj" and first.head.i != first.i and ent.doc[ent.start - 1].lower_ in ("and", "or"):
        first = first.head  # not 'in Kano State, Alhaji Jane Roe': a comma may join a person to the place
    return first.dep_ == "pobj" and first.head.lower_ in ("in", "near", "off")


def _before_country(ctx: ArticleContext, end: int) -> bool:
    """'Honiara, Solomon Islands': a name followed by a comma and a known country is a place in it."""
    m = re.match(r",\s+((?:[A-Z][\w’'-]*\s?){1,4})", ctx.text[end : end + 40])
    if m is None:
        return False
    words = m.group(1).split()
    return any(r.kind == "Country" for n in range(len(words), 0, -1) for r in _known(ctx, " ".join(words[:n])))


_TAKE_VERBS = word_set("place-verbs.txt")
_PLACE_PREPOSITIONS = word_set("place-prepositions.txt")


def _short_name_of_body_before(ent: Span, ctx: ArticleContext) -> bool:
    """Whether a one-word name stands between commas (or in brackets) right after a body's name:
    'at the Baltic Grid Association, Balgrid, said' gives the body's short name, not a person."""
    doc = ent.doc
    i, j = ent.start, ent.end
    if i < 3 or j >= len(doc) or doc[i - 1].text not in (",", "(") or doc[j].text not in (",", ")", ".", ";"):
        return False
    if (doc[i - 1].text == "(") != (doc[j].text == ")"):
        return False
    before = ctx.index(doc).entity_at(i - 2)
    return before is not None and before.label_ == "ORG" and before.end == i - 1 and len(before) >= 2


def _told_outlet_word(name: str) -> bool:
    """Whether a name ends in an outlet's word ('… Radio', '… News'): what one tells may be an outlet."""
    return name.rsplit(None, 1)[-1].casefold() in _OUTLET_WORDS


_OUTLET_WORDS = word_set("outlet-words.txt")


def _told_outlet(ent: Span) -> bool:
    """Whether a one-word name is what someone 'told' or 'said to' ('told Reuters', 'said to Ukrinform')."""
    root = ent.root
    if root.dep_ == "dobj" and root.head.lemma_ == "tell":
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lemma_ in ("say", "speak", "talk")


def _coordinated_with_place(ent: Span, ctx: ArticleContext) -> bool:
    """Whether a one-word name is coordinated ('A and B', 'A, B') with a town or region (not a
    country: 'Ukraine and Rheinmetall' pairs a country with a company)."""
    root = ent.root
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    for other in sorted({first, *first.conjuncts} - {root}, key=lambda t: t.i):
        rows = _known(ctx, other.text)
        if any(r.kind == "Country" for r in rows):
            continue
        if any(r.kind == "Place" for r in rows):
            return True
        ent = ctx.index(other.doc).entity_at(other.i)
        if ent is not None and ent.label_ in ("GPE", "LOC"):
            return True
    return False


def _place_context(ent: Span, ctx: ArticleContext) -> bool:
    """Whether a one-word PERSON stands where a place does: coordinated with a place, object of
    'capture'-like verbs, or after 'in'/'near'."""
    root = ent.root
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    for other in {first, *first.conjuncts} - {root}:
        ent = ctx.index(other.doc).entity_at(other.i)
        if ent is not None and ent.label_ in ("GPE", "LOC", "FAC"):
            return True
        if any(r.kind in ("Place", "Country") for r in _known(ctx, other.text)):
            return True
    if first.dep_ == "dobj" and first.head.lemma_.casefold() in _TAKE_VERBS:
        return True
    return first.dep_ == "pobj" and first.head.lower_ in _PLACE_PREPOSITIONS


def ministry_form(name: str) -> str:
    """'Defence Ministry' -> 'Ministry of Defence', 'Foreign Ministry' -> 'Ministry of Foreign Affairs':
    one name for the ministry however the article words it."""
    owner = re.match(r"^(?P<adjective>[A-Z][\w-]*)\s+(?P<rest>(?:[A-Z][\w-]*\s+)?Ministry\b(?:\s+of\s+[A-Z][\w-]*(?:\s+Affairs)?)?)$", name)
    if owner is not None and owner.group("adjective").casefold() in demonyms():
        # "Dutch Ministry of Defence", "Latvian Defence Ministry": the ministry of that country.
        country = demonyms()[owner.group("adjective").casefold()]
        return f"{ministry_form(owner.group('rest'))} of {with_article(country)}"
    m = re.match(r"^(?P<field>[A-Z][\w-]*)\s+Ministry\b(?P<rest>.*)$", name)
    if m is None or m.group("field").casefold() in demonyms() or m.group("rest").startswith(" of "):
        return name  # "Union Ministry of Health": the word before is not the field, which 'of' gives
    return f"Ministry of {ministry_field(m.group('field'))}{m.group('rest')}"


def with_article(country: str) -> str:
    """'Netherlands' -> 'the Netherlands' inside a longer name: 'Ministry of Defence of the Netherlands'."""
    return f"the {country}" if country in COUNTRIES_WITH_THE else country


def _owned_organization(ctx: ArticleContext, name: str, start: int, end: int, source: int) -> Candidate | None:
    """'Latvia's Ministry of Defence' -> 'Ministry of Defence of Latvia' (the gazetteer's label when known),
    with the owner registered as a mention of its own."""
    owner = re.match(r"^(.+?)[’']s\s+(.+)$", name)
    if owner is None:
        return None
    rows = [r for r in _known(ctx, owner.group(1)) if r.kind in ("Country", "Organization")]
    if not rows:
        return None
    row = _best_row(rows)
    extra = [(start, start + len(owner.group(1)), row.label, row.kind)]
    adjective = country_adjective(row.label) if row.kind == "Country" else None
    owned = owner.group(2)
    # The organization's own name as written, without its owner: "Hungary's [National Election Office]".
    own_start = start + owner.start(2)
    # A name built with the owner keeps the article's wording, owner included, as its alternate name.
    if adjective is not None and owned.casefold() in SERVICE_NAMES:
        # "Ukraine's Navy" is the Ukrainian Navy: armed services are named by the adjective in English.
        return Candidate(start, end, f"{adjective} {owned}", "Organization", source, written=name, extra=extra)
    full = f"{ministry_form(owned)} of {with_article(row.label) if row.kind == 'Country' else row.label}"
    rows = [r for r in _known(ctx, full) if r.kind == "Organization"]
    if rows:
        return Candidate(start, end, rows[0].label, "Organization", source, written=name, extra=extra)
    if ministry_form(owned).startswith("Ministry "):
        # "Latvia's Defence Ministry" -> "Ministry of Defence of Latvia": a ministry is named by its country.
        return Candidate(start, end, full, "Organization", source, written=name, extra=extra)
    if row.kind == "Country" and _speaks_by_family_name(ctx, owned):
        # "Pakistan's Ishaq Dar met …; 'We …,' Dar said": a person the country's possessive
        # introduces (NER calls the whole phrase a body), named later by the family name alone.
        return Candidate(own_start, end, owned, "Person", source, extra=extra)
    # Any other body keeps the name it has in the text: "Hungary's National Election Office" is the
    # National Election Office (of Hungary, a mention of its own), never a name with a suffix it lacks.
    return Candidate(own_start, end, owned, "Organization", source, extra=extra)


# The written forms of the verbs of saying, for a plain-text look-up: "said", "tells", "warned".
_SAID_FORMS = "|".join(
    sorted(
        {"said", "told", "wrote", "spoke", "says", "tells", "writes"}
        | {f for v in SPEECH_VERBS if v.isalpha() for f in (v + "s", v + "d" if v.endswith("e") else v + "ed")},
        key=len,
        reverse=True,
    )
)


def _person_shaped(name: str) -> bool:
    """Two or three capitalised words, none a word of a body, a company, a place or a post."""
    words = [w for w in name.split() if w not in _NAME_PARTICLES]  # "Luiz Inácio Lula da Silva"
    if not 2 <= len(words) <= 5 or not all(re.fullmatch(r"[A-Z][a-z][\w’'-]*", w) for w in words):
        return False
    return not any(w.casefold() in ORG_HEADS or w.casefold() in _COMPANY_WORDS or is_title_word(w) for w in words) and not _has_place_word(name)


def _speaks_after_a_post(ent: Span) -> bool:
    """'Jane Roe, the Congress MP from Kochi, told reporters': the name is the subject of a verb of
    saying, with an apposition between that names a post (and no body)."""
    head = ent[-1]
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.casefold() not in SPEECH_VERBS or verb.pos_ != "VERB" or verb.i <= ent.end:
        return False
    if ent.end >= len(ent.doc) or ent.doc[ent.end].text != ",":
        return False
    appos = [t for t in ent.doc[ent.end : verb.i] if t.dep_ == "appos" and t.head.i == head.i]
    return bool(appos) and all((t.lower_ in TITLE_HEADS or t.lower_ in _OFFICE_HEADS) and t.lower_ not in ORG_HEADS | BODY_DESCRIPTORS | _COMPANY_WORDS for t in appos)


def _speaks_by_family_name(ctx: ArticleContext, name: str) -> bool:
    """Whether `name` looks like a person's name whose last word the text elsewhere uses alone as
    a speaker: 'Dar said', 'said Dar', 'Mr Dar'."""
    if not _person_shaped(name):
        return False
    # Any word of the name but the first, which news uses alone for the best-known ("Lula said").
    family = "(?:" + "|".join(re.escape(w) for w in name.split()[1:] if w not in _NAME_PARTICLES) + ")"
    pattern = rf"\b{family}\s+(?:{_SAID_FORMS})\b|\b(?:{_SAID_FORMS})\s+{family}\b|\bM(?:r|s|rs)\.?\s+{family}\b"
    for m in re.finditer(pattern, ctx.text[: ctx.body_end]):
        if not _CAPITALISED_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
            return True  # alone: not "Analysts at Morgan Stanley said", the whole name said again
    # "Roe, a former regional governor of Cusco, …": the family name alone, given a post in apposition
    for m in re.finditer(rf"\b{family},\s+", ctx.text[: ctx.body_end]):
        post = _POST_APPOSITION.match(ctx.text, m.end(), ctx.body_end)
        if post is not None and post.group("head").casefold() in _PERSON_POST_HEADS:
            return True
    return False


# A capitalised word and a space right before a match: the match is the end of a longer name.
_CAPITALISED_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*[ \t]+$")
# "a former regional governor", "the party's leader": an article, a few lower-case words, the post's head.
_POST_APPOSITION = re.compile(r"(?:a|an|the)\s+(?:[a-z][\w’'-]*\s+){0,3}?(?P<head>[a-z][\w-]*)\b(?=\s*(?:,|of\b|for\b|at\b|in\b))")
_PERSON_POST_HEADS = (TITLE_HEADS | _OFFICE_HEADS) - ORG_HEADS - BODY_DESCRIPTORS


def _organization_candidates(doc: Doc, ctx: ArticleContext, persons: list[tuple[int, int]]) -> list[Candidate]:
    """Capitalised runs headed by an organization word that NER missed: 'Ministry of Defence',
    'Latvia's National Armed Forces', 'General Staff'. A run stops where a person's name starts."""
    person_starts = {start for start, _ in persons}
    # And NER's persons of two words or more: 'said Jane Roe of Warsaw University' is no body's name.
    named = {t.i for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2 for t in e}
    person_starts |= {doc[i].idx for i in named}
    out = []
    i = 0
    while i < len(doc):
        if not _org_word(doc[i]) or doc[i].idx in person_starts:
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and not doc[j + 1].is_sent_start and doc[j + 1].idx not in person_starts and not (
            doc[j + 1].lower_ in _OFFICE_HEADS and j + 2 < len(doc) and doc[j + 2].idx in person_starts
        ) and (
            _org_word(doc[j + 1])
            or (doc[j + 1].lower_ in ("of", "and", "for", "the") and j + 2 < len(doc) and _org_word(doc[j + 2]))
            or (_glued_hyphen(doc, j + 1) and _org_word(doc[j + 2]))  # "NATO-Ukraine Council"
        ):
            j += 1
        span = doc[i : j + 1]
        i = j + 1
        if not any(t.lower_ in ORG_HEADS and t.text[0].isupper() for t in span):
            continue
        if len(span) < 2 and not _after_country_possessive(doc, span.start, ctx):
            continue  # one word is a name only when owned: "Ukraine's Navy"
        if span[0].lower_ in EVENT_NOUNS or span[-1].lower_ in EVENT_NOUNS:
            continue
        name, start, end = _strip(span.text, span.start_char)
        if _known(ctx, name) or _secretary_of_state(ctx, name, start):
            continue  # the gazetteer candidate covers it; or the rest of a title
        before = trimmed_end(ctx.text, start)  # the end of the text before, spaces left out
        if ctx.text[max(0, before - 2) : before] in ("’s", "'s"):
            owner_tok = doc.char_span(before - 2, before, alignment_mode="expand")
            if owner_tok is not None and owner_tok.start > 0:
                owner = doc[owner_tok.start - 1]
                owned = _owned_organization(ctx, ctx.text[owner.idx : end], owner.idx, end, _EVENT_RULE)
                if owned is not None:
                    out.append(owned)
                    continue
        out.append(Candidate(start, end, ministry_form(name), "Organization", _EVENT_RULE, written=name))
    return out


def _after_country_possessive(doc: Doc, i: int, ctx: ArticleContext) -> bool:
    """Whether token i follows a known country's possessive: 'Ukraine's [Navy]'."""
    if i < 2 or doc[i - 1].text not in POSSESSIVE_MARKS:
        return False
    return any(r.kind == "Country" for r in _known(ctx, doc[i - 2].text))


def _secretary_of_state(ctx: ArticleContext, name: str, start: int) -> bool:
    """'[Secretary of] State for Defence of the United Kingdom': the rest of a post, not an organization."""
    return bool(re.match(r"State\b", name)) and bool(re.search(r"\bSecretary\s+of\s+(?:the\s+)?$", ctx.text[max(0, start - 30) : start], re.IGNORECASE))


def _glued_hyphen(doc: Doc, i: int) -> bool:
    return doc[i].text in ("-", "‑") and i + 1 < len(doc) and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _org_word(token: Token) -> bool:
    """A capitalised word that can be part of an organization's name (not a personal title)."""
    text, lower = token.text, token.lower_
    if not text or not text[0].isupper() or not token.is_alpha:
        return False
    if token.is_sent_start and token.pos_ in ("ADP", "SCONJ", "DET", "PRON", "ADV"):
        return False  # "Under Mission Indradhanush, …": a sentence's first word, capitalised for that alone
    if lower in ORG_HEADS:
        return True
    if lower in TITLE_HEADS and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ORG_HEADS and token.doc[token.i + 1].text[0].isupper():
        return True  # "General Staff", "Chief Directorate": a title word naming a body, not a person's post
    return lower not in _NOT_NAMES and lower not in MONTHS and lower not in WEEKDAYS and lower not in TITLE_HEADS


# ----------------------------------------------------------------------------- events and aliases


def _event_candidates(doc: Doc, ctx: ArticleContext) -> list[Candidate]:
    """'the Defense Contact Group meeting' -> Event, with 'Defense Contact Group' as an Organization."""
    out = []
    for token in doc:
        if token.lower_ not in EVENT_NOUNS and not (token.lower_ in _ORDINAL_EVENT_NOUNS and token.text[0].isupper()) \
                and not (token.text in _OUTBREAK_NOUNS and _named_outbreak(doc, token)):
            continue
        of_event = _meeting_of(doc, token, ctx)
        if of_event is not None:
            out.append(of_event)
            continue
        if token.i + 1 < len(doc) and token.text[0].isupper() and _is_capitalised(doc[token.i + 1]) and not doc[token.i + 1].is_sent_start:
            continue  # "Election Commission", "Summit Office": the word is inside a longer name
        if token.is_lower and _names_a_body_after(doc, token.i):
            continue  # "the OSCE election observation mission": a body the event noun only describes
        i = token.i
        election = token.lower_ in _ELECTION_NOUNS
        if election and i > 0 and doc[i - 1].lower_ in _ELECTION_KINDS:
            i -= 1  # "the Hungarian parliamentary election"
        if token.text[0].isupper():
            i = _capitalised_event_start(doc, token.i)  # "29th ASEAN Finance Ministers' Meeting"
        else:
            if i >= 3 and doc[i - 1].text in ("'", "’") and doc[i - 2].tag_ == "NNS" and doc[i - 2].is_lower:
                # "the G7 leaders' summit", "the EU foreign ministers' meeting": who meets, owned by the group
                j = i - 2
                while j > i - 4 and doc[j - 1].is_lower and doc[j - 1].pos_ == "ADJ":
                    j -= 1
                if j > 0 and _event_name_token(doc[j - 1]) and doc[j - 1].text[:1].isupper():
                    i = j
            while i > 0 and _event_name_token(doc[i - 1]) and not doc[i].is_sent_start:
                i -= 1
            if election and i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ in demonyms() and not doc[i].is_sent_start:
                i -= 1  # "the Hungarian parliamentary election": an election is named by its country's adjective
        if election and i < token.i and i > 0 and doc[i].text[:1].isupper() and re.fullmatch(r"(?:19|20)\d\d", doc[i - 1].text):
            i -= 1  # "the 2025 Malawian general election": the year is part of its name
        owner: list[tuple[int, int, str, str]] = []
        if election and not token.text[0].isupper():
            j = i - 1 if i > 0 and re.fullmatch(r"(?:19|20)\d\d", doc[i - 1].text) else i
            country = _country_before_possessive(doc, j, ctx)
            if country is not None:
                # "Bolivia's presidential runoff", "Malawi's 2025 general election": named by its country
                i, owner = country[0].start, [(country[0].start_char, country[0].end_char, country[1], "Country")]
        if i == token.i or i == token.i - 1 and doc[i].lower_ in _ELECTION_KINDS:
            continue
        name_span = doc[i : token.i]
        if election and name_span[-1].lower_ in _ELECTION_KINDS:
            name_span = doc[i : token.i - 1]
        name = name_span.text
        if name.casefold() in MONTHS or name.casefold() in demonyms() and not election or _series_code(name):
            continue  # a month; "the Dutch meeting"; "the COP30 summit", which the series rule names
        if token.lower_ == "talks" and len(name_span) == 1 and any(r.kind in ("Place", "Country") for r in _known(ctx, name)) | (
            ctx.index(doc).entity_at(name_span.start) is not None and ctx.index(doc).entity_at(name_span.start).label_ in ("GPE", "LOC")
        ):
            continue  # "as Antalya talks head for overtime": talks somewhere, not a named event
        if token.lower_ in _ORDINAL_EVENT_NOUNS and token.text[0].isupper() and not any(_ORDINAL_WORD.fullmatch(t.text) for t in doc[i : min(i + 3, token.i)]):
            continue  # "National Assembly" is a parliament; "the Seventy-ninth World Health Assembly" a meeting
        event = doc[i : _topic_end(doc, token.i + 1) if token.text[0].isupper() else token.i + 1]
        extra = list(owner)
        rows = _known(ctx, name) if not owner else []
        if rows:
            # The meeting keeps the name as written ("NATO summit"); the group gets its full name.
            row = _best_row(rows)
            extra.append((name_span.start_char, name_span.end_char, row.label, row.kind))
        elif len(name_span) >= 2 and name_span[-1].lower_ in ORG_HEADS:
            extra.append((name_span.start_char, name_span.end_char, name, "Organization"))
        # "2025 Malawian general election" is also written without its year.
        short = doc[i + 1 : token.i + 1].text if re.fullmatch(r"(?:19|20)\d\d", doc[i].text) else ""
        out.append(Candidate(event.start_char, event.end_char, event.text, "Event", _EVENT_RULE, written=short, extra=extra))
    return out


_BODY_ENDS = word_set("mission-nouns.txt") | word_set("office-units.txt")


def _names_a_body_after(doc: Doc, i: int) -> bool:
    """Whether the lower-case words right after token i end in a noun of a body a group sends or
    sets up: 'election [observation mission]', 'summit [secretariat]'."""
    for j in range(i + 1, min(i + 4, len(doc))):
        token = doc[j]
        if not token.is_lower or token.pos_ not in ("NOUN", "ADJ"):
            return False
        if token.lower_ in _BODY_ENDS:
            return True
    return False


def _topic_end(doc: Doc, k: int) -> int:
    """Past 'on AMR', 'on Financing for Development' after a capitalised meeting's name ('the
    High-Level Meeting on AMR'): what it is about is part of its name. Where the name ends."""
    if k + 1 >= len(doc) or doc[k].lower_ not in ("on", "of") or doc[k].whitespace_ == "":
        return k
    j = k + 1
    while j < len(doc) and j - k <= 7 and doc[j].lower_ not in WEEKDAYS and doc[j].lower_ not in MONTHS and (
                                            _is_capitalised(doc[j]) or doc[j].text.isupper() and doc[j].is_alpha
                                            or doc[j].lower_ in ("and", "for", "of", "&") and j + 1 < len(doc) and _is_capitalised(doc[j + 1])):
        j += 1
    while j > k + 1 and doc[j - 1].lower_ in ("and", "for", "of", "&"):
        j -= 1
    return j if j > k + 1 and not doc[j - 1].is_sent_start else k


def _country_before_possessive(doc: Doc, j: int, ctx: ArticleContext) -> tuple[Span, str] | None:
    """The country named right before "'s" ending before token j ("Bolivia's"), and its label."""
    if j < 2 or doc[j - 1].text not in POSSESSIVE_MARKS:
        return None
    for width in (1, 2, 3):
        if j - 1 - width < 0:
            break
        span = doc[j - 1 - width : j - 1]
        rows = [r for r in _known(ctx, span.text) if r.kind == "Country"]
        if rows and span[0].text[:1].isupper():
            return span, rows[0].label
    return None


_ELECTION_NOUNS = frozenset({"election", "elections", "runoff", "referendum"})
# "presidential", "parliamentary": the kind of an election, between its name and the noun.
_ELECTION_KINDS = word_set("election-kinds.txt")
# Heads that name a meeting only with an ordinal: "the Seventy-ninth World Health Assembly", "the 7th Session".
_ORDINAL_EVENT_NOUNS = frozenset({"assembly", "session", "congress"})

#: Nouns of an outbreak named by its disease, in lower case only ("the COVID-19 pandemic"; the
#: "Pandemic Fund" is a body, left to the organization rules).
_OUTBREAK_NOUNS = frozenset({"pandemic", "epidemic"})


def _named_outbreak(doc: Doc, token: Token) -> bool:
    """'the COVID-19 pandemic', 'the H1N1 epidemic': the disease's code or name just before it."""
    return token.i > 0 and _event_name_token(doc[token.i - 1])
_ORDINAL_WORD = re.compile(
    r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth",
    re.IGNORECASE,
)


def _capitalised_event_start(doc: Doc, head: int) -> int:
    """Where the name before a capitalised meeting noun starts: over capitalised words, possessive
    marks ("Ministers'"), joiners between capitalised words ("Finance Ministers' and Central Bank
    Governors' Meeting") and an ordinal first ("29th", "Seventy-ninth")."""
    i = head
    while i > 0 and not doc[i].is_sent_start:
        prev = doc[i - 1]
        if re.fullmatch(r"[A-Z][\w+&.-]*", prev.text) and prev.lower_ not in _NOT_NAMES and prev.lower_ not in MONTHS and prev.lower_ not in WEEKDAYS:
            i -= 1
        elif prev.text in ("'", "’", "'s", "’s") and i >= 2 and not doc[i - 2].whitespace_:
            i -= 1
        elif prev.text in ("-", "‑") and not prev.whitespace_ and i >= 2 and not doc[i - 2].whitespace_ and _is_capitalised(doc[i - 2]):
            i -= 1  # "High-Level Meeting"
        elif prev.lower_ in ("and", "&", "of", "for", "on") and i - 1 > 0 and _is_capitalised(doc[i]) and (
            _is_capitalised(doc[i - 2]) or doc[i - 2].text in ("'", "’")
        ):
            i -= 1
        else:
            break
    while i < head and doc[i].lower_ in ("and", "&", "of", "for", "on"):
        i += 1
    if i > 0 and i < head and _ORDINAL_WORD.fullmatch(doc[i - 1].text) and not doc[i].is_sent_start:
        i -= 1
        if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and doc[i - 2].is_alpha:
            i -= 2  # "Seventy-ninth"
    return i


# "COP29", "Cop 31", "MC13", "WHA 77": a meeting of a series known by its code and number.
_SERIES = word_set("event-series.txt")
_SERIES_CODE = re.compile(r"\b(?P<code>[A-Za-z]{2,6})[ -]?(?P<number>\d{1,3})\b(?P<noun>(?:\s+[a-z]+)?\s+(?:summit|conference|meeting|assembly|session|talks))?")


def _series_code(name: str) -> bool:
    """Whether `name` is a series code and number alone: "WHA79", "COP 29"."""
    m = _SERIES_CODE.fullmatch(name)
    return m is not None and not m.group("noun") and m.group("code").casefold() in _SERIES


def _series_event_candidates(ctx: ArticleContext) -> list[Candidate]:
    """'the COP26 summit', 'Cop29 in Baku', 'MC13', 'the WHA 77 assembly': Events named by a series
    code and a number; the noun after the code, when any, is part of how the text names it."""
    out = []
    text = ctx.text[: ctx.body_end]
    for m in _SERIES_CODE.finditer(text):
        code = m.group("code")
        if code.casefold() not in _SERIES or not (code.isupper() or code.istitle()) or ctx.is_ignored(m.start()):
            continue
        name = text[m.start() : m.end("number")]
        out.append(Candidate(m.start(), m.end(), name, "Event", _EVENT_RULE, written="" if m.end() == m.end("number") else text[m.start() : m.end()]))
    return out


def _operation_candidates(doc: Doc, ctx: ArticleContext) -> list[Candidate]:
    """'Operation Tui Moana 2025', 'the EU's Operation Aspides': a named operation is an Event."""
    out = []
    for m in re.finditer(r"\bOperation\s+(?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*){0,3}(?:\s+\d{4}\b)?", ctx.text[: ctx.body_end]):
        if ctx.is_ignored(m.start()):
            continue
        out.append(Candidate(m.start(), m.end(), m.group(), "Event", _EVENT_RULE))
    return out


def _meeting_of(doc: Doc, noun: Token, ctx: ArticleContext) -> Candidate | None:
    """'the meeting of the Nordic Defence Group' -> Event 'Nordic Defence Group meeting'."""
    k = noun.i + 1
    if k >= len(doc) or doc[k].lower_ != "of":
        return None
    if noun.i > 0 and doc[noun.i - 1].lower_ in ("press", "news"):
        return None  # "the press conference of the Election Commission": an occasion, not a named event
    k += 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    j = k
    while j < len(doc) and _org_word(doc[j]) and (j == k or not doc[j].is_sent_start):
        j += 1
    if j - k < 2:
        return None
    group = doc[k:j]
    rows = [r for r in _known(ctx, group.text) if r.kind == "Organization"]
    if not rows and group[-1].lower_ not in ORG_HEADS:
        return None
    label = rows[0].label if rows else group.text
    first = noun.i - 1 if noun.i > 0 and _ORDINAL_WORD.fullmatch(doc[noun.i - 1].text) else noun.i
    span = doc[first:j]  # as written, with its ordinal: "the seventh session of the ISA Assembly"
    extra = [(group.start_char, group.end_char, label, "Organization")]
    return Candidate(span.start_char, span.end_char, f"{label} {noun.text}", "Event", _EVENT_RULE, written=span.text, extra=extra)


def _event_name_token(token: Token) -> bool:
    """A word of the name before 'meeting': capitalised proper noun, not a date word."""
    lower = token.lower_
    if re.fullmatch(r"[A-Z]+-?\d{1,2}|[A-Z]{2,}\+\d", token.text):
        return True  # "the G20 summit", "the ASEAN+3 meeting": a group named by letters and a number
    if not (_is_capitalised(token) and token.is_alpha) or lower in _NOT_NAMES or lower in MONTHS or lower in WEEKDAYS:
        return False
    return token.pos_ == "PROPN" or token.text.isupper()


_PAREN = re.compile(r"\s*\(([^()\n]{2,60})\)")


def _parenthetical_aliases(doc: Doc, ctx: ArticleContext) -> list[tuple[int, int, str]]:
    """Spans of '(…)' right after a capitalised name: 'X (Y format)', 'North … Organization (NATO)'.

    Returns (start, end, alias) with the alias text; what it names is settled once the
    entities before it are registered.
    """
    out = []
    dateline = find_dateline(ctx.text, ctx.body_end, ctx.headline)
    for m in _PAREN.finditer(ctx.text, 0, ctx.body_end):
        inner = m.group(1).strip()
        if _MANNER_SUFFIX.search(inner) or dateline is not None and dateline.place[1] <= m.start() < dateline.end:
            continue  # "DJIBOUTI (Reuters) —": who filed the story, not another name of the place
        before = trimmed_end(ctx.text, m.start())
        if not before or not inner[0].isupper() or any(c.isdigit() for c in inner) and not _series_code(inner):
            continue
        last = _word_ending_at(ctx.text, before)
        if not last or not (last[0].isupper() or last.casefold() in EVENT_NOUNS):
            continue
        words = inner.split()
        if "," in inner or _PARTY_STATE.fullmatch(inner) or len(words) > 4 or any(not (w[0].isupper() or w.islower() and w in ("format", "group", "for", "of")) for w in words):
            continue
        out.append((m.start(1), m.end(1), inner))
    return out


_WORD_CHAR = re.compile(r"[\w’'-]")


def _word_ending_at(text: str, i: int) -> str:
    """The run of word characters (letters, digits, apostrophes, hyphens) that ends at offset i."""
    k = i
    while k > 0 and _WORD_CHAR.match(text[k - 1]):
        k -= 1
    return text[k:i]


_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})


def _initials_of(alias: str, name: str) -> bool:
    """'AMLO' for 'Andrés Manuel López Obrador': the capitals of the name's words."""
    return alias.isupper() and len(alias) >= 2 and alias == "".join(w[0] for w in name.split() if w[:1].isupper())


def _attach_parenthetical_aliases(ctx: ArticleContext, spans: list[tuple[int, int, str]], doc_index) -> None:
    """'X (Y)': Y is another name of X. When the gazetteer knows Y, X is that entity."""
    for start, end, alias in spans:
        # The name right before the bracket: a mention ending where only spaces stand before "(".
        before = [m for m in ctx.mentions_ending(trimmed_end(ctx.text, start - 1), start - 1)
                  if ctx.text[m[1] : start].strip() == "("]
        if not before:
            continue
        s, e, key = before[-1]
        target = ctx.current_key(key)
        if ctx.entities[target].kind == "Event":
            # "the X Group meeting (Y format)": Y names the group; the meeting is "Y format meeting".
            inner = ctx.mentions(s, e, kinds=("Organization",))
            if inner:
                ctx.add_alias(target, alias if alias.casefold().endswith(" meeting") else f"{alias} meeting")
                target = ctx.current_key(inner[0][2])
        rows = _known(ctx, alias)
        if ctx.entities[target].kind == "Person" and not _initials_of(alias, ctx.entities[target].name):
            # "Carlos Roe (Unidad Popular)": after a person's name the brackets give the party or
            # body he stands for, not another name of his; a place or country there stays what it is.
            if rows:
                row = _best_row(rows)
                ctx.register(row.label, row.kind, start, end)
            elif not _PLACE_LABELS & {e.label_ for e in doc_index.entities_in(doc_index.token_at(start), doc_index.token_at(end - 1) + 1)}:
                ctx.register(alias, "Organization", start, end)
            continue
        if rows and _best_row(rows).kind == ctx.entities[target].kind:
            row = _best_row(rows)
            known = ctx.register(row.label, row.kind, start, end)
            ctx.add_alias(known, alias)
            ctx.merge(target, known)
        else:
            ctx.add_alias(target, alias)
            # "NSATU" registered on its own elsewhere in the text is the entity it abbreviates.
            for other in sorted(ctx.entities):
                entity = ctx.entities.get(other)
                if (
                    entity is not None
                    and other != ctx.current_key(target)
                    and entity.kind == ctx.entities[ctx.current_key(target)].kind
                    and normalise(entity.name) == normalise(alias)
                ):
                    ctx.merge(other, target)


# "Kyiv, Kharkiv and Zaporizhzhia oblasts": each name is a region, not the city of that name.
_REGION_LIST = re.compile(
    r"\b(?P<names>[A-Z][\w’'-]+(?:\s*,\s*[A-Z][\w’'-]+)*,?\s+(?:and|or)\s+[A-Z][\w’'-]+)\s+(?P<noun>oblasts|regions|provinces|districts|counties|prefectures)\b"
)
# The noun each place takes in its name; "" where news names the place alone ("Kasese and Bundibugyo
# districts": Kasese, Bundibugyo).
_REGION_NOUN = {"oblasts": "Oblast", "regions": "region", "provinces": "Province", "districts": "", "counties": "", "prefectures": ""}


def _coordinated_regions(doc: Doc, ctx: ArticleContext) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Places of a list that shares one plural region noun, and the spans of those lists."""
    out, spans = [], []
    for m in _REGION_LIST.finditer(ctx.doc_text(doc)):
        noun = _REGION_NOUN[m.group("noun")]
        names = list(re.finditer(r"[A-Z][\w’'-]+", m.group("names")))
        if any(n.group().casefold() in _NOT_NAMES for n in names):
            continue
        spans.append((m.start("names"), m.end("names")))
        for n in names:
            full = f"{n.group()} {noun}".strip()
            rows = [r for r in _known(ctx, full) if r.kind == "Place"]
            label = rows[0].label if rows else full
            out.append(Candidate(m.start("names") + n.start(), m.start("names") + n.end(), label, "Place", _GAZETTEER))
    return out, spans


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]?[A-Z0-9&]{0,8}[A-Z0-9])\)")


def _acronym_candidates(doc: Doc, ctx: ArticleContext) -> list[Candidate]:
    """'NATO Security Assistance and Training for Ukraine (NSATU)': the capitalised words whose
    initials spell the acronym in parentheses right after them are one name."""
    out = []
    for m in _ACRONYM.finditer(ctx.doc_text(doc)):
        letters = m.group(1).replace("&", "").casefold()
        before = doc.char_span(0, m.start(), alignment_mode="contract")
        if before is None or len(before) == 0:
            continue
        end = before.end  # tokens [j, end) may be the name
        while end > 0 and doc[end - 1].is_space:
            end -= 1
        initials = ""
        found = None
        j = end - 1
        while j >= 0 and end - j <= 12 and "\n" not in doc[j].text:
            token = doc[j]
            if token.text[:1].isupper() and token.is_alpha:
                initials = token.text[0].casefold() + initials
            elif token.lower_ not in _LOWER_JOINERS and token.text not in ("-", "‑"):
                break
            if len(initials) > len(letters):
                break
            if initials == letters and doc[j].text[:1].isupper():
                found = j
                break
            j -= 1
        if found is None or end - found < 2:
            continue
        span = doc[found:end]
        name, start, stop = _strip(span.text, span.start_char)
        if name.split()[-1].casefold() in TITLE_HEADS or name.split()[-1].casefold() in _OFFICE_HEADS:
            continue  # "the Resident Electoral Commissioner (REC)": a post's initials, not a body's
        rows = _known(ctx, name) or _known(ctx, m.group(1))
        if rows:
            row = _best_row(rows)
            out.append(Candidate(start, stop, row.label, row.kind, _EVENT_RULE, written="" if name == row.label else name))
        elif not _is_indicator(name):
            out.append(Candidate(start, stop, name, "Organization", _EVENT_RULE))
    return out


_CONTINENTS = word_set("continent-names.txt")
_CONTINENT_ACRONYM = re.compile(r"\b([A-Z][a-z]+) ([A-Z]{2,6})\b(?![-‑’'&]\w)")


def _continental_body_candidates(ctx: ArticleContext) -> list[Candidate]:
    """'Africa CDC said …': a continent's name right before an acronym is one body's name, not a
    place and another body; not after a capitalised word ('South Africa CDC' is no continent's)."""
    out = []
    for m in _CONTINENT_ACRONYM.finditer(ctx.text, 0, ctx.body_end):
        if m.group(1).casefold() not in _CONTINENTS or m.group(2).casefold() in CURRENCY_CODES or m.group(2) in _TIME_ZONES:
            continue
        before = ctx.text[: m.start()].rstrip(" ")
        if before and before[-1].isalpha() and _word_ending_at(ctx.text, len(before))[:1].isupper():
            continue
        out.append(Candidate(m.start(), m.end(), m.group(0), "Organization", _EVENT_RULE))
    return out


def _employer_candidates(doc: Doc, ctx: ArticleContext) -> list[Candidate]:
    """'an economist at ING', 'a senior analyst with UBS': a name in capital letters right after a
    lower-case noun only a person is and 'at'/'with' is where that person works, an organization.
    Only where NER read no name at all, and not a name the gazetteer knows (its own candidates
    say what that is); a name in ordinary case may be a place ('a doctor at Kampala')."""
    out = []
    index = ctx.index(doc)
    for token in doc:
        if token.pos_ != "NOUN" or not token.is_lower or token.lower_ not in _HUMAN_NOUNS or token.lower_ in _ALSO_BODIES:
            continue
        k = token.i + 1
        if k + 1 >= len(doc) or doc[k].lower_ not in ("at", "with"):
            continue
        first = k + 1
        end = first
        while end < len(doc) and not doc[end].is_space and (
            _is_capitalised(doc[end]) and (end == first or not doc[end].is_sent_start)
            or doc[end].text == "&" and end > first and end + 1 < len(doc) and _is_capitalised(doc[end + 1])
        ) and end - first < 6:
            end += 1
        if end == first or any(index.entity_at(j) is not None for j in range(first, end)):
            continue
        span = doc[first:end]
        name = span.text
        lead = doc[first].text
        if not (lead.isupper() and sum(c.isalpha() for c in lead) >= 2) or _known(ctx, name) or name.casefold() in _NOT_NAMES:
            continue  # a bank's or a firm's letters ("ING", "UBS"); "a doctor at Kampala" may be a place
        out.append(Candidate(span.start_char, span.end_char, name, "Organization", _NER))
    return out


# Last words of the names of economic measures: "Gross Domestic Product", "Consumer Price Index".
_INDICATOR_HEADS = word_set("indicator-heads.txt")


def _is_indicator(name: str) -> bool:
    """'Gross Fixed Capital Formation (GFCF)', 'Bank Rate': a measure written in title case, not a body."""
    words = name.split()
    return len(words) >= 2 and words[-1].casefold() in _INDICATOR_HEADS


_TERM_BEFORE = re.compile(r"((?:[a-z][a-z-]*\s+){1,8})\($")


def _term_acronyms(ctx: ArticleContext) -> set[str]:
    """Acronyms the text defines as a common noun phrase: "the maternal mortality ratio (MMR)",
    "antimicrobial resistance (AMR)", where the lower-case words right before the parenthesis
    spell it. Such an acronym names a measure or a thing, not an organization."""
    text = ctx.text[: ctx.body_end]
    out: set[str] = set()
    for m in _ACRONYM.finditer(text):
        acronym = m.group(1)
        letters = re.sub(r"[^A-Za-z]", "", acronym).casefold()
        before = _TERM_BEFORE.search(text, max(0, m.start() - 120), m.start() + 1)
        if before is None or not letters:
            continue
        words = before.group(1).split()
        initials = ""
        for word in reversed(words):
            initials = "".join(part[0] for part in word.split("-") if part) + initials
            if initials == letters:
                out.add(acronym)
                break
            if len(initials) >= len(letters):
                break
    return out


def _without_term_acronyms(ctx: ArticleContext, candidates: list[Candidate]) -> list[Candidate]:
    """No organization that is an acronym the text defines with lower-case words ("the infant
    mortality rate (IMR)"), unless the gazetteer knows it as a name."""
    terms = _term_acronyms(ctx)
    if not terms:
        return candidates
    return [c for c in candidates
            if not (c.kind == "Organization" and ctx.text[c.start : c.end] in terms and not _known(ctx, c.name))]


def _without_measures_and_post_parts(ctx: ArticleContext, candidates: list[Candidate]) -> list[Candidate]:
    """No organization that is a measure written in title case ("left Bank Rate at 4pc"), whatever
    rule found it, nor the staff a post is named after ("the Chief of the Naval Staff": a post,
    not a body the article names)."""
    out = []
    lower_words: set[str] | None = None
    for cand in candidates:
        if cand.kind == "Organization" and not _known(ctx, cand.name):
            if _is_indicator(cand.name):
                continue
            if cand.name.split()[-1] == "Staff" and _POST_OF.search(ctx.text, max(0, cand.start - 20), cand.start):
                continue
            if _opens_sentence(ctx.text, cand.start) and re.fullmatch(r"[A-Z][a-z]+", cand.name):
                # "Households receive a subsidy": a common word capitalised only because it opens
                # the sentence, as the article's own lower-case use of it shows
                if lower_words is None:
                    lower_words = set(re.findall(r"\b[a-z]+\b", ctx.text[: ctx.body_end]))
                if cand.name.lower() in lower_words:
                    continue
        out.append(cand)
    return out


#: A body named by a list of words: "Foreign, Commonwealth & Development Office" (its last word an
#: organization head, checked apart).
_LISTED_NAME = re.compile(r"\b[A-Z][a-z]+(?:, [A-Z][a-z]+)+,? (?:&|and) [A-Z][a-z]+(?: [A-Z][a-z]+)*")


def _with_listed_names(ctx: ArticleContext, candidates: list[Candidate]) -> list[Candidate]:
    """'From: Department of Health and Social Care and Foreign, Commonwealth & Development Office':
    the comma inside a body's name is no end of it. Each such name is one organization, and a
    name read across the 'and' before it ("… Social Care and Foreign") ends at that 'and'."""
    listed = [m for m in _LISTED_NAME.finditer(ctx.text, 0, ctx.body_end)
              if m.group().rsplit(" ", 1)[-1].casefold() in ORG_HEADS and not ctx.is_ignored(m.start())]
    if not listed:
        return candidates
    out = []
    for cand in candidates:
        m = next((m for m in listed if cand.start < m.end() and m.start() < cand.end), None)
        if m is None:
            out.append(cand)
            continue
        joint = re.search(r"(?:,| and| &)\s*$", ctx.text[cand.start : m.start()]) if cand.start < m.start() else None
        if cand.kind == "Organization" and joint is not None and len(ctx.text[cand.start : joint.start()].split()) >= 2:
            name = ctx.text[cand.start : cand.start + joint.start()]
            out.append(Candidate(cand.start, cand.start + joint.start(), name, "Organization", cand.source))
        # any other candidate across the listed name gives way to it
    for m in listed:
        rows = _known(ctx, m.group())
        if rows:
            row = _best_row(rows)
            out.append(Candidate(m.start(), m.end(), row.label, row.kind, _GAZETTEER, written="" if m.group() == row.label else m.group()))
        else:
            out.append(Candidate(m.start(), m.end(), m.group(), "Organization", _NER))
    return out


def _opens_sentence(text: str, start: int) -> bool:
    """True when only a line break, or the end of a sentence and spaces, come before `start`."""
    before = text[max(0, start - 3) : start]
    return start == 0 or before.endswith("\n") or bool(re.search(r"[.!?][\"”’)]?\s+$", text[max(0, start - 4) : start]))


#: A post named after a staff: "Chief of the", "Chiefs of", "Deputy Chief of the" just before the staff's name.
_POST_OF = re.compile(r"\b[Cc]hiefs? of (?:the )?$")


def _acronym_mentions(ctx: ArticleContext) -> None:
    """'the Ministry of New and Renewable Energy (MNRE)' … 'an officer in the MNRE': every later
    use of a body's initials, which NER may leave untagged, is a mention of that body."""
    acronyms: dict[str, str] = {}
    initials: dict[str, list[str]] = {}
    for key in sorted(ctx.entities):
        entity = ctx.entities[key]
        if entity.kind != "Organization":
            continue
        for alias in entity.aliases:
            if 2 <= len(alias) <= 10 and alias.isupper() and alias.isalpha():
                acronyms.setdefault(alias, entity.key)
        words = [w for w in re.findall(r"[\w’'-]+", entity.name) if w.casefold() not in _LOWER_JOINERS]
        if len(words) >= 3 and all(w[0].isupper() for w in words):
            initials.setdefault("".join(w[0] for w in words), []).append(entity.key)
    # "MNRE" with the "Ministry of New and Renewable Energy" named but never abbreviated: the body
    # whose capitalised words it spells, when exactly one does.
    for letters, keys in sorted(initials.items()):
        if len(keys) == 1 and letters not in acronyms and not _known(ctx, letters):
            acronyms[letters] = keys[0]
            alone = ctx.resolve(letters, "Organization")
            if alone is not None and alone != keys[0]:
                ctx.merge(alone, keys[0])  # "MNRE" tagged on its own
    if not acronyms:
        return
    taken = SpanIndex((s, e) for s, e, _ in ctx.mentions(0, ctx.body_end))
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in sorted(acronyms, key=lambda a: (-len(a), a))) + r")(?![\w-])")
    for m in pattern.finditer(ctx.text, 0, ctx.body_end):
        if taken.overlaps(m.start(), m.end()) or ctx.is_ignored(m.start()):
            continue
        key = ctx.current_key(acronyms[m.group(1)])
        if key in ctx.entities:
            ctx.add_alias(key, m.group(1))
            ctx.register(m.group(1), "Organization", m.start(), m.end())


def _persons_read_as_places(ctx: ArticleContext) -> None:
    """'Inês Cardoso, the Portuguese member of …' tagged a place, then '…, Cardoso said' a person: a
    full name of two or three capitalised words that no gazetteer knows and no place word ends,
    whose last word is a person the text names alone, is that person."""
    for key in sorted(ctx.entities):
        entity = ctx.entities.get(key)
        if entity is None or entity.kind != "Place":
            continue
        words = entity.name.split()
        if not 2 <= len(words) <= 3 or not all(re.fullmatch(r"[^\W\d_][^\W\d_'’-]*(?:-[^\W\d_]+)?", w) and w[:1].isupper() for w in words):
            continue
        if _known(ctx, entity.name) or _has_place_word(entity.name) or any(_known(ctx, w) for w in words):
            continue
        person = ctx.entities.get(ctx.resolve(words[-1], "Person") or "")
        if person is None or person.name != words[-1]:
            continue
        mentions = list(entity.mentions)
        ctx.drop(key)
        for anchor in mentions:
            ctx.register(entity.name, "Person", anchor.start, anchor.end)


_COUNTRY_BODY_WORDS = word_set("country-body-words.txt")


def _bodies_named_by_country(ctx: ArticleContext) -> None:
    """'Statistics Poland said …', 'Bank Indonesia', 'Health Canada': a "person" whose name is
    words that name a national body's field (country-body-words.txt) then a country the gazetteer
    knows is that country's body, an organization. A person's name ends on a family name, and no
    family name follows words like these."""
    for key in sorted(ctx.entities):
        entity = ctx.entities.get(key)
        if entity is None or entity.kind != "Person":
            continue
        words = entity.name.split()
        for n in range(min(3, len(words) - 1), 0, -1):
            if not all(w.casefold() in _COUNTRY_BODY_WORDS for w in words[:-n]):
                continue
            if any(r.kind == "Country" for r in _known(ctx, " ".join(words[-n:]))):
                mentions = list(entity.mentions)
                ctx.drop(key)
                for anchor in mentions:
                    ctx.register(entity.name, "Organization", anchor.start, anchor.end)
                break


def _merge_surnames(ctx: ArticleContext) -> None:
    """A one-word ORG/place that is a known person's surname ('…, Roe says' tagged ORG) is that person."""
    for key in sorted(ctx.entities):
        entity = ctx.entities.get(key)
        if entity is None or entity.kind == "Person" or len(entity.name.split()) != 1 or _known(ctx, entity.name):
            continue
        person = ctx.resolve(entity.name, "Person")
        if person is None:
            continue
        if len(ctx.entities[person].name.split()) == 1 and len(ctx.entities[person].mentions) <= len(entity.mentions):
            # One word tagged a person here and a place there ('Abuja'), no full name behind it: the
            # reading of most mentions wins, a tie the place's (news names people in full first).
            ctx.merge(person, key)
        else:
            ctx.merge(key, person)


_DISEASE_WORDS = word_set("disease-words.txt")
_DISEASE_NAMES = word_set("disease-names.txt")
_NEXT_LOWER_WORD = re.compile(r"[ \t]+([a-z]+)\b")


def _without_disease_names(ctx: ArticleContext) -> None:
    """'Marburg virus disease', '2. Cholera - Sudan': a name that is a disease's (data/disease-names.txt),
    or that the text writes before 'virus', 'disease', 'fever' (data/disease-words.txt), names the
    disease, not a place, body or person. Countries stay ('the Uganda outbreak' is not a disease)."""
    for key in sorted(ctx.entities):
        entity = ctx.entities.get(key)
        if entity is None or entity.kind in ("Country", "Event"):
            continue
        first = normalise(entity.name.split(" - ")[0])
        # "Human Papillomavirus", "Rotavirus": a virus's name
        named = first in _DISEASE_NAMES or (bool(first) and first.split()[-1].endswith("virus"))
        before_word = any(
            (word := _NEXT_LOWER_WORD.match(ctx.text, a.end)) is not None and word.group(1) in _DISEASE_WORDS
            for a in entity.mentions
        )
        if named or (before_word and not any(r.kind == "Country" for r in _known(ctx, entity.name))):
            ctx.drop(key)


#: Posts held of a territory: the name after "governor of" is a place.
_JURISDICTION_HEADS = frozenset({"governor", "mayor", "premier", "prefect", "governorship", "mayoralty"})
_STORM_WORDS = word_set("storm-words.txt")
_CAPITAL_CITIES = word_set("capital-cities.txt")
_TITLE_ABBREVIATIONS = frozenset(word_map("title-abbreviations.tsv", "abbreviation", "title"))
_BODY_LAST_WORDS = ORG_HEADS | _COMPANY_WORDS | word_set("outlet-words.txt")


def _merge_person_organizations(ctx: ArticleContext) -> None:
    """'figures released by Stats NZ' and then 'According to Stats NZ, …' read as a person: a name of
    several words registered both as a person and as an organization is one of them, the reading
    of most of its mentions; a tie is the organization's when a word is an acronym ('NZ') or the last
    word a body's or an outlet's ('Wire'), which no person's name has, and is left alone otherwise."""
    organizations = {normalise(e.name): e.key for e in ctx.entities.values() if e.kind == "Organization"}
    for key in sorted(ctx.entities):
        entity = ctx.entities.get(key)
        if entity is None or entity.kind != "Person" or len(entity.name.split()) < 2:
            continue
        other = organizations.get(normalise(entity.name))
        if other is None or other not in ctx.entities:
            continue
        mine, theirs = len(entity.mentions), len(ctx.entities[other].mentions)
        words = entity.name.split()
        # an acronym ('NZ') or a body's last word ('… Wire', '… Holdings') no person's name has
        body_shaped = any(len(w) > 1 and w.isupper() for w in words) or words[-1].casefold() in _BODY_LAST_WORDS
        if mine < theirs or (mine == theirs and body_shaped):
            ctx.merge(key, other)
        elif mine > theirs:
            ctx.merge(other, key)


def _merge_organization_short_names(ctx: ArticleContext) -> None:
    """'said Kestrel's head of research' after 'consultancy Kestrel Energy Analytics': a one-word
    person that is no word of a known person's full name but the first word of exactly one
    organization's name of several words is that organization, written short."""
    full_words = {name_key(w) for e in ctx.entities.values() if e.kind == "Person" and len(e.name.split()) > 1 for w in e.name.split()}
    for key in sorted(ctx.entities):
        entity = ctx.entities.get(key)
        if entity is None or entity.kind != "Person" or len(entity.name.split()) != 1 or name_key(entity.name) in full_words:
            continue
        orgs = [
            e.key
            for e in ctx.entities.values()
            if e.kind == "Organization" and len(e.name.split()) > 1 and e.name.split()[0] == entity.name
        ]
        if len(orgs) == 1:
            ctx.merge(key, orgs[0])


def _merge_family_names(ctx: ArticleContext) -> None:
    """'Governor Han' after 'Han Seung-woo', 'Minister Hasegawa' after 'Hasegawa Ryoichi': a one-word
    person that is the first word of exactly one full name (and the last word of none) is that
    person, whose family name is written first."""
    for key in sorted(ctx.entities):
        entity = ctx.entities.get(key)
        if entity is None or entity.kind != "Person" or len(entity.name.split()) != 1:
            continue
        full = _family_name_of(ctx, entity.name)
        if full is not None:
            ctx.merge(key, full)


def _surname_mentions(doc: Doc, ctx: ArticleContext) -> None:
    """'Roe said …' after 'Jane Roe': a surname alone NER did not tag is still a mention of her."""
    # By spelling-independent key: "Syrskyi" after "Oleksandr Syrsky" is the same surname.
    surnames: dict[str, list[str]] = {}
    for entity in ctx.entities.values():
        if entity.kind == "Person" and len(entity.name.split()) > 1:
            surnames.setdefault(name_key(entity.name.split()[-1]), []).append(entity.key)
    if not surnames:
        return
    taken = SpanIndex((s, e) for s, e, _ in ctx.mentions(0, ctx.body_end))
    for token in doc:
        # A name token is capitalised: lower-case words are ruled out before their spelling key is made.
        if len(token.text) < 3 or not token.text[0].isupper():
            continue
        keys = surnames.get(name_key(token.text))
        if not keys or len(keys) != 1 or not is_name_token(token):
            continue
        start, end = token.idx, token.idx + len(token)
        if taken.overlaps(start, end):
            continue
        ctx.register(token.text, "Person", start, end)


def _merge_bare_organizations(ctx: ArticleContext) -> None:
    """'Ministry of Defence' written alone is the one 'Ministry of Defence of Latvia' named elsewhere;
    'Ministry of Health' the one 'Union Ministry of Health and Family Welfare'; a one-word name the
    one longer name it ends ('a Commission spokesperson' after 'the European Commission')."""
    orgs = sorted(e.key for e in ctx.entities.values() if e.kind == "Organization")
    for key in orgs:
        entity = ctx.entities.get(key)
        if entity is None:
            continue
        bare = normalise(entity.name)
        ministry = bare.startswith(("ministry of ", "department of "))
        fuller = [
            e.key
            for e in ctx.entities.values()
            if e.kind == "Organization"
            and e.key != key
            and (
                normalise(e.name).startswith(bare + " of ")
                or ministry and f" {bare} " in f" {normalise(e.name)} " and len(normalise(e.name)) > len(bare)
                or " " not in bare and normalise(e.name).endswith(" " + bare)
            )
        ]
        if len(fuller) == 1:
            ctx.merge(key, fuller[0])


#: Heads of a post held of a body ("head of", "chief executive of", "founder of").
_BODY_POST_HEADS = frozenset({"head", "chief", "ceo", "chair", "chairman", "chairwoman", "chairperson", "director", "president", "founder", "co-founder", "executive", "owner", "boss", "manager"})


def _post_of_described_body(ent: Span) -> bool:
    """'the head of developer Kestrel Wind', 'chief executive of state-owned lender Banco Sur': a name
    after a post's 'of' and lower-case words saying what kind of thing it is names a body: one heads
    a body, not a person. Not when a word is itself a person's ('the chief of staff of senator Jo Roe')."""
    doc = ent.doc
    j = ent.start - 1
    if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in _BODY_POST_HEADS and doc[j - 1].is_lower and not (
        ent.end < len(doc) and doc[ent.end].text in POSSESSIVE_MARKS
    ):
        return True  # "Jane Roe, chief executive of Acme Rail, said": a post in lower case, of a body ("of Jane Roe's campaign" aside)
    if j < 2 or doc[j].tag_ != "NN" or not doc[j].is_lower:
        return False
    while j >= 0 and j > ent.start - 6 and (doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ", "VERB") or doc[j].text in ("-", "–")):
        if doc[j].lower_ in TITLE_HEADS or doc[j].lower_ in _OFFICE_HEADS or _human_noun(doc[j]):
            return False
        j -= 1
    return j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in _BODY_POST_HEADS


def _where_people_work(ent: Span) -> bool:
    """Whether the name follows a lower-case noun only people are and 'at' or 'with': "analysts at
    Morgan Stanley", "an economist with Capital Economics" name where they work, not a person."""
    doc = ent.doc
    i = ent.start
    if i < 2 or doc[i - 1].lower_ not in ("at", "with") or doc[i - 1].is_sent_start:
        return False
    noun = doc[i - 2]
    return (noun.is_lower or noun.is_sent_start) and _human_noun(noun) and noun.lower_.rstrip("s") not in _RELATION_NOUNS


#: Person nouns that say whom someone stands to, not what they do: "a colleague with Jane Roe".
_RELATION_NOUNS = frozenset({"colleague", "counterpart", "predecessor", "successor"})


def _field_after_a_holders_post(doc: Doc, i: int) -> bool:
    """Whether the words from token i follow a person's name, a comma, a post and a comma: "Dr Jane
    Roe, Director, Emergency Preparedness; …", "Jan Doe, Head, Media Relations": they say what the
    post covers. A post set off by commas after a name is that person's, so the words after it are
    not another holder's name ("the Air Force spokesperson, Jane Roe, said" has no name before its post)."""
    if i < 4 or doc[i - 1].text != ",":
        return False
    j = i - 2
    titled = False
    while j > 0 and i - j <= 8 and doc[j].text != ",":
        token = doc[j]
        if token.is_sent_start or not (_is_capitalised(token) or token.lower_ in ("of", "for", "the", "and", "&")):
            return False
        titled = titled or token.lower_ in TITLE_HEADS or token.lower_ in _OFFICE_HEADS or is_title_word(token.text)
        j -= 1
    if not titled or j < 1 or doc[j].text != ",":
        return False
    k = j - 1
    if not _is_capitalised(doc[k]):
        return False
    if doc[k].ent_type_ == "PERSON":
        return True
    while k > 0 and j - k <= 4 and _is_capitalised(doc[k]):
        k -= 1
        if _is_honorific(doc[k]):
            return True  # "Dr Ama Owusu, Director, …" (the name read as a body's)
    return False


def _field_between_post_and_name(ent: Span) -> bool:
    """'Director General, Family Welfare, Dr. Jane Roe', 'Secretary, Rural Affairs, Shri Jan Doe': words
    between a post's title and its holder's name, set off by commas, say what the post covers. No
    person's name is followed by a comma and another person's name with a form of address.
    (Without one, "the Director, Mark Field, Jane Roe and …" may be a list of people: left as it is.)"""
    doc = ent.doc
    i, j = ent.start, ent.end
    if i < 2 or j + 2 >= len(doc) or doc[i - 1].text != "," or doc[j].text != ",":
        return False
    if doc[i - 2].lower_ not in TITLE_HEADS and not is_title_word(doc[i - 2].text):
        return False
    after = doc[j + 1]
    return _is_honorific(after) and doc[j + 2].text[:1].isupper()


# Capitals written for their country's government: "the Foreign Ministry in Beijing" is China's.
_CAPITALS = word_map("coalition-capitals.tsv", "capital", "country")
_IN_CAPITAL = re.compile(r"\s+in\s+([A-Z][a-z]+)\b")


def _with_capital_owner(ctx: ArticleContext, cand: Candidate) -> Candidate:
    """'the Defense Ministry in Vienna': a ministry written without its country but placed in a
    capital is that country's ('Ministry of Defense of Austria'); the words as written, capital
    included, are the name the article gives it."""
    if cand.kind != "Organization" or not re.fullmatch(r"Ministry of [A-Z][\w-]*(?: (?:and )?[A-Z][\w-]*)*", cand.name):
        return cand
    m = _IN_CAPITAL.match(ctx.text, cand.end)
    country = _CAPITALS.get(m.group(1)) if m else None
    if country is None or not ctx.gazetteer.lookup(country, "Country"):
        return cand
    written = f"{cand.written or ctx.text[cand.start : cand.end]}{m.group(0)}"
    return dataclasses.replace(cand, name=f"{cand.name} of {with_article(country)}", written=" ".join(written.split()))


def _owner_written(alias: str, name: str) -> bool:
    """Whether `alias` is the article's wording of the ministry `name` built with its owner: 'German
    Defense Ministry' for 'Ministry of Defense of Germany', 'Defense Ministry in Vienna' for 'Ministry
    of Defense of Austria'."""
    words = alias.split()
    if words[0].casefold() in demonyms():
        return ministry_form(alias) == name
    m = re.fullmatch(r"(.+?) in ([A-Z][a-z]+)", alias)
    country = _CAPITALS.get(m.group(2)) if m else None
    return country is not None and f"{ministry_form(m.group(1))} of {with_article(country)}" == name


# "the Organization of American States' observer mission", "the EU's election observation mission":
# a body an organization sends, named by its owner's possessive, one to three words of its kind
# (data/mission-kinds.txt), then the noun of such a body (data/mission-nouns.txt).
_MISSION_KINDS = word_set("mission-kinds.txt")
_SENT_BODY = re.compile(r"(?:[’']s|[’'])\s+((?:[a-z][a-z-]+\s+){1,3}?)(" + "|".join(sorted(_BODY_ENDS & word_set("mission-nouns.txt"))) + r")\b")


def _sent_bodies(ctx: ArticleContext) -> None:
    """'The Organization of American States' observer mission … the mission said': the body an
    organization sends is an organization of its own, named as the article writes it (so 'the
    mission' can refer to it), with the organization a mention of its own inside it."""
    for start, end, key in ctx.mentions(0, ctx.body_end, kinds=("Organization",)):
        m = _SENT_BODY.match(ctx.text, end)
        if m is None or not all(w in _MISSION_KINDS for w in m.group(1).split()):
            continue
        if ctx.mentions(end, m.end(), kinds=("Person", "Organization", "Country", "Place")):
            continue
        name = " ".join(ctx.text[start : m.end()].split())
        ctx.register(name, "Organization", start, m.end())


def published_names(ctx: ArticleContext) -> None:
    """A ministry whose name was built from the article's wording, in one word order and with the
    country its adjective or capital names ('Ministry of Defense of Germany' for 'the German Defense
    Ministry', 'Ministry of Transport' for 'the Transport Ministry', 'Ministry of Defense of Austria' for
    'the Defense Ministry in Vienna'), is published under the fullest of those wordings when the built
    name is neither written in the article nor a gazetteer label; the built name stays one of its
    alternate names. A form without the owner the built name has ('the Ministry of Defence' for
    'Ministry of Defence of Latvia') or with a possessive ('Latvia's Defence Ministry') is not the
    body's whole name and leaves the built one in place: nothing is made up, no owner dropped."""
    folded = " ".join(ctx.text.split()).casefold()
    for entity in ctx.entities.values():
        if entity.kind != "Organization" or not entity.aliases:
            continue
        if entity.name.casefold() in folded or ctx.gazetteer.lookup(entity.name, "Organization"):
            continue
        written = [
            a
            for a in entity.aliases
            if (_owner_written(a, entity.name) or ministry_form(a) == entity.name) and a.casefold() in folded
        ]
        if not written:
            continue
        best = max(written, key=lambda a: (len(a.split()), len(a), a))
        entity.aliases = [entity.name, *(a for a in entity.aliases if a != best)]
        entity.name = best


_ACTIVITY_NOUNS = word_set("activity-nouns.txt")
#: Words that introduce examples of the noun before them: "indications, such as …", "products like …".
_EXAMPLE_WORDS = frozenset({"as", "like", "including"})


def _names_never_of_persons(doc: Doc, ctx: ArticleContext) -> None:
    """A name NER took for a person's that the text never treats as one, and at least once treats
    as a thing's, is that thing. What says a person: a title, a form of address or an occupation
    before the name, a verb of saying it is the subject of, a post or 'who' after it, the gazetteer
    (a surname written alone is a mention like any other: "Roe said" speaks for a person). What says a thing: 'the' right before the whole name ("the
    Blue Harbor List"), a common noun of things it is in apposition to ("the exercise Blue
    Harbor": an event; "the consultancy …": a body), being an example of a common noun listed with
    common nouns of things ("foods such as Tarvos Gold and blue cheese": none of the graph's kinds
    of name, dropped), or a verb's place preposition before it ("spoke at Lumen House", "is run
    from Tarvos": a place). With no evidence either way, or evidence both ways, the person stays."""
    index = ctx.index(doc)
    for key in sorted(ctx.entities):
        entity = ctx.entities.get(key)
        if entity is None or entity.kind != "Person" or _known(ctx, entity.name):
            continue
        spans = _mention_spans(doc, index, entity)
        if not spans or any(_said_of_a_person(span) for span in spans):
            continue
        kinds = [k for k in (_thing_kind(span) for span in spans) if k is not None]
        if not kinds:
            continue
        kind = min(kinds, key=lambda k: ("Event", "Organization", "", "Place").index(k))
        mentions = list(entity.mentions)
        ctx.drop(key)
        if kind:
            for anchor in mentions:
                ctx.register(entity.name, kind, anchor.start, anchor.end)


def _mention_spans(doc: Doc, index: DocIndex, entity: Entity) -> list[Span]:
    """The entity's mentions as spans of `doc` (those that start on a token of it)."""
    spans = []
    for anchor in entity.mentions:
        if anchor.end > len(index.text):
            continue
        a, b = index.token_at(anchor.start), index.token_at(anchor.end - 1) + 1
        if a < b and doc[a].idx == anchor.start:
            spans.append(doc[a:b])
    return spans


def _said_of_a_person(span: Span, speech: bool = True) -> bool:
    """Whether the words around this mention say it names a person (see `_names_never_of_persons`);
    with `speech` False, being the subject of a verb of saying is not enough (bodies speak too)."""
    doc = span.doc
    before = _previous_word(doc, span.start)
    if before is None and span.start >= 2 and doc[span.start - 1].text == "." and not doc[span.start - 2].whitespace_:
        before = doc[span.start - 2]  # "Hon. Jane Roe": the parser ended a sentence at the period
    if before is not None and (
        _is_honorific(before) or is_title_word(before.text) or before.lower_ in _PERSON_BEFORE
        or before.lower_ in TITLE_HEADS or before.lower_ in _POST_NOUNS or _human_noun(before) or _took_over_from(doc, span.start)
    ):
        return True
    last = span[-1]
    if speech and last.dep_ in ("nsubj", "nsubjpass") and last.head.lemma_.casefold() in SPEECH_VERBS:
        return True
    for child in last.children:
        if child.i >= span.end and child.dep_ in ("appos", "relcl") and (
            child.lower_ in TITLE_HEADS or child.lower_ in _OFFICE_HEADS or child.lower_ in _POST_NOUNS or _human_noun(child)
            or child.dep_ == "relcl" and any(t.lower_ == "who" for t in child.children)
        ):
            return True
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ == "who":
        return True
    if last.dep_ == "poss" and (last.head.lower_ in TITLE_HEADS or last.head.lower_ in _POST_NOUNS or _human_noun(last.head)):
        return True  # "Roe's spokesperson", "Roe's deputy"
    return False


def _persons_referred_to_as_things(doc: Doc, ctx: ArticleContext) -> None:
    """A "person" the text refers back to as a thing is a body: "Venture Crest said its Calcasieu
    terminal loaded 11 cargoes", "Kestrel Rowe, which runs the plant, …" ('its' and 'which' are
    said of things, 'his', 'her' and 'who' of people). Unless some mention says it is a person
    (a title, a form of address, a post in apposition, 'who', 'his' or 'her'), it is an organization.
    A one-word name written once with nothing around it that says a person is left out (abstain):
    whether "Cheniere's terminal" is a company's or "moored at Naha" a port's, the text does not say."""
    index = ctx.index(doc)
    for key in sorted(ctx.entities):
        entity = ctx.entities.get(key)
        if entity is None or entity.kind != "Person" or _known(ctx, entity.name):
            continue
        spans = _mention_spans(doc, index, entity)
        referred = [_referred_to_as(span) for span in spans]
        if "person" in referred or any(_said_of_a_person(span, speech=False) for span in spans):
            continue
        thing = "thing" in referred
        if not thing and not _one_word_said_nothing_of(entity.name, spans, ctx):
            continue
        mentions = list(entity.mentions)
        ctx.drop(key)
        if thing:  # a body, by the pronoun; a lone word said nothing of is no kind of name we can tell: left out
            for anchor in mentions:
                ctx.register(entity.name, "Organization", anchor.start, anchor.end)


def _one_word_said_nothing_of(name: str, spans: list[Span], ctx: ArticleContext) -> bool:
    """A one-word name written once, that no full name in the text ends with, with nothing around it
    that says a person (no title, no verb of saying it is the subject of): "Cheniere's terminal",
    "Kpler tracked 39 cargoes". News names a person in full, or by a surname after the full name."""
    return len(spans) == 1 and len(name.split()) == 1 and not _said_of_a_person(spans[0])


_PERSONAL_POSSESSIVES = frozenset({"his", "her"})


def _referred_to_as(span: Span) -> str | None:
    """'thing' when the clause this mention is the subject of goes on with 'its' before any other
    subject ("… said its terminal …"), or a 'which' clause follows the name; 'person' for 'his' or
    'her' there, or a 'who' clause; else None."""
    doc = span.doc
    last = span[-1]
    for child in last.children:
        if child.dep_ == "relcl" and child.i > last.i:
            pronoun = next((t.lower_ for t in child.children if t.lower_ in ("which", "who") and t.i < child.i), None)
            if pronoun is not None:
                return "thing" if pronoun == "which" else "person"
    if last.dep_ not in ("nsubj", "nsubjpass") or last.head.i < last.i:
        return None
    verb = last.head
    for token in doc[verb.i + 1 : min(len(doc), verb.i + 12)]:
        if token.is_sent_start or token.dep_ in ("nsubj", "nsubjpass") or token.text in ("“", "\"", ";", ":"):
            return None  # another clause's subject, another sentence, a quotation: the pronoun is not about it
        if token.tag_ == "PRP$":
            lower = token.lower_
            return "thing" if lower == "its" else "person" if lower in _PERSONAL_POSSESSIVES else None
    return None


def _thing_noun(token: Token) -> bool:
    """A lower-case common noun that no person is: not an occupation, a post or a title."""
    lower = token.lower_
    return (
        token.pos_ == "NOUN" and token.text.islower() and not _human_noun(token)
        and lower not in TITLE_HEADS and lower not in _OFFICE_HEADS and lower not in _POST_NOUNS and lower not in _PERSON_BEFORE
    )


def _kind_of_noun(token: Token) -> str:
    """The kind of name a common noun says a name is: '' when it is none of the graph's kinds."""
    lower, lemma = token.lower_, token.lemma_.casefold()
    if lower in _ACTIVITY_NOUNS or lower in EVENT_NOUNS or lemma in EVENT_NOUNS:
        return "Event"
    if lower in _PLACE_NOUNS or lemma in _PLACE_NOUNS:
        return "Place"
    if lower in ORG_HEADS or lower in BODY_DESCRIPTORS or lemma in ORG_HEADS or lemma in BODY_DESCRIPTORS:
        return "Organization"
    return ""


def _thing_kind(span: Span) -> str | None:
    """The kind of thing the words around this mention say it names ('' for none of the graph's
    kinds), or None when they say nothing of it (see `_names_never_of_persons`)."""
    doc = span.doc
    last = span[-1]
    # "the exercise Blue Harbor": in apposition to a common noun of a kind of name right before it
    # (not "… minister for the environment, Jane Roe": a comma sets off the holder of a post; not
    # "the striker Jane Roe": a noun of no kind of name says nothing)
    if last.dep_ == "appos" and last.head.i == span.start - 1 and _thing_noun(last.head) and _kind_of_noun(last.head):
        return _kind_of_noun(last.head)
    # "foods, such as Tarvos Gold, Brie and blue cheese": an example of a common noun, listed with
    # a common noun of things (not "players such as Jane Roe and Jan Doe")
    first = last
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if (
        first.dep_ == "pobj" and first.head.lower_ in _EXAMPLE_WORDS and first.head.head.i < first.head.i
        and _thing_noun(first.head.head) and any(_thing_noun(other) for other in first.conjuncts)
    ):
        return ""
    # "the Blue Harbor List": 'the' before the whole name (not "the Roe administration")
    if span.start > 0 and doc[span.start - 1].lower_ == "the" and last.dep_ not in ("compound", "amod", "nmod"):
        return "Organization"
    # "held talks in Tarvos", "spoke at Lumen House", "is commanded from Tarvos": a verb's place
    # preposition ('at' and 'from' only after a verb of saying or a passive one: not "lashed out at
    # Roe", "took over from Roe", "heard from Roe")
    if first.dep_ == "pobj" and first.head.head.pos_ in ("VERB", "AUX"):
        preposition, verb = first.head, first.head.head
        if preposition.lower_ in _PLACE_PREPOSITIONS or preposition.lower_ in ("at", "from") and (
            verb.lemma_.casefold() in SPEECH_VERBS or any(t.dep_ == "auxpass" for t in verb.children)
        ):
            return "Place"
    return None
