"""The `ess-crawler` click group; modules of this package add their commands to it.

Every command is a `Command` that prints a `UserError` (bad input: a profile, a page,
an archive, an option) as one line and exits 1; `ESS_DEBUG=1` shows the traceback.
"""

from __future__ import annotations

import os

import click

from ess_crawler.errors import UserError


class Command(click.Command):
    """A click command whose UserErrors are one clear line, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            if os.environ.get("ESS_DEBUG"):
                raise
            raise click.ClickException(str(exc)) from None


class Group(click.Group):
    command_class = Command


@click.group(cls=Group)
@click.version_option(package_name="ess-crawler")
def main():
    """Crawl French ESS news sites into a SQLite archive and browse it with Datasette."""
