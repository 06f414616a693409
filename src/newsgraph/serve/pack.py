"""The documents folder's pack: what prerendering made, appended to a few large files and
found through one sorted index, instead of one file per document.

At 1,000 articles the folder holds about 450,000 documents, more than the kernel keeps in its
page cache for long. A document kept as a file of its own whose pages are not in the cache
costs the disk its directory block, its inode and its data (about 400 µs each on the
benchmark's machine); a document in a segment costs only its data (about 100 µs: measured
with 40,000 documents, caches dropped), and no file is opened per request. The index costs
12 bytes a document in the server's memory (5 MiB at 1,000 articles).

Layout, in ``DIR/pack/``::

    W.seg    the documents one prerendering process made (W: a name of its own), appended
    W.log    where each of them is (12 bytes: hash, offset, length), appended after it
    index    every document's hash and place, sorted by hash, and the segments' names

A record in a segment is a 4-byte length, then the document exactly as a file of the folder
holds it (its header, with its key, length and CRC-32, then its body), padded to 8 bytes.
:func:`seal` (run when the processes have stopped, and before prerendering goes on after an
interruption) sorts the logs into the index, written beside its place and renamed into it.
Readers check every record they read as they check a file, so a damaged segment or log
entry is made again, never served; a damaged index is not used at all.
"""

from __future__ import annotations

import array
import bisect
import os
import struct
import sys
import zlib
from pathlib import Path

#: The folder of the pack, in the documents folder.
FOLDER = "pack"
#: The index's name in it.
INDEX = "index"
#: What :meth:`Pack.read` answers, asked not to wait, for a record whose pages are not in the
#: kernel's page cache.
NOT_IN_MEMORY = object()
#: Read only what is in the page cache (Linux ``preadv2(RWF_NOWAIT)``); 0 where there is none.
NOWAIT = getattr(os, "RWF_NOWAIT", 0) if hasattr(os, "preadv") else 0
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)

_MAGIC = b"NGPACK01"
_ENTRY = struct.Struct("<IQ")  # a log entry: hash, offset << 24 | length
_LENGTH_BITS = 24
#: A record longer than this stays a file of its own (the index keeps 24 bits of length).
MAX_RECORD = (1 << _LENGTH_BITS) - 1
#: A segment is not written past this (the index keeps 32 bits of offset, in 8-byte units).
MAX_SEGMENT = (1 << 32) * 8
_MAX_SEGMENTS = 256  # 8 bits of the place name the segment
_UINT32 = "I" if array.array("I").itemsize == 4 else "L"


def read_at(fd: int, length: int, offset: int, *, nowait: bool = False) -> bytes | object:
    """``length`` bytes of ``fd`` from ``offset``; with ``nowait``, :data:`NOT_IN_MEMORY` when
    they are not all in the kernel's page cache (reading them would wait for the disk)."""
    if nowait and NOWAIT:
        buffer = bytearray(length)
        try:
            if os.preadv(fd, [buffer], offset, NOWAIT) != length:
                return NOT_IN_MEMORY
        except BlockingIOError:
            return NOT_IN_MEMORY
        return bytes(buffer)
    return os.pread(fd, length, offset)


def name_hash(name: str) -> int:
    """The 32 bits of a document's name (hex of the SHA-256 of its key) the index sorts by."""
    return int(name[:8], 16)


class SegmentWriter:
    """Appends the documents one prerendering process makes to its segment and log."""

    def __init__(self, folder: Path | str, name: str):
        directory = Path(folder) / FOLDER
        directory.mkdir(parents=True, exist_ok=True)
        self._segment = open(directory / f"{name}.seg", "ab")
        self._log = open(directory / f"{name}.log", "ab")
        self._offset = self._segment.tell()

    def append(self, name: str, data: bytes) -> bool:
        """Append the document ``data`` (named ``name``); False when it does not fit in a
        segment (then it is kept as a file of its own)."""
        length = 4 + len(data)
        if length > MAX_RECORD or self._offset + length + 8 > MAX_SEGMENT:
            return False
        padding = -length % 8
        self._segment.write(len(data).to_bytes(4, "big") + data + b"\0" * padding)
        self._log.write(_ENTRY.pack(name_hash(name), (self._offset // 8) << _LENGTH_BITS | length))
        self._offset += length + padding
        return True

    def flush(self) -> None:
        # The segment first: a log entry on the disk always has its record before it.
        self._segment.flush()
        self._log.flush()

    def close(self) -> None:
        self.flush()
        self._segment.close()
        self._log.close()


def seal(folder: Path | str) -> int:
    """Sort every log of ``folder``'s pack (with the index there already) into a new index;
    the number of documents it names. Meant to run in a process of its own: sorting holds
    every entry in memory for a moment."""
    directory = Path(folder) / FOLDER
    if not directory.is_dir():
        return 0
    logs = sorted(p for p in directory.glob("*.log") if (directory / f"{p.stem}.seg").is_file())
    if len(logs) > _MAX_SEGMENTS:
        logs = logs[:_MAX_SEGMENTS]  # the others' documents are made again as files of their own
    names = [p.stem for p in logs]
    entries: list[int] = []
    for number, log in enumerate(logs):
        data = log.read_bytes()
        data = data[: len(data) - len(data) % _ENTRY.size]  # a last entry cut short is dropped
        for hashed, place in _ENTRY.iter_unpack(data):
            entries.append(hashed << 64 | number << 56 | place)
    entries.sort()
    hashes = array.array(_UINT32, (e >> 64 for e in entries))
    places = array.array("Q", (e & ((1 << 64) - 1) for e in entries))
    del entries
    if sys.byteorder != "little":
        hashes.byteswap()
        places.byteswap()
    head = [_MAGIC, struct.pack("<I", len(names))]
    for name in names:
        encoded = name.encode("utf-8")
        head.append(struct.pack("<H", len(encoded)) + encoded)
    head.append(struct.pack("<Q", len(hashes)))
    body = b"".join(head) + hashes.tobytes() + places.tobytes()
    tmp = directory / f".{INDEX}.{os.getpid()}"
    tmp.write_bytes(body + struct.pack("<I", zlib.crc32(body)))
    os.replace(tmp, directory / INDEX)
    return len(hashes)


class Pack:
    """The pack of a documents folder, opened for reading (:meth:`open`)."""

    def __init__(self, files: list[Path], fds: list[int], hashes: array.array, places: array.array):
        self.files = files  #: the segments, in the order the index numbers them
        self._fds = fds
        self._hashes = hashes
        self._places = places

    def __len__(self) -> int:
        return len(self._hashes)

    @classmethod
    def open(cls, folder: Path | str) -> "Pack | None":
        """The sealed pack of ``folder``, or None when there is none or its index is not
        whole (then every document is looked for as a file of its own, or made again)."""
        directory = Path(folder) / FOLDER
        # Read straight into the arrays (no copy of the index in between: memory stays flat).
        try:
            with open(directory / INDEX, "rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                head = fh.read(12)
                if len(head) != 12 or head[:8] != _MAGIC:
                    return None
                (count,) = struct.unpack_from("<I", head, 8)
                names, crc = [], zlib.crc32(head)
                for _ in range(count):
                    part = fh.read(2)
                    encoded = fh.read(struct.unpack("<H", part)[0])
                    crc = zlib.crc32(encoded, zlib.crc32(part, crc))
                    names.append(encoded.decode("utf-8"))
                part = fh.read(8)
                (entries,) = struct.unpack("<Q", part)
                crc = zlib.crc32(part, crc)
                if size - fh.tell() != entries * 12 + 4:
                    return None
                hashes, places = array.array(_UINT32), array.array("Q")
                hashes.fromfile(fh, entries)
                places.fromfile(fh, entries)
                (expected,) = struct.unpack("<I", fh.read(4))
        except (OSError, EOFError, struct.error, UnicodeError):
            return None
        if zlib.crc32(places, zlib.crc32(hashes, crc)) != expected:
            return None
        if sys.byteorder != "little":
            hashes.byteswap()
            places.byteswap()
        fds = []
        try:
            for name in names:
                fd = os.open(directory / f"{name}.seg", OPEN_FLAGS)
                fds.append(fd)
                if hasattr(os, "posix_fadvise"):
                    # Documents are asked for in no order: reading ahead would only evict others.
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_RANDOM)
        except OSError:
            for fd in fds:
                os.close(fd)
            return None
        return cls([directory / f"{name}.seg" for name in names], fds, hashes, places)

    def places(self, name: str) -> list[int]:
        """The places of the records that may be the document ``name`` (its hash's)."""
        hashed = name_hash(name)
        hashes = self._hashes
        start = bisect.bisect_left(hashes, hashed)
        end = start
        while end < len(hashes) and hashes[end] == hashed:
            end += 1
        return list(self._places[start:end])

    @staticmethod
    def span(place: int) -> tuple[int, int, int]:
        """(segment number, offset, length) of the record at ``place``."""
        return place >> 56, (place >> _LENGTH_BITS & 0xFFFFFFFF) * 8, place & MAX_RECORD

    def read(self, place: int, *, nowait: bool = False) -> bytes | object | None:
        """The document at ``place`` as a file of the folder would hold it (to be checked by
        the caller), None when it cannot be read; with ``nowait``, :data:`NOT_IN_MEMORY` when
        reading it would wait for the disk."""
        segment, offset, length = self.span(place)
        try:
            record = read_at(self._fds[segment], length, offset, nowait=nowait)
        except (OSError, IndexError):
            return None
        if record is NOT_IN_MEMORY:
            return record
        if len(record) != length or int.from_bytes(record[:4], "big") != length - 4:
            return None
        return record[4:]

    def close(self) -> None:
        for fd in self._fds:
            os.close(fd)
        self._fds = []
