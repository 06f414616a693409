"""Online linking end to end, against a loopback server that answers like the Wikidata API.

The server serves the recorded-style answers in `tests/fixtures/wikidata/` (see the README
there), counts the requests and can be told to misbehave (429, 500, maxlag, slow answers)
for the next few requests. Nothing here leaves 127.0.0.1.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from newsgraph import wikidata
from newsgraph.cli import main
from newsgraph.errors import LinkError, WikidataError
from newsgraph.gazetteer import Gazetteer, load_gazetteer
from newsgraph.link import link_record
from newsgraph.model import Anchor, Article, Entity, Quote, Record, Role, entity_key
from newsgraph.text import slugify
from newsgraph.record import read_record, write_record
from newsgraph.wikidata import WikidataClient

pytestmark = pytest.mark.network

FIXTURES = Path(__file__).parent / "fixtures" / "wikidata"


# --------------------------------------------------------------------------- the fake API


@dataclass
class Fault:
    """What the server does instead of answering, for one request."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    sleep: float = 0.0  # seconds before answering normally (a slow server)
    maxlag: bool = False  # answer 200 with the API's maxlag error


class FakeWikidata:
    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], dict[str, str]]] = []  # (params, headers)
        self.faults: list[Fault] = []
        self.lock = threading.Lock()
        self.url = ""

    def count(self) -> int:
        with self.lock:
            return len(self.requests)

    def answer(self, params: dict[str, str]) -> dict:
        if params.get("action") == "wbsearchentities":
            path = FIXTURES / "search" / f"{slugify(params.get('search', ''))}.json"
            if path.exists():
                return json.loads(path.read_text(encoding="utf-8"))
            return {"searchinfo": {"search": params.get("search", "")}, "search": [], "success": 1}
        if params.get("action") == "wbgetentities":
            entities = {}
            for qid in params.get("ids", "").split("|"):
                path = FIXTURES / "entities" / f"{qid}.json"
                entities[qid] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"id": qid, "missing": ""}
            return {"entities": entities, "success": 1}
        return {"error": {"code": "badvalue", "info": "Unrecognized value for parameter \"action\"."}}


def _handler(fake: FakeWikidata) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            params = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
            with fake.lock:
                fake.requests.append((params, dict(self.headers.items())))
                fault = fake.faults.pop(0) if fake.faults else Fault()
            try:
                if fault.sleep:
                    time.sleep(fault.sleep)
                if fault.maxlag:
                    body = {"error": {"code": "maxlag", "info": "Waiting for 10.64.48.35: 7 seconds lagged.", "lag": 7}}
                    self._send(200, body, {"Retry-After": "0", **fault.headers})
                elif fault.status != 200:
                    self._send(fault.status, {"error": "fault"}, fault.headers)
                else:
                    self._send(200, fake.answer(params), fault.headers)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting: that is the point of a slow answer

        def _send(self, status: int, body: dict, headers: dict[str, str]) -> None:
            data = json.dumps(body).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture()
def api() -> Iterator[FakeWikidata]:
    fake = FakeWikidata()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture()
def client(api: FakeWikidata, tmp_path: Path) -> Iterator[WikidataClient]:
    with WikidataClient(api.url, cache_path=tmp_path / "cache.sqlite", rate=1000, timeout=2, backoff=0.01) as c:
        yield c


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    """The shipped gazetteer without its Latvian offices, so that the office is looked up online."""
    gazetteer = Gazetteer()
    for row in load_gazetteer().rows:
        if not (row.kind == "Office" and row.label.endswith("of Latvia")):
            gazetteer.add(row)
    return gazetteer


# --------------------------------------------------------------------------- records

TEXT = (
    "Latvia's Minister of Defence Andris Sprūds said the country would deliver drones. "
    "“We will not stop,” Sprūds said."
)


def _person(name: str) -> Entity:
    return Entity(key=entity_key("Person", name), name=name, kind="Person")


def _quote(speaker: Entity, text: str = TEXT) -> Quote:
    start = text.index("We will not stop,")
    return Quote(speaker=speaker.key, text="We will not stop,", anchor=Anchor(start, start + 17, "We will not stop,"))


def minister_record(name: str = "Andris Sprūds", with_post: bool = True) -> Record:
    person = _person(name)
    latvia = Entity(key="Country:latvia", name="Latvia", kind="Country")
    roles = [Role(person=person.key, title="Minister of Defence", of=latvia.key)] if with_post else []
    entities = [person, latvia] if with_post else [person]
    return Record(article=Article(id="latvia-drones", text=TEXT.replace("Andris Sprūds", name)),
                  entities=entities, roles=roles, quotes=[_quote(person)])


def decisions_by_key(decisions):
    return {d.key if d.kind != "Office" else f"office:{d.key}": d for d in decisions}


# --------------------------------------------------------------------------- linking


def test_person_and_office_linked_online_with_evidence(api, client, shipped):
    record = minister_record()
    linked, decisions = link_record(record, shipped, online=client)

    person = linked.entity("Person:andris-spruds")
    assert person.wikidata == "Q99990001"  # the human, not the same-named disambiguation page
    assert person.link_method == "wikidata-api"
    assert person.link_confidence == pytest.approx(0.85)
    assert linked.roles[0].office_wikidata == "Q99990003"
    assert linked.entity("Country:latvia").link_method == "gazetteer"  # offline first, kept
    assert record.entity("Person:andris-spruds").wikidata is None  # the input is not mutated

    by_key = decisions_by_key(decisions)
    assert by_key["Person:andris-spruds"].method == "wikidata-api"
    assert "held Q99990003" in by_key["Person:andris-spruds"].reason
    assert by_key["office:Person:andris-spruds"].qid == "Q99990003"
    assert by_key["office:Person:andris-spruds"].method == "wikidata-api"

    params, headers = api.requests[0]
    # Wikimedia's User-Agent policy: client/version (where to find and reach its makers) library/version.
    assert re.fullmatch(
        r"newsgraph/\d+\.\d+\.\d+ \(\+https://w3id\.org/newsgraph; contact: see README\) httpx/[\d.]+", headers["User-Agent"]
    )
    assert params["maxlag"] == "5" and params["format"] == "json"
    searched = [p["search"] for p, _ in api.requests if p["action"] == "wbsearchentities"]
    assert searched == ["Minister of Defence of Latvia", "Andris Sprūds"]  # the post first, then its holder


def test_candidate_of_the_wrong_kind_is_rejected(api, client):
    # An empty gazetteer: everything is looked up online.
    speaker = _person("Paris")
    city = Entity(key="Place:paris", name="Paris", kind="Place")
    record = Record(article=Article(id="paris", text=TEXT), entities=[speaker, city], quotes=[_quote(speaker)])
    linked, decisions = link_record(record, Gazetteer(), online=client)

    assert linked.entity("Place:paris").wikidata == "Q90"
    assert linked.entity("Person:paris").wikidata is None
    reason = decisions_by_key(decisions)["Person:paris"].reason
    assert reason.startswith("not in the gazetteer; Wikidata: no candidate fits")
    assert "Q90 not a human" in reason
    assert "Q99990011 not a human" in reason
    # "Paris Hilton" is only a prefix hit: never fetched, never considered.
    fetched = [p["ids"] for p, _ in api.requests if p["action"] == "wbgetentities"]
    assert all("Q99990012" not in ids for ids in fetched)


def test_two_fitting_candidates_stay_nil(api, client, shipped):
    linked, decisions = link_record(minister_record("Jānis Bērziņš"), shipped, online=client)
    assert linked.entity("Person:janis-berzins").wikidata is None
    reason = decisions_by_key(decisions)["Person:janis-berzins"].reason
    assert "several items fit (Q99990004, Q99990005)" in reason


def test_person_without_evidence_in_the_article_stays_nil(api, client, shipped):
    linked, decisions = link_record(minister_record(with_post=False), shipped, online=client)
    assert linked.entity("Person:andris-spruds").wikidata is None
    reason = decisions_by_key(decisions)["Person:andris-spruds"].reason
    assert "Q99990001 nothing in the article fits" in reason
    assert "Q99990002 is a disambiguation, list or name page" in reason


def test_a_page_full_of_namesakes_is_too_common_to_decide(api, client):
    person = _person("John Smith")
    record = Record(article=Article(id="js", text=TEXT), entities=[person], quotes=[_quote(person)])
    linked, decisions = link_record(record, Gazetteer(), online=client)
    assert linked.entities[0].wikidata is None
    assert "7 or more items have this name; too common to decide" in decisions[0].reason
    assert [p["action"] for p, _ in api.requests] == ["wbsearchentities"]  # no candidate is even fetched


def test_country_by_a_name_the_gazetteer_lacks(api, client):
    country = Entity(key="Country:latvija", name="Latvija", kind="Country")
    linked, _ = link_record(Record(article=Article(id="lv", text="Latvija"), entities=[country]), Gazetteer(), online=client)
    assert linked.entities[0].wikidata == "Q211"
    assert linked.entities[0].link_confidence == pytest.approx(0.8)


def test_ambiguous_gazetteer_names_are_never_looked_up(api, client, shipped):
    georgia = Entity(key="Country:georgia", name="Georgia", kind="Country")
    record = Record(article=Article(id="g", text="Georgia voted."), entities=[georgia])
    linked, decisions = link_record(record, shipped, online=client)
    assert linked.entities[0].wikidata is None
    assert decisions[0].ambiguous and "ambiguous" in decisions[0].reason
    assert api.count() == 0


def test_unknown_name_is_nil_with_a_reason(api, client):
    person = _person("Nobody Atall")
    record = Record(article=Article(id="n", text=TEXT), entities=[person], quotes=[_quote(person)])
    _, decisions = link_record(record, Gazetteer(), online=client)
    assert decisions[0].reason == "not in the gazetteer; Wikidata: no item has this name"


# --------------------------------------------------------------------------- politeness and failures


def test_429_is_retried_after_the_time_the_server_asks(api, client, shipped):
    api.faults = [Fault(status=429, headers={"Retry-After": "1"})]
    started = time.monotonic()
    linked, _ = link_record(minister_record(), shipped, online=client)
    assert time.monotonic() - started >= 0.9
    assert linked.entity("Person:andris-spruds").wikidata == "Q99990001"
    assert api.requests[0][0] == api.requests[1][0]  # the same request, asked again


def test_500_then_success(api, client, shipped):
    api.faults = [Fault(status=500), Fault(status=503)]
    linked, _ = link_record(minister_record(), shipped, online=client)
    assert linked.entity("Person:andris-spruds").wikidata == "Q99990001"
    assert api.count() == 4 + 2  # two searches and two entity fetches, plus the two failures


def test_maxlag_answer_is_retried(api, client, shipped):
    api.faults = [Fault(maxlag=True)]
    linked, _ = link_record(minister_record(), shipped, online=client)
    assert linked.entity("Person:andris-spruds").wikidata == "Q99990001"


def test_persistent_failure_is_one_line_error_after_bounded_tries(api, client, shipped):
    api.faults = [Fault(status=502)] * 10
    with pytest.raises(WikidataError) as info:
        link_record(minister_record(), shipped, online=client)
    assert isinstance(info.value, LinkError) and info.value.exit_code == 5
    assert str(info.value) == "Wikidata API unavailable for wbsearchentities after 3 tries: HTTP 502 Bad Gateway"
    assert api.count() == 3


def test_403_is_not_retried(api, client, shipped):
    api.faults = [Fault(status=403)]
    with pytest.raises(WikidataError, match=r"^Wikidata API answered HTTP 403 to wbsearchentities$"):
        link_record(minister_record(), shipped, online=client)
    assert api.count() == 1


def test_rate_limit_spaces_requests(api, tmp_path):
    with WikidataClient(api.url, cache_path=tmp_path / "c.sqlite", rate=10) as slow:
        started = time.monotonic()
        for name in ("a", "b", "c"):
            slow.search(name)
    assert time.monotonic() - started >= 0.19  # three requests at 10/s: two gaps of 0.1 s


def test_bad_timeout_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSGRAPH_WIKIDATA_TIMEOUT", "soon")
    with pytest.raises(WikidataError, match="NEWSGRAPH_WIKIDATA_TIMEOUT='soon': expected a positive number of seconds"):
        WikidataClient("http://127.0.0.1:9/", cache_path=tmp_path / "c.sqlite")


# --------------------------------------------------------------------------- the command line


@pytest.fixture()
def online_env(api: FakeWikidata, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSGRAPH_WIKIDATA_API", api.url)
    monkeypatch.setenv("NEWSGRAPH_WIKIDATA_RATE", "1000")
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(wikidata, "BACKOFF_SECONDS", 0.01)
    path = tmp_path / "record.yaml"
    write_record(minister_record(), path)
    return path


def _run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_cli_link_online_then_from_the_cache(api, online_env, tmp_path):
    first = _run("link", online_env, "--online", "--report", "-o", tmp_path / "first.yaml")
    assert first.exit_code == 0, first.output
    assert "2 of 2 entities linked, 1 of 1 offices" in first.output
    # The shipped gazetteer knows the office offline; the person is found online.
    assert re.search(r"Office\s+Minister of Defence of Latvia\s+Q6590375\s+gazetteer", first.output)
    assert re.search(r"Person\s+Andris Sprūds\s+Q99990001\s+wikidata-api Wikidata: the only person", first.output)
    made = api.count()
    assert made == 2  # one search and one entity fetch, for the person only
    assert (tmp_path / "cache" / "wikidata-cache.sqlite").is_file()

    second = _run("link", online_env, "--online", "-o", tmp_path / "second.yaml")
    assert second.exit_code == 0, second.output
    assert api.count() == made  # a rebuild asks the cache, not the network
    assert (tmp_path / "first.yaml").read_bytes() == (tmp_path / "second.yaml").read_bytes()
    assert read_record(tmp_path / "second.yaml").entity("Person:andris-spruds").wikidata == "Q99990001"


def test_cli_without_online_makes_no_request(api, online_env):
    result = _run("link", online_env, "--report")
    assert result.exit_code == 0, result.output
    assert api.count() == 0
    assert "1 of 2 entities linked" in result.output


def test_cli_timeout_is_retried_then_one_line_and_code_5(api, online_env, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_WIKIDATA_TIMEOUT", "0.5")
    api.faults = [Fault(sleep=1.0)] * 3
    before = online_env.read_bytes()
    result = _run("link", online_env, "--online")
    assert result.exit_code == 5
    assert result.output == "Error: Wikidata API unavailable for wbsearchentities after 3 tries: no answer within 0.5 s\n"
    assert api.count() == 3
    assert online_env.read_bytes() == before  # nothing written


def test_cli_online_and_no_link_conflict(online_env, tmp_path):
    result = _run("map", online_env, "-o", tmp_path / "out", "--online", "--no-link")
    assert result.exit_code == 2
    assert "give --online or --no-link, not both" in result.output


@pytest.mark.parametrize("command", ["build", "extract", "map", "link"])
def test_online_flag_documented(command):
    result = _run(command, "--help")
    text = " ".join(result.output.split())  # help is wrapped to the terminal's width
    assert "--online" in text and "Wikidata API" in text
