"""Downloader middlewares: silent drops become recorded errors; Retry-After is honoured.

Scrapy's redirect handling quietly drops a redirect to another domain (the
offsite filter) or back to a page already seen (the duplicate filter). An
archivist wants both as rows in `errors`, so RedirectGuardMiddleware, placed
before RedirectMiddleware, raises IgnoreRequest with a clear reason; the
spider's errback records it. RetryAfterMiddleware waits as a 429/503 asks.
MetaRefreshGuardMiddleware, in place of Scrapy's MetaRefreshMiddleware, ignores a
meta refresh to a non-HTTP target (javascript:, mailto:, ...).
Settings read: ESS_MAX_RETRY_AFTER, and Scrapy's METAREFRESH_* settings.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.utils.response import get_meta_refresh

logger = logging.getLogger(__name__)


class OffsiteRedirectError(IgnoreRequest):
    """A redirect leads off the site's allowed domains."""


class RedirectLoopError(IgnoreRequest):
    """A redirect leads back to a URL of the same redirect chain."""


class RedirectGuardMiddleware:
    """Refuses redirects off the allowed domains and redirect loops, with a reason."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response, spider=None):
        if response.status not in (301, 302, 303, 307, 308) or b"Location" not in response.headers:
            return response
        if request.meta.get("dont_redirect"):
            return response
        location = response.headers[b"Location"].decode("latin-1")
        target = urljoin(request.url, location)
        spider = self.crawler.spider
        host = (urlsplit(target).hostname or "").lower()
        allowed = [d.lower() for d in getattr(spider, "allowed_domains", None) or []]
        if allowed and not any(host == d or host.endswith("." + d) for d in allowed):
            raise OffsiteRedirectError(f"offsite redirect to {target} (HTTP {response.status})")
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise RedirectLoopError(f"redirect loop: {' -> '.join(chain + [target])}")
        return response


class MetaRefreshGuardMiddleware(MetaRefreshMiddleware):
    """Scrapy's MetaRefreshMiddleware, except that a refresh to a non-HTTP URL is ignored.

    Scrapy cannot build a Request for `javascript:` or `mailto:` (ValueError), so
    the page would be lost as a download error; here it is processed as it is.
    """

    def process_response(self, request, response, spider=None):
        if isinstance(response, HtmlResponse):
            # the same parse as the parent's (cached per response)
            _, url = get_meta_refresh(response, ignore_tags=self._ignore_tags)
            if url and urlsplit(url).scheme.lower() not in ("http", "https"):
                logger.debug("ignoring meta refresh to %s on %s", url, request.url)
                return response
        return super().process_response(request, response)


class RetryAfterMiddleware:
    """Honours `Retry-After` on 429 and 503 answers before Scrapy's RetryMiddleware retries.

    A wait up to ESS_MAX_RETRY_AFTER seconds (default 60) is awaited without blocking
    other requests, then the request is retried (RETRY_TIMES still applies). A longer
    wait is not retried at once: the answer becomes an error row, and the next crawl
    tries again.
    """

    def __init__(self, crawler, max_wait: float):
        self.crawler = crawler
        self.max_wait = max_wait

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.getfloat("ESS_MAX_RETRY_AFTER", 60.0))

    @staticmethod
    def retry_after(value: bytes | None) -> float | None:
        """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
        if not value:
            return None
        text = value.decode("latin-1").strip()
        if text.isdigit():
            return float(text)
        try:
            import datetime as dt
            import email.utils

            when = email.utils.parsedate_to_datetime(text)
            return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())
        except (TypeError, ValueError, IndexError):
            return None

    async def process_response(self, request, response, spider=None):
        if response.status not in (429, 503) or request.meta.get("dont_retry"):
            return response
        wait = self.retry_after(response.headers.get(b"Retry-After"))
        if wait is None:
            return response  # RetryMiddleware decides (503 is in RETRY_HTTP_CODES)
        if wait > self.max_wait:
            logger.warning("%s asks to wait %.0f s (Retry-After), more than ESS_MAX_RETRY_AFTER=%.0f: "
                           "not retried in this crawl", request.url, wait, self.max_wait)
            request.meta["dont_retry"] = True
            return response
        import asyncio

        from scrapy.downloadermiddlewares.retry import get_retry_request

        retry = get_retry_request(request, spider=self.crawler.spider,
                                  reason=f"{response.status} with Retry-After {wait:.0f}s")
        if retry is None:
            request.meta["dont_retry"] = True
            return response
        logger.info("waiting %.1f s before retrying %s (Retry-After)", wait, request.url)
        await asyncio.sleep(wait)
        return retry
