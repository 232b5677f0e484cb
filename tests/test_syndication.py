"""The same article on several sites: normalisation, sketches, grouping, the table, the demo's seed article."""

import random
import shutil

import pytest
import sqlite_utils

from ess_crawler import syndication
from ess_crawler.sqlite import sqlite3
from ess_crawler.store.archive import Archive
from ess_crawler.syndication import Shingler, find_groups, jaccard, normalise, sketch, syndicate

from .conftest import run_cli

SEED_CHORUM = "https://www.chorum.fr/actualite/reseaux-sociaux-une-opportunite-pour-less"
SEED_RESSOURCES = "https://www.ressources-solidaires.org/Reseaux-sociaux-une-opportunite-pour-l-ESS"

WORDS = [f"mot{i}" for i in range(3000)]


def text(rng: random.Random, n: int = 300) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def test_normalise_ignores_case_accents_and_typography():
    assert normalise("L’ÉCONOMIE « sociale » et solidaire… Cœur") == \
        normalise("l'economie \"sociale\" et solidaire... coeur") == \
        [b"l", b"economie", b"sociale", b"et", b"solidaire", b"coeur"]


def test_normalise_keeps_non_latin_words():
    assert len(normalise("экономика социальная и солидарная")) == 4


def test_shingles_are_stable_across_instances():
    sample = "Les coopératives d’activité et d’emploi accompagnent les créateurs d’entreprise."
    assert Shingler()(sample) == Shingler()(sample)
    assert len(Shingler()(sample)) == len(normalise(sample)) - syndication.SHINGLE_WORDS + 1


@pytest.mark.parametrize("kept", [0.2, 0.5, 0.8, 1.0])
def test_sketch_agreement_estimates_jaccard(kept):
    rng = random.Random(3)
    words = text(rng, 600).split()
    other = words[: int(len(words) * kept)] + text(rng, int(len(words) * (1 - kept))).split()
    shingler = Shingler()
    a, b = shingler(" ".join(words)), shingler(" ".join(other))
    estimate = syndication._agreement(*(syndication.array("I", sketch(s)) for s in (a, b)))
    assert abs(estimate - jaccard(a, b)) < 0.12


def test_sketch_of_a_short_text_has_every_value():
    values = sketch(Shingler()(text(random.Random(1), 40)))
    assert len(values) == syndication.NUM_BINS and all(isinstance(v, int) for v in values)


def memory_archive(rows):
    conn = sqlite3.connect(":memory:")
    conn.execute("create table articles (id integer primary key, site text, published text, first_seen text, "
                 "lead text, body_text text)")
    conn.executemany("insert into articles values (?, ?, ?, ?, ?, ?)", rows)
    return conn


def test_two_copies_near_an_earlier_text_still_form_a_group():
    """Copies whose sketches lean towards an earlier, merely similar text (Jaccard 0.46, above the
    sketch's 0.4 floor, below the 0.5 threshold) are checked while grouping: they form their own group
    instead of both joining that text and both being let go by the exact check."""
    rng = random.Random(11)
    earlier = text(rng)
    copy = " ".join(earlier.split()[:190]) + " " + text(rng, 110)
    shingler = Shingler()
    assert 0.4 < jaccard(shingler(earlier), shingler(copy)) < 0.5
    conn = memory_archive([
        (1, "a", "2012-01-01", "2024-01-01", "", earlier),
        (2, "b", "2013-01-01", "2024-01-01", "", copy),
        (3, "c", "2014-01-01", "2024-01-01", "", copy),
    ])
    rows = {r["article_id"]: r for r in find_groups(conn)}
    assert set(rows) == {2, 3} and {r["group_id"] for r in rows.values()} == {2}
    assert rows[3]["similarity"] == 1.0 and rows[2]["earliest_date"] == "2013-01-01"


def test_copies_are_grouped_with_their_earliest_date():
    rng = random.Random(5)
    body, other, third = text(rng), text(rng), text(rng)
    edited = body.rsplit(" ", 30)[0] + " " + text(rng, 30)  # last 30 words rewritten
    conn = memory_archive([
        (1, "a", "2014-03-25", "2024-01-01", "Lead", body),
        (2, "b", "2013-11-25T10:00:00+01:00", "2024-01-01", "Lead", edited),
        (3, "c", "2015-01-01", "2024-01-01", "Lead", other),
        (4, "c", None, "2024-02-01T00:00:00+00:00", "", body),  # undated: first seen counts
        (5, "a", "2016-01-01", "2024-01-01", "Lead", third),
    ])
    rows = {r["article_id"]: r for r in find_groups(conn)}
    assert set(rows) == {1, 2, 4}
    assert {r["group_id"] for r in rows.values()} == {2}
    assert rows[2]["is_earliest"] == 1 and rows[2]["similarity"] == 1.0
    assert rows[1]["is_earliest"] == 0 and 0.5 <= rows[1]["similarity"] < 1.0
    assert all(r["earliest_date"] == "2013-11-25" and r["group_size"] == 3 and r["group_sites"] == 3
               for r in rows.values())


def test_same_topic_different_text_is_not_a_copy():
    rng = random.Random(8)
    common = text(rng, 60)  # a shared paragraph is not enough
    conn = memory_archive([
        (1, "a", "2020-01-01", "", "", common + " " + text(rng, 250)),
        (2, "b", "2020-02-01", "", "", common + " " + text(rng, 250)),
    ])
    assert find_groups(conn) == []


def test_short_texts_are_not_compared():
    conn = memory_archive([(1, "a", "2020-01-01", "", "", "Offre d'emploi : chargé de mission."),
                           (2, "b", "2020-01-02", "", "", "Offre d'emploi : chargé de mission.")])
    assert find_groups(conn) == []


def test_syndicate_rebuilds_the_table(tmp_path):
    archive = Archive(tmp_path / "a.db")
    rng = random.Random(2)
    body = text(rng)
    archive.db["sites"].insert_all([{"name": "a"}, {"name": "b"}])
    archive.db["articles"].insert_all([
        {"id": 1, "url": "https://a.example/1", "site": "a", "published": "2020-05-01", "body_text": body},
        {"id": 2, "url": "https://b.example/2", "site": "b", "published": "2020-04-01", "body_text": body},
        {"id": 3, "url": "https://b.example/3", "site": "b", "published": "2020-04-01", "body_text": text(rng)},
    ])
    archive.close()
    first = syndicate(tmp_path / "a.db")
    second = syndicate(tmp_path / "a.db")
    assert first == second == {"groups": 1, "articles": 2, "cross_site_groups": 1}
    db = sqlite_utils.Database(tmp_path / "a.db")
    assert [(r["article_id"], r["group_id"], r["is_earliest"]) for r in db["syndication"].rows] == \
        [(1, 2, 0), (2, 2, 1)]
    assert db["syndication"].pks == ["article_id"]
    assert {fk.other_table for fk in db["syndication"].foreign_keys} == {"articles"}


@pytest.mark.slow
def test_the_seed_article_and_its_republication_are_grouped_2013_first(demo_db, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    result = run_cli("syndicate", "--db", str(db))
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    rows = {url: (group, earliest, first, similarity) for url, group, earliest, first, similarity in conn.execute(
        "select a.url, s.group_id, s.earliest_date, s.is_earliest, s.similarity from syndication s "
        "join articles a on a.id = s.article_id")}
    assert rows[SEED_CHORUM][0] == rows[SEED_RESSOURCES][0]
    assert rows[SEED_CHORUM][1] == rows[SEED_RESSOURCES][1] == "2013-11-25"
    assert rows[SEED_RESSOURCES][2] == 1 and rows[SEED_CHORUM][2] == 0
    assert rows[SEED_CHORUM][3] >= 0.9
    assert "earliest 2013-11-25" in result.stdout
    # precision on the demo: look-alike articles on the same topic (Mois de l'ESS, the ESS law, PTCE) are
    # different texts and stay apart
    grouped = {url for url, in conn.execute("select a.url from syndication s join articles a on a.id = s.article_id")}
    for pattern in ("Mois de l%ESS%", "%loi%ESS%", "Pôles territoriaux%"):
        lookalikes = {url for url, in conn.execute("select url from articles where title like ?", [pattern])}
        assert len(lookalikes) >= 2, pattern
        assert not lookalikes & grouped, pattern
