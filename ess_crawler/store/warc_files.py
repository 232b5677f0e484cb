"""Where an archive's WARC files are: the folders a crawl wrote them to, as its settings say."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path


def default_warc_dir(db_path: str | Path) -> Path:
    """`warc/` beside the archive: where a crawl writes when ESS_WARC_DIR is not set."""
    return Path(db_path).resolve().parent / "warc"


def warc_folders(db_path: str | Path, crawl_settings: Iterable[str | None],
                 extra: Path | None = None) -> list[Path]:
    """The folders to look for the archive's WARC files in, in order: `extra` (a --warc-dir),
    `warc/` beside the archive, then each crawl's ESS_WARC_DIR (from the JSON settings of its
    `crawls` row) as given and, when relative, from the archive's folder."""
    folders = [Path(extra)] if extra is not None else []
    folders.append(default_warc_dir(db_path))
    for settings in crawl_settings:
        try:
            configured = json.loads(settings or "{}").get("ESS_WARC_DIR")
        except (ValueError, AttributeError):
            configured = None
        if configured:
            folders += [Path(configured), Path(db_path).resolve().parent / configured]
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique
