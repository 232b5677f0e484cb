"""`ess-crawler add-site URL`: probe an unknown site and write a draft profile for it."""

from __future__ import annotations

from pathlib import Path

import click

from ess_crawler.cli.group import main


@main.command(name="add-site")
@click.argument("url")
@click.option("--name", default=None, help="Profile name (default: from the host name, e.g. ess_france).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write [default: NAME.toml in the user's profile folder: the first "
                   "ESS_PROFILE_DIRS folder, else ~/.config/ess-crawler/profiles].")
@click.option("--base-url", default=None, help="Fetch from a mirror of the site at this URL instead.")
@click.option("--delay", default=1.0, show_default=True, help="Seconds between two requests.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def add_site(url: str, name: str | None, out: Path | None, base_url: str | None, delay: float, force: bool):
    """Probe URL (robots.txt, sitemaps, feeds, WordPress REST API), print what was found and three
    extracted articles with the rule behind each field, and write a commented draft profile."""
    from ess_crawler.profiles import user_profile_dir
    from ess_crawler.quality.add_site import probe, profile_toml, report_lines

    report = probe(url, name=name, base_url=base_url, delay=delay)
    for line in report_lines(report):
        click.echo(line)
    path = out or user_profile_dir() / f"{report.name}.toml"
    if path.exists() and not force:
        raise click.ClickException(f"{path} exists: choose another --out or add --force")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(profile_toml(report), encoding="utf-8")
    extracted = sum(1 for _, article, _ in report.samples if article is not None)
    click.echo("")
    click.echo(f"Wrote {path} ({extracted}/{len(report.samples)} sample articles extracted).")
    folder = path.resolve().parent
    click.echo(f"Crawl it with: ESS_PROFILE_DIRS={folder} ess-crawler crawl {report.name}"
               + (f" --base-url {base_url}" if base_url else ""))
