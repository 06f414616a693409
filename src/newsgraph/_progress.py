"""Progress bar and end-of-run summary for corpus builds: pure formatting onto a given stream.

The library only calls `progress(done, total, current_id)`; whether and how that is shown is
decided here, for the CLI: nothing until the run has taken a second (short runs stay quiet),
nothing when the stream is not a terminal or the user asked for quiet.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from newsgraph.corpus import CorpusReport


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
    ):
        self.stream = stream
        # Redrawing with \r only makes sense on a terminal; in a log file it would be noise.
        self.enabled = _is_terminal(stream) if enabled is None else enabled
        self.delay = delay
        self.width = width
        self.clock = clock
        self.started = clock()
        self.shown = False
        self._last_length = 0

    def __call__(self, done: int, total: int, current: str) -> None:
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
        return f"[{bar}] {done:>{len(str(total))}}/{total} articles  {rate:.1f} articles/s  ETA {eta}  {name}"

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
    if report.failures:
        lines.append("failed:")
        for failure in report.failures:
            lines.append(f"  {failure.path}  (exit {failure.exit_code})  {_reason(failure.path, failure.reason)}")
    return "\n".join(lines)


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
