"""The content the real-WordPress tests create through the REST API, and what they expect of it.

Categories and tags with `&` and accents, an author with a display name, posts dated in the
past (winter and summer: offsets +01:00 and +02:00), a ~150-character brief, a post with
footnotes in WordPress core's footnotes markup (`sup.fn` markers, `ol.wp-block-footnotes`),
a post with a related-posts block (YARPP's markup), a page and a draft (neither is an
article), WordPress's own stock post with its comment. After the first crawl one post is
edited and one deleted (`edit_and_delete`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

SITE_TITLE = "Réseau ESS local"
AUTHOR = "Camille Dupré"
EDITOR = "Rédaction du réseau"

CATEGORIES = ["Emploi & insertion", "Économie circulaire", "Vie associative", "Finance solidaire"]
TAGS = ["Tiers-lieux & coopération", "Égalité femmes-hommes", "Épargne salariale", "Réemploi"]

LEAD = ("En 2023, les structures de l'insertion par l'activité économique ont accompagné plus de "
        "180 000 personnes vers l'emploi, selon le dernier bilan de la fédération.")


def _p(text: str, cls: str = "") -> str:
    attrs = f' {{"className":"{cls}"}}' if cls else ""
    klass = f' class="{cls}"' if cls else ""
    return f"<!-- wp:paragraph{attrs} -->\n<p{klass}>{text}</p>\n<!-- /wp:paragraph -->\n\n"


def _h(text: str) -> str:
    return f'<!-- wp:heading -->\n<h2 class="wp-block-heading">{text}</h2>\n<!-- /wp:heading -->\n\n'


LONG_PARAGRAPHS = [
    "Le réseau des chantiers d'insertion constate une hausse continue des parcours réussis : près de "
    "deux salariés sur trois trouvent un emploi durable ou une formation qualifiante dans les six mois "
    "qui suivent leur sortie.",
    "Les ateliers et chantiers d'insertion restent la première porte d'entrée. Ils accueillent des "
    "personnes très éloignées de l'emploi et leur proposent un contrat, un accompagnement social et "
    "une formation sur le poste de travail.",
    "Les entreprises d'insertion progressent elles aussi, portées par les clauses sociales des marchés "
    "publics. La fédération demande toutefois une visibilité pluriannuelle des aides au poste, sans "
    "laquelle les structures hésitent à recruter.",
]
BRIEF = ("La Fonda publie son rapport annuel sur la vie associative : bénévolat en hausse chez les "
         "jeunes, financements publics en baisse pour les petites associations.")
EDIT = " Mise à jour : la fédération a confirmé ces chiffres lors de son assemblée générale."


@dataclass
class Post:
    key: str
    title: str
    date: str  # site time (Europe/Paris)
    offset: str
    category: str
    tags: list[str]
    author: str
    content: str
    lead: str = ""
    body_words: list[str] = field(default_factory=list)  # words the body must hold
    footnotes: int = 0
    related: int = 0
    id: int = 0
    link: str = ""


@dataclass
class Site:
    posts: dict[str, Post]
    page_link: str = ""
    draft_id: int = 0
    stock: Post | None = None
    category_ids: dict[str, int] = field(default_factory=dict)

    def published(self) -> list[Post]:
        return [*self.posts.values(), self.stock]


def populate(wp) -> Site:
    """Create the terms, the author, the posts, a page and a draft through the REST API."""
    me = wp.rest("POST", "users/me", {"name": EDITOR, "nickname": EDITOR})
    author = wp.rest("POST", "users", {"username": "cdupre", "email": "camille@example.org",
                                       "password": "ess-e2e-author-password", "name": AUTHOR,
                                       "nickname": AUTHOR, "roles": ["author"]})
    users = {AUTHOR: author["id"], EDITOR: me["id"]}
    cats = {name: wp.rest("POST", "categories", {"name": name})["id"] for name in CATEGORIES}
    tags = {name: wp.rest("POST", "tags", {"name": name})["id"] for name in TAGS}

    posts = {
        "long": Post("long", "Insertion par l'activité économique : le bilan 2023", "2024-01-15T10:30:00",
                     "+01:00", "Emploi & insertion", ["Tiers-lieux & coopération", "Égalité femmes-hommes"],
                     AUTHOR, "", lead=LEAD, body_words=["chantiers d'insertion", "clauses sociales"]),
        "brief": Post("brief", "Brève : le rapport de la Fonda", "2024-06-20T09:00:00", "+02:00",
                      "Vie associative", [], EDITOR, _p(BRIEF), body_words=["bénévolat en hausse"]),
        "notes": Post("notes", "Finance solidaire : ce que disent les chiffres", "2024-02-05T14:00:00",
                      "+01:00", "Finance solidaire", ["Épargne salariale"], AUTHOR, "",
                      body_words=["fonds solidaires"], footnotes=2),
        "edited": Post("edited", "Coopératives d'habitants : un modèle qui essaime", "2023-11-08T08:15:00",
                       "+01:00", "Économie circulaire", ["Tiers-lieux & coopération"], AUTHOR,
                       "".join(_p(t) for t in LONG_PARAGRAPHS[:2]) + _p(
                           "Les coopératives d'habitants mutualisent des espaces et des services, et "
                           "sortent durablement les logements de la spéculation."),
                       body_words=["coopératives d'habitants"]),
        "deleted": Post("deleted", "Appel à projets 2023 : dernier rappel", "2023-09-12T11:00:00", "+02:00",
                        "Vie associative", [], EDITOR,
                        "".join(_p(t) for t in LONG_PARAGRAPHS[1:]), body_words=["entreprises d'insertion"]),
    }
    posts["long"].content = (_p(LEAD, "chapo") + _p(LONG_PARAGRAPHS[0]) + _h("Les chantiers en première ligne")
                             + "".join(_p(t) for t in LONG_PARAGRAPHS[1:])
                             + _p('Le bilan complet est sur <a href="https://www.example.org/bilan-iae-2023">'
                                  "le site de la fédération</a>."))
    posts["notes"].content = (
        _p("Les fonds solidaires ont dépassé 26 milliards d'euros d'encours"
           '<sup data-fn="fn-1" class="fn"><a href="#fn-1" id="fn-1-link">1</a></sup>, portés par '
           "l'épargne salariale, qui en représente plus de la moitié"
           '<sup data-fn="fn-2" class="fn"><a href="#fn-2" id="fn-2-link">2</a></sup>.')
        + _p("Les financeurs solidaires soutiennent ainsi des entreprises de l'ESS qui n'auraient pas "
             "accès au crédit bancaire classique, dans le logement, l'emploi ou l'environnement.")
        + _p("Le label Finansol, devenu France Finance Solidaire, garantit la solidarité et la "
             "transparence de ces placements auprès des épargnants.")
        + '<!-- wp:footnotes -->\n<ol class="wp-block-footnotes">'
        '<li id="fn-1">Baromètre de la finance solidaire 2023, '
        '<a href="https://www.example.org/barometre-2023">Finansol</a>. <a href="#fn-1-link">↩︎</a></li>'
        '<li id="fn-2">Selon l\'AMF, <a href="https://www.example.org/amf-epargne">rapport 2023</a>. '
        '<a href="#fn-2-link">↩︎</a></li></ol>\n<!-- /wp:footnotes -->\n\n')

    def create(post: Post) -> None:
        data = wp.rest("POST", "posts", {
            "title": post.title, "content": post.content, "status": "publish", "date": post.date,
            "categories": [cats[post.category]], "tags": [tags[t] for t in post.tags],
            "author": users[post.author]})
        post.id, post.link = data["id"], data["link"]

    for key in ("long", "brief", "notes", "edited", "deleted"):
        create(posts[key])
    related = Post("related", "Économie circulaire : les ressourceries se fédèrent", "2024-03-28T16:45:00",
                   "+01:00", "Économie circulaire", ["Réemploi"], AUTHOR, "",
                   body_words=["ressourceries"], related=2)
    related.content = (
        _p("Les ressourceries et recycleries du territoire créent une fédération régionale pour peser dans "
           "les politiques de prévention des déchets et mutualiser la formation de leurs salariés.")
        + _p("Le réemploi crée des emplois locaux, souvent en insertion, et donne une seconde vie à des "
             "milliers de tonnes d'objets chaque année.")
        + '<!-- wp:html -->\n<div class="yarpp yarpp-related"><h3>Sur le même sujet</h3><ol>'
        f'<li><a href="{posts["long"].link}" rel="bookmark">{posts["long"].title}</a></li>'
        f'<li><a href="{posts["notes"].link}" rel="bookmark">{posts["notes"].title}</a></li>'
        "</ol></div>\n<!-- /wp:html -->\n\n")
    create(related)
    posts["related"] = related

    stock = wp.rest("GET", "posts/1")
    # its text is whatever this install wrote (Debian's l10n may leave it in English)
    first_words = re.sub(r"<[^>]+>", "", stock["content"]["rendered"]).split(".")[0].strip()
    stock_post = Post("stock", "Bonjour tout le monde !", stock["date"], "", "Non classé", [], EDITOR, "",
                      body_words=[html.unescape(first_words)], id=1, link=stock["link"])
    page = wp.rest("POST", "pages", {"title": "À propos du réseau", "status": "publish",
                                     "content": _p("Le réseau fédère les acteurs de l'ESS du territoire.")})
    draft = wp.rest("POST", "posts", {"title": "Brouillon : ne pas publier", "status": "draft",
                                      "content": _p("Texte en cours de rédaction.")})
    return Site(posts=posts, page_link=page["link"], draft_id=draft["id"], stock=stock_post, category_ids=cats)


def edit_and_delete(wp, site: Site) -> None:
    """After the first crawl: one post edited (a sentence added), one deleted for good."""
    edited = site.posts["edited"]
    edited.content = edited.content + _p(EDIT.strip())
    wp.rest("POST", f"posts/{edited.id}", {"content": edited.content})
    wp.rest("DELETE", f"posts/{site.posts['deleted'].id}", force="true")
