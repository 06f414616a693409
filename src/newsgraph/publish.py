"""Publishing: deterministic RDF files and record files, written atomically inside their folder.

* Turtle, N-Triples, TriG and N-Quads are written by pyoxigraph (its escaping, its number and
  prefixed-name rules); this module only decides what it is given: the triples sorted (subject,
  then `rdf:type` first, then predicate and object, all by plain string order), blank nodes
  relabelled `b0`, `b1`, … (in every format alike), and the prefixes that are used, declared in
  name order.
* JSON-LD compacted with the ontology's context is hand-written (`jsonld_bytes` says why, with
  the figures); the tests read every document it writes back with pyoxigraph.
* `PrefixMap` is the one place that knows the prefixes and how an IRI is abbreviated with them
  (the same choice pyoxigraph's writers make: the longest namespace whose local name Turtle can
  write).

`serialise` gives Turtle, JSON-LD and sorted N-Triples from one reading of the graph (reading an
rdflib graph costs about as much as writing one format). The graphs it takes are rdflib Graphs or
anything that iterates triples of rdflib terms and lists `namespaces()` like one (the mapper's
`MappedTriples`).

Every file goes through `atomic_file`: a temporary file beside the target, renamed over it only
when complete, and only over a regular file or nothing (never a device, a directory, a FIFO or a
symbolic link); its mode is what the umask gives a new file.
"""

from __future__ import annotations

import io
import json
import os
import re
import secrets
import stat
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from json.encoder import encode_basestring as _json_string  # json.dumps(str, ensure_ascii=False), in C
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, Union

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from newsgraph.errors import NewsgraphError, OutputError
from newsgraph.text import slugify

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_INTEGER, _XSD_DECIMAL, _XSD_BOOLEAN = str(XSD.integer), str(XSD.decimal), str(XSD.boolean)


def load_context() -> dict[str, Any]:
    """The `@context` object of the shipped ontology/context.jsonld."""
    return json.loads(_context_text())["@context"]


@lru_cache(maxsize=1)
def _context_text() -> str:
    return resources.files("newsgraph").joinpath("resources/context.jsonld").read_text(encoding="utf-8")


# ---------------------------------------------------------------- prefixes

# Turtle's PN_CHARS_BASE, PN_CHARS_U and PN_CHARS (https://www.w3.org/TR/turtle/#grammar-production-PN_CHARS_BASE).
_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS = _PN_CHARS_BASE + "_\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PN_PREFIX = re.compile(f"(?:[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?)?")
# Characters a local name may hold escaped as \c (PN_LOCAL_ESC).
_LOCAL_ESCAPABLE = "_~.-!$&'()*+,;=/?#@%"
# A local name Turtle can write, every character as it is or escaped: what pyoxigraph accepts
# (a local name it cannot write makes it try a shorter namespace, then write the whole IRI).
_WRITABLE_LOCAL = re.compile(
    f"(?:[{_PN_CHARS_BASE}_:0-9{re.escape(_LOCAL_ESCAPABLE)}][{_PN_CHARS}:{re.escape(_LOCAL_ESCAPABLE)}]*)?"
)
# Escaped wherever they are; '-' and '.' only where a name cannot hold them as they are.
_ESCAPE_IN_LOCAL = re.compile(r"[~!$&'()*+,;=/?#@%]|^[-.]|\.$")


class PrefixMap:
    """Prefix names and their namespace IRIs, and how an IRI is abbreviated with them.

    The one copy of that rule for the writers here, the corpus's TriG and the store's tables:
    the longest namespace that starts the IRI and leaves a local name Turtle can write (as
    pyoxigraph's Turtle and TriG writers choose). Iterates as (name, namespace) in name order.
    A namespace bound to two names keeps the first name in that order.
    """

    def __init__(self, prefixes: Mapping[str, str] | Iterable[tuple[str, str]], *, strict: bool = True):
        """`strict`: a name that is no Turtle prefix name or a namespace that is no IRI raises
        ValueError; otherwise it is left out (rdflib graphs bind what they like)."""
        pairs = prefixes.items() if isinstance(prefixes, Mapping) else prefixes
        by_namespace: dict[str, str] = {}
        for name, namespace in sorted((str(n), str(ns)) for n, ns in pairs):
            if _PN_PREFIX.fullmatch(name) is None or not _is_iri(namespace):
                if strict:
                    raise ValueError(f"{name!r}: {namespace!r} is not a prefix Turtle can declare")
                continue
            by_namespace.setdefault(namespace, name)
        self._names = dict(sorted((name, ns) for ns, name in by_namespace.items()))
        self._longest_first = sorted(by_namespace.items(), key=lambda item: (-len(item[0]), item[1]))
        self._split: dict[str, tuple[str, str] | None] = {}

    @classmethod
    def of_graph(cls, graph: Any) -> PrefixMap:
        """The prefixes bound on an rdflib Graph (or `MappedTriples`), those Turtle can declare."""
        return cls(((str(p), str(n)) for p, n in graph.namespaces()), strict=False)

    @classmethod
    def for_base(cls, base: str, folders: Iterable[str] = ()) -> PrefixMap:
        """newsgraph's published prefixes plus one per data folder under `base` (`person:` for
        `{base}person/`, …), as the corpus's TriG declares them."""
        from newsgraph.namespaces import PREFIXES

        base = base if base.endswith(("/", "#")) else base + "/"
        return cls({**{name: str(ns) for name, ns in PREFIXES.items()}, **{f: f"{base}{f}/" for f in folders}})

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._names.items())

    def __len__(self) -> int:
        return len(self._names)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PrefixMap) and self._names == other._names

    def __repr__(self) -> str:
        return f"PrefixMap({self._names!r})"

    def as_dict(self) -> dict[str, str]:
        """name → namespace, in name order."""
        return dict(self._names)

    def split(self, iri: str) -> tuple[str, str] | None:
        """(prefix name, local name) the IRI is written with, or None when no prefix fits."""
        try:
            return self._split[iri]
        except KeyError:
            pass
        found = None
        for namespace, name in self._longest_first:
            if iri.startswith(namespace) and _WRITABLE_LOCAL.fullmatch(iri, len(namespace)):
                found = (name, iri[len(namespace):])
                break
        if len(self._split) >= 100_000:  # a long-lived map (a store's tables) stays bounded
            self._split.clear()
        self._split[iri] = found
        return found

    def shrink(self, iri: str) -> str:
        """The IRI as Turtle and SPARQL write it: `name:local` (escaped as needed) or `<iri>`."""
        found = self.split(iri)
        if found is None:
            return f"<{iri}>"
        name, local = found
        return name + ":" + _ESCAPE_IN_LOCAL.sub(lambda m: "\\" + m.group(), local)

    def used(self, iris: Iterable[str]) -> PrefixMap:
        """The prefixes that abbreviate at least one of the IRIs."""
        names = {found[0] for found in map(self.split, iris) if found is not None}
        used = PrefixMap.__new__(PrefixMap)
        used._names = {name: ns for name, ns in self._names.items() if name in names}
        used._longest_first = [(ns, name) for ns, name in self._longest_first if name in names]
        used._split = {}
        return used


def _is_iri(value: str) -> bool:
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- triples as plain strings

# Kinds of node in a row.
_IRI, _BLANK, _LITERAL = 0, 1, 2

#: A triple as plain strings: subject kind, subject (IRI or blank node label), predicate IRI,
#: object kind, object (IRI, label or lexical form), datatype IRI or "", language tag or "".
_Row = tuple[int, str, str, int, str, str, str]


def _rows(graph: Any) -> list[_Row]:
    """The graph's triples as plain strings: everything after this compares, hashes and formats
    at C speed (rdflib terms compare and format through Python methods, and a str never equals
    an rdflib term, so they cannot be mixed in dicts)."""
    rows: list[_Row] = []
    append = rows.append
    for s, p, o in graph:
        # Exact types first: that is the fast path; _kind covers subclasses and refuses the rest.
        s_kind = _IRI if type(s) is URIRef else _kind(s, "subject")
        if type(p) is not URIRef and _kind(p, "predicate") != _IRI:
            raise ValueError(f"{p!r} cannot be the predicate of a triple")
        o_type = type(o)
        if o_type is Literal or (o_type is not URIRef and _kind(o, "object") == _LITERAL):
            datatype = o.datatype
            append((s_kind, str(s), str(p), _LITERAL, str(o), "" if datatype is None else str(datatype), o.language or ""))
        else:
            append((s_kind, str(s), str(p), _IRI if o_type is URIRef else _kind(o, "object"), str(o), "", ""))
    return rows


def _kind(term: Any, position: str) -> int:
    if isinstance(term, URIRef):
        return _IRI
    if isinstance(term, BNode):
        return _BLANK
    if isinstance(term, Literal) and position == "object":
        return _LITERAL
    raise ValueError(f"{term!r} cannot be the {position} of a triple")


def _relabelled(rows: list[_Row]) -> list[_Row]:
    """The rows with blank nodes relabelled b0, b1, … in the order of their labels: safe labels
    for every format, the same in all of them."""
    labels = {s for sk, s, *_ in rows if sk == _BLANK} | {o for _, _, _, ok, o, _, _ in rows if ok == _BLANK}
    if not labels:
        return rows
    new = {label: f"b{i}" for i, label in enumerate(sorted(labels))}
    return [
        (sk, new[s] if sk == _BLANK else s, p, ok, new[o] if ok == _BLANK else o, dt, lang)
        for sk, s, p, ok, o, dt, lang in rows
    ]


def _ordered_rows(graph: Any) -> list[_Row]:
    """The rows in writing order (subject; rdf:type first; predicate; object; all by kind, then
    plain string), without repeats, blank nodes relabelled."""
    ordered = sorted({(sk, s, p != _RDF_TYPE, p, ok, o, dt, lang) for sk, s, p, ok, o, dt, lang in _relabelled(_rows(graph))})
    return [(sk, s, p, ok, o, dt, lang) for sk, s, _, p, ok, o, dt, lang in ordered]


class _Prepared(NamedTuple):
    """A graph ready for the writers: its rows in writing order and as pyoxigraph triples."""

    rows: list[_Row]
    triples: list[ox.Triple]
    names: Iterable[str]  # every distinct IRI written as a name (not rdf:type written as `a`)


def _prepare(graph: Any) -> _Prepared:
    """The ordered rows and the same as pyoxigraph triples."""
    rows = _ordered_rows(graph)
    triples, names = _to_oxigraph(rows)
    return _Prepared(rows, triples, names)


def _to_oxigraph(rows: list[_Row]) -> tuple[list[ox.Triple], Iterable[str]]:
    """The rows as pyoxigraph triples, each distinct IRI converted once (a string-keyed cache:
    converting rdflib terms one by one costs several times more), and the IRIs written as names."""
    iris: dict[str, ox.NamedNode] = {}
    named, blank_node, literal, triple = ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple

    def iri(value: str) -> ox.NamedNode:
        node = iris.get(value)
        if node is None:
            try:
                node = iris[value] = named(value)
            except ValueError as exc:
                raise ValueError(f"{value!r} is not an IRI the RDF writers can write: {exc}") from None
        return node

    known = iris.get  # most IRIs repeat: look them up without a call
    triples: list[ox.Triple] = []
    append = triples.append
    for s_kind, s, p, o_kind, o, datatype, language in rows:
        if o_kind == _LITERAL:
            try:
                if language:
                    obj = literal(o, language=language)
                else:
                    obj = literal(o, datatype=known(datatype) or iri(datatype)) if datatype else literal(o)
            except ValueError as exc:
                raise ValueError(f"the literal {o!r} (language {language!r}) cannot be written: {exc}") from None
        else:
            obj = (known(o) or iri(o)) if o_kind == _IRI else blank_node(o)
        append(triple((known(s) or iri(s)) if s_kind == _IRI else blank_node(s), known(p) or iri(p), obj))
    names = iris.keys()
    if _RDF_TYPE in iris and not any(
        (sk == _IRI and s == _RDF_TYPE) or (ok == _IRI and o == _RDF_TYPE) or dt == _RDF_TYPE for sk, s, _, ok, o, dt, _ in rows
    ):
        names = iris.keys() - {_RDF_TYPE}  # only ever a predicate, which Turtle writes as `a`
    return triples, names


# ---------------------------------------------------------------- N-Triples, Turtle (pyoxigraph)


def ntriples_lines(graph: Any) -> bytes:
    """The graph's canonical N-Triples (pyoxigraph's), one triple per line, lines sorted and
    unique, for corpus builds (which merge and compare lines)."""
    return _ntriples(_prepare(graph))


def _ntriples(prepared: _Prepared) -> bytes:
    lines = ox.serialize(prepared.triples, format=ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)
    # The rows are unique, so the lines are; UTF-8 keeps code point order, so sorting bytes sorts text.
    return b"".join(sorted(lines))


def turtle_bytes(graph: Any) -> bytes:
    """Turtle with the graph's prefixes that are used; the same graph always gives the same bytes.

    pyoxigraph writes it; subjects come in IRI order, each a block with `a` first, then
    predicates in IRI order; blank nodes are relabelled `_:b0`, `_:b1`, … in the order of their
    labels (so a graph with blank nodes is written the same only if its labels are the same).
    """
    return _turtle(_prepare(graph), PrefixMap.of_graph(graph))


def _turtle(prepared: _Prepared, prefixes: PrefixMap) -> bytes:
    used = prefixes.used(prepared.names)
    out = io.BytesIO()
    ox.serialize(prepared.triples, _NamePrefixOrder(out, used), ox.RdfFormat.TURTLE, prefixes=used.as_dict())
    return out.getvalue()


class _NamePrefixOrder:
    """A binary writer that passes pyoxigraph's output on with its `@prefix` lines in name order
    and a blank line after them. pyoxigraph orders them by namespace length (for its longest-match
    lookup), which is stable but reads oddly; the lines are checked, not guessed at."""

    def __init__(self, out: BinaryIO, prefixes: PrefixMap):
        self._out = out
        self._expected = [f"@prefix {name}: <{ns}> .\n".encode("utf-8") for name, ns in prefixes]
        self._head = b"" if self._expected else None  # None once the prelude is through

    def write(self, data: bytes) -> int:
        if self._head is None:
            return self._out.write(data)
        self._head += bytes(data)
        lines = self._head.split(b"\n", len(self._expected))
        if len(lines) <= len(self._expected):
            return len(data)  # the prelude is not complete yet
        prelude = [line + b"\n" for line in lines[:-1]]
        if sorted(prelude) != sorted(self._expected):
            raise RuntimeError(f"pyoxigraph began its output with {b''.join(prelude)!r}, not the prefixes it was given")
        self._head = None
        self._out.write(b"".join(self._expected) + b"\n")
        self._out.write(lines[-1])
        return len(data)

    def flush(self) -> None:
        self._out.flush()


# ---------------------------------------------------------------- JSON-LD

# Term definitions ending in one of these are prefixes (JSON-LD 1.1, and rdflib).
_GEN_DELIMS = (":", "/", "?", "#", "[", "]", "@")
# Datatypes written as JSON numbers and booleans, as rdflib does. Not xsd:double (rdflib writes a
# JSON number, which JSON-LD reads back in canonical form, 1.5 as "1.5E0") nor xsd:string (rdflib
# writes a plain string, which rdflib reads back without the datatype): value objects for those.
_NATIVE = {_XSD_INTEGER, _XSD_BOOLEAN}
# An integer of up to 21 digits: JSON-LD reads a JSON number of 10^21 or more back as an
# xsd:double (JSON-LD 1.1, "Data Round Tripping"), so a larger one is a value object.
_CANONICAL_INTEGER = re.compile(r"0|-?[1-9][0-9]*")

# How a value is written; decided once per (predicate, datatype, language) or predicate.
_LEXICAL, _LANGUAGE, _TYPED, _NATIVE_OR_TYPED, _ID, _ID_OBJECT, _TYPE = range(7)

_JsonValue = Union[str, int, float, bool, dict[str, str]]


class _Compactor:
    """What compaction needs from a context, looked up the way rdflib's JSON-LD serializer does
    (terms by IRI and coercion, compact IRIs by rdflib's namespace split), so the output is the
    same. Contexts of the shipped shape only: prefixes, and terms with an `@id` and an optional
    `@type` (`@id` or a datatype); anything else raises ValueError rather than be written wrong."""

    def __init__(self, context: Any) -> None:
        if not isinstance(context, dict):
            raise ValueError("the JSON-LD context must be one object")
        self.prefixes: dict[str, str] = {}  # namespace IRI → prefix
        self.plain: dict[str, str] = {}  # IRI → term with no coercion (prefixes too, as in rdflib)
        self.typed: dict[tuple[str, str], str] = {}  # (IRI, "@id" or datatype IRI) → coercing term
        self.names = {name for name in context if not name.startswith("@")}
        # Later definitions of the same IRI win, as in rdflib's lookup table.
        for name, definition in context.items():
            if name == "@version":
                continue
            if name.startswith("@") or ":" in name:
                raise ValueError(f"the JSON-LD context entry {name!r} is not supported")
            if isinstance(definition, str) and not definition.startswith("@"):
                iri = self._expand(context, definition)
                self.plain[iri] = name
                if iri.endswith(_GEN_DELIMS):
                    self.prefixes[iri] = name
            elif isinstance(definition, dict) and set(definition) <= {"@id", "@type"} and isinstance(definition.get("@id"), str):
                iri = self._expand(context, definition["@id"])
                coercion = definition.get("@type")
                if coercion is None:
                    self.plain[iri] = name
                elif coercion == "@id":
                    self.typed[(iri, "@id")] = name
                elif isinstance(coercion, str) and not coercion.startswith("@"):
                    self.typed[(iri, self._expand(context, coercion))] = name
                else:
                    raise ValueError(f"the JSON-LD context term {name!r} has an unsupported @type")
            else:
                raise ValueError(f"the JSON-LD context term {name!r} is not supported (only @id and @type)")
        # The document up to the end of its @context member, as rdflib writes it (keys sorted).
        text = json.dumps({"@context": context}, indent=2, ensure_ascii=False, sort_keys=True)
        self.head = text[: -len("\n}")]

    @staticmethod
    def _expand(context: dict[str, Any], value: str, depth: int = 0) -> str:
        prefix, colon, local = value.partition(":")
        if not colon:
            raise ValueError(f"the JSON-LD context maps to {value!r}, not an absolute or compact IRI")
        namespace = context.get(prefix)
        if isinstance(namespace, dict):
            namespace = namespace.get("@id")
        if local.startswith("//") or not isinstance(namespace, str) or depth > 8:
            return value
        return _Compactor._expand(context, namespace + local, depth + 1)

    def shrink(self, iri: str) -> str:
        """A compact IRI where a prefix fits, else the IRI (rdflib's `shrink_iri`)."""
        # rdflib splits at the last #, else the last /, else the last :.
        for delim in ("#", "/", ":"):
            at = iri.rfind(delim) + 1
            if at:
                prefix = self.prefixes.get(iri[:at])
                # A local part starting with // would read back as an absolute IRI.
                if prefix is not None and not iri.startswith("//", at):
                    return f"{prefix}:{iri[at:]}"
                return iri
        return iri

    def symbol(self, iri: str) -> str:
        """A term for the IRI, else a compact IRI, else the IRI (rdflib's `to_symbol`)."""
        return self.plain.get(iri) or self.shrink(iri)

    def _key(self, predicate: str) -> str:
        key = self.shrink(predicate)
        # A compact IRI that happens to be a term name would mean that term instead.
        return predicate if key in self.names else key

    def literal_rule(self, predicate: str, datatype: str, language: str) -> tuple[str, int, str]:
        if datatype:
            name = self.typed.get((predicate, datatype))
            if name is not None:
                return name, _LEXICAL, ""
        key = self.plain.get(predicate) or self._key(predicate)
        if language:
            return key, _LANGUAGE, language
        if not datatype:
            return key, _LEXICAL, ""
        return key, (_NATIVE_OR_TYPED if datatype in _NATIVE else _TYPED), self.symbol(datatype)

    def node_rule(self, predicate: str) -> tuple[str, int]:
        name = self.typed.get((predicate, "@id"))
        if name is not None:
            return name, _ID
        name = self.plain.get(predicate)
        if name is not None:
            return name, _ID_OBJECT
        if predicate == _RDF_TYPE:
            return "@type", _TYPE
        return self._key(predicate), _ID_OBJECT


@lru_cache(maxsize=1)
def _shipped_compactor() -> _Compactor:
    return _Compactor(load_context())


@lru_cache(maxsize=8)
def _compactor_for(context_json: str) -> _Compactor:
    return _Compactor(json.loads(context_json))


def _native(lexical: str, datatype: str, symbol: str) -> _JsonValue:
    """A JSON number or boolean as rdflib writes it, where it reads back as the same literal
    (in canonical form only: JSON-LD reads a number back in canonical form)."""
    if datatype == _XSD_INTEGER and _CANONICAL_INTEGER.fullmatch(lexical) and len(lexical) <= 16:
        number = int(lexical)
        # Only within JSON's safe integers (I-JSON, RFC 7493): a larger number is read as a
        # double by JSON-LD processors that hold numbers in 64-bit floats (pyoxigraph does).
        if -(2**53) < number < 2**53:
            return number
    if datatype == _XSD_BOOLEAN and lexical in ("true", "false"):
        return lexical == "true"
    return {"@type": symbol, "@value": lexical}


def jsonld_bytes(graph: Graph, context: dict[str, Any] | None = None) -> bytes:
    """JSON-LD compacted with the ontology's context, nodes and values in a stable order.

    Hand-written, and kept so after timing the libraries that could write it instead, against
    the rule "a library unless it costs over 20 ms per article more" (benchmarks/bench_writers.py
    on the sample and the eight benchmark articles, CPU time, mean of each article's best of 20,
    two runs on 2026-12-07; this writer: 2.3 to 3.7 ms per article):

    * rdflib's JSON-LD serializer: +15.4 / +17.5 ms given an rdflib Graph, but the pipeline
      has the mapper's triples (no Graph: adding a triple to one costs a third of mapping), and
      building the Graph rdflib needs makes it +23.0 / +27.7 ms (the sample: +31 ms). Its output
      also fails to read back as the graph in the cases listed below;
    * PyLD's `jsonld.compact` of pyoxigraph's expanded JSON-LD (the context given inline):
      +78 / +109 ms;
    * pyoxigraph 0.5.13's JSON-LD writer: fast, but writes expanded JSON-LD only (no context).

    So it is tested instead: byte-identical to rdflib's output on every article graph and on
    synthetic ones, and every document it writes while the test suite runs (builds, corpus
    builds, the CLI) is read back by pyoxigraph as the graph it came from (tests/conftest.py).

    The bytes rdflib's JSON-LD serializer gives (with `auto_compact=True`, keys and arrays then
    sorted), written directly: flat node objects under `@graph` (a lone node beside `@context`),
    values as the terms' coercions say, `@type` as terms, IRIs compacted with the context's
    prefixes. Where rdflib's output would not read back as the same graph (several values one
    of which is empty or zero, xsd:double, an explicit xsd:string, an integer or boolean not in
    canonical form, blank node lists, a blank node as rdf:type), this writes what does.
    """
    return _jsonld(_relabelled(_rows(graph)), _compactor(graph, context))


def _compactor(graph: Graph, context: dict[str, Any] | None) -> _Compactor:
    if graph.context_aware:
        raise ValueError("JSON-LD of a graph with named graphs is not supported")
    if context is None:
        return _shipped_compactor()
    # Keys in their order: where two terms map one IRI, the later wins (as in rdflib).
    return _compactor_for(json.dumps(context, ensure_ascii=False))


def _jsonld(rows: list[_Row], compactor: _Compactor) -> bytes:
    nodes: dict[str, dict[str, list[_JsonValue]]] = {}  # node @id → key → values
    literal_rules: dict[tuple[str, str, str], tuple[str, int, str]] = {}
    node_rules: dict[str, tuple[str, int]] = {}
    ids: dict[str, str] = {}  # IRI → how it is written as an @id

    def node_id(kind: int, value: str) -> str:
        if kind == _BLANK:
            return f"_:{value}"
        written = ids[value] = compactor.shrink(value)
        return written

    known = ids.get  # most IRIs repeat: look them up without a call

    props: dict[str, list[_JsonValue]] = {}
    last_kind, last_s = _IRI, None
    for s_kind, s, p, o_kind, o, datatype, language in rows:
        if s != last_s or s_kind != last_kind:  # a subject's triples mostly come together
            subject = (known(s) if s_kind == _IRI else None) or node_id(s_kind, s)
            props = nodes.get(subject) or nodes.setdefault(subject, {"@id": [subject]})
            last_kind, last_s = s_kind, s
        value: _JsonValue
        if o_kind == _LITERAL:
            rule = literal_rules.get((p, datatype, language))
            if rule is None:
                rule = literal_rules[(p, datatype, language)] = compactor.literal_rule(p, datatype, language)
            key, how, extra = rule
            if how == _LEXICAL:
                value = o
            elif how == _TYPED:
                value = {"@type": extra, "@value": o}
            elif how == _LANGUAGE:
                value = {"@language": extra, "@value": o}
            else:
                value = _native(o, datatype, extra)
        else:
            node_rule = node_rules.get(p)
            if node_rule is None:
                node_rule = node_rules[p] = compactor.node_rule(p)
            key, how = node_rule
            if how == _ID:
                value = (known(o) if o_kind == _IRI else None) or node_id(o_kind, o)
            elif how == _ID_OBJECT:
                value = {"@id": (known(o) if o_kind == _IRI else None) or node_id(o_kind, o)}
            elif o_kind == _IRI:
                value = compactor.symbol(o)
            else:  # a blank node type: rdflib would put an object under @type, which is no type
                key, value = compactor.shrink(_RDF_TYPE), {"@id": node_id(o_kind, o)}
        values = props.get(key)
        if values is None:
            props[key] = [value]
        else:
            values.append(value)
    return _jsonld_text(compactor.head, nodes).encode("utf-8")


def _jsonld_text(head: str, nodes: dict[str, dict[str, list[_JsonValue]]]) -> str:
    """The document as json.dumps(indent=2, ensure_ascii=False) writes it, with rdflib's layout
    (a lone node's members beside @context) and order (keys, then arrays by their JSON text)."""
    if len(nodes) == 1:
        (props,) = nodes.values()
        return f"{head},\n{_members(props, 1)}\n}}\n"
    if not nodes:
        return f'{head},\n  "@graph": []\n}}\n'
    # Nodes sorted by their JSON text, which starts with the @id: its JSON string decides.
    ordered = sorted(nodes.items(), key=lambda item: _json_string(item[0]))
    body = ",\n".join(f"    {{\n{_members(props, 3)}\n    }}" for _, props in ordered)
    return f'{head},\n  "@graph": [\n{body}\n  ]\n}}\n'


def _members(props: dict[str, list[_JsonValue]], level: int) -> str:
    indent = "  " * level
    lines = []
    for key in sorted(props):
        values = props[key]
        if len(values) == 1:
            value = values[0]
            text = _json_string(value) if type(value) is str else _json_value(value, level)
        else:
            items = sorted(values, key=_sort_text)
            text = "[\n" + ",\n".join(f"{indent}  {_json_value(v, level + 1)}" for v in items) + f"\n{indent}]"
        lines.append(f"{indent}{_json_string(key)}: {text}")
    return ",\n".join(lines)


def _json_value(value: _JsonValue, level: int) -> str:
    if isinstance(value, str):
        return _json_string(value)
    if isinstance(value, dict):  # a value object or {"@id": …}: string members only
        indent = "  " * level
        members = ",\n".join(f"{indent}  {_json_string(k)}: {_json_string(v)}" for k, v in sorted(value.items()))
        return f"{{\n{members}\n{indent}}}"
    return json.dumps(value)  # int, float, bool


def _sort_text(value: _JsonValue) -> str:
    """How rdflib's output was ordered: by each value's compact JSON with sorted keys."""
    if isinstance(value, str):
        return _json_string(value)
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


class Serialisations(NamedTuple):
    """One graph as `turtle_bytes`, `jsonld_bytes` and `ntriples_lines` write it."""

    turtle: bytes
    jsonld: bytes
    ntriples: bytes


def serialise(graph: Any, context: dict[str, Any] | None = None) -> Serialisations:
    """`turtle_bytes`, `jsonld_bytes` and `ntriples_lines` of one graph, reading it once: reading
    an rdflib graph is about a third of each writer's time."""
    prepared = _prepare(graph)
    return Serialisations(
        _turtle(prepared, PrefixMap.of_graph(graph)), _jsonld(prepared.rows, _compactor(graph, context)), _ntriples(prepared)
    )


# ---------------------------------------------------------------- datasets (TriG, N-Quads)

#: The dataset formats `write_dataset` writes, by name.
DATASET_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


def quad_sort_key(quad: ox.Quad) -> tuple:
    """The order the writers use, for quads: graph, subject, rdf:type first, predicate, object
    (each by kind, then plain string). Sort a dataset's quads with it (or give them in an order
    that agrees with it) for byte-identical TriG and one block per graph and subject."""
    return (_term_key(quad.graph_name), _term_key(quad.subject), quad.predicate.value != _RDF_TYPE,
            quad.predicate.value, _term_key(quad.object))


def _term_key(term: Any) -> tuple[int, str, str, str]:
    if isinstance(term, ox.NamedNode):
        return (_IRI, term.value, "", "")
    if isinstance(term, ox.BlankNode):
        return (_BLANK, term.value, "", "")
    if isinstance(term, ox.Literal):
        return (_LITERAL, term.value, term.datatype.value, term.language or "")
    return (-1, "", "", "")  # the default graph first


def write_dataset(
    quads: Iterable[ox.Quad], path: Path, format: str = "trig", prefixes: PrefixMap | Mapping[str, str] | None = None
) -> int:
    """Stream quads into a TriG or N-Quads file (written atomically); the number of quads written.

    Quads are written in the order given, without being held in memory: give them sorted by
    `quad_sort_key` (or grouped by graph and subject in an order that agrees with it) for
    byte-identical output. TriG declares every prefix given (in name order: which ones the
    stream will use is not known in advance); N-Quads has none. Raises ValueError for an unknown
    format or a bad prefix, OutputError when the file cannot be written.
    """
    rdf_format = DATASET_FORMATS.get(format)
    if rdf_format is None:
        raise ValueError(f"unknown dataset format {format!r} (one of {', '.join(DATASET_FORMATS)})")
    names = prefixes if isinstance(prefixes, PrefixMap) else PrefixMap(prefixes or {})
    if rdf_format is ox.RdfFormat.N_QUADS:
        names = PrefixMap({})
    count = 0

    def counted() -> Iterator[ox.Quad]:
        nonlocal count
        for quad in quads:
            count += 1
            yield quad

    with atomic_file(path) as handle:
        ox.serialize(counted(), _NamePrefixOrder(handle, names), rdf_format, prefixes=names.as_dict() or None)
    return count


def dataset_bytes(quads: Iterable[ox.Quad], format: str = "trig", prefixes: PrefixMap | Mapping[str, str] | None = None) -> bytes:
    """A small dataset as TriG or N-Quads, its quads sorted by `quad_sort_key`; the prefixes
    declared are those used (in name order)."""
    rdf_format = DATASET_FORMATS.get(format)
    if rdf_format is None:
        raise ValueError(f"unknown dataset format {format!r} (one of {', '.join(DATASET_FORMATS)})")
    ordered = sorted(set(quads), key=quad_sort_key)
    names = prefixes if isinstance(prefixes, PrefixMap) else PrefixMap(prefixes or {})
    if rdf_format is ox.RdfFormat.N_QUADS:
        names = PrefixMap({})
    else:
        names = names.used(_quad_iris(ordered))
    out = io.BytesIO()
    ox.serialize(ordered, _NamePrefixOrder(out, names), rdf_format, prefixes=names.as_dict() or None)
    return out.getvalue()


def _quad_iris(quads: Iterable[ox.Quad]) -> set[str]:
    """The IRIs written as names (rdf:type as a predicate is written `a`)."""
    iris = set()
    for quad in quads:
        if quad.predicate.value != _RDF_TYPE:
            iris.add(quad.predicate.value)
        for term in (quad.subject, quad.object, quad.graph_name):
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal):
                iris.add(term.datatype.value)
    return iris


# ---------------------------------------------------------------- records and files

_FILE_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
)


def _check_replaceable(path: Path) -> None:
    """Refuse a target that exists and is not a regular file: renaming over it would replace a
    device node, a FIFO or a link with a plain file (or fail on a directory)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _output_error(path, exc) from None
    if not stat.S_ISREG(mode):
        kind = next((what for test, what in _FILE_KINDS if test(mode)), "not a regular file")
        raise OutputError(f"cannot write {path}: it is {kind}, not a regular file, and is left as it is")


def _output_error(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {path}: {exc.strerror or exc}")


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A binary file handle whose content replaces `path` only when the block ends without an
    error; otherwise `path` is untouched and the temporary file is removed.

    The temporary file is created beside the target with mode 0o666, so the umask (and a default
    ACL) decide the published file's mode as for any new file. A target that exists and is not a
    regular file is refused before anything is written. Errors writing the file raise OutputError
    (exit code 10); any other error from the block passes through unchanged.
    """
    path = Path(path)
    _check_replaceable(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = _create_temporary(path)
    except OSError as exc:
        raise _output_error(path, exc) from None
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _check_replaceable(path)  # it may have appeared while the file was written
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        # A write or rename failure (disk full, read-only, gone) is about this file; an OSError
        # naming another file comes from the caller's block and passes through.
        if isinstance(exc, OSError) and exc.filename in (None, str(tmp), str(path)):
            raise _output_error(path, exc) from None
        raise


def _create_temporary(path: Path) -> tuple[BinaryIO, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        # Short enough that the name fits in NAME_MAX whatever the target's name.
        tmp = path.with_name(f".{path.name[:100]}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, flags, 0o666)  # the umask applies, as for any new file
        except FileExistsError:
            continue
        return os.fdopen(fd, "wb"), tmp
    raise FileExistsError(f"no free temporary file name beside {path}")


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through `atomic_file` (OutputError when it cannot be written)."""
    with atomic_file(path) as handle:
        handle.write(data)


def file_stem(article_id: str) -> str:
    """The file name (without extension) of an article's published files: the id as the mapper
    puts it in the article IRI (`model.slugify`): lower-case ASCII words and '-', so an id such as
    `../../etc/passwd` names `etc-passwd.ttl` inside the output folder and never a path."""
    return slugify(article_id)


def publish_graph(graph: Any, out_dir: Path, name: str) -> list[Path]:
    """Write `file_stem(name)`.ttl and .jsonld into out_dir (nowhere else); both are serialised
    before either is written."""
    stem = file_stem(name)
    try:
        prepared = _prepare(graph)  # read once for both
        outputs = [
            (out_dir / f"{stem}.ttl", _turtle(prepared, PrefixMap.of_graph(graph))),
            (out_dir / f"{stem}.jsonld", _jsonld(prepared.rows, _compactor(graph, None))),
        ]
    except Exception as exc:  # rdflib and pyoxigraph raise many kinds; the user needs one line
        raise NewsgraphError(f"cannot serialise the graph: {exc}") from exc
    for path, data in outputs:
        write_atomic(path, data)
    return [path for path, _ in outputs]


