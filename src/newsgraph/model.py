"""The extraction record: plain dataclasses, no I/O.

A `Record` is what the extractor found in one article. It is the hand-off between
stages and the file a person reviews: `newsgraph.record` reads and writes it (YAML, JSON)
without loss, checks what a person changed, and derives the record's JSON Schema from these
classes, their type hints and defaults.

Entities are referred to by their `key` (a stable, normalised "kind:name" string),
never by object identity, so that a reviewed YAML file stays easy to edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.text import slugify

#: The kinds of named thing, as used in `Entity.kind` and by the `entities` query.
ENTITY_KINDS = ("Person", "Country", "Place", "Organization", "Event")

#: Normalised hedges a statistic may carry (None means: stated as exact).
QUALIFIERS = (
    "approximately",
    "more than",
    "at least",
    "up to",
    "less than",
    "nearly",
    "between",
)

#: What kind of number a statistic is.
STATISTIC_KINDS = ("count", "ratio", "relative change", "duration", "amount")

#: Digits a statistic's value (and the top of its range) may have: a billion billion billions
#: is 28. A longer number is no statistic a news article states: the extractor skips it and a
#: record holding one is refused.
STATISTIC_MAX_DIGITS = 40


@dataclass
class Anchor:
    """A span of the article text: `text[start:end] == exact` (code points, end exclusive)."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass
class Article:
    """The article as read: identity, text and whatever metadata the input gave."""

    id: str  # slug, the article's identity in IRIs (from the file name or URL)
    text: str  # the exact text the offsets refer to
    sha256: str = ""  # of `text` encoded as UTF-8
    title: str | None = None
    source: str | None = None  # file name or URL it was read from (no directories)
    url: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO 8601 date or date-time; never invented
    author: str | None = None
    language: str | None = "en"


@dataclass
class Entity:
    """A named person, country, place, organization or event mentioned in the article."""

    key: str  # "Kind:normalised-name", see `entity_key`
    name: str  # the fullest name the article uses
    kind: str  # one of ENTITY_KINDS
    aliases: list[str] = field(default_factory=list)  # other ways the article writes it
    wikidata: str | None = None  # "Q…" when linked
    link_method: str | None = None  # how the link was made (gazetteer, online, manual)
    link_confidence: float | None = None
    mentions: list[Anchor] = field(default_factory=list)


@dataclass
class Role:
    """A person holding a post: 'Latvia's Minister of Defence Andris Sprūds'."""

    person: str  # entity key of a Person
    title: str  # the post as written, e.g. "Minister of Defense"
    of: str | None = None  # entity key of the country or organization the post belongs to
    start: str | None = None  # ISO 8601: "2023-09" or "2023-09-04"
    end: str | None = None
    predecessor: str | None = None  # entity key of a Person
    office_wikidata: str | None = None  # "Q…" of the office, when linked
    anchors: list[Anchor] = field(default_factory=list)


@dataclass
class Quote:
    """A direct quotation: the words inside the quote marks, and who said them."""

    speaker: str | None  # entity key of a Person or an Organization (None when nobody can be named)
    text: str  # verbatim, without the quote marks
    anchor: Anchor  # the quoted words in the article
    event: str | None = None  # entity key of the Event it was said at


@dataclass
class Claim:
    """Reported speech: 'X stated that …'. The text is the reported content."""

    speaker: str | None
    text: str
    anchor: Anchor
    event: str | None = None


@dataclass
class Statistic:
    """A number the article claims, with what it counts and how it is hedged."""

    value: str  # an exact decimal number as text, never a float's rounding ("400", "0.3333", "0.000001")
    counts: str  # what is counted: "soldiers", "Geran drones"
    kind: str = "count"  # one of STATISTIC_KINDS
    qualifier: str | None = None  # one of QUALIFIERS, or None for exact
    upper: str | None = None  # top of a range "between A and B", written like `value`
    unit: str | None = None
    per: str | None = None  # "square kilometer"
    period: str | None = None  # "two months"
    subject: str | None = None  # entity key of who or what the number is about
    claimed_by: str | None = None  # entity key of the Person (or else Organization) who claimed it
    sentence: str = ""  # the sentence it stands in (first anchor)
    written: str = ""  # the number as written: "six times", "over a third"
    anchors: list[Anchor] = field(default_factory=list)


@dataclass
class CoalitionMember:
    """A country in a coalition: leading it, a member, or (joining) only in the process of joining,
    which the article says is not yet membership ("Sweden is in the process of joining")."""

    country: str  # entity key (a country; a lead may be an organization: "led by the EU")
    lead: bool = False
    anchor: Anchor | None = None
    joining: bool = False  # not yet a member; never set together with lead


@dataclass
class Coalition:
    """A named or described grouping of states (a coalition, alliance, multinational operation, task
    force, contact group…), e.g. a capability coalition."""

    key: str  # entity key of the coalition (kind Organization)
    name: str
    members: list[CoalitionMember] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)


@dataclass
class Record:
    """Everything extracted from one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    coalitions: list[Coalition] = field(default_factory=list)
    extractor: str = ""  # software name and version that made the record
    model: str = ""  # NLP model name and version

    def entity(self, key: str | None) -> Entity | None:
        """The entity with that key, or None."""
        if key is None:
            return None
        for entity in self.entities:
            if entity.key == key:
                return entity
        return None


# --------------------------------------------------------------------------- keys


def entity_key(kind: str, name: str) -> str:
    """The stable key of an entity: its kind and normalised name."""
    return f"{kind}:{slugify(name)}"
