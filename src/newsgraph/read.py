"""Reading articles: plain text, text with YAML front matter, HTML pages and http(s) URLs.
(Extraction records are read by `newsgraph.record`.)

Whatever the input, the `Article.text` made here is the text every offset refers to and
the text that is published (schema:text), so `text[start:end] == exact` can be checked by
anyone from the graph alone.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterator
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import yaml

from newsgraph._files import read_input
from newsgraph._yaml import YAMLLimitError, load_yaml
from newsgraph.errors import FetchRefused, InputError, NotEnglish
from newsgraph.fetch import FetchedPage, Fetcher, fetch_url
from newsgraph.model import Article
from newsgraph.namespaces import url_problem
from newsgraph.text import slugify

#: Files larger than this are refused: no news article is 20 MB of text.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

#: Front-matter keys that become article metadata ("date" is the common spelling of "published").
FRONT_MATTER_KEYS = ("title", "url", "published", "date", "author", "publisher", "language")

_URL = re.compile(r"^https?://", re.IGNORECASE)


def read_article(source: Path | str, *, allow_private: bool = False, fetch: Fetcher | None = None) -> Article:
    """Read an article from a file or an http(s) URL.

    The content decides how it is read, not the file name: plain UTF-8 text, text with a
    YAML front-matter block, or an HTML page (main text by trafilatura, metadata from the
    page). Raises InputError (unreadable), NotEnglish, or a FetchError subclass for URLs.
    `fetch` replaces the HTTP client (tests); `allow_private` permits loopback, private and
    link-local hosts and file: URLs.
    """
    if isinstance(source, str) and _URL.match(source):
        page = (fetch or fetch_url)(source, allow_private=allow_private)
        return _article_from_page(source, page)
    if isinstance(source, str) and source.lower().startswith("file:"):
        if not allow_private:
            raise FetchRefused(f"{source}: file: URLs are refused (use --allow-private to read local files by URL)")
        source = Path(url2pathname(urlsplit(source).path))
    path = Path(source)
    return read_article_bytes(read_input(path, "article file", MAX_ARTICLE_BYTES, InputError), path)


def read_article_bytes(raw: bytes, path: Path) -> Article:
    """Read an article from the bytes of the file at `path` (already read, e.g. by a corpus
    worker that may not see the file); `path` gives the article id and the source name."""
    # A saved HTML page may declare another encoding; text files are UTF-8.
    charset = _meta_charset(raw) if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<" else None
    text = _decode(raw, str(path), _known_codec(charset) or "utf-8")
    return _article_from_text(text, label=str(path), article_id=slugify(path.stem), source=path.name)


# --------------------------------------------------------------------------- text and front matter


def _decode(raw: bytes, label: str, encoding: str = "utf-8") -> str:
    if len(raw) > MAX_ARTICLE_BYTES:
        raise InputError(f"{label}: too large for an article ({len(raw)} bytes)")
    if b"\x00" in raw:
        raise InputError(f"{label}: looks like a binary file, not text")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{label}: not {_encoding_name(encoding)} text (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    # A byte-order mark is not part of the article; offsets count from the first real character.
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(f"{label}: the file is empty")
    return text


def _encoding_name(encoding: str) -> str:
    return "UTF-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding


def _article_from_text(text: str, *, label: str, article_id: str, source: str, page_url: str | None = None) -> Article:
    """Sniff a decoded document: HTML, front matter, or plain text."""
    if _looks_like_html(text):
        return _article_from_html(text, label=label, article_id=article_id, source=source, page_url=page_url)
    meta: dict[str, str | None] = {}
    body = text
    split = _split_front_matter(text, label)
    if split is not None:
        meta, body = split
        if not body.strip():
            raise InputError(f"{label}: the article text after the front matter is empty")
    url = meta.get("url") or page_url
    return _finish(
        Article(
            id=article_id,
            text=body,
            title=meta.get("title") or _first_line(body),
            source=source,
            url=url,
            publisher=meta.get("publisher"),
            published=meta.get("published"),
            author=meta.get("author"),
            language=meta.get("language") or "en",
        ),
        label,
        declared_language=meta.get("language"),
    )


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)


def _split_front_matter(text: str, label: str) -> tuple[dict[str, str | None], str] | None:
    """The metadata of a leading `---` … `---` YAML block and the text after it, or None."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    try:
        data = load_yaml(match.group(1)) if match.group(1).strip() else {}
    except YAMLLimitError as exc:
        raise InputError(f"{label}: the front matter is refused: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(f"{label}: the front matter is not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise InputError(f"{label}: the front matter must be a mapping of keys to values")
    meta: dict[str, str | None] = {}
    # Other keys (tags, layout …) are common in front matter written for site generators; they are ignored.
    for key in FRONT_MATTER_KEYS:
        value = data.get(key)
        if value is None or value == "":
            continue
        if key in ("published", "date"):
            published = _iso_date(value)
            if published is None:
                raise InputError(f"{label}: front matter {key}: {value!r} is not an ISO 8601 date or date-time")
            meta.setdefault("published", published)
        elif key == "url":
            url = str(value).strip()
            if url_problem(url):  # the record keeps it as the article's IRI: it must be one
                raise InputError(f"{label}: front matter url: {url!r} is not an http(s) URL")
            meta["url"] = url
        elif key == "author" and isinstance(value, list):
            meta["author"] = ", ".join(str(v).strip() for v in value if str(v).strip()) or None
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            meta[key] = " ".join(str(value).split())
        else:
            raise InputError(f"{label}: front matter {key}: expected text")
    # Offsets count from the first character of the article itself, not from blank lines after the block.
    body = text[match.end():].lstrip("\r\n")
    return meta, body


# --------------------------------------------------------------------------- HTML


_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)


def _looks_like_html(text: str) -> bool:
    # Only the start is looked at: an article that quotes "<body>" further down is still text.
    head = text.lstrip()[:1024]
    return head.startswith("<") and _HTML_START.search(head) is not None


def _article_from_html(html: str, *, label: str, article_id: str, source: str, page_url: str | None) -> Article:
    import trafilatura  # imported here: it pulls in lxml and date parsers that plain text does not need

    meta = _html_metadata(html, page_url)
    extracted = trafilatura.extract(
        _quote_elements_marked(_summary_boxes_kept(html)),
        url=page_url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        output_format="txt",
    )
    paragraphs = [" ".join(line.split()) for line in (extracted or "").splitlines()]
    paragraphs = [p for p in paragraphs if p]
    title = meta.title
    # The page's own headline line, when the extracted text starts with it (as written on the page).
    headline = paragraphs.pop(0) if title and paragraphs and _squash(paragraphs[0]) == _squash(title) else title
    # A headline alone (or a menu word) is not an article.
    if not paragraphs:
        raise InputError(f"{label}: no article text found in the HTML page")
    # The headline leads the text, as in a plain-text article, so it can be anchored and extracted too.
    if headline:
        paragraphs.insert(0, headline)
    text = "\n\n".join(paragraphs) + "\n"
    return _finish(
        Article(
            id=article_id,
            text=text,
            title=title or paragraphs[0],
            source=source,
            url=meta.url or page_url,
            publisher=meta.publisher,
            published=meta.published,
            author=meta.author,
            language=meta.language or "en",
        ),
        label,
        declared_language=meta.language,
    )


# An <aside> that sums the article up ("Key points", "Highlights", "At a glance"): written by the
# newsroom, part of the article, where other asides are links to other stories.
_ASIDE_OPEN = re.compile(r"<aside\b(?P<attrs>[^>]*)>", re.IGNORECASE)
_SUMMARY_BOX = re.compile(r"key[\s_-]*(?:points|facts|takeaways)|highlights|at[\s_-]+a[\s_-]+glance|summary|takeaways|what\s+we\s+know", re.IGNORECASE)
_ITEM_TAG = re.compile(r"<(/?)li\b[^>]*>", re.IGNORECASE)
_LIST_TAG = re.compile(r"</?[ou]l\b[^>]*>", re.IGNORECASE)
_FIRST_HEADING = re.compile(r"<h[1-6]\b[^>]*>(?P<text>.*?)</h[1-6]\s*>", re.IGNORECASE | re.DOTALL)


def _summary_boxes_kept(html: str) -> str:
    """The page with its summary asides turned into plain paragraphs, which the text extraction
    keeps (it leaves every <aside>, and a list standing apart, out): one paragraph per point.
    One pass over the page: each aside's end is looked for from its start on."""
    lower = html.lower()
    if "<aside" not in lower:
        return html
    out, done = [], 0
    for m in _ASIDE_OPEN.finditer(html):
        if m.start() < done:
            continue  # an aside inside one already passed
        close = lower.find("</aside", m.end())
        if close == -1:
            break
        body = html[m.end() : close]
        heading = _FIRST_HEADING.search(body)
        if _SUMMARY_BOX.search(m.group("attrs")) or heading is not None and _SUMMARY_BOX.search(heading.group("text")):
            after = lower.find(">", close)
            after = len(html) if after == -1 else after + 1
            out.append(html[done : m.start()])
            out.append("<div>" + _LIST_TAG.sub("", _ITEM_TAG.sub(lambda t: f"<{t.group(1)}p>", body)) + "</div>")
            done = after
        else:
            out.append(html[done : close])
            done = close
    out.append(html[done:])
    return "".join(out)


# Quotation elements: <q> (inline) and <blockquote> (a block, its speaker in a <footer> or a
# <cite> after its words). The text extraction keeps their words but not what makes them a
# quotation: the marks a browser draws around <q>, the indentation, the footer.
_Q_TAG = re.compile(r"<(/?)q\b[^>]*>", re.IGNORECASE)
_BLOCKQUOTE_OPEN = re.compile(r"<blockquote\b[^>]*>", re.IGNORECASE)
_FOOTER = re.compile(r"<footer\b[^>]*>(?P<who>.*?)</footer\s*>", re.IGNORECASE | re.DOTALL)
_TRAILING_CITE = re.compile(r"<cite\b[^>]*>(?P<who>(?:(?!</?cite\b).)*)</cite\s*>\s*$", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_LINK_ONLY = re.compile(r"<a\b[^>]*>\s*(?:pic\.twitter\.com/|https?://|www\.)[^<]*</a\s*>", re.IGNORECASE)
_P_OPEN = re.compile(r"<p\b[^>]*>", re.IGNORECASE)
_P_CLOSE = re.compile(r"</p\s*>", re.IGNORECASE)
_QUOTE_MARKS = "“\"‘'«„"
_SIGNATURE_DASHES = " \t\n—–-"


def _quote_elements_marked(html: str) -> str:
    """The page with its quotation elements written as text reads them: the words of a <q> in
    quote marks (single ones inside another), the words of a <blockquote> in quote marks unless
    they have their own, and the speaker its <footer> or closing <cite> names as a signature line
    under them ('— Jane Roe, Minister of Mining'). One pass over the page."""
    lower = html.lower()
    if "<q" in lower:
        html = _inline_quotes_marked(html)
        lower = html.lower()
    if "<blockquote" not in lower:
        return html
    out, done = [], 0
    for m in _BLOCKQUOTE_OPEN.finditer(html):
        if m.start() < done:
            continue  # a blockquote inside one already passed
        close = lower.find("</blockquote", m.end())
        if close == -1:
            break
        end = lower.find(">", close)
        end = len(html) if end == -1 else end + 1
        out.append(html[done : m.start()])
        out.append(_blockquote_marked(html[m.start() : m.end()], html[m.end() : close]))
        done = end
    out.append(html[done:])
    return "".join(out)


def _inline_quotes_marked(html: str) -> str:
    out, done, depth = [], 0, 0
    for m in _Q_TAG.finditer(html):
        out.append(html[done : m.start()])
        if m.group(1):
            if depth > 0:
                depth -= 1
                out.append("”" if depth == 0 else "’")
        else:
            out.append("“" if depth == 0 else "‘")
            depth += 1
        done = m.end()
    out.append(html[done:])
    return "".join(out)


def _blockquote_marked(open_tag: str, body: str) -> str:
    """One <blockquote>: its words in quote marks, its speaker's signature in a paragraph under it."""
    who = None
    footer = _FOOTER.search(body)
    if footer is not None:
        who, body = footer.group("who"), body[: footer.start()] + body[footer.end() :]
    else:
        cite = _TRAILING_CITE.search(body)
        if cite is not None and _TAG.sub("", body[: cite.start()]).strip():
            who, body = cite.group("who"), body[: cite.start()]
    body = _LINK_ONLY.sub("", body)  # an embedded post's 'pic.twitter.com/…' link: no words of the speaker
    words = " ".join(_TAG.sub(" ", body).split())
    if words and words[0] not in _QUOTE_MARKS:
        opens = list(_P_OPEN.finditer(body))
        closes = list(_P_CLOSE.finditer(body))
        if opens and closes:
            # A quotation over several paragraphs opens each and closes only the last.
            last = closes[-1].start()
            body = _P_OPEN.sub(lambda t: t.group() + "“", body[:last]).rstrip() + "”" + body[last:]
        else:
            body = "“" + body.strip() + "”"
    signature = ""
    if who is not None:
        who = " ".join(_TAG.sub(" ", who).split()).strip(_SIGNATURE_DASHES)
        if who:
            signature = f"<p>— {who}</p>"
    return f"{open_tag}{body}</blockquote>{signature}"


@dataclass
class _PageMeta:
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    author: str | None = None
    language: str | None = None


def _html_metadata(html: str, page_url: str | None) -> _PageMeta:
    """Article metadata from the page, the most specific source first:
    JSON-LD NewsArticle, then OpenGraph / article: / <meta name> / canonical link, then <title>."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        # Bytes with an explicit encoding: the page is already decoded, a stale <meta charset> must not re-decode it.
        tree = lxml_html.document_fromstring(html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (ValueError, etree.ParserError):
        return _PageMeta()
    metas: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = " ".join((element.get("content") or "").split())
        if key and content and key not in metas:
            metas[key] = content
    canonical = next(
        (link.get("href") for link in tree.iter("link") if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")),
        None,
    )
    title_element = tree.find(".//title")
    page_title = " ".join(title_element.text_content().split()) if title_element is not None else None
    ld = _json_ld_article(tree)

    site_name = _first(_ld_name(ld.get("publisher")), metas.get("og:site_name"), metas.get("publisher"))
    meta = _PageMeta()
    meta.title = _first(_text(ld.get("headline")), _text(ld.get("name")), metas.get("og:title"), metas.get("twitter:title"),
                        _strip_site_name(page_title, site_name))
    meta.url = _first(*(_http_url(u, page_url) for u in (_ld_url(ld), canonical, metas.get("og:url"))))
    meta.publisher = site_name
    meta.published = _first(*(_iso_date(v) for v in (
        ld.get("datePublished"), metas.get("article:published_time"), metas.get("og:published_time"),
        metas.get("date"), metas.get("dc.date"), metas.get("dcterms.created"), metas.get("datepublished"),
    )))
    meta.author = _first(_ld_name(ld.get("author")), metas.get("author"), metas.get("article:author_name"))
    html_lang = tree.get("lang") or tree.get("xml:lang")
    meta.language = _first(_text(ld.get("inLanguage")), metas.get("og:locale"), metas.get("content-language"), html_lang)
    if meta.language:
        meta.language = meta.language.replace("_", "-")
    return meta


#: JSON-LD types that describe the article itself, most specific first.
_ARTICLE_TYPES = ("NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                  "BackgroundNewsArticle", "Article", "BlogPosting", "Report")


def _json_ld_article(tree: Any) -> dict[str, Any]:
    best: tuple[int, dict[str, Any]] | None = None
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content() or "")
        except (ValueError, RecursionError):
            continue  # a broken (or absurdly nested) block on a page is common; the other sources still count
        for node in _ld_nodes(data):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            ranks = [_ARTICLE_TYPES.index(t) for t in types if t in _ARTICLE_TYPES]
            if ranks and (best is None or min(ranks) < best[0]):
                best = (min(ranks), node)
    return best[1] if best else {}


def _ld_nodes(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 8:  # an article node sits in a list or an @graph, a level or two down
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_nodes(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_nodes(data["@graph"], depth + 1)


def _ld_name(value: Any) -> str | None:
    """A name from a JSON-LD person/organization: a string, {"name": …}, or a list of them."""
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _ld_url(ld: dict[str, Any]) -> str | None:
    url = _text(ld.get("url"))
    if url:
        return url
    entity = ld.get("mainEntityOfPage")
    return _text(entity.get("@id") if isinstance(entity, dict) else entity)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: Any) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        # JSON may escape a lone surrogate (\ud800), which no UTF-8 output can hold.
        text = " ".join(_LONE_SURROGATE.sub("\ufffd", str(value)).split())
        return text or None
    return None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def _http_url(value: str | None, base: str | None) -> str | None:
    """An absolute http(s) URL, resolved against the page address; anything else is ignored."""
    if not value:
        return None
    url = urljoin(base, value.strip()) if base else value.strip()
    return url if not url_problem(url) and urlsplit(url).hostname else None


def _strip_site_name(title: str | None, site_name: str | None) -> str | None:
    # "<headline> | <site>" is the usual <title>; the headline alone is what schema:headline wants.
    if not title or not site_name:
        return title
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        if title.endswith(separator + site_name):
            return title[: -len(separator + site_name)].strip() or title
    return title


def _squash(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


# --------------------------------------------------------------------------- dates


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?", re.ASCII)  # ASCII digits: the record keeps the date as written
_MONTH_FORMATS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


def _iso_date(value: Any) -> str | None:
    """An ISO 8601 date ("2024-10-14") or date-time ("2024-10-14T09:30:00+03:00"), or None.

    Only what the value says is kept: no time is added to a date, no zone to a local time.
    """
    if isinstance(value, dt.datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _text(value)
    if not text:
        return None
    match = _ISO.fullmatch(text)
    if match:
        year, month, day, hour, minute, second, fraction, zone = match.groups()
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            return None
        if hour is None:
            return f"{year}-{month}-{day}"
        if int(hour) > 23 or int(minute) > 59 or (second and int(second) > 59):
            return None
        clock = f"{hour}:{minute}:{second or '00'}{fraction or ''}"
        if zone and zone != "Z":
            zone = zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
            zone = "Z" if zone in ("+00:00", "-00:00") else zone
            if zone != "Z" and (int(zone[1:3]) > 23 or int(zone[4:]) > 59):
                return None
        return f"{year}-{month}-{day}T{clock}{zone or ''}"
    try:  # RFC 2822, as in HTTP headers and feeds: "Mon, 14 Oct 2024 06:30:00 GMT"
        return _iso_date(email.utils.parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _MONTH_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


# --------------------------------------------------------------------------- URLs


def _article_from_page(url: str, page: FetchedPage) -> Article:
    charset = _known_codec(_charset(page.content_type)) or _known_codec(_meta_charset(page.body)) or "utf-8"
    text = _decode(page.body, url, charset)
    article_id = _url_id(url)
    if "html" in page.content_type.lower() and not _looks_like_html(text):
        return _article_from_html(text, label=url, article_id=article_id, source=url, page_url=page.url)
    return _article_from_text(text, label=url, article_id=article_id, source=url, page_url=page.url)


def _url_id(url: str) -> str:
    """The slug of the URL path's last segment without its extension; the host when the path is empty."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return slugify(parts.hostname or url)
    last = PurePosixPath(unquote(segments[-1]))
    return slugify(last.stem if last.suffix.lower() in (".html", ".htm", ".php", ".aspx", ".asp", ".txt", ".shtml") else last.name)


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _known_codec(charset: str | None) -> str | None:
    """The charset when Python can decode it (an unknown label falls back to UTF-8), else None."""
    if not charset:
        return None
    try:
        info = codecs.lookup(charset)  # decoding b"" would not look the codec up at all
    except LookupError:
        return None
    return charset if getattr(info, "_is_text_encoding", True) else None  # not "hex", "rot13", …


def _meta_charset(body: bytes) -> str | None:
    match = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", body[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


# --------------------------------------------------------------------------- language

#: Frequent English function words. Any English news text is a third or more of these;
#: other languages (even Latin-script ones) score near zero, so one cut-off separates them.
_ENGLISH_WORDS = frozenset(
    "the of and to a in is that for on with as was by it at from be has have are will this an not "
    "he she they his her its were which who would but or been after their said says we our i you "
    "had also more than about into over there can could should".split()
)
_MIN_WORDS = 20  # fewer words cannot be judged
_MIN_ENGLISH_SHARE = 0.15


#: A line (paragraph) of the article text longer than this is refused: long articles are parsed in
#: pieces cut between paragraphs, so no paragraph may be longer than a piece
#: (extract.nlp.PARSE_CHUNK_CHARS); no article has one, a dump of data or markup may.
MAX_LINE_CHARS = 100_000


def _finish(article: Article, label: str, declared_language: str | None) -> Article:
    """Refuse non-English articles and over-long lines, then fix the hash of the final text."""
    longest = max((len(line) for line in article.text.splitlines()), default=0)
    if longest > MAX_LINE_CHARS:
        raise InputError(f"{label}: a line of {longest:,} characters, longer than the limit of {MAX_LINE_CHARS:,}: "
                         "not article text")
    if declared_language and declared_language.split("-")[0].strip().lower() not in ("en", "eng", "english"):
        raise NotEnglish(f"{label}: the article is in {declared_language!r}, not English; newsgraph reads English only")
    share = _english_share(article.text)
    if share is not None and share < _MIN_ENGLISH_SHARE:
        raise NotEnglish(
            f"{label}: the article does not look like English ({share:.0%} common English words); newsgraph reads English only"
        )
    article.sha256 = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return article


def _english_share(text: str) -> float | None:
    """Share of words that are common English function words; None when there are too few words."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    if len(words) < _MIN_WORDS:
        # Too short to count words; a text mostly in another script is still not English.
        letters = [c for c in text if c.isalpha()]
        latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
        return 0.0 if letters and latin / len(letters) < 0.5 else None
    counts = Counter(words)
    return sum(n for word, n in counts.items() if word in _ENGLISH_WORDS) / len(words)


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None
