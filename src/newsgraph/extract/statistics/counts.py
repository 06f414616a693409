"""What a number counts ("600 of the drones", "euros in military aid", "the number of attacks
rose to 45": attacks), and what it is counted per ("per square kilometer", "a day", "daily").
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newsgraph.extract.context import ArticleContext
from newsgraph.extract.lexicon import SPEECH_VERBS
from newsgraph.extract.statistics import values as num
from newsgraph.extract.statistics.document import (
    NOUNS,
    PRONOUNS,
    char_end,
    common_noun,
    doc_text,
    governor,
    index,
    joined,
    sentence_bounds,
    span_text,
)
from newsgraph.extract.statistics.numbers import (
    CHANGE_VERBS,
    MEASURE_UNITS,
    PERCENT_WORDS,
    SPREAD_WORDS as _SPREAD_WORDS,
    TIME_NOUNS,
    WHEN_WORDS,
    Phrase,
    cardinal_run,
    change_verb_of,
)
from newsgraph.extract.statistics.qualifiers import HEDGES, ORDINAL, hedge_before
from newsgraph.text import line_start, trimmed_end, word_map, word_set

if TYPE_CHECKING:
    from newsgraph.extract.statistics.facts import Mention


# --------------------------------------------------------------------------- word lists

#: Nouns of change: "a 30% rise in …".
CHANGE_NOUNS = word_set("change-nouns.txt")

#: "the death toll rose to 45": these verbs make the number a level, not a change.
LEVEL_VERBS = word_set("level-verbs.txt")

#: Verbs that compare by a difference given with 'by': "women outnumber men by 14 lakh".
COMPARISON_VERBS = word_set("comparison-verbs.txt")

#: Nouns a speaker counts to organise talk ("two things, mainly"): no statistic counts them.
DISCOURSE_NOUNS = word_set("discourse-nouns.txt")

#: Words for "how much of": the number of X, the volume of X, the share of X.
QUANTITY_NOUNS = word_set("quantity-nouns.txt")

#: Verbs of forecasting: their (active) subject is who forecasts, not what is counted.
FORECAST_VERBS = word_set("forecast-verbs.txt")

#: Verbs by which a subject takes a share: "his rival took 38%".
TAKING_VERBS = word_set("taking-verbs.txt")

#: Verbs by which money is handed over, set aside or used: "contribute EUR 20 million".
MONEY_VERBS = word_set("money-verbs.txt")

#: Verbs whose subject is a figure's source: "ONPE data showed", "the survey found".
SOURCE_VERBS = word_set("source-verbs.txt")

#: Nouns of forecasting: "a projection of 3.5%" projects what was named before.
FORECAST_NOUNS = word_set("forecast-nouns.txt")

#: Nouns that measure something named after "of": "1,000 square kilometers of territory".
MEASURE_NOUNS = word_set("measure-nouns.txt")

#: Nouns named together with what they are for: "demand for interceptors", "needs in air defence".
NEED_NOUNS = word_set("need-nouns.txt")

#: Nouns of people ("officials", "analysts"): not what a plural pronoun's change is of.
HUMAN_NOUNS = word_set("human-nouns.txt")

#: Verbs by which a plan or an appeal asks for a sum: "the appeal seeks $44 billion".
NEED_VERBS = word_set("need-verbs.txt")

#: Adverbs and nouns that give a rate: "daily" is per day.
RATE_ADVERBS = word_map("rate-words.tsv", "written", "per")

#: How the counted thing of a sum of money is named: the currency in words.
CURRENCY_WORDS = word_map("currency-names.tsv", "code", "name")

#: Hedges of one word: "the roughly 27 million voters".
_ONE_WORD_HEDGES = {words[0] for words, _ in HEDGES if len(words) == 1}

_MODEL_NAME = re.compile(r"^[A-Za-z][\w.]*-[\w.-]*\d[\w.-]*$")

#: A model designator mixing digits and letters: "2A6", "1A5", "M1A2", "CV90".
_DESIGNATOR = re.compile(r"^(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9][\w-]*$")

#: A year: "growth in 2026" names when, not what grew.
_YEAR = re.compile(r"(1[89]|20|21)\d\d")


def _figure(doc: Doc, p: Phrase) -> Token:
    """The token of the number phrase the parse attaches to the rest of its clause: its last
    token, unless that hangs inside the phrase ("61.8 per cent": the figure, which 'per cent'
    modifies, is what the verb takes)."""
    last = doc[p.end - 1]
    if not p.start <= last.head.i < p.end or last.head == last:
        return last
    for t in doc[p.start : p.end]:
        if not p.start <= t.head.i < p.end or t.head == t:
            return t
    return last


# --------------------------------------------------------------------------- the noun phrase a number counts


def _np_span(doc: Doc, j: int, limit: int, determiners: bool = True) -> tuple[int, int] | None:
    """The noun phrase written from token j: modifiers and a noun head, as [start, end).
    With `determiners`, leading 'the', 'its', "Russia's" are skipped ("of the drones")."""
    while determiners and j < limit and (doc[j].pos_ == "DET" or doc[j].dep_ in ("poss", "case") or doc[j].tag_ == "PRP$"):
        j += 1
    if determiners:
        # "the Coast Guard's new icebreakers": the possessor is a determiner too
        k = j
        while k < min(limit, j + 5) and doc[k].pos_ in NOUNS and joined(doc, k):
            k += 1
        if k > j and k < limit and doc[k].dep_ == "case" and doc[k].lower_ in ("'s", "’s", "'", "’"):
            j = k + 1
    k = j
    last_noun = None
    while k < limit:
        t = doc[k]
        if t.pos_ == "SPACE" or (k > j and not joined(doc, k)):
            break
        ok = t.pos_ in NOUNS or t.pos_ == "ADJ" or (t.pos_ == "VERB" and t.tag_ in ("VBN", "VBG") and t.dep_ in ("amod", "compound")) or (
            t.tag_ == "VBN" and t.dep_ == "conj" and k > j and doc[k - 1].lower_ in ("and", "or")) or (
            t.text in "-‐" and not t.whitespace_ and k > j and not doc[k - 1].whitespace_)
        if t.lower_ in ("more", "less", "fewer", "than", "per", "times") or (t.like_num and num.is_number_word(t.lower_)) \
                or t.lower_ in num.VAGUE_PLURALS:
            ok = False  # (an ordinal is a modifier: "first-time voters")
        if t.text[:1].isdigit() and k + 2 < limit and doc[k + 1].text in "-‐" and not t.whitespace_ \
                and not doc[k + 1].whitespace_ and doc[k + 2].is_alpha and doc[k + 2].is_lower:
            ok = True  # "five 97-metre patrol vessels": a measure among the modifiers
        if t.pos_ == "ADV" and t.is_alpha and k + 2 < limit and doc[k + 1].text in "-‐" and not t.whitespace_ \
                and not doc[k + 1].whitespace_ and doc[k + 2].tag_ in ("JJ", "VBN", "VBG"):
            ok = True  # "15 remote-controlled machines", "40 long-awaited trucks": the first half of a hyphened modifier
        if t.pos_ == "ADV" and k + 1 < limit and doc[k + 1].pos_ in ("ADJ", "VERB") and doc[k + 1].tag_ in ("JJ", "VBN", "JJS") \
                and (t.lower_.endswith("ly") or t.lower_ in ("least", "most")):
            ok = True  # "internally displaced people", "least developed countries"
        if (t.like_num or _DESIGNATOR.match(t.text)) and k > j and (doc[k - 1].is_title or doc[k - 1].is_upper) \
                and k + 1 < limit and doc[k + 1].pos_ in NOUNS:
            ok = True  # "Leopard 2 tanks", "Leopard 2A6 tanks": a model number inside the name of what is counted
        if _MODEL_NAME.match(t.text) and k + 1 < limit and doc[k + 1].pos_ in NOUNS:
            ok = True  # "Geran-2 drones", whatever the tagger made of "Geran-2"
        if t.pos_ == "PROPN" and k > j and t.ent_type_ in ("GPE", "PERSON") and doc[k - 1].pos_ in NOUNS and doc[k - 1].ent_type_ != t.ent_type_:
            ok = False  # "drones Russia launched": a new clause, not the noun phrase
        if k > j and t.ent_type_ in ("DATE", "TIME") and doc[k - 1].ent_type_ not in ("DATE", "TIME"):
            ok = False  # "shells next year": the date is not part of what is counted
        if t.lower_ in ("and", "or") and k > j and _joined_modifiers(doc, k, limit):
            k += 1  # "148,000 confirmed and probable cases": both modify the noun counted
            continue
        if not ok:
            break
        if t.pos_ in NOUNS or (t.pos_ == "ADJ" and t.dep_ == "pobj"):
            last_noun = k  # (an adjective the parse makes a preposition's object is used as a noun: "12 GW of solar")
        k += 1
    if last_noun is None:
        return None
    return j, last_noun + 1


def _joined_modifiers(doc: Doc, k: int, limit: int) -> bool:
    """True when the 'and'/'or' at k joins two modifiers of one noun: 'confirmed and probable
    cases', 'piracy and armed robbery incidents' (not 'tanks and armoured vehicles', two things,
    nor '28 long-term and 300 short-term observers', two numbers)."""
    before = doc[k - 1]
    if not joined(doc, k) or not (before.pos_ == "ADJ" or before.tag_ in ("VBN", "NN")):
        return False
    m = k + 1
    while m < limit and joined(doc, m) and (doc[m].pos_ in ("ADJ", "NOUN") or doc[m].tag_ == "VBN") and not doc[m].like_num:
        m += 1
    last = doc[m - 1]
    if m == k + 1 or last.pos_ != "NOUN":
        return False
    return before.tag_ != "NN" or last.tag_ == "NNS"  # "piracy and … incidents": the singular one modifies


def _shared_head(doc: Doc, span: tuple[int, int], limit: int) -> int | None:
    """'28 long-term and around 300 short-term observers': the noun both numbers count, written
    once at the end, when the span after the first number is the second's modifiers alone."""
    k = span[1]
    if k >= limit or doc[k].lower_ not in ("and", "or"):
        return None
    k += 1
    if k < limit and doc[k].lower_ in _ONE_WORD_HEDGES:
        k += 1
    run = cardinal_run(doc, k) if k < limit else None
    other = _np_span(doc, run[0], limit, determiners=False) if run is not None else None
    if other is None or other[0] != run[0] or other[1] - other[0] != span[1] - span[0] + 1:
        return None
    if doc[span[1] - 1].lower_ != doc[other[1] - 2].lower_:
        return None  # the last modifiers must match: "long-term" / "short-term"
    return other[1] - 1


def _modifier_before_shared_noun(doc: Doc, j: int, limit: int) -> tuple[int, int] | None:
    """'14 confirmed and 3 probable cases': one modifier after the first number, 'and'/'or', a second
    number with one modifier and the noun both count; the span from the first modifier to that noun
    (`counted_thing` names it "confirmed cases"). None when the words after token j are not so."""
    if j + 4 >= limit or not (doc[j].pos_ == "ADJ" or doc[j].tag_ == "VBN") or doc[j + 1].lower_ not in ("and", "or"):
        return None
    k = j + 2
    if doc[k].lower_ in _ONE_WORD_HEDGES:
        k += 1
    run = cardinal_run(doc, k)
    if run is None or run[0] + 1 >= limit:
        return None
    end = run[0]
    if not (doc[end].pos_ == "ADJ" or doc[end].tag_ == "VBN") or doc[end + 1].pos_ != "NOUN" or doc[end + 1].tag_ != "NNS":
        return None
    return j, end + 2


def _on_itself(doc: Doc, k: int) -> bool:
    """True when token k starts 'year on year', 'month-on-month', 'year over year'."""
    j = k + 1
    if j < len(doc) and doc[j].text in "-‐":
        j += 1
    if j + 1 >= len(doc) or doc[j].lower_ not in ("on", "over"):
        return False
    j += 1
    if doc[j].text in "-‐" and j + 1 < len(doc):
        j += 1
    return doc[j].lemma_.lower() == doc[k].lemma_.lower() and doc[k].lemma_.lower() in TIME_NOUNS


def _past_possessor(doc: Doc, k: int, limit: int) -> int:
    """Past a possessor written before a whole's number: "the country's 18 states", "the alliance's
    32 members", "Nato's 32 allies" (k itself when none is written there)."""
    m = k
    while m < min(limit, k + 4) and doc[m].pos_ in NOUNS and joined(doc, m):
        m += 1
    if k < m < limit - 1 and doc[m].dep_ == "case" and doc[m].lower_ in ("'s", "’s", "'", "’") and doc[m + 1].like_num:
        return m + 1
    return k


def _past_hedge(doc: Doc, k: int, limit: int) -> int:
    """Past a hedge written at k before a number: "roughly", "at least", "more than"."""
    for pattern, _ in HEDGES:
        n = len(pattern)
        if k + n < limit and tuple(t.lower_ for t in doc[k : k + n]) == pattern:
            return k + n
    return k


#: Quotation marks around a counted noun the article quotes: 60 "suspicious activities".
_OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})


#: Words before a whole's number that say which ones it is: "60 of the first 220 missiles".
_WHICH_ONES = frozenset({"first", "last", "next", "remaining", "initial", "final", "other", "original"})


def counted_span(doc: Doc, p: Phrase) -> tuple[int, int] | None:
    """The noun phrase the number counts, if it is written right after the number."""
    limit = index(doc).sentence(p.start)[1]
    j = p.noun_from if p.noun_from is not None else p.end
    partitive = j > 0 and doc[j - 1].lower_ == "of"
    whole_counted = False  # "38 of 42 drones": the noun comes after the whole's number
    if p.noun_from is None and j < limit and doc[j].lower_ == "of" and (p.kind == "ratio" or p.value >= 1):
        j += 1  # "600 of the drones", "30% of the shells"
        partitive = True
        k = j + 1 if j < limit and (doc[j].pos_ == "DET" or doc[j].tag_ == "PRP$") else j
        k = _past_possessor(doc, k, limit)  # "14 of the country's 18 states"
        k = _past_hedge(doc, k, limit)  # "78% of the roughly 27 million voters", "58 of the at least 101 seats"
        if k + 1 < limit and doc[k].lower_ in _WHICH_ONES and cardinal_run(doc, k + 1) is not None:
            k += 1  # "at least 60 of the first 220 missiles": which of them the whole is
        run = cardinal_run(doc, k) if k < limit else None
        if run is not None:
            j = run[0]  # "38 of 42 drones", "two of the four tanks"
            whole_counted = True
    if p.kind == "amount":
        return None  # money: what it buys is found by `_money_counts`
    if p.measure is not None and doc[p.end - 1].text.endswith("."):
        return None  # "took 850,000 t. India's imports …": the unit's period ends the sentence
    if p.multiplier and j > 0 and doc[j - 1].lower_ in ("as", "than"):
        return None  # "three times as many as Ukrainian units": the units are compared with, not counted
    if partitive and j + 1 < limit and doc[j].lower_ == "them" and doc[j + 1].pos_ == "NOUN" and doc[j + 1].tag_ == "NNS":
        span = _np_span(doc, j + 1, limit, determiners=False)
        if span is not None and span[0] == j + 1:
            return span  # "arrested 140 people, 30 of them minors": what those are
    if j < limit and doc[j].pos_ == "PRON" and doc[j].dep_ != "poss" and doc[j].tag_ != "PRP$":
        return None  # "a third of them": what they are is found from the clause (but "30% of its GDP" counts)
    if p.plain and j < limit and doc[j].lower_ in ("more", "additional", "extra", "new", "fewer"):
        j += 1  # "seven more Patriot systems"
    if p.plain and not partitive and j == p.end and j < limit and doc[j].lower_ == "times" \
            and (j + 1 >= limit or doc[j + 1].lower_ not in ("as", "more", "fewer", "less", "higher", "greater", "the")):
        return j, j + 1  # "closed the airport six times": how often
    if not partitive and j == p.end and j + 2 < limit and doc[j].text in _OPENING_QUOTES and doc[j].whitespace_ == "" \
            and doc[j + 1].pos_ in ("NOUN", "ADJ", "PROPN") and any(t.text in _CLOSING_QUOTES for t in doc[j + 2 : min(limit, j + 7)]):
        j += 1  # 'more than 60 "suspicious activities"': the counted noun in the article's quotation marks
    span = _np_span(doc, j, limit, determiners=partitive)
    if span is None and not partitive:
        span = _modifier_before_shared_noun(doc, j, limit)  # "14 confirmed and 3 probable cases"
    if span is None:
        return None
    if not partitive and doc[span[0]].ent_type_ in ("DATE", "TIME") and (not p.plain or doc[span[0]].lower_ in WHEN_WORDS):
        return None  # "5 pct next year", "numbered 61 last year", "12 today": when, not what
    if _on_itself(doc, span[1] - 1):
        return None  # "fell 3% month-on-month": the basis of the change
    shared = _shared_head(doc, span, limit)
    if shared is not None:
        return span[0], shared + 1  # up to the noun both numbers count (`counted_thing` names it)

    head = doc[p.end - 1].head
    if doc[p.end - 1].dep_ == "nummod" and not p.hyphened and span[0] <= head.i < span[1] - 1 and head.pos_ in NOUNS \
            and head.dep_ != "compound" and not (doc[head.i + 1].like_num or _DESIGNATOR.match(doc[head.i + 1].text)) \
            and doc[head.i + 1].lower_ not in ("and", "or"):
        span = (span[0], head.i + 1)  # "12 tanks Russian forces lost": the noun the number counts ends it
    # The head of the counted phrase must be a noun the number attaches to, or directly follow.
    if span[0] - p.end > (8 if partitive else 4) and not whole_counted:
        return None  # (a partitive may name its whole's owner first: "two of the Coast Guard's new icebreakers")
    return span


def _noun_phrase_of(token: Token) -> str:
    """The written phrase of a noun with its left modifiers: 'Lancet drones', 'drone production'
    (not a figure before it: 'growth' of '1.4% growth')."""
    left = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "nummod") and c.pos_ != "NUM"
            and not ORDINAL.match(c.text) and not _is_figure(c) and c.tag_ not in ("VBZ", "VBD", "VBP")]
    start = min([token.i, *(c.left_edge.i for c in left)])
    doc = token.doc
    end = token
    per = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "per" and c.i == token.i + 1), None)
    if per is not None and per.right_edge.i - per.i <= 3 and all(t.is_alpha for t in doc[per.i : per.right_edge.i + 1]):
        end = per.right_edge  # "GDP per head": what a figure of it measures
    return doc_text(doc)[doc[start].idx : end.idx + len(end.text)]


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in NOUNS and not _is_figure(obj) and not _a_holder(obj):
                    return obj
    return None


def _a_holder(token: Token) -> bool:
    """'the rate of the State', 'the share of Kenya': whose measure it is, not what it measures."""
    return token.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "PERSON") or (
        token.pos_ == "PROPN" and token.is_title and not any(c.dep_ == "compound" for c in token.children)
        and any(c.lower_ == "the" for c in token.children))


def _is_figure(token: Token) -> bool:
    """'%', 'pct', '41pc', a number: part of a figure, never what a figure counts."""
    return token.lower_ in PERCENT_WORDS or token.like_num or num.split_glued(token.text) is not None \
        or (token.lower_ == "cent" and token.i > 0 and token.doc[token.i - 1].lower_ == "per")


#: Nouns of a figure made of others: "the average of the two gauges", "the total of state and federal aid".
_AGGREGATE_NOUNS = {"average", "mean", "median", "total", "sum"}


def _quantity_target(token: Token) -> str:
    """'the number of attack drones launched' -> 'attack drones'; 'drone production' stays;
    'demand for interceptors' keeps what the demand is for; 'growth in regular earnings' keeps
    what grows."""
    if token.lemma_.lower() in CHANGE_NOUNS:
        obj = next((o for c in token.rights if c.dep_ == "prep" and c.lower_ in ("in", "of")
                    for o in c.children if o.dep_ == "pobj" and o.pos_ in NOUNS and not _is_when(o) and not _is_figure(o)), None)
        if obj is not None:
            return f"{_noun_phrase_of(token)} in {_noun_phrase_of(obj)}"
    if token.lemma_.lower() in QUANTITY_NOUNS:
        obj = _of_object(token)
        if obj is not None:
            return _noun_phrase_of(obj)
    if token.lemma_.lower() in MEASURE_NOUNS:
        obj = _of_object(token)
        if obj is not None:
            return f"{_noun_phrase_of(token)} of {_noun_phrase_of(obj)}"  # "tonnes of carbon dioxide"
    if token.lemma_.lower() in _AGGREGATE_NOUNS:
        obj = _of_object(token)
        if obj is not None:
            return f"{token.lower_} of {_noun_phrase_of(obj)}"  # "the average of the two gauges was 3.1%"
    if token.lemma_.lower() in FORECAST_NOUNS:
        # "raised its forecast for inflation to 4%", "the outlook for growth": what is forecast
        obj = next((o for c in token.rights if c.dep_ == "prep" and c.lower_ in ("for", "of")
                    for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and not _is_when(o) and not _is_figure(o)), None)
        if obj is not None:
            return f"{_noun_phrase_of(token)} for {_noun_phrase_of(obj)}"
    if token.lower_ in NEED_NOUNS or token.lemma_.lower() in NEED_NOUNS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "in", "of"):
                obj = next((o for o in child.children if o.dep_ == "pobj" and o.pos_ in NOUNS and not _is_figure(o)), None)
                if obj is not None:
                    return f"{_noun_phrase_of(token)} {child.text} {_noun_phrase_of(obj)}"
    return _noun_phrase_of(token)


# --------------------------------------------------------------------------- changes


def share_of(doc: Doc, p: Phrase, hedge_start: int) -> bool:
    """'90% of the missiles': a percentage followed by 'of' and a noun phrase is a share of what
    that phrase names. 'by 30%' still measures a change ('fell by 30% of …' is rare and a change)."""
    if p.unit != "percent" or p.noun_from is not None or p.end >= len(doc) or doc[p.end].lower_ != "of":
        return False
    if hedge_start > 0 and doc[hedge_start - 1].lower_ == "by":
        return False
    limit = index(doc).sentence(p.start)[1]
    return _np_span(doc, p.end + 1, limit) is not None


def change_head(doc: Doc, p: Phrase, hedge_start: int) -> Token | None:
    """The verb or noun of change the number measures: 'increased by over a third', 'up 30%', 'a 30% rise'."""
    before = doc[hedge_start - 1] if hedge_start > 0 else None
    if before is not None and before.lower_ == "by":
        head = before.head
        if head.lemma_.lower() in CHANGE_VERBS or head.lemma_.lower() in CHANGE_NOUNS or head.lemma_.lower() in COMPARISON_VERBS:
            return head
        if hedge_start >= 2 and doc[hedge_start - 2].lower_ in ("up", "down") and p.unit in ("percent", "percentage points"):
            return doc[hedge_start - 2]  # "…, up by 9pc on the year": as "up 9pc"
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
        if p.unit is None and not p.multiplier and doc[after].tag_ == "NNS":
            return None  # "two cuts of 25 basis points", "three increases": changes counted, not a change's size
        return doc[after]  # "a 30% increase in …", "a sixfold rise in …"
    return None


def _change_target(change: Token) -> str | None:
    """What changed: the object of an active verb, else its subject; 'the number of X' is X."""
    before = change.doc[change.i - 1] if change.i > 0 else None
    if change.lower_ in ("up", "down") and before is not None and before.pos_ == "NOUN" and _names_a_thing(before) \
            and not _is_when(before):
        return _quantity_target(before)  # "Unemployment at 4.2%, wages up 3%": a headline's change, no verb
    if change.pos_ == "NOUN":
        for c in change.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                for o in c.children:
                    if o.dep_ == "pobj" and o.pos_ in NOUNS and not _is_when(o) and not _is_figure(o):
                        return _quantity_target(o)
        if change.dep_ == "pobj":
            return _noun_phrase_of(change)  # "a forecast of 1.4% growth in 2026": the growth (2026 is when)
        # "production will reach 1.3 million, a 40% increase": what the clause is about.
        verb = governor(change)
        if verb == change:
            return None
        if verb.lemma_.lower() in FORECAST_VERBS or verb.lemma_.lower() in SPEECH_VERBS:
            return _noun_phrase_of(change)  # "analysts had expected a 0.3% rise": who expects is not what rises
        deps: tuple[str, ...] = ("nsubjpass", "nsubj")
    else:
        verb = change if change.pos_ in ("VERB", "AUX") else change.head
        # "women outnumber men by 14 lakh": the difference is of what compares, its subject
        deps = ("nsubj", "nsubjpass", "dobj") if verb.lemma_.lower() in COMPARISON_VERBS else ("dobj", "nsubjpass", "nsubj")
    for dep in deps:
        for c in reversed(list(verb.children)):  # (the nearest: not a label before a colon, "X's note: volume is …")
            if dep == "nsubj" and c.dep_ in ("nsubj", "csubj") and c.tag_ == "VBG":
                activity = _activity(c)
                if activity is not None:
                    return activity  # "Lending to manufacturing rose 7.4 per cent"
            if c.dep_ != dep:
                continue
            if dep != "dobj":
                c = _antecedent_of_relative(c)  # "wages, which rose 6.8%": the wages
            if dep == "dobj" and _second_object(c):
                continue  # "cut its rate by 25bp, to 4%, the first move since May": a comment on the change
            if c != change and dep in ("nsubj", "nsubjpass") and _index_name(c) is not None:
                return _index_name(c)  # "the FTSE 100 fell 1.2%": a name that ends in its number
            if c != change and _names_a_thing(c) \
                    and not (dep == "dobj" and any(n.dep_ == "nummod" and n.like_num for n in c.children)):
                return _quantity_target(c)  # (not "gained 14 paise to 83.46": the paise are another figure's)
            if c != change and dep != "dobj" and c.lower_ in _PLURAL_ANAPHORS and c.lower_ != "they":
                return _plural_antecedent(c.doc, c)  # "… tracks average monthly earnings. These rose by 5.8%"
            if c != change and dep != "dobj" and _refers_back(c):
                return None  # "the level eased to 3%": what it refers to (`anaphoric_counts`)
    # "Real GDP is estimated to grow by 7.1%", "… and is expected to grow 0.6%": the subject of
    # the verb it completes, or of the verb that one is joined to
    node = verb
    for _ in range(2):
        if node.dep_ not in ("xcomp", "conj") or node.head == node or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            break
        node = node.head
        for c in reversed(list(node.children)):
            if c.dep_ in ("nsubjpass", "nsubj") and _names_a_thing(c):
                return _quantity_target(c)
    return None


def _activity(gerund: Token) -> str | None:
    """A gerund that is a clause's subject names an activity that can be measured: "Lending to
    manufacturing rose 7.4%", "Borrowing by households slowed" (with its complement, up to five
    words). None for a gerund with a subject or an object of its own ("Selling the bonds cost …"
    is an act, not a quantity)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "ccomp", "xcomp") for c in gerund.children):
        return None
    end = gerund.i
    prep = next((c for c in gerund.rights if c.dep_ == "prep" and c.i == gerund.i + 1), None)
    if prep is not None and prep.right_edge.i - gerund.i <= 5 and not any(
            t.is_punct or t.like_num or _is_when(t) for t in gerund.doc[prep.i : prep.right_edge.i + 1]):
        end = prep.right_edge.i
    return span_text(gerund.doc, (gerund.i, end + 1))


#: Prepositions that place a thing ("wages in the corporate sector"): a relative clause after the
#: place is about the thing placed.
_PLACING = {"in", "across", "among", "at"}


def _antecedent_of_relative(token: Token) -> Token:
    """The noun a relative pronoun subject stands for: 'which' in "exports, which fell 3%" is the
    exports; in "wages in the corporate sector, which rose 6.8%" the wages (a clause after a place
    is about what is placed). The token itself when it is no relative pronoun or the parse names
    no noun."""
    if token.tag_ not in ("WDT", "WP") or token.lower_ not in ("which", "that") or token.head.dep_ != "relcl":
        return token
    noun = token.head.head
    if noun.pos_ not in NOUNS:
        return token
    if noun.dep_ == "pobj" and noun.head.lower_ in _PLACING and noun.head.head.pos_ == "NOUN" and noun.head.head.i < noun.i:
        noun = noun.head.head
    return noun


def _second_object(token: Token) -> bool:
    """An object set off by a comma after an earlier object of its verb: the parse's reading of an
    appositive comment ("…, the first move since May"), not what the verb acts on."""
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].text == "," and any(
        c.dep_ == "dobj" and c.i < first for c in token.head.children)


def _index_name(token: Token) -> str | None:
    """'FTSE 100', 'S&P 500', 'Nikkei 225': a proper name whose number, right after it, is part of
    the name (the name of a stock index), as written; None for anything else."""
    if token.pos_ != "PROPN" or token.i + 1 >= len(token.doc):
        return None
    number = token.doc[token.i + 1]
    if number.dep_ != "nummod" or number.head != token or not number.text.isdigit() or not token.whitespace_:
        return None
    start = min([token.i, *(c.left_edge.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN")])
    return span_text(token.doc, (start, number.i + 1))


def _is_when(token: Token) -> bool:
    """'2026', 'March', 'the quarter': a time, never what a figure counts ('growth in 2026')."""
    return token.ent_type_ in ("DATE", "TIME") or token.lemma_.lower() in TIME_NOUNS or bool(_YEAR.fullmatch(token.text))


def _names_a_thing(token: Token) -> bool:
    """A noun that can be what a figure counts: not a pronoun, a person, a country or an
    organization, not 'the level' referring back, not a figure itself ('pct'), not a dateline."""
    return token.pos_ in NOUNS and token.lower_ not in PRONOUNS and token.ent_type_ not in ("GPE", "PERSON", "ORG", "NORP") \
        and not _is_figure(token) and not _refers_back(token) and not _dateline(token)


def _dateline(token: Token) -> bool:
    """'GENEVA, March 3 (Wire) -': the place a wire story is filed from, which the parser may
    make the subject of the first sentence."""
    doc = token.doc
    return token.is_upper and len(token.text) > 2 and (token.i == 0 or not joined(doc, token.i)) \
        and token.i + 1 < len(doc) and doc[token.i + 1].text in (",", "(", "-", "–", "—")


# --------------------------------------------------------------------------- what is counted


def counted_thing(doc: Doc, ctx: ArticleContext, p: Phrase, noun: tuple[int, int] | None, kind: str,
            change: Token | None) -> str | None:
    """What the number counts, as written; None when nothing countable can be named. A figure
    in a unit of measure counts the unit of what it measures: "GW of offshore wind capacity",
    "global inventories in barrels", "GW" alone."""
    what = _counted(doc, ctx, p, noun, kind, change)
    if p.measure is None:
        return what
    if what is None and noun is None:
        _, hedge_start = hedge_before(doc, p.start)
        what = named_before_of(doc, p, hedge_start, [])  # "LNG imports of 105-110bcm"
    if what is None:
        return p.measure
    return f"{p.measure} of {what}" if noun is not None else f"{what} in {p.measure}"


def _counted(doc: Doc, ctx: ArticleContext, p: Phrase, noun: tuple[int, int] | None, kind: str,
             change: Token | None) -> str | None:
    if p.kind == "amount":
        return _money_counts(doc, p)
    if p.change_verb:
        verb = doc[p.start]
        target = _change_target(verb)  # "manufacturers tripled their output", "production … doubled"
        if target is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in NOUNS:
            target = _quantity_target(verb.head)  # "The number of recruits halved", parsed as a modifier
        return target
    if p.compared:
        # "double the number of drones", "double its 2022 output": what follows; "double those in June": the clause's.
        j = p.end
        limit = index(doc).sentence(p.start)[1]
        while j < limit and (doc[j].pos_ == "DET" or doc[j].tag_ == "PRP$" or re.fullmatch(r"(19|20)\d\d", doc[j].text)
                             or (_is_when(doc[j]) and any(t.dep_ == "case" for t in doc[j + 1 : min(limit, j + 3)]))
                             or (doc[j].dep_ == "case" and j > p.end and _is_when(doc[j - 1]))):
            j += 1  # (past "last year's": a time owning what is doubled)
        if p.end < j < limit and (doc[j].pos_ == "SYM" or doc[j].like_num):
            # "more than double the $1.4 million seized in 2022": a sum something was done with
            head = next((t for t in doc[j : min(limit, j + 4)] if not j <= t.head.i < j + 4), None)
            done = next((c for c in head.rights if c.dep_ == "acl" and c.tag_ == "VBN"), None) if head is not None else None
            if done is not None and done.i == head.i + 1:
                return f"{span_text(doc, (j, head.i + 1))} {done.lower_}"
        span = _np_span(doc, j, limit) if j > p.end else None
        if span is not None and (span[0] == j or (span[0] > j and doc[span[0] - 1].dep_ == "case")):
            # (past a possessor: "nearly double this year's budget")
            head = doc[span[1] - 1]
            of = _of_object(head) if head.lemma_.lower() in QUANTITY_NOUNS else None
            if of is not None:
                return _noun_phrase_of(of)
            done = doc[span[1]] if span[1] < limit else None
            if done is not None and done.dep_ == "acl" and done.tag_ == "VBN" and done.head.i == head.i:
                return f"{span_text(doc, span)} {done.lower_}"  # "double the Rs 18 crore seized in 2021"
            return span_text(doc, span)
        return clause_counts(doc, p, [])
    if change is None and noun is not None and doc[noun[1] - 1].lemma_.lower() == "point" and p.start > 0 \
            and doc[p.start - 1].pos_ == "VERB" and doc[p.start - 1].lemma_.lower() in CHANGE_VERBS:
        target = _change_target(doc[p.start - 1])
        if target is not None:
            return f"{target} in {span_text(doc, noun)}"  # "yields fell 6 basis points", "rose 0.2 percentage points"
    if change is not None and kind in ("relative change", "ratio"):
        target = _change_target(change)
        if target is not None and noun is not None and doc[noun[1] - 1].lemma_.lower() in MEASURE_NOUNS | {"point"} \
                and noun[0] == p.end and _of_object(doc[noun[1] - 1]) is None:
            # "lowered the Base Rate by 25 basis points", "troops advanced by 96 square kilometers"
            return f"{target} in {span_text(doc, noun)}"
        if target is not None:
            return target
    if noun is not None:
        head = doc[noun[1] - 1]
        text = span_text(doc, noun)
        if head.lemma_.lower() in DISCOURSE_NOUNS and p.plain:
            return None  # "two things, mainly", "followed by two questions"
        joint = next((k for k in range(noun[0], noun[1]) if doc[k].lower_ in ("and", "or")), None)
        if joint is not None and any(t.like_num for t in doc[joint:noun[1]]):
            # "28 long-term and around 300 short-term observers": 28 long-term observers
            return f"{span_text(doc, (noun[0], joint))} {head.text}"
        if p.unit == "percent" and p.end < len(doc) and doc[p.end].lower_ == "of":
            level = _level_subject(doc, p) or _share_subject(doc, p) or _named_before(doc, p)
            if level is not None and not (_words(level) & _words(text)):
                # "Public debt stood at 74.5% of GDP": the debt, as a share of GDP (not a share of the GDP)
                return f"{level} as a share of {text}"
        if head.lemma_.lower() in CHANGE_NOUNS and not (p.unit is None and not p.multiplier and head.tag_ == "NNS"):
            # "a 30% rise in wages": what rises; not "two cuts of 25 basis points", changes counted
            obj = next((o for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                        for o in c.children if o.dep_ == "pobj" and not _is_when(o)
                        and not any(n.dep_ == "nummod" or n.like_num for n in o.children)), None)
            if obj is not None:
                return _quantity_target(obj)
        if head.lemma_.lower() in MEASURE_NOUNS or kind == "duration":
            obj = _of_object(head)  # "1,000 square kilometers of territory", "25 years of talks"
            if obj is not None:
                return f"{text} of {_noun_phrase_of(obj)}"
            level = _measured_subject(head) if noun[0] == p.end and head.lemma_.lower() not in TIME_NOUNS else None
            if level is not None:
                return f"{level} in {text}"  # "demand hit a record 41.2 gigawatts": demand, in gigawatts
        if head.lemma_.lower() in QUANTITY_NOUNS:
            obj = _of_object(head)
            if obj is not None:
                return _noun_phrase_of(obj)
            if head.lemma_.lower() == "total" and noun[0] > p.end and doc[noun[0] - 1].lower_ in ("of", "the"):
                part = _part_of_total(head)
                if part is not None:
                    return part  # "exports to China, which account for a quarter of the total": the exports
        if head.pos_ == "PROPN" and head.ent_type_ in ("GPE", "PERSON", "NORP", "ORG") and noun[1] - noun[0] == 1 \
                and not (head.ent_type_ == "NORP" and head.text.endswith("s")) and p.measure is None:
            return None  # "600 Ukraine": not a counted noun (but "330,000 Filipinos" are people)
        return text
    # "increased the production of its howitzers from two to twelve a month": the levels of what changed.
    if p.start > 0 and doc[p.start - 1].lower_ in ("from", "to"):
        verb = change_verb_of(doc[p.start - 1]) or _change_verb_before(doc, p.start - 1)
        if verb is not None:
            target = _change_target(verb)
            if target is not None:
                return target
    # No noun after the number: "the death toll reached 12", "the number of attacks rose to 45".
    level = _level_subject(doc, p)
    if level is not None:
        return level
    return _list_label(doc, p)


#: Verbs whose subject is a share of what the figure after them is 'of': "ballots account for 14% of votes".
_SHARE_VERBS = {"account", "represent", "comprise", "constitute", "make"}


def _share_subject(doc: Doc, p: Phrase) -> str | None:
    """'Blank ballots account for 14.3% of votes cast', 'women make up 40% of the workforce': the
    subject is what the share counts."""
    token = _figure(doc, p)
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "for":
        verb = verb.head
        if verb.lower_ == "accounting" and verb.pos_ == "NOUN" and verb.left_edge.i < verb.i \
                and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in verb.lefts):
            # "with intra-regional trade accounting for 22 per cent", parsed as a noun "trade accounting"
            return span_text(doc, (verb.left_edge.i, verb.i))
        if verb.lemma_.lower() != "account":
            return None
    elif token.dep_ != "dobj" or verb.lemma_.lower() not in _SHARE_VERBS:
        return None
    if verb.lemma_.lower() == "make" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return None
    subject = next((c for c in reversed(list(verb.children)) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # "with trade among members accounting for 22 per cent": the noun the participle hangs on,
        # or the one that noun is placed by ("trade among members", not the members)
        subject = verb.head
        while subject.dep_ == "pobj" and subject.head.dep_ == "prep" and subject.head.lower_ in _PLACING | {"between", "with"} \
                and subject.head.head.pos_ == "NOUN" and subject.head.head.i < subject.i:
            subject = subject.head.head
    if subject is None or not (_names_a_thing(subject) or common_noun(doc, subject)):
        return None
    return _quantity_target(subject)


def bracket_label_counts(doc: Doc, p: Phrase, hedge_start: int) -> str | None:
    """'612 deaths (CFR 2.6%)', '(inflation 3.1%, unemployment 5.2%)': a figure in brackets right after
    a label of one to three words that opens the bracket or follows a comma in it counts what the
    label names. None for a place or a person ("Latvia (11%)" is read elsewhere) or outside brackets."""
    k = hedge_start
    start = k
    while start > 0 and k - start < 3 and joined(doc, start) and (doc[start - 1].pos_ in ("NOUN", "PROPN", "ADJ") or doc[start - 1].is_upper) \
            and doc[start - 1].is_alpha:
        start -= 1
    if start == k or start == 0 or doc[start - 1].text not in ("(", ",", ";") or doc[k - 1].pos_ not in NOUNS:
        return None
    if any(t.ent_type_ in ("GPE", "PERSON", "NORP", "LOC") for t in doc[start:k]):
        return None
    if doc[start - 1].text != "(":  # after a comma: the bracket must open before it, on the same line, with no close between
        j = start - 1
        while j > 0 and doc[j].text not in ("(", ")") and joined(doc, j):
            j -= 1
        if doc[j].text != "(":
            return None
    close = p.end
    while close < len(doc) and joined(doc, close) and doc[close].text in ("%",) :
        close += 1
    if close >= len(doc) or doc[close].text not in (")", ",", ";"):
        return None
    return span_text(doc, (start, k))


def signed_label_counts(doc: Doc, p: Phrase) -> str | None:
    """'FTSE 100 +0.4%, DAX -0.2%', 'energy (-2.8%': a signed percentage counts the label written right
    before it (one to four words, back to a comma, a colon, a bracket or the line's start). None for
    an unsigned figure or when no such label stands there."""
    if not doc[p.start].text[:1] in "+-−–" or p.start == 0 or p.change_verb:
        return None  # (a bracket of signed figures after a clause is the size of its change: `bracketed_change_counts`)
    return _label_before(doc, p.start - 1 if doc[p.start - 1].text == "(" else p.start)


def market_label_counts(doc: Doc, p: Phrase, hedge_start: int, currency: str) -> str | None:
    """'Markets: FTSE 100 +0.4%, Brent crude $82.10': a sum right after a label in a list of such
    labelled figures counts what the label names, in its currency ("Brent crude in dollars")."""
    label = _label_before(doc, hedge_start) if hedge_start > 0 else None
    return f"{label} in {currency}" if label is not None else None


def _label_before(doc: Doc, end: int) -> str | None:
    """The label of one to four words ending at token `end` that opens a list item: after a comma, a
    colon, a semicolon, a bracket, 'and' or the line's start; no verb, place or person among them."""
    start = end
    while start > 0 and end - start < 4 and joined(doc, start) and (doc[start - 1].is_alpha or doc[start - 1].like_num) \
            and doc[start - 1].pos_ not in ("VERB", "AUX", "ADP", "DET", "CCONJ", "SCONJ", "PRON"):
        start -= 1
    if start == end or not any(t.is_alpha for t in doc[start:end]) or any(t.ent_type_ in ("GPE", "PERSON", "NORP") for t in doc[start:end]):
        return None
    if start > 0 and joined(doc, start) and doc[start - 1].text not in (",", ":", ";", "(", "and", "–", "—", "-"):
        return None
    return span_text(doc, (start, end))


def share_verb_subject(doc: Doc, p: Phrase) -> str | None:
    """'with trade among members accounting for 22 per cent', 'services make up 70%': a percentage
    with no whole written after it, taken by a verb of sharing, is a share of what that verb's
    subject names (the whole is left to the reader)."""
    if p.unit != "percent" or (p.end < len(doc) and doc[p.end].lower_ == "of"):
        return None
    return _share_subject(doc, p)


def _named_before(doc: Doc, p: Phrase) -> str | None:
    """'projects a deficit of 5.2 pct of GDP': the noun the figure is 'of' is what it counts."""
    _, k = hedge_before(doc, p.start)
    if k < 2 or doc[k - 1].lower_ != "of":
        return None
    noun = doc[k - 2]
    if noun.pos_ != "NOUN" or doc[k - 1].head.i != noun.i or not _names_a_thing(noun) or _is_when(noun) \
            or noun.lemma_.lower() in _HEDGE_NOUNS or noun.lemma_.lower() in FORECAST_NOUNS:
        return None
    return _noun_phrase_of(noun)


def _change_verb_before(doc: Doc, k: int) -> Token | None:
    """The verb of change a 'from'/'to' at k belongs to when the parse hangs it elsewhere: 'raise
    the portion of the facility that can be drawn without a programme from 40% to 50%'. The
    nearest one before it in its clause; None past a verb that is not one of change."""
    start, _ = sentence_bounds(doc, doc[k])
    for j in range(k - 1, max(start, k - 20) - 1, -1):
        t = doc[j]
        if t.text in (";", ":") or (t.text == "," and j < k - 1):
            return None
        if t.pos_ == "VERB" and t.lemma_.lower() in CHANGE_VERBS:
            return t
    return None


def _part_of_total(total: Token) -> str | None:
    """What a share 'of the total' is: the subject of its clause, or what a relative clause
    ('which account for …') is about."""
    verb = governor(total)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        subject = verb.head
        while subject.dep_ == "pobj" and subject.head.dep_ == "prep" and subject.head.head.pos_ == "NOUN":
            subject = subject.head.head  # "exports to China, which …": the exports
    if subject is None or not _names_a_thing(subject):
        return None
    return _noun_phrase_of(subject)


def _measured_subject(unit: Token) -> str | None:
    """What a unit of measure measures when it is the level a verb reaches: 'demand hit 41.2
    gigawatts' (demand), 'output rose to 3.1 terawatt hours' (output)."""
    verb = unit.head
    reached = False  # "fell 12% to 2.1 million tonnes": the level a change reaches
    if unit.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("to", "at"):
        reached = verb.lower_ == "to"
        verb = verb.head
    elif unit.dep_ not in ("dobj", "attr"):
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in LEVEL_VERBS | {"be"} | (CHANGE_VERBS if reached else set()):
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and _names_a_thing(c):
            return _quantity_target(c)
    return None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.casefold()))


#: Hedges that the parser makes the preposition a level hangs from: "is above 60%", "was under 5%".
_LEVEL_HEDGES = frozenset({"above", "below", "over", "under", "around", "near"})

#: Nouns of a thing's own benchmark: "half their pre-crisis level", "a third of its peak".
_BENCHMARK_NOUNS = {"level", "peak", "average", "size", "high", "low", "norm", "capacity"}

#: Adjectives of a level kept: "CRR unchanged at 3%".
_LEVEL_ADJECTIVES = {"unchanged", "steady", "stable", "flat"}


def _level_subject(doc: Doc, p: Phrase) -> str | None:
    token = _figure(doc, p)
    if p.end < len(doc) and (doc[p.end].lower_ == "per" or (doc[p.end].text == "/" and not doc[p.end - 1].whitespace_)):
        while token.head.i > token.i and token.head.i <= p.end + 4:
            token = token.head  # "at about 4 per 1,000 residents", "averaged EUR 86/MWh": the rate hangs by its base
    if token.dep_ == "appos" and p.start <= token.head.i < token.i:
        token = token.head  # "stood at Rs 1.29 lakh crore", parsed as the currency with the figure beside it
    if token.dep_ == "pobj" and token.head.lower_ == "per" and p.start <= token.head.head.i < token.head.i:
        token = token.head.head  # "was 52.3 per cent, up from …", parsed as the number with 'per cent' hung on it
    if token.dep_ in ("nsubj", "nsubjpass"):
        return None  # "85% of them went abroad": the figure is what acts, not a level reached
    head = token.head
    if head.i >= p.end and head.ent_type_ in ("DATE", "TIME") and token.dep_ == "nummod":
        head = head.head  # "numbered 61 last year", parsed as a number of years
    at = False  # "kept the rate at 2%", "is seen at 4.6%", "came in at 3%": 'at' a figure is a level
    _, hedged = hedge_before(doc, p.start)
    if head.dep_ == "prep" and 0 < hedged <= head.i < p.start and doc[hedged - 1].lower_ in ("to", "at", "past") \
            and doc[hedged - 1].dep_ == "prep":
        head = doc[hedged - 1]  # "stood at around €46 billion", parsed with the hedge as the verb's preposition
    if head.dep_ == "prep" and head.i == hedged and head.lower_ in _LEVEL_HEDGES and head.head.pos_ == "AUX" \
            and head.head.lemma_.lower() == "be":
        at = True  # "testing coverage is now above 60% of suspected cases": a level the hedge puts a bound on
        head = head.head
    elif head.dep_ == "prep" and head.lower_ in ("to", "at", "past"):
        at = head.lower_ in ("at", "past")
        head = head.head
        if head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in _OBJECT_ANAPHORS for c in head.children):
            return None  # "officials estimated it at around 78%": what 'it' is (`anaphoric_counts`), not who estimated
        if head.pos_ == "VERB":
            # (a change verb's object the tagger calls a nationality is still what changes: "cuts Selic to 14.25%")
            names = ("GPE", "PERSON") if head.lemma_.lower() in CHANGE_VERBS else ("GPE", "PERSON", "NORP")
            for c in head.children:
                if c.dep_ == "dobj" and c.pos_ in NOUNS and head.lemma_.lower() not in LEVEL_VERBS \
                        and c.ent_type_ not in names and c.lower_ not in PRONOUNS and not _is_figure(c) \
                        and not _is_when(c):  # not "end the year at 6%": when the level is reached
                    return _quantity_target(c)  # "bringing Russia's total losses to about 712,950"
            if not at and head.tag_ == "VBN" and head.dep_ == "acl" and head.lemma_.lower() in CHANGE_VERBS \
                    and head.head.pos_ == "NOUN" and _names_a_thing(head.head):
                return _quantity_target(head.head)  # "Repo rate cut by 25 bps to 5.00%": a headline's new level
    elif head.dep_ in ("appos", "conj") and head.head.pos_ in ("NUM", "NOUN", "SYM"):
        head = head.head.head  # "… is UAH 2.2 trillion, or about $53 billion"
    if at and head.pos_ in NOUNS and head.ent_type_ not in ("GPE", "PERSON", "NORP") and not _is_figure(head) \
            and not _is_when(head) and (any(c.dep_ == "amod" and c.lower_ in _LEVEL_ADJECTIVES for c in head.children)
                                        or (head.dep_ in ("ROOT", "conj", "appos") and token.head.i == head.i + 1)):
        # "Repo rate unchanged at 5.5%", "GDP growth at 7%": a headline's or a list's level, no verb
        return _quantity_target(head)
    if at and head.pos_ == "ADJ" and head.lower_ in _LEVEL_ADJECTIVES:
        # "CRR unchanged at 3%", "… and the repo rate steady at 5.5%": what stays at the level
        held = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if held is None and head.dep_ == "amod" and head.head.pos_ in NOUNS:
            held = head.head
        if held is not None and held.pos_ in NOUNS and held.lower_ not in PRONOUNS and held.ent_type_ not in ("GPE", "PERSON", "NORP") \
                and not _is_figure(held) and not _refers_back(held):
            return _quantity_target(held)
    if head.pos_ not in ("VERB", "AUX"):
        return None
    if not at and head.lemma_.lower() not in LEVEL_VERBS | CHANGE_VERBS | NEED_VERBS | {"be", "value", "estimate", "cost"} \
            and not (head.tag_ == "VBN" and head.lemma_.lower() in FORECAST_VERBS and token.dep_ == "dobj"
                     and not any(c.dep_ in ("aux", "auxpass") for c in head.children)):
        return None  # (but "Inflation seen between 4 and 4.5 pct in 2026": a headline's forecast level)
    if head.dep_ == "acl" and head.head.pos_ == "NOUN" and (head.tag_ == "VBG" or (at and head.tag_ == "VBN")):
        return _quantity_target(head.head)  # "the tariff, currently averaging 11.6%", "the jobless rate held at 3.9%"
    # A verb without a subject of its own ("… and fell to 60%", or a misparse) shares its head's.
    verbs = [head, head.head] if head.dep_ in ("conj", "advcl", "xcomp") else [head]
    for verb in verbs:
        for c in reversed(list(verb.children)):  # (the nearest: not a label before a colon, "Projections: …")
            if (c.dep_ in ("nsubj", "nsubjpass") or c.dep_ == "csubj" and c.tag_ == "VB") and not p.start <= c.i < p.end:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    c = _antecedent_of_relative(c)  # "the rate of inflation, which peaked at 7.2%": the rate
                # (a bare verb as the subject: "Turnout in the election was 52%", misread as an imperative)
                if _refers_back(c):
                    return None  # "the level eased to 3%": what it refers to (`anaphoric_counts`)
                if c.pos_ == "NOUN" or common_noun(doc, c):
                    return _quantity_target(c)
    fronted = _subject_after_a_fronted_year(head)
    if fronted is not None:
        return _quantity_target(fronted)
    return None


def _subject_after_a_fronted_year(verb: Token) -> Token | None:
    """'In 2022 turnout was 69.6 percent': with no comma after the year the parser reads "2022
    turnout" as what 'In' governs and leaves the verb without a subject; the noun after the year
    is the subject. None when the verb has a subject or no such phrase stands before it."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ != "prep" or c.i > verb.i:
            continue
        obj = next((o for o in c.children if o.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "NOUN" or obj.i != verb.i - 1 or not _names_a_thing(obj):
            continue
        year = next((n for n in obj.children if n.dep_ == "nummod" and _YEAR.fullmatch(n.text)), None)
        if year is not None and all(t.pos_ in ("NOUN", "ADJ", "NUM") for t in obj.doc[year.i + 1 : obj.i + 1]):
            return obj
    return None


def headline_level(doc: Doc, p: Phrase, hedge_start: int) -> str | None:
    """'cases top 2.1 million', 'death toll passes 1,000': a noun, a verb of reaching and the figure,
    read on the surface (the parse of a headline is often wrong)."""
    k = hedge_start - 1
    if k < 1 or not joined(doc, k) or not joined(doc, hedge_start):
        return None
    verb = doc[k]
    if verb.lower_ == "to" and k >= 2 and doc[k - 1].lower_ in ("up", "down") and joined(doc, k - 1):
        verb = doc[k - 1]  # "euro area inflation down to 2.0%": a headline's new level, no verb
        k -= 1
    elif verb.lemma_.lower() not in LEVEL_VERBS and verb.lower_.rstrip("s") not in LEVEL_VERBS \
            and verb.lower_.removesuffix("es") not in LEVEL_VERBS:
        return None
    noun = doc[k - 1]
    if noun.pos_ != "NOUN" or not joined(doc, k) or _is_when(noun) or not _names_a_thing(noun):
        return None
    return _noun_phrase_of(noun)


def brought_to(doc: Doc, p: Phrase, hedge_start: int) -> str | None:
    """'bringing its total kills since the start of the war to 2,400': what the clause's verb takes
    to the level, when the parse hangs 'to' from another word."""
    if hedge_start < 1 or doc[hedge_start - 1].lower_ != "to":
        return None
    k = hedge_start - 2
    while k >= 0 and doc[k].text not in (",", ";", ":") and hedge_start - k < 15:
        t = doc[k]
        if t.pos_ == "VERB" and t.lemma_.lower() not in LEVEL_VERBS:
            for c in t.children:
                if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < hedge_start and _is_figure(c):
                    return _change_target(t)  # "the forint firmed 0.3 pct to 398.40 per euro": the forint's level
                if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < hedge_start:
                    return _quantity_target(c)
            return None
        k -= 1
    return None


#: Marks that open a list item: "- 50%: …", "• $3bn: …".
_BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪", "‣", "+"})

#: Words that end what a figure-box line says the figure is: the figure's own asides.
_BOX_STOPS = frozenset({",", ";", "(", "—", "–", ":"})


def box_counts(doc: Doc, p: Phrase, noun: tuple[int, int] | None, hedge_start: int) -> str | None:
    """A 'by the numbers' line: the figure opens its line (after a bullet) and a colon follows it,
    then what the figure is: "- 50%: the tariff above the quota", "$3.8 billion: value of steel
    exports", "2.6 times: how much capacity exceeds demand". What it counts is that description
    (up to a comma or an aside), with the figure's unit: "tonnes of the bloc's duty-free quota",
    "value of steel exports in dollars". None for any other figure."""
    if p.plain and noun is None and p.measure is None and (p.end - p.start == 1 and doc[p.start].text.isdigit()
                                                          or any(t.ent_type_ in ("DATE", "TIME") for t in doc[p.start : p.end])):
        return None  # "1: Introduction", "2024: …": a list's numbering, a year or a time, not a figure
    text = doc_text(doc)
    start = doc[hedge_start].idx
    lead = text[line_start(text, start) : start].strip()
    if lead and lead not in _BULLETS:
        return None
    end = noun[1] if noun is not None and noun[0] == p.end else p.end
    limit = index(doc).sentence(p.start)[1]
    if end + 1 >= limit or doc[end].text != ":" or not joined(doc, end + 1):
        return None
    k = end + 1
    while k < limit and doc[k].pos_ == "DET" and doc[k].lower_ in ("the", "a", "an"):
        k += 1
    first = k
    while k < limit and joined(doc, k) and doc[k].text not in _BOX_STOPS and not (_is_when(doc[k]) and doc[k].pos_ != "ADJ") \
            and not (doc[k].lower_ == "according" and k + 1 < limit and doc[k + 1].lower_ == "to") and k - first < 15:
        k += 1
    while k > first and (doc[k - 1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT", "PART") or doc[k - 1].tag_ == "PRP$"
                         or (doc[k - 1].pos_ == "ADJ" and _is_when(doc[k - 1]))):
        k -= 1  # "value of exports to Japan in [2024]": not the dangling 'in'
    if k == first or not any(t.pos_ in NOUNS for t in doc[first:k]) or any(t.like_num for t in doc[first:k]):
        return None
    what = span_text(doc, (first, k))
    if p.kind == "amount":
        return f"{what} in {CURRENCY_WORDS.get(p.unit or '', p.unit or 'money')}"
    if noun is not None and not p.multiplier and doc[noun[1] - 1].lower_ != "times":
        return f"{span_text(doc, noun)} of {what}"
    if p.measure is not None:
        return f"{p.measure} of {what}"
    return what


def share_of_what(doc: Doc, p: Phrase) -> str | None:
    """A share of a free relative clause: "less than 1 per cent of what the world spends on
    peacekeeping" counts what the world spends on peacekeeping. None for any other figure."""
    k = p.end
    limit = index(doc).sentence(p.start)[1]
    if k + 2 >= limit or doc[k].lower_ != "of" or doc[k + 1].lower_ not in ("what", "whatever"):
        return None
    verb = doc[k + 1].head
    if verb.pos_ not in ("VERB", "AUX") or not k + 1 < verb.i < limit:
        return None
    end = verb.i + 1
    for c in verb.rights:
        if c.dep_ in ("prep", "dobj", "prt", "advmod", "dative", "npadvmod") and c.right_edge.i < limit:
            end = max(end, c.right_edge.i + 1)
    return span_text(doc, (k + 1, end))


#: Words that join the parts of a list label: "warships / boats", "vehicles and fuel tanks".
_LABEL_JOINERS = {"/", "and", "&", ","}


def _list_label(doc: Doc, p: Phrase) -> str | None:
    """'Tanks – 8,724' and 'personnel: about 700,000': a label then a dash or colon on one line."""
    _, k = hedge_before(doc, p.start)
    k -= 1
    if k < 1 or doc[k].text not in ("–", "—", "-", ":") or not joined(doc, k):
        return None
    end = k
    start = end
    while start - 1 >= 0 and joined(doc, start) and end - start < 6 and (
            doc[start - 1].pos_ in ("NOUN", "ADJ", "PROPN")
            or (doc[start - 1].lower_ in _LABEL_JOINERS and start - 2 >= 0 and doc[start - 2].pos_ in ("NOUN", "ADJ", "PROPN"))):
        start -= 1
    if start == end or doc[end - 1].pos_ not in NOUNS:
        return None
    if start > 0 and joined(doc, start) and doc[start - 1].pos_ == "DET" and doc[start - 1].lower_ in ("the", "a", "an") \
            and (start == 1 or not joined(doc, start - 1) or doc[start - 2].pos_ in ("PUNCT", "CCONJ")):
        start -= 1  # "The unemployment rate: 6.5%": a label with its article
    if start > 0 and joined(doc, start) and doc[start - 1].pos_ not in ("PUNCT", "CCONJ"):
        return None  # mid-sentence, not a list label
    if end - start == 1 and len(doc[start].text) == 1:
        return None  # "A: Four of the six": an interview's speaker mark, not a label
    if doc[k].text == ":" and end - start >= 2 and all(t.is_upper and t.is_alpha for t in doc[start:end]):
        return None  # "MINISTER ANDERSEN: Roughly a third": a transcript's speaker label, not a label
    if doc[k].text == ":" and end - start == 1 and doc[start].is_upper and doc[start].is_alpha and len(doc[start].text) > 3 \
            and re.search(r"\b[^\W\d_][^\W\d_'’-]+ " + re.escape(doc[start].text.title()) + r"\b", doc_text(doc)):
        return None  # "KOLÁŘOVÁ: Twenty-four, yes": the last name of one the text names in full ("Petra Kolářová")
    label = doc_text(doc)[doc[start].idx : char_end(doc, end)]
    lead = _table_lead(doc, doc[start].idx) if doc[k].text != ":" else None
    return f"{lead}: {label}" if lead is not None else label


_TABLE_RULE = re.compile(r"[\s|:+-]*")


def _cells(line: str, sep: str) -> list[tuple[int, int]]:
    """The (start, end) offsets, within `line`, of the cells of a table row split by `sep`, trimmed."""
    out, at = [], 0
    parts = line.split(sep)
    if sep == "|" and line.strip().startswith("|"):
        at = line.index("|") + 1
        parts = line[at:].rstrip().removesuffix("|").split("|")
    for part in parts:
        lead = len(part) - len(part.lstrip())
        out.append((at + lead, at + len(part.rstrip())))
        at += len(part) + 1
    return out


def table_cell_counts(doc: Doc, p: Phrase) -> str | None:
    """A figure in a cell of a table written as text, rows of cells split by '|' ("| North | 5.2% |")
    or by tabs ("Food\t3.4\t3.1"), under a header row: what its column's header names, for its row's
    label ("Unemployment rate, North"). None outside such a table, in a row's first cell (its label),
    or under a header cell that is itself a number."""
    text = doc_text(doc)
    offset = doc[p.start].idx
    start = line_start(text, offset)
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    line = text[start:end]
    sep = "|" if line.lstrip().startswith("|") and line.count("|") >= 3 else "\t" if line.count("\t") >= 1 else None
    if sep is None:
        return None
    header = None
    at = start
    while at > 0:  # up to the first row of the block: the header
        above = line_start(text, at - 1)
        row = text[above : at - 1]
        if not row.strip() or (sep == "|" and not row.lstrip().startswith("|")) or (sep == "\t" and "\t" not in row):
            break
        if not _TABLE_RULE.fullmatch(row):
            header = (above, row)
        at = above
    if header is None:
        return None
    cells = _cells(line, sep)
    column = next((k for k, (a, b) in enumerate(cells) if start + a <= offset < start + b), None)
    heads = _cells(header[1], sep)
    if not column or column >= len(heads) or len(heads) != len(cells):
        return None
    head = header[1][heads[column][0] : heads[column][1]].strip()
    label = line[cells[0][0] : cells[0][1]].strip()
    if not head or not label or any(ch.isdigit() for ch in label) and not any(ch.isalpha() for ch in label):
        return None
    if not any(ch.isalpha() for ch in head) or re.fullmatch(r"[\d\s.,%+-]+", head):
        return None
    return f"{head}, {label}"


#: A line of a list of labelled figures: "ANC – 88", "Tanks — 8,724", "Others - 26".
_TABLE_LINE = re.compile(r"[^\S\n]*([^\n–—:]{1,40}?)[^\S\n]+[–—-][^\S\n]*[~≈]?[$€£]?\d[\d.,]*[^\S\n]*(?:\n|$)")


def _table_lead(doc: Doc, offset: int) -> str | None:
    """'Projected seats, according to the commission:' over "ANC – 88 / DA – 79 / Others – 26": a block
    of 'label – figure' lines whose labels are mostly names (parties, countries, companies) counts what
    the line introducing it names ("Projected seats"), of each label. None when the line is not in
    such a block, or no short noun phrase ending in a colon opens it."""
    text = doc_text(doc)
    start = line_start(text, offset)
    lines: list[tuple[int, int]] = []  # (start, end of label) of each line of the block
    at = start
    while at > 0:  # up to the line that opens the block
        above = line_start(text, at - 1)
        m = _TABLE_LINE.match(text, above)
        if m is None or m.end() < at:
            break
        lines.append((m.start(1), m.end(1)))
        at = above
    if at == 0:
        return None
    lead_start = line_start(text, at - 1)
    lead = text[lead_start : at].strip()
    at = start
    while (m := _TABLE_LINE.match(text, at)) is not None:
        lines.append((m.start(1), m.end(1)))
        if m.end() >= len(text) or m.end() == at:
            break
        at = m.end()
    if len(lines) < 3 or not lead.endswith(":"):
        return None
    named = 0
    for a, b in lines:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and any(t.ent_type_ in ("ORG", "GPE", "PERSON", "NORP", "LOC", "FAC")
                                    or (t.is_upper and t.is_alpha and len(t.text) > 1)
                                    or (t.pos_ == "PROPN" and t.i > span.start) for t in span):
            named += 1  # (not a capitalised first word alone: "Drones – 40,100" opens its line)
    if named < 2 or 2 * named < len(lines):
        return None  # "Tanks – 8,724 / Artillery – 21,000": the labels are what is counted
    phrase = re.split(r",|:|\(|\s[–—-]\s|\baccording to\b", lead, maxsplit=1)[0].strip()
    span = doc.char_span(lead_start + lead.index(phrase), lead_start + lead.index(phrase) + len(phrase), alignment_mode="expand") \
        if phrase else None
    if span is None or len(span) > 6 or not any(t.pos_ == "NOUN" for t in span) or any(t.like_num for t in span):
        return None
    return phrase


def _money_counts(doc: Doc, p: Phrase) -> str:
    """A sum of money counts its currency and what it pays for: 'euros in military aid'."""
    currency = CURRENCY_WORDS.get(p.unit or "", p.unit or "money")
    limit = index(doc).sentence(p.start)[1]
    j = p.end
    if j < limit and doc[j].text == "(":
        close = next((k for k in range(j + 1, min(limit, j + 10)) if doc[k].text == ")"), None)
        if close is not None:
            j = close + 1  # "500 million euros ($520 million) for drones": past the conversion
    if j + 2 < limit and doc[j].lower_ in ("a", "an", "per", "each", "every") and doc[j + 1].lemma_.lower() in TIME_NOUNS \
            and doc[j + 2].lower_ in ("in", "of", "for", "on"):
        j += 2  # "€1.2bn a year on the programme": past the rate
    _, k = hedge_before(doc, p.start)
    if k > 0 and (doc[k - 1].lower_ == "by" or (doc[k - 1].pos_ == "VERB" and doc[k - 1].lemma_.lower() in CHANGE_VERBS)):
        # "exports fell by $3.2 billion", "copper rose $45"
        change = change_head(doc, p, k) or (doc[k - 1] if doc[k - 1].pos_ == "VERB" else None)
        target = _change_target(change) if change is not None else None
        if target is not None:
            if change is not None and change.pos_ == "VERB" and _figure(doc, p).head == change and _figure(doc, p).dep_ == "dobj":
                return f"{target} {change.lower_} in {currency}"  # "the conference raised €5.8 billion"
            return f"{target} in {currency}"  # "exports fell by $3.2 billion"
    if j + 2 < limit and doc[j].lower_ == "worth" and doc[j + 1].lower_ == "of":
        span = _np_span(doc, j + 2, limit)
        if span is not None and not _is_when(doc[span[1] - 1]):
            return f"{currency} worth of {span_text(doc, span)}"  # "$2.9 billion worth of steel"
    if j < limit and doc[j].lower_ in ("in", "of", "for", "on", "worth") and j + 1 < limit:
        span = _np_span(doc, j + 1, limit)
        if span is not None and not _is_when(doc[span[1] - 1]):
            return f"{currency} {doc[j].lower_} {span_text(doc, span)}"  # (not "in the quarter", "in April": when)
    done = _money_done(doc, p, currency)
    if done is not None:
        return done
    span = _np_span(doc, j, limit)
    if span is not None and span[0] == j and doc[j].ent_type_ not in ("DATE", "TIME"):
        return f"{span_text(doc, span)} in {currency}"  # "a €1.4 billion aid package" (not "€124 billion last year")
    _, k = hedge_before(doc, p.start)
    if k > 0 and doc[k - 1].lower_ in ("from", "to"):
        verb = change_verb_of(doc[k - 1]) or _change_verb_before(doc, k - 1)
        target = _change_target(verb) if verb is not None else None
        if target is not None:
            return f"{target} in {currency}"  # "lift bilateral trade from €124 billion to €200 billion"
    # "a package worth €1.4 billion", "aid of $50 million", "a package valued at …": the noun before.
    _, k = hedge_before(doc, p.start)
    k -= 1
    if k >= 1 and doc[k].lower_ == "at" and doc[k - 1].lower_ in ("valued", "estimated", "priced"):
        k -= 1
    if k >= 1 and doc[k].lower_ == "worth" and doc[k].dep_ == "amod" and doc[k].head.pos_ == "NOUN" and doc[k].head.i < k:
        return f"{_noun_phrase_of(doc[k].head)} in {currency}"  # "its appeal for Sudan, worth $4.2 billion"
    if k >= 1 and doc[k].lower_ == "worth" and doc[k].dep_ == "acomp":
        held = next((c for c in doc[k].head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < k), None)
        if held is not None and (held.pos_ == "NOUN" or common_noun(doc, held)) and _names_a_thing(held):
            return f"{_noun_phrase_of(held)} in {currency}"  # "the losses we prevented are worth N1.2 trillion"
    if k >= 1 and doc[k].lower_ in ("worth", "of", "totaling", "totalling", "valued", "estimated", "priced"):
        before = k - 2 if doc[k - 1].text == "," and k >= 2 else k - 1  # "its aid package, worth DKK 1.3 billion"
        if doc[before].pos_ == "NOUN":
            held = doc[before]
            prep = held.head
            owner = doc[prep.i - 1] if prep.i > 0 else prep  # (the parse may hang the 'in' from the verb)
            if held.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("in", "on", "for") and prep.i == held.i - 1 \
                    and owner.pos_ == "NOUN" and owner.tag_ == "NN" and _names_a_thing(owner) and not _is_when(owner) \
                    and not _is_when(held):
                # "a trade deficit in steel of £1.2bn": the deficit (in steel)
                return f"{_noun_phrase_of(owner)} {prep.lower_} {_noun_phrase_of(held)} in {currency}"
            return f"{_noun_phrase_of(held)} in {currency}"
    token = _figure(doc, p)
    if token.dep_ == "pobj" and token.head.lower_ == "at" and token.head.head.pos_ == "VERB" and token.head.head.dep_ == "relcl":
        relative = next((c for c in token.head.head.children if c.dep_ == "dobj" and c.tag_ == "WDT"), None)
        if relative is not None and relative.lower_ in ("which", "that"):
            noun = token.head.head.head  # "state investment in overseas mines, which she estimated at $20 billion"
            if noun.dep_ == "pobj" and noun.head.lower_ in _PLACING | {"to", "of", "for", "on"} and noun.head.head.pos_ == "NOUN" \
                    and noun.head.head.i < noun.i:
                noun = noun.head.head  # (what is placed or directed: "the damage to the port, which …")
            if noun.pos_ == "NOUN" and _names_a_thing(noun) and not _is_when(noun):
                return f"{_quantity_target(noun)} in {currency}"
    if k >= 1 and doc[k].lower_ in ("cost", "costs") and doc[k - 1].pos_ == "NOUN" and joined(doc, k) \
            and _names_a_thing(doc[k - 1]) and not _is_when(doc[k - 1]):
        # "the election cost about R1.9 billion", parsed as a noun "election cost": what it cost
        return f"{doc[k - 1].lower_} cost in {currency}"
    token = _figure(doc, p)
    if token.dep_ == "appos" and token.head.i < k and doc[k].text == "," and token.head.pos_ == "NOUN" \
            and _names_a_thing(token.head) and not _is_when(token.head):
        return f"{_quantity_target(token.head)} in {currency}"  # "the initiative's budget for 2026, about $3.5bn, is …"
    # "the defense budget is UAH 2.2 trillion", "the package is valued at $2.3 billion".
    level = _level_subject(doc, p)
    if level is not None:
        token = _figure(doc, p)
        verb = token.head
        if token.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() not in LEVEL_VERBS | {"be"}:
            return f"{level} {verb.lower_} in {currency}"  # "the shield will cost €1.4bn": what it costs
        return f"{level} in {currency}"
    given = _money_given(doc, p, currency)
    if given is not None:
        return given
    return currency


def _money_done(doc: Doc, p: Phrase, currency: str) -> str | None:
    """A sum a participle or relative clause right after it says what was done with: "the Rs 18
    crore seized in 2021" (seized rupees), "the $2.7 billion the parliament approved for roads"
    (approved dollars for roads). None when no such clause hangs on the figure."""
    token = _figure(doc, p)
    limit = index(doc).sentence(p.start)[1]
    verbs = list(token.rights)
    doer = token.head
    if token.dep_ == "nummod" and doer.i == p.end and doer.pos_ == "PROPN" and doer.ent_type_ in ("ORG", "GPE", "PERSON", "NORP") \
            and doer.i + 1 < limit and doc[doer.i + 1].tag_ == "VBD" and doc[doer.i + 1].head == doer:
        verbs = [doc[doer.i + 1]]  # "the $2.7 billion Congress approved", parsed as a sum of Congress
    for verb in verbs:
        if verb.dep_ not in ("acl", "relcl") or verb.pos_ != "VERB" or verb.i >= limit:
            continue
        if any(t.is_punct for t in doc[p.end : verb.i]):
            return None  # "80 million euros, of which Sweden pays …": a clause about a part, not the sum
        if verb.dep_ == "acl" and verb.tag_ != "VBN" and verb.head == token:
            return None  # "€2bn going to …": not a sum something was done with
        if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None  # "seeks $44 billion to assist 190 million people": what the sum is for, not done with it
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < p.start for c in verb.children):
            return None  # a misparse: the clause's subject stands before the sum
        out = f"{verb.lower_} {currency}"
        for c in verb.rights:
            if c.dep_ in ("prep", "dative") and c.lower_ in _DESTINATIONS:
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in NOUNS and not _is_when(obj) and not _is_figure(obj) \
                        and obj.lower_ not in PRONOUNS:
                    return f"{out} {c.lower_} {_noun_phrase_of(obj)}"
        return out
    return None


#: Prepositions after such a verb that say where the sum goes or comes from.
_DESTINATIONS = ("into", "to", "towards", "toward", "for", "on", "from")


def _money_given(doc: Doc, p: Phrase, currency: str) -> str | None:
    """A sum that is the object of what someone does with money: "will contribute EUR 20 million",
    "pledged a further $600m", "put €2.4bn into the coalition", "released $1.2 million from its fund":
    the money as the verb gives it ("pledged dollars"), with where it goes or comes from."""
    token = _figure(doc, p)
    if token.dep_ != "dobj" or token.head.pos_ != "VERB":
        return None
    verb = token.head
    lemma = verb.lemma_.lower()
    if lemma not in MONEY_VERBS:
        return None
    out = f"{verb.lower_} {currency}"
    for c in verb.rights:
        if c.dep_ in ("prep", "dative") and c.lower_ in _DESTINATIONS and c.i >= p.end:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in NOUNS and obj.ent_type_ not in ("DATE", "TIME") and not _is_figure(obj) \
                    and obj.lower_ not in PRONOUNS:
                return f"{out} {c.lower_} {_noun_phrase_of(obj)}"
    # a verb of change or of saying ("add") gives money only where it says where it goes ("add €50m to the fund")
    if lemma in CHANGE_VERBS or lemma in SPEECH_VERBS:
        return None
    purposes = [c for c in verb.rights if c.dep_ in ("advcl", "xcomp")]
    purposes += [g for c in purposes if c.tag_ == "VBG" for g in c.rights if g.dep_ in ("advcl", "xcomp")]  # (past "starting in …")
    for c in purposes:
        # "provides $1.5 billion over six years, starting in 2024-25, to build housing": what the money is to do
        if c.tag_ == "VB" and c.i > p.end and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            obj = next((o for o in c.children if o.dep_ == "dobj" and o.pos_ in NOUNS and o.lower_ not in PRONOUNS), None)
            if obj is not None:
                return f"{out} to {c.lower_} {_noun_phrase_of(obj)}"
    return out


# --------------------------------------------------------------------------- a number without a noun of its own

#: Words before a number that compare it with the number just before: "300,000, up from 100,000".
_COMPARED_WITH = (("up", "from"), ("down", "from"), ("compared", "with"), ("compared", "to"), ("against",),
                  ("versus",), ("vs",), ("vs.",))


#: Comparatives by which one figure says how far another exceeds or falls short of a third.
_MORE_OR_LESS = frozenset({"more", "less", "fewer", "higher", "lower", "above", "below", "cheaper", "dearer"})


def elided_counts(doc: Doc, p: Phrase, hedge_start: int, before: list[Mention]) -> str | None:
    """What a number without a noun counts, from a statistic before it in its sentence:
    "up to 10,000 shells a day, while Ukraine can answer with about 2,000" (the first one),
    "some 300,000 people, up from 100,000" and "three times as many as …" (the nearest one)."""
    words = tuple(doc[k].lower_ for k in range(max(0, hedge_start - 2), hedge_start))
    limit = index(doc).sentence(p.start)[1]
    if p.unit is not None and words[-1:] == (",",) and p.end + 1 < limit and doc[p.end].lower_ in _MORE_OR_LESS \
            and doc[p.end + 1].lower_ == "than":
        # "cost about R1.9 billion, roughly R300 million more than the 2021 poll": by how much the figure
        # before it exceeds another (what it counts, compared), not a sum of its own
        same_unit = [m for m in before if m.stat.unit == p.unit]
        stop = next((k for k in range(p.end + 1, limit) if doc[k].is_punct), limit)
        if same_unit and stop - p.end <= 8:
            return f"{same_unit[-1].stat.counts}, {span_text(doc, (p.end, stop))}"
    compared = any(words[-len(w):] == w for w in _COMPARED_WITH)
    if not compared and p.unit is not None and words[-1:] == ("the",) and words[:1] in (("than",), ("above",), ("below",)):
        compared = True  # "lower than the 81.5% of 2016", "above the 70% of 2021": the figure compared with
    if not compared and p.unit is not None and hedge_start >= 2 and doc[hedge_start - 1].lower_ in ("'s", "’s") \
            and _is_when(doc[hedge_start - 2]):
        compared = True  # "£1.2bn, a third wider than the previous year's £0.9bn": the same thing, earlier
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
    if compared or (hedge_start > 0 and doc[hedge_start - 1].lower_ in ("another", "further", "additional", "other")):
        return plain_counts[-1].stat.counts  # "870 confirmed deaths and another 1,300 under investigation"
    if hedge_start > 1 and doc[hedge_start - 1].lower_ == "from" and doc[hedge_start - 2].text == ",":
        return plain_counts[-1].stat.counts  # "buy 96 jets and grow to 300,000 troops, from about 216,000": where that one started
    return plain_counts[0].stat.counts


def tally_counts(doc: Doc, p: Phrase, hedge_start: int, before: list[Mention]) -> str | None:
    """'by 320 votes to 210', 'won 3 games to 1': a bare number after 'to' that answers a number
    with its noun just before counts that noun too (a tally, not a level something reached)."""
    k = hedge_start - 1
    if not p.plain or k < 2 or doc[k].lower_ != "to" or not before:
        return None
    noun = doc[k - 1]
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or not doc[k - 2].like_num or noun.lemma_.lower() in TIME_NOUNS:
        return None
    first = k - 2
    while first > 0 and (doc[first - 1].like_num or doc[first - 1].lower_ in ("by", *_ONE_WORD_HEDGES)):
        first -= 1
    if first > 0 and doc[first - 1].lemma_.lower() in CHANGE_VERBS:
        return None  # "gained 30 cents to 128.4", "rose by 3 seats to 45": a change, then a level
    last = before[-1]
    if last.stat.kind != "count" or last.stat.unit is not None or noun.lemma_.lower() not in last.head_words:
        return None
    return last.stat.counts


def listed_counts(doc: Doc, p: Phrase, hedge_start: int, before: list[Mention]) -> str | None:
    """A figure set after a noun in a list of figures of one unit: "the lombard rate is 5% and the
    deposit rate 4%" (the noun: its verb is left out), "a 15% share, followed by Latvia (11%) and
    Sweden (9%)" (after a name: what the figure before it counts)."""
    same_unit = [m for m in before if m.stat.unit == p.unit]
    figure = _figure(doc, p)
    head = figure.head
    if not same_unit or figure.dep_ != "appos" or head.pos_ not in NOUNS or head.i >= hedge_start:
        return None
    if any(t.text not in ("(", "[") for t in doc[head.i + 1 : hedge_start]):
        return None  # the figure must follow its noun, bracketed or not
    if head.pos_ == "PROPN" or head.ent_type_ in ("GPE", "PERSON", "ORG", "NORP", "LOC"):
        return same_unit[-1].stat.counts
    if _names_a_thing(head):
        return _quantity_target(head)
    return None


#: Subjects that refer back to a figure named before: "it will shrink to 3.2%".
_ANAPHORS = {"it", "this", "that", "they"}
#: Nouns that, bare after 'the', refer back to a figure named before: "the level eased to 3%".
_ANAPHORIC_NOUNS = {"level", "figure", "number", "total", "ratio"}


def _refers_back(subject: Token) -> bool:
    """'it', 'this', or 'the level' with nothing but its article: a subject naming no new thing."""
    if subject.lower_ in _ANAPHORS:
        return True
    children = list(subject.children)
    return subject.lemma_.lower() in _ANAPHORIC_NOUNS and len(children) == 1 and children[0].dep_ == "det" \
        and children[0].lower_ in ("the", "this", "that")


def _clause_verb(doc: Doc, p: Phrase) -> Token:
    """The verb the number is the complement of: 'shrink' in 'it will shrink to 3.2%'."""
    head = _figure(doc, p).head
    if head.dep_ == "prep":
        head = head.head
    return governor(head)


def forecast_counts(doc: Doc, p: Phrase, counts: str, earlier: list[Mention]) -> str | None:
    """A figure that counts only a forecast ("the IMF issued a projection of 3.5%") forecasts
    what the last figure in its unit, in its paragraph, counted ("projection of growth"): None
    when there is none."""
    if counts.casefold() not in FORECAST_NOUNS and counts.casefold().rstrip("s") not in FORECAST_NOUNS:
        return counts
    last = _last_counts(doc, p, earlier)
    if last is None or _words(counts) & _words(last):
        return last
    return f"{counts} of {last}"


def asked_figure_counts(doc: Doc, p: Phrase, earlier: list[Mention]) -> str | None:
    """'Q: The budget pegs the deficit at 4.3 per cent of GDP. Is that realistic? / A: We ended last year
    at 4.4 per cent': a bare percentage in the answer to a question that states a percentage counts
    what the question's figure counts. None outside an answer, or when the question states none."""
    text = doc_text(doc)
    paragraph = line_start(text, doc[p.start].idx)
    end = trimmed_end(text, paragraph)
    if end == 0 or text[end - 1] != "?":
        return None
    question = line_start(text, end - 1)
    asked = [m for m in earlier if question <= m.offset < end and m.stat.unit == p.unit and not _a_reference(doc, m)]
    return asked[-1].stat.counts if asked else None


def _paragraph_before(doc: Doc, p: Phrase, earlier: list[Mention]) -> list[Mention]:
    """The mentions of `earlier` in the sentence just before that of `p`, in its paragraph."""
    start, _ = sentence_bounds(doc, doc[p.start])
    if start == 0 or not joined(doc, start):
        return []
    prev_start, _ = sentence_bounds(doc, doc[start - 1])
    return [m for m in earlier if m.sent_start == prev_start]


#: Prepositions that set a figure up as a point of comparison: "above the government's 4.1 pct target".
_REFERENCE_PREPS = {"above", "below", "than", "under", "over", "near", "against", "versus", "vs"}


def _a_reference(doc: Doc, m: Mention) -> bool:
    """A figure set up as a point of comparison ("above its 4.1 pct target", "close to its 3 pct
    target"): not what a later 'it' refers to."""
    token = next((t for t in doc[m.sent_start :] if t.idx >= m.offset), None)
    if token is None:
        return False
    while token.dep_ in ("nummod", "compound", "quantmod", "amod") and token.head.i > token.i and token.head.i - token.i <= 4:
        token = token.head
    head = token.head
    if token.dep_ != "pobj" or head.dep_ != "prep":
        return False
    return head.lower_ in _REFERENCE_PREPS or (head.lower_ == "to" and head.head.lower_ in ("close", "near", "compared"))


def _last_counts(doc: Doc, p: Phrase, earlier: list[Mention], changes: bool = False) -> str | None:
    """What the last figure in the unit of `p`, before it in its paragraph, counted (not one set up
    as a point of comparison: "The deficit will be 4.8 pct, above the 4.1 pct target. It would narrow
    to 4.2 pct": the deficit)."""
    text = doc_text(doc)
    paragraph = line_start(text, doc[p.start].idx)
    for m in reversed(earlier):
        if m.offset >= doc[p.start].idx or line_start(text, m.offset) != paragraph:
            continue
        if m.stat.unit == p.unit and (changes or m.stat.kind != "relative change") and not _a_reference(doc, m):
            return m.stat.counts
        if changes and p.unit == "percent" and m.stat.kind in ("count", "amount") and not _a_reference(doc, m):
            return m.stat.counts  # "exports reached €8.3 billion; they will grow by 40%": a change of that level
    return None


#: Objects that refer back: "estimated it at 78%", "put them at 3,000".
_OBJECT_ANAPHORS = {"it", "them"}


def _antecedent(doc: Doc, pronoun: Token) -> str | None:
    """What 'it' refers to when no figure before it does: the last subject before it in its sentence
    or the one before, a common noun naming a thing ("turnout would be published …, but officials
    estimated it at 78%": the turnout; not the officials, the subject of its own verb)."""
    start, _ = sentence_bounds(doc, pronoun)
    if start > 0:
        start = sentence_bounds(doc, doc[start - 1])[0]
    own = pronoun.head
    for k in range(pronoun.i - 1, start - 1, -1):
        t = doc[k]
        if t.dep_ in ("nsubj", "nsubjpass") and t.head != own and t.pos_ == "NOUN" and t.tag_ == "NN" \
                and _names_a_thing(t) and not _refers_back(t) and t.lower_ not in PRONOUNS:
            return _quantity_target(t)
    return None


def anaphoric_counts(doc: Doc, p: Phrase, earlier: list[Mention]) -> str | None:
    """A number whose clause's subject refers back ('it', 'this', 'the level') counts what the
    last figure in the same unit, in the same paragraph, counted: "The deficit was 4.1%; it
    will shrink to 3.2%". So does one set 'at' a level by a verb whose object refers back
    ("officials estimated it at 78%"), or, with no figure before, what that object refers to."""
    if p.end < len(doc) and doc[p.end].lower_ == "of":
        return None  # "half of that": a share, found from its clause
    verb = _clause_verb(doc, p)
    figure = _figure(doc, p)
    if figure.dep_ == "pobj" and figure.head.lower_ in ("at", "to"):
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _OBJECT_ANAPHORS and c.i < p.start), None)
        if obj is not None:
            return _last_counts(doc, p, earlier) or _antecedent(doc, obj)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    if subjects[0].lower_ in _PLURAL_ANAPHORS and verb.pos_ == "VERB" and verb.lemma_.lower() in CHANGE_VERBS | LEVEL_VERBS:
        # "… tracks average monthly earnings. These rose by 5.8%": a change of the plural thing just named
        return _last_counts(doc, p, earlier, changes=True) or _plural_antecedent(doc, subjects[0])
    if not _refers_back(subjects[0]):
        return None
    # "The CPI increased 0.3%. On a seasonally adjusted basis, it rose 0.2%": a change of what changed before
    return _last_counts(doc, p, earlier, changes=verb.lemma_.lower() in CHANGE_VERBS and verb.pos_ == "VERB")


#: Plural pronouns that open a sentence about things just named: "These rose by 5.8%".
_PLURAL_ANAPHORS = frozenset({"these", "those", "they"})


def _plural_antecedent(doc: Doc, pronoun: Token) -> str | None:
    """The nearest plural common noun naming a thing before a plural pronoun, in its sentence or the one
    before it in its paragraph ("… tracks average monthly earnings in the formal sector. These rose …":
    the earnings). None when there is none."""
    start, _ = sentence_bounds(doc, pronoun)
    if start > 0 and joined(doc, start):
        start = sentence_bounds(doc, doc[start - 1])[0]
    for k in range(pronoun.i - 1, start - 1, -1):
        t = doc[k]
        if t.tag_ == "NNS" and _names_a_thing(t) and not _is_when(t) and t.lemma_.lower() not in HUMAN_NOUNS:
            return _quantity_target(t)
    return None


def anaphoric_share(doc: Doc, p: Phrase, counts: str, earlier: list[Mention]) -> str:
    """'The deficit was 4.1% of GDP; it is expected to narrow to 3.5% of GDP': a share of the same
    whole whose subject refers back is a share of what the last such share in its paragraph was
    (the deficit, as a share of GDP), not of the whole itself."""
    if p.unit != "percent" or p.end >= len(doc) or doc[p.end].lower_ != "of":
        return counts
    verb = _clause_verb(doc, p)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or not _refers_back(subjects[0]):
        return counts
    last = _last_counts(doc, p, earlier)
    return last if last is not None and last.casefold().endswith(f" as a share of {counts.casefold()}") else counts


def parallel_counts(doc: Doc, p: Phrase, sent_start: int, previous: list[Mention]) -> str | None:
    """A bare number whose verb repeats the verb of a count in the sentence just before, in the same
    paragraph: "Two years ago we had two companies building drones. Today we have more than twenty"."""
    if sent_start == 0 or not joined(doc, sent_start):
        return None  # a new paragraph
    prev_start, _ = sentence_bounds(doc, doc[sent_start - 1])
    verb = governor(doc[p.start])
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() == "be":
        return None
    for m in reversed(previous):
        if m.sent_start == prev_start and m.verb == verb.lemma_.lower() and m.stat.kind == "count" and m.stat.unit is None:
            return m.stat.counts
    return None


def what_it_is(doc: Doc, p: Phrase) -> str | None:
    """'2.85 lakh were asymptomatic cases', 'a third of them are drones': what the number is,
    the complement of its 'be'."""
    verb = governor(doc[p.start])
    if verb.lemma_.lower() != "be" or not any(c.dep_ == "nsubj" and p.start <= c.i < p.end for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "attr" and c.pos_ in NOUNS and c.lower_ not in PRONOUNS and not p.start <= c.i < p.end:
            return _quantity_target(c)
    return None


def fronted_whole(doc: Doc, p: Phrase, sent_start: int) -> str | None:
    """'Of the outbreaks we verified, about a fifth were …', 'Of those infected, 81 percent …':
    the whole a share is of, named at the head of its sentence."""
    k = sent_start
    while k < p.start and doc[k].is_punct:
        k += 1  # an opening quote mark
    if k + 2 >= p.start or doc[k].lower_ != "of":
        return None
    comma = next((j for j in range(k + 1, p.start) if doc[j].text == ","), None)
    if comma is None or p.start - comma > 3:
        return None
    j = k + 1
    if doc[j].lower_ in ("those", "these", "them") and j + 1 < comma:
        return doc_text(doc)[doc[j].idx : char_end(doc, comma)]  # "those infected"
    span = _np_span(doc, j, comma)
    return span_text(doc, span) if span is not None else None


def clause_counts(doc: Doc, p: Phrase, before: list[Mention], earlier: list[Mention] = ()) -> str | None:
    """What a share or a multiple without its own noun measures, from its clause:
    "a third of them are interceptor drones" (what they are), "orders for only a third of that"
    (the verb's object), "four times faster" (what is done faster), "40% of it" (the sum just named)."""
    if p.compared and p.end < len(doc) and doc[p.end].lower_ in ("that", "this"):
        # "We have 12 helicopters. We need at least twice that.": a multiple of the figure just named
        if before:
            return before[-1].stat.counts
        said = _paragraph_before(doc, p, list(earlier))
        return said[0].stat.counts if said else None  # (the sentence before's first, its main figure)
    token = doc[p.start]
    verb = governor(token)
    if verb.i < p.start and any(t.text in (":", ";") for t in doc[verb.i : p.start]):
        return None  # "reserves 30% of output: 15% as gifts": the figure is past its verb's clause
    if verb.lemma_.lower() == "be":
        for c in verb.children:
            if c.dep_ == "attr" and c.pos_ in NOUNS and c.lower_ not in PRONOUNS and not p.start <= c.i < p.end:
                if c.lemma_.lower() in _BENCHMARK_NOUNS and any(d.tag_ == "PRP$" for d in c.children):
                    # "transits are roughly half their pre-crisis level": a share of the subject's own level
                    subject = next((s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")), None)
                    return _quantity_target(subject) if subject is not None and _names_a_thing(subject) else None
                return _quantity_target(c)
    partitive = p.end < len(doc) and doc[p.end].lower_ == "of" and p.end + 1 < len(doc) and doc[p.end + 1].pos_ == "PRON" \
        and doc[p.end + 1].tag_ != "PRP$"
    if partitive and doc[p.end + 1].lower_ == "it" and before:
        return before[-1].stat.counts  # "more than €50 billion …, roughly 40% of it from Europe"
    if partitive and doc[p.end + 1].lower_ == "it":
        said = [m for m in _paragraph_before(doc, p, list(earlier)) if m.stat.kind in ("amount", "count")]
        if said:
            return said[0].stat.counts  # "The package is worth DKK 4.2 billion. About 60% of it will go to …"
    whole = _relative_whole(doc, p, before)
    if whole is not None:
        return whole
    if partitive and doc[p.end + 1].lower_ == "them" and p.end + 2 < len(doc) and doc[p.end + 2].pos_ == "NOUN" \
            and doc[p.end + 2].tag_ == "NNS" and _names_a_thing(doc[p.end + 2]):
        return _noun_phrase_of(doc[p.end + 2])  # "arrested 140 people, 30 of them minors": what those are
    if partitive and doc[p.end + 1].lower_ in ("them", "those", "these"):
        # "received 1.3 million drones, and 96% of them were made at home"; "148,000 cases were
        # reported. One province accounts for half of them.": the things last counted
        things = [m for m in before if m.stat.kind in ("count", "ratio") and m.stat.unit in (None, "percent")] \
            or [m for m in _paragraph_before(doc, p, earlier) if m.stat.kind == "count" and m.stat.unit is None]
        if things:
            return things[-1].stat.counts
    for dep in ("dobj", "nsubjpass", "nsubj"):
        if dep == "nsubj" and partitive and doc[p.end + 1].lower_ in ("that", "this") and earlier:
            # "We need $640 million. Donors have pledged a fifth of that." (but "it has orders for half of that": orders)
            return earlier[-1].stat.counts
        if dep == "nsubj" and (verb.lemma_.lower() in FORECAST_VERBS or verb.lemma_.lower() in SPEECH_VERBS
                               or verb.lemma_.lower() in SOURCE_VERBS):
            continue  # "the ministry projected 3.7%", "the text says 20%", "data showed": who forecasts or says
        if dep == "nsubj" and p.unit == "percent" and verb.lemma_.lower() in MONEY_VERBS and verb.pos_ == "VERB" \
                and _figure(doc, p).head == verb and verb.i < p.start:
            # "every ally will spend at least 2 per cent (on defence)": who spends is not what is counted
            out = f"{verb.lower_} {percent_word(doc, p)}"
            for c in [*verb.rights, *doc[p.end - 1].rights]:  # (the parse may hang 'on …' from 'cent')
                if c.dep_ == "prep" and c.lower_ in ("on", "for", "to") and c.i >= p.end:
                    obj = next((o for o in c.children if o.dep_ == "pobj" and o.pos_ in NOUNS and _names_a_thing(o)), None)
                    if obj is not None:
                        return f"{out} {c.lower_} {_noun_phrase_of(obj)}"
            return out
        for c in verb.children:
            if c.dep_ == dep and c.pos_ in NOUNS and c.is_alpha and c.lower_ not in PRONOUNS and not p.start <= c.i < p.end \
                    and c.ent_type_ not in ("GPE", "PERSON", "ORG", "NORP") and not _is_figure(c):
                parallel = [m for m in before if m.stat.unit == p.unit and m.stat.kind == "ratio"] \
                    if dep == "nsubj" and verb.lemma_.lower() in TAKING_VERBS else []
                if parallel and p.unit is not None:
                    return parallel[-1].stat.counts  # "he won 54% of the vote, while his rival took 38%": the vote
                return None if _refers_back(c) else _quantity_target(c)
    return None


#: How a question asks for a number: "how many drones", "how much of the package", "what share of exports".
_ASKING = (("how", "many"), ("how", "much", "of"), ("what", "share", "of"), ("what", "proportion", "of"),
           ("what", "percentage", "of"), ("what", "part", "of"))


def asked_counts(doc: Doc, p: Phrase) -> str | None:
    """A bare figure opening an answer counts what the question just before asked about:
    "Q: How much of the new budget goes to research? — A: Roughly a fifth." (the budget)."""
    text = doc_text(doc)
    paragraph = line_start(text, doc[p.start].idx)
    first = p.start
    while first > 0 and doc[first - 1].idx >= paragraph:
        first -= 1
    opening = [t for t in doc[first : p.start] if not t.is_space]
    if ":" in [t.text for t in opening]:
        opening = opening[[t.text for t in opening].index(":") + 1 :]  # past a speaker label
    if len(opening) > 2 or any(t.is_alpha and t.lower_ not in _ONE_WORD_HEDGES and t.lower_ not in ("roughly", "about", "around", "just", "only")
                               for t in opening):
        return None
    k = first - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or doc[k].text != "?":
        return None
    start = sentence_bounds(doc, doc[k])[0]
    words = [t.lower_ for t in doc[start : k + 1]]
    for ask in _ASKING:
        at = next((j for j in range(len(words) - len(ask)) if tuple(words[j : j + len(ask)]) == ask), None)
        if at is None:
            continue
        j = start + at + len(ask)
        span = _np_span(doc, j, k)
        if span is not None and all(t.pos_ == "DET" or t.tag_ == "PRP$" for t in doc[j : span[0]]) \
                and _names_a_thing(doc[span[1] - 1]):
            return span_text(doc, span)
    return None


def _relative_whole(doc: Doc, p: Phrase, before: list[Mention]) -> str | None:
    """"…at about 45 million euros, of which Finland covers roughly 60 per cent": a share of what
    ', of which' refers back to (the figure just before it, or the noun)."""
    k = next((j for j in range(p.start - 1, max(0, p.start - 9), -1)
              if doc[j].lower_ == "of" and j + 1 < p.start and doc[j + 1].lower_ in ("which", "whom")), None)
    if k is None or k < 2 or doc[k - 1].text != ",":
        return None
    if any(t.text in (",", ";", ":") for t in doc[k + 2 : p.start]):
        return None
    if before and before[-1].offset < doc[k].idx:
        return before[-1].stat.counts
    head = doc[k - 2]
    return _noun_phrase_of(head) if head.pos_ == "NOUN" and _names_a_thing(head) else None


def takes_share(doc: Doc, p: Phrase) -> bool:
    """A percentage someone named holds or takes: "Quispe had 17.9 pct", "the Greens won 12%",
    "… led the count with 22.4 pct of valid votes", "ahead of X with 11.2 pct"."""
    if p.unit != "percent":
        return False
    token = _figure(doc, p)
    if token.dep_ == "pobj" and token.head.lower_ == "with":
        return not _absolute_with(doc, p)
    if token.dep_ == "pobj" and token.head.lower_ == "on" and (
            ((p.end >= len(doc) or doc[p.end].lower_ != "of")
             and token.head.head.lemma_.lower() in ("be", "sit", "stand", "stay", "remain"))
            or (token.head.i > 0 and doc[token.head.i - 1].pos_ == "PROPN")):
        return True  # "Huamán is on 11.8%", "ahead of Montalvo on 19.6%", "has X on 26.8% of valid votes": a candidate's share
    if token.dep_ != "dobj" or token.head.lemma_.lower() not in TAKING_VERBS | {"have"}:
        return False
    return any(c.dep_ == "nsubj" and (c.pos_ in NOUNS or c.lower_ in _HOLDER_PRONOUNS) for c in token.head.children)


def _absolute_with(doc: Doc, p: Phrase) -> bool:
    """'With 38.2% of tally sheets counted, …', 'With 21% reporting, …': how far a count has got, not a
    share someone holds (the 'with' opens its sentence and a participle follows the figure, or the noun
    after its 'of'; not "finished first with 44% of the ballots cast")."""
    w = _figure(doc, p).head
    if w.i > sentence_bounds(doc, w)[0] and not doc[w.i - 1].is_punct:
        return False
    k = p.end
    if k < len(doc) and doc[k].lower_ == "of":
        k += 1
        while k < len(doc) and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") and doc[k].tag_ != "VBN":
            k += 1
    return k < len(doc) and doc[k].tag_ in ("VBN", "VBG")


#: Pronouns of who holds a share: "she had 40%".
_HOLDER_PRONOUNS = {"he", "she", "they", "we"}


def _name_token(doc: Doc, k: int, sent_start: int) -> bool:
    """Token k ends a name: a proper noun, a named entity, or a capitalised word inside its sentence."""
    t = doc[k]
    if not t.is_alpha or t.lower_ in _HOLDER_PRONOUNS:
        return False
    return t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or (
        k > sent_start and t.text[:1].isupper() and t.pos_ == "NOUN")


def _named_percentages(doc: Doc, sent: tuple[int, int]) -> int:
    """How many percentages of a sentence are set straight after a name ("Montalvo 23.8%")."""
    start, end = sent
    n = 0
    for k in range(start + 1, end):
        if doc[k].like_num and k + 1 < end and doc[k + 1].text in ("%", "pc", "pct") and _name_token(doc, k - 1, start):
            n += 1
        elif doc[k].like_num and doc[k].text.endswith("%") and _name_token(doc, k - 1, start):
            n += 1
    return n


def _list_item_name(doc: Doc, k: int, sent_start: int) -> int | None:
    """The first token of the name ending at token k when it opens an item of a list (after ',',
    'and', 'while', ';' or ':', an article allowed): "…, the PRF 46", "and the Greens 12"."""
    if not _name_token(doc, k, sent_start):
        return None
    j = k
    while j - 1 > sent_start and _name_token(doc, j - 1, sent_start):
        j -= 1
    if j - 1 > sent_start and doc[j - 1].lower_ == "the":
        j -= 1
    return j if j - 1 > sent_start and doc[j - 1].lower_ in (",", "and", "while", ";", ":") else None


def gapped_count(doc: Doc, p: Phrase, noun: tuple[int, int] | None, before: list[Mention]) -> str | None:
    """A bare number after a name, in a list whose verb and noun are given once: "the UPA has won 87
    seats, the PRF 46 and independents 12" (the seats): what the first item, a name's count of a noun
    its verb takes, counts. Not a model name ("including Leopard 2"): the first item must be a named
    subject's, and the number must end its item."""
    if noun is not None or not p.plain or p.kind != "count" or p.start < 2 or _YEAR.fullmatch(doc[p.start].text):
        return None
    if p.end < len(doc) and doc[p.end].text not in (",", ";", ".", "and", "while"):
        return None
    sent_start = sentence_bounds(doc, doc[p.start])[0]
    if _list_item_name(doc, p.start - 1, sent_start) is None:
        return None
    for m in before:
        if m.stat.kind != "count" or m.stat.unit is not None or not m.head_words:
            continue
        figure = next((t for t in doc[m.sent_start : p.start] if t.idx >= m.offset), None)
        noun_head = figure.head if figure is not None and figure.dep_ == "nummod" else None
        if noun_head is None or noun_head.dep_ != "dobj":
            continue
        subject = next((c for c in reversed(list(noun_head.head.children)) if c.dep_ == "nsubj" and c.i < figure.i), None)
        if subject is not None and _name_token(doc, subject.i, sent_start - 1):
            return m.stat.counts
    return None


def listed_share(doc: Doc, p: Phrase, before: list[Mention]) -> bool:
    """A percentage set straight after a name in a list of such pairs, its verb left out or
    given once: "Morales 23.8%, Ortiz 21.9%", "gives Morales 27.5%, Ortiz 21%", "X won 10%, Y 7.4%
    and Z 5.8%": the share each named one holds, as in a list of results."""
    if p.unit != "percent" or p.start < 1 or not _name_token(doc, p.start - 1, sentence_bounds(doc, doc[p.start])[0]):
        return False
    if any(m.taken for m in before):
        return True
    return _named_percentages(doc, sentence_bounds(doc, doc[p.start])) >= 2


def taken_share_counts(doc: Doc, p: Phrase, earlier: list[Mention], before: list[Mention] = (),
                       last_share: Mention | None = None) -> str | None:
    """A bare percentage someone named takes counts what the last such share, in its paragraph
    or the one before (past a time stamp), was a share of: "Salazar led with 22.4 pct of valid votes. … Quispe had
    17.9 pct": of the valid votes too (a share of the same thing, shared out). Failing that, what the
    article's last share someone named took of a thing it names counted ("the SDS took 31.2% of the vote.
    … NSi won 10.3%"): an article shares out one thing (the vote, a market) that it names once."""
    if not (takes_share(doc, p) or listed_share(doc, p, before)):
        return None
    text = doc_text(doc)
    paragraph = line_start(text, doc[p.start].idx)
    k = paragraph - 1
    while k > 0 and text[k].isspace():
        k -= 1
    previous = line_start(text, k) if k >= 0 else paragraph
    for _ in range(2):  # past a line with no words: a live blog's time stamp ("23:15") between two entries
        if previous <= 0 or any(c.isalpha() for c in text[previous : k + 1]):
            break
        k = previous - 1
        while k > 0 and text[k].isspace():
            k -= 1
        previous = line_start(text, k)
    for m in reversed(earlier):
        if m.offset >= doc[p.start].idx or line_start(text, m.offset) not in (paragraph, previous):
            continue
        if explicit_share(m):
            return m.stat.counts
    if last_share is not None and last_share.offset < doc[p.start].idx:
        return last_share.stat.counts
    return None


def explicit_share(m: Mention) -> bool:
    """A share someone named took of a thing written out: "took 31.2% of the vote"."""
    return m.taken and m.whole and m.stat.unit == "percent" and m.stat.kind == "ratio" \
        and not _words(m.stat.counts) & PERCENT_WORDS


#: Participles after a figure that say how it was found or put, not what it is a share of.
_NOT_SHARE_PARTICIPLES = {"combine", "record", "report", "register", "post", "see", "estimate", "expect", "forecast",
                          "project", "predict", "announce", "quote", "cite", "mention", "state"}


def participle_share(doc: Doc, p: Phrase) -> str | None:
    """'with 21% counted', 'the 50% needed to win': a bare percentage named by the participle
    after it (what has been counted, what is needed)."""
    if p.unit != "percent" or p.end >= len(doc):
        return None
    verb, figure = doc[p.end], _figure(doc, p)
    if verb.tag_ != "VBN" or verb.lemma_.lower() in SPEECH_VERBS or not joined(doc, p.end):
        return None
    after = doc[p.end + 1] if p.end + 1 < len(doc) else None
    if (verb.dep_ in ("acl", "amod") and verb.head.i == figure.i and verb.lemma_.lower() not in _NOT_SHARE_PARTICIPLES
            and (after is None or after.lower_ == "to" or after.is_punct)) or (
            figure.dep_ in ("nsubj", "nsubjpass") and figure.head.i == verb.i and p.start > 0 and doc[p.start - 1].lower_ == "with"):
        return verb.lower_
    return None


def spread_counts(doc: Doc, p: Phrase, hedge_start: int) -> str | None:
    """What a range spans when a word of spread gives it: "forecasts ranging from 2.4% to 2.9%",
    "Estimates for the deficit range between 4.1% and 4.6%", "… vary from 3 to 5 pct" (the forecasts,
    the estimates for the deficit): the subject of the verb, or the noun the participle qualifies."""
    if p.upper is None or hedge_start >= len(doc) or doc[hedge_start].lower_ not in ("from", "between"):
        return None
    verb = doc[hedge_start].head
    if verb.lemma_.lower() not in _SPREAD_WORDS or verb.pos_ not in ("VERB", "NOUN"):
        return None
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in NOUNS and _names_a_thing(verb.head):
        return _quantity_target(verb.head)  # "forecasts ranging from …"
    before = doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and before is not None and before.pos_ in NOUNS and _names_a_thing(before):
        return _quantity_target(before)  # the same, the participle parsed as a clause of its own
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        subject = _antecedent_of_relative(subject)
    if subject is not None and subject.pos_ in NOUNS and _names_a_thing(subject) and not _refers_back(subject):
        return _quantity_target(subject)
    return None


#: Pronouns a partitive refers back with: "4,000 of them", "two of those".
_PARTITIVE_PRONOUNS = {"them", "those", "these"}


def partitive_pronoun_counts(doc: Doc, p: Phrase, before: list[Mention], earlier: list[Mention]) -> str | None:
    """A bare count of a part of things counted just before: "At least 35,000 objects are held abroad,
    and about 4,000 of them have been identified" (objects), "Police held 140 people. Thirty of those
    were minors." The things are the last plain count of the sentence, else of the sentence before."""
    if not p.plain or p.unit is not None or p.kind != "count" or p.end + 1 >= len(doc):
        return None
    if doc[p.end].lower_ != "of" or doc[p.end + 1].lower_ not in _PARTITIVE_PRONOUNS:
        return None
    if p.end + 2 < len(doc) and doc[p.end + 2].pos_ in NOUNS:
        return None  # "30 of them minors": what those are is written (`counted_span`)
    start = index(doc).sentence(p.start)[0]
    pool = list(before)
    if not pool and start > 0:
        previous_start = index(doc).sentence(start - 1)[0]
        pool = [m for m in earlier if m.sent_start == previous_start]
    whole = next((m for m in reversed(pool) if m.stat.kind == "count" and m.stat.unit is None
                  and m.head_words and Decimal(m.stat.value) > p.value), None)
    if whole is None and not pool and start > 0 and joined(doc, start):
        # "Drifting mines are still a threat. Divers have neutralised more than 40 of them": no count
        # before, the plural thing the sentence before is about (its subject)
        previous_start = index(doc).sentence(start - 1)[0]
        subject = next((t for t in doc[previous_start:start] if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS"
                        and _names_a_thing(t) and not _is_when(t) and t.lemma_.lower() not in HUMAN_NOUNS), None)
        return _quantity_target(subject) if subject is not None else None
    return whole.stat.counts if whole is not None else None


def passive_subject_counts(doc: Doc, p: Phrase) -> str | None:
    """A bare number that is what a passive verb happened to: "58 have been hospitalized",
    "at least 12 were killed and 40 injured", "7 were arrested": those it happened to, named
    by the participle ("hospitalized"). Active verbs abstain ("the two said", "nine agreed")."""
    if p.unit is not None or p.kind != "count":
        return None
    token = doc[p.end - 1]
    if token.pos_ != "NUM" or token.ent_type_ in ("DATE", "TIME"):
        return None
    if p.end < len(doc) and doc[p.end].tag_ == "VBN" and doc[p.end].dep_ == "acl" and doc[p.end].head.i == token.i \
            and doc[p.end].lemma_.lower() not in SPEECH_VERBS:
        return doc[p.end].lower_  # "compared with 19 kidnapped a year earlier"
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = token.head
    if verb.tag_ != "VBN" or verb.lemma_.lower() in SPEECH_VERBS:
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if not passive and verb.dep_ == "conj":
        # "12 were killed and 40 injured": the participle shares the passive of the verb it joins
        passive = verb.head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.head.children)
    if not passive or any(c.dep_ in ("dobj", "attr") for c in verb.children):
        return None
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into") and c.i == verb.i + 1), None)
    where = next((o for o in to.children if o.dep_ == "pobj"), None) if to is not None else None
    if where is not None and where.pos_ == "NOUN":
        return span_text(doc, (verb.i, where.i + 1))  # "were taken to hospital", "were taken into custody"
    return verb.lower_


#: Adjectives that name the people a bare number counts by their state: "12 dead and 40 injured".
STATE_ADJECTIVES = word_set("state-adjectives.txt")


def _a_state_word(word: str) -> bool:
    """A counts that is only a word of state ("dead", "killed")."""
    return word in STATE_ADJECTIVES or (word.endswith("ed") and " " not in word)


def _a_state(token: Token) -> bool:
    """'killed', 'wounded', 'dead', 'missing': a participle or adjective of state, no verb of saying."""
    return (token.tag_ == "VBN" and token.lemma_.lower() not in SPEECH_VERBS) or token.lower_ in STATE_ADJECTIVES


def stated_people_counts(doc: Doc, p: Phrase, before: list[Mention]) -> str | None:
    """'paid with more than 900 killed and wounded', 'the attack left 12 dead and 40 injured': a bare
    number right before a participle or adjective of state (and one joined to it) counts those in that
    state. None when the word takes an object or a noun follows ("900 killed civilians" is misread), or
    after a count of things in its sentence ("40,000 claims, with 9,000 paid out": those claims)."""
    if p.unit is not None or p.kind != "count" or not p.plain or p.end >= len(doc) or not joined(doc, p.end):
        return None
    if any(m.stat.kind == "count" and m.stat.unit is None and not all(_a_state_word(w) for w in m.stat.counts.split(" and "))
           for m in before):
        return None
    first = doc[p.end]
    if not _a_state(first) or any(c.dep_ in ("dobj", "attr", "nsubj", "prt") and not p.start <= c.i < p.end for c in first.children):
        return None
    if _figure(doc, p).dep_ == "nsubj" and _figure(doc, p).head.i == first.i and first.lower_ not in STATE_ADJECTIVES:
        return None  # "Nine signed on Friday": what nine did, not a state (but "40 injured", "30 killed")
    end = p.end + 1
    if end + 1 < len(doc) and doc[end].lower_ in ("and", "or") and _a_state(doc[end + 1]) and joined(doc, end + 1):
        end += 2  # "killed and wounded"
    after = doc[end] if end < len(doc) and joined(doc, end) else None
    if after is not None and (after.pos_ in ("NOUN", "PROPN", "DET", "NUM") or after.like_num):
        return None
    return span_text(doc, (p.end, end))


#: Nouns that only hedge the figure after 'of': "in the range of 6.8-7.0%", "in the region of 5%".
_HEDGE_NOUNS = {"range", "region", "order", "vicinity", "neighbourhood", "neighborhood", "excess", "tune"}


def named_before_of(doc: Doc, p: Phrase, hedge_start: int, before: list[Mention]) -> str | None:
    """'growth of 0.9%', 'an increase of 60%', 'a jobless rate of 4.1%': a percentage written as
    what a noun amounts to counts that noun (for a change with 'in', what changed: 'a rise of 3%
    in prices' counts the prices; a change set beside the figures before it in its sentence, "6
    incidents, against 13 a year before, a fall of 54%", is a change of what they count)."""
    if hedge_start < 2 or doc[hedge_start - 1].lower_ != "of":
        return None
    of = doc[hedge_start - 1]
    noun = of.head
    if noun.i != hedge_start - 2 or noun.pos_ != "NOUN" or noun.lower_ in PRONOUNS or _is_when(noun) or _is_figure(noun):
        return None  # (the parse must hang 'of' from the noun just before it)
    if noun.lemma_.lower() in _HEDGE_NOUNS:
        # "is projected to grow in the range of 6.8-7.0%": the range hedges what the verb says grows
        verb = governor(noun)
        return _change_target(verb) if verb.lemma_.lower() in CHANGE_VERBS else None
    if noun.lemma_.lower() in FORECAST_NOUNS:
        # "a projection of 3.5% for the economy": what is forecast (else what was last counted, `forecast_counts`)
        for c in [*noun.children, *doc[p.end - 1].children]:
            if c.dep_ == "prep" and c.lower_ == "for" and c.i > noun.i:
                obj = next((o for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and _names_a_thing(o)
                            and not _is_when(o)), None)
                if obj is not None:
                    return _quantity_target(obj)
    if noun.lemma_.lower() in CHANGE_NOUNS:
        for c in [*noun.children, *doc[p.end - 1].children]:  # (the parse may hang 'in' from the figure)
            if c.dep_ == "prep" and c.lower_ == "in" and c.i > noun.i:
                obj = next((o for o in c.children if o.dep_ == "pobj" and o.pos_ in NOUNS and not _is_when(o)), None)
                if obj is not None:
                    return _quantity_target(obj)
        set_apart = noun.dep_ in ("appos", "npadvmod") or (noun.left_edge.i > 0 and doc[noun.left_edge.i - 1].text == ",")
        if set_apart and before and before[-1].stat.unit != p.unit:
            return f"{_noun_phrase_of(noun)} in {before[-1].stat.counts}"
    if noun.dep_ == "pobj" and ((noun.lemma_.lower() in _PACE_NOUNS and noun.head.lower_ == "at")
                                or (noun.lower_ in _LEVEL_NOUNS and noun.head.lower_ in ("to", "at"))):
        verb = noun.head.head  # (and "fell to a 14-month low of 3.9%": the unemployment, at its low)
        if verb.pos_ == "VERB" and verb.lemma_.lower() in CHANGE_VERBS | LEVEL_VERBS:
            target = _change_target(verb)  # "GDP expanded at an annualized rate of 2.8%": the GDP's change
            if target is not None:
                return f"{target}, {_noun_phrase_of(noun)}"
    return _noun_phrase_of(noun)


#: Nouns of a level a change reaches: "fell to a 14-month low of 3.9%", "rose to a record of 41 GW".
_LEVEL_NOUNS = frozenset({"high", "low", "peak", "record", "level", "trough"})

#: Nouns of the speed of a change: "grew at an annual rate of 2.8%", "rose at a pace of 4%".
_PACE_NOUNS = frozenset({"rate", "pace", "clip", "speed"})


#: Words a figure measures the distance of: "0.3% below", "4.2% larger", "23% funded".
_MEASURED_TAGS = {"JJR", "RBR", "VBN"}
_MEASURED_WORDS = {"above", "below", "higher", "lower", "up", "down", "ahead", "behind"}
#: Verbs that link a subject to how it measures: "is 0.3% below", "remained 2% higher".
_LINKING_VERBS = {"be", "remain", "stay", "seem", "appear", "look", "end", "close", "finish", "stand"}


def measured_subject(doc: Doc, p: Phrase, hedge_start: int, before: list[Mention],
                     previous: list[Mention] = ()) -> str | None:
    """'GDP … is 0.3% below the same quarter', 'the economy is 4.2% larger than before', 'the appeal
    is only 23% funded': a figure that says how far the subject of its clause is above, below or
    along measures that subject; set after a figure with a comma ('at £79.50, some 11% above the
    last round'), it measures that figure's thing."""
    figure = _figure(doc, p)
    word = figure.head
    if figure.dep_ != "npadvmod" or not (word.tag_ in _MEASURED_TAGS or word.lower_ in _MEASURED_WORDS):
        return None
    if hedge_start > 0 and doc[hedge_start - 1].text == "," and before and before[-1].stat.unit != p.unit:
        return before[-1].stat.counts
    if word.dep_ not in ("acomp", "prep", "advmod", "attr", "oprd"):
        return None
    node = word.head
    if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() not in _LINKING_VERBS:
        # "recovered 2,734 objects, about 40 percent more", "delivers weapons 30 per cent faster":
        # what the verb acts on is compared, not who acts
        obj = next((c for c in node.children if c.dep_ == "dobj"), None)
        return _quantity_target(obj) if obj is not None and _names_a_thing(obj) else None
    for _ in range(3):
        if node.pos_ not in ("VERB", "AUX"):
            return None
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and word.tag_ == "VBN" and subjects[0].lower_ in _OBJECT_ANAPHORS:
            return _antecedent(doc, subjects[0])  # "the appeal seeks $44 billion, but it is only 17 per cent funded"
        if subjects and word.tag_ != "VBN" and (_refers_back(subjects[0]) or (node.dep_ == "relcl" and subjects[0].tag_ == "WDT")):
            return _compared_figure(doc, p, word, subjects[0], before, previous)
        if subjects:
            return _quantity_target(subjects[0]) if _names_a_thing(subjects[0]) else None
        if node.dep_ not in ("xcomp", "conj") or node.head == node:
            return None
        node = node.head  # "… is estimated to be 4.2% larger": the subject of 'estimated'
    return None


def _compared_figure(doc: Doc, p: Phrase, word: Token, subject: Token, before: list[Mention],
                     previous: list[Mention]) -> str | None:
    """'each battery will cost €175 million. That is some 20 per cent more than Lithuania paid', '€1.1
    million per missile, which is roughly ten per cent less than …': a percentage by which the figure
    just named ('which' after it, or 'that'/'it' opening the next sentence of its paragraph) differs
    from another measures what that figure counts, compared ("battery cost in euros, more than
    Lithuania paid"). None when no figure stands there to refer to."""
    if subject.tag_ == "WDT":
        last = before[-1] if before else None
    else:
        last = before[-1] if before else next(iter(reversed(_paragraph_before(doc, p, list(previous)))), None)
    if last is None:
        return None
    counts = last.stat.counts
    than = next((c for c in word.rights if c.lower_ == "than" or any(g.lower_ == "than" and g.dep_ == "mark" for g in c.children)), None)
    if than is not None:
        end = than.right_edge.i + 1
        start = than.i if than.lower_ == "than" else next(g.i for g in than.children if g.lower_ == "than")
        stop = next((k for k in range(start, end) if doc[k].is_punct), end)
        if stop - start <= 8:
            return f"{counts}, {word.lower_} {span_text(doc, (start, stop))}"
    return f"{counts}, {word.lower_}"


def compared_level_subject(doc: Doc, p: Phrase, hedge_start: int) -> str | None:
    """'prices are still 30-40pc above 2020 levels': a percentage right before 'above'/'below'
    ('higher', 'lower') measures the subject of the linking verb just before it, read on the
    surface when the parse makes the range a modifier of what follows."""
    if p.end >= len(doc) or not (doc[p.end].lower_ in _MEASURED_WORDS or doc[p.end].tag_ == "JJR"):
        return None
    for k in range(hedge_start - 1, max(-1, hedge_start - 4), -1):
        token = doc[k]
        if token.pos_ in ("AUX", "VERB") and token.lemma_.lower() in _LINKING_VERBS:
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < k), None)
            return _quantity_target(subject) if subject is not None and _names_a_thing(subject) else None
        if token.pos_ != "ADV":  # only "still", "now", "about" between the verb and the figure
            return None
    return None


def percent_word(doc: Doc, p: Phrase) -> str:
    """How a percentage is written: 'percent', 'pct', 'per cent', '%', 'pc' ('41pc')."""
    last = doc[p.end - 1]
    if p.unit == "percentage points":
        return "percentage points"
    if last.lower_ == "cent" and p.end >= 2 and doc[p.end - 2].lower_ == "per":
        return "per cent"
    glued = num.split_glued(last.text)
    written = glued[1] if glued is not None else last.text
    return "percent" if written == "%" else written


# --------------------------------------------------------------------------- per


def per_of(doc: Doc, p: Phrase, noun: tuple[int, int] | None, sent_end: int) -> str | None:
    """'per square kilometer', 'for every square kilometer', 'a day', 'daily' -> the unit."""
    found = _written_per(doc, p, noun, sent_end)
    return found if found is not None else p.measure_per  # "b/d" is per day


def _written_per(doc: Doc, p: Phrase, noun: tuple[int, int] | None, sent_end: int) -> str | None:
    k = noun[1] if noun is not None else p.end
    stop = min(sent_end, k + 10)
    if k + 1 < stop and doc[k].text == "/" and not doc[k - 1].whitespace_ and doc[k + 1].is_alpha:
        unit = doc[k + 1].text
        name = MEASURE_UNITS[unit][0] if unit in MEASURE_UNITS else unit
        return name[:-1] if name.endswith("s") and unit != name else name  # "$498/t": per tonne; "£190/MWh"
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
        elif w in ("a", "an", "every", "each") and k + 1 < stop and doc[k + 1].lemma_.lower() in TIME_NOUNS \
                and (k + 2 >= len(doc) or doc[k + 2].lower_ not in ("earlier", "ago", "later", "before", "after", "on")):
            return doc[k + 1].lemma_.lower()  # (not "740 a year earlier", a time, nor "a year on year rise")
        elif w in ("a", "an") and k == p.end and p.kind == "amount" and k + 1 < stop and doc[k + 1].tag_ == "NN" \
                and (k + 2 >= sent_end or doc[k + 2].pos_ not in NOUNS):
            return doc[k + 1].lower_  # "$82.40 a barrel", "£9.50 an hour": a price of one
        if after is not None:
            run = cardinal_run(doc, after) if after < sent_end else None
            span = _np_span(doc, run[0] if run is not None else after, sent_end)
            if span is not None:
                return span_text(doc, (after, span[1]))  # "per square kilometre", "per 100,000 people"
        k += 1
    return None


def _without_currency(counts: str, unit: str | None) -> str | None:
    """What a sum of money counts without its currency: "wheat exports in dollars" → "wheat exports",
    "euros in military aid" → "military aid", "euros" → "" (nothing left); None when the words do
    not name the currency of `unit`."""
    currency = CURRENCY_WORDS.get(unit or "", unit or "")
    if not currency:
        return None
    if counts.casefold() == currency.casefold():
        return ""
    tail = f" in {currency}"
    if counts.endswith(tail):
        return counts[: -len(tail)]
    for prep in ("in", "of", "for", "on", "worth"):
        head = f"{currency} {prep} "
        if counts.startswith(head):
            return counts[len(head):]
    verb, _, rest = counts.partition(" ")
    if rest.casefold().startswith(currency.casefold()) and verb.isalpha() and verb.islower():
        return ""  # "pay pounds", "put euros into the fund" (`_money_given`): what is done with it names no thing
    return None


def money_change_counts(doc: Doc, p: Phrase, counts: str, before: list) -> str | None:
    """A percentage that takes its counted thing from a sum of money before it changes that thing,
    not the currency: "exports were worth $12bn, up 6% on a year earlier" (exports), "power averaged
    €81/MWh, 12pc higher" (power, the subject of the sum). Returns `counts` unchanged when it does not
    come from a sum of money, None when no thing can be named."""
    money = next((m for m in reversed(before) if m.stat.kind == "amount" and m.stat.counts == counts), None)
    if money is None:
        return counts
    stripped = _without_currency(counts, money.stat.unit)
    if stripped is None:
        return counts
    if stripped:
        return stripped
    token = next((t for t in doc[money.sent_start : p.start] if t.idx == money.offset), None)
    if token is None:
        return None
    verb = governor(token)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i), None)
    if subject is None or subject.pos_ not in NOUNS or not _names_a_thing(subject):
        return None
    return _noun_phrase_of(subject)  # "spot power … averaged €94/MWh, 18pc higher": spot power


def included_part_counts(doc: Doc, p: Phrase, counts: str, before: list) -> str:
    """A sum of money named only by its currency, set after 'including' a sum before it in the same
    currency, is part of that sum and counts what it counts: "pledges of $300 million, including a
    grant from Canada and $45 million from Japan" (pledges). Returns `counts` otherwise."""
    currency = CURRENCY_WORDS.get(p.unit or "", p.unit or "")
    if p.kind != "amount" or counts != currency:
        return counts
    whole = next((m for m in reversed(before) if m.stat.kind == "amount" and m.stat.unit == p.unit), None)
    if whole is None or whole.stat.counts == counts:
        return counts
    between = [t for t in doc[whole.sent_start : p.start] if t.idx > whole.offset]
    if not any(t.lower_ in ("including", "incl.") for t in between) or any(t.text in (";", ":") for t in between):
        return counts
    return whole.stat.counts


def rate_reached(doc: Doc, p: Phrase, hedge_start: int) -> str | None:
    """A rate something changed to: "the infant mortality rate has fallen to 28 per 100,000 births",
    "… has come down to 28 per 100,000 births" (what the verb of change, or a verb with 'down'/'up',
    has as subject). None when no such verb takes the 'to'."""
    if hedge_start < 2 or doc[hedge_start - 1].lower_ != "to":
        return None
    to = doc[hedge_start - 1]
    verb = change_verb_of(to) or _change_verb_before(doc, hedge_start - 1)
    particle = doc[hedge_start - 2]
    if verb is None and particle.lower_ in ("down", "up") and particle.head.pos_ == "VERB" and particle.head.i < particle.i:
        verb = particle.head  # "has come down to", "has gone up to"
    return _change_target(verb) if verb is not None else None


#: Who an anonymous report is sourced to: "according to two people familiar with the talks".
_SOURCE_NOUNS = {"person", "people", "source", "official", "diplomat", "insider", "executive", "banker", "aide"}
#: What follows such sources: "familiar with", "briefed on", "with knowledge of", "close to".
_SOURCE_TAILS = {"familiar", "briefed", "close", "with", "who", "speaking", "aware", "involved", "knowledgeable"}


def anonymous_sources(doc: Doc, p: Phrase, noun: tuple[int, int] | None, hedge_start: int) -> bool:
    """'according to two people briefed on the talks', 'three sources familiar with the matter said':
    how many unnamed people a report is sourced to, an attribution, not a statistic."""
    if noun is None or not p.plain or noun[1] - noun[0] > 3:
        return False
    head = doc[noun[1] - 1]
    if head.lemma_.lower() not in _SOURCE_NOUNS:
        return False
    according = hedge_start >= 2 and doc[hedge_start - 2].lower_ == "according" and doc[hedge_start - 1].lower_ == "to"
    tail = noun[1] < len(doc) and doc[noun[1]].lower_ in _SOURCE_TAILS
    if tail and doc[noun[1]].lower_ in ("with", "who", "close"):
        nxt = doc[noun[1] + 1].lower_ if noun[1] + 1 < len(doc) else ""
        tail = nxt in ("knowledge", "direct", "spoke", "asked", "declined", "requested", "to")
    said = head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEECH_VERBS  # (not "hired 300 people familiar with farming")
    return according or (tail and said)


def bracketed_change_counts(doc: Doc, p: Phrase, before: list) -> str | None:
    """What a signed figure in brackets changes: "Employment fell in manufacturing (-21,000)" (employment
    in manufacturing), "It increased in health care (+17,000)" (health care), "…, while it rose in
    Alberta (+12,000)" (what the bracket before it in the sentence changed)."""
    if not (doc[p.start].text[:1] in "+-−–" and doc[p.start].text[1:2].isdigit()):
        return None
    k = p.start - 1
    while k > 0 and doc[k].text != "(":
        k -= 1
    if k < 1:
        return None
    verb = governor(doc[k - 1])
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_.lower() not in CHANGE_VERBS:
        # "the largest falls were recorded in Greece (-1.2 pp), Spain (-0.9 pp)": the changes the clause names
        change = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
                       and c.lemma_.lower() in CHANGE_NOUNS), None)
        if change is not None:
            return _noun_phrase_of(change)
        return None
    where = next((o for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < k
                  for o in c.children if o.dep_ == "pobj"), None)
    target = _change_target(verb)
    thing = where is not None and _names_a_thing(where) and not _is_when(where)
    if target is not None:
        return f"{target} in {_noun_phrase_of(where)}" if thing else target
    if thing:
        return _noun_phrase_of(where)
    return before[-1].stat.counts if before else None


# --------------------------------------------------------------------------- the article's own notation

#: A currency written in letters before a figure, as the article writes it: "ISK 1.1 billion",
#: "Rs 410 crore", "R$ 55 billion", "Rs500", "US$5 million" (not a bare sign: "$", "€").
_WRITTEN_CURRENCY = re.compile(r"(?<![\w$])([A-Za-z]{1,3}\$|[A-Za-z]{1,3}\.?)\s?\d")


def with_written_unit(stat) -> str:
    """What a statistic counts with the unit the article abbreviates kept beside its name in words:
    "kronur (ISK) committed", "basis points (bps)", "rupees (Rs)", so that both the words and the
    notation of the text name it ("ISK 1.1 billion", "fell 6 bps"). `stat.counts` when the unit is
    written as a sign ("$", "€"), in words ("euros") or as the name itself ("GW")."""
    from newsgraph.extract.statistics.numbers import CURRENCY_BEFORE, CURRENCY_GLUED

    counts, unit = stat.counts, stat.unit
    if not unit or not counts:
        return counts
    if unit in MEASURE_UNITS:
        name, written = MEASURE_UNITS[unit][0], unit
    elif unit in CURRENCY_WORDS:
        name = CURRENCY_WORDS[unit]
        m = _WRITTEN_CURRENCY.search(stat.written or "")
        written = m.group(1) if m is not None else ""
        if (CURRENCY_BEFORE.get(written.lower()) or CURRENCY_GLUED.get(written)) != unit:
            return counts
    else:
        return counts
    written = written.rstrip(".")
    if not written.replace("$", "").isalpha() or (len(written) < 2 and written not in CURRENCY_GLUED) \
            or written.casefold() in counts.casefold().split():
        return counts
    at = counts.find(name)
    if at < 0:
        return counts
    at += len(name)
    return f"{counts[:at]} ({written}){counts[at:]}"
