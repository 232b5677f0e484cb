"""Site profiles: one TOML file per site in this folder (data, not code).

A profile names the site, its domains and start points, which URLs are
articles and listings, and only the selectors the generic extractor gets
wrong. `load_profiles()` reads them all; `ESS_PROFILE_DIRS` (os.pathsep-separated)
adds folders of extra profiles without touching the package.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import tomllib

PROFILE_DIR = Path(__file__).parent / "sites"

SELECTOR_FIELDS = (
    "title", "date", "modified", "category", "lead", "body", "footnotes",
    "related", "authors", "tags", "remove",
)
# the article fields whose share a profile's [coverage] table may set a threshold for
COVERAGE_FIELDS = ("title", "published", "category", "body", "lead", "authors", "footnotes", "related")


class ProfileError(ValueError):
    """A profile file is missing something or says something impossible."""


@dataclass(frozen=True)
class SiteProfile:
    """What the crawler and extractor need to know about one site."""

    name: str
    title: str
    origin: str  # scheme://host of the public site, e.g. https://www.chorum.fr
    domains: tuple[str, ...]
    article_urls: tuple[str, ...]  # regexes on path?query
    listing_urls: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()  # besides the ones robots.txt names
    feeds: tuple[str, ...] = ()
    cms: str = ""
    language: str = "fr"
    description: str = ""
    rights: str = ""
    selectors: dict[str, str] = field(default_factory=dict)
    title_suffixes: tuple[str, ...] = ()
    coverage: dict[str, float] = field(default_factory=dict)  # field -> minimum share of articles
    wp_rest: bool = False  # ask the WordPress REST API even if cms is not "wordpress"
    source_file: str = ""

    @cached_property
    def _article_res(self) -> list[re.Pattern]:
        return [re.compile(p) for p in self.article_urls]

    @cached_property
    def _listing_res(self) -> list[re.Pattern]:
        return [re.compile(p) for p in self.listing_urls]

    @staticmethod
    def _target(url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def owns(self, url: str) -> bool:
        """True when the URL is on one of the site's domains."""
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def is_article(self, url: str) -> bool:
        """True when the URL is an article page of this site."""
        return self.owns(url) and any(r.search(self._target(url)) for r in self._article_res)

    def is_listing(self, url: str) -> bool:
        """True when the URL is a listing page worth following for discovery."""
        return self.owns(url) and any(r.search(self._target(url)) for r in self._listing_res)


def _tuple(data: dict, key: str) -> tuple[str, ...]:
    value = data.get(key, ())
    if isinstance(value, str):
        value = [value]
    return tuple(value)


def profile_from_dict(data: dict, source_file: str = "") -> SiteProfile:
    """Build a profile from parsed TOML, with clear errors for what is missing."""
    where = source_file or "profile"
    for key in ("name", "origin", "article_urls"):
        if not data.get(key):
            raise ProfileError(f"{where}: '{key}' is required")
    origin = data["origin"].rstrip("/")
    host = urlsplit(origin).hostname
    if not host:
        raise ProfileError(f"{where}: origin {origin!r} is not an absolute URL")
    domains = _tuple(data, "domains") or (host,)
    selectors = dict(data.get("selectors", {}))
    unknown = set(selectors) - set(SELECTOR_FIELDS)
    if unknown:
        raise ProfileError(f"{where}: unknown selector(s) {sorted(unknown)}; known: {SELECTOR_FIELDS}")
    coverage = {k: float(v) for k, v in data.get("coverage", {}).items()}
    unknown = set(coverage) - set(COVERAGE_FIELDS)
    if unknown:
        raise ProfileError(f"{where}: unknown coverage field(s) {sorted(unknown)}; known: {sorted(COVERAGE_FIELDS)}")
    profile = SiteProfile(
        name=data["name"],
        title=data.get("title", data["name"]),
        origin=origin,
        domains=tuple(d.lower() for d in domains),
        article_urls=_tuple(data, "article_urls"),
        listing_urls=_tuple(data, "listing_urls"),
        start_urls=_tuple(data, "start_urls") or (origin + "/",),
        sitemaps=_tuple(data, "sitemaps"),
        feeds=_tuple(data, "feeds"),
        cms=data.get("cms", ""),
        language=data.get("language", "fr"),
        description=data.get("description", ""),
        rights=data.get("rights", ""),
        selectors=selectors,
        title_suffixes=_tuple(data, "title_suffixes"),
        coverage=coverage,
        wp_rest=bool(data.get("wp_rest", False)),
        source_file=source_file,
    )
    for pattern in profile.article_urls + profile.listing_urls:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ProfileError(f"{where}: bad URL pattern {pattern!r}: {exc}") from exc
    return profile


def profile_dirs() -> list[Path]:
    extra = [Path(p) for p in os.environ.get("ESS_PROFILE_DIRS", "").split(os.pathsep) if p]
    return [PROFILE_DIR, *extra]


def load_profiles() -> dict[str, SiteProfile]:
    """Every profile, keyed by name (later folders override earlier ones)."""
    profiles: dict[str, SiteProfile] = {}
    for folder in profile_dirs():
        for path in sorted(folder.glob("*.toml")):
            with path.open("rb") as fh:
                try:
                    data = tomllib.load(fh)
                except tomllib.TOMLDecodeError as exc:
                    raise ProfileError(f"{path}: {exc}") from exc
            profile = profile_from_dict(data, str(path))
            profiles[profile.name] = profile
    return profiles


def get_profile(name: str) -> SiteProfile:
    """The profile called `name`, or a ProfileError listing the known ones."""
    profiles = load_profiles()
    try:
        return profiles[name]
    except KeyError:
        raise ProfileError(f"no site profile {name!r}; known: {', '.join(sorted(profiles))}") from None
