"""The category read from an element whose class names it, on pages with no CMS, microdata or
breadcrumb saying it: its text, less the date a theme sets beside the rubric's link."""

from ess_crawler.extract import extract_article

URL = "https://news.example.com/vi-crime/vessel-returning-to-puerto-rico"
TEXT = "".join(f"<p>Agents found the cargo in the vessel's hull during a routine inspection, number {i}.</p>"
               for i in range(6))


def page(box: str) -> str:
    return (f"<html><head><title>Vessel returning to Puerto Rico</title></head><body><section>"
            f"<h2>Vessel returning to Puerto Rico</h2>{box}<div class='description_data'>{TEXT}</div>"
            f"</section></body></html>")


def test_a_category_class_element_gives_its_text():
    art = extract_article(page("<div class='post-category'>Crime</div>"), URL)
    assert (art.category, art.provenance["category"]) == ("Crime", "heuristic:category-class")


def test_the_rubric_s_link_is_the_category_not_the_date_beside_it():
    box = ("<div class='tags_category'><span><a href='https://news.example.com/vi-crime'>Crime</a></span> "
           "<span>Published On May 10, 2022 01:52 PM</span></div>")
    art = extract_article(page(box), URL)
    assert art.category == "Crime"
    assert art.published.startswith("2022-05-10")


def test_a_category_box_holding_only_a_date_gives_no_category():
    art = extract_article(page("<div class='tags_category'><span>Published On May 10, 2022</span></div>"), URL)
    assert art.category == ""


def test_a_label_before_the_rubrics_link_is_not_the_category():
    # Joomla 4/5 (Cassiopeia, its layouts/joomla/content/info_block/category.php): a label, then the link
    box = ("<dl class='article-info text-muted'><dt class='article-info-term'>Détails</dt>"
           "<dd class='category-name'><span class='icon-folder-open icon-fw' aria-hidden='true'></span>"
           "Catégorie : <a href='/index.php/actualites' itemprop='genre'>Actualités</a></dd></dl>")
    assert extract_article(page(box), URL).category == "Actualités"
    # a rubric's name of several words, one link, no label: kept whole
    assert extract_article(page("<div class='post-category'><a href='/vi-crime'>Crime</a></div>"),
                           URL).category == "Crime"


def _with_jsonld(section: str) -> str:
    data = ('{"@context":"https://schema.org","@type":"NewsArticle","headline":"Vessel returning to Puerto Rico",'
            f'"articleSection":"{section}"}}')
    return page("").replace("</head>", f"<script type='application/ld+json'>{data}</script></head>")


def test_sections_a_plugin_joined_into_one_string_give_the_first():
    assert extract_article(_with_jsonld("Brooklyn,Government,Housing and Homelessness"), URL).category == "Brooklyn"
    assert extract_article(_with_jsonld("Region, News, Wirtschaft, Newsletter"), URL).category == "Region"
    # one section named with a comma; an entity the plugin escaped twice
    assert extract_article(_with_jsonld("Culture, médias"), URL).category == "Culture, médias"
    assert extract_article(_with_jsonld("Filme &amp; Serien"), URL).category == "Filme & Serien"


def test_a_breadcrumbs_link_to_the_article_itself_is_not_its_rubric():
    crumbs = ("<nav class='breadcrumb'><a href='/'>Startseite</a> <a href='/news'>News &amp; Features</a> "
              "<a href='/vi-crime/vessel-returning-to-puerto-rico'>Vessel returning to Pue...</a></nav>")
    art = extract_article(page(crumbs), URL)
    assert (art.category, art.provenance["category"]) == ("News & Features", "heuristic:breadcrumb")


def test_category_boxes_with_several_links_a_label_alone_or_a_template():
    box = ("<div class='post-categories'><a href='/politik'>Politik</a> <a href='/politik/aussen'>Außenpolitik</a> "
           "<a href='/politik/wahl'>BP-Wahl 22</a></div>")
    assert extract_article(page(box), URL).category == "Politik"
    menu = "<div class='categories-menu'>" + "".join(f"<a href='/r{i}'>Rubrik {i}</a> " for i in range(7)) + "</div>"
    assert extract_article(page(menu), URL).category == ""
    assert extract_article(page("<span class='category-label'>Kategorien:</span>"), URL).category == ""
    assert extract_article(page("<span class='category'>{{section.heading.text}}</span>"), URL).category == ""
