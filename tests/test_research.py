"""Datasette as a research tool: French search, canned queries, the article page, a hostile page kept inert."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from pathlib import Path

import pytest
from datasette.app import Datasette
from hypothesis import given, settings
from hypothesis import strategies as st

from ess_crawler.datasette import config as datasette_config
from ess_crawler.extract import extract_article
from ess_crawler.items import Article, Footnote
from ess_crawler.profiles import get_profile, load_profiles
from ess_crawler.search import MARK_END, MARK_START, NO_MATCH, snippet, stem_query, stem_text
from ess_crawler.sqlite import sqlite3
from ess_crawler.store.archive import Archive
from ess_crawler.store.search_index import index_article, reindex

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_FILE = ROOT / "ess_crawler" / "demo" / "sites" / "ressources_solidaires" / "Article-piege-securite.html"
HOSTILE_URL = "https://www.ressources-solidaires.org/Article-piege-securite"
HAND_EDITED_URL = "https://www.ressources-solidaires.org/Article-modifie-a-la-main"
SEED_CHORUM = "https://www.chorum.fr/actualite/reseaux-sociaux-une-opportunite-pour-less"
MALFORMED = ['"', '"unbalanced', "OR", "AND", "NOT", "NOT x", "-", "-x", "*", "**", "x**", "(", ")", "((x", "x))",
             "()", ":", "titre:", "x:y", "NEAR(a b", "^x", "{a b}: c", "a + b", "'", "l'", "’", "\\", "%", "_",
             "'; drop table articles; --", "\x00", MARK_START, "🙂", "a" * 3000, "(" * 500 + "x", '"' * 7,
             "title : x", "coopérative OR", "OR coopérative", "coopérative NOT", "c*o*o*p", "-(", '-"a b'] + [""]


# ---------------------------------------------------------------- stems and queries

def test_stems_ignore_case_accents_and_inflections():
    assert stem_text("coopérative") == stem_text("coopératives") == stem_text("Cooperatives") == "cooper"
    assert stem_text("COOPÉRATIVE") == "cooper"
    assert stem_text("Les Mutuelles d’assurance") == "le mutuel d assur"
    assert stem_text("cœur") == stem_text("coeur")
    assert stem_text(None) == ""


def test_query_keeps_phrases_prefixes_and_operators():
    assert stem_query("coopératives") == '"cooper"'
    assert stem_query('"économie sociale" coopératives') == '"econom social" AND "cooper"'
    assert stem_query("mutu*") == '"mutu"*'
    assert stem_query("coopérati*").startswith('("cooperati"* OR ') and '"cooper"' in stem_query("coopérati*")
    assert stem_query("coopérative OR mutuelle -assurance") == '("cooper" OR "mutuel") NOT "assur"'
    assert stem_query("titre:coopératives") == 'title : ("cooper")'
    assert stem_query("l'ESS") == '"l ess"'


@pytest.mark.parametrize("query", MALFORMED)
def test_malformed_queries_become_valid_fts5(query):
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table f using fts5(title, lead, body)")
    conn.execute("insert into f values ('cooper', 'x', 'y')")
    conn.execute("select count(*) from f where f match ?", [stem_query(query)]).fetchone()
    snippet("Les coopératives", query)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('"()*-:^+{}\' abcéOR NOTAND\u2019\ue000')), max_size=30))
def test_any_query_is_valid_fts5(query):
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table f using fts5(title, lead, body)")
    conn.execute("select count(*) from f where f match ?", [stem_query(query)]).fetchone()


def test_nothing_usable_matches_nothing():
    for query in ("", "   ", "!!!", "OR", "-coopérative", "NOT x"):
        assert stem_query(query) == NO_MATCH


def test_snippet_marks_the_inflected_words():
    text = "Début. " * 50 + "Les Coopératives et la mutuelle travaillent ensemble. " + "Fin. " * 50
    result = snippet(text, "coopérative mutuelles")
    assert f"{MARK_START}Coopératives{MARK_END}" in result and f"{MARK_START}mutuelle{MARK_END}" in result
    assert result.startswith("…") and result.endswith("…")
    assert snippet("", "x") == "" and MARK_START not in snippet("Rien à voir.", "coopérative")


# ---------------------------------------------------------------- the index in the archive

def article(url, title, body, **more):
    return Article(url=url, site="chorum", title=title, body_text=body, content_sha256=str(hash(body)), **more)


@pytest.fixture
def archive(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.register_site(load_profiles()["chorum"])
    yield archive
    archive.close()


def save(archive, item):
    archive.save_article(item)
    article_id = archive.db.execute("select id from articles where url = ?", [item.url]).fetchone()[0]
    with archive.db.atomic():
        index_article(archive.db, article_id)  # what Archive.save_article does once wired
    return article_id


def search(archive, query):
    return [r[0] for r in archive.db.execute(
        "select a.title from article_search_fts f join articles a on a.id = f.rowid "
        "where article_search_fts match ? order by rank", [stem_query(query)])]


def test_search_finds_french_inflections_both_ways(archive):
    save(archive, article("https://www.chorum.fr/a", "La Coopérative du quartier", "Une épicerie."))
    save(archive, article("https://www.chorum.fr/b", "Deux coopératives fusionnent", "Des salariés associés."))
    save(archive, article("https://www.chorum.fr/c", "Une mutuelle", "Rien sur le sujet."))
    assert sorted(search(archive, "coopérative")) == ["Deux coopératives fusionnent", "La Coopérative du quartier"]
    assert sorted(search(archive, "coopératives")) == sorted(search(archive, "coopérative"))
    assert "La Coopérative du quartier" in search(archive, "cooperatives")
    assert search(archive, "MUTUELLES") == ["Une mutuelle"]


def test_phrase_prefix_and_not_queries(archive):
    save(archive, article("https://www.chorum.fr/a", "Économie sociale et solidaire", "La loi de 2014."))
    save(archive, article("https://www.chorum.fr/b", "Une économie très sociale", "Des coopérations locales."))
    save(archive, article("https://www.chorum.fr/c", "Les mutualités", "Mutualiser les achats."))
    assert search(archive, '"économie sociale"') == ["Économie sociale et solidaire"]
    assert len(search(archive, "economie sociale")) == 2
    assert search(archive, "mutu*") == ["Les mutualités"]
    assert search(archive, "coopérati*") == ["Une économie très sociale"]   # coopérations: stem "cooper"
    assert search(archive, "économie -solidaire") == ["Une économie très sociale"]
    assert search(archive, "titre:loi") == [] and search(archive, "texte:loi") == ["Économie sociale et solidaire"]


def test_the_title_weighs_more_than_the_body(archive):
    save(archive, article("https://www.chorum.fr/a", "Un rapport", "Il parle un peu des coopératives."))
    save(archive, article("https://www.chorum.fr/b", "Les coopératives en 2024", "Un bilan chiffré."))
    assert search(archive, "coopératives") == ["Les coopératives en 2024", "Un rapport"]


def test_index_follows_updates_and_reindex_rebuilds(archive):
    article_id = save(archive, article("https://www.chorum.fr/a", "Les coopératives", "Texte."))
    save(archive, article("https://www.chorum.fr/a", "Les mutuelles", "Texte corrigé."))
    assert search(archive, "coopérative") == [] and search(archive, "mutuelle") == ["Les mutuelles"]
    with archive.db.atomic():
        index_article(archive.db, 999)  # no such article: nothing to index, no error
        assert reindex(archive.db) == 1
    assert search(archive, "mutuelle") == ["Les mutuelles"]
    assert archive.db.execute("select count(*) from article_search").fetchone()[0] == 1
    assert archive.db.execute("select article_id from article_search").fetchone()[0] == article_id
    assert archive.integrity_ok()


# ---------------------------------------------------------------- Datasette on the demo archive

def add_research_articles(path: Path) -> None:
    """Into an archive: the hostile sample page, a hand-edited hostile row, a changed article; all indexed."""
    archive = Archive(path)
    try:
        profile = get_profile("ressources_solidaires")
        archive.register_site(profile)
        if not archive.db.execute("select 1 from articles where url = ?", [HOSTILE_URL]).fetchone():
            archive.save_article(extract_article(HOSTILE_FILE.read_bytes(), HOSTILE_URL, profile))
        texte = re.search(r'<div class="texte[^>]*>(.*?)</div>\s*<p class="hyperlien"', HOSTILE_FILE.read_text("utf-8"),
                          re.S).group(1)
        notes = re.findall(r'(<div id="nb\d">.*?</div>)', HOSTILE_FILE.read_text("utf-8"), re.S)
        archive.save_article(Article(  # as if someone edited the database by hand: raw, unsanitised HTML
            url=HAND_EDITED_URL, site="ressources_solidaires", title="Article modifié à la main",
            published="2016-05-11", body_text="Texte modifié à la main.", body_html=texte, content_sha256="hand",
            footnotes=[Footnote(str(n), "note", html=html) for n, html in enumerate(notes, start=1)]))
        seed = archive.db.execute("select title, body_text, content_sha256 from articles where url = ?",
                                  [SEED_CHORUM]).fetchone()
        if seed and not archive.db.execute("select count(*) from revisions").fetchone()[0]:
            row = archive.db.execute("select * from articles where url = ?", [SEED_CHORUM]).fetchone()
            archive.db.execute("update articles set title = ?, content_sha256 = ? where url = ?",
                               ["Réseaux sociaux : une première version", "old", SEED_CHORUM])
            archive.db.execute("insert into revisions (article_id, revised_at, title, published, content_sha256, "
                               "footnotes) values (?, '2024-01-01T00:00:00+00:00', ?, ?, ?, '[]')",
                               [row[0], seed[0], "2014-03-24", seed[2]])
            archive.db.execute("update articles set title = ?, content_sha256 = ? where url = ?",
                               [seed[0], seed[2], SEED_CHORUM])
        with archive.db.atomic():
            reindex(archive.db)
        archive.db.conn.commit()
    finally:
        archive.close()
    conn = sqlite3.connect(path)  # one file, as Datasette reads it (--immutable)
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.execute("pragma journal_mode=delete")
    conn.close()


def datasette_for(path: Path) -> Datasette:
    """Datasette as `ess-crawler serve` runs it (same metadata and settings; the plugin is installed)."""
    return Datasette(immutables=[str(path)], metadata=datasette_config.load_metadata(),
                     settings=datasette_config.load_settings())


class Client:
    def __init__(self, ds: Datasette):
        self.ds = ds
        self.loop = asyncio.new_event_loop()

    def get(self, path: str):
        return self.loop.run_until_complete(self.ds.client.get(path))

    def json(self, path: str):
        response = self.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()


@pytest.fixture(scope="module")
def client(demo_db, tmp_path_factory):
    """The demo archive plus the research articles, served under another name than demo (any archive works)."""
    path = tmp_path_factory.mktemp("research") / "research.db"
    shutil.copy(demo_db, path)
    add_research_articles(path)
    client = Client(datasette_for(path))
    yield client
    client.loop.close()


def rows(client, path):
    return client.json(path + ("&" if "?" in path else "?") + "_shape=array")


def article_id(client, url):
    return rows(client, f"/research/articles.json?url={url}&_col=id")[0]["id"]


def test_table_search_box_is_french(client):
    titles = {r["title"] for r in rows(client, "/research/articles.json?_search=cooperatives&_col=title&_size=100")}
    assert "Coopératives d’activité et d’emploi : un modèle qui séduit les créateurs" in titles
    assert "Loi ESS : ce qui change pour les associations et les coopératives" in titles
    same = {r["title"] for r in rows(client, "/research/articles.json?_search=Coop%C3%A9rative&_col=title&_size=100")}
    assert same == titles
    urls = {r["url"] for r in rows(client, "/research/article_list.json?_search=opportunite&_size=100")}
    assert SEED_CHORUM in urls


def test_search_query_ranks_and_highlights(client):
    page = client.get("/research/search?q=coop%C3%A9ratives+emploi")
    assert page.status_code == 200
    assert "<mark>coopératives</mark>" in page.text.lower() or "<mark>Coopératives</mark>" in page.text
    found = rows(client, "/research/search.json?q=coop%C3%A9ratives+emploi")
    assert found[0]["title"].startswith("Coopératives d’activité et d’emploi")   # both words in the title
    assert {"article_id", "site", "date", "category", "title", "snippet"} <= set(found[0])
    link = f'href="/research/articles/{found[0]["article_id"]}"'
    assert link in page.text
    only = rows(client, "/research/search.json?q=coop%C3%A9ratives&site=chorum")
    assert only and {r["site"] for r in only} == {"chorum"}


@pytest.mark.parametrize("min_split", [1, 20_000])
def test_search_query_ranks_as_bm25_on_one_or_several_cores(client, monkeypatch, min_split):
    """The Recherche page, ranked in id ranges on worker threads or in one piece, lists bm25's best first."""
    monkeypatch.setattr("ess_crawler.search.ranking.MIN_SPLIT", min_split)
    path = Path(client.ds.databases["research"].path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    for query, site in [("coopératives", ""), ("économie sociale", ""), ("emploi OR santé", "chorum")]:
        expected = [r[0] for r in conn.execute(
            "select rowid from article_search_fts where article_search_fts match ? "
            "and (? = '' or rowid in (select id from articles where site = ?)) "
            "order by bm25(article_search_fts, 10.0, 5.0, 1.0), rowid limit 50", [stem_query(query), site, site])]
        found = rows(client, f"/research/search.json?q={query}&site={site}")
        assert expected and [r["article_id"] for r in found] == expected
    conn.close()


@pytest.mark.parametrize("query", MALFORMED)
def test_malformed_queries_never_fail(client, query):
    from urllib.parse import quote

    for path in (f"/research/search?q={quote(query)}", f"/research/articles?_search={quote(query)}",
                 f"/research/article_list.json?_search={quote(query)}", f"/research/term_over_time?q={quote(query)}"):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])


def test_raw_search_mode_errors_are_clear(client):
    response = client.get("/research/articles.json?_search=%22&_searchmode=raw")  # FTS5 syntax over stems
    assert response.status_code == 400 and "unterminated string" in response.json()["error"]
    assert rows(client, "/research/articles.json?_search=%22cooper%22&_searchmode=raw&_col=id")


QUERIES = {"search": "?q=coop%C3%A9rative", "articles_per_month": "", "term_over_time": "?q=mutuelles",
           "footnote_domains": "", "site_links": "", "linked_domains": "", "related_resolved": "",
           "republished": "", "recent_changes": "", "sources": ""}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_canned_query_returns_rows(client, name):
    found = rows(client, f"/research/{name}.json{QUERIES[name]}")
    assert found, name
    html = client.get(f"/research/{name}{QUERIES[name]}")
    assert html.status_code == 200


def test_canned_queries_answer_research_questions(client):
    pairs = rows(client, "/research/republished.json")
    seed = [p for p in pairs if "opportunité pour l’ESS" in p["title"]]
    assert seed and seed[0]["site"] == "ressources_solidaires" and seed[0]["other_site"] == "chorum"
    assert "same text" in seed[0]["evidence"] and seed[0]["days_later"] == 120
    domains = {r["domain"]: r for r in rows(client, "/research/footnote_domains.json")}
    assert domains["blog.dbth.fr"]["sites"] == 2
    changed = rows(client, "/research/recent_changes.json")
    assert changed[0]["previous_published"] == "2014-03-24" and "date" in changed[0]["changed"]
    months = rows(client, "/research/term_over_time.json?q=mutuelles")
    assert any(m["mentioning"] for m in months) and all(0 <= m["percent"] <= 100 for m in months)
    resolved = rows(client, "/research/related_resolved.json?site=chorum")
    assert resolved and {r["site"] for r in resolved} == {"chorum"}
    assert all(r["target_title"] for r in resolved)


def test_metadata_describes_every_archive(client):
    data = client.json("/-/metadata.json")["databases"]
    for name in ("demo", "ess", "research"):
        tables = data[name]["tables"]
        assert tables["article_list"]["fts_table"] == "article_search_fts"
        assert "fts_table" not in tables["articles"]  # its search box is article_search.py's (+id)
        assert tables["article_list"]["facets"] == [{"article": c} for c in ("site", "category", "year", "tags")]
        assert tables["sites"]["columns"]["rights"]
        assert data[name]["queries"]["search"]["title"] == "Recherche"
        assert all(q.get("title") and q.get("description_html") for q in data[name]["queries"].values())


def test_article_list_facets_site_category_year_and_tags(client):
    data = client.json("/research/article_list.json?_search=coop%C3%A9rative")
    facets = data["facet_results"]
    assert {"site", "category", "year", "tags"} <= set(facets)
    assert data["rows"] and data["rows"][0][1] >= data["rows"][-1][1]  # newest first (published column)


def test_keyword_facet_and_filter(client):
    data = client.json("/research/article_list.json?_size=100")
    tags = {v["value"]: v for v in data["facet_results"]["tags"]["results"]}
    assert tags["ESS"]["count"] >= 3 and "_tag=ESS" in tags["ESS"]["toggle_url"]
    tagged = {r["id"] for r in rows(client, "/research/article_list.json?_tag=ESS&_size=100")}
    same = {r["id"] for r in rows(client, "/research/article_list.json?tags__arraycontains=ESS&_size=100")}
    assert tagged == same and len(tagged) == tags["ESS"]["count"]
    both = rows(client, "/research/articles.json?_tag=ESS&_tag=Territoires&_col=tags&_size=100")
    assert both and all({"ESS", "Territoires"} <= set(json.loads(r["tags"])) for r in both)
    filtered = client.json("/research/article_list.json?_tag=ESS")["facet_results"]["tags"]["results"]
    assert next(v for v in filtered if v["value"] == "ESS")["selected"]


def test_article_page_shows_footnotes_and_related_links(client):
    page = client.get(f"/research/articles/{article_id(client, SEED_CHORUM)}").text
    body = page[page.index('<article class="ess-article">'):page.index("</article>")]
    assert 'id="fn-1"' in body and 'href="#fn-1"' in body and 'href="#fnref-1"' in body
    assert "blog.dbth.fr" in body
    assert "Sur le même sujet" in body and 'class="ess-archived"' in body and "(archivé)" in body
    assert "Versions antérieures" in body                   # the revision made by the fixture
    assert f'href="{SEED_CHORUM}"' in body                  # the original


def assert_inert(html: str) -> None:
    assert "<script" not in html.lower()
    assert not re.search(r"\son[a-z]+\s*=", html, re.I), re.search(r"\son[a-z]+\s*=.{0,60}", html, re.I)
    assert not re.search(r"""(href|src|action|formaction|data)\s*=\s*["']?\s*(javascript|data|vbscript):""",
                         html, re.I)
    for tag in ("<iframe", "<object", "<embed", "<svg", "<math", "<style", "<form", "<base", "<meta", "<link"):
        assert tag not in html.lower(), tag
    assert " style=" not in html.lower()


@pytest.mark.parametrize("url", [HOSTILE_URL, HAND_EDITED_URL])
def test_hostile_article_renders_inert(client, url):
    response = client.get(f"/research/articles/{article_id(client, url)}")
    assert response.status_code == 200
    page = response.text
    body = page[page.index('<div class="ess-body">'):page.index("</article>")]  # body, notes, related links
    assert_inert(body)
    assert "Dernier paragraphe" in body                      # the text is all there
    assert "Texte caché par une feuille de style" in body    # and what a page's style hid is shown
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy


def test_hostile_title_is_escaped_everywhere(client):
    for path in ("/research/search?q=pi%C3%A8ge", "/research/article_list?_search=pi%C3%A8ge",
                 f"/research/articles/{article_id(client, HOSTILE_URL)}"):
        page = client.get(path).text
        assert "&lt;script&gt;" in page and "<script> et" not in page, path


def test_csp_on_every_html_page(client):
    for path in ("/", "/research", "/research/articles", "/research/search?q=x", "/chart/research",
                 "/research/captures", "/research/sites", "/research/article_list?tags__arraycontains=ESS",
                 "/research/coverage", "/research/discovered"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"], path
    assert "content-security-policy" not in client.get("/research/articles.json").headers


def test_unknown_paths_are_404_pages(client):
    """Even where `rich` is installed (it is in the test extra), which breaks Datasette 0.65's 404 handler."""
    import rich  # noqa: F401 - the condition under which Datasette's handler fails

    for path in ("/research/articles/1/nothing", "/research/a/b/c", "/nowhere/x/y/z", "/research/nosuch"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "content-security-policy" in response.headers


def test_chart_page_draws_articles_per_month_per_site(client):
    page = client.get("/chart/research").text
    sites = {r["site"] for r in rows(client, "/research/articles_per_month.json")}
    assert page.count("<polyline") == len(sites) >= 2
    assert "<svg" in page and 'data-site="chorum"' in page
    content = page[page.index('<section class="content">'):page.index("</section>")]
    assert "<script" not in content
    assert client.get("/chart/research?by=year").text.count("<polyline") == len(sites)
    assert 'href="/chart/research"' in client.get("/chart").text
    assert client.get("/chart/nowhere").status_code == 404


def test_cells_escape_what_queries_return(client):
    from urllib.parse import quote

    sql = ("select 1 as article_id, '<img src=x onerror=alert(1)>' as title, "
           f"'a {MARK_START}<b>b</b>{MARK_END} c' as snippet")
    page = client.get(f"/research?sql={quote(sql)}").text
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<mark>&lt;b&gt;b&lt;/b&gt;</mark>" in page
    assert '<a href="/research/articles/1">' in page


def test_served_files_are_described(client):
    data = json.loads(client.get("/research/article_search.json?_shape=objects&_size=1").text)
    assert data["rows"]  # hidden from the list of tables, but there for SQL


def test_a_search_past_the_time_limit_says_so(demo_db, monkeypatch):
    """Ranked on worker threads, a search that outlasts the SQL time limit gives Datasette's "took too long"."""

    class SlowClock:  # every look at the clock finds 10 s more: the ranking outlasts any limit
        now = 0.0

        @classmethod
        def perf_counter(cls):
            cls.now += 10.0
            return cls.now

    monkeypatch.setattr("ess_crawler.search.ranking.MIN_SPLIT", 1)
    monkeypatch.setattr("ess_crawler.search.ranking.PROGRESS_STEPS", 1)
    monkeypatch.setattr("ess_crawler.search.ranking.time", SlowClock)
    client = Client(datasette_for(demo_db))
    try:
        assert client.get("/demo/articles.json?_search=le").status_code == 200  # the clock is the ranker's only
        response = client.get("/demo/search.json?q=le")
        assert response.status_code == 400
        assert "too long" in response.json()["error"]
    finally:
        client.loop.close()


def test_article_list_search_walks_the_small_indexes(demo_db):
    """The search box of article_list: matches tested against the page's index, not looked up one by one."""
    conn = sqlite3.connect(f"file:{demo_db}?mode=ro", uri=True)
    matches = "id in (select rowid from article_search_fts where article_search_fts match ?)"
    for sql in (f"select count(*) from article_list where {matches}",
                f"select * from article_list where {matches} order by published desc limit 51",
                f"select site, count(*) from article_list where {matches} group by site"):
        plan = " ".join(r[3] for r in conn.execute("explain query plan " + sql, ["cooper"]))
        assert "INTEGER PRIMARY KEY" not in plan, plan
    listed = conn.execute(f"select id from article_list where {matches} order by id", ["cooper"]).fetchall()
    direct = conn.execute(f"select id from articles where {matches} order by id", ["cooper"]).fetchall()
    assert listed == direct and len(listed) > 5
    conn.close()


def test_older_archives_get_the_new_article_list(tmp_path):
    path = tmp_path / "old.db"
    Archive(path).close()
    conn = sqlite3.connect(path)
    conn.execute("drop view article_list")
    conn.execute("create view article_list as select id, published, substr(published, 1, 4) as year, site, "
                 "category, title, tags, lead, url from articles")
    conn.execute("pragma user_version = 4")
    conn.commit()
    conn.close()
    Archive(path).close()
    conn = sqlite3.connect(path)
    assert "+id as id" in conn.execute("select sql from sqlite_master where name = 'article_list'").fetchone()[0]
    conn.close()


# ---------------------------------------------------------------- facets and caches on searched pages

def exact_counts(path, query: str, column: str, table: str = "articles") -> dict:
    """What a facet must show: the plain SQL count of each value over the search's matches."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ids = "select rowid from article_search_fts where article_search_fts match ?"
        if column == "tags":
            sql = (f"select j.value, count(*) from articles a, json_each(a.tags) j where a.id in ({ids}) "
                   "and j.type = 'text' group by 1")
        else:
            expr = "substr(published, 1, 4)" if column == "year" else column
            sql = f"select {expr}, count(*) from articles where id in ({ids}) and {expr} is not null group by 1"
        return dict(conn.execute(sql, [stem_query(query)]).fetchall())
    finally:
        conn.close()


def shown_counts(data: dict, column: str) -> dict:
    return {v["value"]: v["count"] for v in data["facet_results"][column]["results"]}


@pytest.mark.parametrize("query", ["coopérative", "mutuelles", "emploi OR santé", "zzzunknown"])
def test_searched_facets_equal_exact_sql_counts(client, query):
    from urllib.parse import quote

    path = client.ds.databases["research"].path
    for table, columns in (("article_list", ("site", "category", "year", "tags")),
                           ("articles", ("site", "category", "tags", "language"))):
        data = client.json(f"/research/{table}.json?_search={quote(query)}&_facet_size=max")
        assert set(columns) <= set(data["facet_results"])  # none past the facet time limit
        for column in columns:
            assert shown_counts(data, column) == exact_counts(path, query, column), (table, column)
        assert data["filtered_table_rows_count"] == sum(exact_counts(path, query, "site").values())
        again = client.json(f"/research/{table}.json?_search={quote(query)}&_facet_size=max")  # from the cache
        assert again["facet_results"] == data["facet_results"]


def test_facets_keep_datasette_shape_and_order(client):
    data = client.json("/research/article_list.json?_search=coop%C3%A9rative")
    for column in ("site", "category", "year"):
        facet = data["facet_results"][column]
        assert facet["type"] == "column" and facet["hideable"] is False
        counts = [(-v["count"], v["value"]) for v in facet["results"]]
        assert counts == sorted(counts)  # count desc, then value
        assert all(f"{column}=" in v["toggle_url"] for v in facet["results"])
    assert data["facet_results"]["tags"]["type"] == "array"
    assert all("_tag=" in v["toggle_url"] for v in data["facet_results"]["tags"]["results"])
    labels = client.json("/research/articles.json?_search=coop%C3%A9rative")["facet_results"]["site"]["results"]
    assert any(v["label"] != v["value"] for v in labels)  # site names as the sites table labels them


def test_articles_search_box_walks_the_small_indexes(client):
    html = client.get("/research/articles?_search=coop%C3%A9rative").text
    assert 'name="_search"' in html and 'value="coopérative"' in html
    data = client.json("/research/articles.json?_search=coop%C3%A9rative&_col=id")
    assert "+id in (select rowid from article_search_fts" in data["query"]["sql"]
    titles = rows(client, "/research/articles.json?_search_title=coop%C3%A9ratives&_col=title&_size=100")
    assert titles and all("cooper" in stem_text(r["title"]).split() for r in titles)  # in the title itself
    assert client.get("/research/articles.json?_search_url=x").status_code == 400


def test_facet_and_ranking_caches_never_serve_another_archive_or_an_older_state(demo_db, tmp_path):
    """Two archives with the same tables and SQL, and one archive written while served: each page
    shows its own archive's current counts and best matches."""
    from ess_crawler.datasette.freshness import archive_version

    first, second = tmp_path / "first.db", tmp_path / "second.db"
    shutil.copy(demo_db, first)
    shutil.copy(demo_db, second)
    archive = Archive(second)
    for i in range(3):
        archive.save_article(Article(url=f"https://www.chorum.fr/zebrelune-{i}", site="chorum",
                                     title=f"La zèbrelune {i}", body_text="Une zèbrelune coopérative. " * 20,
                                     content_sha256=f"z{i}"))
    archive.close()
    ds = Datasette(files=[str(first), str(second)], metadata=datasette_config.load_metadata(),
                   settings=datasette_config.load_settings())
    client = Client(ds)
    try:
        page = "/{}/article_list.json?_search=z%C3%A8brelune"
        assert client.json(page.format("first"))["filtered_table_rows_count"] == 0
        assert shown_counts(client.json(page.format("second")), "site") == {"chorum": 3}
        assert rows(client, "/first/search.json?q=z%C3%A8brelune") == []
        assert len(rows(client, "/second/search.json?q=z%C3%A8brelune")) == 3
        version = archive_version(first)
        assert archive_version(first) == version  # nothing written: the same
        archive = Archive(first)  # a crawl writes the first archive meanwhile
        archive.save_article(Article(url="https://www.chorum.fr/zebrelune", site="chorum", title="La zèbrelune",
                                     body_text="Une zèbrelune. " * 20, content_sha256="z"))
        archive.close()
        assert archive_version(first) != version
        data = client.json(page.format("first"))
        assert data["filtered_table_rows_count"] == 1 and shown_counts(data, "site") == {"chorum": 1}
        assert shown_counts(data, "year") == exact_counts(first, "zèbrelune", "year")
        assert [r["title"] for r in rows(client, "/first/search.json?q=z%C3%A8brelune")] == ["La zèbrelune"]
        other = client.json("/first/article_list.json?_search=coop%C3%A9rative")  # another query, its own counts
        assert shown_counts(other, "site") == exact_counts(first, "coopérative", "site")
    finally:
        client.loop.close()


def test_archive_version_follows_the_file(tmp_path):
    from ess_crawler.datasette.freshness import ResultCache, archive_version

    path = tmp_path / "a.db"
    conn = sqlite3.connect(path)
    conn.execute("pragma journal_mode = wal")
    conn.execute("create table t (x)")
    conn.commit()
    before = archive_version(path)
    assert before is not None and archive_version(path) == before
    conn.execute("insert into t values (1)")
    conn.commit()
    after = archive_version(path)
    assert after != before and archive_version(path) == after
    conn.close()
    replaced = tmp_path / "b.db"
    shutil.copy(path, replaced)
    replaced.replace(path)  # another file under the same name
    assert archive_version(path) not in (before, after)
    assert archive_version(None) is None and archive_version(tmp_path / "missing.db") is None
    cache = ResultCache(2)
    for key in "abc":
        cache.put(key, key)
    assert cache.get("a") is None and cache.get("c") == "c" and len(cache) == 2
