"""The record file (`newsgraph.record`): what `extract` writes reads back identically, in YAML
and JSON, and validates against the published JSON Schema; a record a person broke is one line
naming the field by its path (exit 3), and nothing is published; every character of an
article survives the YAML record."""

from __future__ import annotations

import copy
import json
import random
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from newsgraph import pipeline
from newsgraph._yaml import load_yaml
from newsgraph.cli import main
from newsgraph.errors import RecordError
from newsgraph.extract import extract_record
from newsgraph.extract.anchors import make_anchor
from newsgraph.model import Anchor, Article, Entity, Quote, Record, Role, Statistic
from newsgraph.read import read_article
from newsgraph.record import (
    SCHEMA_ID,
    check_record,
    read_record,
    record_bytes,
    record_from_dict,
    record_schema,
    record_to_dict,
    schema_location,
    schema_text,
    write_record,
)

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_SCHEMA = ROOT / "src" / "newsgraph" / "resources" / "record.schema.json"
TEXT = (
    "Estonia buys radars, minister says\n\n"
    "Estonia's Minister of Defence Hanno Pevkur said on Monday that Estonia and Latvia would buy "
    "12 radars for NATO. “We act now,” Pevkur said.\n"
)


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def mapped(record: Path, out: Path) -> tuple[int, str]:
    """`newsgraph map RECORD -o OUT --no-link` as a user sees it: exit code and all it printed."""
    result = run("map", record, "-o", out, "--no-link")
    return result.exit_code, result.output


def anchor(words: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(words, start + 1)
    return make_anchor(TEXT, start, start + len(words))


def small_record() -> Record:
    """A record made by hand (these tests do not depend on the extractor), every part present."""
    return Record(
        article=Article(id="estonia-radars", text=TEXT, title="Estonia buys radars, minister says",
                        source="estonia-radars.txt", url="https://news.example/estonia-radars", published="2024-10-14"),
        entities=[
            Entity(key="Country:estonia", name="Estonia", kind="Country", wikidata="Q191", link_method="gazetteer",
                   link_confidence=0.9, mentions=[anchor("Estonia"), anchor("Estonia", 2)]),
            Entity(key="Country:latvia", name="Latvia", kind="Country", mentions=[anchor("Latvia")]),
            Entity(key="Organization:nato", name="NATO", kind="Organization", mentions=[anchor("NATO")]),
            Entity(key="Person:hanno-pevkur", name="Hanno Pevkur", kind="Person", aliases=["Pevkur"],
                   mentions=[anchor("Hanno Pevkur"), anchor("Pevkur", 1)]),
        ],
        roles=[Role(person="Person:hanno-pevkur", title="Minister of Defence", of="Country:estonia", start="2022-07-18",
                    anchors=[anchor("Estonia's Minister of Defence Hanno Pevkur")])],
        quotes=[Quote(speaker="Person:hanno-pevkur", text="We act now,", anchor=anchor("We act now,"))],
        statistics=[Statistic(value="12", counts="radars", subject="Country:estonia", claimed_by="Person:hanno-pevkur",
                              written="12", anchors=[anchor("12 radars")])],
        extractor="newsgraph 0.1.0",
        model="test 0",
    )


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(record_schema())


# ---------------------------------------------------------------- the schema


def test_the_shipped_schema_is_the_generated_one():
    assert SHIPPED_SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "regenerate it: newsgraph extract --schema > src/newsgraph/resources/record.schema.json")


def test_the_schema_is_a_valid_draft_2020_12_schema():
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID
    # Every class of the model is described, and nothing is left open to misspelt fields.
    assert set(schema["$defs"]) == {"Article", "Entity", "Anchor", "Role", "Quote", "Claim", "Statistic",
                                    "Coalition", "CoalitionMember"}
    assert all(d["additionalProperties"] is False for d in schema["$defs"].values())


def test_extract_schema_prints_it_without_an_article():
    result = run("extract", "--schema")
    assert result.exit_code == 0, result.output
    assert result.output == schema_text()
    assert json.loads(result.output)["$id"] == SCHEMA_ID


def test_extract_without_an_article_is_still_a_usage_error():
    result = run("extract")
    assert result.exit_code == 2
    assert "Missing argument 'ARTICLE'" in result.output


def test_written_records_name_the_schema_by_its_id(tmp_path):
    location = schema_location()
    assert location == json.loads(schema_text())["$id"] == "https://w3id.org/newsgraph/schema/record-1.json"
    yaml_text = write_record(small_record(), tmp_path / "r.yaml").read_text(encoding="utf-8")
    assert yaml_text.splitlines()[0] == f"# yaml-language-server: $schema={location}"
    data = json.loads(write_record(small_record(), tmp_path / "r.json").read_text(encoding="utf-8"))
    assert list(data)[:2] == ["$schema", "format"] and data["$schema"] == location


def test_a_record_of_any_schema_value_reads_the_same(tmp_path):
    data = record_to_dict(small_record())
    for value in ("https://elsewhere.example/record.json", ""):
        path = tmp_path / "r.json"
        path.write_text(json.dumps({"$schema": value, **data}), encoding="utf-8")
        assert read_record(path) == small_record()


# ---------------------------------------------------------------- what extract writes


@pytest.fixture(scope="module")
def extracted(nlp, gazetteer) -> list[tuple[str, Record]]:
    """The records `newsgraph extract` writes (extracted and linked offline) for the sample and
    every benchmark article."""
    paths = [ROOT / "examples" / "umerov-ramstein-2024.txt", *sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))]
    assert len(paths) > 5
    records = []
    for path in paths:
        record = extract_record(read_article(path), nlp, gazetteer)
        records.append((path.name, pipeline.link(record, gazetteer)[0]))
    return records


@pytest.mark.slow
def test_every_extracted_record_round_trips_through_yaml_and_json_and_fits_the_schema(tmp_path, extracted):
    schema = validator()
    for name, record in extracted:
        check_record(record)
        for suffix in (".yaml", ".json"):
            path = write_record(record, tmp_path / f"{name}{suffix}")
            assert read_record(path) == record, name
            assert record_bytes(read_record(path), as_json=suffix == ".json") == path.read_bytes(), name
            text = path.read_text(encoding="utf-8")
            data = json.loads(text) if suffix == ".json" else load_yaml(text)
            errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in schema.iter_errors(data)]
            assert errors == [], (name, suffix, errors[:3])


@pytest.mark.parametrize("written", [
    "2024-10-14", "2024-10-14T09:30", "2024-10-14 09:30:00.25+0530", "2024-10-14T23:59:59-00:00",
    "Mon, 14 Oct 2024 06:30:00 GMT", "14 October 2024", "October 14, 2024",
    "2024-10-14T09:30:00+2400", "２０２４-１０-１４", "2024-02-30", "2024-10-14T24:00",
])
def test_a_date_an_article_gives_is_one_a_record_accepts(tmp_path, written):
    """`published` as the reader makes it from front matter or a page: a date the record
    accepts, or none (the article is refused; a page's date is left out)."""
    page = tmp_path / "page.html"
    page.write_text(f'<html><head><meta property="article:published_time" content="{written}"></head><body>'
                    f"<article><p>{TEXT.split(chr(10))[2] * 3}</p></article></body></html>", encoding="utf-8")
    published = read_article(page).published
    record = small_record()
    record.article.published = published
    check_record(record)
    assert (published is None) is (written in ("2024-10-14T09:30:00+2400", "２０２４-１０-１４", "2024-02-30",
                                               "2024-10-14T24:00"))


def test_front_matter_url_the_record_would_refuse_is_refused_by_extract(tmp_path):
    article = tmp_path / "radars.txt"
    article.write_text(f"---\nurl: http://\n---\n{TEXT}", encoding="utf-8")
    result = run("extract", article, "--no-link")
    assert (result.exit_code, result.output) == (3, f"Error: {article}: front matter url: 'http://' is not an http(s) URL\n")


def test_the_dict_form_round_trips():
    record = small_record()
    assert record_from_dict(record_to_dict(record)) == record
    assert record_from_dict(json.loads(json.dumps(record_to_dict(record)))) == record


# ---------------------------------------------------------------- broken records: one line each


def _step(data, part: str):
    name, *indexes = re.findall(r"[^\[\]]+", part)
    return name, [int(i) for i in indexes]


def _parent(data: dict, path: str):
    parts = path.split(".")
    for part in parts[:-1]:
        name, indexes = _step(data, part)
        data = data[name]
        for i in indexes:
            data = data[i]
    name, indexes = _step(data, parts[-1])
    for i in indexes:
        data = data[name]
        name = i
    return data, name


def setting(path: str, value):
    def change(data):
        parent, key = _parent(data, path)
        parent[key] = value
    return change


def removing(path: str):
    def change(data):
        parent, key = _parent(data, path)
        del parent[key]
    return change


QUOTE = TEXT.index("We act now,")
SLUG = ("is not a slug: lower-case letters and digits, in words joined by '-' (like 'ministry-briefing-2024'); "
        "it names the published files")
DATE_TIME = "is not an ISO 8601 date or date-time (like 2024-10-14 or 2024-10-14T09:30:00+03:00)"
DATE = "is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"
URL = "is not an absolute http(s) IRI (like https://example.com/news/story)"
KEY = "is not an entity key: a kind and a slug (like 'Person:andris-spruds')"
NUMBER = "is not a decimal number of at most 40 digits (like 400 or 0.3333)"

#: (change, the message after "malformed record: ", whether the JSON Schema alone refuses it too).
BROKEN = [
    (setting("entities[3].mentions[0].start", "ten"), "entities[3].mentions[0].start: expected a whole number", True),
    (setting("entities[3].mentions[0].start", None), "entities[3].mentions[0].start: expected a whole number", True),
    (setting("entities[3].mentions[0].start", -1), "entities[3].mentions[0].start: -1 is negative (offsets count from 0)", True),
    (setting("article.published", "2024-02-30"), f"article.published: '2024-02-30' {DATE_TIME}", False),
    (setting("article.published", "2024-13-01"), f"article.published: '2024-13-01' {DATE_TIME}", True),
    (setting("article.published", "2024-01-01T25:61:00"), f"article.published: '2024-01-01T25:61:00' {DATE_TIME}", True),
    (setting("article.published", "yesterday"), f"article.published: 'yesterday' {DATE_TIME}", True),
    (setting("roles[0].start", "2023-02-29"), f"roles[0].start: '2023-02-29' {DATE}", False),
    (setting("roles[0].end", "2024-02-30"), f"roles[0].end: '2024-02-30' {DATE}", False),
    (setting("roles[0].end", "2024-00"), f"roles[0].end: '2024-00' {DATE}", True),
    (setting("roles[0].end", "2021"), "roles[0].end: '2021' is before the start, '2022-07-18'", False),
    (setting("entities[0].link_confidence", 1.5), "entities[0].link_confidence: 1.5 is not a number from 0 to 1", True),
    (setting("entities[0].link_confidence", -0.1), "entities[0].link_confidence: -0.1 is not a number from 0 to 1", True),
    (setting("entities[0].link_confidence", float("nan")), "entities[0].link_confidence: nan is not a number from 0 to 1", False),
    (setting("entities[0].link_confidence", "high"), "entities[0].link_confidence: expected a number", True),
    (setting("article.url", "javascript:alert(1)"), f"article.url: 'javascript:alert(1)' {URL}", True),
    (setting("article.url", "http://"), f"article.url: 'http://' {URL}", True),
    (setting("article.url", "news.example/estonia"), f"article.url: 'news.example/estonia' {URL}", True),
    (setting("article.url", "https://news.example/a b"), "article.url: 'https://news.example/a b' is not an IRI "
     "(empty, or holds spaces or characters such as < > \" { })", True),
    (setting("article.id", "a b/../../etc/passwd"), f"article.id: 'a b/../../etc/passwd' {SLUG}", True),
    (setting("article.id", "/tmp/escape"), f"article.id: '/tmp/escape' {SLUG}", True),
    (setting("article.id", "Estonia-Radars"), f"article.id: 'Estonia-Radars' {SLUG}", True),
    (setting("article.sha256", "abc"), "article.sha256: 'abc' is not a SHA-256 digest in 64 lower-case hexadecimal "
     "digits, or empty", True),
    (setting("article.text", " \n"), "article.text: the article text is empty", True),
    (removing("article.text"), "article.text: required field is missing", True),
    (setting("article.colour", "red"), "article.colour: unknown field", True),
    (setting("article", "Estonia buys radars"), "article: expected a mapping", True),
    (setting("entities", {"Country:estonia": "Estonia"}), "entities: expected a list", True),
    (setting("entities[3].aliases", ["Pevkur", ["Hanno"]]), "entities[3].aliases[1]: expected text", True),
    (setting("roles[0].title", True), "roles[0].title: expected text", True),
    (setting("quotes[0].anchor.exact", "We act later,"), f"quotes[0].anchor.exact: 'We act later,' is not the article "
     f"text from {QUOTE} to {QUOTE + 11}, 'We act now,'", False),
    (setting("quotes[0].anchor.end", 10**6), f"quotes[0].anchor: the span {QUOTE}-1000000 is not within the article "
     f"text (0 ≤ start ≤ end ≤ {len(TEXT)})", False),
    (setting("quotes[0].anchor.start", QUOTE + 12), f"quotes[0].anchor: the span {QUOTE + 12}-{QUOTE + 11} is not within "
     f"the article text (0 ≤ start ≤ end ≤ {len(TEXT)})", False),
    (setting("quotes[0].anchor.prefix", "he said: “"), f"quotes[0].anchor.prefix: 'he said: “' is not the article text "
     f"just before {QUOTE} (correct it, or leave it empty)", False),
    (setting("quotes[0].anchor.suffix", "” she"), f"quotes[0].anchor.suffix: '” she' is not the article text "
     f"just after {QUOTE + 11} (correct it, or leave it empty)", False),
    (setting("entities[0].wikidata", "Q0"), "entities[0].wikidata: 'Q0' is not a Wikidata item id (like Q212)", True),
    (setting("entities[0].wikidata", "191"), "entities[0].wikidata: '191' is not a Wikidata item id (like Q212)", True),
    (setting("entities[0].wikidata", "Q1234567890123"), "entities[0].wikidata: 'Q1234567890123' is not a Wikidata "
     "item id (like Q212)", True),
    (setting("entities[0].wikidata", "http://www.wikidata.org/entity/Q191"), "entities[0].wikidata: "
     "'http://www.wikidata.org/entity/Q191' is not a Wikidata item id (like Q212)", True),
    (setting("roles[0].office_wikidata", "P39"), "roles[0].office_wikidata: 'P39' is not a Wikidata item id (like Q212)", True),
    (setting("statistics[0].value", "1e5"), f"statistics[0].value: '1e5' {NUMBER}", True),
    (setting("statistics[0].value", "twelve"), f"statistics[0].value: 'twelve' {NUMBER}", True),
    (setting("statistics[0].upper", "9" * 41), f"statistics[0].upper: '{'9' * 41}' {NUMBER}", True),
    (setting("statistics[0].kind", "guess"), "statistics[0].kind: 'guess' is not one of count, ratio, relative change, "
     "duration, amount", True),
    (setting("statistics[0].qualifier", "maybe"), "statistics[0].qualifier: 'maybe' is not one of approximately, "
     "more than, at least, up to, less than, nearly, between", True),
    (setting("statistics[0].anchors", []), "statistics[0].anchors: a statistic needs at least one anchor", True),
    (setting("entities[2].kind", "Alliance"), "entities[2].kind: 'Alliance' is not one of Person, Country, Place, "
     "Organization, Event", True),
    (setting("entities[3].key", "Person:Hanno Pevkur"), f"entities[3].key: 'Person:Hanno Pevkur' {KEY}", True),
    (setting("entities[1].key", "Country:estonia"), "entities[1].key: 'Country:estonia' is the key of entities[0] too", False),
    (setting("entities[1].kind", "Place"), "entities[1].key: 'Country:latvia' does not start with the entity's kind, Place", False),
    (setting("roles[0].of", "Country:lithuania"), "roles[0].of: 'Country:lithuania' is not the key of an entity in `entities`", False),
    (setting("statistics[0].claimed_by", "Hanno Pevkur"), f"statistics[0].claimed_by: 'Hanno Pevkur' {KEY}, naming an "
     "entity of `entities`", True),
    (setting("format", "newsgraph-record/2"), "format: unknown record format 'newsgraph-record/2' "
     "(expected 'newsgraph-record/1')", True),
]


@pytest.mark.parametrize(("change", "message", "schema_refuses"), BROKEN, ids=[m.split(":")[0] + f"-{i}" for i, (_, m, _) in enumerate(BROKEN)])
def test_a_broken_record_is_one_line_naming_the_field(tmp_path, change, message, schema_refuses):
    data = record_to_dict(small_record())
    change(data)
    path = tmp_path / "rec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    assert mapped(path, out) == (3, f"Error: {path}: malformed record: {message}\n")
    assert not out.exists()
    # The same in JSON (Python's reader takes NaN too), and as the library says it.
    json_path = tmp_path / "rec.json"
    json_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert mapped(json_path, out) == (3, f"Error: {json_path}: malformed record: {message}\n")
    with pytest.raises(RecordError) as caught:
        record_from_dict(copy.deepcopy(data))
    assert str(caught.value) == f"malformed record: {message}"
    # The schema refuses what it can express; the rest (the calendar, the text, references) only newsgraph checks.
    assert (not validator().is_valid(data)) is schema_refuses


def test_whatever_violates_the_schema_is_refused_in_one_line(tmp_path):
    """Beyond the cases above: every field, set to a value of each JSON type, is refused by the
    reader whenever the schema refuses it."""
    base = record_to_dict(small_record())
    schema = validator()
    paths = [
        "article.id", "article.text", "article.url", "article.published", "article.language",
        "entities[0].kind", "entities[0].wikidata", "entities[0].link_confidence", "entities[0].aliases",
        "entities[0].mentions[0].end", "entities[0].mentions", "roles[0].start", "roles[0].anchors",
        "quotes[0].anchor", "quotes[0].speaker", "statistics[0].value", "statistics[0].anchors[0]", "extractor",
    ]
    values = [None, True, 0, 2.5, -3, "", "x", [], ["x"], {}, {"start": 0}]
    refused = 0
    for path in paths:
        for value in values:
            data = copy.deepcopy(base)
            setting(path, value)(data)
            if schema.is_valid(data):
                continue
            refused += 1
            with pytest.raises(RecordError, match=rf"^malformed record: {re.escape(path.split('.')[0])}"):
                record_from_dict(data)
    assert refused > len(paths) * len(values) // 2


def test_an_article_id_cannot_write_outside_the_output_folder(tmp_path):
    data = record_to_dict(small_record())
    data["article"]["id"] = "../../escaped"
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    path = folder / "rec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert mapped(path, folder / "out") == (3, f"Error: {path}: malformed record: article.id: '../../escaped' {SLUG}\n")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["a", "a/b", "a/b/rec.yaml"]


def test_a_lone_surrogate_in_a_json_record_is_refused(tmp_path):
    text = json.dumps(record_to_dict(small_record())).replace('"title": "Estonia', '"title": "\\ud800Estonia', 1)
    path = tmp_path / "rec.json"
    path.write_text(text, encoding="utf-8")
    assert mapped(path, tmp_path / "out") == (
        3, f"Error: {path}: malformed record: article.title: holds a lone surrogate (U+D800), which is not text\n")


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_number_of_thousands_of_digits_is_refused(tmp_path, suffix):
    data = record_to_dict(small_record())
    data["quotes"][0]["anchor"]["start"] = 12345
    text = json.dumps(data) if suffix == ".json" else yaml.safe_dump(data, sort_keys=False)
    path = tmp_path / f"rec{suffix}"
    path.write_text(text.replace("12345", "9" * 5000, 1), encoding="utf-8")
    assert mapped(path, tmp_path / "out") == (
        3, f"Error: {path}: not a valid record file: Exceeds the limit (4300 digits) for integer string conversion: "
        "value has 5000 digits\n")


def test_numbers_written_for_text_are_read_as_text(tmp_path):
    """What a person types in YAML without quotes: `value: 400`, `start: 2023`."""
    data = record_to_dict(small_record())
    data["statistics"][0]["value"] = 12
    data["roles"][0]["start"] = 2022
    path = tmp_path / "rec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    record = read_record(path)
    assert (record.statistics[0].value, record.roles[0].start) == ("12", "2022")


# ---------------------------------------------------------------- every character survives


#: Characters a YAML reader takes for a line break, drops or refuses, and their neighbours.
AWKWARD = "\x85\u2028\u2029\r\x00\x01\x07\x08\t\x0b\x0c\x1b\x1f\x7f\x80\x9f\xa0\ufeff\ufffe\u200b\U0001f600 #:'\"\\-?|>{}[]&*!%@`"


def test_yaml_records_keep_every_awkward_character():
    rng = random.Random(85)
    samples = [f"{c}" for c in AWKWARD] + [f"a{c}b\n{c}\n" for c in AWKWARD] + [f"{c}\nline\n  indented{c}\n\n" for c in AWKWARD]
    pool = AWKWARD + "ab \n"
    samples += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 300))) for _ in range(400)]
    samples += ["word " * 60 + "\x85" + "more " * 60]  # folded over lines in double quotes
    for sample in samples:
        record = Record(article=Article(id="x", text=sample, title=sample))
        data = load_yaml(record_bytes(record).decode("utf-8"))
        assert (data["article"]["text"], data["article"]["title"]) == (sample, sample), repr(sample)


LINE_BREAKS = (
    "Estonia buys radars, minister says\n\n"
    "Estonia's Minister of Defence Hanno Pevkur said on Monday\x85that Estonia would buy 12 radars.\u2028"
    "“We act now,” Pevkur said.\u2029Latvia's Prime Minister Evika Siliņa said\rthat Latvia\x0cwould join\x1c"
    "the purchase,\x9f according to the\u0085ministry.\r\n"
)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_line_break_characters_survive_extract_and_map(tmp_path, suffix):
    article = tmp_path / "radars.txt"
    article.write_bytes(LINE_BREAKS.encode("utf-8"))
    built, mapped = tmp_path / "built", tmp_path / "mapped"
    assert run("build", article, "-o", built).exit_code == 0
    record = tmp_path / f"radars{suffix}"
    result = run("extract", article, "-o", record)
    assert result.exit_code == 0, result.output
    assert read_record(record).article.text == LINE_BREAKS
    result = run("map", record, "-o", mapped)
    assert result.exit_code == 0, result.output
    for name in ("radars.ttl", "radars.jsonld"):
        assert (mapped / name).read_bytes() == (built / name).read_bytes(), name
