"""The title as the article's own words: the site's name after a separator goes, also when no
meta tag names the site; a structured headline that is not the page's is not taken."""

import json

from ess_crawler.extract import extract_article

TEXT = "".join(f"<p>La pompe à chaleur convient à une maison ancienne bien isolée, paragraphe {i}.</p>"
               for i in range(6))


def page(title: str, head: str = "", h1: str = "") -> str:
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (f"<html lang='fr'><head><title>{title}</title>{head}</head><body><div class='wrap'>{heading}"
            f"<div class='texte'>{TEXT}</div></div></body></html>")


def test_a_last_part_spelling_the_sites_host_is_the_site_name():
    def title(text: str, url: str = "https://www.heizung.de/ratgeber/waermepumpe-altbau") -> str:
        return extract_article(page(text), url).title

    lohnt = "Wärmepumpe im Altbau - Wann es sich lohnt"
    assert title(f"{lohnt} | heizung.de") == lohnt
    assert title("Wärmepumpe im Altbau | HEIZUNG", "https://www.heizung.de/x") == "Wärmepumpe im Altbau"
    # the host as the canonical address states it (a page saved elsewhere)
    canonical = "<link rel='canonical' href='https://www.smava.de/kredit/privatkredit/'>"
    art = extract_article(page("Privatkredit-Zinsen: So ermitteln Sie Ihre Kosten | SMAVA", canonical),
                          "https://archive.example.org/page/1")
    assert art.title == "Privatkredit-Zinsen: So ermitteln Sie Ihre Kosten"
    # a last part that is no host name stays; so does a title too short to stand alone
    assert title("Wärmepumpe im Altbau | Ratgeber") == "Wärmepumpe im Altbau | Ratgeber"
    assert title("Ratgeber | heizung.de") == "Ratgeber | heizung.de"


def _headline(headline: str) -> str:
    data = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline})
    return f"<script type='application/ld+json'>{data}</script>"


def test_a_structured_headline_that_is_not_the_pages_is_not_the_title():
    url = "https://www.example.co.uk/news/plumber-jailed"
    real = "Plumber jailed after boiler killed millionaire's daughter"
    # the CMS's name where the headline should be (escenic), Wikipedia's short description
    for headline in ("escenic", "technique for dimensionality reduction"):
        art = extract_article(page(f"{real} - The Example", _headline(headline), h1=real), url)
        assert (art.title, art.provenance["title"]) == (real, "html:h1")
    # the site's own name
    art = extract_article(page(f"{real} | Sports.fr", _headline("Sports.fr"), h1=real), "https://www.sports.fr/x")
    assert art.title == real
    # a headline worded otherwise than the <title> but sharing its words is the page's
    art = extract_article(page("Plumber jailed | The Example", _headline(real), h1="Jailed"), url)
    assert (art.title, art.provenance["title"]) == (real, "jsonld:headline")
