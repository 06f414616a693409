"""Extraction time against article length: the sample article's body repeated 30, 60, 120 and
240 times (its paragraphs in order, again and again, with the site furniture after them once).

    .venv/bin/python benchmarks/bench_extract_scaling.py [--copies 30 60 120 240] [--no-subprocess]

Each size runs in a fresh process (so the peak memory printed is that size's own), after the
spaCy model is loaded. Printed: the parse (spaCy, in pieces of at most
`newsgraph.extract.nlp.PARSE_CHUNK_CHARS` characters; 240 copies are over spaCy's limit of
1,000,000 for one text) and the rules (`extract_record` on the parsed text), each in CPU seconds
(steadier than wall time on a shared machine), the total per copy, and the peak memory. A
linear extractor shows a constant time per copy. Figures only: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "umerov-ramstein-2024.txt"


def repeated_article(copies: int) -> str:
    """The sample's body paragraphs `copies` times over, then its furniture once."""
    from newsgraph.extract.boilerplate import find_body_end

    text = SAMPLE.read_text(encoding="utf-8")
    body_end = find_body_end(text)
    body, furniture = text[:body_end], text[body_end:]
    return "\n\n".join([body] * copies) + furniture


def measure(copies: int) -> dict:
    """Time one extraction of the repeated article (model and gazetteer loaded first)."""
    from newsgraph.extract import extract_record, load_nlp, text_to_parse
    from newsgraph.extract.nlp import PARSE_CHUNK_CHARS, parse, parse_chunks, with_line_breaks
    from newsgraph.gazetteer import load_gazetteer
    from newsgraph.model import Article

    nlp = with_line_breaks(load_nlp())
    gazetteer = load_gazetteer()
    text = repeated_article(copies)
    article = Article(id=f"sample-x{copies}", text=text, title=None, source=SAMPLE.name)
    body = text_to_parse(text)
    started = time.process_time()
    doc = parse(nlp, body)
    parsed = time.process_time()
    record = extract_record(article, nlp, gazetteer, doc=doc)
    done = time.process_time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "copies": copies,
        "chars": len(text),
        "pieces": len(parse_chunks(body, PARSE_CHUNK_CHARS)),
        "parse": parsed - started,
        "rules": done - parsed,
        "peak_mib": peak / 1024,
        "entities": len(record.entities),
        "statistics": len(record.statistics),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[30, 60, 120, 240])
    parser.add_argument("--no-subprocess", action="store_true", help="measure every size in this process")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: one size, JSON out
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one)))
        return
    print(f"{'copies':>6} {'characters':>11} {'pieces':>6} {'parse s':>8} {'rules s':>8} {'ms/copy':>8} "
          f"{'peak MiB':>9} {'entities':>8} {'statistics':>10}")
    for copies in args.copies:
        if args.no_subprocess:
            row = measure(copies)
        else:
            done = subprocess.run([sys.executable, __file__, "--one", str(copies)], capture_output=True, text=True)
            if done.returncode != 0:
                last = (done.stderr.strip().splitlines() or ["no output"])[-1]
                print(f"{copies:>6} failed: {last}")
                continue
            row = json.loads(done.stdout.strip().splitlines()[-1])
        total = row["parse"] + row["rules"]
        print(f"{row['copies']:>6} {row['chars']:>11,} {row['pieces']:>6} {row['parse']:>8.2f} {row['rules']:>8.2f} "
              f"{1000 * total / row['copies']:>8.1f} {row['peak_mib']:>9.0f} {row['entities']:>8} {row['statistics']:>10}")


if __name__ == "__main__":
    main()
