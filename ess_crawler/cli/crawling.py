"""Commands that crawl: `demo`, `crawl`, `list`."""

from __future__ import annotations

from pathlib import Path

import click

from ess_crawler.cli.group import main
from ess_crawler.cli.preflight import listening_socket, writable_archive
from ess_crawler.cli.serving import PORT, serve_datasette
from ess_crawler.cli.summary import coverage_failures, print_summary
from ess_crawler.errors import UserError
from ess_crawler.store.archive import DEFAULT_DB

DEMO_DB = Path("archive") / "demo.db"


class OptionError(UserError):
    """An option's value is not one the command can use."""


def sample_editions() -> list[int]:
    """The editions of the sample sites: 1, and each `editionN` folder beside them."""
    from ess_crawler.demo.server import SAMPLES_DIR

    found = {1}
    for folder in SAMPLES_DIR.glob("edition*"):
        suffix = folder.name.removeprefix("edition")
        if folder.is_dir() and suffix.isdigit():
            found.add(int(suffix))
    return sorted(found)


def _setting_value(name: str, text: str, default):
    """`text` as the type of the setting's default (as `scrapy crawl -s` would read it), or an OptionError."""
    def fail(expected: str):
        raise OptionError(f"setting {name}={text!r}: expected {expected}")

    if isinstance(default, bool):
        if text.strip().lower() in ("1", "true", "yes", "on"):
            return True
        if text.strip().lower() in ("0", "false", "no", "off"):
            return False
        fail("True or False")
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            fail("a whole number")
    if isinstance(default, float):
        try:
            return float(text)
        except ValueError:
            fail("a number")
    if isinstance(default, (list, tuple)):
        import json

        try:
            value = json.loads(text)
        except ValueError:
            return [part.strip() for part in text.split(",") if part.strip()]
        if not isinstance(value, list):
            fail("a list (comma-separated, or JSON)")
        return value
    if isinstance(default, dict) or hasattr(default, "copy_to_dict"):
        import json

        try:
            value = json.loads(text)
        except ValueError:
            fail("a JSON object")
        if not isinstance(value, dict):
            fail("a JSON object")
        return value
    return text


def parse_settings(items: tuple[str, ...]) -> dict:
    """`-s NAME=VALUE` options checked against the types of Scrapy's and the project's defaults."""
    from ess_crawler.crawl.runner import project_settings

    defaults = project_settings()
    overrides = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise OptionError(f"setting {item!r} is not NAME=VALUE")
        key = key.strip()
        overrides[key] = _setting_value(key, value, defaults.get(key))
    return overrides


def check_base_url(base_url: str | None) -> None:
    """A mirror's URL must be absolute http(s), as http://127.0.0.1:8000."""
    from urllib.parse import urlsplit

    if base_url is None:
        return
    parts = urlsplit(base_url)
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise OptionError(f"--base-url {base_url!r} has a bad port") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OptionError(f"--base-url {base_url!r} is not an http(s) URL such as http://127.0.0.1:8000")


@main.command()
@click.option("--db", type=click.Path(path_type=Path), default=DEMO_DB, show_default=True,
              help="SQLite archive to write.")
@click.option("--serve/--no-serve", default=True, help="Start Datasette on the archive after the crawl.")
@click.option("--port", default=8001, show_default=True, type=PORT, help="Datasette port.")
@click.option("--site", "sites", multiple=True, help="Only these sample sites (default: all).")
@click.option("--edition", default=1, show_default=True, type=int,
              help="Edition of the sample sites: 2 is the same sites later (edits, new and removed articles).")
@click.option("--full", is_flag=True, help="Fetch every article again instead of an incremental re-crawl.")
def demo(db: Path, serve: bool, port: int, sites: tuple[str, ...], edition: int, full: bool):
    """Offline demo: serve the bundled sample sites locally, crawl them with the real spiders, browse."""
    from ess_crawler.crawl.runner import run_spiders
    from ess_crawler.demo.server import sample_sites, serve_samples
    from ess_crawler.profiles import load_profiles
    from ess_crawler.syndication import syndicate

    editions = sample_editions()
    if edition not in editions:
        raise OptionError(f"--edition {edition}: the sample sites have edition(s) {', '.join(map(str, editions))}")
    available = [name for name in sample_sites() if name in load_profiles()]
    names = list(sites) or available
    unknown = set(names) - set(available)
    if unknown:
        raise OptionError(f"no sample site {', '.join(sorted(unknown))}; known: {', '.join(available)}")
    writable_archive(db)
    if serve:  # a busy port is said now, not after the crawl
        listening_socket("127.0.0.1", port).close()
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
@click.option("--db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True,
              help="SQLite archive to write.")
@click.option("--base-url", default=None, help="Fetch from a mirror of the site at this URL instead.")
@click.option("--full", is_flag=True, help="Fetch every article again instead of an incremental re-crawl.")
@click.option("--warc-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the WARC files [default: warc/ beside the database].")
@click.option("--no-warc", is_flag=True, help="Do not keep raw responses as WARC.")
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="Scrapy setting, as with `scrapy crawl -s`.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's own log (start-up, INFO lines, final stats).")
def crawl(sites: tuple[str, ...], db: Path, base_url: str | None, full: bool, warc_dir: Path | None,
          no_warc: bool, settings: tuple[str, ...], verbose: bool = False):
    """Crawl one or more sites by profile name (same as `scrapy crawl NAME`).

    Re-crawls are incremental: unchanged articles are asked with conditional requests
    or skipped by their sitemap date. Exits non-zero when a run did not finish."""
    from ess_crawler.crawl.runner import run_spiders
    from ess_crawler.profiles import get_profile, scan_profiles

    known = scan_profiles()[0]  # read once: get_profile reads every file again
    for name in sites:
        if name not in known:
            get_profile(name)  # the error naming the broken file, or the known profiles
    check_base_url(base_url)
    overrides = parse_settings(settings)
    writable_archive(db)
    overrides["ESS_FULL_CRAWL"] = full
    if not verbose:  # a progress line per site instead of Scrapy's start-up INFO lines
        overrides.setdefault("LOG_LEVEL", "WARNING")
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
    """List the site profiles (the spiders); a broken profile file is named with what is wrong (exit 1)."""
    from ess_crawler.profiles import scan_profiles

    profiles, broken = scan_profiles()
    for profile in profiles.values():
        click.echo(f"{profile.name:24} {profile.origin:45} {profile.cms or '-':10} {profile.title}")
    for exc in broken.values():
        click.echo(f"Error: {exc}", err=True)
    if broken:
        raise SystemExit(1)
