"""What a corpus build tells its caller: the articles built, reused and failed, the files it
skipped and removed, the dataset's figures and the corpus-wide validation results."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.validate import ValidationReport, ValidationResult

#: `progress(done, total, current_article_id)`, called once per article as it is finished.
Progress = Callable[[int, int, str], None]

#: The per-article exit code of an unexpected error (a bug): as the CLI's "internal error".
INTERNAL_ERROR = 70


@dataclass(frozen=True)
class ArticleFailure:
    """An article that was not built: where it came from, why, and its error class's exit code."""

    path: str
    reason: str
    exit_code: int
    article_id: str | None = None


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    source: str
    triples: int  # of the stand-alone article graph (its .ttl)
    reused: bool
    warnings: int = 0


@dataclass(frozen=True)
class RemovedArticle:
    """An article built by an earlier run whose input was not given this time: its files are gone."""

    id: str
    files: tuple[Path, ...]


@dataclass
class CorpusReport:
    out_dir: Path
    articles: list[ArticleSummary] = field(default_factory=list)
    failures: list[ArticleFailure] = field(default_factory=list)
    #: Files in the given folders that are not articles (by their suffix), left alone.
    skipped: list[Path] = field(default_factory=list)
    removed: list[RemovedArticle] = field(default_factory=list)
    triples: int = 0  # quads in the dataset (every named graph)
    entities: int = 0  # distinct entity nodes in the entity graph
    seconds: float = 0.0
    #: Corpus-wide SHACL results: per-article results (in the workers) + the entity graph's.
    validation: list[ValidationResult] = field(default_factory=list)
    entity_report: ValidationReport | None = None
    outputs: list[Path] = field(default_factory=list)

    @property
    def built(self) -> int:
        return sum(1 for a in self.articles if not a.reused)

    @property
    def reused(self) -> int:
        return sum(1 for a in self.articles if a.reused)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def partly_failed(self) -> bool:
        return bool(self.failures)

    @property
    def status(self) -> str:
        return "partly failed" if self.failures else "built"


def first_violation(report: ValidationReport) -> str:
    """A report's violations in one line: how many, and the first."""
    v = report.violations[0] if report.violations else None
    return f"{len(report.violations)} violation(s), e.g. {v.focus} {v.path}: {v.message}" if v else "no details"
