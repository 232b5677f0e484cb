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

The index itself (tables and triggers, created by the archive's migrations;
`index_article`, `reindex`) belongs to the store: `ess_crawler.store.search_index`.
"""

from ess_crawler.search.analysis import stem_text, words
from ess_crawler.search.query import COLUMNS, FTS_TABLE, NO_MATCH, WEIGHTS, query_terms, stem_query
from ess_crawler.search.snippets import MARK_END, MARK_START, snippet

__all__ = ["COLUMNS", "FTS_TABLE", "MARK_END", "MARK_START", "NO_MATCH", "WEIGHTS", "query_terms", "snippet",
           "stem_query", "stem_text", "words"]
