"""A crawl killed at any moment (SIGKILL) and started again finishes the job, losing nothing."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest
import sqlite_utils
from warcio.archiveiterator import ArchiveIterator

from ess_crawler.demo.server import serve_samples

from .conftest import ROOT

pytestmark = pytest.mark.slow

SITE = "chorum"
SETTINGS = ["-s", "DOWNLOAD_DELAY=0.05", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=ERROR",
            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]


def crawl_command(db, base_url):
    return [sys.executable, "-m", "ess_crawler.cli", "crawl", SITE, "--db", str(db), "--base-url", base_url,
            *SETTINGS]


def outcome(db_path):
    db = sqlite_utils.Database(db_path)
    return {
        "articles": sorted(r[0] for r in db.execute("select url from articles")),
        "footnotes": db.execute("select count(*) from footnotes").fetchone()[0],
        "related": db.execute("select count(*) from related_links").fetchone()[0],
        "duplicates": db.execute("select count(*) - count(distinct url) from articles").fetchone()[0],
        "integrity": db.execute("PRAGMA integrity_check").fetchone()[0],
        "orphan_notes": db.execute("select count(*) from footnotes where article_id not in "
                                   "(select id from articles)").fetchone()[0],
    }


@pytest.fixture(scope="module")
def server():
    servers = serve_samples([SITE])
    yield servers[SITE].base_url
    servers[SITE].stop()


def test_ten_kills_then_a_resume_give_the_uninterrupted_result(server, tmp_path):
    reference = tmp_path / "reference.db"
    subprocess.run(crawl_command(reference, server), cwd=ROOT, check=True, capture_output=True, timeout=120)
    expected = outcome(reference)

    killed = tmp_path / "killed.db"
    rng = random.Random(20261126)
    kills = 0
    for _ in range(10):
        proc = subprocess.Popen(crawl_command(killed, server), cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.8, 3.0))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(30)
    final = subprocess.run(crawl_command(killed, server), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert final.returncode == 0, final.stdout + final.stderr
    assert kills >= 5, "the crawls ended before they could be killed: slow them down"

    got = outcome(killed)
    assert got == expected
    assert got["duplicates"] == 0 and got["integrity"] == "ok"
    db = sqlite_utils.Database(killed)
    statuses = [r[0] for r in db.execute("select status from crawls order by id")]
    assert statuses[-1] == "finished" and "running" not in statuses
    # every WARC file reads to its end, and every capture points at a record
    warc_dir = tmp_path / "warc"
    assert not list(warc_dir.glob("*.open"))
    offsets = set()
    for path in warc_dir.glob("*.warc.gz"):
        with open(path, "rb") as fh:
            iterator = ArchiveIterator(fh)
            for _record in iterator:
                offsets.add((path.name, iterator.get_record_offset()))
    missing = [c for c in db.query("select warc_file, warc_offset from captures")
               if (c["warc_file"], c["warc_offset"]) not in offsets]
    assert missing == []
