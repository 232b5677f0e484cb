"""A shared frontier on a real redis-server (Debian's package): two crawler processes crawl one
site together through scrapy-redis's scheduler and duplicate filter, each into its own archive;
every article is archived exactly once across the two, and their merge equals one crawl."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest
import sqlite_utils

from ess_crawler.demo.server import serve_samples
from ess_crawler.store.merge import merge_archives

from ..conftest import ROOT, free_port, run_cli

pytestmark = pytest.mark.slow

SITE = "ressources_solidaires"
POLITE = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server") or ("/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server")
                                               else None)
    if server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    try:
        import scrapy_redis  # noqa: F401
    except ImportError:
        pytest.skip("scrapy-redis is not installed (pip install scrapy-redis)")
    port = free_port()
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("redis-server did not start")
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)


def articles(db):
    return {r["url"]: (r["title"], r["content_sha256"], r["published"]) for r in sqlite_utils.Database(db).query(
        "select url, title, content_sha256, published from articles")}


def test_two_processes_share_one_sites_frontier(redis_url, tmp_path):
    servers = serve_samples([SITE])
    base = servers[SITE].base_url
    try:
        reference = tmp_path / "one" / "one.db"
        done = run_cli("crawl", SITE, "--db", str(reference), "--base-url", base, "-s", "DOWNLOAD_DELAY=0", *POLITE)
        assert done.returncode == 0, done.stdout + done.stderr

        nodes = [tmp_path / f"node{i}" / f"node{i}.db" for i in (1, 2)]
        procs = [subprocess.Popen(
            [sys.executable, "-m", "ess_crawler.cli", "crawl", SITE, "--db", str(db), "--base-url", base,
             "-s", f"ESS_REDIS_URL={redis_url}", "-s", "ESS_REDIS_RUN=test", "-s", "DOWNLOAD_DELAY=0.5",
             "-s", "ESS_REDIS_MAX_IDLE=3", *POLITE],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for db in nodes]
        outputs = [p.communicate(timeout=240)[0] for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outputs
    finally:
        servers[SITE].stop()

    expected = articles(reference)
    got = [articles(db) for db in nodes]
    assert all(got), f"both nodes should have crawled articles: {[len(g) for g in got]}\n{outputs}"
    assert not set(got[0]) & set(got[1]), "an article was archived by both nodes"
    assert {**got[0], **got[1]} == expected
    # each article page was fetched once across the two nodes
    fetched = []
    for db in nodes:
        fetched += [r[0] for r in sqlite_utils.Database(db).execute(
            "select url from captures where status = 200 and url in (select url from articles)")]
    assert sorted(fetched) == sorted(set(fetched))

    merged = tmp_path / "merged" / "merged.db"
    merge_archives(nodes, merged)
    assert articles(merged) == expected
    one, both = sqlite_utils.Database(reference), sqlite_utils.Database(merged)
    for query in ("select count(*) from footnotes", "select count(*) from related_links",
                  "select count(*) from related_links where target_article_id is not null",
                  "select count(*) from article_search"):
        assert both.execute(query).fetchone()[0] == one.execute(query).fetchone()[0], query
    statuses = [r[0] for r in both.execute("select status from crawls")]
    assert statuses == ["finished", "finished"]
    # the nodes' WARC files sit beside the merged archive (renamed when two share a name), and
    # every capture's reference reads back the record of its URL
    from ess_crawler.crawl.warc import read_payload

    records = list(both.query("select url, status, warc_file, warc_offset from captures "
                              "where record_type = 'response' and status = 200"))
    assert records and len({r["warc_file"] for r in records}) == 2
    for record in records:
        status, body = read_payload(merged.parent / "warc" / record["warc_file"], record["warc_offset"])
        assert status == 200 and body
