"""Spelling variants of transliterated person names: Yermak / Iermak, Oleksiy / Oleksii,
Zelensky / Zelenskyy / Zelenskiy, Volodymyr / Wolodymyr.

Names from Cyrillic reach English news through several romanisation systems (national,
BGN/PCGN, scholarly, German- or Polish-style, or none). Each token is reduced to a key
by general rules that undo those differences; two names are the same when their tokens'
keys are. No list of names: only letter rules, so it works for names never seen before.
Pure functions, no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.text import fold_accents

# Ukrainian and Russian Cyrillic to Latin, one common system; the key rules below absorb the rest.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ё": "yo", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}

# Ordered rewrites on a lower-case ASCII token. Upper-case letters are placeholders for
# sounds written with several letters, so a later rule cannot take them apart again.
_REWRITES: tuple[tuple[str, str], ...] = (
    (r"w", "v"),  # German/Polish w: Wolodymyr = Volodymyr
    (r"ph", "f"),
    (r"q", "k"),
    (r"x", "ks"),  # Oleksandr = Olexandr
    (r"ck", "k"),
    (r"dzh|dj", "J"),  # English j sound
    (r"shch|sch|sh|sz", "S"),  # sh sounds: German sch, Polish sz
    (r"tsch|tch|ch|cz", "C"),  # ch sounds: German tsch, Polish cz
    (r"zh|zs", "Z"),
    (r"kh", "h"),  # Kharkiv = Harkiv
    (r"g", "h"),  # Ukrainian h for Russian g: Hennadiy = Gennadiy
    (r"ts|tz", "c"),  # ts sound: Tsvetkov = Cvetkov = Tzvetkov
    (r"j", "y"),  # j as the y glide (German, Polish, scholarly): Jurij = Yuriy
    (r"[iy]+$", "I"),  # endings -y, -i, -iy, -yi, -ii, -yy, -ij: Zelensky = Zelenskyy = Zelenskiy
    (r"(?<=[a-zA-Z])[iy]e|^[iy]e", "e"),  # ye / ie glide before e: Yermak = Iermak, Fyedorov = Fedorov
    (r"[iy](?=[aou])", ""),  # glides before a, o, u: Yuriy = Iurii
    (r"y", "i"),  # y as a vowel: Dmytro = Dmitro
    (r"(?<=o)ff$", "v"),  # -off for -ov in older spellings
    (r"(?<=o)f$", "v"),
)
_COMPILED_REWRITES = tuple((re.compile(pattern), replacement) for pattern, replacement in _REWRITES)
_DOUBLED = re.compile(r"(.)\1+")


# Cached: resolving a name keys every word of every person registered so far, on each call;
# the key depends on the token alone.
@lru_cache(maxsize=8192)
def name_key(token: str) -> str:
    """The spelling-independent key of one name token: 'Zelenskyy' -> 'zelenskI'."""
    text = token.casefold()
    if not text.isascii():  # ASCII has no Cyrillic to transliterate and no accents to drop
        text = fold_accents("".join(_CYRILLIC.get(c, c) for c in text))
    text = "".join(c for c in text if "a" <= c <= "z")
    if not text:
        return ""
    for pattern, replacement in _COMPILED_REWRITES:
        text = pattern.sub(replacement, text)
    # Doubled letters last, so that rewrites that meet (Zelenskyy -> ...I) collapse too.
    return _DOUBLED.sub(r"\1", text)


def _tokens(name: str) -> list[str]:
    # Apostrophes are soft signs in transliteration (Mar'yana, Ukrainian ʼ): dropped, not split on.
    name = re.sub(r"['’ʼ`´]", "", name)
    return [t for t in re.split(r"[\s\-‐–.,]+", name) if t]


def same_person_name(a: str, b: str) -> bool:
    """True when two names are spellings of the same name: 'Oleksiy Danilov' / 'Oleksii Danilov'.

    Both names need the same number of tokens (a surname alone is not a full name: compare
    surnames with surnames). An initial matches a token with the same first key letter
    ('V. Zelensky' / 'Volodymyr Zelenskyy').
    """
    ta, tb = _tokens(a), _tokens(b)
    if not ta or len(ta) != len(tb):
        return False
    for x, y in zip(ta, tb):
        kx, ky = name_key(x), name_key(y)
        if not kx or not ky:
            return False
        if len(x) == 1 or len(y) == 1:  # an initial
            if kx[0].lower() != ky[0].lower():
                return False
        elif kx != ky:
            return False
    return True
