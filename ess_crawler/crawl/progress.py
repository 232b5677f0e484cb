"""A live progress line per site, in place of Scrapy's once-a-minute LogStats line.

Every ESS_PROGRESS_INTERVAL seconds, and once when the site's crawl closes, it
prints to stderr, whatever the LOG_LEVEL:

    fonda: 120 pages, articles 80 new / 3 updated / 12 unchanged, 2 errors, 14.2 pages/s, 63% of 150 listed

The counts are the ArchivePipeline's (`ess/...` stats), so discovery records are
not counted as items. The share done is shown when the site's sitemaps, feeds or
REST API listed its articles. On a terminal, with one site crawling, the line is
redrawn in place. ESS_PROGRESS=False turns it off.
"""

from __future__ import annotations

import logging
import sys
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured

_active: list[str] = []  # sites crawling in this process

# Scrapy's robots.txt middleware logs a download failure (a dead mirror: connection refused,
# DNS, timeout) with its traceback; the message says it all, and the error row is recorded
_DOWNLOAD_ERRORS = ("Connection", "DNS", "Timeout", "TimedOut", "CannotResolveHost", "ResponseNeverReceived",
                    "DownloadFailed")


class _NoDownloadTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is not None and any(word in type(exc).__name__ for word in _DOWNLOAD_ERRORS):
            record.exc_info = None
            record.exc_text = None
        return True


def quiet_download_tracebacks(settings) -> None:
    """One line, not a traceback, for robots.txt download failures (unless LOG_LEVEL is DEBUG)."""
    target = logging.getLogger("scrapy.downloadermiddlewares.robotstxt")
    if settings.get("LOG_LEVEL") != "DEBUG" and not any(isinstance(f, _NoDownloadTraceback) for f in target.filters):
        target.addFilter(_NoDownloadTraceback())


def progress_line(site: str, stats: dict, seconds: float) -> str:
    """The progress line of one site from its crawler's stats."""
    pages = stats.get("ess/pages", 0)
    done = sum(stats.get(f"ess/articles_{s}", 0) for s in ("new", "updated", "unchanged"))
    errors = stats.get("ess/errors", 0)
    status = stats.get("ess/status")
    new, updated, unchanged = (stats.get(f"ess/articles_{s}", 0) for s in ("new", "updated", "unchanged"))
    rate = pages / seconds if seconds > 0 else 0
    line = (f"{site}: {status + ', ' if status else ''}{pages} pages, "
            f"articles {new} new / {updated} updated / {unchanged} unchanged, "
            f"{errors} error{'s' if errors != 1 else ''}, {rate:.1f} pages/s")
    listed = stats.get("ess/listed_articles", 0)
    if listed:
        share = min(100, round(100 * (done + stats.get("ess/article_errors", 0)) / listed))
        line += f", {share}% of {listed} listed"
    return line


class Progress:
    """The extension (EXTENSIONS), enabled by ESS_PROGRESS."""

    def __init__(self, crawler, interval: float, stream=None):
        self.crawler = crawler
        self.interval = interval
        self.stream = stream or sys.stderr
        self.task = None
        self.started = time.monotonic()
        self._inline = False

    @classmethod
    def from_crawler(cls, crawler):
        quiet_download_tracebacks(crawler.settings)
        if not crawler.settings.getbool("ESS_PROGRESS", True):
            raise NotConfigured
        ext = cls(crawler, crawler.settings.getfloat("ESS_PROGRESS_INTERVAL", 5.0))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        from scrapy.utils.asyncio import create_looping_call

        self.started = time.monotonic()
        _active.append(spider.name)
        if self.interval > 0:
            self.task = create_looping_call(self.show)
            self.task.start(self.interval, now=False)

    def show(self, final: bool = False) -> None:
        spider = self.crawler.spider
        line = progress_line(spider.name, self.crawler.stats.get_stats(), time.monotonic() - self.started)
        tty = getattr(self.stream, "isatty", lambda: False)()
        try:
            if tty and len(_active) == 1:
                self.stream.write("\r\x1b[K" + line + ("\n" if final else ""))
                self._inline = not final
            else:
                if self._inline:
                    self.stream.write("\n")
                    self._inline = False
                self.stream.write(line + "\n")
            self.stream.flush()
        except (OSError, ValueError):  # a closed or broken stream never stops the crawl
            pass

    def spider_closed(self, spider, reason):
        if self.task is not None and self.task.running:
            self.task.stop()
        self.show(final=True)
        if spider.name in _active:
            _active.remove(spider.name)
