"""The search index of the archive: `article_search` (stems) and its FTS5 table.

Every article has a row in `article_search` holding the stems of its title, lead and
body (`ess_crawler.search.stem_text`); the FTS5 table `article_search_fts` indexes it
(external content, kept in step by triggers; created by migration m004 of
`ess_crawler.store.migrations`). `index_article` (or `index_texts`, given the texts it
would read) is called in each article's own transaction; `reindex` rebuilds everything.
"""

from __future__ import annotations

from ess_crawler.search import FTS_TABLE, stem_text
from ess_crawler.sqlite import sqlite3


def _conn(db):
    """The sqlite3 connection of a sqlite_utils.Database, or the connection itself."""
    return getattr(db, "conn", db)


def _stems_row(title, lead, body) -> tuple[str, str, str]:
    return stem_text(title), stem_text(lead), stem_text(body)


def index_article(db, article_id: int) -> None:
    """(Re)compute the stems of one article; call it after each write of the article, in its transaction."""
    conn = _conn(db)
    row = conn.execute("select title, lead, body_text from articles where id = ?", [article_id]).fetchone()
    conn.execute("delete from article_search where article_id = ?", [article_id])
    if row is not None:
        conn.execute("insert into article_search (article_id, title, lead, body) values (?, ?, ?, ?)",
                   [article_id, *_stems_row(*row)])


def index_texts(conn, article_id: int, title, lead, body, new: bool = False) -> None:
    """`index_article` with the article's title, lead and body as just written (not read back);
    `new`: the article was just inserted, so it has no row to replace."""
    row = [article_id, *_stems_row(title, lead, body)]
    if new:
        try:
            conn.execute(_INSERT, row)
            return
        except sqlite3.IntegrityError:  # a row left by an article deleted without its cascade
            pass
    conn.execute("delete from article_search where article_id = ?", [article_id])
    conn.execute(_INSERT, row)


_INSERT = "insert into article_search (article_id, title, lead, body) values (?, ?, ?, ?)"


def reindex(db, batch: int = 2000) -> int:
    """Rebuild the stems of every article; returns how many were indexed."""
    conn = _conn(db)
    conn.execute("delete from article_search")
    conn.execute(f"insert into {FTS_TABLE}({FTS_TABLE}) values ('delete-all')")
    count = 0
    last = 0
    while True:
        rows = conn.execute("select id, title, lead, body_text from articles where id > ? order by id limit ?",
                          [last, batch]).fetchall()
        if not rows:
            break
        conn.executemany("insert into article_search (article_id, title, lead, body) values (?, ?, ?, ?)",
                       [(r[0], *_stems_row(*r[1:])) for r in rows])
        count += len(rows)
        last = rows[-1][0]
    conn.execute(f"insert into {FTS_TABLE}({FTS_TABLE}) values ('optimize')")
    return count
