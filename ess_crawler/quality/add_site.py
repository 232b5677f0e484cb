"""`ess-crawler add-site URL`: look at an unknown site and write a draft profile that crawls.

What it asks the site, politely (robots.txt obeyed, the project's User-Agent, a pause
between requests), in order:

1. `robots.txt`, for its rules and its `Sitemap:` lines;
2. the sitemaps: those robots.txt names, then WordPress core's `wp-sitemap.xml`, the
   `sitemap_index.xml` of Yoast and Rank Math, a plain `sitemap.xml` (indexes followed,
   post sitemaps told from page, taxonomy and author ones);
3. the home page: the CMS (generator, `wp-content`, `/wp-json/`, `spip.php`, Drupal's
   settings), the language, the feeds it links to, its links;
4. the feeds (those linked, else `/feed/`, `/rss.xml`, `spip.php?page=backend`);
5. the WordPress REST API (`/wp-json/wp/v2/posts` and `pages`), where the site has one.

From the article URLs these list (REST posts first, else post sitemaps, else feeds, else
home page links) it infers the article URL patterns, keeping out the URLs it knows are not
articles (pages, terms, authors, listings); then the listing patterns, the start URLs,
the title suffix. It extracts three articles with the draft profile and reports each
field with the rule behind it. `profile_toml` writes the draft with comments saying what
was found; it crawls as it stands.

No Scrapy here: plain `urllib`, like `ess-crawler check`. `base_url` fetches a mirror of
the site (the bundled samples) while every URL stays the public one.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree

from ess_crawler.extract import ExtractionError, extract_article, load_page
from ess_crawler.items import Article
from ess_crawler.profiles import SiteProfile, profile_from_dict
from ess_crawler.quality.check import CheckError, field_rows, http_get, robots_allows
from ess_crawler.quality.url_patterns import infer_article_patterns, readable_escape, url_target

SAMPLE_ARTICLES = 3
# paths that are never articles on a WordPress site
_WP_NOT_ARTICLES = ("category", "tag", "author", "page", "feed", "comments", "search", "wp-admin",
                    "wp-content", "wp-includes", "wp-json", "wp-login.php", "type", "attachment")
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class AddSiteError(CheckError):
    """The site could not be read well enough to write a profile; the message says why."""


@dataclass
class Finding:
    """One thing asked of the site and what it said."""

    what: str
    url: str
    status: int | None
    note: str = ""


@dataclass
class SiteReport:
    """Everything add-site found, and the draft profile made of it."""

    origin: str
    name: str
    title: str = ""
    cms: str = ""
    cms_evidence: list[str] = field(default_factory=list)
    language: str = "fr"
    findings: list[Finding] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # readable sitemaps (indexes included)
    robots_sitemaps: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    wp_rest: bool = False
    article_candidates: list[str] = field(default_factory=list)
    sitemap_urls: list[str] = field(default_factory=list)  # URLs of sitemaps that say nothing of their type
    article_source: str = ""
    not_articles: set[str] = field(default_factory=set)
    lastmod: bool = False
    article_urls: list[str] = field(default_factory=list)
    listing_urls: list[str] = field(default_factory=list)
    start_urls: list[str] = field(default_factory=list)
    title_suffixes: list[str] = field(default_factory=list)
    samples: list[tuple[str, Article | None, str]] = field(default_factory=list)  # url, article, error
    profile: SiteProfile | None = None
    home_ok: bool = False


class Prober:
    """GETs on one site: robots.txt obeyed, a pause between requests, a mirror when asked."""

    def __init__(self, origin: str, base_url: str | None = None, delay: float = 1.0, timeout: float = 20):
        self.origin = origin
        self.base_url = (base_url or "").rstrip("/")
        self.delay = delay
        self.timeout = timeout
        self._last = 0.0
        self.robots: str | None = None
        self.robots_status = 404
        self.requests = 0

    def to_fetch(self, url: str) -> str:
        if not self.base_url:
            return url
        parts, origin, base = urlsplit(url), urlsplit(self.origin), urlsplit(self.base_url)
        if parts.netloc != origin.netloc:
            return url
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))

    def to_public(self, url: str) -> str:
        if self.base_url and url.startswith(self.base_url):
            parts, origin = urlsplit(url), urlsplit(self.origin)
            return urlunsplit((origin.scheme, origin.netloc, parts.path, parts.query, ""))
        return url

    def get(self, url: str) -> tuple[int | None, bytes, str]:
        """(status, body, content type) of one polite GET of a public URL; status None when unreachable."""
        if self.robots is not None and not robots_allows(self.robots, self.robots_status, url):
            return None, b"", "robots.txt forbids it"
        wait = self._last + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self.requests += 1
        try:
            status, body, ctype = http_get(self.to_fetch(url), self.timeout)
        except OSError as exc:
            return None, b"", str(getattr(exc, "reason", exc))
        finally:
            self._last = time.monotonic()
        if body[:2] == b"\x1f\x8b":
            try:
                body = gzip.decompress(body)
            except OSError:
                pass
        return status, body, ctype


# ------------------------------------------------------------------ the probe

def probe(url: str, name: str | None = None, base_url: str | None = None, delay: float = 1.0,
          samples: int = SAMPLE_ARTICLES) -> SiteReport:
    """Ask the site at `url` what it offers and make a draft profile of it."""
    parts = urlsplit(url if "://" in url else "https://" + url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AddSiteError(f"{url!r} is not an http(s) URL")
    origin = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    report = SiteReport(origin=origin, name=name or default_name(parts.hostname))
    prober = Prober(origin, base_url, delay)

    _probe_robots(prober, report)
    home_status, home, _ = prober.get(origin + "/")
    report.findings.append(Finding("home page", origin + "/", home_status, f"{len(home)} bytes"))
    page = load_page(home, origin + "/") if home_status == 200 else None
    report.home_ok = page is not None
    home_links = _read_home(page, prober, report) if page is not None else []
    _probe_sitemaps(prober, report)
    if report.cms == "wordpress" or any("/wp-json/" in link for link in home_links) or report.cms == "":
        _probe_wp_rest(prober, report)
    _probe_feeds(prober, report)
    if not report.article_candidates and report.sitemap_urls:
        listings = [u for u in report.sitemap_urls if _listing_like(u, report.sitemap_urls)]
        report.not_articles.update(listings)
        report.article_candidates = [u for u in report.sitemap_urls if u not in listings]
        report.article_source = "sitemap (without its listing pages)"
    if not report.article_candidates:
        report.article_candidates = [u for u in home_links if _looks_like_article(u)]
        report.article_source = "home page links"
    if report.sitemap_urls:  # the listing pages a sitemap names are not articles
        report.not_articles.update(u for u in report.sitemap_urls if _listing_like(u, report.sitemap_urls)
                                   and u not in report.article_candidates)
    report.article_candidates = _unique([u for u in report.article_candidates if _same_site(u, origin)])
    if not report.article_candidates:
        raise AddSiteError(f"{origin}: no sitemap, feed, REST API or home page link gave an article URL")
    _infer_patterns(report, home_links, prober)
    report.profile = profile_from_dict(_profile_data(report), source_file=f"{report.name}.toml (draft)")
    _extract_samples(prober, report, samples)
    return report


def _probe_robots(prober: Prober, report: SiteReport) -> None:
    url = report.origin + "/robots.txt"
    status, body, _ = prober.get(url)
    prober.robots_status = status or 404
    text = body.decode("utf-8", errors="replace") if status == 200 else None
    prober.robots = text if text is not None else ""
    found = []
    for line in (text or "").splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            found.append(prober.to_public(urljoin(url, value.strip())))
    report.robots_sitemaps = _unique(found)
    report.findings.append(Finding("robots.txt", url, status,
                                   f"{len(found)} Sitemap: line(s)" if text is not None else "none"))
    if status in (401, 403) or (status or 0) >= 500:
        raise AddSiteError(f"robots.txt of {report.origin} answered {status}: the site forbids crawling")


def _read_home(page, prober: Prober, report: SiteReport) -> list[str]:
    """CMS, language, site title and feeds from the home page; its links (public URLs)."""
    root = page.root
    generator = " ".join(root.xpath('//meta[@name="generator"]/@content'))
    raw = html.unescape(etree.tostring(root, encoding="unicode")[:300_000])
    evidence = {"wordpress": [], "spip": [], "drupal": []}
    if "wordpress" in generator.lower():
        evidence["wordpress"].append(f"generator {generator.strip()!r}")
    if "/wp-content/" in raw or "/wp-includes/" in raw:
        evidence["wordpress"].append("wp-content/ assets")
    if "/wp-json/" in raw:
        evidence["wordpress"].append("a /wp-json/ link")
    if "spip" in generator.lower():
        evidence["spip"].append(f"generator {generator.strip()!r}")
    if "spip.php" in raw:
        evidence["spip"].append("spip.php links")
    if "drupal" in generator.lower():
        evidence["drupal"].append(f"generator {generator.strip()!r}")
    if "drupal-settings-json" in raw or "/sites/default/files/" in raw or "Drupal.settings" in raw:
        evidence["drupal"].append("Drupal settings or files")
    cms, found = max(evidence.items(), key=lambda kv: len(kv[1]))
    if found:
        report.cms, report.cms_evidence = cms, found
    lang = (root.get("lang") or "").split("-")[0].lower()
    if lang:
        report.language = lang
    site_name = root.xpath('//meta[@property="og:site_name"]/@content')
    title = root.xpath("//title/text()")
    report.title = " ".join((site_name or title or [report.name])[0].split())
    for href in root.xpath('//link[@rel="alternate"][contains(@type, "rss") or contains(@type, "atom")]/@href'):
        feed = prober.to_public(urljoin(report.origin + "/", href.strip()))
        if "comments" not in feed and _same_site(feed, report.origin):
            report.feeds.append(feed)
    links = []
    for href in root.xpath("//a/@href"):
        href = href.strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        link = prober.to_public(urljoin(report.origin + "/", href)).split("#", 1)[0]
        if _same_site(link, report.origin):
            links.append(link)
    return _unique(links)


def _probe_sitemaps(prober: Prober, report: SiteReport) -> None:
    """Read the sitemaps robots.txt names, else the usual places; follow indexes."""
    queue = list(report.robots_sitemaps) or [report.origin + p for p in (
        "/wp-sitemap.xml", "/sitemap_index.xml", "/sitemap.xml")]
    seen: set[str] = set()
    posts, others = [], []
    while queue and len(seen) < 20:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        status, body, _ = prober.get(url)
        if status != 200:
            report.findings.append(Finding("sitemap", url, status, "absent"))
            continue
        try:
            root = etree.fromstring(body, parser=etree.XMLParser(recover=True, resolve_entities=False,
                                                                no_network=True))
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            report.findings.append(Finding("sitemap", url, status, "not XML"))
            continue
        kind = _sitemap_kind(url, body)
        if kind in ("Yoast", "Rank Math", "WordPress core") and not report.cms:
            report.cms = "wordpress"
        if kind in ("Yoast", "Rank Math", "WordPress core") and report.cms == "wordpress":
            evidence = f"{kind} sitemaps"
            if evidence not in report.cms_evidence:
                report.cms_evidence.append(evidence)
        locs = [(prober.to_public(urljoin(url, (e.findtext(f"{_SITEMAP_NS}loc") or "").strip())),
                 e.findtext(f"{_SITEMAP_NS}lastmod")) for e in root.iter(f"{_SITEMAP_NS}url", f"{_SITEMAP_NS}sitemap")]
        if root.tag == f"{_SITEMAP_NS}sitemapindex":
            report.sitemaps.append(url)
            report.findings.append(Finding("sitemap index", url, status, f"{kind}, {len(locs)} sitemap(s)"))
            for loc, _ in locs:
                role = _sitemap_role(loc)
                if role in ("post", "any"):
                    queue.insert(0, loc)
                elif role == "page" or role == "term":
                    queue.append(loc)
            continue
        role = _sitemap_role(url)
        report.sitemaps.append(url)
        dated = sum(1 for _, lastmod in locs if lastmod)
        report.findings.append(Finding(f"sitemap ({role})", url, status,
                                       f"{kind}, {len(locs)} URL(s), {dated} with lastmod"))
        urls = [loc for loc, _ in locs if _same_site(loc, report.origin)]
        if role in ("page", "term", "author"):
            report.not_articles.update(urls)
        elif role == "post":
            posts += urls
            report.lastmod = report.lastmod or dated > 0
        else:
            others += urls
            report.lastmod = report.lastmod or dated > 0
    if posts:
        report.article_candidates, report.article_source = posts, "post sitemaps"
    report.sitemap_urls = others


def _sitemap_kind(url: str, body: bytes) -> str:
    head = body[:2000].decode("utf-8", errors="replace").lower()
    if "yoast" in head:
        return "Yoast"
    if "rank math" in head or "rankmath" in head or "main-sitemap.xsl" in head:
        return "Rank Math"
    if "wp-sitemap" in url or "wp-sitemap" in head:
        return "WordPress core"
    return "sitemap"


def _sitemap_role(url: str) -> str:
    """post, page, term, author or any, from a sitemap's file name (core, Yoast, Rank Math)."""
    name = urlsplit(url).path.rsplit("/", 1)[-1].lower()
    if re.search(r"wp-sitemap-posts-post-|^post-sitemap\d*\.xml|^news-sitemap", name):
        return "post"
    if re.search(r"wp-sitemap-posts-page-|^page-sitemap", name):
        return "page"
    if re.search(r"wp-sitemap-taxonomies-|^(category|post_tag|tag)-sitemap", name):
        return "term"
    if re.search(r"wp-sitemap-users-|^author-sitemap", name):
        return "author"
    if re.search(r"wp-sitemap-posts-|-sitemap\d*\.xml$", name):
        return "page"  # another post type (products, events...): not news
    return "any"


def _probe_wp_rest(prober: Prober, report: SiteReport) -> None:
    # the very request the spider makes (a mirror keeps it as a file)
    url = (report.origin + "/wp-json/wp/v2/posts?per_page=100&page=1"
           "&_fields=id,link,date_gmt,modified_gmt,categories,tags")
    status, body, _ = prober.get(url)
    try:
        posts = json.loads(body) if status == 200 else None
    except ValueError:
        posts = None
    if not isinstance(posts, list):
        report.findings.append(Finding("WordPress REST API", url, status, "absent or closed"))
        return
    links = [prober.to_public(p["link"]) for p in posts if isinstance(p, dict) and p.get("link")]
    report.wp_rest = True
    report.cms = "wordpress"
    if "REST API" not in " ".join(report.cms_evidence):
        report.cms_evidence.append("a WordPress REST API")
    report.findings.append(Finding("WordPress REST API", url, status, f"{len(links)} post(s) on its first page"))
    if links:
        report.article_candidates, report.article_source = links, "WordPress REST API"
    url = report.origin + "/wp-json/wp/v2/pages?per_page=100&_fields=link"
    status, body, _ = prober.get(url)
    try:
        pages = json.loads(body) if status == 200 else []
    except ValueError:
        pages = []
    if isinstance(pages, list):
        report.not_articles.update(prober.to_public(p["link"]) for p in pages if isinstance(p, dict) and p.get("link"))


def _probe_feeds(prober: Prober, report: SiteReport) -> None:
    import feedparser

    candidates = report.feeds or [report.origin + p for p in {
        "wordpress": ("/feed/",), "spip": ("/spip.php?page=backend",), "drupal": ("/rss.xml",),
    }.get(report.cms, ("/feed/", "/rss.xml", "/spip.php?page=backend"))]
    readable = []
    for url in _unique(candidates)[:3]:
        status, body, _ = prober.get(url)
        feed = feedparser.parse(body) if status == 200 else None
        if not feed or not feed.entries:
            report.findings.append(Finding("feed", url, status, "absent or empty"))
            continue
        readable.append(url)
        links = [prober.to_public(urljoin(url, e.get("link", ""))) for e in feed.entries if e.get("link")]
        report.findings.append(Finding("feed", url, status, f"{feed.version or 'feed'}, {len(links)} entries"))
        if not report.article_candidates:
            report.article_candidates, report.article_source = links, "feed"
    report.feeds = readable


# ------------------------------------------------------------------ patterns

def _infer_patterns(report: SiteReport, home_links: list[str], prober: Prober) -> None:
    not_articles = set(report.not_articles)
    if report.cms == "wordpress":
        not_articles.update(u for u in home_links
                            if urlsplit(u).path.strip("/").split("/")[0] in _WP_NOT_ARTICLES)
    not_articles.add(report.origin + "/")
    candidates = [u for u in report.article_candidates if u not in not_articles]
    reserved = _WP_NOT_ARTICLES if report.cms == "wordpress" else ()
    report.article_urls = infer_article_patterns(candidates, not_articles, reserved)
    if report.cms == "wordpress":
        # WordPress's own listings: the home page, its pages, categories and tags
        report.listing_urls = [r"^/(page/\d+/)?$", r"^/category/[^?#]+/(page/\d+/)?$"]
        # a posts page ("/actualites/") is a home page link many articles are not under but that lists them
    else:
        report.listing_urls = [r"^/$"]
    sections = Counter(urlsplit(u).path.strip("/").split("/")[0] for u in candidates
                       if urlsplit(u).path.strip("/").count("/") >= 1)
    start = [report.origin + "/"] if report.home_ok else []
    article_res = [re.compile(p) for p in report.article_urls]
    for section, n in sections.most_common(2):
        if n >= max(2, 0.3 * len(candidates)) and not re.fullmatch(r"\d+", section):
            tried = [u for u in home_links if urlsplit(u).path.rstrip("/") == "/" + section]
            tried = tried or [report.origin + "/" + section + "/", report.origin + "/" + section]
            for link in tried:
                if any(r.search(url_target(link)) for r in article_res):
                    continue
                if link not in home_links and prober.get(link)[0] != 200:
                    continue
                slash = "/" if link.endswith("/") else ""
                report.listing_urls.append(rf"^/{readable_escape(section)}{slash}(page/\d+/|\?page=\d+)?$")
                start.append(link)
                break
    # SPIP sections and rubric pages (-Rubrique-) listed on the home page
    if report.cms == "spip":
        report.listing_urls.append(r"^/-[^/]+-(\?debut_articles=\d+)?$")
    # the home page's own pagination links (?page=N, page/N/, debut_articles=N)
    for link in home_links:
        target = url_target(link)
        m = re.fullmatch(r"/([^?]*?)(?:\?(page|debut_[a-z]+)=\d+|page/\d+/)", target)
        if m and not any(r.search(target) for r in article_res):
            prefix = readable_escape(m.group(1))
            pattern = rf"^/{prefix}(\?{m.group(2)}=\d+|page/\d+/)?$" if m.group(2) else rf"^/{prefix}(page/\d+/)?$"
            if pattern not in report.listing_urls:
                report.listing_urls.append(pattern)
            base = report.origin + "/" + m.group(1)
            if base not in start:
                start.append(base)
    report.start_urls = _unique(start) or [report.origin + "/"]


def _profile_data(report: SiteReport) -> dict:
    host = urlsplit(report.origin).hostname or ""
    data = {"name": report.name, "title": report.title or report.name, "origin": report.origin,
            "domains": [host.removeprefix("www.")] if host.startswith("www.") else [host],
            "article_urls": report.article_urls, "listing_urls": report.listing_urls,
            "start_urls": report.start_urls, "language": report.language}
    if report.cms:
        data["cms"] = report.cms
    if report.feeds:
        data["feeds"] = report.feeds
    extra = [s for s in report.sitemaps if s not in report.robots_sitemaps and not _is_index_child(s, report)]
    if extra:
        data["sitemaps"] = extra
    if report.wp_rest and report.cms != "wordpress":
        data["wp_rest"] = True
    if report.title_suffixes:
        data["title_suffixes"] = report.title_suffixes
    return data


def _is_index_child(url: str, report: SiteReport) -> bool:
    """A sitemap read through an index (the index is enough for the crawler)."""
    indexes = [s for s in report.sitemaps if s.endswith(("/wp-sitemap.xml", "/sitemap_index.xml"))]
    return bool(indexes) and url not in indexes


# ------------------------------------------------------------------ samples

def _extract_samples(prober: Prober, report: SiteReport, count: int) -> None:
    profile = report.profile
    picked = [u for u in report.article_candidates if profile.is_article(u)][:count]
    suffix_votes = Counter()
    for url in picked:
        status, body, ctype = prober.get(url)
        if status != 200:
            report.samples.append((url, None, f"HTTP {status}: {ctype}"))
            continue
        try:
            article = extract_article(body, url, profile)
        except ExtractionError as exc:
            report.samples.append((url, None, str(exc)))
            continue
        report.samples.append((url, article, ""))
        page = load_page(body, url)
        title = " ".join((page.root.xpath("//title/text()") or [""])[0].split()) if page is not None else ""
        for sep in (" – ", " | ", " — ", " - ", " · "):
            if sep in title:
                suffix_votes[sep + title.rsplit(sep, 1)[1]] += 1
                break
    suffix, votes = suffix_votes.most_common(1)[0] if suffix_votes else ("", 0)
    if votes >= 2 or (votes and len(picked) == 1):
        report.title_suffixes = [suffix]
        report.title = suffix.split(" ", 2)[-1].strip() if suffix.startswith(" ") else report.title
        report.profile = profile_from_dict(_profile_data(report), source_file=f"{report.name}.toml (draft)")


# ------------------------------------------------------------------ output

def default_name(host: str) -> str:
    """A profile name from a host name: www.ess-france.org -> ess_france."""
    host = host.lower().removeprefix("www.")
    if re.fullmatch(r"[\d.]+", host):
        return "site_" + host.replace(".", "_")
    parts = host.split(".")
    stem = parts[-2] if len(parts) >= 2 else parts[0]
    return re.sub(r"[^a-z0-9]+", "_", stem).strip("_") or "site"


def _toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _toml_list(values: list[str], literal: bool = False) -> str:
    if literal and all("'" not in v and "\n" not in v for v in values):
        return "[" + ", ".join(f"'{v}'" for v in values) + "]"
    return "[" + ", ".join(_toml_str(v) for v in values) + "]"


def profile_toml(report: SiteReport) -> str:
    """The draft profile, commented with what was found."""
    data = _profile_data(report)
    now = time.strftime("%Y-%m-%d")
    lines = [
        f"# {report.origin} — draft profile written by `ess-crawler add-site` on {now}.",
        f"# CMS: {report.cms or 'not recognised'}"
        + (f" ({', '.join(report.cms_evidence)})" if report.cms_evidence else ""),
    ]
    for f in report.findings:
        lines.append(f"#   {f.what}: {f.url} -> {f.status if f.status is not None else 'unreachable'}"
                     + (f", {f.note}" if f.note else ""))
    lines += [
        f"# Article URLs inferred from {len(report.article_candidates)} URL(s) listed by the {report.article_source}"
        + (f", keeping out {len(report.not_articles)} known non-article URL(s)." if report.not_articles else "."),
        "# Re-crawls: " + ("the REST API's modified_gmt dates each post" if report.wp_rest else
                          "sitemap lastmod dates each article" if report.lastmod else
                          "no listing dates the articles: validators, then conditional requests")
        + ". Review, then add selectors only for what the generic rules get wrong.",
        "",
        f"name = {_toml_str(data['name'])}",
        f"title = {_toml_str(data['title'])}",
        f"origin = {_toml_str(data['origin'])}",
        f"domains = {_toml_list(data['domains'])}",
    ]
    if "cms" in data:
        lines.append(f"cms = {_toml_str(data['cms'])}")
    lines.append(f"language = {_toml_str(data['language'])}")
    lines.append(f"start_urls = {_toml_list(data['start_urls'])}")
    if "feeds" in data:
        lines.append(f"feeds = {_toml_list(data['feeds'])}")
    if "sitemaps" in data:
        lines.append("# sitemaps besides those robots.txt names")
        lines.append(f"sitemaps = {_toml_list(data['sitemaps'])}")
    if data.get("wp_rest"):
        lines.append("wp_rest = true")
    examples = [u for u in report.article_candidates[:2]]
    lines.append("# e.g. " + ", ".join(url_target(u) for u in examples))
    lines.append(f"article_urls = {_toml_list(data['article_urls'], literal=True)}")
    lines.append(f"listing_urls = {_toml_list(data['listing_urls'], literal=True)}")
    if "title_suffixes" in data:
        lines.append(f"title_suffixes = {_toml_list(data['title_suffixes'])}")
    return "\n".join(lines) + "\n"


def report_lines(report: SiteReport) -> list[str]:
    """What was found, for the terminal."""
    lines = [f"Site     {report.origin}  ({report.title})",
             f"CMS      {report.cms or 'not recognised'}"
             + (f"  ({', '.join(report.cms_evidence)})" if report.cms_evidence else ""), ""]
    for f in report.findings:
        status = f.status if f.status is not None else "-"
        lines.append(f"  {f.what:22} {status!s:5} {f.url}  {f.note}")
    lines += ["", f"Articles {len(report.article_candidates)} URL(s) from the {report.article_source}"]
    for pattern in report.article_urls:
        lines.append(f"  article_urls  {pattern}")
    for pattern in report.listing_urls:
        lines.append(f"  listing_urls  {pattern}")
    for url, article, error in report.samples:
        lines += ["", f"Sample   {url}"]
        if article is None:
            lines.append(f"  not extracted: {error}")
            continue
        lines.append(f"  {'field':10} {'rule':28} value")
        for name, rule, value in field_rows(article):
            lines.append(f"  {name:10} {rule or '-':28} {value}")
    return lines


# ------------------------------------------------------------------ helpers

def _same_site(url: str, origin: str) -> bool:
    host, own = urlsplit(url).hostname or "", urlsplit(origin).hostname or ""
    return host == own or host.removeprefix("www.") == own.removeprefix("www.")


def _listing_like(url: str, others: list[str]) -> bool:
    """The home page, a paginated page, a SPIP rubric, or a folder other listed URLs are in."""
    parts = urlsplit(url)
    path = parts.path
    if path.strip("/") == "" or re.search(r"(^|&)(page|debut_[a-z]+|start|offset|p)=\d+", parts.query):
        return True
    if re.fullmatch(r"/-[^/]+-/?", path) or re.search(r"/page/\d+/?$", path):
        return True
    folder = path.rstrip("/") + "/"
    return any(urlsplit(o).path.startswith(folder) and urlsplit(o).path != path for o in others)


def _looks_like_article(url: str) -> bool:
    path = urlsplit(url).path.strip("/")
    last = path.rsplit("/", 1)[-1]
    return bool(path) and (last.count("-") >= 3 or bool(re.search(r"article\d+|\.html$", url)))


def _unique(values) -> list:
    return list(dict.fromkeys(values))
