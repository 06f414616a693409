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

from newsgraph import __version__
from newsgraph.extract.boilerplate import find_body_end, find_duplicate_lines, find_headline, find_publisher
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.entities import find_entities
from newsgraph.extract.nlp import DEFAULT_MODEL, load_nlp, with_line_breaks
from newsgraph.extract.quotes import find_speech
from newsgraph.extract.roles import find_roles
from newsgraph.gazetteer import Gazetteer
from newsgraph.model import Article, Coalition, Entity, Record, Role, Statistic

__all__ = ["DEFAULT_MODEL", "extract_record", "load_nlp"]


def extract_record(article: Article, nlp: Language, gazetteer: Gazetteer) -> Record:
    """Everything the article says that the record holds. Deterministic for a given input."""
    text = article.text
    body_end = find_body_end(text)
    ctx = ArticleContext(text=text, gazetteer=gazetteer, body_end=body_end)
    ctx.headline = find_headline(text, body_end)
    ctx.duplicates = find_duplicate_lines(text, body_end)

    publisher = find_publisher(text, body_end)
    if publisher is not None:
        name, start, end = publisher
        ctx.register(name, "Organization", start, end)
        if article.publisher is None:
            article = dataclasses.replace(article, publisher=name)
    if article.title is None and ctx.headline is not None:
        article = dataclasses.replace(article, title=text[ctx.headline[0] : ctx.headline[1]])

    doc = with_line_breaks(nlp)(text[:body_end])
    find_entities(doc, ctx)
    roles = find_roles(doc, ctx)
    quotes, claims = find_speech(doc, ctx, roles)
    statistics = _statistics(doc, ctx)
    coalitions = _coalitions(doc, ctx)

    return Record(
        article=article,
        entities=_final_entities(ctx),
        roles=[_rekey_role(r, ctx) for r in roles],
        quotes=[dataclasses.replace(q, speaker=ctx.current_key(q.speaker), event=ctx.current_key(q.event)) for q in quotes],
        claims=[dataclasses.replace(c, speaker=ctx.current_key(c.speaker), event=ctx.current_key(c.event)) for c in claims],
        statistics=statistics,
        coalitions=coalitions,
        extractor=f"newsgraph {__version__}",
        model=f"{nlp.meta['name']} {nlp.meta['version']}",
    )


def _statistics(doc, ctx: ArticleContext) -> list[Statistic]:
    try:  # written in parallel by another engineer; the extractor runs without it until it lands
        from newsgraph.extract.statistics import find_statistics
    except ImportError:
        return []
    return find_statistics(doc, ctx)


def _coalitions(doc, ctx: ArticleContext) -> list[Coalition]:
    try:
        from newsgraph.extract.coalitions import find_coalitions
    except ImportError:
        return []
    return find_coalitions(doc, ctx)


def _rekey_role(role: Role, ctx: ArticleContext) -> Role:
    return dataclasses.replace(
        role,
        person=ctx.current_key(role.person) or role.person,
        of=ctx.current_key(role.of),
        predecessor=ctx.current_key(role.predecessor),
    )


def _final_entities(ctx: ArticleContext) -> list[Entity]:
    out = []
    for entity in ctx.entities.values():
        mentions = sorted(entity.mentions, key=lambda a: (a.start, a.end))
        out.append(dataclasses.replace(entity, mentions=mentions, aliases=list(entity.aliases)))
    return sorted(out, key=lambda e: (e.kind, e.name, e.key))
