"""Commands that read an archive: `report`, `audit`, and `syndicate` (which rebuilds one derived table)."""

from __future__ import annotations

from pathlib import Path

import click

from ess_crawler.cli.group import main
from ess_crawler.cli.summary import print_summary
from ess_crawler.store.archive import DEFAULT_DB, Archive
from ess_crawler.syndication import THRESHOLD, syndicate


@main.command()
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=DEFAULT_DB,
              show_default=True, help="SQLite archive.")
@click.option("--site", default=None, help="Only this site.")
def audit(db: Path, site: str | None):
    """Completeness: what each site lists (sitemaps, feeds) against what the archive holds."""
    from ess_crawler.quality.audit import audit as run_audit

    with Archive(db, read_only=True) as archive:
        results = run_audit(archive, site)
    if not results:
        raise click.ClickException("no finished crawl has listed anything yet")
    for entry in results:
        click.echo(f"{entry.site}: {entry.archived} of {entry.listed} listed articles archived")
        for item in entry.missing:
            click.echo(f"  missing {item['url']} ({item['sources']}): {item['reason']}")
        if entry.not_articles:
            click.echo(f"  {len(entry.not_articles)} listed pages are not article URLs for the profile:")
            for item in entry.not_articles:
                click.echo(f"    {item['url']} ({item['sources']})")


@main.command()
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=DEFAULT_DB,
              show_default=True, help="SQLite archive.")
@click.option("--limit", default=10, show_default=True, help="How many runs to show.")
def report(db: Path, limit: int):
    """Print the last crawl runs and the archive's totals."""
    with Archive(db, read_only=True) as archive:
        crawls = archive.recent_crawls(limit)
    print_summary(db, crawls)


@main.command(name="syndicate")
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=DEFAULT_DB,
              show_default=True, help="SQLite archive.")
@click.option("--threshold", default=THRESHOLD, show_default=True, type=click.FloatRange(0.05, 1.0),
              help="Jaccard similarity of word shingles from which two texts are copies.")
def syndicate_command(db: Path, threshold: float):
    """Group the same article published on several sites (rebuilds the syndication table)."""
    counts = syndicate(db, threshold)
    click.echo(f"{db}: {counts['groups']} groups of copies ({counts['cross_site_groups']} across sites), "
               f"{counts['articles']} articles")
    with Archive(db, read_only=True) as archive:
        rows = archive.syndication_groups(limit=60)
    for group_id, earliest, article_id, site, published, similarity, title in rows:
        click.echo(f"  group {group_id} (earliest {earliest}): article {article_id} {site} {published or '?'} "
                   f"similarity {similarity:.2f}  {title or ''}")
