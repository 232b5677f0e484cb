"""Completeness audit: what the site lists against what the archive holds."""

import shutil

import pytest

from ess_crawler.demo.server import SAMPLES_DIR, SiteServer

from .conftest import run_cli

pytestmark = pytest.mark.slow

UNLINKED = "https://www.chorum.fr/dossiers/le-guide-du-dialogue-social"
DEAD = "https://www.chorum.fr/actualite/une-page-retiree-sans-redirection"


def test_audit_lists_what_the_site_lists_and_the_archive_lacks(tmp_path):
    overlay = tmp_path / "chorum"
    overlay.mkdir()
    sitemap = (SAMPLES_DIR / "chorum" / "sitemap.xml").read_text(encoding="utf-8")
    extra = "".join(f"<url><loc>{url}</loc><lastmod>2024-01-10T10:00:00+01:00</lastmod></url>"
                    for url in (UNLINKED, DEAD))
    (overlay / "sitemap.xml").write_text(sitemap.replace("</urlset>", extra + "</urlset>"), encoding="utf-8")
    # a page of a section the profile does not know, linked from nowhere but the sitemap
    (overlay / "dossiers").mkdir()
    shutil.copy(SAMPLES_DIR / "chorum" / "actualite" / "chez-adeo-ne-dit-plus-manager-mais-coach.html",
                overlay / "dossiers" / "le-guide-du-dialogue-social.html")
    server = SiteServer("chorum", [overlay, SAMPLES_DIR / "chorum"]).start()
    db = tmp_path / "a.db"
    try:
        crawl = run_cli("crawl", "chorum", "--db", str(db), "--base-url", server.base_url,
                        "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=ERROR")
    finally:
        server.stop()
    assert crawl.returncode == 0, crawl.stdout + crawl.stderr
    result = run_cli("audit", "--db", str(db))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "chorum: 14 of 15 listed articles archived" in out
    assert f"missing {DEAD} (sitemap): http: HTTP 404" in out
    assert UNLINKED in out.split("not article URLs for the profile:")[1]
