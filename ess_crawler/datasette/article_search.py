"""Datasette plugin: the search box of the articles table, through the small indexes (`+id`).

Datasette's own search box writes `id in (select rowid from the FTS table where ... match
...)`. On the articles table SQLite answers that by looking every match up by primary key
in the 2 GB of rows, then sorting them all by date: a word in a third of 200,000 articles
took 2.3-3.7 s for the page, and the count went past the SQL time limit. This plugin gives
the articles table the same search box (same `?_search=`, `?_search_COLUMN=` over the
stemmed columns title / lead / body, `?_searchmode=raw`, same French `escape_fts`) with
`+id in (...)`, as the article_list view has it (migration m005): SQLite then walks the
small index that serves the page (published for the newest first, a covering index for
the count and the facets) and tests each entry against the matches; only the rows shown
are read in full. metadata.yml therefore names no `fts_table` for `articles`; were one
configured (a user's own metadata), Datasette's search box applies and this one stands
aside, so a search is never applied twice.
"""

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite
from datasette.utils.asgi import BadRequest

from ess_crawler.search import FTS_TABLE

TABLE = "articles"
SEARCH_COLUMNS = ("title", "lead", "body")  # the stemmed columns of the FTS table


def search_clause(match: str, column: str | None = None) -> str:
    """`+id in (the FTS matches of `match`)`, optionally in one column only."""
    target = escape_sqlite(column) if column else FTS_TABLE
    return f"+id in (select rowid from {FTS_TABLE} where {target} match {match})"


@hookimpl(trylast=True)  # after Datasette's search filter: this one's supports_search wins
def filters_from_request(request, database, table, datasette):
    if table != TABLE:
        return None

    async def inner():
        if datasette.table_metadata(database, table).get("fts_table"):
            return None  # configured by hand: Datasette's own search box
        db = datasette.get_database(database)
        if not await db.table_exists(FTS_TABLE):
            return None
        raw = request.args.get("_searchmode") == "raw"
        where, params, described = [], {}, []
        search = ""
        args = {key: request.args[key] for key in request.args
                if key.startswith("_search") and key != "_searchmode"}
        if "_search" in args:
            search = args["_search"]
            where.append(search_clause(":search" if raw else "escape_fts(:search)"))
            params["search"] = search
            described.append(f'search matches "{search}"')
        else:
            for i, (key, text) in enumerate(args.items()):
                column = key.split("_search_", 1)[1] if key.startswith("_search_") else ""
                if column not in SEARCH_COLUMNS:
                    raise BadRequest("Cannot search by that column")
                where.append(search_clause(f":search_{i}" if raw else f"escape_fts(:search_{i})", column))
                params[f"search_{i}"] = text
                described.append(f'search column "{column}" matches "{text}"')
                search = text
        return FilterArguments(where, params, described, {"supports_search": True, "search": search})

    return inner
