"""Datasette plugin: the French search functions on every archive connection.

- `stem_query(q)`: a reader's query as a safe FTS5 query over the stems (see ess_crawler.search).
- `stem_text(text)`: the stems of a text.
- `ess_snippet(text, q)`: the passage of `text` that best matches `q`, matches marked (rendered by cells.py).

On a database that has the stemmed index (`article_search_fts`), Datasette's own
`escape_fts` -- the function its table search box runs the `_search` value through --
is replaced by `stem_query`, so `?_search=` on the articles table and the article_list
view (whose `fts_table` is article_search_fts in metadata.yml) is French, stemmed,
accent- and case-blind. `trylast` makes this run after Datasette's registration of
`escape_fts`, which it then overrides. `?_searchmode=raw` still passes FTS5 syntax
over the stems through unchanged.
"""

from datasette import hookimpl

from ess_crawler.search import FTS_TABLE, snippet, stem_query, stem_text


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
    conn.create_function("ess_snippet", 2, _safe(snippet), deterministic=True)
    try:
        stemmed = conn.execute("select 1 from sqlite_master where name = ?", [FTS_TABLE]).fetchone()
    except Exception:
        stemmed = None
    if stemmed:
        conn.create_function("escape_fts", 1, _safe(stem_query), deterministic=True)
