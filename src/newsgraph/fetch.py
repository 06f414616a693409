"""Fetching an article over HTTP(S): bounded in time, size and redirects, and refusing
private addresses unless asked, because a URL handed to a server-side tool must not
become a way into the machine's own network.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urljoin, urlsplit

from newsgraph import config
from newsgraph.errors import (
    FetchError,
    FetchHTTPError,
    FetchRedirectLoop,
    FetchRefused,
    FetchTimeout,
    FetchTooLarge,
)

#: No news page is bigger than this (after decompression); the download is aborted as soon as it is exceeded.
MAX_FETCH_BYTES = 10 * 1024 * 1024
#: Redirects followed before giving up (a loop is detected earlier).
MAX_REDIRECTS = 5
#: Seconds for the whole fetch, redirects included. Env: NEWSGRAPH_FETCH_TIMEOUT (newsgraph.config).
DEFAULT_TIMEOUT = config.DEFAULT_FETCH_TIMEOUT
_ACCEPT = "text/html, text/plain;q=0.9, */*;q=0.1"
_REDIRECT_STATUSES = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class FetchedPage:
    """A fetched response: where it finally came from, its body and its declared type."""

    url: str  # after redirects
    body: bytes
    content_type: str = ""  # the Content-Type header, e.g. "text/html; charset=utf-8"


class Fetcher(Protocol):
    """What `read_article` calls to get a URL; `fetch_url` by default, a stub in tests."""

    def __call__(self, url: str, *, allow_private: bool = False) -> FetchedPage: ...


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float | None = None,
    max_bytes: int = MAX_FETCH_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> FetchedPage:
    """GET an http(s) URL. Raises a FetchError subclass with a one-line reason.

    `timeout` (default NEWSGRAPH_FETCH_TIMEOUT, else 20 s) bounds the whole fetch: connecting,
    the headers and the body of every hop, however slowly the server sends them."""
    from newsgraph import http  # httpx takes 0.1 s to import; only URLs need it

    timeout = config.fetch_timeout() if timeout is None else timeout
    deadline = time.monotonic() + timeout
    seen: list[str] = []
    # No proxy from the environment: it would connect on our behalf and make the private-address
    # check meaningless. Redirects are followed here, not by httpx, so that each hop is checked.
    with http.Client(timeout=timeout, accept=_ACCEPT) as client:
        current = url
        while True:
            _check_target(current, allow_private)
            seen.append(current)
            try:
                answer = client.send("GET", current, max_bytes=max_bytes, deadline=deadline,
                                     read_body=_keeps_body)
            except http.TimedOut as exc:
                if exc.phase == "body":
                    raise FetchTimeout(f"{current}: download not finished within {timeout:g} s") from None
                raise FetchTimeout(f"{current}: no answer within {timeout:g} s") from None
            except http.TooLarge as exc:
                raise FetchTooLarge(f"{current}: {exc}") from None
            except http.HttpError as exc:
                raise FetchError(f"{current}: cannot fetch: {exc}") from None
            if answer.status in _REDIRECT_STATUSES and "location" in answer.headers:
                target = urljoin(current, answer.headers["location"])
                if target in seen:
                    chain = " -> ".join([*seen[seen.index(target):], target])
                    raise FetchRedirectLoop(f"redirect loop for {url}: {chain}")
                if len(seen) > max_redirects:
                    raise FetchRedirectLoop(f"more than {max_redirects} redirects for {url}")
                current = target
                continue
            if answer.status >= 400:
                raise FetchHTTPError(f"HTTP {answer.status} for {current}")
            return FetchedPage(url=answer.url, body=answer.body, content_type=answer.content_type)


def _keeps_body(status: int) -> bool:
    # Neither an error page nor a redirect is read: only their status matters.
    return status < 400 and status not in _REDIRECT_STATUSES


def _check_target(url: str, allow_private: bool) -> None:
    """Refuse schemes other than http(s), and private hosts unless allowed."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is no number raises here)
    except ValueError as exc:  # "http://[": an unclosed IPv6 bracket
        raise FetchError(f"{url}: not a URL that can be fetched ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme == "file":
        if not allow_private:
            raise FetchRefused(f"{url}: file: URLs are refused (use --allow-private to read local files by URL)")
        raise FetchRefused(f"{url}: a redirect to a file: URL is refused")
    if scheme not in ("http", "https"):
        raise FetchRefused(f"{url}: only http and https URLs can be fetched")
    host = parts.hostname
    if not host:
        raise FetchError(f"{url}: the URL has no host")
    if allow_private:
        return
    for address in _addresses(host, parts.port or (443 if scheme == "https" else 80), url):
        if not _is_public(address):
            what = f"{host} is" if address == host.strip("[]") else f"{host} resolves to"
            raise FetchRefused(f"{url}: {what} the non-public address {address}; refused without --allow-private")


def _addresses(host: str, port: int, url: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"{url}: cannot resolve {host}: {getattr(exc, 'strerror', None) or exc}") from None
    # Every address is checked: a name with one public and one private address is refused.
    return sorted({str(info[4][0]).split("%", 1)[0] for info in infos})


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    # is_global excludes private, loopback, link-local, shared (100.64/10), reserved and documentation
    # ranges; the explicit tests say what matters most even where is_global is lax in older Pythons.
    return ip.is_global and not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )
