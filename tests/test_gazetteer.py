"""The shipped gazetteer: it loads, is well-formed and sourced, and resolves common names."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from newsgraph.gazetteer import COLUMNS, KINDS, Gazetteer, GazetteerRow, load_gazetteer, read_rows
from newsgraph.text import normalise

QID = re.compile(r"^Q[1-9][0-9]*$")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def shipped_text() -> str:
    return resources.files("newsgraph").joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")


def country_qid(gazetteer: Gazetteer, name: str) -> str | None:
    rows = gazetteer.lookup(name, "Country")
    assert len(rows) == 1, f"{name!r} should name exactly one Country row, got {rows}"
    return rows[0].qid


def test_shipped_file_loads_with_header_and_rows(gazetteer, shipped_text):
    assert shipped_text.splitlines()[0].split("\t") == list(COLUMNS)
    assert len(gazetteer.rows) > 300
    assert {r.kind for r in gazetteer.rows} <= set(KINDS)


def test_every_line_has_five_tab_separated_columns(shipped_text):
    for lineno, line in enumerate(shipped_text.splitlines(), start=1):
        assert line.count("\t") == 4, f"line {lineno}: {line!r}"
        assert line == line.strip(), f"line {lineno} has stray whitespace"


def test_no_duplicate_label_and_kind(gazetteer):
    seen: set[tuple[str, str]] = set()
    for row in gazetteer.rows:
        key = (normalise(row.label), row.kind)
        assert key not in seen, f"duplicate row {key}"
        seen.add(key)


def test_every_qid_is_a_wikidata_item_id(gazetteer):
    for row in gazetteer.rows:
        if row.qid is not None:
            assert QID.match(row.qid), row


def test_every_row_with_a_qid_names_its_source(gazetteer):
    for row in gazetteer.rows:
        if row.qid is not None:
            assert row.source.strip(), f"{row.label} ({row.kind}) has a QID but no source"


def test_no_absolute_paths_in_sources(gazetteer):
    for row in gazetteer.rows:
        # repository-relative paths only: nothing like " /some/dir" or "C:\\"
        assert not re.search(r"(^|\s)/\w|[A-Za-z]:\\", row.source), row


def test_file_is_sorted_by_kind_then_label(gazetteer):
    keys = [(r.kind, normalise(r.label), r.label) for r in gazetteer.rows]
    assert keys == sorted(keys)


def test_one_item_per_country(gazetteer):
    qids = [r.qid for r in gazetteer.rows if r.kind == "Country" and r.qid]
    assert len(qids) == len(set(qids))


def test_every_un_member_and_observer_is_present(gazetteer):
    countries = [r for r in gazetteer.rows if r.kind == "Country"]
    # 193 UN members + 2 observer states (+ Taiwan, Kosovo)
    assert len(countries) >= 195
    for name in ("Holy See", "Palestine", "South Sudan", "Eswatini", "North Macedonia", "Timor-Leste"):
        assert country_qid(gazetteer, name)


@pytest.mark.parametrize(
    "name, qid",
    [
        ("Ukraine", "Q212"),
        ("Russia", "Q159"),
        ("United States", "Q30"),
        ("Denmark", "Q35"),
        ("Netherlands", "Q55"),
        ("France", "Q142"),
        ("United Kingdom", "Q145"),
        ("Norway", "Q20"),
        ("Germany", "Q183"),
        ("Poland", "Q36"),
        ("Estonia", "Q191"),
        ("Luxembourg", "Q32"),
        ("Lithuania", "Q37"),
        ("Belgium", "Q31"),
        ("Canada", "Q16"),
        ("Türkiye", "Q43"),
        ("Latvia", "Q211"),
    ],
)
def test_known_country_qids(gazetteer, name, qid):
    assert country_qid(gazetteer, name) == qid


@pytest.mark.parametrize(
    "alias, qid",
    [
        ("Great Britain", "Q145"),
        ("Britain", "Q145"),
        ("UK", "Q145"),
        ("the UK", "Q145"),
        ("United Kingdom of Great Britain and Northern Ireland", "Q145"),
        ("the US", "Q30"),
        ("U.S.", "Q30"),
        ("USA", "Q30"),
        ("United States of America", "Q30"),
        ("America", "Q30"),
        ("Turkey", "Q43"),
        ("Turkiye", "Q43"),
        ("Türkiye", "Q43"),
        ("TÜRKIYE", "Q43"),
        ("Holland", "Q55"),
        ("the Netherlands", "Q55"),
        ("Russian Federation", "Q159"),
        ("Czech Republic", "Q213"),
        ("Czechia", "Q213"),
        ("Republic of Moldova", "Q217"),
        ("Türkiye’s", None),  # a possessive is not a name
    ],
)
def test_country_aliases_resolve(gazetteer, alias, qid):
    rows = gazetteer.lookup(alias, "Country")
    if qid is None:
        assert rows == []
    else:
        assert [r.qid for r in rows] == [qid]


def test_other_kinds_spot_checks(gazetteer):
    assert [r.qid for r in gazetteer.lookup("NATO", "Organization")] == ["Q7184"]
    assert [r.qid for r in gazetteer.lookup("European Union", "Organization")] == ["Q458"]
    assert [r.qid for r in gazetteer.lookup("Black Sea", "Place")] == ["Q166"]
    assert [r.qid for r in gazetteer.lookup("Minister of Defence of Ukraine", "Office")] == ["Q33006385"]
    assert [r.qid for r in gazetteer.lookup("Oleksiy Reznikov", "Person")] == ["Q4392444"]
    assert [r.qid for r in gazetteer.lookup("Oleksii Reznikov", "Person")] == ["Q4392444"]


def test_lookup_filters_by_kind(gazetteer):
    assert gazetteer.lookup("Ukraine", "Person") == []
    assert gazetteer.lookup("Ukraine", "Country")


def test_georgia_is_known_in_two_kinds(gazetteer):
    kinds = {r.kind for r in gazetteer.lookup("Georgia")}
    assert kinds == {"Country", "Place"}


def test_normalise():
    assert normalise("The  Netherlands") == "netherlands"
    assert normalise("Türkiye") == "turkiye"
    assert normalise("U.S.") == normalise("U S")
    assert normalise("Côte d’Ivoire") == normalise("Cote d'Ivoire")


def test_read_rows_parses_aliases_and_empty_qid():
    text = "label\taliases\tqid\tkind\tsource\nKyiv\tKiev| Kyjiw \t\tPlace\t\n# comment\n\n"
    rows = read_rows(text=text)
    assert rows == [GazetteerRow(label="Kyiv", kind="Place", qid=None, aliases=("Kiev", "Kyjiw"), source="")]


@pytest.mark.parametrize(
    "body, message",
    [
        ("X\t\tQ1\tCountry\n", "expected 5 columns"),
        ("X\t\tQ1\tNation\ts\n", "unknown kind"),
        ("X\t\tq12\tCountry\ts\n", "not a Wikidata item id"),
        ("X\t\tQ012\tCountry\ts\n", "not a Wikidata item id"),
    ],
)
def test_read_rows_rejects_bad_rows(body, message):
    with pytest.raises(ValueError, match=message):
        read_rows(text="label\taliases\tqid\tkind\tsource\n" + body)


def test_read_rows_rejects_a_bad_header():
    with pytest.raises(ValueError, match="header"):
        read_rows(text="name\tqid\nX\tQ1\n")


def test_user_file_adds_and_overrides(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "label\taliases\tqid\tkind\tsource\n"
        "Ruritania\t\tQ999999\tCountry\ttest\n"
        "Ukraine\tUkr\tQ123\tCountry\ttest override\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(extra)
    assert [r.qid for r in gazetteer.lookup("Ruritania", "Country")] == ["Q999999"]
    assert [r.qid for r in gazetteer.lookup("Ukraine", "Country")] == ["Q123"]
    assert [r.qid for r in gazetteer.lookup("Ukr", "Country")] == ["Q123"]
    assert [r.qid for r in gazetteer.lookup("Russia", "Country")] == ["Q159"]
    # the shipped row is replaced, not duplicated
    assert len([r for r in gazetteer.rows if r.kind == "Country" and r.label == "Ukraine"]) == 1
