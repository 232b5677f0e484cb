"""Commands that read one page: `extract` (JSON or --explain) and `check` (fields, rules, warnings)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from ess_crawler.cli.group import main
from ess_crawler.cli.preflight import room_for
from ess_crawler.quality import check as checking
from ess_crawler.quality.check import field_rows, load_file, load_source, save_case, warnings_for


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--url", default=None,
              help="URL the page was fetched from (default: its canonical link, else file://...).")
@click.option("--site", default=None,
              help="Use this site profile (default: the one owning the URL's domain, as `check` does).")
@click.option("--explain", is_flag=True, help="Print each field with the rule that produced it.")
def extract(file: Path, url: str | None, site: str | None, explain: bool):
    """Extract the article from a saved HTML page and print it as JSON.

    The page and its profile are read as `check` reads them, so both give the same fields."""
    article, _, _ = checking.extract(load_file(file, url), site)
    data = asdict(article)
    if explain:
        for name, value in data.items():
            if name == "provenance":
                continue
            key = "body" if name.startswith("body_") else name.removesuffix("_raw")
            rule = article.provenance.get(name) or article.provenance.get(key, "")
            if isinstance(value, list):
                shown = f"{len(value)} item(s)"
            else:
                shown = " ".join(str(value).split()) if value is not None else ""
                shown = shown if len(shown) < 100 else shown[:97] + "..."
            click.echo(f"{name:16} {rule or '-':32} {shown!s}")
        return
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@main.command()
@click.argument("target", metavar="URL_OR_FILE")
@click.option("--site", default=None, help="Use this site profile (default: the one owning the URL's domain).")
@click.option("--url", default=None, help="For a file: the URL it was saved from.")
@click.option("--save", "save_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write DIR/<slug>/page.html and case.json (tests/cases format) from this output.")
@click.option("--force", is_flag=True, help="With --save: replace a case already saved there.")
def check(target: str, site: str | None, url: str | None, save_dir: Path | None, force: bool):
    """Extract one page (file or URL, fetched politely) and print each field, its rule and warnings."""
    if save_dir is not None:  # said before the report, not after it
        room_for(save_dir, 1024 * 1024, "--save folder")
    source = load_source(target, url)
    article, profile, how = checking.extract(source, site)
    if save_dir is not None:
        checking.new_case_folder(save_dir, article, profile, force)  # refused now, not after the report
    click.echo(f"Source   {source.origin}")
    click.echo(f"Profile  {profile.name} (from {how})" if profile else "Profile  none: generic rules only")
    click.echo("")
    click.echo(f"{'field':10} {'rule':28} value")
    for name, rule, value in field_rows(article):
        click.echo(f"{name:10} {rule or '-':28} {value}")
    warnings = warnings_for(article)
    click.echo("")
    click.echo(f"Warnings ({len(warnings)})" if warnings else "No warnings")
    for warning in warnings:
        click.echo(f"  - {warning}")
    if save_dir is not None:
        folder = save_case(save_dir, source, article, profile, force=force)
        click.echo(f"\nSaved {folder / 'page.html'} and {folder / 'case.json'}")
    if not article.title or not article.body_text:
        raise SystemExit(1)
