"""Run spiders in this process (what `ess-crawler crawl` and `ess-crawler demo` call).

`run_spiders` starts one Scrapy CrawlerProcess for the given spiders, each with
its own spider arguments, and returns the `crawls` rows the run wrote.

`DiskQueues` (an add-on, ADDONS) keeps each crawl's pending requests on disk instead of in
memory, so memory stays flat however many URLs a sitemap lists: with ESS_DISK_QUEUES on (the
default) every crawl gets a private, empty JOBDIR, and Scrapy's scheduler then uses its disk
queues (SCHEDULER_DISK_QUEUE). The folder is made when the crawl starts, in ESS_DISK_QUEUES_DIR
(default: beside the archive, else the system's temporary folder), and removed when its engine
stops, whether the crawl finished or failed (and at the process's exit); one left by a killed
process is removed by the next crawl that makes its own there. Nothing is carried from one crawl
to the next: Scrapy's JOBDIR state (its duplicate filter's `requests.seen`, `spider.state`,
the queues) lives and dies with the crawl, so a re-crawl behaves exactly as without disk queues
(the archive is what resumes a crawl: `ess_crawler.store.crawl_memory`). A JOBDIR set by the user
(Scrapy's pause and resume) is left as it is, and with the shared frontier (ESS_REDIS_URL) the
queue is scrapy-redis's, in Redis: no JOBDIR is made for either.

The disk queues (SCHEDULER_DISK_QUEUE) are Scrapy's pickle queues, LIFO by default like its
memory queue, so requests come out in the same order as without them; ours only name a request's
callback and errback at once, where Scrapy looks for them among all the spider's attributes
(`inspect.getmembers`, twice a request: some 0.5 ms a page).
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

from scrapy import signals, squeues
from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

from ess_crawler.store.archive import Archive

logger = logging.getLogger(__name__)

_QUEUES_PREFIX = ".ess-queues-"  # + pid + "-" + random: the private JOBDIR of one crawl


def project_settings(db_path: str | Path | None = None, overrides: dict | None = None):
    """The project's Scrapy settings, wherever the command is run from."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "ess_crawler.settings")
    settings = get_project_settings()
    if db_path is not None:
        settings.set("ESS_DB_PATH", str(db_path), priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_spiders(jobs: list[tuple[str, dict]], db_path: str | Path, overrides: dict | None = None) -> list[dict]:
    """Crawl each (spider name, spider kwargs) into `db_path`; returns the new `crawls` rows."""
    with Archive(db_path) as archive:
        last_id = archive.last_crawl_id()
    process = CrawlerProcess(project_settings(db_path, overrides))
    for name, kwargs in jobs:
        process.crawl(name, **kwargs)
    process.start()
    with Archive(db_path) as archive:
        return archive.crawls_after(last_id)


class DiskQueues:
    """The add-on (ADDONS) that gives each crawl a private JOBDIR, so its requests wait on disk."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.folder: Path | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def update_settings(self, settings) -> None:
        if not settings.getbool("ESS_DISK_QUEUES"):
            return
        if settings.get("ESS_REDIS_URL"):
            logger.info("ESS_REDIS_URL: requests wait in the shared frontier (Redis), not in disk queues")
            return
        if settings.get("JOBDIR"):
            logger.info("JOBDIR %s is set: Scrapy's own job state there (pause and resume), kept after the crawl",
                        settings.get("JOBDIR"))
            return
        self.folder = make_queues_folder(settings.get("ESS_DISK_QUEUES_DIR"), settings.get("ESS_DB_PATH"))
        settings.set("JOBDIR", str(self.folder), priority="addon")
        # the first request that cannot be pickled is logged (all are counted in scheduler/unserializable)
        settings.set("SCHEDULER_DEBUG", True, priority="addon")
        self.crawler.signals.connect(self.remove, signal=signals.engine_stopped)
        atexit.register(self.remove)
        logger.debug("requests of this crawl wait in %s", self.folder)

    def remove(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def make_queues_folder(parent: str | None, db_path: str | None) -> Path:
    """A new private folder for one crawl's JOBDIR: in `parent`, else beside the archive, else in the
    system's temporary folder (the first that can be written); folders of dead processes are removed."""
    candidates = [Path(parent)] if parent else []
    if db_path:
        candidates.append(Path(db_path).resolve().parent)
    candidates.append(Path(tempfile.gettempdir()))
    error: OSError | None = None
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _remove_stale(folder)
            return Path(tempfile.mkdtemp(prefix=f"{_QUEUES_PREFIX}{os.getpid()}-", dir=folder))
        except OSError as exc:
            logger.debug("no disk queues in %s: %s", folder, exc)
            error = exc
    raise error or OSError("no folder for the disk queues")


def _remove_stale(folder: Path) -> None:
    """Remove the queue folders that processes no longer running left there (a crawl killed with SIGKILL)."""
    for path in folder.glob(_QUEUES_PREFIX + "*"):
        match = re.fullmatch(re.escape(_QUEUES_PREFIX) + r"(\d+)-.*", path.name)
        if match is None or not path.is_dir() or _alive(int(match.group(1))):
            continue
        shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # (another user's process)
        return True
    return True


class _Methods:
    """What `Request.to_dict` looks a request's callback and errback up in: those two only, when they
    are methods of the spider under their own names (else nothing, and Scrapy searches the spider)."""

    def __init__(self, spider, request):
        for method in (request.callback, request.errback):
            if method is None:
                continue
            name = getattr(method, "__name__", None)
            function = getattr(method, "__func__", None)
            if (function is None or getattr(method, "__self__", None) is not spider
                    or getattr(getattr(spider, name, None), "__func__", None) is not function):
                raise LookupError(name)
            setattr(self, name, method)


def _request_dict(queue, request) -> dict:
    try:
        methods = _Methods(queue.spider, request)
    except LookupError:
        methods = queue.spider
    return request.to_dict(spider=methods)


class PickleLifoDiskQueue(squeues.PickleLifoDiskQueue):
    """Scrapy's PickleLifoDiskQueue (last in, first out), naming callbacks without a search."""

    def push(self, request) -> None:
        super(squeues.PickleLifoDiskQueue, self).push(_request_dict(self, request))


class PickleFifoDiskQueue(squeues.PickleFifoDiskQueue):
    """Scrapy's PickleFifoDiskQueue (first in, first out: breadth first), naming callbacks without a search."""

    def push(self, request) -> None:
        super(squeues.PickleFifoDiskQueue, self).push(_request_dict(self, request))
