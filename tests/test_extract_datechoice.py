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



def test_a_copyright_year_gives_no_date():
    """htmldate reads "© 2019" in a footer as 2019-01-01: a year is no publication day, so the
    date stays empty and the rejected guess is kept in the provenance."""
    text = "<p>" + "Nous accompagnons les associations dans leurs projets de territoire. " * 10 + "</p>"
    html = ("<html><head><title>Nos services</title></head><body><main><h1>Nos services</h1>" + text
            + "</main><footer><p>Copyright © 2019 Association Exemple. Tous droits réservés.</p></footer>"
            "</body></html>")
    art = extract_article(html, "https://exemple.org/services/")
    assert art.published is None
    assert art.provenance["published_rejected"].startswith("htmldate=2019-01-01")


def test_a_fallback_date_inside_the_year_is_kept():
    text = "<p>" + "Les coopératives du territoire se sont réunies pour leur assemblée. " * 10 + "</p>"
    html = ("<html><head><title>Assemblée</title></head><body><main><h1>Assemblée</h1>" + text
            + "<p>Mis en ligne : 2019-03-14</p></main></body></html>")
    art = extract_article(html, "https://exemple.org/assemblee/")
    assert art.published and art.published.startswith("2019-03-14")



def test_the_htmldate_fallback_runs_without_dateparser_and_leaves_htmldate_as_shipped():
    """The fallback's htmldate is a private instance whose dateparser branch is off (dateparser
    loads every locale on first use: seconds); htmldate as the rest of the process imports it
    (trafilatura, the benchmarks' anchor) keeps its own."""
    import htmldate.extractors

    from ess_crawler.extract.fallback_date import _private_htmldate, htmldate_find_date

    page_html = ("<html><body><article><h1>Assemblée</h1><p>Mis en ligne le 2019-03-14</p>"
                 "</article></body></html>")
    assert htmldate_find_date(page_html, "https://exemple.org/a") == "2019-03-14"
    private = _private_htmldate()
    assert private.__name__ != "htmldate" and private.extractors is not htmldate.extractors
    assert private.extractors.has_date_cue("14 marzo 2019", None, None) is False
    assert htmldate.extractors.has_date_cue.__module__ == "htmldate.extractors"



def test_json_ld_with_type_for_at_type_is_read_as_meant():
    """`"type": "BlogPosting"` (no `@`), as some plugins write it: the article's own date."""
    text = "<p>" + "Les coopératives du territoire se sont réunies pour leur assemblée. " * 10 + "</p>"
    ld = ('{"@context": "https://schema.org", "type": "BlogPosting", "headline": "Assemblée",'
          ' "datePublished": "2018-05-22T09:00:00+02:00"}')
    html = (f"<html><head><title>Assemblée</title><script type='application/ld+json'>{ld}</script></head>"
            f"<body><main><h1>Assemblée</h1>{text}</main><footer>© 2024</footer></body></html>")
    art = extract_article(html, "https://exemple.org/assemblee/")
    assert art.published.startswith("2018-05-22")
    assert art.provenance["published"].startswith("jsonld")
    other = html.replace('"type": "BlogPosting"', '"type": "ImageObject"')
    # another type named without `@` is no article of ours (htmldate may still read its date)
    assert not extract_article(other, "https://exemple.org/assemblee/").provenance.get("published", "").startswith(
        "jsonld")


# ---- rules stated as principles, each on a page written for it (not a benchmark page)

def test_a_labelled_publication_date_beats_a_generic_date_meta():
    """`<meta name="date">` is often the last change; "Erschienen am" says which date it is."""
    html, url = page("<meta name='date' content='2021-10-15'>", "")
    html = html.replace("</article>", "<div class='box'><span>Erschienen am:</span> <h2>13.10.2021</h2></div>"
                        "<ul><li>Zuletzt geändert am: 15.10.2021</li></ul></article>")
    art = extract_article(html, url)
    assert art.published == "2021-10-13"
    assert art.provenance["published"].startswith("label")
    assert "2021-10-15" in art.provenance["published_conflict"]


def test_a_label_in_running_text_is_an_event_not_a_byline():
    html, url = page("", "")
    html = html.replace("Paragraphe 2 de l'article,", "Paragraphe 2 de l'article, l'INSEE a publié le 3 mars 2015 "
                        "une étude que nous citons, et")
    html = html.replace("© Le site — publié le 1 janvier 2019", "Mentions légales")
    art = extract_article(html, url)
    assert art.provenance.get("published") != "label"  # (the fallback library may still guess it)


def test_a_label_with_no_structured_date_comes_before_the_fallback_library():
    html, url = page("", "<div class='texte'><p>" + "Du texte. " * 30 + "</p></div>"
                     "<p class='footer-line'>Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023</p>")
    art = extract_article(html, url)
    assert art.published == "2023-11-01"


def test_an_ambiguous_slashed_meta_yields_to_its_day_first_swap_printed_on_the_page():
    """`11/01/2023` (month first) in a machine field, `01.11.2023` (dots: day first) printed."""
    html, url = page("<meta property='article:published_time' content='11/01/2023 12:43:42'>",
                     "<p class='byline'>Erstellt am: 01.11.2023</p>")
    art = extract_article(html, url)
    assert art.published[:10] == "2023-11-01"


def test_an_iso_machine_date_is_not_swapped_for_a_printed_ambiguous_one():
    html, url = page("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
                     "\"datePublished\": \"2021-11-01T05:00:14\"}</script>"
                     "<meta property='article:published_time' content='2021-11-01T04:00:14+00:00'>", "")
    html = html.replace("<h1>", "<p class='date'>11/01/2021</p><h1>")
    assert extract_article(html, url).published[:10] == "2021-11-01"


def test_a_first_of_january_yields_to_a_precise_date_in_that_year():
    """A year-only value stored as a date becomes 1 January: weak evidence."""
    html, url = page("<meta name='date' content='2022-01-01'>"
                     "<meta property='article:published_time' content='2022-01-20'>", "")
    art = extract_article(html, url)
    assert art.published == "2022-01-20"


def test_a_lone_first_of_january_is_flagged_as_weak():
    html, url = page("<meta property='article:published_time' content='2016-01-01'>", "")
    art = extract_article(html, url)
    assert art.published == "2016-01-01"
    assert "year only" in art.provenance["published_conflict"]


def test_the_url_month_picks_a_date_printed_inside_it_when_nothing_else_answers():
    html, url = page("", "", "news/2011/12/kein-cyberterrorismus")
    html = html.replace("© Le site — publié le 1 janvier 2019",
                        "Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um 10:00 Uhr gepostet")
    art = extract_article(html, url)
    assert art.published == "2011-12-03"
    assert art.provenance["published"] == "text+url-month"


def test_the_url_month_decides_between_candidates_but_overrules_no_stated_date_alone():
    html, url = page("<meta property='article:published_time' content='2019-10-01'>",
                     "<p class='byline'>18.01.2019</p>", "2019/10/article")
    assert extract_article(html, url).published == "2019-10-01"
    html, url = page("<meta property='article:published_time' content='2021-11-10T10:00:00+01:00'>",
                     "", "2021/10/article")
    art = extract_article(html, url)
    assert art.published.startswith("2021-11-10")
    assert "URL's month 2021-10" in art.provenance["published_conflict"]


def test_a_web_archive_capture_url_gives_the_original_url_and_capture_day():
    from ess_crawler.extract.metadata import _url_date, original_url, url_month

    wrapped = "https://web.archive.org/web/20160218174457/http://example.de/2010/05/slug/"
    assert original_url(wrapped) == ("http://example.de/2010/05/slug/", "2016-02-18")
    assert url_month(wrapped) == "2010-05"
    assert _url_date("https://web.archive.org/web/20160218174457/http://example.de/2010/05/19/slug/").iso \
        == "2010-05-19"


def test_a_date_in_the_navigation_bar_or_a_quoted_post_is_not_the_articles():
    html, url = page("", "")
    html = html.replace("<main>", "<div id='navwrap'><div class='navtop'><time datetime='2023-11-01T13:56:20+01:00'>"
                        "Mittwoch, 01. November 2023</time></div></div><main>")
    html = html.replace("<div class='texte'>", "<blockquote class='instagram-media'><time datetime="
                        "'2018-03-12T19:30:12+00:00'>Mär 12, 2018</time></blockquote>"
                        "<p><span class='text_datum'>31. Oktober 2023.</span></p><div class='texte'>")
    html = html.replace("© Le site — publié le 1 janvier 2019", "Mentions légales")
    assert extract_article(html, url).published == "2023-10-31"


def test_a_spaced_numeric_date_is_read():
    html, url = page("", "<div class='att-publish-date'>Von <span>Redaktion</span> 4.\u2009 2.\u20092022.</div>")
    assert extract_article(html, url).published == "2022-02-04"


def test_the_only_h1_is_the_headline_when_the_metadata_headline_differs():
    html, url = page("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": "
                     "\"Un autre titre pour les moteurs de recherche\", "
                     "\"datePublished\": \"2021-01-01T11:00:00.000Z\"}</script>",
                     "<p class='publish-info'><time datetime='2023-04-01 12:00'>01.04.2023, 12:00</time> Uhr</p>")
    assert extract_article(html, url).published.startswith("2023-04-01")


def _news(head: str, before_title: str = "", after_title: str = "", side: str = "",
          url: str = "https://www.example.com/news/article-123", lang: str = "en", end: str = "") -> tuple[str, str]:
    body = "".join(f"<p>Paragraph {i} of the story, long enough to be running text, with commas, "
                   f"words and more words to pass the limit of a paragraph.</p>" for i in range(5))
    html = (f"<html lang='{lang}'><head><title>Premier attends the summit</title>{head}</head><body>"
            f"{side}<main><article>{before_title}<h1>Premier attends the summit</h1>{after_title}"
            f"<div class='entry-content'>{body}</div></article></main>{end}</body></html>")
    return html, url


def _news_ld(published: str) -> str:
    """The JSON-LD of a NewsArticle published at `published` (a `<head>` element)."""
    return ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
            f"\"datePublished\": \"{published}\"}}</script>")


def test_a_utc_stamp_takes_the_local_day_the_page_states_for_the_same_instant():
    # WordPress (Newspaper theme): JSON-LD and og in UTC, the byline <time> in the site's zone
    head = ("<meta property='article:published_time' content='2022-04-29T02:08:28+00:00'>"
            + _news_ld("2022-04-29T02:08:28+00:00"))
    byline = ("<div class='td-post-date'><time class='entry-date updated td-module-date' "
              "datetime='2022-04-28T22:08:28-04:00'>6 hours ago</time></div>")
    art = extract_article(*_news(head, after_title=byline))
    assert art.published.startswith("2022-04-28")
    assert "local-offset" in art.provenance["published"]


def test_another_instant_with_an_offset_does_not_move_the_day():
    head = _news_ld("2022-04-29T02:08:28+00:00")
    end = ("<footer><ul><li><time datetime='2022-04-28T20:24:21-04:00'>8 hours ago</time> "
           "Other story</li></ul></footer>")
    art = extract_article(*_news(head, end=end))
    assert art.published.startswith("2022-04-29")


def test_a_slashed_header_date_read_day_first_yields_to_its_iso_swap():
    # a German-language portal's header `05/08/2019` (month first) above the title, JSON-LD in ISO
    head = _news_ld("2019-05-08T05:30:23Z")
    header = "<div class='article-header-intro'><a href='/digital-life'>Digital Life</a><span>05/08/2019</span></div>"
    art = extract_article(*_news(head, before_title=header, lang="de"))
    assert art.published.startswith("2019-05-08")


def test_a_slashed_date_that_is_no_swap_of_the_primary_keeps_the_byline_rule():
    head = _news_ld("2019-03-02T05:30:23Z")
    header = "<div class='article-header-intro'><span>05/08/2019</span></div>"
    art = extract_article(*_news(head, before_title=header, lang="de"))
    assert art.published == "2019-08-05"  # read day first; no ISO witness of its swap: the byline rule stands


def test_a_dateline_opening_the_text_dates_it():
    # TYPO3 news: no metadata; the first paragraph opens `29.11.2022 – ...`; a comment later
    lead = "<p class='teaser'>" + "The government adopted the draft law on the price brake. " * 3 + "</p>"
    first = ("<div class='frame'><p>29.11.2022 – Repeatedly and vehemently the industry had pointed "
             "to the drawbacks of the planned rules, <a href='/x'>as reported</a>.</p></div>")
    html, url = _news("", after_title=lead + first)
    html = html.replace("</main>", "</main><div class='comments'><p>Marth 02.12.2022, 15:57:32</p></div>")
    assert extract_article(html, url).published == "2022-11-29"


def test_a_date_beginning_a_sentence_is_no_dateline():
    from ess_crawler.extract.datechoice import _dateline

    assert _dateline("29.11.2022 – Mehrfach und vehement hatte die Branche gewarnt").iso == "2022-11-29"
    assert _dateline("05.12.2022 | Paris/Dauerthal (iwr-pressedienst) - Was in Deutschland").iso == "2022-12-05"
    assert _dateline("12.10.2015 war der Tag, an dem der Preis vergeben wurde, und alle kamen") is None
    assert _dateline("Am 29.11.2022 – so die Branche – wurde das Gesetz beschlossen") is None


def test_the_headline_is_the_h1_not_a_side_feed_teaser_with_the_same_title():
    # JNews theme: a side feed lists the article itself (h2) with its neighbours before the h1
    side = ("<div class='jeg_sidefeed'><div class='jeg_post'><h2 class='jeg_post_title'>"
            "<a href='/a'>Premier attends the summit</a></h2><div class='jeg_meta_date'>16 hours ago</div></div>"
            "<div class='jeg_post'><h2 class='jeg_post_title'><a href='/b'>Covid-19 update: Dashboard "
            "20 April 2022</a></h2></div></div>")
    byline = "<div class='jeg_meta_date'><a href='/a'>21 April 2022</a></div>"
    head = "<meta property='article:published_time' content='2022-04-21T18:46:12+00:00'>"
    art = extract_article(*_news(head, after_title=byline, side=side))
    assert art.published.startswith("2022-04-21")


# ------------------------------------------------------------ slashed dates, month first

def _us_page(lang: str, date_html: str) -> str:
    text = "".join(f"<p>Paragraph {i} of the story, long enough to be running text, with commas, words and "
                   f"more words to pass the limit of a byline and of a short date line by far.</p>" for i in range(5))
    return (f"<html lang='{lang}'><head><title>Hollywood actors strike ends</title></head><body>"
            f"<h1>Hollywood actors strike ends</h1>{text}<div class='artDates'>{date_html}</div>"
            f"{text}</body></html>")


def test_a_us_english_page_writes_its_slashed_date_month_first():
    html = _us_page("en-US", "<span class='timeInfo'>11/8/2023 10:46 PM</span>")
    art = extract_article(html, "https://www.exemple.com/entlife/hollywood-actors-strike")
    assert art.published.startswith("2023-11-08")
    assert art.provenance["published"].endswith("+us-order")


def test_a_british_page_keeps_its_slashed_date_day_first():
    html = _us_page("en-GB", "<span class='timeInfo'>11/8/2023 10:46 PM</span>")
    art = extract_article(html, "https://www.exemple.co.uk/entlife/hollywood-actors-strike")
    assert art.published.startswith("2023-08-11")


def test_a_time_element_s_own_datetime_says_which_reading_of_its_slashed_text_is_right():
    html = _us_page("en", "<time datetime='2023-11-08T22:46:00-06:00'>11/08/2023</time>")
    assert extract_article(html, "https://www.exemple.com/a").published.startswith("2023-11-08")
    # look-alike: a datetime that is no swap of the text leaves the text's reading
    html = _us_page("en", "<time datetime='2023-11-09T10:00:00+00:00'>11/08/2023</time>")
    assert extract_article(html, "https://www.exemple.com/a").published.startswith("2023-08-11")
