"""Serialisation speed: ``newsgraph.publish``'s writers against rdflib's serialisers (what
publish used first) and, with ``--compare-with REV``, against publish.py at a git revision, per
article and on a large merged graph; the JSON-LD libraries that could replace the hand-written
JSON-LD writer; and the streaming dataset writer.

    .venv/bin/python benchmarks/bench_writers.py [--rounds 20] [--copies 100] [--big-rounds 3] [--compare-with REV]

Graphs: the sample and every benchmark article (benchmarks/articles), each read, extracted,
linked and mapped once, as the pipeline gives them to the writers (the mapper's MappedTriples;
rdflib's serialisers need a Graph, built beforehand and not timed, its cost printed apart). The
merged graph is the sample's triples under ``--copies`` renamed article IRIs (entities shared).

Prints milliseconds of CPU time per call, median and best of the rounds (the best is the
steadiest figure on a shared machine). JSON-LD: pyoxigraph writes expanded JSON-LD only (no compaction with a
context), shown for scale; PyLD is timed when it is installed (``jsonld.compact`` of pyoxigraph's
expanded output with the shipped context given inline: nothing fetched). Figures only: nothing
here asserts on time.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

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

FORMATS = ("Turtle", "N-Triples", "JSON-LD")


class Writers(NamedTuple):
    """One implementation of the three writers and `serialise` (None when it has none)."""

    name: str
    formats: dict[str, Callable[[Any], bytes]]
    serialise: Callable[[Any], Any] | None
    needs_graph: bool  # rdflib's serialisers take a Graph only


RDFLIB = Writers("rdflib", dict(zip(FORMATS, (_RDFLIB.reference_turtle, _RDFLIB.reference_ntriples, _RDFLIB.reference_jsonld))),
                 None, True)
NEWSGRAPH = Writers("newsgraph", dict(zip(FORMATS, (turtle_bytes, ntriples_lines, jsonld_bytes))), serialise, False)


def writers_at(revision: str) -> Writers:
    """newsgraph.publish as it was at a git revision, loaded beside the current one (its imports
    of other newsgraph modules resolve to the current ones)."""
    text = subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:src/newsgraph/publish.py"],
                          capture_output=True, text=True, check=True).stdout
    module = types.ModuleType(f"publish_at_{revision}")
    # Names an older publish.py imported from modules that have since moved them.
    import newsgraph.model
    import newsgraph.record
    import newsgraph.text

    for name, value in (("record_to_dict", newsgraph.record.record_to_dict), ("Record", newsgraph.model.Record),
                        ("slugify", newsgraph.text.slugify)):
        if not hasattr(newsgraph.model, name):
            setattr(newsgraph.model, name, value)
    exec(compile(text, f"{revision}:src/newsgraph/publish.py", "exec"), module.__dict__)
    return Writers(revision, dict(zip(FORMATS, (module.turtle_bytes, module.ntriples_lines, module.jsonld_bytes))),
                   module.serialise, False)


def as_graph(mapped: MappedTriples) -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in mapped.namespaces():
        graph.bind(prefix, namespace, override=True, replace=True)
    for triple in mapped:
        graph.add(triple)
    return graph


def timings(call: Callable[[], Any], rounds: int, warm_up: bool = True) -> tuple[float, float]:
    """(median, best) milliseconds of CPU time per call: on a machine shared with other work,
    wall-clock time mostly measures the neighbours (every writer here runs in one thread)."""
    if warm_up:  # the first call loads the context and rdflib's plugins
        call()
    out = []
    for _ in range(rounds):
        start = time.process_time()
        call()
        out.append((time.process_time() - start) * 1000)
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


def report_articles(graphs: dict[str, MappedTriples], implementations: list[Writers], rounds: int) -> None:
    names = [w.name for w in implementations]
    print(f"\nper article: ms per call, median / best of {rounds}; {' | '.join(names)} "
          f"(rdflib given a Graph, the others the MappedTriples)")
    best: dict[tuple[str, str], list[float]] = {}
    for name, mapped in graphs.items():
        graph = as_graph(mapped)
        print(f"  {name} ({len(mapped)} triples)")
        for fmt in (*FORMATS, "serialise"):
            cells = []
            for writers in implementations:
                call = writers.serialise if fmt == "serialise" else writers.formats[fmt]
                if call is None:
                    cells.append(f"{'-':>17}")
                    continue
                given = graph if writers.needs_graph else mapped
                figures = timings(lambda: call(given), rounds)
                best.setdefault((fmt, writers.name), []).append(figures[1])
                cells.append(_fmt(figures))
            print(f"    {fmt:<10} " + " | ".join(cells))
    print(f"  mean over the {len(graphs)} articles of the best figures, ms per article:")
    for fmt in (*FORMATS, "serialise"):
        cells = [f"{statistics.mean(best[(fmt, w.name)]):8.2f}" if (fmt, w.name) in best else f"{'-':>8}" for w in implementations]
        print(f"    {fmt:<10} " + " | ".join(f"{w.name} {c}" for w, c in zip(implementations, cells)))


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


def report_merged(sample: MappedTriples, copies: int, implementations: list[Writers], rounds: int) -> None:
    mapped = merged_graph(sample, copies)
    graph = as_graph(mapped)
    print(f"\nmerged graph ({copies} copies): {len(mapped)} triples, ms per call, median / best of {rounds}; "
          f"{' | '.join(w.name for w in implementations)}")
    for fmt in (*FORMATS, "serialise"):
        cells = []
        for writers in implementations:
            call = writers.serialise if fmt == "serialise" else writers.formats[fmt]
            if call is None:
                cells.append(f"{'-':>17}")
                continue
            given = graph if writers.needs_graph else mapped
            # Warmed up by the articles already; a warm-up call here would only add minutes.
            cells.append(_fmt(timings(lambda: call(given), rounds, False)))
        print(f"  {fmt:<10} " + " | ".join(cells))

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
    parser.add_argument("--compare-with", metavar="REV", action="append", default=[],
                        help="also time newsgraph.publish as it was at this git revision (repeatable)")
    args = parser.parse_args()
    implementations = [RDFLIB, *(writers_at(rev) for rev in args.compare_with), NEWSGRAPH]
    options = Options()
    graphs = {path.stem: record_to_triples(extract_file(path, options), options.base) for path in ARTICLES[: args.articles]}
    report_articles(graphs, implementations, args.rounds)
    report_jsonld(graphs, args.rounds)
    if args.copies > 0:
        report_merged(graphs[SAMPLE.stem], args.copies, implementations, args.big_rounds)


if __name__ == "__main__":
    main()
