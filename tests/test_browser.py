"""A reader in a real browser: headless Chromium (Debian's) driven by Playwright on Datasette over the demo archive.

Searches, opens an article, follows a footnote, sees the related links; opens the hostile
sample article and checks that none of its payloads ran; checks that Datasette's own
scripts still run under the Content-Security-Policy. Every request that is not to the
local Datasette is aborted: nothing leaves the machine.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ess_crawler.datasette.config import datasette_command
from tests.conftest import free_port, running_server
from tests.test_research import HOSTILE_URL, SEED_CHORUM, add_research_articles

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def server(demo_db, tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium): apt-get install chromium")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    path = tmp_path_factory.mktemp("browser") / "demo.db"
    shutil.copy(demo_db, path)
    add_research_articles(path)  # the hostile sample page, once more if the demo crawl already has it
    port = free_port()
    with running_server(datasette_command(path, "127.0.0.1", port), port, path.parent / "datasette.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context()
    local = server + "/"

    def only_local(route):  # pictures of the hostile page point to the web: nothing may leave the machine
        if route.request.url.startswith(local):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.csp_errors = []
    page.on("console", lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    page.set_default_timeout(15000)
    yield page
    context.close()


def test_search_then_read_an_article_with_its_notes_and_related_links(page, server):
    page.goto(server + "/demo/search?q=" + "opportunit%C3%A9+r%C3%A9seaux+sociaux")
    assert page.locator("td.col-snippet mark").count() > 0
    page.locator("td.col-title a", has_text="Réseaux sociaux : une opportunité pour l’ESS ?").first.click()
    page.wait_for_selector("article.ess-article")
    assert page.locator("article.ess-article h1").inner_text().startswith("Réseaux sociaux")
    page.locator('.ess-body a[href="#fn-1"]').first.click()
    assert page.url.endswith("#fn-1")
    note = page.locator("li#fn-1")
    assert note.is_visible() and "Source" in note.inner_text()
    related = page.locator("ul.ess-related li")
    assert related.count() >= 4
    assert page.locator("ul.ess-related a.ess-archived").count() >= 1
    assert page.locator("a.ess-original").get_attribute("href") in (
        SEED_CHORUM, "https://www.ressources-solidaires.org/Reseaux-sociaux-une-opportunite-pour-l-ESS")
    assert page.csp_errors == []


def test_table_search_box_is_french(page, server):
    page.goto(server + "/demo/article_list")
    assert page.evaluate("window.DATASETTE_ALLOW_FACET") is True   # Datasette's inline script ran under the CSP
    page.fill("input[name=_search]", "cooperatives")
    page.locator("input[name=_search]").press("Enter")
    page.wait_for_load_state()
    assert "_search=cooperatives" in page.url
    titles = page.locator("td.col-title").all_inner_texts()
    assert any(t.startswith("Coopératives d’activité") for t in titles)
    assert page.locator("#facet-year").count() == 1 and page.locator("#facet-site").count() == 1
    assert page.csp_errors == []


def test_hostile_article_stays_inert(page, server):
    page.goto(f"{server}/demo/articles.json?url={HOSTILE_URL}&_shape=array&_col=id")
    article_id = page.evaluate("JSON.parse(document.body.innerText)[0].id")
    page.goto(f"{server}/demo/articles/{article_id}")
    page.wait_for_selector("article.ess-article")
    body = page.locator("div.ess-body")
    for element in body.locator("p, h3, a, img").all():   # hover and click what the page wanted hovered and clicked
        if element.is_visible():
            element.hover()
    for link in body.locator("a").all():
        if link.get_attribute("href") in (None, "") and link.is_visible():
            link.click()
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() != "PWNED" and "PWNED" not in page.title()
    assert body.get_by_text("Texte caché par une feuille de style").is_visible()   # what style hid is shown
    assert body.get_by_text("Dernier paragraphe").is_visible()
    assert page.locator("div.ess-body iframe, div.ess-body svg, div.ess-body script").count() == 0
    # the search results list the hostile title as text
    page.goto(server + "/demo/search?q=pi%C3%A8ge")
    assert page.locator("td.col-title", has_text="<script>").count() >= 1
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_sql_editor_and_chart_work_under_the_policy(page, server):
    page.goto(server + "/demo?sql=select+1")
    page.wait_for_selector(".CodeMirror")          # Datasette's inline CodeMirror script ran
    page.goto(server + "/chart/demo")
    assert page.locator("svg polyline").count() >= 2
    assert page.locator("svg circle").count() > 0
    assert page.csp_errors == []
