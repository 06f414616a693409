"""Statistics: the numbers an article claims, what they count, how they are hedged, who claims them.

The number phrase itself is found on the surface (token text), because the parser's
trees around "over 600 rockets" or "more than €40 billion" are unreliable; the parse
is used for what the number is about: the noun it counts, the verb's subject, the
clause that reports it.

One fact written several times (headline, body, quote) becomes one `Statistic` with
an anchor per mention.

Conventions for what is one fact:

* a sum restated in another currency ("UAH 2.2 trillion, or about $53 billion", "500 million
  euros ($520 million)") is one statistic: the first sum, as written first; the restatement
  is skipped (the record has no place for a second value);
* a loss-list line "tanks — 9,340 (+12)" is one statistic, the running total; the bracketed
  delta, the change since the previous report, is left out: its period is only implied by
  the report around it, and the prose of such reports states the day's figure anyway;
* a verb that multiplies ("output tripled", "production has doubled") is a relative change
  whose value is the factor (3, 2; "halved" 0.5); "nearly double those in June" is a ratio;
* "from two to twelve a month" after a verb of change gives two levels, not a range;
* numbers in an 'if' clause, or in the 'would'/'could' clause it conditions, are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract import numbers as num
from newsgraph.extract.anchors import make_anchor
from newsgraph.extract.coalitions import register_country
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.lexicon import MONTHS, OBJECT_PRONOUNS, PERSON_PRONOUNS, SPEECH_VERBS, WEEKDAYS, demonyms
from newsgraph.model import Statistic

# --------------------------------------------------------------------------- word lists

#: Hedges written before a number, longest first so "more than" wins over "more".
HEDGES: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    sorted(
        (
            (tuple(words.split()), qualifier)
            for qualifier, options in {
                "approximately": "approximately|about|around|roughly|some|an estimated|estimated|circa|approx.|approx"
                "|almost exactly|nearly exactly|in the region of|on the order of|or so",
                "more than": "over|more than|above|in excess of|upwards of|exceeding|just over|well over|"
                "slightly more than|a little over|well above|greater than|well in excess of|far more than|"
                "just above|much more than|considerably more than|significantly more than",
                "at least": "at least|no fewer than|no less than|a minimum of|not less than",
                "up to": "up to|as many as|as much as|at most|no more than|a maximum of|not more than",
                "less than": "less than|under|fewer than|below|just under|just below|slightly less than|well under",
                "nearly": "nearly|almost|close to|just short of|nearing|approaching",
            }.items()
            for words in options.split("|")
        ),
        key=lambda item: -len(item[0]),
    )
)

#: Written after the number: "400 or so", "400 or more".
TRAILING_HEDGES = {("or", "so"): "approximately", ("or", "more"): "at least", ("plus",): "more than", ("+",): "more than"}

#: Currency signs and codes before a figure, and currency words after it, with ISO codes.
CURRENCY_BEFORE = {"€": "EUR", "$": "USD", "us$": "USD", "£": "GBP", "₴": "UAH", "eur": "EUR", "usd": "USD",
                   "gbp": "GBP", "uah": "UAH", "pln": "PLN", "sek": "SEK", "nok": "NOK", "dkk": "DKK",
                   "chf": "CHF", "cad": "CAD", "¥": "JPY", "jpy": "JPY"}
CURRENCY_AFTER = {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP",
                  "pounds": "GBP", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "uah": "UAH",
                  "eur": "EUR", "usd": "USD", "kronor": "SEK", "krona": "SEK", "kroner": "NOK", "krone": "NOK",
                  "zloty": "PLN", "zlotys": "PLN", "złoty": "PLN", "francs": "CHF", "yen": "JPY",
                  "rubles": "RUB", "roubles": "RUB"}
#: How the counted thing of a sum of money is named: the currency in words.
CURRENCY_WORDS = {"EUR": "euros", "USD": "dollars", "GBP": "pounds", "UAH": "hryvnias", "PLN": "zlotys",
                  "SEK": "kronor", "NOK": "kroner", "DKK": "kroner", "CHF": "francs", "CAD": "Canadian dollars",
                  "JPY": "yen", "RUB": "rubles"}

PERCENT_WORDS = {"%", "percent", "pct"}

#: Comparatives after "N times": "six times more", "three times as many".
COMPARATIVES = {"more", "as", "higher", "larger", "greater", "bigger", "fewer", "less", "lower", "smaller",
                "longer", "faster", "the", "that", "over"}

#: Verbs and nouns of change: "increased by a third", "a 30% rise in …".
CHANGE_VERBS = {"increase", "rise", "grow", "fall", "drop", "decrease", "decline", "reduce", "cut", "climb",
                "jump", "surge", "soar", "expand", "shrink", "plunge", "slump", "go", "boost", "raise",
                "lower", "slash", "double", "triple", "spike", "dip", "contract"}
CHANGE_NOUNS = {"increase", "rise", "growth", "drop", "decrease", "decline", "reduction", "jump", "surge",
                "fall", "cut", "boost", "expansion", "spike", "dip", "hike"}
#: "the death toll rose to 45": these verbs make the number a level, not a change.
LEVEL_VERBS = {"reach", "total", "amount", "stand", "exceed", "surpass", "top", "hit", "pass", "near"}

#: Words for "how much of": the number of X, the volume of X, the share of X.
QUANTITY_NOUNS = {"number", "amount", "volume", "quantity", "count", "total", "share", "level", "rate",
                  "proportion", "percentage", "scale", "supply", "output", "production", "stock", "stocks"}
#: Nouns that measure something named after "of": "1,000 square kilometers of territory".
MEASURE_NOUNS = {"kilometer", "kilometre", "km", "mile", "meter", "metre", "hectare", "ton", "tonne", "unit",
                 "piece", "batch", "set", "type", "kind", "round", "lot", "package", "tranche", "item",
                 "liter", "litre", "barrel", "shipment", "consignment"}

#: Nouns of time: a number counting them is a duration or a date, not a count of things.
TIME_NOUNS = {"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year", "decade",
              "century", "quarter", "semester", "season", "time", "o'clock", "am", "pm", "a.m.", "p.m."}
#: Words of time the tagger does not mark as dates: "launched 40 drones overnight".
NIGHT_WORDS = {"overnight"}

#: Adverbs and nouns that give a rate: "daily" is per day.
RATE_ADVERBS = {"daily": "day", "nightly": "night", "weekly": "week", "monthly": "month", "annually": "year",
                "yearly": "year", "hourly": "hour", "a day": "day"}

#: Words after which a number is a label, not an amount: "Article 5", "page 3".
LABEL_WORDS = {"page", "pages", "article", "section", "paragraph", "chapter", "item", "no", "no.", "nr",
               "number", "#", "point", "version", "phase", "resolution", "aged", "age", "route", "road",
               "highway", "block", "gate", "line", "lines", "grade", "level", "stage", "round", "act",
               "decree", "law", "bill", "order", "code", "rule", "step", "unit", "tier", "channel", "flight"}

#: Words before a small number that refer back rather than count: "the two ministers".
DEFINITE_WORDS = {"the", "these", "those", "both", "all", "its", "their", "our", "his", "her", "first", "last", "other"}

#: Entity labels whose numbers are part of a name.
NAME_ENTITIES = {"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "GPE", "LOC", "NORP"}

#: Clause-introducing words that make what follows hypothetical.
HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
#: Modals of the clause an 'if' clause conditions: "it would lose", "they could supply".
CONDITIONAL_MODALS = {"would", "could", "might", "'d"}

_NOUNS = {"NOUN", "PROPN"}
_MODEL_NAME = re.compile(r"^[A-Za-z][\w.]*-[\w.-]*\d[\w.-]*$")
_PRONOUNS = {"it", "they", "them", "its", "their"}
#: A model designator mixing digits and letters: "2A6", "1A5", "M1A2", "CV90".
_DESIGNATOR = re.compile(r"^(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9][\w-]*$")


@dataclass
class _Phrase:
    """A number phrase as written: token span [start, end) of the number itself, plus its reading."""

    start: int
    end: int
    value: float
    kind: str = "count"
    upper: float | None = None
    unit: str | None = None
    qualifier: str | None = None  # from the words of the number itself ("thousands" -> more than)
    noun_from: int | None = None  # where the counted noun may start, when not at `end`
    plain: bool = True  # a bare cardinal (dates, labels and years look like these)
    multiplier: bool = False  # "sixfold", "six times", "twice": a ratio even next to a change word
    change_verb: bool = False  # "output tripled", "production has doubled": the verb is the number
    compared: bool = False  # "nearly double those in June": a multiple of something named elsewhere


@dataclass
class _Mention:
    stat: Statistic
    offset: int
    in_headline: bool
    richness: int = 0
    head_words: set[str] = field(default_factory=set)
    sent_start: int = 0  # first token of its sentence
    verb: str = ""  # the lemma of the verb its clause hangs from


# --------------------------------------------------------------------------- a parsed text, indexed once


class _DocIndex:
    """Sentences, entities and token offsets of a parsed text, for lookups by bisection.

    `Doc.text`, `Token.sent`, `Doc.sents` and `Doc.ents` rebuild their answer on every call (a walk over
    the whole text), which made the extraction quadratic in the length of the article."""

    KEY = "newsgraph.statistics.index"

    def __init__(self, doc: Doc, text: str | None = None):
        self.text = doc.text if text is None else text
        sents = list(doc.sents)
        self.sent_starts = [s.start for s in sents]
        self.sent_ends = [s.end for s in sents]
        self.ents: list[Span] = list(doc.ents)
        self.ent_starts = [e.start for e in self.ents]
        self.token_starts = [t.idx for t in doc]
        # Asked for hundreds of times per article (every number word, every sentence walk):
        # joined[i] says token i follows token i-1 on the same line (see `_joined`).
        self.joined = [False] + ["\n" not in t.whitespace_ and t.pos_ != "SPACE" for t in doc]
        #: Written name -> person key; statistics register countries only, so this cannot go stale.
        self.persons: dict[str, str | None] = {}

    def sentence(self, i: int) -> tuple[int, int]:
        """The token span [start, end) of the parser's sentence holding token i."""
        k = max(0, bisect_right(self.sent_starts, i) - 1)
        return self.sent_starts[k], self.sent_ends[k]

    def entity_at(self, i: int) -> Span | None:
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
        return max(0, bisect_right(self.token_starts, offset) - 1)


def _index(doc: Doc) -> _DocIndex:
    index = doc.user_data.get(_DocIndex.KEY)
    if not isinstance(index, _DocIndex):
        index = _DocIndex(doc)
    return index


def _text(doc: Doc) -> str:
    return _index(doc).text


# --------------------------------------------------------------------------- entry point


def find_statistics(doc: Doc, ctx: ArticleContext) -> list[Statistic]:
    """Every distinct number fact in the article body, one `Statistic` each, in text order."""
    doc.user_data[_DocIndex.KEY] = _DocIndex(doc, ctx.doc_text(doc))
    try:
        return _find_statistics(doc, ctx)
    finally:
        doc.user_data.pop(_DocIndex.KEY, None)


def _find_statistics(doc: Doc, ctx: ArticleContext) -> list[Statistic]:
    mentions: list[_Mention] = []
    last_amount: _Phrase | None = None
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.idx >= ctx.body_end:
            break
        phrase = _read_phrase(doc, i)
        if phrase is None:
            i += 1
            continue
        if phrase.kind == "amount":
            if last_amount is not None and _is_conversion(doc, last_amount, phrase):
                # "UAH 2.2 trillion, or about $53 billion": the same sum in another currency, not a new fact.
                i = max(phrase.end, i + 1)
                continue
            last_amount = phrase
        mention = _mention(doc, ctx, phrase, _in_sentence(doc, mentions, i), mentions[-3:])
        if mention is not None:
            mentions.append(mention)
        i = max(phrase.end, i + 1)
    return _merge(mentions, ctx)


def _in_sentence(doc: Doc, mentions: list[_Mention], i: int) -> list[_Mention]:
    """The statistics already found in token i's sentence, in text order: what an elided
    number counts ("killed 14 people, including three children, and injured 52")."""
    start, _ = _sentence_bounds(doc, doc[i])
    out = []
    for m in reversed(mentions):
        if m.sent_start < start:
            break
        if m.sent_start == start:
            out.insert(0, m)
    return out


#: What stands between a sum and the same sum in another currency: " (about ", ", or around ", " – some ".
_CONVERSION_GAP = re.compile(r"^\s*[(\[,–—-]?\s*(?:or\s+|i\.e\.\s+|equivalent\s+to\s+|equal\s+to\s+)?"
                             r"(?:about|around|roughly|approximately|approx\.?|some|nearly|almost|circa|c\.|~|≈)?\s*$", re.I)


_PAID_FOR = re.compile(r"^\s+(?:in|of|for|on|worth\s+of)\s+[\w'’ -]{1,40}?(?=\s*,)", re.I)


def _is_conversion(doc: Doc, first: _Phrase, second: _Phrase) -> bool:
    """True when the sum `second` restates the sum `first` in another currency."""
    if first.unit == second.unit or second.start - first.end > 12 or second.start < first.end:
        return False
    gap = _text(doc)[_char_end(doc, first.end) : doc[second.start].idx]
    # "NOK 27 billion in military support, or about $2.5 billion": what the sum pays for may stand between.
    gap = _PAID_FOR.sub("", gap, count=1)
    return bool(gap.strip()) and bool(_CONVERSION_GAP.match(gap))


# --------------------------------------------------------------------------- number phrases


def _joined(doc: Doc, i: int) -> bool:
    """True when token i follows token i-1 on the same line (no line break between them)."""
    return i > 0 and _index(doc).joined[i]


def _cardinal_run(doc: Doc, i: int) -> tuple[int, float] | None:
    """The longest run of cardinal words starting at token i: (end, value)."""
    words: list[str] = []
    j = i
    while j < len(doc) and (j == i or _joined(doc, j)):
        w = doc[j].lower_
        if num.is_number_word(w) or (j == i and w in ("a", "an") and j + 1 < len(doc)
                                      and doc[j + 1].lower_ in ("hundred", "thousand", "million", "billion", "dozen")):
            words.append(w)
            j += 1
            continue
        # "two hundred and fifty"
        if w == "and" and words and words[-1] in ("hundred",) and j + 1 < len(doc) and num.word_value(doc[j + 1].lower_):
            words.append(w)
            j += 1
            continue
        break
    while words:
        value = num.cardinal_value(words)
        if value is not None:
            return i + len(words), value
        words.pop()
    return None


def _read_phrase(doc: Doc, i: int) -> _Phrase | None:
    """The number phrase starting at token i, or None."""
    t = doc[i]
    w = t.lower_
    # Money with the currency first: "€1.4 billion", "US$ 20 million", "UAH 100 million".
    if w in CURRENCY_BEFORE and i + 1 < len(doc):
        run = _cardinal_run(doc, i + 1)
        if run is not None and (doc[i + 1].like_num or num.digits_value(doc[i + 1].text) is not None):
            end, value = run
            return _Phrase(i, end, value, kind="amount", unit=CURRENCY_BEFORE[w], plain=False)
    # A verb that is a number: "output tripled", "production has doubled", "nearly double those in June".
    change = _change_word(doc, i)
    if change is not None:
        return change
    # A word multiplier: "sixfold", "6-fold", "six-fold", "twice as many".
    fold = num.fold_value(w)
    if fold is not None:
        return _Phrase(i, i + 1, fold, kind="ratio", plain=False, multiplier=True)
    if i + 2 < len(doc) and doc[i + 1].text in "-‐" and doc[i + 2].lower_ == "fold" and not t.whitespace_:
        value = num.digits_value(w) or num.word_value(w)
        if value is not None:
            return _Phrase(i, i + 3, value, kind="ratio", plain=False, multiplier=True)
    if w in ("twice", "thrice") and i + 1 < len(doc) and doc[i + 1].lower_ in COMPARATIVES:
        return _Phrase(i, i + 1, num.MULTIPLIER_WORDS[w], kind="ratio", plain=False, multiplier=True,
                       noun_from=_after_comparative(doc, i + 1))
    # Vague plurals: "thousands of", "tens of thousands of".
    if w in num.VAGUE_PLURALS or w == "tens":
        return _vague(doc, i)
    # Fractions: "a third", "one-third", "two thirds", "half".
    fraction = _fraction(doc, i)
    if fraction is not None:
        return fraction
    run = _cardinal_run(doc, i)
    if run is None:
        return None
    end, value = run
    if doc[i].lower_ in ("a", "an") and end == i + 1:
        return None
    phrase = _Phrase(i, end, value)
    _read_suffix(doc, phrase)
    return phrase


#: Verbs that multiply what they change: "tripled their output" is three times the output.
CHANGE_MULTIPLIERS = {"double": 2, "triple": 3, "treble": 3, "quadruple": 4, "halve": 0.5}
#: After "double", words that name what it is a multiple of: "double those in June", "double the number".
_COMPARED_NEXT = {"those", "that", "the", "what", "its", "their", "his", "her", "our", "last", "this"}


def _change_word(doc: Doc, i: int) -> _Phrase | None:
    """'tripled', 'has doubled', 'halved' as a relative change; 'nearly double those' as a ratio."""
    t = doc[i]
    value = CHANGE_MULTIPLIERS.get(t.lemma_.lower()) or CHANGE_MULTIPLIERS.get(t.lower_)
    if value is None:
        return None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and (nxt.text in "-‐" or nxt.lower_ in ("as", "down", "up")):
        return None  # "double-digit", "doubles as a shelter", "double down"
    if t.pos_ == "VERB":
        return _Phrase(i, i + 1, float(value), kind="relative change", plain=False, change_verb=True)
    if t.lower_ in ("double", "triple", "quadruple") and nxt is not None and nxt.lower_ in _COMPARED_NEXT:
        return _Phrase(i, i + 1, float(value), kind="ratio", plain=False, multiplier=True, compared=True)
    return None


def _after_comparative(doc: Doc, j: int) -> int:
    """Skip 'more', 'as many', 'the number of' after a multiplier: where the counted noun starts."""
    words = [doc[k].lower_ for k in range(j, min(j + 4, len(doc)))]
    for pattern in (("as", "many", "as"), ("as", "much", "as"), ("as", "many"), ("as", "much"), ("the", "number", "of"),
                    ("the", "amount", "of"), ("more",), ("fewer",), ("less",), ("higher",), ("greater",)):
        if tuple(words[: len(pattern)]) == pattern:
            return j + len(pattern)
    return j


def _vague(doc: Doc, i: int) -> _Phrase | None:
    w = doc[i].lower_
    words = [doc[k].lower_ for k in range(i, min(i + 4, len(doc)))]
    if w == "tens" or (w in ("hundreds", "dozens") and words[1:3] == ["of", "thousands"]):
        if words[1:4] not in (["of", "thousands", "of"], ["of", "millions", "of"]) and words[1:3] not in (
            ["of", "thousands"], ["of", "millions"]):
            return None
        base = {"tens": 10, "dozens": 12, "hundreds": 100}[w] * num.VAGUE_PLURALS[words[2]]
        end = i + 3
    else:
        base = num.VAGUE_PLURALS[w]
        end = i + 1
    if end < len(doc) and doc[end].lower_ == "of":
        return _Phrase(i, end, float(base), qualifier="more than", noun_from=end + 1, plain=False)
    return None


def _fraction(doc: Doc, i: int) -> _Phrase | None:
    """'a third', 'one-third', 'two thirds', 'a quarter', 'half' as an amount (not 'the third meeting')."""
    t = doc[i]
    w = t.lower_
    end: int | None = None
    value: float | None = None
    if w == "half":
        prev = doc[i - 1].lower_ if i > 0 else ""
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if prev in ("first", "second", "latter", "last", "other", "the") or nxt in ("a", "an", "-"):
            return None  # "the first half of 2024", "half a year"
        if nxt in ("of", "the", "its", "their", "his", "her", "our", "all") or prev in ("by", "than", "nearly", "almost", "about", "over"):
            end, value = i + 1, 0.5
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
    if nxt is not None and nxt.pos_ in _NOUNS and nxt.lower_ not in TIME_NOUNS:
        return None  # an ordinal: "a third round of sanctions"
    if nxt is not None and nxt.lower_ in TIME_NOUNS:
        return None  # "a quarter century", "half year"
    noun_from = end + 1 if nxt is not None and nxt.lower_ == "of" else end
    return _Phrase(i, end, value, kind="ratio", noun_from=noun_from, plain=False)


def _read_suffix(doc: Doc, phrase: _Phrase) -> None:
    """Units and ranges written after the cardinal: '%', 'euros', '-fold', 'times more', 'to 700'."""
    j = phrase.end
    nxt = doc[j].lower_ if j < len(doc) else ""
    nxt2 = doc[j + 1].lower_ if j + 1 < len(doc) else ""
    if nxt in PERCENT_WORDS or (nxt == "per" and nxt2 == "cent"):
        phrase.end = j + (2 if nxt == "per" else 1)
        phrase.unit, phrase.kind, phrase.plain = "percent", "ratio", False
        if doc[phrase.end : phrase.end + 1].text.lower() == "points":
            phrase.unit = "percentage points"
            phrase.end += 1
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
        phrase.noun_from = _after_comparative(doc, j + 1)
        return
    # Ranges: "300 to 400", "500-700", "500–700", "between 500 and 700", "from 5 to 7".
    prev = doc[phrase.start - 1].lower_ if phrase.start > 0 else ""
    if nxt in ("in", "out") and j + 1 < len(doc):
        k = j + 2 if nxt == "out" and nxt2 == "of" else j + 1
        run = _cardinal_run(doc, k) if k < len(doc) else None
        if run is not None and run[1] > phrase.value:
            phrase.kind, phrase.end = "proportion", run[0]  # "1 in 5", "3 out of 4": a proportion
        return
    if nxt in ("to", "-", "–", "—", "and") and j + 1 < len(doc):
        if nxt == "and" and prev != "between":
            return
        if nxt in ("-", "–", "—") and (doc[j - 1].whitespace_ and doc[j].whitespace_) and prev != "between":
            return  # a dash with spaces is punctuation, not a range
        if prev == "from" and nxt == "to" and _change_verb_of(doc[phrase.start - 1]) is not None:
            return  # "increased production from two to twelve a month": the old and the new level
        run = _cardinal_run(doc, j + 1)
        if run is None:
            return
        end, upper = run
        if upper > phrase.value:
            phrase.upper, phrase.end = upper, end
            phrase.qualifier = "between"
            _read_suffix_unit_only(doc, phrase)
        else:
            phrase.kind = "proportion"  # "1 to 1", "3 to 1": a proportion, never a count
            phrase.end = end


def _change_verb_of(prep: Token) -> Token | None:
    """The verb of change a 'from'/'to' phrase hangs from: 'increased … from two to twelve'."""
    node = prep
    for _ in range(3):
        node = node.head
        if node.lemma_.lower() in CHANGE_VERBS and node.pos_ == "VERB":
            return node
        if node.head == node:
            break
    return None


def _read_suffix_unit_only(doc: Doc, phrase: _Phrase) -> None:
    """After a range's top: only a unit ("5 to 7 %", "2-3 billion euros")."""
    j = phrase.end
    nxt = doc[j].lower_ if j < len(doc) else ""
    if nxt in PERCENT_WORDS:
        phrase.end, phrase.unit, phrase.kind, phrase.plain = j + 1, "percent", "ratio", False
    elif nxt == "times" and j + 1 < len(doc) and doc[j + 1].lower_ in COMPARATIVES:
        phrase.end, phrase.kind, phrase.plain, phrase.multiplier = j + 1, "ratio", False, True
        phrase.noun_from = _after_comparative(doc, j + 1)
    elif nxt in CURRENCY_AFTER:
        phrase.end, phrase.unit, phrase.kind, phrase.plain = j + 1, CURRENCY_AFTER[nxt], "amount", False


def _weight_context(doc: Doc, j: int) -> bool:
    """'500 pounds of explosives' is a weight, not money."""
    return j + 1 < len(doc) and doc[j + 1].lower_ == "of" and j + 2 < len(doc) and doc[j + 2].lower_ in (
        "explosives", "explosive", "tnt", "bombs", "warhead")


# --------------------------------------------------------------------------- is it a statistic?


def _is_label_or_date(doc: Doc, p: _Phrase, noun: tuple[int, int] | None) -> bool:
    """Dates, years, times, ordinals, labels ('Article 5'), model numbers ('Leopard 2'), modifiers ('two-tier')."""
    first, last = doc[p.start], doc[p.end - 1]
    prev = doc[p.start - 1] if p.start > 0 else None
    nxt = doc[p.end] if p.end < len(doc) else None
    noun_is_time = noun is not None and doc[noun[1] - 1].lemma_.lower() in TIME_NOUNS
    if noun_is_time:
        return True  # "two months", "a year": a duration or a date
    if nxt is not None and nxt.text in "-‐" and not last.whitespace_ and p.kind != "ratio":
        return True  # "two-tier", "155-mm", "three-day": a modifier, not a count
    if prev is not None and prev.text in "-‐/" and not prev.whitespace_ and p.start > 1 and doc[p.start - 2].is_alpha:
        return True  # "Su-25", "MiG-29"
    if nxt is not None and nxt.text in ("-", "‐") and nxt.whitespace_ == "" and p.end + 1 < len(doc) and doc[p.end + 1].like_num:
        return True  # "1-1", a score
    figure_start = p.start + 1 if p.kind == "amount" and doc[p.start].lower_ in CURRENCY_BEFORE else p.start
    figure = [t for t in doc[figure_start : p.end] if p.kind != "amount" or t.like_num or num.is_number_word(t.lower_)]
    if any(t.ent_type_ in NAME_ENTITIES for t in figure):
        return True  # "Leopard 2", "Minsk-2": part of a name (a currency code the tagger took for one is not)
    if nxt is not None and not last.whitespace_ and nxt.is_alpha and p.end + 1 < len(doc) and doc[p.end + 1].pos_ in _NOUNS \
            and p.kind == "count":
        return True  # "155mm ammunition", "a 40km front": a measure used as a modifier
    if not p.plain:
        return False
    if any(t.ent_type_ in ("DATE", "TIME", "ORDINAL") for t in doc[p.start : p.end]) and noun is None:
        return True
    if any(t.ent_type_ in ("TIME",) for t in doc[p.start : p.end]):
        return True
    words = [t.lower_ for t in doc[p.start : p.end]]
    if len(words) == 1 and re.fullmatch(r"(1[89]|20|21)\d\d", words[0]) and (noun is None or first.ent_type_ == "DATE"):
        return True  # "in 2024"
    if len(words) == 1 and re.fullmatch(r"(19|20)\d\d", words[0]) and noun is not None and noun[0] == p.end \
            and doc[noun[1] - 1].tag_ in ("NN", "NNP"):
        return True  # "its 2022 output", "the 2025 budget": a year naming a singular thing, not a count
    if any(t is not None and (t.lower_.rstrip(".") in MONTHS or t.lower_ in WEEKDAYS) and t.text[:1].isupper() for t in (prev, nxt)):
        return True  # "12 March", "March 12", "Monday 12" (but not "Russia may lose 400 soldiers")
    if prev is not None and (prev.lower_ in LABEL_WORDS or prev.text == "#"):
        return True
    if prev is not None and prev.pos_ in _NOUNS and (prev.is_title or prev.is_upper) and prev.is_alpha and len(
            prev.text) > 1 and not prev.is_sent_start and _joined(doc, p.start) and not prev.whitespace_.count("\n"):
        return True  # "Leopard 2", "Patriot 3": a model name
    if words in (["one"], ["a"], ["an"]):
        return True  # "one of the…", "one" as a pronoun
    if prev is not None and prev.lower_ in DEFINITE_WORDS and p.value <= 10:
        return True  # "the two countries", "both sides", "these three systems": a reference, not a count
    return False


def _is_hypothetical(token: Token) -> bool:
    """Inside an 'if'/'unless' clause ("if the proportions were 1 to 1"), or in the 'would'/'could'
    clause that an 'if' clause conditions ("if Russia kept losing …, it would lose another 60,000")."""
    for node in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in CONDITIONAL_MODALS for c in node.children) \
                and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in HYPOTHETICAL_MARKS for m in c.children)
                        for c in node.children):
            return True
    return False


# --------------------------------------------------------------------------- one mention


def _mention(doc: Doc, ctx: ArticleContext, p: _Phrase, before: list[_Mention], previous: list[_Mention]) -> _Mention | None:
    if p.kind == "proportion":
        return None
    qualifier, hedge_start = _hedge_before(doc, p.start)
    trailing_end = p.end
    if qualifier is None:
        qualifier, trailing_end = _hedge_after(doc, p.end)
    if p.qualifier == "between":
        qualifier = "between"  # a range is its own hedge, whatever else is written
        if p.start > 0 and doc[p.start - 1].lower_ in ("between", "from"):
            hedge_start = p.start - 1
    elif qualifier is None:
        qualifier = p.qualifier
    elif p.qualifier == "more than" and qualifier in ("approximately",):
        qualifier = "more than"  # "some thousands of" is still "more than a thousand"

    kind = p.kind
    relative = _change_head(doc, p, hedge_start)
    if relative is not None and _share_of(doc, p, hedge_start):
        relative = None  # "shot down almost 90% of the missiles": a share of them, not a change
    if relative is not None and not p.multiplier and p.kind in ("count", "ratio"):
        kind = "relative change"  # "increased by over a third", "a 30% rise in …"

    noun = None if p.change_verb or p.compared else _counted_span(doc, p)
    if _is_label_or_date(doc, p, noun):
        return None
    if _is_hypothetical(doc[p.start]):
        return None

    sent_start, sent_end = _sentence_bounds(doc, doc[p.start])
    counts = _counts(doc, ctx, p, noun, kind, relative)
    if counts is None and noun is None:
        counts = _brought_to(doc, p, hedge_start) or _elided_counts(doc, p, hedge_start, before)
    if counts is None and noun is None and p.plain and not before:
        counts = _parallel_counts(doc, p, sent_start, previous)
    if counts is None and noun is None and (p.kind == "ratio" or p.multiplier):
        counts = _clause_counts(doc, p, before)
    if counts is None:
        return None

    anchor_start = doc[hedge_start].idx
    anchor_end_tok = max(trailing_end, noun[1] if noun is not None and noun[0] - p.end <= 3 and noun[0] >= p.end else p.end)
    anchor_end = doc[anchor_end_tok - 1].idx + len(doc[anchor_end_tok - 1].text)
    written_end = doc[trailing_end - 1].idx + len(doc[trailing_end - 1].text)
    offset = doc[p.start].idx

    stat = Statistic(
        value=num.format_value(p.value),
        counts=counts,
        kind=kind,
        qualifier=qualifier,
        upper=num.format_value(p.upper) if p.upper is not None else None,
        unit=p.unit,
        per=_per(doc, p, noun, sent_end),
        period=_period(doc, p, noun, sent_start, sent_end),
        subject=_subject(doc, ctx, p, noun),
        claimed_by=_claimant(doc, ctx, offset),
        sentence=_sentence_text(_text(doc)[doc[sent_start].idx : _char_end(doc, sent_end)]),
        written=_text(doc)[anchor_start:written_end],
        anchors=[make_anchor(ctx.text, anchor_start, anchor_end)],
    )
    if stat.period is not None and stat.period.lower() in RATE_ADVERBS and stat.per in (None, RATE_ADVERBS[stat.period.lower()]):
        stat.per, stat.period = RATE_ADVERBS[stat.period.lower()], None  # "daily losses" are per day
    elif stat.period is not None and stat.per is not None and _content_words(stat.period) <= _content_words(stat.per):
        stat.period = None  # "2,500 drones a month": the month is the rate, not the period
    richness = sum(x is not None for x in (stat.qualifier, stat.per, stat.period, stat.subject, stat.claimed_by))
    return _Mention(
        stat=stat,
        offset=offset,
        in_headline=_in_headline(ctx, offset),
        richness=richness,
        head_words=_content_words(counts),
        sent_start=sent_start,
        verb=_governor(doc[p.start]).lemma_.lower(),
    )


#: Words before a number that compare it with the number just before: "300,000, up from 100,000".
_COMPARED_WITH = (("up", "from"), ("down", "from"), ("compared", "with"), ("compared", "to"), ("against",),
                  ("versus",), ("vs",), ("vs.",))


def _elided_counts(doc: Doc, p: _Phrase, hedge_start: int, before: list[_Mention]) -> str | None:
    """What a number without a noun counts, from a statistic before it in its sentence:
    "up to 10,000 shells a day, while Ukraine can answer with about 2,000" (the first one),
    "some 300,000 people, up from 100,000" and "three times as many as …" (the nearest one)."""
    words = tuple(doc[k].lower_ for k in range(max(0, hedge_start - 2), hedge_start))
    compared = any(words[-len(w):] == w for w in _COMPARED_WITH)
    if compared and p.unit is not None:
        # "3.45% of GDP on defence, compared with 2.1% in 2022": the nearest figure in the same unit
        same_unit = [m for m in before if m.stat.unit == p.unit]
        return same_unit[-1].stat.counts if same_unit else None
    plain_counts = [m for m in before if m.stat.kind == "count" and m.stat.unit is None]
    if not plain_counts or not (p.plain or p.multiplier):
        return None
    if p.multiplier:
        # "three times as many as …" repeats what was counted; "four times faster" says how something is done.
        nxt = doc[p.end].lower_ if p.end < len(doc) else ""
        return plain_counts[-1].stat.counts if nxt in ("as", "more", "fewer", "less", "many", "much") else None
    if compared:
        return plain_counts[-1].stat.counts
    return plain_counts[0].stat.counts


def _parallel_counts(doc: Doc, p: _Phrase, sent_start: int, previous: list[_Mention]) -> str | None:
    """A bare number whose verb repeats the verb of a count in the sentence just before, in the same
    paragraph: "Two years ago we had two companies building drones. Today we have more than twenty"."""
    if sent_start == 0 or not _joined(doc, sent_start):
        return None  # a new paragraph
    prev_start, _ = _sentence_bounds(doc, doc[sent_start - 1])
    verb = _governor(doc[p.start])
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() == "be":
        return None
    for m in reversed(previous):
        if m.sent_start == prev_start and m.verb == verb.lemma_.lower() and m.stat.kind == "count" and m.stat.unit is None:
            return m.stat.counts
    return None


def _clause_counts(doc: Doc, p: _Phrase, before: list[_Mention]) -> str | None:
    """What a share or a multiple without its own noun measures, from its clause:
    "a third of them are interceptor drones" (what they are), "orders for only a third of that"
    (the verb's object), "four times faster" (what is done faster), "40% of it" (the sum just named)."""
    token = doc[p.start]
    verb = _governor(token)
    if verb.lemma_.lower() == "be":
        for c in verb.children:
            if c.dep_ == "attr" and c.pos_ in _NOUNS and c.lower_ not in _PRONOUNS:
                return _quantity_target(c)
    partitive = p.end < len(doc) and doc[p.end].lower_ == "of" and p.end + 1 < len(doc) and doc[p.end + 1].pos_ == "PRON" \
        and doc[p.end + 1].tag_ != "PRP$"
    if partitive and doc[p.end + 1].lower_ == "it" and before:
        return before[-1].stat.counts  # "more than €50 billion …, roughly 40% of it from Europe"
    for dep in ("dobj", "nsubjpass", "nsubj"):
        for c in verb.children:
            if c.dep_ == dep and c.pos_ in _NOUNS and c.is_alpha and c.lower_ not in _PRONOUNS and not p.start <= c.i < p.end \
                    and c.ent_type_ not in ("GPE", "PERSON", "ORG", "NORP"):
                return _quantity_target(c)
    return None


def _sentence_text(text: str) -> str:
    """The sentence without the quote mark it shares with a neighbour ('“In just two months, …')."""
    text = text.strip()
    if text[:1] in "“\"" and not any(c in text[1:] for c in "”\""):
        text = text[1:].lstrip()
    if text[-1:] in "”\"" and not any(c in text[:-1] for c in "“\""):
        text = text[:-1].rstrip()
    return text


def _char_end(doc: Doc, end_tok: int) -> int:
    last = doc[end_tok - 1]
    return last.idx + len(last.text)


def _hedge_before(doc: Doc, start: int) -> tuple[str | None, int]:
    """The hedge written right before token `start` and where it begins."""
    words = [doc[k].lower_ for k in range(max(0, start - 5), start)]
    for pattern, qualifier in HEDGES:
        n = len(pattern)
        if n <= len(words) and tuple(words[-n:]) == pattern:
            if pattern == ("some",) and start > 0 and doc[start - 1].pos_ != "DET" and doc[start - 1].dep_ not in ("quantmod", "advmod", "det"):
                continue
            if pattern == ("under",) and start > 1 and doc[start - 2].lower_ in ("came", "come", "comes", "was", "were", "is"):
                continue  # "came under 40 attacks" is not "fewer than 40"
            return qualifier, start - n
    return None, start


def _hedge_after(doc: Doc, end: int) -> tuple[str | None, int]:
    for pattern, qualifier in TRAILING_HEDGES.items():
        words = tuple(doc[k].lower_ for k in range(end, min(end + len(pattern), len(doc))))
        if words == pattern:
            return qualifier, end + len(pattern)
    return None, end


def _in_headline(ctx: ArticleContext, offset: int) -> bool:
    if ctx.headline is not None and ctx.headline[0] <= offset < ctx.headline[1]:
        return True
    # A repeated headline line later in the text reads as the headline too.
    if ctx.headline is not None:
        head = ctx.text[ctx.headline[0] : ctx.headline[1]].strip()
        line_start = ctx.text.rfind("\n", 0, offset) + 1
        line_end = ctx.text.find("\n", offset)
        line = ctx.text[line_start : line_end if line_end >= 0 else len(ctx.text)].strip()
        return bool(head) and line == head
    return False


# --------------------------------------------------------------------------- what is counted


def _np_span(doc: Doc, j: int, limit: int, determiners: bool = True) -> tuple[int, int] | None:
    """The noun phrase written from token j: modifiers and a noun head, as [start, end).
    With `determiners`, leading 'the', 'its', "Russia's" are skipped ("of the drones")."""
    while determiners and j < limit and (doc[j].pos_ == "DET" or doc[j].dep_ in ("poss", "case") or doc[j].tag_ == "PRP$"):
        j += 1
    k = j
    last_noun = None
    while k < limit:
        t = doc[k]
        if t.pos_ == "SPACE" or (k > j and not _joined(doc, k)):
            break
        ok = t.pos_ in _NOUNS or t.pos_ == "ADJ" or (t.pos_ == "VERB" and t.tag_ in ("VBN", "VBG") and t.dep_ in ("amod", "compound")) or (
            t.text in "-‐" and not t.whitespace_ and k > j and not doc[k - 1].whitespace_)
        if t.lower_ in ("more", "less", "fewer", "than", "per", "times") or t.like_num or t.lower_ in num.VAGUE_PLURALS:
            ok = False
        if (t.like_num or _DESIGNATOR.match(t.text)) and k > j and (doc[k - 1].is_title or doc[k - 1].is_upper) \
                and k + 1 < limit and doc[k + 1].pos_ in _NOUNS:
            ok = True  # "Leopard 2 tanks", "Leopard 2A6 tanks": a model number inside the name of what is counted
        if _MODEL_NAME.match(t.text) and k + 1 < limit and doc[k + 1].pos_ in _NOUNS:
            ok = True  # "Geran-2 drones", whatever the tagger made of "Geran-2"
        if t.pos_ == "PROPN" and k > j and t.ent_type_ in ("GPE", "PERSON") and doc[k - 1].pos_ in _NOUNS and doc[k - 1].ent_type_ != t.ent_type_:
            ok = False  # "drones Russia launched": a new clause, not the noun phrase
        if k > j and t.ent_type_ in ("DATE", "TIME") and not doc[k - 1].ent_type_:
            ok = False  # "shells next year": the date is not part of what is counted
        if not ok:
            break
        if t.pos_ in _NOUNS:
            last_noun = k
        k += 1
    if last_noun is None:
        return None
    return j, last_noun + 1


def _counted_span(doc: Doc, p: _Phrase) -> tuple[int, int] | None:
    """The noun phrase the number counts, if it is written right after the number."""
    limit = _index(doc).sentence(p.start)[1]
    j = p.noun_from if p.noun_from is not None else p.end
    partitive = j > 0 and doc[j - 1].lower_ == "of"
    if p.noun_from is None and j < limit and doc[j].lower_ == "of" and (p.kind == "ratio" or p.value >= 1):
        j += 1  # "600 of the drones", "30% of the shells"
        partitive = True
        k = j + 1 if j < limit and doc[j].pos_ == "DET" else j
        run = _cardinal_run(doc, k) if k < limit else None
        if run is not None:
            j = run[0]  # "38 of 42 drones", "two of the four tanks"
    if p.kind == "amount":
        return None  # money: what it buys is found by `_money_counts`
    if p.multiplier and j > 0 and doc[j - 1].lower_ in ("as", "than"):
        return None  # "three times as many as Ukrainian units": the units are compared with, not counted
    if j < limit and doc[j].pos_ == "PRON" and doc[j].dep_ != "poss" and doc[j].tag_ != "PRP$":
        return None  # "a third of them": what they are is found from the clause (but "30% of its GDP" counts)
    if p.plain and j < limit and doc[j].lower_ in ("more", "additional", "extra", "new", "fewer"):
        j += 1  # "seven more Patriot systems"
    span = _np_span(doc, j, limit, determiners=partitive)
    if span is None:
        return None
    head = doc[p.end - 1].head
    if doc[p.end - 1].dep_ == "nummod" and span[0] <= head.i < span[1] - 1 and head.pos_ in _NOUNS \
            and head.dep_ != "compound" and not (doc[head.i + 1].like_num or _DESIGNATOR.match(doc[head.i + 1].text)):
        span = (span[0], head.i + 1)  # "12 tanks Russian forces lost": the noun the number counts ends it
    # The head of the counted phrase must be a noun the number attaches to, or directly follow.
    if span[0] - p.end > 4:
        return None
    return span


def _span_text(doc: Doc, span: tuple[int, int]) -> str:
    return _text(doc)[doc[span[0]].idx : _char_end(doc, span[1])]


def _noun_phrase_of(token: Token) -> str:
    """The written phrase of a noun with its left modifiers: 'Lancet drones', 'drone production'."""
    left = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "nummod") and c.pos_ != "NUM"
            and not _ORDINAL.match(c.text)]
    start = min([token.i, *(c.left_edge.i for c in left)])
    doc = token.doc
    return _text(doc)[doc[start].idx : token.idx + len(token.text)]


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in _NOUNS:
                    return obj
    return None


#: Nouns named together with what they are for: "demand for interceptors", "needs in air defence".
NEED_NOUNS = {"demand", "need", "needs", "requirement", "requirements", "shortage", "deficit"}


def _quantity_target(token: Token) -> str:
    """'the number of attack drones launched' -> 'attack drones'; 'drone production' stays;
    'demand for interceptors' keeps what the demand is for."""
    if token.lemma_.lower() in QUANTITY_NOUNS:
        obj = _of_object(token)
        if obj is not None:
            return _noun_phrase_of(obj)
    if token.lower_ in NEED_NOUNS or token.lemma_.lower() in NEED_NOUNS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "in", "of"):
                obj = next((o for o in child.children if o.dep_ == "pobj" and o.pos_ in _NOUNS), None)
                if obj is not None:
                    return f"{_noun_phrase_of(token)} {child.text} {_noun_phrase_of(obj)}"
    return _noun_phrase_of(token)


def _share_of(doc: Doc, p: _Phrase, hedge_start: int) -> bool:
    """'90% of the missiles': a percentage followed by 'of' and a noun phrase is a share of what
    that phrase names. 'by 30%' still measures a change ('fell by 30% of …' is rare and a change)."""
    if p.unit != "percent" or p.noun_from is not None or p.end >= len(doc) or doc[p.end].lower_ != "of":
        return False
    if hedge_start > 0 and doc[hedge_start - 1].lower_ == "by":
        return False
    limit = _index(doc).sentence(p.start)[1]
    return _np_span(doc, p.end + 1, limit) is not None


def _change_head(doc: Doc, p: _Phrase, hedge_start: int) -> Token | None:
    """The verb or noun of change the number measures: 'increased by over a third', 'up 30%', 'a 30% rise'."""
    before = doc[hedge_start - 1] if hedge_start > 0 else None
    if before is not None and before.lower_ == "by":
        head = before.head
        if head.lemma_.lower() in CHANGE_VERBS or head.lemma_.lower() in CHANGE_NOUNS:
            return head
        # The parser often hangs "by" off something else; look for a change verb just before.
        for k in range(hedge_start - 2, max(-1, hedge_start - 5), -1):
            if doc[k].lemma_.lower() in CHANGE_VERBS and doc[k].pos_ in ("VERB", "NOUN"):
                return doc[k]
            if doc[k].is_punct:
                break
    if before is not None and before.lower_ in ("up", "down") and p.unit in ("percent", "percentage points"):
        return before
    if p.unit in ("percent", "percentage points") and before is not None and before.lemma_.lower() in CHANGE_VERBS and before.pos_ == "VERB":
        return before  # "grew 30%"
    after = p.noun_from if p.noun_from is not None else p.end
    if after < len(doc) and doc[after].lemma_.lower() in CHANGE_NOUNS and doc[after].pos_ == "NOUN":
        return doc[after]  # "a 30% increase in …", "a sixfold rise in …"
    return None


def _counts(doc: Doc, ctx: ArticleContext, p: _Phrase, noun: tuple[int, int] | None, kind: str,
            change: Token | None) -> str | None:
    """What the number counts, as written; None when nothing countable can be named."""
    if p.kind == "amount":
        return _money_counts(doc, p)
    if p.change_verb:
        verb = doc[p.start]
        target = _change_target(verb)  # "manufacturers tripled their output", "production … doubled"
        if target is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in _NOUNS:
            target = _quantity_target(verb.head)  # "The number of recruits halved", parsed as a modifier
        return target
    if p.compared:
        # "double the number of drones", "double its 2022 output": what follows; "double those in June": the clause's.
        j = p.end
        limit = _index(doc).sentence(p.start)[1]
        while j < limit and (doc[j].pos_ == "DET" or doc[j].tag_ == "PRP$" or re.fullmatch(r"(19|20)\d\d", doc[j].text)):
            j += 1
        span = _np_span(doc, j, limit) if j > p.end else None
        if span is not None and span[0] == j:
            head = doc[span[1] - 1]
            of = _of_object(head) if head.lemma_.lower() in QUANTITY_NOUNS else None
            return _noun_phrase_of(of) if of is not None else _span_text(doc, span)
        return _clause_counts(doc, p, [])
    if change is not None and kind in ("relative change", "ratio"):
        target = _change_target(change)
        if target is not None:
            return target
    if noun is not None:
        head = doc[noun[1] - 1]
        text = _span_text(doc, noun)
        if head.lemma_.lower() in CHANGE_NOUNS:
            obj = next((o for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                        for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return _quantity_target(obj)
        if head.lemma_.lower() in MEASURE_NOUNS:
            obj = _of_object(head)
            if obj is not None:
                return f"{text} of {_noun_phrase_of(obj)}"
        if head.lemma_.lower() in QUANTITY_NOUNS:
            obj = _of_object(head)
            if obj is not None:
                return _noun_phrase_of(obj)
        if head.pos_ == "PROPN" and head.ent_type_ in ("GPE", "PERSON", "NORP", "ORG") and noun[1] - noun[0] == 1:
            return None  # "600 Ukraine": not a counted noun
        return text
    # "increased the production of its howitzers from two to twelve a month": the levels of what changed.
    if p.start > 0 and doc[p.start - 1].lower_ in ("from", "to"):
        verb = _change_verb_of(doc[p.start - 1])
        if verb is not None:
            target = _change_target(verb)
            if target is not None:
                return target
    # No noun after the number: "the death toll reached 12", "the number of attacks rose to 45".
    level = _level_subject(doc, p)
    if level is not None:
        return level
    return _list_label(doc, p)


def _change_target(change: Token) -> str | None:
    """What changed: the object of an active verb, else its subject; 'the number of X' is X."""
    if change.pos_ == "NOUN":
        for c in change.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                for o in c.children:
                    if o.dep_ == "pobj" and o.pos_ in _NOUNS:
                        return _quantity_target(o)
        # "production will reach 1.3 million, a 40% increase": what the clause is about.
        verb = _governor(change)
        if verb == change:
            return None
        deps: tuple[str, ...] = ("nsubjpass", "nsubj")
    else:
        verb = change if change.pos_ in ("VERB", "AUX") else change.head
        deps = ("dobj", "nsubjpass", "nsubj")
    for dep in deps:
        for c in verb.children:
            if c != change and c.dep_ == dep and c.pos_ in _NOUNS and c.lower_ not in _PRONOUNS and c.ent_type_ not in ("GPE", "PERSON", "ORG", "NORP"):
                return _quantity_target(c)
    return None


def _level_subject(doc: Doc, p: _Phrase) -> str | None:
    token = doc[p.end - 1]
    head = token.head
    if head.dep_ == "prep" and head.lower_ in ("to", "at"):
        head = head.head
        if head.pos_ == "VERB":
            for c in head.children:
                if c.dep_ == "dobj" and c.pos_ == "NOUN" and head.lemma_.lower() not in LEVEL_VERBS:
                    return _quantity_target(c)  # "bringing Russia's total losses to about 712,950"
    elif head.dep_ in ("appos", "conj") and head.head.pos_ in ("NUM", "NOUN", "SYM"):
        head = head.head.head  # "… is UAH 2.2 trillion, or about $53 billion"
    if head.pos_ not in ("VERB", "AUX"):
        return None
    if head.lemma_.lower() not in LEVEL_VERBS | CHANGE_VERBS | {"be", "value", "estimate", "cost"}:
        return None
    # A verb without a subject of its own ("… and fell to 60%", or a misparse) shares its head's.
    verbs = [head, head.head] if head.dep_ in ("conj", "advcl", "xcomp") else [head]
    for verb in verbs:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and not p.start <= c.i < p.end:
                return _quantity_target(c) if c.pos_ == "NOUN" else None
    return None


def _brought_to(doc: Doc, p: _Phrase, hedge_start: int) -> str | None:
    """'bringing its total kills since the start of the war to 2,400': what the clause's verb takes
    to the level, when the parse hangs 'to' from another word."""
    if hedge_start < 1 or doc[hedge_start - 1].lower_ != "to":
        return None
    k = hedge_start - 2
    while k >= 0 and doc[k].text not in (",", ";", ":") and hedge_start - k < 15:
        t = doc[k]
        if t.pos_ == "VERB" and t.lemma_.lower() not in LEVEL_VERBS:
            for c in t.children:
                if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < hedge_start:
                    return _quantity_target(c)
            return None
        k -= 1
    return None


#: Words that join the parts of a list label: "warships / boats", "vehicles and fuel tanks".
_LABEL_JOINERS = {"/", "and", "&", ","}


def _list_label(doc: Doc, p: _Phrase) -> str | None:
    """'Tanks – 8,724' and 'personnel: about 700,000': a label then a dash or colon on one line."""
    _, k = _hedge_before(doc, p.start)
    k -= 1
    if k < 1 or doc[k].text not in ("–", "—", "-", ":") or not _joined(doc, k):
        return None
    end = k
    start = end
    while start - 1 >= 0 and _joined(doc, start) and end - start < 6 and (
            doc[start - 1].pos_ in ("NOUN", "ADJ", "PROPN")
            or (doc[start - 1].lower_ in _LABEL_JOINERS and start - 2 >= 0 and doc[start - 2].pos_ in ("NOUN", "ADJ", "PROPN"))):
        start -= 1
    if start == end or doc[end - 1].pos_ not in _NOUNS:
        return None
    if start > 0 and _joined(doc, start) and doc[start - 1].pos_ not in ("PUNCT", "CCONJ"):
        return None  # mid-sentence, not a list label
    return _text(doc)[doc[start].idx : _char_end(doc, end)]


def _money_counts(doc: Doc, p: _Phrase) -> str:
    """A sum of money counts its currency and what it pays for: 'euros in military aid'."""
    currency = CURRENCY_WORDS.get(p.unit or "", p.unit or "money")
    limit = _index(doc).sentence(p.start)[1]
    j = p.end
    if j < limit and doc[j].text == "(":
        close = next((k for k in range(j + 1, min(limit, j + 10)) if doc[k].text == ")"), None)
        if close is not None:
            j = close + 1  # "500 million euros ($520 million) for drones": past the conversion
    if j < limit and doc[j].lower_ in ("in", "of", "for", "on", "worth") and j + 1 < limit:
        span = _np_span(doc, j + 1, limit)
        if span is not None:
            return f"{currency} {doc[j].lower_} {_span_text(doc, span)}"
    span = _np_span(doc, j, limit)
    if span is not None and span[0] == j:
        return f"{_span_text(doc, span)} in {currency}"  # "a €1.4 billion aid package"
    # "a package worth €1.4 billion", "aid of $50 million", "a package valued at …": the noun before.
    _, k = _hedge_before(doc, p.start)
    k -= 1
    if k >= 1 and doc[k].lower_ == "at" and doc[k - 1].lower_ in ("valued", "estimated", "priced"):
        k -= 1
    if k >= 1 and doc[k].lower_ in ("worth", "of", "totaling", "totalling", "valued", "estimated", "priced"):
        before = k - 2 if doc[k - 1].text == "," and k >= 2 else k - 1  # "its aid package, worth DKK 1.3 billion"
        if doc[before].pos_ == "NOUN":
            return f"{_noun_phrase_of(doc[before])} in {currency}"
    # "the defense budget is UAH 2.2 trillion", "the package is valued at $2.3 billion".
    level = _level_subject(doc, p)
    if level is not None:
        return f"{level} in {currency}"
    return currency


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    stop = {"the", "of", "in", "for", "on", "a", "an", "and", "to", "worth"}
    return {_singular(w) for w in words if w not in stop}


def _singular(word: str) -> str:
    for tail, repl in (("ies", "y"), ("ves", "f"), ("ses", "s"), ("s", "")):
        if word.endswith(tail) and len(word) > len(tail) + 2:
            return word[: -len(tail)] + repl
    return word


# --------------------------------------------------------------------------- per, period


def _sentence_bounds(doc: Doc, token: Token) -> tuple[int, int]:
    """The token span [start, end) of token's sentence, cut at line breaks (headlines run on)."""
    sent_start, sent_end = _index(doc).sentence(token.i)
    start = token.i
    while start > sent_start and _joined(doc, start):
        start -= 1
    end = token.i + 1
    while end < sent_end and _joined(doc, end) and doc[end].pos_ != "SPACE":
        end += 1
    return start, end


def _per(doc: Doc, p: _Phrase, noun: tuple[int, int] | None, sent_end: int) -> str | None:
    """'per square kilometer', 'for every square kilometer', 'a day', 'daily' -> the unit."""
    k = noun[1] if noun is not None else p.end
    stop = min(sent_end, k + 10)
    while k < stop:
        t = doc[k]
        w = t.lower_
        if t.is_punct and t.text not in "-‐" or t.like_num:
            break
        if w in RATE_ADVERBS and t.pos_ in ("ADV", "ADJ"):
            return RATE_ADVERBS[w]
        after = None
        if w == "per":
            after = k + 1
        elif w == "for" and k + 1 < stop and doc[k + 1].lower_ in ("every", "each"):
            after = k + 2
        elif w in ("a", "an", "every", "each") and k + 1 < stop and doc[k + 1].lemma_.lower() in TIME_NOUNS:
            return doc[k + 1].lemma_.lower()
        if after is not None:
            span = _np_span(doc, after, sent_end)
            if span is not None:
                return _span_text(doc, span)
        k += 1
    return None


_ORDINAL = re.compile(r"^(?:the\s+)?\d+(?:st|nd|rd|th)$", re.I)
_PERIOD_LEAD = re.compile(r"^(?:(?:in|over|during|within|for|throughout|across|of|on|at)\s+)?(?:(?:just|only|the|a)\s+)*", re.I)


#: "since the start of the full-scale invasion", "since the beginning of the war": a period without a date.
_SINCE_EVENT = re.compile(r"^since\s+the\s+(?:start|beginning|outbreak|launch|onset)\s+of\s+(?:the\s+|this\s+)?[\w-]+(?:\s+[\w-]+){0,2}?"
                          r"(?=\s*(?:$|[,.;:)]|\s(?:to|and|but|while|which|in|on|at|according|when)\b))", re.I)


def _since_period(doc: Doc, p: _Phrase, sent_start: int, sent_end: int) -> str | None:
    """A 'since …' phrase in the number's own clause (no comma between them) that the parse did not
    attach: "lost 500,000 troops killed or wounded since February 2022", "losses since the start of
    the invasion to about 712,950"."""
    left = p.start
    while left > sent_start and doc[left - 1].text not in (",", ";", ":", "—", "–") and p.start - left < 15:
        left -= 1
    right = p.end
    while right < sent_end and doc[right].text not in (",", ";", ":", "—", "–") and right - p.end < 15:
        right += 1
    for k in [*range(p.end, right), *range(left, p.start)]:
        if doc[k].lower_ != "since" or k + 1 >= sent_end:
            continue
        ent = _index(doc).entity_at(k + 1)
        if ent is not None and ent.label_ == "DATE" and ent.start == k + 1 and not _ORDINAL.match(ent.text):
            return "since " + _PERIOD_LEAD.sub("", ent.text)
        m = _SINCE_EVENT.match(_text(doc)[doc[k].idx : _char_end(doc, right if k >= p.end else p.start)])
        if m:
            return m.group(0)
    return None


def _governor(token: Token) -> Token:
    """The verb a token's clause hangs from (its own token when there is none)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head != node:
        node = node.head
    return node


def _period(doc: Doc, p: _Phrase, noun: tuple[int, int] | None, sent_start: int, sent_end: int) -> str | None:
    """The time phrase the number is stated for: 'two months', 'past day', 'since February 2022'."""
    anchor_tok = doc[noun[1] - 1] if noun is not None else doc[p.end - 1]
    verb = _governor(anchor_tok)
    verbs = {verb, *(c for c in verb.children if c.dep_ == "conj")}
    if verb.dep_ == "conj":
        verbs.add(verb.head)
    best: Span | None = None
    for ent in _index(doc).entities_in(sent_start, sent_end):
        if ent.label_ not in ("DATE", "TIME") or ent.start < sent_start or ent.end > sent_end:
            continue
        if ent.start <= p.start < ent.end or _ORDINAL.match(ent.text):
            continue
        if _governor(ent.root) in verbs or _governor(ent.root) == _governor(doc[p.start]) or ent.root.head == anchor_tok:
            if best is None or abs(ent.start - p.start) < abs(best.start - p.start):
                best = ent
    night = next((t for t in doc[sent_start:sent_end] if t.lower_ in NIGHT_WORDS and _governor(t) in verbs), None)
    if best is None:
        if night is not None:
            return night.lower_  # "launched 143 drones overnight": the tagger gives no date
        return _since_period(doc, p, sent_start, sent_end)
    text = best.text
    if _ORDINAL.match(text):
        return None  # "its 22nd aid package": the tagger's DATE, an ordinal
    lead = best.start - 1
    if lead >= 0 and doc[lead].lower_ == "since":
        return "since " + _PERIOD_LEAD.sub("", text)
    text = _PERIOD_LEAD.sub("", text).strip()
    if night is not None and night.i < best.start and best.start - night.i <= 2:
        return f"{night.lower_} {doc[night.i + 1 : best.start].text} {text}".replace("  ", " ")  # "overnight on Feb. 13"
    return text or None


# --------------------------------------------------------------------------- subject and claimant


def _country_key(ctx: ArticleContext, token: Token) -> str | None:
    """The country a name or nationality adjective names, registered in the context."""
    span = _entity_span(token)
    name = span.text if span is not None and span.label_ == "GPE" else token.text
    if ctx.gazetteer.lookup(name, "Country"):
        start, end = (span.start_char, span.end_char) if span is not None and span.label_ == "GPE" else (
            token.idx, token.idx + len(token.text))
        return register_country(ctx, name, start, end)
    # "Russian forces": the country, if the article names it (an adjective alone adds no entity).
    country = demonyms().get(token.lower_)
    return ctx.resolve(country, "Country") if country is not None else None


def _entity_span(token: Token) -> Span | None:
    return _index(token.doc).entity_at(token.i)


def _subject(doc: Doc, ctx: ArticleContext, p: _Phrase, noun: tuple[int, int] | None) -> str | None:
    """Who did the counted thing: the subject of the clause, or its possessor ('Ukraine's forces')."""
    token = doc[noun[1] - 1] if noun is not None else doc[p.start]
    verb = _governor(token)
    candidates = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not candidates and verb.dep_ in ("conj", "xcomp") and verb.head != verb:
        candidates = [c for c in verb.head.children if c.dep_ == "nsubj"]
    for subj in candidates:
        if subj.lower_ in _PRONOUNS:
            return _last_country_before(doc, ctx, subj)
        key = _country_key(ctx, subj)
        if key is not None:
            return key
        for c in subj.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                key = _country_key(ctx, c)
                if key is not None:
                    return key
    return None


def _last_country_before(doc: Doc, ctx: ArticleContext, token: Token) -> str | None:
    """'it'/'they' refer back to the last country that was a subject in the same paragraph."""
    line_start = _text(doc).rfind("\n", 0, token.idx) + 1
    for t in reversed(doc[: token.i]):
        if t.idx < line_start:
            break
        if t.dep_ == "nsubj" and t.ent_type_ == "GPE":
            return _country_key(ctx, t)
    return None


def _claimant(doc: Doc, ctx: ArticleContext, offset: int) -> str | None:
    """Who claims the number: the speaker of the quote or reported clause it stands in,
    else the person of a verb of saying in its sentence, else (reported speech running on)
    the one who claimed the sentence before it in the same paragraph."""
    speaker = ctx.speaker_at(offset)
    if speaker is not None:
        return speaker
    token = _token_at(doc, offset)
    start, end = _sentence_bounds(doc, token)
    found = _sayer(doc, ctx, start, end)
    if found is not None:
        return found
    if _attributed(doc, start, end):
        return None  # "…, the General Staff reported": said by someone who is not a person
    if start > 0 and _joined(doc, start) and doc[start].lower_ not in ('"', "“"):
        prev = doc[start - 1]
        if prev.pos_ != "SPACE":
            p_start, p_end = _sentence_bounds(doc, prev)
            return ctx.speaker_at(doc[p_start].idx) or _sayer(doc, ctx, p_start, p_end, reported_only=True)
    return None


def _token_at(doc: Doc, offset: int) -> Token:
    return doc[_index(doc).token_at(offset)]


def _sayer(doc: Doc, ctx: ArticleContext, start: int, end: int, reported_only: bool = False) -> str | None:
    """Who speaks through a verb of saying in tokens [start, end): 'X said', 'X stated that', 'according to X'.

    A person is preferred; an organization named as the speaker is taken when no person is.
    """
    for t in doc[start:end]:
        people: list[Token] = []
        if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS:
            if reported_only and not any(c.dep_ == "ccomp" for c in t.children):
                continue
            people = [c for c in t.children if c.dep_ == "nsubj"]
        elif t.lower_ == "according" and t.i + 1 < end and doc[t.i + 1].lower_ == "to":
            people = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
        people += [a for person in people for a in person.children if a.dep_ == "appos"]
        for person in people:
            key = _person_key(doc, ctx, person)
            if key is not None:
                return key
        # "the General Staff said", "according to the Ministry of Defence": an organization speaks.
        for sayer in people:
            key = _organization_key(ctx, sayer)
            if key is not None:
                return key
        if not people and t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS:
            key = _name_before(doc, ctx, t.i, start)
            if key is not None:
                return key
    return None


def _name_before(doc: Doc, ctx: ArticleContext, i: int, start: int) -> str | None:
    """A person named right before a verb the parser gave no subject: "…, Oleksandr Petrenko, said"."""
    k = i - 1
    if k >= start and doc[k].text == ",":
        k -= 1
    end = k + 1
    while k >= start and end - k <= 4 and doc[k].is_alpha and doc[k].text[:1].isupper():
        k -= 1
    for first in range(k + 1, end):
        key = _cached_person(doc, ctx, doc[first:end].text)
        if key is not None:
            return key
    return None


def _cached_person(doc: Doc, ctx: ArticleContext, name: str) -> str | None:
    cache = _index(doc).persons
    if name not in cache:
        cache[name] = ctx.resolve(name, "Person")
    return cache[name]


def _attributed(doc: Doc, start: int, end: int) -> bool:
    """True when tokens [start, end) say who says them: a verb of saying with a subject, or 'according to'."""
    for t in doc[start:end]:
        if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return True
        if t.lower_ == "according" and t.i + 1 < end and doc[t.i + 1].lower_ == "to":
            return True
    return False


def _person_key(doc: Doc, ctx: ArticleContext, token: Token) -> str | None:
    if token.lower_ in PERSON_PRONOUNS or (token.lower_ in OBJECT_PRONOUNS and token.dep_ == "pobj"):
        # "he said", "according to him": the person named last before
        return _last_person_before(ctx, token.idx)
    span = _entity_span(token)
    names = [span.text] if span is not None and span.label_ == "PERSON" else []
    subtree = doc[token.left_edge.i : token.i + 1]
    names += [subtree.text, token.text]
    for name in names:
        key = _cached_person(doc, ctx, name)
        if key is not None:
            return key
    return None


def _organization_key(ctx: ArticleContext, token: Token) -> str | None:
    """The registered organization whose mention is this noun phrase's head: 'Ukraine's General Staff'."""
    right = token.right_edge
    start, end = token.left_edge.idx, right.idx + len(right)
    for m_start, m_end, key in reversed(ctx.mentions(start, end, ("Organization",))):
        if m_start <= token.idx < m_end:
            return key
    return None


def _last_person_before(ctx: ArticleContext, offset: int) -> str | None:
    best: tuple[int, str] | None = None
    for entity in ctx.entities.values():
        if entity.kind != "Person":
            continue
        for m in entity.mentions:
            if m.start < offset and (best is None or m.start > best[0]):
                best = (m.start, entity.key)
    return best[1] if best else None


# --------------------------------------------------------------------------- one fact, many mentions


def _compatible(a: _Mention, b: _Mention) -> bool:
    sa, sb = a.stat, b.stat
    if abs(float(sa.value) - float(sb.value)) > 1e-9 * max(1.0, abs(float(sa.value))):
        return False
    if (sa.kind == "relative change") != (sb.kind == "relative change") or (sa.unit or "") != (sb.unit or ""):
        return False
    if not a.head_words & b.head_words:
        return False
    for attr in ("claimed_by", "subject"):
        x, y = getattr(sa, attr), getattr(sb, attr)
        if x is not None and y is not None and x != y:
            return False  # the same figure said by two people, or about two countries, is two facts
    for attr in ("period", "subject"):
        x, y = getattr(sa, attr), getattr(sb, attr)
        if x is not None and y is not None and x != y and attr == "period" and not (_content_words(x) & _content_words(y)):
            return False
    return True


def _same_number(a: Statistic, b: Statistic) -> bool:
    return (abs(float(a.value) - float(b.value)) <= 1e-9 * max(1.0, abs(float(a.value)))
            and a.kind == b.kind and (a.unit or "") == (b.unit or ""))


def _merge_headline_groups(groups: list[list[_Mention]]) -> list[list[_Mention]]:
    """A headline number with its own wording ('lost 600,000 soldiers' over a body's '600,000
    casualties') is the body's fact when exactly one body fact has that number."""
    out = [g for g in groups if not all(m.in_headline for m in g)]
    for group in groups:
        if not all(m.in_headline for m in group):
            continue
        same = [g for g in out if not all(m.in_headline for m in g) and _same_number(g[0].stat, group[0].stat)]
        if len(same) == 1:
            same[0].extend(group)
        else:
            out.append(group)
    return sorted(out, key=lambda g: min(m.offset for m in g))


def _merge(mentions: list[_Mention], ctx: ArticleContext) -> list[Statistic]:
    groups: list[list[_Mention]] = []
    for m in mentions:
        for group in groups:
            if any(_compatible(m, other) for other in group):
                group.append(m)
                break
        else:
            groups.append([m])
    groups = _merge_headline_groups(groups)
    out: list[Statistic] = []
    for group in groups:
        # The body's fullest description wins (a headline compresses: "next year" for "in 2025"),
        # then the first; what it lacks is filled in from the other mentions, the headline's too.
        best = max(group, key=lambda m: (not m.in_headline, m.richness, -m.offset))
        stat = best.stat
        for attr in ("qualifier", "per", "period", "subject", "claimed_by", "upper"):
            if getattr(stat, attr) is None:
                for m in sorted(group, key=lambda m: m.offset):
                    if getattr(m.stat, attr) is not None:
                        setattr(stat, attr, getattr(m.stat, attr))
                        break
        anchors = sorted({(a.start, a.end): a for m in group for a in m.stat.anchors}.values(), key=lambda a: a.start)
        stat.anchors = anchors
        stat.claimed_by = ctx.current_key(stat.claimed_by)
        stat.subject = ctx.current_key(stat.subject)
        out.append(stat)
    out.sort(key=lambda s: s.anchors[0].start)
    return out
