"""Publishing: deterministic Turtle and JSON-LD, and record files, written atomically.

Every file is written to a temporary file beside its target and then renamed, so a
failure never leaves a half-written output behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rdflib import Graph

from newsgraph.errors import NewsgraphError
from newsgraph.model import Record, record_to_dict


def load_context() -> dict[str, Any]:
    """The `@context` object of the shipped ontology/context.jsonld."""
    text = resources.files("newsgraph").joinpath("resources/context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def turtle_bytes(graph: Graph) -> bytes:
    """Readable Turtle with the graph's prefixes; the same graph always gives the same bytes."""
    # rdflib sorts subjects, predicates and objects; with no blank nodes the output is stable.
    data = graph.serialize(format="turtle", encoding="utf-8")
    return data if data.endswith(b"\n") else data + b"\n"


def jsonld_bytes(graph: Graph, context: dict[str, Any] | None = None) -> bytes:
    """JSON-LD compacted with the ontology's context, nodes and values in a stable order."""
    context = load_context() if context is None else context
    text = graph.serialize(format="json-ld", context=context, auto_compact=True)
    document = json.loads(text)
    document = _ordered(document)
    # Put @context first and the node list after it, as readers expect.
    ordered = {"@context": document.pop("@context", context), **document}
    return (json.dumps(ordered, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def _ordered(value: Any) -> Any:
    """Sort object keys and the members of every array so output does not depend on set order."""
    if isinstance(value, dict):
        return {k: (_ordered(v) if k != "@context" else v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_ordered(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def record_bytes(record: Record, as_json: bool = False) -> bytes:
    """A record as YAML (for review by hand) or JSON."""
    data = record_to_dict(record)
    if as_json:
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return yaml.dump(data, Dumper=_RecordDumper, sort_keys=False, allow_unicode=True, width=100).encode("utf-8")


class _RecordDumper(yaml.SafeDumper):
    """Multi-line strings as literal blocks, so the article text stays readable."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_RecordDumper.add_representer(str, _represent_str)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def publish_graph(graph: Graph, out_dir: Path, name: str) -> list[Path]:
    """Write `name`.ttl and `name`.jsonld into out_dir; both are serialised before either is written."""
    try:
        outputs = [
            (out_dir / f"{name}.ttl", turtle_bytes(graph)),
            (out_dir / f"{name}.jsonld", jsonld_bytes(graph)),
        ]
    except Exception as exc:  # rdflib raises many kinds; the user needs one line
        raise NewsgraphError(f"cannot serialise the graph: {exc}") from exc
    _write_all(outputs)
    return [path for path, _ in outputs]


def write_record(record: Record, path: Path) -> Path:
    write_atomic(path, record_bytes(record, as_json=path.suffix.lower() == ".json"))
    return path


def _write_all(outputs: list[tuple[Path, bytes]]) -> None:
    try:
        for path, data in outputs:
            write_atomic(path, data)
    except OSError as exc:
        raise NewsgraphError(f"cannot write {exc.filename or 'output'}: {exc.strerror or exc}") from None
