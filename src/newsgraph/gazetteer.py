"""The offline gazetteer: known names, their kind and (where sourced) their Wikidata item.

Rows come from `data/gazetteer.tsv` shipped in the package, then from any user file
given with `--gazetteer`, whose rows add to or override the shipped ones (same label
and kind). Columns, tab-separated, with a header line:

    label   aliases   qid   kind   source

`aliases` are separated by '|'; `qid` may be empty (a known name with no sourced item);
`kind` is one of Person, Country, Place, Organization, Event, Office.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from newsgraph.text import normalise

KINDS = ("Person", "Country", "Place", "Organization", "Event", "Office")
COLUMNS = ("label", "aliases", "qid", "kind", "source")


@dataclass(frozen=True)
class GazetteerRow:
    label: str
    kind: str
    qid: str | None = None
    aliases: tuple[str, ...] = ()
    source: str = ""


@dataclass
class Gazetteer:
    rows: list[GazetteerRow] = field(default_factory=list)
    _index: dict[str, list[GazetteerRow]] = field(default_factory=dict, repr=False)

    def add(self, row: GazetteerRow) -> None:
        """Add a row; a row with the same label and kind as an earlier one replaces it."""
        key = (normalise(row.label), row.kind)
        old = [r for r in self.rows if (normalise(r.label), r.kind) == key]
        for r in old:
            self.rows.remove(r)
        self.rows.append(row)
        self._reindex()

    def _reindex(self) -> None:
        self._index = {}
        for row in self.rows:
            # A label and an alias that normalise alike ("Türkiye", "Turkiye") index the row once.
            for key in dict.fromkeys(normalise(name) for name in (row.label, *row.aliases)):
                if key:
                    self._index.setdefault(key, []).append(row)

    def knows(self, name: str) -> bool:
        """Whether any row has `name` (normalised) as its label or an alias: `lookup` without the rows."""
        return normalise(name) in self._index

    def lookup(self, name: str, kind: str | None = None) -> list[GazetteerRow]:
        """Rows whose label or alias is `name` (normalised), optionally of one kind."""
        rows = self._index.get(normalise(name), [])
        return [r for r in rows if kind is None or r.kind == kind]


def read_rows(path: Path | None = None, text: str | None = None) -> list[GazetteerRow]:
    """Parse gazetteer TSV text (or a file). Raises ValueError with the line on bad rows."""
    if text is None:
        assert path is not None
        text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != COLUMNS:
        raise ValueError(f"gazetteer header must be: {' '.join(COLUMNS)}")
    rows = []
    for lineno, cells in enumerate(reader, start=2):
        if not cells or not "".join(cells).strip() or cells[0].startswith("#"):
            continue
        if len(cells) != len(COLUMNS):
            raise ValueError(f"gazetteer line {lineno}: expected {len(COLUMNS)} columns, got {len(cells)}")
        label, aliases, qid, kind, source = (c.strip() for c in cells)
        if kind not in KINDS:
            raise ValueError(f"gazetteer line {lineno}: unknown kind {kind!r}")
        if qid and not re.fullmatch(r"Q[1-9][0-9]*", qid):
            raise ValueError(f"gazetteer line {lineno}: {qid!r} is not a Wikidata item id")
        rows.append(
            GazetteerRow(
                label=label,
                kind=kind,
                qid=qid or None,
                aliases=tuple(a.strip() for a in aliases.split("|") if a.strip()),
                source=source,
            )
        )
    return rows


def load_gazetteer(extra: Path | None = None) -> Gazetteer:
    """The shipped gazetteer, with the rows of `extra` added or overriding."""
    shipped = resources.files("newsgraph").joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")
    gazetteer = Gazetteer()
    for row in read_rows(text=shipped):
        gazetteer.rows.append(row)
    if extra is not None:
        for row in read_rows(extra):
            gazetteer.add(row)
    gazetteer._reindex()
    return gazetteer
