"""Body rules from a line-by-line audit of our body against trafilatura's on real pages: text a
paywall's class wraps, a table of contents' entries, the date and byline lines over or under the
text, a print button's words. Markup as the CMSs and their plugins write it."""

from ess_crawler.extract import extract_article
from ess_crawler.extract.boilerplate import walled_text
from ess_crawler.extract.document import parse_html

URL = "https://www.example.de/2022/01/24/genossenschaften-wachsen/"
P = ("Die Genossenschaften im Land haben im vergangenen Jahr mehr als tausend neue Mitglieder gewonnen, "
     "berichtet der Verband in seinem Jahresbericht, der am Montag in der Hauptstadt vorgestellt wurde. ")
Q = ("In den ländlichen Regionen wuchs die Zahl der Mitglieder schneller als in den Städten, vor allem "
     "bei den Energie- und den Wohnungsgenossenschaften, die neue Projekte begonnen haben. ")


def wp_page(content: str, description: str = "") -> str:
    meta = f'<meta name="description" content="{description}">' if description else ""
    return f"""<!DOCTYPE html><html lang="de-DE"><head><meta charset="UTF-8">
<meta name="generator" content="WordPress 6.1.1">{meta}<title>Genossenschaften wachsen</title></head>
<body class="post-template-default single single-post"><div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Beispiel</a></p></header>
<main id="main" class="site-main"><article id="post-42" class="post-42 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">Genossenschaften wachsen</h1></header>
<div class="entry-content">{content}</div>
</article></main><footer class="site-footer"><p>Impressum</p></footer></div></body></html>"""


# ---------------------------------------------------------------- text behind a paywall's class

WALLED = f"""<p>{P}</p>
<div class="hcf-paywall"><p>{P * 2}</p><h3>Die Regionen</h3><p>{Q * 2}</p><p>{Q}</p></div>
<div class="paywall-prompt paywall"><p>Weiterlesen mit Abo</p><p><a href="/abo">Jetzt abonnieren</a>
und alle Artikel lesen.</p></div>"""


def test_text_a_paywall_class_wraps_is_kept_and_the_wall_prompt_goes():
    art = extract_article(wp_page(WALLED), URL)
    assert art.provenance["body"] == "cms:wordpress"
    assert "Die Regionen" in art.body_text
    assert "bei den Energie- und den Wohnungsgenossenschaften" in art.body_text
    assert "Weiterlesen mit Abo" not in art.body_text
    assert "Jetzt abonnieren" not in art.body_text


def test_walled_text_reads_the_paragraphs_not_the_class_alone():
    root = parse_html(f'<div id="text"><p class="paywall">{P * 3}</p><p class="paywall">Nur für Abonnenten.</p>'
                      f'<div class="paywall share"><p>{P * 6}</p></div></div>')
    walled, prompt, shared = root.get_element_by_id("text")[:3]
    assert walled_text(walled)  # a paragraph of the text, classed as walled
    assert not walled_text(prompt)  # the wall's own line
    assert not walled_text(shared)  # its class also names a share bar


# ---------------------------------------------------------------- tables of contents

TOC = f"""<p>{P}</p>
<div id="toc_container" class="no_bullets"><p class="toc_title">Inhalt</p><ul class="toc_list">
<li><a href="#Was_ist_eine_Genossenschaft">Was ist eine Genossenschaft?</a></li>
<li><a href="#Wer_kann_Mitglied_werden">Wer kann Mitglied werden?</a></li></ul></div>
<h2><span id="Was_ist_eine_Genossenschaft">Was ist eine Genossenschaft?</span></h2><p>{P * 2}</p>
<h2><span id="Wer_kann_Mitglied_werden">Wer kann Mitglied werden?</span></h2><p>{Q * 2}</p>"""


def plain_page(content: str) -> str:
    return f"""<html><head><title>Genossenschaften wachsen</title></head><body>
<div class="page"><div class="main"><h1>Genossenschaften wachsen</h1>
<div class="copy">{content}</div></div></div></body></html>"""


def test_a_table_of_contents_does_not_take_the_headings_it_lists_out_of_the_text():
    art = extract_article(plain_page(TOC), URL)
    assert art.provenance["body"] == "fallback:trafilatura"
    assert "Was ist eine Genossenschaft?" in art.body_text
    assert "Wer kann Mitglied werden?" in art.body_text
    assert "Inhalt\n" not in art.body_text + "\n"


# ---------------------------------------------------------------- date and byline lines

DATED = f"""<p>24. Januar 2022</p><p><strong>Von Irmela Schwab</strong></p><p>{P * 2}</p>
<h2>Von Wölfen und Menschen</h2><p>{Q * 2}</p><p>Freitag, 28. Januar 2022</p><p>{Q}</p>
<p>Text: Peter Walker Fotos: Diverse</p>"""


def test_the_date_and_bylines_over_and_under_the_text_go():
    art = extract_article(wp_page(DATED), URL)
    assert art.provenance["body"] == "cms:wordpress"
    for line in ("24. Januar 2022", "Von Irmela Schwab", "Text: Peter Walker"):
        assert line not in art.body_text
    # a heading that reads like a byline, and a date that heads a section further down, stay
    assert "Von Wölfen und Menschen" in art.body_text
    assert "Freitag, 28. Januar 2022" in art.body_text
    assert art.body_text.startswith("Die Genossenschaften im Land")


def test_the_dates_a_site_prints_over_its_news_wire_copy_go():
    dated = (f"<p>PUBLISHED: November 8, 2023 at 11:30 p.m. | UPDATED: November 9, 2023 at 12:21 a.m.</p>"
             f"<p>{P * 2}</p><p>{Q * 2}</p><p>By Russell Bruce</p>")
    art = extract_article(plain_page(dated), URL)
    assert "PUBLISHED" not in art.body_text and "By Russell Bruce" not in art.body_text
    assert "Die Genossenschaften im Land" in art.body_text


def test_a_byline_the_description_opens_with_stays():
    """The description is matched to the body's opening to tell whether it is a lead of its own:
    a byline it repeats stays in the body, else the description would come back as a lead."""
    desc = "Von Irmela Schwab " + P[:120].strip()
    art = extract_article(wp_page(DATED, description=desc), URL)
    assert "Von Irmela Schwab" in art.body_text
    assert not art.lead


# ---------------------------------------------------------------- print buttons

PRINT = f"""<div class="printfriendly pf-button pf-alignleft"><a href="#" rel="nofollow"
 onclick="window.print(); return false;" title="Printer Friendly, PDF &amp; Email"><img
 src="https://cdn.printfriendly.com/icons/printfriendly-icon-sm.png" alt="Print Friendly, PDF &amp; Email">
<span id="printfriendly-text2" class="pf-button-text">Artikel Drucken</span></a></div><p>{P * 2}</p><p>{Q * 2}</p>"""


def test_a_print_button_is_not_article_text():
    art = extract_article(wp_page(PRINT), URL)
    assert art.provenance["body"] == "cms:wordpress"
    assert "Artikel Drucken" not in art.body_text
    assert "Die Genossenschaften im Land" in art.body_text
