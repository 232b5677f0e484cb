"""Commands for crawling at scale: `reextract`, `merge`, `serve-samples`."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import click

from ess_crawler.cli.group import main
from ess_crawler.errors import UserError


@main.command()
@click.option("--db", type=click.Path(path_type=Path), required=True, help="Archive to re-derive.")
@click.option("--site", default=None, help="Only this site's articles.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes [default: one per core].")
@click.option("--warc-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the WARC files [default: warc/ beside the archive, else the crawls' own].")
def reextract(db: Path, site: str | None, workers: int | None, warc_dir: Path | None):
    """Re-derive every article from its WARC capture with the current extractor (no fetching).

    An article whose fields change gets a revision with reason "extractor changed";
    with the same extractor nothing changes."""
    from ess_crawler.cli.preflight import readable_archive
    from ess_crawler.crawl.reextract import print_progress
    from ess_crawler.crawl.reextract import reextract as run

    with readable_archive(db):
        pass  # the read-only commands' one-line error for a file that is not an archive, before any write
    if site is not None:
        from ess_crawler.profiles import get_profile

        get_profile(site)
    outcome = run(db, site=site, workers=workers, warc_dir=warc_dir, progress=print_progress)
    click.echo(f"\nre-extracted {outcome.articles} articles in {outcome.seconds:.2f} s: {outcome.changed} changed "
               f"(revision reason \"extractor changed\"), {outcome.unchanged} unchanged, {outcome.failed} failed")
    if outcome.changed_fields:
        click.echo("  fields changed: " + ", ".join(f"{k} {v}" for k, v in sorted(outcome.changed_fields.items())))
    for url, reason in outcome.failures[:10]:
        click.echo(f"  failed: {url}: {reason}", err=True)
    if outcome.failed:
        raise SystemExit(1)


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--into", "target", type=click.Path(path_type=Path), required=True,
              help="Archive to merge into (created when missing).")
@click.option("--copy-warc/--no-copy-warc", default=True, show_default=True,
              help="Copy the sources' WARC files beside the target, so its captures' WARC references resolve.")
def merge(sources: tuple[Path, ...], target: Path, copy_warc: bool):
    """Merge archives written by several nodes into one, idempotently.

    The same article from two nodes is one row (its versions in time order, the
    others in revisions); crawls, captures (with their WARC references), errors and
    discovery records are kept. Merging the same archive again changes nothing."""
    from ess_crawler.cli.preflight import readable_archive, writable_archive
    from ess_crawler.store.merge import merge_archives

    for source in sources:
        if source.resolve() == target.resolve():
            raise UserError(f"{source} is the target archive itself")
        with readable_archive(source, option=""):
            pass  # every source checked before the target is touched
    writable_archive(target, option="--into")
    counts = merge_archives(list(sources), target, copy_warc=copy_warc, progress=click.echo)
    click.echo(f"merged {len(sources)} archive(s) into {target}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


@main.command(name="serve-samples")
@click.option("--port", default=8100, show_default=True, type=click.IntRange(0, 65535),
              help="Port of the first site; the others follow (0: any free ports).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--site", "sites", multiple=True, help="Only these sample sites (default: all).")
@click.option("--edition", default=1, show_default=True, type=click.IntRange(1, 2),
              help="Edition of the sample sites (2: the same sites later).")
def serve_samples(port: int, host: str, sites: tuple[str, ...], edition: int):
    """Serve every bundled sample site, each on its own port, printing `NAME URL` per site until stopped.

    Crawl them with any tool: `scrapy crawl NAME -a base_url=URL`."""
    from ess_crawler.demo.server import sample_server, sample_sites

    available = sample_sites()
    names = list(sites) or available
    unknown = sorted(set(names) - set(available))
    if unknown:
        raise UserError(f"no sample site {', '.join(unknown)}; known: {', '.join(available)}")
    servers = []
    stop = threading.Event()
    try:
        for i, name in enumerate(names):
            try:
                server = sample_server(name, edition, host=host, port=port + i if port else 0).start()
            except OSError as exc:
                raise UserError(f"cannot serve {name} on {host}:{port + i if port else 0}: {exc.strerror or exc}; "
                                "choose another --port") from None
            servers.append(server)
        for server in servers:
            click.echo(f"{server.name} {server.base_url}")
        import sys

        sys.stdout.flush()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
        while not stop.wait(3600):
            pass
    finally:
        for server in servers:
            server.stop()
