"""Fetching an article over HTTP(S): bounded in time, size and redirects, and refusing
private addresses unless asked, because a URL handed to a server-side tool must not
become a way into the machine's own network.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:  # httpx takes 0.1 s to import; only URLs need it
    import httpx

from newsgraph import __version__
from newsgraph.errors import (
    FetchError,
    FetchHTTPError,
    FetchRedirectLoop,
    FetchRefused,
    FetchTimeout,
    FetchTooLarge,
)

#: No news page is bigger than this; the download is aborted as soon as it is exceeded.
MAX_FETCH_BYTES = 10 * 1024 * 1024
#: Redirects followed before giving up (a loop is detected earlier).
MAX_REDIRECTS = 5
#: Seconds, for connecting, for each read, and for the whole download. Env: NEWSGRAPH_FETCH_TIMEOUT.
DEFAULT_TIMEOUT = 20.0
TIMEOUT_ENV = "NEWSGRAPH_FETCH_TIMEOUT"
#: Where a site operator can learn what the client is; a placeholder until the project has a home page.
PROJECT_URL = "https://w3id.org/newsgraph"
USER_AGENT = f"newsgraph/{__version__} (+{PROJECT_URL}; contact in README)"

_CHUNK = 64 * 1024
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
    """GET an http(s) URL. Raises a FetchError subclass with a one-line reason."""
    import httpx

    timeout = _timeout() if timeout is None else timeout
    deadline = time.monotonic() + timeout
    seen: list[str] = []
    # trust_env=False: a proxy from the environment would connect on our behalf and make the
    # private-address check meaningless; redirects are followed by hand so each hop is checked.
    with httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9, */*;q=0.1"},
    ) as client:
        current = url
        while True:
            _check_target(current, allow_private)
            seen.append(current)
            try:
                with client.stream("GET", current) as response:
                    if response.status_code in _REDIRECT_STATUSES and "location" in response.headers:
                        target = urljoin(current, response.headers["location"])
                        if target in seen:
                            chain = " -> ".join([*seen[seen.index(target):], target])
                            raise FetchRedirectLoop(f"redirect loop for {url}: {chain}")
                        if len(seen) > max_redirects:
                            raise FetchRedirectLoop(f"more than {max_redirects} redirects for {url}")
                        current = target
                        continue
                    if response.status_code >= 400:
                        raise FetchHTTPError(f"HTTP {response.status_code} for {current}")
                    body = _read_capped(response, current, max_bytes, deadline, timeout)
                    return FetchedPage(url=str(response.url), body=body, content_type=response.headers.get("content-type", ""))
            except httpx.TimeoutException:
                raise FetchTimeout(f"{current}: no answer within {timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"{current}: cannot fetch: {_reason(exc)}") from None


def _timeout() -> float:
    value = os.environ.get(TIMEOUT_ENV)
    if not value:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise FetchError(f"{TIMEOUT_ENV}={value!r}: expected a positive number of seconds")
    return seconds


def _read_capped(response: httpx.Response, url: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    # A declared length over the cap is refused before a byte of the body is read.
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchTooLarge(f"{url}: response of {int(declared)} bytes is over the {max_bytes} byte limit")
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise FetchTooLarge(f"{url}: response is over the {max_bytes} byte limit; download aborted")
        # httpx's timeout is per read: a server trickling bytes would never trip it.
        if time.monotonic() > deadline:
            raise FetchTimeout(f"{url}: download not finished within {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_target(url: str, allow_private: bool) -> None:
    """Refuse schemes other than http(s), and private hosts unless allowed."""
    parts = urlsplit(url)
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


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0]
