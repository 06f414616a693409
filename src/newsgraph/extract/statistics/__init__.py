"""Statistics: the numbers an article claims, what they count, how they are hedged, who claims them.

The number phrase itself is found on the surface (token text), because the parser's
trees around "over 600 rockets" or "more than €40 billion" are unreliable; the parse
is used for what the number is about: the noun it counts, the verb's subject, the
clause that reports it.

One fact written several times (headline, body, quote) becomes one `Statistic` with
an anchor per mention.

Conventions for what is one fact:

* a sum restated in another currency ("UAH 2.2 trillion, or about $53 billion", "500 million
  euros ($520 million)") is two statistics counting the same thing, each in its own currency
  and with its own hedge ("defence budget in hryvnias", "defence budget in dollars, restating hryvnias"): the
  record has one value a statistic, and readers quote either;
* a loss-list line "tanks — 9,340 (+12)" is one statistic, the running total; the bracketed
  delta, the change since the previous report, is left out: its period is only implied by
  the report around it, and the prose of such reports states the day's figure anyway;
* a verb that multiplies ("output tripled", "production has doubled") is a relative change
  whose value is the factor (3, 2; "halved" 0.5); "nearly double those in June" is a ratio;
* "from two to twelve a month" after a verb of change gives two levels, not a range;
* numbers in an 'if' clause, or in the 'would'/'could' clause it conditions, are left out.
"""

from newsgraph.extract.statistics.facts import find_statistics

__all__ = ["find_statistics"]
