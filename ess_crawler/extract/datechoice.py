"""The publication date by agreement of evidence, not by the first rule that answers.

`metadata.find_dates` walks the evidence in the house order and returns the first answer
(the *primary*). Here every other kind of evidence is gathered beside it:

* ``jsonld``, ``meta:<key>``, ``microdata``: what the page states for machines;
* ``shown``: the date printed next to the headline or in the byline (what a reader sees);
* ``label``: a date a publication label introduces anywhere in the article ("Erschienen am:",
  "Publié le"), looked for only where the evidence is weak (a scan of the page's text);
* ``url``: a ``/YYYY/MM/DD/`` day in the article's URL (a web archive capture's original URL);
* ``htmldate``: the fallback library's reading, only when nothing else answered (extract/__init__).

The rules, each a general principle, checked on two halves of the shared real pages
(benchmarks/eval_realworld.py; a rule is kept only when it hurts neither half):

1. the primary day stands when nothing disagrees with it; a local midnight stored in UTC names
   the next day; a UTC timestamp whose same instant the page also states with the site's own
   offset (a ``<time datetime>``, a meta field) takes the site's local day;
2. a machine timestamp one day off the day the page shows or its URL names is a time-zone
   effect: the site's own day wins;
3. the shown day against the primary: the one more witnesses back wins; on a tie the byline
   (unless it comes after the text has begun). The shown day is a short date line by the
   headline (the h1 holding the title; an h2 only when no h1 does), or a dateline opening the
   text (``29.11.2022 – ...``);
4. a labelled publication date beats a generic date field (``name=date``, ``DC.date``: CMSs
   fill them with the last change);
5. of two readings that are each other's day/month swap, the unambiguous one (ISO, dotted
   day-first, month name; the primary machine value among them) beats one written with slashes
   (``11/01/2023``);
6. a 1 January (or a 1st of the month with no time) is what a year- or month-only value
   becomes: it yields to a precise date inside that year or month, else it is flagged;
7. nothing is published after its web archive capture;
8. a URL's ``/YYYY/MM/`` decides between candidates, and with none, the first date the page
   prints inside that month is the day; alone it overrules no date the page states.

(Where a date may sit is `metadata`'s to say: the wrappers that hold the headline are the
article's whatever their class or tag, see `metadata.headline_wrappers`.)

A disagreement of more than a day, or a weak choice, is *flagged* in
``provenance["published_conflict"]``, never silently settled. Every candidate, the choice and
a confidence (share of the candidates that agree with the chosen day) go to
``provenance["published_candidates"]`` and ``provenance["published_confidence"]``.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml.html import HtmlElement

from .dates import ParsedDate, normalise_iso
from .dates import find_dates as find_text_dates
from .document import Page, clean_space
from .metadata import (
    _PUBLISHED_META,
    _jsonld_text,
    _url_date,
    date_text,
    labelled_date,
    original_url,
    parse_line,
    title_element,
    url_month,
)
from .text import SKIP_TAGS, shown_length

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


_NUMERIC_RE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b")
# a byline date stands on its own: a short text, or one a label introduces
_STANDALONE_CHARS = 70
_BODY_PARAGRAPH_CHARS = 140
_LABEL_RE = re.compile(r"(publi[ée]|mis en ligne|posted|published|ver[öo]ffentlicht|erschienen|stand\b|datum|date\b)",
                       re.IGNORECASE)


# a quoted post (an embedded tweet or Instagram post, a cited article) dates that post, not the page
_QUOTED_TAGS = frozenset(("blockquote", "q"))


def _subtree_texts(el: HtmlElement, excluded: set, forward: bool = True):
    """The texts inside `el` (not its tail) in document order, or in reverse, lazily (a walk
    stops after a few hundred characters: a large sibling is not read whole), leaving out
    scripts, quoted posts and excluded subtrees; each with the element whose content it is."""
    stack: list = [el]
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):
            yield node
            continue
        if not isinstance(node.tag, str) or node in excluded or node.tag in SKIP_TAGS or node.tag in _QUOTED_TAGS:
            continue
        if forward:
            for child in reversed(node):  # popped in document order: child, then its tail
                if child.tail:
                    stack.append((child.tail, node))
                stack.append(child)
            if node.text:
                yield node.text, node
        else:
            if node.text:
                stack.append((node.text, node))
            for child in node:  # popped last child first: its tail, then the child
                stack.append(child)
                if child.tail:
                    stack.append((child.tail, node))


def _walk(el: HtmlElement, forward: bool, excluded: set):
    """Text pieces after (or before) `el` in document order, nearest first, each with the element
    whose content it is, without building the document's whole following axis: siblings, then
    the parents' siblings."""
    if forward and el.tail:
        yield el.tail, el.getparent()
    node = el
    while node is not None:
        sibs = node.itersiblings(preceding=not forward)
        for sib in sibs:
            if not isinstance(sib.tag, str) or sib in excluded:
                if forward and sib.tail:
                    yield sib.tail, sib.getparent()
                continue
            yield from _subtree_texts(sib, excluded, forward)
            if sib.tail and forward:
                yield sib.tail, sib.getparent()
        node = node.getparent()
        if node is not None and node in excluded:
            return


def _texts(el: HtmlElement, axis: str, limit: int, excluded: set) -> list[tuple[str, HtmlElement | None]]:
    """Text pieces along `axis` from `el` (nearest first), with the element whose content each
    is, outside scripts and the excluded blocks (related links, comments), up to `limit` characters."""
    out, size = [], 0
    for piece, owner in _walk(el, axis == "following", excluded):
        text = clean_space(piece)
        if not text:
            continue
        out.append((text, owner))
        size += len(text) + 1
        if size >= limit:
            break
    return out


_RUNNING_TEXT_BLOCKS = frozenset(("p", "li", "dd", "td"))
_LAYOUT_BLOCKS = frozenset(("div", "section", "article", "header", "main", "body"))


def _inside_running_text(text: str, owner: HtmlElement | None) -> bool:
    """`text` is a piece of a paragraph of running text, not its opening: a linked or emphasised
    date in a sentence (`... publié <a>le 3 mars 2021</a> ...`), a note inline in it. (A dateline
    in bold opening the paragraph is its opening.)"""
    block = owner
    while block is not None and block.tag not in _RUNNING_TEXT_BLOCKS:
        if block.tag in _LAYOUT_BLOCKS:
            return False  # a byline's own box, not a paragraph
        block = block.getparent()
    if block is None or shown_length(block) <= _BODY_PARAGRAPH_CHARS:
        return False
    first = next((t for t in block.itertext() if t.strip()), "")
    return clean_space(first) != text


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


# a dateline opens the article's text: `29.11.2022 – Mehrfach ...`, `12.10.2015 | Paris (dpa) - ...`
_DATELINE_SEP_RE = re.compile(r"\s*(?:[–—|]|-\s)")


def _dateline(text: str) -> ParsedDate | None:
    """The date that opens `text` and a dash (or bar) follows: the dateline of a news text or a
    press release, whatever the paragraph's length. A date that merely begins a sentence
    (`12.10.2015 war ...`) is not one."""
    if not text[:1].isdigit():
        return None
    head = date_text(text[:48])
    published, _ = parse_line(head)
    if published is None or not head.startswith(published.raw):
        return None
    return published if _DATELINE_SEP_RE.match(head[len(published.raw):]) else None


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
        for text, owner in _texts(h1, axis, limit, excluded or set()):
            if len(text) <= _STANDALONE_CHARS and _inside_running_text(text, owner):
                late = "-late"  # the article's text has begun
                continue
            if axis == "following" and len(text) > _STANDALONE_CHARS:
                opening = _dateline(text)
                if opening is not None:
                    return opening, where + late + "-dateline"
            if len(text) > _BODY_PARAGRAPH_CHARS:
                late = "-late"  # the article's text has begun: a date further on is a weaker witness
                continue
            if len(text) > _STANDALONE_CHARS and not _LABEL_RE.search(text[:40]):
                continue
            published, _ = parse_line(text)
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


# generic date fields: they state a date, not which one (CMSs fill `name=date`, DC.date with the
# last change); an unlabelled <time> or date-classed element may be any date of the page
_GENERIC_META = ("meta:date", "meta:dc.date", "meta:dcterms.created", "meta:dc.date.created")


class _Choice:
    """The evidence of one page and the choice as the rules refine it."""

    def __init__(self, page: Page, dates: dict, rule: str, candidates: list, shown, where: str,
                 title: str, excluded: set):
        self.page, self.dates, self.rule = page, dates, rule
        self.candidates, self.shown, self.where = candidates, shown, where
        self._label: ParsedDate | None | bool = False
        self.title, self.excluded = title, excluded
        self.primary = dates.get("published")
        self.primary_raw = dates.get("published_raw", "") or self.primary or ""
        self.chosen, self.raw, self.chosen_rule = self.primary, dates.get("published_raw", ""), rule
        self.notes: list[str] = []

    def choose(self, iso: str, raw: str, rule: str) -> None:
        self.chosen, self.raw, self.chosen_rule = iso, raw, rule

    @property
    def label(self) -> ParsedDate | None:
        """The labelled publication date ("Erschienen am ..."), looked for only when a rule needs
        it (a scan of the page's text); it joins the candidates once found."""
        if self._label is False:
            self._label = labelled_date(self.page, self.excluded, self.title)
            if self._label is not None:
                url_at = next((i for i, (k, _) in enumerate(self.candidates) if k == "url"), len(self.candidates))
                self.candidates.insert(url_at, ("label", self._label.iso))
        return self._label

    @property
    def untouched(self) -> bool:
        return self.chosen == self.primary

    def printed(self) -> list[tuple[str, str, str]]:
        """(kind, iso, raw) of the dates the page prints for its readers: byline, label."""
        out = []
        if self.shown is not None:
            out.append((f"shown:{self.where}", self.shown.iso, self.shown.raw))
        if self.label is not None:
            out.append(("label", self.label.iso, self.label.raw))
        return out


# 1b. a local midnight stored in UTC names the next day
def _rule_local_midnight(c: _Choice) -> None:
    midnight = _local_midnight(c.primary)
    if midnight:
        c.choose(midnight, c.raw, f"{c.rule}+local-midnight")
        c.primary = midnight


def _us_english(page: Page) -> bool:
    """The page declares itself US English (`<html lang="en-US">`, `og:locale` en_US): it writes
    slashed dates month first. (A British page, `lang="en"` or `en-GB`, writes them day first.)"""
    declared = page.root.get("lang") or page.meta_first("og:locale")[0] or ""
    return declared.strip().lower().replace("_", "-").startswith("en-us")


# 1b'. a US English page writes an ambiguous slashed date month first (`11/8/2023`): a date
#      our HTML rules read day first from such a text (a date element, a date line) is re-read
def _rule_us_order(c: _Choice) -> None:
    if not c.untouched or not c.rule.startswith(("cms:", "html:", "heuristic:")) or not _us_english(c.page):
        return
    m = _SLASHED_RE.search(c.raw or "")
    if m is None or not _ambiguous(m.group(0)) or m.group(1) == m.group(2):
        return
    day, month = int(m.group(1)), int(m.group(2))
    if _day(c.chosen)[5:] != f"{month:02d}-{day:02d}":
        return  # not the day-first reading of that text (a machine value, another date)
    swapped = _swap(c.chosen)
    if swapped:
        c.choose(swapped + (c.chosen[10:] if len(c.chosen) > 10 else ""), c.raw, f"{c.rule}+us-order")
        c.primary = c.chosen


# 1c. a UTC timestamp whose very instant the page also states with the site's own offset
#     (`2022-04-29T02:08:28+00:00` and `<time datetime="2022-04-28T22:08:28-04:00">`): the
#     site's calendar names the day
_OFFSET_STAMP_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?[+-](?!00:?00)\d{2}:?\d{2}$")


def _rule_same_instant(c: _Choice) -> None:
    primary = c.primary or ""
    if len(primary) <= 10 or not primary.endswith(("+00:00", "Z")) or not c.untouched:
        return
    try:
        instant = dt.datetime.fromisoformat(primary.replace("Z", "+00:00"))
    except ValueError:
        return
    for value in c.page.root.xpath("//time/@datetime | //meta/@content | //*[@itemprop]/@content"):
        value = str(value).strip()
        if len(value) < 19 or not _OFFSET_STAMP_RE.match(value):
            continue
        try:
            local = dt.datetime.fromisoformat(value.replace(" ", "T"))
        except ValueError:
            continue
        if abs((local - instant).total_seconds()) < 60:
            if local.date() != instant.date():
                c.choose(local.isoformat(), value, f"{c.rule}+local-offset")
            return


# 2. a machine timestamp one day off the day the page shows or its URL names: time zones
def _rule_tz_day(c: _Choice) -> None:
    p_day = _day(c.primary)
    site_days = [(k, v) for k, v in c.candidates[1:] if k.startswith(("shown", "url"))]
    if len(c.primary) > 10 and site_days:
        k, v = site_days[0]
        shown = c.shown
        if _days_apart(v, p_day) == 1 and (shown is None or _day(shown.iso) == _day(v)):
            c.choose(_day(v), shown.raw if k.startswith("shown") and shown else v, f"{c.rule}+{k.split(':')[0]}-day")


# 3. the day the page shows against the primary: the one more witnesses back wins;
#    on a tie the page's own byline (what its readers see) over a machine field
def _rule_shown_vs_primary(c: _Choice) -> None:
    shown, p_day = c.shown, _day(c.primary)
    gap = 1 if len(c.primary) <= 10 else 2  # a date-only primary has no time zone to excuse a day
    if c.untouched and shown is not None and _days_apart(shown.iso, p_day) >= gap:
        s_day = _day(shown.iso)
        rest = [(k, v) for k, v in c.candidates[1:] if not k.startswith("shown")]
        for_shown = [k for k, v in rest if _day(v) == s_day]
        for_primary = [k for k, v in rest if _day(v) == p_day]
        late = c.where.endswith("-late")  # after the body began: must be backed by more witnesses
        if len(for_shown) > len(for_primary) or (not late and len(for_shown) == len(for_primary)):
            c.choose(shown.iso, shown.raw, f"shown:{c.where}" + (f"+{for_shown[0]}" if for_shown else ""))


# 4. a date the page labels as its publication ("Erschienen am", "Publié le") against a generic
#    date field (meta name=date, an unlabelled <time>): the label says which date it is
def _rule_label(c: _Choice) -> None:
    if not c.untouched or c.rule.split("+")[0] not in _GENERIC_META:
        return  # (the scan for a label is paid only where the evidence is a generic field)
    label = c.label
    if label is None or _days_apart(label.iso, c.chosen) <= 1:
        return
    l_day = _day(label.iso)
    backed = [k for k, v in c.candidates if k != "label" and not k.startswith("primary") and _day(v) == l_day]
    c.choose(label.iso, label.raw, "label" + (f"+{backed[0]}" if backed else ""))


def _swap(iso: str) -> str:
    """The day with day and month exchanged ('' when that is no date or the same one)."""
    try:
        d = dt.date.fromisoformat(iso[:10])
        swapped = dt.date(d.year, d.day, d.month)
    except ValueError:
        return ""
    return swapped.isoformat() if swapped != d else ""


# 5. a date that is the day/month swap of one the page prints, and is itself printed nowhere,
#    was read month first from a day-first value (or the reverse): the printed one is right
_SLASHED_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})\b")
_UNAMBIGUOUS_RE = re.compile(r"\d{4}-\d{2}-\d{2}|\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|[^\W\d_]{3,}")


def _ambiguous(raw: str) -> bool:
    """`11/01/2023`: slashes, both numbers 12 or less: month first (US, .NET) or day first."""
    m = _SLASHED_RE.search(raw or "")
    return bool(m) and int(m.group(1)) <= 12 and int(m.group(2)) <= 12


def _unambiguous(raw: str) -> bool:
    """ISO, dotted day-first (`01.11.2023`, never month first) or a month name."""
    return not _ambiguous(raw) and bool(_UNAMBIGUOUS_RE.search(raw or ""))


# 5. of two readings that are each other's day/month swap, the one written unambiguously (ISO,
#    dotted day-first, a month name) wins over one written with ambiguous slashes (`11/01/2023`)
def _rule_swap(c: _Choice) -> None:
    swapped = _swap(c.chosen or "")
    if not swapped or not _ambiguous(c.raw):
        return
    others = c.printed() + [(k, v, v) for k, v in c.candidates if not k.startswith(("primary", "shown", "label"))]
    if c.primary and _day(c.primary) != _day(c.chosen):  # a byline that overruled the primary
        others.append((f"primary:{c.rule}", c.primary, c.primary_raw))
    if any(_day(iso) == _day(c.chosen) and _unambiguous(raw) for _, iso, raw in others):
        return
    for kind, iso, raw in others:
        if _day(iso) == swapped and _unambiguous(raw):
            c.choose(iso, raw, f"{kind}+swap-of-{c.chosen_rule}")
            return


def _placeholder(iso: str, has_time: bool) -> str:
    """'year' for 1 January (a year-only value filled in), 'month' for the 1st of a month with no
    time (a month-only value), '' otherwise."""
    if len(iso) < 10 or iso[8:10] != "01":
        return ""
    if iso[5:7] == "01" and (not has_time or iso[11:19] in ("00:00:00", "")):
        return "year"
    return "" if has_time else "month"


# 6. a 1 January or a 1st of the month without time is what a year- or month-only value becomes
#    once stored as a date: weak evidence, it yields to a precise date inside the span it stands
#    for (the page's printed one first, then another machine field)
def _rule_placeholder(c: _Choice) -> None:
    kind = _placeholder(c.chosen or "", len(c.chosen or "") > 10)
    if not kind:
        return
    span = c.chosen[:4] if kind == "year" else c.chosen[:7]
    others = [(k, v, r) for k, v, r in c.printed()] + \
             [(k, v, v) for k, v in c.candidates if not k.startswith(("primary", "shown", "label"))]
    for k, v, r in others:
        if v[:len(span)] == span and not _placeholder(v, len(v) > 10):
            c.choose(v, r, f"{k}+over-placeholder")
            return
    c.notes.append(f"weak: {_day(c.chosen)} may stand for a {kind} only")


# 7. a web archive capture: nothing published after the capture day
def _rule_capture(c: _Choice) -> None:
    capture = original_url(c.page.url)[1]
    if not capture or not c.chosen or _day(c.chosen) <= capture:
        return
    for k, v in c.candidates:
        if _day(v) <= capture:
            c.choose(v, v, f"{k}+before-capture")
            return
    c.notes.append(f"after the archive capture of {capture}")


# 8. a URL that names a year and month (`/2011/12/slug`) names the month of publication: a
#    candidate outside it loses to one inside, or to a date the page prints inside it
#    candidate outside it loses to one inside; with no candidate at all, the first date the page
#    prints inside that month is its day. Alone it overrules no date the page states: a page may
#    keep the URL of its first version
def _rule_url_month(c: _Choice) -> None:
    month = url_month(c.page.url)
    if not month or (c.chosen and c.chosen[:7] == month):
        return
    for k, v, r in c.printed() + [(k, v, v) for k, v in c.candidates]:
        if v[:7] == month:
            c.choose(v, r, f"{k.replace('primary:', '')}+url-month")
            return
    if c.chosen:
        c.notes.append(f"outside the URL's month {month}")
        return
    found = printed_in_month(c.page, month, c.excluded)
    if found is not None:
        c.choose(found.iso, found.raw, "text+url-month")
        c.candidates.append(("text", found.iso))


_RULES = (_rule_local_midnight, _rule_us_order, _rule_same_instant, _rule_tz_day, _rule_shown_vs_primary,
          _rule_label, _rule_swap, _rule_placeholder, _rule_capture, _rule_url_month)


def printed_in_month(page: Page, month: str, excluded: set) -> ParsedDate | None:
    """The first date printed in the page's visible text (outside comments and related blocks)
    that falls in `month` ('YYYY-MM')."""
    pieces = []
    for node in page.root.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]"):
        if month[:4] in node or "." in node or "/" in node:
            pieces.append(str(node))
    text = date_text(" ".join(pieces))
    for _, parsed in find_text_dates(text):
        if parsed.iso[:7] == month:
            return parsed
    return None


def choose_published(page: Page, dates: dict, title: str, excluded: set | None = None) -> dict:
    """Re-decide `dates["published"]` (from metadata.find_dates) with the other evidence.

    Returns provenance entries to add: candidates, confidence, and a conflict note when
    the candidates disagree by more than a day."""
    excluded = excluded if excluded is not None else set()
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

    c = _Choice(page, dates, rule, candidates, shown, where, title, excluded)
    if primary:
        for step in _RULES:
            step(c)
    elif shown is not None:
        c.choose(shown.iso, shown.raw, f"shown:{where}")
    elif url is not None:
        c.choose(url.iso, url.raw, "url")
    elif c.label is not None:  # a scan of the page's text, paid only here and for weak evidence
        c.choose(c.label.iso, c.label.raw, "label")
    if not primary:  # also before the fallback library guesses
        for step in _RULES:
            if step in (_rule_capture, _rule_url_month):
                step(c)
    if not c.candidates:
        return {}
    chosen = c.chosen
    if chosen != dates.get("published"):
        dates.update(published=chosen, published_raw=c.raw, published_rule=c.chosen_rule)
    c_day = _day(chosen)
    far = [f"{k}={_day(v)}" for k, v in c.candidates if _days_apart(v, c_day) > 1]
    agree = sum(1 for _, v in c.candidates if _days_apart(v, c_day) <= 1)
    prov = {
        "published_candidates": "; ".join(f"{k}={v}" for k, v in c.candidates),
        "published_confidence": f"{agree / len(c.candidates):.2f}",
    }
    flags = ([f"chose {c_day} ({c.chosen_rule}); disagreeing: " + ", ".join(far)] if far else []) + c.notes
    if flags:
        prov["published_conflict"] = "; ".join(flags)
    return prov
