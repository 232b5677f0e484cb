"""Completeness audit: what a site says it has (sitemaps, feeds, WordPress REST) against the archive.

For each site, the URLs its last finished crawl saw listed, and among them those
the archive does not hold as live articles, each with the reason when one is known:
an error row (HTTP 404, extraction...), gone since, or a URL the profile does not
take for an article (a sign that the profile's `article_urls` missed a new URL form).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ess_crawler.archive import Archive

AUDIT_SQL = """
with last as (
  select site, max(id) as crawl_id from crawls where status = 'finished' group by site
),
listed as (
  select d.site, d.url, group_concat(distinct d.source) as sources, max(d.is_article_url) as is_article_url
  from discovered d join last on last.crawl_id = d.crawl_id
  group by d.site, d.url
)
select l.site, l.url, l.sources, l.is_article_url,
       a.id as article_id, a.gone_since,
       (select e.kind || ': ' || e.reason from errors e where e.url = l.url order by e.id desc limit 1) as error
from listed l left join articles a on a.url = l.url
order by l.site, l.url
"""


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
    for row in archive.db.query(AUDIT_SQL):
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
