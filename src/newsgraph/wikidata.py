"""Online linking: a careful client for the Wikidata API, and the checks a candidate must pass.

Only two API modules are used: `wbsearchentities` (names → candidate items) and
`wbgetentities` (the candidates' claims, to check what they are). The client follows
Wikimedia's rules for API clients: a descriptive User-Agent with contact details,
at most `rate` requests per second (default 1), the `maxlag` parameter, and
backing off on 429 (honouring `Retry-After`), on `maxlag` errors, on 5xx and on
timeouts, a bounded number of times.

Every successful answer is kept in an on-disk SQLite cache keyed by the full request
URL, with no expiry: a rebuild asks the cache, not the network, so the same record
links the same way every time. Delete the cache file to ask Wikidata again.

A candidate is accepted only when its English label or the text the search matched
*is* the name (not a prefix of it), it is of the entity's kind (a Person is an
instance of human, a Country of a country class, ...), and — for a person — something
in the article fits it (an office it held, a citizenship, an occupation). Exactly one
accepted candidate is a link; none or several is NIL with a reason.

This module never prints; failures are `WikidataError` with a one-line message.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

if TYPE_CHECKING:  # httpx takes 0.1 s to import; only online linking needs it
    from newsgraph import http

from newsgraph import config
from newsgraph.errors import WikidataError
from newsgraph.text import normalise

API_URL = config.DEFAULT_WIKIDATA_API
#: Seconds one request may take in all (each try of it). Env: NEWSGRAPH_WIKIDATA_TIMEOUT.
DEFAULT_TIMEOUT = config.DEFAULT_WIKIDATA_TIMEOUT
#: Requests per second at most; Wikimedia asks API clients to stay serial and slow.
DEFAULT_RATE = config.DEFAULT_WIKIDATA_RATE
#: The cache file, in newsgraph.config.cache_dir() (NEWSGRAPH_CACHE, else $XDG_CACHE_HOME/newsgraph, else ~/.cache/newsgraph).
CACHE_FILE = "wikidata-cache.sqlite"
#: Ask the servers to refuse us when replication lag is over this many seconds (Wikimedia's advice).
MAXLAG = 5
#: Attempts per request (the first one included) on 429, maxlag, 5xx, timeouts and refused connections.
MAX_TRIES = 3
#: First wait between attempts when the server gives no Retry-After; doubled each time.
BACKOFF_SECONDS = 1.0
#: wbgetentities of a few big countries is a few MB; anything far bigger is not an API answer.
MAX_RESPONSE_BYTES = 32 * 1024 * 1024
SEARCH_LIMIT = 7
METHOD = "wikidata-api"

# --------------------------------------------------------------------------- classes
# Item ids of the classes a candidate's "instance of" (P31) is checked against. The sets
# are deliberately small: a candidate of a class not listed stays NIL rather than being
# linked on a guess (the subclass tree is not walked; that would cost many requests).

HUMAN = "Q5"
COUNTRY_CLASSES = frozenset({
    "Q6256",  # country
    "Q3624078",  # sovereign state
    "Q7275",  # state
    "Q1763527",  # constituent country
    "Q15634554",  # state with limited recognition
})
PLACE_CLASSES = frozenset({
    "Q515",  # city
    "Q486972",  # human settlement
    "Q1549591",  # big city
    "Q1637706",  # city with millions of inhabitants
    "Q200250",  # metropolis
    "Q5119",  # capital city
    "Q3957",  # town
    "Q532",  # village
    "Q7930989",  # city or town
    "Q56061",  # administrative territorial entity
    "Q10864048",  # first-level administrative country subdivision
    "Q13220204",  # second-level administrative country subdivision
    "Q3348196",  # oblast of Ukraine
    "Q82794",  # geographic region
    "Q165",  # sea
    "Q23397",  # lake
    "Q4022",  # river
    "Q23442",  # island
    "Q8502",  # mountain
    "Q5107",  # continent
})
ORGANIZATION_CLASSES = frozenset({
    "Q43229",  # organization
    "Q484652",  # international organization
    "Q245065",  # intergovernmental organization
    "Q7278",  # political party
    "Q327333",  # government agency
    "Q2659904",  # government organization
    "Q192350",  # ministry
    "Q4830453",  # business
    "Q783794",  # company
    "Q163740",  # nonprofit organization
    "Q11032",  # newspaper
    "Q1127126",  # military alliance
    "Q176799",  # military unit
})
EVENT_CLASSES = frozenset({
    "Q1656682",  # event
    "Q2761147",  # meeting
    "Q625994",  # conference / convention
    "Q2020153",  # academic conference
})
OFFICE_CLASSES = frozenset({
    "Q4164871",  # position
    "Q294414",  # public office
    "Q83307",  # minister
})
#: Items that are pages about names or lists, never the thing an article names.
NOT_A_THING = frozenset({
    "Q4167410",  # Wikimedia disambiguation page
    "Q4167836",  # Wikimedia category
    "Q13406463",  # Wikimedia list article
    "Q101352",  # family name
    "Q202444",  # given name
    "Q12308941",  # male given name
    "Q11879590",  # female given name
})
#: Occupations that fit a person the article gives a government or military post.
PUBLIC_OCCUPATIONS = frozenset({
    "Q82955",  # politician
    "Q193391",  # diplomat
    "Q189290",  # military officer
    "Q47064",  # military personnel
    "Q212238",  # civil servant
})
#: Organizations without a listed class are still accepted when they have one of these.
ORGANIZATION_PROPERTIES = ("P159", "P749", "P488", "P1454")  # headquarters, parent org, chair, legal form

#: Confidence of an online link, by the evidence that made it.
CONFIDENCE_OFFICE = 0.85  # the person held the office the article gives
CONFIDENCE_TYPED = 0.8  # a country, place, organization, event or office of the checked class
CONFIDENCE_CITIZEN = 0.8  # citizen of the country of the post the article gives
CONFIDENCE_WEAK = 0.7  # a public occupation, or citizen of some country the article names


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Candidate:
    """One search hit: the item, its English label and the text the search matched."""

    qid: str
    label: str = ""
    description: str = ""
    matched: str = ""


@dataclass(frozen=True)
class Item:
    """What the checks need of an item: its names and its item-valued claims."""

    qid: str
    label: str = ""
    aliases: tuple[str, ...] = ()
    description: str = ""
    claims: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def values(self, prop: str) -> frozenset[str]:
        return self.claims.get(prop, frozenset())


@dataclass(frozen=True)
class PersonEvidence:
    """What the article says about a person that an item can be checked against."""

    offices: frozenset[str] = frozenset()  # items of the posts the article gives them
    post_countries: frozenset[str] = frozenset()  # items of the countries those posts belong to
    countries: frozenset[str] = frozenset()  # items of every country the article names
    has_post: bool = False  # the article gives them a post at all


@dataclass(frozen=True)
class Resolution:
    """The outcome of an online lookup: an item (or None for NIL), how sure, and why."""

    qid: str | None
    confidence: float | None
    reason: str


# --------------------------------------------------------------------------- the client


class WikidataClient:
    """A polite, cached client for the two Wikidata API modules newsgraph uses.

    Arguments left as None come from the environment (`NEWSGRAPH_WIKIDATA_API`,
    `NEWSGRAPH_WIKIDATA_TIMEOUT`, `NEWSGRAPH_WIKIDATA_RATE`, `NEWSGRAPH_CACHE`; see
    `newsgraph.config`), then from the defaults above. `timeout` bounds each try of a request
    as a whole, however slowly the server answers. `requests` counts the requests that
    reached the network. HTTP (User-Agent, limits, retries) is `newsgraph.http`.
    """

    def __init__(
        self,
        api_url: str | None = None,
        *,
        cache_path: Path | str | None = None,
        rate: float | None = None,
        timeout: float | None = None,
        max_tries: int = MAX_TRIES,
        backoff: float | None = None,
        maxlag: int | None = MAXLAG,
        user_agent: str | None = None,
    ):
        self.api_url = api_url or config.wikidata_api()
        self.cache_path = Path(cache_path) if cache_path is not None else default_cache_path()
        self.rate = rate if rate is not None else config.wikidata_rate()
        self.timeout = timeout if timeout is not None else config.wikidata_timeout()
        if not self.rate > 0 or not 0 < self.timeout <= config.MAX_SECONDS or max_tries < 1:
            raise WikidataError(f"Wikidata client: rate and tries must be positive, timeout over 0 and at most {config.MAX_SECONDS:g} s")
        self.max_tries = max_tries
        # Read at call time, not import time, so tests can shorten the waits.
        self.backoff = BACKOFF_SECONDS if backoff is None else backoff
        self.maxlag = maxlag
        self.user_agent = user_agent  # None: newsgraph.http.USER_AGENT
        self.requests = 0
        self._next_request_at = 0.0  # time.monotonic() before which no request may start
        self._http: http.Client | None = None
        self._db: sqlite3.Connection | None = None

    # ------------------------------------------------------------------ public API

    def search(self, name: str, *, limit: int = SEARCH_LIMIT) -> list[Candidate]:
        """Items whose label or alias starts with `name` (English), best first."""
        data = self._get({
            "action": "wbsearchentities",
            "search": name,
            "language": "en",
            "uselang": "en",
            "type": "item",
            "limit": str(limit),
        })
        hits = data.get("search")
        if not isinstance(hits, list):
            raise WikidataError(f"Wikidata API: unexpected wbsearchentities answer for {name!r}")
        candidates = []
        for hit in hits:
            if not isinstance(hit, dict) or not isinstance(hit.get("id"), str):
                continue
            match = hit.get("match") if isinstance(hit.get("match"), dict) else {}
            candidates.append(Candidate(
                qid=hit["id"],
                label=str(hit.get("label") or ""),
                description=str(hit.get("description") or ""),
                matched=str(match.get("text") or ""),
            ))
        return candidates

    def items(self, qids: Sequence[str]) -> dict[str, Item]:
        """The items (labels, aliases, descriptions, claims) by id; missing ones left out."""
        if not qids:
            return {}
        data = self._get({
            "action": "wbgetentities",
            "ids": "|".join(qids),
            "props": "claims|labels|aliases|descriptions",
            "languages": "en",
        })
        entities = data.get("entities")
        if not isinstance(entities, dict):
            raise WikidataError("Wikidata API: unexpected wbgetentities answer")
        items: dict[str, Item] = {}
        for requested, entity in entities.items():
            if isinstance(entity, dict) and "missing" not in entity:
                item = _parse_item(entity)
                # A redirected id answers with its target; keep both keys pointing at it.
                items[requested] = item
                items[item.qid] = item
        return items

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> WikidataClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ requests

    def _get(self, params: Mapping[str, str]) -> dict[str, Any]:
        query = {**params, "format": "json", "formatversion": "2"}
        if self.maxlag is not None:
            query["maxlag"] = str(self.maxlag)
        # Sorted parameters make the URL, and so the cache key, independent of dict order.
        url = f"{self.api_url}?{urlencode(sorted(query.items()))}"
        cached = self._cache_get(url)
        if cached is not None:
            return json.loads(cached)
        body = self._fetch(url, params.get("action", "request"))
        self._cache_put(url, body)
        return json.loads(body)

    def _fetch(self, url: str, action: str) -> str:
        """The body of a successful answer, after the retries the policy allows."""
        from newsgraph import http

        if self._http is None:
            self._http = http.Client(timeout=self.timeout, accept="application/json",
                                     **({"user_agent": self.user_agent} if self.user_agent else {}))

        def check(answer: http.Answer) -> http.Retry | None:
            if answer.status >= 400:
                # 403 is usually the User-Agent policy; retrying would not change the answer.
                raise WikidataError(f"Wikidata API answered HTTP {answer.status} to {action}")
            error = _decode(_text(answer.body), action).get("error")
            if not isinstance(error, dict):
                return None
            if error.get("code") != "maxlag":
                code = error.get("code", "error")
                info = _first_line(str(error.get("info", "")))
                raise WikidataError(f"Wikidata API refused {action}: {code}: {info}")
            return http.Retry("the servers are lagging (maxlag)", http.retry_after(answer.headers))

        try:
            answer = self._http.request(
                "GET", url, tries=self.max_tries, backoff=self.backoff, max_bytes=MAX_RESPONSE_BYTES,
                read_body=lambda status: status < 400, before_try=self._before_try, check=check,
            )
        except http.GaveUp as exc:
            raise WikidataError(f"Wikidata API unavailable for {action} {exc}") from None
        except http.TooLarge as exc:
            raise WikidataError(f"Wikidata API answer {_over(exc)} the {exc.limit} byte limit") from None
        except http.HttpError as exc:
            raise WikidataError(f"Wikidata API unusable for {action}: {exc}") from None
        return _text(answer.body)

    def _before_try(self) -> None:
        self._throttle()
        self.requests += 1

    def _throttle(self) -> None:
        # A monotonic clock: a wall-clock jump must neither stall nor burst the requests.
        now = time.monotonic()
        if now < self._next_request_at:
            time.sleep(self._next_request_at - now)
            now = time.monotonic()
        self._next_request_at = now + 1.0 / self.rate

    # ------------------------------------------------------------------ cache

    def _cache(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self.cache_path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.cache_path, timeout=30)
                db.execute("CREATE TABLE IF NOT EXISTS responses (url TEXT PRIMARY KEY, body TEXT NOT NULL)")
                db.commit()
            except (sqlite3.Error, OSError) as exc:
                raise WikidataError(f"cannot use the Wikidata cache {self.cache_path}: {_first_line(exc)}") from None
            self._db = db
        return self._db

    def _cache_get(self, url: str) -> str | None:
        try:
            row = self._cache().execute("SELECT body FROM responses WHERE url = ?", (url,)).fetchone()
        except sqlite3.Error as exc:
            raise WikidataError(f"cannot read the Wikidata cache {self.cache_path}: {_first_line(exc)}") from None
        return row[0] if row else None

    def _cache_put(self, url: str, body: str) -> None:
        try:
            db = self._cache()
            db.execute("INSERT OR REPLACE INTO responses (url, body) VALUES (?, ?)", (url, body))
            db.commit()
        except sqlite3.Error as exc:
            raise WikidataError(f"cannot write the Wikidata cache {self.cache_path}: {_first_line(exc)}") from None


def default_cache_path() -> Path:
    """`wikidata-cache.sqlite` in the cache folder (`newsgraph.config.cache_dir`)."""
    return config.cache_dir() / CACHE_FILE


# --------------------------------------------------------------------------- checks


def kind_problem(kind: str, item: Item) -> str | None:
    """Why `item` cannot be an entity of `kind` ("Person", "Country", ..., "Office"); None if it can."""
    classes = item.values("P31")
    if not classes:
        return "has no 'instance of'"
    if classes & NOT_A_THING:
        return "is a disambiguation, list or name page"
    if kind == "Person":
        return None if HUMAN in classes else "not a human"
    if HUMAN in classes:
        return "is a human"
    if kind == "Country":
        return None if classes & COUNTRY_CLASSES else "not a country"
    if kind == "Place":
        return None if classes & PLACE_CLASSES else "not of a known geographic class"
    if kind == "Organization":
        if classes & (COUNTRY_CLASSES | PLACE_CLASSES | EVENT_CLASSES | OFFICE_CLASSES):
            return "a country, place, event or post, not an organization"
        if classes & ORGANIZATION_CLASSES or any(item.values(p) for p in ORGANIZATION_PROPERTIES):
            return None
        return "not of a known organization class"
    if kind == "Event":
        return None if classes & EVENT_CLASSES else "not a meeting or conference"
    if kind == "Office":
        return None if classes & OFFICE_CLASSES else "not a position"
    return f"kind {kind} is not looked up online"


def person_fit(item: Item, evidence: PersonEvidence) -> tuple[float, str] | None:
    """How a human item fits what the article says of the person, strongest evidence first."""
    held = item.values("P39") & evidence.offices
    if held:
        return CONFIDENCE_OFFICE, f"held {min(held)}, the post the article gives"
    citizen = item.values("P27") & evidence.post_countries
    if citizen:
        return CONFIDENCE_CITIZEN, f"citizen of {min(citizen)}, the country of the post"
    if evidence.has_post and item.values("P106") & PUBLIC_OCCUPATIONS:
        return CONFIDENCE_WEAK, f"occupation {min(item.values('P106') & PUBLIC_OCCUPATIONS)} fits the post"
    citizen = item.values("P27") & evidence.countries
    if citizen:
        return CONFIDENCE_WEAK, f"citizen of {min(citizen)}, named in the article"
    return None


def resolve(
    client: WikidataClient,
    name: str,
    kind: str,
    *,
    also: Iterable[str] = (),
    key: Callable[[str], str] = normalise,
    person: PersonEvidence | None = None,
    jurisdiction: str | None = None,
) -> Resolution:
    """Look `name` up and check the candidates; exactly one that passes is the link.

    `also` are other names the article writes for the same thing (any may be the label
    of the candidate); `key` is the comparison form of a name; `person` is what the
    article says of a person; `jurisdiction` the item an office must apply to (P1001),
    when the item says.
    """
    wanted = {key(n) for n in (name, *also)} - {""}
    candidates = client.search(name)
    if not candidates:
        return Resolution(None, None, "Wikidata: no item has this name")
    # The search matches prefixes ("Andris" finds every Andris): only exact names count.
    named = [c for c in candidates if key(c.matched) in wanted or key(c.label) in wanted]
    if not named:
        return Resolution(None, None, f"Wikidata: none of {len(candidates)} search hits has exactly this name")
    if len(named) >= SEARCH_LIMIT:
        # A page full of namesakes: more may follow unseen, so "the only one that fits" cannot be known.
        return Resolution(None, None, f"Wikidata: {len(named)} or more items have this name; too common to decide")
    items = client.items([c.qid for c in named])
    passed: list[tuple[str, float, str]] = []
    rejected: list[str] = []
    for candidate in named:
        item = items.get(candidate.qid)
        if item is None:
            rejected.append(f"{candidate.qid} missing")
            continue
        problem = kind_problem(kind, item)
        if problem:
            rejected.append(f"{item.qid} {problem}")
            continue
        fit: tuple[float, str] = (CONFIDENCE_TYPED, f"instance of {', '.join(sorted(item.values('P31')))}")
        if kind == "Person":
            found = person_fit(item, person or PersonEvidence())
            if found is None:
                rejected.append(f"{item.qid} nothing in the article fits (post, citizenship, occupation)")
                continue
            fit = found
        if kind == "Office" and jurisdiction and item.values("P1001") and jurisdiction not in item.values("P1001"):
            rejected.append(f"{item.qid} applies to another jurisdiction")
            continue
        if item.qid not in {p[0] for p in passed}:
            passed.append((item.qid, *fit))
    if len(passed) == 1:
        qid, confidence, why = passed[0]
        return Resolution(qid, confidence, f"Wikidata: the only {kind.lower()} named so; {why}")
    if passed:
        return Resolution(None, None, f"Wikidata: several items fit ({', '.join(sorted(p[0] for p in passed))})")
    return Resolution(None, None, f"Wikidata: no candidate fits ({'; '.join(sorted(rejected))})")


# --------------------------------------------------------------------------- helpers


def _parse_item(entity: Mapping[str, Any]) -> Item:
    qid = str(entity.get("id", ""))
    claims: dict[str, frozenset[str]] = {}
    for prop, statements in (entity.get("claims") or {}).items():
        values = set()
        for statement in statements if isinstance(statements, list) else []:
            # Deprecated statements are known to be wrong; "no value"/"unknown" carry no item.
            if not isinstance(statement, dict) or statement.get("rank") == "deprecated":
                continue
            snak = statement.get("mainsnak") or {}
            value = (snak.get("datavalue") or {}).get("value") if snak.get("snaktype") == "value" else None
            if isinstance(value, dict) and isinstance(value.get("id"), str):
                values.add(value["id"])
        if values:
            claims[prop] = frozenset(values)
    return Item(
        qid=qid,
        label=_term(entity.get("labels")),
        aliases=tuple(a.get("value", "") for a in (entity.get("aliases") or {}).get("en", []) if isinstance(a, dict)),
        description=_term(entity.get("descriptions")),
        claims=claims,
    )


def _term(terms: Any) -> str:
    if isinstance(terms, dict) and isinstance(terms.get("en"), dict):
        return str(terms["en"].get("value", ""))
    return ""


def _decode(body: str, action: str) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except ValueError:
        raise WikidataError(f"Wikidata API answered {action} with something that is not JSON") from None
    if not isinstance(data, dict):
        raise WikidataError(f"Wikidata API answered {action} with unexpected JSON")
    return data


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise WikidataError("Wikidata API answer is not UTF-8") from None


def _over(exc: http.TooLarge) -> str:
    return "is over" if exc.declared is None else f"of {exc.declared} bytes is over"


def _first_line(exc: object) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0] if text.splitlines() else text
