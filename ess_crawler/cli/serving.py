"""`ess-crawler serve`: the archive in Datasette, read-only, with the project's plugin."""

from __future__ import annotations

import subprocess
from pathlib import Path

import click

from ess_crawler.cli.group import main
from ess_crawler.datasette.config import datasette_command
from ess_crawler.store.archive import DEFAULT_DB


def serve_datasette(db: Path, host: str, port: int, immutable: bool = False) -> None:
    """Run Datasette on `db` until it stops or the user presses Ctrl-C."""
    cmd = datasette_command(db, host, port, immutable=immutable)
    click.echo(f"Datasette at http://{host}:{port}/{db.stem} (Ctrl-C to stop)")
    try:
        subprocess.run(cmd, check=False)
    except KeyboardInterrupt:
        pass


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
    serve_datasette(db, host, port, immutable)
