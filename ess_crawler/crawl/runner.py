"""Run spiders in this process (what `ess-crawler crawl` and `ess-crawler demo` call).

`run_spiders` starts one Scrapy CrawlerProcess for the given spiders, each with
its own spider arguments, and returns the `crawls` rows the run wrote.
"""

from __future__ import annotations

import os
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

from ess_crawler.store.archive import Archive


def project_settings(db_path: str | Path | None = None, overrides: dict | None = None):
    """The project's Scrapy settings, wherever the command is run from."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "ess_crawler.settings")
    settings = get_project_settings()
    if db_path is not None:
        settings.set("ESS_DB_PATH", str(db_path), priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_spiders(jobs: list[tuple[str, dict]], db_path: str | Path, overrides: dict | None = None) -> list[dict]:
    """Crawl each (spider name, spider kwargs) into `db_path`; returns the new `crawls` rows."""
    with Archive(db_path) as archive:
        last_id = archive.last_crawl_id()
    process = CrawlerProcess(project_settings(db_path, overrides))
    for name, kwargs in jobs:
        process.crawl(name, **kwargs)
    process.start()
    with Archive(db_path) as archive:
        return archive.crawls_after(last_id)
