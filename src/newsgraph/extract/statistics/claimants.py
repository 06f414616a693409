"""Who a number is about and who claims it: the subject of its clause (a country, by name or by
adjective), and the speaker of the quote or reported clause it stands in, else the person (or
organization) a verb of saying in its sentence names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.context import ArticleContext
from newsgraph.extract.lexicon import OBJECT_PRONOUNS, PERSON_PRONOUNS, SPEECH_VERBS
from newsgraph.extract.statistics.document import PRONOUNS, doc_text, governor, index, joined, person_cache, sentence_bounds
from newsgraph.extract.statistics.numbers import Phrase
from newsgraph.text import line_start


# --------------------------------------------------------------------------- subject


def _country_named_by(ctx: ArticleContext, token: Token) -> str | None:
    """The country a name or nationality adjective names: a country's name is registered in the
    context; an adjective alone ("Russian forces") finds only a country the article names."""
    span = _entity_span(token)
    name = span.text if span is not None and span.label_ == "GPE" else token.text
    if ctx.gazetteer.lookup(name, "Country"):
        start, end = (span.start_char, span.end_char) if span is not None and span.label_ == "GPE" else (
            token.idx, token.idx + len(token.text))
        return ctx.register_country(name, start, end)
    return ctx.country_of_demonym(token.text)


def _entity_span(token: Token) -> Span | None:
    return index(token.doc).entity_at(token.i)


def subject_of(doc: Doc, ctx: ArticleContext, p: Phrase, noun: tuple[int, int] | None) -> str | None:
    """Who did the counted thing: the subject of the clause, or its possessor ('Ukraine's forces')."""
    token = doc[noun[1] - 1] if noun is not None else doc[p.start]
    verb = governor(token)
    candidates = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not candidates and verb.dep_ in ("conj", "xcomp") and verb.head != verb:
        candidates = [c for c in verb.head.children if c.dep_ == "nsubj"]
    for subj in candidates:
        if subj.lower_ in PRONOUNS:
            return _last_country_before(doc, ctx, subj)
        key = _country_named_by(ctx, subj)
        if key is not None:
            return key
        for c in subj.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                key = _country_named_by(ctx, c)
                if key is not None:
                    return key
    return None


def _last_country_before(doc: Doc, ctx: ArticleContext, token: Token) -> str | None:
    """'it'/'they' refer back to the last country that was a subject in the same paragraph."""
    paragraph = line_start(doc_text(doc), token.idx)
    for t in reversed(doc[: token.i]):
        if t.idx < paragraph:
            break
        if t.dep_ == "nsubj" and t.ent_type_ == "GPE":
            return _country_named_by(ctx, t)
    return None


# --------------------------------------------------------------------------- claimant


def claimant_of(doc: Doc, ctx: ArticleContext, offset: int) -> str | None:
    """Who claims the number: the speaker of the quote or reported clause it stands in,
    else the person of a verb of saying in its sentence, else (reported speech running on)
    the one who claimed the sentence before it in the same paragraph."""
    speaker = ctx.speaker_at(offset)
    if speaker is not None:
        return speaker
    token = doc[index(doc).token_at(offset)]
    start, end = sentence_bounds(doc, token)
    found = _sayer(doc, ctx, start, end)
    if found is not None:
        return found
    if _attributed(doc, start, end):
        return None  # "…, the General Staff reported": said by someone who is not a person
    if start > 0 and joined(doc, start) and doc[start].lower_ not in ('"', "“"):
        prev = doc[start - 1]
        if prev.pos_ != "SPACE":
            p_start, p_end = sentence_bounds(doc, prev)
            return ctx.speaker_at(doc[p_start].idx) or _sayer(doc, ctx, p_start, p_end, reported_only=True)
    return None


def _sayer(doc: Doc, ctx: ArticleContext, start: int, end: int, reported_only: bool = False) -> str | None:
    """Who speaks through a verb of saying in tokens [start, end): 'X said', 'X stated that', 'according to X'.

    A person is preferred; an organization named as the speaker is taken when no person is.
    """
    for t in doc[start:end]:
        people: list[Token] = []
        if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS:
            if reported_only and not any(c.dep_ == "ccomp" for c in t.children):
                continue
            people = [c for c in t.children if c.dep_ == "nsubj"]
        elif t.lower_ == "according" and t.i + 1 < end and doc[t.i + 1].lower_ == "to":
            people = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
        people += [a for person in people for a in person.children if a.dep_ == "appos"]
        for person in people:
            key = _person_key(doc, ctx, person)
            if key is not None:
                return key
        # "the General Staff said", "according to the Ministry of Defence": an organization speaks.
        for sayer in people:
            key = _organization_key(ctx, sayer)
            if key is not None:
                return key
        if not people and t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS:
            key = _name_before(doc, ctx, t.i, start)
            if key is not None:
                return key
    return None


def _name_before(doc: Doc, ctx: ArticleContext, i: int, start: int) -> str | None:
    """A person named right before a verb the parser gave no subject: "…, Oleksandr Petrenko, said"."""
    k = i - 1
    if k >= start and doc[k].text == ",":
        k -= 1
    end = k + 1
    while k >= start and end - k <= 4 and doc[k].is_alpha and doc[k].text[:1].isupper():
        k -= 1
    for first in range(k + 1, end):
        key = _cached_person(doc, ctx, doc[first:end].text)
        if key is not None:
            return key
    return None


def _cached_person(doc: Doc, ctx: ArticleContext, name: str) -> str | None:
    cache = person_cache(doc)
    if name not in cache:
        cache[name] = ctx.resolve(name, "Person")
    return cache[name]


def _attributed(doc: Doc, start: int, end: int) -> bool:
    """True when tokens [start, end) say who says them: a verb of saying with a subject, or 'according to'."""
    for t in doc[start:end]:
        if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return True
        if t.lower_ == "according" and t.i + 1 < end and doc[t.i + 1].lower_ == "to":
            return True
    return False


def _person_key(doc: Doc, ctx: ArticleContext, token: Token) -> str | None:
    if token.lower_ in PERSON_PRONOUNS or (token.lower_ in OBJECT_PRONOUNS and token.dep_ == "pobj"):
        # "he said", "according to him": the person named last before
        return _last_person_before(ctx, token.idx)
    span = _entity_span(token)
    names = [span.text] if span is not None and span.label_ == "PERSON" else []
    subtree = doc[token.left_edge.i : token.i + 1]
    names += [subtree.text, token.text]
    for name in names:
        key = _cached_person(doc, ctx, name)
        if key is not None:
            return key
    return None


def _organization_key(ctx: ArticleContext, token: Token) -> str | None:
    """The registered organization whose mention is this noun phrase's head: 'Ukraine's General Staff'."""
    right = token.right_edge
    start, end = token.left_edge.idx, right.idx + len(right)
    for m_start, m_end, key in reversed(ctx.mentions(start, end, ("Organization",))):
        if m_start <= token.idx < m_end:
            return key
    return None


def _last_person_before(ctx: ArticleContext, offset: int) -> str | None:
    best: tuple[int, str] | None = None
    for entity in ctx.entities.values():
        if entity.kind != "Person":
            continue
        for m in entity.mentions:
            if m.start < offset and (best is None or m.start > best[0]):
                best = (m.start, entity.key)
    return best[1] if best else None
