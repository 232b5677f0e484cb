"""The `ess-crawler` command: demo, crawl, list, extract, serve, report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import click

from ess_crawler.archive import DEFAULT_DB, Archive

REPO_ARCHIVE_DIR = Path(__file__).resolve().parent.parent / "archive"
DEMO_DB = Path("archive") / "demo.db"


def datasette_dir() -> Path:
    """The Datasette configuration folder: $ESS_DATASETTE_DIR, ./archive, or the checkout's."""
    env = os.environ.get("ESS_DATASETTE_DIR")
    for candidate in (Path(env) if env else None, Path("archive"), REPO_ARCHIVE_DIR):
        if candidate is not None and (candidate / "metadata.yml").exists():
            return candidate
    raise click.ClickException("no Datasette configuration found (archive/metadata.yml); "
                               "run from the project folder or set ESS_DATASETTE_DIR")


def datasette_command(db: Path, host: str, port: int, config_dir: Path | None = None,
                      immutable: bool = False) -> list[str]:
    """The `datasette serve` command line for `db` with the project's metadata, templates, plugins.

    Read-only either way: by default Datasette reads through `mode=ro` connections, which follow
    what a running crawl writes (WAL); `immutable` is for an archive nothing writes any more
    (SQLite then skips locking, and would misread a file that changes under it).
    """
    config_dir = config_dir or datasette_dir()
    cmd = [sys.executable, "-m", "datasette", "serve", *(["--immutable"] if immutable else []), str(db),
           "--metadata", str(config_dir / "metadata.yml"),
           "--host", host, "--port", str(port),
           "--setting", "sql_time_limit_ms", "3000",
           "--setting", "default_page_size", "50",
           # suggested facets cost seconds per table page on a large archive
           "--setting", "suggest_facets", "off",
           # the keyword facet of a common word's matches takes ~0.2 s on 200,000 articles: shown, not dropped
           "--setting", "facet_time_limit_ms", "500"]
    for sub, flag in (("templates", "--template-dir"), ("plugins", "--plugins-dir"),
                      ("static", "--static")):
        if (config_dir / sub).is_dir():
            cmd += [flag, str(config_dir / sub)] if sub != "static" else [flag, f"static:{config_dir / sub}"]
    return cmd


def _serve(db: Path, host: str, port: int, immutable: bool = False) -> None:
    cmd = datasette_command(db, host, port, immutable=immutable)
    click.echo(f"Datasette at http://{host}:{port}/{db.stem} (Ctrl-C to stop)")
    try:
        subprocess.run(cmd, check=False)
    except KeyboardInterrupt:
        pass


def _coverage_failures(db: Path, crawls: list[dict]) -> list[str]:
    """Messages for the fields whose coverage fell below their threshold in these crawls."""
    from ess_crawler.coverage import coverage_message

    if not crawls:
        return []
    archive = Archive(db)
    try:
        marks = ",".join("?" * len(crawls))
        rows = archive.db.query(f"select * from coverage where crawl_id in ({marks}) and ok = 0 order by id",
                                [c["id"] for c in crawls])
        return [coverage_message(row) for row in rows]
    finally:
        archive.close()


def _print_summary(db: Path, crawls: list[dict]) -> None:
    archive = Archive(db)
    try:
        summary = archive.summary()
        per_site = list(archive.db.query(
            "select site, count(*) as articles, sum(published is not null) as dated "
            "from articles group by site order by site"))
        errors = list(archive.db.query(
            "select kind, count(*) as n from errors group by kind order by n desc"))
        marks = ",".join("?" * len(crawls))
        coverage = list(archive.db.query(
            f"select site, field, share from coverage where crawl_id in ({marks}) order by site, id",
            [c["id"] for c in crawls])) if crawls else []
    finally:
        archive.close()
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
    for message in _coverage_failures(db, crawls):
        click.echo("  " + message, err=True)


@click.group()
@click.version_option(package_name="ess-crawler")
def main():
    """Crawl French ESS news sites into a SQLite archive and browse it with Datasette."""


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
    from ess_crawler.crawling import run_spiders
    from ess_crawler.sample_server import sample_sites, serve_samples
    from ess_crawler.sites import load_profiles

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
    _print_summary(db, crawls)
    from ess_crawler.syndication import syndicate

    counts = syndicate(db)
    click.echo(f"  republished: {counts['articles']} articles in {counts['groups']} group(s) "
               f"({counts['cross_site_groups']} across sites) — table syndication")
    if any(c["status"] == "failed" for c in crawls):
        raise SystemExit(1)
    if serve:
        _serve(db, "127.0.0.1", port)


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
    from ess_crawler.crawling import run_spiders
    from ess_crawler.sites import ProfileError, get_profile

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
    _print_summary(db, crawls)
    if not crawls or any(c["status"] != "finished" for c in crawls):
        raise SystemExit(1)
    if _coverage_failures(db, crawls):
        raise SystemExit(2)


@main.command(name="list")
def list_sites():
    """List the site profiles (the spiders)."""
    from ess_crawler.sites import load_profiles

    for profile in load_profiles().values():
        click.echo(f"{profile.name:24} {profile.origin:45} {profile.cms or '-':10} {profile.title}")


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--url", default=None, help="URL the page was fetched from (default: file://...).")
@click.option("--site", default=None, help="Use this site profile.")
@click.option("--explain", is_flag=True, help="Print each field with the rule that produced it.")
def extract(file: Path, url: str | None, site: str | None, explain: bool):
    """Extract the article from a saved HTML page and print it as JSON."""
    from ess_crawler.extract import ExtractionError, extract_article
    from ess_crawler.sites import ProfileError, get_profile

    try:
        profile = get_profile(site) if site else None
    except ProfileError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        article = extract_article(file.read_bytes(), url or file.resolve().as_uri(), profile)
    except ExtractionError as exc:
        raise click.ClickException(str(exc)) from None
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
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=DEFAULT_DB,
              show_default=True, help="SQLite archive to serve.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind. Keep 127.0.0.1; to publish, see README 'Publishing'.")
@click.option("--port", default=8001, show_default=True, help="Port.")
@click.option("--immutable", is_flag=True,
              help="The archive will not change while served (no crawl writing): SQLite skips locking. "
                   "Without it, pages follow what a running crawl writes.")
def serve(db: Path, host: str, port: int, immutable: bool):
    """Browse an archive in Datasette (read-only), with the project's metadata and templates."""
    _serve(db, host, port, immutable)


@main.command()
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=DEFAULT_DB,
              show_default=True, help="SQLite archive.")
@click.option("--site", default=None, help="Only this site.")
def audit(db: Path, site: str | None):
    """Completeness: what each site lists (sitemaps, feeds) against what the archive holds."""
    from ess_crawler.audit import audit as run_audit

    archive = Archive(db)
    try:
        results = run_audit(archive, site)
    finally:
        archive.close()
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
    archive = Archive(db)
    try:
        crawls = list(archive.db.query("select * from crawls order by id desc limit ?", [limit]))
    finally:
        archive.close()
    _print_summary(db, list(reversed(crawls)))


from ess_crawler.check import check  # noqa: E402
from ess_crawler.publish import publish  # noqa: E402
from ess_crawler.syndication import syndicate_command  # noqa: E402

main.add_command(check)
main.add_command(publish)
main.add_command(syndicate_command)


if __name__ == "__main__":
    main()
