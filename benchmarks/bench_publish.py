"""Publish and syndication benchmark on a large synthetic archive (offline).

Builds a synthetic archive of N articles (200,000 by default) with
`benchmarks/synthetic_archive.py N OUT.db` when that script exists, else with the
small generator below (rows bulk-inserted into the schema `ess_crawler.store.archive.Archive`
makes: about 450-word bodies, 20 sites, footnotes, related links, links, tags,
captures, errors, revisions, and 1 % of articles republished on another site),
then times, each in its own process whose peak memory (ru_maxrss) is read:

1. `ess-crawler syndicate --db ARCHIVE`       target < 2 min
2. `ess-crawler publish --db ARCHIVE --out DIR` target < 3 min, peak memory < 1 GB
   (publish includes the syndication grouping and the checksums)

    python benchmarks/bench_publish.py [--articles 200000] [--db EXISTING.db] [--content full] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ess_crawler.sqlite import sqlite3

ROOT = Path(__file__).resolve().parent.parent

SYLLABLES = ["ba", "be", "bi", "bo", "ca", "ce", "co", "da", "de", "di", "do", "fa", "fe", "fo", "ga", "ge", "la",
             "le", "li", "lo", "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "pa", "pe", "pi", "po", "ra", "re",
             "ri", "ro", "sa", "se", "si", "so", "ta", "te", "ti", "to", "va", "ve", "vi", "vo", "tion", "ment"]
STOPWORDS = ["de", "la", "le", "les", "des", "et", "à", "en", "du", "un", "une", "pour", "dans", "sur", "au", "par",
             "que", "qui", "est", "sont", "avec", "ne", "pas", "plus", "ce", "leur", "l’ESS", "associations"]


def _vocabulary(rng: random.Random, size: int = 40_000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    return STOPWORDS + sorted(words)


def _paragraphs(rng: random.Random, vocab: list[str], weights: list[float], words: int) -> list[str]:
    tokens = rng.choices(vocab, cum_weights=weights, k=words)
    paragraphs, start = [], 0
    while start < len(tokens):
        size = rng.randint(40, 90)
        chunk = tokens[start:start + size]
        paragraphs.append(" ".join(chunk).capitalize() + ".")
        start += size
    return paragraphs


def generate(path: Path, n: int, seed: int = 7) -> dict[int, int]:
    """A synthetic archive of `n` articles in the real schema; returns {copy id: id of the text it copies}."""
    from ess_crawler.store.archive import Archive

    archive = Archive(path)
    archive.close()
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    cum, total = [], 0.0
    for rank in range(1, len(vocab) + 1):
        total += 1.0 / rank ** 1.05
        cum.append(total)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("pragma synchronous = off")
    triggers = conn.execute("select name, sql from sqlite_master where type = 'trigger'").fetchall()
    for name, _ in triggers:
        conn.execute(f"drop trigger [{name}]")
    conn.execute("begin")
    sites = [f"site{i:02d}" for i in range(20)]
    conn.executemany("insert into sites (name, title, origin, cms, language, description, rights, profile_file) "
                     "values (?, ?, ?, 'wordpress', 'fr', 'Synthetic site', ?, '')",
                     [(s, f"Site {s}", f"https://www.{s}.example.org", f"© {s}. Research use only.") for s in sites])
    start = dt.datetime(2010, 1, 1, tzinfo=dt.timezone.utc)
    conn.executemany("insert into crawls (id, site, started, finished, status, pages_fetched, articles_new, "
                     "articles_updated, articles_unchanged, errors, settings, stats) "
                     "values (?, ?, '2024-05-01T00:00:00+00:00', '2024-05-02T00:00:00+00:00', 'finished', "
                     "0, 0, 0, 0, 0, '{}', '{}')", [(i + 1, s) for i, s in enumerate(sites)])
    tag_names = [f"tag {i}" for i in range(2000)]
    conn.executemany("insert into tags (id, name) values (?, ?)", list(enumerate(tag_names, start=1)))
    bodies: dict[int, tuple[str, str]] = {}
    planted: dict[int, int] = {}
    capture_id = footnote_id = related_id = link_id = error_id = revision_id = 0
    batch = {k: [] for k in ("articles", "captures", "footnotes", "related", "links", "tags", "errors", "revisions")}

    def flush() -> None:
        conn.executemany("insert into captures (id, crawl_id, url, status, content_type, fetched_at, length, "
                         "etag, last_modified) values (?, ?, ?, 200, 'text/html', '2024-05-01T12:00:00+00:00', "
                         "?, '', '')", batch["captures"])
        conn.executemany("insert into articles (id, url, site, title, published, published_raw, category, tags, "
                         "authors, lead, body_text, body_html, language, images, content_sha256, truncated, "
                         "provenance, fetched_url, footnotes_json, first_seen, last_seen, revision_count, "
                         "crawl_id, capture_id) values (?, ?, ?, ?, ?, ?, 'Actualité', ?, '[]', ?, ?, ?, 'fr', "
                         "'[]', ?, 0, '{}', ?, ?, '2024-05-01T12:00:00+00:00', '2024-05-01T12:00:00+00:00', ?, ?, ?)",
                         batch["articles"])
        conn.executemany("insert into footnotes (id, article_id, number, text, html, urls, marker_id) "
                         "values (?, ?, ?, ?, ?, ?, ?)", batch["footnotes"])
        conn.executemany("insert into related_links (id, article_id, position, url, title, date, date_raw, "
                         "category, teaser, heading, target_article_id) "
                         "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Sur le même sujet', ?)", batch["related"])
        conn.executemany("insert into links (id, article_id, url, text, domain) values (?, ?, ?, ?, ?)",
                         batch["links"])
        conn.executemany("insert or ignore into article_tags (article_id, tag_id) values (?, ?)", batch["tags"])
        conn.executemany("insert into errors (id, crawl_id, site, url, kind, reason, status, referer, "
                         "occurred_at) values (?, ?, ?, ?, 'http', 'HTTP 404', 404, '', "
                         "'2024-05-01T12:00:00+00:00')", batch["errors"])
        conn.executemany("insert into revisions (id, article_id, revised_at, crawl_id, capture_id, title, "
                         "published, lead, body_text, body_html, content_sha256, footnotes) "
                         "values (?, ?, '2024-05-01T12:00:00+00:00', ?, ?, ?, ?, ?, ?, ?, ?, '[]')",
                         batch["revisions"])
        for rows in batch.values():
            rows.clear()

    for article_id in range(1, n + 1):
        site_no = rng.randrange(len(sites))
        site = sites[site_no]
        day = start + dt.timedelta(days=rng.randrange(5000))
        if article_id > 100 and rng.random() < 0.01:
            # republished on another site, a little edited, later
            original = rng.randrange(max(1, article_id - 5000), article_id)
            lead, body = bodies.get(original) or (None, None)
            if body is not None:
                planted[article_id] = original
                paragraphs = body.split("\n\n")
                paragraphs[-1] = " ".join(_paragraphs(rng, STOPWORDS + vocab[:5000], cum[:len(STOPWORDS) + 5000],
                                                      40))
                body = "\n\n".join(paragraphs)
        else:
            lead, body = None, None
        if body is None:
            lead = _paragraphs(rng, vocab, cum, 35)[0]
            body = "\n\n".join(_paragraphs(rng, vocab, cum, rng.randint(250, 650)))
        bodies[article_id] = (lead, body)
        if len(bodies) > 6000:
            bodies.pop(next(iter(bodies)))
        html = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        url = f"https://www.{site}.example.org/{day:%Y/%m}/article-{article_id}"
        capture_id += 1
        batch["captures"].append((capture_id, site_no + 1, url, len(html) + 4000))
        notes = []
        for number in range(1, rng.choice((0, 0, 1, 2, 3)) + 1):
            footnote_id += 1
            text = f"Source : rapport {number} via https://www.example.org/doc/{article_id}/{number}"
            notes.append({"marker_id": f"fnref-{number}", "number": str(number), "text": text,
                          "urls": [f"https://www.example.org/doc/{article_id}/{number}"]})
            batch["footnotes"].append((footnote_id, article_id, str(number), text, f"<p>{text}</p>",
                                       json.dumps(notes[-1]["urls"]), f"fnref-{number}"))
        tags = rng.sample(range(1, len(tag_names) + 1), rng.randint(0, 4))
        batch["tags"].extend((article_id, t) for t in tags)
        revisions = 1 if rng.random() < 0.02 else 0
        batch["articles"].append((
            article_id, url, site, f"Titre {article_id} {' '.join(rng.choices(vocab[:3000], k=6))}",
            day.date().isoformat(), f"{day:%d/%m/%Y}", json.dumps([tag_names[t - 1] for t in tags]), lead, body,
            html, hashlib.sha256(body.encode()).hexdigest(), url,
            json.dumps(notes, ensure_ascii=False, sort_keys=True), revisions, site_no + 1, capture_id))
        for position in range(1, rng.randint(3, 8)):
            related_id += 1
            target = rng.randrange(1, article_id) if article_id > 1 else None
            batch["related"].append((related_id, article_id, position, f"https://www.{site}.example.org/x/{target}",
                                     f"Titre {target}", day.date().isoformat(), f"{day:%d/%m/%Y}", "Actualité",
                                     "Un teaser de l'article lié…", target))
        for _ in range(rng.randint(0, 5)):
            link_id += 1
            domain = f"www.partner{rng.randrange(500)}.example.net"
            batch["links"].append((link_id, article_id, f"https://{domain}/page", "un lien", domain))
        if revisions:
            revision_id += 1
            batch["revisions"].append((revision_id, article_id, site_no + 1, capture_id, "Ancien titre",
                                       day.date().isoformat(), lead, body[: len(body) // 2],
                                       html[: len(html) // 2], "0" * 64))
        if rng.random() < 0.02:
            error_id += 1
            capture_id += 1
            batch["captures"].append((capture_id, site_no + 1, url + "-missing", 0))
            batch["errors"].append((error_id, site_no + 1, site, url + "-missing"))
        if article_id % 5000 == 0:
            flush()
    flush()
    conn.execute("commit")
    for _, sql in triggers:
        conn.execute(sql)
    for (name,) in conn.execute("select name from sqlite_master where type = 'table' and sql like "
                                "'CREATE VIRTUAL TABLE%content=%'").fetchall():
        conn.execute(f"insert into [{name}]([{name}]) values ('rebuild')")
    conn.close()
    return planted


def quality(db: Path, planted: dict[int, int]) -> str:
    """Recall and precision of the syndication groups against the planted copies.

    A family is a text and its copies (and copies of copies): every member but the family's earliest
    should be in the group of one of its family. Precision: found members whose group is of their family.
    """
    def family(k: int) -> int:
        while k in planted:
            k = planted[k]
        return k

    conn = sqlite3.connect(db)
    found = conn.execute("select article_id, group_id from syndication where is_earliest = 0").fetchall()
    conn.close()
    sizes: dict[int, int] = {}
    for copy in planted:
        sizes[family(copy)] = sizes.get(family(copy), 1) + 1
    expected = sum(size - 1 for size in sizes.values())
    right = sum(family(article) == family(group) for article, group in found)
    recall = right / expected if expected else 1.0
    precision = right / len(found) if found else 1.0
    return (f"{len(planted)} planted copies in {len(sizes)} families; {len(found)} copies found; "
            f"recall {recall:.3f}, precision {precision:.3f}")


def _tree_rss(root: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            pass
        todo += children.get(pid, [])
    return total


PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def run(label: str, args: list[str]) -> tuple[float, float, float, str]:
    """`python -m ess_crawler.cli.main ARGS` in a fresh process: seconds, peak resident memory (MiB) of its
    largest process (ru_maxrss) and of the whole process tree (sampled every 0.2 s from /proc), output.

    Also prints the CPU time of the process tree and the load average, since a shared machine
    stretches the wall-clock time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen([sys.executable, "-m", "ess_crawler.cli", *args], cwd=ROOT, stdout=out,
                                stderr=subprocess.STDOUT, text=True)
        tree_peak = 0
        while proc.poll() is None:
            if Path("/proc").is_dir():
                tree_peak = max(tree_peak, _tree_rss(proc.pid))
            time.sleep(0.2)
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        maxrss = after.ru_maxrss  # largest child so far
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"  ({label}: {cpu:.0f} s of CPU in all its processes; load average {load:.1f} on "
              f"{os.cpu_count()} CPUs)", flush=True)
        out.seek(0)
        output = out.read()
    if proc.returncode:
        sys.exit(f"{label} failed:\n{output}")
    return seconds, maxrss / 1024, tree_peak / 2**20, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--db", type=Path, help="use this archive instead of generating one")
    parser.add_argument("--content", default="full", choices=("full", "excerpt", "metadata"))
    parser.add_argument("--keep", type=Path, help="keep the release in this folder")
    parser.add_argument("--generator", choices=("auto", "shared", "own"), default="auto",
                        help="benchmarks/synthetic_archive.py (shared, the default when present) or the one here "
                             "(own: unique texts and planted copies, so recall and precision are measured)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = options.db
        planted = None
        if db is None:
            db = tmp / "synthetic.db"
            started = time.perf_counter()
            external = ROOT / "benchmarks" / "synthetic_archive.py"
            if options.generator == "shared" or (options.generator == "auto" and external.exists()):
                subprocess.run([sys.executable, str(external), str(options.articles), str(db)], check=True,
                               stdout=subprocess.DEVNULL)
                how = f"python benchmarks/synthetic_archive.py {options.articles} OUT.db"
            else:
                planted = generate(db, options.articles)
                how = "the generator of bench_publish.py"
            print(f"synthetic archive: {options.articles} articles, {db.stat().st_size / 2**20:.0f} MiB, "
                  f"{time.perf_counter() - started:.0f} s ({how})")
        work = tmp / "syndicate.db"
        shutil.copy(db, work)
        seconds, peak, tree, _ = run("syndicate", ["syndicate", "--db", str(work)])
        groups = sqlite3.connect(work).execute("select count(distinct group_id), count(*) from syndication").fetchone()
        print(f"syndicate: {seconds:.1f} s, peak RSS {peak:.0f} MiB (largest process), {tree:.0f} MiB (all its "
              f"processes), {groups[0]} groups of {groups[1]} articles (target < 120 s)   "
              "ess-crawler syndicate --db ARCHIVE")
        if planted is not None:
            print("  " + quality(work, planted))
        work.unlink()
        out = options.keep or tmp / "release"
        args = ["publish", "--db", str(db), "--out", str(out), "--content", options.content, "--force"]
        seconds, _, tree, output = run("publish", args)
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        print(f"publish ({options.content}): {seconds:.1f} s, peak RSS {tree:.0f} MiB (all its processes), "
              f"release {size / 2**20:.0f} MiB "
              f"(targets < 180 s, < 1024 MiB)   ess-crawler {' '.join(args[:1] + ['--db', 'ARCHIVE', '--out', 'DIR'])}"
              f" --content {options.content}")
        print("  " + next(line for line in output.splitlines() if line.startswith("Took")))
        for path in sorted(out.iterdir()):
            if path.is_file():
                print(f"  {path.name}: {path.stat().st_size / 2**20:.1f} MiB")
        print(f"  csv/: {sum(p.stat().st_size for p in (out / 'csv').iterdir()) / 2**20:.0f} MiB, "
              f"jsonl/: {sum(p.stat().st_size for p in (out / 'jsonl').iterdir()) / 2**20:.0f} MiB")
    print("command: python benchmarks/bench_publish.py " + " ".join(sys.argv[1:]))
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(benchmark process itself: peak RSS {peak_self:.0f} MiB)")


if __name__ == "__main__":
    main()
