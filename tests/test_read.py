"""Reading articles as they arrive: HTML pages, text with front matter, http(s) URLs.

The fixture pages (tests/fixtures/html/) are invented defence news wrapped in the usual
site furniture: navigation, cookie banners, related links, comments, footers. URLs are
served by a local HTTP server on 127.0.0.1; nothing else touches the network.
"""

from __future__ import annotations

import hashlib
import http.server
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, XSD

from newsgraph import errors
from newsgraph.cli import main
from newsgraph.errors import FetchRefused, InputError, NotEnglish
from newsgraph.fetch import _check_target
from newsgraph.http import USER_AGENT
from newsgraph.namespaces import NG, SCHEMA
from newsgraph.read import _iso_date, _url_id, read_article

pytestmark = pytest.mark.network

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "tests" / "fixtures" / "html"
SAMPLE = ROOT / "examples" / "umerov-ramstein-2024.txt"
OA = "http://www.w3.org/ns/oa#"

FURNITURE = ("cookie", "Accept all", "Subscribe", "Related stories", "Reader123", "Taxes will go up", "Privacy",
             "newsletter", "Share on", "All rights reserved", "Log in", "Join the discussion", "Most read")


# ---------------------------------------------------------------- helpers


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def built_graph(out: Path, article_id: str) -> Graph:
    graph = Graph()
    graph.parse(out / f"{article_id}.ttl", format="turtle")
    return graph


def article_node(graph: Graph) -> URIRef:
    (node,) = graph.subjects(RDF.type, SCHEMA.NewsArticle)
    return node


def check_anchors(graph: Graph, text: str) -> int:
    """Every anchor of the graph points at exactly its words in the published text."""
    count = 0
    for node in graph.subjects(RDF.type, NG.TextAnchor):
        start = int(graph.value(node, URIRef(OA + "start")))
        end = int(graph.value(node, URIRef(OA + "end")))
        exact = str(graph.value(node, URIRef(OA + "exact")))
        assert text[start:end] == exact, (start, end, exact)
        count += 1
    return count


def one_error_line(result, exit_code: int, *fragments: str) -> None:
    assert result.exit_code == exit_code, result.output
    assert result.output.startswith("Error: "), result.output
    assert len(result.output.splitlines()) == 1, result.output
    for fragment in fragments:
        assert fragment in result.output


# ---------------------------------------------------------------- HTML files


def test_html_page_metadata_prefers_json_ld():
    article = read_article(HTML / "baltic-air-defence.html")
    assert article.id == "baltic-air-defence"
    assert article.source == "baltic-air-defence.html"
    # JSON-LD beats og:title, article:published_time and the <title> with the site name.
    assert article.title == "Lithuania orders 40 air-defence launchers, minister says"
    assert article.published == "2024-10-14T09:30:00+03:00"
    assert article.author == "Ieva Marcinkutė"
    assert article.publisher == "Northern Defence Review"
    assert article.url == "https://northern-defence.example/news/2024/10/lithuania-air-defence-launchers"
    assert article.language == "en-GB"
    assert article.sha256 == hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def test_html_main_text_without_site_furniture():
    article = read_article(HTML / "baltic-air-defence.html")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == article.title  # the headline leads, as in a plain-text article
    assert "Gintaras Valaitis said on Monday" in article.text
    assert '"Our skies are the first line of our defence, and we will not leave a single city without cover,"' in article.text
    assert article.text.rstrip().endswith("3.5 percent of gross domestic product next year.")
    for furniture in FURNITURE:
        assert furniture not in article.text, furniture


def test_html_key_points_box_is_article_text_and_a_related_box_is_not(tmp_path):
    paragraph = (
        "The central bank lowered its main rate by a quarter point on Thursday, its second cut this year, "
        "and said that inflation would return to target in the spring as energy prices keep falling."
    )
    page = (
        "<!DOCTYPE html><html lang='en'><head><title>Central bank cuts rate</title></head><body><main><article>"
        "<h1>Central bank cuts rate</h1>"
        "<aside class='key-points'><h2>Key points</h2><ul><li>Rate cut to 3.25%</li>"
        "<li>Board member Prof. Helga Strand voted for a pause</li></ul></aside>"
        f"<p>{paragraph}</p><p>{paragraph}</p>"
        "<aside class='related'><h2>Read more</h2><ul><li><a href='/x'>Markets rally on the news</a></li></ul></aside>"
        "</article></main></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = read_article(path).text
    assert "Board member Prof. Helga Strand voted for a pause" in text.split("\n\n")
    assert "Rate cut to 3.25%" in text.split("\n\n")
    assert "Markets rally" not in text


def test_html_quotation_elements_keep_their_marks_and_speaker(tmp_path):
    # <q> is drawn with quote marks, <blockquote> is indented: the text keeps what makes them a
    # quotation, and a <footer> or closing <cite> becomes a signature line under the words.
    filler = (
        "Shipping lines had diverted more than forty vessels to other ports during the strike, according "
        "to figures from the port authority, and insurers had warned of rising costs for cargo owners."
    )
    page = (
        "<!DOCTYPE html><html lang='en'><head><title>Port strike ends</title></head><body><article>"
        "<h1>Port strike ends</h1>"
        f"<p>{filler}</p>"
        "<p>Union leader Tomasz Wilk said the deal was fair. <q>We got what we came for, and <q>more</q> besides</q>, Wilk said.</p>"
        "<blockquote><p>The port will reopen at six in the morning.</p><p>The backlog will be cleared within a week.</p>"
        "<footer>— <cite>Harbour Master Elena Duarte</cite></footer></blockquote>"
        f"<p>{filler}</p>"
        "<blockquote><p>Nobody wins a strike like this one.</p><cite>Marco Ruiz, a shipping analyst</cite></blockquote>"
        "<blockquote><p>“Already in marks,” as written.</p></blockquote>"
        "<blockquote class='embedded-post'><p>We did it! Thank you to every volunteer. <a href='https://t.example/x'>pic.twitter.com/x</a></p>"
        "&mdash; Dale Hart (@GovHart) <a href='https://x.example/1'>November 4, 2026</a></blockquote>"
        f"<p>{filler}</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    paragraphs = read_article(path).text.split("\n\n")
    assert any("“We got what we came for, and ‘more’ besides”, Wilk said." in p for p in paragraphs)
    assert "“The port will reopen at six in the morning." in paragraphs
    assert "“The backlog will be cleared within a week.”" in paragraphs
    assert "— Harbour Master Elena Duarte" in paragraphs
    assert "“Nobody wins a strike like this one.”" in paragraphs
    assert "— Marco Ruiz, a shipping analyst" in paragraphs
    assert "“Already in marks,” as written." in paragraphs
    assert "“We did it! Thank you to every volunteer.”" in paragraphs  # the post's link is no word of it


def test_html_page_metadata_from_opengraph_and_meta():
    article = read_article(HTML / "naval-drone-trials.html")
    assert article.title == "Finland starts sea trials of unmanned patrol boats"  # og:title, not <title>
    assert article.published == "2024-11-02T14:05:00Z"  # normalised: +00:00 is Z
    assert article.author == "Tomas Lindqvist"
    assert article.publisher == "Harbour & Fleet"
    # A relative canonical link cannot be resolved for a local file; og:url is absolute.
    assert article.url == "https://harbour-fleet.example/articles/finland-unmanned-patrol-boats"
    assert article.language == "en-US"
    for furniture in FURNITURE:
        assert furniture not in article.text, furniture


def test_page_without_date_gets_no_date(tmp_path):
    article = read_article(HTML / "no-date.html")
    assert article.published is None
    assert article.title == "Czech plant doubles artillery shell output"  # <title> less the site name
    assert article.publisher == "Central European Defence Wire"
    assert article.author is None and article.url is None
    result = run("build", HTML / "no-date.html", "-o", tmp_path, "--no-link")
    assert result.exit_code == 0, result.output
    graph = built_graph(tmp_path, "no-date")
    assert graph.value(article_node(graph), SCHEMA.datePublished) is None


def test_build_html_page_graph_carries_metadata_and_exact_anchors(tmp_path):
    result = run("build", HTML / "baltic-air-defence.html", "-o", tmp_path, "--no-link")
    assert result.exit_code == 0, result.output
    graph = built_graph(tmp_path, "baltic-air-defence")
    node = article_node(graph)
    article = read_article(HTML / "baltic-air-defence.html")
    assert str(graph.value(node, SCHEMA.headline)) == "Lithuania orders 40 air-defence launchers, minister says"
    published = graph.value(node, SCHEMA.datePublished)
    assert str(published) == "2024-10-14T09:30:00+03:00" and published.datatype == XSD.dateTime
    assert str(graph.value(node, SCHEMA.author)) == "Ieva Marcinkutė"
    assert graph.value(node, SCHEMA.url) == URIRef(article.url)
    publisher = graph.value(node, SCHEMA.publisher)
    assert str(graph.value(publisher, SCHEMA.name)) == "Northern Defence Review"
    text = str(graph.value(node, SCHEMA.text))
    assert text == article.text
    assert str(graph.value(node, NG.sha256)) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert check_anchors(graph, text) > 10


# ---------------------------------------------------------------- front matter and plain text


FRONT_MATTER = """---
title: Romania opens drone repair centre near the Black Sea
url: https://black-sea-post.example/2024/romania-drone-repair
published: 2024-09-06
author: Ana Popescu
publisher: Black Sea Post
language: en
tags: [drones, industry]
---

Romania opens drone repair centre near the Black Sea

Romania has opened a repair centre for military drones near Constanța, the country's defence minister, Mihai Ionescu, said on Friday.

Ionescu said the centre would repair about 200 drones a year and employ more than 80 technicians. "We repair here what would otherwise wait months abroad," Ionescu said.
"""


def test_front_matter_metadata_and_text(tmp_path):
    path = tmp_path / "romania-drones.md"
    path.write_text(FRONT_MATTER, encoding="utf-8")
    article = read_article(path)
    assert article.text.startswith("Romania opens drone repair centre near the Black Sea\n\nRomania has opened")
    assert "---" not in article.text and "tags" not in article.text
    assert article.title == "Romania opens drone repair centre near the Black Sea"
    assert article.url == "https://black-sea-post.example/2024/romania-drone-repair"
    assert article.published == "2024-09-06"
    assert (article.author, article.publisher, article.language) == ("Ana Popescu", "Black Sea Post", "en")
    assert article.id == "romania-drones"

    result = run("build", path, "-o", tmp_path / "out", "--no-link")
    assert result.exit_code == 0, result.output
    graph = built_graph(tmp_path / "out", "romania-drones")
    node = article_node(graph)
    published = graph.value(node, SCHEMA.datePublished)
    assert str(published) == "2024-09-06" and published.datatype == XSD.date
    assert str(graph.value(node, SCHEMA.text)) == article.text
    assert check_anchors(graph, article.text) > 0


def test_front_matter_with_a_bad_date_is_refused(tmp_path):
    path = tmp_path / "bad-date.txt"
    path.write_text(FRONT_MATTER.replace("2024-09-06", "last Friday"), encoding="utf-8")
    result = run("build", path, "-o", tmp_path / "out", "--no-link")
    one_error_line(result, 3, "front matter published", "not an ISO 8601 date")


def test_plain_text_is_read_as_before():
    article = read_article(SAMPLE)
    assert article.text == SAMPLE.read_text(encoding="utf-8")
    assert article.title == "Russia loses 400 soldiers per square kilometer in Ukraine, Umerov says"
    assert (article.published, article.url, article.author, article.language) == (None, None, None, "en")


def test_html_is_sniffed_not_taken_from_the_name(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_bytes((HTML / "no-date.html").read_bytes())
    assert read_article(path).title == "Czech plant doubles artillery shell output"


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2024-10-14", "2024-10-14"),
        ("2024-10-14T09:30:00+03:00", "2024-10-14T09:30:00+03:00"),
        ("2024-10-14T06:30:00.000Z", "2024-10-14T06:30:00.000Z"),
        ("2024-10-14T06:30+0000", "2024-10-14T06:30:00Z"),
        ("2024-10-14 06:30:00", "2024-10-14T06:30:00"),
        ("Mon, 14 Oct 2024 06:30:00 GMT", "2024-10-14T06:30:00Z"),
        ("14 October 2024", "2024-10-14"),
        ("October 14, 2024", "2024-10-14"),
        ("2024-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_dates_are_normalised_to_iso_8601(value, iso):
    assert _iso_date(value) == iso


@pytest.mark.parametrize(
    "url, article_id",
    [
        ("https://news.example/2024/10/lithuania-air-defence.html", "lithuania-air-defence"),
        ("https://news.example/2024/10/Lithuania_Air_Defence/", "lithuania-air-defence"),
        ("https://news.example/story?id=7", "story"),
        ("https://news.example/", "news-example"),
    ],
)
def test_article_id_from_url(url, article_id):
    assert _url_id(url) == article_id


# ---------------------------------------------------------------- not English


GERMAN = (
    "Die Bundeswehr hat sechs weitere Flugabwehrsysteme bestellt, wie das Verteidigungsministerium am Montag "
    "mitteilte. Der Minister sagte, die Beschaffung sei notwendig, um Städte und kritische Infrastruktur "
    "besser vor Angriffen mit Drohnen zu schützen. Der Auftrag hat einen Wert von rund zwei Milliarden Euro.\n"
)


def test_non_english_text_is_refused(tmp_path):
    path = tmp_path / "flugabwehr.txt"
    path.write_text(GERMAN, encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", path, "-o", out, "--no-link")
    one_error_line(result, 17, "does not look like English")
    assert not out.exists()


def test_non_latin_script_is_refused_even_when_short(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Умєров: Україна отримає нові дрони\n", encoding="utf-8")
    with pytest.raises(NotEnglish):
        read_article(path)


def test_declared_language_is_respected(tmp_path):
    with pytest.raises(NotEnglish, match="'de'"):
        read_article(HTML / "german-page.html")
    path = tmp_path / "declared.txt"
    path.write_text(FRONT_MATTER.replace("language: en", "language: uk"), encoding="utf-8")
    result = run("extract", path)
    one_error_line(result, 17, "'uk'")


def test_english_inputs_are_not_refused():
    for path in [SAMPLE, *sorted(HTML.glob("*.html"))]:
        if path.name != "german-page.html":
            assert read_article(path).text


# ---------------------------------------------------------------- URLs


class _Handler(http.server.BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, format: str, *args: object) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        page = (HTML / "baltic-air-defence.html").read_bytes()
        route = self.path
        if route == "/article.html":
            self._send(200, page, "text/html; charset=utf-8")
        elif route == "/baltic.html":
            body = (HTML / "baltic-air-defence.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1257"')
            self._send(200, body.encode("windows-1257"), "text/html; charset=windows-1257")
        elif route == "/slow":
            self.server.stop.wait(10)  # longer than the client waits; ends at teardown
            self._send(200, page, "text/html")
        elif route == "/missing":
            self._send(404, b"<html><body>Not found</body></html>", "text/html")
        elif route == "/huge":
            self._stream_huge()
        elif route == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
            self._stream_huge(headers=False)
        elif route in ("/loop-a", "/loop-b"):
            self._redirect("/loop-b" if route == "/loop-a" else "/loop-a")
        elif route.startswith("/hop/"):
            self._redirect(f"/hop/{int(route.rsplit('/', 1)[1]) + 1}")
        elif route == "/to-file":
            self._redirect("file:///etc/passwd")
        else:
            self._send(404, b"", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _stream_huge(self, headers: bool = True) -> None:
        # 50 MB, made a chunk at a time and without a length, so only the client's cap can stop it.
        if headers:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
        try:
            for _ in range(50 * 16):
                self.wfile.write(chunk)
                self.server.huge_sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stop = threading.Event()
        self.huge_sent = 0
        self.user_agents: list[str] = []


@pytest.fixture()
def server():
    srv = _Server()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    srv.base = f"http://127.0.0.1:{srv.server_address[1]}"
    yield srv
    srv.stop.set()
    srv.shutdown()
    srv.server_close()


def test_build_from_a_url(server, tmp_path):
    url = f"{server.base}/article.html"
    result = run("build", "--allow-private", url, "-o", tmp_path, "--no-link")
    assert result.exit_code == 0, result.output
    graph = built_graph(tmp_path, "article")  # the id is the URL path's last segment
    node = article_node(graph)
    assert str(graph.value(node, NG.sourceFile)) == url
    assert str(graph.value(node, SCHEMA.headline)) == "Lithuania orders 40 air-defence launchers, minister says"
    assert graph.value(node, SCHEMA.url) == URIRef("https://northern-defence.example/news/2024/10/lithuania-air-defence-launchers")
    assert str(graph.value(node, SCHEMA.datePublished)) == "2024-10-14T09:30:00+03:00"
    text = str(graph.value(node, SCHEMA.text))
    assert text == read_article(HTML / "baltic-air-defence.html").text
    assert check_anchors(graph, text) > 10
    assert server.user_agents == [USER_AGENT]
    assert USER_AGENT.startswith("newsgraph/")


def test_url_charset_from_the_response(server):
    article = read_article(f"{server.base}/baltic.html", allow_private=True)
    assert article.author == "Ieva Marcinkutė"  # ė is one byte in windows-1257
    assert article.id == "baltic"


def test_extract_from_a_url(server, tmp_path):
    out = tmp_path / "record.yaml"
    result = run("extract", f"{server.base}/article.html", "--allow-private", "--no-link", "-o", out)
    assert result.exit_code == 0, result.output
    assert "Gintaras Valaitis" in out.read_text(encoding="utf-8")


def test_loopback_is_refused_without_allow_private(server, tmp_path):
    result = run("build", f"{server.base}/article.html", "-o", tmp_path / "out", "--no-link")
    one_error_line(result, 16, "127.0.0.1", "--allow-private")
    assert server.user_agents == []  # refused before connecting
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "url",
    ["http://10.1.2.3/a", "http://192.168.0.1/", "http://100.64.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
     "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://localhost/", "file:///etc/passwd", "ftp://news.example/a"],
)
def test_non_public_targets_are_refused(url):
    with pytest.raises(FetchRefused):
        _check_target(url, allow_private=False)


@pytest.mark.parametrize("url", ["http://[", "https://[::1/a", "http://news.example:port/a"])
def test_a_malformed_url_is_one_error_line(url):
    one_error_line(run("extract", url), 11, f"{url}: not a URL that can be fetched")


def test_a_malformed_url_in_an_article_is_refused_or_left_out(tmp_path):
    """A front-matter url that urlsplit cannot take is refused like any other bad one; a page's
    canonical link or JSON-LD url that it cannot take is left out (the page is read)."""
    text = tmp_path / "story.txt"
    text.write_text("---\nurl: http://[\n---\nThe council met on Monday and agreed a new budget.\n", encoding="utf-8")
    one_error_line(run("extract", text, "--no-link"), 3, "front matter url: 'http://[' is not an http(s) URL")
    page = tmp_path / "page.html"
    page.write_text('<html><head><title>Budget agreed</title><link rel="canonical" href="http://[">'
                    '<script type="application/ld+json">{"@type": "NewsArticle", "url": "http://[x"}</script></head>'
                    "<body><article><p>The council met on Monday and agreed a new budget for the coming year, "
                    "its chair said after the vote.</p></article></body></html>", encoding="utf-8")
    article = read_article(page)
    assert article.url is None and "agreed a new budget" in article.text


def test_file_url_needs_allow_private(tmp_path):
    one_error_line(run("extract", SAMPLE.as_uri()), 16, "file: URLs are refused")
    assert read_article(SAMPLE.as_uri(), allow_private=True).text == read_article(SAMPLE).text


def test_timeout(server, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_FETCH_TIMEOUT", "0.5")
    started = time.monotonic()
    result = run("build", "--allow-private", f"{server.base}/slow", "-o", tmp_path, "--no-link")
    one_error_line(result, 12, f"{server.base}/slow", "no answer within 0.5 s")
    assert time.monotonic() - started < 5


def test_http_error(server, tmp_path):
    result = run("build", "--allow-private", f"{server.base}/missing", "-o", tmp_path, "--no-link")
    one_error_line(result, 13, f"HTTP 404 for {server.base}/missing")


def test_too_large_is_aborted_early(server, tmp_path):
    result = run("build", "--allow-private", f"{server.base}/huge", "-o", tmp_path, "--no-link")
    one_error_line(result, 14, "over the 10485760 byte limit")
    time.sleep(0.2)  # let the server notice the closed connection
    assert server.huge_sent < 30 * 1024 * 1024  # the cap stopped the download, not the end of the body


def test_too_large_by_declared_length(server, tmp_path):
    result = run("build", "--allow-private", f"{server.base}/huge-declared", "-o", tmp_path, "--no-link")
    one_error_line(result, 14, f"response of {50 * 1024 * 1024} bytes")


def test_redirect_loop(server, tmp_path):
    result = run("build", "--allow-private", f"{server.base}/loop-a", "-o", tmp_path, "--no-link")
    one_error_line(result, 15, "redirect loop", "/loop-a -> ", "/loop-b -> ")


def test_too_many_redirects(server, tmp_path):
    result = run("build", "--allow-private", f"{server.base}/hop/0", "-o", tmp_path, "--no-link")
    one_error_line(result, 15, "more than 5 redirects")


def test_redirect_to_a_file_url_is_refused(server, tmp_path):
    result = run("build", "--allow-private", f"{server.base}/to-file", "-o", tmp_path, "--no-link")
    one_error_line(result, 16, "file: URL")


def test_bad_timeout_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSGRAPH_FETCH_TIMEOUT", "soon")
    result = run("build", "--allow-private", "http://127.0.0.1:9/a", "-o", tmp_path, "--no-link")
    one_error_line(result, 11, "NEWSGRAPH_FETCH_TIMEOUT")


def test_fetch_error_codes_are_distinct():
    classes = [errors.FetchError, errors.FetchTimeout, errors.FetchHTTPError, errors.FetchTooLarge,
               errors.FetchRedirectLoop, errors.FetchRefused, errors.NotEnglish]
    assert [c.exit_code for c in classes] == [11, 12, 13, 14, 15, 16, 17]
    others = {c.exit_code for c in vars(errors).values()
              if isinstance(c, type) and issubclass(c, errors.NewsgraphError) and c not in classes}
    assert not others & {11, 12, 13, 14, 15, 16, 17}
    assert issubclass(errors.NotEnglish, InputError)


def test_injected_fetcher_reads_plain_text():
    from newsgraph.fetch import FetchedPage

    def fetch(url: str, *, allow_private: bool = False) -> FetchedPage:
        return FetchedPage(url=url, body=SAMPLE.read_bytes(), content_type="text/plain; charset=utf-8")

    article = read_article("https://news.example/ukraine/umerov-ramstein", fetch=fetch)
    assert article.id == "umerov-ramstein"
    assert article.source == "https://news.example/ukraine/umerov-ramstein"
    assert article.url == "https://news.example/ukraine/umerov-ramstein"
    assert article.text == SAMPLE.read_text(encoding="utf-8")


def test_saved_html_page_in_its_declared_encoding(tmp_path):
    page = (HTML / "baltic-air-defence.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1257"')
    path = tmp_path / "saved.html"
    path.write_bytes(page.encode("windows-1257"))
    assert read_article(path).author == "Ieva Marcinkutė"


def test_html_page_without_article_text(tmp_path):
    path = tmp_path / "empty-page.html"
    path.write_text("<!doctype html><html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
                    encoding="utf-8")
    one_error_line(run("build", path, "-o", tmp_path / "out", "--no-link"), 3, "no article text found in the HTML page")
