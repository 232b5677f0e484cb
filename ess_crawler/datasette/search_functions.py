"""Datasette plugin: the French search functions on every archive connection.

- `stem_query(q)`: a reader's query as a safe FTS5 query over the stems (see ess_crawler.search.query).
- `stem_text(text)`: the stems of a text.
- `ess_snippet(text, q)`: the passage of `text` that best matches `q`, matches marked (rendered by cells.py).
- `ess_best_matches(q, site[, limit])`: the best `limit` (default 50) articles for `q`, as a JSON
  list of [article id, bm25 score], best first, optionally of one site: ranked on several cores
  (ess_crawler.search.ranking), the same answer as `order by bm25(...) limit` in one piece. When the
  ranking outlasts the SQL time limit, the query is interrupted as Datasette's own limit does.

On a database that has the stemmed index (`article_search_fts`), Datasette's own
`escape_fts` -- the function its table search box runs the `_search` value through --
is replaced by `stem_query`, so `?_search=` on the articles table and the article_list
view (whose `fts_table` is article_search_fts in metadata.yml) is French, stemmed,
accent- and case-blind. `trylast` makes this run after Datasette's registration of
`escape_fts`, which it then overrides. `?_searchmode=raw` still passes FTS5 syntax
over the stems through unchanged.

Both costly functions remember their last answers: `ess_snippet` is a pure function of
its arguments (an LRU cache), and `ess_best_matches` keeps its rankings keyed by the
archive's version (freshness.py), so a repeated search (the page and its JSON, a reload,
the HTML after the CSV) is not ranked again while nothing was written, and is re-ranked
as soon as anything was.
"""

import json
from functools import lru_cache

from datasette import hookimpl

from ess_crawler.datasette.freshness import ResultCache, archive_version
from ess_crawler.search import FTS_TABLE, NO_MATCH, snippet, stem_query, stem_text
from ess_crawler.search.ranking import Ranker, SearchTimeout

_rankers: dict[tuple, Ranker] = {}  # one per archive file, shared by Datasette's SQL threads
_best = ResultCache(256)  # (path, immutable, version, query, site, limit) -> JSON answer
_snippet = lru_cache(maxsize=1024)(snippet)  # pure: (text, query) -> the same passage


def _safe(function):
    def call(*args):
        try:
            return function(*args)
        except Exception:  # a SQL function must not fail the page: no match, no snippet
            return None
    return call


@hookimpl(trylast=True)
def prepare_connection(conn, database, datasette):
    conn.create_function("stem_query", 1, _safe(stem_query), deterministic=True)
    conn.create_function("stem_text", 1, _safe(stem_text), deterministic=True)
    conn.create_function("ess_snippet", 2, _safe(_snippet), deterministic=True)
    try:
        stemmed = conn.execute("select 1 from sqlite_master where name = ?", [FTS_TABLE]).fetchone()
    except Exception:
        stemmed = None
    if stemmed:
        conn.create_function("escape_fts", 1, _safe(stem_query), deterministic=True)
        # not _safe: a failing ranking (disk error...) must show as an error, not as "no match"
        best = _best_matches_function(conn, database, datasette)
        conn.create_function("ess_best_matches", 2, best)
        conn.create_function("ess_best_matches", 3, best)


def _best_matches_function(conn, database, datasette):
    db = datasette.databases.get(database)
    path = None if db is None or db.is_memory else db.path
    immutable = db is not None and not db.is_mutable
    ranker = _rankers.setdefault((path, immutable), Ranker(path, immutable=immutable))

    def best_matches(q, site, limit=50):
        query = stem_query(q)
        if query == NO_MATCH:
            return "[]"
        try:
            limit = max(1, min(1000, int(limit or 50)))
        except (TypeError, ValueError):
            limit = 50
        version = archive_version(path, immutable)  # read before ranking: a miss at worst, never stale
        key = (path, immutable, version, query, site or None, limit)
        if version is not None:
            cached = _best.get(key)
            if cached is not None:
                return cached
        try:
            rows = ranker.best(conn, query, site or None, limit,
                               time_limit_ms=datasette.setting("sql_time_limit_ms"))
        except SearchTimeout:
            # the page then says the query took too long, as for any slow query; SQLite sees the
            # interrupt when the outer loop steps to a row, so give it one (an empty list ends first)
            conn.interrupt()
            return "[[0, 0]]"
        answer = json.dumps([[rowid, score] for rowid, score in rows])
        if version is not None:
            _best.put(key, answer)
        return answer

    return best_matches
