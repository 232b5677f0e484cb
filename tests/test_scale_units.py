"""Units of the crawl-at-scale parts: the extraction pool, the shared-frontier add-on, WARC reading."""

import asyncio

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
    from ess_crawler.crawl.warc import WarcFile, read_payload

    warc = WarcFile(tmp_path, "s", 1, "test")
    offset, _ = warc.write_response("https://s/1", 200, "OK", [("Content-Type", "text/html")], b"<p>corps</p>")
    warc.close()
    assert read_payload(tmp_path / warc.name, offset) == (200, b"<p>corps</p>")
