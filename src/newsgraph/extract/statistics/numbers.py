"""Finding number phrases in a parsed text: digits and number words, multipliers, fractions,
ranges, percentages and sums of money; and telling an amount from a date, a label or a name.

The phrase is read on the surface (token text), because the parser's trees around "over 600
rockets" or "more than €40 billion" are unreliable. What a word is worth is for `values`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon import MONTHS, WEEKDAYS
from newsgraph.extract.statistics import values as num
from newsgraph.extract.statistics.document import NOUNS, char_end, doc_text, joined
from newsgraph.text import word_map, word_set, word_table


# --------------------------------------------------------------------------- word lists

#: Currency signs and codes before a figure, and currency words after it, with ISO codes.
CURRENCY_BEFORE = word_map("currency-signs.tsv", "written", "code")
CURRENCY_AFTER = word_map("currency-words.tsv", "written", "code")
#: Letters glued to a figure as a currency sign, case as written: "N1.2 trillion" (naira).
CURRENCY_GLUED = word_map("currency-glued-signs.tsv", "written", "code")

#: A sign glued to digits: "N1.2", "Rs500", "US$5".
_SIGN_AND_DIGITS = re.compile(r"^([^\d\s]{1,3}?)(\d[\d,]*(?:\.\d+)?(?:[a-zA-Z]{1,3})?)$")

PERCENT_WORDS = word_set("percent-words.txt")

#: Units of measure after a figure, as written: unit -> (what it counts, what it is per or None).
MEASURE_UNITS = {written: (counts, None if per == "-" else per)
                 for written, counts, per in word_table("measure-units.tsv", ("written", "counts", "per"))}
#: The most tokens a unit of MEASURE_UNITS is written in ("b/d" is three).
_UNIT_TOKENS = 3

#: Comparatives after "N times": "six times more", "three times as many".
COMPARATIVES = word_set("comparatives.txt")

#: Verbs of change: "increased by a third", "grew 30%".
CHANGE_VERBS = word_set("change-verbs.txt")

#: Verbs that multiply what they change: "tripled their output" is three times the output.
CHANGE_MULTIPLIERS = {verb: Decimal(factor) for verb, factor in word_table("change-multipliers.tsv", ("verb", "factor"))}

#: Nouns of time: a number counting them is a duration or a date, not a count of things.
TIME_NOUNS = word_set("time-nouns.txt")

#: Words that start a date after a number: "numbered 61 last year", "up from 12 today".
WHEN_WORDS = frozenset({"last", "next", "this", "past", "previous", "coming", "current", "today", "yesterday", "tonight",
                        "tomorrow"})

#: Words before a number of days, weeks, years that make it a duration ("take six days").
DURATION_LEADS = word_set("duration-leads.txt")

#: Nouns of time a duration is counted in (not "quarter", "season" or clock times).
_DURATION_NOUNS = {"minute", "hour", "day", "night", "week", "month", "year", "decade", "century"}

#: Words between a duration's lead and its number: "for an initial three months".
_DURATION_MODIFIERS = {"a", "an", "another", "further", "initial", "additional", "extra", "full"}

#: Words after a number of time units that make it a point in time or an age: "two weeks ago".
_NOT_DURATION_NEXT = {"ago", "old", "later", "earlier", "before", "from", "since", "into"}

#: Words after which a number is a label, not an amount: "Article 5", "page 3" (and "#", see `is_label_or_date`).
LABEL_WORDS = word_set("label-words.txt")

#: Words before a small number that refer back rather than count: "the two ministers".
DEFINITE_WORDS = word_set("definite-words.txt")

#: Entity labels whose numbers are part of a name.
NAME_ENTITIES = {"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "GPE", "LOC", "NORP"}


# --------------------------------------------------------------------------- number phrases


@dataclass
class Phrase:
    """A number phrase as written: token span [start, end) of the number itself, plus its reading."""

    start: int
    end: int
    value: Decimal
    kind: str = "count"
    upper: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None  # from the words of the number itself ("thousands" -> more than)
    noun_from: int | None = None  # where the counted noun may start, when not at `end`
    plain: bool = True  # a bare cardinal (dates, labels and years look like these)
    multiplier: bool = False  # "sixfold", "six times", "twice": a ratio even next to a change word
    change_verb: bool = False  # "output tripled", "production has doubled": the verb is the number
    compared: bool = False  # "nearly double those in June": a multiple of something named elsewhere
    measure: str | None = None  # what a unit of measure after the figure counts: "GW", "barrels"
    measure_per: str | None = None  # the rate the unit carries: "b/d" is per "day"
    glued: bool = False  # the figure's token carries its unit: "41pc", "12.5GW" (the tagger may call it a name)
    hyphened: bool = False  # the figure is hyphened to its unit before a noun: "a 90-day deadline", "a 60-mile mark"
    vague: bool = False  # "thousands of", "hundreds of millions of": read only so that no word of it is read again


def _final_scale(doc: Doc, j: int) -> str | None:
    """'m.' in "pledged $600m.": an abbreviated scale that ends its sentence, its full stop taken
    into the token by the tokenizer (the scale word, or None)."""
    w = doc[j].lower_
    if len(w) < 2 or w[-1] != "." or w[:-1] not in num.ABBREVIATED_SCALES or not joined(doc, j):
        return None
    return w[:-1] if j + 1 == len(doc) or doc[j].whitespace_ or doc[j + 1].is_space else None


def cardinal_run(doc: Doc, i: int) -> tuple[int, Decimal] | None:
    """The longest run of cardinal words starting at token i: (end, value)."""
    words: list[str] = []
    ends: list[int] = []  # the token after each word
    j = i
    while j < len(doc) and (j == i or joined(doc, j)):
        w = doc[j].lower_
        if j > i and not doc[j].whitespace_ and j + 1 < len(doc) and doc[j + 1].text == "/":
            break  # "1.5 b/d": the 'b' of a unit, not a billion
        if j > i and words and num.digits_value(words[-1]) is not None and _final_scale(doc, j):
            words.append(_final_scale(doc, j))  # "$600m." at the end of a sentence
            j += 1
            ends.append(j)
            break
        if num.is_number_word(w) or (j == i and w in ("a", "an") and j + 1 < len(doc)
                                      and doc[j + 1].lower_ in ("hundred", "thousand", "million", "billion", "dozen")):
            words.append(w)
            j += 1
            ends.append(j)
            continue
        # "two hundred and fifty"
        if w == "and" and words and words[-1] in ("hundred",) and j + 1 < len(doc) and num.word_value(doc[j + 1].lower_):
            words.append(w)
            j += 1
            ends.append(j)
            continue
        # "Twenty-six", split by the tokenizer
        if w in ("-", "‐") and words and words[-1] in num.TENS and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                and j + 1 < len(doc) and 0 < num.UNITS.get(doc[j + 1].lower_, 0) < 10:
            j += 1
            continue
        # "$184-million": a scale word hyphenated to the digits
        if w in ("-", "‐") and words and num.digits_value(words[-1]) is not None and not doc[j - 1].whitespace_ \
                and not doc[j].whitespace_ and j + 1 < len(doc) and doc[j + 1].lower_ in num.SCALES \
                and doc[j + 1].lower_ not in num.ABBREVIATED_SCALES:
            j += 1
            continue
        break
    while words:
        value = num.cardinal_value(words)
        if value is not None:
            return ends[-1], value
        words.pop()
        ends.pop()
    return None


def _glued(doc: Doc, i: int, written: str | None = None) -> Phrase | None:
    """A figure with its unit glued to it: '41pc', '12.5GW' (a scale glued to it, '40bn', is a
    cardinal already); `written` reads one end of a glued range instead of the token."""
    glued = num.split_glued(doc[i].text if written is None else written)
    if glued is None:
        return None
    value, unit = glued
    if unit.lower() in PERCENT_WORDS:
        phrase = Phrase(i, i + 1, value, kind="ratio", unit="percent", plain=False, glued=True)
        _read_points(doc, phrase)
        return phrase
    if unit in MEASURE_UNITS:
        counts, per = MEASURE_UNITS[unit]
        return Phrase(i, i + 1, value, unit=unit, plain=False, measure=counts, measure_per=per, glued=True)
    return None


#: A range with its unit glued to both ends, in one token: "105bcm-110bcm", "5pc-6pc".
_GLUED_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([^\d\s.,\-–—][^\d\s\-–—]*)[-–—](\d[\d,]*(?:\.\d+)?)\2$")


def _glued_range(doc: Doc, i: int) -> Phrase | None:
    """'105bcm-110bcm': both ends of a range with the unit glued to each, read as one figure."""
    m = _GLUED_RANGE.match(doc[i].text)
    if m is None:
        return None
    low, high = _glued(doc, i, f"{m.group(1)}{m.group(2)}"), _glued(doc, i, f"{m.group(3)}{m.group(2)}")
    if low is None or high is None or high.value <= low.value:
        return None
    low.upper, low.qualifier = high.value, "between"
    return low


def _read_points(doc: Doc, phrase: Phrase) -> None:
    """'percentage points' after a percentage: '2 percent points' is a change of points."""
    if doc[phrase.end : phrase.end + 1].text.lower() == "points":
        phrase.unit = "percentage points"
        phrase.end += 1


def _measure_unit(doc: Doc, j: int) -> tuple[int, str] | None:
    """The unit of measure written from token j ('b/d', 'GW', 'sq km'): (its end, the unit)."""
    written = ""
    for k in range(j, min(j + _UNIT_TOKENS, len(doc))):
        if k > j and not joined(doc, k):
            break
        written += doc[k - 1].whitespace_ if k > j else ""
        written += doc[k].text
        unit = written[:-1] if written.endswith(".") and written[:-1] in MEASURE_UNITS else written  # "b/d." ends a sentence
        if unit in MEASURE_UNITS and (k + 1 >= len(doc) or not doc[k + 1].is_alpha or doc[k].whitespace_):
            return k + 1, unit
    return None


def read_phrase(doc: Doc, i: int) -> Phrase | None:
    """The number phrase starting at token i, or None."""
    t = doc[i]
    w = t.lower_
    glued_money = _glued_money(doc, i)
    if glued_money is not None:
        return glued_money
    # Money with the currency first: "€1.4 billion", "US$ 20 million", "UAH 100 million".
    if w in CURRENCY_BEFORE and i + 1 < len(doc) and not (len(w) == 1 and w.isalpha()):
        both = num.split_range(doc[i + 1].text)
        if both is not None and not both[2]:
            return Phrase(i, i + 2, both[0], kind="amount", upper=both[1], unit=CURRENCY_BEFORE[w], plain=False,
                          qualifier="between")  # "€2bn-€3bn", one token to the tokenizer
        run = cardinal_run(doc, i + 1)
        if run is not None and (doc[i + 1].like_num or num.digits_value(doc[i + 1].text) is not None):
            end, value = run
            phrase = Phrase(i, end, value, kind="amount", unit=CURRENCY_BEFORE[w], plain=False)
            _read_money_range(doc, phrase)
            return phrase
    signed = _bracketed_change(doc, i)
    if signed is not None:
        return signed
    signed = _signed_percentage(doc, i)
    if signed is not None:
        return signed
    # A verb that is a number: "output tripled", "production has doubled", "nearly double those in June".
    change = _change_word(doc, i)
    if change is not None:
        return change
    if w == "zero" and i > 0 and doc[i - 1].lower_ == "net":
        return None  # "net zero": a goal, not a number
    # A word multiplier: "sixfold", "6-fold", "six-fold", "twice as many".
    fold = num.fold_value(w)
    if fold is not None:
        return Phrase(i, i + 1, fold, kind="ratio", plain=False, multiplier=True)
    if i + 2 < len(doc) and doc[i + 1].text in "-‐" and doc[i + 2].lower_ == "fold" and not t.whitespace_:
        value = num.digits_value(w)
        if value is None and num.word_value(w) is not None:
            value = Decimal(num.word_value(w))
        if value is not None:
            return Phrase(i, i + 3, value, kind="ratio", plain=False, multiplier=True)
    if w in ("twice", "thrice") and i + 1 < len(doc) and doc[i + 1].lower_ in ("that", "this") \
            and (i + 2 >= len(doc) or not doc[i + 2].is_alpha):
        return Phrase(i, i + 1, Decimal(num.MULTIPLIER_WORDS[w]), kind="ratio", plain=False, multiplier=True, compared=True)
    if w in ("twice", "thrice") and i + 2 < len(doc) and doc[i + 1].lower_ in _COMPARED_NEXT and doc[i + 2].is_alpha \
            and doc[i + 1].lower_ not in ("that", "this") and not _time_follows(doc, i + 1):
        # "twice the share of a decade ago", "twice its pre-war level": a multiple of what follows
        return Phrase(i, i + 1, Decimal(num.MULTIPLIER_WORDS[w]), kind="ratio", plain=False, multiplier=True, compared=True)
    if w in ("twice", "thrice") and i + 1 < len(doc) and doc[i + 1].lower_ in COMPARATIVES:
        return Phrase(i, i + 1, Decimal(num.MULTIPLIER_WORDS[w]), kind="ratio", plain=False, multiplier=True,
                       noun_from=after_comparative(doc, i + 1))
    # Vague plurals: "thousands of", "tens of thousands of".
    if w in num.VAGUE_PLURALS or w == "tens":
        return _vague(doc, i)
    # Fractions of a scale: "half a million", "a quarter of a billion".
    scaled = _fraction_of_a_scale(doc, i)
    if scaled is not None:
        _read_suffix(doc, scaled)
        return scaled
    # Fractions: "a third", "one-third", "two thirds", "half".
    fraction = _fraction(doc, i)
    if fraction is not None:
        return fraction
    if w in ("a", "an") and _one_time_unit(doc, i):
        return Phrase(i, i + 1, Decimal(1))  # "takes more than a month": one month
    run = cardinal_run(doc, i)
    if run is None and not t.text[:1].isdigit():
        return None
    one_token_range = num.split_range(t.text) if run is None else None
    if one_token_range is not None:
        low, high, sign = one_token_range
        phrase = Phrase(i, i + 1, low, upper=high, qualifier="between")
        if sign:
            phrase.unit, phrase.kind, phrase.plain = "percent", "ratio", False
        _read_suffix_unit_only(doc, phrase)  # "5.25%–5.5 %", "10–15 per cent"
        return phrase
    if run is None:
        glued = _glued(doc, i) or _glued_range(doc, i)
        if glued is not None and glued.unit not in ("percent", "percentage points"):
            _read_suffix(doc, glued)  # a range or a unit after: "12.5GW"
        return glued
    end, value = run
    if doc[i].lower_ in ("a", "an") and end == i + 1:
        return None
    if end + 1 < len(doc) and doc[end].lower_ == "point" and not doc[end - 1].text[:1].isdigit() and joined(doc, end):
        # "two point five percent", as a transcript writes a spoken decimal: the digits after 'point'
        digits = ""
        k = end + 1
        while k < len(doc) and joined(doc, k) and doc[k].lower_ in _DIGIT_WORDS:
            digits += _DIGIT_WORDS[doc[k].lower_]
            k += 1
        if digits and float(value) == int(value):
            value, end = value + Decimal("0." + digits), k
    if _either_of_two(doc, i, end, value):
        return Phrase(i, end + 2, Decimal(0), plain=False, vague=True)  # "two or three": a guess, never a figure
    phrase = Phrase(i, end, value)
    _read_suffix(doc, phrase)
    return phrase


#: Digits grouped in thousands: "2,100", "12,500.50" (a sum's way of writing, not a name's).
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _glued_money(doc: Doc, i: int) -> Phrase | None:
    """A sum whose sign is glued to its digits: "N1.2 trillion", "Rs500 crore", "US$5 million"."""
    m = _SIGN_AND_DIGITS.match(doc[i].text)
    if m is None:
        return None
    sign, digits = m.groups()
    letter_sign = sign in CURRENCY_GLUED
    code = CURRENCY_GLUED.get(sign) or (CURRENCY_BEFORE.get(sign.lower()) if not (len(sign) == 1 and sign.isalpha()) else None)
    if code is None:
        return None
    if num.digits_value(digits) is None:
        return None  # "EUR2bn" yes, "N95x" no
    words = [digits]
    end = i + 1
    while end < len(doc) and joined(doc, end) and doc[end].lower_ in num.SCALES:
        words.append(doc[end].lower_)
        end += 1
    if end == i + 1 and end < len(doc) and _final_scale(doc, end):
        words.append(_final_scale(doc, end))  # "EUR600m." at the end of a sentence
        end += 1
    if letter_sign and end == i + 1 and not digits[-1].isalpha() and not _GROUPED.fullmatch(digits):
        return None  # "N95 masks", "the N7 road": a name, not a sum (but "N2,100": digits grouped in thousands)
    value = num.cardinal_value(words)
    return Phrase(i, end, value, kind="amount", unit=code, plain=False) if value is not None else None


def _read_money_range(doc: Doc, phrase: Phrase) -> None:
    """'$62-66', '$15 million to $20 million', 'Rs 500-1,000': a range of sums in one currency."""
    j = phrase.end
    between = phrase.start > 0 and doc[phrase.start - 1].lower_ == "between" and j < len(doc) and doc[j].lower_ == "and"
    if j + 1 >= len(doc) or (doc[j].text not in ("-", "–", "to") and not between) \
            or (doc[j].text not in ("to", "and") and doc[j - 1].whitespace_):
        return  # ("between $2bn and $3bn": a range too)
    if doc[j].text == "to" and phrase.start > 0 and doc[phrase.start - 1].lower_ == "from" \
            and change_verb_of(doc[phrase.start - 1]) is not None:
        return  # "raised from Rs 500 to Rs 1,000": the old and the new level
    k = j + 1
    if doc[k].lower_ in CURRENCY_BEFORE and CURRENCY_BEFORE[doc[k].lower_] == phrase.unit:
        if doc[j].text == "to" and _after_change_verb(doc, phrase.start):
            return  # "Brent rose $1.20 to $82.40": the change, then the new price
        k += 1  # "$15 million to $20 million"
    run = cardinal_run(doc, k) if k < len(doc) and (doc[k].like_num or num.digits_value(doc[k].text) is not None) else None
    if run is None:
        return
    end, upper = run
    # "$15 to 20 million": the top's scale is the bottom's too
    words = [t.lower_ for t in doc[phrase.start + 1 : phrase.end]]
    if len(words) == 1 and end > k + 1 and doc[end - 1].lower_ in num.SCALES:
        scaled = num.cardinal_value([*words, doc[end - 1].lower_])
        if scaled is not None:
            phrase.value = scaled
    glued = num.split_glued(doc[end - 1].text)
    if len(words) == 1 and end == k + 1 and glued is not None and glued[1].lower() in num.ABBREVIATED_SCALES:
        scaled = num.digits_value(words[0] + glued[1].lower())  # "$4-5bn": the bottom is in billions too
        if scaled is not None:
            phrase.value = scaled
    if upper > phrase.value:
        phrase.upper, phrase.end, phrase.qualifier = upper, end, "between"


#: After "double", words that name what it is a multiple of: "double those in June", "double the number".
_COMPARED_NEXT = {"those", "that", "the", "what", "its", "their", "his", "her", "our", "last", "this"}


def _time_follows(doc: Doc, k: int) -> bool:
    """Whether the first noun from token k on (within five) is a time: 'twice the same year'
    says how often, not a multiple of anything."""
    noun = next((t for t in doc[k : k + 6] if t.pos_ in NOUNS), None)
    return noun is None or noun.lower_ in TIME_NOUNS or noun.lemma_.lower() in TIME_NOUNS


def _change_word(doc: Doc, i: int) -> Phrase | None:
    """'tripled', 'has doubled', 'halved' as a relative change; 'nearly double those' as a ratio."""
    t = doc[i]
    value = CHANGE_MULTIPLIERS.get(t.lemma_.lower()) or CHANGE_MULTIPLIERS.get(t.lower_)
    if value is None:
        return None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and (nxt.text in "-‐" or nxt.lower_ in ("as", "down", "up")):
        return None  # "double-digit", "doubles as a shelter", "double down"
    if t.pos_ == "VERB":
        return Phrase(i, i + 1, value, kind="relative change", plain=False, change_verb=True)
    if t.lower_ in ("double", "triple", "quadruple") and nxt is not None and nxt.lower_ in _COMPARED_NEXT:
        return Phrase(i, i + 1, value, kind="ratio", plain=False, multiplier=True, compared=True)
    return None


def after_comparative(doc: Doc, j: int) -> int:
    """Skip 'more', 'as many', 'the number of' after a multiplier: where the counted noun starts."""
    words = [doc[k].lower_ for k in range(j, min(j + 4, len(doc)))]
    for pattern in (("as", "many", "as"), ("as", "much", "as"), ("as", "many"), ("as", "much"), ("the", "number", "of"),
                    ("the", "amount", "of"), ("more",), ("fewer",), ("less",), ("higher",), ("greater",)):
        if tuple(words[: len(pattern)]) == pattern:
            return j + len(pattern)
    return j


#: A signed figure as one token: "-21,000", "+17,000", "−1.1".
_SIGNED = re.compile(r"^[-+−–]\d")


def _bracketed_change(doc: Doc, i: int) -> Phrase | None:
    """'Employment fell in manufacturing (-21,000; -1.1%)', 'it rose in Alberta (+12,000)': a signed
    figure in brackets right after a clause, the statistics-office way of giving the change that
    clause states (its size: the sign repeats the verb). Only in brackets, never a bare '-3'."""
    t = doc[i]
    if not _SIGNED.match(t.text) or i == 0:
        return None
    value = num.digits_value(t.text[1:])
    if value is None:
        return None
    k = i - 1
    while k >= 0 and doc[k].text == ";" and k >= 1 and _SIGNED.match(doc[k - 1].text if doc[k - 1].text != "%" else doc[k - 2].text):
        k -= 2 if doc[k - 1].text != "%" else 3  # the second figure of "(-21,000; -1.1%)"
    if k < 1 or doc[k].text != "(":
        return None
    end = i + 1
    while end < len(doc) and doc[end].text != ")" and end - i < 8:
        end += 1
    if end >= len(doc) or doc[end].text != ")":
        return None  # the bracket must close
    if any(not (_SIGNED.match(x.text) or x.text in ("%", ";", ",") or x.lower_ in PERCENT_WORDS or x.lower_ in _POINTS)
           for x in doc[k + 1 : end]):
        return None  # only signed figures: not "(-3 to +4 on the scale)"
    phrase = Phrase(i, i + 1, value, kind="relative change", plain=False, change_verb=True)
    if i + 1 < len(doc) and doc[i + 1].lower_ in ("%", *PERCENT_WORDS):
        phrase.end, phrase.unit, phrase.kind = i + 2, "percent", "relative change"
    elif i + 1 < len(doc) and doc[i + 1].lower_ in ("pp", "pts", "points"):
        phrase.end, phrase.unit = i + 2, "percentage points"  # "Greece (-1.2 pp)": a rate's change in points
    elif i + 2 < len(doc) and doc[i + 1].lower_ == "percentage" and doc[i + 2].lower_ == "points":
        phrase.end, phrase.unit = i + 3, "percentage points"
    return phrase


def _signed_percentage(doc: Doc, i: int) -> Phrase | None:
    """'FTSE 100 +0.4%, DAX -0.2%', 'energy (-2.8%, compared with -1.9% in April)': a percentage written
    with its sign after a label or a comparison, as market lines and statistics releases list rates
    and changes; its value is signed as written. Not a bare '-3', nor a sign after a number or a
    verb ("rose -0.2%" is a typo's business), nor inside a bracket of signed figures only
    (`_bracketed_change`)."""
    t = doc[i]
    if not _SIGNED.match(t.text) or i == 0 or i + 1 >= len(doc) or doc[i + 1].text != "%" or not joined(doc, i + 1):
        return None
    value = num.digits_value(t.text[1:])
    if value is None:
        return None
    prev = doc[i - 1]
    if prev.text == "(":
        prev = doc[i - 2] if i >= 2 else prev
    if not (prev.is_alpha or prev.like_num) or prev.pos_ in ("VERB", "AUX", "ADP") and prev.lower_ not in ("with", "from", "to"):
        return None
    sign = -1 if t.text[0] in "-−–" else 1
    return Phrase(i, i + 2, value * sign, kind="ratio", unit="percent", plain=False)


#: Words of a change in percentage points inside such a bracket: "(-1.2 pp)", "(+0.4 percentage points)".
_POINTS = frozenset({"pp", "pts", "points", "percentage"})


def _either_of_two(doc: Doc, i: int, end: int, value: Decimal) -> bool:
    """'two or three enthusiasts', 'one or two days': a spelled-out number, 'or' and the next one
    up spelled out too, a manner of speaking rather than a count ("2 or 3" in digits is left alone,
    and so is a range of a fraction, a scale or a percentage: "three or four tenths of a point")."""
    if end != i + 1 or end + 1 >= len(doc) or doc[end].lower_ != "or":
        return False
    after = doc[end + 2].lower_ if end + 2 < len(doc) else ""
    if after in num.SCALES or after in num.FRACTIONS or after in PERCENT_WORDS or after in ("per", "%"):
        return False  # "three or four tenths of a point", "two or three million": a figure with its range
    first, second = num.word_value(doc[i].lower_), num.word_value(doc[end + 1].lower_)
    return first is not None and second is not None and Decimal(second) == value + 1 == Decimal(first) + 1


def _vague(doc: Doc, i: int) -> Phrase | None:
    """'thousands of', 'tens of thousands of', 'hundreds of millions of', 'dozens of': a manner
    of speaking, not a figure anyone counted. The whole run is read (so that 'millions' in
    'hundreds of millions' is not read again as a number of its own) and marked vague: it is
    never published ("thousands of lives" is not 1,000 lives)."""
    end = i + 1
    while end + 1 < len(doc) and doc[end].lower_ == "of" and (
            doc[end + 1].lower_ in num.VAGUE_PLURALS or doc[end + 1].lower_ == "tens"):
        end += 2
    return Phrase(i, end, Decimal(0), plain=False, vague=True)


#: Digit words after a spoken decimal point: "two point five".
_DIGIT_WORDS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
                "seven": "7", "eight": "8", "nine": "9"}

#: Scales a fraction of one can be written of: "half a million", "a quarter of a billion".
_FRACTION_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12, "dozen": 12}


def _fraction_of_a_scale(doc: Doc, i: int) -> Phrase | None:
    """'half a million', 'a quarter of a million', 'three quarters of a billion': the fraction of
    the scale, as a number (500,000), not the scale alone."""
    w = doc[i].lower_
    if w == "half":
        k, value = i + 1, Decimal("0.5")
    elif i + 1 < len(doc) and doc[i + 1].lower_ in num.FRACTIONS and doc[i + 1].lower_ != "half" \
            and i + 2 < len(doc) and doc[i + 2].lower_ == "of":
        value = num.fraction_value(w, doc[i + 1].lower_)
        k = i + 3
    else:
        return None
    if value is None or k + 1 >= len(doc) or doc[k].lower_ not in ("a", "an") or doc[k + 1].lower_ not in _FRACTION_SCALES:
        return None
    if not all(joined(doc, j) for j in range(i + 1, k + 2)):
        return None
    return Phrase(i, k + 2, (value * _FRACTION_SCALES[doc[k + 1].lower_]).normalize())


def _fraction(doc: Doc, i: int) -> Phrase | None:
    """'a third', 'one-third', 'two thirds', 'a quarter', 'half' as an amount (not 'the third meeting')."""
    t = doc[i]
    w = t.lower_
    end: int | None = None
    value: Decimal | None = None
    if w == "half":
        prev = doc[i - 1].lower_ if i > 0 else ""
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if prev in ("first", "second", "latter", "last", "other", "the") or nxt in ("a", "an", "-"):
            return None  # "the first half of 2024", "half a year"
        if nxt in ("of", "the", "its", "their", "his", "her", "our", "all") or prev in ("by", "than", "nearly", "almost", "about", "over"):
            end, value = i + 1, Decimal("0.5")
    elif i + 1 < len(doc):
        k = i + 1
        if doc[k].text in "-‐" and k + 1 < len(doc) and not t.whitespace_:
            k += 1  # "one-third"
        if doc[k].lower_ in num.FRACTIONS and doc[k].lower_ != "half":
            value = num.fraction_value(w, doc[k].lower_)
            end = k + 1
    if value is None or end is None:
        return None
    nxt = doc[end] if end < len(doc) else None
    if doc[end - 1].lower_ in ("quarter", "quarters") and (nxt is None or nxt.lower_ != "of") \
            and (i == 0 or doc[i - 1].lower_ not in ("by", "than", "about", "nearly", "almost", "roughly", "some")):
        return None  # "one quarter does not make a recovery": a quarter of a year (but "a quarter of", "by a quarter")
    if nxt is not None and nxt.pos_ in NOUNS and nxt.lower_ not in TIME_NOUNS:
        return None  # an ordinal: "a third round of sanctions"
    if nxt is not None and (nxt.text in "-‐" or (nxt.pos_ == "ADJ" and end + 1 < len(doc) and doc[end + 1].pos_ in NOUNS)):
        return None  # "a fifth consecutive meeting", "a quarter-point cut": an ordinal or a modifier
    if nxt is not None and nxt.lower_ in TIME_NOUNS:
        return None  # "a quarter century", "half year"
    noun_from = end + 1 if nxt is not None and nxt.lower_ == "of" else end
    return Phrase(i, end, value, kind="ratio", noun_from=noun_from, plain=False)


#: Words hyphened to a figure that make no measure of the noun after: "6-fold", "40-odd", and
#: calibres, which name a kind of shell or gun ("155-mm shells"), not how much of it there is.
_NOT_HYPHENED_UNITS = {"fold", "old", "odd", "plus", "something", "ish", "mm", "millimetre", "millimeter", "calibre",
                       "caliber", "inch", "cm"}


def _read_hyphened_unit(doc: Doc, phrase: Phrase) -> bool:
    """'a 90-day deadline', 'a 60-mile drag mark', 'the 650-megawatt link', 'a 1,800-acre farm':
    digits hyphened to a unit before a noun measure that noun (not 'a 6-year-old', an age)."""
    j = phrase.end
    if phrase.end - phrase.start != 1 or not doc[phrase.start].text[:1].isdigit() or j + 2 >= len(doc):
        return False
    unit, after = doc[j + 1], doc[j + 2]
    if doc[j].text not in ("-", "‐") or doc[j - 1].whitespace_ or doc[j].whitespace_ or not unit.is_alpha or not unit.is_lower:
        return False
    if unit.lower_ in _NOT_HYPHENED_UNITS or after.text in ("-", "‐") or num.is_number_word(unit.lower_):
        return False
    if after.pos_ not in ("NOUN", "ADJ", "PROPN") or not joined(doc, j + 2):
        return False
    prev = doc[phrase.start - 1] if phrase.start > 0 else None
    if unit.lemma_.lower() in TIME_NOUNS and prev is not None and (prev.tag_ == "POS" or prev.ent_type_ == "NORP"):
        return False  # "Poland's 10-year bonds", "German 10-year yields": a class of the thing (its maturity), no measure
    phrase.noun_from, phrase.hyphened = j + 1, True
    return True


def _read_suffix(doc: Doc, phrase: Phrase) -> None:
    """Units and ranges written after the cardinal: '%', 'euros', '-fold', 'times more', 'to 700'."""
    j = phrase.end
    nxt = doc[j].lower_ if j < len(doc) else ""
    nxt2 = doc[j + 1].lower_ if j + 1 < len(doc) else ""
    if _read_hyphened_unit(doc, phrase):
        return
    if nxt in PERCENT_WORDS or (nxt == "per" and nxt2 == "cent"):
        phrase.end = j + (2 if nxt == "per" else 1)
        phrase.unit, phrase.kind, phrase.plain = "percent", "ratio", False
        _read_points(doc, phrase)
        _read_percent_top(doc, phrase)
        return
    if nxt in CURRENCY_AFTER and not (nxt in ("pound", "pounds") and _weight_context(doc, j)):
        phrase.end = j + 1
        phrase.unit, phrase.kind, phrase.plain = CURRENCY_AFTER[nxt], "amount", False
        return
    if nxt2 in CURRENCY_AFTER and doc[j].text[:1].isupper() and doc[j].pos_ in ("ADJ", "PROPN") and nxt2 not in ("pound", "pounds"):
        phrase.end = j + 2  # "1.2 billion Norwegian kroner", "50 million Canadian dollars"
        phrase.unit, phrase.kind, phrase.plain = CURRENCY_AFTER[nxt2], "amount", False
        return
    if nxt == "times" and nxt2 in COMPARATIVES:
        phrase.end = j + 1
        phrase.kind, phrase.plain, phrase.multiplier = "ratio", False, True
        phrase.noun_from = after_comparative(doc, j + 1)
        return
    if nxt == "times" and phrase.start > 0 and doc[phrase.start - 1].lemma_.lower() in CHANGE_VERBS:
        phrase.end = j + 1  # "installations rose 3.4 times": a factor, not how often
        phrase.kind, phrase.plain, phrase.multiplier = "ratio", False, True
        return
    if _read_measure(doc, phrase):
        return
    # Ranges: "300 to 400", "500-700", "500–700", "between 500 and 700", "from 5 to 7".
    prev = doc[phrase.start - 1].lower_ if phrase.start > 0 else ""
    if nxt in ("in", "out") and j + 1 < len(doc):
        k = j + 2 if nxt == "out" and nxt2 == "of" else j + 1
        run = cardinal_run(doc, k) if k < len(doc) else None
        if run is not None and run[1] > phrase.value and not (doc[k].ent_type_ == "DATE" or _YEAR.fullmatch(doc[k].text)):
            _as_share(phrase, run)  # "one in three countries", "3 out of 4 voters": a share
        return
    if nxt == "of" and nxt2 == "every" and j + 2 < len(doc):
        run = cardinal_run(doc, j + 2)
        if run is not None and run[1] > phrase.value:
            _as_share(phrase, run)  # "one of every two rows"
            return
    if nxt in ("to", "-", "–", "—", "and") and j + 1 < len(doc):
        if nxt == "and" and prev != "between":
            return
        if nxt in ("-", "–", "—") and (doc[j - 1].whitespace_ and doc[j].whitespace_) and prev != "between":
            return  # a dash with spaces is punctuation, not a range
        if prev == "from" and nxt == "to" and change_verb_of(doc[phrase.start - 1]) is not None:
            return  # "increased production from two to twelve a month": the old and the new level
        if nxt == "to" and _after_by(doc, phrase.start) and not _shared_percent(doc, phrase, j + 1):
            return  # "dropped by 9,000 to 717,000": the change, then the new level
        run = cardinal_run(doc, j + 1)
        top = _glued(doc, j + 1) if run is None else None
        if top is not None and nxt == "-" and top.value > phrase.value:
            # "65-68pc", "43-50GW": the unit glued to the top is the range's
            phrase.upper, phrase.end, phrase.qualifier = top.value, top.end, "between"
            phrase.unit, phrase.kind, phrase.plain = top.unit, top.kind, False
            phrase.measure, phrase.measure_per, phrase.glued = top.measure, top.measure_per, True
            return
        if run is None:
            return
        end, upper = run
        if phrase.end - phrase.start == 1 and end > j + 2 and doc[end - 1].lower_ in num.SCALES:
            scaled = num.cardinal_value([doc[phrase.start].lower_, doc[end - 1].lower_])
            if scaled is not None and scaled < upper:
                phrase.value = scaled  # "between 2 and 3 billion euros": the bottom is in billions too
        if upper > phrase.value:
            phrase.upper, phrase.end = upper, end
            phrase.qualifier = "between"
            _read_suffix_unit_only(doc, phrase)
        elif not (nxt == "to" and phrase.end - phrase.start == 1 and _YEAR.fullmatch(doc[phrase.start].text)):
            phrase.kind = "proportion"  # "1 to 1", "3 to 1": a proportion, never a count
            phrase.end = end
        # (but "in 2015 to 187 per lakh": a year, then the next figure; "2017-21" is a span of years)


#: Digits alone, as in the groups of a phone number.
_DIGIT_GROUP = re.compile(r"\d+")

#: A year: "up from 264 in 2024" is no proportion.
_YEAR = re.compile(r"(1[89]|20|21)\d\d")


def _shared_percent(doc: Doc, phrase: Phrase, k: int) -> bool:
    """'rise by 5 to 5.5 pct': a bare figure, 'to', and a figure with a percent sign of which it is
    at least half is one range written with one sign (a change then a level writes the change's
    unit too: 'fell by 0.3 points to 5.1 pct', 'fell 2% to 5%')."""
    run = cardinal_run(doc, k) if k < len(doc) else None
    if run is None or run[0] >= len(doc) or not phrase.value:
        return False
    end, upper = run
    signed = doc[end].lower_ in PERCENT_WORDS or (doc[end].lower_ == "per" and end + 1 < len(doc) and doc[end + 1].lower_ == "cent")
    return signed and phrase.value < upper <= 2 * phrase.value


def _after_change_verb(doc: Doc, start: int) -> bool:
    """True when the figure at `start` follows a verb of change, or 'by' after one: 'rose $1.20 to
    $82.40', 'fell by £3 to £45' (the change, then the level)."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "by":
        k -= 1
    return k >= 0 and doc[k].pos_ == "VERB" and doc[k].lemma_.lower() in CHANGE_VERBS


def _after_by(doc: Doc, start: int) -> bool:
    """True when the number at `start` follows 'by' (a hedge aside): 'fell by almost 9,000'."""
    k = start - 1
    while k >= 0 and start - k <= 3 and doc[k].lower_ != "by" and doc[k].pos_ in ("ADV", "ADJ", "ADP") and not doc[k].is_punct:
        k -= 1
    return k >= 0 and doc[k].lower_ == "by"


def _as_share(phrase: Phrase, whole: tuple[int, Decimal]) -> None:
    """'one in three', 'three out of four': the share N/M of what is counted after M."""
    end, of = whole
    phrase.value = (phrase.value / of).quantize(Decimal("0.0001")) if of else phrase.value
    phrase.kind, phrase.plain, phrase.noun_from, phrase.end = "ratio", False, end, end
    if phrase.value == phrase.value.to_integral_value():
        phrase.kind = "proportion"  # "5 in 1"? not a share


def _read_percent_top(doc: Doc, phrase: Phrase) -> None:
    """'5.25%–5.5%', '3 per cent to 3.5 per cent': a range of percentages, each with its sign."""
    j = phrase.end
    prev = doc[phrase.start - 1].lower_ if phrase.start > 0 else ""
    if phrase.unit != "percent" or j + 2 >= len(doc) or doc[j].text not in ("-", "–", "—", "to", "and"):
        return
    if doc[j].text == "and" and prev != "between":
        return  # "between 4.1% and 4.6%" is a range; "2% and 3%" two figures
    if doc[j].text not in ("to", "and") and doc[j - 1].whitespace_ and doc[j].whitespace_:
        return  # a dash with spaces is punctuation
    if doc[j].text == "to" and (_after_by(doc, phrase.start) or (prev == "from" and not _spread_from(doc[phrase.start - 1]))):
        return  # "fell by 2% to 5%", "raised from 40% to 50%": a change and a level, two levels
    top = _glued(doc, j + 1)
    if top is not None and top.unit == "percent":
        end, upper = top.end, top.value
    else:
        run = cardinal_run(doc, j + 1)
        if run is None or run[0] >= len(doc):
            return
        end, upper = run
        if doc[end].lower_ in PERCENT_WORDS:
            end += 1
        elif doc[end].lower_ == "per" and end + 1 < len(doc) and doc[end + 1].lower_ == "cent":
            end += 2
        else:
            return
    if upper > phrase.value:
        phrase.upper, phrase.end, phrase.qualifier = upper, end, "between"


#: Words whose 'from … to …' spans a range, not a move from one level to another: "forecasts
#: ranging from 2.4% to 2.9%", "estimates vary from 3% to 5%".
SPREAD_WORDS = {"range", "vary", "span", "spread"}


def _spread_from(prep: Token) -> bool:
    """True when the 'from' at `prep` hangs from a word of spread ("ranging from 2.4% to 2.9%")."""
    head = prep.head
    return prep.lower_ == "from" and head != prep and head.lemma_.lower() in SPREAD_WORDS


def change_verb_of(prep: Token) -> Token | None:
    """The verb of change a 'from'/'to' phrase hangs from: 'increased … from two to twelve'."""
    node = prep
    for _ in range(3):
        node = node.head
        if node.lemma_.lower() in CHANGE_VERBS and node.pos_ == "VERB":
            return node
        if node.head == node:
            break
    return None


def _read_suffix_unit_only(doc: Doc, phrase: Phrase) -> None:
    """After a range's top: only a unit ("5 to 7 %", "2-3 billion euros")."""
    j = phrase.end
    nxt = doc[j].lower_ if j < len(doc) else ""
    if nxt in PERCENT_WORDS or (nxt == "per" and j + 1 < len(doc) and doc[j + 1].lower_ == "cent"):
        phrase.end, phrase.unit, phrase.kind, phrase.plain = j + (2 if nxt == "per" else 1), "percent", "ratio", False
    elif _read_measure(doc, phrase):
        pass
    elif nxt == "times" and j + 1 < len(doc) and doc[j + 1].lower_ in COMPARATIVES:
        phrase.end, phrase.kind, phrase.plain, phrase.multiplier = j + 1, "ratio", False, True
        phrase.noun_from = after_comparative(doc, j + 1)
    elif nxt in CURRENCY_AFTER:
        phrase.end, phrase.unit, phrase.kind, phrase.plain = j + 1, CURRENCY_AFTER[nxt], "amount", False


def _read_measure(doc: Doc, phrase: Phrase) -> bool:
    """A unit of measure after the figure ("1.65mn b/d", "15 bcm"): True when one was read."""
    unit = _measure_unit(doc, phrase.end)
    if unit is None:
        return False
    phrase.end, phrase.unit = unit
    phrase.measure, phrase.measure_per = MEASURE_UNITS[phrase.unit]
    phrase.plain = False
    return True


def _weight_context(doc: Doc, j: int) -> bool:
    """'500 pounds of explosives' is a weight, not money."""
    return j + 1 < len(doc) and doc[j + 1].lower_ == "of" and j + 2 < len(doc) and doc[j + 2].lower_ in (
        "explosives", "explosive", "tnt", "bombs", "warhead")


# --------------------------------------------------------------------------- one sum in two currencies

#: What stands between a sum and the same sum in another currency: " (about ", ", or around ", " – some ".
_CONVERSION_GAP = re.compile(r"^\s*[(\[,–—-]?\s*(?:or\s+|i\.e\.\s+|equivalent\s+to\s+|equal\s+to\s+)?"
                             r"(?:about|around|roughly|approximately|approx\.?|some|nearly|almost|circa|c\.|~|≈)?\s*$", re.I)

_PAID_FOR = re.compile(r"^\s+(?:in|of|for|on|worth\s+of)\s+[\w'’ -]{1,40}?(?=\s*,)", re.I)


def is_conversion(doc: Doc, first: Phrase, second: Phrase) -> bool:
    """True when the sum `second` restates the sum `first` in another currency."""
    if first.unit == second.unit or second.start - first.end > 12 or second.start < first.end:
        return False
    gap = doc_text(doc)[char_end(doc, first.end) : doc[second.start].idx]
    # "NOK 27 billion in military support, or about $2.5 billion": what the sum pays for may stand between.
    gap = _PAID_FOR.sub("", gap, count=1)
    if gap.strip() == ",":
        return False  # "$1.2bn, €300m and …": a list of sums, no restatement
    return bool(gap.strip()) and bool(_CONVERSION_GAP.match(gap))


# --------------------------------------------------------------------------- an amount, or a date, a label, a name?


def _whole_of_a_part(doc: Doc, k: int) -> bool:
    """'six of the seven members', 'two of their seven checkpoints': the determiner at k follows
    'of' after a number, so the number after it counts the whole."""
    return k >= 2 and doc[k].lower_ in ("the", "their", "its", "our", "his", "her") and doc[k - 1].lower_ == "of" \
        and (doc[k - 2].like_num or num.is_number_word(doc[k - 2].lower_))


#: Words before an age that sets apart a group of people: "children under five", "aged 65".
_AGE_LEADS = {"under", "over", "above", "below", "aged"}


def _an_age(doc: Doc, p: Phrase) -> bool:
    """'children under five', 'people over 65', 'those aged 50 and over': a bare number after
    'aged', or after 'under'/'over' straight after a plural noun, is an age that names a group."""
    k = p.start - 1
    if k < 1 or doc[k].lower_ not in _AGE_LEADS or p.end - p.start != 1 or p.value > 120:
        return False
    if doc[k].lower_ == "aged":
        return True
    if doc[k - 1].lower_ == "aged":
        return True  # "aged over 80"
    before = doc[k - 1]
    return (before.tag_ == "NNS" and before.pos_ == "NOUN" and not before.like_num) or before.lower_ == "those"


#: Bounds before "a month" that make it a length stated: "takes more than a month".
_BOUNDS_BEFORE_ONE = (("more", "than"), ("less", "than"), ("at", "least"), ("at", "most"), ("nearly",), ("almost",),
                      ("up", "to"), ("under",), ("over",))
#: Verbs whose object is a length of time: "still takes more than a month", "to last at least a year".
_LENGTH_VERBS = {"take", "last", "spend", "wait", "need", "require"}


def _one_time_unit(doc: Doc, i: int) -> bool:
    """'a' in "takes more than a month", "last at least a year": one unit of time, a length stated
    with a bound after a verb of length (not "more than a year ago", nor "a month" alone)."""
    if i + 1 >= len(doc) or doc[i + 1].lemma_.lower() not in _DURATION_NOUNS or doc[i + 1].tag_ != "NN":
        return False
    if i + 2 < len(doc) and doc[i + 2].lower_ in _NOT_DURATION_NEXT:
        return False
    for bound in _BOUNDS_BEFORE_ONE:
        k = i - len(bound)
        if k >= 1 and tuple(t.lower_ for t in doc[k:i]) == bound:
            verb = doc[k - 1]
            return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _LENGTH_VERBS
    return False


#: Words after a number of time units that make it a length: "nine days without a case", "two hours late".
_LENGTH_NEXT = {"without", "late", "behind"}
#: Words after a number of time units that make it a run of them: "three quarters in a row", "two years running".
_RUN_NEXT = {"running", "straight", "consecutively"}
#: Words that, before 'in' and a number of time units, make it a length: "the first cut in 19 months", "lowest in two years".
_FIRST_WORDS = {"first", "only"}


def _in_a_row(doc: Doc, k: int) -> bool:
    return doc[k : k + 3].text.lower() == "in a row" or (k < len(doc) and doc[k].lower_ in _RUN_NEXT)


def _first_in(doc: Doc, k: int) -> bool:
    """Token k is the 'in' of "its first reduction in 19 months", "the highest level in two years"."""
    if k < 1 or doc[k].lower_ != "in":
        return False
    for j in range(k - 1, max(-1, k - 5), -1):
        t = doc[j]
        if t.lower_ in _FIRST_WORDS or t.tag_ in ("JJS", "RBS"):
            return True
        if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP"):
            return False
    return False


def is_duration(doc: Doc, p: Phrase, noun: tuple[int, int] | None, hedge_start: int) -> bool:
    """'take up to six days', 'within 30 days', 'after 25 years of talks', 'thirty days after …':
    a number of time units the article states as a length of time, not as the period of another
    figure ('in two months', 'over the past year') nor as a date or an age ('two weeks ago')."""
    if noun is None or noun[0] != p.end or not p.plain or p.kind != "count":
        return False
    head = doc[noun[1] - 1]
    k = hedge_start - 1
    while k > 0 and hedge_start - k <= 2 and doc[k].lower_ in _DURATION_MODIFIERS:
        k -= 1  # "for an initial three months", "for another two years"
    before = doc[k].lower_ if k >= 0 else ""
    lead = before in DURATION_LEADS or (k >= 0 and doc[k].pos_ in ("VERB", "AUX") and doc[k].lemma_.lower() in _LENGTH_VERBS)
    run = _in_a_row(doc, noun[1])
    # "quarter" only as a run or after a lead ("for three quarters", "three quarters in a row"), never "the first quarter"
    if (head.lemma_.lower() not in _DURATION_NOUNS and not (head.lemma_.lower() == "quarter" and (lead or run))) \
            or head.lower_ in ("times",):
        return False
    if any(t.text in "-‐" for t in doc[p.end - 1 : noun[1]]):
        return False  # "a 90-day deadline", "a 10-year bond": what it names, not a duration claimed
    after = doc[noun[1]].lower_ if noun[1] < len(doc) else ""
    if after in _NOT_DURATION_NEXT and not (lead and after == "from"):
        return False  # (but "takes 10 to 15 years from discovery to production" is a length)
    if run or (after in _LENGTH_NEXT and before not in _WHEN_BEFORE) or _first_in(doc, k):
        return True  # "three quarters in a row", "nine days without a case", "its first cut in 19 months"
    # "thirty days after the vote", "holds 90 days of imports" (but "in two years of war" is when)
    return lead or (after in ("after", "of") and before not in _WHEN_BEFORE)


#: Words before a number of time units that make it when, not how long: "in two years of war".
_WHEN_BEFORE = {"in", "over", "during", "past", "next", "last", "first", "the", "these", "those", "throughout"}


#: Nouns of a level that is the highest or lowest for a time: "a 14-month low", "a 30-year record".
_EXTREMES = frozenset({"high", "low", "peak", "record", "best", "worst", "highs", "lows", "trough"})


def is_label_or_date(doc: Doc, p: Phrase, noun: tuple[int, int] | None) -> bool:
    """Dates, years, times, ordinals, labels ('Article 5'), model numbers ('Leopard 2'), modifiers ('two-tier')."""
    first, last = doc[p.start], doc[p.end - 1]
    prev = doc[p.start - 1] if p.start > 0 else None
    nxt = doc[p.end] if p.end < len(doc) else None
    noun_is_time = noun is not None and doc[noun[1] - 1].lemma_.lower() in TIME_NOUNS and doc[noun[1] - 1].lower_ != "times" \
        and not (noun[1] - noun[0] > 1 and doc[noun[1] - 2].lower_.endswith("watt"))  # "3.1 terawatt hours" is energy
    if noun_is_time and noun[1] - noun[0] > 1 and doc[noun[1] - 2].dep_ == "compound" and doc[noun[1] - 2].pos_ == "NOUN" \
            and doc[noun[1] - 2].lemma_.lower() not in TIME_NOUNS \
            and doc[noun[1] - 1].lower_ in ("hours", "days") and p.value > 1:
        noun_is_time = False  # "1,400 patrol hours", "300 flight hours": work measured in hours, not a date
    if noun_is_time:
        return True  # "two months", "a year": a duration or a date
    if noun is not None and noun[1] - noun[0] > 1 and doc[noun[0]].lemma_.lower() in TIME_NOUNS \
            and doc[noun[1] - 1].lower_ in _EXTREMES:
        return True  # "a 14-month low", "a five-year high": how long since, a label of the level, not a count
    if noun is not None and noun[1] - noun[0] > 1 and doc[noun[0]].lemma_.lower() in TIME_NOUNS and noun[0] == p.end:
        return True  # "a 5 min read", "a three day visit": a length used as a modifier
    if nxt is not None and nxt.text in "-‐" and not last.whitespace_ and p.kind != "ratio" and not p.hyphened:
        return True  # "two-tier", "three-day": a modifier, not a count (but "a 90-day deadline" measures it)
    if prev is not None and prev.text in "-‐/" and not prev.whitespace_ and p.start > 1 and doc[p.start - 2].is_alpha:
        return True  # "Su-25", "MiG-29"
    if nxt is not None and nxt.text in ("-", "‐") and nxt.whitespace_ == "" and p.end + 1 < len(doc) and doc[p.end + 1].like_num:
        return True  # "1-1", a score
    if _DIGIT_GROUP.fullmatch(first.text) and (first.text[0] == "0" and len(first.text) > 1 or any(
            t is not None and _DIGIT_GROUP.fullmatch(t.text.lstrip("+")) and joined(doc, t.i if t is nxt else p.start)
            for t in (prev, nxt))):
        return True  # "02 6277 0000", "+44 20 7946": a phone number or a code, not an amount
    figure_start = p.start + 1 if p.kind == "amount" and doc[p.start].lower_ in CURRENCY_BEFORE else p.start
    figure = [t for t in doc[figure_start : p.end]
              if (p.kind != "amount" and p.measure is None) or t.like_num or num.is_number_word(t.lower_)]
    # (a unit is not the figure: "took 10.9 Mt.", the tagger's 'Mount')
    money_first = p.kind == "amount" and doc[p.start].lower_ in CURRENCY_BEFORE  # "NOK 1.8 billion", tagged a law
    if any(t.ent_type_ in NAME_ENTITIES for t in figure) and not p.glued and not money_first and p.unit != "percent":
        # "Leopard 2", "Minsk-2": part of a name (a currency code the tagger took for one is not, nor a
        # percentage the tagger ran into the name before it, "… and Adeyemi 13%")
        return True
    if nxt is not None and not last.whitespace_ and nxt.is_alpha and p.end + 1 < len(doc) and doc[p.end + 1].pos_ in NOUNS \
            and p.kind == "count":
        return True  # "155mm ammunition", "a 40km front": a measure used as a modifier
    if prev is not None and (prev.lower_ in LABEL_WORDS or prev.text == "#"):
        return True  # "paragraph 4", "Article 5", "#3" (also before "paragraph 4 to 78.4 pct")
    if prev is not None and prev.lower_ == "per":
        return True  # "12 cases per 100,000 people": the rate's base, part of what it is per
    if prev is not None and prev.text in (":", ".") and p.start > 1 and doc[p.start - 2].lower_ in LABEL_WORDS:
        return True  # "Release ID: 2107745", "Visitor Counter: 1482", "No. 12"
    if not p.plain:
        return False
    # "numbered 61 last year", "up from 9 today": the tagger reads one date, but the number counts
    # something (not "at 9 tonight", a clock time, nor "2024 last year")
    before_when = nxt is not None and nxt.lower_ in WHEN_WORDS and not _YEAR.fullmatch(last.text) \
        and not (prev is not None and prev.lower_ in ("at", "until", "till", "by", "on"))
    lone_date = p.end - p.start == 1 and first.ent_type_ == "DATE" and not _YEAR.fullmatch(first.text) \
        and (prev is None or prev.ent_type_ != "DATE") and (nxt is None or nxt.ent_type_ != "DATE")
    rate = nxt is not None and nxt.lower_ == "per" and not _YEAR.fullmatch(last.text)  # "187 per lakh population"
    # "47 emergencies, up from 41 the year before": a level compared, which the tagger runs into the date after it
    compared = prev is not None and prev.lower_ == "from" and p.start >= 2 and doc[p.start - 2].lower_ in ("up", "down") \
        and not _YEAR.fullmatch(last.text)
    if any(t.ent_type_ in ("DATE", "TIME", "ORDINAL") for t in doc[p.start : p.end]) and noun is None and not before_when \
            and not lone_date and not rate and not compared:
        return True  # (but "down from 54", tagged a date on its own, is a number)
    if any(t.ent_type_ in ("TIME",) for t in doc[p.start : p.end]) and not before_when:
        return True
    words = [t.lower_ for t in doc[p.start : p.end]]
    if len(words) == 1 and re.fullmatch(r"(1[89]|20|21)\d\d", words[0]) and (noun is None or first.ent_type_ == "DATE"):
        return True  # "in 2024"
    if p.upper is not None and (noun is None or (prev is not None and prev.lower_ in ("for", "in", "from", "during", "over"))) \
            and p.unit is None and p.kind == "count" and _YEAR.fullmatch(words[0]) \
            and _YEAR.fullmatch(format(p.upper, "f")) and p.value < p.upper <= p.value + 100:
        return True  # "the plan for 2024 to 2029": a span of years, not a range of counts
    if len(words) == 1 and re.fullmatch(r"(19|20)\d\d", words[0]) and noun is not None and noun[0] == p.end \
            and doc[noun[1] - 1].tag_ in ("NN", "NNP"):
        return True  # "its 2022 output", "the 2025 budget": a year naming a singular thing, not a count
    if prev is not None and prev.text == "(" and p.start >= 2 and doc[p.start - 2].lower_ in WEEKDAYS and nxt is not None \
            and nxt.text == ")" and p.value <= 31:
        return True  # "on Wednesday (18)": the day of the month, as Brazilian and Portuguese papers write it
    if any(t is not None and (t.lower_.rstrip(".") in MONTHS or t.lower_ in WEEKDAYS) and t.text[:1].isupper() for t in (prev, nxt)):
        return True  # "12 March", "March 12", "Monday 12" (but not "Russia may lose 400 soldiers")
    if prev is not None and prev.pos_ in NOUNS and (prev.is_title or prev.is_upper) and prev.is_alpha and len(
            prev.text) > 1 and not prev.is_sent_start and joined(doc, p.start) and not prev.whitespace_.count("\n") \
            and not (first.is_alpha and prev.i > 0 and doc[prev.i - 1].lower_ == "the" and p.end < len(doc)
                     and (doc[p.end].lower_ in ("and", "or") or doc[p.end].is_punct)):
        # "Leopard 2", "Patriot 3": a model name (but "…, the Greens five and the Liberals two": a
        # count spelled out after a name, its noun left out, the name's clause cut short)
        return True
    if _an_age(doc, p):
        return True  # "children under five", "people over 65", "those aged 50": who, not how many
    if prev is not None and not prev.whitespace_.count("\n") and joined(doc, p.start) and len(prev.text) > 1 \
            and prev.text.isupper() and not prev.is_alpha and any(c.isalpha() for c in prev.text) and p.end - p.start == 1:
        return True  # "the S&P 500", "AT&T 5G": part of a name
    if words in (["one"], ["a"], ["an"]):
        return True  # "one of the…", "one" as a pronoun
    if prev is not None and prev.lower_ in DEFINITE_WORDS and p.value <= 10 and not _whole_of_a_part(doc, p.start - 1):
        return True  # "the two countries", "both sides", "these three systems": a reference, not a count
    return False
