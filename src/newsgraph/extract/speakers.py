"""Who a phrase that introduces words names as their speaker.

The phrase may name a person ('Jane Roe', 'Roe', 'Commodore Roe, the officer who …'), refer
back to one ('she', 'according to him', 'the minister'), or name an organization speaking as
itself or through a voice ('the OPEC Secretariat said', 'a Treasury spokesperson said', 'the
ministry's statement says'). Pronouns refer back to the person who last spoke or was last the
subject of a sentence, skipping a person the article shows to be of the other gender (by
'Mr'/'Ms' or by a 'he'/'she' in a sentence naming only them); role nouns to the person named
last before them whose post matches. Never to a person named only later.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.context import ArticleContext
from newsgraph.extract.lexicon import BODY_DESCRIPTORS, OBJECT_PRONOUNS, ORG_HEADS, PERSON_PRONOUNS, TITLE_HEADS, TITLE_MODIFIERS
from newsgraph.extract.names import name_key
from newsgraph.model import Role
from newsgraph.text import line_start, trimmed_end, word_set

SUBJECT_DEPS = {"nsubj", "nsubjpass"}

#: Nouns through which an organization speaks: 'a Treasury spokesperson', 'the ministry's statement'.
VOICE_NOUNS = word_set("speaker-voice-nouns.txt")

#: Nouns that make a subject a person the article does not name: 'his counterpart', 'an analyst'.
HUMAN_NOUNS = word_set("human-nouns.txt")

# The pronouns that say a person's gender, and the honorifics before a name that do.
_FEMININE = {"she", "her", "hers", "herself"}
_MASCULINE = {"he", "him", "his", "himself"}
_HONORIFIC = re.compile(r"\b(?P<h>Mr|Mrs|Ms|Miss|Mme|Madam|Sir|Mister)\.?\s*$")
_HONORIFIC_START = re.compile(r"(?P<h>Mr|Mrs|Ms|Miss|Mme|Madam|Sir|Mister)\.?\s")
_HONORIFIC_GENDER = {"mr": "m", "sir": "m", "mister": "m", "mrs": "f", "ms": "f", "miss": "f", "mme": "f", "madam": "f"}
_NAME_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
# Words of a phrase that are never a name: articles, titles, honorifics.
_DETERMINERS = {"the", "a", "an"}
# Words that put a role noun outside the phrase's head: 'an aide to the minister'.
_NOT_OF_THE_POST = {"to", "at", "from", "with", "near", "close", "by", "like", "and", "or"}
_NOT_NAME = {"the", "a", "an", "of", "for", "and", "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "mme"}


# Voice nouns that are persons: 'the spokesman said' is a person the text does not name.
_VOICE_PERSONS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople"}
# How far back '“…,” the statement said' looks for the sentence that named the statement.
_ISSUER_WINDOW = 1200

#: Bodies an organization sends or sets up: 'the observer mission of the OAS'.
_BODY_NOUNS = word_set("mission-nouns.txt")
# After a speaker's phrase, where it spoke: 'a Commission spokesperson in Brussels'.
_PLACE_PREPOSITIONS = {"in", "at", "on"}
# Words before a body's head noun that refer back to one already named: 'the mission', 'its mission'.
_REFERRING_WORDS = {"the", "a", "an", "this", "that", "its", "their", "said", "same"}

_QUOTE_MARKS = re.compile(r"[“”\"‘]")

# 'the 61-year-old': a person referred to by age, as news writes after naming them.
_THE_AGED = re.compile(r"the\s+\d{1,3}-year-old", re.IGNORECASE)

# Nouns that say what kind of body an organization is, whatever its name: 'the charity', 'the
# agency', 'the watchdog' after the organization was named.
_BODY_TYPES = BODY_DESCRIPTORS | {"agency", "organisation", "organization"}
# Words of a title that add nothing to its post: 'Governor of the bank'.
_TITLE_FILLERS = {"of", "the", "for", "and"}
# Ranks that make a post another one ('deputy governor', 'prime minister'); an acting governor is
# the governor.
_OTHER_RANKS = word_set("rank-prefixes.txt") - {"acting"}


def pronoun_gender(word: str) -> str | None:
    word = word.casefold()
    return "f" if word in _FEMININE else "m" if word in _MASCULINE else None


class Speakers:
    """Who a pronoun, role noun or name at a given offset refers to."""

    def __init__(self, doc: Doc, ctx: ArticleContext, roles: list[Role]):
        self.doc = doc
        self.ctx = ctx
        self.roles = roles
        # (offset, person key), sorted: where a person spoke or was a subject, where one was named.
        self.events: list[tuple[int, str]] = []
        self.mentioned: list[tuple[int, str]] = []
        # The offsets of both, sorted, by the key they were recorded under (keys may change later).
        self.positions: dict[str, list[int]] = {}
        # Person key -> "f" or "m", where the article shows it.
        self.gender: dict[str, str] = {}
        self._name_words = _person_name_words(ctx)
        self._acronyms: dict[str, set[str]] | None = None  # initials of posts -> their holders, made when first asked
        mentions = ctx.mentions(0, ctx.body_end, kinds=("Person",))
        taken = [(s, e) for s, e, _ in mentions]
        for start, end, key in mentions:
            self._add(self.mentioned, start, key)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and any(subject_like(t) and main_clause(t) for t in span):
                self._add(self.events, start, key)
        self._unregistered_subjects(taken)
        # Offsets of main-clause subjects that are persons the article does not name (sorted).
        self.unnamed: list[int] = []
        self._unnamed_subjects()
        self._genders(mentions)

    # ------------------------------------------------------------------ building

    def _add(self, where: list[tuple[int, str]], offset: int, key: str) -> None:
        bisect.insort(where, (offset, key))
        bisect.insort(self.positions.setdefault(key, []), offset)

    def _unregistered_subjects(self, taken: list[tuple[int, int]]) -> None:
        """'Quispe, whose support …, urged patience': a subject written as a part of a known
        person's name that the entity step did not register there is still that person."""
        if not self._name_words:
            return
        starts = [s for s, _ in taken]
        for token in self.doc:
            if token.dep_ not in SUBJECT_DEPS or token.pos_ != "PROPN" or not token.text[:1].isupper() or not main_clause(token):
                continue
            i = bisect.bisect_right(starts, token.idx) - 1
            if i >= 0 and taken[i][0] <= token.idx < taken[i][1]:
                continue  # a registered mention: already an event
            key = self.person_named([t.text for t in _name_tokens(token)])
            if key is not None:
                self._add(self.events, token.idx, key)

    def _unnamed_subjects(self) -> None:
        """'His Brazilian counterpart, Helena Vasconcelos, said …' where no person is known by
        that name: a person is the subject, but not one a later 'she' can be resolved to."""
        ctx = self.ctx
        for token in self.doc:
            if token.dep_ not in SUBJECT_DEPS or not main_clause(token):
                continue
            span = subject_span(token)
            if ctx.mentions(span.start_char, span.end_char, kinds=("Person",)):
                continue
            holders = self.holders([t.lower_ for t in span if not t.is_punct]) if token.lower_ in TITLE_HEADS else set()
            if token.lower_ in HUMAN_NOUNS or (token.lower_ in TITLE_HEADS and not holders):
                self.unnamed.append(token.idx)
            elif token.lower_ in TITLE_HEADS:
                # 'The Naval Chief disclosed …' (a proper noun to the parser when capitalised): the one
                # known holder of the post is the subject, whom a later 'he' refers to.
                if len(holders) == 1:
                    self._add(self.events, token.idx, next(iter(holders)))
            elif token.pos_ == "PROPN" and token.text[:1].isupper() and self._looks_like_a_name(token) and not self.person_named(
                [t.text for t in _name_tokens(token)]
            ):
                self.unnamed.append(token.idx)
        self.unnamed.sort()

    def _looks_like_a_name(self, token: Token) -> bool:
        """A name of up to four capitalised words that no entity of another kind covers: an unknown person."""
        names = _name_tokens(token)
        if len(names) > 4 or any(not t.text[:1].isupper() or t.text.isupper() for t in names):
            return False
        # One word may name anything ('Gazprom said'); an organization of several words with no
        # word like 'Commission' may be a person the parser took for one ('Helena Vasconcelos').
        start, end = names[0].idx, names[-1].idx + len(names[-1])
        for m_start, m_end, key in self.ctx.mentions_ending(start, end + 200):
            if not (m_start < end and start < m_end):
                continue
            entity = self.ctx.entities[key]
            if entity.kind != "Organization" or len(names) == 1 or ORG_HEADS & set(entity.name.casefold().split()):
                return False
        return True

    def _genders(self, mentions: list[tuple[int, int, str]]) -> None:
        """'Ms Roe', 'Mr. Doe', and 'Jane Roe …, when she …' (she the first person named before
        the pronoun in its sentence): what the article shows of each person's gender."""
        seen: dict[str, set[str]] = {}
        text = self.ctx.text
        for start, end, key in mentions:
            m = _HONORIFIC.search(text, max(0, start - 8), start) or _HONORIFIC_START.match(text, start, end)
            if m is not None:
                seen.setdefault(key, set()).add(_HONORIFIC_GENDER[m.group("h").casefold()])
        index = self.ctx.index(self.doc)
        for s_start, s_end in zip(index.sent_starts, index.sent_ends):
            sent = self.doc[s_start:s_end]
            pronoun = next((t for t in sent if t.lower_ in PERSON_PRONOUNS and t.dep_ in SUBJECT_DEPS), None)
            if pronoun is None:
                continue
            before = {k for _, _, k in self.ctx.mentions(sent.start_char, pronoun.idx, kinds=("Person",))}
            if len(before) == 1:
                seen.setdefault(next(iter(before)), set()).add(pronoun_gender(pronoun.text) or "")
        self.gender = {key: next(iter(g)) for key, g in seen.items() if len(g) == 1}

    # ------------------------------------------------------------------ queries

    def spoke(self, offset: int, key: str) -> None:
        self._add(self.events, offset, key)

    def gender_of(self, key: str) -> str | None:
        return self.gender.get(self.ctx.current_key(key) or key, self.gender.get(key))

    def last(self, offset: int, gender: str | None = None) -> str | None:
        """The person who spoke or was a subject last before `offset`, else the one named last;
        with a gender, passing over persons the article shows to be of the other one, and
        always over organizations that spoke ('the ministry said')."""
        j = bisect.bisect_left(self.unnamed, offset)
        unnamed = self.unnamed[j - 1] if j > 0 else -1
        for where in (self.events, self.mentioned):
            i = bisect.bisect_left(where, (offset,))  # the entries before it are those before `offset`
            if i > 0 and where[i - 1][0] < unnamed:
                return None  # a person the article does not name spoke since: not a named one
            while i > 0:
                key = where[i - 1][1]
                known = self.gender_of(key)
                if self._is_person(key) and (gender is None or known is None or known == gender):
                    return key
                i -= 1  # 'the ministry said' spoke too, but 'she' is a person
        return None

    def _is_person(self, key: str) -> bool:
        entity = self.ctx.entities.get(self.ctx.current_key(key) or key)
        return entity is None or entity.kind == "Person"

    def subject_since(self, start: int, offset: int) -> str | None:
        """The person who spoke or was a main-clause subject last in text[start:offset], unless a
        person the article does not name was a subject after them."""
        i = bisect.bisect_left(self.events, (offset,))
        if i == 0 or self.events[i - 1][0] < start:
            return None
        j = bisect.bisect_left(self.unnamed, offset)
        if j > 0 and self.unnamed[j - 1] > self.events[i - 1][0]:
            return None
        return self.events[i - 1][1]

    def person_named(self, words: list[str]) -> str | None:
        """The one person whose name holds these name words in a row ('Quispe' in 'Álvaro
        Quispe Mamani', 'Han' in 'Han Seung-woo', 'Dela Cruz'); None when none or several do."""
        keys = [name_key(w) for w in words if w.casefold().strip(".") not in _NOT_NAME]
        keys = [k for k in keys if k]
        if not keys or sum(len(k) for k in keys) < 2:
            return None
        found = set()
        for person, theirs in self._name_words:
            n = len(keys)
            if any(theirs[i : i + n] == keys for i in range(len(theirs) - n + 1)):
                found.add(self.ctx.current_key(person))
        return next(iter(found)) if len(found) == 1 else None

    def resolve(self, who: str, who_start: int, offset: int) -> str | None:
        """The speaker a phrase names: a person mentioned in it, a pronoun, a name, a role noun,
        or an organization speaking as itself or through a spokesperson or a statement."""
        ctx = self.ctx
        inside = ctx.mentions(who_start, who_start + len(who), kinds=("Person",))
        if inside and _somebodys_aide(who):
            return None  # 'a Roe campaign aide', 'an Ortega adviser': somebody of Roe's the text does not name
        # 'Roe's deputy, Jan Doe,': a name with a possessive mark is whose the speaker is, not the speaker.
        owners = [m for m in inside if re.match(r"[’']s?\b", ctx.text[m[1] : m[1] + 2])]
        if inside and len(owners) < len(inside):
            named = [m for m in inside if m not in owners]
            # 'Speaking beside her counterpart, Jan Doe, Ms Roe said': a name alone right before the
            # verb, else the one person who is the subject.
            last = self._name_last(who, who_start)
            if last is not None:
                return last
            subjects = [m for m in named if self.is_subject(m[0], m[1])]
            if len(subjects) == 1 and len(named) > 1:
                return subjects[0][2]
            if not subjects:
                subject = self._subject_named(who_start, who_start + len(who))
                if subject is not None:
                    return subject  # the subject is a known person written in a form no mention marks
            return named[0][2]
        if inside:
            after_owner = re.findall(r"[\w-]+", ctx.text[inside[0][1] : who_start + len(who)].casefold())[1:]
            if owners and any(w in HUMAN_NOUNS or w in _VOICE_PERSONS or w in TITLE_HEADS - VOICE_NOUNS for w in after_owner):
                return None  # "Roe's chief economist", "Roe's spokesman": someone of Roe's, not Roe ("Roe's statement" is Roe's)
            return inside[0][2]
        words = re.findall(r"[\w’'-]+", who.casefold())
        if not words:
            return None
        if len(words) == 1 and words[0] in PERSON_PRONOUNS | OBJECT_PRONOUNS:
            # 'he said', and 'according to him': a source phrase that is only an object pronoun
            gender = pronoun_gender(words[0])
            return self._named_since(who_start, gender) or self.last(offset, gender)
        if _THE_AGED.fullmatch(who.strip()):
            return self.last(offset)  # '“…,” the 61-year-old said': the person the text is about
        named = self._name_in(who) or self._by_acronym(who)
        if named is not None:
            return named
        organization = self._organization(who, who_start, words)
        if organization is not None:
            return organization
        if words == ["it"]:
            return self._organization_last(offset)  # 'The bank said on Monday … “…,” it said.'
        if len(words) == 2 and words[0] == "the" and words[1] in _BODY_TYPES:
            return self._body_just_named(offset)  # 'Save the Children warned … “…,” the charity said.'
        if words[0] == "the" and len(words) <= 3 and words[-1] in VOICE_NOUNS and words[-1] not in _VOICE_PERSONS:
            return self._issuer(words[-1], offset)  # '“…,” the statement said.'
        if words[-1] in TITLE_HEADS and words[-1] not in VOICE_NOUNS and len(words) <= 5:
            if words[0] in ("a", "an") or any(w in _NOT_OF_THE_POST for w in words[:-1]):
                return None  # 'a minister', 'an aide to the minister': someone the text does not name
            return self._by_role(words, offset)
        return None

    def _named_since(self, offset: int, gender: str | None) -> str | None:
        """'Britain was represented by its minister, Jan Roe. According to him, …': the one person
        named since the last person who spoke or was a subject, in a sentence where no person is
        the subject (an object, a passive's agent), whom a pronoun right after refers to."""
        i = bisect.bisect_left(self.events, (offset,))
        since = self.events[i - 1][0] + 1 if i > 0 else 0
        named = [(s, k) for s, _, k in self.ctx.mentions(since, offset, kinds=("Person",))]
        keys = {self.ctx.current_key(k) or k for _, k in named}
        if len(keys) != 1:
            return None
        key = next(iter(keys))
        known = self.gender_of(key)
        if gender is not None and known is not None and known != gender:
            return None
        index = self.ctx.index(self.doc)
        for start, _ in named:
            s, e = index.sentence(index.token_at(start))
            if self.doc[e - 1].idx >= offset:
                return None  # named in the pronoun's own sentence
            if _QUOTE_MARKS.search(self.ctx.text, self.doc[s].idx, self.doc[e - 1].idx + 1):
                return None  # '“We told Doe so,” Roe said.': named in somebody's words
            if since > self.doc[s].idx:
                return None  # 'Roe, who took over from Doe, said …': a person is that sentence's subject
        j = bisect.bisect_left(self.unnamed, offset)
        if j > 0 and self.unnamed[j - 1] >= since:
            return None
        return key

    def _organization_last(self, offset: int) -> str | None:
        """The organization that spoke last before `offset`, if nobody spoke after it."""
        i = bisect.bisect_left(self.events, (offset,))
        if i == 0:
            return None
        key = self.events[i - 1][1]
        entity = self.ctx.entities.get(self.ctx.current_key(key) or key)
        return entity.key if entity is not None and entity.kind == "Organization" else None

    def _body_just_named(self, offset: int) -> str | None:
        """'Save the Children warned on Monday … “…,” the charity said': the organization named
        last before `offset` in its paragraph or the one before, when it is a clause's subject
        there (what the paragraph is about) and no other organization is named after it."""
        text = self.ctx.text
        start = line_start(text, offset)
        if start > 0:
            start = line_start(text, max(0, trimmed_end(text, start) - 1))
        found = self.ctx.mentions(start, offset, kinds=("Organization",))
        if not found:
            return None
        m_start, m_end, key = found[-1]
        if not self.is_subject(m_start, m_end):
            return None
        return self.ctx.current_key(key) or key

    def _issuer(self, noun: str, offset: int) -> str | None:
        """'The union said in a statement that … “…,” the statement said': who spoke in the
        sentence that last named such a statement (a release, a communiqué) before `offset`."""
        text = self.ctx.text
        start = max(0, offset - _ISSUER_WINDOW)
        found = [m.start() for m in re.finditer(rf"\b{re.escape(noun)}\b", text[start:offset], re.IGNORECASE)]
        if not found:
            return None
        index = self.ctx.index(self.doc)
        s, e = index.sentence(index.token_at(start + found[-1]))
        s_char, e_char = self.doc[s].idx, min(offset, self.doc[e - 1].idx + len(self.doc[e - 1]))
        i, j = bisect.bisect_left(self.events, (s_char,)), bisect.bisect_left(self.events, (e_char,))
        keys = {self.ctx.current_key(k) or k for _, k in self.events[i:j]}
        if not keys:
            # 'The union said in a statement …' read as 'a statement that …': the one organization
            # or person named before the noun in that sentence.
            keys = {self.ctx.current_key(k) or k for _, _, k in self.ctx.mentions(s_char, start + found[-1], kinds=("Person", "Organization"))}
        return next(iter(keys)) if len(keys) == 1 else None

    def is_subject(self, start: int, end: int) -> bool:
        """Whether the person named in text[start:end] is a clause's subject (not a word in a
        phrase before it, 'alongside Jan Doe', or an apposition to an object)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(subject_like(t) for t in span)

    def _subject_named(self, start: int, end: int) -> str | None:
        """The known person whose name is the subject in text[start:end] ('Ms Roe' after
        'Jane Roe' was named), where no mention marks it."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        for token in span if span is not None else ():
            if token.dep_ in SUBJECT_DEPS and token.pos_ == "PROPN" and token.text[:1].isupper():
                key = self.person_named([t.text for t in _name_tokens(token)])
                if key is not None:
                    return key
        return None

    def _name_last(self, who: str, who_start: int) -> str | None:
        """'Speaking beside Jan Doe, Ms Roe': a name alone after the phrase's last comma, right
        before the verb, is its subject (where the parser found none)."""
        if "," not in who.rstrip(", "):
            return None
        tail_at = who.rstrip(", ").rindex(",") + 1
        tail = who[tail_at:].strip(" ,")
        if not tail or not all(w[:1].isupper() for w in tail.split()):
            return None
        inside = self.ctx.mentions(who_start + tail_at, who_start + len(who), kinds=("Person",))
        return inside[0][2] if inside else self._name_in(tail)

    def _name_in(self, who: str) -> str | None:
        """A capitalised name in the phrase that is a part of one known person's name."""
        if len(who) > 80:
            return None
        written = _NAME_WORD.findall(who)
        if not written or any(not w[0].isupper() for w in written):
            return None  # 'the minister', 'officials in Rome': not a name alone
        names = [w for w in written if w.casefold() not in TITLE_HEADS and w.casefold() not in TITLE_MODIFIERS]
        return self.person_named(names) if names else None

    def _by_acronym(self, who: str) -> str | None:
        """'the CEC', 'the PM': the one person whose post, written before their name ('Chief
        Election Commissioner Jane Roe') or known from the roles, has these initials."""
        written = who.split()
        if written[:1] in (["the"], ["The"]):
            written = written[1:]
        if len(written) != 1 or not 2 <= len(written[0]) <= 5 or not written[0].isalpha() or not written[0].isupper():
            return None
        if self._acronyms is None:
            self._acronyms = self._post_initials()
        found = self._acronyms.get(written[0].casefold(), set())
        return next(iter(found)) if len(found) == 1 else None

    def _post_initials(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}

        def add(words: list[str], key: str) -> None:
            words = [w for w in words if w.casefold() not in ("of", "for", "and", "the")]
            for i in range(len(words) - 1):  # every run of two or more words ending with the head
                out.setdefault("".join(w[0] for w in words[i:]).casefold(), set()).add(key)

        for start, _, key in self.ctx.mentions(0, self.ctx.body_end, kinds=("Person",)):
            before = self.ctx.text[max(0, start - 80) : start]
            run = re.search(r"((?:[A-Z][\w-]*\s+(?:(?:of|for|and|the)\s+)?)+)$", before)
            if run:
                add(re.split(r"[\s-]+", run.group(1).strip()), self.ctx.current_key(key) or key)
        for role in self.roles:
            # the post's own words ('Chief Election Commissioner'), not the body it is of: 'the MPC' is
            # not the 'Chair of the Monetary Policy Committee'
            own = re.split(r"\s(?:of|for|at|in|on|to)\s", role.title, maxsplit=1)[0]
            add(re.split(r"[\s-]+", own), self.ctx.current_key(role.person) or role.person)
        return out

    def _organization(self, who: str, who_start: int, words: list[str]) -> str | None:
        """'the OPEC Secretariat', 'a Treasury spokesperson', 'the ministry's statement', 'a
        spokesperson for the ministry': the organization the phrase ends with, or whose voice
        noun ends it or comes before it."""
        # 'a spokesperson for the ministry', 'the observer mission of the OAS': a voice, or a body
        # the organization sends, of the organization named after it.
        voice = re.match(r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?P<noun>\w+)\s+(?:for|of|at|from)\s+(?P<org>.+)$", who, re.IGNORECASE)
        if voice and voice.group("noun").casefold() in VOICE_NOUNS | _BODY_NOUNS:
            org_start = who_start + voice.start("org")
            org = voice.group("org")
            found = self.ctx.mentions(org_start, org_start + len(org), kinds=("Organization",))
            if found and self.ctx.text[found[-1][1] : org_start + len(org)].strip() == "":
                return found[-1][2]
            org_words = re.findall(r"[\w’'-]+", org.casefold())
            return self._organization_by_head(org_words, who_start) if org_words[:1] == ["the"] else None
        orgs = self.ctx.mentions(who_start, who_start + len(who), kinds=("Organization",)) or self._organization_named(who, who_start)
        if not orgs:
            return self._organization_by_head(words, who_start)
        start, end, key = orgs[-1]
        lead = re.findall(r"[\w’'-]+", self.ctx.text[who_start:start].casefold())
        rest = re.findall(r"[\w-]+", self.ctx.text[end : who_start + len(who)].casefold())
        rest = [w for w in rest if w not in ("s", "’s", "'s")]
        where = next((i for i, w in enumerate(rest) if w in _PLACE_PREPOSITIONS), None)
        if where is not None:
            rest = rest[:where]  # 'a Commission spokesperson in Brussels': where it spoke
        if not rest and all(w in _DETERMINERS for w in lead):
            return key  # 'the OPEC Secretariat': the organization itself, not a post in it
        if not rest and lead and lead[-1] in ORG_HEADS | BODY_DESCRIPTORS and not any(w in TITLE_HEADS or w in HUMAN_NOUNS for w in lead):
            return key  # "farmers' union Unió de Pagesos", 'the consultancy Merlin Partners': what it is, then its name
        if (rest[-1:] or words[-1:])[0] in VOICE_NOUNS and len(rest) <= 3 and not any(w in TITLE_HEADS - VOICE_NOUNS for w in lead + rest):
            return key  # 'a Treasury spokesperson', 'the ministry's statement'
        return None

    def _organization_by_head(self, words: list[str], offset: int) -> str | None:
        """'the ministry said', 'the bank's statement says': the organization named last before
        the phrase whose name has that head word ('the ministry' after 'the Ministry of Defence')."""
        words = [re.sub(r"[’']s?$", "", w) for w in words if w not in ("s", "’s", "'s")]
        if not words or words[0] not in ("the", "a", "an"):
            return None
        head = next((w for w in words[1:] if w in ORG_HEADS), None)
        if head is not None:
            # 'a Commission spokesperson in Brussels': where the voice spoke is not part of who it is.
            where = next((i for i in range(words.index(head) + 1, len(words)) if words[i] in _PLACE_PREPOSITIONS), len(words))
            words = words[:where]
        rest = words[words.index(head) + 1 :] if head else []
        # 'the ministry's statement', 'the alliance's joint statement': a voice noun, one word before it.
        voiced = 1 <= len(rest) <= 2 and rest[-1] in VOICE_NOUNS
        if head is None or len(words) > 4 or not (voiced or (not rest and words[0] == "the")):
            return None  # 'the ministry', 'a ministry spokesperson'; not 'the ministry's envoy', 'a ministry'
        before = self.ctx.mentions(0, offset, kinds=("Organization",))
        for _, m_end, key in reversed(before):
            entity = self.ctx.entities.get(self.ctx.current_key(key) or key)
            if entity is not None and head in entity.name.casefold().split():
                if self._other_body(head, m_end, offset, entity.key):
                    return None
                return entity.key
        # Named nowhere before: a press release's issuer, named in its masthead or its contact
        # lines ('MINISTRY OF DEFENCE' over it, 'Ministry of Defence communications' under it).
        # The one organization of the article with that head word, if there is one.
        found = {e.key for e in self.ctx.entities.values() if e.kind == "Organization" and head in e.name.casefold().split()}
        return next(iter(found)) if len(found) == 1 else None

    def _other_body(self, head: str, start: int, offset: int, key: str) -> bool:
        """Whether text[start:offset] introduces another body with the head noun after the
        organization last named: 'the EU mission …; the OAS observer mission … the mission said'
        (the head noun after a word other than an article, outside the organization's mentions)."""
        own = {(s, e) for s, e, k in self.ctx.mentions(start, offset) if (self.ctx.current_key(k) or k) == key}
        for m in re.finditer(rf"(?P<before>[\w’'-]+)\s+{re.escape(head)}\b", self.ctx.text[start:offset], re.IGNORECASE):
            at = start + m.start()
            if m.group("before").casefold() in _REFERRING_WORDS or any(s <= at < e for s, e in own):
                continue
            return True
        return False

    def holders(self, words: list[str], exact: bool = False, same_rank: bool = False) -> set[str]:
        """The persons whose post the role noun phrase names ('the minister', 'Ukraine's defense minister').
        `same_rank`: not those whose title has a rank the phrase does not say ('the governor' is
        not the deputy governor, 'the minister' not the prime minister); `exact`: only those whose
        title is the phrase's words and nothing more."""
        wanted = {w for w in words if w not in ("the", "a", "an")}
        holders = set()
        for role in self.roles:
            title = set(role.title.casefold().split())
            owner = self.ctx.entities.get(self.ctx.current_key(role.of) or "")
            owner_words = set(re.findall(r"[\w-]+", owner.name.casefold())) if owner else set()
            if words[-1] in title and wanted - {"s", "’s", "'s"} <= title | owner_words | _owner_forms(words, owner_words):
                if exact and title - owner_words - wanted - _TITLE_FILLERS:
                    continue
                if same_rank and (title - wanted) & _OTHER_RANKS:
                    continue
                holders.add(self.ctx.current_key(role.person))
        return holders

    def _organization_named(self, who: str, who_start: int) -> list[tuple[int, int, str]]:
        """A run of capitalised words in the phrase that names a known organization where the
        entity step did not mark it ('A Treasury spokesperson said')."""
        out = []
        for m in re.finditer(r"[A-Z][\w&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&.-]*)*", who):
            run = m.group()
            if m.start() == 0 and run.split()[0] in ("A", "An", "The"):
                run = " ".join(run.split()[1:])
            key = self.ctx.resolve(run, "Organization") if run else None
            if key is None and run.casefold() in ORG_HEADS:
                key = self._organization_by_head(["the", run.casefold()], who_start)  # 'a Commission spokesperson'
            if key is not None:
                out.append((who_start + m.end() - len(run), who_start + m.end(), key))
        return out

    def _by_role(self, words: list[str], offset: int) -> str | None:
        """'the minister', 'Ukraine's defense minister': of the persons named before it, the one
        named last whose post matches the noun, else the last speaker. A person first named
        after the noun is never the one it refers back to."""
        holders = self.holders(words)
        latest: dict[str, int] = {}  # person -> where they were last named or spoke before `offset`
        for key, positions in self.positions.items():
            key = self.ctx.current_key(key)
            i = bisect.bisect_left(positions, offset)
            if i > 0 and key in holders:
                latest[key] = max(latest.get(key, -1), positions[i - 1])
        if latest:
            return max(latest, key=lambda k: (latest[k], k))
        return self.last(offset)


def _somebodys_aide(who: str) -> bool:
    """'a Roe campaign aide', 'an Ortega spokesman': an indefinite phrase whose head, a common noun
    in lower case, comes after a name used as a modifier."""
    words = re.findall(r"[\w’'-]+", who)
    return len(words) >= 3 and words[0].casefold() in ("a", "an") and words[-1].isalpha() and words[-1].islower()


def _person_name_words(ctx: ArticleContext) -> list[tuple[str, list[str]]]:
    """(person key, the spelling keys of its name's words) for every person of several words."""
    out = []
    for entity in ctx.entities.values():
        if entity.kind != "Person":
            continue
        for name in (entity.name, *entity.aliases):
            words = [name_key(w) for w in name.split() if w.casefold().strip(".") not in _NOT_NAME]
            words = [w for w in words if w]
            if len(words) > 1:
                out.append((entity.key, words))
    return sorted(out)


def _name_tokens(token: Token) -> list[Token]:
    """The name a proper-noun token ends or heads: 'Quispe', 'Helena Vasconcelos'."""
    return sorted([t for t in token.children if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [token], key=lambda t: t.i)


def _owner_forms(words: list[str], owner_words: set[str]) -> set[str]:
    # "ukraine's" / "ukrainian" stand for the owner "Ukraine".
    out = set()
    for w in words:
        base = re.sub(r"[’']s$", "", w)
        if base in owner_words or any(o and base.startswith(o[:5]) for o in owner_words):
            out.add(w)
    return out


def subject_like(token: Token) -> bool:
    """Part of a clause's subject: the subject itself, or a name compounded or in apposition to it."""
    while token.dep_ in ("compound", "flat", "appos", "pobj", "nmod") and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.dep_ != "nmod":
            return False
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def main_clause(token: Token) -> bool:
    """Whether the clause the token stands in is its sentence's main clause (or one joined to
    it by 'and'), not a clause reported or embedded in it: in 'Roe said the agency had …' Roe is
    the one a following 'she' refers to, not the agency."""
    while token.dep_ not in ("ROOT",) and token.head.i != token.i:
        if token.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "pcomp", "parataxis"):
            return False
        token = token.head
    return True


def subject_span(subject: Token) -> Span:
    """The subject's words: 'His Brazilian counterpart, Helena Vasconcelos,'."""
    return subject.doc[subject.left_edge.i : subject.right_edge.i + 1]


def subject_phrase(doc: Doc, subject: Token, verb: Token) -> Span:
    """The words of a subject up to its verb: 'Latvian Defense Minister Jane Roe'."""
    end = min(subject.right_edge.i + 1, verb.i)
    return doc[subject.left_edge.i : end]
