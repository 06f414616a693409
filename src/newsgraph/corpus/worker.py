"""The per-article work, run in-process, in a process pool or on a Dask worker: articles' bytes
in, their files as bytes (and what the corpus needs to know about them) out. The stages are
run by `newsgraph.pipeline`, as for a single build; nothing here writes a file."""

from __future__ import annotations

import dataclasses
import gc
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph import pipeline
from newsgraph.corpus.merge import entity_refs
from newsgraph.corpus.report import INTERNAL_ERROR, ArticleFailure, first_violation
from newsgraph.corpus.settings import Settings, sha256
from newsgraph.errors import ModelError, NewsgraphError, NotConforming
from newsgraph.publish import serialise

#: (article id, path as given, file bytes)
Item = tuple[str, str, bytes]


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


#: Per worker process: the loaded resources per settings digest, loaded once.
_WORKER_STATE: dict[str, pipeline.Resources] = {}


def _resources(settings: Settings) -> pipeline.Resources:
    key = settings.digest()
    if key not in _WORKER_STATE:
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
            options = pipeline.Options(
                base=settings.base, model=settings.model, link=settings.link, gazetteer=gazetteer_path, shapes=shapes_path,
                licence=settings.licence, text=settings.text,
            )
            resources = pipeline.Resources(options).load_all()
        _WORKER_STATE[key] = resources
        # The model, gazetteer and shapes live as long as the worker: out of the cyclic collector's
        # reach, a full collection no longer walks them (about 5 ms an article, 2 %), and pages a
        # forked worker shares with its parent stay shared.
        gc.freeze()
    return _WORKER_STATE[key]


def init_worker(settings: Settings) -> None:
    """ProcessPoolExecutor initializer: load the model once per worker, before the first batch."""
    try:
        _resources(settings)
    except Exception:
        pass  # raised again by the first batch: an initializer's error would only kill the pool


def process_chunk(items: Sequence[Item], settings: Settings) -> list[ArticleOutput | ArticleFailure]:
    """Read, extract, link, map, validate and serialise a batch of articles. A pure function of
    its arguments (no output is written), so it runs the same in-process, in a process pool or
    on a Dask worker. Whatever goes wrong with one article (a typed error, or a bug) becomes that
    article's ArticleFailure; only ModelError (no model: no article can be built) is raised."""
    try:
        resources = _resources(settings)
    except ModelError:
        raise
    except Exception as exc:  # the worker cannot load what the main process could: every article says why
        return [failure(label, article_id, exc) for article_id, label, _ in items]
    out: list[ArticleOutput | ArticleFailure | None] = [None] * len(items)
    articles: list[tuple[int, Any]] = []
    for i, (article_id, label, data) in enumerate(items):
        try:
            # The file's name gives the article id and schema:sourceFile, as in a single build.
            articles.append((i, pipeline.read_bytes(data, Path(label))))
        except Exception as exc:
            out[i] = failure(label, article_id, exc)
    docs = pipeline.parse_batch([article for _, article in articles], resources)
    for (i, article), doc in zip(articles, docs):
        article_id, label, data = items[i]
        try:
            built = pipeline.article_graph(article, resources, doc=doc, prefixes=False)
            out[i] = _output(built, article_id, label, data, settings)
        except ModelError:
            raise
        except Exception as exc:
            out[i] = failure(label, article_id, exc)
    return [o for o in out if o is not None]


def _output(built: pipeline.BuildResult, article_id: str, label: str, data: bytes, settings: Settings) -> ArticleOutput:
    # Results name nodes by full IRI (prefixes=False above): results of different articles
    # (whose role:/anchor: prefixes differ) can then be compared and merged.
    report = built.report
    if not report.conforms:
        raise NotConforming(f"{label}: the graph does not conform to the shapes: {first_violation(report)}", report)
    graph = built.graph  # read three times below, never queried: no store
    try:
        written = serialise(graph)  # Turtle, JSON-LD and sorted N-Triples from one read of the graph
    except Exception as exc:  # a term no syntax can write; the user needs one line
        raise NewsgraphError(f"cannot serialise the graph: {exc}") from exc
    return ArticleOutput(
        id=article_id,
        path=label,
        sha256=sha256(data),
        turtle=written.turtle,
        jsonld=written.jsonld,
        ntriples=written.ntriples,
        triples=len(graph),
        entities=tuple(entity_refs(graph, settings.base)),
        results=tuple(dataclasses.astuple(r) for r in report.results),
    )


def failure(label: str, article_id: str | None, exc: BaseException) -> ArticleFailure:
    """The failure of one article: a typed error's message and exit code, or a bug's type and message."""
    if isinstance(exc, NewsgraphError):
        return ArticleFailure(label, str(exc), exc.exit_code, article_id)
    detail = " ".join(str(exc).split())[:300]
    reason = f"{label}: internal error: {type(exc).__name__}" + (f": {detail}" if detail else "")
    return ArticleFailure(label, reason, INTERNAL_ERROR, article_id)
