"""Reading input files with their limits: regular files only, and never more bytes than allowed.

A FIFO would block an open for ever and `/dev/zero` never ends, so a path is opened without
blocking and refused unless it is a regular file; the size cap is checked while reading, so
an endless or growing file costs at most the cap in memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from newsgraph.errors import NewsgraphError

_CHUNK = 1 << 20


class FileLimitError(Exception):
    """A file cannot be read within the limits; the message is one line, without the path."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Raises FileNotFoundError, IsADirectoryError, PermissionError (OSError) as opening does, and
    FileLimitError for a file that is not a regular file or is larger than `limit`."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise FileLimitError(f"not a regular file ({_kind(mode)})")
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, _CHUNK)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > limit:
                raise FileLimitError(f"larger than the limit of {_size(limit)}")
            chunks.append(chunk)
    finally:
        os.close(fd)


def read_input(path: Path, what: str, limit: int, error: type[NewsgraphError]) -> bytes:
    """The bytes of the input file at `path` ("article file", "record file", "file"), or `error`
    with one line naming the path: missing, a directory, not a regular file, over `limit`, unreadable."""
    try:
        return read_regular_file(path, limit)
    except FileNotFoundError:
        raise error(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise error(f"{path}: is a directory, not a file") from None
    except FileLimitError as exc:
        raise error(f"{path}: {exc}") from None
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from None


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a file"


def _size(limit: int) -> str:
    return f"{limit // (1 << 20)} MiB" if limit >= 1 << 20 else f"{limit} bytes"
