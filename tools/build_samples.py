#!/usr/bin/env python3
# ruff: noqa: E501, W291, W293
"""Build the bundled offline sample sites under ``ess_crawler/demo/sites/``.

Two static mirrors are written, each reproducing the markup its real CMS emits:

* ``chorum/`` -- https://www.chorum.fr, a Drupal 8 site (Classy-based theme,
  Views listings with the full pager, pathauto aliases, simple_sitemap,
  views RSS feed).
* ``ressources_solidaires/`` -- https://www.ressources-solidaires.org, a SPIP 3.2
  site with the "dist" templates and "URLs propres" (SPIP typography: non-breaking
  spaces before ``: ; ! ?`` and inside guillemets, ``<sup class="typo_exposants">``
  for ordinals, SPIP notes).

File layout follows ``ess_crawler/sample_server.py``: URL ``/a/b`` is ``a/b.html``
(or ``a/b/index.html``, or the exact file ``a/b``); a query string is appended to
the file stem after ``@`` (``/actualite?page=1`` -> ``actualite@page=1.html``;
``/spip.php?page=backend`` -> ``spip.php@page=backend.xml``).

Links use the real public origins (or the relative/root-relative forms the CMS
emits). Output is deterministic: no current date, no randomness. Stdlib only.

Usage: ``python tools/build_samples.py``
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "ess_crawler" / "demo" / "sites"
# hand-written pages copied as they are (tools/samples_extra/SITE/*.html)
EXTRA = ROOT / "tools" / "samples_extra"

FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def esc(text: str) -> str:
    """Escape for an HTML attribute or text (quotes included)."""
    return html.escape(text, quote=True)


def esc_text(text: str) -> str:
    """Escape for HTML text content, as WYSIWYG editors store it (quotes kept)."""
    return html.escape(text, quote=False)


def twig_esc(text: str) -> str:
    """Twig's autoescape (htmlspecialchars ENT_QUOTES)."""
    return html.escape(text, quote=True).replace("&#x27;", "&#039;")


def short_hash(*parts: object, n: int = 10) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:n]


def fold_ascii(text: str) -> str:
    """Transliterate to ASCII the way both CMSs roughly do."""
    text = (text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
            .replace("€", "EUR"))
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def last_sunday(year: int, month: int) -> date:
    d = date(year, month, 31)
    while d.weekday() != 6:
        d -= timedelta(days=1)
    return d


def paris_tz(d: date) -> timezone:
    """Europe/Paris offset (CET/CEST) for a calendar day."""
    summer = last_sunday(d.year, 3) <= d < last_sunday(d.year, 10)
    return timezone(timedelta(hours=2 if summer else 1))


def fr_date(d: date) -> str:
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {FR_MONTHS[d.month - 1]} {d.year}"


def fr_weekday_date(d: date) -> str:
    return f"{FR_DAYS[d.weekday()]} {fr_date(d)}"


def write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------
# A tiny inline markup for the article data
#   [^1]          footnote call
#   ^{e}          exponent (10^{e}, m^{2})
#   **text**      strong
#   [text](url)   link (url "art123" = internal SPIP article, "/path" = Drupal internal)
#   <http://...>  URL written out as a link
# Block types: ("h", text) intertitre, ("h3", text), ("p", text), ("ul", [items]),
#   ("quote", [paragraphs]), ("figure", src, alt, caption, width, height),
#   ("table", caption, [header], [[cells]...])
# --------------------------------------------------------------------------

TOKEN_RE = re.compile(r"(\[\^\d+\]|\^\{[^}]*\}|\*\*.+?\*\*|\[[^\]]+\]\([^)\s]+\)|<https?://[^>\s]+>)")


def plain(src: str) -> str:
    """The text of an inline string, markup removed (notes dropped)."""
    out = []
    for part in TOKEN_RE.split(src):
        if not part:
            continue
        if part.startswith("[^"):
            continue
        if part.startswith("^{"):
            out.append(part[2:-1])
        elif part.startswith("**"):
            out.append(plain(part[2:-2]))
        elif part.startswith("[") and "](" in part:
            out.append(plain(part[1:part.index("](")]))
        elif part.startswith("<http"):
            out.append(part[1:-1])
        else:
            out.append(part)
    return "".join(out)


def block_strings(blocks: list[tuple]) -> list[str]:
    """Every inline string of a block list."""
    out: list[str] = []
    for b in blocks:
        if b[0] in ("h", "h3", "p"):
            out.append(b[1])
        elif b[0] in ("ul", "quote"):
            out.extend(b[1])
        elif b[0] == "figure":
            out.append(b[3])
        elif b[0] == "table":
            out.append(b[1])
            out.extend(b[2])
            out.extend(c for row in b[3] for c in row)
    return out


def note_refs(blocks: list[tuple]) -> set[int]:
    return {int(n) for s in block_strings(blocks) for n in re.findall(r"\[\^(\d+)\]", s)}


def blocks_plain(blocks: list[tuple]) -> list[str]:
    texts: list[str] = []
    for b in blocks:
        kind = b[0]
        if kind in ("h", "h3", "p"):
            texts.append(plain(b[1]))
        elif kind == "ul":
            texts.extend(plain(i) for i in b[1])
        elif kind == "quote":
            texts.extend(plain(i) for i in b[1])
    return texts


class Flavor:
    """How one CMS renders inline markup."""

    def text(self, t: str) -> str:
        raise NotImplementedError

    def note_ref(self, n: int) -> str:
        raise NotImplementedError

    def sup(self, t: str) -> str:
        return f"<sup>{esc_text(t)}</sup>"

    def link(self, label: str, url: str) -> str:
        raise NotImplementedError

    def autolink(self, url: str) -> str:
        raise NotImplementedError

    def inline(self, src: str) -> str:
        out = []
        for part in TOKEN_RE.split(src):
            if not part:
                continue
            if part.startswith("[^"):
                out.append(self.note_ref(int(part[2:-1])))
            elif part.startswith("^{"):
                out.append(self.sup(part[2:-1]))
            elif part.startswith("**"):
                out.append(f"<strong>{self.inline(part[2:-2])}</strong>")
            elif part.startswith("[") and "](" in part:
                i = part.index("](")
                out.append(self.link(part[1:i], part[i + 2:-1]))
            elif part.startswith("<http"):
                out.append(self.autolink(part[1:-1]))
            else:
                out.append(self.text(part))
        return "".join(out)


# ==========================================================================
# Shared content: the seed article (chorum original, republished on SPIP)
# ==========================================================================

SEED_TITLE = "Réseaux sociaux : une opportunité pour l’ESS ?"
SEED_CHAPO = "Communiquer de manière interactive est devenu incontournable. Des réseaux sociaux comme Facebook ou Twitter brisent codes et hiérarchies. Les acteurs de l’ESS qui, par la nature même de leur organisation, portent des valeurs participatives, ont toutes les bonnes raisons d’en faire usage… Qu’en est-il ? Petit tour d’horizon des pratiques du secteur."
SEED_BODY = [
    ("h", "Grosses structures vs. petites associations ?"),
    ("p", "Pour Guillaume Chocteau (Ressources Solidaires), « l’ESS a trente ans de retard ». Il explique qu’en matière de réseaux sociaux, l’ESS est loin d’être homogène. « Les grosses entreprises de l’économie sociale ont vécu et vivent les mêmes freins culturels que celles de l’économie capitaliste, car il est compliqué de rentrer dans une logique d’interaction : on se met à nu, on autorise les gens à nous répondre directement, et cela fait peur ». A l’inverse, « les petites structures s’y sont mises plus rapidement, et se sont spontanément tournées vers Facebook plus que Twitter »."),
    ("h", "Une présence marginale"),
    ("p", "Frileuses, les grosses structures de l’économie sociale et solidaire ? L’impact en termes d’image peut être fort et difficile à contrôler. On comprend que celles qui font le pari d’une communication à valeur humaine ajoutée y investissent d’importants moyens matériels et humains : professionnels dédiés, comptes pro… Certaines, comme le Crédit Coopératif ou le Groupe Chèque Déjeuner, ont réussi à créer des pages attractives gérées par des community managers. Mais globalement, leur présence reste marginale par rapport à celle des entreprises classiques, et leur stratégie timidement ‘corporate’. Elles oscillent naturellement entre peur du risque et désir d’une place au soleil sur la scène virtuelle qui leur est offerte. Selon Guillaume Chocteau, « elles se sont approprié l’outil, pas la culture de l’outil. En termes de nombre de followers, les mutuelles d’assurance par exemple sont à mille lieues du niveau des grosses entreprises de l’économie classique, avec un canal de diffusion à sens unique et une réactivité limitée. Ce sont pourtant les plus grosses structures de l’ESS… Mais améliorer tout ça demande un réel investissement »."),
    ("h", "Des petites structures friandes de Facebook"),
    ("p", "Pour les petites associations ou coopératives, Twitter et ses 140 caractères sont moins faciles d’accès que Facebook, qui permet de compenser un manque de visibilité et d’interactivité, au risque de négliger le site Internet en faveur d’un outil attractif, facile d’utilisation. Or, « les contenus publiés sur Facebook ne sont lisibles que par 30 % des personnes inscrites, précise Guillaume Chocteau, ce qui engendre une grande déperdition de l’information ». Le buzz (technique marketing consistant à « faire du bruit », à faire parler d’un sujet) se créé presque uniquement sur le titre ou le texte, les liens postés sont peu cliqués. L’information est donc peu lue dans son intégralité, lorsqu’elle n’est pas noyée dans la masse des contenus publiés chaque seconde. Au-delà des opportunités émerge la nécessité de ne pas abandonner les outils de communication web classiques (site, blog) ; les réseaux sociaux en sont un complément, non un substitut."),
    ("h", "Une formidable opportunité à saisir pour l’ESS"),
    ("p", "Chaque réseau social possède ses règles, ses cibles… et un enjeu commun : créer du trafic, du communautaire. Et c’est précisément là que les associations, mutuelles ou entreprises sociales trouvent leur intérêt. Aujourd’hui, plus de 70 % des internautes utilisent les réseaux sociaux (activité numéro 1 sur le Web[^1]). 61% des utilisateurs souhaitent donner leur opinion sur des marques et produits via ces outils[^2]. Les acteurs de l’ESS, comme toutes les entreprises, s’inscrivent dans une démarche d’auto-valorisation. Pourtant, ils se différencient par la qualité des messages et les contenus publiés. « On ne vend pas des savonnettes », résume Guillaume Chocteau. Là où une entreprise classique trouvera vite la limite de son message, l’ESS a « autre chose à montrer », des valeurs sociales ou environnementales à promouvoir, des initiatives à valoriser… Leurs messages sont porteurs de sens et leur communication dépasse l’intérêt commercial."),
    ("h", "Quels réseaux pour quels objectifs ?"),
    ("p", "Facebook expose le côté humain de l’entreprise, son visage ; Twitter permet de se positionner comme expert de son secteur, toujours au plus près de l’actualité ; enfin LinkedIn, outil plus formel et professionnel, donne de la visibilité à la communauté existante. « En termes de marketing viral 3.0, ces entreprises auront toujours un ‘plus’ à exploiter par rapport aux organisations capitalistes. La communauté ESS existe déjà : il faut simplement qu’elle se donne les moyens et acquière le réflexe d’être connectée… grâce à une meilleure connaissance de ces outils »."),
    ("p", "**Nouveau · nouvelle sur les réseaux sociaux ?** Petite liste non-exhaustive des acteurs de l’ESS à suivre de très près sur Twitter : Ressources Solidaires, Scop-Luka, l’APF, Recma, RNMA, Avise.org, CoopFR, Territoires d’ESS, Les Scop, Jeunesse en ESS, L’Atelier, Le Labo de l’ESS, Mois de l’ESS, Damien Social Planet, Mouves, Finansol, Agenda de l’ESS, Je blogue solidaire, CPCA, Tribu Solidaire, Mutualité Française, Le Social Business, Média solidaire, l’ESS toujours + nette, Benoît Hamon, valérie Fourneyron, Uniopss, UNA, La Fonda, RTES, Say Yess … et bien sûr, Jean-Baptiste Mougel et Sarah Chorum !"),
]
SEED_NOTES = [
    "Source : Social Media Video 2013 via <http://blog.dbth.fr/2013/07/de-nouvelles-statistiques-surprenantes-sur-lutilisation-des-reseaux-sociaux>",
    "Source : étude InSites 2011 via <http://www.salesforce.com/fr/socialsuccess/guides-pratiques/Douze-statistiques-sur-les-reseaux-sociaux-a-mediter.jsp>",
]


# ==========================================================================
# Site 1: chorum.fr (Drupal 8)
# ==========================================================================

CH_ORIGIN = "https://www.chorum.fr"
CH_RUBRIQUES = {
    "Actualité": "/actualite",
    "Décryptage": "/rubrique/decryptage",
    "Portrait": "/rubrique/portrait",
    "Vie associative": "/rubrique/vie-associative",
}
CH_TERM_IDS = {"Actualité": 1, "Décryptage": 2, "Portrait": 3, "Vie associative": 4}
CH_PER_PAGE = 5
CH_DEAD_LINK = "/actualite/guide-le-dialogue-social-dans-les-petites-associations"

# pathauto 8.x-1.x defaults
PATHAUTO_IGNORE = set("a an as at before but by for from is in into like of off on onto per since than the this that to up via with".split())


def pathauto_slug(title: str, max_len: int = 100) -> str:
    text = fold_ascii(title.replace("’", "'")).lower()
    text = re.sub(r"['\"`]", "", text)          # quotes: removed
    text = re.sub(r"[^a-z0-9]+", " ", text)     # other punctuation and spaces
    words = [w for w in text.split() if w not in PATHAUTO_IGNORE]
    slug = "-".join(words)
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0]
    return slug


@dataclass
class ChArticle:
    key: str
    nid: int
    title: str
    day: str                      # YYYY-MM-DD
    rubrique: str
    chapo: str
    body: list[tuple]
    notes: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    teaser: str | None = None     # Views trimmed text (defaults to the start of the chapô)
    author: str = "Rédaction Chorum"

    @property
    def date(self) -> date:
        return date.fromisoformat(self.day)

    @property
    def slug(self) -> str:
        return pathauto_slug(self.title)

    @property
    def path(self) -> str:
        return f"/actualite/{self.slug}"

    @property
    def url(self) -> str:
        return CH_ORIGIN + self.path

    @property
    def trimmed(self) -> str:
        if self.teaser:
            return self.teaser
        text = plain(self.chapo)
        if len(text) <= 130:
            return text
        cut = text[:130].rsplit(" ", 1)[0].rstrip(" ,;:")
        return cut + "..."

    @property
    def created(self) -> datetime:
        local = datetime(self.date.year, self.date.month, self.date.day, 9, 0, 0, tzinfo=paris_tz(self.date))
        return local + timedelta(minutes=(self.nid * 7) % 50, seconds=(self.nid * 13) % 60)

    @property
    def changed(self) -> datetime:
        local = datetime(self.date.year, self.date.month, self.date.day, 14, 32, 5, tzinfo=paris_tz(self.date))
        return local + timedelta(minutes=self.nid % 20)


CH_ARTICLES: list[ChArticle] = [
    ChArticle(
        key="seed", nid=412, title=SEED_TITLE, day="2014-03-25", rubrique="Actualité",
        chapo=SEED_CHAPO, body=SEED_BODY, notes=SEED_NOTES,
        related=["act4", "autonomie", "rps", "ministres", "adapei", "adeo"],
    ),
    # ---- the six "Sur le même sujet" items of the seed page (all 12/10/2020) ----
    ChArticle(
        key="act4", nid=1190, day="2020-10-12", rubrique="Actualité",
        title="Act 4 Social EU, la coalition à suivre des acteurs de protections sociale et solidaire",
        teaser="Alors que la Commission européenne a lancé la consultation sur le Socle européen des Droits sociaux, la...",
        chapo="Alors que la Commission européenne a lancé la consultation sur le Socle européen des Droits sociaux, la coalition Act 4 Social EU, qui rassemble mutuelles, associations et organisations de la protection sociale solidaire, entend peser sur le débat européen.",
        body=[
            ("h", "Une voix commune pour l’Europe sociale"),
            ("p", "Née à l’initiative de plusieurs réseaux européens de l’économie sociale, la coalition Act 4 Social EU réunit des mutuelles de santé, des organismes paritaires, des fédérations d’associations et des coopératives sociales. Leur point commun : une gestion non lucrative de la protection sociale et la conviction que l’Union européenne ne peut pas se construire sur le seul marché intérieur."),
            ("p", "Pour ses membres, le Socle européen des droits sociaux doit devenir un véritable levier d’harmonisation vers le haut, et non une simple déclaration d’intentions. La coalition plaide notamment pour un accès universel à une protection sociale de qualité, y compris pour les travailleurs indépendants et les salariés des plateformes."),
            ("h", "Des propositions concrètes"),
            ("p", "Dans sa contribution à la consultation, Act 4 Social EU formule une série de recommandations : reconnaître le rôle spécifique des acteurs non lucratifs dans la gestion des risques sociaux, adapter les règles de concurrence et d’aides d’État à leurs modèles, et garantir leur place dans le dialogue civil européen."),
            ("p", "« Les mutuelles et les associations sont des amortisseurs sociaux de premier plan, la crise sanitaire l’a encore démontré. Il est temps que les institutions européennes en tirent les conséquences », souligne un porte-parole de la coalition."),
            ("p", "La coalition appelle désormais les acteurs français de l’ESS à relayer ses propositions auprès des parlementaires européens, avant la présentation du plan d’action attendu au printemps."),
        ],
        related=["autonomie", "ministres", "moisess", "loiess"],
    ),
    ChArticle(
        key="autonomie", nid=1189, day="2020-10-12", rubrique="Actualité",
        title="De quel bois sera fait la branche autonomie",
        teaser="Le rapport de préfiguration de la branche autonomie remis au gouvernement mi-septembre pose le principe d’un périmètre...",
        chapo="Le rapport de préfiguration de la branche autonomie remis au gouvernement mi-septembre pose le principe d’un périmètre large, mais laisse ouverte la question de son financement. Les acteurs de l’aide à domicile et du handicap restent sur leurs gardes.",
        body=[
            ("p", "Créée par la loi du 7 août 2020, la cinquième branche de la Sécurité sociale doit couvrir le risque de perte d’autonomie, qu’elle soit liée à l’âge ou au handicap. Confiée à la Caisse nationale de solidarité pour l’autonomie (CNSA), elle devrait regrouper plus de 40 milliards d’euros de dépenses dès 2021."),
            ("h", "Un périmètre à géométrie variable"),
            ("p", "Le rapport propose d’y intégrer l’allocation personnalisée d’autonomie, la prestation de compensation du handicap, le financement des établissements et services médico-sociaux, mais aussi l’allocation aux adultes handicapés. Ce dernier point suscite déjà de vives réactions parmi les associations de personnes handicapées, qui redoutent une logique de gestion comptable."),
            ("h", "Le financement en suspens"),
            ("p", "Reste la question centrale : avec quelles ressources ? Les pistes évoquées — réaffectation de CSG, mise à contribution des successions, journée de solidarité supplémentaire — ne font pas consensus. Pour les fédérations de l’aide à domicile, majoritairement associatives, l’enjeu est d’abord celui de la revalorisation des métiers, dont les salaires restent parmi les plus bas du secteur sanitaire et social."),
            ("p", "« Sans moyens nouveaux, la branche autonomie ne sera qu’une nouvelle case dans l’organigramme de la Sécu », résume une responsable associative. Le projet de loi de financement de la Sécurité sociale pour 2021 devrait donner de premières indications."),
        ],
        related=["adapei", "act4", "rps", "santetravail"],
    ),
    ChArticle(
        key="rps", nid=1188, day="2020-10-12", rubrique="Actualité",
        title="\"On ne peut pas faire l'économie de temps d'échange sur le travail et ses difficultés au sein des équipes\"",
        teaser="Fait inédit, les Risques psychosociaux seraient la deuxième cause d’arrêt de travail, devant les troubles musculosquelettiques. Un renversement de la...",
        chapo="Fait inédit, les Risques psychosociaux seraient la deuxième cause d’arrêt de travail, devant les troubles musculosquelettiques. Un renversement de la tendance qui interroge les employeurs de l’ESS. Entretien avec une psychologue du travail qui accompagne associations et mutuelles.",
        body=[
            ("p", "**Comment expliquer cette progression des risques psychosociaux ?**"),
            ("p", "Les organisations ont été profondément bousculées ces derniers mois. Le confinement, le télétravail contraint, l’incertitude sur l’activité ont fragilisé les collectifs. Dans l’ESS, beaucoup de salariés sont très engagés dans leur mission : quand ils ne parviennent plus à bien faire leur travail, la souffrance est d’autant plus forte."),
            ("p", "**Quels leviers les structures peuvent-elles actionner ?**"),
            ("p", "Le premier, c’est de redonner de la place à la parole sur le travail réel. On ne peut pas faire l’économie de temps d’échange sur le travail et ses difficultés au sein des équipes. Ces espaces de discussion doivent être réguliers, animés, et surtout suivis d’effets, sinon ils produisent de la frustration."),
            ("p", "**Le document unique d’évaluation des risques a-t-il un rôle à jouer ?**"),
            ("p", "Oui, à condition de ne pas en faire un exercice purement administratif. Les risques psychosociaux doivent y figurer au même titre que les risques physiques, avec un plan d’actions concret, construit avec les représentants du personnel et les salariés eux-mêmes."),
        ],
        related=["santetravail", "adeo", "adapei"],
    ),
    ChArticle(
        key="ministres", nid=1187, day="2020-10-12", rubrique="Actualité",
        title="Deux ministres à la rencontre du Mouvement associatif",
        teaser="Le 25 septembre dernier, lors de son assemblée générale, Le Mouvement associatif a reçu Olivia Grégoire, secrétaire d’État en charge...",
        chapo="Le 25 septembre dernier, lors de son assemblée générale, Le Mouvement associatif a reçu Olivia Grégoire, secrétaire d’État en charge de l’Économie sociale, solidaire et responsable, et Sarah El Haïry, secrétaire d’État chargée de la Jeunesse et de l’Engagement.",
        body=[
            ("p", "Une double présence dans laquelle Le Mouvement associatif a vu le signe d’une reconnaissance du rôle joué par les associations pendant la crise sanitaire. Les échanges ont porté sur le plan de relance, la place des associations dans sa mise en œuvre et le soutien à l’emploi associatif."),
            ("p", "Les responsables associatifs ont rappelé que de nombreuses structures ont vu leurs ressources propres s’effondrer au printemps, avec l’annulation des événements, des activités et des manifestations de collecte. Ils ont plaidé pour que les associations puissent accéder pleinement aux dispositifs du plan de relance, trop souvent calibrés pour les entreprises lucratives."),
            ("p", "Du côté du gouvernement, les deux secrétaires d’État ont insisté sur le renforcement du Fonds pour le développement de la vie associative et sur la montée en charge du service civique, avec 100 000 missions supplémentaires annoncées."),
            ("p", "Le Mouvement associatif a pris acte de ces annonces, tout en demandant un calendrier précis et une concertation régulière. Un premier point d’étape est prévu avant la fin de l’année."),
        ],
        related=["benevolat", "cec", "act4", "moisess"],
    ),
    ChArticle(
        key="adapei", nid=1186, day="2020-10-12", rubrique="Actualité",
        title="L'Adapéi du Doubs se dit prête, mais inquiète face à la nouvelle poussée de Covid 19",
        teaser="La montée des chiffres de la crise sanitaire place les associations du sanitaires et médico-sociales, telles que l’Adapéi du Doubs...",
        chapo="La montée des chiffres de la crise sanitaire place les associations du sanitaires et médico-sociales, telles que l’Adapéi du Doubs, face à un double défi : protéger les personnes accompagnées et assurer la continuité des services.",
        body=[
            ("p", "Avec plusieurs dizaines d’établissements et services répartis dans le département, l’association accompagne des enfants et des adultes en situation de handicap mental. Au printemps, elle avait dû fermer ses instituts médico-éducatifs et réorganiser en urgence l’accompagnement à domicile."),
            ("h", "Des protocoles rodés"),
            ("p", "« Nous avons tiré les leçons de la première vague, explique la direction générale. Les stocks de masques et de blouses sont constitués, les plans de continuité d’activité ont été mis à jour et chaque établissement dispose d’un référent Covid. »"),
            ("p", "Les visites des familles sont maintenues, sur rendez-vous et dans des espaces dédiés, pour éviter l’isolement qui avait pesé lourdement sur les résidents pendant le confinement."),
            ("h", "L’épuisement des équipes"),
            ("p", "L’inquiétude porte surtout sur les ressources humaines. Les professionnels, très sollicités depuis mars, sont fatigués, et les recrutements restent difficiles, en particulier pour les postes d’aide médico-psychologique et d’infirmier. L’association redoute aussi que les revalorisations salariales du Ségur de la santé, dont le secteur médico-social associatif est en grande partie exclu, n’accentuent les départs vers l’hôpital."),
        ],
        related=["autonomie", "rps", "adeo"],
    ),
    ChArticle(
        key="adeo", nid=1185, day="2020-10-12", rubrique="Actualité",
        title="Chez Adéo, on ne dit plus manager mais coach",
        teaser="L’association havraise, active sur l’aide à domicile, la petite enfance et l’accompagnement social et familial a accéléré la mutation de...",
        chapo="L’association havraise, active sur l’aide à domicile, la petite enfance et l’accompagnement social et familial a accéléré la mutation de son organisation : place aux équipes autonomes et aux coachs.",
        body=[
            ("p", "Inspirée par le modèle néerlandais Buurtzorg, l’association a engagé depuis deux ans une transformation profonde de son management. Les intervenantes à domicile sont désormais organisées en petites équipes de huit à douze personnes, qui gèrent elles-mêmes leurs plannings, la relation avec les bénéficiaires et une partie des recrutements."),
            ("p", "Les anciens responsables de secteur sont devenus des coachs. Leur rôle : accompagner les équipes, les aider à résoudre les difficultés et faire circuler l’information, sans pouvoir hiérarchique direct. « Au début, beaucoup craignaient de perdre leur légitimité. Aujourd’hui, ils disent avoir retrouvé le sens de leur métier », observe la directrice."),
            ("p", "La crise sanitaire a servi d’accélérateur. Pendant le confinement, les équipes autonomes ont su réorganiser très vite les interventions auprès des personnes les plus fragiles, sans attendre les consignes du siège."),
            ("p", "Les premiers résultats sont encourageants : baisse de l’absentéisme, turn-over en recul et meilleure satisfaction des familles. L’association reste toutefois prudente et insiste sur la formation, indispensable pour que l’autonomie ne se transforme pas en isolement."),
        ],
        related=["rps", "santetravail", "scop", "adapei"],
    ),
    # ---- other chorum articles ----
    ChArticle(
        key="loiess", nid=455, day="2014-09-16", rubrique="Décryptage",
        title="Loi ESS : ce qui change pour les associations et les coopératives",
        chapo="Promulguée le 31 juillet 2014, la loi relative à l’économie sociale et solidaire donne pour la première fois un cadre juridique d’ensemble au secteur. Tour d’horizon des principales mesures qui concernent les employeurs de l’ESS.",
        body=[
            ("h", "Une définition inclusive"),
            ("p", "La loi reconnaît l’appartenance à l’ESS des structures historiques — associations, coopératives, mutuelles et fondations — mais l’ouvre aussi aux sociétés commerciales qui respectent un certain nombre de principes : une gouvernance démocratique, une lucrativité limitée et la poursuite d’un objectif d’utilité sociale[^1]."),
            ("h", "Les principales mesures"),
            ("p", "Parmi les dispositions les plus attendues par les acteurs :"),
            ("ul", [
                "un droit d’information préalable des salariés en cas de cession d’une entreprise de moins de 250 salariés ;",
                "la création de la Scop d’amorçage, qui permet aux salariés de devenir majoritaires au capital de manière progressive ;",
                "la réforme de l’agrément « entreprise solidaire d’utilité sociale » (ESUS) ;",
                "la reconnaissance des chambres régionales de l’ESS et de leur conseil national ;",
                "une définition légale de la subvention, qui sécurise les financements publics des associations.",
            ]),
            ("h", "Et maintenant ?"),
            ("p", "De nombreux décrets d’application restent à publier avant que ces mesures ne deviennent pleinement effectives. Les têtes de réseau invitent les structures à s’approprier dès maintenant le texte, notamment sur la question du guide des bonnes pratiques, que chaque entreprise de l’ESS devra présenter à son assemblée générale."),
        ],
        notes=["Article 1er de la loi n° 2014-856 du 31 juillet 2014 relative à l’économie sociale et solidaire, consultable sur <http://www.legifrance.gouv.fr>"],
        related=["scop", "seed", "ministres"],
    ),
    ChArticle(
        key="scop", nid=520, day="2015-05-19", rubrique="Portrait",
        title="Transmission : quand les salariés reprennent leur entreprise en Scop",
        chapo="Faute de repreneur, le fondateur d’une menuiserie de Loire-Atlantique a choisi de céder son entreprise à ses salariés. Deux ans après, la Scop affiche un carnet de commandes rempli et a embauché trois personnes.",
        body=[
            ("p", "Quand Jean-Marc Pérou, fondateur de l’atelier, a commencé à préparer son départ à la retraite, il a d’abord cherché un acheteur extérieur. « J’ai reçu deux offres de groupes qui voulaient surtout récupérer la clientèle. Je savais que l’atelier fermerait dans les deux ans », raconte-t-il."),
            ("p", "C’est finalement l’union régionale des Scop qui l’a convaincu d’étudier la reprise par les salariés. Sur les quatorze personnes que comptait l’entreprise, onze ont accepté de devenir associées, en apportant chacune l’équivalent d’un mois de salaire au capital."),
            ("quote", [
                "On a dû tout apprendre : lire un bilan, voter en assemblée générale, choisir notre gérant. Mais aujourd’hui, quand on prend une décision, on sait pourquoi on la prend.",
                "— Nadia, ébéniste et associée de la Scop",
            ]),
            ("h", "Un accompagnement indispensable"),
            ("p", "Le financement de la reprise a mobilisé plusieurs outils propres au mouvement coopératif : prêts participatifs, garantie de France Active et un prêt bancaire classique. L’ancien dirigeant a accepté un paiement échelonné d’une partie du prix de cession."),
            ("p", "Deux ans plus tard, le chiffre d’affaires a progressé de 12 %, et la Scop a recruté deux menuisiers et une apprentie. Tous les salariés ont vocation à devenir associés au bout d’un an d’ancienneté."),
        ],
        related=["loiess", "recyclerie", "adeo"],
    ),
    ChArticle(
        key="benevolat", nid=640, day="2016-10-04", rubrique="Vie associative",
        title="Bénévolat : les associations face au défi du renouvellement des dirigeants",
        chapo="Si le nombre de bénévoles progresse en France, les associations peinent à trouver de nouveaux responsables pour leurs conseils d’administration. Un enjeu majeur pour la pérennité du tissu associatif.",
        body=[
            ("p", "Le constat est paradoxal. Selon les dernières enquêtes, près d’un Français sur quatre donne du temps à une association[^1], une proportion en hausse régulière depuis dix ans. Mais cet engagement est de plus en plus ponctuel et tourné vers l’action de terrain, au détriment des fonctions de direction."),
            ("h", "Des présidents vieillissants"),
            ("p", "Les dirigeants associatifs sont en moyenne plus âgés que l’ensemble des bénévoles, et une part importante d’entre eux occupe ses fonctions depuis plus de dix ans[^2]. Beaucoup de présidents expriment la crainte de ne pas trouver de successeur, en particulier dans les petites associations sans salarié."),
            ("h", "Partager les responsabilités"),
            ("p", "Pour lever les freins, plusieurs réseaux encouragent les présidences collégiales et la répartition des tâches au sein des bureaux. La formation des bénévoles est un autre levier : comptabilité, droit des associations, gestion des ressources humaines. Le compte d’engagement citoyen, créé par la loi du 8 août 2016, entrera en vigueur le 1er janvier 2017 et permettra aux dirigeants bénévoles d’acquérir des droits à la formation[^3]."),
            ("p", "Les associations employeuses sont particulièrement concernées : les administrateurs bénévoles y exercent de véritables responsabilités d’employeur, souvent sans y avoir été préparés."),
        ],
        notes=[
            "Recherches & Solidarités, La France bénévole 2016, juin 2016.",
            "France Bénévolat, L’évolution de l’engagement bénévole associatif en France, de 2010 à 2016, étude réalisée avec l’Ifop.",
            "Loi n° 2016-1088 du 8 août 2016 relative au travail, à la modernisation du dialogue social et à la sécurisation des parcours professionnels, article 39.",
        ],
        related=["cec", "ministres", "loiess", "seed"],
    ),
    ChArticle(
        key="santetravail", nid=812, day="2018-03-13", rubrique="Décryptage",
        title="Santé au travail : les associations employeuses face à la prévention des risques",
        chapo="Document unique, visite d’information et de prévention, risques psychosociaux : les obligations en matière de santé au travail s’appliquent à toutes les associations employeuses, quelle que soit leur taille. Mode d’emploi.",
        body=[
            ("h", "Le document unique, pierre angulaire"),
            ("p", "Dès le premier salarié, l’employeur doit évaluer les risques professionnels et consigner cette évaluation dans un document unique, mis à jour au moins une fois par an. Trop souvent perçu comme une formalité, il est pourtant l’outil de base d’une démarche de prévention."),
            ("h", "Ce qu’il faut retenir"),
            ("h3", "Le suivi individuel des salariés"),
            ("p", "Depuis la réforme de la médecine du travail, la visite médicale d’embauche a laissé place, pour la plupart des postes, à une visite d’information et de prévention, réalisée dans les trois mois suivant la prise de poste."),
            ("h3", "Les risques spécifiques au secteur"),
            ("p", "Dans l’aide à domicile, l’animation ou le médico-social, les risques les plus fréquents sont bien identifiés :"),
            ("ul", [
                "les troubles musculosquelettiques liés aux manutentions ;",
                "les risques routiers, pour les intervenants qui se déplacent d’un domicile à l’autre ;",
                "les risques psychosociaux, accentués par la charge émotionnelle des métiers du soin et de l’accompagnement ;",
                "les agressions et incivilités dans les structures accueillant du public.",
            ]),
            ("p", "Les services de santé au travail interentreprises et les têtes de réseau proposent des outils adaptés, dont certains sont spécifiquement conçus pour les petites associations."),
        ],
        related=["rps", "adeo", "adapei", "autonomie", "scop"],
    ),
    ChArticle(
        key="recyclerie", nid=905, day="2019-06-04", rubrique="Portrait",
        title="La ressourcerie de la Vallée double sa surface et mise sur l’insertion",
        chapo="Installée depuis 2011 dans une ancienne halle industrielle, la ressourcerie associative inaugure un nouveau bâtiment de 1 200 m^{2} et vise la création de quinze emplois en insertion d’ici deux ans.",
        body=[
            ("figure", "/sites/default/files/inline-images/ressourcerie-atelier-tri.jpg",
             "Atelier de tri des objets collectés à la ressourcerie",
             "L’atelier de tri, où sont valorisées chaque année plus de 400 tonnes d’objets. © Ressourcerie de la Vallée",
             800, 533),
            ("p", "Meubles, vaisselle, textiles, jouets, vélos : tout ce qui arrive à la ressourcerie est trié, nettoyé, réparé si nécessaire, puis revendu à petits prix dans la boutique solidaire. L’an dernier, plus de 400 tonnes d’objets ont ainsi été détournées de l’enfouissement."),
            ("h", "Un chantier d’insertion au cœur du projet"),
            ("p", "L’activité repose sur un atelier et chantier d’insertion qui emploie aujourd’hui vingt-deux salariés en contrat à durée déterminée d’insertion. Encadrés par quatre encadrants techniques, ils se forment aux métiers de la logistique, de la vente et de la réparation. Près de la moitié d’entre eux trouvent un emploi ou une formation à l’issue de leur parcours."),
            ("p", "Le nouveau bâtiment, dont le loyer est en partie pris en charge par la communauté de communes, permettra d’ouvrir un atelier de réparation de petit électroménager et un espace de sensibilisation pour les scolaires. La surface de vente passe de 300 à 550 m^{2}."),
            ("p", "« Nous voulons montrer qu’on peut créer de l’emploi local, non délocalisable, à partir de ce que les autres jettent », résume le directeur de l’association."),
        ],
        related=["scop", "moisess", "loiess"],
    ),
    ChArticle(
        key="moisess", nid=1310, day="2021-11-09", rubrique="Actualité",
        title="Mois de l’ESS : une 14e édition sous le signe de la relance",
        chapo="Tout au long du mois de novembre, plus de 2 000 événements sont organisés partout en France pour faire découvrir l’économie sociale et solidaire. Après une édition 2020 en grande partie dématérialisée, les organisateurs misent sur le retour des rencontres en présentiel.",
        body=[
            ("p", "Coordonné par le réseau des chambres régionales de l’économie sociale et solidaire, le Mois de l’ESS fête cette année sa 14^{e} édition. Portes ouvertes, forums emploi, visites d’entreprises, projections-débats : le programme est conçu pour toucher le grand public, et en particulier les jeunes."),
            ("h", "L’emploi au cœur des rencontres"),
            ("p", "Avec près de 2,4 millions de salariés, l’ESS représente environ un emploi privé sur sept en France. Les secteurs de l’aide à domicile, du médico-social et de l’animation font face à d’importantes difficultés de recrutement, et de nombreux forums sont consacrés à la découverte de ces métiers."),
            ("p", "Chorum s’associe à plusieurs événements régionaux consacrés à la qualité de vie au travail, avec des ateliers sur la prévention de l’usure professionnelle et sur l’accompagnement des dirigeants bénévoles."),
            ("p", "Le programme complet est disponible sur [le site du Mois de l’ESS](https://www.lemois-ess.org/)."),
        ],
        related=["recyclerie", "ministres", "seed", "cec", "act4", "scop"],
    ),
    ChArticle(
        key="cec", nid=1460, day="2023-02-07", rubrique="Vie associative",
        title="Engagement associatif : le compte d’engagement citoyen reste méconnu",
        chapo="Plus de six ans après sa création, le compte d’engagement citoyen, qui permet aux bénévoles de financer des formations, reste largement ignoré de ceux qui pourraient en bénéficier.",
        body=[
            ("p", "Le principe est simple : les bénévoles qui siègent dans l’organe d’administration ou de direction d’une association, ou qui encadrent d’autres bénévoles, peuvent acquérir des droits à la formation, inscrits sur leur compte personnel de formation. Il faut pour cela avoir consacré au moins 200 heures par an à l’association, dont 100 heures au moins dans la même structure[^1]."),
            ("h", "Une procédure en deux temps"),
            ("p", "La déclaration se fait chaque année, en ligne :"),
            ("ul", [
                "le bénévole déclare ses heures d’engagement sur le Compte bénévole avant le 30 juin de l’année suivante ;",
                "l’association, par l’intermédiaire de son « valideur » désigné, confirme cette déclaration ;",
                "les droits, de 240 euros par an dans la limite de 720 euros, sont ensuite crédités sur le compte personnel de formation.",
            ]),
            ("p", "Selon les dernières données disponibles, seules quelques dizaines de milliers de bénévoles ont effectivement déclaré leurs heures, alors que plusieurs centaines de milliers pourraient être concernés[^2]."),
            ("p", "Les têtes de réseau associatives plaident pour une simplification de la procédure et une meilleure information des dirigeants, qui jouent un rôle clé pour faire connaître le dispositif à leurs bénévoles."),
        ],
        notes=[
            "Article L. 5151-9 du Code du travail.",
            "Le Mouvement associatif, note de plaidoyer sur le compte d’engagement citoyen, 2022.",
        ],
        related=["benevolat", "ministres", "moisess"],
    ),
]
CH_BY_KEY = {a.key: a for a in CH_ARTICLES}


def ch_sorted() -> list[ChArticle]:
    """Newest first (date field, then nid), as the Views listing sorts."""
    return sorted(CH_ARTICLES, key=lambda a: (a.date, a.nid), reverse=True)


class DrupalFlavor(Flavor):
    def text(self, t: str) -> str:
        return esc_text(t)

    def note_ref(self, n: int) -> str:
        return f"<sup>{n}</sup>"

    def link(self, label: str, url: str) -> str:
        return f'<a href="{esc(url)}">{self.inline(label)}</a>'

    def autolink(self, url: str) -> str:
        return f'<a href="{esc(url)}">{esc_text(url)}</a>'


DRUPAL = DrupalFlavor()


def drupal_blocks(blocks: list[tuple]) -> str:
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "h":
            out.append(f"<h2>{DRUPAL.inline(b[1])}</h2>")
        elif kind == "h3":
            out.append(f"<h3>{DRUPAL.inline(b[1])}</h3>")
        elif kind == "p":
            out.append(f"<p>{DRUPAL.inline(b[1])}</p>")
        elif kind == "ul":
            items = "\n".join(f"\t<li>{DRUPAL.inline(i)}</li>" for i in b[1])
            out.append(f"<ul>\n{items}\n</ul>")
        elif kind == "quote":
            paras = "\n".join(f"<p>{DRUPAL.inline(i)}</p>" for i in b[1])
            out.append(f"<blockquote>\n{paras}\n</blockquote>")
        elif kind == "figure":
            _, src, alt, caption, w, h = b
            uuid = short_hash(src, n=8) + "-" + short_hash(src, 1, n=4) + "-4" + short_hash(src, 2, n=3) + "-a" + short_hash(src, 3, n=3) + "-" + short_hash(src, 4, n=12)
            out.append(
                f'<figure role="group" class="caption caption-img align-center">\n'
                f'<img alt="{esc(alt)}" data-entity-type="file" data-entity-uuid="{uuid}" src="{esc(src)}" width="{w}" height="{h}" loading="lazy" />\n'
                f"<figcaption>{DRUPAL.inline(caption)}</figcaption>\n</figure>"
            )
        else:
            raise ValueError(kind)
    return "\n".join(out)


def ch_time(d: date) -> str:
    return f'<time datetime="{d.isoformat()}T12:00:00Z">{d.strftime("%d/%m/%Y")}</time>'


CH_MENU = [("Accueil", "/", "&lt;front&gt;"), ("Actualité", "/actualite", "actualite"),
           ("Nos services", "/nos-services", "node/14"), ("Qui sommes-nous", "/qui-sommes-nous", "node/12"),
           ("Contact", "/contact", "contact")]


def ch_menu(active: str | None) -> str:
    items = []
    for label, href, sys_path in CH_MENU:
        cls = "menu-item"
        a_cls = ""
        if href == active:
            cls += " menu-item--active-trail"
            a_cls = ' class="is-active"'
        items.append(f'              <li class="{cls}">\n        <a href="{href}" data-drupal-link-system-path="{sys_path}"{a_cls}>{esc_text(label)}</a>\n              </li>')
    return "\n".join(items)


def ch_breadcrumb(trail: list[tuple[str, str]]) -> str:
    if not trail:
        return ""
    lis = "\n".join(f'                  <li>\n                          <a href="{href}">{esc_text(label)}</a>\n                      </li>' for label, href in trail)
    return f"""    <div id="block-chorum-breadcrumbs" class="block block-system block-system-breadcrumb-block">
  
    
        <nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb">
    <h2 id="system-breadcrumb" class="visually-hidden">Fil d'Ariane</h2>
    <ol>
{lis}
        </ol>
  </nav>

  </div>
"""


def ch_page(*, path: str, title: str, body_class: str, content: str, system_path: str,
            head_meta: str = "", breadcrumb: list[tuple[str, str]] | None = None,
            is_front: bool = False, show_title: bool = True, active_menu: str | None = None) -> str:
    head_title = "Chorum | Mutuelle de protection sociale de l’économie sociale et solidaire" if is_front else f"{title} | Chorum"
    settings = {
        "path": {"baseUrl": "/", "scriptPath": None, "pathPrefix": "", "currentPath": system_path,
                 "currentPathIsAdmin": False, "isFront": is_front, "currentLanguage": "fr"},
        "pluralDelimiter": "\u0003",
        "suppressDeprecationErrors": True,
        "google_analytics": {"trackOutbound": True, "trackMailto": True, "trackDownload": True,
                             "trackDownloadExtensions": "7z|aac|arc|arj|asf|asx|avi|bin|csv|doc(x|m)?|dot(x|m)?|exe|flv|gif|gz|gzip|hqx|jar|jpe?g|js|mp(2|3|4|e?g)|mov(ie)?|msi|msp|pdf|phps|png|ppt(x|m)?|pot(x|m)?|pps(x|m)?|ppam|sld(x|m)?|thmx|qtm?|ra(m|r)?|sea|sit|tar|tgz|torrent|txt|wav|wma|wmv|wpd|xls(x|m|b)?|xlt(x|m)|xlam|xml|z|zip"},
        "eu_cookie_compliance": {"cookie_policy_version": "1.0.0", "popup_enabled": True, "popup_agreed_enabled": False,
                                 "popup_hide_agreed": False, "popup_clicking_confirmation": False,
                                 "popup_scrolling_confirmation": False, "popup_link": "/mentions-legales",
                                 "popup_position": False, "popup_language": "fr", "cookie_name": "",
                                 "method": "default", "domain": "", "cookie_lifetime": 100},
        "ajaxTrustedUrl": {"form_action_p_pvdeGsVG5zNF_XLGPTvYSKCf43t8qZYSwcfZl2uzM": True},
        "user": {"uid": 0, "permissionsHash": short_hash("chorum-anon", n=64)},
    }
    settings_json = json.dumps(settings, separators=(",", ":")).replace("/", "\\/")
    title_block = ""
    if show_title:
        title_block = f"""    <div id="block-chorum-page-title" class="block block-core block-page-title-block">
  
    
      
  <h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">{twig_esc(title)}</span>
</h1>


  </div>
"""
    form_build_id = "form-" + short_hash("newsletter", path, n=43)
    return f"""<!DOCTYPE html>
<html lang="fr" dir="ltr" prefix="content: http://purl.org/rss/1.0/modules/content/  dc: http://purl.org/dc/terms/  foaf: http://xmlns.com/foaf/0.1/  og: http://ogp.me/ns#  rdfs: http://www.w3.org/2000/01/rdf-schema#  schema: http://schema.org/  sioc: http://rdfs.org/sioc/ns#  sioct: http://rdfs.org/sioc/types#  skos: http://www.w3.org/2004/02/skos/core#  xsd: http://www.w3.org/2001/XMLSchema# ">
  <head>
    <meta charset="utf-8" />
<script async src="https://www.googletagmanager.com/gtag/js?id=UA-34871236-1"></script>
<script>window.dataLayer = window.dataLayer || [];function gtag(){{dataLayer.push(arguments)}};gtag("js", new Date());gtag("set", "developer_id.dMDhkMT", true);gtag("config", "UA-34871236-1", {{"groups":"default","anonymize_ip":true,"page_placeholder":"PLACEHOLDER_page_path","allow_ad_personalization_signals":false}});</script>
{head_meta}<meta name="Generator" content="Drupal 8 (https://www.drupal.org)" />
<meta name="MobileOptimized" content="width" />
<meta name="HandheldFriendly" content="true" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<link rel="icon" href="/themes/custom/chorum/favicon.ico" type="image/vnd.microsoft.icon" />
<link rel="alternate" type="application/rss+xml" title="Chorum" href="{CH_ORIGIN}/rss.xml" />

    <title>{twig_esc(head_title)}</title>
    <link rel="stylesheet" media="all" href="/sites/default/files/css/css_{short_hash('css', n=43)}.css?q{short_hash('q', n=5)}" />
<link rel="stylesheet" media="all" href="/sites/default/files/css/css_{short_hash('css-theme', n=43)}.css?q{short_hash('q', n=5)}" />

    
<!--[if lte IE 8]>
<script src="/sites/default/files/js/js_VtafjXmRvoUgAzqzYTA3Wrjkx9wcWhjP0G4ZnnqRamA.js"></script>
<![endif]-->

  </head>
  <body class="{body_class}">
        <a href="#main-content" class="visually-hidden focusable skip-link">
      Aller au contenu principal
    </a>
    
      <div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
    <div class="layout-container">

  <header role="banner">
      <div class="region region-header">
    <div id="block-chorum-branding" class="block block-system block-system-branding-block">
  
    
        <a href="/" title="Accueil" rel="home" class="site-logo">
      <img src="/themes/custom/chorum/logo.svg" alt="Accueil" />
    </a>
        <div class="site-name">
      <a href="/" title="Accueil" rel="home">Chorum</a>
    </div>
        <div class="site-slogan">Mutuelle de protection sociale de l’économie sociale et solidaire</div>
  </div>
<nav role="navigation" aria-labelledby="block-chorum-main-menu-menu" id="block-chorum-main-menu" class="block block-menu navigation menu--main">
            
  <h2 class="visually-hidden" id="block-chorum-main-menu-menu">Navigation principale</h2>
  

        
              <ul class="menu">
{ch_menu(active_menu)}
        </ul>
  


  </nav>
<div class="search-block-form block block-search container-inline" data-drupal-selector="search-block-form" id="block-chorum-search" role="search">
  
    
      <form action="/search/node" method="get" id="search-block-form" accept-charset="UTF-8">
  <div class="js-form-item form-item js-form-type-search form-type-search js-form-item-keys form-item-keys form-no-label">
      <label for="edit-keys" class="visually-hidden">Rechercher</label>
        <input title="Indiquer les termes à rechercher" data-drupal-selector="edit-keys" type="search" id="edit-keys" name="keys" value="" size="15" maxlength="128" class="form-search" />

        </div>
<div data-drupal-selector="edit-actions" class="form-actions js-form-wrapper form-wrapper" id="edit-actions"><input data-drupal-selector="edit-submit" type="submit" id="edit-submit" value="Rechercher" class="button js-form-submit form-submit" />
</div>

</form>

  </div>

  </div>

  </header>

    <div class="region region-breadcrumb">
{ch_breadcrumb(breadcrumb or [])}
  </div>


  <main role="main">
    <a id="main-content" tabindex="-1"></a>
    <div class="layout-content">
        <div class="region region-content">
    <div data-drupal-messages-fallback class="hidden"></div>
{title_block}{content}
  </div>

    </div>
  </main>

  <footer role="contentinfo">
      <div class="region region-footer">
    <div id="block-adressechorum" class="block block-block-content block-block-content{short_hash('adresse', n=8)}-{short_hash('adresse', 1, n=4)}">
  
      <h2>Chorum</h2>
    
      
            <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>Mutuelle de protection sociale complémentaire dédiée aux entreprises et aux salariés de l’économie sociale et solidaire.</p>
<p>56-60 rue Nationale<br />
75013 Paris<br />
Tél. : 01 80 50 50 50</p>
</div>
      
  </div>
<div class="simplenews-subscriptions-block-lettre-d-information simplenews-subscriber-form block block-simplenews block-simplenews-subscription-block" data-drupal-selector="simplenews-subscriptions-block-lettre-d-information" id="block-lettredinformation">
  
      <h2>Lettre d’information</h2>
    
      <form action="{esc(path)}" method="post" id="simplenews-subscriptions-block-lettre-d-information" accept-charset="UTF-8">
  <div class="field--type-email field--name-mail field--widget-email-default js-form-wrapper form-wrapper" data-drupal-selector="edit-mail-wrapper" id="edit-mail-wrapper">      <div class="js-form-item form-item js-form-type-email form-type-email js-form-item-mail-0-value form-item-mail-0-value">
      <label for="edit-mail-0-value" class="js-form-required form-required">Adresse de courriel</label>
        <input data-drupal-selector="edit-mail-0-value" type="email" id="edit-mail-0-value" name="mail[0][value]" value="" size="60" maxlength="254" placeholder="" class="form-email required" required="required" aria-required="true" />

        <div id="edit-mail-0-value--description" class="description">
      Recevez chaque mois l’actualité de l’ESS et de la qualité de vie au travail.
    </div>
  </div>

  </div>
<input autocomplete="off" data-drupal-selector="form-{form_build_id[5:]}" type="hidden" name="form_build_id" value="{form_build_id}" />
<input data-drupal-selector="edit-simplenews-subscriptions-block-lettre-d-information" type="hidden" name="form_id" value="simplenews_subscriptions_block_lettre_d_information" />
<div data-drupal-selector="edit-actions" class="form-actions js-form-wrapper form-wrapper" id="edit-actions--2"><input data-drupal-selector="edit-subscribe" type="submit" id="edit-subscribe" name="op" value="S&#039;abonner" class="button js-form-submit form-submit" />
</div>

</form>

  </div>
<nav role="navigation" aria-labelledby="block-chorum-footer-menu" id="block-chorum-footer" class="block block-menu navigation menu--footer">
            
  <h2 class="visually-hidden" id="block-chorum-footer-menu">Pied de page</h2>
  

        
              <ul class="menu">
                    <li class="menu-item">
        <a href="/mentions-legales" data-drupal-link-system-path="node/15">Mentions légales</a>
              </li>
                <li class="menu-item">
        <a href="/contact" data-drupal-link-system-path="contact">Contact</a>
              </li>
                <li class="menu-item">
        <a href="/rss.xml" data-drupal-link-system-path="rss.xml">Flux RSS</a>
              </li>
        </ul>
  


  </nav>

  </div>

  </footer>

</div>

  </div>

    <div id="sliding-popup" class="sliding-popup-bottom eu-cookie-compliance-banner" role="alertdialog" aria-describedby="popup-text" style="display: none;">
  <div class="eu-cookie-compliance-banner eu-cookie-compliance-banner-info eu-cookie-compliance-banner--opt-in">
    <div class="popup-content info eu-cookie-compliance-content">
      <div id="popup-text" class="eu-cookie-compliance-message">
        <p>Ce site utilise des cookies de mesure d’audience. En poursuivant votre navigation, vous acceptez leur utilisation.</p>
        <button type="button" class="find-more-button eu-cookie-compliance-more-button">En savoir plus</button>
      </div>
      <div id="popup-buttons" class="eu-cookie-compliance-buttons">
        <button type="button" class="agree-button eu-cookie-compliance-secondary-button">J’accepte</button>
        <button type="button" class="decline-button eu-cookie-compliance-default-button">Je refuse</button>
      </div>
    </div>
  </div>
</div>
    <script type="application/json" data-drupal-selector="drupal-settings-json">{settings_json}</script>
<script src="/sites/default/files/js/js_{short_hash('js', n=43)}.js"></script>

  </body>
</html>
"""


def ch_related_block(art: ChArticle) -> str:
    rows = []
    for key in art.related:
        r = CH_BY_KEY[key]
        rows.append(f"""    <div class="views-row"><div class="views-field views-field-field-rubrique"><div class="field-content">{esc_text(r.rubrique)}</div></div><div class="views-field views-field-field-date"><div class="field-content">{ch_time(r.date)}</div></div><div class="views-field views-field-title"><span class="field-content"><a href="{r.path}" hreflang="fr">{twig_esc(r.title)}</a></span></div><div class="views-field views-field-body"><div class="field-content">{esc_text(r.trimmed)}</div></div></div>""")
    rows_html = "\n".join(rows)
    dom_id = short_hash("related", art.nid, n=64)
    return f"""<div class="views-element-container block block-views block-views-blockactualites-block-related" id="block-views-block-actualites-block-related">
  
      <h2>Sur le même sujet</h2>
    
      <div><div class="view view-actualites view-id-actualites view-display-id-block_related js-view-dom-id-{dom_id}">
  
    
      
      <div class="view-content">
{rows_html}

    </div>
  
          </div>
</div>

  </div>
"""


def ch_share_block(art: ChArticle) -> str:
    u = quote(art.url, safe="")
    t = quote(art.title, safe="")
    return f"""<div id="block-chorum-partage" class="block block-chorum-share social-share">
  
    
      <span class="social-share__label">Partager</span>
<ul class="social-share__list">
  <li><a href="https://www.facebook.com/sharer/sharer.php?u={u}" class="social-share__link social-share__link--facebook" target="_blank" rel="noopener" title="Partager sur Facebook">Facebook</a></li>
  <li><a href="https://twitter.com/intent/tweet?url={u}&amp;text={t}&amp;via=Chorum_ESS" class="social-share__link social-share__link--twitter" target="_blank" rel="noopener" title="Partager sur Twitter">Twitter</a></li>
  <li><a href="https://www.linkedin.com/shareArticle?mini=true&amp;url={u}&amp;title={t}" class="social-share__link social-share__link--linkedin" target="_blank" rel="noopener" title="Partager sur LinkedIn">LinkedIn</a></li>
  <li><a href="mailto:?subject={t}&amp;body={u}" class="social-share__link social-share__link--email" title="Envoyer par courriel">Courriel</a></li>
</ul>

  </div>
"""


def ch_article_page(art: ChArticle) -> str:
    desc = plain(art.chapo)
    if len(desc) > 300:
        desc = desc[:300].rsplit(" ", 1)[0] + "…"
    head_meta = f"""<meta name="description" content="{esc(desc)}" />
<link rel="canonical" href="{art.url}" />
<link rel="shortlink" href="{CH_ORIGIN}/node/{art.nid}" />
<meta property="og:site_name" content="Chorum" />
<meta property="og:type" content="article" />
<meta property="og:url" content="{art.url}" />
<meta property="og:title" content="{esc(art.title)}" />
<meta property="og:description" content="{esc(desc)}" />
<meta property="og:image" content="{CH_ORIGIN}/themes/custom/chorum/images/og-chorum.png" />
<meta property="article:published_time" content="{art.created.isoformat()}" />
<meta property="article:modified_time" content="{art.changed.isoformat()}" />
<meta name="twitter:card" content="summary" />
<meta name="twitter:site" content="@Chorum_ESS" />
"""
    notes_html = ""
    if art.notes:
        paras = "\n".join(f"<p><sup>{i}</sup> {DRUPAL.inline(n)}</p>" for i, n in enumerate(art.notes, 1))
        notes_html = f"""
            <div class="clearfix text-formatted field field--name-field-sources field--type-text-long field--label-hidden field__item">{paras}
</div>
      """
    rub_href = CH_RUBRIQUES[art.rubrique]
    content = f"""    <div id="block-chorum-content" class="block block-system block-system-main-block">
  
    
      
<article role="article" about="{art.path}" class="node node--type-article node--promoted node--view-mode-full">

  
    

  
  <div class="node__content">
    
            <div class="field field--name-field-date field--type-datetime field--label-hidden field__item">{ch_time(art.date)}</div>
      
            <div class="field field--name-field-rubrique field--type-entity-reference field--label-hidden field__item"><a href="{rub_href}" hreflang="fr">{esc_text(art.rubrique)}</a></div>
      
            <div class="clearfix text-formatted field field--name-field-chapo field--type-text-long field--label-hidden field__item"><p>{DRUPAL.inline(art.chapo)}</p>
</div>
      
            <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">{drupal_blocks(art.body)}
</div>
      {notes_html}
  </div>

</article>

  </div>
{ch_share_block(art)}{ch_related_block(art)}"""
    return ch_page(path=art.path, title=art.title, body_class="path-node page-node-type-article",
                   content=content, system_path=f"node/{art.nid}", head_meta=head_meta,
                   breadcrumb=[("Accueil", "/"), ("Actualité", "/actualite")])


def ch_views_row(art: ChArticle) -> str:
    return f"""    <div class="views-row"><div class="views-field views-field-field-rubrique"><div class="field-content"><a href="{CH_RUBRIQUES[art.rubrique]}" hreflang="fr">{esc_text(art.rubrique)}</a></div></div><div class="views-field views-field-field-date"><div class="field-content">{ch_time(art.date)}</div></div><div class="views-field views-field-title"><h2 class="field-content"><a href="{art.path}" hreflang="fr">{twig_esc(art.title)}</a></h2></div><div class="views-field views-field-body"><div class="field-content">{esc_text(art.trimmed)}</div></div><div class="views-field views-field-view-node"><span class="field-content"><a href="{art.path}" hreflang="fr">Lire la suite</a></span></div></div>"""


def drupal_pager(page: int, pages: int) -> str:
    items = []

    def li(cls: str, target: int, title: str, inner: str, rel: str = "") -> str:
        rel_attr = f' rel="{rel}"' if rel else ""
        return f"""                    <li class="pager__item{cls}">
          <a href="?page={target}" title="{title}"{rel_attr}>
{inner}
          </a>
        </li>"""

    if page > 0:
        items.append(li(" pager__item--first", 0, "Aller à la première page",
                        '            <span class="visually-hidden">Première page</span>\n            <span aria-hidden="true">« Premier</span>'))
        items.append(li(" pager__item--previous", page - 1, "Aller à la page précédente",
                        '            <span class="visually-hidden">Page précédente</span>\n            <span aria-hidden="true">‹ Précédent</span>', "prev"))
    for i in range(pages):
        if i == page:
            items.append(li(" is-active", i, "Page courante",
                            f'            <span class="visually-hidden">\n              Page courante\n            </span>{i + 1}'))
        else:
            items.append(li("", i, f"Aller à la page {i + 1}",
                            f'            <span class="visually-hidden">\n              Page\n            </span>{i + 1}'))
    if page < pages - 1:
        items.append(li(" pager__item--next", page + 1, "Aller à la page suivante",
                        '            <span class="visually-hidden">Page suivante</span>\n            <span aria-hidden="true">Suivant ›</span>', "next"))
        items.append(li(" pager__item--last", pages - 1, "Aller à la dernière page",
                        '            <span class="visually-hidden">Dernière page</span>\n            <span aria-hidden="true">Dernier »</span>'))
    items_html = "\n".join(items)
    return f"""
      <nav class="pager" role="navigation" aria-labelledby="pagination-heading">
    <h4 id="pagination-heading" class="visually-hidden">Pagination</h4>
    <ul class="pager__items js-pager__items">
{items_html}
          </ul>
  </nav>
"""


def ch_listing_page(page: int, pages: int, arts: list[ChArticle], query: str | None) -> str:
    rows = "\n".join(ch_views_row(a) for a in arts)
    url = CH_ORIGIN + "/actualite" + (f"?{query}" if query else "")
    head_meta = f"""<link rel="canonical" href="{url}" />
<meta property="og:site_name" content="Chorum" />
<meta property="og:type" content="website" />
<meta property="og:url" content="{url}" />
<meta property="og:title" content="Actualité" />
"""
    content = f"""    <div id="block-chorum-content" class="block block-system block-system-main-block">
  
    
      <div class="views-element-container"><div class="view view-actualites view-id-actualites view-display-id-page_1 js-view-dom-id-{short_hash('listing', page, n=64)}">
  
    
      <div class="view-header">
      <p>Toute l’actualité de l’économie sociale et solidaire, de la protection sociale et de la qualité de vie au travail.</p>
    </div>
      
      <div class="view-content">
{rows}

    </div>
  {drupal_pager(page, pages)}
          </div>
</div>

  </div>
"""
    return ch_page(path="/actualite", title="Actualité", body_class="path-actualite", content=content,
                   system_path="actualite", head_meta=head_meta, breadcrumb=[("Accueil", "/")],
                   active_menu="/actualite")


def ch_node_teaser(art: ChArticle) -> str:
    return f"""<article role="article" about="{art.path}" class="node node--type-article node--promoted node--view-mode-teaser">

  
      <h2>
      <a href="{art.path}" rel="bookmark"><span class="field field--name-title field--type-string field--label-hidden">{twig_esc(art.title)}</span>
</a>
    </h2>
    

  
  <div class="node__content">
    
            <div class="field field--name-field-date field--type-datetime field--label-hidden field__item">{ch_time(art.date)}</div>
      
            <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>{esc_text(art.trimmed)}</p></div>
        <div class="node__links">
    <ul class="links inline"><li class="node-readmore"><a href="{art.path}" rel="tag" title="{twig_esc(art.title)}" hreflang="fr">Lire la suite<span class="visually-hidden"> de {twig_esc(art.title)}</span></a></li></ul>  </div>

  </div>

</article>
"""


def ch_term_page(rubrique: str) -> str:
    path = CH_RUBRIQUES[rubrique]
    tid = CH_TERM_IDS[rubrique]
    arts = [a for a in ch_sorted() if a.rubrique == rubrique]
    rows = "\n".join(f'    <div class="views-row">\n{ch_node_teaser(a)}\n</div>' for a in arts)
    head_meta = f"""<link rel="canonical" href="{CH_ORIGIN}{path}" />
<link rel="shortlink" href="{CH_ORIGIN}/taxonomy/term/{tid}" />
<meta property="og:site_name" content="Chorum" />
<meta property="og:title" content="{esc(rubrique)}" />
"""
    content = f"""    <div id="block-chorum-content" class="block block-system block-system-main-block">
  
    
      <div class="views-element-container"><div class="view view-taxonomy-term view-id-taxonomy_term view-display-id-page_1 js-view-dom-id-{short_hash('term', tid, n=64)}">
  
    
      <div class="view-header">
      <div id="taxonomy-term-{tid}" class="taxonomy-term vocabulary-rubriques">
  
    
  <div class="content">
    
  </div>
</div>

    </div>
      
      <div class="view-content">
{rows}

    </div>
  
          </div>
</div>

  </div>
"""
    return ch_page(path=path, title=rubrique, body_class="path-taxonomy", content=content,
                   system_path=f"taxonomy/term/{tid}", head_meta=head_meta, breadcrumb=[("Accueil", "/")])


CH_BASIC_PAGES = [
    dict(path="/qui-sommes-nous", nid=12, title="Qui sommes-nous ?", body=[
        ("p", "Chorum est une mutuelle de protection sociale complémentaire entièrement dédiée aux entreprises, aux associations et aux salariés de l’économie sociale et solidaire. Créée par et pour les acteurs de l’ESS, elle partage leurs valeurs : solidarité, gouvernance démocratique et non-lucrativité."),
        ("h", "Une mutuelle au service des employeurs de l’ESS"),
        ("p", "Prévoyance, santé, épargne retraite : Chorum accompagne les structures de l’ESS dans la protection de leurs salariés, en lien étroit avec les branches professionnelles du secteur (animation, aide à domicile, sport, tourisme social, insertion…)."),
        ("h", "CIDES, le centre de ressources de Chorum"),
        ("p", "À travers CIDES (Chorum Initiatives pour le Développement de l’Économie Sociale), Chorum soutient les employeurs de l’ESS dans l’amélioration des conditions de travail et la prévention des risques professionnels : études, guides pratiques, accompagnement collectif et rencontres régionales."),
        ("p", "Vous souhaitez en savoir plus ? [Contactez-nous](/contact) ou consultez [nos services](/nos-services)."),
    ]),
    dict(path="/nos-services", nid=14, title="Nos services", body=[
        ("p", "Chorum propose aux employeurs de l’économie sociale et solidaire des garanties adaptées à leurs besoins et à ceux de leurs salariés."),
        ("ul", [
            "**Prévoyance** : incapacité de travail, invalidité, décès ;",
            "**Santé** : complémentaires santé collectives conformes aux accords de branche ;",
            "**Épargne** : dispositifs d’épargne salariale et de retraite supplémentaire ;",
            "**Prévention** : accompagnement des structures sur la qualité de vie au travail, avec CIDES.",
        ]),
        ("p", "Nos conseillers régionaux sont à votre disposition pour étudier la situation de votre structure."),
    ]),
    dict(path="/mentions-legales", nid=15, title="Mentions légales", body=[
        ("h", "Éditeur du site"),
        ("p", "Chorum, mutuelle soumise aux dispositions du livre II du Code de la mutualité. Siège social : 56-60 rue Nationale, 75013 Paris."),
        ("h", "Cookies"),
        ("p", "Ce site utilise des cookies de mesure d’audience. Vous pouvez à tout moment modifier vos préférences depuis le bandeau prévu à cet effet."),
        ("h", "Propriété intellectuelle"),
        ("p", "L’ensemble des contenus publiés sur ce site est protégé par le droit d’auteur. Toute reproduction, même partielle, est soumise à autorisation préalable."),
    ]),
]


def ch_basic_page(p: dict) -> str:
    url = CH_ORIGIN + p["path"]
    head_meta = f"""<link rel="canonical" href="{url}" />
<link rel="shortlink" href="{CH_ORIGIN}/node/{p['nid']}" />
<meta property="og:site_name" content="Chorum" />
<meta property="og:type" content="website" />
<meta property="og:url" content="{url}" />
<meta property="og:title" content="{esc(p['title'])}" />
"""
    content = f"""    <div id="block-chorum-content" class="block block-system block-system-main-block">
  
    
      
<article role="article" about="{p['path']}" class="node node--type-page node--view-mode-full">

  
    

  
  <div class="node__content">
    
            <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">{drupal_blocks(p['body'])}
</div>
      
  </div>

</article>

  </div>
"""
    return ch_page(path=p["path"], title=p["title"], body_class="path-node page-node-type-page", content=content,
                   system_path=f"node/{p['nid']}", head_meta=head_meta, breadcrumb=[("Accueil", "/")],
                   active_menu=p["path"])


def ch_contact_page() -> str:
    fbid = "form-" + short_hash("contact-form", n=43)
    content = f"""    <div id="block-chorum-content" class="block block-system block-system-main-block">
  
    
      <form class="contact-message-feedback-form contact-message-form contact-form" data-drupal-selector="contact-message-feedback-form" action="/contact" method="post" id="contact-message-feedback-form" accept-charset="UTF-8">
  <div class="js-form-item form-item js-form-type-textfield form-type-textfield js-form-item-name form-item-name">
      <label for="edit-name" class="js-form-required form-required">Votre nom</label>
        <input data-drupal-selector="edit-name" type="text" id="edit-name" name="name" value="" size="60" maxlength="255" class="form-text required" required="required" aria-required="true" />

        </div>
<div class="js-form-item form-item js-form-type-email form-type-email js-form-item-mail form-item-mail">
      <label for="edit-mail" class="js-form-required form-required">Votre adresse de courriel</label>
        <input data-drupal-selector="edit-mail" type="email" id="edit-mail" name="mail" value="" size="60" maxlength="254" class="form-email required" required="required" aria-required="true" />

        </div>
<input autocomplete="off" data-drupal-selector="form-{fbid[5:]}" type="hidden" name="form_build_id" value="{fbid}" />
<input data-drupal-selector="edit-contact-message-feedback-form" type="hidden" name="form_id" value="contact_message_feedback_form" />
<div class="field--type-string field--name-subject field--widget-string-textfield js-form-wrapper form-wrapper" data-drupal-selector="edit-subject-wrapper" id="edit-subject-wrapper">      <div class="js-form-item form-item js-form-type-textfield form-type-textfield js-form-item-subject-0-value form-item-subject-0-value">
      <label for="edit-subject-0-value" class="js-form-required form-required">Sujet</label>
        <input class="js-text-full text-full form-text required" data-drupal-selector="edit-subject-0-value" type="text" id="edit-subject-0-value" name="subject[0][value]" value="" size="60" maxlength="100" placeholder="" required="required" aria-required="true" />

        </div>

  </div>
<div class="field--type-string-long field--name-message field--widget-string-textarea js-form-wrapper form-wrapper" data-drupal-selector="edit-message-wrapper" id="edit-message-wrapper">      <div class="js-form-item form-item js-form-type-textarea form-type-textarea js-form-item-message-0-value form-item-message-0-value">
      <label for="edit-message-0-value" class="js-form-required form-required">Message</label>
        <div class="form-textarea-wrapper">
  <textarea class="js-text-full text-full form-textarea required" data-drupal-selector="edit-message-0-value" id="edit-message-0-value" name="message[0][value]" rows="12" cols="60" placeholder="" required="required" aria-required="true"></textarea>
</div>

        </div>

  </div>
<div data-drupal-selector="edit-actions" class="form-actions js-form-wrapper form-wrapper" id="edit-actions--3"><input data-drupal-selector="edit-submit" type="submit" id="edit-submit--2" name="op" value="Envoyer le message" class="button button--primary js-form-submit form-submit" />
</div>

</form>

  </div>
"""
    head_meta = f'<link rel="canonical" href="{CH_ORIGIN}/contact" />\n'
    return ch_page(path="/contact", title="Contact", body_class="path-contact", content=content,
                   system_path="contact", head_meta=head_meta, breadcrumb=[("Accueil", "/")],
                   active_menu="/contact")


def ch_home_page() -> str:
    latest = ch_sorted()[:3]
    rows = "\n".join(ch_views_row(a) for a in latest)
    dossier_links = [
        (CH_BY_KEY["santetravail"].path, CH_BY_KEY["santetravail"].title),
        (CH_BY_KEY["benevolat"].path, CH_BY_KEY["benevolat"].title),
        (CH_DEAD_LINK, "Guide : le dialogue social dans les petites associations"),
        (CH_BY_KEY["seed"].path, CH_BY_KEY["seed"].title),
    ]
    dossiers = "\n".join(f'<li><a href="{href}">{esc_text(t)}</a></li>' for href, t in dossier_links)
    head_meta = f"""<meta name="description" content="Chorum, mutuelle de protection sociale complémentaire dédiée aux acteurs de l’économie sociale et solidaire." />
<link rel="canonical" href="{CH_ORIGIN}/" />
<link rel="shortlink" href="{CH_ORIGIN}/" />
<meta property="og:site_name" content="Chorum" />
<meta property="og:type" content="website" />
<meta property="og:url" content="{CH_ORIGIN}/" />
<meta property="og:title" content="Chorum" />
"""
    content = f"""    <div class="views-element-container block block-views block-views-blockactualites-block-une" id="block-views-block-actualites-block-une">
  
      <h2>À la une</h2>
    
      <div><div class="view view-actualites view-id-actualites view-display-id-block_une js-view-dom-id-{short_hash('home-une', n=64)}">
  
    
      
      <div class="view-content">
{rows}

    </div>
  
            <div class="more-link"><a href="/actualite">Toutes les actualités</a></div>

      </div>
</div>

  </div>
<div id="block-nosdossiers" class="block block-block-content block-block-content{short_hash('dossiers', n=8)}-{short_hash('dossiers', 1, n=4)}">
  
      <h2>Nos dossiers</h2>
    
      
            <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>Retrouvez nos analyses et nos guides pratiques pour les employeurs de l’ESS :</p>
<ul>
{dossiers}
</ul>
</div>
      
  </div>
<div id="block-quisommesnous" class="block block-block-content block-block-content{short_hash('qsn', n=8)}-{short_hash('qsn', 1, n=4)}">
  
      <h2>Chorum, la mutuelle de l’ESS</h2>
    
      
            <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>Créée par et pour les acteurs de l’économie sociale et solidaire, Chorum protège les salariés des associations, coopératives, mutuelles et fondations. <a href="/qui-sommes-nous">En savoir plus</a></p>
</div>
      
  </div>
"""
    return ch_page(path="/", title="Accueil", body_class="path-frontpage", content=content,
                   system_path="node", head_meta=head_meta, is_front=True, show_title=False,
                   active_menu="/")


CH_ROBOTS = """#
# robots.txt
#
# This file is to prevent the crawling and indexing of certain parts
# of your site by web crawlers and spiders run by sites like Yahoo!
# and Google. By telling these "robots" where not to go on your site,
# you save bandwidth and server resources.
#
# This file will be ignored unless it is at the root of your host:
# Used:    http://example.com/robots.txt
# Ignored: http://example.com/site/robots.txt
#
# For more information about the robots.txt standard, see:
# http://www.robotstxt.org/robotstxt.html

User-agent: *
# CSS, JS, Images
Allow: /core/*.css$
Allow: /core/*.css?
Allow: /core/*.js$
Allow: /core/*.js?
Allow: /core/*.gif
Allow: /core/*.jpg
Allow: /core/*.jpeg
Allow: /core/*.png
Allow: /core/*.svg
Allow: /profiles/*.css$
Allow: /profiles/*.css?
Allow: /profiles/*.js$
Allow: /profiles/*.js?
Allow: /profiles/*.gif
Allow: /profiles/*.jpg
Allow: /profiles/*.jpeg
Allow: /profiles/*.png
Allow: /profiles/*.svg
# Directories
Disallow: /core/
Disallow: /profiles/
# Files
Disallow: /README.txt
Disallow: /web.config
# Paths (clean URLs)
Disallow: /admin/
Disallow: /comment/reply/
Disallow: /filter/tips
Disallow: /node/add/
Disallow: /search/
Disallow: /user/register/
Disallow: /user/password/
Disallow: /user/login/
Disallow: /user/logout/
# Paths (no clean URLs)
Disallow: /index.php/admin/
Disallow: /index.php/comment/reply/
Disallow: /index.php/filter/tips
Disallow: /index.php/node/add/
Disallow: /index.php/search/
Disallow: /index.php/user/password/
Disallow: /index.php/user/register/
Disallow: /index.php/user/login/
Disallow: /index.php/user/logout/

Sitemap: https://www.chorum.fr/sitemap.xml
"""


def ch_sitemap() -> str:
    arts = ch_sorted()
    newest = max(a.changed for a in arts)
    entries = [(CH_ORIGIN + "/", newest, "daily", "1.0"),
               (CH_ORIGIN + "/actualite", newest, "daily", "0.8")]
    basic_changed = datetime(2019, 1, 15, 11, 4, 37, tzinfo=paris_tz(date(2019, 1, 15)))
    for p in CH_BASIC_PAGES:
        entries.append((CH_ORIGIN + p["path"], basic_changed, "yearly", "0.5"))
    for a in arts:
        entries.append((a.url, a.changed, "monthly", "0.7"))
    urls = "".join(f"<url><loc>{esc_text(loc)}</loc><lastmod>{lm.isoformat()}</lastmod><changefreq>{cf}</changefreq><priority>{pr}</priority></url>"
                   for loc, lm, cf, pr in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<?xml-stylesheet type="text/xsl" href="https://www.chorum.fr/sitemap.xsl"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" '
            'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">' + urls + "</urlset>\n")


def ch_rss() -> str:
    items = []
    for a in ch_sorted()[:10]:
        desc_html = (f'<span class="field field--name-title field--type-string field--label-hidden">{twig_esc(a.title)}</span>\n'
                     f'<div class="clearfix text-formatted field field--name-field-chapo field--type-text-long field--label-hidden field__item"><p>{DRUPAL.inline(a.chapo)}</p>\n</div>\n'
                     f'<ul class="links inline"><li class="node-readmore"><a href="{a.url}" rel="tag" title="{twig_esc(a.title)}" hreflang="fr">Lire la suite<span class="visually-hidden"> de {twig_esc(a.title)}</span></a></li></ul>')
        pub = format_datetime(a.created.astimezone(timezone.utc))
        items.append(f"""<item>
  <title>{esc_text(a.title)}</title>
  <link>{a.url}</link>
  <description>{esc_text(desc_html)}</description>
  <pubDate>{pub}</pubDate>
    <dc:creator>{esc_text(a.author)}</dc:creator>
    <guid isPermaLink="false">{a.nid} at {CH_ORIGIN}</guid>
    </item>""")
    body = "\n".join(items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xml:base="{CH_ORIGIN}/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:foaf="http://xmlns.com/foaf/0.1/" xmlns:og="http://ogp.me/ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" xmlns:schema="http://schema.org/" xmlns:sioc="http://rdfs.org/sioc/ns#" xmlns:sioct="http://rdfs.org/sioc/types#" xmlns:skos="http://www.w3.org/2004/02/skos/core#" xmlns:xsd="http://www.w3.org/2001/XMLSchema#">
  <channel>
    <title>Chorum</title>
    <link>{CH_ORIGIN}/</link>
    <description>Mutuelle de protection sociale de l’économie sociale et solidaire</description>
    <language>fr</language>
    
    {body}

  </channel>
</rss>
"""


def build_chorum(out: Path) -> list[str]:
    # sanity checks on the data
    keys = set(CH_BY_KEY)
    assert len(keys) == len(CH_ARTICLES), "duplicate chorum keys"
    slugs = [a.slug for a in CH_ARTICLES]
    assert len(set(slugs)) == len(slugs), "duplicate chorum slugs"
    for a in CH_ARTICLES:
        assert plain(a.chapo).startswith(a.trimmed.removesuffix("...")), a.key
        assert all(k in keys and k != a.key for k in a.related), a.key
        assert len(a.related) == len(set(a.related)), a.key
        assert note_refs(a.body) == set(range(1, len(a.notes) + 1)), a.key
    assert CH_DEAD_LINK not in {a.path for a in CH_ARTICLES}

    files: list[str] = []

    def put(rel: str, content: str) -> None:
        write(out / rel, content)
        files.append(rel)

    for a in CH_ARTICLES:
        put(f"actualite/{a.slug}.html", ch_article_page(a))
    arts = ch_sorted()
    pages = [arts[i:i + CH_PER_PAGE] for i in range(0, len(arts), CH_PER_PAGE)]
    for i, chunk in enumerate(pages):
        if i == 0:
            put("actualite.html", ch_listing_page(0, len(pages), chunk, None))
        put(f"actualite@page={i}.html", ch_listing_page(i, len(pages), chunk, f"page={i}"))
    for rub in CH_RUBRIQUES:
        if rub != "Actualité":
            put(CH_RUBRIQUES[rub].lstrip("/") + ".html", ch_term_page(rub))
    for p in CH_BASIC_PAGES:
        put(p["path"].lstrip("/") + ".html", ch_basic_page(p))
    put("contact.html", ch_contact_page())
    put("index.html", ch_home_page())
    put("robots.txt", CH_ROBOTS)
    put("sitemap.xml", ch_sitemap())
    put("rss.xml", ch_rss())
    return files


# ==========================================================================
# Site 2: ressources-solidaires.org (SPIP 3.2, dist templates, URLs propres)
# ==========================================================================

RS_ORIGIN = "https://www.ressources-solidaires.org"
RS_SITE = "Ressources Solidaires"
RS_PER_PAGE = 10
RS_GENERATOR = "SPIP 3.2.7 [24473]"


def spip_slug(title: str, max_len: int = 80) -> str:
    """SPIP "URLs propres": transliterated, case kept, non-alphanumerics -> '-'."""
    text = fold_ascii(re.sub(r"['’`]", " ", title))
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")
    if len(text) > max_len:
        text = text[:max_len].rsplit("-", 1)[0]
    return text


@dataclass
class Rubrique:
    id: int
    title: str
    descriptif: str

    @property
    def slug(self) -> str:
        return "-" + spip_slug(self.title) + "-"


RS_RUBRIQUES = {
    "actu": Rubrique(1, "Actualités", "L’actualité de l’économie sociale et solidaire : politiques publiques, réseaux, initiatives et territoires."),
    "emploi": Rubrique(2, "Emploi", "Les offres d’emploi des structures de l’économie sociale et solidaire."),
    "agenda": Rubrique(3, "Agenda", "Les rendez-vous de l’ESS : forums, rencontres, formations."),
}


@dataclass
class RsArticle:
    id: int
    title: str
    when: str                     # "YYYY-MM-DD HH:MM"
    rub: str
    chapo: str
    body: list[tuple]
    notes: list[str] = field(default_factory=list)
    mots: list[str] = field(default_factory=list)
    url_site: tuple[str, str] | None = None   # "Voir en ligne"

    @property
    def dt(self) -> datetime:
        return datetime.fromisoformat(self.when)

    @property
    def date(self) -> date:
        return self.dt.date()

    @property
    def iso(self) -> str:
        return self.dt.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def slug(self) -> str:
        return spip_slug(self.title)

    @property
    def url(self) -> str:
        return f"{RS_ORIGIN}/{self.slug}"

    @property
    def rubrique(self) -> Rubrique:
        return RS_RUBRIQUES[self.rub]


RS_ARTICLES: list[RsArticle] = [
    RsArticle(
        id=2154, when="2012-03-14 10:12", rub="actu", mots=["Coopératives", "Emploi"],
        title="Coopératives d’activité et d’emploi : un modèle qui séduit les créateurs",
        chapo="Tester son activité sans créer d’entreprise, tout en bénéficiant d’un statut d’entrepreneur-salarié et d’un collectif : les coopératives d’activité et d’emploi (CAE) attirent chaque année davantage de porteurs de projet.",
        body=[
            ("p", "Nées à la fin des années 1990, les CAE sont aujourd’hui plus d’une centaine en France. Elles accueillent des créateurs d’activité de tous horizons — graphistes, formateurs, artisans, consultants — qui développent leur propre clientèle tout en étant salariés de la coopérative."),
            ("h", "Comment ça marche ?"),
            ("p", "Le porteur de projet signe une convention d’accompagnement, puis un contrat de travail dès que son activité génère un chiffre d’affaires suffisant. La coopérative assure la gestion administrative, comptable et fiscale, et l’entrepreneur-salarié perçoit un salaire calculé sur la base de son chiffre d’affaires, déduction faite d’une contribution aux frais de la structure."),
            ("p", "Les CAE proposent généralement :"),
            ("ul", [
                "un accompagnement individuel par un chargé d’accompagnement ;",
                "des formations collectives à la gestion, au commercial et à la communication ;",
                "un cadre juridique sécurisé, avec la protection sociale d’un salarié ;",
                "la possibilité, à terme, de devenir associé de la coopérative.",
            ]),
            ("h", "Un statut encore à consolider"),
            ("p", "Les réseaux de CAE demandent aujourd’hui une reconnaissance législative du statut d’entrepreneur-salarié, afin de sécuriser un modèle qui repose encore sur des montages juridiques complexes. Une revendication qui pourrait trouver sa place dans un futur texte consacré à l’économie sociale et solidaire."),
        ],
    ),
    RsArticle(
        id=2287, when="2012-06-05 14:25", rub="emploi", mots=["Emploi"],
        title="Offre d’emploi : chargé de mission développement économique (H/F)",
        chapo="Une chambre régionale de l’économie sociale et solidaire recrute un chargé de mission développement économique en CDI, à temps plein, pour accompagner les entreprises de l’ESS de son territoire.",
        body=[
            ("h", "Missions"),
            ("p", "Sous la responsabilité du directeur, le ou la chargé(e) de mission aura pour principales missions :"),
            ("ul", [
                "l’accompagnement des porteurs de projet et des entreprises de l’ESS dans leur développement ;",
                "l’animation de réseaux d’acteurs sur les territoires ;",
                "la mise en place de partenariats avec les collectivités et les réseaux d’accompagnement à la création d’entreprise ;",
                "l’organisation d’événements, dont le Mois de l’ESS.",
            ]),
            ("h", "Profil recherché"),
            ("p", "Formation supérieure en développement local, économie ou gestion. Expérience de deux ans minimum dans l’accompagnement de projets. Bonne connaissance des acteurs de l’ESS. Permis B indispensable, déplacements fréquents dans la région."),
            ("h", "Conditions"),
            ("p", "CDI à temps plein, rémunération selon la convention collective et l’expérience. Poste à pourvoir au 1er septembre 2012."),
            ("p", "Candidatures (CV et lettre de motivation) à adresser avant le 30 juin à l’attention du directeur, par courriel uniquement."),
        ],
    ),
    RsArticle(
        id=2398, when="2012-10-18 16:40", rub="actu", mots=["Loi ESS", "ESS"],
        title="Économie sociale et solidaire : le gouvernement lance la concertation sur la future loi",
        chapo="Le ministre délégué chargé de l’Économie sociale et solidaire a présenté la méthode et le calendrier d’élaboration d’un projet de loi attendu pour 2013.",
        body=[
            ("p", "Annoncé pendant la campagne présidentielle, le projet de loi-cadre sur l’économie sociale et solidaire entre dans sa phase de concertation. Plusieurs groupes de travail associant les représentants des familles de l’ESS, les collectivités et les partenaires sociaux doivent rendre leurs conclusions d’ici la fin de l’année."),
            ("p", "Le texte devrait s’articuler autour de quelques grands chantiers : la définition du périmètre de l’ESS, le développement des coopératives, le financement des entreprises sociales et la reconnaissance de l’innovation sociale[^1]."),
            ("h", "Des attentes fortes sur le terrain"),
            ("p", "Pour les acteurs de terrain, l’enjeu est avant tout celui de la visibilité et du financement. « Nous attendons de cette loi qu’elle reconnaisse enfin le poids économique de l’ESS, qui représente un emploi sur dix en France », souligne un responsable de chambre régionale."),
            ("p", "La Banque publique d’investissement, en cours de création, pourrait par ailleurs consacrer une enveloppe spécifique au financement des entreprises de l’ESS, une mesure réclamée de longue date par les réseaux."),
        ],
        notes=["Dossier de presse du ministère de l’Économie et des Finances, octobre 2012."],
    ),
    RsArticle(
        id=2556, when="2013-02-12 17:10", rub="agenda", mots=["ESS", "Territoires"],
        title="Rencontres régionales de l’ESS : le programme de la journée du 14 mars",
        chapo="Les acteurs de l’économie sociale et solidaire de la région ont rendez-vous le jeudi 14 mars pour une journée d’échanges consacrée à l’emploi et au développement des territoires.",
        body=[
            ("p", "Organisée par la chambre régionale de l’ESS en partenariat avec le conseil régional, cette journée réunira associations, coopératives, mutuelles, élus et partenaires de l’accompagnement. Entrée libre sur inscription."),
            ("table", "Programme de la journée", ["Horaire", "Séquence", "Intervenants"], [
                ["9h00", "Accueil des participants", "—"],
                ["9h30", "Ouverture de la journée", "Président de la CRESS, vice-présidente du conseil régional"],
                ["10h00", "Table ronde : l’ESS, un gisement d’emplois pour les territoires", "Représentants de réseaux employeurs"],
                ["12h30", "Déjeuner solidaire", "Préparé par un chantier d’insertion"],
                ["14h00", "Ateliers thématiques (financement, coopération, transmission d’entreprise)", "Animés par les réseaux d’accompagnement"],
                ["16h30", "Restitution et clôture", "—"],
            ]),
            ("p", "Le nombre de places étant limité, l’inscription préalable est obligatoire. Le lieu exact sera communiqué aux participants lors de la confirmation de leur inscription."),
        ],
    ),
    RsArticle(
        id=2671, when="2013-05-23 09:05", rub="actu", mots=["Financement", "Territoires", "Appels à projets"],
        title="Appel à projets : innovation sociale en milieu rural",
        chapo="Une fondation d’entreprise lance un appel à projets destiné aux initiatives d’économie sociale et solidaire qui répondent aux besoins des habitants des territoires ruraux. Les dossiers sont à déposer avant le 30 juin 2013.",
        body=[
            ("p", "Mobilité, accès aux services, maintien des commerces de proximité, circuits courts alimentaires : les territoires ruraux sont confrontés à des besoins spécifiques, auxquels les entreprises de l’ESS apportent souvent des réponses innovantes."),
            ("h", "Qui peut candidater ?"),
            ("p", "L’appel à projets est ouvert aux associations, coopératives et entreprises sociales implantées dans une commune de moins de 10 000 habitants. Les projets doivent répondre aux critères suivants :"),
            ("ul", [
                "répondre à un besoin social identifié et non satisfait sur le territoire ;",
                "associer les habitants et les partenaires locaux à la gouvernance du projet ;",
                "présenter un modèle économique viable à trois ans ;",
                "créer ou consolider des emplois locaux.",
            ]),
            ("h", "Dotation et calendrier"),
            ("p", "Les lauréats, une dizaine au total, recevront une subvention comprise entre 10 000 et 30 000 euros, ainsi qu’un accompagnement personnalisé pendant un an. Le jury se réunira en septembre et les résultats seront annoncés pendant le Mois de l’ESS, en novembre."),
            ("p", "Le règlement complet et le dossier de candidature sont disponibles sur [le site de l’Avise](http://www.avise.org)."),
        ],
    ),
    RsArticle(
        id=2930, when="2013-11-12 11:20", rub="actu", mots=["ESS", "Territoires"],
        title="Mois de l’ESS 2013 : plus de 1 500 manifestations dans toute la France",
        chapo="Pour sa 6e édition, le Mois de l’économie sociale et solidaire propose tout au long du mois de novembre des portes ouvertes, des forums, des débats et des rencontres professionnelles dans toutes les régions.",
        body=[
            ("p", "Organisé par les chambres régionales de l’économie sociale et solidaire, le Mois de l’ESS est devenu en quelques années un rendez-vous incontournable pour faire découvrir au grand public la diversité des entreprises du secteur : associations, coopératives, mutuelles, fondations."),
            ("p", "Cette année, l’accent est mis sur l’emploi et la création d’activité, avec de nombreux forums de recrutement et des ateliers destinés aux porteurs de projet. Les jeunes, étudiants et demandeurs d’emploi, sont particulièrement ciblés."),
            ("quote", ["L’économie sociale et solidaire n’est pas une économie de la réparation : c’est une autre manière d’entreprendre, qui place la personne et le projet collectif au cœur de l’activité."]),
            ("p", "Cette phrase, prononcée lors de la soirée d’ouverture, résume l’ambition des organisateurs : changer le regard porté sur un secteur qui représente près de 10 % de l’emploi en France."),
            ("p", "Le programme complet des manifestations est consultable sur [le site officiel du Mois de l’ESS](http://www.lemois-ess.org)."),
        ],
    ),
    RsArticle(
        id=2951, when="2013-11-25 09:31", rub="actu", mots=["Réseaux sociaux", "Communication", "ESS"],
        title=SEED_TITLE, chapo=SEED_CHAPO, body=SEED_BODY, notes=SEED_NOTES,
        url_site=("Chorum", "https://www.chorum.fr/actualite/reseaux-sociaux-une-opportunite-pour-less"),
    ),
    RsArticle(
        id=3402, when="2014-07-22 18:02", rub="actu", mots=["Loi ESS", "ESS", "Coopératives"],
        title="La loi relative à l’économie sociale et solidaire définitivement adoptée",
        chapo="Après plus d’un an de navette parlementaire, le Parlement a définitivement adopté le 21 juillet le projet de loi relatif à l’économie sociale et solidaire. Un texte qualifié d’historique par les représentants du secteur.",
        body=[
            ("p", "Présenté en Conseil des ministres le 24 juillet 2013, le texte porté successivement par Benoît Hamon, Valérie Fourneyron puis Carole Delga a été adopté en lecture définitive par l’Assemblée nationale[^1]. Il reconnaît pour la première fois dans la loi le périmètre de l’économie sociale et solidaire et les principes qui la fondent."),
            ("h", "Ce que contient la loi"),
            ("ul", [
                "une définition de l’ESS ouverte aux sociétés commerciales respectant des principes de gouvernance démocratique et de lucrativité limitée ;",
                "un droit d’information des salariés en cas de cession de leur entreprise ;",
                "la création de la Scop d’amorçage et des groupements de Scop ;",
                "la reconnaissance des pôles territoriaux de coopération économique ;",
                "une définition de la subvention publique[^2].",
            ]),
            ("h", "Les décrets attendus"),
            ("p", "La mise en œuvre effective de nombreuses dispositions dépend désormais de la publication des décrets d’application, que le gouvernement s’est engagé à publier d’ici la fin de l’année. Les chambres régionales de l’ESS et leur conseil national se préparent à leurs nouvelles missions, désormais inscrites dans la loi[^3]."),
        ],
        notes=[
            "Voir le dossier législatif sur <http://www.assemblee-nationale.fr/14/dossiers/economie_sociale_solidaire.asp>",
            "Article 59 du texte adopté.",
            "Le Conseil national des chambres régionales de l’économie sociale (CNCRES) fédère les 26 CRESS.",
        ],
    ),
    RsArticle(
        id=3551, when="2014-10-15 10:05", rub="emploi", mots=["Emploi", "Coopératives"],
        title="Offre d’emploi : responsable administratif et financier (H/F) en Scop",
        chapo="Une Scop du bâtiment de 45 salariés recherche son ou sa responsable administratif et financier, avec la perspective de devenir associé(e) de la coopérative.",
        body=[
            ("h", "L’entreprise"),
            ("p", "Créée en 1982, la coopérative intervient dans la rénovation et l’éco-construction. Elle compte 45 salariés, dont 32 associés, et réalise un chiffre d’affaires de 5 millions d’euros."),
            ("h", "Vos missions"),
            ("ul", [
                "supervision de la comptabilité générale et analytique, en lien avec l’expert-comptable ;",
                "élaboration du budget et suivi de la trésorerie ;",
                "gestion de la paie et des relations avec les organismes sociaux ;",
                "préparation des assemblées générales et des conseils d’administration ;",
                "participation au comité de direction.",
            ]),
            ("h", "Profil"),
            ("p", "De formation supérieure en gestion ou comptabilité, vous justifiez d’une expérience d’au moins cinq ans sur un poste similaire. Une sensibilité au fonctionnement coopératif et à la gouvernance démocratique est attendue."),
            ("p", "Poste en CDI, statut cadre. Rémunération : 38 à 42 k€ bruts annuels selon expérience."),
        ],
    ),
    RsArticle(
        id=3688, when="2015-01-22 10:45", rub="actu", mots=["Jeunes", "Associations"],
        title="Service civique : les structures de l’ESS appelées à se mobiliser",
        chapo="Le président de la République a annoncé sa volonté de généraliser le service civique, pour le rendre accessible à tous les jeunes qui le souhaitent. Les associations sont en première ligne.",
        body=[
            ("p", "Créé en 2010, le service civique permet aux jeunes de 16 à 25 ans de s’engager pendant six à douze mois dans une mission d’intérêt général, en contrepartie d’une indemnité mensuelle. Associations, collectivités et établissements publics peuvent accueillir des volontaires après avoir obtenu un agrément."),
            ("h", "Un accueil qui demande des moyens"),
            ("p", "Pour les associations, accueillir davantage de volontaires suppose de dégager du temps de tutorat et de construire des missions de qualité, qui ne se substituent pas à des emplois salariés. Plusieurs réseaux ont rappelé leur vigilance sur ce point."),
            ("p", "« Le service civique est une formidable chance pour les jeunes comme pour les associations, à condition de ne pas en faire un dispositif d’emploi au rabais », rappelle une responsable de fédération d’éducation populaire."),
            ("p", "L’Agence du service civique annonce une simplification des procédures d’agrément et un renforcement de la formation des tuteurs au cours de l’année 2015."),
        ],
    ),
    RsArticle(
        id=3790, when="2015-03-14 14:00", rub="actu", mots=["Territoires", "Appels à projets", "Loi ESS"],
        title="Pôles territoriaux de coopération économique : un nouvel appel à projets",
        chapo="Reconnus par la loi ESS de juillet 2014, les pôles territoriaux de coopération économique (PTCE) font l’objet d’un nouvel appel à projets interministériel. Les candidatures sont ouvertes jusqu’au 15 mai.",
        body=[
            ("p", "Un PTCE regroupe sur un même territoire des entreprises de l’ESS, des PME, des collectivités, des centres de recherche et des organismes de formation, qui mettent en œuvre une stratégie commune de coopération au service de projets économiques innovants. Leur existence a été consacrée par [la loi relative à l’économie sociale et solidaire](art3402)."),
            ("p", "Un premier appel à projets, lancé en 2013, avait permis de sélectionner 23 pôles, soutenus à hauteur de 3 millions d’euros."),
            ("h", "Les critères de sélection"),
            ("p", "Le jury sera attentif à la maturité de la coopération entre les membres, à l’ancrage territorial du projet, à sa capacité à créer des emplois non délocalisables et à l’implication des collectivités locales."),
            ("p", "Le cahier des charges est disponible auprès des directions régionales et des chambres régionales de l’ESS, qui peuvent accompagner les porteurs de projet dans la constitution de leur dossier."),
        ],
    ),
    RsArticle(
        id=3925, when="2015-06-19 08:50", rub="actu", mots=["Financement", "ESS"],
        title="Finance solidaire : l’épargne solidaire poursuit sa progression",
        chapo="Malgré un contexte de taux bas, l’encours de l’épargne solidaire a de nouveau progressé en 2014. Une ressource précieuse pour les entreprises qui conjuguent utilité sociale et activité économique.",
        body=[
            ("p", "Selon le baromètre annuel de la finance solidaire, l’encours de l’épargne solidaire approchait les 7 milliards d’euros fin 2014[^1], en hausse de plus de 10 % sur un an. L’épargne salariale solidaire, portée par l’obligation faite aux entreprises de proposer un fonds solidaire dans leur plan d’épargne, reste le principal moteur de cette croissance."),
            ("p", "Ces sommes financent des entreprises et des associations qui œuvrent dans le logement très social, l’insertion par l’activité économique, l’environnement ou l’entrepreneuriat dans les pays en développement."),
            ("h", "Le label Finansol, gage de confiance"),
            ("p", "Plus de 140 produits d’épargne bénéficient aujourd’hui du label Finansol, qui garantit la solidarité et la transparence des placements. Livrets, fonds communs de placement, actions non cotées : les formules se sont largement diversifiées[^2]."),
            ("p", "Reste un défi : faire connaître ces produits au grand public. Une majorité de Français déclarent ne jamais s’être vu proposer de placement solidaire par leur banque."),
        ],
        notes=[
            "Finansol et La Croix, Baromètre de la finance solidaire, édition 2015-2016.",
            "Liste des produits labellisés sur <http://www.finansol.org>",
        ],
    ),
    RsArticle(
        id=4051, when="2015-09-08 09:15", rub="actu", mots=["Protection sociale", "Associations"],
        title="Complémentaire santé obligatoire : les associations employeuses se préparent",
        chapo="Tous les employeurs du secteur privé devront bientôt proposer une couverture complémentaire santé collective à leurs salariés. Les associations, souvent de petite taille, n’ont plus que quelques mois pour se mettre en conformité.",
        body=[
            ("p", "Issue de l’accord national interprofessionnel du 11 janvier 2013, puis de la loi de sécurisation de l’emploi du 14 juin 2013, la généralisation de la complémentaire santé entrera en vigueur le 1er janvier 2016. Elle concerne toutes les entreprises, quelle que soit leur taille, et donc l’ensemble des associations employeuses."),
            ("h", "Un panier de soins minimum"),
            ("p", "Le contrat proposé doit couvrir au minimum un panier de soins défini par décret, et l’employeur doit en financer au moins la moitié. Certaines branches professionnelles de l’ESS, comme l’animation ou l’aide à domicile, ont négocié des accords qui encadrent le choix de l’organisme assureur."),
            ("p", "Les salariés en contrat court, à temps très partiel ou déjà couverts par ailleurs peuvent, sous conditions, demander à être dispensés d’adhésion."),
            ("h", "Anticiper plutôt que subir"),
            ("p", "Les têtes de réseau recommandent aux associations de ne pas attendre les dernières semaines de l’année pour comparer les offres et consulter leurs salariés. Plusieurs mutuelles proposent des contrats spécifiquement conçus pour les petites structures de l’ESS."),
        ],
    ),
    RsArticle(
        id=4190, when="2016-02-24 09:40", rub="agenda", mots=["Emploi", "Jeunes"],
        title="Forum de l’emploi solidaire : rendez-vous le 17 mars à Lyon",
        chapo="Pour sa 2e édition, le Forum de l’emploi solidaire réunira le jeudi 17 mars une cinquantaine d’employeurs de l’économie sociale et solidaire qui recrutent.",
        body=[
            ("p", "Après le succès de la première édition, qui avait attiré plus de 800 visiteurs, le forum revient avec un format élargi : stands d’employeurs, ateliers CV, conférences sur les métiers de l’ESS et espace dédié à la création d’activité."),
            ("h", "Au programme"),
            ("ul", [
                "des offres d’emploi, de stage et de service civique dans l’animation, l’aide à domicile, l’insertion, l’environnement ou la finance solidaire ;",
                "des ateliers de simulation d’entretien animés par des professionnels du recrutement ;",
                "une conférence sur les parcours professionnels dans l’ESS, à 14h ;",
                "un espace d’information sur les coopératives d’activité et d’emploi.",
            ]),
            ("p", "L’entrée est libre et gratuite. Pensez à apporter plusieurs exemplaires de votre CV. Les offres des employeurs présents seront publiées en amont sur le site de Ressources Solidaires."),
        ],
    ),
    RsArticle(
        id=4266, when="2016-04-11 15:30", rub="actu", mots=["Territoires", "Coopératives"],
        title="Tiers-lieux : l’ESS réinvente les espaces de travail en zone rurale",
        chapo="Espaces de coworking, ateliers partagés, fablabs : les tiers-lieux se multiplient dans les petites villes et les campagnes, souvent portés par des associations ou des sociétés coopératives d’intérêt collectif.",
        body=[
            ("p", "Au départ, il y a souvent un constat : des travailleurs indépendants isolés, des salariés qui passent des heures sur la route, des locaux vacants en centre-bourg. Les tiers-lieux proposent de réunir ces énergies dans un même espace, ouvert et convivial."),
            ("p", "Beaucoup ont choisi le statut de société coopérative d’intérêt collectif (SCIC), qui permet d’associer au capital les usagers, les salariés, les collectivités et les partenaires privés. Une gouvernance partagée qui colle à l’esprit de ces lieux."),
            ("h", "Un modèle économique fragile"),
            ("p", "Reste la question de la viabilité. Les recettes de location d’espaces suffisent rarement à équilibrer les comptes, et la plupart des tiers-lieux combinent plusieurs activités : formation, restauration, événements, services aux entreprises. Le soutien des collectivités reste souvent déterminant pendant les premières années."),
            ("p", "Les porteurs de projet peuvent s’appuyer sur l’expérience des [pôles territoriaux de coopération économique](art3790) et sur les réseaux régionaux de tiers-lieux, qui se structurent progressivement."),
        ],
    ),
    RsArticle(
        id=4398, when="2016-06-14 11:00", rub="actu", mots=["Emploi", "Jeunes"],
        title="Emploi des jeunes : l’ESS recrute mais reste méconnue",
        chapo="D’ici 2020, près de 600 000 salariés de l’économie sociale et solidaire partiront à la retraite. Une opportunité pour les jeunes diplômés, qui connaissent pourtant mal les métiers du secteur.",
        body=[
            ("p", "Le renouvellement des générations est l’un des grands défis de l’ESS pour les prochaines années[^1]. Les départs à la retraite concernent tous les niveaux de qualification, mais touchent particulièrement les postes de direction et d’encadrement."),
            ("p", "Or, selon plusieurs enquêtes récentes, une majorité d’étudiants déclare ne pas savoir ce que recouvre l’économie sociale et solidaire. Ceux qui la connaissent en ont pourtant une image très positive, associée au sens du travail et à l’utilité sociale."),
            ("h", "Des initiatives pour se faire connaître"),
            ("p", "Forums emploi, interventions dans les universités, plateformes de stages : les réseaux de l’ESS multiplient les actions en direction des jeunes. Ressources Solidaires publie chaque semaine plusieurs dizaines d’offres d’emploi et de stage dans le secteur."),
            ("p", "Les employeurs sont aussi invités à s’interroger sur leurs pratiques : conditions de travail, niveaux de rémunération et perspectives d’évolution pèsent lourd dans l’attractivité des structures."),
        ],
        notes=["Observatoire national de l’ESS (CNCRES), étude sur les départs à la retraite des salariés de l’ESS."],
    ),
]
RS_BY_ID = {a.id: a for a in RS_ARTICLES}


def rs_sorted(arts: list[RsArticle] | None = None) -> list[RsArticle]:
    return sorted(arts if arts is not None else RS_ARTICLES, key=lambda a: a.dt, reverse=True)


def rs_mots() -> list[str]:
    return sorted({m for a in RS_ARTICLES for m in a.mots}, key=lambda m: fold_ascii(m).lower())


def mot_slug(mot: str) -> str:
    return "+" + spip_slug(mot) + "+"


AUTEUR_SLUG = "_" + spip_slug(RS_SITE) + "_"

_EXPOSANT_RE = re.compile(r"\b(\d+)(ers|er|res|re|èmes|ème|es|e)\b")


def spip_typo(t: str) -> str:
    """SPIP's French typography on a text run, escaped for HTML."""
    t = t.replace("'", "’")
    t = _EXPOSANT_RE.sub(lambda m: f"{m.group(1)}\x01{m.group(2)}\x02", t)
    t = re.sub(r"[ \u00a0]?([:;!?])(?=\s|$)", "\u00a0\\1", t)
    t = re.sub(r"«[ \u00a0]*", "«\u00a0", t)
    t = re.sub(r"[ \u00a0]*»", "\u00a0»", t)
    t = esc_text(t)
    return (t.replace("\u00a0", "&nbsp;")
            .replace("\x01", '<sup class="typo_exposants">').replace("\x02", "</sup>"))


def spip_typo_plain(t: str) -> str:
    """The same typography as plain text (no tags, real no-break spaces)."""
    t = t.replace("'", "’")
    t = re.sub(r"[ \u00a0]?([:;!?])(?=\s|$)", "\u00a0\\1", t)
    t = re.sub(r"«[ \u00a0]*", "«\u00a0", t)
    return re.sub(r"[ \u00a0]*»", "\u00a0»", t)


class SpipFlavor(Flavor):
    def __init__(self, notes: list[str] | None = None):
        self.notes = notes or []

    def text(self, t: str) -> str:
        return spip_typo(t)

    def sup(self, t: str) -> str:
        return f'<sup class="typo_exposants">{esc_text(t)}</sup>'

    def note_ref(self, n: int) -> str:
        title = re.sub(r"\s+", " ", plain(self.notes[n - 1])).strip()
        if len(title) > 80:
            title = title[:80].rsplit(" ", 1)[0] + " …"
        return (f'<span class="spip_note_ref">&nbsp;[<a href="#nb{n}" class="spip_note" rel="appendix" '
                f'title="{esc(title)}" id="nh{n}">{n}</a>]</span>')

    def link(self, label: str, url: str) -> str:
        m = re.fullmatch(r"art(\d+)", url)
        if m:
            target = RS_BY_ID[int(m.group(1))]
            return f'<a href="{target.slug}" class="spip_in">{self.inline(label)}</a>'
        return f'<a href="{esc(url)}" class="spip_out" rel="external">{self.inline(label)}</a>'

    def autolink(self, url: str) -> str:
        return f'<a href="{esc(url)}" class="spip_url spip_out auto" rel="nofollow external">{esc_text(url)}</a>'


def spip_blocks(blocks: list[tuple], fl: SpipFlavor) -> str:
    out = []
    for b in blocks:
        kind = b[0]
        if kind in ("h", "h3"):
            out.append(f'<h3 class="spip">{fl.inline(b[1])}</h3>')
        elif kind == "p":
            out.append(f"<p>{fl.inline(b[1])}</p>")
        elif kind == "ul":
            items = "".join(f"<li>{fl.inline(i)}</li>" for i in b[1])
            out.append(f'<ul class="spip">{items}</ul>')
        elif kind == "quote":
            paras = "\n".join(f"<p>{fl.inline(i)}</p>" for i in b[1])
            out.append(f'<blockquote class="spip">\n{paras}\n</blockquote>')
        elif kind == "table":
            _, caption, header, rows = b
            tid = short_hash(caption, n=4)
            ths = "".join(f"<th id='id{tid}_c{i}'>{fl.inline(h)}</th>" for i, h in enumerate(header))
            trs = []
            for r, row in enumerate(rows):
                cls = "row_odd odd" if r % 2 == 0 else "row_even even"
                tds = "\n".join(f"<td headers='id{tid}_c{i}'>{fl.inline(c)}</td>" for i, c in enumerate(row))
                trs.append(f"<tr class='{cls}'>\n{tds}</tr>")
            body = "\n".join(trs)
            out.append(f'<table class="spip">\n<caption>{fl.inline(caption)}</caption>\n'
                       f"<thead><tr class='row_first'>{ths}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>")
        else:
            raise ValueError(kind)
    return "\n\n".join(out)


def rs_intro(a: RsArticle, limit: int = 300) -> str:
    """#INTRODUCTION: chapô then text, cut, SPIP typography (HTML)."""
    text = " ".join([plain(a.chapo)] + blocks_plain(a.body))
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0]
        return spip_typo(text) + "&nbsp;(…)"
    return spip_typo(text)


def rs_title(a: RsArticle | Rubrique) -> str:
    return spip_typo(a.title)


def rs_head(title_text: str, description: str | None, canonical: str | None) -> str:
    desc = f'\t<meta name="description" content="{esc(description)}" />\n' if description else ""
    canon = f'\t<link rel="canonical" href="{canonical}" />\n' if canonical else ""
    return f"""<head>
	<script type='text/javascript'>/*<![CDATA[*/(function(H){{H.className=H.className.replace(/\\bno-js\\b/,'js')}})(document.documentElement);/*]]>*/</script>
	<title>{esc_text(title_text)}</title>
{desc}{canon}	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />


<link rel="alternate" type="application/rss+xml" title="Syndiquer tout le site" href="spip.php?page=backend" />


<link rel='stylesheet' href='local/cache-css/{short_hash("rs-css", n=32)}.css?1583761235' type='text/css' />



<script type='text/javascript'>var mediabox_settings={{"auto_detect":true,"ns":"box","tt_img":true,"sel_g":"#documents_portfolio a[type='image\\/jpeg'],#documents_portfolio a[type='image\\/png'],#documents_portfolio a[type='image\\/gif']","sel_c":".mediabox","str_ssStart":"Diaporama","str_ssStop":"Arr\\u00eater","str_cur":"{{current}}\\/{{total}}","str_prev":"Pr\\u00e9c\\u00e9dent","str_next":"Suivant","str_close":"Fermer","str_noTitle":"","splash_url":"","lity":{{"skin":"_simple-dark","maxWidth":"90%","maxHeight":"90%","minWidth":"400px","minHeight":"","slideshow_speed":"2500","opacite":"0.9","defaultCaptionState":"expanded"}}}};</script>
<!-- insert_head_css -->





<script type='text/javascript' src='local/cache-js/{short_hash("rs-js", n=32)}.js?1583761235'></script>










<!-- insert_head -->
	
	





<meta name="generator" content="{RS_GENERATOR}" />


<link rel="icon" type="image/x-icon" href="squelettes-dist/favicon.ico" />
<link rel="shortcut icon" type="image/x-icon" href="squelettes-dist/favicon.ico" /></head>"""


def rs_nav(current: str | None) -> str:
    items = []
    for key, r in RS_RUBRIQUES.items():
        on = ' class="on"' if key == current else ""
        items.append(f'\t\t<li class="menu-entree"><a href="{r.slug}"{on}>{rs_title(r)}</a></li>')
    return "\n".join(items)


def rs_page(*, body_class: str, head: str, content: str, aside: str, current_rub: str | None) -> str:
    return f"""<!DOCTYPE html>
<html dir="ltr" lang="fr" class="ltr fr no-js">
{head}

<body class="pas_surlignable {body_class}">
<div class="page">

	<div class="header" id="header">
	<div class="accueil">
	<a rel="start home" href="{RS_ORIGIN}/" title="Accueil"
	><img class='spip_logo spip_logos' alt="" src="IMG/siteon0.png?1384789282" width="220" height="80" /> <strong id="nom_site_spip">{RS_SITE}</strong></a>
	</div>
	<p id="slogan">Le portail de l’économie sociale et solidaire</p>
	<div class="formulaire_spip formulaire_recherche" id="formulaire_recherche">
<form action="spip.php?page=recherche" method="get"><div>
	<input name="page" value="recherche" type="hidden"
/>
	
	<label for="recherche">Rechercher :</label>
	<input type="search" class="search text" size="10" name="recherche" id="recherche" accesskey="4" autocapitalize="off" autocorrect="off"
	/><input type="submit" class="submit" value="&gt;&gt;" title="Rechercher" />
</div></form>
</div>
</div>
	<div class="nav clearfix" id="nav">
	<ul class="menu-liste">
{rs_nav(current_rub)}
	</ul>
</div>

	<div class="main">
		
		<div class="wrapper hfeed">
		<div class="content hentry" id="content">
{content}
		</div><!--.content-->
		</div><!--.wrapper-->


		<div class="aside">
{aside}
		</div><!--.aside-->
	</div><!--.main-->

	<div class="footer clearfix">
	<p class="colophon">
		2012-2016 {RS_SITE}
		<br /><a rel="contents" href="spip.php?page=plan">Plan du site</a><span class="sep"> | </span><a rel="nofollow" class="contact" href="spip.php?page=contact">Contact</a><span class="sep"> | </span><a href="spip.php?page=backend" rel="alternate" title="Syndiquer tout le site"><img src="squelettes-dist/feed.png" alt="Suivre la vie du site" width="16" height="16" />&nbsp;RSS&nbsp;2.0</a>
	</p>
	<small class="generator"><a href="https://www.spip.net/" rel="generator" title="Site réalisé avec SPIP" class="generator spip_out"><img src="squelettes-dist/spip.png" alt="SPIP" width="60" height="40" /></a></small>
</div>
</div><!--.page-->
</body>
</html>
"""


def rs_forum_form(a: RsArticle, in_article: bool = True) -> str:
    intro = ""
    if in_article:
        intro = f"""<a href="#forum" name="forum" id="forum"></a>

<div class="forum-repondre"><a href="spip.php?page=forum&amp;id_article={a.id}">Répondre à cet article</a></div>

<h2 class="h2">Un message, un commentaire&nbsp;?</h2>
"""
    action = a.slug if in_article else f"spip.php?page=forum&amp;id_article={a.id}"
    return intro + f"""<div class="formulaire_spip formulaire_forum ajax" id="formulaire_forum">
	<form action="{action}#formulaire_forum" method="post" enctype="multipart/form-data"><div>
	<input name="formulaire_action" type="hidden" value="forum" /><input name="formulaire_action_args" type="hidden" value="{short_hash('forum', a.id, n=48)}" /><input type="hidden" name="id_article" value="{a.id}" /><input type="hidden" name="id_objet" value="{a.id}" /><input type="hidden" name="objet" value="article" /><input type="hidden" name="id_forum" value="" />
	<input type="hidden" name="arg" value="" />
	<input type="hidden" name="hash" value="" />
	<input type="hidden" name="verif_" value="ok" />
	<div class="editer-groupe">
	<fieldset class="saisie_texte">
		<legend>Votre message</legend>
		<p class="explication saisie_texte_info">Les forums sont modérés a priori&nbsp;: votre contribution n’apparaîtra qu’après avoir été validée par un administrateur du site.</p>
		<div class="editer-groupe">
			<div class="editer saisie_titre obligatoire">
				<label for="titre_forum">Titre (obligatoire)</label>
				<input type="text" class="text" name="titre" id="titre_forum" value="" size="60" />
			</div>
			<div class="editer saisie_texte obligatoire">
				<label for="texte_forum">Texte de votre message (obligatoire)</label>
				<p class="explication" id="explicationtexte_forum">Pour créer des paragraphes, laissez simplement des lignes vides.</p>
				<textarea name="texte" id="texte_forum" rows="10" cols="60"></textarea>
			</div>
		</div>
	</fieldset>
	<fieldset>
		<legend>Qui êtes-vous&nbsp;?</legend>
		<div class="editer-groupe">
			<div class="editer saisie_session_nom">
				<label for="session_nom">Votre nom</label>
				<input type="text" class="text" name="session_nom" id="session_nom" value="" size="40" autocapitalize="off" autocorrect="off" />
			</div>
			<div class="editer saisie_session_email">
				<label for="session_email">Votre adresse email</label>
				<input type="email" class="text email" name="session_email" id="session_email" value="" size="40" autocapitalize="off" autocorrect="off" />
			</div>
		</div>
	</fieldset>
	</div>
	<p style="display: none;"><label for="nobot_forum">Laisser ce champ vide</label><input type="text" class="text" name="nobot" id="nobot_forum" value="" size="10" /></p>
	<p class="boutons"><input type="submit" class="submit" name="previsualiser_message_forum" value="Prévisualiser" /></p>
	</div></form>
</div>"""


def rs_aside_article(a: RsArticle) -> str:
    same = rs_sorted([x for x in RS_ARTICLES if x.rub == a.rub])[:10]
    lis = []
    for x in same:
        on = ' class="on"' if x.id == a.id else ""
        lis.append(f'\t\t\t\t\t<li><a href="{x.slug}"{on}>{rs_title(x)}</a></li>')
    same_html = "\n".join(lis)
    other = rs_sorted([x for x in RS_ARTICLES if x.rub != a.rub])
    # the 5 articles of other rubriques closest in time to this one
    other = sorted(other, key=lambda x: (abs((x.dt - a.dt).total_seconds()), -x.id))[:5]
    other = rs_sorted(other)
    els = "\n".join(f'\t\t\t\t\t<li><a href="{x.slug}">{rs_title(x)}</a> <small>{fr_date(x.date)}</small></li>' for x in other)
    return f"""			<div class="menu">
				<h2>Autres articles dans cette rubrique</h2>
				<ul>
{same_html}
				</ul>
			</div>
			<div class="menu">
				<h2>Ailleurs sur le site</h2>
				<ul class="spip">
{els}
				</ul>
			</div>"""


def rs_aside_rubriques() -> str:
    lis = "\n".join(f'\t\t\t\t\t<li><a href="{r.slug}">{rs_title(r)}</a></li>' for r in RS_RUBRIQUES.values())
    return f"""			<div class="menu menu_rubriques">
				<h2>Rubriques</h2>
				<ul>
{lis}
				</ul>
			</div>"""


def rs_article_page(a: RsArticle) -> str:
    fl = SpipFlavor(a.notes)
    r = a.rubrique
    chapo = "".join(f"<p>{fl.inline(p)}</p>" for p in [a.chapo])
    texte = spip_blocks(a.body, fl)
    parts = [f"""			<p class="arbo"><a href="./">Accueil</a> &gt; <a href="{r.slug}">{rs_title(r)}</a> &gt; <strong class="on">{rs_title(a)}</strong></p>

			<div class="cartouche">
				
				
				<h1 class="surlignable">{rs_title(a)}</h1>
				
				<p class="info-publi"><abbr class="published" title="{a.iso}">Publié le {fr_weekday_date(a.date)}</abbr><span class="sep">, </span><span class="auteurs">par  <span class="vcard author"><a class="url fn spip_in" href="{AUTEUR_SLUG}">{RS_SITE}</a></span></span></p>
				
				
			</div>

			<div class="surlignable"><div class="chapo">{chapo}</div></div>
			<div class="texte surlignable clearfix">{texte}</div>
"""]
    if a.url_site:
        name, url = a.url_site
        parts.append(f'\t\t\t<p class="hyperlien">Voir en ligne&nbsp;: <a href="{esc(url)}" class="spip_out"><strong>{esc_text(name)}</strong></a></p>\n')
    if a.notes:
        notes = "\n\n".join(
            f'<div id="nb{i}">\n<p><span class="spip_note_ref">[<a href="#nh{i}" class="spip_note" title="Notes {i}" rev="appendix">{i}</a>] </span>{fl.inline(n)}</p>\n</div>'
            for i, n in enumerate(a.notes, 1))
        parts.append(f'\t\t\t<div class="notes surlignable"><h2 class="h2 pas_surlignable">Notes</h2>{notes}</div>\n')
    if a.mots:
        lis = "".join(f'<li><a href="{mot_slug(m)}" rel="tag">{spip_typo(m)}</a></li>' for m in a.mots)
        parts.append(f'\n\t\t\t<div class="mots"><h2>Mots clés</h2><ul>{lis}</ul></div>\n')
    parts.append("\n" + rs_forum_form(a) + "\n")
    content = "".join(parts)
    desc = re.sub(r"<[^>]+>", "", rs_intro(a, 150)).replace("&nbsp;", " ")
    head = rs_head(f"{spip_typo_plain(a.title).replace(chr(160), ' ')} - {RS_SITE}", html.unescape(desc), a.url)
    return rs_page(body_class="page_article", head=head, content=content, aside=rs_aside_article(a),
                   current_rub=a.rub)


def rs_list_items(arts: list[RsArticle], with_rub: bool = False) -> str:
    out = []
    for a in arts:
        rub = f'<span class="sep"> - </span><a href="{a.rubrique.slug}">{rs_title(a.rubrique)}</a>' if with_rub else ""
        out.append(f"""		<li class="item hentry">
			<h3 class="h3 entry-title"><a href="{a.slug}" rel="bookmark">{rs_title(a)}</a></h3>
			<p class="info-publi"><abbr class="published" title="{a.iso}">{fr_date(a.date)}</abbr>{rub}</p>
			<div class="introduction entry-content"><p>{rs_intro(a)}</p></div>
		</li>""")
    return "\n".join(out)


def spip_pagination(base: str, debut: int, total: int, per_page: int, name: str = "articles") -> str:
    parts = []
    for start in range(0, total, per_page):
        if start == debut:
            parts.append(f'<strong class="on">{start}</strong>')
        else:
            q = f"?debut_{name}={start}" if start else ""
            parts.append(f'<a href="{base}{q}#pagination_{name}" class="lien_pagination" rel="nofollow">{start}</a>')
    return '<p class="pagination"><span class="pages">' + '<span class="sep"> | </span>'.join(parts) + "</span></p>"


def rs_rubrique_page(key: str, debut: int = 0) -> str:
    r = RS_RUBRIQUES[key]
    arts = rs_sorted([a for a in RS_ARTICLES if a.rub == key])
    chunk = arts[debut:debut + RS_PER_PAGE]
    pagination = spip_pagination(r.slug, debut, len(arts), RS_PER_PAGE) if len(arts) > RS_PER_PAGE else ""
    newest = arts[0]
    content = f"""			<p class="arbo"><a href="./">Accueil</a> &gt; <strong class="on">{rs_title(r)}</strong></p>

			<div class="cartouche">
				<h1 class="surlignable">{rs_title(r)}</h1>
				<p class="info-publi">Dernier ajout&nbsp;: <abbr class="published" title="{newest.iso}">{fr_date(newest.date)}</abbr>.</p>
			</div>

			<div class="chapo surlignable"><p>{spip_typo(r.descriptif)}</p></div>

			<a id='pagination_articles' class='pagination_ancre'></a>
			<div class="liste articles">
				<h2 class="h2">Articles de cette rubrique</h2>
				<ul class="liste-items">
{rs_list_items(chunk)}
				</ul>
				{pagination}
			</div>
"""
    canonical = f"{RS_ORIGIN}/{r.slug}" + (f"?debut_articles={debut}" if debut else "")
    head = rs_head(f"{r.title} - {RS_SITE}", r.descriptif, canonical)
    aside = rs_aside_rubriques()
    return rs_page(body_class="page_rubrique", head=head, content=content, aside=aside, current_rub=key)


def rs_mot_page(mot: str) -> str:
    arts = rs_sorted([a for a in RS_ARTICLES if mot in a.mots])
    content = f"""			<p class="arbo"><a href="./">Accueil</a> &gt; <strong class="on">{spip_typo(mot)}</strong></p>

			<div class="cartouche">
				<h1 class="surlignable">{spip_typo(mot)}</h1>
			</div>

			<div class="liste articles">
				<h2 class="h2">Articles liés</h2>
				<ul class="liste-items">
{rs_list_items(arts, with_rub=True)}
				</ul>
			</div>
"""
    head = rs_head(f"{mot} - {RS_SITE}", None, f"{RS_ORIGIN}/{mot_slug(mot)}")
    return rs_page(body_class="page_mot", head=head, content=content, aside=rs_aside_rubriques(), current_rub=None)


def rs_auteur_page() -> str:
    arts = rs_sorted()
    content = f"""			<p class="arbo"><a href="./">Accueil</a> &gt; <strong class="on">{RS_SITE}</strong></p>

			<div class="cartouche vcard">
				<h1 class="surlignable fn">{RS_SITE}</h1>
			</div>
			<div class="texte surlignable"><p>Ressources Solidaires est une association qui anime depuis 2001 un portail d’information sur l’économie sociale et solidaire&nbsp;: actualités, offres d’emploi, agenda et annuaire des acteurs.</p></div>

			<div class="liste articles">
				<h2 class="h2">Ses articles</h2>
				<ul class="liste-items">
{rs_list_items(arts, with_rub=True)}
				</ul>
			</div>
"""
    head = rs_head(f"{RS_SITE} - {RS_SITE}", None, f"{RS_ORIGIN}/{AUTEUR_SLUG}")
    return rs_page(body_class="page_auteur", head=head, content=content, aside=rs_aside_rubriques(), current_rub=None)


def rs_home_page() -> str:
    arts = rs_sorted()[:10]
    content = f"""			<h1 class="h1 invisible">{RS_SITE}</h1>
			<div class="chapo"><p>Le portail de l’économie sociale et solidaire&nbsp;: actualités, offres d’emploi et agenda des acteurs de l’ESS.</p></div>

			<div class="liste articles">
				<h2 class="h2">Derniers articles</h2>
				<ul class="liste-items">
{rs_list_items(arts, with_rub=True)}
				</ul>
			</div>
"""
    head = rs_head(RS_SITE, "Le portail de l’économie sociale et solidaire : actualités, offres d’emploi et agenda des acteurs de l’ESS.", f"{RS_ORIGIN}/")
    return rs_page(body_class="page_sommaire", head=head, content=content, aside=rs_aside_rubriques(), current_rub=None)


def rs_plan_page() -> str:
    blocks = []
    for key, r in RS_RUBRIQUES.items():
        arts = rs_sorted([a for a in RS_ARTICLES if a.rub == key])
        lis = "\n".join(f'\t\t\t\t\t<li><a href="{a.slug}">{rs_title(a)}</a></li>' for a in arts)
        blocks.append(f'\t\t\t\t<li><a href="{r.slug}">{rs_title(r)}</a>\n\t\t\t\t<ul>\n{lis}\n\t\t\t\t</ul></li>')
    mots = "\n".join(f'\t\t\t\t<li><a href="{mot_slug(m)}">{spip_typo(m)}</a></li>' for m in rs_mots())
    content = f"""			<p class="arbo"><a href="./">Accueil</a> &gt; <strong class="on">Plan du site</strong></p>
			<div class="cartouche"><h1 class="h1">Plan du site</h1></div>
			<div class="plan">
			<h2 class="h2">Rubriques</h2>
			<ul class="plan-rubriques">
{chr(10).join(blocks)}
			</ul>
			<h2 class="h2">Mots-clés</h2>
			<ul class="plan-mots">
{mots}
			</ul>
			</div>
"""
    head = rs_head(f"Plan du site - {RS_SITE}", None, None)
    return rs_page(body_class="page_plan", head=head, content=content, aside="", current_rub=None)


def rs_contact_page() -> str:
    content = f"""			<p class="arbo"><a href="./">Accueil</a> &gt; <strong class="on">Contact</strong></p>
			<div class="cartouche"><h1 class="h1">Contact</h1></div>
			<div class="formulaire_spip formulaire_ecrire_auteur ajax" id="formulaire_ecrire_auteur">
			<form method="post" action="spip.php?page=contact#formulaire_ecrire_auteur"><div>
			<input name="page" value="contact" type="hidden" /><input name="formulaire_action" type="hidden" value="ecrire_auteur" /><input name="formulaire_action_args" type="hidden" value="{short_hash('contact', n=48)}" />
			<div class="editer-groupe">
				<div class="editer saisie_email_message_auteur obligatoire"><label for="email_message_auteur">Votre adresse email</label><input type="email" class="text email" name="email_message_auteur" id="email_message_auteur" value="" size="30" /></div>
				<div class="editer saisie_sujet_message_auteur obligatoire"><label for="sujet_message_auteur">Sujet</label><input type="text" class="text" name="sujet_message_auteur" id="sujet_message_auteur" value="" size="30" /></div>
				<div class="editer saisie_texte_message_auteur obligatoire"><label for="texte_message_auteur">Texte de votre message</label><textarea name="texte_message_auteur" id="texte_message_auteur" rows="8" cols="60"></textarea></div>
			</div>
			<p class="boutons"><input type="submit" class="submit" name="valide" value="Envoyer" /></p>
			</div></form>
			</div>
"""
    head = rs_head(f"Contact - {RS_SITE}", None, None).replace("<head>", '<head>\n\t<meta name="robots" content="none" />', 1)
    return rs_page(body_class="page_contact", head=head, content=content, aside="", current_rub=None)


def rs_forum_page(a: RsArticle) -> str:
    content = f"""			<p class="arbo"><a href="./">Accueil</a> &gt; <a href="{a.slug}">{rs_title(a)}</a></p>
			<div class="cartouche"><h1 class="h1">Répondre à l’article&nbsp;: {rs_title(a)}</h1></div>
{rs_forum_form(a, in_article=False)}
"""
    head = rs_head(f"{spip_typo_plain(a.title).replace(chr(160), ' ')} - {RS_SITE}", None, None).replace(
        "<head>", '<head>\n\t<meta name="robots" content="none" />', 1)
    return rs_page(body_class="page_forum", head=head, content=content, aside="", current_rub=a.rub)


RS_ROBOTS = """# robots.txt
# @url: https://www.ressources-solidaires.org
# @generator: SPIP 3.2.7 [24473]
# @template: squelettes-dist/robots.txt.html

User-agent: *
Disallow: /local/
Disallow: /ecrire/
Disallow: /plugins-dist/
Disallow: /prive/
Disallow: /squelettes-dist/
Disallow: /squelettes/

Sitemap: https://www.ressources-solidaires.org/sitemap.xml
"""


def rs_sitemap() -> str:
    arts = rs_sorted()
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
             f"<url><loc>{RS_ORIGIN}/</loc><lastmod>{arts[0].date.isoformat()}</lastmod><changefreq>daily</changefreq><priority>1.0</priority></url>"]
    for key, r in RS_RUBRIQUES.items():
        ra = rs_sorted([a for a in RS_ARTICLES if a.rub == key])
        lines.append(f"\n<url><loc>{RS_ORIGIN}/{r.slug}</loc><lastmod>{ra[0].date.isoformat()}</lastmod><changefreq>daily</changefreq><priority>0.8</priority></url>")
        for a in ra:
            lines.append(f"<url><loc>{a.url}</loc><lastmod>{a.date.isoformat()}</lastmod><changefreq>weekly</changefreq><priority>0.5</priority></url>")
    for page in sorted(EXTRA.glob("ressources_solidaires/*.html")):
        # hand-written extra pages (the hostile article of the security tests) are listed here only
        lines.append(f"<url><loc>{RS_ORIGIN}/{page.stem}</loc><lastmod>2016-05-10</lastmod><changefreq>weekly</changefreq><priority>0.5</priority></url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def texte_backend(s: str) -> str:
    """SPIP's texte_backend: escaped for XML, no-break spaces as numeric entities."""
    s = html.unescape(s)
    return esc_text(s).replace("\u00a0", "&#160;")


def rs_backend() -> str:
    items = []
    for a in rs_sorted()[:10]:
        subjects = "".join(f"\n\t\t<dc:subject>{texte_backend(m)}</dc:subject>" for m in sorted(a.mots))
        fl = SpipFlavor(a.notes)
        chapo = f"<p>{fl.inline(a.chapo)}</p>"
        content = chapo + "\n" + spip_blocks(a.body, fl)
        items.append(f"""	<item xml:lang="fr">
		<title>{texte_backend(rs_title(a))}</title>
		<link>{a.url}</link>
		<guid isPermaLink="true">{a.url}</guid>
		<dc:date>{a.iso}</dc:date>
		<dc:format>text/html</dc:format>
		<dc:language>fr</dc:language>
		<dc:creator>{RS_SITE}</dc:creator>
{subjects}
		<description>{texte_backend(rs_intro(a))}</description>

		<content:encoded>{esc_text(content)}</content:encoded>

	</item>
""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" 
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
>

<channel xml:lang="fr">
	<title>{RS_SITE}</title>
	<link>{RS_ORIGIN}/</link>
	<description>Le portail de l’économie sociale et solidaire</description>
	<language>fr</language>
	<generator>SPIP - www.spip.net</generator>

	<image>
		<title>{RS_SITE}</title>
		<url>{RS_ORIGIN}/local/cache-vignettes/L144xH52/siteon0-3f8a1.png?1384789282</url>
		<link>{RS_ORIGIN}/</link>
		<height>52</height>
		<width>144</width>
	</image>

{"".join(items)}
</channel>

</rss>
"""


def build_ressources_solidaires(out: Path) -> list[str]:
    slugs = [a.slug for a in RS_ARTICLES]
    assert len(set(slugs)) == len(slugs), "duplicate SPIP slugs"
    assert len(RS_BY_ID) == len(RS_ARTICLES)
    for a in RS_ARTICLES:
        assert note_refs(a.body) == set(range(1, len(a.notes) + 1)), a.id
    files: list[str] = []

    def put(rel: str, content: str) -> None:
        write(out / rel, content)
        files.append(rel)

    for a in RS_ARTICLES:
        put(f"{a.slug}.html", rs_article_page(a))
        put(f"spip.php@page=forum&id_article={a.id}.html", rs_forum_page(a))
    for key, r in RS_RUBRIQUES.items():
        n = sum(1 for a in RS_ARTICLES if a.rub == key)
        put(f"{r.slug}.html", rs_rubrique_page(key, 0))
        for debut in range(RS_PER_PAGE, n, RS_PER_PAGE):
            put(f"{r.slug}@debut_articles={debut}.html", rs_rubrique_page(key, debut))
    for m in rs_mots():
        put(f"{mot_slug(m)}.html", rs_mot_page(m))
    put(f"{AUTEUR_SLUG}.html", rs_auteur_page())
    put("index.html", rs_home_page())
    put("spip.php@page=plan.html", rs_plan_page())
    put("spip.php@page=contact.html", rs_contact_page())
    put("spip.php@page=backend.xml", rs_backend())
    put("robots.txt", RS_ROBOTS)
    put("sitemap.xml", rs_sitemap())
    return files


# ==========================================================================

def main() -> None:
    for name, builder in (("chorum", build_chorum), ("ressources_solidaires", build_ressources_solidaires)):
        out = SAMPLES / name
        if out.exists():
            shutil.rmtree(out)
        files = builder(out)
        for extra in sorted((EXTRA / name).glob("*.html")):
            shutil.copy(extra, out / extra.name)
            files.append(extra.name)
        print(f"{name}: {len(files)} files written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
