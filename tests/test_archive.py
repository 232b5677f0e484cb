"""The SQLite archive: upsert by URL, revisions, one transaction per item, accent-blind search."""

import pytest

from ess_crawler.items import Article, CrawlError, Footnote, Link, RelatedLink
from ess_crawler.profiles import load_profiles
from ess_crawler.search import stem_query
from ess_crawler.store.archive import Archive


def make_article(**changes) -> Article:
    base = dict(
        url="https://www.chorum.fr/actualite/a", site="chorum", title="Réseaux sociaux : une opportunité",
        published="2014-03-25", body_text="Les coopératives et les mutuelles communiquent.",
        content_sha256="h1", lead="Un chapô.", tags=["ESS", "Réseaux"],
        footnotes=[Footnote("1", "Source : étude", urls=["http://blog.dbth.fr/x"])],
        related=[RelatedLink(url="https://www.chorum.fr/actualite/b", title="B", date="2020-10-12")],
        links=[Link("https://www.avise.org/", "Avise")],
    )
    base.update(changes)
    return Article(**base)


@pytest.fixture
def archive(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.register_site(load_profiles()["chorum"])
    yield archive
    archive.close()


def test_new_then_unchanged_then_updated_keeps_the_old_version(archive):
    crawl = archive.start_crawl("chorum", {})
    assert archive.save_article(make_article(), crawl) == "new"
    assert archive.save_article(make_article(), crawl) == "unchanged"
    changed = make_article(body_text="Texte corrigé.", content_sha256="h2")
    assert archive.save_article(changed, crawl) == "updated"
    db = archive.db
    assert db["articles"].count == 1
    row = next(db.query("select * from articles"))
    assert row["body_text"] == "Texte corrigé." and row["revision_count"] == 1
    revision = next(db.query("select * from revisions"))
    assert revision["body_text"] == "Les coopératives et les mutuelles communiquent."
    # parts are replaced, not duplicated
    assert db["footnotes"].count == 1 and db["related_links"].count == 1 and db["article_tags"].count == 2
    counts = archive.finish_crawl(crawl, "finished", {})
    assert (counts["articles_new"], counts["articles_updated"], counts["articles_unchanged"]) == (1, 1, 1)


def test_related_links_resolve_when_the_target_arrives_later(archive):
    archive.save_article(make_article())
    target = make_article(url="https://www.chorum.fr/actualite/b", title="B", related=[], content_sha256="b")
    archive.save_article(target)
    row = next(archive.db.query(
        "select r.target_article_id, a.title from related_links r join articles a on a.id = r.target_article_id"))
    assert row["title"] == "B"


def test_a_failing_write_leaves_nothing_half_written(archive):
    bad = make_article(footnotes=[Footnote("1", "ok"), Footnote("2", object())])  # not storable
    with pytest.raises(Exception):  # noqa: B017 - whatever sqlite raises, nothing may remain
        archive.save_article(bad)
    assert archive.db["articles"].count == 0
    assert archive.db["footnotes"].count == 0


def test_search_ignores_accents_and_case(archive):
    archive.save_article(make_article())

    def titles(query: str) -> list[str]:
        return [row[0] for row in archive.db.execute(
            "select a.title from article_search_fts f join articles a on a.id = f.rowid "
            "where article_search_fts match ?", [stem_query(query)])]

    assert titles("OPPORTUNITE") == ["Réseaux sociaux : une opportunité"]
    assert titles("cooperatives")


def test_one_search_index(archive):
    """The French index is the only full-text index: no second one written on every save."""
    fts = [name for name in archive.db.table_names() if name.endswith("_fts")]
    assert fts == ["article_search_fts"]


def test_errors_and_wal(archive):
    crawl = archive.start_crawl("chorum", {})
    archive.record_error(crawl, CrawlError(url="https://x/y", kind="http", reason="HTTP 404", status=404))
    assert archive.finish_crawl(crawl, "finished", {})["errors"] == 1
    assert archive.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert archive.integrity_ok()


def test_reopening_an_archive_keeps_its_schema_and_rows(tmp_path):
    first = Archive(tmp_path / "b.db")
    first.register_site(load_profiles()["chorum"])
    first.save_article(make_article())
    first.close()
    second = Archive(tmp_path / "b.db")
    assert second.db["articles"].count == 1
    assert second.db.execute("PRAGMA user_version").fetchone()[0] >= 1
    second.close()
