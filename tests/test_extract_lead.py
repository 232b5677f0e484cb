"""The lead (chapô, standfirst): which page element it is, which it never is, a cut description
replaced by the text it was cut from, and a lead the body repeats."""

from ess_crawler.extract import _drop_repeated_lead, extract_article
from ess_crawler.items import Article

URL = "https://www.example.de/aktuelles/genossenschaften-wachsen"
TITLE = "Genossenschaften wachsen auf dem Land"
P = ("Die Genossenschaften im Land haben im vergangenen Jahr mehr als tausend neue Mitglieder gewonnen, "
     "berichtet der Verband in seinem Jahresbericht, der am Montag in der Hauptstadt vorgestellt wurde. ")
INTRO = ("Mehr Mitglieder, mehr Umsatz, mehr Projekte: Der Verband der Genossenschaften zieht eine gute Bilanz "
         "des vergangenen Jahres und fordert mehr Unterstützung durch die Länder.")
BODY = f"<p>{P * 2}</p><p>{P}</p><h2>Die Regionen</h2><p>{P * 2}</p><p>{P}</p>"


def page(header: str = "", after: str = "", head: str = "", before: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{TITLE} | Verband</title>
{head}</head><body>
{before}
<main class="site-main"><article class="article">
<header class="article__header"><h1 class="article__headline">{TITLE}</h1>{header}</header>
<div class="article__body">{BODY}</div>
{after}
</article></main></body></html>"""


def lead_of(html: str) -> tuple[str, str]:
    art = extract_article(html, URL)
    return art.lead, art.provenance.get("lead", "")


# ------------------------------------------------------------------ standfirst by position and class

def test_a_bem_intro_right_after_the_headline_is_the_lead():
    html = page(header=f'<div class="article__intro"><p>{INTRO}</p></div>')
    assert lead_of(html) == (INTRO, "heuristic:standfirst")


def test_a_compound_class_standfirst_after_a_byline_is_the_lead():
    # a news theme: headline, byline and date, then `p.article-excerpt`
    byline = '<div class="article__meta">Von Anna Muster | 12. Januar 2022</div>'
    html = page(header=f'{byline}<p class="article-excerpt">{INTRO}</p>')
    assert lead_of(html) == (INTRO, "heuristic:standfirst")


def test_a_typo3_news_teaser_text_with_itemprop_description_is_the_lead():
    typo3 = f'<div class="teaser-text" itemprop="description"><p>{INTRO}</p></div>'
    html = page(header=typo3)
    assert lead_of(html) == (INTRO, "heuristic:standfirst")


def test_a_standfirst_after_an_indented_author_box_is_the_lead():
    # a Drupal theme's author block, desktop and mobile copies, its template's indentation kept:
    # some 40 characters a reader sees, several hundred in the source
    pad = "\n" + " " * 40
    box = "".join(f'<div class="author-block author-block-{v}">{pad}<div class="author-block__name">{pad}Anna Muster'
                  f'{pad}</div>{pad}<a class="author-block__url" href="/redaktion">Redaktion{pad}</a>{pad}'
                  f'<div class="author-block__created">12.01.2022 14:47 Uhr</div>{pad * 3}</div>'
                  for v in ("desktop", "mobile"))
    html = page(header=f'{box}<div id="block-introtext"><div class="intro-text"><p>{INTRO}</p></div></div>')
    assert lead_of(html) == (INTRO, "heuristic:standfirst")


def test_a_teaser_class_notice_after_the_opening_paragraph_is_not_the_lead():
    # `p.short-info` opens the text; the theme's "part of our special" notice after it says teaser
    notice = '<p class="theme-special-article-teaser">Dieser Artikel gehört zum Themen-Special Genossenschaften</p>'
    html = page(header=f'<p class="short-info">{INTRO}</p>{notice}')
    lead, _rule = lead_of(html)
    assert "Themen-Special" not in lead


def test_an_intro_class_wrapping_the_header_is_not_the_lead():
    # `div.intro` around the headline, the byline and the image with its credit: the header, not a lead
    header = (f'<div class="intro"><h1>{TITLE}</h1><p class="byline">von Anna Muster, Online-Redaktion</p>'
              '<figure><img src="/a.jpg" alt=""><figcaption>Mitglieder bei der Versammlung © Verband | Foto Muster'
              '</figcaption></figure></div>')
    html = f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{TITLE} | Verband</title></head>
<body><main class="site-main"><article class="article">{header}<div class="article__body">{BODY}</div>
</article></main></body></html>"""
    lead, rule = lead_of(html)
    assert rule != "heuristic:lead-class" and "Foto Muster" not in lead and "Anna Muster" not in lead


def test_the_page_s_own_address_printed_over_the_text_is_not_body():
    html = page().replace('<div class="article__body">', f'<div class="article__body"><p>{URL}</p>')
    art = extract_article(html, URL)
    assert art.provenance["body"] == "fallback:trafilatura"
    assert URL not in art.body_text and "tausend neue Mitglieder" in art.body_text


def test_a_lead_block_s_date_and_byline_lines_are_not_the_lead():
    header = f'<div class="article__intro"><p>{INTRO}</p><p>Stand: 26.10.2021</p><p>Von Anna Muster</p></div>'
    lead, rule = lead_of(page(header=header))
    assert rule == "heuristic:standfirst" and lead == INTRO


def test_teaser_cards_far_below_the_headline_are_not_the_lead():
    cards = "".join(f'<div class="teaser-card"><div class="teaser-card__text">{INTRO} ({i})</div></div>'
                    for i in range(3))
    lead, rule = lead_of(page(after=f'<section class="more">{cards}</section>'))
    assert rule != "heuristic:standfirst" and "(0)" not in lead


def test_a_lead_image_and_its_caption_are_not_the_lead():
    asset = (f'<div class="lead-asset"><img src="/a.jpg" alt=""><span>{INTRO}</span></div>'
             f'<figure><img src="/b.jpg" alt=""><figcaption itemprop="description">{INTRO} Foto: Verband'
             '</figcaption></figure>')
    lead, rule = lead_of(page(header=asset))
    assert rule != "heuristic:standfirst" and "Foto: Verband" not in lead


def test_no_standfirst_without_the_headline():
    # no h1 saying the title: position cannot be judged, no guess
    html = page(header=f'<div class="article__intro"><p>{INTRO}</p></div>').replace(
        f'<h1 class="article__headline">{TITLE}</h1>', f'<div class="headline">{TITLE}</div>')
    assert lead_of(html)[1] != "heuristic:standfirst"


# ------------------------------------------------------------------ what a lead never is

MEGAMENU = """<header class="site-header"><div class="dropdown"><div class="megamenu dropdown-menu">
<div class="megamenu-title lead">Aktuelle Artikel aus dem Bereich Genossenschaften und Vereine</div>
</div></div></header>"""
COOKIES = """<footer><div class="cookiemanagement"><div class="intro"><p>Wir verwenden Cookies</p>
<p>Wir nutzen Cookies auf unserer Website. Einige sind notwendig, andere helfen uns, sie zu verbessern.</p>
</div></div></footer>"""


def test_a_lead_class_in_a_menu_is_not_the_lead():
    # Bootstrap's typographic `.lead` in a mega menu, before the article
    lead, rule = lead_of(page(before=MEGAMENU))
    assert "Aktuelle Artikel" not in lead


def test_a_cookie_banner_in_the_footer_is_not_the_lead():
    html = page(after=COOKIES)
    lead, _ = lead_of(html)
    assert "Cookies" not in lead


def test_a_lead_class_in_the_article_is_still_the_lead():
    html = page(header=f'<p class="lead">{INTRO}</p>', before=MEGAMENU)
    assert lead_of(html) == (INTRO, "heuristic:lead-class")


def test_layout_classes_of_wrappers_do_not_hide_the_lead():
    # `site__main--no-sidebar` names the layout, not a sidebar
    html = page(header=f'<div class="intro-text"><p>{INTRO}</p></div>').replace(
        'class="site-main"', 'class="site__main site__main--no-sidebar has-sidebar-left"')
    assert lead_of(html) == (INTRO, "heuristic:standfirst")


# ------------------------------------------------------------------ cut descriptions

FULL = ("A chaque civilisation, ses démons. La nôtre a le sien : le glyphosate. Comment cet herbicide en est-il "
        "venu à incarner le mal aux yeux de ses détracteurs, bien que la science démente ses méfaits ?")


def desc_page(desc: str, standfirst: str = "") -> str:
    head = f'<meta property="og:description" content="{desc}">'
    header = f"<p>{standfirst}</p>" if standfirst else ""
    return page(head=head, header=header)


def shown_desc_page(desc: str, text: str) -> str:
    """A page whose description `desc` (as its markup writes it) is printed, as `text`, in its hero."""
    hero = f'<div class="page-hero"><p class="page-hero__text">{text}</p></div>'
    return page(head=f'<meta property="og:description" content="{desc}">', before=hero)


def test_a_cut_description_gives_way_to_the_paragraph_it_was_cut_from():
    cut = FULL[:120].rstrip() + "..."
    lead, rule = lead_of(desc_page(cut, standfirst=FULL))
    assert lead == FULL
    assert rule == "meta:og:description+html:full-text"


def test_a_description_the_page_does_not_print_is_no_lead():
    # a summary for search engines and shares: the reader never sees it, the lead stays empty
    cut = FULL[:120].rstrip() + "…"
    assert lead_of(desc_page(cut)) == ("", "")
    assert lead_of(desc_page(INTRO)) == ("", "")


def test_a_description_the_page_prints_is_the_lead_as_it_is():
    # printed in the page's hero, above the article, where the standfirst heuristics do not look
    assert lead_of(shown_desc_page(INTRO, INTRO)) == (INTRO, "meta:og:description")
    # in a script only (a JSON state the page renders later), it is not printed
    state = f'<script>window.__STATE__ = {{"teaser": "{INTRO}"}};</script>'
    html = page(head=f'<meta property="og:description" content="{INTRO}">', before=state)
    assert lead_of(html) == ("", "")


def test_a_description_that_rewords_the_body_opening_is_no_lead():
    # "haben ... gewonnen" in the body, "gewannen" in the description: the same sentence again
    reworded = ("Die Genossenschaften im Land gewannen im vergangenen Jahr mehr als tausend neue Mitglieder, "
                "berichtet der Verband in seinem Jahresbericht.")
    assert lead_of(shown_desc_page(reworded, reworded)) == ("", "")


def test_a_cut_description_of_the_body_text_is_no_lead():
    # WordPress's automatic excerpt: the body's opening, cut, with a "Continue reading" link
    cut = P[:100].rstrip() + "… Continue reading “Genossenschaften wachsen”…"
    assert lead_of(desc_page(cut)) == ("", "")


def test_a_description_escaped_twice_or_holding_markup_is_read_as_text():
    escaped = "Die Genossenschaften ziehen eine gute Bilanz: mehr Mitglieder &amp;amp; mehr Projekte f&amp;uuml;r alle."
    text = "Die Genossenschaften ziehen eine gute Bilanz: mehr Mitglieder &amp; mehr Projekte für alle."
    assert lead_of(shown_desc_page(escaped, text))[0] == ("Die Genossenschaften ziehen eine gute Bilanz: mehr "
                                                          "Mitglieder & mehr Projekte für alle.")
    markup = "&lt;p&gt;&lt;strong&gt;Die Genossenschaften ziehen eine gute Bilanz&lt;/strong&gt; des Jahres.&lt;/p&gt;"
    text = "<strong>Die Genossenschaften ziehen eine gute Bilanz</strong> des Jahres."
    assert lead_of(shown_desc_page(markup, text))[0] == "Die Genossenschaften ziehen eine gute Bilanz des Jahres."


# ------------------------------------------------------------------ a lead the body repeats

def article(lead: str, body: str, rule: str = "heuristic:standfirst") -> Article:
    art = Article(url=URL, site="")
    art.lead, art.body_text = lead, body
    art.body_html = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    art.provenance["lead"] = rule
    return art


def test_a_lead_repeated_after_the_title_line_leaves_the_body():
    art = article(INTRO, f"{TITLE}\n\n{INTRO}\n\n{P}")
    _drop_repeated_lead(art)
    assert art.lead == INTRO
    assert art.body_text == f"{TITLE}\n\n{P.strip()}"
    assert INTRO not in art.body_html and TITLE in art.body_html


def test_a_lead_the_body_does_not_repeat_leaves_the_body_alone():
    art = article(INTRO, f"{TITLE}\n\n{P}")
    _drop_repeated_lead(art)
    assert (art.lead, art.body_text) == (INTRO, f"{TITLE}\n\n{P}")


def test_a_heuristic_lead_cut_from_a_body_paragraph_is_no_lead():
    excerpt = P[:90]
    art = article(excerpt, f"{TITLE}\n\n{P}\n\n{P}")
    _drop_repeated_lead(art)
    assert art.lead == "" and "lead" not in art.provenance
    # a CMS's own lead field stays, even when the body quotes it
    art = article(excerpt, f"{TITLE}\n\n{P}", rule="cms:spip")
    _drop_repeated_lead(art)
    assert art.lead == excerpt
