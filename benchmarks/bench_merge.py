"""`ess-crawler merge` of two node archives of N articles each (target: two of 100,000 in < 5 min).

Two synthetic archives (benchmarks/synthetic_archive.py, seeds 1 and 2) stand for two
nodes of a shared-frontier crawl: node B's URLs are moved to their own paths so that
the two share no article, as the frontier guarantees. Timed: the merge of A and B into
a new archive, then merging both again (idempotent: every article is then found in
both, so each goes through the version comparison, the slow path), which changes nothing.

    python benchmarks/bench_merge.py [--articles 100000]
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ess_crawler.store.merge import merge_archives  # noqa: E402


def synthetic(n: int, out: Path, seed: int) -> None:
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synthetic_archive.py"), str(n), str(out),
                    "--seed", str(seed)], check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"command: python benchmarks/bench_merge.py --articles {args.articles}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        a, b, target = tmp / "a.db", tmp / "b.db", tmp / "merged.db"
        started = time.perf_counter()
        synthetic(args.articles, a, 1)
        synthetic(args.articles, b, 2)
        conn = sqlite3.connect(b)
        conn.execute("update articles set url = replace(url, '/article-', '/node-b/article-'), "
                     "fetched_url = replace(fetched_url, '/article-', '/node-b/article-')")
        conn.execute("update related_links set url = replace(url, '/article-', '/node-b/article-')")
        conn.execute("update crawls set started = started || '.b'")
        conn.commit()
        conn.close()
        print(f"two archives of {args.articles} articles generated in {time.perf_counter() - started:.0f} s")

        started = time.perf_counter()
        counts = merge_archives([a, b], target, copy_warc=False)
        first = time.perf_counter() - started
        print(f"merge of the two into a new archive: {first:.1f} s "
              f"({counts['articles']} articles, {counts['crawls']} crawls)")
        started = time.perf_counter()
        again = merge_archives([a, b], target, copy_warc=False)
        second = time.perf_counter() - started
        print(f"the same merge again (idempotent, every article compared): {second:.1f} s, "
              f"{again['articles']} articles added, {again['articles_merged']} changed")
        total = sqlite3.connect(target).execute("select count(*) from articles").fetchone()[0]
        print(f"merged archive: {total} articles")


if __name__ == "__main__":
    main()
