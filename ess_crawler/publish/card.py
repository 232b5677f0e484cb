"""The data card, ``README.md`` of a release: its figures read from the release database, then
rendered from the Jinja2 template ``templates/card.md.j2``.

The card says what the release holds (files, tables, counts), each site and its rights note,
how the data was collected, the syndication groups, the known gaps, how to use, serve and cite it.
"""

from __future__ import annotations

import shlex

import jinja2

from ess_crawler import syndication
from ess_crawler.sqlite import sqlite3

from .datasette_files import IMAGE_INSTALL, SERVE_REQUIREMENTS, setting_options
from .names import DB_FILE, PROJECT_URL
from .reductions import mode_text

TEMPLATE = "card.md.j2"


def card_stats(conn: sqlite3.Connection) -> dict:
    """The card's figures, from the release database (after the reductions, with `syndication`)."""
    def rows(sql: str, params=()) -> list[dict]:
        cursor = conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def one(sql: str):
        return conn.execute(sql).fetchone()[0]

    sites = rows(
        "select s.name, s.title, s.origin, s.cms, s.rights, "
        "(select count(*) from articles a where a.site = s.name) as articles, "
        "(select count(*) from articles a where a.site = s.name and a.published is null) as undated, "
        "(select min(substr(published, 1, 10)) from articles a where a.site = s.name) as first_published, "
        "(select max(substr(published, 1, 10)) from articles a where a.site = s.name) as last_published, "
        "(select count(*) from footnotes f join articles a on a.id = f.article_id where a.site = s.name) "
        "as footnotes, "
        "(select count(*) from related_links r join articles a on a.id = r.article_id where a.site = s.name) "
        "as related_links, "
        "(select count(*) from errors e where e.site = s.name) as errors, "
        "(select count(*) from crawls c where c.site = s.name) as crawls "
        "from sites s order by s.name")
    return {
        "sites": sites,
        "articles": one("select count(*) from articles"),
        "undated": one("select count(*) from articles where published is null"),
        "untitled": one("select count(*) from articles where coalesce(title, '') = ''"),
        "empty_body": one("select count(*) from articles where coalesce(word_count, 0) = 0"),
        "truncated": one("select count(*) from articles where truncated = 1"),
        "words": one("select coalesce(sum(word_count), 0) from articles"),
        "published_range": conn.execute("select min(substr(published, 1, 10)), max(substr(published, 1, 10)) "
                                         "from articles").fetchone(),
        "crawl_range": conn.execute("select min(started), max(finished) from crawls").fetchone(),
        "crawls": rows("select status, count(*) as n from crawls group by status order by status"),
        "errors": rows("select kind, count(*) as n from errors group by kind order by n desc, kind"),
        "errors_by_site": rows("select coalesce(site, '') as site, kind, count(*) as n from errors "
                               "group by 1, 2 order by 1, n desc, 2"),
        "captures": one("select count(*) from captures"),
        "resolved_links": one("select count(*) from related_links where target_article_id is not null"),
        "warc_captures": one("select count(*) from captures where warc_file is not null and warc_file != ''")
        if "warc_file" in {c[1] for c in conn.execute("pragma table_info(captures)")} else 0,
        "groups": rows(
            "select s.group_id, s.earliest_date, s.group_size, s.group_sites, e.title, "
            "group_concat(a.site || ' (' || coalesce(substr(a.published, 1, 10), 'undated') || ')', ', ') "
            "as copies from syndication s join articles a on a.id = s.article_id "
            "join articles e on e.id = s.group_id "
            "group by s.group_id order by s.group_sites desc, s.earliest_date, s.group_id limit 30"),
        "group_count": one("select count(distinct group_id) from syndication"),
        "cross_site_groups": one("select count(distinct group_id) from syndication where group_sites > 1"),
    }


def md_cell(value) -> str:
    """A value for a Markdown table cell: on one line, pipes escaped, an em dash for nothing."""
    text = " ".join(str(value if value is not None else "").split())
    return text.replace("|", "\\|") or "—"


_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("ess_crawler.publish", "templates"),
    autoescape=False,  # Markdown: values are made safe for table cells by the `md` filter
    undefined=jinja2.StrictUndefined,
    trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
)
_environment.filters["md"] = md_cell
_environment.filters["shell_quote"] = shlex.quote


def data_card(info: dict, stats: dict, counts: dict, metadata: dict, settings: dict) -> str:
    """README.md of the release: `info` as in release_info, `stats` from card_stats, `counts` rows by table,
    `metadata` the Datasette metadata (title, source_url), `settings` those of the release's settings.json."""
    first, last = stats["published_range"]
    crawl_start, crawl_end = stats["crawl_range"]
    return _environment.get_template(TEMPLATE).render(
        title=metadata.get("title") or "ESS news archive",
        source_url=metadata.get("source_url") or PROJECT_URL,
        info=info, mode=info["content_mode"], mode_text=mode_text(info),
        stats=stats, counts=counts, first=first, last=last, crawl_start=crawl_start, crawl_end=crawl_end,
        requirements=SERVE_REQUIREMENTS, image_install=IMAGE_INSTALL, serve_options=setting_options(settings),
        db_file=DB_FILE, syndication=syndication,
        bibtex_key=f"ess_archive_{info['version'].replace('.', '_').replace('-', '_')}",
    )
