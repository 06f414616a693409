"""The options of a corpus build as plain values that travel to workers, and their digest (a
change of any option that changes output rebuilds every article)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from newsgraph import __version__, pipeline
from newsgraph.errors import InputError
from newsgraph.namespaces import DEFAULT_LICENCE, normalise_base


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs, as plain values: a Dask worker may not see our files."""

    base: str  # ends with "/" or "#"
    model: str
    model_version: str  # of the installed model package: a new model changes the output
    link: bool
    gazetteer: bytes | None
    gazetteer_name: str
    shapes: bytes | None
    shapes_name: str
    licence: str = DEFAULT_LICENCE  # of the extracted data: every article graph and the dataset
    text: str = "full"  # the text policy (mapping.TEXT_POLICIES)
    version: str = __version__

    def digest(self) -> str:
        """Of the options that change output; a change rebuilds every article."""
        parts = {
            "base": self.base,
            "model": self.model,
            "model_version": self.model_version,
            "link": self.link,
            "gazetteer": sha256(self.gazetteer) if self.gazetteer is not None else None,
            "shapes": sha256(self.shapes) if self.shapes is not None else None,
            "licence": self.licence,
            "text": self.text,
            "version": self.version,
        }
        return sha256(json.dumps(parts, sort_keys=True).encode("utf-8"))


def settings_for(options: pipeline.Options) -> Settings:
    from newsgraph import DEFAULT_MODEL

    def read(path: Path | None, what: str) -> bytes | None:
        if path is None:
            return None
        try:
            return Path(path).read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read the {what} file: {exc.strerror or exc}") from None

    model = options.model or DEFAULT_MODEL
    return Settings(
        base=normalise_base(options.base),
        model=model,
        model_version=_installed_version(model),
        link=options.link,
        gazetteer=read(options.gazetteer, "gazetteer"),
        gazetteer_name=Path(options.gazetteer).name if options.gazetteer else "gazetteer.tsv",
        shapes=read(options.shapes, "shapes"),
        shapes_name=Path(options.shapes).name if options.shapes else "shapes.ttl",
        licence=options.licence,
        text=options.text,
    )


def _installed_version(package: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(package)
    except (metadata.PackageNotFoundError, ValueError):
        return ""  # a model given by path, or not installed: the worker says so when it loads it


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
