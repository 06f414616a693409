"""`newsgraph site`: the static site, against the live server and behind real web servers.

The sample graph is served by `newsgraph serve` (Uvicorn on loopback) and written as a static
site by `build_site` with ``url`` set to the server's address and ``sparql_endpoint`` to its
endpoint, so that every file must hold the very bytes the server answers for its URL. The
site is then served by nginx and by Apache httpd with the rules it comes with (each skipped,
saying why, when not installed).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

sys.path.insert(0, str(Path(__file__).parent))
from serve_support import BASE, SAMPLE, LiveServer  # noqa: E402
from site_support import Apache, Nginx, readable_copy_dir  # noqa: E402

from newsgraph.serve import read_files  # noqa: E402
from newsgraph.serve.static_site import MARKER, SiteUsageError, build_site, check_url  # noqa: E402

UMEROV = BASE + "person/rustem-umerov"
A = BASE + "article/umerov-ramstein-2024"
RDF_FORMS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}
FORMS = ("html", *RDF_FORMS)


@pytest.fixture(scope="module")
def server():
    with LiveServer([SAMPLE]) as live:
        yield live


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def site(server):
    # A folder every user can read: Apache, started as root, serves as www-data.
    parent = readable_copy_dir()
    folder = parent / "site"
    build_site(read_files([SAMPLE]), folder, url=server.url + "/", sparql_endpoint=server.url + "/sparql")
    yield folder
    shutil.rmtree(parent, ignore_errors=True)


@pytest.fixture(scope="module")
def sample() -> Graph:
    return Graph().parse(SAMPLE, format="turtle")


def resource_iris(g: Graph) -> list[str]:
    """Every IRI under the base in the sample (subject or object), read with rdflib."""
    iris = {str(t) for triple in g for t in (triple[0], triple[2])
            if isinstance(t, URIRef) and str(t).startswith(BASE) and str(t) != BASE}
    return sorted(iris)


def path_of(iri: str) -> str:
    return urllib.parse.urlsplit(iri).path


# ------------------------------------------------------------------ the files


def test_every_resource_iri_has_its_four_files(site, sample):
    iris = resource_iris(sample)
    assert len(iris) > 150 and UMEROV in iris
    for iri in iris:
        for ext in FORMS:
            assert (site / (path_of(iri).lstrip("/") + "." + ext)).is_file(), (iri, ext)


def test_every_page_is_the_bytes_the_server_gives(site, sample, http):
    for iri in resource_iris(sample):
        for ext in FORMS:
            url = f"{path_of(iri)}.{ext}"
            r = http.get(url)
            assert r.status_code == 200, url
            assert (site / url.lstrip("/")).read_bytes() == r.content, url
    # The pages outside the base, the documents that are their own IRI, the dumps, the assets.
    same = {"index.html": "/", "404.html": "/no/such/page", "newsgraph/ledger/index.html": "/newsgraph/ledger/",
            "sitemap.xml": "/sitemap.xml", "robots.txt": "/robots.txt",
            "download/newsgraph.trig": "/download/newsgraph.trig", "download/newsgraph.nq": "/download/newsgraph.nq",
            "static/style.css": "/static/style.css", "static/sparql.js": "/static/sparql.js",
            "static/vendor/yasgui/yasgui.min.js": "/static/vendor/yasgui/yasgui.min.js"}
    for ext in FORMS:
        for doc in ("newsgraph/ontology", "newsgraph/shapes", ".well-known/void"):
            same[f"{doc}.{ext}"] = f"/{doc}.{ext}"
    ledgers = sorted((site / "newsgraph" / "ledger").glob("*.html"))
    assert len(ledgers) > 3
    for page in ledgers:
        if page.name != "index.html":
            same[f"newsgraph/ledger/{page.name}"] = f"/newsgraph/ledger/{page.stem}"
    for file, url in same.items():
        r = http.get(url, headers={"accept": "text/html"})
        assert r.status_code == (404 if file == "404.html" else 200), url
        assert (site / file).read_bytes() == r.content, file
    # Two pages differ by nature: the query page (the server's sends queries to itself; the
    # site's says where they go, or that there is no endpoint) and the search page (the server
    # searches; the site's page searches in the browser). Both are checked below.


def test_every_rdf_file_parses_and_is_isomorphic_to_the_servers_answer(site, sample, http):
    for iri in resource_iris(sample):
        for ext, fmt in RDF_FORMS.items():
            answer = http.get(path_of(iri), headers={"accept": {"ttl": "text/turtle", "jsonld": "application/ld+json",
                                                                "nt": "application/n-triples"}[ext]},
                              follow_redirects=True)
            assert answer.status_code == 200 and answer.url.path == f"{path_of(iri)}.{ext}"
            served = Graph().parse(data=answer.content, format=fmt)
            written = Graph().parse(site / f"{path_of(iri).lstrip('/')}.{ext}", format=fmt)
            assert len(written) > 0 and isomorphic(written, served), (iri, ext)


class Links(HTMLParser):
    """The addresses an HTML page refers to, and the ids it has."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src", "action"):
            if attrs.get(name):
                self.refs.append(attrs[name])


def _parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def resolve(site: Path, path: str) -> Path | None:
    """The file a site path is served from, by the site's rules: the file itself, a folder's
    index.html, a page's .html (pages without an extension, the documents that are their own
    IRI), or, for an IRI under the base, its document (after the 303)."""
    path = urllib.parse.unquote(path)
    candidates = [path + "index.html"] if path.endswith("/") else [path, path + ".html"]
    for c in candidates:
        f = site / c.lstrip("/")
        if f.is_file():
            return f
    return None


def test_every_internal_link_of_every_page_resolves_to_a_file(site, server):
    own = urllib.parse.urlsplit(server.url).netloc
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 170
    parsed = {p: _parse(p) for p in pages}
    broken, checked, fragments = [], 0, 0
    for page, links in parsed.items():
        page_url = "/" + page.relative_to(site).as_posix()
        for ref in links.refs:
            parts = urllib.parse.urlsplit(urllib.parse.urljoin(page_url, ref))
            if parts.scheme in ("http", "https") and parts.netloc != own:
                continue  # another site (Wikidata, a licence, the publisher)
            if parts.scheme not in ("", "http", "https"):
                broken.append((page_url, ref))  # javascript:, data: — never written by the pages
                continue
            target = resolve(site, parts.path or page_url)
            checked += 1
            if target is None:
                broken.append((page_url, ref))
            elif parts.fragment and target.suffix == ".html":
                fragments += 1
                if parts.fragment not in parsed[target].ids:
                    broken.append((page_url, ref + " (no such id)"))
    assert not broken, broken[:20]
    assert checked > 4000 and fragments > 50  # facts link to their characters in the article
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    assert index and all(resolve(site, row["href"]) for row in index if row["href"].startswith("/"))


def test_the_site_has_no_dangling_server_only_paths(site):
    """What the server answers on the fly and a file server cannot: none of it is linked to
    without a file or a rule behind it (search: the site's own page; the query page: its file)."""
    assert (site / "search.html").is_file() and (site / "sparql.html").is_file()
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'action="/search"' in html and 'href="/sparql"' in html


# ------------------------------------------------------------------ query and search pages


def test_query_page_with_an_endpoint_elsewhere(site, server):
    html = (site / "sparql.html").read_text(encoding="utf-8")
    assert f'data-endpoint="{server.url}/sparql"' in html
    assert f'<form id="plain-query" class="query" action="{server.url}/sparql"' in html
    assert '<script src="/static/vendor/yasgui/yasgui.min.js"' in html
    assert "no SPARQL endpoint" not in html
    rules = (site / "_server" / "nginx-http.conf").read_text()
    assert f"connect-src 'self' {server.url};" in rules and f"form-action 'self' {server.url};" in rules


def test_cli_without_an_endpoint_says_so_and_refuses_other_folders(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}

    def site(*args):
        return subprocess.run([sys.executable, "-m", "newsgraph", "site", *args], capture_output=True, text=True,
                              env=env, timeout=120)

    out = tmp_path / "site"
    r = site(str(SAMPLE), "-o", str(out), "--url", "https://news.example.org/")
    assert r.returncode == 0, r.stderr
    assert "172 resources" in r.stdout and str(out) in r.stdout
    html = (out / "sparql.html").read_text(encoding="utf-8")
    assert "This site has no SPARQL endpoint." in html
    assert "yasgui" not in html and "<form" not in html.split("<main>")[1]  # nothing that would send a query
    void = Graph().parse(out / ".well-known" / "void.ttl", format="turtle")
    ds = URIRef(BASE + "dataset")
    assert not list(void.objects(ds, URIRef("http://rdfs.org/ns/void#sparqlEndpoint")))
    assert (ds, URIRef("http://rdfs.org/ns/void#dataDump"), URIRef("https://news.example.org/download/newsgraph.nq")) in void
    assert "none: this is a static copy" in (out / ".well-known" / "void.html").read_text(encoding="utf-8")
    w3id = (out / "_server" / "w3id.org" / "newsgraph" / ".htaccess").read_text()
    assert "RewriteRule ^(.*)$ https://news.example.org/newsgraph/$1 [R=302,L]" in w3id
    # Again: the site is replaced, whole.
    (out / "stale.html").write_text("old")
    assert site(str(SAMPLE), "-o", str(out), "--url", "https://news.example.org").returncode == 0
    assert not (out / "stale.html").exists() and (out / MARKER).is_file()
    # A folder it did not write is never replaced; a bad --url is a usage error.
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    r = site(str(SAMPLE), "-o", str(other), "--url", "https://news.example.org/")
    assert r.returncode == 10 and "not written by `newsgraph site`" in r.stderr and "Traceback" not in r.stderr
    assert (other / "keep.txt").read_text() == "mine" and len(list(other.iterdir())) == 1
    r = site(str(SAMPLE), "-o", str(tmp_path / "x"), "--url", "https://news.example.org/sub/")
    assert r.returncode == 2 and "--url must be the root of a site" in r.stderr
    assert not (tmp_path / "x").exists()
    for url in ("news.example.org", "ftp://x/", "https://user:pw@news.example.org/", "https://x/?a=b", "https://[",
                "https://news.example.org:port/"):
        with pytest.raises(SiteUsageError):
            check_url(url)
    assert check_url("https://news.example.org:8443/") == "https://news.example.org:8443"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folder left


def test_cli_publishes_an_embedded_store(tmp_path):
    from newsgraph.store import load

    store = tmp_path / "store"
    load([SAMPLE], store=store)
    from newsgraph.serve import open_dataset

    report = build_site(open_dataset([store]), tmp_path / "site", url="https://news.example.org/")
    assert report.resources == 172
    written = Graph().parse(tmp_path / "site" / (path_of(UMEROV).lstrip("/") + ".ttl"), format="turtle")
    from_files = Graph().parse(data=(tmp_path / "site" / (path_of(UMEROV).lstrip("/") + ".nt")).read_bytes(),
                               format="nt")
    assert isomorphic(written, from_files) and (URIRef(UMEROV), None, None) in written


# ------------------------------------------------------------------ behind real web servers


#: (Accept, the document the server sends a client to) where the rules and the server agree.
NEGOTIATION = [("text/turtle", "ttl"), ("application/ld+json", "jsonld"), ("application/n-triples", "nt"),
               ("text/html", "html"), (None, "html"), ("*/*", "html"),
               ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),
               ("text/turtle, application/n-triples;q=0.5", "ttl"),
               ("application/ld+json, application/json;q=0.9, */*;q=0.1", "jsonld")]


def _check_web_server(url: str, site: Path, http: httpx.Client) -> None:
    with httpx.Client(base_url=url, timeout=10) as web:
        for iri in (UMEROV, A, A + "/quote/3d3d03ee205d"):
            for accept, ext in NEGOTIATION:
                headers = {"accept": accept} if accept else {}
                r = web.get(path_of(iri), headers=headers)
                assert r.status_code == 303, (iri, accept, r.status_code)
                assert r.headers["location"].endswith(f"{path_of(iri)}.{ext}"), (accept, r.headers["location"])
                assert "Accept" in r.headers["vary"]
                server = http.get(path_of(iri), headers=headers)
                assert server.headers["location"] == f"{path_of(iri)}.{ext}"  # the same as the server
        r = web.get(path_of(UMEROV), headers={"accept": "text/turtle"}, follow_redirects=True)
        assert r.status_code == 200 and r.headers["content-type"] == "text/turtle; charset=utf-8"
        assert r.content == (site / (path_of(UMEROV).lstrip("/") + ".ttl")).read_bytes()
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "script-src 'self'" in r.headers["content-security-policy"]
        for ext, media_type in (("jsonld", "application/ld+json"), ("nt", "application/n-triples"),
                                ("html", "text/html")):
            r = web.get(f"{path_of(UMEROV)}.{ext}")
            assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media_type
        assert web.get(path_of(UMEROV), params={"format": "nt"}).headers["location"].endswith(
            path_of(UMEROV) + ".nt")
        assert web.get(path_of(UMEROV), params={"format": "xml"}).status_code == 406
        assert web.get(path_of(BASE + "person/nobody"), headers={"accept": "text/turtle"}).status_code == 404
        assert web.get(path_of(BASE + "dataset"), headers={"accept": "text/turtle"}).headers["location"].endswith(
            "/.well-known/void.ttl")
        for doc in ("/newsgraph/ontology", "/.well-known/void"):
            r = web.get(doc, headers={"accept": "text/turtle"})
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
            assert "Accept" in r.headers["vary"] and Graph().parse(data=r.text, format="turtle")
            assert web.get(doc).headers["content-type"].startswith("text/html")
        ledger = next(p.stem for p in (site / "newsgraph" / "ledger").glob("*.html") if p.name != "index.html")
        for page in ("/", "/sparql", "/search?q=umerov", "/newsgraph/ledger/", f"/newsgraph/ledger/{ledger}"):
            r = web.get(page)
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), page
        assert "'unsafe-inline'" in web.get("/sparql").headers["content-security-policy"]
        assert "'unsafe-inline'" not in web.get("/").headers["content-security-policy"]
        for hidden in ("/_server/nginx-http.conf", "/.htaccess", "/" + MARKER, "/no/such/page"):
            r = web.get(hidden)
            assert r.status_code == 404 and "Nothing is served at this address" in r.text, hidden
        assert web.get("/download/newsgraph.trig").headers["content-type"].startswith("application/trig")


def test_nginx_serves_the_site_with_its_rules(site, http):
    with Nginx(site) as nginx:
        _check_web_server(nginx.url, site, http)


def test_apache_serves_the_site_with_its_htaccess_and_the_w3id_rule_redirects(site, http, server):
    with Apache(site, redirect_root=site / "_server" / "w3id.org") as apache:
        _check_web_server(apache.url, site, http)
        # The base's host (w3id.org, here Apache with the .htaccess written for it) sends an
        # IRI to the site, which answers it with 303 to its document.
        with httpx.Client(timeout=10) as client:
            r = client.get(apache.redirect_url + path_of(UMEROV), headers={"accept": "text/turtle"})
            assert r.status_code == 302 and r.headers["location"] == server.url + path_of(UMEROV)
            r = client.get(r.headers["location"], headers={"accept": "text/turtle"})
            assert r.status_code == 303 and r.headers["location"] == path_of(UMEROV) + ".ttl"


def test_rules_are_written_for_another_base(tmp_path):
    base = "https://data.example.org/news/id/"
    report = build_site(read_files([SAMPLE]), tmp_path / "site", url="https://site.example.org", base=base)
    assert report.resources == 0 and report.files > 10  # the sample's IRIs are not under this base
    nginx = (tmp_path / "site" / "_server" / "nginx-server.conf").read_text()
    assert "location /news/id/ {" in nginx and "location = /news/id/dataset {" in nginx
    htaccess = (tmp_path / "site" / ".htaccess").read_text()
    assert re.search(r"RewriteRule \^\(news/id/\.\+\)\$ /\$1\.%\{ENV:NEWSGRAPH_FORM\}", htaccess)
    assert (tmp_path / "site" / "_server" / "data.example.org" / "news" / ".htaccess").is_file()


def test_a_link_the_data_gives_that_urlsplit_cannot_take_is_no_link():
    """An article's url or an IRI in loaded data such as "http://[" renders as no link, not a 500."""
    from newsgraph.serve.pages import _safe_href

    assert _safe_href("http://[") is None and _safe_href("https://[::1") is None
    assert _safe_href("https://news.example.org/a") == "https://news.example.org/a"
