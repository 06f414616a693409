"""Corpus builds: per-article files plus one named-graph dataset, merged entities, incremental
rebuilds, failures that do not stop the run, byte-identical parallel and Dask runs, and
per-article validation that adds up to validating the merged graph."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import ORG, RDF

from newsgraph import pipeline
from newsgraph.cli import ProgressBar, format_summary
from newsgraph.corpus import (
    CACHE_DIR,
    MANIFEST_NAME,
    ArticleFailure,
    CorpusReport,
    RemovedArticle,
    build_corpus,
    dataset_graph,
    entity_graph_iri,
    plan_merge,
)
from newsgraph.errors import PartlyFailed
from newsgraph.namespaces import DEFAULT_BASE, SCHEMA
from newsgraph.validate import load_shapes, validate_graph

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "umerov-ramstein-2024.txt"
HTML = ROOT / "tests" / "fixtures" / "html"
BASE = DEFAULT_BASE
UMEROV = URIRef(f"{BASE}person/rustem-umerov")

#: Variations of the sample: distinct file names (identities) and small edits to the text.
VARIANTS = {
    "ramstein-a": lambda t: t,
    "ramstein-b": lambda t: t.replace("400 soldiers", "450 soldiers"),
    "ramstein-c": lambda t: t.replace("Mariinka", "Avdiivka"),
    "ramstein-d": lambda t: t.replace("– France – Artillery Coalition", "– Sweden – Artillery Coalition"),
}
DATASET = ("corpus.nq", "corpus.trig", "void.ttl")


def _write_corpus(folder: Path, variants=VARIANTS, bad: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8")
    for name, edit in variants.items():
        (folder / f"{name}.txt").write_text(edit(text), encoding="utf-8")
    if bad:
        (folder / "broken.txt").write_bytes(b"\x00\x01binary\xff\xfe" * 40)
    return folder


def _article(article_id: str) -> URIRef:
    return URIRef(f"{BASE}article/{article_id}")


def _dataset(out: Path, name: str = "corpus.trig") -> Dataset:
    ds = Dataset()
    ds.parse(out / name, format="trig" if name.endswith(".trig") else "nquads")
    return ds


def _graph_lines(out: Path, graph: URIRef) -> list[str]:
    tail = f" <{graph}> .\n"
    return [line for line in (out / "corpus.nq").read_text(encoding="utf-8").splitlines(keepends=True) if line.endswith(tail)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("articles"))


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory) -> tuple[Path, CorpusReport]:
    out = tmp_path_factory.mktemp("out-j1")
    calls = []
    report = build_corpus([corpus], out, pipeline.Options(), jobs=1, progress=lambda *a: calls.append(a))
    report.progress_calls = calls  # for the progress test
    return out, report


@pytest.fixture(scope="module")
def built_j2(corpus, tmp_path_factory) -> tuple[Path, CorpusReport]:
    out = tmp_path_factory.mktemp("out-j2")
    return out, build_corpus([corpus], out, pipeline.Options(), jobs=2)


# --------------------------------------------------------------------------- outputs


def test_per_article_files_and_dataset_exist_and_parse(built):
    out, report = built
    ids = sorted(VARIANTS)
    assert [a.id for a in report.articles] == ids
    for article_id in ids:
        assert (out / f"{article_id}.ttl").is_file() and (out / f"{article_id}.jsonld").is_file()
    for name in DATASET:
        assert (out / name).is_file()
    trig, nq = _dataset(out, "corpus.trig"), _dataset(out, "corpus.nq")
    assert set(trig.quads()) == set(nq.quads())
    names = {g.identifier for g in nq.graphs() if len(g)}
    assert names == {_article(i) for i in ids} | {URIRef(entity_graph_iri(BASE))}
    assert report.triples == len(set(nq.quads()))


def test_per_article_files_are_those_of_a_single_build(built, tmp_path):
    out, _ = built
    single = pipeline.build(SAMPLE, tmp_path, pipeline.Options())
    assert single.written  # the sample itself, under its own name
    # ramstein-a is the sample under another name: the same graph but for the article id.
    ours = (out / "ramstein-a.ttl").read_text(encoding="utf-8")
    theirs = (tmp_path / "umerov-ramstein-2024.ttl").read_text(encoding="utf-8")
    assert ours.replace("ramstein-a", "X") == theirs.replace("umerov-ramstein-2024", "X")


def test_entities_live_in_the_entity_graph_and_facts_in_article_graphs(built):
    out, _ = built
    ds = _dataset(out)
    entities = ds.graph(URIRef(entity_graph_iri(BASE)))
    assert (UMEROV, RDF.type, SCHEMA.Person) in entities
    assert list(entities.objects(UMEROV, SCHEMA.name)) == [Literal("Rustem Umerov")]
    for article_id in VARIANTS:
        graph = ds.graph(_article(article_id))
        assert (UMEROV, SCHEMA.name, None) not in graph  # names only in the entity graph
        assert (_article(article_id), RDF.type, SCHEMA.NewsArticle) in graph


def test_the_same_person_is_one_iri_across_articles(built):
    out, _ = built
    ds = _dataset(out)
    holders = {getattr(ctx, "identifier", ctx) for _, _, _, ctx in ds.quads((None, ORG.member, UMEROV, None))}
    assert holders == {_article(i) for i in VARIANTS}
    people = {s for s, _, _, _ in ds.quads((None, RDF.type, SCHEMA.Person, None))}
    assert sum("umerov" in str(p) for p in people) == 1


def test_void_describes_the_dataset(built):
    out, report = built
    from rdflib import Graph

    void = Graph().parse(out / "void.ttl")
    vd = "http://rdfs.org/ns/void#"
    dataset = URIRef(f"{BASE}dataset/corpus")
    assert int(void.value(dataset, URIRef(vd + "triples"))) == report.triples
    assert int(void.value(dataset, URIRef(vd + "documents"))) == len(VARIANTS)
    assert int(void.value(dataset, URIRef(vd + "entities"))) == report.entities > 0
    assert len(list(void.objects(dataset, URIRef(vd + "subset")))) == len(VARIANTS) + 1


# --------------------------------------------------------------------------- failures


def test_a_bad_file_is_reported_and_the_rest_built(built):
    _, report = built
    assert report.status == "partly failed" and report.partly_failed
    [failure] = report.failures
    assert failure.path.endswith("broken.txt") and failure.exit_code == 3
    assert "binary" in failure.reason and "newsgraph-chunk" not in failure.reason
    assert report.built == len(VARIANTS)


def test_progress_is_called_for_every_article(built):
    _, report = built
    calls = report.progress_calls
    assert [c[0] for c in calls] == list(range(1, len(VARIANTS) + 2))
    assert {c[1] for c in calls} == {len(VARIANTS) + 1}


def test_cli_builds_a_folder_and_says_partly_failed(built, corpus, tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main

    out, _ = built
    shutil.copytree(out, tmp_path / "out")
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == PartlyFailed.exit_code == 9
    assert "broken.txt" in result.output and "articles reused" in result.output
    last = result.output.splitlines()[-1]
    assert last.startswith("Error: corpus partly failed: 1 failure (listed above);")


# --------------------------------------------------------------------------- any bad article, any kind of input


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tuple[Path, Path, object]:
    """A folder of every input kind, articles that break the reader in ways its typed errors do
    not cover, and files that are not articles; built once with the CLI."""
    from click.testing import CliRunner

    from newsgraph.cli import main

    folder = tmp_path_factory.mktemp("mixed")
    text = SAMPLE.read_text(encoding="utf-8")
    shutil.copy(SAMPLE, folder / SAMPLE.name)  # the published sample, under its own name
    shutil.copy(HTML / "baltic-air-defence.html", folder / "baltic-air-defence.html")
    (folder / "pages").mkdir()
    shutil.copy(HTML / "naval-drone-trials.html", folder / "pages" / "naval-drone-trials.htm")
    (folder / "bad-date.md").write_text("---\ntitle: A date that is not one\ndate: 2024-02-30\n---\n" + text, encoding="utf-8")
    (folder / "deep.txt").write_text("---\ntitle: " + "[" * 100_000 + "\n---\n" + text, encoding="utf-8")
    (folder / "rot13.html").write_text('<html><head><meta charset="rot13"><title>x</title></head><body><p>' + text[:2000] + "</p></body></html>", encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    (folder / "README.md").write_text("# Articles\n\nThe articles of this folder, for a test.\n", encoding="utf-8")
    (folder / "baltic-air-defence.gold.yaml").write_text("entities: []\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text(text, encoding="utf-8")  # hidden files are not looked at
    out = tmp_path_factory.mktemp("mixed-out")
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "-q"])
    return folder, out, result


def test_a_bad_article_of_any_kind_fails_alone_and_the_others_are_built(mixed):
    folder, out, result = mixed
    assert result.exit_code == 9, result.output
    lines = result.output.splitlines()
    failed = [line for line in lines if line.startswith(f"  {folder}")]
    assert failed == [
        f"  {folder / 'bad-date.md'}  (exit 3)  front matter date: '2024-02-30' is not an ISO 8601 date or date-time",
        f"  {folder / 'deep.txt'}  (exit 3)  the front matter is not valid YAML (line 2)",
    ]
    assert lines[-1] == f"Error: corpus partly failed: 2 failures (listed above); 4 articles built into {out}"
    # .txt, .html, .htm, and a page whose charset is not a text encoding (read as UTF-8)
    for article_id in ("umerov-ramstein-2024", "baltic-air-defence", "naval-drone-trials", "rot13"):
        assert (out / f"{article_id}.ttl").is_file() and (out / f"{article_id}.jsonld").is_file()
    assert not (out / "hidden.ttl").exists()


def test_an_unexpected_error_in_one_article_fails_it_alone(tmp_path, monkeypatch):
    """A bug met by one article (any exception) is that article's failure, with its type; the
    others are built and the run ends with exit 9, not 70."""
    from click.testing import CliRunner

    from newsgraph import pipeline
    from newsgraph.cli import main

    real = pipeline.article_graph

    def article_graph(article, *args, **kwargs):
        if article.id == "explodes":
            raise RuntimeError("a bug met by this article only")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(pipeline, "article_graph", article_graph)
    shutil.copy(SAMPLE, tmp_path / "explodes.txt")
    shutil.copy(SAMPLE, tmp_path / "fine.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "explodes.txt"), str(tmp_path / "fine.txt"),
                                       "-o", str(out), "-q", "-j", "1"])
    assert result.exit_code == 9, result.output
    assert f"  {tmp_path / 'explodes.txt'}  (exit 70)  internal error: RuntimeError: a bug met by this article only" in result.output.splitlines()
    assert (out / "fine.ttl").is_file() and not (out / "explodes.ttl").exists()


def test_files_that_are_not_articles_are_named_as_skipped(mixed):
    folder, _, result = mixed
    skipped = next(line for line in result.output.splitlines() if "skipped" in line)
    assert skipped == (f"  3 files skipped (not txt/md/html/htm articles): {folder / 'README.md'}, "
                       f"{folder / 'baltic-air-defence.gold.yaml'}, {folder / 'notes.json'}")


def test_a_corpus_worker_and_a_single_build_write_the_same_bytes(mixed):
    """Both run pipeline.article_graph: the corpus's files are the published sample's."""
    _, out, _ = mixed
    for suffix in (".ttl", ".jsonld"):
        published = ROOT / "out" / f"umerov-ramstein-2024{suffix}"
        assert (out / published.name).read_bytes() == published.read_bytes(), published.name


def test_an_article_no_longer_given_has_its_files_removed(built, corpus, tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main

    out, _ = built
    articles, again = tmp_path / "articles", tmp_path / "out"
    shutil.copytree(corpus, articles)
    shutil.copytree(out, again)
    (articles / "ramstein-d.txt").unlink()
    (again / "notes.ttl").write_text("# the user's, not the build's\n", encoding="utf-8")
    report = build_corpus([articles], again, pipeline.Options(), jobs=1)
    gone = (again / "ramstein-d.ttl", again / "ramstein-d.jsonld", again / CACHE_DIR / "ramstein-d.nt")
    assert report.removed == [RemovedArticle("ramstein-d", gone)]
    assert not any(path.exists() for path in gone)
    assert (again / "notes.ttl").is_file() and (again / "ramstein-a.ttl").is_file()
    assert (report.built, report.reused) == (0, len(VARIANTS) - 1)
    assert _graph_lines(again, _article("ramstein-d")) == []
    # Said once, by the run that removed them; the next run has nothing to remove.
    result = CliRunner().invoke(main, ["build", str(articles), "-o", str(again), "-q"])
    assert "no longer given" not in result.output
    (articles / "ramstein-c.txt").unlink()
    result = CliRunner().invoke(main, ["build", str(articles), "-o", str(again), "-q"])
    assert "  1 article no longer given, its files removed: ramstein-c" in result.output.splitlines()


# --------------------------------------------------------------------------- parallel, incremental


@pytest.mark.slow
def test_two_jobs_give_byte_identical_output(built, built_j2):
    (one, r1), (two, r2) = built, built_j2
    for name in (*DATASET, *(f"{i}.ttl" for i in VARIANTS), *(f"{i}.jsonld" for i in VARIANTS)):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    assert r2.failures == r1.failures


def test_a_second_run_reuses_every_article(built, corpus, tmp_path):
    out, first = built
    again = tmp_path / "out"
    shutil.copytree(out, again)
    report = build_corpus([corpus], again, pipeline.Options(), jobs=2)
    assert (report.built, report.reused, report.failed) == (0, len(VARIANTS), 1)  # nothing extracted
    for name in DATASET:
        assert (again / name).read_bytes() == (out / name).read_bytes(), name
    assert (again / MANIFEST_NAME).is_file()


def test_an_unchanged_corpus_leaves_the_dataset_alone_unless_its_files_were_touched(built, corpus, tmp_path):
    out, first = built
    again = tmp_path / "out"
    shutil.copytree(out, again)
    stamps = {name: (again / name).stat().st_mtime_ns for name in DATASET}
    report = build_corpus([corpus], again, pipeline.Options(), jobs=1)
    assert {name: (again / name).stat().st_mtime_ns for name in DATASET} == stamps  # not written again
    # The summary is the same as when the dataset was assembled.
    assert (report.triples, report.entities, report.validation) == (first.triples, first.entities, first.validation)
    assert report.entity_report.results == first.entity_report.results
    assert [f.reason for f in report.failures] == [f.reason for f in first.failures]

    (again / "corpus.trig").unlink()
    (again / "corpus.nq").write_text("edited by hand\n", encoding="utf-8")
    build_corpus([corpus], again, pipeline.Options(), jobs=1)
    for name in DATASET:
        assert (again / name).read_bytes() == (out / name).read_bytes(), name


def test_a_changed_article_replaces_its_graph(built, corpus, tmp_path):
    out, _ = built
    articles, again = tmp_path / "articles", tmp_path / "out"
    shutil.copytree(corpus, articles)
    shutil.copytree(out, again)
    changed = articles / "ramstein-b.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("450 soldiers", "470 soldiers"), encoding="utf-8")
    report = build_corpus([articles], again, pipeline.Options(), jobs=1)
    assert (report.built, report.reused) == (1, len(VARIANTS) - 1)
    graph = _dataset(again).graph(_article("ramstein-b"))
    values = {int(v) for v in graph.objects(None, SCHEMA.value) if str(v).isdigit()}
    assert 470 in values and 450 not in values
    for other in ("ramstein-a", "ramstein-c", "ramstein-d"):
        assert _graph_lines(again, _article(other)) == _graph_lines(out, _article(other))


@pytest.mark.slow
def test_dask_cluster_gives_byte_identical_output(built, corpus, tmp_path):
    distributed = pytest.importorskip("distributed", reason="the 'corpus' extra (dask distributed) is not installed")
    out, _ = built
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        address = cluster.scheduler_address.removeprefix("tcp://")
        report = build_corpus([corpus], tmp_path, pipeline.Options(), executor=f"dask://{address}")
    assert report.built == len(VARIANTS)
    for name in (*DATASET, *(f"{i}.ttl" for i in VARIANTS)):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


# --------------------------------------------------------------------------- validation at scale

#: Extra shapes: warnings on article nodes and on entity nodes, and one violation that makes
#: exactly one article not conform.
EXTRA_SHAPES = f"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix t: <https://example.org/test-shapes#> .

t:StatisticPer a sh:NodeShape ; sh:targetClass ng:Statistic ;
    sh:property [ sh:path ng:per ; sh:minCount 1 ; sh:severity sh:Warning ; sh:message "A statistic should say per what." ] .
t:CountryAlias a sh:NodeShape ; sh:targetClass schema:Country ;
    sh:property [ sh:path schema:alternateName ; sh:minCount 1 ; sh:severity sh:Info ; sh:message "A country should have another name." ] .
t:OneArticle a sh:NodeShape ; sh:targetNode <{BASE}article/ramstein-c> ;
    sh:property [ sh:path schema:text ; sh:maxLength 100 ; sh:message "This article is too long (test shape)." ] .
"""


@pytest.mark.slow
def test_per_article_and_entity_validation_add_up_to_validating_the_merged_graph(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(load_shapes().serialize(format="turtle") + EXTRA_SHAPES, encoding="utf-8")
    variants = {k: VARIANTS[k] for k in ("ramstein-a", "ramstein-c", "ramstein-d")}
    articles = _write_corpus(tmp_path / "articles", variants, bad=False)
    options = pipeline.Options(shapes=shapes)
    report = build_corpus([articles], tmp_path / "out", options, jobs=2)

    [failure] = report.failures  # the one that breaks the test shape
    assert failure.article_id == "ramstein-c" and failure.exit_code == 1
    # The reference: one pySHACL call on the merged graph (the build used the fast engine).
    whole = validate_graph(dataset_graph(tmp_path / "out"), load_shapes(shapes), engine="pyshacl")
    key = lambda results: {(r.focus, r.path, r.severity, r.message) for r in results}  # noqa: E731
    assert key(report.validation) == key(whole.results)
    severities = {r.severity for r in report.validation}
    assert {"Warning", "Info"} <= severities  # warnings on article nodes and entity nodes were compared


# --------------------------------------------------------------------------- merge rules (no NLP)


def _ref(iri: str, name: str, qid: str | None = None, aliases=()) -> dict:
    folder = iri.split("/")[-2]
    return {"iri": f"{BASE}{iri}", "folder": folder, "name": name, "aliases": list(aliases), "qid": qid}


def test_merge_a_surname_joins_the_one_fuller_name():
    plan = plan_merge({
        "a": [_ref("person/rustem-umerov", "Rustem Umerov", aliases=["Umerov"])],
        "b": [_ref("person/umerov", "Umerov")],
    })
    assert plan.rename["b"] == {f"{BASE}person/umerov": f"{BASE}person/rustem-umerov"}
    assert plan.rename["a"] == {}
    assert plan.names[f"{BASE}person/rustem-umerov"] == "Rustem Umerov"


def test_merge_an_ambiguous_surname_stays_apart():
    plan = plan_merge({
        "a": [_ref("person/rustem-umerov", "Rustem Umerov")],
        "b": [_ref("person/ayla-umerov", "Ayla Umerov")],
        "c": [_ref("person/umerov", "Umerov")],
    })
    assert plan.rename["c"] == {}


def test_merge_by_wikidata_item_first():
    plan = plan_merge({
        "a": [_ref("country/great-britain", "Great Britain", "Q145")],
        "b": [_ref("country/united-kingdom", "United Kingdom", "Q145"), _ref("country/britain", "Britain")],
    })
    target = f"{BASE}country/united-kingdom"  # same words, longer name
    assert plan.rename["a"] == {f"{BASE}country/great-britain": target}
    assert plan.names[target] == "United Kingdom"
    assert "Great Britain" in plan.other_names[target]
    # "Britain" is not a name of Q145 in these articles and not a person: it stays.
    assert plan.rename["b"] == {}


def test_merge_two_items_on_one_name_stay_two_entities():
    plan = plan_merge({
        "a": [_ref("person/john-smith", "John Smith", "Q1")],
        "b": [_ref("person/john-smith", "John Smith", "Q2")],
    })
    assert plan.rename["a"][f"{BASE}person/john-smith"] == f"{BASE}person/john-smith-q1"
    assert plan.rename["b"][f"{BASE}person/john-smith"] == f"{BASE}person/john-smith-q2"


def test_merge_does_not_depend_on_article_order():
    refs = {
        "a": [_ref("person/umerov", "Umerov")],
        "b": [_ref("person/rustem-umerov", "Rustem Umerov", "Q5")],
        "c": [_ref("country/uk", "UK", "Q145"), _ref("country/united-kingdom", "United Kingdom", "Q145")],
    }
    forward, backward = plan_merge(refs), plan_merge(dict(reversed(list(refs.items()))))
    assert forward.rename == backward.rename and forward.names == backward.names


# --------------------------------------------------------------------------- progress formatting


class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_bar_waits_a_second_then_draws_rate_and_eta():
    stream, clock = io.StringIO(), _Clock()
    bar = ProgressBar(stream, enabled=True, clock=clock)
    bar(1, 10, "first")
    assert stream.getvalue() == ""  # runs under a second stay quiet
    clock.now = 2.0
    bar(4, 10, "fourth")
    line = stream.getvalue()
    assert line.startswith("\r[") and " 4/10 articles" in line and "2.0 articles/s" in line and "ETA 0:03" in line
    bar.close()
    assert stream.getvalue().endswith("\n")


def test_progress_bar_is_quiet_off_a_terminal():
    stream, clock = io.StringIO(), _Clock()
    bar = ProgressBar(stream, clock=clock)  # StringIO is not a terminal
    clock.now = 5.0
    bar(1, 2, "x")
    bar.close()
    assert stream.getvalue() == ""


def test_summary_lists_counts_and_failures():
    report = CorpusReport(out_dir=Path("out"), triples=1234, seconds=2.5)
    report.failures.append(ArticleFailure("in/bad.txt", "in/bad.txt: looks like a binary file, not text", 3, "bad"))
    text = format_summary(report)
    assert "partly failed" in text and "1234" in text and "2.5" in text
    assert "in/bad.txt  (exit 3)  looks like a binary file, not text" in text


def test_summary_names_skipped_files_and_removed_articles_in_one_line_each():
    report = CorpusReport(out_dir=Path("out"))
    report.skipped = [Path(f"in/{i}.json") for i in range(7)]
    report.removed = [RemovedArticle("old-a", (Path("out/old-a.ttl"),)), RemovedArticle("old-b", ())]
    lines = format_summary(report).splitlines()
    assert "  7 files skipped (not txt/md/html/htm articles): in/0.json, in/1.json, in/2.json, in/3.json, in/4.json and 2 more" in lines
    assert "  2 articles no longer given, their files removed: old-a, old-b" in lines


@pytest.mark.slow
def test_a_long_article_in_a_corpus_is_parsed_as_a_single_build_parses_it(tmp_path):
    """Past PARSE_CHUNK_CHARS a single build parses in pieces; a corpus batch must not parse the
    same text whole (the record could differ by a word at a cut): same bytes either way."""
    from click.testing import CliRunner

    from newsgraph.cli import main
    from newsgraph.extract.nlp import PARSE_CHUNK_CHARS

    text = SAMPLE.read_text(encoding="utf-8")
    headline, body = text.split("\n", 1)
    copies = PARSE_CHUNK_CHARS // len(body) + 2
    (tmp_path / "long.txt").write_text(headline + "\n" + (body.rstrip("\n") + "\n\n") * copies, encoding="utf-8")
    assert len((tmp_path / "long.txt").read_text(encoding="utf-8")) > PARSE_CHUNK_CHARS
    shutil.copy(SAMPLE, tmp_path / "short.txt")
    single = CliRunner().invoke(main, ["build", str(tmp_path / "long.txt"), "-o", str(tmp_path / "single"), "--no-link"])
    assert single.exit_code == 0, single.output
    corpus = CliRunner().invoke(main, ["build", str(tmp_path / "long.txt"), str(tmp_path / "short.txt"),
                                       "-o", str(tmp_path / "corpus"), "--no-link", "-q"])
    assert corpus.exit_code == 0, corpus.output
    assert (tmp_path / "corpus" / "long.ttl").read_bytes() == (tmp_path / "single" / "long.ttl").read_bytes()


def test_parse_batch_leaves_long_articles_to_the_piecewise_parser(nlp):
    from newsgraph.extract.nlp import PARSE_CHUNK_CHARS
    from newsgraph.model import Article

    resources = pipeline.Resources(pipeline.Options(link=False))
    resources.__dict__["nlp"] = nlp  # the session's model (a cached property): loading another would only cost time
    long = Article(id="long", text="Word. " * (PARSE_CHUNK_CHARS // 6 + 10))
    short = Article(id="short", text=SAMPLE.read_text(encoding="utf-8"))
    docs = pipeline.parse_batch([long, short], resources)
    assert docs[0] is None and docs[1] is not None and docs[1].text.startswith("Russia loses")


def test_the_dataset_holds_no_quad_twice_and_void_counts_them(built, mixed):
    """Entities merged across articles can turn two of an article's triples into one (two IRIs
    renamed to one): the dataset writes it once, and VoID's counts are of what is written."""
    from rdflib import Graph
    from rdflib.namespace import VOID

    for out in (built[0], mixed[1]):
        lines = [line for line in (out / "corpus.nq").read_text(encoding="utf-8").splitlines() if line.strip()]
        assert len(lines) == len(set(lines))
        void = Graph().parse(out / "void.ttl")
        declared = sum(int(n) for subset in void.objects(None, VOID.subset) for n in void.objects(subset, VOID.triples))
        assert declared == len(lines)
