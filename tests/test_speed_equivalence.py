"""The shortcuts taken for speed answer what the general code answers: the ASCII paths of the
name keys, the gazetteer's `knows`, the context's shared doc text, the name stripper's tail
check and the mapper's term objects; and the indexes that keep the extraction linear in the
length of an article (mentions, speaker spans, overlapping spans, statistics grouped by value,
a long text parsed in pieces) against the walks they replace."""

from __future__ import annotations

import re

import pytest

from newsgraph import namespaces
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.entities import _strip
from newsgraph.extract.names import name_key
from newsgraph.gazetteer import Gazetteer, GazetteerRow
from newsgraph.mapping import NG, RDF, WD
from newsgraph.text import normalise


def test_normalise_is_the_same_for_ascii_and_non_ascii_spellings():
    assert normalise("STRASSE") == normalise("Straße") == "strasse"
    assert normalise("Cote d'Ivoire") == normalise("Côte d’Ivoire") == "cote d ivoire"
    assert normalise("The U.S.") == normalise("U. S.") == "u s"


def test_name_key_is_the_same_for_ascii_and_non_ascii_spellings():
    assert name_key("Zelenskyy") == name_key("Зеленський") == name_key("ZELENSKY")
    assert name_key("Spruds") == name_key("Sprūds")
    assert name_key("Iermak") == name_key("Єрмак")


def test_knows_is_whether_lookup_finds_rows(gazetteer):
    for name in ("Ukraine", "the Netherlands", "Türkiye", "Turkiye", "Great Britain", "Atlantis Republic", "", "---"):
        assert gazetteer.knows(name) == bool(gazetteer.lookup(name)), name


def test_knows_sees_rows_added_later():
    gazetteer = Gazetteer()
    assert not gazetteer.knows("Ruritania")
    gazetteer.add(GazetteerRow(label="Kingdom of Ruritania", kind="Country", aliases=("Ruritania",)))
    assert gazetteer.knows("ruritania") and gazetteer.knows("Kingdom of Ruritania")


def test_doc_text_is_the_text_of_the_doc_asked_about(nlp, gazetteer):
    first, second = nlp.make_doc("Jane Roe said so."), nlp.make_doc("John Doe did not.")
    ctx = ArticleContext(text=first.text, gazetteer=gazetteer, body_end=len(first.text))
    assert ctx.doc_text(first) == first.text
    assert ctx.doc_text(second) == second.text  # another doc: its own text, not the one kept
    ctx.set_doc_text(first, first.text)
    assert ctx.doc_text(first) == "Jane Roe said so."


def test_strip_drops_possessives_and_punctuation_only():
    assert _strip("Ukraine’s", 10) == ("Ukraine", 10, 17)
    assert _strip("Chiefs'", 0) == ("Chiefs", 0, 6)
    assert _strip("the Kyiv Independent,", 0) == ("Kyiv Independent", 4, 20)
    assert _strip("NATO", 3) == ("NATO", 3, 7)
    assert _strip("Leopard 2", 0) == ("Leopard 2", 0, 9)  # ends on a digit: nothing to strip
    assert _strip("Forces (", 0) == ("Forces (", 0, 8)  # ends on punctuation the pattern does not drop


def test_mapping_terms_are_the_namespace_terms_built_once():
    assert NG.anchor == namespaces.NG.anchor and NG.anchor is NG.anchor
    assert RDF.type == RDF["type"]
    assert WD["Q212"] == namespaces.WD["Q212"]


# ----------------------------------------------------------------------------- indexes for long articles


def _mentions_by_walking(ctx: ArticleContext, start: int, end: int, kinds=None) -> list[tuple[int, int, str]]:
    """What ArticleContext.mentions answered before it kept an index: every entity walked."""
    return sorted((a.start, a.end, e.key) for e in ctx.entities.values() if kinds is None or e.kind in kinds
                  for a in e.mentions if start <= a.start and a.end <= end)


def test_the_mention_index_answers_what_walking_every_entity_answers(gazetteer):
    text = ("Roe met Jane Roe and Ruritania's minister in Ruritania. The Kingdom of Ruritania (KR) "
            "and KR signed; Jane Roe and Doe left.")
    ctx = ArticleContext(text=text, gazetteer=gazetteer, body_end=len(text))

    def at(written: str, nth: int = 0) -> tuple[int, int]:
        start = [m.start() for m in re.finditer(re.escape(written), text)][nth]
        return start, start + len(written)

    ctx.register("Roe", "Person", *at("Roe"))
    ctx.register("Jane Roe", "Person", *at("Jane Roe"))  # a fuller name: the key changes
    country = ctx.register("Ruritania", "Country", *at("Ruritania"))
    ctx.register("Ruritania", "Country", *at("Ruritania", 1))
    ctx.register("Ruritania", "Country", *at("Ruritania", 1))  # the same mention again: kept once
    kingdom = ctx.register("Kingdom of Ruritania", "Organization", *at("Kingdom of Ruritania"))
    short = ctx.register("KR", "Organization", *at("KR", 1))
    ctx.register("Jane Roe", "Person", *at("Jane Roe", 1))
    ctx.register("Doe", "Person", *at("Doe"))
    ctx.merge(short, kingdom)
    ctx.merge(kingdom, country)
    for start, end in [(0, len(text)), (0, 30), (10, 60), (at("KR")[0], at("KR", 1)[1]), (5, 5)]:
        for kinds in (None, ("Person",), ("Country", "Organization")):
            assert ctx.mentions(start, end, kinds) == _mentions_by_walking(ctx, start, end, kinds)
    assert sum(len(e.mentions) for e in ctx.entities.values()) == len(ctx.mentions())
    (before_bracket,) = ctx.mentions_ending(at(" (KR)")[0], at("(KR)")[0])
    assert text[before_bracket[0] : before_bracket[1]] == "Kingdom of Ruritania"


def test_speaker_at_finds_the_innermost_span_as_a_walk_over_all_spans_does(gazetteer):
    text = "x" * 200
    ctx = ArticleContext(text=text, gazetteer=gazetteer, body_end=len(text))
    spans = [(0, 150, "Person:a"), (10, 40, "Person:b"), (20, 30, "Person:c"), (20, 30, "Person:d"), (100, 190, "Person:e")]
    for start, end, key in spans:
        ctx.add_speaker_span(start, end, key)

    def walked(offset: int) -> str | None:
        inside = [s for s in sorted(spans) if s[0] <= offset < s[1]]
        return min(inside, key=lambda s: s[1] - s[0])[2] if inside else None

    assert [ctx.speaker_at(offset) for offset in range(0, 200, 5)] == [walked(offset) for offset in range(0, 200, 5)]


def test_span_index_finds_the_overlaps_a_walk_finds():
    from random import Random

    from newsgraph.extract.spans import SpanIndex

    rng = Random(7)
    held = [(s, s + rng.randrange(0, 12)) for s in (rng.randrange(0, 100) for _ in range(60))]
    index = SpanIndex(held)
    for start in range(0, 110, 3):
        for length in (0, 1, 5, 20):
            end = start + length
            walked = {h for h in held if h[0] < end and start < h[1]}
            assert set(index.overlapping(start, end)) == walked
            assert index.overlaps(start, end) == bool(walked)


def test_statistics_are_grouped_as_comparing_every_mention_with_every_group_does():
    from newsgraph.extract.statistics.facts import Mention, _compatible, _group
    from newsgraph.model import Statistic

    def mention(value: str, counts: str, claimed_by: str | None = None, period: str | None = None) -> Mention:
        stat = Statistic(value=value, counts=counts, claimed_by=claimed_by, period=period)
        return Mention(stat=stat, offset=0, in_headline=False, head_words=set(counts.split()))

    mentions = [mention("400", "soldiers"), mention("400", "drones"), mention("400", "soldiers", "Person:a"),
                mention("400.0000000001", "soldiers"), mention("400", "soldiers", "Person:b"), mention("12", "tanks"),
                mention("400", "soldiers", period="a day"), mention("400", "soldiers killed", period="in May"),
                mention("1000000000000", "euros"), mention("1000000000500", "euros"), mention("12", "tanks")]
    walked: list[list[Mention]] = []
    for m in mentions:
        group = next((g for g in walked if any(_compatible(m, other) for other in g)), None)
        if group is None:
            walked.append([m])
        else:
            group.append(m)
    assert [[mentions.index(m) for m in g] for g in _group(mentions)] == [[mentions.index(m) for m in g] for g in walked]


def test_a_text_over_the_parsers_limit_is_parsed_in_pieces_with_the_texts_offsets(nlp):
    from newsgraph.extract.nlp import parse, parse_chunks, with_line_breaks

    paragraph = "Jane Roe said Ruritania had sent 40 drones to the front.\nIt was the third such delivery.\n\n"
    text = paragraph * 40
    pieces = parse_chunks(text, 500)
    assert "".join(pieces) == text and all(len(p) <= 500 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut at paragraph breaks
    nlp = with_line_breaks(nlp)
    limit = nlp.max_length
    try:
        nlp.max_length = 1_000  # the text is four times what spaCy takes in one piece
        with pytest.raises(ValueError):
            nlp(text)
        doc = parse(nlp, text)
    finally:
        nlp.max_length = limit
    whole = nlp(text)
    assert doc.text == text
    assert [(t.idx, t.text, t.is_sent_start, t.ent_type_) for t in doc] == [(t.idx, t.text, t.is_sent_start, t.ent_type_) for t in whole]


def test_a_text_without_breaks_is_still_cut_into_pieces_that_add_up():
    from newsgraph.extract.nlp import parse_chunks

    for text in ("One sentence. Another one. " * 30, "word " * 200, "x" * 1234):
        pieces = parse_chunks(text, 100)
        assert "".join(pieces) == text and all(0 < len(p) <= 100 for p in pieces)
