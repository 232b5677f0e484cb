"""SHA-256 of the release's files: one file's digest, and the ``SHA256SUMS`` list (``sha256sum -c``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

SUMS_FILE = "SHA256SUMS"


def sha256(path: Path) -> str:
    """The hex SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(out: Path) -> None:
    """SHA256SUMS in `out`: every other file below it, sorted by path, in `sha256sum`'s format."""
    files = sorted(p for p in out.rglob("*") if p.is_file() and p.name != SUMS_FILE)
    lines = [f"{sha256(p)}  {p.relative_to(out).as_posix()}\n" for p in files]
    (out / SUMS_FILE).write_text("".join(lines), encoding="utf-8")
