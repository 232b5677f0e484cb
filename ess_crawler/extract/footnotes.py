"""Footnotes: found, split out of the body, markers kept and linked.

Recognised, in order, with the markup each one prints (read from its own source):
the profile's `footnotes` selector; SPIP notes (`div.notes`, `a.spip_note`, with or without the
brackets); WordPress core footnotes (`ol.wp-block-footnotes`, `sup.fn > a#ID-link`); Easy Footnotes
(`ol.easy-footnotes-wrapper`); footnotes by Mark Cheret (`tr.footnotes_plugin_reference_row`, inline
`span.footnote_tooltip`); Modern Footnotes (inline `span.modern-footnotes-footnote__note[data-mfn]`);
MediaWiki `ol.references`; then any `<sup><a href="#id">N</a></sup>` / `a[href="#id"]` pair whose
target exists (kramdown, Hugo/goldmark, python-markdown, Pandoc, markdown-it/Ghost, FD Footnotes,
Footnotes Made Easy, Simple Footnotes, Littlefoot, Drupal footnotes, CKEditor footnotes, Word
exports); and hand-written notes: trailing paragraphs starting with a number that matches a
`<sup>N</sup>`, `[N]` or superscript-digit marker in the text before them, or a `(N)` marker when
the notes sit under a "Notes" / "Sources" / "Références" / "参考资料" heading (or, with no heading,
after a word when the notes start "(N)" too: before a punctuation mark, or before a word that
does not open its own note, the markers in order). One marker may stand for several notes
(`[1-2]`, `[7–9]`, `[3,4]`, `[1][2]`: Wikipedia copies, Baidu Baike); Word's endnotes may be
numbered `<sup>[i]</sup>`; notes numbered in subscript digits (`₁ Source`) take subscript markers
(`text.₁`), which elsewhere write formulas (CO₂). Notes may start `¹`, share one paragraph split by `<br>`, sit in a
`<div>` of `<p>`s, or come after a share bar, tags or an author box (up to the comments, a
sidebar or the footer); after a notes heading (a `<dt>` too) they are also looked for outside the
text block (or in the whole page when none was found); with no heading and no numbers of their
own, the text's last `<ol>` holds them when its items match `<sup>1</sup>`, `<sup>2</sup>`... met
in that order. That heading leaves the body with the notes.
Exponents (`m<sup>2</sup>`, `10<sup>e</sup>`, `10<sup>1,5</sup>`), ordinals (`1er`), intervals
(`[1-3]` after a space) and numbered lists are not notes: a note needs both a marker and a note
text, and numbers must run 1, 2, 3...
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

from lxml.html import HtmlElement

from ess_crawler.items import Footnote

from .document import Page, clean_space
from .metadata import profile_elements, select
from .text import element_text, first_char, normalize_space, text_content

_MARKER_TEXT_RE = re.compile(r"^\s*[\[(]?\s*(\d{1,3})\s*[\])]?\s*$")
# a marker for several notes: "[1-2]", "[7–9]", "[3,4]", "[1][2]" (Wikipedia, Baidu Baike, hand-written)
_MULTI_MARKER_RE = re.compile(r"^\s*\[\s*\d{1,3}(?:\s*(?:[-–—,;]|\]\s*\[)\s*\d{1,3})+\s*\]\s*$")
# the same in running text, right after the word it marks ("fait.[1-2]", "fait[3,4]")
_MULTI_IN_TEXT_RE = re.compile(r"(?<=[^\s\d\[\]])\[(\d{1,3}(?:\s*[-–—,]\s*\d{1,3})+)\]")
_RANGE_PART_RE = re.compile(r"(\d{1,3})(?:\s*[-–—]\s*(\d{1,3}))?")
# Word's default endnote numbering: "<sup>[i]</sup>", "<sup>ii</sup>"
_ROMAN_MARKER_RE = re.compile(r"^\s*[\[(]?([ivxl]{1,6})[\])]?\s*$")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}
_NOTE_START_RE = re.compile(
    r"^\s*(?:\[(\d{1,3})\]|\((\d{1,3})\)|(\d{1,3})(?:\s*[.):–—-]|\s)(?!\d)"
    r"|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])|[₀₁₂₃₄₅₆₇₈₉]{1,3}(?![₀₁₂₃₄₅₆₇₈₉]))[.):]?"
    r"|\[([ivxl]{1,6})\]|\(([ivxl]{1,6})\))\s*")
_SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"  # some authors number their notes `₁ Source...` and mark them `text.₁`
_NOTE_FIRST_CHARS = "[(⁰¹²³⁴⁵⁶⁷⁸⁹" + _SUBSCRIPTS  # what _NOTE_START_RE can start with, besides digits
_PLAIN_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹" + _SUBSCRIPTS, "0123456789" * 2)
_URL_RE = re.compile(r"https?://[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]")
_BACKLINK_TEXT = {"↩", "↑", "^", "↩︎", "retour", "back"}


@dataclass
class FootnoteResult:
    notes: list[Footnote] = field(default_factory=list)
    blocks: list[HtmlElement] = field(default_factory=list)  # to drop from the body
    markers: dict[str, list[HtmlElement]] = field(default_factory=dict)  # number -> marker elements
    rule: str = ""


def _note_urls(el: HtmlElement, page: Page, text: str) -> list[str]:
    urls: list[str] = []
    for a in el.iter("a"):
        href = page.absolute(a.get("href"))
        if href.startswith(("http://", "https://")) and not _is_backlink(a, page):
            urls.append(href)
    urls.extend(_URL_RE.findall(text))
    seen: dict[str, None] = {}
    for u in urls:
        seen.setdefault(u.rstrip("/…"), None) if u.endswith("…") else seen.setdefault(u, None)
    return list(seen)


def _is_backlink(a: HtmlElement, page: Page) -> bool:
    href = a.get("href") or ""
    text = clean_space(text_content(a)).lower()
    return href.startswith("#") or text in _BACKLINK_TEXT or "backref" in (a.get("class") or "")


def _make_note(number: str, el: HtmlElement, page: Page, strip_number: bool = True) -> Footnote:
    """A Footnote from the element holding it, without its leading number or back links."""
    from lxml import html as lxml_html

    text = element_text(el)
    if strip_number:
        text = _NOTE_START_RE.sub("", text, count=1)
    text = re.sub(r"(\s*(\[\s*\]|\(\s*\)|↩︎?|↑|\^))+\s*$", "", text).strip()  # back links' leftovers
    text = re.sub(r"^(↑|\^)\s*", "", text)
    from .body import sanitise  # the note's HTML is stored and exported: inert, like the body's

    html = sanitise(lxml_html.tostring(el, encoding="unicode", with_tail=False))
    return Footnote(number=number, text=text, html=html, urls=_note_urls(el, page, text))


def _marker_number(el: HtmlElement) -> str | None:
    m = _MARKER_TEXT_RE.match(text_content(el))
    return m.group(1) if m else None


def _roman(number: str) -> int | None:
    """The value of a lower-case Roman numeral written the usual way ("iv", "xii"), else None."""
    total, prev = 0, 0
    for c in reversed(number):
        v = _ROMAN.get(c)
        if v is None:
            return None
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total if total and _to_roman(total) == number else None


def _to_roman(n: int) -> str:
    out = ""
    for v, r in ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out, n = out + r, n - v
    return out


def _marker_numbers(el: HtmlElement) -> list[str]:
    """The note numbers a `<sup>` marker stands for: one ("1", "[1]", "[ii]"), or several
    ("[1-2]", "[7–9]", "[3,4]", "[1][2]"); [] when it is no marker."""
    text = text_content(el)
    m = _MARKER_TEXT_RE.match(text)
    if m:
        return [m.group(1)]
    if len(text) > 40:
        return []
    if _MULTI_MARKER_RE.match(text):
        numbers: list[str] = []
        for part in _RANGE_PART_RE.finditer(text):
            first, last = int(part.group(1)), int(part.group(2) or part.group(1))
            if last < first or last - first > 30:
                return []
            numbers.extend(str(n) for n in range(first, last + 1))
        return numbers
    m = _ROMAN_MARKER_RE.match(text)
    return [m.group(1)] if m and _roman(m.group(1)) else []


def _single(el: HtmlElement) -> bool:
    """A marker that stands for one note only (one marker for several notes stays as it is)."""
    return len(_marker_numbers(el)) == 1


def _consecutive(numbers: list[str]) -> bool:
    try:
        ints = [int(n) if n.isdecimal() else _roman(n) for n in numbers]
    except ValueError:
        return False
    if None in ints:
        return False
    return bool(ints) and ints == list(range(ints[0], ints[0] + len(ints))) and ints[0] in (0, 1)


def _markers_in(container: HtmlElement | None) -> dict[str, list[HtmlElement]]:
    """`<sup>N</sup>` and `[N]`-style marker elements of the body, by number."""
    found: dict[str, list[HtmlElement]] = {}
    if container is None:
        return found
    for sup in container.iter("sup"):
        for number in _marker_numbers(sup):
            found.setdefault(number, []).append(sup)
    return found


def _spip(page: Page, container) -> FootnoteResult | None:
    blocks = select(page, "div.notes")
    if not blocks:
        return None
    result = FootnoteResult(rule="cms:spip", blocks=blocks)
    for block in blocks:
        holders = block.xpath('.//*[starts-with(@id, "nb")]') or block.xpath(".//p")
        for holder in holders:
            ref = holder.xpath('.//*[contains(@class, "spip_note_ref")]|.//a[contains(@class, "spip_note")]')
            number = _marker_number(ref[0]) if ref else None
            if number is None:
                m = _NOTE_START_RE.match(element_text(holder))
                number = _start_number(m) if m else None
            if number is None:
                continue
            for r in ref[:1]:
                _drop(r)
            note = _make_note(number, holder, page)
            note.marker_id = f"nh{number}"
            result.notes.append(note)
    for a in page.root.xpath('//a[contains(@class, "spip_note")][starts-with(@href, "#nb")]'):
        number = _marker_number(a)
        if number and not any(a in b.iter() for b in blocks):
            span = a.getparent()
            target = span if span is not None and "spip_note_ref" in (span.get("class") or "") else a
            result.markers.setdefault(number, []).append(target)
    return result if result.notes else None


def _wordpress(page: Page, container) -> FootnoteResult | None:
    blocks = select(page, "ol.wp-block-footnotes")
    if not blocks:
        return None
    result = FootnoteResult(rule="cms:wordpress", blocks=blocks)
    for i, li in enumerate(blocks[0].iterchildren("li"), start=1):
        for a in li.xpath('.//a[starts-with(@href, "#")]'):
            _drop(a)
        note = _make_note(str(i), li, page, strip_number=False)
        result.notes.append(note)
        note_id = li.get("id")
        if note_id:
            for a in page.root.xpath(f'//a[@href="#{note_id}"]'):
                sup = a.getparent()
                result.markers.setdefault(str(i), []).append(sup if sup is not None and sup.tag == "sup" else a)
    return result if result.notes else None


def _numbered_list(page: Page, blocks: list[HtmlElement], rule: str, item_xpath: str,
                   text_xpath: str | None = None) -> FootnoteResult:
    """Notes as the items of a plugin's list, numbered by position; markers are the body
    links pointing at each item's id (or at an id inside it)."""
    result = FootnoteResult(rule=rule, blocks=list(blocks))
    for i, li in enumerate((li for b in blocks for li in b.xpath(item_xpath)), start=1):
        holder = li.xpath(text_xpath)[0] if text_xpath and li.xpath(text_xpath) else li
        ids = [x.get("id") for x in li.xpath("./descendant-or-self::*[@id]")]
        for a in li.xpath('.//a[starts-with(@href, "#")]'):
            if a.getparent() is not None:
                _drop(a)
        note = _make_note(str(i), holder, page, strip_number=holder is li)
        note.text = re.sub(r"\s*\[\s*\]\s*$", "", note.text).strip()
        result.notes.append(note)
        for note_id in ids:
            for a in page.root.xpath(f'//a[@href="#{note_id}"]'):
                if any(a in b.iter() for b in blocks):
                    continue
                sup = a.getparent()
                marker = sup if sup is not None and sup.tag == "sup" else a
                if marker.getparent() is not None and marker.getparent().tag == "span" and \
                        "easy-footnote" in (marker.getparent().get("class") or ""):
                    marker = marker.getparent()
                result.markers.setdefault(str(i), []).append(marker)
                note.marker_id = note.marker_id or a.get("id") or (sup.get("id") if sup is not None else "") or ""
    return result


def _easy_footnotes(page: Page, container) -> FootnoteResult | None:
    """Easy Footnotes: `<span class="easy-footnote"><a href="#easy-footnote-bottom-N-POST"><sup>N</sup></a>`
    in the text; `ol.easy-footnotes-wrapper > li.easy-footnote-single` (after a
    `div.easy-footnote-title` heading) at the end."""
    blocks = select(page, "ol.easy-footnotes-wrapper")
    if not blocks:
        return None
    result = _numbered_list(page, blocks, "plugin:easy-footnotes", "./li")
    result.blocks += [t for t in select(page, ".easy-footnote-title")]
    result.blocks += [m for m in select(page, "span.easy-footnote-margin-adjust")
                      if not any(m in b.iter() for b in blocks)]
    return result if result.notes else None


def _cheret_footnotes(page: Page, container) -> FootnoteResult | None:
    """footnotes (Mark Cheret): `sup.footnote_plugin_tooltip_text` markers with an inline
    `span.footnote_tooltip` copy; a `.footnotes_reference_container` whose rows are
    `th.footnote_plugin_index(_combi)` (number) and `td.footnote_plugin_text` (text)."""
    rows = select(page, "tr.footnotes_plugin_reference_row")
    if not rows:
        return None
    containers = select(page, ".footnotes_reference_container") or \
        [r.getparent() for r in rows[:1] if r.getparent() is not None]
    result = FootnoteResult(rule="plugin:footnotes-mci", blocks=list(containers))
    result.blocks += select(page, "span.footnote_tooltip")
    markers = select(page, "sup.footnote_plugin_tooltip_text")
    for i, row in enumerate(rows, start=1):
        texts = row.xpath('.//td[contains(@class, "footnote_plugin_text")]')
        index = row.xpath('.//th[contains(@class, "footnote_plugin_index")]|'
                          './/td[contains(@class, "footnote_plugin_index")]')
        if not texts:
            continue
        m = re.search(r"\d+", clean_space(text_content(index[0]))) if index else None
        number = m.group(0) if m else str(i)
        result.notes.append(_make_note(number, texts[0], page, strip_number=False))
    for sup in markers:
        number = _marker_number(sup)
        if number:
            outer = sup.getparent()
            outer = outer if outer is not None and outer.tag == "a" else sup
            result.markers.setdefault(number, []).append(outer)
    return result if result.notes else None


def _modern_footnotes(page: Page, container) -> FootnoteResult | None:
    """Modern Footnotes: `sup.modern-footnotes-footnote[data-mfn=N]` followed in the text by
    its note `span.modern-footnotes-footnote__note[data-mfn=N]` (shown as a tooltip); the
    optional list at the end (`.modern-footnotes-list`) repeats them."""
    spans = select(page, "span.modern-footnotes-footnote__note")
    if not spans:
        return None
    result = FootnoteResult(rule="plugin:modern-footnotes", blocks=list(spans))
    result.blocks += select(page, ".modern-footnotes-list")
    seen: set[str] = set()
    for i, span in enumerate(spans, start=1):
        number = (span.get("data-mfn") or "").strip() or str(i)
        if number in seen:
            continue
        seen.add(number)
        result.notes.append(_make_note(number, span, page, strip_number=False))
    for sup in select(page, "sup.modern-footnotes-footnote"):
        number = (sup.get("data-mfn") or "").strip() or _marker_number(sup)
        if number:
            result.markers.setdefault(number, []).append(sup)
    return result if result.notes else None


def _sidenotes(page: Page, container) -> FootnoteResult | None:
    """Tufte CSS sidenotes (tufte-css, tufte-jekyll, hugo-tufte): in the text,
    `label.sidenote-number` + `input.margin-toggle` + `span.sidenote` holding the note,
    numbered in order by a CSS counter. (A `span.marginnote` has no number: not a note.)"""
    spans = select(page, "span.sidenote")
    if not spans:
        return None
    result = FootnoteResult(rule="html:sidenotes", blocks=list(spans))
    for i, span in enumerate(spans, start=1):
        number = str(i)
        result.notes.append(_make_note(number, span, page, strip_number=False))
        label = None
        for sib in span.itersiblings(preceding=True):
            if sib.tag == "input" and "margin-toggle" in (sib.get("class") or ""):
                result.blocks.append(sib)
                continue
            if sib.tag == "label" and "sidenote-number" in (sib.get("class") or ""):
                label = sib
            break
        if label is not None:
            result.markers.setdefault(number, []).append(label)
    return result


def _mediawiki(page: Page, container) -> FootnoteResult | None:
    """MediaWiki (and wikis built on it) `ol.references > li#cite_note-...`, the text in
    `span.reference-text`, the back links in `span.mw-cite-backlink`; markers are
    `sup.reference > a[href="#cite_note-..."]`."""
    blocks = [ol for ol in select(page, "ol.references") if ol.xpath('./li[starts-with(@id, "cite_note")]')]
    if not blocks:
        return None
    result = _numbered_list(page, blocks[:1] if len(blocks) == 1 else blocks, "html:mediawiki-references",
                            "./li", './/*[contains(@class, "reference-text")]')
    return result if result.notes else None


def _anchor_pairs(page: Page, container) -> FootnoteResult | None:
    """`<a href="#fn1">1</a>` markers whose targets hold the note text."""
    scope = container if container is not None else page.root
    result = FootnoteResult(rule="html:anchor-pairs")
    ids: dict | None = None  # the page's targets, looked up once a candidate marker needs them
    names: dict = {}
    numbers: list[str] = []
    # `.//a[contains(@href, "#")]` without an XPath pass; a list, as the loop drops back links
    for a in [a for a in scope.iterdescendants("a") if "#" in (a.get("href") or "")]:
        numbers_read = _marker_numbers(a)  # one number, Roman ones too (Word's endnotes: `[i]`)
        if len(numbers_read) != 1:
            continue
        number = numbers_read[0]
        target_id = _own_fragment(a.get("href"), page)
        if not target_id:
            continue
        parent = a.getparent()
        in_sup = a.tag == "sup" or (parent is not None and parent.tag == "sup") or \
            bool(a.xpath("./sup"))
        # (Word's footnotes link `#_ftnN`, its endnotes `#_ednN`)
        hinted = re.search(r"note|foot|fn|ref|ftn|edn", (a.get("class") or "") + (a.get("href") or ""), re.I)
        if not (in_sup or hinted) or _opens_block(a):
            continue
        if ids is None:
            ids = {el.get("id"): el for el in page.root.xpath("//*[@id]")}
            names = {el.get("name"): el for el in page.root.xpath("//a[@name]")}
        target = ids.get(target_id) if target_id in ids else names.get(target_id)
        if target is None or target is a:
            continue
        holder = target
        if target.tag == "a" or len(clean_space(text_content(target))) <= 3:
            holder = next((p for p in target.iterancestors() if p.tag in ("p", "li", "div", "dd", "td")), None)
        if holder is None or number in numbers:
            continue
        numbers.append(number)
        for back in holder.xpath('.//a[starts-with(@href, "#")]'):
            if _is_backlink(back, page) and back is not target:
                _drop(back)
        note = _make_note(number, holder, page)
        note.marker_id = a.get("id") or (parent.get("id") if parent is not None else "") or ""
        result.notes.append(note)
        result.blocks.append(holder)
        result.markers.setdefault(number, []).append(parent if parent is not None and parent.tag == "sup" else a)
    if not result.notes or not _consecutive(numbers):
        return None
    # the notes' common container (ol.footnotes, div.footnotes...) goes too, when it holds
    # little but them (Substack's `div.footnote`s sit in the text's own container)
    parents = {n.getparent() for n in result.blocks}
    if len(parents) == 1:
        common = parents.pop()
        if common is not None and common.tag in ("ol", "ul", "div", "section", "aside", "footer") \
                and _little_besides(common, result.blocks):
            result.blocks = [common]
    return result


_NOTES_CONTAINER_SLACK = 80  # characters of a notes list's own heading, rule and labels ("Notes", "Footnotes")


def _little_besides(container: HtmlElement, notes: list[HtmlElement]) -> bool:
    """`container` holds the `notes` and at most a heading's worth of other text."""
    besides = len(clean_space(text_content(container))) - sum(len(clean_space(text_content(n))) for n in notes)
    return besides <= _NOTES_CONTAINER_SLACK


_NOTE_BLOCKS = frozenset(("p", "li", "div", "dd", "td"))


def _opens_block(a: HtmlElement) -> bool:
    """Nothing but white space comes before `a` in its paragraph: a note's number linking back
    to its marker (`<p><a href="#_ftnref1">[1]</a> Source</p>`), not a marker after a word."""
    node = a
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return False
        if (parent.text or "").strip() or any(clean_space(text_content(s)) or (s.tail or "").strip()
                                              for s in node.itersiblings(preceding=True)):
            return False
        if parent.tag in _NOTE_BLOCKS:
            return True
        node = parent


def _own_fragment(href: str, page: Page) -> str:
    """The fragment of a link to a place in this page: `#fn1`, or the page's own address with
    a fragment (`https://site/post/#fn1`, `/post#fn1`, as some themes print them); '' else."""
    head, _, fragment = (href or "").partition("#")
    if not fragment or not head.strip():
        return fragment
    from urllib.parse import urlsplit

    target = urlsplit(page.absolute(head))
    own = urlsplit(page.url)
    return fragment if target.path.rstrip("/") == own.path.rstrip("/") and target.netloc.removeprefix("www.") \
        == own.netloc.removeprefix("www.") else ""


def _start_number(m: re.Match) -> str:
    """The note number a `_NOTE_START_RE` match read, superscript and subscript digits made plain."""
    return next(g for g in m.groups() if g).translate(_PLAIN_DIGITS)


def _note_paragraphs(elements: list[HtmlElement]) -> list[tuple[str, HtmlElement]]:
    """Trailing paragraphs that start with 1, 2, 3... (in order)."""
    found: list[tuple[str, HtmlElement]] = []
    for el in elements:
        m = _NOTE_START_RE.match(element_text(el))
        if m:
            number = _start_number(m)
            if len(element_text(el)) > len(m.group(0)) + 3:
                found.append((number, el))
                continue
        if found:
            break
    return found


_WRAPPERS = ("div", "section", "aside", "footer", "blockquote", "dd")
_BLOCKS = ("p", "div", "li", "ol", "ul", "section", "aside", "blockquote", "table", "dl",
           "h1", "h2", "h3", "h4", "h5", "h6")


def _items(el: HtmlElement, depth: int = 0) -> list[HtmlElement]:
    """The paragraphs of a block as notes are laid out: a list's items, a table's rows (the
    number in a cell of its own), a wrapper's own blocks (notes as a `<div>` of `<p>`s), else
    the block itself."""
    if not isinstance(el.tag, str) or el.tag == "br":
        return []
    if el.tag in ("ol", "ul") and len(el):
        return list(el.iterchildren("li"))
    if el.tag == "table":
        rows = [tr for tr in el.iter("tr") if len(tr)]
        if rows:
            return rows
    if el.tag in _WRAPPERS and depth < 6:
        kids = [k for k in el.iterchildren() if isinstance(k.tag, str)]
        loose = clean_space(el.text or "") or any(clean_space(k.tail or "") for k in kids)
        if kids and not loose and any(k.tag in _BLOCKS for k in kids):
            return [item for k in kids for item in _items(k, depth + 1)]
    return [el]


def _note_lines(el: HtmlElement) -> int:
    """How many of the `<br>`-separated lines of `el` could start a note (their first
    character a digit, "[" or "("), without serialising them: at least the notes found."""
    def note_like(c: str) -> bool:
        return bool(c) and (c.isdecimal() or c in _NOTE_FIRST_CHARS)

    count = 0
    stripped = (el.text or "").lstrip()
    leading = stripped[0] if stripped else ""  # the current line's first character, once known
    for child in el:
        if child.tag == "br":
            count += note_like(leading)
            stripped = (child.tail or "").lstrip()
            leading = stripped[0] if stripped else ""
        elif not leading:
            leading = first_char(child)  # the child's text, then its tail
    return count + note_like(leading)


def _split_br(el: HtmlElement) -> tuple[list[HtmlElement], bool]:
    """A paragraph holding several notes separated by `<br>` ("(1) text<br>(2) text"), as one
    new element per note (outside the tree), and whether a notes heading opened it
    ("<strong>Notes</strong><br>(1)..."); the paragraph itself otherwise."""
    if not any(c.tag == "br" for c in el) or el.tag in ("ol", "ul", "table") or _note_lines(el) < 2:
        return [el], False
    from lxml import html as lxml_html

    segments: list[list[str]] = [[escape(el.text or "")]]
    for child in el:
        if child.tag == "br":
            segments.append([escape(child.tail or "")])
        else:
            segments[-1].append(lxml_html.tostring(child, encoding="unicode", with_tail=True))
    parts = []
    for seg in segments:
        markup = "".join(seg)
        frag = lxml_html.fragment_fromstring(markup or " ", create_parent="p")
        text = element_text(frag)
        if text:
            parts.append((markup, text))
    head_is_heading = False
    if parts and not _NOTE_START_RE.match(parts[0][1]) and _NOTES_HEADING_RE.match(parts[0][1]):
        parts, head_is_heading = parts[1:], True
    if sum(1 for _, t in parts if _NOTE_START_RE.match(t)) < 2 or not _NOTE_START_RE.match(parts[0][1]):
        return [el], False
    groups: list[list[str]] = []
    for markup, text in parts:  # a line that starts no note continues the one before
        if _NOTE_START_RE.match(text) or not groups:
            groups.append([markup])
        else:
            groups[-1].append(markup)
    return [lxml_html.fragment_fromstring("<br>".join(g), create_parent="p") for g in groups], head_is_heading


def _pieces(elements: list[HtmlElement]) -> tuple[list[HtmlElement], dict[int, HtmlElement], set[int]]:
    """The elements with `<br>`-separated notes split; each piece's element in the tree (by
    id), and the pieces opened by a notes heading in their own paragraph."""
    out: list[HtmlElement] = []
    origin: dict[int, HtmlElement] = {}
    headed: set[int] = set()
    for el in elements:
        split, opened = _split_br(el)
        for piece in split:
            out.append(piece)
            origin[id(piece)] = el
            if opened:
                headed.add(id(piece))
    return out, origin, headed


def _notes_result(rule: str, notes, page: Page, markers: dict, origin: dict, blocks=()) -> FootnoteResult:
    """The notes `(number, element)` found by `rule`: each note's block (the element it came
    from) leaves the body, and its first marker in the text links to it."""
    result = FootnoteResult(rule=rule, blocks=list(blocks))
    for number, el in notes:
        result.notes.append(_make_note(number, el, page))
        block = origin.get(id(el), el)
        if block not in result.blocks:
            result.blocks.append(block)
        for sup in [m for m in markers.get(number, []) if _single(m)][:1]:
            result.markers.setdefault(number, []).append(sup)
    return result


def _trailing(page: Page, container, blocks: list[HtmlElement] | None, rule: str) -> FootnoteResult | None:
    """Plain paragraphs starting with a number that matches a marker in the body (chorum's style)."""
    if container is None and not blocks:
        return None
    candidates: list[HtmlElement] = []
    if blocks:
        for b in blocks:
            inner = list(b.iterdescendants("p", "li")) or [b]  # `.//p|.//li`
            candidates.extend(inner)
        pieces, origin, opened = _pieces(candidates)
        notes = _note_paragraphs(pieces)
    else:
        tail = []
        for el in container.iterchildren():
            tail.extend(_items(el))  # a list's items, a wrapper's paragraphs
        # the notes may also follow the container as siblings, after a share bar, tags or an
        # author box: up to the comments, the page footer or a sidebar (one level up too, when
        # the text block is the last child of its wrapper)
        sib, hops, outer = container.getnext(), 0, container.getparent()
        while hops < 24:
            if sib is None:
                if outer is None or outer.tag in ("body", "html") or _ends_the_article(outer):
                    break
                sib, outer = outer.getnext(), None
                continue
            if isinstance(sib.tag, str):
                if hops >= 6 and _ends_the_article(sib):
                    break
                tail.extend([sib] if sib.tag == "p" else list(sib.iterdescendants("p", "li")) or [sib])
            sib = sib.getnext()
            hops += 1
        tail, origin, opened = _pieces(tail)
        # the notes are the last run of paragraphs starting with a number (other fields,
        # such as keywords, may follow them)
        # a paragraph can only start a note with a digit, "[" or "(": the others' text is
        # built only when notes are found (it is the text before them)
        texts: dict[int, str] = {}

        def starts_a_note(i: int) -> bool:
            c = first_char(tail[i])
            if not (c.isdecimal() or c in _NOTE_FIRST_CHARS):
                return False
            texts[i] = element_text(tail[i])
            return bool(_NOTE_START_RE.match(texts[i] or "x"))

        end = len(tail)
        while end > 0 and not starts_a_note(end - 1):
            end -= 1
        start = end
        while start > 0 and starts_a_note(start - 1):
            start -= 1
        notes = _note_paragraphs(tail[start:end])
    if not notes:
        return None
    numbers = [n for n, _ in notes]
    markers = _markers_in(container)
    if blocks:
        before = element_text(container) if container is not None else ""
    else:  # the text before the notes: a note's own "[1]" is not its marker
        before = " ".join(t for t in (texts.get(i) or element_text(tail[i]) for i in range(start)) if t)
    first = notes[0][1]
    headed = id(first) in opened or _headed(origin.get(id(first), first))
    paren = all(element_text(el).lstrip().startswith("(") for _, el in notes)
    sub = _in_subscript(notes)
    if not blocks and not all(number in markers or _marker_in_text(number, before, headed, paren, sub)
                              for number, _el in notes):
        if not (paren and not headed and _paren_markers_before_words(notes, before)):
            return None
    if not _consecutive(numbers):
        return None
    result = _notes_result(rule, notes, page, markers, origin)
    if blocks:
        result.blocks = list(blocks)
    return result


_ARTICLE_END_RE = re.compile(r"comment|respond|disqus|related|sidebar|footer|newsletter|widget", re.I)


def _ends_the_article(el: HtmlElement) -> bool:
    """An element after which no note of the article sits: comments, related posts, a sidebar,
    the page footer, a form or navigation."""
    if el.tag in ("nav", "footer", "form", "aside", "header", "iframe", "script", "style"):
        return True
    return bool(_ARTICLE_END_RE.search((el.get("class") or "") + " " + (el.get("id") or "")))


_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUBSCRIPT_DIGITS = str.maketrans("0123456789", _SUBSCRIPTS)


def _in_subscript(notes: list[tuple[str, HtmlElement]]) -> bool:
    """The notes are numbered in subscript digits (`₁ WWF (2020): ...`)."""
    return bool(notes) and element_text(notes[0][1]).lstrip()[:1] in _SUBSCRIPTS


def _marker_in_text(number: str, text: str, headed: bool, paren_notes: bool = False,
                    subscript: bool = False) -> bool:
    """A hand-written marker of note `number` in the body text: `[N]` or superscript digits
    (`¹`) after a word; `(N)` after a word when the notes sit under a notes heading, or,
    when the notes themselves start "(N)", right after a word and before a punctuation
    mark ("le rapport (1)."; elsewhere "(1) être adhérent, (2)..." is an enumeration).
    Subscript digits (`₁`) only for notes numbered so: elsewhere they write CO₂."""
    if not number.isdecimal():  # Roman numerals count only as <sup> markers
        return False
    if re.search(rf"(?<=\S)\s?\[{number}\]", text):
        return True
    if "[" in text and number in _multi_numbers_in(text):
        return True
    sup = number.translate(_SUPERSCRIPT_DIGITS)
    if re.search(rf"(?<=[^\s⁰¹²³⁴⁵⁶⁷⁸⁹]){sup}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])", text):
        return True
    if subscript and re.search(rf"(?<=[^\s{_SUBSCRIPTS}]){number.translate(_SUBSCRIPT_DIGITS)}(?![{_SUBSCRIPTS}])",
                               text):
        return True
    if headed:
        return bool(re.search(rf"(?<=[\w.,;:»\"’)])\s?\({number}\)", text))
    return paren_notes and bool(re.search(rf"(?<=[^\W\d_]|[»\"’])\s?\({number}\)(?=[.,;:!?»)]|$)", text))


@lru_cache(maxsize=4)
def _multi_numbers_in(text: str) -> frozenset[str]:
    """The numbers of the several-notes markers of a text: "[1-3]" gives 1, 2 and 3."""
    numbers: set[str] = set()
    for m in _MULTI_IN_TEXT_RE.finditer(text):
        for part in _RANGE_PART_RE.finditer(m.group(1)):
            first, last = int(part.group(1)), int(part.group(2) or part.group(1))
            if first <= last <= first + 30:
                numbers.update(str(n) for n in range(first, last + 1))
    return frozenset(numbers)


_WORD_RE = re.compile(r"[^\W\d_]{4,}")


def _paren_markers_before_words(notes: list[tuple[str, HtmlElement]], text: str) -> bool:
    """No notes heading, notes "(1) ...", "(2) ...", and "(N)" markers in the text followed by a
    word ("le rapport (1) publié en 2021"): notes only when every marker is there, right after a
    word, in order, and what follows it is not its note's own opening (an enumeration
    "(1) une lettre, (2) un budget" repeated as paragraphs "(1) Lettre : ...")."""
    last = -1
    for number, el in notes:
        m = re.search(rf"(?<=[^\W\d_]|[»\"’])\s?\({number}\)(?=[\s.,;:!?»)]|$)", text)
        if m is None or m.start() < last:
            return False
        last = m.start()
        after = {w.casefold() for w in _WORD_RE.findall(text[m.end():m.end() + 60])[:6]}
        note = _NOTE_START_RE.sub("", element_text(el), count=1)
        if len(note) < 8 or after & {w.casefold() for w in _WORD_RE.findall(note[:60])[:3]}:
            return False
    return True


def _headed(first_note: HtmlElement) -> bool:
    """The first note paragraph follows a heading that names the notes."""
    probe = FootnoteResult(blocks=[first_note])
    _add_notes_headings(probe)
    return len(probe.blocks) > 1


def _drop(el: HtmlElement) -> None:
    from .boilerplate import drop_element

    drop_element(el)


def find_footnotes(page: Page, container: HtmlElement | None) -> FootnoteResult:
    """The article's footnotes with the elements to remove from the body and the markers to link."""
    blocks = profile_elements(page, "footnotes")
    if blocks:
        result = _anchor_pairs(page, container) or _trailing(page, container, blocks, "profile:footnotes")
        if result:
            result.rule = "profile:footnotes"
            result.blocks = list({*result.blocks, *blocks})
            _add_notes_headings(result)
            return result
    for finder in (_spip, _wordpress, _easy_footnotes, _cheret_footnotes, _modern_footnotes, _sidenotes, _mediawiki,
                   _anchor_pairs):
        result = finder(page, container)
        if result:
            _add_notes_headings(result)
            return result
    result = _trailing(page, container, None, "heuristic:trailing-paragraphs") or \
        _headed_list(page, container) or _headed_block(page, container) or _trailing_list(page, container)
    if result:
        _add_notes_headings(result)
    return result or FootnoteResult()


def _headed_list(page: Page, container) -> FootnoteResult | None:
    """Hand-written notes as a list under a notes heading ("Notes", "Sources", "Références"):
    `<h3>Notes</h3><ol><li>...</li></ol>`, the list numbering them (from its `start`), or
    items that start with their own number. Each note needs its marker in the text before
    the list: `<sup>N</sup>`, `[N]`, a superscript digit or `(N)` after a word."""
    if container is None:
        return None
    for lst in container.iter("ol", "ul"):
        heading = _previous_heading(lst, container)
        if heading is None:
            continue
        items = [li for li in lst.iterchildren("li")]
        if not items or len(items) > 200:
            continue
        numbered = _note_paragraphs(items)
        if len(numbered) == len(items):
            notes = numbered
        elif lst.tag == "ol":
            try:
                first = int(lst.get("start") or 1)
            except ValueError:
                first = 1
            notes = [(str(first + i), li) for i, li in enumerate(items)]
        else:
            continue
        numbers = [n for n, _ in notes]
        if not _consecutive(numbers):
            continue
        markers = {n: [m for m in ms if not _inside(m, lst)] for n, ms in _markers_in(container).items()}
        before = _text_before(container, heading)
        sub = _in_subscript(notes)
        if not all(markers.get(n) or _marker_in_text(n, before, True, subscript=sub) for n in numbers):
            continue
        result = FootnoteResult(rule="heuristic:notes-list", blocks=[lst, heading])
        for number, li in notes:
            result.notes.append(_make_note(number, li, page, strip_number=len(numbered) == len(items)))
            for sup in [m for m in markers.get(number, []) if _single(m)][:1]:
                result.markers.setdefault(number, []).append(sup)
        return result
    return None


def _trailing_list(page: Page, container) -> FootnoteResult | None:
    """Hand-written notes as the text's last `<ol>`, with no heading and no numbers of their own:
    notes only when there are two or more, every item N has its `<sup>N</sup>` marker before the
    list, after a word (not a digit: `10<sup>2</sup>` is an exponent), the markers first met in
    order 1, 2, 3..., and nothing but short lines follows the list."""
    if container is None:
        return None
    kids = [k for k in container.iterchildren() if isinstance(k.tag, str)]
    lst = None
    for k in reversed(kids[-4:]):
        if k.tag == "ol":
            lst = k
            break
        if len(clean_space(text_content(k))) > 80:
            return None
    if lst is None or lst.get("start") not in (None, "1"):
        return None
    items = list(lst.iterchildren("li"))
    if not 2 <= len(items) <= 100 or _note_paragraphs(items):
        return None
    firsts: list[str] = []
    markers: dict[str, list[HtmlElement]] = {}
    for sup in container.iter("sup"):
        if _inside(sup, lst):
            break
        number = _marker_number(sup)
        if number is None:
            continue
        before = sup.getprevious().tail if sup.getprevious() is not None else sup.getparent().text
        if (before or " ")[-1:].isdigit():
            return None
        if number not in markers:
            firsts.append(number)
        markers.setdefault(number, []).append(sup)
    if firsts != [str(i) for i in range(1, len(items) + 1)]:
        return None
    notes = [(str(i), li) for i, li in enumerate(items, start=1)]
    if any(len(element_text(li)) < 8 for li in items):
        return None
    result = FootnoteResult(rule="heuristic:trailing-list", blocks=[lst])
    for number, li in notes:
        result.notes.append(_make_note(number, li, page, strip_number=False))
        result.markers.setdefault(number, []).append(markers[number][0])
    return result


_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "strong", "b", "span", "em", "dt")
_HEADING_FIRST_CHARS = frozenset("nsrbfeaq参注脚註腳")  # the first letters `_NOTES_HEADING_RE` accepts


def _headed_block(page: Page, container) -> FootnoteResult | None:
    """Hand-written notes right after a notes heading ("Notes", "Sources :", "Quellen"), each
    block or line starting with its number, wherever the heading sits: in or after the text
    block, or anywhere in the page when no text block was found (the notes may be laid out
    as nested `<div>`s no paragraph rule reads). Every number needs its marker before the
    heading, in the text block when there is one."""
    body = page.root.find("body")
    scope = body if body is not None else page.root
    order = page.order
    last = None
    # an element's own text (no tail) under 40 characters once XML white space is collapsed,
    # as `.//text()[string-length(normalize-space()) < 40]` selects, at a fraction of its cost
    for node in scope.iter(*_HEADING_TAGS):
        text = node.text
        if not text:
            continue
        stripped = text.strip(" \t\r\n")
        if not stripped or (stripped[0].isalnum() and stripped[0].lower() not in _HEADING_FIRST_CHARS):
            continue  # no notes heading starts so: a cheap test before the regular expressions
        if (len(stripped) >= 40 and len(normalize_space(stripped)) >= 40) \
                or not _NOTES_HEADING_RE.match(clean_space(text)):
            continue
        if last is None:
            last = max((order.get(e, 0) for e in container.iter()), default=0) if container is not None else 0
        while node.getparent() is not None and len(node.getparent()) == 1 and \
                not clean_space(node.getparent().text or "") and not clean_space(node.tail or "") and \
                node.getparent() is not container and node.getparent().tag not in ("body", "article", "main"):
            node = node.getparent()
        elements: list[HtmlElement] = []
        parent = node.getparent()
        if node.tag in ("strong", "b", "span", "em") and parent is not None and \
                (clean_space(node.tail or "") or any(s.tag == "br" for s in node.itersiblings())):
            node = parent  # "<p><strong>Notes</strong><br>(1) ...<br>(2) ...</p>": the paragraph holds them
            elements.append(node)
        if container is not None and not _inside(node, container) and order.get(node, 0) < last:
            continue  # before the text block, or beside it: not its notes
        sib = node.getnext()
        while sib is not None and len(elements) < 200:
            elements.extend(_items(sib))
            sib = sib.getnext()
        pieces, origin, _opened = _pieces(elements)
        pieces = [p for p in pieces if element_text(p)]
        if not pieces or not _NOTE_START_RE.match(element_text(pieces[0])):
            continue
        notes = _note_paragraphs(pieces)
        numbers = [n for n, _ in notes]
        if not notes or not _consecutive(numbers):
            continue
        where = container if container is not None else scope
        blocks = [origin.get(id(el), el) for _, el in notes]
        markers = {n: [m for m in ms if order.get(m, 0) < order.get(node, 0)
                       and not any(_inside(m, b) or m is b for b in blocks)]
                   for n, ms in _markers_in(where).items()}
        before = _text_before(where, node) if _inside(node, where) else element_text(where)
        sub = _in_subscript(notes)
        if not all(markers.get(n) or _marker_in_text(n, before, True, subscript=sub) for n in numbers):
            continue
        return _notes_result("heuristic:notes-heading", notes, page, markers, origin, [node])
    return None


def _inside(el: HtmlElement, outer: HtmlElement) -> bool:
    return any(a is outer for a in el.iterancestors())


def _previous_heading(el: HtmlElement, container: HtmlElement) -> HtmlElement | None:
    """The notes heading just before `el` (or before its wrapper, inside the container)."""
    node = el
    for _ in range(3):
        prev = node.getprevious()
        while prev is not None and (not isinstance(prev.tag, str) or not clean_space(text_content(prev))):
            prev = prev.getprevious()
        if prev is not None:
            if prev.tag in ("h2", "h3", "h4", "h5", "h6", "p", "div", "strong", "b") and len(prev) <= 3 \
                    and _NOTES_HEADING_RE.match(clean_space(text_content(prev))):
                return prev
            return None
        node = node.getparent()
        if node is None or node is container:
            return None
    return None


def _text_before(container: HtmlElement, stop: HtmlElement) -> str:
    """The container's text up to `stop`."""
    parts: list[str] = []
    above = set(stop.iterancestors())
    for el in container.iter():
        if el is stop:
            break
        if not isinstance(el.tag, str):
            continue
        if el.text:
            parts.append(el.text)
        if el.tail and el not in above:
            parts.append(el.tail)
    return clean_space(" ".join(parts))


_NOTES_HEADING_RE = re.compile(
    r"^\W*(notes?( et r[ée]f[ée]rences| and references| & references| de bas de page)?|sources?"
    r"|r[ée]f[ée]rences?( bibliographiques)?|bibliographie|footnotes?|endnotes|renvois"
    r"|anmerkungen|fu[ßs]noten|einzelnachweise|quellen(angaben|nachweise?|verzeichnis)?|notas|referencias"
    r"|参考资料|参考文献|参考來源|参考来源|注释|註釋|脚注|腳註|注解)\W*$",
    re.IGNORECASE,
)


def _add_notes_headings(result: FootnoteResult) -> None:
    """The heading just before the notes ("Notes", "Sources", "Références"...) leaves the body
    with them: looked for before each block and before its wrappers."""
    extra = []
    for block in result.blocks:
        node = block
        for _ in range(3):
            prev = node.getprevious()
            while prev is not None and (not isinstance(prev.tag, str) or
                                        (not clean_space(text_content(prev)) and prev.tag != "img")):
                prev = prev.getprevious()
            if prev is not None:
                if prev.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "strong", "b", "header") \
                        and len(prev) <= 3 and _NOTES_HEADING_RE.match(clean_space(text_content(prev))):
                    extra.append(prev)
                break
            node = node.getparent()
            if node is None or node.tag in ("body", "article", "main"):
                break
    result.blocks.extend(e for e in extra if e not in result.blocks)
