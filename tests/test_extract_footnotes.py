"""Footnote markup of the plugins and modules in real use (as their own source code prints it),
hand-written conventions, and what is never a note (exponents, ordinals, numbered paragraphs)."""

import pytest

from ess_crawler.extract import extract_article

URL = "https://www.example.org/2024/05/article"
LONG = ("Les coopératives d'activité et d'emploi accompagnent chaque année des milliers "
        "d'entrepreneurs salariés, qui mutualisent leurs moyens et partagent leurs risques. ")


def page(body: str, head: str = "") -> str:
    return (f"<html><head><title>Article</title>{head}</head><body><header><a href='/'>Site</a></header>"
            f"<article><h1>Article</h1><div class='entry-content'>{body}</div></article>"
            f"<footer><p>Mentions légales</p></footer></body></html>")


WP = '<meta name="generator" content="WordPress 6.4">'

EASY = page(
    f"<p>{LONG}Premier point<span id='easy-footnote-1-42' class='easy-footnote-margin-adjust'></span>"
    "<span class='easy-footnote'><a href='#easy-footnote-bottom-1-42' title='Une note.'><sup>1</sup></a></span>"
    f" et second<span id='easy-footnote-2-42' class='easy-footnote-margin-adjust'></span><span class='easy-footnote'>"
    f"<a href='#easy-footnote-bottom-2-42' title='Autre'><sup>2</sup></a></span>.</p><p>{LONG * 2}</p>"
    "<div class='easy-footnote-title'><h4>Notes</h4></div><ol class='easy-footnotes-wrapper'>"
    "<li class='easy-footnote-single'><span id='easy-footnote-bottom-1-42' class='easy-footnote-margin-adjust'>"
    "</span>Rapport annuel, <a href='https://www.insee.fr/rapport'>Insee</a><a class='easy-footnote-to-top' "
    "href='#easy-footnote-1-42'></a></li><li class='easy-footnote-single'><span id='easy-footnote-bottom-2-42' "
    "class='easy-footnote-margin-adjust'></span>Entretien avec l'auteur.<a class='easy-footnote-to-top' "
    "href='#easy-footnote-2-42'></a></li></ol>", WP)

CHERET = page(
    f"<p>{LONG}Un fait<span class='footnote_referrer'><a role='button' tabindex='0'>"
    "<sup id='footnote_plugin_tooltip_7_1_1' class='footnote_plugin_tooltip_text'>[1]</sup></a>"
    "<span id='footnote_plugin_tooltip_text_7_1_1' class='footnote_tooltip'>Source officielle.</span></span>"
    f" établi.</p><p>{LONG * 2}</p>"
    "<div class='footnotes_reference_container'><div class='footnote_container_prepare'><p>"
    "<span>Notes</span></p></div><div id='footnote_references_container_7_1'>"
    "<table class='footnotes_table footnote-reference-container'><caption class='accessibility'>Notes</caption>"
    "<tr class='footnotes_plugin_reference_row'><th scope='row' class='footnote_plugin_index_combi pointer'>"
    "<a id='footnote_plugin_reference_7_1_1' class='footnote_backlink'><span class='footnote_index_arrow'>"
    "&#8593;</span>1</a></th><td class='footnote_plugin_text'>Source officielle, "
    "<a href='https://www.legifrance.gouv.fr/loi'>Légifrance</a>.</td></tr></table></div></div>", WP)

MODERN = page(
    f"<p>{LONG}Une affirmation<sup class='modern-footnotes-footnote' data-mfn='1' data-mfn-post-scope='9'>"
    "<a href='javascript:void(0)' role='button' aria-describedby='mfn-content-9-1'>1</a></sup>"
    "<span id='mfn-content-9-1' role='tooltip' class='modern-footnotes-footnote__note' tabindex='0' "
    f"data-mfn='1'>Voir l'étude de 2019.</span> solide.</p><p>{LONG * 2}</p>", WP)

MEDIAWIKI = page(
    f"<p>{LONG}Un fait<sup id='cite_ref-a_1-0' class='reference'><a href='#cite_note-a-1'>&#91;1&#93;</a></sup>"
    f" et un autre<sup id='cite_ref-b_2-0' class='reference'><a href='#cite_note-b-2'>&#91;2&#93;</a></sup>.</p>"
    f"<p>{LONG * 2}</p><h2><span class='mw-headline' id='R'>Références</span></h2><div class='reflist'>"
    "<ol class='references'><li id='cite_note-a-1'><span class='mw-cite-backlink'>^ <a href='#cite_ref-a_1-0'>"
    "<sup><i><b>a</b></i></sup></a> <a href='#cite_ref-a_1-1'><sup><i><b>b</b></i></sup></a></span> "
    "<span class='reference-text'>Dupont, <i>L'ESS</i>, 2010.</span></li><li id='cite_note-b-2'>"
    "<span class='mw-cite-backlink'><a href='#cite_ref-b_2-0'>↑</a></span> <span class='reference-text'>"
    "<a class='external text' href='https://example.com/doc'>Document</a></span></li></ol></div>")

MADE_EASY = page(
    f"<p>{LONG}Un fait<sup><a href='#footnote_0_5' id='identifier_0_5' class='footnote-link "
    "footnote-identifier-link' title='Note'>1</a></sup>.</p>"
    f"<p>{LONG * 2}</p><ol start='1' class='footnotes'><li id='footnote_0_5' class='footnote'>Note de "
    "l'éditeur. [<a href='#identifier_0_5' class='footnote-link footnote-back-link'>&#8617;</a>]</li></ol>", WP)

PANDOC = page(
    f"<p>{LONG}Un fait<a href='#fn1' class='footnote-ref' id='fnref1' role='doc-noteref'><sup>1</sup></a>.</p>"
    f"<p>{LONG * 2}</p><section id='footnotes' class='footnotes footnotes-end-of-document' role='doc-endnotes'>"
    "<hr /><ol><li id='fn1'><p>La note de Pandoc.<a href='#fnref1' class='footnote-back' "
    "role='doc-backlink'>↩︎</a></p></li></ol></section>")

CKEDITOR = page(
    f"<p>{LONG}Un fait<sup data-footnote-id='x1'><a href='#footnote-1' id='footnote-marker-1-1' "
    f"rel='footnote'>[1]</a></sup>.</p><p>{LONG * 2}</p><section class='footnotes'><header><h2>Notes</h2>"
    "</header><ol><li data-footnote-id='x1' id='footnote-1'><sup><a href='#footnote-marker-1-1'>^</a></sup>"
    "<cite>La note de CKEditor.</cite></li></ol></section>")

HAND_PAREN = page(
    f"<p>{LONG}Selon le rapport (1), puis l'enquête (2).</p><p>{LONG * 2}</p>"
    "<h3>Notes</h3><p>(1) Rapport du CNCRESS, 2021.</p><p>(2) Enquête Recherches & Solidarités.</p>")

HAND_SUPERSCRIPT = page(
    f"<p>{LONG}Selon le rapport¹, puis l'enquête².</p><p>{LONG * 2}</p>"
    "<p>1. Rapport du CNCRESS, 2021.</p><p>2. Enquête Recherches &amp; Solidarités.</p>")


@pytest.mark.parametrize("html, numbers, starts, rule", [
    (EASY, ["1", "2"], ["Rapport annuel", "Entretien"], "plugin:easy-footnotes"),
    (CHERET, ["1"], ["Source officielle"], "plugin:footnotes-mci"),
    (MODERN, ["1"], ["Voir l'étude"], "plugin:modern-footnotes"),
    (MEDIAWIKI, ["1", "2"], ["Dupont", "Document"], "html:mediawiki-references"),
    (MADE_EASY, ["1"], ["Note de l'éditeur."], ""),
    (PANDOC, ["1"], ["La note de Pandoc."], ""),
    (CKEDITOR, ["1"], ["La note de CKEditor."], ""),
    (HAND_PAREN, ["1", "2"], ["Rapport du CNCRESS", "Enquête"], "heuristic:notes-heading"),
    (HAND_SUPERSCRIPT, ["1", "2"], ["Rapport du CNCRESS", "Enquête"], "heuristic:trailing-paragraphs"),
], ids=["easy-footnotes", "footnotes-mci", "modern-footnotes", "mediawiki", "footnotes-made-easy",
        "pandoc", "ckeditor", "hand-paren-under-heading", "hand-superscript"])
def test_footnote_markup(html, numbers, starts, rule):
    art = extract_article(html, URL)
    assert [n.number for n in art.footnotes] == numbers
    for note, start in zip(art.footnotes, starts, strict=True):
        assert note.text.startswith(start), note.text
        assert not note.text.endswith(("↩", "[]", "↑"))
    if rule:
        assert art.provenance["footnotes"] == rule
    for note in art.footnotes:  # the note text left the body
        assert note.text[:25] not in art.body_text
    assert "Notes" not in art.body_text.split("\n")[-1]


def test_note_urls_are_kept():
    art = extract_article(EASY, URL)
    assert art.footnotes[0].urls == ["https://www.insee.fr/rapport"]
    art = extract_article(MEDIAWIKI, URL)
    assert art.footnotes[1].urls == ["https://example.com/doc"]


@pytest.mark.parametrize("body", [
    # exponents and units
    f"<p>{LONG}Une surface de 120 m<sup>2</sup> et 3 km<sup>2</sup> de forêt, E = mc<sup>2</sup>.</p>"
    f"<p>{LONG * 2}</p><p>1. Première étape du projet collectif.</p><p>2. Deuxième étape du projet.</p>",
    # ordinals
    f"<p>{LONG}Le 1<sup>er</sup> mai et le XX<sup>e</sup> siècle, la 2<sup>nde</sup> édition.</p>"
    f"<p>{LONG * 2}</p>",
    # numbered paragraphs without any marker
    f"<p>{LONG}</p><p>1. Adhérer à la charte de l'ESS.</p><p>2. Payer sa cotisation annuelle.</p>"
    "<p>3. Participer à l'assemblée générale.</p>",
    # an enumeration "(1) ... (2) ..." with no notes heading
    f"<p>{LONG}Deux conditions : (1) être adhérent, (2) être à jour.</p><p>{LONG * 2}</p>"
    "<p>1. Être adhérent depuis un an au moins.</p><p>2. Être à jour de sa cotisation.</p>",
], ids=["exponents", "ordinals", "numbered-paragraphs", "enumeration"])
def test_not_notes(body):
    assert extract_article(page(body), URL).footnotes == []


def _markers(n: int) -> str:
    return "".join(f"<p>{LONG}Constat numéro {i}<sup>{i}</sup>.</p>" for i in range(1, n + 1))


# hand-written: markers <sup>N</sup> in the text, the notes an <ol> under a "Notes" heading
HAND_LIST = page(_markers(13) + "<h3>Notes</h3><ol>"
                 + "".join(f"<li>Source numéro {i}, rapport de la CRESS.</li>" for i in range(1, 14)) + "</ol>", WP)
# [N] markers, a "Sources" heading in bold, the list items carrying their own numbers
HAND_LIST_BRACKETS = page(f"<p>{LONG}Selon l'étude [1] et l'enquête [2].</p><p>{LONG * 2}</p>"
                          "<p><strong>Sources :</strong></p><ul><li>1. Étude de l'Insee, 2022.</li>"
                          "<li>2. Enquête de la Dares, 2023.</li></ul>", WP)
# markers linking to the notes through the page's own absolute address (some themes print them so)
ABSOLUTE_FRAGMENT = page(
    f"<p>{LONG}Un fait<sup><a href='{URL}/#note-1' id='ref-1'>1</a></sup> et un autre"
    f"<sup><a href='{URL}#note-2' id='ref-2'>2</a></sup>.</p><p>{LONG * 2}</p><div class='notes-bas'>"
    "<p id='note-1'>1. Première note, Insee.</p><p id='note-2'>2. Seconde note, Dares.</p></div>", WP)


@pytest.mark.parametrize("html, count, start, linked", [
    (HAND_LIST, 13, "Source numéro 1", True),
    (HAND_LIST_BRACKETS, 2, "Étude de l'Insee", False),  # "[1]" in the text: no element to link
    (ABSOLUTE_FRAGMENT, 2, "Première note", True),
], ids=["ol-under-notes-heading", "numbered-items-under-sources", "absolute-fragment-markers"])
def test_hand_written_and_absolute_notes(html, count, start, linked):
    art = extract_article(html, URL)
    assert [n.number for n in art.footnotes] == [str(i) for i in range(1, count + 1)]
    assert art.footnotes[0].text.startswith(start), art.footnotes[0].text
    assert "Source numéro" not in art.body_text and "Première note" not in art.body_text
    assert "Sources" not in art.body_text and "Notes" not in art.body_text
    assert ('href="#fn-1"' in art.body_html) is linked  # a marker element is linked to its note


@pytest.mark.parametrize("body", [
    # a "Sources" list under a heading but no marker in the text: a bibliography, not notes
    f"<p>{LONG}</p><p>{LONG * 2}</p><h3>Sources</h3><ol><li>Rapport de l'Insee.</li><li>Étude Dares.</li></ol>",
    # exponents only: m<sup>2</sup> is no marker of note 2, and there is no note 1 marker
    f"<p>{LONG}Une surface de 120 m<sup>2</sup>.</p><h3>Références</h3><ol><li>Cadastre.</li>"
    "<li>Plan local d'urbanisme.</li></ol>",
], ids=["bibliography-without-markers", "exponent-is-not-a-marker"])
def test_headed_lists_that_are_not_notes(body):
    assert extract_article(page(body), URL).footnotes == []


# Drupal / Backdrop footnotes module (theme_footnote_link, theme_footnote_list): a bare link, no <sup>
DRUPAL_FOOTNOTES = page(
    f"<p>{LONG}Un fait<a class='see-footnote' id='footnoteref1_ab12cde' title='Rapport.' "
    "href='#footnote1_ab12cde'>1</a>"
    " et un autre<a class='see-footnote' id='footnoteref2_ab12cde' title='Étude' href='#footnote2_ab12cde'>2</a>.</p>"
    f"<p>{LONG * 2}</p><ul class='footnotes'><li class='footnote' id='footnote1_ab12cde'><a class='footnote-label' "
    "href='#footnoteref1_ab12cde'>1.</a> Rapport de la Cress, 2020.</li>\n<li class='footnote' id='footnote2_ab12cde'>"
    "<a class='footnote-label' href='#footnoteref2_ab12cde'>2.</a> Étude de l'Avise.</li>\n</ul>")
# Simple Footnotes (mcaskill fork): sup.simple-footnote-reference, aside.simple-footnotes-references
SIMPLE_FOOTNOTES = page(
    f"<p>{LONG}Un fait<sup id='post-42-cite_ref-1' class='simple-footnote-reference'><a href='#post-42-cite_note-1'>"
    f"1</a></sup>.</p><p>{LONG * 2}</p><aside class='simple-footnotes-references'>"
    "<p class='simple-footnotes-references-title'>Notes:</p><ol start='1'><li id='post-42-cite_note-1'>"
    "<span class='simple-footnote-backlink'><a href="
    "'#post-42-cite_ref-1'>&#8617;</a></span> <span class='simple-footnote-reference-text'>Rapport de la Cress.</span>"
    "</li></ol></aside>", WP)
# Kebbet shortcode footnotes: sup.footnotes-footnote, div.footnotes-wrap > h3 + ol.footnotes-list
KEBBET = page(
    f"<p>{LONG}Un fait<sup id='footnote-id-1' class='footnotes-footnote'><a href='#footnote-1' title='Rapport'>1</a>"
    f"</sup>.</p><p>{LONG * 2}</p><div class='footnotes-wrap'><h3>Footnotes</h3><ol class='footnotes-list'>"
    "<li id='footnote-1'><span><a href='#footnote-id-1'>&#8593;</a> Rapport de la Cress.</span></li></ol></div>", WP)
# WebPlus FootNotes: <a id=citation-N><sup>[N]</sup></a>, div.footnotes > hr + h3 + ol
WEBPLUS = page(
    f"<p>{LONG}Un fait<a id='citation-1' href='#footnote-1'><sup>[1]</sup></a>.</p><p>{LONG * 2}</p>"
    "<div class='footnotes'><hr><h3>Références</h3><ol><li id='footnote-1'><a href='#citation-1'>^</a> "
    "<a href='https://www.insee.fr/x'>Rapport de l'Insee</a></li></ol></div>", WP)

TWO = ("Rapport du CNCRESS, 2021.", "Enquête Recherches &amp; Solidarités.")
MARKED_SUP = f"<p>{LONG}Selon le rapport<sup>1</sup>, puis l'enquête<sup>2</sup>.</p><p>{LONG * 2}</p>"


@pytest.mark.parametrize("html", [
    DRUPAL_FOOTNOTES, SIMPLE_FOOTNOTES, KEBBET, WEBPLUS,
    # hand-written: several notes in one paragraph, one a line
    page(f"<p>{LONG}Selon le rapport (1), puis l'enquête (2).</p><p>{LONG * 2}</p>"
         f"<p><strong>Notes</strong><br>(1) {TWO[0]}<br>(2) {TWO[1]}</p>"),
    page(MARKED_SUP + f"<p>1. {TWO[0]}<br>2. {TWO[1]}</p>"),
    page(MARKED_SUP + f"<p><sup>1</sup> {TWO[0]}<br><sup>2</sup> {TWO[1]}</p>"),
    # a <div> of <p>s, a photo credit after it
    page(MARKED_SUP + f"<div class='bas-de-page'><p>1. {TWO[0]}</p><p>2. {TWO[1]}</p></div><p>Photo : DR</p>"),
    # superscript digits both as markers and as the notes' numbers
    page(f"<p>{LONG}Selon le rapport¹, puis l'enquête².</p><p>{LONG * 2}</p><p>¹ {TWO[0]}</p><p>² {TWO[1]}</p>"),
    # "(N)" markers before a punctuation mark, notes "(N)" with no heading
    page(f"<p>{LONG}Selon le rapport (1), puis l'enquête (2).</p><p>{LONG * 2}</p>"
         f"<p>(1) {TWO[0]}</p><p>(2) {TWO[1]}</p>"),
    # "1)" notes under "Sources"
    page(MARKED_SUP + f"<h4>Sources</h4><p>1) {TWO[0]}</p><p>2) {TWO[1]}</p>"),
    # [N] markers, a bold "Quellen:" line, one nested <div> per note (an online editor's markup),
    # on a page whose text block is not found: the notes are looked for in the whole page
    "<html><head><title>A</title></head><body><main>"
    f"<div><div><span>{LONG} abzufedern. [1]</span></div></div>"
    f"<div><div><span>{LONG} Entwicklung. [2]</span></div></div>"
    "<div><div><strong>Quellen:</strong></div></div>"
    f"<div><div><span>[1] {TWO[0]}</span></div></div><div><div><span>[2] {TWO[1]}</span></div></div>"
    "</main></body></html>",
], ids=["drupal-footnotes", "simple-footnotes", "kebbet-footnotes", "webplus-footnotes", "br-paren-under-heading",
        "br-numbered-after-sup", "br-sup-numbers", "div-of-p", "superscript-digits", "paren-no-heading",
        "paren-close-under-sources", "nested-divs-under-quellen"])
def test_more_conventions(html):
    art = extract_article(html, URL)
    assert [n.number for n in art.footnotes] in (["1"], ["1", "2"])
    for note in art.footnotes:
        assert note.text and note.text[0] not in "([0123456789¹²", note.text
        assert "\n" not in note.text and not note.text.endswith(("↩", "↑", "^"))
        assert note.text[:20] not in art.body_text
    assert art.footnotes[0].text.startswith("Rapport")
    if len(art.footnotes) == 2 and "Cress, 2020" not in html:
        assert [n.text for n in art.footnotes] == ["Rapport du CNCRESS, 2021.", "Enquête Recherches & Solidarités."]
    assert not any(line.strip() in ("Notes", "Sources", "Quellen:") for line in art.body_text.split("\n"))


@pytest.mark.parametrize("body", [
    # "(1) ... (2) ..." opening an enumeration, the items repeated as paragraphs: no heading, no note
    f"<p>{LONG}Deux conditions (1) être adhérent et (2) être à jour.</p><p>{LONG * 2}</p>"
    "<p>(1) Être adhérent depuis un an au moins.</p><p>(2) Être à jour de sa cotisation.</p>",
    # steps in one paragraph, one a line
    f"<p>{LONG}Voici la marche à suivre.</p><p>1. Adhérer à la charte.<br>2. Payer la cotisation.<br>"
    "3. Voter à l'assemblée.</p>",
    # a bibliography in one paragraph, no marker in the text
    f"<p>{LONG}</p><p>{LONG * 2}</p><h3>Bibliographie</h3><p>1. Dupont, L'ESS, 2010.<br>2. Durand, Les Scop, 2012.</p>",
    # units in superscript digits, paragraphs starting with superscript digits
    f"<p>{LONG}Une surface de 120 m² et 3 km² de forêt, soit 10³ arbres.</p><p>{LONG * 2}</p>"
    "<p>² Deuxième étape du projet.</p><p>³ Troisième étape.</p>",
    # a "Sources" heading far from any marker: nested divs, the markers missing
    f"<div><div><span>{LONG}</span></div></div><div><div><strong>Sources :</strong></div></div>"
    "<div><div><span>[1] Insee, 2022.</span></div></div><div><div><span>[2] Dares, 2023.</span></div></div>",
], ids=["paren-enumeration", "steps-with-br", "bibliography-with-br", "superscript-units", "sources-without-markers"])
def test_more_not_notes(body):
    assert extract_article(page(body), URL).footnotes == []
