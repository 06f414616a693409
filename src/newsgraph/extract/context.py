"""What the extraction steps share about one article: its text, its entities, who speaks where.

Steps register entities as they find them and ask for them by any written form; a
surname alone ("Roe") resolves to the full name registered earlier or later in the
same article ("Jane Roe").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.extract.anchors import make_anchor
from newsgraph.extract.docindex import DocIndex
from newsgraph.extract.names import name_key
from newsgraph.gazetteer import Gazetteer
from newsgraph.model import Anchor, Entity, entity_key
from newsgraph.text import demonyms, normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc


#: A word written in lower case, not the tail of a word ('aid', 'banks', "lenders'").
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?:[’'-][a-z]+)*")


@dataclass
class ArticleContext:
    text: str
    gazetteer: Gazetteer
    body_end: int  # boilerplate starts here; nothing at or after it is extracted
    headline: tuple[int, int] | None = None  # span of the headline line(s), if any
    # spans of head lines that repeat an earlier one (a headline printed twice)
    duplicates: list[tuple[int, int]] = field(default_factory=list)
    # spans of furniture lines inside the body ("Read also: …", photo captions), left out of extraction
    furniture: list[tuple[int, int]] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    # (start, end, speaker key) of spans whose words a person says or claims: quotes
    # and reported-speech clauses; sorted by start.
    _speaker_spans: list[tuple[int, int, str]] = field(default_factory=list)
    # old key -> new key, when a person's key changed (fuller name) or an entity was merged
    renamed: dict[str, str] = field(default_factory=dict)
    # The parsed doc and its text: spaCy's Doc.text joins every token's text again on each access.
    _doc_text: tuple[Doc, str] | None = field(default=None, repr=False)
    _doc_index: tuple[Doc, DocIndex] | None = field(default=None, repr=False)
    _lower_words: tuple[Doc, frozenset[str]] | None = field(default=None, repr=False)
    # Every registered mention as (start, end, key), sorted, and the spans of each entity's mentions;
    # kept up to date by `register`, `merge` and `_rekey`, the only places where mentions and keys
    # change, so that the mentions inside a window cost the window, not the whole article.
    _mention_list: list[tuple[int, int, str]] = field(default_factory=list, repr=False)
    _mention_spans: dict[str, set[tuple[int, int]]] = field(default_factory=dict, repr=False)
    _longest_mention: int = field(default=0, repr=False)
    _longest_speaker_span: int = field(default=0, repr=False)

    def doc_text(self, doc: Doc) -> str:
        """`doc.text`, built once for the doc the steps share."""
        if self._doc_text is None or self._doc_text[0] is not doc:
            self._doc_text = (doc, doc.text)
        return self._doc_text[1]

    def lower_words(self, doc: Doc) -> frozenset[str]:
        """The words the text of `doc` writes in lower case ('aid', 'banks'), found once."""
        if self._lower_words is None or self._lower_words[0] is not doc:
            self._lower_words = (doc, frozenset(_LOWER_WORD.findall(self.doc_text(doc))))
        return self._lower_words[1]

    def set_doc_text(self, doc: Doc, text: str) -> None:
        """Tell the context the text `doc` was parsed from (so it is never rebuilt)."""
        self._doc_text = (doc, text)

    def index(self, doc: Doc) -> DocIndex:
        """The sentences, entities and token offsets of `doc`, indexed once for the steps to share."""
        if self._doc_index is None or self._doc_index[0] is not doc:
            self._doc_index = (doc, DocIndex(doc, self.doc_text(doc)))
        return self._doc_index[1]

    # ------------------------------------------------------------------ entities

    def register(self, name: str, kind: str, start: int | None = None, end: int | None = None) -> str:
        """Add an entity (or a new mention/alias of a known one); returns its key.

        A Person whose name is a part of a known person's name (same last word) is that
        person; a longer name for a known person replaces the stored name and keeps the
        shorter one as an alias.
        """
        name = " ".join(name.split())
        known = self.resolve(name, kind)
        if known is None:
            key = entity_key(kind, name)
            if key not in self.entities:
                # A key given up earlier (merged into another entity, which was then dropped) names
                # this new entity now, not the one it was folded into.
                self.renamed.pop(key, None)
            entity = self.entities.setdefault(key, Entity(key=key, name=name, kind=kind))
        else:
            entity = self.entities[known]
            if kind == "Person" and len(name.split()) > len(entity.name.split()):
                old = entity.name
                new_key = entity_key(kind, name)
                entity.name = name
                if old not in entity.aliases:
                    entity.aliases.append(old)
                if new_key != entity.key:
                    self._rekey(entity.key, new_key)
            elif name != entity.name and name not in entity.aliases:
                entity.aliases.append(name)
        if start is not None and end is not None:
            self._add_mention(entity, make_anchor(self.text, start, end))
        return entity.key

    def _add_mention(self, entity: Entity, anchor: Anchor) -> None:
        """Add `anchor` to the entity's mentions unless it has it (an anchor is its span)."""
        spans = self._mention_spans.setdefault(entity.key, set())
        if (anchor.start, anchor.end) not in spans:
            spans.add((anchor.start, anchor.end))
            entity.mentions.append(anchor)
            bisect.insort(self._mention_list, (anchor.start, anchor.end, entity.key))
            self._longest_mention = max(self._longest_mention, anchor.end - anchor.start)

    def _unlist_mentions(self, entity: Entity) -> None:
        """Take the entity's mentions out of the sorted list (before its key changes or it goes)."""
        for anchor in entity.mentions:
            i = bisect.bisect_left(self._mention_list, (anchor.start, anchor.end, entity.key))
            del self._mention_list[i]
        self._mention_spans.pop(entity.key, None)

    def register_country(self, written: str, start: int, end: int) -> str | None:
        """The key of a country written as `written` at text[start:end], registered under the
        gazetteer's label with the written form as an alias; None if it is not a known country."""
        rows = self.gazetteer.lookup(written, "Country")
        if not rows:
            return None
        if self.resolve(written, "Country") is None:
            self.register(rows[0].label, "Country")
        return self.register(written, "Country", start, end)

    def country_of_demonym(self, adjective: str, start: int | None = None, end: int | None = None) -> str | None:
        """The key of the country a nationality adjective names ("Latvian" -> Latvia), or None.

        With the adjective's span, a country the text never names is registered, the adjective
        its mention ("Latvian Prime Minister …" makes Latvia the post's owner). Without it only
        a country already registered is found ("Russian forces": an adjective alone adds no entity)."""
        country = demonyms().get(adjective.casefold())
        if country is None:
            return None
        known = self.resolve(country, "Country")
        if known is not None or start is None or end is None:
            return known
        rows = [r for r in self.gazetteer.lookup(country) if r.kind == "Country"]
        return self.register(rows[0].label if rows else country, "Country", start, end)

    def add_alias(self, key: str, alias: str) -> None:
        """Record another written form of a registered entity (no-op for its own name)."""
        alias = " ".join(alias.split())
        entity = self.entities[self.current_key(key)]
        if alias and normalise(alias) != normalise(entity.name) and alias not in entity.aliases:
            entity.aliases.append(alias)

    def merge(self, source: str, target: str) -> None:
        """Fold entity `source` into `target`: its name, aliases and mentions move over."""
        source, target = self.current_key(source), self.current_key(target)
        if source == target or source not in self.entities or target not in self.entities:
            return
        gone = self.entities.pop(source)
        self._unlist_mentions(gone)
        kept = self.entities[target]
        for alias in (gone.name, *gone.aliases):
            self.add_alias(target, alias)
        for anchor in gone.mentions:
            self._add_mention(kept, anchor)
        kept.mentions.sort(key=lambda a: (a.start, a.end))
        self._speaker_spans = [(s, e, target if k == source else k) for s, e, k in self._speaker_spans]
        self.renamed[source] = target

    def drop(self, key: str) -> None:
        """Forget an entity that turned out not to be one (the field of a post read as a body)."""
        entity = self.entities.pop(self.current_key(key), None)
        if entity is not None:
            self._unlist_mentions(entity)

    def mentions(self, start: int = 0, end: int | None = None, kinds: tuple[str, ...] | None = None) -> list[tuple[int, int, str]]:
        """(start, end, key) of registered mentions inside text[start:end], by position."""
        end = len(self.text) if end is None else end
        listed = self._mention_list
        out = []
        i = bisect.bisect_left(listed, (start,))
        while i < len(listed) and listed[i][0] <= end:
            mention = listed[i]
            if mention[1] <= end and (kinds is None or self.entities[mention[2]].kind in kinds):
                out.append(mention)
            i += 1
        return out

    def mentions_ending(self, first: int, last: int) -> list[tuple[int, int, str]]:
        """(start, end, key) of registered mentions that end at an offset in [first, last], by position."""
        return [m for m in self.mentions(max(0, first - self._longest_mention), last) if m[1] >= first]

    def resolve(self, name: str, kind: str | None = None) -> str | None:
        """The key of the registered entity this written name refers to, or None."""
        wanted = normalise(name)
        if not wanted:
            return None
        candidates = [e for e in self.entities.values() if kind is None or e.kind == kind]
        for entity in candidates:
            if wanted in {normalise(n) for n in (entity.name, *entity.aliases)}:
                return entity.key
        # Gazetteer aliases: "Great Britain" is the registered "United Kingdom".
        for row in self.gazetteer.lookup(name):
            for entity in candidates:
                if normalise(entity.name) == normalise(row.label) and (kind is None or kind == row.kind or row.kind == entity.kind):
                    return entity.key
        if kind in (None, "Person"):
            # Compared by spelling-independent keys: "Oleksiy" is "Oleksii", "Zelensky" is "Zelenskyy".
            words = [name_key(w) for w in wanted.split()]
            persons = [e for e in candidates if e.kind == "Person"]
            matches = []
            for entity in persons:
                theirs = [name_key(w) for w in normalise(entity.name).split()]
                if words and theirs and words[-1] == theirs[-1] and (set(words) <= set(theirs) or set(theirs) <= set(words)):
                    matches.append(entity.key)
            if len(matches) == 1:  # ambiguous surnames stay unresolved
                return matches[0]
        return None

    def _rekey(self, old: str, new: str) -> None:
        entity = self.entities.pop(old)
        self._unlist_mentions(entity)
        replaced = self.entities.get(new)
        if replaced is not None:
            self._unlist_mentions(replaced)  # an entity already under the new key is dropped
        entity.key = new
        self.entities[new] = entity
        self.renamed.pop(new, None)  # the key is this entity's now, whatever it named before
        mentions, entity.mentions = entity.mentions, []
        for anchor in mentions:
            self._add_mention(entity, anchor)
        self._speaker_spans = [(s, e, new if k == old else k) for s, e, k in self._speaker_spans]
        self.renamed[old] = new

    def is_duplicate(self, offset: int) -> bool:
        """Whether this offset lies in a head line that repeats an earlier one."""
        return any(start <= offset < end for start, end in self.duplicates)

    def is_ignored(self, offset: int) -> bool:
        """Whether this offset lies in a repeated head line or in furniture inside the body."""
        return self.is_duplicate(offset) or any(start <= offset < end for start, end in self.furniture)

    def current_key(self, key: str | None) -> str | None:
        """The key an entity has now (a person's key changes when a fuller name is found)."""
        while key is not None and key in self.renamed:
            key = self.renamed[key]
        return key

    # ------------------------------------------------------------------ speakers

    def add_speaker_span(self, start: int, end: int, speaker: str) -> None:
        """Record that the words in text[start:end] are said or claimed by `speaker`."""
        bisect.insort(self._speaker_spans, (start, end, speaker))
        self._longest_speaker_span = max(self._longest_speaker_span, end - start)

    def speaker_at(self, offset: int) -> str | None:
        """Who says or claims the words at this character offset (the innermost span), or None."""
        best: tuple[int, int, str] | None = None
        spans = self._speaker_spans
        # A span holding the offset starts after offset - (the longest span).
        for i in range(bisect.bisect_left(spans, (offset - self._longest_speaker_span,)), len(spans)):
            start, end, key = spans[i]
            if start > offset:
                break
            if offset < end and (best is None or end - start < best[1] - best[0]):
                best = (start, end, key)
        return self.current_key(best[2]) if best else None
