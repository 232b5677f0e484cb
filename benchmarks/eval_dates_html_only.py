"""Publication dates from the visible HTML alone: a knock-out check of the machine dates.

Most pages of the shared sets are dated by what they state for machines (JSON-LD, meta tags,
microdata). Pages without them must be dated from the HTML a reader sees: the byline, a
``<time>`` element, a date line, the URL. To measure that path alone, each page is stripped of
its machine dates before both systems read it:

* **JSON-LD**: the keys ``datePublished``, ``dateCreated``, ``dateModified`` and
  ``uploadDate`` are removed at any depth of every ``<script type="application/ld+json">``
  (re-serialised as ASCII JSON); a script that does not parse as JSON is removed whole;
* **meta tags**: every ``<meta>`` whose ``name``, ``property``, ``itemprop`` or
  ``http-equiv`` speaks of a date (``date``, ``time``, ``publi``, ``pub``, ``issued``,
  ``created``, ``modified``, ``updated``: ``article:published_time``, ``date``,
  ``DC.date.issued``, ``og:updated_time``, ``pubdate``, ``parsely-pub-date``,
  ``last-modified`` ...) is removed;
* **microdata**: an ``itemprop`` attribute naming a date (``datePublished``, ``dateCreated``,
  ``dateModified``, ``uploadDate``) is removed from its element, and so is that element's
  ``content`` attribute (its machine value); the element and its text stay (what is printed
  is the visible HTML), as does a ``<time datetime>`` (HTML, not metadata).

The stripping is done on the raw bytes by regular expressions over the tags (the rest of the
page, its encoding included, is left byte for byte as served). Then ``ess_crawler``
(``extract_article(...).published``) and ``htmldate`` (``find_date(original_date=True)``, as
``eval_realworld.py`` calls it) read the stripped page with its URL.

Sets: the shared dates set (``../shared/data/realworld/dates.json``, loaded as
``eval_realworld.py`` does) and the date dev set (``benchmarks/devset/dates.json``, as
``eval_devset.py``): exact day on the dated pages, and on the dev set's undated pages
(``"date": null``) any date given is a false alarm. Each set is also scored on its two halves
by ``hashlib.md5(url.encode()).digest()[0] % 2`` (the split the date rules are checked on).

Run from the repository root::

    python benchmarks/eval_dates_html_only.py
    python benchmarks/eval_dates_html_only.py --failures /tmp/html_only_fails.jsonl
    python benchmarks/eval_dates_html_only.py --no-strip     # the same table on the pages as served
    python benchmarks/eval_dates_html_only.py --only devset --answers answers.json

``--failures FILE`` writes, as JSON lines, every page where ess_crawler is wrong (or gives a
date to an undated page): expected day, both systems' answers and ess_crawler's provenance
(rule, candidates, conflict). ``--answers FILE`` writes every page's two answers (to list the
pages whose answer a change alters). The data folder is ``--data DIR``, ``ESS_REALWORLD_DIR``
or ``../shared/data/realworld``; when absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_devset import DEVSET  # noqa: E402
from eval_realworld import (  # noqa: E402
    htmldate_date,
    judge_date,
    load_cases,
    load_ess_crawler,
    quiet_library_logs,
    resolve_data_dir,
    write_jsonl,
)

SETS = ("shared", "devset")

# ------------------------------------------------------------------------ stripping

_JSONLD_RE = re.compile(
    rb"(<script\b[^>]*\btype\s*=\s*[\"']?application[^\"'>\s]*ld[^\"'>\s]*json[^>]*>)(.*?)(</script\s*>)",
    re.I | re.S)  # (`application&#x2F;ld&#x2B;json` too)
_JSONLD_DATE_KEYS = frozenset(("datePublished", "dateCreated", "dateModified", "uploadDate"))
_META_RE = re.compile(rb"<meta\b[^>]*>", re.I)
_META_NAME_RE = re.compile(rb"\b(?:name|property|itemprop|http-equiv)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))",
                           re.I)
_META_DATE_RE = re.compile(rb"date|time|publi|pub|issued|created|modified|updated", re.I)
_TAG_RE = re.compile(rb"<[a-z][a-z0-9]*\b[^>]*\bitemprop\s*=[^>]*>", re.I)
_ITEMPROP_DATE_RE = re.compile(
    rb"\s+itemprop\s*=\s*([\"']?)(?:datePublished|dateCreated|dateModified|uploadDate)\1(?=[\s/>])", re.I)
_CONTENT_ATTR_RE = re.compile(rb"\s+content\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)


def _drop_date_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_date_keys(v) for k, v in value.items() if k not in _JSONLD_DATE_KEYS}
    if isinstance(value, list):
        return [_drop_date_keys(v) for v in value]
    return value


def _strip_jsonld(m: re.Match) -> bytes:
    open_tag, body, close_tag = m.groups()
    try:
        data = json.loads(body.decode("utf-8", "replace").strip())
    except ValueError:
        return b""  # unreadable JSON-LD: the whole script goes
    text = json.dumps(_drop_date_keys(data), ensure_ascii=True).replace("</", "<\\/")
    return open_tag + text.encode("ascii") + close_tag


def _strip_meta(m: re.Match) -> bytes:
    tag = m.group(0)
    for name in _META_NAME_RE.finditer(tag):
        if _META_DATE_RE.search(name.group(1) or name.group(2) or name.group(3) or b""):
            return b""
    return tag


def _strip_itemprop(m: re.Match) -> bytes:
    tag = m.group(0)
    stripped = _ITEMPROP_DATE_RE.sub(b"", tag)
    if stripped == tag:
        return tag
    if not re.search(rb"\bitemprop\s*=", stripped, re.I):  # its machine value goes with the name
        stripped = _CONTENT_ATTR_RE.sub(b"", stripped)
    return stripped


def strip_machine_dates(html: bytes) -> bytes:
    """The page without its JSON-LD dates, date meta tags and microdata date properties."""
    html = _JSONLD_RE.sub(_strip_jsonld, html)
    html = _META_RE.sub(_strip_meta, html)
    return _TAG_RE.sub(_strip_itemprop, html)


# ------------------------------------------------------------------------ cases


@dataclass
class DateCase:
    set: str
    key: str
    url: str
    file: Path
    date: str | None

    @property
    def half(self) -> int:
        return hashlib.md5(self.url.encode()).digest()[0] % 2


def shared_cases(data_dir: Path, limit: int | None) -> list[DateCase]:
    return [DateCase("shared", c.key, c.url, c.file, c.date)
            for c in load_cases(data_dir, "dates.json", limit)]


def devset_cases(data_dir: Path, limit: int | None) -> list[DateCase]:
    entries = json.loads((DEVSET / "dates.json").read_text("utf-8"))
    cases = [DateCase("devset", name, e["url"], data_dir / "pages" / name, e.get("date"))
             for name, e in entries.items()]
    return cases[:limit] if limit is not None else cases


# ------------------------------------------------------------------------ scoring


@dataclass
class Tally:
    ok: int = 0
    dated: int = 0
    alarms: int = 0
    undated: int = 0
    seconds: float = 0.0
    pages: int = 0
    errors: int = 0

    def add(self, case: DateCase, got: str | None, seconds: float, error: bool) -> bool:
        self.pages += 1
        self.seconds += seconds
        self.errors += error
        if case.date:
            self.dated += 1
            ok = got == case.date
            self.ok += ok
        else:
            self.undated += 1
            ok = got is None
            self.alarms += not ok
        return ok

    def cell(self) -> str:
        share = self.ok / self.dated if self.dated else 0.0
        return f"{share:.1%} ({self.ok}/{self.dated})"

    def alarm_cell(self) -> str:
        return f"{self.alarms}/{self.undated}" if self.undated else "—"

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "dated": self.dated, "false_alarms": self.alarms, "undated": self.undated,
                "ms_per_page": round(1000 * self.seconds / self.pages, 2) if self.pages else 0.0,
                "errors": self.errors}


@dataclass
class Run:
    # (set, half or "all", system) -> Tally
    tallies: dict[tuple[str, str, str], Tally] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)

    def tally(self, set_name: str, half: str, system: str) -> Tally:
        return self.tallies.setdefault((set_name, half, system), Tally())


def _timed(call, *args) -> tuple[Any, float, str | None]:
    start = time.process_time()
    try:
        value = call(*args)
    except Exception as exc:  # noqa: BLE001 - every failure counts, none aborts the run
        return None, time.process_time() - start, f"{type(exc).__name__}: {exc}"
    return value, time.process_time() - start, None


def run_cases(cases: list[DateCase], extract_article, strip: bool, run: Run) -> None:
    for index, case in enumerate(cases, 1):
        raw = gzip.decompress(case.file.read_bytes())
        html = strip_machine_dates(raw) if strip else raw
        article, ess_s, ess_err = (_timed(extract_article, html, case.url) if extract_article
                                   else (None, 0.0, "ess_crawler not importable"))
        ours = judge_date(article.published) if article is not None else None
        theirs_raw, hd_s, hd_err = _timed(htmldate_date, html, case.url)
        theirs = judge_date(theirs_raw)
        verdicts = {}
        for system, got, seconds, err in (("ess_crawler", ours, ess_s, ess_err),
                                          ("htmldate", theirs, hd_s, hd_err)):
            for half in ("all", str(case.half)):
                verdicts[system] = run.tally(case.set, half, system).add(case, got, seconds, err is not None)
        prov = dict(article.provenance) if article is not None else {}
        run.answers[f"{case.set}:{case.key}"] = {"expected": case.date, "ess_crawler": ours,
                                                 "htmldate": theirs, "rule": prov.get("published", "")}
        if not verdicts["ess_crawler"]:
            run.failures.append({
                "set": case.set, "key": case.key, "url": case.url, "file": case.file.name,
                "half": case.half, "expected": case.date, "ess_crawler": ours,
                "ess_raw": article.published_raw if article is not None else None,
                "htmldate": theirs, "htmldate_ok": verdicts["htmldate"], "error": ess_err,
                "provenance": {k: v for k, v in prov.items() if k.startswith("published")},
            })
        if index % 100 == 0 or index == len(cases):
            print(f"[{case.set}] {index}/{len(cases)}", file=sys.stderr, flush=True)


def markdown_table(run: Run, strip: bool) -> str:
    pages = "stripped of machine dates" if strip else "as served"
    lines = [f"| set ({pages}) | half | dated pages | ess_crawler exact | htmldate exact "
             "| ess_crawler false alarms | htmldate false alarms | ms/page ess / htmldate |",
             "|---|---|---|---|---|---|---|---|"]
    for set_name in SETS:
        for half in ("all", "0", "1"):
            ours = run.tallies.get((set_name, half, "ess_crawler"))
            theirs = run.tallies.get((set_name, half, "htmldate"))
            if ours is None or theirs is None:
                continue
            ms = (f"{1000 * ours.seconds / ours.pages:.1f} / {1000 * theirs.seconds / theirs.pages:.1f}"
                  if ours.pages else "—")
            lines.append(f"| {set_name} | {half} | {ours.dated} | {ours.cell()} | {theirs.cell()} "
                         f"| {ours.alarm_cell()} | {theirs.alarm_cell()} | {ms} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", help="data folder (default: ESS_REALWORLD_DIR or ../shared/data/realworld)")
    parser.add_argument("--only", choices=SETS, help="score only the shared set or only the dev set")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--no-strip", action="store_true", help="score the pages as served (no stripping)")
    parser.add_argument("--failures", type=Path, metavar="FILE",
                        help="write ess_crawler's failures (both answers, provenance) as JSON lines")
    parser.add_argument("--answers", type=Path, metavar="FILE", help="write every page's answers as JSON")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the figures as JSON")
    args = parser.parse_args(argv)

    data_dir = resolve_data_dir(args.data)
    if not (data_dir / "dates.json").is_file():
        print(f"skipped: real-world data folder not found at {data_dir}")
        return 0
    quiet_library_logs()
    extract_article = load_ess_crawler()
    strip = not args.no_strip
    run = Run()
    started = time.perf_counter()
    if args.only in (None, "shared"):
        run_cases(shared_cases(data_dir, args.limit), extract_article, strip, run)
    if args.only in (None, "devset") and (data_dir / "pages").is_dir():
        run_cases(devset_cases(data_dir, args.limit), extract_article, strip, run)
    print(markdown_table(run, strip))
    print(f"\nms/page is process time of the extraction call; {data_dir} — total "
          f"{time.perf_counter() - started:.1f} s")
    if args.failures:
        write_jsonl(args.failures, run.failures)
    if args.answers:
        args.answers.write_text(json.dumps(run.answers, indent=1, ensure_ascii=False) + "\n", "utf-8")
    if args.json:
        payload = {f"{s}:{h}:{n}": t.as_dict() for (s, h, n), t in run.tallies.items()}
        args.json.write_text(json.dumps({"stripped": strip, "tallies": payload}, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
