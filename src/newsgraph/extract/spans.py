"""Character spans of an article, held so that the ones overlapping a given span are found in
time proportional to that span's length, however many are held.

The rules ask "does anything already taken overlap this?" once per candidate; asked of a plain
list, that question made the extraction quadratic in the length of the article.
"""

from __future__ import annotations

from collections.abc import Iterable


class SpanIndex:
    """Spans [start, end) of character offsets; two spans overlap when `a.start < b.end and
    b.start < a.end` (so an empty span overlaps a span strictly around its offset)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self._at: dict[int, list[tuple[int, int]]] = {}  # character offset -> the spans covering it
        self._empty: list[tuple[int, int]] = []  # empty spans cover no character: kept apart
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        span = (start, end)
        if start >= end:
            self._empty.append(span)
            return
        for offset in range(start, end):
            self._at.setdefault(offset, []).append(span)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans held that overlap [start, end), each once, nearest the start first."""
        found: dict[tuple[int, int], None] = {}
        if start < end:
            for offset in range(start, end):
                found.update(dict.fromkeys(self._at.get(offset, ())))
        else:
            # An empty span at `start` lies strictly inside the spans covering both characters around it.
            before = set(self._at.get(start - 1, ()))
            found.update(dict.fromkeys(s for s in self._at.get(start, ()) if s in before))
        found.update(dict.fromkeys(s for s in self._empty if s[0] < end and start < s[0]))
        return list(found)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span held overlaps [start, end)."""
        if start < end and not self._empty:
            return any(offset in self._at for offset in range(start, end))
        return bool(self.overlapping(start, end))
