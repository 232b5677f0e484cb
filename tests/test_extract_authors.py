"""Authors and tags as the page states them: a JSON-LD graph's reference to its Person node, meta tags
listing names or tags, and what names no one (an address, a CMS's placeholder)."""

import json

from ess_crawler.extract import extract_article

URL = "https://www.example.org/2024/05/02/la-cooperative/"
TEXT = "".join(f"<p>La coopérative réunit des familles qui conçoivent ensemble leur logement, paragraphe {i}.</p>"
               for i in range(6))


def page(head: str = "", byline: str = "") -> str:
    return (f"<html lang='fr'><head><title>La coopérative</title>{head}</head><body><article>"
            f"<h1>La coopérative</h1>{byline}<div class='entry-content'>{TEXT}</div></article></body></html>")


def graph(author) -> str:
    """Yoast SEO's graph: the Article refers to its author's Person node by `@id`."""
    nodes = [{"@type": "Article", "@id": URL + "#article", "headline": "La coopérative",
              "datePublished": "2024-05-02T09:00:00+00:00", "author": author},
             {"@type": "WebPage", "@id": URL, "name": "La coopérative"},
             {"@type": "Person", "@id": "https://www.example.org/#/schema/person/ab12", "name": "Marie Dupont",
              "url": "https://www.example.org/author/marie/"}]
    data = json.dumps({"@context": "https://schema.org", "@graph": nodes})
    return f"<script type='application/ld+json'>{data}</script>"


def test_a_graph_reference_names_its_person_node():
    art = extract_article(page(graph({"@id": "https://www.example.org/#/schema/person/ab12"})), URL)
    assert (art.authors, art.provenance["authors"]) == (["Marie Dupont"], "jsonld:author")


def test_an_address_is_no_author_and_the_byline_is_read_instead():
    byline = ("<p class='byline'>Par <span class='author'><a href='/author/paul/' rel='author'>Paul Durand</a>"
              "</span></p>")
    art = extract_article(page(graph("https://www.example.org/author/paul/#author"), byline), URL)
    assert art.authors == ["Paul Durand"]


def test_a_placeholder_is_no_one_and_no_weaker_link_stands_in():
    # Blogger prints "Unknown" for a profile without a name, then "Afficher mon profil complet"
    byline = ("<span class='post-author vcard'>Publié par <span class='fn' itemprop='author' itemscope "
              "itemtype='http://schema.org/Person'><a class='g-profile' href='https://www.blogger.com/profile/1' "
              "rel='author' title='author profile'><span itemprop='name'>Unknown</span></a></span></span>"
              "<div class='widget Profile'><a class='profile-link' href='https://www.blogger.com/profile/1' "
              "rel='author'>Afficher mon profil complet</a></div>")
    assert extract_article(page(byline=byline), URL).authors == []
    assert extract_article(page("<meta name='author' content='admin'>"), URL).authors == []


def test_meta_lists_of_names_and_names_with_commas():
    def authors(value: str) -> list[str]:
        return extract_article(page(f"<meta name='author' content='{value}'>"), URL).authors

    assert authors("Anne Martin, Paul Durand") == ["Anne Martin", "Paul Durand"]
    assert authors("Anne Martin et Paul Durand") == ["Anne Martin", "Paul Durand"]
    # a comma before one word is no list: a credential, "Surname, Firstname", an outlet
    assert authors("Grant Tinsley, PhD") == ["Grant Tinsley, PhD"]
    assert authors("Harm, Robert") == ["Harm, Robert"]
    # "und" joins the words of one name
    assert authors("Bundesministerium für Wirtschaft und Klimaschutz") == [
        "Bundesministerium für Wirtschaft und Klimaschutz"]


def test_tags_listed_in_one_meta_or_keyword_string_are_split():
    head = "<meta property='article:tag' content='Santé, alimentation, Ventre plat'>"
    assert extract_article(page(head), URL).tags == ["Santé", "alimentation", "Ventre plat"]
    data = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "La coopérative",
                       "keywords": ["Biogas, Bioenergie", "Ökostrom"]})
    art = extract_article(page(f"<script type='application/ld+json'>{data}</script>"), URL)
    assert art.tags == ["Biogas", "Bioenergie", "Ökostrom"]


def test_a_bylines_word_before_the_name_goes_a_names_particle_stays():
    def authors(value: str) -> list[str]:
        return extract_article(page(f"<meta name='author' content='{value}'>"), URL).authors

    assert authors("Von Vanessa Franke") == ["Vanessa Franke"]
    assert authors("von Birgit Posselt") == ["Birgit Posselt"]
    assert authors("By Jane Doe") == ["Jane Doe"]
    assert authors("Williams Perdomo @wperdomod") == ["Williams Perdomo"]  # the writer's account after the name
    assert authors("von der Leyen") == ["von der Leyen"]
    assert authors("Ursula von der Leyen") == ["Ursula von der Leyen"]
    assert authors("von Weizsäcker") == ["von Weizsäcker"]
