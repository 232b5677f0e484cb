"""Body cleaning on the generic path (no site or CMS knowledge: trafilatura's reading of the page,
less what our rules know is not article text)."""

from ess_crawler.extract import extract_article

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
