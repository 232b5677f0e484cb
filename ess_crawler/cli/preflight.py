"""Checks a command makes before it starts work, so that bad input is one clear line, early.

`readable_archive(db)` opens the archive read-only (nothing is written, migrated or
switched to WAL: the file stays byte-identical) and says clearly what is wrong with
a missing file, a folder, an empty or foreign file, random bytes or a newer schema.
`writable_archive(db)` says the same before a command that writes (crawl, demo,
syndicate), plus a read-only file or folder and a full disk, so that nothing is
touched when the work could not be kept. `listening_socket(host, port)` binds the
port before anything says a URL, so a busy port is an error, not someone else's page.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import stat
from pathlib import Path

from ess_crawler.errors import UserError
from ess_crawler.store.archive import Archive, ArchiveError

# below this much free space on the archive's disk a write command does not start
MIN_FREE_BYTES = 2 * 1024 * 1024


class PortError(UserError):
    """The port cannot be listened on (busy, privileged, out of range)."""


def readable_archive(db: Path, option: str = "--db") -> Archive:
    """The archive opened read-only, or an ArchiveError that names it and says what to do
    (`option`: where the command took the path, `--db`; empty for an argument of its own)."""
    given = f"give {option} an archive" if option else "give an archive in its place"
    if not db.exists() and not db.is_symlink():
        raise ArchiveError(f"no archive at {db}: crawl a site into it first (ess-crawler crawl NAME --db {db}), "
                           f"or give the right {option or 'path'}")
    if db.is_file() and db.stat().st_size == 0:
        raise ArchiveError(f"{db} is an empty file, not an ess-crawler archive: {given} "
                           "(one `ess-crawler crawl` or `demo` wrote)")
    try:
        return Archive(db, read_only=True)
    except ArchiveError as exc:
        text = str(exc)
        if "not an ess-crawler archive" in text or "not a SQLite archive" in text:
            raise ArchiveError(f"{text}: {given} (one `ess-crawler crawl` or `demo` wrote)") from None
        raise


def _existing_folder(path: Path) -> Path:
    folder = path.absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def writable_archive(db: Path, option: str = "--db") -> None:
    """Raise an ArchiveError unless `db` is an archive (or nothing yet) that can be written here
    (`option`: where the command took the path)."""
    if db.is_dir():
        raise ArchiveError(f"{db} is a folder, not an archive file: give a file name such as {db / 'ess.db'}")
    if db.exists():
        if db.stat().st_size == 0:
            raise ArchiveError(f"{db} is an empty file, not an ess-crawler archive: delete it to start a new "
                               f"archive there, or give another {option}")
        readable_archive(db, option).close()
        mode = db.stat().st_mode
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(db, os.W_OK):
            raise ArchiveError(f"{db} is read-only (mode {stat.filemode(mode)}): make it writable "
                               f"(chmod u+w {db}) or give another {option}")
    room_for(db, MIN_FREE_BYTES, option)


def room_for(path: Path, need: int, option: str) -> None:
    """Raise a UserError unless `path` (a file or folder to create) can be written with `need` bytes free."""
    folder = _existing_folder(path)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(f"cannot write in {folder} (for {path}): choose a folder you can write, or another {option}")
    free = shutil.disk_usage(folder).free
    if free < need:
        raise UserError(f"no space left for {path}: {free // 1024} KB free on its disk (at least "
                        f"{max(1, need // 1024 // 1024)} MB needed); free some space or give another {option}")


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound and listening on host:port, or a PortError saying why not (busy, not allowed)."""
    if not 1 <= port <= 65535:
        raise PortError(f"port {port} is not a TCP port (1 to 65535)")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise PortError(f"cannot listen on {host}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise PortError(f"port {port} on {host} is already in use by another program: stop it, "
                            "or choose another --port") from None
        if exc.errno == errno.EACCES:
            raise PortError(f"port {port} on {host} is not allowed for this user (below 1024?): "
                            "choose another --port") from None
        raise PortError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock
