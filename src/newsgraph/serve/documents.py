"""The documents folder of `newsgraph serve --prerender` / `--documents DIR`: every document
the server answers, made once and kept on disk between runs.

The data cannot change while the server runs, nor between two runs on the same dataset, so
a document (an IRI's ``.html``, ``.ttl``, ``.jsonld``, ``.nt``, the landing page, the claims
ledgers and their index, the dataset description, the sitemap) made once is right until the
dataset, the server's code or its settings change. The folder records a *fingerprint* of
what its documents were made from (:func:`fingerprint`); a folder with another fingerprint
is emptied when it is opened (:func:`open_documents`), never served.

Layout::

    DIR/.newsgraph-documents    what the documents were made from, and whether all were made (JSON)
    DIR/pack/…                  what prerendering made: a few large files and their index
                                (:mod:`newsgraph.serve.pack`)
    DIR/ab/ab12…                a document made on demand: a file of its own (sha256 of its key),
                                in 256 folders
    DIR/origin/…                the landing page, dataset description and sitemap (they name
                                the server's address) for the one address recorded

A document holds its body, its ETag and the whole header of its answer, exactly as the
handler gave them (the format of :class:`~newsgraph.serve.app.SharedDocuments`); a file is
written beside its place and renamed into it. Reading checks the body's length and CRC-32
against the header, so a truncated or damaged document is never served: it is made again.

:func:`prerender` makes every document by asking the application itself for each URL, in
``jobs`` processes, so what is served is byte for byte what the server makes on demand.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from newsgraph import __version__
from newsgraph.errors import NewsgraphError
from newsgraph.publish import write_atomic
from newsgraph.serve import pack
from newsgraph.serve.pages import SPARQL_PATH, VOID_PATH, Config

#: The file in every documents folder: only a folder holding it is ever emptied.
MARKER = ".newsgraph-documents"
#: Bump when the folder's layout or its files' format changes.
FORMAT = 2
#: Keys of documents that depend on the address the server is reached at (key[1]).
ORIGIN_KINDS = ("home", "void", "sitemap")
#: IRIs per piece of work handed to a prerendering process (their four documents each).
CHUNK = 64
#: What is fingerprinted of the server's own code (relative to the newsgraph package).
_CODE = ("serve/*.py", "serve/templates/*", "resources/*", "namespaces.py", "store.py", "__init__.py")


class DocumentsError(NewsgraphError):
    """The documents folder cannot be used (not written by newsgraph serve, not writable), or
    prerendering failed."""

    exit_code = 10


class DocumentsUsageError(DocumentsError):
    """A bad value for --documents or --jobs."""

    exit_code = 2


# ---------------------------------------------------------------------------- fingerprint


def fingerprint(config: Config, *, store: Path | str | None = None, files: Sequence[Path | str] = ()) -> dict:
    """What the documents are made from: the dataset (an embedded store's files: names, sizes
    and modification times, its info logs and lock aside; published files: their names and
    the sha256 of their content, in the order read), newsgraph's version and the server's
    code, and the settings that change a document's bytes (the base, the title)."""
    if files:
        from newsgraph.serve.dataset import data_files

        dataset = {"files": [[Path(f).name, _sha256_file(Path(f))] for f in data_files(files)]}
    else:
        folder = Path(store)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
            dataset = {"store": [[e.name, e.stat().st_size, e.stat().st_mtime_ns] for e in entries
                                 if e.is_file() and not e.name.startswith(("LOG", "LOCK"))]}
        except OSError as exc:
            raise DocumentsError(f"cannot read the store {folder}: {exc.strerror or exc}") from None
    return {"format": FORMAT, "newsgraph": __version__, "code": _code_hash(), "base": config.base,
            "title": config.title, "dataset": dataset}


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise DocumentsError(f"cannot read {path}: {exc.strerror or exc}") from None
    return digest.hexdigest()


def _code_hash() -> str:
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for pattern in _CODE:
        for path in sorted(package.glob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def default_folder(*, store: Path | str | None = None, files: Sequence[Path | str] = ()) -> Path:
    """Where the documents of a dataset go when no folder is given: a folder of its own in
    newsgraph's cache folder (``NEWSGRAPH_CACHE``, else ``$XDG_CACHE_HOME/newsgraph``, else
    ``~/.cache/newsgraph``), ``serve/`` + a hash of where the dataset is."""
    from newsgraph import config as user_config

    where = ("files:" + "\n".join(str(Path(f).resolve()) for f in files)) if files else f"store:{Path(store).resolve()}"
    try:
        cache = user_config.cache_dir()
    except NewsgraphError as exc:
        raise DocumentsError(f"no folder for the documents: {exc} (or give --documents DIR)") from None
    return cache / "serve" / hashlib.sha256(where.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------- the folder


@dataclass
class DocumentsFolder:
    """A documents folder, opened for a fingerprint (:func:`open_documents`)."""

    path: Path
    state: dict  #: what the marker file says
    #: "reused": made from the same dataset before; "emptied": made from another, emptied;
    #: "new": nothing there yet.
    status: str

    @property
    def complete(self) -> bool:
        return bool(self.state.get("complete"))

    def write_state(self, **changes) -> None:
        self.state.update(changes)
        write_atomic(self.path / MARKER, json.dumps(self.state, indent=1, sort_keys=True).encode("utf-8") + b"\n")


def open_documents(folder: Path | str, fp: dict) -> DocumentsFolder:
    """The documents folder ``folder`` for documents made from ``fp`` (:func:`fingerprint`):
    kept as it is when it was made from the same, emptied when made from anything else,
    created when missing. A non-empty folder that is not a documents folder is refused."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise DocumentsUsageError(f"--documents {folder} is a file, not a folder")
    marker = folder / MARKER
    try:
        if folder.is_dir() and not marker.is_file() and any(folder.iterdir()):
            raise DocumentsError(f"{folder} is a folder that was not written by `newsgraph serve`: "
                                 "give an empty or new folder for the documents")
        state = _read_state(marker)
        if state is not None and state.get("fingerprint") == fp:
            return DocumentsFolder(folder, state, "reused")
        status = "emptied" if state is not None else "new"
        folder.mkdir(parents=True, exist_ok=True)
        # Everything goes before the marker names the new fingerprint: if this is stopped
        # halfway, the marker still names the old one, and the next start empties it again.
        for entry in list(folder.iterdir()):
            if entry.name == MARKER:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        found = DocumentsFolder(folder, {"fingerprint": fp, "complete": False, "origin": None}, status)
        found.write_state()
        return found
    except OSError as exc:
        raise DocumentsError(f"cannot use {exc.filename or folder} for the documents: {exc.strerror or exc}") from None


def _read_state(marker: Path) -> dict | None:
    try:
        state = json.loads(marker.read_bytes())
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def folder_size(folder: Path | str) -> tuple[int, int]:
    """(documents, bytes) in a documents folder, its marker aside: the pack's (as its index
    names them; the size of its files) and the files of their own."""
    count = size = 0
    packed = pack.Pack.open(folder)
    if packed is not None:
        count += len(packed)
        packed.close()
    for root, _, names in os.walk(folder):
        if Path(root) == Path(folder) / pack.FOLDER:
            size += sum(os.path.getsize(os.path.join(root, n)) for n in names if n.endswith(".seg"))
            continue
        for name in names:
            if name != MARKER and not name.startswith("."):
                try:
                    size += os.stat(os.path.join(root, name)).st_size
                except OSError:
                    continue
                count += 1
    return count, size


# ---------------------------------------------------------------------------- prerendering


@dataclass
class PrerenderReport:
    folder: Path
    status: str  #: the folder's, when opened: "reused", "emptied" or "new"
    documents: int = 0  #: documents in the folder at the end
    bytes: int = 0  #: their size, with their headers
    asked: int = 0  #: documents asked for (0 when the folder was complete)
    made: int = 0  #: of which made now; the others were found in the folder
    failed: list[str] = field(default_factory=list)  #: URLs that did not answer 200
    skipped: list[str] = field(default_factory=list)  #: IRIs that no URL path the server maps reaches
    jobs: int = 1
    seconds: float = 0.0
    triples: int | None = None  #: triples in the dataset, as the prerendering processes counted them

    @property
    def reused(self) -> int:
        return self.documents if not self.asked else self.asked - self.made - len(self.failed)


def prerender(folder: DocumentsFolder, config: Config, *, origin: str, paths: Sequence[Path | str] = (),
              store: Path | str | None = None, jobs: int = 1,
              progress: Callable[[int, int, str], None] | None = None) -> PrerenderReport:
    """Make every document of the dataset (published files ``paths``, else the embedded
    ``store``) into ``folder``, by asking the application for each URL in ``jobs`` new
    processes (each opens the dataset itself). ``origin`` (``http://host:port``) is the
    address the server will be reached at, for the pages that name it. A complete folder
    for the same origin is left as it is (nothing made); documents already in the folder are
    not made again. ``progress(done, total, what)`` is called as documents are made."""
    if jobs < 1:
        raise DocumentsUsageError(f"--jobs must be 1 or more, not {jobs}")
    started = time.perf_counter()
    report = PrerenderReport(folder.path, folder.status, jobs=jobs)
    if folder.complete and folder.state.get("origin") == origin:
        report.documents, report.bytes = folder.state.get("documents", 0), folder.state.get("bytes", 0)
        report.triples = folder.state.get("triples")
        report.seconds = time.perf_counter() - started
        return report
    only_origin = folder.complete  # made for another address: only the pages naming it are made
    if folder.state.get("origin") != origin:
        shutil.rmtree(folder.path / "origin", ignore_errors=True)
        folder.write_state(origin=origin, complete=False)
    import dataclasses

    config = dataclasses.replace(config, documents=str(folder.path), document_origin=origin, shared_cache=None,
                                 workers=1)
    if not only_origin and (folder.path / pack.FOLDER).is_dir():
        _seal(folder.path)  # an interrupted prerendering: what it made is found, not made again
    _run_processes(report, config, origin, list(map(str, paths)), None if paths else str(store), jobs,
                   only_origin, progress)
    if not only_origin:
        _seal(folder.path)
    report.documents, report.bytes = folder_size(folder.path)
    folder.write_state(complete=True, documents=report.documents, bytes=report.bytes, triples=report.triples)
    report.seconds = time.perf_counter() - started
    return report


def _run_processes(report: PrerenderReport, config: Config, origin: str, paths: list[str], store: str | None,
                   jobs: int, only_origin: bool, progress) -> None:
    import multiprocessing
    import queue as queues

    context = multiprocessing.get_context("spawn")  # a store's handle and threads cannot cross a fork
    tasks, results = context.Queue(), context.Queue()
    procs = [context.Process(target=_worker, args=(paths, store, config, origin, only_origin, tasks, results),
                             daemon=True) for _ in range(jobs)]
    for proc in procs:
        proc.start()
    try:
        total = groups = None
        done = finished = 0
        while finished < jobs:
            try:
                message = results.get(timeout=0.5)
            except queues.Empty:
                dead = [p for p in procs if p.exitcode not in (None, 0)]
                if dead or not any(p.is_alive() for p in procs):
                    code = dead[0].exitcode if dead else 0
                    raise DocumentsError(f"a prerendering process stopped (exit code {code}); see the log above")
                continue
            kind = message[0]
            if kind == "error":
                raise DocumentsError(f"prerendering failed: {message[1]}")
            if kind == "plan":
                if total is None:  # every process makes the same plan; the first one hands out the work
                    _, groups, total, skipped, report.triples = message
                    report.skipped = skipped
                    for index in range(groups):
                        tasks.put(index)
                    for _ in procs:
                        tasks.put(None)
            elif kind == "done":
                _, asked, made, failed, what = message
                report.asked += asked
                report.made += made
                report.failed += failed
                done += asked
                if progress is not None:
                    progress(done, total or 0, what)
            elif kind == "finished":
                finished += 1
        for proc in procs:
            proc.join(30)
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
                proc.join(5)
        tasks.close()
        results.close()


def _seal(path: Path) -> None:
    """Sort the pack's logs into its index (:func:`newsgraph.serve.pack.seal`), in a process
    of its own: the sort holds every entry in memory for a moment, and the server's memory
    stays flat."""
    import multiprocessing

    proc = multiprocessing.get_context("spawn").Process(target=pack.seal, args=(str(path),), daemon=True)
    proc.start()
    proc.join()
    if proc.exitcode != 0:
        raise DocumentsError(f"indexing the documents made in {path} failed (exit code {proc.exitcode}); see the log above")


def _worker(paths: list[str], store: str | None, config: Config, origin: str, only_origin: bool, tasks,
            results) -> None:
    """One prerendering process: opens the dataset, makes the plan (the same in every
    process), then makes the pieces of it it is handed, through the application; what it
    makes goes to a segment of the pack of its own."""
    try:
        import dataclasses

        config = dataclasses.replace(config, document_segment=f"{os.getpid()}-{time.time_ns()}")
        from newsgraph.serve import limit_malloc_arenas

        limit_malloc_arenas()
        from newsgraph.serve.app import create_app
        from newsgraph.serve.dataset import open_embedded, read_files

        dataset = read_files(paths) if paths else open_embedded(store)
        app = create_app(dataset, config)
        site = app.state.site
        groups, skipped = plan(site, origin, only_origin)
        # The count too: counting reads the whole store, which then stays in its block cache,
        # in this process rather than in the server's (whose memory stays flat).
        results.put(("plan", len(groups), sum(len(g) for g in groups), skipped, len(dataset)))
        asyncio.run(_work(app, site, origin, groups, tasks, results))
        site.close()
    except Exception as exc:  # noqa: BLE001 - said to the parent, which stops
        results.put(("error", f"{type(exc).__name__}: {exc}"))
        return
    results.put(("finished",))


async def _work(app, site, origin: str, groups: list[list[str]], tasks, results) -> None:
    while True:
        index = await asyncio.to_thread(tasks.get)
        if index is None:
            return
        made_before, failed = site.made, []
        for path in groups[index]:
            status = await request(app, path, origin)
            if status != 200:
                failed.append(path)
        if site.shared is not None:
            site.shared.flush()  # kept if this process is stopped: the next prerendering goes on from there
        results.put(("done", len(groups[index]), site.made - made_before, failed, groups[index][-1]))


def plan(site, origin: str, only_origin: bool = False) -> tuple[list[list[str]], list[str]]:
    """The URL paths of every document, in pieces of work (a piece holds every form of its
    IRIs, which are described once for all of them), and the IRIs skipped: those whose path
    is not plain ASCII, or holds ``?``, ``#`` or a space (no request path reaches them as a
    document)."""
    from newsgraph.serve import negotiation as n

    groups = [["/", *(f"{VOID_PATH}.{f.key}" for f in n.RESOURCE_FORMS), "/sitemap.xml"]]
    if only_origin:
        return groups, []
    groups.append([site.ledger_path, *(site.ledger_href(lg.slug) for lg in site.ledgers())])
    skipped, chunk = [], []
    for iri in site.resources():
        rest = iri[len(site.base):]
        if not rest.isascii() or any(c in rest for c in "?# \t\r\n") or not rest.isprintable():
            skipped.append(iri)
            continue
        chunk += [f"{site.base_path}{rest}.{f.key}" for f in n.RESOURCE_FORMS]
        if len(chunk) >= CHUNK * len(n.RESOURCE_FORMS):
            groups.append(chunk)
            chunk = []
    if chunk:
        groups.append(chunk)
    return groups, skipped


async def request(app, path: str, origin: str) -> int:
    """GET ``path`` from the ASGI ``app`` in this process, as a client at ``origin`` would
    (``Host`` from it); the status of the answer (its body is dropped)."""
    parts = urllib.parse.urlsplit(origin)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    scope = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "http_version": "1.1",
             "method": "GET", "scheme": parts.scheme, "path": urllib.parse.unquote(path),
             "raw_path": path.encode("ascii"), "query_string": b"", "root_path": "",
             "headers": [(b"host", parts.netloc.encode("ascii")), (b"accept", b"text/html")],
             "server": (parts.hostname, port), "client": ("127.0.0.1", 0), "state": {}}
    status = 0
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # never disconnected

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status
