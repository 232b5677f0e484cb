"""Precision of the body on trafilatura's reading of a page: lines that no reader takes for the
article's text and that both trafilatura and the earlier rules kept (the page's headline over the
text, subscription calls, teaser cards, a subscription prompt's lines, captions by class, a few
labels), each rule with the markup as CMSs write it, and what the rules must leave alone."""

from lxml import html as lxml_html

from ess_crawler.extract import extract_article
from ess_crawler.extract.body import _is_title, _title_key, fallback_body, link_list_texts
from ess_crawler.extract.document import Page
from ess_crawler.extract.text import element_text

URL = "https://www.example.com/politik/2023/wahlkampf-im-land"
P = ("Die Landesregierung hat am Dienstag ihren Entwurf für den Haushalt des kommenden Jahres "
     "vorgestellt, der deutlich höhere Ausgaben für Schulen und den Nahverkehr vorsieht. ")
Q = ("Die Opposition kritisierte die Pläne als unsolide und verlangte, die neuen Schulden vor der "
     "Abstimmung im Landtag im Einzelnen offenzulegen, wie ihr Fraktionschef sagte. ")
R = ("Bis zum Sommer sollen die Ausschüsse beraten; die Verbände der Kommunen haben bereits "
     "angekündigt, ihre eigenen Forderungen in die Beratungen einzubringen. ")
TITLE = "Haushalt: Land plant mehr Geld für Schulen"


def page(body: str, head: str = "") -> str:
    """A news page without CMS or microdata markup: the body is trafilatura's reading of it."""
    return f"""<html lang="de"><head><title>{TITLE} | Example Zeitung</title>
<meta property="og:title" content="{TITLE}">{head}</head><body><div id="page"><div class="story">
{body}</div></div></body></html>"""


def wordpress_page(content: str) -> str:
    """A WordPress post (generator meta, `article.post`, `.entry-content` holding `content`): the
    body is read from the CMS container, not by trafilatura."""
    return (f"<html><head><title>{TITLE}</title><meta name='generator' content='WordPress 6.4'></head><body>"
            f"<article class='post type-post'><h1 class='entry-title'>{TITLE}</h1>"
            f"<div class='entry-content'>{content}</div></article></body></html>")


def fallback_text(html: str) -> str:
    """trafilatura's body less our rules, with the drop texts read from the page's tree."""
    tree = Page(lxml_html.fromstring(html), URL)
    _, text, _ = fallback_body(html, URL, link_list_texts(tree))
    return text


# ------------------------------------------------------------------ the headline over the text

def test_the_page_s_headline_repeated_over_the_text_goes():
    html = page(f"<h1 class='story__title'>{TITLE}</h1><div class='story__text'><p>{P}</p><p>{Q}</p><p>{R}</p></div>")
    art = extract_article(html, URL)
    assert art.provenance["body"] == "fallback:trafilatura"
    assert art.title == TITLE
    assert TITLE not in art.body_text
    assert art.body_text.startswith("Die Landesregierung hat am Dienstag")


def test_the_headline_is_matched_with_the_site_name_and_other_dashes():
    # <title> "Headline - Site", a paragraph with an en dash: the same headline
    html = page(f"<p><b>Haushalt – Land plant mehr Geld für Schulen</b></p><p>{P}</p><p>{Q}</p>").replace(
        f'<meta property="og:title" content="{TITLE}">', "").replace(
        f"{TITLE} | Example Zeitung", "Haushalt - Land plant mehr Geld für Schulen - Example Zeitung")
    text = fallback_text(html)
    assert "Land plant mehr Geld" not in text
    assert "Die Landesregierung" in text


def test_a_subheading_saying_the_headline_after_the_first_paragraph_stays():
    html = page(f"<div class='story__text'><p>{P}{Q}</p><h2>{TITLE}</h2><p>{R}</p></div>")
    text = fallback_text(html)
    assert TITLE in text  # running text before it: a heading of the text, not the page's headline


def test_a_headline_that_is_the_only_block_stays():
    html = page(f"<div class='story__text'><p>{TITLE}</p></div>")
    _, text, _ = fallback_body(html, URL, [])
    assert TITLE in text


def test_the_headline_with_its_date_set_inside_the_heading_goes():
    # a federal agency's template: `<h1><span class="topline"><span class="date">...</span></span>Title</h1>`
    html = page(f"<h1><span class='topline'><span class='date'>27.01.2022</span></span>{TITLE}</h1>"
                f"<div class='story__text'><p>{P}</p><p>{Q}</p></div>")
    text = fallback_text(html)
    assert "27.01.2022" not in text and TITLE not in text
    assert text.startswith("Die Landesregierung")


def test_a_date_over_a_one_word_title_is_not_taken_for_the_headline():
    # og:title "Pressemitteilungen" (the rubric, not the headline): a dated line saying it is no
    # headline line (it goes as the date and section line it is, `_meta_line`); a dated headline of
    # three words or more is one
    assert not _is_title("24. April 2020 | Pressemitteilungen", [_title_key("Pressemitteilungen")])
    assert _is_title(f"24. April 2020 | {TITLE}", [_title_key(TITLE)])


# ------------------------------------------------------------------ the rubric's name over the text

def test_the_section_s_name_over_the_text_goes_when_the_url_s_folder_spells_it():
    for label, url in (("Politik", URL),
                       ("Pressemitteilungen", "https://www.example.de/pressemitteilungen_reader/x.html"),
                       ("Bergisch Gladbach -", "https://www.example.de/region/bergischgladbach/pflaster-123")):
        html = page(f"<div class='story__text'><h2>{label}</h2><p>{P}</p><p>{Q}</p><p>{R}</p></div>")
        _, text, _ = fallback_body(html, url, [])
        assert label.rstrip(" -") not in text, url
        assert text.startswith("Die Landesregierung")


def test_a_first_heading_the_url_does_not_spell_or_the_article_s_own_slug_stays():
    html = page(f"<div class='story__text'><h2>Wahlkampf im Land</h2><p>{P}</p><p>{Q}</p><p>{R}</p></div>")
    _, text, _ = fallback_body(html, URL, [])  # the page's own slug, `wahlkampf-im-land`: its headline, not a rubric
    assert text.startswith("Wahlkampf im Land")
    html = page(f"<div class='story__text'><h2>Schulen</h2><p>{P}</p><p>{Q}</p><p>{R}</p></div>")
    _, text, _ = fallback_body(html, URL, [])
    assert text.startswith("Schulen")
    html = page(f"<div class='story__text'><p>Politik.</p><p>{P}</p><p>{Q}</p><p>{R}</p></div>")
    _, text, _ = fallback_body(html, URL, [])  # a sentence, however short
    assert text.startswith("Politik.")


def test_the_article_s_category_over_the_text_goes_a_subheading_saying_it_further_down_stays():
    url = "https://www.example.com/2023/wahlkampf-im-land"  # no folder names the rubric
    html = page(f"<div class='story__text'><p>POLITIK</p><p>{P}</p><h2>Politik</h2><p>{Q}</p><p>{R}</p></div>")
    _, text, _ = fallback_body(html, url, [], Page(lxml_html.fromstring(html), url), "Politik")
    assert not text.startswith("POLITIK") and "\n\nPolitik\n\n" in text


def test_a_menu_or_breadcrumb_line_goes_a_line_of_code_or_a_dated_sentence_stays():
    for menu in ("Hauptseite | Blog | Registrieren | Login", "Oberstdorf Resort › Interaktiv › Blog",
                 "Lifestyle | Travel | Sustainable Travel"):
        html = page(f"<div class='story__text'><p>{menu}</p><p>{P}</p><p>{Q}</p><p>{R}</p></div>")
        assert menu not in fallback_text(html), menu
    for line in ("rpm -qa | grep -i ssl", "Berlin | Der Senat hat beschlossen, die Mieten zu deckeln"):
        html = page(f"<div class='story__text'><p>{P}</p><p>{line}</p><p>{Q}</p><p>{R}</p></div>")
        assert line in fallback_text(html), line


# ------------------------------------------------------------------ the page's dates under the text

def test_a_labelled_date_line_under_the_text_goes_an_unlabelled_one_stays():
    for footer in ("stunnel_rsync.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm",
                   "Erstellt am: 01.11.2023", "Last updated: 12 March 2021", "Créé: 12.12.2019, 07h36",
                   "Actualisé le 3 mars 2021 à 10h15"):
        html = page(f"<div class='story__text'><p>{P}</p><p>{Q}</p><p>{R}</p><p>{footer}</p></div>")
        assert footer not in fallback_text(html), footer
    html = page(f"<div class='story__text'><p>{P}</p><p>{Q}</p><p>{R}</p><p>Berlin, 12. März 2021</p></div>")
    assert "Berlin, 12. März 2021" in fallback_text(html)  # a letter's place and date: its text


# ------------------------------------------------------------------ the date and the writer over the text

def test_a_date_and_byline_line_over_the_text_goes():
    for line in ("11.12.2019 - Amelie Loevenich", "12 mars 2021 par la rédaction", "09 Oct 2018",
                 "21. Jan 2022 // Dominik Ricker", "Posted: Thursday, April 21, 2022. 10:11 pm CST.",
                 "Stand des Artikels: 26. Februar 2020, 12:30 Uhr.", "Datum 25.01.2022",
                 "24. April 2020 | Pressemitteilungen", "Handball Schweiz • 02.02.2022",
                 "durch Yirou Chen", "Eine Kolumne von Nils Pickert"):
        html = page(f"<div class='story__text'><p class='text-muted'>{line}</p><p>{P}</p><p>{Q}</p><p>{R}</p></div>")
        assert line not in fallback_text(html), line


def test_a_date_and_byline_left_as_loose_text_between_blocks_goes():
    # a blog theme's `<small>` after the headline, which trafilatura gives as bare text after the <h2>
    html = page(f"<div class='post'><h2>Ein Jahr im Verein</h2><small>11.09.2011, 16:20 von jovelstefan </small>"
                f"<div class='entry'><p>{P}</p><p>{Q}</p><p>{R}</p></div></div>")
    text = fallback_text(html)
    assert "jovelstefan" not in text and P.strip() in text


def test_a_dated_opening_sentence_stays():
    for line in ("11.12.2019 - Der Bürgermeister sagte, die Stadt wachse weiter.",
                 "11.12.2019 Die Stadt wächst weiter", "Durch die Stadt fließt ein Fluss",
                 "12. März 2021 | Der Verband fordert mehr Geld für Schulen"):
        html = page(f"<div class='story__text'><p>{line}</p><p>{P}</p><p>{Q}</p><p>{R}</p></div>")
        assert line in fallback_text(html), line


# ------------------------------------------------------------------ image credits under the text

def test_image_credit_lines_go_a_caption_sentence_stays():
    for credit in ("Beitragsbild: Stefan Mang", "Photo Credit: Catwalkpictures",
                   "Bildcredit: (c) yakushkina - depositphotos.com", "Foto: Getty Images / Photographer is my life."):
        html = page(f"<div class='story__text'><p>{P}</p><p>{Q}</p><p>{R}</p><p>{credit}</p></div>")
        assert credit not in fallback_text(html), credit
    line = "Bilder: Die Stadt hat am Montag neue Pläne vorgestellt. Sie sollen im Mai beginnen."
    html = page(f"<div class='story__text'><p>{P}</p><p>{Q}</p><p>{line}</p><p>{R}</p></div>")
    assert line in fallback_text(html)


# ------------------------------------------------------------------ a download link's file details

DOWNLOAD = ("<p><span class='c-download-list__li'><a class='Publication FTpdf' href='/SharedDocs/Downloads/info.pdf'>"
            "Informationsschreiben vom 14. Oktober 2021</a><span class='c-download-list__info'>PDF | 38 KB | Datei ist "
            "nicht barrierefrei</span></span></p>")


def test_a_download_link_s_file_details_leave_the_text_its_title_stays():
    html = page(f"<div class='story__text'><p>{P}</p>{DOWNLOAD}<p>{Q}</p><p>{R}</p></div>")
    art = extract_article(html, URL)
    assert art.provenance["body"] == "fallback:trafilatura"
    assert "Informationsschreiben vom 14. Oktober 2021" in art.body_text
    assert "38 KB" not in art.body_text
    wordpress = wordpress_page(f"<p>{P}</p><p><a href='/wp-content/uploads/plan.pdf'>Der Haushaltsplan</a> "
                               f"<span>(PDF, 1,2 MB)</span></p><p>{Q}</p>")
    art = extract_article(wordpress, URL)
    assert art.provenance["body"].startswith("cms:wordpress")
    assert "Der Haushaltsplan" in art.body_text and "1,2 MB" not in art.body_text


def test_a_sentence_about_a_file_s_size_stays():
    said = ("<p><a href='/bericht.pdf'>Der Bericht</a> "
            "<span>PDF files of 38 KB and more were sent to every school.</span></p>")
    html = page(f"<div class='story__text'><p>{P}</p>{said}<p>{Q}</p><p>{R}</p></div>")
    assert "PDF files of 38 KB and more" in extract_article(html, URL).body_text


# ------------------------------------------------------------------ text disguised with look-alike letters

# Latin letters swapped for the Cyrillic letters drawn the same: what an advertisement does to pass filters
LOOK_ALIKE = str.maketrans("aceiopxyABCEHKMOPTX", "асеіорхуАВСЕНКМОРТХ")
AD = ("Advertise with the most visited news site in the region! We offer fully customizable digital marketing "
      "packages. Your content is delivered instantly to thousands of users.").translate(LOOK_ALIKE)
RUSSIAN = ("В понедельник правительство представило проект бюджета на следующий год: больше денег на школы, "
           "на транспорт и на программы Google и Microsoft для учителей, сказал министр.")


def test_an_advertisement_in_look_alike_letters_goes_a_russian_paragraph_stays():
    assert AD != AD.translate(str.maketrans("асеіорхуАВСЕНКМОРТХ", "aceiopxyABCEHKMOPTX"))  # disguised
    text = fallback_text(page(f"<div class='story__text'><p>{P}</p><p>{Q}</p><p>{AD}</p><p>{R}</p></div>"))
    assert P.strip() in text and R.strip() in text and AD not in text
    wordpress = wordpress_page(f"<p>{P}</p><p>{Q}</p><p>{AD}</p>")
    art = extract_article(wordpress, URL)
    assert art.provenance["body"].startswith("cms:wordpress")
    assert Q.strip() in art.body_text and AD not in art.body_text
    # Russian words beside Latin brand names, one word typed with a stray Latin "c", and Greek letters
    # in a science story's Latin words are text
    typo = RUSSIAN.replace("министр", "миниcтр")
    science = "Aβ rose to 5 μg per litre and NF-κB with it, a ΔG the team had not seen in mice."
    for line in (RUSSIAN, typo, science):
        text = fallback_text(page(f"<div class='story__text'><p>{P}</p><p>{line}</p><p>{Q}</p><p>{R}</p></div>"))
        assert line in text, line


# ------------------------------------------------------------------ a closing box about the series or the writer

ABOUT = ("Die Stiftung ist in rund hundert Ländern mit einem eigenen Büro vertreten; ihre Mitarbeiter "
         "berichten in dieser Reihe aus erster Hand über ihre Einsatzländer.")


def test_a_closing_box_about_the_series_or_the_writer_goes_a_closing_section_of_the_text_stays():
    for heading in ("Über diese Reihe", "About the author", "À propos de l'auteur", "Sobre el autor"):
        html = page(f"<div class='story__text'><p>{P}</p><p>{Q}</p><p>{R}</p><h2>{heading}</h2><p>{ABOUT}</p></div>")
        text = fallback_text(html)
        assert R.strip() in text and heading not in text and ABOUT not in text, heading
    wordpress = wordpress_page(f"<p>{P}</p><p>{Q}</p><h3 class='wp-block-heading'>About the author</h3><p>{ABOUT}</p>")
    art = extract_article(wordpress, URL)
    assert art.provenance["body"].startswith("cms:wordpress")
    assert Q.strip() in art.body_text and "About the author" not in art.body_text and ABOUT not in art.body_text
    # a last section of the article's own, or an "about" heading over more than a box says, stays
    for heading, after in (("Über die Zukunft der Stadt", ABOUT), ("Über uns", " ".join([P, Q, R, P, Q, R]))):
        html = page(f"<div class='story__text'><p>{P}</p><p>{Q}</p><p>{R}</p><h2>{heading}</h2><p>{after}</p></div>")
        text = fallback_text(html)
        assert heading in text and after.strip()[:60] in text, heading


# ------------------------------------------------------------------ a closing copyright notice

def test_a_closing_copyright_notice_with_its_reservation_of_rights_goes():
    notices = ["© 2022, Example.com. This article is the copyrighted property of Example News. Written permission "
               "must be obtained before reprint in online or print media. REPRINTING CONTENT WITHOUT PERMISSION "
               "AND/OR PAYMENT IS THEFT AND PUNISHABLE BY LAW.",
               "Copyright 2021 Example Zeitung GmbH. Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung."]
    for notice in notices:
        html = page(f"<div class='story__text'><p>{P}</p><p>{Q}</p><p>{R}</p><p>{notice}</p></div>")
        text = fallback_text(html)
        assert notice[:30] not in text and text.rstrip().endswith("einzubringen.")


def test_a_paragraph_about_copyright_stays():
    about = ("Copyright holders argue that reproduction without permission harms authors, the court heard, "
             "while the defendants said the reprint served the public interest.")
    html = page(f"<div class='story__text'><p>{P}</p><p>{about}</p><p>{Q}</p><p>{R}</p></div>")
    assert about in fallback_text(html)


# ------------------------------------------------------------------ calls to subscribe

def test_calls_to_subscribe_or_register_leave_the_text():
    calls = ["Want more health stories in your inbox? Subscribe to Example's weekly newsletter Lab Notes.",
             "Interesse an Digitalisierung? Dann abonniere meinen Newsletter: https://example.com/newsletter/",
             "Registrieren Sie sich jetzt kostenlos:", "Inscrivez-vous gratuitement"]
    html = page(f"<h1>{TITLE}</h1><div class='story__text'><p>{P}</p>"
                + "".join(f"<p>{c}</p>" for c in calls) + f"<p>{Q}</p><p>{R}</p></div>")
    text = fallback_text(html)
    for call in calls:
        assert call not in text
    assert "Die Opposition kritisierte" in text and "Bis zum Sommer" in text


def test_a_report_on_a_newsletter_is_not_a_call():
    line = "Der Verband verschickt seinen Newsletter seit 2019 an rund 4000 Mitglieder in ganz Deutschland."
    html = page(f"<div class='story__text'><p>{P}</p><p>{line}</p><p>{Q}</p></div>")
    assert line in fallback_text(html)


# ------------------------------------------------------------------ teaser cards

SUMMARY = "Warum die Koalition über Ausnahmen streitet und was das für den Haushalt im kommenden Jahr bedeutet"
CARDS = "".join(f"""<li class="listing__item"><a class="listing__link" href="/politik/2023/{slug}">
<div class="listing__textblock"><span class="listing__title">{title}</span>
<p class="listing__text">{SUMMARY}: {slug}</p><p class="listing__byline">Von Anna Berg <time>2. November 2023</time></p>
</div></a></li>""" for slug, title in (
    ("schulden", "Die Schuldenbremse wackelt im Landtag"), ("verkehr", "Neue Buslinien für den ländlichen Raum"),
    ("schulen", "Lehrermangel: Quereinsteiger sollen helfen"), ("kitas", "Kita-Gebühren: Was Eltern zahlen"),
))


def test_the_lines_of_teaser_cards_beside_the_text_go():
    # the list of the site's latest stories in the article element, under the text: trafilatura
    # keeps each card's headline and summary as lines of their own
    html = f"""<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1><p>{P}</p><p>{Q}</p>
<p>{R}</p><ul class="listing__list">{CARDS}</ul></article></body></html>"""
    assert "Die Schuldenbremse wackelt" in fallback_body(html, URL, [])[1]  # what the rule is for
    text = fallback_text(html)
    for line in ("Die Schuldenbremse wackelt", "Warum die Koalition", "Neue Buslinien", "Lehrermangel",
                 "Kita-Gebühren"):
        assert line not in text
    assert "Die Landesregierung" in text and "Bis zum Sommer" in text


def test_a_subheading_that_a_card_also_names_stays():
    cards = """<ul><li><a href="/land/termine"><div><span class="kicker">Nahverkehr</span>
<h3>Fachkräfte für den Nahverkehr in Niedersachsen gesucht</h3></div></a></li>
<li><a href="/land/bus"><div><h3>Busse im Takt</h3></div></a></li></ul>"""
    html = page(f"<div class='story__text'><p>{P}</p><h2>Nahverkehr</h2><p>{Q}</p><h2>Niedersachsen</h2>"
                f"<p>{R}</p></div><aside class='more'>{cards}</aside>")
    lines = fallback_text(html).split("\n\n")
    assert "Nahverkehr" in lines and "Niedersachsen" in lines  # a word of a card is no card's line


def test_a_card_linking_to_the_page_itself_is_not_a_teaser():
    html = page(f"""<a href="{URL}"><div><h2>{TITLE}</h2><p>Der Entwurf sieht deutlich mehr Geld für Schulen
und Busse vor, die Opposition ist dagegen.</p></div></a><div class='story__text'><p>{P}</p><p>{Q}</p></div>""")
    tree = Page(lxml_html.fromstring(html), URL)
    assert not any("Der Entwurf sieht" in t for t in link_list_texts(tree))


# ------------------------------------------------------------------ a subscription prompt

PROMPT = """<div id="paywall" class="sc-pgxf3b-2"><h2><span>Inscrivez-vous gratuitement</span></h2><ul>
<li><p>L'accès aux articles réservés aux inscrits</p></li><li><p>La sauvegarde de vos articles sur le site et
l'application</p></li><li><p>Une alerte à chaque nouvel épisode de vos séries préférées</p></li></ul></div>"""


def test_the_lines_of_a_paywall_prompt_box_go():
    html = page(f"<h1>{TITLE}</h1><div class='story__text'><p>{P}</p><p>{Q}</p>{PROMPT}<p>{R}</p></div>")
    text = fallback_text(html)
    assert "La sauvegarde de vos articles" not in text
    assert "Une alerte à chaque nouvel épisode" not in text
    assert "Bis zum Sommer" in text


def test_the_article_s_own_walled_heading_and_a_non_paywall_block_stay():
    html = page(f"""<div class='story__text'><p>{P}</p><h3 class="paywall article-body__section">Was die
Kommunen fordern</h3><p class="paywall">{Q}</p><section class="row non-paywall"><p>Ein Abo lohnt sich: {R}</p>
</section></div>""")
    tree = Page(lxml_html.fromstring(html), URL)
    lines = link_list_texts(tree)
    assert not any("Was die Kommunen" in t for t in lines)
    assert not any("Ein Abo lohnt sich" in t for t in lines)


# ------------------------------------------------------------------ captions by class

def test_a_caption_classed_as_such_is_not_body_text():
    el = lxml_html.fromstring(f"""<div><p>{P}</p><div class="el__image"><img src="a.jpg">
<div class="media__caption el__gallery_image-title"><p>Die Ministerin im Landtag, im März.</p></div></div>
<p>{Q}</p><div class="caption">Your Browser, Everywhere</div><table><caption>Ausgaben 2024</caption>
<tr><td>Schulen</td></tr></table></div>""")
    text = element_text(el, skip_captions=True)
    assert "Die Ministerin im Landtag" not in text and "Your Browser" not in text
    assert "Ausgaben 2024" in text  # a table's caption heads its rows
    assert "Die Opposition kritisierte" in text


# ------------------------------------------------------------------ labels and placeholders

def test_labels_placeholders_credits_and_tagged_teasers_go():
    lines = ["Loading...", "MORE : Storm tracker shows how the storm will cross the country", "Lue myös:",
             "Foto: IBU/C. Manzoni; IBU archives",
             "Major incident declared as winds cause carnage across UK [INSIGHT]"]
    html = page(f"<h1>{TITLE}</h1><div class='story__text'><p>{P}</p>"
                + "".join(f"<p>{line}</p>" for line in lines) + f"<p>{Q}</p><p>{R}</p></div>")
    text = fallback_text(html)
    for line in lines:
        assert line not in text
    assert "Die Opposition kritisierte" in text


def test_a_block_of_tagged_teasers_under_its_label_goes():
    block = ("<p>Don't miss...<br>Family who moved on a whim win £392k on the lottery [REVEAL]<br>"
             "Boss's brutal slap down when employee says they will work from home [SPOTLIGHT]</p>"
             "<p><strong>Don't miss...</strong></p><p><a href='/a'>Storm hits the coast overnight</a> [LATEST]</p>")
    html = page(f"<h1>{TITLE}</h1><div class='story__text'><p>{P}</p>{block}<p>{Q}</p><p>{R}</p></div>")
    text = fallback_text(html)
    assert "Don't miss" not in text and "[REVEAL]" not in text
    assert "Die Opposition kritisierte" in text


def test_a_date_alone_in_a_small_heading_over_the_text_goes():
    html = page(f"<h3 class='teaser-meta'>02.01.2022</h3><h1>{TITLE}</h1><div class='story__text'><p>{P}</p>"
                f"<p>{Q}</p><p>{R}</p></div>")
    text = fallback_text(html)
    assert "02.01.2022" not in text
    assert "Die Landesregierung" in text


# ------------------------------------------------------------------ a follow line, a video player's title

def test_a_follow_line_and_a_video_players_title_leave_a_cms_body():
    html = wordpress_page(
        f"<p>{P}</p><div class='video-player'><div class='video-title'>Watch: Residents react to the vote</div>"
        f"<video src='/v.mp4'></video></div><p>{Q}</p><p>{R}</p>"
        "<p><em>Follow Example News on <a href='https://twitter.com/examplenews'>Twitter</a> and "
        "<a href='https://facebook.com/examplenews'>Facebook</a>.</em></p>")
    art = extract_article(html, URL)
    assert art.provenance["body"] == "cms:wordpress"
    assert "Residents react" not in art.body_text and "Follow Example News" not in art.body_text
    assert art.body_text.startswith(P[:40]) and R[:40] in art.body_text
    # a sentence of the text that speaks of a network is the text
    kept = wordpress_page(f"<p>{P}</p><p>{Q}</p><p>Les militants ont suivi la réunion sur Facebook et Twitter.</p>")
    assert "suivi la réunion sur Facebook" in extract_article(kept, URL).body_text


# ------------------------------------------------------------------ a timestamp alone on its line

def test_a_time_of_day_alone_on_its_line_goes_but_an_agenda_and_a_tables_figures_stay():
    for stamp in ("3:59 PM", "15:46 Uhr", "14h30"):
        art = extract_article(page(f"<div class='story__text'><p>{stamp}</p><p>{P}</p><p>{Q}</p><p>{R}</p></div>"), URL)
        assert stamp not in art.body_text, stamp
        assert P[:40] in art.body_text
    agenda = ("<p><strong>10:30</strong> Begrüßung der Teilnehmenden durch den Vorstand</p>"
              "<table><tr><td>Zinssatz</td><td>4.90%</td><td>10:30</td></tr></table>")
    for html in (wordpress_page(f"<p>{P}</p>{agenda}<p>{Q}</p><p>{R}</p>"),
                 page(f"<div class='story__text'><p>{P}</p>{agenda}<p>{Q}</p><p>{R}</p></div>")):
        text = extract_article(html, URL).body_text
        assert "10:30 Begrüßung" in text and "4.90% 10:30" in text
