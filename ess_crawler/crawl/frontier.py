"""Opt-in shared frontier: several crawler processes (or machines) crawl one site together
through scrapy-redis's scheduler and duplicate filter on a Redis server.

    ess-crawler crawl chorum --db node1.db -s ESS_REDIS_URL=redis://10.0.0.5:6379 -s ESS_REDIS_RUN=2026-w48

Every node started with the same ESS_REDIS_URL and ESS_REDIS_RUN shares one request
queue and one set of request fingerprints per site, so each URL is fetched by one
node only. Each node writes its own archive (ESS_DB_PATH); `ess-crawler merge`
folds them into one. Only scrapy-redis's Scheduler and RFPDupeFilter are used: its
spider classes predate Scrapy's `async def start()` (2.13), the only way since 2.16,
and the site spiders need none of them.

The queue and fingerprints persist in Redis after the nodes close (a node that
finishes first must not wipe what the others still use): a new crawl takes a new
ESS_REDIS_RUN, or `redis-cli del` its keys (`ess:RUN:SITE:requests`,
`ess:RUN:SITE:dupefilter`). An idle node waits ESS_REDIS_MAX_IDLE seconds for
requests other nodes may still add before it closes.
"""

from __future__ import annotations

import re
import time
import warnings

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured, ScrapyDeprecationWarning, UsageError


class SharedFrontier:
    """The add-on (ADDONS): with ESS_REDIS_URL set, scrapy-redis's scheduler and duplicate filter."""

    def update_settings(self, settings) -> None:
        url = settings.get("ESS_REDIS_URL")
        if not url:
            return
        try:
            import scrapy_redis  # noqa: F401
        except ImportError:
            raise UsageError("ESS_REDIS_URL needs scrapy-redis: pip install scrapy-redis") from None
        # scrapy-redis 0.9.1 still passes `spider=` to the stats collector (deprecated since Scrapy 2.13)
        warnings.filterwarnings("ignore", message="Passing a 'spider' argument to StatsCollector",
                                category=ScrapyDeprecationWarning)
        run = re.sub(r"[^A-Za-z0-9_.-]", "-", str(settings.get("ESS_REDIS_RUN") or "default"))
        for name, value in {
            "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "REDIS_URL": url,
            "SCHEDULER_PERSIST": True,
            "SCHEDULER_QUEUE_KEY": f"ess:{run}:%(spider)s:requests",
            "SCHEDULER_DUPEFILTER_KEY": f"ess:{run}:%(spider)s:dupefilter",
        }.items():
            settings.set(name, value, priority="addon")
        settings.setdefault_in_component_priority_dict("EXTENSIONS", IdleWait, 510)


class IdleWait:
    """Keeps an idle node open for ESS_REDIS_MAX_IDLE seconds: other nodes may still add requests."""

    def __init__(self, crawler, max_idle: float):
        self.crawler = crawler
        self.max_idle = max_idle
        self.idle_since: float | None = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("ESS_REDIS_URL"):
            raise NotConfigured
        ext = cls(crawler, crawler.settings.getfloat("ESS_REDIS_MAX_IDLE", 5.0))
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        return ext

    def request_scheduled(self, request, spider):
        self.idle_since = None

    def response_received(self, response, request, spider):
        self.idle_since = None

    def spider_idle(self, spider):
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.max_idle:
            raise DontCloseSpider
