"""Generate a synthetic archive of N articles from the bundled sample articles, for benchmarks.

    python benchmarks/synthetic_archive.py [N] OUT.db [--seed 1] [--sites 10]

N defaults to 200,000. The schema is the project's own (ess_crawler.store.archive.Archive
creates it and runs the migrations, French search index included); rows are bulk
inserted. Every article takes a sample article's category, tags, footnotes and links,
a varied title, a publication date between 2005 and 2025, a site among the two real
profiles and synthetic ones, and a body of 3 to 10 paragraphs drawn from all the
sample articles, so that words are spread across articles as in a real archive.
About 1 % are republications of an earlier article on another site, 0.5 % have an
earlier version in `revisions`, and every article has three related links to earlier
articles (resolved). Prints the time each step took.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import random
import sys
import time
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ess_crawler.demo.server import sample_sites  # noqa: E402
from ess_crawler.extract import extract_article  # noqa: E402
from ess_crawler.profiles import load_profiles  # noqa: E402
from ess_crawler.store.archive import Archive  # noqa: E402
from ess_crawler.store.search_index import reindex  # noqa: E402

SAMPLES = ROOT / "ess_crawler" / "demo" / "sites"
TOPICS = ["coopératives", "mutuelles", "associations", "insertion", "emploi", "territoires", "financement",
          "bénévolat", "innovation sociale", "économie circulaire", "tiers-lieux", "santé", "jeunesse",
          "protection sociale", "Scop", "fondations", "commande publique", "transition écologique"]


def sample_articles() -> list:
    """Every article page of the bundled sample sites, extracted with its site's profile."""
    profiles = load_profiles()
    articles = []
    for site in sample_sites():
        profile = profiles[site]
        for path in sorted((SAMPLES / site).rglob("*.html")):
            rel = path.relative_to(SAMPLES / site).as_posix()[: -len(".html")]
            rel = rel.replace("@", "?", 1)
            url = profile.origin + "/" + ("" if rel == "index" else rel)
            if not profile.is_article(url):
                continue
            try:
                article = extract_article(path.read_bytes(), url, profile)
            except Exception:  # noqa: BLE001 - a sample that is not an article
                continue
            if article.title and article.body_text:
                articles.append(article)
    return articles


def random_date(rng: random.Random) -> str:
    start = dt.date(2005, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randint(start, dt.date(2025, 12, 31).toordinal())).isoformat()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("args", nargs="+", metavar="[N] OUT.db")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sites", type=int, default=10, help="number of sites (2 real profiles + synthetic ones)")
    options = parser.parse_args(argv)
    if len(options.args) == 1:
        n, out = 200_000, Path(options.args[0])
    elif len(options.args) == 2:
        n, out = int(options.args[0]), Path(options.args[1])
    else:
        parser.error("expected [N] OUT.db")
    if out.exists():
        parser.error(f"{out} exists: remove it first")
    rng = random.Random(options.seed)
    t0 = time.perf_counter()

    samples = sample_articles()
    paragraphs = [p.strip() for a in samples for p in a.body_text.split("\n\n") if len(p.strip()) > 40]
    sentences = [x.strip() + "." for p in paragraphs for x in p.split(". ") if len(x.strip()) > 30]
    categories = sorted({a.category for a in samples if a.category})
    tags_pool = sorted({t for a in samples for t in a.tags} | {t.capitalize() for t in TOPICS})
    print(f"{len(samples)} sample articles, {len(paragraphs)} paragraphs ({time.perf_counter() - t0:.1f} s)")

    archive = Archive(out)  # the project's schema and migrations (search tables included)
    db = archive.db
    profiles = load_profiles()
    sites = []
    for name in sample_sites():
        archive.register_site(profiles[name])
        sites.append((name, profiles[name].origin))
    for k in range(len(sites) + 1, options.sites + 1):
        name = f"ess_site_{k:02d}"
        db["sites"].insert({"name": name, "title": f"Site synthétique {k:02d}", "origin": f"https://www.{name}.example",
                            "cms": "wordpress", "language": "fr", "description": "Synthetic site for benchmarks.",
                            "rights": "Synthetic texts.", "profile_file": ""})
        sites.append((name, f"https://www.{name}.example"))
    crawl_ids = {name: archive.start_crawl(name, {"synthetic": True}) for name, _ in sites}
    db.conn.commit()

    t1 = time.perf_counter()
    batch = 5000
    next_id = 1
    refs: list[tuple[int, str, str]] = []  # id, url, title of every article made, for related links
    recent: deque = deque(maxlen=50_000)  # (site, title, lead, body) of the latest, for republications
    conn = db.conn
    stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    while next_id <= n:
        articles, footnotes, related, links, revisions = [], [], [], [], []
        for article_id in range(next_id, min(n, next_id + batch - 1) + 1):
            base = rng.choice(samples)
            site, origin = rng.choice(sites)
            published = random_date(rng)
            if recent and rng.random() < 0.01:  # republished from another site
                other_site, title, lead, body = recent[rng.randrange(len(recent))]
                while site == other_site and len(sites) > 1:
                    site, origin = rng.choice(sites)
            else:
                title = f"{base.title} — {rng.choice(TOPICS)} {article_id}"
                lead = (f"{rng.choice(TOPICS).capitalize()}, dossier {article_id} : "  # leads differ
                        + " ".join(rng.sample(sentences, 2)))
                body = "\n\n".join(rng.sample(paragraphs, rng.randint(3, 10)))
            url = f"{origin}/article-{article_id}"
            body_html = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n\n"))
            tags = rng.sample(tags_pool, rng.randint(0, 4))
            notes = base.footnotes if rng.random() < 0.2 else []
            articles.append((
                article_id, url, site, title, published, published, rng.choice(categories),
                json.dumps(tags, ensure_ascii=False), json.dumps(base.authors, ensure_ascii=False), lead, body,
                body_html, "fr", "[]", hashlib.sha256(body.encode()).hexdigest(), 0, "{}", url,
                json.dumps([{"number": f.number, "text": f.text, "urls": f.urls, "marker_id": f.marker_id}
                            for f in notes], ensure_ascii=False, sort_keys=True),
                stamp, stamp, 0, crawl_ids[site]))
            for f in notes:
                footnotes.append((article_id, f.number, f.text, f.html, json.dumps(f.urls), f.marker_id))
            for position in range(1, 4 if refs else 1):
                target = refs[rng.randrange(max(0, len(refs) - 20_000), len(refs))]
                related.append((article_id, position, target[1], target[2], "Sur le même sujet", target[0]))
            for link in base.links[:3]:
                links.append((article_id, link.url, link.text, link.url.split("/")[2].lower()))
            if rng.random() < 0.3:
                other_site, other_origin = rng.choice(sites)
                links.append((article_id, f"{other_origin}/dossier", "Un dossier", other_origin.split("/")[2]))
            if rng.random() < 0.005:
                revisions.append((article_id, stamp, crawl_ids[site], base.title, published, lead, body,
                                  "", "earlier", "[]"))
            refs.append((article_id, url, title))
            recent.append((site, title, lead, body))
        conn.executemany(
            "insert into articles (id, url, site, title, published, published_raw, category, tags, authors, lead, "
            "body_text, body_html, language, images, content_sha256, truncated, provenance, fetched_url, "
            "footnotes_json, first_seen, last_seen, revision_count, crawl_id) "
            "values (" + ", ".join("?" * 23) + ")", articles)
        conn.executemany("insert into footnotes (article_id, number, text, html, urls, marker_id) "
                         "values (?, ?, ?, ?, ?, ?)", footnotes)
        conn.executemany("insert into related_links (article_id, position, url, title, heading, target_article_id) "
                         "values (?, ?, ?, ?, ?, ?)", related)
        conn.executemany("insert into links (article_id, url, text, domain) values (?, ?, ?, ?)", links)
        conn.executemany("insert into revisions (article_id, revised_at, crawl_id, title, published, lead, "
                         "body_text, body_html, content_sha256, footnotes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         revisions)
        conn.execute("update articles set revision_count = 1 where id in (select article_id from revisions) "
                     "and revision_count = 0")
        conn.commit()
        next_id += batch
        print(f"  {min(n, next_id - 1):>8} articles ({time.perf_counter() - t1:.0f} s)", flush=True)
    tag_names = sorted(tags_pool)
    conn.executemany("insert or ignore into tags (name) values (?)", [(t,) for t in tag_names])
    conn.execute("insert or ignore into article_tags (article_id, tag_id) "
                 "select a.id, t.id from articles a, json_each(a.tags) j join tags t on t.name = j.value")
    for name, _ in sites:
        archive.finish_crawl(crawl_ids[name], "finished", {"synthetic": True})
    conn.commit()
    t2 = time.perf_counter()
    print(f"rows written in {t2 - t1:.0f} s")

    with conn:
        count = reindex(conn)
    t3 = time.perf_counter()
    print(f"French search index: {count} articles in {t3 - t2:.0f} s")
    conn.execute("analyze")
    conn.commit()
    archive.close()
    size = out.stat().st_size / 1e6
    print(f"{out}: {n} articles, {size:.0f} MB, generated in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
