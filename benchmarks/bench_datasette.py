"""Median latency of the research pages of Datasette on an archive, over HTTP.

    python benchmarks/bench_datasette.py OUT.db [--requests 25]

Starts Datasette exactly as `ess-crawler serve` does (`ess_crawler.cli.main.datasette_command`:
read-only, or immutable with `--immutable`, SQL time limit, the project's metadata,
templates and plugins) on a free port of 127.0.0.1, warms it up, then requests each page
`--requests` times in turn and prints the median and 90th percentile latency of each,
and of each group, beside the first request of each page (before the plugins' result
caches hold it; they are keyed by the archive's version, so a page asked again while
nothing was written is answered from them):

- search: the "Recherche" canned query (ranked, with snippets; HTML page) for several
  French queries;
- faceted table: the article_list view (facets site, category, year, tags) and the
  articles table (facets site, category, tags, language), newest first, plain and
  filtered or searched; with the facets each page shows (one past Datasette's facet
  time limit is silently left out, so a fast page without its facets is no success).

Targets: search median < 100 ms, faceted table page median < 300 ms. Exits 1 when a
page does not answer 200. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from ess_crawler.sqlite import sqlite3

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ess_crawler.datasette.config import datasette_command  # noqa: E402
from ess_crawler.search import stem_query  # noqa: E402

SEARCHES = ["coopérative", "mutuelles santé", '"économie sociale"', "bénévol*", "insertion emploi -jeunes"]
TABLES = [
    "/article_list",
    "/article_list?site=chorum",
    "/article_list?year=2019&category=Actualit%C3%A9s",
    "/article_list?_tag=Emploi",
    "/article_list?_search=coop%C3%A9ratives",
    "/articles",
    "/articles?_search=mutuelle",
]
TARGETS = {"search": 100.0, "faceted table": 300.0}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[float, int, int]:
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        body, status = exc.read(), exc.code
    return (time.perf_counter() - start) * 1000, status, len(body)


def facets_shown(url: str) -> str:
    """The facets a table page shows, from its JSON twin: a facet past its time limit is left out."""
    path, _, query = url.partition("?")
    try:
        with urllib.request.urlopen(f"{path}.json?{query}", timeout=60) as response:
            results = json.load(response).get("facet_results", {})
    except urllib.error.HTTPError as exc:  # e.g. past the SQL time limit: say so, measure the rest
        return f"none (HTTP {exc.code})"
    return ", ".join(results) or "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--requests", type=int, default=25, help="requests per page (default 25)")
    parser.add_argument("--immutable", action="store_true",
                        help="serve as `ess-crawler serve --immutable` (an archive nothing writes any more)")
    parser.add_argument("--setting", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help="an extra Datasette setting, to try one (e.g. suggest_facets off)")
    options = parser.parse_args(argv)
    if not options.db.exists():
        parser.error(f"no such file: {options.db}")
    port = free_port()
    command = datasette_command(options.db, "127.0.0.1", port, immutable=options.immutable)
    for name, value in options.setting:
        command += ["--setting", name, value]
    log = tempfile.TemporaryFile()  # Datasette's log: a pipe nobody reads would fill and block it
    proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        started = time.perf_counter()
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    log.seek(0)
                    print(log.read().decode(errors="replace"), file=sys.stderr)
                    return 1
                if time.perf_counter() - started > 120:
                    print("Datasette did not start in 120 s", file=sys.stderr)
                    return 1
                time.sleep(0.2)
        print(f"Datasette started in {time.perf_counter() - started:.1f} s on {options.db} "
              f"({options.db.stat().st_size / 1e6:.0f} MB, {'immutable' if options.immutable else 'read-only'})"
              + "".join(f", --setting {n} {v}" for n, v in options.setting))
        db = base + "/" + urllib.parse.quote(options.db.stem)
        conn = sqlite3.connect(f"file:{options.db}?mode=ro", uri=True)
        articles = conn.execute("select count(*) from articles").fetchone()[0]
        matches = {q: conn.execute("select count(*) from article_search_fts where article_search_fts match ?",
                                   [stem_query(q)]).fetchone()[0] for q in SEARCHES}
        conn.close()
        pages = [("search", f"{db}/search?q={urllib.parse.quote(q)}",
                  f"{q} ({100 * matches[q] / max(articles, 1):.0f}% of articles match)") for q in SEARCHES]
        pages += [("faceted table", db + path, path) for path in TABLES]
        # warm up (first connections, page cache); the first request of each page is also what a
        # reader gets before the plugins' caches hold its answer (they are keyed by the archive's version)
        first = {url: fetch(url)[0] for _, url, _ in pages}
        shown = {url: facets_shown(url) for group, url, _ in pages if group == "faceted table"}
        timings: dict[str, list[float]] = {url: [] for _, url, _ in pages}
        failures = 0
        for _ in range(options.requests):
            for _, url, _ in pages:
                ms, status, _ = fetch(url)
                if status != 200:
                    failures += 1
                    print(f"HTTP {status}: {url}", file=sys.stderr)
                timings[url].append(ms)
        print(f"\n{options.requests} requests per page; milliseconds")
        print(f"{'group':14} {'page':52} {'first':>8} {'median':>8} {'p90':>8}  "
              "facets shown (a facet past its time limit is not)")
        groups: dict[str, list[float]] = {}
        for group, url, label in pages:
            values = sorted(timings[url])
            groups.setdefault(group, []).extend(values)
            p90 = values[int(0.9 * (len(values) - 1))]
            print(f"{group:14} {label[:52]:52} {first[url]:8.1f} {statistics.median(values):8.1f} {p90:8.1f}  "
                  f"{shown.get(url, '')}")
        print()
        for group, values in groups.items():
            median = statistics.median(values)
            verdict = "ok" if median < TARGETS[group] else "OVER TARGET"
            print(f"{group:14} median {median:7.1f} ms over {len(values)} requests "
                  f"(target < {TARGETS[group]:.0f} ms): {verdict}")
        return 1 if failures else 0
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


if __name__ == "__main__":
    raise SystemExit(main())
