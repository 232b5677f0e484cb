"""What a crawl run prints: its rows of `crawls`, the archive's totals, coverage drops."""

from __future__ import annotations

from pathlib import Path

import click

from ess_crawler.store.archive import Archive
from ess_crawler.store.coverage import coverage_message


def coverage_failures(db: Path, crawls: list[dict]) -> list[str]:
    """Messages for the fields whose coverage fell below their threshold in these crawls."""
    if not crawls:
        return []
    with Archive(db, read_only=True) as archive:
        return [coverage_message(row) for row in archive.coverage_failures([c["id"] for c in crawls])]


def print_summary(db: Path, crawls: list[dict]) -> None:
    """The crawls, the archive's totals per site, errors by kind, coverage per site."""
    with Archive(db, read_only=True) as archive:
        summary = archive.summary()
        per_site = archive.articles_per_site()
        errors = archive.errors_by_kind()
        coverage = archive.coverage_rows([c["id"] for c in crawls])
        failures = [coverage_message(row) for row in archive.coverage_failures([c["id"] for c in crawls])]
    click.echo(f"\nArchive {db}")
    for crawl in crawls:
        click.echo(f"  crawl {crawl['id']} {crawl['site']}: {crawl['status']}, "
                   f"{crawl['pages_fetched']} pages, {crawl['articles_new']} new, "
                   f"{crawl['articles_updated']} updated, {crawl['articles_unchanged']} unchanged, "
                   f"{crawl['errors']} errors")
    click.echo(f"  sites: {summary['sites']}  articles: {summary['articles']}  "
               f"footnotes: {summary['footnotes']}  related links: {summary['related_links']} "
               f"({summary['resolved_related_links']} resolved to archived articles)  "
               f"errors: {summary['errors']}")
    for row in per_site:
        click.echo(f"    {row['site']}: {row['articles']} articles, {row['dated']} dated")
    if errors:
        click.echo("  errors by kind: " + ", ".join(f"{e['kind']} {e['n']}" for e in errors))
    by_site: dict[str, list[str]] = {}
    for row in coverage:
        by_site.setdefault(row["site"], []).append(f"{row['field']} {row['share']:.0%}")
    for site, shares in by_site.items():
        click.echo(f"  coverage {site}: " + ", ".join(shares))
    for message in failures:
        click.echo("  " + message, err=True)
