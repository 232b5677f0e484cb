"""`ess-crawler check`: fields, rules and warnings for one page; --save records a case; polite fetching.

No test touches the internet: files are bundled samples or written here, and fetching is
tried against a server on 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

import tests.test_extract_cases as saved_cases
from ess_crawler.cli.extracting import check
from ess_crawler.quality.check import marker_numbers, robots_allows
from ess_crawler.settings import USER_AGENT

SAMPLES = Path(__file__).resolve().parent.parent / "ess_crawler" / "demo" / "sites"
LMA = SAMPLES / "mouvement_associatif" / "emploi-associatif-1-8-million-de-salaries-en-2023" / "index.html"
PAYWALL = SAMPLES / "ess_et_societe" / "Emploi-dans-l-ESS-les-metiers-du-soin-en-tension.html"
ESSF = SAMPLES / "ess_france" / "centre-de-ressources" / "les-chiffres-cles-de-less-en-auvergne-rhone-alpes.html"

FILLER = ("Les associations employeuses ont vu leurs charges augmenter fortement depuis deux ans, "
          "entre la hausse des prix de l’énergie et les revalorisations salariales décidées par les branches. ")


def run(*args: str):
    return CliRunner().invoke(check, list(args))


def line(output: str, field: str) -> str:
    return next(ln for ln in output.splitlines() if ln.startswith(f"{field} "))


def test_fields_rules_and_no_warning_for_a_complete_article():
    result = run(str(LMA))
    assert result.exit_code == 0, result.output
    assert "Profile  mouvement_associatif (from the URL's domain)" in result.output  # its canonical link
    assert "html:h1" in line(result.output, "title") and "Emploi associatif" in line(result.output, "title")
    assert "cms:wordpress" in line(result.output, "published") and "2024-05-21" in line(result.output, "published")
    assert "2: Recherches & Solidarités" in line(result.output, "footnotes")
    assert "html:related-plugin" in line(result.output, "related")
    assert "No warnings" in result.output


def test_paywall_teaser_warns_truncated_and_short():
    result = run(str(PAYWALL), "--site", "ess_et_societe")
    assert result.exit_code == 0, result.output
    assert "(from --site)" in result.output
    assert "truncated: the page shows only part of the article" in result.output
    assert "body is short" in result.output
    assert "no date" not in result.output


def test_markers_without_notes_no_date_no_related(tmp_path):
    """A SPIP template that forgot #NOTES: the calls are in the text, the notes nowhere."""
    call = ('<span class="spip_note_ref">&nbsp;[<a href="#nb1" class="spip_note" rel="appendix" '
            'id="nh1">1</a>]</span>')
    page = tmp_path / "page.html"
    page.write_text(f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<meta name="generator" content="SPIP 4.1.5"><title>Budget des associations</title></head>
<body class="page_article"><div class="content hentry"><div class="cartouche"><h1>Budget des associations</h1></div>
<div class="texte surlignable"><p>{FILLER}Selon une enquête récente{call}, une association sur trois réduit ses
activités.</p><p>{FILLER}</p><p>{FILLER}</p></div></div></body></html>""")
    result = run(str(page), "--url", "https://www.example-asso.fr/Budget-des-associations")
    assert result.exit_code == 0, result.output
    assert "Profile  none: generic rules only" in result.output
    assert "footnote markers [1] in the body but no such notes" in result.output
    assert "no date found" in result.output
    assert "no related block found" in result.output


def test_exit_status_1_without_body(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>Accueil</title></head><body></body></html>")
    result = run(str(page))
    assert result.exit_code == 1
    assert "no body" in result.output


def test_unreadable_target_is_a_clear_error():
    result = run("no/such/file.html")
    assert result.exit_code == 1 and "no file no/such/file.html (and it is not an http(s) URL)" in result.output
    assert "ftp://x" in run("ftp://x/a.html").output  # a URL of another scheme: not fetched


def test_save_writes_a_case_that_the_case_suite_accepts(tmp_path):
    result = run(str(ESSF), "--save", str(tmp_path))
    assert result.exit_code == 0, result.output
    folder = tmp_path / "ess_france_les-chiffres-cles-de-less-en-auvergne-rhone-alpes"
    assert (folder / "page.html").read_bytes() == ESSF.read_bytes()
    case = json.loads((folder / "case.json").read_text())
    assert case["site"] == "ess_france"
    assert case["url"] == "https://www.ess-france.org/centre-de-ressources/les-chiffres-cles-de-less-en-auvergne-rhone-alpes"
    assert case["expect"]["category"] == "Publication" and case["expect"]["footnote_numbers"] == ["1", "2"]
    saved_cases.test_case(folder)  # the saved case passes tests/test_extract_cases.py's checks


def test_save_never_overwrites_a_reviewed_case_without_force(tmp_path):
    assert run(str(ESSF), "--save", str(tmp_path)).exit_code == 0
    folder = tmp_path / "ess_france_les-chiffres-cles-de-less-en-auvergne-rhone-alpes"
    reviewed = (folder / "case.json").read_text().replace('"Publication"', '"Publication (reviewed)"')
    (folder / "case.json").write_text(reviewed)
    again = run(str(ESSF), "--save", str(tmp_path))
    assert again.exit_code == 1
    errors = [ln for ln in again.output.splitlines() if ln.startswith("Error: ")]
    assert errors == [f"Error: {folder / 'case.json'} already exists (a reviewed case?): "
                      "compare it with this output, or add --force to replace it"]
    assert "Source " not in again.output  # refused before the report, not after it
    assert (folder / "case.json").read_text() == reviewed
    forced = run(str(ESSF), "--save", str(tmp_path), "--force")
    assert forced.exit_code == 0, forced.output
    assert "(reviewed)" not in (folder / "case.json").read_text()


def test_marker_numbers():
    html = ('<p>a<sup class="footnote-ref"><a href="#fn-2">[2]</a></sup> b<sup>1</sup> c m<sup>2</sup>'
            ' d<sup><a href="#n3">3</a></sup> 10<sup>e</sup></p>')
    assert marker_numbers("a[2] b1 c m2 d3 [4] 10e", html) == ["1", "2", "3", "4"]


@pytest.mark.parametrize("robots,status,allowed", [
    ("User-agent: *\nDisallow: /prive/\n", 200, False),
    ("User-agent: ess-crawler\nDisallow: /\n", 200, False),
    ("User-agent: *\nDisallow: /admin/\n", 200, True),
    (None, 404, True),
    (None, 403, False),
    (None, 503, False),
])
def test_robots_rules(robots, status, allowed):
    assert robots_allows(robots, status, "https://www.example.org/prive/page") is allowed


# ---------------------------------------------------------------- fetching, on 127.0.0.1

class _Site(BaseHTTPRequestHandler):
    """robots.txt forbids /prive/; every other path is the mouvement_associatif sample page."""

    seen: list[tuple[str, str]] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        _Site.seen.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/robots.txt":
            body, ctype = b"User-agent: *\nDisallow: /prive/\n", "text/plain"
        else:
            body, ctype = LMA.read_bytes(), "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def local_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Site.seen.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_once_with_the_user_agent_after_robots(local_site):
    result = run(f"{local_site}/emploi-associatif/", "--site", "mouvement_associatif")
    assert result.exit_code == 0, result.output
    assert f"fetched {local_site}/emploi-associatif/ (HTTP 200" in result.output
    assert [path for path, _ in _Site.seen] == ["/robots.txt", "/emploi-associatif/"]
    assert {agent for _, agent in _Site.seen} == {USER_AGENT}


def test_robots_refusal_is_reported_and_nothing_fetched(local_site):
    result = run(f"{local_site}/prive/page")
    assert result.exit_code != 0
    assert "does not allow" in result.output
    assert [path for path, _ in _Site.seen] == ["/robots.txt"]


def test_check_is_an_ess_crawler_command():
    from ess_crawler.cli import main

    assert main.commands.get("check") is check
