"""Dates, datelines and bylines in page text and URLs.

Reads a full written date (French or English month names, day-first numeric
dates, ISO), a line that is only a dateline or a byline ("Publié le 14
octobre 2024 à 10h", "By Jane Doe"), an agency dateline opening a paragraph
("May 4 (Reuters) - ") and a date in a URL path. Words are matched by
per-language patterns only, never by names of sites or people.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_FR_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "decembre": 12, "déc": 12,
}  # fmt: skip
_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTHS = {**_FR_MONTHS, **_EN_MONTHS}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?"
)
_DATE = (
    rf"(?:(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<d3>\d{1,2})[/.](?P<m3>\d{1,2})[/.](?P<y3>\d{4})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2}))(?!\d)"
)
_TIME = (
    r"(?:\s*(?:[-–,|]|à|at)?\s*\d{1,2}\s*[:hH]\s*\d{0,2}"
    r"(?:\s*[aApP]\.?[mM]\.?)?(?:\s+[A-Z]{2,5}\b)?)?"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)

_UP = "A-ZÀ-ÖØ-Þ"
_NAME = rf"[{_UP}][\w'’.-]*(?:\s+(?:de |van |von |le |da |del )?[{_UP}][\w'’.-]*){{0,3}}"
_PUBLISHED = r"(?:publié|mis à jour|modifié|actualisé|published|updated|posted|last updated)"
_DATELINE_RES = (
    # "information fournie par <Publisher> avec <X> 14/10/2024 à 16:29"
    re.compile(
        rf"^(?i:(?:informations? |article |contenu )?fourni[es]* par)\s+(?P<pub>.+?)"
        rf"(?:\s+avec\s+.+?)?\s+(?P<date>(?i:{_DATE})){_TIME}\s*$"
    ),
    # "Publié le 14 octobre 2024 à 10h", "Jane DoeUpdated: Monday, September 01, 2025, 09:32 AM IST"
    re.compile(
        rf"^(?:(?i:by|par)\s+)?(?:(?P<author>{_NAME})\s*[,|–-]?\s*)?(?P<label>(?i:{_PUBLISHED}))"
        rf"(?i:\s+(?:on|le))?\s*:?\s*(?P<date>(?i:{_WEEKDAY}{_DATE})){_TIME}"
        rf"(?:\s*[,|–-]\s*(?i:{_PUBLISHED}).*)?\s*$"
    ),
    # "By Jane Doe | March 12, 2031 | 5 min read", "Par Jean Dupont • 12 mars 2031 à 10h"
    re.compile(
        rf"^(?i:by|par)\s+(?P<author>{_NAME})\s*[|·•–—,-]\s*(?:(?P<label>(?i:{_PUBLISHED}))"
        rf"(?i:\s+(?:on|le))?\s*:?\s*)?(?P<date>(?i:{_WEEKDAY}{_DATE})){_TIME}"
        r"(?:\s*[|·•–—-]\s*[^|·•]{1,40})?\s*$"
    ),
    # a line that is only a date (and a time, and at most a short section label)
    re.compile(
        rf"^(?P<date>(?i:{_WEEKDAY}{_DATE})){_TIME}\s*[-–|]?\s*"
        r"(?P<rest>(?:[^\W\d_][\w'’&-]*\s*){0,3})$"
    ),
)
# an interview's byline too ("Propos recueillis par X")
_BYLINE_OPENER = r"(?:By|BY|Par|PAR|Propos recueillis par|Interview(?:ed)? by)"
_BYLINE_RE = re.compile(
    rf"^{_BYLINE_OPENER}\s+(?P<author>{_NAME}(?:\s*(?:,|and|et|&)\s*{_NAME})*)"
    r"(?:\s*[,|–-]\s*[^,|]{1,40})?\s*$"
)
_AGENCY_DATELINE_RE = re.compile(
    rf"^(?:[{_UP}][{_UP} .'’-]+(?:,\s*[\w .]+?)?,\s+)?(?P<date>(?i:{_MONTH})\s+\d{{1,2}}"
    rf"(?:,?\s+(?P<year>\d{{4}}))?)?\s*\((?P<agency>[{_UP}][\w .&-]{{1,30}})\)\s*[-–—]{{1,2}}\s"
)


@dataclass(frozen=True)
class Dateline:
    """What a dateline or byline says: publication date, publisher, author, as written."""

    evidence: str
    published: date | None = None
    publisher: str | None = None
    author: str | None = None
    is_update: bool = False


def parse_date(text: str) -> date | None:
    """The first full date (day, month, year) written in ``text``, or None.

    Reads "14 octobre 2024", "1er mai 2024", "September 01, 2025", "20 June 2024",
    "14/10/2024" (day first), "15.02.2026" and ISO "2024-10-14".

    >>> parse_date("Publié le 1er mai 2024 à 10h")
    datetime.date(2024, 5, 1)
    >>> parse_date("Updated: Monday, September 01, 2025")
    datetime.date(2025, 9, 1)
    >>> parse_date("31/02/2024") is None
    True
    """
    match = _DATE_RE.search(text)
    return _match_date(match) if match else None


def _match_date(match: re.Match[str]) -> date | None:
    """The date of a ``_DATE`` match, or None when it is not a real calendar day."""
    groups = match.groupdict()
    for n in "1234":
        if groups.get(f"y{n}"):
            month_text = groups[f"m{n}"].lower().rstrip(".")
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
            return _valid_date(int(groups[f"y{n}"]), month, int(groups[f"d{n}"]))
    return None


def _valid_date(year: int, month: int, day: int) -> date | None:
    if not (1800 <= year <= 2200 and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


_URL_DATE_RES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[-_.])"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:/|$|[-_.])"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d\d)(?P<d>\d\d)/"),
)


def date_from_url(url: str) -> tuple[date, str] | None:
    """The date a URL path carries (``/2023/05/09/``, ``/2022-09-01/``, ``/2024/1018/``).

    Returns the date and the matched part of the URL, or None.

    >>> date_from_url("https://example.org/monde/2022-09-01/some-title")
    (datetime.date(2022, 9, 1), '/2022-09-01/')
    """
    for pattern in _URL_DATE_RES:
        match = pattern.search(url)
        found = _ymd(match) if match else None
        if match and found:
            return found, match.group(0)
    return None


def _ymd(match: re.Match[str]) -> date | None:
    """The calendar day of a match's ``y``, ``m`` (a number or an English month's
    name) and ``d`` groups, or None when there is no such day."""
    month = match["m"].lower()
    number = int(month) if month.isdigit() else _EN_MONTHS[month]
    return _valid_date(int(match["y"]), number, int(match["d"]))


_NAME_MONTHS = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
_NAME_DATE_RES = (
    re.compile(r"(?:^|[-_./])(?P<y>(?:19|20)\d\d)[-_](?P<m>\d\d)[-_](?P<d>\d\d)(?=[-_./]|$)"),
    re.compile(
        rf"(?:^|[-_./])(?P<y>(?:19|20)\d\d)[-_](?P<m>{_NAME_MONTHS})[-_](?P<d>\d{{1,2}})(?=[-_./]|$)",
        re.IGNORECASE,
    ),
)


def date_from_file_name(name: str) -> tuple[date, str] | None:
    """The date in the name of a saved page that its address carried, its slashes
    turned to dashes as a browser or a crawler names the file
    ("www-example-com-2022-05-06-title.txt", "news-2022-apr-22-title.txt").

    Only a whole year-month-day counts: a year alone ("…-2025-oman-…") may be
    the topic's, a number of digits an article id. Returns the date and the
    matched part of the name, or None.

    >>> date_from_file_name("09_www-example-tt-2022-04-28-motion-defeated.txt")
    (datetime.date(2022, 4, 28), '2022-04-28')
    >>> date_from_file_name("news-2022-apr-22-two-more.txt")
    (datetime.date(2022, 4, 22), '2022-apr-22')
    >>> date_from_file_name("12_coast-guards-2024-patrol.txt") is None
    True
    """
    stem = name.rsplit("/", 1)[-1]
    for pattern in _NAME_DATE_RES:
        for match in pattern.finditer(stem):
            found = _ymd(match)
            if found:
                return found, match.group(0).lstrip("-_./")
    return None


def spot_dateline(line: str) -> Dateline | None:
    """Read a line that is only a dateline or a byline; None for any other line.

    >>> spot_dateline("Publié le 14 octobre 2024 à 10h").published
    datetime.date(2024, 10, 14)
    >>> spot_dateline("By Jane Doe").author
    'Jane Doe'
    """
    line = line.strip()
    if len(line) > 160:
        return None
    for pattern in _DATELINE_RES:
        match = pattern.match(line)
        if match:
            return _dateline_from(match, line)
    byline = _BYLINE_RE.match(line)
    return Dateline(evidence=line, author=byline["author"]) if byline else None


def _dateline_from(match: re.Match[str], line: str) -> Dateline:
    groups = match.groupdict()
    author = (groups.get("author") or "").strip(" ,|-–")
    label = (groups.get("label") or "").lower()
    return Dateline(
        evidence=line,
        published=parse_date(match["date"]),
        publisher=(groups.get("pub") or "").strip() or None,
        author=author if re.search(r"[^\W\d_]", author) else None,
        is_update=label not in ("", "publié", "published", "posted"),
    )


def spot_agency_dateline(paragraph: str) -> Dateline | None:
    """Read an agency dateline opening a paragraph: "May 4 (Reuters) - ", "LYON, July 30 (AP) --".

    The line stays in the body (it opens the first sentence). The date is kept
    only when the year is written.

    >>> spot_agency_dateline("May 4 (Reuters) - Talks resumed in Geneva.").publisher
    'Reuters'
    """
    match = _AGENCY_DATELINE_RE.match(paragraph)
    if not match:
        return None
    published = parse_date(match["date"]) if match["year"] else None
    return Dateline(evidence=match.group(0).strip(), published=published, publisher=match["agency"])
