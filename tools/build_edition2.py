"""Build the second edition of the bundled sample sites (`ess_crawler/demo/sites/edition2/`).

Edition 2 is what the same sites look like some months later: an article's body
was edited, a date corrected, a footnote added, two articles are new and one was
removed (its URL answers 410 Gone). Only changed files are written; the sample
server serves them over edition 1. `ess-crawler demo --edition 2` crawls it.

    python tools/build_edition2.py
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "ess_crawler" / "demo" / "sites"
OUT = SAMPLES / "edition2"

CHORUM_EDITED = "actualite/loi-ess-ce-qui-change-pour-les-associations-et-les-cooperatives.html"
CHORUM_NOTE_ADDED = "actualite/deux-ministres-la-rencontre-du-mouvement-associatif.html"
CHORUM_TEMPLATE = "actualite/chez-adeo-ne-dit-plus-manager-mais-coach.html"
CHORUM_NEW_SLUG = "les-mutuelles-face-la-reforme-de-la-complementaire-sante"
RS_REDATED = "Tiers-lieux-l-ESS-reinvente-les-espaces-de-travail-en-zone-rurale.html"
RS_TEMPLATE = "Service-civique-les-structures-de-l-ESS-appelees-a-se-mobiliser.html"
RS_NEW_SLUG = "Budget-participatif-les-associations-au-coeur-des-projets-retenus"
RS_GONE = "/Appel-a-projets-innovation-sociale-en-milieu-rural"


def read(site: str, name: str) -> str:
    return (SAMPLES / site / name).read_text(encoding="utf-8")


def write(site: str, name: str, text: str) -> None:
    path = OUT / site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def replace(text: str, old: str, new: str, count: int = 1) -> str:
    """str.replace that fails loudly when edition 1 no longer holds `old`."""
    if old not in text:
        raise SystemExit(f"edition 1 changed: {old[:60]!r} not found")
    return text.replace(old, new, count)


def chorum() -> None:
    # 1. an edited body: a paragraph added at the end of the text field
    page = read("chorum", CHORUM_EDITED)
    body_end = page.index("</div>", page.index("field--name-body"))
    page = page[:body_end] + (
        "<p><em>Mise à jour :</em> les décrets d’application publiés depuis précisent les conditions "
        "d’agrément des entreprises solidaires d’utilité sociale.</p>\n") + page[body_end:]
    page = replace(page, 'content="2014-09-16T14:47:05+02:00"', 'content="2024-05-02T10:00:00+02:00"')
    write("chorum", CHORUM_EDITED, page)

    # 2. a footnote added: marker in the body, note in the sources field
    page = read("chorum", CHORUM_NOTE_ADDED)
    first_p_end = page.index("</p>", page.index("field--name-body"))
    page = page[:first_p_end] + "<sup>1</sup>" + page[first_p_end:]
    note = ('<div class="clearfix text-formatted field field--name-field-sources field--type-text-long '
            'field--label-hidden field__item"><p>1 Source : compte rendu de l’assemblée générale, '
            '<a href="https://lemouvementassociatif.org/assemblee-generale-2020/">'
            'https://lemouvementassociatif.org/assemblee-generale-2020/</a></p></div>\n')
    body_close = page.index("</div>", page.index("field--name-body")) + len("</div>")
    page = page[:body_close] + "\n" + note + page[body_close:]
    write("chorum", CHORUM_NOTE_ADDED, page)

    # 3. a new article, on the Drupal template of an existing one
    page = read("chorum", CHORUM_TEMPLATE)
    old_slug = "chez-adeo-ne-dit-plus-manager-mais-coach"
    old_title = "Chez Adéo, on ne dit plus manager mais coach"
    new_title = "Les mutuelles face à la réforme de la complémentaire santé"
    page = page.replace(old_slug, CHORUM_NEW_SLUG).replace(old_title, new_title)
    page = page.replace('datetime="2020-10-12T12:00:00Z">12/10/2020<', 'datetime="2024-06-18T12:00:00Z">18/06/2024<', 1)
    start = page.index(">", page.index("field--name-body")) + 1
    end = page.index("</div>", start)
    page = page[:start] + (
        "<p>La réforme de la complémentaire santé responsable oblige les mutuelles à revoir leurs garanties "
        "avant la fin de l’année, dans un calendrier que beaucoup jugent trop serré.</p>\n"
        "<p>Pour les associations employeuses, l’enjeu est double : maintenir une couverture de qualité pour "
        "leurs salariés et contenir la hausse des cotisations.</p>\n"
        "<p>Les fédérations du secteur demandent une concertation élargie et un accompagnement spécifique "
        "des petites structures.</p>\n") + page[end:]
    write("chorum", f"actualite/{CHORUM_NEW_SLUG}.html", page)

    # discovery: the sitemap and the home page know the new and changed articles
    sitemap = read("chorum", "sitemap.xml")
    sitemap = replace(sitemap,
                      "<loc>https://www.chorum.fr/actualite/loi-ess-ce-qui-change-pour-les-associations-et-les-"
                      "cooperatives</loc><lastmod>2014-09-16T14:47:05+02:00</lastmod>",
                      "<loc>https://www.chorum.fr/actualite/loi-ess-ce-qui-change-pour-les-associations-et-les-"
                      "cooperatives</loc><lastmod>2024-05-02T10:00:00+02:00</lastmod>")
    sitemap = replace(sitemap,
                      "<loc>https://www.chorum.fr/actualite/deux-ministres-la-rencontre-du-mouvement-associatif</loc>"
                      "<lastmod>2020-10-12T14:39:05+02:00</lastmod>",
                      "<loc>https://www.chorum.fr/actualite/deux-ministres-la-rencontre-du-mouvement-associatif</loc>"
                      "<lastmod>2024-05-03T09:00:00+02:00</lastmod>")
    sitemap = replace(sitemap, "</urlset>",
                      f"<url><loc>https://www.chorum.fr/actualite/{CHORUM_NEW_SLUG}</loc>"
                      "<lastmod>2024-06-18T14:00:00+02:00</lastmod><changefreq>monthly</changefreq>"
                      "<priority>0.7</priority></url></urlset>")
    write("chorum", "sitemap.xml", sitemap)


def ressources_solidaires() -> None:
    # 4. a corrected date
    page = read("ressources_solidaires", RS_REDATED)
    found = re.search(r'<abbr class="published" title="([^"]+)">Publié le ([^<]+)</abbr>', page)
    if not found:
        raise SystemExit("edition 1 changed: no SPIP publication date")
    page = page.replace(found.group(0),
                        '<abbr class="published" title="2016-04-12T08:00:00Z">Publié le mardi 12 avril 2016</abbr>')
    write("ressources_solidaires", RS_REDATED, page)

    # 5. a new article on the SPIP template of an existing one
    page = read("ressources_solidaires", RS_TEMPLATE)
    title = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1).strip()
    old_slug = RS_TEMPLATE[: -len(".html")]
    new_title = "Budget participatif&nbsp;: les associations au cœur des projets retenus"
    page = page.replace(old_slug, RS_NEW_SLUG).replace(title, new_title)
    page = re.sub(r'<abbr class="published" title="[^"]+">Publié le [^<]+</abbr>',
                  '<abbr class="published" title="2024-03-04T09:00:00Z">Publié le lundi 4 mars 2024</abbr>', page)
    start = page.index(">", page.index('class="texte')) + 1
    end = page.index("</div>", start)
    page = page[:start] + (
        "<p>Les résultats du budget participatif ont été proclamés&nbsp;: près de la moitié des projets "
        "retenus sont portés par des associations de quartier.</p>\n"
        "<p>Jardins partagés, recycleries et cafés solidaires figurent en tête des votes, signe de l’attachement "
        "des habitants aux initiatives de l’économie sociale et solidaire.</p>\n") + page[end:]
    write("ressources_solidaires", f"{RS_NEW_SLUG}.html", page)

    # discovery: the sitemap drops the removed article, dates the changed ones, adds the new one
    sitemap = read("ressources_solidaires", "sitemap.xml")
    sitemap = re.sub(r"<url><loc>https://www\.ressources-solidaires\.org" + re.escape(RS_GONE) + r"</loc>.*?</url>\n?",
                     "", sitemap)
    sitemap = re.sub(r"(<loc>https://www\.ressources-solidaires\.org/" + re.escape(RS_REDATED[:-5])
                     + r"</loc><lastmod>)[^<]+", r"\g<1>2024-03-01", sitemap)
    sitemap = replace(sitemap, "</urlset>",
                      f"<url><loc>https://www.ressources-solidaires.org/{RS_NEW_SLUG}</loc><lastmod>2024-03-04"
                      "</lastmod><changefreq>weekly</changefreq><priority>0.5</priority></url>\n</urlset>")
    write("ressources_solidaires", "sitemap.xml", sitemap)
    write("ressources_solidaires", "GONE.txt", RS_GONE + "\n")


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    chorum()
    ressources_solidaires()
    for path in sorted(OUT.rglob("*")):
        if path.is_file():
            print(path.relative_to(SAMPLES))


if __name__ == "__main__":
    main()
