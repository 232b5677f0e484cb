"""Bad input during a real crawl: every failure is an error row with its URL, the crawl goes on."""

import pytest
import sqlite_utils

from . import faultsite
from .conftest import TESTS, run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def fault_db(tmp_path_factory):
    server, base = faultsite.start()
    db = tmp_path_factory.mktemp("faults") / "faults.db"
    try:
        result = run_cli(
            "crawl", "faulty", "--base-url", base, "--db", str(db),
            "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=1", "-s", "DOWNLOAD_MAXSIZE=100000",
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
            env={"ESS_PROFILE_DIRS": str(TESTS / "profiles")},
        )
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stdout + result.stderr
    return sqlite_utils.Database(db), result.stdout + result.stderr


def test_good_pages_are_archived_despite_the_failures(fault_db):
    db, _ = fault_db
    titles = {r["url"].rsplit("/", 1)[1]: r["title"] for r in db.query("select url, title from articles")}
    assert titles == {
        "good": "Les coopératives d'activité",
        "latin1": "Économie solidaire à Besançon",   # latin-1 without a charset header
        "wrong-charset": "Économie solidaire à Besançon et Montbéliard",  # latin-1 sent as UTF-8
        "malformed": "Page mal formée",
        "busy-then-ok": "Après une attente",         # 503 + Retry-After, retried
        "js-refresh": "Rafraîchi en JavaScript",     # meta refresh to javascript: ignored
    }


@pytest.mark.parametrize("page, kind, status", [
    ("missing", "http", 404),
    ("broken", "http", 500),
    ("slow", "timeout", None),
    ("pdf", "not_html", 200),
    ("not-an-article", "not_article", 200),
    ("offsite", "offsite", None),
    ("loop", "redirect_loop", None),
    ("private", "robots", None),
    ("reset", "connection", None),
    ("huge", "too_large", None),
    ("overloaded", "http", 503),
    ("throttled", "http", 429),
    ("truncated", "truncated", None),
])
def test_each_failure_is_a_row_with_url_and_reason(fault_db, page, kind, status):
    db, output = fault_db
    rows = list(db.query("select * from errors where url = ?", [f"https://faulty.example.org/articles/{page}"]))
    assert len(rows) == 1, rows
    assert rows[0]["kind"] == kind and rows[0]["status"] == status and rows[0]["reason"]
    assert f"/articles/{page}" in output  # and the log says it


def test_retries_what_is_worth_retrying(fault_db):
    """503s are retried (after the Retry-After wait), a long Retry-After is not, a 404 never."""
    assert faultsite.HITS["/articles/busy-then-ok"] == 2
    assert faultsite.HITS["/articles/overloaded"] == 2      # RETRY_TIMES=1
    assert faultsite.HITS["/articles/throttled"] == 1
    assert faultsite.HITS["/articles/missing"] == 1


def test_off_site_redirect_is_not_followed(fault_db):
    db, _ = fault_db
    assert not list(db.query("select * from captures where url like '%elsewhere.invalid%'"))


def test_the_crawl_finishes_and_the_database_is_sound(fault_db):
    db, _ = fault_db
    crawl = next(db.query("select * from crawls"))
    assert crawl["status"] == "finished" and crawl["errors"] == 13 and crawl["articles_new"] == 6
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("select count(*) from articles where url like '%missing%' or url like '%broken%'"
                      ).fetchone()[0] == 0
