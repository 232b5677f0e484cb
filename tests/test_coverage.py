"""Field coverage: a template change on a site makes the crawl exit non-zero, naming the field."""

import re
import shutil

import pytest
import sqlite_utils

from ess_crawler.demo.server import SAMPLES_DIR, SiteServer

from .conftest import free_port, run_cli

pytestmark = pytest.mark.slow

CHAPO_RE = re.compile(r'<div class="clearfix text-formatted field field--name-field-chapo[^"]*">(.*?)</div>', re.S)
BODY_RE = re.compile(r'(<div class="clearfix text-formatted field field--name-body[^"]*">)')


def redesigned_chorum(folder):
    """chorum's samples after a redesign that merged the chapô into the body."""
    shutil.copytree(SAMPLES_DIR / "chorum", folder)
    changed = 0
    for page in (folder / "actualite").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        chapo = CHAPO_RE.search(html)
        if chapo:
            lead = chapo.group(1)
            html = BODY_RE.sub(lambda m, lead=lead: m.group(1) + lead, CHAPO_RE.sub("", html, count=1), count=1)
            page.write_text(html, encoding="utf-8")
            changed += 1
    assert changed >= 12
    return folder


def crawl(db, base_url):
    return run_cli("crawl", "chorum", "--db", str(db), "--base-url", base_url, "--full",
                   "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=ERROR")


def test_a_template_change_fails_the_crawl_and_names_the_field(tmp_path):
    db = tmp_path / "archive.db"
    good = SiteServer("chorum", [SAMPLES_DIR / "chorum"]).start()
    try:
        first = crawl(db, good.base_url)
    finally:
        good.stop()
    assert first.returncode == 0, first.stdout + first.stderr
    assert "coverage chorum: " in first.stdout and "lead 100%" in first.stdout

    changed = SiteServer("chorum", [redesigned_chorum(tmp_path / "chorum-v2")]).start()
    try:
        second = crawl(db, changed.base_url)
    finally:
        changed.stop()
    assert second.returncode == 2, second.stdout + second.stderr
    assert "coverage: chorum has lead on 0% of 14 articles (threshold 90%, previous crawl 100%)" in second.stderr
    rows = list(sqlite_utils.Database(db).query(
        "select field, share, previous_share, ok from coverage where crawl_id = 2 and ok = 0"))
    assert [(r["field"], r["share"], r["previous_share"]) for r in rows] == [("lead", 0.0, 1.0)]


def test_a_crawl_that_archived_nothing_says_so_once_not_per_field(tmp_path):
    db = tmp_path / "archive.db"
    result = crawl(db, f"http://127.0.0.1:{free_port()}")  # nothing listens there
    assert result.returncode != 0, result.stdout + result.stderr
    assert "coverage chorum: no article archived" in result.stdout
    said = [line for line in result.stderr.splitlines() if "coverage: chorum" in line]
    assert said and all("has no article in this crawl" in line for line in said), result.stderr
    assert "of 0 articles" not in result.stdout + result.stderr
    report = run_cli("report", "--db", str(db))
    assert "coverage chorum: no article archived" in report.stdout
    assert [line for line in report.stderr.splitlines() if "coverage:" in line] == \
        ["  coverage: chorum has no article in this crawl, so no field reaches its threshold"]
