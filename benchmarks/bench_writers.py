"""Serialisation speed: ``newsgraph.publish``'s writers against rdflib's serialisers (what
publish used first), per article and on a large merged graph; the JSON-LD libraries that could
replace the hand-written JSON-LD writer; and the streaming dataset writer.

    .venv/bin/python benchmarks/bench_writers.py [--rounds 20] [--copies 100] [--big-rounds 3]

Graphs: the sample and every benchmark article (benchmarks/articles), each read, extracted,
linked and mapped once, as the pipeline gives them to the writers (the mapper's MappedTriples;
rdflib's serialisers need a Graph, built beforehand and not timed, its cost printed apart). The
merged graph is the sample's triples under ``--copies`` renamed article IRIs (entities shared).

Prints milliseconds per call, median and best of the rounds (the best is the steadiest figure on
a shared machine). JSON-LD: pyoxigraph writes expanded JSON-LD only (no compaction with a
context), shown for scale; PyLD is timed when it is installed (``jsonld.compact`` of pyoxigraph's
expanded output with the shipped context given inline: nothing fetched). Figures only: nothing
here asserts on time.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from newsgraph.mapping import MappedTriples, record_to_triples
from newsgraph.namespaces import DEFAULT_BASE
from newsgraph.pipeline import Options, extract_file
from newsgraph.publish import (
    PrefixMap,
    jsonld_bytes,
    load_context,
    ntriples_lines,
    quad_sort_key,
    serialise,
    turtle_bytes,
    write_dataset,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "umerov-ramstein-2024.txt"
ARTICLES = [SAMPLE, *sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))]
#: JSON-LD from a library is used unless it costs more than this per article over the hand-written writer.
JSONLD_MARGIN_MS = 20.0


def _load_references():
    # rdflib's writers as publish used them first: the copy the tests compare against.
    spec = importlib.util.spec_from_file_location("rdflib_writers", ROOT / "tests" / "fixtures" / "rdflib_writers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_RDFLIB = _load_references()

#: (format, rdflib's writer on a Graph, newsgraph's writer on what the pipeline gives it)
WRITERS: list[tuple[str, Callable[[Graph], bytes], Callable[[Any], bytes]]] = [
    ("Turtle", _RDFLIB.reference_turtle, turtle_bytes),
    ("N-Triples", _RDFLIB.reference_ntriples, ntriples_lines),
    ("JSON-LD", _RDFLIB.reference_jsonld, jsonld_bytes),
]


def as_graph(mapped: MappedTriples) -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in mapped.namespaces():
        graph.bind(prefix, namespace, override=True, replace=True)
    for triple in mapped:
        graph.add(triple)
    return graph


def timings(call: Callable[[], Any], rounds: int, warm_up: bool = True) -> tuple[float, float]:
    """(median, best) milliseconds per call."""
    if warm_up:  # the first call loads the context and rdflib's plugins
        call()
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return statistics.median(out), min(out)


def _fmt(figures: tuple[float, float]) -> str:
    return f"{figures[0]:8.2f} /{figures[1]:8.2f}"


# ---------------------------------------------------------------- JSON-LD candidates


def _pyld() -> Any | None:
    try:
        from pyld import jsonld
    except ImportError:
        return None
    return jsonld


def _refuse_remote(url: str, options: Any = None) -> Any:
    raise ValueError(f"no remote context is loaded ({url})")


def jsonld_candidates(mapped: MappedTriples, graph: Graph) -> list[tuple[str, Callable[[], Any] | None, str]]:
    """(name, call, note) for each way to write JSON-LD; call None when the library is missing."""
    context = load_context()
    triples = [ox.Triple(*(_ox(t) for t in triple)) for triple in mapped]
    pyld = _pyld()

    def by_pyld() -> Any:
        expanded = json.loads(ox.serialize(triples, format=ox.RdfFormat.JSON_LD))
        return pyld.compact(expanded, {"@context": context}, {"documentLoader": _refuse_remote})

    return [
        ("newsgraph (hand-written)", lambda: jsonld_bytes(mapped), "compacted with the context"),
        ("rdflib (Graph given)", lambda: _RDFLIB.reference_jsonld(graph), "compacted; + building the Graph below"),
        ("rdflib building the Graph", lambda: as_graph(mapped), "what rdflib needs first"),
        ("pyoxigraph (terms given)", lambda: ox.serialize(triples, format=ox.RdfFormat.JSON_LD), "expanded only: no context"),
        ("PyLD compact (terms given)", by_pyld if pyld else None, "compacted" if pyld else "PyLD not installed"),
    ]


def _ox(term: Any) -> Any:
    from rdflib import BNode, Literal

    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return ox.BlankNode(str(term)) if isinstance(term, BNode) else ox.NamedNode(str(term))


# ---------------------------------------------------------------- reports


def report_articles(graphs: dict[str, MappedTriples], rounds: int) -> None:
    print(f"\nper article: ms per call (median / best of {rounds}); rdflib given a Graph, newsgraph the MappedTriples")
    header = "".join(f"  {name:>20} rdflib  {name:>9} newsgraph" for name, _, _ in WRITERS)
    print(f"  {'article':<30} {'triples':>7}{header}   serialise (all three)")
    sums: dict[str, list[float]] = {}
    for name, mapped in graphs.items():
        graph = as_graph(mapped)
        row = f"  {name:<30} {len(mapped):>7}"
        for fmt, old, new in WRITERS:
            before, after = timings(lambda: old(graph), rounds), timings(lambda: new(mapped), rounds)
            sums.setdefault(f"{fmt} rdflib", []).append(before[1])
            sums.setdefault(f"{fmt} newsgraph", []).append(after[1])
            row += f"  {_fmt(before)}  {_fmt(after)}"
        both = timings(lambda: serialise(mapped), rounds)
        sums.setdefault("serialise", []).append(both[1])
        print(row + f"   {_fmt(both)}")
    print("  mean of the best figures: " + ", ".join(f"{k} {statistics.mean(v):.2f}" for k, v in sums.items()))


def report_jsonld(graphs: dict[str, MappedTriples], rounds: int) -> None:
    print(f"\nJSON-LD: ms per call (median / best of {rounds}); extra = best over the hand-written writer's best")
    extras: dict[str, list[float]] = {}
    for name, mapped in graphs.items():
        graph = as_graph(mapped)
        print(f"  {name} ({len(mapped)} triples)")
        base = None
        build = 0.0
        for label, call, note in jsonld_candidates(mapped, graph):
            if call is None:
                print(f"    {label:<28} {'':>17}  {note}")
                continue
            figures = timings(call, rounds if "PyLD" not in label else max(3, rounds // 5))
            if base is None:
                base = figures[1]
            if label.startswith("rdflib building"):
                build = figures[1]
            extra = figures[1] - base
            extras.setdefault(label, []).append(extra)
            print(f"    {label:<28} {_fmt(figures)}  extra {extra:+8.2f}  {note}")
        rdflib_total = extras["rdflib (Graph given)"][-1] + build
        extras.setdefault("rdflib from the MappedTriples", []).append(rdflib_total)
        print(f"    {'rdflib from the MappedTriples':<28} {'':>17}  extra {rdflib_total:+8.2f}  (Graph build + serialise)")
    print(f"  mean extra over the hand-written writer, ms per article (a library is used within {JSONLD_MARGIN_MS:.0f} ms):")
    for label, values in extras.items():
        if label.startswith("newsgraph") or label.startswith("rdflib building"):
            continue
        print(f"    {label:<30} {statistics.mean(values):+8.2f}")


def merged_graph(sample: MappedTriples, copies: int) -> MappedTriples:
    """The sample's triples under `copies` article IRIs: everything of the article is renamed,
    the entities (persons, countries, …) are shared, as in a merged corpus graph."""
    article = f"{DEFAULT_BASE}article/{SAMPLE.stem}"

    def rename(term: Any, i: int) -> Any:
        if isinstance(term, URIRef) and term.startswith(article):
            return URIRef(f"{article}-{i:03d}{term[len(article):]}")
        return term

    triples = {(rename(s, i), p, rename(o, i)) for i in range(copies) for s, p, o in sample}
    return MappedTriples(list(triples), sample.prefix_graph)


def report_merged(sample: MappedTriples, copies: int, rounds: int) -> None:
    mapped = merged_graph(sample, copies)
    graph = as_graph(mapped)
    print(f"\nmerged graph ({copies} copies): {len(mapped)} triples, ms per call (median / best of {rounds})")
    for fmt, old, new in WRITERS:
        # Warmed up by the articles already; a warm-up call here would only add minutes.
        before, after = timings(lambda: old(graph), rounds, False), timings(lambda: new(mapped), rounds, False)
        print(f"  {fmt:<10} rdflib {_fmt(before)}   newsgraph {_fmt(after)}")
    print(f"  {'serialise':<10} (all three, the graph read once) newsgraph {_fmt(timings(lambda: serialise(mapped), rounds, False))}")

    # The dataset writer as a corpus would use it: the articles' N-Triples read back by
    # pyoxigraph, one named graph per copy, streamed to a file.
    lines = ntriples_lines(mapped)
    prefixes = PrefixMap.of_graph(mapped)
    article = f"{DEFAULT_BASE}article/{SAMPLE.stem}-"
    entities = ox.NamedNode(f"{DEFAULT_BASE}graph/entities")
    graph_names: dict[str, ox.NamedNode] = {}

    def quads() -> Any:  # each copy's triples in the copy's graph, the rest in the entity graph
        for t in ox.parse(lines, format=ox.RdfFormat.N_TRIPLES):
            iri = t.subject.value
            if iri.startswith(article):
                key = iri[: len(article) + 3]
                name = graph_names.get(key) or graph_names.setdefault(key, ox.NamedNode(key))
            else:
                name = entities
            yield ox.Quad(t.subject, t.predicate, t.object, name)

    ordered = sorted(quads(), key=quad_sort_key)
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("trig", "nquads"):
            path = Path(folder) / f"corpus.{fmt}"
            figures = timings(lambda: write_dataset(iter(ordered), path, fmt, prefixes), rounds, False)
            print(f"  write_dataset {fmt:<7} {len(ordered)} quads given as pyoxigraph quads: {_fmt(figures)}  "
                  f"({path.stat().st_size // 1024} KiB)")
        figures = timings(lambda: list(ox.parse(lines, format=ox.RdfFormat.N_TRIPLES)), rounds, False)
        print(f"  (reading the N-Triples back with pyoxigraph.parse: {_fmt(figures)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="calls per writer and article")
    parser.add_argument("--copies", type=int, default=100, help="article copies in the merged graph (0: none)")
    parser.add_argument("--big-rounds", type=int, default=3, help="calls per writer on the merged graph")
    parser.add_argument("--articles", type=int, default=len(ARTICLES), help="how many articles (the sample first)")
    args = parser.parse_args()
    options = Options()
    graphs = {path.stem: record_to_triples(extract_file(path, options), options.base) for path in ARTICLES[: args.articles]}
    report_articles(graphs, args.rounds)
    report_jsonld(graphs, args.rounds)
    if args.copies > 0:
        report_merged(graphs[SAMPLE.stem], args.copies, args.big_rounds)


if __name__ == "__main__":
    main()
