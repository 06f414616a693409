"""Word lists the extraction rules share: titles, speech verbs, month names, organization words.

These are words of English, not names of the sample: who is who comes from the text
and from the gazetteer. The lists themselves are data files in `newsgraph/data/` (see
`newsgraph.text`), read once when this module is imported; the lists only one step uses
are read by that step's module.
"""

from __future__ import annotations

from newsgraph.text import word_list, word_set, word_table

#: Words that make a phrase a post: the head of "Defense Minister", "Secretary General".
TITLE_HEADS = word_set("title-heads.txt")

#: Words that may stand inside a title phrase next to a head: "Deputy Prime Minister for …".
TITLE_MODIFIERS = word_set("title-modifiers.txt")

#: Words joining parts of a title: "Minister of Defense", "Minister for Foreign Affairs".
TITLE_JOINERS = word_set("title-joiners.txt")

#: Verbs of saying, in their lemma form, for reported speech and quote attribution.
SPEECH_VERBS = word_set("speech-verbs.txt")

#: Attribution words as written after or before a quote ("said", "says", "added" …), as one
#: regular-expression alternation in the file's order.
SPEECH_WORDS = "|".join(word_list("speech-words.txt"))

#: Month names and abbreviations -> the month's number.
MONTHS = {name: int(number) for name, number in word_table("months.tsv", ("name", "number"))}

WEEKDAYS = word_set("weekdays.txt")

#: The possessive endings as spaCy splits them off a name: "Latvia's", "Latvia’s", "the Chiefs'".
POSSESSIVE_MARKS = frozenset({"’s", "'s", "’", "'"})

#: Pronouns that refer back to a person who spoke.
PERSON_PRONOUNS = frozenset({"he", "she"})

#: The same pronouns as objects: "according to him", "according to her".
OBJECT_PRONOUNS = frozenset({"him", "her"})

#: Nouns that name a meeting: "the Defense Contact Group meeting", "the NATO summit".
EVENT_NOUNS = word_set("event-nouns.txt")

#: Last words that make a capitalised name an organization: "… Contact Group", "… Council".
ORG_HEADS = word_set("organization-heads.txt")

#: Common nouns that say the name right after them is a body's: "the consultancy Merlin Partners".
BODY_DESCRIPTORS = word_set("body-descriptors.txt")

#: Names of armed services, said with the country's adjective: "Ukraine's Navy" is the "Ukrainian Navy".
SERVICE_NAMES = word_set("service-names.txt")

#: Countries whose English name takes 'the' inside a phrase ("the Ministry of Defence of the Netherlands").
COUNTRIES_WITH_THE = word_set("countries-with-the.txt")

#: ISO 4217 codes written before amounts ("DKK 1.2 billion"): currencies, not organizations.
CURRENCY_CODES = word_set("currency-codes.txt")


def is_title_word(word: str) -> bool:
    lower = word.casefold()
    return lower in TITLE_HEADS or lower in TITLE_MODIFIERS
