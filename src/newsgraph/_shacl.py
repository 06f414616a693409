"""A fast evaluator for the part of SHACL Core that newsgraph's shapes use.

pySHACL re-reads every constraint from the shapes graph for every focus node and walks rdflib's
store for every value: about 0.3 s for one article graph of 1,300 triples, as long as parsing
the article with spaCy. This module reads a shapes graph once into plain Python objects and
checks a data graph through dictionaries built in one pass over its triples (a few ms).

It is not a second SHACL implementation with its own opinions: each check copies pySHACL's
behaviour (its datatype, string, range and comparison rules, its per-value results, its
messages), and the tests compare both engines result for result on real and deliberately
broken graphs. Shapes that use anything outside the subset below raise `UnsupportedShapes`,
and `newsgraph.validate` then hands the graph to pySHACL itself.

Supported: targets (class with rdfs:subClassOf in the data, node, subjects-of, objects-of),
sh:property, predicate paths, sh:class, sh:datatype, sh:nodeKind, sh:minCount, sh:maxCount,
sh:minLength, sh:maxLength, sh:pattern (with sh:flags), sh:in, sh:hasValue, sh:lessThan,
sh:min/maxInclusive, sh:min/maxExclusive, sh:or, sh:severity, and sh:message — which every
shape that reports results must carry, since pySHACL's generated messages are not copied.

One deliberate difference: a blank node, or two values that cannot be ordered at all (the
comparison raises TypeError), compared by sh:lessThan are a result here, where pySHACL stops
with an error.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

Term = URIRef | BNode | Literal

# rdflib's namespace attributes are looked up through __getattr__ on every use: bind them once.
_TYPE, _SUBCLASS_OF, _LANG_STRING = RDF.type, RDFS.subClassOf, RDF.langString
_STRING, _LITERAL, _DATATYPE = XSD.string, RDFS.Literal, RDFS.Datatype
_TEXT_TYPES = (None, _LANG_STRING, _STRING)

#: sh: predicates that only describe a shape; they never change a result.
_DESCRIPTIVE = {SH.name, SH.description, SH.order, SH.group, SH.defaultValue}
_TARGETS = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf}
#: Constraint parameters this module evaluates (one value each unless listed in _MANY).
_CONSTRAINTS = {
    SH["class"], SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount, SH.minLength, SH.maxLength,
    SH.pattern, SH.flags, SH["in"], SH.hasValue, SH.lessThan, SH.minInclusive, SH.maxInclusive,
    SH.minExclusive, SH.maxExclusive, SH["or"], SH.property,
}
_MANY = {SH["class"], SH.hasValue, SH.lessThan, SH.minInclusive, SH.maxInclusive, SH.minExclusive,
         SH.maxExclusive, SH["or"], SH.property, SH.message}
_SHAPE_KEYS = _DESCRIPTIVE | _TARGETS | _CONSTRAINTS | {SH.path, SH.severity, SH.message}
#: Severities under which a graph still conforms (newsgraph validates with warnings allowed).
ALLOWED_SEVERITIES = {SH.Warning, SH.Info}


class UnsupportedShapes(Exception):
    """The shapes use SHACL this module does not evaluate; the reason says what."""


@dataclass(frozen=True)
class RawResult:
    severity: URIRef
    source_shape: Term
    focus: Term
    path: URIRef | None
    value: Term | None
    message: str  # the first of the shape's sh:message texts, in sorted order


# --------------------------------------------------------------------------- data


class _Data:
    """The data graph as dictionaries: subject → predicate → objects, built in one pass."""

    def __init__(self, graph: Graph):
        out: dict[Term, dict[URIRef, set[Term]]] = defaultdict(lambda: defaultdict(set))
        for s, p, o in graph:
            out[s][p].add(o)
        self.out = out
        self.instances: dict[Term, set[Term]] = defaultdict(set)
        self.subclasses: dict[Term, set[Term]] = defaultdict(set)  # direct, object → subjects
        self.superclasses: dict[Term, set[Term]] = defaultdict(set)  # direct, subject → objects
        for s, props in out.items():
            for t in props.get(_TYPE, ()):
                self.instances[t].add(s)
            for c in props.get(_SUBCLASS_OF, ()):
                self.subclasses[c].add(s)
                self.superclasses[s].add(c)
        self._closure: dict[Term, set[Term]] = {}

    def values(self, node: Term, path: URIRef) -> set[Term]:
        props = self.out.get(node)
        return props.get(path, set()) if props else set()

    def subjects_of(self, predicate: URIRef) -> set[Term]:
        return {s for s, props in self.out.items() if props.get(predicate)}

    def objects_of(self, predicate: URIRef) -> set[Term]:
        return {o for props in self.out.values() for o in props.get(predicate, ())}

    def instances_of(self, cls: Term) -> set[Term]:
        # As pySHACL: instances of the class and of every class below it by rdfs:subClassOf*.
        found = set(self.instances.get(cls, ()))
        for sub in _reach(cls, self.subclasses):
            if sub != cls:
                found |= self.instances.get(sub, set())
        return found

    def has_class(self, node: Term, cls: Term) -> bool:
        if isinstance(node, Literal):
            return False
        for t in self.values(node, _TYPE):
            if t == cls:
                return True
            supers = self._closure.get(t)
            if supers is None:
                supers = self._closure[t] = _reach(t, self.superclasses)
            if cls in supers:
                return True
        return False


def _reach(start: Term, edges: dict[Term, set[Term]]) -> set[Term]:
    """`start` and every node reachable from it along `edges` (rdflib's transitive_* include start)."""
    seen, todo = {start}, [start]
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


# --------------------------------------------------------------------------- shapes

#: A check takes (focus node, value nodes, data) and yields each failing value (None: no value).
_Check = Callable[[Term, set, _Data], Iterable[Term | None]]


@dataclass
class _Shape:
    node: Term
    path: URIRef | None
    severity: URIRef
    message: str | None
    checks: list[_Check] = field(default_factory=list)
    properties: list[_Shape] = field(default_factory=list)
    target_classes: list[Term] = field(default_factory=list)
    target_nodes: list[Term] = field(default_factory=list)
    target_subjects_of: list[URIRef] = field(default_factory=list)
    target_objects_of: list[URIRef] = field(default_factory=list)

    @property
    def targeted(self) -> bool:
        return bool(self.target_classes or self.target_nodes or self.target_subjects_of or self.target_objects_of)

    def focus_nodes(self, data: _Data) -> set[Term]:
        found = set(self.target_nodes)
        for cls in self.target_classes:
            found |= data.instances_of(cls)
        for p in self.target_subjects_of:
            found |= data.subjects_of(p)
        for p in self.target_objects_of:
            found |= data.objects_of(p)
        return found

    def evaluate(self, focus: Term, data: _Data, into: list[RawResult] | None = None) -> list[RawResult]:
        """The results of this shape for one focus node, appended to `into` (a new list if None)."""
        results = [] if into is None else into
        values = data.values(focus, self.path) if self.path is not None else {focus}
        for check in self.checks:
            for value in check(focus, values, data):
                results.append(RawResult(self.severity, self.node, focus, self.path, value, self.message or ""))
        for prop in self.properties:
            for value in values:
                prop.evaluate(value, data, results)
        return results

    def conforms(self, focus: Term, data: _Data) -> bool:
        return all(r.severity in ALLOWED_SEVERITIES for r in self.evaluate(focus, data))


class CompiledShapes:
    """A shapes graph read once; `validate(data)` gives pySHACL's results for it."""

    def __init__(self, shapes: Graph):
        self._graph = shapes
        self._shapes: dict[Term, _Shape] = {}
        self._building: set[Term] = set()
        candidates = set()
        for target in _TARGETS:
            candidates.update(shapes.subjects(target, None))
        for cls in (RDFS.Class, _OWL_CLASS):
            for shape in candidates:
                if (shape, RDF.type, cls) in shapes:
                    raise UnsupportedShapes(f"{shape} is also a class (implicit class target)")
        self.top = [self._shape(node, needs_message=True) for node in sorted(candidates, key=_sort_key)]

    def validate(self, graph: Graph) -> list[RawResult]:
        data = _Data(graph)
        results: list[RawResult] = []
        for shape in self.top:
            for focus in shape.focus_nodes(data):
                shape.evaluate(focus, data, results)
        return results

    # -- reading shapes

    def _shape(self, node: Term, needs_message: bool) -> _Shape:
        if node in self._shapes:
            shape = self._shapes[node]
            if needs_message and shape.message is None and _reports(shape):
                raise UnsupportedShapes(f"shape {node} has no sh:message")
            return shape
        if node in self._building:
            raise UnsupportedShapes(f"shape {node} refers to itself")
        self._building.add(node)
        g = self._graph
        params: dict[URIRef, list[Term]] = defaultdict(list)
        for p, o in g.predicate_objects(node):
            if p.startswith(str(SH)):
                if p not in _SHAPE_KEYS:
                    raise UnsupportedShapes(f"shape {node} uses {p}")
                params[p].append(o)
        for p, objs in params.items():
            if len(objs) > 1 and p not in _MANY and p not in _TARGETS:
                raise UnsupportedShapes(f"shape {node} has more than one {p}")
        path = _one(params, SH.path)
        if path is not None and not isinstance(path, URIRef):
            raise UnsupportedShapes(f"shape {node} has a path that is not a single predicate")
        messages = sorted(str(m) for m in params.get(SH.message, ()))
        severity = _one(params, SH.severity) or SH.Violation
        if not isinstance(severity, URIRef):
            raise UnsupportedShapes(f"shape {node} has a severity that is not an IRI")
        shape = _Shape(node=node, path=path, severity=severity, message=messages[0] if messages else None)
        shape.target_classes = list(params.get(SH.targetClass, ()))
        shape.target_nodes = list(params.get(SH.targetNode, ()))
        shape.target_subjects_of = list(params.get(SH.targetSubjectsOf, ()))
        shape.target_objects_of = list(params.get(SH.targetObjectsOf, ()))
        shape.checks = self._checks(node, params)
        shape.properties = [self._shape(p, needs_message=True) for p in sorted(params.get(SH.property, ()), key=_sort_key)]
        # Known only once complete: a shape reached again while it is being read is a cycle
        # (pySHACL guards those with a depth limit; here they go to pySHACL).
        self._shapes[node] = shape
        self._building.discard(node)
        if needs_message and shape.message is None and _reports(shape):
            raise UnsupportedShapes(f"shape {node} has no sh:message")
        return shape

    def _checks(self, node: Term, params: dict[URIRef, list[Term]]) -> list[_Check]:
        checks: list[_Check] = []
        for cls in params.get(SH["class"], ()):
            checks.append(_class_check(cls))
        if SH.datatype in params:
            checks.append(_datatype_check(params[SH.datatype][0]))
        if SH.nodeKind in params:
            checks.append(_node_kind_check(node, params[SH.nodeKind][0]))
        if SH.minCount in params:
            bound = _integer(node, params[SH.minCount][0])
            checks.append(lambda f, values, d, n=bound: [None] if not len(values) >= n else ())
        if SH.maxCount in params:
            bound = _integer(node, params[SH.maxCount][0])
            checks.append(lambda f, values, d, n=bound: [None] if not len(values) <= n else ())
        if SH.minLength in params:
            checks.append(_length_check(_integer(node, params[SH.minLength][0]), minimum=True))
        if SH.maxLength in params:
            checks.append(_length_check(_integer(node, params[SH.maxLength][0]), minimum=False))
        if SH.pattern in params:
            checks.append(_pattern_check(params[SH.pattern][0], _one(params, SH.flags)))
        if SH.flags in params and SH.pattern not in params:
            raise UnsupportedShapes(f"shape {node} has sh:flags without sh:pattern")
        if SH["in"] in params:
            members = list(Collection(self._graph, params[SH["in"]][0]))
            checks.append(lambda f, values, d, allowed=members: [v for v in values if v not in allowed])
        for wanted in params.get(SH.hasValue, ()):
            checks.append(_has_value_check(wanted))
        for other in params.get(SH.lessThan, ()):
            if not isinstance(other, URIRef):
                raise UnsupportedShapes(f"shape {node} has an sh:lessThan that is not an IRI")
            checks.append(_less_than_check(other))
        for key, accept in ((SH.minInclusive, lambda c: c >= 0), (SH.minExclusive, lambda c: c > 0),
                            (SH.maxInclusive, lambda c: c <= 0), (SH.maxExclusive, lambda c: c < 0)):
            for bound in params.get(key, ()):
                if not isinstance(bound, Literal):
                    raise UnsupportedShapes(f"shape {node} has a non-literal {key}")
                checks.append(_range_check(bound, accept))
        for head in params.get(SH["or"], ()):
            members = [self._shape(m, needs_message=False) for m in set(Collection(self._graph, head))]
            if not members:
                raise UnsupportedShapes(f"shape {node} has an empty sh:or")
            checks.append(_or_check(members))
        return checks


_OWL_CLASS = URIRef("http://www.w3.org/2002/07/owl#Class")


def _reports(shape: _Shape) -> bool:
    return bool(shape.checks)


def _one(params: dict[URIRef, list[Term]], key: URIRef) -> Term | None:
    values = params.get(key)
    return values[0] if values else None


def _integer(node: Term, value: Term) -> int:
    if not isinstance(value, Literal) or not isinstance(value.value, int) or isinstance(value.value, bool) or value.value < 0:
        raise UnsupportedShapes(f"shape {node} has a bound that is not a non-negative integer: {value}")
    return value.value


def _sort_key(term: Term) -> tuple[str, str]:
    return (type(term).__name__, str(term))


# --------------------------------------------------------------------------- checks, as pySHACL does them


def _class_check(cls: Term) -> _Check:
    return lambda f, values, data: [v for v in values if not data.has_class(v, cls)]


def _datatype_check(datatype: Term) -> _Check:
    def check(f: Term, values: set, data: _Data) -> list[Term]:
        return [v for v in values if not _has_datatype(v, datatype)]
    return check


def _has_datatype(v: Term, rule: Term) -> bool:
    if not isinstance(v, Literal):
        return False
    if v.datatype == rule:
        return False if getattr(v, "ill_typed", None) is True else _value_fits(v, rule)
    if rule == _LITERAL:
        return True
    if rule == _DATATYPE and v.datatype:
        return True
    if v.datatype is None and v.language is None and rule == _STRING:
        return _value_fits(v, rule)
    if rule == _LANG_STRING and v.language:
        return _value_fits(v, rule)
    return False


#: The Python type rdflib gives a well-formed value of these datatypes (pySHACL checks these
#: and lets every other datatype pass).
_VALUE_TYPES: dict[Term, type | tuple[type, ...]] = {
    _STRING: (str, bytes), _LANG_STRING: (str, bytes),
    XSD.integer: int, XSD.float: float, XSD.decimal: Decimal, XSD.boolean: bool,
    XSD.date: datetime.date, XSD.time: datetime.time, XSD.dateTime: datetime.datetime,
}


def _value_fits(v: Literal, rule: Term) -> bool:
    expected = _VALUE_TYPES.get(rule)
    return isinstance(v.value, expected) if expected is not None else True


def _node_kind_check(node: Term, kind: Term) -> _Check:
    kinds = {
        SH.BlankNode: (BNode,), SH.IRI: (URIRef,), SH.Literal: (Literal,),
        SH.BlankNodeOrIRI: (BNode, URIRef), SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal),
    }.get(kind)
    if kinds is None:
        raise UnsupportedShapes(f"shape {node} has an unknown sh:nodeKind {kind}")
    return lambda f, values, d: [v for v in values if not isinstance(v, kinds)]


def _as_text(v: Term) -> str:
    if isinstance(v, Literal) and v.value is not None and v.datatype in _TEXT_TYPES:
        return str(v.value)
    return str(v)


def _length_check(bound: int, minimum: bool) -> _Check:
    def fits(v: Term) -> bool:
        if minimum and bound == 0:
            return True  # as pySHACL: a minimum length of zero passes every node, blank or not
        if isinstance(v, BNode):
            return False
        return len(_as_text(v)) >= bound if minimum else len(_as_text(v)) <= bound
    return lambda f, values, d: [v for v in values if not fits(v)]


def _pattern_check(pattern: Term, flags: Term | None) -> _Check:
    re_flags = 0
    if flags is not None:
        text = str(flags.value if isinstance(flags, Literal) else flags).lower()
        re_flags |= re.I if "i" in text else 0
        re_flags |= re.M if "m" in text else 0
    if isinstance(pattern, Literal) and pattern.value is not None and len(pattern.value) > 1:
        source = str(pattern.value)
    else:
        source = str(pattern)
    matcher = re.compile(source, re_flags)
    return lambda f, values, d: [v for v in values if isinstance(v, BNode) or not matcher.search(_as_text(v))]


def _has_value_check(wanted: Term) -> _Check:
    return lambda f, values, d: [None] if not any(v == wanted for v in values) else ()


def _less_than_check(other: URIRef) -> _Check:
    def check(focus: Term, values: set, data: _Data) -> Iterator[Term]:
        for value in values:
            left, left_text = _comparable(value)
            for compare in data.values(focus, other):
                right, right_text = _comparable(compare)
                if left is None or right is None or left_text != right_text or not _less(left, right):
                    yield value
    return check


def _less(left: object, right: object) -> bool:
    try:
        return bool(left < right)  # type: ignore[operator]
    except (TypeError, ArithmeticError):  # no order between them, or a NaN decimal (pySHACL stops here)
        return False


def _comparable(term: Term) -> tuple[object, bool]:
    # pySHACL stops with an error on a blank node here; no order holds for one, so this
    # engine reports the pair as a result instead (see the module's docstring).
    if isinstance(term, BNode):
        return None, False
    if isinstance(term, URIRef):
        return str(term), True
    if isinstance(term, Literal) and isinstance(term.value, str):
        return term.value, True
    return term, False


_FORCE_VALUE_COMPARE = (datetime.datetime, datetime.time)


def _compare_literal(a: Literal, b: Literal) -> int:
    # pySHACL's compare_literal: rdflib's own ordering, except for times compared by value.
    if a.eq(b):
        return 0
    if a.value.__class__ in _FORCE_VALUE_COMPARE:
        if a.value == b.value:
            return 0
        if a.value > b.value:
            return 1
    elif a > b:
        return 1
    return -1


def _range_check(bound: Literal, accept: Callable[[int], bool]) -> _Check:
    bound_is_text = isinstance(bound.value, str)

    def fits(v: Term) -> bool:
        if not isinstance(v, Literal):
            return False  # IRIs and blank nodes never pass a range
        if bound_is_text != isinstance(v.value, str):
            return False
        try:
            return accept(_compare_literal(v, bound))
        except (TypeError, NotImplementedError, ArithmeticError):  # ArithmeticError: a NaN decimal
            return False
    return lambda f, values, d: [v for v in values if not fits(v)]


def _or_check(members: list[_Shape]) -> _Check:
    def check(focus: Term, values: set, data: _Data) -> list[Term]:
        return [v for v in values if not any(m.conforms(v, data) for m in members)]
    return check
