"""`ess-crawler check URL_OR_FILE`: extract one page and say what looks missing or wrong.

For archivists checking a site before a crawl, or reporting a page the extractor reads
badly. The page is a saved file, or a URL fetched once, politely: robots.txt obeyed
(`urllib.robotparser`), the project's User-Agent (`ess_crawler.settings.USER_AGENT`),
a 20 s timeout, no Scrapy. The site profile is `--site`, else the one whose domains hold
the page's URL (for a file: `--url`, else its canonical URL). Each field is printed with its value
and the rule that produced it (`Article.provenance`), then the warnings: no date, a short
body, footnote markers without notes, no related block, no title, a paywall teaser.

`--save DIR` writes `DIR/<slug>/page.html` and `case.json` in the format of
`tests/cases/*/case.json`, with the current output as the expected values: review them,
then the case pins the page in the test suite. A case already saved there is kept unless
`--force` is given.

Exit status: 0, or 1 when the page gives no title or no body (not an article for the
crawler either).
"""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ess_crawler.errors import UserError
from ess_crawler.extract import ExtractionError, extract_article, load_page
from ess_crawler.items import Article
from ess_crawler.profiles import ProfileError, SiteProfile, broken_profile_for, get_profile, scan_profiles
from ess_crawler.settings import DOWNLOAD_MAXSIZE, USER_AGENT

logger = logging.getLogger(__name__)

TIMEOUT = 20  # seconds, for robots.txt and for the page
# a warning for the person adding a site, not the extractor's own rule (extract.body.SHORT_BODY_WARNING_CHARS,
# below which it does not trust a container): a real article under this is worth a look
SHORT_BODY_WARNING_CHARS = 300
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
# footnote markers left in the body: "[3]" in its text, a bare <sup>3</sup> / <sup><a>3</a></sup> in its HTML
_TEXT_MARKER_RE = re.compile(r"\[(\d{1,3})\]")
_HTML_MARKER_RE = re.compile(r"<sup\b[^>]*>\s*(?:<a\b[^>]*>\s*)?[\[(]?(\d{1,3})[\])]?\s*(?:</a>\s*)?</sup>")
# files people point at a page command by mistake (an archive, a WARC), known by their first bytes
_NOT_PAGES = ((b"SQLite format 3\x00", "a SQLite database (an archive?)"), (b"\x1f\x8b", "gzip-compressed (a WARC?)"),
              (b"PK\x03\x04", "a zip file"), (b"%PDF", "a PDF"))
_SHOWN_FIELDS = ("url", "title", "published", "modified", "category", "tags", "authors", "language",
                 "lead", "body", "footnotes", "related", "links", "images", "truncated")


class CheckError(UserError):
    """The page could not be read or fetched; the message says why."""


@dataclass
class Source:
    """The page to check: its bytes, the URL it stands for, and where it came from."""

    html: bytes
    url: str
    origin: str  # "file PATH" or "fetched URL (status, size)"


# ------------------------------------------------------------------ fetching

def robots_allows(robots_txt: str | None, status: int, url: str, user_agent: str = USER_AGENT) -> bool:
    """Whether robots.txt (its text and HTTP status) lets `user_agent` fetch `url`.

    As `urllib.robotparser` reads them: 401/403 and server errors forbid the site, other
    4xx (no robots.txt) allow it.
    """
    if status in (401, 403) or status >= 500:
        return False
    if status >= 400 or robots_txt is None:
        return True
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(robots_txt.splitlines())
    return parser.can_fetch(user_agent, url)


def http_get(url: str, timeout: float) -> tuple[int, bytes, str]:
    """(status, body, content type) of one GET with the project's User-Agent."""
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Language": "fr,en;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
            body = response.read(DOWNLOAD_MAXSIZE + 1)
            return response.status, body, response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        return exc.code, b"", exc.headers.get("Content-Type", "") if exc.headers else ""


def fetch(url: str, timeout: float = TIMEOUT) -> Source:
    """GET `url` once if its robots.txt allows it; a clear CheckError otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CheckError(f"{url!r} is neither a file nor an http(s) URL")
    robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
    try:
        status, body, _ = http_get(robots_url, timeout)
        robots = body.decode("utf-8", errors="replace") if status == 200 else None
    except (urllib.error.URLError, OSError) as exc:
        raise CheckError(f"cannot read {robots_url}: {getattr(exc, 'reason', exc)}") from None
    if not robots_allows(robots, status, url):
        raise CheckError(f"robots.txt of {parts.netloc} does not allow {USER_AGENT!r} to fetch {url}")
    try:
        status, body, ctype = http_get(url, timeout)
    except (urllib.error.URLError, OSError) as exc:
        raise CheckError(f"cannot fetch {url}: {getattr(exc, 'reason', exc)}") from None
    if status >= 400:
        raise CheckError(f"HTTP {status} for {url}")
    if len(body) > DOWNLOAD_MAXSIZE:
        raise CheckError(f"{url} is larger than {DOWNLOAD_MAXSIZE} bytes")
    if ctype and not ctype.lower().startswith(("text/html", "application/xhtml+xml")):
        raise CheckError(f"{url} is not an HTML page (Content-Type: {ctype})")
    return Source(body, url, f"fetched {url} (HTTP {status}, {len(body) // 1024} KB)")


def declared_url(html: bytes) -> str:
    """The URL a page says it has (canonical link, else og:url), when absolute http(s)."""
    page = load_page(html, "about:blank")
    if page is None:
        return ""
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in page.root.xpath(xpath):
            if urlsplit(value.strip()).scheme in ("http", "https"):
                return value.strip()
    return ""


def load_file(path: Path, url: str | None = None) -> Source:
    """A saved page: it stands for `url`, else for the URL its canonical link declares (so that
    its relative links resolve and its site is known), else for its file: URI."""
    if path.is_dir():
        raise CheckError(f"{path} is a folder, not a saved page")
    if not path.is_file():
        raise CheckError(f"no file {path}")
    try:
        html = path.read_bytes()
    except OSError as exc:
        raise CheckError(f"cannot read {path}: {exc.strerror or exc}") from None
    for magic, what in _NOT_PAGES:
        if html.startswith(magic):
            raise CheckError(f"{path} is {what}, not a saved HTML page")
    if url:
        return Source(html, url, f"file {path}")
    declared = declared_url(html)
    if declared:
        return Source(html, declared, f"file {path} (URL from its canonical link)")
    return Source(html, path.resolve().as_uri(), f"file {path}")


def load_source(target: str, url: str | None) -> Source:
    """A saved file (see `load_file`) or a fetched URL."""
    path = Path(target)
    if path.exists():
        return load_file(path, url)
    if not urlsplit(target).scheme:
        raise CheckError(f"no file {target} (and it is not an http(s) URL)")
    return fetch(target)


# ------------------------------------------------------------------ extraction and judgement

def profile_for(url: str, profiles: dict[str, SiteProfile] | None = None) -> SiteProfile | None:
    """The profile whose domains hold `url`, if any (among `profiles`, else those on disk)."""
    return next((p for p in (scan_profiles()[0] if profiles is None else profiles).values() if p.owns(url)), None)


def extract(source: Source, site: str | None) -> tuple[Article, SiteProfile | None, str]:
    """(article, profile, how the profile was chosen)."""
    try:
        if site:
            profile = get_profile(site)
            return extract_article(source.html, source.url, profile), profile, "--site"
        profiles, broken_files = scan_profiles()
        profile = profile_for(source.url, profiles)
        if profile is not None:
            return extract_article(source.html, source.url, profile), profile, "the URL's domain"
        broken = broken_profile_for(source.url, broken_files)
        if broken is not None:  # the generic rules would hide that the site's profile is not used
            raise broken
        return extract_article(source.html, source.url), None, ""
    except ProfileError as exc:
        raise CheckError(str(exc)) from None
    except ExtractionError as exc:
        raise CheckError(str(exc)) from None


def marker_numbers(body_text: str, body_html: str) -> list[str]:
    """Footnote marker numbers of the body (`[N]` in the text, `<sup>N</sup>` in the HTML), sorted."""
    found = {m.group(1) for m in _TEXT_MARKER_RE.finditer(body_text or "")}
    found.update(m.group(1) for m in _HTML_MARKER_RE.finditer(body_html or ""))
    return sorted(found, key=int)


def warnings_for(article: Article) -> list[str]:
    """What an archivist should look at before trusting this extraction."""
    warnings = []
    if not article.title:
        warnings.append("no title: the crawler will not keep this page as an article")
    if not article.published:
        warnings.append("no date found: add a `date` selector to the profile if the page shows one")
    if not article.body_text:
        warnings.append("no body: the crawler will not keep this page as an article")
    elif len(article.body_text) < SHORT_BODY_WARNING_CHARS:
        warnings.append(f"body is short ({len(article.body_text)} characters): the wrong container, "
                        "or a teaser?")
    notes = {n.number for n in article.footnotes}
    orphans = [n for n in marker_numbers(article.body_text, article.body_html) if n not in notes]
    if orphans:
        listed = ", ".join(f"[{n}]" for n in orphans)
        warnings.append(f"footnote markers {listed} in the body but no such notes: a `footnotes` selector?")
    if not article.related:
        warnings.append("no related block found (\"À lire aussi\", \"Sur le même sujet\"...): "
                        "a `related` selector if the page has one")
    if article.truncated:
        warnings.append("truncated: the page shows only part of the article (paywall); the body is the teaser")
    return warnings


def shorten(value, limit: int = 90) -> str:
    """A one-line view of a field value."""
    if isinstance(value, list):
        if not value:
            return ""
        first = value[0]
        label = getattr(first, "title", None) or getattr(first, "text", None) or getattr(first, "url", None) \
            or str(first)
        more = f" (+{len(value) - 1})" if len(value) > 1 else ""
        return f"{len(value)}: {shorten(label, limit - 12)}{more}" if not isinstance(first, str) \
            else shorten(", ".join(value), limit)
    text = " ".join(str(value).split()) if value not in (None, "") else ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def field_rows(article: Article) -> list[tuple[str, str, str]]:
    """(field, rule, value) for each field shown."""
    rows = []
    for name in _SHOWN_FIELDS:
        value = article.body_text if name == "body" else getattr(article, name)
        if name == "body" and value:
            value = f"{len(value)} chars: {value}"
        rows.append((name, article.provenance.get(name, ""), shorten(value)))
    return rows


# ------------------------------------------------------------------ saving a case

def case_slug(article: Article, profile: SiteProfile | None) -> str:
    """A folder name for the case: the site, then the last part of the URL's path."""
    path = urlsplit(article.url).path.rstrip("/")
    stem = re.sub(r"\.html?$", "", path.rsplit("/", 1)[-1]) or "home"
    stem = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:60].rstrip("-") or "page"
    return f"{profile.name}_{stem}" if profile else stem


def _snippets(body_text: str, length: int = 60) -> list[str]:
    """The start of the first paragraph and the end of the last, cut on words."""
    paragraphs = [" ".join(p.split()) for p in body_text.split("\n") if p.strip()]
    if not paragraphs:
        return []
    first = paragraphs[0][:length].rsplit(" ", 1)[0] if len(paragraphs[0]) > length else paragraphs[0]
    last = paragraphs[-1][-length:].split(" ", 1)[-1] if len(paragraphs[-1]) > length else paragraphs[-1]
    return list(dict.fromkeys(s for s in (first, last) if s))


def case_for(article: Article, profile: SiteProfile | None, origin: str) -> dict:
    """A tests/cases case.json recording the current output as the expected one."""
    expect: dict = {"title": article.title, "published": article.published}
    for name in ("modified", "category", "tags", "authors"):
        if getattr(article, name):
            expect[name] = getattr(article, name)
    if article.lead:
        expect["lead_startswith"] = article.lead[:60].rsplit(" ", 1)[0] if len(article.lead) > 60 else article.lead
    if article.footnotes:
        expect["footnote_numbers"] = [n.number for n in article.footnotes]
        expect["footnote_urls"] = [n.urls for n in article.footnotes]
    if article.related:
        expect["related_count"] = len(article.related)
        expect["related_titles"] = [r.title for r in article.related]
    if article.truncated:
        expect["truncated"] = True
    expect["body_contains"] = _snippets(article.body_text)
    fetched = article.fetched_url or article.url
    case = {"url": article.url if fetched.startswith("file:") else fetched}
    if profile is not None:
        case["site"] = profile.name
    case["why"] = f"Recorded by `ess-crawler check` from {origin}; review the expected values."
    case["expect"] = expect
    return case


def new_case_folder(directory: Path, article: Article, profile: SiteProfile | None, force: bool = False) -> Path:
    """The folder the case of this article goes to; CheckError if a case is there already, unless `force`."""
    folder = directory / case_slug(article, profile)
    if not force and any((folder / name).exists() for name in ("case.json", "page.html")):
        raise CheckError(f"{folder / 'case.json'} already exists (a reviewed case?): "
                         "compare it with this output, or add --force to replace it")
    return folder


def save_case(directory: Path, source: Source, article: Article, profile: SiteProfile | None,
              force: bool = False) -> Path:
    """Write DIR/<slug>/page.html and case.json; returns the case folder.

    A case already there (reviewed, maybe corrected by hand) is kept: CheckError unless `force`.
    """
    folder = new_case_folder(directory, article, profile, force)
    case = case_for(article, profile, source.origin)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "page.html").write_bytes(source.html)
        (folder / "case.json").write_text(json.dumps(case, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise CheckError(f"cannot save the case in {folder}: {exc.strerror or exc}") from None
    return folder
