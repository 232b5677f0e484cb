"""Saved-page cases: one folder per page under tests/cases/ (page.html or a bundled sample, case.json).

Each case states only what it is about; a failure names the case and the field.
Add a case by saving a page and writing the fields you expect.
"""

import json
from pathlib import Path

import pytest

from ess_crawler.extract import extract_article
from ess_crawler.profiles import get_profile

CASES = Path(__file__).parent / "cases"
SAMPLES = Path(__file__).resolve().parent.parent / "ess_crawler" / "demo" / "sites"


def load(case_dir: Path):
    case = json.loads((case_dir / "case.json").read_text())
    page = SAMPLES / case["sample"] if "sample" in case else case_dir / "page.html"
    profile = get_profile(case["site"]) if case.get("site") else None
    return case, extract_article(page.read_bytes(), case["url"], profile)


def observed(article, key):
    """The value a case key speaks about."""
    derived = {
        "footnote_numbers": lambda a: [n.number for n in a.footnotes],
        "footnote_urls": lambda a: [n.urls for n in a.footnotes],
        "footnote_texts_start": lambda a: [n.text for n in a.footnotes],
        "related_titles": lambda a: [r.title for r in a.related],
        "related_dates": lambda a: [r.date for r in a.related],
        "related_count": lambda a: len(a.related),
        "related_headings": lambda a: sorted({r.heading for r in a.related}),
        "lead_startswith": lambda a: a.lead,
    }
    return derived[key](article) if key in derived else getattr(article, key)


@pytest.mark.parametrize("case_dir", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_case(case_dir):
    case, article = load(case_dir)
    failures = []
    for key, expected in case["expect"].items():
        if key == "body_contains":
            missing = [s for s in expected if s not in " ".join(article.body_text.split())]
            if missing:
                failures.append(f"body_text lacks {missing}")
        elif key == "body_excludes":
            present = [s for s in expected if s in article.body_text]
            if present:
                failures.append(f"body_text should not hold {present}")
        elif key == "lead_startswith":
            if not article.lead.startswith(expected):
                failures.append(f"lead: {article.lead[:80]!r} does not start with {expected!r}")
        elif key == "footnote_texts_start":
            got = observed(article, key)
            if len(got) != len(expected) or any(not g.startswith(e) for g, e in zip(got, expected, strict=True)):
                failures.append(f"footnote texts: {got!r}, expected to start with {expected!r}")
        elif key == "related_headings":
            if sorted(expected) != observed(article, key):
                failures.append(f"related headings: {observed(article, key)!r} != {sorted(expected)!r}")
        else:
            got = observed(article, key)
            if got != expected:
                failures.append(f"{key}: got {got!r}, expected {expected!r}")
    assert not failures, f"{case_dir.name} ({case.get('why', '')}):\n  " + "\n  ".join(failures)
