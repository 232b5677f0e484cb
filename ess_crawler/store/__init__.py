"""The archive: one SQLite file per archive, every SQL statement of the project that writes it.

`Archive` (archive.py) reads and writes; `migrations` holds the frozen schema steps;
`search_index` keeps the French search index in step; `coverage` measures the share
of articles with each field after a crawl; `crawl_memory` is what a re-crawl knows.
"""
