"""Entities: NER plus gazetteer plus context rules, names normalised, junk left out."""

from __future__ import annotations

import pytest

from newsgraph.extract import extract_record
from newsgraph.model import Article, Record


def extract(text: str, nlp, gazetteer) -> Record:
    return extract_record(Article(id="t", text=text), nlp, gazetteer)


def names(record: Record, kind: str) -> set[str]:
    return {e.name for e in record.entities if e.kind == kind}


@pytest.fixture(scope="module")
def record(nlp, gazetteer) -> Record:
    text = (
        "Defense Minister Marta Kovalenko met Lithuania’s Ministry of Defence on Monday. "
        "Kovalenko said that the Netherlands and Poland had sent FPV drones to the front. "
        "She spoke at the Nordic Security Group meeting (Oslo format) in Warsaw.\n\n"
        "Troops held Vovchansk and Kreminna despite heavy shelling near the Azov coast."
    )
    return extract(text, nlp, gazetteer)


def test_countries_come_from_the_gazetteer(record):
    assert {"Lithuania", "Netherlands", "Poland"} <= names(record, "Country")


def test_person_found_after_a_title_without_the_title(record):
    persons = names(record, "Person")
    assert persons == {"Marta Kovalenko"}
    person = next(e for e in record.entities if e.kind == "Person")
    assert "Kovalenko" in person.aliases  # the surname alone resolved to the full name
    assert len(person.mentions) >= 2


def test_possessive_organization_is_named_with_its_country(record):
    orgs = names(record, "Organization")
    assert any(o.startswith("Ministry of Defen") and o.endswith("Lithuania") for o in orgs)


def test_meeting_is_an_event_and_its_group_an_organization_with_alias(record):
    assert "Nordic Security Group meeting" in names(record, "Event")
    group = next(e for e in record.entities if e.name == "Nordic Security Group")
    assert group.kind == "Organization"
    assert "Oslo format" in group.aliases


def test_no_junk_entities(record):
    every = {e.name for e in record.entities}
    assert "FPV" not in every
    assert "Oslo" not in every  # only inside the parenthetical alias
    assert not any(n.casefold() in ("defense minister", "monday") for n in every)


def test_mentions_are_exact_offsets(record):
    text = record.article.text
    for entity in record.entities:
        for m in entity.mentions:
            assert text[m.start : m.end] == m.exact


def test_unknown_person_tagged_as_place_in_coordination(nlp, gazetteer):
    record = extract("Russian forces failed to capture Kreminna and Lyman after months of fighting.", nlp, gazetteer)
    assert "Person" not in {e.kind for e in record.entities}


def test_surname_tagged_as_organization_is_the_person(nlp, gazetteer):
    text = (
        "Latvia buys more air defence, Zaķis says\n\n"
        "Latvian Prime Minister Ilze Zaķis announced that Latvia would buy two more air defence batteries."
    )
    record = extract(text, nlp, gazetteer)
    assert names(record, "Person") == {"Ilze Zaķis"}
    assert not any("Zaķis" in n for n in names(record, "Organization"))


def test_entities_sorted_by_kind_then_name(record):
    keys = [(e.kind, e.name) for e in record.entities]
    assert keys == sorted(keys)


def test_product_names_before_common_nouns_are_not_entities(nlp, gazetteer):
    record = extract("Russia launched 40 Lancet drones at Odesa overnight. FPV units struck back.", nlp, gazetteer)
    every = {e.name for e in record.entities}
    assert "Lancet" not in every
    assert "FPV" not in every
    assert {"Russia", "Odesa"} <= every


def test_spelling_variants_of_one_person_are_one_entity(nlp, gazetteer):
    text = "Defense Minister Oleksiy Ivanenko spoke first. Later, Oleksii Ivanenko said that the army is ready."
    record = extract(text, nlp, gazetteer)
    assert len([e for e in record.entities if e.kind == "Person"]) == 1


def test_ministry_named_one_way_however_written(nlp, gazetteer):
    text = (
        "Latvia's Defence Ministry signed the contract on Monday. "
        "The Ministry of Defence said deliveries would start in May."
    )
    record = extract(text, nlp, gazetteer)
    orgs = [e for e in record.entities if e.kind == "Organization"]
    assert [o.name for o in orgs] == ["Ministry of Defence of Latvia"]
    assert len(orgs[0].mentions) == 2


def test_hyphenated_and_demonym_organization_names(nlp, gazetteer):
    text = (
        "Ministers met at the NATO-Ukraine Council in Brussels, according to a statement "
        "from the Dutch Ministry of Defence."
    )
    orgs = names(extract(text, nlp, gazetteer), "Organization")
    assert "NATO-Ukraine Council" in orgs
    assert "Dutch Ministry of Defence" in orgs
