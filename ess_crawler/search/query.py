"""The query language readers type, turned into a safe FTS5 query over the stems.

Words (all required), `"phrase queries"`, `prefix*`, `OR`, `NOT` / `-word`, `(groups)`,
`titre:` / `chapo:` / `texte:` column filters. It never raises: what does not make
sense is dropped, so any input gives a valid query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ess_crawler.search.analysis import stem, stem_words, words
from ess_crawler.text import fold

NO_MATCH = '""'  # a valid FTS5 query that matches no row
FTS_TABLE = "article_search_fts"
WEIGHTS = (10.0, 5.0, 1.0)  # bm25 weights of title, lead, body
COLUMNS = {"titre": "title", "title": "title", "chapo": "lead", "chapeau": "lead", "lead": "lead",
           "texte": "body", "corps": "body", "body": "body"}

MAX_QUERY_CHARS = 2000  # longer queries are cut between words, never inside one
_LAST_SPACE = re.compile(r"\s(?=\S*$)")

_LEX = re.compile(r'''(?P<phrase>"[^"]*(?:"|$)\*?)|(?P<negopen>-\()|(?P<open>\()|(?P<close>\))|(?P<word>[^\s"()]+)''')


def bounded(query: str, limit: int = MAX_QUERY_CHARS) -> str:
    """The query cut to at most `limit` characters at a space: a cut word would become a required term."""
    if len(query) <= limit:
        return query
    head = query[: limit + 1]
    if head[-1].isspace():
        return head[:-1]
    space = _LAST_SPACE.search(head)
    return head[: space.start()] if space else ""


def _quote(tokens: Iterable[str]) -> str:
    return '"' + " ".join(tokens) + '"'  # tokens are letters and digits only: nothing to escape


def _prefix_expr(prefix: str) -> str:
    """`p*` over stems: stems that start with p, or that p starts with when p goes past the stem.

    `coopérati*` must find `coopératives`, whose stem `cooper` is shorter than the prefix.
    """
    alternatives = [f"{_quote([prefix])}*"]
    for candidate in [stem(prefix)] + [prefix[:n] for n in range(len(prefix) - 1, max(3, len(prefix) - 5), -1)]:
        expr = _quote([candidate])
        if candidate and candidate != prefix and expr not in alternatives:
            alternatives.append(expr)
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


def _term_expr(text: str, phrase: bool) -> str | None:
    """One word (maybe hyphenated, elided, `prefix*`) or one "phrase" as an FTS5 expression."""
    prefix = text.endswith("*")
    folded = words(text)
    if not folded:
        return None
    if prefix and len(folded[-1]) < 2:
        prefix = False
    if not prefix:
        return _quote(stem_words(folded))
    if len(folded) == 1 and not phrase:
        return _prefix_expr(folded[0])
    last = folded[-1]
    last_stem = stem(last)
    return _quote(stem_words(folded[:-1]) + [last_stem if last.startswith(last_stem) else last]) + "*"


def _lex(query: str) -> list[tuple[str, str]]:
    items = []
    for m in _LEX.finditer(query):
        kind = m.lastgroup
        value = m.group()
        if kind == "phrase":
            negate = bool(items) and items[-1] == ("word", "-")  # `-"a phrase"`
            if negate:
                items[-1] = ("op", "NOT")
            body = value[1:]
            star = body.endswith("*")
            body = body.removesuffix("*").removesuffix('"')
            items.append(("phrase", body + ("*" if star else "")))
        elif kind == "word" and value in ("OR", "AND", "NOT"):
            items.append(("op", value))
        elif kind == "negopen":  # -(a group)
            items += [("op", "NOT"), ("open", "(")]
        else:
            items.append((kind, value))
    return items


def _parse(items: list[tuple[str, str]], pos: int, depth: int) -> tuple[str | None, int]:
    """One group: OR-separated runs of terms, then the NOT terms. Returns (expression, next pos)."""
    runs: list[list[str]] = [[]]
    negatives: list[str] = []
    negate = False
    while pos < len(items):
        kind, value = items[pos]
        pos += 1
        expr = None
        if kind == "close":
            if depth > 0:
                break
            continue  # an unmatched `)`
        if kind == "open":
            if depth >= 8:  # deeper groups are flattened
                continue
            expr, pos = _parse(items, pos, depth + 1)
        elif kind == "op":
            if value == "OR" and runs[-1]:
                runs.append([])
            elif value == "NOT":
                negate = True
            continue
        elif kind == "phrase":
            expr = _term_expr(value, phrase=True)
        else:  # a word, maybe -word, col:word, word*
            word = value
            if word.startswith("-") and len(word) > 1:
                negate, word = True, word.lstrip("-")
            column = None
            name, sep, rest = word.partition(":")
            if sep and fold(name) in COLUMNS:
                column, word = COLUMNS[fold(name)], rest
            if column and not word and pos < len(items) and items[pos][0] in ("phrase", "open"):
                kind, value = items[pos]  # titre:"a phrase" or titre:(a OR b)
                pos += 1
                expr = _term_expr(value, True) if kind == "phrase" else None
                if kind == "open" and depth < 8:
                    expr, pos = _parse(items, pos, depth + 1)
            else:
                expr = _term_expr(word, phrase=False)
            if expr and column:
                expr = f"{column} : ({expr})"
        if expr is None:
            negate = False
            continue
        if negate:
            if expr not in negatives:
                negatives.append(expr)
            negate = False
        elif expr not in runs[-1]:  # `a a a` is `a`: the same required term once
            runs[-1].append(expr)
    runs = [run for run in runs if run]
    if not runs:
        return None, pos
    if len(runs) == 1:
        positive = " AND ".join(runs[0])
    else:
        positive = " OR ".join(run[0] if len(run) == 1 else "(" + " AND ".join(run) + ")" for run in runs)
    compound = len(runs) > 1 or len(runs[0]) > 1
    if negatives:
        positive = ("(" + positive + ")" if compound else positive) + "".join(f" NOT {n}" for n in negatives)
        compound = True
    if compound and depth > 0:
        positive = "(" + positive + ")"
    return positive, pos


def stem_query(query: str | None) -> str:
    """A reader's query as a valid FTS5 query over the stems. Never raises.

    `coopératives "économie sociale" mutu* -assurance` ->
    `"cooper" AND "econom social" AND ("mutu"* OR ...) NOT "assur"` (AND is implicit).
    Nothing usable left (empty, punctuation, only operators or negations): `""`, which matches no row.
    """
    if not isinstance(query, str):
        query = "" if query is None else str(query)
    expr, _ = _parse(_lex(bounded(query)), 0, 0)
    return expr or NO_MATCH


def query_terms(query: str | None) -> list[tuple[str, bool]]:
    """The positive terms of a query as (folded stem or prefix, is_prefix), for highlighting."""
    terms = []
    for kind, value in _lex(bounded(query or "")):
        if kind not in ("word", "phrase") or value.startswith("-"):
            continue
        name, sep, rest = value.partition(":")
        if sep and fold(name) in COLUMNS:
            value = rest
        folded = words(value)
        for i, word in enumerate(folded):
            if value.endswith("*") and i == len(folded) - 1 and len(word) >= 2:
                terms.append((word, True))
            else:
                terms.append((stem(word), False))
    return terms
