"""Related-article blocks: "Sur le même sujet", "À lire aussi", "Ailleurs sur le site"...

A block is found by its heading (French and English wordings) or by the
markup of a related-posts plugin (YARPP, Contextual Related Posts, Jetpack,
Drupal views). Each item keeps its URL, title and, when the block shows them,
date, category and teaser. Menus, tag clouds and previous/next links are not
related articles.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ess_crawler.items import RelatedLink

from .dates import find_dates
from .document import Page, clean_space, fold
from .metadata import normalise_url, profile_elements, select
from .text import element_text, inline_text

_HEADING_RE = re.compile(
    r"^(sur le meme (sujet|theme)|a lire (aussi|egalement|en complement)|lire (aussi|egalement)"
    r"|voir aussi|a voir aussi|dans la meme rubrique|ailleurs sur le site"
    r"|autres articles( dans cette rubrique| de la rubrique| sur le meme sujet)?"
    r"|articles? (similaires|lies|connexes|en lien|associes)|contenus? (lies|similaires|associes)"
    r"|actualites? (liees|similaires|associees)|sur le meme theme|vous aimerez aussi"
    r"|vous (pourriez|pouvez|aimeriez) aussi (aimer|lire)|ces articles (peuvent|pourraient) vous interesser"
    r"|pour aller plus loin|en lien avec cet article|a decouvrir (aussi|egalement)"
    r"|related( posts| articles| stories| content| reading)?|you (may|might) also (like|enjoy)"
    r"|more (on this|like this|stories|articles)|read (also|more|next)|see also|similar (posts|articles))\b"
)
_PLUGIN_SELECTORS = (
    ".yarpp-related", ".yarpp", ".crp_related", "#jp-relatedposts", ".jp-relatedposts",
    ".wp-block-jetpack-related-posts", ".related-posts", ".relatedposts", ".related-articles",
    ".post-related", ".field--name-field-related", ".field--name-field-articles-lies",
)
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP_HREF_RE = re.compile(
    r"(/tag/|/tags/|/category/|/categorie/|/auteur/|/author/|/mot/|[?&](share|replytocom)=|"
    r"^mailto:|^javascript:|facebook\.com/sharer|twitter\.com/intent|linkedin\.com/share)",
    re.IGNORECASE,
)
_CATEGORY_CLASS_RE = re.compile(r"categ|rubri|section|kicker|label|surtitre|thematique|type", re.I)
_MAX_LINKS = 40


def _fold(text: str) -> str:
    """Lower case, no accents, single spaces, no surrounding punctuation."""
    return fold(clean_space(text)).strip(" :.-–—>»|…")


def is_related_heading(text: str) -> bool:
    """True for a heading that introduces related articles."""
    folded = _fold(text)
    return 0 < len(folded) <= 60 and bool(_HEADING_RE.match(folded))


_TITLE_CLASS_RE = re.compile(r"title|titre|heading|header|label", re.IGNORECASE)


def _short_text(el: HtmlElement, limit: int = 64) -> str:
    """The element's text when it is short (cheap checks before building it)."""
    if len(el) > 3:
        return ""
    text = el.text_content()
    return text if len(text) <= limit * 2 else ""


def _heading_candidates(page: Page) -> list[HtmlElement]:
    """Headings, short link-free paragraphs and bold lines, and elements whose class says
    title, whose text names a related block."""
    pool: list[HtmlElement] = list(page.root.iter("h1", "h2", "h3", "h4", "h5", "h6"))
    pool += [el for el in page.root.iter("p", "strong", "b") if len(el) <= 1 and el.find(".//a") is None]
    for token, elements in page.classes.items():
        if _TITLE_CLASS_RE.search(token):
            pool += [el for el in elements if el.tag in ("div", "span", "p", "strong", "header", "legend", "dt")]
    found: dict[HtmlElement, None] = {}
    for el in pool:
        text = _short_text(el)
        if text and is_related_heading(text):
            found[el] = None
    if len(found) > 1:
        return sorted(found, key=lambda e: page.order.get(e, 0))
    return list(found)


def _links(elements: list[HtmlElement]) -> list[HtmlElement]:
    return [a for el in elements for a in el.iter("a") if a.get("href")]


def _following(node: HtmlElement) -> list[HtmlElement]:
    """Siblings after `node` up to the next heading."""
    out = []
    sib = node.getnext()
    while sib is not None:
        if isinstance(sib.tag, str):
            if sib.tag in _HEADING_TAGS or (sib.xpath(".//h2|.//h3") and sib.xpath(".//h2|.//h3")[0]
                                             is not None and is_related_heading(inline_text(
                                                 sib.xpath(".//h2|.//h3")[0]))):
                break
            out.append(sib)
        sib = sib.getnext()
    return out


def _block_for_heading(heading: HtmlElement) -> list[HtmlElement]:
    node = heading
    for _ in range(4):
        parts = _following(node)
        if _links(parts):
            return parts
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html", "main"):
            break
        node = parent
    return []


def _in_nav(el: HtmlElement) -> bool:
    return any(a.tag == "nav" or (a.get("role") or "") == "navigation" for a in el.iterancestors())


def _item_element(a: HtmlElement, href: str, stop: set, page: Page) -> HtmlElement:
    """The largest ancestor of `a` below the block that links to no other article."""
    item = a
    for parent in a.iterancestors():
        if parent in stop:
            break
        hrefs = {page.absolute(x.get("href")) for x in parent.iter("a") if x.get("href")}
        if len(hrefs - {href}) > 0:
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
    return inline_text(a)


def _block_heading(block: HtmlElement) -> str:
    """The heading of a block: a heading or label that comes before the first link and holds none."""
    for el in block.iter():
        if not isinstance(el.tag, str) or el is block:
            continue
        if el.tag == "a":
            break
        if (el.tag in _HEADING_TAGS or _TITLE_CLASS_RE.search(el.get("class") or "")) and el.find(".//a") is None:
            text = inline_text(el).rstrip(" :")
            if 0 < len(text) <= 80:
                return text
    return ""


def _describe(item: HtmlElement, anchors: list[HtmlElement], url: str, heading: str) -> RelatedLink:
    title = max((_anchor_title(a) for a in anchors), key=len, default="")
    if not title:
        title = clean_space(anchors[0].get("title") or "")
    link = RelatedLink(url=url, title=title, heading=heading)
    if item is anchors[0]:
        return link
    rest = element_text(item)
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


def _items(block: list[HtmlElement], heading: str, page: Page, own_url: str) -> list[RelatedLink]:
    stop = set()
    for el in block:
        parent = el.getparent()
        if parent is not None:
            stop.add(parent)
    by_url: dict[str, list[HtmlElement]] = {}
    for a in _links(block):
        if a.get("rel") in ("tag", "prev", "next") or "tag" in (a.get("class") or "").split():
            continue
        href = a.get("href", "")
        if href.startswith("#") or _SKIP_HREF_RE.search(href):
            continue
        url = page.absolute(href)
        if not url.startswith(("http://", "https://")) or normalise_url(url) == own_url:
            continue
        by_url.setdefault(url, []).append(a)
    if len(by_url) > _MAX_LINKS:
        return []
    items = []
    for url, anchors in by_url.items():
        item = _item_element(anchors[0], url, stop, page)
        link = _describe(item, anchors, url, heading)
        if link.title:
            items.append(link)
    return items


def find_related(page: Page, own_url: str) -> tuple[list[RelatedLink], list[HtmlElement], str]:
    """(related links, block elements to keep out of the body, rule)."""
    links: list[RelatedLink] = []
    blocks: list[HtmlElement] = []
    rules: list[str] = []
    seen: set[int] = set()

    def overlaps(el: HtmlElement) -> bool:
        return id(el) in seen or any(id(a) in seen for a in el.iterancestors()) or any(
            id(d) in seen for d in el.iterdescendants())

    def add(block: list[HtmlElement], heading: str, rule: str, extra: list[HtmlElement]):
        if any(overlaps(el) for el in block):
            return
        items = _items(block, heading, page, own_url)
        if not items:
            return
        seen.update(id(el) for el in block)
        links.extend(items)
        blocks.extend(block + extra)
        if rule not in rules:
            rules.append(rule)

    for el in profile_elements(page, "related"):
        add([el], _block_heading(el), "profile:related", [])
    for heading in _heading_candidates(page):
        if _in_nav(heading):
            continue
        block = _block_for_heading(heading)
        if block:
            add(block, inline_text(heading).rstrip(" :"), "heuristic:heading", [heading])
    for css in _PLUGIN_SELECTORS:
        for el in select(page, css):
            if _in_nav(el):
                continue
            add([el], _block_heading(el), "html:related-plugin", [])
    return links, blocks, "+".join(rules)
