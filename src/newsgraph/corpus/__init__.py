"""Corpus builds: many articles into per-article files and one merged, named-graph dataset.

    build_corpus([Path("articles/")], Path("out/"), Options(), jobs=2)

writes, in `out_dir`:

* `<id>.ttl`, `<id>.jsonld` per article, exactly as `newsgraph build` writes them (both run
  `pipeline.article_graph`);
* `corpus.nq` and `corpus.trig`: one named graph per article (named by the article IRI)
  and one graph `{base}graph/entities` holding the entities shared across articles;
* `void.ttl`: a VoID description of that dataset;
* `.newsgraph-manifest.json` and `.newsgraph-cache/<id>.nt`: what makes the next run
  incremental (an unchanged article is not extracted again).

Per-article Turtle/JSON-LD stay stand-alone (the IRIs a single build gives); only the dataset
carries merged IRIs (rules in `merge`), so adding an article never rewrites another article's
files. One bad article, whatever is wrong with it, is reported and the others are built.
Memory stays flat: articles are processed in bounded batches and the dataset is assembled by
streaming each article's cached N-Triples.

The modules, in the order a build uses them:

* `inputs`: which files are articles (folders: .txt, .md, .html, .htm), each read once;
* `settings`: the options as plain values for workers, and their digest;
* `manifest`: what the last run built, failed and wrote;
* `schedule`: batches, run in-process, in a process pool or on a Dask cluster;
* `worker`: one batch of articles through `newsgraph.pipeline`, to bytes (no file written);
* `merge`: which entities of different articles are one, and the entity graph;
* `dataset`: corpus.nq, corpus.trig and void.ttl;
* `build`: `build_corpus`, the run from inputs to output folder;
* `report`: what the run tells its caller (`CorpusReport`); progress is a plain callback.
"""

from newsgraph.corpus.build import build_corpus
from newsgraph.corpus.dataset import article_iri, dataset_graph, entity_graph_iri
from newsgraph.corpus.inputs import ARTICLE_SUFFIXES
from newsgraph.corpus.manifest import CACHE_DIR, DATASET_FILES, MANIFEST_NAME
from newsgraph.corpus.merge import ENTITY_FOLDERS, MergePlan, plan_merge
from newsgraph.corpus.report import ArticleFailure, ArticleSummary, CorpusReport, Progress, RemovedArticle
from newsgraph.corpus.worker import ArticleOutput, process_chunk

__all__ = [
    "ARTICLE_SUFFIXES",
    "CACHE_DIR",
    "DATASET_FILES",
    "ENTITY_FOLDERS",
    "MANIFEST_NAME",
    "ArticleFailure",
    "ArticleOutput",
    "ArticleSummary",
    "CorpusReport",
    "MergePlan",
    "Progress",
    "RemovedArticle",
    "article_iri",
    "build_corpus",
    "dataset_graph",
    "entity_graph_iri",
    "plan_merge",
    "process_chunk",
]
