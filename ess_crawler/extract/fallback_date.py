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

import importlib.util
import logging
import sys
from types import ModuleType

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
