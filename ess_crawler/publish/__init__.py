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
  (types, descriptions from the package's Datasette ``metadata.yml``, primary
  and foreign keys, sizes and SHA-256, sources, licences, contributors,
  content mode);
- ``README.md``: the data card (sites and their rights notes, dates, counts,
  how the data was collected, known gaps, how to cite, how to serve it);
- ``metadata.yml``, ``settings.json``, ``inspect-data.json``: the folder is a
  Datasette configuration directory, so ``datasette DIR`` serves it read-only
  as it is (the plugin and its templates come with the installed package);
- ``SHA256SUMS`` (``sha256sum -c SHA256SUMS``).

Reproducible: nothing depends on the clock, so the same archive published twice
with the same ess-crawler, Python and SQLite gives byte-identical files, ``ess.db``
included (its bytes follow SQLite's page layout, which a different SQLite version
may change; the CSV and JSON Lines files do not depend on it).

One module a step, imported in this order (leaves first):

- `names`: the database name and file, the package name, the project URL, `PublishError`;
- `reductions`: the content modes, what they keep, the contact withheld;
- `sqlite_schema`: quoting, FTS shadow tables, primary keys, a table's columns;
- `database`: the release database (copy, generated tables, vacuum);
- `exports`: CSV and JSON Lines;
- `checksums`: SHA-256 and ``SHA256SUMS``;
- `datasette_files`: ``metadata.yml``, ``settings.json``, ``inspect-data.json``;
- `datapackage`: ``datapackage.json``;
- `card`: the data card, from ``templates/card.md.j2``;
- `release`: `publish_archive`, which runs them all.
"""

from .names import DB_FILE, DB_NAME, PublishError
from .reductions import (
    CONTENT_MODES,
    DEFAULT_EXCERPT_WORDS,
    excerpt,
    excerpt_html,
    footnotes_meta,
    withhold_contact,
    word_count,
)
from .release import Release, publish_archive

__all__ = [
    "CONTENT_MODES", "DB_FILE", "DB_NAME", "DEFAULT_EXCERPT_WORDS", "PublishError", "Release",
    "excerpt", "excerpt_html", "footnotes_meta", "publish_archive", "withhold_contact", "word_count",
]
