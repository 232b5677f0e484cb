"""The click group with every command registered (the console script's entry point)."""

from ess_crawler.cli import add_site, archive_commands, crawling, extracting, publishing, scaling, serving  # noqa: F401  (they register)
from ess_crawler.cli.group import main

__all__ = ["main"]
