"""What each content mode keeps of the texts, and the operator's contact withheld in every mode.

The three content modes (`full`, `excerpt`, `metadata`) as SQL expressions over the source
row (REDUCTIONS), the Python functions those expressions call (registered on the build
connection by `register_functions`), the tables rebuilt from the reduced texts
(DERIVED_TABLES), and the sentence the data card and the data package say about each mode.

A table added to the schema later is copied as it is: a table holding article text must
be added to REDUCTIONS (or DERIVED_TABLES) for the excerpt and metadata modes, and to
KNOWN_TABLES once reviewed.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import PurePath

from ess_crawler.sqlite import sqlite3
from ess_crawler.store.search_index import reindex

CONTENT_MODES = ("full", "excerpt", "metadata")
DEFAULT_EXCERPT_WORDS = 60
CONTACT_WITHHELD = "contact withheld"

# What each content mode does to the texts: column -> SQL expression over the source row.
# `:words` is the excerpt length; the ess_* functions are registered on the connection.
_EXCERPT = {
    ("articles", "body_text"): "ess_excerpt(body_text, :words)",
    ("articles", "body_html"): "ess_excerpt_html(body_text, :words)",
    ("revisions", "body_text"): "ess_excerpt(body_text, :words)",
    ("revisions", "body_html"): "ess_excerpt_html(body_text, :words)",
}
_METADATA = {
    ("articles", "lead"): "NULL", ("articles", "body_text"): "NULL", ("articles", "body_html"): "NULL",
    ("articles", "footnotes_json"): "ess_footnotes_meta(footnotes_json)",
    ("footnotes", "text"): "NULL", ("footnotes", "html"): "NULL",
    ("related_links", "teaser"): "NULL",
    ("revisions", "lead"): "NULL", ("revisions", "body_text"): "NULL", ("revisions", "body_html"): "NULL",
    ("revisions", "footnotes"): "ess_footnotes_meta(footnotes)",
}
# In every mode: the crawl settings without the operator's contact (see withhold_contact).
_PRIVATE = {("crawls", "settings"): "ess_withhold_contact(settings)"}
REDUCTIONS = {"full": _PRIVATE, "excerpt": {**_PRIVATE, **_EXCERPT}, "metadata": {**_PRIVATE, **_METADATA}}
# the length of the full body, added to `articles` in every mode
WORD_COUNT_SQL = "ess_word_count(body_text)"


def _reindex_search(conn: sqlite3.Connection) -> None:
    """The stems of the French search, recomputed from the reduced texts of the release."""
    reindex(conn)


# tables computed from the article texts: rebuilt from the reduced texts in excerpt and metadata modes
DERIVED_TABLES = {"article_search": _reindex_search}
# tables whose columns were reviewed for the content modes; others are copied as they are (with a warning)
KNOWN_TABLES = {"sites", "crawls", "captures", "articles", "footnotes", "related_links", "links", "tags",
                "article_tags", "revisions", "errors", "coverage", "discovered", "article_search"}

MODE_TEXT = {
    "full": "Full texts: titles, leads, bodies (text and sanitised HTML), footnotes and earlier versions "
            "as archived.",
    "excerpt": "Excerpts: titles, leads and the first {words} words of each body (and of each earlier version); "
               "body_html is rebuilt from the excerpt; footnotes kept. `articles.word_count` gives the length "
               "of the full body.",
    "metadata": "Metadata only: no lead, body, body HTML, footnote text or HTML, related-link teaser, nor "
                "texts of earlier versions. Kept: URLs, titles, dates, categories, tags, authors, footnote "
                "numbers and URLs, the link graph (related links, body links), captures, errors and counts "
                "(`articles.word_count` is the length of the full body).",
}


def mode_text(info: dict) -> str:
    """What the release's content mode keeps, in one paragraph (`info` as in the release_info table)."""
    return MODE_TEXT[info["content_mode"]].format(words=info["excerpt_words"])


_WORDS = re.compile(r"\S+")


def excerpt(text: str | None, words: int) -> str | None:
    """The first `words` words of a text, its line breaks kept, followed by " […]" when cut."""
    if text is None:
        return None
    count = 0
    for match in _WORDS.finditer(text):
        count += 1
        if count == words:
            end = match.end()
            return text[:end] + (" […]" if text[end:].strip() else "")
    return text


def excerpt_html(text: str | None, words: int) -> str | None:
    """The excerpt of a text as HTML paragraphs (escaped; one <p> per blank-line-separated paragraph)."""
    cut = excerpt(text, words)
    if cut is None:
        return None
    return "".join(f"<p>{html.escape(p.strip(), quote=False)}</p>" for p in re.split(r"\n\s*\n", cut) if p.strip())


def word_count(text: str | None) -> int:
    """Words of a text (runs of non-space characters); 0 for none."""
    return len(text.split()) if text else 0


def footnotes_meta(value: str | None) -> str | None:
    """Footnotes JSON without text or HTML: number, URLs, marker."""
    if not value:
        return value
    try:
        notes = json.loads(value)
    except ValueError:
        return None
    if not isinstance(notes, list):
        return None
    kept = [{k: n[k] for k in ("marker_id", "number", "urls") if k in n} for n in notes if isinstance(n, dict)]
    return json.dumps(kept, ensure_ascii=False, sort_keys=True)


def withhold_contact(value: str | None) -> str | None:
    """Crawl settings JSON without the operator's contact: ESS_CONTACT dropped, the User-Agent's replaced,
    local paths cut to their last part.

    A User-Agent that does not hold the crawl's ESS_CONTACT, where the contact cannot be told apart,
    is withheld whole.
    """
    if not value:
        return value
    try:
        settings = json.loads(value)
    except ValueError:
        return None
    if not isinstance(settings, dict):
        return None
    contact = settings.pop("ESS_CONTACT", None)
    for key in ("ESS_DB_PATH", "ESS_WARC_DIR"):  # local paths can name the operator's account: names only
        if settings.get(key):
            settings[key] = PurePath(str(settings[key])).name
    agent = settings.get("USER_AGENT")
    if agent:
        agent = str(agent)
        # the crawl's User-Agent was built by settings.user_agent from its contact: the same with it withheld
        settings["USER_AGENT"] = (agent.replace(str(contact), CONTACT_WITHHELD) if contact and str(contact) in agent
                                  else CONTACT_WITHHELD)
    return json.dumps(settings, sort_keys=True)  # as Archive.start_crawl writes it


def register_functions(conn: sqlite3.Connection) -> None:
    """The ess_* SQL functions the REDUCTIONS expressions call."""
    conn.create_function("ess_excerpt", 2, excerpt, deterministic=True)
    conn.create_function("ess_excerpt_html", 2, excerpt_html, deterministic=True)
    conn.create_function("ess_word_count", 1, word_count, deterministic=True)
    conn.create_function("ess_footnotes_meta", 1, footnotes_meta, deterministic=True)
    conn.create_function("ess_withhold_contact", 1, withhold_contact, deterministic=True)
