"""Issue 15, defects 5, 7 and 15: Scrapy's exports hold articles only; a dead or wrong mirror
is a failed crawl that marks nothing gone; a progress line per site, the crawls row live."""

import csv
import json
import subprocess
import sys
import time

import pytest
import sqlite_utils

from ess_crawler.crawl.progress import progress_line
from ess_crawler.demo.server import serve_samples

from .conftest import ROOT, free_port, run_cli

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]


@pytest.fixture(scope="module")
def servers():
    started = serve_samples(["fonda", "chorum"])
    yield {name: s.base_url for name, s in started.items()}
    for server in started.values():
        server.stop()


def test_progress_line_counts_articles_not_records():
    stats = {"ess/pages": 30, "ess/articles_new": 8, "ess/articles_unchanged": 2, "ess/errors": 1,
             "ess/listed_articles": 20, "ess/status": "finished"}
    line = progress_line("fonda", stats, 10.0)
    assert line == ("fonda: finished, 30 pages, articles 8 new / 0 updated / 2 unchanged, 1 error, "
                    "3.0 pages/s, 50% of 20 listed")


@pytest.mark.slow
def test_scrapy_feed_exports_hold_complete_articles_only(servers, tmp_path):
    db = tmp_path / "a.db"
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "fonda", "-a", f"base_url={servers['fonda']}",
         "-s", f"ESS_DB_PATH={db}", "-s", "LOG_LEVEL=WARNING", *FAST,
         "-O", str(tmp_path / "out.jsonl"), "-O", str(tmp_path / "out.csv")],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    archived = {r["url"] for r in sqlite_utils.Database(db).query("select url from articles")}
    assert len(lines) == len(archived) > 0
    for line in lines:
        article = json.loads(line)
        assert article["title"] and article["body_text"] and article["url"] in archived
        assert article["site"] == "fonda"
    with open(tmp_path / "out.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(archived) and all(r["title"] and r["body_text"] for r in rows)
    # the discovery records still reached the archive, by the signal
    assert sqlite_utils.Database(db).execute("select count(*) from discovered").fetchone()[0] > 0


@pytest.mark.slow
def test_a_dead_mirror_is_a_failed_crawl(tmp_path):
    db = tmp_path / "a.db"
    result = run_cli("crawl", "fonda", "--db", str(db), "--base-url", f"http://127.0.0.1:{free_port()}",
                     "-s", "RETRY_TIMES=0", *FAST)
    assert result.returncode == 1
    crawl = next(sqlite_utils.Database(db).query("select * from crawls"))
    assert crawl["status"] == "failed" and crawl["pages_fetched"] == 0
    assert "answered nothing" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.slow
def test_another_sites_server_marks_nothing_gone(servers, tmp_path):
    db = tmp_path / "a.db"
    first = run_cli("crawl", "fonda", "--db", str(db), "--base-url", servers["fonda"], *FAST)
    assert first.returncode == 0, first.stdout + first.stderr
    wrong = run_cli("crawl", "fonda", "--db", str(db), "--base-url", servers["chorum"], *FAST)
    assert wrong.returncode == 1
    archive = sqlite_utils.Database(db)
    assert archive.execute("select count(*) from articles where gone_since is not null").fetchone()[0] == 0
    assert [r[0] for r in archive.execute("select status from crawls order by id")] == ["finished", "failed"]
    assert "not marked gone" in wrong.stderr


@pytest.mark.slow
def test_a_default_crawl_prints_progress_and_summary_in_under_40_lines(servers, tmp_path):
    result = run_cli("crawl", "fonda", "--db", str(tmp_path / "a.db"), "--base-url", servers["fonda"], *FAST)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    assert len(lines) < 40, lines
    assert any(line.startswith("fonda: finished, ") and " new / " in line for line in lines)
    assert not [line for line in lines if "[scrapy" in line]
    verbose = run_cli("crawl", "fonda", "--db", str(tmp_path / "b.db"), "--base-url", servers["fonda"],
                      "-v", *FAST)
    assert "Spider opened" in verbose.stderr


@pytest.mark.slow
def test_the_crawls_row_shows_a_running_crawl(servers, tmp_path):
    db = tmp_path / "a.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ess_crawler.cli", "crawl", "fonda", "--db", str(db), "--base-url",
         servers["fonda"], "-s", "DOWNLOAD_DELAY=0.4", "-s", "AUTOTHROTTLE_ENABLED=False",
         "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "ESS_PROGRESS_INTERVAL=0.3"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = []
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if db.exists():
                try:
                    rows = list(sqlite_utils.Database(db).query("select status, pages_fetched, articles_new "
                                                                "from crawls"))
                except Exception:  # noqa: BLE001 - the file is being created
                    rows = []
                seen += [r for r in rows if r["status"] == "running"]
            time.sleep(0.2)
    finally:
        proc.wait(60)
    assert proc.returncode == 0
    assert any(r["pages_fetched"] > 0 for r in seen), seen
    assert any(r["articles_new"] > 0 for r in seen), seen
