"""Pure extraction: `extract_article(html, url, profile=None) -> Article`.

No network and no Scrapy here: spiders, tests and the CLI all call this. The
page is parsed once; each field is taken from the best evidence available
(profile selector, structured data, CMS convention, heuristic, fallback
library) and `Article.provenance` records which rule produced it.
"""

from __future__ import annotations

import html as html_lib
import logging
import re

from lxml import etree
from lxml.html import HtmlElement

from ess_crawler.errors import UserError
from ess_crawler.items import Article, Image, Link
from ess_crawler.profiles import SiteProfile

from .body import (
    MIN_BODY_CHARS,
    author_box_lines,
    body_outputs,
    clean_container,
    content_hash,
    drop_blocks,
    drop_file_info,
    drop_leading_block,
    fallback_body,
    find_container,
    lead_text,
    link_list_texts,
    page_descriptions,
)
from .boilerplate import drop_element, is_boilerplate
from .datechoice import choose_published
from .document import (
    MAX_HTML_CHARS,
    Page,
    clean_space,
    contains,
    decoded_html,
    has_markup,
    load_page,
    not_html_reason,
    parse_html,
)
from .fallback_date import htmldate_find_date, witnessed
from .footnotes import FootnoteResult, find_footnotes
from .metadata import (
    canonical_url,
    described_element,
    description_stem,
    find_authors,
    find_category,
    find_dates,
    find_language,
    find_lead_element,
    find_tags,
    find_title,
    original_url,
    select,
)
from .related import find_related
from .text import SKIP_TAGS, element_text, inline_text, text_content

logger = logging.getLogger(__name__)

__all__ = ["extract_article", "load_page", "Article", "ExtractionError"]

_TRUNCATED_RE = re.compile(
    r"(il vous reste \d+ ?% de (cet|l[’']) ?article [àa] lire|r[ée]serv[ée] aux abonn[ée]s"
    r"|la suite est r[ée]serv[ée]e|this article is for subscribers)",
    re.IGNORECASE,
)
# the same on text in lower case whose white space is not collapsed: a quick first test
_TRUNCATED_LOWER_RE = re.compile(_TRUNCATED_RE.pattern.replace(" ?", r"\s*").replace(" ", r"\s+"))
_COMMENT_SELECTORS = "#comments, .comments-area, .comment-list, #forum, .forum, #disqus_thread, " \
                     ".forum-repondre, .formulaire_forum"


class ExtractionError(UserError, ValueError):
    """The input holds no HTML document to extract from (empty, binary, not markup)."""


def extract_article(html: bytes | str, url: str, profile: SiteProfile | None = None) -> Article:
    """Extract one article from a page's HTML (bytes or text) fetched from `url`.

    Never does I/O. Fields the page does not provide stay empty. Raises
    `ExtractionError` only when the input is not an HTML document at all.
    """
    reason = not_html_reason(html)
    if reason:
        raise ExtractionError(f"{url}: the input is {reason}; nothing to extract")
    text, utf8 = decoded_html(html)
    if not text.strip():
        raise ExtractionError(f"{url}: the input is empty; nothing to extract")
    if not has_markup(text):
        raise ExtractionError(f"{url}: the input holds no HTML tag (plain text or binary?); nothing to extract")
    root = parse_html(text, utf8)
    if root is None:
        raise ExtractionError(f"{url}: no HTML document could be parsed from the input")
    page = Page(root, url, profile)
    try:
        art = _extract(page, text)
    except RecursionError as exc:  # pathologically nested markup
        raise ExtractionError(f"{url}: the page is too deeply nested to extract") from exc
    if len(text) > MAX_HTML_CHARS:
        # parse_html cut the page: say so, never a silent cut
        art.truncated = True
        note = (f"size-limit: page of {len(text):,} characters cut at the extraction limit of "
                f"{MAX_HTML_CHARS:,} characters (extract.document.MAX_HTML_CHARS)")
        earlier = art.provenance.get("truncated")
        art.provenance["truncated"] = f"{earlier}; {note}" if earlier else note
        logger.warning("%s: %s", url, note)
    return art


def _extract(page: Page, html_text: str) -> Article:
    art = Article(url=page.url, site=page.profile.name if page.profile else "", fetched_url=page.url)
    prov = art.provenance
    art.url, prov["url"] = canonical_url(page)

    art.title, prov["title"] = find_title(page)

    related, related_blocks, rule, listed = find_related(page, art.url)
    art.related = related
    if related:
        prov["related"] = rule
    excluded: set[HtmlElement] = set(related_blocks)
    excluded.update(select(page, _COMMENT_SELECTORS))

    dates = find_dates(page, excluded, art.title)
    prov.update(choose_published(page, dates, art.title, excluded))
    art.published, art.published_raw = dates["published"], dates["published_raw"]
    art.modified, art.modified_raw = dates["modified"], dates["modified_raw"]
    if dates["published_rule"]:
        prov["published"] = dates["published_rule"]
    if dates["modified_rule"]:
        prov["modified"] = dates["modified_rule"]
    if not art.published:
        _fallback_date(art, html_text)

    art.category, prov["category"] = find_category(page, art.title, excluded)
    art.tags, prov["tags"] = find_tags(page, excluded)
    art.authors, prov["authors"] = find_authors(page, excluded)
    art.language, prov["language"] = find_language(page)
    art.truncated = _paywall_notice(page)

    lead_el, lead_rule = find_lead_element(page, excluded, art.title)
    not_body = excluded | ({lead_el} if lead_el is not None else set())
    container, container_rule = find_container(page, not_body, heuristics=False, cms=True)
    short_post = container is not None and _short_post_area(page, container, container_rule)
    if container is not None and not short_post and not _trust_container(page, container, container_rule):
        # an untrusted CMS container: microdata's articleBody may still be trusted
        container, container_rule = find_container(page, not_body, heuristics=False, cms=False)
        if container is not None and not _trust_container(page, container, container_rule):
            container, container_rule = None, ""
    if lead_el is not None and container is not None and contains(lead_el, container):
        lead_el, lead_rule = None, ""  # the "lead" wrapped the whole body: not a lead
    if lead_el is not None:
        art.lead, prov["lead"] = lead_text(element_text(lead_el)), lead_rule
    # read before the body's cleaning changes the tree
    description = _structured_description(page) if not art.lead else ("", "")

    cleaned = container is not None  # the tree is cleaned in place from here on
    if container is not None:
        notes = _body_from_container(page, art, container, container_rule, related_blocks, lead_el)
        # a CMS container that came out nearly empty was the wrong element
        if len(art.body_text) < MIN_BODY_CHARS and not container_rule.startswith("profile:") \
                and not notes.notes and not (short_post and len(art.body_text) >= 20):
            container = None
    if container is None:
        # no site or CMS knowledge: trafilatura's reading of the page, less what our rules
        # know is not article text; our own scoring when it finds nothing
        notes = find_footnotes(page, None)
        if not notes.notes and (page.root.find(".//sup") is not None
                                  or any(m in page.text for m in ("[1]", "(1)", "¹", "₁"))):
            # plain trailing notes need the text block they end: our own guess at it
            guess, _ = find_container(page, not_body)
            if guess is not None:
                notes = find_footnotes(page, guess)
        drop = ([r.title for r in art.related] + listed + [n.text for n in notes.notes] + link_list_texts(page)
                + author_box_lines(page) + [page.url, art.url])  # (a share box's copy of the address)
        tree, anchors, images = html_text, [], []
        if not art.body_text and not cleaned:  # the tree is intact: link the markers, notes out first
            _link_markers(notes)
            for block in notes.blocks:
                drop_element(block)
            drop_file_info(page.root)
            for template in list(page.root.iter("template")):  # never shown: a tooltip's or a widget's markup
                drop_element(template)
            tree = page.root
            anchors, images = _anchors_and_images(page, excluded)
        html, body, _ = fallback_body(tree, page.url, drop, page, art.category)
        if len(body) >= max(len(art.body_text), 1):
            art.body_html, art.body_text = html, body
            flat = " ".join(body.split())
            art.links = []
            for raw, context in anchors:
                href = page.absolute(raw) if context in flat else ""
                if href.startswith(("http://", "https://")):
                    art.links.append(Link(url=href, text=context))
            art.images = images
            prov["body"] = "fallback:trafilatura"
        elif not art.body_text:
            container, container_rule = find_container(page, not_body)
            if container is not None:
                notes = _body_from_container(page, art, container, container_rule, related_blocks, lead_el)
    art.footnotes = notes.notes
    if notes.notes:
        prov["footnotes"] = notes.rule
    if art.lead and art.body_text.startswith(art.lead):
        art.body_text = art.body_text[len(art.lead):].lstrip()
        art.body_html = drop_leading_block(art.body_html, art.lead)
    elif art.lead:
        _drop_repeated_lead(art)
    if not art.lead:
        _structured_lead(art, *description)
    if art.body_text:
        art.content_sha256 = content_hash(art.body_text)
    if art.truncated:
        prov["truncated"] = "heuristic:paywall-notice"
    art.provenance = {k: v for k, v in prov.items() if v}
    return art


_LEAD_REPEAT_PARAGRAPHS = 4  # the body's opening paragraphs where a repeated lead is looked for


def _drop_repeated_lead(art: Article) -> None:
    """A lead the body repeats after a line or two (trafilatura's text opens with the title or a
    date line, then the standfirst): those paragraphs leave the body. A heuristic lead that is
    only part of a body paragraph (an excerpt cut from the text) is no lead of its own."""
    lead = [clean_space(p) for p in art.lead.split("\n\n") if p.strip()]
    paragraphs = art.body_text.split("\n\n")
    flat = [clean_space(p) for p in paragraphs]
    for i in range(min(_LEAD_REPEAT_PARAGRAPHS, len(flat))):
        if flat[i:i + len(lead)] == lead:
            art.body_text = "\n\n".join(paragraphs[:i] + paragraphs[i + len(lead):]).strip()
            art.body_html = drop_blocks(art.body_html, lead)
            return
    if art.provenance.get("lead", "").startswith("heuristic:") and " ".join(lead) in " ".join(flat):
        art.lead = ""
        art.provenance.pop("lead", None)


def _paywall_notice(page: Page) -> bool:
    """`_TRUNCATED_RE` in the body's text. That search over a whole page's text costs some
    3 ms (a case-insensitive alternation), so it runs only where a match is possible: words
    every match of one of its wordings holds ("abonn" + "servé", "suite" + "servée", "article"
    + "reste" + "%" or "subscribers"), then the same pattern, case-sensitive, on the text in
    lower case (the letters IGNORECASE also equates to i and s folded) with any run of white
    space where it has one space."""
    body = page.root.find("body")
    if body is None:
        return False
    raw = text_content(body)
    low = raw.lower().replace("\u017f", "s").replace("\u0131", "i").replace("\u0307", "")
    if not (("abonn" in low and ("servé" in low or "serve" in low))  # réservé aux abonnés
            or ("suite" in low and ("servée" in low or "servee" in low))  # la suite est réservée
            # il vous reste 80 % de cet article à lire; this article is for subscribers
            or ("article" in low and (("reste" in low and "%" in raw) or "subscribers" in low))):
        return False
    if not _TRUNCATED_LOWER_RE.search(low):
        return False
    return bool(_TRUNCATED_RE.search(clean_space(raw)))


def _trust_container(page: Page, container: HtmlElement, rule: str) -> bool:
    """Whose container we clean ourselves rather than hand the page to trafilatura.

    Measured on real pages (benchmarks/eval_realworld.py): a site profile, SPIP's
    `.texte` and microdata `articleBody` hold the text and little else. A WordPress or
    Drupal body container is trusted when it is *the* post's text: a body field (not
    Drupal's `.node__content`, which wraps every field and the views beside them), the
    only element of its class or clearly the largest (not one excerpt of a listing), at
    least MIN_BODY_CHARS of text that is not mostly links, and no substantial paragraph
    text outside it in the page's reading area (a body split over several fields, as
    with Drupal's paragraphs, or a container holding the intro only).
    """
    if page.profile is not None:
        return True
    if rule.startswith(("microdata:", "cms:spip")):
        return True
    if rule not in ("cms:wordpress", "cms:drupal"):
        return False
    classes = (container.get("class") or "").split()
    if "node__content" in classes and not any(c.startswith(("field--name-", "field-name-")) for c in classes):
        return False
    text = inline_text(container)
    if len(text) < MIN_BODY_CHARS:
        return False
    link_len = sum(len(inline_text(a)) for a in container.iter("a"))
    if link_len > 0.5 * len(text):
        return False
    for cls in classes:
        if cls in _GENERIC_CLASSES:
            continue
        others = [e for e in page.classes.get(cls, []) if e is not container
                  and not contains(e, container) and not contains(container, e)]
        if any(3 * len(inline_text(e)) > len(text) for e in others):
            return False
    return _outside_text(page, container) <= 0.1 * len(text)


# layout classes shared by unrelated elements: they say nothing about a listing
_GENERIC_CLASSES = frozenset("clearfix clear cf row container content entry inner wrapper col "
                             "cell small-12 widthfix".split())
_NOT_READING = frozenset(("footer", "aside", "nav", "header", "form"))


def _outside_text(page: Page, container: HtmlElement) -> int:
    """Characters of article-like paragraphs (100+ characters, few links) outside `container`
    and outside boilerplate, navigation, headers and footers."""
    inside = set(container.iter("p"))
    verdict: dict = {}

    def reading(el) -> bool:
        if el in verdict:
            return verdict[el]
        parent = el.getparent()
        ok = not (el.tag in _NOT_READING or is_boilerplate(el)) and (parent is None or reading(parent))
        verdict[el] = ok
        return ok

    total = 0
    for p in page.root.iter("p"):
        if p in inside:
            continue
        text = inline_text(p)
        if len(text) < 100:
            continue
        if sum(len(inline_text(a)) for a in p.iter("a")) > 0.3 * len(text):
            continue
        parent = p.getparent()
        if parent is not None and reading(parent):
            total += len(text)
    return total


_POST_AREA_CLASSES = ("wp-block-post-content", "entry-content", "post-content")


def _short_post_area(page: Page, container: HtmlElement, rule: str) -> bool:
    """A WordPress post's own content area holding a short post (a brief under
    MIN_BODY_CHARS): the only element of the page with its class, so not a listing's excerpt.
    Kept as it is: trafilatura, given a page with so little text, takes the site title, the
    lead a second time, the theme's "Posted in / by" line and the comments."""
    if rule != "cms:wordpress" or len(inline_text(container)) >= 2 * MIN_BODY_CHARS:
        return False
    classes = (container.get("class") or "").split()
    for cls in _POST_AREA_CLASSES:
        if cls in classes:
            return len(page.classes.get(cls, [])) == 1
    return False


def _body_from_container(page: Page, art: Article, container: HtmlElement, rule: str,
                         related_blocks: list, lead_el) -> FootnoteResult:
    """Footnotes out, markers linked, boilerplate out; fills the body fields of `art`."""
    notes = find_footnotes(page, container)
    _link_markers(notes)
    drop = [*notes.blocks, *related_blocks]
    if lead_el is not None:
        drop.append(lead_el)
    keep = {m for ms in notes.markers.values() for m in ms}
    clean_container(container, drop, art.title, keep=keep, descriptions=page_descriptions(page))
    art.images = _images(page, container)
    art.body_html, art.body_text = body_outputs(page, container)
    art.links = _links(container)
    art.provenance["body"] = rule
    return notes


def _fallback_date(art: Article, html_text: str) -> None:
    """htmldate's answer when our own rules found no date: one witness, flagged as such.
    A web archive capture is read with its original URL, and no page is published after
    its capture; a 1 January answer is dropped (a year-only guess) and a 1st-of-month one
    marked weak (often a placeholder)."""
    url, captured = original_url(art.fetched_url)
    try:
        found = htmldate_find_date(html_text, url)
    except Exception:  # noqa: BLE001 - the fallback must never break extraction
        return
    if found:
        from .dates import normalise_iso

        parsed = normalise_iso(found)
        if parsed and parsed.iso[5:10] == "01-01":
            # a year-only guess (a copyright line, "© 2019"): no date rather than an invented day
            # (measured on the dev set's undated pages: 13 of 27 false dates were such guesses)
            art.provenance["published_rejected"] = f"htmldate={parsed.iso}: 1 January, a year-only guess"
            return
        if parsed and not witnessed(parsed.iso[:10], html_text, url):
            # htmldate's deepest search reads what no reader sees (measured on the dev set's
            # undated pages: 5 of 14 false dates came from a comment, a CSS class, an asset version)
            art.provenance["published_rejected"] = (
                f"htmldate={parsed.iso}: that day is written only in comments, style sheets or asset references")
            return
        if parsed and not (captured and parsed.iso[:10] > captured):
            art.published, art.published_raw = parsed.iso, found
            art.provenance["published"] = "fallback:htmldate"
            art.provenance["published_candidates"] = f"htmldate={parsed.iso}"
            art.provenance["published_confidence"] = "0.50"  # one witness, a library's guess
            if parsed.iso[8:10] == "01":
                art.provenance["published_conflict"] = "weak: the 1st of a month, often a placeholder date"


_MARKUP_RE = re.compile(r"</?(?:p|br|strong|em|b|i|a|span|div)\b[^>]*>", re.IGNORECASE)


def _structured_description(page: Page) -> tuple[str, str]:
    """(the page's description from structured data, its rule). A cut description ('... aux
    yeux de...') is replaced by the page's text block it was cut from, when the page has one;
    read before the body is cleaned, as the tree is changed in place."""
    desc = page.jsonld_article.get("description") if page.jsonld_article else ""
    rule = "jsonld:description"
    if not desc:
        desc, key = page.meta_first("og:description", "description")
        rule = f"meta:{key}"
    desc = clean_space(str(desc or ""))
    for _ in range(2):  # escaped once or twice more by the CMS: `le sien&thinsp;:`, `Polic&amp;iacute;a`
        if "&" in desc and ";" in desc:
            desc = clean_space(html_lib.unescape(desc))
    if "<" in desc and ">" in desc and _MARKUP_RE.search(desc):  # `<p><strong>...`: the markup's text
        fragment = parse_html(f"<div>{desc}</div>")
        desc = inline_text(fragment) if fragment is not None else desc
    stem = description_stem(desc)
    if stem:
        el = described_element(page, stem)
        if el is not None:
            return element_text(el), f"{rule}+html:full-text"
    if desc and not _shown(page, desc):
        return "", rule  # a summary for search engines and shares, not a standfirst the reader sees
    return desc, rule


_SHOWN_RUN = 4  # words of a description in a row: a run of them in the page's text shows it
_SHOWN_CHARS = 10  # or characters, in a script written without spaces
_UNSHOWN_TAGS = SKIP_TAGS | {"title"}  # (the text no reader sees, and the window's title)
_TEXT_WITH = etree.XPath("descendant::text()[contains(., $word)]")


def _shown(page: Page, desc: str) -> bool:
    """A description the page prints: a run of its first words in the text of an element of the
    page's body (a script's, a style's or a template's text is not printed). Three runs are tried,
    as a line break may cut one; the elements looked at are those whose own text holds a run's
    longest word (a pass of the tree in C for each, then a few elements read)."""
    words = desc.split()
    if len(words) >= _SHOWN_RUN and len(desc) < 15 * len(words):
        runs = [" ".join(words[i:i + _SHOWN_RUN]) for i in range(0, min(len(words), 3 * _SHOWN_RUN), _SHOWN_RUN)
                if len(words[i:i + _SHOWN_RUN]) == _SHOWN_RUN]
        keys = [max(run.split(), key=len) for run in runs]
    else:  # a script written without spaces (Chinese, Japanese): runs of characters, and halves of them
        runs = [desc[i:i + _SHOWN_CHARS] for i in range(0, min(len(desc), 3 * _SHOWN_CHARS), _SHOWN_CHARS)]
        keys = [run[: _SHOWN_CHARS // 2] for run in runs]
    body = page.root.find("body")
    scope = body if body is not None else page.root
    for key in dict.fromkeys(keys):
        for node in _TEXT_WITH(scope, word=key):
            holder = node.getparent()
            if holder is not None and node.is_tail:
                holder = holder.getparent()
            if holder is None or holder.tag in _UNSHOWN_TAGS:
                continue
            text = clean_space(text_content(holder))  # (no-break spaces as plain ones)
            if any(run in text for run in runs):
                return True
    return False


_WORD_RE = re.compile(r"\w+")
_OPENING_OVERLAP = 0.7  # share of a description's words in the body's opening: the opening reworded


def _rewords_opening(desc: str, body: str) -> bool:
    """A description written from the body's opening sentences ("have been whittled down to 16
    teams" for "are down to 16 teams"): most of its words are in the opening."""
    words = _WORD_RE.findall(desc.lower())
    if len(words) < 8:
        return False
    opening = set(_WORD_RE.findall(body[: int(len(desc) * 1.5) + 100].lower()))
    return sum(w in opening for w in words) >= _OPENING_OVERLAP * len(words)


def _structured_lead(art: Article, desc: str, rule: str) -> None:
    """A description from structured data counts as the lead only if it is not the body's
    text: neither its opening nor, for a cut description, the text it was cut from."""
    if len(desc) < 40:
        return
    body = clean_space(art.body_text)
    opening = body[: len(desc) + 20]
    stem = description_stem(desc) or desc.rstrip(".…").rstrip()
    if stem[:80] in opening or desc.rstrip("…. ") in body or (len(stem) >= 40 and stem in body):
        return
    if desc[:80] in body:  # the full text of a cut description, found in the body
        return
    if _rewords_opening(desc, body):
        return
    art.lead, art.provenance["lead"] = desc, rule


def _link_markers(notes) -> None:
    """Rewrite each note marker as `<sup class="footnote-ref" id="fnref-N"><a href="#fn-N">[N]</a></sup>`."""
    for note in notes.notes:
        markers = notes.markers.get(note.number, [])
        for i, marker in enumerate(markers):
            parent = marker.getparent()
            if parent is None:
                continue
            sup = etree.Element("sup")
            sup.set("class", "footnote-ref")
            ref_id = f"fnref-{note.number}" if i == 0 else f"fnref-{note.number}-{i}"
            sup.set("id", ref_id)
            a = etree.SubElement(sup, "a")
            a.set("href", f"#fn-{note.number}")
            a.text = f"[{note.number}]"
            sup.tail = marker.tail
            parent.replace(marker, sup)
            if i == 0:
                note.marker_id = ref_id


_TEXT_BLOCK_TAGS = frozenset(("p", "li", "td", "blockquote", "dd"))
_NOT_TEXT_TAGS = frozenset(("nav", "header", "footer"))


def _anchors_and_images(page: Page, excluded: set) -> tuple[list[tuple[str, str]], list[Image]]:
    """Before trafilatura rewrites the tree: the links of text blocks as (href, text), kept
    when their text ends up in the body, and the images of the article element."""
    state: dict = {}  # element -> (inside a text block, inside nav/header/footer)

    def where(el) -> tuple[bool, bool]:
        found = state.get(el)
        if found is None:
            parent = el.getparent()
            up = where(parent) if parent is not None else (False, False)
            found = (up[0] or el.tag in _TEXT_BLOCK_TAGS, up[1] or el.tag in _NOT_TEXT_TAGS)
            state[el] = found
        return found

    anchors = []
    seen = set()
    for a in page.root.iter("a"):
        raw = a.get("href")
        if not raw or raw.startswith(("#", "javascript:", "mailto:")) or raw in seen:
            continue
        parent = a.getparent()
        if parent is None:
            continue
        in_block, blocked = where(parent)
        if not in_block or blocked:
            continue
        text = inline_text(a)
        if len(text) < 4:
            continue
        seen.add(raw)
        anchors.append((raw, text))
    # the first of `//*[@itemprop="articleBody"] | //article | //main`, without XPath passes
    scope = page.itemprop("articleBody")[:1] + [next(page.root.iter("article", "main"), None)]
    scope = [el for el in scope if el is not None]
    if len(scope) == 2 and scope[0] is not scope[1]:
        scope.sort(key=lambda el: page.order.get(el, 0))
    images = _images(page, scope[0]) if scope else []
    return anchors, [i for i in images if i.url]


def _images(page: Page, container: HtmlElement) -> list[Image]:
    images = []
    for img in container.iter("img"):
        src = img.get("src") or img.get("data-src") or img.get("data-lazy-src") or ""
        src = page.absolute(src)
        if not src.startswith(("http://", "https://")):
            continue
        caption = ""
        for anc in img.iterancestors():
            if anc.tag == "figure":
                cap = anc.find(".//figcaption")
                caption = inline_text(cap) if cap is not None else ""
                break
            if "wp-caption" in (anc.get("class") or ""):
                cap = anc.xpath('.//*[contains(@class, "wp-caption-text")]')
                caption = inline_text(cap[0]) if cap else ""
                break
            if anc is container:
                break
        images.append(Image(url=src, alt=clean_space(img.get("alt")), caption=caption))
    return images


def _links(container: HtmlElement) -> list[Link]:
    links = []
    seen = set()
    for a in container.iter("a"):
        href = a.get("href") or ""
        if not href.startswith(("http://", "https://")) or href in seen:
            continue
        seen.add(href)
        links.append(Link(url=href, text=inline_text(a)))
    return links

