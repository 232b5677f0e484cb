"""CSV and JSON Lines exports: ``csv/TABLE.csv`` and ``jsonl/TABLE.jsonl`` for every table of the release.

The FTS index and its shadow tables are left out; rows come in primary-key order and are
written as a stream, so memory stays flat whatever the archive's size.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ess_crawler.sqlite import sqlite3

from .sqlite_schema import order_by, quote, shadow_tables

BATCH_ROWS = 2000


def export_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables to export, by name: all but SQLite's own and the virtual tables with their shadows."""
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' "
                                        "and name not like 'sqlite_%' order by name")]
    hidden = shadow_tables(conn)
    return [n for n in names if n not in hidden]


def export_table(conn: sqlite3.Connection, table: str, out: Path) -> int:
    """Write csv/TABLE.csv and jsonl/TABLE.jsonl as a stream; returns the number of rows.

    SQLite writes the lines itself (text quoted and doubled quotes for CSV, json_object() for JSON)
    and hands them over as UTF-8 bytes, which go to the files untouched: no decoding, no encoding.
    CSV: header row, every text value quoted, numbers bare, NULL empty, CRLF between records (RFC 4180).
    """
    columns = [c[1] for c in conn.execute(f"pragma table_info({quote(table)})")]
    order = order_by(conn, table)
    (out / "csv").mkdir(exist_ok=True)
    (out / "jsonl").mkdir(exist_ok=True)
    header = io.StringIO()
    csv.writer(header).writerow(columns)
    paths = out / "csv" / f"{table}.csv", out / "jsonl" / f"{table}.jsonl"
    try:
        return export_rows(conn, table, columns, order, header.getvalue().encode(), paths, in_sql=True)
    except sqlite3.OperationalError:  # a BLOB value, or more columns than json_object() takes
        return export_rows(conn, table, columns, order, header.getvalue().encode(), paths, in_sql=False)


def _csv_cell(column: str) -> str:
    q = quote(column)
    return f"(case typeof({q}) when 'null' then '' when 'text' then '\"' || replace({q}, '\"', '\"\"') || '\"' " \
           f"else {q} end)"


def export_rows(conn: sqlite3.Connection, table: str, columns: list[str], order: str, header: bytes,
                paths: tuple[Path, Path], in_sql: bool) -> int:
    """The rows of `table` to the CSV and JSON Lines files `paths`, formatted by SQLite (`in_sql`) or Python.

    Python's path is the fallback for BLOB values (written as hex) and very wide tables.
    """
    count = 0
    with paths[0].open("wb") as csv_file, paths[1].open("wb") as jsonl_file:
        csv_file.write(header)
        if in_sql:
            line = " || ',' || ".join(_csv_cell(c) for c in columns)
            obj = "json_object(" + ", ".join(f"'{c}', {quote(c)}" for c in columns) + ")"
            cursor = conn.execute(f"select cast({line} || char(13, 10) as blob), cast({obj} || char(10) as blob) "
                                  f"from {quote(table)} order by {order}")
            while rows := cursor.fetchmany(BATCH_ROWS):
                csv_file.write(b"".join(r[0] for r in rows))
                jsonl_file.write(b"".join(r[1] for r in rows))
                count += len(rows)
            return count
        text = io.TextIOWrapper(csv_file, encoding="utf-8", newline="", write_through=True)
        writer = csv.writer(text, quoting=csv.QUOTE_NONNUMERIC)
        dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        cursor = conn.execute(f"select {', '.join(map(quote, columns))} from {quote(table)} order by {order}")
        while rows := cursor.fetchmany(BATCH_ROWS):
            rows = [tuple(v.hex() if isinstance(v, bytes) else v for v in row) for row in rows]
            writer.writerows(tuple("" if v is None else v for v in row) for row in rows)
            jsonl_file.write("".join(dumps(dict(zip(columns, row, strict=True))) + "\n"
                                     for row in rows).encode("utf-8"))
            count += len(rows)
        text.detach()
    return count
