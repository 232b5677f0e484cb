"""The Datasette side of a release: ``metadata.yml``, ``settings.json`` and ``inspect-data.json``.

With them the release folder is a Datasette configuration directory, so ``datasette DIR``
serves it read-only as it is. The templates and the plugin are not copied: they come with
the installed ess-crawler package (Datasette entry points), which is what SERVE_REQUIREMENTS
(and IMAGE_INSTALL, for a container image) names. The tables' descriptions come from the
package's ``ess_crawler/datasette/metadata.yml``.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from ess_crawler.datasette import config as datasette_config
from ess_crawler.sqlite import sqlite3

from .database import EXTRA_DESCRIPTIONS, WORD_COUNT_DESCRIPTION
from .names import DB_FILE, DB_NAME, PROJECT_URL
from .reductions import mode_text
from .sqlite_schema import quote

# what serves a release: this package (Datasette comes with it), whose plugin (entry points) brings
# the templates, the French search functions and the article page
SERVE_REQUIREMENTS = [f"ess-crawler @ git+{PROJECT_URL}"]
# the same for `datasette publish` and `datasette package`: their image has no git, and they write
# each --install unquoted into the Dockerfile's `pip install` (so no "name @ URL"): a source archive
IMAGE_INSTALL = [f"{PROJECT_URL}/archive/refs/heads/main.zip"]


def package_config_dir() -> Path:
    """The folder of the package's own metadata.yml."""
    return datasette_config.PACKAGE_DIR


def load_metadata(folder: Path) -> dict:
    """metadata.yml of `folder`, or nothing."""
    path = folder / "metadata.yml"
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def load_settings() -> dict:
    """The Datasette settings every archive is served with (the package's settings.json)."""
    return datasette_config.load_settings()


def setting_options(settings: dict) -> str:
    """The settings as `datasette serve` options: --setting NAME VALUE …"""
    return " ".join(f"--setting {name} {json.dumps(value) if isinstance(value, bool) else value}"
                    for name, value in settings.items())


def database_metadata(metadata: dict) -> dict:
    """The metadata of the `ess` database (else of the first database described)."""
    databases = metadata.get("databases") or {}
    if DB_NAME in databases:
        return databases[DB_NAME] or {}
    return next(iter(databases.values()), None) or {}


def write_metadata(out: Path, metadata: dict, info: dict, stats: dict) -> None:
    """metadata.yml for the `ess` database, with this release's tables (templates come with the plugin)."""
    meta = {k: v for k, v in metadata.items() if not k.startswith("x-") and k != "databases"}
    database = dict(database_metadata(metadata))
    tables = {name: dict(value) for name, value in (database.get("tables") or {}).items()}
    for name, extra in EXTRA_DESCRIPTIONS.items():
        entry = tables.setdefault(name, {"description": extra["description"]})
        entry["columns"] = {**extra["columns"], **(entry.get("columns") or {})}
    articles = tables.setdefault("articles", {})
    articles["columns"] = {**(articles.get("columns") or {}), "word_count": WORD_COUNT_DESCRIPTION}
    database["description"] = (f"Release {info['version']} of {info['created'][:10]}, "
                               f"{stats['articles']} articles from {len(stats['sites'])} sites. {mode_text(info)}")
    database["tables"] = tables
    meta["title"] = f"{metadata.get('title') or 'ESS news archive'} — {info['version']}"
    meta["databases"] = {DB_NAME: database}
    (out / "metadata.yml").write_text(
        yaml.dump(meta, Dumper=_YamlDumper, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


class _YamlDumper(yaml.SafeDumper):
    """Multi-line strings as literal blocks, as in the project's metadata.yml."""


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_YamlDumper.add_representer(str, _represent_str)


def inspect_data(conn: sqlite3.Connection) -> dict:
    """Datasette's inspect file: the database is then served immutable with these counts.

    The hash and size are filled in once the database file is written.
    """
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' order by name")]
    tables = {n: {"count": conn.execute(f"select count(*) from {quote(n)}").fetchone()[0]} for n in names}
    return {DB_NAME: {"hash": "", "size": 0, "file": DB_FILE, "tables": tables}}
