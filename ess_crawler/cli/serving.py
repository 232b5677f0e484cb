"""`ess-crawler serve`: the archive in Datasette, read-only, with the project's plugin.

Datasette runs in this process (uvicorn), on a socket bound before anything is
printed: a busy port, a bad port or a bad archive is an error and exit status 1, the
URL printed is always Datasette's own, and stopping the command (Ctrl-C, SIGTERM)
stops Datasette with it.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
from pathlib import Path

import click

from ess_crawler.cli.group import main
from ess_crawler.cli.preflight import listening_socket, readable_archive
from ess_crawler.errors import UserError
from ess_crawler.store.archive import DEFAULT_DB

PORT = click.IntRange(1, 65535)


class ServeError(UserError):
    """Datasette could not start on the archive."""


def serve_datasette(db: Path, host: str, port: int, immutable: bool = False) -> None:
    """Run Datasette on `db` until the user stops it (Ctrl-C, SIGTERM); errors are ServeError/UserError."""
    import uvicorn

    from ess_crawler.datasette.config import datasette_app

    readable_archive(db).close()
    sock = listening_socket(host, port)
    try:
        ds = datasette_app(db, immutable=immutable)
        try:
            asyncio.run(_startup(ds))
        except Exception as exc:  # a plugin or the database refusing to start
            raise ServeError(f"Datasette could not start on {db}: {exc}") from exc
        url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/{db.stem}"

        class Server(uvicorn.Server):
            async def startup(self, sockets=None):
                await super().startup(sockets=sockets)
                if self.started and not self.should_exit:
                    click.echo(f"Datasette at {url} (Ctrl-C to stop)")
                    sys.stdout.flush()  # seen at once by whoever waits for it in a pipe or a log

        server = Server(uvicorn.Config(ds.app(), log_level="warning", lifespan="on", access_log=False))
        # a crawl before (the demo) leaves Scrapy's handlers: stopping must stop this server, as a user expects
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            server.run(sockets=[sock])
        except KeyboardInterrupt:
            return
        if not server.started:
            raise ServeError(f"Datasette did not start on {host}:{port}")
    finally:
        sock.close()


async def _startup(ds) -> None:
    await ds.invoke_startup()
    for database in ds.databases.values():
        if not database.is_memory:
            await database.execute("select count(*) from sqlite_master")


@main.command()
@click.option("--db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True,
              help="SQLite archive to serve.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind. Keep 127.0.0.1; to publish, see README 'Publishing'.")
@click.option("--port", default=8001, show_default=True, type=PORT, help="Port.")
@click.option("--immutable", is_flag=True,
              help="The archive will not change while served (no crawl writing): SQLite skips locking. "
                   "Without it, pages follow what a running crawl writes.")
def serve(db: Path, host: str, port: int, immutable: bool):
    """Browse an archive in Datasette (read-only), with the project's metadata and templates."""
    serve_datasette(db, host, port, immutable)
