"""Corpus builds: many articles into per-article files and one merged, named-graph dataset.

    build_corpus([Path("articles/")], Path("out/"), Options(), jobs=2)

writes, in `out_dir`:

* `<id>.ttl`, `<id>.jsonld` per article, exactly as `newsgraph build` writes them;
* `corpus.nq` and `corpus.trig`: one named graph per article (named by the article IRI)
  and one graph `{base}graph/entities` holding the entities shared across articles;
* `void.ttl`: a VoID description of that dataset;
* `.newsgraph-manifest.json` and `.newsgraph-cache/<id>.nt`: what makes the next run
  incremental (an unchanged article is not extracted again).

Entities across articles (see `plan_merge`): the mapper mints an entity IRI from kind + slug
of the name, so the same name is already one IRI. On top of that, per kind:

1. entities linked to the same Wikidata item are one entity;
2. an unlinked entity whose IRI is that of exactly one linked entity joins it;
3. an unlinked entity whose name is a name or alias of exactly one other entity, or (persons)
   whose words end exactly one other person's fuller name ("Sprūds" → "Andris Sprūds"), joins it;
4. the merged entity takes the IRI and schema:name of its fullest name (most words, then
   longest, then first IRI); its other names become schema:alternateName. If two Wikidata
   items would end on one IRI, each gets the IRI with "-q<number>" appended.

Per-article Turtle/JSON-LD stay stand-alone (the IRIs a single build gives); only the dataset
carries merged IRIs, so adding an article never rewrites another article's files.

Memory stays flat: articles are processed in bounded batches and the dataset is assembled by
streaming each article's cached N-Triples into the output files; only the entity graph (which
grows with the number of distinct entities, not articles) is held in memory.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import math
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD

from newsgraph import __version__, pipeline
from newsgraph.errors import InputError, ModelError, NewsgraphError, NotConforming
from newsgraph.gazetteer import normalise
from newsgraph.model import slugify
from newsgraph.namespaces import NG, ORG, PREFIXES, SCHEMA, bind_prefixes
from newsgraph.publish import ntriples_lines, serialise, turtle_bytes, write_atomic
from newsgraph.validate import ValidationReport, ValidationResult, load_shapes, validate_graph

VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")

MANIFEST_NAME = ".newsgraph-manifest.json"
CACHE_DIR = ".newsgraph-cache"
MANIFEST_FORMAT = "newsgraph-manifest/1"
DATASET_FILES = ("corpus.nq", "corpus.trig", "void.ttl")

#: IRI folders (under the base) whose nodes are entities shared across articles.
ENTITY_FOLDERS = ("person", "country", "place", "organization", "event", "coalition", "office")

#: Entity properties that hold one value; merging several articles may bring more.
_KEEP_ONE = (RDFS.label, SCHEMA.roleName, NG.linkMethod, ORG.postIn)

#: Triples about an entity that belong to the article graph: they point into one article's text.
_ARTICLE_PREDICATES = frozenset({f"<{NG.mention}>"})

#: At most this many articles go to a worker at once: enough for nlp.pipe to batch, and few
#: enough that a worker's peak memory (parsed docs and graphs of one batch) does not grow
#: with the corpus: measured, 8 per batch already peaks a third higher than 3.
_MAX_CHUNK = 4

Progress = Callable[[int, int, str], None]


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class ArticleFailure:
    """An article that was not built: where it came from, why, and its error class's exit code."""

    path: str
    reason: str
    exit_code: int
    article_id: str | None = None


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    source: str
    triples: int  # of the stand-alone article graph (its .ttl)
    reused: bool
    warnings: int = 0


@dataclass
class CorpusReport:
    out_dir: Path
    articles: list[ArticleSummary] = field(default_factory=list)
    failures: list[ArticleFailure] = field(default_factory=list)
    triples: int = 0  # quads in the dataset (every named graph)
    entities: int = 0  # distinct entity nodes in the entity graph
    seconds: float = 0.0
    #: Corpus-wide SHACL results: per-article results (in the workers) + the entity graph's.
    validation: list[ValidationResult] = field(default_factory=list)
    entity_report: ValidationReport | None = None
    outputs: list[Path] = field(default_factory=list)

    @property
    def built(self) -> int:
        return sum(1 for a in self.articles if not a.reused)

    @property
    def reused(self) -> int:
        return sum(1 for a in self.articles if a.reused)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def partly_failed(self) -> bool:
        return bool(self.failures)

    @property
    def status(self) -> str:
        return "partly failed" if self.failures else "built"


# --------------------------------------------------------------------------- settings shipped to workers


@dataclass(frozen=True)
class _Settings:
    """Everything a worker needs, as plain values: a Dask worker may not see our files."""

    base: str
    model: str
    model_version: str  # of the installed model package: a new model changes the output
    link: bool
    gazetteer: bytes | None
    gazetteer_name: str
    shapes: bytes | None
    shapes_name: str
    version: str = __version__

    def digest(self) -> str:
        """Of the options that change output; a change rebuilds every article."""
        parts = {
            "base": self.base,
            "model": self.model,
            "model_version": self.model_version,
            "link": self.link,
            "gazetteer": _sha256(self.gazetteer) if self.gazetteer is not None else None,
            "shapes": _sha256(self.shapes) if self.shapes is not None else None,
            "version": self.version,
        }
        return _sha256(json.dumps(parts, sort_keys=True).encode("utf-8"))


def _settings_for(options: pipeline.Options) -> _Settings:
    from newsgraph import DEFAULT_MODEL

    def read(path: Path | None, what: str) -> bytes | None:
        if path is None:
            return None
        try:
            return Path(path).read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read the {what} file: {exc.strerror or exc}") from None

    base = options.base if options.base.endswith(("/", "#")) else options.base + "/"
    model = options.model or DEFAULT_MODEL
    return _Settings(
        base=base,
        model=model,
        model_version=_installed_version(model),
        link=options.link,
        gazetteer=read(options.gazetteer, "gazetteer"),
        gazetteer_name=Path(options.gazetteer).name if options.gazetteer else "gazetteer.tsv",
        shapes=read(options.shapes, "shapes"),
        shapes_name=Path(options.shapes).name if options.shapes else "shapes.ttl",
    )


# --------------------------------------------------------------------------- the per-article work (pure)


@dataclass(frozen=True)
class ArticleOutput:
    """What one article gives: its files as bytes and what the corpus needs to know about it."""

    id: str
    path: str
    sha256: str
    turtle: bytes
    jsonld: bytes
    ntriples: bytes  # sorted N-Triples lines of the article graph: the dataset is assembled from these
    triples: int
    entities: tuple[dict, ...]  # {"iri", "folder", "name", "aliases", "qid"}
    results: tuple[tuple[str, str, str, str, str, str], ...]  # ValidationResult fields, full IRIs


_Item = tuple[str, str, bytes]  # (article id, path as given, file bytes)

#: Per worker process: (nlp, gazetteer, shapes graph) per settings digest, loaded once.
_WORKER_STATE: dict[str, tuple[Any, Any, Graph]] = {}


def _worker_state(settings: _Settings) -> tuple[Any, Any, Graph]:
    key = settings.digest()
    if key not in _WORKER_STATE:
        from newsgraph.extract import load_nlp  # spaCy is slow to import: only workers need it

        # The loaders read files; the bytes came with the settings (a Dask worker may not see
        # the user's files), so they are put back in files only for as long as loading takes.
        with tempfile.TemporaryDirectory(prefix="newsgraph-worker-") as folder:
            gazetteer_path = shapes_path = None
            if settings.gazetteer is not None:
                gazetteer_path = Path(folder) / settings.gazetteer_name
                gazetteer_path.write_bytes(settings.gazetteer)
            if settings.shapes is not None:
                shapes_path = Path(folder) / settings.shapes_name
                shapes_path.write_bytes(settings.shapes)
            gazetteer = pipeline.gazetteer_for(pipeline.Options(gazetteer=gazetteer_path))
            shapes = load_shapes(shapes_path)
        _WORKER_STATE[key] = (load_nlp(settings.model), gazetteer, shapes)
        # The model, gazetteer and shapes live as long as the worker: out of the cyclic collector's
        # reach, a full collection no longer walks them (about 5 ms an article, 2 %), and pages a
        # forked worker shares with its parent stay shared.
        gc.freeze()
    return _WORKER_STATE[key]


def _init_worker(settings: _Settings) -> None:
    """ProcessPoolExecutor initializer: load the model once per worker, before the first batch."""
    try:
        _worker_state(settings)
    except NewsgraphError:
        pass  # raised again, typed, by the first batch: an initializer's error would only kill the pool


def process_chunk(items: Sequence[_Item], settings: _Settings) -> list[ArticleOutput | ArticleFailure]:
    """Extract, link, map, validate and serialise a batch of articles. A pure function of its
    arguments (no output is written), so it runs the same in-process, in a process pool or on a
    Dask worker. A bad article becomes an ArticleFailure; only ModelError (no model) is raised."""
    from newsgraph.extract import extract_record, text_to_parse
    from newsgraph.read import read_article_bytes

    nlp, gazetteer, shapes = _worker_state(settings)
    out: list[ArticleOutput | ArticleFailure | None] = [None] * len(items)
    articles: list[tuple[int, Any]] = []
    for i, (article_id, label, data) in enumerate(items):
        try:
            # The file's name gives the article id and schema:sourceFile, as in a single build.
            articles.append((i, read_article_bytes(data, Path(label))))
        except NewsgraphError as exc:
            out[i] = _failure(label, article_id, exc)
    texts = [text_to_parse(article.text) for _, article in articles]
    try:
        docs: list[Any] = list(nlp.pipe(texts))
    except Exception:  # one text breaks the batch: parse one by one below, failing only that article
        docs = [None] * len(texts)
    for (i, article), doc in zip(articles, docs):
        article_id, label, data = items[i]
        try:
            record = extract_record(article, nlp, gazetteer, doc=doc)
            if settings.link:
                record, _ = pipeline.link(record, gazetteer)
            out[i] = _publishable(record, article_id, label, data, settings, shapes)
        except ModelError:
            raise
        except NewsgraphError as exc:
            out[i] = _failure(label, article_id, exc)
        except Exception as exc:  # an extraction crash fails this article, not the run
            out[i] = ArticleFailure(label, f"{label}: internal error: {type(exc).__name__}: {exc}", 70, article_id)
    return [o for o in out if o is not None]


def _publishable(record: Any, article_id: str, label: str, data: bytes, settings: _Settings, shapes: Graph) -> ArticleOutput:
    from newsgraph.mapping import record_to_triples

    graph = record_to_triples(record, settings.base)  # read three times below, never queried: no store
    # Results name nodes by full IRI: results of different articles (whose role:/anchor:
    # prefixes differ) can then be compared and merged.
    report = validate_graph(graph, shapes, source=article_id, prefixes=False)
    if not report.conforms:
        raise NotConforming(f"{label}: the graph does not conform to the shapes: {_first_violation(report)}", report)
    try:
        written = serialise(graph)  # Turtle, JSON-LD and sorted N-Triples from one read of the graph
    except Exception as exc:  # a term no syntax can write; the user needs one line
        raise NewsgraphError(f"cannot serialise the graph: {exc}") from exc
    return ArticleOutput(
        id=article_id,
        path=label,
        sha256=_sha256(data),
        turtle=written.turtle,
        jsonld=written.jsonld,
        ntriples=written.ntriples,
        triples=len(graph),
        entities=tuple(_entity_refs(graph, settings.base)),
        results=tuple(dataclasses.astuple(r) for r in report.results),
    )


def _first_violation(report: ValidationReport) -> str:
    v = report.violations[0] if report.violations else None
    return f"{len(report.violations)} violation(s), e.g. {v.focus} {v.path}: {v.message}" if v else "no details"


def _failure(label: str, article_id: str | None, exc: NewsgraphError) -> ArticleFailure:
    return ArticleFailure(label, str(exc), exc.exit_code, article_id)


def _entity_refs(triples: Iterable[tuple[Any, Any, Any]], base: str) -> Iterator[dict]:
    """The entity nodes of an article graph, with what the cross-article merge looks at."""
    prefixes = tuple(f"{base}{folder}/" for folder in ENTITY_FOLDERS)
    wanted = {SCHEMA.name: "name", RDFS.label: "label", OWL.sameAs: "same", SCHEMA.alternateName: "aliases"}
    found: dict[str, dict[str, list[str]]] = {}
    for s, p, o in triples:  # one pass over the triples, not a store look-up per entity
        if isinstance(s, URIRef) and str.startswith(s, prefixes):  # rdflib's startswith takes no tuple
            values = found.setdefault(str(s), {})
            if p in wanted:
                values.setdefault(wanted[p], []).append(str(o))
    for iri in sorted(found):
        values = found[iri]
        folder = iri[len(base):].split("/", 1)[0]
        # min(): one value in practice; the smallest when there are several, so it is stable.
        name = min(values.get("name") or values.get("label") or [""])
        same = sorted(values.get("same", []))
        yield {
            "iri": iri,
            "folder": folder,
            "name": name,
            "aliases": sorted(values.get("aliases", [])),
            "qid": same[0].rsplit("/", 1)[-1] if same else None,
        }


# --------------------------------------------------------------------------- merging entities


@dataclass
class MergePlan:
    """Where each article's entity IRIs go in the dataset, and the merged entities' names."""

    rename: dict[str, dict[str, str]]  # article id -> {IRI in the article graph: dataset IRI}
    names: dict[str, str]  # dataset IRI -> its schema:name
    other_names: dict[str, set[str]]  # dataset IRI -> names that become schema:alternateName


def plan_merge(entities_by_article: Mapping[str, Sequence[Mapping[str, Any]]]) -> MergePlan:
    """Decide which entity nodes of different articles are one entity (rules in the module doc).

    Depends only on the set of (article, entity) pairs, never on their order, so the dataset
    is the same however the articles were scheduled.
    """
    # A node is an IRI as minted, split by Wikidata item: one name, two items, two entities.
    node_names: dict[tuple[str, str | None], set[str]] = {}
    node_folder: dict[tuple[str, str | None], str] = {}
    node_primary: dict[tuple[str, str | None], set[str]] = {}
    for refs in entities_by_article.values():
        for ref in refs:
            node = (ref["iri"], ref.get("qid"))
            node_folder[node] = ref["folder"]
            node_primary.setdefault(node, set()).add(ref["name"])
            node_names.setdefault(node, set()).update([ref["name"], *ref.get("aliases", ())])
    parent = {node: node for node in node_folder}

    def find(node):
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a, b) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb, key=_node_order)] = min(ra, rb, key=_node_order)

    nodes = sorted(node_folder, key=_node_order)
    by_item: dict[tuple[str, str], list] = {}
    for node in nodes:  # rule 1: one Wikidata item (per kind), one entity
        if node[1]:
            by_item.setdefault((node_folder[node], node[1]), []).append(node)
    for group in by_item.values():
        for other in group[1:]:
            union(group[0], other)
    linked_by_iri: dict[str, set] = {}
    for node in nodes:
        if node[1]:
            linked_by_iri.setdefault(node[0], set()).add(find(node))
    for node in nodes:  # rule 2: an unlinked node on the IRI of exactly one linked entity
        if node[1] is None and len(linked_by_iri.get(node[0], ())) == 1:
            union(node, next(iter(linked_by_iri[node[0]])))

    # Rule 3, decided against the clusters as they stand now, then applied all at once.
    clusters: dict[Any, list] = {}
    for node in nodes:
        clusters.setdefault(find(node), []).append(node)
    names_of = {root: {normalise(n) for m in members for n in node_names[m]} - {""} for root, members in clusters.items()}
    full_names_of = {root: {normalise(n) for m in members for n in node_primary[m]} - {""} for root, members in clusters.items()}
    index: dict[tuple[str, str], set] = {}
    for root, names in names_of.items():
        for name in names:
            index.setdefault((node_folder[root], name), set()).add(root)
    joins = []
    for root, members in clusters.items():
        if any(m[1] for m in members):
            continue  # linked entities never join each other by name
        folder = node_folder[root]
        candidates: set = set()
        for name in names_of[root]:
            candidates |= index.get((folder, name), set())
            if folder == "person":
                candidates |= {
                    other for other, fulls in full_names_of.items()
                    if node_folder[other] == "person" and any(_ends_with(full, name) for full in fulls)
                }
        candidates.discard(root)
        if len(candidates) == 1:
            joins.append((root, candidates.pop()))
    for a, b in joins:
        union(a, b)

    clusters = {}
    for node in nodes:
        clusters.setdefault(find(node), []).append(node)
    chosen: dict[Any, tuple[str, str]] = {}
    claimed: dict[str, list] = {}
    for root, members in clusters.items():
        # The fullest name names the entity: most words, then longest, then first IRI.
        name, iri = min(((n, m[0]) for m in members for n in node_primary[m]), key=lambda p: (-len(p[0].split()), -len(p[0]), p[1], p[0]))
        chosen[root] = (iri, name)
        claimed.setdefault(iri, []).append(root)
    final: dict[Any, str] = {}
    for iri, roots in claimed.items():
        for root in roots:
            item = next((m[1] for m in clusters[root] if m[1]), None)
            final[root] = iri if len(roots) == 1 or item is None else f"{iri}-{item.lower()}"

    plan = MergePlan(rename={}, names={}, other_names={})
    for root, members in clusters.items():
        target = final[root]
        plan.names[target] = chosen[root][1]
        plan.other_names[target] = {n for m in members for n in node_names[m]} - {chosen[root][1], ""}
    for article_id, refs in entities_by_article.items():
        moves = {}
        for ref in refs:
            target = final[find((ref["iri"], ref.get("qid")))]
            if target != ref["iri"]:
                moves[ref["iri"]] = target
        plan.rename[article_id] = moves
    return plan


def _node_order(node: tuple[str, str | None]) -> tuple[str, str]:
    return (node[0], node[1] or "")


def _ends_with(full: str, short: str) -> bool:
    words, tail = full.split(), short.split()
    return 0 < len(tail) < len(words) and words[-len(tail):] == tail


# --------------------------------------------------------------------------- the build


def build_corpus(
    inputs: Sequence[Path],
    out_dir: Path,
    options: pipeline.Options,
    *,
    jobs: int = 1,
    executor: str | None = None,
    progress: Progress | None = None,
) -> CorpusReport:
    """Build every article of `inputs` (files, and directories' *.txt recursively) into
    per-article files and one dataset in `out_dir`. Bad articles are reported in the result's
    `failures`, not raised; typed errors are raised only for what stops the whole run (no
    model, bad shapes or gazetteer file, output folder not writable, executor unreachable)."""
    started = time.perf_counter()
    out_dir = Path(out_dir)
    settings = _settings_for(options)
    shapes = load_shapes(options.shapes)  # a bad shapes or gazetteer file stops the run here, typed
    pipeline.gazetteer_for(options)
    report = CorpusReport(out_dir=out_dir)
    items, report.failures = _collect(inputs)
    manifest = _Manifest.load(out_dir, settings)
    total = len(items) + len(report.failures)
    done = len(report.failures)

    sha_of = {article_id: _sha256(data) for article_id, _, data in items}
    todo: list[_Item] = []
    for article_id, label, data in items:
        known = manifest.known_failure(article_id, sha_of[article_id])
        if known is not None:  # the same bytes failed the same way last time: say so, do not retry
            report.failures.append(dataclasses.replace(known, path=label))
            done += 1
            _tell(progress, done, total, article_id)
        elif manifest.fresh(article_id, sha_of[article_id]):
            entry = manifest.articles[article_id]
            report.articles.append(ArticleSummary(article_id, entry["source"], entry["triples"], True, _warnings(entry["results"])))
            done += 1
            _tell(progress, done, total, article_id)
        else:
            todo.append((article_id, label, data))

    def accept(result: ArticleOutput | ArticleFailure) -> None:
        nonlocal done
        done += 1
        if isinstance(result, ArticleFailure):
            report.failures.append(result)
            manifest.drop(result.article_id)
            manifest.record_failure(result, sha_of.get(result.article_id or ""))
        else:
            _write_article(out_dir, result)
            manifest.record(result)
            report.articles.append(ArticleSummary(result.id, Path(result.path).name, result.triples, False, _warnings(result.results)))
        _tell(progress, done, total, getattr(result, "id", None) or getattr(result, "article_id", None) or "")

    try:
        _execute(_chunks(todo, jobs), settings, jobs, executor, accept)
    finally:
        manifest.keep_only({a.id for a in report.articles}, {f.article_id for f in report.failures if f.article_id})
        manifest.save()

    report.articles.sort(key=lambda a: a.id)
    report.failures.sort(key=lambda f: (f.path, f.reason))
    if manifest.dataset_current():
        _reuse_dataset(out_dir, manifest, report)  # nothing changed: the files on disk are the answer
    else:
        _assemble(out_dir, settings, manifest, shapes, report)
        _record_dataset(out_dir, manifest, report)
        manifest.save()
    report.seconds = time.perf_counter() - started
    return report


def _tell(progress: Progress | None, done: int, total: int, current: str) -> None:
    if progress is not None:
        progress(done, total, current)


def _warnings(results: Iterable[Sequence[str]]) -> int:
    return sum(1 for r in results if r[0] != "Violation")


def _collect(inputs: Sequence[Path]) -> tuple[list[_Item], list[ArticleFailure]]:
    """The articles to build, sorted by id, each read once; unreadable ones become failures."""
    paths: list[Path] = []
    failures: list[ArticleFailure] = []
    for given in inputs:
        given = Path(given)
        if given.is_dir():
            paths.extend(sorted(p for p in given.rglob("*.txt") if p.is_file()))
        elif given.exists():
            paths.append(given)
        else:
            failures.append(ArticleFailure(str(given), f"{given}: no such article file", InputError.exit_code))
    items: dict[str, _Item] = {}
    for path in sorted(dict.fromkeys(paths), key=lambda p: (slugify(p.stem), str(p))):
        article_id = slugify(path.stem)  # read_article names the article the same way
        if article_id in items:
            first = items[article_id][1]
            failures.append(ArticleFailure(str(path), f"{path}: same article id {article_id!r} as {first}; rename one", InputError.exit_code, article_id))
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            failures.append(ArticleFailure(str(path), f"{path}: cannot read: {exc.strerror or exc}", InputError.exit_code, article_id))
            continue
        items[article_id] = (article_id, str(path), data)
    return list(items.values()), failures


def _chunks(items: list[_Item], jobs: int) -> list[list[_Item]]:
    # About four batches per worker for small corpora (to balance the load), else _MAX_CHUNK.
    size = max(1, min(_MAX_CHUNK, math.ceil(len(items) / (max(1, jobs) * 4))))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _execute(chunks: list[list[_Item]], settings: _Settings, jobs: int, executor: str | None,
             accept: Callable[[ArticleOutput | ArticleFailure], None]) -> None:
    if not chunks:
        return
    if executor:
        _execute_dask(chunks, settings, executor, accept)
    elif jobs <= 1:
        for chunk in chunks:
            for result in process_chunk(chunk, settings):
                accept(result)
    else:
        _execute_pool(chunks, settings, jobs, accept)


def _execute_pool(chunks, settings: _Settings, jobs: int, accept) -> None:
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # fork when it is safe: it needs no `if __name__ == "__main__"` guard in the caller's script
    # and starts fast. A forked copy of a process running other threads can deadlock, so then spawn.
    # Either way each worker loads the model itself, in the initializer.
    safe_to_fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if safe_to_fork else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(settings,)) as pool:
        _windowed(chunks, lambda chunk: pool.submit(process_chunk, chunk, settings), wait, 2 * jobs, accept, (BrokenProcessPool,))


def _execute_dask(chunks, settings: _Settings, executor: str, accept) -> None:
    match = re.fullmatch(r"dask://([^/]+)/?", executor)
    if match is None:
        raise NewsgraphError(f"unknown executor {executor!r}: expected dask://HOST:PORT")
    try:
        from distributed import Client, wait
    except ImportError:
        raise NewsgraphError("the dask executor needs the 'corpus' extra: pip install 'newsgraph[corpus]'") from None
    try:
        client = Client(f"tcp://{match.group(1)}", timeout="10s")
    except OSError as exc:
        raise NewsgraphError(f"cannot reach the Dask scheduler at {match.group(1)}: {exc}") from None
    with client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        _windowed(chunks, lambda chunk: client.submit(process_chunk, chunk, settings, pure=False), wait, 2 * workers, accept, ())


def _windowed(chunks, submit, wait, window: int, accept, broken: tuple[type[BaseException], ...]) -> None:
    """Keep at most `window` batches in flight, so results (all bytes) never pile up in memory."""
    queue = iter(chunks)
    pending: dict[Any, list[_Item]] = {}

    def died(chunk: list[_Item], exc: BaseException) -> None:
        for aid, label, _ in chunk:
            accept(ArticleFailure(label, f"{label}: the worker process died: {exc}", 70, aid))

    def refill() -> None:
        for chunk in queue:
            try:
                pending[submit(chunk)] = chunk
            except broken as exc:  # the pool is gone: what is left fails, reported, not raised
                died(chunk, exc)
                continue
            if len(pending) >= window:
                break

    refill()
    while pending:
        done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
        for future in done:
            chunk = pending.pop(future)
            try:
                results = future.result()
            except ModelError:
                raise
            except broken as exc:  # a worker died (e.g. out of memory): its batch fails, not the run
                died(chunk, exc)
                continue
            for result in results:
                accept(result)
            del future, results
        refill()


def _write_article(out_dir: Path, result: ArticleOutput) -> None:
    try:
        write_atomic(out_dir / f"{result.id}.ttl", result.turtle)
        write_atomic(out_dir / f"{result.id}.jsonld", result.jsonld)
        write_atomic(out_dir / CACHE_DIR / f"{result.id}.nt", result.ntriples)
    except OSError as exc:
        raise NewsgraphError(f"cannot write {exc.filename or 'output'}: {exc.strerror or exc}") from None


# --------------------------------------------------------------------------- manifest


class _Manifest:
    """`.newsgraph-manifest.json`: per article id, the input's sha256 and what the corpus needs
    without rereading the article (entities, validation results, triple count)."""

    def __init__(self, out_dir: Path, settings: _Settings, articles: dict[str, dict], failures: dict[str, dict],
                 dataset: dict | None = None):
        self.out_dir = out_dir
        self.settings = settings
        self.articles = articles
        self.failures = failures
        #: What the last assembly wrote: its fingerprint, the files' sizes and times, the figures.
        self.dataset = dataset

    @classmethod
    def load(cls, out_dir: Path, settings: _Settings) -> _Manifest:
        path = out_dir / MANIFEST_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            ours = data.get("format") == MANIFEST_FORMAT
            articles, failures = (dict(data["articles"]), dict(data.get("failures", {}))) if ours else ({}, {})
            dataset = data.get("dataset") if ours and isinstance(data.get("dataset"), dict) else None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            articles, failures, dataset = {}, {}, None  # no manifest, or one we cannot read: build everything again
        return cls(out_dir, settings, articles, failures, dataset)

    def fingerprint(self) -> str:
        """What the dataset files are a function of: the settings and each article's input."""
        parts = [self.settings.digest(), sorted((k, v["sha256"]) for k, v in self.articles.items())]
        return _sha256(json.dumps(parts).encode("utf-8"))

    def dataset_current(self) -> bool:
        """True when the dataset files are the ones the last run wrote for these very inputs."""
        entry = self.dataset
        if not entry or entry.get("fingerprint") != self.fingerprint():
            return False
        return all(_file_stamp(self.out_dir / name) == entry.get("files", {}).get(name) for name in DATASET_FILES)

    def fresh(self, article_id: str, sha256: str) -> bool:
        entry = self.articles.get(article_id)
        if not entry or entry.get("sha256") != sha256 or entry.get("version") != self.settings.version:
            return False
        if entry.get("settings") != self.settings.digest():
            return False
        files = (f"{article_id}.ttl", f"{article_id}.jsonld", f"{CACHE_DIR}/{article_id}.nt")
        return all((self.out_dir / f).is_file() for f in files)

    def record(self, result: ArticleOutput) -> None:
        self.articles[result.id] = {
            "source": Path(result.path).name,
            "sha256": result.sha256,
            "version": self.settings.version,
            "settings": self.settings.digest(),
            "triples": result.triples,
            "entities": list(result.entities),
            "results": [list(r) for r in result.results],
        }

    def drop(self, article_id: str | None) -> None:
        if article_id is not None:
            self.articles.pop(article_id, None)

    def known_failure(self, article_id: str, sha256: str) -> ArticleFailure | None:
        entry = self.failures.get(article_id)
        if not entry or entry.get("sha256") != sha256 or entry.get("settings") != self.settings.digest():
            return None
        return ArticleFailure(entry["source"], entry["reason"], entry["exit_code"], article_id)

    def record_failure(self, failure: ArticleFailure, sha256: str | None) -> None:
        # Only failures the same input will always give; a dead worker may not die next time.
        if failure.article_id and sha256 and failure.exit_code != 70:
            self.failures[failure.article_id] = {
                "source": failure.path,
                "sha256": sha256,
                "settings": self.settings.digest(),
                "reason": failure.reason,
                "exit_code": failure.exit_code,
            }

    def keep_only(self, built: set[str], failed: set[str]) -> None:
        # Articles no longer in the inputs (or failed this time) leave the dataset.
        self.articles = {k: v for k, v in self.articles.items() if k in built}
        self.failures = {k: v for k, v in self.failures.items() if k in failed}

    def save(self) -> None:
        data = {
            "format": MANIFEST_FORMAT,
            "version": self.settings.version,
            "options": {
                "base": self.settings.base,
                "model": f"{self.settings.model} {self.settings.model_version}".strip(),
                "link": self.settings.link,
                "gazetteer": _sha256(self.settings.gazetteer) if self.settings.gazetteer is not None else None,
                "shapes": _sha256(self.settings.shapes) if self.settings.shapes is not None else None,
            },
            "articles": dict(sorted(self.articles.items())),
            "failures": dict(sorted(self.failures.items())),
            "dataset": self.dataset,
        }
        text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
        try:
            write_atomic(self.out_dir / MANIFEST_NAME, text.encode("utf-8"))
        except OSError as exc:
            raise NewsgraphError(f"cannot write {exc.filename or MANIFEST_NAME}: {exc.strerror or exc}") from None


# --------------------------------------------------------------------------- assembling the dataset


def entity_graph_iri(base: str) -> str:
    base = base if base.endswith(("/", "#")) else base + "/"
    return f"{base}graph/entities"


def article_iri(base: str, article_id: str) -> str:
    base = base if base.endswith(("/", "#")) else base + "/"
    return f"{base}article/{slugify(article_id)}"  # as the mapper mints it


def _assemble(out_dir: Path, settings: _Settings, manifest: _Manifest, shapes: Graph, report: CorpusReport) -> None:
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
                    if s.startswith(entity_prefixes) and p not in _ARTICLE_PREDICATES:
                        entity_lines.add(f"{s} {p} {o} .")
                        continue
                    nq.write(f"{s} {p} {o} <{graph_iri}> .\n")
                    trig.write(f"  {abbreviate.triple(s, p, o)} .\n")
                    count += 1
                trig.write("}\n")
                subsets.append((article_id, graph_iri, count))
                results |= _article_results(manifest.articles[article_id]["results"], rename, entity_prefixes)
            entities = _entity_graph(entity_lines, plan)
            del entity_lines
            entity_report = validate_graph(entities, shapes, source="entity graph")
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
        report.failures.append(ArticleFailure("(entity graph)", f"the merged entity graph does not conform to the shapes: {_first_violation(entity_report)}", NotConforming.exit_code))
    void = _void(settings, subsets, (graph_iri, len(lines), report.entities), report.triples)
    try:
        write_atomic(out_dir / "void.ttl", turtle_bytes(void))
    except OSError as exc:
        raise NewsgraphError(f"cannot write {exc.filename or 'void.ttl'}: {exc.strerror or exc}") from None
    report.outputs = [out_dir / name for name in DATASET_FILES]


def _record_dataset(out_dir: Path, manifest: _Manifest, report: CorpusReport) -> None:
    entity = report.entity_report
    manifest.dataset = {
        "fingerprint": manifest.fingerprint(),
        "files": {name: _file_stamp(out_dir / name) for name in DATASET_FILES},
        "triples": report.triples,
        "entities": report.entities,
        "validation": [list(dataclasses.astuple(r)) for r in report.validation],
        "entity_report": None if entity is None else {
            "conforms": entity.conforms, "engine": entity.engine,
            "results": [list(dataclasses.astuple(r)) for r in entity.results],
        },
    }


def _reuse_dataset(out_dir: Path, manifest: _Manifest, report: CorpusReport) -> None:
    entry = manifest.dataset or {}
    report.triples, report.entities = entry["triples"], entry["entities"]
    report.validation = [ValidationResult(*r) for r in entry["validation"]]
    saved = entry.get("entity_report")
    if saved is not None:
        report.entity_report = ValidationReport(
            saved["conforms"], [ValidationResult(*r) for r in saved["results"]], "entity graph", saved.get("engine", "")
        )
        if not saved["conforms"]:
            report.failures.append(ArticleFailure("(entity graph)", f"the merged entity graph does not conform to the shapes: {_first_violation(report.entity_report)}", NotConforming.exit_code))
    report.outputs = [out_dir / name for name in DATASET_FILES]


def _file_stamp(path: Path) -> list[int] | None:
    """Size and modification time: a dataset file replaced or edited since the last run shows."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


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
            if r.path not in _ARTICLE_PREDICATES:
                continue
            r = dataclasses.replace(r, focus=rename.get(r.focus, r.focus))
        out.add(dataclasses.replace(r, value=rename.get(r.value, r.value)))
    return out


def _entity_graph(lines: set[str], plan: MergePlan) -> Graph:
    """The shared entity graph, one value left where the shapes allow one (names, labels, links)."""
    graph = Graph(bind_namespaces="none")
    if lines:
        graph.parse(data="\n".join(sorted(lines)) + "\n", format="nt")
    for subject in sorted(set(graph.subjects())):
        iri = str(subject)
        names = list(graph.objects(subject, SCHEMA.name))
        if names and iri in plan.names:
            graph.remove((subject, SCHEMA.name, None))
            main = plan.names[iri]
            graph.add((subject, SCHEMA.name, Literal(main)))
            for other in sorted(plan.other_names.get(iri, set()) | {str(n) for n in names}):
                if other != main:
                    graph.add((subject, SCHEMA.alternateName, Literal(other)))
        for prop in _KEEP_ONE:
            values = sorted(graph.objects(subject, prop), key=lambda v: v.n3())
            for extra in values[1:]:
                graph.remove((subject, prop, extra))
        confidences = sorted(graph.objects(subject, NG.linkConfidence), key=lambda v: (float(v), v.n3()))
        for lower in confidences[:-1]:  # several articles, several confidences: the best link stands
            graph.remove((subject, NG.linkConfidence, lower))
    return graph


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


def _void(settings: _Settings, subsets: list[tuple[str, str, int]], entity: tuple[str, int, int], triples: int) -> Graph:
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


def _installed_version(package: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(package)
    except (metadata.PackageNotFoundError, ValueError):
        return ""  # a model given by path, or not installed: the worker says so when it loads it


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
