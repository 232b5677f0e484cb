"""body_html and body_text say the same thing: a lead taken out of the text is out of the HTML too."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from ess_crawler.extract import ExtractionError, extract_article

SAMPLES = Path(__file__).resolve().parent.parent / "ess_crawler" / "demo" / "sites"
PAGES = sorted(SAMPLES.rglob("*.html"))


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_generic_path_keeps_the_lead_out_of_both_bodies(path):
    """Without a profile (the generic path, as `extract` without --site), on every sample page."""
    try:
        article = extract_article(path.read_bytes(), "https://example.org/page")
    except ExtractionError:
        pytest.skip("not an article")
    if not article.lead or not article.body_html:
        return
    lead = _words(article.lead)[:60]
    html_text = _words(lxml_html.fromstring(f"<div>{article.body_html}</div>").text_content())
    assert (lead in html_text) == (lead in _words(article.body_text)), "lead in one body and not the other"
