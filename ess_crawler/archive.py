"""The SQLite archive: schema, ordered migrations and every write (sqlite-utils).

One transaction per item; articles are upserted by canonical URL; a changed
article keeps its earlier version in `revisions`; every fetch is a row of
`captures`; every failure a row of `errors`. WAL mode lets Datasette read
while a crawl writes. Full-text search (FTS5, `unicode61 remove_diacritics 2`)
covers title, lead and body and ignores case and accents.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit

import sqlite_utils

from ess_crawler import search
from ess_crawler.items import Article, CrawlError
from ess_crawler.sites import SiteProfile

logger = logging.getLogger(__name__)

DEFAULT_DB = Path("archive") / "ess.db"
FTS_TOKENIZER = "unicode61 remove_diacritics 2"
# an article counts as changed when one of these differs
CHANGE_FIELDS = ("content_sha256", "title", "published", "footnotes_json")


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


# ---------------------------------------------------------------- migrations

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
    db["articles"].enable_fts(["title", "lead", "body_text"], tokenize=FTS_TOKENIZER,
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


def _m004_french_search(db: sqlite_utils.Database) -> None:
    """French stemmed search (article_search + article_search_fts), research indexes, article_list view."""
    from ess_crawler.search import install

    install(db)


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


def _m005_article_list_through_indexes(db: sqlite_utils.Database) -> None:
    """article_list filters search matches through its small indexes (see search.ARTICLE_LIST_VIEW)."""
    from ess_crawler.search import ARTICLE_LIST_VIEW

    db.execute("drop view if exists article_list")
    db.execute(ARTICLE_LIST_VIEW)


MIGRATIONS = [_m001_initial, _m002_captures_warc_and_gone, _m003_coverage_and_discovery, _m004_french_search,
              _m005_article_list_through_indexes]


def migrate(db: sqlite_utils.Database) -> int:
    """Apply the migrations this database has not had yet; returns the schema version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number, migration in enumerate(MIGRATIONS, start=1):
        if number > version:
            with db.atomic():
                migration(db)
                db.execute(f"PRAGMA user_version = {number}")
            logger.info("archive schema migrated to version %d (%s)", number, migration.__name__)
    return len(MIGRATIONS)


# ---------------------------------------------------------------- archive

class Archive:
    """All reads and writes of the archive database."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite_utils.Database(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA busy_timeout=10000")
        migrate(self.db)

    def close(self) -> None:
        self.db.close()

    # -- sites and crawls

    def register_site(self, profile: SiteProfile) -> None:
        with self.db.atomic():
            self.db["sites"].upsert({
                "name": profile.name, "title": profile.title, "origin": profile.origin,
                "cms": profile.cms, "language": profile.language,
                "description": profile.description, "rights": profile.rights,
                "profile_file": Path(profile.source_file).name if profile.source_file else "",
            }, pk="name")

    def start_crawl(self, site: str, settings: dict) -> int:
        with self.db.atomic():
            table = self.db["crawls"].insert({
                "site": site, "started": now(), "status": "running", "pages_fetched": 0,
                "articles_new": 0, "articles_updated": 0, "articles_unchanged": 0, "errors": 0,
                "settings": json.dumps(settings, sort_keys=True, default=str),
            })
        return table.last_pk

    def finish_crawl(self, crawl_id: int, status: str, stats: dict) -> dict:
        """Close a crawl row with its counts; returns the row."""
        counts = self.crawl_counts(crawl_id)
        with self.db.atomic():
            self.db["crawls"].update(crawl_id, {
                "finished": now(), "status": status,
                "stats": json.dumps(stats, sort_keys=True, default=str), **counts,
            })
        return self.db["crawls"].get(crawl_id)

    def crawl_counts(self, crawl_id: int) -> dict:
        q = self.db.execute
        return {
            "pages_fetched": q("select count(*) from captures where crawl_id = ?", [crawl_id]).fetchone()[0],
            "errors": q("select count(*) from errors where crawl_id = ?", [crawl_id]).fetchone()[0],
        }

    # -- captures and errors

    def record_capture(self, crawl_id: int | None, url: str, status: int, content_type: str,
                       length: int, etag: str = "", last_modified: str = "", **warc) -> int:
        """One row per HTTP response; `warc` holds fetched_from, payload_digest, record_type,
        warc_file, warc_offset, warc_length when the raw response was written."""
        with self.db.atomic():
            table = self.db["captures"].insert({
                "crawl_id": crawl_id, "url": url, "status": status, "content_type": content_type,
                "fetched_at": warc.pop("fetched_at", None) or now(), "length": length, "etag": etag,
                "last_modified": last_modified, **warc,
            })
            if status in (404, 410):
                self.db.execute("update articles set gone_since = coalesce(gone_since, ?), last_status = ? "
                                "where url = ?", [now(), status, url])
        return table.last_pk

    def record_discovered(self, crawl_id: int | None, found) -> None:
        """A URL the site lists (sitemap, feed, REST), once per crawl."""
        with self.db.atomic():
            exists = self.db.execute("select 1 from discovered where crawl_id is ? and url = ? and source = ?",
                                     [crawl_id, found.url, found.source]).fetchone()
            if not exists:
                self.db["discovered"].insert({
                    "crawl_id": crawl_id, "site": found.site, "url": found.url, "source": found.source,
                    "lastmod": found.lastmod, "is_article_url": int(found.is_article_url),
                    "details": json.dumps(found.details, ensure_ascii=False) if found.details else None})

    def first_capture_with(self, url: str, digest: str) -> dict | None:
        """The earliest capture of `url` whose payload had this digest and a WARC record."""
        rows = list(self.db.query(
            "select * from captures where url = ? and payload_digest = ? and record_type = 'response' "
            "order by id limit 1", [url, digest]))
        return rows[0] if rows else None

    def mark_unchanged(self, url: str, crawl_id: int | None, capture_id: int | None = None) -> bool:
        """An article seen again without a new body (304, or sitemap lastmod older than our copy)."""
        with self.db.atomic():
            row = self.db.execute("select id, crawl_id from articles where url = ?", [url]).fetchone()
            if row is None:
                return False
            self.db.execute(
                "update articles set last_seen = ?, crawl_id = ?, last_status = coalesce(?, last_status), "
                "gone_since = null where id = ?", [now(), crawl_id, 304 if capture_id else None, row[0]])
            if row[1] != crawl_id:  # counted once per crawl
                self._count(crawl_id, "unchanged")
        return True

    def interrupt_stale_crawls(self, site: str) -> int:
        """Crawls of `site` still 'running' were killed: mark them interrupted."""
        with self.db.atomic():
            cursor = self.db.execute("update crawls set status = 'interrupted', finished = coalesce(finished, ?) "
                                     "where site = ? and status = 'running'", [now(), site])
        return cursor.rowcount

    def record_error(self, crawl_id: int | None, error: CrawlError) -> int:
        with self.db.atomic():
            table = self.db["errors"].insert({
                "crawl_id": crawl_id, "site": error.site, "url": error.url, "kind": error.kind,
                "reason": error.reason[:2000], "status": error.status, "referer": error.referer,
                "occurred_at": now(),
            })
        return table.last_pk

    # -- articles

    def save_article(self, article: Article, crawl_id: int | None = None,
                     capture_id: int | None = None) -> str:
        """Upsert one article and its parts in one transaction: 'new', 'updated' or 'unchanged'."""
        row = _article_row(article)
        stamp = now()
        with self.db.atomic():
            existing = self.db.execute(
                "select id, " + ", ".join(CHANGE_FIELDS) + " from articles where url = ?", [article.url]
            ).fetchone()
            if existing is None:
                row.update(first_seen=stamp, last_seen=stamp, revision_count=0,
                           crawl_id=crawl_id, capture_id=capture_id, last_status=200)
                article_id = self.db["articles"].insert(row).last_pk
                status = "new"
            else:
                article_id = existing[0]
                if tuple(existing[1:]) == tuple(row[f] for f in CHANGE_FIELDS):
                    self.db["articles"].update(article_id, {"last_seen": stamp, "crawl_id": crawl_id,
                                                            "capture_id": capture_id, "gone_since": None,
                                                            "last_status": 200})
                    self._count(crawl_id, "unchanged")
                    return "unchanged"
                self._keep_revision(article_id, crawl_id, stamp)
                row.update(last_seen=stamp, crawl_id=crawl_id, capture_id=capture_id)
                self.db["articles"].update(article_id, {**row, "gone_since": None, "last_status": 200})
                self.db.execute("update articles set revision_count = revision_count + 1 where id = ?",
                                [article_id])
                for table in ("footnotes", "related_links", "links", "article_tags"):
                    self.db.execute(f"delete from {table} where article_id = ?", [article_id])
                status = "updated"
            self._write_parts(article_id, article)
            search.index_article(self.db, article_id)
            self._count(crawl_id, status)
        return status

    def _count(self, crawl_id: int | None, status: str) -> None:
        """Tally the article in its crawl row, inside the article's own transaction."""
        if crawl_id is not None:
            column = f"articles_{status}"
            self.db.execute(f"update crawls set {column} = coalesce({column}, 0) + 1 where id = ?",
                            [crawl_id])

    def _keep_revision(self, article_id: int, crawl_id, stamp: str) -> None:
        old = self.db["articles"].get(article_id)
        self.db["revisions"].insert({
            "article_id": article_id, "revised_at": stamp, "crawl_id": old["crawl_id"],
            "capture_id": old["capture_id"], "title": old["title"], "published": old["published"],
            "modified": old["modified"], "lead": old["lead"], "body_text": old["body_text"],
            "body_html": old["body_html"], "content_sha256": old["content_sha256"],
            "footnotes": old["footnotes_json"],
        })

    def _write_parts(self, article_id: int, article: Article) -> None:
        self.db["footnotes"].insert_all(
            {"article_id": article_id, "number": n.number, "text": n.text, "html": n.html,
             "urls": json.dumps(n.urls), "marker_id": n.marker_id}
            for n in article.footnotes
        )
        targets = {}
        if article.related:
            urls = [r.url for r in article.related]
            marks = ",".join("?" * len(urls))
            targets = dict(self.db.execute(f"select url, id from articles where url in ({marks})", urls))
        self.db["related_links"].insert_all(
            {"article_id": article_id, "position": i, "url": r.url, "title": r.title, "date": r.date,
             "date_raw": r.date_raw, "category": r.category, "teaser": r.teaser,
             "heading": r.heading, "target_article_id": targets.get(r.url)}
            for i, r in enumerate(article.related, start=1)
        )
        # links that pointed here before this article was archived now resolve
        self.db.execute("update related_links set target_article_id = ? where url = ? "
                        "and target_article_id is null", [article_id, article.url])
        self.db["links"].insert_all(
            {"article_id": article_id, "url": link.url, "text": link.text,
             "domain": (urlsplit(link.url).hostname or "").lower()}
            for link in article.links
        )
        for name in article.tags:
            tag_id = self.db["tags"].lookup({"name": name})
            self.db["article_tags"].insert({"article_id": article_id, "tag_id": tag_id}, ignore=True)

    # -- reading

    def summary(self) -> dict:
        """Counts for the end-of-crawl report."""
        def count(sql: str) -> int:
            return self.db.execute(sql).fetchone()[0]
        return {
            "sites": count("select count(distinct site) from articles"),
            "articles": count("select count(*) from articles"),
            "footnotes": count("select count(*) from footnotes"),
            "related_links": count("select count(*) from related_links"),
            "resolved_related_links": count("select count(*) from related_links "
                                            "where target_article_id is not null"),
            "errors": count("select count(*) from errors"),
        }

    def integrity_ok(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _article_row(article: Article) -> dict:
    data = asdict(article)
    footnotes = [{k: v for k, v in n.items() if k != "html"} for n in data["footnotes"]]
    return {
        "url": article.url, "site": article.site, "title": article.title,
        "published": article.published, "published_raw": article.published_raw,
        "modified": article.modified, "modified_raw": article.modified_raw,
        "category": article.category, "tags": json.dumps(article.tags, ensure_ascii=False),
        "authors": json.dumps(article.authors, ensure_ascii=False), "lead": article.lead,
        "body_text": article.body_text, "body_html": article.body_html,
        "language": article.language,
        "images": json.dumps(data["images"], ensure_ascii=False),
        "content_sha256": article.content_sha256, "truncated": int(article.truncated),
        "provenance": json.dumps(article.provenance, ensure_ascii=False, sort_keys=True),
        "fetched_url": article.fetched_url,
        "footnotes_json": json.dumps(footnotes, ensure_ascii=False, sort_keys=True),
    }
