"""The publication date by agreement of evidence, not by the first rule that answers.

`metadata.find_dates` walks the evidence in the house order and returns the first answer
(the *primary*). Here every other kind of evidence is gathered beside it:

* ``jsonld``, ``meta:<key>``, ``microdata``: what the page states for machines;
* ``shown``: the date printed next to the title or in the byline (what a reader sees);
* ``url``: a ``/YYYY/MM/DD/`` day in the article's URL;
* ``htmldate``: the fallback library's reading, only when nothing else answered.

The choice, by evidence strength and agreement (measured on the shared real pages, see
benchmarks/eval_realworld.py):

1. the primary day stands when nothing disagrees with it;
2. a machine timestamp that falls one day off the day the page shows or its URL names is a
   time-zone effect: the site's own day wins (the page says which day it was published);
3. when the shown day and another independent kind (the URL, a second machine source) agree
   against the primary, they win: two witnesses against one;
4. otherwise the primary stands, and a disagreement of more than a day is *flagged* in
   ``provenance["published_conflict"]``, never silently settled.

Every candidate, the choice and a confidence (share of the kinds that agree with the chosen
day) go to ``provenance["published_candidates"]`` and ``provenance["published_confidence"]``.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml.html import HtmlElement

from .dates import ParsedDate, normalise_iso, parse_published_modified
from .document import Page, clean_space
from .metadata import _PUBLISHED_META, _jsonld_text, _url_date
from .text import SKIP_TAGS

# how far after (and before) the title a byline date may sit, in characters of text
_AFTER_TITLE_CHARS = 600
_BEFORE_TITLE_CHARS = 200


def _day(iso: str | None) -> str:
    return (iso or "")[:10]


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except ValueError:
        return 9999


def title_element(page: Page, title: str) -> HtmlElement | None:
    """The page's visible headline: the first h1 (or h2) holding the title."""
    if not title:
        return None
    for h in page.root.iter("h1", "h2"):
        text = clean_space(h.text_content())
        if text and (text == title or (len(title) > 12 and title in text)):
            return h
    return None


_NUMERIC_RE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b")
# a byline date stands on its own: a short text, or one a label introduces
_STANDALONE_CHARS = 70
_BODY_PARAGRAPH_CHARS = 140
_LABEL_RE = re.compile(r"(publi[ée]|mis en ligne|posted|published|ver[öo]ffentlicht|erschienen|stand\b|datum|date\b)",
                       re.IGNORECASE)


def _subtree_texts(el: HtmlElement, excluded: set, out: list[str]) -> None:
    """The texts of `el` in document order, leaving out scripts and excluded subtrees."""
    stack = [(el, False)]
    while stack:
        node, tail_only = stack.pop()
        if tail_only:
            if node.tail:
                out.append(node.tail)
            continue
        if node is not el:
            stack.append((node, True))  # its tail comes after its subtree
        if not isinstance(node.tag, str) or node in excluded or node.tag in SKIP_TAGS:
            continue
        if node.text:
            out.append(node.text)
        for child in reversed(node):
            stack.append((child, False))


def _walk(el: HtmlElement, forward: bool, excluded: set):
    """Text pieces after (or before) `el` in document order, nearest first, without building
    the document's whole following axis: siblings, then the parents' siblings."""
    if forward and el.tail:
        yield el.tail
    node = el
    while node is not None:
        sibs = node.itersiblings(preceding=not forward)
        for sib in sibs:
            if not isinstance(sib.tag, str) or sib in excluded:
                if forward and sib.tail:
                    yield sib.tail
                continue
            pieces: list[str] = []
            _subtree_texts(sib, excluded, pieces)
            if sib.tail and forward:
                pieces.append(sib.tail)
            yield from (pieces if forward else reversed(pieces))
        node = node.getparent()
        if node is not None and node in excluded:
            return


def _texts(el: HtmlElement, axis: str, limit: int, excluded: set) -> list[str]:
    """Text pieces along `axis` from `el` (nearest first), outside scripts and the excluded
    blocks (related links, comments), up to `limit` characters."""
    out, size = [], 0
    for piece in _walk(el, axis == "following", excluded):
        text = clean_space(piece)
        if not text:
            continue
        out.append(text)
        size += len(text) + 1
        if size >= limit:
            break
    return out


def _us_order(raw: str, parsed: ParsedDate, lang: str) -> ParsedDate:
    """An English page writes 11/08/23 month first."""
    m = _NUMERIC_RE.match(raw)
    if not m or not lang.startswith("en") or "/" not in raw:
        return parsed
    month, day, year = int(m.group(1)), int(m.group(2)), m.group(3)
    year = int(year) + (2000 if len(year) == 2 and int(year) < 70 else 1900 if len(year) == 2 else 0)
    try:
        return ParsedDate(dt.date(year, month, day).isoformat(), raw, False)
    except ValueError:
        return parsed


def shown_date(page: Page, title: str, excluded: set | None = None) -> tuple[ParsedDate | None, str]:
    """(date, where) printed next to the headline, standing on its own (a byline, a date line),
    after the headline first, else just above it. Dates inside running text are events, not
    publication; a page whose headline cannot be found shows none we can trust."""
    h1 = title_element(page, title)
    if h1 is None:
        return None, ""
    lang = page.text_language
    for axis, limit, where in (("following", _AFTER_TITLE_CHARS, "after-title"),
                               ("preceding", _BEFORE_TITLE_CHARS, "before-title")):
        late = ""
        for text in _texts(h1, axis, limit, excluded or set()):
            if len(text) > _BODY_PARAGRAPH_CHARS:
                late = "-late"  # the article's text has begun: a date further on is a weaker witness
                continue
            if len(text) > _STANDALONE_CHARS and not _LABEL_RE.search(text[:40]):
                continue
            published, _ = parse_published_modified(text)
            if published is not None:
                return _us_order(published.raw, published, lang), where + late
    return None, ""


def _machine_candidates(page: Page) -> list[tuple[str, str]]:
    """(kind, iso) from structured data: JSON-LD, the first publication meta, microdata."""
    found: list[tuple[str, str]] = []
    art = page.jsonld_article
    value = _jsonld_text(art.get("datePublished") or art.get("dateCreated")) if art else ""
    parsed = normalise_iso(value) if value else None
    if parsed:
        found.append(("jsonld", parsed.iso))
    value, key = page.meta_first(*_PUBLISHED_META)
    parsed = normalise_iso(value) if value else None
    if parsed:
        found.append((f"meta:{key}", parsed.iso))
    for el in page.itemprop("datePublished")[:1]:
        parsed = normalise_iso(el.get("datetime") or el.get("content") or "")
        if parsed:
            found.append(("microdata", parsed.iso))
    return found


def _local_midnight(iso: str | None) -> str:
    """`2021-11-04T23:00:00+00:00`: a date-only field saved at local midnight (UTC+1, +2)
    and stored in UTC; the site's day is the next one. '' for any other value."""
    if not iso or len(iso) <= 10 or not iso.endswith(("+00:00", "Z")) or iso[11:19] not in ("22:00:00", "23:00:00"):
        return ""
    try:
        return (dt.date.fromisoformat(iso[:10]) + dt.timedelta(days=1)).isoformat()
    except ValueError:
        return ""


def choose_published(page: Page, dates: dict, title: str, excluded: set | None = None) -> dict:
    """Re-decide `dates["published"]` (from metadata.find_dates) with the other evidence.

    Returns provenance entries to add: candidates, confidence, and a conflict note when
    the candidates disagree by more than a day."""
    primary = dates.get("published")
    rule = dates.get("published_rule") or ""
    if rule.startswith("profile:"):
        return {}  # the site's own selector: stated by whoever knows the site
    candidates: list[tuple[str, str]] = []
    if primary:
        candidates.append((f"primary:{rule}", primary))
    machine = [c for c in _machine_candidates(page) if c[0] != rule.split("+")[0]]
    candidates += machine
    shown, where = shown_date(page, title, excluded)
    if shown is not None:
        candidates.append((f"shown:{where}", shown.iso))
    url = _url_date(page.url)
    if url is not None:
        candidates.append(("url", url.iso))
    if not candidates:
        return {}

    chosen, chosen_raw, chosen_rule = primary, dates.get("published_raw", ""), rule
    stated = primary
    conflict = ""
    midnight = _local_midnight(primary)
    if midnight:  # 1b. a local midnight stored in UTC names the next day
        chosen, chosen_rule = midnight, f"{rule}+local-midnight"
        primary = midnight
    if primary:
        p_day = _day(primary)
        others = [(k, v) for k, v in candidates[1:]]
        site_days = [(k, v) for k, v in others if k.startswith(("shown", "url"))]
        # 2. a machine timestamp one day off the site's own day: time zones
        if len(primary) > 10 and site_days:
            k, v = site_days[0]
            if _days_apart(v, p_day) == 1 and (shown is None or _day(shown.iso) == _day(v)):
                chosen, chosen_raw, chosen_rule = _day(v), (shown.raw if k.startswith("shown") and shown else v), \
                    f"{rule}+{k.split(':')[0]}-day"
        # 3. the day the page shows against the primary: the one more witnesses back wins;
        #    on a tie the page's own byline (what its readers see) over a machine field
        gap = 1 if len(primary) <= 10 else 2  # a date-only primary has no time zone to excuse a day
        if chosen == primary and shown is not None and _days_apart(shown.iso, p_day) >= gap:
            s_day = _day(shown.iso)
            rest = [(k, v) for k, v in others if not k.startswith("shown")]
            for_shown = [k for k, v in rest if _day(v) == s_day]
            for_primary = [k for k, v in rest if _day(v) == p_day]
            late = where.endswith("-late")  # after the body began: must be backed by more witnesses
            if len(for_shown) > len(for_primary) or (not late and len(for_shown) == len(for_primary)):
                chosen, chosen_raw = shown.iso, shown.raw
                chosen_rule = f"shown:{where}" + (f"+{for_shown[0]}" if for_shown else "")
        c_day = _day(chosen)
        far = [f"{k}={_day(v)}" for k, v in candidates if _days_apart(v, c_day) > 1]
        if far:
            conflict = f"chose {c_day} ({chosen_rule}); disagreeing: " + ", ".join(far)
    elif shown is not None:
        chosen, chosen_raw, chosen_rule = shown.iso, shown.raw, f"shown:{where}"
    elif url is not None:
        chosen, chosen_raw, chosen_rule = url.iso, url.raw, "url"
    if chosen != stated:
        dates.update(published=chosen, published_raw=chosen_raw, published_rule=chosen_rule)
    c_day = _day(chosen)
    agree = sum(1 for _, v in candidates if _day(v) == c_day or _days_apart(v, c_day) <= 1)
    prov = {
        "published_candidates": "; ".join(f"{k}={v}" for k, v in candidates),
        "published_confidence": f"{agree / len(candidates):.2f}",
    }
    if conflict:
        prov["published_conflict"] = conflict
    return prov

