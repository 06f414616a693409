"""The README's example query, run over the committed output, gives the table the README shows."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]


def _section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Querying the output", 1)[1].split("\n## ", 1)[0]


def render(rows, variables) -> list[str]:
    """Rows as the Markdown table lines the README shows."""
    lines = ["| " + " | ".join(variables) + " |", "|" + "---|" * len(variables)]
    for row in rows:
        lines.append("| " + " | ".join("" if v is None else str(v) for v in row) + " |")
    return lines


def test_readme_query_gives_the_result_shown():
    section = _section()
    query = re.search(r"```sparql\n(.*?)```", section, re.S).group(1)
    shown = [line for line in section.splitlines() if line.startswith("|")]
    result = Graph().parse(ROOT / "out" / "umerov-ramstein-2024.ttl").query(query)
    variables = [str(v) for v in result.vars]
    assert shown == render(result, variables), "\n".join(render(result, variables))
