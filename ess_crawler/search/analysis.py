"""French text analysis for search: folded words and their Snowball stems."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import Stemmer

from ess_crawler.text import fold

WORD_RE = re.compile(r"[^\W_]+")
_local = threading.local()  # a Stemmer object is not thread-safe: one per thread (Datasette's SQL threads)


def _stemmer() -> Stemmer.Stemmer:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("french")
    return stemmer


def words(text: str | None) -> list[str]:
    """The folded words of a text (letters and digits; apostrophes, hyphens and the rest separate)."""
    return WORD_RE.findall(fold(text or ""))


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The French Snowball stem of a folded word."""
    return _stemmer().stemWord(word)


def stem_words(folded: list[str]) -> list[str]:
    """The stems of folded words, in order."""
    return _stemmer().stemWords(folded)


def stem_text(text: str | None) -> str:
    """The stems of a text, space separated: `Les coopératives` -> `le cooper`."""
    return " ".join(stem_words(words(text)))
