"""Reading inputs: article text files, and extraction records (YAML or JSON)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml

from newsgraph.errors import InputError, RecordError
from newsgraph.model import Article, Record, record_from_dict, slugify

#: Files larger than this are refused: no news article is 20 MB of text.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024


def read_article(path: Path) -> Article:
    """Read a UTF-8 text article. Raises InputError with a one-line reason."""
    raw = _read_bytes(path, "article")
    if len(raw) > MAX_ARTICLE_BYTES:
        raise InputError(f"{path}: too large for an article ({len(raw)} bytes)")
    if b"\x00" in raw:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    # A byte-order mark is not part of the article; offsets count from the first real character.
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    return Article(
        id=slugify(path.stem),
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=_first_line(text),
        source=path.name,
    )


def read_record(path: Path) -> Record:
    """Read a record written by `newsgraph extract` (YAML, or JSON by suffix)."""
    raw = _read_bytes(path, "record", error=RecordError)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RecordError(f"{path}: not UTF-8 text") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise RecordError(f"{path}: not a valid record file{where}: {detail}") from None
    try:
        record = record_from_dict(data)
    except ValueError as exc:
        raise RecordError(f"{path}: malformed record: {exc}") from None
    if not record.article.text:
        raise RecordError(f"{path}: malformed record: the article text is empty")
    return record


def _read_bytes(path: Path, what: str, error: type[Exception] = InputError) -> bytes:
    if not path.exists():
        raise error(f"{path}: no such {what} file")
    if path.is_dir():
        raise error(f"{path}: is a directory, not a file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from None


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None
