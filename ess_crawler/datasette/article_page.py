"""Datasette plugin: the row page of an article reads like the article.

Gives the `row.html` template the article, its footnotes, related links
(resolved to archived articles when possible), captures and revisions. The
body HTML was sanitised at extraction; it is sanitised again here so a
database edited by hand cannot put script in a reader's browser.
"""

import json
from urllib.parse import urljoin, urlsplit

import nh3
from datasette import hookimpl

from ess_crawler.extract.body import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

# the extractor's allow-list: one definition of what crawled HTML may keep
_TAGS, _ATTRS = ALLOWED_TAGS, ALLOWED_ATTRIBUTES


def web_url(url, base=""):
    """`url` made absolute against `base` when it is an http(s) or mailto URL, else None."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = urljoin(base or "", url.strip())
    return url if urlsplit(url).scheme.lower() in ("http", "https", "mailto") else None


def inert(html, base=""):
    """Allow-listed, script-free HTML; links and images made absolute against `base` (the article URL)."""
    def attribute(tag, name, value):
        if name in ("href", "src"):
            if name == "href" and value.startswith("#"):
                return value  # footnote markers and notes
            return web_url(value, base)
        return value

    return nh3.clean(html or "", tags=_TAGS, attributes=_ATTRS, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer nofollow", attribute_filter=attribute,
                     strip_comments=True)


async def _article_context(datasette, database, pks):
    db = datasette.get_database(database)
    try:
        article_id = int(pks)
    except ValueError:
        return {}
    rows = (await db.execute("select * from articles where id = ?", [article_id])).rows
    if not rows:
        return {}
    article = dict(rows[0])
    for key in ("tags", "authors", "images"):
        try:
            article[key] = json.loads(article.get(key) or "[]")
        except ValueError:
            article[key] = []
    base = web_url(article.get("url")) or ""
    article["web_url"] = web_url(article.get("url"))
    article["body_safe"] = inert(article.get("body_html"), base)
    footnotes = [dict(r) for r in (await db.execute(
        "select number, text, html, urls from footnotes where article_id = ? order by id", [article_id])).rows]
    for note in footnotes:
        note["html_safe"] = inert(note["html"], base)
        try:
            note["urls"] = [u for u in (web_url(u) for u in json.loads(note["urls"] or "[]")) if u]
        except (TypeError, ValueError):
            note["urls"] = []
    related = [dict(r) for r in (await db.execute(
        "select r.*, a.title as target_title, a.site as target_site from related_links r "
        "left join articles a on a.id = r.target_article_id where r.article_id = ? order by r.position",
        [article_id])).rows]
    for item in related:
        item["web_url"] = web_url(item.get("url"), base)
    captures = [dict(r) for r in (await db.execute(
        "select id, status, fetched_at, content_type, length from captures where url in (?, ?) "
        "order by id desc limit 50", [article["url"], article.get("fetched_url") or ""])).rows]
    revisions = [dict(r) for r in (await db.execute(
        "select id, revised_at, title, published, content_sha256 from revisions where article_id = ? "
        "order by id desc", [article_id])).rows]
    return {"article": article, "footnotes": footnotes, "related": related, "captures": captures,
            "revisions": revisions}


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name != "row" or table != "articles" or request is None:
        return {}

    async def inner():
        return await _article_context(datasette, database, request.url_vars.get("pks", ""))

    return inner
