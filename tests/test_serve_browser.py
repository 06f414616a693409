"""`newsgraph serve` in a real browser: Debian's Chromium driven by Playwright, against a
live server on loopback. Skipped, saying why, without Playwright or Chromium.

Screenshots go to tests/artifacts/ (ignored by git); docs/serve-article.png is one of them,
committed for the README.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from serve_support import BASE, SAMPLE, LiveServer, build_articles

pytestmark = [pytest.mark.network, pytest.mark.browser, pytest.mark.slow]

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")

CHROMIUM = os.environ.get("NEWSGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM or not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parent / "artifacts"
A = "/newsgraph/id/article/umerov-ramstein-2024"
QUOTE = A + "/quote/3d3d03ee205d"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with LiveServer([SAMPLE, *build_articles(tmp_path_factory.mktemp("serve-browser"))]) as live:
        yield live


@pytest.fixture(scope="module")
def sample_server():
    with LiveServer([SAMPLE]) as live:
        yield live


class Watch:
    """What a page did that it should not: dialogs, requests leaving the server, CSP reports."""

    def __init__(self, page, origin: str):
        self.dialogs: list[str] = []
        self.remote: list[str] = []
        self.csp: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: None if r.url.startswith((origin, "data:", "blob:", "about:")) else
                self.remote.append(r.url))
        page.on("console", lambda m: self.csp.append(m.text) if "Content Security Policy" in m.text else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


def _page(browser, server, *, javascript: bool = True):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    return page, Watch(page, server.url)


def _shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    return path


def test_article_highlight_to_quote_and_back(browser, server):
    page, watch = _page(browser, server)
    page.goto(server.url + BASE[len("https://w3id.org"):] + "article/umerov-ramstein-2024")  # the IRI: 303 to HTML
    assert page.url == server.url + A + ".html"
    mark = page.locator("mark#anchor-1135-1316")
    assert mark.is_visible()
    assert "quote" in mark.get_attribute("class")
    shot = _shot(page, "serve-article.png")
    assert shot.stat().st_size > 10_000
    mark.locator("> a").first.click()
    page.wait_for_url(server.url + QUOTE + ".html")
    assert "Despite a sixfold artillery advantage" in page.locator("blockquote.quote").inner_text()
    assert page.locator("figure.context mark").inner_text().startswith("Despite a sixfold")
    _shot(page, "serve-quote.png")
    page.locator("a.back").first.click()
    page.wait_for_url(server.url + A + ".html#anchor-1135-1316")
    assert page.evaluate("document.querySelector(':target').id") == "anchor-1135-1316"
    assert page.evaluate("getComputedStyle(document.querySelector(':target')).outlineStyle") == "solid"
    assert watch.dialogs == [] and watch.remote == [] and watch.csp == [] and watch.errors == []


def test_person_page_shows_the_role_timeline(browser, server):
    page, watch = _page(browser, server)
    page.goto(server.url + "/newsgraph/id/person/rustem-umerov")
    first = page.locator("ol.timeline li").first
    text = first.inner_text()
    assert "2023-09" in text and "Minister of Defense of Ukraine" in text
    assert "Predecessor: Oleksii Reznikov" in text
    _shot(page, "serve-person.png")
    first.get_by_role("link", name="Oleksii Reznikov").click()
    assert page.locator("h1").inner_text() == "Oleksii Reznikov"
    assert "Successor: Rustem Umerov" in page.locator("ol.timeline").inner_text()
    assert watch.remote == [] and watch.csp == []


def test_sparql_page_without_javascript_runs_a_competency_question(browser, sample_server):
    page, watch = _page(browser, sample_server, javascript=False)
    page.goto(sample_server.url + "/sparql")
    page.get_by_role("link", name="statistics", exact=True).click()
    assert "ng:Statistic" in page.locator("textarea#query").input_value()
    page.get_by_role("button", name="Run query").click()
    page.wait_for_selector("table.results")
    assert page.locator("table.results tbody tr").count() == 5
    assert page.locator("table.results thead th").first.inner_text() == "value"
    _shot(page, "serve-sparql-plain.png")
    assert watch.remote == []


def test_sparql_page_with_the_query_editor(browser, sample_server):
    page, watch = _page(browser, sample_server)
    page.goto(sample_server.url + "/sparql")
    page.wait_for_selector("#yasgui .CodeMirror")
    assert page.locator("#plain-query").is_hidden()
    page.locator("a.example[data-name='statistics']").click()
    rows = page.locator("#yasgui .yasr table tbody tr")
    rows.first.wait_for(timeout=15_000)
    assert rows.count() == 5
    _shot(page, "serve-sparql-yasgui.png")
    assert watch.remote == [], watch.remote
    assert watch.errors == [], watch.errors


def test_hostile_article_renders_as_text(browser, server):
    page, watch = _page(browser, server)
    for path in ("/newsgraph/id/article/hostile", "/newsgraph/id/person/mallory", "/newsgraph/id/article/handmade",
                 "/search?q=script"):
        page.goto(server.url + path)
        page.wait_for_timeout(300)
    page.goto(server.url + "/newsgraph/id/article/hostile")
    text = page.locator(".article-text").inner_text()
    assert "“<script>alert(1)</script> is dangerous,”" in text
    assert '"><img src=x onerror=alert(1)>' in text
    assert page.locator("h1").inner_text().startswith("Minister warns <script>alert(1)</script>")
    assert page.locator("main img").count() == 0
    assert page.evaluate("document.querySelectorAll('main script').length") == 0
    _shot(page, "serve-hostile.png")
    page.locator("mark.quote > a").first.click()
    page.wait_for_load_state()
    assert "<script>alert(1)</script> is dangerous" in page.locator("blockquote.quote").inner_text()
    assert watch.dialogs == [], watch.dialogs
    assert watch.remote == [] and watch.errors == []


def test_claims_ledger_chart(browser, server):
    page, watch = _page(browser, server)
    page.goto(server.url + "/newsgraph/ledger/")
    page.get_by_role("link", name="Shahed drones").first.click()
    page.goto(server.url + "/newsgraph/ledger/shahed-drones--about-russia--in-month--count")
    chart = page.locator("svg.chart")
    assert chart.is_visible()
    assert chart.locator("polygon").count() == 2
    box = chart.bounding_box()
    assert box["width"] > 300 and box["height"] > 150
    dates = page.locator("table tbody tr td:first-child").all_inner_texts()
    assert dates == ["2024-01-15", "2024-06-10"]
    _shot(page, "serve-ledger.png")
    chart.locator("a").first.click()
    page.wait_for_load_state()
    assert "Shahed drones" in page.locator("h1").inner_text()
    assert watch.remote == [] and watch.csp == [] and watch.errors == []


# ------------------------------------------------------------------ the static site (`newsgraph site`) behind nginx


@pytest.fixture(scope="module")
def static_site(sample_server):
    from site_support import Nginx, readable_copy_dir

    from newsgraph.serve import read_files
    from newsgraph.serve.static_site import build_site

    parent = readable_copy_dir()
    folder = parent / "site"
    # The query page sends queries to the live server: an endpoint on another origin.
    build_site(read_files([SAMPLE]), folder, url="https://news.example.org/", sparql_endpoint=sample_server.url + "/sparql")
    try:
        with Nginx(folder) as nginx:
            yield nginx
    finally:
        shutil.rmtree(parent, ignore_errors=True)


def test_static_site_search_runs_in_the_browser(browser, static_site, sample_server):
    import re

    import httpx

    on_server = httpx.get(sample_server.url + "/search", params={"q": "umerov"}, timeout=10).text
    page, watch = _page(browser, static_site)
    page.goto(static_site.url + "/")
    page.locator("header form.search input[name=q]").fill("umerov")
    page.locator("header form.search button").click()
    page.wait_for_url(static_site.url + "/search?q=umerov")
    results = page.locator("#search-results li")
    results.first.wait_for(timeout=10_000)
    # The same as the server finds: the person, the quotes and claims naming him.
    expected = re.search(r"<p>(\d+ results? for “umerov”\.)</p>", on_server).group(1)
    assert page.locator("#search-status").inner_text() == expected
    assert results.count() == int(expected.split()[0]) > 10
    assert page.locator("#q2").input_value() == "umerov"
    _shot(page, "site-search.png")
    page.locator("#search-results a[href='/newsgraph/id/person/rustem-umerov.html']").click()
    page.wait_for_url(static_site.url + "/newsgraph/id/person/rustem-umerov.html")
    assert page.locator("h1").inner_text() == "Rustem Umerov"
    assert watch.remote == [] and watch.csp == [] and watch.errors == [], (watch.remote, watch.csp, watch.errors)


def test_static_site_query_page_sends_queries_to_the_endpoint_elsewhere(browser, static_site, sample_server):
    page, watch = _page(browser, static_site)
    page.goto(static_site.url + "/sparql")
    page.wait_for_selector("#yasgui .CodeMirror")
    page.locator("a.example[data-name='statistics']").click()
    rows = page.locator("#yasgui .yasr table tbody tr")
    rows.first.wait_for(timeout=15_000)
    assert rows.count() == 5
    _shot(page, "site-sparql.png")
    assert all(url.startswith(sample_server.url + "/sparql") for url in watch.remote), watch.remote
    assert watch.remote and watch.csp == [] and watch.errors == [], (watch.csp, watch.errors)
