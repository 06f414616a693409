"""The pages and documents of the site, as bytes: one function per page, called both by the
server (:mod:`newsgraph.serve.app`, which adds HTTP: negotiation, headers, 303s) and by the
static site (:mod:`newsgraph.serve.static_site`, which writes them to files), so that the two
give the same bytes for the same page.

What depends on where the site is reached (``origin``: ``https://host``, no trailing slash)
is passed in: only the landing page, the dataset description and the sitemap use it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from newsgraph import __version__
from newsgraph.namespaces import DEFAULT_BASE
from newsgraph.serve import describe as d
from newsgraph.serve import negotiation as n
from newsgraph.serve.chart import svg as chart_svg
from newsgraph.serve.dataset import Dataset
from newsgraph.serve.highlight import highlight
from newsgraph.serve.ontodoc import ontology_doc, resource_bytes, shapes_doc
from newsgraph.store import cq_names, cq_query

HERE = Path(__file__).parent
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
FOAF = "http://xmlns.com/foaf/0.1/"

#: The dumps of the whole dataset, by file name.
DUMPS = {"newsgraph.trig": (ox.RdfFormat.TRIG, "application/trig"),
         "newsgraph.nq": (ox.RdfFormat.N_QUADS, "application/n-quads")}
#: Where the dataset description is, and its documents (``VOID_PATH + ".ttl"``…).
VOID_PATH = "/.well-known/void"
#: Where the query page is (and, on the server, the endpoint).
SPARQL_PATH = "/sparql"

#: Sent with every answer (by the server, and by the static site's server rules). Scripts
#: and styles only from the site itself; the only inline <script> elements are JSON-LD data
#: blocks, which browsers never run.
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


def sparql_page_csp(endpoint: str | None = None) -> str:
    """The query page's policy; with an endpoint on another origin (a static site's), the
    editor may send queries there and the form may be sent there."""
    if not endpoint or endpoint.startswith("/"):
        return SPARQL_PAGE_CSP
    parts = urllib.parse.urlsplit(endpoint)
    origin = f"{parts.scheme}://{parts.netloc}"
    return SPARQL_PAGE_CSP.replace("connect-src 'self'", f"connect-src 'self' {origin}").replace(
        "form-action 'self'", f"form-action 'self' {origin}")


@dataclass
class Config:
    base: str = DEFAULT_BASE
    query_timeout: float = 10.0
    max_rows: int = 10_000
    query_workers: int = 2
    title: str = "newsgraph"
    cache_bytes: int = 32 << 20  #: the server's cache of documents made (pages, RDF), in bytes
    #: A folder the workers of one server (``newsgraph serve --workers N``) share the
    #: documents they made through, and how many workers share it.
    shared_cache: str | None = None
    workers: int = 1
    #: The documents folder (``newsgraph serve --documents``, :mod:`newsgraph.serve.documents`):
    #: documents made are kept there for good, and looked for there before being made.
    documents: str | None = None
    #: The one address (``http://host:port``) whose landing page, dataset description and
    #: sitemap (which name it) are kept in the documents folder; for others, memory only.
    document_origin: str | None = None
    #: Prerendering processes only: the segment of the documents folder's pack
    #: (:mod:`newsgraph.serve.pack`) the documents they make are appended to.
    document_segment: str | None = None


def _safe_href(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL that can go in an href, else None (no javascript:, data:, …)."""
    if not url:
        return None
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:  # "http://[" in an article's data: no link
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(c in url for c in "\"'<>\\ \t\n\r"):
        return None
    return url.strip()


def _json_for_script(data: bytes | str | dict | list) -> Markup:
    """JSON to put in a <script type="application/ld+json"> block: '<', '>' and '&' escaped as
    \\u003c etc., so no string in it can close the element or open a comment. (In JSON these
    characters can only be inside strings, where the escapes mean the same characters.) JSON
    text (what the JSON-LD writer gives) is escaped as it is, without parsing it again."""
    if isinstance(data, bytes):
        text = data.decode("utf-8")
    elif isinstance(data, str):
        text = data
    else:
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class Site:
    """The data, the URL space and the renderers (the server's state; the static site's too)."""

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
        self.ontology_ttl = resource_bytes("ontology.ttl")
        self.ontology = ontology_doc(self.ontology_ttl)
        self.shapes = shapes_doc(self.shapes_ttl)
        self.ontology_path = urllib.parse.urlsplit(self.ontology.iri).path
        self.shapes_path = urllib.parse.urlsplit(self.shapes.iri).path
        # The templates are the package's own: compiled once, never looked at again on disk.
        self.env = Environment(loader=FileSystemLoader(str(HERE / "templates")), auto_reload=False,
                               autoescape=select_autoescape(default=True, default_for_string=True))
        self.env.globals.update(href=self.href, label=self.graph.label, site=self, version=__version__,
                                short=self.short, external=_safe_href)
        self.env.filters["short"] = self.short
        self._cache: dict[str, object] = {}
        self._cache_lock = threading.Lock()
        self._cache_locks: dict[str, threading.Lock] = {}

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

    def serialise(self, triples, form: n.Form) -> bytes:
        """``triples`` (a list, or a :class:`describe.Description`) in ``form``."""
        if isinstance(triples, d.Description):
            if form is n.NTRIPLES:
                return triples.nt  # written when it was made, in the same order
            triples = triples.triples
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
        """``make()``, made once (the data does not change while a site is served or written);
        a request that needs it while another makes it waits instead of making it again."""
        try:
            return self._cache[key]
        except KeyError:
            pass
        with self._cache_lock:
            lock = self._cache_locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._cache:
                self._cache[key] = make()
        return self._cache[key]

    def ledgers(self) -> list[d.Ledger]:
        return self.cached("ledgers", lambda: d.ledgers(self.graph))

    def ledger_of(self, stat: dict) -> d.Ledger | None:
        """The claims ledger of a statistic (:meth:`describe.Graph.statistic`)."""
        if not stat["counts"]:
            return None
        by_key = self.cached("ledger-by-key", lambda: {lg.key: lg for lg in self.ledgers()})
        return by_key.get(d.ledger_key(stat))

    def ledger_href(self, slug: str) -> str:
        return self.ledger_path + urllib.parse.quote(slug)

    def resources(self) -> list[str]:
        """Every IRI under the base that has a document of its own (what the server answers
        for): the IRIs of the data under the base, but the base itself and IRIs with a
        fragment, sorted."""
        found = set()
        for q in self.dataset.store.quads_for_pattern(None, None, None, None):
            for term in (q.subject, q.object):
                if isinstance(term, ox.NamedNode) and term.value.startswith(self.base):
                    found.add(term.value)
        return sorted(i for i in found if len(i) > len(self.base) and "#" not in i[len(self.base):])


def write_dump(site: Site, name: str, path: Path) -> str:
    """Write the dump ``name`` (a key of :data:`DUMPS`) to ``path`` (through a temporary file
    beside it); returns its ETag."""
    fmt, _ = DUMPS[name]
    tmp = path.with_name(path.name + ".part")
    kwargs = {"prefixes": dict(d.PREFIXES)} if fmt == ox.RdfFormat.TRIG else {}
    # Without the default graph when it is the union made when files were read.
    skip_default = not site.dataset.union_default
    quads = (site.graph.restore.quad(q) for q in site.dataset.store.quads_for_pattern(None, None, None, None)
             if not (skip_default and isinstance(q.graph_name, ox.DefaultGraph)))
    ox.serialize(quads, str(tmp), format=fmt, **kwargs)
    digest = hashlib.sha256()
    with open(tmp, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    os.replace(tmp, path)
    return f'"{digest.hexdigest()[:32]}"'


# ---------------------------------------------------------------------------- resource documents


def alternates(site: Site, iri: str) -> list[tuple[str, str]]:
    return [(f.media_type, site.href(iri, f.key)) for f in (n.TURTLE, n.JSONLD, n.NTRIPLES)]


def _page_context(site: Site, iri: str, triples: list) -> dict:
    return {"iri": iri, "jsonld": _json_for_script(site.serialise(triples, n.JSONLD)),
            "alternates": alternates(site, iri), "title": site.graph.label(iri)}


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
            ctx["ledger"] = site.ledger_of(stat)
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
        articles = g.mentioning_articles(iri)  # newest first
        # An entity named in many articles (a minister in every issue) has a page as long as
        # one named in a few: the facts of its newest articles, and a query for all of them.
        sources = [a["iri"] for a in articles[:ENTITY_PAGE_ARTICLES]] if len(articles) > ENTITY_PAGE_ARTICLES else None
        ctx.update(kind=entity_kind, names=g.names(iri), articles=articles[:ENTITY_PAGE_ARTICLES],
                   articles_total=len(articles), every_fact=_every_fact_query(iri) if sources else None)
        ctx["roles"] = g.roles(member=iri, sources=sources) if entity_kind == "person" else []
        ctx["statements"] = g.statements(iri, sources) if entity_kind == "person" else []
        ctx["claimed"] = g.statistics(claimed_by=iri, sources=sources)
        ctx["about"] = g.statistics(about=iri, sources=sources)
        ctx["office_holders"] = g.roles(post=iri, sources=sources) if entity_kind == "office" else []
        ctx["roles_of"] = g.roles(role_of=iri, sources=sources) if entity_kind != "person" else []
        ctx["offices"] = g.offices(iri)
        ctx["members"] = g.memberships(coalition=iri, sources=sources) if entity_kind == "coalition" else []
        ctx["member_of"] = g.memberships(member=iri, sources=sources)
        return site.render("entity.html", **ctx)
    ctx.update(props=_properties(site, iri, triples), incoming=g.incoming(iri))
    if d.NG + "TextAnchor" in types:
        article = g.one(iri, d.NG + "inArticle")
        start, end = g.one(iri, d.OA + "start"), g.one(iri, d.OA + "end")
        if article and start and end:
            # The article page marks the anchors of its facts; a mere mention of a name is not
            # marked there, so its page links to the article, not to characters it has no id for.
            marked = any(p == d.NG + "anchor" and g.fact_kind(s) and g.article_of(s) == article
                         for s, p in ctx["incoming"])
            ctx["anchor_marked"] = marked
            ctx["anchor_link"] = site.anchor_href(article, int(start), int(end)) if marked else site.href(article)
    return site.render("generic.html", **ctx)


#: An entity page lists the facts of the entity's newest articles, at most this many.
ENTITY_PAGE_ARTICLES = 10


def _every_fact_query(iri: str) -> str:
    """The query page's address for every fact naming ``iri``, with its article and date."""
    node = str(ox.NamedNode(iri))
    query = (f"# Every fact naming {node}, newest first\n"
             f"SELECT ?fact ?type ?article ?date WHERE {{\n"
             f"  ?fact ?p {node} ; a ?type ; <{d.PROV}wasDerivedFrom> ?article .\n"
             f"  OPTIONAL {{ ?article <{d.SCHEMA}datePublished> ?date }}\n"
             f"}} ORDER BY DESC(?date) ?fact")
    return SPARQL_PATH + "?" + urllib.parse.urlencode({"query": query})


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


def resource_document(site: Site, iri: str, form: n.Form) -> bytes:
    """The document about ``iri`` in ``form``: its description as Turtle, JSON-LD or
    N-Triples, or its HTML page (which embeds the description as JSON-LD)."""
    triples = site.graph.describe(iri)
    if form is n.HTML:
        return resource_html(site, iri, triples)
    return site.serialise(triples, form)


def resource_documents(site: Site, iri: str) -> dict[n.Form, bytes]:
    """Every document about ``iri`` (:func:`resource_document` of each form), described once."""
    triples = site.graph.describe(iri)
    return {form: resource_html(site, iri, triples) if form is n.HTML else site.serialise(triples, form)
            for form in n.RESOURCE_FORMS}


# ---------------------------------------------------------------------------- other pages


def home_page(site: Site, origin: str) -> bytes:
    body = site.render("home.html", counts=site.counts(), articles=site.graph.articles(limit=20),
                       ledgers=site.ledgers()[:10], jsonld=_json_for_script(schema_dataset(site, origin)),
                       title=site.config.title)
    return body


def search_page(site: Site, q: str) -> bytes:
    """The search page for ``q`` (at most 200 characters), answered on the server."""
    q = q.strip()[:200]
    results = site.graph.search(q) if len(q) >= 2 else []
    return site.render("search.html", q=q, results=results, title=f"Search: {q}" if q else "Search")


def static_search_page(site: Site) -> bytes:
    """The search page of a static site: the same form; the results are found in the browser
    from :func:`search_index` (the page says so when scripts do not run)."""
    return site.render("search.html", q="", results=[], title="Search", static=True)


def search_index(site: Site) -> bytes:
    """What the static site's search looks through: the rows the server's search matches
    (names, alternate names, labels, headlines, words of quotes and claims), as JSON."""
    rows = [{"href": href, "label": r["label"], "text": r["text"], "how": r["how"]}
            for r in site.graph.searchable() if (href := site.href(r["iri"]))]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def ledger_index_page(site: Site) -> bytes:
    return site.render("ledger_index.html", ledgers=site.ledgers(), title="Claims ledger")


def ledger_page(site: Site, slug: str) -> bytes | None:
    """The claims ledger named ``slug``, None when there is none."""
    found = next((lg for lg in site.ledgers() if lg.slug == slug), None)
    if found is None:
        return None
    g = site.graph
    rows = []
    for r in map(g.statistic, found.statistics):
        who = g.label(r["claimed_by"]) if r["claimed_by"] else None
        rows.append({**r, "who": who, "href": site.href(r["iri"])})
    title = found.counts + (f" per {found.per}" if found.per else "")
    if found.about:
        title += f" ({g.label(found.about)})"
    return site.render("ledger.html", ledger=found, rows=rows, chart=chart_svg(rows, title), title=title)


def vocabulary_document(site: Site, which: str, form: n.Form) -> bytes:
    """The ontology (``which="ontology"``) or the shapes (``"shapes"``) in ``form``."""
    doc, turtle = (site.ontology, site.ontology_ttl) if which == "ontology" else (site.shapes, site.shapes_ttl)
    if form is n.TURTLE:
        return turtle
    if form is n.HTML:
        return site.cached(f"{which}.html", lambda: site.render(f"{which}.html", doc=doc, title=doc.title))
    return site.cached(f"{which}.{form.key}", lambda: ox.serialize(
        _numbered_blank_nodes(ox.parse(turtle, format=ox.RdfFormat.TURTLE)),
        format=ox.RdfFormat.JSON_LD if form is n.JSONLD else ox.RdfFormat.N_TRIPLES))


def _numbered_blank_nodes(triples) -> list:
    """The triples with their blank nodes named b0, b1… in the order they appear (the parser
    gives them random names), so the same file always gives the same bytes."""
    names: dict = {}

    def term(t):
        if isinstance(t, ox.BlankNode):
            if t not in names:
                names[t] = ox.BlankNode(f"b{len(names)}")
            return names[t]
        return t

    return [ox.Triple(term(t.subject), t.predicate, term(t.object)) for t in triples]


def error_page(site: Site, status: int, title: str, message: str) -> bytes:
    return site.render("error.html", title=title, message=message, status=status)


def sparql_page(site: Site, query: str | None = None, answer=None, error: str | None = None, *,
                endpoint: str | None = SPARQL_PATH, static: bool = False) -> bytes:
    """The query page. On the server (``static=False``) its form and editor send queries to
    ``endpoint`` (``/sparql``, which answers a browser with this page and a table). On a
    static site, ``endpoint`` is an endpoint elsewhere (the editor and the form send
    queries there), or None: the page then says that there is none, and shows the competency
    questions as text."""
    examples = [(name, cq_query(name)) for name in cq_names()]
    rows = []
    if answer is not None and answer.kind in ("select", "graph"):
        for row in answer.rows:
            if answer.kind == "graph":
                row = (row.subject, row.predicate, row.object)
            rows.append([_cell(site, t) for t in row])
    return site.render("sparql.html", query=query or (examples[0][1] if examples else ""), answer=answer,
                       rows=rows, error=error, examples=examples, title="SPARQL", timeout=site.config.query_timeout,
                       max_rows=site.config.max_rows, endpoint=endpoint, static=static)


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


def void_triples(site: Site, origin: str, endpoint: str | None) -> list[ox.Triple]:
    """The dataset description: VoID, DCAT and schema.org. ``endpoint``: the SPARQL endpoint's
    URL, None for a site that has none."""
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
                 (VOID + "uriSpace", L(site.base)), (VOID + "sparqlEndpoint", N(endpoint) if endpoint else None),
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
    if endpoint:
        service = N(endpoint)
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


def schema_dataset(site: Site, origin: str) -> dict:
    """The landing page's schema.org Dataset, compact, with an inline context (nothing to fetch)."""
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


def dataset_document(site: Site, origin: str, endpoint: str | None, form: n.Form) -> bytes:
    """The dataset description (:func:`void_triples`) in ``form``; as HTML, a page."""
    triples = void_triples(site, origin, endpoint)
    if form is not n.HTML:
        return site.serialise(triples, form)
    return site.render("dataset.html", counts=site.counts(), classes=site.graph.class_counts(),
                       licences=site.graph.licences(), origin=origin, dumps=DUMPS, endpoint=endpoint,
                       jsonld=_json_for_script(site.serialise(triples, n.JSONLD)), title="Dataset",
                       alternates=[(f.media_type, f"{VOID_PATH}.{f.key}") for f in (n.TURTLE, n.JSONLD, n.NTRIPLES)])


def sitemap_xml(site: Site, origin: str) -> bytes:
    """Every article, entity and fact page, the ledgers and the main pages."""
    urls = [origin + "/", origin + site.ledger_path, origin + SPARQL_PATH, origin + site.ontology_path]
    kinds = set(d.ENTITY_KINDS) | set(d.FACT_KINDS) | {d.SCHEMA + "NewsArticle"}
    for iri in site.graph.subjects_under(site.base, 50_000):
        if kinds & site.graph.kinds(iri):
            urls.append(origin + site.href(iri))
    urls += [origin + site.ledger_href(lg.slug) for lg in site.ledgers()]
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "".join(f"<url><loc>{xml_escape(u)}</loc></url>\n" for u in urls[:50_000]) + "</urlset>\n")
    return body.encode("utf-8")


def robots_txt(origin: str) -> bytes:
    return f"User-agent: *\nDisallow: {SPARQL_PATH}\nSitemap: {origin}/sitemap.xml\n".encode("utf-8")
