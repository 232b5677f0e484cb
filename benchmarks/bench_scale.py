"""Crawling at scale: the full path against a bare Scrapy spider, extraction alone, re-extraction.

On a generated mirror of N article pages in the chorum sample's markup (the 12 sample
articles, each copied N/12 times under new URLs, with a sitemap listing them), served
on 127.0.0.1 by the demo server in its own process, with politeness off:

1. **Full path against bare Scrapy**, alternating runs: `ess-crawler crawl chorum`
   (spider, extraction, archive, WARC; default settings: one extraction worker per core, then
   with `--pool N` ESS_EXTRACTION_WORKERS=N, by default 0: extraction in place) and a bare
   `scrapy.Spider` that fetches the same sitemap's URLs and does nothing with them, with the
   same concurrency. Pages/s is Scrapy's response count over its elapsed time (process start-up excluded); peak
   RSS is the process's maximum resident set (wait4); for the full path also the peak, sampled from /proc,
   of the RSS and the PSS summed over the crawl's process and its extraction workers (PSS counts the
   pages a fork shares once; summed RSS counts them in every process).
2. **Extraction alone**: `extract_article` with the chorum profile on the N pages, ms/page.
3. **Re-extraction**: `ess-crawler reextract` of the full path's archive, articles/s by
   worker count (1, then 2, ...), the median of `--runs` runs alternating between the counts.

    python benchmarks/bench_scale.py [--pages 1000] [--runs 3] [--workers 1,2] [--pool 0|N|skip] [-s NAME=VALUE ...]

`-s NAME=VALUE` passes a Scrapy setting to every full-path crawl (e.g. `-s ESS_DISK_QUEUES=False`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "ess_crawler" / "demo" / "sites" / "chorum"
ORIGIN = "https://www.chorum.fr"
CONCURRENCY = 16

BARE_SPIDER = textwrap.dedent('''
    import json, resource, sys
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.sitemap import Sitemap

    base = sys.argv[1]

    class Bare(scrapy.Spider):
        name = "bare"

        async def start(self):
            yield scrapy.Request(base + "/sitemap.xml", callback=self.parse_sitemap)

        def parse_sitemap(self, response):
            for entry in Sitemap(response.body):
                yield scrapy.Request(entry["loc"].replace("%s", base), callback=self.parse)

        def parse(self, response):
            return None

    process = CrawlerProcess(settings={
        "LOG_LEVEL": "WARNING", "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS": %d, "CONCURRENT_REQUESTS_PER_DOMAIN": %d, "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False, "COOKIES_ENABLED": False,
        "CLOSESPIDER_PAGECOUNT": int(sys.argv[2]) if len(sys.argv) > 2 else 0,
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
    })
    crawler = process.create_crawler(Bare)
    process.crawl(crawler)
    process.start()
    print(json.dumps(crawler.stats.get_stats(), default=str))
''')


def generate_mirror(folder: Path, pages: int) -> list[str]:
    """N article pages in chorum's markup, a sitemap of them, robots.txt; returns the public URLs."""
    templates = sorted((SAMPLE / "actualite").glob("*.html"))
    (folder / "actualite").mkdir(parents=True)
    urls = []
    for i in range(pages):
        template = templates[i % len(templates)]
        slug = template.stem
        new = f"bench-{i:05d}-{slug}"[:120]
        html = template.read_text(encoding="utf-8").replace(slug, new)
        html = re.sub(r"</h1>", f" (n° {i})</h1>", html, count=1)
        (folder / "actualite" / f"{new}.html").write_text(html, encoding="utf-8")
        urls.append(f"{ORIGIN}/actualite/{new}")
    (folder / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(f"<url><loc>{u}</loc></url>\n" for u in urls) + "</urlset>\n")
    (folder / "robots.txt").write_text(f"User-agent: *\nDisallow: /admin/\nSitemap: {ORIGIN}/sitemap.xml\n")
    (folder / "index.html").write_text("<html><body><h1>Chorum</h1></body></html>")
    (folder / "actualite.html").write_text("<html><body><h1>Actualité</h1></body></html>")
    (folder / "rss.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
                                    "</channel></rss>")
    return urls


def serve(folder: Path) -> tuple[subprocess.Popen, str]:
    code = ("import sys, time\nfrom pathlib import Path\nfrom ess_crawler.demo.server import SiteServer\n"
            f"s = SiteServer(name='chorum', roots=[Path({str(folder)!r})]).start()\n"
            "print(s.base_url, flush=True)\ntime.sleep(10**6)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    return proc, proc.stdout.readline().strip()


class TreeMemory:
    """Peak memory of a process and its descendants (the crawl and its extraction workers), sampled
    from /proc every 0.2 s: the summed RSS (pages shared after a fork count once per process) and
    the summed PSS (each shared page split between its sharers: the memory the tree really takes).
    Linux only; zeros elsewhere."""

    def __init__(self, pid: int):
        self.pid, self.rss, self.pss = pid, 0.0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo += children.get(pid, [])
        return tree

    @staticmethod
    def _kib(path: str, key: str) -> int:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            tree = self._tree()
            self.rss = max(self.rss, sum(self._kib(f"/proc/{p}/status", "VmRSS:") for p in tree) / 1024)
            self.pss = max(self.pss, sum(self._kib(f"/proc/{p}/smaps_rollup", "Pss:") for p in tree) / 1024)

    def stop(self) -> TreeMemory:
        self._stop.set()
        self._thread.join()
        return self


def run_measured(command: list[str], check: bool = True) -> tuple[str, float, float, TreeMemory]:
    """(stdout, peak RSS of the process in MB, CPU seconds: user + system, with its waited-for children,
    peak memory of its process tree) of a child process."""
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    memory = TreeMemory(proc.pid)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    memory.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{command[:4]} exited {proc.returncode}")
    return out, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, memory


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far (Linux; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def crawl_command(base: str, db: Path, *settings: str) -> list[str]:
    """`ess-crawler crawl chorum` of the mirror at `base` into `db`, progress off, with `settings` (NAME=VALUE)."""
    return [sys.executable, "-m", "ess_crawler.cli", "crawl", "chorum", "--db", str(db), "--base-url", base,
            "-s", "ESS_PROGRESS=False", *(arg for setting in settings for arg in ("-s", setting))]


def full_path(base: str, db: Path, workers: int | None = None, extra: tuple[str, ...] = ()) -> dict:
    """`ess-crawler crawl chorum` on the mirror (ESS_EXTRACTION_WORKERS=workers unless None: the default;
    `extra`: more NAME=VALUE settings)."""
    if db.exists():
        db.unlink()
    shutil.rmtree(db.parent / "warc", ignore_errors=True)
    pool = () if workers is None else (f"ESS_EXTRACTION_WORKERS={workers}",)
    _, rss, cpu, memory = run_measured(crawl_command(base, db, "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False",
                                             f"CONCURRENT_REQUESTS={CONCURRENCY}",
                                             f"CONCURRENT_REQUESTS_PER_DOMAIN={CONCURRENCY}", *pool, *extra))
    # the pipeline's open-to-close time (Scrapy's elapsed_time_seconds is stored after the archive closes)
    return {**read_crawl(db, rss), "cpu": cpu, "tree_rss": memory.rss, "tree_pss": memory.pss}


def read_crawl(db: Path, rss: float) -> dict:
    import sqlite3

    conn = sqlite3.connect(db)
    stats = json.loads(conn.execute("select stats from crawls order by id desc").fetchone()[0])
    articles = conn.execute("select count(*) from articles").fetchone()[0]
    conn.close()
    return {"pages": stats["response_received_count"], "seconds": stats["ess/crawl_seconds"],
            "rss": rss, "articles": articles}


def start_up_cpu(base: str, db: Path, script: Path) -> tuple[float, float]:
    """CPU seconds of a crawl that stops after its first pages, full path and bare spider: what
    starting and stopping cost, subtracted from the CPU per page."""
    full = run_measured(crawl_command(base, db, "CLOSESPIDER_PAGECOUNT=3"),
                        check=False)[2]  # (it exits 2: three pages fail the coverage check)
    return full, run_measured([sys.executable, str(script), base, "3"])[2]


def bare(base: str, script: Path) -> dict:
    out, rss, cpu, _ = run_measured([sys.executable, str(script), base])
    stats = json.loads(out.strip().splitlines()[-1])
    return {"pages": stats["response_received_count"], "seconds": stats["elapsed_time_seconds"], "rss": rss,
            "cpu": cpu}


def extraction_alone(folder: Path) -> float:
    from ess_crawler.extract import extract_article
    from ess_crawler.profiles import get_profile

    profile = get_profile("chorum")
    pages = sorted((folder / "actualite").glob("*.html"))
    bodies = [(p.read_bytes(), f"{ORIGIN}/actualite/{p.stem}") for p in pages]
    extract_article(*bodies[0], profile)  # warm-up: imports, compiled rules
    started = time.perf_counter()
    for body, url in bodies:
        extract_article(body, url, profile)
    return 1000 * (time.perf_counter() - started) / len(bodies)


def reextraction(db: Path, workers: int) -> float:
    """Articles/s of `ess-crawler reextract` (the command's own timing, start-up excluded)."""
    out, _, _, _ = run_measured([sys.executable, "-m", "ess_crawler.cli", "reextract", "--db", str(db),
                           "--workers", str(workers)])
    seconds = float(re.search(r"in ([\d.]+) s", out).group(1))
    articles = int(re.search(r"re-extracted (\d+)", out).group(1))
    return articles / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--pool", default="0",
                        help="also the full path with ESS_EXTRACTION_WORKERS=N (0: in place, the default; "
                             "-1: one per core; skip: not)")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a Scrapy setting for every full-path crawl (repeatable)")
    args = parser.parse_args()
    extra = tuple(args.set)
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"command: python benchmarks/bench_scale.py --pages {args.pages} --runs {args.runs} "
          f"--workers {args.workers} --pool {args.pool}" + "".join(f" -s {x}" for x in extra))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        generate_mirror(tmp / "mirror", args.pages)
        script = tmp / "bare.py"
        script.write_text(BARE_SPIDER % (ORIGIN, CONCURRENCY, CONCURRENCY))
        server, base = serve(tmp / "mirror")
        try:
            start_up = start_up_cpu(base, tmp / "start" / "start.db", script)
            fulls, bares, pools = [], [], []
            kinds = [(fulls, lambda: full_path(base, tmp / "full" / "full.db", extra=extra)),
                     (bares, lambda: bare(base, script))]
            if args.pool != "skip":
                kinds.insert(1, (pools, lambda: full_path(base, tmp / "pooled" / "pooled.db", args.pool, extra)))
            for _ in range(args.runs):  # alternating, so that machine load hits all alike
                for runs, run in kinds:
                    served = process_cpu(server.pid)
                    runs.append(run())
                    runs[-1]["server_cpu"] = process_cpu(server.pid) - served
        finally:
            server.terminate()
            server.wait(10)
        rate = [statistics.median(r["pages"] / r["seconds"] for r in runs) for runs in (fulls, bares)]
        print(f"mirror of {args.pages} chorum article pages, concurrency {CONCURRENCY}, median of {args.runs} "
              f"alternating runs:")
        print(f"  full path (spider, extraction, archive, WARC; default settings): {rate[0]:.1f} pages/s, "
              f"peak RSS {max(r['rss'] for r in fulls):.0f} MB (the crawl's process; with its extraction workers: "
              f"RSS summed {max(r['tree_rss'] for r in fulls):.0f} MB, "
              f"PSS {max(r['tree_pss'] for r in fulls):.0f} MB), "
              f"{fulls[-1]['articles']} articles")
        print(f"  bare Scrapy spider, same URLs:                 {rate[1]:.1f} pages/s, "
              f"peak RSS {max(r['rss'] for r in bares):.0f} MB")
        print(f"  full path / bare: {rate[0] / rate[1]:.2f}x")
        if pools:
            pool_rate = statistics.median(r["pages"] / r["seconds"] for r in pools)
            how = "extraction in place" if args.pool == "0" else "extraction in worker processes"
            print(f"  full path, ESS_EXTRACTION_WORKERS={args.pool} ({how}): "
                  f"{pool_rate:.1f} pages/s, "
                  f"peak RSS {max(r['rss'] for r in pools):.0f} MB, {pools[-1]['articles']} articles "
                  f"-> {pool_rate / rate[1]:.2f}x bare")
        def per_page(runs, key, less=0.0):
            return statistics.median(1000 * (r[key] - less) / r["pages"] for r in runs)

        full_cpu, server_cpu = per_page(fulls, "cpu", start_up[0]), per_page(fulls, "server_cpu")
        cores = os.cpu_count() or 1
        print(f"CPU per page (user + system, start-up excluded), median: full path {full_cpu:.1f} ms (the crawl's "
              f"process and its extraction workers), bare spider {per_page(bares, 'cpu', start_up[1]):.1f} ms, "
              f"the mirror's server {server_cpu:.1f} ms (full path) / {per_page(bares, 'server_cpu'):.1f} ms "
              f"(bare); with {cores} cores busy all the time, the full path would make "
              f"{cores * 1000 / (full_cpu + server_cpu):.0f} pages/s")
        print(f"extraction alone (extract_article, chorum profile): {extraction_alone(tmp / 'mirror'):.2f} ms/page")
        counts = [int(w) for w in args.workers.split(",")]
        samples: dict[int, list[float]] = {w: [] for w in counts}
        for _ in range(args.runs):  # alternating too: a run or two of a loaded moment hits every count
            for workers in counts:
                samples[workers].append(reextraction(tmp / "full" / "full.db", workers))
        speeds = {w: statistics.median(s) for w, s in samples.items()}
        print(f"re-extraction of the full path's archive, median of {args.runs} alternating runs: " + ", ".join(
            f"{w} worker{'s' if w > 1 else ''} {s:.1f} articles/s" for w, s in speeds.items())
              + (f" ({speeds[max(speeds)] / speeds[min(speeds)]:.2f}x)" if len(speeds) > 1 else ""))


if __name__ == "__main__":
    main()
