"""The archive's schema, as ordered migrations whose bodies never change.

Each migration is the schema change it made when it was written, frozen: its SQL
is copied in, never built from constants that later code may edit. SQLite's own
`PRAGMA user_version` counts the migrations a file has had, so a read-only open
can tell an archive, an older archive and one from a newer ess-crawler apart
without writing anything (see `schema_version`). A new change is a new function
at the end of MIGRATIONS.
"""

from __future__ import annotations

import logging

import sqlite_utils

logger = logging.getLogger(__name__)


def _m001_initial(db: sqlite_utils.Database) -> None:
    db["sites"].create({
        "name": str, "title": str, "origin": str, "cms": str, "language": str,
        "description": str, "rights": str, "profile_file": str,
    }, pk="name")
    db["crawls"].create({
        "id": int, "site": str, "started": str, "finished": str, "status": str,
        "pages_fetched": int, "articles_new": int, "articles_updated": int,
        "articles_unchanged": int, "errors": int, "settings": str, "stats": str,
    }, pk="id", foreign_keys=[("site", "sites", "name")])
    db["captures"].create({
        "id": int, "crawl_id": int, "url": str, "status": int, "content_type": str,
        "fetched_at": str, "length": int, "etag": str, "last_modified": str,
    }, pk="id", foreign_keys=[("crawl_id", "crawls", "id")])
    db["articles"].create({
        "id": int, "url": str, "site": str, "title": str, "published": str,
        "published_raw": str, "modified": str, "modified_raw": str, "category": str,
        "tags": str, "authors": str, "lead": str, "body_text": str, "body_html": str,
        "language": str, "images": str, "content_sha256": str, "truncated": int,
        "provenance": str, "fetched_url": str, "footnotes_json": str,
        "first_seen": str, "last_seen": str, "revision_count": int,
        "crawl_id": int, "capture_id": int,
    }, pk="id", foreign_keys=[("site", "sites", "name"), ("crawl_id", "crawls", "id"),
                              ("capture_id", "captures", "id")],
        not_null={"url", "site"}, defaults={"revision_count": 0, "truncated": 0})
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["site", "published"])
    db["footnotes"].create({
        "id": int, "article_id": int, "number": str, "text": str, "html": str,
        "urls": str, "marker_id": str,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")])
    db["related_links"].create({
        "id": int, "article_id": int, "position": int, "url": str, "title": str,
        "date": str, "date_raw": str, "category": str, "teaser": str, "heading": str,
        "target_article_id": int,
    }, pk="id", foreign_keys=[("article_id", "articles", "id"),
                              ("target_article_id", "articles", "id")])
    db["links"].create({"id": int, "article_id": int, "url": str, "text": str, "domain": str},
                       pk="id", foreign_keys=[("article_id", "articles", "id")])
    db["tags"].create({"id": int, "name": str}, pk="id")
    db["tags"].create_index(["name"], unique=True)
    db["article_tags"].create({"article_id": int, "tag_id": int}, pk=("article_id", "tag_id"),
                              foreign_keys=[("article_id", "articles", "id"),
                                            ("tag_id", "tags", "id")])
    db["revisions"].create({
        "id": int, "article_id": int, "revised_at": str, "crawl_id": int, "capture_id": int,
        "title": str, "published": str, "modified": str, "lead": str, "body_text": str,
        "body_html": str, "content_sha256": str, "footnotes": str,
    }, pk="id", foreign_keys=[("article_id", "articles", "id"), ("crawl_id", "crawls", "id")])
    db["errors"].create({
        "id": int, "crawl_id": int, "site": str, "url": str, "kind": str, "reason": str,
        "status": int, "referer": str, "occurred_at": str,
    }, pk="id", foreign_keys=[("crawl_id", "crawls", "id")])
    for table, cols in (("footnotes", ["article_id"]), ("related_links", ["article_id"]),
                        ("related_links", ["url"]), ("links", ["article_id"]),
                        ("captures", ["url"]), ("errors", ["crawl_id"]),
                        ("revisions", ["article_id"])):
        db[table].create_index(cols)
    db["articles"].enable_fts(["title", "lead", "body_text"], tokenize="unicode61 remove_diacritics 2",
                              create_triggers=True)


def _m002_captures_warc_and_gone(db: sqlite_utils.Database) -> None:
    """Where each capture's record is in the WARC files; articles that disappeared."""
    captures = db["captures"]
    for column, kind in (("fetched_from", str), ("payload_digest", str), ("record_type", str),
                         ("warc_file", str), ("warc_offset", int), ("warc_length", int)):
        captures.add_column(column, kind)
    captures.create_index(["url", "payload_digest"])
    db["articles"].add_column("gone_since", str)
    db["articles"].add_column("last_status", int)


def _m003_coverage_and_discovery(db: sqlite_utils.Database) -> None:
    """Field coverage per crawl and site; what each crawl saw the site list (for audits)."""
    db["coverage"].create({
        "id": int, "crawl_id": int, "site": str, "field": str, "articles": int, "with_field": int,
        "share": float, "threshold": float, "previous_share": float, "ok": int,
    }, pk="id", foreign_keys=[("crawl_id", "crawls", "id")])
    db["coverage"].create_index(["site", "crawl_id"])
    db["discovered"].create({
        "id": int, "crawl_id": int, "site": str, "url": str, "source": str, "lastmod": str,
        "is_article_url": int, "details": str,
    }, pk="id", foreign_keys=[("crawl_id", "crawls", "id")])
    db["discovered"].create_index(["site", "crawl_id"])
    db["discovered"].create_index(["url"])


def _m004_french_search(db: sqlite_utils.Database) -> None:
    """French stemmed search (article_search + article_search_fts), research indexes, article_list view."""
    for statement in _M004_SQL:
        db.execute(statement)
    from ess_crawler.store.search_index import reindex  # the data step: stems of the articles already there

    reindex(db)


_M004_SQL = (
    """create table if not exists article_search (
        article_id integer primary key references articles(id) on delete cascade,
        title text, lead text, body text)""",
    """create virtual table if not exists article_search_fts using fts5(
        title, lead, body, content='article_search', content_rowid='article_id',
        tokenize='unicode61 remove_diacritics 2')""",
    """create trigger if not exists article_search_ai after insert on article_search begin
        insert into article_search_fts(rowid, title, lead, body) values (new.article_id, new.title, new.lead, new.body);
    end""",
    """create trigger if not exists article_search_ad after delete on article_search begin
        insert into article_search_fts(article_search_fts, rowid, title, lead, body)
        values ('delete', old.article_id, old.title, old.lead, old.body);
    end""",
    """create trigger if not exists article_search_au after update on article_search begin
        insert into article_search_fts(article_search_fts, rowid, title, lead, body)
        values ('delete', old.article_id, old.title, old.lead, old.body);
        insert into article_search_fts(rowid, title, lead, body) values (new.article_id, new.title, new.lead, new.body);
    end""",
    "insert into article_search_fts(article_search_fts, rank) values ('rank', 'bm25(10.0, 5.0, 1.0)')",
    "create index if not exists articles_published on articles(published)",
    "create index if not exists articles_category on articles(category)",
    "create index if not exists articles_tags on articles(tags)",
    "create index if not exists articles_facets on articles(site, category, published, language, tags)",
    "create index if not exists articles_year on articles(substr(published, 1, 4), site, category)",
    "create index if not exists articles_content_sha256 on articles(content_sha256, site)",
    "create index if not exists article_tags_tag on article_tags(tag_id, article_id)",
    "create index if not exists article_search_title on article_search(title)",
    "create index if not exists article_search_lead on article_search(lead)",
    """create view if not exists article_list as
        select id, published, substr(published, 1, 4) as year, site, category, title, tags, lead, url
        from articles""",
)


# The view researchers browse, facet and search. `+id` keeps SQLite from answering
# `id in (the search's matches)` -- how Datasette's search box filters -- by one primary-key
# lookup per match in the 2 GB articles table: it walks the small index that serves the
# page instead (published for the newest first, site, category or year for a facet) and
# tests each entry against the matches. A common word on 200,000 articles: rows in 18 ms
# instead of 160, each facet 55-80 ms instead of 200+ (past Datasette's facet time limit).
# An `?id=` filter on the view scans; article pages use the articles table.
def _m005_article_list_through_indexes(db: sqlite_utils.Database) -> None:
    """article_list filters search matches through its small indexes (`+id`)."""
    db.execute("drop view if exists article_list")
    db.execute("""create view if not exists article_list as
        select +id as id, published, substr(published, 1, 4) as year, site, category, title, tags, lead, url
        from articles""")


def _m006_one_search_index(db: sqlite_utils.Database) -> None:
    """Drop `articles_fts` (sqlite-utils' unstemmed index of m001): the French index is the only one."""
    for trigger in ("articles_ai", "articles_ad", "articles_au"):
        db.execute(f"drop trigger if exists {trigger}")
    db.execute("drop table if exists articles_fts")


def _m007_revision_reason(db: sqlite_utils.Database) -> None:
    """Why each revision was made: the site changed the article, or the extractor changed (reextract)."""
    if "reason" not in db["revisions"].columns_dict:
        db["revisions"].add_column("reason", str)
    db.execute("update revisions set reason = 'site changed' where reason is null")


MIGRATIONS = [_m001_initial, _m002_captures_warc_and_gone, _m003_coverage_and_discovery, _m004_french_search,
              _m005_article_list_through_indexes, _m006_one_search_index, _m007_revision_reason]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    """How many migrations this file has had (0: a new or foreign file)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database) -> int:
    """Apply the migrations this database has not had yet, each in its transaction; returns the version."""
    version = schema_version(db)
    for number, migration in enumerate(MIGRATIONS, start=1):
        if number > version:
            with db.atomic():
                migration(db)
                db.execute(f"PRAGMA user_version = {number}")
            logger.info("archive schema migrated to version %d (%s)", number, migration.__name__)
    return SCHEMA_VERSION
