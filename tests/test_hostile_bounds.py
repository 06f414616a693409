"""Hostile inputs run as a user runs them (a process of its own): each ends within 60 s, under
1 GiB of memory, with its documented exit code and one line on stderr, and writes nothing
outside its output folder (issue: hold under hostile input).

The bounds are limits the issue sets for hostile input, not performance figures: a case that
hits one is broken (it hangs or explodes), not slow. Timings are measured in benchmarks/."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

LIMIT_SECONDS = 60
LIMIT_BYTES = 1 << 30
BODY = "Defence Minister John Smith said the plan works. He said 200 tanks had arrived.\n"


@dataclass
class Run:
    code: int
    stderr: str
    seconds: float
    peak_bytes: int


def run_bounded(args: list[str], cwd: Path) -> Run:
    """`python -m newsgraph ARGS` in `cwd`, killed at LIMIT_SECONDS; its own peak memory from wait4."""
    started = time.monotonic()
    err_path = cwd / ".stderr"
    with open(err_path, "wb") as err:
        process = subprocess.Popen([sys.executable, "-m", "newsgraph", *args], cwd=cwd, stdout=subprocess.DEVNULL,
                                   stderr=err, start_new_session=True)
        deadline = started + LIMIT_SECONDS
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.killpg(process.pid, signal.SIGKILL)
                _, status, usage = os.wait4(process.pid, 0)
                pytest.fail(f"{args} ran past {LIMIT_SECONDS} s")
            time.sleep(0.05)
    code = os.waitstatus_to_exitcode(status)
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    err_path.unlink()
    return Run(code, stderr, time.monotonic() - started, usage.ru_maxrss * 1024)  # ru_maxrss is in KiB on Linux


def files_below(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def laughs(levels: int = 9, anchor: str = "a") -> str:
    """A YAML mapping whose last key stands for 10**levels strings."""
    lines = [f'{anchor}0: &{anchor}0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{anchor}{i}: &{anchor}{i} [" + ",".join([f"*{anchor}{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def xml_laughs() -> str:
    entities = '<!ENTITY a "aaaaaaaaaa">\n' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(9))
    return ('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + entities + ']>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e/">'
            '<rdf:Description rdf:about="http://e/x"><ex:p>&j;</ex:p></rdf:Description></rdf:RDF>\n')


def make_cases(folder: Path) -> list[tuple[str, list[str], int, str]]:
    """(name, arguments, exit code, start of the one stderr line) per hostile input."""
    (folder / "laughs.txt").write_text(f"---\n{laughs()}author: *a8\n---\nHeadline\n\n{BODY}", encoding="utf-8")
    (folder / "deep.txt").write_text("---\ntitle: " + "[" * 100_000 + "]" * 100_000 + f"\n---\nHeadline\n\n{BODY}",
                                     encoding="utf-8")
    (folder / "record.yaml").write_text(laughs() + "format: newsgraph-record/1\n", encoding="utf-8")
    (folder / "laughs.rdf").write_text(xml_laughs(), encoding="utf-8")
    big = folder / "big.yaml"
    with big.open("wb") as f:
        f.truncate(17 << 20)  # sparse: over the 16 MiB record limit, no disk used
    os.mkfifo(folder / "fifo.txt")
    out = str(folder / "out")
    return [
        ("front matter laughs", ["build", "laughs.txt", "-o", out, "--no-link"], 3, "Error: laughs.txt: the front matter is refused"),
        ("front matter nesting", ["build", "deep.txt", "-o", out, "--no-link"], 3, "Error: deep.txt: the front matter"),
        ("record laughs", ["map", "record.yaml", "-o", out, "--no-link"], 3, "Error: record.yaml: not a valid record file"),
        ("record too large", ["map", "big.yaml", "-o", out, "--no-link"], 3, "Error: big.yaml: larger than the limit"),
        ("xml entity laughs", ["validate", "laughs.rdf"], 3, "Error: laughs.rdf: XML entities expand to more than"),
        ("endless device", ["build", "/dev/zero", "-o", out, "--no-link"], 3, "Error: /dev/zero: not a regular file"),
        ("fifo article", ["build", "fifo.txt", "-o", out, "--no-link"], 3, "Error: fifo.txt: not a regular file (a FIFO)"),
    ]


@pytest.mark.skipif(not hasattr(os, "wait4") or not hasattr(os, "mkfifo"), reason="needs POSIX wait4 and FIFOs")
def test_hostile_inputs_end_fast_small_and_clean(tmp_path):
    folder = tmp_path / "work"
    folder.mkdir()
    cases = make_cases(folder)
    before = files_below(tmp_path)
    failures = []
    for name, args, code, message in cases:
        run = run_bounded(args, folder)
        lines = run.stderr.strip().splitlines()
        if run.code != code or len(lines) != 1 or not lines[0].startswith(message) or "Traceback" in run.stderr:
            failures.append(f"{name}: exit {run.code}, stderr {run.stderr.strip()[:300]!r}")
        if run.peak_bytes > LIMIT_BYTES:
            failures.append(f"{name}: peak memory {run.peak_bytes >> 20} MiB")
    assert not failures, "\n".join(failures)
    assert files_below(tmp_path) == before  # nothing written anywhere, not even in out/
