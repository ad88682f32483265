"""Calendar arithmetic on days, free of any wording: dates that may not exist,
month ends and shifts, the year that puts a day nearest an anchor, the weekday
or month meant on one side of an anchor, meteorological seasons, and the
interval a number of days, weeks, months or years before or after an anchor.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Final

from graph.extract.dates.context import _Res
from graph.extract.dates.vocabulary import _SEASON_START, _VAGUE
from graph.types import Relation

_EN_WEEKDAY_NAMES: Final = list(calendar.day_name)


def _safe_date(y: int, m: int, d: int) -> date | None:
    if not (1000 <= y <= 2200 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    if d > calendar.monthrange(y, m)[1]:
        return None
    return date(y, m, d)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def _nearest_year(anchor: date, month: int, day: int) -> date | None:
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    options = [d for y in years if (d := _safe_date(y, month, day))]
    return min(options, key=lambda d: (abs((d - anchor).days), d)) if options else None


def _weekday_conflict(text: str, day: date, weekday: int | None) -> str | None:
    if weekday is None or day.weekday() == weekday:
        return None
    return f"{text}: {day.isoformat()} is a {_EN_WEEKDAY_NAMES[day.weekday()]}"


def _shift(d: date, days: int) -> date:
    return d + timedelta(days=days)


def _offset(anchor: date, n: int, unit: str, sign: int) -> _Res | None:
    """The interval ``n`` units before (``sign`` -1) or after (+1) ``anchor``."""
    relation: Relation = "after-anchor" if sign > 0 else "before-anchor"
    if n == 0:
        return None
    if unit in {"day", "week"} and n == _VAGUE:
        near, far = (1, 14) if unit == "day" else (14, 56)
        if sign > 0:
            return _Res(_shift(anchor, near), _shift(anchor, far), "days-after", relation=relation)
        return _Res(_shift(anchor, -far), _shift(anchor, -near), "days-before", relation=relation)
    if n == _VAGUE:
        return None  # "quelques mois": too vague to place
    if unit == "day":
        centre = _shift(anchor, sign * n)
        return _Res(centre, centre, "about-day", relation=relation)
    if unit == "week":
        centre = _shift(anchor, sign * 7 * n)
        return _Res(_shift(centre, -2), _shift(centre, 2), "week", relation=relation)
    if unit == "month":
        y, m = _shift_month(anchor, sign * n)
        return _Res(date(y, m, 1), _month_end(y, m), "month", relation=relation)
    year = anchor.year + sign * n
    if not 1000 <= year <= 2200:
        return None
    return _Res(date(year, 1, 1), date(year, 12, 31), "year", relation=relation)


def _month_in_year(anchor: date, month: int, mode: str) -> int:
    """The year of the ``month`` meant relative to ``anchor``'s month."""
    if mode == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if mode == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if mode == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _weekday_day(a: date, weekday: int, mode: str) -> date:
    """The day named by a weekday: the last or next one from ``a`` strictly, or
    in a past or future clause the nearest on that side, ``a`` itself included."""
    if mode == "last":
        return _shift(a, -((a.weekday() - weekday - 1) % 7 + 1))
    if mode == "next":
        return _shift(a, (weekday - a.weekday() - 1) % 7 + 1)
    if mode == "future":
        # Same day allowed: "le sommet aura lieu lundi" printed on a Monday is today.
        return _shift(a, (weekday - a.weekday()) % 7)
    return _shift(a, -((a.weekday() - weekday) % 7))


def _season(name: str, year: int) -> tuple[date, date]:
    start = _SEASON_START[name]
    end_year, end_month = _shift_month(date(year, start, 1), 2)
    return date(year, start, 1), _month_end(end_year, end_month)
