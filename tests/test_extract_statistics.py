"""Statistics extraction: number phrases, hedges, counted nouns, per/period, claimants, one fact per statistic.

Runs on the real spaCy model (the session `nlp` fixture) with an ArticleContext built by
hand, so these tests do not depend on the rest of the extractor.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.extract.context import ArticleContext
from newsgraph.extract.numbers import cardinal_value, fold_value, format_value, fraction_value
from newsgraph.extract.statistics import find_statistics
from newsgraph.model import Statistic

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "umerov-ramstein-2024.txt"


def _context(nlp, gazetteer, text: str, persons: tuple[str, ...] = (), headline: bool = False,
             body_end: int | None = None):
    doc = nlp(text)
    ctx = ArticleContext(text=text, gazetteer=gazetteer, body_end=len(text) if body_end is None else body_end)
    if headline:
        ctx.headline = (0, text.index("\n"))
    for name in persons:  # the core registers people; here every written form is registered
        for m in re.finditer(re.escape(name), text):
            ctx.register(name, "Person", m.start(), m.end())
    return doc, ctx


def _quote_speakers(ctx: ArticleContext, name: str) -> None:
    """Mark every “…” quote as said by `name` (what the core's quote step does)."""
    key = ctx.resolve(name, "Person")
    assert key is not None
    for m in re.finditer(r"“([^”]*)”", ctx.text):
        ctx.add_speaker_span(m.start(1), m.end(1), key)


def _stats(nlp, gazetteer, text: str, **kw) -> list[Statistic]:
    doc, ctx = _context(nlp, gazetteer, text, **kw)
    return find_statistics(doc, ctx)


def _words(text: str | None) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", (text or "").casefold())}


def _find(stats: list[Statistic], value: float, word: str) -> Statistic:
    for s in stats:
        if abs(float(s.value) - value) <= 1e-3 * max(1.0, value) and word.rstrip("s") in _words(s.counts) | _words(s.per):
            return s
    raise AssertionError(f"no statistic {value} {word!r} in {[(s.value, s.counts) for s in stats]}")


# --------------------------------------------------------------------------- number words


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["400"], 400), (["1,000"], 1000), (["1000"], 1000), (["2.5"], 2.5), (["1.4", "billion"], 1.4e9),
        (["six"], 6), (["twelve"], 12), (["a", "dozen"], 12), (["two", "dozen"], 24), (["twenty-five"], 25),
        (["two", "hundred", "fifty"], 250), (["a", "million"], 1e6), (["8", "500"], 8500), (["40bn"], 4e10),
        (["5", "m"], 5e6), (["three", "thousand"], 3000),
    ],
)
def test_cardinal_values(words, value):
    assert cardinal_value(words) == pytest.approx(value)


def test_cardinals_that_do_not_combine():
    assert cardinal_value(["six", "seven"]) is None
    assert cardinal_value(["m"]) is None
    assert cardinal_value(["a"]) is None


def test_fractions_folds_and_formatting():
    assert fraction_value("a", "third") == pytest.approx(1 / 3)
    assert fraction_value("two", "thirds") == pytest.approx(2 / 3)
    assert fraction_value("a", "quarter") == 0.25
    assert fraction_value("five", "thirds") is None
    assert fold_value("sixfold") == 6 and fold_value("10-fold") == 10 and fold_value("manifold") is None
    assert format_value(400.0) == "400"
    assert format_value(1 / 3) == "0.3333"
    assert format_value(1.4e9) == "1400000000"
    assert format_value(2.5) == "2.5"


# --------------------------------------------------------------------------- the sample's facts


@pytest.fixture(scope="module")
def sample_stats(nlp, gazetteer) -> list[Statistic]:
    text = SAMPLE.read_text(encoding="utf-8")
    doc, ctx = _context(nlp, gazetteer, text, persons=("Rustem Umerov", "Umerov"), headline=True,
                        body_end=text.index("\nRelated:"))
    _quote_speakers(ctx, "Umerov")
    return find_statistics(doc, ctx)


# Copied from the reviewed gold annotation: value, a counted word, kind, qualifier, per, period.
SAMPLE_GOLD = [
    (400, "soldiers", "count", "approximately", "square kilometer", None),
    (6, "artillery", "ratio", None, None, None),
    (600, "rockets", "count", "more than", None, "two months"),
    (1000, "drones", "count", "more than", None, "two months"),
    (0.3333, "drones", "relative change", "more than", None, None),
]


@pytest.mark.parametrize(("value", "word", "kind", "qualifier", "per", "period"), SAMPLE_GOLD)
def test_sample_required_statistics(sample_stats, value, word, kind, qualifier, per, period):
    stat = _find(sample_stats, value, word)
    assert stat.kind == kind
    assert stat.qualifier == qualifier
    assert stat.claimed_by == "Person:rustem-umerov"
    if per:
        assert _words(per) <= _words(stat.per)
    if period:
        assert _words(period) <= _words(stat.period)


def test_sample_has_nothing_spurious(sample_stats):
    # Required facts plus the optional 'thousands of rocket attacks'; no years, no 'two-tier',
    # no hypothetical 'if the proportions were 1 to 1', no 'a year' duration counted as a thing.
    allowed = [(v, w) for v, w, *_ in SAMPLE_GOLD] + [(1000, "attacks")]
    for stat in sample_stats:
        assert any(
            abs(float(stat.value) - v) <= 1e-3 * max(1.0, v) and w.rstrip("s") in _words(stat.counts) for v, w in allowed
        ), (stat.value, stat.counts, stat.sentence)
    assert len(sample_stats) == len(allowed)


def test_sample_repeated_facts_are_one_statistic_with_every_mention(sample_stats):
    soldiers = _find(sample_stats, 400, "soldiers")
    assert len(soldiers.anchors) == 3  # headline, repeated headline, body
    assert soldiers.sentence.startswith("Umerov stated that")  # the body sentence, where the hedge is
    assert soldiers.subject == "Country:russia"
    ratio = _find(sample_stats, 6, "artillery")
    assert {a.exact for a in ratio.anchors} == {"sixfold artillery advantage", "six times more artillery shells"}
    assert len(ratio.anchors) == 3
    text = SAMPLE.read_text(encoding="utf-8")
    for stat in sample_stats:
        assert [a.start for a in stat.anchors] == sorted(a.start for a in stat.anchors)
        for a in stat.anchors:
            assert text[a.start : a.end] == a.exact


def test_sample_written_forms(sample_stats):
    assert _find(sample_stats, 0.3333, "drones").written == "over a third"
    assert _find(sample_stats, 0.3333, "drones").value == "0.3333"
    assert _find(sample_stats, 600, "rockets").written == "over 600"


# --------------------------------------------------------------------------- varied sentences


@pytest.mark.parametrize(
    ("text", "value", "word", "qualifier", "kind"),
    [
        ("NATO allies pledged more than €40 billion in military aid to Ukraine.", 4e10, "euros", "more than", "amount"),
        ("Germany announced a €1.4 billion aid package for Kyiv.", 1.4e9, "aid", None, "amount"),
        ("The United States will send $50 million worth of ammunition.", 5e7, "dollars", None, "amount"),
        ("The EU will spend EUR 5 billion on ammunition.", 5e9, "ammunition", None, "amount"),
        ("Ukraine’s forces destroyed 12 tanks and nearly 30 artillery systems in the past day.", 30, "artillery", "nearly", "count"),
        ("Russia has lost about 700,000 soldiers since February 2022, according to the General Staff.", 7e5, "soldiers", "approximately", "count"),
        ("Latvia has handed over some 2,000 drones this year.", 2000, "drones", "approximately", "count"),
        ("At least 14 civilians were killed in the strike on Kharkiv.", 14, "civilians", "at least", "count"),
        ("The coalition will supply up to 1 million shells next year.", 1e6, "shells", "up to", "count"),
        ("Fewer than 300 interceptors remain in stock.", 300, "interceptors", "less than", "count"),
        ("Estonia delivered roughly a dozen howitzers.", 12, "howitzers", "approximately", "count"),
        ("Russia fires three times as many shells as Ukraine.", 3, "shells", None, "ratio"),
        ("The enemy launched twice as many drones as in May.", 2, "drones", None, "ratio"),
        ("Drone production increased by 30% this year.", 30, "drone", None, "relative change"),
        ("Russian losses fell by a quarter in October.", 0.25, "losses", None, "relative change"),
        ("Half of the drones were shot down by mobile fire groups.", 0.5, "drones", None, "ratio"),
        ("Tens of thousands of soldiers were trained in Britain.", 10000, "soldiers", "more than", "count"),
        ("Hundreds of drones hit energy facilities.", 100, "drones", "more than", "count"),
        ("Air defense downed 38 of 42 drones overnight.", 38, "drones", None, "count"),
        ("The number of attacks rose to 45.", 45, "attacks", None, "count"),
        ("Russia lost 8 500 troops in the battle for the city.", 8500, "troops", None, "count"),
        ("Lithuania has cleared over 1,200 square kilometers of farmland.", 1200, "farmland", "more than", "count"),
        ("Russia attacked with 12 Geran-2 drones overnight.", 12, "drones", None, "count"),
        ("Two of the four tanks were destroyed.", 2, "tanks", None, "count"),
        ("Poland will deliver 40 more Leopard 2 tanks.", 40, "tanks", None, "count"),
        ("Ukraine needs at least seven more air defense systems.", 7, "systems", "at least", "count"),
        ("Artillery production will reach 1.3 million shells, a 40% increase in output.", 40, "output", None, "relative change"),
        ("The share of drones shot down fell to 60% in May.", 60, "drones", None, "ratio"),
        ("Tanks – 9,467 (+5)", 9467, "tanks", None, "count"),
    ],
)
def test_varied_statistics(nlp, gazetteer, text, value, word, qualifier, kind):
    stats = _stats(nlp, gazetteer, text)
    stat = _find(stats, value, word)
    assert stat.qualifier == qualifier
    assert stat.kind == kind
    doc_text = text
    for a in stat.anchors:
        assert doc_text[a.start : a.end] == a.exact


def test_ranges(nlp, gazetteer):
    for text in ("Between 500 and 700 soldiers were killed near the town, officials said.",
                 "Norway will send 500 to 700 soldiers.", "Norway will send 500-700 soldiers."):
        stat = _find(_stats(nlp, gazetteer, text), 500, "soldiers")
        assert (stat.qualifier, stat.upper) == ("between", "700"), text


def test_per_and_period(nlp, gazetteer):
    stats = _stats(nlp, gazetteer, "Latvia will deliver 2,500 drones a month to Ukraine.")
    assert _find(stats, 2500, "drones").per == "month"
    stats = _stats(nlp, gazetteer, "Russia loses 1,200 soldiers per day on the eastern front.")
    assert _find(stats, 1200, "soldiers").per == "day"
    stats = _stats(nlp, gazetteer, "Russia lost 200 tanks for each kilometer of advance.")
    assert _find(stats, 200, "tanks").per == "kilometer"
    stats = _stats(nlp, gazetteer, "Over the past week, Russia launched 1,200 drones and 80 missiles.")
    assert _find(stats, 80, "missiles").period == "past week"
    stats = _stats(nlp, gazetteer, "Russia has lost about 700,000 soldiers since February 2022.")
    assert _find(stats, 7e5, "soldiers").period == "since February 2022"
    stats = _stats(nlp, gazetteer, "Russia may lose 400 soldiers a day.")  # 'may' is not the month
    assert (_find(stats, 400, "soldiers").per, _find(stats, 400, "soldiers").period) == ("day", None)
    stats = _stats(nlp, gazetteer, "Russian daily losses of 1,500 soldiers are unsustainable.")
    assert (_find(stats, 1500, "soldiers").per, _find(stats, 1500, "soldiers").period) == ("day", None)


def test_subject_is_the_country_that_acts(nlp, gazetteer):
    stats = _stats(nlp, gazetteer, "Russia launched 1,200 drones over the past week. It also fired 80 missiles.")
    assert _find(stats, 1200, "drones").subject == "Country:russia"
    assert _find(stats, 80, "missiles").subject == "Country:russia"
    stats = _stats(nlp, gazetteer, "The US added $50 million in aid.")
    assert _find(stats, 5e7, "dollars").subject == "Country:united-states"  # the gazetteer's label, not 'US'


@pytest.mark.parametrize(
    "text",
    [
        "The 47th brigade repelled the attack in 2023.",
        "The meeting took place on 12 March 2024 in Brussels.",
        "Ukraine’s ministry set up a two-tier procurement system.",
        "It was one of the largest attacks of the war.",
        "Leopard 2 tanks and F-16 jets arrived last week.",
        "Under Article 5, allies must defend each other.",
        "Imagine what would happen if the ratio were 1 to 1.",
        "If Ukraine received 100 more jets, the war would end sooner.",
        "The second meeting opened at 10:30 in the morning.",
        "It took them a year to capture the town.",
        "The three-day summit ended with 155mm ammunition pledges.",
        "The first half of 2024 was difficult.",
        "Kyiv hosted a third round of talks.",
        "One in 5 vehicles broke down.",
        "The two ministers signed the agreement, and all three Baltic states welcomed it.",
        "Call +380 44 123 4567 for details.",
        "The 3rd Assault Brigade was praised by spokesperson Ivan Petrenko, 45.",
    ],
)
def test_not_statistics(nlp, gazetteer, text):
    assert _stats(nlp, gazetteer, text) == []


def test_an_elided_number_counts_what_the_first_number_of_its_sentence_counts(nlp, gazetteer):
    stats = _stats(nlp, gazetteer, "The strike killed 14 people, including three children, and injured 52.")
    assert [(s.value, s.counts) for s in stats] == [("14", "people"), ("3", "children"), ("52", "people")]
    stats = _stats(nlp, gazetteer, "Russia fires up to 10,000 shells a day, while Ukraine can answer with about 2,000.")
    assert _find(stats, 2000, "shells").qualifier == "approximately"


def test_only_the_body_counts(nlp, gazetteer):
    text = "Russia lost 300 tanks.\n\nSupport us: for as little as 5 dollars a month, you can help."
    stats = _stats(nlp, gazetteer, text, body_end=text.index("Support"))
    assert [s.value for s in stats] == ["300"]


# --------------------------------------------------------------------------- claimants


def test_claimed_by_reporting_verb_quote_and_pronoun(nlp, gazetteer):
    text = (
        "Latvia will deliver 2,500 drones a month, Andris Sprūds said.\n\n"
        "According to Mark Rutte, allies pledged €40 billion in 2024.\n\n"
        "Rutte stated that Russia lost 1,000 soldiers a day. Additionally, it lost 30 tanks.\n\n"
        "“We intercepted 60 missiles,” Sprūds said.\n\n"
        "He said Ukraine destroyed 12 artillery systems.\n\n"
        "Officials said 40 buildings were damaged."
    )
    doc, ctx = _context(nlp, gazetteer, text, persons=("Andris Sprūds", "Sprūds", "Mark Rutte", "Rutte"))
    _quote_speakers(ctx, "Sprūds")
    stats = find_statistics(doc, ctx)
    spruds, rutte = "Person:andris-spruds", "Person:mark-rutte"
    assert _find(stats, 2500, "drones").claimed_by == spruds
    assert _find(stats, 4e10, "euros").claimed_by == rutte
    assert _find(stats, 1000, "soldiers").claimed_by == rutte
    assert _find(stats, 30, "tanks").claimed_by == rutte  # reported speech running on in the paragraph
    assert _find(stats, 60, "missiles").claimed_by == spruds
    assert _find(stats, 12, "artillery").claimed_by == spruds  # 'He' is the last person named
    assert _find(stats, 40, "buildings").claimed_by is None


def test_headline_and_body_mentions_merge(nlp, gazetteer):
    text = (
        "Russia fired 500 drones at Ukraine, Zelensky says\n\n"
        "Over the past week, Russia fired more than 500 attack drones at Ukrainian cities, "
        "Volodymyr Zelensky said. Ukraine shot down 450 drones."
    )
    doc, ctx = _context(nlp, gazetteer, text, persons=("Volodymyr Zelensky", "Zelensky"), headline=True)
    stats = find_statistics(doc, ctx)
    fired = _find(stats, 500, "drones")
    assert len(fired.anchors) == 2
    assert fired.qualifier == "more than" and fired.period == "past week"
    assert fired.claimed_by == "Person:volodymyr-zelensky"
    assert fired.sentence.startswith("Over the past week")
    assert _find(stats, 450, "drones") is not fired
    assert len(stats) == 2


def test_a_sentence_said_by_someone_else_does_not_inherit_the_claimant(nlp, gazetteer):
    text = "Mark Rutte said that allies pledged €40 billion. Russia lost 1,200 soldiers, the General Staff reported."
    doc, ctx = _context(nlp, gazetteer, text, persons=("Mark Rutte",))
    stats = find_statistics(doc, ctx)
    assert _find(stats, 4e10, "euros").claimed_by == "Person:mark-rutte"
    assert _find(stats, 1200, "soldiers").claimed_by is None
