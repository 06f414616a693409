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
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from newsgraph import pipeline
from newsgraph.corpus.manifest import CACHE_DIR, DATASET_FILES, Manifest, file_stamp
from newsgraph.corpus.merge import ARTICLE_PREDICATES, ENTITY_FOLDERS, entity_graph, plan_merge
from newsgraph.corpus.report import ArticleFailure, CorpusReport, first_violation
from newsgraph.corpus.settings import Settings
from newsgraph.errors import NewsgraphError, NotConforming
from newsgraph.mapping import RIGHTS
from newsgraph.model import slugify
from newsgraph.namespaces import PREFIXES, SCHEMA, VOID, bind_prefixes, normalise_base
from newsgraph.publish import ntriples_lines, turtle_bytes, write_atomic
from newsgraph.validate import ValidationReport, ValidationResult

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


def entity_graph_iri(base: str) -> str:
    return f"{normalise_base(base)}graph/entities"


def article_iri(base: str, article_id: str) -> str:
    return f"{normalise_base(base)}article/{slugify(article_id)}"  # as the mapper mints it


def assemble(out_dir: Path, settings: Settings, manifest: Manifest, resources: pipeline.Resources, report: CorpusReport) -> None:
    """Stream every article's cached N-Triples into corpus.nq and corpus.trig (sorted by id,
    entity IRIs renamed by the merge plan), then append the entity graph, then write void.ttl."""
    ids = sorted(manifest.articles)
    plan = plan_merge({i: manifest.articles[i]["entities"] for i in ids})
    entity_prefixes = tuple(f"<{settings.base}{folder}/" for folder in ENTITY_FOLDERS)
    entity_lines: set[str] = set()
    subsets: list[tuple[str, str, int]] = []  # (article id, graph IRI, triples)
    abbreviate = _Abbreviator(settings.base)
    results: set[ValidationResult] = set()
    nq_path, trig_path = out_dir / "corpus.nq", out_dir / "corpus.trig"
    try:
        with _AtomicText(nq_path) as nq, _AtomicText(trig_path) as trig:
            trig.write(abbreviate.header())
            for article_id in ids:
                graph_iri = article_iri(settings.base, article_id)
                rename = {f"<{k}>": f"<{v}>" for k, v in plan.rename.get(article_id, {}).items()}
                count = 0
                trig.write(f"\n<{graph_iri}> {{\n")
                for line in _cached_lines(out_dir, article_id):
                    s, p, o = _split_triple(line)
                    s, o = rename.get(s, s), rename.get(o, o)
                    if s.startswith(entity_prefixes) and p not in ARTICLE_PREDICATES:
                        entity_lines.add(f"{s} {p} {o} .")
                        continue
                    nq.write(f"{s} {p} {o} <{graph_iri}> .\n")
                    trig.write(f"  {abbreviate.triple(s, p, o)} .\n")
                    count += 1
                trig.write("}\n")
                subsets.append((article_id, graph_iri, count))
                results |= _article_results(manifest.articles[article_id]["results"], rename, entity_prefixes)
            entities = entity_graph(entity_lines, plan)
            del entity_lines
            entity_report = pipeline.validate_triples(entities, resources, source="entity graph")
            graph_iri = entity_graph_iri(settings.base)
            lines = ntriples_lines(entities).decode("utf-8").splitlines()
            trig.write(f"\n<{graph_iri}> {{\n")
            for line in lines:
                s, p, o = _split_triple(line)
                nq.write(f"{s} {p} {o} <{graph_iri}> .\n")
                trig.write(f"  {abbreviate.triple(s, p, o)} .\n")
            trig.write("}\n")
    except OSError as exc:
        raise NewsgraphError(f"cannot write {exc.filename or 'the dataset'}: {exc.strerror or exc}") from None
    results |= set(entity_report.results)
    report.entity_report = entity_report
    report.validation = sorted(results, key=lambda r: (r.severity != "Violation", r.shape, r.focus, r.path, r.value, r.message))
    report.entities = len(set(entities.subjects()))
    report.triples = sum(n for _, _, n in subsets) + len(lines)
    if not entity_report.conforms:
        report.failures.append(_entity_failure(entity_report))
    void = _void(settings, subsets, (graph_iri, len(lines), report.entities), report.triples)
    try:
        write_atomic(out_dir / "void.ttl", turtle_bytes(void))
    except OSError as exc:
        raise NewsgraphError(f"cannot write {exc.filename or 'void.ttl'}: {exc.strerror or exc}") from None
    report.outputs = [out_dir / name for name in DATASET_FILES]


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


def _cached_lines(out_dir: Path, article_id: str) -> Iterator[str]:
    with open(out_dir / CACHE_DIR / f"{article_id}.nt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield line.rstrip("\n")


def _split_triple(line: str) -> tuple[str, str, str]:
    """Subject, predicate, object of an N-Triples line. Subjects and predicates are IRIs (the
    mapper makes no blank nodes) and hold no spaces; the object is the rest without ' .'."""
    s, p, rest = line.split(" ", 2)
    return s, p, rest[:-2].rstrip() if rest.endswith(" .") else rest.rstrip(" .")


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


class _Abbreviator:
    """Prefixed names for TriG, from plain string work on N-Triples terms (no re-parsing)."""

    _LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")

    def __init__(self, base: str):
        self.prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
        for folder in (*ENTITY_FOLDERS, "article", "graph"):
            self.prefixes[folder] = f"{base}{folder}/"
        # A local name has no "/" or "#", so a namespace ending in one of them can only be the IRI
        # up to its last "/" or "#": one dict look-up instead of trying every namespace (the
        # dataset has hundreds of thousands of terms). Others are tried longest first.
        self.by_namespace = {ns: name for name, ns in self.prefixes.items() if ns.endswith(("/", "#"))}
        self.others = sorted(
            ((name, ns) for name, ns in self.prefixes.items() if not ns.endswith(("/", "#"))), key=lambda kv: -len(kv[1])
        )
        self.rdf_type = f"<{RDF.type}>"

    def header(self) -> str:
        return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in self.prefixes.items())

    def term(self, term: str) -> str:
        if term.startswith("<"):
            iri = term[1:-1]
            cut = max(iri.rfind("/"), iri.rfind("#")) + 1
            name = self.by_namespace.get(iri[:cut])
            if name is not None and self._LOCAL.fullmatch(iri, cut):
                return f"{name}:{iri[cut:]}"
            for name, ns in self.others:
                if iri.startswith(ns) and self._LOCAL.fullmatch(iri[len(ns):]):
                    return f"{name}:{iri[len(ns):]}"
            return term
        if term.endswith(">") and "^^<" in term:  # a typed literal: abbreviate its datatype
            value, _, datatype = term.rpartition("^^")
            return f"{value}^^{self.term(datatype)}"
        return term

    def triple(self, s: str, p: str, o: str) -> str:
        predicate = "a" if p == self.rdf_type else self.term(p)
        return f"{self.term(s)} {predicate} {self.term(o)}"


class _AtomicText:
    """A text file written beside its target and renamed into place only when complete."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.handle

    def __exit__(self, kind, exc, tb) -> None:
        self.handle.close()
        if kind is None:
            os.replace(self.tmp, self.path)
        else:
            try:
                os.unlink(self.tmp)
            except FileNotFoundError:
                pass


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
