"""YAML read with limits: front matter and records come from users, and YAML can be hostile.

PyYAML shares one object for every alias of an anchor, so a kilobyte of nested aliases ("billion
laughs") loads quickly and then explodes in whatever walks it; and nesting 100,000 levels deep
overflows the stack. Before anything is built, the event stream (libyaml's parser, which keeps
its own stack) is read once to bound the nesting depth and the number of nodes the document
stands for with every alias expanded. Timestamps are not resolved: dates stay text, to be
checked by whoever reads them (`2024-02-30` is then one clear error, not a crash).
"""

from __future__ import annotations

from typing import Any

import yaml

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Nesting deeper than this is refused (a record nests five levels).
MAX_DEPTH = 64
#: Nodes a document may stand for, every alias expanded (the sample's record has ~6,000).
MAX_NODES = 2_000_000


class YAMLLimitError(ValueError):
    """The document is deeper or larger (aliases expanded) than the limits; one line."""


class _TextDatesLoader(_Loader):  # type: ignore[misc, valid-type]
    pass


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    """The document in `text`, checked against MAX_DEPTH and MAX_NODES first.

    Raises yaml.YAMLError for bad syntax and YAMLLimitError over a limit."""
    _check_limits(text)
    return yaml.load(text, Loader=_TextDatesLoader)  # noqa: S506 - a SafeLoader subclass


def _check_limits(text: str) -> None:
    depth = 0
    nodes = 0
    sizes: dict[str, int] = {}  # anchor → nodes it stands for
    open_anchors: list[tuple[str | None, int]] = []  # collections being read: (anchor, nodes before)
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            nodes += sizes.get(event.anchor, 1)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise YAMLLimitError(f"nested more than {MAX_DEPTH} levels deep")
            open_anchors.append((event.anchor, nodes))
            nodes += 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
            anchor, before = open_anchors.pop()
            if anchor is not None:
                sizes[anchor] = nodes - before
        elif isinstance(event, yaml.ScalarEvent):
            nodes += 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        if nodes > MAX_NODES:
            raise YAMLLimitError(f"stands for more than {MAX_NODES:,} values once its aliases are expanded")
