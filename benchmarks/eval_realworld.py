"""Real-world extraction benchmark: ess_crawler against trafilatura and htmldate.

Measures, on real pages nobody in this project wrote (taken from the public
test suites of trafilatura and htmldate, stored in ``../shared/data/realworld``):

* **body**: share of pages whose extracted text contains every ``with``
  snippet and no ``without`` snippet (``bodies.json``). Matching is an exact,
  case-sensitive substring test after collapsing all whitespace to single
  spaces on both sides. Systems: ``ess_crawler`` (``extract_article``) and
  ``trafilatura`` (``trafilatura.extract`` with ``include_comments=False``).
* **dates**: share of pages whose publication date (``YYYY-MM-DD`` part only)
  equals the expected one (``dates.json``). Systems: ``ess_crawler``
  (``Article.published``) and ``htmldate`` (``find_date(original_date=True)``).
* **speed**: milliseconds per page of the extraction call alone (gunzip not
  included), measured with ``time.perf_counter``.
* **exceptions**: calls that raised; such a page counts as a failure.

All systems receive the raw page bytes and detect the charset themselves.

Run from the repository root::

    python benchmarks/eval_realworld.py
    python benchmarks/eval_realworld.py --limit 50 --only body
    python benchmarks/eval_realworld.py --json out.json --failures fails.jsonl

The data folder defaults to ``../shared/data/realworld`` next to the
repository; override it with ``--data DIR`` or ``ESS_REALWORLD_DIR``. If it
is absent the script prints a one-line notice and exits 0. If
``ess_crawler.extract`` cannot be imported, its columns show ``n/a``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "shared/data/realworld"
PROGRESS_EVERY = 50
SETS = ("body", "dates")

# A system takes (page bytes, url) and returns text (body set) or a date string.
Extractor = Callable[[bytes, str], str | None]


@dataclass
class Case:
    key: str
    url: str
    file: Path
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    date: str | None = None


@dataclass
class Score:
    ok: int = 0
    total: int = 0
    seconds: float = 0.0
    exceptions: int = 0

    @property
    def share(self) -> float:
        return self.ok / self.total if self.total else 0.0

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "total": self.total,
            "share": round(self.share, 4),
            "ms_per_page": round(self.ms_per_page, 2),
            "exceptions": self.exceptions,
        }


@dataclass
class Outcome:
    value: str | None
    seconds: float
    error: str | None = None


# --------------------------------------------------------------------------- data


def resolve_data_dir(cli_value: str | None) -> Path:
    if cli_value:
        return Path(cli_value)
    env = os.environ.get("ESS_REALWORLD_DIR")
    return Path(env) if env else DEFAULT_DATA_DIR


def plausible_url(key: str) -> str:
    """Keys like 'hard::site.com-slug.html' are not URLs; invent one."""
    if key.startswith(("http://", "https://")):
        return key
    return "https://example.org/" + key.split("::", 1)[-1]


def load_cases(data_dir: Path, name: str, limit: int | None) -> list[Case]:
    entries: dict[str, dict[str, Any]] = json.loads((data_dir / name).read_text("utf-8"))
    cases = [
        Case(
            key=key,
            url=plausible_url(key),
            file=data_dir / entry["file"],
            with_=list(entry.get("with", [])),
            without=list(entry.get("without", [])),
            date=entry.get("date"),
        )
        for key, entry in entries.items()
    ]
    return cases[:limit] if limit is not None else cases


def read_page(case: Case) -> bytes:
    return gzip.decompress(case.file.read_bytes())


# ------------------------------------------------------------------------ systems


def load_ess_crawler() -> Callable[..., Any] | None:
    """Return extract_article, or None (with a warning) if it cannot be imported."""
    for candidate in (REPO_ROOT / "src", REPO_ROOT):
        if (candidate / "ess_crawler").is_dir() and str(candidate) not in sys.path:
            sys.path.insert(0, str(candidate))
    try:
        from ess_crawler.extract import extract_article
    except Exception as exc:  # ImportError, or an error raised while importing
        print(
            f"warning: cannot import ess_crawler.extract ({type(exc).__name__}: {exc}); "
            "ess_crawler columns show n/a",
            file=sys.stderr,
        )
        return None
    return extract_article


def ess_body(extract_article: Callable[..., Any]) -> Extractor:
    """The article's text as a reader sees it: the lead (chapô) then the body.

    ess_crawler keeps the lead in its own field; trafilatura's text includes it.
    """

    def text(html: bytes, url: str) -> str:
        article = extract_article(html, url)
        return "\n\n".join(part for part in (article.lead, article.body_text) if part)

    return text


def ess_date(extract_article: Callable[..., Any]) -> Extractor:
    return lambda html, url: extract_article(html, url).published


def trafilatura_body(html: bytes, url: str) -> str | None:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False)


def htmldate_date(html: bytes, url: str) -> str | None:
    from htmldate import find_date

    return find_date(html, url=url, original_date=True)


def build_systems(
    extract_article: Callable[..., Any] | None,
) -> dict[str, dict[str, Extractor | None]]:
    """system name -> set name -> extractor (None: not available, i.e. n/a)."""
    ess = extract_article
    return {
        "ess_crawler": {
            "body": ess_body(ess) if ess else None,
            "dates": ess_date(ess) if ess else None,
        },
        "trafilatura": {"body": trafilatura_body},
        "htmldate": {"dates": htmldate_date},
    }


def run_one(extractor: Extractor, html: bytes, url: str) -> Outcome:
    start = time.perf_counter()
    try:
        value = extractor(html, url)
    except Exception as exc:  # every failure of a system counts, none aborts the run
        return Outcome(None, time.perf_counter() - start, f"{type(exc).__name__}: {exc}")
    return Outcome(value, time.perf_counter() - start)


# ------------------------------------------------------------------------ scoring


def normalise(text: str) -> str:
    return " ".join(text.split())


def judge_body(case: Case, text: str | None) -> dict[str, list[str]]:
    body = normalise(text or "")
    return {
        "missing": [s for s in case.with_ if normalise(s) not in body],
        "unwanted": [s for s in case.without if normalise(s) in body],
    }


def judge_date(value: str | None) -> str | None:
    """Return the YYYY-MM-DD part of the extracted value (None if nothing)."""
    return str(value)[:10] if value else None


def evaluate_case(kind: str, case: Case, outcome: Outcome) -> tuple[bool, dict[str, Any]]:
    """Return (ok, failure details) for one system on one page."""
    details: dict[str, Any] = {"kind": kind, "url": case.key, "file": case.file.name}
    if outcome.error:
        details["error"] = outcome.error
    if kind == "body":
        verdict = judge_body(case, outcome.value)
        details.update(verdict, body_chars=len(outcome.value or ""))
        ok = outcome.error is None and not verdict["missing"] and not verdict["unwanted"]
    else:
        got = judge_date(outcome.value)
        details.update(expected=case.date, got=got, raw=outcome.value)
        ok = outcome.error is None and got == case.date
    return ok, details


def run_set(
    kind: str,
    cases: list[Case],
    systems: dict[str, dict[str, Extractor | None]],
    failures: list[dict[str, Any]] | None,
) -> dict[str, Score]:
    active: dict[str, Extractor] = {
        name: extractor
        for name, per_set in systems.items()
        if (extractor := per_set.get(kind)) is not None
    }
    scores = {name: Score() for name in active}
    warm_up(active, cases)
    for index, case in enumerate(cases, 1):
        html = read_page(case)
        verdicts: dict[str, tuple[bool, dict[str, Any]]] = {}
        for name, extractor in active.items():
            outcome = run_one(extractor, html, case.url)
            ok, details = evaluate_case(kind, case, outcome)
            update_score(scores[name], ok, outcome)
            verdicts[name] = (ok, details)
        record_failure(failures, verdicts)
        report_progress(kind, index, len(cases))
    return scores


def warm_up(active: dict[str, Extractor], cases: list[Case]) -> None:
    """One untimed call per system so lazy imports and caches don't skew ms/page."""
    if cases:
        html = read_page(cases[0])
        for extractor in active.values():
            run_one(extractor, html, cases[0].url)


def update_score(score: Score, ok: bool, outcome: Outcome) -> None:
    score.total += 1
    score.ok += ok
    score.seconds += outcome.seconds
    score.exceptions += outcome.error is not None


def record_failure(
    failures: list[dict[str, Any]] | None,
    verdicts: dict[str, tuple[bool, dict[str, Any]]],
) -> None:
    """Keep ess_crawler's failures, noting whether the reference system got it right."""
    if failures is None or "ess_crawler" not in verdicts:
        return
    ok, details = verdicts["ess_crawler"]
    if ok:
        return
    references = {name: good for name, (good, _) in verdicts.items() if name != "ess_crawler"}
    failures.append({**details, "reference_ok": references})


def report_progress(kind: str, index: int, total: int) -> None:
    if index % PROGRESS_EVERY == 0 or index == total:
        print(f"[{kind}] {index}/{total}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------- output


def cell_share(score: Score | None) -> str:
    return f"{score.share:.1%} ({score.ok}/{score.total})" if score else "—"


def cell_ms(score: Score | None) -> str:
    return f"{score.ms_per_page:.1f}" if score else "—"


def markdown_table(
    results: dict[str, dict[str, Score]],
    systems: dict[str, dict[str, Extractor | None]],
) -> str:
    lines = [
        "| system | body pages ok | dates exact "
        "| ms/page body set | ms/page date set | exceptions |",
        "|---|---|---|---|---|---|",
    ]
    for name, per_set in systems.items():
        if per_set and all(extractor is None for extractor in per_set.values()):
            lines.append(f"| {name} | n/a | n/a | n/a | n/a | n/a |")
            continue
        body = results.get("body", {}).get(name)
        dates = results.get("dates", {}).get(name)
        ran = [s for s in (body, dates) if s]
        exceptions = str(sum(s.exceptions for s in ran)) if ran else "—"
        lines.append(
            f"| {name} | {cell_share(body)} | {cell_share(dates)} "
            f"| {cell_ms(body)} | {cell_ms(dates)} | {exceptions} |"
        )
    return "\n".join(lines)


def results_json(
    results: dict[str, dict[str, Score]],
    data_dir: Path,
    ess_available: bool,
    elapsed: float,
) -> dict[str, Any]:
    return {
        "data_dir": str(data_dir),
        "ess_crawler_available": ess_available,
        "elapsed_seconds": round(elapsed, 2),
        "sets": {
            kind: {name: score.as_dict() for name, score in scores.items()}
            for kind, scores in results.items()
        },
    }


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--data", help="data folder (default: ESS_REALWORLD_DIR or ../shared/data/realworld)"
    )
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--only", choices=SETS, help="run only the body or the dates set")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the numbers as JSON")
    parser.add_argument(
        "--failures", type=Path, metavar="FILE", help="write ess_crawler failures as JSON lines"
    )
    return parser.parse_args(argv)


def quiet_library_logs() -> None:
    for name in ("trafilatura", "htmldate", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.ERROR)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir = resolve_data_dir(args.data)
    if not (data_dir / "bodies.json").is_file() and not (data_dir / "dates.json").is_file():
        print(f"skipped: real-world data folder not found at {data_dir}")
        return 0

    quiet_library_logs()
    extract_article = load_ess_crawler()
    systems = build_systems(extract_article)
    failures: list[dict[str, Any]] | None = [] if args.failures else None
    files = {"body": "bodies.json", "dates": "dates.json"}

    started = time.perf_counter()
    results: dict[str, dict[str, Score]] = {}
    for kind in SETS:
        if (args.only and kind != args.only) or not (data_dir / files[kind]).is_file():
            continue
        cases = load_cases(data_dir, files[kind], args.limit)
        results[kind] = run_set(kind, cases, systems, failures)
    elapsed = time.perf_counter() - started

    print(markdown_table(results, systems))
    body = results.get("body", {})
    ours, theirs = body.get("ess_crawler"), body.get("trafilatura")
    if ours and theirs and theirs.ms_per_page:
        # both timed page by page, alternately, in this same run: the ratio is the comparable figure
        print(f"\ntime per page, body set: ess_crawler {ours.ms_per_page:.1f} ms, trafilatura "
              f"{theirs.ms_per_page:.1f} ms: {ours.ms_per_page / theirs.ms_per_page:.2f}x")
    print(f"\n{data_dir} — total {elapsed:.1f} s")
    if args.json:
        payload = results_json(results, data_dir, extract_article is not None, elapsed)
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    if failures is not None:
        write_jsonl(args.failures, failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
