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


# ---------------------------------------------------------------- records in a batch (no crawl)

def batch_archive(tmp_path):
    from ess_crawler.profiles import load_profiles
    from ess_crawler.store.archive import Archive

    archive = Archive(tmp_path / "b.db")
    archive.register_site(load_profiles()["chorum"])
    return archive, archive.start_crawl("chorum", {})


def article(name: str, **changes):
    from ess_crawler.items import Article, Footnote, RelatedLink

    base = dict(url=f"https://www.chorum.fr/actualite/{name}", site="chorum", title=f"Titre {name}",
                published="2014-03-25", body_text="Les coopératives et les mutuelles.", content_sha256=name,
                lead="Un chapô.", tags=["ESS", "Réseaux", "ESS"], footnotes=[Footnote("1", "Source", urls=["http://x.fr/"])],
                related=[RelatedLink(url="https://www.chorum.fr/actualite/b", title="B")])
    base.update(changes)
    return Article(**base)


def counts(archive, crawl):
    return archive.db.execute("select articles_new, articles_updated, articles_unchanged from crawls where id = ?",
                              [crawl]).fetchone()


def test_a_failing_record_in_a_batch_leaves_nothing_and_the_batch_goes_on(tmp_path):
    from ess_crawler.items import Footnote

    archive, crawl = batch_archive(tmp_path)
    archive.begin_batch()
    archive.record_capture(crawl, "https://www.chorum.fr/actualite/a", 200, "text/html", 10)
    assert archive.save_article(article("a"), crawl) == "new"
    bad = article("bad", footnotes=[Footnote("1", "ok"), Footnote("2", object())])  # not storable
    with pytest.raises(Exception):  # noqa: B017 - whatever sqlite raises, nothing of it may remain
        archive.save_article(bad, crawl)
    assert archive.save_article(article("b"), crawl) == "new"
    assert archive.save_article(article("a"), crawl) == "unchanged"
    assert archive.db.conn.in_transaction, "the batch is still open"
    archive.commit_batch()
    db = archive.db
    assert [r[0] for r in db.execute("select url from articles order by id")] == [
        "https://www.chorum.fr/actualite/a", "https://www.chorum.fr/actualite/b"]
    assert db.execute("select count(*) from footnotes").fetchone()[0] == 2
    assert db.execute("select count(*) from article_search").fetchone()[0] == 2
    assert db.execute("select count(*) from captures").fetchone()[0] == 1
    # the tags keep their first ids, each article has each tag once
    assert db.execute("select name from tags order by id").fetchall() == [("ESS",), ("Réseaux",)]
    assert db.execute("select count(*) from article_tags").fetchone()[0] == 4
    # b arrived after a linked to it: the link resolves
    assert db.execute("select count(*) from related_links where target_article_id is not null").fetchone()[0] == 2
    assert counts(archive, crawl) == (2, 0, 1)
    archive.close()


def test_the_counts_of_a_batch_are_committed_with_it_or_not_at_all(tmp_path):
    archive, crawl = batch_archive(tmp_path)
    archive.begin_batch()
    archive.save_article(article("a"), crawl)
    archive.save_article(article("b"), crawl)
    archive.rollback_batch()  # a batch that could not be committed is dropped whole
    assert archive.db.execute("select count(*) from articles").fetchone()[0] == 0
    archive.begin_batch()
    archive.save_article(article("c"), crawl)
    archive.commit_batch()
    assert counts(archive, crawl) == (1, 0, 0)
    archive.begin_batch()
    archive.save_article(article("c", body_text="Corrigé.", content_sha256="c2"), crawl)
    later = archive.start_crawl("chorum", {})
    assert archive.mark_unchanged("https://www.chorum.fr/actualite/c", later) is True
    assert archive.mark_unchanged("https://www.chorum.fr/actualite/c", later) is True  # counted once a crawl
    archive.commit_batch()
    assert counts(archive, crawl) == (1, 1, 0)
    assert counts(archive, later) == (0, 0, 1)
    # outside a batch, each write is its own transaction, counted at once
    archive.save_article(article("d"), crawl)
    assert not archive.db.conn.in_transaction
    assert counts(archive, crawl) == (2, 1, 0)
    archive.close()


def test_a_new_article_costs_few_statements(tmp_path):
    archive, crawl = batch_archive(tmp_path)
    statements = []
    archive.begin_batch()
    archive.save_article(article("first"), crawl)  # (the search index's first use reads its configuration)
    archive.db.conn.set_trace_callback(lambda sql: statements.append(sql) if not sql.startswith("--") else None)
    capture = archive.record_capture(crawl, "https://www.chorum.fr/actualite/a", 200, "text/html", 10)
    archive.save_article(article("a", tags=[]), crawl, capture)
    archive.db.conn.set_trace_callback(None)
    archive.commit_batch()
    # (SQLite traces the search row's insert again for each step of its FTS trigger: counted once)
    statements = [sql for i, sql in enumerate(statements) if i == 0 or statements[i - 1] != sql]
    # capture; savepoint, lookup, article, footnote, related targets, related, links to it, search row, release
    assert len(statements) <= 10, statements
    assert not any(s.lower().startswith(("select title", "update crawls")) for s in statements), statements
    archive.close()
