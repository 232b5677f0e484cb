"""The SQLite archive: every read and write of it (sqlite-utils); the schema is in `migrations`.

One transaction per item; articles are upserted by canonical URL; a changed
article keeps its earlier version in `revisions`; every fetch is a row of
`captures`; every failure a row of `errors`. WAL mode lets Datasette read
while a crawl writes. The French search index (`search_index`) is updated in
each article's transaction.

A crawl writes in batches (`begin_batch` / `commit_batch`): one write transaction holds
several items, each item's writes in its own savepoint inside it, so an item is in the
archive entirely or not at all, and a commit costs one per batch instead of one per item.
A record written by one statement (a capture, an error, a discovered URL) needs no savepoint:
SQLite undoes a failing statement whole and leaves the rest of the transaction as it was.
The articles_* counts of a crawl row are tallied per article in the batch and written with
its commit (one statement per crawl and batch instead of one per article), so a committed
batch holds its articles and their counts, and an uncommitted one neither.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import sqlite_utils

from ess_crawler.errors import UserError
from ess_crawler.items import Article, CrawlError
from ess_crawler.profiles import SiteProfile
from ess_crawler.sqlite import sqlite3
from ess_crawler.store import search_index
from ess_crawler.store.migrations import SCHEMA_VERSION, migrate, schema_version

logger = logging.getLogger(__name__)

DEFAULT_DB = Path("archive") / "ess.db"
# an article counts as changed when one of these differs
CHANGE_FIELDS = ("content_sha256", "title", "published", "footnotes_json")
# `revisions.reason`: a crawl found the site's page changed, or `reextract` derived other fields
SITE_CHANGED = "site changed"
EXTRACTOR_CHANGED = "extractor changed"
# what re-extraction compares (the row's derived columns; fetched_url and dates of sight are the crawl's)
DERIVED_FIELDS = ("title", "published", "published_raw", "modified", "modified_raw", "category", "tags",
                  "authors", "lead", "body_text", "body_html", "language", "images", "content_sha256",
                  "truncated", "provenance", "footnotes_json")


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


# ---------------------------------------------------------------- archive

class ArchiveError(UserError):
    """The file is missing, is not an ess-crawler archive, or was made by a newer ess-crawler."""


class Archive:
    """All reads and writes of the archive database; a context manager.

    `Archive(path)` opens (or creates) an archive for writing: WAL journal, foreign keys,
    migrations applied. `Archive(path, read_only=True)` is for commands that only read:
    the file is opened with SQLite's `mode=ro`, nothing is migrated, written or switched
    to another journal mode, so the file stays byte-identical. Either way a file that is
    not an archive, or one of a newer schema, raises ArchiveError with a one-line message.
    """

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._batch = False  # a transaction opened by begin_batch is open
        self._tally: dict[tuple[int, str], int] = {}  # (crawl id, status) -> articles of the open batch
        if self.path.is_dir():
            raise ArchiveError(f"{self.path} is a folder, not an archive file")
        if read_only and not self.path.is_file():
            raise ArchiveError(f"no archive at {self.path}")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self.path.exists():
                self._create_atomically()
        try:
            if read_only:
                conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
            else:
                conn = sqlite3.connect(self.path, timeout=10)
            self.db = sqlite_utils.Database(conn)
            self._check_schema()
            if not read_only:
                self.db.execute("PRAGMA journal_mode=WAL")
                # in WAL mode NORMAL syncs at checkpoints, not at each commit (4.5 ms each here): a killed
                # process loses no committed transaction; only an OS crash or power cut may undo the last ones
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=10000")
            if not read_only:
                migrate(self.db)
        except sqlite3.DatabaseError as exc:
            self._close_quietly()
            if "readonly" in str(exc) or "read-only" in str(exc):
                raise ArchiveError(f"{self.path} cannot be written: {exc}") from None
            raise ArchiveError(f"{self.path} is not a SQLite archive ({exc})") from None
        except ArchiveError:
            self._close_quietly()
            raise

    def _create_atomically(self) -> None:
        """A new archive is made beside its path, migrated, then linked in place in one step, so a
        process killed meanwhile never leaves an empty or half-made file at the archive's path."""
        import os

        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.new")
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
        try:
            conn = sqlite3.connect(tmp, timeout=10)
            try:
                db = sqlite_utils.Database(conn)
                db.execute("PRAGMA journal_mode=WAL")
                migrate(db)
            finally:
                conn.close()
        except (sqlite3.DatabaseError, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise ArchiveError(f"cannot create an archive at {self.path}: {exc}") from None
        try:
            os.link(tmp, self.path)  # fails if another process made the archive meanwhile: theirs is kept
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not self.path.exists():
                os.replace(tmp, self.path)
        tmp.unlink(missing_ok=True)

    def _check_schema(self) -> None:
        version = schema_version(self.db)
        if version > SCHEMA_VERSION:
            raise ArchiveError(f"{self.path} was made by a newer ess-crawler (schema {version}; this one knows "
                               f"{SCHEMA_VERSION}): upgrade ess-crawler to use it")
        tables = set(self.db.table_names())
        if version == 0 and tables:
            raise ArchiveError(f"{self.path} is a SQLite database but not an ess-crawler archive "
                               f"(tables: {', '.join(sorted(tables)[:5])})")
        if "articles" not in tables and (self.read_only or version):
            raise ArchiveError(f"{self.path} is not an ess-crawler archive (no articles table)")

    def _close_quietly(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- batches of items (the crawl's pipeline)

    def begin_batch(self) -> None:
        """Open the write transaction the following writes join, unless one is open.

        Each write method keeps its item in a savepoint of it (`db.atomic()` nests), so a
        failing item leaves no part behind; `commit_batch` makes the whole batch durable,
        and a process killed before that loses the batch whole, never part of an item.
        BEGIN IMMEDIATE takes the write lock at once (waiting up to busy_timeout for another
        writer), so a batch never fails half-way on a lock upgrade."""
        if not self.db.conn.in_transaction:
            self._tally.clear()  # (what a batch that vanished had counted)
            self.db.conn.execute("BEGIN IMMEDIATE")
            self._batch = True

    def commit_batch(self) -> None:
        """Commit the open batch, if any, with the counts of its articles."""
        if self.db.conn.in_transaction:
            if self._batch:
                self._write_tally()
            self.db.conn.commit()
        self._batch = False
        self._tally.clear()

    def rollback_batch(self) -> None:
        """Drop the open batch whole (its counts with it)."""
        self._batch = False
        self._tally.clear()
        try:
            self.db.conn.rollback()
        except sqlite3.Error:
            pass

    def _in_batch(self) -> bool:
        return self._batch and self.db.conn.in_transaction

    @contextmanager
    def _savepoint(self):
        """The writes of one record: a savepoint of the open transaction (always the same name, so that
        sqlite3 prepares its statements once), or a transaction of their own when none is open."""
        conn = self.db.conn
        if not conn.in_transaction:
            with self.db.atomic():
                yield
            return
        conn.execute("SAVEPOINT ess_record")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # (an error such as a full disk may have ended the transaction)
                conn.execute("ROLLBACK TO ess_record")
                conn.execute("RELEASE ess_record")
            raise
        conn.execute("RELEASE ess_record")

    def _one(self, sql: str, params=()):
        """A record written by one statement: atomic by itself in the open transaction, else in its own."""
        if self.db.conn.in_transaction:
            return self.db.conn.execute(sql, params)
        with self.db.atomic():
            return self.db.conn.execute(sql, params)

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
        warc_file, warc_offset, warc_length when the raw response was written. A 404 or 410
        does not mark the archived article gone here: the crawl calls `mark_gone` once it
        knows the site answered normally."""
        row = {"crawl_id": crawl_id, "url": url, "status": status, "content_type": content_type,
               "fetched_at": warc.pop("fetched_at", None) or now(), "length": length, "etag": etag,
               "last_modified": last_modified, **warc}
        return self._one(_insert_sql("captures", tuple(row)), list(row.values())).lastrowid

    def _insert(self, table: str, row: dict) -> int:
        """Insert one row (the table's columns by name) in the open transaction; returns its rowid."""
        return self.db.conn.execute(_insert_sql(table, tuple(row)), list(row.values())).lastrowid

    def mark_gone(self, statuses: dict[str, int]) -> int:
        """Mark these archived articles gone (URL -> 404 or 410); returns how many were archived."""
        stamp = now()
        marked = 0
        with self.db.atomic():
            for url, status in statuses.items():
                marked += self.db.execute(
                    "update articles set gone_since = coalesce(gone_since, ?), last_status = ? where url = ?",
                    [stamp, status, url]).rowcount
        return marked

    def count_archived(self, urls: list[str]) -> int:
        """How many of these URLs are archived articles."""
        found = 0
        for start in range(0, len(urls), 500):
            chunk = urls[start:start + 500]
            found += self.db.execute(f"select count(*) from articles where url in ({','.join('?' * len(chunk))})",
                                     chunk).fetchone()[0]
        return found

    def update_crawl_progress(self, crawl_id: int, pages_fetched: int, errors: int) -> None:
        """A running crawl's counts so far (its articles_* columns are counted with each article)."""
        self._one("update crawls set pages_fetched = ?, errors = ? where id = ?", [pages_fetched, errors, crawl_id])

    def record_discovered(self, crawl_id: int | None, found) -> bool:
        """A URL the site lists (sitemap, feed, REST), once per crawl; True when it was new
        (one statement: the row is inserted unless the crawl has it)."""
        return self._one(_INSERT_DISCOVERED, [
            crawl_id, found.site, found.url, found.source, found.lastmod, int(found.is_article_url),
            json.dumps(found.details, ensure_ascii=False) if found.details else None,
            crawl_id, found.url, found.source]).rowcount > 0

    def first_capture_with(self, url: str, digest: str) -> dict | None:
        """The earliest capture of `url` whose payload had this digest and a WARC record."""
        cursor = self.db.conn.execute(
            "select * from captures where url = ? and payload_digest = ? and record_type = 'response' "
            "order by id limit 1", [url, digest])
        row = cursor.fetchone()
        return dict(zip([d[0] for d in cursor.description], row, strict=True)) if row else None

    def first_capture_time(self, url: str, digest: str) -> str | None:
        """`fetched_at` of `first_capture_with(url, digest)`: the capture a WARC revisit record refers to."""
        row = self.db.conn.execute(
            "select fetched_at from captures where url = ? and payload_digest = ? and record_type = 'response' "
            "order by id limit 1", [url, digest]).fetchone()
        return row[0] if row else None

    def last_capture_id(self, url: str, crawl_id: int | None) -> int | None:
        """The newest capture of `url` in this crawl."""
        row = self.db.execute("select id from captures where url = ? and crawl_id is ? order by id desc limit 1",
                              [url, crawl_id]).fetchone()
        return row[0] if row else None

    def mark_unchanged(self, url: str, crawl_id: int | None, capture_id: int | None = None) -> bool:
        """An article seen again without a new body (304, or sitemap lastmod older than our copy)."""
        deferred = self._in_batch()
        with self._savepoint():
            row = self.db.conn.execute("select id, crawl_id from articles where url = ?", [url]).fetchone()
            if row is None:
                return False
            self.db.conn.execute(
                "update articles set last_seen = ?, crawl_id = ?, last_status = coalesce(?, last_status), "
                "gone_since = null where id = ?", [now(), crawl_id, 304 if capture_id else None, row[0]])
            counted = row[1] != crawl_id  # counted once per crawl
            if counted and not deferred:
                self._count(crawl_id, "unchanged")
        if counted and deferred:
            self._tally_add(crawl_id, "unchanged")
        return True

    def interrupt_stale_crawls(self, site: str) -> int:
        """Crawls of `site` still 'running' were killed: mark them interrupted."""
        with self.db.atomic():
            cursor = self.db.execute("update crawls set status = 'interrupted', finished = coalesce(finished, ?) "
                                     "where site = ? and status = 'running'", [now(), site])
        return cursor.rowcount

    def record_error(self, crawl_id: int | None, error: CrawlError) -> int:
        row = {"crawl_id": crawl_id, "site": error.site, "url": error.url, "kind": error.kind,
               "reason": error.reason[:2000], "status": error.status, "referer": error.referer,
               "occurred_at": now()}
        return self._one(_insert_sql("errors", tuple(row)), list(row.values())).lastrowid

    # -- articles

    def save_article(self, article: Article, crawl_id: int | None = None,
                     capture_id: int | None = None) -> str:
        """Upsert one article and its parts in one transaction: 'new', 'updated' or 'unchanged'.

        In a batch: in its savepoint, and counted in the crawl row with the batch's commit."""
        row = _article_row(article)
        stamp = now()
        conn = self.db.conn
        deferred = self._in_batch()
        with self._savepoint():
            existing = conn.execute(_SELECT_EXISTING, [article.url]).fetchone()
            if existing is None:
                row.update(first_seen=stamp, last_seen=stamp, revision_count=0,
                           crawl_id=crawl_id, capture_id=capture_id, last_status=200)
                article_id = self._insert("articles", row)
                status = "new"
            elif tuple(existing[1:]) == tuple(row[f] for f in CHANGE_FIELDS):
                article_id = existing[0]
                conn.execute("update articles set last_seen = ?, crawl_id = ?, capture_id = ?, gone_since = null, "
                             "last_status = 200 where id = ?", [stamp, crawl_id, capture_id, article_id])
                status = "unchanged"
            else:
                article_id = existing[0]
                self._keep_revision(article_id, stamp)
                row.update(last_seen=stamp, crawl_id=crawl_id, capture_id=capture_id)
                conn.execute(_update_sql(tuple(row)), [*row.values(), article_id])
                for table in ("footnotes", "related_links", "links", "article_tags"):
                    conn.execute(f"delete from {table} where article_id = ?", [article_id])
                status = "updated"
            if status != "unchanged":
                self._write_parts(article_id, article)
                search_index.index_texts(conn, article_id, row["title"], row["lead"], row["body_text"],
                                         new=status == "new")
            if not deferred:
                self._count(crawl_id, status)
        if deferred:
            self._tally_add(crawl_id, status)
        return status

    # -- re-extraction (ess_crawler.crawl.reextract)

    def reextraction_sources(self, site: str | None = None) -> list[dict]:
        """Each article with the WARC record holding its page: the article's capture, or for a
        `revisit` capture the first capture of the same payload. Also the crawl's settings (WARC dir)."""
        return list(self.db.query(
            """select a.id, a.url, a.site, coalesce(nullif(a.fetched_url, ''), c.url) as public_url,
                      src.warc_file, src.warc_offset, src.record_type, cr.settings as crawl_settings
               from articles a
               join captures c on c.id = a.capture_id
               left join captures src on src.id = case when c.record_type = 'revisit' then
                    (select min(f.id) from captures f where f.url = c.url and f.payload_digest = c.payload_digest
                     and f.record_type = 'response') else c.id end
               left join crawls cr on cr.id = src.crawl_id
               where (? is null or a.site = ?)
               order by a.id""", [site, site]))

    def derived_changes(self, article_id: int, article: Article) -> list[str]:
        """The fields of the archived article that a re-extraction `article` would change (only reads:
        a read-only archive answers it, so re-extraction workers compare and the writer only writes)."""
        row = _article_row(article)
        old = self.db.execute(f"select {', '.join(DERIVED_FIELDS)} from articles where id = ?",
                              [article_id]).fetchone()
        if old is None:
            raise ArchiveError(f"no article {article_id} in {self.path}")
        changed = [f for f, before in zip(DERIVED_FIELDS, old, strict=True) if before != row[f]]
        parts_before = (
            [tuple(r) for r in self.db.execute(
                "select url, title, date, date_raw, category, teaser, heading from related_links "
                "where article_id = ? order by position", [article_id])],
            [tuple(r) for r in self.db.execute("select url, text from links where article_id = ? order by id",
                                               [article_id])])
        parts_after = (
            [(r.url, r.title, r.date, r.date_raw, r.category, r.teaser, r.heading) for r in article.related],
            [(link.url, link.text) for link in article.links])
        if parts_before[0] != parts_after[0]:
            changed.append("related")
        if parts_before[1] != parts_after[1]:
            changed.append("links")
        return changed

    def rederive_article(self, article_id: int, article: Article, note: str = "",
                         changed: list[str] | None = None) -> list[str]:
        """Replace an article's derived fields with a re-extraction of the same capture.

        Returns the fields that changed (none: nothing is written); `changed`, when given, is
        `derived_changes` computed already (by a worker). A change keeps the former version in
        `revisions` with reason `extractor changed`; crawl, capture and dates of sight stay as they were."""
        if changed is None:
            changed = self.derived_changes(article_id, article)
        if not changed:
            return []
        row = _article_row(article)
        old = self.db["articles"].get(article_id)
        reason = EXTRACTOR_CHANGED + (f" ({note})" if note else "") + ": " + ", ".join(changed)
        with self.db.atomic():
            self._keep_revision(article_id, now(), reason=reason)
            row.pop("url")
            row["fetched_url"] = old["fetched_url"]
            self.db["articles"].update(article_id, row)
            self.db.execute("update articles set revision_count = revision_count + 1 where id = ?", [article_id])
            for table in ("footnotes", "related_links", "links", "article_tags"):
                self.db.execute(f"delete from {table} where article_id = ?", [article_id])
            article.url = old["url"]
            self._write_parts(article_id, article)
            search_index.index_article(self.db, article_id)
        return changed

    def _count(self, crawl_id: int | None, status: str, by: int = 1) -> None:
        """Count articles in their crawl row (inside the article's own transaction, or the batch's)."""
        if crawl_id is not None:
            column = f"articles_{status}"
            self.db.conn.execute(f"update crawls set {column} = coalesce({column}, 0) + ? where id = ?",
                                 [by, crawl_id])

    def _tally_add(self, crawl_id: int | None, status: str) -> None:
        """Count an article of the open batch, once its savepoint is released (`commit_batch` writes it)."""
        if crawl_id is not None:
            key = (crawl_id, status)
            self._tally[key] = self._tally.get(key, 0) + 1

    def _write_tally(self) -> None:
        for (crawl_id, status), count in self._tally.items():
            self._count(crawl_id, status, count)
        self._tally.clear()

    def _keep_revision(self, article_id: int, stamp: str, reason: str = SITE_CHANGED) -> None:
        """The article's row as it is becomes a revision (copied by SQL, not read back)."""
        self.db.conn.execute(_KEEP_REVISION, [reason, stamp, article_id])

    def _write_parts(self, article_id: int, article: Article) -> None:
        execute, executemany = self.db.conn.execute, self.db.conn.executemany
        if article.footnotes:
            executemany("insert into footnotes (article_id, number, text, html, urls, marker_id) "
                        "values (?, ?, ?, ?, ?, ?)",
                        [(article_id, n.number, n.text, n.html, json.dumps(n.urls), n.marker_id)
                         for n in article.footnotes])
        if article.related:
            urls = [r.url for r in article.related]
            marks = ",".join("?" * len(urls))
            targets = dict(execute(f"select url, id from articles where url in ({marks})", urls))
            executemany("insert into related_links (article_id, position, url, title, date, date_raw, category, "
                        "teaser, heading, target_article_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [(article_id, i, r.url, r.title, r.date, r.date_raw, r.category, r.teaser, r.heading,
                          targets.get(r.url)) for i, r in enumerate(article.related, start=1)])
        # links that pointed here before this article was archived now resolve
        execute("update related_links set target_article_id = ? where url = ? and target_article_id is null",
                [article_id, article.url])
        if article.links:
            executemany("insert into links (article_id, url, text, domain) values (?, ?, ?, ?)",
                        [(article_id, link.url, link.text, (urlsplit(link.url).hostname or "").lower())
                         for link in article.links])
        if article.tags:
            # a new tag gets its id in the order of the article's tags, as when they were added one by one
            executemany("insert or ignore into tags (name) values (?)", [(name,) for name in article.tags])
            names = list(dict.fromkeys(article.tags))
            ids = dict(execute(f"select name, id from tags where name in ({','.join('?' * len(names))})", names))
            executemany("insert or ignore into article_tags (article_id, tag_id) values (?, ?)",
                        [(article_id, ids[name]) for name in article.tags])

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

    def site_names(self) -> list[str]:
        """The sites the archive knows (registered, crawled or with articles), sorted."""
        rows = self.db.execute("select name from sites union select site from crawls "
                               "union select distinct site from articles order by 1").fetchall()
        return [name for (name,) in rows if name]

    def articles_per_site(self) -> list[dict]:
        return list(self.db.query("select site, count(*) as articles, sum(published is not null) as dated "
                                  "from articles group by site order by site"))

    def errors_by_kind(self) -> list[dict]:
        return list(self.db.query("select kind, count(*) as n from errors group by kind order by n desc"))

    def coverage_rows(self, crawl_ids: list[int]) -> list[dict]:
        """Coverage of these crawls, site by site, in the order measured."""
        if not crawl_ids:
            return []
        marks = ",".join("?" * len(crawl_ids))
        return list(self.db.query(f"select * from coverage where crawl_id in ({marks}) order by site, id",
                                  crawl_ids))

    def coverage_failures(self, crawl_ids: list[int]) -> list[dict]:
        """Coverage rows of these crawls below their threshold."""
        return [row for row in self.coverage_rows(crawl_ids) if not row["ok"]]

    def last_crawl_id(self) -> int:
        return self.db.execute("select coalesce(max(id), 0) from crawls").fetchone()[0]

    def crawls_after(self, crawl_id: int) -> list[dict]:
        """The crawl rows written after `crawl_id`, oldest first."""
        return list(self.db.query("select * from crawls where id > ? order by id", [crawl_id]))

    def recent_crawls(self, limit: int) -> list[dict]:
        """The last `limit` crawl rows, oldest first."""
        rows = list(self.db.query("select * from crawls order by id desc limit ?", [limit]))
        return list(reversed(rows))

    def known_articles(self, site: str) -> list[dict]:
        """The site's archived articles with the validators of their last capture (for re-crawls),
        and `listed`: JSON {source: lastmod} of what the site listed for them (REST modified_gmt,
        sitemap lastmod, feed date) in the crawl that last saw our copy: the site's clock."""
        listed = ("(select json_group_object(d.source, d.lastmod) from discovered d where d.url = a.url "
                  "and d.crawl_id = a.crawl_id and d.lastmod is not null)"
                  if self.db["discovered"].exists() else "null")
        return list(self.db.query(
            "select a.url, a.last_seen, a.gone_since, a.modified, c.etag, c.last_modified, "
            f"c.fetched_at, {listed} as listed "
            "from articles a left join captures c on c.id = a.capture_id where a.site = ?", [site]))

    def syndication_groups(self, limit: int) -> list[tuple]:
        """(group, earliest date, article id, site, published, similarity, title) of the syndication table."""
        return self.db.execute(
            "select s.group_id, s.earliest_date, a.id, a.site, a.published, s.similarity, a.title "
            "from syndication s join articles a on a.id = s.article_id "
            "order by s.earliest_date, s.group_id, s.is_earliest desc, a.id limit ?", [limit]).fetchall()

    def listed_against_archive(self) -> list[dict]:
        """Each URL the last finished crawl of each site saw listed, with the archive's article and last error."""
        return list(self.db.query(_LISTED_SQL))

    def integrity_ok(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


_LISTED_SQL = """
with last as (
  select site, max(id) as crawl_id from crawls where status = 'finished' group by site
),
listed as (
  select d.site, d.url, group_concat(distinct d.source) as sources, max(d.is_article_url) as is_article_url
  from discovered d join last on last.crawl_id = d.crawl_id
  group by d.site, d.url
)
select l.site, l.url, l.sources, l.is_article_url,
       a.id as article_id, a.gone_since,
       (select e.kind || ': ' || e.reason from errors e where e.url = l.url order by e.id desc limit 1) as error
from listed l left join articles a on a.url = l.url
order by l.site, l.url
"""


_INSERT_SQL: dict[tuple, str] = {}
_UPDATE_SQL: dict[tuple, str] = {}


def _insert_sql(table: str, columns: tuple) -> str:
    """`insert into table (columns) values (?, ...)`, made once per table and columns (the same
    string, so sqlite3's statement cache prepares it once)."""
    sql = _INSERT_SQL.get((table, columns))
    if sql is None:
        sql = _INSERT_SQL[(table, columns)] = (
            f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"values ({', '.join('?' * len(columns))})")
    return sql


def _update_sql(columns: tuple) -> str:
    """The update of a changed article: its new columns, back in sight, one revision more."""
    sql = _UPDATE_SQL.get(columns)
    if sql is None:
        sql = _UPDATE_SQL[columns] = (
            f"update articles set {', '.join(f'[{c}] = ?' for c in columns)}, gone_since = null, "
            "last_status = 200, revision_count = revision_count + 1 where id = ?")
    return sql


_SELECT_EXISTING = "select id, " + ", ".join(CHANGE_FIELDS) + " from articles where url = ?"
_INSERT_DISCOVERED = (
    "insert into discovered (crawl_id, site, url, source, lastmod, is_article_url, details) "
    "select ?, ?, ?, ?, ?, ?, ? where not exists "
    "(select 1 from discovered where crawl_id is ? and url = ? and source = ?)")
_KEEP_REVISION = (
    "insert into revisions (reason, article_id, revised_at, crawl_id, capture_id, title, published, modified, "
    "lead, body_text, body_html, content_sha256, footnotes) "
    "select ?, id, ?, crawl_id, capture_id, title, published, modified, lead, body_text, body_html, "
    "content_sha256, footnotes_json from articles where id = ?")


def _article_row(article: Article) -> dict:
    # what json.dumps(asdict(...)) gave, without asdict's deep copy: images keep their field
    # order (url, alt, caption), footnotes their keys sorted and no html
    footnotes = [{"marker_id": n.marker_id, "number": n.number, "text": n.text, "urls": list(n.urls)}
                 for n in article.footnotes]
    images = [{"url": i.url, "alt": i.alt, "caption": i.caption} for i in article.images]
    return {
        "url": article.url, "site": article.site, "title": article.title,
        "published": article.published, "published_raw": article.published_raw,
        "modified": article.modified, "modified_raw": article.modified_raw,
        "category": article.category, "tags": json.dumps(article.tags, ensure_ascii=False),
        "authors": json.dumps(article.authors, ensure_ascii=False), "lead": article.lead,
        "body_text": article.body_text, "body_html": article.body_html,
        "language": article.language,
        "images": json.dumps(images, ensure_ascii=False),
        "content_sha256": article.content_sha256, "truncated": int(article.truncated),
        "provenance": json.dumps(article.provenance, ensure_ascii=False, sort_keys=True),
        "fetched_url": article.fetched_url,
        "footnotes_json": json.dumps(footnotes, ensure_ascii=False, sort_keys=True),
    }
