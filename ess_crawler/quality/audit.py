"""Completeness audit: what a site says it has (sitemaps, feeds, WordPress REST) against the archive.

For each site, the URLs its last finished crawl saw listed, and among them those
the archive does not hold as live articles, each with the reason when one is known:
an error row (HTTP 404, extraction...), gone since, or a URL the profile does not
take for an article (a sign that the profile's `article_urls` missed a new URL form).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ess_crawler.store.archive import Archive


@dataclass
class SiteAudit:
    site: str
    listed: int = 0  # article URLs the site lists
    archived: int = 0  # of which the archive holds live
    missing: list[dict] = field(default_factory=list)  # article URLs listed, not archived, with reason
    not_articles: list[dict] = field(default_factory=list)  # listed pages the profile does not take for articles


def audit(archive: Archive, site: str | None = None) -> list[SiteAudit]:
    """One SiteAudit per site (or only `site`), from the last finished crawl of each."""
    results: dict[str, SiteAudit] = {}
    for row in archive.listed_against_archive():
        if site and row["site"] != site:
            continue
        entry = results.setdefault(row["site"], SiteAudit(row["site"]))
        if not row["is_article_url"]:
            entry.not_articles.append({"url": row["url"], "sources": row["sources"],
                                       "reason": "not an article URL for the profile (article_urls)"})
            continue
        entry.listed += 1
        if row["article_id"] and not row["gone_since"]:
            entry.archived += 1
            continue
        if row["gone_since"]:
            reason = f"gone since {row['gone_since']}"
        elif row["error"]:
            reason = row["error"]
        else:
            reason = "listed but not archived"
        entry.missing.append({"url": row["url"], "sources": row["sources"], "reason": reason})
    return list(results.values())
