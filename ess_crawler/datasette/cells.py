"""Datasette plugin: how research results display.

- Snippets made by `ess_snippet` carry their matches between two private-use
  characters; the cell is HTML-escaped first, then only those become <mark>.
  Every other format (JSON, CSV, any renderer's) gets the plain text: an ASGI
  wrapper takes the two characters out of non-HTML responses, as they are only
  a hint for the HTML page and would be invisible garbage in a download.
- In query results and the article_list view, `title` links to the article page of
  `article_id` (or `id` in article_list), `other_title` to `other_article_id`,
  `target_title` to `target_article_id`; those id columns link too. Links are built from
  integers and the text is escaped, so no query can put markup on the page.
"""

import re

from datasette import hookimpl
from markupsafe import Markup, escape

from ess_crawler.search import MARK_END, MARK_START

_RAW_MARKS = (MARK_START.encode("utf-8"), MARK_END.encode("utf-8"))
# the marks as JSON escapes (Datasette's JSON is ASCII), not after an escaped backslash
_JSON_MARKS = re.compile(
    rb"(?<!\\)((?:\\\\)*)\\u(?:" + b"|".join(f"{ord(c):04x}".encode() for c in (MARK_START, MARK_END))
    + rb")", re.IGNORECASE)

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


def strip_marks(body: bytes, json_escapes: bool = False) -> bytes:
    """`body` without the snippet marks (raw UTF-8 and, for JSON, as `\\uXXXX` escapes)."""
    for mark in _RAW_MARKS:
        body = body.replace(mark, b"")
    if json_escapes:
        body = _JSON_MARKS.sub(rb"\1", body)
    return body


def _header(headers, name: bytes) -> bytes | None:
    for key, value in headers or ():
        if key.lower() == name:
            return value
    return None


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def without_marks(scope, receive, send):
            if scope.get("type") != "http":
                return await app(scope, receive, send)
            state: dict = {"filter": False, "start": None, "buffer": [], "carry": b""}

            async def filtered_send(message):
                kind = message.get("type")
                if kind == "http.response.start":
                    ctype = (_header(message.get("headers"), b"content-type") or b"").lower()
                    if ctype.startswith(b"text/html"):
                        return await send(message)
                    state["filter"] = True
                    state["json"] = b"json" in ctype
                    state["buffered"] = state["json"] or _header(message.get("headers"), b"content-length") is not None
                    if state["buffered"]:
                        state["start"] = message
                        return None
                    return await send(message)
                if kind != "http.response.body" or not state["filter"]:
                    return await send(message)
                more = message.get("more_body", False)
                if state["buffered"]:
                    state["buffer"].append(message.get("body", b""))
                    if more:
                        return None
                    body = strip_marks(b"".join(state["buffer"]), state["json"])
                    start = dict(state["start"])
                    start["headers"] = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
                    start["headers"].append((b"content-length", str(len(body)).encode()))
                    await send(start)
                    return await send({"type": "http.response.body", "body": body, "more_body": False})
                # streamed (CSV with _stream=on): a mark may straddle two chunks, keep its first bytes back
                data = state["carry"] + message.get("body", b"")
                keep = 0
                if more:
                    for n in (2, 1):
                        if any(m.startswith(data[-n:]) for m in _RAW_MARKS) and len(data) >= n:
                            keep = n
                            break
                state["carry"] = data[len(data) - keep:] if keep else b""
                data = data[: len(data) - keep] if keep else data
                return await send({**message, "body": strip_marks(data)})

            return await app(scope, receive, filtered_send)

        return without_marks

    return wrap
