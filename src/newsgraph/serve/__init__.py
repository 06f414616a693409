"""`newsgraph serve`: every IRI of the graph answers over HTTP.

A Starlette application (:func:`create_app`) over the embedded store or published files
(:mod:`newsgraph.serve.dataset`), run by Uvicorn (:func:`bind` then :func:`run`). The
library never prints: the running server logs (Uvicorn, and :class:`AccessLog` a line per
request); the CLI says where the server listens.
"""

from __future__ import annotations

import http
import socket
import sys
import urllib.parse

from newsgraph.errors import NewsgraphError
from newsgraph.serve.app import Config, create_app
from newsgraph.serve.dataset import Dataset, open_dataset, open_embedded, read_files
from newsgraph.serve.documents import (DocumentsError, DocumentsFolder, PrerenderReport, default_folder, fingerprint,
                                       open_documents, prerender)


class ServeError(NewsgraphError):
    """The server could not start (the address is taken, or not valid)."""

    exit_code = 10


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port), so that the caller knows
    the address before the server runs."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


def address(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def make_server(app, sock: socket.socket, *, log_level: str = "info"):
    """A Uvicorn server for ``app`` on the bound socket ``sock``; ``server.run(sockets=[sock])``."""
    import contextlib

    import uvicorn

    class Server(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self):
            with super().capture_signals():
                yield
                # Uvicorn raises a signal that stopped it again once it has shut down; for
                # `newsgraph serve`, Ctrl+C or SIGTERM is the normal end: exit 0.
                captured = getattr(self, "_captured_signals", None)
                if isinstance(captured, list):
                    captured.clear()

    if log_level in ("info", "debug"):
        app = AccessLog(app)
    config = uvicorn.Config(app, log_level=log_level, access_log=False,
                            lifespan="on", proxy_headers=False, server_header=False, date_header=True)
    return Server(config)


class AccessLog:
    """ASGI middleware writing one line per answered request to standard output, as
    Uvicorn's own access log does (``INFO:     127.0.0.1:50312 - "GET /x HTTP/1.1" 200 OK``).
    Uvicorn's goes through the logging module's records and formatters, which cost about as
    much as answering a prerendered document; this is a plain write, flushed per line so a
    log file or a terminal shows each request as it is answered."""

    def __init__(self, app, stream=None):
        self.app = app
        self.stream = stream
        self.phrases = {int(s): s.phrase for s in http.HTTPStatus}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def logged(message):
            if message["type"] == "http.response.start":
                self.write(scope, message["status"])
            await send(message)

        await self.app(scope, receive, logged)

    def write(self, scope, status: int) -> None:
        client = scope.get("client")
        where = f"{client[0]}:{client[1]}" if client else "-"
        path = urllib.parse.quote(scope.get("root_path", "") + scope["path"])
        if scope.get("query_string"):
            path += "?" + scope["query_string"].decode("ascii", "replace")
        stream = self.stream or sys.stdout
        try:
            stream.write(f'INFO:     {where} - "{scope["method"]} {path} HTTP/{scope.get("http_version", "1.1")}" '
                         f'{status} {self.phrases.get(status, "")}\n')
            stream.flush()
        except (OSError, ValueError):  # a closed or full log: the answer goes out all the same
            pass


def run(app, sock: socket.socket, *, log_level: str = "info") -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM)."""
    server = make_server(app, sock, log_level=log_level)
    server.run(sockets=[sock])


def run_workers(paths: list, store, config: Config, sock: socket.socket, workers: int, *,
                log_level: str = "info") -> None:
    """Serve with ``workers`` processes, all accepting on ``sock`` (the kernel hands each
    connection to one of them), until Ctrl+C or SIGTERM, which are passed on to them. Each
    is a new interpreter (spawned, not forked: a store's handle and its threads cannot
    cross a fork) that opens the dataset itself (``paths``, read into memory, else the
    embedded ``store``) and has its own caches; the documents they make they share through
    files in a temporary folder, removed when they stop (or the documents folder,
    ``config.documents``, which stays)."""
    import dataclasses
    import multiprocessing
    import shutil
    import signal
    import tempfile

    # The documents one worker made, the others answer too (app.SharedDocuments; with a
    # documents folder, that folder).
    shared = None if config.documents else tempfile.mkdtemp(prefix="newsgraph-serve-shared-")
    config = dataclasses.replace(config, shared_cache=shared, workers=workers)
    context = multiprocessing.get_context("spawn")
    procs = [context.Process(target=_worker, args=(list(paths), store, config, sock, log_level), daemon=False)
             for _ in range(workers)]
    for proc in procs:
        proc.start()
    stopping = False

    def stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True
        for proc in procs:
            if proc.is_alive():
                proc.terminate()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    failed = None
    try:
        while any(proc.is_alive() for proc in procs):
            for proc in procs:
                proc.join(0.5)
                if proc.exitcode not in (None, 0) and not stopping:
                    failed = proc
                    stop(signal.SIGTERM, None)  # one worker down: the others go too, and the command fails
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if shared is not None:
            shutil.rmtree(shared, ignore_errors=True)
    if failed is not None:
        raise ServeError(f"a server worker stopped (exit code {failed.exitcode}); see the log above")


def _worker(paths: list, store, config: Config, sock: socket.socket, log_level: str) -> None:
    """One of :func:`run_workers`' processes."""
    limit_malloc_arenas()
    dataset = read_files(paths) if paths else open_embedded(store)
    run(create_app(dataset, config), sock, log_level=log_level)


def count_triples(dataset: Dataset, folder: DocumentsFolder | None = None) -> int:
    """Triples in ``dataset`` (as :meth:`Dataset.__len__` counts them), from the documents
    ``folder`` when its prerendering counted them for the same data: counting reads the
    whole store, which would then stay in the store's block cache for as long as the server
    runs."""
    if folder is not None and folder.complete and isinstance(folder.state.get("triples"), int):
        return folder.state["triples"]
    return len(dataset)


def limit_malloc_arenas(arenas: int = 2) -> bool:
    """With glibc, at most ``arenas`` malloc arenas (the ``MALLOC_ARENA_MAX`` setting, unless
    the environment sets it); to be called first thing, before the store's and the server's
    threads exist. Each thread that renders a page or runs a query would otherwise get an
    arena of its own, which keeps what it once held (on 1,000 articles, the server's memory
    after benchmarks/bench_serve.py's requests was about a third lower with two arenas).
    Elsewhere, nothing (False)."""
    import ctypes
    import os

    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    M_ARENA_MAX = -8  # glibc's malloc.h
    return bool(mallopt(M_ARENA_MAX, arenas))


__all__ = ["Config", "Dataset", "DocumentsError", "DocumentsFolder", "PrerenderReport", "ServeError", "address",
           "bind", "count_triples", "create_app", "default_folder", "fingerprint", "limit_malloc_arenas", "make_server", "open_dataset",
           "open_documents", "open_embedded", "prerender", "read_files", "run"]
