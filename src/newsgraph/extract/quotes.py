"""Who says what: direct quotations and reported speech.

Quotes are the words between quote marks (curly or straight), attributed by what stands
after them ('…,” Roe said.', '…,” said Roe', '…,” she added.') or before them
('Roe said: “…”'). Pronouns ('he', 'she', 'according to him') refer back to the person who
last spoke or was last the subject of a sentence; role nouns ('the minister') to the person
named last before them whose post matches, else the same. Never to a person named only
later. A quote with no
attribution that follows an attributed one in the same paragraph keeps its speaker.

Reported speech ('Roe stated that …', 'Russia failed, Roe says') becomes a Claim. Both
register a speaker span in the context, so numbers inside are claimed by the speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.anchors import make_anchor
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.lexicon import OBJECT_PRONOUNS, PERSON_PRONOUNS, SPEECH_VERBS, SPEECH_WORDS, TITLE_HEADS
from newsgraph.extract.spans import SpanIndex
from newsgraph.model import Claim, Quote, Role
from newsgraph.text import line_start, trimmed_end, word_set

_SPEECH = rf"(?:{SPEECH_WORDS})"
# After a closing mark: ', Roe said', ' said Roe', ' he concluded', ' the minister added'.
_AFTER_WHO_VERB = re.compile(rf"^[\s,;:—–-]*(?P<who>[^.!?“”\"\n]{{1,80}}?)\s+(?:also\s+|then\s+|later\s+)?{_SPEECH}\b")
_AFTER_VERB_WHO = re.compile(rf"^[\s,;:—–-]*{_SPEECH}\s+(?P<who>[^.!?“”\"\n,;]{{1,80}})")
# '…,” according to Roe.': the source named right after the closing mark.
_AFTER_ACCORDING = re.compile(r"^[\s,;:—–-]*according\s+to\s+(?P<who>[^.!?“”\"\n,;]{1,80})", re.IGNORECASE)
# Before an opening mark: 'Roe said: ', 'He added, ', 'According to Roe, '.
_BEFORE = re.compile(
    rf"(?P<who>[^.!?“”\"\n]{{1,80}}?)\s+(?:also\s+)?{_SPEECH}"
    rf"(?:(?:\s+that)?\s*[:,]?|\s+[^.!?“”\"\n:]{{1,50}}?\s*[:,])\s*$"  # 'said:', 'said on Telegram:'
)
_WHO_COLON_BEFORE = re.compile(r"(?:^|[.!?]\s+)(?P<who>[A-Z][^.!?:“”\"\n]{1,60}?):\s*$")  # 'Roe: “…”'
_ACCORDING = re.compile(r"according\s+to\s+(?P<who>[^.!?“”\"\n,]{1,80}),?\s*$", re.IGNORECASE)
# 'Russia failed to advance, Roe says.': the clause before is what the speaker claims.
_CLAUSE_THEN_WHO = re.compile(rf"^(?P<claim>[^“”\"]{{12,}}?),\s+(?P<who>[^,“”\"]{{1,60}}?)\s+(?:says|said|claims|claimed|stated|states|noted|notes|added|adds|believes)\s*[.!]?\s*$")

_ACCORDING_START = re.compile(r"^\s*according\s+to\s+(?P<who>[^,“”\"\n]{1,80}?),\s+", re.IGNORECASE)
# 'Roe: Russia lost 300 tanks in May' (a headline form).
_WHO_COLON = re.compile(r"^(?P<who>[A-Z][^:“”\"\n]{1,60}?):\s+(?P<claim>[^“”\"\n]{12,})$")
_SPEECH_NOUNS = word_set("speech-nouns.txt")
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_MAX_SCARE_WORDS = 3
_MAX_UNATTRIBUTED_WORDS = 6
_CLAUSE_VERB_TAGS = {"VBD", "VBZ", "VBP", "VB", "MD"}


@dataclass(frozen=True)
class _QuoteSpan:
    start: int  # first character inside the marks
    end: int  # the closing mark (exclusive end of the words)
    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark (== end when unclosed)
    paragraph: int  # start offset of the paragraph


@dataclass(frozen=True)
class _ClaimSpan:
    """A reported-speech clause: its words, its sentence (the speaker span) and who says it."""

    start: int
    end: int
    sent_start: int
    sent_end: int
    who: str  # the subject as written: a name, a pronoun or a role noun phrase
    who_start: int


class _Speakers:
    """Who a pronoun or role noun at a given offset refers to: the latest person who spoke
    or was a sentence's subject before it."""

    def __init__(self, doc: Doc, ctx: ArticleContext, roles: list[Role]):
        self.ctx = ctx
        self.roles = roles
        # (offset, person key), sorted: where a person spoke or was a subject, where one was named.
        self.events: list[tuple[int, str]] = []
        self.mentioned: list[tuple[int, str]] = []
        # The offsets of both, sorted, by the key they were recorded under (keys may change later).
        self.positions: dict[str, list[int]] = {}
        for start, end, key in ctx.mentions(0, ctx.body_end, kinds=("Person",)):
            self._add(self.mentioned, start, key)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and any(_subject_like(t) for t in span):
                self._add(self.events, start, key)

    def _add(self, where: list[tuple[int, str]], offset: int, key: str) -> None:
        bisect.insort(where, (offset, key))
        bisect.insort(self.positions.setdefault(key, []), offset)

    def spoke(self, offset: int, key: str) -> None:
        self._add(self.events, offset, key)

    def last(self, offset: int) -> str | None:
        """The person who spoke or was a subject last before `offset`, else the one named last."""
        for where in (self.events, self.mentioned):
            i = bisect.bisect_left(where, (offset,))  # the entries before it are those before `offset`
            if i > 0:
                return where[i - 1][1]
        return None

    def resolve(self, who: str, who_start: int, offset: int) -> str | None:
        """The speaker a phrase names: a person mentioned in it, a pronoun, or a role noun."""
        inside = self.ctx.mentions(who_start, who_start + len(who), kinds=("Person",))
        if inside:
            return inside[0][2]
        words = re.findall(r"[\w’'-]+", who.casefold())
        if not words:
            return None
        if len(words) == 1 and words[0] in PERSON_PRONOUNS | OBJECT_PRONOUNS:
            # 'he said', and 'according to him': a source phrase that is only an object pronoun
            return self.last(offset)
        if words[-1] in TITLE_HEADS and len(words) <= 5:
            return self._by_role(words, offset)
        return None

    def _by_role(self, words: list[str], offset: int) -> str | None:
        """'the minister', 'Ukraine's defense minister': of the persons named before it, the one
        named last whose post matches the noun, else the last speaker. A person first named
        after the noun is never the one it refers back to."""
        wanted = {w for w in words if w not in ("the", "a", "an")}
        holders = set()
        for role in self.roles:
            title = set(role.title.casefold().split())
            owner = self.ctx.entities.get(self.ctx.current_key(role.of) or "")
            owner_words = set(re.findall(r"[\w-]+", owner.name.casefold())) if owner else set()
            if words[-1] in title and wanted - {"s", "’s", "'s"} <= title | owner_words | _owner_forms(words, owner_words):
                holders.add(self.ctx.current_key(role.person))
        latest: dict[str, int] = {}  # person -> where they were last named or spoke before `offset`
        for key, positions in self.positions.items():
            key = self.ctx.current_key(key)
            i = bisect.bisect_left(positions, offset)
            if i > 0 and key in holders:
                latest[key] = max(latest.get(key, -1), positions[i - 1])
        if latest:
            return max(latest, key=lambda k: (latest[k], k))
        return self.last(offset)


def _owner_forms(words: list[str], owner_words: set[str]) -> set[str]:
    # "ukraine's" / "ukrainian" stand for the owner "Ukraine".
    out = set()
    for w in words:
        base = re.sub(r"[’']s$", "", w)
        if base in owner_words or any(o and base.startswith(o[:5]) for o in owner_words):
            out.add(w)
    return out


def _subject_like(token: Token) -> bool:
    """Part of a clause's subject: the subject itself, or a name compounded or in apposition to it."""
    while token.dep_ in ("compound", "flat", "appos", "pobj", "nmod") and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.dep_ != "nmod":
            return False
        token = token.head
    return token.dep_ in _SUBJECT_DEPS


def _subject_phrase(doc: Doc, subject: Token, verb: Token) -> Span:
    """The words of a subject up to its verb: 'Latvian Defense Minister Jane Roe'."""
    end = min(subject.right_edge.i + 1, verb.i)
    return doc[subject.left_edge.i : end]


# ----------------------------------------------------------------------------- entry point


def find_speech(doc: Doc, ctx: ArticleContext, roles: list[Role]) -> tuple[list[Quote], list[Claim]]:
    """Quotes and claims of the body, by position; registers a speaker span for each."""
    speakers = _Speakers(doc, ctx, roles)
    spans = _quote_spans(ctx.text, ctx.body_end)
    spans = [q for q in spans if not _scare_quote(doc, ctx.text, q) and not any(s <= q.open < e for s, e in ctx.furniture)]
    quoted = [(q.open, q.close) for q in spans]
    claim_items = _claim_candidates(doc, ctx, quoted)

    events = _speaker_events(doc, ctx, speakers)
    quotes: list[Quote] = []
    claims: list[Claim] = []
    previous: tuple[_QuoteSpan, str | None] | None = None
    attributed: list[tuple[_QuoteSpan, str | None]] = []
    items = [(q.start, "quote", q) for q in spans] + [(c.start, "claim", c) for c in claim_items]
    for _, what, item in sorted(items, key=lambda i: (i[0], i[1])):
        if what == "quote":
            q = item
            speaker = _attribute(doc, ctx, q, speakers)
            if speaker is None and previous is not None and previous[0].paragraph == q.paragraph and previous[1]:
                speaker = previous[1]  # '“A,” Roe said. “B.”': B is Roe's too
            previous = (q, speaker)
            if speaker is not None:
                speakers.spoke(q.start, speaker)
            attributed.append((q, speaker))
        else:
            c = item
            speaker = speakers.resolve(c.who, c.who_start, c.who_start)
            if speaker is None:
                continue
            speakers.spoke(c.who_start, speaker)
            ctx.add_speaker_span(c.sent_start, c.sent_end, speaker)
            if ctx.is_ignored(c.start):
                continue  # a headline printed twice is one claim; its numbers still have a speaker
            anchor = make_anchor(ctx.text, c.start, c.end)
            claims.append(Claim(speaker=speaker, text=anchor.exact, anchor=anchor, event=events.get(speaker)))
    for q, speaker in _continued(ctx.text, attributed):
        if speaker is None and len(re.findall(r"\w+", ctx.text[q.start : q.end])) <= _MAX_UNATTRIBUTED_WORDS:
            continue  # a short phrase in quote marks that nobody is said to have said: not a quotation
        if speaker is not None:
            ctx.add_speaker_span(q.start, q.end, speaker)
        quotes.append(Quote(speaker=speaker, text=ctx.text[q.start : q.end], anchor=make_anchor(ctx.text, q.start, q.end), event=events.get(speaker or "")))
    return quotes, claims


def _continued(text: str, attributed: list[tuple[_QuoteSpan, str | None]]) -> list[tuple[_QuoteSpan, str | None]]:
    """A quotation over several paragraphs leaves its first paragraphs unclosed: they share the
    speaker of the paragraph that closes it."""
    out = list(attributed)
    for i in range(len(out) - 2, -1, -1):
        q, speaker = out[i]
        nxt, nxt_speaker = out[i + 1]
        unclosed = q.close == q.end
        if speaker is None and nxt_speaker is not None and unclosed and not text[q.end : nxt.open].strip():
            out[i] = (q, nxt_speaker)
    return out


# ----------------------------------------------------------------------------- quote spans


def _quote_spans(text: str, body_end: int) -> list[_QuoteSpan]:
    out = []
    for para in re.finditer(r"[^\n]+", text[:body_end]):
        p_start, p_text = para.start(), para.group()
        # Curly quotes: an opening mark without a closing one runs to the paragraph's end
        # (a quotation continued in the next paragraph).
        for m in re.finditer(r"“([^“”]*)(”|$)", p_text):
            start, end = p_start + m.start(1), p_start + m.end(1)
            close = p_start + m.end()
            out.append(_QuoteSpan(start, end, p_start + m.start(), close, p_start))
        if "“" not in p_text:
            for m in re.finditer(r"\"([^\"]+)\"", p_text):
                out.append(_QuoteSpan(p_start + m.start(1), p_start + m.end(1), p_start + m.start(), p_start + m.end(), p_start))
        if "“" not in p_text and '"' not in p_text:
            # British style ‘…’; a closing ’ is one not followed by a letter (not "Ukraine’s").
            for m in re.finditer(r"(?<!\w)‘([^‘]+?)’(?!\w)", p_text):
                out.append(_QuoteSpan(p_start + m.start(1), p_start + m.end(1), p_start + m.start(), p_start + m.end(), p_start))
    out = [q for q in out if text[q.start : q.end].strip(" \t,.;:")]
    return sorted(out, key=lambda q: q.start)


def _scare_quote(doc: Doc, text: str, q: _QuoteSpan) -> bool:
    """'the so-called “referendum”': one to three words with no verb are not a quotation."""
    words = re.findall(r"\w+", text[q.start : q.end])
    if len(words) > _MAX_SCARE_WORDS:
        return False
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    # A participle ("so-called") does not make a statement; a finite or base verb does.
    return span is None or not any(t.tag_ in _CLAUSE_VERB_TAGS for t in span)


def _attribute(doc: Doc, ctx: ArticleContext, q: _QuoteSpan, speakers: _Speakers) -> str | None:
    """The speaker of a quote from the words right after it, right before it, or its sentence."""
    line_end = ctx.text.find("\n", q.close)
    line_end = ctx.body_end if line_end == -1 or line_end > ctx.body_end else line_end
    after = ctx.text[q.close : line_end]
    nxt = re.search(r"[“\"‘]", after)
    if nxt:
        after = after[: nxt.start()]
    for pattern in (_AFTER_WHO_VERB, _AFTER_VERB_WHO, _AFTER_ACCORDING):
        m = pattern.match(after)
        if m:
            speaker = speakers.resolve(m.group("who"), q.close + m.start("who"), q.start)
            if speaker is not None:
                return speaker
    before = ctx.text[q.paragraph : q.open]
    prev_close = max(before.rfind("”"), before.rfind('"'), before.rfind("’ "))
    if prev_close >= 0:
        before = before[prev_close + 1 :]
    offset = q.open - len(before)
    # Only the clause right before the mark counts: after the last sentence end.
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    if cut >= 0:
        offset += cut + 2
        before = before[cut + 2 :]
    if not before.strip():
        # 'Roe said:' closing the paragraph before the quotation.
        previous_end = trimmed_end(ctx.text, q.paragraph)
        if ctx.text[previous_end - 1 : previous_end] == ":":
            offset = line_start(ctx.text, previous_end)
            before = ctx.text[offset:previous_end]
    for pattern in (_BEFORE, _ACCORDING, _WHO_COLON_BEFORE):
        m = pattern.search(before)
        if m:
            speaker = speakers.resolve(m.group("who"), offset + m.start("who"), q.start)
            if speaker is not None:
                return speaker
    return _sentence_speaker(doc, ctx, q, speakers)


def _sentence_speaker(doc: Doc, ctx: ArticleContext, q: _QuoteSpan, speakers: _Speakers) -> str | None:
    """'Roe said the talks were “very productive and long overdue”': a verb of saying outside
    the marks in the quote's own sentence, with a person as subject."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    for token in sent:
        if q.open <= token.idx < q.close or token.lemma_.casefold() not in SPEECH_VERBS or token.pos_ != "VERB":
            continue
        subject = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None and not (q.open <= subject.idx < q.close):
            who = _subject_phrase(doc, subject, token)
            speaker = speakers.resolve(who.text, who.start_char, q.start)
            if speaker is not None:
                return speaker
    return None


# ----------------------------------------------------------------------------- reported speech


def _claim_candidates(doc: Doc, ctx: ArticleContext, quoted: list[tuple[int, int]]) -> list[_ClaimSpan]:
    """Each reported-speech clause of the body, by position."""
    out = []
    in_quotes = SpanIndex(quoted)
    for sent in doc.sents:
        if in_quotes.overlaps(sent.start_char, sent.end_char):
            continue  # sentences with quote marks are quotations, handled above
        found = _that_clause(doc, sent) or _clause_then_who(ctx, sent) or _who_colon(sent) or _according_to(sent)
        if found is not None:
            out.append(found)
    return out


def _that_clause(doc: Doc, sent: Span) -> _ClaimSpan | None:
    """'Roe stated that …' / 'He pointed out that …' -> the clause after 'that'."""
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.casefold() not in SPEECH_VERBS:
            continue
        if token.lemma_.casefold() == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
        clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
        if subject is None or clause is None:
            continue
        first = clause.left_edge
        that = next((t for t in doc[token.i + 1 : first.i + 1] if t.lower_ == "that" and t.dep_ == "mark"), None)
        if that is None and first.lower_ == "that":
            that = first
        start_tok = doc[that.i + 1] if that is not None else first
        end_tok = clause.right_edge
        while end_tok.i > start_tok.i and end_tok.is_punct:
            end_tok = doc[end_tok.i - 1]
        if end_tok.i <= start_tok.i:
            continue
        who = _subject_phrase(doc, subject, token)
        return _ClaimSpan(start_tok.idx, end_tok.idx + len(end_tok), sent.start_char, _sent_end(sent), who.text, who.start_char)
    return None


def _clause_then_who(ctx: ArticleContext, sent: Span) -> _ClaimSpan | None:
    """'Russia failed to advance, Roe says.' (a headline or lead sentence)."""
    text = sent.text
    m = _CLAUSE_THEN_WHO.match(text.rstrip())
    if m is None:
        return None
    start = sent.start_char
    claim = m.group("claim").rstrip()
    return _ClaimSpan(start, start + len(claim), start, _sent_end(sent), m.group("who"), start + m.start("who"))


def _who_colon(sent: Span) -> _ClaimSpan | None:
    """'Roe: Russia lost 300 tanks in May' (a headline): the words after the colon are Roe's."""
    m = _WHO_COLON.match(sent.text.rstrip())
    if m is None:
        return None
    start = sent.start_char + m.start("claim")
    claim = m.group("claim").rstrip(" .")
    return _ClaimSpan(start, start + len(claim), sent.start_char, _sent_end(sent), m.group("who"), sent.start_char + m.start("who"))


def _according_to(sent: Span) -> _ClaimSpan | None:
    """'According to Roe, the brigade will be ready in 2026.' -> what Roe says."""
    m = _ACCORDING_START.match(sent.text)
    if m is None:
        return None
    start = sent.start_char + m.end()
    claim = sent.text[m.end() :].rstrip().rstrip(".!")
    if len(claim) < 12:
        return None
    return _ClaimSpan(start, start + len(claim), sent.start_char, _sent_end(sent), m.group("who"), sent.start_char + m.start("who"))


def _sent_end(sent: Span) -> int:
    return sent.start_char + len(sent.text.rstrip())


# ----------------------------------------------------------------------------- events


def _speaker_events(doc: Doc, ctx: ArticleContext, speakers: _Speakers) -> dict[str, str]:
    """Person key -> Event key, when a sentence says the person spoke at the event."""
    out: dict[str, str] = {}
    for sent in doc.sents:
        events = ctx.mentions(sent.start_char, sent.end_char, kinds=("Event",))
        if not events or not any(t.lower_ in _SPEECH_NOUNS or (t.lemma_.casefold() in SPEECH_VERBS and t.pos_ == "VERB") for t in sent):
            continue
        persons = ctx.mentions(sent.start_char, sent.end_char, kinds=("Person",))
        if persons:
            person = ctx.current_key(persons[0][2])
        elif sent[0].lower_ in PERSON_PRONOUNS:
            person = speakers.last(sent.start_char)
        else:
            person = None
        if person is not None:
            out.setdefault(person, ctx.current_key(events[0][2]) or events[0][2])
    return out

