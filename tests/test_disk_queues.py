"""Disk queues: each crawl's pending requests wait in a private JOBDIR, removed at its end.

Every request the spiders make must survive pickling (callbacks and errbacks are spider
methods, meta plain data), or Scrapy keeps it in memory and counts it in
`scheduler/unserializable`; and a crawl with disk queues archives what one without them does.
"""

import json
import os
import subprocess
import sys

import pytest
import sqlite_utils
from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager

from ess_crawler.crawl.runner import DiskQueues, make_queues_folder
from ess_crawler.demo.server import serve_samples

from . import faultsite
from .conftest import ROOT, TESTS

pytestmark = pytest.mark.slow

SITES = ["chorum", "mediatico"]  # sitemaps, robots.txt, feeds, listings; WordPress REST API


@pytest.fixture(scope="module")
def servers():
    running = serve_samples(SITES)
    yield {name: server.base_url for name, server in running.items()}
    for server in running.values():
        server.stop()


def crawl(db, site, base_url, *settings, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ess_crawler.cli", "crawl", site, "--db", str(db), "--base-url", base_url,
         "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "ESS_PROGRESS=False", *settings],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})})


def last_stats(db) -> dict:
    return json.loads(sqlite_utils.Database(db).execute("select stats from crawls order by id desc").fetchone()[0])


def archived(db) -> dict:
    """What the crawls archived, without the moments they did it."""
    database = sqlite_utils.Database(db)
    return {
        "articles": sorted(tuple(r) for r in database.execute(
            "select url, title, published, content_sha256, revision_count, last_status from articles")),
        "footnotes": database.execute("select count(*) from footnotes").fetchone()[0],
        "related": sorted(tuple(r) for r in database.execute(
            "select url, target_article_id is null from related_links")),
        "captures": sorted(tuple(r) for r in database.execute("select crawl_id, url, status from captures")),
        "errors": sorted(tuple(r) for r in database.execute("select crawl_id, url, kind, status from errors")),
        "crawls": [tuple(r) for r in database.execute(
            "select status, articles_new, articles_updated, articles_unchanged, errors from crawls order by id")],
    }


def queue_folders(folder) -> list:
    return sorted(p.name for p in folder.glob(".ess-queues-*"))


def test_a_crawl_and_a_recrawl_with_disk_queues_archive_what_memory_queues_do(servers, tmp_path):
    for site, base_url in servers.items():
        on, off = tmp_path / "on" / f"{site}.db", tmp_path / "off" / f"{site}.db"
        for _run in range(2):  # a first crawl, then an incremental re-crawl (conditional requests, revisits)
            result = crawl(on, site, base_url)
            assert result.returncode == 0, result.stderr
            stats = last_stats(on)
            assert stats.get("scheduler/enqueued/disk", 0) > 0, stats
            assert stats.get("scheduler/enqueued/memory", 0) == 0, stats
            assert "scheduler/unserializable" not in stats, result.stderr
            assert stats["scheduler/dequeued/disk"] == stats["scheduler/enqueued/disk"]
            result = crawl(off, site, base_url, "-s", "ESS_DISK_QUEUES=False")
            assert result.returncode == 0, result.stderr
            assert "scheduler/enqueued/disk" not in last_stats(off)
        assert archived(on) == archived(off)
        assert archived(on)["articles"], f"{site}: nothing archived"
        assert queue_folders(on.parent) == []


def test_retries_redirects_and_errors_go_through_the_disk_queue(tmp_path):
    server, base = faultsite.start()
    env = {"ESS_PROFILE_DIRS": str(TESTS / "profiles")}
    # (the slow page takes 3 s: a timeout still, with room for a loaded machine)
    settings = ["-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=1", "-s", "DOWNLOAD_MAXSIZE=100000"]
    try:
        on, off = tmp_path / "on.db", tmp_path / "off.db"
        result = crawl(on, "faulty", base, *settings, env=env)
        assert result.returncode == 0, result.stderr
        faultsite.HITS.clear()
        result = crawl(off, "faulty", base, *settings, "-s", "ESS_DISK_QUEUES=False", env=env)
        assert result.returncode == 0, result.stderr
    finally:
        server.shutdown()
    stats = last_stats(on)
    assert "scheduler/unserializable" not in stats
    assert stats.get("retry/count", 0) > 0 and stats["scheduler/enqueued/disk"] > 0
    assert archived(on)["articles"] == archived(off)["articles"]
    assert archived(on)["errors"] == archived(off)["errors"]
    assert queue_folders(tmp_path) == []


def test_the_queue_folder_goes_when_the_crawl_fails(tmp_path):
    db = tmp_path / "failed.db"
    result = crawl(db, "chorum", "http://127.0.0.1:9", "-s", "RETRY_TIMES=0", "-s", "DOWNLOAD_TIMEOUT=2")
    assert result.returncode != 0
    assert [r[0] for r in sqlite_utils.Database(db).execute("select status from crawls")] == ["failed"]
    assert queue_folders(tmp_path) == []


class FakeCrawler:
    def __init__(self):
        self.signals = SignalManager()


def test_each_crawl_has_its_own_jobdir_unless_off_shared_or_set(tmp_path):
    base = {"ESS_DISK_QUEUES": True, "ESS_DB_PATH": str(tmp_path / "a.db")}
    first, second = DiskQueues(FakeCrawler()), DiskQueues(FakeCrawler())
    settings = [Settings(base), Settings(base)]
    first.update_settings(settings[0])
    second.update_settings(settings[1])
    jobdirs = [s.get("JOBDIR") for s in settings]
    assert jobdirs[0] != jobdirs[1] and all(os.path.isdir(j) and os.path.dirname(j) == str(tmp_path) for j in jobdirs)
    first.remove()
    second.remove()
    assert queue_folders(tmp_path) == []

    for other in ({"ESS_DISK_QUEUES": False}, {"ESS_REDIS_URL": "redis://127.0.0.1:6379"},
                  {"JOBDIR": str(tmp_path / "mine")}):
        settings = Settings({**base, **other})
        DiskQueues(FakeCrawler()).update_settings(settings)
        assert settings.get("JOBDIR") == other.get("JOBDIR")
    assert queue_folders(tmp_path) == []


def test_a_folder_left_by_a_killed_crawl_is_removed_by_the_next(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f".ess-queues-{int(dead.stdout)}-abc"
    (left / "requests.queue").mkdir(parents=True)
    mine = make_queues_folder(None, str(tmp_path / "a.db"))
    assert not left.exists()
    assert queue_folders(tmp_path) == [mine.name]


def test_the_disk_queue_gives_back_the_request_with_its_spider_methods(tmp_path):
    import scrapy
    from scrapy.utils.test import get_crawler

    from ess_crawler.crawl.runner import PickleFifoDiskQueue, PickleLifoDiskQueue
    from ess_crawler.crawl.spiders.site import spider_class_for
    from ess_crawler.profiles import get_profile

    spider_class = spider_class_for(get_profile("chorum"))
    crawler = get_crawler(spider_class, {"ESS_CONTACT": "test", "USER_AGENT": "test"})
    crawler.spider = spider = spider_class(base_url="http://127.0.0.1:9")
    spider.crawler = crawler
    first = spider._request("https://www.chorum.fr/actualite/a", spider.parse_article, priority=3, ess_revisit=True)
    first.headers["If-None-Match"] = '"abc"'
    second = spider._wp_request("posts", 2)
    for queue_class, order in ((PickleLifoDiskQueue, [second, first]), (PickleFifoDiskQueue, [first, second])):
        queue = queue_class.from_crawler(crawler, str(tmp_path / queue_class.__name__))
        queue.push(first)
        queue.push(second)
        with pytest.raises(ValueError):  # not a spider method: Scrapy keeps it in memory, counted unserializable
            queue.push(scrapy.Request("http://127.0.0.1:9/x", callback=lambda response: None))
        for expected in order:
            got = queue.pop()
            assert (got.url, got.callback, got.errback, got.meta, got.priority, got.headers.get("If-None-Match")) == (
                expected.url, expected.callback, expected.errback, expected.meta, expected.priority,
                expected.headers.get("If-None-Match"))
        assert queue.pop() is None
        queue.close()
