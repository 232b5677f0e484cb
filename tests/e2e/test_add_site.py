"""`ess-crawler add-site`: a draft profile that crawls as it stands, on the real WordPress and on
every bundled sample site."""

from __future__ import annotations

import json

import pytest
import sqlite_utils
import tomllib

from ess_crawler.demo.server import SAMPLES_DIR, sample_sites, serve_samples
from ess_crawler.profiles import load_profiles, profile_from_dict
from ess_crawler.quality.add_site import probe, profile_toml

from ..conftest import run_cli
from .conftest import crawl

pytestmark = pytest.mark.slow


def test_add_site_on_the_real_wordpress_writes_a_profile_that_gets_every_post(wordpress, tmp_path):
    wp, _ = wordpress
    out = tmp_path / "profiles" / "wp_local.toml"
    result = run_cli("add-site", wp.base_url + "/", "--name", "wp_local", "--out", str(out), "--delay", "0")
    assert result.returncode == 0, result.stdout + result.stderr
    text = out.read_text()
    assert text.startswith("# ") and 'cms = "wordpress"' in text and "REST API" in text
    assert result.stdout.count("Sample   ") == 3 and "authors" in result.stdout
    data = tomllib.loads(text)
    profile = profile_from_dict(data)
    posts = wp.rest("GET", "posts", per_page=100, _fields="link")
    links = {p["link"] for p in posts}
    pages = {p["link"] for p in wp.rest("GET", "pages", per_page=100, _fields="link")}
    assert all(profile.is_article(u) for u in links)
    listings = {wp.base_url + "/", wp.base_url + "/category/vie-associative/", wp.base_url + "/page/2/"}
    assert not any(profile.is_article(u) for u in pages | listings)

    db = tmp_path / "wp_local.db"
    first, _ = crawl("wp_local", db, out.parent)
    archived = {r["url"]: r for r in sqlite_utils.Database(db).query("select * from articles")}
    assert set(archived) == links
    assert all(r["category"] for r in archived.values())
    assert all(json.loads(r["authors"]) for r in archived.values())
    second, _ = crawl("wp_local", db, out.parent)
    downloads = sqlite_utils.Database(db).execute(
        "select count(*) from captures where crawl_id = ? and status = 200 and url in (select url from articles)",
        [second["id"]]).fetchone()[0]
    assert downloads == 0
    assert second["articles_unchanged"] == len(links)


def test_add_site_default_out_is_the_user_profile_folder(wordpress, tmp_path):
    wp, _ = wordpress
    folder = tmp_path / "mine"
    result = run_cli("add-site", wp.base_url, "--delay", "0", env={"ESS_PROFILE_DIRS": str(folder)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert (folder / "site_127_0_0_1.toml").is_file()
    assert f"ESS_PROFILE_DIRS={folder}" in result.stdout
    again = run_cli("add-site", wp.base_url, "--delay", "0", env={"ESS_PROFILE_DIRS": str(folder)})
    assert again.returncode == 1 and "exists" in again.stderr


@pytest.fixture(scope="module")
def samples():
    servers = serve_samples()
    yield servers
    for server in servers.values():
        server.stop()


@pytest.mark.parametrize("site", sample_sites())
def test_add_site_on_each_sample_site_crawls_every_article(samples, site, tmp_path):
    server = samples[site]
    bundled = load_profiles()[site]
    report = probe(bundled.origin, name=f"added_{site}", base_url=server.base_url, delay=0)
    assert sum(1 for _, article, _ in report.samples if article is not None) >= 2, report.samples
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / f"added_{site}.toml").write_text(profile_toml(report))
    expected = json.loads((SAMPLES_DIR / site / "expected.json").read_text())
    wanted = {a["url"] for a in expected["articles"]}
    db = tmp_path / "added.db"
    row, _ = crawl(f"added_{site}", db, folder, "--base-url", server.base_url)
    archived = {r[0] for r in sqlite_utils.Database(db).execute("select url from articles")}
    assert wanted <= archived, (sorted(wanted - archived), profile_toml(report))
    assert row["status"] == "finished"

