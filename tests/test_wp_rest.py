"""WordPress REST discovery: posts with categories and tags by name; quiet when the API is absent."""

import json
import shutil

import pytest
import sqlite_utils

from ess_crawler.demo.server import SAMPLES_DIR, SiteServer

from .conftest import run_cli

pytestmark = pytest.mark.slow
SITE = "mouvement_associatif"
ARTICLES = len(json.loads((SAMPLES_DIR / SITE / "expected.json").read_text(encoding="utf-8"))["articles"])


def crawl(tmp_path, folder):
    server = SiteServer(SITE, [folder]).start()
    db = tmp_path / "wp.db"
    try:
        result = run_cli("crawl", SITE, "--db", str(db), "--base-url", server.base_url,
                         "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=ERROR")
    finally:
        server.stop()
    assert result.returncode == 0, result.stdout + result.stderr
    return sqlite_utils.Database(db)


def test_posts_are_discovered_with_their_terms(tmp_path):
    db = crawl(tmp_path, SAMPLES_DIR / SITE)
    rows = list(db.query("select url, lastmod, details from discovered where source = 'wp-rest'"))
    archived = {r[0] for r in db.execute("select url from articles")}
    assert len(rows) == ARTICLES and {r["url"] for r in rows} <= archived
    details = [json.loads(r["details"]) for r in rows]
    assert all(d["wp_id"] and d["categories"] and all(isinstance(c, str) for c in d["categories"])
               for d in details)
    assert all(r["lastmod"].endswith("+00:00") for r in rows)


def test_a_site_without_the_api_is_crawled_without_it(tmp_path):
    folder = tmp_path / "site"
    shutil.copytree(SAMPLES_DIR / SITE, folder, ignore=shutil.ignore_patterns("wp-json"))
    db = crawl(tmp_path, folder)
    assert db.execute("select count(*) from discovered where source = 'wp-rest'").fetchone()[0] == 0
    assert db.execute("select count(*) from errors").fetchone()[0] == 0
    assert db.execute("select count(*) from articles").fetchone()[0] == ARTICLES
