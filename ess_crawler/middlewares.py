"""Downloader middleware that turns silent drops into recorded errors.

Scrapy's redirect handling quietly drops a redirect to another domain (the
offsite filter) or back to a page already seen (the duplicate filter). An
archivist wants both as rows in `errors`, so this middleware, placed before
RedirectMiddleware, raises IgnoreRequest with a clear reason; the spider's
errback records it.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest

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
