"""The parsed article as the statistics rules read it: the context's doc index, and token and
sentence helpers on top of it.

The rules are handed the `Doc` alone; `find_statistics` puts the context's `DocIndex` (and the
caches of one run) in the doc's user data while it runs (see `indexed`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.tokens import Doc, Token

from newsgraph.extract.context import ArticleContext
from newsgraph.extract.docindex import DocIndex
from newsgraph.extract.nlp import dictionary_nouns


#: Parts of speech of a noun.
NOUNS = {"NOUN", "PROPN"}

#: Pronouns that stand for what is counted or who did it: never its name.
PRONOUNS = {"it", "they", "them", "its", "their"}

_KEY = "newsgraph.statistics"


class _Run:
    """What the rules of one `find_statistics` run share."""

    def __init__(self, index: DocIndex):
        self.index = index
        #: Written name -> person key; statistics register countries only, so this cannot go stale.
        self.persons: dict[str, str | None] = {}
        #: Every word the article writes in lower case (built on first use).
        self.lower_words: set[str] | None = None
        #: Every word it writes capitalised inside a sentence (built with `lower_words`).
        self.named_words: set[str] = set()


@contextmanager
def indexed(doc: Doc, ctx: ArticleContext) -> Iterator[None]:
    """Give the rules the context's index of `doc` for the length of the block."""
    doc.user_data[_KEY] = _Run(ctx.index(doc))
    try:
        yield
    finally:
        doc.user_data.pop(_KEY, None)


def _run(doc: Doc) -> _Run:
    run = doc.user_data.get(_KEY)
    return run if isinstance(run, _Run) else _Run(DocIndex(doc))


def index(doc: Doc) -> DocIndex:
    return _run(doc).index


def person_cache(doc: Doc) -> dict[str, str | None]:
    return _run(doc).persons


def common_noun(doc: Doc, token: Token) -> bool:
    """A capitalised word the tagger calls a name only because it opens its sentence or line
    ("Turnout was 78.4 pct"), told by the article writing the same word in lower case elsewhere."""
    # "Turnout in … was 52%", tagged as an imperative; a verb that takes an object is one
    misread_verb = token.tag_ == "VB" and token.dep_ == "csubj" and token.is_sent_start and not any(c.dep_ == "dobj" for c in token.children)
    if (token.pos_ != "PROPN" and not misread_verb) or not token.is_title or not token.is_alpha:
        return False
    if token.i > 0 and not token.is_sent_start and joined(doc, token.i):
        return False
    if any(c.dep_ in ("compound", "flat") for c in token.children) or token.dep_ in ("compound", "flat"):
        return False
    run = _run(doc)
    if run.lower_words is None:
        run.lower_words = {t.text for t in doc if t.is_lower and t.is_alpha}
        # words the article also writes capitalised inside a sentence: a name somewhere ("Brent crude")
        run.named_words = {t.lower_ for t in doc if t.is_title and not t.is_sent_start and t.i > 0 and joined(doc, t.i)}
    if token.lower_ in run.lower_words:
        return True
    # "Turnout was 52.3 per cent" and 'turnout' nowhere else: an English noun the dictionary knows,
    # at the start of its sentence and never written as a name inside one
    return token.is_sent_start and token.lower_ not in run.named_words and token.lower_ in dictionary_nouns(doc)


def doc_text(doc: Doc) -> str:
    return index(doc).text


def joined(doc: Doc, i: int) -> bool:
    """True when token i follows token i-1 on the same line (no line break between them)."""
    return index(doc).joined(i)


def char_end(doc: Doc, end_tok: int) -> int:
    last = doc[end_tok - 1]
    return last.idx + len(last.text)


def span_text(doc: Doc, span: tuple[int, int]) -> str:
    return doc_text(doc)[doc[span[0]].idx : char_end(doc, span[1])]


def sentence_bounds(doc: Doc, token: Token) -> tuple[int, int]:
    """The token span [start, end) of token's sentence, cut at line breaks (headlines run on)."""
    sent_start, sent_end = index(doc).sentence(token.i)
    start = token.i
    while start > sent_start and joined(doc, start):
        start -= 1
    end = token.i + 1
    while end < sent_end and joined(doc, end) and doc[end].pos_ != "SPACE":
        end += 1
    return start, end


def governor(token: Token) -> Token:
    """The verb a token's clause hangs from (its own token when there is none)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head != node:
        node = node.head
    return node
