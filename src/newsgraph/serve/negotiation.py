"""HTTP content negotiation: which of the forms we can give does a request ask for?

Only the ``Accept`` header and a ``format`` query parameter count (no user-agent
sniffing). The parameter wins over the header, so a link can ask for one form.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Form:
    """One form a resource can be given in."""

    key: str  #: the ``?format=`` value and the document's file extension
    media_type: str  #: what the response's Content-Type says (without parameters)
    aliases: tuple[str, ...] = ()  #: other media types that ask for this form
    charset: bool = True  #: add ``; charset=utf-8``

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8" if self.charset else self.media_type


HTML = Form("html", "text/html", ("application/xhtml+xml",))
TURTLE = Form("ttl", "text/turtle", ("application/x-turtle",))
JSONLD = Form("jsonld", "application/ld+json", ("application/json",), charset=False)
NTRIPLES = Form("nt", "application/n-triples")

#: The forms of a described resource, in the server's order of preference: a client that
#: accepts anything (``*/*``) gets the first.
RESOURCE_FORMS = (HTML, TURTLE, JSONLD, NTRIPLES)
#: The same, for an RDF document that has no HTML rendering (a download, a query answer).
RDF_FORMS = (TURTLE, NTRIPLES, JSONLD)

SPARQL_JSON = Form("json", "application/sparql-results+json", ("application/json",), charset=False)
SPARQL_XML = Form("xml", "application/sparql-results+xml", ("application/xml", "text/xml"))
SPARQL_CSV = Form("csv", "text/csv")
SPARQL_TSV = Form("tsv", "text/tab-separated-values")
#: Forms of a SELECT or ASK answer; HTML last, so that only a client that asks for HTML
#: by name (a browser) gets a web page.
RESULT_FORMS = (SPARQL_JSON, SPARQL_XML, SPARQL_CSV, SPARQL_TSV, HTML)
#: Forms of a CONSTRUCT or DESCRIBE answer.
GRAPH_FORMS = (TURTLE, NTRIPLES, JSONLD, HTML)

FORMAT_NAMES = {"ttl": TURTLE, "turtle": TURTLE, "jsonld": JSONLD, "json-ld": JSONLD, "nt": NTRIPLES,
                "ntriples": NTRIPLES, "html": HTML, "json": SPARQL_JSON, "xml": SPARQL_XML, "csv": SPARQL_CSV,
                "tsv": SPARQL_TSV}


@dataclass(frozen=True)
class _Range:
    type: str
    subtype: str
    q: float
    order: int

    @property
    def specificity(self) -> int:
        return (self.type != "*") + (self.subtype != "*")

    def matches(self, media_type: str) -> bool:
        t, _, s = media_type.partition("/")
        return (self.type in ("*", t)) and (self.subtype in ("*", s))


def parse_accept(header: str | None) -> list[_Range]:
    """The media ranges of an Accept header with their q values (RFC 9110 §12.5.1).
    Malformed pieces are skipped; no header at all means ``*/*``."""
    if header is None or not header.strip():
        return [_Range("*", "*", 1.0, 0)]
    ranges = []
    for order, piece in enumerate(header.split(",")):
        parts = [p.strip() for p in piece.split(";")]
        media = parts[0].lower()
        if "/" not in media:
            continue
        t, _, s = media.partition("/")
        if not t or not s or (t == "*" and s != "*"):
            continue
        q = 1.0
        for param in parts[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = 0.0
                q = min(max(q, 0.0), 1.0)
        ranges.append(_Range(t, s, q, order))
    return ranges


def _quality(ranges: list[_Range], form: Form) -> float:
    """The q value the client gives this form: that of the most specific matching range."""
    best: _Range | None = None
    for media_type in (form.media_type, *form.aliases):
        for r in ranges:
            if r.matches(media_type):
                # An alias matched by name counts as specific as the main type.
                if best is None or r.specificity > best.specificity or (
                    r.specificity == best.specificity and r.q > best.q
                ):
                    best = r
    return best.q if best is not None else 0.0


def choose(accept: str | None, forms: tuple[Form, ...]) -> Form | None:
    """The acceptable form the client likes most (ties: the server's order), or None."""
    ranges = parse_accept(accept)
    scored = [(_quality(ranges, f), -i, f) for i, f in enumerate(forms)]
    q, _, form = max(scored, key=lambda item: (item[0], item[1]))
    return form if q > 0 else None


def negotiate(accept: str | None, format_param: str | None, forms: tuple[Form, ...]) -> Form | None:
    """``?format=`` when given (None if it names a form not in ``forms``), else the Accept header."""
    if format_param is not None:
        form = FORMAT_NAMES.get(format_param.strip().lower())
        return form if form in forms else None
    return choose(accept, forms)


def by_extension(name: str, forms: tuple[Form, ...] = RESOURCE_FORMS) -> tuple[str, Form] | None:
    """Split ``person/x.ttl`` into (``person/x``, TURTLE) when it ends with a form's extension."""
    for form in forms:
        suffix = "." + form.key
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], form
    return None
