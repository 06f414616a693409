"""Loading the spaCy pipeline, once per model name, with line breaks as sentence breaks; and
parsing a text of any length with it."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import DEFAULT_MODEL  # re-exported: callers that load the model import it from here
from newsgraph.errors import ModelError

__all__ = ["DEFAULT_MODEL", "LINE_BREAKS", "PARSE_CHUNK_CHARS", "dictionary_nouns", "load_nlp", "parse", "parse_chunks", "with_line_breaks"]

LINE_BREAKS = "newsgraph_line_breaks"

#: A text longer than this is given to the parser in pieces of at most this many characters,
#: cut at paragraph breaks: spaCy refuses a text over `nlp.max_length` (1,000,000 characters),
#: and the parser takes about 3 KB of memory per character of what it is given at once (300 MB
#: here). Texts up to this length, nearly every news article, are parsed whole; the parse of a
#: piece differs from the whole text's, if at all, only for a word or two next to a cut.
PARSE_CHUNK_CHARS = 100_000


# Bullet glyphs opening a list item, which the parser otherwise takes for the item's verb.
_BULLETS = frozenset("•·▪●◦‣")


@Language.component(LINE_BREAKS)
def _line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, subtitles and list items carry no final period,
    and the parser would otherwise run them into the next paragraph."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif previous.text in _BULLETS and (previous.i == 0 or previous.is_sent_start):
            token.is_sent_start = True  # '• Roe called the plan …': the list item's words, not a clause of the bullet
    return doc


def with_line_breaks(nlp: Language) -> Language:
    """The pipeline with the line-break component before the parser (added once)."""
    if LINE_BREAKS not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before is not None:
            nlp.add_pipe(LINE_BREAKS, before=before)
        else:
            nlp.add_pipe(LINE_BREAKS, first=True)
    return nlp


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        if "E050" not in str(exc):  # a package or folder that is there but does not load
            raise ModelError(f"NLP model '{model}' does not load: {exc}") from exc
        # spaCy's own message points to `spacy download`, which fetches from a model hub; a
        # model is a Python package like any other, and the default one is pinned by hash.
        raise ModelError(
            f"NLP model '{model}' is not installed: install it as a Python package into this environment "
            f"(`python -m pip install <package>`; scripts/setup installs the default, {DEFAULT_MODEL}, pinned "
            "by hash from requirements/model.txt), or give --model the path of a model folder"
        ) from exc
    except (ImportError, ValueError) as exc:  # a broken package
        raise ModelError(f"NLP model '{model}' does not load: {exc}") from exc
    _remember_nouns(nlp)
    return with_line_breaks(nlp)


#: id(vocab) -> the common nouns of the model's lemmatizer tables (empty when it has none).
_NOUNS: dict[int, frozenset[str]] = {}


def _remember_nouns(nlp: Language) -> None:
    nouns: frozenset[str] = frozenset()
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            nouns = frozenset(lookups.get_table("lemma_index").get("noun", ()))
    _NOUNS[id(nlp.vocab)] = nouns


def dictionary_nouns(doc: Doc) -> frozenset[str]:
    """The English common nouns (lower case) the model's rule lemmatizer knows, from its WordNet
    index: 'turnout', 'unemployment'; empty for a model without those tables."""
    return _NOUNS.get(id(doc.vocab), frozenset())


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline `model`, loaded once and cached. Raises ModelError when it cannot load."""
    return _load(model)


def parse(nlp: Language, text: str, chunk_chars: int = PARSE_CHUNK_CHARS) -> Doc:
    """`nlp(text)` for a text of any length: a long text is parsed in paragraph-aligned pieces
    (see `parse_chunks`) joined into one Doc, whose text and character offsets are the text's."""
    limit = min(chunk_chars, nlp.max_length)
    if len(text) <= limit:
        return nlp(text)
    # The pieces' texts add up to `text`, so no whitespace is inserted between them.
    # One piece at a time: a batch of pieces would take as much memory as the whole text.
    docs = list(nlp.pipe(parse_chunks(text, limit), batch_size=1))
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


# Where a piece may end, best first: after a paragraph break, a line break, a sentence, a space.
_CUTS = (re.compile(r"\n[^\S\n]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"”’)]*\s+"), re.compile(r"\s+"))


def parse_chunks(text: str, limit: int) -> list[str]:
    """`text` cut into pieces of at most `limit` characters that add up to it, each ending after
    the whitespace of a paragraph break where there is one in reach (else a line break, the end of
    a sentence, a space; a text without any is cut at `limit`)."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        end = 0
        for cut in _CUTS:
            ends = [m.end() for m in cut.finditer(window) if m.end() < len(window)]
            if ends:
                end = ends[-1]
                break
        end = end or limit
        pieces.append(text[start : start + end])
        start += end
    pieces.append(text[start:])
    return pieces
