"""The publication date chosen by agreement of evidence; disagreements flagged, never hidden."""

from ess_crawler.extract import extract_article


def page(head: str, byline: str, url_path: str = "actu/article") -> tuple[str, str]:
    body = "".join(f"<p>Paragraphe {i} de l'article, assez long pour être vraiment du texte courant, "
                   f"avec des virgules, des mots et encore des mots pour dépasser la limite.</p>" for i in range(5))
    html = (f"<html lang='fr'><head><title>Titre de l'article</title>{head}</head><body><main><article>"
            f"<h1>Titre de l'article</h1>{byline}<div class='texte'>{body}</div></article></main>"
            f"<footer><p>© Le site — publié le 1 janvier 2019</p></footer></body></html>")
    return html, f"https://www.example.org/{url_path}"


def test_candidates_and_confidence_are_recorded():
    html, url = page("<meta property='article:published_time' content='2021-03-04T10:00:00+01:00'>",
                     "<p class='byline'>Publié le 4 mars 2021</p>")
    art = extract_article(html, url)
    assert art.published.startswith("2021-03-04")
    assert "primary:meta:article:published_time=2021-03-04" in art.provenance["published_candidates"]
    assert "shown:after-title=2021-03-04" in art.provenance["published_candidates"]
    assert art.provenance["published_confidence"] == "1.00"
    assert "published_conflict" not in art.provenance


def test_two_witnesses_win_over_one_machine_field_and_the_page_is_flagged():
    html, url = page("<meta name='date' content='2020-01-11T12:00:00'>",
                     "<p class='byline'>01.11.2020</p>", "2020/11/01/article")
    art = extract_article(html, url)
    assert art.published == "2020-11-01"
    assert "2020-01-11" in art.provenance["published_conflict"]


def test_a_standalone_byline_date_wins_a_tie_with_a_single_machine_field():
    html, url = page("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
                     "\"datePublished\": \"2017-08-21T13:09:00+00:00\"}</script>",
                     "<div class='meta'><span>Drucken</span> <span>03.04.2019</span> <span>Von Olaf</span></div>")
    art = extract_article(html, url)
    assert art.published == "2019-04-03"
    assert "published_conflict" in art.provenance


def test_a_date_after_the_text_has_begun_does_not_override():
    html, url = page("<meta property='article:published_time' content='2022-05-17T09:00:00+02:00'>", "")
    art = extract_article(html, url)  # the footer says "publié le 1 janvier 2019"
    assert art.published == "2022-05-17T09:00:00+02:00"
    if "2019-01-01" in art.provenance["published_candidates"]:
        assert "2019-01-01" in art.provenance["published_conflict"]


def test_utc_timestamp_one_day_off_the_shown_day_is_a_time_zone():
    html, url = page("<meta property='article:published_time' content='2023-11-09T02:11:03+00:00'>",
                     "<p class='byline'>November 8, 2023</p>")
    assert extract_article(html, url).published == "2023-11-08"


def test_local_midnight_stored_in_utc_is_the_next_day():
    html, url = page("<meta property='article:published_time' content='2021-11-04T23:00:00+00:00'>", "")
    art = extract_article(html, url)
    assert art.published == "2021-11-05"
    assert art.provenance["published"].endswith("+local-midnight")


def test_no_date_stays_empty():
    html, url = page("", "")
    html = html.replace("© Le site — publié le 1 janvier 2019", "Mentions légales")
    art = extract_article(html, url)
    assert art.published is None or art.provenance["published"] == "fallback:htmldate"
