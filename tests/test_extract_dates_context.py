"""Where a date sits decides whether it is the article's: the headline's own wrappers are not
a sidebar whatever their class; a day htmldate finds only where no reader looks is no date."""

import datetime as dt

from ess_crawler.extract import extract_article
from ess_crawler.extract.fallback_date import _DayForms, witnessed

_TEXT = "".join(f"<p>Paragraphe {i} de l'article, assez long pour être vraiment du texte courant, avec des "
                f"virgules, des mots et encore des mots pour dépasser la limite.</p>" for i in range(5))


# ------------------------------------------------------------ the article inside an <aside>

def _news_theme(article_wrapper_open: str, article_wrapper_close: str, sidebar: str = "") -> str:
    """A news-site theme (no date metadata) whose article column is an `<aside>`: the dated
    byline comes after the standfirst, beyond the reach of the byline walk from the headline."""
    standfirst = "<p>" + "Le chapeau de l'article, qui résume longuement ce qui suit. " * 14 + "</p>"
    return (f"<html lang='fr'><head><title>Le conseil vote le budget</title></head>"
            f"<body class='nfy'><main class='nfy-content'>{article_wrapper_open}"
            f"<section class='nfy-ar nfy-ar-detail'><header class='nfy-ar-functions'>"
            f"<h1 class='nfy-ar-headline'>Le conseil vote le budget</h1>"
            f"<div class='nfy-ar-teaser-detail'>{standfirst}</div>"
            f"<div class='nfy-ar-date'>12.10.2015, 19:16 Uhr</div></header>"
            f"<article>{_TEXT}</article></section>{article_wrapper_close}{sidebar}</main></body></html>")


def test_a_date_element_in_the_aside_that_holds_the_headline_is_the_article_date():
    html = _news_theme("<aside class='nfy-pa nfy-pa-direct-content'>", "</aside>")
    art = extract_article(html, "https://www.exemple.fr/politik/artikel,133484.html")
    assert art.published.startswith("2015-10-12")
    assert art.provenance["published"] == "article-wrapper:date-class"


def test_a_date_element_in_a_real_sidebar_beside_the_article_stays_out():
    """Look-alike: the headline sits in `<div>`s; the only date element is a sidebar widget's
    (a WordPress `aside.widget-area`): not the article's, our rules give it no date (what the
    fallback library then reads is its own witness, flagged as such)."""
    sidebar = ("<aside id='secondary' class='widget-area'><section class='widget widget_recent_entries'>"
               "<ul><li><a href='/autre'>Autre article</a> <span class='post-date'>03.02.2016</span></li></ul>"
               "</section></aside>")
    html = _news_theme("<div class='nfy-pa'>", "</div>", sidebar).replace(
        "<div class='nfy-ar-date'>12.10.2015, 19:16 Uhr</div>", "")
    art = extract_article(html, "https://www.exemple.fr/politik/artikel,133484.html")
    assert art.provenance.get("published") == "fallback:htmldate"
    assert "article-wrapper" not in art.provenance.get("published_candidates", "")


def test_a_layout_class_naming_a_sidebar_does_not_hide_the_article_time():
    """Genesis themes wrap the whole content in `div.content-sidebar-wrap` (body
    `content-sidebar`): the `<time>` in the post's own entry footer, after the text, is the
    article's."""
    html = ("<html><head><title>Recette de saison</title></head><body class='single content-sidebar'>"
            "<div class='content-sidebar-wrap'><main class='content'><article class='post'>"
            "<header class='entry-header'><h1 class='entry-title'>Recette de saison</h1></header>"
            f"<div class='entry-content'>{_TEXT}</div><footer class='entry-footer'><p class='entry-meta'>"
            "<time class='entry-time'>14 mars 2021</time></p></footer></article></main></div></body></html>")
    art = extract_article(html, "https://www.exemple.fr/recette-de-saison/")
    assert art.published == "2021-03-14"
    assert art.provenance["published"] == "article-wrapper:time"


def test_the_site_footer_beside_the_article_stays_out():
    """Look-alike: the same theme, the `<time>` in the site's footer (outside the article)."""
    html = ("<html><head><title>Recette de saison</title></head><body class='single content-sidebar'>"
            "<div class='content-sidebar-wrap'><main class='content'><article class='post'>"
            "<header class='entry-header'><h1 class='entry-title'>Recette de saison</h1></header>"
            f"<div class='entry-content'>{_TEXT}</div></article></main>"
            "<footer class='site-info'><time>14 mars 2021</time></footer></div></body></html>")
    art = extract_article(html, "https://www.exemple.fr/recette-de-saison/")
    assert "article-wrapper" not in art.provenance.get("published_candidates", "")


# ------------------------------------------------------------ htmldate's unwitnessed guesses

def _undated_shop_page(hidden: str) -> str:
    return ("<html><head><title>Finanzierung</title><link rel='stylesheet' href='/css/site.css?v=20200226'>"
            f"</head><body><h1>Finanzierung</h1>{_TEXT}{hidden}</body></html>")


def test_htmldate_guess_read_in_a_comment_is_dropped():
    html = _undated_shop_page("<!-- DEBUG \"Date\" = \"26.02.2020 17:58:26h\" -->")
    art = extract_article(html, "https://www.shop.example/finanzierung")
    assert art.published is None
    # the dropped guess is kept where a researcher can see why the date is empty
    assert art.provenance["published_rejected"].startswith("htmldate=2020-02-26: that day is written only in")


def test_htmldate_guess_the_page_prints_is_kept():
    """Look-alike: the same day, printed for the reader (a Drupal node's submitted line)."""
    html = _undated_shop_page("<div class='submitted'>26.02.2020</div><!-- cache 26.02.2020 -->")
    art = extract_article(html, "https://www.shop.example/finanzierung")
    assert art.published == "2020-02-26"


def test_a_day_is_witnessed_in_text_attributes_and_the_url_but_not_in_assets():
    page = "<p>Updated: $Date: 2016/11/18 06:31:41 $</p>"
    assert witnessed("2016-11-18", page, "https://www.gnu.org/licenses/gpl.html")
    assert witnessed("2016-05-22", "<img data-permalink='https://cc.org/2016/05/22/bday/'>", "https://cc.org/about/")
    assert witnessed("2020-04-28", "<p>rien</p>", "https://www.thelocal.se/20200428/meet-the-swede/")
    assert not witnessed("2012-04-17", "<script src='/wp-includes/js/swfobject.js?ver=2.2-20120417'></script>",
                         "https://mediaarchitecture.de/weber/")
    assert not witnessed("2019-03-26", "<style>.icon-hybris-2019-03-26:before{content:'a'}</style>",
                         "https://www.lidl.de/nachhaltigkeit")


def test_the_forms_of_a_day():
    forms = _DayForms(dt.date(2016, 11, 18))
    for text in ("18. November 2016", "Nov 18, 2016", "le 18 nov. 2016", "18.11.16", "11/18/2016",
                 "2016-11-18T06:31", "am 18.11.2016 um"):
        assert forms.search(text), text
    for text in ("118.11.2016", "2016-11-180", "18.11.20167", "Nov 1, 2016", "12016-11-18", "18.12.2016"):
        assert not forms.search(text), text
