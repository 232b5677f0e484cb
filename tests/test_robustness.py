"""No input makes extract_article raise anything but ExtractionError, and odd input still extracts."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ess_crawler.extract import ExtractionError, extract_article

URL = "https://www.example.org/article"
TAGS = ["p", "div", "span", "a", "sup", "h1", "h2", "article", "main", "nav", "ul", "li", "time",
        "script", "table", "td", "blockquote", "section", "aside", "footer"]


def _extract_or_refuse(html):
    try:
        return extract_article(html, URL)
    except ExtractionError:
        return None


@st.composite
def html_soup(draw):
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attrs = draw(st.sampled_from(['', ' class="entry-content"', ' href="#nb1"', ' id="nb1"',
                                          ' datetime="2014-03-25"', ' class="notes"', ' rel="tag"']))
            parts.append(f"<{tag}{attrs}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(st.text(max_size=60)))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_soup())
def test_random_markup_never_raises(html):
    _extract_or_refuse(html)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(data):
    _extract_or_refuse(data)


@pytest.mark.parametrize("html", [
    b"", b"   ", "\x00\x00", b"\xff\xfe\x00<\x00h", b"%PDF-1.4 binary \x00\x01\x02",
    "<html><body><p>Coupé en plein mil", "<!-- only a comment -->", "<?xml version='1.0'?><rss/>",
])
def test_empty_binary_and_truncated_input(html):
    _extract_or_refuse(html)


def test_deeply_nested_markup():
    html = "<div>" * 5000 + "<p>Texte au fond de la page, assez long pour compter.</p>" + "</div>" * 5000
    article = _extract_or_refuse(html)
    assert article is None or isinstance(article.body_text, str)


def test_latin1_page_without_charset_is_decoded():
    html = ("<html><head><title>Économie à Besançon</title></head><body><article><h1>Économie à "
            "Besançon</h1><p>Les associations se réunissent à Besançon pour échanger sur leurs "
            "pratiques coopératives et solidaires.</p></article></body></html>").encode("latin-1")
    assert extract_article(html, URL).title == "Économie à Besançon"
