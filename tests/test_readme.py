"""The README's examples work: the example query gives the table shown, the Python API block runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef

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


@pytest.mark.slow
def test_readme_python_api_runs(tmp_path):
    """The README's "Python API" block, run as a user would run it (in a fresh process, from a
    folder holding the sample), does what it says."""
    import os
    import shutil
    import subprocess
    import sys

    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Python API", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    (tmp_path / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "umerov-ramstein-2024.txt", tmp_path / "examples")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()

    published = Graph().parse(ROOT / "out" / "umerov-ramstein-2024.ttl")  # the committed sample graph
    article = "https://w3id.org/newsgraph/id/article/umerov-ramstein-2024"
    assert lines[0] == f"{len(published)} triples; conforms: True"
    assert lines[1] == "wrote umerov-ramstein-2024.ttl umerov-ramstein-2024.jsonld"
    assert lines[2] == f"loaded {len(published)} triples into {article}"
    assert (tmp_path / "api-out" / "umerov-ramstein-2024.ttl").read_bytes() == (ROOT / "out" / "umerov-ramstein-2024.ttl").read_bytes()
    assert (tmp_path / "api-store").is_dir()
    name, person = URIRef("https://schema.org/name"), URIRef("https://schema.org/Person")
    names = sorted(str(o) for s in published.subjects(RDF.type, person) for o in published.objects(s, name))
    assert lines[-1] == repr(names)
    assert "Rustem Umerov" in names and any("Rustem Umerov" in line for line in lines[3:-1])  # the persons table


def test_the_module_table_names_every_module_once():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| stage | module | what |"):readme.index("The ontology is `ontology/newsgraph.ttl`")]
    named = re.findall(r"`newsgraph\.(\w+)`", table)
    package = ROOT / "src" / "newsgraph"
    modules = {p.stem for p in package.glob("*.py") if p.stem not in ("__init__", "__main__")}
    modules |= {p.name for p in package.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    assert sorted(named) == sorted(modules)
