"""Crawl benchmarks on the bundled sample sites (offline).

1. WARC cost: the demo crawled with and without WARC writing, several times each;
   the crawl time is read from the `crawls` rows (start to end), so Python start-up
   does not count. Target: WARC and captures cost <= 15 % of crawl time.
2. Incremental re-crawl: article pages fetched in full by a re-crawl of the
   unchanged sites, against the first crawl. Target: <= 5 %.

    python benchmarks/bench_crawl.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import sqlite_utils

ROOT = Path(__file__).resolve().parent.parent


def demo(db: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "ess_crawler.cli", "demo", "--no-serve", "--db", str(db), *args],
                   cwd=ROOT, check=True, capture_output=True)


def timed_crawls(warc: bool) -> float:
    """Seconds the crawls of all sample sites took (Scrapy's elapsed time, summed)."""
    import json

    from ess_crawler.demo.server import sample_sites, serve_samples

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        servers = serve_samples(sample_sites())
        try:
            for name, server in servers.items():
                subprocess.run([sys.executable, "-m", "ess_crawler.cli", "crawl", name, "--db", str(db),
                                "--base-url", server.base_url, *([] if warc else ["--no-warc"]),
                                "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
                                "-s", "LOG_LEVEL=WARNING", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"],
                               cwd=ROOT, check=True, capture_output=True)
        finally:
            for server in servers.values():
                server.stop()
        stats = [json.loads(r[0]) for r in sqlite_utils.Database(db).execute("select stats from crawls")]
        return sum(s["ess/crawl_seconds"] for s in stats)


def article_fetches(db: sqlite_utils.Database, crawl_ids: list[int]) -> int:
    marks = ",".join("?" * len(crawl_ids))
    return db.execute(f"select count(*) from captures where crawl_id in ({marks}) and status = 200 "
                      "and url in (select url from articles)", crawl_ids).fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with_warc, without = [], []
    for _ in range(args.runs):  # interleaved, so that machine load hits both alike
        with_warc.append(timed_crawls(True))
        without.append(timed_crawls(False))
    a, b = statistics.median(with_warc), statistics.median(without)
    print(f"crawl time of the demo sites, median of {args.runs}: with WARC {a:.2f} s, without {b:.2f} s "
          f"-> WARC and captures cost {100 * (a - b) / b:+.1f} %")

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "demo.db"
        demo(db_path)
        demo(db_path)
        db = sqlite_utils.Database(db_path)
        ids = [r[0] for r in db.execute("select id from crawls order by id")]
        half = len(ids) // 2
        first, second = article_fetches(db, ids[:half]), article_fetches(db, ids[half:])
        pages = db.execute(f"select count(*) from captures where crawl_id in ({','.join('?' * half)})",
                           ids[half:]).fetchone()[0]
        print(f"re-crawl of the unchanged demo: {second} article pages fetched in full against {first} "
              f"in the first crawl ({100 * second / first:.1f} %); {pages} responses in all "
              f"(discovery pages and 304s)")


if __name__ == "__main__":
    main()
