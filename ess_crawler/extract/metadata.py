"""Title, canonical URL, dates, category, tags, authors, lead and language.

Each function returns `(value, rule)`; the rule names the evidence used, in
the house order: profile selector, structured data, CMS convention, heuristic,
fallback library.
"""

from __future__ import annotations

import html as html_lib
import re
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from ess_crawler.text import fold, words

from .boilerplate import BOILERPLATE_RE, BOILERPLATE_ROLES, attr_tokens, is_boilerplate
from .dates import _MODIFIED_LABELS, ParsedDate, normalise_iso, parse_date, parse_published_modified
from .document import Page, clean_space, top_elements
from .text import drop_invisible, inline_text, normalize_space, shown_length, text_content

Found = tuple  # (value, rule)


@lru_cache(maxsize=512)
def _compiled(css: str) -> CSSSelector | None:
    try:
        return CSSSelector(css, translator="html")
    except Exception:  # noqa: BLE001 - cssselect raises several error types
        return None


_COMPOUND_RE = re.compile(r"^([a-z][a-z0-9]*)?((?:\.[\w-]+)*)$|^#([\w-]+)$"
                          r'|^\[itemprop="([\w-]+)"\]$|^\[class\*="([\w-]+)"\]$', re.IGNORECASE)


def _compound(page: Page, m: re.Match, scope: HtmlElement | None) -> list[HtmlElement]:
    tag, classes, ident = (m.group(1) or "").lower(), m.group(2), m.group(3)
    itemprop, class_part = m.group(4), m.group(5)
    names = [c for c in (classes or "").split(".") if c]
    if scope is not None:
        pool = scope.iter(tag) if tag else scope.iterdescendants()
        pool = [e for e in pool if e is not scope]
    elif ident:
        pool = page.ids.get(ident, [])
    elif itemprop:
        pool = page.itemprop(itemprop)
    elif class_part:
        # the index holds the elements of the parsed page: those still in it, as cssselect's
        pool = [e for e in page.named_elements if class_part in (e.get("class") or "") and page.attached(e)]
    else:
        pool = page.classes.get(names[0], []) if names else page.tags(tag)
    return [e for e in pool if isinstance(e.tag, str) and (not tag or e.tag == tag)
            and (not ident or e.get("id") == ident)
            and (not itemprop or e.get("itemprop") == itemprop)
            and (not class_part or class_part in (e.get("class") or ""))
            and all(n in (e.get("class") or "").split() for n in names)]


@lru_cache(maxsize=1024)
def _chains(css: str) -> tuple | None:
    """The compound chains of a selector list, or None when cssselect must answer it."""
    chains = tuple(tuple(_COMPOUND_RE.match(c) for c in part.split()) for part in css.split(","))
    return chains if all(chain and all(chain) for chain in chains) else None


def select(page: Page, css: str) -> list[HtmlElement]:
    """CSS selection, in document order, that never raises on a bad selector.

    Lists of compounds (`tag`, `.a.b`, `tag.a`, `#id`, `[itemprop="x"]`, `[class*="x"]`) and
    descendant chains of them (`.a time`) are answered from the page's attribute index, not
    by cssselect's XPath pass over the whole tree (some 0.1 ms each); anything else is
    compiled once by cssselect and run over the tree.
    """
    chains = _chains(css)
    if chains is not None:
        results = []
        for chain in chains:
            current = _compound(page, chain[0], None)
            for m in chain[1:]:
                current = [d for el in current for d in _compound(page, m, el)]
            results.append(current)
        if len(results) == 1:
            return list(dict.fromkeys(results[0]))
        merged = {page.order.get(el, 0): el for current in results for el in current}
        return [merged[k] for k in sorted(merged)]
    selector = _compiled(css)
    return selector(page.root) if selector is not None else []


def profile_elements(page: Page, field: str) -> list[HtmlElement]:
    if page.profile and page.profile.selectors.get(field):
        return select(page, page.profile.selectors[field])
    return []


def _jsonld_text(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    return clean_space(str(value)) if value else ""


# ---------------------------------------------------------------- URL

def normalise_url(url: str) -> str:
    """Lower-case scheme and host, drop the fragment and default ports."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    netloc = (parts.hostname or "").lower()
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80) or (parts.scheme == "https" and parts.port == 443)
    ):
        netloc += f":{parts.port}"
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), netloc, path, parts.query, ""))


def canonical_url(page: Page) -> Found:
    for tag, key, value, attr, rule in (
        ("link", "rel", "canonical", "href", "link:canonical"),
        ("meta", "property", "og:url", "content", "meta:og:url"),
    ):
        # `//link[@rel="canonical"]/@href`, without an XPath pass over the whole tree
        values = [el.get(attr) for el in page.root.iter(tag) if el.get(key) == value and el.get(attr) is not None]
        if values:
            url = page.absolute(values[0])
            if url.startswith(("http://", "https://")) and _same_site(url, page.url):
                return normalise_url(url), rule
    return normalise_url(page.url), "fetched"


def _registered(host: str) -> str:
    parts = host.lower().split(".")
    return ".".join(parts[-2:])


def _same_site(a: str, b: str) -> bool:
    """A canonical pointing at another site (syndication) is not this page's URL."""
    return _registered(urlsplit(a).hostname or "") == _registered(urlsplit(b).hostname or "")


# ---------------------------------------------------------------- title

_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " » ", " · ")


def strip_site_name(title: str, page: Page) -> str:
    """Drop a trailing (or leading) site name: profile suffixes, og:site_name, 'Title | Site'."""
    title = clean_space(title)
    if page.profile:
        for suffix in page.profile.title_suffixes:
            if title.endswith(suffix):
                return title[: -len(suffix)].strip()
    site_name, _ = page.meta_first("og:site_name", "application-name")
    if site_name:
        for sep in _TITLE_SEPARATORS:
            if title.endswith(sep + site_name):
                return title[: -len(sep + site_name)].strip()
            if title.startswith(site_name + sep):
                return title[len(site_name + sep):].strip()
    return _strip_host_name(title, page)


_SITE_NAME_MIN_LETTERS = 4
_LETTERS_RE = re.compile(r"[^0-9a-z]+")


def _letters(text: str) -> str:
    """`text` folded to its ASCII letters and digits ("MODEPILOT.de" -> "modepilotde")."""
    return _LETTERS_RE.sub("", fold(text))


def _page_hosts(page: Page) -> list[str]:
    """The letters of the page's host names, as fetched and as its canonical address states
    (read once a page: the title and the headline rules both ask)."""
    known = page.__dict__.get("_host_letters")
    if known is None:
        urls = [page.url] + [el.get("href") or "" for el in page.root.iter("link") if el.get("rel") == "canonical"] \
            + page.meta.get("og:url", [])[:1]
        hosts = {(urlsplit(page.absolute(u)).hostname or "").removeprefix("www.") for u in urls if u}
        known = page.__dict__["_host_letters"] = [_letters(h) for h in hosts if h]
    return known


def _strip_host_name(title: str, page: Page) -> str:
    """'Title | heizung.de', 'Title - SMAVA': a last part that spells the site's host name
    (without a site_name meta to say it) goes, when a title of its own is left."""
    for sep in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if not found:
            continue
        letters = _letters(tail)
        if len(letters) < _SITE_NAME_MIN_LETTERS or (len(head.split()) < 2 and len(head) < 12):
            continue
        if any(letters in host for host in _page_hosts(page)):
            return head.strip()
    return title


def _foreign_headline(headline: str, page: Page) -> bool:
    """A structured headline that is not the page's: its CMS's name ("escenic"), a description
    (Wikipedia's), sharing no word with the page's `<title>`, headings and og:title; or the
    site's name ("Sports.fr"), spelling its host."""
    letters = _letters(headline)
    if letters and any(letters == host or host.startswith(letters) and len(letters) >= 6 for host in _page_hosts(page)):
        return True
    shown = " ".join([inline_text(el) for el in (*page.root.iter("title"), *page.root.iter("h1"))]
                     + page.meta.get("og:title", [])[:1])
    if not shown.strip():
        return False
    return not set(words(headline)) & set(words(shown))


def find_title(page: Page) -> Found:
    for el in profile_elements(page, "title"):
        text = inline_text(el)
        if text:
            return text, "profile:title"
    headline = _jsonld_text(page.jsonld_article.get("headline") or page.jsonld_article.get("name"))
    if headline and not _foreign_headline(headline, page):
        return strip_site_name(headline, page), "jsonld:headline"
    h1s = [inline_text(h) for h in page.root.iter("h1")]
    h1s = [h for h in h1s if h]
    og, _ = page.meta_first("og:title", "twitter:title")
    if og:
        og = strip_site_name(og, page)
        # an h1 that says the same thing is the cleaner copy (no site name)
        for h1 in h1s:
            if h1 and (h1 == og or og.startswith(h1)):
                return h1, "html:h1"
        return og, "meta:og:title"
    for xpath in ('//article//h1', '//main//h1', '//*[@itemprop="headline"]'):
        els = page.root.xpath(xpath)
        if els and inline_text(els[0]):
            return inline_text(els[0]), "html:h1"
    if len(h1s) == 1:
        return h1s[0], "html:h1"
    titles = page.root.xpath("//title")
    if titles and inline_text(titles[0]):
        return strip_site_name(inline_text(titles[0]), page), "html:title"
    if h1s:
        return h1s[0], "html:h1"
    return "", ""


# ---------------------------------------------------------------- dates

_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "dc.date.issued",
    "dcterms.issued", "dcterms.created", "dc.date", "date", "pubdate", "publishdate",
    "publish-date", "publication_date", "parsely-pub-date", "sailthru.date", "citation_date",
    "citation_publication_date", "article.published", "published_time", "dc.date.created",
)
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                  "last-modified", "dc.date.modified")

_CMS_DATE_SELECTORS = {
    "spip": ("abbr.published", ".info-publi", "p.info-publi"),
    # classic themes, then the block themes' core/post-date block (`div.wp-block-post-date > time`)
    "wordpress": ("time.entry-date.published", "time.published", ".posted-on time",
                  "time.entry-date", ".entry-date", ".wp-block-post-date time", ".wp-block-post-date",
                  ".post-date", ".published"),
    "drupal": (".field--name-field-date time", ".field--name-field-date",
               ".field--name-created", ".node__submitted time", ".node__submitted",
               ".date-display-single", ".field-name-field-date", ".field-name-post-date",
               ".submitted"),
}
_CMS_MODIFIED_SELECTORS = {
    "wordpress": ("time.updated", ".entry-date.updated"),
    "drupal": (".field--name-changed time", ".field--name-changed"),
}
_DATE_HINT_RE = re.compile(r"date|datum|time|publi|posted|submitted|byline|meta|info|auteur|author|created",
                           re.IGNORECASE)


def _date_hinted(page: Page) -> set[HtmlElement]:
    """The elements whose class, id or role speaks of dates: `_DATE_HINT_RE` on their
    `attr_tokens`, read from the page's index (a match, of a word without spaces, lies in one
    class token, the id or the role), a test per name rather than one per element."""
    found: set[HtmlElement] = set()
    for index in (page.classes, page.ids, page.roles):
        for name, elements in index.items():
            if _DATE_HINT_RE.search(name.lower()):
                found.update(elements)
    return found


# `4.&thinsp;2.&thinsp;2022`, `4. 2. 2022`: a day-first numeric date set with (thin) spaces
_SPACED_NUMERIC_RE = re.compile(r"\b(\d{1,2})\.[\s\u2009\u202f\u200a]+(\d{1,2})\.[\s\u2009\u202f\u200a]*"
                                r"((?:19|20)\d{2})\b")
_THIN_SPACES_RE = re.compile(r"[\u2009\u202f\u200a]")


_DATE_LINE_RE = re.compile(r"\b(publi[ée]|mis en ligne|posted|published|\ble\b \d)", re.IGNORECASE)
# what every match of _DATE_LINE_RE holds, in lower case, any white space where it has a space
_DATE_LINE_WORDS_RE = re.compile(r"mis\s+en\s+ligne|le\s+\d")
# letters IGNORECASE equates with "i" or "s" that lower() leaves apart ("İ" becomes "i" + U+0307)
_FOLDED_APART = ("\u0131", "\u017f", "\u0307")


def _may_hold_date_line(page: Page) -> bool:
    """False when no element's inline text can match `_DATE_LINE_RE`: each one is a part of
    the page's text (white space collapsed, soft hyphens out), so the words a match needs are
    looked for there, in lower case, by substring tests (the regex itself, case-insensitive
    over a whole page, costs some 3 ms; the XPath this test spares, some 4 ms). `publi[ée]`
    is looked for as such: "publicité", "publication" or a script's "publisher" say nothing."""
    low = drop_invisible(text_content(page.root)).lower()
    if any(c in low for c in _FOLDED_APART):
        return True
    return "publie" in low or "publié" in low or "published" in low or "posted" in low \
        or bool(_DATE_LINE_WORDS_RE.search(low))


_LINE_TAGS = frozenset(("p", "span", "div", "small", "em", "li"))
_LINE_MAX_CHARS = 160
_DIGIT_RE = re.compile("[0-9]")


def _short_digit_lines(page: Page) -> list[HtmlElement]:
    """The p, span, div, small, em and li elements of the body whose text holds a digit and,
    XML white space collapsed, fewer than `_LINE_MAX_CHARS` characters, in document order:
    `//body//*[self::p or ...][string-length(normalize-space()) < 160][translate(., "0123456789",
    "") != .]`, without that XPath's text of every block around them (some 3 ms a page). Read
    innermost first: an element holding a long one is long (its text holds that text)."""
    found: list[HtmlElement] = []
    for top in top_elements(page.root):
        for body in top.iter("body"):
            if any(anc.tag == "body" for anc in body.iterancestors()):
                continue  # its elements are the outer body's
            long_parents = set()
            lines = []
            for el in reversed(list(body.iterdescendants(etree.Element))):
                if el in long_parents:
                    long_parents.add(el.getparent())
                    continue
                text = text_content(el)
                if len(text) >= _LINE_MAX_CHARS and (_non_blank(text[:4 * _LINE_MAX_CHARS]) >= _LINE_MAX_CHARS
                                                     or len(normalize_space(text)) >= _LINE_MAX_CHARS):
                    long_parents.add(el.getparent())
                elif el.tag in _LINE_TAGS and _DIGIT_RE.search(text):
                    lines.append(el)
            lines.reverse()
            found += lines
    return found


def _non_blank(text: str) -> int:
    """The characters of `text` that are no XML white space (all kept by `normalize_space`)."""
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t") - text.count("\r")


def date_text(text: str) -> str:
    """A date line as the parser reads it: spaced numeric dates closed up, thin spaces plain."""
    if not text or not any(c.isdigit() for c in text):
        return text
    return _SPACED_NUMERIC_RE.sub(r"\1.\2.\3", _THIN_SPACES_RE.sub(" ", text))


def parse_line(text: str) -> tuple[ParsedDate | None, ParsedDate | None]:
    """`parse_published_modified` on a date line, spacing normalised (see `date_text`):
    `Letzte Änderung: 31.10.2023 Erschienen am: 01.11.2023` was published on 1 Nov."""
    return parse_published_modified(date_text(text))


def _date_from_element(el: HtmlElement) -> tuple[ParsedDate | None, ParsedDate | None, str]:
    """(published, modified, raw text) from an element: machine attribute first, then text."""
    text = inline_text(el)
    published, modified = parse_line(text)
    for attr in ("datetime", "content", "title"):
        value = el.get(attr)
        if value:
            machine = normalise_iso(value)
            if machine is not None:
                # the text may label it an update; otherwise the attribute is the published date
                # the machine value is the more precise (time, offset) unless the text
                # shows another day (an update label's date or a mistake), or shows no time
                # while the value is a date-only field's stored noon or midnight UTC
                if published is None:
                    published = ParsedDate(machine.iso, text or value, machine.has_time)
                elif published.iso[:10] == machine.iso[:10] and not _stored_day(machine, published):
                    published = ParsedDate(machine.iso, text or value, machine.has_time)
                elif _day_month_swap(published.iso, machine.iso):
                    # `<time datetime="2023-11-08">11/08/2023</time>`: the text was written month
                    # first; the element's own machine value says which reading is right
                    published = ParsedDate(machine.iso, text or value, machine.has_time)
                break
    else:
        # no machine value of its own: the first `<time datetime>` inside it (Drupal's
        # `.field--name-created > time`), or RDFa's dated `content` (Drupal 7's `<span
        # property="dc:date dc:created" content="...">`), the more precise when it names the same day
        for child in el.iter("time", "span", "meta", "abbr", "div"):  # (lxml's tag filter: no walk in Python)
            if child is el:
                continue
            value = child.get("datetime") if child.tag == "time" else (
                child.get("content") if "date" in (child.get("property") or child.get("itemprop") or "").lower()
                else None)
            machine = normalise_iso(value) if value else None
            if machine is None:
                continue
            if published is None and modified is None:
                published = ParsedDate(machine.iso, text or value, machine.has_time)
            elif published is not None and published.iso[:10] == machine.iso[:10] \
                    and not _stored_day(machine, published):
                published = ParsedDate(machine.iso, text or value, machine.has_time)
            break
    return published, modified, text


def _day_month_swap(a: str, b: str) -> bool:
    """True when day `a` is day `b` with day and month exchanged (and not the same day)."""
    return len(a) >= 10 and len(b) >= 10 and a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7] \
        and a[5:10] != b[5:10]


_LABEL_BEFORE_CHARS = 40


def _update_labelled(el: HtmlElement, published: ParsedDate | None, modified: ParsedDate | None,
                     raw: str) -> tuple[ParsedDate | None, ParsedDate | None, str]:
    """(published, modified, raw) of a date element whose update label stands just before it,
    outside it (`<h4>Zuletzt geändert am:</h4><ul><li class="timestamp">15.10.2021</li></ul>`,
    `<span>Updated:</span> <time>`): its date is the modified one."""
    if published is None or modified is not None:
        return published, modified, raw
    node = el
    for _ in range(2):  # the element's, then its parent's, preceding text
        before = (node.getprevious().tail if node.getprevious() is not None else None) or ""
        if not before.strip():
            prev = node.getprevious()
            parent = node.getparent()
            before = text_content(prev) if prev is not None else (parent.text or "") if parent is not None else ""
        before = clean_space(before)
        if before:
            if _MODIFIED_LABELS.search(before[-_LABEL_BEFORE_CHARS:]):
                return None, published, raw
            return published, modified, raw
        node = node.getparent()
        if node is None:
            break
    return published, modified, raw


def _stored_day(machine: ParsedDate, shown: ParsedDate) -> bool:
    """A CMS date-only field: the page shows a day and the attribute says 00:00 or 12:00 UTC."""
    return not shown.has_time and machine.iso[10:] in ("T00:00:00+00:00", "T12:00:00+00:00")


def title_element(page: Page, title: str) -> HtmlElement | None:
    """The page's visible headline: the first h1 holding the title, else the first h2 (an h2
    with the title's words before the h1 that has them is a teaser: a side feed, a slider)."""
    if not title:
        return None
    h1s = []
    h2 = None
    for h in page.root.iter("h1", "h2"):
        text = clean_space(text_content(h))
        if text and (text == title or (len(title) > 12 and title in text)):
            if h.tag == "h1":
                return h
            h2 = h2 if h2 is not None else h
        elif h.tag == "h1" and text:
            h1s.append(h)
    if h2 is not None:
        return h2
    # the metadata headline is often another wording (SEO) than the visible one: a page's only
    # h1 is its visible headline
    if len(h1s) == 1:
        return h1s[0]
    return _title_segment_h1(h1s, title)


_SEGMENT_CHARS = 20  # a headline, not a site or section name ("Zoll", "Fachmeldungen")


def _title_segment_h1(h1s: list[HtmlElement], title: str) -> HtmlElement | None:
    """Of several h1s (the site's logo, a section banner, the headline), the one whose text is
    a whole part of a title the site name could not be cut from (`Site - Section - Headline`):
    the longest such part, if long enough to be a headline."""
    parts = [title]
    for sep in _TITLE_SEPARATORS:
        parts = [piece.strip() for part in parts for piece in part.split(sep)]
    best = None
    for h in h1s:
        text = clean_space(text_content(h))
        if len(text) >= _SEGMENT_CHARS and text in parts and (best is None or len(text) > len(best[0])):
            best = (text, h)
    return best[1] if best else None


def headline_wrappers(page: Page, title: str | None = None) -> frozenset:
    """The elements that hold the page's visible headline (remembered on the page; `title`, the
    page's title when the caller has it, else `find_title`'s). They are the article's own
    whatever their class or tag says: a layout class of a whole-page wrapper
    (`body.right-sidebar`, `body.no-sidebars`, `div.content-sidebar-wrap`, Elementor's
    `elementor-widget-container`), an `<aside>` around the article."""
    wrappers = page.__dict__.get("_headline_wrappers")
    if wrappers is None:
        headline = title_element(page, find_title(page)[0] if title is None else title)
        wrappers = frozenset(headline.iterancestors()) if headline is not None else frozenset()
        page.__dict__["_headline_wrappers"] = wrappers
    return wrappers


def find_dates(page: Page, excluded: set, title: str | None = None) -> dict:
    """published/modified ISO values, raw text and rules, best evidence first (`title`: the
    page's, as `find_title` gave it)."""
    result = {"published": None, "published_raw": "", "published_rule": "",
              "modified": None, "modified_raw": "", "modified_rule": ""}

    def take(published: ParsedDate | None, modified: ParsedDate | None, raw: str, rule: str):
        if published and not result["published"]:
            result.update(published=published.iso, published_raw=raw or published.raw,
                          published_rule=rule)
        if modified and not result["modified"]:
            result.update(modified=modified.iso, modified_raw=raw or modified.raw, modified_rule=rule)

    for el in profile_elements(page, "date"):
        take(*_date_from_element(el), "profile:date")
        if result["published"]:
            break
    for el in profile_elements(page, "modified"):
        published, modified, raw = _date_from_element(el)
        take(None, modified or published, raw, "profile:modified")

    art = page.jsonld_article
    if art:
        take(normalise_iso(_jsonld_text(art.get("datePublished") or art.get("dateCreated"))),
             normalise_iso(_jsonld_text(art.get("dateModified"))), "", "jsonld")
    for obj in page.jsonld if not result["published"] else ():
        if obj.get("datePublished"):
            take(normalise_iso(_jsonld_text(obj.get("datePublished"))), None, "", "jsonld")
    for el in page.itemprop("datePublished"):
        published, _, raw = _date_from_element(el)
        take(published, None, raw, "microdata:datePublished")
    for el in page.itemprop("dateModified"):
        published, _, raw = _date_from_element(el)
        take(None, published, raw, "microdata:dateModified")
    value, key = page.meta_first(*_PUBLISHED_META)
    if value:
        take(normalise_iso(value) or parse_date(value), None, value, f"meta:{key}")
    value, key = page.meta_first(*_MODIFIED_META)
    if value:
        take(None, normalise_iso(value) or parse_date(value), value, f"meta:{key}")
    if result["published"]:
        local_day_from_url(result, page.url)
        return result

    wrappers = headline_wrappers(page, title)  # the article's own, whatever their class says
    for css in _CMS_MODIFIED_SELECTORS.get(page.cms, ()):
        for el in select(page, css):
            classes = (el.get("class") or "").split()
            if "published" in classes:
                continue  # `time.entry-date.published.updated`: the post was never updated
            if not _inside(el, excluded, wrappers) and not _in_sidebar(el, wrappers):
                published, modified, raw = _date_from_element(el)
                take(None, modified or published, raw, f"cms:{page.cms}")
                break
    if page.cms in _CMS_DATE_SELECTORS:
        for css in _CMS_DATE_SELECTORS[page.cms]:
            for el in select(page, css):
                if _inside(el, excluded, wrappers) or _in_sidebar(el, wrappers) or _other_post(el, wrappers):
                    continue
                take(*_date_from_element(el), f"cms:{page.cms}")
                if result["published"]:
                    return result

    # heuristics: <time>, then short elements whose class/id speaks of dates,
    # then labelled lines ("Publié le ...") near the top of the page
    for el in page.root.iter("time"):
        if not _inside(el, excluded, wrappers) and not _quoted_or_navigation(el, wrappers) \
                and not _other_post(el, wrappers):
            take(*_update_labelled(el, *_date_from_element(el)), "html:time")
            if result["published"]:
                return result
    hinted = _date_hinted(page)
    for el in page.named_elements:  # only they have class / id / role tokens
        if el.tag in ("html", "body", "script", "style"):
            continue
        if el in hinted and not _inside(el, excluded, wrappers):
            text = inline_text(el)
            if 6 <= len(text) <= 200 and not _quoted_or_navigation(el, wrappers) and not _other_post(el, wrappers):
                take(*_update_labelled(el, *_date_from_element(el)), "heuristic:date-class")
                if result["published"]:
                    return result
    # a test of the page's text before the XPath, which builds the text of every element (and
    # finds no date line on most pages that get here)
    if _may_hold_date_line(page):
        for el in _short_digit_lines(page):
            text = inline_text(el)
            if _DATE_LINE_RE.search(text) and not _inside(el, excluded, wrappers) \
                    and not _quoted_or_navigation(el, wrappers) and not _other_post(el, wrappers):
                published, modified = parse_line(text)
                take(published, modified, text, "heuristic:date-line")
                if result["published"]:
                    return result
    url_date = _url_date(page.url)
    if url_date:
        take(url_date, None, url_date.raw, "url")
    return result


# a <time> in a quoted post (embedded tweet, Instagram, a cited article) dates that post; one in
# the site's navigation bar is the site's calendar (today), not the article's
_NAVIGATION_RE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navigation|topbar|top-bar)", re.IGNORECASE)


def _quoted_or_navigation(el: HtmlElement, article_wrappers: frozenset = frozenset()) -> bool:
    """In a quoted post, the site's navigation or footer, or a sidebar (`_in_sidebar`): one
    walk up. (An article's own `<footer>`, inside its `<article>`, may hold its byline.) The walk
    ends at the first of `article_wrappers` (`headline_wrappers`): from there up the
    elements hold the article, whatever their class or tag."""
    in_article = False
    footer = el.tag == "footer"  # a date-classed element may be the footer itself (`footer.site-info`)
    for anc in el.iterancestors():
        if anc in article_wrappers:
            return footer and not any(a.tag in ("article", "main") for a in (anc, *anc.iterancestors()))
        tag = anc.tag
        if tag in ("aside", "nav", "blockquote", "q", "iframe"):
            return True
        if tag in ("article", "main"):
            in_article = True
        elif tag == "footer" and not in_article:
            footer = True
        tokens = attr_tokens(anc)
        if tokens and (_SIDEBAR_RE.search(tokens) or (not in_article and _NAVIGATION_RE.search(tokens))):
            return True
    return footer and not in_article


# another post's teaser: a link to another page that holds the post's heading or picture beside
# its date (a related card, a "more from" box), or another `<article>` than the headline's
_TEASER_PARTS = ("h2", "h3", "h4", "h5", "h6", "img", "picture")
_TEASER_TEXT_CHARS = 40  # text of a link beyond its date: a title (a permalink around a date holds none)


def _teaser_link(a: HtmlElement, el: HtmlElement) -> bool:
    href = (a.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:")):
        return False
    if any(True for _ in a.iter(*_TEASER_PARTS)):
        return True
    return len(clean_space(text_content(a))) - len(clean_space(text_content(el))) >= _TEASER_TEXT_CHARS


def _other_post(el: HtmlElement, article_wrappers: frozenset) -> bool:
    """A date of another post: inside a teaser link (`_teaser_link`), or inside an `<article>`
    that does not hold the headline while one does (a teaser grid beside or below the post,
    a nested card). The walk ends at the headline's own wrappers (`headline_wrappers`)."""
    in_article = any(w.tag == "article" for w in article_wrappers)
    for anc in el.iterancestors():
        if anc in article_wrappers:
            return False
        if anc.tag == "a" and _teaser_link(anc, el):
            return True
        if anc.tag == "article" and in_article:
            return True
    return False


# ---------------------------------------------------------------- labelled publication dates

# a label that introduces the publication (or creation) day, in the languages dates.py reads
# and their neighbours; the update labels ("mis à jour", "aktualisiert") are not among them
_PUBLICATION_LABEL_RE = re.compile(
    r"(?<![^\W\d_])(?<!-)(?:publi[ée]e?s?|mise?s? en ligne|paru|date de publication|published|first published|"
    r"posted|ver[öo]ffentlicht|erschienen|erstellt|publiziert|pubblicato|publicado|gepubliceerd)"
    r"(?![\w-])(?:\s*(?:le|am|on|il|el|op|du|:))?\s*:?",
    re.IGNORECASE,
)
# the same labels, lower case, without the boundary look-behind that makes a whole-page scan slow
_LABEL_QUICK_RE = re.compile(r"p(?:ubli[ée]|ublished|osted|aru\b|ubliziert|ubblicato|ublicado)|mise? en ligne"
                             r"|date de publication|first published|ver[öo]ffentlicht|erschienen|erstellt|gepubliceerd")
_LABEL_TRIES = 6  # label occurrences looked at, in page order
_LABEL_WINDOW = 60  # characters after the label where its date must begin (weekday, "um" ...)
_LABEL_GAP = 25
_LABEL_SKIP = frozenset(("script", "style", "noscript", "template", "textarea", "option", "title"))


_LABEL_LINE_CHARS = 160  # a date line; in longer text (running prose) only a label that opens it counts


def _after_label(text: str) -> ParsedDate | None:
    """The date a publication label introduces in `text` ('Erschienen am: 01.11.2023'). In
    running text ("... a publié le 3 mars un rapport") a label is an event, not a byline."""
    for m in _PUBLICATION_LABEL_RE.finditer(text):
        if len(text) > _LABEL_LINE_CHARS and m.start() > 0:
            break
        window = date_text(text[m.end():m.end() + _LABEL_WINDOW])
        published, _ = parse_published_modified(window)
        pos = window.find(published.raw) if published is not None else -1
        if 0 <= pos <= _LABEL_GAP and not any(ch in window[:pos] for ch in '"{}=<>'):
            return ParsedDate(published.iso, clean_space(text[m.start():m.end() + _LABEL_WINDOW]),
                              published.has_time)
    return None


def labelled_date(page: Page, excluded: set, title: str | None = None) -> ParsedDate | None:
    """The first date the page introduces with a publication label ("Publié le", "Posted on",
    "Veröffentlicht am", "Erschienen am:"), outside scripts, comments, related blocks and
    sidebars: the site telling its readers the publication day. The date may follow in the next
    element (`<span>Erschienen am:</span> <h2>13.10.2021</h2>`).

    Costs a scan of the page's text (about a millisecond on a large page): called only where
    the date evidence is weak, and remembered on the page."""
    cached = page.__dict__.get("_labelled_date", False)
    if cached is not False:
        return cached
    found = None
    text = page.text
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: positions would drift
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    seen: set[str] = set()
    for m in _LABEL_QUICK_RE.finditer(low):
        if len(seen) >= _LABEL_TRIES:
            break
        start = m.start()
        if start and (low[start - 1].isalpha() or low[start - 1] == "-"):
            continue
        word = text[start:m.end()]
        if word in seen or _after_label(clean_space(text[start:start + 2 * _LABEL_WINDOW])) is None:
            continue
        seen.add(word)
        for node in page.root.xpath("//body//text()[contains(., $w)]", w=word):
            found = _label_at(node, excluded, headline_wrappers(page, title))
            if found is not None:
                break
        if found is not None:
            break
    page.__dict__["_labelled_date"] = found
    return found


def _label_at(node, excluded: set, article_wrappers: frozenset = frozenset()) -> ParsedDate | None:
    """The labelled date at a text node holding a label, unless it sits in a script, a
    comment, a related block or a sidebar (below the `article_wrappers`)."""
    el = node.getparent()
    if el is not None and node.is_tail:
        el = el.getparent()
    if el is None or el.tag in _LABEL_SKIP or any(a.tag in _LABEL_SKIP for a in el.iterancestors()) \
            or _inside(el, excluded, article_wrappers) or _quoted_or_navigation(el, article_wrappers):
        return None
    text = inline_text(el)
    if len(text) > _LABEL_LINE_CHARS:
        text = clean_space(str(node))
    found = _after_label(text)
    if found is None and _PUBLICATION_LABEL_RE.search(text[-40:]):
        nxt, up = el, 0  # the date in the next element: the label's own, or its parent's, sibling
        while nxt is not None and nxt.getnext() is None and up < 2:
            nxt, up = nxt.getparent(), up + 1
        nxt = nxt.getnext() if nxt is not None else None
        if nxt is not None and isinstance(nxt.tag, str) and nxt.tag not in _LABEL_SKIP:
            found = _after_label(text[-40:] + " " + inline_text(nxt)[:_LABEL_WINDOW])
    return found


# ---------------------------------------------------------------- dates in the URL

_ARCHIVE_RE = re.compile(r"^https?://(?:web\.)?archive\.org/web/(\d{8})\d*[a-z_]*/(.+)$", re.IGNORECASE)


def original_url(url: str) -> tuple[str, str]:
    """(the archived page's own URL, the capture day 'YYYY-MM-DD' or '') for a web archive
    capture URL (`web.archive.org/web/20160218174457/http://...`); (url, '') otherwise."""
    m = _ARCHIVE_RE.match(url or "")
    if not m:
        return url, ""
    day = m.group(1)
    return m.group(2), f"{day[:4]}-{day[4:6]}-{day[6:8]}"


_URL_MONTH_RE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?:/|$)")


def url_month(url: str) -> str:
    """'YYYY-MM' when the URL names a year and month but no day (`/news/2011/12/slug/`)."""
    url = original_url(url)[0]
    if _url_date(url) is not None:
        return ""
    m = _URL_MONTH_RE.search(url)
    return f"{m.group(1)}-{m.group(2)}" if m else ""


_URL_DATE_RE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|$|-)")


def _url_date(url: str) -> ParsedDate | None:
    m = _URL_DATE_RE.search(original_url(url)[0])
    if not m:
        return None
    parsed = normalise_iso("-".join(m.groups()))
    return ParsedDate(parsed.iso, m.group(0), False) if parsed else None


def local_day_from_url(result: dict, url: str) -> None:
    """A UTC timestamp can fall on the next or previous day of the site's own calendar;
    when the URL names a day one off from it, the URL's day is the site's publication day."""
    published = result.get("published") or ""
    if len(published) <= 10 or not published.endswith(("+00:00", "Z")):
        return
    url_date = _url_date(url)
    if url_date is None or url_date.iso == published[:10]:
        return
    import datetime as dt

    delta = abs(dt.date.fromisoformat(url_date.iso) - dt.date.fromisoformat(published[:10])).days
    if delta == 1:
        result["published"] = url_date.iso
        result["published_rule"] += "+url-day"


_COMMENTS_RE = re.compile(r"comment|kommentar|commentaire|reply|respond|forum", re.I)


def _inside(el: HtmlElement, excluded: set, article_wrappers: frozenset = frozenset()) -> bool:
    """In an excluded block (related links, comments) or in anything called a comment, short of
    the `article_wrappers` (`headline_wrappers`: a `commentary` column, a `comments-open` body)."""
    node = el
    while node is not None:
        if node in excluded:
            return True
        if node not in article_wrappers and _COMMENTS_RE.search(attr_tokens(node)):
            return True
        node = node.getparent()
    return False


# ---------------------------------------------------------------- category, tags, authors

_CMS_CATEGORY = {
    # classic themes, then the core/post-terms block (`div.taxonomy-category.wp-block-post-terms a`)
    "wordpress": ('a[rel~="category"]', ".cat-links a", ".entry-categories a", ".post-categories a",
                  ".taxonomy-category.wp-block-post-terms a"),
    "spip": (".arbo a", ".ariane a", "#hierarchie a"),
    "drupal": (".field--name-field-rubrique a", ".field--name-field-rubrique",
               ".field--name-field-category a", ".field--name-field-categorie a",
               ".field--name-field-thematique a", ".field--name-field-section a"),
}
BREADCRUMB_SELECTORS = ("nav.breadcrumb a", ".breadcrumb a", ".breadcrumbs a", ".ariane a",
                         ".fil-ariane a", ".arbo a", '[class*="breadcrumb"] a')
# a breadcrumb's links that name no rubric: the home page, a way back
_HOME_WORDS = {"accueil", "home", "start", "homepage", "home page", "page d'accueil", "startseite", "inicio", "portada",
               "strona główna", "etusivu", "beranda", "retour", "back", "zurück"}


def find_category(page: Page, title: str, excluded: set) -> Found:
    for el in profile_elements(page, "category"):
        text = inline_text(el)
        if text:
            return text, "profile:category"
    section = _first_section(html_lib.unescape(_jsonld_text(page.jsonld_article.get("articleSection"))))
    if section:
        return section, "jsonld:articleSection"
    value, key = page.meta_first("article:section", "og:article:section", "section")
    if value:
        return clean_space(value), f"meta:{key}"
    for css in _CMS_CATEGORY.get(page.cms, ()):
        for el in select(page, css):
            if _inside(el, excluded):
                continue
            text = inline_text(el)
            if text and text.lower() not in _HOME_WORDS and text != title and len(text) < 80:
                if css.startswith((".arbo", ".ariane", "#hierarchie")):
                    return _breadcrumb_last(select(page, css), title), f"cms:{page.cms}:breadcrumb"
                return text, f"cms:{page.cms}"
    for css in BREADCRUMB_SELECTORS:
        links = select(page, css)
        if links:
            crumb = _breadcrumb_last(links, title)
            if crumb:
                return crumb, "heuristic:breadcrumb"
    # contains(@class, "categor") or contains(@class, "rubrique"), from the page's index
    for el in page.named_elements:
        cls = el.get("class")
        if not cls or ("categor" not in cls and "rubrique" not in cls):
            continue
        if _inside(el, excluded):
            continue
        text = inline_text(el)
        if 0 < len(text) < 60 and not text.endswith(":") and "{{" not in text:  # (a label alone, a template)
            links = [a for a in el.iter("a") if a.get("href")]
            if len(links) > _MAX_CATEGORY_LINKS:  # a menu of the site's rubrics
                continue
            if len(links) > 1:  # the article's rubrics: the first one
                text = inline_text(links[0]) or text
            if parse_date(text) is not None:
                # the rubric's link and the date beside it (`<div class="tags_category"><a>Crime</a>
                # <span>Published On May 10, 2022</span>`): the link's text, or nothing
                text = next((t for a in el.iter("a") if a.get("href") and (t := inline_text(a))
                             and parse_date(t) is None), "")
                if not text:
                    continue
            return _labelled_link(el, text), "heuristic:category-class"
    return "", ""


_CATEGORY_LABEL_CHARS = 25  # "Catégorie :", "Publié dans", "Posted in": a label, not a rubric's name


def _labelled_link(el: HtmlElement, text: str) -> str:
    """The rubric's link text when a short label stands before it in `el` (Joomla's
    `<dd class="category-name">Catégorie : <a>Actualités</a></dd>`), else `text`."""
    links = [a for a in el.iter("a") if a.get("href")]
    if len(links) != 1:
        return text
    name = inline_text(links[0])
    if not name or name == text or not text.endswith(name):
        return text
    label = text[: -len(name)].strip()
    return name if len(label) <= _CATEGORY_LABEL_CHARS and not any(c.isdigit() for c in label) else text


_MAX_CATEGORY_LINKS = 4


def _first_section(value: str) -> str:
    """The first of the sections a plugin joined into one string ("Brooklyn,Government,Housing",
    "Region, News, Wirtschaft, Newsletter"); one section name may hold a comma and a space."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) >= 3 or (len(parts) == 2 and ", " not in value):
        return next((p for p in parts if p), "")
    return value


def _breadcrumb_last(links: list[HtmlElement], title: str) -> str:
    crumbs = [inline_text(a) for a in links]
    crumbs = [c for c in crumbs if c and c.lower() not in _HOME_WORDS and not _names_the_article(c, title)]
    return crumbs[-1] if crumbs else ""


def _names_the_article(crumb: str, title: str) -> bool:
    """The breadcrumb's last link is the article itself: its title, cut ("Davis Cup-Qualifiers:
    Ko..."), or most of its words."""
    if not title:
        return False
    if crumb == title:
        return True
    cut = crumb.rstrip(".… ")
    if cut != crumb and len(cut) >= 10 and title.startswith(cut):
        return True
    crumb_words, title_words = set(words(crumb)), set(words(title))
    return len(crumb_words) >= 4 and len(crumb_words & title_words) >= 0.6 * len(crumb_words)


def _unique(values) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        v = clean_space(v)
        if v and v.lower() not in {s.lower() for s in seen}:
            seen[v] = None
    return list(seen)


def find_tags(page: Page, excluded: set) -> Found:
    els = profile_elements(page, "tags")
    if els:
        return _unique(inline_text(e) for e in els), "profile:tags"
    metas = page.meta.get("article:tag", [])
    if metas:  # one tag a meta, or all of them in one, comma-separated
        return _unique(t for m in metas for t in m.split(",")), "meta:article:tag"
    keywords = page.jsonld_article.get("keywords")
    if keywords:
        if isinstance(keywords, str):
            keywords = [keywords]
        return _unique(t for k in keywords if not isinstance(k, (dict, list)) for t in str(k).split(",")), \
            "jsonld:keywords"
    for css, rule in (('a[rel~="tag"]:not([rel~="category"])', "html:rel-tag"),
                      ('.mots a, .tags-links a, .post-tags a, .entry-tags a, .taxonomy-post_tag a, '
                       '.field--name-field-tags a, .field-name-field-tags a, .field--name-field-thematiques a, '
                       '.field--name-field-mots-cles a', f"cms:{page.cms or 'generic'}")):
        found = [_tag_text(a) for a in select(page, css)
                 if not _inside(a, excluded) and not _in_sidebar(a) and not _is_category_link(a)]
        if found:
            return _unique(found), rule
    return [], ""


def _tag_text(a: HtmlElement) -> str:
    """A tag link's text, less the hash a theme prints before it (Kadence's `<span class="tag-hash">#</span>`)."""
    text = inline_text(a)
    return text.lstrip("#").lstrip() or text


# the box a theme prints the categories in, with rel="tag" links (WordPress block themes'
# .taxonomy-category, Kadence's .category-links, the classic themes' .cat-links)
_CATEGORY_BOX_RE = re.compile(r"(?:^|\s)(?:taxonomy-category|cat-links|category-links|entry-categories|post-categories"
                              r"|meta-cat)(?:\s|$)")


# a category's address (WordPress `/category/…/`, its French and German translations, SPIP rubriques)
_CATEGORY_PATH_RE = re.compile(r"/(?:category|categorie|categoria|kategorie|rubriques?)/", re.IGNORECASE)


def _is_category_link(a: HtmlElement) -> bool:
    """A rel="tag" link to a category's page, or in the box of the categories, not the tags
    (looked for in the link's nearest wrappers: the article's own class lists its `category-*`
    terms too)."""
    if _CATEGORY_PATH_RE.search(a.get("href") or ""):
        return True
    for depth, p in enumerate(a.iterancestors()):
        cls = p.get("class") or ""
        if "taxonomy-category" in cls or (depth < 2 and _CATEGORY_BOX_RE.search(cls)):
            return True
    return False


_SIDEBAR_RE = re.compile(r"widget|sidebar|tagcloud|tag-cloud|secondary|footer-|site-footer", re.I)


def _in_sidebar(el: HtmlElement, article_wrappers: frozenset = frozenset()) -> bool:
    """In an aside, nav, site footer or widget area: site-wide links, not the article's. The
    walk ends at the first of `article_wrappers` (see `_quoted_or_navigation`)."""
    for anc in el.iterancestors():
        if anc in article_wrappers:
            return False
        if anc.tag in ("aside", "nav") or _SIDEBAR_RE.search(attr_tokens(anc)):
            return True
    return False


def find_authors(page: Page, excluded: set) -> Found:
    els = profile_elements(page, "authors")
    if els:
        return _unique(inline_text(e) for e in els), "profile:authors"
    author = page.jsonld_article.get("author")
    if author:
        authors = author if isinstance(author, list) else [author]
        names = _named(_unique(_author_name(_jsonld_person(page, a)) for a in authors))
        if names:
            return names, "jsonld:author"
    value, key = page.meta_first("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
    if value and not value.startswith("http"):
        names = _named(_unique(_author_name(n) for n in _split_names(value)))
        if names:
            return names, f"meta:{key}"
    for css in ('[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', 'a[rel~="author"]',
                '.vcard .fn', '.author .fn', '.auteurs a',
                # WordPress blocks: core/post-author prints `p.wp-block-post-author__name`,
                # core/post-author-name `div.wp-block-post-author-name`
                '.wp-block-post-author__name', '.wp-block-post-author-name', '.field--name-uid',
                '.byline .author', '.submitted .username',
                '.entry-author-name', '.author-name'):
        found = [_author_name(inline_text(a)) for a in select(page, css) if not _inside(a, excluded)]
        found = [f for f in found if 1 < len(f) < 80]
        if found:  # (a placeholder found here ends the search: the weaker selectors read other links)
            names = _named(_unique(found))
            return names, "html:author" if names else ""
    return [], ""


# what a CMS or a blog host prints where no name was given: no one's name
_PLACEHOLDER_AUTHORS = frozenset(("admin", "administrator", "administrateur", "unknown", "inconnu", "anonymous",
                                  "webmaster", "root", "user", "wordpress"))


def _named(names: list[str]) -> list[str]:
    return [n for n in names if n.lower() not in _PLACEHOLDER_AUTHORS]


def _split_names(value: str) -> list[str]:
    """The names a meta tag lists ("Anne Martin, Paul Durand", "Anne et Paul"); a comma before a
    one-word piece is no list ("Grant Tinsley, PhD", "Harm, Robert", "Rob Picheta, CNN")."""
    value = clean_space(value)
    names = []
    # (not "und": `Bundesministerium für Wirtschaft und Klimaschutz`, `Kirche und Leben` are one name)
    for part in re.split(r"\s+(?:et|and)\s+", value):
        pieces = [p.strip() for p in re.split(r"[,;]", part) if p.strip()]
        if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
            names.extend(pieces)
        else:
            names.append(part.strip(" ,;"))
    return names


def _jsonld_person(page: Page, value) -> str:
    """A JSON-LD author's name: its own `name`, or that of the graph's node its `@id` refers
    to (Yoast's `"author": {"@id": ".../#/schema/person/..."}`); '' for a bare address, which
    names no one."""
    if isinstance(value, dict) and not value.get("name") and value.get("@id"):
        ref = value["@id"]
        value = next((node for node in page.jsonld if node.get("@id") == ref and node.get("name")), "")
    name = _jsonld_text(value)
    return "" if name.startswith(("http://", "https://", "/")) else name


# the words around an author's name in a link to their page ("Voir tous les articles par
# Marie Dupont": Twenty Twenty-One's author box; "View all posts by", "Alle Beiträge von")
_AUTHOR_LINK_WORDS_RE = re.compile(
    r"^(?:(?:voir|afficher) (?:tous |toutes )?les (?:articles|publications|billets|contributions) (?:de|par|d[’'])"
    r"|(?:view|see) all (?:posts|articles|stories) (?:by|from)|(?:more )?(?:posts|articles|stories) by"
    r"|alle (?:beitr[äa]ge|artikel) (?:von|ansehen von)|mehr von|tous les articles de|par|by"
    # (before two capitalised words: "von Birgit Posselt"; "von der Leyen", "von Weizsäcker" are names)
    r"|von(?=\s+(?-i:[A-ZÄÖÜ])[\w.-]*\s+(?-i:[A-ZÄÖÜ])))\s+(?=\S)",
    re.IGNORECASE)


_HANDLE_RE = re.compile(r"\s+@\w{2,30}$")  # "Williams Perdomo @wperdomod": the writer's account after the name


def _author_name(text: str) -> str:
    """An author link's text less the words around the name."""
    name = _AUTHOR_LINK_WORDS_RE.sub("", text, count=1)
    return _HANDLE_RE.sub("", name) or name


# ---------------------------------------------------------------- lead, language

_CMS_LEAD = {
    "spip": (".chapo",),
    "drupal": (".field--name-field-chapo", ".field--name-field-chapeau", ".field--name-field-lead",
               ".field--name-field-intro", ".field--name-field-accroche", ".field-name-field-chapo"),
    "wordpress": (".entry-excerpt", ".wp-block-post-excerpt", ".chapo", ".chapeau"),
}
_GENERIC_LEAD = (".chapo", ".chapeau", ".standfirst", ".article-standfirst", ".lead", ".article-lead",
                 ".intro", ".excerpt")


def find_lead_element(page: Page, excluded: set, title: str = "") -> tuple[HtmlElement | None, str]:
    for el in profile_elements(page, "lead"):
        return el, "profile:lead"
    for css in _CMS_LEAD.get(page.cms, ()):
        for el in select(page, css):
            if not _inside(el, excluded) and inline_text(el) and not _not_article(el):
                return el, f"cms:{page.cms}"
    for css in _GENERIC_LEAD:
        for el in select(page, css):
            text = inline_text(el)
            if not _inside(el, excluded) and 40 <= len(text) <= 1500 and not _not_article(el) \
                    and not _header_wrapper(el):
                return el, "heuristic:lead-class"
    el = standfirst_element(page, excluded, title)
    if el is not None:
        return el, "heuristic:standfirst"
    return None, ""


def _header_wrapper(el: HtmlElement) -> bool:
    """An `.intro` or `.lead` that wraps the article's header (its headline, an image and its
    caption, the byline) rather than being the standfirst."""
    return next(el.iter("h1", "figure", "figcaption", "img", "picture"), None) is not None


# a lead is never in the site's navigation, footer, a sidebar, a cookie banner or a hidden block
_NOT_ARTICLE_TAGS = frozenset(("nav", "footer", "aside", "form", "dialog", "noscript", "template"))


def _not_article(el: HtmlElement) -> bool:
    """`el` or an ancestor is navigation, a footer, an aside, a consent banner or hidden (by
    tag, role, class or id, as `is_boilerplate` reads them). Up the tree, a class that states a
    layout variant (`site__main--no-sidebar`, `has-sidebar`) says nothing of the block, and the
    page's html and body elements are not looked at."""
    if is_boilerplate(el) or el.tag in _NOT_ARTICLE_TAGS:
        return True
    for node in el.iterancestors():
        if node.tag in ("body", "html"):
            return False
        if node.tag in _NOT_ARTICLE_TAGS or (node.get("role") or "").lower() in BOILERPLATE_ROLES \
                or node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return True
        tokens = " ".join(t for t in (node.get("class") or "").split() if not _LAYOUT_TOKEN_RE.search(t))
        tokens = f"{tokens} {node.get('id') or ''}".strip()
        if tokens and BOILERPLATE_RE.search(tokens):
            return True
    return False


_LAYOUT_TOKEN_RE = re.compile(r"--|(^|[-_])(no|has|with|without)[-_]", re.IGNORECASE)


# class words (a class split at "-" and "_": `article__intro`, `intro-text`, `article-excerpt`,
# `teaser-text`) that name a standfirst; `teaser` names listing cards too, hence the position test
_STANDFIRST_WORDS = frozenset(("intro", "lead", "standfirst", "chapo", "chapeau", "accroche", "excerpt", "teaser",
                               "einleitung", "vorspann", "entradilla"))
_STANDFIRST_TAGS = frozenset(("p", "div", "section", "header", "h2", "span", "strong"))
# a "lead image" (`lead-asset`, `teaser-image`) and its caption are not the standfirst
_MEDIA_WORDS = frozenset(("asset", "image", "img", "photo", "media", "video", "picture", "caption", "credit",
                          "figure", "gallery", "visual", "thumbnail", "thumb"))
_MEDIA_TAGS = ("img", "picture", "video", "figure", "figcaption", "iframe")
_STANDFIRST_GAP = 300  # characters of text (bylines, dates, captions) allowed between the headline and it
_WORD_SPLIT_RE = re.compile(r"[-_]+")
# one of those words as a class word, in `Page.class_lines` in lower case: whether any token has one
_STANDFIRST_WORD_RE = re.compile(rf"(?<![^\n_-])(?:{'|'.join(sorted(_STANDFIRST_WORDS))})(?![^\n_-])")


def _title_h1(page: Page, title: str) -> HtmlElement | None:
    """The page's headline: the first h1 saying the title (one containing the other, or most
    of the words of the shorter one in common: a title reworded for search engines)."""
    key = clean_space(title).casefold()
    if not key:
        return None
    words = set(_WORD_RE.findall(key))
    for h1 in page.root.iter("h1"):
        text = inline_text(h1).casefold()
        if len(text) < 8:
            continue
        if text == key or text in key or key in text:
            return h1
        shared = words & set(_WORD_RE.findall(text))
        if words and len(shared) >= 0.7 * min(len(words), len(set(_WORD_RE.findall(text)))) >= 2:
            return h1
    return None


_WORD_RE = re.compile(r"\w+")


def standfirst_element(page: Page, excluded: set, title: str) -> HtmlElement | None:
    """The standfirst as news themes mark it: an element right after the headline (at most
    `_STANDFIRST_GAP` characters of text between them) whose class names an intro, lead,
    teaser or excerpt in a compound class (`article__intro`, `c-page-intro__copy`,
    `teaser-text`, `article-excerpt`), or that bears `itemprop="description"`."""
    candidates = []
    if _STANDFIRST_WORD_RE.search(page.class_lines_lower):  # one search spares most pages the walk
        for token, els in page.classes.items():
            if any(word in _STANDFIRST_WORDS for word in _WORD_SPLIT_RE.split(token.lower())):
                candidates.extend(els)
    candidates.extend(el for el in page.itemprop("description") if el.tag != "meta")
    if not candidates:
        return None
    h1 = _title_h1(page, title)
    if h1 is None:
        return None
    order = page.order
    start = order.get(h1, 0)
    for el in sorted(set(candidates), key=lambda e: order.get(e, 0)):
        if order.get(el, 0) <= start or el.tag not in _STANDFIRST_TAGS:
            continue
        text = inline_text(el)
        if not 40 <= len(text) <= 1500 or _inside(el, excluded) or _not_article(el) or _media(el):
            continue
        gap = _text_gap(h1, el, _STANDFIRST_GAP)
        if gap is not None:
            return el
    return None


def _words(el: HtmlElement) -> set[str]:
    return {w for token in (el.get("class") or "").lower().split() for w in _WORD_SPLIT_RE.split(token)}


def _media(el: HtmlElement) -> bool:
    """An image, its caption or credit: by tag (the element, a descendant, a figure around it) or by
    a class word of the element or its parent (further up, words like `has-post-thumbnail` describe
    the whole post)."""
    if el.tag in _MEDIA_TAGS or next(el.iter(*_MEDIA_TAGS), None) is not None:
        return True
    parent = el.getparent()
    if _words(el) & _MEDIA_WORDS or (parent is not None and _words(parent) & _MEDIA_WORDS):
        return True
    return any(node.tag in ("figure", "figcaption") for node in el.iterancestors())


def _text_gap(start: HtmlElement, target: HtmlElement, limit: int) -> int | None:
    """Characters of text between the end of `start` and the beginning of `target`, which
    follows it in document order; None when there are more than `limit` or `target` does
    not follow `start`. Text counts as a reader sees it (`shown_length`): a theme's indented
    author box or an inline script between them is not a long text. None too when a paragraph
    of text lies between them."""
    path = set(target.iterancestors())
    if start in path:
        return None
    total, node = 0, start
    while total <= limit:
        total += len(clean_space(node.tail))
        nxt = node.getnext()
        while nxt is None:
            node = node.getparent()
            if node is None or node in path:
                return None  # `target` was before `start`
            total += len(clean_space(node.tail))
            nxt = node.getnext()
        node = nxt
        while node in path:  # descend towards the target
            total += len(clean_space(node.text))
            if len(node) == 0:
                return None
            node = node[0]
        if node is target:
            return total if total <= limit else None
        if isinstance(node.tag, str):
            shown = shown_length(node)
            total += shown
            if shown >= _GAP_PARAGRAPH and any(shown_length(p) >= _GAP_PARAGRAPH for p in node.iter("p")):
                return None  # a paragraph of text before `target`: the text has begun
    return None


_GAP_PARAGRAPH = 80  # characters of a paragraph that is the text's own, not a byline or a date line


_ELLIPSIS_RE = re.compile(r"\s*(?:\[?…\]?|\[?\.\.\.\]?)")
_INLINE_TAGS = frozenset("a span strong em b i u font small mark abbr cite q sup sub time".split())
_NO_TEXT_TAGS = frozenset(("script", "style", "noscript", "template", "textarea", "title", "head", "option"))


def description_stem(desc: str) -> str:
    """The text a cut description keeps ('A chaque civilisation ... aux yeux de...' -> without the
    ellipsis), '' when `desc` is not cut: an ellipsis at its end or followed by a short
    'Continue reading' link only."""
    m = _ELLIPSIS_RE.search(desc)
    while m is not None and len(desc) - m.end() > 80:
        m = _ELLIPSIS_RE.search(desc, m.end())
    if m is None or not m.group().strip():
        return ""
    return desc[:m.start()].rstrip(" ,;:–-")


def described_element(page: Page, stem: str) -> HtmlElement | None:
    """The text block of the page whose text begins with `stem` (a cut description): the
    paragraph the description was cut from. None when no block outside navigation, footers
    and hidden blocks begins so."""
    if len(stem) < 40:
        return None
    probe = stem[:24]
    if "'" in probe and '"' in probe:
        return None
    for node in page.root.xpath("//body//text()[contains(., $p)]", p=probe)[:5]:
        el = node.getparent()
        if el is not None and node.is_tail:
            el = el.getparent()
        while el is not None and el.tag in _INLINE_TAGS:
            el = el.getparent()
        if el is None or el.tag in _NO_TEXT_TAGS or any(a.tag in _NO_TEXT_TAGS for a in el.iterancestors()):
            continue
        text = inline_text(el)
        if text.startswith(stem) and len(text) <= 3000 and not _not_article(el):
            return el
    return None


def find_language(page: Page) -> Found:
    if page.text_language:
        return page.text_language, "html:lang"
    lang = _jsonld_text(page.jsonld_article.get("inLanguage"))
    if lang:
        return lang[:2].lower(), "jsonld:inLanguage"
    if page.profile and page.profile.language:
        return page.profile.language, "profile:language"
    return "", ""
