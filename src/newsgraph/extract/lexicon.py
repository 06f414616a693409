"""Word lists the rules share: titles, speech verbs, month names, demonyms.

These are words of English, not names of the sample: who is who comes from the text
and from the gazetteer.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

#: Words that make a phrase a post: the head of "Defense Minister", "Secretary General".
TITLE_HEADS = frozenset(
    """minister president secretary chancellor commander chief ambassador spokesperson spokesman
    spokeswoman head director chairman chairwoman chair governor mayor general admiral colonel
    lieutenant marshal speaker premier king queen envoy adviser advisor representative
    commissioner deputy lawmaker senator congressman congresswoman leader prosecutor ombudsman
    attorney-general ceo coordinator sergeant captain major""".split()
)

#: Words that may stand inside a title phrase next to a head: "Deputy Prime Minister for …".
TITLE_MODIFIERS = frozenset(
    """prime deputy vice first foreign defense defence interior internal finance economy economic justice
    health education energy digital transformation affairs state general chief staff armed forces
    national security council military intelligence navy naval air force army ground joint supreme
    acting strategic industries trade agriculture culture veterans reintegration development
    infrastructure social policy youth sports information cabinet parliament committee home
    european integration euro-atlantic emergencies environment environmental protection
    industry science technology technologies innovation communications relations presidential
    office operations territorial defence-industrial commander-in-chief in-chief executive
    high principal special senior top assistant permanent""".split()
)

#: Words joining parts of a title: "Minister of Defense", "Minister for Foreign Affairs".
TITLE_JOINERS = frozenset({"of", "for", "and", "the", "on"})

#: "Foreign Minister" is the Minister of Foreign Affairs; other "X Minister" are "Minister of X".
MINISTRY_FULL = {"foreign": "Foreign Affairs", "internal": "Internal Affairs", "home": "Home Affairs"}

#: Verbs of saying, in their lemma form, for reported speech and quote attribution.
SPEECH_VERBS = frozenset(
    """say state note emphasize emphasise mention add highlight stress underline underscore tell
    explain declare announce claim report warn insist argue assert affirm confirm reiterate
    point conclude remark observe acknowledge admit suggest write comment recall reveal
    estimate indicate believe continue urge""".split()
)

#: Attribution words as written after or before a quote ("said", "says", "added" …).
SPEECH_WORDS = (
    "said|says|say|stated|states|noted|notes|added|adds|emphasized|emphasised|emphasizes|stressed|stresses|"
    "explained|explains|told|tells|declared|declares|announced|announces|claimed|claims|warned|warns|"
    "insisted|insists|argued|argues|wrote|writes|concluded|concludes|continued|continues|remarked|"
    "observed|asked|asks|replied|replies|mentioned|mentions|highlighted|highlights|underlined|"
    "underscored|pointed out|points out|recalled|recalls|commented|comments|assured|assures|urged|urges|"
    "acknowledged|admitted|reiterated|reiterates|confirmed|confirms|affirmed|said in a statement|"
    "adding|saying|noting|stressing|emphasizing|emphasising|writing|warning|concluding"
)

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

#: Pronouns that refer back to a person who spoke.
PERSON_PRONOUNS = frozenset({"he", "she"})

#: The same pronouns as objects: "according to him", "according to her".
OBJECT_PRONOUNS = frozenset({"him", "her"})

#: Nouns that name a meeting: "the Defense Contact Group meeting", "the NATO summit".
EVENT_NOUNS = frozenset({"meeting", "summit", "conference", "forum", "session", "talks", "ministerial", "congress"})

#: Last words that make a capitalised name an organization: "… Contact Group", "… Council".
ORG_HEADS = frozenset(
    """group council alliance organization organisation union coalition committee commission agency
    ministry command forces force office staff guard service bureau directorate intelligence parliament assembly fund bank institute
    corporation company foundation association party army navy guard center centre""".split()
)


#: Names of armed services, said with the country's adjective: "Ukraine's Navy" is the "Ukrainian Navy".
SERVICE_NAMES = frozenset({"navy", "army", "air force", "ground forces", "naval forces", "marine corps", "marines"})

#: Countries whose English name takes 'the' inside a phrase ("the Ministry of Defence of the Netherlands").
COUNTRIES_WITH_THE = frozenset(
    {"Netherlands", "United Kingdom", "United States", "Philippines", "Bahamas", "Gambia", "Czech Republic",
     "Dominican Republic", "Central African Republic", "United Arab Emirates", "Democratic Republic of the Congo",
     "Marshall Islands", "Solomon Islands", "Maldives", "Comoros", "Seychelles"}
)

#: ISO 4217 codes written before amounts ("DKK 1.2 billion"): currencies, not organizations.
CURRENCY_CODES = frozenset(
    """USD EUR GBP UAH NOK SEK DKK ISK CHF PLN CZK HUF RON BGN RUB JPY CNY CAD AUD NZD TRY KRW INR
    BRL MXN ZAR ILS SAR AED GEL MDL BYN KZT""".split()
)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Adjective of nationality -> country name, from data/demonyms.tsv ("Latvian" -> "Latvia")."""
    text = resources.files("newsgraph").joinpath("data/demonyms.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines()[1:]:
        if line.strip() and not line.startswith("#"):
            adjective, country = line.split("\t")
            out[adjective.strip().casefold()] = country.strip()
    return out


def is_title_word(word: str) -> bool:
    lower = word.casefold()
    return lower in TITLE_HEADS or lower in TITLE_MODIFIERS


@lru_cache(maxsize=None)
def country_adjective(country: str) -> str | None:
    """The first adjective data/demonyms.tsv gives for a country ("Ukraine" -> "Ukrainian"), or None."""
    text = resources.files("newsgraph").joinpath("data/demonyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        if line.strip() and not line.startswith("#"):
            adjective, name = (c.strip() for c in line.split("\t"))
            if name == country:
                return adjective
    return None
