"""Related-article blocks: "Sur le même sujet", "À lire aussi", "Ailleurs sur le site"...

A block is found by its heading (French, English, German, Spanish, Italian wordings) or by
the markup of a related-posts plugin (YARPP, Contextual Related Posts, Jetpack, Drupal
views), or by a heading naming the article's own rubric or topic ("More in Preps" over a
Preps article) or the site itself ("Auch auf <site>"). It ends at its boundary: the next
heading or bold pseudo-heading, a footer, nav, aside or sidebar; a heading followed by an
empty container (a widget filled by script) gives nothing rather than the lists beside it.
Each item keeps its URL, title and, when the block shows them, date, category and teaser.
Menus, tag clouds, previous/next links, the block's own rubric / author / "see more" links,
images, social and service pages are not related.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from ess_crawler.items import RelatedLink

from .dates import find_dates
from .document import Page, clean_space, contains, fold, has_descendant
from .metadata import BREADCRUMB_SELECTORS, find_category, normalise_url, profile_elements, select
from .text import SKIP_TAGS, drop_invisible, element_text, inline_text, text_content

# Folded (lower case, no accents). French first, then the wordings met on other sites: English,
# German, Spanish, Portuguese, Italian, Dutch, Polish, Czech, Nordic, Finnish, Indonesian. "Read
# more" alone is not one (a "continue reading" button), nor "related topics / tags / searches"
# (keyword lists), nor "more stories you may have missed" (a site's recirculation grid).
_HEADING_RE = re.compile(
    r"^(sur le meme (sujet|theme)|a lire (aussi|egalement|en complement)|lire (aussi|egalement)"
    r"|voir aussi|a voir aussi|dans la meme rubrique|ailleurs sur le site"
    r"|autres articles( dans cette rubrique| de la rubrique| sur le meme sujet)?"
    r"|articles? (similaires|lies|connexes|en lien|en relation|associes)|contenus? (lies|similaires|associes)"
    r"|sur ce (sujet|theme)|(la redaction|l.auteur|nous) vous (recommande|conseille)(nt)?"
    r"|actualites? (liees|similaires|associees)|sur le meme theme|vous aimerez aussi"
    r"|vous (pourriez|pouvez|aimeriez) aussi (aimer|lire)|ces articles (peuvent|pourraient) vous interesser"
    r"|pour aller plus loin|en lien avec cet article|a decouvrir (aussi|egalement)"
    r"|(in )?related(?! (topics?|tags?|searches|terms|keywords|subjects))"
    r"( posts?| articles?| stories| content| reading| news)?"
    r"|you (may|might) also (like|enjoy)|more (on this( topic)?|like this)|more (stories|articles)( like this)?$"
    r"|read (also|next|more( about .*)?)|also read|see also|similar (posts|articles|stories)"
    r"|(das )?(konnte|durfte) (sie|dich|dir|euch) (auch|ebenfalls) (interessieren|gefallen)|lesen sie (auch|mehr)"
    r"|auch interessant|das wird (dir|ihnen|euch) auch gefallen|(dir|ihnen|euch) konnte auch gefallen"
    r"|dies passt zum thema|zusammenhangende (posts|beitrage|artikel)|themenrelevante (nachrichten|artikel|beitrage)"
    r"|(ahnliche|verwandte|passende) (beitrage|artikel|themen|meldungen|nachrichten|news|inhalte|pressemitteilungen)"
    r"|mehr zum thema|zum thema$"
    r"|weitere (artikel|beitrage|meldungen|nachrichten)( zum thema| zu diesem (artikel|beitrag|thema))?$"
    r"|passend zum thema"
    r"|articulos relacionados|noticias relacionadas|(te|le) puede interesar|lee tambien|leer tambien|mas informacion$"
    r"|lea (tambien|mas)|(materias |noticias |artigos )?relacionad[oa]s$|veja tambem|leia (tambem|mais)"
    r"|articoli correlati|leggi anche|vedi anche|potrebbe interessarti|ti potrebbe (interessare|piacere)"
    r"|lees (ook|meer)|gerelateerde (artikelen|berichten|nieuws)|meer over dit onderwerp"
    r"|czytaj (tez|takze|rowniez|wiecej)|zobacz (tez|takze|rowniez)|dowiedz sie wiecej"
    r"|(podobne|powiazane) (artykuly|tresci|wiadomosci)|ctete (take|tez)|souvisejici clanky"
    r"|(las|les|laes) (ocksa|aven|ogsa|mer)|relater(ade|te|ede) (artiklar|artikler|nyheter|nyheder)"
    r"|lue (myos|lisaa)|lue aiheesta( lisaa)?|lisaa aiheesta|aiheeseen liittyv\w*"
    r"|baca juga|(berita|artikel) terkait"
    # German "already read?", "see also", "this topic over time", "more releases of this association";
    # French "listen / watch too"; Spanish "see also"; Polish "read also"
    r"|schon gelesen|siehe auch|dieses thema im zeitverlauf|(mehr )?zu diesem thema$"
    r"|weitere (?!autor)[\w-]+ (dieses|dieser) (?!autor)[\w-]+$|lesen sie dazu (auch|mehr)"
    r"|a (ecouter|reecouter|regarder) (aussi|egalement)|ver tambien|przeczytaj (tez|takze|rowniez)"
    # the other pieces of the article's series or column
    r"|(weitere [\w-]+|mehr) aus (der|dieser) (kolumne|serie|reihe)|(dans|de) (la meme|cette) serie"
    r"|(du|dans le) meme dossier|(more|other) ([\w-]+ )?(from|in) this (series|column))\b"
)
_PLUGIN_SELECTORS = (
    ".yarpp-related", ".yarpp", ".crp_related", "#jp-relatedposts", ".jp-relatedposts",
    ".wp-block-jetpack-related-posts", ".related-posts", ".relatedposts", ".related-articles",
    ".post-related", ".field--name-field-related", ".field--name-field-articles-lies",
)
# the class or id of those plugins' own widgets
_PLUGIN_TOKENS = frozenset(("yarpp", "crp_related", "jp-relatedposts"))
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP_HREF_RE = re.compile(
    r"(/tag/|/tags/|/category/|/categories/|/categorie/|/kategorie/|/rubriques?/|/topics?/|/subjects?/"
    r"|/auteurs?/|/authors?/|/autor(en|in|innen)?/|/writer/|/profiles?/|/users?/|/members?/|/mot/|[?&](share|replytocom)=|#respond|#comments?\b|"
    # a comment counter's anchor; an action that returns to a page (Drupal's bookmark flag, a log-in)
    r"#disqus_thread|[?&]destination=|"
    r"^mailto:|^javascript:|facebook\.com/sharer|twitter\.com/(intent|share)|linkedin\.com/share"
    r"|\.(jpe?g|png|gif|webp|svg|mp3|mp4|pdf|docx?|xlsx?|pptx?|odt|ods|epub|zip)(\?|$)"
    # the site's service pages and licences, met where a block runs up to the page footer
    r"|(^|://[^/]+)/(impressum|datenschutz[\w-]*|privacy[\w-]*|mentions-legales|cgu|cgv|contact|kontakt|about(-us)?"
    r"|a-propos|ueber-[\w-]+|uber-uns|legal[\w-]*|terms[\w-]*|cookies?[\w-]*)/?$|creativecommons\.org/licenses)",
    re.IGNORECASE,
)
# a link tagged as an advertising campaign (`utm_campaign=Inline-Ad`, `utm_medium=sponsored`)
_AD_CAMPAIGN_RE = re.compile(r"[?&]utm_(?:campaign|medium|source|content)=[^&#]*\b(?:ads?|advert\w*|sponsor\w*)\b",
                             re.IGNORECASE)
# a block's own "see more" link, to its rubric or to the news list, is not a related article
_MORE_TEXT_RE = re.compile(
    r"^(plus d[’']actus?|toute l[’']actu(alite)?|voir (plus|tout|tous|toutes)|tous les articles|toutes les actus?"
    r"|lire la suite|en savoir plus|more( news| stories| articles)?|see (all|more)|view (all|more)|read more"
    r"|alle (artikel|beitrage|meldungen|news)|alle [\w-]+$|all (news|articles|stories|posts)$|tou(s|tes) les [\w-]+$"
    r"|mehr( artikel| news)?|weiterlesen|zur startseite"
    r"|(voriger|vorheriger|nachster) (artikel|beitrag)|previous|next)\b(?!\s*:)",  # ("MORE: Title" is a label)
    re.IGNORECASE,
)
_CATEGORY_CLASS_RE = re.compile(r"categ|rubri|section|kicker|label|surtitre|thematique|type", re.I)
_MAX_LINKS = 40
# second-level labels under which a country code's sites register (example.co.uk, example.gouv.fr)
_SECOND_LEVELS = frozenset("co com org net gov gouv edu ac asso nom or ne go".split())


# an absolute URL whose host is plain (no user, port, brackets or escapes): read without urlsplit
_PLAIN_HOST_RE = re.compile(r"https?://([A-Za-z0-9.-]*)(?=[/?#]|$)")


def site_key(url: str) -> str:
    """The registrable part of a URL's host (`www.lemonde.fr`, `sport.lemonde.fr` -> `lemonde.fr`;
    `news.bbc.co.uk` -> `bbc.co.uk`): a site's articles and its sister sections share it."""
    # called for every link of a page, some 70 times a page: the host is read by a pattern
    # where it is plain, and its key computed once a host
    plain = _PLAIN_HOST_RE.match(url)
    if plain is not None:
        return _host_key(plain.group(1).lower())
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return _host_key(host)


@lru_cache(maxsize=4096)
def _host_key(host: str) -> str:
    try:
        labels = [label if label.isascii() else label.encode("idna").decode("ascii")
                  for label in host.rstrip(".").split(".")]
    except UnicodeError:
        return ""
    if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVELS:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _fold(text: str) -> str:
    """Lower case, no accents, single spaces, no surrounding punctuation."""
    return fold(clean_space(text)).strip(" :.-–—>»|…")


# the first words _HEADING_RE can start with: a cheap test before folding every short text
_FIRST_WORDS = frozenset(
    "sur a lire voir dans ailleurs autres autre article articles contenu contenus actualite actualites vous ces "
    "pour en related you more read also see similar das konnte durfte lesen auch ahnliche verwandte passende mehr "
    "zum weitere passend articulos noticias te le lee leer lea articoli leggi vedi potrebbe ti "
    "la l'auteur l’auteur nous in relacionadas relacionados materias artigos veja leia mas "
    "lees gerelateerde meer czytaj zobacz dowiedz podobne powiazane ctete souvisejici "
    "dir ihnen euch dies zusammenhangende themenrelevante "
    "las les laes relaterade relaterte relaterede lue lisaa aiheeseen baca berita artikel "
    "schon siehe dieses zu ver przeczytaj de du other".split())


# wordings that name related links only as a label ending in a colon, the whole label: German "Mehr
# lesen:" (a "continue reading" button without it; "Mehr lesen über:" opens a tag list), "Mehr Themen:"
# (the site's other top stories as a heading of their own)
_COLON_LABEL_RE = re.compile(r"^mehr (lesen|themen)$")


def is_related_heading(text: str) -> bool:
    """True for a heading that introduces related articles."""
    head = text.lstrip(" \t\n\r\xa0:.-–—>»|…•▶►").split(None, 1)
    if not head or fold(head[0]).strip(":.,!?»") not in _FIRST_WORDS:
        return False
    folded = _fold(text)
    if not 0 < len(folded) <= 60:
        return False
    return bool(_HEADING_RE.match(folded)) or text.rstrip().endswith(":") and bool(_COLON_LABEL_RE.match(folded))


_TITLE_CLASS_RE = re.compile(r"title|titre|titel|titulo|titolo|head|label", re.IGNORECASE)


def _short_text(el: HtmlElement, limit: int = 64) -> str:
    """The element's text when it is short (cheap checks before building it)."""
    if len(el) > 3:
        return ""
    text = text_content(el)
    return text if len(text) <= limit * 2 else ""


# "Más de Sociedad", "More from Politics": a list of the named rubric, related when that rubric
# is the article's own (the heading links to it)
_MORE_FROM_RE = re.compile(r"^(mas (de|en)|more (from|in)|plus de|mehr (aus|von)|mais de|altro da) \w[\w' &-]{0,30}$")


_MORE_FROM_STARTS = frozenset(("más ", "mas ", "more", "plus", "mehr", "mais", "altr", "also", "weit", "auch",
                               "auss", "tamb"))
# a heading naming a list of a rubric or topic without linking to it ("More in Crime and Public Safety",
# "Also in Food & Drink", "mehr Kolumnen", "Mehr zu <topic>"): related when that is one of the article's own
# (`_is_own_rubric_name`); a bare "Mehr zu" names it in the heading after it
_MORE_IN_RE = re.compile(r"^(?P<more>mas (de|en)|more( (from|in|on))?|also in|plus (de|d')"
                         r"|mehr( (aus|von|zu|zum|zur|in|im))?|mais de|altro da|weitere( (aus|von|zu|zum|zur))?)"
                         r"(?: (?P<name>\w[\w' &.,:-]{0,60}))?$")
# rubric names that name no rubric: "More News", "Mehr Artikel" are a site's latest pieces
_NO_RUBRIC = frozenset("news stories articles posts nachrichten artikel beitrage meldungen themen actualites noticias "
                       "articulos notizie articoli videos".split())
# "Auch auf gofeminin.de", "Also on <site name>": the site's own other pieces
_ALSO_ON_RE = re.compile(r"^(auch (auf|bei)|also on|aussi sur|tambien en|anche su) (?P<name>\w[\w .'&-]{0,40})$")


def _rubric_key(text: str) -> str:
    """A rubric's name compared loosely: folded, "&" / "and" / "und" / "et" dropped, no punctuation."""
    words = re.sub(r"[^\w]+", " ", fold(clean_space(text)).replace("&", " ")).split()
    return " ".join(w for w in words if w not in ("and", "und", "et", "y", "e"))


def _is_own_rubric_name(key: str, page: Page, own_url: str) -> bool:
    """`key` (`_rubric_key`) names one of the article's own rubrics or topics: the category the
    extractor finds, JSON-LD articleSection, the section and tag metas, the breadcrumb's crumbs; on a
    page that names none of those, the text of one of its links to the rubric the article's URL lies
    in (`_own_rubric`). Each set is built once a page."""
    cache = page.__dict__.setdefault("_own_rubric_names", {})
    if "meta" not in cache:
        names = [find_category(page, "", set())[0]]
        section = (page.jsonld_article or {}).get("articleSection")
        names += section if isinstance(section, list) else [section]
        for name in ("article:section", "og:section", "og:article:section", "section", "article:tag", "og:tag"):
            names += page.meta.get(name, [])
        for css in BREADCRUMB_SELECTORS:
            names += [inline_text(a) for a in select(page, css)]
        cache["meta"] = _rubric_keys(names)
    if cache["meta"]:  # (the links only for a page that names no rubric of its own otherwise)
        return key in cache["meta"]
    if "links" not in cache:
        own = urlsplit(own_url).path
        names = []
        for a in page.root.iter("a"):
            href = a.get("href")
            if not href or len(href) > 200:
                continue
            path = href.split("#", 1)[0].split("?", 1)[0]  # (a cheap test before `_own_rubric`)
            if "//" in path:
                path = "/" + path.split("//", 1)[1].partition("/")[2]
            path = path.rstrip("/")
            if path.startswith("/") and own.startswith(path + "/") and _own_rubric(page.absolute(href), own_url):
                names.append(inline_text(a))
        cache["links"] = _rubric_keys(names)
    return key in cache["links"]


def _rubric_keys(names: list) -> set[str]:
    keys = {_rubric_key(n) for n in names if isinstance(n, str) and 0 < len(n) <= 80}
    return {k for k in keys if k and k not in _NO_RUBRIC and k not in ("home", "start", "accueil", "inicio")}


def _site_names(page: Page, own_url: str) -> set[str]:
    """The site's names (`_rubric_key`): its registrable host (`gofeminin.de`), that less its suffix, and
    `og:site_name`."""
    names = set()
    for url in (own_url, page.url):
        key = site_key(url)
        if key:
            names |= {key, key.split(".")[0]}
    names |= set(page.meta.get("og:site_name", []))
    return {_rubric_key(n) for n in names} - {""}


def _names_own_list(el: HtmlElement, text: str, page: Page, own_url: str) -> HtmlElement | None:
    """The heading element that opens a list of the article's own rubric or topic, or of the site's
    own pieces, for a heading that is no link (`_MORE_IN_RE`, `_ALSO_ON_RE`): `el`, or the heading after
    a bare "Mehr zu" that names the topic; None when it names none of the article's own."""
    folded = _fold(text)
    m = _MORE_IN_RE.match(folded)
    if m is not None:
        name, target = m.group("name"), el
        if not name:
            if not m.group("more").endswith((" zu", " on", " in", " from", " aus", " von", " de")):
                return None
            target = el.getnext()
            while target is not None and not isinstance(target.tag, str):
                target = target.getnext()
            if target is None or target.tag not in _HEADING_TAGS or has_descendant(target, "a"):
                return None
            name = inline_text(target)
        key = _rubric_key(name)
        return target if key and key not in _NO_RUBRIC and _is_own_rubric_name(key, page, own_url) else None
    m = _ALSO_ON_RE.match(folded)
    if m is not None and _rubric_key(m.group("name")) in _site_names(page, own_url):
        return el
    return None


def _heading_link(el: HtmlElement) -> HtmlElement | None:
    """The link a heading's whole text is (`<h2><a href="/news">More Stories</a></h2>`)."""
    anchors = [a for a in el.iter("a") if (a.get("href") or "").strip() not in ("", "#")]
    if len(anchors) == 1 and clean_space(text_content(anchors[0])) == clean_space(text_content(el)):
        return anchors[0]
    return None


# a page's file suffix in a URL without query or fragment (`/waermepumpe/wissen.html`)
_PAGE_SUFFIX_RE = re.compile(r"\.(html?|php|aspx?)$", re.I)


def _own_rubric(url: str, own_url: str) -> bool:
    """`url` is the rubric the article is filed in: the article's path lies right under it, less
    date folders (`/sociedad/` for `/sociedad/slug/`, not `/news` for `/news/bay-area/slug`)."""
    section, own = urlsplit(url).path.rstrip("/"), urlsplit(own_url).path
    if not section or site_key(url) != site_key(own_url) or not own.startswith(section + "/"):
        return False
    return all(seg.isdigit() for seg in own[len(section) + 1:].strip("/").split("/")[:-1])


# a list item's link heading the nested list after it, a menu's or a box's label
_LIST_LABEL_LINKS = etree.XPath("/descendant::li/a[@href][not(*)][following-sibling::*[1][self::ul or self::ol]]")


def _heading_candidates(page: Page, own_url: str) -> tuple[list[tuple[HtmlElement, str]], list[HtmlElement]]:
    """Headings, short link-free paragraphs and bold lines, and elements whose class says
    title, whose text names a related block. A heading that is itself a link names the list
    of the page it links to: it is the related block only when that page is the article's
    own rubric ("Más de Sociedad" on a Sociedad article; not "More Stories" linking to all news).
    Second, the short lines met on the way whose link follows a label and a colon (`_inline_links`)."""
    pool: list[HtmlElement] = list(page.root.iter("h1", "h2", "h3", "h4", "h5", "h6"))
    # short link-free lines: no child, or one child that is no link and holds none
    lines: list[HtmlElement] = []
    # a heading or quote holding a label and its link: `<h3>MIRA: <a>...</a></h3>`,
    # `<blockquote><b>PUEDES VER: </b><a>...</a></blockquote>`
    for el in (*pool, *page.root.iter("blockquote")):
        n = len(el)
        if 0 < n <= 2 and el.tag != "h1" and (el[0].tag == "a" and (el.text or "").rstrip().endswith(":") or n == 2
                           and el[0].tag != "a" and el[1].tag == "a" and (el[0].text or "").rstrip().endswith(":")):
            lines.append(el)
    for el in page.root.iter("p", "strong", "b", "span"):
        n = len(el)
        if el.tag == "span":  # only a label, a <br> and its link: `<span><em>Czytaj też:</em><br><a>`
            if n == 3 and el[1].tag == "br" and el[2].tag == "a" and (el[0].text or "").rstrip().endswith(":") \
                    and not (el[1].tail or "").strip():
                lines.append(el)
            continue
        if n == 1 and el[0].tag in ("span", "em") and len(el[0]) and el[0][0].tag == "a" \
                and (el[0].text or "").rstrip().endswith(":"):
            lines.append(el[0])  # <p><span>MORE : <a>...</a></span></p>
        elif not n or (n == 1 and el[0].tag != "a" and not has_descendant(el[0], "a")):
            pool.append(el)
        elif n <= 3 and (el[0].tag == "a" and (el.text or "").rstrip().endswith(":") or el[0].tag != "a" and n > 1
                         and el[1].tag == "a" and (el[0].text or "").rstrip().endswith(":")) \
                or n == 3 and el[1].tag == "br" and el[2].tag == "a" and (el[0].text or "").rstrip().endswith(":") \
                and not (el[1].tail or "").strip():
            lines.append(el)  # "Read more: <a>", "<span>MORE :</span><a>": see _inline_links
    for token in page.classes_matching(_TITLE_CLASS_RE):
        pool += [el for el in page.classes[token] if el.tag in ("div", "span", "p", "strong", "header", "legend", "dt")]
    for a in _LIST_LABEL_LINKS(page.root):  # `<li><a href="#">Mehr zum Thema</a><ul>...</ul></li>`
        href = (a.get("href") or "").strip()
        if not is_related_heading(a.text or ""):
            continue
        if href == "#" or urlsplit(page.absolute(href)).path in ("", "/") and not urlsplit(page.absolute(href)).query:
            pool.append(a)
    found: dict[HtmlElement, str] = {}
    for el in pool:
        text = _short_text(el)
        if not text:
            continue
        related = is_related_heading(text)
        if not related and text.lstrip()[:4].lower() not in _MORE_FROM_STARTS:
            continue
        link = _heading_link(el) if len(el) else None
        if link is None and not related:  # "More in Preps" over a Preps article, "Auch auf <the site>"
            if len(el) and has_descendant(el, "a"):  # `Mehr zu <a>Google Chrome</a>:` a product box's links
                continue
            target = _names_own_list(el, text, page, own_url)
            if target is not None:
                found[target] = "" if target is el else f"{clean_space(text)} {inline_text(target)}"
            continue
        if link is not None and not ((related or _MORE_FROM_RE.match(_fold(text)))
                                     and _own_rubric(page.absolute(link.get("href")), own_url)):
            continue
        found[el] = ""
    if len(found) > 1:
        return sorted(found.items(), key=lambda e: page.order.get(e[0], 0)), lines
    return list(found.items()), lines


def _links(elements: list[HtmlElement]) -> list[HtmlElement]:
    return [a for el in elements for a in el.iter("a") if a.get("href")]


_BOUNDARY_CLASS_RE = re.compile(r"(^|[\s_-])(footer|sidebar|site-nav|menu|comments?|respond|newsletter)([\s_-]|$)",
                                re.I)


# a heading's own tool row (share buttons, actions) is not the block's body
_TOOLBAR_RE = re.compile(r"toolbar|share|social|button|icons?\b|actions?\b|tools", re.I)


def _pseudo_heading(el: HtmlElement) -> bool:
    """A paragraph that is only a bold line without links (`<p><strong>Links :</strong></p>`)."""
    if el.tag not in ("p", "div") or len(el) != 1 or el[0].tag not in ("strong", "b") or has_descendant(el, "a"):
        return False
    text = clean_space(text_content(el))
    return 0 < len(text) <= 80 and not clean_space(el.text or "") and not clean_space(el[0].tail or "")


def _following(node: HtmlElement, peers: list[HtmlElement] = ()) -> list[HtmlElement]:
    """Siblings after `node` up to the next heading, or up to the next of the heading's `peers`."""
    out = []
    own = _bem_blocks(node)
    sib = node.getnext()
    while sib is not None:
        if isinstance(sib.tag, str):
            boundary = _BOUNDARY_CLASS_RE.search(sib.get("class") or "") and not (own and own & _bem_blocks(sib))
            if sib.tag in ("footer", "nav", "aside", "header") or boundary \
                    or _pseudo_heading(sib) or peers and any(contains(sib, peer) for peer in peers):
                break
            if sib.tag in _HEADING_TAGS and _heading_link(sib) is None or _opens_section(sib):
                break
            out.append(sib)  # (a card's linked title, `<h4><a>...</a></h4>`, is part of the block)
        sib = sib.getnext()
    return out


def _bem_blocks(el: HtmlElement) -> set[str]:
    """The BEM blocks `el`'s class names it an element of (`sidebar-item__title` -> `sidebar-item`):
    the heading and the body of one component (`sidebar-item__content`), whatever the block's name."""
    return {t.split("__", 1)[0] for t in (el.get("class") or "").split() if "__" in t}


_SPACER_CLASS_RE = re.compile(r"(^|[\s_-])(clear|clearfix|cf|spacer|separator|divider|line)([\s_-]|$)", re.I)


def _spacer(el: HtmlElement) -> bool:
    """Layout filler after a heading (`<span class="clearfix">`, `<hr>`), not a widget's body."""
    return el.tag in ("br", "hr") or (el.tag in ("span", "div", "i") and len(el) == 0
                                       and bool(_SPACER_CLASS_RE.search(el.get("class") or "")))


def _opens_section(el: HtmlElement) -> bool:
    """The element starts a section of its own: a heading with text and no link comes before
    its first link ("Les plus lus", "Derniers articles", a widget's title), so the lists
    after it are that section's, not the related block's. A card's linked title
    (`<h3><a>...</a></h3>`) is not such a heading."""
    for d in el.iterdescendants():
        if not isinstance(d.tag, str):
            continue
        if d.tag == "a" and (d.get("href") or "").strip() not in ("", "#"):
            return False
        if d.tag in _HEADING_TAGS and not has_descendant(d, "a") and clean_space(text_content(d)):
            return True
        if _section_title(d):
            return True
    return False


def _section_title(el: HtmlElement) -> bool:
    """A title-classed element (`div.box__header`, `a.slider__title` with no href) holding a short
    name and no article link: the title of a list of its own ("Especiais", "Meistgelesen")."""
    cls = el.get("class") or ""
    if not cls or not any(_section_token(t) for t in cls.split()):
        return False
    if any((a.get("href") or "").strip() not in ("", "#") for a in el.iter("a")):
        return False
    text = clean_space(text_content(el)) if len(el) <= 3 else ""
    return 0 < len(text) <= 60 and not is_related_heading(text)


@lru_cache(maxsize=8192)
def _section_token(token: str) -> bool:
    return bool(re.search(r"(^|[-_])(title|titre|head|header|heading)$", token, re.I))


def _label_peers(heading: HtmlElement, page: Page) -> list[HtmlElement]:
    """The other elements with `heading`'s very class and no link: the labels of the next
    lists in a table layout (`span.SCHRIFT_KATALOG_TITEL_BIG_MITTE` "Kommentierte Artikel"), where
    no heading element ends the block."""
    cls = heading.get("class") or ""
    if not cls.strip():
        return []
    return [el for el in page.classes.get(cls.split()[0], ()) if el is not heading and el.get("class") == cls
            and not any(a.get("href") for a in el.iter("a"))]


def _block_for_heading(heading: HtmlElement, page: Page | None = None) -> list[HtmlElement]:
    """What follows the heading up to the next heading. When the heading sits alone in a
    wrapper (`div.title-wrap > h4`), what follows the wrapper; when something follows the
    heading but holds no link, the widget is empty (filled by script) and the block ends
    there, rather than running on into the lists beside it. A block ends too at the next
    label classed as the heading is (`_label_peers`)."""
    node = heading
    peers = _label_peers(heading, page) if page is not None else []
    for _ in range(4):
        parts = _following(node, peers)
        if _links(parts):
            return parts
        body = [p for p in parts if not _TOOLBAR_RE.search(f"{p.get('class') or ''} {p.get('role') or ''}")
                and not _spacer(p)]
        if body and not any(clean_space(text_content(p)) for p in body) \
                and not any(p.find(".//img") is not None for p in body):
            return []  # the widget's body is there, empty: filled by script
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html", "main") or _plugin_widget(parent) \
                or "widget" in (parent.get("class") or "").split():
            break  # (what follows a related-posts widget, or a sidebar's widget, holding only its heading
            # is not its list: the next widgets are the site's picks, "Schon gelesen?")
        node = parent
    return []


def _plugin_widget(el: HtmlElement) -> bool:
    """`el` is a related-posts plugin's widget (Jetpack, YARPP, Contextual Related Posts)."""
    return any(t in _PLUGIN_TOKENS for t in _class_and_id(el))


def _class_and_id(el: HtmlElement) -> list[str]:
    """The tokens of `el`'s class and id."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".split()


def _related_named(el: HtmlElement) -> bool:
    """`el`'s class names it a related block or a related-posts plugin."""
    return any(_related_class(t) or t in _PLUGIN_TOKENS for t in (el.get("class") or "").split())


def _in_nav(el: HtmlElement) -> bool:
    """In a navigation element, looking no further up than the article or main element."""
    for a in el.iterancestors():
        if a.tag in ("article", "main"):
            return False
        if a.tag == "nav" or (a.get("role") or "") == "navigation":
            return True
    return False


def _item_element(a: HtmlElement, href: str, stop: set, page: Page) -> HtmlElement:
    """The largest ancestor of `a` below the block that links to no other article."""
    item = a
    for parent in a.iterancestors():
        if parent in stop:
            break
        if any(page.absolute(x.get("href")) != href for x in parent.iter("a") if x.get("href")):
            break
        item = parent
    return item


def _anchor_title(a: HtmlElement) -> str:
    """The title a link shows: its heading or title element when the link wraps a whole card."""
    for el in a.iterdescendants():
        if isinstance(el.tag, str) and (el.tag in _HEADING_TAGS or re.search(r"title|titre", el.get("class") or "")):
            text = inline_text(el)
            if text:
                return text
    return _reader_text(a)


def _reader_text(el: HtmlElement) -> str:
    """`inline_text`, less the text of the SKIP_TAGS elements (`<style>`, `<script>`...) inside `el`."""
    if next(el.iterdescendants(*SKIP_TAGS), None) is None:
        return inline_text(el)
    return clean_space(drop_invisible("".join(_texts(el))))


def _block_heading(block: HtmlElement) -> str:
    """The heading of a block: a heading or label that comes before the first link and holds none,
    outside a share or tool widget (its "Social Share" title); or a bare text naming it related
    (`<div class="mrkt"><i></i>RELATED NEWS</div>`)."""
    tools: set[HtmlElement] = set()
    for el in block.iter():
        if not isinstance(el.tag, str) or el is block:
            continue
        if el.tag == "a":
            break
        if tools and any(anc in tools for anc in el.iterancestors()):
            continue
        if _TOOLBAR_RE.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            tools.add(el)
            continue
        if (el.tag in _HEADING_TAGS or _TITLE_CLASS_RE.search(el.get("class") or "")) and not has_descendant(el, "a"):
            text = inline_text(el).rstrip(" :")
            if 0 < len(text) <= 80:
                return text
        for bare in (el.text, el.tail):
            if bare and bare.strip() and len(bare) <= 80 and is_related_heading(bare):
                return clean_space(bare).rstrip(" :")
    return ""


def _card_title(item: HtmlElement, block: list[HtmlElement]) -> str:
    """The title of a teaser card whose only link is its "read more" (`weiterlesen`): a heading
    holding no link inside the card, not the block's own heading; nothing for the block's own "see
    more" link, which comes with no title."""
    if item.tag == "a":
        return ""
    for el in item.iter("h2", "h3", "h4", "h5", "h6"):
        text = inline_text(el)
        if text and not has_descendant(el, "a") and len(text.split()) >= 2 and not is_related_heading(text):
            return text
    return ""


def _describe(item: HtmlElement, anchors: list[HtmlElement], url: str, heading: str) -> RelatedLink:
    title = max((_anchor_title(a) for a in anchors), key=len, default="")
    if _MORE_TEXT_RE.match(_fold(title)):
        title = _card_title(item, []) or title
    if not title:
        title = clean_space(anchors[0].get("title") or "")
    link = RelatedLink(url=url, title=title, heading=heading)
    if item is anchors[0]:
        return link
    rest = element_text(item)
    if item.tail and item.tail.strip():  # a card's teaser after its linked title: `<h2><a>…</a></h2> Teaser…`
        rest += "\n\n" + clean_space(item.tail)
    dates = find_dates(" ".join(t.strip() for t in item.itertext()))
    if dates:
        link.date, link.date_raw = dates[0][1].iso, dates[0][1].raw
    for el in item.iter():
        if isinstance(el.tag, str) and el is not item and _CATEGORY_CLASS_RE.search(el.get("class") or ""):
            text = inline_text(el)
            if text and text != title and len(text) < 50 and not find_dates(text):
                link.category = text
                break
    lines = [clean_space(p) for p in rest.split("\n") if clean_space(p)]
    others = [ln for ln in lines if ln != title and ln != link.category
              and not (link.date_raw and ln.strip() == link.date_raw)
              and ln.lower() not in ("lire la suite", "lire plus", "read more", "en savoir plus")]
    if not link.category:
        short = [ln for ln in others if len(ln) < 30 and not find_dates(ln)
                 and lines.index(ln) < (lines.index(title) if title in lines else len(lines))]
        if short:
            link.category = short[0]
    strip = [t for t in (title, link.category, link.date_raw) if t]
    cleaned = []
    for ln in others:
        for t in strip:
            ln = ln.replace(t, " ")
        cleaned.append(clean_space(ln))
    teaser = [ln for ln in cleaned if len(ln) >= 30]
    if teaser:
        link.teaser = max(teaser, key=len)
    return link


def _linked_site(page: Page) -> str:
    """The site most of the page's absolute links go to (its own menus and rubrics): the page's
    site when its URL is not (a mirror, a copy saved under another name)."""
    counts: dict[str, int] = {}
    for a in page.root.iter("a"):
        url = page.absolute(a.get("href"))
        if url.startswith(("http://", "https://")):
            key = site_key(url)
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=counts.get) if counts else ""


def _items(block: list[HtmlElement], heading: str, page: Page, own_url: str,
           skip: set[int] | None = None) -> list[RelatedLink]:
    """The related articles a block links to: links to other pages of the page's own site,
    less tags, rubrics, authors, "see more" links and social networks (and links inside the
    elements `skip` names by id: blocks already taken)."""
    sites = {site_key(own_url), site_key(page.url)}
    stop = set()
    for el in block:
        parent = el.getparent()
        if parent is not None:
            stop.add(parent)
    by_url: dict[str, list[HtmlElement]] = {}
    off_site: set[str] = set()
    home_pages = 0
    for a in _links(block):
        if skip and any(id(x) in skip for x in a.iterancestors()):
            continue
        rel = set((a.get("rel") or "").split())
        if rel & {"tag", "prev", "next", "author", "category"} or "tag" in (a.get("class") or "").split():
            continue
        href = a.get("href", "")
        if href.startswith("#") or _SKIP_HREF_RE.search(href) or _AD_CAMPAIGN_RE.search(href):
            continue
        url = page.absolute(href)
        if not url.startswith(("http://", "https://")) or normalise_url(url) == own_url:
            continue
        parts = urlsplit(url)
        if parts.path in ("", "/") and not parts.query:  # a site's home page (a blogroll), no article
            home_pages += 1
            continue
        if site_key(url) not in sites:
            if "linked" not in sites:  # once a page, and only when a link leaves the page's own site
                sites |= {"linked", _linked_site(page)}
            if site_key(url) not in sites:
                off_site.add(url)
                continue
        shown = inline_text(a)
        text = _fold(shown)
        # (a link reading "Mehr zum Thema" is the block's title, linked to a list: no article; one ending in
        # a separator, "Preps |", a card's rubric before its title)
        if text and len(text) < 40 and (_in_label(a) or _names_its_path(text, url) or shown.endswith("|")
                                        or (":" not in text and is_related_heading(text)) or (
                _MORE_TEXT_RE.match(text) and not _card_title(_item_element(a, url, stop, page), block))):
            continue
        if _SOCIAL_RE.search(url) or _own_rubric(_PAGE_SUFFIX_RE.sub("", url), own_url):
            continue  # (the article's own rubric page, `/waermepumpe/wissen.html` over `/waermepumpe/wissen/slug`)
        by_url.setdefault(url, []).append(a)
    if len(by_url) + len(off_site) + home_pages > _MAX_LINKS:  # a page's whole link list, not a related block
        return []
    by_url = {u: anchors for u, anchors in by_url.items() if not _section_of_others(u, by_url)}
    items = []
    for url, anchors in by_url.items():
        item = _item_element(anchors[0], url, stop, page)
        if item is not anchors[0] and _sponsored(item):
            continue
        link = _describe(item, anchors, url, heading)
        if any(c.isalpha() for c in link.title):  # "23" (a vote count), "»": not an article's title
            items.append(link)
    return items


_LABEL_TOKEN_RE = re.compile(r"^(.*[-_])?(categor(y|ies|ie)|cats?|rubriques?|kicker|label|surtitre|overline|eyebrow"
                             r"|byline|author|auteur|tags?|breadcrumbs?|entity-indicator[\w-]*)([-_].*)?$", re.I)
_SOCIAL_RE = re.compile(r"//([^/]*\.)?(facebook|twitter|x|instagram|youtube|linkedin|pinterest|tiktok|whatsapp"
                        r"|t\.me|telegram|mastodon[^/]*)\.(com|org|me|social)?", re.I)


# a card's own label or marker saying it is paid for, not the newsroom's related article
_SPONSORED_TEXT_RE = re.compile(
    r"^(?:(?:anzeige|werbung|gesponsert|sponsored(?: content| post)?|sponsoris[ée]e?|publicit[ée]|publi-?reportage"
    r"|advertorial|advertisement|paid post|partner content|contenu partenaire|patrocinado|publicidad"
    r"|kooperation|sonderbericht)\s*:?"
    r"|(?:sponsored by|presented by|in partnership with|en partenariat avec|pr[äa]sentiert von|eine kooperation von"
    r"|mit freundlicher unterst[üu]tzung)\b.*)$", re.IGNORECASE)
# (not "paid content": German publishers' word for articles behind their paywall)
_SPONSORED_CLASS_RE = re.compile(r"sponsor|advertorial|advertisement", re.IGNORECASE)


def _sponsored(item: HtmlElement) -> bool:
    """A teaser card marked as paid for: a short label ("Anzeige", "Sponsored", "Eine Kooperation
    von ...") or a marker class (`teaser__advertisement-marker`, `sponsored-label`) inside it."""
    for el in item.iter():
        if not isinstance(el.tag, str) or el.tag == "a" and el is not item:
            continue
        if _SPONSORED_CLASS_RE.search(el.get("class") or ""):
            return True
        text = (el.text or "").strip()
        if text and len(text) < 80 and _SPONSORED_TEXT_RE.match(text):
            return True
    return False


def _in_label(a: HtmlElement) -> bool:
    """The link is a card's category, author or tag label (a short text in a label element)."""
    for el in [a, *list(a.iterancestors())[:2]]:
        if any(_LABEL_TOKEN_RE.match(t) for t in (el.get("class") or "").split()):
            return True
    return False


def _names_its_path(text: str, url: str) -> bool:
    """The link text is the URL's own last path segment (`/news` "News", `/hund/` "Hund"): a rubric.
    Two words only under a folder that is no date (`/news/bay-area` "Bay Area", `/autorin/peter-korig`):
    an article's slug at the site's root or under its date often repeats its short title ("Pandemia
    trwa", `/pandemia-trwa/`; "Russland dekolonisieren", `/artikel/2023/39/russland-dekolonisieren`)."""
    words = text.count(" ") + 1
    if words > 2:
        return False
    folders, _, segment = urlsplit(url).path.strip("/").rpartition("/")
    if words == 2 and (not folders or any(f.isdigit() for f in folders.split("/"))):
        return False
    return bool(segment) and fold(segment.replace("-", " ").replace("_", " ")) == text


def _section_of_others(url: str, by_url: dict) -> bool:
    """A link whose path is the start of the other items' paths: their rubric, not an article."""
    path = urlsplit(url).path.rstrip("/")
    if not path:
        return True
    others = [urlsplit(u).path for u in by_url if u != url]
    return sum(1 for o in others if o.startswith(path + "/")) >= 1 and len(others) >= 1


# class tokens naming a related block (`list--related`, `c-related`, `related-link`, `news-related`,
# `relatedArticles`); not a related keyword / tag / file / media list, nor a part of a block
_RELATED_PART_RE = re.compile(r"related\w*$|\w*related$")
_NOT_RELATED_PARTS = frozenset(
    "tag tags topic topics term terms keyword keywords search searches categories category file files issues video "
    "videos audio gallery product products tab tabs icon nav slidenav title headline heading thumb img image date "
    "text excerpt figure meta wrap latest recent newest popular trending mostread".split())


# class tokens naming a block of the same topic (`bloc-same-topic`, `same-subject`, `meme-sujet`), not a
# part of one (`bloc-same-topic-title`)
_SAME_TOPIC_RE = re.compile(r"(^|[-_])(same|meme)[-_]?(topic|subject|sujet|theme|thema)s?$", re.I)


@lru_cache(maxsize=8192)
def _related_class(token: str) -> bool:
    if "elated" not in token:
        return bool(_SAME_TOPIC_RE.search(token))
    parts = [p.lower() for p in re.split(r"[-_]+|(?<=[a-z])(?=[A-Z])", token) if p]
    return any(p == "related" or (_RELATED_PART_RE.match(p) and not p.startswith("unrelated")) for p in parts) \
        and not any(p in _NOT_RELATED_PARTS or p.endswith(("tags", "topics", "files", "video", "title")) for p in parts)


@lru_cache(maxsize=8192)
def _sidebar_token(token: str) -> bool:
    """A sidebar element's class or id (`#article_sidebar`, `t-layout__sidebar`, `sidebar-wrap`),
    not a layout that has one (`t-layout--with-sidebar`)."""
    if "sidebar" not in token.lower():
        return False
    parts = re.split(r"[-_]+", token.lower())
    return any(p.startswith("sidebar") for p in parts) and not any(p in ("with", "has", "no") for p in parts)


def _named_sidebar(el: HtmlElement) -> bool:
    """`el`'s own class or id names a sidebar (`_sidebar_token`)."""
    return any(_sidebar_token(t) for t in _class_and_id(el))


# headings that name no topic: over a list the markup does not call related, the latest pieces of
# the rubric or the site (measured on 85 audited pages outside the dev set: 6 such blocks were
# latest feeds, 62 wrong items; the right ones under these words were all classed related)
_GENERIC_HEADING_RE = re.compile(r"^(weitere (artikel|beitrage|meldungen|nachrichten)|more (stories|articles)"
                                 r"|autres articles|other (stories|articles))$")


def _named_related(heading: HtmlElement, block: list[HtmlElement]) -> bool:
    """A class on the heading, the block or their containers (four levels up) names it related."""
    return any(_related_named(node) for el in [heading, *block] for node in [el, *list(el.iterancestors())[:4]])


def _holds_headline(el: HtmlElement) -> bool:
    """A layout wrapper named for its sidebar (`body.right-sidebar`, `div.gridlove-sidebar-right`)
    holds the article's h1 too: it is no sidebar."""
    return el.tag in ("body", "html") or has_descendant(el, "h1")


def _related_class_blocks(page: Page) -> list[HtmlElement]:
    """The outermost elements whose class names them related, outside a sidebar (whose widgets,
    "recent posts extended" and the like, are no article's related block)."""
    els = {el for token, elements in page.classes.items()
           if ("elated" in token or "same" in token or "meme" in token) and _related_class(token)
           for el in elements}
    out = [el for el in els if el.tag not in ("html", "body", "main", "article", "a")
           and not any(anc in els or _named_sidebar(anc) and not _holds_headline(anc) for anc in el.iterancestors())]
    return sorted(out, key=lambda e: page.order.get(e, 0))


# a list's own heading naming the latest, most read or popular pieces: in a block classed related,
# a list of another kind (any other heading, "Erfahre mehr", "Lesenswert", leaves the class to say)
_FEED_HEADING_RE = re.compile(
    r"\b(latest|newest|recent|most (read|popular|viewed|shared|commented)|popular|trending|top (stories|news)"
    r"|meist(gelesen|geklickt|kommentiert|e?gelesene)\w*|am meisten|neueste\w*|aktuell\w*"
    r"|letzte (meldungen|nachrichten)|last (news|posts|articles|stories)"
    r"|les plus (lus|partages|commentes)|dernier(e|s|es)?|a la une|lo mas (leido|visto)|mas (leid|vist)\w*"
    r"|ultim[ao]s?|piu lett\w*|najpopularniejsze|najnowsze|nyeste|uusimmat|terbaru|terpopuler)\b")


_FEED_CLASS_PARTS = frozenset(("latest", "recent", "newest", "popular", "trending", "mostread"))


def _names_a_feed(el: HtmlElement) -> bool:
    """A block classed related that says it is a feed: its label, the first plain text outside any
    link, names the latest or most read pieces (`<div class="mrkt"><i></i>LAST NEWS</div>`), or, when
    that label is no related wording, a class token names one beside the related one (`related-posts
    latest-plublish-posts`; not `wp-block-latest-posts` under "Weitere Beiträge zu diesem Artikel",
    WordPress's block of chosen posts)."""
    label = _first_label(el)
    if label:
        if is_related_heading(label):
            return False
        if len(label) <= 40 and _FEED_HEADING_RE.search(_fold(label)):
            return True
    for token in (el.get("class") or "").split():
        if "elated" not in token and any(
                p.lower() in _FEED_CLASS_PARTS for p in re.split(r"[-_]+|(?<=[a-z])(?=[A-Z])", token)):
            return True
    return False


def _first_label(el: HtmlElement) -> str:
    """The first text in `el` before its first link, less that of icons (`<i class="material-icons">
    filter_none</i>`), styles and scripts: the block's label ('' when a link comes first)."""
    def walk(node: HtmlElement) -> str | None:  # None: a link came first
        if (node.text or "").strip():
            return node.text
        for child in node:
            if isinstance(child.tag, str):
                if child.tag == "a":
                    return None
                if child.tag not in SKIP_TAGS and child.tag != "i" and "icon" not in (child.get("class") or ""):
                    found = walk(child)
                    if found != "":
                        return found
            if (child.tail or "").strip():
                return child.tail
        return ""
    return clean_space(walk(el) or "")


# in a block whose class names it related, a "recommended" list is part of it
_RECOMMENDED_RE = re.compile(r"^(recommended( for you)?|recommande(s)? pour vous|nos recommandations|empfohlen"
                             r"|empfehlungen( fur sie)?|recomendad[oa]s?( para (ti|usted))?)$")


def _innermost_related(el: HtmlElement, seen: set[int]) -> HtmlElement:
    """The innermost element under `el` whose class names it related and that holds a taken block."""
    best = el
    for d in el.iterdescendants():
        if isinstance(d.tag, str) and any(_related_class(t) for t in (d.get("class") or "").split()) \
                and any(id(x) in seen for x in d.iterdescendants()):
            best = d
    return best


def _list_heading(h: HtmlElement, text: str) -> bool:
    """A heading naming a list of another kind ("Les dernières news", "Most popular"), not a
    card's linked title nor a related wording."""
    return bool(text) and len(text) <= 80 and _heading_link(h) is None and not is_related_heading(text) \
        and not _RECOMMENDED_RE.match(_fold(text))


_HEADING_CLASSES = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))  # Bootstrap's: a `<p class="h1">` is a heading


def _lists_a_feed(el: HtmlElement) -> bool:
    """One of the block's own list headings (not a card's linked title) names the latest, most
    read or popular pieces ("Aktuelle Meldungen" in a `div.related-content` of several lists)."""
    for d in el.iter(*_HEADING_TAGS, "div", "span", "p", "strong", "header"):
        if d.tag in _HEADING_TAGS or _title_token_in(d.get("class") or ""):
            text = clean_space(text_content(d)) if len(d) <= 3 else ""
            if text and len(text) <= 80 and not has_descendant(d, "a") and not is_related_heading(text) \
                    and _FEED_HEADING_RE.search(_fold(text)):
                return True
    return False


def _titled_by_other_page(el: HtmlElement, page: Page, own_url: str) -> bool:
    """The block's title, a heading among its first children, is a link to a page other than the
    article's own rubric: the block lists that page ("Das könnte Sie auch interessieren" linking to
    the day's new pieces), as a linked heading does for `_heading_candidates`."""
    for child in el[:3]:
        if isinstance(child.tag, str) and (child.tag in _HEADING_TAGS or _title_token_in(child.get("class") or "")):
            if not clean_space(text_content(child)):
                continue
            link = _heading_link(child)
            return link is not None and not _own_rubric(page.absolute(link.get("href")), own_url)
    return False


def _title_token_in(cls: str) -> bool:
    return any(_section_token(t) or t.endswith(("__title", "-title", "_title")) or t in _HEADING_CLASSES
               for t in cls.split())


_PROSE_CHARS = 150  # a paragraph of an article's text, longer than a teaser's title


def _under_other_heading(el: HtmlElement) -> bool:
    """The element comes after a heading of another list, among its own or its parents' siblings
    (teasers classed `relatedArticle` under "Les dernières news"). A paragraph of running text
    between them makes the heading the article's own subheading, and the element a box in the text."""
    node = el
    for _ in range(3):
        sib = node.getprevious()
        while sib is not None:
            if sib.tag == "p" and len(text_content(sib)) >= _PROSE_CHARS:
                return False
            if isinstance(sib.tag, str) and (sib.tag in _HEADING_TAGS or _section_title(sib)):
                text = clean_space(text_content(sib))
                if is_related_heading(text) or _RECOMMENDED_RE.match(_fold(text)):
                    return False
                if _list_heading(sib, text):
                    return True
            sib = sib.getprevious()
        node = node.getparent()
        if node is None or node.tag in ("body", "main", "article"):
            break
    return False


def _other_sections(el: HtmlElement) -> set[int]:
    """The ids of the containers of `el`'s sub-lists headed by a title of their own ("Les
    dernières news"): each heading's following siblings, and the heading itself."""
    out: set[int] = set()
    for h in el.iter("h2", "h3", "h4", "h5", "h6"):
        text = clean_space(text_content(h))
        if not _list_heading(h, text):
            continue
        out.add(id(h))
        sib = h.getnext()
        while sib is not None and not (isinstance(sib.tag, str) and sib.tag in _HEADING_TAGS):
            out.add(id(sib))
            sib = sib.getnext()
    return out


# labels that name a related link only before one ("MORE:", "Read:", Spanish "Lea:", "Mira:", "Mire:",
# "Puedes ver:"), not as a heading
_INLINE_ONLY = frozenset(("more", "lea", "read", "mira", "mire", "puedes ver"))
_INLINE_STARTS = _FIRST_WORDS | {label.split()[0] for label in _INLINE_ONLY}


def _inline_label(text: str) -> bool:
    """A label ending in a colon that names a related link ("Read more:", "Lire aussi :",
    "Lesen Sie auch:", "MORE :", "Te puede interesar:")."""
    if not text.rstrip().endswith(":"):
        return False
    text = clean_space(text)
    if len(text) > 40:
        return False
    head = text.split(None, 1)[0]
    if fold(head).strip(":") not in _INLINE_STARTS:
        return False
    return _fold(text) in _INLINE_ONLY or is_related_heading(text)


# links whose first text holds a colon, or cards whose first text is a child's (a label inside the
# link): a cheap pass in lxml (`/descendant::a`, the elements `//a` names, without a step through
# every node)
_LABELLED_LINKS = etree.XPath("/descendant::a[@href][contains(descendant::text()[normalize-space()][1], ':')"
                              " or *[1][not(preceding-sibling::text()[normalize-space()])]]")
_LINE_TAGS = frozenset(("p", "div", "li", "section", "td", "blockquote", "h2", "h3", "h4", "h5", "h6"))


def _alone_on_line(a: HtmlElement) -> bool:
    """Nothing but the link in its nearest block element (a paragraph, list item, card)."""
    line = next((anc for anc in a.iterancestors() if anc.tag in _LINE_TAGS), None)
    return line is not None and clean_space(text_content(line)) == clean_space(text_content(a))




def _texts(el: HtmlElement):
    """The text nodes of `el` in document order, less those of comments and of SKIP_TAGS (`<style>`, `<script>`...)
    (an inline-related-posts plugin's card opens with its CSS)."""
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str) and child.tag not in SKIP_TAGS:
            yield from _texts(child)
        if child.tail:
            yield child.tail


def _first_text(el: HtmlElement) -> str:
    """The first text a reader sees in `el`."""
    if (el.text or "").strip():
        return el.text
    for first in el.itertext():
        if first.strip():
            break
    else:
        return ""
    if next(el.iterdescendants(*SKIP_TAGS), None) is None:
        return first
    return next((t for t in _texts(el) if t.strip()), "")


def _link_label(a: HtmlElement) -> str:
    """The related label a link's own text opens with: its whole first text in a child of its own
    (`<a><span>Te puede interesar:</span><span>Title</span></a>`; without the colon, a related
    wording, when the link is alone on its line: `<a><div>Lea también</div><div>Title</div></a>`),
    or the words before the colon of a link alone on its line (`<p><strong><a>SEE ALSO: Title</a>
    </strong></p>`, a card's `<h3>MORE: Title</h3>`); '' when there is none."""
    first = _first_text(a)
    if len(a) and not (a.text or "").strip() and len(first) <= 60:
        if _inline_label(first):
            return clean_space(first)
        if is_related_heading(first) and _alone_on_line(a):
            return clean_space(first)
    label = first.lstrip()[:first.lstrip().find(":") + 1]
    if label and _inline_label(label) and _alone_on_line(a):
        return clean_space(label)
    return ""


def _inline_links(page: Page, lines: list[HtmlElement]) -> list[tuple[HtmlElement, HtmlElement, str]]:
    """Links a label introduces on their own line, (block, link, label), among the lines
    `_heading_candidates` noted: `<p><b>Read more: <a>...</a></b></p>`,
    `<p><span class="mor-link">MORE :</span><a>...</a></p>`; and cards whose label is inside the
    link (`<a><span>Te puede interesar:</span><span>Title</span></a>`). The line holds nothing
    else: a label word in a sentence with a link further on is no such line."""
    found = []
    for a in _LABELLED_LINKS(page.root):
        label = _link_label(a)
        if label and len(_reader_text(a)[len(label):].split()) >= 3:
            found.append((a, a, label))
    for line in lines:
        if line[0].tag == "a":
            a, label = line[0], line.text or ""
        else:
            a, label = line[-1], line[0].text or ""  # (the link after a <br> when there are three)
            if len(line[0]) or (line[0].tail or "").strip() or (line.text or "").strip():
                continue
        if not a.get("href") or len(label) > 60 or not _inline_label(label):
            continue
        text, own = clean_space(text_content(line)), clean_space(text_content(a))
        if len(own.split()) >= 3 and len(text) <= len(clean_space(label)) + len(own) + 3:
            found.append((line, a, clean_space(label)))
    return found


def _in_other_piece(el: HtmlElement, page: Page) -> bool:
    """`el` lies in an `<article>` with an h1 of its own after the first such: the next piece of
    an endless scroll, whose related list is that piece's."""
    if next(el.iterancestors("article"), None) is None:
        return False
    pieces = page.__dict__.get("_scroll_pieces")
    if pieces is None:  # the innermost <article>s with an h1 of their own, looked for once a page
        pieces = page.__dict__["_scroll_pieces"] = [
            a for a in page.root.iter("article") if a.find(".//h1") is not None
            and not any(d.find(".//h1") is not None for d in a.iterdescendants("article"))]
    if len(pieces) < 2:
        return False
    piece = next((a for a in el.iterancestors("article") if a in pieces), None)
    return piece is not None and piece is not pieces[0]


def find_related(page: Page, own_url: str) -> tuple[list[RelatedLink], list[HtmlElement], str, list[str]]:
    """(related links, block elements to keep out of the body, rule, the titles of the lists kept
    out that are not related: a rubric's latest pieces)."""
    links: list[RelatedLink] = []
    listed: list[str] = []
    blocks: list[HtmlElement] = []
    rules: list[str] = []
    seen: set[int] = set()

    def overlaps(el: HtmlElement) -> bool:
        return id(el) in seen or any(id(a) in seen for a in el.iterancestors()) or any(
            id(d) in seen for d in el.iterdescendants())

    def take(block: list[HtmlElement], heading: str, rule: str, extra: list[HtmlElement],
             skip: set[int] | None = None):
        if _in_other_piece(block[0], page):
            return
        items = _items(block, heading, page, own_url, skip=skip)
        if not items:
            return
        seen.update(id(el) for el in block)
        links.extend(items)
        blocks.extend(block + extra)
        if rule not in rules:
            rules.append(rule)

    def add(block: list[HtmlElement], heading: str, rule: str, extra: list[HtmlElement]):
        if not any(overlaps(el) for el in block):
            take(block, heading, rule, extra)

    for el in profile_elements(page, "related"):
        add([el], _block_heading(el), "profile:related", [])
    if links:  # the site's profile names its related block: no search for others
        return _each_once(links), blocks, "+".join(rules), listed
    headings, lines = _heading_candidates(page, own_url)
    for heading, heading_text in headings:
        if _in_nav(heading):
            continue
        block = _block_for_heading(heading, page)
        if block and _GENERIC_HEADING_RE.match(_fold(inline_text(heading))) and not _named_related(heading, block):
            # "Weitere Artikel" alone: a rubric's or the site's latest list, unless named related;
            # still no part of the article (its bylines and dates are other pieces')
            if not any(overlaps(el) for el in block):
                blocks.extend([heading, *block])
                listed.extend(link.title for link in _items(block, "", page, own_url))
            continue
        if block:
            add(block, (heading_text or inline_text(heading)).rstrip(" :"), "heuristic:heading", [heading])
    for block, _a, label in _inline_links(page, lines):
        if not _in_nav(block):
            start = len(links)
            add([block], label.rstrip(" :"), "heuristic:inline-label", [])
            for link in links[start:]:  # "SEE ALSO: Title" inside the link: the title alone
                if link.title.startswith(label):
                    link.title = link.title[len(label):].lstrip(" :") \
                        or _reader_text(_a)[len(label):].lstrip(" :")
    for css in _PLUGIN_SELECTORS:
        for el in select(page, css):
            if _in_nav(el) or _names_a_feed(el):
                continue
            add([el], _block_heading(el), "html:related-plugin", [])
    # a block named related by its class alone; when it holds a block already taken, the innermost
    # such element around it adds its other links, less those under a list heading of their own
    for el in _related_class_blocks(page):
        if id(el) in seen or any(id(a) in seen for a in el.iterancestors()) or _in_nav(el) \
                or has_descendant(el, "h1") or _under_other_heading(el):
            continue
        if _lists_a_feed(el) or _names_a_feed(el) or _titled_by_other_page(el, page, own_url):
            continue
        skip = seen
        if any(id(d) in seen for d in el.iterdescendants()):
            el = _innermost_related(el, seen)
            skip = seen | _other_sections(el)
        take([el], _block_heading(el), "html:related-class", [], skip=skip)
    return _each_once(links), blocks, "+".join(rules), listed


def _each_once(links: list[RelatedLink]) -> list[RelatedLink]:
    """A block served twice (mobile and desktop): each article once, where it first appears."""
    unique: dict[str, RelatedLink] = {}
    for link in links:
        unique.setdefault(link.url, link)
    return list(unique.values())
