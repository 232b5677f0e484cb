"""The best matches of a French search, ranked by bm25 on several cores at once.

Ranking is what a search costs on a large archive: FTS5's `bm25()` looks up each matching
article's length in the index, one B-tree search per match, so a common word found in
140,000 of 200,000 articles takes 70-100 ms to rank on one core, whatever the LIMIT.
`Ranker.best` splits the articles' ids into contiguous ranges, one per worker thread; each
worker ranks its range on its own read-only connection (FTS5 applies a rowid range inside
the index, so a worker reads only its part of each match list) and keeps its best `limit`;
the best `limit` of those are the best `limit` of all. The answer is exactly that of

    select rowid, bm25(article_search_fts, 10.0, 5.0, 1.0) as score from article_search_fts
    where article_search_fts match :query order by score, rowid limit :limit

(bm25 scores are negative: smaller is better). Archives too small to gain from it, and
in-memory databases, are ranked in one piece on the caller's connection.
"""

from __future__ import annotations

import os
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ess_crawler.search.query import FTS_TABLE, WEIGHTS
from ess_crawler.sqlite import sqlite3

WORKERS = max(1, min(4, os.cpu_count() or 1))
MIN_SPLIT = 20_000  # fewer articles than this: one range (threads cost more than they save)
PROGRESS_STEPS = 1000  # SQLite instructions between two looks at the clock (Datasette's own figure)

_RANK_SQL = (f"select rowid, bm25({FTS_TABLE}, {', '.join(map(str, WEIGHTS))}) as score from {FTS_TABLE} "
             f"where {FTS_TABLE} match :query and rowid between :low and :high {{site}} "
             "order by score, rowid limit :limit")
_SITE_SQL = "and rowid in (select id from articles where site = :site)"
_pool_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None


class SearchTimeout(Exception):
    """The ranking took longer than its time limit."""

    def __init__(self):
        super().__init__("the search took longer than the SQL time limit")


def _workers_pool() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="ess-rank")
        return _pool


def rank_sql(site: bool) -> str:
    """The SQL ranking the matches of :query between rowids :low and :high (and of :site if `site`)."""
    return _RANK_SQL.format(site=_SITE_SQL if site else "")


def _rank(conn, params: dict) -> list[tuple[int, float]]:
    try:
        return [tuple(row) for row in conn.execute(rank_sql(bool(params.get("site"))), params)]
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            raise SearchTimeout() from exc
        raise


class Ranker:
    """Ranks the matches of FTS5 queries over one archive file, `workers` id ranges at a time."""

    def __init__(self, path: str | Path | None, immutable: bool = False, workers: int = WORKERS,
                 min_split: int | None = None):
        self.path = str(path) if path else None
        self.immutable = immutable
        self.workers = workers
        self.min_split = min_split  # None: the module's MIN_SPLIT at each call
        self._local = threading.local()  # one connection per worker thread

    def _connection(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"file:{urllib.parse.quote(self.path)}?mode=ro" + ("&immutable=1" if self.immutable else "")
            conn = self._local.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        return conn

    def _rank_range(self, params: dict, deadline: float | None) -> list[tuple[int, float]]:
        conn = self._connection()
        if deadline is not None:
            conn.set_progress_handler(lambda: time.perf_counter() > deadline, PROGRESS_STEPS)
        try:
            return _rank(conn, params)
        except sqlite3.OperationalError as exc:
            # interrupted while the connection first opens the index: "vtable constructor failed"
            if deadline is not None and time.perf_counter() > deadline:
                raise SearchTimeout() from exc
            raise
        finally:
            if deadline is not None:
                conn.set_progress_handler(None, 0)

    def ranges(self, conn) -> list[tuple[int, int]]:
        """Contiguous rowid ranges covering every indexed article, one per worker (one when small)."""
        low, high = conn.execute("select (select min(article_id) from article_search), "  # two index lookups,
                                 "(select max(article_id) from article_search)").fetchone()  # not a scan
        if low is None:
            return []
        min_split = MIN_SPLIT if self.min_split is None else self.min_split
        parts = self.workers if self.path and high - low + 1 >= min_split else 1
        step = (high - low + parts) // parts
        return [(start, min(high, start + step - 1)) for start in range(low, high + 1, step)]

    def best(self, conn, query: str, site: str | None = None, limit: int = 50,
             time_limit_ms: float | None = None) -> list[tuple[int, float]]:
        """The `limit` best (rowid, bm25 score) matches of the FTS5 `query`, best first.

        `conn` is a connection to the same archive (the caller's: used for a one-range ranking).
        """
        deadline = time.perf_counter() + time_limit_ms / 1000 if time_limit_ms else None
        base = {"query": query, "site": site or None, "limit": limit}
        ranges = self.ranges(conn)
        if len(ranges) <= 1:  # the caller's connection: its own time limit, if any, applies
            return [row for low, high in ranges for row in _rank(conn, {**base, "low": low, "high": high})]
        futures = [_workers_pool().submit(self._rank_range, {**base, "low": low, "high": high}, deadline)
                   for low, high in ranges]
        rows = [row for future in futures for row in future.result()]
        rows.sort(key=lambda row: (row[1], row[0]))
        return rows[:limit]
