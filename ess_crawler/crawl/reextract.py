"""Re-derive the archive's articles from their WARC captures with the current extractor.

No site is fetched again: each article's page is read back from the WARC record of
its capture (for a `revisit` capture, the first record of the same payload), given
to `extract_article` with the site's current profile in a pool of worker processes
(one per core by default), and compared with the archived row. An article whose
fields differ gets a revision whose reason starts with `extractor changed`; with the
same extractor nothing is written. The workers do all the reading and the CPU work:
each reads its WARC records, extracts, and compares the result with the archived row
through its own read-only connection, and sends back only the articles that changed
(with the fields that did). The main process only writes those, each in its own
transaction.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ess_crawler import __version__
from ess_crawler.crawl.pipelines import normalise
from ess_crawler.crawl.warc import read_payload
from ess_crawler.store.archive import Archive
from ess_crawler.store.warc_files import warc_folders

logger = logging.getLogger(__name__)

@dataclass
class Outcome:
    """What a re-extraction run did."""

    articles: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    seconds: float = 0.0
    changed_fields: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason), the first ones


def warc_path(db_path: Path, source: dict, warc_dir: Path | None) -> Path | None:
    """The WARC file of a source row: in --warc-dir, warc/ beside the archive or the crawl's ESS_WARC_DIR."""
    if not source.get("warc_file"):
        return None
    for folder in warc_folders(db_path, [source.get("crawl_settings")], warc_dir):
        candidate = folder / source["warc_file"]
        if candidate.is_file():
            return candidate
    return None


_reader: dict = {}  # in each worker: the archive, read-only


def _open_reader(db_path: str) -> None:
    """Worker initializer: a read-only connection to the archive, for the comparisons."""
    _reader["archive"] = Archive(db_path, read_only=True)


def _extract_one(task: tuple) -> tuple:
    """In a worker: (article id, Article or None, changed fields, failure reason).

    An article whose re-extraction changes nothing comes back as None with no failure and
    no fields, so that nothing but its id crosses back to the writer."""
    article_id, site, public_url, path, offset = task
    from ess_crawler.extract import extract_article
    from ess_crawler.profiles import cached_profile

    try:
        profile = cached_profile(site)
        _status, body = read_payload(path, offset)
        article = extract_article(body, public_url, profile)
    except Exception as exc:  # noqa: BLE001 - one bad record never stops the run
        return article_id, None, [], f"{type(exc).__name__}: {exc}"
    # what SiteSpider.parse_article and ValidationPipeline do with a crawled page
    article.site = profile.name
    article.fetched_url = public_url
    missing = normalise(article)
    if missing:
        return article_id, None, [], f"not an article any more: no {' and no '.join(missing)} found"
    try:
        changed = _reader["archive"].derived_changes(article_id, article)
    except Exception as exc:  # noqa: BLE001
        return article_id, None, [], f"{type(exc).__name__}: {exc}"
    return article_id, (article if changed else None), changed, ""


def _results(tasks: list[tuple], workers: int, db_path: Path) -> Iterator[tuple]:
    if workers <= 1:
        _open_reader(str(db_path))
        try:
            yield from map(_extract_one, tasks)
        finally:
            _reader.pop("archive").close()
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_open_reader, initargs=(str(db_path),)) as pool:
        yield from pool.map(_extract_one, tasks, chunksize=max(1, min(32, len(tasks) // (workers * 8) or 1)))


def reextract(db_path: str | Path, site: str | None = None, workers: int | None = None,
              warc_dir: Path | None = None, progress: Callable[[str], None] | None = None,
              interval: float = 1.0) -> Outcome:
    """Re-extract the articles of `db_path` (of one site) on `workers` processes (default: the cores)."""
    db_path = Path(db_path)
    workers = workers or os.cpu_count() or 1
    outcome = Outcome()
    started = time.monotonic()
    with Archive(db_path) as archive:
        tasks = []
        urls = {}
        for source in archive.reextraction_sources(site):
            path = warc_path(db_path, source, warc_dir)
            if path is None or source["warc_offset"] is None:
                outcome.failed += 1
                if len(outcome.failures) < 20:
                    outcome.failures.append((source["url"], "no WARC record of its capture found"))
                continue
            urls[source["id"]] = source["url"]
            tasks.append((source["id"], source["site"], source["public_url"], str(path), source["warc_offset"]))
        total = len(tasks) + outcome.failed
        skipped = outcome.failed
        last_shown = 0.0
        note = f"ess-crawler {__version__}"
        for article_id, article, changed, failure in _results(tasks, workers, db_path):
            outcome.articles += 1
            if failure:
                outcome.failed += 1
                if len(outcome.failures) < 20:
                    outcome.failures.append((urls[article_id], failure))
            else:
                if changed:
                    changed = archive.rederive_article(article_id, article, note, changed)
                if changed:
                    outcome.changed += 1
                    for name in changed:
                        outcome.changed_fields[name] = outcome.changed_fields.get(name, 0) + 1
                else:
                    outcome.unchanged += 1
            now = time.monotonic()
            if progress is not None and now - last_shown >= interval:
                last_shown = now
                progress(_line(outcome, skipped, total, now - started))
        outcome.seconds = time.monotonic() - started
        if progress is not None:
            progress(_line(outcome, skipped, total, outcome.seconds))
    return outcome


def _line(outcome: Outcome, skipped: int, total: int, seconds: float) -> str:
    done = outcome.articles + skipped
    share = f" ({100 * done / total:.0f}%)" if total else ""
    return (f"reextract: {done}/{total} articles{share}, {outcome.changed} changed, {outcome.unchanged} unchanged, "
            f"{outcome.failed} failed, {done / seconds if seconds > 0 else 0:.1f} articles/s")


def print_progress(line: str) -> None:
    """A progress line on stderr, redrawn in place on a terminal."""
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[K" + line)
    else:
        sys.stderr.write(line + "\n")
    sys.stderr.flush()
