"""ESS news crawler and archive: Scrapy spiders, pure extraction, SQLite + Datasette."""

__version__ = "0.1.0"
