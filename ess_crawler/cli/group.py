"""The `ess-crawler` click group; modules of this package add their commands to it.

Every command is a `Command` that prints a `UserError` (bad input: a profile, a page,
an archive, an option) as one line and exits 1; so are a file that cannot be written
(`OSError`: a full disk, a read-only folder) and a database SQLite cannot read.
`ess-crawler -v COMMAND` or `ESS_DEBUG=1` shows the traceback instead.
"""

from __future__ import annotations

import errno
import os
import warnings

import click

from ess_crawler.errors import UserError
from ess_crawler.sqlite import sqlite3


def debugging(ctx: click.Context | None = None) -> bool:
    """True when the user asked for tracebacks (`-v` before the command, or ESS_DEBUG=1)."""
    if ctx is not None and ctx.meta.get("ess_crawler.verbose"):
        return True
    return os.environ.get("ESS_DEBUG", "") not in ("", "0")


def one_line(exc: BaseException) -> str:
    """What went wrong, on one line, naming the file when the error knows it."""
    if isinstance(exc, OSError):
        name = f"{exc.filename}: " if exc.filename else ""
        reason = exc.strerror or str(exc)
        if exc.errno == errno.ENOSPC:
            reason += ": free some space or choose another folder"
        elif exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
            reason += ": choose a folder you can write, or fix its permissions"
        return f"{name}{reason}"
    if isinstance(exc, sqlite3.DatabaseError):
        text = str(exc)
        if "disk is full" in text or "disk I/O" in text:
            return f"SQLite could not write ({text}): free some space, or write elsewhere"
        return f"SQLite could not read the database ({text}): is it an ess-crawler archive, whole and not corrupted?"
    return " ".join(str(exc).split())


def _show_warning(message, category, filename, lineno, file=None, line=None):
    """Warnings meant for the user (a skipped profile) as one `Warning: ...` line on stderr."""
    from ess_crawler.profiles import ProfileWarning

    if issubclass(category, ProfileWarning):
        click.echo(f"Warning: {message}", err=True)
    else:
        _default_show(message, category, filename, lineno, file, line)


_default_show = warnings.showwarning


class Command(click.Command):
    """A click command whose UserErrors are one clear line, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (UserError, OSError, sqlite3.DatabaseError) as exc:
            if debugging(ctx):
                raise
            raise click.ClickException(one_line(exc)) from None


class Group(click.Group):
    command_class = Command


@click.group(cls=Group)
@click.version_option(package_name="ess-crawler")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks of errors (as ESS_DEBUG=1 does).")
@click.pass_context
def main(ctx: click.Context, verbose: bool):
    """Crawl French ESS news sites into a SQLite archive and browse it with Datasette."""
    warnings.showwarning = _show_warning
    ctx.meta["ess_crawler.verbose"] = verbose
