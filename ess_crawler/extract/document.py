"""Decode and parse a page once; every field extractor shares the resulting `Page`.

Decoding: BOM, then HTTP/`<meta>` charset, then UTF-8, then cp1252 (what a
latin-1 page without a charset header really is), via w3lib.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from functools import cached_property, lru_cache
from urllib.parse import urljoin

import lxml.etree
import lxml.html
from lxml.html import HtmlElement
from w3lib.encoding import html_to_unicode

from ess_crawler.profiles import SiteProfile
from ess_crawler.text import clean_space, fold  # noqa: F401  (shared with the field modules)

logger = logging.getLogger(__name__)


MAX_HTML_CHARS = 8_000_000  # beyond this the page is cut before parsing

# characters XML (and so lxml) refuses in text
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# the opening bytes of formats a server may send instead of a page
_MAGIC = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive (or office file)"),
    (b"\x1f\x8b", "gzip-compressed data"), (b"BZh", "bzip2-compressed data"), (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"OggS", "an Ogg media file"), (b"ID3", "an MP3 file"), (b"\x00\x00\x01\x00", "an icon file"),
    (b"\x00asm", "a WebAssembly module"), (b"\x7fELF", "an executable"), (b"MZ", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"wOFF", "a web font"), (b"wOF2", "a web font"),
)
_TAG_RE = re.compile(r"<\s*(?:!doctype|html|head|body|meta|title|div|p|a|span|article|main|section|h[1-6]"
                     r"|table|ul|ol|li|br|img|script|style|link|header|footer|nav|form|!--)\b", re.I)


# control bytes no text holds (ESC is ISO-2022's shift), and the characters decoding shows
# for binary: counted by deleting them (str/bytes.translate, not a Python loop per byte)
_BINARY_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_NOT_TEXT_CHARS = dict.fromkeys([0xFFFD] + [c for c in range(32) if chr(c) not in "\t\n\r\x0c"])


def not_html_reason(data: bytes | str) -> str:
    """Why `data` is not an HTML document ('' when it may be one): a known binary format
    by its magic bytes, binary noise, or text without a single HTML tag."""
    head = data[:4096]
    if isinstance(head, bytes):
        for magic, name in _MAGIC:
            if head.startswith(magic) and not (magic == b"MZ" and b"<" in head[:64]):
                return f"{name}, not HTML"
        if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
            return "a RIFF media file, not HTML"
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM: decoded below
            return ""
        if head and head.count(0) > len(head) // 10:
            return "binary data (NUL bytes), not HTML"
        # control bytes: text in any charset has (next to) none; ESC is ISO-2022's shift
        control = len(head) - len(head.translate(None, _BINARY_CONTROL_BYTES))
        if len(head) >= 64 and control > len(head) * 3 // 100:
            return "binary data (control bytes), not HTML"
        text = head.decode("utf-8", errors="replace")
        if len(text) >= 16 and not _TAG_RE.search(text):  # the tag test first: str.translate is slow
            bad = len(text) - len(text.translate(_NOT_TEXT_CHARS))
            if bad > len(text) // 10:
                return "binary data (not text), not HTML"
    return ""


def has_descendant(el: HtmlElement, tag: str) -> bool:
    """`el.find(".//tag") is not None` by lxml's tag iterator, in C (`find` first compiles
    and runs an ElementPath expression: a few µs a call, some hundreds a page)."""
    return next(el.iterdescendants(tag), None) is not None


def contains(outer: HtmlElement, inner: HtmlElement) -> bool:
    """`inner` is `outer` or lies inside it."""
    return outer is inner or any(a is outer for a in inner.iterancestors())


def has_markup(text: str) -> bool:
    """True when the text holds at least one HTML tag (a page, even a broken one)."""
    return bool(_TAG_RE.search(text[:200_000]))



def decode_html(html: bytes | str, content_type: str | None = None) -> str:
    """Bytes to text, honouring BOM, header and `<meta charset>`; never raises."""
    return decoded_html(html, content_type)[0]


def decoded_html(html: bytes | str, content_type: str | None = None) -> tuple[str, bytes | None]:
    """(`decode_html`'s text, its UTF-8 encoding when that is `html` itself: bytes read as UTF-8
    without a BOM or an invalid sequence), so that `parse_html` need not encode the text again."""
    if isinstance(html, str):
        return html, None
    try:
        encoding, text = html_to_unicode(content_type, html, auto_detect_fun=_guess_encoding)
    except Exception:  # noqa: BLE001 - decoding must never stop extraction
        return html.decode("utf-8", errors="replace"), None
    # an invalid sequence is read as U+FFFD: with none in the text, every byte was valid UTF-8
    same = encoding == "utf-8" and not html.startswith(codecs.BOM_UTF8) and "\ufffd" not in text
    return text, html if same else None


def _guess_encoding(data: bytes) -> str:
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


# the same characters as bytes of UTF-8 (they never occur inside a multi-byte sequence)
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20))
# an XML declaration after leading white space (str.isspace's, here as UTF-8 bytes)
_XML_DECL_BYTES_RE = re.compile(
    rb"^(?:[ \t\n\r\x0b\x0c]|\xc2[\x85\xa0]|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]|\xe2\x81\x9f"
    rb"|\xe3\x80\x80)*<\?xml[^>]*>")
_PARSER_OPTIONS = dict(remove_comments=True, remove_pis=True, recover=True)


def _class_lookup() -> lxml.etree.ElementNamespaceClassLookup:
    """lxml.html's element classes (FormElement, InputElement... else HtmlElement; HtmlComment,
    HtmlProcessingInstruction, HtmlEntity) chosen in C: `HtmlElementClassLookup` calls a
    Python method for every element proxy lxml creates, some 5% of the extraction time.
    The tag names of a parsed HTML document are lower case and in no namespace, so a
    lookup by name in the `None` namespace gives the same class as lxml.html's."""
    lookup = lxml.etree.ElementNamespaceClassLookup(lxml.etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    names = lookup.get_namespace(None)
    for tag, cls in getattr(lxml.html.HtmlElementClassLookup, "_default_element_classes", {}).items():
        names[tag] = cls
    return lookup


_CLASS_LOOKUP = _class_lookup()


def html_parser(**options) -> lxml.html.HTMLParser:
    """An lxml.html parser with the C class lookup above (`options` as HTMLParser's)."""
    parser = lxml.html.HTMLParser(**options)
    parser.set_element_class_lookup(_CLASS_LOOKUP)
    return parser


def parse_html(text: str, utf8: bytes | None = None) -> HtmlElement | None:
    """Parse HTML text into an lxml tree; None when there is nothing to parse. `utf8`: the
    text's UTF-8 encoding, when known (`decoded_html`)."""
    if len(text) > MAX_HTML_CHARS:
        text, utf8 = text[:MAX_HTML_CHARS], None
    # as UTF-8 bytes: control characters go with one bytes.translate, and libxml2 reads
    # bytes faster than a str (the same tree: the parser is told the encoding)
    data = utf8
    if data is None:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: the str path
            return _parse_text(text)
    if "\ufffe" in text or "\uffff" in text:
        data = data.replace("\ufffe".encode("utf-8"), b"").replace("\uffff".encode("utf-8"), b"")
    data = data.translate(None, _CONTROL_BYTES)
    # lxml refuses an XML encoding declaration in str input: taken off as before
    m = _XML_DECL_BYTES_RE.match(data)
    if m:
        data = data[m.end():]
    if len(data.strip()) < 16 and not data.decode("utf-8").strip():
        return None
    parser = html_parser(encoding="utf-8", **_PARSER_OPTIONS)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    return root


def _parse_text(text: str) -> HtmlElement | None:
    text = _CONTROL_RE.sub("", text)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    if not text.strip():
        return None
    parser = html_parser(**_PARSER_OPTIONS)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    return root


class Page:
    """One parsed page with lazily computed views shared by the field extractors."""

    def __init__(self, root: HtmlElement, url: str, profile: SiteProfile | None = None):
        self.root = root
        self.url = url
        self.profile = profile
        self._absolute: dict[str | None, str] = {}  # href -> resolved URL (`absolute`)

    def absolute(self, href: str | None) -> str:
        """`href` resolved against the page's base URL ('' when it cannot be), remembered per page."""
        known = self._absolute.get(href)
        if known is not None:
            return known
        value = (href or "").strip()
        if value:
            try:
                value = urljoin(self.base_url, value)
            except ValueError:
                value = ""
        self._absolute[href] = value
        return value

    @cached_property
    def base_url(self) -> str:
        # the first `//base/@href`, by lxml's tag iterator (XPath's `//` steps through every node)
        href = next((el.get("href") for top in top_elements(self.root) for el in top.iter("base")
                     if el.get("href") is not None), None)
        if href is not None:
            try:
                return urljoin(self.url, href.strip())
            except ValueError:
                pass
        return self.url

    @cached_property
    def text(self) -> str:
        """All the text of the page (first 300,000 characters)."""
        return self.root.text_content()[:300_000]

    @cached_property
    def parsed_elements(self) -> list[HtmlElement]:
        """Every element of the document in document order, as first read (`//*`). Holding
        them keeps their lxml proxies alive for the page's life: every later walk of the
        tree reuses them rather than builds a Python object per element it passes."""
        return list(_document_elements(self.root))

    @cached_property
    def _attribute_index(self) -> tuple[dict, dict, dict, list, dict]:
        """One walk over the document's elements for the attributes that name them: class
        tokens, ids, itemprops, the elements bearing a class, id or role, all in document
        order, and roles. (`el.items()` per element, rather than the XPath union
        `//@class|//@id|//@itemprop|//@role`, whose sorting and attribute strings cost a
        fifth more.)"""
        classes: dict[str, list[HtmlElement]] = {}
        ids: dict[str, list[HtmlElement]] = {}
        itemprops: dict[str, list[HtmlElement]] = {}
        named: list[HtmlElement] = []
        roles: dict[str, list[HtmlElement]] = {}
        for el in self.parsed_elements:
            items = el.items()
            if not items:
                continue
            is_named = False
            for name, value in items:
                if name == "class":
                    for token in value.split():
                        classes.setdefault(token, []).append(el)
                elif name == "id":
                    ids.setdefault(value, []).append(el)
                elif name == "role":
                    roles.setdefault(value, []).append(el)
                elif name == "itemprop":
                    itemprops.setdefault(value, []).append(el)
                    continue
                else:
                    continue
                is_named = True
            if is_named:
                named.append(el)
        return classes, ids, itemprops, named, roles

    @property
    def classes(self) -> dict[str, list[HtmlElement]]:
        """Elements by class token, in document order (one walk of the tree)."""
        return self._attribute_index[0]

    @cached_property
    def class_lines(self) -> str:
        """The class tokens of `classes`, in its order, one a line (a token holds no white space)."""
        return "\n".join(self.classes)

    @cached_property
    def class_lines_lower(self) -> str:
        """`class_lines` in lower case."""
        return self.class_lines.lower()

    def classes_matching(self, words: re.Pattern) -> list[str]:
        """The class tokens holding a match of `words` (case-insensitive lower-case words:
        `title|head`), in the order of `classes`: one regex pass over `class_lines`, each match
        taken to its whole line, rather than a search per token (some 200 a page). On ASCII
        tokens, the case-sensitive pattern over the lines in lower case (what IGNORECASE
        matches there, at a quarter of its cost)."""
        lines = self.class_lines
        if lines.isascii():
            text, words = self.class_lines_lower, _case_sensitive(words)
        else:
            text = lines
        found = []
        at = 0
        while (m := words.search(text, at)) is not None:
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            if end == -1:
                end = len(text)
            found.append(lines[start:end])
            at = end + 1
        return found

    @property
    def ids(self) -> dict[str, list[HtmlElement]]:
        return self._attribute_index[1]

    @property
    def roles(self) -> dict[str, list[HtmlElement]]:
        return self._attribute_index[4]

    def itemprop(self, name: str) -> list[HtmlElement]:
        """The elements with `itemprop="name"` still in the tree, in document order."""
        return [el for el in self._attribute_index[2].get(name, ()) if self.attached(el)]

    @property
    def named_elements(self) -> list[HtmlElement]:
        """Elements with a class, id or role attribute, in document order (as parsed)."""
        return self._attribute_index[3]

    def attached(self, el: HtmlElement) -> bool:
        """`el` is still part of the page's tree (not removed by a cleaning step)."""
        for anc in el.iterancestors():
            el = anc
        return el is self.root

    def tags(self, tag: str) -> list[HtmlElement]:
        return list(self.root.iter(tag))

    @cached_property
    def order(self) -> dict[HtmlElement, int]:
        """Document position of every element (built only when a selector list needs sorting)."""
        return {el: i for i, el in enumerate(self.root.iter())}

    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """`<meta>` contents keyed by lower-cased name / property / itemprop / http-equiv."""
        found: dict[str, list[str]] = {}
        for el in self.root.iter("meta"):
            key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
            content = el.get("content")
            if key and content and content.strip():
                found.setdefault(key.strip().lower(), []).append(content.strip())
        return found

    def meta_first(self, *keys: str) -> tuple[str, str]:
        """(value, key) of the first meta present among `keys`."""
        for key in keys:
            values = self.meta.get(key)
            if values:
                return values[0], key
        return "", ""

    @cached_property
    def jsonld(self) -> list[dict]:
        """Every JSON-LD object of the page, `@graph` flattened."""
        objects: list[dict] = []
        for script in self.root.iter("script"):  # `//script[contains(@type, "ld+json")]`, without XPath
            if "ld+json" not in (script.get("type") or ""):
                continue
            raw = (script.text or "").strip()
            if not raw:
                continue
            try:
                data = json.loads(raw)
            except ValueError:
                try:  # trailing commas, control characters: common CMS slips
                    data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
                except ValueError:
                    continue
            _flatten_jsonld(data, objects)
        return objects

    @cached_property
    def jsonld_article(self) -> dict:
        """The JSON-LD object that describes the article (Article, NewsArticle, BlogPosting...)."""
        best: dict = {}
        for obj in self.jsonld:
            # `"type"` for `"@type"`: a slip some CMS plugins make, read as meant
            types = obj.get("@type") if "@type" in obj else obj.get("type")
            if _article_type(types):
                return obj
            types = types if isinstance(types, list) else [types]
            names = {str(t) for t in types if t}
            if not best and names & {"WebPage", "ItemPage"} and ("datePublished" in obj or "headline" in obj):
                best = obj
        return best

    @cached_property
    def generator(self) -> str:
        return " ".join(self.meta.get("generator", [])).lower()

    @cached_property
    def cms(self) -> str:
        """'wordpress', 'spip', 'drupal' or '' as recognised from the page itself."""
        gen = self.generator
        if "wordpress" in gen:
            return "wordpress"
        if "spip" in gen:
            return "spip"
        if "drupal" in gen:
            return "drupal"
        # the addresses `//head/link/@href` and `//script/@src` select, read in one walk each
        # rather than by an XPath pass per CMS
        links = [link.get("href") or "" for head in self.root.iter("head") for link in head.iterchildren("link")]
        scripts = [script.get("src") or "" for script in self.root.iter("script")]
        if any("/wp-content/" in href or "/wp-json/" in href for href in links) \
                or any("/wp-content/" in src or "/wp-includes/" in src for src in scripts):
            return "wordpress"
        tokens = self.classes.keys()
        if any(t.startswith("spip_") or t == "spip" for t in tokens) or any("spip.php" in href for href in links):
            return "spip"
        if any(t.startswith(("field--name-", "field-name-")) for t in tokens) or \
                any("/sites/default/files/" in src or "/core/misc/" in src for src in scripts):
            return "drupal"
        return ""

    @cached_property
    def text_language(self) -> str:
        lang = self.root.get("lang") or self.root.get("xml:lang") or ""
        if not lang:
            lang, _ = self.meta_first("content-language", "og:locale", "language", "dc.language")
        return lang.replace("_", "-").split("-")[0].strip().lower()[:2]


@lru_cache(maxsize=64)
def _case_sensitive(pattern: re.Pattern) -> re.Pattern:
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def top_elements(root: HtmlElement) -> list[HtmlElement]:
    """`root` and its siblings, in document order: the trees XPath's `//` reads (a second
    `<html>` some broken pages hold is one)."""
    tops = list(root.itersiblings(preceding=True))
    tops.reverse()
    tops.append(root)
    tops.extend(root.itersiblings())
    return tops


def _document_elements(root: HtmlElement):
    """Every element of `root`'s document, in document order (`//*`, comments included)."""
    for top in top_elements(root):
        yield from top.iter()


def _article_type(value) -> bool:
    """A schema.org type naming an article (NewsArticle, BlogPosting, Report...)."""
    names = value if isinstance(value, list) else [value]
    return any(isinstance(t, str) and (t.endswith("Article") or t in {"BlogPosting", "Report", "LiveBlogPosting"})
               for t in names)


def _flatten_jsonld(data, out: list[dict]) -> None:
    if isinstance(data, list):
        for item in data:
            _flatten_jsonld(item, out)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if isinstance(graph, list):
            _flatten_jsonld(graph, out)
        if "@type" in data or _article_type(data.get("type")):  # `"type"`: a plugin's slip for `"@type"`
            out.append(data)
        main = data.get("mainEntity")
        if isinstance(main, dict):
            _flatten_jsonld(main, out)


def load_page(html: bytes | str, url: str, profile: SiteProfile | None = None) -> Page | None:
    """Decode and parse once; None when the input holds no HTML at all."""
    root = parse_html(*decoded_html(html))
    if root is None:
        return None
    return Page(root, url, profile)
