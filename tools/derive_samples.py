#!/usr/bin/env python3
# ruff: noqa: E501  (theme markup is written out as the themes print it)
"""Derive what must agree with the sample sites' article pages, from those pages.

The article pages under ``ess_crawler/demo/sites/NAME/`` are the source: plain HTML in
each site's CMS markup. This tool reads every page's own metadata (canonical URL,
title, dates, rubric, tags, authors, standfirst, the CMS's node id, the body as the
theme prints it; the fields through the site's profile, with the project's extractor)
and writes, per CMS, the files a crawler discovers the articles by:

* WordPress: ``feed/`` (RSS 2.0, full content), the core sitemaps ``wp-sitemap*.xml``,
  the REST answers ``wp-json/wp/v2/{posts,categories,tags}``, the posts pages and their
  pagination (``/actualites/``, ``/page/N/``, category archives);
* Drupal: ``rss.xml`` (views feed), ``sitemap.xml`` (simple_sitemap), the Views listing
  (``?page=N``, with the full pager);
* SPIP: ``spip.php?page=backend``, ``sitemap.xml``, each rubrique's article list
  (``?debut_articles=N``) and the home's newest articles.

A listing page keeps its theme: the tool rewrites only the loop (one row per article, in
the theme's teaser markup, newest first) and the pager inside the committed page, and
starts a new page from the previous one when the last is full. The listings of chorum
and ressources_solidaires (the seed's two sites, with teasers typed by their editors)
stay plain pages; `tests/test_samples.py` checks that every listing links every article,
newest first. Edition 2 (``sites/edition2/NAME/``, pages that override edition 1 and a
``GONE.txt`` of removed paths) gets its own derived files wherever they differ.

    python tools/derive_samples.py           # rewrite the derived files
    python tools/derive_samples.py --check   # exit 1 and name the stale ones
"""

from __future__ import annotations

import argparse
import copy
import html
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402

from ess_crawler.demo.server import SAMPLES_DIR, sample_sites  # noqa: E402
from ess_crawler.extract import extract_article  # noqa: E402
from ess_crawler.profiles import SiteProfile, get_profile  # noqa: E402

PARIS = ZoneInfo("Europe/Paris")
FEED_ITEMS = 10
WP_VERSION = "6.4.3"
REST_FIELDS = {"categories": "id,name", "tags": "id,name", "posts": "id,link,date_gmt,modified_gmt,categories,tags"}
# what the channel of each site's feed says about the site (the site's own settings)
TAGLINES = {
    "avise": "Développer l’économie sociale et solidaire",
    "carenews": "Le média de l’engagement",
    "chorum": "Mutuelle de protection sociale de l’économie sociale et solidaire",
    "ess_et_societe": "L’information de l’économie sociale et solidaire",
    "ess_france": "Chambre française de l’économie sociale et solidaire",
    "fonda": "Fabrique associative",
    "lelabo_ess": "Think tank de l’économie sociale et solidaire",
    "mediatico": "Le média de l’économie sociale et solidaire",
    "mouvement_associatif": "La voix des associations",
    "ressources_solidaires": "Ressources Solidaires, l’économie sociale et solidaire en actions",
    "rtes": "Réseau des collectivités Territoriales pour une Économie Solidaire",
}


@dataclass
class Page:
    """One article page, as its markup states it."""

    url: str
    title: str
    published: str
    modified: str | None
    category: str
    tags: list[str]
    authors: list[str]
    lead: str
    node_id: int | None
    content_html: str
    category_url: str | None = None
    author_urls: list[str] = field(default_factory=list)
    html: str = field(default="", repr=False)        # the page as served

    @property
    def when(self) -> datetime:
        return to_datetime(self.published)

    @property
    def changed(self) -> str:
        return w3c(self.modified or self.published)


# ---------------------------------------------------------------- reading the pages

def to_datetime(value: str) -> datetime:
    """A page's date as an aware datetime (a bare day is midnight, a naive time is Paris time)."""
    if len(value) == 10:        # a day only: noon, so that it is the same day in UTC
        d = date.fromisoformat(value)
        return datetime(d.year, d.month, d.day, 12, tzinfo=PARIS)
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=PARIS)


def w3c(value: str) -> str:
    """A sitemap lastmod: a bare day as it is, a time with its offset."""
    return value if len(value) == 10 else to_datetime(value).isoformat()


def rfc822(value: datetime) -> str:
    return format_datetime(value.astimezone(timezone.utc))


def gmt(value: datetime) -> str:
    """WordPress's `*_gmt` form: UTC, no offset."""
    return value.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")


def url_of_file(root: Path, file: Path) -> str:
    """The path the sample server answers with `file` (the reverse of server.resolve)."""
    rel = file.relative_to(root).as_posix()
    stem, _, query = rel.partition("@")
    if query:
        query = re.sub(r"\.(html|xml|json)$", "", query)
    if stem.endswith("index.html"):
        path = "/" + stem[: -len("index.html")]
    else:
        path = "/" + re.sub(r"\.html$", "", stem)
    if path != "/" and stem.endswith("index.html") and query:
        path = path.rstrip("/") + "/"
    return path + (f"?{query}" if query else "")


CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
NODE_ID = re.compile(r'\bpostid-(\d+)\b|data-history-node-id="(\d+)"')


def inner_html(element) -> str:
    parts = [html.escape(element.text, quote=False)] if element.text else []
    parts += [lxml.html.tostring(child, encoding="unicode") for child in element]
    return "".join(parts).strip()


def content_of(doc, cms: str) -> str:
    """The article body as the theme prints it (WordPress's entry content, SPIP's chapô and texte)."""
    if cms == "wordpress":            # the_content as feeds print it: without the plugins' share and related blocks
        found = [copy.deepcopy(e) for e in doc.cssselect(".entry-content")]
        for e in found:
            for extra in e.cssselect(".sharedaddy, .yarpp, .jp-relatedposts"):
                extra.drop_tree()
    elif cms == "spip":
        found = doc.cssselect(".chapo") + doc.cssselect(".texte")
    else:
        found = []
    return "\n".join(inner_html(e) for e in found)


def read_page(text: str, url: str, profile: SiteProfile) -> Page:
    article = extract_article(text, url, profile)
    doc = lxml.html.fromstring(text)
    found = NODE_ID.search(text)
    cat_links = [a.get("href") for a in doc.cssselect('a[rel~="category"], .taxonomy-category a')
                 if a.text_content().strip() == article.category]
    author_links = [a.get("href") for a in doc.cssselect('a[rel="author"], .wp-block-post-author-name a')]
    return Page(url=article.url, title=article.title, published=article.published or "", modified=article.modified,
                category=article.category or "", tags=list(article.tags), authors=list(article.authors),
                lead=" ".join((article.lead or "").split()),
                node_id=int(next(g for g in found.groups() if g)) if found else None,
                content_html=content_of(doc, profile.cms), category_url=cat_links[0] if cat_links else None,
                author_urls=list(dict.fromkeys(author_links)), html=text)


@dataclass
class Site:
    name: str
    profile: SiteProfile
    articles: list[Page]        # newest first
    listings: list[str]         # URLs of the listing pages (home first)
    roots: list[Path] = field(default_factory=list)     # where its files are, the overlay first


def read_site(name: str, edition: int = 1) -> Site:
    """Every article page of the site (edition 2: its overlay over edition 1, less what is gone)."""
    profile = get_profile(name)
    roots = [SAMPLES_DIR / name]
    gone: set[str] = set()
    overlay = SAMPLES_DIR / f"edition{edition}" / name
    if edition > 1 and overlay.is_dir():
        roots.insert(0, overlay)
        if (overlay / "GONE.txt").is_file():
            gone = set((overlay / "GONE.txt").read_text().split())
    files: dict[str, tuple[Path, Path]] = {}
    for root in reversed(roots):        # the overlay wins
        for file in root.rglob("*.html"):
            files[file.relative_to(root).as_posix()] = (root, file)
    origin = profile.origin.rstrip("/")
    articles, listings = [], set()
    for _, (root, file) in sorted(files.items()):
        if url_of_file(root, file) in gone:
            continue
        text = file.read_text(encoding="utf-8")
        canonical = CANONICAL.search(text)
        url = canonical.group(1) if canonical else origin + url_of_file(root, file)
        if url[len(origin):] in gone:
            continue
        if profile.is_article(url):
            articles.append(read_page(text, url, profile))
        elif url == origin + "/" or profile.is_listing(url):
            listings.add(url)
    articles.sort(key=lambda p: (p.when, p.url), reverse=True)
    home = origin + "/"
    ordered = [home] + sorted(u for u in listings if u != home)
    return Site(name=name, profile=profile, articles=articles, listings=ordered, roots=roots)


# ---------------------------------------------------------------- writing what is derived

def esc(text: str) -> str:
    return html.escape(text, quote=False)


def excerpt(page: Page, limit: int = 300) -> str:
    text = page.lead or re.sub(r"<[^>]+>", " ", page.content_html)
    text = " ".join(html.unescape(text).split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + " (…)"


def urlset(rows: list[tuple[str, str | None]], stylesheet: str = "") -> str:
    urls = "".join(f"<url><loc>{esc(loc)}</loc>" + (f"<lastmod>{lm}</lastmod>" if lm else "") + "</url>\n"
                   for loc, lm in rows)
    xsl = f'<?xml-stylesheet type="text/xsl" href="{stylesheet}" ?>\n' if stylesheet else ""
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{xsl}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'


def wordpress(site: Site) -> dict[str, str]:
    o = site.profile.origin.rstrip("/")
    items = []
    for p in site.articles[:FEED_ITEMS]:
        cats = "".join(f"\t\t<category><![CDATA[{c}]]></category>\n" for c in [p.category, *p.tags] if c)
        creator = f"\t\t<dc:creator><![CDATA[{', '.join(p.authors)}]]></dc:creator>\n" if p.authors else ""
        items.append(f"""	<item>
		<title>{esc(p.title)}</title>
		<link>{p.url}</link>
{creator}		<pubDate>{rfc822(p.when)}</pubDate>
{cats}		<guid isPermaLink="false">{o}/?p={p.node_id}</guid>
		<description><![CDATA[{excerpt(p)} [&#8230;]]]></description>
		<content:encoded><![CDATA[{p.content_html}]]></content:encoded>
	</item>
""")
    newest = site.articles[0].when if site.articles else datetime(2015, 1, 1, tzinfo=timezone.utc)
    files = {"feed/index.html": f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	>

<channel>
	<title>{esc(site.profile.title)}</title>
	<atom:link href="{o}/feed/" rel="self" type="application/rss+xml" />
	<link>{o}</link>
	<description>{esc(TAGLINES.get(site.name, ""))}</description>
	<lastBuildDate>{rfc822(newest)}</lastBuildDate>
	<language>fr-FR</language>
	<generator>https://wordpress.org/?v={WP_VERSION}</generator>
{"".join(items)}</channel>
</rss>
"""}
    xsl = f"{o}/wp-sitemap.xsl"
    categories = sorted({p.category_url for p in site.articles if p.category_url})
    authors = sorted({u for p in site.articles for u in p.author_urls})
    subs = {
        "wp-sitemap-posts-post-1.xml": urlset([(p.url, to_datetime(p.modified or p.published)
                                                .astimezone(timezone.utc).isoformat()) for p in site.articles], xsl),
        "wp-sitemap-posts-page-1.xml": urlset([(f"{o}/", None)], xsl),
        "wp-sitemap-taxonomies-category-1.xml": urlset([(u, None) for u in categories], xsl),
        "wp-sitemap-users-1.xml": urlset([(u, None) for u in authors], xsl),
    }
    index = "".join(f"<sitemap><loc>{o}/{name}</loc></sitemap>\n" for name in subs)
    files.update(subs)
    files["wp-sitemap.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" '
                               f'href="{o}/wp-sitemap-index.xsl" ?>\n<sitemapindex xmlns="http://www.sitemaps.org/'
                               f'schemas/sitemap/0.9">\n{index}</sitemapindex>\n')
    files.update(wp_rest(site))
    files.update(wp_listings(site))
    return files


def wp_rest(site: Site) -> dict[str, str]:
    """`/wp-json/wp/v2/{categories,tags,posts}?per_page=100&page=1&_fields=…` as WordPress answers."""
    categories: dict[str, int] = {}
    tags: dict[str, int] = {}
    posts = []
    for p in sorted(site.articles, key=lambda p: p.url):        # ids in a stable order
        cat_ids = [categories.setdefault(p.category, 100 + len(categories))] if p.category else []
        tag_ids = [tags.setdefault(t, 200 + len(tags)) for t in p.tags]
        posts.append({"id": p.node_id, "link": p.url, "date_gmt": gmt(p.when),
                      "modified_gmt": gmt(to_datetime(p.modified or p.published)),
                      "categories": cat_ids, "tags": tag_ids})
    posts.sort(key=lambda p: (p["date_gmt"], p["link"]), reverse=True)
    answers = {"categories": [{"id": i, "name": n} for n, i in sorted(categories.items(), key=lambda kv: kv[1])],
               "tags": [{"id": i, "name": n} for n, i in sorted(tags.items(), key=lambda kv: kv[1])],
               "posts": posts}
    return {f"wp-json/wp/v2/{kind}@per_page=100&page=1&_fields={REST_FIELDS[kind]}.json":
            json.dumps(data, ensure_ascii=False, indent=1) + "\n" for kind, data in answers.items()}


def sitemap_rows(site: Site) -> list[tuple[str, str | None]]:
    newest = max((p.changed for p in site.articles), key=to_datetime, default=None)
    return [(u, newest) for u in site.listings] + [(p.url, p.changed) for p in site.articles]


def drupal(site: Site) -> dict[str, str]:
    o = site.profile.origin.rstrip("/")
    items = []
    for p in site.articles[:FEED_ITEMS]:
        guid = f"{p.node_id} at {o}" if p.node_id else p.url
        creator = ", ".join(p.authors) or site.profile.title
        items.append(f"""<item>
  <title>{esc(p.title)}</title>
  <link>{p.url}</link>
  <description>{esc(f"<p>{esc(excerpt(p))}</p>")}</description>
  <pubDate>{rfc822(p.when)}</pubDate>
    <dc:creator>{esc(creator)}</dc:creator>
    <guid isPermaLink="false">{guid}</guid>
    </item>
""")
    rss = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xml:base="{o}/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{esc(site.profile.title)}</title>
    <link>{o}/</link>
    <description>{esc(TAGLINES.get(site.name, ""))}</description>
    <language>fr</language>
    <atom:link href="{o}/rss.xml" rel="self" type="application/rss+xml" />
{"".join(items)}  </channel>
</rss>
"""
    return {"rss.xml": rss, "sitemap.xml": urlset(sitemap_rows(site), f"{o}/sitemap_generator/default/sitemap.xsl"),
            **drupal_listing(site)}


def spip(site: Site) -> dict[str, str]:
    o = site.profile.origin.rstrip("/")
    items = []
    for p in site.articles[:FEED_ITEMS]:
        subjects = "".join(f"\t\t<dc:subject>{esc(t)}</dc:subject>\n" for t in sorted(p.tags))
        items.append(f"""	<item xml:lang="fr">
		<title>{esc(p.title)}</title>
		<link>{p.url}</link>
		<guid isPermaLink="true">{p.url}</guid>
		<dc:date>{p.when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}</dc:date>
		<dc:format>text/html</dc:format>
		<dc:language>fr</dc:language>
		<dc:creator>{esc(", ".join(p.authors) or site.profile.title)}</dc:creator>
{subjects}		<description>{esc(excerpt(p))}</description>
		<content:encoded>{esc(p.content_html)}</content:encoded>
	</item>
""")
    backend = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
>

<channel xml:lang="fr">
	<title>{esc(site.profile.title)}</title>
	<link>{o}/</link>
	<description>{esc(TAGLINES.get(site.name, ""))}</description>
	<language>fr</language>
	<generator>SPIP - www.spip.net</generator>

{"".join(items)}</channel>

</rss>
"""
    return {"spip.php@page=backend.xml": backend, "sitemap.xml": urlset(sitemap_rows(site)), **spip_listings(site)}


# ---------------------------------------------------------------- Drupal listings (Views pages)

FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
FR_DAYS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]


def fr_day(d: datetime) -> str:
    """`9 mai 2023`, as PHP's date formats print it (no "1er")."""
    return f"{d.day} {FR_MONTHS[d.month - 1]} {d.year}"


def trimmed(page: Page, limit: int = 180) -> str:
    """Views' trimmed text of the standfirst: cut on a word, an ellipsis after."""
    text = page.lead
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")
    return text + "…"


def first(pattern: str, text: str) -> str:
    found = re.search(pattern, text, re.S)
    if not found:
        raise ValueError(f"not in the page: {pattern}")
    return found.group(1)


def path_of(page: Page, site: Site) -> str:
    return page.url[len(site.profile.origin.rstrip("/")):]


def avise_row(site: Site, p: Page) -> str:
    return (f'<div class="views-row"><article class="node node--type-actualite node--view-mode-teaser">'
            f'<h2 class="node__title"><a href="{path_of(p, site)}" rel="bookmark"><span class="field field--name-title '
            f'field--type-string field--label-hidden">{html.escape(p.title)}</span></a></h2>'
            f'<div class="node__meta"><span class="node__date">Publié le {fr_day(p.when)}</span></div>'
            f'<div class="node__content"><div class="clearfix text-formatted field field--name-field-chapo '
            f'field--type-text-long field--label-hidden field__item"><p>{esc(trimmed(p))}</p></div></div></article></div>')


def carenews_row(site: Site, p: Page) -> str:
    organisation = first(r'field--name-field-organisation.*?<div class="field__item">(<a [^>]*>[^<]*</a>)</div>', p.html)
    created = first(r'(<time datetime="[^"]*" class="datetime">[^<]*</time>)', p.html)
    return (f'<div class="views-row"><div class="card-news"><div class="views-field views-field-title"><h3 '
            f'class="field-content"><a href="{path_of(p, site)}" hreflang="fr">{html.escape(p.title)}</a></h3></div>'
            f'<div class="views-field views-field-field-organisation"><div class="field-content">{organisation}</div></div>'
            f'<div class="views-field views-field-field-date-de-publication"><div class="field-content">{created}</div>'
            f'</div><div class="views-field views-field-field-accroche"><div class="field-content">{esc(trimmed(p))}'
            f'</div></div></div></div>')


def ess_france_row(site: Site, p: Page) -> str:
    kind = first(r'field--name-field-type-de-ressource[^>]*>(<a [^>]*>[^<]*</a>)', p.html)
    region = first(r'field--name-field-region[^>]*>([^<]*)</div>', p.html)
    created = first(r'(<time datetime="[^"]*" title="[^"]*" class="datetime">[^<]*</time>)', p.html)
    return (f'<div class="views-row"><div class="views-field views-field-field-type-de-ressource"><div '
            f'class="field-content">{kind}</div></div><div class="views-field views-field-field-region"><div '
            f'class="field-content">{region}</div></div><div class="views-field views-field-title"><h3 '
            f'class="field-content"><a href="{path_of(p, site)}" hreflang="fr">{html.escape(p.title)}</a></h3></div>'
            f'<div class="views-field views-field-created"><span class="field-content">{created}</span></div>'
            f'<div class="views-field views-field-field-chapeau"><div class="field-content">{esc(trimmed(p))}</div>'
            f'</div></div>')


def fonda_row(site: Site, p: Page) -> str:
    submitted = first(r'<div class="node__submitted">([^<]*)</div>', p.html)
    return f"""<div class="views-row"><article data-history-node-id="{p.node_id}" class="node node--type-ressource node--view-mode-teaser">
  <div class="field field--name-field-type-de-publication field--type-entity-reference field--label-hidden field__item">{esc(p.category)}</div>
  <h3 class="node__title"><a href="{path_of(p, site)}" rel="bookmark"><span class="field field--name-title field--type-string field--label-hidden">{html.escape(p.title)}</span></a></h3>
  <div class="node__submitted">{submitted}</div>
</article></div>"""


def drupal_pager(page: int, pages: int) -> str:
    """The Views full pager (Drupal 9/10 markup, relative `?page=N` links)."""
    items = []

    def li(cls: str, target: int, title: str, inner: str, rel: str = "") -> str:
        rel_attr = f' rel="{rel}"' if rel else ""
        return (f'<li class="pager__item{cls}">\n          <a href="?page={target}" title="{title}"{rel_attr}>\n'
                f"{inner}\n          </a>\n        </li>")

    if page > 0:
        items.append(li(" pager__item--first", 0, "Aller à la première page",
                        '<span class="visually-hidden">Première page</span>\n<span aria-hidden="true">« Premier</span>'))
        items.append(li(" pager__item--previous", page - 1, "Aller à la page précédente",
                        '<span class="visually-hidden">Page précédente</span>\n'
                        '<span aria-hidden="true">‹ Précédent</span>', "prev"))
    for i in range(pages):
        cls, title = (" is-active", "Page courante") if i == page else ("", f"Aller à la page {i + 1}")
        label = "Page courante" if i == page else "Page"
        items.append(li(cls, i, title, f'<span class="visually-hidden">\n              {label}\n            </span>{i + 1}'))
    if page < pages - 1:
        items.append(li(" pager__item--next", page + 1, "Aller à la page suivante",
                        '<span class="visually-hidden">Page suivante</span>\n'
                        '<span aria-hidden="true">Suivant ›</span>', "next"))
        items.append(li(" pager__item--last", pages - 1, "Aller à la dernière page",
                        '<span class="visually-hidden">Dernière page</span>\n<span aria-hidden="true">Dernier »</span>'))
    return ('\n  <nav class="pager" role="navigation" aria-labelledby="pagination-heading">\n'
            '    <h4 id="pagination-heading" class="visually-hidden">Pagination</h4>\n'
            '    <ul class="pager__items js-pager__items">\n' + "\n".join(items) + "\n    </ul>\n  </nav>\n")


# site: (the listing's path, rows per page, the theme's row of one article)
DRUPAL_LISTINGS = {
    "avise": ("/actualites", 3, avise_row),
    "carenews": ("/actualites", 3, carenews_row),
    "ess_france": ("/centre-de-ressources", 3, ess_france_row),
    "fonda": ("/ressources", 3, fonda_row),
}
VIEW_ROWS = re.compile(r'(?<=<div class="view-content">\n).*?\n      </div>\n\n  <nav class="pager".*?</nav>\n', re.S)


def splice(region: re.Pattern, text: str, new: str) -> str:
    """`text` with the part `region` matches replaced by `new` (loudly, if the theme's markup moved)."""
    found = region.search(text)
    if not found:
        raise ValueError(f"the page has no {region.pattern[:60]!r}")
    return text[:found.start()] + new + text[found.end():]


def read_file(site: Site, rel: str) -> str | None:
    for root in site.roots:
        if (root / rel).is_file():
            return (root / rel).read_text(encoding="utf-8")
    return None


def drupal_listing(site: Site) -> dict[str, str]:
    """The listing's pages (`/actualites?page=N`, page 0 also at `/actualites`): the theme's page, its
    rows (newest first) and its pager written again from the articles."""
    if site.name not in DRUPAL_LISTINGS:
        return {}
    path, per_page, row = DRUPAL_LISTINGS[site.name]
    stem = path.lstrip("/")
    chunks = [site.articles[i:i + per_page] for i in range(0, len(site.articles), per_page)] or [[]]
    files, frame = {}, None
    for n, chunk in enumerate(chunks):
        frame = read_file(site, f"{stem}@page={n}.html") or _next_page(frame, site, path, n)
        rows = "\n".join(row(site, p) for p in chunk)
        text = splice(VIEW_ROWS, frame, rows + "\n      </div>\n" + drupal_pager(n, len(chunks)))
        files[f"{stem}@page={n}.html"] = text
        if n == 0:
            files[f"{stem}.html"] = text
    return files


def _next_page(previous: str | None, site: Site, path: str, n: int) -> str:
    """A page the listing did not have: the previous one, at its own URL."""
    if previous is None:
        raise ValueError(f"{site.name}: no page 0 of {path} to start from")
    url = site.profile.origin.rstrip("/") + path
    return re.sub(re.escape(url) + r'(\?page=\d+)?"', f'{url}?page={n}"', previous)


# ---------------------------------------------------------------- WordPress listings (the posts pages)

TT1_ARROW_LEFT = ('<svg class="svg-icon" width="24" height="24" aria-hidden="true" role="img" focusable="false" '
                  'viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg"><path fill-rule="evenodd" '
                  'clip-rule="evenodd" d="M20 13v-2H8l4-4-1-2-7 7 7 7 1-2-4-4z" fill="currentColor"></path></svg>')
TT1_ARROW_RIGHT = ('<svg class="svg-icon" width="24" height="24" aria-hidden="true" role="img" focusable="false" '
                   'viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg"><path fill-rule="evenodd" '
                   'clip-rule="evenodd" d="m4 13v-2h12l-4-4 1-2 7 7-7 7-1-2 4-4z" fill="currentColor"></path></svg>')


def wp_excerpt(p: Page, limit: int) -> str:
    """The excerpt WordPress shows: the manual one (the standfirst), else the start of the content."""
    text = p.lead or " ".join(html.unescape(re.sub(r"<[^>]+>", " ", re.sub(
        r'<sup[^>]*class="fn".*?</sup>|<ol class="wp-block-footnotes">.*?</ol>', "", p.content_html, flags=re.S))).split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")


def wp_title(p: Page) -> str:
    """The title as the theme prints it (wptexturize'd)."""
    return first(r'<h1[^>]*class="(?:entry-title|post__title|wp-block-post-title)"[^>]*>(.*?)</h1>', p.html)


def wp_classes(p: Page) -> str:
    """post_class() of the post, as its own page prints it (less the single view's extras)."""
    classes = first(r'<article id="post-\d+" class="([^"]*)"', p.html)
    return re.sub(r" (entry|has-post-thumbnail)\b", "", classes)


def wp_numbers(base: str, current: int, total: int, prev_label: str, next_label: str, aria: str) -> str:
    """the_posts_pagination(): core's numbered pagination."""
    if total <= 1:
        return ""
    links = []
    if current > 1:
        links.append(f'<a class="prev page-numbers" href="{wp_page(base, current - 1)}">{prev_label}</a>')
    for n in range(1, total + 1):
        links.append(f'<span aria-current="page" class="page-numbers current">{n}</span>' if n == current
                     else f'<a class="page-numbers" href="{wp_page(base, n)}">{n}</a>')
    if current < total:
        links.append(f'<a class="next page-numbers" href="{wp_page(base, current + 1)}">{next_label}</a>')
    return (f'\n\t<nav class="navigation pagination" aria-label="{aria}">\n\t\t<h2 class="screen-reader-text">{aria}'
            f'</h2>\n\t\t<div class="nav-links">' + "\n".join(links) + "</div>\n\t</nav>")


def wp_page(base: str, n: int) -> str:
    return base if n == 1 else f"{base}page/{n}/"


def lma_rows(site: Site, posts: list[Page], base: str, page: int, pages: int) -> str:
    rows = []
    for p in posts:
        title = wp_title(p)
        posted = first(r'(<span class="posted-on">.*?</time></span>)', p.html)
        rows.append(f"""
<article id="post-{p.node_id}" class="{wp_classes(p)} entry">
	<header class="entry-header">
		<h2 class="entry-title default-max-width"><a href="{p.url}">{title}</a></h2>
	</header><!-- .entry-header -->
	<div class="entry-content">
		<p>{esc(wp_excerpt(p, 200))}&hellip; </p>
<div class="more-link-container"><a class="more-link" href="{p.url}">Continuer la lecture<span class="screen-reader-text">{title}</span></a></div>
	</div><!-- .entry-content -->
	<footer class="entry-footer default-max-width">
		{posted}<div class="post-taxonomies"><span class="cat-links">Catégorisé comme <a href="{p.category_url}" rel="category tag">{esc(p.category)}</a> </span></div>
	</footer><!-- .entry-footer -->
</article><!-- #post-{p.node_id} -->""")
    pagination = wp_numbers(
        base, page, pages, aria="Publications",
        prev_label=f'{TT1_ARROW_LEFT}<span class="nav-prev-text">Articles <span class="nav-short">plus récents</span></span>',
        next_label=f'<span class="nav-next-text">Articles <span class="nav-short">plus anciens</span></span>{TT1_ARROW_RIGHT}')
    return "".join(rows) + "\n" + pagination + "\n"


def rtes_rows(site: Site, posts: list[Page], base: str, page: int, pages: int) -> str:
    items = []
    for p in posts:
        slug = p.category_url.rstrip("/").rsplit("/", 1)[-1]
        when = first(r'<div class="wp-block-post-date">(<time [^>]*>[^<]*</time>)', p.html)
        items.append(f'<li class="wp-block-post post-{p.node_id} post type-post status-publish format-standard hentry '
                     f'category-{slug}"><h3 class="wp-block-post-title"><a href="{p.url}" target="_self">{wp_title(p)}'
                     f'</a></h3><div class="wp-block-post-date">{when}</div><div class="wp-block-post-excerpt"><p '
                     f'class="wp-block-post-excerpt__excerpt">{esc(wp_excerpt(p, 140))}&hellip; </p></div></li>')
    nav = []
    if page > 1:
        nav.append(f'<a href="{wp_page(base, page - 1)}" class="wp-block-query-pagination-previous"><span '
                   'class="wp-block-query-pagination-previous-arrow is-arrow-arrow" aria-hidden="true">←</span>'
                   'Page précédente</a>')
    numbers = "".join(f'<span aria-current="page" class="page-numbers current">{n}</span>' if n == page
                      else f'<a class="page-numbers" href="{wp_page(base, n)}">{n}</a>' for n in range(1, pages + 1))
    nav.append(f'<div class="wp-block-query-pagination-numbers">{numbers}</div>')
    if page < pages:
        nav.append(f'<a href="{wp_page(base, page + 1)}" class="wp-block-query-pagination-next">Page suivante<span '
                   'class="wp-block-query-pagination-next-arrow is-arrow-arrow" aria-hidden="true">→</span></a>')
    return ('<ul class="wp-block-post-template is-layout-flow wp-block-post-template-is-layout-flow">' + "".join(items)
            + '</ul>\n\n<nav class="alignwide wp-block-query-pagination is-content-justification-space-between '
            'is-layout-flex wp-block-query-pagination-is-layout-flex" aria-label="Pagination">' + "".join(nav) + "</nav>")


def mediatico_rows(site: Site, posts: list[Page], base: str, page: int, pages: int) -> str:
    o = site.profile.origin.rstrip("/")
    rows = []
    for p in posts:
        image = f"{o}/wp-content/uploads/{p.when:%Y/%m}/{path_of(p, site).strip('/')}-400x225.jpg"
        rows.append(f"""				<article class="post-list-archive__post {wp_classes(p)}">
					<a href="{p.url}" class="post-list-archive__post__hero"><img width="400" height="225" src="{image}" class="attachment-card size-card wp-post-image" alt="" decoding="async" loading="lazy" /></a>
					<a class="post-list-archive__post__rubrique" href="{p.category_url}">{esc(p.category)}</a>
					<h4 class="post-list-archive__post__title"><a href="{p.url}">{wp_title(p)}</a></h4>
					<p class="post-list-archive__post__meta">Par {esc(", ".join(p.authors))} &middot; {p.when:%d/%m/%Y}</p>
					<p class="post-list-archive__post__excerpt">{esc(wp_excerpt(p, 160))}&hellip;</p>
				</article>""")
    return "\n".join(rows) + "\n\t\t\t</div>" + wp_numbers(base, page, pages, "Précédent", "Suivant",
                                                           "Pagination des publications")


# site: (rows per page, the theme's rows and pagination, the region of the page they fill, the posts pages:
# base path -> which posts)
WP_LISTINGS = {
    "mouvement_associatif": (3, lma_rows, re.compile(r"(?<=</header><!-- \.page-header -->\n).*?(?=\n\t\t\t</main>)", re.S),
                             {"/actualites/": None}),
    "rtes": (3, rtes_rows, re.compile(r'<ul class="wp-block-post-template .*?</nav>', re.S), {"/actualites/": None}),
    "mediatico": (3, mediatico_rows,
                  re.compile(r'(?<=<div class="post-list-archive">\n).*?(?:</div>|</nav>)(?=\n\t\t</main>)', re.S),
                  {"/": None, "/category/": "category"}),
}


def wp_listings(site: Site) -> dict[str, str]:
    """The posts pages (`/actualites/`, `/page/N/`, category archives): the theme's page, the loop's posts
    (newest first) and the pagination written again from the articles."""
    if site.name not in WP_LISTINGS:
        return {}
    per_page, render, region, bases = WP_LISTINGS[site.name]
    o = site.profile.origin.rstrip("/")
    series: dict[str, list[Page]] = {}
    for base, by in bases.items():
        if by is None:
            series[base] = site.articles
        else:
            for p in site.articles:
                series.setdefault(p.category_url[len(o):], []).append(p)
    files = {}
    for base, posts in series.items():
        chunks = [posts[i:i + per_page] for i in range(0, len(posts), per_page)] or [[]]
        frame = None
        for n, chunk in enumerate(chunks, 1):
            rel = (wp_page(base, n).strip("/") + "/index.html").lstrip("/")
            frame = read_file(site, rel) or _next_wp_page(frame, o + base, n)
            text = splice(region, frame, render(site, chunk, o + base, n, len(chunks)))
            files[rel] = text
    return files


def _next_wp_page(previous: str | None, base: str, n: int) -> str:
    """A page the archive did not have: the previous one, at its own URL."""
    if previous is None:
        raise ValueError(f"no first page of {base} to start from")
    text = re.sub(r'(<link rel="canonical" href=")[^"]*"', rf'\g<1>{wp_page(base, n)}"', previous)
    return re.sub(r"\bpaged-\d+\b", f"paged-{n}", text)


# ---------------------------------------------------------------- SPIP listings (rubriques and home)

def spip_intro(p: Page, limit: int = 200) -> str:
    """#INTRODUCTION: the chapô then the text, as the page prints them (SPIP typography), cut on a word."""
    doc = lxml.html.fromstring(p.html)
    for ref in doc.cssselect(".spip_note_ref"):
        ref.drop_tree()
    text = " ".join(e.text_content() for e in doc.cssselect(".chapo") + doc.cssselect(".texte"))
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()
    cut = len(text) > limit
    if cut:
        text = text[:limit].rsplit(" ", 1)[0]
    return esc(text).replace("\u00a0", "&nbsp;") + ("&nbsp;(…)" if cut else "")


def spip_href(path: str, depth: int) -> str:
    """A link as SPIP writes it from a page `depth` folders deep (relative to the site root)."""
    return "../" * depth + path.lstrip("/") if path.strip("/") else ("../" * depth or "./")


def spip_items(site: Site, posts: list[Page], depth: int) -> str:
    out = []
    for p in posts:
        title = first(r'<h1 class="surlignable">(.*?)</h1>', p.html)
        published = first(r'<abbr class="published" title="([^"]*)">', p.html)
        day = first(r'<abbr class="published" title="[^"]*">Publié le ([^<]*)</abbr>', p.html)
        out.append(f"""		<li class="item hentry">
			<h3 class="h3 entry-title"><a href="{spip_href(path_of(p, site), depth)}" rel="bookmark">{title}</a></h3>
			<p class="info-publi"><abbr class="published" title="{published}">{day}</abbr></p>
			<div class="introduction entry-content"><p>{spip_intro(p)}</p></div>
		</li>""")
    return "\n".join(out)


def spip_pagination(base: str, debut: int, total: int, per_page: int) -> str:
    if total <= per_page:
        return ""
    parts = []
    for start in range(0, total, per_page):
        if start == debut:
            parts.append(f'<strong class="on">{start}</strong>')
        else:
            q = f"?debut_articles={start}" if start else ""
            parts.append(f'<a href="{base}{q}#pagination_articles" class="lien_pagination" rel="nofollow">{start}</a>')
    return '<p class="pagination"><span class="pages">' + '<span class="sep"> | </span>'.join(parts) + "</span></p>"


# site: (articles per page, {rubrique: its path}); the home page lists the newest page of all
SPIP_LISTINGS = {
    "lelabo_ess": (2, {"Actualités": "/actualites/", "Publications": "/publications/"}),
    "ess_et_societe": (2, {"Actualités": "/-Actualites-", "Initiatives": "/-Initiatives-"}),
}
SPIP_LIST = re.compile(r'(?<=<ul class="liste-items">\n).*?(?=\n\t\t\t</div>)', re.S)


def spip_listings(site: Site) -> dict[str, str]:
    """Each rubrique's article list (`?debut_articles=N`) and the home's newest articles, in the squelette's
    page, written again from the articles."""
    if site.name not in SPIP_LISTINGS:
        return {}
    per_page, rubriques = SPIP_LISTINGS[site.name]
    files = {}
    home = read_file(site, "index.html")
    files["index.html"] = splice(SPIP_LIST, home, spip_items(site, site.articles[:per_page], 0) + "\n\t\t\t\t</ul>")
    for category, path in rubriques.items():
        posts = [p for p in site.articles if p.category == category]
        depth = path.strip("/").count("/") + (1 if path.endswith("/") else 0)
        stem = path.strip("/") + ("/" if path.endswith("/") else "")
        frame = None
        for debut in range(0, max(len(posts), 1), per_page):
            rel = (f"{stem}index.html" if path.endswith("/") else f"{stem}.html") if not debut \
                else f"{stem}@debut_articles={debut}.html"
            frame = read_file(site, rel) or _next_spip_page(frame, site.profile.origin.rstrip("/") + path, debut)
            chunk = posts[debut:debut + per_page]
            pagination = spip_pagination(spip_href(path, depth), debut, len(posts), per_page)
            files[rel] = splice(SPIP_LIST, frame, spip_items(site, chunk, depth) + "\n\t\t\t\t</ul>\n\t\t\t\t" + pagination)
    return files


def _next_spip_page(previous: str | None, url: str, debut: int) -> str:
    if previous is None:
        raise ValueError(f"no first page of {url} to start from")
    return re.sub(r'(<link rel="canonical" href=")[^"]*"', rf'\g<1>{url}?debut_articles={debut}"', previous)


RENDERERS = {"wordpress": wordpress, "drupal": drupal, "spip": spip}


def derive(name: str, edition: int = 1) -> dict[str, str]:
    """{path in the site folder: text} of every derived file of one site and edition."""
    site = read_site(name, edition)
    return RENDERERS[site.profile.cms](site)


def derived_files() -> dict[Path, str]:
    """Every derived file of every sample site and edition, by where it belongs."""
    out: dict[Path, str] = {}
    for name in sample_sites():
        first = derive(name)
        out.update({SAMPLES_DIR / name / rel: text for rel, text in first.items()})
        for overlay in sorted(SAMPLES_DIR.glob(f"edition*/{name}")):
            edition = int(overlay.parent.name[len("edition"):])
            for rel, text in derive(name, edition).items():
                if text != first.get(rel):
                    out[overlay / rel] = text
    return out


# files of the derived kinds: one on disk that nothing derives any more is stale (to be removed)
FEED_GLOBS = ["sitemap.xml", "rss.xml", "spip.php@page=backend.xml", "feed/index.html", "wp-sitemap*.xml",
              "wp-json/**/*.json"]
LISTING_GLOBS = ["*@page=*.html", "**/page/*/index.html", "*@debut_articles=*.html", "**/*@debut_articles=*.html"]


def stale(files: dict[Path, str]) -> list[Path]:
    """Derived files missing or different on disk, and files of a derived kind that nothing derives."""
    wrong = {p for p, text in files.items() if not p.is_file() or p.read_text(encoding="utf-8") != text}
    for name in sample_sites():
        listings = name in DRUPAL_LISTINGS or name in WP_LISTINGS or name in SPIP_LISTINGS
        globs = FEED_GLOBS + (LISTING_GLOBS if listings else [])   # chorum's and ressources_solidaires'
        for folder in [SAMPLES_DIR / name, *SAMPLES_DIR.glob(f"edition*/{name}")]:  # listings are plain pages
            for pattern in globs:
                wrong.update(p for p in folder.glob(pattern) if p.is_file() and p not in files
                             and not p.name.startswith("spip.php@page=forum"))
    return sorted(wrong)


def write_all() -> list[str]:
    """Write every stale derived file, again until nothing changes (a new listing page enters the sitemap)."""
    done = []
    for _ in range(3):
        files = derived_files()
        wrong = stale(files)
        if not wrong:
            break
        for path in wrong:
            if path in files:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(files[path], encoding="utf-8")
                done.append(f"wrote {path.relative_to(SAMPLES_DIR)}")
            else:
                path.unlink()
                done.append(f"removed {path.relative_to(SAMPLES_DIR)}")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a derived file is stale")
    args = parser.parse_args(argv)
    if args.check:
        wrong = stale(derived_files())
        for path in wrong:
            print(f"stale: {path.relative_to(SAMPLES_DIR)}")
        return 1 if wrong else 0
    for line in write_all():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
