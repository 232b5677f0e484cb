"""Site profiles: one TOML file per site in this folder (data, not code).

A profile names the site, its domains and start points, which URLs are
articles and listings, and only the selectors the generic extractor gets
wrong. `load_profiles()` reads them all; `ESS_PROFILE_DIRS` (os.pathsep-separated)
adds folders of extra profiles without touching the package.

Each file is checked against the declared schema (`ess_crawler.profiles.schema`, with
`jsonschema`), and its URL regexes and CSS selectors are compiled: a mistake is a
`ProfileError` naming the file, the key and what was expected. A broken file never
hides the good ones: `load_profiles()` skips it with a `ProfileWarning` (shown by
`scrapy list`), `scan_profiles()` returns them beside the good ones (`ess-crawler list` prints them), and
`get_profile(name)` of a broken profile raises its error.
"""

from __future__ import annotations

import importlib.resources
import os
import re
import warnings
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from urllib.parse import urlsplit

import cssselect
import jsonschema
import tomllib

from ess_crawler.errors import UserError
from ess_crawler.profiles.schema import SCHEMA

# a Path when the package is files; a zipfile.Path inside a zipped egg (as Scrapyd runs it)
PROFILE_DIR = importlib.resources.files(__package__) / "sites"

SELECTOR_FIELDS = (
    "title", "date", "modified", "category", "lead", "body", "footnotes",
    "related", "authors", "tags", "remove",
)
# the article fields whose share a profile's [coverage] table may set a threshold for
COVERAGE_FIELDS = ("title", "published", "category", "body", "lead", "authors", "footnotes", "related")


class ProfileError(UserError, ValueError):
    """A profile file is missing something or says something impossible."""


class ProfileWarning(UserWarning):
    """A profile file was skipped because it is broken (the message says where and why)."""


# what each key holds, for the messages (the schema says the same, for machines)
_EXPECTED = {
    "name": "the spider's name: lower-case letters, digits, _ and - (e.g. \"chorum\")",
    "title": "a string", "description": "a string", "rights": "a string", "cms": "a string",
    "origin": "an absolute http(s) URL such as \"https://www.example.org\"",
    "domains": "a host name or a list of host names",
    "article_urls": "a regex or a non-empty list of regexes on the URL's path?query",
    "listing_urls": "a regex or a list of regexes on the URL's path?query",
    "start_urls": "an http(s) URL or a list of them", "sitemaps": "an http(s) URL or a list of them",
    "feeds": "an http(s) URL or a list of them",
    "language": "an ISO 639-1 code such as \"fr\"",
    "title_suffixes": "a string or a list of strings",
    "wp_rest": "true or false",
    "selectors": f"a table of CSS selectors, keys among {', '.join(SELECTOR_FIELDS)}",
    "coverage": f"a table of shares from 0 to 1, keys among {', '.join(COVERAGE_FIELDS)}",
    "selectors.*": "a CSS selector (a non-empty string)",
    "coverage.*": "a share of the articles, a number from 0 to 1 (0.9 = 90%)",
}
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
_CSS = cssselect.HTMLTranslator()


def _expected(path: tuple) -> str:
    key = ".".join(str(p) for p in path[:1])
    if len(path) > 1 and path[0] in ("selectors", "coverage"):
        key = f"{path[0]}.*"
    return _EXPECTED.get(key, "a value of the profile schema")


def _schema_problems(data: dict) -> list[str]:
    """One message per key the schema rejects: `key = value: expected ...`."""
    problems: dict[tuple, str] = {}
    for error in sorted(_VALIDATOR.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = tuple(error.absolute_path)
        if error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else error.message
            problems.setdefault((missing,), f"'{missing}' is required: {_expected((missing,))}")
        elif error.validator == "additionalProperties":
            known = sorted(error.schema.get("properties", {}))
            extra = sorted(set(error.instance) - set(known))
            where = ".".join(map(str, path))
            for key in extra:
                name = f"{where}.{key}" if where else key
                problems.setdefault((*path, key), f"unknown key '{name}'; known: {', '.join(known)}")
        elif path:
            key = path[: 2 if path[0] in ("selectors", "coverage") else 1]
            value = data
            for part in key:
                value = value[part] if isinstance(value, dict) else value
            problems.setdefault(key, f"{'.'.join(map(str, key))} = {value!r}: expected {_expected(key)}")
        else:
            problems.setdefault((), f"expected a table of keys, got {error.instance!r}")
    return list(problems.values())


def _compile_problems(data: dict) -> list[str]:
    """The regexes that do not compile and the CSS selectors that do not parse."""
    problems = []
    for key in ("article_urls", "listing_urls"):
        value = data.get(key, ())
        for pattern in [value] if isinstance(value, str) else value if isinstance(value, list) else ():
            if not isinstance(pattern, str):
                continue
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append(f"{key}: {pattern!r} is not a valid regex ({exc})")
    selectors = data.get("selectors")
    for name, css in (selectors.items() if isinstance(selectors, dict) else ()):
        if not isinstance(css, str) or not css.strip():
            continue
        try:
            _CSS.css_to_xpath(css)
        except (cssselect.SelectorError, cssselect.xpath.ExpressionError) as exc:
            problems.append(f"selectors.{name}: {css!r} is not a valid CSS selector ({exc})")
    return problems


def validate(data, source_file: str = "") -> list[str]:
    """Every problem of a parsed profile, each as `FILE: key ...: expected ...`; [] when it is good."""
    where = source_file or "profile"
    if not isinstance(data, dict):
        return [f"{where}: expected a table of keys"]
    return [f"{where}: {p}" for p in _schema_problems(data) + _compile_problems(data)]


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
    """Build a profile from parsed TOML; a ProfileError naming the file, key and expectation if it is wrong."""
    where = source_file or "profile"
    problems = validate(data, source_file)
    if problems:
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise ProfileError(problems[0] + more)
    origin = data["origin"].rstrip("/")
    host = urlsplit(origin).hostname
    if not host:
        raise ProfileError(f"{where}: origin = {origin!r}: expected {_EXPECTED['origin']}")
    domains = _tuple(data, "domains") or (host,)
    selectors = dict(data.get("selectors", {}))
    coverage = {k: float(v) for k, v in data.get("coverage", {}).items()}
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
    return profile


def user_profile_dir() -> Path:
    """Where a user's own profiles live: the first ESS_PROFILE_DIRS folder, else
    $XDG_CONFIG_HOME/ess-crawler/profiles (~/.config/ess-crawler/profiles)."""
    extra = [p for p in os.environ.get("ESS_PROFILE_DIRS", "").split(os.pathsep) if p]
    if extra:
        return Path(extra[0])
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "ess-crawler" / "profiles"


def profile_dirs() -> list[Path]:
    """The bundled profiles, then the user's folder, then each ESS_PROFILE_DIRS folder (later ones win)."""
    extra = [Path(p) for p in os.environ.get("ESS_PROFILE_DIRS", "").split(os.pathsep) if p]
    if extra:
        return [PROFILE_DIR, *extra]
    user = user_profile_dir()
    return [PROFILE_DIR, *([user] if user.is_dir() else [])]


def _read(path: Path) -> SiteProfile:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot be read: {exc}") from None
    try:
        return profile_from_dict(data, str(path))
    except ProfileError as exc:
        exc.data = data  # what the file says, for `broken_profile_for`
        raise


def broken_profile_for(url: str, broken: dict[Path, ProfileError] | None = None) -> ProfileError | None:
    """The error of a broken profile file whose origin or domains hold `url` (so no profile is
    used for it); `broken` as scan_profiles() returns it, else the files are read."""
    host = (urlsplit(url).hostname or "").lower()
    for exc in (scan_profiles()[1] if broken is None else broken).values():
        data = getattr(exc, "data", None) or {}
        domains = data.get("domains") or []
        domains = [domains] if isinstance(domains, str) else [d for d in domains if isinstance(d, str)]
        origin = data.get("origin") if isinstance(data.get("origin"), str) else ""
        domains.append(urlsplit(origin).hostname or "")
        if any(d and (host == d.lower() or host.endswith("." + d.lower())) for d in domains):
            return exc
    return None


def scan_profiles() -> tuple[dict[str, SiteProfile], dict[Path, ProfileError]]:
    """(the good profiles by name, later folders overriding earlier ones; the broken files and their errors)."""
    profiles: dict[str, SiteProfile] = {}
    broken: dict[Path, ProfileError] = {}
    for folder in profile_dirs():
        for path in _toml_files(folder):
            try:
                profile = _read(path)
            except ProfileError as exc:
                broken[path] = exc
                continue
            profiles[profile.name] = profile
    return profiles, broken


def _toml_files(folder) -> list:
    """The profile files of a folder, or of the package's own folder inside a zipped egg (Scrapyd)."""
    if isinstance(folder, Path):
        return sorted(folder.glob("*.toml"))
    return sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)


def load_profiles() -> dict[str, SiteProfile]:
    """Every good profile, keyed by name (later folders override earlier ones).

    A broken file is skipped with a ProfileWarning naming it, so the others still load.
    """
    profiles, broken = scan_profiles()
    for exc in broken.values():
        # one line each (no source line under it), once per process: `scrapy list` shows them on stderr
        warnings.warn_explicit(f"skipped a broken site profile: {exc}", ProfileWarning,
                               filename="ess-crawler", lineno=0, registry=_WARNED)
    return profiles


_WARNED: dict = {}


def get_profile(name: str) -> SiteProfile:
    """The profile called `name`, or a ProfileError listing the known ones."""
    profiles, broken = scan_profiles()
    if name in profiles:
        return profiles[name]
    for path, exc in broken.items():
        if path.stem == name:
            raise exc
    raise ProfileError(f"no site profile {name!r}; known: {', '.join(sorted(profiles))}")


@cache
def cached_profile(name: str) -> SiteProfile:
    """`get_profile(name)` read once per process, for the worker processes that extract page
    after page with the same few profiles (a broken one raises each time, as get_profile does)."""
    return get_profile(name)
