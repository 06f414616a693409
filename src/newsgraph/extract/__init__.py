"""The extractor: article text in, `Record` out.

Steps, in order, all sharing one `ArticleContext`:

1. boilerplate: where the article ends, its headline, repeated head lines, the publisher;
2. entities: NER + gazetteer + context rules (`entities.py`);
3. roles: posts people hold (`roles.py`);
4. quotes and reported speech, with speaker spans (`quotes.py`);
5. statistics and coalitions (their own modules), which read the speaker spans.

Offsets everywhere are character offsets into `article.text`; the document is parsed
from `text[:body_end]` so spaCy's offsets are the article's.
"""

from __future__ import annotations

import dataclasses

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import __version__
from newsgraph.extract.boilerplate import (
    find_body_end,
    find_duplicate_lines,
    find_headline,
    find_inline_furniture,
    find_publisher,
)
from newsgraph.extract.coalitions import find_coalitions
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.entities import find_entities, published_names
from newsgraph.extract.nlp import DEFAULT_MODEL, load_nlp, parse, with_line_breaks
from newsgraph.extract.quotes import find_speech
from newsgraph.extract.roles import find_roles
from newsgraph.extract.statistics import find_statistics
from newsgraph.gazetteer import Gazetteer
from newsgraph.model import Article, Coalition, Entity, Record, Role, Statistic

__all__ = ["DEFAULT_MODEL", "extract_record", "load_nlp", "text_to_parse"]


def text_to_parse(text: str) -> str:
    """The text extract_record gives spaCy for an article text: the body before the site
    furniture, with furniture inside it blanked out (same length, so offsets stay the article's).
    A caller that batches with `nlp.pipe` parses this and passes the Doc to extract_record; a
    text longer than `nlp.PARSE_CHUNK_CHARS` is parsed as extract_record parses it, with
    `nlp.parse` (in pieces), for the same record."""
    body_end = find_body_end(text)
    return _blank(text[:body_end], find_inline_furniture(text, body_end, find_headline(text, body_end)))


def extract_record(article: Article, nlp: Language, gazetteer: Gazetteer, *, doc: Doc | None = None) -> Record:
    """Everything the article says that the record holds. Deterministic for a given input.

    `doc`, when given, is `nlp` already run over `text_to_parse(article.text)`.
    """
    text = article.text
    body_end = find_body_end(text)
    ctx = ArticleContext(text=text, gazetteer=gazetteer, body_end=body_end)
    ctx.headline = find_headline(text, body_end)
    ctx.duplicates = find_duplicate_lines(text, body_end)
    ctx.furniture = find_inline_furniture(text, body_end, ctx.headline)

    publisher = find_publisher(text, body_end)
    if publisher is not None:
        name, start, end = publisher
        ctx.register(name, "Organization", start, end)
        if article.publisher is None:
            article = dataclasses.replace(article, publisher=name)
    elif article.publisher:
        # The publisher given by the input (page metadata) is a named organization of the record too.
        ctx.register(article.publisher, "Organization")
    if article.title is None and ctx.headline is not None:
        article = dataclasses.replace(article, title=text[ctx.headline[0] : ctx.headline[1]])

    # Line breaks must end sentences (headlines, list items); added to `nlp` once if missing.
    # Furniture inside the body is blanked out (same length, so offsets stay the article's).
    # A long body is parsed in paragraph-aligned pieces (see `nlp.parse`).
    parsed = _blank(text[:body_end], ctx.furniture)
    if doc is None:
        doc = parse(with_line_breaks(nlp), parsed)
    elif doc.text != parsed:
        raise ValueError("extract_record: the Doc given was not parsed from text_to_parse(article.text)")
    ctx.set_doc_text(doc, parsed)
    find_entities(doc, ctx)
    roles = find_roles(doc, ctx)
    quotes, claims = find_speech(doc, ctx, roles)
    statistics = find_statistics(doc, ctx)
    coalitions = find_coalitions(doc, ctx, roles)

    return Record(
        article=article,
        entities=_final_entities(ctx),
        roles=[_rekey_role(r, ctx) for r in roles],
        quotes=[dataclasses.replace(q, speaker=ctx.current_key(q.speaker), event=ctx.current_key(q.event)) for q in quotes],
        claims=[dataclasses.replace(c, speaker=ctx.current_key(c.speaker), event=ctx.current_key(c.event)) for c in claims],
        statistics=[_rekey_statistic(s, ctx) for s in statistics],
        coalitions=[_rekey_coalition(c, ctx) for c in coalitions],
        extractor=f"newsgraph {__version__}",
        model=f"{nlp.meta['name']} {nlp.meta['version']}",
    )


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every span replaced by spaces of the same length."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _rekey_role(role: Role, ctx: ArticleContext) -> Role:
    return dataclasses.replace(
        role,
        person=ctx.current_key(role.person) or role.person,
        of=ctx.current_key(role.of),
        predecessor=ctx.current_key(role.predecessor),
    )


def _rekey_statistic(statistic: Statistic, ctx: ArticleContext) -> Statistic:
    return dataclasses.replace(
        statistic, subject=ctx.current_key(statistic.subject), claimed_by=ctx.current_key(statistic.claimed_by)
    )


def _rekey_coalition(coalition: Coalition, ctx: ArticleContext) -> Coalition:
    members = [dataclasses.replace(m, country=ctx.current_key(m.country) or m.country) for m in coalition.members]
    return dataclasses.replace(coalition, key=ctx.current_key(coalition.key) or coalition.key, members=members)


def _final_entities(ctx: ArticleContext) -> list[Entity]:
    published_names(ctx)
    out = []
    for entity in ctx.entities.values():
        mentions = sorted(entity.mentions, key=lambda a: (a.start, a.end))
        out.append(dataclasses.replace(entity, mentions=mentions, aliases=list(entity.aliases)))
    return sorted(out, key=lambda e: (e.kind, e.name, e.key))
