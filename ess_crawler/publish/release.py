"""Release assembly (`ess-crawler publish`): the steps that make a release folder from an archive.

`publish_archive` checks the archive and the target, dates and names the release, then in a
``DIR.partial`` folder: copies the database (`database`), exports every table (`exports`),
adds the syndication groups (computed in a child process while the copy runs, for an archive
of BACKGROUND_FROM articles or more) and `release_info`, writes the data package
(`datapackage`), the Datasette configuration (`datasette_files`), the data card (`card`) and
the checksums (`checksums`); the finished folder then replaces DIR. The archive is only read.

Reproducible: nothing depends on the clock. The created date is the finish time of the
archive's last crawl (or ``--created``); the default version is that date as YYYY.M.D.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path

from ess_crawler import syndication
from ess_crawler.sqlite import sqlite3

from .card import card_stats, data_card
from .checksums import SUMS_FILE, sha256, write_checksums
from .database import GENERATED_TABLES, add_generated_tables, build_database, finish_database
from .datapackage import datapackage
from .datasette_files import (
    inspect_data,
    load_metadata,
    load_settings,
    package_config_dir,
    write_metadata,
)
from .exports import export_table, export_tables
from .names import DB_FILE, DB_NAME, PACKAGE_NAME, PublishError
from .reductions import CONTENT_MODES, DEFAULT_EXCERPT_WORDS
from .sqlite_schema import table_schema

logger = logging.getLogger(__name__)

# from this many articles, syndication runs in a child process while the database is copied
BACKGROUND_FROM = 20_000


@dataclass
class Release:
    """A release folder once written: where, what it is, rows by table, seconds by step."""
    path: Path
    version: str
    created: str
    content: str
    excerpt_words: int
    counts: dict
    timings: dict


def publish_archive(db: str | Path, out: str | Path, content: str = "full",
                    excerpt_words: int = DEFAULT_EXCERPT_WORDS, version: str | None = None,
                    created: str | None = None, force: bool = False,
                    config_dir: str | Path | None = None) -> Release:
    """Build the release folder `out` from the archive `db` (which is only read)."""
    db, out = Path(db), Path(out)
    if content not in CONTENT_MODES:
        raise PublishError(f"content mode {content!r} is not one of {', '.join(CONTENT_MODES)}")
    if excerpt_words < 1:
        raise PublishError("--excerpt-words must be at least 1")
    if not db.is_file():
        raise PublishError(f"no archive at {db}")
    if out.exists() and any(out.iterdir()):
        if not force:
            raise PublishError(f"{out} exists and is not empty (use --force to replace a previous release)")
        if not (out / SUMS_FILE).exists() and not (out / "datapackage.json").exists():
            raise PublishError(f"{out} does not look like a release folder; not replacing it")
    config_dir = Path(config_dir) if config_dir else package_config_dir()
    partial = out.with_name(out.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    try:
        return _publish_into(db, out, partial, config_dir, content, excerpt_words, version, created)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


def _publish_into(db: Path, out: Path, partial: Path, config_dir: Path, content: str, excerpt_words: int,
                  version: str | None, created: str | None) -> Release:
    source = sqlite3.connect(db)  # read through SQLite: a WAL not yet checkpointed is included
    try:
        _check_source(source)
        created = _created(source, created)
        articles = source.execute("select count(*) from articles").fetchone()[0]
        running = source.execute("select count(*) from crawls where status = 'running'").fetchone()[0]
    finally:
        source.close()
    if running:
        logger.warning("publish: %d crawl(s) of %s are still running; publish a quiet archive", running, db)
    version = version or _default_version(created)
    info = {
        "name": PACKAGE_NAME, "version": version, "created": created, "content_mode": content,
        "excerpt_words": str(excerpt_words) if content == "excerpt" else "",
        "software": f"ess-crawler {_software_version()}",
        "syndication": (f"MinHash/LSH over {syndication.SHINGLE_WORDS}-word shingles of lead and body, "
                        f"Jaccard >= {syndication.THRESHOLD}"),
    }
    metadata = load_metadata(config_dir)
    build = partial / ".build.db"
    release_db = partial / DB_FILE
    timer = _Timer()
    # the main process copies and exports: the sketches get the other CPUs (at least one process)
    workers = max(1, min(4, (os.cpu_count() or 1) - 1))
    find = functools.partial(syndication.find_groups, workers=workers)
    with _Background(find, str(db), inline=articles < BACKGROUND_FROM) as groups:
        conn = build_database(db, build, content, excerpt_words)
        timer("database copy")
        try:
            counts = {t: export_table(conn, t, partial) for t in export_tables(conn)}
            timer("CSV and JSON Lines")
            add_generated_tables(conn, groups.result(), info)
            timer("waiting for syndication")
            for table in sorted(GENERATED_TABLES):
                counts[table] = export_table(conn, table, partial)
            counts = dict(sorted(counts.items()))
            tables = list(counts)
            stats = card_stats(conn)
            schema = {t: table_schema(conn, t) for t in tables}
            timer("data card figures")
            finish_database(conn, release_db)
            timer("vacuum into ess.db")
        finally:
            conn.close()
    build.unlink()
    conn = sqlite3.connect(release_db)
    try:
        inspect = inspect_data(conn)
    finally:
        conn.close()
    inspect[DB_NAME]["hash"] = sha256(release_db)
    inspect[DB_NAME]["size"] = release_db.stat().st_size

    _write_json(partial / "datapackage.json", datapackage(partial, tables, schema, stats, info, metadata))
    write_metadata(partial, metadata, info, stats)
    settings = load_settings()
    _write_json(partial / "settings.json", settings)
    _write_json(partial / "inspect-data.json", inspect)
    (partial / "README.md").write_text(data_card(info, stats, counts, metadata, settings), encoding="utf-8")
    write_checksums(partial)
    timer("data package, data card, checksums")

    if out.exists():
        shutil.rmtree(out)
    partial.rename(out)
    return Release(out, version, created, content, excerpt_words, counts, timer.steps)


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


class _Timer:
    """Seconds spent in each step, logged."""

    def __init__(self):
        self.steps: dict[str, float] = {}
        self._last = time.perf_counter()

    def __call__(self, step: str) -> None:
        now = time.perf_counter()
        self.steps[step] = now - self._last
        self._last = now
        logger.info("publish: %s took %.1f s", step, self.steps[step])


class _Background:
    """Run fn(arg) in a child process while the caller works (inline for small archives)."""

    def __init__(self, fn, arg, inline: bool):
        self.fn, self.arg, self.inline = fn, arg, inline
        self.pool = self.future = None

    def __enter__(self) -> _Background:
        if not self.inline:
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self.future = self.pool.submit(self.fn, self.arg)
        return self

    def result(self):
        return self.future.result() if self.future is not None else self.fn(self.arg)

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _check_source(conn: sqlite3.Connection) -> None:
    try:
        names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise PublishError(f"not a SQLite archive: {exc}") from None
    missing = {"articles", "sites", "crawls"} - names
    if missing:
        raise PublishError(f"not an ess-crawler archive: no table {', '.join(sorted(missing))}")


def _created(conn: sqlite3.Connection, created: str | None) -> str:
    """RFC 3339 UTC time of the release: given, else the archive's last crawl end, else its last capture."""
    value = created
    if not value:
        value = conn.execute("select max(finished) from crawls").fetchone()[0]
    if not value:
        value = conn.execute("select max(fetched_at) from captures").fetchone()[0]
    if not value:
        raise PublishError("the archive has no finished crawl to date the release: give --created")
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise PublishError(f"not an ISO 8601 date or time: {value!r}") from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    return stamp.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _default_version(created: str) -> str:
    day = dt.date.fromisoformat(created[:10])
    return f"{day.year}.{day.month}.{day.day}"


def _software_version() -> str:
    try:
        return package_version("ess-crawler")
    except PackageNotFoundError:
        return "unknown"
