"""Development set for footnotes, related links and dates: precision, recall, F1, exact dates, false alarms.

The annotations (``benchmarks/devset/footnotes.json`` and ``related.json``) were made by
reading the raw HTML of pages in ``../shared/data/realworld/pages`` (never from any
extractor's output): each related URL is an ``<a href>`` of the block under its heading,
resolved against the page URL; each note is its number, the start of its text and its URLs.
Pages marked ``"split": "holdout"`` (or ``"holdout2"``, a second, later holdout, or
``"holdout3"``, a third, scored before any rule was read from it) were annotated after the rules
were written and are scored on their own line each (the others were looked at while writing the
rules: in-sample).
Negative pages say which trap they hold: ``negative:exponents``, ``negative:ordinals``,
``negative:numbered-paragraphs`` (no notes), ``negative:empty-related-widget`` (a related
heading or plugin container with no article links in the served HTML).

Scoring
  related   a predicted URL is right when it is one of the page's annotated URLs
            (compared without fragment, trailing slash, ``www.`` or scheme); micro P/R/F1.
  footnotes a predicted note is right when its number is annotated and its text starts
            with the annotated start (whitespace collapsed); micro P/R/F1, and the same
            for note URLs.
  false-alarm pages: negative pages where anything was predicted (share of negatives).
  dates     ``benchmarks/devset/dates.json``, annotated from the raw HTML of pages that are
            NOT in the shared ``dates.json`` (so not used to tune the date rules): exact-day
            accuracy on dated pages for ess_crawler (``Article.published``, as
            ``eval_realworld.py``) beside htmldate (``find_date(original_date=True)``) in the
            same run; on undated pages (``"date": null``) any date given is a false alarm.

Run from the repository root::

    python benchmarks/eval_devset.py            # both sets, table + per-kind lines
    python benchmarks/eval_devset.py -v         # and every page's misses / extras
    python benchmarks/eval_devset.py --json out.json
    python benchmarks/eval_devset.py --only dates -v   # one part only (links | dates)

The pages are read from ``../shared/data/realworld`` (``--data`` or ``ESS_REALWORLD_DIR``);
when absent, the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
DEVSET = Path(__file__).resolve().parent / "devset"
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "shared/data/realworld"


def norm_url(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def norm_text(text: str) -> str:
    return " ".join((text or "").split())


class PRF:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> str:
        return f"{self.precision:.3f} | {self.recall:.3f} | {self.f1:.3f}"

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def score_related(expected: list[str], article) -> tuple[int, int, int, list[str], list[str]]:
    want = {norm_url(u) for u in expected}
    got = {norm_url(r.url) for r in article.related}
    return len(want & got), len(got - want), len(want - got), sorted(want - got), sorted(got - want)


def score_notes(expected: list[dict], article) -> tuple[tuple[int, int, int], tuple[int, int, int], list[str]]:
    want = {n["number"]: n for n in expected}
    got = {n.number: n for n in article.footnotes}
    tp = fp = 0
    problems = []
    for number, note in got.items():
        exp = want.get(number)
        if exp and norm_text(note.text).startswith(norm_text(exp["start"])):
            tp += 1
        else:
            fp += 1
            problems.append(f"extra/wrong note {number}: {norm_text(note.text)[:50]!r}")
    fn = len(want) - tp
    for number in want:
        if number not in got:
            problems.append(f"missed note {number}: {want[number]['start']!r}")
    u_tp = u_fp = u_fn = 0
    for number, exp in want.items():
        wanted = {norm_url(u) for u in exp.get("urls", [])}
        found = {norm_url(u) for u in got[number].urls} if number in got else set()
        u_tp += len(wanted & found)
        u_fn += len(wanted - found)
        u_fp += len(found - wanted)
    for number, note in got.items():
        if number not in want:
            u_fp += len(note.urls)
    return (tp, fp, fn), (u_tp, u_fp, u_fn), problems


def score_dates(data: Path, verbose: bool) -> dict:
    """Exact-day dates on ``devset/dates.json``: ess_crawler beside htmldate, false alarms on undated pages."""
    from ess_crawler.extract import extract_article

    try:
        from htmldate import find_date
    except ImportError:  # htmldate absent: its column shows n/a
        find_date = None

    systems = {"ess_crawler": lambda raw, url: extract_article(raw, url).published}
    if find_date is not None:
        systems["htmldate"] = lambda raw, url: find_date(raw, url=url, original_date=True)
    cases = json.loads((DEVSET / "dates.json").read_text())
    stats = {name: {"ok": 0, "alarms": 0, "errors": 0, "seconds": 0.0,
                    "by_shown": {}, "failures": []} for name in systems}
    dated = sum(1 for c in cases.values() if c["date"])
    undated = len(cases) - dated
    for name, case in cases.items():
        raw = gzip.decompress((data / "pages" / name).read_bytes())
        for system, run in systems.items():
            st = stats[system]
            start = time.perf_counter()
            try:
                value = run(raw, case["url"])
            except Exception as exc:  # noqa: BLE001 - counted, never hidden
                value = None
                st["errors"] += 1
                st["failures"].append(f"{name}: {type(exc).__name__}: {exc}")
            st["seconds"] += time.perf_counter() - start
            got = str(value)[:10] if value else None
            shown = st["by_shown"].setdefault(case.get("shown", "?"), [0, 0])
            shown[1] += 1
            if case["date"]:
                ok = got == case["date"]
                st["ok"] += ok
            else:
                ok = got is None
                st["alarms"] += not ok
            shown[0] += ok
            if not ok:
                st["failures"].append(f"{name}: expected {case['date']} got {got} ({case['kind']}, "
                                      f"{case.get('shown')}; {case['evidence'][:70]})")
    print("| date dev set | dated pages (+ undated) | system | exact dates | false alarms on undated | ms/page |")
    print("|---|---|---|---|---|---|")
    out: dict[str, dict] = {}
    for system, st in stats.items():
        share = st["ok"] / dated if dated else 1.0
        ms = 1000 * st["seconds"] / len(cases) if cases else 0.0
        print(f"| dates | {dated} (+ {undated}) | {system} | {share:.1%} ({st['ok']}/{dated}) | "
              f"{st['alarms']}/{undated} | {ms:.1f} |")
        out[system] = {"exact": st["ok"], "dated_pages": dated, "undated_pages": undated,
                       "false_alarms": st["alarms"], "errors": st["errors"], "ms_per_page": round(ms, 1),
                       "by_shown": {k: {"ok": v[0], "pages": v[1]} for k, v in st["by_shown"].items()}}
    print()
    for system, st in stats.items():
        print(f"{system}: right by where the date is shown: "
              + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(st["by_shown"].items()))
              + f"; {st['errors']} exceptions")
    if verbose:
        for system, st in stats.items():
            for line in st["failures"]:
                print(f"  {system} {line}")
    return out


def score_links_and_notes(article_for, args, results: dict, lines: list[str]) -> None:
    """The related-links and footnotes sections (table and summary line)."""

    related = json.loads((DEVSET / "related.json").read_text())
    rel, rel_neg, rel_alarm, rel_pos_pages, rel_pos_perfect = PRF(), 0, [], 0, 0
    # each holdout split (annotated after the rules were written) is scored on its own row
    splits: dict[str, dict] = {}
    for name, case in related.items():
        art = article_for(name, case["url"])
        if art is None:
            continue
        tp, fp, fn, missed, extra = score_related(case["related"], art)
        split = case.get("split")
        if split:
            h = splits.setdefault(split, {"prf": PRF(), "pages": 0, "neg": 0, "alarm": 0})
            if case["kind"].startswith("negative"):
                h["neg"] += 1
                h["alarm"] += bool(art.related)
            else:
                h["pages"] += 1
                h["prf"].add(tp, fp, fn)
            if (fp or fn or (case["kind"].startswith("negative") and art.related)) and args.verbose:
                lines.append(f"related ({split}) {name}: missed {missed[:4]} extra {extra[:4]}")
            continue
        if case["kind"].startswith("negative"):
            rel_neg += 1
            if art.related:
                rel_alarm.append(name)
                lines.append(f"related FALSE ALARM {name}: {len(art.related)} links, e.g. {extra[:2]}")
            continue
        rel_pos_pages += 1
        rel_pos_perfect += not (fp or fn)
        rel.add(tp, fp, fn)
        if (fp or fn) and args.verbose:
            lines.append(f"related {name}: missed {missed[:4]} extra {extra[:4]}")
    results["related"] = {**rel.as_dict(), "pages": rel_pos_pages, "pages_exact": rel_pos_perfect,
                          "negative_pages": rel_neg, "false_alarm_pages": len(rel_alarm)}
    for split, h in splits.items():
        key = "related_" + split  # related_holdout, related_holdout2, related_holdout3
        results[key] = {**h["prf"].as_dict(), "pages": h["pages"], "negative_pages": h["neg"],
                        "false_alarm_pages": h["alarm"]}

    # ---------------------------------------------------------------- footnotes
    notes_set = json.loads((DEVSET / "footnotes.json").read_text())
    fn_prf, url_prf, fn_pos_pages = PRF(), PRF(), 0
    alarms: dict[str, list[str]] = {}
    negatives: dict[str, int] = {}
    for name, case in notes_set.items():
        art = article_for(name, case["url"])
        if art is None:
            continue
        kind = case["kind"]
        if kind.startswith("negative"):
            negatives[kind] = negatives.get(kind, 0) + 1
            if art.footnotes:
                alarms.setdefault(kind, []).append(name)
                lines.append(f"footnotes FALSE ALARM ({kind}) {name}: "
                             f"{[(n.number, n.text[:30]) for n in art.footnotes[:3]]}")
            continue
        fn_pos_pages += 1
        counts, url_counts, problems = score_notes(case["notes"], art)
        fn_prf.add(*counts)
        url_prf.add(*url_counts)
        if problems and args.verbose:
            lines.append(f"footnotes {name}: " + "; ".join(problems[:6]))
    neg_total = sum(negatives.values())
    results["footnotes"] = {**fn_prf.as_dict(), "urls": url_prf.as_dict(), "pages": fn_pos_pages,
                            "negative_pages": neg_total,
                            "false_alarm_pages": sum(len(v) for v in alarms.values()),
                            "false_alarms_by_kind": {k: len(alarms.get(k, [])) for k in negatives}}

    print("| dev set | pages (+ negatives) | precision | recall | F1 | false-alarm pages |")
    print("|---|---|---|---|---|---|")
    print(f"| related links | {rel_pos_pages} (+ {rel_neg}) | {rel.row()} | {len(rel_alarm)}/{rel_neg} |")
    for split, h in sorted(splits.items()):
        print(f"| related links, {split} | {h['pages']} (+ {h['neg']}) | {h['prf'].row()} | {h['alarm']}/{h['neg']} |")
    print(f"| footnotes | {fn_pos_pages} (+ {neg_total}) | {fn_prf.row()} | "
          f"{results['footnotes']['false_alarm_pages']}/{neg_total} |")
    print(f"| footnote URLs | {fn_pos_pages} | {url_prf.row()} | — |")
    print()
    print(f"related: {rel.tp + rel.fn} annotated links, {rel_pos_perfect}/{rel_pos_pages} pages exact; "
          f"footnotes: {fn_prf.tp + fn_prf.fn} annotated notes; negatives by kind: "
          + ", ".join(f"{k.split(':')[1]} {len(alarms.get(k, []))}/{n}" for k, n in negatives.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", help="realworld data folder (default ../shared/data/realworld)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the figures as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every page's misses and extras")
    parser.add_argument("--only", choices=("links", "dates"),
                        help="score only related links + footnotes, or only dates (default: all)")
    args = parser.parse_args(argv)
    data = Path(args.data or os.environ.get("ESS_REALWORLD_DIR") or DEFAULT_DATA_DIR)
    if not (data / "pages").is_dir():
        print(f"no real-world pages at {data}: nothing to score")
        return 0
    sys.path.insert(0, str(REPO_ROOT))
    logging.disable(logging.WARNING)
    from ess_crawler.extract import extract_article

    cache: dict[str, object] = {}
    seconds = 0.0
    exceptions: list[str] = []

    def article_for(name: str, url: str):
        nonlocal seconds
        if name not in cache:
            raw = gzip.decompress((data / "pages" / name).read_bytes())
            start = time.perf_counter()
            try:
                cache[name] = extract_article(raw, url)
            except Exception as exc:  # noqa: BLE001 - counted, never hidden
                exceptions.append(f"{name}: {type(exc).__name__}: {exc}")
                cache[name] = None
            seconds += time.perf_counter() - start
        return cache[name]

    results: dict[str, dict] = {}
    lines: list[str] = []
    if args.only != "dates":
        score_links_and_notes(article_for, args, results, lines)
        pages = len(cache)
        results["ms_per_page"] = round(1000 * seconds / pages, 1) if pages else 0.0
        results["exceptions"] = exceptions
        print(f"ess_crawler: {results['ms_per_page']} ms/page over {pages} pages, {len(exceptions)} exceptions")
        for line in lines + exceptions:
            print("  " + line)
    if args.only != "links":
        if args.only is None:
            print()
        results["dates"] = score_dates(data, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
