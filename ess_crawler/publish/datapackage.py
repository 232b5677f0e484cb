"""``datapackage.json``: the release's CSV files as a Frictionless tabular data package.

Field types (JSON columns typed as arrays and objects), descriptions from the package's
Datasette metadata, primary and foreign keys, each file's size and SHA-256, the sources,
licences and contributors, and the content mode.
"""

from __future__ import annotations

from pathlib import Path

from .checksums import sha256
from .database import EXTRA_DESCRIPTIONS, WORD_COUNT_DESCRIPTION
from .datasette_files import database_metadata
from .names import DB_FILE, PACKAGE_NAME, PROJECT_URL
from .reductions import mode_text

# JSON held in text columns, typed as such in datapackage.json
JSON_COLUMNS = {
    ("articles", "tags"): "array", ("articles", "authors"): "array", ("articles", "images"): "array",
    ("articles", "provenance"): "object", ("articles", "footnotes_json"): "array",
    ("footnotes", "urls"): "array", ("revisions", "footnotes"): "array",
    ("crawls", "settings"): "object", ("crawls", "stats"): "object",
}
_TYPES = {"INTEGER": "integer", "INT": "integer", "REAL": "number", "FLOAT": "number", "NUMERIC": "number",
          "TEXT": "string", "": "any"}


def descriptions(metadata: dict) -> dict:
    """Table and column descriptions: the Datasette metadata's, with those of what publish adds."""
    tables = {}
    for name, value in (database_metadata(metadata).get("tables") or {}).items():
        tables[name] = {"description": value.get("description", ""), "columns": dict(value.get("columns") or {})}
    for name, extra in EXTRA_DESCRIPTIONS.items():
        entry = tables.setdefault(name, {"description": extra["description"], "columns": {}})
        entry["description"] = entry["description"] or extra["description"]
        for column, text in extra["columns"].items():
            entry["columns"].setdefault(column, text)
    tables.setdefault("articles", {"description": "", "columns": {}})["columns"].setdefault(
        "word_count", WORD_COUNT_DESCRIPTION)
    return tables


def _resource(out: Path, table: str, tables: list[str], schema: dict, described: dict) -> dict:
    """The data resource of csv/TABLE.csv."""
    fields = []
    for column in schema["columns"]:
        field = {"name": column["name"],
                 "type": JSON_COLUMNS.get((table, column["name"])) or _TYPES.get(column["type"], "any")}
        text = described["columns"].get(column["name"])
        if text:
            field["description"] = text
        if column["notnull"] or column["pk"]:
            field["constraints"] = {"required": True}
        fields.append(field)
    table_schema = {"fields": fields, "missingValues": [""]}
    if schema["primary_key"]:
        table_schema["primaryKey"] = schema["primary_key"]
    foreign_keys = []
    for column, target, target_column in schema["foreign_keys"]:
        if target in tables:
            foreign_keys.append({"fields": [column], "reference": {
                # foreign keys name resources, which are the table names with dashes
                "resource": "" if target == table else target.replace("_", "-"), "fields": [target_column]}})
    if foreign_keys:
        table_schema["foreignKeys"] = foreign_keys
    path = out / "csv" / f"{table}.csv"
    return {
        "name": table.replace("_", "-"), "path": f"csv/{table}.csv", "profile": "tabular-data-resource",
        "title": table, "description": described["description"], "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8", "bytes": path.stat().st_size, "hash": f"sha256:{sha256(path)}",
        "schema": table_schema,
    }


def datapackage(out: Path, tables: list[str], schema: dict, stats: dict, info: dict, metadata: dict) -> dict:
    """The data package of the CSV files written in `out` (`schema` by table, as sqlite_schema.table_schema)."""
    described = descriptions(metadata)
    resources = [_resource(out, table, tables, schema[table],
                           described.get(table, {"description": "", "columns": {}})) for table in tables]
    sites = stats["sites"]
    homepage = metadata.get("source_url") or PROJECT_URL
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": metadata.get("title") or "ESS news archive",
        "description": (
            "News articles of French social and solidarity economy (ESS) websites, crawled by ess-crawler, "
            "with their footnotes, related links, captures and crawl errors. "
            f"Content mode: {info['content_mode']}. "
            + mode_text(info)
            + f" The same tables are in {DB_FILE} (SQLite, with full-text search) and in jsonl/ (JSON Lines); "
            "see README.md, the data card."),
        "version": info["version"],
        "created": info["created"],
        "homepage": homepage,
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
        "contributors": [{"title": "ess-crawler", "path": homepage, "role": "author"}]
                        + [{"title": s["title"] or s["name"], "path": s["origin"], "role": "publisher"}
                           for s in sites if s["origin"]],
        "content_mode": info["content_mode"],
        "excerpt_words": int(info["excerpt_words"]) if info["excerpt_words"] else None,
        "software": info["software"],
        "resources": resources,
    }
