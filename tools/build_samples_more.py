#!/usr/bin/env python3
# ruff: noqa: E501, W293
"""Build nine more bundled sample sites under ``ess_crawler/demo/sites/``, and one template variant.

Each site is a static mirror of what its real CMS emits (theme markup, listings with
their pagination, feeds, sitemaps, robots.txt), with French ESS news written for it:

* WordPress -- ``mediatico`` (custom media theme, no SEO plugin: the date is only in the
  byline), ``mouvement_associatif`` (Twenty Twenty-One; core footnotes block, YARPP, an
  empty Jetpack related-posts placeholder), ``rtes`` (block theme: Query Loop, post-terms,
  dated permalinks).
  Feeds at ``/feed/``, core sitemaps ``wp-sitemap.xml`` and its sub-sitemaps, virtual robots.txt.
* Drupal 9/10 -- ``ess_france`` (resource type and region labels before the title,
  ``Publié le dd/mm/yyyy`` as an inline field label, CKEditor ``<sup>`` notes), ``carenews``
  (kickers such as ``[TRIBUNE]`` typed into the title, organisation paths), ``avise``
  (``Publié le … - Mise à jour le …``, inline "À lire aussi", "Dans la même rubrique"),
  ``fonda`` (``Publié le Mercredi 17 mai 2023 - 15:46``, footnotes module note calls).
  Views pagers (``?page=N``), ``/rss.xml``, simple_sitemap ``/sitemap.xml``, core robots.txt.
* SPIP -- ``lelabo_ess`` (SPIP 3.2, "URLs arborescentes", Mots clés, notes) and
  ``ess_et_societe`` (SPIP 4, "URLs propres", paywalled articles that show a teaser and
  ``Il vous reste 80% de cet article à lire.``). ``spip.php?page=backend``, ``sitemap.xml``.

``variants/mediatico-v2/`` holds one mediatico article again, as the site's next theme
renders it (a redesign the profile was not written for), for coverage tests.

File layout follows ``ess_crawler/sample_server.py`` (``/a/b/`` is ``a/b/index.html``, a
query string goes after ``@``). Links use the real public origins. Deterministic, stdlib
only; the generic helpers (typography, slugs, dates) come from ``build_samples.py``.

Usage: ``python tools/build_samples_more.py``
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_samples import (  # noqa: E402
    FR_MONTHS,
    Flavor,
    blocks_plain,
    esc,
    esc_text,
    fold_ascii,
    fr_date,
    note_refs,
    paris_tz,
    pathauto_slug,
    plain,
    short_hash,
    spip_pagination,
    spip_slug,
    spip_typo,
    spip_typo_plain,
    texte_backend,
    write,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "ess_crawler" / "demo" / "sites"
VARIANTS = SAMPLES / "variants"


# ==========================================================================
# The content model, shared by every site
# ==========================================================================

@dataclass
class Post:
    """One article of a sample site, in the tiny inline markup of ``build_samples.py``.

    ``[text](post:KEY)`` links to another post of the same site.
    """

    key: str
    title: str
    when: str                     # "YYYY-MM-DD HH:MM", Paris time, as the editor set it
    category: str
    body: list[tuple]
    lead: str = ""                # chapô / standfirst / excerpt
    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    author: str = ""
    related: list[str] = field(default_factory=list)  # keys of related posts
    updated: str = ""             # "YYYY-MM-DD HH:MM" when the site shows an update
    kicker: str = ""              # carenews: "[TRIBUNE]" typed in the title field
    region: str = ""              # ess_france: region label
    organisation: str = ""        # carenews: the publishing organisation
    paywall: bool = False         # ess_et_societe: teaser only
    teaser_blocks: int = 2        # paywall: how many blocks the teaser shows
    read_also: str = ""           # avise: key of an inline "À lire aussi" link
    node_id: int = 0              # CMS id (post ID, nid, id_article)
    slug: str = ""                # set by the site

    @property
    def dt(self) -> datetime:
        naive = datetime.fromisoformat(self.when)
        return naive.replace(tzinfo=paris_tz(naive.date()))

    @property
    def updated_dt(self) -> datetime | None:
        if not self.updated:
            return None
        naive = datetime.fromisoformat(self.updated)
        return naive.replace(tzinfo=paris_tz(naive.date()))

    @property
    def day(self) -> date:
        return self.dt.date()

    @property
    def full_title(self) -> str:
        return f"{self.kicker} {self.title}" if self.kicker else self.title

    def excerpt(self, limit: int = 220) -> str:
        """The lead, or the start of the body, cut on a word (WordPress/Drupal trimmed text)."""
        text = plain(self.lead) if self.lead else " ".join(blocks_plain(self.body))
        text = re.sub(r"\s+", " ", text).strip()
        if len(text) <= limit:
            return text
        return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")


@dataclass
class Site:
    """A sample site: its identity, its posts and how its CMS makes URLs."""

    name: str
    label: str
    origin: str
    tagline: str
    posts: list[Post]
    per_page: int = 3
    url_of: object = None         # callable(Post) -> path

    def __post_init__(self):
        self.by_key = {p.key: p for p in self.posts}

    def path(self, post: Post) -> str:
        return self.url_of(post)

    def url(self, post: Post) -> str:
        return self.origin + self.path(post)

    def newest_first(self, posts: list[Post] | None = None) -> list[Post]:
        return sorted(posts if posts is not None else self.posts, key=lambda p: p.dt, reverse=True)

    def pages(self, posts: list[Post] | None = None) -> list[list[Post]]:
        ordered = self.newest_first(posts)
        return [ordered[i:i + self.per_page] for i in range(0, len(ordered), self.per_page)] or [[]]

    def check(self) -> None:
        """Sanity checks on the data: unique slugs, notes called, related posts exist."""
        slugs = [self.path(p) for p in self.posts]
        assert len(set(slugs)) == len(slugs), f"{self.name}: duplicate URLs"
        for p in self.posts:
            assert note_refs(p.body) == set(range(1, len(p.notes) + 1)), (self.name, p.key)
            assert all(k in self.by_key and k != p.key for k in p.related), (self.name, p.key)
            assert not p.read_also or p.read_also in self.by_key, (self.name, p.key)
            assert 2015 <= p.day.year <= 2025, (self.name, p.key)


def utc_iso(d: datetime) -> str:
    return d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def rfc822(d: datetime) -> str:
    return format_datetime(d.astimezone(timezone.utc))


def wp_slug(title: str) -> str:
    """WordPress sanitize_title: accents off, quotes and apostrophes dropped, dashes."""
    text = re.sub(r"['\"`’‘“”«»]", "", fold_ascii(title.replace("’", "'")).lower())
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:200]


def arbo_slug(title: str, max_len: int = 35) -> str:
    """SPIP "URLs arborescentes": lower case, at most 35 characters, cut on a word."""
    text = spip_slug(title, max_len=200).lower()
    if len(text) > max_len:
        text = text[:max_len].rsplit("-", 1)[0]
    return text


def fr_num_date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def fr_month_date(d: date) -> str:
    """``11 juillet 2024`` (no "1er", as PHP's date formats print it)."""
    return f"{d.day} {FR_MONTHS[d.month - 1]} {d.year}"


class HtmlFlavor(Flavor):
    """Inline markup as WYSIWYG editors store it (WordPress, CKEditor); links to posts resolved."""

    def __init__(self, site: Site, post: Post | None = None):
        self.site = site
        self.post = post

    def text(self, t: str) -> str:
        return esc_text(t)

    def note_ref(self, n: int) -> str:
        return f"<sup>{n}</sup>"

    def target(self, url: str) -> str:
        if url.startswith("post:"):
            return self.site.url(self.site.by_key[url[5:]])
        return url

    def link(self, label: str, url: str) -> str:
        return f'<a href="{esc(self.target(url))}">{self.inline(label)}</a>'

    def autolink(self, url: str) -> str:
        return f'<a href="{esc(url)}">{esc_text(url)}</a>'


def html_blocks(blocks: list[tuple], fl: Flavor, h_tag: str = "h2", wp: bool = False) -> str:
    """Body blocks as a WYSIWYG editor stores them (``wp=True``: Gutenberg's block classes)."""
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "h":
            cls = ' class="wp-block-heading"' if wp else ""
            out.append(f"<{h_tag}{cls}>{fl.inline(b[1])}</{h_tag}>")
        elif kind == "p":
            out.append(f"<p>{fl.inline(b[1])}</p>")
        elif kind == "ul":
            cls = ' class="wp-block-list"' if wp else ""
            items = "\n".join(f"<li>{fl.inline(i)}</li>" for i in b[1])
            out.append(f"<ul{cls}>\n{items}\n</ul>")
        elif kind == "quote":
            paras = "\n".join(f"<p>{fl.inline(i)}</p>" for i in b[1])
            cls = ' class="wp-block-quote is-layout-flow wp-block-quote-is-layout-flow"' if wp else ""
            out.append(f"<blockquote{cls}>\n{paras}\n</blockquote>")
        else:
            raise ValueError(kind)
    return "\n\n".join(out) if wp else "\n".join(out)


# ==========================================================================
# WordPress: shared pieces (head, feed, core sitemaps, robots.txt, pagination)
# ==========================================================================

WP_VERSION = "6.4.3"


def wp_texturize(text: str) -> str:
    """The title as wptexturize and esc_html print it (typographic apostrophes, entities)."""
    return esc_text(text.replace("'", "’")).replace("’", "&#8217;").replace("«\u00a0", "&laquo;&nbsp;") \
        .replace("\u00a0»", "&nbsp;&raquo;").replace("«", "&laquo;").replace("»", "&raquo;")


@dataclass
class WpSite:
    """What the WordPress templates need besides the posts."""

    site: Site
    theme: str
    authors: dict[str, str]        # display name -> nicename
    categories: list[str]          # in menu order
    pages: list[tuple[str, str]]   # (title, slug) of the static pages in the menu
    front_path: str = "/"          # where the posts are listed

    @property
    def origin(self) -> str:
        return self.site.origin

    def cat_url(self, name: str) -> str:
        return f"{self.origin}/category/{wp_slug(name)}/"

    def tag_url(self, name: str) -> str:
        return f"{self.origin}/tag/{wp_slug(name)}/"

    def author_url(self, name: str) -> str:
        return f"{self.origin}/author/{self.authors[name]}/"

    def page_url(self, base: str, n: int) -> str:
        return base if n == 1 else f"{base}page/{n}/"


def wp_head(wp: WpSite, title: str, canonical: str, post: Post | None = None, extra: str = "") -> str:
    """``wp_head()`` of a site without an SEO plugin: core links, styles, generator."""
    o = wp.origin
    label = wp_texturize(wp.site.label)
    post_links = ""
    if post is not None:
        post_links = (f'<link rel="alternate" type="application/json" href="{o}/wp-json/wp/v2/posts/{post.node_id}" />'
                      f'<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{o}/xmlrpc.php?rsd" />\n')
    shortlink = f"<link rel='shortlink' href='{o}/?p={post.node_id}' />\n" if post is not None else ""
    oembed = ""
    if post is not None:
        u = quote(canonical, safe="")
        oembed = (f'<link rel="alternate" type="application/json+oembed" href="{o}/wp-json/oembed/1.0/embed?url={u}" />\n'
                  f'<link rel="alternate" type="text/xml+oembed" href="{o}/wp-json/oembed/1.0/embed?url={u}&#038;format=xml" />\n')
    return f"""<head>
	<meta charset="UTF-8" />
	<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name='robots' content='max-image-preview:large' />
	<title>{title} &#8211; {label}</title>
<link rel='dns-prefetch' href='//stats.wp.com' />
<link rel="alternate" type="application/rss+xml" title="{label} &raquo; Flux" href="{o}/feed/" />
<link rel="alternate" type="application/rss+xml" title="{label} &raquo; Flux des commentaires" href="{o}/comments/feed/" />
<link rel='stylesheet' id='wp-block-library-css' href='{o}/wp-includes/css/dist/block-library/style.min.css?ver={WP_VERSION}' media='all' />
<link rel='stylesheet' id='{wp.theme}-style-css' href='{o}/wp-content/themes/{wp.theme}/style.css?ver=1.4.2' media='all' />
<script src="{o}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
{extra}<link rel="https://api.w.org/" href="{o}/wp-json/" />{post_links}<meta name="generator" content="WordPress {WP_VERSION}" />
<link rel="canonical" href="{canonical}" />
{shortlink}{oembed}<link rel="icon" href="{o}/wp-content/uploads/2020/01/cropped-favicon-32x32.png" sizes="32x32" />
</head>"""


def wp_post_classes(wp: WpSite, post: Post, extra: str = "") -> str:
    cats = f"category-{wp_slug(post.category)}"
    tags = " ".join(f"tag-{wp_slug(t)}" for t in post.tags)
    return f"post-{post.node_id} post type-post status-publish format-standard hentry {cats} {tags}".strip() + extra


def wp_paginate(base: str, current: int, total: int, prev_label: str = "Précédent",
                next_label: str = "Suivant", aria: str = "Pagination des publications") -> str:
    """``the_posts_pagination()``: core's numbered pagination."""
    if total <= 1:
        return ""
    links = []
    if current > 1:
        prev = base if current == 2 else f"{base}page/{current - 1}/"
        links.append(f'<a class="prev page-numbers" href="{prev}">{prev_label}</a>')
    for n in range(1, total + 1):
        href = base if n == 1 else f"{base}page/{n}/"
        if n == current:
            links.append(f'<span aria-current="page" class="page-numbers current">{n}</span>')
        else:
            links.append(f'<a class="page-numbers" href="{href}">{n}</a>')
    if current < total:
        links.append(f'<a class="next page-numbers" href="{base}page/{current + 1}/">{next_label}</a>')
    inner = "\n".join(links)
    return f"""
	<nav class="navigation pagination" aria-label="{aria}">
		<h2 class="screen-reader-text">{aria}</h2>
		<div class="nav-links">{inner}</div>
	</nav>"""


def wp_feed(wp: WpSite, content_of) -> str:
    """``/feed/``: RSS 2.0 as WordPress emits it (10 latest posts, full content)."""
    o = wp.origin
    posts = wp.site.newest_first()[:10]
    items = []
    for p in posts:
        url = wp.site.url(p)
        cats = "\n".join(f"\t\t<category><![CDATA[{c}]]></category>" for c in [p.category, *p.tags])
        items.append(f"""	<item>
		<title>{wp_texturize(p.full_title)}</title>
		<link>{url}</link>
					<comments>{url}#respond</comments>
		
		<dc:creator><![CDATA[{p.author}]]></dc:creator>
		<pubDate>{rfc822(p.dt)}</pubDate>
{cats}
		<guid isPermaLink="false">{o}/?p={p.node_id}</guid>

					<description><![CDATA[{esc_text(p.excerpt(300))} [&#8230;]]]></description>
										<content:encoded><![CDATA[{content_of(p)}]]></content:encoded>
					
					<wfw:commentRss>{url}feed/</wfw:commentRss>
			<slash:comments>0</slash:comments>
		</item>""")
    newest = posts[0].dt
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>{wp_texturize(wp.site.label)}</title>
	<atom:link href="{o}/feed/" rel="self" type="application/rss+xml" />
	<link>{o}</link>
	<description>{esc_text(wp.site.tagline)}</description>
	<lastBuildDate>{rfc822(newest)}</lastBuildDate>
	<language>fr-FR</language>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v={WP_VERSION}</generator>
{chr(10).join(items)}
	</channel>
</rss>
"""


def _urlset(o: str, rows: list[tuple[str, str | None]]) -> str:
    urls = "".join(f"<url><loc>{esc_text(loc)}</loc>" + (f"<lastmod>{lm}</lastmod>" if lm else "") + "</url>"
                   for loc, lm in rows)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" href="{o}/wp-sitemap.xsl" ?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n')


def wp_sitemaps(wp: WpSite) -> dict[str, str]:
    """Core sitemaps (WordPress 5.5+): the index and its posts, pages, categories, users sitemaps."""
    o = wp.origin
    files = {
        "wp-sitemap-posts-post-1.xml": _urlset(o, [(wp.site.url(p), (p.updated_dt or p.dt).astimezone(timezone.utc).isoformat())
                                                   for p in wp.site.newest_first()]),
        "wp-sitemap-posts-page-1.xml": _urlset(o, [(f"{o}/", None)] + [(f"{o}/{slug}/", None) for _, slug in wp.pages]),
        "wp-sitemap-taxonomies-category-1.xml": _urlset(o, [(wp.cat_url(c), None) for c in wp.categories]),
        "wp-sitemap-users-1.xml": _urlset(o, [(f"{o}/author/{n}/", None) for n in wp.authors.values()]),
    }
    index = "".join(f"<sitemap><loc>{o}/{name}</loc></sitemap>" for name in files)
    files["wp-sitemap.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" href="{o}/wp-sitemap-index.xsl" ?>\n'
                               f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>\n')
    return files


def wp_robots(origin: str) -> str:
    """WordPress's virtual robots.txt (core sitemaps on)."""
    return f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: {origin}/wp-sitemap.xml\n"


class WpFlavor(HtmlFlavor):
    """Gutenberg content: core footnotes markers when the post has notes."""

    def note_ref(self, n: int) -> str:
        fid = wp_footnote_id(self.post, n)
        return f'<sup data-fn="{fid}" class="fn"><a href="#{fid}" id="{fid}-link">{n}</a></sup>'


def wp_footnote_id(post: Post, n: int) -> str:
    h = short_hash("fn", post.key, n, n=32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"


def wp_content(wp: WpSite, post: Post) -> str:
    """``the_content()``: blocks, then the core footnotes block when the post has notes."""
    fl = WpFlavor(wp.site, post)
    html = html_blocks(post.body, fl, wp=True)
    if post.notes:
        lis = "".join(f'<li id="{wp_footnote_id(post, i)}">{fl.inline(n)} <a href="#{wp_footnote_id(post, i)}-link" '
                      f'aria-label="Aller à la référence de la note de bas de page {i}">↩︎</a></li>'
                      for i, n in enumerate(post.notes, 1))
        html += f'\n\n<ol class="wp-block-footnotes">{lis}</ol>'
    return html


# ==========================================================================
# mediatico.fr -- WordPress, the media's own theme (BEM classes), no SEO plugin
# ==========================================================================

def med_header(wp: WpSite, current: str | None) -> str:
    items = []
    for i, cat in enumerate(wp.categories):
        cls = "menu-item menu-item-type-taxonomy menu-item-object-category"
        if cat == current:
            cls += " current-post-ancestor current-menu-parent"
        items.append(f'<li id="menu-item-{31 + i}" class="{cls} menu-item-{31 + i}"><a href="{wp.cat_url(cat)}">{esc_text(cat)}</a></li>')
    for j, (title, slug) in enumerate(wp.pages):
        items.append(f'<li id="menu-item-{41 + j}" class="menu-item menu-item-type-post_type menu-item-object-page menu-item-{41 + j}"><a href="{wp.origin}/{slug}/">{esc_text(title)}</a></li>')
    menu = "\n".join(items)
    return f"""<header class="site-header">
	<div class="site-header__inner">
		<a class="site-header__logo" href="{wp.origin}/" rel="home"><img src="{wp.origin}/wp-content/themes/mediatico/assets/img/logo-mediatico.svg" alt="Mediatico" width="180" height="40" /></a>
		<nav class="site-header__nav main-navigation" aria-label="Menu principal">
			<ul id="menu-principal" class="menu">
{menu}
			</ul>
		</nav>
		<form role="search" method="get" class="search-form" action="{wp.origin}/">
			<label><span class="screen-reader-text">Rechercher :</span><input type="search" class="search-field" placeholder="Rechercher&hellip;" value="" name="s" /></label>
			<input type="submit" class="search-submit" value="Rechercher" />
		</form>
	</div>
</header>"""


def med_sidebar(wp: WpSite) -> str:
    """The theme's sidebar: the core Recent Posts widget (with dates) and a newsletter box."""
    lis = "\n".join(f'<li><a href="{wp.site.url(p)}">{wp_texturize(p.title)}</a><span class="post-date">{fr_month_date(p.day)}</span></li>'
                    for p in wp.site.newest_first()[:5])
    return f"""<aside id="secondary" class="sidebar widget-area">
	<section id="recent-posts-2" class="widget widget_recent_entries">
		<h2 class="widget-title">Les plus récents</h2>
		<ul>
{lis}
		</ul>
	</section>
	<section id="custom_html-3" class="widget_text widget widget_custom_html"><h2 class="widget-title">La lettre de Mediatico</h2><div class="textwidget custom-html-widget"><p>Chaque semaine, l’actualité de l’économie sociale et solidaire dans votre boîte mail.</p><p><a class="button" href="https://mediatico.us12.list-manage.com/subscribe?u=4f2a">Je m’inscris</a></p></div></section>
</aside>"""


def med_page(wp: WpSite, *, head: str, body_class: str, main: str, current: str | None) -> str:
    return f"""<!doctype html>
<html lang="fr-FR">
{head}

<body class="{body_class}">
<div id="page" class="site">
	<a class="skip-link screen-reader-text" href="#main">Aller au contenu</a>
{med_header(wp, current)}
	<div class="site-content">
		<main id="main" class="site-main">
{main}
		</main>
{med_sidebar(wp)}
	</div>
	<footer class="site-footer">
		<div class="site-footer__inner">
			<p class="site-footer__about">Mediatico, le média de l’économie sociale et solidaire et de l’innovation sociale.</p>
			<ul class="site-footer__links"><li><a href="{wp.origin}/mentions-legales/">Mentions légales</a></li><li><a href="{wp.origin}/feed/">RSS</a></li></ul>
			<p class="site-footer__copyright">&copy; 2025 Mediatico</p>
		</div>
	</footer>
</div>
<script id="mediatico-main-js" src="{wp.origin}/wp-content/themes/mediatico/assets/js/main.js?ver=1.4.2"></script>
</body>
</html>
"""


def med_card(wp: WpSite, p: Post, tag: str = "h3") -> str:
    return f"""<article class="post-card">
					<a class="post-card__link" href="{wp.site.url(p)}">
						<img width="400" height="225" src="{wp.origin}/wp-content/uploads/{p.day:%Y/%m}/{wp.site.path(p).strip('/')}-400x225.jpg" class="attachment-card size-card wp-post-image" alt="" decoding="async" loading="lazy" />
						<span class="post-card__rubrique">{esc_text(p.category)}</span>
						<{tag} class="post-card__title">{wp_texturize(p.title)}</{tag}>
						<span class="post-card__date">{fr_num_date(p.day)}</span>
					</a>
				</article>"""


def med_article(wp: WpSite, p: Post) -> str:
    url = wp.site.url(p)
    cat_url = wp.cat_url(p.category)
    tags = ", ".join(f'<a href="{wp.tag_url(t)}" rel="tag">{esc_text(t)}</a>' for t in p.tags)
    share_u, share_t = quote(url, safe=""), quote(p.title, safe="")
    related = "\n".join(med_card(wp, wp.site.by_key[k]) for k in p.related)
    main = f"""			<nav class="breadcrumb" aria-label="Fil d’Ariane">
				<ol class="breadcrumb__list">
					<li class="breadcrumb__item"><a href="{wp.origin}/">Accueil</a></li>
					<li class="breadcrumb__item"><a href="{cat_url}">{esc_text(p.category)}</a></li>
					<li class="breadcrumb__item" aria-current="page">{wp_texturize(p.title)}</li>
				</ol>
			</nav>
			<article id="post-{p.node_id}" class="{wp_post_classes(wp, p, ' has-post-thumbnail')}">
				<header class="post__header">
					<a class="post__rubrique" href="{cat_url}" rel="category tag">{esc_text(p.category)}</a>
					<h1 class="post__title">{wp_texturize(p.title)}</h1>
					<p class="post__byline">Par <a href="{wp.author_url(p.author)}" rel="author">{esc_text(p.author)}</a> <span class="post__date">{fr_num_date(p.day)}</span></p>
				</header>
				<figure class="post__thumbnail"><img width="1200" height="630" src="{wp.origin}/wp-content/uploads/{p.day:%Y/%m}/{wp.site.path(p).strip('/')}.jpg" class="attachment-full size-full wp-post-image" alt="" decoding="async" fetchpriority="high" /></figure>
				<div class="post__chapo"><p>{esc_text(p.lead)}</p></div>
				<div class="entry-content post__content">
{wp_content(wp, p)}
				</div>
				<footer class="post__footer">
					<div class="post__tags">Mots-clés : {tags}</div>
					<div class="post__share">
						<span class="post__share-label">Partager</span>
						<a class="post__share-link" href="https://www.facebook.com/sharer/sharer.php?u={share_u}" target="_blank" rel="noopener">Facebook</a>
						<a class="post__share-link" href="https://twitter.com/intent/tweet?url={share_u}&#038;text={share_t}" target="_blank" rel="noopener">X</a>
						<a class="post__share-link" href="https://www.linkedin.com/sharing/share-offsite/?url={share_u}" target="_blank" rel="noopener">LinkedIn</a>
					</div>
				</footer>
			</article>
			<section class="related-posts">
				<h2 class="related-posts__title">À lire aussi</h2>
				<div class="related-posts__list">
{related}
				</div>
			</section>"""
    head = wp_head(wp, wp_texturize(p.title), url, p)
    return med_page(wp, head=head, body_class=f"post-template-default single single-post postid-{p.node_id} single-format-standard",
                    main=main, current=p.category)


def med_archive(wp: WpSite, *, base: str, title: str, posts: list[Post], page: int, pages: int,
                body_class: str, current: str | None) -> str:
    """The blog home or a category archive, one page of it."""
    rows = []
    for p in posts:
        url = wp.site.url(p)
        rows.append(f"""				<article class="post-list-archive__post {wp_post_classes(wp, p)}">
					<a href="{url}" class="post-list-archive__post__hero"><img width="400" height="225" src="{wp.origin}/wp-content/uploads/{p.day:%Y/%m}/{wp.site.path(p).strip('/')}-400x225.jpg" class="attachment-card size-card wp-post-image" alt="" decoding="async" loading="lazy" /></a>
					<a class="post-list-archive__post__rubrique" href="{wp.cat_url(p.category)}">{esc_text(p.category)}</a>
					<h4 class="post-list-archive__post__title"><a href="{url}">{wp_texturize(p.title)}</a></h4>
					<p class="post-list-archive__post__meta">Par {esc_text(p.author)} &middot; {fr_num_date(p.day)}</p>
					<p class="post-list-archive__post__excerpt">{esc_text(p.excerpt(160))}&hellip;</p>
				</article>""")
    main = f"""			<header class="page-header"><h1 class="page-title">{esc_text(title)}</h1></header>
			<div class="post-list-archive">
{chr(10).join(rows)}
			</div>{wp_paginate(base, page, pages)}"""
    canonical = wp.page_url(base, page)
    return med_page(wp, head=wp_head(wp, esc_text(title), canonical), body_class=body_class, main=main, current=current)


def med_variant(wp: WpSite, p: Post) -> str:
    """The same article in the theme the site moved to: a block theme with Yoast SEO.

    What changed for an extractor: JSON-LD and OpenGraph appear; the date is a ``<time>``
    in "12 mars 2024" form in a new meta line; the rubric is a block post-terms link
    (``rel="tag"``); the standfirst is a ``wp-block-post-excerpt``; the related block is
    titled "Sur le même thème" and built by a Query Loop; a "Newsletter" pattern sits in
    the content.
    """
    url = wp.site.url(p)
    o = wp.origin
    fl = WpFlavor(wp.site, p)
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "@id": f"{url}#article", "isPartOf": {"@id": url},
             "author": {"name": p.author, "@id": f"{o}/#/schema/person/{short_hash(p.author, n=32)}"},
             "headline": p.title, "datePublished": p.dt.isoformat(), "dateModified": (p.updated_dt or p.dt).isoformat(),
             "mainEntityOfPage": {"@id": url}, "publisher": {"@id": f"{o}/#organization"},
             "articleSection": [p.category], "inLanguage": "fr-FR"},
            {"@type": "WebPage", "@id": url, "url": url, "name": f"{p.title} - Mediatico",
             "datePublished": p.dt.isoformat(), "inLanguage": "fr-FR"},
            {"@type": "Organization", "@id": f"{o}/#organization", "name": "Mediatico", "url": f"{o}/"},
        ],
    }
    yoast = f"""<!-- This site is optimized with the Yoast SEO plugin v22.2 - https://yoast.com/wordpress/plugins/seo/ -->
<meta name="description" content="{esc(p.lead)}" />
<meta property="og:locale" content="fr_FR" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{esc(p.title)} - Mediatico" />
<meta property="og:description" content="{esc(p.lead)}" />
<meta property="og:url" content="{url}" />
<meta property="og:site_name" content="Mediatico" />
<meta property="article:published_time" content="{utc_iso(p.dt).replace('Z', '+00:00')}" />
<meta name="author" content="{esc(p.author)}" />
<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(ld, ensure_ascii=False)}</script>
<!-- / Yoast SEO plugin. -->
"""
    related = "\n".join(
        f"""<li class="wp-block-post post-{r.node_id} post type-post status-publish format-standard hentry category-{wp_slug(r.category)}"><h3 class="wp-block-post-title"><a href="{wp.site.url(r)}" target="_self">{wp_texturize(r.title)}</a></h3><div class="wp-block-post-date"><time datetime="{r.dt.isoformat()}">{fr_month_date(r.day)}</time></div></li>"""
        for r in (wp.site.by_key[k] for k in p.related))
    body = html_blocks(p.body, fl, wp=True)
    return f"""<!DOCTYPE html>
<html lang="fr-FR">
<head>
	<meta charset="UTF-8" />
	<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name='robots' content='index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1' />
<title>{wp_texturize(p.title)} - Mediatico</title>
{yoast}<link rel='stylesheet' id='wp-block-library-css' href='{o}/wp-includes/css/dist/block-library/style.min.css?ver=6.5.2' media='all' />
<link rel="https://api.w.org/" href="{o}/wp-json/" /><meta name="generator" content="WordPress 6.5.2" />
<link rel="canonical" href="{url}" />
</head>

<body class="post-template-default single single-post postid-{p.node_id} single-format-standard wp-embed-responsive">
<div class="wp-site-blocks"><header class="wp-block-template-part">
<div class="wp-block-group alignwide is-layout-flex wp-block-group-is-layout-flex"><p class="wp-block-site-title"><a href="{o}" target="_self" rel="home">Mediatico</a></p>
<nav class="wp-block-navigation is-layout-flex" aria-label="Menu principal"><ul class="wp-block-navigation__container"><li class="wp-block-navigation-item wp-block-navigation-link"><a class="wp-block-navigation-item__content" href="{wp.cat_url('Actualité')}"><span class="wp-block-navigation-item__label">Actualité</span></a></li><li class="wp-block-navigation-item wp-block-navigation-link"><a class="wp-block-navigation-item__content" href="{wp.cat_url('Portrait')}"><span class="wp-block-navigation-item__label">Portraits</span></a></li></ul></nav></div>
</header>

<main class="wp-block-group is-layout-constrained wp-block-group-is-layout-constrained">
<div class="wp-block-group has-global-padding is-layout-constrained">
<div class="taxonomy-category wp-block-post-terms"><a href="{wp.cat_url(p.category)}" rel="tag">{esc_text(p.category)}</a></div>
<h1 class="wp-block-post-title">{wp_texturize(p.title)}</h1>
<div class="wp-block-post-excerpt"><p class="wp-block-post-excerpt__excerpt">{esc_text(p.lead)} </p></div>
<div class="wp-block-group meta-ligne is-layout-flex wp-block-group-is-layout-flex"><div class="wp-block-post-author-name"><a href="{wp.author_url(p.author)}" target="_self" class="wp-block-post-author-name__link">{esc_text(p.author)}</a></div>
<div class="wp-block-post-date"><time datetime="{p.dt.isoformat()}">{fr_month_date(p.day)}</time></div></div>
</div>

<div class="entry-content wp-block-post-content has-global-padding is-layout-constrained wp-block-post-content-is-layout-constrained">
{body}

<div class="wp-block-group newsletter-cta has-background is-layout-constrained"><h2 class="wp-block-heading">La lettre de Mediatico</h2>
<p>Chaque semaine, l’actualité de l’ESS dans votre boîte mail.</p>
<div class="wp-block-buttons is-layout-flex"><div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="https://mediatico.us12.list-manage.com/subscribe?u=4f2a">Je m’inscris</a></div></div></div>
</div>

<div class="wp-block-group alignwide has-global-padding is-layout-constrained"><h2 class="wp-block-heading">Sur le même thème</h2>
<div class="wp-block-query is-layout-flow wp-block-query-is-layout-flow"><ul class="columns-3 wp-block-post-template is-layout-grid wp-block-post-template-is-layout-grid">{related}</ul></div></div>
</main>

<footer class="wp-block-template-part"><div class="wp-block-group has-global-padding is-layout-constrained"><p>&copy; 2025 Mediatico &ndash; le média de l’économie sociale et solidaire</p></div></footer></div>
<script src="{o}/wp-includes/js/dist/interactivity.min.js?ver=6.5.2" id="wp-interactivity-js"></script>
</body>
</html>
"""


# ==========================================================================
# lemouvementassociatif.org -- WordPress, Twenty Twenty-One, Jetpack sharing, YARPP
# ==========================================================================

TT1_ARROW_LEFT = '<svg class="svg-icon" width="24" height="24" aria-hidden="true" role="img" focusable="false" viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg"><path fill-rule="evenodd" clip-rule="evenodd" d="M20 13v-2H8l4-4-1-2-7 7 7 7 1-2-4-4z" fill="currentColor"></path></svg>'
TT1_ARROW_RIGHT = '<svg class="svg-icon" width="24" height="24" aria-hidden="true" role="img" focusable="false" viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg"><path fill-rule="evenodd" clip-rule="evenodd" d="m4 13v-2h12l-4-4 1-2 7 7-7 7-1-2 4-4z" fill="currentColor"></path></svg>'


def tt1_page(wp: WpSite, *, head: str, body_class: str, main: str) -> str:
    o = wp.origin
    menu = [("Actualités", f"{o}/actualites/")] + [(t, f"{o}/{s}/") for t, s in wp.pages]
    lis = "".join(f'<li id="menu-item-{60 + i}" class="menu-item menu-item-type-post_type menu-item-object-page menu-item-{60 + i}"><a href="{href}">{esc_text(t)}</a></li>'
                  for i, (t, href) in enumerate(menu))
    return f"""<!doctype html>
<html lang="fr-FR" >
{head}

<body class="{body_class} wp-embed-responsive is-light-theme no-js singular has-main-navigation">
<div id="page" class="site">
	<a class="skip-link screen-reader-text" href="#content">Aller au contenu</a>

<header id="masthead" class="site-header has-logo has-title-and-tagline has-menu">

	<div class="site-branding">
		<div class="site-logo"><a href="{o}/" class="custom-logo-link" rel="home"><img width="300" height="98" src="{o}/wp-content/uploads/2019/04/logo-lma.png" class="custom-logo" alt="Le Mouvement associatif" decoding="async" /></a></div>
		<p class="site-title"><a href="{o}/">Le Mouvement associatif</a></p>
		<p class="site-description">{esc_text(wp.site.tagline)}</p>
	</div>

	<nav id="site-navigation" class="primary-navigation" aria-label="Menu principal">
		<div class="menu-button-container">
			<button id="primary-mobile-menu" class="button" aria-controls="primary-menu-list" aria-expanded="false"><span class="dropdown-icon open">Menu</span></button>
		</div>
		<div class="primary-menu-container"><ul id="primary-menu-list" class="menu-wrapper">{lis}</ul></div>
	</nav>

</header>

	<div id="content" class="site-content">
		<div id="primary" class="content-area">
			<main id="main" class="site-main">
{main}
			</main><!-- #main -->
		</div><!-- #primary -->
	</div><!-- #content -->

	<aside class="widget-area">
		<section id="tag_cloud-2" class="widget widget_tag_cloud"><h2 class="widget-title">Thématiques</h2><nav aria-label="Thématiques"><div class="tagcloud"><a href="{o}/tag/benevolat/" class="tag-cloud-link tag-link-7 tag-link-position-1" style="font-size: 16pt;" aria-label="bénévolat (3 éléments)">bénévolat</a>
<a href="{o}/tag/emploi/" class="tag-cloud-link tag-link-9 tag-link-position-2" style="font-size: 12pt;" aria-label="emploi (2 éléments)">emploi</a>
<a href="{o}/tag/financement/" class="tag-cloud-link tag-link-11 tag-link-position-3" style="font-size: 12pt;" aria-label="financement (2 éléments)">financement</a></div>
</nav></section>
	</aside><!-- .widget-area -->

	<footer id="colophon" class="site-footer">
		<div class="site-info">
			<div class="site-name"><a href="{o}/">Le Mouvement associatif</a></div>
			<div class="powered-by">Fièrement propulsé par <a href="https://fr.wordpress.org/">WordPress</a></div>
		</div><!-- .site-info -->
	</footer><!-- #colophon -->

</div><!-- #page -->

<script id="jetpack-stats-js" src="https://stats.wp.com/e-202410.js" defer data-wp-strategy="defer"></script>
</body>
</html>
"""


def tt1_posted_on(p: Post) -> str:
    return (f'<span class="posted-on">Publié le <time class="entry-date published updated" datetime="{p.dt.isoformat()}">'
            f'{fr_month_date(p.day)}</time></span>')


def lma_sharing(url: str) -> str:
    """Jetpack's sharing buttons, appended to the content."""
    return f"""<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Partager&nbsp;:</h3><div class="sd-content"><ul><li class="share-facebook"><a rel="nofollow noopener noreferrer" data-shared="sharing-facebook" class="share-facebook sd-button share-icon" href="{url}?share=facebook" target="_blank" title="Cliquez pour partager sur Facebook" ><span>Facebook</span></a></li><li class="share-linkedin"><a rel="nofollow noopener noreferrer" data-shared="sharing-linkedin" class="share-linkedin sd-button share-icon" href="{url}?share=linkedin" target="_blank" title="Cliquez pour partager sur LinkedIn" ><span>LinkedIn</span></a></li><li class="share-end"></li></ul></div></div></div>"""


def lma_yarpp(wp: WpSite, p: Post) -> str:
    """YARPP's "list" template, appended to the content."""
    lis = "\n".join(f'<li><a href="{wp.site.url(r)}" rel="bookmark" title="{esc(r.title)}">{wp_texturize(r.title)} </a></li>'
                    for r in (wp.site.by_key[k] for k in p.related))
    return f"""<div class='yarpp yarpp-related yarpp-related-website yarpp-template-list'>
<!-- YARPP List -->
<h3>Publications similaires&nbsp;:</h3><ol>
{lis}
</ol>
</div>"""


def lma_article(wp: WpSite, p: Post, prev: Post | None, nxt: Post | None) -> str:
    url = wp.site.url(p)
    o = wp.origin
    tags = ", ".join(f'<a href="{wp.tag_url(t)}" rel="tag">{esc_text(t)}</a>' for t in p.tags)
    nav = []
    if prev is not None:
        nav.append(f'<div class="nav-previous"><a href="{wp.site.url(prev)}" rel="prev"><p class="meta-nav">{TT1_ARROW_LEFT}Article précédent</p><p class="post-title">{wp_texturize(prev.title)}</p></a></div>')
    if nxt is not None:
        nav.append(f'<div class="nav-next"><a href="{wp.site.url(nxt)}" rel="next"><p class="meta-nav">Article suivant{TT1_ARROW_RIGHT}</p><p class="post-title">{wp_texturize(nxt.title)}</p></a></div>')
    main = f"""
<article id="post-{p.node_id}" class="{wp_post_classes(wp, p)} entry">

	<header class="entry-header alignwide">
		<h1 class="entry-title">{wp_texturize(p.title)}</h1>
	</header><!-- .entry-header -->

	<div class="entry-content">
		{wp_content(wp, p)}
{lma_sharing(url)}
{lma_yarpp(wp, p)}
	</div><!-- .entry-content -->

	<footer class="entry-footer default-max-width">
		<div class="posted-by">{tt1_posted_on(p)}<span class="byline">Par <a href="{wp.author_url(p.author)}" rel="author">{esc_text(p.author)}</a></span></div><div class="post-taxonomies"><span class="cat-links">Catégorisé comme <a href="{wp.cat_url(p.category)}" rel="category tag">{esc_text(p.category)}</a> </span><span class="tags-links">Étiqueté {tags}</span></div>
	</footer><!-- .entry-footer -->

</article><!-- #post-{p.node_id} -->

	<nav class="navigation post-navigation" aria-label="Publications">
		<h2 class="screen-reader-text">Navigation de l’article</h2>
		<div class="nav-links">{"".join(nav)}</div>
	</nav>
<div id="comments" class="comments-area default-max-width show-avatars">
	<div id="respond" class="comment-respond">
		<h2 id="reply-title" class="comment-reply-title">Laisser un commentaire <small><a rel="nofollow" id="cancel-comment-reply-link" href="{wp.site.path(p)}#respond" style="display:none;">Annuler la réponse</a></small></h2><form action="{o}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate><p class="comment-notes"><span id="email-notes">Votre adresse e-mail ne sera pas publiée.</span> <span class="required-field-message">Les champs obligatoires sont indiqués avec <span class="required">*</span></span></p><p class="comment-form-comment"><label for="comment">Commentaire <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="5" maxlength="65525" required></textarea></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Laisser un commentaire" /> <input type='hidden' name='comment_post_ID' value='{p.node_id}' id='comment_post_ID' /></p></form>	</div><!-- #respond -->
</div><!-- #comments -->
"""
    return tt1_page(wp, head=wp_head(wp, wp_texturize(p.title), url, p),
                    body_class=f"post-template-default single single-post postid-{p.node_id} single-format-standard", main=main)


def lma_archive(wp: WpSite, posts: list[Post], page: int, pages: int) -> str:
    """The posts page (``/actualites/``), one page of it."""
    base = wp.origin + wp.front_path
    rows = []
    for p in posts:
        url = wp.site.url(p)
        rows.append(f"""
<article id="post-{p.node_id}" class="{wp_post_classes(wp, p)} entry">
	<header class="entry-header">
		<h2 class="entry-title default-max-width"><a href="{url}">{wp_texturize(p.title)}</a></h2>
	</header><!-- .entry-header -->
	<div class="entry-content">
		<p>{esc_text(p.excerpt(200))}&hellip; </p>
<div class="more-link-container"><a class="more-link" href="{url}">Continuer la lecture<span class="screen-reader-text">{wp_texturize(p.title)}</span></a></div>
	</div><!-- .entry-content -->
	<footer class="entry-footer default-max-width">
		{tt1_posted_on(p)}<div class="post-taxonomies"><span class="cat-links">Catégorisé comme <a href="{wp.cat_url(p.category)}" rel="category tag">{esc_text(p.category)}</a> </span></div>
	</footer><!-- .entry-footer -->
</article><!-- #post-{p.node_id} -->""")
    pagination = wp_paginate(
        base, page, pages, aria="Publications",
        prev_label=f'{TT1_ARROW_LEFT}<span class="nav-prev-text">Articles <span class="nav-short">plus récents</span></span>',
        next_label=f'<span class="nav-next-text">Articles <span class="nav-short">plus anciens</span></span>{TT1_ARROW_RIGHT}')
    main = f"""
	<header class="page-header alignwide">
		<h1 class="page-title">Actualités</h1>
	</header><!-- .page-header -->
{"".join(rows)}
{pagination}
"""
    return tt1_page(wp, head=wp_head(wp, "Actualités", wp.page_url(base, page)), body_class="blog paged-" + str(page), main=main)


# ==========================================================================
# rtes.fr -- WordPress block theme (Twenty Twenty-Four child), day-and-name permalinks
# ==========================================================================

def rtes_page(wp: WpSite, *, head: str, body_class: str, main: str) -> str:
    o = wp.origin
    links = [("Le RTES", f"{o}/le-rtes/"), ("Actualités", f"{o}/actualites/"), ("Ressources", f"{o}/ressources/"),
             ("Adhérer", f"{o}/adherer/")]
    lis = "".join(f'<li class=" wp-block-navigation-item wp-block-navigation-link"><a class="wp-block-navigation-item__content" href="{href}"><span class="wp-block-navigation-item__label">{esc_text(t)}</span></a></li>'
                  for t, href in links)
    return f"""<!DOCTYPE html>
<html lang="fr-FR">
{head}

<body class="{body_class} wp-embed-responsive">

<div class="wp-site-blocks"><header class="wp-block-template-part">
<div class="wp-block-group alignwide is-content-justification-space-between is-nowrap is-layout-flex wp-container-core-group-is-layout-1 wp-block-group-is-layout-flex" style="padding-top:var(--wp--preset--spacing--20);padding-bottom:var(--wp--preset--spacing--20)">
<div class="wp-block-group is-layout-flex wp-block-group-is-layout-flex"><div class="wp-block-site-logo"><a href="{o}/" class="custom-logo-link" rel="home"><img width="120" height="60" src="{o}/wp-content/uploads/2021/09/logo-rtes.png" class="custom-logo" alt="RTES" decoding="async" /></a></div>
<p class="wp-block-site-title"><a href="{o}" target="_self" rel="home">RTES</a></p>
<p class="wp-block-site-tagline">{esc_text(wp.site.tagline)}</p></div>
<nav class="is-responsive items-justified-right wp-block-navigation is-horizontal is-content-justification-right is-layout-flex wp-block-navigation-is-layout-flex" aria-label="Navigation principale"><ul class="wp-block-navigation__container items-justified-right is-responsive items-justified-right wp-block-navigation">{lis}</ul></nav>
</div>
</header>

{main}

<footer class="wp-block-template-part">
<div class="wp-block-group has-global-padding is-layout-constrained wp-block-group-is-layout-constrained" style="padding-top:var(--wp--preset--spacing--50);padding-bottom:var(--wp--preset--spacing--50)">
<p>Réseau des collectivités Territoriales pour une Économie Solidaire &ndash; 1 place de la Bourse, 59000 Lille</p>
<p><a href="{o}/mentions-legales/">Mentions légales</a> &middot; <a href="{o}/feed/">Flux RSS</a></p>
</div>
</footer></div>
<script src="{o}/wp-includes/js/dist/interactivity.min.js?ver={WP_VERSION}" id="wp-interactivity-js"></script>
</body>
</html>
"""


def rtes_terms(wp: WpSite, p: Post) -> tuple[str, str]:
    """Core post-terms blocks: categories and tags alike are printed with ``rel="tag"``."""
    cat = f'<div class="taxonomy-category wp-block-post-terms"><a href="{wp.cat_url(p.category)}" rel="tag">{esc_text(p.category)}</a></div>'
    sep = '<span class="wp-block-post-terms__separator">, </span>'
    tags = sep.join(f'<a href="{wp.tag_url(t)}" rel="tag">{esc_text(t)}</a>' for t in p.tags)
    return cat, f'<div class="taxonomy-post_tag wp-block-post-terms">{tags}</div>'


def rtes_query_item(wp: WpSite, r: Post) -> str:
    return (f'<li class="wp-block-post post-{r.node_id} post type-post status-publish format-standard hentry category-{wp_slug(r.category)}">'
            f'<h3 class="wp-block-post-title"><a href="{wp.site.url(r)}" target="_self">{wp_texturize(r.title)}</a></h3>'
            f'<div class="wp-block-post-date"><time datetime="{r.dt.isoformat()}">{fr_month_date(r.day)}</time></div>'
            f'<div class="wp-block-post-excerpt"><p class="wp-block-post-excerpt__excerpt">{esc_text(r.excerpt(140))}&hellip; </p></div></li>')


def rtes_article(wp: WpSite, p: Post, prev: Post | None, nxt: Post | None) -> str:
    url = wp.site.url(p)
    cat, tags = rtes_terms(wp, p)
    related = "".join(rtes_query_item(wp, wp.site.by_key[k]) for k in p.related)
    nav = ""
    if prev is not None:
        nav += (f'<div class="post-navigation-link-previous wp-block-post-navigation-link"><span class="wp-block-post-navigation-link__arrow-previous is-arrow-arrow" aria-hidden="true">←</span>'
                f'<a href="{wp.site.url(prev)}" rel="prev">{wp_texturize(prev.title)}</a></div>')
    if nxt is not None:
        nav += (f'<div class="post-navigation-link-next wp-block-post-navigation-link"><a href="{wp.site.url(nxt)}" rel="next">{wp_texturize(nxt.title)}</a>'
                f'<span class="wp-block-post-navigation-link__arrow-next is-arrow-arrow" aria-hidden="true">→</span></div>')
    main = f"""<main class="wp-block-group is-layout-flow wp-block-group-is-layout-flow" style="margin-top:var(--wp--preset--spacing--50)">
<div class="wp-block-group has-global-padding is-layout-constrained wp-block-group-is-layout-constrained">
{cat}

<h1 style="margin-bottom:var(--wp--preset--spacing--40);" class="wp-block-post-title">{wp_texturize(p.title)}</h1>

<div class="wp-block-template-part"><div class="wp-block-group is-content-justification-left is-layout-flex wp-block-group-is-layout-flex"><div class="wp-block-post-date"><time datetime="{p.dt.isoformat()}">{fr_month_date(p.day)}</time></div>

<p class="has-contrast-2-color has-text-color">&mdash;</p>

<div class="wp-block-post-author-name">{esc_text(p.author)}</div></div></div>
</div>

<div class="entry-content alignfull wp-block-post-content has-global-padding is-layout-constrained wp-block-post-content-is-layout-constrained">
{wp_content(wp, p)}
</div>

<div class="wp-block-group has-global-padding is-layout-constrained wp-block-group-is-layout-constrained" style="margin-top:var(--wp--preset--spacing--40)">
{tags}

<nav class="wp-block-group is-content-justification-space-between is-nowrap is-layout-flex wp-block-group-is-layout-flex" aria-label="Navigation de publication">{nav}</nav>
</div>

<div class="wp-block-group alignwide has-global-padding is-layout-constrained wp-block-group-is-layout-constrained"><h2 class="wp-block-heading">Sur le même thème</h2>

<div class="wp-block-query is-layout-flow wp-block-query-is-layout-flow"><ul class="columns-3 wp-block-post-template is-layout-grid wp-container-core-post-template-is-layout-1 wp-block-post-template-is-layout-grid">{related}</ul></div></div>
</main>"""
    return rtes_page(wp, head=wp_head(wp, wp_texturize(p.title), url, p),
                     body_class=f"post-template-default single single-post postid-{p.node_id} single-format-standard", main=main)


def rtes_archive(wp: WpSite, posts: list[Post], page: int, pages: int) -> str:
    """The posts page ``/actualites/`` rendered by the home template's Query Loop (inherited query)."""
    base = wp.origin + wp.front_path
    items = "".join(rtes_query_item(wp, p) for p in posts)
    nav = []
    if page > 1:
        prev = base if page == 2 else f"{base}page/{page - 1}/"
        nav.append(f'<a href="{prev}" class="wp-block-query-pagination-previous"><span class="wp-block-query-pagination-previous-arrow is-arrow-arrow" aria-hidden="true">←</span>Page précédente</a>')
    numbers = "".join(
        f'<span aria-current="page" class="page-numbers current">{n}</span>' if n == page
        else f'<a class="page-numbers" href="{base if n == 1 else f"{base}page/{n}/"}">{n}</a>'
        for n in range(1, pages + 1))
    nav.append(f'<div class="wp-block-query-pagination-numbers">{numbers}</div>')
    if page < pages:
        nav.append(f'<a href="{base}page/{page + 1}/" class="wp-block-query-pagination-next">Page suivante<span class="wp-block-query-pagination-next-arrow is-arrow-arrow" aria-hidden="true">→</span></a>')
    main = f"""<main class="wp-block-group is-layout-flow wp-block-group-is-layout-flow">
<div class="wp-block-group has-global-padding is-layout-constrained"><h1 class="wp-block-query-title">Actualités</h1></div>
<div class="wp-block-query alignwide is-layout-flow wp-block-query-is-layout-flow"><ul class="wp-block-post-template is-layout-flow wp-block-post-template-is-layout-flow">{items}</ul>

<nav class="alignwide wp-block-query-pagination is-content-justification-space-between is-layout-flex wp-block-query-pagination-is-layout-flex" aria-label="Pagination">{"".join(nav)}</nav></div>
</main>"""
    return rtes_page(wp, head=wp_head(wp, "Actualités", wp.page_url(base, page)), body_class="blog", main=main)


# ==========================================================================
# Drupal 9/10: shared pieces (page shell, views listing and pager, RSS, sitemap, robots)
# ==========================================================================

DRUPAL_ROBOTS = """#
# robots.txt
#
# This file is to prevent the crawling and indexing of certain parts
# of your site by web crawlers and spiders run by sites like Yahoo!
# and Google. By telling these "robots" where not to go on your site,
# you save bandwidth and server resources.
#
# This file will be ignored unless it is at the root of your host:
# Used:    http://example.com/robots.txt
# Ignored: http://example.com/site/robots.txt
#
# For more information about the robots.txt standard, see:
# http://www.robotstxt.org/robotstxt.html

User-agent: *
# CSS, JS, Images
Allow: /core/*.css$
Allow: /core/*.css?
Allow: /core/*.js$
Allow: /core/*.js?
Allow: /core/*.gif
Allow: /core/*.jpg
Allow: /core/*.jpeg
Allow: /core/*.png
Allow: /core/*.svg
Allow: /profiles/*.css$
Allow: /profiles/*.css?
Allow: /profiles/*.js$
Allow: /profiles/*.js?
Allow: /profiles/*.gif
Allow: /profiles/*.jpg
Allow: /profiles/*.jpeg
Allow: /profiles/*.png
Allow: /profiles/*.svg
# Directories
Disallow: /core/
Disallow: /profiles/
# Files
Disallow: /README.md
Disallow: /composer/Metapackage/README.txt
Disallow: /composer/Metapackage/PinnedDevDependencies/README.txt
Disallow: /composer/Plugin/ProjectMessage/README.md
Disallow: /composer/Plugin/Scaffold/README.md
Disallow: /composer/Plugin/VendorHardening/README.txt
Disallow: /composer/Template/README.txt
Disallow: /modules/README.txt
Disallow: /sites/README.txt
Disallow: /themes/README.txt
Disallow: /web.config
# Paths (clean URLs)
Disallow: /admin/
Disallow: /comment/reply/
Disallow: /filter/tips
Disallow: /node/add/
Disallow: /search/
Disallow: /user/register
Disallow: /user/password
Disallow: /user/login
Disallow: /user/logout
Disallow: /media/oembed
Disallow: /*/media/oembed
# Paths (no clean URLs)
Disallow: /index.php/admin/
Disallow: /index.php/comment/reply/
Disallow: /index.php/filter/tips
Disallow: /index.php/node/add/
Disallow: /index.php/search/
Disallow: /index.php/user/password
Disallow: /index.php/user/register
Disallow: /index.php/user/login
Disallow: /index.php/user/logout
Disallow: /index.php/media/oembed
Disallow: /index.php/*/media/oembed
"""


@dataclass
class DrupalSite:
    """What the Drupal templates need besides the posts."""

    site: Site
    theme: str
    version: str                       # "9" or "10"
    menu: list[tuple[str, str]]        # (label, path)
    listing: str                       # path of the news view, e.g. "/actualites"
    listing_title: str
    footer: str

    @property
    def origin(self) -> str:
        return self.site.origin


class DrupalFlavor(HtmlFlavor):
    """CKEditor content: internal links root-relative (LinkIt), ``<sup>N</sup>`` note calls."""

    def target(self, url: str) -> str:
        if url.startswith("post:"):
            return self.site.path(self.site.by_key[url[5:]])
        return url


def drupal_pager(page: int, pages: int) -> str:
    """The views full pager (Drupal 9/10 markup, links relative: ``?page=N``)."""
    items = []

    def li(cls: str, target: int, title: str, inner: str, rel: str = "") -> str:
        rel_attr = f' rel="{rel}"' if rel else ""
        return (f'<li class="pager__item{cls}">\n          <a href="?page={target}" title="{title}"{rel_attr}>\n'
                f"{inner}\n          </a>\n        </li>")

    if page > 0:
        items.append(li(" pager__item--first", 0, "Aller à la première page",
                        '<span class="visually-hidden">Première page</span>\n<span aria-hidden="true">« Premier</span>'))
        items.append(li(" pager__item--previous", page - 1, "Aller à la page précédente",
                        '<span class="visually-hidden">Page précédente</span>\n<span aria-hidden="true">‹ Précédent</span>', "prev"))
    for i in range(pages):
        cls, title = (" is-active", "Page courante") if i == page else ("", f"Aller à la page {i + 1}")
        label = "Page courante" if i == page else "Page"
        items.append(li(cls, i, title, f'<span class="visually-hidden">\n              {label}\n            </span>{i + 1}'))
    if page < pages - 1:
        items.append(li(" pager__item--next", page + 1, "Aller à la page suivante",
                        '<span class="visually-hidden">Page suivante</span>\n<span aria-hidden="true">Suivant ›</span>', "next"))
        items.append(li(" pager__item--last", pages - 1, "Aller à la dernière page",
                        '<span class="visually-hidden">Dernière page</span>\n<span aria-hidden="true">Dernier »</span>'))
    return f"""
  <nav class="pager" role="navigation" aria-labelledby="pagination-heading">
    <h4 id="pagination-heading" class="visually-hidden">Pagination</h4>
    <ul class="pager__items js-pager__items">
{chr(10).join(items)}
    </ul>
  </nav>
"""


def drupal_breadcrumb(ds: DrupalSite, trail: list[tuple[str, str]]) -> str:
    lis = "\n".join(f'<li>\n  <a href="{href}">{esc_text(label)}</a>\n</li>' for label, href in trail)
    return f"""<div id="block-{ds.theme}-breadcrumbs" class="block block-system block-system-breadcrumb-block">
  <nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb">
    <h2 id="system-breadcrumb" class="visually-hidden">Fil d'Ariane</h2>
    <ol>
{lis}
    </ol>
  </nav>
</div>"""


def drupal_title_block(ds: DrupalSite, title: str) -> str:
    return f"""<div id="block-{ds.theme}-page-title" class="block block-core block-page-title-block">
  <h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">{esc(title)}</span>
</h1>
</div>"""


def drupal_page(ds: DrupalSite, *, title: str, path: str, system_path: str, body_class: str, content: str,
                head_meta: str = "", breadcrumb: list[tuple[str, str]] | None = None) -> str:
    """The html.html.twig + page.html.twig of a Drupal 9/10 theme built on stable9."""
    o = ds.origin
    menu = "\n".join(
        f'<li class="menu-item{" menu-item--active-trail" if path.startswith(href) and href != "/" else ""}">'
        f'<a href="{href}" data-drupal-link-system-path="{href.strip("/") or "<front>"}">{esc_text(label)}</a></li>'
        for label, href in ds.menu)
    crumbs = f'<div class="region region-breadcrumb">\n{drupal_breadcrumb(ds, breadcrumb)}\n</div>' if breadcrumb else ""
    settings = ('{"path":{"baseUrl":"\\/","pathPrefix":"","currentPath":"' + system_path.replace("/", "\\/")
                + '","currentPathIsAdmin":false,"isFront":false,"currentLanguage":"fr"},"pluralDelimiter":"\\u0003",'
                '"suppressDeprecationErrors":true,"user":{"uid":0,"permissionsHash":"' + short_hash(ds.theme, n=64) + '"}}')
    inc = short_hash(ds.theme, "include", n=43)
    return f"""<!DOCTYPE html>
<html lang="fr" dir="ltr">
  <head>
    <meta charset="utf-8" />
{head_meta}<meta name="Generator" content="Drupal {ds.version} (https://www.drupal.org)" />
<meta name="MobileOptimized" content="width" />
<meta name="HandheldFriendly" content="true" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<link rel="icon" href="/themes/custom/{ds.theme}/favicon.ico" type="image/vnd.microsoft.icon" />
<link rel="alternate" type="application/rss+xml" title="{esc(ds.site.label)}" href="{o}/rss.xml" />

    <title>{esc_text(title)} | {esc_text(ds.site.label)}</title>
    <link rel="stylesheet" media="all" href="/sites/default/files/css/css_{short_hash(ds.theme, 'css', n=43)}.css?delta=0&amp;language=fr&amp;theme={ds.theme}&amp;include={inc}" />
    <script src="/sites/default/files/js/js_{short_hash(ds.theme, 'js', n=43)}.js?scope=header&amp;delta=0&amp;language=fr&amp;theme={ds.theme}&amp;include={inc}"></script>
  </head>
  <body class="{body_class}">
        <a href="#main-content" class="visually-hidden focusable skip-link">
      Aller au contenu principal
    </a>
    <div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
    <div class="layout-container">

  <header role="banner">
    <div class="region region-header">
      <div id="block-{ds.theme}-branding" class="block block-system block-system-branding-block">
        <a href="/" rel="home" class="site-logo"><img src="/themes/custom/{ds.theme}/logo.svg" alt="Accueil" fetchpriority="high" /></a>
        <div class="site-name"><a href="/" rel="home">{esc_text(ds.site.label)}</a></div>
        <div class="site-slogan">{esc_text(ds.site.tagline)}</div>
      </div>
      <nav role="navigation" aria-labelledby="block-{ds.theme}-main-menu-menu" id="block-{ds.theme}-main-menu" class="block block-menu navigation menu--main">
        <h2 class="visually-hidden" id="block-{ds.theme}-main-menu-menu">Navigation principale</h2>
        <ul class="menu">
{menu}
        </ul>
      </nav>
    </div>
  </header>

  {crumbs}

  <main role="main">
    <a id="main-content" tabindex="-1"></a>
    <div class="layout-content">
      <div class="region region-content">
        <div data-drupal-messages-fallback class="hidden"></div>
{content}
      </div>
    </div>
  </main>

  <footer role="contentinfo">
    <div class="region region-footer">
      <div id="block-{ds.theme}-adresse" class="block block-block-content block-block-content{short_hash(ds.theme, 'footer', n=8)}">
        <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>{ds.footer}</p></div>
      </div>
      <nav role="navigation" aria-labelledby="block-{ds.theme}-footer-menu" id="block-{ds.theme}-footer" class="block block-menu navigation menu--footer">
        <h2 class="visually-hidden" id="block-{ds.theme}-footer-menu">Pied de page</h2>
        <ul class="menu"><li class="menu-item"><a href="/mentions-legales">Mentions légales</a></li><li class="menu-item"><a href="/rss.xml">Flux RSS</a></li></ul>
      </nav>
    </div>
  </footer>

</div>
    </div>
    <script type="application/json" data-drupal-selector="drupal-settings-json">{settings}</script>
<script src="/sites/default/files/js/js_{short_hash(ds.theme, 'jsf', n=43)}.js?scope=footer&amp;delta=0&amp;language=fr&amp;theme={ds.theme}&amp;include={inc}"></script>
  </body>
</html>
"""


def drupal_head(ds: DrupalSite, *, url: str, title: str, description: str = "", og_type: str = "article",
                node_id: int = 0) -> str:
    """Metatag module defaults: description, canonical, shortlink, OpenGraph (no article:* dates)."""
    desc = f'<meta name="description" content="{esc(description)}" />\n' if description else ""
    short = f'<link rel="shortlink" href="{ds.origin}/node/{node_id}" />\n' if node_id else ""
    return (f'{desc}<link rel="canonical" href="{url}" />\n{short}'
            f'<meta property="og:site_name" content="{esc(ds.site.label)}" />\n'
            f'<meta property="og:type" content="{og_type}" />\n<meta property="og:url" content="{url}" />\n'
            f'<meta property="og:title" content="{esc(title)}" />\n'
            + (f'<meta property="og:description" content="{esc(description)}" />\n' if description else ""))


def drupal_field(name: str, ftype: str, inner: str, label: str = "hidden", label_text: str = "",
                 formatted: bool = False) -> str:
    """One field as field.html.twig renders it (single value)."""
    cls = f"field field--name-{name} field--type-{ftype} field--label-{label}"
    if formatted:
        cls = "clearfix text-formatted " + cls
    if label == "hidden":
        return f'<div class="{cls} field__item">{inner}</div>'
    extra = " clearfix" if label == "inline" else ""
    return (f'<div class="{cls}{extra}">\n    <div class="field__label">{esc_text(label_text)}</div>\n'
            f'              <div class="field__item">{inner}</div>\n          </div>')


def drupal_field_items(name: str, ftype: str, items: list[str], label_text: str = "") -> str:
    """A multi-value field (``field__items``), label above when given."""
    label = "above" if label_text else "hidden"
    lab = f'\n    <div class="field__label">{esc_text(label_text)}</div>' if label_text else ""
    inner = "\n".join(f"              <div class=\"field__item\">{i}</div>" for i in items)
    return f'<div class="field field--name-{name} field--type-{ftype} field--label-{label}">{lab}\n    <div class="field__items">\n{inner}\n    </div>\n</div>'


def drupal_listing(ds: DrupalSite, page: int, pages: int, rows: list[str], view_id: str) -> str:
    query = f"?page={page}" if page else ""
    url = ds.origin + ds.listing + query
    content = f"""<div id="block-{ds.theme}-content" class="block block-system block-system-main-block">
  <div class="views-element-container"><div class="view view-{view_id.replace('_', '-')} view-id-{view_id} view-display-id-page_1 js-view-dom-id-{short_hash(ds.theme, 'listing', page, n=64)}">
      <div class="view-content">
{chr(10).join(rows)}
      </div>
{drupal_pager(page, pages)}
  </div></div>
</div>"""
    head = drupal_head(ds, url=url, title=ds.listing_title, og_type="website")
    return drupal_page(ds, title=ds.listing_title, path=ds.listing, system_path=ds.listing.strip("/"),
                       body_class="path-" + ds.listing.strip("/").replace("/", "-"),
                       content=drupal_title_block(ds, ds.listing_title) + "\n" + content, head_meta=head,
                       breadcrumb=[("Accueil", "/")])


def drupal_rss(ds: DrupalSite, description_of) -> str:
    """``/rss.xml``: the front page view's feed (10 items, teaser as description)."""
    items = []
    for p in ds.site.newest_first()[:10]:
        items.append(f"""<item>
  <title>{esc_text(p.full_title)}</title>
  <link>{ds.site.url(p)}</link>
  <description>{esc_text(description_of(p))}</description>
  <pubDate>{rfc822(p.dt)}</pubDate>
    <dc:creator>{esc_text(p.author or ds.site.label)}</dc:creator>
    <guid isPermaLink="false">{p.node_id} at {ds.origin}</guid>
    </item>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xml:base="{ds.origin}/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{esc_text(ds.site.label)}</title>
    <link>{ds.origin}/</link>
    <description>{esc_text(ds.site.tagline)}</description>
    <language>fr</language>
    <atom:link href="{ds.origin}/rss.xml" rel="self" type="application/rss+xml" />
    {chr(10).join(items)}
  </channel>
</rss>
"""


def drupal_sitemap(ds: DrupalSite, pages: int) -> str:
    """simple_sitemap 4.x: front page, the listing's pages, every node (with its change time)."""
    posts = ds.site.newest_first()
    newest = max((p.updated_dt or p.dt) for p in posts)
    rows = [(ds.origin + "/", newest, "daily", "1.0")]
    rows += [(ds.origin + ds.listing + (f"?page={i}" if i else ""), newest, "daily", "0.7") for i in range(pages)]
    rows += [(ds.site.url(p), p.updated_dt or p.dt, "monthly", "0.5") for p in posts]
    urls = "".join(f"<url><loc>{esc_text(loc)}</loc><lastmod>{lm.isoformat()}</lastmod><changefreq>{cf}</changefreq><priority>{pr}</priority></url>"
                   for loc, lm, cf, pr in rows)
    return (f'<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="{ds.origin}/sitemap_generator/default/sitemap.xsl"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" '
            f'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">{urls}</urlset>\n')


def drupal_node(ds: DrupalSite, p: Post, bundle: str, inner: str) -> str:
    return f"""<div id="block-{ds.theme}-content" class="block block-system block-system-main-block">
<article data-history-node-id="{p.node_id}" class="node node--type-{bundle} node--promoted node--view-mode-full">
  <div class="node__content">
{inner}
  </div>
</article>
</div>"""


def drupal_views_block(ds: DrupalSite, block_id: str, heading: str, rows: list[str]) -> str:
    return f"""<div class="views-element-container block block-views block-views-block{block_id.replace('_', '-')}" id="block-views-block-{block_id.replace('_', '-')}">
  <h2>{esc_text(heading)}</h2>
  <div><div class="view view-{block_id.split('_')[0]} view-id-{block_id.split('_')[0]} view-display-id-{'_'.join(block_id.split('_')[1:]) or 'block_1'} js-view-dom-id-{short_hash(ds.theme, block_id, n=64)}">
      <div class="view-content">
{chr(10).join(rows)}
      </div>
  </div></div>
</div>"""


FR_DAYS_CAP = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]


def drupal_teaser_text(p: Post, limit: int = 180) -> str:
    return p.excerpt(limit) + "…"


# ==========================================================================
# ess-france.org -- Drupal 10: resource type and region labels before the title
# ==========================================================================

ESSF_TYPES = {"Actualité": 21, "Communiqué de presse": 22, "Publication": 23}


def essf_type_link(p: Post) -> str:
    return f'<a href="/centre-de-ressources?type={ESSF_TYPES[p.category]}" hreflang="fr">{esc_text(p.category)}</a>'


def essf_created(p: Post) -> str:
    when = f"{FR_DAYS_CAP[p.day.weekday()].lower()} {fr_month_date(p.day)} - {p.dt:%H:%M}"
    return f'<time datetime="{utc_iso(p.dt)}" title="{when}" class="datetime">{fr_num_date(p.day)}</time>'


def essf_body(ds: DrupalSite, p: Post) -> str:
    """CKEditor 5 text: ``<sup>`` note calls typed by hand, notes as paragraphs after a rule."""
    fl = DrupalFlavor(ds.site, p)
    html = html_blocks(p.body, fl)
    if p.notes:
        html += "\n<hr>\n" + "\n".join(f"<p><sup>{i}</sup>&nbsp;{fl.inline(n)}</p>" for i, n in enumerate(p.notes, 1))
    return html


def essf_article(ds: DrupalSite, p: Post) -> str:
    url = ds.site.url(p)
    themes = [f'<a href="/thematiques/{pathauto_slug(t)}" hreflang="fr">{esc_text(t)}</a>' for t in p.tags]
    inner = f"""    <div class="node__labels">
      {drupal_field("field-type-de-ressource", "entity-reference", essf_type_link(p))}
      {drupal_field("field-region", "entity-reference", esc_text(p.region))}
    </div>
    <h1 class="node__title"><span class="field field--name-title field--type-string field--label-hidden">{esc(p.title)}</span>
</h1>
    {drupal_field("created", "created", essf_created(p), label="inline", label_text="Publié le")}
    {drupal_field("field-chapeau", "text-long", f"<p>{esc_text(p.lead)}</p>", formatted=True)}
    {drupal_field("body", "text-with-summary", essf_body(ds, p), formatted=True)}
    {drupal_field_items("field-thematiques", "entity-reference", themes, label_text="Thématiques")}"""
    rows = []
    for r in (ds.site.by_key[k] for k in p.related):
        rows.append(f'<div class="views-row"><div class="views-field views-field-field-type-de-ressource"><div class="field-content">{esc_text(r.category)}</div></div>'
                    f'<div class="views-field views-field-title"><span class="field-content"><a href="{ds.site.path(r)}" hreflang="fr">{esc(r.title)}</a></span></div>'
                    f'<div class="views-field views-field-created"><span class="field-content">{essf_created(r)}</span></div></div>')
    content = drupal_node(ds, p, "ressource", inner) + "\n" + drupal_views_block(ds, "ressources_block_2", "Sur le même thème", rows)
    head = drupal_head(ds, url=url, title=p.title, description=p.lead, node_id=p.node_id)
    return drupal_page(ds, title=p.title, path=ds.site.path(p), system_path=f"node/{p.node_id}",
                       body_class="path-node page-node-type-ressource", content=content, head_meta=head,
                       breadcrumb=[("Accueil", "/"), ("Centre de ressources", "/centre-de-ressources")])


def essf_row(ds: DrupalSite, p: Post) -> str:
    return (f'<div class="views-row"><div class="views-field views-field-field-type-de-ressource"><div class="field-content">{essf_type_link(p)}</div></div>'
            f'<div class="views-field views-field-field-region"><div class="field-content">{esc_text(p.region)}</div></div>'
            f'<div class="views-field views-field-title"><h3 class="field-content"><a href="{ds.site.path(p)}" hreflang="fr">{esc(p.title)}</a></h3></div>'
            f'<div class="views-field views-field-created"><span class="field-content">{essf_created(p)}</span></div>'
            f'<div class="views-field views-field-field-chapeau"><div class="field-content">{esc_text(drupal_teaser_text(p))}</div></div></div>')


# ==========================================================================
# carenews.com -- Drupal 9: organisation paths, kickers typed into the title
# ==========================================================================

def carenews_date(p: Post) -> str:
    return f'<time datetime="{p.day.isoformat()}T12:00:00Z" class="datetime">{fr_month_date(p.day)}</time>'


def carenews_article(ds: DrupalSite, p: Post) -> str:
    url = ds.site.url(p)
    fl = DrupalFlavor(ds.site, p)
    org_slug = pathauto_slug(p.organisation)
    theme = f'<a href="/thematiques/{pathauto_slug(p.category)}" hreflang="fr">{esc_text(p.category)}</a>'
    tags = [f'<a href="/tags/{pathauto_slug(t)}" hreflang="fr">{esc_text(t)}</a>' for t in p.tags]
    inner = f"""    {drupal_field("field-image", "image", f'<img loading="lazy" src="/sites/default/files/styles/etire_grand/public/{p.day:%Y-%m}/{ds.site.path(p).rsplit("/", 1)[-1][:40]}.jpg?itok={short_hash(p.key, n=8)}" width="1200" height="600" alt="" />')}
    <div class="article__infos">
      {drupal_field("field-organisation", "entity-reference", f'<a href="/{org_slug}" hreflang="fr">{esc_text(p.organisation)}</a>', label="inline", label_text="Publié par")}
      {drupal_field("field-date-de-publication", "datetime", carenews_date(p), label="inline", label_text="Publié le")}
    </div>
    {drupal_field("field-thematique", "entity-reference", theme)}
    {drupal_field("field-accroche", "text-long", f"<p>{esc_text(p.lead)}</p>", formatted=True)}
    {drupal_field("body", "text-with-summary", html_blocks(p.body, fl), formatted=True)}
    {drupal_field_items("field-tags", "entity-reference", tags, label_text="Mots-clés")}"""
    rows = []
    for r in (ds.site.by_key[k] for k in p.related):
        rows.append(f"""<div class="views-row"><div class="card-news">
  <div class="views-field views-field-field-image"><div class="field-content"><a href="{ds.site.path(r)}" hreflang="fr"><img loading="lazy" src="/sites/default/files/styles/vignette/public/{r.day:%Y-%m}/{r.key}.jpg" width="360" height="200" alt="" /></a></div></div>
  <div class="views-field views-field-title"><span class="field-content"><a href="{ds.site.path(r)}" hreflang="fr">{esc(r.full_title)}</a></span></div>
  <div class="views-field views-field-field-organisation"><div class="field-content">{esc_text(r.organisation)}</div></div>
  <div class="views-field views-field-field-date-de-publication"><div class="field-content">{carenews_date(r)}</div></div>
</div></div>""")
    share_u = quote(url, safe="")
    share = f"""<div id="block-carenews-partage" class="block block-carenews-share">
  <ul class="share-links"><li><a href="https://www.facebook.com/sharer/sharer.php?u={share_u}" target="_blank" rel="noopener">Partager sur Facebook</a></li><li><a href="https://www.linkedin.com/sharing/share-offsite/?url={share_u}" target="_blank" rel="noopener">Partager sur LinkedIn</a></li></ul>
</div>"""
    content = (drupal_title_block(ds, p.full_title) + "\n" + drupal_node(ds, p, "news", inner) + "\n" + share + "\n"
               + drupal_views_block(ds, "news_block_lire_aussi", "À lire aussi", rows))
    head = drupal_head(ds, url=url, title=p.full_title, description=p.lead, node_id=p.node_id)
    return drupal_page(ds, title=p.full_title, path=ds.site.path(p), system_path=f"node/{p.node_id}",
                       body_class="path-node page-node-type-news", content=content, head_meta=head,
                       breadcrumb=[("Accueil", "/"), ("Actualités", "/actualites"), (p.organisation, f"/{org_slug}")])


def carenews_row(ds: DrupalSite, p: Post) -> str:
    return (f'<div class="views-row"><div class="card-news"><div class="views-field views-field-title"><h3 class="field-content"><a href="{ds.site.path(p)}" hreflang="fr">{esc(p.full_title)}</a></h3></div>'
            f'<div class="views-field views-field-field-organisation"><div class="field-content"><a href="/{pathauto_slug(p.organisation)}" hreflang="fr">{esc_text(p.organisation)}</a></div></div>'
            f'<div class="views-field views-field-field-date-de-publication"><div class="field-content">{carenews_date(p)}</div></div>'
            f'<div class="views-field views-field-field-accroche"><div class="field-content">{esc_text(drupal_teaser_text(p))}</div></div></div></div>')


# ==========================================================================
# avise.org -- Drupal 9: "Publié le … - Mise à jour le …", inline "À lire aussi"
# ==========================================================================

def avise_meta_line(p: Post) -> str:
    line = f"Publié le {fr_month_date(p.day)}"
    if p.updated_dt:
        line += f" - Mise à jour le {fr_month_date(p.updated_dt.date())}"
    return line


def avise_body(ds: DrupalSite, p: Post) -> str:
    fl = DrupalFlavor(ds.site, p)
    blocks = html_blocks(p.body, fl).split("\n")
    if p.read_also:
        target = ds.site.by_key[p.read_also]
        aside = f'<p><strong>À lire aussi :</strong> <a href="{ds.site.path(target)}">{esc_text(target.title)}</a></p>'
        blocks.insert(min(2, len(blocks)), aside)
    return "\n".join(blocks)


def avise_article(ds: DrupalSite, p: Post) -> str:
    url = ds.site.url(p)
    themes = [f'<a href="/thematiques/{pathauto_slug(t)}" hreflang="fr">{esc_text(t)}</a>' for t in p.tags]
    inner = f"""    <div class="node__meta"><span class="node__date">{avise_meta_line(p)}</span></div>
    {drupal_field("field-chapo", "text-long", f"<p>{esc_text(p.lead)}</p>", formatted=True)}
    {drupal_field("body", "text-with-summary", avise_body(ds, p), formatted=True)}
    {drupal_field_items("field-thematiques", "entity-reference", themes, label_text="Thématiques")}"""
    rows = []
    for r in (ds.site.by_key[k] for k in p.related):
        rows.append(f'<div class="views-row"><div class="views-field views-field-field-type"><div class="field-content">Actualité</div></div>'
                    f'<div class="views-field views-field-title"><span class="field-content"><a href="{ds.site.path(r)}" hreflang="fr">{esc(r.title)}</a></span></div>'
                    f'<div class="views-field views-field-created"><span class="field-content">Publié le {fr_month_date(r.day)}</span></div></div>')
    content = (drupal_title_block(ds, p.title) + "\n" + drupal_node(ds, p, "actualite", inner) + "\n"
               + drupal_views_block(ds, "actualites_block_rubrique", "Dans la même rubrique", rows))
    head = drupal_head(ds, url=url, title=p.title, description=p.lead, node_id=p.node_id)
    return drupal_page(ds, title=p.title, path=ds.site.path(p), system_path=f"node/{p.node_id}",
                       body_class="path-node page-node-type-actualite", content=content, head_meta=head,
                       breadcrumb=[("Accueil", "/"), ("Actualités", "/actualites")])


def avise_row(ds: DrupalSite, p: Post) -> str:
    return (f'<div class="views-row"><article class="node node--type-actualite node--view-mode-teaser">'
            f'<h2 class="node__title"><a href="{ds.site.path(p)}" rel="bookmark"><span class="field field--name-title field--type-string field--label-hidden">{esc(p.title)}</span></a></h2>'
            f'<div class="node__meta"><span class="node__date">Publié le {fr_month_date(p.day)}</span></div>'
            f'<div class="node__content">{drupal_field("field-chapo", "text-long", f"<p>{esc_text(drupal_teaser_text(p))}</p>", formatted=True)}</div>'
            f'</article></div>')


# ==========================================================================
# fonda.asso.fr -- Drupal 9: "Publié le Mercredi 17 mai 2023 - 15:46", footnotes module
# ==========================================================================

class FondaFlavor(DrupalFlavor):
    """The footnotes module's filter output: ``a.see-footnote`` calls."""

    def note_ref(self, n: int) -> str:
        fid = fonda_note_id(self.post, n)
        title = plain(self.post.notes[n - 1])
        title = title if len(title) <= 60 else title[:60].rsplit(" ", 1)[0] + "…"
        return f'<a class="see-footnote" id="footnoteref{n}_{fid}" title="{esc(title)}" href="#footnote{n}_{fid}">{n}</a>'


def fonda_note_id(p: Post, n: int) -> str:
    return short_hash("fonda", p.key, n, n=5)


def fonda_submitted(p: Post) -> str:
    return f"Publié le {FR_DAYS_CAP[p.day.weekday()]} {fr_month_date(p.day)} - {p.dt:%H:%M}"


def fonda_body(ds: DrupalSite, p: Post) -> str:
    fl = FondaFlavor(ds.site, p)
    html = html_blocks(p.body, fl)
    if p.notes:
        lis = "".join(f'<li class="footnote" id="footnote{i}_{fonda_note_id(p, i)}"><a class="footnote-label" href="#footnoteref{i}_{fonda_note_id(p, i)}">{i}.</a> {fl.inline(n)}</li>'
                      for i, n in enumerate(p.notes, 1))
        html += f'\n<ul class="footnotes">{lis}</ul>'
    return html


def fonda_teaser(ds: DrupalSite, r: Post) -> str:
    return f"""<article data-history-node-id="{r.node_id}" class="node node--type-ressource node--view-mode-teaser">
  <div class="field field--name-field-type-de-publication field--type-entity-reference field--label-hidden field__item">{esc_text(r.category)}</div>
  <h3 class="node__title"><a href="{ds.site.path(r)}" rel="bookmark"><span class="field field--name-title field--type-string field--label-hidden">{esc(r.title)}</span></a></h3>
  <div class="node__submitted">{fonda_submitted(r)}</div>
</article>"""


def fonda_article(ds: DrupalSite, p: Post) -> str:
    url = ds.site.url(p)
    related = [fonda_teaser(ds, ds.site.by_key[k]) for k in p.related]
    inner = f"""    {drupal_field("field-type-de-publication", "entity-reference", f'<a href="/ressources?type={pathauto_slug(p.category)}" hreflang="fr">{esc_text(p.category)}</a>')}
    <footer class="node__meta">
      <div class="node__submitted">{fonda_submitted(p)}</div>
    </footer>
    {drupal_field("field-auteurs", "string", esc_text(p.author), label="inline", label_text="Par")}
    {drupal_field("field-chapo", "text-long", f"<p>{esc_text(p.lead)}</p>", formatted=True)}
    {drupal_field("body", "text-with-summary", fonda_body(ds, p), formatted=True)}
    {drupal_field_items("field-ressources-liees", "entity-reference", related, label_text="Pour aller plus loin")}"""
    content = drupal_title_block(ds, p.title) + "\n" + drupal_node(ds, p, "ressource", inner)
    head = drupal_head(ds, url=url, title=p.title, description=p.lead, node_id=p.node_id)
    return drupal_page(ds, title=p.title, path=ds.site.path(p), system_path=f"node/{p.node_id}",
                       body_class="path-node page-node-type-ressource", content=content, head_meta=head,
                       breadcrumb=[("Accueil", "/"), ("Ressources", "/ressources")])


def fonda_row(ds: DrupalSite, p: Post) -> str:
    return f'<div class="views-row">{fonda_teaser(ds, p)}</div>'


# ==========================================================================
# SPIP: shared pieces (typography, notes, page shell, backend, sitemap, robots)
# ==========================================================================

@dataclass
class SpipSite:
    """What the SPIP templates need besides the posts."""

    site: Site
    generator: str                    # e.g. "SPIP 4.1.5 [26173]"
    rubriques: dict[str, str]         # category -> URL path of its rubrique
    intertitre: str = "h2"            # SPIP 4 makes {{{intertitres}}} h2, SPIP 3 h3
    arbo: bool = False                # "URLs arborescentes": links relative with ../

    @property
    def origin(self) -> str:
        return self.site.origin

    def href(self, path: str, depth: int) -> str:
        """A link as SPIP writes it from a page `depth` folders deep (relative to the site root)."""
        return "../" * depth + path.lstrip("/") if path.strip("/") else ("../" * depth or "./")


def spip_depth(path: str) -> int:
    return path.strip("/").count("/") + (1 if path.endswith("/") and path.strip("/") else 0)


class SpipFlavor2(Flavor):
    """SPIP typography and notes; ``post:KEY`` links resolved relative to the page."""

    def __init__(self, ss: SpipSite, post: Post, depth: int):
        self.ss, self.post, self.depth = ss, post, depth

    def text(self, t: str) -> str:
        return spip_typo(t)

    def sup(self, t: str) -> str:
        return f'<sup class="typo_exposants">{esc_text(t)}</sup>'

    def note_ref(self, n: int) -> str:
        title = re.sub(r"\s+", " ", plain(self.post.notes[n - 1])).strip()
        if len(title) > 80:
            title = title[:80].rsplit(" ", 1)[0] + " …"
        return (f'<span class="spip_note_ref">&nbsp;[<a href="#nb{n}" class="spip_note" rel="appendix" '
                f'title="{esc(title)}" id="nh{n}">{n}</a>]</span>')

    def link(self, label: str, url: str) -> str:
        if url.startswith("post:"):
            target = self.ss.site.by_key[url[5:]]
            return f'<a href="{self.ss.href(self.ss.site.path(target), self.depth)}" class="spip_in">{self.inline(label)}</a>'
        return f'<a href="{esc(url)}" class="spip_out" rel="external">{self.inline(label)}</a>'

    def autolink(self, url: str) -> str:
        return f'<a href="{esc(url)}" class="spip_url spip_out auto" rel="nofollow external">{esc_text(url)}</a>'


def spip_blocks2(blocks: list[tuple], fl: SpipFlavor2, h: str) -> str:
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "h":
            out.append(f'<{h} class="spip">{fl.inline(b[1])}</{h}>')
        elif kind == "p":
            out.append(f"<p>{fl.inline(b[1])}</p>")
        elif kind == "ul":
            out.append('<ul class="spip">' + "".join(f"<li>{fl.inline(i)}</li>" for i in b[1]) + "</ul>")
        elif kind == "quote":
            paras = "\n".join(f"<p>{fl.inline(i)}</p>" for i in b[1])
            out.append(f'<blockquote class="spip">\n{paras}\n</blockquote>')
        else:
            raise ValueError(kind)
    return "\n\n".join(out)


def spip_notes(p: Post, fl: SpipFlavor2) -> str:
    notes = "\n\n".join(
        f'<div id="nb{i}">\n<p><span class="spip_note_ref">[<a href="#nh{i}" class="spip_note" title="Notes {i}" rev="appendix">{i}</a>]&nbsp;</span>{fl.inline(n)}</p>\n</div>'
        for i, n in enumerate(p.notes, 1))
    return f'<div class="notes surlignable"><h2 class="h2 pas_surlignable">Notes</h2>{notes}</div>'


def spip_info_publi(p: Post, author_href: str) -> str:
    author = ""
    if p.author:
        author = (f'<span class="sep">, </span><span class="auteurs">par  <span class="vcard author"><a class="url fn spip_in" '
                  f'href="{author_href}">{esc_text(p.author)}</a></span></span>')
    return (f'<p class="info-publi"><abbr class="published" title="{utc_iso(p.dt)}">Publié le {fr_date(p.day)}</abbr>'
            f"{author}</p>")


def spip_intro(p: Post, limit: int = 300) -> str:
    """#INTRODUCTION: chapô then text, cut, SPIP typography (HTML)."""
    text = re.sub(r"\s+", " ", " ".join([plain(p.lead)] + blocks_plain(p.body))).strip()
    if len(text) > limit:
        return spip_typo(text[:limit].rsplit(" ", 1)[0]) + "&nbsp;(…)"
    return spip_typo(text)


def spip_head(ss: SpipSite, depth: int, title: str, description: str | None, canonical: str | None) -> str:
    root = ss.href("/", depth)
    desc = f'\t<meta name="description" content="{esc(description)}" />\n' if description else ""
    canon = f'\t<link rel="canonical" href="{canonical}" />\n' if canonical else ""
    return f"""<head>
	<script type='text/javascript'>/*<![CDATA[*/(function(H){{H.className=H.className.replace(/\\bno-js\\b/,'js')}})(document.documentElement);/*]]>*/</script>
	<title>{esc_text(title)}</title>
{desc}{canon}	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<link rel="alternate" type="application/rss+xml" title="Syndiquer tout le site" href="{root if root != './' else ''}spip.php?page=backend" />
<link rel='stylesheet' href='{root if root != './' else ''}local/cache-css/{short_hash(ss.site.name, "css", n=32)}.css?1700000000' type='text/css' />
<script type='text/javascript' src='{root if root != './' else ''}local/cache-js/{short_hash(ss.site.name, "js", n=32)}.js?1700000000'></script>
<!-- insert_head -->
<meta name="generator" content="{ss.generator}" />
<link rel="icon" type="image/x-icon" href="{root if root != './' else ''}squelettes/favicon.ico" />
</head>"""


def spip_page(ss: SpipSite, *, depth: int, head: str, body_class: str, content: str, aside: str) -> str:
    pre = "../" * depth
    nav = "\n".join(f'\t\t<li class="menu-entree"><a href="{ss.href(path, depth)}">{spip_typo(label)}</a></li>'
                    for label, path in ss.rubriques.items())
    return f"""<!DOCTYPE html>
<html dir="ltr" lang="fr" class="ltr fr no-js">
{head}

<body class="pas_surlignable {body_class}">
<div class="page">

	<div class="header" id="header">
	<div class="accueil">
	<a rel="start home" href="{ss.origin}/" title="Accueil"><img class='spip_logo spip_logos' alt="" src="{pre}IMG/logo/siteon0.png?1700000000" width="220" height="80" /> <strong id="nom_site_spip">{esc_text(ss.site.label)}</strong></a>
	</div>
	<p id="slogan">{spip_typo(ss.site.tagline)}</p>
	<div class="formulaire_spip formulaire_recherche" id="formulaire_recherche">
<form action="{pre}spip.php?page=recherche" method="get"><div>
	<input name="page" value="recherche" type="hidden" />
	<label for="recherche">Rechercher&nbsp;:</label>
	<input type="search" class="search text" size="10" name="recherche" id="recherche" accesskey="4" autocapitalize="off" autocorrect="off" /><input type="submit" class="submit" value="&gt;&gt;" title="Rechercher" />
</div></form>
</div>
</div>
	<div class="nav clearfix" id="nav">
	<ul class="menu-liste">
{nav}
	</ul>
</div>

	<div class="main">
		<div class="wrapper hfeed">
		<div class="content hentry" id="content">
{content}
		</div><!--.content-->
		</div><!--.wrapper-->

		<div class="aside">
{aside}
		</div><!--.aside-->
	</div><!--.main-->

	<div class="footer clearfix">
	<p class="colophon">
		2015-2025 {esc_text(ss.site.label)}
		<br /><a rel="contents" href="{pre}spip.php?page=plan">Plan du site</a><span class="sep"> | </span><a rel="nofollow" class="contact" href="{pre}spip.php?page=contact">Contact</a><span class="sep"> | </span><a href="{pre}spip.php?page=backend" rel="alternate" title="Syndiquer tout le site">RSS&nbsp;2.0</a>
	</p>
	<small class="generator"><a href="https://www.spip.net/" rel="generator" title="Site réalisé avec SPIP" class="generator spip_out">SPIP</a></small>
</div>
</div><!--.page-->
</body>
</html>
"""


def spip_list_items(ss: SpipSite, posts: list[Post], depth: int) -> str:
    out = []
    for p in posts:
        out.append(f"""		<li class="item hentry">
			<h3 class="h3 entry-title"><a href="{ss.href(ss.site.path(p), depth)}" rel="bookmark">{spip_typo(p.title)}</a></h3>
			<p class="info-publi"><abbr class="published" title="{utc_iso(p.dt)}">{fr_date(p.day)}</abbr></p>
			<div class="introduction entry-content"><p>{spip_intro(p, 200)}</p></div>
		</li>""")
    return "\n".join(out)


def spip_rubrique(ss: SpipSite, category: str, posts: list[Post], debut: int, total: int) -> str:
    """One page of a rubrique's article list, with SPIP's pagination."""
    path = ss.rubriques[category]
    depth = spip_depth(path)
    base = ss.href(path, depth)
    pagination = spip_pagination(base, debut, total, ss.site.per_page) if total > ss.site.per_page else ""
    content = f"""			<p class="arbo"><a href="{ss.href('/', depth)}">Accueil</a> &gt; <strong class="on">{spip_typo(category)}</strong></p>

			<div class="cartouche">
				<h1 class="surlignable">{spip_typo(category)}</h1>
			</div>

			<a id='pagination_articles' class='pagination_ancre'></a>
			<div class="liste articles">
				<h2 class="h2">Articles de cette rubrique</h2>
				<ul class="liste-items">
{spip_list_items(ss, posts, depth)}
				</ul>
				{pagination}
			</div>
"""
    canonical = ss.origin + path + (f"?debut_articles={debut}" if debut else "")
    head = spip_head(ss, depth, f"{category} - {ss.site.label}", None, canonical)
    return spip_page(ss, depth=depth, head=head, body_class="page_rubrique", content=content, aside="")


def spip_home(ss: SpipSite) -> str:
    content = f"""			<h1 class="h1 invisible">{esc_text(ss.site.label)}</h1>
			<div class="chapo"><p>{spip_typo(ss.site.tagline)}</p></div>
			<div class="liste articles">
				<h2 class="h2">Derniers articles</h2>
				<ul class="liste-items">
{spip_list_items(ss, ss.site.newest_first()[:ss.site.per_page], 0)}
				</ul>
			</div>
"""
    head = spip_head(ss, 0, ss.site.label, ss.site.tagline, ss.origin + "/")
    return spip_page(ss, depth=0, head=head, body_class="page_sommaire", content=content, aside="")


def spip_robots(ss: SpipSite) -> str:
    return f"""# robots.txt
# @url: {ss.origin}
# @generator: {ss.generator}
# @template: squelettes-dist/robots.txt.html

User-agent: *
Disallow: /local/
Disallow: /ecrire/
Disallow: /plugins-dist/
Disallow: /prive/
Disallow: /squelettes-dist/
Disallow: /squelettes/

Sitemap: {ss.origin}/sitemap.xml
"""


def spip_sitemap(ss: SpipSite) -> str:
    posts = ss.site.newest_first()
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
             f"<url><loc>{ss.origin}/</loc><lastmod>{posts[0].day.isoformat()}</lastmod><changefreq>daily</changefreq><priority>1.0</priority></url>"]
    for cat, path in ss.rubriques.items():
        in_cat = [p for p in posts if p.category == cat]
        if not in_cat:
            continue
        lines.append(f"\n<url><loc>{ss.origin}{path}</loc><lastmod>{in_cat[0].day.isoformat()}</lastmod><changefreq>daily</changefreq><priority>0.8</priority></url>")
        lines += [f"<url><loc>{ss.site.url(p)}</loc><lastmod>{(p.updated_dt or p.dt).date().isoformat()}</lastmod><changefreq>weekly</changefreq><priority>0.5</priority></url>"
                  for p in in_cat]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def spip_backend(ss: SpipSite, content_of) -> str:
    """``spip.php?page=backend``: RSS 2.0 of the dist's backend.html."""
    items = []
    for p in ss.site.newest_first()[:10]:
        subjects = "".join(f"\n\t\t<dc:subject>{texte_backend(m)}</dc:subject>" for m in sorted(p.tags))
        items.append(f"""	<item xml:lang="fr">
		<title>{texte_backend(spip_typo(p.title))}</title>
		<link>{ss.site.url(p)}</link>
		<guid isPermaLink="true">{ss.site.url(p)}</guid>
		<dc:date>{utc_iso(p.dt)}</dc:date>
		<dc:format>text/html</dc:format>
		<dc:language>fr</dc:language>
		<dc:creator>{esc_text(p.author or ss.site.label)}</dc:creator>
{subjects}
		<description>{texte_backend(spip_intro(p))}</description>

		<content:encoded>{esc_text(content_of(p))}</content:encoded>

	</item>
""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
>

<channel xml:lang="fr">
	<title>{esc_text(ss.site.label)}</title>
	<link>{ss.origin}/</link>
	<description>{esc_text(ss.site.tagline)}</description>
	<language>fr</language>
	<generator>SPIP - www.spip.net</generator>

{"".join(items)}
</channel>

</rss>
"""


# ==========================================================================
# lelabo-ess.org -- SPIP 3.2, "URLs arborescentes", Mots clés
# ==========================================================================

def labo_article(ss: SpipSite, p: Post) -> str:
    path = ss.site.path(p)
    depth = spip_depth(path)
    fl = SpipFlavor2(ss, p, depth)
    rub = ss.rubriques[p.category]
    parts = [f"""			<p class="arbo"><a href="{ss.href('/', depth)}">Accueil</a> &gt; <a href="{ss.href(rub, depth)}">{spip_typo(p.category)}</a> &gt; <strong class="on">{spip_typo(p.title)}</strong></p>

			<div class="cartouche">
				<h1 class="surlignable">{spip_typo(p.title)}</h1>
				{spip_info_publi(p, ss.href("auteurs/" + arbo_slug(p.author) + ".html", depth))}
			</div>

			<div class="surlignable"><div class="chapo"><p>{fl.inline(p.lead)}</p></div></div>
			<div class="texte surlignable clearfix">{spip_blocks2(p.body, fl, ss.intertitre)}</div>
"""]
    if p.notes:
        parts.append("\t\t\t" + spip_notes(p, fl) + "\n")
    if p.tags:
        lis = "".join(f'<li><a href="{ss.href("tags/" + arbo_slug(t), depth)}" rel="tag">{spip_typo(t)}</a></li>' for t in p.tags)
        parts.append(f'\n\t\t\t<div class="mots"><h2>Mots clés</h2><ul>{lis}</ul></div>\n')
    same = [x for x in ss.site.newest_first() if x.category == p.category][:10]
    on = ' class="on"'
    lis = "\n".join(f'\t\t\t\t\t<li><a href="{ss.href(ss.site.path(x), depth)}"{on if x is p else ""}>{spip_typo(x.title)}</a></li>'
                    for x in same)
    aside = f"""			<div class="menu">
				<h2>Dans la même rubrique</h2>
				<ul>
{lis}
				</ul>
			</div>"""
    head = spip_head(ss, depth, f"{spip_typo_plain(p.title).replace(chr(160), ' ')} - {ss.site.label}",
                     re.sub(r"<[^>]+>|&nbsp;", " ", spip_intro(p, 150)), ss.site.url(p))
    return spip_page(ss, depth=depth, head=head, body_class="page_article", content="".join(parts), aside=aside)


# ==========================================================================
# ess-et-societe.net -- SPIP 4, "URLs propres", paywalled articles
# ==========================================================================

def ees_paywall_percent(p: Post) -> int:
    """The share of the text the teaser hides, rounded to 10 % (what the notice prints)."""
    total = sum(len(t) for t in blocks_plain(p.body))
    shown = sum(len(t) for t in blocks_plain(p.body[:p.teaser_blocks]))
    return int(round(100 * (total - shown) / total, -1))


def ees_article(ss: SpipSite, p: Post) -> str:
    fl = SpipFlavor2(ss, p, 0)
    rub = ss.rubriques[p.category]
    blocks = p.body[:p.teaser_blocks] if p.paywall else p.body
    parts = [f"""			<p class="arbo"><a href="./">Accueil</a> &gt; <a href="{ss.href(rub, 0)}">{spip_typo(p.category)}</a> &gt; <strong class="on">{spip_typo(p.title)}</strong></p>

			<div class="cartouche">
				<h1 class="surlignable">{spip_typo(p.title)}</h1>
				{spip_info_publi(p, "_" + spip_slug(p.author) + "_")}
			</div>

			<div class="surlignable"><div class="chapo"><p>{fl.inline(p.lead)}</p></div></div>
			<div class="texte surlignable clearfix">{spip_blocks2(blocks, fl, ss.intertitre)}</div>
"""]
    if p.paywall:
        parts.append(f"""			<div class="paywall">
				<p class="paywall__reste">Il vous reste {ees_paywall_percent(p)}% de cet article à lire.</p>
				<p>Cet article est réservé aux abonnés. <a href="spip.php?page=abonnement" class="spip_in">Abonnez-vous</a> ou <a href="spip.php?page=login&amp;url={ss.site.path(p).lstrip('/')}" rel="nofollow">connectez-vous</a>.</p>
			</div>
""")
    elif p.notes:
        parts.append("\t\t\t" + spip_notes(p, fl) + "\n")
    if p.tags:
        lis = "".join(f'<li><a href="+{spip_slug(t)}+" rel="tag">{spip_typo(t)}</a></li>' for t in p.tags)
        parts.append(f'\n\t\t\t<div class="mots"><h2>Mots-clés</h2><ul>{lis}</ul></div>\n')
    related = "\n".join(f'\t\t\t\t\t<li><a href="{ss.href(ss.site.path(r), 0)}">{spip_typo(r.title)}</a> <small>{fr_date(r.day)}</small></li>'
                        for r in (ss.site.by_key[k] for k in p.related))
    aside = f"""			<div class="menu">
				<h2>Sur le même thème</h2>
				<ul>
{related}
				</ul>
			</div>"""
    head = spip_head(ss, 0, f"{spip_typo_plain(p.title).replace(chr(160), ' ')} - {ss.site.label}",
                     re.sub(r"<[^>]+>|&nbsp;", " ", spip_intro(p, 150)), ss.site.url(p))
    return spip_page(ss, depth=0, head=head, body_class="page_article", content="".join(parts), aside=aside)


# ==========================================================================
# The articles
# ==========================================================================

MEDIATICO_POSTS = [
    Post(
        key="tzc", node_id=48211, when="2021-07-06 10:15", category="Actualité", author="Camille Arnaud",
        title="Territoires zéro chômeur : les premiers territoires de la deuxième vague habilités",
        lead="Après la loi de décembre 2020 qui prolonge l’expérimentation, douze nouveaux territoires viennent d’être habilités à créer des entreprises à but d’emploi. Ils rejoignent les dix pionniers.",
        tags=["emploi", "insertion", "TZCLD"], related=["budget", "esus"],
        body=[
            ("p", "C’est une étape attendue par des dizaines de collectifs locaux. Le fonds d’expérimentation territoriale contre le chômage de longue durée a rendu publique, fin juin, la liste des douze premiers territoires habilités au titre de la deuxième loi d’expérimentation. Quartiers prioritaires, bourgs ruraux, petites villes industrielles : la diversité des profils est au rendez-vous."),
            ("p", "Le principe ne change pas. Sur un territoire de quelques milliers d’habitants, toute personne privée durablement d’emploi qui le souhaite se voit proposer un CDI à temps choisi, payé au Smic, dans une entreprise à but d’emploi (EBE). Les activités créées ne doivent pas concurrencer les entreprises existantes : ressourceries, services aux habitants, maraîchage, entretien d’espaces naturels."),
            ("h", "Un financement qui reste à consolider"),
            ("p", "Chaque emploi créé est financé en partie par l’activation des dépenses passives du chômage : l’État et le département versent à l’EBE une contribution qui représente l’essentiel du coût du poste. Les porteurs de projet rappellent cependant que les premières années exigent des investissements importants, en locaux comme en encadrement."),
            ("quote", ["On ne part pas des emplois disponibles, on part des personnes et de ce qu’elles savent faire. C’est tout le renversement de logique de l’expérimentation."]),
            ("p", "L’association Territoires zéro chômeur de longue durée, qui accompagne les candidats, estime qu’une centaine d’autres collectifs pourraient déposer un dossier d’ici la fin de l’expérimentation, prévue en 2026."),
        ],
    ),
    Post(
        key="mois", node_id=51407, when="2022-11-02 08:00", category="Édito", author="Pierre-Yves Le Goff",
        title="Le Mois de l’ESS a 15 ans : et maintenant, changer d’échelle",
        lead="Quinze éditions, des milliers de portes ouvertes et toujours la même question : comment faire de l’économie sociale et solidaire la norme plutôt que l’exception ?",
        tags=["Mois de l’ESS", "CRESS"], related=["roubaix", "tzc"],
        body=[
            ("p", "Chaque mois de novembre, le même miracle se produit. Des coopératives ouvrent leurs ateliers, des associations organisent des débats dans des salles des fêtes, des mutuelles expliquent leur gouvernance à des lycéens. Le Mois de l’ESS, porté depuis 2008 par les chambres régionales, a fait beaucoup pour rendre visible une économie qui emploie plus de deux millions de salariés."),
            ("p", "Mais la visibilité ne suffit plus. Les sondages le répètent : une majorité de Français ont une image positive de l’ESS sans savoir précisément ce qu’elle recouvre. Et les politiques publiques continuent trop souvent de la traiter comme un supplément d’âme, à côté de l’économie « normale »."),
            ("h", "Sortir de la vitrine"),
            ("p", "Changer d’échelle, c’est d’abord peser dans la commande publique, où les clauses sociales restent marginales. C’est ensuite convaincre les financeurs que le modèle de lucrativité limitée n’est pas un handicap mais une garantie de durabilité. C’est enfin former : les jeunes qui entrent sur le marché du travail découvrent l’ESS par hasard, rarement par leurs études."),
            ("p", "Le Mois de l’ESS a prouvé qu’il savait mobiliser. À ses organisateurs, et à nous tous, de faire en sorte que la 16e édition parle moins de vitrine que de transformation."),
        ],
    ),
    Post(
        key="roubaix", node_id=53320, when="2023-04-18 07:30", category="Portrait", author="Nadia Benchikh",
        title="À Roubaix, une Scic remet le textile en circuit court",
        lead="Dans une ancienne filature, une société coopérative d’intérêt collectif relance la confection locale en associant salariés, clients, collectivités et créateurs.",
        tags=["Scic", "textile", "Hauts-de-France"], related=["mois", "esus"],
        body=[
            ("p", "Les métiers à tisser se sont tus à Roubaix il y a plus de trente ans. Dans les murs de briques d’une ancienne filature du quartier de l’Épeule, une vingtaine de couturières et de mécaniciens ont pourtant repris le travail. Leur employeur est une Scic créée en 2019, qui réunit aujourd’hui 140 sociétaires."),
            ("p", "Le choix du statut coopératif ne doit rien au hasard. « Nous voulions que les salariés, les marques clientes et la métropole décident ensemble », explique la directrice générale, ancienne acheteuse dans la grande distribution. Chaque catégorie d’associés dispose d’un collège et d’une part des voix en assemblée générale."),
            ("h", "Des petites séries, des emplois durables"),
            ("p", "L’atelier s’est spécialisé dans les petites et moyennes séries que les usines lointaines refusent : vêtements de travail, collections capsules de jeunes créateurs, uniformes pour des associations sportives. La moitié des salariés sont passés par un parcours d’insertion, avant d’être embauchés en CDI."),
            ("p", "Le chiffre d’affaires a franchi le million d’euros l’an dernier. Prochaine étape : une ligne de recyclage des chutes de tissu, montée avec une ressourcerie voisine."),
        ],
    ),
    Post(
        key="budget", node_id=55102, when="2023-10-10 18:40", category="Actualité", author="Camille Arnaud",
        title="Budget 2024 : les associations inquiètes pour le Fonds de développement de la vie associative",
        lead="Le projet de loi de finances maintient les crédits du FDVA, mais les têtes de réseau redoutent les effets de l’inflation sur des structures déjà fragilisées.",
        tags=["associations", "financement", "PLF"], related=["tzc", "mois"],
        body=[
            ("p", "Sur le papier, la ligne budgétaire ne bouge pas. Le projet de loi de finances pour 2024 reconduit les crédits du Fonds de développement de la vie associative, qui finance le fonctionnement et les projets innovants de milliers de petites associations. Mais à euros constants, l’effort recule, rappellent les représentants du secteur."),
            ("p", "Car les charges ont bondi : énergie, loyers, revalorisations salariales décidées par les branches. Pour une association employeuse de cinq salariés, la hausse des coûts dépasse souvent 10 % en deux ans, sans que les subventions publiques suivent."),
            ("h", "Des demandes précises"),
            ("ul", [
                "une indexation des subventions de fonctionnement sur l’inflation ;",
                "des conventions pluriannuelles généralisées, pour sortir de la logique d’appels à projets ;",
                "un relèvement du plafond de la réduction d’impôt pour les dons aux petites associations.",
            ]),
            ("p", "Les débats parlementaires, qui s’ouvrent cette semaine, diront si ces demandes trouvent un écho. Plusieurs amendements ont déjà été déposés en commission des finances."),
        ],
    ),
    Post(
        key="esus", node_id=44873, when="2019-05-14 09:00", category="Tribune", author="Pierre-Yves Le Goff",
        title="Tribune : « L’agrément Esus doit devenir un vrai levier »",
        lead="Cinq ans après la loi Hamon, l’agrément « entreprise solidaire d’utilité sociale » reste méconnu des financeurs. Un dirigeant d’entreprise d’insertion plaide pour lui donner du poids.",
        tags=["agrément Esus", "finance solidaire"], related=["roubaix", "budget"],
        body=[
            ("p", "Lorsque la loi du 31 juillet 2014 a refondé l’agrément « entreprise solidaire d’utilité sociale », beaucoup d’entre nous y ont vu la promesse d’un accès facilité à l’épargne solidaire. Cinq ans plus tard, le bilan est mitigé : les demandes progressent, mais l’agrément ouvre peu de portes en dehors des fonds solidaires."),
            ("p", "Les banques le connaissent mal, les collectivités l’ignorent dans leurs marchés publics, et les entrepreneurs eux-mêmes hésitent devant un dossier dont ils ne voient pas toujours le bénéfice. Les délais d’instruction, qui varient fortement d’un département à l’autre, n’arrangent rien."),
            ("h", "Trois propositions"),
            ("p", "Je propose d’abord que l’agrément soit pris en compte dans les critères d’attribution des marchés réservés. Ensuite, qu’un guichet unique national harmonise l’instruction. Enfin, que les entreprises agréées bénéficient d’un accès prioritaire aux garanties de Bpifrance et de France Active."),
            ("p", "L’agrément Esus peut être bien plus qu’un label : un passeport vers les financements qui font défaut à nos entreprises. Encore faut-il que l’État le veuille."),
        ],
    ),
]

ESS_FRANCE_POSTS = [
    Post(
        key="mois2024", node_id=3182, when="2024-10-29 09:30", category="Actualité", region="National",
        title="Mois de l’ESS 2024 : plus de 2 000 événements partout en France",
        lead="Du 1er au 30 novembre, les chambres régionales de l’économie sociale et solidaire coordonnent la 17e édition du Mois de l’ESS, placée sous le signe de la jeunesse et de l’emploi.",
        tags=["Mois de l’ESS", "Jeunesse"], related=["chiffres", "prix"],
        body=[
            ("p", "Forums emploi, visites d’entreprises, projections-débats, marchés de producteurs : le programme de cette 17e édition compte plus de 2 000 rendez-vous, organisés par les acteurs de l’économie sociale et solidaire dans toutes les régions, outre-mer compris."),
            ("p", "Cette année, le réseau des CRESS a choisi de mettre l’accent sur les jeunes. Près d’un tiers des événements s’adressent aux lycéens, aux étudiants et aux jeunes en recherche d’emploi, avec un objectif simple : faire connaître les métiers et les modèles de l’ESS à ceux qui entreront demain sur le marché du travail."),
            ("h", "Un temps fort national le 14 novembre"),
            ("p", "ESS France organise le 14 novembre une journée nationale à Paris, réunissant élus, réseaux et entreprises autour des conclusions des états généraux de l’ESS. La journée sera retransmise en direct sur le site de l’événement."),
            ("p", "Le programme complet est consultable sur [le site du Mois de l’ESS](https://lemois-ess.org), où chaque organisateur peut encore inscrire son événement."),
        ],
    ),
    Post(
        key="strategie", node_id=3260, when="2025-03-18 14:00", category="Communiqué de presse", region="National",
        title="ESS France salue l’ouverture des travaux sur une stratégie nationale de l’ESS",
        lead="La Chambre française de l’économie sociale et solidaire se félicite de l’annonce par le gouvernement d’une concertation destinée à bâtir une stratégie nationale pour l’ESS.",
        tags=["Politiques publiques"], related=["mois2024", "chiffres"],
        body=[
            ("p", "ESS France accueille favorablement l’annonce, par la ministre chargée de l’économie sociale et solidaire, de l’ouverture d’une concertation nationale. Depuis la loi du 31 juillet 2014, les acteurs réclament une feuille de route pluriannuelle qui donne de la visibilité aux entreprises et aux collectivités."),
            ("p", "La Chambre française rappelle les priorités portées par ses membres lors des états généraux : la reconnaissance de l’ESS dans la planification écologique, la sécurisation du financement des associations, et le développement de la commande publique responsable."),
            ("quote", ["Une stratégie nationale n’a de sens que si elle s’appuie sur les territoires. Les CRESS sont prêtes à en être les relais."]),
            ("p", "ESS France participera activement aux groupes de travail et rendra publiques ses contributions au fil de la concertation."),
        ],
    ),
    Post(
        key="chiffres", node_id=2874, when="2023-06-12 11:00", category="Publication", region="Auvergne-Rhône-Alpes",
        title="Les chiffres clés de l’ESS en Auvergne-Rhône-Alpes",
        lead="L’observatoire régional de l’ESS publie son panorama 2023 : plus de 23 000 établissements employeurs et un emploi privé sur huit dans la région.",
        tags=["Observatoire", "Emploi"], related=["mois2024", "prix"],
        notes=[
            "Observatoire régional de l’ESS, d’après Insee Flores 2021.",
            "Champ : emploi salarié privé, hors agriculture. Voir <https://www.insee.fr/fr/statistiques/6047781>",
        ],
        body=[
            ("p", "Avec 23 400 établissements employeurs et près de 250 000 salariés[^1], l’économie sociale et solidaire représente en Auvergne-Rhône-Alpes 12,6 % de l’emploi privé[^2]. Une part stable depuis cinq ans, malgré la crise sanitaire."),
            ("p", "Les associations concentrent les trois quarts des emplois, en particulier dans l’action sociale, l’enseignement et le sport. Les coopératives pèsent davantage que la moyenne nationale, portées par le secteur bancaire et l’agriculture."),
            ("h", "Des départements contrastés"),
            ("p", "La part de l’ESS dans l’emploi varie de 10 % dans le Rhône à plus de 16 % dans le Cantal, où l’action sociale associative est le premier employeur privé. Les métropoles concentrent cependant l’essentiel des créations d’établissements."),
            ("p", "Le panorama complet, avec ses fiches départementales, est téléchargeable gratuitement dans le centre de ressources."),
        ],
    ),
    Post(
        key="prix", node_id=2512, when="2022-12-06 00:20", category="Actualité", region="Hauts-de-France",
        title="Prix de l’ESS 2022 : les lauréats régionaux dévoilés",
        lead="Utilité sociale, transition écologique, coup de cœur : trois entreprises des Hauts-de-France ont été distinguées lors de la cérémonie régionale des Prix de l’ESS.",
        tags=["Prix de l’ESS", "Initiatives"], related=["chiffres", "mois2024"],
        body=[
            ("p", "La cérémonie s’est tenue à Lille, devant plus de 300 personnes. Le jury, composé de représentants des réseaux de l’ESS, de financeurs et d’élus, a examiné cette année 64 candidatures, un record pour la région."),
            ("ul", [
                "Prix de l’utilité sociale : une épicerie solidaire itinérante qui dessert vingt communes rurales de l’Aisne ;",
                "Prix de la transition écologique : une coopérative de réemploi des matériaux du bâtiment, installée à Lens ;",
                "Prix coup de cœur : une association d’auto-réparation de vélos fondée par des étudiants d’Amiens.",
            ]),
            ("p", "Chaque lauréat reçoit une dotation de 5 000 euros et concourt au prix national, décerné en décembre à Paris. La CRESS accompagnera les trois structures dans la valorisation de leur projet."),
        ],
    ),
]

CARENEWS_POSTS = [
    Post(
        key="mecenat", node_id=98412, when="2023-05-22 16:05", category="Mécénat", kicker="[TRIBUNE]",
        organisation="France générosités", author="France générosités",
        title="Mécénat : pourquoi les entreprises doivent soutenir les associations dans la durée",
        lead="Face à l’inflation, les associations ont besoin de partenaires fidèles plus que de dons ponctuels. Une tribune de France générosités.",
        tags=["Mécénat", "Associations"], related=["generosite", "fondations"],
        body=[
            ("p", "Le mécénat d’entreprise a connu une décennie de croissance. Mais derrière les chiffres globaux se cache une réalité moins réjouissante : les engagements sont de plus en plus courts, fléchés sur des projets visibles, et laissent de côté le fonctionnement des associations."),
            ("p", "Or c’est précisément ce fonctionnement qui souffre. Salaires, loyers, énergie : les charges fixes des associations ont augmenté bien plus vite que leurs ressources. Un partenariat de trois ans, même modeste, leur apporte davantage qu’un don important mais unique."),
            ("h", "Ce que nous proposons"),
            ("p", "Nous appelons les entreprises mécènes à signer des conventions pluriannuelles, à accepter de financer les frais de structure et à associer les associations à l’évaluation des actions soutenues. La générosité est aussi une affaire de confiance."),
        ],
    ),
    Post(
        key="benevolat", node_id=91277, when="2022-02-08 10:30", category="Engagement", kicker="[INTERVIEW]",
        organisation="Carenews INFO", author="Carenews INFO",
        title="« Le bénévolat de compétences a changé d’échelle »",
        lead="Missions courtes, plateformes en ligne, congés solidaires : la déléguée générale d’une association d’intermédiation raconte la transformation de l’engagement des salariés.",
        tags=["Bénévolat", "Entreprises"], related=["mecenat", "fondations"],
        body=[
            ("p", "**Comment le bénévolat de compétences a-t-il évolué depuis cinq ans ?** Il s’est massifié. Nous étions sur des missions longues, très encadrées, réservées à quelques cadres volontaires. Aujourd’hui, une grande entreprise peut proposer à ses salariés des missions de deux heures, en ligne, auprès de dizaines d’associations."),
            ("p", "**Les associations y trouvent-elles leur compte ?** Oui, à condition de bien préparer les missions. Une association qui sait formuler son besoin — refaire un plan de trésorerie, préparer une campagne de communication — obtient une aide précieuse. Celles qui n’ont pas le temps de cadrer les missions s’y épuisent."),
            ("p", "**Et demain ?** Le défi, c’est la fidélité. Une mission réussie doit donner envie d’en faire une deuxième, puis de s’engager dans la gouvernance de l’association. C’est là que le bénévolat de compétences devient un véritable pont entre l’entreprise et le monde associatif."),
        ],
    ),
    Post(
        key="fondations", node_id=70133, when="2019-09-17 09:00", category="Philanthropie",
        organisation="Fondation de France", author="Fondation de France",
        title="Les fondations abritées ont progressé de 20 % en dix ans",
        lead="Une étude de l’Observatoire de la philanthropie montre l’essor des fondations abritées, qui permettent à des familles et des entreprises de s’engager sans créer de structure propre.",
        tags=["Fondations", "Philanthropie"], related=["mecenat", "generosite"],
        body=[
            ("p", "Elles sont aujourd’hui plus de 1 200 en France. Les fondations abritées, créées sous l’égide d’une fondation reconnue d’utilité publique, ont connu une croissance continue depuis 2009, selon l’étude publiée cette semaine par l’Observatoire de la philanthropie."),
            ("p", "Leur attrait tient à la simplicité : la fondation abritante assure la gestion administrative, juridique et financière, tandis que le fondateur garde la maîtrise de son projet. Les familles représentent la majorité des créations récentes, devant les entreprises et les associations."),
            ("h", "Des causes de plus en plus diverses"),
            ("p", "Si la solidarité et la recherche médicale restent les premières causes soutenues, l’environnement progresse nettement, tout comme l’éducation. Les montants engagés restent très variables, de quelques milliers à plusieurs millions d’euros par an."),
        ],
    ),
    Post(
        key="generosite", node_id=104590, when="2024-01-15 11:45", category="Générosité", kicker="[ÉTUDE]",
        organisation="Carenews INFO", author="Carenews INFO",
        title="La générosité des Français résiste à l’inflation",
        lead="Le montant des dons déclarés a légèrement progressé en 2023, mais le nombre de donateurs continue de baisser, selon le baromètre annuel de la générosité.",
        tags=["Dons", "Associations"], related=["mecenat", "benevolat"],
        body=[
            ("p", "Malgré la hausse des prix, les Français n’ont pas réduit leurs dons. Le baromètre annuel publié par France générosités relève une progression de 2,3 % des montants collectés par les associations et fondations membres en 2023."),
            ("p", "Mais cette résistance repose sur un nombre de plus en plus restreint de donateurs, plus âgés et plus généreux. Le nombre de foyers déclarant des dons à l’administration fiscale recule pour la cinquième année consécutive."),
            ("h", "Le don mensuel en renfort"),
            ("p", "Les prélèvements automatiques, qui lissent l’effort sur l’année, représentent désormais plus de la moitié des montants collectés par les grandes associations. Un atout face à l’inflation, mais qui rend d’autant plus difficile le recrutement de nouveaux donateurs."),
        ],
    ),
]

AVISE_POSTS = [
    Post(
        key="dla25", node_id=15412, when="2025-02-04 10:00", updated="2025-03-12 16:20", category="Actualités",
        title="DLA : 25 ans d’accompagnement des associations employeuses",
        lead="Créé en 2002, le dispositif local d’accompagnement a soutenu plus de 80 000 structures de l’ESS. Retour sur un quart de siècle d’appui aux dirigeants associatifs.",
        tags=["Accompagnement", "DLA"], related=["impact", "french"], read_also="impact",
        body=[
            ("p", "Né d’une volonté de l’État et de la Caisse des dépôts de consolider les emplois associatifs, le dispositif local d’accompagnement (DLA) est devenu en vingt-cinq ans l’un des premiers outils d’appui aux structures de l’économie sociale et solidaire. Il intervient dans tous les départements."),
            ("p", "Son principe : un diagnostic partagé avec les dirigeants, puis un accompagnement par des consultants spécialisés, financé par le dispositif. Les structures bénéficiaires sont d’abord des associations employeuses, mais aussi des coopératives et des structures d’insertion."),
            ("h", "Ce qui a changé"),
            ("p", "Les sujets ont évolué avec le temps. Aux questions de consolidation financière se sont ajoutés la gouvernance, la gestion des ressources humaines, la stratégie numérique et, plus récemment, la transition écologique des activités."),
            ("p", "L’Avise, qui anime le dispositif au niveau national, publie à cette occasion une synthèse des évaluations menées depuis 2002, consultable dans son centre de ressources."),
        ],
    ),
    Post(
        key="impact", node_id=13980, when="2023-09-19 09:30", category="Actualités",
        title="Mesurer son impact social : un nouveau guide pour les structures de l’ESS",
        lead="Comment démarrer une démarche d’évaluation d’impact sans s’y perdre ? L’Avise publie un guide pratique, illustré par les retours d’expérience de dix structures.",
        tags=["Impact social", "Évaluation"], related=["dla25", "ptce"],
        body=[
            ("p", "Les financeurs la demandent, les équipes s’en méfient : l’évaluation de l’impact social reste un exercice intimidant pour beaucoup de structures. Le guide publié par l’Avise propose une méthode progressive, en cinq étapes, pensée pour les petites et moyennes organisations."),
            ("p", "Première étape : clarifier ce que l’on cherche à changer, avant de choisir des indicateurs. Le guide insiste sur l’implication des bénéficiaires et des salariés dans la définition des questions évaluatives."),
            ("h", "Des exemples concrets"),
            ("p", "Une régie de quartier, une coopérative agricole, un chantier d’insertion ou une association de médiation numérique racontent leur démarche, ses coûts et ses bénéfices. Tous soulignent l’intérêt de l’exercice pour le pilotage interne, au-delà de la communication externe."),
        ],
    ),
    Post(
        key="ptce", node_id=9120, when="2016-01-12 14:15", category="Actualités",
        title="Pôles territoriaux de coopération économique : 14 nouveaux lauréats",
        lead="Le second appel à projets PTCE distingue quatorze pôles, qui bénéficieront d’un soutien financier et d’un accompagnement pendant deux ans.",
        tags=["PTCE", "Territoires"], related=["impact", "french"],
        body=[
            ("p", "Reconnus par la loi relative à l’économie sociale et solidaire du 31 juillet 2014, les pôles territoriaux de coopération économique regroupent sur un même territoire entreprises de l’ESS, PME, collectivités et centres de formation autour de projets économiques communs."),
            ("p", "Les quatorze lauréats du second appel à projets interministériel couvrent des secteurs variés : alimentation durable, écoconstruction, mobilité, culture. Ils recevront un financement de l’État et seront accompagnés par les réseaux nationaux."),
            ("p", "L’Avise, associée au suivi des pôles, capitalisera les enseignements de leurs démarches de coopération dans une série de fiches pratiques."),
        ],
    ),
    Post(
        key="french", node_id=11750, when="2020-06-30 17:00", category="Actualités",
        title="French Impact : l’accélérateur national ouvre sa troisième promotion",
        lead="Vingt entreprises sociales intègrent le programme d’accélération du French Impact, qui les accompagnera pendant deux ans dans leur changement d’échelle.",
        tags=["Innovation sociale", "Changement d’échelle"], related=["dla25", "ptce"],
        body=[
            ("p", "Malgré la crise sanitaire, la troisième promotion de l’accélérateur national d’innovation sociale a été constituée. Les vingt lauréats ont été choisis parmi plus de 200 candidatures, pour leur impact social et leur potentiel de développement."),
            ("p", "Les entreprises retenues interviennent dans l’emploi, la santé, l’éducation, l’alimentation ou l’inclusion numérique. Elles bénéficieront d’un accompagnement stratégique, d’un accès facilité aux financeurs et d’un appui des administrations pour lever les freins réglementaires."),
            ("p", "L’Avise contribue à l’animation du programme aux côtés des partenaires publics et privés de l’initiative."),
        ],
    ),
]

FONDA_POSTS = [
    Post(
        key="fe2030", node_id=4410, when="2023-05-17 15:46", category="Article", author="Charlotte Debray",
        title="Faire ensemble 2030 : les associations face aux grandes transitions",
        lead="Climat, démographie, numérique : la démarche Faire ensemble 2030 invite les associations à se saisir des objectifs de développement durable pour construire des coopérations nouvelles.",
        tags=["Faire ensemble 2030", "ODD"], related=["prospective", "quarante"],
        notes=[
            "Programme des Nations unies pour le développement, « Objectifs de développement durable », 2015.",
            "La Fonda, Faire ensemble 2030, synthèse des rencontres territoriales, <https://fonda.asso.fr/ressources/faire-ensemble-2030>",
        ],
        body=[
            ("p", "Adoptés en 2015 par les Nations unies, les dix-sept objectifs de développement durable[^1] dessinent un cadre commun pour les acteurs publics, les entreprises et la société civile. Les associations y trouvent un langage partagé pour décrire leurs actions et nouer des alliances."),
            ("p", "C’est le pari de la démarche Faire ensemble 2030, lancée par la Fonda avec une vingtaine de partenaires. Depuis trois ans, des rencontres territoriales réunissent associations, collectivités et entreprises autour d’un même défi local."),
            ("h", "Des coopérations à inventer"),
            ("p", "Les premiers enseignements sont encourageants : les participants découvrent des acteurs qu’ils ne connaissaient pas et identifient des projets communs[^2]. Mais la coopération demande du temps, des moyens d’animation et une reconnaissance par les financeurs."),
            ("p", "La Fonda publiera à l’automne un guide méthodologique pour aider les territoires à organiser leurs propres rencontres."),
        ],
    ),
    Post(
        key="benevolat", node_id=3902, when="2021-12-08 09:12", category="Tribune Fonda", author="Yannick Blanc",
        title="L’engagement bénévole à l’épreuve des crises",
        lead="Les confinements ont bousculé l’engagement bénévole : recul des seniors, arrivée de nouveaux profils, formes plus ponctuelles. Quelles leçons en tirer pour les associations ?",
        tags=["Bénévolat", "Engagement"], related=["fe2030", "prospective"],
        notes=[
            "Recherches & Solidarités, La France bénévole, 18e édition, juin 2021.",
            "Enquête réalisée auprès de 1 200 responsables associatifs entre mars et mai 2021.",
        ],
        body=[
            ("p", "La crise sanitaire a agi comme un révélateur. Entre 2019 et 2021, la proportion de Français donnant du temps à une association a reculé, en particulier chez les plus de 65 ans, tenus à distance par les confinements[^1]."),
            ("p", "Dans le même temps, de nouveaux bénévoles se sont manifestés : des actifs, des étudiants, souvent pour des missions courtes et concrètes, comme l’aide alimentaire ou le soutien scolaire à distance. Les responsables associatifs interrogés décrivent un engagement plus ponctuel, moins attaché à une structure[^2]."),
            ("h", "Accueillir autrement"),
            ("p", "Pour les associations, l’enjeu est de transformer ces engagements ponctuels en liens durables, sans imposer les formats d’hier. Cela suppose d’accueillir, de former et de reconnaître les bénévoles, mais aussi d’ouvrir la gouvernance à ces nouveaux profils."),
        ],
    ),
    Post(
        key="prospective", node_id=4721, when="2024-04-03 11:30", category="Article", author="Charlotte Debray",
        title="Prospective : cinq scénarios pour le monde associatif en 2035",
        lead="À partir des travaux de son comité de prospective, la Fonda esquisse cinq futurs possibles pour les associations, de l’institutionnalisation à la fragmentation.",
        tags=["Prospective"], related=["fe2030", "quarante"],
        body=[
            ("p", "Que seront les associations dans dix ans ? Plutôt que de prédire, la Fonda a choisi d’explorer. Son comité de prospective a croisé tendances démographiques, évolutions des financements publics et transformations de l’engagement pour construire cinq scénarios contrastés."),
            ("ul", [
                "les associations, opérateurs des politiques publiques ;",
                "la fragmentation en collectifs informels ;",
                "l’hybridation avec l’entrepreneuriat social ;",
                "le repli sur le bénévolat de proximité ;",
                "les alliances territoriales de la société civile.",
            ]),
            ("p", "Aucun scénario n’est souhaitable en soi : chacun met en lumière des risques et des leviers. L’exercice vise à aider les dirigeants associatifs à anticiper plutôt qu’à subir."),
        ],
    ),
    Post(
        key="quarante", node_id=3655, when="2021-06-15 18:00", category="Actualité", author="La Fonda",
        title="La Fonda fête ses 40 ans",
        lead="Fondée en 1981, la Fonda célèbre quatre décennies de réflexion au service du monde associatif, avec une journée de débats à Paris.",
        tags=["Fonda"], related=["benevolat", "prospective"],
        body=[
            ("p", "En 1981, une poignée de responsables associatifs créaient la Fondation pour la vie associative, devenue la Fonda. Leur ambition : doter les associations d’un lieu de réflexion indépendant, capable d’éclairer les débats publics sur le fait associatif."),
            ("p", "Quarante ans plus tard, la Fonda publie sa revue trimestrielle, anime des travaux de prospective et accompagne les réseaux dans leurs réflexions stratégiques. La journée anniversaire, organisée le 15 juin, a réuni plus de 200 participants autour de l’avenir de l’engagement."),
            ("p", "Les actes de la journée seront publiés dans un prochain numéro de la Tribune Fonda."),
        ],
    ),
]

LMA_POSTS = [
    Post(
        key="emploi", node_id=18840, when="2024-05-21 10:00", category="Actualités", author="Claire Dubois",
        title="Emploi associatif : 1,8 million de salariés en 2023",
        lead="Le bilan annuel de l’emploi associatif confirme la reprise observée depuis 2021, mais les difficultés de recrutement s’aggravent dans le social et le médico-social.",
        tags=["emploi", "financement"], related=["subventions", "loi1901", "cec"],
        notes=[
            "Recherches & Solidarités, Bilan de l’emploi dans le secteur privé associatif, édition 2024, <https://recherches-solidarites.org>",
            "Urssaf et MSA, données de déclaration sociale nominative, 4e trimestre 2023.",
        ],
        body=[
            ("p", "Avec 1,8 million de salariés fin 2023[^1], les associations restent l’un des premiers employeurs privés du pays. Les effectifs ont progressé de 1,5 % sur un an, une hausse plus rapide que dans le reste du secteur privé[^2]."),
            ("p", "Cette croissance masque toutefois des tensions fortes. Dans l’aide à domicile, l’accompagnement du handicap ou la protection de l’enfance, de nombreux postes restent vacants faute de candidats, malgré les revalorisations salariales décidées depuis 2021."),
            ("h", "Des métiers à revaloriser"),
            ("p", "Le Mouvement associatif appelle les pouvoirs publics à financer à leur juste coût les missions confiées aux associations, condition indispensable pour améliorer les conditions de travail et l’attractivité des métiers."),
        ],
    ),
    Post(
        key="subventions", node_id=19602, when="2025-01-28 09:00", category="Communiqués", author="Claire Dubois",
        title="Le Mouvement associatif alerte sur la baisse des subventions",
        lead="Dans un contexte budgétaire contraint, plusieurs collectivités et ministères réduisent leurs soutiens. Le Mouvement associatif demande un moratoire sur les baisses de crédits.",
        tags=["financement"], related=["emploi", "loi1901"],
        body=[
            ("p", "Les signaux se multiplient. Gel de subventions dans plusieurs régions, annulation de crédits en cours d’année, reports de paiement : les associations subissent de plein fouet les arbitrages budgétaires de l’État et des collectivités."),
            ("p", "Selon une enquête menée en janvier auprès de 4 000 responsables associatifs, près d’une association employeuse sur trois envisage de réduire ses effectifs en 2025. Les structures de l’éducation populaire, de la culture et du sport sont les plus touchées."),
            ("h", "Un moratoire et un dialogue"),
            ("p", "Le Mouvement associatif demande un moratoire sur toute baisse de crédits en cours d’exercice et l’ouverture d’un dialogue avec le gouvernement sur le financement pluriannuel de la vie associative."),
        ],
    ),
    Post(
        key="cec", node_id=12230, when="2018-04-10 15:30", category="Actualités", author="Thomas Morel",
        title="Engagement : le compte d’engagement citoyen doit être simplifié",
        lead="Deux ans après sa création, le compte d’engagement citoyen reste largement inutilisé par les bénévoles. Le Mouvement associatif formule des propositions.",
        tags=["bénévolat"], related=["loi1901", "emploi"],
        body=[
            ("p", "Le compte d’engagement citoyen devait reconnaître l’engagement des bénévoles responsables d’association en leur ouvrant des droits à la formation. Deux ans après son entrée en vigueur, le dispositif peine à trouver son public."),
            ("p", "En cause : des démarches déclaratives complexes, une information insuffisante des associations et un seuil de 200 heures d’engagement annuel que beaucoup de bénévoles n’atteignent pas."),
            ("p", "Le Mouvement associatif propose d’abaisser ce seuil, d’automatiser la déclaration par les associations et d’ouvrir le dispositif aux bénévoles qui encadrent d’autres bénévoles."),
        ],
    ),
    Post(
        key="loi1901", node_id=16015, when="2021-07-01 08:30", category="Actualités", author="Thomas Morel",
        title="La loi de 1901 a 120 ans",
        lead="Le 1er juillet 1901, la loi relative au contrat d’association consacrait la liberté de s’associer. Cent vingt ans plus tard, elle reste le socle de plus d’un million et demi d’associations.",
        tags=["bénévolat", "histoire"], related=["cec", "subventions"],
        body=[
            ("p", "Adoptée après des mois de débats parlementaires, la loi du 1er juillet 1901 tient en quelques articles. Elle définit l’association comme « la convention par laquelle deux ou plusieurs personnes mettent en commun, d’une façon permanente, leurs connaissances ou leur activité dans un but autre que de partager des bénéfices »."),
            ("p", "Sa force tient à sa simplicité : aucune autorisation préalable, une déclaration en préfecture pour obtenir la capacité juridique, une grande liberté d’organisation. Cette souplesse a permis l’essor d’un tissu associatif d’une diversité unique en Europe."),
            ("p", "Pour cet anniversaire, le Mouvement associatif a publié un manifeste rappelant que la liberté d’association doit être protégée, y compris face aux nouvelles obligations imposées par la loi confortant le respect des principes de la République."),
        ],
    ),
]

RTES_POSTS = [
    Post(
        key="commande", node_id=7312, when="2022-09-20 09:30", category="Actualités", author="RTES",
        title="Commande publique responsable : le guide du RTES pour les collectivités",
        lead="Clauses sociales, marchés réservés, allotissement : le RTES publie un guide pratique pour aider les collectivités à ouvrir leurs achats aux entreprises de l’ESS.",
        tags=["commande publique", "collectivités"], related=["municipales", "ptce"],
        body=[
            ("p", "Les collectivités locales achètent chaque année pour près de 100 milliards d’euros de biens et de services. Une part encore modeste de ces achats bénéficie aux entreprises de l’économie sociale et solidaire, alors que le droit de la commande publique offre de nombreux outils pour les y associer."),
            ("p", "Le guide publié par le RTES recense ces outils et les illustre par des exemples de collectivités adhérentes : marchés réservés aux structures d’insertion, critères d’attribution liés à la performance sociale, allotissement fin pour permettre aux petites structures de candidater."),
            ("h", "Former les acheteurs"),
            ("p", "Le guide insiste sur un point : la volonté politique ne suffit pas sans acheteurs formés et sans dialogue avec les acteurs locaux. Plusieurs collectivités ont créé des rencontres régulières entre leurs services achats et les réseaux de l’ESS."),
        ],
    ),
    Post(
        key="municipales", node_id=6550, when="2020-02-04 11:00", category="Plaidoyer", author="RTES",
        title="Municipales 2020 : dix propositions pour des politiques locales d’ESS",
        lead="À quelques semaines des élections municipales, le RTES publie dix propositions pour faire de l’économie sociale et solidaire un levier des politiques communales et intercommunales.",
        tags=["élections", "collectivités"], related=["commande", "journees"],
        body=[
            ("p", "Les communes et les intercommunalités disposent de nombreux leviers pour soutenir l’économie sociale et solidaire : achats, foncier, aides économiques, soutien aux associations, coopération avec les acteurs locaux. Encore faut-il que l’ESS figure dans les programmes."),
            ("ul", [
                "désigner un ou une élue en charge de l’ESS ;",
                "co-construire une stratégie locale avec les acteurs ;",
                "intégrer des clauses sociales et environnementales dans les marchés ;",
                "soutenir les tiers-lieux et les pôles territoriaux de coopération économique.",
            ]),
            ("p", "Le RTES propose aux candidats de signer ces propositions et accompagnera les nouvelles équipes élues dans leur mise en œuvre."),
        ],
    ),
    Post(
        key="ptce", node_id=3120, when="2016-05-24 14:00", category="Actualités", author="RTES",
        title="Les PTCE, outils de coopération entre collectivités et acteurs de l’ESS",
        lead="Le RTES a réuni ses adhérents pour un retour d’expériences sur les pôles territoriaux de coopération économique, deux ans après leur reconnaissance par la loi.",
        tags=["PTCE", "coopération"], related=["commande", "municipales"],
        body=[
            ("p", "Une quarantaine d’élus et de techniciens de collectivités ont participé à la journée d’échanges organisée par le RTES sur les pôles territoriaux de coopération économique. Plusieurs pôles ont présenté leur gouvernance et leurs relations avec les collectivités."),
            ("p", "Les participants ont souligné le rôle des collectivités dans l’émergence des pôles : mise à disposition de locaux, financement de l’animation, participation aux instances. Mais ils ont aussi rappelé que la coopération ne se décrète pas et doit partir des acteurs."),
            ("p", "Les actes de la journée sont disponibles dans l’espace ressources du site."),
        ],
    ),
    Post(
        key="journees", node_id=8904, when="2024-06-18 17:45", category="Vie du réseau", author="RTES",
        title="Journées du RTES 2024 : retour sur deux jours d’échanges à Grenoble",
        lead="Plus de 150 élus et techniciens se sont retrouvés à Grenoble pour les journées annuelles du réseau, consacrées à l’ESS et à la transition écologique des territoires.",
        tags=["transition écologique", "collectivités"], related=["commande", "municipales"],
        body=[
            ("p", "Ateliers, visites de terrain et séances plénières ont rythmé ces deux journées accueillies par la ville et la métropole de Grenoble. Les participants ont visité une coopérative de réemploi, un tiers-lieu alimentaire et une régie de quartier."),
            ("p", "Les échanges ont porté sur la place de l’ESS dans la planification écologique : alimentation, énergie citoyenne, mobilités, économie circulaire. De nombreuses collectivités ont fait part de leur volonté d’associer davantage les acteurs de l’ESS à leurs plans climat."),
            ("p", "Les supports des interventions sont disponibles pour les adhérents du réseau."),
        ],
    ),
]

LABO_POSTS = [
    Post(
        key="ptce10", node_id=1204, when="2019-11-14 09:30", category="Actualités", author="Hélène Combe",
        title="Les pôles territoriaux de coopération économique, dix ans après",
        lead="Le Labo de l’ESS a lancé la dynamique des PTCE en 2010. Une décennie plus tard, il dresse le bilan d’une forme de coopération désormais inscrite dans la loi.",
        tags=["PTCE", "Coopération", "Territoires"], related=[],
        notes=[
            "Le Labo de l’ESS, Les pôles territoriaux de coopération économique, 2014.",
            "Article 9 de la loi n° 2014-856 du 31 juillet 2014 relative à l’économie sociale et solidaire.",
        ],
        body=[
            ("p", "En 2010, le Labo de l’ESS identifiait une vingtaine de regroupements d’acteurs qui, sur un territoire, coopéraient pour développer des activités économiques[^1]. Le terme de pôle territorial de coopération économique était né. Il entrera dans la loi quatre ans plus tard[^2]."),
            ("h", "Une centaine de pôles"),
            ("p", "On compte aujourd’hui plus d’une centaine de PTCE, de tailles et de secteurs très variés : recyclerie et écoconstruction dans le Nord, alimentation durable en Bretagne, culture en Île-de-France. Leur point commun : une gouvernance partagée entre entreprises de l’ESS, entreprises classiques, collectivités et chercheurs."),
            ("p", "Le bilan est pourtant contrasté. Si certains pôles ont créé des centaines d’emplois, d’autres peinent à financer leur animation, faute de modèle économique stable."),
        ],
    ),
    Post(
        key="alimentation", node_id=1388, when="2021-03-09 10:00", category="Actualités", author="Hélène Combe",
        title="Transition écologique : l’ESS au cœur des circuits courts alimentaires",
        lead="Épiceries coopératives, légumeries solidaires, projets alimentaires territoriaux : le Labo de l’ESS publie une étude sur la contribution de l’ESS à l’alimentation durable.",
        tags=["Alimentation", "Transition écologique"], related=[],
        body=[
            ("p", "La crise sanitaire a révélé la fragilité des chaînes d’approvisionnement et l’attachement des Français à une alimentation locale. Les acteurs de l’ESS n’ont pas attendu pour s’en saisir : coopératives de producteurs, épiceries participatives et légumeries d’insertion se sont multipliées depuis dix ans."),
            ("p", "L’étude du Labo de l’ESS s’appuie sur quinze initiatives de terrain. Elle montre comment ces projets relient producteurs, consommateurs et collectivités, et comment ils contribuent à l’accès de tous à une alimentation de qualité."),
            ("h", "Des recommandations"),
            ("p", "Le Labo recommande d’associer systématiquement les acteurs de l’ESS aux projets alimentaires territoriaux et de mobiliser la restauration collective publique comme débouché pour les filières locales."),
        ],
    ),
    Post(
        key="municipales", node_id=1296, when="2020-01-21 14:30", category="Publications", author="Le Labo de l’ESS",
        title="Municipales : le Labo de l’ESS publie ses propositions",
        lead="Le Labo de l’ESS publie un cahier de propositions à destination des candidats aux élections municipales, pour des territoires plus coopératifs et plus solidaires.",
        tags=["Territoires", "Politiques publiques"], related=[],
        body=[
            ("p", "À deux mois du premier tour, le Labo de l’ESS publie un cahier de propositions élaboré avec ses partenaires. Il s’adresse aux candidats, mais aussi aux citoyens qui souhaitent interpeller les listes de leur commune."),
            ("p", "Les propositions s’organisent autour de trois axes : encourager les coopérations économiques locales, soutenir l’engagement citoyen et faire de la transition écologique un levier de création d’activités."),
            ("p", "Le cahier est disponible en téléchargement libre et sera présenté lors d’une rencontre publique le 6 février."),
        ],
    ),
    Post(
        key="monnaies", node_id=902, when="2017-06-27 11:15", category="Actualités", author="Hélène Combe",
        title="Monnaies locales complémentaires : où en est-on ?",
        lead="Elles sont plus de quarante en circulation en France. Le Labo de l’ESS fait le point sur les monnaies locales complémentaires, leurs réussites et leurs limites.",
        tags=["Monnaies locales", "Territoires"], related=[],
        notes=["Loi n° 2014-856 du 31 juillet 2014, article 16, qui reconnaît les titres de monnaies locales complémentaires."],
        body=[
            ("p", "Depuis leur reconnaissance par la loi relative à l’économie sociale et solidaire[^1], les monnaies locales complémentaires se sont multipliées. De la Gonette lyonnaise à l’Eusko basque, elles circulent aujourd’hui dans plus de quarante territoires."),
            ("p", "Leur objectif : relocaliser les échanges, soutenir les commerces de proximité et orienter la consommation vers des produits locaux et durables. Les montants en circulation restent toutefois modestes, de quelques dizaines de milliers à plus d’un million d’euros pour les plus importantes."),
            ("p", "Le Labo de l’ESS appelle les collectivités à accepter ces monnaies pour le paiement de certains services publics, comme l’ont déjà fait plusieurs villes."),
        ],
    ),
]

EES_POSTS = [
    Post(
        key="soin", node_id=5120, when="2024-09-10 08:00", category="Actualités", author="Guillaume Chocteau",
        title="Emploi dans l’ESS : les métiers du soin en tension",
        lead="Aides à domicile, aides-soignants, éducateurs : les employeurs de l’ESS peinent à recruter dans les métiers du soin et de l’accompagnement. Enquête.",
        tags=["Emploi", "Médico-social"], related=["tiers", "cjs"], paywall=True, teaser_blocks=1,
        body=[
            ("p", "Dans l’aide à domicile, un poste sur cinq resterait vacant selon les fédérations d’employeurs. Les associations, qui assurent la majorité de l’accompagnement des personnes âgées et handicapées, sont en première ligne."),
            ("p", "Les revalorisations salariales obtenues depuis 2021 ont amélioré la situation, sans la régler. Les conditions de travail — horaires fractionnés, déplacements, charge émotionnelle — restent le premier motif de départ invoqué par les salariés."),
            ("h", "Des réponses coopératives"),
            ("p", "Certaines structures expérimentent d’autres organisations : équipes autonomes, temps de coordination rémunérés, mutualisation de postes entre associations. Les premiers résultats sur le turn-over sont encourageants."),
            ("p", "Dans une association du Maine-et-Loire, la direction a confié aux équipes d’intervenantes l’organisation de leurs tournées et le lien avec les familles. En deux ans, les démissions ont été divisées par deux et les arrêts maladie ont nettement reculé, selon la directrice, qui reconnaît toutefois un surcoût de coordination."),
            ("p", "Reste la question du financement, qui dépend largement des départements et de l’Assurance maladie, et que les employeurs jugent toujours insuffisant."),
        ],
    ),
    Post(
        key="tiers", node_id=4788, when="2023-03-14 10:30", category="Initiatives", author="Guillaume Chocteau",
        title="Tiers-lieux : le modèle économique en question",
        lead="Soutenus par l’État depuis 2019, les tiers-lieux se sont multipliés. Mais beaucoup cherchent encore un équilibre entre activités marchandes et missions d’intérêt général.",
        tags=["Tiers-lieux", "Territoires"], related=["soin", "finansol"],
        notes=[
            "France Tiers-Lieux, Nos territoires en action, rapport 2023.",
            "Programme « Nouveaux lieux, nouveaux liens », lancé en 2019.",
        ],
        body=[
            ("p", "Ils seraient plus de 3 500 en France[^1]. Espaces de coworking, ateliers partagés, fablabs, cafés associatifs : les tiers-lieux ont bénéficié d’un soutien public important, notamment à travers le programme de labellisation des fabriques de territoire[^2]."),
            ("p", "Mais la fin progressive des aides de démarrage pose la question de leur pérennité. Les recettes de location d’espaces couvrent rarement plus d’un tiers des charges."),
            ("h", "Hybrider les ressources"),
            ("p", "Les tiers-lieux qui s’en sortent le mieux combinent plusieurs sources de revenus : prestations de formation, restauration, événements, conventions avec les collectivités pour des missions de service public."),
        ],
    ),
    Post(
        key="finansol", node_id=2310, when="2017-05-16 09:45", category="Actualités", author="Guillaume Chocteau",
        title="Le label Finansol fête ses 20 ans",
        lead="Créé en 1997, le label Finansol distingue les placements d’épargne solidaire. Vingt ans plus tard, il est devenu la référence du secteur.",
        tags=["Finance solidaire"], related=["tiers", "cjs"],
        body=[
            ("p", "En 1997, l’association Finansol créait un label pour distinguer les produits d’épargne solidaire des autres placements. Vingt ans plus tard, plus de 150 produits sont labellisés, et l’encours de l’épargne solidaire dépasse les 9 milliards d’euros."),
            ("p", "Le label repose sur deux critères : la solidarité, avec une part de l’encours investie dans des activités à forte utilité sociale ou environnementale, et la transparence, avec une information régulière des épargnants."),
            ("p", "Pour ses vingt ans, Finansol lance une campagne de sensibilisation auprès des conseillers bancaires, encore trop peu nombreux à proposer ces placements."),
        ],
    ),
    Post(
        key="cjs", node_id=4420, when="2022-06-28 14:20", category="Initiatives", author="Guillaume Chocteau",
        title="Coopératives jeunesse de services : un été pour entreprendre",
        lead="Pendant l’été, des adolescents de 16 à 18 ans créent et gèrent leur propre coopérative de services. Une initiative qui essaime dans toute la France.",
        tags=["Jeunes", "Coopératives"], related=["finansol", "tiers"],
        body=[
            ("p", "Tonte de pelouses, aide aux déménagements, lavage de vitrines : pendant deux mois, une quinzaine de jeunes d’un même quartier proposent leurs services aux habitants et aux entreprises. Ils décident ensemble des prix, des plannings et de l’utilisation des bénéfices."),
            ("p", "Importé du Québec, le modèle des coopératives jeunesse de services s’est implanté en France en 2013. Une centaine de coopératives fonctionnent chaque été, accompagnées par des animateurs et des comités locaux réunissant collectivités et entreprises de l’ESS."),
            ("p", "Pour beaucoup de participants, c’est une première expérience professionnelle, et la découverte concrète de la gouvernance coopérative."),
        ],
    ),
    Post(
        key="energie", node_id=5302, when="2025-01-20 11:00", category="Actualités", author="Guillaume Chocteau",
        title="Énergie citoyenne : les coopératives changent de braquet",
        lead="Les projets d’énergie renouvelable portés par des citoyens et des collectivités se multiplient. Les coopératives d’énergie passent à l’échelle industrielle.",
        tags=["Énergie", "Coopératives"], related=["tiers", "soin"], paywall=True, teaser_blocks=1,
        body=[
            ("p", "Parcs éoliens, centrales photovoltaïques sur les toits d’écoles, réseaux de chaleur : plus de 300 projets d’énergie renouvelable sont aujourd’hui portés par des collectifs de citoyens, souvent aux côtés des communes."),
            ("p", "Longtemps cantonnés à de petites installations, ces projets changent d’échelle. Plusieurs coopératives régionales financent désormais des parcs de plusieurs mégawatts, grâce à l’épargne de milliers de sociétaires."),
            ("h", "La question du foncier"),
            ("p", "L’accès au foncier et aux raccordements reste le principal frein. Les coopératives demandent que les appels d’offres publics valorisent davantage la gouvernance locale et le partage de la valeur avec les habitants."),
            ("p", "Le réseau national des énergies citoyennes publiera au printemps un état des lieux des projets, région par région."),
        ],
    ),
]


# ==========================================================================
# The sites and their files
# ==========================================================================

class Files:
    """Collects the files of one site folder (paths relative to it)."""

    def __init__(self, out: Path):
        self.out = out
        self.names: list[str] = []

    def put(self, rel: str, content: str) -> None:
        write(self.out / rel, content)
        self.names.append(rel)


def url_dir(path: str) -> str:
    """``/a/b/`` -> ``a/b/index.html`` (how the sample server serves a trailing slash)."""
    return path.strip("/") + "/index.html" if path.strip("/") else "index.html"


def neighbours(site: Site, p: Post) -> tuple[Post | None, Post | None]:
    """(previous, next) posts by date, as WordPress's post navigation links them."""
    ordered = sorted(site.posts, key=lambda x: x.dt)
    i = ordered.index(p)
    return (ordered[i - 1] if i > 0 else None), (ordered[i + 1] if i + 1 < len(ordered) else None)


def wp_common(files: Files, wp: WpSite) -> None:
    files.put("feed/index.html", wp_feed(wp, lambda p: wp_content(wp, p)))
    for name, content in wp_sitemaps(wp).items():
        files.put(name, content)
    files.put("robots.txt", wp_robots(wp.origin))


# ---------------------------------------------------------------- mediatico

MEDIATICO = Site(name="mediatico", label="Mediatico", origin="https://mediatico.fr",
                 tagline="Le média de l’économie sociale et solidaire", posts=MEDIATICO_POSTS,
                 url_of=lambda p: f"/{wp_slug(p.title)}/")
MEDIATICO_WP = WpSite(site=MEDIATICO, theme="mediatico",
                      authors={"Camille Arnaud": "camille-arnaud", "Pierre-Yves Le Goff": "pylegoff",
                               "Nadia Benchikh": "nadia-benchikh"},
                      categories=["Actualité", "Édito", "Portrait", "Tribune"],
                      pages=[("Qui sommes-nous ?", "qui-sommes-nous"), ("Contact", "contact")])


def build_mediatico(files: Files) -> None:
    wp = MEDIATICO_WP
    for p in wp.site.posts:
        files.put(url_dir(wp.site.path(p)), med_article(wp, p))
    home = wp.site.pages()
    for n, chunk in enumerate(home, 1):
        files.put(url_dir(wp.page_url("/", n)), med_archive(
            wp, base=wp.origin + "/", title="Les derniers articles", posts=chunk, page=n, pages=len(home),
            body_class="home blog" + (f" paged paged-{n}" if n > 1 else ""), current=None))
    for cat in wp.categories:
        pages = wp.site.pages([p for p in wp.site.posts if p.category == cat])
        base = wp.cat_url(cat)
        for n, chunk in enumerate(pages, 1):
            files.put(url_dir(wp.page_url(base, n)[len(wp.origin):]), med_archive(
                wp, base=base, title=cat, posts=chunk, page=n, pages=len(pages),
                body_class=f"archive category category-{wp_slug(cat)}", current=cat))
    wp_common(files, wp)


def build_mediatico_variant(files: Files) -> None:
    p = MEDIATICO.by_key["tzc"]
    files.put(url_dir(MEDIATICO.path(p)), med_variant(MEDIATICO_WP, p))
    files.put("README.txt", f"""One mediatico article as the site's next theme renders it: {MEDIATICO.url(p)}
Same text, another template (block theme + Yoast SEO): see med_variant() in tools/build_samples_more.py.
Served like a sample site folder: /{MEDIATICO.path(p).strip('/')}/ is {url_dir(MEDIATICO.path(p))}.
""")


# ---------------------------------------------------------------- mouvement_associatif

LMA = Site(name="mouvement_associatif", label="Le Mouvement associatif", origin="https://lemouvementassociatif.org",
           tagline="La voix des associations", posts=LMA_POSTS, url_of=lambda p: f"/{wp_slug(p.title)}/")
LMA_WP = WpSite(site=LMA, theme="twentytwentyone", authors={"Claire Dubois": "claire", "Thomas Morel": "thomas"},
                categories=["Actualités", "Communiqués"],
                pages=[("Qui sommes-nous ?", "qui-sommes-nous"), ("Nos membres", "nos-membres"), ("Contact", "contact")],
                front_path="/actualites/")


def build_mouvement_associatif(files: Files) -> None:
    wp = LMA_WP
    for p in wp.site.posts:
        files.put(url_dir(wp.site.path(p)), lma_article(wp, p, *neighbours(wp.site, p)))
    pages = wp.site.pages()
    for n, chunk in enumerate(pages, 1):
        files.put(url_dir(wp.page_url(wp.front_path, n)), lma_archive(wp, chunk, n, len(pages)))
    wp_common(files, wp)


# ---------------------------------------------------------------- rtes

RTES = Site(name="rtes", label="RTES", origin="https://www.rtes.fr",
            tagline="Réseau des collectivités Territoriales pour une Économie Solidaire", posts=RTES_POSTS,
            url_of=lambda p: f"/{p.day:%Y/%m/%d}/{wp_slug(p.title)}/")
RTES_WP = WpSite(site=RTES, theme="rtes-2024", authors={"RTES": "rtes"},
                 categories=["Actualités", "Plaidoyer", "Vie du réseau"],
                 pages=[("Le RTES", "le-rtes"), ("Ressources", "ressources"), ("Adhérer", "adherer")],
                 front_path="/actualites/")


def build_rtes(files: Files) -> None:
    wp = RTES_WP
    for p in wp.site.posts:
        files.put(url_dir(wp.site.path(p)), rtes_article(wp, p, *neighbours(wp.site, p)))
    pages = wp.site.pages()
    for n, chunk in enumerate(pages, 1):
        files.put(url_dir(wp.page_url(wp.front_path, n)), rtes_archive(wp, chunk, n, len(pages)))
    wp_common(files, wp)


# ---------------------------------------------------------------- Drupal sites

def build_drupal(files: Files, ds: DrupalSite, article, row, view_id: str, rss_description) -> None:
    for p in ds.site.posts:
        files.put(ds.site.path(p).lstrip("/") + ".html", article(ds, p))
    pages = ds.site.pages()
    for i, chunk in enumerate(pages):
        html = drupal_listing(ds, i, len(pages), [row(ds, p) for p in chunk], view_id)
        if i == 0:
            files.put(ds.listing.lstrip("/") + ".html", html)
        files.put(f"{ds.listing.lstrip('/')}@page={i}.html", html)
    files.put("rss.xml", drupal_rss(ds, rss_description))
    files.put("sitemap.xml", drupal_sitemap(ds, len(pages)))
    files.put("robots.txt", DRUPAL_ROBOTS)


ESS_FRANCE = Site(name="ess_france", label="ESS France", origin="https://www.ess-france.org",
                  tagline="Chambre française de l’économie sociale et solidaire", posts=ESS_FRANCE_POSTS,
                  url_of=lambda p: f"/centre-de-ressources/{pathauto_slug(p.title)}")
ESS_FRANCE_DS = DrupalSite(site=ESS_FRANCE, theme="essfrance", version="10",
                           menu=[("L’ESS", "/less"), ("Centre de ressources", "/centre-de-ressources"),
                                 ("Nos actions", "/nos-actions"), ("Contact", "/contact")],
                           listing="/centre-de-ressources", listing_title="Centre de ressources",
                           footer="ESS France &ndash; 34 bis rue Vignon, 75009 Paris")

CARENEWS = Site(name="carenews", label="Carenews", origin="https://www.carenews.com",
                tagline="Le média de l’engagement", posts=CARENEWS_POSTS,
                url_of=lambda p: f"/{pathauto_slug(p.organisation)}/news/{pathauto_slug(p.full_title, max_len=75)}")
CARENEWS_DS = DrupalSite(site=CARENEWS, theme="carenews", version="9",
                         menu=[("Actualités", "/actualites"), ("Tribunes", "/tribunes"), ("Annuaire", "/annuaire"),
                               ("Emploi", "/emploi")],
                         listing="/actualites", listing_title="Actualités",
                         footer="Carenews &ndash; le média de l’engagement, de la RSE et de la philanthropie")

AVISE = Site(name="avise", label="Avise", origin="https://www.avise.org",
             tagline="Développer l’économie sociale et solidaire", posts=AVISE_POSTS,
             url_of=lambda p: f"/actualites/{pathauto_slug(p.title)}")
AVISE_DS = DrupalSite(site=AVISE, theme="avise", version="9",
                      menu=[("Entreprendre", "/entreprendre"), ("Ressources", "/ressources"), ("Actualités", "/actualites"),
                            ("Agenda", "/agenda")],
                      listing="/actualites", listing_title="Actualités",
                      footer="Avise &ndash; agence d’ingénierie pour développer l’économie sociale et solidaire")

FONDA = Site(name="fonda", label="La Fonda", origin="https://fonda.asso.fr",
             tagline="Fabrique associative", posts=FONDA_POSTS,
             url_of=lambda p: f"/ressources/{pathauto_slug(p.title)}")
FONDA_DS = DrupalSite(site=FONDA, theme="fonda", version="9",
                      menu=[("La Fonda", "/la-fonda"), ("Ressources", "/ressources"), ("Faire ensemble 2030", "/faire-ensemble-2030")],
                      listing="/ressources", listing_title="Ressources",
                      footer="La Fonda &ndash; 53 boulevard de Charonne, 75011 Paris")


# ---------------------------------------------------------------- SPIP sites

def build_spip(files: Files, ss: SpipSite, article, content_of) -> None:
    for p in ss.site.posts:
        path = ss.site.path(p)
        files.put(path.lstrip("/") if path.endswith(".html") else path.lstrip("/") + ".html", article(ss, p))
    for cat, path in ss.rubriques.items():
        in_cat = ss.site.newest_first([p for p in ss.site.posts if p.category == cat])
        for debut in range(0, max(len(in_cat), 1), ss.site.per_page):
            html = spip_rubrique(ss, cat, in_cat[debut:debut + ss.site.per_page], debut, len(in_cat))
            stem = url_dir(path) if path.endswith("/") else path.lstrip("/") + ".html"
            if debut:
                stem = (path.lstrip("/") if path.endswith("/") else path.lstrip("/")) + f"@debut_articles={debut}.html"
            files.put(stem, html)
    files.put("index.html", spip_home(ss))
    files.put("spip.php@page=backend.xml", spip_backend(ss, content_of))
    files.put("sitemap.xml", spip_sitemap(ss))
    files.put("robots.txt", spip_robots(ss))


LABO = Site(name="lelabo_ess", label="Le Labo de l’ESS", origin="https://www.lelabo-ess.org",
            tagline="Think tank de l’économie sociale et solidaire", posts=LABO_POSTS, per_page=2,
            url_of=lambda p: LABO_SS.rubriques[p.category] + arbo_slug(p.title) + ".html")
LABO_SS = SpipSite(site=LABO, generator="SPIP 3.2.19 [24928]", intertitre="h3", arbo=True,
                   rubriques={"Actualités": "/actualites/", "Publications": "/publications/"})

EES = Site(name="ess_et_societe", label="ESS et Société", origin="https://www.ess-et-societe.net",
           tagline="L’information de l’économie sociale et solidaire", posts=EES_POSTS, per_page=2,
           url_of=lambda p: "/" + spip_slug(p.title))
EES_SS = SpipSite(site=EES, generator="SPIP 4.1.5 [26173]", intertitre="h2",
                  rubriques={"Actualités": "/-Actualites-", "Initiatives": "/-Initiatives-"})


def ees_feed_content(p: Post) -> str:
    fl = SpipFlavor2(EES_SS, p, 0)
    blocks = p.body[:p.teaser_blocks] if p.paywall else p.body
    return f"<p>{fl.inline(p.lead)}</p>\n" + spip_blocks2(blocks, fl, EES_SS.intertitre)


def labo_feed_content(p: Post) -> str:
    fl = SpipFlavor2(LABO_SS, p, 0)
    return f"<p>{fl.inline(p.lead)}</p>\n" + spip_blocks2(p.body, fl, LABO_SS.intertitre)


# ---------------------------------------------------------------- all of them

BUILDERS = {
    "mediatico": (MEDIATICO, build_mediatico),
    "mouvement_associatif": (LMA, build_mouvement_associatif),
    "rtes": (RTES, build_rtes),
    "ess_france": (ESS_FRANCE, lambda f: build_drupal(f, ESS_FRANCE_DS, essf_article, essf_row, "ressources",
                                                      lambda p: f"<p>{esc_text(p.lead)}</p>")),
    "carenews": (CARENEWS, lambda f: build_drupal(f, CARENEWS_DS, carenews_article, carenews_row, "news",
                                                  lambda p: f"<p>{esc_text(p.lead)}</p>")),
    "avise": (AVISE, lambda f: build_drupal(f, AVISE_DS, avise_article, avise_row, "actualites",
                                            lambda p: f"<p>{esc_text(p.lead)}</p>")),
    "fonda": (FONDA, lambda f: build_drupal(f, FONDA_DS, fonda_article, fonda_row, "ressources",
                                            lambda p: f"<p>{esc_text(p.lead)}</p>")),
    "lelabo_ess": (LABO, lambda f: build_spip(f, LABO_SS, labo_article, labo_feed_content)),
    "ess_et_societe": (EES, lambda f: build_spip(f, EES_SS, ees_article, ees_feed_content)),
}
VARIANT_BUILDERS = {"mediatico-v2": build_mediatico_variant}


def rebuild(folder: Path, builder) -> int:
    """Empty `folder` and write it again; returns the number of files."""
    if folder.exists():
        shutil.rmtree(folder)
    files = Files(folder)
    builder(files)
    return len(files.names)


def main() -> None:
    for name, (site, builder) in BUILDERS.items():
        site.check()
        count = rebuild(SAMPLES / name, builder)
        print(f"{name}: {count} files written to {(SAMPLES / name).relative_to(ROOT)}")
    for name, builder in VARIANT_BUILDERS.items():
        count = rebuild(VARIANTS / name, builder)
        print(f"variants/{name}: {count} files written to {(VARIANTS / name).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
