"""Shared by test_serve.py and test_serve_browser.py: articles built with the real pipeline,
a real Uvicorn server on loopback, and an independent (rdflib) computation of what the
server must answer for an IRI."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "out" / "umerov-ramstein-2024.ttl"
BASE = "https://w3id.org/newsgraph/id/"
NG = Namespace("https://w3id.org/newsgraph/ontology#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")

# An article whose headline and quotes carry markup and a javascript: URL: the pages must
# show them as text.
HOSTILE = """---
title: 'Minister warns <script>alert(1)</script> "><img src=x onerror=alert(1)> attack'
published: 2025-03-01
---
Minister warns <script>alert(1)</script> "><img src=x onerror=alert(1)> attack

“<script>alert(1)</script> is dangerous,” Minister John Smith said.

John Smith, the Minister of Defence of Canada, said that more than 500 Shahed drones were launched in two weeks.

“The "><img src=x onerror=alert(1)> trick and javascript:alert(1) links are everywhere,” Smith said.
"""

# Two dated articles making claims about the same count, for the claims ledger.
DATED = {
    "drones-january": """---
title: Drone attacks rise, minister says
published: 2024-01-15
---
Drone attacks rise, minister says

Ukraine's Minister of Defense Rustem Umerov said that Russia launched more than 300 Shahed drones in one month.

“We shot down most of them,” Umerov said.
""",
    "drones-june": """---
title: Drone attacks rise again
published: 2024-06-10
---
Drone attacks rise again

Ukraine's Minister of Defense Rustem Umerov said that Russia launched more than 800 Shahed drones in one month.

“Our air defense is getting stronger,” Umerov said.
""",
}

# What the pipeline refuses to produce (a javascript: URL as the article's url and as a
# person's sameAs, markup in a person's name) but a graph from elsewhere may hold.
HANDMADE = """
@prefix schema: <https://schema.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix ng: <https://w3id.org/newsgraph/ontology#> .
<https://w3id.org/newsgraph/id/article/handmade> a schema:NewsArticle ;
    schema:headline "Handmade <b>bold</b> headline" ;
    schema:url <javascript:alert(3)> ;
    schema:text "Text of the handmade article." ;
    schema:mentions <https://w3id.org/newsgraph/id/person/mallory> .
<https://w3id.org/newsgraph/id/person/mallory> a schema:Person ;
    schema:name "Mallory <script>alert(2)</script>" ;
    owl:sameAs <javascript:alert(4)> , <http://www.wikidata.org/entity/Q1> ;
    ng:note [ schema:name "a blank node" ; schema:description "followed by the description" ] .
"""

_built: dict[str, list[Path]] = {}


def build_articles(folder: Path) -> list[Path]:
    """The hostile and dated articles built with the real pipeline, plus the hand-made graph."""
    key = str(folder)
    if key in _built:
        return _built[key]
    from newsgraph import pipeline

    src = folder / "articles"
    out = folder / "out"
    src.mkdir(parents=True, exist_ok=True)
    files = []
    for name, text in {"hostile": HOSTILE, **DATED}.items():
        path = src / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        result = pipeline.build(path, out, pipeline.Options())
        files.append(next(p for p in result.written if p.suffix == ".ttl"))
    handmade = out / "handmade.ttl"
    handmade.write_text(HANDMADE, encoding="utf-8")
    files.append(handmade)
    _built[key] = files
    return files


class LiveServer:
    """`newsgraph serve`'s application under Uvicorn on 127.0.0.1, in a thread. With
    ``documents`` (a folder), as `newsgraph serve --documents DIR [--prerender -j JOBS]`:
    the folder is opened for the data (``self.folder``) and, with ``prerender``, every
    document made into it first (``self.report``)."""

    def __init__(self, paths: list[Path], *, documents: Path | None = None, prerender: bool = False, jobs: int = 1,
                 **config):
        import uvicorn

        from newsgraph.serve import Config, bind, create_app, fingerprint, open_documents, read_files
        from newsgraph.serve import prerender as make_documents

        self.dataset = read_files(paths)
        self.sock = bind("127.0.0.1", 0)
        self.url = "http://127.0.0.1:%d" % self.sock.getsockname()[1]
        cfg = Config(**config)
        self.folder = self.report = None
        if documents is not None:
            self.folder = open_documents(documents, fingerprint(cfg, files=paths))
            cfg.documents, cfg.document_origin = str(documents), self.url
            if prerender:
                self.report = make_documents(self.folder, cfg, origin=self.url, paths=paths, jobs=jobs)
        self.app = create_app(self.dataset, cfg)
        self.site = self.app.state.site
        self.server = uvicorn.Server(uvicorn.Config(self.app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


def union_graph(paths: list[Path]) -> Graph:
    g = Graph()
    for p in paths:
        g.parse(p, format="turtle")
    return g


_ANCHOR_TYPES = (NG.TextAnchor, OA.TextPositionSelector, OA.TextQuoteSelector)


def expected_description(g: Graph, iri: str) -> Graph:
    """The description of ``iri`` as docs/serve.md defines it, computed with rdflib: its
    triples, following blank nodes; its anchors' triples; the rdfs:label and schema:name of
    every IRI it links to."""
    root = URIRef(iri)
    out = Graph()
    done = {root}

    def follow(node) -> None:
        for p, o in g.predicate_objects(node):
            out.add((node, p, o))
            if isinstance(o, BNode) and o not in done:
                done.add(o)
                follow(o)

    follow(root)
    for o in set(out.objects()):
        if isinstance(o, URIRef) and o not in done and any((o, RDF.type, t) in g for t in _ANCHOR_TYPES):
            done.add(o)
            follow(o)
    for o in set(out.objects()):
        if isinstance(o, URIRef) and o != root:
            for p in (RDFS.label, SCHEMA.name):
                for label in g.objects(o, p):
                    out.add((o, p, label))
    return out
