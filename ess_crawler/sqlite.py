"""The SQLite the project runs on: pysqlite3's bundled, recent SQLite when installed, else Python's own.

Datasette and sqlite-utils make the same choice (both import pysqlite3 first), so the crawler's
archive writer, the release builder, the search helpers and the Datasette server use one SQLite
library and one set of exception classes (`except sqlite3.OperationalError` catches what
Datasette raises). pysqlite3-binary is a dependency where it ships wheels (Linux x86-64): its
SQLite 3.5x ranks FTS5 matches about a third faster than Debian 12's 3.40
(benchmarks/bench_datasette.py). Elsewhere the standard library's SQLite works the same, slower.

    from ess_crawler.sqlite import sqlite3
"""

try:
    from pysqlite3 import dbapi2 as sqlite3
except ImportError:  # no wheel for this platform: the standard library's SQLite
    import sqlite3

__all__ = ["sqlite3"]
