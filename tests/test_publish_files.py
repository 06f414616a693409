"""Writing files: one atomic writer for every output, that never replaces anything but a regular
file, honours the umask, leaves nothing behind when it fails, and keeps published files inside
their folder whatever the article id."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from newsgraph.cli import main
from newsgraph.errors import OutputError
from newsgraph.namespaces import SCHEMA, bind_prefixes
from newsgraph.publish import atomic_file, file_stem, publish_graph, turtle_bytes, write_atomic
from newsgraph.record import write_record

from test_cli import hand_record  # noqa: E402  (the CLI tests' record made by hand)


def _graph() -> Graph:
    graph = bind_prefixes(Graph())
    article = URIRef("https://w3id.org/newsgraph/id/article/x")
    graph.add((article, RDF.type, SCHEMA.NewsArticle))
    graph.add((article, SCHEMA.headline, Literal("A headline")))
    return graph


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ---------------------------------------------------------------- what is replaced


def test_a_regular_file_is_replaced_and_folders_are_made(tmp_path):
    target = tmp_path / "a" / "b" / "x.ttl"
    write_atomic(target, b"first\n")
    write_atomic(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert _leftovers(target.parent) == []


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _symlink(path: Path) -> Path:
    target = path.with_name("real.txt")
    target.write_bytes(b"the real file\n")
    path.symlink_to(target)
    return path


def _directory(path: Path) -> Path:
    path.mkdir()
    (path / "inside").write_bytes(b"kept\n")
    return path


def _device(path: Path) -> Path:
    """A character device node like /dev/null (made in the test's folder: root only)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


@pytest.mark.parametrize(
    "make, kind, is_kind",
    [
        (_fifo, "a FIFO", stat.S_ISFIFO),
        (_symlink, "a symbolic link", stat.S_ISLNK),
        (_directory, "a directory", stat.S_ISDIR),
        (_device, "a character device", stat.S_ISCHR),
    ],
)
def test_anything_but_a_regular_file_is_refused_and_left_alone(tmp_path, make, kind, is_kind):
    target = make(tmp_path / "out.ttl")
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(OutputError, match=f"cannot write {target}: it is {kind}, not a regular file") as caught:
        write_atomic(target, b"data\n")
    assert caught.value.exit_code == 10
    assert is_kind(os.lstat(target).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temporary file left either
    if kind == "a symbolic link":
        assert (tmp_path / "real.txt").read_bytes() == b"the real file\n"
    if kind == "a directory":
        assert (target / "inside").read_bytes() == b"kept\n"


def test_the_cli_refuses_a_device_or_fifo_output_in_one_line(tmp_path):
    """`link RECORD -o PATH` and `map RECORD -o DIR` where the output is a FIFO: exit 10, one
    line, the FIFO still a FIFO (the same path that replaced /dev/full with a file as root)."""
    record = write_record(hand_record(), tmp_path / "record.yaml")
    fifo = _fifo(tmp_path / "linked.yaml")
    result = CliRunner().invoke(main, ["link", str(record), "-o", str(fifo)])
    assert result.exit_code == 10, result.output
    message = result.output.strip().splitlines()
    assert message == [f"Error: cannot write {fifo}: it is a FIFO, not a regular file, and is left as it is"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)

    out = tmp_path / "out"
    out.mkdir()
    _fifo(out / "latvia-drones.ttl")
    result = CliRunner().invoke(main, ["map", str(record), "-o", str(out), "--no-link"])
    assert result.exit_code == 10, result.output
    assert "it is a FIFO, not a regular file" in result.output and "Traceback" not in result.output
    assert stat.S_ISFIFO(os.lstat(out / "latvia-drones.ttl").st_mode)
    assert _leftovers(out) == []


# ---------------------------------------------------------------- modes


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_files_get_the_mode_the_umask_gives(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "x.bin", b"x")
        written = publish_graph(_graph(), tmp_path / "out", "x")
        write_record(hand_record(), tmp_path / "record.yaml")
    finally:
        os.umask(old)
    for path in (tmp_path / "x.bin", *written, tmp_path / "record.yaml"):
        assert stat.S_IMODE(path.stat().st_mode) == mode, path


# ---------------------------------------------------------------- failures


def test_an_error_in_the_block_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "x.ttl"
    target.write_bytes(b"old\n")
    with pytest.raises(KeyError):
        with atomic_file(target) as handle:
            handle.write(b"half of the new content")
            raise KeyError("the writer failed")
    assert target.read_bytes() == b"old\n"
    assert _leftovers(tmp_path) == []


def test_a_write_that_fails_is_an_output_error_and_leaves_the_old_file(tmp_path):
    """A real write failure: the file size limit (RLIMIT_FSIZE) makes the write fail with EFBIG."""
    target = tmp_path / "x.ttl"
    target.write_bytes(b"old\n")
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from newsgraph.errors import OutputError\n"
        "from newsgraph.publish import write_atomic\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))\n"
        "try:\n"
        "    write_atomic(Path(sys.argv[1]), b'x' * 100_000)\n"
        "except OutputError as exc:\n"
        "    print(exc.exit_code, exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(target)], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"10 cannot write {target}: File too large"
    assert target.read_bytes() == b"old\n"
    assert _leftovers(tmp_path) == []


def test_a_folder_that_cannot_be_made_is_an_output_error(tmp_path):
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(tmp_path / "file" / "x.ttl", b"x")


# ---------------------------------------------------------------- inside the output folder


@pytest.mark.parametrize(
    "article_id, stem",
    [
        ("/etc/passwd", "etc-passwd"),
        ("a b/../../etc/passwd", "a-b-etc-passwd"),
        ("..", "x"),
        ("", "x"),
        ("Türkiye’s Navy", "turkiye-s-navy"),
        ("umerov-ramstein-2024", "umerov-ramstein-2024"),
    ],
)
def test_publish_graph_writes_only_inside_out_dir(tmp_path, article_id, stem):
    out = tmp_path / "out"
    written = publish_graph(_graph(), out, article_id)
    assert file_stem(article_id) == stem
    assert written == [out / f"{stem}.ttl", out / f"{stem}.jsonld"]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert written[0].read_bytes() == turtle_bytes(_graph())


def test_map_of_a_record_with_a_path_for_an_id_writes_inside_out(tmp_path):
    import dataclasses

    record = hand_record()
    record = dataclasses.replace(record, article=dataclasses.replace(record.article, id="../../escaped"))
    path = write_record(record, tmp_path / "record.yaml")
    out = tmp_path / "deep" / "out"
    result = CliRunner().invoke(main, ["map", str(path), "-o", str(out), "--no-link"])
    # The record reader refuses an id that is not a slug before anything is mapped; publish_graph
    # slugifies ids on its own as well (tested above), for records built in memory.
    assert result.exit_code == 3, result.output
    assert "malformed record: article.id: '../../escaped' is not a slug" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["record.yaml"]
