"""Bad input: non-HTML bytes raise a clear ExtractionError (a UserError); a page cut at the
size limit is marked truncated with a warning naming the limit."""

import logging
import random

import pytest

from ess_crawler.errors import UserError
from ess_crawler.extract import ExtractionError, document, extract_article

URL = "https://www.example.org/article"


def test_extraction_error_is_a_user_error():
    assert issubclass(ExtractionError, UserError)


@pytest.mark.parametrize("data, word", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>", "PDF"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "JPEG"),
    (b"PK\x03\x04\x14\x00\x06\x00" + bytes(100), "ZIP"),
    (b"\x1f\x8b\x08\x00" + bytes(50), "gzip"),
    (bytes(random.Random(7).randrange(256) for _ in range(3000)), "binary"),
    (b"", "empty"),
    ("Juste une phrase, sans balise.", "no HTML tag"),
])
def test_not_html_raises_a_clear_error(data, word):
    with pytest.raises(ExtractionError) as info:
        extract_article(data, URL)
    assert word.lower() in str(info.value).lower()
    assert URL in str(info.value)


def test_page_cut_at_the_size_limit_is_marked(monkeypatch, caplog):
    monkeypatch.setattr(document, "MAX_HTML_CHARS", 2000)
    import ess_crawler.extract as extract

    monkeypatch.setattr(extract, "MAX_HTML_CHARS", 2000)
    para = "<p>Les coopératives d'activité et d'emploi accompagnent les entrepreneurs salariés.</p>"
    html = "<html><body><article><h1>Titre</h1>" + para * 100 + "</article></body></html>"
    with caplog.at_level(logging.WARNING):
        art = extract_article(html, URL)
    assert art.truncated
    assert "2,000" in art.provenance["truncated"]
    assert any("2,000" in r.getMessage() for r in caplog.records)


def test_small_page_is_not_marked_truncated():
    art = extract_article("<html><body><article><p>Un texte court mais complet.</p></article></body></html>", URL)
    assert not art.truncated


@pytest.mark.parametrize("seed", range(12))
def test_noise_holding_tag_like_bytes_is_refused(seed):
    noise = bytearray(random.Random(seed).randbytes(20_000))
    noise[100:103] = b"<p>"  # noise that happens to hold `<p` or `<a` is still noise
    noise[5000:5003] = b"<a "
    with pytest.raises(ExtractionError, match="binary"):
        extract_article(bytes(noise), URL)


def test_latin1_and_legacy_encoded_pages_are_not_taken_for_binary():
    page = ("<html><head><meta charset='windows-1252'><title>Été</title></head><body><p>"
            + "Économie sociale et solidaire à Besançon. " * 50 + "</p></body></html>").encode("cp1252")
    assert extract_article(page, URL).title == "Été"
    page = ("<html><head><meta charset='shift_jis'><title>日本語</title></head><body><p>"
            + "社会的連帯経済のニュース。" * 80 + "</p></body></html>").encode("shift_jis")
    assert extract_article(page, URL).title == "日本語"
