"""The fault matrix (issue 15): every command against every kind of bad file.

Each command is pointed at a missing file, a folder, an empty file, random bytes, a
SQLite file that is not an archive, an archive of a newer schema, a read-only archive
and an archive on a full disk. Where the command cannot do its work it exits non-zero
with one clear line naming the file, without a traceback; where it can (reading a
read-only archive or one on a full disk) it does. Either way the file is left exactly
as it was: same bytes, same mtime, no -wal/-shm/-journal beside it.

The commands run in this process (click's runner: a traceback would show as an
exception, not as output); a few run as real processes too (slow), for their exit
status and stderr. Issue 11's check is here too: `report`, `audit` and `check` leave a
published release's database as it was, so `sha256sum -c SHA256SUMS` still passes.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import stat
import subprocess
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from ess_crawler.cli import main

from .conftest import free_port, run_cli
from .test_errors import SEED, one_error_line, small_archive

KINDS = ("missing", "folder", "empty", "random", "foreign", "newer", "readonly", "fulldisk")


@pytest.fixture(scope="module")
def archive_template(tmp_path_factory) -> Path:
    """A small archive in one file, as a release ships it (rollback journal, not WAL).

    So that any -wal, -shm or -journal file beside it after a command shows a write.
    (A live archive is in WAL mode: SQLite's readers then keep a -shm beside it, as
    Datasette's do; the archive file itself is still left as it was.)
    """
    path = small_archive(tmp_path_factory.mktemp("template") / "archive.db")
    conn = sqlite3.connect(path)
    conn.execute("pragma journal_mode = delete")
    conn.close()
    return path


@pytest.fixture(scope="module")
def full_disk(tmp_path_factory):
    """A tiny tmpfs holding one archive and one page, filled to the last byte (needs root and mount)."""
    mount = tmp_path_factory.mktemp("fulldisk")
    if shutil.which("mount") is None or os.geteuid() != 0:
        yield None
        return
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(folder: Path) -> None:
    """Write zeros until the disk is full, in big blocks then byte by byte (unbuffered)."""
    for name, block in (("filler", 65536), ("filler-4k", 4096), ("filler-1", 1)):
        with open(folder / name, "wb", buffering=0) as fh:
            try:
                while True:
                    fh.write(b"\0" * block)
            except OSError:
                pass


def make_input(kind: str, folder: Path, archive_template: Path, full_disk: Path | None, page: bool) -> Path:
    """The bad file of this kind (for `page` commands, a saved page where the kind allows one)."""
    name = "page.html" if page else "archive.db"
    path = folder / name
    if kind == "missing":
        return path
    if kind == "folder":
        path.mkdir()
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "random":  # seeded, so a failure can be replayed (test_errors tries many)
        path.write_bytes(random.Random(0).randbytes(200_000))
    elif kind == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("create table notes (id integer primary key, text)")
        conn.execute("insert into notes (text) values ('not an archive')")
        conn.commit()
        conn.close()
    elif kind == "newer":
        shutil.copy(archive_template, path)
        conn = sqlite3.connect(path)
        conn.execute("pragma user_version = 99")
        conn.commit()
        conn.close()
    elif kind == "readonly":
        shutil.copy(SEED if page else archive_template, path)
        path.chmod(0o444)
    elif kind == "fulldisk":
        if full_disk is None:
            pytest.skip("a full disk needs a tiny tmpfs: `mount -t tmpfs` is not allowed here (not root?)")
        for old in full_disk.iterdir():  # the previous case's files and filler
            shutil.rmtree(old) if old.is_dir() else old.unlink()
        place = full_disk / uuid.uuid4().hex
        place.mkdir()
        path = place / name
        shutil.copy(SEED if page else archive_template, path)
        _fill(full_disk)
    return path


def snapshot(path: Path) -> tuple:
    """Bytes, mtime and the neighbours of `path` (so a -wal or -shm created beside it shows)."""
    folder = path.parent
    neighbours = sorted(p.name for p in folder.iterdir())
    if path.is_file():
        st = path.stat()
        return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns, stat.S_IMODE(st.st_mode), neighbours
    return path.exists(), path.is_dir(), neighbours


# what each command is run with; {x} is the bad file, {out} a fresh folder, {port} a free port
COMMANDS = {
    "report": (["report", "--db", "{x}"], False),
    "audit": (["audit", "--db", "{x}"], False),
    "syndicate": (["syndicate", "--db", "{x}"], False),
    "serve": (["serve", "--db", "{x}", "--port", "{port}"], False),
    "demo": (["demo", "--db", "{x}", "--port", "{port}"], False),
    "crawl": (["crawl", "fonda", "--db", "{x}", "--base-url", "http://127.0.0.1:1"], False),
    "publish": (["publish", "--db", "{x}", "--out", "{out}"], False),
    "extract": (["extract", "{x}"], True),
    "check": (["check", "{x}"], True),
    "check --save": (["check", "{x}", "--save", "{here}/cases"], True),
    "reextract": (["reextract", "--db", "{x}", "--workers", "1"], False),
    "merge": (["merge", "{x}", "--into", "{here}/merged.db", "--no-copy-warc"], False),
}
READERS = {"report", "audit", "publish", "extract", "check"}
# cells where the command rightly works, so there is no error to check (only the file left unchanged)
WORKS = {(cmd, kind) for cmd in READERS for kind in ("readonly", "fulldisk")} - {("publish", "fulldisk")}
# (publish and check --save write on the full disk: they must fail)
WORKS |= {("check --save", "readonly"), ("merge", "readonly")}
# cells left out, with why
LEFT_OUT = {
    ("serve", "readonly"): "it serves the archive until stopped (tests/test_errors.py runs serve)",
    ("serve", "fulldisk"): "it serves the archive until stopped (tests/test_errors.py runs serve)",
    ("demo", "missing"): "a missing --db is where the demo creates its archive (the demo's own tests)",
    ("crawl", "missing"): "a missing --db is where a crawl creates its archive (tests/test_recrawl.py)",
    ("reextract", "readonly"): "the template archive has no WARC files to re-derive from (test_scale_reextract)",
    ("reextract", "fulldisk"): "the template archive has no WARC files to re-derive from (test_scale_reextract)",
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_fault_matrix(command, kind, tmp_path, archive_template, full_disk):
    if (command, kind) in LEFT_OUT:
        pytest.skip(LEFT_OUT[(command, kind)])
    args, page = COMMANDS[command]
    (tmp_path / "in").mkdir()
    bad = make_input(kind, tmp_path / "in", archive_template, full_disk, page)
    # what a command writes goes beside the input's folder: on the full disk for that case
    here = full_disk if kind == "fulldisk" else tmp_path
    out = here / "release"
    argv = [a.format(x=bad, out=out, port=free_port(), here=here) for a in args]
    before = snapshot(bad)
    result = CliRunner().invoke(main, argv, env={"ESS_DEBUG": ""})
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        f"{command} {kind}: {result.exception!r}\n{result.output}"
    if (command, kind) in WORKS:
        assert result.exit_code == 0, f"{command} {kind}: {result.output}"
    else:
        assert result.exit_code != 0, f"{command} {kind} exited 0: {result.output}"
        line = one_error_line(result.output)
        # the file, or for the full disk the folder that could not be written
        assert bad.name in line or str(bad.parent) in line or str(here) in line, f"{command} {kind}: {line}"
        if "--db" not in args:  # the advice names the command's own way of giving the file
            assert not any(f"{verb} --db" in line for verb in ("give", "another", "right")), line
    assert snapshot(bad) == before, f"{command} changed the {kind} file"


def test_merge_s_errors_name_its_target_option(tmp_path, archive_template):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["merge", str(archive_template), "--into", str(empty), "--no-copy-warc"],
                                env={"ESS_DEBUG": ""})
    assert result.exit_code != 0
    line = one_error_line(result.output)
    assert "empty.db" in line and "another --into" in line, line
    assert empty.read_bytes() == b""


@pytest.mark.slow
@pytest.mark.parametrize("command", ["report", "audit", "syndicate", "serve", "crawl", "publish", "extract"])
def test_fault_matrix_in_a_real_process(command, tmp_path):
    """Random bytes, through the console script as a user runs it: exit 1, one line on stderr."""
    bad = tmp_path / "random.bin"
    bad.write_bytes(random.Random(0).randbytes(200_000))
    args, _ = COMMANDS[command]
    argv = [a.format(x=bad, out=tmp_path / "release", port=free_port(), here=tmp_path) for a in args]
    before = snapshot(bad)
    result = run_cli(*argv, env={"ESS_DEBUG": ""}, timeout=120)
    assert result.returncode == 1, (result.stdout + result.stderr)[-2000:]
    assert "random.bin" in one_error_line(result.stderr) and result.stdout.strip() == ""
    assert snapshot(bad) == before
    debug = run_cli(*argv, env={"ESS_DEBUG": "1"}, timeout=120)
    assert debug.returncode != 0 and "Traceback" in debug.stderr


def test_reading_commands_leave_a_release_as_published(tmp_path, archive_template):
    """Issue 11: report, audit and check on a release's database; its SHA256SUMS still pass."""
    from ess_crawler.publish.release import publish_archive

    release = publish_archive(archive_template, tmp_path / "release", created="2024-06-01T00:00:00+00:00").path
    dbs = sorted(release.glob("*.db"))
    assert dbs, list(release.iterdir())
    db = dbs[0]
    before = snapshot(db)
    runner = CliRunner()
    assert runner.invoke(main, ["report", "--db", str(db)]).exit_code == 0
    assert runner.invoke(main, ["audit", "--db", str(db)]).exit_code in (0, 1)
    assert runner.invoke(main, ["check", str(db)]).exit_code == 1  # not a page: one line, file untouched
    assert snapshot(db) == before
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=release, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
