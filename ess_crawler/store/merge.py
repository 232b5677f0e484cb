"""Merge archives written by several crawler nodes into one, idempotently (`ess-crawler merge`).

Each node of a shared-frontier crawl writes its own archive. `merge_archives`
folds them into a target archive, one source at a time, in one transaction each,
with the source ATTACHed read-only so that most of the work is set-based SQL:

- `sites` are added when missing;
- `crawls` are kept, each once: a crawl is known by (site, started, settings);
- `captures` are kept with their WARC references (file, offset, length), known by
  (crawl, url, fetched_at, WARC file, offset); the WARC files are copied beside the
  target (`warc/`), a different file of the same name getting a `-<sha1>` suffix;
- `errors`, `discovered` and `coverage` rows are kept once per crawl;
- an article is one row per URL. When both archives have it, all their versions
  (current rows and revisions) are put in time order (the time of each version's
  capture); identical neighbours are one version; the newest is the article, the
  others its `revisions`, in time order.

Merging an archive that was merged already changes nothing.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from ess_crawler.store import search_index
from ess_crawler.store.archive import Archive, ArchiveError
from ess_crawler.store.warc_files import warc_folders

logger = logging.getLogger(__name__)

# what makes two versions of an article the same version (as for a re-crawl)
_VERSION_KEY = ("content_sha256", "title", "published", "footnotes")
_REVISION_COLUMNS = ("title", "published", "modified", "lead", "body_text", "body_html", "content_sha256",
                     "footnotes", "reason")


def _columns(conn, schema: str, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"pragma {schema}.table_info({table})")]


def _common(conn, table: str, exclude: tuple[str, ...] = ()) -> list[str]:
    source = set(_columns(conn, "src", table))
    return [c for c in _columns(conn, "main", table) if c in source and c not in exclude]


def _sha1(path: Path) -> str:
    digest = hashlib.sha1()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _source_warc_dirs(conn, source: Path) -> list[Path]:
    return warc_folders(source, [settings for (settings,) in conn.execute("select distinct settings from src.crawls")])


def _copy_warcs(conn, source: Path, target_dir: Path) -> dict[str, str]:
    """Copy the source's WARC files beside the target; returns renames (source name -> target name)."""
    renames = {}
    folders = _source_warc_dirs(conn, source)
    names = [r[0] for r in conn.execute("select distinct warc_file from src.captures where warc_file is not null")]
    for name in names:
        found = next((f / name for f in folders if (f / name).is_file()), None)
        if found is None:
            logger.warning("WARC file %s of %s not found: its captures keep the reference", name, source)
            continue
        target_dir.mkdir(parents=True, exist_ok=True)
        dest = target_dir / name
        if dest.exists() and dest.resolve() == found.resolve():
            continue
        if dest.exists() and (dest.stat().st_size != found.stat().st_size or _sha1(dest) != _sha1(found)):
            stem = name[: -len(".warc.gz")] if name.endswith(".warc.gz") else name
            new_name = f"{stem}-{_sha1(found)[:12]}.warc.gz"
            renames[name] = new_name
            dest = target_dir / new_name
        if not dest.exists():
            shutil.copyfile(found, dest)
    return renames


def merge_archives(sources: list[Path], target: Path, copy_warc: bool = True,
                   progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Merge each source archive into `target` (created when missing); returns counts of rows added."""
    totals: dict[str, int] = {}
    for source in sources:
        with Archive(source, read_only=True) as check:
            version = check.db.execute("PRAGMA user_version").fetchone()[0]
        with Archive(target) as archive:
            if version > archive.db.execute("PRAGMA user_version").fetchone()[0]:
                raise ArchiveError(f"{source} has a newer schema than {target}")
            counts = _merge_one(archive, Path(source), Path(target), copy_warc)
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
        if progress is not None:
            progress(f"  {source}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return totals


def _merge_one(archive: Archive, source: Path, target: Path, copy_warc: bool) -> dict[str, int]:
    conn = archive.db.conn
    conn.execute("attach database ? as src", [f"{source.resolve().as_uri()}?mode=ro"])
    try:
        renames = _copy_warcs(conn, source, target.resolve().parent / "warc") if copy_warc else {}
        with archive.db.atomic():
            return _merge_rows(conn, renames)
    finally:
        conn.execute("detach database src")


def _changes(conn) -> int:
    return conn.execute("select changes()").fetchone()[0]


def _merge_rows(conn, renames: dict[str, str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    q = conn.execute

    # sites
    cols = ", ".join(_common(conn, "sites"))
    q(f"insert or ignore into sites ({cols}) select {cols} from src.sites")
    counts["sites"] = _changes(conn)

    # crawls, known by (site, started, settings)
    cols = _common(conn, "crawls", ("id",))
    q(f"""insert into crawls ({', '.join(cols)}) select {', '.join('s.' + c for c in cols)} from src.crawls s
          where not exists (select 1 from crawls c where c.site is s.site and c.started is s.started
                            and c.settings is s.settings) order by s.id""")
    counts["crawls"] = _changes(conn)
    q("drop table if exists temp.crawl_map")
    q("""create temp table crawl_map as select s.id as src_id,
           (select min(c.id) from crawls c where c.site is s.site and c.started is s.started
            and c.settings is s.settings) as dst_id from src.crawls s""")
    q("create unique index temp.crawl_map_src on crawl_map(src_id)")

    # WARC renames
    q("drop table if exists temp.warc_rename")
    q("create temp table warc_rename (src_name text primary key, dst_name text)")
    conn.executemany("insert into warc_rename values (?, ?)", list(renames.items()))

    # captures, known by (crawl, url, fetched_at, WARC file, offset)
    cols = _common(conn, "captures", ("id", "crawl_id", "warc_file"))
    q("drop table if exists temp.capture_src")
    q(f"""create temp table capture_src as
          select s.id as src_id, m.dst_id as crawl_id, coalesce(r.dst_name, s.warc_file) as warc_file,
                 {', '.join('s.' + c for c in cols)}
          from src.captures s left join crawl_map m on m.src_id = s.crawl_id
          left join warc_rename r on r.src_name = s.warc_file""")
    q("create index temp.capture_src_url on capture_src(url)")
    q(f"""insert into captures (crawl_id, warc_file, {', '.join(cols)})
          select crawl_id, warc_file, {', '.join(cols)} from capture_src s
          where not exists (select 1 from captures c where c.url = s.url and c.fetched_at is s.fetched_at
                            and c.crawl_id is s.crawl_id and c.warc_file is s.warc_file
                            and c.warc_offset is s.warc_offset)
          order by s.src_id""")
    counts["captures"] = _changes(conn)
    q("drop table if exists temp.capture_map")
    q("""create temp table capture_map as select s.src_id,
           (select min(c.id) from captures c where c.url = s.url and c.fetched_at is s.fetched_at
            and c.crawl_id is s.crawl_id and c.warc_file is s.warc_file
            and c.warc_offset is s.warc_offset) as dst_id from capture_src s""")
    q("create unique index temp.capture_map_src on capture_map(src_id)")

    # errors, discovered and coverage, once per crawl
    for table, key in (("errors", ("url", "kind", "occurred_at")), ("discovered", ("url", "source")),
                       ("coverage", ("field",))):
        cols = _common(conn, table, ("id", "crawl_id"))
        same = " and ".join(f"t.{k} is s.{k}" for k in key)
        q(f"""insert into {table} (crawl_id, {', '.join(cols)})
              select m.dst_id, {', '.join('s.' + c for c in cols)} from src.{table} s
              left join crawl_map m on m.src_id = s.crawl_id
              where not exists (select 1 from {table} t where t.crawl_id is m.dst_id and {same})
              order by s.id""")
        counts[table] = _changes(conn)

    counts["articles"] = _new_articles(conn)
    counts["articles_merged"] = _common_articles(conn)

    # related links resolve to the archived articles they name
    q("""update related_links set target_article_id = (select a.id from articles a where a.url = related_links.url)
         where target_article_id is null and url in (select url from articles)""")
    return counts


def _new_articles(conn) -> int:
    """Articles of the source whose URL the target does not have: copied with their parts."""
    q = conn.execute
    cols = _common(conn, "articles", ("id", "crawl_id", "capture_id"))
    q("drop table if exists temp.article_map")
    q("create temp table article_map (src_id integer primary key, dst_id integer)")
    q("""insert into article_map (src_id) select s.id from src.articles s
         where not exists (select 1 from articles a where a.url = s.url)""")
    q(f"""insert into articles (crawl_id, capture_id, {', '.join(cols)})
          select cm.dst_id, pm.dst_id, {', '.join('s.' + c for c in cols)}
          from article_map am join src.articles s on s.id = am.src_id
          left join crawl_map cm on cm.src_id = s.crawl_id
          left join capture_map pm on pm.src_id = s.capture_id
          order by s.id""")
    added = _changes(conn)
    q("update article_map set dst_id = (select a.id from articles a where a.url = "
      "(select s.url from src.articles s where s.id = article_map.src_id))")
    for table in ("footnotes", "links", "related_links"):
        cols = _common(conn, table, ("id", "article_id", "target_article_id"))
        q(f"""insert into {table} (article_id, {', '.join(cols)})
              select am.dst_id, {', '.join('s.' + c for c in cols)} from src.{table} s
              join article_map am on am.src_id = s.article_id order by s.id""")
    q("insert or ignore into tags (name) select name from src.tags")
    q("""insert or ignore into article_tags (article_id, tag_id)
         select am.dst_id, t.id from src.article_tags s join article_map am on am.src_id = s.article_id
         join src.tags st on st.id = s.tag_id join tags t on t.name = st.name""")
    cols = _common(conn, "revisions", ("id", "article_id", "crawl_id", "capture_id"))
    q(f"""insert into revisions (article_id, crawl_id, capture_id, {', '.join(cols)})
          select am.dst_id, cm.dst_id, pm.dst_id, {', '.join('s.' + c for c in cols)}
          from src.revisions s join article_map am on am.src_id = s.article_id
          left join crawl_map cm on cm.src_id = s.crawl_id left join capture_map pm on pm.src_id = s.capture_id
          order by s.revised_at, s.id""")
    # the search index: the source's stems when it has them, else computed
    if "article_search" in {r[0] for r in q("select name from src.sqlite_master where type = 'table'")}:
        q("""insert into article_search (article_id, title, lead, body)
             select am.dst_id, s.title, s.lead, s.body from src.article_search s
             join article_map am on am.src_id = s.article_id""")
    missing = [r[0] for r in q("select dst_id from article_map where dst_id not in "
                               "(select article_id from article_search)")]
    for article_id in missing:
        search_index.index_article(conn, article_id)
    return added


def _versions(conn, schema: str, article_ids: list[int], capture_time: dict) -> dict[int, list[dict]]:
    """Revisions of these articles (of `schema`), each with the time of its version."""
    found: dict[int, list[dict]] = {}
    cols = ["id", "article_id", "revised_at", "crawl_id", "capture_id",
            *[c for c in _REVISION_COLUMNS if c in _columns(conn, schema, "revisions")]]
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start:start + 500]
        rows = conn.execute(f"select {', '.join(cols)} from {schema}.revisions "
                            f"where article_id in ({','.join('?' * len(chunk))})", chunk)
        for values in rows:
            row = dict(zip(cols, values, strict=True))
            row.setdefault("reason", None)
            row["time"] = capture_time.get(row["capture_id"]) or row["revised_at"]
            found.setdefault(row["article_id"], []).append(row)
    return found


def _common_articles(conn) -> int:
    """Articles both archives have: their versions merged in time order. Returns how many changed."""
    q = conn.execute
    pairs = q("""select a.id, s.id from src.articles s join articles a on a.url = s.url
                 where s.id not in (select src_id from article_map)""").fetchall()
    if not pairs:
        return 0
    src_ids = [s for _, s in pairs]
    dst_ids = [d for d, _ in pairs]
    # the time of each version: its capture's fetch time (source captures in target ids)
    cmap = dict(q("select src_id, dst_id from capture_map"))
    ctime = dict(q("select id, fetched_at from captures where id in (select dst_id from capture_map) "
                   "or id in (select capture_id from articles) or id in (select capture_id from revisions)"))
    src_revs = _versions(conn, "src", src_ids, {})
    dst_revs = _versions(conn, "main", dst_ids, ctime)
    crawl_map = dict(q("select src_id, dst_id from crawl_map"))
    article_cols = _common(conn, "articles", ("id",))
    changed = 0
    for dst_id, src_id in pairs:
        mine = dict(zip(article_cols, q(f"select {', '.join(article_cols)} from articles where id = ?",
                                        [dst_id]).fetchone(), strict=True))
        theirs = dict(zip(article_cols, q(f"select {', '.join(article_cols)} from src.articles where id = ?",
                                          [src_id]).fetchone(), strict=True))
        theirs["crawl_id"] = crawl_map.get(theirs["crawl_id"])
        theirs["capture_id"] = cmap.get(theirs["capture_id"])
        for rev in src_revs.get(src_id, []):
            rev["crawl_id"] = crawl_map.get(rev["crawl_id"])
            rev["capture_id"] = cmap.get(rev["capture_id"])
            rev["time"] = ctime.get(rev["capture_id"]) or rev["revised_at"]
        if _merge_article(conn, dst_id, mine, theirs, dst_revs.get(dst_id, []), src_revs.get(src_id, []),
                          src_id, ctime):
            changed += 1
    return changed


def _as_version(row: dict, ctime: dict, current: str) -> dict:
    """An article row as a version (what a revision holds)."""
    return {"crawl_id": row["crawl_id"], "capture_id": row["capture_id"], "revised_at": None,
            "time": ctime.get(row["capture_id"]) or row.get("last_seen"), "current": current,
            "footnotes": row.get("footnotes_json"), "reason": None,
            **{c: row.get(c) for c in _REVISION_COLUMNS if c not in ("footnotes", "reason")}}


def _key(version: dict) -> tuple:
    return tuple(version.get(k) for k in _VERSION_KEY)


def _merge_article(conn, dst_id: int, mine: dict, theirs: dict, my_revs: list[dict], their_revs: list[dict],
                   src_id: int, ctime: dict) -> bool:
    q = conn.execute
    versions: dict[tuple, dict] = {}
    for version in [*my_revs, _as_version(mine, ctime, "mine"), *their_revs, _as_version(theirs, ctime, "theirs")]:
        versions.setdefault((_key(version), version["time"] or ""), version)
    ordered = sorted(versions.values(), key=lambda v: (v["time"] or "", v.get("current") == "mine"))
    history: list[dict] = []
    for version in ordered:
        if history and _key(history[-1]) == _key(version):
            continue  # the same version seen again (by the other node, or a later crawl)
        history.append(version)
    newest = history[-1]
    revisions = history[:-1]
    # a former current version becomes a revision, superseded when the next version was captured
    for i, version in enumerate(revisions):
        if version.get("revised_at") is None:
            version["revised_at"] = history[i + 1]["time"]
    first_seen = min(x for x in (mine.get("first_seen"), theirs.get("first_seen")) if x) if (
        mine.get("first_seen") or theirs.get("first_seen")) else None
    last_seen = max(x for x in (mine.get("last_seen"), theirs.get("last_seen")) if x) if (
        mine.get("last_seen") or theirs.get("last_seen")) else None
    latest = theirs if (theirs.get("last_seen") or "") > (mine.get("last_seen") or "") else mine
    updates = {"first_seen": first_seen, "last_seen": last_seen, "revision_count": len(revisions),
               "gone_since": latest.get("gone_since"), "last_status": latest.get("last_status")}
    updates = {k: v for k, v in updates.items() if k in mine}
    from_theirs = newest.get("current") == "theirs" or (
        newest.get("current") is None and _key(newest) == _key(_as_version(theirs, ctime, "theirs"))
        and _key(newest) != _key(_as_version(mine, ctime, "mine")))
    if from_theirs:
        updates.update({k: v for k, v in theirs.items() if k not in ("id", "url", *updates)})
    wanted = [(r["revised_at"], r["crawl_id"], r["capture_id"], *[r.get(c) for c in _REVISION_COLUMNS])
              for r in revisions]
    existing = [tuple(r) for r in q(
        f"select revised_at, crawl_id, capture_id, {', '.join(_REVISION_COLUMNS)} from revisions "
        "where article_id = ? order by revised_at, id", [dst_id])]
    row_changed = any(mine.get(k) != v for k, v in updates.items())
    if not row_changed and wanted == existing:
        return False
    if row_changed:
        q(f"update articles set {', '.join(f'{k} = ?' for k in updates)} where id = ?", [*updates.values(), dst_id])
    if wanted != existing:
        q("delete from revisions where article_id = ?", [dst_id])
        conn.executemany(
            f"insert into revisions (article_id, revised_at, crawl_id, capture_id, {', '.join(_REVISION_COLUMNS)}) "
            f"values (?, ?, ?, ?, {', '.join('?' * len(_REVISION_COLUMNS))})",
            [(dst_id, *w) for w in wanted])
    if from_theirs and row_changed:
        _copy_parts(conn, dst_id, src_id)
        search_index.index_article(conn, dst_id)
    return True


def _copy_parts(conn, dst_id: int, src_id: int) -> None:
    """The source article's footnotes, links, related links and tags in place of the target's."""
    q = conn.execute
    for table in ("footnotes", "links", "related_links", "article_tags"):
        q(f"delete from {table} where article_id = ?", [dst_id])
    for table in ("footnotes", "links", "related_links"):
        cols = _common(conn, table, ("id", "article_id", "target_article_id"))
        q(f"insert into {table} (article_id, {', '.join(cols)}) select ?, {', '.join(cols)} "
          f"from src.{table} where article_id = ? order by id", [dst_id, src_id])
    q("insert or ignore into tags (name) select st.name from src.article_tags s join src.tags st on st.id = s.tag_id "
      "where s.article_id = ?", [src_id])
    q("""insert or ignore into article_tags (article_id, tag_id) select ?, t.id from src.article_tags s
         join src.tags st on st.id = s.tag_id join tags t on t.name = st.name where s.article_id = ?""",
      [dst_id, src_id])
