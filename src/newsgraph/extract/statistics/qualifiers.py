"""How a number is hedged, and when it holds: hedges ("more than", "about", "or so"), hypothetical
clauses ("if …, it would …"), and the period it is stated for ("over the past day", "since
February 2022", "overnight").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.statistics.document import char_end, doc_text, governor, index, joined
from newsgraph.extract.statistics.numbers import TIME_NOUNS, Phrase
from newsgraph.text import word_set, word_table


# --------------------------------------------------------------------------- word lists

#: Hedges written before a number and their qualifier, longest first so "well over" wins over "over".
HEDGES: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    sorted(
        ((tuple(words.split()), qualifier) for words, qualifier in word_table("hedges.tsv", ("words", "qualifier"))),
        key=lambda item: -len(item[0]),
    )
)

#: Written after the number: "400 or so", "400 or more".
TRAILING_HEDGES = {tuple(words.split()): qualifier for words, qualifier in word_table("trailing-hedges.tsv", ("words", "qualifier"))}

#: Clause-introducing words that make what follows hypothetical.
HYPOTHETICAL_MARKS = word_set("hypothetical-marks.txt")

#: Modals of the clause an 'if' clause conditions: "it would lose", "they could supply".
CONDITIONAL_MODALS = word_set("conditional-modals.txt")

#: Words of time the tagger does not mark as dates: "launched 40 drones overnight".
NIGHT_WORDS = word_set("night-words.txt")


# --------------------------------------------------------------------------- hedges


def hedge_before(doc: Doc, start: int) -> tuple[str | None, int]:
    """The hedge written right before token `start` and where it begins."""
    words = [doc[k].lower_ for k in range(max(0, start - 5), start)]
    for pattern, qualifier in HEDGES:
        n = len(pattern)
        if n <= len(words) and tuple(words[-n:]) == pattern:
            if pattern == ("some",) and start > 0 and doc[start - 1].pos_ != "DET" and doc[start - 1].dep_ not in ("quantmod", "advmod", "det"):
                continue
            if pattern == ("under",) and start > 1 and doc[start - 2].lower_ in ("came", "come", "comes", "was", "were", "is") \
                    and not _a_percentage(doc, start):
                continue  # "came under 40 attacks" is not "fewer than 40" (but "was under 5 per cent" is)
            return qualifier, start - n
    return None, start


_GLUED_PERCENTAGE = re.compile(r"\d[\d.,]*(?:%|pc|pct)")


def _a_percentage(doc: Doc, start: int) -> bool:
    """The number at `start` is a percentage: "5%", "5 per cent", "5pc", "five percent"."""
    if _GLUED_PERCENTAGE.fullmatch(doc[start].lower_):
        return True
    nxt = [doc[k].lower_ for k in range(start + 1, min(len(doc), start + 3))]
    return bool(nxt) and (nxt[0] in ("%", "percent", "pct", "pc") or nxt[:2] == ["per", "cent"])


def hedge_after(doc: Doc, end: int) -> tuple[str | None, int]:
    for pattern, qualifier in TRAILING_HEDGES.items():
        words = tuple(doc[k].lower_ for k in range(end, min(end + len(pattern), len(doc))))
        if words == pattern:
            return qualifier, end + len(pattern)
    return None, end


# --------------------------------------------------------------------------- hypothetical numbers


def _counterfactual(verb: Token) -> bool:
    """'could have promised', 'would have cost', 'might have reached': a modal with 'have' and a
    participle, what did not happen (the verb, or the first of verbs joined to it)."""
    node = verb
    if node.dep_ == "conj" and not any(c.dep_ == "aux" for c in node.children):
        node = node.head  # "could have promised 4% and missed it"
    auxes = [c.lower_ for c in node.children if c.dep_ == "aux"]
    # (not "might have": "the strike might have killed 40" reports a hedged count of what happened)
    return "have" in auxes and any(a in CONDITIONAL_MODALS and a != "might" for a in auxes)


def is_hypothetical(token: Token) -> bool:
    """Inside an 'if'/'unless' clause ("if the proportions were 1 to 1"), or in the 'would'/'could'
    clause that an 'if' clause conditions ("if Russia kept losing …, it would lose another 60,000")."""
    for node in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in CONDITIONAL_MODALS for c in node.children) \
                and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in HYPOTHETICAL_MARKS for m in c.children)
                        for c in node.children):
            return True
        if node.pos_ == "VERB" and node.tag_ == "VBN" and _counterfactual(node):
            return True  # "we could have promised 4%": what did not happen
    return False


# --------------------------------------------------------------------------- periods

_YEAR = re.compile(r"(1[89]|20|21)\d\d")

ORDINAL = re.compile(r"^(?:the\s+)?\d+(?:st|nd|rd|th)$", re.I)

_PERIOD_LEAD = re.compile(r"^(?:(?:in|over|during|within|for|throughout|across|of|on|at)\s+)?(?:(?:just|only|the|a)\s+)*", re.I)

#: "since the start of the full-scale invasion", "since the beginning of the war": a period without a date.
_SINCE_EVENT = re.compile(r"^since\s+the\s+(?:start|beginning|outbreak|launch|onset)\s+of\s+(?:the\s+|this\s+)?[\w-]+(?:\s+[\w-]+){0,2}?"
                          r"(?=\s*(?:$|[,.;:)]|\s(?:to|and|but|while|which|in|on|at|according|when)\b))", re.I)


def _since_period(doc: Doc, p: Phrase, sent_start: int, sent_end: int) -> str | None:
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
        ent = index(doc).entity_at(k + 1)
        if ent is not None and ent.label_ == "DATE" and ent.start == k + 1 and not ORDINAL.match(ent.text):
            return "since " + _PERIOD_LEAD.sub("", ent.text)
        m = _SINCE_EVENT.match(doc_text(doc)[doc[k].idx : char_end(doc, right if k >= p.end else p.start)])
        if m:
            return m.group(0)
    return None


def _compared_with_itself(doc: Doc, ent: Span) -> bool:
    """'year on year', 'month-on-month': the basis of a change, not when it holds."""
    k = ent.start - 1
    if k >= 0 and doc[k].text in "-‐":
        k -= 1
    if k >= 1 and doc[k].lower_ == "on":
        k -= 1
        if doc[k].text in "-‐" and k >= 1:
            k -= 1
        if doc[k].lemma_.lower() == doc[ent.start].lemma_.lower():
            return True  # the second 'year' of 'year on year'
    k = ent.end
    if k < len(doc) and doc[k].text in "-‐":
        k += 1
    if k + 1 < len(doc) and doc[k].lower_ == "on":
        k += 1
        if doc[k].text in "-‐" and k + 1 < len(doc):
            k += 1
        return doc[k].lemma_.lower() == ent.root.lemma_.lower()
    return False


#: Nouns of a stretch of time: "over a period of two years" is when.
_SPAN_NOUNS = frozenset({"period", "span", "stretch", "window", "spell", "course", "space"})


def period_of(doc: Doc, p: Phrase, noun: tuple[int, int] | None, sent_start: int, sent_end: int) -> str | None:
    """The time phrase the number is stated for: 'two months', 'past day', 'since February 2022'."""
    anchor_tok = doc[noun[1] - 1] if noun is not None else doc[p.end - 1]
    verb = governor(anchor_tok)
    verbs = {verb, *(c for c in verb.children if c.dep_ == "conj")}
    if verb.dep_ == "conj":
        verbs.add(verb.head)
    best: Span | None = None
    for ent in index(doc).entities_in(sent_start, sent_end):
        if ent.label_ not in ("DATE", "TIME") or ent.start < sent_start or ent.end > sent_end:
            continue
        if ent.start <= p.start < ent.end or ORDINAL.match(ent.text) or _compared_with_itself(doc, ent):
            continue
        if len(ent) == 1 and ent[0].like_num and not _YEAR.fullmatch(ent.text):
            continue  # "down from 54": a number the tagger took for a date
        if ent.end < len(doc) and doc[ent.end].lower_ == "of" and ent[0].like_num:
            continue  # "enough for 11 months of imports": a quantity of time, not when
        if ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and ent[0].like_num and doc[ent.start - 2].pos_ == "NOUN" \
                and doc[ent.start - 2].lemma_.lower() not in TIME_NOUNS | _SPAN_NOUNS:
            continue  # "above the statutory requirement of four months": a length of time something is, not when
        if ent.start >= 1 and doc[ent.start - 1].lower_ == "on" and ent[0].lower_ == "the" and len(ent) == 2:
            continue  # "rose 23% on the year": the basis of the change
        if len(ent) == 3 and ent[1].text in ("-", "‐") and not ent[0].whitespace_ and not ent[1].whitespace_ \
                and ent.end < len(doc) and doc[ent.end].pos_ in ("NOUN", "PROPN") and joined(doc, ent.end) \
                and doc[ent.end].lemma_.lower() not in TIME_NOUNS | {"period", "span", "stretch", "window", "spell"}:
            continue  # "yields on 10-year bonds": a length naming a kind of thing, not when
        if governor(ent.root) in verbs or governor(ent.root) == governor(doc[p.start]) or ent.root.head == anchor_tok:
            if best is None or abs(ent.start - p.start) < abs(best.start - p.start):
                best = ent
    night = next((t for t in doc[sent_start:sent_end] if t.lower_ in NIGHT_WORDS and governor(t) in verbs), None)
    if best is None:
        if night is not None:
            return night.lower_  # "launched 143 drones overnight": the tagger gives no date
        return _since_period(doc, p, sent_start, sent_end)
    text = best.text
    if ORDINAL.match(text):
        return None  # "its 22nd aid package": the tagger's DATE, an ordinal
    lead = best.start - 1
    if lead >= 0 and doc[lead].lower_ == "since":
        return "since " + _PERIOD_LEAD.sub("", text)
    text = _PERIOD_LEAD.sub("", text).strip()
    if night is not None and night.i < best.start and best.start - night.i <= 2:
        return f"{night.lower_} {doc[night.i + 1 : best.start].text} {text}".replace("  ", " ")  # "overnight on Feb. 13"
    return text or None
