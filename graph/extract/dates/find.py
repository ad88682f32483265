"""The entry points that read a sentence: :func:`find_time_expressions` runs
every rule of its language, resolves overlaps (rule order, then length) and
returns the expressions with their audit trail; :func:`find_undated_days` lists
the day-and-month expressions that state no year, from which a missing
publication date is inferred.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date
from typing import Final, NamedTuple

from graph.extract.dates.arithmetic import _month_end
from graph.extract.dates.context import _Block, _Ctx, _Res

# _CUES is looked up here at each call: a test replaces it on this module.
from graph.extract.dates.rules import _COMPILED, _CUES, _language
from graph.extract.dates.vocabulary import _month, _weekday
from graph.types import AnchorKind, TimeExpression


def find_time_expressions(
    sentence: str,
    *,
    language: str,
    anchor: date | None,
    anchor_kind: AnchorKind = "publication",
    year: int | None = None,
) -> list[TimeExpression]:
    """Find the temporal expressions of one sentence and normalise each to days.

    Args:
        sentence: One sentence (any text is accepted; nothing is ever raised).
        language: ``"fr"`` or ``"en"`` (a region suffix such as ``"fr-FR"`` is
            ignored); any other language gives no expressions.
        anchor: The date relative expressions are resolved against, usually
            the publication date. ``None`` keeps only expressions that state
            their year.
        anchor_kind: What the anchor is, recorded in each expression.
        year: Without an anchor, the year the article is known to be from
            (no day of it): days, ranges and parts of months written without a
            year take it (recorded as a ``"year"`` anchor, 1 January of it);
            expressions relative to a day ("hier", "last month") still need one.

    Returns:
        The expressions in text order, without overlaps, each with ``start``
        and ``end`` offsets into ``sentence`` and its audit trail.

    Examples:
        >>> [e] = find_time_expressions(
        ...     "Il est arrivé lundi 14 octobre à Pékin.", language="fr", anchor=date(2024, 10, 15)
        ... )
        >>> e.text, e.begin, e.rule, e.conflict
        ('lundi 14 octobre', datetime.date(2024, 10, 14), 'day-month', None)
        >>> [(e.text, e.begin, e.last, e.granularity)
        ...  for e in find_time_expressions("Talks began in May 2024.", language="en", anchor=None)]
        [('in May 2024', datetime.date(2024, 5, 1), datetime.date(2024, 5, 31), 'month')]
    """
    lang = _language(language)
    if lang is None or not sentence or not _CUES[lang].search(sentence):
        return []
    if anchor is not None and not 1001 <= anchor.year <= 2199:
        anchor = None  # keeps every offset inside the supported years
    ctx = _Ctx(sentence, lang, anchor, year if year and 1001 <= year <= 2199 else None)
    candidates: list[tuple[int, int, int, str, _Res | _Block]] = []
    for order, (rule, handler, pattern) in enumerate(_COMPILED[lang]):
        for m in pattern.finditer(sentence):
            if m.end() > m.start() and (outcome := handler(m, ctx)) is not None:
                candidates.append((m.start(), m.end(), order, rule, outcome))
    candidates.sort(key=lambda c: (c[2], c[0] - c[1], c[0]))
    occupied = bytearray(len(sentence))
    kind: AnchorKind = anchor_kind if anchor is not None else "none"
    if anchor is None and ctx.year is not None:
        anchor, kind = date(ctx.year, 1, 1), "year"
    found: list[TimeExpression] = []
    for start, end, _, rule, outcome in candidates:
        if occupied.find(1, start, end) != -1:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        if isinstance(outcome, _Block):
            continue
        found.append(
            TimeExpression(
                text=sentence[start:end],
                start=start,
                end=end,
                begin=outcome.begin,
                last=outcome.last,
                granularity=outcome.gran,
                rule=outcome.rule or rule,
                anchor=None if outcome.absolute else anchor,
                anchor_kind="none" if outcome.absolute else kind,
                relation=outcome.relation,
                conflict=outcome.conflict,
            )
        )
    return _counted_from_the_day(_in_the_year_told(sentence, sorted(found, key=lambda e: e.start)))


_YEAR_OF: Final = re.compile(r"\s*(?:,\s*)?(?:of\s+|de\s+|d['’]\s*)?$", re.IGNORECASE)
_IN_A_MONTH: Final = frozenset({"month", "early-month", "mid-month", "late-month"})


def _in_the_year_told(sentence: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """A month right before a year told relative to the report is of that year,
    one expression ("in April last year", "en mars de l'année dernière"): alone,
    the month would be the latest April, the year a second time."""
    merged: list[TimeExpression] = []
    for e in found:
        month = merged[-1] if merged else None
        if (month is not None and e.rule == "relative-year" and month.granularity in _IN_A_MONTH
                and month.anchor is not None and month.begin.year == month.last.year
                and _YEAR_OF.match(sentence[month.end : e.start])):  # fmt: skip
            merged[-1] = replace(month, text=sentence[month.start : e.end], end=e.end,
                                 begin=_in_year(month.begin, e.begin.year),
                                 last=_in_year(month.last, e.begin.year))  # fmt: skip
            continue
        merged.append(e)
    return merged


def _counted_from_the_day(found: list[TimeExpression]) -> list[TimeExpression]:
    """An anniversary in a sentence that gives its own year counts from it, not
    from the report's ("March 29, 2031: the club celebrated its 50th
    anniversary" is of 1981, whenever the retrospective was written)."""
    stated = [e for e in found if e.anchor is None and e.begin.year == e.last.year]
    if not stated:
        return found
    day = stated[0].begin
    return [replace(e, begin=date(year, 1, 1), last=date(year, 12, 31), anchor=day,
                    anchor_kind="event")
            if e.rule == "anniversary" and e.anchor is not None
            and 1000 <= (year := day.year - (e.anchor.year - e.begin.year)) <= 2200
            else e for e in found]  # fmt: skip


def _in_year(day: date, year: int) -> date:
    """The same day of the month in ``year``; a month's last day stays its last
    (28 February of a common year is the 29th of a leap year, and back)."""
    last = _month_end(year, day.month)
    if day == _month_end(day.year, day.month):
        return last
    return last.replace(day=min(day.day, last.day))


class UndatedDay(NamedTuple):
    """A day and month written without a year, with its weekday when stated."""

    text: str
    start: int
    end: int
    day: int
    month: int
    weekday: int | None


def find_undated_days(sentence: str, *, language: str) -> list[UndatedDay]:
    """Find day-and-month expressions that state no year ("mardi 27 janvier").

    Used to infer a missing publication date; ranges and full dates are skipped.

    Examples:
        >>> find_undated_days("Il a parlé mardi 27 janvier.", language="fr")
        [UndatedDay(text='mardi 27 janvier', start=11, end=27, day=27, month=1, weekday=1)]
        >>> [d.weekday for d in find_undated_days("On Wednesday (October 2).", language="en")]
        [2]
    """
    lang = _language(language)
    if lang is None:
        return []
    spans = {(e.start, e.end) for e in find_time_expressions(sentence, language=lang,
                                                             anchor=date(2000, 6, 15))}  # fmt: skip
    found = []
    for rule, _, pattern in _COMPILED[lang]:
        if rule != "full-date":
            continue
        for m in pattern.finditer(sentence):
            month = _month(lang, m["m"])
            if m["y"] or month is None or (m.start(), m.end()) not in spans:
                continue
            if m["d"] and 1 <= int(m["d"]) <= calendar.monthrange(2000, month)[1]:
                weekday = _weekday(lang, m["wd"])
                found.append(UndatedDay(m[0], m.start(), m.end(), int(m["d"]), month, weekday))
    return sorted(found, key=lambda u: u.start)
