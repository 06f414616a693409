"""One `Statistic` per fact: each number phrase becomes a mention, with what it counts, its hedge,
period, subject and claimant; the mentions of one fact (headline, body, quote) are merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from newsgraph.extract.anchors import make_anchor
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.statistics import values as num
from newsgraph.extract.statistics.claimants import claimant_of, subject_of
from newsgraph.extract.statistics.counts import (
    CHANGE_NOUNS,
    CURRENCY_WORDS,
    RATE_ADVERBS,
    anaphoric_counts,
    anonymous_sources,
    anaphoric_share,
    brought_to,
    bracketed_change_counts,
    change_head,
    clause_counts,
    compared_level_subject,
    counted_span,
    box_counts,
    market_label_counts,
    bracket_label_counts,
    signed_label_counts,
    share_of_what,
    share_verb_subject,
    counted_thing,
    elided_counts,
    forecast_counts,
    parallel_counts,
    fronted_whole,
    headline_level,
    included_part_counts,
    listed_counts,
    measured_subject,
    money_change_counts,
    named_before_of,
    per_of,
    rate_reached,
    percent_word,
    what_it_is,
    passive_subject_counts,
    share_of,
    asked_counts,
    asked_figure_counts,
    explicit_share,
    gapped_count,
    listed_share,
    taken_share_counts,
    takes_share,
    table_cell_counts,
    tally_counts,
    with_written_unit,
    participle_share,
    partitive_pronoun_counts,
    spread_counts,
    stated_people_counts,
)
from newsgraph.extract.statistics.document import char_end, doc_text, governor, indexed, sentence_bounds
from newsgraph.extract.statistics.numbers import Phrase, is_conversion, is_duration, is_label_or_date, read_phrase
from newsgraph.extract.statistics.qualifiers import (
    hedge_after,
    hedge_before,
    is_hypothetical,
    period_of,
)
from newsgraph.model import Statistic
from newsgraph.text import line_start, word_set


@dataclass
class Mention:
    """One written mention of a number fact, before the mentions of one fact are merged."""

    stat: Statistic
    offset: int
    in_headline: bool
    richness: int = 0
    head_words: set[str] = field(default_factory=set)
    sent_start: int = 0  # first token of its sentence
    verb: str = ""  # the lemma of the verb its clause hangs from
    taken: bool = False  # a percentage someone named holds or takes ("Quispe had 17.9 pct")
    whole: bool = False  # its counted noun is written after 'of' ("31.2% of the vote"), or taken from such a share


# --------------------------------------------------------------------------- entry point


def find_statistics(doc: Doc, ctx: ArticleContext) -> list[Statistic]:
    """Every distinct number fact in the article body, one `Statistic` each, in text order."""
    with indexed(doc, ctx):
        return _find_statistics(doc, ctx)


def _find_statistics(doc: Doc, ctx: ArticleContext) -> list[Statistic]:
    mentions: list[Mention] = []
    last_amount: Phrase | None = None
    last_amount_mention: Mention | None = None
    restated: list[Mention] = []  # sums restated in another currency
    last_share: Mention | None = None  # the last share someone named took of a thing written out
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.idx >= ctx.body_end:
            break
        phrase = read_phrase(doc, i)
        if phrase is None:
            i += 1
            continue
        if phrase.vague:  # "thousands of rocket attacks": never a number
            i = max(phrase.end, i + 1)
            continue
        if phrase.kind == "amount":
            if last_amount is not None and is_conversion(doc, last_amount, phrase):
                # "UAH 2.2 trillion, or about $53 billion": the same sum in another currency, stated as
                # the article states it, counting what the first sum counts
                if last_amount_mention is not None and last_amount_mention.stat.anchors[0].start <= doc[last_amount.start].idx:
                    restated.append(_restated(doc, ctx, phrase, last_amount_mention))  # (no antecedent of later figures)
                i = max(phrase.end, i + 1)
                continue
            last_amount = phrase
            last_amount_mention = None
        mention = _mention(doc, ctx, phrase, _in_sentence(doc, mentions, i), mentions[-6:], last_share)
        if mention is not None and phrase.kind == "amount" and phrase is last_amount:
            last_amount_mention = mention
        if mention is not None:
            mentions.append(mention)
            if explicit_share(mention):
                last_share = mention
        i = max(phrase.end, i + 1)
    return _merge(sorted(_without_periods(mentions) + restated, key=lambda m: m.offset), ctx)


def _restated(doc: Doc, ctx: ArticleContext, p: Phrase, first: Mention) -> Mention:
    """A sum restated in another currency ("ISK 1.1 billion (around EUR 7.5 million)", "Bs 190
    million, or roughly $27.5 million"): a statistic of its own, the figure and hedge as written,
    counting what the first sum counts in its own currency ("committed euros, restating kronur")."""
    qualifier, hedge_start = hedge_before(doc, p.start)
    if p.upper is not None:
        qualifier = "between"  # "($2,950 to $5,900)": a range is its own hedge
    name, own = CURRENCY_WORDS.get(first.stat.unit or "", ""), CURRENCY_WORDS.get(p.unit or "", p.unit or "")
    counts = first.stat.counts
    counts = counts.replace(name, own, 1) if name and name in counts else f"{own} {counts}" if counts != own else own
    if name and name != own:
        counts = f"{counts}, restating {name}"  # ("dollars, restating euros": a conversion, not a second sum)
    start, end = doc[hedge_start].idx, char_end(doc, p.end)
    stat = replace(first.stat, value=num.format_value(p.value), upper=num.format_value(p.upper) if p.upper is not None else None,
                   unit=p.unit, counts=counts, qualifier=qualifier, written=doc_text(doc)[start:end],
                   anchors=[make_anchor(ctx.text, start, end)])
    return replace(first, stat=stat, offset=doc[p.start].idx, head_words=_content_words(counts))


def _without_periods(mentions: list[Mention]) -> list[Mention]:
    """Durations that are the period of another figure of their sentence ("fired 600 rockets for
    two months") are that figure's period, not facts of their own."""
    periods: dict[int, list[str]] = {}
    for m in mentions:
        if m.stat.kind != "duration" and m.stat.period:
            periods.setdefault(m.sent_start, []).append(m.stat.period.casefold())
    return [m for m in mentions if m.stat.kind != "duration"
            or not any(m.stat.counts.casefold().split()[0] in period for period in periods.get(m.sent_start, ()))]


def _in_sentence(doc: Doc, mentions: list[Mention], i: int) -> list[Mention]:
    """The statistics already found in token i's sentence, in text order: what an elided
    number counts ("killed 14 people, including three children, and injured 52")."""
    start, _ = sentence_bounds(doc, doc[i])
    out = []
    for m in reversed(mentions):
        if m.sent_start < start:
            break
        if m.sent_start == start:
            out.insert(0, m)
    return out


# --------------------------------------------------------------------------- one mention


def _mention(doc: Doc, ctx: ArticleContext, p: Phrase, before: list[Mention], previous: list[Mention],
             last_share: Mention | None = None) -> Mention | None:
    if p.kind == "proportion":
        return None
    value, upper = num.format_value(p.value), num.format_value(p.upper) if p.upper is not None else None
    if num.too_long(value) or (upper is not None and num.too_long(upper)):
        return None  # scaled past what a statistic may have ("10^39 trillion"): not a statistic
    qualifier, hedge_start = hedge_before(doc, p.start)
    trailing_end = p.end
    if qualifier is None:
        qualifier, trailing_end = hedge_after(doc, p.end)
    if p.qualifier == "between":
        qualifier = "between"  # a range is its own hedge, whatever else is written
        if p.start > 0 and doc[p.start - 1].lower_ in ("between", "from"):
            hedge_start = p.start - 1
    elif qualifier is None:
        qualifier = p.qualifier

    kind = p.kind
    relative = change_head(doc, p, hedge_start)
    if relative is not None and share_of(doc, p, hedge_start):
        relative = None  # "shot down almost 90% of the missiles": a share of them, not a change
    if relative is not None and not p.multiplier and p.kind in ("count", "ratio"):
        kind = "relative change"  # "increased by over a third", "a 30% rise in …"

    twin = _conjoined_twin(doc, p, hedge_start, before)  # "fell by 84 000 in the EU and by 71 000 in …"
    if twin is not None and relative is None and twin.stat.kind == "relative change" and p.kind in ("count", "ratio") \
            and not p.multiplier:
        kind = "relative change"

    noun = None if p.change_verb or p.compared else counted_span(doc, p)
    gapped = gapped_count(doc, p, noun, before)
    if noun is not None and is_duration(doc, p, noun, hedge_start):
        kind = "duration"  # "take up to six days": counts the days
    elif gapped is None and not _one_of_a_tally(doc, p, noun, before) and is_label_or_date(doc, p, noun):
        return None
    if is_hypothetical(doc[p.start]):
        return None
    if anonymous_sources(doc, p, noun, hedge_start):
        return None  # "according to two people briefed on the talks": who a report is sourced to
    if _superseded(doc, hedge_start):
        return None

    sent_start, sent_end = sentence_bounds(doc, doc[p.start])
    counts = gapped  # "the UPA has won 87 seats, the PRF 46": the seats too
    if noun is None and p.plain:
        counts = stated_people_counts(doc, p, before) or counts  # "paid with more than 900 killed and wounded", "12 dead and 40 injured"
    if counts is None and (noun is None or not any(ch.isalpha() for ch in doc_text(doc)[doc[noun[0]].idx : char_end(doc, noun[1])])):
        counts = table_cell_counts(doc, p)  # "| North | 5.2% |" under "| Region | Unemployment rate |"
        if counts is not None:
            noun = None  # (not the cell's bar, which the tagger may take for a noun)
    if counts is None:
        counts = box_counts(doc, p, noun, hedge_start)  # "- 50%: the tariff above the quota"
    if counts is None and noun is None:
        counts = bracket_label_counts(doc, p, hedge_start)  # "612 deaths (CFR 2.6%)"
    if counts is None and noun is None:
        counts = signed_label_counts(doc, p)  # "FTSE 100 +0.4%, DAX -0.2%"
    if counts is None and noun is None and (p.unit == "percent" or p.kind == "ratio"):
        counts = share_of_what(doc, p)  # "1 per cent of what the world spends on peacekeeping"
    if counts is None and noun is None and twin is not None:
        counts = twin.stat.counts  # "down from 6.1% in March and from 6.3% a year earlier": the same thing
    if relative is not None and relative.lower_ in ("up", "down") and before and relative.i > 0 and doc[relative.i - 1].text == ",":
        counts = before[-1].stat.counts  # "13,000 workers, up 22%": the change of the figure just named
    if counts is None and p.change_verb and p.kind == "relative change":
        counts = bracketed_change_counts(doc, p, before)  # "Employment fell in manufacturing (-21,000)"
    whole = noun is not None and p.end < len(doc) and doc[p.end].lower_ == "of"
    if counts is None and noun is None and p.unit == "percent":
        counts = taken_share_counts(doc, p, previous, before, last_share)  # "X led with 22% of the vote. … Y had 17.9 pct"
        whole = counts is not None
    if counts is None and noun is None:
        counts = tally_counts(doc, p, hedge_start, before)  # "by 320 votes to 210"
    if counts is None and noun is None:
        counts = participle_share(doc, p)  # "with 21% counted"
    if counts is None and noun is None:
        counts = spread_counts(doc, p, hedge_start)  # "forecasts ranging from 2.4% to 2.9%"
    if counts is None and noun is None:
        counts = partitive_pronoun_counts(doc, p, before, previous)  # "35,000 objects …, and 4,000 of them"
    if counts is None:
        counts = counted_thing(doc, ctx, p, noun, kind, relative)
        if p.kind == "amount" and noun is None and counts == CURRENCY_WORDS.get(p.unit or "", p.unit):
            # a bare sum compared with one before it: "… of £1.2bn, wider than the previous year's £0.9bn"
            counts = elided_counts(doc, p, hedge_start, before) or market_label_counts(doc, p, hedge_start, counts) or counts
        elif p.measure is not None and counts == p.measure and before:
            # "121 bcm of LNG last year, down from 130 bcm": the unit alone, compared with a figure before it
            counts = elided_counts(doc, p, hedge_start, before) or counts
    if counts is None and noun is None and p.plain:
        counts = passive_subject_counts(doc, p)  # "58 have been hospitalized", "12 were killed and 40 injured"
    if counts is None and noun is None:
        counts = what_it_is(doc, p) or brought_to(doc, p, hedge_start) or headline_level(doc, p, hedge_start) \
            or elided_counts(doc, p, hedge_start, before)
    if counts is None and noun is None and p.plain and not before:
        counts = parallel_counts(doc, p, sent_start, previous[-3:])
    if counts is None and noun is None and before:
        counts = listed_counts(doc, p, hedge_start, before)  # "… and the deposit rate 4%", "Latvia (11%)"
    if counts is None and noun is None and (p.unit in ("percent", "percentage points") or _a_rate(doc, p)):
        counts = named_before_of(doc, p, hedge_start, before)  # "growth of 0.9%", "a death rate of 2 per 1,000"
    if counts is None and noun is None and _a_rate(doc, p):
        counts = rate_reached(doc, p, hedge_start)  # "the death rate has come down to 28 per 100,000 births"
    if counts is None and noun is None and p.unit == "percent":
        counts = share_verb_subject(doc, p)  # "with trade among members accounting for 22 per cent"
    if counts is None and noun is None and p.unit in ("percent", "percentage points"):
        counts = measured_subject(doc, p, hedge_start, before, previous)  # "GDP is 0.3% below …", "the appeal is 23% funded"
    if counts is None and noun is None and p.unit in ("percent", "percentage points"):
        counts = compared_level_subject(doc, p, hedge_start)  # "prices are still 30-40pc above 2020 levels"
    if counts is None and noun is None and (p.kind == "ratio" or p.multiplier):
        counts = clause_counts(doc, p, before, previous)
    if counts is None and noun is None:
        counts = anaphoric_counts(doc, p, previous)
    if counts is not None and before and counts.casefold() in _BARE_TOTALS and before[-1].stat.kind == "count" \
            and before[-1].stat.unit == p.unit and counts.casefold() not in before[-1].stat.counts.casefold():
        counts = f"{counts} of {before[-1].stat.counts}"  # "412 new cases …, bringing the total to 10,230": the total of cases
    if counts is not None and before and counts.casefold() in CHANGE_NOUNS:
        # "CPI rose by 0.4%, compared with a rise of 0.6%", "… after a 0.8% gain": a change of the figure before
        counts = f"{counts} in {before[-1].stat.counts}"
    if counts is not None:
        counts = forecast_counts(doc, p, counts, previous)  # "a projection of 3.5%" of what?
    if counts is not None and noun is not None:
        counts = anaphoric_share(doc, p, counts, previous)  # "… 4.1% of GDP; it will narrow to 3.5% of GDP"
    if counts is not None and p.kind == "amount":
        counts = included_part_counts(doc, p, counts, before)  # "$300 million, including $45 million from Japan"
    if counts is not None and p.unit in ("percent", "percentage points"):
        counts = money_change_counts(doc, p, counts, before)  # "worth $12bn, up 6%": what the money is of
    if counts is None and noun is None and (p.kind == "ratio" or p.unit == "percent"):
        counts = fronted_whole(doc, p, sent_start)  # "Of those infected, 81 percent were unvaccinated"
    if counts is None and noun is None:
        counts = asked_counts(doc, p)  # "Q: How much of the package is for air defence? A: Roughly a third."
    if counts is None and p.unit in ("percent", "percentage points"):
        # a percentage of something the sentence leaves unnamed: the percentage, as written ("pct"),
        # of what a share before it in its sentence counts ("20% of output: 10% as a donation")
        counts = percent_word(doc, p)
        around = before
        if not around and sent_start > 0 and doc[sent_start - 1].text == ":":  # "…of output: 10% as …"
            around = [m for m in previous if m.sent_start == sentence_bounds(doc, doc[sent_start - 1])[0]]
        shares = [m for m in around if m.stat.unit == p.unit and m.stat.kind == "ratio" and m.head_words
                  and not m.head_words <= _content_words(counts)]
        if shares:
            counts = f"{counts} of {shares[0].stat.counts}"  # (the first: later ones may be such parts)
        elif noun is None and not before:
            counts = asked_figure_counts(doc, p, previous) or counts  # an answer's bare percentage: the question's
    if counts is None:
        return None

    anchor_start = doc[hedge_start].idx
    noun_end = noun[1] if noun is not None else p.end
    if noun is not None:  # "40 full-time and 120 part-time inspectors": the anchor of 40 ends at 'and'
        noun_end = next((k for k in range(noun[0], noun[1]) if doc[k].lower_ in ("and", "or")), noun[1])
    anchor_end_tok = max(trailing_end, noun_end if noun is not None and noun[0] - p.end <= 3 and noun[0] >= p.end else p.end)
    anchor_end = doc[anchor_end_tok - 1].idx + len(doc[anchor_end_tok - 1].text)
    written_end = doc[trailing_end - 1].idx + len(doc[trailing_end - 1].text)
    offset = doc[p.start].idx

    stat = Statistic(
        value=value,
        counts=counts,
        kind=kind,
        qualifier=qualifier,
        upper=upper,
        unit=p.unit,
        per=per_of(doc, p, noun, sent_end),
        period=period_of(doc, p, noun, sent_start, sent_end),
        subject=subject_of(doc, ctx, p, noun),
        claimed_by=claimant_of(doc, ctx, offset),
        sentence=_sentence_text(doc_text(doc)[doc[sent_start].idx : char_end(doc, sent_end)]),
        written=doc_text(doc)[anchor_start:written_end],
        anchors=[make_anchor(ctx.text, anchor_start, anchor_end)],
    )
    if stat.period is not None and stat.period.lower() in RATE_ADVERBS and stat.per in (None, RATE_ADVERBS[stat.period.lower()]):
        stat.per, stat.period = RATE_ADVERBS[stat.period.lower()], None  # "daily losses" are per day
    elif stat.period is not None and stat.per is not None and _content_words(stat.period) <= _content_words(stat.per):
        stat.period = None  # "2,500 drones a month": the month is the rate, not the period
    richness = sum(x is not None for x in (stat.qualifier, stat.per, stat.period, stat.subject, stat.claimed_by))
    return Mention(
        stat=stat,
        offset=offset,
        in_headline=_in_headline(ctx, offset),
        richness=richness,
        head_words=_content_words(counts),
        sent_start=sent_start,
        verb=governor(doc[p.start]).lemma_.lower(),
        taken=takes_share(doc, p) or listed_share(doc, p, before),
        whole=whole,
    )


#: Prepositions a coordinated figure repeats: "by 84 000 in the EU and by 71 000 in the euro area".
_REPEATED_PREPOSITIONS = frozenset({"by", "from", "to", "at", "of"})


def _conjoined_twin(doc: Doc, p: Phrase, hedge_start: int, before: list[Mention]) -> Mention | None:
    """The earlier figure of its sentence a figure is coordinated with by repeating its preposition,
    "decreased by 84 000 in the EU and by 71 000 in the euro area", "down from 6.1% in March and
    from 6.3% a year earlier": the same kind of figure of the same thing, in the same unit. None
    when the figure follows no 'and/or/but' + preposition, or no earlier figure in its sentence
    follows that same preposition."""
    if hedge_start < 2 or not before:
        return None
    prep = doc[hedge_start - 1].lower_
    if prep not in _REPEATED_PREPOSITIONS or doc[hedge_start - 2].lower_ not in ("and", "or", "but"):
        return None
    for m in reversed(before):
        if m.stat.unit != p.unit or not m.stat.anchors:
            continue
        start = m.stat.anchors[0].start
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and span.start > 0 and doc[span.start - 1].lower_ == prep:
            return m
    return None


def _one_of_a_tally(doc: Doc, p: Phrase, noun: tuple[int, int] | None, before: list[Mention]) -> bool:
    """'one member' after a count of members in its sentence: "Five members voted for the cut, and
    one member voted to hold" (a tally's part; 'one' alone is otherwise a pronoun or an article)."""
    if noun is None or noun[0] != p.end or doc[p.start : p.end].text.lower() != "one":
        return False
    if doc[noun[1] - 1].dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False  # "Two stories today are really one story": what they are, not a part counted
    head = doc[noun[1] - 1].lemma_.lower()
    return any(m.stat.kind == "count" and m.stat.unit is None and head in m.head_words for m in before)


#: Nouns of a figure made of others that name nothing by themselves: "bringing the total to 10,230".
_BARE_TOTALS = frozenset({"total", "tally", "number", "count", "sum", "overall total"})


def _a_rate(doc: Doc, p: Phrase) -> bool:
    """'2 per 1,000 births', '11.4 per 100,000 people': a bare figure given per some base."""
    return p.plain and p.end + 1 < len(doc) and doc[p.end].lower_ == "per"


#: How a wire correction notice starts: "(Corrects turnout figure in paragraph 4 to 78.4 pct from 87.4 pct)".
_CORRECTION = re.compile(r"^\W{0,2}(?:corrects|correction|corrected|clarifies|fixes)\b", re.I)


def _superseded(doc: Doc, hedge_start: int) -> bool:
    """True for the figure a correction notice replaces ('… to 78.4 pct from 87.4 pct'): it was
    never true, so it is no statistic (the new figure is, and is the body's)."""
    if hedge_start == 0 or doc[hedge_start - 1].lower_ != "from":
        return False
    text = doc_text(doc)
    start = line_start(text, doc[hedge_start].idx)
    return bool(_CORRECTION.match(text[start : doc[hedge_start].idx]))


def _sentence_text(text: str) -> str:
    """The sentence without the quote mark it shares with a neighbour ('“In just two months, …')."""
    text = text.strip()
    if text[:1] in "“\"" and not any(c in text[1:] for c in "”\""):
        text = text[1:].lstrip()
    if text[-1:] in "”\"" and not any(c in text[:-1] for c in "“\""):
        text = text[:-1].rstrip()
    return text


def _in_headline(ctx: ArticleContext, offset: int) -> bool:
    if ctx.headline is not None and ctx.headline[0] <= offset < ctx.headline[1]:
        return True
    # A repeated headline line later in the text reads as the headline too.
    if ctx.headline is not None:
        head = ctx.text[ctx.headline[0] : ctx.headline[1]].strip()
        line_end = ctx.text.find("\n", offset)
        line = ctx.text[line_start(ctx.text, offset) : line_end if line_end >= 0 else len(ctx.text)].strip()
        return bool(head) and line == head
    return False


# --------------------------------------------------------------------------- one fact, many mentions

#: Words left out when two descriptions of what is counted are compared.
_STOP_WORDS = word_set("content-stop-words.txt")


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return {_singular(w) for w in words if w not in _STOP_WORDS}


def _singular(word: str) -> str:
    for tail, repl in (("ies", "y"), ("ves", "f"), ("ses", "s"), ("s", "")):
        if word.endswith(tail) and len(word) > len(tail) + 2:
            return word[: -len(tail)] + repl
    return word


def _compatible(a: Mention, b: Mention) -> bool:
    sa, sb = a.stat, b.stat
    if sa.value != sb.value:  # exact decimals written one way (`values.format_value`)
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
    return (a.value == b.value
            and a.kind == b.kind and (a.unit or "") == (b.unit or ""))


def _merge_headline_groups(groups: list[list[Mention]]) -> list[list[Mention]]:
    """A headline number with its own wording ('lost 600,000 soldiers' over a body's '600,000
    casualties') is the body's fact when exactly one body fact has that number. One the body
    never states is left out: a headline compresses ("cut piracy by half", "Two navies, one sea")
    and says what the body says more fully, or is a teaser the article does not stand behind."""
    out = [g for g in groups if not all(m.in_headline for m in g)]
    for group in groups:
        if not all(m.in_headline for m in group):
            continue
        same = [g for g in out if not all(m.in_headline for m in g) and _same_number(g[0].stat, group[0].stat)]
        if len(same) == 1:
            same[0].extend(group)
    return sorted(out, key=lambda g: min(m.offset for m in g))


def _compared_as(m: Mention) -> tuple:
    """What `_compatible` reads of the mention it is compared with: mentions alike in this are
    compatible with the same mentions."""
    s = m.stat
    return (s.value, s.kind == "relative change", s.unit or "", frozenset(m.head_words), s.claimed_by, s.subject, s.period)


def _group(mentions: list[Mention]) -> list[list[Mention]]:
    """Each mention joins the first group (in the order they were started) with a member it is
    compatible with, else starts a group. Only groups with a member of the same value can have
    one, and only one member of each kind (`_compared_as`) needs asking, so a long article is
    not compared mention by mention with everything before it."""
    groups: list[list[Mention]] = []
    kinds: list[dict[tuple, Mention]] = []  # per group, one member of each kind
    groups_of: dict[str, set[int]] = {}  # value -> the groups with a member of that value
    for m in mentions:
        value = m.stat.value
        for g in sorted(groups_of.get(value, ())):
            if any(_compatible(m, other) for other in kinds[g].values()):
                break
        else:
            g = len(groups)
            groups.append([])
            kinds.append({})
        groups[g].append(m)
        kinds[g].setdefault(_compared_as(m), m)
        groups_of.setdefault(value, set()).add(g)
    return groups


def _merge(mentions: list[Mention], ctx: ArticleContext) -> list[Statistic]:
    groups = _group(mentions)
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
        stat.counts = with_written_unit(stat)
        out.append(stat)
    out.sort(key=lambda s: s.anchors[0].start)
    return out
