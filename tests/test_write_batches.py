"""Writes are committed in batches of whole items: on close, on SIGTERM, and nothing half-written after SIGKILL."""

import os
import signal
import subprocess
import sys
import threading

import pytest
import sqlite_utils

from ess_crawler.demo.server import serve_samples

from .conftest import ROOT

pytestmark = pytest.mark.slow

SITE = "chorum"


def crawl_command(db, base_url, *settings):
    return [sys.executable, "-m", "ess_crawler.cli", "crawl", SITE, "--db", str(db), "--base-url", base_url,
            "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", *settings]


@pytest.fixture(scope="module")
def server():
    servers = serve_samples([SITE])
    yield servers[SITE].base_url
    servers[SITE].stop()


def start_and_wait_for_items(command, items: int) -> tuple[subprocess.Popen, list[str]]:
    """Start a crawl and return once its log shows `items` articles scraped (or it ended)."""
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    lines: list[str] = []
    seen = threading.Event()

    def read():
        for line in proc.stderr:
            lines.append(line)
            if sum("Scraped from" in x for x in lines) >= items:
                seen.set()
        seen.set()

    threading.Thread(target=read, daemon=True).start()
    seen.wait(120)
    return proc, lines


def whole_items(db) -> list[str]:
    """Article pages of the archive that are half-written: an article without its capture, or the
    capture of an article page without what became of it (its article or its error)."""
    problems = [f"article {r['url']} has no capture" for r in db.query(
        "select a.url from articles a left join captures c on c.id = a.capture_id "
        "where c.id is null or c.url != a.fetched_url")]
    problems += [f"capture {r['url']} has no article nor error" for r in db.query(
        "select c.url from captures c where c.url like '%/actualite/%' and c.status = 200 "
        "and not exists (select 1 from articles a where a.fetched_url = c.url) "
        "and not exists (select 1 from errors e where e.url = c.url and e.crawl_id = c.crawl_id)")]
    return problems


def test_a_batch_that_never_fills_is_written_when_the_crawl_closes(server, tmp_path):
    reference = tmp_path / "reference.db"
    subprocess.run(crawl_command(reference, server, "-s", "DOWNLOAD_DELAY=0"), cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    batched = tmp_path / "batched" / "batched.db"
    # no timed commits, a batch bigger than the crawl: only the close commits
    subprocess.run(crawl_command(batched, server, "-s", "DOWNLOAD_DELAY=0", "-s", "ESS_WRITE_BATCH_SECONDS=0",
                                 "-s", "ESS_WRITE_BATCH_ITEMS=1000000"),
                   cwd=ROOT, check=True, capture_output=True, timeout=120)
    ref, got = sqlite_utils.Database(reference), sqlite_utils.Database(batched)

    def content(db):
        return (sorted(tuple(r) for r in db.execute("select url, title, published, content_sha256 from articles")),
                db.execute("select count(*) from footnotes").fetchone()[0],
                db.execute("select count(*) from related_links").fetchone()[0],
                db.execute("select count(*) from captures").fetchone()[0])

    assert content(got) == content(ref)
    assert content(got)[0], "the sample crawl archived no article"
    assert [r[0] for r in got.execute("select status from crawls")] == ["finished"]
    assert whole_items(got) == []


def test_sigterm_writes_the_open_batch(server, tmp_path):
    db_path = tmp_path / "term.db"
    proc, lines = start_and_wait_for_items(
        crawl_command(db_path, server, "-s", "DOWNLOAD_DELAY=0.5", "-s", "LOG_LEVEL=DEBUG",
                      "-s", "ESS_WRITE_BATCH_SECONDS=0", "-s", "ESS_WRITE_BATCH_ITEMS=1000000"), items=3)
    assert proc.poll() is None, "the crawl ended before it could be stopped: slow it down"
    scraped = sum("Scraped from" in line for line in lines)
    os.killpg(proc.pid, signal.SIGTERM)
    assert proc.wait(60) != 0, "a crawl stopped before its end must not exit as a success"
    db = sqlite_utils.Database(db_path)
    assert db.execute("select count(*) from articles").fetchone()[0] >= scraped >= 3
    assert [r[0] for r in db.execute("select status from crawls")] == ["interrupted"]
    assert whole_items(db) == []


def test_after_sigkill_no_item_is_half_written_and_a_resume_completes_the_archive(server, tmp_path):
    reference = tmp_path / "reference.db"
    subprocess.run(crawl_command(reference, server, "-s", "DOWNLOAD_DELAY=0"), cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    expected = sorted(r[0] for r in sqlite_utils.Database(reference).execute("select url from articles"))

    db_path = tmp_path / "killed.db"
    # small batches, committed often: the kill lands with some batches committed and one open
    proc, _ = start_and_wait_for_items(
        crawl_command(db_path, server, "-s", "DOWNLOAD_DELAY=0.3", "-s", "LOG_LEVEL=DEBUG",
                      "-s", "ESS_WRITE_BATCH_SECONDS=0", "-s", "ESS_WRITE_BATCH_ITEMS=7"), items=5)
    assert proc.poll() is None, "the crawl ended before it could be killed: slow it down"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)
    db = sqlite_utils.Database(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert whole_items(db) == []
    kept = db.execute("select count(*) from articles").fetchone()[0]
    assert kept < len(expected)

    subprocess.run(crawl_command(db_path, server, "-s", "DOWNLOAD_DELAY=0"), cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    db = sqlite_utils.Database(db_path)
    assert sorted(r[0] for r in db.execute("select url from articles")) == expected
    assert db.execute("select count(*) - count(distinct url) from articles").fetchone()[0] == 0
    assert whole_items(db) == []
