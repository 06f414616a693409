"""Serialisation speed: ``newsgraph.publish``'s Turtle, JSON-LD and N-Triples writers against
the rdflib serialisers they replace, on the sample article's graph and on a large merged graph;
and ``serialise``, which writes all three from one reading of the graph.

    .venv/bin/python benchmarks/bench_writers.py [--rounds 20] [--copies 100] [--big-rounds 3]

The sample graph is built once through the real pipeline (read, extract, link, map). The large
graph is its triples repeated under ``--copies`` renamed article IRIs (entities shared), to show
how each writer scales. Prints milliseconds per call (mean and best of the rounds) and the
speed-up. Figures only: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from newsgraph.mapping import record_to_graph
from newsgraph.namespaces import DEFAULT_BASE
from newsgraph.pipeline import Options, extract_file
from newsgraph.publish import jsonld_bytes, ntriples_lines, serialise, turtle_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "umerov-ramstein-2024.txt"


# The writers before this change (rdflib's serialisers), as corpus.py and publish.py used them.
def _load_references():
    # rdflib's writers as publish used them before: the copy the tests compare against.
    spec = importlib.util.spec_from_file_location("rdflib_writers", ROOT / "tests" / "fixtures" / "rdflib_writers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_OLD = _load_references()
old_turtle, old_jsonld, old_ntriples = _OLD.reference_turtle, _OLD.reference_jsonld, _OLD.reference_ntriples


WRITERS: list[tuple[str, Callable[[Graph], bytes], Callable[[Graph], bytes]]] = [
    ("Turtle", old_turtle, turtle_bytes),
    ("JSON-LD", old_jsonld, jsonld_bytes),
    ("N-Triples", old_ntriples, ntriples_lines),
]


def sample_graph() -> Graph:
    return record_to_graph(extract_file(SAMPLE, Options()), DEFAULT_BASE)


def merged_graph(sample: Graph, copies: int) -> Graph:
    """The sample's triples under `copies` article IRIs: everything of the article is renamed,
    the entities (persons, countries, …) are shared, as in a merged corpus graph."""
    article = f"{DEFAULT_BASE}article/{SAMPLE.stem}"
    graph = Graph()
    for prefix, namespace in sample.namespaces():
        graph.bind(prefix, namespace, override=True, replace=True)

    def rename(term: Any, i: int) -> Any:
        if isinstance(term, URIRef) and term.startswith(article):
            return URIRef(f"{article}-{i:03d}{term[len(article):]}")
        return term

    for i in range(copies):
        for s, p, o in sample:
            graph.add((rename(s, i), p, rename(o, i)))
    return graph


def timings(call: Callable[[], bytes], rounds: int, warm_up: bool) -> list[float]:
    if warm_up:  # the first call loads the context and rdflib's plugins
        call()
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(title: str, graph: Graph, rounds: int, warm_up: bool = True) -> None:
    print(f"\n{title}: {len(graph)} triples, {rounds} rounds, ms per call (mean / best)")
    totals = {"old": 0.0, "new": 0.0}
    for name, old, new in WRITERS:
        row = []
        for label, writer in (("old", old), ("new", new)):
            ms = timings(lambda: writer(graph), rounds, warm_up)
            totals[label] += statistics.mean(ms)
            row.append(f"{label} {statistics.mean(ms):9.2f} / {min(ms):9.2f}")
        print(f"  {name:<10} {row[0]}   {row[1]}")
    print(f"  {'all three':<10} old {totals['old']:9.2f}   new {totals['new']:9.2f}   "
          f"speed-up {totals['old'] / totals['new']:.1f}x")
    ms = timings(lambda: serialise(graph), rounds, warm_up)
    print(f"  {'serialise':<10} (all three, the graph read once) {statistics.mean(ms):9.2f} / {min(ms):9.2f}   "
          f"speed-up {totals['old'] / statistics.mean(ms):.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="calls per writer on the sample graph")
    parser.add_argument("--copies", type=int, default=100, help="article copies in the large graph")
    parser.add_argument("--big-rounds", type=int, default=3, help="calls per writer on the large graph")
    args = parser.parse_args()
    sample = sample_graph()
    report(f"sample graph ({SAMPLE.name})", sample, args.rounds)
    if args.copies > 0:
        # Warmed up by the sample already; a warm-up call on the large graph would only add minutes.
        report(f"merged graph ({args.copies} copies)", merged_graph(sample, args.copies), args.big_rounds, warm_up=False)


if __name__ == "__main__":
    main()
