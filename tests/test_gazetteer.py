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


# --------------------------------------------------------------------------- subdivisions, banks, agencies, IOs


@pytest.mark.parametrize(
    "source, count",
    [
        ("docs/iso2_list/US.md", 50),  # the 50 states (D.C. is the 'Washington, D.C.' row)
        ("docs/iso2_list/IN.md", 35),  # 28 states and 8 union territories, less the 2020 merger (sourced apart)
        ("docs/iso2_list/CN.md", 33),  # 22 provinces, 5 autonomous regions, 4 municipalities, Hong Kong, Macau
        ("docs/iso2_list/CA.md", 13),
        ("docs/iso2_list/DE.md", 15),  # Berlin is the capital's row, with the same item
        ("docs/iso2_list/BR.md", 27),
        ("docs/iso2_list/AU.md", 8),
    ],
)
def test_first_level_subdivisions_are_complete(gazetteer, source, count):
    rows = [r for r in gazetteer.rows if source in r.source]
    assert len(rows) == count
    assert all(r.kind == "Place" and r.qid for r in rows)
    assert len({r.qid for r in rows}) == count


@pytest.mark.parametrize(
    "name, kind, qid",
    [
        ("Uttar Pradesh", "Place", "Q1498"),
        ("Orissa", "Place", "Q22048"),  # the former name
        ("Dadra and Nagar Haveli and Daman and Diu", "Place", "Q77997266"),
        ("California", "Place", "Q99"),
        ("Washington State", "Place", "Q1223"),
        ("Guangdong", "Place", "Q15175"),
        ("Hong Kong", "Place", "Q8646"),
        ("Ontario", "Place", "Q1904"),
        ("Bavaria", "Place", "Q980"),
        ("North Rhine-Westphalia", "Place", "Q1198"),
        ("São Paulo state", "Place", "Q175"),
        ("Queensland", "Place", "Q36074"),
        ("Federal Reserve", "Organization", "Q53536"),
        ("the Fed", "Organization", "Q53536"),
        ("RBI", "Organization", "Q944085"),
        ("Bank of England", "Organization", "Q183231"),
        ("Reuters", "Organization", "Q130879"),
        ("AP", "Organization", "Q40469"),
        ("Xinhua", "Organization", "Q204839"),
        ("G20", "Organization", "Q19771"),
        ("G-7", "Organization", "Q1764511"),
        ("OPEC", "Organization", "Q7795"),
        ("WHO", "Organization", "Q7817"),
        ("Interpol", "Organization", "Q8475"),
        ("Gulf Cooperation Council", "Organization", "Q217172"),
    ],
)
def test_new_rows_resolve(gazetteer, name, kind, qid):
    assert [r.qid for r in gazetteer.lookup(name, kind)] == [qid]


@pytest.mark.parametrize(
    "name",
    [
        # a name read far more often as something else is not an alias of a subdivision or a body
        "Washington", "New York", "Victoria", "Virginia", "Bremen", "São Paulo", "Rio de Janeiro",
        "UP", "MP", "BoC", "BIS", "DPA", "Bayern",
    ],
)
def test_names_read_otherwise_are_not_claimed(gazetteer, name):
    assert gazetteer.lookup(name, "Place") == []
    assert gazetteer.lookup(name, "Organization") == []


def test_only_known_ambiguous_names_are_shared_between_rows(gazetteer):
    shared = {name for name, rows in gazetteer._index.items() if len(rows) > 1}
    # 'Georgia': the country and the U.S. state; 'Punjab': the region, the Indian state, the Pakistani province.
    assert shared == {"georgia", "punjab"}


def test_sources_name_public_files(gazetteer):
    clause = re.compile(r"^github\.com/[\w.-]+/[\w.-]+ \S")
    for row in gazetteer.rows:
        if row.qid and row.source.startswith("wikidata via "):
            for part in row.source[len("wikidata via "):].split("; agrees with "):
                assert clause.match(part), (row.label, part)


def test_new_kinds_link_through_the_extractor_and_linker(nlp, gazetteer):
    from newsgraph.extract import extract_record
    from newsgraph.link import link_record
    from newsgraph.model import Article

    text = (
        "MUMBAI, March 3 (Reuters) - The Reserve Bank of India kept its key rate unchanged on Tuesday, "
        "the RBI said, as floods hit Uttar Pradesh and Bavaria. Leaders of the G20 met in Brussels, "
        "and the Fed said it would wait.\n"
    )
    record, _ = link_record(extract_record(Article(id="t", text=text), nlp, gazetteer), gazetteer)
    linked = {e.name: (e.kind, e.wikidata) for e in record.entities}
    assert linked["Reserve Bank of India"] == ("Organization", "Q944085")
    assert linked["Uttar Pradesh"] == ("Place", "Q1498")
    assert linked["Bavaria"] == ("Place", "Q980")
    assert linked["Group of Twenty"] == ("Organization", "Q19771")
    assert linked["Federal Reserve"] == ("Organization", "Q53536")
    assert linked["Reuters"] == ("Organization", "Q130879")
    # 'RBI' is the same entity as the bank, not a second one
    assert sum(1 for e in record.entities if e.wikidata == "Q944085") == 1
