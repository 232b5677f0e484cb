"""The search index of the archive: `article_search` (stems) and its FTS5 table.

Every article has a row in `article_search` holding the stems of its title, lead and
body (`ess_crawler.search.stem_text`); the FTS5 table `article_search_fts` indexes it
(external content, kept in step by triggers). `index_article` is called in each
article's own transaction; `reindex` rebuilds everything.
"""

from __future__ import annotations

from ess_crawler.search import FTS_TABLE, WEIGHTS, stem_text

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
