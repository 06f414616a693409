"""Text anchors: exact spans of the article with a little context either side."""

from __future__ import annotations

from newsgraph.model import Anchor

#: How many characters of context an anchor keeps before and after its span.
CONTEXT_CHARS = 32


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """The anchor of text[start:end]; offsets are code points, end exclusive."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}-{end} is outside a text of {len(text)} characters")
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )
