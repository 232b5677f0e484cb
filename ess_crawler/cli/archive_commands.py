"""Commands that read an archive: `report`, `audit`, and `syndicate` (which rebuilds one derived table).

`report` and `audit` open the archive read-only: any file they are pointed at stays
byte-identical (a release's database keeps its SHA256SUMS). `syndicate` writes one
table, so it first checks that the file is an archive it can write.
"""

from __future__ import annotations

from pathlib import Path

import click

from ess_crawler.cli.group import main
from ess_crawler.cli.preflight import readable_archive, writable_archive
from ess_crawler.cli.summary import print_summary
from ess_crawler.errors import UserError
from ess_crawler.store.archive import DEFAULT_DB
from ess_crawler.syndication import THRESHOLD, syndicate

DB_OPTION = click.option("--db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True,
                         help="SQLite archive.")


class AuditError(UserError):
    """The audit has nothing to compare for the site asked."""


@main.command()
@DB_OPTION
@click.option("--site", default=None, help="Only this site.")
def audit(db: Path, site: str | None):
    """Completeness: what each site lists (sitemaps, feeds) against what the archive holds."""
    from ess_crawler.profiles import load_profiles
    from ess_crawler.quality.audit import audit as run_audit

    with readable_archive(db) as archive:
        if site:
            archived = archive.site_names()
            known = sorted(set(load_profiles()) | set(archived))
            if site not in known:
                raise AuditError(f"no site {site!r} in {db} or the profiles; known: {', '.join(known)}")
            if site not in archived:
                raise AuditError(f"{db} holds nothing of {site!r} yet: crawl it first "
                                 f"(ess-crawler crawl {site} --db {db})")
        results = run_audit(archive, site)
    if not results:
        which = f"of {site} " if site else ""
        raise AuditError(f"no finished crawl {which}in {db} has listed anything yet (sitemaps, feeds): "
                         "audit compares what a site lists with the archive, after a finished crawl")
    for entry in results:
        click.echo(f"{entry.site}: {entry.archived} of {entry.listed} listed articles archived")
        for item in entry.missing:
            click.echo(f"  missing {item['url']} ({item['sources']}): {item['reason']}")
        if entry.not_articles:
            click.echo(f"  {len(entry.not_articles)} listed pages are not article URLs for the profile:")
            for item in entry.not_articles:
                click.echo(f"    {item['url']} ({item['sources']})")


@main.command()
@DB_OPTION
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1),
              help="How many runs to show.")
def report(db: Path, limit: int):
    """Print the last crawl runs and the archive's totals (reads only: the file is left unchanged)."""
    with readable_archive(db) as archive:
        crawls = archive.recent_crawls(limit)
    print_summary(db, crawls)


@main.command(name="syndicate")
@DB_OPTION
@click.option("--threshold", default=THRESHOLD, show_default=True, type=click.FloatRange(0.05, 1.0),
              help="Jaccard similarity of word shingles from which two texts are copies.")
def syndicate_command(db: Path, threshold: float):
    """Group the same article published on several sites (rebuilds the syndication table)."""
    readable_archive(db).close()  # an archive, not any file: syndicate would make one of it
    writable_archive(db)
    counts = syndicate(db, threshold)
    click.echo(f"{db}: {counts['groups']} groups of copies ({counts['cross_site_groups']} across sites), "
               f"{counts['articles']} articles")
    with readable_archive(db) as archive:
        rows = archive.syndication_groups(limit=60)
    for group_id, earliest, article_id, site, published, similarity, title in rows:
        click.echo(f"  group {group_id} (earliest {earliest}): article {article_id} {site} {published or '?'} "
                   f"similarity {similarity:.2f}  {title or ''}")
