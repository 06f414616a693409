"""newsgraph.http, the one HTTP client of fetch, Wikidata and SPARQL endpoints, against real
servers on 127.0.0.1: servers that trickle their headers or body a byte a second, one that
demands Digest authentication and checks the answer, one that asks for a pause with
Retry-After, one that sends a gzip bomb. Also the environment settings (newsgraph.config).

Time bounds here are bounds ("it ended, well before the trickle would"), not benchmarks.
"""

from __future__ import annotations

import gzip
import hashlib
import http.server
import json
import os
import socketserver
import threading
import time
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from newsgraph import http as nh
from newsgraph import store as ns
from newsgraph.cli import main
from newsgraph.errors import FetchTimeout, StoreAuthError, WikidataError
from newsgraph.fetch import fetch_url
from newsgraph.model import Anchor, Article, Entity, Quote, Record, entity_key
from newsgraph.record import write_record
from newsgraph.wikidata import WikidataClient

pytestmark = pytest.mark.network

ENGLISH = (
    "The defence ministers of five countries met in Riga on Monday to agree on new air defences. "
    "They said the first systems would arrive next year, and that more would follow after that."
)


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def one_error_line(result, exit_code: int, *fragments: str) -> None:
    assert result.exit_code == exit_code, result.output
    assert result.output.startswith("Error: "), result.output
    assert len(result.output.splitlines()) == 1, result.output
    for fragment in fragments:
        assert fragment in result.output, result.output


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    """No settings or credentials from the developer's environment or ~/.netrc."""
    for name in list(os.environ):
        if name.startswith("NEWSGRAPH_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))


# --------------------------------------------------------------------------- trickling servers


#: A complete answer: the headers server sends it a byte a second, the body server sends the
#: head at once and the body a byte a second. Either way, well over a minute in all.
HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nX-Padding: " + b"x" * 40 + b"\r\n"
    b"Content-Length: %d\r\n\r\n"
)
BODY = (ENGLISH + "\n").encode()


class _Trickle(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self, slow: str):
        super().__init__(("127.0.0.1", 0), _TrickleHandler)
        self.slow = slow  # "headers" or "body"
        self.stop = threading.Event()
        self.requests = 0
        self.url = f"http://127.0.0.1:{self.server_address[1]}/w/api.php"


class _TrickleHandler(socketserver.BaseRequestHandler):
    server: _Trickle

    def handle(self) -> None:
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            received += chunk
        self.server.requests += 1
        head = HEAD % len(BODY)
        try:
            if self.server.slow == "body":
                self.request.sendall(head)
                slow = BODY
            else:
                slow = head + BODY
            # 30 bytes at most, then hang up: were the deadline not kept, a test fails in 30 s, not 5 min.
            for byte in slow[:30]:
                if self.server.stop.wait(1.0):
                    return
                self.request.sendall(bytes([byte]))
        except OSError:
            pass  # the client hung up: what a deadline does


@pytest.fixture(params=["headers", "body"])
def trickle(request) -> Iterator[_Trickle]:
    server = _Trickle(request.param)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.stop.set()
    server.shutdown()
    server.server_close()


def test_fetch_deadline_holds_against_a_trickling_server(trickle, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_FETCH_TIMEOUT", "2")
    url = f"http://127.0.0.1:{trickle.server_address[1]}/article"
    started = time.monotonic()
    result = run("build", "--allow-private", url, "-o", tmp_path / "out", "--no-link")
    elapsed = time.monotonic() - started
    phase = "no answer within 2 s" if trickle.slow == "headers" else "download not finished within 2 s"
    one_error_line(result, 12, url, phase)
    assert elapsed < 15  # the server trickles for 30 s before it hangs up
    assert not (tmp_path / "out").exists()


def test_fetch_url_timeout_argument_is_a_deadline_too(trickle):
    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        fetch_url(trickle.url, allow_private=True, timeout=1.5)
    assert time.monotonic() - started < 15


class _SlowHops(http.server.BaseHTTPRequestHandler):
    """Each hop redirects to the next after 0.8 s: every hop is in time, the chain is not."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        time.sleep(0.8)
        hop = int(self.path.rsplit("/", 1)[1])
        if hop < 4:
            self.send_response(302)
            self.send_header("Location", f"/hop/{hop + 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)


@pytest.mark.slow
def test_fetch_deadline_covers_the_redirects(monkeypatch, tmp_path):
    server, base = _serve(_SlowHops)
    try:
        assert fetch_url(f"{base}/hop/0", allow_private=True, timeout=10).body == BODY  # 4 s in all
        monkeypatch.setenv("NEWSGRAPH_FETCH_TIMEOUT", "2")
        result = run("build", "--allow-private", f"{base}/hop/0", "-o", tmp_path / "out", "--no-link")
    finally:
        server.shutdown()
        server.server_close()
    one_error_line(result, 12, "no answer within 2 s", f"{base}/hop/")


def test_wikidata_deadline_holds_against_a_trickling_server(trickle, tmp_path):
    started = time.monotonic()
    with WikidataClient(trickle.url, cache_path=tmp_path / "c.sqlite", rate=1000, timeout=1, backoff=0.01) as client:
        with pytest.raises(WikidataError) as info:
            client.search("Riga")
    assert time.monotonic() - started < 15
    phase = "no answer within 1 s" if trickle.slow == "headers" else "download not finished within 1 s"
    assert str(info.value) == f"Wikidata API unavailable for wbsearchentities after 3 tries: {phase}"
    assert trickle.requests == 3


# --------------------------------------------------------------------------- environment settings


def _record(tmp_path: Path) -> Path:
    text = "“We will not stop,” Nobody Atall said."
    person = Entity(key=entity_key("Person", "Nobody Atall"), name="Nobody Atall", kind="Person")
    start = text.index("We will not stop,")
    quote = Quote(speaker=person.key, text="We will not stop,", anchor=Anchor(start, start + 17, "We will not stop,"))
    return write_record(Record(article=Article(id="n", text=text), entities=[person], quotes=[quote]),
                        tmp_path / "record.yaml")


@pytest.mark.parametrize("value", ["inf", "-1", "abc", "nan", "0", "1e300", " "])
def test_bad_fetch_timeout_is_one_line_and_code_11(value, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSGRAPH_FETCH_TIMEOUT", value)
    result = run("build", "--allow-private", "http://127.0.0.1:9/a", "-o", tmp_path, "--no-link")
    one_error_line(result, 11, f"NEWSGRAPH_FETCH_TIMEOUT={value!r}", "expected a positive number of seconds, at most 86400")


@pytest.mark.parametrize(("name", "value", "accepts"), [
    ("NEWSGRAPH_WIKIDATA_TIMEOUT", "inf", "expected a positive number of seconds"),
    ("NEWSGRAPH_WIKIDATA_TIMEOUT", "-1", "expected a positive number of seconds"),
    ("NEWSGRAPH_WIKIDATA_RATE", "0", "expected a positive number of requests per second"),
    ("NEWSGRAPH_WIKIDATA_RATE", "nan", "expected a positive number of requests per second"),
    ("NEWSGRAPH_WIKIDATA_API", "ftp://mirror.example/api", "expected an http(s) URL"),
    ("NEWSGRAPH_WIKIDATA_API", "https://user:secret@mirror.example/w/api.php", "without user or password"),
    ("NEWSGRAPH_WIKIDATA_API", "https://[mirror.example/w/api.php", "expected an http(s) URL"),
])
def test_bad_wikidata_setting_is_one_line_and_code_5(name, value, accepts, monkeypatch, tmp_path):
    record = _record(tmp_path)
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv(name, value)
    result = run("link", record, "--online", "-o", tmp_path / "linked.yaml")
    one_error_line(result, 5, name, accepts)
    assert "secret" not in result.output  # a password in the URL is not repeated
    assert not (tmp_path / "linked.yaml").exists()


def test_settings_in_range_are_used(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSGRAPH_WIKIDATA_TIMEOUT", "2.5")
    monkeypatch.setenv("NEWSGRAPH_WIKIDATA_RATE", "4")
    monkeypatch.setenv("NEWSGRAPH_WIKIDATA_API", "http://127.0.0.1:9/w/api.php")
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path / "cache"))
    with WikidataClient() as client:
        assert (client.timeout, client.rate, client.api_url) == (2.5, 4.0, "http://127.0.0.1:9/w/api.php")
        assert client.cache_path == tmp_path / "cache" / "wikidata-cache.sqlite"


# --------------------------------------------------------------------------- one User-Agent


class _Everything(http.server.BaseHTTPRequestHandler):
    """An article, a Wikidata API and a SPARQL endpoint in one; records the User-Agents."""

    agents: list[tuple[str, str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        type(self).agents.append((self.path.split("?")[0], self.headers.get("User-Agent", "")))
        if self.path.startswith("/article"):
            self._send(BODY, "text/plain; charset=utf-8")
        elif self.path.startswith("/w/api.php"):
            self._send(b'{"search": []}', "application/json")
        else:
            self._send(b'{"head": {}, "boolean": true}', "application/sparql-results+json")

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(handler: type[http.server.BaseHTTPRequestHandler]) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def test_fetch_wikidata_and_store_send_the_one_user_agent(tmp_path):
    _Everything.agents = []
    server, base = _serve(_Everything)
    try:
        assert fetch_url(f"{base}/article", allow_private=True).body == BODY
        with WikidataClient(f"{base}/w/api.php", cache_path=tmp_path / "c.sqlite", rate=1000) as client:
            assert client.search("Riga") == []
        assert ns.query("ASK {}", endpoint=f"{base}/sparql").boolean is True
    finally:
        server.shutdown()
        server.server_close()
    assert [path for path, _ in _Everything.agents] == ["/article", "/w/api.php", "/sparql"]
    assert {agent for _, agent in _Everything.agents} == {nh.USER_AGENT}
    assert nh.USER_AGENT.startswith("newsgraph/") and "(+https://w3id.org/newsgraph; contact: see README)" in nh.USER_AGENT
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "\n## Contact\n" in readme  # what the User-Agent points to


# --------------------------------------------------------------------------- Digest and Basic


REALM = "newsgraph-test"


def _answer_true(handler: http.server.BaseHTTPRequestHandler) -> None:
    """The SPARQL answer to an ASK that holds."""
    body = b'{"head": {}, "boolean": true}'
    handler.send_response(200)
    handler.send_header("Content-Type", "application/sparql-results+json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class _DigestServer(http.server.BaseHTTPRequestHandler):
    """Demands Digest (RFC 7616, qop=auth) and checks the answer itself, as a server does."""

    algorithm = "MD5"
    user, password = "ann", "s3cret pass"
    seen: list[str | None] = []
    nonce = "a1b2c3d4e5f6"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        auth = self.headers.get("Authorization")
        type(self).seen.append(auth)
        if auth is None or not self._valid(auth):
            self.send_response(401)
            self.send_header(
                "WWW-Authenticate",
                f'Digest realm="{REALM}", qop="auth", nonce="{self.nonce}", opaque="0p4que", algorithm={self.algorithm}',
            )
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        _answer_true(self)

    def _valid(self, header: str) -> bool:
        scheme, _, rest = header.partition(" ")
        if scheme != "Digest":
            return False
        fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))
        hasher = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}[self.algorithm]

        def h(text: str) -> str:
            return hasher(text.encode()).hexdigest()

        ha1 = h(f"{self.user}:{REALM}:{self.password}")
        ha2 = h(f"GET:{self.path}")
        expected = h(f"{ha1}:{self.nonce}:{fields.get('nc')}:{fields.get('cnonce')}:auth:{ha2}")
        return (fields.get("username") == self.user and fields.get("uri") == self.path
                and fields.get("opaque") == "0p4que" and fields.get("response") == expected)


@pytest.fixture(params=["MD5", "SHA-256"])
def digest_server(request) -> Iterator[str]:
    handler = type("Digest" + request.param.replace("-", ""), (_DigestServer,), {"algorithm": request.param, "seen": []})
    server, base = _serve(handler)
    yield base, handler
    server.shutdown()
    server.server_close()


def test_digest_through_httpx_against_a_server_that_checks_it(digest_server, monkeypatch):
    base, handler = digest_server
    monkeypatch.setenv("NEWSGRAPH_USER", handler.user)
    monkeypatch.setenv("NEWSGRAPH_PASSWORD", handler.password)
    with ns._Http(ns.Auth.from_environment(base), timeout=5, retries=1) as client:
        for _ in range(2):
            status, _ctype, body = client.request("GET", f"{base}/sparql?query=ASK%7B%7D")
            assert status == 200 and json.loads(body)["boolean"] is True
    # The first request carries no password; the challenge is answered with Digest; the
    # second query is authenticated at once, and a password never travels in the clear.
    assert handler.seen[0] is None
    assert all(a.startswith("Digest ") for a in handler.seen[1:]) and len(handler.seen) == 3
    assert all(handler.password not in a for a in handler.seen[1:])


def test_wrong_digest_password_is_code_7_and_one_line(digest_server, monkeypatch):
    base, handler = digest_server
    monkeypatch.setenv("NEWSGRAPH_USER", handler.user)
    monkeypatch.setenv("NEWSGRAPH_PASSWORD", "wrong-password")
    result = run("query", "ASK {}", "--endpoint", f"{base}/sparql")
    one_error_line(result, 7, "credentials missing or wrong", f"{base}/sparql")
    assert "wrong-password" not in result.output
    assert len(handler.seen) == 2  # asked, answered, refused: not retried


def test_digest_credentials_from_netrc(digest_server, monkeypatch, tmp_path):
    base, handler = digest_server
    rc = tmp_path / "netrc"
    rc.write_text(f'machine 127.0.0.1 login {handler.user} password "{handler.password}"\n', encoding="utf-8")
    rc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(rc))
    result = run("query", "ASK {}", "--endpoint", f"{base}/sparql")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "true"


def test_a_digest_algorithm_httpx_lacks_is_an_auth_error_not_a_crash(monkeypatch):
    handler = type("DigestOdd", (_DigestServer,), {"algorithm": "SHA-999", "seen": []})
    server, base = _serve(handler)
    monkeypatch.setenv("NEWSGRAPH_USER", "ann")
    monkeypatch.setenv("NEWSGRAPH_PASSWORD", "pw")
    try:
        result = run("query", "ASK {}", "--endpoint", f"{base}/sparql")
    finally:
        server.shutdown()
        server.server_close()
    one_error_line(result, 7, "SHA-999")
    assert len(handler.seen) == 1


def test_unreadable_netrc_is_an_auth_error(monkeypatch, tmp_path):
    rc = tmp_path / "netrc"
    rc.write_text("machine 127.0.0.1 login ann password pw\nfrobnicate s3cret-line\n", encoding="utf-8")
    rc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(rc))
    with pytest.raises(StoreAuthError, match="cannot read the netrc file netrc") as info:
        ns.query("ASK {}", endpoint="http://127.0.0.1:9/sparql", retries=1)
    assert "s3cret" not in str(info.value) and info.value.exit_code == 7  # the file's lines are not quoted


# --------------------------------------------------------------------------- Retry-After


class _Busy(http.server.BaseHTTPRequestHandler):
    """503 with Retry-After for the first request, then the answer; records when each came."""

    times: list[float] = []
    retry_after = "1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        type(self).times.append(time.monotonic())
        if len(type(self).times) == 1:
            self.send_response(503)
            self.send_header("Retry-After", type(self).retry_after)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        _answer_true(self)


@pytest.mark.parametrize("form", ["seconds", "http-date"])
def test_retry_after_is_honoured_over_the_backoff(form):
    when = datetime.now(timezone.utc) + timedelta(seconds=2)
    handler = type("Busy", (_Busy,), {"times": [], "retry_after": "1" if form == "seconds" else format_datetime(when, usegmt=True)})
    server, base = _serve(handler)
    try:
        result = ns.query("ASK {}", endpoint=f"{base}/sparql", retries=2, backoff=0.01, timeout=5)
    finally:
        server.shutdown()
        server.server_close()
    assert result.boolean is True
    first, second = handler.times
    assert second - first >= 0.9  # the server's pause, not the 0.01 s backoff


def test_retry_after_values():
    def after(value: str) -> float | None:
        return nh.retry_after(httpx.Headers({"Retry-After": value}))

    assert after("3") == 3.0
    assert after("-5") == 0.0
    assert after("86400") == nh.MAX_RETRY_AFTER  # capped: a command does not hang for a day
    assert after("soon") is None and after("nan") is None
    assert nh.retry_after(httpx.Headers()) is None
    past = format_datetime(datetime.now(timezone.utc) - timedelta(hours=1), usegmt=True)
    assert after(past) == 0.0


# --------------------------------------------------------------------------- gzip bomb


class _Bomb(http.server.BaseHTTPRequestHandler):
    """11 MB of spaces, gzip-compressed to a few kB: only the decompressed size shows the cap."""

    payload = gzip.compress(b" " * (11 * 1024 * 1024))

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(self.payload)))
        self.end_headers()
        self.wfile.write(self.payload)


def test_gzip_bomb_is_capped_after_decompression(tmp_path):
    assert len(_Bomb.payload) < 100 * 1024
    server, base = _serve(_Bomb)
    try:
        result = run("build", "--allow-private", f"{base}/page", "-o", tmp_path / "out", "--no-link")
    finally:
        server.shutdown()
        server.server_close()
    one_error_line(result, 14, "over the 10485760 byte limit")


# --------------------------------------------------------------------------- src/ hand-parses no authentication


def test_no_module_parses_authentication_headers_by_hand():
    src = Path(__file__).resolve().parents[1] / "src" / "newsgraph"
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "www-authenticate" not in text.lower(), path
        assert "hashlib.md5" not in text, path
