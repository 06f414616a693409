"""Reading numbers as news prose writes them: digits, number words, scales and fractions.

Everything here works on plain lower-cased word strings (one per token), so it can be
tested without a parser; `statistics.py` decides which tokens form a number phrase.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Scale words and the abbreviations news copy uses for them ("€40bn", "$5m").
SCALES = {
    "hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "mln": 1_000_000,
    "mn": 1_000_000, "m": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
    "bln": 1_000_000_000, "b": 1_000_000_000, "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000,
}
#: Abbreviated scales only count straight after digits ("5 m" yes, "m" alone no).
ABBREVIATED_SCALES = {"k", "mln", "mn", "m", "bn", "bln", "b", "tn"}
#: 'dozen' behaves like a scale word: "a dozen", "two dozen".
DOZEN = 12

#: Denominators of fractions written in words: "a third", "two-thirds", "a quarter".
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}
#: Multipliers written as one word.
MULTIPLIER_WORDS = {"twice": 2, "thrice": 3, "double": 2, "triple": 3, "quadruple": 4}
#: Vague plural amounts: 'thousands of' is at least a thousand.
VAGUE_PLURALS = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
    "billions": 1_000_000_000,
}

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DIGITS_WITH_SCALE = re.compile(r"^(\d+(?:[.,]\d+)?)(k|m|mn|mln|bn|bln|b|tn)$", re.IGNORECASE)
_FOLD = re.compile(r"^(\w+?)-?fold$")


def digits_value(word: str) -> float | None:
    """'1,000' -> 1000, '2.5' -> 2.5, '40bn' -> 4e10; None when it is not written in digits."""
    if _DIGITS.match(word):
        return float(word.replace(",", ""))
    m = _DIGITS_WITH_SCALE.match(word)
    if m:
        # A comma inside a scaled figure is a decimal comma ("1,5bn") in European copy.
        return float(m.group(1).replace(",", ".")) * SCALES[m.group(2).lower()]
    return None


def word_value(word: str) -> int | None:
    """'six' -> 6, 'twenty-five' -> 25; None for anything else."""
    word = word.lower()
    if word in UNITS:
        return UNITS[word]
    if word in TENS:
        return TENS[word]
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in TENS and unit in UNITS and 0 < UNITS[unit] < 10:
            return TENS[tens] + UNITS[unit]
    return None


# Cached: asked of nearly every token of an article, and of the same common words in every article.
@lru_cache(maxsize=8192)
def is_number_word(word: str) -> bool:
    """True for anything that can be part of a cardinal: digits, number words, scales."""
    w = word.lower()
    return digits_value(w) is not None or word_value(w) is not None or w in SCALES or w == "dozen"


def cardinal_value(words: list[str]) -> float | None:
    """The value of a run of cardinal words: ['1.4', 'billion'], ['two', 'hundred', 'fifty'],
    ['a', 'dozen'], ['8', '500'] (a space as thousands separator). None if they don't parse."""
    words = [w.lower() for w in words if w.lower() != "and"]
    if not words:
        return None
    if words[0] in ("a", "an"):  # "a hundred", "a million", "a dozen"
        words = ["one", *words[1:]]
        if len(words) == 1:
            return None
    # "8 500": groups of three digits after a short group are one number.
    if len(words) >= 2 and all(re.fullmatch(r"\d{1,3}", w) for w in words[:1]) and all(
        re.fullmatch(r"\d{3}", w) for w in words[1:]
    ):
        return float("".join(words))
    total = 0.0
    current: float | None = None
    last = ""  # what the previous word was: "tens", "number", "hundred" or "scale"
    for i, w in enumerate(words):
        d = digits_value(w)
        n = d if d is not None else word_value(w)
        if n is not None:
            # Numbers in a row only combine as "twenty five" or "two hundred fifty".
            if last == "number" or (last == "tens" and n >= 10) or (last == "hundred" and n >= 100):
                return None
            current = (current or 0) + n
            last = "tens" if w in TENS else "number"
            continue
        if w == "dozen":
            current = (current if current is not None else 1) * DOZEN
            last = "scale"
            continue
        if w in SCALES:
            if current is None:
                return None
            if w in ABBREVIATED_SCALES and (i == 0 or digits_value(words[i - 1]) is None):
                return None
            if SCALES[w] == 100:
                current *= 100
                last = "hundred"
            else:
                total += current * SCALES[w]
                current = None
                last = "scale"
            continue
        return None
    return total + (current or 0)


def fraction_value(numerator: str, denominator: str) -> float | None:
    """'a'/'one'/'two' + 'third(s)'/'quarter(s)'/'half' -> 0.3333, 0.6667, 0.25, 0.5."""
    den = FRACTIONS.get(denominator.lower())
    if den is None:
        return None
    num_word = numerator.lower()
    num = 1 if num_word in ("a", "an", "one") else word_value(num_word)
    if num is None or num >= den:
        return None
    return num / den


@lru_cache(maxsize=8192)
def fold_value(word: str) -> float | None:
    """'sixfold' / 'six-fold' / '6-fold' -> 6."""
    m = _FOLD.match(word.lower())
    if not m:
        return None
    stem = m.group(1)
    d = digits_value(stem)
    return d if d is not None else word_value(stem)


def format_value(value: float) -> str:
    """A decimal string for the record: 400 -> '400', 1/3 -> '0.3333', 1.4e9 -> '1400000000'."""
    if abs(value - round(value)) < 1e-9:
        return str(int(round(value)))
    text = format(Decimal(repr(round(value, 4))).normalize(), "f")
    return text
