"""Datasette plugin: the facets of the articles table and the article_list view, each counted once per archive version.

metadata.yml lists their facets with this type (`facets: [{article: site}, ...]`). Each
one shows exactly as Datasette's own column facet (`site`, `category`, `year`, ...) or
as the keyword facet of tags_facet.py (`tags`, linking to `?_tag=`), with the same
counts, but:

- **counted once**: every count is kept in a per-process cache keyed by the archive's
  version (freshness.py), the page's SQL and parameters, so the next page of a search
  (`_next`), its JSON or CSV twin, a reload or another reader asking the same thing get
  the counts without running the search again; anything written to the archive (a
  crawl, a reextract) changes the version, and the counts are computed afresh;
- **found once**: the plain columns (site, category, year, language) are counted by one
  `group by` of all of them over the page's rows, summed per column in Python, so a search's
  matches are found once for the three facets rather than once each (three concurrent
  facet queries on two cores pushed one another past the facet time limit);
- **the keywords of a search** are counted from the `article_tags` table (one row per
  article and keyword, walked in keyword order by its index) against the search's
  matches, instead of parsing the JSON `tags` of every matching article: 0.2-0.4 s
  instead of 0.6-0.8 s for a word in 74 % of 200,000 articles, within the facet time
  limit where the JSON way was silently dropped. The two agree: the archive writes
  `tags` and `article_tags` in the same transaction, one keyword table row per keyword.

A facet past `facet_time_limit_ms` is reported as timed out, as Datasette does, and not
cached.
"""

from __future__ import annotations

import re

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

from ess_crawler.datasette.freshness import ResultCache, archive_version
from ess_crawler.datasette.tags_facet import array_result, counting_sql
from ess_crawler.search import FTS_TABLE
from ess_crawler.sqlite import sqlite3

FACET_TYPE = "article"
ARRAY_COLUMNS = ("tags",)  # JSON lists of keywords; the other facets are plain columns
TABLES = ("articles", "article_list")
_counts = ResultCache(512)  # (path, immutable, version, table, sql, params, what) -> counts
MAX_GROUPS = 50_000  # combinations of the plain facets' values summed here; more: a query per facet
_TYPE_ORDER = {type(None): 0, int: 1, float: 1, str: 2, bytes: 3}


def sqlite_order(value):
    """A sort key giving SQLite's order of values: NULL, numbers, text (binary, as UTF-8), blobs."""
    return (_TYPE_ORDER.get(type(value), 4), value)

# The row set "every match of the search box", as Datasette's search filter (article_list,
# fts_pk id) or article_search.py (articles, `+id`) writes it: the keywords then count
# from article_tags. Anything else on the page (a filter, `_where`, `_tag`) is SQL as given.
_SEARCH_ONLY = re.compile(
    rf"\+?id in \(select rowid from {FTS_TABLE} where {FTS_TABLE} match (?P<match>escape_fts\(:search\)|:search)\)")


def search_match(sql: str, params: dict) -> str | None:
    """The MATCH expression when the rows of `sql` are exactly the search box's matches, else None."""
    _, sep, where = sql.partition(" where ")
    if not sep or set(params or {}) != {"search"}:
        return None
    found = _SEARCH_ONLY.fullmatch(where.strip())
    return found.group("match") if found else None


def column_sql(column: str, sql: str, size: int) -> str:
    """Datasette's own column facet query."""
    col = escape_sqlite(column)
    return f"""
        select {col} as value, count(*) as count from (
            {sql}
        )
        where {col} is not null
        group by {col} order by count desc, value limit {size + 1}
    """


def keyword_sql(match: str, size: int) -> str:
    """The keywords of the search's matches, counted in the keyword table."""
    return f"""
        select t.name as value, c.n as count
        from (select tag_id, count(*) as n from article_tags
              where +article_id in (select rowid from {FTS_TABLE} where {FTS_TABLE} match {match})
              group by tag_id) as c
        join tags t on t.id = c.tag_id
        order by count desc, value
        limit {size + 1}
    """


class ArticleFacet(Facet):
    type = FACET_TYPE

    async def suggest(self):
        return []

    def _key(self, version_info, what) -> tuple | None:
        path, immutable, version = version_info
        if version is None:
            return None
        return (path, immutable, version, self.table, self.sql, tuple(sorted(dict(self.params or {}).items())), what)

    async def _run(self, sqls: list[str], time_limit_ms: int):
        """The rows of the first of `sqls` that runs; None when it is interrupted (past its time limit)."""
        for sql in sqls:
            try:
                results = await self.ds.execute(self.database, sql, dict(self.params or {}), truncate=False,
                                                custom_time_limit=time_limit_ms)
            except QueryInterrupted:
                return None
            except sqlite3.OperationalError:
                continue
            return [tuple(row) for row in results.rows]
        return None

    async def _columns_counted(self, columns: list[str], size: int, version_info) -> dict:
        """{column: [(value, count)] (size + 1 at most)} of the plain columns, in one pass over the rows.

        One `group by` of every column together, summed per column here: the page's rows (a search's
        matches, say) are found once for all of them instead of once per facet. Exactly Datasette's
        counts and order (count desc, then value in SQLite's order). Its time limit is the sum of
        the facets' own; past it, every one of them is timed out.
        """
        key = self._key(version_info, ("columns", tuple(columns), size))
        if key is not None and (cached := _counts.get(key)) is not None:
            return cached
        limit = self.ds.setting("facet_time_limit_ms")
        cols = ", ".join(f"{escape_sqlite(c)} as c{i}" for i, c in enumerate(columns))
        groups = ", ".join(str(i + 1) for i in range(len(columns)))
        rows = await self._run([f"select {cols}, count(*) as n from ({self.sql}) group by {groups} "
                                f"limit {MAX_GROUPS + 1}"], limit * len(columns))
        if rows is None:
            return {}
        counted = {}
        if len(rows) > MAX_GROUPS:  # too many combinations to sum here: one facet query each
            for column in columns:
                found = await self._run([column_sql(column, self.sql, size)], limit)
                if found is not None:
                    counted[column] = found
            return counted  # not cached as a whole: the next page tries again
        for i, column in enumerate(columns):
            sums: dict = {}
            for row in rows:
                if row[i] is not None:
                    sums[row[i]] = sums.get(row[i], 0) + row[-1]
            counted[column] = sorted(sums.items(), key=lambda vc: (-vc[1], sqlite_order(vc[0])))[:size + 1]
        if key is not None:
            _counts.put(key, counted)
        return counted

    async def _array_counted(self, column: str, size: int, version_info):
        """[(value, count)] of the JSON-array `column` (size + 1 at most), or None when timed out."""
        key = self._key(version_info, ("array", column, size))
        if key is not None and (cached := _counts.get(key)) is not None:
            return cached
        match = search_match(self.sql, dict(self.params or {})) if self.table in TABLES else None
        sqls = [keyword_sql(match, size)] if match is not None else counting_sql(self, column, size)
        rows = await self._run(sqls, self.ds.setting("facet_time_limit_ms"))
        if rows is not None and key is not None:
            _counts.put(key, rows)
        return rows

    async def facet_results(self):
        size = self.get_facet_size()
        pairs = self.get_querystring_pairs()
        configs = self.get_configs()
        columns = [c["config"].get("column") or c["config"]["simple"] for c in configs]
        db = self.ds.databases.get(self.database)
        if db is None or db.is_memory or not db.path:
            version_info = (None, None, None)
        else:
            version_info = (db.path, not db.is_mutable, archive_version(db.path, not db.is_mutable))
        plain = list(dict.fromkeys(c for c in columns if c not in ARRAY_COLUMNS))
        counted = await self._columns_counted(plain, size, version_info) if plain else {}
        for column in dict.fromkeys(c for c in columns if c in ARRAY_COLUMNS):  # after the others, not
            counted[column] = await self._array_counted(column, size, version_info)  # fighting them for CPU
        results, timed_out = [], []
        for source_and_config, column in zip(configs, columns, strict=True):
            rows = counted.get(column)
            if rows is None:
                timed_out.append(column)
                continue
            hideable = source_and_config["source"] != "metadata"
            if column in ARRAY_COLUMNS:
                results.append(array_result(self, column, rows, size, pairs, hideable))
            else:
                results.append(await self._column_result(column, rows, size, pairs, hideable))
        return results, timed_out

    async def _column_result(self, column, rows, size, pairs, hideable):
        """As Datasette's column facet shows it (labels of foreign keys, `?column=value` toggles)."""
        shown = rows[:size]
        expanded = await self.ds.expand_foreign_keys(self.database, self.table, column, [v for v, _ in shown])
        values = []
        column_qs = f"{column}__exact" if column.startswith("_") else column
        for value, count in shown:
            selected = (column_qs, str(value)) in pairs
            if selected:
                path = path_with_removed_args(self.request, {column_qs: str(value)})
            else:
                path = path_with_added_args(self.request, {column_qs: value})
            values.append({"value": value, "label": expanded.get((column, value), value), "count": count,
                           "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path)),
                           "selected": selected})
        return {"name": column, "type": "column", "hideable": hideable,
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet": column})),
                "results": values, "truncated": len(rows) > size}


@hookimpl
def register_facet_classes():
    return [ArticleFacet]
