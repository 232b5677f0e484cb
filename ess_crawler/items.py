"""Items: the article and its parts, as dataclasses whose fields are the archive's columns.

Extraction returns an `Article`; spiders yield `Article` or `CrawlError`; the
pipeline writes both. Nothing here imports Scrapy (itemadapter handles dataclasses).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Footnote:
    """A numbered note of the article, split out of the body."""

    number: str
    text: str
    html: str = ""
    urls: list[str] = field(default_factory=list)
    marker_id: str = ""  # id of the marker in the body (e.g. "nh1"), when there is one


@dataclass
class RelatedLink:
    """One item of a "Sur le même sujet" / "À lire aussi" block."""

    url: str
    title: str
    heading: str = ""
    date: str | None = None  # ISO date when the block shows one
    date_raw: str = ""
    category: str = ""
    teaser: str = ""


@dataclass
class Link:
    """An outbound link of the body."""

    url: str
    text: str = ""


@dataclass
class Image:
    """An image of the body with its caption."""

    url: str
    alt: str = ""
    caption: str = ""


@dataclass
class Article:
    """One article as extracted from one page. Empty fields were not found (never invented)."""

    url: str
    site: str = ""
    title: str = ""
    published: str | None = None
    published_raw: str = ""
    modified: str | None = None
    modified_raw: str = ""
    category: str = ""
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    lead: str = ""
    body_text: str = ""
    body_html: str = ""
    footnotes: list[Footnote] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    language: str = ""
    content_sha256: str = ""
    fetched_url: str = ""
    # field name -> rule that produced it, e.g. {"published": "profile:date", "body_html": "cms:spip"}
    provenance: dict[str, str] = field(default_factory=dict)
    # the page says it shows only part of the article (paywall teaser)
    truncated: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class CrawlError:
    """A failure of the crawl: recorded in the archive's `errors` table, never silently skipped."""

    url: str
    kind: str  # http, timeout, dns, connection, not_article, extraction, encoding, robots, ...
    reason: str
    site: str = ""
    status: int | None = None
    referer: str = ""


@dataclass
class SeenUnchanged:
    """An archived article seen again without a new body: a 304, or a sitemap or feed date
    older than the archived copy. The archive moves its `last_seen`."""

    url: str
    reason: str
    site: str = ""


@dataclass
class Discovered:
    """A URL the site itself lists (sitemap, feed, WordPress REST), for the completeness audit."""

    url: str
    source: str  # sitemap, feed, wp-rest
    site: str = ""
    lastmod: str | None = None
    is_article_url: bool = True
    details: dict = field(default_factory=dict)  # e.g. WordPress post id, categories, tags
