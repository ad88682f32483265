"""Display: :func:`describe_interval` gives the short label of an interval shown
in the UI ("14 Oct 2024", "early October 2024", "winter 2024–25"), in the
language asked for, from the month names and qualifier words of its file's
``[display]`` section.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from graph.languages import BY_CODE, Display

_FALLBACK: Final = "en"  # the labels of a language that is not registered


def _display(lang: str) -> Display:
    return BY_CODE[lang].display


def _day_text(d: date, lang: str, year: bool = True) -> str:
    month = _display(lang).month_abbreviations[d.month - 1]
    return f"{d.day} {month} {d.year}" if year else f"{d.day} {month}"


def _month_text(d: date, lang: str) -> str:
    return f"{_display(lang).months[d.month - 1]} {d.year}"


def _range_text(begin: date, last: date, lang: str) -> str:
    if begin == last:
        return _day_text(begin, lang)
    if (begin.year, begin.month) == (last.year, last.month):
        return f"{begin.day}–{_day_text(last, lang)}"
    return f"{_day_text(begin, lang, year=begin.year != last.year)} – {_day_text(last, lang)}"


def describe_interval(begin: date, last: date, granularity: str, language: str = "en") -> str:
    """The human form of an interval, as shown in the UI.

    Args:
        begin: First day of the interval.
        last: Last day of the interval (inclusive).
        granularity: A ``graph.types.Granularity`` value; unknown ones show the range.
        language: a registered code (``"en"``, the default, for any other).

    Returns:
        A short label such as "14 Oct 2024", "May 2024" or "early October 2024".

    Examples:
        >>> describe_interval(date(2022, 8, 30), date(2022, 9, 5), "days")
        '30 Aug – 5 Sep 2022'
        >>> describe_interval(date(2024, 10, 1), date(2024, 10, 10), "early-month")
        'early October 2024'
        >>> describe_interval(date(2026, 1, 13), date(2026, 1, 26), "days-before")
        'a few days before 27 Jan 2026 (13–26 Jan 2026)'
        >>> describe_interval(date(2026, 1, 25), date(2026, 1, 27), "reported")
        'reported by 27 Jan 2026'
    """
    lang = language[:2].lower() if language[:2].lower() in BY_CODE else _FALLBACK
    words = _display(lang).words
    if last < begin:
        begin, last = last, begin
    if granularity == "day":
        return _range_text(begin, last, lang)
    if granularity in {"week", "about-day"}:
        if granularity == "week" and begin.weekday() == 0 and (last - begin).days == 6:
            return words["week"].format(_day_text(begin, lang))
        return words["about"].format(_day_text(begin + (last - begin) / 2, lang))
    if granularity == "month" and (begin.year, begin.month) == (last.year, last.month):
        return _month_text(begin, lang)
    if granularity in {"early-month", "mid-month", "late-month"}:
        return words[granularity].format(_month_text(begin, lang))
    if granularity == "season":
        season = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}.get(begin.month)
        if season:
            span = (
                f"{begin.year}"
                if begin.year == last.year
                else f"{begin.year}–{last.year % 100:02d}"
            )
            return f"{words[season]} {span}"
    if granularity == "year":
        return f"{begin.year}" if begin.year == last.year else f"{begin.year}–{last.year}"
    if granularity == "days-before":
        return f"{words['days-before'].format(_day_text(last + timedelta(1), lang))} " \
               f"({_range_text(begin, last, lang)})"  # fmt: skip
    if granularity in {"reported", "planned"}:
        return words[granularity].format(_day_text(last if granularity == "reported" else begin,
                                                   lang))  # fmt: skip
    if granularity == "days-after":
        return f"{words['days-after'].format(_day_text(begin - timedelta(1), lang))} " \
               f"({_range_text(begin, last, lang)})"  # fmt: skip
    return _range_text(begin, last, lang)
