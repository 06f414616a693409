"""The dataset files of a corpus: `corpus.nq` and `corpus.trig` (one named graph per article,
named by the article IRI, and one graph `{base}graph/entities` of the entities shared across
articles) and `void.ttl` (a VoID description of that dataset).

They are assembled by streaming each article's cached N-Triples (`.newsgraph-cache/<id>.nt`,
written by the build) into the output files, entity IRIs renamed by the merge plan; only the
entity graph (which grows with the number of distinct entities, not articles) is held in memory.
All writing of these files is here, on top of `newsgraph.publish`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from newsgraph import pipeline
from newsgraph.corpus.manifest import CACHE_DIR, DATASET_FILES, Manifest, file_stamp
from newsgraph.corpus.merge import ARTICLE_PREDICATES, ENTITY_FOLDERS, entity_graph, plan_merge
from newsgraph.corpus.report import ArticleFailure, CorpusReport, first_violation
from newsgraph.corpus.settings import Settings
from newsgraph.errors import NotConforming
from newsgraph.mapping import RIGHTS
from newsgraph.text import slugify
from newsgraph.namespaces import SCHEMA, VOID, bind_prefixes, normalise_base
from newsgraph.publish import PrefixMap, ntriples_lines, turtle_bytes, write_atomic, write_dataset
from newsgraph.validate import ValidationReport, ValidationResult

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


def entity_graph_iri(base: str) -> str:
    return f"{normalise_base(base)}graph/entities"


def article_iri(base: str, article_id: str) -> str:
    return f"{normalise_base(base)}article/{slugify(article_id)}"  # as the mapper mints it


def assemble(out_dir: Path, settings: Settings, manifest: Manifest, resources: pipeline.Resources, report: CorpusReport) -> None:
    """Stream every article's cached N-Triples into corpus.nq and corpus.trig (sorted by id,
    entity IRIs renamed by the merge plan), then the entity graph, then write void.ttl.

    Each dataset file is one pass over the caches, streamed through publish.write_dataset: the
    first pass also gathers the entity triples, counts and validation results."""
    ids = sorted(manifest.articles)
    plan = plan_merge({i: manifest.articles[i]["entities"] for i in ids})
    entity_prefixes = tuple(f"<{settings.base}{folder}/" for folder in ENTITY_FOLDERS)
    gathered = _Gathered()

    def quads(gather: bool) -> Iterator[ox.Quad]:
        for article_id in ids:
            graph = ox.NamedNode(article_iri(settings.base, article_id))
            rename = {f"<{k}>": ox.NamedNode(v) for k, v in plan.rename.get(article_id, {}).items()}
            count = 0
            seen: set[ox.Triple] = set()  # two entities merged into one IRI can make one triple of two
            for triple in ox.parse(path=out_dir / CACHE_DIR / f"{article_id}.nt", format=ox.RdfFormat.N_TRIPLES):
                s, p, o = triple.subject, triple.predicate, triple.object
                s = rename.get(str(s), s)
                o = rename.get(str(o), o) if isinstance(o, ox.NamedNode) else o
                if str(s).startswith(entity_prefixes) and str(p) not in ARTICLE_PREDICATES:
                    if gather:
                        gathered.entity_lines.add(f"{s} {p} {o} .")
                    continue
                renamed = ox.Triple(s, p, o)
                if renamed in seen:
                    continue
                seen.add(renamed)
                count += 1
                yield ox.Quad(s, p, o, graph)
            if gather:
                gathered.subsets.append((article_id, graph.value, count))
                gathered.results |= _article_results(manifest.articles[article_id]["results"],
                                                     {k: str(v) for k, v in rename.items()}, entity_prefixes)
        if gather:
            gathered.entities = entity_graph(gathered.entity_lines, plan)
            gathered.entity_lines = set()
            gathered.entity_nt = ntriples_lines(gathered.entities)
        entity_graph_node = ox.NamedNode(entity_graph_iri(settings.base))
        for triple in ox.parse(gathered.entity_nt, format=ox.RdfFormat.N_TRIPLES):
            yield ox.Quad(triple.subject, triple.predicate, triple.object, entity_graph_node)

    names = PrefixMap.for_base(settings.base, (*ENTITY_FOLDERS, "article", "graph"))
    entity_triples = write_dataset(quads(gather=True), out_dir / "corpus.nq", "nquads") - sum(n for _, _, n in gathered.subsets)
    write_dataset(quads(gather=False), out_dir / "corpus.trig", "trig", names)
    entities = gathered.entities
    entity_report = pipeline.validate_triples(entities, resources, source="entity graph")
    results = gathered.results | set(entity_report.results)
    report.entity_report = entity_report
    report.validation = sorted(results, key=lambda r: (r.severity != "Violation", r.shape, r.focus, r.path, r.value or "", r.message))
    report.entities = len(set(entities.subjects()))
    report.triples = sum(n for _, _, n in gathered.subsets) + entity_triples
    if not entity_report.conforms:
        report.failures.append(_entity_failure(entity_report))
    void = _void(settings, gathered.subsets, (entity_graph_iri(settings.base), entity_triples, report.entities), report.triples)
    write_atomic(out_dir / "void.ttl", turtle_bytes(void))
    report.outputs = [out_dir / name for name in DATASET_FILES]


class _Gathered:
    """What the first pass over the caches collects besides the quads it writes."""

    def __init__(self) -> None:
        self.entity_lines: set[str] = set()  # N-Triples lines about shared entities, before merging
        self.subsets: list[tuple[str, str, int]] = []  # (article id, graph IRI, triples)
        self.results: set[ValidationResult] = set()
        self.entities: Graph | None = None
        self.entity_nt: bytes = b""


def record_dataset(out_dir: Path, manifest: Manifest, report: CorpusReport) -> None:
    entity = report.entity_report
    manifest.dataset = {
        "fingerprint": manifest.fingerprint(),
        "files": {name: file_stamp(out_dir / name) for name in DATASET_FILES},
        "triples": report.triples,
        "entities": report.entities,
        "validation": [list(dataclasses.astuple(r)) for r in report.validation],
        "entity_report": None if entity is None else {
            "conforms": entity.conforms, "engine": entity.engine,
            "results": [list(dataclasses.astuple(r)) for r in entity.results],
        },
    }


def reuse_dataset(out_dir: Path, manifest: Manifest, report: CorpusReport) -> None:
    entry = manifest.dataset or {}
    report.triples, report.entities = entry["triples"], entry["entities"]
    report.validation = [ValidationResult(*r) for r in entry["validation"]]
    saved = entry.get("entity_report")
    if saved is not None:
        report.entity_report = ValidationReport(
            saved["conforms"], [ValidationResult(*r) for r in saved["results"]], "entity graph", saved.get("engine", "")
        )
        if not saved["conforms"]:
            report.failures.append(_entity_failure(report.entity_report))
    report.outputs = [out_dir / name for name in DATASET_FILES]


def _entity_failure(entity_report: ValidationReport) -> ArticleFailure:
    reason = f"the merged entity graph does not conform to the shapes: {first_violation(entity_report)}"
    return ArticleFailure("(entity graph)", reason, NotConforming.exit_code)


def _article_results(rows: Iterable[Sequence[str]], rename: Mapping[str, str], entity_prefixes: tuple[str, ...]) -> set[ValidationResult]:
    """An article's share of the corpus-wide results: about its own nodes, and about entities
    only through triples kept in the article graph (mentions); the entity graph covers the rest."""
    out = set()
    for row in rows:
        r = ValidationResult(*row)
        if r.focus.startswith(entity_prefixes):
            if r.path not in ARTICLE_PREDICATES:
                continue
            r = dataclasses.replace(r, focus=rename.get(r.focus, r.focus))
        out.add(dataclasses.replace(r, value=rename.get(r.value, r.value)))
    return out


def _void(settings: Settings, subsets: list[tuple[str, str, int]], entity: tuple[str, int, int], triples: int) -> Graph:
    base = settings.base
    g = bind_prefixes(Graph())
    g.bind("void", VOID)
    g.bind("sd", SD)
    dataset = URIRef(f"{base}dataset/corpus")
    software = URIRef(f"{base}software/newsgraph/{settings.version}")
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, DCTERMS.title, Literal("newsgraph corpus")))
    g.add((dataset, VOID.triples, Literal(triples, datatype=XSD.integer)))
    g.add((dataset, VOID.entities, Literal(entity[2], datatype=XSD.integer)))
    g.add((dataset, VOID.documents, Literal(len(subsets), datatype=XSD.integer)))
    g.add((dataset, DCTERMS.creator, software))
    g.add((dataset, PROV.wasAttributedTo, software))
    g.add((dataset, DCTERMS.hasVersion, Literal(settings.version)))
    g.add((dataset, DCTERMS.license, URIRef(settings.licence)))
    g.add((dataset, DCTERMS.rights, Literal(RIGHTS)))
    g.add((software, RDF.type, PROV.SoftwareAgent))
    g.add((software, RDFS.label, Literal("newsgraph")))
    g.add((software, SCHEMA.softwareVersion, Literal(settings.version)))
    entity_iri, entity_triples, entity_count = entity
    parts = [(f"{base}dataset/corpus/entities", entity_iri, entity_triples, entity_count, None)]
    parts += [(f"{base}dataset/corpus/article/{slugify(i)}", iri, n, None, iri) for i, iri, n in subsets]
    for subset_iri, graph_iri, n, entities, article in parts:
        subset = URIRef(subset_iri)
        g.add((dataset, VOID.subset, subset))
        g.add((subset, RDF.type, VOID.Dataset))
        g.add((subset, SD.name, URIRef(graph_iri)))  # the named graph this subset is
        g.add((subset, VOID.triples, Literal(n, datatype=XSD.integer)))
        g.add((subset, DCTERMS.license, URIRef(settings.licence)))
        if entities is not None:
            g.add((subset, VOID.entities, Literal(entities, datatype=XSD.integer)))
        if article is not None:
            g.add((subset, DCTERMS.source, URIRef(article)))
    return g


def dataset_graph(out_dir: Path) -> Graph:
    """Every triple of `out_dir/corpus.nq` in one graph with no prefixes bound (for whole-graph
    validation, e.g. to check it against the per-article results). Loads it all: small corpora only."""
    graph = Graph(bind_namespaces="none")
    with open(Path(out_dir) / "corpus.nq", encoding="utf-8") as handle:
        chunk: list[str] = []
        for line in handle:
            s, p, rest = line.rstrip("\n").split(" ", 2)
            obj = rest[: rest.rindex(" <")]  # drop the graph name
            chunk.append(f"{s} {p} {obj} .\n")
            if len(chunk) >= 50_000:
                graph.parse(data="".join(chunk), format="nt")
                chunk = []
        if chunk:
            graph.parse(data="".join(chunk), format="nt")
    return graph
