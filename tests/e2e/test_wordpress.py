"""Crawling a real WordPress (Debian 12's 6.1, Twenty Twenty-Three, in French), as it serves itself.

First crawl, an unchanged re-crawl, then one post edited and one deleted and a third crawl.
Then the re-crawl decision measured source by source: the REST API's `modified_gmt`, a
sitemap `lastmod`, validators, the last-resort conditional request, and nothing at all.
"""

from __future__ import annotations

import json
import sys

import pytest
import sqlite_utils

from .conftest import crawl, write_profile
from .content import SITE_TITLE, edit_and_delete

pytestmark = pytest.mark.slow
NAME = "wp_e2e"


def _plain(text: str) -> str:
    """Typographic quotes as typed (wptexturize turns ' into ’)."""
    return (text or "").replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture(scope="module")
def crawled(wordpress, tmp_path_factory):
    """Three crawls of the site into one archive: first, unchanged, after an edit and a deletion."""
    wp, site = wordpress
    folder = tmp_path_factory.mktemp("wp-crawls")
    write_profile(folder / "profiles", NAME, wp.base_url)
    db = folder / "wp.db"
    first, first_s = crawl(NAME, db, folder / "profiles")
    second, second_s = crawl(NAME, db, folder / "profiles")
    archived = {r["url"]: dict(r) for r in sqlite_utils.Database(db).query("select * from articles")}
    edit_and_delete(wp, site)
    third, third_s = crawl(NAME, db, folder / "profiles")
    inside = [c["stats"].get("ess/crawl_seconds") for c in (first, second, third)]
    print(f"\nwp_e2e crawl seconds (process, crawl itself): first {first_s} / {inside[0]}, unchanged "
          f"{second_s} / {inside[1]}, after edits {third_s} / {inside[2]}; setup {wp.timings}", file=sys.stderr)
    return {"db": sqlite_utils.Database(db), "site": site, "wp": wp, "crawls": [first, second, third],
            "seconds": [first_s, second_s, third_s], "after_two": archived}


def full_downloads(db, crawl_id: int) -> int:
    """Article pages downloaded in full (status 200) during a crawl."""
    return db.execute("select count(*) from captures where crawl_id = ? and status = 200 "
                      "and url in (select url from articles)", [crawl_id]).fetchone()[0]


def article(crawled, key: str) -> dict:
    site = crawled["site"]
    post = site.stock if key == "stock" else site.posts[key]
    row = crawled["after_two"].get(post.link)
    assert row is not None, f"{post.link} not archived; archived: {sorted(crawled['after_two'])}"
    return row


# ---------------------------------------------------------------- what is archived

def test_every_published_post_is_archived_once_and_nothing_else(crawled):
    site = crawled["site"]
    expected = {p.link for p in site.published()}
    assert set(crawled["after_two"]) == expected
    assert site.page_link not in crawled["after_two"]
    first = crawled["crawls"][0]
    assert first["status"] == "finished" and first["articles_new"] == len(expected)
    titles = [r["title"] for r in crawled["after_two"].values()]
    assert not any("Brouillon" in t for t in titles)


def test_robots_txt_is_fetched_once_per_crawl(crawled):
    db = crawled["db"]
    for row in crawled["crawls"]:
        n = db.execute("select count(*) from captures where crawl_id = ? and url like '%/robots.txt'",
                       [row["id"]]).fetchone()[0]
        assert n == 1, f"crawl {row['id']}: robots.txt fetched {n} times"
    # and its Sitemap: line was still followed
    assert db.execute("select count(*) from discovered where source = 'sitemap'").fetchone()[0] > 0


# ---------------------------------------------------------------- fields

@pytest.mark.parametrize("key", ["long", "brief", "notes", "edited", "related", "stock"])
def test_title_date_and_terms(crawled, key):
    site = crawled["site"]
    post = site.stock if key == "stock" else site.posts[key]
    row = article(crawled, key)
    assert _plain(row["title"]) == post.title
    if post.offset:
        assert row["published"] == post.date + post.offset
    assert row["category"] == post.category
    assert sorted(json.loads(row["tags"])) == sorted(post.tags)


def test_rest_terms_are_recorded_unescaped(crawled):
    db = crawled["db"]
    names = set()
    for (details,) in db.execute("select details from discovered where source = 'wp-rest'"):
        data = json.loads(details)
        names.update(data["categories"] + data["tags"])
    assert {"Emploi & insertion", "Tiers-lieux & coopération", "Économie circulaire"} <= names
    assert not any("&amp;" in n or "&#" in n for n in names)
    stored = {r[0] for r in db.execute("select category from articles")}
    assert "Emploi & insertion" in stored and not any("&amp;" in (c or "") for c in stored)


@pytest.mark.parametrize("key", ["long", "brief", "notes", "edited", "related", "stock"])
def test_author(crawled, key):
    site = crawled["site"]
    post = site.stock if key == "stock" else site.posts[key]
    assert json.loads(article(crawled, key)["authors"]) == [post.author]


def test_lead_where_the_post_marks_one(crawled):
    site = crawled["site"]
    assert _plain(article(crawled, "long")["lead"]) == site.posts["long"].lead
    assert not article(crawled, "brief")["lead"]


@pytest.mark.parametrize("key", ["long", "brief", "notes", "edited", "related", "stock"])
def test_body_is_clean(crawled, key):
    site = crawled["site"]
    post = site.stock if key == "stock" else site.posts[key]
    row = article(crawled, key)
    body = _plain(row["body_text"])
    for words in post.body_words:
        assert _plain(words) in body
    assert SITE_TITLE not in body
    if post.lead:
        assert post.lead not in body, "the lead is repeated in the body"
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    theme_words = {"Publié", "Posted", "dans", "in", "par", "by", "admin", "Notes", "Laisser un commentaire",
                   "Commentaires", "Une réponse", "Catégories", "Étiquettes"}
    assert not [line for line in lines if line in theme_words]
    assert "Un commentateur WordPress" not in body and "Bonjour, ceci est un commentaire" not in body
    assert not body.rstrip().endswith("Notes")


def test_footnotes_as_data(crawled):
    db = crawled["db"]
    row = article(crawled, "notes")
    notes = list(db.query("select * from footnotes where article_id = ? order by cast(number as integer)",
                           [row["id"]]))
    assert [str(n["number"]) for n in notes] == ["1", "2"]
    assert "Baromètre de la finance solidaire" in notes[0]["text"]
    assert json.loads(notes[0]["urls"]) == ["https://www.example.org/barometre-2023"]
    assert json.loads(notes[1]["urls"]) == ["https://www.example.org/amf-epargne"]
    assert "↩" not in notes[0]["text"] and "Baromètre" not in row["body_text"]


def test_related_links_as_data(crawled):
    db, site = crawled["db"], crawled["site"]
    row = article(crawled, "related")
    related = list(db.query("select * from related_links where article_id = ? order by position", [row["id"]]))
    assert [r["url"] for r in related] == [site.posts["long"].link, site.posts["notes"].link]
    assert all(r["target_article_id"] for r in related)
    assert "Sur le même sujet" not in row["body_text"]


# ---------------------------------------------------------------- re-crawls

def test_an_unchanged_recrawl_downloads_no_article_page(crawled):
    db = crawled["db"]
    first, second, _ = crawled["crawls"]
    n = len(crawled["site"].published())
    assert full_downloads(db, first["id"]) == n
    assert full_downloads(db, second["id"]) == 0
    assert second["articles_new"] == 0 and second["articles_updated"] == 0
    assert second["articles_unchanged"] == n
    assert second["stats"].get("ess/recrawl/wp-rest") == n  # decided by the REST API's modified_gmt


def test_an_edited_post_gets_a_revision_and_a_deleted_one_is_gone(crawled):
    db, site = crawled["db"], crawled["site"]
    third = crawled["crawls"][2]
    edited = next(db.query("select * from articles where url = ?", [site.posts["edited"].link]))
    assert edited["revision_count"] == 1
    revision = next(db.query("select * from revisions where article_id = ?", [edited["id"]]))
    assert "Mise à jour" not in revision["body_text"] and "Mise à jour" in edited["body_text"]
    gone = list(db.query("select url, last_status from articles where gone_since is not null"))
    assert gone == [{"url": site.posts["deleted"].link, "last_status": 404}]
    # only the edited one and the deleted one were downloaded in full
    assert full_downloads(db, third["id"]) == 1
    assert third["articles_updated"] == 1


# ---------------------------------------------------------------- each decision source, measured

SOURCES = {
    # name: (REST discovery, must-use plugins on, the stat that decides, full downloads on the re-crawl)
    "sitemap": (False, ["sitemap-lastmod"], "ess/recrawl/sitemap", 0),
    "validators": (False, ["validators"], "ess/recrawl/validators_304", 0),
    "last_resort": (False, ["if-modified-since"], "ess/recrawl/last_resort_304", 0),
    "nothing": (False, [], None, None),  # stock WordPress without its REST API: the floor
}


@pytest.fixture(scope="module")
def measured(crawled, tmp_path_factory):
    """Two crawls per decision source, each in its own archive; figures printed."""
    wp = crawled["wp"]
    folder = tmp_path_factory.mktemp("wp-sources")
    n = len(crawled["site"].published()) - 1  # the deleted post is gone
    figures = {"wp-rest": {"first": full_downloads(crawled["db"], crawled["crawls"][0]["id"]),
                           "recrawl": full_downloads(crawled["db"], crawled["crawls"][1]["id"]),
                           "decided": crawled["crawls"][1]["stats"].get("ess/recrawl/wp-rest", 0),
                           "seconds": crawled["seconds"][:2]}}
    for source, (rest, plugins, stat, _) in SOURCES.items():
        for plugin in ("sitemap-lastmod", "validators", "if-modified-since"):
            wp.plugin(plugin, plugin in plugins)
        name = f"wp_e2e_{source}"
        write_profile(folder / "profiles", name, wp.base_url, rest=rest)
        db = folder / f"{source}.db"
        first, first_s = crawl(name, db, folder / "profiles")
        second, second_s = crawl(name, db, folder / "profiles")
        opened = sqlite_utils.Database(db)
        figures[source] = {"first": full_downloads(opened, first["id"]),
                           "recrawl": full_downloads(opened, second["id"]),
                           "decided": second["stats"].get(stat, 0) if stat else 0,
                           "seconds": [c["stats"].get("ess/crawl_seconds") for c in (first, second)],
                           "unchanged": second["articles_unchanged"], "expected": n}
    for plugin in ("sitemap-lastmod", "validators", "if-modified-since"):
        wp.plugin(plugin, False)
    print("\nre-crawl full article downloads by decision source: " + json.dumps(figures), file=sys.stderr)
    (folder / "figures.json").write_text(json.dumps(figures, indent=2))
    return figures, n


@pytest.mark.parametrize("source", [s for s, v in SOURCES.items() if v[3] is not None])
def test_each_decision_source_spares_every_download(measured, source):
    figures, n = measured
    row = figures[source]
    assert row["first"] == n
    assert row["recrawl"] == 0, row
    assert row["decided"] == n, row
    assert row["unchanged"] == n


def test_without_any_date_or_validator_every_page_is_downloaded_again(measured):
    """The floor, measured and stated: stock WordPress with its REST API unused."""
    figures, n = measured
    assert figures["nothing"]["first"] == n and figures["nothing"]["recrawl"] == n
