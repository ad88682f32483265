"""Handlers for expressions read from the anchor day: a bare month or weekday
whose side the tense decides ("en juillet", "on Monday"), this, last or next
month, week or year, today and its neighbours, the eve or the day after,
counts of units ago, from now, before or after, anniversaries and nights.
Without an anchor day they block (only a bare month takes a known year).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from graph.extract.dates.arithmetic import (
    _month_end,
    _month_in_year,
    _offset,
    _shift,
    _shift_month,
    _weekday_day,
)
from graph.extract.dates.context import (
    _BLOCK,
    _after_the,
    _capitalised,
    _Ctx,
    _Outcome,
    _past_or_future,
    _Res,
)
from graph.extract.dates.vocabulary import _direction, _month, _num, _unit, _weekday
from graph.types import Relation


def _h_relative_month(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    month = _month(ctx.lang, m["m"])
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    if month is None or not _capitalised(m, ctx, "m") or not (pre or m["dir"]):
        return None
    word = m["dir"] or {"last": "last", "this past": "last", "next": "next"}.get(pre, "")
    if ctx.anchor is None:
        # "en juillet" in a report known to be from 2031: July 2031; "last July" needs a day
        if (year := ctx.year_only()) is None or word:
            return _BLOCK
        return _Res(date(year, month, 1), _month_end(year, month), "month", rule="month-in-year")
    year = _month_in_year(ctx.anchor, month, _past_or_future(ctx, m, word))
    return _Res(date(year, month, 1), _month_end(year, month), "month")


def _h_this_month(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    """ "le mois dernier", "this month"; "earlier this month" ("plus tôt ce
    mois-ci") stops the day before the anchor, "later this month" starts after it."""
    if _after_the(m):
        return None
    if ctx.anchor is None:
        return _BLOCK
    y, mo = _shift_month(ctx.anchor, _direction(ctx.lang, m["dir"]))
    sided = _sided(date(y, mo, 1), _month_end(y, mo), ctx.anchor, m)
    if sided is None:
        return _BLOCK  # "earlier this month" on the 1st: nothing before it this month
    begin, last = sided
    return _Res(begin, last, "month" if (begin.day, last) == (1, _month_end(y, mo)) else "days")


def _sided(begin: date, last: date, anchor: date, m: re.Match[str]) -> tuple[date, date] | None:
    """``begin``..``last`` holding the anchor, cut at it where the match says
    "earlier" ("plus tôt") or "later" ("plus tard"): "earlier this week" is the
    week's days before the report's, "later this year" its days after; None
    where nothing is left."""
    side = (m.groupdict().get("side") or "").lower()
    if begin <= anchor <= last and side in {"earlier", "tôt"}:
        last = _shift(anchor, -1)
    elif begin <= anchor <= last and side in {"later", "tard"}:
        begin = _shift(anchor, 1)
    return (begin, last) if begin <= last else None


def _h_week(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if _after_the(m):
        return None
    if ctx.anchor is None:
        return _BLOCK
    monday = _shift(ctx.anchor, 7 * _direction(ctx.lang, m["dir"]) - ctx.anchor.weekday())
    sided = _sided(monday, _shift(monday, 6), ctx.anchor, m)
    if sided is None:
        return _BLOCK
    return _Res(*sided, "week" if sided == (monday, _shift(monday, 6)) else "days")


def _h_year_relative(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if _after_the(m):
        return None
    if ctx.anchor is None:
        return _BLOCK
    year = ctx.anchor.year + _direction(ctx.lang, m["dir"])
    whole = (date(year, 1, 1), date(year, 12, 31))
    sided = _sided(*whole, ctx.anchor, m)
    if sided is None:
        return _BLOCK
    return _Res(*sided, "year" if sided == whole else "days")


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if not _capitalised(m, ctx, "wd"):
        return None
    weekday = _weekday(ctx.lang, m["wd"])
    if weekday is None:
        return None
    if ctx.anchor is None:
        return _BLOCK
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    word = m["dir"] or {"last": "last", "this past": "last", "next": "next"}.get(pre)
    word = word or ("coming" if pre in {"coming", "this coming"} else None)
    day = _weekday_day(ctx.anchor, weekday, _past_or_future(ctx, m, word))
    return _Res(day, day, "day")


def _h_night(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    """ "dans la nuit de lundi à mardi", "overnight Monday into Tuesday": the
    two days, the second the day after the first."""
    first, second = _weekday(ctx.lang, m["wd1"]), _weekday(ctx.lang, m["wd2"])
    if first is None or second is None or second != (first + 1) % 7:
        return None
    if ctx.anchor is None:
        return _BLOCK
    mode = "future" if ctx.future(m) else "past"
    # the night is past once its second day has come: count from that day
    day = _shift(_weekday_day(ctx.anchor, second, mode), -1)
    return _Res(day, _shift(day, 1), "days", rule="night")


_RELATIVE_DAYS: Final[dict[str, int]] = {
    "aujourd'hui": 0, "hier": -1, "avant-hier": -2, "avant hier": -2, "demain": 1,
    "après-demain": 2, "après demain": 2, "ce matin": 0, "ce soir": 0, "cette nuit": 0,
    "cet après-midi": 0, "today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


def _h_relative_day(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    key = re.sub(r"\s+", " ", m[0].lower().replace("’", "'"))
    if ctx.anchor is None:
        return _BLOCK
    day = _shift(ctx.anchor, _RELATIVE_DAYS.get(key, 0))
    return _Res(day, day, "day")


def _h_eve(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    """ "au lendemain de X" / "the day after X": X was the day before the anchor."""
    if ctx.anchor is None:
        return _BLOCK
    words = m["w"].lower()
    after_named = "lendemain" in words or "after" in words
    day = _shift(ctx.anchor, -1 if after_named else 1)
    relation: Relation = "before-anchor" if after_named else "after-anchor"
    return _Res(day, day, "day", relation=relation, rule="eve-of")


_DAY_BEFORE: Final = re.compile(r"veille|précédent|previous|before|earlier|avant", re.I)


def _h_next_day(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    """ "le lendemain", "the next day", "la veille", "the day before" (no
    happening named after it): the day after (before) the anchor. The events
    step counts it from the happening the article told last
    (:func:`graph.extract.storytime.counted_from_the_story`)."""
    if ctx.anchor is None:
        return _BLOCK
    before = _DAY_BEFORE.search(m[0]) is not None
    day = _shift(ctx.anchor, -1 if before else 1)
    relation: Relation = "before-anchor" if before else "after-anchor"
    return _Res(day, day, "day", relation=relation, rule="relative-offset")


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if ctx.anchor is None:
        return _BLOCK
    return _offset(ctx.anchor, _num(ctx.lang, m["n"]), _unit(ctx.lang, m["u"]), -1) or _BLOCK


def _h_from_now(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if ctx.anchor is None:
        return _BLOCK
    return _offset(ctx.anchor, _num(ctx.lang, m["n"]), _unit(ctx.lang, m["u"]), 1) or _BLOCK


_BEFORE_WORDS: Final = frozenset(
    ["avant", "auparavant", "before", "earlier", "previously", "beforehand", "prior"]
)


def _h_offset(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if ctx.anchor is None:
        return _BLOCK
    words = set(re.split(r"\s+", m["dir"].lower()))
    before = bool(words & _BEFORE_WORDS) or "tôt" in words or "tot" in words
    # A preposition with an object names another event: "une semaine avant le
    # sommet" puts the summit after the anchor. "Deux jours plus tard" (no
    # object) puts this sentence's event after it.
    preposition = bool(words & {"avant", "après", "apres", "before", "after", "prior"})
    named = preposition and (m["obj"] is not None or m["more"] is not None)
    sign = (1 if before else -1) if named else (-1 if before else 1)
    found = _offset(ctx.anchor, _num(ctx.lang, m["n"]), _unit(ctx.lang, m["u"]), sign)
    if found is None:
        return _BLOCK
    return _Res(
        found.begin,
        found.last,
        found.gran,
        relation=found.relation,
        rule="event-offset" if named else "relative-offset",
    )


def _h_anniversary(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    # the year of the report is enough: "the 75th anniversary" in 2031 is of 1956
    now = ctx.anchor.year if ctx.anchor is not None else ctx.year
    if now is None:
        return _BLOCK
    year = now - int(m["n"])
    if not 1000 <= year <= 2200 or int(m["n"]) == 0:
        return _BLOCK
    return _Res(date(year, 1, 1), date(year, 12, 31), "year", relation="before-anchor")
