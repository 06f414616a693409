"""Coalitions: list lines and prose, countries checked against the gazetteer, leads and members."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.extract.coalitions import coalition_key, display_name, find_coalitions
from newsgraph.extract.context import ArticleContext
from newsgraph.gazetteer import Gazetteer, GazetteerRow
from newsgraph.model import Coalition

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "umerov-ramstein-2024.txt"


@pytest.fixture(scope="module")
def tiny() -> Gazetteer:
    """A gazetteer of a few countries, so these tests do not depend on the shipped data."""
    gazetteer = Gazetteer()
    for label, aliases in [
        ("Latvia", ()), ("United Kingdom", ("UK", "Great Britain", "Britain")), ("Sweden", ()), ("Canada", ()),
        ("Estonia", ()), ("Germany", ()), ("Poland", ()), ("France", ()), ("Italy", ()), ("Norway", ()),
        ("Netherlands", ("The Netherlands", "Holland")), ("Denmark", ()), ("United States", ("US", "USA")),
        ("Türkiye", ("Turkey", "Turkiye")), ("Belgium", ()),
    ]:
        gazetteer.add(GazetteerRow(label=label, kind="Country", aliases=aliases))
    gazetteer.add(GazetteerRow(label="Kyiv", kind="Place"))
    return gazetteer


def _coalitions(nlp, gazetteer: Gazetteer, text: str) -> tuple[list[Coalition], ArticleContext]:
    ctx = ArticleContext(text=text, gazetteer=gazetteer, body_end=len(text))
    return find_coalitions(nlp(text), ctx), ctx


def _summary(coalitions: list[Coalition], ctx: ArticleContext) -> dict[str, dict[str, bool]]:
    return {c.name: {ctx.entities[m.country].name: m.lead for m in c.members} for c in coalitions}


def _check_anchors(coalitions: list[Coalition], text: str) -> None:
    for c in coalitions:
        for a in [*c.anchors, *(m.anchor for m in c.members if m.anchor)]:
            assert text[a.start : a.end] == a.exact


def test_names_and_keys():
    assert display_name("drone coalition") == "Drone Coalition"
    assert display_name("IT Coalition") == "IT Coalition"
    assert display_name("Black Sea security coalition") == "Black Sea security coalition"
    assert coalition_key("Armoured capability coalition") == coalition_key("Armored Coalition")
    assert coalition_key("drone coalition") == coalition_key("Drones Coalition")


def test_list_lines_with_an_introduction_that_says_they_lead(nlp, tiny):
    text = (
        "The minister thanked the countries leading the capability coalitions:\n\n"
        "– Latvia and the UK – Drone Coalition\n"
        "- France – Artillery Coalition\n"
        "• The United States, Denmark, and the Netherlands – Aviation Coalition\n"
        "Air Defense Coalition: Germany, Poland\n"
    )
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {
        "Drone Coalition": {"Latvia": True, "United Kingdom": True},
        "Artillery Coalition": {"France": True},
        "Aviation Coalition": {"United States": True, "Denmark": True, "Netherlands": True},
        "Air Defense Coalition": {"Germany": True, "Poland": True},
    }
    _check_anchors(coalitions, text)
    # The coalition is an Organization entity; the written 'UK' is an alias of the gazetteer's label.
    assert coalitions[0].key == "Organization:drone-coalition"
    assert ctx.entities[coalitions[0].key].kind == "Organization"
    assert "UK" in ctx.entities["Country:united-kingdom"].aliases


def test_list_lines_without_a_lead_cue_and_with_lead_marks(nlp, tiny):
    text = "Members so far:\n\nDrone Coalition: Latvia (lead), Sweden, Canada\n- Estonia – Demining Coalition\n"
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {
        "Drone Coalition": {"Latvia": True, "Sweden": False, "Canada": False},
        "Demining Coalition": {"Estonia": False},
    }


def test_list_lines_need_countries(nlp, tiny):
    # Not country lists: the coalitions are named, but nobody is said to lead or join them, and a
    # grouping no country leads or joins is not reported (it could be anything).
    text = "Agenda:\n– Kyiv – Drone Coalition\n– Panel – Energy Coalition\n"
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {}


def test_political_coalitions_are_not_coalitions_of_countries(nlp, tiny):
    text = "The ruling coalition in Riga agreed on the budget, and the governing coalition partners signed it."
    coalitions, _ = _coalitions(nlp, tiny, text)
    assert coalitions == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Latvia leads the drone coalition together with the UK, Defense Minister Andris Sprūds said.",
         {"Drone Coalition": {"Latvia": True, "United Kingdom": True}}),
        ("The drone coalition led by Latvia and the United Kingdom met in Riga.",
         {"Drone Coalition": {"Latvia": True, "United Kingdom": True}}),
        ("Sweden joined the IT coalition in March.", {"IT Coalition": {"Sweden": False}}),
        ("Canada joined the Latvia-led drone coalition on Thursday.",
         {"Drone Coalition": {"Canada": False, "Latvia": True}}),
        ("Germany and Poland are leading the armoured coalition.",
         {"Armoured Coalition": {"Germany": True, "Poland": True}}),
        ("The maritime capability coalition, led by the UK and Norway, met in Brussels.",
         {"Maritime Capability Coalition": {"United Kingdom": True, "Norway": True}}),
        ("Talks with the US and Belgium went on, as did work on Türkiye’s participation in a Black Sea security coalition.",
         {"Black Sea security coalition": {"Türkiye": False}}),
        ("Italy thanked countries that have taken the lead in developing coalition capabilities.", {}),
        ("The coalition of the willing met in Paris.", {}),
    ],
)
def test_prose(nlp, tiny, text, expected):
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == expected
    _check_anchors(coalitions, text)


def test_one_coalition_per_name(nlp, tiny):
    text = (
        "Latvia leads the drone coalition.\n\n"
        "– Latvia and the UK – Drone Coalition\n\n"
        "Sweden joined the drone coalition in May."
    )
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {"Drone Coalition": {"Latvia": True, "United Kingdom": False, "Sweden": False}}
    assert len(coalitions[0].anchors) == 3


def test_sample_with_the_shipped_gazetteer(nlp, gazetteer):
    text = SAMPLE.read_text(encoding="utf-8")
    ctx = ArticleContext(text=text, gazetteer=gazetteer, body_end=text.index("\nRelated:"))
    coalitions = find_coalitions(nlp(text[: ctx.body_end]), ctx)
    # Copied from the reviewed gold annotation.
    assert _summary(coalitions, ctx) == {
        "Aviation Coalition": {"United States": True, "Denmark": True, "Netherlands": True},
        "Artillery Coalition": {"France": True},
        "Naval Coalition": {"United Kingdom": True, "Norway": True},
        "Armored Coalition": {"Germany": True, "Poland": True},
        "IT Coalition": {"Estonia": True, "Luxembourg": True},
        "Demining Coalition": {"Lithuania": True},
        "Black Sea security coalition": {"Türkiye": False},
    }
    _check_anchors(coalitions, text)
    naval = next(c for c in coalitions if c.name == "Naval Coalition")
    assert naval.members[0].anchor is not None and naval.members[0].anchor.exact == "Great Britain"


def test_led_by_before_the_coalition(nlp, tiny):
    coalitions, ctx = _coalitions(nlp, tiny, "Led by Latvia and the UK, the drone coalition has delivered thousands of drones.")
    assert _summary(coalitions, ctx) == {"Drone Coalition": {"Latvia": True, "United Kingdom": True}}


def test_names_with_their_countries_in_brackets(nlp, tiny):
    text = (
        "Ukraine has capability coalitions, each with its leaders: aviation (the US, Denmark, the Netherlands), "
        "artillery (France, USA), IT (Estonia) and maritime security (led by the UK and Norway).\n\n"
        "Officials from the United States (US) discussed the coalition."
    )
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {
        "Aviation Coalition": {"United States": True, "Denmark": True, "Netherlands": True},
        "Artillery Coalition": {"France": True, "United States": True},
        "IT Coalition": {"Estonia": True},
        "Maritime Security Coalition": {"United Kingdom": True, "Norway": True},
    }
    _check_anchors(coalitions, text)


def test_the_coalition_and_its_members_refer_to_the_coalition_named_last(nlp, tiny):
    text = (
        "The drone coalition, co-led by Latvia and the United Kingdom, has grown to 18 members.\n\n"
        "Canada, Sweden and Poland are among the members. Denmark joined the coalition in May, "
        "and the coalition of the willing met in Paris."
    )
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {
        "Drone Coalition": {
            "Latvia": True, "United Kingdom": True, "Canada": False, "Sweden": False, "Poland": False, "Denmark": False,
        }
    }
    assert [a.exact for a in coalitions[0].anchors] == ["drone coalition"]  # references are not names


def test_a_bare_coalition_with_nothing_named_before_is_nothing(nlp, tiny):
    coalitions, _ = _coalitions(nlp, tiny, "Sweden joined the coalition in May.")
    assert coalitions == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The air defence coalition, which Germany leads together with France, met in Kyiv.",
         {"Air Defence Coalition": {"Germany": True, "France": True}}),
        ("The artillery coalition, which France co-leads with the United States, grew.",
         {"Artillery Coalition": {"France": True, "United States": True}}),
        ("The maritime coalition, which Norway and the UK lead, added two ships.",
         {"Maritime Coalition": {"Norway": True, "United Kingdom": True}}),
        ("The demining coalition, which Canada joined in May, trains sappers.",
         {"Demining Coalition": {"Canada": False}}),
        ("The IT coalition, which was set up in 2023, met in Tallinn. Estonia said nothing.", {}),
    ],
)
def test_a_relative_clause_after_the_coalition(nlp, tiny, text, expected):
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == expected
    _check_anchors(coalitions, text)


def test_it_after_join_refers_to_the_coalition_of_the_same_sentence(nlp, tiny):
    text = ("Officials said the armoured coalition, led by Poland, had grown, and that Italy and Belgium had joined it. "
            "Canada joined it later.")
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {"Armoured Coalition": {"Poland": True, "Italy": False, "Belgium": False}}
    text = "Sweden joined it in 2024."  # no coalition named: 'it' is nothing
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert coalitions == []


def test_a_list_ends_after_its_and(nlp, tiny):
    text = "In the armoured coalition, led by Poland and Germany, Sweden and Canada are members."
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx)["Armoured Coalition"] == {"Poland": True, "Germany": True, "Sweden": False,
                                                               "Canada": False}
    text = "Sweden, Latvia and Poland lead the drone coalition."
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx)["Drone Coalition"] == {"Sweden": True, "Latvia": True, "Poland": True}
