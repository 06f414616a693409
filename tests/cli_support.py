"""What every CLI error test checks: the exit code, and one line, neither a traceback nor an internal error."""

from __future__ import annotations


def one_line_error(result, code: int) -> str:
    """The one line a failed `CliRunner` invocation printed, after checking its exit code."""
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]
