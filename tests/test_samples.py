"""The sample sites on disk: pages are the source, what is derived from them is fresh.

`tools/derive_samples.py` derives the feeds, sitemaps, wp-json answers and listing
pages from the article pages; here it runs in memory and its output must be what is
committed. Every listing must link every article, newest first, and no missing one; every
site's `expected.json` must name every article page it holds; the seed article and its
republication stay byte for byte as collected.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest

from ess_crawler.demo.server import SAMPLES_DIR, sample_sites
from ess_crawler.profiles import get_profile

from .conftest import ROOT

SITES = sample_sites()
SEEDS = {
    "chorum/actualite/reseaux-sociaux-une-opportunite-pour-less.html":
        "3e9c768c756029b324f725edc8a3cfb97a6fc501f9daa8162012996d9377129d",
    "ressources_solidaires/Reseaux-sociaux-une-opportunite-pour-l-ESS.html":
        "336b03882cab8008d5fe7edd6de29d0c5de8d05cd8e9026fa52865e996a4c680",
}


def load_tool():
    spec = importlib.util.spec_from_file_location("derive_samples", ROOT / "tools" / "derive_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module      # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool():
    module = load_tool()
    module.read_site = functools.cache(module.read_site)    # each site's pages read once
    return module


def expected(name: str) -> dict:
    return json.loads((SAMPLES_DIR / name / "expected.json").read_text(encoding="utf-8"))


def test_derived_files_are_fresh(tool):
    files = tool.derived_files()
    assert any(p.name == "sitemap.xml" for p in files) and any("wp-json" in p.parts for p in files)
    stale = [str(p.relative_to(SAMPLES_DIR)) for p in tool.stale(files)]
    assert stale == [], "stale derived files, run `python tools/derive_samples.py`: " + ", ".join(stale)


def test_a_changed_page_makes_its_derived_files_stale(tool, tmp_path, monkeypatch):
    """The check sees an edit: a new title on one page changes its site's feed."""
    site = tmp_path / "sites"
    shutil.copytree(SAMPLES_DIR / "avise", site / "avise")
    page = site / "avise" / expected("avise")["articles"][0]["file"]
    title = expected("avise")["articles"][0]["title"]
    page.write_text(page.read_text(encoding="utf-8").replace(title, title + " (mis à jour)"), encoding="utf-8")
    monkeypatch.setattr(tool, "read_site", tool.read_site.__wrapped__)
    monkeypatch.setattr(tool, "SAMPLES_DIR", site)
    monkeypatch.setattr(tool, "sample_sites", lambda: ["avise"])
    stale = {p.name for p in tool.stale(tool.derived_files())}
    assert "rss.xml" in stale


def test_new_article_pages_are_listed_by_the_tool(tool, tmp_path, monkeypatch):
    """Adding an article is writing its page: the tool puts it in the feed, the sitemap and the listing,
    and adds the listing's next page when the last one is full."""
    sites = tmp_path / "sites"
    shutil.copytree(SAMPLES_DIR / "avise", sites / "avise")
    template = expected("avise")["articles"][-1]      # the oldest
    page = (sites / "avise" / template["file"]).read_text(encoding="utf-8")
    slug = template["url"].rsplit("/", 1)[-1]
    y, m, d = (int(x) for x in template["published"].split("-"))
    shown = f"{d} {tool.FR_MONTHS[m - 1]} {y}"
    for n in (1, 2):                                    # two new articles: 10, a fourth page of three
        new = (page.replace(slug, f"{slug}-suite-{n}").replace(template["title"], f"{template['title']} (suite {n})")
               .replace(shown, f"{n} juin 2025").replace(template["published"], f"2025-06-0{n}"))
        (sites / "avise" / "actualites" / f"{slug}-suite-{n}.html").write_text(new, encoding="utf-8")
    monkeypatch.setattr(tool, "read_site", tool.read_site.__wrapped__)
    monkeypatch.setattr(tool, "SAMPLES_DIR", sites)
    monkeypatch.setattr(tool, "sample_sites", lambda: ["avise"])
    assert tool.write_all()
    assert tool.stale(tool.derived_files()) == []
    listing = (sites / "avise" / "actualites@page=0.html").read_text(encoding="utf-8")
    assert f"/actualites/{slug}-suite-2" in listing.split("views-row", 2)[1]      # newest first
    assert (sites / "avise" / "actualites@page=3.html").is_file()
    assert "?page=3" in (sites / "avise" / "actualites@page=0.html").read_text(encoding="utf-8")
    assert f"{slug}-suite-1" in (sites / "avise" / "rss.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SITES)
def test_expected_json_names_every_article_page(tool, name):
    site = tool.read_site(name)
    want = expected(name)
    listed = {a["url"] for a in want["articles"]} | {a["url"] for a in want.get("other_articles", [])}
    on_disk = {p.url for p in site.articles}
    assert on_disk == listed
    for a in want["articles"]:
        text = (SAMPLES_DIR / name / a["file"]).read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{a["url"]}"' in text, a["file"]
    assert len(want["articles"]) >= 8


@pytest.mark.parametrize("name", SITES)
def test_listing_pages_link_every_article_and_no_missing_one(tool, name):
    """Listing pages are plain theme pages: after adding or removing an article, they must follow."""
    profile = get_profile(name)
    origin = profile.origin.rstrip("/")
    articles = {p.url for p in tool.read_site(name).articles}
    linked: set[str] = set()
    folder = SAMPLES_DIR / name
    for file in folder.rglob("*.html"):
        page_url = origin + tool.url_of_file(folder, file)
        if not (page_url == origin + "/" or profile.is_listing(page_url)):
            continue
        for href in re.findall(r'href="([^"#]+)', file.read_text(encoding="utf-8")):
            url = urljoin(page_url, href.replace("&amp;", "&"))
            if url.startswith(origin) and profile.is_article(url):
                linked.add(url)
    want = expected(name)
    unlisted = {a["url"] for a in want.get("other_articles", [])}     # reached by the sitemap only
    dead = {a["url"] for a in want.get("dead_links", [])}             # a 404 on purpose
    assert articles - unlisted <= linked, f"not linked from any listing: {sorted(articles - unlisted - linked)}"
    assert linked - dead <= articles, f"listings link missing articles: {sorted(linked - dead - articles)}"


PAGINATION = re.compile(r"[?&](?:page|debut_articles)=(\d+)$|/page/(\d+)/$")


@pytest.mark.parametrize("name", SITES)
def test_listing_pagination_follows_the_article_dates(tool, name):
    """Each paginated listing (Views `?page=N`, SPIP `?debut_articles=N`, WordPress `/page/N/`)
    shows its articles newest first across its pages, each once, pages full but the last."""
    import lxml.html

    profile = get_profile(name)
    origin = profile.origin.rstrip("/")
    when = {p.url: p.when for p in tool.read_site(name).articles}
    folder = SAMPLES_DIR / name
    series: dict[str, dict[int, list[str]]] = {}
    for file in folder.rglob("*.html"):
        url = origin + tool.url_of_file(folder, file)
        if not (url == origin + "/" or profile.is_listing(url)):
            continue
        found = PAGINATION.search(url)
        first = PAGINATION.sub(lambda m: "/" if m.group(2) else "", url) if found else url
        number = 0 if not found else int(found.group(1)) if found.group(1) else int(found.group(2)) - 1
        doc = lxml.html.fromstring(file.read_text(encoding="utf-8"))
        main = (doc.cssselect("main") or doc.cssselect("#contenu, .contenu, #content") or [doc])[0]
        links: list[str] = []
        for a in main.iter("a"):
            target = urljoin(url, a.get("href") or "")
            if target in when and target not in links:
                links.append(target)
        series.setdefault(first, {})[number] = links
    assert series
    for first, pages in series.items():
        shown = [u for n in sorted(pages) for u in pages[n]]
        assert len(shown) == len(set(shown)), f"{first}: an article on two pages"
        dates = [when[u] for u in shown]
        assert dates == sorted(dates, reverse=True), f"{first}: not newest first"
        sizes = [len(pages[n]) for n in sorted(pages)]
        assert all(size == sizes[0] for size in sizes[:-1]) and sizes[-1] <= sizes[0], f"{first}: {sizes}"


def test_seed_article_and_its_republication_are_as_collected():
    for rel, digest in SEEDS.items():
        assert hashlib.sha256((SAMPLES_DIR / rel).read_bytes()).hexdigest() == digest, rel


def test_sample_sites_stay_small():
    size = sum(p.stat().st_size for p in Path(SAMPLES_DIR).rglob("*") if p.is_file())
    assert size < 3_200_000, size
