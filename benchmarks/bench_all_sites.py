"""All sample sites crawled at once, each on its own loopback address, with a per-domain delay.

    python benchmarks/bench_all_sites.py [--delay 0.5]

Serves every bundled sample site on its own address (127.0.0.2, 127.0.0.3, ...), so
Scrapy keeps one download slot, and one delay, per site as it would for real domains;
crawls them all in one process (as `ess-crawler demo` does) with DOWNLOAD_DELAY set,
no jitter, AutoThrottle off and one request at a time per site. Prints the wall time
beside the politeness-bound time of the slowest site (its responses x the delay):
the ideal of a crawl whose sites wait only for themselves. Target: <= 1.2x.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from scrapy.settings import default_settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ess_crawler.crawl.runner import run_spiders  # noqa: E402
from ess_crawler.demo.server import SAMPLES_DIR, SiteServer, sample_sites  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.5, help="seconds between two requests to one site")
    options = parser.parse_args()
    names = sample_sites()
    servers = {}
    # exact delays (Scrapy 2.19 replaced RANDOMIZE_DOWNLOAD_DELAY by DOWNLOAD_DELAY_JITTER)
    no_jitter = ({"DOWNLOAD_DELAY_JITTER": 0} if hasattr(default_settings, "DOWNLOAD_DELAY_JITTER")
                 else {"RANDOMIZE_DOWNLOAD_DELAY": False})
    try:
        for i, name in enumerate(names):
            servers[name] = SiteServer(name=name, roots=[SAMPLES_DIR / name], host=f"127.0.0.{i + 2}").start()
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "all.db"
            started = time.perf_counter()
            crawls = run_spiders([(n, {"base_url": s.base_url}) for n, s in servers.items()], db, {
                "DOWNLOAD_DELAY": options.delay, **no_jitter,
                "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "CONCURRENT_REQUESTS": 32,
                "LOG_LEVEL": "WARNING", "ESS_PROGRESS": False, "ESS_WARC_ENABLED": True,
            })
            wall = time.perf_counter() - started
    finally:
        for server in servers.values():
            server.stop()
    pages = {c["site"]: c["pages_fetched"] for c in crawls}
    slowest = max(pages, key=pages.get)
    bound = pages[slowest] * options.delay
    print(f"{platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"command: python benchmarks/bench_all_sites.py --delay {options.delay}")
    print(f"{len(crawls)} sites at once, each on its own address, {sum(pages.values())} responses; statuses: "
          + ", ".join(sorted({c['status'] for c in crawls})))
    print(f"slowest site {slowest}: {pages[slowest]} responses x {options.delay} s = {bound:.1f} s politeness-bound")
    print(f"wall time of the whole run (start-up, every site, archive, WARC): {wall:.1f} s "
          f"= {wall / bound:.2f}x the slowest site's bound (target <= 1.2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
