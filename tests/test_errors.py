"""What a user meets when things go wrong (issue 15): one clear line, an honest exit status.

Each test here failed on the behaviour the issue describes: a traceback, a silent pass,
exit 0 on failure, a file changed by a command that only reads. The fault matrix
(every command against every kind of bad file) is tests/test_fault_matrix.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from ess_crawler.cli import main
from ess_crawler.profiles import ProfileError, ProfileWarning, get_profile, load_profiles, profile_from_dict, validate
from ess_crawler.search.query import MAX_QUERY_CHARS, stem_query

from .conftest import ROOT, free_port

SAMPLES = ROOT / "ess_crawler" / "demo" / "sites"
SEED = SAMPLES / "chorum" / "actualite" / "reseaux-sociaux-une-opportunite-pour-less.html"
SEED_URL = "https://www.chorum.fr/actualite/reseaux-sociaux-une-opportunite-pour-less"
OTHER = SAMPLES / "chorum" / "actualite" / "chez-adeo-ne-dit-plus-manager-mais-coach.html"
OTHER_URL = "https://www.chorum.fr/actualite/chez-adeo-ne-dit-plus-manager-mais-coach"


# ---------------------------------------------------------------- helpers shared with the fault matrix

def small_archive(path: Path, crawls: int = 1) -> Path:
    """An archive of the chorum seed article: `crawls` finished crawls, each with its coverage rows."""
    from ess_crawler.extract import extract_article
    from ess_crawler.store.archive import Archive
    from ess_crawler.store.coverage import measure

    profile = load_profiles()["chorum"]
    pages = [(SEED, SEED_URL), (OTHER, OTHER_URL)]
    with Archive(path) as archive:
        archive.register_site(profile)
        for n in range(crawls):
            crawl_id = archive.start_crawl("chorum", {})
            for page, url in pages[: n + 1]:
                archive.save_article(extract_article(page.read_bytes(), url, profile), crawl_id)
                archive.record_discovered(crawl_id, SimpleNamespace(
                    url=url, source="sitemap", site="chorum", lastmod=None, is_article_url=True, details=None))
            measure(archive, crawl_id, "chorum", profile.coverage)
            archive.finish_crawl(crawl_id, "finished", {})
    return path


def one_error_line(text: str) -> str:
    """The output must be exactly one non-empty line, an `Error: ...` without a traceback."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert "Traceback" not in text, text
    assert len(lines) == 1, text
    assert lines[0].startswith("Error: "), text
    return lines[0]


def cli(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


# ---------------------------------------------------------------- 6: profiles

BASE = {"name": "exemple", "origin": "https://www.exemple.fr", "article_urls": "^/a/"}


@pytest.mark.parametrize(("change", "said"), [
    ({"article_urls": 5}, "article_urls = 5: expected a regex or a non-empty list of regexes"),
    ({"coverage": {"title": "high"}}, "coverage.title = 'high': expected a share of the articles, a number from 0"),
    ({"coverage": {"lead": 90}}, "coverage.lead = 90: expected a share"),
    ({"article_urls": "^/a/(["}, "article_urls: '^/a/([' is not a valid regex"),
    ({"listing_urls": ["^/ok$", "*bad"]}, "listing_urls: '*bad' is not a valid regex"),
    ({"selectors": {"date": "span[[date"}}, "selectors.date: 'span[[date' is not a valid CSS selector"),
    ({"selectors": {"dates": ".date"}}, "unknown key 'selectors.dates'; known: authors"),
    ({"artcle_urls": "x"}, "unknown key 'artcle_urls'; known: article_urls"),
    ({"origin": "www.exemple.fr"}, "origin = 'www.exemple.fr': expected an absolute http(s) URL"),
    ({"wp_rest": "yes"}, "wp_rest = 'yes': expected true or false"),
    ({"name": None}, "'name' is required"),
])
def test_a_profile_mistake_names_the_file_the_key_and_what_was_expected(change, said):
    data = {**BASE, **change}
    data = {k: v for k, v in data.items() if v is not None}
    assert any(said in problem for problem in validate(data, "sites/exemple.toml")), validate(data, "x")
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data, "sites/exemple.toml")
    assert str(caught.value).startswith("sites/exemple.toml: ")
    assert "\n" not in str(caught.value)


def test_every_bundled_profile_is_valid():
    from ess_crawler.profiles import PROFILE_DIR

    for path in sorted(PROFILE_DIR.glob("*.toml")):
        import tomllib

        assert validate(tomllib.loads(path.read_text("utf-8")), str(path)) == []


GOOD = textwrap.dedent("""\
    name = "exemple_ess"
    title = "Exemple ESS"
    origin = "https://www.exemple-ess.fr"
    article_urls = ['^/actualites/[a-z0-9-]+/$']
""")


@pytest.fixture
def profile_dir(tmp_path, monkeypatch):
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "exemple_ess.toml").write_text(GOOD)
    (folder / "syntaxe.toml").write_text('name = "syntaxe"\norigin = "https://syntaxe.fr\n')
    (folder / "regex.toml").write_text('name = "regex"\norigin = "https://regex.fr"\narticle_urls = ["^/a/(["]\n')
    (folder / "css.toml").write_text('name = "css"\norigin = "https://www.css-cassee.fr"\narticle_urls = "^/a/"\n'
                                     '[selectors]\ndate = "time[["\n')
    monkeypatch.setenv("ESS_PROFILE_DIRS", str(folder))
    return folder


def test_a_broken_profile_never_hides_the_good_ones_in_list(profile_dir):
    with pytest.warns(ProfileWarning) as caught:
        profiles = load_profiles()
    assert len(caught) == 3 and any("syntaxe.toml: not valid TOML" in str(w.message) for w in caught)
    assert "exemple_ess" in profiles and "chorum" in profiles
    result = CliRunner().invoke(main, ["list"])
    assert result.exit_code == 1
    assert "exemple_ess " in result.stdout and "chorum " in result.stdout
    errors = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(errors) == 3 and all(ln.startswith("Error: ") for ln in errors), result.stderr
    assert any("syntaxe.toml: not valid TOML" in ln for ln in errors)
    assert any("regex.toml: article_urls: '^/a/([' is not a valid regex" in ln for ln in errors)
    assert any("css.toml: selectors.date: 'time[[' is not a valid CSS selector" in ln for ln in errors)
    assert "Traceback" not in result.output


def test_a_broken_profile_is_its_error_when_asked_for_by_name(profile_dir):
    with pytest.raises(ProfileError, match="regex.toml: article_urls"):
        get_profile("regex")
    result = cli("crawl", "css")
    assert "css.toml: selectors.date: 'time[[' is not a valid CSS selector" in one_error_line(result.output)
    assert result.exit_code == 1


def test_check_does_not_fall_back_silently_when_the_sites_profile_is_broken(profile_dir, tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<html><head><link rel="canonical" href="https://www.css-cassee.fr/a/x"></head>'
                    "<body><h1>Titre</h1><p>" + "Un texte. " * 50 + "</p></body></html>")
    result = cli("check", str(page))
    assert result.exit_code == 1
    assert "not a valid CSS selector" in one_error_line(result.output)


@pytest.mark.slow
def test_scrapy_list_shows_the_good_spiders_despite_a_broken_profile(profile_dir):
    result = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env=os.environ.copy())
    assert result.returncode == 0, result.stderr
    assert {"exemple_ess", "chorum", "fonda"} <= set(result.stdout.split())
    assert "Traceback" not in result.stderr
    assert "syntaxe.toml: not valid TOML" in result.stderr


# ---------------------------------------------------------------- 8, 14: options

@pytest.mark.parametrize(("args", "said"), [
    (["crawl", "fonda", "-s", "DOWNLOAD_DELAY=abc"], "setting DOWNLOAD_DELAY='abc': expected a number"),
    (["crawl", "fonda", "-s", "CONCURRENT_REQUESTS=many"], "setting CONCURRENT_REQUESTS='many': expected a whole"),
    (["crawl", "fonda", "-s", "ROBOTSTXT_OBEY=perhaps"], "expected True or False"),
    (["crawl", "fonda", "-s", "NOEQUALS"], "setting 'NOEQUALS' is not NAME=VALUE"),
    (["crawl", "fonda", "--base-url", "notaurl"], "--base-url 'notaurl' is not an http(s) URL"),
    (["crawl", "fonda", "--base-url", "http://127.0.0.1:port"], "has a bad port"),
    (["demo", "--edition", "99"], "--edition 99: the sample sites have edition(s) 1, 2"),
    (["demo", "--edition", "-1", "--no-serve"], "--edition -1: the sample sites have edition(s) 1, 2"),
    (["demo", "--site", "nosuch"], "no sample site nosuch; known:"),
])
def test_a_bad_option_is_one_clear_line_before_any_work(tmp_path, args, said):
    db = tmp_path / "a.db"
    result = cli(*args, "--db", str(db))
    assert result.exit_code == 1, result.output
    assert said in one_error_line(result.output)
    assert not db.exists()


def test_audit_of_an_unknown_site_says_so(tmp_path):
    db = small_archive(tmp_path / "a.db")
    result = cli("audit", "--db", str(db), "--site", "nosuch")
    assert result.exit_code == 1
    line = one_error_line(result.output)
    assert "no site 'nosuch'" in line and "chorum" in line
    result = cli("audit", "--db", str(db), "--site", "fonda")
    assert "holds nothing of 'fonda' yet: crawl it first (ess-crawler crawl fonda" in one_error_line(result.output)


def test_report_limit_must_be_positive_and_each_crawl_has_its_coverage_line_beside_the_previous(tmp_path):
    db = small_archive(tmp_path / "a.db", crawls=2)
    assert cli("report", "--db", str(db), "--limit", "0").exit_code == 2
    result = cli("report", "--db", str(db), "--limit", "13")
    assert result.exit_code == 0, result.output
    lines = [ln.strip() for ln in result.output.splitlines() if ln.strip().startswith("coverage chorum")]
    assert len(lines) == 2, result.output  # two crawls, two lines (they were merged into one)
    assert lines[0].startswith("coverage chorum (crawl 1): title 100%")
    assert lines[1].startswith("coverage chorum (crawl 2): ")
    # crawl 2 holds the two articles, crawl 1 the seed only: footnotes went from 100% to 50%
    assert "footnotes 50% (was 100%)" in lines[1], lines[1]
    one = cli("report", "--db", str(db), "--limit", "1")
    assert "  coverage chorum: " in one.output and "(was 100%)" in one.output


# ---------------------------------------------------------------- 9, 11: extract

def test_extract_of_random_bytes_is_an_error(tmp_path):
    junk = tmp_path / "random.bin"
    junk.write_bytes(random.Random(0).randbytes(200_000))
    result = cli("extract", str(junk))
    assert result.exit_code == 1
    assert "random.bin" in one_error_line(result.output)


def test_extract_refuses_any_random_bytes(tmp_path):
    junk = tmp_path / "random.bin"
    slipped = []
    for seed in range(20):
        junk.write_bytes(random.Random(seed).randbytes(200_000))
        if cli("extract", str(junk)).exit_code != 1:
            slipped.append(seed)
    assert slipped == []


def test_extract_and_check_agree_without_site():
    """Both take the page's canonical URL and its site's profile: same related links, same fields."""
    page = SAMPLES / "mouvement_associatif" / "emploi-associatif-1-8-million-de-salaries-en-2023" / "index.html"
    extracted = cli("extract", str(page))
    assert extracted.exit_code == 0, extracted.output
    data = json.loads(extracted.output)
    assert data["site"] == "mouvement_associatif"
    assert data["url"].startswith("https://lemouvementassociatif.org/")
    checked = cli("check", str(page))
    assert "Profile  mouvement_associatif (from the URL's domain)" in checked.output
    related = next(ln for ln in checked.output.splitlines() if ln.startswith("related "))
    assert f" {len(data['related'])}: " in related and len(data["related"]) >= 3
    explained = cli("extract", str(page), "--explain")
    assert "html:related-plugin" in next(ln for ln in explained.output.splitlines() if ln.startswith("related "))


# ---------------------------------------------------------------- 12: long queries

def test_a_long_query_is_never_cut_inside_a_word():
    once = stem_query("coopérative")
    assert stem_query("coopérative " * 150) == once
    assert stem_query("coopérative " * 200) == once  # was: AND "coop", which matched nothing
    assert stem_query("coopératives " * 1000) == once
    words = [f"mot{i:03d}" for i in range(500)]  # 7 characters a word: the 2,000th falls inside one
    query = stem_query(" ".join(words))
    terms = re.findall(r'"([^"]*)"', query)
    assert terms == words[: len(terms)] and 2000 // 7 - 1 <= len(terms) <= 2000 // 7  # whole words only
    assert stem_query("x" * (MAX_QUERY_CHARS + 10)) == '""'


def test_a_long_query_finds_what_the_short_one_finds(tmp_path):
    from ess_crawler.search import FTS_TABLE
    from ess_crawler.sqlite import sqlite3

    db = small_archive(tmp_path / "a.db", crawls=2)
    conn = sqlite3.connect(db)

    def hits(q):
        return conn.execute(f"select count(*) from {FTS_TABLE} where {FTS_TABLE} match ?",
                            [stem_query(q)]).fetchone()[0]

    assert hits("réseaux sociaux") >= 1
    assert hits("réseaux sociaux " * 200) == hits("réseaux sociaux")
    conn.close()


# ---------------------------------------------------------------- 13: exports without private-use marks

def test_recherche_json_and_csv_carry_no_private_use_marks(tmp_path):
    from datasette.app import Datasette

    from ess_crawler.datasette import config as datasette_config
    from ess_crawler.search import MARK_END, MARK_START

    db = small_archive(tmp_path / "a.db", crawls=2)
    ds = Datasette([str(db)], metadata=datasette_config.load_metadata(), settings=datasette_config.load_settings())

    async def get(path):
        return await ds.client.get(path)

    loop = asyncio.new_event_loop()
    try:
        html = loop.run_until_complete(get("/a/search?q=r%C3%A9seaux&site="))
        as_json = loop.run_until_complete(get("/a/search.json?q=r%C3%A9seaux&site=&_shape=array"))
        as_csv = loop.run_until_complete(get("/a/search.csv?q=r%C3%A9seaux&site="))
        streamed = loop.run_until_complete(get("/a/search.csv?q=r%C3%A9seaux&site=&_stream=on&_dl=1"))
    finally:
        loop.close()
    assert html.status_code == 200 and "<mark>" in html.text  # the HTML page still highlights
    assert as_json.status_code == 200, as_json.text
    rows = as_json.json()
    assert rows and any("réseaux" in r["snippet"].lower() for r in rows)
    for response in (as_json, as_csv, streamed):
        assert response.status_code == 200
        assert MARK_START not in response.text and MARK_END not in response.text
        assert "\\ue000" not in response.text.lower() and "\\ue001" not in response.text.lower()
        assert int(response.headers.get("content-length", len(response.content))) == len(response.content)
    assert "réseaux" in as_csv.text.lower()


# ---------------------------------------------------------------- 1, 2: serve and demo

def test_serve_on_a_busy_port_fails_without_printing_a_url(tmp_path):
    db = small_archive(tmp_path / "a.db")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = cli("serve", "--db", str(db), "--port", str(port))
        demo = cli("demo", "--db", str(tmp_path / "demo.db"), "--port", str(port))
    assert result.exit_code == 1
    assert f"port {port} on 127.0.0.1 is already in use" in one_error_line(result.output)
    assert "http://" not in result.output
    assert demo.exit_code == 1 and f"port {port} on 127.0.0.1 is already in use" in one_error_line(demo.output)
    assert not (tmp_path / "demo.db").exists()  # said before crawling, not after


def test_serve_refuses_a_port_out_of_range_and_a_corrupted_archive(tmp_path):
    db = small_archive(tmp_path / "a.db")
    for port in ("99999", "0", "-1"):
        result = cli("serve", "--db", str(db), "--port", port)
        assert result.exit_code == 2 and "is not in the range 1<=x<=65535" in result.output
    junk = tmp_path / "r.db"
    junk.write_bytes(os.urandom(200_000))
    result = cli("serve", "--db", str(junk), "--port", str(free_port()))
    assert result.exit_code == 1 and "r.db is not a SQLite archive" in one_error_line(result.output)


def _wait_for(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            if proc.poll() is not None:
                raise AssertionError(proc.stdout.read() if proc.stdout else "exited") from None
            time.sleep(0.2)
    raise AssertionError(f"{url} never answered")


@pytest.mark.slow
def test_sigterm_stops_serve_and_datasette_with_it(tmp_path):
    db = small_archive(tmp_path / "a.db")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "ess_crawler.cli", "serve", "--db", str(db), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        _wait_for(f"http://127.0.0.1:{port}/-/versions.json", proc)
        assert proc.stdout.readline().startswith(f"Datasette at http://127.0.0.1:{port}/a")
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
        with socket.socket() as probe:  # nothing listens on the port any more
            assert probe.connect_ex(("127.0.0.1", port)) != 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


# ---------------------------------------------------------------- -v and ESS_DEBUG

def test_verbose_or_ess_debug_shows_the_traceback(tmp_path):
    from ess_crawler.store.archive import ArchiveError

    junk = tmp_path / "r.db"
    junk.write_bytes(random.Random(1).randbytes(50_000))
    quiet = cli("report", "--db", str(junk))
    assert quiet.exit_code == 1 and "r.db is not a SQLite archive" in one_error_line(quiet.output)
    for args, env in ((["-v", "report", "--db", str(junk)], None), (["report", "--db", str(junk)], {"ESS_DEBUG": "1"})):
        loud = CliRunner().invoke(main, args, env=env)
        assert isinstance(loud.exception, ArchiveError)  # raised, so Python prints its traceback
    assert cli("report", "--db", str(junk), env={"ESS_DEBUG": "0"}).exit_code == 1
