"""Extraction off the reactor thread: a pool of worker processes, one per core.

`extract_article` is pure CPU work (lxml, regexes, dates) and takes most of each
article page's time on the reactor thread (benchmarks/bench_scale.py). With
ESS_EXTRACTION_WORKERS = N > 0 this extension keeps N worker processes; a spider's
async callback awaits the result, so the reactor goes on downloading and writing
while the workers extract:

    pool = ExtractionPool.of(self.crawler)
    article = await pool.extract(response.body, public_url, self.profile)

With 0 workers (or no pool) `extract` runs `extract_article` in place, so the callback
is the same either way. Workers get the profile by name (ESS_PROFILE_DIRS is inherited)
and keep it; an ExtractionError, or any exception, comes back as itself.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor

from scrapy import signals

from ess_crawler.extract import extract_article
from ess_crawler.items import Article
from ess_crawler.profiles import SiteProfile

_worker_profiles: dict[str, SiteProfile] = {}


def _extract_in_worker(body: bytes, url: str, profile_name: str | None) -> Article:
    from ess_crawler.profiles import get_profile

    profile = None
    if profile_name:
        profile = _worker_profiles.get(profile_name)
        if profile is None:
            profile = _worker_profiles[profile_name] = get_profile(profile_name)
    return extract_article(body, url, profile)


class ExtractionPool:
    """The extension (EXTENSIONS); ESS_EXTRACTION_WORKERS processes (0: in place; -1: one per core)."""

    def __init__(self, workers: int):
        self.workers = workers
        self.executor: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler):
        workers = crawler.settings.getint("ESS_EXTRACTION_WORKERS", 0)
        if workers < 0:
            workers = os.cpu_count() or 1
        pool = cls(workers)
        crawler.signals.connect(pool.close, signal=signals.spider_closed)
        return pool

    @staticmethod
    def of(crawler) -> ExtractionPool | None:
        """The crawler's pool (None when the extension is not enabled)."""
        return crawler.get_extension(ExtractionPool) if crawler is not None else None

    def _pool(self) -> ProcessPoolExecutor:
        if self.executor is None:
            # fork on Linux: workers start at once and need no re-import of the command line's __main__
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            self.executor = ProcessPoolExecutor(max_workers=self.workers,
                                                mp_context=multiprocessing.get_context(method))
        return self.executor

    async def extract(self, body: bytes, url: str, profile: SiteProfile | None = None) -> Article:
        """`extract_article(body, url, profile)`, in a worker process when there are workers."""
        if self.workers <= 0:
            return extract_article(body, url, profile)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool(), _extract_in_worker, body, url,
                                          profile.name if profile is not None else None)

    def close(self, spider=None, reason=None) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
