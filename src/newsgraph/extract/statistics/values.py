"""What numbers are worth as news prose writes them: digits, number words, scales and fractions.

Everything here works on plain lower-cased word strings (one per token), so it can be
tested without a parser; `numbers` decides which tokens form a number phrase. The number
words are data/number-words.tsv.

Values are `Decimal`s from the text to the record: "0.000001 percent" stays 0.000001 and a
40-digit figure keeps its 40 digits (a float would give 1e-06 and a neighbour of the figure).
A number longer than a statistic may be (`STATISTIC_MAX_DIGITS`) is not read as a number at
all: no news article states one, and a 100,000-digit "figure" is not a statistic.
"""

from __future__ import annotations

import re
from decimal import Context, Decimal, localcontext
from functools import lru_cache

from newsgraph.model import STATISTIC_MAX_DIGITS
from newsgraph.text import word_table

#: The number words of data/number-words.tsv by kind: word -> value.
_NUMBER_WORDS = word_table("number-words.tsv", ("word", "value", "kind"))

#: Arithmetic on values: wide enough that no sum or product of admitted numbers (at most
#: STATISTIC_MAX_DIGITS digits, times scale words) is ever rounded.
_EXACT = Context(prec=4 * STATISTIC_MAX_DIGITS)

#: Fractions written in words are rounded to this many decimals: "a third" is 0.3333.
_FRACTION_PLACES = Decimal("0.0001")


def _words_of(*kinds: str) -> dict[str, int]:
    return {word: int(value) for word, value, kind in _NUMBER_WORDS if kind in kinds}


UNITS = _words_of("unit")
TENS = _words_of("tens")
#: Scale words and the abbreviations news copy uses for them ("€40bn", "$5m", "2 crore").
SCALES = _words_of("scale", "abbreviated scale")
#: Abbreviated scales only count straight after digits ("5 m" yes, "m" alone no).
ABBREVIATED_SCALES = frozenset(_words_of("abbreviated scale"))
#: 'dozen' behaves like a scale word: "a dozen", "two dozen".
DOZEN = 12
#: Denominators of fractions written in words: "a third", "two-thirds", "a quarter".
FRACTIONS = _words_of("fraction")
#: Multipliers written as one word.
MULTIPLIER_WORDS = _words_of("multiplier")
#: Vague plural amounts: 'thousands of' is at least a thousand.
VAGUE_PLURALS = _words_of("vague plural")

#: Digits with thousands separators ("1,000"), without ("1000"), or grouped the Indian way in
#: lakhs and crores ("2,14,300", "1,00,000").
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$")
_DIGITS_WITH_SCALE = re.compile(rf"^(\d+(?:[.,]\d+)?)({'|'.join(sorted(ABBREVIATED_SCALES))})$", re.IGNORECASE)
_FOLD = re.compile(r"^(\w+?)-?fold$")
#: A figure with letters or a sign glued to it: "41pc", "12.5GW", "2.7mnt".
_GLUED = re.compile(r"^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([^\d\s.,][^\d\s]*)$")


def too_long(written: str) -> bool:
    """True when `written` holds more digits than a statistic may have."""
    return sum(c.isdigit() for c in written) > STATISTIC_MAX_DIGITS


def digits_value(word: str) -> Decimal | None:
    """'1,000' -> 1000, '2.5' -> 2.5, '40bn' -> 40000000000; None when it is not written in
    digits, or has more digits than a statistic may have."""
    if not word[:1].isdigit():
        return None
    if _DIGITS.match(word):
        return None if too_long(word) else Decimal(word.replace(",", ""))
    m = _DIGITS_WITH_SCALE.match(word)
    if m and not too_long(word):
        # A comma inside a scaled figure is a decimal comma ("1,5bn") in European copy.
        return _EXACT.multiply(Decimal(m.group(1).replace(",", ".")), SCALES[m.group(2).lower()])
    return None


def split_glued(written: str) -> tuple[Decimal, str] | None:
    """'41pc' -> (41, 'pc'), '12.5GW' -> (12.5, 'GW'): a figure and what is glued after it, as
    written; None when `written` is not digits followed by letters or signs."""
    m = _GLUED.match(written) if written[:1].isdigit() else None
    if m is None or too_long(written):
        return None
    return Decimal(m.group(1).replace(",", "")), m.group(2)


#: A range the tokenizer left in one token: "5.25%–5.5", "10–15", "2bn-€3bn", "2-3bn".
_SCALE = "|".join(sorted(ABBREVIATED_SCALES, key=len, reverse=True))
_RANGE = re.compile(rf"^(\d+(?:\.\d+)?)((?:{_SCALE})?)(%?)[–—-][^\w\s%]?(\d+(?:\.\d+)?)((?:{_SCALE})?)$", re.IGNORECASE)


def split_range(written: str) -> tuple[Decimal, Decimal, str] | None:
    """'5.25%–5.5' -> (5.25, 5.5, '%'), '10–15' -> (10, 15, ''), '2bn-€3bn' and '2-3bn' ->
    (2000000000, 3000000000, ''): a range in one token, bottom below top; None for anything
    else ('2024-25' is a year span, its top is not above its bottom)."""
    m = _RANGE.match(written) if written[:1].isdigit() else None
    if m is None or too_long(written):
        return None
    low_scale = m.group(2) or m.group(5)  # "2-3bn": the top's scale is the bottom's too
    low = digits_value(m.group(1) + low_scale)
    high = digits_value(m.group(4) + m.group(5))
    if low is None or high is None:
        return None
    return (low, high, m.group(3)) if high > low else None


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


def cardinal_value(words: list[str]) -> Decimal | None:
    """The value of a run of cardinal words: ['1.4', 'billion'], ['two', 'hundred', 'fifty'],
    ['a', 'dozen'], ['8', '500'] (a space as thousands separator), ['1.2', 'lakh', 'crore'] (a
    scale of a scale). None if they don't parse."""
    with localcontext(_EXACT):
        return _cardinal_value(words)


def _cardinal_value(words: list[str]) -> Decimal | None:
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
        return digits_value("".join(words))
    total = Decimal(0)
    current: Decimal | None = None
    group = Decimal(0)  # what the last scale word added to the total
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
            if current is None and last == "scale" and SCALES[w] > SCALES.get(words[i - 1], DOZEN):
                # "1.2 lakh crore", "five thousand billion": a scale of the scale before it.
                total -= group
                group *= SCALES[w]
                total += group
                continue
            if current is None:
                return None
            if w in ABBREVIATED_SCALES and (i == 0 or not _DIGITS.match(words[i - 1])):
                return None  # "5 m", but not "m" alone nor "1.82mn b"
            if SCALES[w] == 100:
                current *= 100
                last = "hundred"
            else:
                group = current * SCALES[w]
                total += group
                current = None
                last = "scale"
            continue
        return None
    return total + (current or 0)


def fraction_value(numerator: str, denominator: str) -> Decimal | None:
    """'a'/'one'/'two' + 'third(s)'/'quarter(s)'/'half' -> 0.3333, 0.6667, 0.25, 0.5."""
    den = FRACTIONS.get(denominator.lower())
    if den is None:
        return None
    num_word = numerator.lower()
    num = 1 if num_word in ("a", "an", "one") else word_value(num_word)
    if num is None or num >= den:
        return None
    return (Decimal(num) / Decimal(den)).quantize(_FRACTION_PLACES)


@lru_cache(maxsize=8192)
def fold_value(word: str) -> Decimal | None:
    """'sixfold' / 'six-fold' / '6-fold' -> 6."""
    m = _FOLD.match(word.lower())
    if not m:
        return None
    stem = m.group(1)
    d = digits_value(stem)
    if d is not None:
        return d
    w = word_value(stem)
    return Decimal(w) if w is not None else None


def format_value(value: Decimal | int) -> str:
    """The value as the record writes it, exactly and without an exponent or trailing zeros:
    400 -> '400', 2.50 -> '2.5', 1.4E+9 -> '1400000000', 1E-24 -> '0.000000000000000000000001'."""
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
