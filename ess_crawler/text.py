"""Text helpers shared by every step: accent folding and whitespace."""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ﬁ": "fi", "ﬂ": "fl"})


def fold(text: str | None) -> str:
    """Lower case, ligatures spelt out, accents removed: `Cœur Économique` -> `coeur economique`.

    For matching words (search, headings, labels), never for display.
    """
    text = (text or "").translate(_LIGATURES).lower()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    # the few distinct non-ASCII characters are tested, not every character of a long text
    for mark in {c for c in set(text) if not c.isascii() and unicodedata.combining(c)}:
        text = text.replace(mark, "")
    return text


WORD_RE = re.compile(r"[^\W_]+")


def words(text: str | None) -> list[str]:
    """The folded words of a text (letters and digits; apostrophes, hyphens and the rest separate)."""
    return WORD_RE.findall(fold(text or ""))


def clean_space(text: str | None) -> str:
    """Collapse runs of whitespace (incl. NBSP) into one space and strip."""
    # str.split's white space is the regex `\s` (both Py_UNICODE_ISSPACE), 3-5x faster;
    # extraction calls this some 700 times a page
    return " ".join((text or "").replace("\xa0", " ").split())
