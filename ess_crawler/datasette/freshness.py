"""Whether an archive file changed: the key that keeps the plugins' result caches exact.

A searched page re-runs the same costly FTS5 match for its rows, its count and every
facet, and a reader paging through the matches (`_next`), toggling a facet or asking the
JSON twin of a page runs them all again. The plugins keep what they computed (facet
counts, the best matches of a search) in small per-process caches whose keys hold
`archive_version(path)`: when anything commits to the file, the version changes and every
earlier entry is simply never asked for again (and ages out of the LRU).

`archive_version` reads `PRAGMA data_version` on one read-only connection of its own per
file: SQLite changes that value whenever another connection (a crawl, another process)
commits to the database, WAL mode included. The version is read *before* the result it
keys is computed, so a commit landing in between makes the entry older than its data,
never newer: at worst a miss, never a stale answer. The file's device and inode are part
of the version, so an archive replaced under the same path is another archive; an
in-memory database has no version and is never cached. `immutable` files are promised
never to change: their version never does.
"""

from __future__ import annotations

import itertools
import os
import threading
import urllib.parse
from collections import OrderedDict
from collections.abc import Hashable

from ess_crawler.sqlite import sqlite3

_lock = threading.Lock()
_watchers: dict[tuple[str, bool], tuple] = {}  # (path, immutable) -> (connection, file identity, generation)
_generation = itertools.count(1)


def archive_version(path: str | os.PathLike | None, immutable: bool = False) -> tuple | None:
    """A value that changes whenever the archive file at `path` changes; None: do not cache."""
    if not path:
        return None
    path = str(path)
    try:
        st = os.stat(path)
    except OSError:
        return None
    identity = (st.st_dev, st.st_ino)
    key = (path, immutable)
    with _lock:
        watcher = _watchers.get(key)
        if watcher is None or watcher[1] != identity:
            if watcher is not None:
                watcher[0].close()
            uri = f"file:{urllib.parse.quote(path)}?mode=ro" + ("&immutable=1" if immutable else "")
            try:
                conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            except sqlite3.Error:
                return None
            # a new connection counts data_version from its own start: the generation tells them apart
            watcher = _watchers[key] = (conn, identity, next(_generation))
        try:
            version = watcher[0].execute("pragma data_version").fetchone()[0]
        except sqlite3.Error:
            watcher[0].close()
            del _watchers[key]
            return None
    return (identity, watcher[2], version)


def forget() -> None:
    """Close the watching connections (tests; a long-lived process never needs to)."""
    with _lock:
        for conn, _, _ in _watchers.values():
            conn.close()
        _watchers.clear()


class ResultCache:
    """A small thread-safe LRU mapping: keys must hold the archive's version (see above)."""

    def __init__(self, size: int = 256):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, default=None):
        with self._lock:
            if key not in self._items:
                return default
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: Hashable, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
