"""Title phrases: the noun phrase that names a post, parsed as a small grammar.

    title      := [det | its/his/her/their | the <noun>'s] [former …] [owner] [former …]
                  modifier* HEAD post-head* complement*
    owner      := <Country|Organization>'s | <Country|Organization> | <demonym>
    HEAD       := a noun of office: minister, secretary, governor, director, head, chief,
                  commissioner, spokesperson, envoy, chair, economist, fellow … (or "Gov.")
    complement := (of|for|on|in|at|to) [the] (field words | <Country|Organization|Place>)

"Chile's minister for mining", "the head of the customs department of Estonia", "chief UK
economist at the consultancy Harrowgate Economics", "officer on special duty in the Health
Ministry", "Minister of Economy, Trade and Industry". The head's modifiers are any nouns or
adjectives, so a title need not be in a closed list; what bounds the phrase is the grammar:
a verb, a person's name, a date or a stray word ends it, and the caller asks for an exact
span (the words between a name and a comma, or before a name).

The owner (`of`) is the possessive or leading country or organization, a demonym, or the
entity a complement names ("President of Finland", "director … at the ONS"). A capitalised
"organization" that is only a field ("Minister of Economy, Trade and Industry", "Union Health
Secretary") stays in the title: it names what the post is about, not whose it is.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.extract.context import ArticleContext
from newsgraph.extract.lexicon import (
    MONTHS,
    ORG_HEADS,
    POSSESSIVE_MARKS,
    TITLE_HEADS,
    TITLE_JOINERS,
    WEEKDAYS,
    is_title_word,
)
from newsgraph.text import demonyms, post_title, word_map, word_set

OWNER_KINDS = ("Country", "Organization")
#: Nouns of office: the closed class of words a post's title ends in.
OFFICE_HEADS = TITLE_HEADS | word_set("office-heads.txt")
WEAK_HEADS = word_set("office-weak-heads.txt")
RELATION_NOUNS = word_set("relation-nouns.txt")
HONORIFICS = word_set("address-words.txt")
RANKS = word_set("ranks.txt")
RANK_ABBREVIATIONS = word_set("rank-abbreviations.txt")
TIME_MODIFIERS = word_set("time-modifiers.txt")
_ABBREVIATIONS = word_map("title-abbreviations.tsv", "abbreviation", "title")
_STOP = word_set("title-stop-words.txt")
_RANK_PREFIXES = word_set("rank-prefixes.txt")
_UNITS = word_set("office-units.txt")
_MISSIONS = word_set("mission-nouns.txt")
_SEATS = word_set("post-seats.txt")
_BODY_WORDS = ORG_HEADS | word_set("body-words.txt")
_FORMER = frozenset({"former", "ex", "ex-", "then", "outgoing", "retired"})

#: Prepositions that attach a field or an owner to a post.
# "with": "an economist with Pekao Research", a body one works with (only a named one, see _complements).
_PREPOSITIONS = frozenset({"of", "for", "on", "in", "at", "to", "from", "with"})
#: Words that end a title and start what the post covers: "… of the Interior responsible for border security".
_CUTS = frozenset({"responsible"})
#: Words a title may carry after its head: "Secretary General", "Attorney General".
_POST_HEAD = frozenset({"general", "designate", "elect"})
_LEADING = frozenset({"now", "currently", "also", "newly"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their"})
#: Heads of cabinet posts: "of the Armed Forces" after them names a portfolio, not a body that owns the post.
_CABINET_HEADS = frozenset({"minister", "secretary", "undersecretary", "under-secretary"})
#: Heads of posts sent to a country: a country named before them (not "Ukraine's") is the destination.
_ENVOY_HEADS = frozenset({"envoy", "ambassador", "representative", "emissary"})
_MAX_BODY = 7
_MAX_COMPLEMENT = 14


@dataclass(frozen=True)
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    key: str
    kind: str


@dataclass(frozen=True)
class Title:
    """A parsed title phrase: the post's title, its owner, and how it was written."""

    title: str
    owner: str | None
    # A demonym owner not yet registered as a country: (adjective, start char, end char).
    demonym: tuple[str, int, int] | None = None
    plural: bool = False
    former: bool = False
    # Said through a possessive pronoun or a noun ("its force commander"): owned by someone unnamed.
    possessed: bool = False
    # The office noun, singular ("commissioner"), and whether the phrase opens with "the", "a", "its" …
    head: str = ""
    determined: bool = False


def singular_head(word: str) -> str | None:
    """The office noun a word is, in the singular ('Commissioners' -> 'commissioner'), or None."""
    lower = word.casefold().rstrip(".")
    if lower in OFFICE_HEADS:
        return lower
    for tail, repl in (("men", "man"), ("people", "person"), ("ies", "y"), ("s", "")):
        if lower.endswith(tail) and lower[: -len(tail)] + repl in OFFICE_HEADS:
            return lower[: -len(tail)] + repl
    return None


def is_honorific(token: Token) -> bool:
    """'Dr.', 'Prof', 'Hon.', 'Shri', 'Lt.', 'Gen.', 'Rear Admiral': address or rank before a name."""
    lower = token.lower_.rstrip(".")
    return lower in HONORIFICS or lower in RANKS or lower in RANK_ABBREVIATIONS


class TitleGrammar:
    """Parses title phrases over token spans of one document."""

    def __init__(self, doc: Doc, ctx: ArticleContext, by_start: dict[int, Mention]):
        self.doc = doc
        self.ctx = ctx
        self.by_start = by_start
        # Tokens inside a mention but not its first: no title phrase starts there ("Council member"
        # inside "Governing Council member").
        self._inner = {i for m in by_start.values() for i in range(m.start + 1, m.end)}

    def starts_inside_a_name(self, i: int) -> bool:
        return i in self._inner

    # ------------------------------------------------------------------ the phrase

    def parse(self, a: int, b: int, *, clause: bool = False, one_person: bool = False) -> Title | None:
        """The title when tokens a..b are exactly a title phrase, else None. In a `clause` ("was
        appointed governor", "served as ambassador") a bare lower-case head is a post too; where
        the phrase can only describe `one_person` (an apposition) two heads may be joined by 'and'."""
        doc = self.doc
        if b - a > _MAX_BODY + _MAX_COMPLEMENT + 4:
            return None
        k = a
        while k < b and doc[k].lower_ in _LEADING:
            k += 1
        det = possessed = False
        if k < b and doc[k].lower_ in ("the", "a", "an"):
            det = True
            k += 1
        elif k < b and doc[k].lower_ in _POSSESSIVE_PRONOUNS:
            possessed = True
            k += 1
        k, former = self._time(k, b)
        owner: str | None = None
        demonym: tuple[str, int, int] | None = None
        words: list[str] = []
        prefix: Mention | None = None
        m = self.by_start.get(k)
        if m is not None and m.end < b:
            if m.kind in OWNER_KINDS and doc[m.end].text in POSSESSIVE_MARKS:
                owner, k = m.key, m.end + 1  # "Latvia's", "the European Commission's"
            elif (m.kind == "Organization" and self.field_like(m)) or m.kind == "Event":
                pass  # "Union Health Secretary", "the COP31 president": read as words of the title below
            elif m.kind in OWNER_KINDS:
                owner, k = m.key, m.end  # "NATO Secretary General", "US Defense Secretary"
                prefix = m
                if k + 3 < b and doc[k].text == "(" and doc[k + 2].text == ")" and doc[k + 1].text.isupper() and doc[k + 1].is_alpha:
                    k += 3  # "the Pradesh Congress Committee (PCC) president": the body's initials
            elif m.kind in ("Place", "Person") and doc[m.end].text in POSSESSIVE_MARKS:
                # "Iowa's congressman": a state is not a post's owner here; "Prime Minister Jane Roe's
                # spokesman John Doe": the post is his, owned by no country or organization
                k, possessed = m.end + 1, True
            elif m.kind != "Place":
                return None
        elif k < b and doc[k].text[:1].isupper() and (width := _demonym_width(doc, k, b)):
            # "Latvian", "Costa Rican": one word or two
            adjective = doc[k : k + width].text
            known = self.ctx.country_of_demonym(adjective)
            if known is not None:
                owner = known
            else:
                demonym = (adjective, doc[k].idx, doc[k + width - 1].idx + len(doc[k + width - 1]))
            k += width
        elif det:
            # "the association's president", "the opposition Law and Justice party's leader"
            j = k
            while j < min(b, k + 6) and doc[j].text not in POSSESSIVE_MARKS and (doc[j].pos_ in ("NOUN", "PROPN", "ADJ") or doc[j].lower_ == "and"):
                j += 1
            if k < j < b - 1 and doc[j].text in POSSESSIVE_MARKS and doc[j - 1].pos_ == "NOUN" and doc[j - 1].is_lower:
                k, possessed = j + 1, True
        k, later = self._time(k, b)
        former = former or later

        # The body: modifiers and the head.
        head_at: int | None = None
        paren: str | None = None
        plural = False
        while k < b:
            token = doc[k]
            lower = token.lower_
            if token.text in ("-", "–") and words and k + 1 < b and not doc[k - 1].whitespace_ and not token.whitespace_:
                second = doc[k + 1].text
                tail = singular_head(second)
                if tail is not None and tail != second.casefold() and head_at is None and len(words) == 1:
                    plural = True  # "co-chairs", "vice-presidents": one post of several people
                    second = _singular_as_written(second, tail)
                words[-1] += "-" + second  # "Commander-in-Chief", "Director-General", "president-elect"
                if singular_head(doc[k + 1].text) or singular_head(words[-1]):
                    head_at = len(words) - 1
                k += 2
                continue
            if head_at is not None and (lower in _PREPOSITIONS or lower in _CUTS):
                break
            if token.text == "(" and head_at is not None and k + 2 < b and doc[k + 2].text == ")" and doc[k + 1].text.isupper():
                k += 3  # "the Resident Electoral Commissioner (REC) in …": the post's initials
                continue
            close = next((j for j in range(k + 2, min(b, k + 5)) if doc[j].text == ")"), None) if token.text == "(" else None
            if close is not None and head_at == len(words) - 1 and paren is None and all(t.is_alpha and not t.text.isupper() for t in doc[k + 1 : close]):
                paren = doc[k + 1 : close].text  # "principal secretary (energy)": the post's field in brackets
                k = close + 1
                continue
            if len(words) >= _MAX_BODY:
                return None
            inner = self.by_start.get(k)
            if inner is not None and inner.end > b:
                inner = None  # "Gov. Jane Roe" read as one name: its first word is still a title
            if inner is not None:
                if inner.kind in ("Country", "Place", "Event") or (inner.kind == "Organization" and self.field_like(inner)):
                    # "chief UK economist", "the Cop31 president": a place or an event the post is named after
                    words.extend(t.text for t in doc[inner.start : inner.end])
                    k = inner.end
                    continue
                if inner.kind == "Organization" and not words and inner.end < b and doc[inner.end].text not in POSSESSIVE_MARKS:
                    owner, demonym, k = inner.key, None, inner.end  # "Latvia's Defence Ministry spokesperson"
                    continue
                if (
                    inner.kind == "Organization" and words and head_at is None and inner.end < b and inner.end - inner.start <= 2
                    and doc[inner.end].text not in POSSESSIVE_MARKS and singular_head(doc[inner.end].text) is not None
                    and singular_head(doc[inner.end].text) not in WEAK_HEADS  # "senior NATO official": NATO's, left alone
                ):
                    # "chief Asean economist", "senior EU official": the body names the post's field, right
                    # before its head; whose post it is, the phrase leaves open
                    words.extend(t.text for t in doc[inner.start : inner.end])
                    k = inner.end
                    continue
                return None
            short = self._abbreviation(k, b)
            if short is not None:
                word, k = short
                words.append(word)
                head_at = len(words) - 1
                continue
            head = singular_head(token.text)
            if head is not None and self._head_pos(token):
                plural = head != token.lower_
                words.append(token.text if not plural else _singular_as_written(token.text, head))
                head_at = len(words) - 1
                k += 1
                continue
            if lower in TIME_MODIFIERS and not is_title_word(token.text):
                former = former or lower in _FORMER  # "Conservative former congresswoman"
                k += 1
                continue
            if self._modifier(token) or (
                # "Under-Secretary-General", "Vice-Chancellor": the first part of a hyphenated post,
                # whatever the tagger calls it ('Under' as a preposition)
                token.is_alpha and not token.whitespace_ and k + 2 < b and doc[k + 1].text in ("-", "–")
                and not doc[k + 1].whitespace_ and singular_head(doc[k + 2].text) is not None
            ):
                words.append(token.text)
                k += 1
                continue
            if lower == "and" and words and is_title_word(words[-1]) and head_at != len(words) - 1 and k + 1 < b and doc[k + 1].text[:1].isupper():
                words.append("and")  # "Foreign and Commonwealth Secretary"
                k += 1
                continue
            if (
                token.text == "," and words and head_at is None and words[-1].islower() and words[-1].isalpha() and k + 2 < b
                and doc[k + 1].is_lower and doc[k + 1].pos_ == "NOUN" and self._modifier(doc[k + 1])
                and singular_head(doc[k + 1].text) is None
                and any(t.lower_ == "and" for t in doc[k + 2 : min(b, k + 8)])
            ):
                words[-1] += ","  # "trade, industry and energy minister": three fields of one post
                k += 1
                continue
            if (
                lower == "and" and words and head_at is None and words[-1].rstrip(",").islower() and k + 2 < b
                and doc[k + 1].is_lower and doc[k + 1].pos_ == "NOUN" and self._modifier(doc[k + 1])
                and singular_head(doc[k + 1].text) is None
            ):
                words.append("and")  # "climate and environment minister": two fields of one post
                k += 1
                continue
            if lower == "and" and one_person and head_at == len(words) - 1 and k + 1 < b:
                words.append("and")  # "Jane Roe, president and chief executive of Acme, said": one person's two posts
                head_at = None
                k += 1
                continue
            return None
        if head_at is None:
            return None
        if any(w.casefold() not in _POST_HEAD and singular_head(w) is None for w in words[head_at + 1 :]):
            return None
        if words[-1].casefold() == "and":
            return None

        if (
            prefix is not None
            and owner == prefix.key
            and prefix.kind == "Country"
            and singular_head(words[head_at]) in _ENVOY_HEADS
            and not (k < b and doc[k].lower_ in ("on", "for"))
        ):
            # "the Ukraine envoy", "the US Syria envoy": a country before an envoy is where he is sent;
            # not in "the UK Special Envoy on Antimicrobial Resistance", whose field the complement names
            words = [t.text for t in doc[prefix.start : prefix.end]] + words
            head_at += prefix.end - prefix.start
            owner = prefix = None
        state = _State(owner, demonym)
        state.prefix = prefix
        state.portfolio = singular_head(words[head_at].split("-")[-1]) in _CABINET_HEADS
        state.weak = head_at == len(words) - 1 and singular_head(words[head_at]) in WEAK_HEADS
        if not self._complements(k, b, state):
            return None
        title = self._finish(words, state, det or possessed or clause, former, plural, possessed)
        if title is not None and paren is not None:
            title = dataclasses.replace(title, title=f"{title.title} ({paren})")
        return title

    def object_of(self, verb_title: str, a: int, b: int) -> Title | None:
        """The post a clause gives by its verb and object: 'who heads procurement at Africa CDC'
        -> Head of Procurement (Africa CDC); 'who chairs the Alliance of Small Island States' ->
        Chair of the Alliance of Small Island States (the Alliance). Only an object that names a
        country or organization is a post. The title names the body as written: 'Head' alone
        would say nothing of which post it is."""
        doc = self.doc
        k = a
        the = k < b and doc[k].lower_ == "the"
        if the:
            k += 1
        state = _State(None, None)
        m = self.by_start.get(k)
        if m is not None and m.kind in OWNER_KINDS and m.end < b and doc[m.end].text in POSSESSIVE_MARKS:
            state.owner, k = m.key, m.end + 1  # "the Estonian Navy's mine countermeasures squadron"
            the = False
            body = self.by_start.get(k)
            if body is not None and body.kind == "Organization" and body.end == b:
                state.owner = body.key  # "has led Hungary's National Election Office": the office is what is led
                state.complement = ["of", *(t.text for t in doc[a:b])]
                return self._finish([verb_title], state, True, False, False, False)
        if not self._complements(k, b, state, implicit=("of", the)):
            return None
        if state.owner is None and not state.named:
            return None
        if not state.complement:
            state.complement = ["of", *(t.text for t in doc[a:b])]
        return self._finish([verb_title], state, True, False, False, False)

    def _complements(self, k: int, b: int, st: "_State", implicit: tuple[str, bool] | None = None) -> bool:
        """Reads 'of|for|on|in|at|to [the] <field|entity>' up to b into the state; False if the
        words are not complements of a post. The first segment's preposition may be implicit
        (the object of 'heads')."""
        doc = self.doc
        while k < b:
            lower = doc[k].lower_
            if implicit is not None:
                prep, the = implicit
                written = prep
                implicit = None
            else:
                if lower in _CUTS:
                    return self._cut_ok(k, b)
                if lower == "in" and k + 2 < b and doc[k + 1].lower_ == "charge" and doc[k + 2].lower_ == "of":
                    # "National Commissioner in charge of Information": what the post covers
                    prep, written = "for", "in charge of"
                    k += 3
                elif lower not in _PREPOSITIONS:
                    # "Commander of the Navy Rear Admiral" before a name: the rank is not the post's
                    return all(doc[j].lower_ in RANKS for j in range(k, b))
                else:
                    prep = written = lower
                    k += 1
                the = k < b and doc[k].lower_ == "the"
                if the:
                    k += 1
            segment: list[str] = []
            segment_from = k
            entity: Mention | None = None
            located = org_last = False
            while k < b and doc[k].lower_ not in _PREPOSITIONS and doc[k].lower_ not in _CUTS:
                inner = self.by_start.get(k)
                if inner is not None and inner.end + 1 < b and inner.kind in OWNER_KINDS and doc[inner.end].text in POSSESSIVE_MARKS and not segment:
                    body = self.by_start.get(inner.end + 1)
                    if body is not None and body.kind == "Organization" and body.end <= b:
                        inner = body  # "undersecretary … at Brazil's National Treasury": the body is the owner
                        the = False
                    elif body is None and st.in_title:
                        unit = self._unit_of(inner, b)
                        if unit is not None:
                            # "head of the IMF's European department": a unit of the body, which owns the post
                            words, k = unit
                            st.complement.extend([*written.split(), "the", *words])
                            st.in_title, st.named, located = False, True, True
                            if st.owner is None and st.demonym is None:
                                st.owner, st.from_complement = inner.key, True
                            break
                if inner is not None and inner.end <= b:
                    if inner.kind == "Person" and prep in ("for", "to") and self._ends_segment(inner.end, b) and all(
                        is_title_word(w) or singular_head(w) for w in segment
                    ):
                        k = inner.end  # "spokesman for President Jane Roe", "adviser to Jane Roe": whose aide, not a post's owner
                        located = True
                        st.in_title = False
                        break
                    if inner.kind == "Event" and prep in ("at", "of", "for") and not segment and self._ends_segment(inner.end, b):
                        # "senior fellow at the Levant Policy Forum", "president of the Cop31 summit": an
                        # event (or a body read as one) named in the title; it owns no post
                        if st.in_title:
                            st.complement.extend([*written.split(), *(["the"] if the else []), *(t.text for t in doc[inner.start : inner.end])])
                        k, st.in_title, st.named, located = inner.end, False, True, True
                        break
                    if inner.kind in ("Person", "Event"):
                        return False
                    if prep in ("in", "from") and not segment and inner.kind in ("Place", "Country") and self._ends_segment(inner.end, b):
                        k = inner.end  # "… at the Kingsbridge Institute in London": where, not what
                        located = True
                        break
                    if prep == "at" and not the and not segment and inner.kind == "Place" and self._body_read_as_place(inner, b):
                        # "chief economist at Natixis in Hong Kong": a firm the tagger read as a place.
                        # The title keeps its name; no owner, the text names no body for it.
                        if st.in_title:
                            st.complement.extend(["at", *(t.text for t in doc[inner.start : inner.end])])
                        k, st.in_title, st.named, located = inner.end, False, True, True
                        break
                    # "Minister of Economy, Trade and Industry", "Director for the Protection of Citizens": fields
                    described = bool(segment) and self._describes(segment_from, inner.start, prep)
                    field = inner.kind == "Place" or (inner.kind == "Organization" and prep in ("of", "for", "on") and not described and self.field_like(inner))
                    if segment and prep == "at" and segment[-1][:1].isupper() and "-" not in segment[-1]:
                        field = True  # "at Africa CDC": a name in pieces is no clean owner
                    if inner.kind == "Organization" and doc[inner.end - 1].lower_ in _UNITS:
                        field = True  # "of the Communications Department": a unit, named in the title
                    if inner.kind == "Organization" and not field and not segment and st.in_title and prep in ("of", "for"):
                        unit = self._unit_of(inner, b, possessive=False)
                        if unit is not None:
                            # "head of the OSCE election observation mission": what the body sent, named
                            # in the title; the body owns the post
                            words, k = unit
                            st.complement.extend([*written.split(), *(["the"] if the else []), *(t.text for t in doc[inner.start : inner.end]), *words])
                            st.in_title, st.named, located = False, True, True
                            if st.owner is None and st.demonym is None:
                                st.owner, st.from_complement = inner.key, True
                            break
                    if inner.kind in OWNER_KINDS and not field and (not segment or prep == "at" or described):
                        entity = inner  # "at the consultancy Harrowgate Economics": the words before it describe it
                        k = inner.end
                        k = self._past_parenthesis(k, b)  # "… Integration System (SICA)"
                        break
                    segment.extend(t.text for t in doc[inner.start : inner.end])
                    k = inner.end
                    if inner.kind in OWNER_KINDS:
                        st.named = True
                        org_last = self._ends_segment(k, b)
                    continue
                if doc[k].text in ("-", "–") and segment and k + 1 < b and not doc[k].whitespace_ and not doc[k - 1].whitespace_:
                    segment[-1] += "-" + doc[k + 1].text  # "Budapest-based", "non-communicable"
                    k += 2
                    continue
                if (
                    self._field_word(doc[k])
                    or (doc[k].text in POSSESSIVE_MARKS and segment and k + 1 < b and doc[k + 1].pos_ == "NOUN")
                    or (doc[k].lower_ == "the" and segment and segment[-1] == "and")
                    # "mine countermeasures squadron": a plural noun the parser took for a verb
                    or (doc[k].tag_ == "VBZ" and doc[k].is_lower and k + 1 < b and doc[k + 1].pos_ == "NOUN")
                ):
                    segment.append(doc[k].text)
                    k += 1
                    continue
                return False
            if located:
                continue
            if entity is None:
                if not segment or segment[-1] in (",", "and") or len(st.complement) + len(segment) > _MAX_COMPLEMENT:
                    return False
                if "," in segment and "and" not in segment[len(segment) - segment[::-1].index(",") :]:
                    return False  # commas only inside a list that ends in "and …"
                if prep in ("in", "at", "from", "with") and segment[-1].casefold() not in ORG_HEADS and segment[-1].casefold() not in _SEATS and not org_last:
                    return False  # "in the capital", "at the time": not a part of the post
                if st.in_title:
                    st.complement.extend([*written.split(), *(["the"] if the else []), *segment])
                continue
            st.named = True
            if prep == "to":
                # "ambassador to Russia", "envoy to the UN": what the post is accredited to, not its owner.
                if st.in_title:
                    st.complement.extend([*written.split(), *(["the"] if the else []), *(t.text for t in doc[entity.start : entity.end])])
                st.in_title = False
                continue
            if not st.in_title:
                continue
            if st.portfolio and entity.kind == "Organization" and (st.owner or st.demonym) and prep in ("of", "for"):
                # "France's Minister of the Armed Forces": the portfolio, named in the title.
                st.complement.extend([*written.split(), *(["the"] if the else []), *(t.text for t in doc[entity.start : entity.end])])
                st.in_title = False
                continue
            if prep == "in" and entity.kind == "Organization":
                # "officer on special duty in the Health Ministry": the body the post sits in is part of
                # the title; whose post it is (the ministry's, the country's) the phrase leaves open.
                if st.in_title:
                    st.complement.extend([*written.split(), *(["the"] if the else []), *(t.text for t in doc[entity.start : entity.end])])
                st.in_title = False
                continue
            if st.complement and st.complement[-1].casefold() in ORG_HEADS and prep == "of":
                # "the head of the central bank of Lithuania": the country names the bank, not the post's owner.
                st.complement.extend([*written.split(), *(["the"] if the else []), *(t.text for t in doc[entity.start : entity.end])])
                st.in_title = False
                continue
            st.in_title = False
            if st.weak and entity.kind == "Organization" and prep in ("of", "at") and self._national(st):
                # "the Portuguese member of the European Parliament", "a Greek official at the European
                # Commission": the adjective says where the person is from; the body holds the seat.
                st.owner, st.demonym, st.from_complement = entity.key, None, True
            elif st.owner is None and st.demonym is None:
                if entity.kind == "Country" and prep in ("of", "for", "at"):
                    st.owner, st.from_complement = entity.key, True
                elif entity.kind == "Organization" and prep in ("of", "for", "at", "on", "from", "with"):
                    st.owner, st.from_complement = entity.key, True
            elif (
                entity.kind == "Organization"
                and prep in ("of", "for")
                and the
                and not st.portfolio
                and st.owner is not None
                and self.ctx.entities[self.ctx.current_key(st.owner)].kind == "Country"
            ):
                # "Ukraine's Commander of the Unmanned Systems Forces": the body is more specific than the country.
                st.owner, st.from_complement = entity.key, True
        return True

    def _national(self, st: "_State") -> bool:
        """Whether the owner so far is only a nationality: a demonym, or a country before the head."""
        if st.demonym is not None:
            return True
        return st.owner is not None and self.ctx.entities[self.ctx.current_key(st.owner)].kind == "Country"

    def _finish(self, words: list[str], st: "_State", determined: bool, former: bool, plural: bool, possessed: bool) -> Title | None:
        complement = st.complement
        while words and words[-1].casefold() in TITLE_JOINERS:
            words.pop()
        words = _without_trailing_rank(words)
        if not words or all(w.casefold().rstrip(".") in RANKS or w.casefold().rstrip(".") in RANK_ABBREVIATIONS for w in words):
            return None  # "General Jane Roe", "Vice Admiral Jane Roe": a military rank, not a post
        head = singular_head(words[-1].split("-")[-1]) or singular_head(words[-1]) or ""
        bare = len(words) == 1 and not complement
        owner, demonym = st.owner, st.demonym
        has_owner = owner is not None or demonym is not None
        if bare and head in RELATION_NOUNS:
            return None  # "her deputy, Jane Roe": a relation, not a post
        owner_kind = self.ctx.entities[self.ctx.current_key(owner)].kind if owner is not None else None
        if bare and head in WEAK_HEADS and owner_kind != "Organization":
            return None  # "a member", "the Greek officer"; but "Governing Council member", "member of the committee"
        if bare and head in WEAK_HEADS and st.prefix is not None and owner == st.prefix.key:
            # "Governing Council member": the body is named in the title; whose member (the council's,
            # the bank's) the phrase leaves open.
            words = [t.text for t in self.doc[st.prefix.start : st.prefix.end]] + words
            owner = None
        if bare and words[0].islower() and not has_owner and not determined:
            return None  # "minister Jane Roe"
        return Title(_title_text(words, complement), owner, demonym, plural, former, possessed, head, determined)

    # ------------------------------------------------------------------ words

    def _time(self, k: int, b: int) -> tuple[int, bool]:
        """Past "former", "acting", "outgoing" … (and whether the post is a past one)."""
        former = False
        while k < b and self.doc[k].lower_ in TIME_MODIFIERS and not (k in self.by_start and self.doc[k].whitespace_):  # not "New" of "New Zealand"
            former = former or self.doc[k].lower_ in _FORMER
            k += 1
            if k + 1 < b and self.doc[k].text in ("-", "–") and not self.doc[k].whitespace_ and not self.doc[k - 1].whitespace_:
                k += 1  # "ex-president", "then-Secretary of State"
        return k, former

    def _abbreviation(self, k: int, b: int) -> tuple[str, int] | None:
        """'Gov.' / 'Sen.' (one token, or the word and its period) -> ('Governor', next token)."""
        token = self.doc[k]
        title = _ABBREVIATIONS.get(token.lower_.rstrip("."))
        if title is None or not token.text[:1].isupper():
            return None
        if token.text.endswith("."):
            return title, k + 1
        if k + 1 < b and self.doc[k + 1].text == "." and not token.whitespace_:
            return title, k + 2
        return None

    @staticmethod
    def _head_pos(token: Token) -> bool:
        # "heads the office" is a verb; a head of office is a noun (or a proper noun in a title).
        return token.pos_ in ("NOUN", "PROPN", "ADJ") or not token.is_lower

    @staticmethod
    def _modifier(token: Token) -> bool:
        """A word that may stand before a head: 'external', 'state', 'Cop31', 'climate', 'UK'."""
        if is_title_word(token.text):
            return True
        lower = token.lower_
        if lower in _STOP or lower in MONTHS or lower in WEEKDAYS or lower in TITLE_JOINERS:
            return False
        if token.pos_ not in ("ADJ", "NOUN", "PROPN") and not (token.tag_ in ("VBG", "VBN") and (token.text[:1].isupper() or _before_head(token))):
            return False  # but "Governing Council member", "Managing Director", "managing director": participles of a post's name
        return re.fullmatch(r"[^\W\d_][\w'’.&-]*", token.text) is not None and not token.text.endswith(".")

    @staticmethod
    def _field_word(token: Token) -> bool:
        """A word of what a post covers: 'climate change', 'economic statistics', 'special duty'."""
        lower = token.lower_
        if lower in ("and", ",", "&", "-"):
            return True
        if lower in _STOP or lower in MONTHS or lower in WEEKDAYS or token.like_num and len(token.text) == 4:
            return False
        if lower.rstrip(".") in HONORIFICS:
            return False  # "…, and Shri Jan Roe": a form of address opens the next name, no field has one
        if is_title_word(token.text):
            return True
        if re.fullmatch(r"\d+(st|nd|rd|th)", lower):
            return True  # "for the 4th District"
        if token.tag_ in ("VBN", "VBG") and token.is_lower and token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "NOUN":
            return True  # "head of fixed income", "director of emerging markets"
        if token.pos_ not in ("ADJ", "NOUN", "PROPN"):
            return False
        return re.fullmatch(r"[^\W\d_][\w'’-]*", token.text) is not None

    def field_like(self, m: Mention) -> bool:
        """Whether an 'organization' is a field of a post: 'Economy, Trade and Industry',
        'International Affairs', 'Union Health'; not 'Bank of Korea', 'NATO', 'Pannon Capital Group'."""
        tokens = self.doc[m.start : m.end]
        if len(tokens) == 1 and tokens[0].lower_ in _RANK_PREFIXES and m.end < len(self.doc) and (
            singular_head(self.doc[m.end].text) or self._modifier(self.doc[m.end])
        ):
            return True  # "Union Minister of Health": a word of the post (data/rank-prefixes.txt), not a body
        for i, t in enumerate(tokens):
            # "Bank of Korea", "the Defence Council", "Land Forces Command"; not the "Union" of "Union Health"
            if t.lower_ in _BODY_WORDS and (i > 0 or i == len(tokens) - 1 or tokens[i + 1].lower_ in ("of", "for")):
                return False
            if len(t.text) >= 2 and t.text.isupper():
                return False  # an acronym
        if m.end < len(self.doc) and self.doc[m.end].text == "(" or self.doc[m.end - 1].text == "(":
            return False  # "… Integration System (SICA)": a body with an acronym
        entity = self.ctx.entities.get(self.ctx.current_key(m.key) or m.key)
        if entity is not None and (entity.wikidata or self.ctx.gazetteer.lookup(entity.name)):
            return False  # a body the gazetteer knows
        return all(is_title_word(t.text) or t.lower_ in ("and", ",", "&", "of", "for", "the") or t.text[:1].isupper() for t in tokens)

    def _unit_of(self, owner: Mention, b: int, possessive: bool = True) -> tuple[list[str], int] | None:
        """The words of a unit after "<body>'s" ('European department', 'research division') up to
        a preposition or b, and where they end; None unless they end in a unit's noun. Without the
        possessive ("the OSCE election observation mission"), only the words of a body it sends."""
        doc = self.doc
        j = owner.end + 1 if possessive else self._past_parenthesis(owner.end, b)
        words: list[str] = []
        while j < b and doc[j].lower_ not in _PREPOSITIONS and doc[j].lower_ not in ("and", ",") and self._field_word(doc[j]):
            if self.by_start.get(j) is not None:
                return None  # another name: not a unit's words
            words.append(doc[j].text)
            j += 1
        ends = _UNITS if possessive else _MISSIONS
        if not words or words[-1].casefold() not in ends or (j < b and doc[j].lower_ not in _PREPOSITIONS):
            return None
        return words, j

    def _past_parenthesis(self, k: int, b: int) -> int:
        """Past an acronym in brackets after a name ('(SICA)'), the '(' inside the mention or not."""
        doc = self.doc
        if k < b and doc[k].text == "(" or k > 0 and doc[k - 1].text == "(":
            for j in range(k, min(b, k + 4)):
                if doc[j].text == ")":
                    return j + 1
        return k

    def _describes(self, a: int, b: int, prep: str) -> bool:
        """'head of developer Kestrel Wind', 'chief executive of state-owned lender Banco Sur': lower-case
        words right before the body after 'of'/'for' say what kind of body it is; the body owns the post.
        Only ordinary words ending in a singular common noun, none a post's own word ('minister of
        state')."""
        doc = self.doc
        if prep not in ("of", "for") or a >= b or a < 0:
            return False
        words = doc[a:b]
        return (
            words[-1].tag_ == "NN"
            and all(
                t.text in ("-", "–") and 0 < j < len(words) - 1 or t.is_lower and t.pos_ in ("NOUN", "ADJ", "VERB") and singular_head(t.text) is None and t.lower_ not in OFFICE_HEADS
                for j, t in enumerate(words)
            )
            and not any(t.lower_ in _STOP for t in words)
        )

    def _body_read_as_place(self, place: Mention, b: int) -> bool:
        """Whether a 'place' right after 'at' in a title is a body the tagger mislabelled: a name
        the gazetteer does not know as a place, or one followed by where it is ('at Natixis in
        Hong Kong'). A place the gazetteer knows, alone ('at Oxford'), stays a place."""
        doc = self.doc
        k = place.end
        if k + 1 < b and doc[k].lower_ == "in":
            where = self.by_start.get(k + 1)
            if where is not None and where.kind in ("Place", "Country") and self._ends_segment(where.end, b):
                return True
        if k != b:
            return False
        entity = self.ctx.entities.get(self.ctx.current_key(place.key) or place.key)
        return entity is not None and not entity.wikidata and not self.ctx.gazetteer.lookup(entity.name)

    def _ends_segment(self, k: int, b: int) -> bool:
        return k == b or self.doc[k].lower_ in _PREPOSITIONS or self.doc[k].lower_ in _CUTS

    def _cut_ok(self, k: int, b: int) -> bool:
        """'… responsible for border security': the rest says what the post covers, no more."""
        return b - k <= 10 and all(t.pos_ != "VERB" and not t.is_punct for t in self.doc[k:b]) and not any(
            (m := self.by_start.get(j)) is not None and m.kind == "Person" for j in range(k, b)
        )


@dataclass
class _State:
    """What the complements of a title say: its owner, and the words that stay in the title."""

    owner: str | None
    demonym: tuple[str, int, int] | None
    complement: list[str] = field(default_factory=list)
    in_title: bool = True
    # The body named right before the post ("NATO Secretary General"), if any.
    prefix: Mention | None = None
    # A cabinet post ("Minister of the Armed Forces"): what follows is its portfolio, the country its owner.
    portfolio: bool = False
    from_complement: bool = False
    weak: bool = False  # the head is a weak one ("member", "official"): see office-weak-heads.txt
    named: bool = False  # a country or organization stands in the complements


def _before_head(token: Token) -> bool:
    """Whether the next word is a noun of office ('managing director', 'presiding judge')."""
    return token.i + 1 < len(token.doc) and singular_head(token.doc[token.i + 1].text) is not None


def _demonym_width(doc: Doc, k: int, b: int) -> int:
    """How many tokens from k spell an adjective of nationality: 2 for "Costa Rican", "South
    Korean" (the two-word entries of data/demonyms.tsv), 1 for "Latvian", 0 for none."""
    table = demonyms()
    if k + 1 < b and doc[k + 1].text[:1].isupper() and doc[k].whitespace_ == " " and f"{doc[k].text} {doc[k + 1].text}".casefold() in table:
        return 2
    return 1 if doc[k].text.casefold() in table else 0


def _singular_as_written(word: str, head: str) -> str:
    """'Commissioners' -> 'Commissioner' (the case of the text kept)."""
    return word[: len(head)] if word.casefold().startswith(head) else head


def _without_trailing_rank(words: list[str]) -> list[str]:
    """'Commander … Major General' -> 'Commander …': a rank after a post is not part of it.
    'Secretary General' stays: a single rank word right after a head is the post's name."""
    n = len(words)
    while n > 0 and words[n - 1].casefold() in RANKS:
        n -= 1
    block = len(words) - n
    if block == 0 or n == 0 or not any(singular_head(w) and w.casefold() not in RANKS for w in words[:n]):
        return words
    if block == 1 and (words[n - 1].casefold() in TITLE_HEADS or singular_head(words[n - 1])):
        return words  # "Secretary General", "Inspector General", "Attorney General": one post
    return words[:n]


_LOWER = TITLE_JOINERS | _PREPOSITIONS | {"a", "an", "charge"}  # "… in charge of …"


def _cased(word: str) -> str:
    if word.isupper() and len(word) > 3 and (singular_head(word) or is_title_word(word)):
        word = word.capitalize()  # "MINISTER TANAKA:" in a transcript
    if word.islower() and "-" in word:
        # "assistant director-general" -> "Director-General", "commander-in-chief" -> "Commander-in-Chief"
        word = "-".join(p if p in _LOWER else p[:1].upper() + p[1:] for p in word.split("-"))
    return word


def _title_text(words: list[str], complement: list[str]) -> str:
    """The title as the record states it: the body in its canonical order ('Defense Minister' ->
    'Minister of Defense'), then what it covers, capitalised as a title."""
    if complement:
        # "Union Minister of New and Renewable Energy": a post with a field keeps its word order.
        text = " ".join(w if w.casefold() in _LOWER else _cased(w)[:1].upper() + _cased(w)[1:] for w in words)
    else:
        text = post_title([_cased(w) for w in words])
    if complement:
        tail = [w.casefold() if w.casefold() in _LOWER else _cased(w)[:1].upper() + _cased(w)[1:] for w in complement]
        text += " " + " ".join(tail)
        text = re.sub(r" (,|'s|’s|'|’)(?= |$)", r"\1", text)
    return text
