"""`newsgraph serve` over HTTP: a real Uvicorn server on loopback, asked with httpx.

The data: the committed sample graph, three articles built here with the real pipeline (a
hostile one, two dated ones) and a hand-made graph holding what the pipeline would refuse.
Every RDF answer is compared with the description computed independently with rdflib.
"""

from __future__ import annotations

import contextlib
import hashlib
import csv
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic

from serve_support import BASE, SAMPLE, LiveServer, build_articles, expected_description, union_graph

from newsgraph.store import cq_query  # noqa: E402

pytestmark = pytest.mark.network

A = BASE + "article/umerov-ramstein-2024"
UMEROV = BASE + "person/rustem-umerov"
REZNIKOV = BASE + "person/oleksii-reznikov"
QUOTE = A + "/quote/3d3d03ee205d"
STATISTIC = A + "/statistic/0ec27c8929f4"
ROLE = A + "/role/3d05d00989bc"
IRIS = [UMEROV, A, QUOTE, STATISTIC, ROLE, A + "/membership/2f172ee62c16", A + "/anchor/1135-1316",
        BASE + "country/ukraine", BASE + "office/minister-of-defense-of-ukraine", BASE + "coalition/aviation-coalition",
        A + "/run/0.1.0", BASE + "person/mallory"]
FORMS = {"text/turtle": ("ttl", "turtle"), "application/ld+json": ("jsonld", "json-ld"),
         "application/n-triples": ("nt", "nt")}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return [SAMPLE, *build_articles(tmp_path_factory.mktemp("serve-data"))]


@pytest.fixture(scope="module")
def published(files) -> Graph:
    return union_graph(files)


@pytest.fixture(scope="module")
def server(files):
    with LiveServer(files) as live:
        yield live


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def path_of(iri: str) -> str:
    assert iri.startswith("https://w3id.org")
    return iri[len("https://w3id.org"):]


# ------------------------------------------------------------------ the built test data


def test_the_hostile_article_really_carries_markup_into_the_graph(published):
    texts = {str(o) for o in published.objects() if isinstance(o, Literal)}
    assert any("<script>alert(1)</script> is dangerous" == t.rstrip(",") for t in texts), "quote with <script>"
    assert any(t.startswith("Minister warns <script>") for t in texts), "headline with <script>"
    assert any('"><img src=x onerror=alert(1)>' in t and "javascript:alert(1)" in t for t in texts)


# ------------------------------------------------------------------ IRIs and negotiation


@pytest.mark.parametrize("accept,ext", [("text/html", "html"), ("text/turtle", "ttl"),
                                        ("application/ld+json", "jsonld"), ("application/n-triples", "nt"),
                                        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),
                                        ("text/turtle;q=0.5, application/ld+json", "jsonld"),
                                        ("*/*", "html"), (None, "html")])
def test_an_iri_answers_303_to_the_negotiated_document(http, accept, ext):
    headers = {"accept": accept} if accept else {}
    r = http.get(path_of(UMEROV), headers=headers)
    assert r.status_code == 303
    assert r.headers["location"] == path_of(UMEROV) + "." + ext
    assert r.headers["vary"] == "Accept"


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt", "html"])
def test_format_parameter_overrides_accept(http, fmt):
    r = http.get(path_of(QUOTE), params={"format": fmt}, headers={"accept": "text/turtle"})
    assert r.status_code == 303 and r.headers["location"].endswith("." + fmt)


@pytest.mark.parametrize("iri", IRIS)
@pytest.mark.parametrize("media_type", list(FORMS))
def test_every_rdf_answer_is_the_description_of_the_iri(http, published, iri, media_type):
    r = http.get(path_of(iri), headers={"accept": media_type}, follow_redirects=True)
    assert r.status_code == 200, r.text[:200]
    assert r.headers["content-type"].split(";")[0] == media_type
    served = Graph().parse(data=r.content, format=FORMS[media_type][1])
    expected = expected_description(published, iri)
    assert len(expected) > 3
    assert isomorphic(served, expected), _diff(served, expected)


def _diff(a: Graph, b: Graph) -> str:
    ia, ib = to_isomorphic(a), to_isomorphic(b)
    only_a = sorted(str(t) for t in ia - ib)[:5]
    only_b = sorted(str(t) for t in ib - ia)[:5]
    return f"served only: {only_a}; expected only: {only_b}"


def test_the_description_follows_blank_nodes_and_holds_anchors_and_labels(http, published):
    nt = http.get(path_of(BASE + "person/mallory") + ".nt").text
    assert "followed by the description" in nt  # from the blank node
    stat = Graph().parse(data=http.get(path_of(STATISTIC) + ".ttl").text, format="turtle")
    anchor = URIRef(A + "/anchor/13-25")
    assert (anchor, URIRef("http://www.w3.org/ns/oa#exact"), Literal("400 soldiers")) in stat
    assert (URIRef(UMEROV), URIRef("https://schema.org/name"), Literal("Rustem Umerov")) in stat


def test_not_acceptable(http):
    r = http.get(path_of(UMEROV), headers={"accept": "application/pdf"})
    assert r.status_code == 406
    assert "text/turtle" in r.text
    assert http.get(path_of(UMEROV), params={"format": "xml"}).status_code == 406
    assert http.get(path_of(UMEROV), headers={"accept": "text/turtle;q=0, text/html;q=0"}).status_code == 406


def test_unknown_iri_is_a_real_404(http):
    r = http.get(path_of(BASE + "person/nobody-at-all"), headers={"accept": "text/html"})
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "<h1>404 Not found</h1>" in r.text and "person/nobody-at-all" in r.text
    r = http.get(path_of(BASE + "person/nobody-at-all"), headers={"accept": "text/turtle"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/plain")
    assert http.get("/no/such/page", headers={"accept": "text/html"}).status_code == 404
    assert http.get(path_of(BASE + "person/nobody.ttl")).status_code == 404


def test_etag_and_conditional_get(http):
    for url in (path_of(UMEROV) + ".ttl", path_of(A) + ".html", "/newsgraph/ontology.ttl", "/.well-known/void"):
        first = http.get(url)
        assert first.status_code == 200
        etag = first.headers["etag"]
        assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
        again = http.get(url, headers={"if-none-match": etag})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["etag"] == etag
        assert http.get(url, headers={"if-none-match": '"other"'}).status_code == 200


def test_a_document_asked_again_is_the_same_answer(http):
    # The second answer comes from the server's cache, before routing (FastDocuments).
    url = path_of(A + "/anchor/13-25") + ".nt"
    first, again = http.get(url), http.get(url)
    assert first.status_code == again.status_code == 200 and again.content == first.content
    assert {k: v for k, v in again.headers.items() if k != "date"} == {k: v for k, v in first.headers.items()
                                                                     if k != "date"}
    assert "content-security-policy" in again.headers and "link" in again.headers
    head = http.head(url)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == first.headers["content-length"]
    assert http.get(url, headers={"if-none-match": first.headers["etag"]}).status_code == 304
    assert http.post(url).status_code == 405


def test_the_document_cache_keeps_to_its_budget():
    from newsgraph.serve.app import DocumentCache

    cache = DocumentCache(budget=1000)
    for i in range(10):
        cache.put(("iri", i), bytes(200))
    assert cache.size <= 1000 and list(cache.items) == [("iri", i) for i in range(5, 10)]
    cache.get(("iri", 5))  # used: now the most recent
    cache.put(("iri", 10), bytes(200))
    assert ("iri", 5) in cache.items and ("iri", 6) not in cache.items
    body, etag, _ = cache.put(("big",), bytes(300))  # over a quarter of the budget: answered, not kept
    assert body == bytes(300) and re.fullmatch(r'"[0-9a-f]{32}"', etag) and ("big",) not in cache.items


def test_workers_share_the_documents_they_made_through_files(tmp_path):
    from newsgraph.serve.app import SharedDocuments

    one, other = SharedDocuments(str(tmp_path), budget=1000), SharedDocuments(str(tmp_path), budget=1000)
    headers = [(b"content-type", b"text/turtle; charset=utf-8"), (b"etag", b'"abc"')]
    one.put(("https://example.org/x", "ttl"), [b"<a> <b> <c> .\n", '"abc"', headers])
    assert other.get(("https://example.org/x", "ttl")) == [b"<a> <b> <c> .\n", '"abc"', headers]
    assert other.get(("https://example.org/x", "nt")) is None
    one.put(("home", "http://h"), [bytes(10), '"e"', None])
    assert other.get(("home", "http://h")) == [bytes(10), '"e"', None]
    for i in range(6):  # 200 bytes each: the oldest of one's own files go beyond its budget
        one.put(("iri", i), [bytes(200), '"x"', None])
    assert one.size <= 1000
    assert other.get(("https://example.org/x", "ttl")) is None and other.get(("iri", 5)) is not None
    one.put(("big",), [bytes(300), '"b"', None])  # over a quarter of the budget: not shared
    assert other.get(("big",)) is None
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no half-written file left


def test_documents_link_to_their_other_forms(http):
    r = http.get(path_of(QUOTE) + ".ttl")
    assert f'<{path_of(QUOTE)}.jsonld>; rel="alternate"; type="application/ld+json"' in r.headers["link"]
    assert f'<{QUOTE}>; rel="describes"' in r.headers["link"]


# ------------------------------------------------------------------ HTML pages


def _jsonld_blocks(html: str) -> list[str]:
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)


@pytest.mark.parametrize("iri", IRIS)
def test_pages_embed_their_description_as_json_ld_and_link_the_rdf_forms(http, published, iri):
    html = http.get(path_of(iri) + ".html").text
    blocks = _jsonld_blocks(html)
    assert len(blocks) == 1
    embedded = Graph().parse(data=blocks[0], format="json-ld")
    assert isomorphic(embedded, expected_description(published, iri))
    for media_type, ext in (("text/turtle", "ttl"), ("application/ld+json", "jsonld"),
                            ("application/n-triples", "nt")):
        assert f'<link rel="alternate" type="{media_type}" href="{path_of(iri)}.{ext}">' in html


def test_article_page_marks_every_fact_anchor_and_links_it(http, published):
    html = http.get(path_of(A) + ".html").text
    ng = "https://w3id.org/newsgraph/ontology#"
    facts = {s for s, _, _ in published.triples((None, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), URIRef(A)))}
    anchors = {(fact, a) for fact in facts for a in published.objects(fact, URIRef(ng + "anchor"))}
    assert len(anchors) > 20
    for fact, anchor in anchors:
        start, end = str(anchor).rsplit("/", 1)[-1].split("-")
        assert f'<mark id="anchor-{start}-{end}"' in html, anchor
    # The quote's characters link to the quote's page, and its mark has the anchor id.
    mark = re.search(r'<mark id="anchor-1135-1316" class="([^"]*)"[^>]*>(.*?)</mark>', html, re.S)
    assert mark and "quote" in mark.group(1)
    assert f'href="{path_of(QUOTE)}.html"' in mark.group(2)
    # The statistic inside the quote is a mark inside it, linking to the statistic.
    assert '<mark id="anchor-1145-1172"' in mark.group(2)


def test_fact_pages_link_back_to_their_characters(http):
    for iri, fragment in ((QUOTE, "anchor-1135-1316"), (STATISTIC, "anchor-647-673"), (ROLE, "anchor-3685-3731")):
        html = http.get(path_of(iri) + ".html").text
        assert f'href="{path_of(A)}.html#{fragment}"' in html, iri
    html = http.get(path_of(STATISTIC) + ".html").text
    assert "approximately" in html and "square kilometer" in html
    assert "<mark>approximately 400 soldiers</mark>" in html  # its sentence, the span marked


def test_person_page_shows_roles_with_dates_predecessor_and_successor(http):
    html = http.get(path_of(UMEROV) + ".html").text
    assert '<time datetime="2023-09">2023-09</time>' in html
    assert f'Predecessor: <a href="{path_of(REZNIKOV)}.html">Oleksii Reznikov</a>' in html
    assert "Minister of Defense of Ukraine" in html
    assert "Despite a sixfold artillery advantage" in html  # a quote
    assert "Drone attacks rise again" in html  # an article of another file: across the store
    reznikov = http.get(path_of(REZNIKOV) + ".html").text
    assert f'Successor: <a href="{path_of(UMEROV)}.html">Rustem Umerov</a>' in reznikov
    assert 'href="http://www.wikidata.org/entity/Q4392444"' in reznikov


def test_a_person_named_in_more_articles_than_a_page_lists_shows_the_newest_and_a_query_for_all(
        server, published, monkeypatch):
    from newsgraph.serve import negotiation as n
    from newsgraph.serve import pages

    site = server.app.state.site
    full = re.sub(r"<script.*?</script>", "", pages.resource_document(site, UMEROV, n.HTML).decode(), flags=re.S)
    assert "Despite a sixfold artillery advantage" in full and "Our air defense is getting stronger" in full
    assert "this page shows the facts" not in full
    monkeypatch.setattr(pages, "ENTITY_PAGE_ARTICLES", 1)  # Umerov is named in three articles
    html = pages.resource_document(site, UMEROV, n.HTML).decode()
    shown = re.sub(r"<script.*?</script>", "", html, flags=re.S)  # the description's anchors quote the text
    assert "Named in 3 articles: this page shows the facts of the 1 most recent" in html
    assert "Our air defense is getting stronger" in shown  # 2024-06-10, the newest
    assert "Despite a sixfold artillery advantage" not in shown and "We shot down most of them" not in shown
    assert "Drone attacks rise again" in shown and "Drone attacks rise, minister says" not in shown
    # The page still embeds the whole description, and its query finds every fact.
    embedded = Graph().parse(data=_jsonld_blocks(html)[0], format="json-ld")
    assert isomorphic(embedded, expected_description(published, UMEROV))
    link = re.search(r'<a href="(/sparql\?query=[^"]+)">Every fact naming', html).group(1)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(link.replace("&amp;", "&")).query)["query"][0]
    facts = {str(r[0]) for r in published.query(query)}
    speaker = URIRef("https://w3id.org/newsgraph/ontology#speaker")
    assert {str(q) for q in published.subjects(speaker, URIRef(UMEROV))} <= facts
    assert len({f.split("/")[6] for f in facts}) == 3  # from the three articles


def test_coalition_country_and_office_pages(http):
    html = http.get(path_of(BASE + "coalition/aviation-coalition") + ".html").text
    for country in ("Denmark", "Netherlands", "United States"):
        assert re.search(rf">{country}</a></td><td>leads</td>", html), country
    html = http.get(path_of(BASE + "country/germany") + ".html").text
    assert re.search(r">Armored Coalition</a></td><td>leads</td>", html)
    html = http.get(path_of(BASE + "office/minister-of-defense-of-ukraine") + ".html").text
    assert "Held by" in html and "Rustem Umerov" in html and "Oleksii Reznikov" in html
    html = http.get(path_of(BASE + "country/ukraine") + ".html").text
    assert "Offices and who held them" in html


def test_claims_ledger_orders_claims_by_date_and_draws_them(http):
    index = http.get("/newsgraph/ledger/").text
    slug = "shahed-drones--about-russia--in-month--count"
    assert f'href="/newsgraph/ledger/{slug}"' in index
    html = http.get(f"/newsgraph/ledger/{slug}").text
    dates = re.findall(r'<td><time datetime="([\d-]+)">', html)
    assert dates == ["2024-01-15", "2024-06-10"]
    assert html.index(">300</strong>") < html.index(">800</strong>")
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert svg.count("<polygon") == 2  # two "more than" markers
    assert "2024-01-15" in svg and "2024-06-10" in svg
    ET.fromstring(svg)  # well-formed
    assert http.get("/newsgraph/ledger/no-such-thing").status_code == 404
    stat_page = http.get(path_of(STATISTIC) + ".html").text
    assert "/newsgraph/ledger/soldiers--per-square-kilometer--about-russia--count" in stat_page


def test_landing_and_search(http):
    html = http.get("/").text
    assert "Russia loses 400 soldiers per square kilometer" in html
    assert re.search(r"<strong>5</strong> articles", html)
    dataset = json.loads(_jsonld_blocks(html)[0])
    assert dataset["@type"] == "Dataset" and dataset["@context"] == {"@vocab": "https://schema.org/"}
    assert len(dataset["distribution"]) == 2
    html = http.get("/search", params={"q": "umerov"}).text
    assert f'href="{path_of(UMEROV)}.html"' in html
    html = http.get("/search", params={"q": "six"}).text
    assert path_of(QUOTE) in html  # words of a quote
    html = http.get("/search", params={"q": "<script>"}).text
    assert "&lt;script&gt;" in html and "<script>alert" not in html


# ------------------------------------------------------------------ hostile data


def test_article_derived_strings_are_escaped_everywhere(http):
    pages = [http.get("/").text, http.get("/search", params={"q": "minister"}).text]
    for path in ("article/hostile", "person/john-smith", "person/mallory", "article/handmade"):
        r = http.get("/newsgraph/id/" + path + ".html")
        assert r.status_code == 200, path
        pages.append(r.text)
    quote = next(iri for iri in re.findall(r'href="(/newsgraph/id/article/hostile/quote/[0-9a-f]+)\.html"', pages[2]))
    pages.append(http.get(quote + ".html").text)
    for html in pages:
        body = html.split("</head>", 1)[1]
        assert "<script" not in body
        assert "<img" not in body
        assert not re.search(r"""href=["']?\s*javascript:""", html, re.I)
        assert "onerror=alert(1)>" not in body.replace("&gt;", "")  # only escaped forms appear
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is dangerous" in pages[2]
    assert "Mallory &lt;script&gt;alert(2)&lt;/script&gt;" in pages[4]
    assert "javascript:alert(3)" in pages[5]  # shown as text, never as a link
    assert 'href="http://www.wikidata.org/entity/Q1"' in pages[4]


def test_json_ld_blocks_cannot_close_their_script(http):
    html = http.get("/newsgraph/id/article/hostile.html").text
    block = _jsonld_blocks(html)[0]
    assert "</" not in block and "<" not in block
    assert "\\u003cscript\\u003e" in block
    assert Graph().parse(data=block, format="json-ld")


def test_security_headers(http):
    for url in ("/", "/newsgraph/id/article/hostile.html", "/sparql", "/newsgraph/ontology", "/static/style.css",
                "/newsgraph/id/person/nobody"):
        r = http.get(url, headers={"accept": "text/html"})
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
        assert "unsafe-eval" not in csp and "script-src 'self' 'unsafe-inline'" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_no_page_loads_anything_from_elsewhere(http):
    for url in ("/", "/sparql", "/newsgraph/id/article/umerov-ramstein-2024.html", "/newsgraph/ontology",
                "/newsgraph/ledger/shahed-drones--about-russia--in-month--count"):
        html = http.get(url).text
        for ref in re.findall(r'<(?:script|link|img|iframe)[^>]*(?:src|href)="([^"]+)"', html):
            assert ref.startswith("/"), (url, ref)


@pytest.mark.parametrize("path", ["/static/../serve/app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                                  "/download/..%2f..%2fetc%2fpasswd", "/static/vendor/../../app.py",
                                  "/newsgraph/id/../../../etc/passwd"])
def test_no_path_traversal(http, path):
    r = http.get(path)
    assert r.status_code == 404
    assert "import" not in r.text and "root:" not in r.text


def test_nothing_is_writable_over_http(http, server):
    before = len(server.dataset.store)
    for method in ("PUT", "POST", "DELETE", "PATCH"):
        assert http.request(method, path_of(UMEROV), content=b"<a> <b> <c> .").status_code == 405
    assert len(server.dataset.store) == before


# ------------------------------------------------------------------ SPARQL


def _statistics_rows(published: Graph) -> int:
    return len(list(published.query(cq_query("statistics"))))


def test_sparql_get_json_matches_rdflib(http, published):
    r = http.get("/sparql", params={"query": cq_query("statistics")},
                 headers={"accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/sparql-results+json"
    doc = r.json()
    assert doc["head"]["vars"][:2] == ["value", "counts"]
    assert len(doc["results"]["bindings"]) == _statistics_rows(published) >= 8
    assert r.headers["access-control-allow-origin"] == "*"


def test_sparql_post_form_and_direct(http, published):
    q = cq_query("statistics")
    r = http.post("/sparql", data={"query": q}, headers={"accept": "application/sparql-results+xml"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+xml")
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    assert len(ET.fromstring(r.content).findall(".//s:result", ns)) == _statistics_rows(published)
    r = http.post("/sparql", content=q.encode(), headers={"content-type": "application/sparql-query",
                                                          "accept": "text/csv"})
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0][:2] == ["value", "counts"] and len(rows) - 1 == _statistics_rows(published)
    r = http.get("/sparql", params={"query": q}, headers={"accept": "text/tab-separated-values"})
    lines = r.text.rstrip("\n").split("\n")
    assert lines[0].startswith("?value\t?counts") and len(lines) - 1 == _statistics_rows(published)
    assert '"400"^^<http://www.w3.org/2001/XMLSchema#integer>' in r.text


def test_sparql_ask_construct_describe(http, published):
    r = http.get("/sparql", params={"query": f"ASK {{ <{UMEROV}> ?p ?o }}"}, headers={"accept": "application/json"})
    assert r.json() == {"head": {}, "boolean": True}
    q = f"CONSTRUCT {{ <{UMEROV}> ?p ?o }} WHERE {{ <{UMEROV}> ?p ?o }}"
    for media_type, (_, fmt) in FORMS.items():
        r = http.get("/sparql", params={"query": q}, headers={"accept": media_type})
        assert r.headers["content-type"].split(";")[0] == media_type
        g = Graph().parse(data=r.content, format=fmt)
        expected = Graph()
        for t in published.triples((URIRef(UMEROV), None, None)):
            expected.add(t)
        assert isomorphic(g, expected)
    r = http.get("/sparql", params={"query": f"DESCRIBE <{UMEROV}>"}, headers={"accept": "text/turtle"})
    assert r.status_code == 200 and "Rustem Umerov" in r.text
    r = http.get("/sparql", params={"query": f"ASK {{ <{UMEROV}> ?p ?o }}"}, headers={"accept": "text/turtle"})
    assert r.status_code == 406


def test_sparql_html_answer_without_javascript(http):
    r = http.get("/sparql", params={"query": cq_query("statistics"), "format": "html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<table class="results">' in r.text
    assert 'name="query"' in r.text  # the plain form is there


def test_sparql_updates_are_refused(http, server):
    before = len(server.dataset.store)
    update = f'INSERT DATA {{ <{UMEROV}> <https://schema.org/name> "Hacked" }}'
    assert http.post("/sparql", data={"update": update}).status_code == 403
    assert http.post("/sparql", content=update.encode(),
                     headers={"content-type": "application/sparql-update"}).status_code == 403
    assert http.get("/sparql", params={"update": update}).status_code == 403
    assert http.post("/sparql", data={"query": update}).status_code == 400  # not a query
    assert http.post("/sparql", content=b"x", headers={"content-type": "text/plain"}).status_code == 415
    assert len(server.dataset.store) == before
    names = http.get("/sparql", params={"query": f"SELECT ?n WHERE {{ <{UMEROV}> <https://schema.org/name> ?n }}"},
                     headers={"accept": "application/json"}).json()
    assert [b["n"]["value"] for b in names["results"]["bindings"]] == ["Rustem Umerov"]


def test_sparql_bad_queries(http):
    r = http.get("/sparql", params={"query": "SELEKT nothing"}, headers={"accept": "application/json"})
    assert r.status_code == 400 and "not a valid SPARQL query" in r.text
    assert http.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")]).status_code == 400


def test_sparql_service_is_refused_and_no_request_goes_out(http, listener):
    port = listener.port
    for query in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ service   <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ \\u0053ERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"):
        r = http.get("/sparql", params={"query": query}, headers={"accept": "application/json"})
        assert r.status_code == 400 and "SERVICE" in r.text, query
    assert listener.count == 0
    # The word in a string, an IRI or a variable is not the keyword.
    ok = http.get("/sparql", params={"query": 'SELECT ?service WHERE { BIND("SERVICE" AS ?service) }'},
                  headers={"accept": "application/json"})
    assert ok.status_code == 200


def test_sparql_cors_preflight(http):
    r = http.options("/sparql", headers={"origin": "https://example.org", "access-control-request-method": "POST",
                                         "access-control-request-headers": "content-type"})
    assert r.status_code == 204
    assert r.headers["access-control-allow-origin"] == "*"
    assert "POST" in r.headers["access-control-allow-methods"]
    assert "Content-Type" in r.headers["access-control-allow-headers"]


def test_sparql_row_limit_and_time_limit(files):
    with LiveServer(files, max_rows=5, query_timeout=0.5) as live, httpx.Client(base_url=live.url, timeout=30) as c:
        r = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"accept": "application/json"})
        assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 5
        assert r.headers["x-newsgraph-truncated"].startswith("true")
        # Counting ~25 million joined rows: a few seconds, in one step Oxigraph cannot interrupt.
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g a <https://w3id.org/newsgraph/ontology#Quotation> }"
        started = time.monotonic()
        r = c.get("/sparql", params={"query": slow}, headers={"accept": "application/json"})
        assert r.status_code == 503 and "limit" in r.text
        assert time.monotonic() - started < 5
        # The server still answers other requests, and queries, while that one runs on.
        assert c.get("/").status_code == 200
        r = c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"accept": "application/json"})
        assert r.json()["boolean"] is True


def test_sparql_page_lists_the_competency_questions(http):
    html = http.get("/sparql", headers={"accept": "text/html"}).text
    for name in ("statistics", "roles", "quotes", "coalitions"):
        assert f'href="/sparql?example={name}"' in html
    assert '<script src="/static/vendor/yasgui/yasgui.min.js"' in html
    html = http.get("/sparql", params={"example": "roles"}, headers={"accept": "text/html"}).text
    assert "Who holds or held which role" in html
    assert http.get("/static/vendor/yasgui/LICENSE").status_code == 200


# ------------------------------------------------------------------ dataset, ontology, dumps


def test_void_and_dataset_description(http, server):
    r = http.get("/.well-known/void", headers={"accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["vary"] == "Accept"
    g = Graph().parse(data=r.text, format="turtle")
    void = "http://rdfs.org/ns/void#"
    ds = URIRef(BASE + "dataset")
    assert (ds, URIRef(void + "uriSpace"), Literal(BASE)) in g
    assert (ds, URIRef(void + "sparqlEndpoint"), URIRef(server.url + "/sparql")) in g
    assert int(g.value(ds, URIRef(void + "triples"))) == len(server.dataset)
    assert int(g.value(ds, URIRef(void + "documents"))) == 5
    dumps = {str(o) for o in g.objects(ds, URIRef(void + "dataDump"))}
    assert dumps == {server.url + "/download/newsgraph.trig", server.url + "/download/newsgraph.nq"}
    assert (ds, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef("https://schema.org/Dataset")) in g
    assert (ds, URIRef("http://purl.org/dc/terms/publisher"), None) in g
    # The dataset IRI is under the base and answers too.
    r = http.get(path_of(BASE + "dataset"), headers={"accept": "text/turtle"})
    assert r.status_code == 303 and r.headers["location"] == "/.well-known/void.ttl"
    assert Graph().parse(data=http.get("/.well-known/void.ttl").text, format="turtle")


def test_dumps_hold_every_article_graph(http, files, published):
    for name, fmt in (("newsgraph.trig", "trig"), ("newsgraph.nq", "nquads")):
        r = http.get(f"/download/{name}")
        assert r.status_code == 200
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=r.content, format=fmt)
        graphs = {str(c.identifier) for c in ds.contexts() if len(c)}
        assert A in graphs and BASE + "article/hostile" in graphs
        union = Graph()
        for s, p, o, _ in ds.quads():
            union.add((s, p, o))
        assert isomorphic(union, published)
        assert http.get(f"/download/{name}", headers={"if-none-match": r.headers["etag"]}).status_code == 304
    assert http.get("/download/other.ttl").status_code == 404


def test_sitemap(http, server):
    r = http.get("/sitemap.xml")
    root = ET.fromstring(r.content)
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert server.url + "/newsgraph/id/article/umerov-ramstein-2024.html" in locs
    assert server.url + path_of(QUOTE) + ".html" in locs
    assert all(loc.startswith(server.url) for loc in locs)


def test_ontology_and_shapes_by_negotiation(http):
    r = http.get("/newsgraph/ontology", headers={"accept": "text/html"})
    assert r.status_code == 200 and r.headers["vary"] == "Accept"
    onto = Graph().parse(data=http.get("/newsgraph/ontology", headers={"accept": "text/turtle"}).text, format="turtle")
    ng = "https://w3id.org/newsgraph/ontology#"
    terms = {str(s)[len(ng):] for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(ng)}
    assert {"Statistic", "RoleHolding", "anchor", "counts", "Count"} <= terms
    for term in terms:
        assert f'id="{term}"' in r.text, term
    r = http.get("/newsgraph/ontology", headers={"accept": "application/ld+json"})
    assert isomorphic(Graph().parse(data=r.text, format="json-ld"), onto)
    shapes = http.get("/newsgraph/shapes", headers={"accept": "text/html"}).text
    assert 'id="StatisticShape"' in shapes or 'id="ArticleShape"' in shapes
    assert http.get("/newsgraph/shapes.ttl").headers["content-type"].startswith("text/turtle")
    assert http.get("/newsgraph/ontology", headers={"accept": "image/png"}).status_code == 406


# ------------------------------------------------------------------ the documents folder (--prerender, --documents)

#: IRIs of every kind whose documents are compared with and without the documents folder.
SOME = [UMEROV, A, QUOTE, STATISTIC, ROLE, BASE + "country/ukraine", A + "/anchor/1135-1316", BASE + "person/mallory"]
FORM_KEYS = ("html", "ttl", "jsonld", "nt")


def _answer(r: httpx.Response) -> tuple:
    return r.status_code, r.content, {k: v for k, v in r.headers.items() if k != "date"}


@pytest.fixture(scope="module")
def prerendered(files, tmp_path_factory):
    """A server over the same files as `server`, its documents made first into a folder."""
    with LiveServer(files, documents=tmp_path_factory.mktemp("documents") / "docs", prerender=True, jobs=2) as live:
        yield live


def test_prerendered_documents_are_the_documents_made_on_demand(http, server, prerendered):
    report = prerendered.report
    assert report.status == "new" and report.made == report.asked == report.documents > 4 * len(SOME)
    assert not report.failed and not report.skipped
    with httpx.Client(base_url=prerendered.url, timeout=30) as pre:
        for iri in SOME:
            for key in FORM_KEYS:
                url = path_of(iri) + "." + key
                # the same body, ETag and headers, whether made now or read from the folder
                assert _answer(pre.get(url)) == _answer(http.get(url)), url
        ledgers = sorted(set(re.findall(r'href="(/newsgraph/ledger/[^"]+)"', http.get("/newsgraph/ledger/").text)))
        assert ledgers
        for url in ["/newsgraph/ledger/", *ledgers]:
            assert _answer(pre.get(url)) == _answer(http.get(url)), url
        # The pages naming the server's address: the same but for the address.
        for url in ["/", "/.well-known/void.ttl", "/.well-known/void.html", "/sitemap.xml"]:
            mine, theirs = pre.get(url), http.get(url)
            assert mine.status_code == theirs.status_code == 200
            assert mine.content.replace(prerendered.url.encode(), b"@") == theirs.content.replace(
                server.url.encode(), b"@"), url
    assert prerendered.site.made == 0  # every one of them was read from the folder, none made


def test_documents_read_from_the_folder_are_not_kept_in_memory_too(prerendered):
    # The kernel's page cache keeps the files: the server's memory does not grow with the dataset.
    site = prerendered.site
    with httpx.Client(base_url=prerendered.url, timeout=30) as pre:
        for _ in range(2):
            for iri in SOME:
                for key in FORM_KEYS:
                    assert pre.get(path_of(iri) + "." + key).status_code == 200
    assert site.made == 0
    assert not [k for k in site.documents.items if k[0] in SOME], list(site.documents.items)


def test_the_triples_are_counted_once_when_the_documents_are_made(files, tmp_path):
    from newsgraph.serve import count_triples, fingerprint, open_documents, read_files

    class Uncountable:
        def __len__(self):
            raise AssertionError("counted again")

    report = _prerender(tmp_path / "docs", files)
    assert report.triples == len(read_files(files)) > 0
    from newsgraph.serve import Config

    folder = open_documents(tmp_path / "docs", fingerprint(Config(), files=files))
    assert folder.status == "reused" and count_triples(Uncountable(), folder) == report.triples
    assert count_triples(read_files(files)) == report.triples  # no folder: counted


def test_a_documents_folder_keeps_negotiation_conditional_get_head_and_errors(http, prerendered):
    with httpx.Client(base_url=prerendered.url, timeout=30) as pre:
        url = path_of(UMEROV) + ".ttl"
        first = pre.get(url)
        assert pre.get(url, headers={"if-none-match": first.headers["etag"]}).status_code == 304
        head = pre.head(path_of(QUOTE) + ".jsonld")
        assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 0
        for path, headers in [(path_of(UMEROV), {"accept": "text/turtle"}), (path_of(UMEROV), {"accept": "image/png"}),
                              (path_of(UMEROV) + "?format=nt", {}), (path_of(UMEROV) + ".ttl?x=1", {}),
                              (path_of(BASE + "person/nobody.ttl"), {}), ("/no/such/page", {"accept": "text/html"}),
                              ("/newsgraph/ledger/no-such-ledger", {}), ("/newsgraph/ontology", {"accept": "text/turtle"}),
                              (path_of(A) + ".html", {"if-none-match": '"other"'})]:
            assert _answer(pre.get(path, headers=headers)) == _answer(http.get(path, headers=headers)), path
        assert pre.post(url).status_code == 405


def _prerender(folder, files, origin="http://127.0.0.1:1", **config):
    from newsgraph.serve import Config, fingerprint, open_documents, prerender

    cfg = Config(**config)
    return prerender(open_documents(folder, fingerprint(cfg, files=files)), cfg, origin=origin, paths=files, jobs=1)


def test_a_second_start_reuses_the_folder_and_makes_nothing(files, tmp_path):
    folder = tmp_path / "docs"
    first = _prerender(folder, files)
    assert first.status == "new" and first.made == first.documents > 0
    second = _prerender(folder, files)
    assert (second.status, second.asked, second.made, second.documents) == ("reused", 0, 0, first.documents)
    assert second.reused == first.documents
    # Served from that folder, a document is read, not made.
    with LiveServer(files, documents=folder) as live, httpx.Client(base_url=live.url, timeout=30) as c:
        assert live.folder.status == "reused"
        assert c.get(path_of(UMEROV) + ".html").status_code == 200 and live.site.made == 0
        assert c.get("/newsgraph/ledger/").status_code == 200 and live.site.made == 0
        assert c.get("/").status_code == 200 and live.site.made == 1  # it names this server's address
    # Another address: only the pages that name it are made.
    other = _prerender(folder, files, origin="http://127.0.0.1:2")
    assert other.status == "reused" and other.made == other.asked == 6 and other.documents == first.documents


def test_other_data_or_settings_make_the_documents_again(files, tmp_path):
    data = [tmp_path / p.name for p in files]
    for src, dst in zip(files, data):
        dst.write_bytes(src.read_bytes())
    folder = tmp_path / "docs"
    first = _prerender(folder, data)
    with data[-1].open("a", encoding="utf-8") as fh:  # one more person in the hand-made graph
        fh.write('\n<https://w3id.org/newsgraph/id/person/trent> a <https://schema.org/Person> ;'
                 ' <https://schema.org/name> "Trent" .\n')
    again = _prerender(folder, data)
    assert again.status == "emptied" and again.made == again.asked == again.documents == first.documents + 4
    retitled = _prerender(folder, data, title="Other news")
    assert retitled.status == "emptied" and retitled.made == retitled.documents
    with LiveServer(data, documents=folder, title="Other news") as live, httpx.Client(base_url=live.url) as c:
        r = c.get(path_of(BASE + "person/trent") + ".html")
        assert r.status_code == 200 and "Trent" in r.text and "Other news" in r.text and live.site.made == 0


def _record(kept, key) -> tuple:
    """(segment file, offset, length) of the pack's record of ``key``."""
    places = kept.pack.places(kept._name(key))
    assert len(places) == 1, places
    number, offset, length = kept.pack.span(places[0])
    return kept.pack.files[number], offset, length


def test_prerendering_packs_the_documents_into_segments_and_one_index(files, tmp_path):
    from newsgraph.serve.app import PersistentDocuments

    folder = tmp_path / "docs"
    report = _prerender(folder, files)
    kept = PersistentDocuments(str(folder), "http://127.0.0.1:1")
    # Every IRI's documents are in the pack; only the pages naming the address are files of their own.
    assert len(kept.pack) == report.documents - 6 > 0
    loose = sorted(p.relative_to(folder).parts[0] for p in folder.rglob("*")
                   if p.is_file() and p.parent.name != "pack" and p.name != ".newsgraph-documents")
    assert loose == ["origin"] * 6
    assert sorted(p.suffix for p in (folder / "pack").iterdir()) == ["", ".log", ".seg"]  # index, one process's
    for iri in SOME:
        for key in FORM_KEYS:
            item = kept.get((iri, key))
            assert item is not None and item[1] == '"' + hashlib.sha256(item[0]).hexdigest()[:32] + '"'
    kept.close()


def test_a_damaged_or_truncated_document_is_made_again_never_served(http, files, tmp_path):
    from newsgraph.serve.app import PersistentDocuments

    folder = tmp_path / "docs"
    _prerender(folder, files)
    kept = PersistentDocuments(str(folder))
    truncated, damaged, headless = (UMEROV, "html"), (QUOTE, "ttl"), (STATISTIC, "nt")
    spans = {key: _record(kept, key) for key in (truncated, damaged, headless)}
    kept.close()
    segment, offset, length = spans[damaged]
    data = bytearray(segment.read_bytes())
    data[offset + length - 10] ^= 0x20  # one letter's case in the body: its hash is not the ETag any more
    segment, offset, length = spans[headless]
    data[offset + 4:offset + 9] = b"\x00\x00\x10\x00{"  # a header that says it is longer than it is
    segment.write_bytes(bytes(data))
    segment, offset, length = spans[truncated]
    with open(segment, "r+b") as fh:  # the segment cut short in the middle of the record
        fh.truncate(offset + length - 100)
    with LiveServer(files, documents=folder) as live, httpx.Client(base_url=live.url, timeout=30) as c:
        for iri, key in (truncated, damaged, headless):
            url = path_of(iri) + "." + key
            assert _answer(c.get(url)) == _answer(http.get(url)), url
        assert live.site.made == 3
    kept = PersistentDocuments(str(folder))
    for key in (truncated, damaged, headless):  # written whole again, as files of their own
        assert kept.get(key) is not None and kept.file(key).is_file()
    # A damaged file of its own is made again too.
    data = kept.file(damaged).read_bytes()
    kept.file(damaged).write_bytes(data[: len(data) - 100])
    kept.close()
    with LiveServer(files, documents=folder) as live, httpx.Client(base_url=live.url, timeout=30) as c:
        url = path_of(QUOTE) + ".ttl"
        assert _answer(c.get(url)) == _answer(http.get(url)) and live.site.made == 1


def test_a_damaged_pack_index_is_not_used(http, files, tmp_path):
    folder = tmp_path / "docs"
    _prerender(folder, files)
    index = folder / "pack" / "index"
    data = bytearray(index.read_bytes())
    data[len(data) // 2] ^= 0x01
    index.write_bytes(bytes(data))
    with LiveServer(files, documents=folder) as live, httpx.Client(base_url=live.url, timeout=30) as c:
        assert live.site.shared.pack is None
        url = path_of(UMEROV) + ".ttl"
        assert _answer(c.get(url)) == _answer(http.get(url)) and live.site.made == 1


def test_an_interrupted_prerendering_goes_on_from_what_its_segments_hold(files, tmp_path):
    import json

    folder = tmp_path / "docs"
    first = _prerender(folder, files)
    # As if stopped before the index was made: the segments and their logs are all there is.
    (folder / "pack" / "index").unlink()
    state = json.loads((folder / ".newsgraph-documents").read_text())
    (folder / ".newsgraph-documents").write_text(json.dumps({**state, "complete": False}))
    again = _prerender(folder, files)
    assert again.status == "reused" and again.made == 0 and again.documents == first.documents


@pytest.mark.skipif(not hasattr(os, "RWF_NOWAIT") or not hasattr(os, "posix_fadvise"),
                    reason="needs Linux preadv2(RWF_NOWAIT) and posix_fadvise")
def test_a_document_file_not_in_the_page_cache_is_read_in_a_thread_not_on_the_event_loop(http, files, tmp_path,
                                                                                          monkeypatch):
    import asyncio

    from newsgraph.serve.app import NOT_IN_MEMORY, PersistentDocuments

    folder = tmp_path / "docs"
    _prerender(folder, files)
    kept, key = PersistentDocuments(str(folder)), (UMEROV, "ttl")
    whole = kept.get(key)
    assert whole is not None and kept.get(key, nowait=True) == whole  # just read: in the page cache

    segment = _record(kept, key)[0]

    def evict() -> None:  # its pages out of the kernel's cache, as on a folder larger than memory
        fd = os.open(segment, os.O_RDONLY)
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)

    evict()
    assert kept.get(key, nowait=True) is NOT_IN_MEMORY
    with LiveServer(files, documents=folder) as live:
        threads = []

        async def to_thread(fn, *args):
            threads.append(fn.__name__)
            return fn(*args)

        evict()
        with monkeypatch.context() as patched:
            patched.setattr(asyncio, "to_thread", to_thread)
            found = asyncio.run(live.site.lookup_soon(key))  # read in a thread, whole
            warm = asyncio.run(live.site.lookup_soon(key))  # now in the page cache: read at once
        assert found == warm == whole and threads == ["lookup"] and live.site.made == 0
        with httpx.Client(base_url=live.url, timeout=30) as c:
            evict()
            url = path_of(UMEROV) + ".ttl"
            assert _answer(c.get(url)) == _answer(http.get(url)) and live.site.made == 0


def test_a_documents_folder_is_filled_on_demand(http, files, tmp_path):
    folder = tmp_path / "docs"
    with LiveServer(files, documents=folder) as live, httpx.Client(base_url=live.url, timeout=30) as c:
        assert live.folder.status == "new"
        url = path_of(ROLE) + ".jsonld"
        assert _answer(c.get(url)) == _answer(http.get(url))
        assert live.site.made == 1
    with LiveServer(files, documents=folder) as live, httpx.Client(base_url=live.url, timeout=30) as c:
        assert _answer(c.get(url)) == _answer(http.get(url)) and live.site.made == 0
    report = _prerender(folder, files)  # the rest: what is there is not made again
    assert report.made == report.asked - 1


def test_the_default_documents_folder_is_in_the_cache_folder_one_per_dataset(files, tmp_path, monkeypatch):
    from newsgraph.serve import default_folder

    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path / "cache"))
    of_files, of_store = default_folder(files=files), default_folder(store=tmp_path / "store")
    assert of_files.parent == of_store.parent == tmp_path / "cache" / "serve"
    assert of_files != of_store and of_files == default_folder(files=files)
    assert default_folder(files=files[:1]) != of_files


def test_a_folder_that_is_not_a_documents_folder_is_never_emptied(files, tmp_path):
    from newsgraph.serve import DocumentsError

    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(DocumentsError, match="not written by `newsgraph serve`"):
        _prerender(tmp_path, files)
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"


# ------------------------------------------------------------------ a corpus folder


def test_serves_a_corpus_folder_from_its_dataset_file(tmp_path):
    from rdflib import Dataset

    from newsgraph import pipeline
    from newsgraph.corpus import build_corpus
    from serve_support import DATED

    for name, text in DATED.items():
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{name}.txt").write_text(text, encoding="utf-8")
    report = build_corpus([tmp_path / "in"], tmp_path / "out", pipeline.Options())
    assert not report.partly_failed
    ds = Dataset()
    ds.parse(tmp_path / "out" / "corpus.nq", format="nquads")
    published = Graph()
    for s, p, o, _ in ds.quads():
        published.add((s, p, o))
    with LiveServer([tmp_path / "out"]) as live, httpx.Client(base_url=live.url, timeout=30) as c:
        assert live.dataset.source == "1 file"  # corpus.nq only, not the article files beside it
        for iri in (UMEROV, BASE + "article/drones-june", BASE + "country/russia"):
            r = c.get(path_of(iri), headers={"accept": "text/turtle"}, follow_redirects=True)
            assert isomorphic(Graph().parse(data=r.text, format="turtle"), expected_description(published, iri))
        html = c.get(path_of(UMEROV) + ".html").text
        assert "Drone attacks rise again" in html and "Drone attacks rise, minister says" in html


# ------------------------------------------------------------------ the command


@contextlib.contextmanager
def serve_command(*args: str, tmpdir: Path | None = None, stop: int = signal.SIGINT):
    """`newsgraph serve ARGS --port 0` in its own process: yields it and the first line it printed,
    then stops it with `stop` (killed if it does not end within 20 s)."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", *args, "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        yield proc, proc.stdout.readline()
    finally:
        proc.send_signal(stop)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.mark.slow
def test_cli_serves_files_and_prints_its_address():
    with serve_command(str(SAMPLE)) as (proc, line):
        m = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
        assert m, line
        r = httpx.get(m.group(1) + path_of(UMEROV) + ".ttl", timeout=10)
        assert r.status_code == 200 and "Rustem Umerov" in r.text
    assert proc.returncode == 0


@pytest.mark.slow
def test_cli_logs_each_request_on_stdout_as_uvicorn_does():
    with serve_command(str(SAMPLE)) as (proc, line):
        url = re.search(r"at (http://127\.0\.0\.1:\d+)/", line).group(1)
        assert httpx.get(url + path_of(UMEROV) + ".ttl", timeout=10).status_code == 200
        assert httpx.get(url + "/search?q=Umerov", timeout=10).status_code == 200
        assert httpx.get(url + "/no/such/page", timeout=10).status_code == 404
    log = proc.stdout.read().splitlines()
    assert re.fullmatch(r'INFO:     127\.0\.0\.1:\d+ - "GET /newsgraph/id/person/rustem-umerov\.ttl HTTP/1\.1" 200 OK',
                        log[0]), log
    assert re.fullmatch(r'INFO:     127\.0\.0\.1:\d+ - "GET /search\?q=Umerov HTTP/1\.1" 200 OK', log[1]), log
    assert re.fullmatch(r'INFO:     127\.0\.0\.1:\d+ - "GET /no/such/page HTTP/1\.1" 404 Not Found', log[2]), log
    assert len(log) == 3


@pytest.mark.slow
def test_cli_serves_the_embedded_store(tmp_path):
    from newsgraph.store import load

    store = tmp_path / "store"
    load([SAMPLE], store=store)
    with serve_command("--store", str(store)) as (proc, line):
        url = re.search(r"at (http://[\d.:]+)/", line).group(1)
        r = httpx.get(url + "/sparql", params={"query": cq_query("statistics")},
                      headers={"accept": "application/sparql-results+json"}, timeout=10)
        expected = len(Graph().parse(SAMPLE).query(cq_query("statistics")))  # the same question over the file
        assert expected >= 5 and len(r.json()["results"]["bindings"]) == expected
        assert httpx.get(url + path_of(UMEROV), headers={"accept": "text/turtle"}).status_code == 303


@pytest.mark.slow
def test_cli_serves_with_several_workers_and_stops_them_all(tmp_path):
    from newsgraph.store import load

    store = tmp_path / "store"
    load([SAMPLE], store=store)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    with serve_command("--store", str(store), "--workers", "2", tmpdir=tmp, stop=signal.SIGTERM) as (proc, line):
        assert line.rstrip().endswith(", 2 workers"), line
        url = re.search(r"at (http://[\d.:]+)/", line).group(1)
        started = set()
        while len(started) < 2:  # each worker says so when it listens
            log = proc.stderr.readline()
            assert log, "the server stopped"
            started.update(re.findall(r"Started server process \[(\d+)\]", log))
        answers = []
        for _ in range(6):  # new connections, handed to either worker: the same answer
            with httpx.Client(base_url=url, timeout=10) as client:
                r = client.get(path_of(UMEROV) + ".ttl")
                assert r.status_code == 200 and "Rustem Umerov" in r.text
                answers.append((r.content, {k: v for k, v in r.headers.items() if k != "date"}))
        assert all(a == answers[0] for a in answers)
        shared = [p for p in tmp.iterdir() if p.name.startswith("newsgraph-serve-shared-")]
        assert len(shared) == 1 and any(shared[0].iterdir())  # the document, for both workers
    assert proc.returncode == 0
    assert not shared[0].exists()
    for pid in started:  # the workers went with it
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


@pytest.mark.slow
def test_cli_prerenders_an_embedded_store_and_reuses_the_documents(tmp_path):
    from newsgraph.store import load

    store, docs = tmp_path / "store", tmp_path / "docs"
    load([SAMPLE], store=store)
    answers = []
    for run in range(2):
        with serve_command("--store", str(store), "--prerender", "-j", "2", "--documents", str(docs)) as (proc, line):
            url = re.search(r"at (http://[\d.:]+)/", line).group(1)
            r = httpx.get(url + path_of(UMEROV) + ".ttl", timeout=10)
            assert r.status_code == 200 and "Rustem Umerov" in r.text
            answers.append((r.content, r.headers["etag"]))
        said = proc.stderr.read()
        if run == 0:
            assert re.search(rf"documents: (\d+) documents \([\d.]+ MB\) in {re.escape(str(docs))}: \1 made, 0 found "
                             r"there, in [\d.]+ s with 2 processes", said), said
        else:  # another port: only the pages naming the address are made
            assert re.search(r"documents: \d+ documents .*: 6 made, \d+ found there", said), said
    assert answers[0] == answers[1]
    from serve_support import HANDMADE

    (tmp_path / "handmade.ttl").write_text(HANDMADE, encoding="utf-8")
    load([tmp_path / "handmade.ttl"], store=store)  # the store changes
    with serve_command("--store", str(store), "--documents", str(docs)) as (proc, line):
        assert "serving" in line
    assert "made from other data or settings; emptied" in proc.stderr.read()


@pytest.mark.parametrize("args,code,message", [
    (["--store", "no-such-store"], 19, "no store at no-such-store: run newsgraph load first"),
    (["no-such-file.ttl"], 3, "no such file"),
    ([str(SAMPLE), "--store", "x"], 2, "not both"),
])
def test_cli_errors_are_one_line(tmp_path, args, code, message):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    r = subprocess.run([sys.executable, "-m", "newsgraph", "serve", *args, "--port", "0"], capture_output=True,
                       text=True, env=env, cwd=tmp_path, timeout=60)
    assert r.returncode == code, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr


def test_cli_port_in_use(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
        r = subprocess.run([sys.executable, "-m", "newsgraph", "serve", str(SAMPLE), "--port", str(port)],
                           capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 10 and "cannot listen" in r.stderr and "Traceback" not in r.stderr


# ------------------------------------------------------------------ highlighting


def test_highlight_nests_and_cuts_crossing_anchors():
    from html.parser import HTMLParser

    from newsgraph.serve.describe import Anchor, Fact
    from newsgraph.serve.highlight import highlight

    text = "<b>0123456789</b>"
    facts = [Fact("urn:q", "quote", "q", [Anchor("urn:a1", 3, 10)]),
             Fact("urn:s", "statistic", "s", [Anchor("urn:a2", 5, 7)]),
             Fact("urn:c", "claim", "c", [Anchor("urn:a3", 8, 14)])]  # crosses the quote
    html = str(highlight(text, facts, lambda iri: "/" + iri.split(":")[1]))

    class Check(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack, self.text, self.ids, self.links = [], "", [], []

        def handle_starttag(self, tag, attrs):
            self.stack.append(tag)
            attrs = dict(attrs)
            if "id" in attrs:
                self.ids.append(attrs["id"])
            if tag == "a":
                self.links.append(attrs["href"])

        def handle_endtag(self, tag):
            assert self.stack.pop() == tag

        def handle_data(self, data):
            self.text += data

    check = Check()
    check.feed(html)
    assert check.stack == [] and check.text == text  # balanced; the text unchanged, as text
    assert check.ids == ["anchor-3-10", "anchor-5-7", "anchor-8-14"]
    assert check.links.count("/s") == 1 and "/q" in check.links and "/c" in check.links
    assert 'class="fact claim continued"' in html  # the part of the claim after the quote ends
