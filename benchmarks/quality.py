#!/usr/bin/env python3
"""Extraction quality over a folder of annotated articles.

For every gold annotation `X.gold.yaml` (beside the articles, or in --gold-dir) this builds
the article `X.*` (`newsgraph build`, linked with the offline gazetteer unless --no-link), scores
the graph with the project's scorer (tests/fixtures/score.py) and prints precision, recall
and F1 per competency question, then the macro average over the articles. It prints
figures and asserts nothing.

    .venv/bin/python benchmarks/quality.py examples --gold-dir tests/fixtures/gold

A development set laid out as `FOLDER/dev/`, `FOLDER/heldout/` and `FOLDER/MANIFEST-*.tsv`
(columns split, file, domain, format, …) is scored per split, and within each split per domain
and per format (macro F1 per question):

    .venv/bin/python benchmarks/quality.py benchmarks/devset --split dev
    .venv/bin/python benchmarks/quality.py benchmarks/devset --split heldout   # once, at the end
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF

from newsgraph.cli import main as newsgraph_cli
from newsgraph.namespaces import SCHEMA

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT / "tests" / "fixtures" / "score.py"
QUERIES = ROOT / "ontology" / "queries"
#: Article files looked for beside a gold file, in this order.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: Questions scored with precision/recall/F1 (provenance is a count of exact anchors).
PRF_QUESTIONS = ("persons", "roles", "quotes", "statistics", "coalitions", "entities")


def load_scorer(path: Path = SCORER) -> ModuleType:
    # Imported by path: it is a copy of the evaluation script, not part of the package.
    spec = importlib.util.spec_from_file_location("newsgraph_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def find_pairs(articles: Path, gold_dir: Path) -> list[tuple[Path | None, Path]]:
    """(article, gold) for every *.gold.yaml; the article is None when it is missing."""
    pairs = []
    for gold in sorted(gold_dir.glob("*.gold.yaml")):
        stem = gold.name[: -len(".gold.yaml")]
        article = next((articles / f"{stem}{s}" for s in ARTICLE_SUFFIXES if (articles / f"{stem}{s}").is_file()), None)
        pairs.append((article, gold))
    return pairs


def build(article: Path, out: Path, extra: list[str]) -> tuple[Path | None, str]:
    """Runs `newsgraph build`; the Turtle file, or None and the error output."""
    result = CliRunner().invoke(newsgraph_cli, ["build", str(article), "-o", str(out), *extra])
    if result.exit_code != 0:
        return None, (result.output.strip().splitlines() or [f"exit {result.exit_code}"])[-1]
    ttl = next(out.glob("*.ttl"), None)
    return ttl, "" if ttl else "no Turtle file written"


def published_text(graph: Graph) -> str | None:
    # The offsets refer to the published schema:text, which for HTML or front matter is not the file.
    for node in graph.subjects(RDF.type, SCHEMA.NewsArticle):
        value = graph.value(node, SCHEMA.text)
        if value is not None:
            return str(value)
    return None


def score_article(score: ModuleType, ttl: Path, gold_path: Path) -> dict:
    import yaml

    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    names = score.Names(gold)
    graph = score.load_graph(ttl)
    report: dict = {}
    for question in score.QUESTIONS:
        query = QUERIES / f"{question}.rq"
        if not query.exists():
            report[question] = {"error": f"missing {query.name}"}
            continue
        rows = score.run_query(graph, query)
        if question == "provenance":
            report[question] = score.score_provenance(rows, published_text(graph))
        else:
            report[question] = score.SCORERS[question](rows, gold, names)
    return report


def print_table(title: str, report: dict) -> None:
    print(title)
    print(f"  {'question':<12} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}  notes")
    for question in PRF_QUESTIONS:
        r = report.get(question, {})
        if "f1" not in r:
            print(f"  {question:<12} {r.get('error', 'not scored')}")
            continue
        notes = []
        if "attributes" in r:
            notes.append(" ".join(f"{k}={v}" for k, v in r["attributes"].items()))
        if "linking" in r:
            notes.append(f"wikidata recall={r['linking']['recall']} precision={r['linking']['precision']}")
        print(f"  {question:<12} {r['gold']:>5} {r['predicted']:>5} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}  {'; '.join(notes)}".rstrip())
    prov = report.get("provenance", {})
    if "anchors" in prov:
        print(f"  {'provenance':<12} {prov['exact']}/{prov['anchors']} anchors match the published text exactly")


def macro(reports: list[dict]) -> dict:
    """Per question, the mean P/R/F1 over the articles (gold/pred: sums)."""
    out: dict = {}
    for question in PRF_QUESTIONS:
        scored = [r[question] for r in reports if "f1" in r.get(question, {})]
        if not scored:
            continue
        out[question] = {
            "gold": sum(s["gold"] for s in scored),
            "predicted": sum(s["predicted"] for s in scored),
            **{k: sum(s[k] for s in scored) / len(scored) for k in ("precision", "recall", "f1")},
        }
    anchors = [r["provenance"] for r in reports if "anchors" in r.get("provenance", {})]
    if anchors:
        out["provenance"] = {"anchors": sum(a["anchors"] for a in anchors), "exact": sum(a["exact"] for a in anchors)}
    return out


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """file name → its manifest row (split, domain, format, …), from every MANIFEST-*.tsv in `folder`."""
    rows: dict[str, dict[str, str]] = {}
    for manifest in sorted(folder.glob("MANIFEST-*.tsv")):
        lines = manifest.read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        for line in lines[1:]:
            if line.strip():
                row = dict(zip(header, line.split("\t")))
                rows[row["file"]] = row
    return rows


def score_folder(score: ModuleType, articles: Path, gold_dir: Path, extra: list[str], quiet: bool) -> list[tuple[str, dict]]:
    """(article file name, report) for every annotated article that builds; failures are printed."""
    reports = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-quality-") as tmp:
        for i, (article, gold) in enumerate(find_pairs(articles, gold_dir)):
            if article is None:
                print(f"{gold.name}: no article beside it ({', '.join(ARTICLE_SUFFIXES)}); skipped\n")
                continue
            ttl, error = build(article, Path(tmp) / str(i), extra)
            if ttl is None:
                print(f"{article.name}: build failed: {error}\n")
                continue
            report = score_article(score, ttl, gold)
            reports.append((article.name, report))
            if not quiet:
                print_table(f"{article.name} (gold {gold.name})", report)
                print()
    return reports


def print_summary(title: str, reports: list[dict]) -> None:
    summary = macro(reports)
    print_table(f"{title}: macro average over {len(reports)} article{'s' if len(reports) != 1 else ''}", summary)
    f1s = [summary[q]["f1"] for q in PRF_QUESTIONS if q in summary]
    if f1s:
        print(f"  macro F1 over {len(f1s)} questions: {sum(f1s) / len(f1s):.3f}")


def print_breakdown(by: str, named: list[tuple[str, dict]], manifest: dict[str, dict[str, str]]) -> None:
    """One line per value of `by` (domain, format): macro F1 per question and the article count."""
    groups: dict[str, list[dict]] = {}
    for name, report in named:
        groups.setdefault(manifest.get(name, {}).get(by, "(not in a manifest)"), []).append(report)
    print(f"  by {by}: {'n':>3} " + " ".join(f"{q[:10]:>10}" for q in PRF_QUESTIONS))
    for value in sorted(groups):
        summary = macro(groups[value])
        cells = " ".join(f"{summary[q]['f1']:>10.3f}" if q in summary else f"{'-':>10}" for q in PRF_QUESTIONS)
        print(f"  {value[:24]:<24} {len(groups[value]):>3} {cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, help="folder with the articles (X.txt, X.md or X.html), or a development set with dev/ and heldout/")
    parser.add_argument("--gold-dir", type=Path, help="folder with the X.gold.yaml files (default: the articles folder)")
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default=None,
                        help="in a development set: which split to score (default: dev; heldout only once, at the end)")
    parser.add_argument("--quiet", action="store_true", help="only the averages, not each article's table")
    parser.add_argument("--no-link", action="store_true", help="do not link entities to Wikidata")
    parser.add_argument("--model", help="spaCy model package (default: newsgraph's)")
    args = parser.parse_args(argv)

    score = load_scorer()
    extra = (["--no-link"] if args.no_link else []) + (["--model", args.model] if args.model else [])
    is_devset = (args.articles / "dev").is_dir()
    if not is_devset:
        if args.split:
            parser.error("--split needs a development set (a folder with dev/ and heldout/)")
        gold_dir = args.gold_dir or args.articles
        if not find_pairs(args.articles, gold_dir):
            print(f"no *.gold.yaml in {gold_dir}")
            return 0
        named = score_folder(score, args.articles, gold_dir, extra, args.quiet)
        if named:
            print_summary("all", [r for _, r in named])
        return 0
    manifest = read_manifest(args.articles)
    splits = ("dev", "heldout") if args.split == "all" else (args.split or "dev",)
    for split in splits:
        folder = args.articles / split
        named = score_folder(score, folder, folder, extra, args.quiet)
        if not named:
            print(f"{split}: nothing scored")
            continue
        print_summary(split, [r for _, r in named])
        print_breakdown("domain", named, manifest)
        print_breakdown("format", named, manifest)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
