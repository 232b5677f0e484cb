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

# Tufte CSS sidenotes (tufte-css, tufte-jekyll, hugo-tufte): label + toggle + span.sidenote in the sentence
TUFTE = page(
    f"<p>{LONG}Un fait<label for='sn-rapport' class='margin-toggle sidenote-number'></label>"
    "<input type='checkbox' id='sn-rapport' class='margin-toggle'/><span class='sidenote'>Rapport du CNCRESS, "
    "2021.</span> établi, et un autre<label for='sn-enquete' class='margin-toggle sidenote-number'></label>"
    "<input type='checkbox' id='sn-enquete' class='margin-toggle'/><span class='sidenote'>Enquête Recherches "
    f"&amp; Solidarités.</span> encore.</p><p>{LONG * 2}</p>")

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
    (MODERN, ["1"], ["Voir l'étude de 2019."], "plugin:modern-footnotes"),
    (TUFTE, ["1", "2"], ["Rapport du CNCRESS, 2021.", "Enquête Recherches & Solidarités."], "html:sidenotes"),
    (MEDIAWIKI, ["1", "2"], ["Dupont", "Document"], "html:mediawiki-references"),
    (MADE_EASY, ["1"], ["Note de l'éditeur."], ""),
    (PANDOC, ["1"], ["La note de Pandoc."], ""),
    (CKEDITOR, ["1"], ["La note de CKEditor."], ""),
    (HAND_PAREN, ["1", "2"], ["Rapport du CNCRESS", "Enquête"], "heuristic:notes-heading"),
    (HAND_SUPERSCRIPT, ["1", "2"], ["Rapport du CNCRESS", "Enquête"], "heuristic:trailing-paragraphs"),
], ids=["easy-footnotes", "footnotes-mci", "modern-footnotes", "tufte-sidenotes", "mediawiki", "footnotes-made-easy",
        "pandoc", "ckeditor", "hand-paren-under-heading", "hand-superscript"])
def test_footnote_markup(html, numbers, starts, rule):
    art = extract_article(html, URL)
    assert [n.number for n in art.footnotes] == numbers
    for note, start in zip(art.footnotes, starts, strict=True):
        assert note.text.startswith(start), note.text
        if html in (MODERN, TUFTE):  # a note inline in its sentence ends where its element ends
            assert note.text == start
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
    # subscript digits both as markers and as the notes' numbers, under a "Quellenangaben:" line
    page(f"<p>{LONG}Selon le rapport.₁</p><p>{LONG * 2}Puis l'enquête.₂</p>"
         f"<p>Quellenangaben:</p><p>₁ {TWO[0]}</p><p>₂ {TWO[1]}</p>"),
    # "1)" notes under "Sources"
    page(MARKED_SUP + f"<h4>Sources</h4><p>1) {TWO[0]}</p><p>2) {TWO[1]}</p>"),
    # markers that say nothing of notes (`#n1`) and notes whose number links back by a hinted
    # address (`#ref-m1`): the back link, opening its note, is no marker, its paragraph no note
    page(f"<p>{LONG}Un fait<a id='ref-m1' href='#n1'>[1]</a> et un autre<a id='ref-m2' href='#n2'>[2]</a>.</p>"
         f"<p>{LONG * 2}</p><p id='n1'><a href='#ref-m1'>[1]</a> {TWO[0]}</p>"
         f"<p id='n2'><a href='#ref-m2'>[2]</a> {TWO[1]}</p>"),
    # a table under "Notes": the number in a cell of its own, the note in the next
    page(MARKED_SUP + f"<h3>Notes</h3><table><tbody><tr><td>1</td><td>{TWO[0]}</td></tr>"
         f"<tr><td>2</td><td>{TWO[1]}</td></tr></tbody></table>"),
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
        "subscript-digits",
        "paren-close-under-sources", "back-links-hinted-markers-not", "table-under-notes",
        "nested-divs-under-quellen"])
def test_more_conventions(html):
    art = extract_article(html, URL)
    assert [n.number for n in art.footnotes] in (["1"], ["1", "2"])
    for note in art.footnotes:
        assert note.text and note.text[0] not in "([0123456789¹²₁₂", note.text
        assert "\n" not in note.text and not note.text.endswith(("↩", "↑", "^"))
        assert note.text[:20] not in art.body_text
    assert art.footnotes[0].text.startswith("Rapport")
    if len(art.footnotes) == 2 and "Cress, 2020" not in html:
        assert [n.text for n in art.footnotes] == ["Rapport du CNCRESS, 2021.", "Enquête Recherches & Solidarités."]
    assert not any(line.strip() in ("Notes", "Sources", "Quellen:", "Quellenangaben:")
                   for line in art.body_text.split("\n"))


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
    # CO₂ and H₂O are formulas, not markers of a numbered list under "Sources"
    f"<p>{LONG}Le CO₂ et la vapeur H₂O, puis le CH₁.</p><p>{LONG * 2}</p>"
    "<h4>Sources</h4><p>1. Insee, 2022.</p><p>2. Dares, 2023.</p>",
], ids=["paren-enumeration", "steps-with-br", "bibliography-with-br", "superscript-units", "sources-without-markers",
        "chemical-formulas"])
def test_more_not_notes(body):
    assert extract_article(page(body), URL).footnotes == []


# ---- markup as each tool prints it (read from its own source or templates)

# FD Footnotes (fdfootnote_convert): sup.footnote > a#fnref-POST-N, then div.footnotes > div.footnotedivider + ol
FD_FOOTNOTES = page(
    f"<p>{LONG}Un fait<sup class='footnote'><a href='#fn-42-1' id='fnref-42-1' "
    "onclick='return fdfootnote_show(42)'>1</a></sup> et un autre<sup class='footnote'><a href='#fn-42-2' "
    f"id='fnref-42-2' onclick='return fdfootnote_show(42)'>2</a></sup>.</p><p>{LONG * 2}</p>"
    "<div class='footnotes' id='footnotes-42'><div class='footnotedivider'></div><ol>"
    "<li id='fn-42-1'>Rapport du CNCRESS, 2021. <span class='footnotereverse'><a href='#fnref-42-1'>&#8617;</a>"
    "</span></li><li id='fn-42-2'>Enquête Recherches &amp; Solidarités. <span class='footnotereverse'>"
    "<a href='#fnref-42-2'>&#8617;</a></span></li></ol></div>", WP)
# WordPress core Footnotes block (render_block_core_footnotes, core/footnote format)
WP_CORE = page(
    f"<p>{LONG}Un fait<sup data-fn='a1b2' class='fn'><a href='#a1b2' id='a1b2-link'>1</a></sup> et un autre"
    f"<sup data-fn='c3d4' class='fn'><a href='#c3d4' id='c3d4-link'>2</a></sup>.</p><p>{LONG * 2}</p>"
    "<ol class='wp-block-footnotes'><li id='a1b2'>Rapport du CNCRESS, 2021. <a href='#a1b2-link'>↩︎</a></li>"
    "<li id='c3d4'>Enquête Recherches &amp; Solidarités. <a href='#c3d4-link'>↩︎</a></li></ol>", WP)
# kramdown (Jekyll): sup#fnref:1 > a.footnote, div.footnotes > ol > li#fn:1 > p ... a.reversefootnote
KRAMDOWN = page(
    f"<p>{LONG}Un fait<sup id='fnref:1' role='doc-noteref'><a href='#fn:1' class='footnote' rel='footnote'>1</a>"
    "</sup> et un autre<sup id='fnref:2' role='doc-noteref'><a href='#fn:2' class='footnote' rel='footnote'>2</a>"
    f"</sup>.</p><p>{LONG * 2}</p><div class='footnotes' role='doc-endnotes'>\n  <ol>\n"
    "    <li id='fn:1' role='doc-endnote'>\n      <p>Rapport du CNCRESS, 2021.&nbsp;<a href='#fnref:1' "
    "class='reversefootnote' role='doc-backlink'>&#8617;</a></p>\n    </li>\n    <li id='fn:2' role='doc-endnote'>\n"
    "      <p>Enquête Recherches &amp; Solidarités.&nbsp;<a href='#fnref:2' class='reversefootnote' "
    "role='doc-backlink'>&#8617;</a></p>\n    </li>\n  </ol>\n</div>")


def _goldmark(wrapper: str, li_role: str) -> str:
    """Hugo's goldmark: sup#fnref:N > a.footnote-ref, the notes after an <hr> with a.footnote-backref."""
    notes = "".join(
        f"<li id='fn:{i}'{li_role}>\n<p>{text}&#160;<a href='#fnref:{i}' class='footnote-backref' "
        "role='doc-backlink'>&#x21a9;&#xfe0e;</a></p>\n</li>\n" for i, text in ((1, TWO[0]), (2, TWO[1])))
    return page(
        f"<p>{LONG}Un fait<sup id='fnref:1'><a href='#fn:1' class='footnote-ref' role='doc-noteref'>1</a></sup>"
        " et un autre<sup id='fnref:2'><a href='#fn:2' class='footnote-ref' role='doc-noteref'>2</a></sup>.</p>"
        f"<p>{LONG * 2}</p><{wrapper} class='footnotes' role='doc-endnotes'>\n<hr>\n<ol>\n{notes}</ol>\n</{wrapper}>")


# python-markdown footnotes extension: sup#fnref:1 > a.footnote-ref, div.footnote > hr + ol
PYTHON_MARKDOWN = page(
    f"<p>{LONG}Un fait<sup id='fnref:1'><a class='footnote-ref' href='#fn:1'>1</a></sup> et un autre"
    f"<sup id='fnref:2'><a class='footnote-ref' href='#fn:2'>2</a></sup>.</p><p>{LONG * 2}</p>"
    "<div class='footnote'>\n<hr />\n<ol>\n<li id='fn:1'>\n<p>Rapport du CNCRESS, 2021.&#160;"
    "<a class='footnote-backref' href='#fnref:1' title='Jump back to footnote 1 in the text'>&#8617;</a></p>\n</li>\n"
    "<li id='fn:2'>\n"
    "<p>Enquête Recherches &amp; Solidarités.&#160;<a class='footnote-backref' href='#fnref:2' "
    "title='Jump back to footnote 2 in the text'>&#8617;</a></p>\n</li>\n</ol>\n</div>")
# markdown-it-footnote (Ghost, Discourse, Zenn): sup.footnote-ref > a#fnref1 "[1]", hr.footnotes-sep, section.footnotes
MARKDOWN_IT = page(
    f"<p>{LONG}Un fait<sup class='footnote-ref'><a href='#fn1' id='fnref1'>[1]</a></sup> et un autre"
    f"<sup class='footnote-ref'><a href='#fn2' id='fnref2'>[2]</a></sup>.</p><p>{LONG * 2}</p>"
    "<hr class='footnotes-sep'>\n<section class='footnotes'>\n<ol class='footnotes-list'>\n"
    "<li id='fn1' class='footnote-item'><p>Rapport du CNCRESS, 2021. <a href='#fnref1' class='footnote-backref'>↩︎</a>"
    "</p>\n</li>\n<li id='fn2' class='footnote-item'><p>Enquête Recherches &amp; Solidarités. <a href='#fnref2' "
    "class='footnote-backref'>↩︎</a></p>\n</li>\n</ol>\n</section>")
# SPIP (inc/notes.php): span.spip_note_ref "[a.spip_note#nh1]" in the text; div.notes > div#nb1 > p
SPIP = page(
    f"<p>{LONG}Un fait<span class=\"spip_note_ref\">&nbsp;[<a href='#nb1' class='spip_note' rel='appendix' "
    "title='Rapport' id='nh1'>1</a>]</span> et un autre<span class=\"spip_note_ref\">&nbsp;[<a href='#nb2' "
    f"class='spip_note' rel='appendix' title='Enquête' id='nh2'>2</a>]</span>.</p><p>{LONG * 2}</p>"
    "<div class='notes surlignable'><h2 class='h2'>Notes</h2><div id='nb1'>\n<p><span class=\"spip_note_ref\">"
    "[<a href='#nh1' class='spip_note' title='Notes 1' rev='appendix'>1</a>]&nbsp;</span>Rapport du CNCRESS, 2021."
    "</p>\n</div><div id='nb2'>\n<p><span class=\"spip_note_ref\">[<a href='#nh2' class='spip_note' "
    "title='Notes 2' rev='appendix'>2</a>]&nbsp;</span>Enquête Recherches &amp; Solidarités.</p>\n</div></div>")
# SPIP with the brackets left out (_NOTES_OUVRE_REF redefined by many squelettes)
SPIP_BARE = page(
    f"<p>{LONG}Un fait<span class=\"spip_note_ref\">&nbsp;<a href='#nb1' class='spip_note' rel='appendix' "
    "title='Rapport' id='nh1'>1</a></span> et un autre<span class=\"spip_note_ref\">&nbsp;<a href='#nb2' "
    f"class='spip_note' rel='appendix' title='Enquête' id='nh2'>2</a></span>.</p><p>{LONG * 2}</p>"
    "<div class='notes'><div id='nb1'>\n<p><span class=\"spip_note_ref\"><a href='#nh1' class='spip_note' "
    "title='Notes 1' rev='appendix'>1</a>&nbsp;</span>Rapport du CNCRESS, 2021.</p>\n</div><div id='nb2'>\n"
    "<p><span class=\"spip_note_ref\"><a href='#nh2' class='spip_note' title='Notes 2' rev='appendix'>2</a>"
    "&nbsp;</span>Enquête Recherches &amp; Solidarités.</p>\n</div></div>")
# Littlefoot reads the server's MultiMarkdown-style footnotes (its own fixtures): a[rel=footnote], a.reversefootnote
LITTLEFOOT = page(
    f"<p>{LONG}Un fait<sup id='fnref:1'><a href='#fn:1' rel='footnote'>1</a></sup> et un autre"
    f"<sup id='fnref:2'><a href='#fn:2' rel='footnote'>2</a></sup>.</p><p>{LONG * 2}</p>"
    "<div class='footnotes'><hr /><ol><li class='footnote' id='fn:1'><p>Rapport du CNCRESS, 2021. "
    "<a href='#fnref:1' title='return to article' class='reversefootnote'>&#8617;</a></p></li>"
    "<li class='footnote' id='fn:2'><p>Enquête Recherches &amp; Solidarités. <a href='#fnref:2' "
    "title='return to article' class='reversefootnote'>&#8617;</a></p></li></ol></div>")
# Word's "Save as HTML" endnotes: `a[href=#_ednN][name=_ednrefN]` in the text (no <sup>, Roman numerals
# by default), `div[style=mso-element:endnote-list] > div#ednN > p.MsoEndnoteText` whose number links back


def _word_endnotes(one: str, two: str) -> str:
    def ref(n: int, label: str, back: bool) -> str:
        href, name = (f"_ednref{n}", f"_edn{n}") if back else (f"_edn{n}", f"_ednref{n}")
        return (f"<a style='mso-endnote-id:edn{n}' href='#{href}' name='{name}' title=''><span class="
                f"MsoEndnoteReference><span style='mso-special-character:footnote'><span class=MsoEndnoteReference>"
                f"[{label}]</span></span></span></a>")
    return page(
        f"<p class=MsoNormal>{LONG}Un fait{ref(1, one, False)} et un autre{ref(2, two, False)}.</p>"
        f"<p class=MsoNormal>{LONG * 2}</p><div style='mso-element:endnote-list'><br clear=all>"
        "<hr align=left size=1 width='33%'>"
        + "".join(f"<div style='mso-element:endnote' id=edn{n}><p class=MsoEndnoteText>{ref(n, label, True)} {text}"
                  "</p></div>" for n, label, text in ((1, one, TWO[0]), (2, two, TWO[1]))) + "</div>")


WORD_ENDNOTES, WORD_ENDNOTES_ROMAN = _word_endnotes("1", "2"), _word_endnotes("i", "ii")
# Substack: a.footnote-anchor in the text; each div.footnote (a.footnote-number + div.footnote-content)
# sits in the post's own container, after its last paragraph
SUBSTACK = page(
    f"<p>{LONG}Un fait<a class='footnote-anchor' data-component-name='FootnoteAnchorToDOM' id='footnote-anchor-1' "
    "href='#footnote-1' target='_self'>1</a> et un autre<a class='footnote-anchor' "
    "data-component-name='FootnoteAnchorToDOM' id='footnote-anchor-2' href='#footnote-2' target='_self'>2</a>.</p>"
    f"<p>{LONG * 2}</p>"
    + "".join(f"<div class='footnote' data-component-name='FootnoteToDOM'><a id='footnote-{i}' "
              f"href='#footnote-anchor-{i}' class='footnote-number' contenteditable='false' target='_self'>{i}</a>"
              f"<div class='footnote-content'><p>{text}</p></div></div>"
              for i, text in ((1, "Rapport du CNCRESS, 2021."), (2, "Enquête Recherches &amp; Solidarités."))))


@pytest.mark.parametrize("html, rule", [
    (FD_FOOTNOTES, ""), (WP_CORE, "cms:wordpress"), (KRAMDOWN, ""),
    (_goldmark("div", ""), ""), (_goldmark("section", " role='doc-endnote'"), ""),
    (PYTHON_MARKDOWN, ""), (MARKDOWN_IT, ""), (SPIP, "cms:spip"), (SPIP_BARE, "cms:spip"), (LITTLEFOOT, ""),
    (SUBSTACK, ""), (WORD_ENDNOTES, ""), (WORD_ENDNOTES_ROMAN, ""),
], ids=["fd-footnotes", "wordpress-core-block", "kramdown", "goldmark-div", "goldmark-section",
        "python-markdown", "markdown-it-ghost", "spip", "spip-bare", "littlefoot", "substack", "word-endnotes",
        "word-endnotes-roman"])
def test_tool_markup(html, rule):
    art = extract_article(html, URL)
    assert [n.number for n in art.footnotes] == (["i", "ii"] if html is WORD_ENDNOTES_ROMAN else ["1", "2"])
    assert [n.text for n in art.footnotes] == ["Rapport du CNCRESS, 2021.", "Enquête Recherches & Solidarités."]
    if rule:
        assert art.provenance["footnotes"] == rule
    assert "Rapport du CNCRESS" not in art.body_text and "Notes" not in art.body_text.split("\n")[-1]
    assert "Un fait" in art.body_text and art.body_text.endswith(LONG.strip())  # the text itself stays
    if not art.provenance["body"].startswith("fallback:"):  # a text block of ours: both markers linked
        assert art.body_html.count('href="#fn-') == 2


# ---- markers for several notes, Roman numerals, notes far after the text, "(N)" before a word

RANGE_SUP = page(  # Baidu Baike / Wikipedia-style: one marker for a range or a list of notes
    f"<p>{LONG}Un fait<sup> [1-2]</sup> et un autre<sup>[3]</sup>, puis un dernier<sup>[4,5]</sup>.</p>"
    f"<p>{LONG * 2}</p><p>1. {TWO[0]}</p><p>2. {TWO[1]}</p><p>3. Note trois, Avise.</p>"
    "<p>4. Note quatre, Insee.</p><p>5. Note cinq, Dares.</p>")
RANGE_TEXT = page(  # hand-written in the text: "[1][2]", "[3–4]"
    f"<p>{LONG}Un fait.[1][2] Un autre fait[3–4].</p><p>{LONG * 2}</p><p>[1] {TWO[0]}</p><p>[2] {TWO[1]}</p>"
    "<p>[3] Note trois, Avise.</p><p>[4] Note quatre, Insee.</p>")
BAIDU = (  # the reference list under a "参考资料" term, outside the text block
    "<html><head><title>A</title></head><body><div class='main-content'><h1>A</h1>"
    f"<div class='para'>{LONG}Un fait<sup class='sup--normal' data-sup='1-2'> [1-2]</sup>"
    "<a class='sup-anchor' name='ref_[1-2]_9'>&nbsp;</a>.</div>"
    f"<div class='para'>{LONG * 2}Un autre<sup class='sup--normal' data-sup='3'> [3]</sup>"
    "<a class='sup-anchor' name='ref_[3]_9'>&nbsp;</a>.</div></div><div class='side'><p>Menu</p></div>"
    "<dl class='lemma-reference'><dt class='reference-title'>参考资料</dt><dd class='reference-list-wrap'>"
    "<ul class='reference-list'>"
    + "".join(f"<li class='reference-item' id='reference-[{i}]-9-wrap'><span class='index'>{i}.</span>"
              f"<a class='gotop anchor' name='refIndex_{i}_9' href='#ref_[{i}]_9'>&nbsp;&nbsp;</a>"
              f"<a rel='nofollow' href='/reference/9/x{i}' class='text'>{t}</a><span class='site'>．新浪</span>"
              "<span>&#91;引用日期2014-05-19&#93;</span></li>"
              for i, t in ((1, "Rapport du CNCRESS, 2021."), (2, "Enquête Recherches et Solidarités."),
                           (3, "Rapport de l'Avise.")))
    + "</ul></dd></dl></body></html>")
ROMAN = page(  # Word's endnotes: lower-case Roman numerals
    f"<p>{LONG}Un fait.<sup>[i]</sup> Un autre<sup>[ii]</sup>.</p><p>{LONG * 2}</p><hr>"
    f"<p><sup>[i]</sup> {TWO[0]}</p><p><sup>[ii]</sup> {TWO[1]}</p><p>&nbsp;</p>")
_BOXES = ("<div class='share'><ul><li><a href='/fb'>Facebook</a></li><li><a href='/tw'>Twitter</a></li></ul></div>"
          "<div class='tags'><a href='/t/ess'>ESS</a></div><p class='date'>Publié le 3 mai 2024</p>"
          "<div class='author-box'><img src='/a.jpg'><p>Marie Dupont, journaliste.</p></div>"
          "<div class='post-views'>342 vues</div><div class='rating'>★★★★</div><hr>"
          "<div class='print'><a href='/print'>Imprimer</a></div>")
FAR_NOTES = (  # notes with no heading after a share bar, tags and an author box
    "<html><head><title>A</title>" + WP + "</head><body><article class='post'><h1>A</h1>"
    f"<div class='entry-content'>{MARKED_SUP}</div>{_BOXES}"
    f"<div class='notes-bas'><p>1. {TWO[0]}</p><p>2. {TWO[1]}</p></div></article></body></html>")
PAREN_WORD = page(  # "(N)" markers followed by a word, notes "(N)" at the end, no heading
    f"<p>{LONG}Selon le rapport (1) publié en 2021, puis l'enquête (2) menée auprès des adhérents.</p>"
    f"<p>{LONG * 2}</p><p>(1) {TWO[0]}</p><p>(2) {TWO[1]}</p>")


@pytest.mark.parametrize("html, numbers", [
    (RANGE_SUP, ["1", "2", "3", "4", "5"]), (RANGE_TEXT, ["1", "2", "3", "4"]), (BAIDU, ["1", "2", "3"]),
    (ROMAN, ["i", "ii"]), (FAR_NOTES, ["1", "2"]), (PAREN_WORD, ["1", "2"]),
], ids=["range-markers-in-sup", "range-markers-in-text", "baidu-reference-list", "roman-numerals",
        "far-after-boxes", "paren-before-a-word"])
def test_general_classes(html, numbers):
    art = extract_article(html, URL)
    assert [n.number for n in art.footnotes] == numbers
    assert art.footnotes[0].text.startswith("Rapport du CNCRESS"), art.footnotes[0].text
    assert art.footnotes[1].text.startswith("Enquête Recherches")
    for note in art.footnotes:
        assert note.text[:20] not in art.body_text
    if html is BAIDU:
        assert art.footnotes[0].urls == ["https://www.example.org/reference/9/x1"]
    if html is RANGE_SUP and not art.provenance["body"].startswith("fallback:"):
        assert "[1-2]" in art.body_text  # a marker for several notes stays as written


@pytest.mark.parametrize("body", [
    # an interval "[1-3]" after a space, then numbered steps: no marker, no note
    f"<p>{LONG}Choisissez une valeur dans l'intervalle [1-3] pour chaque critère.</p><p>{LONG * 2}</p>"
    "<p>1. Adhérer à la charte de l'ESS.</p><p>2. Payer sa cotisation annuelle.</p><p>3. Voter à l'assemblée.</p>",
    # a decimal exponent in a <sup> ("10<sup>1,5</sup>") is no marker for notes 1 to 5
    f"<p>{LONG}Une puissance de 10<sup>1,5</sup> environ.</p><p>{LONG * 2}</p>"
    "<p>1. Adhérer à la charte.</p><p>2. Payer la cotisation.</p><p>3. Voter.</p><p>4. Élire.</p><p>5. Signer.</p>",
    # Roman numerals in running text ("a[i]") and an enumeration "(i) ... (ii) ..." repeated: no <sup> marker
    f"<p>{LONG}Pour chaque élément a[i] du tableau, (i) lire la valeur et (ii) l'écrire.</p><p>{LONG * 2}</p>"
    "<p>(i) Lire la valeur dans le tableau.</p><p>(ii) Écrire la valeur dans le fichier.</p>",
    # "(N)" before a word in an enumeration whose items come back as paragraphs, worded otherwise
    f"<p>{LONG}Le dossier comprend (1) une lettre de motivation et (2) un budget prévisionnel.</p><p>{LONG * 2}</p>"
    "<p>(1) Lettre de motivation : une page au plus.</p><p>(2) Budget prévisionnel : sur trois ans.</p>",
    # "(N)" before a word, the items far from the order of the markers
    f"<p>{LONG}On vote (2) puis on élit (1) le bureau.</p><p>{LONG * 2}</p>"
    "<p>(1) Le bureau est élu pour trois ans.</p><p>(2) Le vote a lieu en assemblée générale.</p>",
], ids=["interval-after-space", "decimal-exponent", "roman-in-text", "paren-enumeration-reworded",
        "paren-out-of-order"])
def test_general_classes_near_misses(body):
    assert extract_article(page(body), URL).footnotes == []


def test_far_numbered_comments_are_not_notes():
    """Exponents in the text and, far after it, comments that start with numbers: no notes."""
    comments = "".join(f"<li class='comment'><p>{i}. Je suis d'accord avec l'article, merci.</p></li>"
                       for i in (1, 2))
    html = ("<html><head><title>A</title>" + WP + "</head><body><article class='post'><h1>A</h1>"
            f"<div class='entry-content'><p>{LONG}Une puissance de 10<sup>1</sup> et 120 m<sup>2</sup>.</p>"
            f"<p>{LONG * 2}</p></div>{_BOXES}<div id='comments' class='comments-area'><h2>2 commentaires</h2>"
            f"<ol class='comment-list'>{comments}</ol></div></article></body></html>")
    assert extract_article(html, URL).footnotes == []


def test_far_notes_one_level_up():
    """The text block nested in the post's body, the notes after the boxes that follow that body."""
    html = ("<html><head><title>A</title>" + WP + "</head><body><div class='post'><h1>A</h1>"
            f"<div class='post-body'><div class='entry-content'>{MARKED_SUP}</div></div>{_BOXES}"
            f"<p>1. {TWO[0]}</p><p>2. {TWO[1]}</p></div><footer><p>1. Mentions</p></footer></body></html>")
    art = extract_article(html, URL)
    assert [n.text for n in art.footnotes] == ["Rapport du CNCRESS, 2021.", "Enquête Recherches & Solidarités."]


def test_trailing_list_without_heading():
    """`<sup>N</sup>` markers in order and, at the end of the text, an `<ol>` of as many notes."""
    art = extract_article(page(MARKED_SUP + f"<ol><li>{TWO[0]}</li><li>{TWO[1]}</li></ol>", WP), URL)
    assert [n.text for n in art.footnotes] == ["Rapport du CNCRESS, 2021.", "Enquête Recherches & Solidarités."]
    assert 'href="#fn-1"' in art.body_html and "Rapport du CNCRESS" not in art.body_text


@pytest.mark.parametrize("body", [
    # exponents after digits, in order, then a list of steps
    f"<p>{LONG}Soit 10<sup>1</sup> puis 10<sup>2</sup> habitants.</p><ol><li>Adhérer à la charte.</li>"
    "<li>Payer la cotisation.</li></ol>",
    # markers out of order, then a list of as many steps
    f"<p>{LONG}Selon le rapport<sup>2</sup>, puis l'enquête<sup>1</sup>.</p><ol><li>Adhérer à la charte.</li>"
    "<li>Payer la cotisation.</li></ol>",
    # a list of three steps, markers for two only
    MARKED_SUP + "<ol><li>Adhérer à la charte.</li><li>Payer la cotisation.</li><li>Voter en assemblée.</li></ol>",
], ids=["exponents-then-steps", "markers-out-of-order", "more-items-than-markers"])
def test_trailing_list_near_misses(body):
    assert extract_article(page(body, WP), URL).footnotes == []
