"""What is not article text: navigation, share bars, newsletters, comments, banners.

Rules look at tag names and at class/id/role tokens, not at any one site.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .document import clean_space
from .text import text_content

# Whole tags that never belong to an article body.
DROP_TAGS = ("script", "style", "noscript", "template", "form", "button", "input", "select",
             "textarea", "nav", "iframe", "object", "embed", "svg", "canvas", "dialog")

_BOILERPLATE_RE = re.compile(
    r"(^|[\s_-])("
    r"share|sharing|social|sociaux|partage|addtoany|a2a|sharedaddy|shariff|"
    r"newsletter|subscribe|abonnement|inscription|"
    r"comment|comments|commentaires|forum|respond|disqus|"
    r"cookie|cookies|consent|rgpd|gdpr|tarteaucitron|"
    r"breadcrumb|breadcrumbs|ariane|arbo|fil-ariane|"
    r"related|relatedposts|yarpp|crp_related|jp-relatedposts|"
    r"read-also|see-also|seealso|lire-aussi|leia-tambem|saiba-mais|most-read|mostread|meistgelesen|more-stories|"
    r"sidebar|widget|menu|navigation|navbar|pager|pagination|"
    r"post-navigation|nav-links|nav-previous|nav-next|"
    r"print|imprimer|toolbar|skip-link|visually-hidden|sr-only|screen-reader-text|"
    r"advert|advertisement|ads|publicite|banner|promo|sponsor|"
    r"author-box|author-bio|about-author|abh_box|saboxplugin-wrap|"
    r"wp-embedded-content|video-player|videoplayer|jwplayer|video-js|player-wrapper|player-container|"
    r"wp-block-buttons|elementor-button-wrapper|"  # call-to-action buttons ("Je fais un don", "S'inscrire")
    r"tags|tag-links|post-tags|mots|keywords|entry-meta|post-meta|entry-footer|byline|"
    r"reading-time|rating|ratings|post-ratings|star-rating|modal|popup|pop-up|overlay|paywall|premium-wall|"
    r"subscribe-wall|ad|adwidget|ad_widget|donate|donation"
    r")($|[\s_-])",
    re.IGNORECASE,
)
_ROLES = {"navigation", "banner", "complementary", "contentinfo", "search", "dialog", "alert"}
# the box about the writer that themes put under a post (`author-box`, `nv-author-biography`,
# `cbx-Author_InfoContainer`, `about-the-author`, `authorbox`, `autorenbox`): bylines, bios
# (French `description_auteur`, `bio-auteur`, `article_auteur`; Italian `box-autore`)
_AUTHOR_WORD = r"(?:author|autor|auteur|autore)"
_AUTHOR_BOX_RE = re.compile(
    r"(?:^|[\s_-])" + _AUTHOR_WORD + r"[_-]?(?:box|bio|biography|info|infocontainer|about|details|desc|description"
    r"|profile|card)(?:$|[\s_-])|(?:^|[\s_-])about[_-]?(?:the[_-]?)?author|(?:^|\s)autorenbox|saboxplugin-wrap"
    r"|abh_box|(?:^|[\s_-])(?:box|bio|description|infos?|a[_-]?propos)[_-](?:d[eu][_-]|de[_-]l[_-])?" + _AUTHOR_WORD
    + r"(?:$|[\s_-])|(?:^|[\s_-])article[_-]" + _AUTHOR_WORD + r"(?:$|[\s_-])",
    re.IGNORECASE,
)
AUTHOR_BOX_MAX_CHARS = 1500  # an author box is a few lines; a block this long is the post itself


def author_box_token(token: str) -> bool:
    """A class or id (or several, space-separated) naming an author box. A substring test
    first: the regex then reads one token in a hundred."""
    low = token.lower()
    return ("uthor" in low or "utor" in low or "uteur" in low or "box" in low) and bool(_AUTHOR_BOX_RE.search(token))


def attr_tokens(el: HtmlElement) -> str:
    """class, id and role of `el` as one lower-case string."""
    return " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role")))).lower()


def _unseen(el: HtmlElement) -> bool:
    """A dropped tag, a boilerplate role, or hidden by an attribute or a style."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in DROP_TAGS or (el.get("role") or "").lower() in _ROLES:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def is_boilerplate(el: HtmlElement) -> bool:
    """True when the element's tag, role, class or id says it is not article text."""
    if _unseen(el):
        return True
    tokens = " ".join(filter(None, (el.get("class"), el.get("id"))))
    if not tokens:
        return False
    if _BOILERPLATE_RE.search(tokens):
        return True
    return author_box_token(tokens)


# a paywall's class: on the wall's prompt ("subscribe to read on"), and on news sites on the
# element that holds the rest of the text itself (in the page, hidden from non-subscribers by a script)
_PAYWALL_RE = re.compile(r"(^|[\s_-])(paywall|premium-wall|subscribe-wall)($|[\s_-])", re.IGNORECASE)
WALLED_TEXT_CHARS = 500  # paragraph text (of 100+ characters a paragraph) that is the article's, not a prompt
WALLED_PARAGRAPH_CHARS = 300  # a paragraph classed as walled on its own: a prompt is a line or two


def walled_text(el: HtmlElement) -> bool:
    """An element classed as a paywall that holds the article's paragraphs (`div.hcf-paywall`,
    `div.post-paywall`, each `p.paywall` of a text), not the wall's prompt: its class names
    nothing else that is boilerplate, and it holds WALLED_TEXT_CHARS of paragraphs (one
    paragraph of WALLED_PARAGRAPH_CHARS when it is itself the paragraph)."""
    tokens = " ".join(filter(None, (el.get("class"), el.get("id"))))
    if not tokens or not _PAYWALL_RE.search(tokens):
        return False
    rest = _PAYWALL_RE.sub(" ", _PAYWALL_RE.sub(" ", tokens))  # adjacent tokens share a separator
    if _BOILERPLATE_RE.search(rest) or author_box_token(rest):
        return False
    if el.tag == "p":
        return len(clean_space(text_content(el))) >= WALLED_PARAGRAPH_CHARS
    lengths = (len(clean_space(text_content(p))) for p in el.iter("p"))
    return sum(n for n in lengths if n >= 100) >= WALLED_TEXT_CHARS


def strip_boilerplate(container: HtmlElement, keep: set | None = None) -> None:
    """Remove boilerplate descendants of `container` in place (never `container` itself); an
    element whose only boilerplate word is a paywall and that holds the text stays."""
    keep = keep or set()
    doomed = []
    for el in container.iterdescendants():
        if not isinstance(el.tag, str) or el in keep:
            continue
        if is_boilerplate(el) and not any(k in keep for k in el.iterdescendants()) \
                and (_unseen(el) or not walled_text(el)):
            doomed.append(el)
    for el in doomed:
        drop_element(el)


def drop_element(el: HtmlElement) -> None:
    """Remove `el` and its subtree but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


# for the lead's checks (metadata.py): the words and roles that mark a block as boilerplate
BOILERPLATE_RE = _BOILERPLATE_RE
BOILERPLATE_ROLES = _ROLES
