"""`ess-crawler publish`: a release of the demo archive, in each content mode.

The release validates as a Frictionless data package, its checksums pass `sha256sum -c`, its CSV files
reload into SQLite with the same counts, `datasette DIR` serves it as it is, a metadata-only release
holds no article text, two publishes of one archive are byte-identical, and the seed article's two
copies are grouped with 2013 first.
"""

import csv
import hashlib
import json
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ess_crawler.cli import main
from ess_crawler.demo.server import SAMPLES_DIR, SiteServer
from ess_crawler.publish import (
    DB_FILE,
    PublishError,
    excerpt,
    excerpt_html,
    footnotes_meta,
    publish_archive,
    withhold_contact,
    word_count,
)
from ess_crawler.publish.exports import export_rows, export_table
from ess_crawler.search import stem_query
from ess_crawler.sqlite import sqlite3
from ess_crawler.store.archive import Archive

from .conftest import free_port, run_cli, running_server

ROOT = Path(__file__).resolve().parent.parent
SEED_CHORUM = "https://www.chorum.fr/actualite/reseaux-sociaux-une-opportunite-pour-less"
SEED_RESSOURCES = "https://www.ressources-solidaires.org/Reseaux-sociaux-une-opportunite-pour-l-ESS"
BODY_SENTENCE = "l’ESS a trente ans de retard"  # in the seed article's body
LEAD_WORDS = "Communiquer de manière interactive"  # the seed article's lead

csv.field_size_limit(sys.maxsize)


# ---------------------------------------------------------------- text reductions

def test_excerpt_keeps_the_first_words_and_the_paragraphs():
    body = "Un deux trois.\n\nQuatre cinq six sept."
    assert excerpt(body, 4) == "Un deux trois.\n\nQuatre […]"
    assert excerpt(body, 7) == body
    assert excerpt(None, 3) is None
    assert excerpt_html("Un <b> deux.\n\nTrois quatre", 4) == "<p>Un &lt;b&gt; deux.</p><p>Trois […]</p>"


def test_word_count_and_footnotes_without_text():
    assert word_count("Un deux\n\ntrois") == 3 and word_count(None) == 0
    notes = json.dumps([{"number": "1", "text": "Source : étude", "urls": ["https://x.example"], "marker_id": "m1"}])
    assert json.loads(footnotes_meta(notes)) == [{"marker_id": "m1", "number": "1", "urls": ["https://x.example"]}]
    assert footnotes_meta(None) is None and footnotes_meta("not json") is None


def test_withhold_contact_keeps_the_project_name_and_the_other_settings():
    settings = {"USER_AGENT": "ess-crawler/0.1 (+mailto:me@example.net; ESS news archive)",
                "ESS_CONTACT": "mailto:me@example.net", "DOWNLOAD_DELAY": 1.0}
    assert json.loads(withhold_contact(json.dumps(settings))) == {
        "USER_AGENT": "ess-crawler/0.1 (+contact withheld; ESS news archive)", "DOWNLOAD_DELAY": 1.0}
    custom = json.loads(withhold_contact(json.dumps({"USER_AGENT": "MonRobot/2 (me@example.net)"})))
    assert custom == {"USER_AGENT": "contact withheld"}  # no telling where the contact is: all of it
    assert withhold_contact(None) is None and withhold_contact("not json") is None
    paths = {"ESS_DB_PATH": "/home/operatrice/ess/archive/ess.db", "ESS_WARC_DIR": "/home/operatrice/ess/warc"}
    assert json.loads(withhold_contact(json.dumps(paths))) == {"ESS_DB_PATH": "ess.db", "ESS_WARC_DIR": "warc"}


@pytest.mark.parametrize("in_sql", [True, False])
def test_csv_and_jsonl_rows_round_trip(tmp_path, in_sql):
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (id integer primary key, s text, x real, n integer)")
    values = [(2, 'Il dit « oui », puis "non"\nfin', 0.25, None), (1, "", 1.0, 7), (3, None, None, -1),
              (4, "l’ESS, 100 % 😀\r\nx", 1e-07, 0)]
    conn.executemany("insert into t values (?, ?, ?, ?)", values)
    header = b"id,s,x,n\r\n"
    paths = tmp_path / "t.csv", tmp_path / "t.jsonl"
    assert export_rows(conn, "t", ["id", "s", "x", "n"], "id", header, paths, in_sql=in_sql) == 4
    with paths[0].open(encoding="utf-8", newline="") as f:
        parsed = list(csv.reader(f))
    expected = sorted(values)
    assert parsed[0] == ["id", "s", "x", "n"]
    assert [row[0] for row in parsed[1:]] == ["1", "2", "3", "4"]
    assert [row[1] for row in parsed[1:]] == ["" if v[1] is None else v[1] for v in expected]
    assert [float(row[2]) if row[2] else None for row in parsed[1:]] == [v[2] for v in expected]
    lines = paths[1].read_text(encoding="utf-8").splitlines()
    assert [tuple(json.loads(line).values()) for line in lines] == expected


def test_blob_values_fall_back_to_hex(tmp_path):
    conn = sqlite3.connect(":memory:")
    conn.execute("create table b (id integer primary key, data blob)")
    conn.execute("insert into b values (1, x'00ff')")
    (tmp_path / "csv").mkdir()
    assert export_table(conn, "b", tmp_path) == 1
    assert (tmp_path / "csv" / "b.csv").read_text().splitlines() == ["id,data", '1,"00ff"']
    assert json.loads((tmp_path / "jsonl" / "b.jsonl").read_text()) == {"id": 1, "data": "00ff"}


# ---------------------------------------------------------------- a small archive

def small_archive(path: Path, finished: str | None = "2024-03-01T10:00:00+00:00"):
    """An archive with two sites, one crawl and three articles, left open in WAL mode, never checkpointed."""
    archive = Archive(path)
    archive.db.execute("pragma wal_autocheckpoint = 0")
    archive.db["sites"].insert_all([{"name": "a", "title": "Site A", "origin": "https://a.example",
                                     "rights": "© A"}, {"name": "b", "origin": "https://b.example"}])
    if finished:
        archive.db["crawls"].insert({"id": 1, "site": "a", "started": "2024-03-01T09:00:00+00:00",
                                     "finished": finished, "status": "finished"})
    words = " ".join(f"mot{i}" for i in range(200))
    archive.db["articles"].insert_all([
        {"id": 1, "url": "https://a.example/1", "site": "a", "title": "Un", "published": "2020-01-02",
         "body_text": words, "tags": "[]"},
        {"id": 2, "url": "https://b.example/2", "site": "b", "title": "Deux", "published": "2019-05-06",
         "body_text": words, "tags": "[]"},
        {"id": 3, "url": "https://b.example/3", "site": "b", "title": "Trois", "body_text": "Court."},
    ])
    archive.db.conn.commit()
    return archive


def test_publish_reads_the_wal_and_dates_the_release_by_the_last_crawl(tmp_path):
    archive = small_archive(tmp_path / "a.db")
    try:
        assert (tmp_path / "a.db-wal").stat().st_size > 0
        release = publish_archive(tmp_path / "a.db", tmp_path / "rel")
    finally:
        archive.close()
    db = release.path / DB_FILE
    assert rows(db, "select id, word_count from articles order by id") == [(1, 200), (2, 200), (3, 1)]
    assert rows(db, "pragma journal_mode")[0][0] == "delete"
    assert rows(db, "select article_id, group_id, is_earliest from syndication") == [(1, 2, 0), (2, 2, 1)]
    assert release.created == "2024-03-01T10:00:00Z" and release.version == "2024.3.1"
    assert not list(tmp_path.glob("*.partial"))


def test_publish_needs_a_date_and_an_archive(tmp_path):
    small_archive(tmp_path / "a.db", finished=None).close()
    with pytest.raises(PublishError, match="--created"):
        publish_archive(tmp_path / "a.db", tmp_path / "rel")
    assert not (tmp_path / "rel.partial").exists()
    assert publish_archive(tmp_path / "a.db", tmp_path / "rel", created="2024-05-06T07:08:09+02:00").created == \
        "2024-05-06T05:08:09Z"
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(PublishError, match="not a SQLite archive"):
        publish_archive(tmp_path / "junk.db", tmp_path / "junk")


@pytest.mark.slow
def test_release_withholds_the_operators_contact(tmp_path):
    """A real crawl records the contact in crawls.settings; no file of its release holds it."""
    contact = "mailto:operatrice.ess-7f3a@example.net"
    server = SiteServer("chorum", [SAMPLES_DIR / "chorum"]).start()
    try:
        crawl = run_cli("crawl", "chorum", "--db", str(tmp_path / "a.db"), "--base-url", server.base_url,
                        "--no-warc", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
                        "-s", "LOG_LEVEL=ERROR", "-s", f"ESS_CONTACT={contact}")
    finally:
        server.stop()
    assert crawl.returncode == 0, crawl.stdout + crawl.stderr
    (source,) = rows(tmp_path / "a.db", "select settings from crawls")
    assert contact in json.loads(source[0])["USER_AGENT"]  # the contact is there to be found
    release = publish_archive(tmp_path / "a.db", tmp_path / "rel").path
    files = all_bytes(release)
    assert {"ess.db", "csv/crawls.csv", "jsonl/crawls.jsonl"} <= files.keys()
    for name, data in files.items():
        assert contact.encode() not in data, name
    (released,) = rows(release / DB_FILE, "select settings from crawls")
    assert json.loads(released[0])["USER_AGENT"].startswith("ess-crawler/")
    assert "contact withheld" in json.loads(released[0])["USER_AGENT"]
    assert rows(tmp_path / "a.db", "select settings from crawls") == [source]  # the archive keeps it


# ---------------------------------------------------------------- releases of the demo

@pytest.fixture(scope="module")
def releases(demo_db, tmp_path_factory):
    base = tmp_path_factory.mktemp("releases")
    return {mode: publish_archive(demo_db, base / mode, content=mode).path
            for mode in ("full", "excerpt", "metadata")}


def rows(db: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("mode", ["full", "excerpt", "metadata"])
def test_release_validates_as_a_frictionless_data_package(releases, mode):
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(releases[mode] / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_datapackage_describes_the_tables(releases, demo_db):
    package = json.loads((releases["full"] / "datapackage.json").read_text())
    metadata = yaml.safe_load((ROOT / "ess_crawler" / "datasette" / "metadata.yml").read_text())
    described = metadata.get("x-tables") or metadata["databases"]["ess"]["tables"]
    resources = {r["name"]: r for r in package["resources"]}
    assert "articles-fts" not in resources and not any(n.endswith("-data") for n in resources)
    articles = resources["articles"]
    fields = {f["name"]: f for f in articles["schema"]["fields"]}
    assert articles["description"] == described["articles"]["description"]
    assert fields["title"]["description"] == described["articles"]["columns"]["title"]
    assert fields["id"]["type"] == "integer" and fields["tags"]["type"] == "array"
    assert "word_count" in fields and "syndication" in resources
    assert articles["schema"]["primaryKey"] == ["id"]
    assert {"fields": ["site"], "reference": {"resource": "sites", "fields": ["name"]}} in \
        articles["schema"]["foreignKeys"]
    assert resources["article-tags"]["schema"]["primaryKey"] == ["article_id", "tag_id"]
    last_finished = rows(demo_db, "select max(finished) from crawls")[0][0]
    assert package["created"] == last_finished.replace("+00:00", "Z")
    assert package["content_mode"] == "full" and package["version"]
    assert {s["path"] for s in package["sources"]} >= {"https://www.chorum.fr", "https://www.ressources-solidaires.org"}
    assert package["licenses"] and package["contributors"]


def test_checksums_pass_sha256sum(releases):
    for release in releases.values():
        if shutil.which("sha256sum"):
            result = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=release, capture_output=True, text=True)
            assert result.returncode == 0, result.stdout + result.stderr
        listed = (release / "SHA256SUMS").read_text().splitlines()
        files = {p.relative_to(release).as_posix() for p in release_files(release)} - {"SHA256SUMS"}
        assert {line.split("  ", 1)[1] for line in listed} == files
        for line in listed:
            digest, name = line.split("  ", 1)
            assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest


def test_csv_and_jsonl_reload_with_the_same_counts(releases, tmp_path):
    release = releases["full"]
    package = json.loads((release / "datapackage.json").read_text())
    fresh = sqlite3.connect(tmp_path / "reloaded.db")
    for resource in package["resources"]:
        table = resource["title"]
        with (release / resource["path"]).open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            assert header == [field["name"] for field in resource["schema"]["fields"]]
            fresh.execute(f"create table [{table}] ({', '.join(f'[{c}]' for c in header)})")
            fresh.executemany(f"insert into [{table}] values ({', '.join('?' * len(header))})", reader)
        expected = rows(release / DB_FILE, f"select count(*) from [{table}]")[0][0]
        assert fresh.execute(f"select count(*) from [{table}]").fetchone()[0] == expected, table
        lines = (release / "jsonl" / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == expected
        if lines:
            assert list(json.loads(lines[0])) == header
    # rows come in primary-key order
    ids = [int(r[0]) for r in fresh.execute("select id from articles")]
    assert ids == sorted(ids)
    fresh.close()


def test_release_database_is_a_clean_copy(releases, demo_db):
    db = releases["full"] / DB_FILE
    assert rows(db, "pragma journal_mode")[0][0] == "delete"
    assert rows(db, "pragma integrity_check")[0][0] == "ok"
    assert rows(db, "pragma freelist_count")[0][0] == 0
    assert rows(db, "select count(*) from articles")[0][0] == rows(demo_db, "select count(*) from articles")[0][0]
    found = rows(db, "select a.url from article_search_fts f join articles a on a.id = f.rowid "
                     "where article_search_fts match ?", [stem_query("opportunite")])
    assert {SEED_CHORUM, SEED_RESSOURCES} <= {u for u, in found}
    info = dict(rows(db, "select key, value from release_info"))
    assert info["content_mode"] == "full" and info["name"] == "ess-news-archive"
    # the archive itself is only read (the demo itself runs `syndicate`; publish adds nothing)
    assert not rows(demo_db, "select name from sqlite_master where name = 'release_info'")


def test_release_groups_the_seed_article_2013_first(releases):
    for release in releases.values():
        found = dict(rows(release / DB_FILE,
                          "select a.url, s.group_id || ' ' || s.earliest_date || ' ' || s.is_earliest "
                          "from syndication s join articles a on a.id = s.article_id"))
        chorum, ressources = found[SEED_CHORUM].split(), found[SEED_RESSOURCES].split()
        assert chorum[0] == ressources[0] and chorum[1] == ressources[1] == "2013-11-25"
        assert (chorum[2], ressources[2]) == ("0", "1")


def release_files(release: Path) -> list[Path]:
    """The files of a release (without the bytecode Python may leave beside the plugins once served)."""
    return [p for p in release.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def all_bytes(release: Path) -> dict[str, bytes]:
    return {p.relative_to(release).as_posix(): p.read_bytes() for p in release_files(release)}


def test_metadata_release_holds_no_article_text(releases):
    needle, lead = BODY_SENTENCE.encode(), LEAD_WORDS.encode()
    full = all_bytes(releases["full"])
    assert any(needle in data for data in full.values())  # the sentence is there to be found
    for name, data in all_bytes(releases["metadata"]).items():
        assert needle not in data, name
        assert lead not in data, name
    db = releases["metadata"] / DB_FILE
    assert rows(db, "select count(*) from articles where lead is not null or body_text is not null "
                    "or body_html is not null")[0][0] == 0
    assert rows(db, "select count(*) from footnotes where text is not null or html is not null")[0][0] == 0
    assert rows(db, "select count(*) from footnotes where urls != '[]'")[0][0] > 0  # their URLs are kept
    assert rows(db, "select count(*) from related_links where teaser is not null")[0][0] == 0
    if rows(db, "select count(*) from sqlite_master where name = 'article_search'")[0][0]:
        assert rows(db, "select count(*) from article_search where coalesce(lead, '') != '' "
                        "or coalesce(body, '') != ''")[0][0] == 0
    # what is kept: titles, dates, link graph, counts
    seed = rows(db, "select title, published, word_count from articles where url = ?", [SEED_CHORUM])[0]
    full_count = rows(releases["full"] / DB_FILE, "select word_count from articles where url = ?", [SEED_CHORUM])
    assert seed[0].startswith("Réseaux sociaux") and seed[1] == "2014-03-25" and seed[2] == full_count[0][0] > 500
    assert rows(db, "select count(*) from related_links")[0][0] == \
        rows(releases["full"] / DB_FILE, "select count(*) from related_links")[0][0]
    assert "metadata" in (releases["metadata"] / "README.md").read_text()


def test_excerpt_release_keeps_the_lead_and_the_first_words(releases):
    db = releases["excerpt"] / DB_FILE
    lead, body, html, count = rows(db, "select lead, body_text, body_html, word_count from articles where url = ?",
                                   [SEED_CHORUM])[0]
    assert LEAD_WORDS in lead
    assert body.endswith("[…]") and len(body.split()) == 60 + 1
    assert html.startswith("<p>") and "<script" not in html
    assert count > 500
    package = json.loads((releases["excerpt"] / "datapackage.json").read_text())
    assert package["content_mode"] == "excerpt" and package["excerpt_words"] == 60


def test_two_publishes_are_byte_identical(demo_db, releases, tmp_path):
    again = publish_archive(demo_db, tmp_path / "again", content="full").path
    assert (again / "SHA256SUMS").read_bytes() == (releases["full"] / "SHA256SUMS").read_bytes()
    assert all_bytes(again) == all_bytes(releases["full"])


def test_data_card_tells_sites_rights_gaps_and_citation(releases, demo_db):
    card = (releases["full"] / "README.md").read_text()
    for (rights,) in rows(demo_db, "select rights from sites where rights != ''"):
        assert " ".join(rights.split()) in card
    for needle in ("Content mode: **full**", "## Known gaps", "without a publication date", "http 1",
                   "## How to cite", "datasette publish cloudrun", "datasette package", "sha256sum -c SHA256SUMS",
                   "2013-11-25", "pip install 'ess-crawler @ git+"):
        assert needle in card, needle
    # the plugin and its templates come with the installed package: no folders to point Datasette to
    assert "--template-dir" not in card and "plugins/" not in card
    assert "{{" not in card and "{%" not in card  # the Jinja template rendered whole


def test_release_folder_is_a_datasette_configuration(releases):
    release = releases["full"]
    assert (release / "metadata.yml").exists() and (release / "settings.json").exists()
    # the templates and plugins come with the installed package, not as copies that could drift
    assert not (release / "plugins").exists() and not (release / "templates").exists()
    metadata = yaml.safe_load((release / "metadata.yml").read_text())
    assert list(metadata["databases"]) == ["ess"]
    assert "syndication" in metadata["databases"]["ess"]["tables"]
    inspect = json.loads((release / "inspect-data.json").read_text())
    assert inspect["ess"]["file"] == DB_FILE
    assert inspect["ess"]["hash"] == hashlib.sha256((release / DB_FILE).read_bytes()).hexdigest()


def test_publish_refuses_to_overwrite_a_folder_that_is_not_a_release(demo_db, tmp_path):
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    with pytest.raises(PublishError, match="not empty"):
        publish_archive(demo_db, other)
    with pytest.raises(PublishError, match="does not look like a release"):
        publish_archive(demo_db, other, force=True)
    assert (other / "notes.txt").read_text() == "keep me"


def test_publish_command(demo_db, tmp_path):
    out = tmp_path / "rel"
    args = ["publish", "--db", str(demo_db), "--out", str(out), "--content", "metadata", "--version", "1.0.0",
            "--created", "2024-01-02"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Release 1.0.0 (metadata, created 2024-01-02T00:00:00Z)" in result.output
    assert CliRunner().invoke(main, args).exit_code != 0  # exists
    assert CliRunner().invoke(main, [*args, "--force"]).exit_code == 0
    package = json.loads((out / "datapackage.json").read_text())
    assert package["version"] == "1.0.0" and package["created"] == "2024-01-02T00:00:00Z"


# ---------------------------------------------------------------- served by Datasette as it is

def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode())


@pytest.mark.slow
def test_datasette_serves_the_release_folder_as_it_is(releases):
    release = releases["full"]
    before = (release / "SHA256SUMS").read_text()
    port = free_port()
    command = [sys.executable, "-m", "datasette", str(release), "--host", "127.0.0.1", "--port", str(port)]
    with running_server(command, port, release.parent / "datasette-release.log") as base:
        databases = get_json(base + "/-/databases.json")
        assert [(d["name"], d["is_mutable"]) for d in databases] == [("ess", False)]
        sql = "select count(*) as n from syndication where earliest_date = '2013-11-25'"
        assert get_json(base + "/ess.json?_shape=array&sql=" + urllib.parse.quote(sql)) == [{"n": 2}]
        article_id = get_json(base + "/ess/articles.json?_shape=array&_col=id&url=" + urllib.parse.quote(SEED_CHORUM))
        with urllib.request.urlopen(f"{base}/ess/articles/{article_id[0]['id']}", timeout=10) as response:
            page = response.read().decode()
        assert "trente ans de retard" in page  # the article page template and plugin work
        found = get_json(base + "/ess/search.json?_shape=array&q=" + urllib.parse.quote("opportunité"))
        assert article_id[0]["id"] in [r["article_id"] for r in found]  # the ranked French search too
    result = subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=release, capture_output=True)
    assert result.returncode == 0 and (release / "SHA256SUMS").read_text() == before
