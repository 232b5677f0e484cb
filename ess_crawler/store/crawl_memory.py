"""What the archive already holds of a site, for incremental re-crawls.

A re-crawl asks for each known article with `If-None-Match` / `If-Modified-Since`
(the ETag and Last-Modified of its last capture) and skips articles whose sitemap
`lastmod` or feed date is not later than the site's own date for our copy (the
page's modified date, else the Last-Modified header of its capture: the site's
clock, not ours). `ESS_FULL_CRAWL` (`--full`) turns this off. Read from the
archive, never written: the archive is the crawl's memory.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
from pathlib import Path

from dateutil import parser as dateparser

from ess_crawler.store.archive import Archive, ArchiveError

logger = logging.getLogger(__name__)


class CrawlMemory:
    """Known article URLs of one site with their validators and last-seen times."""

    def __init__(self, known: dict[str, dict]):
        self.known = known

    @classmethod
    def load(cls, db_path: str | Path | None, site: str, enabled: bool = True) -> CrawlMemory:
        """What the archive at `db_path` holds of `site` (nothing for a new archive or when disabled)."""
        if not enabled or not db_path or not Path(db_path).exists():
            return cls({})
        try:
            with Archive(db_path, read_only=True) as archive:
                rows = archive.known_articles(site)
        except ArchiveError as exc:  # a new archive has no tables yet
            logger.debug("no crawl memory for %s: %s", site, exc)
            return cls({})
        return cls({row["url"]: row for row in rows})

    def urls(self) -> list[str]:
        """Known articles still believed online."""
        return [url for url, row in self.known.items() if not row.get("gone_since")]

    def validators(self, url: str) -> dict[str, str]:
        """Conditional request headers for a known article."""
        row = self.known.get(url)
        if not row:
            return {}
        headers = {}
        if row.get("etag"):
            headers["If-None-Match"] = row["etag"]
        if row.get("last_modified"):
            headers["If-Modified-Since"] = row["last_modified"]
        return headers

    def unchanged_since(self, url: str, lastmod: str) -> bool:
        """True when the site's `lastmod` for this article is not later than the site's own
        date for the version we archived."""
        row = self.known.get(url)
        if not row or row.get("gone_since"):
            return False
        ours = [d for d in (_parse(row.get("modified")), _parse(row.get("last_modified"))) if d]
        listed = _parse(lastmod)
        if not ours or listed is None:
            return False
        return listed <= max(ours)


def _parse(value: str | None) -> dt.datetime | None:
    """ISO 8601 or HTTP date, as an aware datetime (UTC when no offset is given)."""
    if not value:
        return None
    try:
        parsed = dateparser.isoparse(value.strip())
    except (ValueError, OverflowError):
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
