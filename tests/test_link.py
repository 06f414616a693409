"""The link stage: gazetteer links by kind, ambiguity, offices, user gazetteers."""

from __future__ import annotations

import copy

import pytest

from newsgraph.errors import LinkError
from newsgraph.gazetteer import Gazetteer, GazetteerRow, load_gazetteer
from newsgraph.link import LinkDecision, link_record, load_link_gazetteer
from newsgraph.model import (
    Anchor,
    Article,
    Coalition,
    CoalitionMember,
    Entity,
    Quote,
    Record,
    Role,
    entity_key,
)
from newsgraph.text import post_title_key


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    return load_gazetteer()


def ent(kind: str, name: str, *aliases: str) -> Entity:
    return Entity(key=entity_key(kind, name), name=name, kind=kind, aliases=list(aliases))


def record(text: str, *entities: Entity, roles=(), coalitions=(), quotes=()) -> Record:
    return Record(
        article=Article(id="test-article", text=text),
        entities=list(entities),
        roles=list(roles),
        coalitions=list(coalitions),
        quotes=list(quotes),
    )


def by_key(decisions: list[LinkDecision]) -> dict[str, LinkDecision]:
    return {d.key: d for d in decisions if d.kind != "Office"}


def gaz(*rows: GazetteerRow) -> Gazetteer:
    g = Gazetteer()
    for row in rows:
        g.add(row)
    return g


# --------------------------------------------------------------------------- entities


def test_links_countries_by_label_and_alias(shipped):
    rec = record(
        "Great Britain, the US and Türkiye joined Ukraine.",
        ent("Country", "Great Britain"),
        ent("Country", "US"),
        ent("Country", "Türkiye"),
        ent("Country", "Turkey"),
        ent("Country", "Ukraine"),
    )
    out, decisions = link_record(rec, shipped)
    got = {e.name: e.wikidata for e in out.entities}
    assert got == {"Great Britain": "Q145", "US": "Q30", "Türkiye": "Q43", "Turkey": "Q43", "Ukraine": "Q212"}
    for e in out.entities:
        assert e.link_method == "gazetteer"
        assert 0 < e.link_confidence <= 1
    assert out.entity("Country:ukraine").link_confidence > out.entity("Country:us").link_confidence
    assert all(d.linked and d.method == "gazetteer" for d in decisions)


def test_alias_written_in_the_article_is_used(shipped):
    rec = record("Britain (the United Kingdom) ...", ent("Country", "Albion", "Britain"))
    out, _ = link_record(rec, shipped)
    assert out.entities[0].wikidata == "Q145"


def test_input_record_is_not_mutated(shipped):
    rec = record(
        "Ukraine's Defence Minister Oleksii Reznikov.",
        ent("Country", "Ukraine"),
        ent("Person", "Oleksii Reznikov"),
        roles=[Role(person="Person:oleksii-reznikov", title="Defence Minister", of="Country:ukraine")],
    )
    before = copy.deepcopy(rec)
    out, _ = link_record(rec, shipped)
    assert rec == before
    assert out is not rec
    assert out.entities[0].wikidata == "Q212"
    assert rec.entities[0].wikidata is None
    assert rec.roles[0].office_wikidata is None


def test_person_named_like_a_country_never_links_to_the_country(shipped):
    rec = record("Jordan said ...", ent("Person", "Ukraine"), ent("Person", "Jordan"), ent("Place", "France"))
    out, decisions = link_record(rec, shipped)
    assert [e.wikidata for e in out.entities] == [None, None, None]
    d = by_key(decisions)
    assert "only as Country" in d["Person:ukraine"].reason
    assert d["Person:ukraine"].method == "none"


def test_kinds_never_cross_even_with_a_single_row():
    g = gaz(GazetteerRow(label="Jordan", kind="Country", qid="Q810", source="t"))
    out, decisions = link_record(record("Michael Jordan scored.", ent("Person", "Jordan")), g)
    assert out.entities[0].wikidata is None
    assert not decisions[0].linked


def test_unknown_and_itemless_names_stay_nil(shipped):
    rec = record("In Nowhereville and Bakhmut.", ent("Place", "Nowhereville"), ent("Place", "Bakhmut"))
    out, decisions = link_record(rec, shipped)
    assert [e.wikidata for e in out.entities] == [None, None]
    d = by_key(decisions)
    assert d["Place:nowhereville"].reason == "not in the gazetteer"
    assert "without a sourced Wikidata item" in d["Place:bakhmut"].reason


# --------------------------------------------------------------------------- ambiguity

AMBIGUOUS = gaz(
    GazetteerRow(label="Jordan", kind="Country", qid="Q810", aliases=("Hashemite Kingdom of Jordan",), source="t"),
    GazetteerRow(label="Jordan", kind="Person", qid="Q41421", aliases=("Michael Jordan",), source="t"),
    GazetteerRow(label="Springfield", kind="Place", qid="Q28515", aliases=("Springfield, Illinois",), source="t"),
    GazetteerRow(label="Springfield, Massachusetts", kind="Place", qid="Q49158", aliases=("Springfield",), source="t"),
)


def test_ambiguous_name_without_evidence_stays_nil():
    rec = record("Jordan sent aid.", ent("Country", "Jordan"))
    out, decisions = link_record(rec, AMBIGUOUS)
    assert out.entities[0].wikidata is None
    assert "ambiguous" in decisions[0].reason
    assert decisions[0].qid is None


def test_same_kind_rows_with_different_items_stay_nil():
    out, decisions = link_record(record("In Springfield.", ent("Place", "Springfield")), AMBIGUOUS)
    assert out.entities[0].wikidata is None
    assert "ambiguous" in decisions[0].reason


def test_ambiguous_name_resolved_by_another_name_in_the_article():
    text = "The Hashemite Kingdom of Jordan sent aid. Jordan also said ..."
    out, decisions = link_record(record(text, ent("Country", "Jordan")), AMBIGUOUS)
    assert out.entities[0].wikidata == "Q810"
    assert out.entities[0].link_confidence < 0.9
    assert "Hashemite Kingdom of Jordan" in decisions[0].reason


def test_ambiguous_name_resolved_by_coalition_membership():
    jordan = ent("Country", "Jordan")
    coalition = Coalition(
        key="Organization:demining-coalition",
        name="demining coalition",
        members=[CoalitionMember(country=jordan.key)],
    )
    out, _ = link_record(record("Jordan joined the demining coalition.", jordan, coalitions=[coalition]), AMBIGUOUS)
    assert out.entities[0].wikidata == "Q810"


def test_context_for_the_other_sense_keeps_the_entity_nil():
    text = "Michael Jordan visited. Jordan said the team would win."
    out, decisions = link_record(record(text, ent("Country", "Jordan")), AMBIGUOUS)
    assert out.entities[0].wikidata is None
    assert "Person" in decisions[0].reason


def test_speaker_evidence_links_a_person():
    person = ent("Person", "Jordan")
    quote = Quote(speaker=person.key, text="We will win", anchor=Anchor(start=0, end=11, exact="We will win"))
    out, _ = link_record(record("We will win, Jordan said.", person, quotes=[quote]), AMBIGUOUS)
    assert out.entities[0].wikidata == "Q41421"


def test_shipped_georgia_is_ambiguous_without_context(shipped):
    out, decisions = link_record(record("Georgia announced ...", ent("Country", "Georgia")), shipped)
    assert out.entities[0].wikidata is None
    assert "ambiguous" in decisions[0].reason


def test_shipped_georgia_as_coalition_member_links(shipped):
    georgia = ent("Country", "Georgia")
    coalition = Coalition(key="Organization:c", name="c", members=[CoalitionMember(country=georgia.key, lead=False)])
    out, _ = link_record(record("Georgia joined.", georgia, coalitions=[coalition]), shipped)
    assert out.entities[0].wikidata == "Q230"


# --------------------------------------------------------------------------- kept links


def test_links_already_in_the_record_are_kept(shipped):
    manual = ent("Country", "Nowhere")
    manual.wikidata, manual.link_method, manual.link_confidence = "Q42", "manual", 1.0
    reviewed = ent("Country", "Ukraine")
    reviewed.wikidata = "Q1"  # a reviewer's edit without a method
    out, decisions = link_record(record("", manual, reviewed), shipped)
    assert (out.entities[0].wikidata, out.entities[0].link_method) == ("Q42", "manual")
    assert out.entities[1].wikidata == "Q1"
    assert by_key(decisions)["Country:nowhere"].method == "manual"
    assert "kept" in by_key(decisions)["Country:ukraine"].reason


def test_linking_twice_gives_the_same_record(shipped):
    rec = record("Great Britain and Georgia.", ent("Country", "Great Britain"), ent("Country", "Georgia"))
    once, _ = link_record(rec, shipped)
    twice, _ = link_record(once, shipped)
    assert once == twice


# --------------------------------------------------------------------------- offices


@pytest.mark.parametrize(
    "title",
    ["Defense Minister", "Defence Minister", "Minister of Defense", "Minister of Defence", "minister for defence"],
)
def test_office_linked_from_title_and_country(shipped, title):
    person, ukraine = ent("Person", "Oleksii Reznikov"), ent("Country", "Ukraine")
    role = Role(person=person.key, title=title, of=ukraine.key)
    out, decisions = link_record(record("...", person, ukraine, roles=[role]), shipped)
    assert out.roles[0].office_wikidata == "Q33006385"
    office = [d for d in decisions if d.kind == "Office"]
    assert office and office[0].qid == "Q33006385" and office[0].key == person.key


def test_office_linked_through_country_alias(shipped):
    person, country = ent("Person", "Someone"), ent("Country", "Russian Federation")
    role = Role(person=person.key, title="President", of=country.key)
    out, _ = link_record(record("...", person, country, roles=[role]), shipped)
    assert out.roles[0].office_wikidata == "Q218295"


def test_office_title_naming_its_country(shipped):
    person = ent("Person", "Someone")
    role = Role(person=person.key, title="Minister of Defence of Ukraine")
    out, _ = link_record(record("...", person, roles=[role]), shipped)
    assert out.roles[0].office_wikidata == "Q33006385"


@pytest.mark.parametrize(
    "title, country",
    [("Deputy Defence Minister", "Ukraine"), ("Defence Minister", "Portugal"), ("Prime Minister", "Ruritania")],
)
def test_office_not_linked_without_a_matching_row(shipped, title, country):
    person, place = ent("Person", "Someone"), ent("Country", country)
    role = Role(person=person.key, title=title, of=place.key)
    out, decisions = link_record(record("...", person, place, roles=[role]), shipped)
    assert out.roles[0].office_wikidata is None
    assert any(d.kind == "Office" and d.qid is None for d in decisions)


def test_office_row_without_item_is_reported(shipped):
    person, russia = ent("Person", "Someone"), ent("Country", "Russia")
    role = Role(person=person.key, title="Defense Minister", of=russia.key)
    out, decisions = link_record(record("...", person, russia, roles=[role]), shipped)
    assert out.roles[0].office_wikidata is None
    assert "no sourced Wikidata item" in [d for d in decisions if d.kind == "Office"][0].reason


def test_post_title_key():
    assert post_title_key("Defense Minister") == post_title_key("Minister of Defence") == "minister of defence"
    assert post_title_key("Prime Minister") == "prime minister"
    assert post_title_key("Deputy Defence Minister") != post_title_key("Defence Minister")


# --------------------------------------------------------------------------- user gazetteers


def test_user_gazetteer_overrides_and_adds(tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text(
        "label\taliases\tqid\tkind\tsource\n"
        "Ruritania\tRuritanian Kingdom\tQ999999\tCountry\tmy notes\n"
        "Bakhmut\tArtemivsk\tQ888888\tPlace\tmy notes\n",
        encoding="utf-8",
    )
    g = load_link_gazetteer(extra)
    rec = record("...", ent("Country", "Ruritanian Kingdom"), ent("Place", "Artemivsk"), ent("Country", "Ukraine"))
    out, _ = link_record(rec, g)
    assert [e.wikidata for e in out.entities] == ["Q999999", "Q888888", "Q212"]


@pytest.mark.parametrize(
    "content",
    [
        "label\taliases\tqid\tkind\tsource\nX\t\tQ1\tNation\ts\n",
        "label\taliases\tqid\tkind\tsource\nX\t\tnot-a-qid\tCountry\ts\n",
        "label\taliases\tqid\tkind\tsource\nX\tQ1\n",
        "name,qid\nX,Q1\n",
    ],
)
def test_malformed_user_gazetteer_raises_link_error_naming_the_file(tmp_path, content):
    bad = tmp_path / "broken-gazetteer.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(LinkError, match="broken-gazetteer.tsv"):
        load_link_gazetteer(bad)


def test_missing_and_binary_user_gazetteer_raise_link_error(tmp_path):
    with pytest.raises(LinkError, match="absent.tsv"):
        load_link_gazetteer(tmp_path / "absent.tsv")
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(b"\xff\xfe\x00label")
    with pytest.raises(LinkError, match="binary.tsv"):
        load_link_gazetteer(binary)


def test_link_error_has_the_link_exit_code(tmp_path):
    bad = tmp_path / "b.tsv"
    bad.write_text("nope\n", encoding="utf-8")
    with pytest.raises(LinkError) as info:
        load_link_gazetteer(bad)
    assert info.value.exit_code == 5


@pytest.mark.parametrize(
    "title, country, qid",
    [("Minister of Defence", "Latvia", "Q6590375"), ("Defense Minister", "Estonia", "Q3741249"),
     ("Prime Minister", "Poland", "Q3259469")],
)
def test_offices_of_nato_members_link(shipped, title, country, qid):
    person, place = ent("Person", "Someone"), ent("Country", country)
    role = Role(person=person.key, title=title, of=place.key)
    out, _ = link_record(record("...", person, place, roles=[role]), shipped)
    assert out.roles[0].office_wikidata == qid


def test_shipped_punjab_is_ambiguous_without_context(shipped):
    punjab = ent("Place", "Punjab")
    out, decisions = link_record(record("Floods hit Punjab.", punjab), shipped)
    assert out.entities[0].wikidata is None
    assert by_key(decisions)[punjab.key].ambiguous


@pytest.mark.parametrize(
    "text, qid",
    [("Floods in Indian Punjab spread to Punjab's capital.", "Q22424"),
     ("Pakistani Punjab, the most populous province: Punjab voted.", "Q4478")],
)
def test_shipped_punjab_resolved_by_another_name_in_the_article(shipped, text, qid):
    punjab = ent("Place", "Punjab")
    out, _ = link_record(record(text, punjab), shipped)
    assert out.entities[0].wikidata == qid


def test_shipped_georgia_state_resolved_by_another_name_in_the_article(shipped):
    georgia = ent("Place", "Georgia")
    out, _ = link_record(record("Voters in the State of Georgia went to the polls; Georgia counts.", georgia), shipped)
    assert out.entities[0].wikidata == "Q1428"
