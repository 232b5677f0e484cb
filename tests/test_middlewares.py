"""Downloader middlewares on real Scrapy requests and responses (no network)."""

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.settings import Settings
from scrapy.utils.conf import build_component_list
from scrapy.utils.test import get_crawler

from ess_crawler.crawl.middlewares import MetaRefreshGuardMiddleware

URL = "https://www.example.org/articles/a"


def _refresh(target: str):
    crawler = get_crawler(settings_dict={"METAREFRESH_ENABLED": True})
    mw = MetaRefreshGuardMiddleware.from_crawler(crawler)
    request = Request(URL)
    body = f'<html><head><meta http-equiv="refresh" content="0; url={target}"></head><body></body></html>'
    response = HtmlResponse(URL, body=body.encode(), request=request)
    return response, mw.process_response(request, response)


@pytest.mark.parametrize("target", ["javascript:void(0)", "JavaScript:location.reload()",
                                    "mailto:contact@example.org", "tel:+33123456789",
                                    "data:text/html,bonjour", "ftp://ftp.example.org/f"])
def test_meta_refresh_to_a_non_http_target_is_ignored(target):
    response, result = _refresh(target)
    assert result is response


@pytest.mark.parametrize("target, followed", [("/articles/b", "https://www.example.org/articles/b"),
                                              ("http://www.example.org/c", "http://www.example.org/c")])
def test_meta_refresh_to_an_http_target_is_still_followed(target, followed):
    _, result = _refresh(target)
    assert isinstance(result, Request) and result.url == followed
    assert result.meta["redirect_reasons"] == ["meta refresh"]


def test_the_guard_replaces_scrapys_meta_refresh_middleware():
    settings = Settings()
    settings.setmodule("ess_crawler.settings", priority="project")
    middlewares = build_component_list(settings.getwithbase("DOWNLOADER_MIDDLEWARES"))
    assert "ess_crawler.crawl.middlewares.MetaRefreshGuardMiddleware" in middlewares
    assert "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware" not in middlewares
