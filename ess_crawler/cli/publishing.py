"""`ess-crawler publish`: a versioned, citable release folder of an archive."""

from __future__ import annotations

from pathlib import Path

import click

from ess_crawler.cli.group import main
from ess_crawler.cli.preflight import MIN_FREE_BYTES, readable_archive, room_for
from ess_crawler.publish import CONTENT_MODES, DEFAULT_EXCERPT_WORDS, publish_archive
from ess_crawler.store.archive import DEFAULT_DB


@main.command()
@click.option("--db", type=click.Path(path_type=Path), default=DEFAULT_DB,
              show_default=True, help="SQLite archive to publish (only read).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Release folder to create.")
@click.option("--content", type=click.Choice(CONTENT_MODES), default="full", show_default=True,
              help="full texts; excerpt: lead and first words of the body; metadata: no texts.")
@click.option("--excerpt-words", type=click.IntRange(1), default=DEFAULT_EXCERPT_WORDS, show_default=True,
              help="Words of the body kept in excerpt mode.")
@click.option("--version", "version", default=None,
              help="Release version (default: the created date as YYYY.M.D).")
@click.option("--created", default=None,
              help="Release date, ISO 8601 (default: end of the archive's last crawl).")
@click.option("--force", is_flag=True, help="Replace an existing release folder.")
def publish(db: Path, out: Path, content: str, excerpt_words: int, version: str | None, created: str | None,
            force: bool):
    """Publish the archive as a versioned dataset folder (SQLite, CSV, JSON Lines, data package, data card)."""
    readable_archive(db).close()  # one clear line for a file that is not an archive
    # the release holds a copy of the database and its exports: about twice its size
    room_for(out, max(MIN_FREE_BYTES, 2 * db.stat().st_size), "--out")
    release = publish_archive(db, out, content, excerpt_words, version, created, force)
    click.echo(f"Release {release.version} ({release.content}, created {release.created}) in {release.path}")
    for table, n in release.counts.items():
        click.echo(f"  {table}: {n} rows")
    click.echo(f"Took {sum(release.timings.values()):.1f} s: "
               + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in release.timings.items()))
    click.echo(f"Check: (cd {release.path} && sha256sum -c SHA256SUMS); serve: datasette {release.path}")
