"""Text helpers the stages share: the lookup form of a name, slugs, post titles, demonyms,
token look-ups, and the word lists shipped in `data/`.

Each is defined here once. They are pure functions of their arguments; the only I/O is
reading the package's own data files, each once, the first time it is asked for. Nothing
from newsgraph is imported, so the model, the gazetteer and the link stage use this
module without loading the extractor.

Word lists are plain files in `newsgraph/data/`: one entry a line (`.txt`), or tab-separated
columns under a header line of column names (`.tsv`); blank lines and lines starting with
`#` are left out, and each file opens with comment lines saying what the list is for.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

# --------------------------------------------------------------------------- word lists


@lru_cache(maxsize=None)
def _entries(filename: str) -> tuple[str, ...]:
    text = resources.files("newsgraph").joinpath(f"data/{filename}").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def word_list(filename: str) -> tuple[str, ...]:
    """The entries of `data/<filename>`, in file order (some lists are tried in order)."""
    return _entries(filename)


@lru_cache(maxsize=None)
def word_set(filename: str) -> frozenset[str]:
    """The entries of `data/<filename>` as a set, for membership tests."""
    return frozenset(_entries(filename))


@lru_cache(maxsize=None)
def word_table(filename: str, columns: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The rows of the tab-separated `data/<filename>`, in file order, without its header line.

    The header must name exactly `columns`, so that a file and the code reading it cannot
    disagree on what a column holds unnoticed."""
    header, *rows = _entries(filename)
    found = tuple(cell.strip() for cell in header.split("\t"))
    if found != columns:
        raise ValueError(f"data/{filename}: header is {found}, expected {columns}")
    out = []
    for row in rows:
        cells = tuple(cell.strip() for cell in row.split("\t"))
        if len(cells) != len(columns):
            raise ValueError(f"data/{filename}: {row!r} has {len(cells)} columns, expected {len(columns)}")
        out.append(cells)
    return tuple(out)


@lru_cache(maxsize=None)
def word_map(filename: str, key: str, value: str) -> dict[str, str]:
    """A two-column `data/<filename>` as a dict from its first column to its second, in file order.
    Shared between callers: not to be changed."""
    return dict(word_table(filename, (key, value)))


# --------------------------------------------------------------------------- names, keys, slugs


def fold_accents(text: str) -> str:
    """Accents and typographic apostrophes removed, case kept: 'Côte d’Ivoire' -> "Cote d'Ivoire"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


_WORD = re.compile(r"[a-z0-9]+")


# Cached: the extractor asks for the same names (token runs, entity names and aliases) over and
# over within an article and across articles; the result depends on the string alone. Bounded,
# as the mapper also normalises whole quotes.
@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    """The lookup form of a name: accent-free, case-folded words, a leading 'the' dropped."""
    # ASCII has nothing to decompose and no accents to drop.
    text = name.casefold() if name.isascii() else fold_accents(name).casefold()
    words = _WORD.findall(text)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by '-': 'Türkiye’s Navy' -> 'turkiye-s-navy'."""
    words = _WORD.findall(fold_accents(text).casefold())
    return "-".join(words) or "x"


# --------------------------------------------------------------------------- demonyms


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Adjective of nationality (case-folded) -> country name, from data/demonyms.tsv ("latvian" -> "Latvia")."""
    return {adjective.casefold(): country for adjective, country in word_table("demonyms.tsv", ("demonym", "country"))}


@lru_cache(maxsize=None)
def country_adjective(country: str) -> str | None:
    """The first adjective data/demonyms.tsv gives for a country ("Ukraine" -> "Ukrainian"), or None."""
    for adjective, name in word_table("demonyms.tsv", ("demonym", "country")):
        if name == country:
            return adjective
    return None


# --------------------------------------------------------------------------- post titles


def post_title(words: Sequence[str]) -> str:
    """A post's title as the record states it, from the words of a title phrase: one word
    order for every wording, the article's spelling kept.

    'Defense Minister' -> 'Minister of Defense'; 'prime minister' -> 'Prime Minister';
    'Foreign Minister' -> 'Minister of Foreign Affairs'."""
    joiners = word_set("title-joiners.txt")
    words = [w if w.casefold() in joiners else w[:1].upper() + w[1:] for w in words]
    lower = [w.casefold() for w in words]
    if len(words) >= 2 and lower[-1] == "minister" and "of" not in lower and "for" not in lower:
        rank_prefixes = word_set("rank-prefixes.txt")
        i = 0
        while i < len(words) - 1 and lower[i] in rank_prefixes:
            i += 1
        subject = words[i:-1]
        if subject:
            return " ".join([*words[:i], words[-1], "of", ministry_field(" ".join(subject))])
    return " ".join(words)


def ministry_field(field: str) -> str:
    """A ministry's field as its full name gives it: 'Foreign' -> 'Foreign Affairs' (the Foreign
    Minister is the Minister of Foreign Affairs); any other field as written: 'Defence'."""
    return word_map("ministries.tsv", "field", "ministry").get(field.casefold(), field)


_PORTFOLIO_MINISTER = re.compile(r"^(?!prime$)([a-z ]+?) minister$")


# Cached: the link stage compares every role with every Office row of the gazetteer, so the
# same few hundred titles are keyed again and again; the result depends on the title alone.
@lru_cache(maxsize=4096)
def post_title_key(title: str) -> str:
    """The form in which two wordings of one post compare equal, spelling differences included:
    'Defense Minister', 'Minister of Defence' and 'minister for defence' -> 'minister of defence'."""
    text = normalise(title)
    text = re.sub(r"\bdefense\b", "defence", text)
    text = re.sub(r"\bminister for\b", "minister of", text)
    match = _PORTFOLIO_MINISTER.match(text)
    if match and match.group(1) not in ("prime", "deputy prime", "first deputy prime"):
        text = f"minister of {match.group(1)}"
    return text


# --------------------------------------------------------------------------- offsets and tokens


def line_start(text: str, offset: int) -> int:
    """The offset where the line holding `offset` starts."""
    return text.rfind("\n", 0, offset) + 1


def trimmed_end(text: str, i: int) -> int:
    """Where the text before offset i ends without its trailing whitespace: len(text[:i].rstrip()),
    without copying what comes before (asked of long articles again and again)."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def token_index_at(starts: Sequence[int], offset: int) -> int:
    """The index of the token holding character `offset`, given every token's start offset in
    order: the last token starting at or before it (0 before the first)."""
    return max(0, bisect_right(starts, offset) - 1)
