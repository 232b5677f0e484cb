"""Publish the archive as a versioned, citable dataset (`ess-crawler publish`).

A release folder holds, built from one archive and nothing else:

- ``ess.db``: a copy of the archive made by creating the schema afresh and
  reloading every table in primary-key order (the WAL is folded in by reading
  through SQLite, the full-text index is rebuilt and optimised, the file is
  vacuumed and left in rollback-journal mode), with the `syndication` table
  (the same article on several sites), a `release_info` table, and
  ``articles.word_count``; in the ``excerpt`` and ``metadata`` content modes
  the texts are reduced while they are copied, so the full texts never reach
  the release; in every mode the operator's contact is withheld from
  ``crawls.settings`` (the archive keeps it);
- ``csv/TABLE.csv`` and ``jsonl/TABLE.jsonl`` for every table (the FTS index
  and its shadow tables excepted), rows in primary-key order, written as a
  stream;
- ``datapackage.json``: a Frictionless tabular data package of the CSV files
  (types, descriptions from ``archive/metadata.yml``, primary and foreign
  keys, sizes and SHA-256, sources, licences, contributors, content mode);
- ``README.md``: the data card (sites and their rights notes, dates, counts,
  how the data was collected, known gaps, how to cite, how to serve it);
- ``metadata.yml``, ``settings.json``, ``inspect-data.json``, ``templates/``,
  ``plugins/``: the folder is a Datasette configuration directory, so
  ``datasette DIR`` serves it read-only as it is;
- ``SHA256SUMS`` (``sha256sum -c SHA256SUMS``).

Reproducible: nothing depends on the clock, so the same archive published twice
with the same ess-crawler, Python and SQLite gives byte-identical files, ``ess.db``
included (its bytes follow SQLite's page layout, which a different SQLite version
may change; the CSV and JSON Lines files do not depend on it). The created date
is the finish time of the archive's last crawl (or ``--created``); the default
version is that date as YYYY.M.D.

For an archive of 20,000 articles or more, the syndication groups are computed in
a child process while the database is copied and exported. Tables added to the
schema later are copied as they are: a table holding article text must be added
to REDUCTIONS (or DERIVED_TABLES) for the excerpt and metadata modes.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import html
import io
import json
import logging
import multiprocessing
import os
import re
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path, PurePath

import sqlite_utils
import yaml

from ess_crawler import syndication
from ess_crawler.datasette import config as datasette_config
from ess_crawler.errors import UserError
from ess_crawler.sqlite import sqlite3
from ess_crawler.store.search_index import reindex

logger = logging.getLogger(__name__)

DB_NAME = "ess"
DB_FILE = f"{DB_NAME}.db"
CONTENT_MODES = ("full", "excerpt", "metadata")
DEFAULT_EXCERPT_WORDS = 60
PACKAGE_NAME = "ess-news-archive"
PROJECT_URL = "https://github.com/ess-archive/ess-crawler"
# from this many articles, syndication runs in a child process while the database is copied
BACKGROUND_FROM = 20_000
# SQLite page cache of the database build (KiB): index and full-text builds go faster
BUILD_CACHE_KIB = 128 * 1024
# tables rebuilt by publish itself rather than copied
GENERATED_TABLES = {syndication.TABLE, "release_info"}

# JSON held in text columns, typed as such in datapackage.json
JSON_COLUMNS = {
    ("articles", "tags"): "array", ("articles", "authors"): "array", ("articles", "images"): "array",
    ("articles", "provenance"): "object", ("articles", "footnotes_json"): "array",
    ("footnotes", "urls"): "array", ("revisions", "footnotes"): "array",
    ("crawls", "settings"): "object", ("crawls", "stats"): "object",
}

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
CONTACT_WITHHELD = "contact withheld"


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

EXTRA_DESCRIPTIONS = {
    "release_info": {
        "description": "What this release is: version, created date, content mode, software.",
        "columns": {"key": "Property of the release.", "value": "Its value."},
    },
    syndication.TABLE: {"description": syndication.TABLE_DESCRIPTION, "columns": syndication.COLUMN_DESCRIPTIONS},
}
WORD_COUNT_DESCRIPTION = "Number of words of the full body text (counted before any reduction of the release)."


class PublishError(UserError):
    pass


# ---------------------------------------------------------------- text reductions

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
    cut = excerpt(text, words)
    if cut is None:
        return None
    return "".join(f"<p>{html.escape(p.strip(), quote=False)}</p>" for p in re.split(r"\n\s*\n", cut) if p.strip())


def word_count(text: str | None) -> int:
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


def _register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("ess_excerpt", 2, excerpt, deterministic=True)
    conn.create_function("ess_excerpt_html", 2, excerpt_html, deterministic=True)
    conn.create_function("ess_word_count", 1, word_count, deterministic=True)
    conn.create_function("ess_footnotes_meta", 1, footnotes_meta, deterministic=True)
    conn.create_function("ess_withhold_contact", 1, withhold_contact, deterministic=True)


# ---------------------------------------------------------------- the release

@dataclass
class Release:
    path: Path
    version: str
    created: str
    content: str
    excerpt_words: int
    counts: dict
    timings: dict


def publish_archive(db: str | Path, out: str | Path, content: str = "full",
                    excerpt_words: int = DEFAULT_EXCERPT_WORDS, version: str | None = None,
                    created: str | None = None, force: bool = False,
                    config_dir: str | Path | None = None) -> Release:
    """Build the release folder `out` from the archive `db` (which is only read)."""
    db, out = Path(db), Path(out)
    if content not in CONTENT_MODES:
        raise PublishError(f"content mode {content!r} is not one of {', '.join(CONTENT_MODES)}")
    if excerpt_words < 1:
        raise PublishError("--excerpt-words must be at least 1")
    if not db.is_file():
        raise PublishError(f"no archive at {db}")
    if out.exists() and any(out.iterdir()):
        if not force:
            raise PublishError(f"{out} exists and is not empty (use --force to replace a previous release)")
        if not (out / "SHA256SUMS").exists() and not (out / "datapackage.json").exists():
            raise PublishError(f"{out} does not look like a release folder; not replacing it")
    config_dir = Path(config_dir) if config_dir else _project_config_dir()
    partial = out.with_name(out.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    try:
        return _publish_into(db, out, partial, config_dir, content, excerpt_words, version, created)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


def _publish_into(db: Path, out: Path, partial: Path, config_dir: Path, content: str, excerpt_words: int,
                  version: str | None, created: str | None) -> Release:
    source = sqlite3.connect(db)  # read through SQLite: a WAL not yet checkpointed is included
    try:
        _check_source(source)
        created = _created(source, created)
        articles = source.execute("select count(*) from articles").fetchone()[0]
        running = source.execute("select count(*) from crawls where status = 'running'").fetchone()[0]
    finally:
        source.close()
    if running:
        logger.warning("publish: %d crawl(s) of %s are still running; publish a quiet archive", running, db)
    version = version or _default_version(created)
    info = {
        "name": PACKAGE_NAME, "version": version, "created": created, "content_mode": content,
        "excerpt_words": str(excerpt_words) if content == "excerpt" else "",
        "software": f"ess-crawler {_software_version()}",
        "syndication": (f"MinHash/LSH over {syndication.SHINGLE_WORDS}-word shingles of lead and body, "
                        f"Jaccard >= {syndication.THRESHOLD}"),
    }
    metadata = _load_metadata(config_dir)
    build = partial / ".build.db"
    release_db = partial / DB_FILE
    timer = _Timer()
    # the main process copies and exports: the sketches get the other CPUs (at least one process)
    workers = max(1, min(4, (os.cpu_count() or 1) - 1))
    find = functools.partial(syndication.find_groups, workers=workers)
    with _Background(find, str(db), inline=articles < BACKGROUND_FROM) as groups:
        conn = _build_database(db, build, content, excerpt_words)
        timer("database copy")
        try:
            counts = {t: _export_table(conn, t, partial) for t in _export_tables(conn)}
            timer("CSV and JSON Lines")
            _add_generated_tables(conn, groups.result(), info)
            timer("waiting for syndication")
            for table in sorted(GENERATED_TABLES):
                counts[table] = _export_table(conn, table, partial)
            counts = dict(sorted(counts.items()))
            tables = list(counts)
            stats = _card_stats(conn)
            schema = {t: _table_schema(conn, t) for t in tables}
            timer("data card figures")
            _finish_database(conn, release_db)
            timer("vacuum into ess.db")
        finally:
            conn.close()
    build.unlink()
    conn = sqlite3.connect(release_db)
    try:
        inspect = _inspect_data(conn)
    finally:
        conn.close()
    inspect[DB_NAME]["hash"] = _sha256(release_db)
    inspect[DB_NAME]["size"] = release_db.stat().st_size

    descriptions = _descriptions(metadata)
    _write_json(partial / "datapackage.json",
                _datapackage(partial, tables, schema, descriptions, stats, info, metadata))
    _copy_datasette_config(partial, metadata, info, stats)
    _write_json(partial / "settings.json", datasette_config.load_settings())
    _write_json(partial / "inspect-data.json", inspect)
    requirements = SERVE_REQUIREMENTS
    (partial / "README.md").write_text(_data_card(info, stats, counts, metadata, requirements), encoding="utf-8")
    _write_checksums(partial)
    timer("data package, data card, checksums")

    if out.exists():
        shutil.rmtree(out)
    partial.rename(out)
    return Release(out, version, created, content, excerpt_words, counts, timer.steps)


class _Timer:
    """Seconds spent in each step, logged."""

    def __init__(self):
        self.steps: dict[str, float] = {}
        self._last = time.perf_counter()

    def __call__(self, step: str) -> None:
        now = time.perf_counter()
        self.steps[step] = now - self._last
        self._last = now
        logger.info("publish: %s took %.1f s", step, self.steps[step])


class _Background:
    """Run fn(arg) in a child process while the caller works (inline for small archives)."""

    def __init__(self, fn, arg, inline: bool):
        self.fn, self.arg, self.inline = fn, arg, inline
        self.pool = self.future = None

    def __enter__(self) -> _Background:
        if not self.inline:
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self.future = self.pool.submit(self.fn, self.arg)
        return self

    def result(self):
        return self.future.result() if self.future is not None else self.fn(self.arg)

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _project_config_dir() -> Path:
    return datasette_config.PACKAGE_DIR


def _check_source(conn: sqlite3.Connection) -> None:
    try:
        names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise PublishError(f"not a SQLite archive: {exc}") from None
    missing = {"articles", "sites", "crawls"} - names
    if missing:
        raise PublishError(f"not an ess-crawler archive: no table {', '.join(sorted(missing))}")


def _created(conn: sqlite3.Connection, created: str | None) -> str:
    """RFC 3339 UTC time of the release: given, else the archive's last crawl end, else its last capture."""
    value = created
    if not value:
        value = conn.execute("select max(finished) from crawls").fetchone()[0]
    if not value:
        value = conn.execute("select max(fetched_at) from captures").fetchone()[0]
    if not value:
        raise PublishError("the archive has no finished crawl to date the release: give --created")
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise PublishError(f"not an ISO 8601 date or time: {value!r}") from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    return stamp.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _default_version(created: str) -> str:
    day = dt.date.fromisoformat(created[:10])
    return f"{day.year}.{day.month}.{day.day}"


def _software_version() -> str:
    try:
        return package_version("ess-crawler")
    except PackageNotFoundError:
        return "unknown"


# ---------------------------------------------------------------- the SQLite copy

def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _shadow_tables(conn: sqlite3.Connection, schema: str = "main") -> set[str]:
    """Virtual tables and their shadow tables (FTS data, index, docsize, config)."""
    rows = conn.execute(f"select name, sql from {schema}.sqlite_master where type = 'table'").fetchall()
    virtual = {name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")}
    shadow = {name for name, _ in rows for v in virtual if name.startswith(v + "_")}
    return virtual | shadow


def _primary_key(conn: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    cols = conn.execute(f"pragma {schema}.table_info({_quote(table)})").fetchall()
    pk = [c[1] for c in sorted(cols, key=lambda c: c[5]) if c[5]]
    return pk or ["rowid"]


def _build_database(source: Path, target: Path, content: str, words: int) -> sqlite3.Connection:
    """Schema afresh, then every table reloaded in primary-key order, reduced as the content mode says.

    Returns the open connection to the build database (the FTS index rebuilt, triggers in place).
    """
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        _register_functions(conn)
        conn.execute("pragma journal_mode = off")
        conn.execute("pragma synchronous = off")
        conn.execute(f"pragma cache_size = -{BUILD_CACHE_KIB}")
        conn.execute("attach database ? as src", [str(source)])
        objects = conn.execute("select type, name, tbl_name, sql from src.sqlite_master "
                               "where sql is not null and name not like 'sqlite_%' order by name").fetchall()
        skip = _shadow_tables(conn, "src") | GENERATED_TABLES
        virtual = [(name, sql) for type_, name, _, sql in objects
                   if type_ == "table" and sql.upper().startswith("CREATE VIRTUAL TABLE")]
        tables = [(name, sql) for type_, name, _, sql in objects if type_ == "table" and name not in skip]
        reductions = REDUCTIONS[content]
        derived = DERIVED_TABLES if content != "full" else {}
        unknown = [n for n, _ in tables if n not in KNOWN_TABLES]
        if content != "full" and unknown:
            logger.warning("publish: %s copied as they are in %s mode: check they hold no article text",
                           ", ".join(unknown), content)
        conn.execute("begin")
        for name, sql in tables:
            conn.execute(sql)
            if name in derived:
                continue
            columns = [c[1] for c in conn.execute(f"pragma src.table_info({_quote(name)})")]
            exprs = [reductions.get((name, c), _quote(c)) for c in columns]
            target_columns = list(columns)
            if name == "articles":
                conn.execute("alter table articles add column word_count INTEGER")
                target_columns.append("word_count")
                exprs.append("ess_word_count(body_text)")
            order = ", ".join(_quote(c) if c != "rowid" else c for c in _primary_key(conn, name, "src"))
            conn.execute(
                f"insert into main.{_quote(name)} ({', '.join(map(_quote, target_columns))}) "
                f"select {', '.join(exprs)} from src.{_quote(name)} order by {order}", {"words": words})
        for type_, _name, tbl_name, sql in objects:
            if type_ == "index" and tbl_name not in skip:
                conn.execute(sql)
        for name, sql in virtual:
            if not re.search(r"content\s*=", sql, re.I):
                logger.warning("publish: virtual table %s has its own content; not copied", name)
                continue
            conn.execute(sql)
            fts5 = re.search(r"using\s+fts5", sql, re.I) is not None
            options = {}
            if fts5:
                # FTS5 options such as the bm25 weights ('rank') live in the shadow config table
                options = dict(conn.execute(f"select k, v from src.{_quote(name + '_config')} "
                                            "where k != 'version' order by k").fetchall())
                for key, value in options.items():
                    conn.execute(f"insert into {_quote(name)}({_quote(name)}, rank) values (?, ?)", [key, value])
                # no merging while the index is built: one merge ('optimize') at the end
                conn.execute(f"insert into {_quote(name)}({_quote(name)}, rank) values ('automerge', 0)")
            conn.execute(f"insert into {_quote(name)}({_quote(name)}) values ('rebuild')")
            conn.execute(f"insert into {_quote(name)}({_quote(name)}) values ('optimize')")
            if fts5 and "automerge" in options:
                conn.execute(f"insert into {_quote(name)}({_quote(name)}, rank) values ('automerge', ?)",
                             [options["automerge"]])
            elif fts5:
                conn.execute(f"delete from {_quote(name + '_config')} where k = 'automerge'")
        for type_, _name, tbl_name, sql in objects:
            if type_ == "trigger" and tbl_name not in skip:
                conn.execute(sql)
        for type_, _name, _tbl, sql in objects:
            if type_ == "view":
                conn.execute(sql)
        for name in sorted(derived.keys() & {n for n, _ in tables}):
            derived[name](conn)
        user_version = conn.execute("pragma src.user_version").fetchone()[0]
        conn.execute("commit")
        conn.execute("detach database src")
        conn.execute(f"pragma user_version = {int(user_version)}")
    except BaseException:
        conn.close()
        raise
    return conn


def _add_generated_tables(conn: sqlite3.Connection, groups: list[dict], info: dict) -> None:
    db = sqlite_utils.Database(conn)
    syndication.write_table(db, groups)
    db["release_info"].create({"key": str, "value": str}, pk="key")
    db["release_info"].insert_all([{"key": k, "value": v} for k, v in info.items()])


def _finish_database(conn: sqlite3.Connection, target: Path) -> None:
    """Check the build database and write it, vacuumed, in rollback-journal mode, to `target`."""
    problems = conn.execute("pragma foreign_key_check").fetchall()
    if problems:
        logger.warning("publish: %d rows point to missing rows (first: %s)", len(problems), problems[0])
    if conn.execute("pragma integrity_check").fetchone()[0] != "ok":
        raise PublishError("the release database failed SQLite's integrity check")
    conn.execute("pragma journal_mode = delete")
    conn.execute("vacuum into ?", [str(target)])


# ---------------------------------------------------------------- CSV and JSON Lines

def _export_tables(conn: sqlite3.Connection) -> list[str]:
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' "
                                        "and name not like 'sqlite_%' order by name")]
    hidden = _shadow_tables(conn)
    return [n for n in names if n not in hidden]


def _export_table(conn: sqlite3.Connection, table: str, out: Path) -> int:
    """Write csv/TABLE.csv and jsonl/TABLE.jsonl as a stream; returns the number of rows.

    SQLite writes the lines itself (text quoted and doubled quotes for CSV, json_object() for JSON)
    and hands them over as UTF-8 bytes, which go to the files untouched: no decoding, no encoding.
    CSV: header row, every text value quoted, numbers bare, NULL empty, CRLF between records (RFC 4180).
    """
    columns = [c[1] for c in conn.execute(f"pragma table_info({_quote(table)})")]
    order = ", ".join(_quote(c) if c != "rowid" else c for c in _primary_key(conn, table))
    (out / "csv").mkdir(exist_ok=True)
    (out / "jsonl").mkdir(exist_ok=True)
    header = io.StringIO()
    csv.writer(header).writerow(columns)
    paths = out / "csv" / f"{table}.csv", out / "jsonl" / f"{table}.jsonl"
    try:
        return _export_rows(conn, table, columns, order, header.getvalue().encode(), paths, in_sql=True)
    except sqlite3.OperationalError:  # a BLOB value, or more columns than json_object() takes
        return _export_rows(conn, table, columns, order, header.getvalue().encode(), paths, in_sql=False)


def _csv_cell(column: str) -> str:
    q = _quote(column)
    return f"(case typeof({q}) when 'null' then '' when 'text' then '\"' || replace({q}, '\"', '\"\"') || '\"' " \
           f"else {q} end)"


def _export_rows(conn: sqlite3.Connection, table: str, columns: list[str], order: str, header: bytes,
                 paths: tuple[Path, Path], in_sql: bool) -> int:
    count = 0
    with paths[0].open("wb") as csv_file, paths[1].open("wb") as jsonl_file:
        csv_file.write(header)
        if in_sql:
            line = " || ',' || ".join(_csv_cell(c) for c in columns)
            obj = "json_object(" + ", ".join(f"'{c}', {_quote(c)}" for c in columns) + ")"
            cursor = conn.execute(f"select cast({line} || char(13, 10) as blob), cast({obj} || char(10) as blob) "
                                  f"from {_quote(table)} order by {order}")
            while rows := cursor.fetchmany(2000):
                csv_file.write(b"".join(r[0] for r in rows))
                jsonl_file.write(b"".join(r[1] for r in rows))
                count += len(rows)
            return count
        text = io.TextIOWrapper(csv_file, encoding="utf-8", newline="", write_through=True)
        writer = csv.writer(text, quoting=csv.QUOTE_NONNUMERIC)
        dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        cursor = conn.execute(f"select {', '.join(map(_quote, columns))} from {_quote(table)} order by {order}")
        while rows := cursor.fetchmany(2000):
            rows = [tuple(v.hex() if isinstance(v, bytes) else v for v in row) for row in rows]
            writer.writerows(tuple("" if v is None else v for v in row) for row in rows)
            jsonl_file.write("".join(dumps(dict(zip(columns, row, strict=True))) + "\n"
                                     for row in rows).encode("utf-8"))
            count += len(rows)
        text.detach()
    return count


# ---------------------------------------------------------------- Frictionless data package

_TYPES = {"INTEGER": "integer", "INT": "integer", "REAL": "number", "FLOAT": "number", "NUMERIC": "number",
          "TEXT": "string", "": "any"}


def _table_schema(conn: sqlite3.Connection, table: str) -> dict:
    cols = conn.execute(f"pragma table_info({_quote(table)})").fetchall()
    fks = conn.execute(f"pragma foreign_key_list({_quote(table)})").fetchall()
    return {
        "columns": [{"name": c[1], "type": (c[2] or "").upper(), "notnull": bool(c[3]), "pk": c[5]} for c in cols],
        "primary_key": [c[1] for c in sorted(cols, key=lambda c: c[5]) if c[5]],
        "foreign_keys": sorted({(fk[3], fk[2], fk[4]) for fk in fks}),
    }


def _descriptions(metadata: dict) -> dict:
    tables = {}
    for name, value in (_database_metadata(metadata).get("tables") or {}).items():
        tables[name] = {"description": value.get("description", ""), "columns": dict(value.get("columns") or {})}
    for name, extra in EXTRA_DESCRIPTIONS.items():
        entry = tables.setdefault(name, {"description": extra["description"], "columns": {}})
        entry["description"] = entry["description"] or extra["description"]
        for column, text in extra["columns"].items():
            entry["columns"].setdefault(column, text)
    tables.setdefault("articles", {"description": "", "columns": {}})["columns"].setdefault(
        "word_count", WORD_COUNT_DESCRIPTION)
    return tables


def _datapackage(out: Path, tables: list[str], schema: dict, descriptions: dict, stats: dict, info: dict,
                 metadata: dict) -> dict:
    resources = []
    for table in tables:
        described = descriptions.get(table, {"description": "", "columns": {}})
        fields = []
        for column in schema[table]["columns"]:
            field = {"name": column["name"],
                     "type": JSON_COLUMNS.get((table, column["name"])) or _TYPES.get(column["type"], "any")}
            text = described["columns"].get(column["name"])
            if text:
                field["description"] = text
            if column["notnull"] or column["pk"]:
                field["constraints"] = {"required": True}
            fields.append(field)
        table_schema = {"fields": fields, "missingValues": [""]}
        if schema[table]["primary_key"]:
            table_schema["primaryKey"] = schema[table]["primary_key"]
        foreign_keys = []
        for column, target, target_column in schema[table]["foreign_keys"]:
            if target in tables:
                foreign_keys.append({"fields": [column], "reference": {
                    "resource": "" if target == table else target, "fields": [target_column]}})
        if foreign_keys:
            table_schema["foreignKeys"] = foreign_keys
        path = out / "csv" / f"{table}.csv"
        resources.append({
            "name": table.replace("_", "-"), "path": f"csv/{table}.csv", "profile": "tabular-data-resource",
            "title": table, "description": described["description"], "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "bytes": path.stat().st_size, "hash": f"sha256:{_sha256(path)}",
            "schema": table_schema,
        })
    # foreign keys name resources, which are the table names with dashes
    for resource in resources:
        for fk in resource["schema"].get("foreignKeys", []):
            if fk["reference"]["resource"]:
                fk["reference"]["resource"] = fk["reference"]["resource"].replace("_", "-")
    sites = stats["sites"]
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": metadata.get("title") or "ESS news archive",
        "description": (
            "News articles of French social and solidarity economy (ESS) websites, crawled by ess-crawler, "
            "with their footnotes, related links, captures and crawl errors. "
            f"Content mode: {info['content_mode']}. "
            + MODE_TEXT[info["content_mode"]].format(words=info["excerpt_words"])
            + f" The same tables are in {DB_FILE} (SQLite, with full-text search) and in jsonl/ (JSON Lines); "
            "see README.md, the data card."),
        "version": info["version"],
        "created": info["created"],
        "homepage": metadata.get("source_url") or PROJECT_URL,
        "keywords": ["économie sociale et solidaire", "ESS", "social economy", "news", "web archive", "France"],
        "licenses": [
            {"name": "ODC-By-1.0", "path": "https://opendatacommons.org/licenses/by/1-0/",
             "title": "Open Data Commons Attribution License 1.0: the database (structure, crawl records, "
                      "metadata compiled by ess-crawler)"},
            {"name": "other-closed", "path": "README.md",
             "title": "Article texts, titles and images remain the property of their publishers: "
                      "see each site's rights note (sites.rights, README.md)"},
        ],
        "sources": [{"title": f"{s['title'] or s['name']} ({s['name']})", "path": s["origin"]}
                    for s in sites if s["origin"]],
        "contributors": [{"title": "ess-crawler", "path": metadata.get("source_url") or PROJECT_URL,
                          "role": "author"}]
                        + [{"title": s["title"] or s["name"], "path": s["origin"], "role": "publisher"}
                           for s in sites if s["origin"]],
        "content_mode": info["content_mode"],
        "excerpt_words": int(info["excerpt_words"]) if info["excerpt_words"] else None,
        "software": info["software"],
        "resources": resources,
    }


# ---------------------------------------------------------------- Datasette configuration

def _load_metadata(config_dir: Path) -> dict:
    path = config_dir / "metadata.yml"
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _database_metadata(metadata: dict) -> dict:
    databases = metadata.get("databases") or {}
    if DB_NAME in databases:
        return databases[DB_NAME] or {}
    return next(iter(databases.values()), None) or {}


def _copy_datasette_config(out: Path, metadata: dict, info: dict, stats: dict) -> None:
    """metadata.yml for the `ess` database, with this release's tables (templates come with the plugin)."""
    meta = {k: v for k, v in metadata.items() if not k.startswith("x-") and k != "databases"}
    database = dict(_database_metadata(metadata))
    tables = {name: dict(value) for name, value in (database.get("tables") or {}).items()}
    for name, extra in EXTRA_DESCRIPTIONS.items():
        entry = tables.setdefault(name, {"description": extra["description"]})
        entry["columns"] = {**extra["columns"], **(entry.get("columns") or {})}
    articles = tables.setdefault("articles", {})
    articles["columns"] = {**(articles.get("columns") or {}), "word_count": WORD_COUNT_DESCRIPTION}
    mode = MODE_TEXT[info["content_mode"]].format(words=info["excerpt_words"])
    database["description"] = (f"Release {info['version']} of {info['created'][:10]}, "
                               f"{stats['articles']} articles from {len(stats['sites'])} sites. {mode}")
    database["tables"] = tables
    meta["title"] = f"{metadata.get('title') or 'ESS news archive'} — {info['version']}"
    meta["databases"] = {DB_NAME: database}
    (out / "metadata.yml").write_text(
        yaml.dump(meta, Dumper=_YamlDumper, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


# what serves a release: Datasette and this package, whose plugin (entry points) brings the
# templates, the French search functions and the article page
SERVE_REQUIREMENTS = [f"ess-crawler @ git+{PROJECT_URL}"]


def _shell_quote(value: str) -> str:
    return value if re.fullmatch(r"[\w.=<>-]+", value) else "'" + value.replace("'", "'\\''") + "'"


class _YamlDumper(yaml.SafeDumper):
    """Multi-line strings as literal blocks, as in the project's metadata.yml."""


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_YamlDumper.add_representer(str, _represent_str)


def _inspect_data(conn: sqlite3.Connection) -> dict:
    """Datasette's inspect file: the database is then served immutable with these counts."""
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' order by name")]
    tables = {n: {"count": conn.execute(f"select count(*) from {_quote(n)}").fetchone()[0]} for n in names}
    return {DB_NAME: {"hash": "", "size": 0, "file": DB_FILE, "tables": tables}}


# ---------------------------------------------------------------- the data card

def _card_stats(conn: sqlite3.Connection) -> dict:
    def rows(sql: str, params=()) -> list[dict]:
        cursor = conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def one(sql: str):
        return conn.execute(sql).fetchone()[0]

    sites = rows(
        "select s.name, s.title, s.origin, s.cms, s.rights, "
        "(select count(*) from articles a where a.site = s.name) as articles, "
        "(select count(*) from articles a where a.site = s.name and a.published is null) as undated, "
        "(select min(substr(published, 1, 10)) from articles a where a.site = s.name) as first_published, "
        "(select max(substr(published, 1, 10)) from articles a where a.site = s.name) as last_published, "
        "(select count(*) from footnotes f join articles a on a.id = f.article_id where a.site = s.name) "
        "as footnotes, "
        "(select count(*) from related_links r join articles a on a.id = r.article_id where a.site = s.name) "
        "as related_links, "
        "(select count(*) from errors e where e.site = s.name) as errors, "
        "(select count(*) from crawls c where c.site = s.name) as crawls "
        "from sites s order by s.name")
    return {
        "sites": sites,
        "articles": one("select count(*) from articles"),
        "undated": one("select count(*) from articles where published is null"),
        "untitled": one("select count(*) from articles where coalesce(title, '') = ''"),
        "empty_body": one("select count(*) from articles where coalesce(word_count, 0) = 0"),
        "truncated": one("select count(*) from articles where truncated = 1"),
        "words": one("select coalesce(sum(word_count), 0) from articles"),
        "published_range": conn.execute("select min(substr(published, 1, 10)), max(substr(published, 1, 10)) "
                                         "from articles").fetchone(),
        "crawl_range": conn.execute("select min(started), max(finished) from crawls").fetchone(),
        "crawls": rows("select status, count(*) as n from crawls group by status order by status"),
        "errors": rows("select kind, count(*) as n from errors group by kind order by n desc, kind"),
        "errors_by_site": rows("select coalesce(site, '') as site, kind, count(*) as n from errors "
                               "group by 1, 2 order by 1, n desc, 2"),
        "captures": one("select count(*) from captures"),
        "resolved_links": one("select count(*) from related_links where target_article_id is not null"),
        "warc_captures": one("select count(*) from captures where warc_file is not null and warc_file != ''")
        if "warc_file" in {c[1] for c in conn.execute("pragma table_info(captures)")} else 0,
        "groups": rows(
            "select s.group_id, s.earliest_date, s.group_size, s.group_sites, e.title, "
            "group_concat(a.site || ' (' || coalesce(substr(a.published, 1, 10), 'undated') || ')', ', ') "
            "as copies from syndication s join articles a on a.id = s.article_id "
            "join articles e on e.id = s.group_id "
            "group by s.group_id order by s.group_sites desc, s.earliest_date, s.group_id limit 30"),
        "group_count": one("select count(distinct group_id) from syndication"),
        "cross_site_groups": one("select count(distinct group_id) from syndication where group_sites > 1"),
    }


def _md(value) -> str:
    """A value for a Markdown table cell."""
    text = " ".join(str(value if value is not None else "").split())
    return text.replace("|", "\\|") or "—"


def _data_card(info: dict, stats: dict, counts: dict, metadata: dict, requirements: list[str]) -> str:
    title = metadata.get("title") or "ESS news archive"
    mode = info["content_mode"]
    first, last = stats["published_range"]
    crawl_start, crawl_end = stats["crawl_range"]
    source_url = metadata.get("source_url") or PROJECT_URL
    size_note = "the `ess.db` file"
    pip_args = " ".join(_shell_quote(r) for r in requirements)
    install_args = "".join(f"--install {_shell_quote(r)} " for r in requirements)
    lines = [
        f"# {title} — release {info['version']}",
        "",
        f"Created {info['created']} (end of the archive's last crawl) by {info['software']}. "
        f"Content mode: **{mode}**.",
        "",
        MODE_TEXT[mode].format(words=info["excerpt_words"]),
        "",
        "## What it is",
        "",
        f"{stats['articles']} news articles published by {len(stats['sites'])} websites of the French social and "
        "solidarity economy (ESS) — associations, cooperatives, mutuals, foundations, their networks and "
        f"media — dated from {first or '?'} to {last or '?'}, with their footnotes, related-article blocks "
        f"(\"Sur le même sujet\", \"À lire aussi\"…), body links and tags; every HTTP response received "
        f"({stats['captures']} captures) and every failure of the crawls. "
        f"{stats['words']} words of body text in all.",
        "",
        "| file | what |",
        "|---|---|",
        f"| `{DB_FILE}` | SQLite database: every table, with full-text search over title, lead and body |",
        "| `csv/TABLE.csv` | one CSV per table (UTF-8, header row, RFC 4180 quoting, rows by primary key; "
        "an empty cell is NULL) |",
        "| `jsonl/TABLE.jsonl` | the same rows as JSON Lines (one object per row, NULL as null) |",
        "| `datapackage.json` | Frictionless data package: field types and descriptions, primary and foreign "
        "keys, sizes and hashes of the CSV files |",
        "| `metadata.yml`, `settings.json`, `inspect-data.json`, `templates/`, `plugins/` | Datasette "
        "configuration: `datasette .` serves this folder |",
        "| `SHA256SUMS` | checksums of every file: `sha256sum -c SHA256SUMS` |",
        "",
        "| table | rows |",
        "|---|---|",
    ]
    lines += [f"| `{table}` | {n} |" for table, n in counts.items()]
    lines += [
        "",
        "## Sites and rights",
        "",
        "Texts, titles and images remain the property of their publishers. Each site's rights note, as "
        "recorded in the `sites` table:",
        "",
        "| site | publisher | origin | articles | undated | published from | to | footnotes | related links "
        "| errors | rights note |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in stats["sites"]:
        lines.append(
            f"| `{s['name']}` | {_md(s['title'])} | {_md(s['origin'])} | {s['articles']} | {s['undated']} | "
            f"{_md(s['first_published'])} | {_md(s['last_published'])} | {s['footnotes']} | "
            f"{s['related_links']} | {s['errors']} | {_md(s['rights'])} |")
    lines += [
        "",
        "The database structure, crawl records and the metadata compiled by ess-crawler are released under "
        "the Open Data Commons Attribution License 1.0 (ODC-By-1.0); the licence does not extend to the "
        "articles' contents. Reuse of the texts needs the publishers' consent beyond short quotation.",
        "",
        "## How it was collected",
        "",
        f"By [ess-crawler]({source_url}) ({info['software']}), a polite Scrapy crawler: robots.txt obeyed, "
        "AutoThrottle, a delay between requests to a domain, a User-Agent naming the project and a contact "
        "(withheld from this release). "
        "Articles are discovered from sitemaps, RSS feeds and listing pages; each page is extracted by the "
        "site's profile, structured data (JSON-LD, microdata, OpenGraph), CMS conventions and heuristics "
        "(`articles.provenance` says which rule gave each field). Crawls ran from "
        f"{crawl_start or '?'} to {crawl_end or '?'}: "
        + ", ".join(f"{c['n']} {c['status']}" for c in stats["crawls"]) + " (`crawls` table).",
        "",
        "An article is one row per canonical URL in its latest version; earlier versions of articles that "
        "changed between crawls are in `revisions`.",
        "",
        "## The same article on several sites",
        "",
        f"`syndication` groups near-duplicate articles: Jaccard similarity of {syndication.SHINGLE_WORDS}-word "
        f"shingles of lead and body at least {syndication.THRESHOLD} (MinHash sketches of "
        f"{syndication.NUM_BINS} values, LSH with {syndication.BANDS} bands; candidate pairs checked exactly), "
        "computed on the full texts before any reduction. The group id is the id of the group's earliest "
        "article (earliest publication date; else first archived). "
        f"{stats['group_count']} groups, {stats['cross_site_groups']} of them across sites.",
        "",
    ]
    if stats["groups"]:
        lines += ["| group | earliest | articles | sites | title | copies |", "|---|---|---|---|---|---|"]
        lines += [f"| {g['group_id']} | {_md(g['earliest_date'])} | {g['group_size']} | {g['group_sites']} | "
                  f"{_md(g['title'])} | {_md(g['copies'])} |" for g in stats["groups"]]
        lines.append("")
    lines += [
        "## Known gaps",
        "",
        f"- Articles without a publication date: {stats['undated']}; without a title: {stats['untitled']}; "
        f"with no body text: {stats['empty_body']}; shown only in part by their site (paywall): "
        f"{stats['truncated']}.",
        f"- Related links resolved to an archived article: {stats['resolved_links']} of "
        f"{sum(s['related_links'] for s in stats['sites'])}; the others point outside the archive.",
        "- Crawl errors by kind (each is a row of `errors` with its URL and reason): "
        + (", ".join(f"{e['kind']} {e['n']}" for e in stats["errors"]) or "none") + ".",
    ]
    if stats["errors_by_site"]:
        lines.append("- Errors by site: " + "; ".join(
            f"{e['site'] or '?'} {e['kind']} {e['n']}" for e in stats["errors_by_site"]) + ".")
    if stats["warc_captures"]:
        lines.append(f"- The raw responses ({stats['warc_captures']} captures kept in WARC files, named in "
                     "`captures.warc_file`) are not part of this release.")
    lines += [
        "- Pages that were not reachable, not linked from sitemaps, feeds or listings, or outside the profile's "
        "article URL patterns are not in the archive; a site's archive starts where its oldest listed page does.",
        "",
        "## Using it",
        "",
        "```sh",
        "sha256sum -c SHA256SUMS                 # check the files",
        f"sqlite3 {DB_FILE} 'select site, substr(published, 1, 4) year, count(*) from articles group by 1, 2'",
        "pip install frictionless && frictionless validate datapackage.json",
        f"pip install datasette {pip_args} && datasette .   # browse and search at http://127.0.0.1:8001/ess",
        "```",
        "",
        "## Serving it online",
        "",
        "This folder is a Datasette configuration directory. To put it online (its plugins need "
        + (", ".join(f"`{r}`" for r in requirements) or "nothing more than Datasette") + "):",
        "",
        "```sh",
        f"datasette publish cloudrun {DB_FILE} --service ess-archive --metadata metadata.yml \\",
        f"  --template-dir templates --plugins-dir plugins {install_args}--memory 2Gi \\",
        "  --extra-options '--setting sql_time_limit_ms 3000 --setting default_page_size 50'",
        f"datasette package {DB_FILE} --tag ess-archive --metadata metadata.yml \\",
        f"  --template-dir templates --plugins-dir plugins {install_args}\\",
        "  --extra-options '--setting sql_time_limit_ms 3000 --setting default_page_size 50'",
        "docker run -p 8001:8001 ess-archive",
        "```",
        "",
        f"Size limits: {size_note} is baked into the container image. Cloud Run keeps it in the instance's "
        "memory-backed file system, so give `--memory` at least the database size plus about 512 MiB "
        "(databases up to about 2 GB are known to work); Cloud Run responses are capped at 32 MiB, so offer "
        "the `.db` and CSV downloads from a file host (Zenodo, a release page) rather than from Datasette. "
        "Heroku slugs are limited to 500 MB (about 450 MB of database). Cloud Run and Heroku bill per "
        "request: consider the datasette-block-robots plugin for a large archive.",
        "",
        "## How to cite",
        "",
        f"{title}, release {info['version']} ({info['created'][:10]}), content mode {mode}. "
        f"Compiled with ess-crawler, {source_url}.",
        "",
        "```bibtex",
        f"@misc{{ess_archive_{info['version'].replace('.', '_').replace('-', '_')},",
        f"  title = {{{title}}},",
        f"  version = {{{info['version']}}},",
        f"  year = {{{info['created'][:4]}}},",
        f"  note = {{Release of {info['created'][:10]}, content mode {mode}, compiled with ess-crawler}},",
        f"  url = {{{source_url}}}",
        "}",
        "```",
        "",
        "Cite the publishers too: each article's `url` and `site`.",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- files

def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _write_checksums(out: Path) -> None:
    files = sorted(p for p in out.rglob("*") if p.is_file() and p.name != "SHA256SUMS")
    lines = [f"{_sha256(p)}  {p.relative_to(out).as_posix()}\n" for p in files]
    (out / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")
