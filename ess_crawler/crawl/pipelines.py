"""Item pipelines: validate and normalise articles, then hand everything to the archive.

Settings read: ESS_DB_PATH (the SQLite file), ESS_REQUIRED_FIELDS (article
fields without which a page is recorded as an error instead of an article),
ESS_WARC_ENABLED and ESS_WARC_DIR (raw responses as WARC; default `warc/`
beside the database), ESS_PROGRESS_INTERVAL (how often the `crawls` row is updated
while the crawl runs, so Datasette shows a running crawl's counts), ESS_WRITE_BATCH_SECONDS
and ESS_WRITE_BATCH_ITEMS (how long, and for how many records, writes wait to be committed).

Writes are committed in batches: one transaction holds the records of several items
(each record in its own savepoint, or in one statement, so it is in the archive entirely or
not at all), and is committed every ESS_WRITE_BATCH_SECONDS, after ESS_WRITE_BATCH_ITEMS records, when the
crawl closes, when the process gets SIGTERM or SIGINT, and when the reactor stops. The
WARC file is flushed before each commit, so a committed capture always points at a record
on disk. The capture of an article page waits, in memory, for what became of the page (the
article, its error, or "unchanged") and is written with it, its WARC record too (built by the
extraction worker that had the page, or else here): a crawl killed at any moment
leaves a page either archived with its capture or not at all, and the next crawl, which
knows only what was committed, fetches again what was lost. Crawls of one process that
write to the same archive share its connection (one writer, so they never wait on each
other's batch).

Articles arrive as items; the crawl's other records (Discovered, SeenUnchanged,
CrawlError) by the `record_found` signal (see `ess_crawler.crawl.records`).

A crawl whose site answered nothing (no 2xx or 304 response besides robots.txt)
is `failed`. A 404 or 410 marks an archived article gone only when the site
answered normally (200 or 304) for some of its other article pages in the same
crawl: a wrong or dead mirror never marks the archive gone.
"""

from __future__ import annotations

import logging
import signal
import time
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import DropItem

from ess_crawler import __version__
from ess_crawler.crawl.records import record_found
from ess_crawler.crawl.warc import RECORD_KEY, WarcFile, WarcRecord, payload_digest, recover, warc_date
from ess_crawler.items import Article, CrawlError, Discovered, SeenUnchanged
from ess_crawler.sqlite import sqlite3
from ess_crawler.store import coverage
from ess_crawler.store.archive import Archive, now
from ess_crawler.store.warc_files import default_warc_dir

logger = logging.getLogger(__name__)

DEFAULT_REQUIRED_FIELDS = ("title", "body_text")
# an article page's capture not claimed by an outcome after this long is written alone
_PENDING_MAX_AGE = 60.0


def _parse_iso(value: str):
    import datetime as dt

    return dt.datetime.fromisoformat(value)


class ValidationPipeline:
    """Drops pages that are not articles (no title or no body), with the reason."""

    def __init__(self, required: tuple[str, ...]):
        self.required = required

    @classmethod
    def from_crawler(cls, crawler):
        return cls(tuple(crawler.settings.getlist("ESS_REQUIRED_FIELDS", DEFAULT_REQUIRED_FIELDS)))

    def process_item(self, item):
        if not isinstance(item, Article):
            return item
        missing = normalise(item, self.required)
        if missing:
            raise DropItem(f"not an article: no {' and no '.join(missing)} found")
        return item


def normalise(article: Article, required: tuple[str, ...] = DEFAULT_REQUIRED_FIELDS) -> list[str]:
    """Strip the article's text fields as the archive keeps them; returns the required ones missing
    (also what `reextract` applies, so that the same extractor gives the same row)."""
    adapter = ItemAdapter(article)
    for name in ("title", "lead", "category", "body_text"):
        value = adapter.get(name)
        if isinstance(value, str):
            adapter[name] = value.strip()
    return [name for name in required if not adapter.get(name)]


class ArchiveWriter:
    """The write connection of one archive shared by the crawls of this process, and its batches.

    `ArchiveWriter.acquire(path)` opens it (or counts one more user); `release()` closes it
    with its last user. Writers call `record(method, ...)` for each record: the batch's
    transaction is opened if needed and the record is written (in its savepoint, or one statement); then
    `unit_done()` once what belongs together is written, which commits a batch that holds
    `batch_items` records. `flush()` commits it (after every
    `before_commit` hook: the crawls flush their WARC files); it is called every
    `batch_seconds`, on SIGTERM / SIGINT and when the reactor stops.
    """

    _open: dict[str, ArchiveWriter] = {}

    def __init__(self, db_path: str, batch_seconds: float, batch_items: int):
        self.key = str(Path(db_path).resolve())
        self.archive = Archive(db_path)
        self.batch_seconds = batch_seconds
        self.batch_items = max(1, batch_items)
        self.users = 0
        self.records = 0       # records in the open batch
        self.hooks: list = []  # called before each commit
        self._task = None
        self._shutdown_trigger = None

    @classmethod
    def acquire(cls, db_path: str, batch_seconds: float = 1.0, batch_items: int = 200) -> ArchiveWriter:
        writer = cls._open.get(str(Path(db_path).resolve()))
        if writer is None:
            writer = cls(db_path, batch_seconds, batch_items)
            cls._open[writer.key] = writer
            writer._start()
        writer.users += 1
        return writer

    def _start(self) -> None:
        from twisted.internet import reactor

        if self.batch_seconds > 0:
            from scrapy.utils.asyncio import create_looping_call

            self._task = create_looping_call(self.flush)
            self._task.start(self.batch_seconds, now=False)
        self._shutdown_trigger = reactor.addSystemEventTrigger("before", "shutdown", self.flush)
        # Scrapy installs its SIGTERM / SIGINT handlers once the reactor runs: wrap them after that
        reactor.callWhenRunning(reactor.callLater, 0, self._watch_signals)

    def _watch_signals(self) -> None:
        from twisted.internet import reactor

        if self.archive is None:
            return
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous = signal.getsignal(signum)
            if getattr(previous, "ess_flushes", None) is self:
                continue

            def handler(number, frame, previous=previous):
                # a signal may come in the middle of a record: the commit waits for the reactor's next turn
                reactor.callFromThread(self.flush)
                if callable(previous):
                    previous(number, frame)
                elif previous == signal.SIG_DFL or previous is None:
                    signal.signal(number, signal.SIG_DFL)
                    signal.raise_signal(number)

            handler.ess_flushes = self
            try:
                signal.signal(signum, handler)
            except ValueError:  # not the main thread
                return

    def record(self, method, *args, **kwargs):
        """Write one record (an archive method) in the open batch."""
        self.archive.begin_batch()
        result = method(*args, **kwargs)
        self.records += 1
        return result

    def unit_done(self) -> None:
        """A unit (a record, or an article page's capture with its outcome) is whole: commit a full batch."""
        if self.records >= self.batch_items:
            self.flush()

    def flush(self) -> None:
        """Commit the open batch (the WARC files are flushed first)."""
        if self.archive is None:
            return
        self.records = 0
        try:
            for hook in list(self.hooks):
                hook()
            self.archive.commit_batch()
        except (OSError, sqlite3.Error) as exc:
            # the batch is dropped whole (its captures could point at WARC records not on disk): nothing of
            # it was marked done, so the next crawl fetches it again
            logger.error("could not commit a batch of writes to %s: %s; its pages will be fetched again by the "
                         "next crawl", self.key, exc)
            self.archive.rollback_batch()

    def release(self) -> None:
        self.users -= 1
        if self.users > 0:
            return
        self.flush()
        if self._task is not None and self._task.running:
            self._task.stop()
        if self._shutdown_trigger is not None:
            from twisted.internet import reactor

            try:
                reactor.removeSystemEventTrigger(self._shutdown_trigger)
            except (ValueError, KeyError):
                pass
        self._open.pop(self.key, None)
        self.archive.close()
        self.archive = None


class ArchivePipeline:
    """Writes articles, errors and every capture to the SQLite archive, in batches of whole records."""

    def __init__(self, crawler, db_path: str, warc_dir: str | None):
        self.crawler = crawler
        self.db_path = db_path
        self.warc_dir = warc_dir
        self.warc: WarcFile | None = None
        self.archive: Archive | None = None
        self.writer: ArchiveWriter | None = None
        self.batch_seconds = 1.0
        self.batch_items = 200
        # public URL -> [(monotonic time, record_capture kwargs, WARC record or None, body)]: article pages'
        # captures awaiting their outcome
        self.pending: dict[str, list[tuple[float, dict, WarcRecord | None, bytes]]] = {}
        self.crawl_id: int | None = None
        self.progress_interval = 5.0
        self._task = None
        self.pages = 0              # captures recorded
        self.errors = 0             # error rows recorded
        self.answers = 0            # 2xx or 304 responses other than robots.txt
        self.normal_articles = 0    # article pages answered 200 or 304, or dated unchanged by the site
        self.listed: set[str] = set()  # article URLs the site's sitemaps, feeds or API list
        self.gone: dict[str, int] = {}  # URL -> 404/410, marked gone at close if the site answered normally
        self._inc_value = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        db_path = settings.get("ESS_DB_PATH")
        warc_dir = None
        if settings.getbool("ESS_WARC_ENABLED", True):
            warc_dir = settings.get("ESS_WARC_DIR") or str(default_warc_dir(db_path))
        pipeline = cls(crawler, db_path, warc_dir)
        crawler.signals.connect(pipeline.response_received, signal=signals.response_received)
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.spider_error, signal=signals.spider_error)
        crawler.signals.connect(pipeline.record_found, signal=record_found)
        pipeline.progress_interval = settings.getfloat("ESS_PROGRESS_INTERVAL", 5.0)
        pipeline.batch_seconds = settings.getfloat("ESS_WRITE_BATCH_SECONDS", 1.0)
        pipeline.batch_items = settings.getint("ESS_WRITE_BATCH_ITEMS", 200)
        return pipeline

    @property
    def spider(self):
        return self.crawler.spider

    def open_spider(self):
        self.writer = ArchiveWriter.acquire(self.db_path, self.batch_seconds, self.batch_items)
        self.writer.flush()  # what another crawl of this process wrote so far: the crawl's own rows start clean
        self.archive = self.writer.archive
        profile = getattr(self.spider, "profile", None)
        if profile is not None:
            self.archive.register_site(profile)
        settings = {name: self.crawler.settings.get(name) for name in (
            "USER_AGENT", "ESS_CONTACT", "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED", "ROBOTSTXT_OBEY",
            "CONCURRENT_REQUESTS_PER_DOMAIN", "DOWNLOAD_TIMEOUT", "RETRY_TIMES", "DOWNLOAD_MAXSIZE",
            "ESS_DB_PATH")}
        settings["base_url"] = getattr(self.spider, "base_url", "")
        settings["ESS_WARC_DIR"] = self.warc_dir
        settings["ESS_FULL_CRAWL"] = self.crawler.settings.getbool("ESS_FULL_CRAWL")
        stale = self.archive.interrupt_stale_crawls(self.spider.name)
        if stale:
            logger.warning("%d earlier crawl(s) of %s did not finish: marked interrupted", stale, self.spider.name)
        self.crawl_id = self.archive.start_crawl(self.spider.name, settings)
        self._started = time.monotonic()
        if self.warc_dir:
            for path in recover(self.warc_dir, self.spider.name):
                logger.warning("recovered WARC file %s left by an interrupted crawl", path)
            self.warc = WarcFile(self.warc_dir, self.spider.name, self.crawl_id, f"ess-crawler/{__version__}")
        self.writer.hooks.append(self._before_commit)
        logger.info("crawl %d of %s writes to %s", self.crawl_id, self.spider.name, self.db_path)
        if self.progress_interval > 0:
            from scrapy.utils.asyncio import create_looping_call

            self._task = create_looping_call(self._update_crawl_row)
            self._task.start(self.progress_interval, now=False)

    def _update_crawl_row(self) -> None:
        """The running crawl's counts in its `crawls` row (articles_* are counted per article)."""
        if self.archive is not None:
            self._record(self.archive.update_crawl_progress, self.crawl_id, self.pages, self.errors)

    def _record(self, method, *args, **kwargs):
        """Write a record, and with it any article page capture written just before (one unit)."""
        result = self.writer.record(method, *args, **kwargs)
        self.writer.unit_done()
        return result

    def _before_commit(self) -> None:
        """Before the batch is committed: the WARC records its captures point at are on disk, and
        article pages' captures that no outcome claimed for long are written alone."""
        if self.pending:
            old = time.monotonic() - _PENDING_MAX_AGE
            for url in [url for url, waiting in self.pending.items() if waiting[0][0] < old]:
                self._write_pending(url)
        if self.warc is not None:
            self.warc.flush()

    def _write_pending(self, url: str) -> int | None:
        """Write the captures of `url` that wait for their outcome; returns the last one's id."""
        capture_id = None
        for _, capture, record, body in self.pending.pop(url, ()):
            if record is not None:
                capture.update(self._append_warc(record, body))
            capture_id = self.writer.record(self.archive.record_capture, **capture)
        return capture_id

    def _stats_inc(self, key: str, count: int = 1) -> None:
        if self._inc_value is None:  # (each attribute of Scrapy's stats collector costs a __getattribute__)
            self._inc_value = self.crawler.stats.inc_value
        self._inc_value(key, count)

    def close_spider(self):
        if self.archive is None:
            return
        if self._task is not None and self._task.running:
            self._task.stop()
        for url in list(self.pending):
            self._write_pending(url)
        # Scrapy closes the pipelines before it records finish_reason (in the spider_closed
        # signal that follows); a shutdown (SIGTERM, SIGINT, Crawler.stop) is the only close
        # that stops the engine first
        engine = self.crawler.engine
        reason = self.crawler.stats.get_value("finish_reason") or (
            "shutdown" if engine is not None and not engine.running else "finished")
        status = "finished" if reason == "finished" or reason.startswith("closespider") else (
            "interrupted" if reason == "shutdown" else "failed")
        status = self._judge_answers(status)
        self.crawler.stats.set_value("ess/status", status)
        if self._before_commit in self.writer.hooks:
            self.writer.hooks.remove(self._before_commit)
        if self.warc is not None:
            self.warc.flush()
        self.writer.flush()
        if self.warc is not None:
            self.warc.close()
            self.warc = None
        self.crawler.stats.set_value("ess/crawl_seconds", round(time.monotonic() - self._started, 3))
        profile = getattr(self.spider, "profile", None)
        thresholds = {**(profile.coverage if profile else {}),
                      **self.crawler.settings.getdict("ESS_COVERAGE_THRESHOLDS")}
        coverage.measure(self.archive, self.crawl_id, self.spider.name, thresholds)
        row = self.archive.finish_crawl(self.crawl_id, status, self.crawler.stats.get_stats())
        logger.info("crawl %d %s: %d pages, %d new, %d updated, %d unchanged articles, %d errors",
                    self.crawl_id, status, row["pages_fetched"], row["articles_new"],
                    row["articles_updated"], row["articles_unchanged"], row["errors"])
        self.archive = None
        self.writer.release()
        self.writer = None

    def _judge_answers(self, status: str) -> str:
        """`failed` when the site answered nothing; gone marks only when it answered normally."""
        name = self.spider.name
        shared_and_idle = (self.crawler.settings.get("ESS_REDIS_URL") and not self.pages and not self.errors)
        if status == "finished" and not self.answers and not shared_and_idle:  # (other nodes did the work)
            logger.error("%s answered nothing (%d responses, none 200 or 304 besides robots.txt): crawl "
                         "failed; is the site down, or --base-url wrong?", name, self.pages)
            self.crawler.stats.set_value("ess/failure", "the site answered nothing")
            status = "failed"
        if not self.gone:
            return status
        if self.normal_articles:
            marked = self._record(self.archive.mark_gone, self.gone)
            self.crawler.stats.set_value("ess/articles_gone", marked)
        else:
            known = self.archive.count_archived(list(self.gone))
            if known:
                logger.error("%s answered 404/410 for %d archived articles and normally for none: not marked "
                             "gone, crawl failed; is --base-url the site's own mirror?", name, known)
                self.crawler.stats.set_value("ess/failure", "no article page answered normally")
                status = "failed" if status == "finished" else status
        return status

    def process_item(self, item):
        if isinstance(item, Article):
            capture_id = self._capture_for(item.fetched_url)
            status = self._record(self.archive.save_article, item, self.crawl_id, capture_id)
            self._stats_inc(f"ess/articles_{status}")
        else:  # a record that came as an item (RecordsMiddleware disabled)
            self.record_found(item, self.spider)
        return item

    def record_found(self, record, spider=None):
        """A Discovered, SeenUnchanged or CrawlError record (the `record_found` signal)."""
        if self.archive is None:
            return
        if isinstance(record, CrawlError):
            self._record_error(record)
        elif isinstance(record, Discovered):
            self._record(self.archive.record_discovered, self.crawl_id, record)
            if record.is_article_url and record.url not in self.listed:
                self.listed.add(record.url)
                self._stats_inc("ess/listed_articles")
        elif isinstance(record, SeenUnchanged):
            if self._record(self.archive.mark_unchanged, record.url, self.crawl_id, self._capture_for(record.url)):
                self._stats_inc("ess/articles_unchanged")
                self.normal_articles += 1

    def _record_error(self, error: CrawlError) -> None:
        if error.url in self.pending:  # the error of an article page: with its capture
            self._write_pending(error.url)
        self._record(self.archive.record_error, self.crawl_id, error)
        self.errors += 1
        self._stats_inc("ess/errors")
        self._stats_inc(f"ess/errors/{error.kind}")
        profile = getattr(self.spider, "profile", None)
        if profile is not None and profile.is_article(error.url):
            self._stats_inc("ess/article_errors")

    def _capture_for(self, url: str) -> int | None:
        """The capture of an article page's outcome (written now if it waited for it)."""
        if url in self.pending:
            return self._write_pending(url)
        return self.archive.last_capture_id(url, self.crawl_id)

    # ------------------------------------------------------------ signals

    def response_received(self, response, request, spider):
        if self.archive is None:
            return
        to_public = getattr(spider, "to_public", lambda u: u)
        url = to_public(response.url)
        headers = response.headers
        warc = {"fetched_from": response.url if response.url != url else None}
        record = None
        if self.warc is not None:
            record = self._warc_record(url, response)
            warc.update(payload_digest=record.digest, record_type=record.kind)
        self._judge_response(url, response.status)
        capture = dict(
            crawl_id=self.crawl_id, url=url, status=response.status,
            content_type=(headers.get(b"Content-Type") or b"").decode("latin-1"), length=len(response.body),
            etag=(headers.get(b"ETag") or b"").decode("latin-1"),
            last_modified=(headers.get(b"Last-Modified") or b"").decode("latin-1"),
            fetched_at=now(), **warc,
        )
        if getattr(request.callback, "__name__", None) == "parse_article":
            # an article page: its capture is written with the page's outcome, in the same batch
            if record is not None:
                request.meta[RECORD_KEY] = record
            # (the body waits too, only for a record the worker may not build)
            body = response.body if record is not None else b""
            self.pending.setdefault(url, []).append((time.monotonic(), capture, record, body))
        else:
            if record is not None:
                capture.update(self._append_warc(record, response.body))
            self._record(self.archive.record_capture, **capture)

    def _judge_response(self, url: str, status: int) -> None:
        self.pages += 1
        self._stats_inc("ess/pages")
        if status in (404, 410):
            self.gone[url] = status
            return
        if (200 <= status < 300 or status == 304) and not url.endswith("/robots.txt"):
            self.answers += 1
            profile = getattr(self.spider, "profile", None)
            if profile is not None and profile.is_article(url):
                self.normal_articles += 1
                self.gone.pop(url, None)

    def _warc_record(self, url: str, response) -> WarcRecord:
        """The raw response's WARC record, dated now (a revisit when this payload is archived already)."""
        from http import HTTPStatus

        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = ""
        headers = [(k.decode("latin-1"), v.decode("latin-1"))
                   for k, values in response.headers.items() for v in values]
        digest = payload_digest(response.body)
        first = None
        if response.body:
            first = next((c["fetched_at"] for _, c, _, _ in self.pending.get(url, ())
                          if c.get("payload_digest") == digest and c.get("record_type") == "response"), None)
            first = first or self.archive.first_capture_time(url, digest)
        return WarcRecord(url, response.status, reason, headers, digest, warc_date(), fetched_from=response.url,
                          refers_to_date=warc_date(_parse_iso(first)) if first is not None else None)

    def _append_warc(self, record: WarcRecord, body: bytes) -> dict:
        """Append the record (built now unless a worker did) to the WARC file; its place, for the capture."""
        offset, length = self.warc.append(record.data or record.build(body))
        return {"warc_file": self.warc.name, "warc_offset": offset, "warc_length": length}

    def item_dropped(self, item, response, exception, spider):
        if self.archive is None or not isinstance(item, Article):
            return
        logger.warning("dropped %s: %s", item.fetched_url or item.url, exception)
        self._record_error(CrawlError(
            url=item.fetched_url or item.url, kind="not_article", reason=str(exception),
            site=item.site, status=getattr(response, "status", None)))

    def spider_error(self, failure, response, spider):
        if self.archive is None:
            return
        to_public = getattr(spider, "to_public", lambda u: u)
        self._record_error(CrawlError(
            url=to_public(response.url), kind="spider", reason=failure.getErrorMessage()[:500],
            site=spider.name, status=response.status))
