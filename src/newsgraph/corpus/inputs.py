"""Which files a corpus build reads: the files given, and in the folders given every article
file (by suffix) below them; each read once, in order of article id."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.corpus.report import ArticleFailure
from newsgraph.corpus.worker import Item
from newsgraph.errors import InputError
from newsgraph.text import slugify

#: What a folder's article files end with: the kinds `newsgraph.read` reads (plain text, text
#: with YAML front matter as Markdown sites keep it, saved HTML pages). The reader decides by
#: content, not name, but in a folder the name is what tells an article from other files
#: (gold records, notes, images). A file given by name is read whatever it is called.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: A folder's own documentation, never an article, whatever its suffix (README.md, LICENSE.txt).
FOLDER_DOCUMENTS = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice", "authors", "copying"})


@dataclass
class Inputs:
    items: list[Item] = field(default_factory=list)  # (article id, path, bytes), sorted by id
    failures: list[ArticleFailure] = field(default_factory=list)  # given, but not readable
    skipped: list[Path] = field(default_factory=list)  # files in the folders that are not articles

    def given_ids(self) -> set[str]:
        """The article ids of every input, read or not: what the output folder should hold."""
        return {article_id for article_id, _, _ in self.items} | {f.article_id for f in self.failures if f.article_id}


def collect(inputs: Sequence[Path], out_dir: Path | None = None) -> Inputs:
    """The articles to build, sorted by id, each read once; unreadable ones become failures.
    Hidden files and folders (".git", ".DS_Store") and `out_dir` are not looked into."""
    paths: list[Path] = []
    found = Inputs()
    for given in inputs:
        given = Path(given)
        if given.is_dir():
            articles, others = _walk(given, out_dir)
            paths.extend(articles)
            found.skipped.extend(others)
        elif given.exists():
            paths.append(given)
        else:
            found.failures.append(
                ArticleFailure(str(given), f"{given}: no such article file", InputError.exit_code, slugify(given.stem))
            )
    items: dict[str, Item] = {}
    for path in sorted(dict.fromkeys(paths), key=lambda p: (slugify(p.stem), str(p))):
        article_id = slugify(path.stem)  # read_article names the article the same way
        if article_id in items:
            first = items[article_id][1]
            found.failures.append(
                ArticleFailure(str(path), f"{path}: same article id {article_id!r} as {first}; rename one", InputError.exit_code, article_id)
            )
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            found.failures.append(ArticleFailure(str(path), f"{path}: cannot read: {exc.strerror or exc}", InputError.exit_code, article_id))
            continue
        items[article_id] = (article_id, str(path), data)
    found.items = list(items.values())
    found.skipped = sorted(dict.fromkeys(found.skipped))
    return found


def _walk(folder: Path, out_dir: Path | None) -> tuple[list[Path], list[Path]]:
    """The article files below `folder` and the other files, both sorted."""
    articles: list[Path] = []
    others: list[Path] = []
    skip = _real(out_dir) if out_dir is not None else None
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and _real(here / d) != skip)
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or not path.is_file():
                continue
            is_article = path.suffix.lower() in ARTICLE_SUFFIXES and path.stem.lower() not in FOLDER_DOCUMENTS
            (articles if is_article else others).append(path)
    return articles, others


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path
