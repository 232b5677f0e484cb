"""The `ess-crawler` command: one click group, one module per family of commands.

The only package that imports click. Each module adds its commands to `main`;
errors a user can fix (`ess_crawler.errors.UserError`) are printed on one line.
"""

from ess_crawler.cli.main import main

__all__ = ["main"]
