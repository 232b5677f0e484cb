"""French and English dates as ESS sites print them, parsed with python-dateutil.

`25/03/2014`, `lundi 25 novembre 2013`, `Publié le 12 octobre 2020`,
`Mis en ligne le 4 juillet 2017`, `Publié le Mercredi 17 mai 2023 - 15:46`,
`Publié le 11 juillet 2024 - Mise à jour le 20 janvier 2025`, ISO 8601 ...
Values come back as ISO strings: `YYYY-MM-DD` when the text has no time,
a full ISO datetime (with offset when the text gives one) otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateparser

from .document import fold

MIN_YEAR = 1990


class FrenchEnglishParserInfo(dateparser.parserinfo):
    """dateutil vocabulary with French month and day names beside the English ones."""

    JUMP = dateparser.parserinfo.JUMP + [
        "le", "la", "du", "à", "a", "h", "publie", "publié", "mis", "en", "ligne", "par", "de",
    ]
    WEEKDAYS = [
        ("Mon", "Monday", "lun", "lundi"),
        ("Tue", "Tuesday", "mar", "mardi"),
        ("Wed", "Wednesday", "mer", "mercredi"),
        ("Thu", "Thursday", "jeu", "jeudi"),
        ("Fri", "Friday", "ven", "vendredi"),
        ("Sat", "Saturday", "sam", "samedi"),
        ("Sun", "Sunday", "dim", "dimanche"),
    ]
    # English, French, German (met on many real pages), then Italian, Spanish, Portuguese,
    # Dutch and Polish (nominative and the genitive a date uses: `7 kwietnia 2021`), accents
    # folded or not
    MONTHS = [
        ("Jan", "January", "janv", "janvier", "januar", "jänner", "janner",
         "gennaio", "enero", "janeiro", "januari", "styczeń", "stycznia", "styczen"),
        ("Feb", "February", "févr", "fevr", "février", "fevrier", "fév", "fev", "februar",
         "febbraio", "febrero", "fevereiro", "februari", "luty", "lutego"),
        ("Mar", "March", "mars", "märz", "marz", "maerz", "mrz", "mär", "marzo", "março", "marco", "maart",
         "marzec", "marca"),
        ("Apr", "April", "avr", "avril", "aprile", "abril", "kwiecień", "kwietnia", "kwiecien"),
        ("May", "mai", "maggio", "mayo", "maio", "mei", "maj", "maja"),
        ("Jun", "June", "juin", "juni", "giugno", "junio", "junho", "czerwiec", "czerwca"),
        ("Jul", "July", "juil", "juillet", "juli", "luglio", "julio", "julho", "lipiec", "lipca"),
        ("Aug", "August", "août", "aout", "aoû", "agosto", "augustus", "sierpień", "sierpnia", "sierpien"),
        ("Sep", "Sept", "September", "septembre", "settembre", "septiembre", "setiembre", "setembro",
         "wrzesień", "września", "wrzesien", "wrzesnia"),
        ("Oct", "October", "octobre", "oktober", "okt", "ottobre", "octubre", "outubro",
         "październik", "października", "pazdziernik", "pazdziernika"),
        ("Nov", "November", "novembre", "noviembre", "novembro", "listopad", "listopada"),
        ("Dec", "December", "déc", "décembre", "decembre", "dezember", "dez",
         "dicembre", "diciembre", "dezembro", "grudzień", "grudnia", "grudzien"),
    ]


_PARSERINFO = FrenchEnglishParserInfo(dayfirst=True)

_MONTH_WORDS = sorted(
    {name.lower() for names in FrenchEnglishParserInfo.MONTHS for name in names},
    key=len,
    reverse=True,
)
_WEEKDAY_WORDS = sorted(
    {name.lower() for names in FrenchEnglishParserInfo.WEEKDAYS for name in names},
    key=len,
    reverse=True,
)
MONTH_NAMES_RE = "|".join(re.escape(m) for m in _MONTH_WORDS)  # (also the body's date lines)
_WEEKDAY_RE = "|".join(re.escape(w) for w in _WEEKDAY_WORDS)
_TIME_RE = r"(?:\s*(?:,|-|–|à|at|a)?\s*(?P<hour>\d{1,2})\s*[h:]\s*(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"

_FOUR_DIGITS_RE = re.compile(r"\d\D*\d\D*\d\D*\d")
# The forms, most specific first. Each match is handed to dateutil.
# lundi 25 novembre 2013 [à 10h30], 1er mai 2020; `26, Abril, 2022` (commas on both sides
# of the month: one comma alone is a list, `Seite 3, Mai 2020`)
_DAY_MONTH_YEAR_CORE = (
    rf"\b(?:\d{{1,2}})(?:er|st|nd|rd|th|º)?"
    rf"(?:\.?\s+(?:de\s+)?(?:{MONTH_NAMES_RE})\.?,?|,\s*(?:{MONTH_NAMES_RE}),)\s+(?:de\s+)?\d{{4}}"
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?P<text>(?:\b(?:{_WEEKDAY_RE})\.?,?\s+)?{_DAY_MONTH_YEAR_CORE}){_TIME_RE}",
    re.IGNORECASE,
)
# `_DAY_MONTH_YEAR` without its weekday, the same groups: where it matches, found from the day
# number (the optional weekday, tried first at every character, made it the costliest search);
# the weekday is looked for behind the day instead
_DAY_MONTH_YEAR_DAY = re.compile(rf"(?P<text>{_DAY_MONTH_YEAR_CORE}){_TIME_RE}", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(rf"\b(?:{_WEEKDAY_RE})\.?,?\Z", re.IGNORECASE)
_WEEKDAY_SPAN = max(map(len, _WEEKDAY_WORDS)) + 2
# November 25, 2013
_MONTH_DAY_YEAR = re.compile(
    rf"(?P<text>\b(?:{MONTH_NAMES_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}){_TIME_RE}",
    re.IGNORECASE,
)
_PATTERNS = [
    # ISO 8601, with or without time and offset
    re.compile(
        r"(?P<iso>\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
        r"(?:Z|[+-]\d{2}:?\d{2})?)?)(?![\d-])"
    ),
    _DAY_MONTH_YEAR,
    _MONTH_DAY_YEAR,
    # 25/03/2014, 25.03.2014, 25-03-2014 [- 15:46]
    re.compile(r"(?P<text>\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b)" + _TIME_RE),
    # the same parts set apart by a spaced bar or slash, the month as a number or a name:
    # `26 | 01 | 2022`, `29 / Dezember / 2022` (one separator twice, a four-digit year)
    re.compile(rf"(?P<spaced>\b(?P<sd>\d{{1,2}})\s*(?P<sep>[|/])\s*(?P<sm>0[1-9]|1[0-2]|(?:{MONTH_NAMES_RE})\.?)\s*(?P=sep)\s*"
               rf"(?P<sy>(?:19|20)\d{{2}})(?!\d))",
               re.IGNORECASE),
    # novembre 2013 (month precision: kept raw, day unknown) is deliberately not a date
]
# the month-name forms end in white space and the four-digit year: a text without one
# (`Actualité 12/10/2020 ...`) is spared their search, the costliest (case-insensitive
# alternations of every month name)
_SPACED_YEAR_RE = re.compile(r"\s\d{4}")
_SPACED_YEAR_FORMS = frozenset((_DAY_MONTH_YEAR, _MONTH_DAY_YEAR))
# what `_MONTH_DAY_YEAR` holds besides its month: a day after white space, then the year
_DAY_THEN_YEAR_RE = re.compile(r"\s\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}", re.IGNORECASE)


def _day_month_year_matches(text: str):
    """`_DAY_MONTH_YEAR.finditer(text)`, the same matches, located from their day number."""
    pos = 0
    while True:
        day = _DAY_MONTH_YEAR_DAY.search(text, pos)
        if day is None:
            return
        m = day
        end = day.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end < day.start():  # white space before the day: a weekday may end there
            weekday = _WEEKDAY_BEFORE.search(text, max(0, end - _WEEKDAY_SPAN), end)
            if weekday is not None:
                m = _DAY_MONTH_YEAR.match(text, weekday.start())
        yield m
        pos = m.end()


def _matches(pattern: re.Pattern, text: str):
    """`pattern`'s matches in `text`, sparing the searches the text cannot satisfy."""
    if pattern is _DAY_MONTH_YEAR:
        return _day_month_year_matches(text)
    if pattern is _MONTH_DAY_YEAR and _DAY_THEN_YEAR_RE.search(text) is None:
        return ()
    return pattern.finditer(text)


_MODIFIED_LABELS = re.compile(
    r"(mis(?:e)?\s+[aà]\s+jour|modifi[ée]e?|derni[eè]re\s+modification|updated|last\s+modified"
    r"|actualis[ée]e?|letzte\s+[äa]nderung|zuletzt\s+ge[äa]ndert|ge[äa]ndert\s+am|aktualisiert|\bstand\s*:?\s*$)",
    re.IGNORECASE,
)
_PUBLISHED_LABELS = re.compile(
    r"(publi[ée]e?|mis\s+en\s+ligne|posted|published|le\b|cr[ée]{1,2}\s+le|dat[ée]e?\s+du)",
    re.IGNORECASE,
)


@dataclass
class ParsedDate:
    iso: str
    raw: str
    has_time: bool


def _to_iso(value: dt.datetime, has_time: bool) -> str:
    if not has_time:
        return value.date().isoformat()
    return value.isoformat()


def _plausible(value: dt.datetime, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return MIN_YEAR <= value.year and value.date() <= today + dt.timedelta(days=1)


def find_dates(text: str, today: dt.date | None = None) -> list[tuple[int, ParsedDate]]:
    """Every plausible date in `text`, with its position, in order of appearance."""
    if not text or _FOUR_DIGITS_RE.search(text) is None:  # every form has four digits at least
        return []
    text = text.replace("\xa0", " ")
    found: list[tuple[int, ParsedDate]] = []
    taken: list[tuple[int, int]] = []
    spaced_year = _SPACED_YEAR_RE.search(text) is not None
    for pattern in _PATTERNS:
        if not spaced_year and pattern in _SPACED_YEAR_FORMS:
            continue
        for m in _matches(pattern, text):
            start, end = m.span()
            if any(start < e and end > s for s, e in taken):
                continue
            parsed = _parse_cached(pattern.pattern, m)
            if parsed is None or not _plausible(parsed[0], today):
                continue
            value, has_time = parsed
            taken.append((start, end))
            found.append((start, ParsedDate(_to_iso(value, has_time), m.group(0).strip(), has_time)))
    found.sort(key=lambda pair: pair[0])
    return found


_parsed: dict[tuple[str, str], tuple[dt.datetime, bool] | None] = {}

# `mar` is March (`6 mar. 2023`, `Mar 6, 2023`, `Mär.` folded) and Tuesday (`mar.`, mardi) to
# dateutil, which takes the weekday: in a matched date it is the month unless a day number
# follows it within the weekday's place (`mar. 7 mars 2023`)
_MAR_RE = re.compile(r"(?<![^\W\d_])mar(?![^\W\d_])(?!\.?,?\s+\d{1,2}(?:er|st|nd|rd|th|º)?\.?\s+(?:de\s+)?[^\W\d_])")


def _parse_cached(pattern: str, m: re.Match) -> tuple[dt.datetime, bool] | None:
    """`_parse_match`, remembered by form and matched text: listings repeat the same dates."""
    key = (pattern, m.group(0))
    if key not in _parsed:
        if len(_parsed) > 4096:
            _parsed.clear()
        _parsed[key] = _parse_match(m)
    return _parsed[key]


def _parse_match(m: re.Match) -> tuple[dt.datetime, bool] | None:
    groups = m.groupdict()
    try:
        if groups.get("iso"):
            iso = groups["iso"]
            value = dateparser.isoparse(iso.replace(" ", "T"))
            return value, "T" in iso or " " in iso
        numeric = groups.get("sm", "").isdigit()
        text = groups.get("text") or f"{groups['sd']}.{groups['sm']}.{groups['sy']}" if numeric else \
            groups.get("text") or f"{groups['sd']} {groups['sm'].rstrip('.')} {groups['sy']}"
        value = dateparser.parse(
            _MAR_RE.sub("march", fold(text)).replace("1er", "1"),
            parserinfo=_PARSERINFO,
            dayfirst=True,
            fuzzy=True,
            default=dt.datetime(1900, 1, 1),
        )
        has_time = groups.get("hour") is not None
        if has_time:
            value = value.replace(
                hour=int(groups["hour"]),
                minute=int(groups["minute"]),
                second=int(groups.get("second") or 0),
            )
        if value.year < 100:  # two-digit year: 14 -> 2014, 98 -> 1998
            value = value.replace(year=value.year + (2000 if value.year < 70 else 1900))
        return value, has_time
    except (ValueError, OverflowError, TypeError):
        return None


def parse_date(text: str, today: dt.date | None = None) -> ParsedDate | None:
    """The first plausible date in `text`, or None."""
    dates = find_dates(text, today)
    return dates[0][1] if dates else None


def parse_published_modified(
    text: str, today: dt.date | None = None
) -> tuple[ParsedDate | None, ParsedDate | None]:
    """Split a date line into (published, modified).

    `Publié le 11 juillet 2024 - Mise à jour le 20 janvier 2025` gives both; a date
    preceded by an update label ("Mis à jour", "Modifié", "Updated") is the modified
    date, the first other one is the publication date.
    """
    published = modified = None
    previous_end = 0
    text = (text or "").replace("\xa0", " ")
    for start, parsed in find_dates(text, today):
        label_zone = text[previous_end:start]
        if _MODIFIED_LABELS.search(label_zone[-40:]):
            modified = modified or parsed
        elif published is None:
            published = parsed
        previous_end = start + len(parsed.raw)
    return published, modified


def normalise_iso(value: str, today: dt.date | None = None) -> ParsedDate | None:
    """Parse a machine date (`<time datetime>`, JSON-LD, meta) into a ParsedDate."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        parsed = dateparser.isoparse(value)
        has_time = "T" in value or (len(value) > 10 and ":" in value)
    except (ValueError, OverflowError):
        fallback = parse_date(value, today)
        return fallback
    if not _plausible(parsed, today):
        return None
    return ParsedDate(_to_iso(parsed, has_time), value, has_time)
