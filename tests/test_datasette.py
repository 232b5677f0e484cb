"""A real Datasette server on the demo archive: accent-blind search, the article page, metadata."""

import json
import shutil
import urllib.error
import urllib.parse
import urllib.request

import pytest

from ess_crawler.datasette.config import datasette_command
from ess_crawler.items import Article
from ess_crawler.sqlite import sqlite3
from ess_crawler.store.archive import Archive

from .conftest import free_port, running_server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(demo_db, tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("datasette") / "datasette.log"
    with running_server(datasette_command(demo_db, "127.0.0.1", port), port, log) as base:
        yield base + "/" + demo_db.stem


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def test_search_without_accents_finds_the_seed_article(server):
    rows = json.loads(get(server + "/articles.json?_search=opportunite&_shape=array"))
    urls = {r["url"] for r in rows}
    assert "https://www.chorum.fr/actualite/reseaux-sociaux-une-opportunite-pour-less" in urls
    assert "https://www.ressources-solidaires.org/Reseaux-sociaux-une-opportunite-pour-l-ESS" in urls


def test_search_ignores_case(server):
    lower = json.loads(get(server + "/articles.json?_search=facebook&_shape=array&_col=id"))
    upper = json.loads(get(server + "/articles.json?_search=FACEBOOK&_shape=array&_col=id"))
    assert lower and lower == upper


def test_article_page_reads_like_the_article(server):
    rows = json.loads(get(server + "/articles.json?url=https://www.chorum.fr/actualite/"
                                   "reseaux-sociaux-une-opportunite-pour-less&_shape=array"))
    page = get(f"{server}/articles/{rows[0]['id']}")
    assert "Réseaux sociaux : une opportunité pour l’ESS ?" in page
    assert 'id="fn-1"' in page and 'href="#fn-1"' in page        # numbered, linked notes
    assert "blog.dbth.fr" in page
    assert "Sur le même sujet" in page and "(archivé)" in page     # related, resolved
    assert "<script>alert" not in page


def test_metadata_describes_tables_and_columns(server):
    data = json.loads(get(server.rsplit("/", 1)[0] + "/-/metadata.json"))
    tables = data["databases"]["demo"]["tables"]
    assert tables["articles"]["columns"]["published"]
    assert "footnotes" in tables and "related_links" in tables and "errors" in tables


def test_serve_follows_a_crawl_writing_the_archive_and_never_writes(demo_db, tmp_path):
    """`ess-crawler serve` reads through read-only connections: an article saved while it runs
    shows up (search included), and SQL that would write is refused."""
    db = tmp_path / "live.db"
    shutil.copy(demo_db, db)
    port = free_port()
    with running_server(datasette_command(db, "127.0.0.1", port), port, tmp_path / "datasette.log") as base:
        assert [(d["name"], d["is_mutable"]) for d in json.loads(get(base + "/-/databases.json"))] == [
            ("live", True)]
        search = base + "/live/articles.json?_search=zebrelune&_shape=array&_col=url"
        assert json.loads(get(search)) == []
        archive = Archive(db)  # what a crawl does meanwhile
        url = "https://www.chorum.fr/actualite/la-zebrelune"
        archive.save_article(Article(url=url, site="chorum", title="La zèbrelune", body_text="Une zèbrelune. " * 20,
                                     content_sha256="x"))
        archive.close()
        assert [r["url"] for r in json.loads(get(search))] == [url]
        found = json.loads(get(base + "/live/search.json?_shape=array&q=zebrelune"))
        assert [r["title"] for r in found] == ["La zèbrelune"]
        with pytest.raises(urllib.error.HTTPError) as refused:
            get(base + "/live.json?sql=" + urllib.parse.quote(f"delete from articles where url = '{url}'"))
        assert refused.value.code == 400
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from articles where url = ?", [url]).fetchone()[0] == 1
    conn.close()
