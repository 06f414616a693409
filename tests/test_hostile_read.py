"""Hostile articles, front matter and records: each a one-line error with its documented exit
code, or read correctly; never a traceback, an endless wait or unbounded memory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from newsgraph._yaml import MAX_DEPTH, MAX_NODES, YAMLLimitError, load_yaml
from newsgraph.cli import main
from newsgraph.read import read_article
from newsgraph.record import read_record

from cli_support import one_line_error

ROOT = Path(__file__).resolve().parents[1]
BODY = "Defence Minister John Smith said the plan works. He said 200 tanks had arrived.\n"
PAGE = ("<html><head>{head}<title>Minister says plan works</title></head><body><article>"
        "<h1>Minister says plan works</h1><p>" + BODY * 4 + "</p></article></body></html>")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def front_matter(tmp_path: Path, block: str) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(f"---\n{block}\n---\nMinister says plan works\n\n{BODY}", encoding="utf-8")
    return path


@pytest.mark.parametrize(("line", "value"), [
    ("date: 2024-02-30", "2024-02-30"),
    ("published: 2024-13-01", "2024-13-01"),
    ("published: 2024-01-01T25:61:00", "2024-01-01T25:61:00"),
])
def test_impossible_dates_in_front_matter_are_one_clear_error(tmp_path, line, value):
    path = front_matter(tmp_path, f"title: Plan\n{line}")
    key = line.split(":", 1)[0]
    assert one_line_error(run("extract", str(path), "--no-link"), 3) == (
        f"Error: {path}: front matter {key}: '{value}' is not an ISO 8601 date or date-time"
    )


def test_a_valid_date_is_still_read(tmp_path):
    article = read_article(front_matter(tmp_path, "title: Plan\ndate: 2024-02-29"))
    assert article.published == "2024-02-29"


def test_billion_laughs_front_matter_is_refused_quickly(tmp_path):
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
    ) + "author: *i"
    path = front_matter(tmp_path, laughs)
    assert one_line_error(run("extract", str(path), "--no-link"), 3) == (
        f"Error: {path}: the front matter is refused: stands for more than {MAX_NODES:,} values once its aliases are expanded"
    )


def test_deeply_nested_front_matter_is_refused(tmp_path):
    path = front_matter(tmp_path, "title: " + "[" * 100_000 + "]" * 100_000)
    # libyaml's parser stops on its own nesting limit before newsgraph's is reached
    assert one_line_error(run("extract", str(path), "--no-link"), 3) in (
        f"Error: {path}: the front matter is refused: nested more than {MAX_DEPTH} levels deep",
        f"Error: {path}: the front matter is not valid YAML (line 2)",
    )
    path = front_matter(tmp_path, "title: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert one_line_error(run("extract", str(path), "--no-link"), 3) == (
        f"Error: {path}: the front matter is refused: nested more than {MAX_DEPTH} levels deep"
    )


def test_the_yaml_limits_leave_ordinary_aliases_alone():
    assert load_yaml("a: &x [1, 2]\nb: *x\nc: 2024-01-01") == {"a": [1, 2], "b": [1, 2], "c": "2024-01-01"}
    with pytest.raises(YAMLLimitError):
        load_yaml("a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))


@pytest.mark.parametrize("charset", ["x-bogus-9", "hex", "rot13"])
def test_an_unknown_or_non_text_charset_falls_back_to_utf8(tmp_path, charset):
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(head=f'<meta charset="{charset}">'), encoding="utf-8")
    article = read_article(path)
    assert "200 tanks" in article.text


def test_a_lone_surrogate_in_page_json_ld_is_replaced(tmp_path):
    path = tmp_path / "page.html"
    block = '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Ann \\ud800 Lee"}}</script>'
    path.write_text(PAGE.format(head=block), encoding="utf-8")
    article = read_article(path)
    assert article.author == "Ann \ufffd Lee"
    out = tmp_path / "out"
    result = run("build", str(path), "-o", str(out), "--no-link")
    assert result.exit_code == 0, result.output


def test_absurdly_nested_page_json_ld_is_ignored(tmp_path):
    path = tmp_path / "page.html"
    block = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    path.write_text(PAGE.format(head=block), encoding="utf-8")
    assert read_article(path).title == "Minister says plan works"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("command", ["extract", "map"])
def test_a_fifo_is_refused_at_once(tmp_path, command):
    fifo = tmp_path / ("article.txt" if command == "extract" else "record.yaml")
    os.mkfifo(fifo)
    args = [command, str(fifo), "--no-link"] + (["-o", str(tmp_path / "out")] if command == "map" else [])
    line = one_line_error(run(*args), 3)
    assert line == f"Error: {fifo}: not a regular file (a FIFO)"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_refused_at_once(tmp_path):
    line = one_line_error(run("build", "/dev/zero", "-o", str(tmp_path / "out"), "--no-link"), 3)
    assert line == "Error: /dev/zero: not a regular file (a character device)"
    assert not (tmp_path / "out").exists()


def test_an_oversized_article_is_refused_while_reading(tmp_path):
    from newsgraph.read import MAX_ARTICLE_BYTES

    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: costs no disk
    line = one_line_error(run("extract", str(path), "--no-link"), 3)
    assert line == f"Error: {path}: larger than the limit of {MAX_ARTICLE_BYTES >> 20} MiB"


@pytest.fixture(scope="module")
def record_text(tmp_path_factory) -> str:
    """A real record of a small article, as `extract` writes it."""
    folder = tmp_path_factory.mktemp("record")
    article = folder / "plan.txt"
    article.write_text("Minister says plan works\n\n" + BODY, encoding="utf-8")
    result = run("extract", str(article), "--no-link", "-o", str(folder / "plan.yaml"))
    assert result.exit_code == 0, result.output
    return (folder / "plan.yaml").read_text(encoding="utf-8")


def test_a_nan_confidence_in_a_record_is_refused(tmp_path, record_text):
    data = yaml.safe_load(record_text)
    entity = data["entities"][0]
    entity["link_confidence"] = 0.5
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).replace("link_confidence: 0.5", "link_confidence: .nan", 1)
    path = tmp_path / "rec.yaml"
    path.write_text(text, encoding="utf-8")
    line = one_line_error(run("map", str(path), "-o", str(tmp_path / "out"), "--no-link"), 3)
    assert line == f"Error: {path}: malformed record: entities[0].link_confidence: nan is not a number from 0 to 1"


def test_a_record_of_expanding_aliases_is_refused(tmp_path, record_text):
    laughs = 'x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"x{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9)
    )
    path = tmp_path / "rec.yaml"
    path.write_text(laughs + record_text, encoding="utf-8")
    line = one_line_error(run("map", str(path), "-o", str(tmp_path / "out"), "--no-link"), 3)
    assert line == (f"Error: {path}: not a valid record file: stands for more than {MAX_NODES:,} values "
                    "once its aliases are expanded")
    assert read_record  # the reader is the one the CLI used


def test_a_line_longer_than_a_parser_piece_is_refused(tmp_path):
    from newsgraph.extract.nlp import PARSE_CHUNK_CHARS
    from newsgraph.read import MAX_LINE_CHARS

    assert MAX_LINE_CHARS <= PARSE_CHUNK_CHARS  # long articles are cut between lines, never inside one
    path = tmp_path / "one-line.txt"
    path.write_text("Headline\n\n" + "The minister said the plan works. " * (MAX_LINE_CHARS // 34 + 1), encoding="utf-8")
    line = one_line_error(run("extract", str(path), "--no-link"), 3)
    assert line.startswith(f"Error: {path}: a line of ") and line.endswith(f"longer than the limit of {MAX_LINE_CHARS:,}: not article text")
