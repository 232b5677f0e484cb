"""Reading article texts in bulk and writing the syndication table (for `ess_crawler.syndication`).

Works on a plain sqlite3 connection, so worker processes can each read an id range
of the archive on their own connection; only reads, but for `write_syndication`.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from ess_crawler.sqlite import sqlite3

SYNDICATION_TABLE = "syndication"
_TEXTS = "select id, site, published, first_seen, lead, body_text from articles"


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection that reads the archive (WAL included), never changing it."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def article_texts(conn: sqlite3.Connection, lo: int | None = None, hi: int | None = None):
    """(id, site, published, first_seen, lead, body_text) of the articles, lo <= id < hi, in id order."""
    if lo is None:
        return conn.execute(_TEXTS + " order by id")
    return conn.execute(_TEXTS + " where id >= ? and id < ? order by id", [lo, hi])


def article_id_range(conn: sqlite3.Connection) -> tuple[int | None, int | None]:
    """The smallest and largest article id (None, None for an empty archive)."""
    return conn.execute("select min(id), max(id) from articles").fetchone()


def article_text(conn: sqlite3.Connection, article_id: int) -> tuple[str | None, str | None] | None:
    """(lead, body_text) of one article."""
    return conn.execute("select lead, body_text from articles where id = ?", [article_id]).fetchone()


def write_syndication(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """(Re)create the syndication table with these rows, in one transaction."""
    with db.conn:
        db[SYNDICATION_TABLE].drop(ignore=True)
        db[SYNDICATION_TABLE].create({
            "article_id": int, "group_id": int, "similarity": float, "earliest_date": str,
            "is_earliest": int, "group_size": int, "group_sites": int,
        }, pk="article_id", foreign_keys=[("article_id", "articles", "id"), ("group_id", "articles", "id")])
        db[SYNDICATION_TABLE].insert_all(rows)
        db[SYNDICATION_TABLE].create_index(["group_id"])
