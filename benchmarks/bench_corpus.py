"""Corpus build speed and memory: ``newsgraph.corpus.build_corpus`` against plain spaCy.

    .venv/bin/python benchmarks/bench_corpus.py [--sizes 100,1000] [--quick] [--jobs 2]

For each size N, a corpus of N variations of the sample article (distinct file names, edited
numbers, places and coalition members) is generated in a temporary folder, and printed side
by side from the same run:

* articles/s of ``build_corpus(jobs=J)`` (first build, fresh output folder) and of plain
  spaCy ``nlp.pipe(texts, n_process=J)`` over the same texts (the floor), and their ratio;
* triples/s of the build; the second build (everything reused) as a share of the first;
* peak RSS of the build's process tree (psutil when installed, else getrusage);

once per run:

* cold ``newsgraph build`` of the sample (a fresh process) against a cold spaCy floor
  (a fresh process: import spacy, load the model, parse the same article); best of 3;
* per-article validation (each article's graph, then the entity graph, with the engine the
  build uses) against one pySHACL call on the whole merged graph, on the largest corpus, with
  both result sets compared.

``--quick`` is ``--sizes 20,100``. Every build runs in its own process so the sizes do not
share memory. Figures only: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "umerov-ramstein-2024.txt"
PLACES = ("Mariinka", "Avdiivka", "Vuhledar", "Kupiansk", "Marinka")
MEMBERS = ("France", "Sweden", "Canada", "Italy", "Finland")


def write_corpus(folder: Path, n: int) -> list[Path]:
    """N distinct articles: each its own file name and its own numbers, place and member."""
    text = SAMPLE.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        edited = (
            text.replace("400 soldiers", f"{400 + i} soldiers")
            .replace("600 rockets", f"{600 + (7 * i) % 300} rockets")
            .replace("Mariinka", PLACES[i % len(PLACES)])
            .replace("– France – Artillery Coalition", f"– {MEMBERS[(i // 5) % len(MEMBERS)]} – Artillery Coalition")
        )
        path = folder / f"ramstein-{i:04d}.txt"
        path.write_text(edited, encoding="utf-8")
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- children (one job each)


def child_build(articles: str, out: str, jobs: int) -> None:
    from newsgraph import pipeline
    from newsgraph.corpus import build_corpus

    started = time.perf_counter()
    report = build_corpus([Path(articles)], Path(out), pipeline.Options(), jobs=jobs)
    seconds = time.perf_counter() - started
    print(json.dumps({
        "seconds": seconds, "built": report.built, "reused": report.reused, "failed": report.failed,
        "triples": report.triples, "rss_kb": _own_peak_kb(),
        "failures": [f.reason for f in report.failures][:3],
    }))


def child_floor(articles: str, jobs: int, model: str) -> None:
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(articles).glob("*.txt"))]
    started = time.perf_counter()
    nlp = spacy.load(model)
    count = sum(1 for _ in nlp.pipe(texts, n_process=jobs, batch_size=8))
    print(json.dumps({"seconds": time.perf_counter() - started, "docs": count, "rss_kb": _own_peak_kb()}))


def _own_peak_kb() -> int:
    # ru_maxrss is in KiB on Linux. CHILDREN is the largest waited-for descendant, not their
    # sum: an approximation of the tree, used only when psutil is not there to sample it.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def run_child(args: list[str]) -> tuple[dict, float, int]:
    """Run this script as a child; returns its JSON, wall seconds and peak tree RSS (KiB)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    peak = _sample_tree(proc)
    out, _ = proc.communicate()
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"child {args} failed with exit code {proc.returncode}")
    data = json.loads(out.strip().splitlines()[-1])
    return data, wall, peak or data.get("rss_kb", 0)


def _sample_tree(proc: subprocess.Popen) -> int:
    try:
        import psutil
    except ImportError:
        proc.wait()
        return 0
    peak = 0
    try:
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()) // 1024)
            except psutil.Error:
                pass
            time.sleep(0.1)
    except psutil.Error:
        proc.wait()
    return peak


# --------------------------------------------------------------------------- measurements


def corpus_size(n: int, jobs: int, work: Path) -> dict:
    articles, out = work / f"articles-{n}", work / f"out-{n}"
    write_corpus(articles, n)
    first, _, rss = run_child(["--child-build", str(articles), str(out), str(jobs)])
    second, _, _ = run_child(["--child-build", str(articles), str(out), str(jobs)])
    from newsgraph import DEFAULT_MODEL

    floor, _, floor_rss = run_child(["--child-floor", str(articles), str(jobs), DEFAULT_MODEL])
    return {
        "n": n, "first": first, "second": second, "floor": floor, "rss_kb": rss, "floor_rss_kb": floor_rss,
        "out": out,
    }


def stale_bytecode() -> list[str]:
    """newsgraph's modules without current bytecode beside them. pip byte-compiles a regular
    install (spaCy's modules, the floor's), not an editable one; scripts/setup compiles ours.
    Without it, where PYTHONDONTWRITEBYTECODE is set, every cold build compiles the package's
    source again, and the comparison with the floor is not like for like."""
    import importlib.util

    stale = []
    for source in sorted((ROOT / "src" / "newsgraph").rglob("*.py")):
        cached = Path(importlib.util.cache_from_source(str(source)))
        if not cached.exists() or cached.stat().st_mtime < source.stat().st_mtime:
            stale.append(str(source.relative_to(ROOT)))
    return stale


def cold_single(work: Path, rounds: int = 3) -> tuple[float, float]:
    newsgraph = Path(sys.executable).with_name("newsgraph")
    from newsgraph import DEFAULT_MODEL

    # The floor imports spaCy only, not newsgraph: the model's name is passed in as text.
    floor_code = (
        "import spacy, pathlib; "
        f"nlp = spacy.load({DEFAULT_MODEL!r}); nlp(pathlib.Path({str(SAMPLE)!r}).read_text(encoding='utf-8'))"
    )
    build_times, floor_times = [], []
    for i in range(rounds):
        started = time.perf_counter()
        subprocess.run([str(newsgraph), "build", str(SAMPLE), "-o", str(work / f"cold-{i}")], check=True, capture_output=True)
        build_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", floor_code], check=True, capture_output=True)
        floor_times.append(time.perf_counter() - started)
    return min(build_times), min(floor_times)


def validation_split(out: Path, report_results: set) -> dict:
    """Per-article graphs (as the workers validate them, with the engine the build uses) + the
    entity graph, against one pySHACL call on the whole merged graph."""
    from rdflib import Graph

    from newsgraph.corpus import dataset_graph, entity_graph_iri
    from newsgraph.namespaces import DEFAULT_BASE
    from newsgraph.validate import load_shapes, validate_graph

    shapes = load_shapes()
    validate_graph(Graph(), shapes, engine="pyshacl")  # import pyshacl outside the timings
    validate_graph(Graph(), shapes)  # and compile the shapes for the fast engine
    per_article = 0.0
    engines = set()
    for ttl in sorted(out.glob("*.ttl")):
        if ttl.name == "void.ttl":
            continue
        graph = Graph(bind_namespaces="none").parse(ttl)
        started = time.perf_counter()
        engines.add(validate_graph(graph, shapes, prefixes=False).engine)
        per_article += time.perf_counter() - started
    entities = Graph(bind_namespaces="none")
    tail = f" <{entity_graph_iri(DEFAULT_BASE)}> .\n"
    lines = [line.removesuffix(tail) + " .\n" for line in (out / "corpus.nq").open(encoding="utf-8") if line.endswith(tail)]
    entities.parse(data="".join(lines), format="nt")
    started = time.perf_counter()
    validate_graph(entities, shapes)
    entity_seconds = time.perf_counter() - started
    whole_graph = dataset_graph(out)
    started = time.perf_counter()
    whole = validate_graph(whole_graph, shapes, engine="pyshacl")
    whole_seconds = time.perf_counter() - started
    key = {(r.focus, r.path, r.severity, r.message) for r in whole.results}
    return {
        "articles": per_article, "entities": entity_seconds, "whole": whole_seconds,
        "triples": len(whole_graph), "identical": key == report_results, "engines": sorted(engines),
    }


def corpus_results(out: Path) -> set:
    """The corpus-wide results the build reports, from a reuse run (nothing is extracted)."""
    from newsgraph import pipeline
    from newsgraph.corpus import build_corpus

    articles = out.parent / out.name.replace("out-", "articles-")
    report = build_corpus([articles], out, pipeline.Options(), jobs=1)
    return {(r.focus, r.path, r.severity, r.message) for r in report.validation}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated (default 100,1000)")
    parser.add_argument("--quick", action="store_true", help="sizes 20,100")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora and outputs")
    args = parser.parse_args()
    sizes = [20, 100] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]

    work = Path(tempfile.mkdtemp(prefix="newsgraph-bench-corpus-"))
    try:
        print(f"corpus benchmark: sizes {sizes}, jobs {args.jobs}, {os.cpu_count()} CPUs", flush=True)
        rows = []
        for n in sizes:
            row = corpus_size(n, args.jobs, work)
            rows.append(row)
            _print_size(row, args.jobs)
        if len(rows) > 1:
            small, large = rows[0], rows[-1]
            print(f"peak RSS N={large['n']} / N={small['n']}: {large['rss_kb'] / small['rss_kb']:.2f} (target <= 1.2)", flush=True)

        stale = stale_bytecode()
        if stale:
            print(f"note: {len(stale)} of newsgraph's modules have no current bytecode ({stale[0]}, …): the cold build "
                  "compiles them; run scripts/setup (or `python -m compileall -q src/newsgraph`) first", flush=True)
        build, floor = cold_single(work)
        print(f"cold single article: newsgraph build {build:.2f} s, spaCy floor {floor:.2f} s, ratio {build / floor:.2f} (target <= 1.3)", flush=True)

        # On the largest corpus, as the target is stated (one pySHACL call on 1.3 M triples takes minutes).
        checked = rows[-1]
        out = checked["out"]
        v = validation_split(out, corpus_results(out))
        split = v["articles"] + v["entities"]
        print(
            f"validation, N={checked['n']} ({v['triples']} triples): per-article ({'/'.join(v['engines'])} engine) "
            f"{v['articles']:.1f} s + entity graph "
            f"{v['entities']:.2f} s = {split:.1f} s sequential ({split / args.jobs:.1f} s over {args.jobs} workers); "
            f"whole graph, one pySHACL call {v['whole']:.1f} s; whole / per-article sequential {v['whole'] / split:.2f}, "
            f"over {args.jobs} workers {v['whole'] / (split / args.jobs):.2f} (target >= 2.5); "
            f"results identical: {v['identical']}",
            flush=True,
        )
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            import shutil

            shutil.rmtree(work, ignore_errors=True)


def _print_size(row: dict, jobs: int) -> None:
    n, first, second, floor = row["n"], row["first"], row["second"], row["floor"]
    rate, floor_rate = n / first["seconds"], n / floor["seconds"]
    print(
        f"N={n:>5}: build -j {jobs} {first['seconds']:7.1f} s = {rate:6.2f} articles/s "
        f"({first['triples'] / first['seconds']:8.0f} triples/s, {first['built']} built, {first['failed']} failed) | "
        f"spaCy nlp.pipe n_process={jobs} {floor['seconds']:6.1f} s = {floor_rate:6.2f} articles/s | "
        f"ratio {rate / floor_rate:.2f} (target >= 0.8) | second build {second['seconds']:.1f} s = "
        f"{second['seconds'] / first['seconds']:.1%} of first ({second['reused']} reused; target < 10%) | "
        f"peak RSS {row['rss_kb'] / 1024:.0f} MiB (spaCy floor {row['floor_rss_kb'] / 1024:.0f} MiB)",
        flush=True,
    )
    if first["failures"]:
        print(f"  failures: {first['failures']}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child-build":
        child_build(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-floor":
        child_floor(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        main()
