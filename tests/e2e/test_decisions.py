"""Fast checks of what the real-WordPress tests rely on: the re-crawl decisions of CrawlMemory and
add-site's URL pattern inference (no server needed)."""

from __future__ import annotations

import json

import pytest

from ess_crawler.quality.add_site import _listing_like, default_name
from ess_crawler.quality.url_patterns import infer_article_patterns
from ess_crawler.store.crawl_memory import CrawlMemory

URL = "http://127.0.0.1:8080/2024/01/insertion/"


def memory(**row) -> CrawlMemory:
    return CrawlMemory({URL: {"url": URL, **row}})


def test_rest_modified_gmt_is_compared_with_what_rest_said_of_our_copy():
    known = memory(listed=json.dumps({"wp-rest": "2024-01-15 09:30:00+00:00"}))
    assert known.unchanged_since(URL, "2024-01-15T09:30:00+00:00", "wp-rest")
    assert not known.unchanged_since(URL, "2024-01-15T09:30:01+00:00", "wp-rest")
    # another source's date is not the REST API's: without a page date nothing is decided
    assert not known.unchanged_since(URL, "2024-01-15T09:30:00+00:00", "sitemap")


def test_a_page_date_or_last_modified_still_decides_without_a_listed_date():
    known = memory(modified="2024-01-15T10:30:00+01:00")
    assert known.unchanged_since(URL, "2024-01-15T09:30:00+00:00", "sitemap")
    assert not known.unchanged_since(URL, "2024-01-16", "sitemap")


def test_gone_or_unknown_articles_are_never_skipped():
    assert not memory(gone_since="2024-02-01", listed='{"wp-rest": "2024-01-15"}').unchanged_since(
        URL, "2024-01-01", "wp-rest")
    assert not CrawlMemory({}).unchanged_since(URL, "2024-01-01", "wp-rest")


def test_validators_then_the_last_resort():
    assert memory(etag='"abc"', last_modified="Mon, 15 Jan 2024 09:30:00 GMT").validators(URL) == {
        "If-None-Match": '"abc"', "If-Modified-Since": "Mon, 15 Jan 2024 09:30:00 GMT"}
    bare = memory(fetched_at="2026-12-01T18:55:14+00:00")
    assert bare.validators(URL) == {}
    assert bare.last_resort(URL) == {"If-Modified-Since": "Tue, 01 Dec 2026 18:55:14 GMT"}


@pytest.mark.parametrize("urls,not_articles,reserved,expected", [
    (["https://a.org/2024/01/un-titre/", "https://a.org/2023/11/autre-titre/"], set(), (),
     [r"^/\d{4}/\d{2}/[a-z0-9-]+/$"]),
    (["https://a.org/actualites/un-titre", "https://a.org/actualites/autre"], set(), (),
     [r"^/actualites/[a-z0-9-]+$"]),
    (["https://a.org/un-titre/", "https://a.org/autre-titre/"], {"https://a.org/contact/"}, ("category",),
     [r"^/(?!(?:category|contact)/)[a-z0-9-]+/$"]),
    (["https://a.org/Un-Titre-SPIP", "https://a.org/Autre_titre"], set(), (),
     [r"^/[A-Za-z0-9][A-Za-z0-9_-]*$"]),
    (["https://a.org/actualites/un.html", "https://a.org/publications/deux.html"], set(), (),
     [r"^/[a-z0-9-]+/[a-z0-9-]+\.html$"]),
])
def test_article_patterns(urls, not_articles, reserved, expected):
    assert infer_article_patterns(urls, not_articles, reserved) == expected


def test_listing_pages_are_told_from_articles():
    urls = ["https://a.org/", "https://a.org/actualites/", "https://a.org/actualites/un.html",
            "https://a.org/actualite?page=2", "https://a.org/-Actualites-", "https://a.org/Un-article"]
    assert [u for u in urls if _listing_like(u, urls)] == urls[:2] + urls[3:5]


def test_default_names():
    assert default_name("www.ess-france.org") == "ess_france"
    assert default_name("127.0.0.1") == "site_127_0_0_1"
