"""WordPress block themes (Twenty Twenty-Three and the like), with the markup of WordPress's own
block sources: core/post-title, post-date, post-author, post-terms, post-content, footnotes."""

from ess_crawler.extract import extract_article

URL = "http://127.0.0.1:8080/2024/03/12/breve/"


def block_page(content: str, comments: bool = True) -> str:
    comment = ("<div class='wp-block-comments'><h2 class='wp-block-comments-title'>Une réponse</h2>"
               "<ol class='wp-block-comment-template'><li id='comment-1' class='comment'>"
               "<div class='wp-block-comment-content'><p>Bonjour, ceci est un commentaire.</p></div>"
               "</li></ol></div>") if comments else ""
    return f"""<!DOCTYPE html><html lang="fr-FR"><head><meta charset="UTF-8">
<meta name="generator" content="WordPress 6.1.1"><title>Brève &#8211; ESS local</title>
<link rel='stylesheet' href='http://127.0.0.1:8080/wp-includes/css/dist/block-library/style.min.css'></head>
<body class="post-template-default single single-post"><div class="wp-site-blocks">
<header class="wp-block-template-part"><div class="wp-block-group"><p class="wp-block-site-title">
<a href="http://127.0.0.1:8080">ESS local</a></p><nav class="wp-block-navigation"><ul>
<li><a href="/a-propos/">À propos</a></li></ul></nav></div></header>
<main class="wp-block-group"><div class="wp-block-group">
<h1 class="wp-block-post-title">Brève</h1>
<div class="wp-block-template-part"><div class="wp-block-group">
<div class="wp-block-post-date"><time datetime="2024-03-12T09:30:00+01:00">12 mars 2024</time></div>
<div class="wp-block-post-author"><div class="wp-block-post-author__content">
<p class="wp-block-post-author__byline">Par</p>
<p class="wp-block-post-author__name">Camille Martin</p></div></div>
<div class="taxonomy-category wp-block-post-terms">
<a href="/category/emploi/" rel="tag">Emploi &amp; insertion</a></div>
</div></div></div>
<div class="entry-content wp-block-post-content">{content}</div>
<div class="wp-block-group"><div class="taxonomy-post_tag wp-block-post-terms">
<a href="/tag/scop/" rel="tag">Scop</a></div>
<nav class="wp-block-group"><div class="post-navigation-link-previous wp-block-post-navigation-link">
<a href="/2024/03/01/avant/" rel="prev">Article précédent</a></div></nav></div>
{comment}
</main><footer class="wp-block-template-part"><p>Fièrement propulsé par WordPress</p></footer>
</div></body></html>"""


BRIEF = ("<p>La Scop du quartier ouvre un atelier de réparation de vélos le samedi, avec deux "
         "salariés en insertion et une dizaine de bénévoles.</p>")


def test_block_theme_fields():
    art = extract_article(block_page(BRIEF), URL)
    assert art.authors == ["Camille Martin"]
    assert art.category == "Emploi & insertion"
    assert art.published.startswith("2024-03-12")
    assert art.tags == ["Scop"]


def test_short_post_keeps_the_content_area():
    art = extract_article(block_page(BRIEF), URL)
    assert art.body_text == ("La Scop du quartier ouvre un atelier de réparation de vélos le samedi, avec deux "
                             "salariés en insertion et une dizaine de bénévoles.")
    for word in ("ESS local", "Camille Martin", "commentaire", "Article précédent", "propulsé"):
        assert word not in art.body_text


LONG = "".join(f"<p>Paragraphe {i} de l'article, assez long pour être du texte d'article véritable.</p>"
               for i in range(6))
NOTES = (f"{LONG}<p>Un fait établi<sup data-fn='a1' class='fn'><a href='#a1' id='a1-link'>1</a></sup>.</p>"
         "<h2 class='wp-block-heading'>Notes</h2><ol class='wp-block-footnotes'><li id='a1'>Rapport 2023, "
         "<a href='https://www.ess-france.org/rapport'>ESS France</a>. <a href='#a1-link' "
         "aria-label='Aller à la référence 1 de la note de bas de page'>↩︎</a></li></ol>")


def test_notes_heading_leaves_the_body_with_the_notes():
    art = extract_article(block_page(NOTES, comments=False), URL)
    assert [n.number for n in art.footnotes] == ["1"]
    assert art.footnotes[0].urls == ["https://www.ess-france.org/rapport"]
    assert not art.body_text.rstrip().endswith("Notes")
    assert "\nNotes" not in art.body_text


def test_file_blocks_download_button_is_not_text():
    # core/file (its render.php): the file's link, then the same file again as a "Télécharger" button
    para = ("<p>La coopérative publie son rapport annuel, avec les comptes de l'exercice et le bilan "
            "de ses activités auprès des habitants du quartier.</p>")
    art = extract_article(block_page(
        para + "<div class='wp-block-file'><a id='wp-block-file--media-7' href='/wp-content/uploads/rapport.pdf'>"
        "Rapport annuel 2023</a><a href='/wp-content/uploads/rapport.pdf' class='wp-block-file__button "
        "wp-element-button' download aria-describedby='wp-block-file--media-7'>Télécharger</a></div>" + para,
        comments=False), URL)
    assert "Rapport annuel 2023" in art.body_text  # the file's own link stays
    assert "Télécharger" not in art.body_text


def _classic_theme(header: str, footer: str) -> str:
    para = ("<p>La coopérative d'habitants réunit des familles qui conçoivent ensemble leur logement, "
            "le financent et le gèrent collectivement.</p>")
    return ("<!DOCTYPE html><html lang='fr-FR'><head><title>Brève – ESS local</title>"
            "<meta name='generator' content='WordPress 6.5.3'></head><body class='single single-post'>"
            "<main id='main'><article id='post-42' class='post-42 post type-post category-logement "
            f"tag-cooperatives'><header class='entry-header'>{header}<h1 class='entry-title'>Brève</h1></header>"
            f"<div class='entry-content'>{para * 4}</div><footer class='entry-footer'>{footer}</footer>"
            "</article></main></body></html>")


def test_classic_themes_author_box_and_category_links_are_not_names_or_tags():
    # Twenty Twenty-One's author box links "Voir tous les articles par NAME" (rel=author)
    tt1 = _classic_theme("", "<span class='byline'>Par <a href='/author/marie/' rel='author'>Marie Dupont</a></span>"
                         "<div class='author-bio'><h2 class='author-title'>Par Marie Dupont</h2>"
                         "<a class='author-link' href='/author/marie/' rel='author'>Voir tous les articles par "
                         "Marie Dupont</a></div>")
    assert extract_article(tt1, URL).authors == ["Marie Dupont"]
    # Kadence prints its category links rel="tag" in .category-links, a hash before each tag
    kadence = _classic_theme(
        "<div class='entry-taxonomies'><span class='category-links term-links'><a href='/category/logement/' "
        "rel='tag'>Logement</a></span></div>",
        "<div class='tags-links'><span class='tags-label screen-reader-text'>Étiquettes de publication :</span>"
        "<a href='/tag/cooperatives/' class='tag-link' rel='tag'><span class='tag-hash'>#</span>Coopératives</a>"
        "<a href='/tag/habitat/' class='tag-link' rel='tag'><span class='tag-hash'>#</span>Habitat</a></div>")
    art = extract_article(kadence, URL)
    assert art.tags == ["Coopératives", "Habitat"]
    assert art.category == "Logement"


def test_call_to_action_buttons_are_not_text():
    # core/buttons (its save.js): div.wp-block-buttons > div.wp-block-button > a.wp-block-button__link
    para = ("<p>La coopérative publie son rapport annuel, avec les comptes de l'exercice et le bilan "
            "de ses activités auprès des habitants du quartier.</p>")
    art = extract_article(block_page(
        para * 2 + "<div class='wp-block-buttons is-layout-flex'><div class='wp-block-button'>"
        "<a class='wp-block-button__link wp-element-button' href='/faire-un-don/'>Je fais un don</a></div></div>"
        + para, comments=False), URL)
    assert "Je fais un don" not in art.body_text
    assert art.body_text.count("La coopérative publie") == 3


def test_a_rel_tag_link_to_a_category_page_is_no_tag():
    # themes that print every term rel="tag" (a taxonomy sampler, a meta line): the category's
    # address says which ones are categories
    footer = ("<span class='term-link'><a href='/category/world/europe/' rel='tag'>Europa</a></span>"
              "<span class='term-link'><a href='/category/uncategorized/' rel='tag'>Uncategorized</a></span>"
              "<span class='term-link'><a href='/tag/cooperatives/' rel='tag'>Coopératives</a></span>")
    assert extract_article(_classic_theme("", footer), URL).tags == ["Coopératives"]
