"""Datasette plugin: every archive database gets the archive's metadata and canned queries.

metadata.yml describes the tables (`x-tables`) and the research queries (`x-queries`)
once, and lists them under the database names `demo` and `ess`. An archive served
under another name (`ess-crawler serve --db my-archive.db`) gets the same descriptions,
facets, French search box and queries from here. Local metadata.yml entries win.
"""

from pathlib import Path

import yaml
from datasette import hookimpl

from ess_crawler.sqlite import sqlite3

_METADATA = Path(__file__).resolve().parent / "metadata.yml"
try:
    _LOCAL = yaml.safe_load(_METADATA.read_text("utf-8")) or {}
except (OSError, yaml.YAMLError):
    _LOCAL = {}
_SHARED = {"tables": _LOCAL.get("x-tables") or {}, "queries": _LOCAL.get("x-queries") or {}}
_is_archive: dict[str, bool] = {}


def _archive(datasette, database) -> bool:
    """Whether the database has an `articles` table (checked once per database)."""
    if database not in _is_archive:
        db = datasette.databases.get(database)
        found = False
        if db is not None and db.path:
            try:
                conn = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
                try:
                    found = conn.execute("select 1 from sqlite_master where type = 'table' and name = 'articles'"
                                         ).fetchone() is not None
                finally:
                    conn.close()
            except sqlite3.Error:
                found = False
        _is_archive[database] = found
    return _is_archive[database]


@hookimpl
def get_metadata(datasette, key, database, table):
    local = _LOCAL.get("databases") or {}
    names = [name for name in list(datasette.databases)
             if not name.startswith("_") and name not in local and _archive(datasette, name)]
    if not names:
        return {}
    # fresh dicts down to the table level (Datasette merges into what it is given); no deep copy per call
    return {"databases": {name: {key: dict(value) for key, value in _SHARED.items()} for name in names}}
