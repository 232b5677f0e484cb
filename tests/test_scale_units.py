"""Units of the crawl-at-scale parts: the extraction pool, the shared-frontier add-on, WARC reading."""

import asyncio
from pathlib import Path

import pytest
from scrapy.settings import Settings

from ess_crawler.crawl.extraction_pool import ExtractionPool
from ess_crawler.crawl.frontier import SharedFrontier
from ess_crawler.extract import ExtractionError, extract_article
from ess_crawler.profiles import get_profile

from .conftest import SAMPLES


def test_the_pool_extracts_what_extract_article_does():
    page = next((SAMPLES / "chorum" / "actualite").glob("*.html"))
    url = "https://www.chorum.fr/actualite/" + page.stem
    profile = get_profile("chorum")
    expected = extract_article(page.read_bytes(), url, profile)
    for workers in (0, 2):
        pool = ExtractionPool(workers)
        try:
            got = asyncio.run(pool.extract(page.read_bytes(), url, profile))
            assert got == expected
            with pytest.raises(ExtractionError):
                asyncio.run(pool.extract(b"\x00\x01\x02" * 100, url, profile))
        finally:
            pool.close()



def test_the_crawls_of_one_process_share_its_workers_which_stop_with_the_last(monkeypatch):
    from ess_crawler.crawl import extraction_pool

    page = next((SAMPLES / "chorum" / "actualite").glob("*.html"))
    url = "https://www.chorum.fr/actualite/" + page.stem
    profile = get_profile("chorum")
    first, second = ExtractionPool(2), ExtractionPool(2)  # two sites' crawls (`crawl --all`)

    async def both():
        return [await pool.extract(page.read_bytes(), url, profile) for pool in (first, second)]

    try:
        assert all(a.title for a in asyncio.run(both()))
        workers = list(extraction_pool._WORKERS.all)
        assert len(workers) == 2 and all(w.process.is_alive() for w in workers)
        first.close()
        assert all(w.process.is_alive() for w in workers)  # the other crawl still uses them
    finally:
        first.close()
        second.close()
    assert extraction_pool._WORKERS.all == [] and not any(w.process.is_alive() for w in workers)

    monkeypatch.setattr(extraction_pool.os, "sched_getaffinity", lambda pid: {0})
    assert extraction_pool._default_workers() == 0  # one core: extraction in place
    monkeypatch.setattr(extraction_pool.os, "sched_getaffinity", lambda pid: {0, 1, 2})
    assert extraction_pool._default_workers() == 3

def test_a_worker_error_reads_as_the_inline_one_and_a_dead_worker_is_replaced(monkeypatch):
    import os

    from ess_crawler.crawl import extraction_pool

    class Surprise(Exception):  # defined here: it cannot be pickled back by name
        pass

    def fake_extract(body, url, profile=None):
        if url.endswith("/boom"):
            raise Surprise(f"no article in {url}")
        if url.endswith("/die"):
            os._exit(3)
        return extract_article(body, url, profile)

    monkeypatch.setattr(extraction_pool, "extract_article", fake_extract)
    page = next((SAMPLES / "chorum" / "actualite").glob("*.html"))
    url = "https://www.chorum.fr/actualite/" + page.stem
    profile = get_profile("chorum")

    async def run(pool, targets=("/boom", "/die", "")):
        outcomes = []
        for target in targets:
            try:
                outcomes.append(await pool.extract(page.read_bytes(), url + target, profile))
            except Exception as exc:  # noqa: BLE001
                outcomes.append(exc)
        return outcomes

    inline, pooled = ExtractionPool(0), ExtractionPool(1)
    try:
        inline_boom = asyncio.run(run(inline, ["/boom"]))[0]
        boom, died, fine = asyncio.run(run(pooled))
    finally:
        pooled.close()
    # what SiteSpider records as the error row's reason: the same either way
    assert f"{type(boom).__name__}: {boom}" == f"{type(inline_boom).__name__}: {inline_boom}"
    assert "Surprise" in str(boom.__cause__)  # the worker's traceback
    assert isinstance(died, extraction_pool.WorkerDied)
    assert fine.title == extract_article(page.read_bytes(), url, profile).title


def _chorum_pages(n):
    pages = sorted((SAMPLES / "chorum" / "actualite").glob("*.html"))
    return [(pages[i % len(pages)].read_bytes(), f"https://www.chorum.fr/actualite/{pages[i % len(pages)].stem}-{i}")
            for i in range(n)]


def test_pages_sent_while_a_worker_is_busy_each_get_their_own_article():
    """Each worker holds two pages at once; results come back to the page they belong to."""
    from ess_crawler.crawl import extraction_pool

    profile = get_profile("chorum")
    pages = _chorum_pages(12)
    pool = ExtractionPool(2)

    async def all_at_once():
        return await asyncio.gather(*(pool.extract(body, url, profile) for body, url in pages))

    try:
        got = asyncio.run(all_at_once())
        assert max(len(w.waiting) for w in extraction_pool._WORKERS.all) == 0
    finally:
        pool.close()
    assert [a.fetched_url or a.url for a in got] == [url for _, url in pages]
    assert [a.title for a in got] == [extract_article(body, url, profile).title for body, url in pages]


def test_a_worker_that_dies_with_two_pages_fails_both_and_its_replacement_takes_its_share(monkeypatch):
    import os

    from ess_crawler.crawl import extraction_pool

    def fake_extract(body, url, profile=None):
        if url.endswith("/die"):
            os._exit(3)
        return extract_article(body, url, profile)

    monkeypatch.setattr(extraction_pool, "extract_article", fake_extract)
    profile = get_profile("chorum")
    (body, url), = _chorum_pages(1)
    pool = ExtractionPool(1)

    async def run(urls):
        return await asyncio.gather(*(pool.extract(body, u, profile) for u in urls), return_exceptions=True)

    try:
        died, next_in_hand = asyncio.run(run([url + "/die", url + "/next"]))
        first = extraction_pool._WORKERS.all[0]
        after = asyncio.run(run([url + f"/{i}" for i in range(4)]))
        assert extraction_pool._WORKERS.all == [first]  # one replacement, not one per failed page
    finally:
        pool.close()
    assert isinstance(died, extraction_pool.WorkerDied) and isinstance(next_in_hand, extraction_pool.WorkerDied)
    assert all(not isinstance(a, Exception) and a.title for a in after)


def test_a_page_cancelled_while_its_worker_extracts_leaves_the_next_page_its_own_result():
    profile = get_profile("chorum")
    (body_a, url_a), (body_b, url_b) = _chorum_pages(2)
    pool = ExtractionPool(1)

    async def cancel_one():
        first = asyncio.ensure_future(pool.extract(body_a, url_a, profile))
        second = asyncio.ensure_future(pool.extract(body_b, url_b, profile))
        await asyncio.sleep(0.05)  # both sent: the worker is busy with the first
        first.cancel()
        return await second

    try:
        got = asyncio.run(cancel_one())
    finally:
        pool.close()
    assert got.title == extract_article(body_b, url_b, profile).title


def test_the_shared_frontier_is_off_unless_asked():
    settings = Settings({"SCHEDULER": "scrapy.core.scheduler.Scheduler"})
    SharedFrontier().update_settings(settings)
    assert settings["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"

    pytest.importorskip("scrapy_redis")
    settings = Settings({"ESS_REDIS_URL": "redis://127.0.0.1:6379", "ESS_REDIS_RUN": "week 48"})
    SharedFrontier().update_settings(settings)
    assert settings["SCHEDULER"] == "scrapy_redis.scheduler.Scheduler"
    assert settings["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert settings.getbool("SCHEDULER_PERSIST")
    assert settings["SCHEDULER_QUEUE_KEY"] == "ess:week-48:%(spider)s:requests"
    assert "ess_crawler.crawl.frontier.IdleWait" in str(settings.getdict("EXTENSIONS"))


def test_read_payload_gives_back_the_body(tmp_path):
    from ess_crawler.crawl.warc import WarcFile, WarcRecord, payload_digest, read_payload, warc_date

    warc = WarcFile(tmp_path, "s", 1, "test")
    body = b"<p>corps</p>"
    record = WarcRecord("https://s/1", 200, "OK", [("Content-Type", "text/html")], payload_digest(body), warc_date())
    offset, _ = warc.append(record.build(body))
    warc.close()
    assert read_payload(tmp_path / warc.name, offset) == (200, b"<p>corps</p>")


def test_warc_folders_are_found_the_same_way_by_merge_and_reextract(tmp_path):
    """--warc-dir first, then warc/ beside the archive, then each crawl's ESS_WARC_DIR as given
    and from the archive's folder (a relative one was missed by merge); broken settings ignored."""
    from ess_crawler.store.warc_files import warc_folders

    db = tmp_path / "a.db"
    folders = warc_folders(db, ['{"ESS_WARC_DIR": "captures"}', "not json", None, '{"ESS_WARC_DIR": "captures"}'],
                           extra=tmp_path / "elsewhere")
    assert folders == [tmp_path / "elsewhere", tmp_path.resolve() / "warc", Path("captures"),
                       tmp_path.resolve() / "captures"]


def _record_fields(data: bytes) -> tuple:
    """A WARC record's headers (its random WARC-Record-ID aside), HTTP headers and payload."""
    from io import BytesIO

    from warcio.archiveiterator import ArchiveIterator

    record = next(iter(ArchiveIterator(BytesIO(data))))
    headers = [(k, v) for k, v in record.rec_headers.headers if k != "WARC-Record-ID"]
    http = record.http_headers.headers if record.http_headers else None
    return headers, http, record.content_stream().read()


def test_a_worker_builds_the_pages_warc_record_as_the_crawls_process_would():
    """The crawl's process only appends what the worker built: the same response or revisit record."""
    from ess_crawler.crawl.warc import WarcRecord, payload_digest

    page = next((SAMPLES / "chorum" / "actualite").glob("*.html"))
    url = "https://www.chorum.fr/actualite/" + page.stem
    body = page.read_bytes()
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")]
    records = [
        WarcRecord(url, 200, "OK", headers, payload_digest(body), "2026-01-02T03:04:05Z",
                   fetched_from="http://127.0.0.1:8000/actualite/" + page.stem),
        WarcRecord(url, 200, "OK", headers, payload_digest(body), "2026-01-02T03:04:05Z",
                   refers_to_date="2025-12-01T00:00:00Z"),
    ]
    pool = ExtractionPool(2)

    async def pages():
        return [await pool.extract(body, url, get_profile("chorum"), record) for record in records]

    try:
        assert all(article.title for article in asyncio.run(pages()))
    finally:
        pool.close()
    response, revisit = (_record_fields(record.data) for record in records)
    assert response == _record_fields(records[0].build(body)) and response[2] == body
    assert ("WARC-Date", "2026-01-02T03:04:05Z") in response[0]
    assert ("WARC-ESS-Fetched-From", records[0].fetched_from) in response[0]
    assert revisit == _record_fields(records[1].build(body)) and revisit[2] == b""
    assert ("WARC-Type", "revisit") in revisit[0] and ("WARC-Refers-To-Date", "2025-12-01T00:00:00Z") in revisit[0]


def test_the_workers_are_forked_when_the_crawl_opens_with_its_spiders_profile():
    from types import SimpleNamespace

    from ess_crawler.crawl import extraction_pool

    profile = get_profile("chorum")
    pool = ExtractionPool(2)

    async def open_crawl():
        pool.start(SimpleNamespace(profile=profile))
        return list(extraction_pool._WORKERS.all)

    try:
        workers = asyncio.run(open_crawl())
        assert len(workers) == 2 and all(w.process.is_alive() for w in workers)  # before any page
        assert extraction_pool._PROFILES["chorum"] is profile
    finally:
        pool.close()
