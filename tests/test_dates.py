"""French and English date forms as ESS sites print them."""

import datetime as dt

import pytest

from ess_crawler.extract.dates import normalise_iso, parse_date, parse_published_modified

TODAY = dt.date(2026, 1, 1)


@pytest.mark.parametrize("text, iso", [
    ("25/03/2014", "2014-03-25"),
    ("Publié le lundi 25 novembre 2013", "2013-11-25"),
    ("Publié le 12 octobre 2020", "2020-10-12"),
    ("Mis en ligne le 4 juillet 2017", "2017-07-04"),
    ("le 1er août 2019", "2019-08-01"),
    ("Publié le Mercredi 17 mai 2023 - 15:46", "2023-05-17T15:46:00"),
    ("mardi 3 février 2015 à 10h30", "2015-02-03T10:30:00"),
    ("3 fevrier 2015", "2015-02-03"),
    ("Par Jeanne Martin 03/02/2021", "2021-02-03"),
    ("November 25, 2013", "2013-11-25"),
    ("25 Nov 2013", "2013-11-25"),
    ("2014-03-25T12:00:00+01:00", "2014-03-25T12:00:00+01:00"),
    ("12.10.2020", "2020-10-12"),
])
def test_date_forms(text, iso):
    parsed = parse_date(text, today=TODAY)
    assert parsed is not None, text
    assert parsed.iso == iso


def test_published_and_updated_dates_are_told_apart():
    published, modified = parse_published_modified(
        "Publié le 11 juillet 2024 - Mise à jour le 20 janvier 2025", today=dt.date(2026, 1, 1))
    assert published.iso == "2024-07-11"
    assert modified.iso == "2025-01-20"


def test_update_label_first_still_finds_publication():
    published, modified = parse_published_modified(
        "Mis à jour le 2 mars 2021 — Publié le 1 mars 2021", today=TODAY)
    assert modified.iso == "2021-03-02"
    assert published.iso == "2021-03-01"


@pytest.mark.parametrize("text", [
    "31/02/2014",             # no such day
    "le 12 mars 2050",        # in the future
    "12 mars 1850",           # before 1990: not a publication date of a web page
    "novembre 2013",          # no day: not a date we can state
    "Article 12 du code",     # a number is not a date
    "",
])
def test_not_dates(text):
    assert parse_date(text, today=TODAY) is None


def test_machine_dates_keep_their_offset():
    assert normalise_iso("2013-11-25T09:31:00Z").iso == "2013-11-25T09:31:00+00:00"
    assert normalise_iso("2013-11-25").iso == "2013-11-25"
    assert normalise_iso("not a date") is None


@pytest.mark.parametrize("text, iso", [
    ("1. November 2023", "2023-11-01"),
    ("Montag, 6. März 2023", "2023-03-06"),
    ("24. Juli 2020", "2020-07-24"),
    ("3. Dezember 2019", "2019-12-03"),
    ("14 Gennaio 2020", "2020-01-14"),
    ("Publicado el 3 de marzo de 2021", "2021-03-03"),
    ("12 de dezembro de 2019", "2019-12-12"),
    ("5 mei 2022", "2022-05-05"),
])
def test_german_and_other_month_names(text, iso):
    assert parse_date(text, today=TODAY).iso == iso


def test_date_lines_are_read_with_spaced_and_thin_spaced_numbers():
    from ess_crawler.extract.metadata import date_text, parse_line

    assert date_text("Von DTB 4.\u2009 2.\u20092022.") == "Von DTB 4.2.2022."
    assert parse_line("4. 2. 2022")[0].iso == "2022-02-04"
    assert date_text("Kapitel 4. 2") == "Kapitel 4. 2"


@pytest.mark.parametrize("text, iso", [
    ("Erschienen am: 01.11.2023", "2023-11-01"),
    ("Veröffentlicht am 16.08.2019", "2019-08-16"),
    ("Publié le lundi 25 novembre 2013", "2013-11-25"),
    ("Posted by Anna on March 3, 2020", "2020-03-03"),
    ("14:49:39Erschienen am: 01.11.2023", "2023-11-01"),
])
def test_a_publication_label_introduces_its_date(text, iso):
    from ess_crawler.extract.metadata import _after_label

    assert _after_label(text).iso == iso


@pytest.mark.parametrize("text", [
    '"published": "2020-01-01"',  # JSON, not a label
    "datePublished 2020-01-01",
    "Mis à jour le 3 mars 2020",
])
def test_no_label_no_date(text):
    from ess_crawler.extract.metadata import _after_label

    assert _after_label(text) is None


def test_a_german_update_label_marks_the_modification():
    from ess_crawler.extract.metadata import parse_line

    published, modified = parse_line("Letzte Änderung: 31.10.2023 - 14:49:39 Erschienen am: 01.11.2023")
    assert published.iso == "2023-11-01"
    assert modified.iso.startswith("2023-10-31")


@pytest.mark.parametrize("text, iso", [
    ("opublikowano: 7 kwietnia 2021", "2021-04-07"),  # Polish genitive month (news bylines)
    ("Dodano: 30 kwietnia 2021, 11:55", "2021-04-30T11:55:00"),
    ("Dominika Rafalska 16 marca 2021", "2021-03-16"),
    ("1 października 2020", "2020-10-01"),
    ("Piątek, 4 maja 2021", "2021-05-04"),
])
def test_polish_month_names(text, iso):
    from ess_crawler.extract.metadata import parse_line

    assert parse_line(text)[0].iso == iso


def test_a_month_between_commas():
    """`26, Abril, 2022` (a calendar icon's byline); one comma alone is a list, not a date."""
    from ess_crawler.extract.metadata import parse_line

    assert parse_line("26, Abril, 2022")[0].iso == "2022-04-26"
    assert parse_line("Seite 3, Mai 2020")[0] is None
    assert parse_line("Kapitel 1, 2, 3, März 2019")[0] is None


@pytest.mark.parametrize("text, found", [
    # the weekday before the day belongs to the date's raw text, however it is set apart
    ("Publié le lundi 25 novembre 2013 à 10h30", [(10, "lundi 25 novembre 2013 à 10h30")]),
    ("x dim.,  6 juin 2021 et Wed., 7 July 2021", [(2, "dim.,  6 juin 2021"), (24, "Wed., 7 July 2021")]),
    ("Monday,\n5 May 2020", [(0, "Monday,\n5 May 2020")]),
    # a weekday inside a longer word is no weekday; a day glued to a number is no day
    ("Salundi 25 novembre 2013", [(8, "25 novembre 2013")]),
    ("125 novembre 2013", []),
    # a day and year after a month only: `November 25, 2013`, not `25, 2013` alone
    ("on November 25, 2013 and 25, 2014", [(3, "November 25, 2013")]),
])
def test_found_dates_keep_their_weekday_and_place(text, found):
    from ess_crawler.extract.dates import find_dates

    assert [(pos, date.raw) for pos, date in find_dates(text, dt.date(2026, 1, 1))] == found
