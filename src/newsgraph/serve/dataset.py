"""What `newsgraph serve` serves: the embedded store, or published files read into memory.

The embedded store is opened read-only, so the server sees the store as it was when it
started (restart it after `newsgraph load`) and can never change it. Files are read into an
in-memory pyoxigraph store: an article file (Turtle, N-Triples, JSON-LD) goes into a named
graph named by its article IRI, as `newsgraph load` does; a dataset file (TriG, N-Quads, e.g.
a corpus's ``corpus.nq``) keeps its graphs. From a folder written by a corpus build, only
``corpus.nq`` (or ``corpus.trig``) is read, since it holds every article; from any other
folder, one file per article (Turtle first), as `newsgraph load` picks them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import pyoxigraph as ox

from newsgraph.errors import RDFInputError
from newsgraph.store import CORPUS_FILES, corpus_dataset, folder_files, open_store, read_input, resolve_store

__all__ = ["CORPUS_FILES", "NOT_DATA", "Dataset", "data_files", "open_embedded", "read_files"]

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_NEWS_ARTICLE = ox.NamedNode("https://schema.org/NewsArticle")
#: Files in an output folder that are not data to serve.
NOT_DATA = ("void.ttl",)


@dataclass
class Dataset:
    store: ox.Store
    source: str  #: what was opened, for messages: a store path or "N files"
    seconds: float = 0.0  #: time spent opening or reading
    #: True: queries see the union of the named graphs (Oxigraph's flag; a triple stated in
    #: several graphs is seen once per graph). False: the store's default graph already holds
    #: every distinct triple of the named graphs once (files read into memory).
    union_default: bool = True

    def __len__(self) -> int:
        """Triples the queries see: in memory, the default graph's (each distinct triple once);
        over the embedded store's union, every graph's, a triple stated in two graphs twice
        (as a query sees it: counting them once would hold every triple in memory)."""
        if not self.union_default:
            return sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        return len(self.store)


def open_embedded(path: Path | str | None = None) -> Dataset:
    """The embedded store at ``path`` (else the user's store, ``newsgraph.config.store_dir``), read-only."""
    started = time.perf_counter()
    where = resolve_store(path)
    st = open_store(where, read_only=True)  # raises StoreError with a one-line message
    return Dataset(st, str(where), time.perf_counter() - started)


def is_store(path: Path | str) -> bool:
    """Whether ``path`` is an embedded (Oxigraph, RocksDB) store's folder."""
    current = Path(path) / "CURRENT"
    try:
        return current.is_file() and current.read_text(encoding="ascii", errors="replace").startswith("MANIFEST-")
    except OSError:
        return False


def open_dataset(paths: Sequence[Path | str]) -> Dataset:
    """What a command is given to serve or publish: one embedded store folder (opened
    read-only), or published files and folders of them (read into memory)."""
    stores = [p for p in paths if is_store(p)]
    if stores:
        if len(paths) > 1:
            raise RDFInputError(f"{stores[0]} is a store: give it alone, not with other files or folders")
        return open_embedded(stores[0])
    return read_files(paths)


def data_files(paths: Sequence[Path | str]) -> list[Path]:
    """The files to read for ``paths``: a corpus folder's dataset file, another folder's
    article files, or the files as given (checked when they are read)."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            corpus = corpus_dataset(p)
            if corpus is not None:
                files.append(corpus)
                continue
            found = [f for f in folder_files(p) if f.name not in NOT_DATA]
            if not found:
                raise RDFInputError(f"{p}: no article files in this folder")
            files.extend(found)
        else:
            files.append(p)
    return files


def read_files(paths: Sequence[Path | str]) -> Dataset:
    """Published files (or folders of them) read into an in-memory store."""
    started = time.perf_counter()
    files = data_files(paths)
    st = ox.Store()
    for path in files:
        _read_into(st, path)
    # The default graph: every distinct triple once, so that an entity described in several
    # article files is one set of triples to a query, as in a corpus's entity graph.
    st.extend([ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
               for q in st.quads_for_pattern(None, None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph)])
    n = len(files)
    return Dataset(st, f"{n} file{'s' if n != 1 else ''}", time.perf_counter() - started, union_default=False)


def _read_into(st: ox.Store, path: Path) -> None:
    source = read_input(path)  # the checks of `newsgraph validate` and `load`: nothing is fetched
    fmt = source.format
    try:
        quads = list(ox.parse(source.data, format=fmt, base_iri=source.base_iri))
    except SyntaxError as exc:
        raise RDFInputError(f"{path}: not valid {fmt.name}: {' '.join(str(exc).split())[:200]}") from None
    except (OSError, ValueError) as exc:
        raise RDFInputError(f"{path}: cannot read: {' '.join(str(exc).split())[:200]}") from None
    quads = _numbered_blank_nodes(quads, path, source.data)
    if not fmt.supports_datasets:
        articles = {q.subject for q in quads if q.predicate == _RDF_TYPE and q.object == _NEWS_ARTICLE
                    and isinstance(q.subject, ox.NamedNode)}
        # A file that is not one article's graph (an ontology, a hand-made graph) is a
        # named graph of its own, named after the file (its name only, never its folder).
        graph = next(iter(articles)) if len(articles) == 1 else ox.NamedNode(f"urn:newsgraph:file:{_name(path)}")
        quads = [ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads]
    else:
        quads = [q if not isinstance(q.graph_name, ox.DefaultGraph) else
                 ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(f"urn:newsgraph:file:{_name(path)}"))
                 for q in quads]
    st.extend(quads)


def _numbered_blank_nodes(quads: list, path: Path, data: bytes | str) -> list:
    """``quads`` with their blank nodes named by the file (its name and content) and their
    order in it, not by the parser's random labels: the same files read twice (by the
    server and by the processes of `serve --prerender`, or by two runs) give the same
    documents, byte for byte."""
    import hashlib

    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    prefix = "f" + hashlib.sha256(path.name.encode("utf-8") + b"\0" + raw).hexdigest()[:16] + "b"
    names: dict[ox.BlankNode, ox.BlankNode] = {}

    def term(t):
        if isinstance(t, ox.BlankNode):
            found = names.get(t)
            if found is None:
                found = names[t] = ox.BlankNode(f"{prefix}{len(names)}")
            return found
        return t

    if not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object, q.graph_name)):
        return quads
    return [ox.Quad(term(q.subject), q.predicate, term(q.object), term(q.graph_name)) for q in quads]


def _name(path: Path) -> str:
    from urllib.parse import quote

    return quote(path.name, safe="")
