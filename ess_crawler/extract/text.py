"""Element to text: paragraphs separated by blank lines, inline text joined."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from .document import clean_space

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr thead tbody tfoot "
    "figure figcaption section article header footer aside address hr form fieldset "
    "details summary main nav center".split()
)
SKIP_TAGS = frozenset("script style noscript template svg button select option textarea input".split())
_NEWLINES_RE = re.compile(r"\n{3,}")
_XML_SPACE_RE = re.compile(r"[ \t\r\n]+")


def drop_invisible(text: str) -> str:
    """`text` without soft hyphens and zero-width spaces: invisible break hints (typesetting
    plugins put one in every long word), never letters; left in, they split the words a search
    or a reader looks for. (`str.replace`: `str.translate`'s lookup per character costs some
    10 ms on a long page of non-ASCII text.)"""
    if "\u00ad" in text:
        text = text.replace("\u00ad", "")
    if "\u200b" in text:
        text = text.replace("\u200b", "")
    return text


def element_text(el: HtmlElement, skip_captions: bool = False) -> str:
    """The text of `el` with one blank line between blocks and single newlines for `<br>`.

    With `skip_captions`, figure captions are left out (they belong to the images).
    """
    parts: list[str] = []
    _walk(el, parts, skip_captions)
    if el.tail:  # `_walk` ends with it: the text after `el` is not its own (a note's `<span>` in a sentence)
        parts.pop()
    text = drop_invisible("".join(parts))
    lines = [clean_space(line) if line else "" for line in text.split("\n")]  # half are empty
    text = "\n".join(lines)
    text = _NEWLINES_RE.sub("\n\n", text)
    return text.strip()


def _walk(el: HtmlElement, parts: list[str], skip_captions: bool = False, pre: bool = False) -> None:
    # a line break in the HTML source is white space (blocks and <br> make the lines), but in <pre>
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in SKIP_TAGS or (skip_captions and _is_caption(el, tag)):
        if el.tail:
            parts.append(el.tail if pre else el.tail.replace("\n", " "))
        return
    block = tag in BLOCK_TAGS
    if block:
        parts.append("\n\n")
    if tag == "br":
        parts.append("\n")
    if tag in ("td", "th"):
        parts.append(" ")
    inner = pre or tag == "pre"
    if el.text and tag:
        parts.append(el.text if inner else el.text.replace("\n", " "))
    for child in el:
        _walk(child, parts, skip_captions, inner)
    if block:
        parts.append("\n\n")
    if el.tail:
        parts.append(el.tail if pre else el.tail.replace("\n", " "))


def first_char(el: HtmlElement) -> str:
    """The first character of `element_text(el)` ("" when it is empty), without building it."""
    for piece in _text_pieces(el):
        stripped = piece.lstrip()
        if stripped:
            return stripped[0]
    return ""


def shown_length(el: HtmlElement) -> int:
    """Characters of the text a reader sees in `el` (no script, style or form controls; runs of
    white space as one space; not its tail): what a markup template's indentation or an inline
    script does not lengthen."""
    pieces = []
    if (el.tag if isinstance(el.tag, str) else "") not in SKIP_TAGS:
        if el.text and isinstance(el.tag, str):
            pieces.append(el.text)
        for child in el:
            pieces.extend(_text_pieces(child))
    return len(clean_space("".join(pieces)))


def _text_pieces(el: HtmlElement):
    """The texts `_walk` gathers (without its block and line breaks), in order, lazily."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag not in SKIP_TAGS:
        if el.text and tag:
            yield el.text
        for child in el:
            yield from _text_pieces(child)
    if el.tail:
        yield el.tail


# a class naming an image's caption: `wp-caption-text`, `media__caption`, `image-caption`, `caption`
_CAPTION_CLASS_RE = re.compile(r"(?:^|[\s_-])caption(?:s|-text|__text)?(?:$|[\s_-])", re.IGNORECASE)


def _is_caption(el: HtmlElement, tag: str) -> bool:
    """A figure's caption: <figcaption>, or a block classed as a caption (not a table's <caption>,
    which heads its rows)."""
    if tag == "figcaption":
        return True
    cls = el.get("class")
    return bool(cls) and tag != "caption" and "aption" in cls and bool(_CAPTION_CLASS_RE.search(cls))


def text_content(el: HtmlElement) -> str:
    """`el.text_content()` (XPath `string()`: the text of every text node below `el`) without
    an XPath evaluation, whose set-up costs some 4 µs a call: a childless element's text is its
    `.text`; else the text serialiser reads libxml2's node content, the function `string()`
    itself returns (measured: the same strings at a third of the cost)."""
    if not len(el):
        return el.text or ""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def inline_text(el: HtmlElement) -> str:
    """All text of `el` on one line."""
    if el is None:
        return ""
    return clean_space(drop_invisible(text_content(el)))


def normalize_space(text: str) -> str:
    """XPath's `normalize-space()`: runs of XML white space (space, tab, CR, LF; not NBSP)
    made one space, the ends stripped."""
    return _XML_SPACE_RE.sub(" ", text).strip(" \t\r\n")
