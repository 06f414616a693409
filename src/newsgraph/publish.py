"""Publishing: deterministic Turtle, JSON-LD and N-Triples, and record files, written atomically.

The three RDF writers are hand-written for speed: rdflib's serialisers spend most of their time
in generic machinery (Turtle: ~100 ms, JSON-LD: ~50 ms for one article graph), which corpus builds
pay for every article. They take an rdflib `Graph`, order everything themselves from plain
strings (so the output never depends on hash seeds or insertion order), and write:

* Turtle: the graph's bound prefixes that are used, one block per subject with `a` first;
* JSON-LD: what rdflib's serializer gives with the shipped context and `auto_compact=True`,
  keys and arrays sorted (byte for byte; the tests keep the rdflib version as the reference);
* N-Triples: rdflib's escaping, one triple per line, lines sorted and unique.

`serialise` gives all three from one reading of the graph (reading an rdflib graph costs about
as much as writing one of them).

Every file is written to a temporary file beside its target and then renamed, so a
failure never leaves a half-written output behind.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from functools import lru_cache
from importlib import resources
from json.encoder import encode_basestring as _json_string  # json.dumps(str, ensure_ascii=False), in C
from pathlib import Path
from typing import Any, NamedTuple, Union

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from newsgraph.errors import NewsgraphError

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_INTEGER, _XSD_DECIMAL, _XSD_BOOLEAN = str(XSD.integer), str(XSD.decimal), str(XSD.boolean)


def load_context() -> dict[str, Any]:
    """The `@context` object of the shipped ontology/context.jsonld."""
    return json.loads(_context_text())["@context"]


@lru_cache(maxsize=1)
def _context_text() -> str:
    return resources.files("newsgraph").joinpath("resources/context.jsonld").read_text(encoding="utf-8")


# ---------------------------------------------------------------- triples as plain strings

# Kinds of node in a row.
_IRI, _BLANK, _LITERAL = 0, 1, 2

#: A triple as plain strings: subject kind, subject (IRI or blank node label), predicate IRI,
#: object kind, object (IRI, label or lexical form), datatype IRI or "", language tag or "".
_Row = tuple[int, str, str, int, str, str, str]


def _rows(graph: Graph) -> list[_Row]:
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


# ---------------------------------------------------------------- N-Triples

# rdflib refuses IRIs with these characters in N-Triples and Turtle; a line break would also split
# an N-Triples line in two.
_BAD_IRI = re.compile(r'[<>" {}|\\^`\n\r]')


def _iri_ref(iri: str) -> str:
    if _BAD_IRI.search(iri) is not None:
        raise ValueError(f"{iri!r} is not an IRI that N-Triples or Turtle can write")
    return f"<{iri}>"


_NT_ESCAPE = re.compile(r'[\\\n"\r]')


def _nt_string(text: str) -> str:
    if _NT_ESCAPE.search(text) is None:  # most literals: one scan
        return f'"{text}"'
    # rdflib's N-Triples escaping exactly, so the lines are the ones rdflib writes.
    return '"' + text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'


def ntriples_lines(graph: Graph) -> bytes:
    """The graph's N-Triples, one triple per line, lines sorted and unique: the bytes of rdflib's
    N-Triples output with its lines sorted, for corpus builds (which merge and compare lines)."""
    return _ntriples(_rows(graph))


def _ntriples(rows: list[_Row]) -> bytes:
    refs: dict[str, str] = {}  # IRI → <IRI>, checked once per distinct IRI

    def ref(iri: str) -> str:
        text = refs.get(iri)
        if text is None:
            text = refs[iri] = _iri_ref(iri)
        return text

    known = refs.get  # most IRIs repeat: look them up without a call
    lines = set()
    for s_kind, s, p, o_kind, o, datatype, language in rows:
        subject = (known(s) or ref(s)) if s_kind == _IRI else f"_:{s}"
        if o_kind == _LITERAL:
            if language:
                obj = f"{_nt_string(o)}@{language}"
            elif datatype:
                obj = f"{_nt_string(o)}^^{ref(datatype)}"
            else:
                obj = _nt_string(o)
        else:
            obj = (known(o) or ref(o)) if o_kind == _IRI else f"_:{o}"
        lines.add(f"{subject} {known(p) or ref(p)} {obj} .\n")
    # UTF-8 keeps code point order, so sorting the text sorts the bytes the same way.
    return "".join(sorted(lines)).encode("utf-8")


# ---------------------------------------------------------------- Turtle

_PN_PREFIX = re.compile(r"(?:[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?")
# A subset of Turtle's local names (ASCII, no escapes) that every parser reads back unchanged.
_PN_LOCAL = re.compile(r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?")
# Numbers and booleans written bare only in the lexical forms that parse back to the same form.
_BARE = {
    _XSD_INTEGER: re.compile(r"0|-?[1-9][0-9]*"),
    _XSD_DECIMAL: re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+"),
    _XSD_BOOLEAN: re.compile(r"true|false"),
}
_CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]")
_TO_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')  # _CONTROL, line breaks, quote, backslash
_CONTROL_ESCAPES = {"\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape_control(match: re.Match[str]) -> str:
    char = match.group()
    return _CONTROL_ESCAPES.get(char) or f"\\u{ord(char):04X}"


def _turtle_string(text: str) -> str:
    if _TO_ESCAPE.search(text) is None:  # most literals: one scan
        return f'"{text}"'
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")
    if _CONTROL.search(body) is not None:
        body = _CONTROL.sub(_escape_control, body)
    if "\n" not in body:
        return f'"{body}"'
    # Long text with line breaks (the article) stays readable as a long string: its quotes are
    # escaped above, so none can end it early. Short snippets stay on one line.
    if len(body) > 80:
        return f'"""{body}"""'
    return '"' + body.replace("\n", "\\n") + '"'


def _head(iri: str) -> int:
    """Where the IRI's text up to its last / or # ends (0 if it has neither)."""
    return max(iri.rfind("/"), iri.rfind("#")) + 1


class _TurtleNames:
    """Prefixed names from the graph's bound prefixes, remembering which prefixes were used."""

    def __init__(self, graph: Graph) -> None:
        by_namespace: dict[str, str] = {}
        # Sorted, so a namespace bound to two prefixes always gets the same one.
        for prefix, namespace in sorted((str(p), str(n)) for p, n in graph.namespaces()):
            if _PN_PREFIX.fullmatch(prefix) and _BAD_IRI.search(namespace) is None:
                by_namespace.setdefault(namespace, prefix)
        self._by_namespace = by_namespace
        # A local name has no / or #, so a namespace that fits an IRI ends after the IRI's last
        # / or #: namespaces indexed by what comes up to their own last one, longest first.
        self._by_head: dict[str, list[str]] = {}
        for namespace in sorted(by_namespace, key=lambda ns: (-len(ns), ns)):
            self._by_head.setdefault(namespace[: _head(namespace)], []).append(namespace)
        self.known: dict[str, str] = {}  # IRI → how it is written
        self.used: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        name = self.known.get(iri)
        if name is None:
            name = self.known[iri] = self._name(iri)
        return name

    def _name(self, iri: str) -> str:
        for namespace in self._by_head.get(iri[: _head(iri)], ()):
            if iri.startswith(namespace) and _PN_LOCAL.fullmatch(iri, len(namespace)):
                prefix = self._by_namespace[namespace]
                self.used[prefix] = namespace
                return f"{prefix}:{iri[len(namespace):]}"
        return _iri_ref(iri)

    def literal(self, lexical: str, datatype: str, language: str) -> str:
        if language:
            return f"{_turtle_string(lexical)}@{language}"
        if not datatype:
            return _turtle_string(lexical)
        bare = _BARE.get(datatype)
        if bare is not None and bare.fullmatch(lexical):
            return lexical
        return f"{_turtle_string(lexical)}^^{self.iri(datatype)}"


def turtle_bytes(graph: Graph) -> bytes:
    """Readable Turtle with the graph's prefixes; the same graph always gives the same bytes.

    Subjects in IRI order, each a block with `a` first, then predicates in IRI order, objects
    joined with `,`. Blank nodes are relabelled `_:b0`, `_:b1`, … in order of appearance.
    """
    return _turtle(_rows(graph), _TurtleNames(graph))


def _turtle(triples: list[_Row], names: _TurtleNames) -> bytes:
    # (p != rdf:type) puts rdf:type first in each subject's block.
    rows = sorted((s_kind, s, p != _RDF_TYPE, p, o_kind, o, dt, lang) for s_kind, s, p, o_kind, o, dt, lang in triples)
    blank: dict[str, str] = {}

    def node(kind: int, value: str) -> str:
        if kind == _IRI:
            return names.iri(value)
        label = blank.get(value)
        if label is None:
            label = blank[value] = f"_:b{len(blank)}"
        return label

    known = names.known.get  # most IRIs repeat: look them up without a call
    out: list[str] = []
    last_kind, last_s, last_p = _IRI, None, None
    for s_kind, s, not_type, p, o_kind, o, datatype, language in rows:
        if o_kind == _LITERAL:
            obj = names.literal(o, datatype, language)
        else:
            obj = (known(o) if o_kind == _IRI else None) or node(o_kind, o)
        if s != last_s or s_kind != last_kind:
            start = " .\n\n" if last_s is not None else ""
            out.append(f"{start}{node(s_kind, s)} {(known(p) or names.iri(p)) if not_type else 'a'} {obj}")
        elif p != last_p:
            out.append(f" ;\n    {(known(p) or names.iri(p)) if not_type else 'a'} {obj}")
        else:
            out.append(f",\n        {obj}")
        last_kind, last_s, last_p = s_kind, s, p
    if out:
        out.append(" .\n")
    header = "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in sorted(names.used.items()))
    return (header + ("\n" if header and out else "") + "".join(out)).encode("utf-8")


# ---------------------------------------------------------------- JSON-LD

# Term definitions ending in one of these are prefixes (JSON-LD 1.1, and rdflib).
_GEN_DELIMS = (":", "/", "?", "#", "[", "]", "@")
# Datatypes written as JSON numbers and booleans, as rdflib does. Not xsd:double (rdflib writes a
# JSON number, which JSON-LD reads back in canonical form, 1.5 as "1.5E0") nor xsd:string (rdflib
# writes a plain string, which rdflib reads back without the datatype): value objects for those.
_NATIVE = {_XSD_INTEGER, _XSD_BOOLEAN}
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
    if datatype == _XSD_INTEGER and _CANONICAL_INTEGER.fullmatch(lexical):
        return int(lexical)
    if datatype == _XSD_BOOLEAN and lexical in ("true", "false"):
        return lexical == "true"
    return {"@type": symbol, "@value": lexical}


def jsonld_bytes(graph: Graph, context: dict[str, Any] | None = None) -> bytes:
    """JSON-LD compacted with the ontology's context, nodes and values in a stable order.

    The bytes rdflib's JSON-LD serializer gives (with `auto_compact=True`, keys and arrays then
    sorted), written directly: flat node objects under `@graph` (a lone node beside `@context`),
    values as the terms' coercions say, `@type` as terms, IRIs compacted with the context's
    prefixes. Where rdflib's output would not read back as the same graph (several values one
    of which is empty or zero, xsd:double, an explicit xsd:string, an integer or boolean not in
    canonical form, blank node lists, a blank node as rdf:type), this writes what does.
    """
    return _jsonld(_rows(graph), _compactor(graph, context))


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


def serialise(graph: Graph, context: dict[str, Any] | None = None) -> Serialisations:
    """`turtle_bytes`, `jsonld_bytes` and `ntriples_lines` of one graph, reading it once: reading
    an rdflib graph is about a third of each writer's time."""
    rows = _rows(graph)
    return Serialisations(_turtle(rows, _TurtleNames(graph)), _jsonld(rows, _compactor(graph, context)), _ntriples(rows))


# ---------------------------------------------------------------- records and files

def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def publish_graph(graph: Graph, out_dir: Path, name: str) -> list[Path]:
    """Write `name`.ttl and `name`.jsonld into out_dir; both are serialised before either is written."""
    try:
        rows = _rows(graph)  # read once for both
        outputs = [
            (out_dir / f"{name}.ttl", _turtle(rows, _TurtleNames(graph))),
            (out_dir / f"{name}.jsonld", _jsonld(rows, _compactor(graph, None))),
        ]
    except Exception as exc:  # rdflib raises many kinds; the user needs one line
        raise NewsgraphError(f"cannot serialise the graph: {exc}") from exc
    _write_all(outputs)
    return [path for path, _ in outputs]


def _write_all(outputs: list[tuple[Path, bytes]]) -> None:
    try:
        for path, data in outputs:
            write_atomic(path, data)
    except OSError as exc:
        raise NewsgraphError(f"cannot write {exc.filename or 'output'}: {exc.strerror or exc}") from None
