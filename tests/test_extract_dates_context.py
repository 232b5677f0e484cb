"""Where a date sits decides whether it is the article's: the headline's own wrappers are not
a sidebar whatever their class; a day htmldate finds only where no reader looks is no date."""

import datetime as dt

from ess_crawler.extract import extract_article
from ess_crawler.extract.fallback_date import _DayForms, witnessed

_TEXT = "".join(f"<p>Paragraphe {i} de l'article, assez long pour être vraiment du texte courant, avec des "
                f"virgules, des mots et encore des mots pour dépasser la limite.</p>" for i in range(5))


# the rules that read a date element or line of the page (not the fallback library's guess)
_OUR_HTML_RULES = ("cms:", "html:", "heuristic:", "label", "shown:")


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
    assert art.provenance["published"] == "heuristic:date-class"


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
    assert art.provenance["published"] == "html:time"


def test_the_site_footer_beside_the_article_stays_out():
    """Look-alike: the same theme, the `<time>` in the site's footer (outside the article)."""
    html = ("<html><head><title>Recette de saison</title></head><body class='single content-sidebar'>"
            "<div class='content-sidebar-wrap'><main class='content'><article class='post'>"
            "<header class='entry-header'><h1 class='entry-title'>Recette de saison</h1></header>"
            f"<div class='entry-content'>{_TEXT}</div></article></main>"
            "<footer class='site-info'><time>14 mars 2021</time></footer></div></body></html>")
    art = extract_article(html, "https://www.exemple.fr/recette-de-saison/")
    assert not art.provenance.get("published", "").startswith(_OUR_HTML_RULES)


# ------------------------------------------------------------ whole-page wrappers named like a sidebar

def _generatepress(entry_meta: str, sidebar: str) -> str:
    """A WordPress post in GeneratePress markup, no date metadata: `body.right-sidebar` (a layout
    class) around the article, the widget area `div#right-sidebar` beside it."""
    return ("<html lang='fr'><head><title>La coopérative ouvre</title>"
            "<link rel='stylesheet' href='/wp-content/themes/generatepress/style.css'></head>"
            "<body class='post-template-default single single-post postid-12 right-sidebar nav-below-header'>"
            "<div class='site grid-container container hfeed' id='page'><div class='site-content' id='content'>"
            "<div class='content-area' id='primary'><main class='site-main' id='main'>"
            "<article class='post type-post status-publish'><div class='inside-article'>"
            "<header class='entry-header'><h1 class='entry-title'>La coopérative ouvre</h1>"
            f"<div class='entry-meta'>{entry_meta}</div></header>"
            f"<div class='entry-content'>{_TEXT}</div></div></article></main></div>"
            f"<div class='widget-area sidebar is-right-sidebar' id='right-sidebar'>{sidebar}</div>"
            "</div></div></body></html>")


_RECENT_POSTS = ("<div class='inside-right-sidebar'><aside class='widget inner-padding widget_recent_entries'>"
                 "<h2 class='widget-title'>Articles récents</h2><ul><li><a href='/autre/'>Autre article</a>"
                 " <span class='post-date'>3 février 2016</span></li></ul></aside></div>")


def test_a_body_layout_class_naming_a_sidebar_does_not_hide_the_entry_date():
    html = _generatepress("<span class='posted-on'><time class='entry-date published' "
                          "datetime='2021-03-14T09:12:00+01:00'>14 mars 2021</time></span>", _RECENT_POSTS)
    art = extract_article(html, "https://www.exemple.fr/la-cooperative-ouvre/")
    assert art.published.startswith("2021-03-14")
    assert art.provenance["published"] == "cms:wordpress"


def test_the_recent_posts_widget_in_the_real_sidebar_stays_out():
    """Look-alike: the same theme with no entry date; the widget's date is another post's."""
    art = extract_article(_generatepress("", _RECENT_POSTS), "https://www.exemple.fr/la-cooperative-ouvre/")
    assert not art.provenance.get("published", "").startswith(_OUR_HTML_RULES)


def _drupal_node(generic_date: str, signature: str, sidebar: str = "") -> str:
    """A Drupal 7 node page: `body.no-sidebars`, a generic `<meta name="date">` the CMS fills with
    the last change, a signature line after the text (beyond the byline walk from the headline)
    and the second sidebar region after the content."""
    return (f"<html lang='fr'><head><title>Assemblée générale</title>{generic_date}</head>"
            "<body class='html not-front not-logged-in no-sidebars page-node node-type-article'>"
            "<div id='page'><div id='main'><div id='content' class='column'>"
            "<h1 class='title' id='page-title'>Assemblée générale</h1>"
            f"<div class='node node-article'><div class='content'>{_TEXT}</div>{signature}</div>"
            f"</div>{sidebar}</div></div></body></html>")


def test_a_publication_label_under_a_no_sidebars_body_beats_the_generic_date_meta():
    html = _drupal_node("<meta name='date' content='2022-05-30'>",
                        "<p class='meta'>Publié le 12 mars 2021 par la rédaction</p>")
    art = extract_article(html, "https://www.exemple.fr/node/381")
    assert art.published == "2021-03-12"
    assert art.provenance["published"].startswith("label")


def test_a_publication_label_in_a_sidebar_block_stays_out():
    """Look-alike: the label belongs to a block of the second sidebar (another article's teaser)."""
    sidebar = ("<div class='region region-sidebar-second column sidebar'><div class='block block-views'>"
               "<p>Publié le 2 janvier 2020 : la lettre d'information</p></div></div>")
    html = _drupal_node("<meta name='date' content='2022-05-30'>", "", sidebar)
    art = extract_article(html, "https://www.exemple.fr/node/381")
    assert art.published == "2022-05-30"


def _elementor(post_info: str, posts_widget: str = "") -> str:
    """An Elementor single-post template: every block is an `elementor-widget`; the title widget
    and the post-info widget share one column (`elementor-widget-wrap`)."""
    def widget(kind: str, inner: str) -> str:
        return (f"<div class='elementor-element elementor-element-3e6 elementor-widget elementor-widget-{kind}' "
                f"data-widget_type='{kind}.default'><div class='elementor-widget-container'>{inner}</div></div>")

    column = widget("theme-post-title", "<h1 class='elementor-heading-title elementor-size-default'>"
                                        "Le marché de Noël solidaire</h1>")
    column += post_info + widget("theme-post-content", _TEXT) + posts_widget
    return ("<html lang='de'><head><title>Le marché de Noël solidaire</title></head>"
            "<body class='post-template-default single single-post elementor-default'>"
            "<div data-elementor-type='single-post' class='elementor elementor-222 elementor-location-single'>"
            "<section class='elementor-section elementor-top-section'><div class='elementor-container'>"
            "<div class='elementor-column elementor-col-100'><div class='elementor-widget-wrap "
            f"elementor-element-populated'>{column}</div></div></div></section></div></body></html>")


def test_an_elementor_post_info_widget_beside_the_title_widget_dates_the_article():
    post_info = ("<div class='elementor-element elementor-element-9a1 elementor-widget elementor-widget-post-info' "
                 "data-widget_type='post-info.default'><div class='elementor-widget-container'>"
                 "<ul class='elementor-inline-items elementor-icon-list-items elementor-post-info'>"
                 "<li class='elementor-icon-list-item elementor-repeater-item-4d9'>"
                 "<span class='elementor-icon-list-text elementor-post-info__item "
                 "elementor-post-info__item--type-date'>6. November 2023</span></li></ul></div></div>")
    art = extract_article(_elementor(post_info), "https://www.exemple.de/marche-de-noel/")
    assert art.published == "2023-11-06"
    assert art.provenance["published"] == "heuristic:date-class"


def test_an_elementor_posts_widget_under_the_article_stays_out():
    """Look-alike: no post-info widget; a posts grid in the same column lists other posts' dates."""
    posts = ("<div class='elementor-element elementor-element-7bf elementor-widget elementor-widget-posts' "
             "data-widget_type='posts.cards'><div class='elementor-widget-container'>"
             "<div class='elementor-posts-container elementor-posts elementor-grid'>"
             "<article class='elementor-post elementor-grid-item'><div class='elementor-post__card'>"
             "<h3 class='elementor-post__title'><a href='/autre/'>Autre</a></h3>"
             "<div class='elementor-post__meta-data'><span class='elementor-post-date'>22. Juni 2022</span>"
             "</div></div></article></div></div></div>")
    art = extract_article(_elementor("", posts), "https://www.exemple.de/marche-de-noel/")
    assert not art.provenance.get("published", "").startswith(_OUR_HTML_RULES)


def test_a_commentary_column_holding_the_headline_is_not_a_comment_thread():
    """An opinion piece's wrapper named `commentary` (or a WordPress body `comments-open`) holds
    the article: its byline `<time>` is the article's; a reader's comment below stays out."""
    html = ("<html><head><title>Le revenu de base, enfin</title></head><body class='single comments-open'>"
            "<div class='sect sect_article news commentary'><article>"
            "<h1>Le revenu de base, enfin</h1><p class='byline'>Par Anne <time>14 mars 2021</time></p>"
            f"{_TEXT}</article><section id='comments' class='comments-area'><ol class='comment-list'>"
            "<li class='comment'><time>2 avril 2021</time> Bravo</li></ol></section></div></body></html>")
    art = extract_article(html, "https://www.exemple.fr/revenu-de-base/")
    assert art.published == "2021-03-14"
    assert art.provenance["published"] == "html:time"
    no_byline = html.replace("<p class='byline'>Par Anne <time>14 mars 2021</time></p>", "")
    art = extract_article(no_byline, "https://www.exemple.fr/revenu-de-base/")
    assert not art.provenance.get("published", "").startswith(_OUR_HTML_RULES)


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


# ------------------------------------------------------------ printed forms (dates.py)

def test_mar_is_march_in_a_date_and_tuesday_only_before_the_day():
    from ess_crawler.extract.dates import parse_date

    assert parse_date("Mar 6, 2023").iso == "2023-03-06"  # not June 6 (`mar` read as mardi)
    assert parse_date("Posted Mar. 14, 2019 10:30").iso == "2019-03-14T10:30:00"
    assert parse_date("le 6 mar. 2023").iso == "2023-03-06"
    assert parse_date("Aktualisiert am 06. Mär. 2023").iso == "2023-03-06"
    # look-alike: the weekday `mar.` before the day number stays a weekday
    assert parse_date("mar. 7 juin 2023").iso == "2023-06-07"


def test_day_month_year_set_apart_by_spaced_bars_or_slashes():
    from ess_crawler.extract.dates import parse_date

    assert parse_date("26 | 01 | 2022").iso == "2022-01-26"
    assert parse_date("29 / Dezember / 2022").iso == "2022-12-29"
    # look-alikes: page numbers, an issue number, a 13th month are no dates
    assert parse_date("Seite 1 | 2 | 2022") is None
    assert parse_date("1 | 13 | 2020") is None
    assert parse_date("Heft 3 / 2 / 2021") is None


def test_a_subline_table_with_bars_above_the_headline_dates_the_page():
    html = ("<html lang='de'><head><title>Bielersee-Winterhechte</title></head><body><main><section>"
            "<div class='subline'><table><tr><td>26 | 01 | 2022 </td><td class='categories'>Schweiz | Praxis"
            "</td></tr></table></div><h1>Bielersee-Winterhechte</h1></section>"
            f"<section class='wysiwyg'>{_TEXT}</section></main></body></html>")
    art = extract_article(html, "https://www.exemple.ch/de/bielerseewinterhechte--1026")
    assert art.published == "2022-01-26"


# ------------------------------------------------------------ another post's date

def _wp_single(inside_content: str, header_date: str = "") -> str:
    """A WordPress single post (no date metadata) whose own date is a plain date-classed span."""
    return ("<html lang='de'><head><title>3 Fragen an Tina Musil</title></head><body class='single'>"
            "<article id='post-41261' class='post hentry'><header class='camp-article__header'>"
            "<h1 class='camp-article__title'>3 Fragen an Tina Musil</h1></header>"
            f"<div class='entry-content'>{_TEXT}{inside_content}{_TEXT}</div>"
            f"<div class='camp-article__meta'><span class='article__meta--date'>{header_date}</span></div>"
            "</article></body></html>")


def test_a_time_in_a_teaser_card_linking_another_post_is_not_the_article_date():
    teaser = ("<div class='wp-block-marginal'><a class='camp-teaser-pure' href='https://blog.exemple.de/autre/'>"
              "<img src='/a.jpg' alt=''><div class='camp-teaser-pure__meta'>"
              "<time datetime='2019-10-21T10:03:38+02:00'>21.10.2019</time></div>"
              "<h3>Was ist die Stiftung?</h3></a></div>")
    art = extract_article(_wp_single(teaser, "31. Oktober 2023"), "https://blog.exemple.de/2023/10/3-fragen/")
    assert art.published == "2023-10-31"


def test_a_time_in_a_permalink_around_the_date_alone_is_the_article_date():
    """Look-alike: themes wrap the post's own date in a link to the post (`rel=bookmark`)."""
    own = ("<p class='byline'><a href='https://blog.exemple.de/3-fragen/' rel='bookmark'>"
           "<time datetime='2023-10-31T09:00:00+01:00'>31. Oktober 2023</time></a></p>")
    html = _wp_single("").replace("<div class='entry-content'>", own + "<div class='entry-content'>")
    art = extract_article(html, "https://blog.exemple.de/3-fragen/")
    assert art.published.startswith("2023-10-31")


def test_a_date_in_another_article_of_a_teaser_grid_is_not_the_article_date():
    grid = ("<div class='grid-box'><article class='teaser post-225290'><h3><a href='/2019/autre/'>Autre</a></h3>"
            "<footer class='teaser__footer'><div class='teaser__byline posted-on'>"
            "<time class='entry-date published' datetime='2019-06-06T16:05:08+02:00'>06.06.2019</time>"
            "</div></footer></article></div>")
    html = ("<html lang='de'><head><title>Die Abmahner</title><meta name='generator' content='WordPress 5.2'>"
            "</head><body><article class='post'><header><h1 class='entry-title'>Die Abmahner</h1>"
            "<p class='standfirst'>Seit Dezember 2015 verschickt eine Kanzlei zahlreiche Abmahnungen wegen "
            "fehlerhafter Referenzierungen. Wir haben recherchiert und legen jetzt das Netzwerk offen.</p>"
            "<div class='entry-meta'><time class='published dt-published' datetime='23. Juni 2016'>"
            f"23.06.2016 um 16:14 Uhr</time></div></header>{_TEXT}</article>{grid}</body></html>")
    art = extract_article(html, "https://netz.exemple.org/2016/die-abmahner/")
    assert art.published.startswith("2016-06-23")
    # look-alike: with the headline outside any <article>, an <article>'s date is the page's
    lone = html.replace("<article class='post'>", "<div class='post'>").replace(f"{_TEXT}</article>", f"{_TEXT}</div>")
    lone = lone.replace("<time class='published dt-published' datetime='23. Juni 2016'>23.06.2016 um 16:14 Uhr</time>",
                        "")
    art = extract_article(lone, "https://netz.exemple.org/2016/die-abmahner/")
    assert art.published.startswith("2019-06-06")


# ------------------------------------------------------------ an update label before the element

def _press_release(label: str) -> str:
    return ("<html lang='de'><head><title>Eva Welskop-Deffaa zur neuen Präsidentin gewählt</title></head><body>"
            "<h1>Eva Welskop-Deffaa zur neuen Präsidentin gewählt</h1>"
            "<p>Die Delegiertenversammlung hat heute gewählt; die neue Präsidentin tritt ihr Amt im November an, "
            "nach einer langen Einarbeitung und vielen Gesprächen.</p>"
            "<div class='eventbox'><span class='eventbox__subheadline'>Erschienen am:</span>"
            "<h2 class='eventbox-event__headline'>13.10.2021</h2></div>"
            f"<div class='author'><h4 class='timestamp__title'>{label}</h4>"
            "<ul class='timestamp-list'><li class='timestamp-list__item'>15.10.2021</li></ul></div>"
            f"{_TEXT}</body></html>")


def test_a_date_element_after_an_update_label_is_the_modified_date():
    art = extract_article(_press_release("Zuletzt geändert am:"), "https://www.exemple.de/presse/wahl")
    assert art.published == "2021-10-13"
    assert (art.modified or "").startswith("2021-10-15")


def test_a_date_element_after_a_publication_label_is_the_published_date():
    art = extract_article(_press_release("Veröffentlicht am:"), "https://www.exemple.de/presse/wahl")
    assert art.published == "2021-10-15"


# ------------------------------------------------------------ the headline among several h1s

def _gsb_page(title: str) -> str:
    """A government site builder page: the site's and the section's names are h1s too, and the
    <title> joins site, section and headline."""
    return (f"<html lang='de'><head><title>{title}</title></head><body>"
            "<h1 class='aural'>Zoll</h1><div class='buehne'><h1 class='c-buehne__headline'>Fachmeldungen</h1></div>"
            "<div class='singleview'><h1 class='isFirstInSlot'>Verkündung des Tabaksteuermodernisierungsgesetzes</h1>"
            "<div class='docData news'><span class='label'>Datum:</span> <span class='value'>18.10.2021</span></div>"
            "<p>Informationen finden Sie im Informationsschreiben an die Verbände und Wirtschaftsbeteiligten vom "
            "14. Oktober 2021, dessen Anlagen die Einzelheiten enthalten und weitere Fragen beantworten.</p>"
            f"<p class='c-download-list'><a class='Publication' href='/x.pdf'><span class='info'>"
            f"Informationsschreiben vom 14. Oktober 2021</span></a></p>{_TEXT}</div></body></html>")


def test_the_h1_that_is_the_headline_part_of_the_title_carries_the_date_line():
    title = "Zoll online - Fachmeldungen - Verkündung des Tabaksteuermodernisierungsgesetzes"
    art = extract_article(_gsb_page(title), "https://www.exemple.de/SharedDocs/Fachmeldungen/2021/z83.html")
    assert art.published == "2021-10-18"


def test_an_h1_that_is_only_a_short_part_of_the_title_is_not_taken_for_the_headline():
    """Look-alike: the title names the section only; no h1 is the headline."""
    from ess_crawler.extract.document import Page, parse_html
    from ess_crawler.extract.metadata import title_element

    page = Page(parse_html(_gsb_page("Zoll online - Fachmeldungen")), "https://www.exemple.de/x", None)
    assert title_element(page, "Zoll online - Fachmeldungen") is None


def _drupal_page(generator: str, node: str) -> str:
    """A Drupal node page: its generator meta, then `node` (each version's own markup, `{text}`
    where the body field's paragraphs go)."""
    return ("<html lang='fr'><head><title>Le conseil vote le budget</title>"
            f"<meta name='Generator' content='{generator}'></head><body>{node.format(text=_TEXT)}</body></html>")


def test_a_date_field_wrapping_a_time_element_keeps_its_machine_offset():
    # Drupal 10's Olivero: `.field--name-created` (no attribute) around `<time datetime>`, whose
    # text gives the day and the hour but not the offset
    html = _drupal_page("Drupal 10 (https://www.drupal.org)", (
        "<article class='node node--type-article node--view-mode-full'><h1>Le conseil vote le budget</h1>"
        "<div class='node__meta'><span class='node__author'>par Marie</span>, "
        "<span class='field field--name-created field--type-created field--label-hidden'>"
        "<time datetime='2024-05-02T09:00:00+02:00' title='jeudi 2 mai 2024 - 09:00' class='datetime'>"
        "jeu 02/05/2024 - 09:00</time></span></div>"
        "<div class='field field--name-body field--type-text-with-summary'>{text}</div></article>"))
    art = extract_article(html, "https://www.example.org/node/42")
    assert (art.published, art.provenance["published"]) == ("2024-05-02T09:00:00+02:00", "cms:drupal")


def test_a_date_inside_a_sentence_of_the_text_is_no_byline():
    # a linked date, a note inline in a sentence: pieces of running text, not a byline standing alone
    sentence = ("<p>La coopérative, créée après le vote de la loi <a href='/loi-alur'>du 24 mars 2014</a>, "
                "réunit aujourd'hui quarante familles qui conçoivent ensemble leur logement et le gèrent.</p>")
    html = (f"<html lang='fr'><head><title>La coopérative grandit</title></head><body><main><h1>La coopérative "
            f"grandit</h1>{sentence}{_TEXT}</main></body></html>")
    art = extract_article(html, "https://www.example.org/la-cooperative-grandit")
    assert not (art.provenance.get("published") or "").startswith("shown:")
    # a dateline in bold opening the paragraph is the article's
    dateline = sentence.replace("<p>La coopérative", "<p><strong>Lyon, le 3 mai 2024</strong> – La coopérative")
    art = extract_article(html.replace(sentence, dateline), "https://www.example.org/la-cooperative-grandit")
    assert (art.published, art.provenance["published"]) == ("2024-05-03", "shown:after-title")


def test_drupal_7s_submitted_line_gives_its_rdfa_date_and_username():
    # Drupal 7's node.tpl.php: "Soumis par <span class=username>" with the RDFa date around it
    html = _drupal_page("Drupal 7 (http://drupal.org)", (
        "<h1 class='title' id='page-title'>Le conseil vote le budget</h1><div id='node-42' class='node "
        "node-article clearfix'><div class='submitted'><span property='dc:date dc:created' "
        "content='2024-05-02T09:00:00+02:00' datatype='xsd:dateTime'>Soumis par <span class='username'>"
        "marie</span> le jeu, 02/05/2024 - 09:00</span></div><div class='content'><div class='field "
        "field-name-body field-type-text-with-summary'>{text}</div></div></div>"))
    art = extract_article(html, "https://www.example.org/node/42")
    assert (art.published, art.provenance["published"]) == ("2024-05-02T09:00:00+02:00", "cms:drupal")
    assert art.authors == ["marie"]
