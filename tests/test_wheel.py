"""The wheel holds everything newsgraph reads at run time: built, installed apart from the
source tree, and run (issue: everyday use — `query --cq` said "none installed" from a wheel)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_TTL = ROOT / "out" / "umerov-ramstein-2024.ttl"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel built from a copy of the tracked tree (no build isolation: nothing downloaded),
    installed into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    tree = work / "tree"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / name.decode()
        target = tree / name.decode()
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), target)
        elif source.is_file():
            shutil.copy2(source, target)
    dist = work / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "-q", "-w", str(dist), str(tree)], check=True, capture_output=True)
    [wheel] = dist.glob("newsgraph-*.whl")
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    return target


def run_installed(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_installed_package_is_the_wheel_not_the_source(installed, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(installed)}
    where = subprocess.run([sys.executable, "-c", "import newsgraph; print(newsgraph.__file__)"], cwd=tmp_path,
                           env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(installed)


def test_the_wheel_ships_every_file_the_package_reads(installed):
    """Every tracked file of the package that is not Python source (data, shapes, queries,
    templates, vendored assets) is in the installed wheel, byte for byte."""
    package = installed / "newsgraph"
    source = ROOT / "src" / "newsgraph"
    tracked = subprocess.run(["git", "ls-files", "src/newsgraph"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    expected = []
    for name in tracked:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]  # a linked folder
        expected += [f for f in files if f.suffix not in (".py", ".pyc")]
    assert any(f.name == "statistics.rq" for f in expected) and any(f.suffix == ".tsv" for f in expected)
    for file in expected:
        shipped = package / file.relative_to(source)
        assert shipped.is_file(), f"{file.relative_to(ROOT)} is not in the wheel"
        assert shipped.read_bytes() == file.read_bytes(), file


def test_query_cq_statistics_from_the_wheel_prints_the_five_rows(installed, tmp_path):
    store = tmp_path / "store"
    loaded = run_installed(installed, "load", str(SAMPLE_TTL), "--store", str(store), cwd=tmp_path)
    assert loaded.returncode == 0, loaded.stderr
    result = run_installed(installed, "query", "--cq", "statistics", "--store", str(store), "--format", "csv",
                           cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = result.stdout.strip().splitlines()
    assert len(rows) == 1 + 5, result.stdout  # the header and the sample's five statistics
    assert all("Rustem Umerov" in row for row in rows[1:])
