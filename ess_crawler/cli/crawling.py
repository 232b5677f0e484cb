"""Commands that crawl: `demo`, `crawl`, `list`."""

from __future__ import annotations

from pathlib import Path

import click

from ess_crawler.cli.group import main
from ess_crawler.cli.serving import serve_datasette
from ess_crawler.cli.summary import coverage_failures, print_summary
from ess_crawler.store.archive import DEFAULT_DB

DEMO_DB = Path("archive") / "demo.db"


@main.command()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=DEMO_DB, show_default=True,
              help="SQLite archive to write.")
@click.option("--serve/--no-serve", default=True, help="Start Datasette on the archive after the crawl.")
@click.option("--port", default=8001, show_default=True, help="Datasette port.")
@click.option("--site", "sites", multiple=True, help="Only these sample sites (default: all).")
@click.option("--edition", default=1, show_default=True,
              help="Edition of the sample sites: 2 is the same sites later (edits, new and removed articles).")
@click.option("--full", is_flag=True, help="Fetch every article again instead of an incremental re-crawl.")
def demo(db: Path, serve: bool, port: int, sites: tuple[str, ...], edition: int, full: bool):
    """Offline demo: serve the bundled sample sites locally, crawl them with the real spiders, browse."""
    from ess_crawler.crawl.runner import run_spiders
    from ess_crawler.demo.server import sample_sites, serve_samples
    from ess_crawler.profiles import load_profiles
    from ess_crawler.syndication import syndicate

    available = [name for name in sample_sites() if name in load_profiles()]
    names = list(sites) or available
    unknown = set(names) - set(available)
    if unknown:
        raise click.ClickException(f"no sample site {sorted(unknown)}; known: {available}")
    servers = serve_samples(names, edition=edition)
    try:
        click.echo("Sample sites: " + ", ".join(f"{n} at {s.base_url}" for n, s in servers.items()))
        # the sample servers are ours and local: no need to wait between requests
        crawls = run_spiders([(n, {"base_url": s.base_url}) for n, s in servers.items()], db, {
            "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "WARNING",
            "CONCURRENT_REQUESTS_PER_DOMAIN": 8, "ESS_FULL_CRAWL": full,
        })
    finally:
        for server in servers.values():
            server.stop()
    print_summary(db, crawls)
    counts = syndicate(db)
    click.echo(f"  republished: {counts['articles']} articles in {counts['groups']} group(s) "
               f"({counts['cross_site_groups']} across sites) — table syndication")
    if any(c["status"] == "failed" for c in crawls):
        raise SystemExit(1)
    if serve:
        serve_datasette(db, "127.0.0.1", port)


@main.command()
@click.argument("sites", nargs=-1, required=True)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True,
              help="SQLite archive to write.")
@click.option("--base-url", default=None, help="Fetch from a mirror of the site at this URL instead.")
@click.option("--full", is_flag=True, help="Fetch every article again instead of an incremental re-crawl.")
@click.option("--warc-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the WARC files [default: warc/ beside the database].")
@click.option("--no-warc", is_flag=True, help="Do not keep raw responses as WARC.")
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="Scrapy setting, as with `scrapy crawl -s`.")
def crawl(sites: tuple[str, ...], db: Path, base_url: str | None, full: bool, warc_dir: Path | None,
          no_warc: bool, settings: tuple[str, ...]):
    """Crawl one or more sites by profile name (same as `scrapy crawl NAME`).

    Re-crawls are incremental: unchanged articles are asked with conditional requests
    or skipped by their sitemap date. Exits non-zero when a run did not finish."""
    from ess_crawler.crawl.runner import run_spiders
    from ess_crawler.profiles import ProfileError, get_profile

    for name in sites:
        try:
            get_profile(name)
        except ProfileError as exc:
            raise click.ClickException(str(exc)) from None
    overrides = {}
    for item in settings:
        if "=" not in item:
            raise click.ClickException(f"setting {item!r} is not NAME=VALUE")
        key, value = item.split("=", 1)
        overrides[key] = value
    overrides["ESS_FULL_CRAWL"] = full
    if no_warc:
        overrides["ESS_WARC_ENABLED"] = False
    if warc_dir is not None:
        overrides["ESS_WARC_DIR"] = str(warc_dir)
    kwargs = {"base_url": base_url} if base_url else {}
    crawls = run_spiders([(name, kwargs) for name in sites], db, overrides)
    print_summary(db, crawls)
    if not crawls or any(c["status"] != "finished" for c in crawls):
        raise SystemExit(1)
    if coverage_failures(db, crawls):
        raise SystemExit(2)


@main.command(name="list")
def list_sites():
    """List the site profiles (the spiders)."""
    from ess_crawler.profiles import load_profiles

    for profile in load_profiles().values():
        click.echo(f"{profile.name:24} {profile.origin:45} {profile.cms or '-':10} {profile.title}")
