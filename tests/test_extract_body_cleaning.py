"""Body cleaning on the generic path (no site or CMS knowledge: trafilatura's reading of the page,
less what our rules know is not article text)."""

from ess_crawler.extract import extract_article
from ess_crawler.extract.body import link_list_texts
from ess_crawler.extract.document import load_page

P = ("Die Genossenschaften im Land haben im vergangenen Jahr mehr als tausend neue Mitglieder gewonnen, "
     "berichtet der Verband in seinem Jahresbericht, der am Montag in der Hauptstadt vorgestellt wurde. ")
PROSE_WITH_LINKS = ("Der Bericht nennt die <a href='/genossenschaften'>Genossenschaften</a> und die "
                    "<a href='/vereine'>Vereine</a> als Motor der Entwicklung in den ländlichen Regionen des Landes.")


def page(aside: str) -> str:
    return f"""<html><head><title>Genossenschaften wachsen</title></head><body>
<div class="page"><div class="main"><h1>Genossenschaften wachsen</h1>
<div class="copy"><p>{P * 2}</p><p>{P}</p><h2>Mehr Mitglieder</h2><p>{P * 2}</p><p>{P}</p>
<h2>Die Regionen</h2><p>{PROSE_WITH_LINKS}</p></div>
{aside}
<h3>Kontakt</h3><p>Schreiben Sie uns: <a href="mailto:x@example.org">x@example.org</a>, wir antworten gern.</p>
</div></div></body></html>"""


LISTS = """<div class="middle-line"><p class="headline">Top-Themen der Redaktion</p></div>
<ul><li><a href="/a">Kalorienrechner</a></li><li><a href="/b">Schnell abnehmen</a></li>
<li><a href="/c">Die besten Rezepte</a></li></ul>
<h3>Beiträge aus dem Forum</h3><div><ul><li><a href="/f1">Nasa World Wind</a> <span>vor 2 Tagen</span></li>
<li><a href="/f2">Windows Update hängt</a></li></ul></div>"""


def test_a_link_list_under_its_own_heading_is_not_article_text():
    art = extract_article(page(LISTS), "https://www.example.de/artikel")
    assert art.provenance["body"] == "fallback:trafilatura"
    for line in ("Top-Themen der Redaktion", "Kalorienrechner", "Beiträge aus dem Forum", "Nasa World Wind",
                 "Windows Update hängt"):
        assert line not in art.body_text
    # the article's own headings, a paragraph with links in running text and a contact line stay
    for line in ("Mehr Mitglieder", "Die Regionen", "als Motor der Entwicklung", "Kontakt", "x@example.org"):
        assert line in art.body_text


# --------------------------------------------------------------------------- teaser runs

TEASER_RUNS = """<h2 class="wp-block-heading">Weiterlesen:</h2>
<p class="wp-block-paragraph"><a href="https://www.example.de/blog/route-66/" target="_blank"
 rel="noreferrer noopener">Ein Roadtrip entlang der Route 66 im Vulkanland</a></p>
<p class="wp-block-paragraph"><a href="https://www.example.de/blog/herbstausflug/">Herbstlicher
 Wochenend-Ausflug in die Südoststeiermark</a></p>
<p><em>Diese Artikel könnten dich ebenfalls interessieren:</em></p>
<p><a href="/lifestyle/richtig-fruehstuecken-26415.html" target="_self">Richtig frühstücken: Die besten
 Tipps für den Morgen</a></p>
<p><a href="/lifestyle/abnehmen-39483.html" target="_self">Abnehmen: Diese Lebensmittel helfen dabei</a></p>"""


def test_a_run_of_one_link_paragraphs_under_a_heading_or_label_is_not_article_text():
    art = extract_article(page(TEASER_RUNS), "https://www.example.de/artikel")
    assert art.provenance["body"] == "fallback:trafilatura"
    for line in ("Weiterlesen:", "Ein Roadtrip entlang", "Herbstlicher Wochenend-Ausflug",
                 "ebenfalls interessieren", "Richtig frühstücken", "Diese Lebensmittel helfen"):
        assert line not in art.body_text
    for line in ("Mehr Mitglieder", "als Motor der Entwicklung", "x@example.org"):
        assert line in art.body_text


def test_a_single_link_paragraph_or_links_in_running_text_after_a_label_stay():
    aside = """<h2>Quellen</h2><p><a href="https://www.destatis.de/studie.pdf">Statistisches Bundesamt:
    Genossenschaften in Deutschland 2023 (PDF)</a></p>
    <p>Dazu gehört:</p><p>Der Verband verweist auf <a href="/bericht">seinen Bericht</a> und auf die
    Zahlen der <a href="/zahlen">Landesämter</a>, die im Frühjahr erscheinen sollen.</p>"""
    art = extract_article(page(aside), "https://www.example.de/artikel")
    for line in ("Quellen", "Genossenschaften in Deutschland 2023", "Dazu gehört:", "seinen Bericht und auf"):
        assert line in art.body_text


def test_a_teaser_label_in_a_small_heading_is_not_article_text():
    aside = """<h6><strong>Mire: </strong><a href="https://www.example.de/fama/saenger-positiv-749570">El
    cantante da positivo a COVID-19</a></h6><h6>Eine Zwischenüberschrift der Redaktion</h6><p>{P}</p>"""
    art = extract_article(page(aside.replace("{P}", P)), "https://www.example.de/artikel")
    assert "Mire:" not in art.body_text and "da positivo" not in art.body_text
    assert "Mehr Mitglieder" in art.body_text


# ------------------------------------------------------------------ calls to action, credits

CALLS = (
    "For the latest stories and breaking news updates download the Example News apps for iOS and Android.",
    "Puede escribirnos a redaccion@example.org o seguir a Materia en Facebook, Twitter, Instagram o "
    "suscribirse aquí a nuestra newsletter.",
    "Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links / "
    "Bilder von der Amazon Product Advertising API",
    "If you’re seeing this message but you’re already a subscriber, you can log in for immediate access.",
    "Zapraszamy też do subskrypcji tygodnika w Sieci Przyjaciół.",
    "We need your help Help us continue to spread the magic of words to readers everywhere Donate",
    "Image illus&shy;tra&shy;tive : Lots of Lego Minifigures by Ninja Brick, en licence Creative Commons by",
    "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO",
    "Cristina Kirchner y Alberto Fernández en el Congreso (Foto: Natacha Pisarenko/Pool via REUTERS).",
)


def test_calls_to_action_and_image_credits_are_not_article_text():
    aside = "".join(f"<p>{line}</p>" for line in CALLS)
    art = extract_article(page(aside), "https://www.example.de/artikel")
    assert art.provenance["body"] == "fallback:trafilatura"
    for line in ("download the Example News apps", "seguir a Materia", "Affiliate Links", "already a subscriber",
                 "Zapraszamy", "Donate", "Lots of Lego", "AFP / MARCO", "Natacha Pisarenko"):
        assert line not in art.body_text
    assert "Mehr Mitglieder" in art.body_text


def test_calls_to_action_inside_a_wordpress_post_go_too():
    html = f"""<html><head><title>Post</title><meta name="generator" content="WordPress 6.4"></head><body>
    <article class="post"><h1 class="entry-title">Genossenschaften wachsen</h1><div class="entry-content">
    <p>{P * 2}</p><p>{P}</p><p>Anzeige, enthält Affiliate Links</p><p>{P}</p></div></article></body></html>"""
    art = extract_article(html, "https://www.example.de/2024/01/genossenschaften/")
    assert art.provenance["body"] == "cms:wordpress"
    assert "Affiliate" not in art.body_text and "tausend neue Mitglieder" in art.body_text


def test_a_french_or_italian_named_author_box_inside_a_wordpress_post_goes():
    for cls in ("article_auteur", "vcard description_auteur", "box-autore"):
        box = (f'<div class="{cls}"><h2>Über Anna Beispiel</h2><div class="bio">Anna Beispiel '
               'schreibt seit zehn Jahren über Genossenschaften und die Wirtschaft auf dem Land.'
               '<a href="/author/anna/" rel="author">weiter</a></div></div>')
        html = f"""<html><head><title>Post</title><meta name="generator" content="WordPress 6.4"></head><body>
        <article class="post"><h1 class="entry-title">Genossenschaften wachsen</h1><div class="entry-content">
        <p>{P * 2}</p><p>{P}</p><p>{P}</p>{box}</div></article></body></html>"""
        art = extract_article(html, "https://www.example.de/2024/01/genossenschaften/")
        assert art.provenance["body"] == "cms:wordpress", cls
        assert "seit zehn Jahren" not in art.body_text and "tausend neue Mitglieder" in art.body_text, cls


def test_a_reading_time_line_goes_a_sentence_about_minutes_stays():
    for line in ("01. Dez. 2017, 12:01 Uhr 3 min Lesezeit", "Estimated reading time: 6 minutes",
                 "Temps de lecture : 4 min"):
        art = extract_article(page_ending(f"<p>{line}</p>"), "https://www.example.de/artikel")
        assert line not in art.body_text, line
    sentence = "Die Fahrt dauert nur 5 Minuten, die Lesezeit des Berichts länger."
    assert sentence in extract_article(page_ending(f"<p>{sentence}</p>"), "https://www.example.de/artikel").body_text


HEADS = ("Mehr Mitglieder auf dem Land", "Neue Projekte im Jahr", "Was die Länder tun sollen")
EZ_TOC = ('<div id="ez-toc-container" class="ez-toc-v2_0_51_1 counter-hierarchy"><div class="ez-toc-title-container">'
          '<p class="ez-toc-title">Inhaltsverzeichnis</p><span class="ez-toc-title-toggle"><a href="#" '
          'class="ez-toc-toggle" aria-label="Toggle Table of Content"><span style="display:none;">Toggle</span></a>'
          '</span></div><nav><ul class="ez-toc-list">'
          + "".join(f'<li><a class="ez-toc-link" href="https://www.example.de/2024/01/genossenschaften/#h{i}">{h}</a></li>'
                    for i, h in enumerate(HEADS)) + '</ul></nav></div>')
TOC_PLUS = ('<div id="toc_container" class="no_bullets"><p class="toc_title">Inhalt</p><ul class="toc_list">'
            + "".join(f'<li><a href="#h{i}">{h}</a></li>' for i, h in enumerate(HEADS)) + '</ul></div>')
SECTIONS = "".join(f'<h2 id="h{i}">{h}</h2><p>{P * 2}</p>' for i, h in enumerate(HEADS))


def test_a_table_of_contents_inside_a_wordpress_post_goes_its_headings_stay():
    html = f"""<html><head><title>Post</title><meta name="generator" content="WordPress 6.4"></head><body>
    <article class="post"><h1 class="entry-title">Genossenschaften wachsen</h1><div class="entry-content">
    <p>{P * 2}</p>{EZ_TOC}{SECTIONS}</div></article></body></html>"""
    art = extract_article(html, "https://www.example.de/2024/01/genossenschaften/")
    assert art.provenance["body"] == "cms:wordpress"
    assert "Inhaltsverzeichnis" not in art.body_text and "Toggle" not in art.body_text
    for h in HEADS:
        assert art.body_text.count(h) == 1, h  # the section's heading, not the entry


def test_a_list_of_notes_with_back_links_is_no_table_of_contents():
    notes = "".join(f'<li id="fn{i}">{P}<a href="#ref{i}">↩</a></li>' for i in range(1, 3))
    html = page_ending(f"<h2>Anmerkungen</h2><ol>{notes}</ol>")
    art = extract_article(html, "https://www.example.de/artikel")
    text = art.body_text + " ".join(n.text for n in art.footnotes)
    assert text.count("tausend neue Mitglieder") >= 5  # the notes' text is kept, as body or as notes


def test_article_sentences_about_apps_networks_donations_and_photos_stay():
    aside = """<p>Die Stadt hat eine App vorgestellt, die man für iOS und Android herunterladen kann, um Schäden
    an Straßen zu melden.</p><p>Viele Vereine folgen dem Verband auf Facebook und Twitter, sagt die Sprecherin.</p>
    <p>Die Mitglieder wurden gebeten, für die Flutopfer zu spenden.</p>
    <p>Das Foto der Gründer hängt heute im Rathaus, wo es jeder sehen kann.</p>"""
    art = extract_article(page(aside), "https://www.example.de/artikel")
    for line in ("eine App vorgestellt", "folgen dem Verband auf Facebook", "für die Flutopfer zu spenden",
                 "Das Foto der Gründer"):
        assert line in art.body_text


def test_soft_hyphens_do_not_split_the_words_of_the_text():
    text = ("Die Genos&shy;sen&shy;schaf&shy;ten im Land haben im vergangenen Jahr mehr als tausend neue "
            "Mitglie&shy;der gewonnen, berichtet der Verband in seinem Jahres&shy;bericht. ")
    art = extract_article(page(f"<p>{text * 2}</p>"), "https://www.example.de/artikel")
    assert "\u00ad" not in art.body_text
    assert "Die Genossenschaften im Land haben" in art.body_text and "Jahresbericht" in art.body_text


# ------------------------------------------------------------------------- contact blocks

CONTACT = """<h3>Pressekontakt</h3><p>Pressesprecherin Anna Beispiel</p>
<p>Verband der Genossenschaften<br>Hauptstadtbüro<br>Musterstraße 7<br>10119 Berlin</p>
<p>Tel.: (030) 78 95 47 78</p><p>E-Mail: <a href="mailto:presse@example.org">presse@example.org</a></p>"""


def page_ending(tail: str) -> str:
    return f"""<html><head><title>Genossenschaften wachsen</title></head><body>
<div class="page"><div class="main"><h1>Genossenschaften wachsen</h1>
<div class="copy"><p>{P * 2}</p><p>{P}</p><h2>Mehr Mitglieder</h2><p>{P * 2}</p><p>{P}</p>{tail}</div>
</div></div></body></html>"""


def test_a_press_release_closing_contact_block_is_not_article_text():
    art = extract_article(page_ending(CONTACT), "https://www.example.de/presse/mitteilung")
    assert art.provenance["body"] == "fallback:trafilatura"
    for line in ("Pressekontakt", "Anna Beispiel", "Musterstraße", "78 95 47 78", "presse@example.org"):
        assert line not in art.body_text
    assert "Mehr Mitglieder" in art.body_text


def test_a_contact_heading_followed_by_sentences_stays():
    tail = ("<h3>Kontakt</h3><p>Wer Mitglied werden möchte, wendet sich an die Geschäftsstelle des Verbands in "
            "der Hauptstadt.</p><p>Die Beratung ist für Genossenschaften in Gründung kostenlos.</p>")
    art = extract_article(page_ending(tail), "https://www.example.de/presse/mitteilung")
    for line in ("Kontakt", "wendet sich an die Geschäftsstelle", "in Gründung kostenlos"):
        assert line in art.body_text


# ------------------------------------------------------------------------- slot labels

def test_advert_comment_and_share_slot_labels_are_not_article_text():
    # the labels themes print where an advert, the comment counter or a share button sits
    aside = ("<div class='td-a-rec'><span>- Advertisement -</span></div><p>Anzeige</p>"
             "<p><a href='#comments'>3 Kommentare</a></p><p>Artikel teilen</p><p>(Alle Angaben ohne Gewähr)</p>"
             "<p>Jump to Recipe Pin Recipe</p><p>Facebook0Tweet0Email0</p>")
    art = extract_article(page(aside), "https://www.example.de/artikel")
    assert art.provenance["body"] == "fallback:trafilatura"
    for line in ("Advertisement", "Anzeige", "3 Kommentare", "Artikel teilen", "ohne Gewähr", "Pin Recipe", "Tweet0"):
        assert line not in art.body_text
    assert "Mehr Mitglieder" in art.body_text


def test_the_content_of_template_elements_is_not_article_text():
    # a shop's tooltips, in `<template>` markup the browser never shows
    tip = ("<template class='js-tooltip-content'><p>Rechnungsbetrag bequem per Überweisung innerhalb von 14 Tagen "
           "nach Erhalt der Ware zahlen, alle Zahlungsarten und Lieferungen ohne Versandkosten.</p></template>")
    art = extract_article(page(tip), "https://www.example.de/artikel")
    assert art.provenance["body"] == "fallback:trafilatura"
    assert "Rechnungsbetrag" not in art.body_text and "Mehr Mitglieder" in art.body_text


def test_comment_counters_in_a_layout_table_are_not_article_text():
    # an old site builder's layout: the counter after the text, in a table cell of its own
    aside = ("<table><tr><td width='60%'>Kommentare insgesamt: <b>0</b></td><td></td></tr></table>"
             "<table><tr><td>Comments (2)</td><td>Ort</td><td>Mitglieder</td></tr>"
             "<tr><td>Nord</td><td>Kiel</td><td>1200</td></tr></table>")
    art = extract_article(page(aside), "https://www.example.de/artikel")
    assert art.provenance["body"] == "fallback:trafilatura"
    assert "Kommentare insgesamt" not in art.body_text and "Comments (2)" not in art.body_text
    assert "Mehr Mitglieder" in art.body_text


def test_advert_labels_inside_a_wordpress_post_go_too():
    html = f"""<html><head><title>Post</title><meta name="generator" content="WordPress 6.4"></head><body>
    <article class="post"><h1 class="entry-title">Genossenschaften wachsen</h1><div class="entry-content">
    <p>{P * 2}</p><div class="code-block code-block-2"><p>ANZEIGE</p></div><p>{P}</p>
    <p>Story continues below advertisement</p><p>{P}</p></div></article></body></html>"""
    art = extract_article(html, "https://www.example.de/2024/01/genossenschaften/")
    assert art.provenance["body"] == "cms:wordpress"
    assert "ANZEIGE" not in art.body_text and "continues below" not in art.body_text
    assert art.body_text.count("tausend neue Mitglieder") == 4


def test_sentences_and_headings_about_adverts_and_comments_stay():
    aside = """<h3>Werbung im Vereinsblatt</h3><p>Anzeigen bringen dem Verband jedes Jahr mehr Geld als die
    Beiträge der Mitglieder, sagt die Kassenwartin.</p><p>3 Kommentare von Lesern haben die Redaktion erreicht, alle
    zustimmend.</p><p>Alle Angaben ohne Gewähr, schreibt der Verband unter seine Tabellen, die er jährlich prüft.</p>"""
    art = extract_article(page(aside), "https://www.example.de/artikel")
    for line in ("Werbung im Vereinsblatt", "Anzeigen bringen dem Verband", "3 Kommentare von Lesern",
                 "Alle Angaben ohne Gewähr, schreibt"):
        assert line in art.body_text


# ------------------------------------------------------------------------- list headings in <header>

HEADER_LIST = """<div><header class="title title-box">Serienelemente</header>
<ul class="link-list series-list font-sans-serif">
<li><span class="glyphicons glyphicons-sort"></span> <a href="/recht/titelschutz_222_561084.html"
 class="title title-small">Nur schwacher Titelschutz für Ratgeber</a></li>
<li><span class="glyphicons glyphicons-sort"></span> Genossenschaften wachsen</li>
<li><span class="glyphicons glyphicons-sort"></span> <a href="/recht/duzen_222_560192.html"
 class="title title-small">Duzen unter Parteifreunden ist keine Beleidigung</a></li>
<li><span class="glyphicons glyphicons-sort"></span> <a href="/recht/grosseltern_222_559806.html"
 class="title title-small">Wann auch die Großeltern unterhaltspflichtig sind</a></li></ul></div>"""


def series_page(before_text: str) -> str:
    """A news theme's article: the series' list of episodes in the article, above its text."""
    return f"""<html><head><title>Genossenschaften wachsen</title></head><body><main class="col-md-8" role="main">
<article><h1>Genossenschaften wachsen</h1>{before_text}<div class="copy"><p>{P * 2}</p><p>{P}</p>
<h2>Mehr Mitglieder</h2><p>{P * 2}</p><p>{P}</p></div></article></main></body></html>"""


def test_a_link_list_under_a_header_element_is_not_article_text():
    # the lines handed to the fallback to leave out (trafilatura keeps such a list on some pages)
    page_ = load_page(series_page(HEADER_LIST), "https://www.example.de/artikel")
    lines = link_list_texts(page_)
    for line in ("Serienelemente", "Nur schwacher Titelschutz für Ratgeber",
                 "Duzen unter Parteifreunden ist keine Beleidigung",
                 "Wann auch die Großeltern unterhaltspflichtig sind"):
        assert line in lines
    assert not any("tausend neue Mitglieder" in line or line == "Mehr Mitglieder" for line in lines)
    art = extract_article(series_page(HEADER_LIST), "https://www.example.de/artikel")
    assert "Duzen" not in art.body_text and "Mehr Mitglieder" in art.body_text


def test_running_text_under_a_header_element_stays():
    before = f"""<div><header class="title">Die Bilanz</header>
    <p>{PROSE_WITH_LINKS} Der Verband will 2025 weiter wachsen und neue Regionen erschließen, sagt er.</p></div>"""
    assert "neue Regionen erschließen" not in " ".join(link_list_texts(load_page(series_page(before), "https://x.de/a")))
    art = extract_article(series_page(before), "https://www.example.de/artikel")
    # (trafilatura leaves the <header> out itself; the prose with its links under it stays)
    assert "als Motor der Entwicklung" in art.body_text and "neue Regionen erschließen" in art.body_text


# ------------------------------------------------------------------------- trailing headings

def test_a_subheading_that_ends_the_body_with_nothing_after_it_goes():
    # the heading of a block the cleaning took away (a press officer's card, a teaser list)
    tail = ("<div class='card pressOfficer'><div class='card-divider'><h4>Verband der Genossenschaften</h4></div>"
            "<div class='card-section'><h2>Pressekontakt</h2><p>Pressesprecherin Anna Beispiel</p>"
            "<p>Tel.: (030) 78 95 47 78</p></div></div>")
    art = extract_article(page_ending(tail), "https://www.example.de/presse/mitteilung")
    assert art.provenance["body"] == "fallback:trafilatura"
    assert "Verband der Genossenschaften" not in art.body_text and "Pressekontakt" not in art.body_text
    assert "Mehr Mitglieder" in art.body_text


def test_a_wordpress_post_ending_on_a_heading_loses_the_heading():
    html = f"""<html><head><title>Post</title><meta name="generator" content="WordPress 6.4"></head><body>
    <article class="post"><h1 class="entry-title">Genossenschaften wachsen</h1><div class="entry-content">
    <p>{P * 2}</p><h2>Mehr Mitglieder</h2><p>{P}</p><h3>Teilnehmende Blogs:</h3>
    <div class="inlinkz-widget"><script src="https://example.com/widget.js"></script></div></div></article></body></html>"""
    art = extract_article(html, "https://www.example.de/2024/01/genossenschaften/")
    assert art.provenance["body"] == "cms:wordpress"
    assert "Teilnehmende Blogs" not in art.body_text
    assert "Mehr Mitglieder" in art.body_text and art.body_text.endswith("vorgestellt wurde.")


def test_subheadings_with_text_after_them_and_a_closing_signature_stay():
    tail = "<h3>Ausblick</h3><p>Der Verband will weiter wachsen.</p><p>Anna Beispiel</p>"
    art = extract_article(page_ending(tail), "https://www.example.de/presse/mitteilung")
    for line in ("Mehr Mitglieder", "Ausblick", "weiter wachsen", "Anna Beispiel"):
        assert line in art.body_text
