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
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from newsgraph import __version__
from newsgraph.namespaces import DEFAULT_BASE
from newsgraph.serve import describe as d
from newsgraph.serve import negotiation as n
from newsgraph.serve.chart import svg as chart_svg
from newsgraph.serve.dataset import Dataset
from newsgraph.serve.highlight import highlight
from newsgraph.serve.ontodoc import ontology_doc, resource_bytes, shapes_doc
from newsgraph.serve.sparql import WRITERS, QueryRefused, Runner
from newsgraph.store import cq_names, cq_query

HERE = Path(__file__).parent
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
FOAF = "http://xmlns.com/foaf/0.1/"

#: Sent with every answer. Scripts and styles only from this server; the only inline
#: <script> elements are JSON-LD data blocks, which browsers never run.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
#: The query page's editor (YASGUI) sets element styles from its script and style sheet.
SPARQL_PAGE_CSP = SECURITY_HEADERS["content-security-policy"].replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'")
CORS_HEADERS = {"access-control-allow-origin": "*", "access-control-expose-headers": "ETag, Link, X-Newsgraph-Truncated"}

DUMPS = {"newsgraph.trig": (ox.RdfFormat.TRIG, "application/trig"),
         "newsgraph.nq": (ox.RdfFormat.N_QUADS, "application/n-quads")}


@dataclass
class Config:
    base: str = DEFAULT_BASE
    query_timeout: float = 10.0
    max_rows: int = 10_000
    query_workers: int = 2
    title: str = "newsgraph"


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


def _safe_href(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL that can go in an href, else None (no javascript:, data:, …)."""
    if not url:
        return None
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(c in url for c in "\"'<>\\ \t\n\r"):
        return None
    return url.strip()


def _json_for_script(data: bytes | str | dict | list) -> Markup:
    """JSON to put in a <script type="application/ld+json"> block: '<', '>' and '&' escaped as
    \\u003c etc., so no string in it can close the element or open a comment."""
    if isinstance(data, (bytes, str)):
        data = json.loads(data)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class Site:
    """The application's state: the data, the URL space and the renderers."""

    def __init__(self, dataset: Dataset, config: Config):
        self.dataset = dataset
        self.config = config
        self.shapes_ttl = resource_bytes("shapes.ttl")
        self.graph = d.Graph(dataset.store, dataset.union_default, d.shape_datatypes(self.shapes_ttl))
        self.base = config.base if config.base.endswith(("/", "#")) else config.base + "/"
        self.base_path = urllib.parse.urlsplit(self.base).path or "/"
        if not self.base_path.endswith("/"):
            self.base_path += "/"
        parent = self.base_path.rstrip("/").rsplit("/", 1)[0]
        self.site_path = (parent + "/") if parent else "/"
        self.ledger_path = self.site_path + "ledger/"
        self.dataset_iri = self.base + "dataset"
        self.runner = Runner(dataset.store, timeout=config.query_timeout, max_rows=config.max_rows,
                             workers=config.query_workers, union_default=dataset.union_default)
        self.ontology_ttl = resource_bytes("ontology.ttl")
        self.ontology = ontology_doc(self.ontology_ttl)
        self.shapes = shapes_doc(self.shapes_ttl)
        self.ontology_path = urllib.parse.urlsplit(self.ontology.iri).path
        self.shapes_path = urllib.parse.urlsplit(self.shapes.iri).path
        self.env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                               autoescape=select_autoescape(default=True, default_for_string=True))
        self.env.globals.update(href=self.href, label=self.graph.label, site=self, version=__version__,
                                short=self.short, external=_safe_href)
        self.env.filters["short"] = self.short
        self._dump_dir: str | None = None
        self._dump_lock = threading.Lock()
        self._dump_etags: dict[str, str] = {}
        self._cache: dict[str, object] = {}

    # ------------------------------------------------------------------ URLs

    def href(self, iri: str | None, form: str = "html") -> str | None:
        """Where a browser should go for ``iri``: this server's document for IRIs it serves,
        the IRI itself for other http(s) IRIs, nothing for anything else."""
        if not iri:
            return None
        if iri.startswith(self.base):
            rest = iri[len(self.base):]
            if "#" in rest:
                rest, frag = rest.split("#", 1)
                return f"{self.base_path}{rest}.{form}#{frag}"
            return f"{self.base_path}{rest}.{form}" if rest else "/"
        for doc_iri, path in ((self.ontology.iri, self.ontology_path), (self.shapes.iri, self.shapes_path)):
            if iri == doc_iri:
                return path
            if iri.startswith(doc_iri + "#"):
                return path + iri[len(doc_iri):]
        return _safe_href(iri)

    def anchor_href(self, article: str | None, start: int, end: int) -> str | None:
        page = self.href(article) if article else None
        return f"{page}#anchor-{start}-{end}" if page else None

    def short(self, iri: str | None) -> str:
        if iri is None:
            return ""
        for prefix, ns in d.PREFIXES.items():
            if iri.startswith(ns) and re.fullmatch(r"[A-Za-z_][\w.-]*", iri[len(ns):] or "-"):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    # ------------------------------------------------------------------ rendering

    def render(self, name: str, **context) -> bytes:
        return self.env.get_template(name).render(**context).encode("utf-8")

    def serialise(self, triples: list, form: n.Form) -> bytes:
        if form is n.NTRIPLES:
            return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        if form is n.JSONLD:
            return ox.serialize(triples, format=ox.RdfFormat.JSON_LD)
        prefixes = dict(d.PREFIXES)
        prefixes.update({"id": self.base})
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)

    def counts(self) -> dict[str, int]:
        return self.cached("counts", lambda: self.graph.counts(len(self.dataset)))

    def cached(self, key: str, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    # ------------------------------------------------------------------ dumps

    def dump(self, name: str) -> tuple[Path, str]:
        """The dump file ``name`` (written once, on first request) and its ETag."""
        fmt, _ = DUMPS[name]
        with self._dump_lock:
            if self._dump_dir is None:
                self._dump_dir = tempfile.mkdtemp(prefix="newsgraph-serve-")
            path = Path(self._dump_dir) / name
            if not path.exists():
                tmp = path.with_suffix(".part")
                kwargs = {"prefixes": dict(d.PREFIXES)} if fmt == ox.RdfFormat.TRIG else {}
                # Without the default graph when it is the union made when files were read.
                skip_default = not self.dataset.union_default
                quads = (self.graph.restore.quad(q) for q in self.dataset.store.quads_for_pattern(None, None, None, None)
                         if not (skip_default and isinstance(q.graph_name, ox.DefaultGraph)))
                ox.serialize(quads, str(tmp), format=fmt, **kwargs)
                digest = hashlib.sha256()
                with open(tmp, "rb") as fh:
                    for chunk in iter(lambda: fh.read(1 << 20), b""):
                        digest.update(chunk)
                os.replace(tmp, path)
                self._dump_etags[name] = f'"{digest.hexdigest()[:32]}"'
            return path, self._dump_etags[name]

    def close(self) -> None:
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
             headers: dict[str, str] | None = None, status: int = 200) -> Response:
    """A document answer with ETag and conditional GET (304)."""
    content_type = form.content_type if isinstance(form, n.Form) else form
    etag = _etag(body)
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
        body = site.render("error.html", title=title, message=message, status=status)
        return Response(body, status_code=status, headers={**(headers or {}),
                                                           "content-type": "text/html; charset=utf-8"})
    return PlainTextResponse(f"{status} {title}: {message}\n", status_code=status, headers=headers)


def not_acceptable(request: Request, site: Site, forms: tuple[n.Form, ...]) -> Response:
    offered = ", ".join(f.media_type for f in forms)
    return PlainTextResponse(f"406 Not Acceptable: available as {offered}\n", status_code=406,
                             headers={"vary": "Accept"})


# ---------------------------------------------------------------------------- pages


def _alternates(site: Site, iri: str) -> list[tuple[str, str]]:
    return [(f.media_type, site.href(iri, f.key)) for f in (n.TURTLE, n.JSONLD, n.NTRIPLES)]


def _page_context(site: Site, iri: str, triples: list) -> dict:
    return {"iri": iri, "jsonld": _json_for_script(site.serialise(triples, n.JSONLD)),
            "alternates": _alternates(site, iri), "title": site.graph.label(iri)}


def resource_html(site: Site, iri: str, triples: list) -> bytes:
    g = site.graph
    ctx = _page_context(site, iri, triples)
    types = g.kinds(iri)
    ctx["types"] = sorted(types)
    if d.SCHEMA + "NewsArticle" in types:
        meta = g.article_meta(iri)
        facts = g.article_facts(iri)
        ctx.update(meta=meta, facts=facts, mentioned=g.mentioned(iri),
                   text=highlight(meta["text"], facts, site.href), url=_safe_href(meta["url"]),
                   title=meta["headline"])
        return site.render("article.html", **ctx)
    fact_kind = g.fact_kind(iri)
    if fact_kind:
        article = g.article_of(iri)
        text = g.one(article, d.SCHEMA + "text") if article else None
        anchors = []
        for a in g.anchors_of(iri):
            if text is not None and a.end <= len(text):
                before, marked, after = d.sentence_around(text, a.start, a.end)
            else:
                before, marked, after = a.prefix, a.exact, a.suffix
            anchors.append({"anchor": a, "before": before, "marked": marked, "after": after,
                            "href": site.anchor_href(a.article or article, a.start, a.end)})
        ctx.update(kind=fact_kind, article=article, article_meta=g.article_meta(article) if article else None,
                   anchors=anchors, props=_properties(site, iri, triples))
        if fact_kind == "statistic":
            stat = g.statistic(iri)
            ctx["stat"] = stat
            ctx["ledger"] = next((lg for lg in _ledgers(site) if any(r["iri"] == iri for r in lg.rows)), None)
        elif fact_kind == "role":
            ctx["role"] = next((r for r in g.roles(member=g.one(iri, d.ORG + "member")) if r["iri"] == iri), None)
        elif fact_kind == "membership":
            ctx["membership"] = next((m for m in g.memberships(member=g.one(iri, d.ORG + "member"))
                                      if m["iri"] == iri), None)
        else:
            ctx["speaker"] = g.one(iri, d.NG + "speaker")
            ctx["quote_text"] = g.one(iri, d.SCHEMA + "text")
            ctx["event"] = g.one(iri, d.NG + "atEvent")
        return site.render("fact.html", **ctx)
    entity_kind = g.entity_kind(iri)
    if entity_kind:
        ctx.update(kind=entity_kind, names=g.names(iri), articles=g.mentioning_articles(iri))
        ctx["roles"] = g.roles(member=iri) if entity_kind == "person" else []
        ctx["statements"] = g.statements(iri) if entity_kind == "person" else []
        ctx["claimed"] = g.statistics(claimed_by=iri)
        ctx["about"] = g.statistics(about=iri)
        ctx["office_holders"] = g.roles(post=iri) if entity_kind == "office" else []
        ctx["roles_of"] = g.roles(role_of=iri) if entity_kind != "person" else []
        ctx["offices"] = g.offices(iri)
        ctx["members"] = g.memberships(coalition=iri) if entity_kind == "coalition" else []
        ctx["member_of"] = g.memberships(member=iri)
        return site.render("entity.html", **ctx)
    ctx.update(props=_properties(site, iri, triples), incoming=g.incoming(iri))
    if d.NG + "TextAnchor" in types:
        article = g.one(iri, d.NG + "inArticle")
        start, end = g.one(iri, d.OA + "start"), g.one(iri, d.OA + "end")
        if article and start and end:
            ctx["anchor_link"] = site.anchor_href(article, int(start), int(end))
    return site.render("generic.html", **ctx)


def _properties(site: Site, iri: str, triples: list) -> list[dict]:
    """The resource's own triples as rows for a table (labels of linked things are not rows)."""
    rows = []
    for t in triples:
        if t.subject != ox.NamedNode(iri):
            continue
        o = t.object
        row = {"predicate": t.predicate.value, "value": d.value(o), "iri": isinstance(o, ox.NamedNode)}
        if isinstance(o, ox.Literal):
            row["datatype"] = o.datatype.value if o.datatype.value not in (d.XSD + "string",) else None
            row["language"] = o.language
        rows.append(row)
    return rows


def _ledgers(site: Site) -> list[d.Ledger]:
    return site.cached("ledgers", lambda: d.ledgers(site.graph))


# ---------------------------------------------------------------------------- handlers


def _site(request: Request) -> Site:
    return request.app.state.site


async def home(request: Request) -> Response:
    site = _site(request)
    counts = site.counts()
    articles = site.graph.articles(limit=20)
    body = site.render("home.html", counts=counts, articles=articles, ledgers=_ledgers(site)[:10],
                       jsonld=_json_for_script(schema_dataset(site, request)), title=site.config.title)
    return document(request, body, n.HTML)


async def search(request: Request) -> Response:
    site = _site(request)
    q = (request.query_params.get("q") or "").strip()[:200]
    results = site.graph.search(q) if len(q) >= 2 else []
    body = site.render("search.html", q=q, results=results, title=f"Search: {q}" if q else "Search")
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
    if iri == site.dataset_iri:
        return _see_other(request, site, "/.well-known/void", n.RESOURCE_FORMS, suffixed=False)
    if site.graph.exists(iri):
        return _see_other(request, site, path, n.RESOURCE_FORMS)
    split = n.by_extension(rest)
    if split is not None:
        stem, form = split
        target = site.base + stem
        if site.graph.exists(target):
            return await _describe(request, site, target, form)
    return error_page(request, site, 404, "Not found", f"No resource {iri} in this dataset.")


def _see_other(request: Request, site: Site, path: str, forms: tuple[n.Form, ...], *, suffixed: bool = True) -> Response:
    form = n.negotiate(request.headers.get("accept"), request.query_params.get("format"), forms)
    if form is None:
        return not_acceptable(request, site, forms)
    location = f"{path}.{form.key}" if suffixed else f"{path}?format={form.key}"
    return Response(status_code=303, headers={"location": location, "vary": "Accept",
                                              "cache-control": "public, max-age=300",
                                              "content-type": "text/plain; charset=utf-8"})


async def _describe(request: Request, site: Site, iri: str, form: n.Form) -> Response:
    triples = await asyncio.to_thread(site.graph.describe, iri)
    links = ", ".join(f'<{href}>; rel="alternate"; type="{mt}"' for mt, href in _alternates(site, iri))
    headers = {"link": links + f', <{iri}>; rel="describes"'}
    if form is n.HTML:
        body = await asyncio.to_thread(resource_html, site, iri, triples)
    else:
        body = site.serialise(triples, form)
    return document(request, body, form, headers=headers)


async def ontology(request: Request) -> Response:
    site = _site(request)
    return _vocabulary(request, site, site.ontology_path, site.ontology_ttl,
                       lambda: site.render("ontology.html", doc=site.ontology, title=site.ontology.title))


async def shapes(request: Request) -> Response:
    site = _site(request)
    return _vocabulary(request, site, site.shapes_path, site.shapes_ttl,
                       lambda: site.render("shapes.html", doc=site.shapes, title=site.shapes.title))


def _vocabulary(request: Request, site: Site, path: str, turtle: bytes, html) -> Response:
    """The ontology or the shapes: a document itself, so 200 with negotiation (Content-Location
    names the form given), and the same at ``path.html``, ``path.ttl``…"""
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
    if form is n.HTML:
        body = site.cached(path + ".html", html)
    elif form is n.TURTLE:
        body = turtle
    else:
        body = site.cached(path + "." + form.key, lambda: ox.serialize(
            ox.parse(turtle, format=ox.RdfFormat.TURTLE),
            format=ox.RdfFormat.JSON_LD if form is n.JSONLD else ox.RdfFormat.N_TRIPLES))
    return document(request, body, form, vary=vary, headers={"content-location": f"{path}.{form.key}"})


async def ledger_index(request: Request) -> Response:
    site = _site(request)
    body = site.render("ledger_index.html", ledgers=_ledgers(site), title="Claims ledger")
    return document(request, body, n.HTML)


async def ledger(request: Request) -> Response:
    site = _site(request)
    slug = request.path_params["slug"]
    found = next((lg for lg in _ledgers(site) if lg.slug == slug), None)
    if found is None:
        return error_page(request, site, 404, "Not found", "No claims ledger by that name.")
    g = site.graph
    rows = []
    for r in found.rows:
        who = g.label(r["claimed_by"]) if r["claimed_by"] else None
        rows.append({**r, "who": who, "href": site.href(r["iri"])})
    title = found.counts + (f" per {found.per}" if found.per else "")
    if found.about:
        title += f" ({g.label(found.about)})"
    body = site.render("ledger.html", ledger=found, rows=rows, chart=chart_svg(rows, title), title=title)
    return document(request, body, n.HTML)


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
    examples = [(name, cq_query(name)) for name in cq_names()]
    rows = []
    if answer is not None and answer.kind in ("select", "graph"):
        for row in answer.rows:
            if answer.kind == "graph":
                row = (row.subject, row.predicate, row.object)
            rows.append([_cell(site, t) for t in row])
    body = site.render("sparql.html", query=query or (examples[0][1] if examples else ""), answer=answer, rows=rows,
                       error=error, examples=examples, title="SPARQL", timeout=site.config.query_timeout,
                       max_rows=site.config.max_rows)
    out = {"content-security-policy": SPARQL_PAGE_CSP, "cache-control": "no-store", **(headers or {})}
    return Response(body, status_code=status, headers={**out, "content-type": "text/html; charset=utf-8"})


def _cell(site: Site, term) -> dict | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"text": site.short(term.value), "href": site.href(term.value), "title": term.value}
    if isinstance(term, ox.BlankNode):
        return {"text": f"_:{term.value}"}
    if isinstance(term, ox.Literal):
        return {"text": term.value, "lang": term.language}
    return {"text": str(term)}


# ---------------------------------------------------------------------------- dataset description


def _origin(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def void_triples(site: Site, request: Request) -> list[ox.Triple]:
    origin = _origin(request)
    g = site.graph
    counts = site.counts()
    N, L, T = ox.NamedNode, ox.Literal, ox.Triple
    ds = N(site.dataset_iri)
    xsd_int = N(d.XSD + "integer")
    rdf_type = N(d.RDF + "type")
    out = [T(ds, rdf_type, N(VOID + "Dataset")), T(ds, rdf_type, N(DCAT + "Dataset")),
           T(ds, rdf_type, N(d.SCHEMA + "Dataset"))]
    title = L(f"{site.config.title}: knowledge graph of news articles")
    description = L("Facts extracted from news articles by newsgraph — who holds which office, quotes, "
                    "claimed statistics, coalitions — each anchored to the characters of its article.")
    for p, o in ((d.DCTERMS + "title", title), (d.SCHEMA + "name", title),
                 (d.DCTERMS + "description", description), (d.SCHEMA + "description", description),
                 (VOID + "triples", L(str(counts["triples"]), datatype=xsd_int)),
                 (VOID + "documents", L(str(counts["articles"]), datatype=xsd_int)),
                 (VOID + "uriSpace", L(site.base)), (VOID + "sparqlEndpoint", N(origin + "/sparql")),
                 (FOAF + "homepage", N(origin + "/")), (d.SCHEMA + "url", N(origin + "/")),
                 (VOID + "exampleResource", None)):
        if o is not None:
            out.append(T(ds, N(p), o))
    entities = sum(c for cls, c in g.class_counts() if cls in d.ENTITY_KINDS and cls != d.SCHEMA + "Organization")
    out.append(T(ds, N(VOID + "entities"), L(str(entities), datatype=xsd_int)))
    publisher = N("https://w3id.org/newsgraph")
    for p in (d.DCTERMS + "publisher", d.SCHEMA + "publisher"):
        out.append(T(ds, N(p), publisher))
    out += [T(publisher, rdf_type, N(FOAF + "Organization")), T(publisher, rdf_type, N(d.SCHEMA + "Organization")),
            T(publisher, N(FOAF + "name"), L("the newsgraph project")),
            T(publisher, N(d.SCHEMA + "name"), L("the newsgraph project"))]
    for licence in g.licences():
        if _safe_href(licence):
            out += [T(ds, N(d.DCTERMS + "license"), N(licence)), T(ds, N(d.SCHEMA + "license"), N(licence))]
    for vocab in (d.NG, d.SCHEMA, d.ORG, d.OA, d.PROV):
        out.append(T(ds, N(VOID + "vocabulary"), N(vocab)))
    for name, (_fmt, media) in DUMPS.items():
        url = N(f"{origin}/download/{name}")
        out += [T(ds, N(VOID + "dataDump"), url), T(ds, N(DCAT + "distribution"), url),
                T(ds, N(d.SCHEMA + "distribution"), url),
                T(url, rdf_type, N(DCAT + "Distribution")), T(url, rdf_type, N(d.SCHEMA + "DataDownload")),
                T(url, N(DCAT + "downloadURL"), url), T(url, N(DCAT + "mediaType"),
                                                        N("https://www.iana.org/assignments/media-types/" + media)),
                T(url, N(d.SCHEMA + "contentUrl"), url), T(url, N(d.SCHEMA + "encodingFormat"), L(media))]
    service = N(origin + "/sparql")
    out += [T(ds, N(DCAT + "accessService"), service), T(service, rdf_type, N(DCAT + "DataService")),
            T(service, N(DCAT + "endpointURL"), service), T(service, N(DCAT + "servesDataset"), ds)]
    for i, (cls, count) in enumerate(g.class_counts()):
        part = ox.BlankNode(f"class{i}")
        out += [T(ds, N(VOID + "classPartition"), part), T(part, N(VOID + "class"), N(cls)),
                T(part, N(VOID + "entities"), L(str(count), datatype=xsd_int))]
    articles = g.articles(limit=1)
    if articles:
        out.append(T(ds, N(VOID + "exampleResource"), N(articles[0]["iri"])))
    return sorted(set(out), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def schema_dataset(site: Site, request: Request) -> dict:
    """The landing page's schema.org Dataset, compact, with an inline context (nothing to fetch)."""
    origin = _origin(request)
    counts = site.counts()
    doc = {
        "@context": {"@vocab": "https://schema.org/"},
        "@type": "Dataset",
        "@id": site.dataset_iri,
        "name": f"{site.config.title}: knowledge graph of news articles",
        "description": "Facts extracted from news articles by newsgraph, each anchored to the characters of its "
                       "article.",
        "url": origin + "/",
        "publisher": {"@type": "Organization", "@id": "https://w3id.org/newsgraph", "name": "the newsgraph project"},
        "distribution": [{"@type": "DataDownload", "contentUrl": f"{origin}/download/{name}", "encodingFormat": media}
                         for name, (_fmt, media) in DUMPS.items()],
        "variableMeasured": [f"{counts['triples']} triples", f"{counts['articles']} articles"],
    }
    licences = [lic for lic in site.graph.licences() if _safe_href(lic)]
    if licences:
        doc["license"] = licences[0] if len(licences) == 1 else licences
    return doc


async def well_known_void(request: Request) -> Response:
    site = _site(request)
    form = n.negotiate(request.headers.get("accept"), request.query_params.get("format"), n.RESOURCE_FORMS)
    if form is None:
        return not_acceptable(request, site, n.RESOURCE_FORMS)
    triples = await asyncio.to_thread(void_triples, site, request)
    if form is n.HTML:
        counts = site.counts()
        body = site.render("dataset.html", counts=counts, classes=site.graph.class_counts(),
                           licences=site.graph.licences(), origin=_origin(request), dumps=DUMPS,
                           jsonld=_json_for_script(site.serialise(triples, n.JSONLD)), title="Dataset",
                           alternates=[(f.media_type, f"/.well-known/void?format={f.key}")
                                       for f in (n.TURTLE, n.JSONLD, n.NTRIPLES)])
    else:
        body = site.serialise(triples, form)
    return document(request, body, form, vary=True)


async def sitemap(request: Request) -> Response:
    site = _site(request)
    origin = _origin(request)
    urls = [origin + "/", origin + site.ledger_path, origin + "/sparql", origin + site.ontology_path]
    kinds = set(d.ENTITY_KINDS) | set(d.FACT_KINDS) | {d.SCHEMA + "NewsArticle"}
    for iri in await asyncio.to_thread(site.graph.subjects_under, site.base, 50_000):
        if kinds & site.graph.kinds(iri):
            urls.append(origin + site.href(iri))
    urls += [origin + site.ledger_path + urllib.parse.quote(lg.slug) for lg in _ledgers(site)]
    from xml.sax.saxutils import escape

    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "".join(f"<url><loc>{escape(u)}</loc></url>\n" for u in urls[:50_000]) + "</urlset>\n")
    return document(request, body.encode("utf-8"), "application/xml; charset=utf-8")


async def robots(request: Request) -> Response:
    return PlainTextResponse(f"User-agent: *\nDisallow: /sparql\nSitemap: {_origin(request)}/sitemap.xml\n")


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
    site = Site(dataset, config or Config())

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
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/.well-known/void", well_known_void, methods=["GET"]),
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
    return app
