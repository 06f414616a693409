"""The web application: routes, negotiation, documents, headers.

URL space (``P`` is the path of ``--base``, ``/newsgraph/id/`` by default; ``S`` its parent,
``/newsgraph/``):

* ``P…`` — every IRI under the base. The IRI names a thing (a person, an article as
  published, a quote), not a web page, so it answers ``303 See Other`` to a document about
  it, picked by content negotiation: ``P….html``, ``P….ttl``, ``P….jsonld``, ``P….nt``
  (W3C "Cool URIs for the Semantic Web", §4.3; see docs/serve.md);
* the ontology and shapes IRIs (documents themselves): HTML or Turtle by negotiation;
* ``/`` landing page, ``/search?q=``, ``/sparql``, ``S ledger/`` claims ledgers,
  ``/.well-known/void`` dataset description, ``/sitemap.xml``, ``/download/…`` dumps,
  ``/static/…`` style sheet and the vendored query editor.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
import urllib.parse
import zlib
from collections import OrderedDict
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from newsgraph.serve import negotiation as n
from newsgraph.serve import pack, pages
from newsgraph.serve.dataset import Dataset
from newsgraph.serve.documents import ORIGIN_KINDS
from newsgraph.serve.pages import DUMPS, HERE, SECURITY_HEADERS, SPARQL_PAGE_CSP, SPARQL_PATH, VOID_PATH, Config, Site
from newsgraph.serve.sparql import WRITERS, QueryRefused, Runner
from newsgraph.store import cq_names, cq_query

CORS_HEADERS = {"access-control-allow-origin": "*", "access-control-expose-headers": "ETag, Link, X-Newsgraph-Truncated"}


class SecurityHeaders:
    """ASGI middleware: the security and CORS headers on every answer, and CORS preflights."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            await self._preflight(scope, send, headers)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {k.decode("latin-1").lower() for k, _ in raw}
                for k, v in {**SECURITY_HEADERS, **CORS_HEADERS}.items():
                    if k not in present:
                        raw.append((k.encode("latin-1"), v.encode("latin-1")))
                message = {**message, "headers": raw}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _preflight(self, scope, send, headers) -> None:
        method = headers.get("access-control-request-method", "").upper()
        allowed = "GET, HEAD, POST, OPTIONS" if scope["path"] == "/sparql" else "GET, HEAD, OPTIONS"
        ok = method in {m.strip() for m in allowed.split(",")}
        out = {**SECURITY_HEADERS, "access-control-allow-origin": "*", "access-control-allow-methods": allowed,
               "access-control-allow-headers": "Accept, Content-Type, If-None-Match",
               "access-control-max-age": "86400", "vary": "Origin"}
        await send({"type": "http.response.start", "status": 204 if ok else 405,
                    "headers": [(k.encode(), v.encode()) for k, v in out.items()]})
        await send({"type": "http.response.body", "body": b""})




class DocumentCache:
    """Documents made for requests, by key (an IRI and a form, a page's name), with their
    ETags; the least recently used go beyond ``budget`` bytes. The data never changes while
    the server runs (the store is opened read-only and seen as it was at start; files are
    read once), so a document stays right until the server stops: nothing to invalidate.
    An IRI's document also keeps the whole header of its answer, for :class:`FastDocuments`.
    Used from the event loop's thread only."""

    def __init__(self, budget: int):
        self.budget = budget
        self.size = 0
        self.items: OrderedDict[tuple, list] = OrderedDict()  # key: [body, etag, raw headers or None]

    def get(self, key: tuple) -> list | None:
        item = self.items.get(key)
        if item is not None:
            self.items.move_to_end(key)
        return item

    def put(self, key: tuple, body: bytes) -> list:
        return self.keep(key, [body, _etag(body), None])

    def keep(self, key: tuple, item: list) -> list:
        """Keep ``item`` ([body, ETag, raw headers or None]) under ``key``; gives it back."""
        body = item[0]
        if len(body) <= self.budget // 4 and key not in self.items:
            self.items[key] = item
            self.size += len(body)
            while self.size > self.budget:
                _, (old, _, _) = self.items.popitem(last=False)
                self.size -= len(old)
        return item


class SharedDocuments:
    """Documents made by any worker of one server (``newsgraph serve --workers N``), as files
    in a folder the workers share, so that a document one worker made is not made again by
    another: each worker's :class:`DocumentCache` answers only the connections the kernel
    gave that worker. A file is written beside its place and renamed into it, so it is read
    whole or not at all; each worker removes the oldest files it wrote beyond ``budget``
    bytes (the data never changes, so a file never has to be made right again)."""

    #: Whether a document put here stays for as long as the server runs (then the server
    #: need not also keep it in memory: the kernel's page cache keeps the file).
    lasting = False

    def __init__(self, folder: str, budget: int):
        self.folder = Path(folder)
        self.budget = budget
        self.size = 0
        self.mine: OrderedDict[str, int] = OrderedDict()  # file name: body size

    @staticmethod
    def _name(key: tuple) -> str:
        return hashlib.sha256(repr(key).encode("utf-8")).hexdigest()[:40]

    def get(self, key: tuple, *, nowait: bool = False) -> list | None:
        """[body, ETag, header] of ``key`` from its file, or None (``nowait``: see
        :meth:`PersistentDocuments.get`; these files are ones this server just wrote)."""
        path = self._path(key)
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return self._item(key, data)

    def _item(self, key: tuple, data: bytes) -> list | None:
        """The document a file holds (``data``), or None when it is not whole."""
        try:
            size = int.from_bytes(data[:4], "big")
            head = json.loads(data[4:4 + size])
            body = data[4 + size:]
            if not self._whole(key, head, body):
                return None
            headers = head["headers"]
            if headers is not None:
                headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers]
            return [body, head["etag"], headers]
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeError):
            return None

    def _path(self, key: tuple) -> Path | None:
        return self.folder / self._name(key)

    def _whole(self, key: tuple, head: dict, body: bytes) -> bool:
        return True  # written whole and renamed, in this server's lifetime

    def _head(self, key: tuple, item: list) -> dict:
        body, etag, headers = item
        return {"etag": etag, "headers": None if headers is None else [
            (k.decode("latin-1"), v.decode("latin-1")) for k, v in headers]}

    def _record(self, key: tuple, item: list) -> bytes:
        """What a file of ``key`` holds: the length of its header, the header, the body."""
        head = json.dumps(self._head(key, item), sort_keys=True).encode("utf-8")
        return len(head).to_bytes(4, "big") + head + item[0]

    def write(self, key: tuple, item: list) -> bool:
        """Write ``item`` as the file of ``key`` (beside it, then renamed); False if it could not be."""
        path = self._path(key)
        if path is None:
            return False
        data = self._record(key, item)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            try:
                tmp.write_bytes(data)
            except FileNotFoundError:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:  # a cache: the answer is right without it
            with contextlib.suppress(OSError):
                tmp.unlink()
            return False
        return True

    def flush(self) -> None:
        """Nothing: every file is written whole when it is put."""

    def put(self, key: tuple, item: list) -> None:
        body = item[0]
        if len(body) > self.budget // 4:
            return
        name = self._name(key)
        if not self.write(key, item):
            return
        self.size += len(body) - self.mine.pop(name, 0)
        self.mine[name] = len(body)
        while self.size > self.budget and self.mine:
            old, old_size = self.mine.popitem(last=False)
            self.size -= old_size
            with contextlib.suppress(OSError):
                os.unlink(self.folder / old)


#: What :meth:`PersistentDocuments.get` answers, asked not to wait, for a document whose
#: pages are not in the kernel's page cache.
NOT_IN_MEMORY = pack.NOT_IN_MEMORY
_OPEN_FLAGS = pack.OPEN_FLAGS


class PersistentDocuments(SharedDocuments):
    """The documents folder (:mod:`newsgraph.serve.documents`): documents kept for good, in
    its pack (:mod:`newsgraph.serve.pack`: what prerendering made) or in files of their own
    (what was made on demand, and the documents that name the server's address), in 256
    folders by the first two characters of their names. A file or record holds what
    :class:`SharedDocuments` files hold, and besides the ETag and header, the document's key
    and length. Nothing is removed (the folder was emptied when it was opened if it was made
    from other data). A document is used only if its body has the length and the CRC-32 its
    header says (and the header is whole and names the key), so a truncated or damaged one
    is made again, never served. The documents that name the server's address are kept only
    for ``origin``, so that requests naming other hosts cannot fill the disk. ``segment``
    (prerendering processes only): the name of the segment the documents made are appended
    to, rather than written as files of their own."""

    lasting = True

    def __init__(self, folder: str, origin: str | None = None, segment: str | None = None):
        super().__init__(folder, budget=0)
        self.origin = origin
        self.written = 0
        self._root = str(self.folder) + os.sep
        self.pack = pack.Pack.open(self.folder)
        self.segment = pack.SegmentWriter(self.folder, segment) if segment else None

    def _location(self, key: tuple, name: str) -> str | None:
        # Plain strings, not pathlib: this is on the way of every prerendered document served.
        if key and key[0] in ORIGIN_KINDS:
            if len(key) < 2 or key[1] != self.origin:
                return None
            return f"{self._root}origin{os.sep}{name}"
        return f"{self._root}{name[:2]}{os.sep}{name}"

    def _path(self, key: tuple) -> Path | None:
        location = self._location(key, self._name(key))
        return None if location is None else Path(location)

    def file(self, key: tuple) -> Path | None:
        """The file of the document ``key`` (None: not kept in the folder)."""
        return self._path(key)

    def _head(self, key: tuple, item: list) -> dict:
        return {**super()._head(key, item), "key": repr(key), "length": len(item[0]), "crc32": zlib.crc32(item[0])}

    def _whole(self, key: tuple, head: dict, body: bytes) -> bool:
        return head["key"] == repr(key) and head["length"] == len(body) and head["crc32"] == zlib.crc32(body)

    def get(self, key: tuple, *, nowait: bool = False) -> list | None:
        """The document ``key`` from the pack or its file, or None; with ``nowait``,
        :data:`NOT_IN_MEMORY` when reading it would wait for the disk (its pages are not in
        the kernel's cache)."""
        name = self._name(key)
        location = self._location(key, name)
        if location is None:
            return None
        if self.pack is not None:
            for place in self.pack.places(name):
                data = self.pack.read(place, nowait=nowait)
                if data is NOT_IN_MEMORY:
                    return NOT_IN_MEMORY
                item = None if data is None else self._item(key, data)
                if item is not None:
                    return item
        try:
            fd = os.open(location, _OPEN_FLAGS)
        except OSError:
            return None
        try:
            data = pack.read_at(fd, os.fstat(fd).st_size, 0, nowait=nowait)
        except OSError:
            return None
        finally:
            os.close(fd)
        return data if data is NOT_IN_MEMORY else self._item(key, data)

    def put(self, key: tuple, item: list) -> None:
        if self.segment is not None and key and key[0] not in ORIGIN_KINDS:
            if self.segment.append(self._name(key), self._record(key, item)):
                self.written += 1
                return
        if self.write(key, item):
            self.written += 1

    def flush(self) -> None:
        """What was appended to the segment, out to the kernel (prerendering processes)."""
        if self.segment is not None:
            self.segment.flush()

    def close(self) -> None:
        if self.segment is not None:
            self.segment.close()
            self.segment = None
        if self.pack is not None:
            self.pack.close()
            self.pack = None


class FastDocuments:
    """ASGI middleware in front of everything: a plain GET (or HEAD) of an IRI's document that
    was made before is answered from :class:`DocumentCache` (else the documents folder, else
    the folder the workers share) with the very header and body the handler gave, without routing or building a response again. Anything else (a query
    string, If-None-Match, a document not made yet) goes on to the application."""

    def __init__(self, app, site: "ServedSite"):
        self.app = app
        self.site = site

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and not scope.get("query_string"):
            item = await self.site.lookup_soon(self.site.document_key(scope.get("raw_path") or scope["path"].encode()))
            if item is not None and item[2] is not None and not any(k == b"if-none-match" for k, _ in scope["headers"]):
                await send({"type": "http.response.start", "status": 200, "headers": item[2]})
                await send({"type": "http.response.body", "body": item[0] if scope["method"] == "GET" else b""})
                return
        await self.app(scope, receive, send)


class ServedSite(Site):
    """The site as the server holds it: the pages, the query runner and the dumps."""

    def __init__(self, dataset: Dataset, config: Config):
        super().__init__(dataset, config)
        self.runner = Runner(dataset.store, timeout=config.query_timeout, max_rows=config.max_rows,
                             workers=config.query_workers, union_default=dataset.union_default)
        self._dump_dir: str | None = None
        self._dump_lock = threading.Lock()
        self._dump_etags: dict[str, str] = {}
        self.documents = DocumentCache(config.cache_bytes)
        self.shared: SharedDocuments | None = None
        if config.documents:
            self.shared = PersistentDocuments(config.documents, config.document_origin, config.document_segment)
        elif config.shared_cache:
            self.shared = SharedDocuments(config.shared_cache, config.cache_bytes // max(1, config.workers))
        self.made = 0  #: documents made (not found in a cache), for reports and tests

    def lookup(self, key: tuple | None, *, nowait: bool = False) -> list | None:
        """[document, ETag, header or None] of ``key`` if it was made before: from this
        process's cache, else from the documents folder or the folder the workers share
        (``nowait``: :data:`NOT_IN_MEMORY` for a file that would have to come from the disk)."""
        if key is None:
            return None
        found = self.documents.get(key)
        if found is None and self.shared is not None:
            found = self.shared.get(key, nowait=nowait)
            if found is not None and found is not NOT_IN_MEMORY and not self.shared.lasting:
                self.documents.keep(key, found)
        return found

    async def lookup_soon(self, key: tuple | None) -> list | None:
        """:meth:`lookup`, but a file of the documents folder that must come from the disk is
        read in a thread: the event loop goes on answering meanwhile, and the reads of several
        requests overlap (on a folder larger than the page cache keeps, most first views)."""
        found = self.lookup(key, nowait=True)
        if found is NOT_IN_MEMORY:
            found = await asyncio.to_thread(self.lookup, key)
        return found

    async def document(self, key: tuple, make, *args, share: bool = True) -> list:
        """[the document ``make(self, *args)``, its ETag, …], from the cache (this worker's,
        else the documents folder or the one the workers share) or made (in a thread, so the
        server goes on answering meanwhile); ``share``: put a document made there now."""
        found = self.lookup(key)
        if found is None:
            body = await asyncio.to_thread(make, self, *args)
            found = [body, _etag(body), None]
            self.made += 1
            # A document the documents folder keeps is read from there next time (memory
            # stays flat however large the dataset); others stay in this process's cache.
            if self.shared is None or not self.shared.lasting or self.shared.file(key) is None:
                self.documents.keep(key, found)
            if share:
                self.share(key, found)
        return found

    def share(self, key: tuple, item: list) -> None:
        """Put ``item`` where the other workers find it (when there are others)."""
        if self.shared is not None:
            self.shared.put(key, item)

    def document_key(self, raw_path: bytes) -> tuple | None:
        """The cache key of the document at ``raw_path`` (an IRI's ``.html``, ``.ttl``…), or None."""
        path = raw_path.decode("latin-1")
        if not path.startswith(self.base_path):
            return None
        split = n.by_extension(path[len(self.base_path):])
        return (self.base + split[0], split[1].key) if split is not None else None

    def dump(self, name: str) -> tuple[Path, str]:
        """The dump file ``name`` (written once, on first request) and its ETag."""
        with self._dump_lock:
            if self._dump_dir is None:
                self._dump_dir = tempfile.mkdtemp(prefix="newsgraph-serve-")
            path = Path(self._dump_dir) / name
            if not path.exists():
                self._dump_etags[name] = pages.write_dump(self, name, path)
            return path, self._dump_etags[name]

    def close(self) -> None:
        if isinstance(self.shared, PersistentDocuments):
            self.shared.close()
        if self._dump_dir is not None:
            shutil.rmtree(self._dump_dir, ignore_errors=True)
            self._dump_dir = None


# ---------------------------------------------------------------------------- responses


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _not_modified(request: Request, etag: str) -> bool:
    header = request.headers.get("if-none-match")
    if not header:
        return False
    tags = [t.strip() for t in header.split(",")]
    return "*" in tags or etag in tags or f"W/{etag}" in tags


def document(request: Request, body: bytes, form: n.Form | str, *, vary: bool = False,
             headers: dict[str, str] | None = None, status: int = 200, etag: str | None = None) -> Response:
    """A document answer with ETag and conditional GET (304)."""
    content_type = form.content_type if isinstance(form, n.Form) else form
    etag = etag or _etag(body)
    out = {"etag": etag, "cache-control": "public, max-age=300"}
    if vary:
        out["vary"] = "Accept"
    out.update(headers or {})
    if status == 200 and _not_modified(request, etag):
        return Response(status_code=304, headers=out)
    return Response(body, status_code=status, media_type=None, headers={**out, "content-type": content_type})


def _wants_html(request: Request) -> bool:
    return n.choose(request.headers.get("accept"), (n.HTML, n.TURTLE, n.JSONLD, n.NTRIPLES)) is n.HTML


def error_page(request: Request, site: Site, status: int, title: str, message: str,
               headers: dict[str, str] | None = None) -> Response:
    """An error as a web page for browsers, as one line of text for everything else."""
    if _wants_html(request):
        body = pages.error_page(site, status, title, message)
        return Response(body, status_code=status, headers={**(headers or {}),
                                                           "content-type": "text/html; charset=utf-8"})
    return PlainTextResponse(f"{status} {title}: {message}\n", status_code=status, headers=headers)


def not_acceptable(request: Request, site: Site, forms: tuple[n.Form, ...]) -> Response:
    offered = ", ".join(f.media_type for f in forms)
    return PlainTextResponse(f"406 Not Acceptable: available as {offered}\n", status_code=406,
                             headers={"vary": "Accept"})


# ---------------------------------------------------------------------------- handlers


def _site(request: Request) -> Site:
    return request.app.state.site


async def home(request: Request) -> Response:
    site = _site(request)
    origin = _origin(request)
    body, etag, _ = await site.document(("home", origin), pages.home_page, origin)
    return document(request, body, n.HTML, etag=etag)


async def search(request: Request) -> Response:
    site = _site(request)
    body = await asyncio.to_thread(pages.search_page, site, request.query_params.get("q") or "")
    return document(request, body, n.HTML)


async def resource(request: Request) -> Response:
    """Every IRI under the base: 303 to its document; its documents: the description."""
    site = _site(request)
    raw = request.scope.get("raw_path") or request.url.path.encode()
    path = raw.decode("latin-1").split("?", 1)[0]
    if not path.startswith(site.base_path):
        return error_page(request, site, 404, "Not found", "Nothing is served at this address.")
    rest = path[len(site.base_path):]
    if rest == "":
        return RedirectResponse("/", status_code=302)
    iri = site.base + rest
    split = n.by_extension(rest)
    if split is not None and site.lookup(site.document_key(path.encode("latin-1"))) is not None:
        return await _describe(request, site, site.base + split[0], split[1])  # asked before: decided before
    if iri == site.dataset_iri:
        return _see_other(request, site, VOID_PATH, n.RESOURCE_FORMS)
    if site.graph.exists(iri):
        return _see_other(request, site, path, n.RESOURCE_FORMS)
    if split is not None:
        stem, form = split
        target = site.base + stem
        if site.graph.exists(target):
            return await _describe(request, site, target, form)
    return error_page(request, site, 404, "Not found", f"No resource {iri} in this dataset.")


def _see_other(request: Request, site: Site, path: str, forms: tuple[n.Form, ...]) -> Response:
    form = n.negotiate(request.headers.get("accept"), request.query_params.get("format"), forms)
    if form is None:
        return not_acceptable(request, site, forms)
    return Response(status_code=303, headers={"location": f"{path}.{form.key}", "vary": "Accept",
                                              "cache-control": "public, max-age=300",
                                              "content-type": "text/plain; charset=utf-8"})


async def _describe(request: Request, site: Site, iri: str, form: n.Form) -> Response:
    item = await site.document((iri, form.key), pages.resource_document, iri, form, share=False)
    body, etag = item[0], item[1]
    links = ", ".join(f'<{href}>; rel="alternate"; type="{mt}"' for mt, href in pages.alternates(site, iri))
    response = document(request, body, form, headers={"link": links + f', <{iri}>; rel="describes"'}, etag=etag)
    if response.status_code == 200 and item[2] is None:
        # The whole header of this answer, as SecurityHeaders completes it, for FastDocuments.
        present = {k for k, _ in response.raw_headers}
        item[2] = response.raw_headers + [(k.encode("latin-1"), v.encode("latin-1"))
                                          for k, v in {**SECURITY_HEADERS, **CORS_HEADERS}.items()
                                          if k.encode("latin-1") not in present]
        site.share((iri, form.key), item)  # with its header, for the other workers' FastDocuments
    return response


async def ontology(request: Request) -> Response:
    site = _site(request)
    return await _negotiated_document(request, site, site.ontology_path, lambda form: pages.vocabulary_document(
        site, "ontology", form))


async def shapes(request: Request) -> Response:
    site = _site(request)
    return await _negotiated_document(request, site, site.shapes_path, lambda form: pages.vocabulary_document(
        site, "shapes", form))


async def _negotiated_document(request: Request, site: Site, path: str, make) -> Response:
    """A document that is its own IRI (the ontology, the shapes, the dataset description): 200
    with negotiation at ``path`` (Content-Location names the form given), and each form at
    ``path.html``, ``path.ttl``…; ``make(form)`` gives its body, or an awaitable of
    [body, ETag, …] (:meth:`ServedSite.document`)."""
    suffix = request.url.path[len(path):]
    if suffix:
        form = next((f for f in n.RESOURCE_FORMS if suffix == "." + f.key), None)
        if form is None:
            return error_page(request, site, 404, "Not found", "No such document.")
        vary = False
    else:
        form = n.negotiate(request.headers.get("accept"), request.query_params.get("format"), n.RESOURCE_FORMS)
        if form is None:
            return not_acceptable(request, site, n.RESOURCE_FORMS)
        vary = True
    made = make(form)
    body, etag = (made, None) if isinstance(made, bytes) else (await made)[:2]
    return document(request, body, form, vary=vary, headers={"content-location": f"{path}.{form.key}"}, etag=etag)


async def ledger_index(request: Request) -> Response:
    site = _site(request)
    body, etag, _ = await site.document(("ledger-index",), pages.ledger_index_page)
    return document(request, body, n.HTML, etag=etag)


async def ledger(request: Request) -> Response:
    site = _site(request)
    slug = request.path_params["slug"]
    if site.lookup(("ledger", slug)) is None and not any(lg.slug == slug for lg in await asyncio.to_thread(site.ledgers)):
        return error_page(request, site, 404, "Not found", "No claims ledger by that name.")
    body, etag, _ = await site.document(("ledger", slug), pages.ledger_page, slug)
    return document(request, body, n.HTML, etag=etag)


# ---------------------------------------------------------------------------- SPARQL


async def sparql(request: Request) -> Response:
    site = _site(request)
    try:
        query, defaults, named = await _read_query(request)
    except QueryRefused as exc:
        return error_page(request, site, exc.status, "Refused", exc.message)
    format_param = request.query_params.get("format")
    if query is None:
        if n.negotiate(request.headers.get("accept"), format_param, (n.HTML,)) is None and request.method == "GET" \
                and not _wants_html(request):
            return PlainTextResponse("400 Bad Request: give a query (query=...)\n", status_code=400)
        example = request.query_params.get("example")
        text = cq_query(example) if example in cq_names() else ""
        return _sparql_page(request, site, text, None, None)
    try:
        answer = await site.runner.run(query, default_graphs=defaults, named_graphs=named)
    except QueryRefused as exc:
        headers = {"retry-after": "5"} if exc.status == 503 else None
        if _wants_html(request) and format_param in (None, "html"):
            return _sparql_page(request, site, query, None, exc.message, status=exc.status)
        return PlainTextResponse(f"{exc.status} {exc.message}\n", status_code=exc.status, headers=headers)
    forms = n.GRAPH_FORMS if answer.kind == "graph" else n.RESULT_FORMS
    form = n.negotiate(request.headers.get("accept"), format_param, forms)
    if form is None:
        return not_acceptable(request, site, forms)
    headers = {"vary": "Accept"}
    if answer.truncated:
        headers["x-newsgraph-truncated"] = f"true; only the first {site.config.max_rows} rows"
    if form is n.HTML:
        return _sparql_page(request, site, query, answer, None, headers=headers)
    if answer.kind == "graph":
        body = site.serialise(answer.rows, form)
    else:
        body = WRITERS[form.key](answer)
    return Response(body, headers={**headers, "content-type": form.content_type, "cache-control": "no-store"})


async def _read_query(request: Request) -> tuple[str | None, list[str], list[str]]:
    """The query and its dataset from a GET, a form POST or a POST of application/sparql-query."""
    params = request.query_params
    if "update" in params:
        raise QueryRefused(403, "this endpoint is read-only: updates are not accepted")
    query = params.get("query")
    defaults = params.getlist("default-graph-uri")
    named = params.getlist("named-graph-uri")
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await _body(request)
        if ctype == "application/sparql-update":
            raise QueryRefused(403, "this endpoint is read-only: updates are not accepted")
        if ctype == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            if "update" in form:
                raise QueryRefused(403, "this endpoint is read-only: updates are not accepted")
            queries = form.get("query", [])
            if len(queries) > 1:
                raise QueryRefused(400, "give one query")
            query = queries[0] if queries else query
            defaults = defaults + form.get("default-graph-uri", [])
            named = named + form.get("named-graph-uri", [])
        elif ctype == "application/sparql-query":
            try:
                query = body.decode("utf-8")
            except UnicodeDecodeError:
                raise QueryRefused(400, "the query is not UTF-8") from None
        else:
            raise QueryRefused(415, "POST a form (application/x-www-form-urlencoded) or application/sparql-query")
    elif len(params.getlist("query")) > 1:
        raise QueryRefused(400, "give one query")
    for g in defaults + named:
        if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", g):
            raise QueryRefused(400, "a graph URI is not an IRI")
    return query, defaults, named


async def _body(request: Request, limit: int = 1 << 20) -> bytes:
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise QueryRefused(413, "the request body is larger than 1 MiB")
        chunks.append(chunk)
    return b"".join(chunks)


def _sparql_page(request: Request, site: Site, query: str, answer, error: str | None, *, status: int = 200,
                 headers: dict[str, str] | None = None) -> Response:
    body = pages.sparql_page(site, query, answer, error)
    out = {"content-security-policy": SPARQL_PAGE_CSP, "cache-control": "no-store", **(headers or {})}
    return Response(body, status_code=status, headers={**out, "content-type": "text/html; charset=utf-8"})


# ---------------------------------------------------------------------------- dataset description


def _origin(request: Request) -> str:
    return str(request.base_url).rstrip("/")


async def well_known_void(request: Request) -> Response:
    site = _site(request)
    origin = _origin(request)
    return await _negotiated_document(request, site, VOID_PATH, lambda form: site.document(
        ("void", origin, form.key), pages.dataset_document, origin, origin + SPARQL_PATH, form))


async def sitemap(request: Request) -> Response:
    site = _site(request)
    origin = _origin(request)
    body, etag, _ = await site.document(("sitemap", origin), pages.sitemap_xml, origin)
    return document(request, body, "application/xml; charset=utf-8", etag=etag)


async def robots(request: Request) -> Response:
    return PlainTextResponse(pages.robots_txt(_origin(request)))


async def download(request: Request) -> Response:
    site = _site(request)
    name = request.path_params["name"]
    if name not in DUMPS:
        return error_page(request, site, 404, "Not found", "No such download.")
    path, etag = await asyncio.to_thread(site.dump, name)
    headers = {"etag": etag, "cache-control": "public, max-age=300",
               "content-disposition": f'attachment; filename="{name}"'}
    if _not_modified(request, etag):
        return Response(status_code=304, headers=headers)
    return FileResponse(path, media_type=DUMPS[name][1], headers=headers)


# ---------------------------------------------------------------------------- the app


async def _http_error(request: Request, exc: HTTPException) -> Response:
    site = _site(request)
    if exc.status_code == 404:
        return error_page(request, site, 404, "Not found", "Nothing is served at this address.")
    if exc.status_code == 405:
        return error_page(request, site, 405, "Method not allowed", "This address is read-only.",
                          headers=getattr(exc, "headers", None))
    return error_page(request, site, exc.status_code, "Error", str(exc.detail))


async def _server_error(request: Request, exc: Exception) -> Response:
    # Starlette answers this outside the middleware, so the headers are added here.
    return PlainTextResponse("500 Internal Server Error\n", status_code=500, headers=SECURITY_HEADERS)


def create_app(dataset: Dataset, config: Config | None = None) -> Starlette:
    """The ASGI application serving ``dataset``."""
    site = ServedSite(dataset, config or Config())

    @contextlib.asynccontextmanager
    async def lifespan(app):
        try:
            yield
        finally:
            site.close()

    static = StaticFiles(directory=str(HERE / "static"), follow_symlink=False)
    routes = [
        Route("/", home, methods=["GET"]),
        Route("/search", search, methods=["GET"]),
        Route(SPARQL_PATH, sparql, methods=["GET", "POST"]),
        Route(VOID_PATH, well_known_void, methods=["GET"]),
        Route(VOID_PATH + ".{ext:str}", well_known_void, methods=["GET"]),
        Route("/sitemap.xml", sitemap, methods=["GET"]),
        Route("/robots.txt", robots, methods=["GET"]),
        Route("/download/{name}", download, methods=["GET"]),
        Mount("/static", app=static, name="static"),
        Route(site.ledger_path, ledger_index, methods=["GET"]),
        Route(site.ledger_path + "{slug}", ledger, methods=["GET"]),
    ]
    for path, handler in ((site.ontology_path, ontology), (site.shapes_path, shapes)):
        routes.append(Route(path, handler, methods=["GET"]))
        routes.append(Route(path + ".{ext:str}", handler, methods=["GET"]))
    routes.append(Route(site.base_path + "{rest:path}", resource, methods=["GET"]))
    app = Starlette(routes=routes, exception_handlers={HTTPException: _http_error, Exception: _server_error}, lifespan=lifespan)
    app.state.site = site
    app.add_middleware(SecurityHeaders)
    app.add_middleware(FastDocuments, site=site)  # added last: in front of everything
    return app
