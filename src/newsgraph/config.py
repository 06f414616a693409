"""Every environment variable newsgraph reads, read and checked here and nowhere else.

Each setting is read when it is needed (not at import), so a test or a long-running caller
can change it. A value that cannot be used is one typed error naming the variable and what
it accepts, with the exit code of the stage it belongs to (README, "Environment variables"):
a bad fetch setting is a fetch error (11), a bad Wikidata setting a linking error (5).
An empty variable counts as unset.

(`NEWSGRAPH_MODEL` is the one exception: click reads it as the default of `--model`.)
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from newsgraph.errors import FetchError, NewsgraphError, StoreError, WikidataError

FETCH_TIMEOUT = "NEWSGRAPH_FETCH_TIMEOUT"
WIKIDATA_TIMEOUT = "NEWSGRAPH_WIKIDATA_TIMEOUT"
WIKIDATA_RATE = "NEWSGRAPH_WIKIDATA_RATE"
WIKIDATA_API = "NEWSGRAPH_WIKIDATA_API"
CACHE = "NEWSGRAPH_CACHE"
STORE = "NEWSGRAPH_STORE"
USER = "NEWSGRAPH_USER"
PASSWORD = "NEWSGRAPH_PASSWORD"
TOKEN = "NEWSGRAPH_TOKEN"
CREDENTIALS_FILE = "NETRC"
DEBUG = "NEWSGRAPH_DEBUG"
#: The XDG Base Directory variables that place the store and the cache when newsgraph's own are unset.
DATA_HOME = "XDG_DATA_HOME"
CACHE_HOME = "XDG_CACHE_HOME"

#: Seconds an article URL may take in all: connecting, the headers and the whole body.
DEFAULT_FETCH_TIMEOUT = 20.0
#: Seconds one Wikidata API request may take in all (each try of it).
DEFAULT_WIKIDATA_TIMEOUT = 10.0
#: Requests per second at most; Wikimedia asks API clients to stay serial and slow.
DEFAULT_WIKIDATA_RATE = 1.0
DEFAULT_WIKIDATA_API = "https://www.wikidata.org/w/api.php"
#: Longer than any request should take; also keeps a timeout within what a socket accepts
#: (a huge value such as 1e300 would overflow it and end in an internal error).
MAX_SECONDS = 86400.0


def _get(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value else None


def _seconds(name: str, default: float, error: type[NewsgraphError]) -> float:
    value = _get(name)
    if value is None:
        return default
    number = _number(value)
    if number is None or not 0 < number <= MAX_SECONDS:
        raise error(
            f"{name}={value!r}: expected a positive number of seconds, at most {MAX_SECONDS:g} "
            f"(e.g. {default:g}, the default)"
        )
    return number


def _number(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None  # "inf" and "nan" parse, but bound nothing


def fetch_timeout() -> float:
    """Seconds an article URL may take in all (`NEWSGRAPH_FETCH_TIMEOUT`, default 20)."""
    return _seconds(FETCH_TIMEOUT, DEFAULT_FETCH_TIMEOUT, FetchError)


def wikidata_timeout() -> float:
    """Seconds one Wikidata API request may take in all (`NEWSGRAPH_WIKIDATA_TIMEOUT`, default 10)."""
    return _seconds(WIKIDATA_TIMEOUT, DEFAULT_WIKIDATA_TIMEOUT, WikidataError)


def wikidata_rate() -> float:
    """Wikidata API requests per second at most (`NEWSGRAPH_WIKIDATA_RATE`, default 1)."""
    value = _get(WIKIDATA_RATE)
    if value is None:
        return DEFAULT_WIKIDATA_RATE
    number = _number(value)
    if number is None or not number > 0:
        raise WikidataError(
            f"{WIKIDATA_RATE}={value!r}: expected a positive number of requests per second "
            f"(e.g. {DEFAULT_WIKIDATA_RATE:g}, the default)"
        )
    return number


def wikidata_api() -> str:
    """The Wikidata API URL (`NEWSGRAPH_WIKIDATA_API`, default Wikidata's own)."""
    value = _get(WIKIDATA_API)
    if value is None:
        return DEFAULT_WIKIDATA_API
    try:
        parts = urlsplit(value)
    except ValueError:  # "http://[": an unclosed IPv6 bracket
        parts = urlsplit("")  # reported below like any other value that is no URL
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        # A user or password in the URL is not repeated in the message.
        shown = parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl() if "@" in parts.netloc else value
        raise WikidataError(
            f"{WIKIDATA_API}={shown[:200]!r}: expected an http(s) URL without user or password "
            f"(e.g. {DEFAULT_WIKIDATA_API})"
        )
    return value


def cache_dir() -> Path:
    """The folder of on-disk caches: `NEWSGRAPH_CACHE`, else `$XDG_CACHE_HOME/newsgraph`,
    else `~/.cache/newsgraph`. One per user, wherever a command is run from."""
    value = _get(CACHE)
    if value:
        return Path(value)
    return _user_folder(CACHE_HOME, Path(".cache"), CACHE, WikidataError) / "newsgraph"


def store_dir() -> Path:
    """The embedded store's folder: `NEWSGRAPH_STORE`, else `$XDG_DATA_HOME/newsgraph/store`,
    else `~/.local/share/newsgraph/store`. One per user, wherever a command is run from."""
    value = _get(STORE)
    if value:
        return Path(value)
    return _user_folder(DATA_HOME, Path(".local") / "share", STORE, StoreError) / "newsgraph" / "store"


def _user_folder(variable: str, under_home: Path, own: str, error: type[NewsgraphError]) -> Path:
    """`$variable` when it is an absolute path, else `~/under_home` (the XDG Base Directory
    rules: a relative value is ignored, as the specification asks)."""
    value = _get(variable)
    if value and Path(value).is_absolute():
        return Path(value)
    try:
        home = Path.home()
    except (RuntimeError, KeyError):  # no HOME and no entry in the password database
        home = Path()
    if not home.is_absolute():  # a relative HOME would move the store with the current folder
        raise error(f"no home folder to put newsgraph's files in: set {own} (or {variable})")
    return home / under_home


@dataclass(frozen=True)
class Secrets:
    """What the environment says about credentials for SPARQL endpoints. Never in `repr`."""

    token: str | None = field(default=None, repr=False)
    user: str | None = None
    password: str | None = field(default=None, repr=False)  # "" is a password (set but empty)
    file: Path = Path()  # the netrc file to look in when no user and password are given


def secrets() -> Secrets:
    """`NEWSGRAPH_TOKEN`, `NEWSGRAPH_USER`, `NEWSGRAPH_PASSWORD`, and the netrc file (`NETRC`, else `~/.netrc`)."""
    name = _get(CREDENTIALS_FILE)
    return Secrets(
        token=_get(TOKEN),
        user=_get(USER),
        password=os.environ.get(PASSWORD),  # an empty password is still a password
        file=Path(name) if name else Path.home() / ".netrc",
    )


def debug() -> bool:
    """`NEWSGRAPH_DEBUG` set to anything: internal errors show their traceback."""
    return _get(DEBUG) is not None
