"""Handlers for expressions that name their day, month, year, part of month,
season or quarter ("14 octobre 2024", "3-5 May", "mi-juillet", "Q2 2031"). A
written year makes them absolute; without one they take the year nearest the
anchor, the one the clause's tense points to, or the article's known year.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final, cast

from graph.extract.dates.arithmetic import (
    _month_end,
    _nearest_year,
    _safe_date,
    _season,
    _weekday_conflict,
)
from graph.extract.dates.context import _BLOCK, _capitalised, _Ctx, _Outcome, _Res
from graph.extract.dates.vocabulary import _direction, _month, _weekday, _words
from graph.types import Granularity


def _h_date(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if not _capitalised(m, ctx, "m", "wd"):
        return None
    month, day = _month(ctx.lang, m["m"]), int(m["d"])
    weekday = _weekday(ctx.lang, m["wd"])
    if month is None:
        return None
    if m["y"]:
        found = _safe_date(int(m["y"]), month, day)
        if found is None:
            return _BLOCK
        conflict = _weekday_conflict(m[0], found, weekday)
        return _Res(found, found, "day", absolute=True, conflict=conflict, rule="full-date")
    if (year := ctx.year_only()) is not None:
        if (found := _safe_date(year, month, day)) is None:
            return _BLOCK
        conflict = _weekday_conflict(m[0], found, weekday)
        return _Res(found, found, "day", conflict=conflict, rule="day-month-in-year")
    if ctx.anchor is None or (found := _nearest_year(ctx.anchor, month, day)) is None:
        return _BLOCK
    conflict = _weekday_conflict(m[0], found, weekday)
    return _Res(found, found, "day", conflict=conflict, rule="day-month")


def _h_numeric(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    a, b = int(m["a"]), int(m["b"])
    day, month = (a, b) if _words(ctx.lang).day_first or a > 12 else (b, a)
    found = _safe_date(int(m["y"]), month, day)
    return _Res(found, found, "day", absolute=True) if found else _BLOCK


def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    found = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _Res(found, found, "day", absolute=True) if found else _BLOCK


def _h_range(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if not _capitalised(m, ctx, "m1", "m2"):
        return None
    groups = m.groupdict()
    m1, m2 = _month(ctx.lang, groups.get("m1")), _month(ctx.lang, groups.get("m2"))
    m1, m2 = m1 or m2, m2 or m1
    if m1 is None or m2 is None:
        return None
    d1, d2 = int(m["d1"]), int(m["d2"])
    y1s, y2s = groups.get("y1"), groups.get("y2")
    ordered = (m1, d1) <= (m2, d2)
    if y1s or y2s:
        y1 = int(y1s) if y1s else int(y2s or 0) - (0 if ordered else 1)
        y2 = int(y2s) if y2s else y1 + (0 if ordered else 1)
    elif ctx.anchor is not None and (first := _nearest_year(ctx.anchor, m1, d1)):
        y1 = first.year
        y2 = y1 + (0 if ordered else 1)
    elif (year := ctx.year_only()) is not None:
        y1, y2 = year, year + (0 if ordered else 1)
    else:
        return _BLOCK
    begin, last = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
    if begin is None or last is None or not 0 < (last - begin).days <= 366:
        return _BLOCK
    return _Res(begin, last, "days", absolute=bool(y1s or y2s))


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    month, year = _month(ctx.lang, m["m"]), int(m["y"])
    if month is None or not _capitalised(m, ctx, "m"):
        return None
    if not 1000 <= year <= 2200:
        return _BLOCK
    return _Res(date(year, month, 1), _month_end(year, month), "month", absolute=True)


_A_YEAR: Final = re.compile(r"(?<![\w/.-])(1[0-9]{3}|2[01][0-9]{2})(?![\w/.-])")


def _h_that_month(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    """ "in February 2022 …, with more following that September", "en 2019 …
    en septembre de cette année-là": the month of the year the sentence told
    last before it, not of the report's; with no year before it, nothing."""
    month = _month(ctx.lang, m["m"])
    if month is None or not _capitalised(m, ctx, "m"):
        return None
    years = [int(y) for y in _A_YEAR.findall(ctx.sentence, 0, m.start())]
    if not years:
        return _BLOCK
    year = years[-1]
    return _Res(date(year, month, 1), _month_end(year, month), "month", absolute=True)


_WEAK_YEAR_PREFIX: Final = frozenset(
    ["de", "d'", "d’", "of", "from", "by", "around", "before", "after", "avant", "après"]
)
_YEAR_NOUN: Final = re.compile(
    r"\s+(?!(?:à|a|au|aux|et|ou|en|and|or|to|was|were|is|has|had|il|elle|ils|elles|le|la|les"
    r"|the|de|du|des|dans|in|on|for|pour|avec|with|par|at|when|où|qui|que|that|which|ont|sont"
    r"|est|se|s|l|d|c|n|y)\b)[a-zàâçéèêëîïôûùüÿœ]{2,}"
)


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    year = int(m["y"])
    if not 1900 <= year <= 2100:
        return None
    pre = re.sub(r"\s+", " ", m["pre"].lower())
    if pre in _WEAK_YEAR_PREFIX and _YEAR_NOUN.match(m.string, m.end()):
        return None  # "de 2000 soldats": an amount, not a year
    return _Res(date(year, 1, 1), date(year, 12, 31), "year", absolute=True)


def _h_year_range(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if not 1900 <= y1 < y2 <= 2100:
        return None
    return _Res(date(y1, 1, 1), date(y2, 12, 31), "year", absolute=True)


# the years of a decade an early, mid or late part of it names
_DECADE_PARTS: Final = {"early-month": (0, 3), "mid-month": (3, 6), "late-month": (7, 9)}


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    """ "the 1990s", "in the mid-1990s", "au début des années 2000": the ten
    years, or the part of them ("mid-" from the third to the sixth; the
    language file's month parts name the parts), as a span of years."""
    decade = int(m["y"])
    if decade % 10 or not 1800 <= decade <= 2090:
        return None
    parts = _words(ctx.lang).month_parts
    part = parts.get(re.sub(r"\s+", " ", (m["p"] or "").lower()), "")
    first, last = _DECADE_PARTS.get(part, (0, 9))
    return _Res(date(decade + first, 1, 1), date(decade + last, 12, 31), "year", absolute=True)


def _h_part(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    month = _month(ctx.lang, m["m"])
    if month is None or not _capitalised(m, ctx, "m"):
        return None
    parts = _words(ctx.lang).month_parts
    part = next(
        cast(Granularity, parts[w]) for w in re.split(r"[\s-]+", m["p"].lower()) if w in parts
    )
    first, final = {"early-month": (1, 10), "mid-month": (11, 20)}.get(part, (21, 31))
    future = ctx.anchor is not None and ctx.future(m)
    if m["y"]:
        year = int(m["y"])
    elif ctx.anchor is None:
        if (known := ctx.year_only()) is None:
            return _BLOCK
        year = known
    else:
        year = ctx.anchor.year
        part_begin, part_end = _safe_date(year, month, first), _month_end(year, month)
        if not future and part_begin and part_begin > ctx.anchor:
            year -= 1
        elif future and part_end < ctx.anchor:
            year += 1
    begin = _safe_date(year, month, first)
    if begin is None:
        return _BLOCK
    last = _month_end(year, month) if final == 31 else date(year, month, final)
    absolute = bool(m["y"])
    if ctx.anchor is not None and begin <= ctx.anchor <= last:
        begin, last = (ctx.anchor, last) if future else (begin, ctx.anchor)
        absolute = False
    return _Res(begin, last, part, absolute=absolute)


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    name = _words(ctx.lang).seasons.get(m["s"].lower())
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    if name is None:
        return None
    if m["y"]:
        begin, last = _season(name, int(m["y"]))
        return _Res(begin, last, "season", absolute=True)
    direction = m["dir"] or {"last": "last", "this past": "last", "next": "next"}.get(pre)
    if not direction and pre not in {"cet", "cette", "this", "this coming"}:
        return None
    if ctx.anchor is None:
        return _BLOCK
    a = ctx.anchor
    options = [_season(name, y) for y in range(a.year - 2, a.year + 2)]
    step = _direction(ctx.lang, direction) if direction else 0
    if step < 0:
        begin, last = max(o for o in options if o[1] < a)
    elif step > 0 or pre == "this coming":
        begin, last = min(o for o in options if o[0] > a)
    else:
        begin, last = min(options, key=lambda o: 0 if o[0] <= a <= o[1] else
                          min(abs((o[0] - a).days), abs((o[1] - a).days)))  # fmt: skip
    return _Res(begin, last, "season")


_QUARTERS: Final = {"premier": 1, "1er": 1, "deuxième": 2, "2e": 2, "second": 2, "troisième": 3,
                    "3e": 3, "quatrième": 4, "4e": 4, "first": 1, "1st": 1, "2nd": 2,
                    "third": 3, "3rd": 3, "fourth": 4, "4th": 4}  # fmt: skip


def _h_quarter(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    """ "au premier trimestre 2031", "in the third quarter", "Q2 2031": three
    months. Without a year, the latest such quarter begun by the anchor day,
    or in a future clause the first not yet over."""
    n = _QUARTERS.get((m["q"] or "").lower()) or int(m["qn"] or 0)
    if not 1 <= n <= 4:
        return None
    if m["y"]:
        year, absolute = int(m["y"]), True
    elif ctx.anchor is not None:
        current, absolute = (ctx.anchor.month - 1) // 3 + 1, False
        if ctx.future(m):
            year = ctx.anchor.year + (1 if n < current else 0)
        else:
            year = ctx.anchor.year - (1 if n > current else 0)
    elif (known := ctx.year_only()) is not None:
        year, absolute = known, False
    else:
        return _BLOCK
    return _Res(date(year, 3 * n - 2, 1), _month_end(year, 3 * n), "month", absolute=absolute,
                rule="quarter")  # fmt: skip
