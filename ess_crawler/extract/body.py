"""The article body: find its container, drop what is not text, sanitise.

Container evidence, in order: profile selector, CMS container (WordPress
`.entry-content`, SPIP `.texte`, Drupal `.field--name-body`), microdata
`articleBody`, a readability-style score over the page, then trafilatura.
The sanitised HTML keeps headings, lists, quotes, tables, links and images;
nh3 removes scripts, styles, event handlers, forms and `javascript:` URLs.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
import unicodedata
from urllib.parse import urlsplit

import nh3
from lxml import etree
from lxml.html import HtmlElement

from ess_crawler.text import fold, words

from .boilerplate import (
    AUTHOR_BOX_MAX_CHARS,
    attr_tokens,
    author_box_token,
    drop_element,
    is_boilerplate,
    strip_boilerplate,
    walled_text,
)
from .dates import MONTH_NAMES_RE
from .document import Page, clean_space, contains, has_descendant, load_page
from .metadata import profile_elements, select
from .text import element_text, inline_text, text_content

_CMS_CONTAINERS = {
    "wordpress": (".entry-content", ".post-content", ".td-post-content", ".single-post-content",
                  ".wp-block-post-content", ".elementor-widget-theme-post-content",
                  ".post-entry", ".article-content"),
    "spip": (".texte", "div.surlignable .texte", ".article-texte"),
    "drupal": (".field--name-body", ".field-name-body", ".field--name-field-body",
               ".field--name-field-texte", ".field--name-field-contenu", ".field--name-field-text",
               ".field--name-field-paragraphs", ".node__content"),
}
_POSITIVE_RE = re.compile(r"article|body|content|entry|main|post|story|text|texte|contenu|corps|chapo",
                          re.I)
_NEGATIVE_RE = re.compile(
    r"comment|footer|foot|sidebar|widget|menu|nav|share|social|related|promo|header|masthead|"
    r"banner|ad-|ads|sponsor|cookie|newsletter|popup|modal|teaser|card|list|meta|author|tag",
    re.I,
)
MIN_BODY_CHARS = 200
# "À lire aussi : <a>...</a>" paragraphs inside the text, in the languages of the sites we meet
_READ_ALSO_RE = re.compile(
    r"^\W*(?:[àa] lire (?:aussi|[ée]galement)|lire (?:aussi|[ée]galement|la suite)|voir aussi|sur le m[eê]me sujet"
    r"|read (?:also|more|next)|see also|related|more on this|lesen sie (?:auch|mehr)|mehr zum thema"
    r"|auch interessant|lea (?:tambi[ée]n|m[áa]s)|leer m[áa]s|le[ée] tambi[ée]n|ver tambi[ée]n"
    r"|leggi anche|vedi anche)\b",
    re.IGNORECASE,
)
# inline teasers that name themselves with a label and a colon ("Lea: ...", "MIRA: ...", "Czytaj też ..."),
# and short promotional lines: subscribe to read on, newsletters, follow us, photo credits
_TEASER_LABEL_RE = re.compile(
    r"^\W*(?:(?:lea|mire|mira|puedes ver|lee tambi[ée]n|te puede interesar|leia (?:tamb[ée]m|mais)|veja tamb[ée]m"
    r"|czytaj (?:te[żz]|tak[żz]e|r[óo]wnie[żz])|zobacz (?:te[żz]|tak[żz]e)|schon gelesen\??|auch auf [\w.-]+"
    r"|lust auf mehr\??|empfohlene beitr[äa]ge|weitere (?:artikel|beitr[äa]ge)(?: zum thema| aus [^:]{0,40})?"
    r"|top-themen(?: bei [^:]{0,30})?|[àa] lire(?: aussi)?|read more|related|mehr themen"
    r"|dowiedz si[ęe] wi[ęe]cej|przeczytaj (?:te[żz]|tak[żz]e)|lue (?:my[öo]s|lis[äa][äa])|l[äa]s (?:ocks[åa]|mer)"
    r"|l[æe]s ogs[åa]|les ogs[åa]|lees (?:ook|meer))\s*[:?]|czytaj te[żz]|(?-i:MORE|More)\s*:\s+\w)",
    re.IGNORECASE,
)
# the heading of a teaser list or tab alone on its line, with no colon ("Mehr zum Thema",
# "Weitere Artikel zum Thema", "Meistgelesen", "Most read", "Les plus lus")
_LIST_LABEL_RE = re.compile(
    r"^\W*(?:mehr zum thema|weitere (?:artikel|beitr[äa]ge|nachrichten|meldungen|news)(?: zum thema)?"
    r"|weitere aktuelle [\w-]+(?: aus [^:]{0,40})?"  # "Weitere aktuelle Themen aus der Arbeitswelt": a listing
    r"|(?:meist|zuletzt) (?:gelesen|kommentiert)e?(?: artikel)?|meistgelesen(?:e artikel)?|kommentierte artikel"
    r"|(?:most (?:read|popular|viewed)|related (?:articles|posts|stories))(?: articles| stories)?"
    r"|(?:les )?(?:articles )?les plus lus|sur le m[êe]me (?:sujet|th[èe]me)|dans la m[êe]me rubrique"
    r"|lo m[áa]s le[íi]do|m[áa]s le[íi]das?|noticias relacionadas|mais lidas|relacionadas|don[’']?t miss(?: out)?)\W*$",
    re.IGNORECASE,
)
_PROMO_LINE_RE = re.compile(
    r"^\W*(?:to (?:view|read) the (?:full|rest of the) (?:story|article)|subscribe (?:now|today)\b"
    r"|pour (?:lire la suite|acc[ée]der en illimit[ée])|abonnez-vous|d[ée]j[àa] abonn[ée]|jetzt (?:abonnieren|abo)"
    r"|sign up (?:to|for)\b|s[ií]guenos en|follow us on|folgen sie uns|suivez-nous"
    # "Follow Example News on Twitter and Facebook.", "Suivez Le Média sur Instagram"
    r"|(?:follow|suivez|folgen sie|retrouvez)\s[\w&’'. -]{1,40}?\s(?:on|sur|auf)\s(?:[\w ,]{0,30}\s)?"
    r"(?:twitter|facebook|instagram|linkedin|x|mastodon|bluesky|threads|youtube|tiktok)\b"
    r"|[\w .-]{0,40}newsletter\W*$|cr[ée]dits? photos?\s*:|copyright\b(?!\s+(?-i:[a-z]))|©|\(c\) \d{4}"
    r"|photos?\s*:\s*\S+\W*$"
    # an image credit: "Foto: dpa", "Beitragsbild: Stefan Mang", "Photo Credit: Catwalkpictures",
    # "Bildcredit: (c) yakushkina - depositphotos.com" (names, initials, a domain; no sentence)
    r"|(?:fotos?|bild(?:er|nachweis|quelle|credits?)?|beitragsbild|titelbild|headerbild|images?"
    r"|photo ?credits?|image credits?)(?:\s+[A-Z][\w-]*)?\s*:\s*(?:[^.!?:]|(?<=\b[A-Z])\.|\.(?=\w)){2,60}\.?$"
    r"|getty images\W*$|keine kommentare|no comments?\W*$|aucun commentaire|kommentare insgesamt)",
    re.IGNORECASE,
)
# a source credit on a line of its own ("Quelle: Deutscher Jagdverband (DJV), 2. Februar 2022",
# "Source : AFP"): a name, a date, a link, never a sentence of the text (a word, a full stop and
# more words)
_SOURCE_LINE_RE = re.compile(
    r"^\W*(?:quelle|source|fuente|fonte|fonti|źródło|bron)\s*:\s*(?!.*[^\W\d_]{2}[.!?]\s+\w).{2,100}$",
    re.IGNORECASE,
)
_META_LINE_RE = re.compile(
    r"^\W*(?:permalink|permalien|comments? (?:are )?closed|commentaires? ferm[ée]s|kommentare geschlossen"
    r"|partager(?: cet article| sur)?|share(?: this(?: article| post)?)?|teilen|imprimer|print"
    r"|(?:artikel|beitrag|seite) drucken|drucken|druckansicht|print (?:this )?(?:article|page|story|post)"
    r"|imprimer (?:cet|l[’'])article|imprimir(?: (?:art[íi]culo|noticia))?|stampa(?: articolo)?"
    r"|tags?\s*:|mots[- ]cl[ée]s\s*:|schlagw[öo]rter\s*:"
    r"|il vous reste \d+ ?% de (?:cet|l[’']) ?article [àa] lire\.?)\W*$",
    re.IGNORECASE,
)
# a label alone on its line that stands for a slot of the page, not for text: the advert's
# placeholder ("Advertisement", "- Anzeige -", "Story continues below advertisement"), the
# comment counter or link ("3 Kommentare", "Kommentare insgesamt: 0", "Comments (2)", "Leave a comment"), a share or
# sign-in button's words, a disclaimer of two words ("Alle Angaben ohne Gewähr"), an embed's
# placeholder ("Loading...")
_SLOT_LABEL_RE = re.compile(
    r"^\W*(?:advertisements?|advertising|anzeigen?|werbung|publicit[ée]|publicidad|pubblicit[àa]|reklama"
    r"|(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|continue reading below"
    r"|la suite apr[èe]s (?:cette )?(?:la )?publicit[ée]|weiterlesen nach der anzeige"
    r"|\d+ (?:kommentare?|comments?|commentaires?|comentarios?)|neue kommentare|kommentieren|kommentar schreiben"
    r"|(?:total )?(?:kommentare?|comments?|commentaires?|comentarios?|commenti)(?: insgesamt| total)?\s*[:(]\s*\d+"
    r"|leave a (?:comment|reply)|laisser un commentaire|[ée]crire un commentaire|deja (?:un|tu) comentario"
    r"|artikel teilen|beitrag teilen|hier anmelden|(?:alle )?angaben ohne gew[äa]hr"
    r"|loading\.*|wird geladen\.*|chargement(?: en cours)?\.*|cargando\.*"
    # a recipe plugin's buttons ("Jump to Recipe Pin Recipe"), a share bar's counters ("Facebook0Tweet0Email0")
    r"|(?:(?:jump to|print|pin|rate this|save) recipe\s*)+"
    r"|(?:(?:facebook|tweet|twitter|e-?mail|pinterest|linkedin|whatsapp|xing|reddit|share|teilen|pin)\s*\d*\s*){2,})\W*$",
    re.IGNORECASE,
)

# calls to action a site adds under its articles, wherever they sit in the line: get the app,
# follow us on two networks or more, the affiliate / advertiser disclosure, the paywall's
# "already a subscriber?", a subscription or donation appeal, an image credit with its licence,
# the call for readers' letters
_CALL_RE = re.compile(
    r"\b(?:download|herunterladen|t[ée]l[ée]charge[rz]|descarg[aue]|baixe)\b[^.!?]{0,60}\bapps?\b"
    r"[^.!?]{0,40}\b(?:ios|android|app store|google play)\b"
    r"|\b(?:follow us|follow \w+ on|seguir(?:nos)? a|s[íi]ganos|folgen sie uns|suivez-nous|suivre \w+ sur"
    r"|seguici|obserwuj nas)\b[^.!?]{0,80}"
    r"\b(?:facebook|twitter|instagram|youtube|linkedin|tiktok)\b[^.!?]{0,20}\b(?:facebook|twitter|instagram|youtube|linkedin|tiktok|x)\b"
    r"|\baffiliate[- ]?links?\b|\badvertiser disclosure\b|\bliens? affili[ée]s?\b"
    r"|\balready (?:a )?(?:subscriber|member)\b|\bbereits abonnent"
    r"|\bzapraszamy (?:te[żz] |r[óo]wnie[żz] )?do (?:subskrypcji|prenumeraty)"
    r"|(?-i:\b(?:Donate|Spenden|Faire un don))\s*$"
    r"|^\W*(?:image|photo|illustration|visuel)s? (?:d[’']illustration|illustrative|de couverture)\s*:"
    r"|\blicen[cs]e creative commons\b"
    r"|\bsubmit (?:a|your) letter to the editor\b|\bwe want to hear what you think about this\b"
    r"|©\s*[^.!?©]{2,60}$|\((?:fotos?|photos?|bild|image|cr[ée]dits?)\s*:[^()]{2,80}\)\W*$",
    re.IGNORECASE,
)
# a word each of _CALL_RE's alternatives needs, lower-cased: a substring test rules most lines
# out before the regex (which tries its alternatives at every position: ~80 µs a sentence)
_CALL_KEYS = ("app", "facebook", "twitter", "instagram", "youtube", "linkedin", "tiktok", "affili",
              "advertiser disclosure", "already", "bereits abonnent", "zapraszamy", "donate", "spenden",
              "faire un don", "illustr", "couverture", "creative commons", "©", "(foto", "(photo", "(bild",
              "(image", "(cr", "letter to the editor", "hear what you think")


# a call to subscribe, to sign up for a newsletter or to register, as a site writes it around
# its articles ("Subscribe to Salon's weekly newsletter", "Dann abonniere meinen Newsletter:",
# "Registrieren Sie sich jetzt kostenlos:", "Inscrivez-vous gratuitement", "Offre découverte"):
# an invitation to the reader in the second person, never a report on someone's newsletter
_SUBSCRIBE_RE = re.compile(
    r"\b(?:sign up|subscribe)\s+(?:now\s+|today\s+)?(?:to|for)\s+(?:our|my|the|[\w'’.-]+(?:'s|’s))\b[^.!?]{0,60}"
    r"\bnewsletters?\b|\bnewsletter sign-?up\b|\bdelivered (?:directly |straight )?to your inbox\b"
    r"|^\W*subscribe to (?-i:[A-Z])[\w'’ .&-]{1,40}\W*$|\bsubscribed to [^?]{1,40}\?\s*(?:register|sign in|log in)\b"
    r"|\bwant more [^?]{1,60}\?\s*(?:sign up|subscribe)\b|\btry\b[^.!?]{1,30}\bpremium for free\b"
    r"|\b(?:new|first-time) subscribers (?:also )?(?:receive|get)\b"
    r"|\babonnier(?:e|en sie)\b[^.!?]{0,50}\bnewsletter\b|\bnewsletter[- ]?anmeldung\b"
    r"|\bim kostenlosen [\w-]*newsletter\b"
    r"|\bregistrieren sie sich\b|\bhier\b[^.!?]{0,40}\bregistrieren\s*!|\bsie sind bereits registriert\b"
    r"|\boder neu registrieren\b|\bsie m[üu]ssen sich anmelden,? um\b"
    r"|\binscrivez-vous\b|\boffre d[ée]couverte\b|\br[ée]serv[ée]s? aux (?:abonn[ée]s|inscrits)\b"
    r"|\bnewsletters? gratuites?\b|\bsuscr[íi]be(?:te|se)\b|\biscriviti\b",
    re.IGNORECASE,
)
_SUBSCRIBE_KEYS = ("newsletter", "subscri", "inbox", "premium", "abonn", "registr", "anmelden", "inscri",
                   "offre", "réserv", "reserv", "suscr", "iscriv")
_SUBSCRIBE_MAX_CHARS = 250  # a call is a line or two


def _subscribe_call(text: str) -> bool:
    low = text.lower()
    return len(text) < _SUBSCRIBE_MAX_CHARS and any(key in low for key in _SUBSCRIBE_KEYS) \
        and bool(_SUBSCRIBE_RE.search(text))


def _call_to_action(text: str) -> bool:
    low = text.lower()
    return any(key in low for key in _CALL_KEYS) and bool(_CALL_RE.search(text))


# a site's disclaimer under contributed posts ("X is not responsible for the opinions ...",
# "the views expressed ... do not necessarily reflect ...")
_DISCLAIMER_RE = re.compile(
    r"^\W*(?:[^.]{0,60}\b(?:is|are) not responsible for the (?:opinions|views|content)"
    r"|the (?:views|opinions) expressed (?:in this|here)[^.]{0,80}(?:do|does) not necessarily reflect"
    r"|les propos (?:tenus|exprim[ée]s)[^.]{0,80}n[’']engagent que)",
    re.IGNORECASE,
)

# a closing copyright notice, a paragraph of its own: the sign or the word, then the reservation of
# rights or the ban on reprinting ("© 2022, Site.com. This article is the copyrighted property of ...
# Written permission must be obtained before reprint ...", "Copyright 2021 X. All rights reserved.")
_COPYRIGHT_NOTICE_RE = re.compile(
    r"^\W*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4}).{0,300}?"
    r"\b(?:all rights reserved|rights reserved|permission|reprint|reproduc|republish|tous droits|droits r[ée]serv"
    r"|alle rechte|vervielf[äa]ltig|derechos reservados|tutti i diritti)",
    re.IGNORECASE | re.DOTALL,
)
_COPYRIGHT_NOTICE_MAX_CHARS = 500

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
    "q", "cite", "pre", "code", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark",
    "abbr", "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th",
    "td", "caption", "hr", "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "title", "width", "height"},
    "sup": {"id", "class"},
    "li": {"id"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "abbr": {"title"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
}


def sanitise(html: str) -> str:
    """Inert HTML: allow-listed tags and attributes, http(s)/mailto links only."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        clean_content_tags={"script", "style", "noscript", "template", "iframe", "object", "textarea",
                            "select", "svg", "math"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def _fragments(html: str) -> list | None:
    """The top-level blocks (and strings) of an HTML fragment; None when lxml refuses it."""
    from lxml import html as lxml_html

    try:
        return lxml_html.fragments_fromstring(html)
    except (ValueError, TypeError, etree.ParserError):  # an empty or text-only fragment
        return None


def _serialised(blocks: list) -> str:
    from lxml import html as lxml_html

    return "".join(b if isinstance(b, str) else lxml_html.tostring(b, encoding="unicode") for b in blocks).strip()


def drop_leading_block(html: str, text: str) -> str:
    """`html` without its first block when that block holds just `text` (a lead the body repeats),
    so that body_html and body_text say the same thing."""
    if not html or not text:
        return html
    blocks = _fragments(html)
    if blocks is None:
        return html
    wanted = clean_space(text)
    for i, block in enumerate(blocks):
        if isinstance(block, str):
            if block.strip():
                return html  # text before any block: nothing to take off cleanly
            continue
        if clean_space(text_content(block)) != wanted:
            return html
        return _serialised(blocks[i + 1:])
    return html


def drop_blocks(html: str, texts: list[str]) -> str:
    """`html` without the first block element saying each of `texts` (left as it is when one is
    not found: body_html and body_text then differ by that paragraph, as before)."""
    blocks = _fragments(html)
    if blocks is None:
        return html
    for text in texts:
        found = None
        for block in blocks:
            if isinstance(block, str):
                continue
            for el in block.iter("p", "div", "blockquote", "h2", "h3", "h4", "li", "section", "header"):
                if clean_space(el.text_content()) == text:
                    found = el
                    break
            if found is not None:
                break
        if found is None:
            return html
        if found in blocks:
            blocks.remove(found)
        else:
            drop_element(found)
    return _serialised(blocks)


def content_hash(text: str) -> str:
    """sha256 of the body text with Unicode and whitespace normalised."""
    norm = clean_space(unicodedata.normalize("NFC", text or ""))
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _score_candidates(page: Page) -> HtmlElement | None:
    """Readability-style: paragraphs vote for their parent and grandparent."""
    scores: dict[HtmlElement, float] = {}
    for p in page.root.iter("p", "pre", "td", "blockquote"):
        text = inline_text(p)
        if len(text) < 25:
            continue
        score = 1 + text.count(",") + text.count("，") + min(len(text) / 100, 3)
        parent = p.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + score
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + score / 2
    best, best_score = None, 0.0
    for el, score in scores.items():
        if el.tag in ("html", "body"):
            continue
        tokens = attr_tokens(el)
        if tokens:
            if _POSITIVE_RE.search(tokens):
                score *= 1.25
            if _NEGATIVE_RE.search(tokens) and not _POSITIVE_RE.search(tokens):
                score *= 0.5
        if el.tag in ("article", "main"):
            score *= 1.2
        text_len = len(inline_text(el)) or 1
        link_len = sum(len(inline_text(a)) for a in el.iter("a"))
        score *= max(0.0, 1 - link_len / text_len)
        if score > best_score:
            best, best_score = el, score
    return best


def find_container(page: Page, excluded: set, heuristics: bool = True,
                   cms: bool = True) -> tuple[HtmlElement | None, str]:
    """The element holding the article text and the rule that chose it.

    `cms=False` skips CMS containers, `heuristics=False` the page-wide scoring."""
    for el in profile_elements(page, "body"):
        return el, "profile:body"
    cms_rules = _CMS_CONTAINERS.get(page.cms, ()) if cms else ()
    for css in cms_rules:
        els = [e for e in select(page, css) if e not in excluded and not _inside_any(e, excluded)]
        if els:
            best = max(els, key=lambda e: len(inline_text(e)))
            if len(inline_text(best)) >= 80:
                return best, f"cms:{page.cms}"
    parts = _article_body_parts(page)
    if len(parts) >= 2:
        return _join_body_parts(parts), "microdata:articleBody"
    for el in page.itemprop("articleBody"):
        if len(inline_text(el)) >= 80:
            return el, "microdata:articleBody"
    best = _score_candidates(page) if heuristics else None
    if best is not None:
        return _merge_siblings(best), "heuristic:score"
    return None, ""


def _item_scope(el: HtmlElement) -> HtmlElement | None:
    return next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)


def _article_body_parts(page: Page) -> list[HtmlElement]:
    """The outermost `articleBody` elements when one article marks several of them (a text
    split into sections or paragraphs that each carry the property); else nothing. Parts
    of different items (the excerpts of a listing, each in its own itemscope) are no one
    article's text."""
    marked = page.itemprop("articleBody")
    if len(marked) < 2:
        return []
    marked_set = set(marked)
    parts = [el for el in marked if not any(a in marked_set for a in el.iterancestors())]
    if len(parts) < 2 or sum(len(inline_text(el)) for el in parts) < 80:
        return []
    scope = _item_scope(parts[0])
    return parts if all(_item_scope(el) is scope for el in parts[1:]) else []


def _join_body_parts(parts: list[HtmlElement]) -> HtmlElement:
    """The nearest element holding every part, cleared (in place) of all but the parts and
    the subheadings between them: what sits around the parts (share bars, ads, teasers,
    the header) is not the text."""
    lca = parts[0]
    while not all(contains(lca, el) for el in parts[1:]):
        lca = lca.getparent()
    order = {el: i for i, el in enumerate(lca.iter())}
    first, last = order[parts[0]], order[parts[-1]]
    keep = set(parts)
    keep.update(h for h in lca.iter("h2", "h3", "h4", "h5", "h6")
                if first < order[h] < last and not any(contains(p, h) for p in parts))
    on_path = set()
    for el in keep:
        for anc in el.iterancestors():
            if anc is lca or anc in on_path:
                break
            on_path.add(anc)
    doomed: list[HtmlElement] = []
    stack = [lca]
    while stack:
        for child in stack.pop():
            if not isinstance(child.tag, str) or child in keep:
                continue
            if child in on_path:
                stack.append(child)
            else:
                doomed.append(child)
    for el in doomed:
        drop_element(el)
    return lca


def _text_weight(el: HtmlElement) -> tuple[int, float]:
    text = inline_text(el)
    link_len = sum(len(inline_text(a)) for a in el.iter("a"))
    return len(text), (link_len / len(text) if text else 1.0)


def _merge_siblings(best: HtmlElement) -> HtmlElement:
    """Article text split over sibling blocks (an intro paragraph beside the body div):
    keep the parent, dropping the siblings that are not text."""
    parent = best.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return best
    best_len, _ = _text_weight(best)
    keep, drop = [], []
    for sib in parent:
        if not isinstance(sib.tag, str) or sib is best:
            continue
        length, density = _text_weight(sib)
        if is_boilerplate(sib) or sib.tag in ("h1", "header", "footer", "aside", "nav"):
            drop.append(sib)
        elif (sib.tag in ("p", "div", "section", "blockquote", "ul", "ol", "h2", "h3", "h4", "figure")
              and density < 0.3 and (length >= 80 or (sib.tag in ("h2", "h3", "h4") and length < 150))):
            keep.append(sib)
        else:
            drop.append(sib)
    kept_len = sum(_text_weight(k)[0] for k in keep if k.tag not in ("h2", "h3", "h4"))
    if not kept_len or kept_len > 3 * best_len:
        return best
    for sib in drop:
        drop_element(sib)
    return parent


# a download link's file details, in an element of their own after the link: "PDF | 38 KB | Datei ist
# nicht barrierefrei", "(PDF, 1,2 MB)", "docx - 45 Ko"
_FILE_INFO_RE = re.compile(
    r"^\W*(?:pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|csv|zip|epub|mp3|mp4)\b\s*[-,|:(]?\s*\d+(?:[.,]\d+)?\s*"
    r"(?:[kmg]i?b|bytes?|ko|mo|go|octets)\b(?:\s*[-,|]\s*[^|()]{1,60})?\W*$",
    re.IGNORECASE,
)


def drop_file_info(root: HtmlElement) -> None:
    """The file details a download link carries beside it (type and size), and the button
    that links the same file again ("Télécharger": WordPress's file block): the page's
    furniture, not the article's words (the link's own text stays)."""
    for el in list(root.iter("span", "small", "em", "i", "a")):
        if el.tag == "a":
            if el.get("download") is not None or "button" in (el.get("class") or ""):
                if _repeats_link(el):
                    drop_element(el)
            continue
        text = el.text
        # (the text first: most of a page's spans are rejected before their neighbours are read)
        if text and not len(el) and _FILE_INFO_RE.match(text) and _after_link(el):
            drop_element(el)


_BUTTON_CHARS = 30  # "Télécharger", "Download (PDF)": a button's label, not a title


def _repeats_link(a: HtmlElement) -> bool:
    """`a` is a short button right after a link with text to the same address."""
    prev = a.getprevious()
    href = (a.get("href") or "").strip()
    return prev is not None and prev.tag == "a" and bool(href) and (prev.get("href") or "").strip() == href \
        and not (prev.tail or "").strip() and bool(text_content(prev).strip()) \
        and len(text_content(a).strip()) <= _BUTTON_CHARS


def _after_link(el: HtmlElement) -> bool:
    """`el` comes right after a link, or opens (no text before it) the element that does."""
    prev, parent = el.getprevious(), el.getparent()
    if prev is None and parent is not None and not (parent.text or "").strip():
        prev = parent.getprevious()
    return prev is not None and prev.tag == "a" and not (prev.tail or "").strip()


def _inside_any(el: HtmlElement, excluded: set) -> bool:
    return any(a in excluded for a in el.iterancestors())


def clean_container(container: HtmlElement, drop: list[HtmlElement], title: str,
                    keep: set | None = None, descriptions: list[str] = ()) -> None:
    """Remove from the container (in place) what the other extractors took and boilerplate."""
    for el in drop:
        if el is container:
            continue
        if any(a is container for a in el.iterancestors()):
            drop_element(el)
    _drop_appended_posts(container, title)
    drop_contents_lists(container)  # before its `<nav>` goes as boilerplate, leaving its title
    strip_boilerplate(container, keep=keep)
    drop_file_info(container)
    for el in list(container.iter("p", "div", "li", "strong", "span", "h3", "h4", "h5", "h6", "aside")):
        if el is container or el.getparent() is None:
            continue
        text = inline_text(el)
        if (len(text) < 220 and _READ_ALSO_RE.match(text) and el.xpath(".//a")) or _noise_line(text) \
                or _is_share_bar(el, text) or (el.tag in _LINE_BLOCKS and _time_only(text)):
            drop_element(el)
        else:
            _drop_further_info(el, text)
    _drop_teaser_cards(container)
    _drop_contact_tail(container)
    _drop_about_tail(container)
    drop_meta_lines(container, descriptions)
    for h in container.iter("h1"):
        if clean_space(text_content(h)) == title or not title:
            drop_element(h)
            break
    # empty wrappers left behind
    for el in list(container.iter("div", "span", "p", "section")):
        if el is not container and not clean_space(text_content(el)) and not has_descendant(el, "img") \
                and el.getparent() is not None:
            drop_element(el)
    _drop_trailing_headings(container)


def _drop_appended_posts(container: HtmlElement, title: str) -> None:
    """Whole posts stacked in the container, each an `<article>` with its own `<h1>` (the
    next stories an endless scroll appends): the one titled as the page stays, or the
    first, and the others go."""
    posts = [a for a in container.iter("article") if a is not container and has_descendant(a, "h1")]
    if len(posts) < 2:
        return
    posts = [a for a in posts if not any(b in posts for b in a.iterancestors())]
    if len(posts) < 2:
        return
    titled = [a for a in posts if any(clean_space(text_content(h)) == title for h in a.iter("h1"))]
    kept = titled[0] if titled else posts[0]
    for post in posts:
        if post is not kept:
            drop_element(post)


# a teaser of another article closed by its rubric in capitals and brackets, as tabloid CMSs print
# them under "Don't miss..." ("... win £392k on Postcode Lottery [REVEAL]", "[INSIGHT]", "[LATEST]")
_TEASER_TAG_RE = re.compile(r"\s\[[A-Z]{4,}(?: [A-Z]{2,})?\]\W*$")
_TEASER_TAGS_RE = re.compile(r"\s\[[A-Z]{4,}(?: [A-Z]{2,})?\](?=\s|$)")
TEASER_BLOCK_MAX_CHARS = 800  # a block of such teasers, one a line (<br>): a few of them


def _teaser_tags(text: str) -> bool:
    """A teaser closed by a rubric tag, or a block of two or more of them (after its label)."""
    if "[" not in text or not _TEASER_TAG_RE.search(text):
        return False
    return len(text) < 220 or (len(text) < TEASER_BLOCK_MAX_CHARS and len(_TEASER_TAGS_RE.findall(text)) >= 2)


def _noise_line(text: str) -> bool:
    """A line that is not the article's, by its words and length: a meta line, a teaser
    label, a page slot's label, a promotion or credit line, a disclaimer, a call to subscribe."""
    return bool((len(text) < 220 and (_META_LINE_RE.match(text) or _TEASER_LABEL_RE.match(text)))
                or (len(text) < 60 and (_LIST_LABEL_RE.match(text) or _SLOT_LABEL_RE.match(text)))
                or (len(text) < 160 and (_PROMO_LINE_RE.match(text) or _SOURCE_LINE_RE.match(text)))
                or (len(text) < 400 and _DISCLAIMER_RE.match(text))
                or (len(text) < _COPYRIGHT_NOTICE_MAX_CHARS and _COPYRIGHT_NOTICE_RE.match(text))
                or (len(text) < 300 and _call_to_action(text)) or _subscribe_call(text)
                or _teaser_tags(text) or (len(text) < 100 and (_reading_time_line(text) or _menu_line(text)))
                or _disguised_text(text))


# a word of Latin letters with Cyrillic look-alikes among them ("Аdvеrtіѕе", "соntеnt"): text written
# so that filters do not read it, an advertisement's trick (Greek letters in Latin words are science:
# "Aβ", "μg", "NF-κB", "ΔG")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_MIXED_WORD_RE = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[\u0400-\u04ff])\w+")
_DISGUISED_MIN_WORDS, _DISGUISED_MIN_SHARE = 3, 0.2


def _disguised_text(text: str) -> bool:
    """Three words or more, a fifth of the line's words at least, that mix Latin letters with
    Cyrillic look-alikes: an advertisement disguised from filters, not the article's text (a
    Russian text with a stray Latin "c" has one such word in many)."""
    if text.isascii() or not _CYRILLIC_RE.search(text):
        return False
    mixed = len(_MIXED_WORD_RE.findall(text))
    return mixed >= _DISGUISED_MIN_WORDS and mixed >= _DISGUISED_MIN_SHARE * len(text.split())


# a time of day alone on its line ("3:59 PM", "15:46 Uhr", "14h30"): a post's timestamp, no sentence
# (a decimal, "4.90", "0.60 %", is a figure: the dot only before "Uhr"). Read on blocks only: an
# agenda's `<strong>10:30</strong> Accueil` or a timetable's cell is the text.
_TIME_ONLY_RE = re.compile(r"^\s*\d{1,2}(?:(?::|h\s?)\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?|\.\d{2}\s*uhr)\s*$",
                           re.IGNORECASE)


_LINE_BLOCKS = frozenset(("p", "div", "h3", "h4", "h5", "h6"))


def _time_only(text: str) -> bool:
    """A block that says only a time of day: a post's timestamp."""
    return len(text) < 16 and bool(_TIME_ONLY_RE.match(text))


# a menu or a breadcrumb trail on a line: "Hauptseite | Blog | Registrieren | Login",
# "Oberstdorf Resort › Interaktiv › Blog", "Lifestyle | Travel | Sustainable Travel"
_MENU_SEPARATOR_RE = re.compile(r"\s+([|›»>])\s+")
_MENU_ITEM_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ0-9][\w’'&+-]*(?:\s+[\w’'&+-]+){0,2}$")


def _menu_line(text: str) -> bool:
    """Three items or more (two on a breadcrumb's › or »), one separator between them, each a
    capitalised word or three with no punctuation: the page's navigation, not its text."""
    separators = _MENU_SEPARATOR_RE.findall(text)
    if not separators or len(set(separators)) != 1:
        return False
    items = _MENU_SEPARATOR_RE.split(text)[::2]
    if len(items) < (2 if separators[0] in "›»" else 3):
        return False
    return all(_MENU_ITEM_RE.match(item) for item in items)


# a post's reading time ("3 min Lesezeit", "Estimated reading time: 6 minutes", "Temps de lecture : 4 min")
_READING_TIME_RE = re.compile(
    r"\b\d+\s*(?:minuten|minutes?|min)\.?\s*(?:lesezeit|read|reading|de lecture|lesedauer|leestijd)\b"
    r"|\b(?:(?:estimated|gesch[äa]tzte)\s+)?(?:lesezeit|lesedauer|temps de lecture|reading time|leestijd"
    r"|tiempo de lectura)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:minuten|minutes?|minutos|min)?\.?",
    re.IGNORECASE,
)


def _reading_time_line(text: str) -> bool:
    """A line that says the reading time, alone or beside the page's date."""
    if not any(c.isdigit() for c in text):
        return False
    rest = _READING_TIME_RE.sub(" ", text)
    if rest == text:
        return False
    return not any(c.isalnum() for c in rest) or bool(_DATE_LINE_RE.match(rest.strip(" ,|·•–-")))


# the month names the date parser knows (English, French, German, Italian, Spanish, Portuguese, Dutch,
# Polish), abbreviated or not
_MONTH = rf"(?:{MONTH_NAMES_RE})\.?"
_WEEKDAY = (r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag"
            r"|sonntag)|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|(?:lunes|martes|mi[ée]rcoles|jueves"
            r"|viernes|s[áa]bado|domingo)")
_DATE = (r"(?:\d{1,2}\.?\s*" + _MONTH + r"\s*\d{4}|" + _MONTH + r"\s*\d{1,2}(?:st|nd|rd|th)?,?\s*\d{4}"
         r"|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})")
_TIME = (r"\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?"
         r"(?:\s*(?:uhr|h|cet|cest|mez|mesz|est|edt|cst|cdt|pst|pdt|gmt|bst|utc)\b)?")
_DATE_LABELS = (r"(?:published|updated|posted|created|last (?:updated|modified)|ver[öo]ffentlicht|aktualisiert"
                r"|erstellt|ge[äa]ndert|stand|publi[ée]e?|mis à jour|modifi[ée]e?|publicado|actualizado|pubblicato"
                r"|aggiornato|datum|date|stand des artikels|cr[ée][ée]e?|actualis[ée]e?)")
_DATE_PART = (r"(?:" + _DATE_LABELS + r"(?:\s+(?:on|am|le|el|il))?\s*:?\s*)?(?:(?:" + _WEEKDAY + r"),?\s*)?" + _DATE
              + r"(?:\s*(?:,|um|at|à|a las|alle|-|–|/|\.)?\s*" + _TIME + r")?")
# a line that is only the article's date (or its dates: "Published: ... | Updated: ..."): the page's
# metadata printed over the text
# one date or several in a row: "Published: ... | Updated: ..."
_DATE_PARTS = _DATE_PART + r"(?:\s*[|·•/,–-]\s*" + _DATE_PART + r")*"
_DATE_LINE_RE = re.compile(r"^\W*" + _DATE_PARTS + r"\W*$", re.IGNORECASE)
# a byline on a line of its own: "Von Irmela Schwab", "By Russell Bruce", "Par Stéphane Dupont", "Autor: Die
# Redaktion", "Text: Peter Walker Fotos: Diverse", "Posted by Alex Durán, AMP Project Marketing, Google":
# a label, then names (capitalised words and their particles), a short role or credit after a comma
# a name of two words at least ("Von Wölfen und Menschen" is a heading, "Von Jan Kupitz" a byline)
_NAME = r"[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w’'.-]*|von|van|de|der|den|del|della|da|di|du|la|le|zu|dos|das))+"
_BYLINE_RE = re.compile(
    r"^\s*(?:(?:[Bb]y|BY|[Vv]on|VON|[Dd]urch|[Pp]ar|PAR|[Pp]or|POR|[Dd]i|[Dd]oor|[Aa]v)\s+"
    r"|(?:[Ww]ritten|[Pp]osted) by\s+"
    r"|[Ee]ine?\s+(?:Kolumne|Kommentar|Gastbeitrag|Glosse|Analyse|Reportage)\s+von\s+"
    r"|(?:Text|Texte|Autor|Autorin|Author|Auteur|Geschrieben von)(?: von| by| par)?\s*:?\s+)"
    + _NAME + r"(?:\s*(?:,|&|\bund\b|\band\b|\bet\b|\by\b|\be\b)\s*" + _NAME + r")*"
    r"(?:\s*(?:,|\||–|-)\s*[^.!?|]{1,50}"
    r"|\s+(?:Fotos?|Photos?|Bilder?|Illustrations?)(?: von| by| par)?\s*:?\s*[^.!?|]{1,50})?"
    r"(?<![.!?:])\s*$")
# the date and the writer on one line over the text: "11.09.2011, 16:20 von jovelstefan",
# "11.12.2019 - Amelie Loevenich", "12 mars 2021 par la rédaction"
_DATED_BYLINE_RE = re.compile(
    r"^\W*(?i:" + _DATE_PARTS + r")"
    r"(?:\s*[,|·•/–-]*\s*(?i:von|by|par|por|de)\s+[\w.’'@-]+(?:\s+[\w.’'@-]+){0,2}"
    r"|\s*[,|·•/–-]+\s*" + _NAME + r")\s*$")
# a date with the section or the source beside it: "24. April 2020 | Pressemitteilungen",
# "Handball Schweiz • 02.02.2022"
_LABEL_WORDS = r"[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'.-]*){0,2}"
_DATED_LABEL_RE = re.compile(
    r"^\W*(?:(?i:" + _DATE_PART + r")\s*[|·•]\s*" + _LABEL_WORDS + r"|" + _LABEL_WORDS + r"\s*[|·•]\s*(?i:"
    + _DATE_PART + r"))\W*$")
_HEAD_LINES, _TAIL_LINES = 3, 2  # where a date or byline stands over or under the text
_META_LINE_TAGS = ("p", "div", "span", "time", "li", "address", "small", "em", "strong", "b", "i",
                   "h2", "h3", "h4", "h5", "h6")  # a date over the text set as a small heading


# a page's footer saying when its file was made or changed, after its name ("notes.html - Created
# 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm", "Last updated: 12 March 2021")
_FILE_NAME_PREFIX_RE = re.compile(r"^\s*[\w.-]+\.(?:s?html?|php|aspx?|txt)\s*[-–|:]\s*", re.IGNORECASE)
_DATE_LABEL_RE = re.compile(r"\b" + _DATE_LABELS + r"\b", re.IGNORECASE)


def _meta_line(text: str, at_head: bool) -> bool:
    """A date line (at the head; under the text only with its label: an unlabelled date further
    down heads a section or signs a letter), a byline, or the two on one line at the head."""
    if not text or len(text) > 100:
        return False
    if _BYLINE_RE.match(text) or (at_head and (_DATE_LINE_RE.match(text) or _DATED_BYLINE_RE.match(text)
                                               or _DATED_LABEL_RE.match(text))):
        return True
    return not at_head and _DATE_LABEL_RE.search(text) is not None \
        and _DATE_LINE_RE.match(_FILE_NAME_PREFIX_RE.sub("", text)) is not None


_DESCRIPTION_NAMES = ("description", "og:description", "twitter:description")


def page_descriptions(page: Page) -> list[str]:
    """The page's descriptions (its meta description, Open Graph's and Twitter's, JSON-LD's), whitespace
    collapsed: those the lead is read from."""
    found = [d for name in _DESCRIPTION_NAMES for d in page.meta.get(name, ())]
    found += [obj["description"] for obj in page.jsonld if isinstance(obj.get("description"), str)]
    return [clean_space(html_lib.unescape(t)) for t in found if t]


def lead_text(text: str) -> str:
    """A lead element's text less its date, byline and button lines (a standfirst block that also
    holds "Stand: 26.10.2021", "Von Georg Kasch", "Twitter")."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    kept = [p for p in paragraphs if "\n" in p or not (_meta_line(p.strip(), True) or _noise_line(p.strip()))]
    return "\n\n".join(kept) if kept else text


def drop_meta_lines(root: HtmlElement, descriptions: list[str]) -> None:
    """The date and the byline that open the text ("24. Januar 2022", "Von Irmela Schwab") or the
    byline that closes it, each a paragraph of its own: the page's metadata, not the article's
    text. Read on the paragraphs of the text; the outermost element saying just that line goes.
    A line one of the page's `descriptions` (`page_descriptions`) opens with stays (the
    description is matched to the body's opening to tell whether it is a lead of its own)."""
    paragraphs = [p for p in element_text(root).split("\n\n") if p.strip()]
    if len(paragraphs) < 3:
        return
    picked = [(p, True) for p in paragraphs[:_HEAD_LINES]] + [(p, False) for p in paragraphs[-_TAIL_LINES:]]
    for text, at_head in picked:
        if "\n" in text or not _meta_line(text, at_head):
            continue
        if any(text in d[: len(text) + 40] for d in descriptions):
            continue
        matches: list[HtmlElement] = []
        for el in root.iter(_META_LINE_TAGS):
            if el is not root and inline_text(el) == text and not (matches and contains(matches[-1], el)):
                matches.append(el)  # the outermost element saying the line, in document order
        if matches:
            drop_element(matches[0] if at_head else matches[-1])
        else:  # loose text between two blocks (trafilatura's `<h1>…</h1>11.09.2011 von …<p>`)
            _drop_loose_line(root, text, at_head)


def _drop_loose_line(root: HtmlElement, text: str, first: bool) -> None:
    """The text node between `root`'s blocks that says just `text` (the first or the last one)."""
    if first and clean_space(root.text) == text:
        root.text = None
        return
    tails = [el for el in root.iterdescendants() if el.tail and clean_space(el.tail) == text]
    if tails:
        (tails[0] if first else tails[-1]).tail = None


_SHARE_URL_RE = re.compile(
    r"(facebook\.com/(?:sharer|share\.php|dialog/share)|twitter\.com/(?:intent|share)|x\.com/intent"
    r"|plus\.google\.com/share|linkedin\.com/(?:share|cws/share|shareArticle)|pinterest\.\w+/pin/create"
    r"|reddit\.com/submit|wa\.me/|whatsapp:|api\.whatsapp\.com/send|t\.me/share|telegram\.me/share"
    r"|xing\.com/(?:spi/)?shares?|tumblr\.com/share|getpocket\.com/save|flipboard\.com/bookmarklet"
    r"|mailto:\?|printfriendly\.com|addtoany\.com/share)",
    re.IGNORECASE,
)


def _is_share_bar(el: HtmlElement, text: str) -> bool:
    """A block of share links without a class saying so: two or more links, every one a
    network's share endpoint, and little text besides ("Partager :", "Möchten Sie teilen?")."""
    if len(text) > 120:
        return False
    hrefs = [a.get("href") or "" for a in el.iter("a")]
    return len(hrefs) >= 2 and all(_SHARE_URL_RE.search(h) for h in hrefs)


# a post's title inside another post's text: the card of a teaser list (theme modules)
_CARD_TITLE_CLASSES = frozenset(("entry-title", "td-module-title", "post-title"))


def _drop_teaser_cards(container: HtmlElement) -> None:
    """Cards of other posts inside the container: an element classed as a post title, with a
    link, stands for its list item / article card, which goes."""
    doomed = []
    for el in container.iterdescendants():
        if not isinstance(el.tag, str) or not _CARD_TITLE_CLASSES.intersection((el.get("class") or "").split()):
            continue
        if not has_descendant(el, "a") and el.tag != "a":
            continue
        card = el
        for anc in el.iterancestors():
            if anc is container:
                break
            if anc.tag in ("li", "article"):
                card = anc
                break
        doomed.append(card)
    for el in doomed:
        if el.getparent() is not None:
            drop_element(el)


# the words of a class token naming a heading
_LIST_HEADING_CLASS_RE = re.compile(r"head|title|titel|titre", re.IGNORECASE)
_LIST_HEADING_TAGS = ("p", "div", "span", "strong", "header")


def _link_list(block: HtmlElement) -> list[HtmlElement]:
    """The links of `block` when it is a list of links: two targets at least, and links
    holding 70 % of its text or more (a teaser list, "most read", a forum's latest posts)."""
    if not isinstance(block.tag, str) or block.tag == "a":
        return []
    links = [a for a in block.iter("a") if a.get("href")]
    if len({a.get("href") for a in links}) < 2:
        return []
    return links if _link_share(block, links) >= 0.7 else []


def _link_share(block: HtmlElement, links: list[HtmlElement]) -> float:
    """The share of `block`'s text (spaces collapsed) that `links` hold; 0 for a block without text."""
    total = len(clean_space(text_content(block)))
    return sum(len(clean_space(text_content(a))) for a in links) / total if total else 0.0


def link_list_texts(page: Page) -> list[str]:
    """The lines of every link list introduced by a short heading of its own ("Top-Themen",
    "Empfohlene Beiträge", "Beiträge aus dem Forum"): the heading, each link and each item.

    Fed to the trafilatura fallback, which keeps such a heading and the list's titles when the
    list sits beside the text; the rule reads the page's markup, never one site's wording.
    With them, the texts of the page's teaser cards and subscription prompts (`teaser_card_texts`,
    `prompt_box_lines`), which trafilatura keeps as lines of their own just as well."""
    candidates = list(page.root.iter("h2", "h3", "h4", "h5", "h6"))
    for token in page.classes_matching(_LIST_HEADING_CLASS_RE):
        candidates += [el for el in page.classes[token] if el.tag in _LIST_HEADING_TAGS]
    for p in page.root.iter("p"):  # a paragraph that introduces what follows ("Lesen Sie auch:")
        following = p.getnext()
        if following is not None and following.tag == "p" and not has_descendant(p, "a") \
                and has_descendant(following, "a") and inline_text(p).endswith(":"):
            candidates.append(p)
    texts: list[str] = []
    seen: set = set()
    for el in candidates:
        if el in seen or el.getparent() is None:
            continue
        seen.add(el)
        following = el.getnext()
        if following is None:  # the heading ends its own wrapper: the list follows the wrapper
            following = el.getparent().getnext()
        if following is None or not isinstance(following.tag, str) or not has_descendant(following, "a") \
                or has_descendant(el, "a"):
            continue
        heading = inline_text(el)
        if not 0 < len(heading) <= 80:
            continue
        links = _link_list(following)
        if links and all(_in_page(page, a.get("href")) for a in links):
            # a table of contents: its title goes, its entries repeat the text's own headings
            texts.append(heading)
            continue
        if links:
            texts.append(heading)
            texts += [inline_text(a) for a in links]
            texts += [inline_text(item) for item in following.iter("li", "p", "h2", "h3", "h4")]
        else:
            run = _teaser_run(following)
            if run:
                texts.append(heading)
                texts += run
    return texts + teaser_card_texts(page) + prompt_box_lines(page)


# what makes a link a card: block elements inside it (a teaser's headline, summary and byline
# in one <a>, as listing templates write them); a link in running text holds words only
_CARD_BLOCK_TAGS = frozenset(("div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "li", "ul",
                              "ol", "section", "article", "header", "footer", "blockquote"))
_LINKS_WITH_BLOCKS = etree.XPath("//a[@href][descendant::*[" + " or ".join(
    f"self::{tag}" for tag in sorted(_CARD_BLOCK_TAGS)) + "]]")
CARD_MAX_CHARS = 600  # a card is a teaser; a link this long wraps more than one (broken markup)


def _same_document(page: Page, href: str, here: str) -> bool:
    """`href` leads to the page itself (`here`: the page's path; or the same path under an archive's prefix)."""
    target = urlsplit(page.absolute(href)).path.rstrip("/")
    if not target or not here:
        return target == here
    return target == here or target.endswith(here) or here.endswith(target)


_CONTENTS_LABEL_MAX_CHARS = 40  # "Inhalt", "Table of contents", "Sommaire" (and a plugin's "Toggle")
_CONTENTS_LINK_SHARE = 0.9  # of a contents list's text that its links hold
_CONTENTS_WRAPPER_LEVELS = 3  # the plugin's box around the list: `div#toc_container`, `#ez-toc-container > nav`


def _places_in_one_page(links: list[HtmlElement]) -> bool:
    """Every link goes to a place (a fragment) of one and the same page: `#section`, or the
    page's address with its fragments (`https://site/post/#part-2`)."""
    pages = set()
    for a in links:
        address, sep, fragment = (a.get("href") or "").strip().partition("#")
        if not sep or not fragment:
            return False
        pages.add(address)
    return len(pages) == 1


def contents_blocks(root: HtmlElement) -> list[HtmlElement]:
    """The tables of contents in `root`, as the elements to drop: an outermost list (ul, ol) of
    two links or more, every one to a place of one page (`_places_in_one_page`), its links
    holding its text (a notes list's back links hold a sliver of it). The box around it that
    says little else (the plugin's title and toggle) goes in its place; a list without one goes
    with the short line without links right before it (a "Contents" heading). Navigation of the
    page, not its text: its entries repeat the text's own headings."""
    found = []
    for lst in root.iter("ul", "ol"):
        if any(anc.tag in ("ul", "ol") for anc in lst.iterancestors()):
            continue
        links = list(lst.iter("a"))
        if len(links) < 2 or not _places_in_one_page(links) or _link_share(lst, links) < _CONTENTS_LINK_SHARE:
            continue
        own = len(clean_space(text_content(lst)))
        outer = lst
        for _ in range(_CONTENTS_WRAPPER_LEVELS):
            parent = outer.getparent()
            if parent is None or parent is root \
                    or len(clean_space(text_content(parent))) - own > _CONTENTS_LABEL_MAX_CHARS:
                break
            outer = parent
        if outer is not lst:
            found.append(outer)
            continue
        label = lst.getprevious()
        if label is not None and isinstance(label.tag, str) and label.tag != "a" \
                and not has_descendant(label, "a") and not (label.tail or "").strip() \
                and 0 < len(inline_text(label)) <= _CONTENTS_LABEL_MAX_CHARS:
            found.append(label)
        found.append(lst)
    return found


def drop_contents_lists(root: HtmlElement) -> None:
    """Drop the tables of contents in `root` (`contents_blocks`), with their boxes or labels."""
    for el in contents_blocks(root):
        if el.getparent() is not None:  # a box holding two lists comes twice
            drop_element(el)


class CardText(str):
    """A teaser card's text in a list of texts to drop, its blocks' texts one a line: a block of
    the fallback's text that says a run of its blocks goes too (trafilatura reads a card's
    headline, summary and byline as one item, or as lines of their own), and one that opens a
    block and says most of it (trafilatura leaves out a byline's date)."""


CARD_PART_MIN_WORDS = 3  # a part of a card this long at least: not a category's or a region's name
CARD_PREFIX_SHARE = 2 / 3  # the share of a card's block that a line opening it says


def _card_runs(cards: list[str]) -> tuple[set[str], list[str]]:
    """(every run of consecutive blocks of the cards, the cards' blocks)."""
    runs: set[str] = set()
    parts: list[str] = []
    for card in cards:
        blocks = [line for line in card.split("\n") if line]
        parts += blocks
        for i in range(len(blocks)):
            for j in range(i + 1, len(blocks) + 1):
                runs.add(" ".join(blocks[i:j]))
    return runs, parts


def _card_part(text: str, runs: set[str], parts: list[str]) -> bool:
    """`text` is a card's: a run of its blocks, or most of one block from its start."""
    if len(text.split()) < CARD_PART_MIN_WORDS:
        return False
    if text in runs:
        return True
    return any(len(part) > len(text) and part.startswith(text + " ") and len(text) >= CARD_PREFIX_SHARE * len(part)
               for part in parts)


def teaser_card_texts(page: Page) -> list[str]:
    """The texts of the link cards of the page (`CardText`): a link holding block elements (the
    headline, summary and byline of another article, the whole card one <a>). trafilatura keeps
    a list of them that sits under the text as paragraphs of its own."""
    texts: list[str] = []
    here = urlsplit(page.url).path.rstrip("/")
    for a in _LINKS_WITH_BLOCKS(page.root):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:")):
            continue
        text = inline_text(a)
        if text and len(text) <= CARD_MAX_CHARS and not _same_document(page, href, here):
            texts.append(CardText("\n".join(line for line in element_text(a).split("\n") if line)))
    return texts


# a box that asks the reader to subscribe: a paywall's prompt, a newsletter's or a subscription's
# form (`div#paywall`, `newsletter-form__strapline`, `subscribe-box`); "non-paywall" says the opposite
_PROMPT_BOX_RE = re.compile(r"(?:^|[\s_-])(?<!non-)(?<!no-)(?:paywall|premium-wall|subscribe-wall|newsletters?"
                            r"|subscribe|subscription)(?:$|[\s_-])", re.IGNORECASE)
PROMPT_BOX_MAX_CHARS = 1200  # a prompt is a heading, a line or two and a list of benefits
PROMPT_LINE_MAX_CHARS = 250  # none of its lines is a paragraph of running text
# a prompt's words, one at least: a heading or paragraph of the article the class marks as walled
# says none of them (and is no box: those tags are left out)
_PROMPT_WORDS = ("abonn", "subscri", "inscri", "registr", "newsletter", "premium", "offre", "offer", "sign in",
                 "sign up", "log in", "login", "connect", "anmeld", "suscri", "iscriv", "assin")
_PROMPT_BOX_TAGS = frozenset(("div", "section", "aside", "form", "dialog", "ul", "ol", "header", "footer", "article",
                              "nav", "figure", "table"))
_PROMPT_LINE_TAGS = ("p", "div", "li", "span", "strong", "b", "a", "h2", "h3", "h4", "h5", "h6", "label", "button")


def prompt_box_lines(page: Page) -> list[str]:
    """The lines of the page's subscription prompts (boxes classed as a paywall, a newsletter or
    a subscription form that hold no paragraph of the article: the wall's text that holds the
    article's paragraphs stays, see `walled_text`)."""
    boxes = {el for index in (page.classes, page.ids) for token, elements in index.items()
             if ("wall" in token.lower() or "newsletter" in token.lower() or "subscri" in token.lower())
             and _PROMPT_BOX_RE.search(token) for el in elements}
    lines: list[str] = []
    for box in boxes:
        if box.tag not in _PROMPT_BOX_TAGS or walled_text(box):
            continue
        text = inline_text(box)
        if not text or len(text) > PROMPT_BOX_MAX_CHARS or not any(w in text.lower() for w in _PROMPT_WORDS):
            continue
        inner = [t for el in box.iter(_PROMPT_LINE_TAGS) if (t := inline_text(el))]
        if any(len(t) > PROMPT_LINE_MAX_CHARS for t in inner):
            continue
        lines.append(text)
        lines += inner
    return lines


def _in_page(page: Page, href: str | None) -> bool:
    """A link to a place in the page itself (`#section`, or the page's own URL with a fragment)."""
    href = (href or "").strip()
    if href.startswith("#"):
        return True
    if "#" not in href:
        return False
    return page.absolute(href).split("#", 1)[0] == page.url.split("#", 1)[0]


_RUN_TAGS = frozenset(("p", "div", "li", "h3", "h4", "h5", "h6"))


def _teaser_run(first: HtmlElement) -> list[str]:
    """The texts of `first` and the siblings after it while each is one link and nothing else
    (a paragraph per teaser title, as a block editor writes "Weiterlesen:" and its links);
    two such blocks at least, else nothing."""
    texts: list[str] = []
    el = first
    while el is not None and isinstance(el.tag, str) and el.tag in _RUN_TAGS:
        links = [a for a in el.iter("a") if a.get("href")]
        if len({a.get("href") for a in links}) != 1:
            break
        text = inline_text(el)
        if len(text) < 15 or sum(len(inline_text(a)) for a in links) < 0.9 * len(text):
            break
        texts.append(text)
        el = el.getnext()
    return texts if len(texts) >= 2 else []


def absolutise_links(page: Page, container: HtmlElement) -> None:
    """Make href/src absolute, leaving in-page `#fragment` links alone."""
    for el in container.iter("a", "img"):
        attr = "href" if el.tag == "a" else "src"
        value = el.get(attr)
        if value is None and el.tag == "img":
            value = el.get("data-src") or el.get("data-lazy-src")
        if value and not value.startswith("#"):
            absolute = page.absolute(value)
            if absolute:
                el.set(attr, absolute)


def body_outputs(page: Page, container: HtmlElement) -> tuple[str, str]:
    """(sanitised html, text) of a cleaned container."""
    from lxml import html as lxml_html

    absolutise_links(page, container)
    inner = (container.text or "") + "".join(
        lxml_html.tostring(child, encoding="unicode") for child in container
    )
    # NFC, as trafilatura's output is: the same text whatever the page's composition
    return (unicodedata.normalize("NFC", sanitise(inner).strip()),
            unicodedata.normalize("NFC", element_text(container, skip_captions=True)))


_FAST_ENOUGH_HTML = 600  # characters of trafilatura's fast HTML output: a few short paragraphs


def _trafilatura_html(trafilatura, html, url: str, fast: bool = True) -> str | None:
    """What `trafilatura.extract(..., output_format="html")` returns, without the content
    fingerprint it also computes (a hash of the whole text we never use: ~15% of its time,
    measured on the shared real pages with identical output)."""
    options = dict(url=url, output_format="html", include_comments=False, include_tables=True, fast=fast)
    try:
        from trafilatura.htmlprocessing import build_html_output
        from trafilatura.utils import normalize_unicode
    except ImportError:  # another trafilatura layout: its public call
        return trafilatura.extract(html, **options)
    document = trafilatura.bare_extraction(html, as_dict=False, **options)
    if document is None or getattr(document, "body", None) is None:
        return None
    return normalize_unicode(build_html_output(document))


# a label that opens the closing block of links to elsewhere ("Weitere Informationen:",
# "More information", "Pour en savoir plus"), on a line of its own
_FURTHER_INFO_RE = re.compile(
    r"^\W*(?:(?:weitere|mehr|zus[äa]tzliche) (?:infos?|informationen)(?: (?:zum thema|hierzu|dazu))?"
    r"|(?:more|further) information|pour en savoir plus|plus d[’']informations?|m[áa]s informaci[óo]n)\s*:?\s*$",
    re.IGNORECASE,
)


def _drop_further_info(el: HtmlElement, text: str) -> None:
    """Drop `el` when it is a further-information label, with the list of links after it
    (a label over running text loses the label only)."""
    if len(text) > 60 or not _FURTHER_INFO_RE.match(text):
        return
    following = el.getnext()
    if following is not None and _link_list(following):
        drop_element(following)
    drop_element(el)


# a press release's closing contact block: a label line, then names, phones and addresses
_CONTACT_LABEL_RE = re.compile(
    r"^\W*(?:presse?kontakt|kontakt|ansprechpartner(?:in|innen)?(?: zum thema| f[üu]r die presse)?"
    r"|(?:press|media) contacts?|contacts? (?:presse|m[ée]dias?)|contacto(?: de prensa)?|contact)\s*:?\s*$",
    re.IGNORECASE,
)
_CONTACT_TAIL_BLOCKS = 12  # lines of a contact block at most, each under 150 characters


def _contact_lines(blocks: list[HtmlElement]) -> bool:
    """Two short lines or more, none a sentence: names, phones, e-mail and street addresses
    (a closing "write to us at ..., we will answer." is a sentence and stays)."""
    lines = [line for b in blocks for line in element_text(b).split("\n") if line]
    return len(lines) >= 2 and all(len(line) < 150 and line[-1] not in ".!?" for line in lines)


_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")


def _drop_trailing_headings(root: HtmlElement) -> None:
    """Subheadings that end the body with no text after them: they announced a block that is not
    the article's (the related teasers, the sources' list, the comments) and that has gone."""
    while True:
        last = next((el for el in reversed(root) if isinstance(el.tag, str)), None)
        if last is None or last.tag not in _HEADING_TAGS or (last.tail or "").strip() \
                or len(inline_text(last)) > 100:
            return
        drop_element(last)


def _drop_contact_tail(root: HtmlElement) -> None:
    """The closing contact block of a release ("Pressekontakt", "Contact presse", "Media
    contact" and the lines of names and numbers after it, to the end): not the article's text."""
    blocks = [el for el in root if isinstance(el.tag, str)]
    tail = blocks[-_CONTACT_TAIL_BLOCKS - 1:]
    for i, el in enumerate(tail):
        text = inline_text(el)
        if len(text) < 40 and _CONTACT_LABEL_RE.match(text) and _contact_lines(tail[i + 1:]):
            for b in tail[i:]:
                drop_element(b)
            return


# the heading of a closing box about the publisher, the series or the writer, not the article:
# "Über diese Reihe", "Über uns", "About the author", "À propos de l'auteur", "Sobre el autor"
_ABOUT_HEADING_RE = re.compile(
    r"^\W*(?:[üu]ber (?:diese reihe|diese serie|die reihe|uns|den autor|die autorin|die autoren|den verfasser)"
    r"|about (?:us|this series|the series|the authors?|the writer)"
    r"|[àa] propos (?:de nous|de l[’']aut(?:eur|rice)|des auteurs|de cette s[ée]rie)"
    r"|acerca del autor|sobre (?:el autor|la autora|nosotros)|chi siamo|over (?:ons|de auteur))\W*$",
    re.IGNORECASE,
)
_ABOUT_TAIL_BLOCKS, _ABOUT_TAIL_MAX_CHARS = 3, 800


def _drop_about_tail(root: HtmlElement) -> None:
    """A closing box about the publisher, the series or the writer: its heading
    (`_ABOUT_HEADING_RE`) and the few short blocks after it, to the end of the text."""
    tail: list[tuple[HtmlElement, int]] = []  # the text's last blocks with text, and their lengths
    for el in reversed(root):
        if len(tail) > _ABOUT_TAIL_BLOCKS:
            break
        if isinstance(el.tag, str) and (size := len(clean_space(text_content(el)))):
            tail.insert(0, (el, size))
    for i, (heading, _) in enumerate(tail[:-1]):
        if heading.tag not in _HEADING_TAGS or not _ABOUT_HEADING_RE.match(inline_text(heading)):
            continue
        rest = tail[i + 1:]
        if any(el.tag in _HEADING_TAGS for el, _ in rest) or sum(size for _, size in rest) > _ABOUT_TAIL_MAX_CHARS:
            return
        for el, _ in tail[i:]:
            drop_element(el)
        return


_BOX_LINE_TAGS = ("p", "div", "li", "span", "h2", "h3", "h4", "h5", "h6")


def author_box_lines(page: Page) -> list[str]:
    """The lines of the page's author boxes (the writer's name, role and bio), which
    trafilatura keeps when the box sits right under the text: lines to drop from its body."""
    boxes = {el for index in (page.classes, page.ids) for token, elements in index.items()
             if author_box_token(token) for el in elements}
    lines: list[str] = []
    for box in boxes:
        if any(a in boxes for a in box.iterancestors()):
            continue
        text = inline_text(box)
        if not text or len(text) > AUTHOR_BOX_MAX_CHARS:
            continue
        lines.append(text)
        lines += [t for el in box.iter(_BOX_LINE_TAGS) if (t := inline_text(el))]
    return lines


# the page's own headline, where a page says it: its Open Graph / Twitter title, its <title>, its
# JSON-LD headline, its one <h1> (a page with several uses them for sections)
_TITLE_DASHES_RE = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
_TITLE_QUOTES_RE = re.compile(r"[\"'\u2018-\u201f\u00ab\u00bb\u2039\u203a]")
_TITLE_SEPARATORS = (" | ", " - ", " : ", " · ", " :: ", " // ", " / ", " • ")
_TITLE_HEAD_BLOCKS = 4  # the title line is one of the text's first blocks
_TITLE_HEAD_SHORT = 150  # and only shorter lines (a kicker, a date, a breadcrumb) stand before it


def _title_key(text: str) -> str:
    """`text` for comparing titles: entities read, case folded, dashes one "-", quotes and a
    closing full stop or colon left out."""
    text = unicodedata.normalize("NFKC", html_lib.unescape(html_lib.unescape(text))).casefold()
    text = _TITLE_QUOTES_RE.sub("", _TITLE_DASHES_RE.sub(" - ", text))
    return clean_space(text).rstrip(" .:!?")


def page_titles(page: Page) -> list[str]:
    """The headlines the page gives itself (`_title_key`ed): Open Graph's and Twitter's title, the
    <title>, JSON-LD's headline, the page's h1 when it has one only (as first read: the body's
    cleaning may have dropped it since)."""
    found = [t for name in ("og:title", "twitter:title") for t in page.meta.get(name, ())]
    title = page.root.find(".//title")
    if title is not None:
        found.append(text_content(title))
    found += [obj["headline"] for obj in page.jsonld if isinstance(obj.get("headline"), str)]
    h1s = [t for el in page.parsed_elements if el.tag == "h1" and (t := inline_text(el))]
    if len(h1s) == 1:
        found.append(h1s[0])
    keys = [_title_key(t) for t in found]
    return [k for k in dict.fromkeys(keys) if k]


def _is_title(text: str, titles: list[str]) -> bool:
    """`text` says one of `titles`, or one of them is `text` and the site's name beside it
    ("Title | Site", "Site - Title")."""
    key = _title_key(text)
    if len(key) < 8:
        return False
    for title in titles:
        if title == key:
            return True
        if len(title) > len(key) and any(title.startswith(key + sep) or title.endswith(sep + key)
                                         for sep in _TITLE_SEPARATORS):
            return True
        if len(key) > len(title) and key.endswith(title) and len(title.split()) >= 3 \
                and _DATE_LINE_RE.match(key[:-len(title)]):
            return True  # the headline, its date set inside the heading (`<h1><span>27.01.2022</span>Title`)
    return False


def drop_title_line(root: HtmlElement, titles: list[str]) -> None:
    """The page's headline repeated at the head of the text (trafilatura keeps the <h1>, or the
    title in a heading or paragraph of its own): a field of its own, not the text. Looked for in
    the first blocks only, before any line of running text; never the text's only block."""
    if not titles:
        return
    blocks = _head_blocks(root)
    if len(blocks) < 2:
        return
    for el, text in blocks[:_TITLE_HEAD_BLOCKS]:
        if _is_title(text, titles):
            drop_element(el)
            return
        if len(text) >= _TITLE_HEAD_SHORT:
            return


_RUBRIC_MAX_WORDS, _RUBRIC_MAX_CHARS = 3, 40


def drop_rubric_line(root: HtmlElement, url: str) -> None:
    """The name of the site's section set over the text ("Pressemitteilungen" over a page of
    `/pressemitteilungen_reader/...`): a first block of a word or three, no sentence, which one
    of the URL's folders spells. A label of the page, not the article's text."""
    folders = [fold(seg) for seg in urlsplit(url).path.rstrip("/").split("/")[:-1] if seg]  # (not the page's own)
    if not folders:
        return
    blocks = _head_blocks(root)
    if len(blocks) < 3:
        return
    el, text = blocks[0]
    label = words(text)
    if not 0 < len(label) <= _RUBRIC_MAX_WORDS or len(text) > _RUBRIC_MAX_CHARS or any(c in text for c in ".!?:"):
        return
    for sep in ("-", "_", ""):
        slug = sep.join(label)
        if any(seg == slug or seg.startswith((slug + "_", slug + "-")) for seg in folders):
            drop_element(el)
            return


def drop_category_line(root: HtmlElement, category: str) -> None:
    """The article's category (its rubric, as `find_category` read it) set over the text, alone or
    after the date ("TECHNOLOGY", "07.11.2023 Ormalingen, Baselbiet"): the first block only."""
    if not category:
        return
    key = fold(clean_space(category))
    blocks = _head_blocks(root)
    if len(blocks) < 3:
        return
    el, text = blocks[0]
    folded = fold(text)
    if folded == key or (folded.endswith(key) and _DATE_LINE_RE.match(text[:len(text) - len(key)])):
        drop_element(el)


def _head_blocks(root: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """The innermost text blocks of `root` with their text, in order."""
    blocks = [el for el in root.iter("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "header")
              if el is not root and not any(isinstance(c.tag, str) and c.tag in _TEXT_BLOCK_TAGS for c in el)]
    return [(el, text) for el in blocks if (text := inline_text(el))]


_TEXT_BLOCK_TAGS = frozenset(("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
                              "header", "section", "table", "figure", "pre"))


def fallback_body(html, url: str, drop_texts: list[str] | None = None, page: Page | None = None,
                  category: str = "") -> tuple[str, str, HtmlElement | None]:
    """trafilatura's body as (sanitised html, text), less the lines our rules know are not
    article text (read-also links, meta lines, the headline, `drop_texts`, the page's `category`
    over the text); empty when it finds nothing. `page`: the page `html` was read from, for its
    headlines and descriptions (read from `html` itself without it)."""
    import trafilatura
    from lxml import html as lxml_html

    try:
        # links and images off: measured on real pages, they make trafilatura keep
        # captions and link lists it otherwise leaves out
        result = _trafilatura_html(trafilatura, html, url)
        if not result or len(result) < _FAST_ENOUGH_HTML:
            # the fast reading may have stopped at a teaser: trafilatura's full run compares it
            # with its other extractors (measured on the shared pages: 4% of them take it,
            # 18 missing snippets fewer, 2 unwanted more, 368 pages right instead of 364)
            full = _trafilatura_html(trafilatura, html, url, fast=False)
            if full and len(full) > len(result or ""):
                result = full
    except Exception:  # noqa: BLE001 - the fallback must never break extraction
        return "", "", None
    if not result:
        return "", "", None
    try:
        root = lxml_html.fragment_fromstring(result, create_parent="div")
    except Exception:  # noqa: BLE001
        return "", "", None
    body = root.find(".//body")
    root = body if body is not None else root
    drop = {clean_space(t) for t in drop_texts or [] if t}
    runs, parts = _card_runs([t for t in drop_texts or [] if isinstance(t, CardText)])
    for el in list(root.iter("p", "div", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "td")):
        if el.getparent() is None:
            continue
        text = inline_text(el)
        if el.tag == "td":  # a layout table's cell holding a page slot's line ("Kommentare insgesamt: 0")
            if len(el) == 0 and _noise_line(text):
                drop_element(el)
        elif text in drop or (len(text) < 220 and _READ_ALSO_RE.match(text)) or _noise_line(text) \
                or _time_only(text):
            drop_element(el)
        else:
            _drop_further_info(el, text)
    if parts:  # the cards' lines, innermost first: an item whose summary goes may say its headline only
        for el in reversed(list(root.iter("p", "div", "li", "h2", "h3", "h4", "h5", "h6", "blockquote"))):
            if el.getparent() is not None and _card_part(inline_text(el), runs, parts):
                drop_element(el)
    _drop_contact_tail(root)
    _drop_about_tail(root)
    if page is None:
        page = Page(html, url) if isinstance(html, HtmlElement) else load_page(html, url)
    if page is not None:
        drop_rubric_line(root, url)
        drop_category_line(root, category)
        drop_meta_lines(root, page_descriptions(page))  # the title still counts among the opening lines it reads
        drop_title_line(root, page_titles(page))
    _drop_trailing_headings(root)
    html_out = sanitise("".join(lxml_html.tostring(c, encoding="unicode") for c in root)).strip()
    return html_out, element_text(root, skip_captions=True), root

