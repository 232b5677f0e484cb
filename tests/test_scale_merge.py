"""`merge`: archives of several nodes become one, idempotently."""

import pytest
import sqlite_utils
from warcio.archiveiterator import ArchiveIterator

from ess_crawler.demo.server import serve_samples
from ess_crawler.store.merge import merge_archives

from .conftest import run_cli

pytestmark = pytest.mark.slow

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]


def crawl(db, edition, *sites):
    servers = serve_samples(list(sites), edition=edition)
    try:
        for name, server in servers.items():
            result = run_cli("crawl", name, "--db", str(db), "--base-url", server.base_url, *FAST)
            assert result.returncode == 0, result.stdout + result.stderr
    finally:
        for server in servers.values():
            server.stop()


@pytest.fixture(scope="module")
def nodes(tmp_path_factory):
    """Node A crawled fonda and chorum (edition 1); node B, later, chorum (edition 2) and avise."""
    a = tmp_path_factory.mktemp("node_a") / "a.db"
    b = tmp_path_factory.mktemp("node_b") / "b.db"
    crawl(a, 1, "fonda", "chorum")
    crawl(b, 2, "chorum", "avise")
    return a, b


def snapshot(db):
    d = sqlite_utils.Database(db)
    return {t: list(d.query(f"select * from {t} order by 1, 2")) for t in (
        "sites", "crawls", "captures", "articles", "revisions", "footnotes", "related_links", "links",
        "article_tags", "errors", "discovered", "coverage", "article_search")}


def test_merge_of_two_nodes(nodes, tmp_path):
    a, b = nodes
    target = tmp_path / "merged.db"
    result = run_cli("merge", str(a), str(b), "--into", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    da, db_, dm = (sqlite_utils.Database(p) for p in (a, b, target))

    urls = {r[0] for d in (da, db_) for r in d.execute("select url from articles")}
    merged = [r[0] for r in dm.execute("select url from articles")]
    assert sorted(merged) == sorted(urls)  # the same article from two nodes is one row
    # crawl rows and captures are kept, each once
    for table in ("crawls", "captures", "errors", "discovered", "coverage"):
        count = [d.execute(f"select count(*) from {table}").fetchone()[0] for d in (da, db_, dm)]
        assert count[2] == count[0] + count[1], table

    # chorum's article edited in edition 2: B's version is the article, A's the revision
    edited = next(dm.query("select * from articles where url like '%loi-ess-ce-qui-change%'"))
    in_b = next(db_.query("select * from articles where url = ?", [edited["url"]]))
    in_a = next(da.query("select * from articles where url = ?", [edited["url"]]))
    assert in_a["content_sha256"] != in_b["content_sha256"]
    assert edited["content_sha256"] == in_b["content_sha256"] and edited["revision_count"] == 1
    revisions = list(dm.query("select * from revisions where article_id = ?", [edited["id"]]))
    assert [r["content_sha256"] for r in revisions] == [in_a["content_sha256"]]
    assert edited["first_seen"] == in_a["first_seen"] and edited["last_seen"] == in_b["last_seen"]
    # revisions of the whole archive are in time order
    times = [r["revised_at"] for r in dm.query("select revised_at from revisions order by id")]
    per_article = {}
    for r in dm.query("select article_id, revised_at from revisions order by id"):
        per_article.setdefault(r["article_id"], []).append(r["revised_at"])
    assert all(v == sorted(v) for v in per_article.values()) and times
    # its parts are B's
    assert dm.execute("select count(*) from footnotes where article_id = ?", [edited["id"]]).fetchone()[0] == \
        db_.execute("select count(*) from footnotes where article_id = ?", [in_b["id"]]).fetchone()[0]

    # every capture's WARC reference resolves beside the merged archive
    offsets = set()
    for path in (tmp_path / "warc").glob("*.warc.gz"):
        with open(path, "rb") as fh:
            iterator = ArchiveIterator(fh)
            for record in iterator:
                offsets.add((path.name, iterator.get_record_offset(), record.rec_headers.get_header("WARC-Target-URI")))
    captures = list(dm.query("select url, warc_file, warc_offset from captures where warc_file is not null"))
    assert captures and all((c["warc_file"], c["warc_offset"], c["url"]) in offsets for c in captures)
    # search works on the merged archive
    assert dm.execute("select count(*) from article_search").fetchone()[0] == len(merged)

    # idempotent: merging again changes nothing
    before = snapshot(target)
    merge_archives([a, b], target)
    merge_archives([b], target)
    assert snapshot(target) == before

    # and the merged archive re-extracts from its own WARC copies with no change
    again = run_cli("reextract", "--db", str(target), "--workers", "1")
    assert again.returncode == 0 and " 0 changed" in again.stdout and " 0 failed" in again.stdout, again.stdout


def test_merge_order_gives_the_same_articles(nodes, tmp_path):
    a, b = nodes
    one, two = tmp_path / "ab.db", tmp_path / "ba.db"
    merge_archives([a, b], one)
    merge_archives([b, a], two)
    fields = "url, title, content_sha256, published, revision_count, first_seen, last_seen"
    rows = [list(sqlite_utils.Database(p).query(f"select {fields} from articles order by url")) for p in (one, two)]
    assert rows[0] == rows[1]
    revs = [list(sqlite_utils.Database(p).query(
        "select a.url, r.content_sha256, r.revised_at from revisions r join articles a on a.id = r.article_id "
        "order by a.url, r.id")) for p in (one, two)]
    assert revs[0] == revs[1]


def test_serve_samples_prints_name_and_url_per_site_until_stopped(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import urllib.request

    from ess_crawler.demo.server import sample_sites

    from .conftest import ROOT, free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "ess_crawler.cli", "serve-samples", "--port", "0"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        lines = [proc.stdout.readline().split() for _ in sample_sites()]
        assert [n for n, _ in lines] == sample_sites()
        for _name, url in lines:
            with urllib.request.urlopen(url + "/robots.txt", timeout=5) as answer:
                assert answer.status == 200
        assert proc.poll() is None
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
    assert proc.returncode == 0
    # a busy port is a clear error
    with subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True) as busy:
        try:
            import time

            for _ in range(50):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            result = subprocess.run([sys.executable, "-m", "ess_crawler.cli", "serve-samples", "--port", str(port)],
                                    cwd=ROOT, capture_output=True, text=True, timeout=30)
            assert result.returncode == 1 and "choose another --port" in result.stderr
            assert "Traceback" not in result.stderr
        finally:
            os.killpg(busy.pid, signal.SIGTERM)
