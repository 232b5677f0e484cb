"""The names every part of a release shares, and the error publishing raises.

The Datasette database name and its file, the data package's name, the project's
address (cited in the data card and the data package), and `PublishError`.
"""

from __future__ import annotations

from ess_crawler.errors import UserError

DB_NAME = "ess"
DB_FILE = f"{DB_NAME}.db"
PACKAGE_NAME = "ess-news-archive"
PROJECT_URL = "https://github.com/ess-archive/ess-crawler"


class PublishError(UserError):
    """An archive, a release folder or an option that publish cannot work with."""
