"""Running the per-article work (`worker.process_chunk`) over a corpus: in bounded batches,
in-process, in a pool of worker processes, or on a Dask cluster; results are handed to
`accept` in the main process as they come, so they never pile up in memory."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED
from typing import Any

from newsgraph.corpus.report import INTERNAL_ERROR, ArticleFailure
from newsgraph.corpus.settings import Settings
from newsgraph.corpus.worker import ArticleOutput, Item, failure, init_worker, process_chunk
from newsgraph.errors import ModelError, NewsgraphError

#: At most this many articles go to a worker at once: enough for nlp.pipe to batch, and few
#: enough that a worker's peak memory (parsed docs and graphs of one batch) does not grow
#: with the corpus: measured, 8 per batch already peaks a third higher than 3.
MAX_CHUNK = 4

Accept = Callable[[ArticleOutput | ArticleFailure], None]


def chunks(items: list[Item], jobs: int) -> list[list[Item]]:
    # About four batches per worker for small corpora (to balance the load), else MAX_CHUNK.
    size = max(1, min(MAX_CHUNK, math.ceil(len(items) / (max(1, jobs) * 4))))
    return [items[i : i + size] for i in range(0, len(items), size)]


def execute(batches: list[list[Item]], settings: Settings, jobs: int, executor: str | None, accept: Accept) -> None:
    """Run every batch and hand each article's result to `accept`. Raises only what stops the
    whole run: no model (ModelError), an unknown or unreachable executor."""
    if not batches:
        return
    if executor:
        _execute_dask(batches, settings, executor, accept)
    elif jobs <= 1:
        for batch in batches:
            try:
                results = process_chunk(batch, settings)
            except ModelError:
                raise
            except Exception as exc:  # process_chunk contains what it can; a bug beyond that fails the batch
                results = [failure(label, article_id, exc) for article_id, label, _ in batch]
            for result in results:
                accept(result)
    else:
        _execute_pool(batches, settings, jobs, accept)


def _execute_pool(batches: list[list[Item]], settings: Settings, jobs: int, accept: Accept) -> None:
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor, wait

    # fork when it is safe: it needs no `if __name__ == "__main__"` guard in the caller's script
    # and starts fast. A forked copy of a process running other threads can deadlock, so then spawn.
    # Either way each worker loads the model itself, in the initializer.
    safe_to_fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if safe_to_fork else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=init_worker, initargs=(settings,)) as pool:
        _windowed(batches, lambda batch: pool.submit(process_chunk, batch, settings), wait, 2 * jobs, accept)


def _execute_dask(batches: list[list[Item]], settings: Settings, executor: str, accept: Accept) -> None:
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
        _windowed(batches, lambda batch: client.submit(process_chunk, batch, settings, pure=False), wait, 2 * workers, accept)


def _windowed(batches: list[list[Item]], submit: Callable[[list[Item]], Any], wait: Callable, window: int,
              accept: Accept) -> None:
    """Keep at most `window` batches in flight, so results (all bytes) never pile up in memory.
    A batch whose worker died (out of memory, killed) or failed beyond one article fails its
    articles, reported; the other batches go on, in a new worker where the pool replaces it."""
    from concurrent.futures.process import BrokenProcessPool

    queue = iter(batches)
    pending: dict[Any, list[Item]] = {}

    def lost(batch: list[Item], exc: BaseException) -> None:
        for article_id, label, _ in batch:
            if isinstance(exc, BrokenProcessPool):
                accept(ArticleFailure(label, f"{label}: the worker process died: {exc}", INTERNAL_ERROR, article_id))
            else:
                accept(failure(label, article_id, exc))

    def refill() -> None:
        for batch in queue:
            try:
                pending[submit(batch)] = batch
            except BrokenProcessPool as exc:  # the pool is gone: what is left fails, reported, not raised
                lost(batch, exc)
                continue
            if len(pending) >= window:
                break

    refill()
    while pending:
        done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
        for future in done:
            batch = pending.pop(future)
            try:
                results = future.result()
            except ModelError:
                raise
            except Exception as exc:  # a worker died, or the batch failed as a whole: its articles fail, not the run
                lost(batch, exc)
                continue
            for result in results:
                accept(result)
            del future, results
        refill()
