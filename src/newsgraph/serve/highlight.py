"""An article's text as HTML with every fact's anchor marked.

Each anchor becomes a ``<mark id="anchor-START-END">``; the characters it covers link to
the fact (an anchor inside another one is a mark inside a mark, and each character links
to the innermost fact, so links never nest). Two anchors that cross (neither holds the
other) cannot both be single elements: the later one is cut where the earlier one ends
and goes on in a second mark without the id.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Callable, Sequence

from markupsafe import Markup, escape

from newsgraph.serve.describe import Fact


@dataclass
class _Span:
    start: int
    end: int
    facts: list[Fact]
    ident: str | None = None  #: the anchor's id, on its first piece only
    children: list["_Span"] = field(default_factory=list)


def highlight(text: str, facts: Sequence[Fact], href: Callable[[str], str | None]) -> Markup:
    """``text`` escaped, with the anchors of ``facts`` marked and linked (``href(fact IRI)``)."""
    by_span: dict[tuple[int, int], list[Fact]] = {}
    for fact in facts:
        for a in fact.anchors:
            if 0 <= a.start < a.end <= len(text):
                by_span.setdefault((a.start, a.end), [])
                if fact not in by_span[(a.start, a.end)]:
                    by_span[(a.start, a.end)].append(fact)
    heap = [(s, -e, i, _Span(s, e, fs, f"anchor-{s}-{e}")) for i, ((s, e), fs) in enumerate(sorted(by_span.items()))]
    heapq.heapify(heap)
    seq = len(heap)
    roots: list[_Span] = []
    stack: list[_Span] = []
    while heap:
        _s, _e, _i, span = heapq.heappop(heap)
        while stack and stack[-1].end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1].end:
            rest = _Span(stack[-1].end, span.end, span.facts)
            seq += 1
            heapq.heappush(heap, (rest.start, -rest.end, seq, rest))
            span.end = stack[-1].end
            if span.start >= span.end:
                continue
        (stack[-1].children if stack else roots).append(span)
        stack.append(span)
    return Markup("".join(_render(text, roots, 0, len(text), None, href)))


def _piece(text: str, link: str | None) -> str:
    if not text:
        return ""
    if link is None:
        return str(escape(text))
    return f'<a href="{escape(link)}">{escape(text)}</a>'


def _render(text: str, spans: list[_Span], lo: int, hi: int, link: str | None, href) -> list[str]:
    out: list[str] = []
    pos = lo
    for span in spans:
        out.append(_piece(text[pos:span.start], link))
        fact = span.facts[0]
        kinds = " ".join(sorted({f.kind for f in span.facts}))
        title = "; ".join(f"{f.kind}: {f.label}" for f in span.facts)
        ident = f' id="{span.ident}"' if span.ident else ""
        cls = "fact " + kinds + ("" if span.ident else " continued")
        out.append(f'<mark{ident} class="{escape(cls)}" title="{escape(title)}">')
        out.extend(_render(text, span.children, span.start, span.end, href(fact.iri), href))
        out.append("</mark>")
        pos = span.end
    out.append(_piece(text[pos:hi], link))
    return out
