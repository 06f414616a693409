"""newsgraph's one HTTP client, on httpx: fetching article URLs, the Wikidata API, SPARQL endpoints.

What every request gets here, so that no caller carries its own copy:

* one User-Agent (:data:`USER_AGENT`), saying what the client is and where to reach its makers;
* time limits: per phase (connect, each read, each write) and, when asked, one **deadline for
  the whole request** — connecting, the headers and the body. httpx's own read timeout is per
  read, so a server that trickles a byte a second never trips it; here every socket operation
  is given only the time left before the deadline (:class:`_DeadlineBackend`), and the body is
  checked against it chunk by chunk, so a trickled header or body ends at the deadline;
* a cap on the body, counted after decompression (a small gzip bomb cannot blow up), and
  refused before reading when the declared length is over it;
* retries (:meth:`Client.request`) on connection failures, time-outs, 429 and 5xx answers, with
  exponential backoff, honouring ``Retry-After`` (capped);
* credentials from the environment or netrc (:class:`Credentials`), sent with httpx's own
  ``BasicAuth`` and ``DigestAuth``, or as a bearer token.

Failures are the small :class:`HttpError` family below, each with a one-line reason; the
calling module turns them into its own typed error (``newsgraph.errors``) and exit code.
Environment variables are read by :mod:`newsgraph.config`, not here.

httpx takes about 0.1 s to import: modules that need HTTP only sometimes import this one
inside the function that needs it.
"""

from __future__ import annotations

import contextvars
import email.utils
import netrc
import ssl
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from newsgraph import __version__, config

#: The project's home; the README's "Contact" section says how to reach its makers.
PROJECT_URL = "https://w3id.org/newsgraph"
#: One User-Agent for every request, in the form Wikimedia's User-Agent policy asks for:
#: client/version (URL; contact) library/version.
USER_AGENT = f"newsgraph/{__version__} (+{PROJECT_URL}; contact: see README) httpx/{httpx.__version__}"

#: A ``Retry-After`` longer than this is not honoured in full: a command should not hang for minutes.
MAX_RETRY_AFTER = 30.0
#: The default body cap; callers pass their own.
DEFAULT_MAX_BYTES = 32 * 1024 * 1024

_CHUNK = 64 * 1024


# --------------------------------------------------------------------------- errors


class HttpError(Exception):
    """A request failed; the message is one line. Callers turn it into a typed newsgraph error."""


class TimedOut(HttpError):
    """No complete answer in time. ``phase`` is "answer" (connecting, sending, waiting for the
    headers) or "body" (the headers came, the body did not finish)."""

    def __init__(self, phase: str, seconds: float):
        self.phase = phase
        self.seconds = seconds
        what = "download not finished" if phase == "body" else "no answer"
        super().__init__(f"{what} within {seconds:g} s")


class TransportFailed(HttpError):
    """The connection could not be made or broke (refused, reset, not HTTP, bad URL)."""


class CertificateFailed(TransportFailed):
    """The server's TLS certificate is not trusted. Never retried: trying again cannot help."""


class TooLarge(HttpError):
    """The body is over the cap. ``declared`` is the Content-Length when that alone was over it."""

    def __init__(self, limit: int, declared: int | None = None):
        self.limit = limit
        self.declared = declared
        if declared is not None:
            super().__init__(f"response of {declared} bytes is over the {limit} byte limit")
        else:
            super().__init__(f"response is over the {limit} byte limit; download aborted")


class AuthFailed(HttpError):
    """Credentials could not be used: an unreadable netrc file, a challenge httpx cannot answer."""


class GaveUp(HttpError):
    """Every try failed. ``problem`` says what the last one ran into; ``answer`` is its answer,
    if it got one (a 429 or 5xx, or one the caller's check refused)."""

    def __init__(self, tries: int, problem: str, answer: Answer | None = None):
        self.tries = tries
        self.problem = problem
        self.answer = answer
        super().__init__(f"after {tries} tr{'y' if tries == 1 else 'ies'}: {problem}")


# --------------------------------------------------------------------------- answers


@dataclass(frozen=True)
class Answer:
    """A complete response: where it came from (after redirects httpx followed), status, headers, body."""

    url: str
    status: int
    reason: str
    headers: httpx.Headers
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def status_line(self) -> str:
        return f"HTTP {self.status} {self.reason}".rstrip()


@dataclass(frozen=True)
class Retry:
    """A caller's check asking for another try of an answer that came back fine at the HTTP level
    (e.g. the Wikidata API's ``maxlag`` error); ``wait`` is None for the usual backoff."""

    problem: str
    wait: float | None = None


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds the server asks us to wait (a number or an HTTP date), capped; None if it does not say."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - datetime.now(timezone.utc)).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


# --------------------------------------------------------------------------- the client


def _always(status: int) -> bool:
    return True


class Client:
    """An httpx client with newsgraph's User-Agent, limits and retries. Use as a context manager,
    or call :meth:`close`.

    ``timeout`` bounds each phase (connect, each read, each write). With ``total=True`` it is
    also the deadline of each request as a whole (each try of it, for :meth:`request`).
    ``proxies_from_environment`` lets httpx use ``HTTP(S)_PROXY`` and friends; never for
    article URLs, where a proxy would connect for us and defeat the private-address check.
    """

    def __init__(
        self,
        *,
        timeout: float,
        total: bool = True,
        accept: str = "*/*",
        auth: httpx.Auth | None = None,
        follow_redirects: bool = False,
        max_redirects: int = 5,
        proxies_from_environment: bool = False,
        user_agent: str = USER_AGENT,
    ):
        self.timeout = timeout
        self.total = total
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            auth=auth,
            follow_redirects=follow_redirects,
            max_redirects=max_redirects,
            trust_env=proxies_from_environment,
            headers={"User-Agent": user_agent, "Accept": accept},
            transport=_DeadlineTransport(trust_env=proxies_from_environment),
        )

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def send(
        self,
        method: str,
        url: str,
        *,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        read_body: Callable[[int], bool] = _always,
        deadline: float | None = None,
    ) -> Answer:
        """One request, whatever its status. ``read_body(status)`` says whether to read the body
        (not reading it closes the connection). ``deadline`` (a ``time.monotonic()`` value)
        overrides the one ``total`` sets, e.g. to bound a chain of redirects as one fetch."""
        if deadline is None and self.total:
            deadline = time.monotonic() + self.timeout
        token = _DEADLINE.set(deadline)
        phase = "answer"
        try:
            request = self._client.build_request(method, url, content=content, headers=headers)
            response = self._client.send(request, stream=True)
            try:
                phase = "body"
                body = _read_capped(response, max_bytes, deadline) if read_body(response.status_code) else b""
            finally:
                response.close()
        except httpx.TimeoutException:
            raise TimedOut(phase, self.timeout) from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise _transport_failure(exc) from None
        finally:
            _DEADLINE.reset(token)
        return Answer(str(response.url), response.status_code, response.reason_phrase, response.headers, body)

    def request(
        self,
        method: str,
        url: str,
        *,
        tries: int,
        backoff: float,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        read_body: Callable[[int], bool] = _always,
        before_try: Callable[[], None] | None = None,
        check: Callable[[Answer], Retry | None] | None = None,
    ) -> Answer:
        """:meth:`send`, tried again on connection failures, time-outs, 429 and 5xx answers, and
        whatever ``check`` asks to retry; waits ``backoff`` seconds, doubled after each try, or
        what ``Retry-After`` says. Other answers (2xx, 3xx, 4xx) are returned. Raises
        :class:`GaveUp` after ``tries`` tries; :class:`CertificateFailed`, :class:`TooLarge` and
        :class:`AuthFailed` at once. ``before_try`` runs before each try (a rate limit)."""
        tries = max(1, tries)
        for attempt in range(1, tries + 1):
            if before_try is not None:
                before_try()
            wait: float | None = None
            answer: Answer | None = None
            try:
                answer = self.send(method, url, content=content, headers=headers, max_bytes=max_bytes,
                                   read_body=read_body)
            except (CertificateFailed, TooLarge, AuthFailed):
                raise
            except (TimedOut, TransportFailed) as exc:
                problem = str(exc)
            else:
                verdict = None
                if answer.status == 429 or answer.status >= 500:
                    verdict = Retry(answer.status_line, retry_after(answer.headers))
                elif check is not None:
                    verdict = check(answer)
                if verdict is None:
                    return answer
                problem, wait = verdict.problem, verdict.wait
            if attempt == tries:
                raise GaveUp(tries, problem, answer)
            time.sleep(wait if wait is not None else backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")  # the loop returns or raises


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float | None) -> bytes:
    # A declared length over the cap is refused before a byte of the body is read.
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(max_bytes, int(declared))
    chunks: list[bytes] = []
    total = 0
    # iter_bytes decompresses: the cap counts what the body becomes, not what it was on the wire.
    for chunk in response.iter_bytes(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise TooLarge(max_bytes)
        if deadline is not None and time.monotonic() > deadline:
            raise httpx.ReadTimeout("deadline passed")
        chunks.append(chunk)
    return b"".join(chunks)


def _transport_failure(exc: Exception) -> TransportFailed:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return CertificateFailed(f"TLS certificate not trusted: {_one_line(cause)}")
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.ConnectError):
        return TransportFailed(f"cannot connect: {_one_line(exc)}")
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return TransportFailed(f"not a URL that can be requested: {_one_line(exc)}")
    if isinstance(exc, httpx.TooManyRedirects):
        return TransportFailed(_one_line(exc))
    return TransportFailed(f"connection failed: {_one_line(exc)}")


def _one_line(exc: object) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


# --------------------------------------------------------------------------- the deadline

#: The deadline (a time.monotonic() value) of the request running in this thread/context, if any.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("newsgraph_http_deadline", default=None)


def _bounded(timeout: float | None, expired: type[Exception]) -> float | None:
    """A socket operation's timeout, cut to the time left before the deadline."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write gets at most the time left before the deadline."""

    def __init__(self, stream: httpcore.NetworkStream):
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout))
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's own sockets, wrapped in :class:`_DeadlineStream`; connecting is bounded too."""

    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._backend.connect_tcp(
            host, port, _bounded(timeout, httpcore.ConnectTimeout), local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._backend.connect_unix_socket(
            path, _bounded(timeout, httpcore.ConnectTimeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport, with its connection pool on :class:`_DeadlineBackend`."""

    def __init__(self, *, trust_env: bool):
        super().__init__(trust_env=trust_env)
        # httpx takes no network backend argument; its pool (httpcore.ConnectionPool, whose
        # constructor does) is given one. httpx and httpcore are pinned; the time-out tests
        # with trickling servers fail if this stops taking effect.
        pool = self._pool
        if not hasattr(pool, "_network_backend"):
            raise RuntimeError("this httpcore version has no network backend to bound by a deadline")
        pool._network_backend = _DeadlineBackend()


# --------------------------------------------------------------------------- credentials


@dataclass(frozen=True)
class Credentials:
    """Credentials for an endpoint. The secrets never appear in ``repr``."""

    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    def __bool__(self) -> bool:
        return bool(self.token or (self.user is not None and self.password is not None))

    @classmethod
    def from_environment(cls, url: str) -> Credentials:
        """``NEWSGRAPH_TOKEN``; else ``NEWSGRAPH_USER`` + ``NEWSGRAPH_PASSWORD``; else the netrc
        entry (``NETRC`` or ``~/.netrc``) for the URL's host (its login must match
        ``NEWSGRAPH_USER`` when that is set); else nothing."""
        env = config.secrets()
        if env.token:
            return cls(token=env.token)
        if env.user and env.password is not None:
            return cls(user=env.user, password=env.password)
        found = _netrc_entry(env.file, urlsplit(url).hostname or "")
        if found:
            login, secret = found
            if env.user and login and login != env.user:
                return cls(user=env.user)
            return cls(user=env.user or login, password=secret)
        return cls(user=env.user)

    def auth(self) -> httpx.Auth | None:
        """The httpx auth that sends these credentials; None when there are none."""
        if self.token:
            return _BearerAuth(self.token)
        if self.user is not None and self.password is not None:
            return _ChallengeAuth(self.user, self.password)
        return None


def _netrc_entry(path: Path, host: str) -> tuple[str, str] | None:
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except (netrc.NetrcParseError, OSError) as exc:
        # The parse error may quote a line of the file: do not pass it on.
        raise AuthFailed(f"cannot read the netrc file {path.name}: {type(exc).__name__}") from None
    if not entry or entry[2] is None:
        return None
    return entry[0] or "", entry[2]


class _BearerAuth(httpx.Auth):
    """``Authorization: Bearer <token>`` on every request (httpx has no class for it)."""

    def __init__(self, token: str):
        self._header = f"Bearer {token}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request


class _ChallengeAuth(httpx.Auth):
    """A user and password, sent the way the server's 401 asks: httpx's ``DigestAuth`` when the
    challenge is Digest, else httpx's ``BasicAuth``.

    The first request goes without credentials, so a password is never sent in the clear to a
    server that would take Digest; the scheme that worked is used at once for the requests
    after it. A 401 that Digest answered and Basic cannot improve on is returned as it is.
    """

    def __init__(self, user: str, password: str):
        self._digest = httpx.DigestAuth(user, password)
        self._basic = httpx.BasicAuth(user, password)
        self._chosen: httpx.Auth | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._chosen is not None:
            yield from _guarded(self._chosen.auth_flow(request))
            return
        response, sent = yield from _guarded(self._digest.auth_flow(request))
        if sent > 1:
            self._chosen = self._digest  # DigestAuth found a Digest challenge and answered it
        elif response is not None and response.status_code == 401:
            self._chosen = self._basic  # a challenge, but not Digest
            yield from _guarded(self._basic.auth_flow(request))


def _guarded(
    flow: Generator[httpx.Request, httpx.Response, None],
) -> Generator[httpx.Request, httpx.Response, tuple[httpx.Response | None, int]]:
    """Runs an httpx auth flow; returns its last response and how many requests it sent. A
    challenge httpx cannot answer (an unknown Digest algorithm, a malformed challenge) is
    :class:`AuthFailed`, not a connection error to retry."""
    response: httpx.Response | None = None
    sent = 0
    try:
        request = next(flow)
        while True:
            response = yield request
            sent += 1
            request = flow.send(response)
    except StopIteration:
        return response, sent
    except KeyError as exc:  # DigestAuth's table of algorithms
        raise AuthFailed(f"the server asks for Digest with an algorithm httpx does not support ({exc.args[0]})") from None
    except httpx.ProtocolError as exc:
        raise AuthFailed(f"the server's authentication challenge cannot be used: {_one_line(exc)}") from None
