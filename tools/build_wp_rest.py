"""Write the WordPress REST API answers of the WordPress sample sites.

`/wp-json/wp/v2/{categories,tags,posts}?per_page=100&page=1&_fields=...` as WordPress
returns them (JSON lists, `modified_gmt` without offset), built from the sample
article pages themselves so that they agree. Run after the sample generators:

    python tools/build_wp_rest.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ess_crawler.extract import extract_article  # noqa: E402
from ess_crawler.profiles import load_profiles  # noqa: E402

SAMPLES = ROOT / "ess_crawler" / "demo" / "sites"
FIELDS = {"categories": "id,name", "tags": "id,name", "posts": "id,link,date_gmt,modified_gmt,categories,tags"}


def gmt(iso: str | None) -> str | None:
    """WordPress's `*_gmt` form: UTC, no offset."""
    if not iso:
        return None
    import datetime as dt

    value = dt.datetime.fromisoformat(iso)
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value.isoformat(timespec="seconds")


def build(site: str) -> int:
    profile = load_profiles()[site]
    folder = SAMPLES / site
    posts, categories, tags = [], {}, {}
    for page in sorted(folder.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        post_id = re.search(r"\bpostid-(\d+)\b", html)
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
        if not post_id or not canonical or not profile.is_article(canonical.group(1)):
            continue
        article = extract_article(html, canonical.group(1), profile)
        cat_ids = [categories.setdefault(article.category, 100 + len(categories))] if article.category else []
        tag_ids = [tags.setdefault(tag, 200 + len(tags)) for tag in article.tags]
        posts.append({"id": int(post_id.group(1)), "link": article.url, "date_gmt": gmt(article.published),
                      "modified_gmt": gmt(article.modified or article.published),
                      "categories": cat_ids, "tags": tag_ids})
    posts.sort(key=lambda p: p["date_gmt"] or "", reverse=True)
    answers = {
        "categories": [{"id": i, "name": n} for n, i in sorted(categories.items(), key=lambda kv: kv[1])],
        "tags": [{"id": i, "name": n} for n, i in sorted(tags.items(), key=lambda kv: kv[1])],
        "posts": posts,
    }
    out = folder / "wp-json" / "wp" / "v2"
    out.mkdir(parents=True, exist_ok=True)
    for kind, data in answers.items():
        name = f"{kind}@per_page=100&page=1&_fields={FIELDS[kind]}.json"
        (out / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(posts)


def main() -> None:
    for site, profile in sorted(load_profiles().items()):
        if profile.cms == "wordpress" and (SAMPLES / site).is_dir():
            print(f"{site}: {build(site)} posts")


if __name__ == "__main__":
    main()
