"""The same article on several sites: near-duplicate groups of archived articles.

An ESS text is often republished by another network's site, sometimes under
another date (the seed article is on chorum.fr dated 2014-03-25 and on
ressources-solidaires.org dated 2013-11-25). This module finds such copies
and writes them to the `syndication` table of an archive:

- each article's text (lead and body) is normalised (case, accents,
  apostrophes, punctuation) and cut into overlapping shingles of
  ``SHINGLE_WORDS`` words;
- each shingle set gets a MinHash sketch of ``NUM_BINS`` values, computed by
  one-permutation hashing with optimal densification (one hash per shingle
  instead of one per shingle and permutation: pure Python stays fast on a
  200,000-article archive, no numpy);
- LSH banding: the sketch is cut into ``BANDS`` bands of ``ROWS`` values; two
  texts that agree on a whole band are candidates (the chance of it is
  1 - (1 - J**ROWS)**BANDS for a Jaccard similarity J: 0.56 at J = 0.4, 0.87 at
  0.5, 0.985 at 0.6, 0.9995 at 0.7);
- walking the texts from the earliest known date (publication date, else the
  day the archive first saw it; ties go to the lower article id), a text joins
  the group of an earlier *original* that its candidates lead to: those whose
  sketch agrees with its own at ``THRESHOLD`` - 0.1 at least are checked
  exactly, the most agreeing first, and the text joins the first whose
  shingles have a Jaccard similarity of ``THRESHOLD`` (0.5) with its own;
  otherwise it is an original itself. A group is thus an original and its
  copies, each similar to it (no chains of slowly drifting texts); the group
  id is the original's article id.

Texts shorter than ``MIN_SHINGLES`` shingles (about 25 words) are not compared:
a short notice shares too much with its neighbours to say it is a copy.

`syndicate(path)` rebuilds the table in an archive (``ess-crawler syndicate``);
`find_groups(conn)` only reads, so `ess_crawler.publish.release` computes the groups on
the full texts of the archive and writes them into the release copy.
No settings are read.
"""

from __future__ import annotations

import logging
import multiprocessing
import operator
import os
import random
import re
import unicodedata
import zlib
from array import array
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from ess_crawler.sqlite import sqlite3
from ess_crawler.store import texts
from ess_crawler.store.archive import Archive

logger = logging.getLogger(__name__)

SHINGLE_WORDS = 5
NUM_BINS = 128
BANDS = 32
ROWS = NUM_BINS // BANDS
THRESHOLD = 0.5
ESTIMATE_MARGIN = 0.1
MAX_CANDIDATES = 16
MIN_SHINGLES = 20

TABLE = texts.SYNDICATION_TABLE
TABLE_DESCRIPTION = (
    "The same article on several sites: groups of near-duplicate articles "
    f"(Jaccard similarity of {SHINGLE_WORDS}-word shingles of lead and body at least {THRESHOLD}), "
    "rebuilt by `ess-crawler syndicate` and by `ess-crawler publish`."
)
COLUMN_DESCRIPTIONS = {
    "article_id": "Article that belongs to a group of copies.",
    "group_id": "Id of the group's earliest article (the group's first known publication).",
    "similarity": "Jaccard similarity of this article's shingles to the earliest article's (1.0 for it).",
    "earliest_date": "Earliest known date in the group: publication date, else the day first archived.",
    "is_earliest": "1 for the group's earliest article, else 0.",
    "group_size": "Number of articles in the group.",
    "group_sites": "Number of distinct sites in the group.",
}

_BIN_SHIFT = 64 - (NUM_BINS.bit_length() - 1)
_BIN_KEYS = range(-NUM_BINS // 2, NUM_BINS // 2)
_LOW32 = 0xFFFFFFFF
_WORD = re.compile(r"\w+")
_ASCII_WORD = re.compile(rb"[0-9a-z]+")
_COMBINING = re.compile(r"[\u0300-\u036f]+")
# typographic marks that would glue words together once accents are dropped
_TYPOGRAPHY = [("\u2019", " "), ("\u2018", " "), ("\u00ab", " "), ("\u00bb", " "), ("\u201c", " "),
               ("\u201d", " "), ("\u00a0", " "), ("\u202f", " "), ("\u2026", " "), ("\u2013", " "),
               ("\u2014", " "), ("\u0153", "oe"), ("\u00e6", "ae")]
_EMPTY = object()
# optimal densification: every empty bin borrows from a fixed pseudo-random sequence of bins
_PROBES = [random.Random(i).choices(_BIN_KEYS, k=64) for i in range(NUM_BINS)]


# ---------------------------------------------------------------- text to sketch

def normalise(text: str) -> list[bytes]:
    """Words of a text, lower case, without accents or punctuation (ASCII bytes)."""
    text = text.lower()
    for mark, replacement in _TYPOGRAPHY:
        if mark in text:
            text = text.replace(mark, replacement)
    words = _ASCII_WORD.findall(unicodedata.normalize("NFKD", text).encode("ascii", "ignore"))
    if len(words) * 12 < len(text):
        # mostly non-Latin script: keep every letter rather than the ASCII ones
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
        words = [w.encode("utf-8") for w in _WORD.findall(text)]
    return words


class _WordIds(dict):
    """Word -> CRC-32, computed on first sight (stable across processes, unlike hash() of bytes)."""

    def __missing__(self, word: bytes) -> int:
        value = self[word] = zlib.crc32(word)
        return value


class Shingler:
    """Word shingles as 64-bit integers: the tuple hash of the words' CRC-32 (stable across runs)."""

    def __init__(self) -> None:
        self._ids = _WordIds()

    def __call__(self, text: str) -> set[int]:
        words = list(map(self._ids.__getitem__, normalise(text)))
        return set(map(hash, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def sketch(shingles: set[int]) -> list[int]:
    """MinHash sketch by one-permutation hashing: the minimum of each of NUM_BINS hash ranges.

    A bin is the top bits of the (signed 64-bit) shingle hash; an empty bin borrows the value of
    the first non-empty bin in its fixed probe sequence (optimal densification), so that every
    value of the sketch is comparable across texts.
    """
    bins = {h >> _BIN_SHIFT: h for h in sorted(shingles, reverse=True)}
    values = [bins.get(key, _EMPTY) for key in _BIN_KEYS]
    if len(bins) < NUM_BINS:
        for i, value in enumerate(values):
            if value is _EMPTY:
                for attempt, key in enumerate(_PROBES[i]):
                    if key in bins:
                        values[i] = bins[key] + attempt
                        break
                else:
                    key = min(bins, key=lambda b: (b - _BIN_KEYS[i]) % NUM_BINS)
                    values[i] = bins[key]
    return [v & _LOW32 for v in values]


def jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _text(lead: str | None, body: str | None) -> str:
    return f"{lead or ''}\n{body or ''}"


# ---------------------------------------------------------------- grouping

def _sketch_rows(rows, shingler: Shingler) -> tuple[list[int], list[str], list[str], array]:
    """ids, sites, dates and concatenated sketches of the rows long enough to compare."""
    ids, sites, dates = [], [], []
    sketches = array("I")
    for article_id, site, published, first_seen, lead, body in rows:
        shingles = shingler(_text(lead, body))
        if len(shingles) < MIN_SHINGLES:
            continue
        ids.append(article_id)
        sites.append(site)
        dates.append((published or first_seen or "")[:10])
        sketches.extend(sketch(shingles))
    return ids, sites, dates, sketches


def _sketch_id_range(job: tuple[str, int, int]) -> tuple[list[int], list[str], list[str], bytes]:
    """Sketches of the articles lo <= id < hi of the archive at `path` (in a worker process)."""
    path, lo, hi = job
    conn = texts.connect(path)
    try:
        ids, sites, dates, sketches = _sketch_rows(texts.article_texts(conn, lo, hi), Shingler())
    finally:
        conn.close()
    return ids, sites, dates, sketches.tobytes()


def _sketch_all(source, workers: int):
    if isinstance(source, (str, Path)) and workers > 1:
        conn = texts.connect(source)
        try:
            lo, hi = texts.article_id_range(conn)
        finally:
            conn.close()
        if lo is not None:
            step = 5000
            jobs = [(str(source), start, start + step) for start in range(lo, hi + 1, step)]
            ids, sites, dates, sketches = [], [], [], array("I")
            context = multiprocessing.get_context("spawn")
            with context.Pool(workers) as pool:
                for part in pool.imap(_sketch_id_range, jobs):  # in id order, whatever the workers
                    ids += part[0]
                    sites += part[1]
                    dates += part[2]
                    sketches.frombytes(part[3])
            return ids, sites, dates, sketches
    conn = texts.connect(source) if isinstance(source, (str, Path)) else source
    try:
        return _sketch_rows(texts.article_texts(conn), Shingler())
    finally:
        if conn is not source:
            conn.close()


def find_groups(source: sqlite3.Connection | str | Path, threshold: float = THRESHOLD,
                workers: int = 1) -> list[dict]:
    """Rows of the syndication table for the articles of `source` (a connection or a path; only read).

    1. Sketch every text (in `workers` processes when `source` is a path).
    2. LSH: in each band, the texts whose ROWS sketch values are equal share a bucket; each text
       notes the earliest text of its bucket. Memory stays at a few bytes per text and band, and the
       work is linear even when many texts share paragraphs.
    3. Walk the texts from the earliest known date on: a text joins the *original* (the earliest
       text of a group) that its noted texts lead to, trying them from the one whose sketch agrees
       most with its own down to an agreement (an estimate of the Jaccard similarity) of
       `threshold` - 0.1, and joining the first whose shingles are similar at `threshold` exactly
       (re-read from the archive); a text that joins none is an original itself. Checking while
       walking lets two copies whose sketches lean towards an earlier, merely similar text form
       their own group rather than both being let go.
    """
    ids, sites, dates, sketches = _sketch_all(source, workers)
    n = len(ids)
    order = sorted(range(n), key=lambda k: (dates[k] or "9999", ids[k]))
    earliest_in_bucket = [_earliest_in_buckets(sketches, order, band) for band in range(BANDS)]
    conn = texts.connect(source) if isinstance(source, (str, Path)) else source
    try:
        shingler = Shingler()

        # re-read from the archive when asked; an original is asked for again by each of its copies
        @lru_cache(maxsize=4096)  # about 60 MB of shingle sets
        def shingles(k: int) -> set[int]:
            row = texts.article_text(conn, ids[k])
            return shingler(_text(*row)) if row else set()

        def similarity(k: int, o: int) -> float:
            return jaccard(shingles(k), shingles(o))

        original_of, similarity_of, checks = _cluster(sketches, order, earliest_in_bucket,
                                                      threshold - ESTIMATE_MARGIN, similarity, threshold)
    finally:
        if conn is not source:
            conn.close()
    members: dict[int, list[tuple[int, float]]] = {}
    for k, o in enumerate(original_of):
        if o != k:
            members.setdefault(o, []).append((k, similarity_of[k]))
    logger.info("syndication: %d texts compared, %d exact checks, %d copies in %d groups",
                n, checks, sum(map(len, members.values())), len(members))
    result = []
    for o, group in members.items():
        group = [(o, 1.0), *group]
        n_sites = len({sites[k] for k, _ in group})
        for k, sim in group:
            result.append({
                "article_id": ids[k], "group_id": ids[o], "similarity": round(sim, 4),
                "earliest_date": dates[o] or None, "is_earliest": int(k == o),
                "group_size": len(group), "group_sites": n_sites,
            })
    result.sort(key=lambda r: r["article_id"])
    return result


def _earliest_in_buckets(sketches: array, order: list[int], band: int) -> array:
    """For each text (by index), the earliest text (in `order`) with the same values in this band."""
    first: dict[int, int] = {}
    result = array("i", bytes(4 * len(order)))
    offset = band * ROWS
    for k in order:
        base = k * NUM_BINS + offset
        result[k] = first.setdefault(hash(tuple(sketches[base:base + ROWS])), k)
    return result


def _cluster(sketches: array, order: list[int], earliest_in_bucket: list[array], floor: float,
             similarity, threshold: float) -> tuple[list[int], list[float], int]:
    """(index of each text's original (itself for an original), its exact similarity to it, checks made),
    walking `order`; `similarity(k, o)` is the exact Jaccard similarity of two texts."""
    original_of = list(range(len(order)))
    similarity_of = [1.0] * len(order)
    checks = 0
    for k in order:
        votes: dict[int, int] = {}
        for band in earliest_in_bucket:
            first = band[k]
            if first != k:
                o = original_of[first]
                votes[o] = votes.get(o, 0) + 1
        if not votes:
            continue
        mine = sketches[k * NUM_BINS:(k + 1) * NUM_BINS]
        likely = []  # (-agreement, rank by votes, original): the most agreeing first, then the most voted
        for rank, (o, _) in enumerate(sorted(votes.items(), key=lambda item: (-item[1], item[0]))[:MAX_CANDIDATES]):
            score = _agreement(mine, sketches[o * NUM_BINS:(o + 1) * NUM_BINS])
            if score >= floor:
                likely.append((-score, rank, o))
        for _, _, o in sorted(likely):
            checks += 1
            exact = similarity(k, o)
            if exact >= threshold:
                original_of[k], similarity_of[k] = o, exact
                break
    return original_of, similarity_of, checks


def _agreement(a: array, b: array) -> float:
    """Share of equal values of two sketches: an estimate of the Jaccard similarity."""
    return sum(map(operator.eq, a, b)) / NUM_BINS


# ---------------------------------------------------------------- the table

def write_table(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """(Re)create the syndication table with these rows, in one transaction."""
    texts.write_syndication(db, rows)


def syndicate(path: str | Path, threshold: float = THRESHOLD, workers: int | None = None) -> dict:
    """Rebuild the syndication table of the archive at `path`; returns counts."""
    with Archive(path) as archive:
        rows = find_groups(path, threshold, workers or default_workers(archive.db))
        write_table(archive.db, rows)
    return summarise(rows)


def default_workers(db: sqlite_utils.Database) -> int:
    """Processes that sketch the texts: one for a small archive, else up to 4 (one per CPU)."""
    if db["articles"].count < 20_000:
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def summarise(rows: list[dict]) -> dict:
    groups = {r["group_id"] for r in rows}
    return {"groups": len(groups), "articles": len(rows),
            "cross_site_groups": len({r["group_id"] for r in rows if r["group_sites"] > 1})}
