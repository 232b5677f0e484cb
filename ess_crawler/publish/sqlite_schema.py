"""Reading an SQLite schema: quoting names, the FTS tables to leave out, primary keys, a table's columns.

Shared by the database copy, the exports and the data package; only reads.
"""

from __future__ import annotations

from ess_crawler.sqlite import sqlite3


def quote(name: str) -> str:
    """An SQL identifier, double-quoted."""
    return '"' + name.replace('"', '""') + '"'


def shadow_tables(conn: sqlite3.Connection, schema: str = "main") -> set[str]:
    """Virtual tables and their shadow tables (FTS data, index, docsize, config)."""
    rows = conn.execute(f"select name, sql from {schema}.sqlite_master where type = 'table'").fetchall()
    virtual = {name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")}
    shadow = {name for name, _ in rows for v in virtual if name.startswith(v + "_")}
    return virtual | shadow


def primary_key(conn: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    """The primary key columns of a table, in key order; ["rowid"] for a table without one."""
    cols = conn.execute(f"pragma {schema}.table_info({quote(table)})").fetchall()
    pk = [c[1] for c in sorted(cols, key=lambda c: c[5]) if c[5]]
    return pk or ["rowid"]


def order_by(conn: sqlite3.Connection, table: str, schema: str = "main") -> str:
    """The ORDER BY list of a table's primary key (rows in primary-key order make reproducible files)."""
    return ", ".join(quote(c) if c != "rowid" else c for c in primary_key(conn, table, schema))


def table_schema(conn: sqlite3.Connection, table: str) -> dict:
    """Columns (name, declared type, not null, pk position), primary key and foreign keys of a table."""
    cols = conn.execute(f"pragma table_info({quote(table)})").fetchall()
    fks = conn.execute(f"pragma foreign_key_list({quote(table)})").fetchall()
    return {
        "columns": [{"name": c[1], "type": (c[2] or "").upper(), "notnull": bool(c[3]), "pk": c[5]} for c in cols],
        "primary_key": [c[1] for c in sorted(cols, key=lambda c: c[5]) if c[5]],
        "foreign_keys": sorted({(fk[3], fk[2], fk[4]) for fk in fks}),
    }
