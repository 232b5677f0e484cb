"""Datasette plugin: how research results display.

- Snippets made by `ess_snippet` carry their matches between two private-use
  characters; the cell is HTML-escaped first, then only those become <mark>.
- In query results and the article_list view, `title` links to the article page of
  `article_id` (or `id` in article_list), `other_title` to `other_article_id`,
  `target_title` to `target_article_id`; those id columns link too. Links are built from
  integers and the text is escaped, so no query can put markup on the page.
"""

from datasette import hookimpl
from markupsafe import Markup, escape

from ess_crawler.search import MARK_END, MARK_START

_LINKED_VIEWS = {"article_list": "id"}


def _article_id(row, column):
    try:
        value = row[column]
    except (IndexError, KeyError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if isinstance(value, str) and MARK_START in value:
        return Markup(str(escape(value)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
    if table is not None and table not in _LINKED_VIEWS:
        return None
    id_column = None
    if column.endswith("title"):
        prefix = column[: -len("title")]  # "", "other_", "target_"
        id_column = _LINKED_VIEWS[table] if table and not prefix else prefix + "article_id"
    elif column.endswith("article_id") or (table and column == _LINKED_VIEWS[table]):
        id_column = column
    if id_column is None:
        return None
    article_id = _article_id(row, id_column)
    if article_id is None:
        return None
    href = datasette.urls.row(database, "articles", str(article_id))
    text = value if value not in (None, "") else f"#{article_id}"
    return Markup('<a href="{}">{}</a>').format(href, text)
