"""End to end: the real spiders crawl the bundled sample sites over HTTP into SQLite."""

import json

import pytest
import sqlite_utils

from ess_crawler.demo.server import SAMPLES_DIR, sample_sites

pytestmark = pytest.mark.slow

SEED_CHORUM = "https://www.chorum.fr/actualite/reseaux-sociaux-une-opportunite-pour-less"
SEED_RS = "https://www.ressources-solidaires.org/Reseaux-sociaux-une-opportunite-pour-l-ESS"


@pytest.fixture(scope="module")
def db(demo_db):
    return sqlite_utils.Database(demo_db)


def article(db, url):
    rows = list(db.query("select * from articles where url = ?", [url]))
    assert rows, f"{url} not archived"
    return rows[0]


def test_seed_article_on_chorum(db):
    a = article(db, SEED_CHORUM)
    assert a["title"] == "Réseaux sociaux : une opportunité pour l’ESS ?"
    assert a["published"] == "2014-03-25"
    assert a["published_raw"] == "25/03/2014"
    assert a["category"] == "Actualité"
    assert a["lead"].startswith("Communiquer de manière interactive")
    body = a["body_text"]
    assert body.startswith("Grosses structures vs. petites associations ?")
    assert body.rstrip().endswith("et bien sûr, Jean-Baptiste Mougel et Sarah Chorum !")
    assert "Source : Social Media Video" not in body       # footnotes are apart
    assert "Sur le même sujet" not in body and "Chez Adéo" not in body  # related block is apart
    assert "Partager" not in body


def test_seed_footnotes_and_markers(db):
    a = article(db, SEED_CHORUM)
    notes = list(db.query("select * from footnotes where article_id = ? order by id", [a["id"]]))
    assert [n["number"] for n in notes] == ["1", "2"]
    urls = [json.loads(n["urls"]) for n in notes]
    assert urls[0][0].startswith("http://blog.dbth.fr/2013/07/")
    assert urls[1][0].startswith("http://www.salesforce.com/fr/")
    # markers are kept in the body and linked to their notes
    assert 'href="#fn-1"' in a["body_html"] and 'href="#fn-2"' in a["body_html"]
    assert "Web[1]" in a["body_text"].replace(" ", "")


def test_seed_related_links(db):
    a = article(db, SEED_CHORUM)
    related = list(db.query("select * from related_links where article_id = ? order by position", [a["id"]]))
    assert len(related) == 6
    assert {r["date"] for r in related} == {"2020-10-12"}
    assert {r["category"] for r in related} == {"Actualité"}
    assert {r["heading"] for r in related} == {"Sur le même sujet"}
    assert all(r["teaser"] for r in related)
    # the related articles are in the sample too: each link resolves to its archived article
    assert all(r["target_article_id"] for r in related)


def test_republication_on_ressources_solidaires(db):
    a = article(db, SEED_RS)
    assert a["published"] == "2013-11-25"
    assert "lundi 25 novembre 2013" in a["published_raw"]
    assert a["category"] == "Actualités"
    assert json.loads(a["tags"]), "SPIP mots-clés"
    notes = list(db.query("select number from footnotes where article_id = ?", [a["id"]]))
    assert len(notes) == 2
    headings = {r["heading"] for r in db.query("select heading from related_links where article_id = ?", [a["id"]])}
    assert "Ailleurs sur le site" in headings and "Autres articles dans cette rubrique" in headings


def test_every_article_has_title_date_and_body(db):
    missing = list(db.query("select url from articles where title = '' or title is null "
                            "or published is null or body_text = '' or body_text is null"))
    assert missing == []
    per_site = dict(db.execute("select site, count(*) from articles group by site").fetchall())
    assert per_site["chorum"] >= 12 and per_site["ressources_solidaires"] >= 12
    # every sample site holds at least the articles its expected.json lists (8 or more)
    for site in sample_sites():
        listed = json.loads((SAMPLES_DIR / site / "expected.json").read_text(encoding="utf-8"))["articles"]
        assert len(listed) >= 8 and per_site.get(site, 0) >= len(listed), site


def test_only_articles_become_items(db):
    urls = [r[0] for r in db.execute("select url from articles")]
    assert not [u for u in urls if "?page=" in u or u.endswith("/actualite") or "/-" in u or "+" in u]


def test_exponents_and_ordinals_are_not_footnotes(db):
    rows = list(db.query("select a.url, count(f.id) n from articles a left join footnotes f "
                         "on f.article_id = a.id where a.body_text like '%1er janvier%' "
                         "or a.body_html like '%<sup>e</sup>%' or a.body_html like '%<sup>2</sup>%' "
                         "group by a.id"))
    assert rows
    for row in rows:
        body = next(db.query("select body_html from articles where url = ?", [row["url"]]))["body_html"]
        assert row["n"] == body.count('class="footnote-ref"'), row["url"]


def test_dead_link_is_an_error_row_and_the_crawl_finishes(db, demo_output):
    errors = list(db.query("select * from errors"))
    assert any(e["status"] == 404 and e["url"].startswith("https://www.chorum.fr/actualite/") for e in errors)
    assert {c["status"] for c in db.query("select status from crawls")} == {"finished"}
    assert "articles: " in demo_output and "footnotes: " in demo_output and "errors: " in demo_output


def test_every_fetch_is_a_capture(db):
    kinds = {r["url"].rsplit("/", 1)[-1] for r in db.query("select url from captures")}
    assert {"robots.txt", "sitemap.xml", "rss.xml"} <= kinds
    assert db.execute("select count(*) from articles where capture_id is null").fetchone()[0] == 0
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
