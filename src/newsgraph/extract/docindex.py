"""A parsed text indexed once: sentences, entities and token offsets, for lookups by bisection.

`Doc.text`, `Token.sent`, `Doc.sents` and `Doc.ents` rebuild their answer on every call (a walk
over the whole text), which makes any rule that asks them once per token or per mention
quadratic in the length of the article. The steps share one `DocIndex` through
`ArticleContext.index`.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from newsgraph.text import token_index_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class DocIndex:
    def __init__(self, doc: Doc, text: str | None = None):
        self.text = doc.text if text is None else text
        sents = list(doc.sents)
        self.sent_starts = [s.start for s in sents]
        self.sent_ends = [s.end for s in sents]
        self.ents: list[Span] = list(doc.ents)
        self.ent_starts = [e.start for e in self.ents]
        self.token_starts = [t.idx for t in doc]
        # Asked for hundreds of times per article (every number word, every sentence walk):
        # joined[i] says token i follows token i-1 on the same line (see `joined`).
        self._joined = [False] + ["\n" not in t.whitespace_ and t.pos_ != "SPACE" for t in doc]

    def sentence(self, i: int) -> tuple[int, int]:
        """The token span [start, end) of the parser's sentence holding token i."""
        k = max(0, bisect_right(self.sent_starts, i) - 1)
        return self.sent_starts[k], self.sent_ends[k]

    def entity_at(self, i: int) -> Span | None:
        """The entity holding token i, if any (entities never overlap)."""
        k = bisect_right(self.ent_starts, i) - 1
        if k >= 0 and self.ents[k].start <= i < self.ents[k].end:
            return self.ents[k]
        return None

    def entities_in(self, start: int, end: int) -> list[Span]:
        """The entities starting in tokens [start, end)."""
        lo = bisect_right(self.ent_starts, start - 1)
        hi = bisect_right(self.ent_starts, end - 1)
        return self.ents[lo:hi]

    def token_at(self, offset: int) -> int:
        """The index of the token holding character `offset` (the last token before it)."""
        return token_index_at(self.token_starts, offset)

    def joined(self, i: int) -> bool:
        """True when token i follows token i-1 on the same line (no line break between them)."""
        return i > 0 and self._joined[i]
