"""`reextract`: articles re-derived from their WARC captures; an extractor change gives
revisions whose reason says so, the same extractor changes nothing."""

import shutil

import pytest
import sqlite_utils

import ess_crawler.extract
from ess_crawler.crawl.reextract import reextract

from .conftest import run_cli

pytestmark = pytest.mark.slow


@pytest.fixture
def archive(demo_db, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    shutil.copytree(demo_db.parent / "warc", tmp_path / "warc")
    return db


def snapshot(db):
    d = sqlite_utils.Database(db)
    return (list(d.query("select * from articles order by id")), list(d.query("select * from revisions order by id")),
            list(d.query("select * from related_links order by id")))


def test_the_same_extractor_changes_nothing_on_all_cores(archive):
    before = snapshot(archive)
    result = run_cli("reextract", "--db", str(archive), "--workers", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 changed" in result.stdout and " 0 failed" in result.stdout
    assert "reextract: " in result.stderr  # progress
    assert snapshot(archive) == before


def test_an_extractor_change_gives_extractor_revisions(archive, monkeypatch):
    real = ess_crawler.extract.extract_article

    def improved(html, url, profile=None):
        article = real(html, url, profile)
        if profile is not None and profile.name == "fonda":
            article.title += " (v2)"
        return article

    db = sqlite_utils.Database(archive)
    fonda = db.execute("select count(*) from articles where site = 'fonda'").fetchone()[0]
    captures = {r["id"]: (r["crawl_id"], r["capture_id"], r["first_seen"]) for r in db.query("select * from articles")}
    site_revisions = db.execute("select count(*) from revisions").fetchone()[0]
    monkeypatch.setattr(ess_crawler.extract, "extract_article", improved)

    outcome = reextract(archive, workers=1)
    assert outcome.changed == fonda > 0 and outcome.failed == 0
    assert outcome.changed_fields == {"title": fonda}
    rows = list(db.query("select r.reason, r.title as before, a.title as after, a.site from revisions r "
                         "join articles a on a.id = r.article_id order by r.id"))[site_revisions:]
    assert len(rows) == fonda
    for row in rows:
        assert row["site"] == "fonda" and row["after"] == row["before"] + " (v2)"
        assert row["reason"].startswith("extractor changed") and "title" in row["reason"]
    # which crawl and capture an article comes from does not change
    assert captures == {r["id"]: (r["crawl_id"], r["capture_id"], r["first_seen"])
                        for r in db.query("select * from articles")}
    # the search index follows
    assert db.execute("select count(*) from article_search where title like '%v2%'").fetchone()[0] == fonda

    # the same (improved) extractor again: nothing
    again = reextract(archive, workers=1, site="fonda")
    assert again.changed == 0 and again.unchanged == fonda

    # back to the real one: one more extractor revision each
    monkeypatch.setattr(ess_crawler.extract, "extract_article", real)
    back = reextract(archive, workers=1)
    assert back.changed == fonda
    extractor = "select count(*) from revisions where reason like 'extractor changed%'"
    assert db.execute(extractor).fetchone()[0] == 2 * fonda


def test_a_crawl_revision_says_the_site_changed(tmp_path):
    from ess_crawler.items import Article
    from ess_crawler.store.archive import Archive

    with Archive(tmp_path / "a.db") as archive:
        archive.db["sites"].insert({"name": "s"})
        archive.save_article(Article(url="https://s/1", site="s", title="A", body_text="x"))
        archive.save_article(Article(url="https://s/1", site="s", title="B", body_text="x"))
        assert [r["reason"] for r in archive.db.query("select reason from revisions")] == ["site changed"]
