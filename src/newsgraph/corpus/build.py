"""`build_corpus`: the run from inputs to output folder. Collect the articles, reuse what the
manifest says is unchanged, have the rest built (`schedule`), write each article's files as
its result comes in, remove the files of articles no longer given, assemble the dataset."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsgraph import pipeline
from newsgraph.corpus.dataset import assemble, record_dataset, reuse_dataset
from newsgraph.corpus.inputs import collect
from newsgraph.corpus.manifest import Manifest, article_files
from newsgraph.corpus.report import ArticleFailure, ArticleSummary, CorpusReport, Progress, RemovedArticle
from newsgraph.corpus.schedule import chunks, execute
from newsgraph.corpus.settings import settings_for, sha256
from newsgraph.corpus.worker import ArticleOutput, Item
from newsgraph.errors import NewsgraphError
from newsgraph.publish import write_atomic


def build_corpus(
    inputs: Sequence[Path],
    out_dir: Path,
    options: pipeline.Options,
    *,
    jobs: int = 1,
    executor: str | None = None,
    progress: Progress | None = None,
) -> CorpusReport:
    """Build every article of `inputs` (files, and in folders every .txt, .md, .html and .htm
    file, recursively) into per-article files and one dataset in `out_dir`. Bad articles are
    reported in the result's `failures`, not raised, whatever went wrong with them; other
    files in the folders are listed in `skipped`, and the files of articles a previous run
    built but that are no longer given are deleted and listed in `removed`. Typed errors are
    raised only for what stops the whole run (no model, bad shapes or gazetteer file, output
    folder not writable, executor unreachable)."""
    started = time.perf_counter()
    out_dir = Path(out_dir)
    settings = settings_for(options)
    resources = pipeline.Resources(options)
    resources.shapes, resources.gazetteer  # noqa: B018 (a bad shapes or gazetteer file stops the run here, typed)
    report = CorpusReport(out_dir=out_dir)
    found = collect(inputs, out_dir)
    report.failures, report.skipped = list(found.failures), found.skipped
    manifest = Manifest.load(out_dir, settings)
    total = len(found.items) + len(found.failures)
    done = len(found.failures)

    def tell(current: str) -> None:
        if progress is not None:
            progress(done, total, current)

    sha_of = {article_id: sha256(data) for article_id, _, data in found.items}
    todo: list[Item] = []
    for article_id, label, data in found.items:
        known = manifest.known_failure(article_id, sha_of[article_id])
        if known is not None:  # the same bytes failed the same way last time: say so, do not retry
            report.failures.append(dataclasses.replace(known, path=label))
            done += 1
            tell(article_id)
        elif manifest.fresh(article_id, sha_of[article_id]):
            entry = manifest.articles[article_id]
            report.articles.append(ArticleSummary(article_id, entry["source"], entry["triples"], True, _warnings(entry["results"])))
            done += 1
            tell(article_id)
        else:
            todo.append((article_id, label, data))

    def accept(result: ArticleOutput | ArticleFailure) -> None:
        nonlocal done
        done += 1
        if isinstance(result, ArticleFailure):
            report.failures.append(result)
            manifest.drop(result.article_id)
            manifest.record_failure(result, sha_of.get(result.article_id or ""))
            tell(result.article_id or "")
        else:
            _write_article(out_dir, result)
            manifest.record(result)
            report.articles.append(ArticleSummary(result.id, Path(result.path).name, result.triples, False, _warnings(result.results)))
            tell(result.id)

    try:
        execute(chunks(todo, jobs), settings, jobs, executor, accept)
        removed = manifest.remove_files_of_others(found.given_ids())
        report.removed = [RemovedArticle(article_id, tuple(files)) for article_id, files in removed.items()]
    finally:
        manifest.keep_only({a.id for a in report.articles}, {f.article_id for f in report.failures if f.article_id})
        manifest.save()

    report.articles.sort(key=lambda a: a.id)
    report.failures.sort(key=lambda f: (f.path, f.reason))
    if manifest.dataset_current():
        reuse_dataset(out_dir, manifest, report)  # nothing changed: the files on disk are the answer
    else:
        assemble(out_dir, settings, manifest, resources, report)
        record_dataset(out_dir, manifest, report)
        manifest.save()
    report.seconds = time.perf_counter() - started
    return report


def _warnings(results: Iterable[Sequence[str]]) -> int:
    return sum(1 for r in results if r[0] != "Violation")


def _write_article(out_dir: Path, result: ArticleOutput) -> None:
    try:
        for name, data in zip(article_files(result.id), (result.turtle, result.jsonld, result.ntriples), strict=True):
            write_atomic(out_dir / name, data)
    except OSError as exc:
        raise NewsgraphError(f"cannot write {exc.filename or 'output'}: {exc.strerror or exc}") from None
