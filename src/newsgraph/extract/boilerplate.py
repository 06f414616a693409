"""Telling the article from the site furniture around it.

News pages copied as text end with navigation, donation appeals, correction notes and
ad-blocker pleas. Everything from the first such line on is boilerplate: `find_body_end`
returns where it starts. Furniture inside the article (a "Read also: …" link, a photo
caption, a membership appeal between two paragraphs) does not end it: `find_inline_furniture`
gives those lines, which the extractor leaves out. The patterns are generic phrases of
that furniture, not tied to one site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.text import word_set

# A line that *is* a furniture heading on its own ("Related:", "Related Posts", "Read more").
_HEADING_LINE = re.compile(
    r"^\s*(?:related(?:\s+(?:posts?|articles?|stories|news|content|reading|topics|coverage|links|reports))?|"
    r"(?:read\s+)?more(?:\s+(?:on\s+this\s+topic|stories|news|from\s+\w+))?|read\s+also|see\s+also|you\s+may\s+also\s+like|"
    r"recommended(?:\s+for\s+you)?|popular|most\s+read|trending|tags?|topics|keywords|share(?:\s+this(?:\s+article)?)?|print|"
    r"advertisement|comments?|leave\s+a\s+(?:reply|comment)|subscribe)\s*:?\s*$",
    re.IGNORECASE,
)
# A page widget copied with the text ("Share this article", "Print", "Advertisement"): pages print it
# under the lead as often as under the last paragraph, so it ends the article only when no more
# article follows it. So does a lone "Comment": a page's comment button, or a release's section
# heading before an official's comment on the figures.
_WIDGET_LINE = re.compile(
    r"^\s*(?:share(?:\s+this(?:\s+(?:article|story|page))?)?|print(?:\s+this\s+(?:article|story|page))?|advertisement|comment)\s*:?\s*$",
    re.IGNORECASE,
)
# A bar of page buttons on one line: "Share | Save | 214 comments", "Print · Email · Comments (12)".
_WIDGET_CELL = r"(?:share|save|print|e-?mail|reply|tweet|like|comments?|\d[\d,]*\s+comments?|comments?\s*\(\d[\d,]*\))"
_WIDGET_BAR = re.compile(rf"^\s*{_WIDGET_CELL}(?:\s*[|·•]\s*{_WIDGET_CELL})+\s*$", re.IGNORECASE)
#: Short lines (sub-headings) a widget line may stand before the article's prose goes on.
_MAX_SHORT_AFTER_WIDGET = 2

# A line that marks the end of a release or transcript: "***", "###", "-30-", "ENDS", "-- END --",
# "[END]", "END OF TRANSCRIPT"; and a release's reference line: "(Release ID: 2107745)", "AD/KS/SK".
_END_MARK = re.compile(
    r"^\s*(?:[*#=~_-]{3,}|-30-|[\[(-]*\s*ends?\s*[\])-]*|end\s+of\s+(?:transcript|release|statement|text)|"
    r"\(?release\s+id\s*:.*|[A-Z]{1,4}(?:/[A-Z]{1,4}){1,5})\s*$",
    re.IGNORECASE,
)

# Phrases that only furniture uses, anywhere in a line.
_FURNITURE_PHRASE = re.compile(
    r"join\s+our\s+community|become\s+a\s+(?:patron|member|supporter|subscriber)|"
    # "Support us": an appeal only as an imperative opening a sentence ("partners support us" is prose).
    r"(?:^|[.!]\s+)(?:please\s+)?support\s+(?:us|our\s+(?:work|journalism|newsroom|reporting))\b|donat(?:e|ion)s?\s+(?:to\s+us|now|here)|"
    r"to\s+suggest\s+a\s+correction|highlight\s+the\s+text\s+and\s+press|ctrl\s*\+\s*enter|"
    r"ad[\s-]?blocker|disabl(?:e|ing)\s+your\s+ad|whitelist\s+(?:us|our\s+site)|"
    r"sign\s+up\s+for\s+(?:our|the)\s+newsletter|subscribe\s+to\s+(?:our|the)\s+newsletter|"
    r"all\s+rights\s+reserved|©|copyright\s+\d{4}|you\s+could\s+close\s+this\s+page|"
    r"follow\s+us\s+on\s+(?:twitter|facebook|telegram|x\b)|please\s+leave\s+your\s+suggestions|"
    r"we\s+are\s+an\s+independent\s+media\s+outlet|relies?\s+solely\s+on\s+advertising|"
    r"found\s+a\s+(?:spelling\s+)?(?:mistake|error|typo)|support\s+(?:independent|ukrainian)\s+journalism|"
    r"become\s+a\s+(?:member|subscriber)|subscribe\s+to\s+our|sign\s+up\s+to\s+(?:our|receive)|"
    r"share\s+(?:on|via)\s+(?:facebook|twitter|x|telegram|whatsapp|linkedin)|"
    r"if\s+you\s+(?:like|liked|value|appreciate)\s+(?:this|our)\s+(?:article|work|journalism|reporting)|"
    r"(?:this\s+)?(?:article|material|content)\s+(?:was|is)\s+(?:produced|published|prepared)\s+with\s+(?:the\s+)?(?:support|funding)|"
    r"reproduction\s+(?:is\s+)?(?:prohibited|permitted\s+only)|when\s+citing\s+(?:and\s+)?using\s+(?:any\s+)?materials|"
    r"read\s+this\s+(?:release|article|story|page)\s+in\s*:",
    re.IGNORECASE,
)

#: A paragraph at least this long is article prose, not a headline or a furniture line.
LONG_PARAGRAPH = 160


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # exclusive, before the newline
    text: str


# Cached: the steps ask for the lines of the same body (or footer) several times each.
@lru_cache(maxsize=32)
def lines_of(text: str) -> tuple[Line, ...]:
    """The lines of `text` with their offsets (newline characters excluded)."""
    out = []
    for match in re.finditer(r"[^\n]*", text):
        if match.start() > 0 and match.start() == match.end() and text[match.start() - 1 : match.start()] != "\n":
            continue  # the empty match re.finditer yields right after a non-empty one
        out.append(Line(match.start(), match.end(), match.group()))
    return tuple(out)


# "Tags: Defence, Ukraine, Drones": a list of topic labels, not a sentence.
_LABEL_LIST = re.compile(r"^\s*(?:tags?|topics?|keywords|filed\s+under|categories)\s*:\s*[^.!?]*$", re.IGNORECASE)

# "Photo: Ministry of Defence", "Photo by …", "Illustrative photo": a caption or credit line.
_CAPTION = re.compile(
    r"^\s*(?:(?:illustrative\s+|cover\s+|main\s+|featured\s+|file\s+)?(?:photo|photograph|image|picture|illustration|video)"
    r"(?:\s+(?:credit|source|illustration))?\s*(?::|by\b)|(?:photo|image)\s+credit\b)",
    re.IGNORECASE,
)


# Cached: the same lines are asked about by find_body_end (again for each line after a furniture
# line), find_inline_furniture and find_publisher, and once more when the text to parse is made;
# the phrase pattern is slow on long paragraphs, and the answer depends on the line alone.
@lru_cache(maxsize=1024)
def is_furniture(line: str) -> bool:
    """Whether a line is site furniture rather than article text.

    A line with quotation marks is someone's words, whatever phrase it contains.
    """
    if _HEADING_LINE.match(line) or _LABEL_LIST.match(line) or _WIDGET_BAR.match(line):
        return True
    if _END_MARK.match(line) and (re.fullmatch(r"\s*ends?\s*", line, re.IGNORECASE) or not re.fullmatch(r"\s*[A-Z]{1,4}\s*", line)):
        return True  # not a lone short word in capitals: "AD/KS" is a reference, "NATO" may be a line's text
    return not re.search(r"[“”\"]", line) and bool(_FURNITURE_PHRASE.search(line))


def is_caption(line: str) -> bool:
    """Whether a line is a photo caption or credit ("Photo: …"), not a sentence of the article."""
    return len(line) < LONG_PARAGRAPH and not re.search(r"[“”\"]", line) and bool(_CAPTION.match(line))


def _is_prose(line: str) -> bool:
    """A long paragraph of the article: not furniture, not a cross-link, not a caption."""
    return len(line) >= LONG_PARAGRAPH and not is_furniture(line) and not _CROSS_LINK.match(line) and not is_caption(line)


# A cross-link to another story: "Read also: …", "See also: …", "Related: …".
_CROSS_LINK = re.compile(r"^\s*(?:read\s+(?:also|more)|see\s+also|related|also\s+read|more\s+on\s+this)\s*:", re.IGNORECASE)


def find_body_end(text: str) -> int:
    """Offset where the boilerplate after the article starts (len(text) when there is none).

    The first furniture line after the first long paragraph ends the article, together
    with the cross-link lines ("Read also: …") right before it; trailing whitespace before
    it is left out of the body. A furniture line followed by another long paragraph of prose
    (an appeal printed between two paragraphs) is inside the article and does not end it.
    """
    seen_prose = False
    links_from: int | None = None  # start of a run of cross-link lines just before this line
    lines = lines_of(text)
    for n, line in enumerate(lines):
        stripped = line.text.strip()
        if not stripped:
            continue
        if seen_prose and is_furniture(stripped) and not _prose_follows(lines, n):
            cut = line.start if links_from is None else links_from
            return len(text[:cut].rstrip())
        if _CROSS_LINK.match(stripped):
            links_from = line.start if links_from is None else links_from
        else:
            links_from = None
        if len(stripped) >= LONG_PARAGRAPH:
            seen_prose = True
    if links_from is not None:
        return len(text[:links_from].rstrip())
    return len(text.rstrip())


def _prose_follows(lines: tuple[Line, ...], n: int) -> bool:
    """Whether the article goes on after line n: the next non-empty line is a long paragraph of
    prose, and so is another one before the next furniture line (one paragraph alone may be a
    footer's "about us" text). After a page widget ("Share this article") sub-headings may come
    first ('On the budget' before an interview's next answer)."""
    here = lines[n].text.strip()
    widget = bool(_WIDGET_LINE.match(here))
    if not widget and (_HEADING_LINE.match(here) or _LABEL_LIST.match(here)):
        return False  # "Related:", "Tags: …" head the footer whatever follows them
    prose = 0
    short = 0
    for line in lines[n + 1 :]:
        stripped = line.text.strip()
        if not stripped:
            continue
        if is_furniture(stripped):
            break
        if _is_prose(stripped):
            prose += 1
        elif prose == 0:
            short += 1
            if not widget or short > _MAX_SHORT_AFTER_WIDGET:
                return False
        if prose >= 2:
            return True
    return False


def find_inline_furniture(text: str, body_end: int, headline: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """Spans of the furniture lines inside the body: cross-links ("Read also: …"), photo
    captions and appeals printed between paragraphs. The headline is never one of them."""
    out = []
    for line in lines_of(text[:body_end]):
        stripped = line.text.strip()
        if not stripped or (headline is not None and headline[0] <= line.start + len(line.text) - len(line.text.lstrip()) < headline[1]):
            continue
        if _CROSS_LINK.match(stripped) or is_caption(stripped) or is_furniture(stripped):
            lead = len(line.text) - len(line.text.lstrip())
            out.append((line.start + lead, line.start + lead + len(stripped)))
    return out


def find_headline(text: str, body_end: int) -> tuple[int, int] | None:
    """Span of the headline: the first non-empty line, when it stands before the prose.

    A first line that is already a long paragraph is prose, not a headline.
    """
    for line in lines_of(text[:body_end]):
        stripped = line.text.strip()
        if not stripped:
            continue
        if len(stripped) >= LONG_PARAGRAPH or stripped.endswith((".", "!", "?", ":")) and len(stripped) > 120:
            return None
        lead = len(line.text) - len(line.text.lstrip())
        return (line.start + lead, line.start + lead + len(stripped))
    return None


def find_duplicate_lines(text: str, body_end: int) -> list[tuple[int, int]]:
    """Spans of lines in the head of the article that repeat an earlier line word for word.

    Pages often print the headline (or subtitle) twice; the repeat is not a second claim.
    Only lines before the first long paragraph are considered.
    """
    seen: set[str] = set()
    out = []
    for line in lines_of(text[:body_end]):
        stripped = " ".join(line.text.split())
        if not stripped:
            continue
        if len(stripped) >= LONG_PARAGRAPH:
            break
        if stripped in seen:
            lead = len(line.text) - len(line.text.lstrip())
            out.append((line.start + lead, line.start + lead + len(line.text.strip())))
        seen.add(stripped)
    return out


# A publisher's name: a few capitalised words, often ending in a press word.
PUBLISHER_WORD = r"(?:Press|News|Times|Post|Herald|Journal|Telegraph|Gazette|Daily|Weekly|Review|Insider|Monitor|Tribune|Observer|Guardian|Independent|Media|Radio|TV|Today|Pravda|Report|Agency)"
# "© 2024 Baltic News Network. All rights reserved."
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[A-Z][\w&’' -]{1,40}?[\w])\s*(?:[.,|]|all\s+rights|$)", re.IGNORECASE | re.MULTILINE)
_PRESS_NAME = re.compile(r"\b(?:at|for|from|of|by|with|to)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w’'&.-]*\s+){0,3}" + PUBLISHER_WORD + r")\b")
_NAME_LINE = re.compile(r"^(?:[A-Z][\w’'&.-]*|of|the|and)(?:\s+(?:[A-Z][\w’'&.-]*|of|the|and)){0,4}$")


def find_publisher(text: str, body_end: int) -> tuple[str, int, int] | None:
    """The publisher's name written alone on a line of the footer, with its span, or None.

    A short line of capitalised words in the boilerplate that is not a furniture heading
    ("Related Posts") is taken for the site's name; one ending in a press word
    ("… Press", "… News") is preferred.
    """
    candidates = []
    for line in lines_of(text[body_end:]):
        stripped = line.text.strip()
        if not stripped or is_furniture(stripped) or len(stripped) > 40 or not _NAME_LINE.match(stripped):
            continue
        words = stripped.split()
        if len(words) < 2 and not re.search(PUBLISHER_WORD + r"$", stripped):
            continue  # a single word alone is too often a menu item
        lead = len(line.text) - len(line.text.lstrip())
        start = body_end + line.start + lead
        press = bool(re.search(r"\b" + PUBLISHER_WORD + r"$", stripped))
        candidates.append((0 if press else 2, start, stripped))
    # "… is a news editor at the Kyiv Independent": a name ending in a press word inside a footer line.
    for line in lines_of(text[body_end:]):
        for m in _PRESS_NAME.finditer(line.text):
            candidates.append((1, body_end + line.start + m.start("name"), m.group("name")))
    for m in _COPYRIGHT.finditer(text, body_end):
        if m.group("name")[0].isupper():
            candidates.append((0, m.start("name"), m.group("name").strip()))
    if not candidates:
        return None
    _, start, name = min(candidates)
    return name, start, start + len(name)


# ----------------------------------------------------------------------------- lines that frame the text


@dataclass(frozen=True)
class Dateline:
    """'FOZ DO IGUAÇU, Brazil, Dec 20, 2025 (Reuters) - …': where and by whom a wire story was filed."""

    place: tuple[int, int]  # "FOZ DO IGUAÇU"
    region: tuple[int, int] | None  # "Brazil"
    source: tuple[int, int] | None  # "Reuters" (never a "Reuters-style" imitation)
    end: int  # the offset after the dash (or colon) that closes the dateline


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH_WORD}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_WORD})(?:,?\s+\d{{4}})?"
_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
    r"(?:,\s*(?P<region>[A-Z][\w’'.]*(?:\s+[A-Z][\w’'.]*){0,2}))?"
    rf"(?:,?\s+(?P<date>{_DATE}))?"
    r"\s*(?:\((?P<source>[^()\n]{2,40})\))?"
    r"\s*(?P<dash>[-–—]|:)\s+(?=\S)"
)


def find_dateline(text: str, body_end: int, headline: tuple[int, int] | None = None) -> Dateline | None:
    """The dateline opening the first paragraph of the story, or None.

    The place is written in capitals ("FRANKFURT -", "SANTA FE —"), or in ordinary case with a
    date or a source after it ("Mumbai, April 8 (PTI):"). A colon closes a dateline only after a
    source ("(PTI):"): "MINISTER TANAKA:" is a speaker's label, not a place."""
    for line in lines_of(text[:body_end]):
        stripped = line.text.strip()
        if not stripped or headline is not None and line.start <= headline[0] < line.end:
            continue
        lead = len(line.text) - len(line.text.lstrip())
        m = _DATELINE.match(text, line.start + lead, line.end)
        if m is None or len(stripped) < 60:
            if len(stripped) >= LONG_PARAGRAPH:
                return None  # the first paragraph of prose does not open with a dateline
            continue
        place = m.group("place")
        if sum(c.isalpha() for c in place) < 3 or m.group("source") and "," in m.group("source"):
            return None  # "Q (Jane Roe, Daily News): …" introduces a question
        capitals = place.isupper()
        if m.group("dash") == ":" and not m.group("source"):
            return None
        if not capitals and not (m.group("date") or m.group("source")):
            return None
        source = m.span("source") if m.group("source") else None
        if source is not None:
            inner = text[source[0] : source[1]]
            if re.search(r"-style\b|\bstyle\b", inner, re.IGNORECASE) or not inner[:1].isupper():
                source = None  # "(Reuters-style)": a manner of writing, not the agency
        region = m.span("region") if m.group("region") else None
        return Dateline(place=m.span("place"), region=region, source=source, end=m.end())
    return None


# "By DANIEL OKAFOR and CHIARA BENEDETTI", "Reporting by Jane Roe; Editing by Jan Doe",
# a live blog's "… | Live coverage by Jane Roe and Jan Doe".
_BYLINE = re.compile(
    r"(?:^|(?<=[;|]\s)|(?<=[;|]))\s*(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|written|produced)\s+|(?:live\s+)?(?:coverage|updates|blog)\s+)?by\s+"
    # "--With assistance from Jane Roe and Jan Doe.": a wire's credit line for the reporters who helped
    r"|^[-–—\s]*with\s+(?:additional\s+)?assistance\s+(?:from|by)\s+",
    re.IGNORECASE,
)
_BYLINE_PLACE = re.compile(r"\s+in\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?(?=\s*(?:,|and\b|&|$))")
_BYLINE_NAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|da|van|von|bin|al|le|la|del|der|du)){1,3}")

# More name words after the longest name a byline gives: the words are a post and a name in a
# sentence ("by Foreign Minister Jan van Roe following …"), not a reporter's name.
_NAME_RUNS_ON = re.compile(r"\s+(?:(?:de|da|van|von|bin|al|le|la|del|der|du)\s+)?[A-Z]")

# Words of a newsroom post written after a byline's name: "By Jane Roe, Defence Editor".
_NEWSROOM_WORDS = word_set("newsroom-words.txt")
# "International Affairs and Defence Section", "Business Desk": the rest of a byline's item, up to the
# next comma, ending on the word of a newsroom's desk or an office's unit (not a name's last word).
_BYLINE_UNIT = re.compile(
    r"[^,;|\n]*?\b(?:" + "|".join(sorted(w.capitalize() for w in _NEWSROOM_WORDS | word_set("office-units.txt"))) + r")\s*(?:[,;|]|$)",
    re.MULTILINE,
)


def find_bylines(text: str, body_end: int) -> list[tuple[int, int]]:
    """Spans of the names in bylines and reporting credits ("By Jane Roe and Jan Doe",
    "Reporting by Jane Roe; Editing by Jan Doe"): short lines, or the credit line ending a wire story."""
    out: list[tuple[int, int]] = []
    for line in lines_of(text):
        stripped = line.text.strip()
        if not stripped or len(stripped) > 200:
            continue
        for by in _BYLINE.finditer(line.text):
            if by.start() > 0 and line.text[: by.start()].strip() and not re.search(r"[;|]\s*$", line.text[: by.start()]):
                continue  # "… said by phone": 'by' inside a sentence
            k = by.end()
            while True:
                m = _BYLINE_NAME.match(line.text, k)
                if m is None or any(w.casefold() in _NEWSROOM_WORDS for w in m.group().split()):
                    break  # "By Jane Roe, Economics Editor": the post, not a second name
                if k > by.end() and _BYLINE_UNIT.match(line.text, k):
                    break  # "By Jane Roe, International Affairs and Defence Section": her desk, not more names
                if _NAME_RUNS_ON.match(line.text, m.end()):
                    break  # "by NATO Secretary General Pieter van Aalst following …": a post and a name, not a byline's name
                if _titled_name(m.group()):
                    break  # "Remarks by NATO Secretary General Jane Roe": who speaks, by her post; no reporter's credit
                name_end = m.end() - 1 if re.search(r"[^\W\d_]{3,}\.$", m.group()) and not m.group().endswith(("Jr.", "Sr.")) else m.end()
                out.append((line.start + m.start(), line.start + name_end))  # "… Jan Roe." ends the credit line
                # "By Jane Roe in Brussels and Jan Doe in Warsaw": where each reporter filed from
                where = _BYLINE_PLACE.match(line.text, m.end())
                sep = re.match(r"\s*(?:,|and|&)\s*", line.text[where.end() if where else m.end() :])
                if sep is None:
                    break
                k = (where.end() if where else m.end()) + sep.end()
    return out


def _titled_name(words: str) -> bool:
    """Whether the words after 'by' open with a post or a body's acronym before more capitalised
    words ('Secretary General Jane Roe', 'NATO Secretary General Jane'): a reporter's credit names
    the reporter bare; a post before the name says who spoke or wrote in office."""
    parts = words.split()
    first = parts[0]
    if len(parts) >= 2 and first.isupper() and len(first) >= 2 and not parts[1].isupper():
        return True  # "NATO Secretary …" (an all-capitals byline, "By JANE ROE", is all capitals)
    return any(w.casefold().strip(".") in _TITLE_HEADS for w in parts[:-1])


# "MINISTER TANAKA:", "SENIOR DEPUTY GOVERNOR OH:", "Q:", "A:" at the start of a line of a transcript.
# Any letters here; the label is then kept only when it is all capitals ('WRÓBLEWSKA' too).
_SPEAKER_LABEL = re.compile(
    r"(?P<label>[^\W\d_](?:[^\W\d_]|[.’'-])*(?:\s+[^\W\d_](?:[^\W\d_]|[.’'-])*){0,5})"
    r"(?:[ \t]*\((?P<note>[^()\n]{1,160})\))?\s*:\s"  # "JANE ROE (Chief Executive, Acme Rail): …"
)


def find_speaker_labels(text: str, body_end: int) -> list[tuple[int, int]]:
    """Spans of the speaker labels that open lines of a transcript: "MINISTER TANAKA:", "Q:".
    The span covers the label's words, not the colon."""
    out = []
    for line in lines_of(text[:body_end]):
        lead = len(line.text) - len(line.text.lstrip())
        m = _SPEAKER_LABEL.match(text, line.start + lead, line.end)
        if m is None or not m.group("label").isupper() or m.group("note") and not post_and_body(m.group("note")):
            continue  # a parenthesis naming a questioner ("MODERATOR (Jane Roe, …):") is read apart
        dateline = _DATELINE.match(text, line.start + lead, line.end)
        if dateline is not None and (dateline.group("source") and not m.group("note") or dateline.group("date")):
            continue  # "LONDON, March 3 (PTI): …" opens a story
        out.append(m.span("label"))
    return out


# "Q (Jane Roe, Daily News): …", "Q: Jane Roe, Daily News. …", "MODERATOR (Assistant Secretary Jan Roe, DFA):"
_QUESTIONER = re.compile(
    r"[A-Z][A-Z.’'-]*(?:\s+[A-Z][A-Z.’'-]*){0,3}\s*\((?P<who>[^,()\n]{3,60}),\s*(?P<outlet>[^()\n]{2,60})\)\s*:"
    r"|(?:Q|QUESTION|REPORTER|JOURNALIST)\s*:\s*(?P<who2>[A-Z][^,.:()\n]{2,40}),\s*(?P<outlet2>[A-Z][^,.:()\n]{1,50})\.\s"
)


# The words of posts ("Chief", "Executive", "Minister"): a parenthesis of them alone names nobody.
_TITLE_HEADS = word_set("title-heads.txt")
_TITLE_WORDS = _TITLE_HEADS | word_set("title-modifiers.txt")
def post_and_body(note: str) -> bool:
    """'Chief Executive, Acme Rail': a label's parenthesis giving a post (its words all words of
    posts) and then whose it is: the label before it names the speaker, no questioner."""
    post, comma, _ = note.partition(",")
    words = [w.casefold().strip(".") for w in post.split()]
    if not comma or not any(w in _TITLE_WORDS for w in words):
        return False
    # "Assistant Secretary Jane Roe": a post and then a name (two words or more, right after a
    # word of the post), a questioner's; not "Minister of Finance", "Secretary for Northern Ireland".
    n = len(words)
    while n > 0 and words[n - 1] not in _TITLE_WORDS and words[n - 1] not in ("of", "for", "and", "&", "the"):
        n -= 1
    return not (len(words) - n >= 2 and n > 0 and words[n - 1] in _TITLE_WORDS)


_OUTLET_WORD = re.compile(r"\b(?:" + "|".join(sorted(word_set("outlet-words.txt"))) + r")\b", re.IGNORECASE)


def find_questioners(text: str, body_end: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(name span, outlet span) of the people a transcript's labels introduce with their outlet:
    "Q (Jane Roe, Daily News): …", "Q: Jane Roe, Daily News. Governor, …". A transcript that
    writes the outlet first ("Q (Radio Kanem, Jane Roe):", told by the press words of its
    outlets' names) writes it first on every line."""
    out = []
    for line in lines_of(text[:body_end]):
        lead = len(line.text) - len(line.text.lstrip())
        m = _QUESTIONER.match(text, line.start + lead, line.end)
        if m is None:
            continue
        who, outlet = ("who", "outlet") if m.group("who") else ("who2", "outlet2")
        if post_and_body(text[m.start(who) : m.end(outlet)]):
            continue  # "JANE ROE (Chief Executive, Acme Rail):": the speaker's post and body, not a questioner
        out.append((m.span(who), m.span(outlet)))
    press_first = sum(bool(_OUTLET_WORD.search(text, *w)) - bool(_OUTLET_WORD.search(text, *o)) for w, o in out)
    return [(o, w) for w, o in out] if press_first > 0 else out
