"""htmldate's answer, for a page where our own date rules found nothing.

htmldate's extensive search hands some strings to dateparser, which on its first use in a
process loads and compiles every one of its ~200 locales: 4.6 s on this machine, then about
10 ms a call. Measured on the shared real pages and the date dev set (benchmarks/), that path
gives one date in 541 pages. So the fallback runs htmldate's extensive search without
dateparser: its own patterns, elements and text search, as shipped.

That takes a private instance of the htmldate package (loaded once more under another name),
so that htmldate as other code in the process sees it (trafilatura, the benchmarks' htmldate
anchor) keeps dateparser and its own caches.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import logging
import re
import sys
from types import ModuleType

from .dates import FrenchEnglishParserInfo

logger = logging.getLogger(__name__)

_PRIVATE = "ess_crawler.extract._htmldate"
_loaded: ModuleType | None = None


def _private_htmldate() -> ModuleType | None:
    """The private htmldate package with dateparser off (None when htmldate is absent)."""
    global _loaded
    if _loaded is not None:
        return _loaded
    spec = importlib.util.find_spec("htmldate")
    if spec is None or spec.loader is None:
        return None
    spec = importlib.util.spec_from_file_location(_PRIVATE, spec.origin,
                                                  submodule_search_locations=spec.submodule_search_locations)
    module = importlib.util.module_from_spec(spec)
    sys.modules[_PRIVATE] = module
    try:
        spec.loader.exec_module(module)
        extractors = sys.modules[_PRIVATE + ".extractors"]
    except Exception:  # noqa: BLE001 - another htmldate layout: the shared package, dateparser and all
        logger.debug("htmldate: no private instance; the shared one is used", exc_info=True)
        for name in [n for n in sys.modules if n == _PRIVATE or n.startswith(_PRIVATE + ".")]:
            del sys.modules[name]
        import htmldate as module

        _loaded = module
        return module
    if hasattr(extractors, "has_date_cue"):
        # the gate of the dateparser branch of `try_date_expr` (looked up at each call)
        extractors.has_date_cue = lambda *args: False
    _loaded = module
    return module


def htmldate_find_date(html_text: str, url: str) -> str | None:
    """htmldate's `find_date` (extensive search, original date), without dateparser."""
    htmldate = _private_htmldate()
    if htmldate is None:
        return None
    return htmldate.find_date(html_text, url=url, original_date=True, extensive_search=True)


# what no reader sees and no date field states: comments, style sheets, the references of
# script and link tags (`swfobject.js?ver=2.2-20120417`, a debug comment's timestamp, the build
# date in a CSS class name)
_UNSEEN_RE = re.compile(r"<!--.*?-->|<style\b.*?</style\s*>|<script\b[^>]*\bsrc\s*=[^>]*>|<link\b[^>]*>",
                        re.S | re.I)


class _DayForms:
    """The ways a page writes one day: year first (`2016-11-18`, `2016/11/18`, `2016.11.18`),
    day first (`18.11.2016`, `18/11/16`), month first (`11/18/2016`), with a month name in the
    languages dates.py reads (`18. November 2016`, `Nov 18, 2016`, `le 18 nov. 2016`).

    Every form holds the year: the page is scanned for the year's literal (fast), and only
    the few characters around each occurrence are matched."""

    def __init__(self, day: dt.date):
        self.year, self.short = str(day.year), f"{day.year % 100:02d}"
        m, d = rf"0?{day.month}", rf"0?{day.day}"
        names = "|".join(re.escape(n) for n in sorted(FrenchEnglishParserInfo.MONTHS[day.month - 1],
                                                         key=len, reverse=True))
        numeric_before = rf"(?<!\d){d}[./-]\s?{m}[./-]\s?|(?<!\d){m}/{d}/"
        named_before = (rf"(?<!\d){d}(?:\.|er|st|nd|rd|th|º)?\s*(?:de\s+)?(?:{names})\.?,?\s+(?:de\s+)?"
                        rf"|(?<![^\W\d_])(?:{names})\.?\s+{d}(?:st|nd|rd|th)?,?\s+")
        self.before_year = re.compile(rf"(?:{numeric_before}|{named_before})$", re.I)
        self.before_short = re.compile(rf"(?:{numeric_before})$")
        self.after_year = re.compile(rf"[-/.]{m}[-/.]{d}(?!\d)")

    def search(self, text: str) -> bool:
        """True when `text` writes the day in one of the forms."""
        year, n = self.year, len(self.year)
        at = text.find(year)
        while at != -1:
            end = at + n
            if not text[end:end + 1].isdigit() and self.before_year.search(text, max(0, at - 40), at):
                return True
            if not text[at - 1:at].isdigit() and self.after_year.match(text, end):
                return True
            at = text.find(year, end)
        for sep in "./-":
            at = text.find(sep + self.short)
            while at != -1:
                end = at + 3
                if not text[end:end + 1].isdigit() and self.before_short.search(text, max(0, at - 8), at + 1):
                    return True
                at = text.find(sep + self.short, end)
        return False


def witnessed(day: str, html_text: str, url: str) -> bool:
    """True when `day` ('YYYY-MM-DD') is in the URL, or written in the page outside comments,
    style sheets and asset references: in its text or in an attribute (a `datetime`, a meta
    `content`, an image's dated path). htmldate's deepest search also reads what no reader
    sees; a day found only there is no publication date."""
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        return True  # not a day this test can read: htmldate's answer stands
    compact = (f"{date:%Y%m%d}", f"{date:%Y/%m/%d}", f"{date:%Y-%m-%d}")
    if any(form in url for form in compact):
        return True
    return _DayForms(date).search(_UNSEEN_RE.sub(" ", html_text))
