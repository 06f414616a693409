"""`.newsgraph-manifest.json`: what makes the next run incremental, and what a run wrote."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from newsgraph.corpus.report import INTERNAL_ERROR, ArticleFailure
from newsgraph.corpus.settings import Settings, sha256
from newsgraph.errors import NewsgraphError
from newsgraph.publish import write_atomic

if TYPE_CHECKING:
    from newsgraph.corpus.worker import ArticleOutput

MANIFEST_NAME = ".newsgraph-manifest.json"
CACHE_DIR = ".newsgraph-cache"
MANIFEST_FORMAT = "newsgraph-manifest/1"
DATASET_FILES = ("corpus.nq", "corpus.trig", "void.ttl")


def article_files(article_id: str) -> list[str]:
    """The files a build writes for an article, relative to the output folder."""
    return [f"{article_id}.ttl", f"{article_id}.jsonld", f"{CACHE_DIR}/{article_id}.nt"]


class Manifest:
    """Per article id, the input's sha256 and what the corpus needs without rereading the
    article (entities, validation results, triple count); failures that the same input will
    give again; the files written per article; and what the last assembly of the dataset wrote."""

    def __init__(self, out_dir: Path, settings: Settings, articles: dict[str, dict], failures: dict[str, dict],
                 dataset: dict | None = None, written: dict[str, list[str]] | None = None):
        self.out_dir = out_dir
        self.settings = settings
        self.articles = articles
        self.failures = failures
        #: What the last assembly wrote: its fingerprint, the files' sizes and times, the figures.
        self.dataset = dataset
        #: Article id -> the files (relative to out_dir) written for it and not removed since,
        #: built now or by an earlier run; an article failing now keeps its earlier files.
        self.written = written if written is not None else {}

    @classmethod
    def load(cls, out_dir: Path, settings: Settings) -> Manifest:
        path = out_dir / MANIFEST_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            ours = data.get("format") == MANIFEST_FORMAT
            articles, failures = (dict(data["articles"]), dict(data.get("failures", {}))) if ours else ({}, {})
            dataset = data.get("dataset") if ours and isinstance(data.get("dataset"), dict) else None
            written = data.get("written") if ours else None
            if isinstance(written, dict):
                written = {k: [f for f in v if isinstance(f, str)] for k, v in written.items() if isinstance(v, list)}
            else:  # a manifest from before files were listed: every article it knows wrote the usual ones
                written = {article_id: article_files(article_id) for article_id in articles}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            articles, failures, dataset, written = {}, {}, None, {}  # none we can read: build everything again
        return cls(out_dir, settings, articles, failures, dataset, written)

    def fingerprint(self) -> str:
        """What the dataset files are a function of: the settings and each article's input."""
        parts = [self.settings.digest(), sorted((k, v["sha256"]) for k, v in self.articles.items())]
        return sha256(json.dumps(parts).encode("utf-8"))

    def dataset_current(self) -> bool:
        """True when the dataset files are the ones the last run wrote for these very inputs."""
        entry = self.dataset
        if not entry or entry.get("fingerprint") != self.fingerprint():
            return False
        return all(file_stamp(self.out_dir / name) == entry.get("files", {}).get(name) for name in DATASET_FILES)

    def fresh(self, article_id: str, sha256: str) -> bool:
        entry = self.articles.get(article_id)
        if not entry or entry.get("sha256") != sha256 or entry.get("version") != self.settings.version:
            return False
        if entry.get("settings") != self.settings.digest():
            return False
        return all((self.out_dir / f).is_file() for f in article_files(article_id))

    def record(self, result: ArticleOutput) -> None:
        self.articles[result.id] = {
            "source": Path(result.path).name,
            "sha256": result.sha256,
            "version": self.settings.version,
            "settings": self.settings.digest(),
            "triples": result.triples,
            "entities": list(result.entities),
            "results": [list(r) for r in result.results],
        }
        self.written[result.id] = article_files(result.id)

    def drop(self, article_id: str | None) -> None:
        if article_id is not None:
            self.articles.pop(article_id, None)

    def known_failure(self, article_id: str, sha256: str) -> ArticleFailure | None:
        entry = self.failures.get(article_id)
        if not entry or entry.get("sha256") != sha256 or entry.get("settings") != self.settings.digest():
            return None
        return ArticleFailure(entry["source"], entry["reason"], entry["exit_code"], article_id)

    def record_failure(self, failure: ArticleFailure, sha256: str | None) -> None:
        # Only failures the same input will always give; a dead worker or a bug may not happen next time.
        if failure.article_id and sha256 and failure.exit_code != INTERNAL_ERROR:
            self.failures[failure.article_id] = {
                "source": failure.path,
                "sha256": sha256,
                "settings": self.settings.digest(),
                "reason": failure.reason,
                "exit_code": failure.exit_code,
            }

    def keep_only(self, built: set[str], failed: set[str]) -> None:
        # Articles no longer in the inputs (or failed this time) leave the dataset.
        self.articles = {k: v for k, v in self.articles.items() if k in built}
        self.failures = {k: v for k, v in self.failures.items() if k in failed}

    def remove_files_of_others(self, given: set[str]) -> dict[str, list[Path]]:
        """Delete the files written for articles whose input was not given this time (only the
        files this manifest lists, and only inside the output folder); what was deleted, by id."""
        removed: dict[str, list[Path]] = {}
        for article_id in sorted(set(self.written) - given):
            gone = []
            for name in self.written.pop(article_id):
                relative = PurePosixPath(name)
                if relative.is_absolute() or ".." in relative.parts:
                    continue  # not a name this code writes: an edited manifest must not reach outside
                path = self.out_dir / relative
                try:
                    path.unlink()
                except FileNotFoundError:
                    continue
                except OSError as exc:
                    raise NewsgraphError(f"cannot remove {path}: {exc.strerror or exc}") from None
                gone.append(path)
            removed[article_id] = gone
        return removed

    def save(self) -> None:
        data = {
            "format": MANIFEST_FORMAT,
            "version": self.settings.version,
            "options": {
                "base": self.settings.base,
                "model": f"{self.settings.model} {self.settings.model_version}".strip(),
                "link": self.settings.link,
                "gazetteer": sha256(self.settings.gazetteer) if self.settings.gazetteer is not None else None,
                "shapes": sha256(self.settings.shapes) if self.settings.shapes is not None else None,
            },
            "articles": dict(sorted(self.articles.items())),
            "failures": dict(sorted(self.failures.items())),
            "written": dict(sorted(self.written.items())),
            "dataset": self.dataset,
        }
        text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
        try:
            write_atomic(self.out_dir / MANIFEST_NAME, text.encode("utf-8"))
        except OSError as exc:
            raise NewsgraphError(f"cannot write {exc.filename or MANIFEST_NAME}: {exc.strerror or exc}") from None


def file_stamp(path: Path) -> list[int] | None:
    """Size and modification time: a dataset file replaced or edited since the last run shows."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]
