"""Loading the spaCy pipeline, once per model name, with line breaks as sentence breaks."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import DEFAULT_MODEL  # re-exported: callers that load the model import it from here
from newsgraph.errors import ModelError

__all__ = ["DEFAULT_MODEL", "LINE_BREAKS", "load_nlp", "with_line_breaks"]

LINE_BREAKS = "newsgraph_line_breaks"


@Language.component(LINE_BREAKS)
def _line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, subtitles and list items carry no final period,
    and the parser would otherwise run them into the next paragraph."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
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
    except (OSError, ImportError, ValueError) as exc:
        # spaCy raises OSError E050 for a missing package; a broken one may raise others.
        raise ModelError(f"NLP model '{model}' is not installed: {exc}") from exc
    return with_line_breaks(nlp)


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline `model`, loaded once and cached. Raises ModelError when it cannot load."""
    return _load(model)
