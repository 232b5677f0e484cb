"""Re-crawls: incremental fetching, revisions, new and removed articles, WARC captures."""

import shutil

import pytest
import sqlite_utils
from warcio.archiveiterator import ArchiveIterator

from .conftest import run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def editions(demo_db, tmp_path_factory):
    """Edition 1 crawled (the session's demo archive, copied), then edition 1 again, then edition 2."""
    folder = tmp_path_factory.mktemp("editions")
    db = folder / "demo.db"
    shutil.copy(demo_db, db)
    shutil.copytree(demo_db.parent / "warc", folder / "warc")
    outputs = []
    for args in ([], ["--edition", "2"]):
        result = run_cli("demo", "--no-serve", "--db", str(db), *args)
        assert result.returncode == 0, result.stdout + result.stderr
        outputs.append(result.stdout)
    return sqlite_utils.Database(db), folder, outputs


def crawl_rows(db):
    return {(r["id"], r["site"]): r for r in db.query("select * from crawls order by id")}


def article_fetches(db, crawl_id):
    """Article pages downloaded in full (status 200) during a crawl."""
    return db.execute("select count(*) from captures where crawl_id = ? and status = 200 "
                      "and url in (select url from articles)", [crawl_id]).fetchone()[0]


def test_recrawl_of_an_unchanged_site_fetches_no_article(editions):
    db, _, _ = editions
    runs: dict[str, list] = {}
    for crawl in db.query("select * from crawls order by id"):
        runs.setdefault(crawl["site"], []).append(crawl)
    first = {site: crawls[0] for site, crawls in runs.items()}
    second = {site: crawls[1] for site, crawls in runs.items()}
    for site, crawl in second.items():
        assert crawl["status"] == "finished"
        assert crawl["articles_new"] == 0 and crawl["articles_updated"] == 0
        assert crawl["articles_unchanged"] == first[site]["articles_new"]
        # target: article pages fetched <= 5% of the first crawl's (here none: 304s and sitemap dates)
        assert article_fetches(db, crawl["id"]) <= 0.05 * article_fetches(db, first[site]["id"])


def test_edition_2_gives_revisions_new_articles_and_a_gone_one(editions):
    db, _, _ = editions
    revised = {r["url"].rsplit("/", 1)[-1] for r in db.query(
        "select a.url from revisions r join articles a on a.id = r.article_id")}
    assert revised == {
        "loi-ess-ce-qui-change-pour-les-associations-et-les-cooperatives",  # body edited
        "deux-ministres-la-rencontre-du-mouvement-associatif",              # footnote added
        "Tiers-lieux-l-ESS-reinvente-les-espaces-de-travail-en-zone-rurale",  # date corrected
    }
    redated = next(db.query("select a.published, r.published as before from revisions r "
                            "join articles a on a.id = r.article_id where a.url like '%Tiers-lieux%'"))
    assert redated["before"].startswith("2016-04-11") and redated["published"].startswith("2016-04-12")
    noted = next(db.query("select id, revision_count from articles where url like '%deux-ministres%'"))
    assert noted["revision_count"] == 1
    assert db.execute("select count(*) from footnotes where article_id = ?", [noted["id"]]).fetchone()[0] == 1
    sites = db.execute("select count(distinct site) from crawls").fetchone()[0]
    edition_2_from = db.execute("select max(id) from crawls").fetchone()[0] - sites + 1
    new = {r["url"].rsplit("/", 1)[-1] for r in db.query(
        "select a.url from articles a where (select min(c.crawl_id) from captures c where c.url = a.url) >= ?",
        [edition_2_from])}
    assert "les-mutuelles-face-la-reforme-de-la-complementaire-sante" in new
    assert "Budget-participatif-les-associations-au-coeur-des-projets-retenus" in new
    gone = list(db.query("select url, last_status, gone_since from articles where gone_since is not null"))
    assert [g["url"].rsplit("/", 1)[-1] for g in gone] == ["Appel-a-projets-innovation-sociale-en-milieu-rural"]
    assert gone[0]["last_status"] == 410


def test_every_capture_points_at_its_warc_record(editions):
    db, folder, _ = editions
    records = {}
    for path in (folder / "warc").glob("*.warc.gz"):
        with open(path, "rb") as fh:
            iterator = ArchiveIterator(fh)
            for record in iterator:
                records[(path.name, iterator.get_record_offset())] = (
                    record.rec_type, record.rec_headers.get_header("WARC-Target-URI"))
    assert not list((folder / "warc").glob("*.open"))
    captures = list(db.query("select * from captures"))
    assert captures and all(c["warc_file"] for c in captures)
    for capture in captures:
        kind, uri = records[(capture["warc_file"], capture["warc_offset"])]
        assert uri == capture["url"] and kind == capture["record_type"]


def test_identical_payloads_are_revisits(editions):
    db, _, _ = editions
    last_crawl = db.execute("select max(id) from crawls").fetchone()[0]
    kinds = dict(db.execute("select record_type, count(*) from captures where crawl_id = ? and status = 200 "
                            "group by 1", [last_crawl]).fetchall())
    assert kinds.get("revisit", 0) > 0
    for row in db.query("select * from captures where record_type = 'revisit'"):
        original = db.execute("select count(*) from captures where url = ? and payload_digest = ? "
                              "and record_type = 'response'", [row["url"], row["payload_digest"]]).fetchone()[0]
        assert original >= 1
