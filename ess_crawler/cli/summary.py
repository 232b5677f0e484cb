"""What a crawl run prints: its rows of `crawls`, the archive's totals, coverage drops."""

from __future__ import annotations

from pathlib import Path

import click

from ess_crawler.store.archive import Archive
from ess_crawler.store.coverage import coverage_messages


def coverage_failures(db: Path, crawls: list[dict]) -> list[str]:
    """Messages for the fields whose coverage fell below their threshold in these crawls."""
    if not crawls:
        return []
    with Archive(db, read_only=True) as archive:
        return coverage_messages(archive.coverage_failures([c["id"] for c in crawls]))


def _share(value) -> str:
    return f"{value:.0%}" if value is not None else "?"


def coverage_lines(rows: list[dict], several: bool = False) -> list[str]:
    """One line per crawl of a site: each field's share beside the previous crawl's.

    A share that changed shows the previous one, `lead 0% (was 100%)`; when none changed
    the line ends with `as the previous crawl`. `several`: more than one crawl of a site
    is shown, so each line names its crawl.
    """
    by_crawl: dict[tuple[int, str], list[dict]] = {}
    for row in rows:
        by_crawl.setdefault((row["crawl_id"], row["site"]), []).append(row)
    lines = []
    for (crawl_id, site), fields in by_crawl.items():
        label = f"coverage {site}" + (f" (crawl {crawl_id})" if several else "")
        if not fields[0]["articles"]:
            lines.append(f"  {label}: no article archived")
            continue
        shares = []
        for row in fields:
            text = f"{row['field']} {_share(row['share'])}"
            previous = row.get("previous_share")
            if previous is not None and round(previous, 2) != round(row["share"], 2):
                text += f" (was {_share(previous)})"
            shares.append(text)
        same = all(r.get("previous_share") is not None and round(r["previous_share"], 2) == round(r["share"], 2)
                   for r in fields)
        lines.append(f"  {label}: " + ", ".join(shares) + ("; as the previous crawl" if same else ""))
    return lines


def print_summary(db: Path, crawls: list[dict]) -> None:
    """The crawls, the archive's totals per site, errors by kind, coverage per site."""
    with Archive(db, read_only=True) as archive:
        summary = archive.summary()
        per_site = archive.articles_per_site()
        errors = archive.errors_by_kind()
        coverage = archive.coverage_rows([c["id"] for c in crawls])
        failures = coverage_messages(archive.coverage_failures([c["id"] for c in crawls]))
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
    for line in coverage_lines(coverage, several=len({c["site"] for c in crawls}) < len(crawls)):
        click.echo(line)
    for message in failures:
        click.echo("  " + message, err=True)
