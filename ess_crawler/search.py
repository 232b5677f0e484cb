"""French full-text search: stems that ignore case and accents, a forgiving query language, snippets.

Every article has a row in `article_search` holding the French Snowball stems of its
title, lead and body (accents folded and lower-cased first, so `coopératives`,
`Coopérative` and `cooperatives` all become `cooper`, and a query typed without
accents stems like the accented word: `opportunite` and `opportunité` both give
`opportunit`; ligatures are spelt out, `cœur` = `coeur`), indexed by the FTS5 table
`article_search_fts` (external content, rowid = article id, kept in step by triggers,
ranked with bm25 weighting title 10, lead 5, body 1).

- `stem_text(text)` gives the stems of a text, space separated.
- `stem_query(q)` turns what a reader types into a safe FTS5 query over those stems:
  words (all required), `"phrase queries"`, `prefix*`, `OR`, `NOT` / `-word`,
  `(groups)`, `titre:` / `chapo:` / `texte:` column filters. It never raises: quotes,
  operators and punctuation that do not make sense are dropped, so any input gives a
  valid query (one that matches nothing when nothing is left).
- `snippet(text, q)` picks the passage of a text that best matches the query, with the
  matching words between `MARK_START` and `MARK_END` (private-use characters, so the
  HTML is built by whoever displays it, after escaping).
- `index_article(db, article_id)` (re)computes one article's stems: to be called after
  each write of an article; `reindex(db)` rebuilds everything.

`install(db)` creates the tables, the indexes the research pages need and the
`article_list` view, then indexes the articles already there (the archive's migration
calls it). Everything here works on a `sqlite3.Connection` or a `sqlite_utils.Database`.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

MARK_START = "\ue000"
MARK_END = "\ue001"
NO_MATCH = '""'  # a valid FTS5 query that matches no row
FTS_TABLE = "article_search_fts"
WEIGHTS = (10.0, 5.0, 1.0)  # bm25 weights of title, lead, body
COLUMNS = {"titre": "title", "title": "title", "chapo": "lead", "chapeau": "lead", "lead": "lead",
           "texte": "body", "corps": "body", "body": "body"}

_WORD = re.compile(r"[^\W_]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ﬁ": "fi", "ﬂ": "fl"})
_local = threading.local()  # a Stemmer object is not thread-safe: one per thread (Datasette's SQL threads)


def _stemmer() -> Stemmer.Stemmer:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("french")
    return stemmer


def fold(text: str) -> str:
    """Lower-case, ligatures spelt out, accents removed: `Cœur Économique` -> `coeur economique`."""
    text = text.translate(_LIGATURES).lower()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str | None) -> list[str]:
    """The folded words of a text (letters and digits; apostrophes, hyphens and the rest separate)."""
    return _WORD.findall(fold(text or ""))


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The French Snowball stem of a folded word."""
    return _stemmer().stemWord(word)


def stem_words(folded: list[str]) -> list[str]:
    return _stemmer().stemWords(folded)


def stem_text(text: str | None) -> str:
    """The stems of a text, space separated: `Les coopératives` -> `le cooper`."""
    return " ".join(stem_words(words(text)))


# ---------------------------------------------------------------- queries

_LEX = re.compile(r'''(?P<phrase>"[^"]*(?:"|$)\*?)|(?P<negopen>-\()|(?P<open>\()|(?P<close>\))|(?P<word>[^\s"()]+)''')


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
            negatives.append(expr)
            negate = False
        else:
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
    expr, _ = _parse(_lex(query[:2000]), 0, 0)
    return expr or NO_MATCH


def query_terms(query: str | None) -> list[tuple[str, bool]]:
    """The positive terms of a query as (folded stem or prefix, is_prefix), for highlighting."""
    terms = []
    for kind, value in _lex(query or ""):
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
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
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

# The view researchers browse, facet and search. `+id` keeps SQLite from answering
# `id in (the search's matches)` -- how Datasette's search box filters -- by one primary-key
# lookup per match in the 2 GB articles table: it walks the small index that serves the
# page instead (published for the newest first, site, category or year for a facet) and
# tests each entry against the matches. A common word on 200,000 articles: rows in 18 ms
# instead of 160, each facet 55-80 ms instead of 200+ (past Datasette's facet time limit).
# An `?id=` filter on the view scans; article pages use the articles table.
ARTICLE_LIST_VIEW = """create view if not exists article_list as
        select +id as id, published, substr(published, 1, 4) as year, site, category, title, tags, lead, url
        from articles"""

SCHEMA = [
    """create table if not exists article_search (
        article_id integer primary key references articles(id) on delete cascade,
        title text, lead text, body text)""",
    f"""create virtual table if not exists {FTS_TABLE} using fts5(
        title, lead, body, content='article_search', content_rowid='article_id',
        tokenize='unicode61 remove_diacritics 2')""",
    f"""create trigger if not exists article_search_ai after insert on article_search begin
        insert into {FTS_TABLE}(rowid, title, lead, body) values (new.article_id, new.title, new.lead, new.body);
    end""",
    f"""create trigger if not exists article_search_ad after delete on article_search begin
        insert into {FTS_TABLE}({FTS_TABLE}, rowid, title, lead, body)
        values ('delete', old.article_id, old.title, old.lead, old.body);
    end""",
    f"""create trigger if not exists article_search_au after update on article_search begin
        insert into {FTS_TABLE}({FTS_TABLE}, rowid, title, lead, body)
        values ('delete', old.article_id, old.title, old.lead, old.body);
        insert into {FTS_TABLE}(rowid, title, lead, body) values (new.article_id, new.title, new.lead, new.body);
    end""",
    f"insert into {FTS_TABLE}({FTS_TABLE}, rank) values ('rank', 'bm25({', '.join(map(str, WEIGHTS))})')",
    # what the research pages sort, facet and group on: the newest first, facets read from small
    # covering indexes instead of the articles' rows (200,000 articles: 2 GB of rows, 25 MB of index)
    "create index if not exists articles_published on articles(published)",
    "create index if not exists articles_category on articles(category)",
    "create index if not exists articles_tags on articles(tags)",
    "create index if not exists articles_facets on articles(site, category, published, language, tags)",
    "create index if not exists articles_year on articles(substr(published, 1, 4), site, category)",
    "create index if not exists articles_content_sha256 on articles(content_sha256, site)",
    "create index if not exists article_tags_tag on article_tags(tag_id, article_id)",
    "create index if not exists article_search_title on article_search(title)",
    "create index if not exists article_search_lead on article_search(lead)",
    ARTICLE_LIST_VIEW,
]


def _conn(db):
    """The sqlite3 connection of a sqlite_utils.Database, or the connection itself."""
    return getattr(db, "conn", db)


def install(db) -> None:
    """Create the search tables, indexes and the `article_list` view, then index every article."""
    conn = _conn(db)
    for statement in SCHEMA:
        conn.execute(statement)
    reindex(conn)


def _stems_row(title, lead, body) -> tuple[str, str, str]:
    return stem_text(title), stem_text(lead), stem_text(body)


def index_article(db, article_id: int) -> None:
    """(Re)compute the stems of one article; call it after each write of the article, in its transaction."""
    conn = _conn(db)
    row = conn.execute("select title, lead, body_text from articles where id = ?", [article_id]).fetchone()
    conn.execute("delete from article_search where article_id = ?", [article_id])
    if row is not None:
        conn.execute("insert into article_search (article_id, title, lead, body) values (?, ?, ?, ?)",
                   [article_id, *_stems_row(*row)])


def reindex(db, batch: int = 2000) -> int:
    """Rebuild the stems of every article; returns how many were indexed."""
    conn = _conn(db)
    conn.execute("delete from article_search")
    conn.execute(f"insert into {FTS_TABLE}({FTS_TABLE}) values ('delete-all')")
    count = 0
    last = 0
    while True:
        rows = conn.execute("select id, title, lead, body_text from articles where id > ? order by id limit ?",
                          [last, batch]).fetchall()
        if not rows:
            break
        conn.executemany("insert into article_search (article_id, title, lead, body) values (?, ?, ?, ?)",
                       [(r[0], *_stems_row(*r[1:])) for r in rows])
        count += len(rows)
        last = rows[-1][0]
    conn.execute(f"insert into {FTS_TABLE}({FTS_TABLE}) values ('optimize')")
    return count


def main(argv: list[str] | None = None) -> int:
    """`python -m ess_crawler.search reindex DB` or `python -m ess_crawler.search query WORDS...`."""
    from ess_crawler.sqlite import sqlite3

    argv = sys.argv[1:] if argv is None else argv
    if len(argv) == 2 and argv[0] == "reindex":
        conn = sqlite3.connect(argv[1])
        with conn:
            print(f"{reindex(conn)} articles indexed")
        conn.close()
        return 0
    if argv and argv[0] == "query":
        print(stem_query(" ".join(argv[1:])))
        return 0
    print(main.__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
