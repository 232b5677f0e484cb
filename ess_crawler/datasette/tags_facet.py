"""Datasette plugin: a fast facet for JSON-array columns such as `tags` (`facets: [{tags: tags}]`).

Datasette's own array facet de-duplicates `(value, every column of the row)` before
counting, which reads every row in full: 4.8 s on 200,000 articles, so it always hit
the facet time limit and showed nothing. This one reads only the array column (served
by the covering index `articles_tags`) and counts each value: about 0.15 s on 200,000
articles; for the unfiltered articles table or article_list view, the `article_tags`
table (one row per article and keyword, indexed by keyword) gives the same counts in
0.02 s. A keyword links to `?_tag=KEYWORD` there (tag_filter.py, through the indexed
keyword tables), elsewhere to the `COLUMN__arraycontains=` filter of Datasette's array
facet.
"""

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

from ess_crawler.sqlite import sqlite3

_ARTICLES = ("articles", "article_list")


def counting_sql(facet: Facet, column: str, size: int) -> list[str]:
    """The queries counting the values of the JSON-array `column` over the facet's rows, to try in turn."""
    sqls = []
    if column == "tags" and facet.table in _ARTICLES and not facet.params and " where " not in facet.sql.lower():
        sqls.append(f"""
            select t.name as value, c.n as count
            from (select tag_id, count(*) as n from article_tags group by tag_id) as c
            join tags t on t.id = c.tag_id
            order by count desc, value
            limit {size + 1}
        """)  # every article: the keyword table's index counts
    for check in ("", " and json_valid(s.v)"):  # fast; if some value is not JSON, the careful way
        sqls.append(f"""
            select j.value as value, count(*) as count
            from (select {escape_sqlite(column)} as v from ({facet.sql})) as s,
                 json_each(case when s.v like '[%'{check} then s.v else '[]' end) as j
            where j.type = 'text'
            group by j.value
            order by count desc, value
            limit {size + 1}
        """)
    return sqls


def array_result(facet: Facet, column: str, rows: list[tuple], size: int, pairs: list, hideable: bool) -> dict:
    """The facet as the page shows it, from its [(value, count)] rows (size + 1 at most)."""
    values = []
    # the articles' keywords filter through the indexed keyword tables (tag_filter.py)
    key = "_tag" if column == "tags" and facet.table in _ARTICLES else f"{column}__arraycontains"
    for value, count in rows[:size]:
        value = str(value)
        arg = {key: value}
        selected = (key, value) in pairs
        toggle = path_with_removed_args if selected else path_with_added_args
        path = toggle(facet.request, arg)
        values.append({"value": value, "label": value, "count": count, "selected": selected,
                       "toggle_url": facet.ds.absolute_url(facet.request, path)})
    return {
        "name": column, "type": "array", "results": values, "hideable": hideable,
        "toggle_url": facet.ds.urls.path(path_with_removed_args(facet.request, {"_facet_tags": column})),
        "truncated": len(rows) > size,
    }


class JsonArrayFacet(Facet):
    type = "tags"

    async def suggest(self):
        return []

    async def facet_results(self):
        results, timed_out = [], []
        size = self.get_facet_size()
        pairs = self.get_querystring_pairs()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            rows = None
            for sql in counting_sql(self, column, size):
                try:
                    rows = await self.ds.execute(self.database, sql, self.params, truncate=False,
                                                 custom_time_limit=self.ds.setting("facet_time_limit_ms"))
                    break
                except QueryInterrupted:
                    break
                except sqlite3.OperationalError:
                    continue
            if rows is None:
                timed_out.append(column)
                continue
            results.append(array_result(self, column, [(r["value"], r["count"]) for r in rows.rows], size, pairs,
                                        source_and_config["source"] != "metadata"))
        return results, timed_out


@hookimpl
def register_facet_classes():
    return [JsonArrayFacet]
