"""The bundled sample sites, read with their profiles, against each site's `expected.json`.

Each site folder of `ess_crawler/demo/sites/` holds its pages (the source) and an
`expected.json` that states what every article page shows (URL, title, day, rubric,
notes, related items, tags, authors, standfirst, first and last body paragraphs):
the ground truth these tests compare the extractor with, related-card titles and
block headings included. One slow test crawls the sites end to end; one shows that a
new site is a profile file and nothing else.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from functools import cache
from pathlib import Path

import pytest

from ess_crawler.demo.server import SAMPLES_DIR, sample_sites
from ess_crawler.extract import extract_article
from ess_crawler.profiles import get_profile

from .conftest import ROOT, run_cli

VARIANTS = SAMPLES_DIR / "variants"
SITES = sample_sites()
# the sites test_demo.py does not already crawl end to end (chorum and ressources_solidaires
# hold a dead link and a trap page on purpose)
CLEAN_SITES = [name for name in SITES if name not in ("chorum", "ressources_solidaires")]


@cache
def expected(name: str) -> dict:
    """The site's expected.json, with its articles by key."""
    data = json.loads((SAMPLES_DIR / name / "expected.json").read_text(encoding="utf-8"))
    data["by_key"] = {a["key"]: a for a in data["articles"]}
    data["by_url"] = {a["url"]: a for a in data["articles"]}
    return data


ARTICLES = [(name, a["key"]) for name in SITES for a in expected(name)["articles"]]
# page furniture that must stay out of the body, per site
NOT_BODY = {
    "mediatico": ["Partager", "Mots-clés", "À lire aussi", "Les plus récents", "La lettre de Mediatico"],
    "mouvement_associatif": ["Partager", "Publications similaires", "Laisser un commentaire", "↩"],
    "rtes": ["Sur le même thème", "Page suivante"],
    "ess_france": ["Thématiques", "Sur le même thème", "Publié le"],
    "carenews": ["Partager sur", "Mots-clés", "À lire aussi", "Publié par"],
    "avise": ["À lire aussi", "Dans la même rubrique", "Thématiques", "Mise à jour"],
    "fonda": ["Pour aller plus loin", "Publié le"],
    "lelabo_ess": ["Mots clés", "Dans la même rubrique", "Notes"],
    "ess_et_societe": ["Mots-clés", "Sur le même thème", "Il vous reste", "Abonnez-vous"],
    "chorum": ["Sur le même sujet", "Partager sur"],
    "ressources_solidaires": ["Ailleurs sur le site", "Autres articles dans cette rubrique"],
}
# sites whose related blocks list exactly the articles of expected.json's "related"
EXACT_RELATED = {"mediatico", "mouvement_associatif", "rtes", "ess_france", "carenews", "avise", "fonda",
                 "lelabo_ess", "ess_et_societe"}


def flat(text: str) -> str:
    return " ".join((text or "").split())


def without_markers(text: str) -> str:
    """The text without the `[N]` footnote markers the extractor leaves in the body."""
    return flat(re.sub(r"\[\d{1,3}\]", "", text))


def sample_file(name: str, key: str) -> Path:
    return SAMPLES_DIR / name / expected(name)["by_key"][key]["file"]


def extracted(name: str, key: str):
    want = expected(name)["by_key"][key]
    article = extract_article(sample_file(name, key).read_bytes(), want["url"], get_profile(name))
    return want, article


# ---------------------------------------------------------------- per article

@pytest.mark.parametrize("name,key", ARTICLES, ids=[f"{n}-{k}" for n, k in ARTICLES])
def test_sample_article(name, key):
    want, a = extracted(name, key)
    failures = []

    def expect(label, got, wanted):
        if got != wanted:
            failures.append(f"{label}: got {got!r}, expected {wanted!r}")

    expect("url", a.url, want["url"])
    expect("title", flat(a.title), want["title"])
    expect("published day", (a.published or "")[:10], want["published"])
    expect("category", a.category, want["category"])
    body = flat(a.body_text)
    for text in (want["body_first"], want["body_last"]):
        if text not in without_markers(a.body_text):
            failures.append(f"body lacks {text[:60]!r}")
    for junk in NOT_BODY[name]:
        if junk in body:
            failures.append(f"body holds {junk!r}")
    if "tags" in want:
        expect("tags", a.tags, want["tags"])
    if "authors" in want:
        expect("authors", a.authors, want["authors"])
    if "lead" in want:
        expect("lead", flat(a.lead), want["lead"])
        if a.lead and flat(a.lead)[:60] in body:
            failures.append("the lead is repeated in the body")
    expect("footnote numbers", [n.number for n in a.footnotes], [str(i) for i in range(1, want["footnotes"] + 1)])
    for i, note in enumerate(a.footnotes, 1):
        if flat(note.text)[:40] in body:
            failures.append(f"note {i} is still in the body")
        if f"[{i}]" not in body:
            failures.append(f"marker [{i}] is not in the body")
    if "related" in want:
        if name in EXACT_RELATED:
            expect("related count", len(a.related), len(want["related"]))
        related_urls = {r.url for r in a.related}
        if not set(want["related"]) <= related_urls:
            failures.append(f"related lacks {sorted(set(want['related']) - related_urls)}")
    expect("truncated", a.truncated, want["truncated"])
    if want["truncated"]:
        expect("teaser", without_markers(a.body_text), want["body"])
    expect("language", a.language, "fr")
    assert not failures, f"{name}/{key}:\n  " + "\n  ".join(failures)


# ---------------------------------------------------------------- what each site is about

def test_mediatico_date_is_the_byline_not_the_sidebar():
    """The theme prints `Par … dd/mm/yyyy`; the sidebar's Recent Posts widget also has dates."""
    _, a = extracted("mediatico", "tzc")
    assert a.published == "2021-07-06" and a.published_raw == "06/07/2021"
    assert a.provenance["published"] == "profile:date"


def test_carenews_keeps_the_kicker_in_the_title():
    """`[TRIBUNE]` is typed into the title field: the archive keeps the title as the site shows it
    (no selector can take it apart; see the profile)."""
    want, a = extracted("carenews", "mecenat")
    assert a.title == "[TRIBUNE] Mécénat : pourquoi les entreprises doivent soutenir les associations dans la durée"
    assert a.title == want["title"]
    # a date-only field: the day, not Drupal's conventional 12:00 UTC
    assert a.published == "2023-05-22"


def test_ess_france_labels_and_hand_typed_notes():
    _, a = extracted("ess_france", "chiffres")
    assert a.category == "Publication"
    assert [n.urls for n in a.footnotes] == [[], ["https://www.insee.fr/fr/statistiques/6047781"]]
    assert "Champ : emploi salarié privé" not in a.body_text
    _, late = extracted("ess_france", "prix")  # 00:20 in Paris is the day before in UTC
    assert late.published == "2022-12-06"


def test_avise_published_and_updated_line():
    _, a = extracted("avise", "dla25")
    assert (a.published, a.modified) == ("2025-02-04", "2025-03-12")
    assert a.related[0].heading == "À lire aussi" and a.related[0].title.startswith("Mesurer son impact social")


def test_fonda_date_with_weekday_and_time_and_note_calls():
    _, a = extracted("fonda", "fe2030")
    assert a.published == "2023-05-17T15:46:00"
    assert a.published_raw == "Publié le Mercredi 17 mai 2023 - 15:46"
    assert a.category == "Article" and a.authors == ["Charlotte Debray"]
    assert a.footnotes[1].urls == ["https://fonda.asso.fr/ressources/faire-ensemble-2030"]


def test_mouvement_associatif_core_footnotes_and_yarpp():
    _, a = extracted("mouvement_associatif", "emploi")
    assert a.provenance["footnotes"] == "cms:wordpress"
    assert a.footnotes[0].urls == ["https://recherches-solidarites.org"]
    assert {r.heading for r in a.related} == {"Publications similaires"}


def test_rtes_block_theme_category_is_not_a_tag():
    _, a = extracted("rtes", "commande")
    assert a.category == "Actualités" and "Actualités" not in a.tags


def test_lelabo_spip_notes_and_keywords():
    _, a = extracted("lelabo_ess", "ptce10")
    assert a.provenance["footnotes"] == "cms:spip"
    assert a.tags == ["PTCE", "Coopération", "Territoires"]
    assert {r.heading for r in a.related} == {"Dans la même rubrique"}


@pytest.mark.parametrize("key", ["soin", "energie"])
def test_ess_et_societe_paywall_keeps_the_teaser_marked_truncated(key):
    want, a = extracted("ess_et_societe", key)
    assert a.truncated is True
    assert "Il vous reste" not in a.body_text and "abonnés" not in a.body_text
    assert without_markers(a.body_text) == want["body"]


def test_ess_et_societe_notice_says_80_percent():
    page = sample_file("ess_et_societe", "soin").read_text()
    assert "Il vous reste 80% de cet article à lire." in page


# ---------------------------------------------------------------- known extractor weaknesses

def test_mediatico_related_titles_are_the_card_titles():
    want, a = extracted("mediatico", "tzc")
    by_url = expected("mediatico")["by_url"]
    assert [r.title for r in a.related] == [by_url[url]["title"] for url in want["related"]]


def test_fonda_related_heading_is_the_field_label():
    _, a = extracted("fonda", "fe2030")
    assert {r.heading for r in a.related} == {"Pour aller plus loin"}


# ---------------------------------------------------------------- samples and profiles

def test_every_site_has_eight_articles_robots_and_a_feed_or_sitemap():
    assert len(SITES) == 11
    for name in SITES:
        folder = SAMPLES_DIR / name
        assert (folder / "robots.txt").is_file(), name
        profile = get_profile(name)
        assert profile.feeds or profile.sitemaps or "Sitemap:" in (folder / "robots.txt").read_text(), name
        articles = expected(name)["articles"]
        assert len(articles) >= 8, name
        for a in articles:
            assert profile.is_article(a["url"]), a["url"]
            assert (folder / a["file"]).is_file(), a["file"]
            assert 2010 <= int(a["published"][:4]) <= 2025, a["url"]


def test_template_variant_exists():
    want = expected("mediatico")["by_key"]["tzc"]
    page = VARIANTS / "mediatico-v2" / want["file"]
    assert page.is_file()
    a = extract_article(page.read_bytes(), want["url"], get_profile("mediatico"))
    assert a.title == want["title"] and a.body_text


PROFILE = textwrap.dedent("""\
    # a site added by a test: a profile file and nothing else
    name = "exemple_ess"
    title = "Exemple ESS"
    origin = "https://www.exemple-ess.fr"
    cms = "wordpress"
    start_urls = ["https://www.exemple-ess.fr/actualites/"]
    article_urls = ['^/actualites/[a-z0-9-]+/$']
    listing_urls = ['^/actualites/$']

    [selectors]
    date = ".date-de-parution"
""")


def test_a_new_site_is_a_profile_file(tmp_path):
    (tmp_path / "exemple_ess.toml").write_text(PROFILE)
    result = run_cli("list", env={"ESS_PROFILE_DIRS": str(tmp_path)}, timeout=60)
    assert result.returncode == 0, result.stderr
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("exemple_ess "))
    assert "https://www.exemple-ess.fr" in line and "Exemple ESS" in line
    assert all(name in result.stdout for name in SITES)
    # and Scrapy sees a spider of that name, as `scrapy list` / `scrapy crawl exemple_ess` would
    scrapy = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60, env={**os.environ, "ESS_PROFILE_DIRS": str(tmp_path)})
    assert "exemple_ess" in scrapy.stdout.split(), scrapy.stderr


# ---------------------------------------------------------------- end to end

@pytest.mark.slow
def test_new_sample_sites_crawl_end_to_end(tmp_path):
    import sqlite_utils

    db_path = tmp_path / "sites.db"
    args = ["demo", "--no-serve", "--db", str(db_path)]
    for name in CLEAN_SITES:
        args += ["--site", name]
    result = run_cli(*args)
    assert result.returncode == 0, result.stdout + result.stderr
    db = sqlite_utils.Database(db_path)
    crawls = {row["site"]: row for row in db.query("select * from crawls")}
    assert set(crawls) == set(CLEAN_SITES)
    assert {row["status"] for row in crawls.values()} == {"finished"}
    errors = list(db.query("select site, url, kind, reason from errors"))
    assert errors == [], json.dumps(errors, ensure_ascii=False, indent=1)
    for name in CLEAN_SITES:
        rows = list(db.query("select title, published, body_text from articles where site = ?", [name]))
        assert len(rows) == len(expected(name)["articles"]), name
        complete = [r for r in rows if r["title"] and r["published"] and r["body_text"]]
        assert len(complete) >= 0.95 * len(rows), name
    # every related item points at a sample article, so each resolves to its archived article
    assert db.execute("select count(*) from related_links where target_article_id is null").fetchone()[0] == 0
