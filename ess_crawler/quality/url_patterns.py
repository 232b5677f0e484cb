"""URL patterns from example URLs: the regexes (on path?query) a profile's `article_urls` needs.

`infer_article_patterns(urls, not_articles)` groups example article URLs by shape
(segments, trailing slash, query) and writes one readable regex per group that
matches them and none of the known non-article URLs. Used by `add-site`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit


def segment_class(values: list[str]) -> str:
    """A regex for one path segment from the values seen there."""
    if all(re.fullmatch(r"\d{4}", v) for v in values):
        return r"\d{4}"
    if all(re.fullmatch(r"\d{2}", v) for v in values):
        return r"\d{2}"
    if all(re.fullmatch(r"\d+", v) for v in values):
        return r"\d+"
    suffix = ""
    exts = {m.group(0) for v in values if (m := re.search(r"\.(html?|php)$", v))}
    if len(exts) == 1 and all(v.endswith(next(iter(exts))) for v in values):
        suffix = readable_escape(next(iter(exts)))
        values = [v[: -len(next(iter(exts)))] for v in values]
    if all(re.fullmatch(r"[a-z0-9-]+", v) for v in values):
        return "[a-z0-9-]+" + suffix
    if all(re.fullmatch(r"[A-Za-z0-9_-]+", v) for v in values):
        return "[A-Za-z0-9][A-Za-z0-9_-]*" + suffix
    return "[^/?#]+" + suffix


def url_shape(url: str) -> tuple:
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    return len(segments), parts.path.endswith("/"), bool(parts.query)


def infer_article_patterns(urls: list[str], not_articles: set[str] = frozenset(), reserved: tuple = ()) -> list[str]:
    """Regexes (on path?query) matching the article URLs and none of the known non-articles."""
    groups: dict[tuple, list[str]] = {}
    for url in urls:
        groups.setdefault(url_shape(url), []).append(url)
    patterns = []
    covered = 0
    for shape, members in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        if patterns and covered >= 0.9 * len(urls) and len(members) < 2:
            break  # a stray URL does not make a pattern
        patterns.append(pattern_for(shape, members, not_articles, reserved))
        covered += len(members)
    return patterns


def pattern_for(shape: tuple, members: list[str], not_articles: set[str], reserved: tuple = ()) -> str:
    count, slash, has_query = shape
    split = [[s for s in urlsplit(u).path.split("/") if s] for u in members]
    regex_segments = []
    for i in range(count):
        values = sorted({segs[i] for segs in split})
        if len(values) == 1 and i < count - 1:  # a section every article is under
            regex_segments.append(readable_escape(values[0]))
        else:
            regex_segments.append(segment_class(values))
    path = "/" + "/".join(regex_segments) + ("/" if slash and count else "")
    query = ""
    if has_query:
        first = sorted({urlsplit(u).query for u in members})[0]
        query = r"\?" + r"\d+".join(readable_escape(part) for part in re.split(r"\d+", first))
    pattern = f"^{path}{query}$"
    compiled = re.compile(pattern)
    clashes = [u for u in not_articles if compiled.search(url_target(u))]
    if (clashes or reserved) and count >= 1 and regex_segments[0] != readable_escape(split[0][0]):
        firsts = sorted(({[s for s in urlsplit(u).path.split("/") if s][0] for u in clashes
                          if urlsplit(u).path.strip("/")} | set(reserved)) - {segs[0] for segs in split})
        firsts = [f for f in firsts if re.fullmatch(regex_segments[0], f)]  # only names it could match
        if firsts:
            end = "/" if count > 1 or slash else "$"
            head = "(?!(?:" + "|".join(readable_escape(f) for f in firsts) + ")" + end + ")"
            pattern = f"^/{head}" + pattern[2:]
    return pattern


def readable_escape(text: str) -> str:
    """re.escape, leaving hyphens (plain outside a class) as they are, for readable patterns."""
    return re.escape(text).replace("\\-", "-")


def url_target(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
