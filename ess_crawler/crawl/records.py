"""The crawl's own records leave the spider by a signal, not as Scrapy items.

A spider finds more than articles: URLs the site lists (`Discovered`), archived
articles seen again unchanged (`SeenUnchanged`) and failures (`CrawlError`). They
belong in the archive, not in Scrapy's feed exports, so `scrapy crawl NAME -O
out.jsonl` (or FEEDS) writes one complete article per line, as every Scrapy user
expects.

`RecordsMiddleware`, a spider middleware placed next to the spider, takes these
records out of each callback's output and sends them with the `record_found`
signal; errbacks, whose output Scrapy does not pass through spider middlewares,
call `emit()` themselves. The ArchivePipeline listens to `record_found`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable

from ess_crawler.items import CrawlError, Discovered, SeenUnchanged

#: signal sent with `record=` (a Discovered, SeenUnchanged or CrawlError) and `spider=`
record_found = object()

RECORD_TYPES = (Discovered, SeenUnchanged, CrawlError)


def emit(crawler, record) -> None:
    """Send one record to the archive (and whoever else listens to `record_found`)."""
    crawler.signals.send_catch_log(signal=record_found, record=record, spider=crawler.spider)


class RecordsMiddleware:
    """Spider middleware: records go to `record_found`; requests and articles go on."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_output(self, response, result: Iterable, spider=None):
        for obj in result:
            if isinstance(obj, RECORD_TYPES):
                emit(self.crawler, obj)
            else:
                yield obj

    async def process_spider_output_async(self, response, result: AsyncIterator, spider=None):
        async for obj in result:
            if isinstance(obj, RECORD_TYPES):
                emit(self.crawler, obj)
            else:
                yield obj
