"""The release's SQLite database: a fresh copy of the archive, reduced as the content mode says.

`build_database` creates the schema afresh and reloads every table in primary-key order
(reading through SQLite, so a WAL not yet checkpointed is folded in), the texts reduced
while they are copied (see `reductions`), `articles.word_count` added, the full-text
indexes rebuilt and optimised. `add_generated_tables` adds the tables publish computes
(`syndication`, `release_info`); `finish_database` checks the build and writes it,
vacuumed, in rollback-journal mode: the same archive gives the same bytes.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import sqlite_utils

from ess_crawler import syndication
from ess_crawler.sqlite import sqlite3

from .names import PublishError
from .reductions import DERIVED_TABLES, KNOWN_TABLES, REDUCTIONS, WORD_COUNT_SQL, register_functions
from .sqlite_schema import order_by, quote, shadow_tables

logger = logging.getLogger(__name__)

# SQLite page cache of the database build (KiB): index and full-text builds go faster
BUILD_CACHE_KIB = 128 * 1024
# tables rebuilt by publish itself rather than copied
GENERATED_TABLES = {syndication.TABLE, "release_info"}
# descriptions of what publish adds, for the data package and Datasette's metadata
EXTRA_DESCRIPTIONS = {
    "release_info": {
        "description": "What this release is: version, created date, content mode, software.",
        "columns": {"key": "Property of the release.", "value": "Its value."},
    },
    syndication.TABLE: {"description": syndication.TABLE_DESCRIPTION, "columns": syndication.COLUMN_DESCRIPTIONS},
}
WORD_COUNT_DESCRIPTION = "Number of words of the full body text (counted before any reduction of the release)."


def build_database(source: Path, target: Path, content: str, words: int) -> sqlite3.Connection:
    """Schema afresh, then every table reloaded in primary-key order, reduced as the content mode says.

    Returns the open connection to the build database (the FTS index rebuilt, triggers in place).
    """
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        register_functions(conn)
        conn.execute("pragma journal_mode = off")
        conn.execute("pragma synchronous = off")
        conn.execute(f"pragma cache_size = -{BUILD_CACHE_KIB}")
        conn.execute("attach database ? as src", [str(source)])
        objects = conn.execute("select type, name, tbl_name, sql from src.sqlite_master "
                               "where sql is not null and name not like 'sqlite_%' order by name").fetchall()
        skip = shadow_tables(conn, "src") | GENERATED_TABLES
        virtual = [(name, sql) for type_, name, _, sql in objects
                   if type_ == "table" and sql.upper().startswith("CREATE VIRTUAL TABLE")]
        tables = [(name, sql) for type_, name, _, sql in objects if type_ == "table" and name not in skip]
        derived = DERIVED_TABLES if content != "full" else {}
        unknown = [n for n, _ in tables if n not in KNOWN_TABLES]
        if content != "full" and unknown:
            logger.warning("publish: %s copied as they are in %s mode: check they hold no article text",
                           ", ".join(unknown), content)
        conn.execute("begin")
        for name, sql in tables:
            conn.execute(sql)
            if name not in derived:
                _copy_rows(conn, name, REDUCTIONS[content], words)
        for type_, _name, tbl_name, sql in objects:
            if type_ == "index" and tbl_name not in skip:
                conn.execute(sql)
        for name, sql in virtual:
            _rebuild_fts(conn, name, sql)
        for type_, _name, tbl_name, sql in objects:
            if type_ == "trigger" and tbl_name not in skip:
                conn.execute(sql)
        for type_, _name, _tbl, sql in objects:
            if type_ == "view":
                conn.execute(sql)
        for name in sorted(derived.keys() & {n for n, _ in tables}):
            derived[name](conn)
        user_version = conn.execute("pragma src.user_version").fetchone()[0]
        conn.execute("commit")
        conn.execute("detach database src")
        conn.execute(f"pragma user_version = {int(user_version)}")
    except BaseException:
        conn.close()
        raise
    return conn


def _copy_rows(conn: sqlite3.Connection, name: str, reductions: dict, words: int) -> None:
    """Table `name` from src to main in primary-key order, each column through its reduction (if any)."""
    columns = [c[1] for c in conn.execute(f"pragma src.table_info({quote(name)})")]
    exprs = [reductions.get((name, c), quote(c)) for c in columns]
    target_columns = list(columns)
    if name == "articles":
        conn.execute("alter table articles add column word_count INTEGER")
        target_columns.append("word_count")
        exprs.append(WORD_COUNT_SQL)
    conn.execute(
        f"insert into main.{quote(name)} ({', '.join(map(quote, target_columns))}) "
        f"select {', '.join(exprs)} from src.{quote(name)} order by {order_by(conn, name, 'src')}", {"words": words})


def _rebuild_fts(conn: sqlite3.Connection, name: str, sql: str) -> None:
    """An external-content full-text table created afresh, its options kept, rebuilt and optimised."""
    if not re.search(r"content\s*=", sql, re.I):
        logger.warning("publish: virtual table %s has its own content; not copied", name)
        return
    conn.execute(sql)
    fts5 = re.search(r"using\s+fts5", sql, re.I) is not None
    options = {}
    if fts5:
        # FTS5 options such as the bm25 weights ('rank') live in the shadow config table
        options = dict(conn.execute(f"select k, v from src.{quote(name + '_config')} "
                                    "where k != 'version' order by k").fetchall())
        for key, value in options.items():
            conn.execute(f"insert into {quote(name)}({quote(name)}, rank) values (?, ?)", [key, value])
        # no merging while the index is built: one merge ('optimize') at the end
        conn.execute(f"insert into {quote(name)}({quote(name)}, rank) values ('automerge', 0)")
    conn.execute(f"insert into {quote(name)}({quote(name)}) values ('rebuild')")
    conn.execute(f"insert into {quote(name)}({quote(name)}) values ('optimize')")
    if fts5 and "automerge" in options:
        conn.execute(f"insert into {quote(name)}({quote(name)}, rank) values ('automerge', ?)",
                     [options["automerge"]])
    elif fts5:
        conn.execute(f"delete from {quote(name + '_config')} where k = 'automerge'")


def add_generated_tables(conn: sqlite3.Connection, groups: list[dict], info: dict) -> None:
    """The `syndication` groups and the `release_info` key/value table."""
    db = sqlite_utils.Database(conn)
    syndication.write_table(db, groups)
    db["release_info"].create({"key": str, "value": str}, pk="key")
    db["release_info"].insert_all([{"key": k, "value": v} for k, v in info.items()])


def finish_database(conn: sqlite3.Connection, target: Path) -> None:
    """Check the build database and write it, vacuumed, in rollback-journal mode, to `target`."""
    problems = conn.execute("pragma foreign_key_check").fetchall()
    if problems:
        logger.warning("publish: %d rows point to missing rows (first: %s)", len(problems), problems[0])
    if conn.execute("pragma integrity_check").fetchone()[0] != "ok":
        raise PublishError("the release database failed SQLite's integrity check")
    conn.execute("pragma journal_mode = delete")
    conn.execute("vacuum into ?", [str(target)])
