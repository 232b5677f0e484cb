"""The spider of a site profile: discovery only, extraction is `ess_crawler.extract`.

Discovery order: robots.txt `Sitemap:` lines and the profile's sitemaps, then
its feeds, then listing pages with their pagination. Only URLs the profile
calls articles become items (`Article`). Every failure becomes a `CrawlError`
record; records (CrawlError, Discovered, SeenUnchanged) reach the archive by the
`record_found` signal, not as items (`ess_crawler.crawl.records`).

Re-crawls: a known article is decided with what the site gives, in order (see
`ess_crawler.store.crawl_memory`): the REST API's `modified_gmt` against the archive's
copy, a sitemap `lastmod`, an Atom `updated`; then the validators of our capture in a
conditional request; last, `If-Modified-Since` with our capture's time. A known article
found with no date (a listing, an undated sitemap) waits until discovery is over, so that
a dated source seen later can still spare its download. Stats `ess/recrawl/*` count each
decision; `ess/recrawl/full_download` the article pages downloaded in full.

robots.txt is fetched once per crawl: when ROBOTSTXT_OBEY is on, its `Sitemap:` lines are
read from the response Scrapy's robots middleware fetched; only without it does the
spider ask for robots.txt itself.

Spider arguments: `-a base_url=http://127.0.0.1:8000` fetches a mirror of the
site (the bundled samples) while recording the public URLs.
"""

from __future__ import annotations

import gzip
import html
import io
import logging
import re
from urllib.parse import urlsplit, urlunsplit

import feedparser
import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.internet.error import (
    ConnectionLost,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.web._newclient import ResponseFailed

from ess_crawler.crawl.extraction_pool import ExtractionPool
from ess_crawler.crawl.records import emit
from ess_crawler.crawl.warc import RECORD_KEY
from ess_crawler.extract import ExtractionError, extract_article
from ess_crawler.items import CrawlError, Discovered, SeenUnchanged
from ess_crawler.profiles import SiteProfile
from ess_crawler.settings import user_agent
from ess_crawler.store.crawl_memory import CrawlMemory

logger = logging.getLogger(__name__)

_MAX_SITEMAP_BYTES = 50 * 1024 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class SiteSpider(scrapy.Spider):
    """Crawl one ESS site described by a `SiteProfile`."""

    profile: SiteProfile

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        contact = settings.get("ESS_CONTACT")
        if settings.getpriority("USER_AGENT") <= settings.getpriority("ESS_CONTACT"):
            settings.set("USER_AGENT", user_agent(contact),
                         priority=settings.getpriority("ESS_CONTACT"))

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.memory = CrawlMemory.load(settings.get("ESS_DB_PATH"), spider.name,
                                         enabled=not settings.getbool("ESS_FULL_CRAWL"))
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        spider.robots_by_middleware = settings.getbool("ROBOTSTXT_OBEY")
        if spider.robots_by_middleware:
            crawler.signals.connect(spider.on_response_received, signal=signals.response_received)
        return spider

    def __init__(self, *args, base_url: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.memory = CrawlMemory({})
        self.requested: set[str] = set()
        self.skipped: set[str] = set()
        self.wp_terms: dict[str, dict] = {}
        self._revisited = False
        self.deferred: dict[str, None] = {}  # known articles found undated, decided once discovery is over
        self.robots_by_middleware = False
        self._robots_seen: set[str] = set()
        self.base_url = (base_url or "").rstrip("/")
        self.allowed_domains = list(self.profile.domains)
        if self.base_url:
            host = urlsplit(self.base_url).hostname
            if not host:
                raise ValueError(f"base_url {base_url!r} is not an absolute URL")
            self.allowed_domains.append(host)

    # ------------------------------------------------------------ URL mapping

    def to_fetch(self, url: str) -> str:
        """The URL to request: the mirror's when crawling a mirror."""
        if self.base_url and self.profile.owns(url):
            parts = urlsplit(url)
            base = urlsplit(self.base_url)
            return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
        return url

    def to_public(self, url: str) -> str:
        """The public URL a fetched URL stands for."""
        if self.base_url and url.startswith(self.base_url):
            parts = urlsplit(url)
            origin = urlsplit(self.profile.origin)
            return urlunsplit((origin.scheme, origin.netloc, parts.path, parts.query, ""))
        return url

    def _request(self, url: str, callback, priority: int = 0, **meta) -> scrapy.Request:
        return scrapy.Request(self.to_fetch(url), callback=callback, errback=self.on_error,
                              priority=priority, meta=meta)

    def _article(self, url: str, lastmod: str | None = None, source: str = "", defer: bool = True):
        """A request for an article, or SeenUnchanged when the archive already has this version
        (None when already decided, or deferred: a known article found undated waits for the
        end of discovery, when every dated source has spoken)."""
        url = url.split("#", 1)[0]
        if url in self.requested:
            return None
        if lastmod and self.memory.unchanged_since(url, lastmod, source):
            if url in self.skipped:
                return None
            self.skipped.add(url)
            self.deferred.pop(url, None)
            self._count(source or "dated")
            return SeenUnchanged(url=url, reason=f"{source or 'site'} dates its last change {lastmod}, "
                                                 "archived since", site=self.name)
        if url in self.skipped and not lastmod:
            return None  # a dated source already said it is unchanged
        if defer and not lastmod and self.memory.knows(url) and not self._revisited:
            self.deferred[url] = None
            return None
        self.deferred.pop(url, None)
        self.requested.add(url)
        request = self._request(url, self.parse_article)
        if self.memory.knows(url):
            validators = self.memory.validators(url)
            kind = "validators"
            if not validators:
                validators, kind = self.memory.last_resort(url), "last_resort"
            if validators:
                request.headers.update(validators)
                request.meta["handle_httpstatus_list"] = [304]
                request.meta["ess_conditional"] = kind
        return request

    def _count(self, decision: str) -> None:
        crawler = getattr(self, "crawler", None)
        if crawler is not None and crawler.stats is not None:
            crawler.stats.inc_value(f"ess/recrawl/{decision}")

    # ------------------------------------------------------------ discovery

    async def start(self):
        origin = self.profile.origin
        if not self.robots_by_middleware:  # else read from the middleware's own fetch (once per crawl)
            yield self._request(origin + "/robots.txt", self.parse_robots, priority=30,
                                dont_obey_robotstxt=True, handle_httpstatus_list=[404, 403, 410])
        for url in self.profile.sitemaps:
            yield self._request(url, self.parse_sitemap, priority=20)
        for url in self.profile.feeds:
            yield self._request(url, self.parse_feed, priority=15)
        if self.profile.cms == "wordpress" or self.profile.wp_rest:
            yield self._wp_request("categories", 1)
        for url in self.profile.start_urls:
            yield self._request(url, self.parse_listing, priority=10)

    def on_response_received(self, response, request, spider=None):
        """The robots.txt Scrapy's robots middleware fetched: read its `Sitemap:` lines."""
        if not request.meta.get("dont_obey_robotstxt") or urlsplit(response.url).path != "/robots.txt":
            return
        if request.callback == self.parse_robots or response.url in self._robots_seen:
            return
        self._robots_seen.add(response.url)
        if self.to_public(response.url) != self.profile.origin + "/robots.txt":
            return  # another host's robots.txt (a sitemap elsewhere)
        for found in self.parse_robots(response):
            self.crawler.engine.crawl(found)

    def parse_robots(self, response: Response):
        if response.status != 200 or not isinstance(response, TextResponse):
            return
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            yield self._request(self.to_public(url), self.parse_sitemap, priority=20)

    def parse_sitemap(self, response: Response):
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gzip.GzipFile(fileobj=io.BytesIO(body)).read(_MAX_SITEMAP_BYTES)
            except OSError as exc:
                yield self._error(response.url, "sitemap", f"bad gzip sitemap: {exc}", response.status)
                return
        try:
            sitemap = Sitemap(body)
        except Exception as exc:  # noqa: BLE001 - lxml raises several types
            yield self._error(response.url, "sitemap", f"unreadable sitemap: {exc}", response.status)
            return
        for entry in sitemap:
            loc = self.to_public(response.urljoin(entry.get("loc", "").strip()))
            if sitemap.type == "sitemapindex":
                yield self._request(loc, self.parse_sitemap, priority=20)
                continue
            is_article = self.profile.is_article(loc)
            if self.profile.owns(loc) and not self.profile.is_listing(loc):
                yield Discovered(url=loc, source="sitemap", site=self.name, lastmod=entry.get("lastmod"),
                                 is_article_url=is_article)
            if is_article:
                found = self._article(loc, entry.get("lastmod"), "sitemap")
                if found is not None:
                    yield found
            elif self.profile.is_listing(loc):
                yield self._request(loc, self.parse_listing, priority=5)

    def parse_feed(self, response: Response):
        feed = feedparser.parse(response.body)
        if feed.bozo and not feed.entries:
            yield self._error(response.url, "feed", f"unreadable feed: {feed.get('bozo_exception')}",
                              response.status)
            return
        for entry in feed.entries:
            link = self.to_public(response.urljoin(entry.get("link", "")))
            if self.profile.owns(link):
                yield Discovered(url=link, source="feed", site=self.name, lastmod=_feed_date(entry),
                                 is_article_url=self.profile.is_article(link))
            if self.profile.is_article(link):
                found = self._article(link, _feed_date(entry) if feed.version.startswith("atom") else None,
                                      "feed")
                if found is not None:
                    yield found

    # ------------------------------------------------------------ WordPress REST

    def _wp_request(self, kind: str, page: int) -> scrapy.Request:
        fields = "id,link,date_gmt,modified_gmt,categories,tags" if kind == "posts" else "id,name"
        url = f"{self.profile.origin}/wp-json/wp/v2/{kind}?per_page=100&page={page}&_fields={fields}"
        return scrapy.Request(self.to_fetch(url), callback=self.parse_wp_rest, errback=self.on_wp_rest_error,
                              priority=25, meta={"wp_kind": kind, "wp_page": page, "dont_retry": True,
                                                 "handle_httpstatus_list": [400, 401, 403, 404, 410, 500]})

    def parse_wp_rest(self, response: Response):
        """Categories, then tags, then posts of the WordPress REST API, page by page.

        Posts are discovered with their modification date (which dates the check like a
        sitemap lastmod) and recorded, with their id, categories and tags, for the audit.
        A site whose API is absent or closed is simply crawled without it."""
        kind, page = response.meta["wp_kind"], response.meta["wp_page"]
        try:
            data = response.json() if response.status == 200 else None
        except ValueError:
            data = None
        if not isinstance(data, list):
            logger.info("%s: no WordPress REST API at %s (HTTP %s); discovery goes on without it",
                        self.name, self.to_public(response.url), response.status)
            return
        pages = int(response.headers.get(b"X-WP-TotalPages", b"1") or 1)
        if kind in ("categories", "tags"):
            self.wp_terms.setdefault(kind, {}).update(
                {item.get("id"): html.unescape(str(item.get("name", ""))) for item in data
                 if isinstance(item, dict)})
        else:
            for post in data:
                if not isinstance(post, dict) or not post.get("link"):
                    continue
                link = self.to_public(str(post["link"]))
                modified = post.get("modified_gmt")
                lastmod = f"{modified}+00:00" if modified else None
                details = {
                    "wp_id": post.get("id"),
                    "categories": [self.wp_terms.get("categories", {}).get(i, i) for i in post.get("categories", [])],
                    "tags": [self.wp_terms.get("tags", {}).get(i, i) for i in post.get("tags", [])],
                }
                yield Discovered(url=link, source="wp-rest", site=self.name, lastmod=lastmod,
                                 is_article_url=self.profile.is_article(link), details=details)
                if self.profile.is_article(link):
                    found = self._article(link, lastmod, "wp-rest")
                    if found is not None:
                        yield found
        if page < min(pages, 100):
            yield self._wp_request(kind, page + 1)
        elif kind == "categories":
            yield self._wp_request("tags", 1)
        elif kind == "tags":
            yield self._wp_request("posts", 1)

    def on_wp_rest_error(self, failure):
        logger.info("%s: WordPress REST API unreachable (%s); discovery goes on without it",
                    self.name, failure.getErrorMessage())

    def parse_listing(self, response: Response):
        if not isinstance(response, TextResponse):
            yield self._error(response.url, "not_html", "listing page is not HTML", response.status)
            return
        for href in response.xpath("//a/@href").getall():
            if href.startswith(("#", "mailto:", "javascript:", "tel:")):
                continue
            url = self.to_public(response.urljoin(href.strip()))
            url = url.split("#", 1)[0]
            if self.profile.is_article(url):
                found = self._article(url)
                if found is not None:
                    yield found
            elif self.profile.is_listing(url):
                yield self._request(url, self.parse_listing, priority=5)

    # ------------------------------------------------------------ articles

    async def parse_article(self, response: Response):
        public = self.to_public(response.url)
        if response.status == 304:
            self._count(f"{response.meta.get('ess_conditional', 'validators')}_304")
            yield SeenUnchanged(url=public, reason="HTTP 304 Not Modified", site=self.name)
            return
        self._count("full_download")
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if not isinstance(response, TextResponse) or (
            content_type and not content_type.startswith(_HTML_TYPES)
        ):
            yield self._error(public, "not_html", f"not an HTML page (Content-Type: {content_type or '?'})",
                              response.status)
            return
        try:
            # in a worker process with ESS_EXTRACTION_WORKERS > 0, so the reactor goes on meanwhile
            pool = ExtractionPool.of(self.crawler)
            if pool is not None:
                # (the worker builds the page's WARC record too, that the archive pipeline decided)
                article = await pool.extract(response.body, public, self.profile, response.meta.get(RECORD_KEY))
            else:
                article = extract_article(response.body, public, self.profile)
        except ExtractionError as exc:
            yield self._error(public, "extraction", str(exc), response.status)
            return
        except Exception as exc:  # noqa: BLE001 - one bad page never stops the crawl
            logger.exception("extraction failed for %s", public)
            yield self._error(public, "extraction", f"{type(exc).__name__}: {exc}", response.status)
            return
        article.site = self.profile.name
        article.fetched_url = public
        if not self.profile.owns(article.url):
            article.url = public  # a canonical pointing elsewhere is not this copy's address
        yield article

    def on_idle(self):
        """Once discovery is done: ask for the known articles found undated (no dated source
        spared them), with their validators; then look again at archived articles no listing
        showed this time: a 404 or 410 marks them gone, the others are checked like any article."""
        if self._revisited:
            return
        self._revisited = True
        deferred = [url for url in self.deferred if url not in self.requested and url not in self.skipped]
        self.deferred.clear()
        for url in deferred:
            request = self._article(url, defer=False)
            if isinstance(request, scrapy.Request):
                self.crawler.engine.crawl(request)
        missing = [url for url in self.memory.urls()
                   if url not in self.requested and url not in self.skipped and url not in deferred]
        if not missing:
            if deferred:
                raise DontCloseSpider
            return
        logger.info("%s: checking %d archived articles not listed any more", self.name, len(missing))
        for url in missing:
            request = self._article(url, defer=False)
            if isinstance(request, scrapy.Request):
                request.meta["ess_revisit"] = True
                self.crawler.engine.crawl(request)
        raise DontCloseSpider

    # ------------------------------------------------------------ errors

    def _error(self, url: str, kind: str, reason: str, status: int | None = None,
               referer: str = "") -> CrawlError:
        url = self.to_public(url)
        logger.warning("%s error at %s: %s", kind, url, reason)
        return CrawlError(url=url, kind=kind, reason=reason, site=self.profile.name,
                          status=status, referer=referer)

    def on_error(self, failure):
        """Errback of every request: one CrawlError per failure, sent to the archive by
        `record_found` (Scrapy does not pass errback output through spider middlewares)."""
        request = failure.request
        url = request.url
        referer = (request.headers.get(b"Referer") or b"").decode("latin-1")
        kind, reason, status = classify_failure(failure)
        emit(self.crawler, self._error(url, kind, reason, status, referer))


_KINDS_BY_NAME = {
    # Scrapy >= 2.13 download exceptions and the Twisted ones they wrap, by class name
    "DownloadTimeoutError": "timeout", "TimeoutError": "timeout", "TCPTimedOutError": "timeout",
    "DownloadConnectionRefusedError": "connection", "ConnectionRefusedError": "connection",
    "DownloadFailedError": "connection", "ConnectionLost": "connection", "ResponseFailed": "connection",
    "ResponseDataLossError": "truncated", "ResponseNeverReceived": "connection",
    "CannotResolveHostError": "dns", "DNSLookupError": "dns",
    "OffsiteRedirectError": "offsite", "RedirectLoopError": "redirect_loop",
}


def classify_failure(failure) -> tuple[str, str, int | None]:
    """(kind, reason, HTTP status) of a request failure, for the errors table."""
    exc = failure.value
    name = type(exc).__name__
    if failure.check(HttpError):
        status = exc.response.status
        return "http", f"HTTP {status}", status
    reason = f"{name}: {exc}" if str(exc) else name
    if "max size" in str(exc) or "maxsize" in str(exc):
        return "too_large", reason, None
    if name in _KINDS_BY_NAME:
        return _KINDS_BY_NAME[name], reason, None
    if failure.check(IgnoreRequest):
        return ("robots" if "robots" in str(exc).lower() else "ignored"), reason, None
    if failure.check(TimeoutError, TCPTimedOutError):
        return "timeout", reason, None
    if failure.check(DNSLookupError):
        return "dns", reason, None
    if failure.check(ConnectionRefusedError, ConnectionLost, ResponseFailed):
        return "connection", reason, None
    return "download", reason, None


def _feed_date(entry) -> str | None:
    """ISO date of an Atom entry's last update (RSS `pubDate` and `dc:date` are publication
    dates and say nothing of later changes, so RSS feeds are not asked)."""
    parsed = entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        import calendar
        import datetime as dt

        return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.timezone.utc).isoformat()
    except (OverflowError, ValueError, TypeError):
        return None


def spider_class_for(profile: SiteProfile) -> type[SiteSpider]:
    """A SiteSpider subclass named after the profile, for Scrapy's spider loader."""
    class_name = "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]", profile.name)) + "Spider"
    return type(class_name, (SiteSpider,), {
        "name": profile.name,
        "profile": profile,
        "__doc__": f"Spider for {profile.title} ({profile.origin}).",
    })
