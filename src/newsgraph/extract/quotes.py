"""Who says what: direct quotations and reported speech.

Quotes are the words between quote marks (curly or straight, double or single), attributed by
what stands after them ('…,” Roe said.', '…,” said Roe', '…,” she added.', a press release's
signature '“…” — Jane Roe, Minister …'), before them ('Roe said: “…”', 'According to Roe,
prices “fell”', 'Roe put it bluntly: “…”') or by a verb of saying in their sentence. Who a phrase names is `speakers.Speakers`' to say: a person, a
pronoun or role noun referring back to one, or an organization speaking as itself or through
a spokesperson or a statement. A quote with no attribution keeps the speaker of the quote
before it in its paragraph, or, when it opens its paragraph, of the quote that closes (or
leaves open) the paragraph before it.

Words printed without quote marks are quotations too when the layout names their speaker
(`transcripts`): a transcript's turns after a speaker label ('GOVERNOR HAN: …', 'A: …'), and
in an interview the answers and the headline's quotation, the interviewee's (an interview
no cue announces is known by its shape: an introduction about one person, then questions
answered in the first person). Questions and
a moderator's words are left out, and so are the turns of a transcript printed in a report
that quotes in quote marks in its own words (those are its quotations). A phrase or title in quote marks is not a quotation: a
short phrase with no verb (scare quotes), a title ('the report “Pathways to Peace”'), a
quoted phrase in a sub-heading that the text below says in full.

Reported speech ('Roe stated that …', 'Russia failed, Roe says') becomes a Claim. Both
register a speaker span in the context, so numbers inside are claimed by the speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsgraph.extract.anchors import make_anchor
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.lexicon import PERSON_PRONOUNS, SPEECH_VERBS, SPEECH_WORDS, TITLE_HEADS, TITLE_MODIFIERS, is_title_word
from newsgraph.extract.spans import SpanIndex
from newsgraph.extract.speakers import SUBJECT_DEPS, Speakers, main_clause, pronoun_gender, subject_phrase
from newsgraph.extract.transcripts import FIRST_PERSON as _FIRST_PERSON
from newsgraph.extract.transcripts import Turn, answered_in_first_person, find_turns, interview_cues, question_after_intro, topic_turns, unlabelled_turns
from newsgraph.model import Claim, Quote, Role
from newsgraph.text import line_start, trimmed_end, word_list, word_set

_SPEECH = rf"(?:{SPEECH_WORDS})"
# After a closing mark: ', Roe said', ' said Roe', ' he concluded', ' the minister added'.
_AFTER_WHO_VERB = re.compile(rf"^[\s,;:—–-]*(?P<who>[^.!?“”\"\n]{{1,120}}?)\s+(?:also\s+|then\s+|later\s+)?{_SPEECH}\b")
_AFTER_VERB_WHO = re.compile(rf"^[\s,;:—–-]*{_SPEECH}\s+(?P<who>[^.!?“”\"\n,;]{{1,80}})(?:,\s+(?P<appos>[^.!?“”\"\n,;]{{1,80}}))?")
# '…,” according to Roe.': the source named right after the closing mark.
_AFTER_ACCORDING = re.compile(r"^[\s,;:—–-]*according\s+to\s+(?P<who>[^.!?“”\"\n,;]{1,80})(?:,\s+(?P<appos>[^.!?“”\"\n,;]{1,80}))?", re.IGNORECASE)
# Before an opening mark: 'Roe said: ', 'He added, ', 'According to Roe, '.
_BEFORE = re.compile(
    rf"(?P<who>[^.!?“”\"\n]{{1,80}}?)\s+(?:also\s+)?{_SPEECH}"
    rf"(?:(?:\s+that)?\s*[:,]?|\s+[^.!?“”\"\n:]{{1,50}}?\s*[:,])\s*$"  # 'said:', 'said on Telegram:'
)
_WHO_COLON_BEFORE = re.compile(r"(?:^|[.!?]\s+)(?P<who>[A-Z][^.!?:“”\"\n]{1,60}?):\s*$")  # 'Roe: “…”'
_ACCORDING = re.compile(r"according\s+to\s+(?P<who>[^.!?“”\"\n,]{1,80}),?\s*$", re.IGNORECASE)
# 'According to her, prices “fell”': the source named earlier in the quote's sentence.
_ACCORDING_EARLIER = re.compile(r"\baccording\s+to\s+(?P<who>[^.!?“”\"\n,;:]{1,80}?)\s*,", re.IGNORECASE)
# '‘We will win’: Roe on the vote' (a headline): the speaker after the colon, up to ' on …'.
_HEADLINE_WHO = re.compile(r"\s*[:—–-]\s*(?P<who>[^:“”\"‘’\n]{1,100}?)(?:\s+(?:on|says|about|in|at|to)\s+[^\n]*)?$")
# 'Russia failed to advance, Roe says.': the clause before is what the speaker claims.
_CLAUSE_THEN_WHO = re.compile(rf"^(?P<claim>[^“”\"]{{12,}}?),\s+(?P<who>[^,“”\"]{{1,60}}?)(?:,\s+(?P<appos>[^,“”\"]{{1,60}}?),)?\s+(?:says|said|claims|claimed|stated|states|noted|notes|added|adds|believes)\s*[.!]?\s*$")

# Between a name and the 'who' of a clause about the person: 'Jan Roe, who', 'Jan Roe of the navy, who'.
_BEFORE_WHO = re.compile(r"(?:\s+(?:of|from|at)\s+[^,;:.“”\"\n]{1,60})?\s*,\s*")
_ACCORDING_START = re.compile(r"^\s*according\s+to\s+(?P<who>[^,“”\"\n]{1,80}?),\s+", re.IGNORECASE)
# 'Roe: Russia lost 300 tanks in May' (a headline form).
_WHO_COLON = re.compile(r"^(?P<who>[A-Z][^:“”\"\n]{1,60}?):\s+(?P<claim>[^“”\"\n]{12,})$")
_SPEECH_NOUNS = word_set("speech-nouns.txt")
# '“We are close.” That was the verdict of Jan Roe, …': the speaker named in the next sentence.
_VERDICT_NOUNS = word_set("verdict-nouns.txt")
# After a closing mark, a pronoun and a verb closing the sentence ('…!” they chanted.'): the quote's
# speaker, with a verb that is not one of saying.
_PRONOUN_THEN_VERB = re.compile(r"^[ \t]*,?[ \t]*(?:they|he|she|we|I)\s+[a-z]+(?:\s+[a-z]+ly)?\s*[.!]")
# '“We are close.” That was Jane Roe's verdict.': the speaker as the noun's owner.
_THAT_WAS_WHOSE = re.compile(
    r"^\s*(?:That|This|Such)\s+(?:was|is)\s+(?P<who>[^.!?“”\"\n]{1,100}?)[’']s?\s+(?:[\w-]+\s+)?"
    r"(?P<noun>" + "|".join(sorted(_VERDICT_NOUNS, key=len, reverse=True)) + r")\b"
)
_THAT_WAS = re.compile(
    r"^\s*(?:That|This|Such|Those|These)\s+(?:was|is|were|are)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?P<noun>\w+)\s+(?:of|from)\s+(?P<who>[^.!?“”\"\n]{1,120})"
)
# 'Ms. Roe said', 'said Rear Adm. Jane Roe': periods that end no sentence, masked (same length)
# before the attribution patterns, which stop at a sentence end.
_ABBREVIATION = re.compile(
    r"\b(?:(?i:" + "|".join(sorted({*word_list("rank-abbreviations.txt"), *word_list("honorifics.txt")}, key=len, reverse=True)) + r")|[A-Z])\."
)
_MASK = "\u2024"  # one dot leader: not a sentence end
# 'a report titled “…”', 'the film “…”': a quoted name, not a quotation.
_TITLE_CUE = re.compile(r"\b(?:titled|entitled|called|named|dubbed|headlined|slogan|hashtag|motto|theme)\s*,?\s*$", re.IGNORECASE)
_MAX_SCARE_WORDS = 3
# Verbs whose complement in quote marks is the subject's partial quotation ('called the vote “orderly”').
_CHARACTERISING_VERBS = word_set("characterising-verbs.txt")
# 'the so-called “peace plan”', 'a quote-unquote “reform”': the writer distancing the words, nobody's quotation.
_DISTANCING = re.compile(r"\b(?:so[\s-]called|quote[\s,-]+unquote|supposed|alleged)\s*$", re.IGNORECASE)
_MAX_TITLE_WORDS = 12
_MAX_UNATTRIBUTED_WORDS = 6
_MAX_INTRO_TOKENS = 16  # 'Roe was not convinced.': a short sentence introducing the quotation after it
_MAX_HEADING_CHARS = 120
_MAX_KICKER_CHARS = 60
_MAX_POST_WORDS = 5  # 'Brazil's deputy finance minister'

_RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
# The next non-empty line after an offset at a line's end.
_NEXT_LINE = re.compile(r"[ \t]*\n\s*(?P<line>[^\n]+)")
_MAX_HEADING_WORDS = 8
_CLAUSE_VERB_TAGS = {"VBD", "VBZ", "VBP", "VB", "MD"}
_OPENING_MARKS = "“\"‘'"
# A quotation's signature: a dash, then the speaker ('” — Jane Roe, Minister …').
_SIGNATURE = re.compile(r"[ \t]*[—–-]{1,2}[ \t]*(?=\S)")
_MAX_SIGNATURE = 120
_SPACES = re.compile(r"\s*")
_HONORIFIC_WORDS = frozenset(word_list("honorifics.txt"))
# A turn that is only greetings and thanks: 'Thank you very much.', 'Good afternoon, everyone.'
_COURTESY = re.compile(
    r"(?:\s*(?:thank\s+you|thanks|good\s+(?:morning|afternoon|evening)|hello|welcome)"
    r"(?:[\s,]+(?:all|very\s+much|so\s+much|everyone|everybody|again|a\s+lot|ladies\s+and\s+gentlemen))*"
    r"(?:,[ \t]*(?-i:[A-Z][\w’'-]+))?[.!]?)+\s*",  # 'Good morning, Leila.': the one greeted by name
    re.IGNORECASE,
)
_MAX_COURTESY = 160
# 'Moderated by …', 'Moderator: …' in a transcript's head: who chairs it.
_MODERATED_BY = re.compile(r"\b(?:moderated\s+by|moderator\s*[:,-])\s*", re.IGNORECASE)
# An interview cue that is an editor's note on the text ('edited for length', 'edited highlights').
_EDITORIAL_NOTE = re.compile(r"\b(?:edited|condensed|highlights)\b", re.IGNORECASE)
_MAX_NOTE_WORDS = 4
# A speaker label of a name's initials: 'EL', 'E.L.', 'JRR'.
_INITIALS = re.compile(r"(?:[A-Z]\.?){2,3}")
# 'Highlights from the press conference:', 'Excerpts:': a transcript's turns chosen as quotations.
# What calls a transcript's turns the record of what was said.
_TRANSCRIPT = re.compile(r"\btranscripts?\b", re.IGNORECASE)
# A list item's mark ('- ', '• ', '* ', '1. '), and an item that is only a quotation, after a topic perhaps ('- On rates: ').
_LIST_MARK = re.compile(r"[ \t]*(?:[-•*▪·–—]|\d{1,2}[.)])[ \t]+")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-•*▪·–—]|\d{1,2}[.)])[ \t]+(?:On[ \t]+[^:\n“”\"]{1,60}:[ \t]*)?")
# A signature's name after words of address: 'The Honourable Jane Roe, …', 'Hon. Jan Doe, …'.
_SIGNATURE_NAME = re.compile(
    r"(?:[Tt]he[ \t]+)?(?:(?:Right|Rt\.?)[ \t]+)?(?:Honourable|Honorable|Hon\.?)[ \t]+"
    r"(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){1,3})[ \t]*,[ \t]*"
)
# 'Here is what she said:', 'This is how Roe put it:': the speaker after the words introducing the quotation.
_WHAT_SAID = re.compile(r"(?:(?:here|this|that|below|following)(?:[’']s|\s+is|\s+was)\s+(?:some\s+of\s+|part\s+of\s+)?)?(?:what|how)\s+", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
_MAX_NAME_LINE = 60
_MANY_ASKED = 3  # questions of an interview whose answers may go on in paragraphs of no first person
_INDEFINITE = frozenset({"a", "an", "one", "another", "some"})
_HIGHLIGHTS = re.compile(r"\b(?:highlights|excerpts)\b", re.IGNORECASE)


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


# ----------------------------------------------------------------------------- entry point


def find_speech(doc: Doc, ctx: ArticleContext, roles: list[Role]) -> tuple[list[Quote], list[Claim]]:
    """Quotes and claims of the body, by position; registers a speaker span for each."""
    speakers = Speakers(doc, ctx, roles)
    head = _title_line(ctx)
    heading = [h for h in (ctx.headline, head) if h]
    turns = find_turns(ctx.text, ctx.body_end, heading + ctx.furniture, ctx.duplicates, _name_lines(ctx))
    spans = _quote_spans(ctx.text, ctx.body_end)
    spans = [q for q in spans if not _scare_quote(doc, ctx.text, q) and not any(s <= q.open < e for s, e in ctx.furniture)]
    quoted = [(q.open, q.close) for q in spans]  # a sentence with quote marks is no reported speech
    spans = [q for q in spans if not _title(ctx.text, q) and not _in_subheading(ctx, head, q)]
    claim_items = _claim_candidates(doc, ctx, quoted, {t.label_start for t in turns})
    interviewee, cue_end = _interviewee(ctx, head, speakers, turns, spans)
    if interviewee is not None and cue_end is not None and not turns:
        turns = _unlabelled_exchanges(ctx, interviewee, cue_end, heading)
    if not turns and (interviewee is None or cue_end is not None):
        # No cue, or one that no exchanges follow ('This interview has been edited.' closing them).
        shaped, shaped_turns = _interview_by_shape(ctx, head, speakers, heading)
        if shaped_turns:
            interviewee, turns = shaped, shaped_turns
    if not turns:
        # Highlights by topic ('On inflation: …'), in an article that says it gives an interview's highlights.
        topical = topic_turns(ctx.text, head[1] if head else 0, ctx.body_end, heading + ctx.furniture + ctx.duplicates)
        if topical:
            who = interviewee or _highlights_speaker(ctx, speakers, head[1] if head else 0, topical[0].label_start)
            if who is not None:
                interviewee, turns = who, topical
    turn_at = _TurnIndex(turns)
    masked = _ABBREVIATION.sub(lambda m: m.group()[:-1] + _MASK, ctx.text)

    events = _speaker_events(doc, ctx, speakers)
    claims: list[Claim] = []
    previous: tuple[_QuoteSpan, str | None] | None = None
    previous_unnamed = False  # whether the quote before names a speaker the text does not ('an aide said')
    attributed: list[tuple[_QuoteSpan, str | None]] = []
    turn_speakers: dict[Turn, str | None] = {}
    items = [(q.start, 1, "quote", q) for q in spans] + [(c.start, 2, "claim", c) for c in claim_items]
    items += [(t.start, 0, "turn", t) for t in turns]
    for _, _, what, item in sorted(items, key=lambda i: (i[0], i[1])):
        if what == "turn":
            t = item
            speaker = _turn_speaker(ctx, speakers, t, interviewee)
            turn_speakers[t] = speaker
            if speaker is not None:
                speakers.spoke(t.start, speaker)
        elif what == "quote":
            q = item
            speaker, named = _attribute(doc, ctx, q, speakers, masked)
            if speaker is None and not named:  # not '“B,” an aide added': a speaker the text does not name
                turn = turn_at.holding(q.start)
                speaker = turn_speakers.get(turn) if turn is not None else None  # 'GOVERNOR HAN: Let me be clear: “…”'
                if speaker is None and previous_unnamed and previous is not None and previous[0].paragraph == q.paragraph:
                    pass  # '“A,” an aide said. “B.”': the aide's words going on, not those of a person named before
                else:
                    speaker = speaker or _unattributed_speaker(ctx, head, q, speakers, previous, interviewee)
            elif speaker is None and head and head[0] <= q.open < head[1]:
                # '‘…,’ says Brazil's finance minister': in an interview the interviewee, else the one
                # person the article gives that post.
                speaker = interviewee or _headline_post_holder(ctx, head, q, speakers, masked)
            previous_unnamed = speaker is None and (named or (previous_unnamed and previous is not None and previous[0].paragraph == q.paragraph))
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
    attributed = _continued(ctx, attributed, interviewee)
    found: list[tuple[int, Quote]] = []
    for q, speaker in attributed:
        if speaker is None and len(re.findall(r"\w+", ctx.text[q.start : q.end])) <= _MAX_UNATTRIBUTED_WORDS:
            continue  # a short phrase in quote marks that nobody is said to have said: not a quotation
        if speaker is not None:
            ctx.add_speaker_span(q.start, q.end, speaker)
        quote = Quote(speaker=speaker, text=ctx.text[q.start : q.end], anchor=make_anchor(ctx.text, q.start, q.end), event=events.get(speaker or ""))
        found.append((q.start, quote))
    in_quotes = SpanIndex(quoted)
    narrated = _quotes_outside_turns(ctx, head, attributed, turn_at) and _called_a_transcript(ctx, turns) and not _highlights(ctx, turns)
    moderators = _moderators(ctx, turn_speakers)
    for t, speaker in turn_speakers.items():
        if speaker is None or t.kind not in ("speaker", "answer"):
            continue  # a question, the chair's words, or a label that names nobody known
        ctx.add_speaker_span(t.start, t.end, speaker)
        if speaker in moderators:
            continue  # 'Moderated by Jane Roe' and then 'MS ROE: …': the chair's words
        end = t.end
        if in_quotes.overlaps(t.start, t.end):
            end = _before_quoting_another(masked, t, speaker, attributed)
            if end is None:
                continue  # the turn marks its quotation itself: that one is the quote
        if narrated and t.kind == "speaker":
            continue  # a report quoting in quote marks around a transcript: those are its quotations
        if end - t.start <= _MAX_COURTESY and _COURTESY.fullmatch(ctx.text[t.start : end]):
            continue  # 'Thank you very much.', 'Good morning, everyone.': nothing said
        anchor = make_anchor(ctx.text, t.start, end)
        found.append((t.start, Quote(speaker=speaker, text=anchor.exact, anchor=anchor, event=events.get(speaker))))
    found = _without_headline_repeats(head, found)
    return [quote for _, quote in sorted(found, key=lambda f: f[0])], claims


def _name_lines(ctx: ArticleContext) -> frozenset[int]:
    """Where the lines start that are only a person's name, a title or words of address before
    it perhaps ('Dr Jane Roe', 'Minister Jan Doe'): maybe a speaker's label alone on its line."""
    out = set()
    text = ctx.text
    for m in _LINE.finditer(text, 0, ctx.body_end):
        start, end = m.start(), trimmed_end(text, m.end())
        if end - start <= _MAX_NAME_LINE:
            found = ctx.mentions(start, end, kinds=("Person",))
            if len(found) == 1 and found[0][1] == end and (found[0][0] == start or _only_titles(text[start : found[0][0]])):
                out.add(start)
    return frozenset(out)


def _title_line(ctx: ArticleContext) -> tuple[int, int] | None:
    """The headline whose quotation is the article's: the first line, or the line under it when
    the first is a kicker in capitals ('INTERVIEW', 'GLOBAL TRADE REVIEW | SUPPLY CHAINS', an
    outlet's or section's name) and the next one a short line in mixed case."""
    if ctx.headline is None:
        return None
    start, end = ctx.headline
    first = ctx.text[start:end]
    if end - start > _MAX_KICKER_CHARS or not any(c.isalpha() for c in first) or any(c.islower() for c in first):
        return ctx.headline
    m = _NEXT_LINE.match(ctx.text, end, ctx.body_end)
    if m is None:
        return ctx.headline
    line = m.group("line").rstrip()
    if len(line) >= _MAX_HEADING_CHARS or not any(c.islower() for c in line):
        return ctx.headline
    return m.start("line"), m.start("line") + len(line)


def _without_headline_repeats(head: tuple[int, int] | None, found: list[tuple[int, Quote]]) -> list[tuple[int, Quote]]:
    """A headline quoting words that a quotation in the body gives (within a longer answer,
    say) repeats that quotation: the body's is the one quote."""
    if not head:
        return found
    h_start, h_end = head
    body = [_said_words(q.text) for start, q in found if not h_start <= start < h_end]
    out = []
    for start, q in found:
        if h_start <= start < h_end:
            words = _said_words(q.text)
            if words and any(f" {words} " in f" {b} " for b in body):
                continue
        out.append((start, q))
    return out


def _said_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _before_quoting_another(text: str, turn: Turn, speaker: str, attributed: list[tuple[_QuoteSpan, str | None]]) -> int | None:
    """A turn that quotes somebody else ('… As the minister put it yesterday, “…”'): the turn's own
    words are those before the sentence holding that quotation (the quotation is its speaker's).
    None when the turn's quotations are its speaker's own, or when nothing comes before. `text`
    has the periods of abbreviations masked ('As Dr. Roe put it' is one sentence)."""
    inside = [(q, who) for q, who in attributed if turn.start <= q.open < turn.end]
    if not inside or any(who is None or who == speaker for _, who in inside):
        return None
    first = min(q.open for q, _ in inside)
    cut = max(text.rfind(". ", turn.start, first), text.rfind("? ", turn.start, first), text.rfind("! ", turn.start, first))
    if cut < 0:
        return None
    end = trimmed_end(text, cut + 1)
    return end if end > turn.start else None


def _moderators(ctx: ArticleContext, turn_speakers: dict[Turn, str | None]) -> set[str]:
    """The persons a transcript's head introduces as its moderator ('Moderated by Lieutenant
    Colonel Jane Roe, …', 'Moderator: Jane Roe'), whose turns are the chair's."""
    spoken = [t.label_start for t, speaker in turn_speakers.items() if speaker is not None]
    if not spoken:
        return set()
    out = set()
    for m in _MODERATED_BY.finditer(ctx.text, 0, min(spoken)):  # the head, a 'Participants: …' line included
        after = ctx.mentions(m.end(), m.end() + 80, kinds=("Person",))
        if after and not re.search(r"[.;!?\n]", ctx.text[m.end() : after[0][0]]):
            out.add(ctx.current_key(after[0][2]))
    return out


def _highlights(ctx: ArticleContext, turns: list[Turn]) -> bool:
    """Whether the line right before a transcript's first turn introduces its turns as
    highlights or excerpts ('Highlights from the governor's press conference:'): turns the
    article chose to quote, its quotations even beside others in quote marks."""
    if not turns:
        return False
    first = min(t.label_start for t in turns)
    end = trimmed_end(ctx.text, first)
    line = ctx.text[line_start(ctx.text, end - 1) if end > 0 else 0 : end]
    return len(line) <= _MAX_HEADING_CHARS and line.endswith(":") and bool(_HIGHLIGHTS.search(line))


def _called_a_transcript(ctx: ArticleContext, turns: list[Turn]) -> bool:
    """Whether the article calls the turns it prints a transcript before the first of them
    ('Transcript: …' over it, 'The following is the transcript of the press conference.'): the
    record of what was said. An exchange a report prints without calling it one ('Speaking to
    the radio, the commissioner said …' and then a few labelled turns) is what it quotes."""
    if not turns:
        return False
    return bool(_TRANSCRIPT.search(ctx.text, 0, min(t.label_start for t in turns)))


def _quotes_outside_turns(ctx: ArticleContext, head: tuple[int, int] | None, attributed: list[tuple[_QuoteSpan, str | None]], turn_at: _TurnIndex) -> bool:
    """Whether the article, besides a transcript's turns, quotes somebody in quote marks in its
    own words ('Arriving at the meeting, the minister told reporters: “…”'). Such a report with
    transcript excerpts gives its quotations in quote marks; the turns printed after labels are
    the record of what was said, not what the article quotes. (An interview's answers are.)"""
    for q, speaker in attributed:
        if speaker is None or turn_at.holding(q.start) is not None:
            continue
        if head is not None and head[0] <= q.open < head[1]:
            continue
        return True
    return False


def _unattributed_speaker(
    ctx: ArticleContext, head: tuple[int, int] | None, q: _QuoteSpan, speakers: Speakers, previous: tuple[_QuoteSpan, str | None] | None, interviewee: str | None
) -> str | None:
    """The speaker of a quote that names none: the one of the quote before it in its paragraph
    ('“A,” Roe said. “B.”'), the one a headline names after it, or the person last the subject
    in its paragraph ('Roe was blunt. “We lost.”')."""
    if previous is not None and previous[0].paragraph == q.paragraph and previous[1]:
        return previous[1]
    listed = _listed_speaker(ctx, q, speakers, interviewee)
    if listed is not None:
        return listed
    if head and head[0] <= q.open < head[1]:
        speaker = _headline_speaker(ctx, head, q, speakers, interviewee)
        if speaker is not None:
            return speaker
    if _mid_sentence_unsaid(ctx, q, speakers):
        return None  # 'Protesters held signs reading “Roe must go”': words in the sentence nobody is said to say
    speaker = speakers.subject_since(q.paragraph, q.open)
    if speaker is None and q.open == q.paragraph:
        speaker = _introduced_before(ctx, q, speakers)
    return speaker


def _listed_speaker(ctx: ArticleContext, q: _QuoteSpan, speakers: Speakers, interviewee: str | None) -> str | None:
    """A list of quotations under a line that introduces them ('Here are highlights of the
    interview:', 'Key comments:'), each item only a quotation ('- “We are in a good place.”', '•
    On rates: “…”'): the interviewee's, else those of the person last the subject or speaking
    before the list."""
    text = ctx.text
    if not _LIST_ITEM.fullmatch(text, q.paragraph, q.open):
        return None
    line_end = text.find("\n", q.close)
    if text[q.close : ctx.body_end if line_end == -1 else line_end].strip(" \t.,;:!?”\"’'"):
        return None  # '- “…,” Roe said': an item with its own attribution, or more words
    start = q.paragraph
    while start > 0:
        end = trimmed_end(text, start)
        if end == 0:
            return None
        start = line_start(text, end - 1)
        line = text[start:end]
        if _LIST_MARK.match(line):
            continue  # the item before
        if not line.endswith(":") or len(line) > _MAX_HEADING_CHARS or re.search(r"[“”\"]", line):
            return None
        break
    else:
        return None
    if interviewee is not None:
        return interviewee
    key = speakers.last(start)
    entity = ctx.entities.get(ctx.current_key(key) or key) if key is not None else None
    return entity.key if entity is not None and entity.kind == "Person" else None


def _mid_sentence_unsaid(ctx: ArticleContext, q: _QuoteSpan, speakers: Speakers) -> bool:
    """Whether the quotation stands inside a sentence begun before its opening mark with no verb
    of saying or characterising before the mark ('signs reading “…”', 'rejected the claim that
    she had “…”'): the sentence's subject is not said to have said the words."""
    before = ctx.text[q.paragraph : q.open]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "), before.rfind(": "), before.rfind("”"), before.rfind('"'))
    if not re.search(r"\w", before[cut + 1 :]):
        return False  # the quotation opens its sentence, or follows a colon
    index = ctx.index(speakers.doc)
    i = index.token_at(q.open)
    s, _ = index.sentence(i)
    for token in speakers.doc[s:i]:
        lemma = token.lemma_.casefold()
        if token.pos_ == "VERB" and (lemma in SPEECH_VERBS or lemma in _CHARACTERISING_VERBS) or token.pos_ == "NOUN" and lemma in _SPEECH_NOUNS:
            return False
    return True


def _introduced_before(ctx: ArticleContext, q: _QuoteSpan, speakers: Speakers) -> str | None:
    """'Roe was not convinced.' closing the paragraph before a paragraph that opens with a
    quotation naming nobody: the one person the short sentence is about, when it has no object
    (not 'Roe met the farmers.', whose quotation may be theirs) and no quote marks."""
    text = ctx.text
    end = trimmed_end(text, q.paragraph)
    start = line_start(text, end - 1) if end > 0 else 0
    if end <= start or text[end - 1] not in ".!" or re.search(r"[“”\"‘]", text[start:end]):
        return None
    index = ctx.index(speakers.doc)
    s, e = index.sentence(index.token_at(end - 1))
    sent = speakers.doc[s:e]
    if sent.start_char < start:
        return None
    # 'Roe conceded the race in a short speech to supporters.', 'Roe spoke to reporters on
    # Monday.': a sentence saying the person spoke introduces the words under it, whatever its length.
    spoke = any(t.lower_ in _SPEECH_NOUNS or t.pos_ == "VERB" and t.lemma_.casefold() in SPEECH_VERBS for t in sent)
    if not spoke and len(sent) > _MAX_INTRO_TOKENS:
        return None
    root = sent.root
    # 'Roe said in an interview that the bank could wait.': what the root verb of saying reports
    # is the person's too; another verb's complement may be somebody else's words.
    says = root.pos_ == "VERB" and root.lemma_.casefold() in SPEECH_VERBS
    if any(c.dep_ in ("ccomp", "xcomp") and not says or not spoke and c.dep_ in ("dobj", "dative") for c in root.children):
        return None
    persons = {ctx.current_key(k) or k for _, _, k in ctx.mentions(sent.start_char, sent.end_char, kinds=("Person",))}
    speaker = speakers.subject_since(sent.start_char, sent.end_char)
    if speaker is None or persons - {ctx.current_key(speaker) or speaker}:
        return None
    entity = ctx.entities.get(ctx.current_key(speaker) or speaker)
    if entity is None or entity.kind != "Person":
        return None
    names = {w.casefold() for w in re.findall(r"\w+", entity.name) if len(w) > 2}
    if names & {w.casefold() for w in re.findall(r"\w+", text[q.start : q.end])}:
        return None  # '“We told Roe so.”': about the person, not theirs
    return speaker


class _TurnIndex:
    """The transcript turn holding an offset."""

    def __init__(self, turns: list[Turn]):
        self.turns = sorted(turns, key=lambda t: t.start)
        self.starts = [t.start for t in self.turns]

    def holding(self, offset: int) -> Turn | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.turns[i].start <= offset < self.turns[i].end:
            return self.turns[i]
        return None


def _continued(
    ctx: ArticleContext, attributed: list[tuple[_QuoteSpan, str | None]], interviewee: str | None
) -> list[tuple[_QuoteSpan, str | None]]:
    """Quotes with no attribution of their own that open their paragraph. A quotation over
    several paragraphs leaves its first paragraphs unclosed: they share the speaker of the
    paragraph that closes it, and a paragraph continuing it (opening with a quote mark) the
    speaker of the one it continues. A paragraph that is only a quotation, right after a
    paragraph whose last quotation is attributed, goes on with that speaker ('“…,” Roe said.'
    then '“…”'). In an interview, the rest are the interviewee's answers."""
    text = ctx.text
    out = list(attributed)
    for i in range(len(out) - 2, -1, -1):
        q, speaker = out[i]
        nxt, nxt_speaker = out[i + 1]
        unclosed = q.close == q.end
        if speaker is None and nxt_speaker is not None and unclosed and not text[q.end : nxt.open].strip():
            out[i] = (q, nxt_speaker)
    for i, (q, speaker) in enumerate(out):
        if speaker is not None or text[q.paragraph : q.open].strip():
            continue
        if i > 0:
            before, before_speaker = out[i - 1]
            between = text[before.close : q.paragraph]
            adjacent = before.paragraph != q.paragraph and "\n" not in between.strip() and before_speaker is not None
            others = {k for _, _, k in ctx.mentions(before.close, q.open, kinds=("Person",))} - {before_speaker}
            if adjacent and not others and _whole_paragraph(text, q) and not _quoted_subheading(text, q):
                out[i] = (q, before_speaker)
                continue
        if interviewee is not None and _whole_paragraph(text, q):
            out[i] = (q, interviewee)
    return out


def _quoted_subheading(text: str, q: _QuoteSpan) -> bool:
    """'‘A bad deal for our town’' alone on its line: a few words in quote marks with no
    punctuation closing them, a sub-heading quoting words the text below gives, not the
    quotation before it going on."""
    words = text[q.start : q.end].split()
    line_end = text.find("\n", q.close)
    tail = text[q.end : len(text) if line_end == -1 else line_end]
    return len(words) <= _MAX_HEADING_WORDS and not re.search(r"[.,;:!?…—–-]", text[q.end - 1 : q.end] + tail)


def _whole_paragraph(text: str, q: _QuoteSpan) -> bool:
    """Whether the quote is all its paragraph holds (bar punctuation)."""
    line_end = text.find("\n", q.close)
    line_end = len(text) if line_end == -1 else line_end
    return not text[q.paragraph : q.open].strip() and not text[q.close : line_end].strip(" \t.,;:”\"’'")


# ----------------------------------------------------------------------------- interviews and transcripts


def _interviewee(
    ctx: ArticleContext, head: tuple[int, int] | None, speakers: Speakers, turns: list[Turn], spans: list[_QuoteSpan]
) -> tuple[str | None, int | None]:
    """The person an interview introduces at its top: named right after a cue ('We asked Jane
    Roe, …'), or the person last the subject before it ('She answered our questions'). An
    article with answer turns ('A: …') and no cue: the first person its body names. With the
    end of the cue that named the person (None without a cue)."""
    head_end = head[1] if head else 0
    first = min([t.label_start for t in turns] + [q.open for q in spans if q.open >= head_end] + [ctx.body_end])
    region_end = max(first, min(ctx.body_end, head_end + 1500))
    for start, end in interview_cues(ctx.text, head_end, region_end):
        after = ctx.mentions(end, end + 60, kinds=("Person",))
        if after and not re.search(r"[.!?\n]", ctx.text[end : after[0][0]]):
            return ctx.current_key(after[0][2]), end
        sentence_start = max(ctx.text.rfind(". ", head_end, start), ctx.text.rfind("\n", head_end, start), head_end)
        subject = ctx.text[sentence_start:start].split()
        pronoun = subject and subject[-1].casefold() in PERSON_PRONOUNS | {"we", "i"}
        # 'These are edited highlights.': an editor's note names nobody; the interview is with the
        # person the introduction was about.
        note = _EDITORIAL_NOTE.search(ctx.text, start, end) and _names_nobody(ctx.text[sentence_start:start])
        if pronoun or note or ctx.text[end : end + 12].split()[:1] in (["her"], ["him"]):
            key = speakers.last(start)
            if key is not None:
                return ctx.current_key(key), end
    # Labelled answers ('A: …'); not the paragraphs under 'Q:' labels, which an explainer's
    # questions and answers have too (the writer's, with no interviewee).
    if any(t.kind == "answer" and not t.continued for t in turns):
        for start, end, key in ctx.mentions(head_end, ctx.body_end, kinds=("Person",)):
            line = ctx.text[line_start(ctx.text, start) : start]
            if not re.search(r"\b(?:by|with)\s*$", line, re.IGNORECASE) and "|" not in line:
                return ctx.current_key(key), None
    return None, None


def _highlights_speaker(ctx: ArticleContext, speakers: Speakers, start: int, first: int) -> str | None:
    """Whose highlights by topic are: in an article that says, before the first topic, that it
    gives an interview or its highlights ('Roe said in an interview …. Highlights:'), the person
    last the subject or speaking before it."""
    end = trimmed_end(ctx.text, first)
    intro = ctx.text[line_start(ctx.text, end - 1) if end > 0 else 0 : end]
    # 'Here is some of what she said, lightly edited:' right before the topics.
    said_before = intro.endswith(":") and re.search(rf"\b{_SPEECH}\b", intro) is not None
    if not (said_before or interview_cues(ctx.text, start, first) or _HIGHLIGHTS.search(ctx.text, start, first)):
        return None
    key = speakers.last(first)
    entity = ctx.entities.get(ctx.current_key(key) or key) if key is not None else None
    return entity.key if entity is not None and entity.kind == "Person" else None


def _unlabelled_exchanges(ctx: ArticleContext, interviewee: str, cue_end: int, heading: list[tuple[int, int]]) -> list[Turn]:
    """An interview printed without labels (`transcripts.unlabelled_turns`), from the paragraph
    after the one whose cue names the interviewee, up to an answer that names the interviewee
    or quotes in quote marks: the narration resuming ('Roe previously served as …')."""
    line_end = ctx.text.find("\n", cue_end)
    if line_end == -1 or line_end >= ctx.body_end:
        return []
    turns = unlabelled_turns(ctx.text, line_end, ctx.body_end, heading + ctx.furniture + ctx.duplicates)
    few = sum(t.kind == "question" for t in turns) < _MANY_ASKED
    out = []
    for t in turns:
        if t.kind == "answer" and few and t.continued and not _FIRST_PERSON.search(ctx.text, t.start, t.end):
            break  # a short exchange of two questions, then the report going on ('The port reopened …')
        if t.kind == "answer":
            named = {ctx.current_key(k) or k for _, _, k in ctx.mentions(t.start, t.end, kinds=("Person",))}
            if interviewee in named or re.search(r"[“”\"]", ctx.text[t.start : t.end]):
                break
            if t.continued and _editors_note(ctx.text[t.start : t.end]):
                break  # 'This interview has been edited for length.' closing it: the editor's words
        out.append(t)
    return out


def _interview_by_shape(ctx: ArticleContext, head: tuple[int, int] | None, speakers: Speakers, heading: list[tuple[int, int]]) -> tuple[str | None, list[Turn]]:
    """An interview that no cue announces and no label lays out, known by its shape: an
    introduction about one person ('Norway's defence minister, Jane Roe, co-leads …. He spoke to
    …'), then questions, each answered in the paragraphs under it, in the first person. The
    interviewee is the one person the introduction's last paragraph naming anybody has in a
    main clause (the interviewer, 'spoke to Jan Doe', is not; nor 'after Jan Doe stepped down').
    (None, []) when the article is not so laid out."""
    skip = heading + ctx.furniture + ctx.duplicates
    intro = question_after_intro(ctx.text, head[1] if head else 0, ctx.body_end, skip)
    if not intro:
        return None, []
    introduced: set[str] = set()
    for p_start, p_end in reversed(intro):
        for start, end, key in ctx.mentions(p_start, p_end, kinds=("Person",)):
            span = speakers.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                return None, []
            verb = _verb_reaching(span.root)
            if verb is not None:
                if any(c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON" for c in verb.children):
                    return None, []  # 'Jan Doe spoke to Jane Roe': which of them answers, the shape does not say
                continue  # 'He spoke to Jan Doe': the interviewer
            if _meets_someone(span.root):
                continue  # 'Jan Doe met her in Gdańsk': the interviewer, the interviewee a pronoun
            if _told(span.root):
                continue  # 'Jane Roe tells Jan Doe that …': the one told, the interviewer
            if main_clause(span.root):
                introduced.add(ctx.current_key(key) or key)
        if introduced:
            break
    if len(introduced) != 1:
        return None, []
    interviewee = next(iter(introduced))
    turns = _unlabelled_exchanges(ctx, interviewee, intro[-1][0], heading)
    if not answered_in_first_person(ctx.text, turns):
        return None, []
    return interviewee, turns


def _meets_someone(token) -> bool:
    """Whether the name is the subject of a verb whose object is a person pronoun ('Jan Doe met
    her', 'Jan Doe talked with him')."""
    while token.dep_ in ("compound", "flat", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ not in SUBJECT_DEPS:
        return False
    for child in token.head.children:
        objects = [child] if child.dep_ in ("dobj", "dative") else [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else []
        if any(o.lower_ in ("her", "him", "them") for o in objects):
            return True
    return False


def _told(token) -> bool:
    """Whether the name is the object of a verb of saying ('… tells Jan Doe that', 'told Jan Doe
    in Delhi'): the one spoken to, not the speaker."""
    while token.dep_ in ("compound", "flat", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("dobj", "dative") and token.head.pos_ == "VERB" and token.head.lemma_.casefold() in SPEECH_VERBS


def _verb_reaching(token):
    """The verb whose prepositional object the name is ('spoke to Jan Doe', 'talked with Jan
    Doe'), or None."""
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX"):
        return token.head.head
    return None


def _editors_note(paragraph: str) -> bool:
    """'This interview has been edited for length and clarity.': one short sentence about the
    text as edited, in no one's first person."""
    return (
        len(paragraph) <= _MAX_HEADING_CHARS
        and len(re.findall(r"[.!?](?:\s|$)", paragraph)) <= 1
        and bool(_EDITORIAL_NOTE.search(paragraph))
        and not _FIRST_PERSON.search(paragraph)
    )


def _names_nobody(words_before: str) -> bool:
    """'These are', 'The interview', 'Highlights,': a few words before an editor's note that name
    nobody (no capitalised word but the first)."""
    words = re.findall(r"[^\W\d_][\w’'-]*", words_before)
    return len(words) <= _MAX_NOTE_WORDS and not any(w[0].isupper() for w in words[1:])


def _turn_speaker(ctx: ArticleContext, speakers: Speakers, turn: Turn, interviewee: str | None) -> str | None:
    """Who a transcript label names: the person in its parenthesis or the label itself, or the
    one whose name ends it ('CEC SUNDARAM', 'SENIOR DEPUTY GOVERNOR OH'); 'A' the interviewee."""
    if turn.kind == "answer":
        return interviewee
    if turn.kind != "speaker":
        return None
    if turn.note is not None:
        inside = ctx.mentions(turn.note_start, turn.note_start + len(turn.note), kinds=("Person",))
        if inside:
            return ctx.current_key(inside[0][2])
    label_start = turn.label_start + turn.label_offset
    inside = ctx.mentions(label_start, label_start + len(turn.label), kinds=("Person",))
    if inside:
        return ctx.current_key(inside[0][2])
    words = turn.label.split()
    for i in range(len(words)):
        key = speakers.person_named(words[i:])
        if key is not None:
            return key
    if _INITIALS.fullmatch(turn.label):
        # 'EL:' in a dialogue: the one person of the article whose name has those initials ('Ewa Lindqvist').
        letters = turn.label.replace(".", "")
        found = {
            e.key
            for e in ctx.entities.values()
            if e.kind == "Person" and "".join(w[0] for w in e.name.split() if w[:1].isupper()) == letters
        }
        if len(found) == 1:
            return next(iter(found))
    # 'THE MINISTER:', 'THE GOVERNOR:': the one person the article gives that post.
    post = [w.casefold().strip(".") for w in words if w.casefold() != "the"]
    if post and post[-1] in TITLE_HEADS and all(w in TITLE_HEADS or w in TITLE_MODIFIERS for w in post):
        holders = speakers.holders(post, same_rank=True)
        if len(holders) > 1:
            # 'GOVERNOR:' beside 'DEPUTY GOVERNOR HALÁSZ:': the one whose title is the label's
            # words alone, not a deputy's or a vice-minister's post that contains them.
            holders = speakers.holders(post, exact=True)
        if len(holders) == 1:
            return next(iter(holders))
    return None


def _headline_post_holder(ctx: ArticleContext, head: tuple[int, int], q: _QuoteSpan, speakers: Speakers, masked: str) -> str | None:
    """'‘We will not devalue,’ says Brazil's finance minister' (a headline, the person named only
    in the body): the one person the article gives the post the phrase names."""
    after = masked[q.close : head[1]]
    m = _AFTER_VERB_WHO.match(after) or _AFTER_WHO_VERB.match(after)
    if m is None:
        return None
    words = [re.sub(r"[’']s$", "", w) for w in re.findall(r"[\w’'-]+", m.group("who").casefold())]
    if not words or words[-1] not in TITLE_HEADS or words[0] in ("a", "an") or len(words) > _MAX_POST_WORDS:
        return None  # 'a minister': somebody the text does not name
    holders = speakers.holders(words, same_rank=True)
    return next(iter(holders)) if len(holders) == 1 else None


def _headline_speaker(ctx: ArticleContext, head: tuple[int, int], q: _QuoteSpan, speakers: Speakers, interviewee: str | None) -> str | None:
    """'‘We will win’: Roe on the vote', '‘Balloons test our nerves’: Lithuania's deputy minister
    on …': the speaker named after the colon; in an interview, the interviewee."""
    line_end = head[1]
    m = _HEADLINE_WHO.match(ctx.text, q.close, line_end)
    if m is None:
        return None
    who_start = m.start("who")
    inside = ctx.mentions(who_start, m.end("who"), kinds=("Person",))
    if inside:
        return ctx.current_key(inside[0][2])
    named = speakers.person_named([w for w in m.group("who").split() if w[:1].isupper()][-2:])
    return named or interviewee


# ----------------------------------------------------------------------------- quote spans


def _quote_spans(text: str, body_end: int) -> list[_QuoteSpan]:
    out = []
    paragraphs = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text[:body_end])]
    for i, (p_start, p_text) in enumerate(paragraphs):
        next_opens = i + 1 < len(paragraphs) and paragraphs[i + 1][1].lstrip()[:1] in _OPENING_MARKS
        # Curly quotes: an opening mark without a closing one runs to the paragraph's end
        # (a quotation continued in the next paragraph).
        for m in re.finditer(r"“([^“”]*)(”|$)", p_text):
            start, end = p_start + m.start(1), p_start + m.end(1)
            close = p_start + m.end()
            out.append(_QuoteSpan(start, end, p_start + m.start(), close, p_start))
        if "“" not in p_text:
            marks = [m.start() for m in re.finditer('"', p_text)]
            for m in re.finditer(r"\"([^\"]+)\"", p_text):
                out.append(_QuoteSpan(p_start + m.start(1), p_start + m.end(1), p_start + m.start(), p_start + m.end(), p_start))
            # An odd mark left open before a word, as a paragraph's last, continued by a paragraph
            # opening with a mark.
            last = marks[-1] if marks else -1
            opens_words = last >= 0 and p_text[last + 1 : last + 2].isalnum() and (last == 0 or not p_text[last - 1].isalnum())
            if len(marks) % 2 == 1 and next_opens and opens_words:
                end = p_start + len(p_text.rstrip())
                out.append(_QuoteSpan(p_start + last + 1, end, p_start + last, end, p_start))
        if "“" not in p_text and '"' not in p_text:
            # British style ‘…’ or '…'; a closing mark is one not followed by a letter (not "Ukraine’s").
            closed_to = 0
            for m in re.finditer(r"(?<!\w)‘([^‘]+?)’(?!\w)", p_text):
                out.append(_QuoteSpan(p_start + m.start(1), p_start + m.end(1), p_start + m.start(), p_start + m.end(), p_start))
                closed_to = m.end()
            # As with curly double marks: an opening mark left open as the paragraph ends, the next
            # paragraph opening with a mark, is a quotation continued there.
            last = p_text.rfind("‘")
            if "‘" in p_text and last >= closed_to and next_opens and not re.search(r"’(?!\w)", p_text[last:]):
                end = p_start + len(p_text.rstrip())
                if p_text[last + 1 : last + 2].isalnum() and (last == 0 or not p_text[last - 1].isalnum()):
                    out.append(_QuoteSpan(p_start + last + 1, end, p_start + last, end, p_start))
            if "‘" not in p_text:
                for m in re.finditer(r"(?<![\w'])'(?=\w)((?:[^'\n]|(?<=\w)'(?=\w))+?)(?<=\S)'(?![\w'])", p_text):
                    out.append(_QuoteSpan(p_start + m.start(1), p_start + m.end(1), p_start + m.start(), p_start + m.end(), p_start))
    out = [q for q in out if text[q.start : q.end].strip(" \t,.;:")]
    return sorted(out, key=lambda q: q.start)


def _scare_quote(doc: Doc, text: str, q: _QuoteSpan) -> bool:
    """'the so-called “referendum”': one to three words with no verb are not a quotation."""
    words = re.findall(r"\w+", text[q.start : q.end])
    if len(words) > _MAX_SCARE_WORDS:
        return False
    said = text[q.start : q.end].strip()
    if said[:1].isupper() and said[-1:] in (".", "!", "?") and text[q.paragraph : q.open].rstrip().endswith(":"):
        return False  # '… replied: “Absolutely not.”': a whole sentence said after a colon, verb or no verb
    if said[:1].isupper() and said[-1:] in (".", "!", "?") and re.search(r"(?:^|[.!?])\s*$", text[q.paragraph : q.open]):
        return False  # '“Nobody asked us,” Roe said. “Not once.”', '“Never!” Roe said.': a sentence of its own in quote marks
    if said[-1:] in (",", "!", "?"):
        line_end = text.find("\n", q.close)
        after = text[q.close : len(text) if line_end == -1 else line_end]
        if re.search(r"(?:^|[.!?])\s*$", text[q.paragraph : q.open]) and (_AFTER_WHO_VERB.match(after) or _AFTER_VERB_WHO.match(after)):
            return False  # '“Never,” Roe replied.': a reply, attributed as a quotation
        m = _AFTER_WHO_VERB.match(after)
        if said[-1:] == "," and m and len(m.group("who").split()) <= _MAX_POST_WORDS and re.match(r"\s*(?:[.;]|$)", after[m.end() :]):
            # 'the EU could appeal “into the void,” Roe noted.': a few words the sentence's speaker,
            # named as it ends, is quoted as saying.
            return False
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    # A participle ("so-called") does not make a statement; a finite or base verb does.
    if span is None or any(t.tag_ in _CLAUSE_VERB_TAGS for t in span):
        return span is None
    if _DISTANCING.search(text, max(0, q.open - 30), q.open):
        return True
    # 'According to her, demand has “permanently shifted”': the sentence is the source's, and so
    # are the words it quotes.
    return _speech_verb_over(q, span) is None and not _ACCORDING_EARLIER.search(text, span.sent.start_char, q.open)


def _speech_verb_over(q: _QuoteSpan, span: Span):
    """The verb of saying or characterising whose clause a few quoted words complete, its
    subject outside the marks: 'He said “every single vote” should be counted', 'the mission
    called the vote “orderly and peaceful”', 'she warned of “grave consequences”' (a partial
    quotation, the subject's words). The first such verb up the parse from the words, within
    their sentence; None when there is none (a phrase in a narrated clause: scare quotes).
    The words must be a whole phrase: a word outside the marks modifying them ('called the vote
    a “sham”', 'the so-called “peace plan”') makes them a label in the writer's phrase."""
    doc = span.doc
    if any(span.start <= doc[i].head.i < span.end and not doc[i].is_punct for i in range(span.sent.start, span.start)):
        return None
    token = span.root.head
    while True:
        lemma = token.lemma_.casefold()
        if token.pos_ == "VERB" and (lemma in SPEECH_VERBS or lemma in _CHARACTERISING_VERBS):
            subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and not q.open <= subject.idx < q.close and token.idx < q.open:
                return token
            return None
        if token.head.i == token.i:
            return None
        token = token.head


def _title(text: str, q: _QuoteSpan) -> bool:
    """'a report titled “Pathways to Peace”', 'the film “The Long Winter”': a name in quote
    marks (after 'titled', 'called' …, or every main word capitalised, no sentence in it)."""
    words = text[q.start : q.end].split()
    if len(words) > _MAX_TITLE_WORDS or text[q.start : q.end].rstrip()[-1:] in ".,!?;:":
        return False
    if _TITLE_CUE.search(text, max(0, q.open - 30), q.open):
        return True
    main = [w for w in words if len(w.strip("’'\"-")) > 3]
    return len(words) >= 2 and bool(main) and words[0][:1].isupper() and all(w[:1].isupper() for w in main)


def _in_subheading(ctx: ArticleContext, head: tuple[int, int] | None, q: _QuoteSpan) -> bool:
    """'Australia's Donnelly: ‘the gap is narrowing’': a sub-heading in the body quoting a few
    words the text under it gives in full. The article's headline is not one."""
    if head and head[0] <= q.open < head[1]:
        return False
    line_end = ctx.text.find("\n", q.close)
    line_end = ctx.body_end if line_end == -1 else line_end
    line = ctx.text[q.paragraph : line_end]
    outside = ctx.text[q.paragraph : q.open] + ctx.text[q.close : line_end]
    return (
        len(line) <= _MAX_HEADING_CHARS
        and ":" in outside
        and len(outside.split()) <= _MAX_HEADING_WORDS
        and not re.search(r"[.!?“”\"‘]", outside)
        and not re.search(r"[.!?]\W*$", line)
    )


def _attribute(doc: Doc, ctx: ArticleContext, q: _QuoteSpan, speakers: Speakers, masked: str) -> tuple[str | None, bool]:
    """The speaker of a quote from the words right after it, right before it, or its sentence;
    and whether the quote names a speaker at all ('…,” an aide said' names one, nobody known).
    `masked` is the text with the periods of abbreviations ('Ms.', 'Gen.') masked, for the patterns."""
    named = False

    def who(m: re.Match, at: int) -> tuple[str, int]:
        start = at + m.start("who")
        return ctx.text[start : at + m.end("who")], start

    line_end = ctx.text.find("\n", q.close)
    line_end = ctx.body_end if line_end == -1 or line_end > ctx.body_end else line_end
    after = masked[q.close : line_end]
    nxt = re.search(r"[“\"‘]", after)
    if nxt:
        after = after[: nxt.start()]
    for pattern in () if _ends_its_sentence(ctx.text, masked, q) else (_AFTER_WHO_VERB, _AFTER_VERB_WHO, _AFTER_ACCORDING):
        m = pattern.match(after)
        if m:
            named = True
            appos = m.groupdict().get("appos")
            if appos and not ctx.mentions(q.close + m.start("who"), q.close + m.end("who"), kinds=("Person",)):
                # '…,” said Ukraine's defence minister, Jane Roe.': the name in apposition, not a
                # holder of the post named before.
                inside = ctx.mentions(q.close + m.start("appos"), q.close + m.end("appos"), kinds=("Person",))
                if inside:
                    return ctx.current_key(inside[0][2]), True
            if m.group("who").strip().casefold() in PERSON_PRONOUNS:
                speaker = _subject_before(ctx, q, speakers, masked, pronoun_gender(m.group("who").strip()))
                if speaker is not None:
                    return speaker, True  # 'Roe was pleased: “…,” she wrote.'
            speaker = _resolve_phrase(speakers, *who(m, q.close), q.start)
            if speaker is not None:
                return speaker, True
            appos = m.groupdict().get("appos")
            if appos:
                # '…,” said the head of the mission, former Vice-President Jane Roe.': the name in apposition.
                inside = ctx.mentions(q.close + m.start("appos"), q.close + m.end("appos"), kinds=("Person",))
                if inside:
                    return ctx.current_key(inside[0][2]), True
    if not named and _PRONOUN_THEN_VERB.match(after):
        named = True  # '“Give us our pensions back!” they chanted.': somebody the sentence names, not anybody before
    m = _THAT_WAS.match(after) or _THAT_WAS_WHOSE.match(after)
    verdict_at = q.close
    if m is None and not after.strip() and _whole_paragraph(ctx.text, q):
        # '“We are prepared.”' alone, then 'That was the message from Jane Roe, …' opening the next paragraph.
        nxt = _NEXT_LINE.match(ctx.text, line_end, ctx.body_end)
        if nxt is not None:
            verdict_at = nxt.start("line")
            line = masked[verdict_at : nxt.end("line")]
            m = _THAT_WAS.match(line) or _THAT_WAS_WHOSE.match(line)
    if m and m.group("noun").casefold() in _VERDICT_NOUNS and ctx.text[q.start : q.end].rstrip()[-1:] in ".!?":
        named = True
        speaker = _resolve_phrase(speakers, *who(m, verdict_at), q.start)
        if speaker is not None:
            return speaker, True
    signed = _signed_by(ctx, q, after, line_end, speakers)
    if signed is not None:
        return signed, True
    before = masked[q.paragraph : q.open]
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
            before = masked[offset:previous_end]
    for pattern in (_BEFORE, _ACCORDING, _WHO_COLON_BEFORE):
        m = pattern.search(before)
        if m:
            phrase, phrase_start = who(m, offset)
            what = _WHAT_SAID.match(phrase, len(phrase) - len(phrase.lstrip()))
            if what is not None:
                phrase, phrase_start = phrase[what.end() :], phrase_start + what.end()  # 'Here is what she told …:'
            speaker = _resolve_phrase(speakers, phrase, phrase_start, q.start)
            if speaker is not None:
                return speaker, True
    m = _ACCORDING_EARLIER.search(before)
    if m:
        speaker = speakers.resolve(*who(m, offset), q.start)
        if speaker is not None:
            return speaker, True
    if before.rstrip().endswith(":"):
        speaker = _colon_speaker(doc, ctx, offset + len(before.rstrip()) - 1, speakers, q)
        if speaker is not None:
            return speaker, True
    speaker = _sentence_speaker(doc, ctx, q, speakers)
    if speaker is None and not named:
        named = _said_by_somebody_unnamed(doc, q)
    return speaker, named


def _ends_its_sentence(text: str, masked: str, q: _QuoteSpan) -> bool:
    """'… the government said it had “no plans to do so.” The ministry said …': words in quote marks
    that close a sentence begun before the opening mark end that sentence with their period; the
    words after the closing mark are the next sentence, not an attribution of the quote."""
    said = text[q.start : q.end].rstrip()
    if q.close == q.end or said[-1:] not in (".", "!", "?"):
        return False
    before = masked[q.paragraph : q.open]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "), before.rfind("”"), before.rfind('"'))
    return bool(re.search(r"\w", before[cut + 1 :])) and bool(re.match(r"\s+[A-Z]", text[q.close : q.close + 3]))


def _subject_before(ctx: ArticleContext, q: _QuoteSpan, speakers: Speakers, masked: str, gender: str | None) -> str | None:
    """'Roe was clearly pleased: “…,” she wrote.': the one person named as a subject in the
    quote's sentence before the opening mark, whom the pronoun after the quote refers to."""
    before = masked[q.paragraph : q.open]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "), before.rfind("”"), before.rfind('"'))
    start = q.paragraph + cut + 1 if cut >= 0 else q.paragraph
    found = {
        ctx.current_key(key) or key
        for m_start, m_end, key in ctx.mentions(start, q.open, kinds=("Person",))
        if speakers.is_subject(m_start, m_end) and not re.match(r"[’']s?\b", ctx.text[m_end : m_end + 2])
    }
    if len(found) != 1:
        return None
    key = next(iter(found))
    known = speakers.gender_of(key)
    return key if gender is None or known is None or known == gender else None


def _signed_by(ctx: ArticleContext, q: _QuoteSpan, after: str, line_end: int, speakers: Speakers) -> str | None:
    """'“…” — Jane Roe, Minister of Mining' on the quote's line, or a quotation paragraph signed on
    the next line ('– Jane Roe, Minister of Mining'), as press releases print their quotes: the
    person named right after the dash."""
    m = _SIGNATURE.match(after)
    if m is not None:
        start = q.close + m.end()
    else:
        if after.strip() or ctx.text[q.paragraph : q.open].strip():
            return None
        nxt = _SPACES.match(ctx.text, line_end).end()
        m = _SIGNATURE.match(ctx.text, nxt, ctx.body_end)
        if "\n\n\n" in ctx.text[line_end:nxt]:
            return None
        if m is not None:
            start = m.end()
        else:
            # A signature line without a dash ('Jane Roe, Minister of Mining', a page's <cite>): short,
            # no sentence, starting with the name.
            sig_end = ctx.text.find("\n", nxt)
            sig = ctx.text[nxt : ctx.body_end if sig_end == -1 else sig_end].strip()
            if not sig or len(sig) > _MAX_SIGNATURE or sig[-1] in ".!?:" or re.search(r"[“”\"]", sig):
                return None
            first = ctx.mentions(nxt, nxt + len(sig), kinds=("Person",))
            if not first or first[0][0] != nxt or not re.match(r"\s*(?:,|\(|$)", ctx.text[first[0][1] : nxt + len(sig)]):
                return None  # not 'Jane Roe's long road', a sub-heading: the name, then its post or nothing
            start = nxt
    inside = ctx.mentions(start, start + 60, kinds=("Person",))
    if inside and not ctx.text[start : inside[0][0]].strip(" \t") or inside and _only_titles(ctx.text[start : inside[0][0]]):
        return ctx.current_key(inside[0][2])
    if inside and m is not None and _capitalised_post(ctx.text[start : inside[0][0]]):
        return ctx.current_key(inside[0][2])  # '— Harbour Master Jane Roe': a post in capitals, then the name
    if m is not None:
        return _signature_name(ctx, start, speakers)
    return None


def _signature_name(ctx: ArticleContext, start: int, speakers: Speakers) -> str | None:
    """'– The Honourable Jane Roe, Minister of Mining' under a quotation, the name not marked as
    a person's: the person of that name the article knows, else a person it names here, when a
    post follows the comma ('Minister of …')."""
    end = ctx.text.find("\n", start)
    end = ctx.body_end if end == -1 or end > ctx.body_end else end
    m = _SIGNATURE_NAME.match(ctx.text, start, end)
    if m is None:
        return None
    name = m.group("name")
    known = speakers.person_named(name.split())
    if known is not None:
        return known
    post = re.findall(r"[\w’'-]+", ctx.text[m.end() : end].casefold())
    if not post or not any(w in TITLE_HEADS for w in post) or ctx.mentions(m.start("name"), m.end("name")):
        return None  # no post after the name, or the words name something else
    return ctx.register(name, "Person", m.start("name"), m.end("name"))


def _capitalised_post(words: str) -> bool:
    """'Harbour Master ', 'Chief Executive ': a few capitalised words on the signature's line, no
    punctuation, before the name (a post the title list may not know)."""
    found = words.split()
    return 0 < len(found) <= _MAX_POST_WORDS and "\n" not in words and all(w[:1].isupper() and w.isalpha() for w in found)


def _only_titles(words: str) -> bool:
    """'Minister ', 'Dr ': only a post or a form of address before the name."""
    found = re.findall(r"[\w’'.-]+", words)
    return bool(found) and "\n" not in words and all(is_title_word(w.strip(".")) or w.casefold().strip(".") in _HONORIFIC_WORDS for w in found)


def _resolve_phrase(speakers: Speakers, who: str, who_start: int, offset: int) -> str | None:
    """The speaker of an attribution phrase, or of its first or last comma-separated part:
    'Commodore Jan Roe, the officer who commands the force', 'Speaking in Rome, she'."""
    speaker = speakers.resolve(who, who_start, offset)
    if speaker is not None or "," not in who:
        return speaker
    head = who[: who.index(",")]
    speaker = speakers.resolve(head, who_start, offset) if head.strip() else None
    if speaker is not None:
        return speaker
    tail_at = who.rindex(",") + 1
    tail = who[tail_at:]
    return speakers.resolve(tail.strip(), who_start + tail_at + len(tail) - len(tail.lstrip()), offset)


def _colon_speaker(doc: Doc, ctx: ArticleContext, colon: int, speakers: Speakers, q: _QuoteSpan) -> str | None:
    """'Its chairman, Admiral Jan Roe, put it bluntly: “…”': the subject of the clause the colon ends."""
    index = ctx.index(doc)
    i = index.token_at(colon)
    s_start, _ = index.sentence(i)
    root = next((t for t in doc[s_start : i + 1] if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    who = subject_phrase(doc, subject, root)
    return _resolve_phrase(speakers, who.text, who.start_char, q.start)


def _name_before_verb(ctx: ArticleContext, sent: Span, verb) -> str | None:
    """The person named right before a main verb the parse left with no subject ('Under
    Secretary of Defense Jan Roe welcomed …', a long title read as a preposition): the one person
    named in the sentence before the verb, with nothing between the name and the verb."""
    found = ctx.mentions(sent.start_char, verb.idx, kinds=("Person",))
    if len({ctx.current_key(k) or k for _, _, k in found}) != 1 or ctx.text[found[-1][1] : verb.idx].strip():
        return None
    return ctx.current_key(found[-1][2])


def _said_by_somebody_unnamed(doc: Doc, q: _QuoteSpan) -> bool:
    """'… a senior diplomat called it “a wall made of press releases.”', 'one official said the
    plan was “dead”': a verb of saying or characterising outside the marks in the quote's
    sentence whose subject is somebody the text does not name (an indefinite noun phrase); the
    words are that somebody's, not those of the person quoted before them."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return False
    for token in span[0].sent:
        if q.open <= token.idx < q.close or token.pos_ != "VERB":
            continue
        lemma = token.lemma_.casefold()
        if lemma not in SPEECH_VERBS and lemma not in _CHARACTERISING_VERBS:
            continue
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in subject.children):
            return True
    return False


def _sentence_speaker(doc: Doc, ctx: ArticleContext, q: _QuoteSpan, speakers: Speakers) -> str | None:
    """'Roe said the talks were “very productive and long overdue”': a verb of saying outside
    the marks in the quote's own sentence, with a person as subject."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    if len(re.findall(r"\w+", ctx.text[q.start : q.end])) <= _MAX_SCARE_WORDS:
        # A few words completing a verb of saying: that verb's subject, the words before its
        # first comma ('The mission of the OAS, led by Jane Roe, said …': the mission).
        verb = _speech_verb_over(q, span)
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None) if verb is not None else None
        if subject is None:
            return None
        who = subject_phrase(doc, subject, verb)
        cut = next((t.i for t in who if t.text in (",", "(")), who.end)
        who = doc[who.start : max(cut, subject.i + 1)]
        return speakers.resolve(who.text, who.start_char, q.start)
    for token in sent:
        if q.open <= token.idx < q.close or token.pos_ != "VERB":
            continue
        lemma = token.lemma_.casefold()
        if lemma not in SPEECH_VERBS and not (lemma in _CHARACTERISING_VERBS and token.left_edge.idx <= q.open and q.end <= token.right_edge.idx + len(token.right_edge)):
            continue  # 'Roe called the plan “a betrayal of our voters”': the verb's own complement
        # 'the Baltic, which she said made …': the parse may give the relative pronoun as a subject too
        # (written in lower case: 'WHO said' is the organization).
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS and c.text not in _RELATIVE_PRONOUNS), None)
        verb = token
        if subject is None and token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp") and token.head.pos_ in ("VERB", "AUX"):
            # '… welcomed the plan in a statement, saying allies “…”': a participle of saying has
            # the subject of the verb it hangs from.
            verb = token.head
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.text not in _RELATIVE_PRONOUNS), None)
            if subject is None and verb.dep_ == "ROOT" and verb.idx < q.open:
                speaker = _name_before_verb(ctx, sent, verb)
                if speaker is not None:
                    return speaker
        if subject is not None and not (q.open <= subject.idx < q.close):
            who = subject_phrase(doc, subject, verb)
            # 'The High Council of Public Finances, France's fiscal watchdog, said': the name before an apposition.
            speaker = _resolve_phrase(speakers, who.text, who.start_char, q.start)
            if speaker is not None:
                return speaker
        elif subject is None and token.dep_ == "ROOT" and token.idx < q.open:
            # 'Jane Roe, the port's director, who took over in May, said the aim was “…”': a long
            # apposition can leave the verb with no subject in the parse; the person opening the
            # sentence, a comma right after the name, is it.
            opening = ctx.mentions(sent.start_char, sent.start_char + 120, kinds=("Person",))
            if opening and not ctx.text[sent.start_char : opening[0][0]].strip() and ctx.text[opening[0][1] : opening[0][1] + 1] == ",":
                return ctx.current_key(opening[0][2])
    return None



# ----------------------------------------------------------------------------- reported speech


def _claim_candidates(doc: Doc, ctx: ArticleContext, quoted: list[tuple[int, int]], labels: set[int]) -> list[_ClaimSpan]:
    """Each reported-speech clause of the body, by position. `labels`: where transcript
    speaker labels stand ('GOVERNOR HAN: …' is a turn, not a headline claim)."""
    out = []
    in_quotes = SpanIndex(quoted)
    for sent in doc.sents:
        if in_quotes.overlaps(sent.start_char, sent.end_char):
            continue  # sentences with quote marks are quotations, handled above
        labelled = sent.start_char in labels
        found = _that_clause(doc, ctx, sent) or _clause_then_who(ctx, sent) or (None if labelled else _who_colon(sent)) or _according_to(sent)
        if found is not None:
            out.append(found)
    return out


def _that_clause(doc: Doc, ctx: ArticleContext, sent: Span) -> _ClaimSpan | None:
    """'Roe stated that …' / 'He pointed out that …' -> the clause after 'that'."""
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.casefold() not in SPEECH_VERBS:
            continue
        if token.lemma_.casefold() == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
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
        sent_start = sent.start_char
        if subject.lower_ == "who":
            # 'Captain Jan Roe of the navy, who said that …': the person the clause is about; the
            # clause alone is what they say.
            antecedent = _relative_antecedent(ctx, sent.start_char, subject.idx)
            if antecedent is None:
                continue
            sent_start = subject.idx
            who_text, who_start = antecedent
        else:
            who = subject_phrase(doc, subject, token)
            who_text, who_start = who.text, who.start_char
        return _ClaimSpan(start_tok.idx, end_tok.idx + len(end_tok), sent_start, _sent_end(sent), who_text, who_start)
    return None


def _relative_antecedent(ctx: ArticleContext, start: int, who: int) -> tuple[str, int] | None:
    """The person a 'who' clause is about: named right before it ('Jan Roe, who', 'Captain Jan
    Roe of the coast guard, who'), as (name, offset)."""
    before = ctx.mentions(start, who, kinds=("Person",))
    if not before:
        return None
    m_start, m_end, _ = before[-1]
    if not _BEFORE_WHO.fullmatch(ctx.text, m_end, who):
        return None
    return ctx.text[m_start:m_end], m_start


def _clause_then_who(ctx: ArticleContext, sent: Span) -> _ClaimSpan | None:
    """'Russia failed to advance, Roe says.' (a headline or lead sentence)."""
    text = sent.text
    m = _CLAUSE_THEN_WHO.match(text.rstrip())
    if m is None:
        return None
    start = sent.start_char
    claim = m.group("claim").rstrip()
    who = "who"
    if m.group("appos"):
        # '…, the head of the firm, Jane Roe, said.': the part that is a name alone.
        inside = ctx.mentions(start + m.start("appos"), start + m.end("appos"), kinds=("Person",))
        if inside and inside[0][0] == start + m.start("appos") and inside[0][1] == start + m.end("appos"):
            who = "appos"
    return _ClaimSpan(start, start + len(claim), start, _sent_end(sent), m.group(who), start + m.start(who))


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


def _speaker_events(doc: Doc, ctx: ArticleContext, speakers: Speakers) -> dict[str, str]:
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

