"""A real Datasette server on the demo archive: accent-blind search, the article page, metadata."""

import json
import urllib.request

import pytest

from ess_crawler.cli import datasette_command

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
