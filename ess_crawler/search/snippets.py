"""The passage of a text that best matches a query, its matching words marked."""

from __future__ import annotations

from ess_crawler.search.analysis import WORD_RE, stem
from ess_crawler.search.query import query_terms
from ess_crawler.text import fold

MARK_START = "\ue000"
MARK_END = "\ue001"


def _matcher(terms: list[tuple[str, bool]]):
    exact = {t for t, is_prefix in terms if not is_prefix}
    prefixes = [t for t, is_prefix in terms if is_prefix]
    heads = {t[:3] for t in exact} | {p[:3] for p in prefixes}

    def match(word: str) -> str | None:
        if word[:3] not in heads:  # stems start like their word: skip the stemmer for most words
            return None
        for p in prefixes:
            if word.startswith(p):
                return p
        s = stem(word)
        if s in exact:
            return s
        for p in prefixes:
            if s.startswith(p) or (p.startswith(s) and len(s) >= max(4, len(p) - 4)):
                return p
        return None

    return match


def snippet(text: str | None, query: str | None, size: int = 32) -> str:
    """The passage of `size` words of `text` with the most query terms, matches between MARK_START/END."""
    text = " ".join((text or "")[:100_000].split())
    if not text:
        return ""
    terms = query_terms(query)
    spans = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
    hits: list[tuple[int, str]] = []
    if terms:
        match = _matcher(terms)
        for i, (_, _, word) in enumerate(spans):
            found = match(fold(word))
            if found:
                hits.append((i, found))
    first = 0
    if hits:
        best = (-1, -1)
        end_hit = 0
        for j, (i, _) in enumerate(hits):  # windows starting a few words before a hit
            start = max(0, i - 4)
            end_hit = max(end_hit, j)
            while end_hit < len(hits) and hits[end_hit][0] < start + size:
                end_hit += 1
            window = [t for _, t in hits[j:end_hit]]
            score = (len(set(window)), len(window))
            if score > best:
                best, first = score, start
    last = min(len(spans), first + size)
    if not spans:
        return text[:200]
    begin = spans[first][0] if first else 0
    end = spans[last - 1][1] if last < len(spans) else len(text)
    marked = {i for i, _ in hits if first <= i < last}
    out = []
    cursor = begin
    for i in range(first, last):
        s, e, _ = spans[i]
        if i in marked:
            out += [text[cursor:s], MARK_START, text[s:e], MARK_END]
            cursor = e
    out.append(text[cursor:end])
    return ("…" if begin > 0 else "") + "".join(out).strip() + ("…" if end < len(text) else "")


# ---------------------------------------------------------------- the index
