"""The sample article against facts copied from its reviewed gold annotation."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from newsgraph.extract import extract_record
from newsgraph.model import Article, Record

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "umerov-ramstein-2024.txt"

# Copied from the gold annotation: persons, the one required role, the five quotes.
GOLD_PERSONS = {"Rustem Umerov", "Oleksiy Reznikov"}
GOLD_SPEAKER = "Rustem Umerov"
GOLD_QUOTES = [
    "Despite a sixfold artillery advantage, the enemy failed to achieve any significant results. Imagine how the "
    "situation on the battlefield would change if the proportions were 1 to 1,",
    "In just two months, the terrorist regime unleashed over 600 rockets and more than 1000 Shahed drones on "
    "Ukrainian cities. The number of Shahed drones launched increased by over a third,",
    "Despite their resources and advantage in weapon production, Russia has not made significant progress toward "
    "achieving its strategic objectives,",
    "The entire Russian military machine is operating at full capacity to attack small Ukrainian villages.",
    "We can outsmart the enemy by applying an asymmetric approach. Through technology integration, training, precise "
    "decision-making, and coordination. By improving personnel selection, supply chain management, and digital "
    "solutions. This will provide us with technological and strategic superiority,",
]
# Required gold entities (name, kind, other accepted names); coalitions come from their own module.
GOLD_ENTITIES = [
    ("Rustem Umerov", "Person", ()),
    ("Oleksiy Reznikov", "Person", ("Oleksii Reznikov",)),
    *[(c, "Country", ()) for c in ("Ukraine", "Russia", "United States", "Denmark", "Netherlands", "France",
                                   "United Kingdom", "Norway", "Germany", "Poland", "Estonia", "Luxembourg",
                                   "Lithuania", "Belgium", "Canada", "Türkiye")],
    ("Bakhmut", "Place", ()),
    ("Mariinka", "Place", ()),
    ("Black Sea", "Place", ()),
    ("Ministry of Defence of Ukraine", "Organization", ("Ministry of Defense of Ukraine", "Ministry of Defense")),
    ("Ukraine Defense Contact Group", "Organization", ("Defense Contact Group",)),
    ("NATO", "Organization", ("North Atlantic Treaty Organization",)),
    ("Euromaidan Press", "Organization", ()),
    ("Ukraine Defense Contact Group meeting", "Event", ("Defense Contact Group meeting",)),
]


def norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.replace("’", "'").casefold()))


@pytest.fixture(scope="module")
def record(nlp, gazetteer) -> Record:
    text = SAMPLE.read_text(encoding="utf-8")
    return extract_record(Article(id="sample", text=text), nlp, gazetteer)


def written_names(record: Record, kind: str | None = None) -> set[str]:
    return {norm(n) for e in record.entities if kind is None or e.kind == kind for n in (e.name, *e.aliases)}


def test_persons(record):
    persons = [e for e in record.entities if e.kind == "Person"]
    assert len(persons) == 2
    for gold in GOLD_PERSONS:
        assert any(norm(gold).split()[-1] == norm(p.name).split()[-1] for p in persons)


def test_required_entities_found_with_kind(record):
    for name, kind, others in GOLD_ENTITIES:
        assert written_names(record, kind) & {norm(n) for n in (name, *others)}, name


def test_no_junk_entities(record):
    every = written_names(record)
    for junk in ("fpv", "shahed", "defense minister", "it", "ramstein"):
        assert junk not in every


def test_role_with_start_and_predecessor(record):
    roles = [r for r in record.roles if record.entity(r.person).name == "Rustem Umerov"]
    assert len(roles) == 1
    [role] = roles
    assert role.title == "Minister of Defense"
    assert record.entity(role.of).name == "Ukraine"
    assert role.start == "2023-09"
    assert norm(record.entity(role.predecessor).name).endswith("reznikov")


def test_quotes(record):
    assert len(record.quotes) == len(GOLD_QUOTES)
    for quote, gold in zip(record.quotes, GOLD_QUOTES):
        assert difflib.SequenceMatcher(None, norm(quote.text), norm(gold)).ratio() >= 0.9
        assert record.entity(quote.speaker).name == GOLD_SPEAKER
        assert "contact group meeting" in norm(record.entity(quote.event).name)


def test_publisher_and_title(record):
    assert record.article.publisher == "Euromaidan Press"
    assert record.article.title == "Russia loses 400 soldiers per square kilometer in Ukraine, Umerov says"


def test_every_anchor_is_exact(record):
    text = record.article.text
    anchors = [m for e in record.entities for m in e.mentions]
    anchors += [a for r in record.roles for a in r.anchors]
    anchors += [q.anchor for q in record.quotes] + [c.anchor for c in record.claims]
    for a in anchors:
        assert text[a.start : a.end] == a.exact


def test_nothing_extracted_from_the_footer(record):
    footer = record.article.text.index("\nRelated:")
    for e in record.entities:
        if e.name != "Euromaidan Press":
            assert all(m.start < footer for m in e.mentions), e.name
    assert all(q.anchor.start < footer for q in record.quotes)
