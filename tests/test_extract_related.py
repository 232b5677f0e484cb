"""Related blocks end at their boundary: empty widgets give nothing, neighbouring "most read",
rubric, footer and social links are not related articles; headings in other languages count."""

from ess_crawler.extract import extract_article

URL = "https://www.example.org/actu/2024/article-courant"
BODY = "".join(f"<p>Paragraphe {i} du texte de l'article, assez long pour compter comme du texte.</p>"
               for i in range(6))


def page(extra: str) -> str:
    return (f"<html><head><title>Article</title></head><body><main><article><h1>Article</h1>"
            f"<div class='texte'>{BODY}</div></article>{extra}</main>"
            "<footer><ul><li><a href='/mentions-legales'>Mentions légales</a></li>"
            "<li><a href='/contact'>Contact</a></li></ul></footer></body></html>")


def urls(html: str) -> list[str]:
    return [r.url for r in extract_article(html, URL).related]


def test_empty_widget_does_not_run_into_the_next_list():
    html = page("<section class='related'><h2>Dans la même rubrique</h2><div class='cards'></div></section>"
                "<section><h2>Les plus lus</h2><ul><li><a href='/actu/lu-1'>Le plus lu des articles</a></li>"
                "<li><a href='/actu/lu-2'>Le deuxième plus lu</a></li></ul></section>")
    assert urls(html) == []


def test_block_keeps_its_articles_and_drops_rubric_more_and_social_links():
    html = page("<aside class='bloc'><p class='block-title'>À lire aussi</p><ul>"
                "<li><a class='cat' href='/actu/'>Actu</a><a href='/actu/premier-article'>Premier article lié</a></li>"
                "<li><a href='/actu/second-article'>Second article lié</a>"
                "<a href='/media/photo.jpg'>Photo</a></li></ul>"
                "<div class='block-footer'><a href='/actus'>Plus d'actus</a>"
                "<a href='https://www.facebook.com/lesite'>Suivez-nous</a></div></aside>")
    assert urls(html) == ["https://www.example.org/actu/premier-article",
                          "https://www.example.org/actu/second-article"]


def test_block_stops_at_a_bold_pseudo_heading():
    html = page("<div><p><strong>Articles liés :</strong></p>"
                "<ul><li><a href='/actu/lie'>Un article lié</a></li></ul>"
                "<p><strong>Liens externes :</strong></p>"
                "<ul><li><a href='https://autre.org/x'>Ailleurs</a></li></ul></div>")
    assert urls(html) == ["https://www.example.org/actu/lie"]


def test_german_and_english_headings():
    html = page("<div class='box'><h3>Das könnte Sie auch interessieren</h3><ul>"
                "<li><a href='/actu/eins'>Erster verwandter Artikel</a></li></ul></div>"
                "<div class='box'><h3>Related Posts</h3>"
                "<ul><li><a href='/actu/two'>A related post here</a></li></ul></div>")
    assert urls(html) == ["https://www.example.org/actu/eins", "https://www.example.org/actu/two"]


def test_more_from_the_magazine_and_related_topics_are_not_related():
    html = page("<div><h4>Weitere Beiträge aus dem Magazin</h4>"
                "<ul><li><a href='/actu/neu'>Neuester Beitrag</a></li></ul></div>"
                "<div><h2>Related Topics</h2><ul><li><a href='/actu/health-topic'>Health</a></li></ul></div>")
    assert urls(html) == []


def test_a_toolbar_beside_the_heading_is_not_an_empty_widget():
    html = page("<div class='secthead'><h2><span>Mehr zum Thema</span></h2><ul class='toolbar' role='toolbar'></ul>"
                "</div><ul class='directory'><li><a href='/actu/eins'>Ein Artikel zum Thema hier</a></li></ul>")
    assert urls(html) == ["https://www.example.org/actu/eins"]


def test_an_article_whose_slug_starts_like_a_service_page_is_kept():
    html = page("<div><h3>Ähnliche Beiträge</h3><ul>"
                "<li><a href='/2015/10/28/ueber-den-charme-von-lachfalten/'>Über den Charme von Lachfalten</a></li>"
                "<li><a href='/ueber-uns/'>Über uns</a></li></ul></div>")
    assert urls(html) == ["https://www.example.org/2015/10/28/ueber-den-charme-von-lachfalten/"]


def test_block_ends_before_a_sibling_section_with_its_own_heading():
    # the related list and the "most read" widget are siblings; the widget's heading is
    # inside its wrapper, not a sibling of the related heading
    html = page("<div class='col'><h3>À lire aussi</h3>"
                "<ul><li><a href='/actu/lie-1'>Premier article lié</a></li>"
                "<li><a href='/actu/lie-2'>Second article lié</a></li></ul>"
                "<div class='widget-box'><h3>Les plus lus</h3><ol>"
                "<li><a href='/actu/lu-1'>Article le plus lu</a></li>"
                "<li><a href='/actu/lu-2'>Deuxième article le plus lu</a></li></ol></div>"
                "<div class='widget-box'><div class='head'><h4>Derniers articles</h4></div><ul>"
                "<li><a href='/actu/dernier'>Dernier article paru</a></li></ul></div></div>")
    assert urls(html) == ["https://www.example.org/actu/lie-1", "https://www.example.org/actu/lie-2"]


def test_heading_wrapper_with_an_empty_body_does_not_run_into_the_latest_list():
    html = page("<div class='sidebar-col'><section class='rel'><div class='hd'><h3>Sur le même sujet</h3></div>"
                "<div class='items'></div></section>"
                "<section class='latest'><ul><li><a href='/actu/dernier-1'>Dernier article un</a></li>"
                "<li><a href='/actu/dernier-2'>Dernier article deux</a></li></ul></section></div>")
    assert urls(html) == []


def test_cards_with_linked_titles_stay_in_the_block():
    html = page("<section><h2>Articles similaires</h2>"
                "<div class='grid'><div class='card'><h3><a href='/actu/carte-1'>Première carte liée</a></h3>"
                "<p>Un résumé assez long de la première carte liée.</p></div>"
                "<div class='card'><h3><a href='/actu/carte-2'>Deuxième carte liée</a></h3></div></div></section>")
    assert urls(html) == ["https://www.example.org/actu/carte-1", "https://www.example.org/actu/carte-2"]


def test_only_the_sites_own_articles_are_related():
    """External references under "Pour aller plus loin", a profile page and a vote count linking
    the same question are not related articles; a sister section of the same site is."""
    html = page("<div class='box'><h3>Pour aller plus loin</h3><ul>"
                "<li><a href='https://www.revue-projet.com/debat'>Savons-nous encore débattre ?</a></li>"
                "<li><a href='https://sport.example.org/actu/match'>Le match des coopératives</a></li>"
                "<li><a href='/profile/jean.dupont'>Jean Dupont</a></li>"
                "<li><a href='/q/22566'>23</a> <a href='/questions/22566/un-article-lie'>Un article lié</a></li>"
                "</ul></div>")
    assert urls(html) == ["https://sport.example.org/actu/match", "https://www.example.org/questions/22566/un-article-lie"]


def test_a_page_saved_under_another_address_keeps_its_sites_links():
    """A mirror or a saved copy: the site is the one the page's own links go to."""
    html = page("<div class='box'><h3>À lire aussi</h3><ul>"
                "<li><a href='https://www.cress.fr/actu/un'>Premier article lié</a></li>"
                "<li><a href='https://www.cress.fr/actu/deux'>Second article lié</a></li>"
                "<li><a href='https://www.ailleurs.fr/x'>Un article d'ailleurs</a></li></ul></div>"
                "<nav><a href='https://www.cress.fr/'>Accueil</a><a href='https://www.cress.fr/agenda'>Agenda</a></nav>")
    related = extract_article(html, "http://127.0.0.1:8000/saved.html").related
    assert [r.url for r in related] == ["https://www.cress.fr/actu/un", "https://www.cress.fr/actu/deux"]


# --- holdout2 failure classes (benchmarks/devset/related.json, "split": "holdout2") ---

def test_editors_and_authors_recommendations_and_related_wordings():
    # Le Figaro group "La rédaction vous conseille", Swiss Tamedia "Articles en relation" /
    # "Sur ce thème" (each teaser a div.relatedArticle), Boston Globe "In Related News",
    # Portuguese "Veja também": all name a related block. The "Les dernières news" column right
    # after "Sur ce thème", whose teasers carry the same class, stays out.
    html = page("<div class='redac-conseil'><h3>La rédaction vous conseille :</h3><ul class='lien-liste'>"
                "<li><a href='/actu/conseil-1'>Un article conseillé par la rédaction</a></li></ul></div>"
                "<div class='col'><h4>Articles en relation</h4>"
                "<div class='relatedArticle'><h5><a href='/actu/relation-1'>Un article en relation</a></h5></div></div>"
                "<div class='relatedThema'><h4 class='contextBoxTitle'>Sur ce thème</h4>"
                "<div class='relatedArticle'><a href='/actu/theme-1'>Un article du même thème</a></div>"
                "<h4 class='contextBoxTitle'>Les dernières news</h4>"
                "<div class='relatedArticle'><a href='/actu/derniere-1'>La dernière dépêche du jour</a></div></div>"
                "<section class='o-featured-content'><header><h3>In Related News</h3></header>"
                "<a href='/actu/related-news-1'>A story in related news</a></section>"
                "<div class='c-view-more'><div class='c-title-04'>Veja Também:</div>"
                "<ul><li><a href='/actu/veja-1'>Uma matéria relacionada</a></li></ul></div>")
    assert urls(html) == ["https://www.example.org/actu/conseil-1", "https://www.example.org/actu/relation-1",
                          "https://www.example.org/actu/theme-1", "https://www.example.org/actu/related-news-1",
                          "https://www.example.org/actu/veja-1"]


def test_a_most_read_list_beside_a_recommendation_block_stays_out():
    html = page("<div class='node bloc-recommande'><div class='bloc-head'><div class='bloc-head_title'>"
                "L'auteur vous recommande</div></div><ul>"
                "<li><div class='article-snippet_title'><a href='/actu/reco-1'>Un article recommandé</a></div></li>"
                "</ul></div>"
                "<div class='node'><div class='bloc-head'>"
                "<div class='bloc-head_title'>Articles les plus lus</div></div>"
                "<ul><li><a href='/actu/lu-1'>Le plus lu des articles</a></li></ul></div>")
    assert urls(html) == ["https://www.example.org/actu/reco-1"]


def test_a_box_title_classed_head_names_its_block():
    # Focus-style boxes: <div class="boxhead">Zum Thema</div> / "Lesen Sie auch"; the "Top Artikel"
    # box after them (div.popularArticles, its own boxhead) is not related.
    html = page("<div class='teaserList3x1'><div class='boxhead'>Zum Thema</div><div>"
                "<a href='/actu/thema-1'><div class='teaserItem'><h3>Auto</h3><h4>Ein Artikel zum Thema</h4></div></a>"
                "</div></div>"
                "<div class='popularArticles'><div class='boxhead'>Top Artikel und Videos</div>"
                "<a href='/actu/top-1'>Der meistgelesene Artikel</a></div>")
    assert urls(html) == ["https://www.example.org/actu/thema-1"]


def test_block_ends_before_a_sibling_list_with_a_title_element_of_its_own():
    # A "Relacionadas" grid followed, among the same siblings, by a slider whose title is a
    # title-classed element (here a link with an empty href): the slider is a list of its own.
    html = page("<div class='titulo-responsivo'><div class='titulo-responsivo--title'>Relacionadas</div></div>"
                "<div class='grid'><div class='chamada'><a href='/actu/relacionada-1'>"
                "<h3 class='chamada__title'>Uma notícia relacionada</h3></a></div></div>"
                "<div class='slider'><div class='slider__header'><a href='' class='slider__title'>Especiais</a></div>"
                "<a href='/agenda/' class='slider__item__link'>Agenda Bahia</a>"
                "<a href='/especial-casa/' class='slider__item__link'>Casacor</a></div>")
    assert urls(html) == ["https://www.example.org/actu/relacionada-1"]


# --- holdout2, second round: inline labels, labels inside the link, class-named blocks,
# "Más información", linked rubric headings, duplicates ---

def test_inline_read_more_lines_are_related_links():
    # Reach plc "<p><b>Read more: <a>..</a></b></p>", Metro "<span class='mor-link'>MORE : <a>..</a></span>",
    # and a French "Lire aussi :" line; a label word inside a sentence with a link further on is not one
    html = page("<div class='article-body'><p><b>Read more: <a href='/actu/signs-condemned'>"
                "Offensive signs erected in south Belfast condemned</a></b></p>"
                "<p><span class='mor-link'>MORE : <a href='/actu/storm-tracker'>Storm tracker shows how the storm"
                " will rip through</a></span></p>"
                "<p>Lire aussi : <a href='/actu/cooperative'>Une coopérative ouvre son capital</a></p>"
                "<p>Read more: the council said on Monday that <a href='/actu/in-sentence'>the new plan for the"
                " housing</a> would be published in spring.</p></div>")
    assert urls(html) == ["https://www.example.org/actu/signs-condemned", "https://www.example.org/actu/storm-tracker",
                          "https://www.example.org/actu/cooperative"]


def test_a_label_inside_the_cards_own_link():
    # Infobae (Arc) inline cards: <a class="recommended-card"><span>Te puede interesar:</span><span>Title</span></a>;
    # a card whose first text is a category, not a label, is not related
    html = page("<a class='recommended-card' href='/actu/rehenes'><div class='img'></div><div class='info'>"
                "<span class='interest-you'>Te puede interesar:</span><span class='info-title'>Israel advirtió que"
                " la guerra terminará pronto</span></div></a>"
                "<a class='card' href='/actu/otra'><div><span class='kicker'>Mundo</span>"
                "<span>Una noticia cualquiera del día</span></div></a>")
    related = extract_article(html, URL).related
    assert [r.url for r in related] == ["https://www.example.org/actu/rehenes"]
    assert related[0].title == "Israel advirtió que la guerra terminará pronto"


def test_blocks_named_related_by_class_alone():
    # CORRECTIV div.list--related (teasers whose only link is "weiterlesen"), Dotdash div.related-link;
    # a related-tags list, a sidebar "recent posts" widget classed related-posts-extended and a
    # related-classed list headed "Latest" are not related blocks
    html = page("<div class='list list--related'><div class='list__item'><header class='list__header'>"
                "<h2 class='tertiary-title'>Schwarzmarkt droht weiter zu bestehen</h2></header>"
                "<div class='list__bar'><a class='list__more' href='/actu/schwarzmarkt'><span>weiterlesen</span></a>"
                "</div></div></div>"
                "<div class='comp related-link'><a href='/actu/good-bones'>Mina Starsiak Hawk and her mom were"
                " very different</a></div>"
                "<ul class='related-tags'><li><a href='/actu/cannabis-dossier'>Cannabis dossier page</a></li></ul>"
                "<div id='article_sidebar'><div class='mag_teaser_widget related-posts-extended'>"
                "<a href='/actu/magazin'>Das neue Heft ist da</a></div></div>"
                "<section class='listing listing--related'><span class='listing__title'>Latest</span><ul>"
                "<li><a href='/actu/latest-1'>The latest story of the day</a></li>"
                "<li><a href='/actu/latest-2'>Another latest story here</a></li></ul></section>")
    related = extract_article(html, URL).related
    assert [r.url for r in related] == ["https://www.example.org/actu/schwarzmarkt",
                                        "https://www.example.org/actu/good-bones"]
    assert related[0].title == "Schwarzmarkt droht weiter zu bestehen"


def test_a_related_classed_container_adds_its_other_lists_but_not_a_latest_list():
    # phys.org section.news-related: "Related Stories" then "Recommended for you" slides; Tamedia
    # "Sur ce thème" then teasers classed relatedArticle under "Les dernières news"
    html = page("<section class='news-related'><ul><li><h2>Related Stories</h2>"
                "<a href='/actu/story-1'>A first related story</a></li>"
                "<li><h2>Recommended for you</h2><a href='/actu/reco-1'>A recommended story here</a></li>"
                "</ul></section>"
                "<div class='box'><h4 class='contextBoxTitle'>Sur ce thème</h4><div class='relatedArticle'>"
                "<h5><a href='/actu/theme-1'>Un article du même thème</a></h5></div></div>"
                "<div class='theNewest'><h4 class='contextBoxTitle'>Les dernières news <a href='/suisse/'>Suisse</a>"
                "</h4><div class='relatedArticle'><h5><a href='/actu/news-1'>La dernière dépêche du jour</a></h5>"
                "</div></div>")
    # the class-named remainder comes after the headed blocks
    assert urls(html) == ["https://www.example.org/actu/story-1", "https://www.example.org/actu/theme-1",
                          "https://www.example.org/actu/reco-1"]


def test_mas_informacion_heading():
    # El País section.articulo-apoyos; a "Más información >" link (the trust page) is no heading
    html = page("<a class='trust-mas' href='/estaticos/codigo-etico/'>Más información ></a>"
                "<section class='articulo-apoyos'><header><h3><span>Más información</span></h3></header>"
                "<ul><li><a href='/actu/antartida'>Especial Antártida: viaje a las entrañas</a></li></ul></section>")
    assert urls(html) == ["https://www.example.org/actu/antartida"]


def test_a_linked_heading_names_its_rubric_list():
    # "MÁS DE SOCIEDAD" linking to the article's own rubric is the same-rubric block; Nexstar's
    # "More Stories" linking to the whole news list (wire news from other rubrics) is not
    url = "https://www.example.org/sociedad/el-ano-de-las-evaluaciones/"
    html = ("<html><body><article><h1>Article</h1>" + BODY + "</article>"
            "<section class='more-of-section'><div class='block-title'><a href='/sociedad/'><span>MÁS DE</span> "
            "<span class='section-name'>SOCIEDAD</span></a></div><div class='ccard'>"
            "<h2><a href='/sociedad/el-mendocino'>El mendocino que suma su ayuda</a></h2></div></section>"
            "<aside class='post-more-stories'><h2><a href='/news'>More Stories</a></h2>"
            "<div><h3><a href='/news/national/ap-vatican'>Vatican steps closer</a></h3></div></aside></body></html>")
    assert [r.url for r in extract_article(html, url).related] == ["https://www.example.org/sociedad/el-mendocino"]
    html2 = html.replace("href='/sociedad/'", "href='/deportes/'")
    assert [r.url for r in extract_article(html2, url).related] == []


def test_a_block_served_twice_gives_each_article_once():
    html = page("<div class='mobile'><h3>À lire aussi</h3><ul><li><a href='/actu/un'>Premier article lié</a></li>"
                "</ul></div><div class='desktop'><h3>À lire aussi</h3><ul><li><a href='/actu/un'>Premier article"
                " lié</a></li><li><a href='/actu/deux'>Second article lié</a></li></ul></div>")
    assert urls(html) == ["https://www.example.org/actu/un", "https://www.example.org/actu/deux"]


def test_headings_in_polish_finnish_indonesian_dutch_and_czech():
    html = page("".join(f"<div><h3>{h}</h3><ul><li><a href='/actu/{i}'>Un article lié numéro {i}</a></li></ul></div>"
                        for i, h in enumerate(["Czytaj także", "Lue myös", "Berita Terkait", "Lees ook",
                                               "Související články"])))
    assert urls(html) == [f"https://www.example.org/actu/{i}" for i in range(5)]


def test_more_stories_you_may_have_missed_is_a_recirculation_grid():
    html = page("<div><h2>More stories you may have missed</h2><div class='item'>"
                "<a href='/actu/autre'>Une autre histoire du site</a></div></div>")
    assert urls(html) == []


def test_a_label_in_the_links_own_text_on_a_line_of_its_own():
    html = page("<p><strong><a href='/actu/vu'>SEE ALSO: The candidates reassess their stance</a></strong></p>"
                "<p>Texte courant <a href='/actu/cite'>RELATED: a link in a sentence</a> qui continue.</p>"
                "<section><div><a href='/actu/carte'><div><h3>MORE: Is this the card's own title</h3><p></p>"
                "</div></a></div></section>")
    article = extract_article(html, URL)
    assert [(r.url, r.title, r.heading) for r in article.related] == [
        ("https://www.example.org/actu/vu", "The candidates reassess their stance", "SEE ALSO"),
        ("https://www.example.org/actu/carte", "Is this the card's own title", "MORE")]


def test_a_label_then_a_line_break_then_its_link():
    html = page("<p><span class='relation'><em>Czytaj też:</em><br><a href='/actu/region'>"
                "<strong>Ten region zanotował najniższe bezrobocie</strong></a></span></p>"
                "<p><strong>Lea:\u00a0<a href='/actu/oea'>Consejo Permanente aborda la confiscación</a></strong></p>")
    assert urls(html) == ["https://www.example.org/actu/region", "https://www.example.org/actu/oea"]


def test_linked_card_titles_after_a_heading_are_the_block_not_its_end():
    html = page("<div class='box'><h3><span>Berita Terkait</span></h3>"
                "<h4 class='box__title'><a href='/actu/un'>Premier article de la boîte</a></h4>"
                "<h4 class='box__title'><a href='/actu/deux'>Second article de la boîte</a></h4></div>"
                "<div class='grid'><div class='grid__label'>WHATS NEW</div>"
                "<a href='/actu/nouveau'>Le plus récent</a></div>")
    assert urls(html) == ["https://www.example.org/actu/un", "https://www.example.org/actu/deux"]


def test_related_boxes_in_the_text_after_its_subheadings():
    box = ("<div class='related-stories'><h5> </h5><article><h6><a class='kicker' href='/actu/'>Actu</a></h6>"
           "<h3><a href='/actu/{0}'>Un article lié numéro {0}</a></h3></article></div>")
    text = ("<h2>Un intertitre de l'article</h2>" + BODY[:200].replace("Paragraphe", "Un paragraphe") * 2)
    html = page(f"<div class='story'>{text}<p>{'Du texte courant. ' * 12}</p>{box.format(1)}"
                f"<p>{'Encore du texte. ' * 12}</p>{box.format(2)}</div>")
    assert urls(html) == ["https://www.example.org/actu/1", "https://www.example.org/actu/2"]


def card(slug: str, inner: str = "") -> str:
    return f"<li class='card'>{inner}<a href='/actu/{slug}'>Un article du site, {slug}</a></li>"


def test_sponsored_cards_are_not_related_but_a_paywall_badge_is_no_sponsor():
    html = page("<div class='box'><h3>À lire aussi</h3><ul>"
                + card("lie") + card("pub", "<span class='kicker'>Anzeige</span>")
                + card("partenaire", "<p>Eine Kooperation von Springer Medizin und Pfizer</p>")
                + card("marque", "<span class='teaser__sponsored-label'>Partner</span>")
                + card("abonnes", "<span class='pdb-parts-paidcontent-badge'>Politik</span>") + "</ul></div>")
    assert urls(html) == ["https://www.example.org/actu/lie", "https://www.example.org/actu/abonnes"]


def test_documents_home_pages_see_all_buttons_and_ad_campaigns_are_not_related():
    html = page("<div class='box'><h3>Articles liés</h3><ul>" + card("lie")
                + "<li><a href='/files/communique.pdf'>Le communiqué en PDF</a></li>"
                + "<li><a href='https://docs.example.org/'>La documentation du site</a></li>"
                + "<li><a class='button' href='/termine'>Alle Termine</a></li>"
                + "<li><a href='/pdf/numero-12?utm_campaign=Inline-Ad'>Notre numéro spécial</a></li></ul></div>")
    assert urls(html) == ["https://www.example.org/actu/lie"]


def test_a_related_classed_list_titled_by_a_link_to_another_page_is_that_pages_list():
    slider = ("<section class='slider-related'><h4><a href='{href}'>Das könnte Sie auch interessieren</a></h4>"
              "<div>" + card("neu-1") + card("neu-2") + "</div></section>")
    assert urls(page(slider.format(href="/heute-neu"))) == []
    assert urls(page(slider.format(href="/actu/2024"))) == ["https://www.example.org/actu/neu-1",
                                                            "https://www.example.org/actu/neu-2"]


def test_a_related_classed_wrapper_of_lists_with_headings_of_their_own():
    html = page("<div class='related-content'><p class='h1'>Aktuelle Meldungen</p><div class='news'>"
                + card("meldung-1") + card("meldung-2") + "</div><p class='h1'>Termine</p></div>")
    assert urls(html) == []


def test_a_related_wording_as_the_first_child_of_a_card_link_alone_on_its_line():
    html = page("<div class='inline'><a href='/actu/banshee'><div class='cta'>Lea también</div>"
                "<div class='post'>Banshee se perdió en el Tricentenario</div></a></div>"
                "<ul><li><a class='more-from' href='/actu/livre'><strong>SEE ALSO</strong>: A new book explores "
                "the brand</a></li></ul>")
    article = extract_article(html, URL)
    assert [(r.url, r.title) for r in article.related] == [
        ("https://www.example.org/actu/banshee", "Banshee se perdió en el Tricentenario"),
        ("https://www.example.org/actu/livre", "A new book explores the brand")]


def test_a_heading_naming_no_topic_over_a_list_not_classed_related_is_a_latest_list():
    items = card("neu-1", "<span class='byline'>Par Jeanne Autre</span>") + card("neu-2")
    latest = extract_article(page(f"<section><h2>Weitere Artikel</h2><ul>{items}</ul></section>"), URL)
    assert latest.related == [] and "Jeanne Autre" not in latest.authors
    classed = page(f"<section class='related-posts'><h2>Weitere Artikel</h2><ul>{items}</ul></section>")
    assert urls(classed) == ["https://www.example.org/actu/neu-1", "https://www.example.org/actu/neu-2"]
    topical = page(f"<section><h2>Weitere Artikel zum Thema</h2><ul>{items}</ul></section>")
    assert urls(topical) == ["https://www.example.org/actu/neu-1", "https://www.example.org/actu/neu-2"]


def test_a_related_classed_block_keeps_its_own_wording_unless_it_names_a_feed():
    items = card("eins") + card("zwei")
    assert urls(page(f"<div class='teaser-list--related'><h2>Erfahre mehr</h2><ul>{items}</ul></div>")) == [
        "https://www.example.org/actu/eins", "https://www.example.org/actu/zwei"]
    assert urls(page(f"<div class='related-content'><h2>Aktuelle Meldungen</h2><ul>{items}</ul></div>")) == []


def test_a_layout_wrapper_named_for_its_sidebar_is_no_sidebar():
    html = (f"<html><body class='single right-sidebar'><div class='wrap sidebar-right'><article><h1>Article</h1>"
            f"<div class='texte'>{BODY}</div></article><div class='nv-related-posts'><h3>Das könnte dich auch "
            f"interessieren</h3><ul>{card('eins')}</ul></div></div><aside class='sidebar'><div class='related'>"
            f"<ul>{card('seitenleiste')}</ul></div></aside></body></html>")
    assert urls(html) == ["https://www.example.org/actu/eins"]


def test_an_empty_jetpack_widget_does_not_climb_into_the_next_post_links():
    html = page("<div id='jp-relatedposts' class='jp-relatedposts'><h3 class='jp-relatedposts-headline'>Related"
                "</h3></div><div class='prevnext'><a href='/actu/precedent'>Le billet précédent du site</a></div>")
    assert urls(html) == []


def test_the_related_lists_of_the_next_pieces_of_an_endless_scroll_are_theirs():
    piece = ("<article id='article-{0}'><h1>Pieza {0}</h1><p>{1}</p><section class='related-carousel'>"
             "<h3>Leé también</h3><ul>" + card("lista-{0}") + "</ul></section></article>")
    html = (f"<html><body><article class='post'>{piece.format(0, BODY)}{piece.format(1, BODY)}</article>"
            "</body></html>")
    assert urls(html) == ["https://www.example.org/actu/lista-0"]


# --- holdout4 and the fourth audit: wordings, labels in headings and quotes, styles in a card,
# unlinked rubric headings, latest lists classed related, table layouts, same-topic classes ---

def test_schon_gelesen_siehe_auch_and_ahnliche_nachrichten():
    # WordPress embeds after "Schon gelesen?"; "Siehe auch:" then a list, its "Weblinks" list apart;
    # TYPO3 tx_news "Ähnliche Nachrichten" (an h3 then div.news-related)
    html = page("<div class='text'><p><strong>Schon gelesen?</strong></p>"
                "<blockquote class='wp-embedded-content'><p><a href='/actu/piloten-italien'>Luftwaffe lässt Piloten"
                " in Italien ausbilden</a></p></blockquote>"
                "<p><iframe class='wp-embedded-content' src='about:blank'></iframe></p>"
                "<p><strong>Siehe auch:</strong></p><ul><li><a href='/actu/fernausloeser'>Programmierbarer"
                " Fernauslöser für Digitalkameras</a></li></ul>"
                "<p><strong>Weblinks</strong></p><ul><li><a href='/actu/weblink'>Eine Bibliothek für Arduino</a>"
                "</li></ul></div>"
                "<div class='col-xs-12'><h3> Ähnliche Nachrichten </h3><div class='news-related-inner news-related"
                " clearfix'><ul><li><span class='news-related-news-date'>11.11.2021</span>"
                "<a href='/actu/synodentagung'>EKBO-Synodentagung in Berlin wird fortgesetzt</a></li></ul></div></div>")
    assert urls(html) == ["https://www.example.org/actu/piloten-italien",
                          "https://www.example.org/actu/fernausloeser",
                          "https://www.example.org/actu/synodentagung"]


def test_a_heading_alone_in_a_sidebar_widget_does_not_take_the_next_widgets():
    # a theme's sidebar: "Schon gelesen?" alone in a widget, the site's picks in the widgets after it
    html = page("<aside class='sidebar'><div id='block-6' class='widget widget_block'><h4>Schon gelesen?</h4></div>"
                "<div id='block-19' class='widget widget_block widget_media_image'><figure>"
                "<a href='/actu/neon'><img src='/neon.jpg'></a><figcaption><a href='/actu/neon'>Besser als je zuvor:"
                " the new neon</a></figcaption></figure></div></aside>")
    assert urls(html) == []


def test_this_topic_over_time_and_more_releases_of_this_association():
    html = page("<div class='section'><div class='section-header section-header-default'>"
                "<h2 class='section-header-title'>Dieses Thema im Zeitverlauf</h2></div>"
                "<ul class='grid-list alice-teaser-list'><li class='alice-teaser-list-item'>"
                "<article class='alice-teaser'>"
                "<a class='alice-teaser-link' href='/actu/chrome-startseite'><h3 class='alice-teaser-title'>Chrome:"
                " Startseite festlegen – so geht's</h3></a></article></li></ul></div>"
                "<div class='weitere-block'><h4>Weitere Pressemitteilungen dieses Verbands</h4><ul><li>"
                "<time datetime='2022-08-10 11:05'>10.08.2022 11:05</time><a href='/actu/haus-leisten'>"
                "<strong>Wieviel Haus kann ich mir (noch) leisten?</strong></a></li></ul></div>")
    assert urls(html) == ["https://www.example.org/actu/chrome-startseite", "https://www.example.org/actu/haus-leisten"]


def test_a_ecouter_aussi_box_gives_its_episode_not_its_show():
    # France Culture aside.bounce: the show's link, then the episode's
    html = page("<aside class='bounce with-image'><span class='bounce-title'> À ÉCOUTER AUSSI </span>"
                "<div class='bounce-content'><div class='bounce-informations'><a href='/emissions/lsd'>"
                "<span class='bounce-pre-title'>LSD, La série documentaire</span></a><div class='bounce-label'>"
                "<span class='bounce-link-title'><a href='/emissions/lsd/oser-prendre-la-parole'><span>Oser prendre"
                " la parole (2/4) : A la tribune je monterai</span></a></span></div></div></div></aside>")
    assert urls(html) == ["https://www.example.org/emissions/lsd/oser-prendre-la-parole"]


def test_mehr_lesen_and_mehr_themen_only_as_labels_with_a_colon():
    # "Mehr lesen:" over two paragraphs of links at the end of the text (not "Mehr lesen über:", a tag
    # list, nor a "Mehr lesen" button); "Mehr Themen:" as the text's last bold line (not "Weitere Themen")
    html = page("<div class='att-body'><h3>Mehr lesen:&nbsp;</h3><p><a href='/actu/kohlmann'>Kohlmann: Als nächstes"
                " gewinnen wir den Davis Cup</a></p><p><a href='/actu/nachwuchs'>DTB nominiert Porsche"
                " Nachwuchsteams</a></p></div>"
                "<div><h3>Mehr lesen über:</h3><ul><li><a href='/actu/davis-cup'>Davis Cup der Herren</a></li>"
                "</ul></div>"
                "<div class='teaser'><h3>Ein Teaser im Text</h3><p><span>Mehr lesen</span></p>"
                "<ul><li><a href='/actu/teaser'>Der Artikel des Teasers hier</a></li></ul></div>"
                "<div><div class='body'><p><strong>Mehr Themen:</strong></p></div></div>"
                "<div class='paragraphs-item-article-list'><article class='node--teaser'><a href='/actu/selbstzweifel'>"
                "<h2>Keine Angst vorm Scheitern: so überwindest du Selbstzweifel</h2></a></article></div>"
                "<div><h2>Weitere Themen</h2><ul><li><a href='/actu/top'>Eine Topmeldung des Tages</a></li></ul></div>")
    assert urls(html) == ["https://www.example.org/actu/kohlmann", "https://www.example.org/actu/nachwuchs",
                          "https://www.example.org/actu/selbstzweifel"]


def test_przeczytaj_rowniez_keeps_a_two_word_title_its_slug_repeats():
    # liberte.pl: h2.headline > span, then article cards; "Pandemia trwa" at /pandemia-trwa/ is an
    # article, the author link under /autorin/ and a two-word rubric under a folder are not
    html = page("<div id='anchor-link-2'><h2 class='headline'><span>Przeczytaj również</span></h2><div class='row'>"
                "<div class='columns'><article class='entry'><h3><a class='black' href='/pandemia-trwa/'>Pandemia"
                " trwa</a></h3><a href='/autorin/leszek-jan-jazdzewski'>Leszek Jan Jażdżewski</a></article>"
                "<article class='entry'><h3><a class='black' href='/lewica-we-wlasnym-piekle/'>Lewica we własnym"
                " piekle</a></h3><a href='/polityka/nowa-lewica'>Nowa lewica</a></article></div></div></div>")
    assert urls(html) == ["https://www.example.org/pandemia-trwa/", "https://www.example.org/lewica-we-wlasnym-piekle/"]


def test_spanish_and_english_labels_in_headings_quotes_and_links():
    # Soy502 <h3>MIRA: <a>; Día a Día <h6><strong>Mire: </strong><a>; La República <blockquote><b>PUEDES VER:
    # </b><a>; The Atlantic <p class="c-recirculation-link"><a>Read: Title</a></p>
    html = page("<div class='body'><h3>MIRA:&nbsp;<a href='/actu/madre-captura'>Madre se acerca a la captura de su"
                " hijo y termina detenida</a></h3>"
                "<h6><strong>Mire: </strong><a href='/actu/guerra-covid'>El cantante Juan Luis Guerra da positivo</a>"
                "</h6><blockquote><b>PUEDES VER: </b><a class='interlinking-contenido-del-cuerpo'"
                " href='/actu/certificado'>¿Cómo sacar mi certificado de estudios en línea?</a></blockquote>"
                "<p class='c-recirculation-link'><a href='/actu/two-disasters'>Read: Two disasters are exponentially"
                " worse than one</a></p></div>")
    related = extract_article(html, URL).related  # (labels inside the link first, then labelled lines)
    assert [r.url for r in related] == ["https://www.example.org/actu/two-disasters",
                                        "https://www.example.org/actu/madre-captura",
                                        "https://www.example.org/actu/guerra-covid",
                                        "https://www.example.org/actu/certificado"]
    assert related[0].title == "Two disasters are exponentially worse than one"


def test_a_cards_style_and_comments_are_no_label_nor_title():
    # Inline Related Posts: the card's link opens with a comment and its CSS, then "Lea también"
    html = page("<div style='clear:both'><a href='/actu/banshee' class='IRPP_kangoo'>"
                "<!-- INLINE RELATED POSTS 1/2 //-->"
                "<style> .IRPP_kangoo , .IRPP_kangoo .postImageUrl { min-height: 100px; } </style>"
                "<div class='postImageUrl'><div class='impImage'></div></div><div class='centered-text-area'>"
                "<div class='centered-text'><div class='IRPP_kangoo-content'><div class='ctaText'>Lea también</div>"
                "<div class='postTitle'>\"Banshee\" se perdió en Tricentenario</div></div></div></div></a></div>")
    related = extract_article(html, URL).related
    assert [r.url for r in related] == ["https://www.example.org/actu/banshee"]
    assert related[0].title == "\"Banshee\" se perdió en Tricentenario"


def rubric_page(head: str, extra: str) -> str:
    return (f"<html><head><title>Article</title>{head}</head><body><main><article><h1>Article</h1>"
            f"<div class='texte'>{BODY}</div></article></main>{extra}</body></html>")


def more_news(heading: str) -> str:
    # MNG Media's div.more-news: each card's h3 opens with its rubric link ("Preps |")
    return (f"<div class='more-news'><h2 class='widget-title'>{heading}</h2><ul><li><article class='more-posts-view'>"
            "<figure><a href='https://www.example.org/2023/11/01/playoffs-preview/'></a></figure>"
            "<h3><a class='rubric' href='https://www.example.org/sports/colorado-preps/'>Preps | </a>"
            "<a href='https://www.example.org/2023/11/01/playoffs-preview/'>Colorado high school football playoffs"
            " primer</a></h3></article></li></ul></div>")


def test_an_unlinked_more_in_heading_naming_the_articles_own_section():
    url = "https://www.example.org/2023/11/08/colorado-playoffs-second-weekend/"
    head = "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"articleSection\": \"Preps\"}</script>"
    html = rubric_page(head, more_news("More in Preps"))
    assert [r.url for r in extract_article(html, url).related] == [
        "https://www.example.org/2023/11/01/playoffs-preview/"]
    # another section's list, or one named for the site, is not the article's
    assert extract_article(rubric_page(head, more_news("More in Politics")), url).related == []
    assert extract_article(rubric_page(head, more_news("More from News 4 Buffalo")), url).related == []


def test_also_in_the_rubric_the_articles_url_lies_in():
    # Foundation "Also in Food & Drink" on a page naming no section: the rubric known by the page's
    # link to /food-drink, the folder the article lies in
    url = "https://www.example.org/food-drink/mezcal-restaurant-34565910"
    html = rubric_page("", "<nav class='menu'><a href='/food-drink'>Food &amp; Drink</a></nav>"
                           "<div class='fdn-component-header-block'><h3 class='fdn-component-header-text'> Also in"
                           " Food &amp; Drink </h3></div><div class='pres-ContentTile'>"
                           "<a href='/food-drink/turkey-34558151'><p class='fdn-teaser-headline'>Talking (what else?)"
                           " turkey</p></a></div>")
    assert [r.url for r in extract_article(html, url).related] == ["https://www.example.org/food-drink/turkey-34558151"]
    assert extract_article(html, "https://www.example.org/music/mezcal-band-34565910").related == []


def test_mehr_zu_then_the_articles_topic_in_the_next_heading():
    # kath.net <h2>Mehr zu</h2><h3>topic</h3><ol>, the topic in og:tag; a product box "Mehr zu <a>Topic</a>:"
    # holding the topic's rubric links is not one
    html = rubric_page("<meta property='og:tag' content='Benedikt XVI. - Licht des Glaubens'>",
                       "<table><tr><td><h2>Mehr zu</h2><h3>Benedikt XVI. - Licht des Glaubens</h3><ol>"
                       "<li class='top10'><a href='/news/76776'>Martin von Tours – nichts anderes als Christus</a>"
                       "</li></ol></td></tr></table>"
                       "<div class='product-box-related-content'><span class='product-box-fact-label'>Mehr zu "
                       "<a href='/benedikt/'>Benedikt XVI. - Licht des Glaubens</a>:</span>"
                       "<a href='/benedikt/gallery/'>Galerien und Bilder</a></div>")
    related = extract_article(html, URL).related
    assert [(r.url, r.heading) for r in related] == [
        ("https://www.example.org/news/76776", "Mehr zu Benedikt XVI. - Licht des Glaubens")]


def test_also_on_the_sites_own_name():
    html = page("<div class='text'><h2 class='intertitre'>Auch auf example.org</h2><p class='standard'>"
                "<a href='/actu/nicht-ab'>Warum nehme ich nicht ab? 4 mögliche Gründe</a><br><br>"
                "<a href='/actu/home-gym'>Home Gym: So gelingt das Workout</a></p></div>"
                "<div><h2>Auch auf anderen Seiten</h2><ul><li><a href='/actu/andere'>Ein Artikel einer anderen"
                " Seite</a></li></ul></div>")
    assert urls(html) == ["https://www.example.org/actu/nicht-ab", "https://www.example.org/actu/home-gym"]


def test_a_latest_list_classed_related_is_not_the_related_block():
    # nationnews: div.block.related-posts labelled by a bare "RELATED NEWS", a share widget first in each
    # block; its sibling div.block.related-posts.latest-plublish-posts is "LAST NEWS"
    share = ("<div class='overlay_share_icons'><section class='widget widget_social_share_widget'>"
             "<h2 class='widget-title'>Social Share</h2><div class='social-share-block'>"
             "<a href='http://www.facebook.com/sharer/sharer.php?u=x' class='social-share-link'></a></div></section>"
             "</div>")
    html = page(f"<div class='block line-news related-posts'><div class='mrkt bold'><i class='fa'></i>RELATED NEWS"
                f"<div class='arr-down'></div></div><div class='row'>{share}<h4><a href='/actu/port-staff'>Port staff"
                f" off the job</a></h4></div></div>"
                f"<div class='block related-posts latest-plublish-posts'><div class='mrkt bold'><i class='fa'></i>"
                f"LAST NEWS <div class='arr-down'></div></div><div class='row'>{share}<h4><a href='/actu/latest'>"
                f"Electric vehicles selling fast</a></h4></div></div>")
    related = extract_article(html, URL).related
    assert [(r.url, r.heading) for r in related] == [("https://www.example.org/actu/port-staff", "RELATED NEWS")]
    # with no label, the share widget's title is not the block's heading
    html = page(f"<div class='block related-posts'><div class='row'>{share}<h4><a href='/actu/port-staff'>Port staff"
                f" off the job</a></h4></div></div>")
    assert [r.heading for r in extract_article(html, URL).related] == [""]


def test_wordpress_chosen_posts_block_labelled_related_is_kept():
    # Gutenberg's latest-posts block in "select post" mode under "Weitere Beiträge zu diesem Artikel"
    html = page("<aside class='wp-block-latest-posts wp-block-latest-posts__list content-related'>"
                "<span class='h4 content-related__title'><i class='material-icons'>filter_none</i> WEITERE BEITRÄGE"
                " ZU DIESEM ARTIKEL </span><ul class='content-related__list'><li class='content-related__item'>"
                "<a href='/actu/hackerangriffe'>Hackerangriffe im Handwerk: Prävention und Soforthilfe</a></li>"
                "</ul></aside>")
    assert urls(html) == ["https://www.example.org/actu/hackerangriffe"]


def test_a_table_layouts_title_span_and_the_next_label_of_its_class():
    # proplanta: the label a span.SCHRIFT_KATALOG_TITEL_BIG_MITTE alone in its row, the list in the next
    # row, then the next label of that class ("Kommentierte Artikel", most commented)
    label = "<tr><td><span class='SCHRIFT_KATALOG_TITEL_BIG_MITTE'><div style='display:inline'><span class='fa'>" \
            "</span></div>&nbsp;&nbsp;{}</span></td></tr>"
    html = page("<table>" + label.format("Weitere&nbsp;Artikel&nbsp;zum&nbsp;Thema")
                + "<tr><td><table><tr><td><h3><a href='/actu/biokraftstoffe' class='SCHRIFT_KATALOG_TITEL_LIST_MITTE'>"
                "<strong>Millionen Tonnen CO2 durch Biokraftstoffe eingespart</strong></a></h3></td></tr></table></td>"
                "</tr>" + label.format("Kommentierte&nbsp;Artikel")
                + "<tr><td><table><tr><td><a href='/actu/kommentiert'>Ein viel kommentierter Artikel</a></td></tr>"
                "</table></td></tr></table>")
    assert urls(html) == ["https://www.example.org/actu/biokraftstoffe"]


def test_a_same_topic_class_names_a_related_block():
    html = page("<div class='content-section'><div class='bloc-same-topic'><p class='bloc-same-topic-title'>À"
                " découvrir</p><div class='bloc-topics'><div class='bloc-topics-content'><a href='/actu/parole'>"
                " Le pouvoir de la parole (1/4) : Parler, est-ce agir ? </a></div></div></div></div>")
    assert urls(html) == ["https://www.example.org/actu/parole"]


def test_a_related_wording_linked_to_nowhere_heads_the_nested_list():
    # onmeda ul.navigation: <li><a href="#">Mehr zum Thema</a><ul>...</ul></li>
    html = page("<div class='article-toc'><ul class='navigation'><li class='active'><a href='#'>Mehr zum Thema</a>"
                "<ul><li><a href='/actu/grippe'>Covid-19 oder Grippe?</a></li>"
                "<li><a href='/actu/asthma-corona'>Corona &amp; Asthma</a></li></ul></li></ul></div>")
    assert urls(html) == ["https://www.example.org/actu/grippe", "https://www.example.org/actu/asthma-corona"]


def test_bookmark_comment_and_own_rubric_links_in_a_teaser_list_are_not_related():
    # Drupal teasers: a Disqus comment counter and a bookmark flag (`?destination=`); a topic box ending on
    # the rubric page the article lies in
    url = "https://www.example.org/waermepumpe/wissen/altbau.html"
    html = rubric_page("", "<div><h3>Ähnliche Beiträge</h3><ul><li><a href='/waermepumpe/wissen/akku-leer'>Akku leer?"
                           " 8 Tipps für die soziale Batterie</a><a href='/waermepumpe/wissen/akku-leer#disqus_thread'>"
                           "Kommentare</a><a href='/flag/flag/bookmarks/12376?destination=node/12412&amp;token=f2'>"
                           "Lesezeichen erstellen</a></li><li><a href='/waermepumpe/wissen.html'>Ratgeber zur"
                           " Wärmepumpe</a></li></ul></div>")
    assert [r.url for r in extract_article(html, url).related] == [
        "https://www.example.org/waermepumpe/wissen/akku-leer"]


def test_a_cards_teaser_after_its_linked_title_is_kept():
    # a Drupal theme's related card: the teaser is loose text after the card's <h2><a>, before "Mehr ..."
    teaser = "Mit Bundespräsident, viel Dialog und hellerleuchtetem Innenstadtring begeht die Stadt den Tag"
    html = page("<div class='related-articles'><strong>Mehr zum Thema</strong><div class='first'>"
                "<div class='article'><div class='clearfix'><img src='/bild.jpg' alt=''>"
                "<div class='article_header'><div class='category'><a href='/tag/aktuell'>Aktuell</a></div></div>"
                f"<h2><a href='/actu/2024/gedenken'>Die Stadt gedenkt der Revolution</a></h2> {teaser} "
                "<span class='more-link'><a href='/actu/2024/gedenken'>Mehr&nbsp;...</a></span></div></div></div>"
                "<div class='list'><ul><li><strong>Kultur</strong> <a href='/actu/2024/bach'>Bach an originalen "
                "Orten</a></li></ul></div></div>")
    related = extract_article(html, URL).related
    assert [r.url for r in related] == ["https://www.example.org/actu/2024/gedenken",
                                        "https://www.example.org/actu/2024/bach"]
    assert related[0].teaser == teaser


def test_a_sidebar_widgets_own_body_is_its_block_not_a_boundary():
    # a BEM widget: `h2.sidebar-item__title` then `div.sidebar-item__content` (its class says
    # "sidebar", which elsewhere ends a block): the block is that body, not the article column
    # beside it with its newsletter button and author profile
    column = ("<div class='col-main'><div class='entry-newsletter'><a href='/newsletter/'>Newsletter abonnieren</a>"
              "</div><div class='entry-persons'><a href='/person/marie/'>Profil</a></div></div>")
    widget = ("<div class='col-side'><div class='sidebar-item'><h2 class='sidebar-item__title'>Verwandte Artikel</h2>"
              "<div class='sidebar-item__content'><div class='item'><a href='/actu/2024/lie-1'>Premier article lié</a>"
              "</div><div class='item'><a href='/actu/2024/lie-2'>Deuxième article lié</a></div></div></div></div>")
    assert urls(page(f"<div class='row'>{column}{widget}</div>")) == [
        "https://www.example.org/actu/2024/lie-1", "https://www.example.org/actu/2024/lie-2"]


def test_the_other_pieces_of_a_series_or_column_are_related():
    for heading in ("Weitere Beiträge aus der Kolumne:", "Dans la même série", "More from this series"):
        html = page(f"<div class='series'><h2>{heading}</h2><p><a href='/actu/2024/episode-1'>Premier épisode</a></p>"
                    "<p><a href='/actu/2024/episode-2'>Deuxième épisode</a></p></div>")
        assert urls(html) == ["https://www.example.org/actu/2024/episode-1",
                              "https://www.example.org/actu/2024/episode-2"], heading


def test_a_profiles_related_block_is_the_only_one_taken():
    from ess_crawler.profiles import profile_from_dict

    profile = profile_from_dict({"name": "exemple", "origin": "https://www.example.org", "article_urls": ["^/actu/"],
                                 "selectors": {"related": ".bloc-lies"}})
    html = page("<section class='bloc-lies'><h2>Sur le même sujet</h2><ul>"
                "<li><a href='/actu/2024/lie-1'>Premier article lié au sujet</a></li></ul></section>"
                "<section><h2>À lire aussi</h2><ul><li><a href='/actu/2024/autre'>Un autre article du site</a></li>"
                "</ul></section>")
    art = extract_article(html, URL, profile)
    assert [r.url for r in art.related] == ["https://www.example.org/actu/2024/lie-1"]
    assert (art.related[0].heading, art.provenance["related"]) == ("Sur le même sujet", "profile:related")
    # where the profile's block is not on the page, the generic rules look for one
    bare = page("<section><h2>À lire aussi</h2><ul><li><a href='/actu/2024/autre'>Un autre article du site</a>"
                "</li></ul></section>")
    assert [r.url for r in extract_article(bare, URL, profile).related] == ["https://www.example.org/actu/2024/autre"]
