"""The real WordPress of the end-to-end tests: started once per session, stopped by process group.

Where Debian's packages are missing the tests skip, and the reason is printed (`-ra`).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils

from ..conftest import run_cli
from .content import populate
from .wordpress import WordPress, missing

CRAWL_SETTINGS = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
                  "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4", "-s", "LOG_LEVEL=WARNING")


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory):
    """(WordPress, Site): a real WordPress on 127.0.0.1, installed in French, filled through REST."""
    reason = missing()
    if reason:
        print(f"\nSKIP real-WordPress tests: {reason}", file=sys.stderr)
        pytest.skip(reason)
    started = time.monotonic()
    wp = WordPress(tmp_path_factory.mktemp("wordpress"))
    try:
        wp.start()
        site = populate(wp)
        wp.timings["populated"] = round(time.monotonic() - started, 2)
        print(f"\nreal WordPress at {wp.base_url}: {json.dumps(wp.timings)}", file=sys.stderr)
        yield wp, site
    finally:
        wp.stop()


def write_profile(folder: Path, name: str, base_url: str, rest: bool = True) -> Path:
    """A hand-written profile of the local WordPress (REST discovery on or off)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        f'name = "{name}"', 'title = "Réseau ESS local (WordPress de test)"', f'origin = "{base_url}"',
        'domains = ["127.0.0.1"]',
        "article_urls = ['^/\\d{4}/\\d{2}/[a-z0-9-]+/$']",
        "listing_urls = ['^/(page/\\d+/)?$', '^/category/[a-z0-9-]+/(page/\\d+/)?$']",
    ]
    lines.append('cms = "wordpress"' if rest else "# no cms: neither REST discovery nor WordPress rules asked")
    path = folder / f"{name}.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def crawl(name: str, db: Path, profile_dir: Path, *args: str) -> tuple[dict, float]:
    """Crawl one profile into `db` in a fresh process; (the crawl row with its stats, seconds)."""
    started = time.monotonic()
    result = run_cli("crawl", name, "--db", str(db), *CRAWL_SETTINGS, *args,
                     env={"ESS_PROFILE_DIRS": os.pathsep.join([str(profile_dir), os.environ.get(
                         "ESS_PROFILE_DIRS", "")]).rstrip(os.pathsep)})
    seconds = round(time.monotonic() - started, 2)
    assert result.returncode in (0, 2), result.stdout + result.stderr  # 2: coverage below a threshold
    db_ = sqlite_utils.Database(db)
    row = next(db_.query("select * from crawls where site = ? order by id desc limit 1", [name]))
    row["stats"] = json.loads(row["stats"] or "{}")
    row["output"] = result.stdout + result.stderr
    db_.close()
    return row, seconds
