"""The read-only SPARQL endpoint: running a query within limits, and writing its answer.

Limits (see docs/serve.md):

* a query runs in a worker thread of its own; the request waits at most ``timeout``
  seconds for the whole answer. Oxigraph cannot interrupt a query: when the time is up the
  worker stops asking for more rows, but a single step that takes long (a sort, a large
  join, an aggregate) runs on in the background until Oxigraph returns, holding its slot;
* at most ``workers`` queries run at once; a query that finds no free slot is answered
  503 at once;
* at most ``max_rows`` rows (or triples) are read; the answer says it was cut with the
  ``X-Newsgraph-Truncated`` header (and on the HTML page);
* ``SERVICE`` is refused (the server makes no outbound requests), as is every update
  (the store is opened read-only, or is a copy in memory, in any case).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import csv
import io
import json
import threading
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as xml_escape, quoteattr

import pyoxigraph as ox

from newsgraph.store import uses_service

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
MAX_QUERY_LENGTH = 100_000


class QueryRefused(Exception):
    """A query the endpoint will not run: ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Answer:
    kind: str  #: "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)  #: solutions (tuples of terms) or triples
    boolean: bool | None = None
    truncated: bool = False
    seconds: float = 0.0


# ---------------------------------------------------------------------------- checks


def check(query: str) -> None:
    if not query.strip():
        raise QueryRefused(400, "the query is empty")
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryRefused(413, f"the query is longer than {MAX_QUERY_LENGTH} characters")
    if uses_service(query):
        raise QueryRefused(400, "SERVICE is not allowed: this endpoint makes no requests to other servers")


# ---------------------------------------------------------------------------- running


class Runner:
    """Runs queries on a store in worker threads, within a time and a row limit."""

    def __init__(self, store: ox.Store, *, timeout: float = 10.0, max_rows: int = 10_000, workers: int = 2,
                 union_default: bool = True):
        self.store = store
        self.union = union_default
        self.timeout = timeout
        self.max_rows = max_rows
        self._slots = threading.BoundedSemaphore(workers)

    async def run(self, query: str, *, default_graphs: list[str] | None = None,
                  named_graphs: list[str] | None = None) -> Answer:
        check(query)
        if not self._slots.acquire(blocking=False):
            raise QueryRefused(503, "too many queries are running; try again later")
        stop = threading.Event()
        future: concurrent.futures.Future = concurrent.futures.Future()
        worker = threading.Thread(target=self._work, args=(query, default_graphs, named_graphs, stop, future),
                                  name="newsgraph-sparql", daemon=True)
        worker.start()
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except asyncio.TimeoutError:
            stop.set()
            raise QueryRefused(503, f"the query ran longer than the limit of {self.timeout:g} s") from None

    def _work(self, query, default_graphs, named_graphs, stop: threading.Event, future) -> None:
        import time

        started = time.perf_counter()
        try:
            kwargs = {}
            if default_graphs:
                kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
            elif self.union:
                kwargs["use_default_graph_as_union"] = True
            if named_graphs:
                kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
            result = self.store.query(query, **kwargs)
            if isinstance(result, ox.QueryBoolean):
                answer = Answer("ask", boolean=bool(result))
            elif isinstance(result, ox.QuerySolutions):
                names = [v.value for v in result.variables]
                answer = Answer("select", names)
                for solution in result:
                    if stop.is_set():
                        return
                    if len(answer.rows) >= self.max_rows:
                        answer.truncated = True
                        break
                    answer.rows.append(tuple(solution[n] for n in names))
            else:
                answer = Answer("graph", ["subject", "predicate", "object"])
                seen = set()
                for triple in result:
                    if stop.is_set():
                        return
                    if triple in seen:
                        continue
                    if len(answer.rows) >= self.max_rows:
                        answer.truncated = True
                        break
                    seen.add(triple)
                    answer.rows.append(triple)
            answer.seconds = time.perf_counter() - started
            _settle(future.set_result, answer)
        except SyntaxError as exc:
            _settle(future.set_exception, QueryRefused(400, "not a valid SPARQL query: " + _one_line(str(exc))))
        except (OSError, ValueError, TypeError) as exc:
            _settle(future.set_exception, QueryRefused(400, "the query failed: " + _one_line(str(exc))))
        except BaseException as exc:  # noqa: BLE001 - reported to the waiting request
            _settle(future.set_exception, QueryRefused(500, f"the query failed: {type(exc).__name__}"))
        finally:
            self._slots.release()


def _settle(setter, value) -> None:
    """Hand the outcome to the request, unless it gave up waiting (the future is cancelled)."""
    try:
        setter(value)
    except concurrent.futures.InvalidStateError:
        pass


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------- writing


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    return {"type": "literal", "value": str(term)}


def to_json(answer: Answer) -> bytes:
    if answer.kind == "ask":
        return json.dumps({"head": {}, "boolean": answer.boolean}).encode()
    bindings = [{v: _json_term(t) for v, t in zip(answer.variables, row) if t is not None} for row in answer.rows]
    return json.dumps({"head": {"vars": answer.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{xml_escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{xml_escape(term.value)}</literal>"
        return f"<literal>{xml_escape(term.value)}</literal>"
    return f"<literal>{xml_escape(str(term))}</literal>"


def to_xml(answer: Answer) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out.extend(f"<variable name={quoteattr(v)}/>" for v in answer.variables)
    out.append("</head>\n")
    if answer.kind == "ask":
        out.append(f"<boolean>{'true' if answer.boolean else 'false'}</boolean>\n")
    else:
        out.append("<results>\n")
        for row in answer.rows:
            out.append("<result>")
            out.extend(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                       for v, t in zip(answer.variables, row) if t is not None)
            out.append("</result>\n")
        out.append("</results>\n")
    out.append("</sparql>\n")
    return "".join(out).encode("utf-8")


def to_csv(answer: Answer) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if answer.kind == "ask":
        w.writerow(["boolean"])
        w.writerow(["true" if answer.boolean else "false"])
    else:
        w.writerow(answer.variables)
        for row in answer.rows:
            w.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode) else
                                              t.value if hasattr(t, "value") else str(t)) for t in row])
    return buf.getvalue().encode("utf-8")


def _tsv_term(term) -> str:
    if term is None:
        return ""
    return str(term).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def to_tsv(answer: Answer) -> bytes:
    if answer.kind == "ask":
        return b"?boolean\n" + (b"true\n" if answer.boolean else b"false\n")
    lines = ["\t".join(f"?{v}" for v in answer.variables)]
    lines.extend("\t".join(_tsv_term(t) for t in row) for row in answer.rows)
    return ("\n".join(lines) + "\n").encode("utf-8")


WRITERS = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}
