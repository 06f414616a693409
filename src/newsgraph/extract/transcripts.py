"""Words printed without quote marks whose speaker the layout names: transcripts and interviews.

A transcript prints each turn after a speaker label: 'GOVERNOR HAN: …', 'Q: …', 'A: …',
'MODERATOR (Jane Roe, …): …', or a capital label alone on its line ('MINISTER TANAKA:'). A
turn is its label's paragraph; the paragraphs after it that carry no label of their own, up
to the next labelled one, continue it. Questions and the
chair's words are turns too, of a kind the quotation step leaves out.

Labels are known by their form and their recurrence, not their words: markup around them
('**Q:**'); mixed-case labels ('Reed: …', 'Roe: …') only as a dialogue that takes turns;
names in capitals alone on their lines ('TOM REED') only when they recur; a label whose every
turn asks is a questioner's. In a transcript labelled in capitals, a capitalised phrase and a
colon printed once ('On Ferry Orders: …') is the turn going on.

An interview names its interviewee at the top ('We spoke to her in Geneva', 'We asked Jane
Roe, …', 'she answered our questions'); the cue phrases are data (interview-cues.txt). One
without a cue or labels is known by its shape (`question_after_intro`): an introduction, then
paragraphs that ask, each answered under it in the first person (a dash may open each turn).

Pure functions of the text: who a label names is for the caller, which knows the persons.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsgraph.text import word_list, word_map

# A label opens its paragraph: capitalised words (an optional parenthesis after them), a colon.
# Bold or italic markup around a label ('**Q:**', '__JANE ROE:__') is the label's too.
_MARKUP = r"(?:\*{1,2}|_{1,2})?"
# A number before a question's or an answer's label ('1. Question: …', '2) Q: …').
_NUMBER = r"(?:\d{1,2}[.)][ \t]+|[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])][ \t]+)?"  # or a time ('[00:03:05] Jane Roe: …')
# After the label, a parenthesis ('JANE ROE (Reuters):') or a post after a comma ('Dr. Jane Roe,
# Director General:', 'JANE ROE, HOST:') saying who the speaker is.
_NOTE = r"(?:\((?P<note>[^()\n]{1,160})\)[ \t]*|,[ \t]*(?P<post>[^\W\d_][\w.’'\- ]{0,60}?)[ \t]*)?"
_LABEL = re.compile(
    rf"{_NUMBER}{_MARKUP}(?P<label>[^\W\d_][\w.’'\- ]{{0,50}}?){_MARKUP}[ \t]*{_NOTE}:{_MARKUP}[ \t]+(?=\S)"
)
#: Label words that say what kind of turn it is ("q" -> question); other labels name a speaker.
_LABEL_KINDS = word_map("transcript-labels.tsv", "label", "kind")
# A label alone on its line ('MINISTER TANAKA:'), the words in the paragraphs after it.
_LABEL_ALONE = re.compile(rf"{_MARKUP}(?P<label>[^\W\d_][\w.’'\- ]{{0,50}}?){_MARKUP}[ \t]*{_NOTE}:{_MARKUP}[ \t]*$")
# Small words a post written after a label may have in lower case ('Head of Emergencies').
_POST_SMALL_WORDS = frozenset({"of", "for", "and", "the", "on", "at", "to", "in", "de"})
# A label in capitals and a dash for the colon ('JANE ROE — We will …'), as some transcripts print it.
_DASH_LABEL = re.compile(rf"{_NUMBER}(?P<label>[^\W\d_][\w.’'\- ]{{0,50}}?)[ \t]+[—–][ \t]+(?=\S)")
# 'Q.' and 'A.' opening a paragraph, as some transcripts and interviews write them.
_QA_DOT = re.compile(rf"{_NUMBER}{_MARKUP}(?P<label>Q|A)\.{_MARKUP}[ \t]+(?=\S)")
_MIN_TURNS = 2  # one labelled paragraph is a heading ('Roe: Russia lost …'), not a transcript
_MAX_LABEL_WORDS = 6
_MIN_ALTERNATIONS = 2  # changes of speaker in a dialogue with mixed-case labels ('Reed:', 'Roe:', 'Reed:')
_MAX_HEADING_WORDS = 8  # a sub-heading between turns ('On the budget'): a short line, no sentence
_MIN_ASKED = 3  # questions that end with a question mark, in an interview printed without labels
_MIN_FEW_ASKED = 2  # ... or as few, when every answer speaks in the first person ('we lost', 'I think')
_MAX_INTRO_PARAGRAPHS = 2  # paragraphs between the introduction naming the interviewee and the first question
_MAX_PROMPT_CHARS = 160  # an interviewer's statement put as a question
_CUES = re.compile(r"\b(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in word_list("interview-cues.txt")) + r")\b", re.IGNORECASE)
# 'Interview by Jane Roe': the interviewer's byline, not the interviewee.
_BYLINE_AFTER = re.compile(r"\s+(?:[Bb]y|[Cc]onducted\s+by)\s+[A-Z]")


@dataclass(frozen=True)
class Turn:
    label: str  # as written, without a parenthesis and the colon
    label_start: int
    note: str | None  # the parenthesis after the label ('Jane Roe, Daily Herald'), if any
    note_start: int
    kind: str  # "question", "answer" (the interviewee's), "chair", or "speaker" (named by the label)
    start: int  # the turn's words, after the label
    end: int
    continued: bool = False  # a paragraph with no label of its own, continuing the turn before it
    label_offset: int = 0  # characters of markup before the label's words ('**Q:**')
    dashed: bool = False  # the label ends with a dash, not a colon ('JANE ROE — …')


def find_turns(
    text: str, body_end: int, skip: list[tuple[int, int]] = (), repeated: list[tuple[int, int]] = (), names: frozenset[int] = frozenset()
) -> list[Turn]:
    """The turns of a transcript in text[:body_end], in order; [] for an article that is not one.

    `skip` holds spans (headline, furniture) whose lines are never turns; `repeated`, lines the
    page prints more than once, which are no turns either but may be a speaker's name alone;
    `names`, where lines start that are only a person's name ('Dr Jane Roe'), which may be a
    speaker's label alone on its line in mixed case."""
    labelled: list[Turn] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[:body_end])]
    for p_start, p_end in paragraphs:
        if any(s <= p_start < e for s, e in skip):
            continue
        if any(s <= p_start < e for s, e in repeated) and _LABEL_ALONE.fullmatch(text, p_start, _trim(text, p_start, p_end)) is None:
            continue  # a line printed again is no turn, but a speaker's label alone on its line recurs
        turn = _labelled(text, p_start, p_end)
        if turn is not None:
            labelled.append(turn)
    # A capital word and a dash open a dateline too ('BRUSSELS — …'): such a label counts when it recurs.
    dashed: dict[str, int] = {}
    for t in labelled:
        if t.dashed:
            dashed[t.label] = dashed.get(t.label, 0) + 1
    if dashed:
        labelled = [
            dataclasses.replace(t, kind="question") if t.dashed and t.kind == "speaker" and dashed[t.label] < _MIN_TURNS and _asks(text[t.start : t.end]) else t
            for t in labelled
            if not t.dashed or t.kind != "speaker" or dashed[t.label] >= _MIN_TURNS or _asks(text[t.start : t.end])
        ]  # 'RADIO HORIZON — How many doses …?' printed once: a questioner
    if len(labelled) < _MIN_TURNS:
        labelled = sorted(labelled + _bare_labels(text, paragraphs, skip, names), key=lambda t: t.label_start)
    # Mixed-case labels ('Jane Roe: …') count beside capital or Q/A ones; alone, only as a
    # dialogue: labels that recur, two of them at least, taking turns ('Reed: …', 'Lindqvist: …',
    # 'Reed: …'). A label written once there, or any alone, is a heading or a sentence.
    if not any(t.kind != "speaker" or t.label.isupper() for t in labelled):
        labelled = _dialogue(labelled, paragraphs, 2, text)
    # Speaker labels in capitals ('SECRETARY GENERAL:') set the transcript's style: a paragraph
    # opening once with capitalised words and a colon in mixed case is then a turn going on ('On
    # Ferry Orders: we will …'), unless a parenthesis after the words says who ('Jane Roe
    # (Reuters): …') or the words recur as a label ('Minister Tanaka:' at each of her turns).
    if any(t.kind == "speaker" and len(t.label) > 1 and t.label.isupper() for t in labelled):
        counts: dict[str, int] = {}
        for t in labelled:
            counts[t.label] = counts.get(t.label, 0) + 1
        labelled = [t for t in labelled if t.kind != "speaker" or t.label.isupper() or t.note is not None or counts[t.label] >= _MIN_TURNS]
    if len(labelled) < _MIN_TURNS:
        return []
    labelled = _askers(text, _chairs_by_name(labelled))
    turns: list[Turn] = []
    starts = {t.label_start: t for t in labelled}
    current: Turn | None = None
    has_words = False  # whether the current turn has words yet (a label alone on its line has none)
    last_label = labelled[-1].label_start
    # '[END]', 'END OF TRANSCRIPT' after the last turn: the paragraphs up to it are that turn's.
    closing = next((p_start for p_start, p_end in paragraphs if p_start > last_label and _END_MARK.fullmatch(text[p_start:p_end].strip())), None)
    if closing is not None:
        last_label = closing
    # Only questions labelled ('Q: …' and the answer printed under it, unlabelled): the paragraphs
    # under a question are the interviewee's answer.
    questions_only = all(t.kind == "question" for t in labelled)
    answered = False
    for p_start, p_end in paragraphs:
        if p_start in starts:
            current = starts[p_start]
            has_words = current.end > current.start
            answered = False
            if has_words:
                turns.append(current)
        elif current is not None and has_words and _section_heading(text[p_start:p_end]):
            current = None  # a section's heading ends the turn before it
        elif current is not None and (p_start < last_label or current.end == current.start or questions_only) and not _stage_note(text[p_start:p_end]):
            end = _trim(text, p_start, p_end)
            if end > p_start:
                has_words = True
                kind = current.kind
                if questions_only and (answered or text[end - 1] != "?"):
                    kind = "answer"
                    answered = True
                turns.append(Turn(current.label, current.label_start, current.note, current.note_start, kind, p_start, end, True, current.label_offset))
                if (current.end == current.start or questions_only and answered) and p_start > last_label:
                    current = None  # after the last label: its one paragraph only
    return turns


_BARE_LABEL = re.compile(rf"{_MARKUP}(?P<label>[^\W\d_][^\W\d_.’'\-]*(?:[ \t]+[^\W\d_][^\W\d_.’'\-]*){{0,{_MAX_LABEL_WORDS - 1}}}){_MARKUP}[ \t]*$")


def _bare_labels(text: str, paragraphs: list[tuple[int, int]], skip: list[tuple[int, int]], names: frozenset[int] = frozenset()) -> list[Turn]:
    """Speaker names alone on their lines with no colon ('TOM REED', then the turn on the lines
    under it), as magazines and some transcripts print a dialogue: in capitals, or in mixed case
    a line that is only a person's name (`names`) or a kind of turn ('Moderator'); such lines
    that recur, two of them at least, taking turns; [] otherwise (a heading is printed once)."""
    found = []
    for i, (p_start, p_end) in enumerate(paragraphs):
        if any(s <= p_start < e for s, e in skip) or i + 1 == len(paragraphs):
            continue
        end = _trim(text, p_start, p_end)
        if p_start in names and 0 < len(text[p_start:end].split()) <= _MAX_LABEL_WORDS:
            label = text[p_start:end]
            found.append(Turn(label, p_start, None, -1, "speaker", end, end))
            continue
        m = _BARE_LABEL.match(text, p_start, end)
        if m is None or _BARE_LABEL.match(text, *paragraphs[i + 1]) and paragraphs[i + 1][0] not in names:
            continue
        label = m.group("label")
        if not label.isupper() and not (names and label.casefold() in _LABEL_KINDS):
            continue
        found.append(Turn(label, p_start, None, -1, _LABEL_KINDS.get(label.split()[0].casefold(), "speaker"), end, end, label_offset=m.start("label") - p_start))
    return _dialogue(found, paragraphs, 3)


def _chairs_by_name(labelled: list[Turn]) -> list[Turn]:
    """'JANE ROE, HOST:' once, then 'ROE:' at each of her turns: the later labels, written with
    the family name alone, are the chair's too."""
    chairs = {t.label.split()[-1].casefold() for t in labelled if t.kind == "chair" and t.note is not None and len(t.label.split()) > 1}
    if not chairs:
        return labelled
    return [dataclasses.replace(t, kind="chair") if t.kind == "speaker" and t.note is None and t.label.split()[-1].casefold() in chairs else t for t in labelled]


def _askers(text: str, labelled: list[Turn]) -> list[Turn]:
    """A speaker label whose every turn asks ('REED: How low is the river?'), printed twice or
    more or with a parenthesis ('JANE ROE (Harbour Daily): …?'), is a questioner's: its turns are
    questions."""
    turns: dict[str, list[Turn]] = {}
    for t in labelled:
        if t.kind == "speaker":
            turns.setdefault(t.label, []).append(t)
    asking = {
        label
        for label, theirs in turns.items()
        if (len(theirs) >= _MIN_TURNS or all(t.note is not None for t in theirs))
        and all(_asks(_first_words(text, t)) for t in theirs)
    }
    return [dataclasses.replace(t, kind="question") if t.kind == "speaker" and t.label in asking else t for t in labelled]


_LINE_UNDER = re.compile(r"\s*([^\n]*)")


def _first_words(text: str, turn: Turn) -> str:
    """A labelled turn's words, or for a label alone on its line the line under it."""
    if turn.end > turn.start:
        return text[turn.start : turn.end]
    m = _LINE_UNDER.match(text, turn.end)
    return m.group(1) if m else ""


def _dialogue(labelled: list[Turn], paragraphs: list[tuple[int, int]], share: int, text: str | None = None) -> list[Turn]:
    """The labelled paragraphs of a dialogue with labels in mixed case or alone on their lines:
    those whose label recurs, when at least two such labels take turns and at least one paragraph
    in `share` from the first label to the last is labelled (a dialogue's turns follow one
    another; a live blog's 'Roe: …' summary lines have reports under them); [] otherwise.
    With `text`, a label printed once whose turn asks ('Reuters: Will you retaliate?') between
    the turns of a recurring one is a questioner's (a briefing labels each question with its
    outlet): a question turn of the dialogue."""
    counts: dict[str, int] = {}
    for t in labelled:
        counts[t.label] = counts.get(t.label, 0) + 1
    recurring = [label for label, n in counts.items() if n >= _MIN_TURNS]
    for label, n in list(counts.items()):
        # 'Spokesperson Lin Wei:' at the first turn, 'Lin Wei:' at the next ones: the same speaker's label.
        same = next((r for r in recurring if n < _MIN_TURNS and label.endswith(" " + r)), None)
        if same is not None:
            counts[label] = counts[same]
    if text is not None and any(counts[t.label] >= _MIN_TURNS for t in labelled):
        labelled = [
            dataclasses.replace(t, kind="question") if counts[t.label] < _MIN_TURNS and t.note is None and t.end > t.start and _asks(text[t.start : t.end]) else t
            for t in labelled
        ]
    kept = [t for t in labelled if counts[t.label] >= _MIN_TURNS or t.note is not None or t.kind in ("question", "chair")]
    alternations = sum(a.label != b.label for a, b in zip(kept, kept[1:]))
    if len({t.label for t in kept if counts[t.label] >= _MIN_TURNS or t.note is not None}) < 1 or len({t.label for t in kept}) < 2 or alternations < _MIN_ALTERNATIONS:
        return []
    spanned = sum(1 for p_start, _ in paragraphs if kept[0].label_start <= p_start <= kept[-1].label_start)
    return kept if len(kept) * share >= spanned else []


def _labelled(text: str, p_start: int, p_end: int) -> Turn | None:
    m = _QA_DOT.match(text, p_start, p_end)
    if m is not None:
        # 'Q. How low is the river?', 'A. Lower than ever.': a question or an answer, a period for the colon
        start = m.end()
        return Turn(m.group("label"), p_start, None, -1, _LABEL_KINDS[m.group("label").casefold()], start, _trim(text, start, p_end), label_offset=m.start("label") - p_start)
    m = _LABEL.match(text, p_start, p_end)
    if m is None:
        dash = _DASH_LABEL.match(text, p_start, p_end)
        if dash is not None and dash.group("label").isupper() and len(dash.group("label").split()) <= _MAX_LABEL_WORDS:
            label = dash.group("label").strip()
            kind = _LABEL_KINDS.get(label.split()[0].casefold().rstrip("."), "speaker")
            start = dash.end()
            return Turn(label, p_start, None, -1, kind, start, _trim(text, start, p_end), label_offset=dash.start("label") - p_start, dashed=True)
    alone = m is None
    if alone:
        m = _LABEL_ALONE.match(text, p_start, p_end)
        if m is None:
            return None
        # 'MINISTER TANAKA:', 'Q:', and in mixed case a name or a kind of turn in capitalised words
        # ('Dr. Jane Roe:', 'Moderator:'); 'Highlights, edited for length:' introduces what follows
        # and names nobody, nor does 'Key figures:'.
        alone_words = m.group("label").split()
        if not (m.group("label").isupper() or all(w[:1].isupper() for w in alone_words)):
            return None
    label = m.group("label").strip()
    words = label.split()
    if not words or len(words) > _MAX_LABEL_WORDS:
        return None
    first = words[0].casefold().rstrip(".")
    # A numbered question or answer: 'Q1:', 'Question 2:', 'Answer 2:'.
    numbered = first[-1:].isdigit() and first.rstrip("0123456789") in _LABEL_KINDS or len(words) == 2 and words[1].isdigit()
    kind = _LABEL_KINDS.get(first.rstrip("0123456789") if first[-1:].isdigit() else first)
    if kind is None:
        if not (label.isupper() or all(w[0].isupper() for w in words)):
            return None  # 'Note that …:', a sentence with a colon
        kind = "speaker"
    elif kind in ("question", "answer") and len(words) > 1 and not label.isupper() and not numbered and words[1].casefold() not in ("from", "by"):
        return None  # 'Questions remain: …', 'A new plan: …' (not 'Question from Reuters: …')
    if re.match(r"\d{1,2}[.)]", text[p_start : p_start + 3]) and kind not in ("question", "answer"):
        return None  # '1. Housing: …', an item of a numbered list; '1. Question: …' is a question
    start = p_end if alone else m.end()
    end = _trim(text, start, p_end)
    note = m.group("note")
    note_start = m.start("note") if note else -1
    post = m.group("post")
    if post is not None:
        # 'Dr. Jane Roe, Director General:': a post in capitals after the name; its head noun may
        # say what kind of turn it is ('JANE ROE, HOST:' chairs). 'Meanwhile, in Paris: …' is no label.
        post_words = post.split()
        if not post_words or not all(w[0].isupper() or w.casefold() in _POST_SMALL_WORDS for w in post_words) or kind == "answer":
            return None
        if kind == "speaker":
            kind = _LABEL_KINDS.get(post_words[-1].casefold().rstrip("."), "speaker")
            if kind == "answer":
                kind = "speaker"
        # else 'Journalist, Radio Horizon:': a question, the outlet after the comma
        note, note_start = post, m.start("post")
    return Turn(label, p_start, note, note_start, kind, start, end, label_offset=m.start("label") - p_start)


# A transcript's closing line: '[END]', '-- END --', 'END OF TRANSCRIPT', '[Transcript ends]', 'ENDS'.
_END_MARK = re.compile(r"[\[(\-—–*# ]*(?:(?i:end(?:s)?(?:\s+of\s+(?:the\s+)?transcript)?|transcript\s+ends))[\])\-—–*#. ]*")


def _stage_note(paragraph: str) -> bool:
    """'[Transcript ends]', '(Applause)', '-- END --': not words anybody said."""
    stripped = paragraph.strip()
    return not stripped or stripped[0] in "[(-—–*#" or stripped.isupper()


def _section_heading(paragraph: str) -> bool:
    """'On the northern border', 'Prices and wages': a short line with no punctuation closing a
    sentence, a section's heading between turns, not the turn before it going on."""
    stripped = paragraph.strip()
    words = stripped.split()
    return 0 < len(words) <= _MAX_HEADING_WORDS and stripped[-1] not in ".!?…,;:\"”’'" and stripped[0].isupper()


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def interview_cues(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the phrases in text[start:end] that say the article is an interview,
    leaving out an interviewer's byline ('Interview by Jane Roe')."""
    out = []
    for m in _CUES.finditer(text, start, end):
        if _BYLINE_AFTER.match(text, m.end()):
            continue
        out.append((m.start(), m.end()))
    return out


def _paragraphs_from(text: str, start: int, body_end: int, skip) -> Iterator[tuple[int, int]]:
    """(start, end) of the non-empty paragraphs from `start` to `body_end`, trimmed, past an
    opening dash, leaving out those that begin inside a `skip` range."""
    for m in re.finditer(r"[^\n]+", text[:body_end]):
        p_start, p_end = m.start(), _trim(text, m.start(), m.end())
        if p_start < start or p_end <= p_start or any(s <= p_start < e for s, e in skip):
            continue
        yield _after_dash(text, p_start, p_end), p_end


def unlabelled_turns(text: str, start: int, body_end: int, skip: list[tuple[int, int]] = ()) -> list[Turn]:
    """An interview's questions and answers printed with no labels, in the paragraphs from
    `start` (after the introduction that names the interviewee): a question is a paragraph that
    asks ('… Will you meet it?'), or a short prompt between two answers ('Markets do not seem
    convinced.'); the paragraphs under a question, the answer. [] when fewer than
    _MIN_ASKED questions ask (_MIN_FEW_ASKED when each is answered in the first person), or when the first comes more than _MAX_INTRO_PARAGRAPHS
    paragraphs after `start`. The Q&A ends at a paragraph that could be neither (an answer
    that asks, a question of two paragraphs); the caller ends it where the narration resumes."""
    paragraphs = []
    for p_start, p_end in _paragraphs_from(text, start, body_end, skip):
        paragraph = text[p_start:p_end]
        if _section_heading(paragraph) or (_stage_note(paragraph) and not _asks(paragraph)):
            continue  # 'On the budget': a heading between the exchanges ('**Will you …?**' is a question)
        paragraphs.append((p_start, p_end))
    asks = _asking(text, paragraphs)
    first = next((i for i, a in enumerate(asks) if a), None)
    if first is None or first > _MAX_INTRO_PARAGRAPHS:
        return []
    turns: list[Turn] = []
    asked = 0
    previous = None  # the kind of the paragraph before
    for i in range(first, len(paragraphs)):
        p_start, p_end = paragraphs[i]
        next_asks = i + 1 < len(paragraphs) and asks[i + 1]
        if previous is None or (previous == "answer" and asks[i]):
            kind = "question"
        elif previous == "question":
            if asks[i]:
                break  # a question of two paragraphs, or no answer: not a Q&A this function can read
            kind = "answer"
        elif _prompt(text[p_start:p_end]) and i + 1 < len(paragraphs) and not next_asks:
            kind = "question"  # a short statement put to the interviewee, answered in the next paragraph
        else:
            kind = "answer"  # the answer before, going on
        asked += kind == "question" and asks[i]
        turns.append(Turn("", p_start, None, -1, kind, p_start, p_end, kind == "answer" and previous == "answer"))
        previous = kind
    if asked >= _MIN_ASKED or asked >= _MIN_FEW_ASKED and _first_person_answers(text, turns) == asked:
        return turns
    return []


# '— Will you run again?', '— No.': a dash opening each turn of an exchange, as many outlets print
# an interview; the words after it are the turn's.
_TURN_DASH = re.compile(r"[—–][ \t]*(?=\S)|-[ \t]+(?=\S)")


def _after_dash(text: str, p_start: int, p_end: int) -> int:
    """Where a paragraph's words start after a dash opening a turn ('— No.'), else p_start."""
    m = _TURN_DASH.match(text, p_start, p_end)
    return m.end() if m is not None and m.end() < p_end and text[m.end()].isalnum() else p_start


def _asking(text: str, paragraphs: list[tuple[int, int]]) -> list[bool]:
    """Which paragraphs ask a question of the interviewee. A paragraph ending with a question mark
    does, but an answer may end by asking too ('… and what do you tell a farmer whose field is
    dust?'): in a run of such paragraphs the last one asks, the one before it answers the one
    before that, and so on back."""
    ends = [_asks(text[s:e]) for s, e in paragraphs]
    out = [False] * len(ends)
    i = len(ends) - 1
    while i >= 0:
        if not ends[i]:
            i -= 1
            continue
        run_end = i
        while i >= 0 and ends[i]:
            out[i] = (run_end - i) % 2 == 0
            i -= 1
    return out


def _asks(paragraph: str) -> bool:
    """Whether the paragraph ends with a question mark ('**Will you meet it?**' too)."""
    return paragraph.rstrip("*_ \t").endswith("?")


def _prompt(paragraph: str) -> bool:
    """A short statement of one or two sentences, no quote marks: how an interviewer puts a point
    to the interviewee ('Markets do not seem convinced. Debt reached 78.6% of GDP in April.')."""
    sentences = re.findall(r"[.!](?:\s|$)", paragraph)
    return len(paragraph) <= _MAX_PROMPT_CHARS and len(sentences) <= 2 and not re.search(r"[“”\"‘]", paragraph)


# An interview no cue announces is known by its shape: a few paragraphs of introduction, then
# paragraphs that ask, each answered by the paragraphs under it, in the first person.
_MAX_SHAPE_INTRO = 4  # paragraphs between the headline and the first question
FIRST_PERSON = re.compile(r"\b(?:I|I[’']\w+|[Mm][ey]|[Ww]e|[Ww]e[’']\w+|[Uu]s|[Oo]urs?|[Mm]ine)\b")
_MIN_FIRST_PERSON_SHARE = 0.5  # of the answers: an explainer's own answers ('What is …?') speak of nobody's 'I'


def question_after_intro(text: str, start: int, body_end: int, skip: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs that introduce an interview printed without labels or cue,
    in order: the paragraphs of sentences (ending with a period or a colon, quoting nobody) before the first
    paragraph that asks, within the first _MAX_SHAPE_INTRO paragraphs from `start`, with nothing
    but short lines (a byline, a date) between the last of them and the question. [] when the
    article does not open that way."""
    seen = 0
    intro: list[tuple[int, int]] = []
    last_is_intro = False
    for p_start, p_end in _paragraphs_from(text, start, body_end, skip):
        paragraph = text[p_start:p_end]
        if _asks(paragraph):
            return intro if last_is_intro else []
        seen += 1
        if seen > _MAX_SHAPE_INTRO:
            return []
        # An introduction ends with a period, or with a colon leading into the exchanges ('…
        # that growth will hold. Edited excerpts:').
        if paragraph.rstrip("*_ ")[-1:] in (".", ":") and not re.search(r"[“”\"]", paragraph):
            intro.append((p_start, p_end))
            last_is_intro = True
        elif len(paragraph.split()) > _MAX_HEADING_WORDS:
            last_is_intro = False  # a paragraph that is neither: not an introduction right before the questions
    return []


def _first_person_answers(text: str, turns: list[Turn]) -> int:
    """How many of the questions are answered (in the paragraphs under them) in the first person."""
    answers: list[bool] = []
    for t in turns:
        if t.kind == "question":
            answers.append(False)
        elif t.kind == "answer" and answers:
            answers[-1] = answers[-1] or bool(FIRST_PERSON.search(text, t.start, t.end))
    return sum(answers)


def answered_in_first_person(text: str, turns: list[Turn]) -> bool:
    """Whether at least half the answers (the paragraphs under one question) speak in the first
    person ('I', 'we', 'our'): an interviewee's, not a writer's own answers to questions put as
    headings."""
    answers: list[bool] = []
    for t in turns:
        if t.kind == "question":
            answers.append(False)
        elif t.kind == "answer" and answers:
            answers[-1] = answers[-1] or bool(FIRST_PERSON.search(text, t.start, t.end))
    return bool(answers) and sum(answers) >= _MIN_FIRST_PERSON_SHARE * len(answers)


# Interview highlights grouped by topic: 'On the rate outlook: We are in a good place.', a bullet
# before it ('- On rates: …', '• On rates: …'), or 'On inflation:' alone on its line with the
# words in the paragraph under it.
_TOPIC = re.compile(r"(?:[•·▪][ \t]*)?(?P<label>On[ \t]+[^:\n“”\"]{1,60}?)[ \t]*:[ \t]*")
_MIN_TOPICS = 2


def topic_turns(text: str, start: int, body_end: int, skip: list[tuple[int, int]] = ()) -> list[Turn]:
    """The answers of interview highlights printed by topic ('On inflation: Services inflation is
    still too high.'), from `start`: one turn per topic, its words after the colon or in the one
    paragraph under a topic alone on its line. Only a run of such topics, _MIN_TOPICS at least,
    with nothing else between them; [] otherwise. The caller says whose they are."""
    turns: list[Turn] = []
    pending: Turn | None = None  # a topic alone on its line, waiting for its paragraph
    started = False
    for p_start, p_end in _paragraphs_from(text, start, body_end, skip):
        m = _TOPIC.match(text, p_start, p_end)
        if m is not None and m.group("label").split()[1][:1].isalpha():
            if pending is not None:
                break  # two topics with nothing under the first: not highlights
            started = True
            label = m.group("label")
            if m.end() < p_end:
                turns.append(Turn(label, p_start, None, -1, "answer", m.end(), p_end, label_offset=m.start("label") - p_start))
            else:
                pending = Turn(label, p_start, None, -1, "answer", p_end, p_end, label_offset=m.start("label") - p_start)
        elif pending is not None:
            turns.append(dataclasses.replace(pending, start=p_start, end=p_end, continued=True))
            pending = None
        elif started:
            break  # the report going on after the highlights
    return turns if len(turns) >= _MIN_TOPICS else []
