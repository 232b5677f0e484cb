"""What the archive already holds of a site, for incremental re-crawls.

An unchanged re-crawl should download no article page in full. The spider decides each
known article with what the site gives, in this order:

1. the date a listing gives for it now (the WordPress REST API's `modified_gmt`, a sitemap
   `lastmod`, an Atom feed's `updated`) against the date the *same* listing gave in the
   crawl that last saw our copy (`listed`), or the page's own modified date, or the
   Last-Modified header of its capture: the site's clock against the site's clock, never ours;
2. the validators of our last capture (`If-None-Match` / `If-Modified-Since`);
3. as a last resort, for a page that gave no validator, a conditional request with the
   time of our capture (`If-Modified-Since`): a server that keeps dates answers 304.

`ESS_FULL_CRAWL` (`--full`) turns this off. Read from the archive (read-only), never
written: the archive is the crawl's memory.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
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

    def knows(self, url: str) -> bool:
        """True for an archived article still believed online."""
        row = self.known.get(url)
        return bool(row) and not row.get("gone_since")

    def validators(self, url: str) -> dict[str, str]:
        """Conditional request headers for a known article: the validators of its last capture."""
        row = self.known.get(url)
        if not row:
            return {}
        headers = {}
        if row.get("etag"):
            headers["If-None-Match"] = row["etag"]
        if row.get("last_modified"):
            headers["If-Modified-Since"] = row["last_modified"]
        return headers

    def last_resort(self, url: str) -> dict[str, str]:
        """For a known article whose capture gave no validator: `If-Modified-Since` with the
        time we fetched it (a server that keeps dates can still answer 304)."""
        row = self.known.get(url)
        fetched = _parse(row.get("fetched_at")) if row else None
        if fetched is None:
            return {}
        return {"If-Modified-Since": email.utils.format_datetime(fetched.astimezone(dt.timezone.utc), usegmt=True)}

    def unchanged_since(self, url: str, lastmod: str, source: str = "") -> bool:
        """True when the site's `lastmod` for this article (from `source`: wp-rest, sitemap,
        feed) is not later than the site's own date for the version we archived: what the
        same source said then, else the page's modified date or its Last-Modified header."""
        row = self.known.get(url)
        if not row or row.get("gone_since"):
            return False
        listed = _parse(lastmod)
        if listed is None:
            return False
        then = _parse(self.listed(url).get(source)) if source else None
        if then is not None:
            return listed <= then
        ours = [d for d in (_parse(row.get("modified")), _parse(row.get("last_modified"))) if d]
        if not ours:
            return False
        return listed <= max(ours)

    def listed(self, url: str) -> dict[str, str]:
        """{source: lastmod} the site listed for our copy in the crawl that last saw it."""
        row = self.known.get(url) or {}
        value = row.get("listed")
        if isinstance(value, dict):
            return value
        try:
            data = json.loads(value) if value else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}


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
