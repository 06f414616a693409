"""`newsgraph serve` under load, beside Oxigraph's own HTTP server on the same store.

    .venv/bin/python benchmarks/bench_serve.py [--sizes 100,1000] [--requests 300] [--concurrency 8]

For each size N, a corpus of N articles is made from the sample and the eight annotated
articles of benchmarks/articles/ (each variation with its numbers shifted and a date of its
own), built with `newsgraph build -j 2`, and its corpus.nq bulk-loaded into an embedded
Oxigraph store; corpus and store are cached in the temporary folder
(``newsgraph-bench-serve/``, keyed by the sources and the newsgraph version), since building
1,000 articles takes minutes.

Then, in the same run, on loopback:

* ``newsgraph serve --store STORE`` (Uvicorn, one process; *on demand*: documents made
  when first asked for),
* ``newsgraph serve --store STORE --prerender -j 2 --documents FOLDER`` (*prerendered*: every
  document made first, into an emptied folder beside the store, timed; then started a
  second time on that folder, which makes nothing, and asked the same requests), and
* ``oxigraph serve-read-only --location STORE --union-default-graph`` (the ``oxigraph``
  package's CLI; read-only, so that both can open the store at once),

are asked, at CONCURRENCY requests at a time (asyncio, keep-alive connections, a bounded
number of requests per kind; a minimal HTTP/1.1 client, since httpx's own cost a few ms of
CPU per request and set the pace on two CPUs: ``--client httpx`` to see), for: article, person and statistic pages (HTML), claims
ledgers, the Turtle of persons and of statistics, and the statistics competency question
(JSON); Oxigraph for ``DESCRIBE <iri>`` of the same persons and statistics (Turtle) and the
same query (the prerendered server is asked for the pages and documents only). The IRIs
are drawn from the store (a fixed seed). Per kind, after a warm-up on
a few IRIs: other IRIs one request at a time (``alone``: the service time of a first view,
no queueing), then REQUESTS/2 requests for IRIs not asked before, CONCURRENCY at a time
(``first view``), then as many again for the same IRIs (``again``; a corpus has only tens
of persons, so their "first view" is short). Printed: p50, p99 and requests/s of each, the
servers' RSS after the run at each size, the RDF first views once more *cold* for both
servers alike (each started afresh, the page cache emptied as root; what each read from the
disk per request), the prerendering's time and the folder's size,
the machine's load average during the run, and the targets. Figures only: nothing here
asserts on time. The client runs on the same machine and takes CPU of its own, for both
servers alike.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import hashlib
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples" / "umerov-ramstein-2024.txt", *sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))]
#: Bump when the way variations are made changes, so a cached corpus is rebuilt.
GENERATOR_VERSION = "1"
#: Whole numbers not part of a decimal, a time or a thousands group.
_NUMBER = re.compile(r"(?<![\d.,:])\d{2,}(?![\d:]|[.,]\d)")


def vary(text: str, i: int) -> str:
    """Variation ``i`` of an article: its numbers from 32 up shifted (years kept),
    so every variation makes its own statistics, and a date of its own in front matter, so
    the claims ledgers have a timeline."""
    def shift(m: re.Match) -> str:
        v = int(m.group(0))
        if v < 32 or 1900 <= v <= 2100:  # days of the month and years stay
            return m.group(0)
        return str(v + (i % 50) * max(1, v // 100))

    headline, _, body = text.partition("\n")
    published = datetime.date(2022, 1, 1) + datetime.timedelta(days=i)
    title = _NUMBER.sub(shift, headline).replace("'", "''")
    return f"---\ntitle: '{title}'\npublished: {published.isoformat()}\n---\n{_NUMBER.sub(shift, headline)}\n{_NUMBER.sub(shift, body)}"


def write_articles(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in SOURCES]
    for i in range(n):
        stem, text = texts[i % len(texts)]
        (folder / f"{stem}-{i:04d}.txt").write_text(vary(text, i), encoding="utf-8")


def cache_key(n: int) -> str:
    h = hashlib.sha256(GENERATOR_VERSION.encode())
    for p in SOURCES:
        h.update(p.read_bytes())
    # The pipeline's version, not its source: editing the server must not rebuild the corpus.
    h.update(_version().encode())
    return f"{n}-{h.hexdigest()[:12]}"


def _version() -> str:
    from newsgraph import __version__

    return __version__


def newsgraph(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True, cwd=ROOT)


def prepare(n: int, cache: Path, jobs: int) -> Path:
    """The embedded store of an N-article corpus built with `newsgraph build`, cached."""
    where = cache / cache_key(n)
    store = where / "store"
    if (where / "done").exists():
        return store
    articles, out = where / "articles", where / "out"
    write_articles(articles, n)
    started = time.perf_counter()
    built = newsgraph("build", str(articles), "-o", str(out), "-j", str(jobs), "--quiet")
    if built.returncode not in (0, 9):
        raise SystemExit(f"newsgraph build failed ({built.returncode}): {built.stderr.strip()[-500:]}")
    print(f"  built {n} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    # The corpus's dataset file as it is (a named graph per article and one for the entities
    # they share): `newsgraph load` takes one article per file.
    import pyoxigraph as ox

    st = ox.Store(str(store))
    st.bulk_load(path=str(out / "corpus.nq"), format=ox.RdfFormat.N_QUADS)
    st.flush()
    del st
    (where / "done").write_text("")
    return store


# --------------------------------------------------------------------------- servers


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{what} stopped with exit code {proc.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"{what} did not answer at {url}")


def start_newsgraph(store: Path, workers: int = 1, *, documents: Path | None = None, jobs: int = 2,
                    log: Path | None = None, port: int | None = None) -> tuple[subprocess.Popen, str]:
    """`newsgraph serve --store STORE` on a free port (or ``port``); with ``documents``,
    `--prerender -j JOBS --documents DOCUMENTS` (its stderr in ``log``: what it made, in how long)."""
    port = port or _free_port()
    extra = ["--prerender", "-j", str(jobs), "--documents", str(documents)] if documents is not None else []
    err = open(log, "w", encoding="utf-8") if log is not None else subprocess.DEVNULL  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--store", str(store), "--port", str(port),
                             "--workers", str(workers), *extra], stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    _wait(url + "/robots.txt", proc, "newsgraph serve", 3600 if documents is not None else 120)
    return proc, url


def start_oxigraph(store: Path) -> tuple[subprocess.Popen, str]:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    port = _free_port()
    proc = subprocess.Popen([binary, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    _wait(url + "/query?query=ASK%7B%7D", proc, "oxigraph serve-read-only")
    return proc, url


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def rss_mib(pid: int) -> tuple[float, float]:
    """(resident set size, its peak) of a process and its children (the workers of
    `newsgraph serve --workers N`), in MiB (Linux /proc)."""
    values = {"VmRSS": 0.0, "VmHWM": 0.0}
    for one in [pid, *_children(pid)]:
        with open(f"/proc/{one}/status", encoding="ascii") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in values:
                    values[key] += int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def disk_read_mib(pid: int) -> float:
    """What a process (and its children) read from the disk so far, in MiB (Linux /proc/PID/io:
    reads the page cache answered are not counted)."""
    total = 0
    for one in [pid, *_children(pid)]:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{one}/io").read_text(encoding="ascii").splitlines():
                if line.startswith("read_bytes:"):
                    total += int(line.split()[1])
    return total / 2**20


DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def drop_page_cache() -> bool:
    """Empty the kernel's page cache (Linux, as root); False where that is not allowed."""
    try:
        os.sync()
        DROP_CACHES.write_text("1\n", encoding="ascii")
    except OSError:
        return False
    return True


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in map(int, children):
            found += [child, *_children(child)]
    return found


# --------------------------------------------------------------------------- what is asked


def iris_of(store: Path, seed: int, count: int) -> dict[str, list[str]]:
    """Persons, statistics and articles of the store, ``count`` of each at most (fixed seed)."""
    import pyoxigraph as ox

    st = ox.Store.read_only(str(store))
    out = {}
    for name, cls in (("person", "https://schema.org/Person"), ("statistic", "https://w3id.org/newsgraph/ontology#Statistic"),
                      ("article", "https://schema.org/NewsArticle")):
        rows = st.query(f"SELECT DISTINCT ?s WHERE {{ ?s a <{cls}> }} ORDER BY ?s", use_default_graph_as_union=True)
        iris = [r["s"].value for r in rows]
        random.Random(seed).shuffle(iris)
        out[name] = iris[:count]
    del st
    return out


def path_of(iri: str) -> str:
    return urllib.parse.urlsplit(iri).path


def statistics_query() -> str:
    from newsgraph.store import cq_query

    return cq_query("statistics")


@dataclass
class Run:
    """Requests of one kind, sent ``concurrency`` at a time."""

    latencies: list[float] = field(default_factory=list)  #: of the 200 answers
    statuses: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) * 1000 if self.latencies else float("nan")

    @property
    def p99(self) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))] * 1000

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def statuses_text(self) -> str:
        return " ".join(f"{code}×{count}" for code, count in sorted(self.statuses.items()))


@dataclass
class Kind:
    name: str
    server: str  #: "newsgraph", "prerendered" (newsgraph serve --prerender) or "oxigraph"
    urls: list[str]  #: distinct, in the order they are used (a query: the same URL repeated)
    accept: str
    target: str = ""  #: the issue's target, for the table
    repeat: bool = True  #: asked again (a page, a document) or not (a query)
    alone: Run = field(default_factory=Run)  #: one at a time, first requests for those IRIs
    first: Run = field(default_factory=Run)  #: CONCURRENCY at a time, first requests for those IRIs
    again: Run = field(default_factory=Run)  #: CONCURRENCY at a time, the same IRIs once more
    read: float = float("nan")  #: KiB the server read from the disk per first view (cold runs only)


def kinds_for(iris: dict[str, list[str]], ledgers: list[str], requests: int) -> list[Kind]:
    q = urllib.parse.quote(statistics_query())
    describe = lambda iri: "/query?query=" + urllib.parse.quote(f"DESCRIBE <{iri}>")  # noqa: E731
    html, ttl, results = "text/html", "text/turtle", "application/sparql-results+json"
    entity, rdf = "entity page p50 <= 15 ms", "RDF p50 <= 5 ms"
    queries = max(4, requests // 4)
    return [
        Kind("article HTML", "newsgraph", [path_of(i) + ".html" for i in iris["article"]], html, entity),
        Kind("person HTML", "newsgraph", [path_of(i) + ".html" for i in iris["person"]], html, entity),
        Kind("statistic HTML", "newsgraph", [path_of(i) + ".html" for i in iris["statistic"]], html, entity),
        Kind("claims ledger", "newsgraph", ledgers, html),
        Kind("person Turtle", "newsgraph", [path_of(i) + ".ttl" for i in iris["person"]], ttl, rdf),
        Kind("statistic Turtle", "newsgraph", [path_of(i) + ".ttl" for i in iris["statistic"]], ttl, rdf),
        Kind("SPARQL statistics", "newsgraph", ["/sparql?query=" + q] * queries, results, repeat=False),
        Kind("person DESCRIBE", "oxigraph", [describe(i) for i in iris["person"]], ttl),
        Kind("statistic DESCRIBE", "oxigraph", [describe(i) for i in iris["statistic"]], ttl),
        Kind("SPARQL statistics", "oxigraph", ["/query?query=" + q] * queries, results, repeat=False),
    ]


async def _load_httpx(base: str, urls: list[str], accept: str, concurrency: int) -> Run:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    todo = iter(urls)
    run = Run()
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120, headers={"accept": accept}) as client:
        async def worker() -> None:
            for url in todo:
                started = time.perf_counter()
                r = await client.get(url)
                await r.aread()
                _count(run, r.status_code, started)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        run.seconds = time.perf_counter() - started
    return run


def _count(run: Run, status: int, started: float) -> None:
    if status == 200:  # a refusal (503: the query slots are taken) is counted, not timed
        run.latencies.append(time.perf_counter() - started)
    run.statuses[status] = run.statuses.get(status, 0) + 1


async def _load_raw(base: str, urls: list[str], accept: str, concurrency: int) -> Run:
    """The same with a minimal HTTP/1.1 client (keep-alive, Content-Length or chunked bodies)
    on asyncio streams: httpx's client costs a few milliseconds of CPU per request, so on two
    CPUs it, not the server, set the pace (both servers came out at a few hundred requests/s)."""
    parts = urllib.parse.urlsplit(base)
    host, port = parts.hostname, parts.port
    todo = iter(urls)
    run = Run()

    async def response(reader: asyncio.StreamReader) -> tuple[int, bool]:
        status = int((await reader.readline()).split(b" ", 2)[1])
        length, chunked, close = 0, False, False
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value:
                chunked = True
            elif name == "connection" and value == "close":
                close = True
        if chunked:
            while (size := int((await reader.readline()).split(b";")[0], 16)) > 0:
                await reader.readexactly(size + 2)
            while (await reader.readline()) not in (b"\r\n", b""):
                pass
        elif length:
            await reader.readexactly(length)
        return status, close

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            for url in todo:
                started = time.perf_counter()
                writer.write(f"GET {url} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: {accept}\r\n\r\n".encode())
                status, close = await response(reader)
                _count(run, status, started)
                if close:
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, port)
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    run.seconds = time.perf_counter() - started
    return run


CLIENTS = {"raw": _load_raw, "httpx": _load_httpx}
_load = _load_raw


def measure(base: str, kind: Kind, requests: int, concurrency: int) -> None:
    """Warm-up on a few IRIs; then other IRIs one at a time (``alone``); then the rest
    ``concurrency`` at a time (``first``), and the same again (``again``)."""
    urls = kind.urls
    if not kind.repeat:  # one query, asked over and over
        asyncio.run(_load(base, urls[:1], kind.accept, 1))
        kind.alone = asyncio.run(_load(base, urls[:3], kind.accept, 1))
        kind.first = asyncio.run(_load(base, urls, kind.accept, concurrency))
        return
    # The first requests pay for imports, compiling templates, the claims ledgers.
    spare = max(1, len(urls) // 4)
    warm, alone, rest = urls[-min(concurrency, spare):], urls[-(min(concurrency, spare) + min(requests // 10, spare)):
                                                             -min(concurrency, spare)], urls[:len(urls) - 2 * spare]
    rest = rest[: max(1, requests // 2)] or urls[:1]
    asyncio.run(_load(base, warm, kind.accept, 1))
    kind.alone = asyncio.run(_load(base, alone or urls[:1], kind.accept, 1))
    kind.first = asyncio.run(_load(base, rest, kind.accept, concurrency))
    again = [rest[i % len(rest)] for i in range(max(1, requests // 2))]
    kind.again = asyncio.run(_load(base, again, kind.accept, concurrency))


@dataclass
class Prerendered:
    """`newsgraph serve --prerender` at one size: what making the documents cost."""

    seconds: float = 0.0  #: from the command's start until it answered (prerendering, mostly)
    said: str = ""  #: its own line about the documents
    documents: int = 0
    bytes: int = 0  #: the folder's size on disk (du)
    restart: float = 0.0  #: a second start on the same folder, until it answered
    restart_said: str = ""
    rss: tuple[float, float] = (0.0, 0.0)
    cold: list[Kind] | None = None  #: the RDF first views with nothing in memory (:func:`cold_kinds`)


def _said(log: Path) -> str:
    lines = [line.strip() for line in log.read_text(encoding="utf-8").splitlines() if line.startswith("documents:")]
    return lines[-1] if lines else ""


def _du(folder: Path) -> tuple[int, int]:
    """(files, bytes on disk) under ``folder``."""
    files = size = 0
    for root, _, names in os.walk(folder):
        for name in names:
            files += 1
            size += os.stat(os.path.join(root, name)).st_blocks * 512
    return files, size


def _report_line(n: int, kind: Kind) -> None:
    print(f"  N={n:>5}  {kind.server:<11} {kind.name:<20} alone {kind.alone.p50:6.1f} ms | first: p50 "
          f"{kind.first.p50:6.1f} p99 {kind.first.p99:7.1f} ms {kind.first.rate:6.1f}/s {kind.first.statuses_text()}"
          f" | again: p50 {kind.again.p50:6.1f} p99 {kind.again.p99:7.1f} ms {kind.again.rate:6.1f}/s",
          file=sys.stderr)


def run_size(n: int, store: Path, args) -> tuple[list[Kind], tuple[float, ...], int, Prerendered | None]:
    iris = iris_of(store, args.seed, args.requests)
    ng, ng_url = start_newsgraph(store, args.workers)
    ox_proc, ox_url = start_oxigraph(store)
    pre = None
    try:
        index = httpx.get(ng_url + "/newsgraph/ledger/", timeout=300).text
        ledgers = sorted(set(re.findall(r'href="(/newsgraph/ledger/[^"]+)"', index)))
        random.Random(args.seed).shuffle(ledgers)
        kinds = kinds_for(iris, ledgers[: args.requests], args.requests)
        for kind in kinds:
            measure(ng_url if kind.server == "newsgraph" else ox_url, kind, args.requests, args.concurrency)
            _report_line(n, kind)
        memory = (*rss_mib(ng.pid), *rss_mib(ox_proc.pid))
        triples = int(httpx.get(ng_url + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                                headers={"accept": "application/sparql-results+json"}, timeout=120
                                ).json()["results"]["bindings"][0]["n"]["value"])
        stop(ng)
        if not args.no_prerender:
            pre = Prerendered()
            kinds += prerendered_kinds(n, store, iris, ledgers, args, pre)
            pre.cold = cold_kinds(n, store, iris, args)
    finally:
        stop(ng)
        stop(ox_proc)
    return kinds, memory, triples, pre


def prerendered_kinds(n: int, store: Path, iris, ledgers: list[str], args, pre: Prerendered) -> list[Kind]:
    """The same requests to `newsgraph serve --prerender` on the same store: its documents
    made first (into an emptied folder, so that making them is measured; with
    ``--keep-documents``, into the folder as an earlier run left it), then a second
    start on the same folder (nothing made), which is the one asked."""
    folder = store.parent / "documents"
    if not args.keep_documents:
        shutil.rmtree(folder, ignore_errors=True)
    log = store.parent / "prerender.log"
    print(f"  N={n:>5}  prerendering (-j {args.prerender_jobs}) into {folder} ...", file=sys.stderr)
    started = time.perf_counter()
    port = _free_port()  # both starts on the same address, as a server restarted would be
    proc, _ = start_newsgraph(store, args.workers, documents=folder, jobs=args.prerender_jobs, log=log, port=port)
    pre.seconds = time.perf_counter() - started
    stop(proc)
    pre.said = _said(log)
    pre.documents, pre.bytes = _du(folder)
    print(f"  N={n:>5}  {pre.said} ({pre.seconds:.0f} s until it answered; {pre.bytes / 2**20:.0f} MiB on disk)",
          file=sys.stderr)
    started = time.perf_counter()
    time.sleep(1)  # the port, free again
    proc, url = start_newsgraph(store, args.workers, documents=folder, jobs=args.prerender_jobs, log=log, port=port)
    pre.restart = time.perf_counter() - started
    pre.restart_said = _said(log)
    try:
        kinds = [Kind(k.name, "prerendered", k.urls, k.accept, k.target)
                 for k in kinds_for(iris, ledgers[: args.requests], args.requests)
                 if k.server == "newsgraph" and k.repeat]
        for kind in kinds:
            measure(url, kind, args.requests, args.concurrency)
            _report_line(n, kind)
        pre.rss = rss_mib(proc.pid)
    finally:
        stop(proc)
    return kinds


#: The RDF answers compared cold: (our kind, Oxigraph's).
COLD_PAIRS = (("statistic Turtle", "statistic DESCRIBE"), ("person Turtle", "person DESCRIBE"))


def cold_kinds(n: int, store: Path, iris, args) -> list[Kind] | None:
    """The RDF first views again with nothing in memory, for both servers alike: each kind asked
    of a server started afresh (no cache of its own: Oxigraph's block cache, newsgraph's
    documents kept in memory), warmed up on a few other IRIs, then the kernel's page cache
    emptied; what it read from the disk is counted. In the runs above Oxigraph answers from a
    store the earlier kinds (the statistics query reads all of it) left in its block cache,
    while the prerendered server's documents were written minutes before and may have left
    the page cache (on this machine a reclaimer takes pages unused for a minute). None where
    the page cache cannot be emptied (not root)."""
    if not drop_page_cache():
        return None
    folder = store.parent / "documents"
    asked = {(k.server, k.name): k for k in kinds_for(iris, [], args.requests)}
    kinds = []
    for ours, theirs in COLD_PAIRS:
        for server, name in (("prerendered", ours), ("oxigraph", theirs)):
            like = asked[("newsgraph" if server == "prerendered" else "oxigraph", name)]
            kind = Kind(name, f"{server}, cold", like.urls, like.accept, like.target)
            if server == "prerendered":
                proc, url = start_newsgraph(store, args.workers, documents=folder, jobs=args.prerender_jobs,
                                            log=store.parent / "cold.log")
            else:
                proc, url = start_oxigraph(store)
            try:
                spare = min(args.concurrency, max(1, len(kind.urls) // 4))
                asyncio.run(_load(url, kind.urls[-spare:], kind.accept, 1))  # imports, templates
                rest = kind.urls[: max(1, min(args.requests // 2, len(kind.urls) - spare))]
                drop_page_cache()
                before = disk_read_mib(proc.pid)
                kind.first = asyncio.run(_load(url, rest, kind.accept, args.concurrency))
                kind.read = (disk_read_mib(proc.pid) - before) * 1024 / max(1, len(rest))
            finally:
                stop(proc)
            _report_line(n, kind)
            kinds.append(kind)
    return kinds


def _verdict(target: str, p50: float) -> str:
    if target.startswith("entity page"):
        return "met" if p50 <= 15 else "MISSED"
    if target.startswith("RDF"):
        return "met" if p50 <= 5 else "MISSED"
    return ""


def report(results: dict[int, tuple[list[Kind], tuple[float, ...], int, Prerendered | None]], args) -> None:
    c = args.concurrency
    for n in sorted(results):
        kinds, _, triples, pre = results[n]
        print(f"\nN = {n} articles ({triples:,} triples, {os.cpu_count()} CPUs): newsgraph serve (on demand), "
              f"newsgraph serve --prerender (prerendered) and oxigraph serve-read-only on the same store; p50 / p99 "
              f"in ms, requests/s; concurrency {c} unless 'alone'\n")
        if pre is not None:
            print(f"prerendered: {pre.documents:,} files, {pre.bytes / 2**20:,.0f} MiB on disk, made in "
                  f"{pre.seconds:.0f} s (-j {args.prerender_jobs}, until the server answered); a second start on "
                  f"the same folder answered after {pre.restart:.1f} s.\n  first start: {pre.said}\n  second start: "
                  f"{pre.restart_said}\n")
        print("| kind | server | alone p50 | first view p50 / p99 | req/s | again p50 / p99 | req/s | statuses | "
              f"target, p50 at c={c} (first / again) |")
        print("|---|---|---:|---:|---:|---:|---:|---|---|")
        for k in kinds:
            statuses = k.first.statuses_text() + (" + " + k.again.statuses_text() if k.repeat else "")
            again = (f"{k.again.p50:.1f} / {k.again.p99:.1f} | {k.again.rate:.0f}" if k.repeat else "— | —")
            verdict = (f"{k.target}: {_verdict(k.target, k.first.p50)} / {_verdict(k.target, k.again.p50)}"
                       if k.target else "")
            print(f"| {k.name} | {k.server} | {k.alone.p50:.1f} | {k.first.p50:.1f} / {k.first.p99:.1f} | "
                  f"{k.first.rate:.0f} | {again} | {statuses} | {verdict} |")
        by = {(k.server, k.name): k for k in kinds}
        print()
        for server in ("newsgraph", "prerendered"):
            for ours, theirs in (("person Turtle", "person DESCRIBE"), ("statistic Turtle", "statistic DESCRIBE")):
                if (server, ours) not in by:
                    continue
                a, b = by[(server, ours)], by[("oxigraph", theirs)]
                for when in ("first", "again"):
                    ra, rb = getattr(a, when).rate, getattr(b, when).rate
                    ratio = ra / rb if rb else float("nan")
                    print(f"RDF throughput ({when}), {server} {ours} against Oxigraph's {theirs}: {ra:.0f} / {rb:.0f} "
                          f"req/s = {ratio:.2f} (target >= 0.8: {'met' if ratio >= 0.8 else 'MISSED'})")
        if pre is not None:
            report_cold(n, pre.cold, c)
    if len(results) > 1:
        small, large = min(results), max(results)
        (rss_small, peak_small, ox_small, _), (rss_large, peak_large, ox_large, _) = results[small][1], results[large][1]
        pre_small, pre_large = results[small][3], results[large][3]
        if pre_small is not None and pre_large is not None:
            ratio = pre_large.rss[0] / pre_small.rss[0]
            print(f"\nnewsgraph serve --prerender's RSS after the run: N = {small}: {pre_small.rss[0]:.0f} MiB (peak "
                  f"{pre_small.rss[1]:.0f}); N = {large}: {pre_large.rss[0]:.0f} MiB (peak {pre_large.rss[1]:.0f}); "
                  f"{ratio:.2f} × (target: flat, here <= 1.2 ×: {'met' if ratio <= 1.2 else 'MISSED'}).")
        ratio = rss_large / rss_small
        own_small, own_large = rss_small - ox_small, rss_large - ox_large
        print(f"\nnewsgraph serve's RSS after the run: N = {small}: {rss_small:.0f} MiB (peak {peak_small:.0f}); "
              f"N = {large}: {rss_large:.0f} MiB (peak {peak_large:.0f}); {ratio:.2f} × "
              f"(target: flat, here <= 1.2 ×: {'met' if ratio <= 1.2 else 'MISSED'}).\n"
              f"oxigraph serve-read-only on the same stores, after the same kind of run: {ox_small:.0f} and "
              f"{ox_large:.0f} MiB ({ox_large / ox_small:.2f} ×: the store's block cache keeps what was read). "
              f"newsgraph serve beyond that: {own_small:.0f} and {own_large:.0f} MiB "
              f"({own_large / own_small:.2f} ×)")


def report_cold(n: int, cold: list[Kind] | None, c: int) -> None:
    if cold is None:
        print(f"\nCold first views at N = {n}: not measured (emptying the page cache needs root).")
        return
    print(f"\nCold first views at N = {n}: each server started afresh, warmed up on other IRIs, the page cache "
          f"emptied, then {c} at a time (both servers alike; what each read from the disk per request)\n")
    print("| kind | server | first view p50 / p99 | req/s | read from the disk per request | statuses |")
    print("|---|---|---:|---:|---:|---|")
    for k in cold:
        print(f"| {k.name} | {k.server} | {k.first.p50:.1f} / {k.first.p99:.1f} | {k.first.rate:.0f} | "
              f"{k.read:.1f} KiB | {k.first.statuses_text()} |")
    by = {k.name: k for k in cold}
    print()
    for ours, theirs in COLD_PAIRS:
        if ours in by and theirs in by:
            ra, rb = by[ours].first.rate, by[theirs].first.rate
            ratio = ra / rb if rb else float("nan")
            print(f"RDF throughput (cold first view), prerendered {ours} against Oxigraph's {theirs}: {ra:.0f} / "
                  f"{rb:.0f} req/s = {ratio:.2f} (target >= 0.8: {'met' if ratio >= 0.8 else 'MISSED'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated (default 100,1000)")
    parser.add_argument("--requests", type=int, default=300, help="requests per kind (default 300)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=2, help="workers of `newsgraph build` (default 2)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1, help="newsgraph serve --workers (default 1)")
    parser.add_argument("--prerender-jobs", type=int, default=2, help="newsgraph serve --prerender -j (default 2)")
    parser.add_argument("--no-prerender", action="store_true", help="leave out the prerendered server")
    parser.add_argument("--keep-documents", action="store_true",
                        help="use the documents folder an earlier run made, when it was made from the same data and "
                        "code (then making the documents is not measured)")
    parser.add_argument("--client", choices=sorted(CLIENTS), default="raw",
                        help="raw: a minimal asyncio HTTP/1.1 client (default); httpx: httpx's AsyncClient")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-bench-serve",
                        help="where built corpora and stores are kept between runs")
    args = parser.parse_args()
    global _load
    _load = CLIENTS[args.client]
    sizes = sorted(int(x) for x in args.sizes.split(","))
    stores = {}
    for n in sizes:
        print(f"corpus of {n} articles ...", file=sys.stderr)
        stores[n] = prepare(n, args.cache, args.jobs)
    results = {}
    loads: list[float] = []
    done = threading.Event()

    def sample() -> None:  # the machine's 1-minute load average, every 10 s, during the runs
        while not done.wait(10):
            with contextlib.suppress(OSError, ValueError):
                loads.append(float(Path("/proc/loadavg").read_text(encoding="ascii").split()[0]))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    for n in sizes:
        results[n] = run_size(n, stores[n], args)
    done.set()
    report(results, args)
    if loads:
        print(f"\nload average (1 min) during the runs, sampled every 10 s: {min(loads):.1f}–{max(loads):.1f}, "
              f"median {statistics.median(loads):.1f} ({os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
