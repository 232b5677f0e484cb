"""Field coverage per crawl: the share of a site's articles that have each field.

After each crawl the pipeline measures, over the site's articles seen in that
crawl, how many have a title, a date, a category, a body, a lead, authors,
footnotes and related links; stores it in `coverage`, with the previous crawl's
share beside it; and flags the fields below their threshold. Thresholds come from
the profile's `[coverage]` table, else `DEFAULT_THRESHOLDS` (ESS_COVERAGE_THRESHOLDS
overrides them for all sites). A template change on a site shows up as a drop.
"""

from __future__ import annotations

import logging

from ess_crawler.store.archive import Archive

logger = logging.getLogger(__name__)

# field -> SQL condition on articles `a` that says the article has it
FIELDS = {
    "title": "coalesce(a.title, '') != ''",
    "published": "a.published is not null",
    "category": "coalesce(a.category, '') != ''",
    "body": "coalesce(a.body_text, '') != ''",
    "lead": "coalesce(a.lead, '') != ''",
    "authors": "coalesce(a.authors, '[]') != '[]'",
    "footnotes": "exists (select 1 from footnotes f where f.article_id = a.id)",
    "related": "exists (select 1 from related_links r where r.article_id = a.id)",
}
DEFAULT_THRESHOLDS = {"title": 0.95, "published": 0.95, "body": 0.95}


def measure(archive: Archive, crawl_id: int, site: str, thresholds: dict[str, float] | None = None) -> list[dict]:
    """Write and return the coverage rows of one crawl of one site."""
    thresholds = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    db = archive.db
    scope = "from articles a where a.site = ? and a.crawl_id = ? and a.gone_since is null"
    total = db.execute(f"select count(*) {scope}", [site, crawl_id]).fetchone()[0]
    previous = db.execute("select max(crawl_id) from coverage where site = ? and crawl_id < ?",
                          [site, crawl_id]).fetchone()[0]
    earlier = dict(db.execute("select field, share from coverage where crawl_id = ? and site = ?",
                              [previous, site]).fetchall()) if previous else {}
    rows = []
    for field, condition in FIELDS.items():
        with_field = db.execute(f"select count(*) {scope} and {condition}", [site, crawl_id]).fetchone()[0]
        share = with_field / total if total else 0.0
        threshold = thresholds.get(field)
        rows.append({
            "crawl_id": crawl_id, "site": site, "field": field, "articles": total, "with_field": with_field,
            "share": round(share, 4), "threshold": threshold, "previous_share": earlier.get(field),
            "ok": int(threshold is None or share >= threshold),
        })
    with db.atomic():
        db["coverage"].insert_all(rows)
    for message in coverage_messages([row for row in rows if not row["ok"]]):
        logger.error(message)
    return rows


def coverage_messages(failures: list[dict]) -> list[str]:
    """The lines for coverage rows below their threshold: one per field, or one for a crawl of a
    site that archived no article at all (no field can reach a share of nothing)."""
    messages, empty = [], set()
    for row in failures:
        if row["articles"]:
            messages.append(coverage_message(row))
        elif (row["crawl_id"], row["site"]) not in empty:
            empty.add((row["crawl_id"], row["site"]))
            messages.append(f"coverage: {row['site']} has no article in this crawl, so no field reaches its threshold")
    return messages


def coverage_message(row: dict) -> str:
    """One line saying which field on which site dropped, against the previous crawl."""
    before = f", previous crawl {row['previous_share']:.0%}" if row["previous_share"] is not None else ""
    return (f"coverage: {row['site']} has {row['field']} on {row['share']:.0%} of {row['articles']} articles "
            f"(threshold {row['threshold']:.0%}{before})")
