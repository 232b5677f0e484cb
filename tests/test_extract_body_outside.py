"""The body's edges: article text the chosen container leaves outside (an article split over
several `articleBody` parts), and what sits inside or next to it but is not the text (author
boxes, appended posts, further-information links, contact tails, list labels, source lines)."""

from lxml import html as lxml_html

from ess_crawler.extract import extract_article
from ess_crawler.extract.body import author_box_lines, fallback_body
from ess_crawler.extract.document import Page

P = ("Les coopératives d'activité et d'emploi ont accueilli plus de mille nouveaux entrepreneurs "
     "salariés l'an dernier, selon le rapport annuel présenté lundi par leur réseau national. ")
Q = ("Dans les territoires ruraux, ces structures offrent un statut protecteur à des porteurs de "
     "projet qui n'auraient pas créé seuls, explique la déléguée générale du réseau. ")


# ------------------------------------------------------------------ articleBody in several parts

def sections_page(between: str = "") -> str:
    """A news theme that cuts the text into `<section itemprop="articleBody">` parts, each in its
    own wrapper with the share bar and an ad beside it."""
    return f"""<html lang="fr"><head><title>Les CAE grandissent</title></head><body>
<main><article class="l-article" itemscope itemtype="https://schema.org/NewsArticle">
<header><h1 itemprop="headline">Les CAE grandissent</h1></header>
<div class="l-article__container">
<div class="l-article__part"><figure class="c-lead-media"><figcaption>Photo : Réseau CAE</figcaption></figure>
<section class="c-share-social"><a href="https://twitter.com/intent/tweet">Partager</a></section>
<section class="l-article__section s-cms-content" itemprop="articleBody"><p>{P}</p><p>{Q}</p></section></div>
<div class="l-article__part"><div class="ad-slot">Publicité</div>{between}
<section class="l-article__section s-cms-content" itemprop="articleBody"><p>Deuxième partie : {P}</p></section></div>
<div class="l-article__part"><aside class="c-recirc"><a href="/autre">Un autre article du site</a></aside>
<section class="l-article__section s-cms-content" itemprop="articleBody"><p>Troisième partie : {Q}</p></section></div>
</div></article></main></body></html>"""


def test_an_article_split_over_several_article_body_sections_is_read_whole():
    art = extract_article(sections_page("<h2>Un statut protecteur</h2>"), "https://www.example.fr/cae")
    assert art.provenance["body"] == "microdata:articleBody"
    for line in ("plus de mille nouveaux", "Deuxième partie", "Troisième partie", "Un statut protecteur"):
        assert line in art.body_text
    for line in ("Partager", "Publicité", "Un autre article du site", "Photo : Réseau CAE"):
        assert line not in art.body_text


def test_paragraphs_each_marked_article_body_are_read_with_their_subheadings():
    html = f"""<html><head><title>Brexit</title></head><body><div class="l--main"><article class="content">
<main class="content__main"><header class="headline"><h1>Les CAE grandissent</h1></header>
<p class="text" itemprop="articleBody">{P}</p><p class="text" itemprop="articleBody">{Q}</p>
<h2 class="subtitle">Dans les territoires</h2><p class="text" itemprop="articleBody">Enfin, {P}</p>
<div class="teaser teaser--linkbox"><a href="/autre"><h3>Les Scop aussi</h3><p>Un autre article, ailleurs sur le site,
avec son chapeau et sa photo.</p></a></div></main></article></div></body></html>"""
    art = extract_article(html, "https://www.example.fr/cae")
    assert art.provenance["body"] == "microdata:articleBody"
    for line in ("plus de mille nouveaux", "un statut protecteur", "Dans les territoires", "Enfin, Les"):
        assert line in art.body_text
    assert "Les Scop aussi" not in art.body_text and "Un autre article" not in art.body_text


def test_the_article_body_excerpts_of_a_listing_are_not_joined():
    cards = "".join(f"""<article itemscope itemtype="https://schema.org/BlogPosting"><h2 itemprop="headline">
<a href="/post-{i}">Billet {i}</a></h2><div itemprop="articleBody"><p>Billet {i} : {P}</p><p>{Q}</p></div></article>"""
                    for i in (1, 2, 3))
    html = f"<html><head><title>Le blog</title></head><body><main>{cards}</main></body></html>"
    art = extract_article(html, "https://www.example.fr/blog/")
    assert art.provenance["body"] == "microdata:articleBody"
    assert "Billet 1 :" in art.body_text
    assert "Billet 2 :" not in art.body_text and "Billet 3 :" not in art.body_text


# ------------------------------------------------------------------------------- author boxes

def wordpress_post(content: str, after: str = "") -> str:
    return f"""<html><head><title>Les CAE grandissent</title><meta name="generator" content="WordPress 6.4">
</head><body class="post-template-default single single-post"><main id="main" class="site-main">
<article id="post-12" class="post-12 post type-post"><h1 class="entry-title">Les CAE grandissent</h1>
<div class="entry-content">{content}</div>{after}</article></main></body></html>"""


BIO = """<div class="nv-author-biography"><h4>Camille Martin</h4><p>Camille Martin est journaliste, elle
couvre l'économie sociale et solidaire depuis 2015 pour plusieurs titres régionaux.</p></div>"""


def test_an_author_box_inside_the_post_content_is_not_article_text():
    art = extract_article(wordpress_post(f"<p>{P}</p><p>{Q}</p>{BIO}"), "https://www.example.fr/2024/01/cae/")
    assert art.provenance["body"] == "cms:wordpress"
    assert "couvre l'économie sociale" not in art.body_text
    assert "plus de mille nouveaux" in art.body_text


def test_a_paragraph_that_reads_like_a_bio_and_an_author_interview_block_stay():
    content = f"""<p>{P}</p><p>Camille Martin est journaliste ; elle a suivi le réseau pendant un an pour
    écrire le livre qu'elle présente ce mois-ci, et raconte comment les entrepreneurs l'ont accueillie.</p>
    <div class="author-interview"><p>{Q}</p></div>"""
    art = extract_article(wordpress_post(content), "https://www.example.fr/2024/01/cae/")
    assert "Camille Martin est journaliste" in art.body_text
    assert "ces structures offrent un statut" in art.body_text


def fallback_page(after_text: str) -> str:
    return f"""<html><head><title>Les CAE grandissent</title></head><body><div class="page">
<div class="story"><h1>Les CAE grandissent</h1><div class="copy"><p>{P * 2}</p><p>{Q}</p><p>{P}</p>
<p>{Q * 2}</p></div>{after_text}</div></div></body></html>"""


AUTHOR_INFO = """<div class="cbx-Author cbx-Author-is-in-article"><div class="cbx-Author_InfoContainer">
<p class="cbx-Author_Name">Camille Martin</p><p class="cbx-Author_Position">Rédactrice au service économie du
journal, chargée de l'économie sociale et solidaire.</p></div></div>"""


def test_the_lines_of_an_author_box_leave_trafilatura_s_body():
    html = fallback_page(AUTHOR_INFO)
    page = Page(lxml_html.fromstring(html), "https://www.example.fr/cae")
    lines = author_box_lines(page)
    assert "Camille Martin" in lines
    _, text, _ = fallback_body(html, "https://www.example.fr/cae", lines)
    assert "Rédactrice au service économie" not in text
    assert "plus de mille nouveaux" in text


def test_a_long_block_whose_class_names_the_author_is_not_taken_for_a_box():
    html = fallback_page("").replace('<div class="copy">', f'<div class="copy author-details"><p>{P * 6}</p>')
    page = Page(lxml_html.fromstring(html), "https://www.example.fr/cae")
    assert not any("plus de mille nouveaux" in line for line in author_box_lines(page))


# ------------------------------------------------------------------------- appended posts

def appended_posts(second_heading: str = "h1") -> str:
    posts = f"""<div class="scrollblock"><article class="entry-main-content" id="article-0"><header>
<h1>Les CAE grandissent</h1></header><p>{P}</p><p>{Q}</p></article></div>
<div class="scrollblock"><article class="entry-main-content" id="article-1"><header>
<{second_heading}>Une Scop reprend la fonderie</{second_heading}></header><p>Les salariés de la fonderie ont
repris leur entreprise sous forme de coopérative, une première dans le département.</p></article></div>"""
    return wordpress_post(posts)


def test_the_next_posts_an_endless_scroll_appends_are_not_the_text():
    art = extract_article(appended_posts(), "https://www.example.fr/2024/01/cae/")
    assert art.provenance["body"] == "cms:wordpress"
    assert "plus de mille nouveaux" in art.body_text
    assert "fonderie" not in art.body_text


def test_article_blocks_inside_the_text_without_their_own_title_stay():
    art = extract_article(appended_posts("h3"), "https://www.example.fr/2024/01/cae/")
    assert "plus de mille nouveaux" in art.body_text and "fonderie" in art.body_text


# ---------------------------------------------------- further information, contacts, labels

FURTHER = """<p><strong>Weitere Informationen:</strong></p><ul>
<li><a href="https://de.wikipedia.org/wiki/Genossenschaft">Wikipedia-Artikel über Genossenschaften</a></li>
<li><a href="/nachruf">Nachruf auf den Gründer des Verbands</a></li></ul>"""
CONTACT = """<p><strong>Kontakt:</strong></p><p>Dr. Anna Beispiel<br>Verband der Genossenschaften<br>
E-Mail: presse@example.org</p><p>Prof. Jan Muster<br>Universität Musterstadt<br>Tel.: 040 123 456</p>"""


def microdata_page(tail: str) -> str:
    return f"""<html><head><title>Genossenschaften</title></head><body><div class="news news-single">
<h1>Genossenschaften wachsen</h1><div class="news-text-wrap" itemprop="articleBody"><p>{P * 2}</p><p>{Q}</p>
{tail}</div></div></body></html>"""


def test_a_further_information_label_with_its_links_and_a_contact_tail_are_not_article_text():
    art = extract_article(microdata_page(FURTHER + CONTACT), "https://www.example.de/news/genossenschaften")
    assert art.provenance["body"] == "microdata:articleBody"
    for line in ("Weitere Informationen", "Wikipedia-Artikel", "Nachruf", "Kontakt:", "Anna Beispiel", "040 123"):
        assert line not in art.body_text
    assert "plus de mille nouveaux" in art.body_text


def test_a_further_information_sentence_and_a_link_list_without_the_label_stay():
    tail = """<p>Weitere Informationen zum Programm gibt die Stadt auf ihrer Website, wo auch die Termine der
    Sprechstunden stehen.</p><ul><li><a href="/a">Die Genossenschaften im Land</a></li>
    <li><a href="/b">Die Vereine im Land</a></li></ul><p>Kontakt: Wer Mitglied werden möchte, schreibt an die
    Geschäftsstelle. Sie antwortet innerhalb einer Woche.</p>"""
    art = extract_article(microdata_page(tail), "https://www.example.de/news/genossenschaften")
    for line in ("Weitere Informationen zum Programm", "Die Genossenschaften im Land", "Wer Mitglied werden"):
        assert line in art.body_text


def test_a_teaser_list_label_alone_on_its_line_is_not_article_text():
    labels = "".join(f"<h3>{label}</h3><p>{P}</p>" for label in
                     ("Mehr zum Thema", "Weitere Artikel zum Thema", "Les plus lus", "Related Articles",
                      "Weitere aktuelle Themen aus der Arbeitswelt"))
    art = extract_article(wordpress_post(f"<p>{Q}</p>{labels}"), "https://www.example.fr/2024/01/cae/")
    for label in ("Mehr zum Thema", "Weitere Artikel", "Les plus lus", "Related Articles", "Weitere aktuelle"):
        assert label not in art.body_text
    sentence = "<p>Mehr zum Thema Genossenschaften steht im Jahresbericht des Verbands.</p>"
    art = extract_article(wordpress_post(f"<p>{P}</p><p>{Q}</p>{sentence}"), "https://www.example.fr/2024/01/cae/")
    assert "Mehr zum Thema Genossenschaften steht" in art.body_text


def test_a_source_credit_line_is_not_article_text_but_a_sentence_about_sources_stays():
    content = f"""<p>{P}</p><p>{Q}</p><p><em>Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin</em></p>
    <p>Source : AFP</p>"""
    art = extract_article(wordpress_post(content), "https://www.example.fr/2024/01/cae/")
    assert "Deutscher Jagdverband" not in art.body_text and "AFP" not in art.body_text
    content = f"""<p>{P}</p><p>{Q}</p><p>Quelle: Die Zahlen stammen aus dem Jahresbericht. Der Verband hat sie am
    Montag veröffentlicht.</p><p>Quelle der Zahlen ist das Statistische Bundesamt.</p>"""
    art = extract_article(wordpress_post(content), "https://www.example.fr/2024/01/cae/")
    assert "Die Zahlen stammen aus dem Jahresbericht" in art.body_text
    assert "Quelle der Zahlen ist das Statistische Bundesamt" in art.body_text


# --------------------------------------------------------------- related lists by their class

def test_a_related_list_classed_in_the_site_s_language_is_not_article_text():
    related = """<div class="saiba-mais saiba-mais-theme3"><h4>Relacionadas</h4><ul>
<li><a href="/noticia/1"><span>Polícia faz operação de combate a sequestros</span></a></li>
<li><a href="/noticia/2"><span>Grupo é preso em Salvador</span></a></li></ul></div>"""
    readable = f'<p class="most-readable">{Q}</p>'
    art = extract_article(microdata_page(related + readable), "https://www.example.com.br/noticia/3")
    assert art.provenance["body"] == "microdata:articleBody"
    assert "Polícia faz operação" not in art.body_text and "Grupo é preso" not in art.body_text
    assert "ces structures offrent un statut" in art.body_text


# ------------------------------------------------------------------------- letters to the editor

def test_the_call_for_readers_letters_is_not_article_text():
    cta = ("<section class='c-letters-cta'><p>We want to hear what you think about this article. Submit a letter "
           "to the editor or write to letters@example.com.</p></section>")
    keep = "<p>The paper printed a letter to the editor from the mayor, who defended the cooperative.</p>"
    art = extract_article(wordpress_post(f"<p>{P}</p><p>{Q}</p>{keep}{cta}"), "https://www.example.com/2024/01/cae/")
    assert "We want to hear" not in art.body_text and "Submit a letter" not in art.body_text
    assert "a letter to the editor from the mayor" in art.body_text
