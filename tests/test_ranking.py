"""Search ranking split over worker threads gives exactly the one-piece bm25 ranking."""

from __future__ import annotations

import pytest

from ess_crawler.search import stem_query
from ess_crawler.search.ranking import Ranker, SearchTimeout, rank_sql
from ess_crawler.sqlite import sqlite3

QUERIES = ["coopérative", "économie sociale", '"économie sociale"', "emploi OR santé", "bénévol*",
           "insertion -jeunes", "titre:associations", "le"]


def one_piece(conn, query, site=None, limit=50):
    """The plain SQL ranking, on one connection, over every article."""
    return [tuple(r) for r in conn.execute(rank_sql(bool(site)), {
        "query": query, "site": site, "limit": limit, "low": -(2**63), "high": 2**63 - 1})]


@pytest.fixture(scope="module")
def conn(demo_db):
    conn = sqlite3.connect(f"file:{demo_db}?mode=ro", uri=True)
    yield conn
    conn.close()


@pytest.mark.parametrize("workers", [2, 3])
@pytest.mark.parametrize("query", QUERIES)
def test_split_ranking_equals_one_piece(demo_db, conn, query, workers):
    ranker = Ranker(demo_db, workers=workers, min_split=1)
    assert len(ranker.ranges(conn)) == workers
    fts = stem_query(query)
    for limit in (1, 5, 1000):
        expected = one_piece(conn, fts, limit=limit)
        assert expected, query  # every query matches something in the demo
        assert ranker.best(conn, fts, limit=limit) == expected
    chorum = ranker.best(conn, fts, site="chorum", limit=1000)
    assert chorum == one_piece(conn, fts, site="chorum", limit=1000)


def test_ranges_cover_every_article_once(demo_db, conn):
    ids = [r[0] for r in conn.execute("select article_id from article_search order by 1")]
    for workers in (1, 2, 3, 4, 7):
        ranges = Ranker(demo_db, workers=workers, min_split=1).ranges(conn)
        covered = [i for i in ids if any(low <= i <= high for low, high in ranges)]
        assert covered == ids
        assert all(a[1] < b[0] for a, b in zip(ranges, ranges[1:], strict=False))  # no overlap


def test_small_archives_rank_in_one_piece(demo_db, conn):
    assert len(Ranker(demo_db, workers=4).ranges(conn)) == 1  # 69 articles: below MIN_SPLIT
    assert len(Ranker(None, workers=4, min_split=1).ranges(conn)) == 1  # in memory: no second connection


def test_ranking_past_its_time_limit_stops(demo_db, conn, monkeypatch):
    monkeypatch.setattr("ess_crawler.search.ranking.PROGRESS_STEPS", 1)  # the demo's ranges are a few hundred steps
    ranker = Ranker(demo_db, workers=2, min_split=1)
    with pytest.raises(SearchTimeout):
        ranker.best(conn, stem_query("le"), time_limit_ms=1e-6)
    assert ranker.best(conn, stem_query("le"), limit=3) == one_piece(conn, stem_query("le"), limit=3)


def test_a_time_limit_reached_while_opening_the_index_is_a_timeout(demo_db, conn, monkeypatch):
    monkeypatch.setattr("ess_crawler.search.ranking.PROGRESS_STEPS", 1)
    ranker = Ranker(demo_db, workers=2, min_split=1)  # new worker connections: the index is not open yet
    with pytest.raises(SearchTimeout):
        ranker.best(conn, stem_query("le"), time_limit_ms=1e-6)
