"""French text analysis for search: folded words and their Snowball stems."""

from __future__ import annotations

import threading
from functools import lru_cache

import Stemmer

from ess_crawler.text import WORD_RE, fold, words

# `words` and `WORD_RE` live in ess_crawler.text, for the extractor too; search's callers import them here
__all__ = ["WORD_RE", "stem", "stem_text", "stem_words", "words"]

_local = threading.local()  # a Stemmer object is not thread-safe: one per thread (Datasette's SQL threads)


def _stemmer() -> Stemmer.Stemmer:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("french")
    return stemmer


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The French Snowball stem of a folded word."""
    return _stemmer().stemWord(word)


def stem_words(folded: list[str]) -> list[str]:
    """The stems of folded words, in order."""
    return _stemmer().stemWords(folded)


# white-space separated token -> its stems, for the tokens met most (a text's words repeat: `de`, `la`,
# `l'économie`...); emptied when full, so it stays under some 5 MB (about 250 bytes a token)
_token_stems: dict[str, list[str]] = {}
_TOKENS_KEPT = 20_000


def stem_text(text: str | None) -> str:
    """The stems of a text, space separated: `Les coopératives` -> `le cooper`.

    The same as stemming `words(text)`, token by token: folding never makes or removes white
    space and a word never spans it, so each white-space separated token folds, splits and
    stems alone, and a token met before is not folded again (the search index stems every
    article's title, lead and body)."""
    if not text:
        return ""
    cache = _token_stems
    stems: list[str] = []
    for token in text.split():
        found = cache.get(token)
        if found is None:
            if len(cache) >= _TOKENS_KEPT:
                cache.clear()
            found = cache[token] = stem_words(WORD_RE.findall(fold(token)))
        stems += found
    return " ".join(stems)
