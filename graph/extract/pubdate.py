"""Extract: a publication date inferred from the article text itself.

Requires the body text and its language; adds nothing to the text, it returns
the inferred date and a one-line reason for ``Article.published_evidence``.
Used only when the page states no date (``published_how == "inferred"``).

Method (general, not tuned to any outlet): news reports the past, so the
publication date is the latest day the text names outside future-tense clauses,
in its lead (the headline and the first paragraph,
:data:`graph.text.LEAD_PARAGRAPHS`, when the analysis gives paragraphs): news
puts its newest happening there, while a feature or a retrospective names days
years before its own further down ("executed on July 6, 1999" at the end of a
story written in 2026), which are no bound of its publication. Days written
without a year ("mardi 27 janvier") take the first year from the latest year the
text names up to two years later in which that day is that weekday (a year
written as a bare number, "la saison 2031", counts when no dated expression
names one); days without a weekday take the year so found, or the year of the
stated full dates when they all share one. Without any year in the text, a
weekday alone cannot fix the year and nothing is inferred.

When no day can be inferred, the year alone may be: events are named after the
year they are held in ("the Northern Shield-2031 drills", "Aurore 2031"), so a
report naming one is from that year (the latest, when it names several). Days
written without a year then take it; nothing relative to a day is resolved.

With the year known, the day may still be bounded (:func:`infer_day_in_year`):
what the text tells as past began before publication ("began in early July"),
what it tells as to come begins after it ("will last until July 19"). With
nothing to come and a day told as past, that latest day is taken, as above.
Otherwise the weekday the lead reports ("announced Friday") is a day of that
window; news is told close to what it tells: with something to come, the last
such weekday before it is taken (a plan is reported shortly before it starts),
else the first on or after the latest past bound (a happening shortly after it).
Nothing finer than the year, no weekday, or no such day in the window: the
year alone is kept.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Collection, Iterable
from datetime import date, timedelta
from typing import Final, NamedTuple

from graph.extract.dates import (
    UndatedDay,
    find_time_expressions,
    find_undated_days,
    is_future_tense,
)
from graph.types import TimeExpression

__all__ = [
    "infer_day_in_year",
    "infer_publication_date",
    "infer_publication_year",
    "weekday_days",
]

#: whether the expression at (start, end) of a sentence's text is still to come
#: though no word says so ("the drills run until July 19": what goes on ends then)
ToCome = Callable[[str, int, int], bool]


_SENTENCE_BREAK: Final = re.compile(r"(?<=[.!?…])\s+|\n+")
_YEARS_AFTER: Final = 2
#: a year the text names may be one still to come ("les prévisions pour 2020"):
#: a weekday is also tried in the years it names up to this many before the
#: latest. Within the five years so tried, a day falls on a weekday at most once.
_YEARS_BEFORE: Final = 2


_WRITTEN_YEAR: Final = re.compile(r"(?<![\w.,/-])(19[5-9]\d|20\d\d)(?![\w.,/-]\d)")


def _written_years(text: str) -> set[int]:
    """Four-digit years written anywhere in the text (1950–2099), as plain numbers."""
    return {int(year) for year in _WRITTEN_YEAR.findall(text)}


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def infer_publication_date(
    text: str,
    *,
    language: str,
    sentences: Iterable[str] | None = None,
    to_come: ToCome | None = None,
    lead: Collection[str] | None = None,
) -> tuple[date, str] | None:
    """Infer when an undated article was published from the dates it names.

    Args:
        text: The article body (headline may be included).
        language: ``"fr"`` or ``"en"``.

        sentences: its sentences, when an analysis split them (else the text is
            split at sentence-final punctuation).
        to_come: says which expressions are still to come though no word says so.
        lead: the sentences of the lead, the only ones whose days may be the
            publication day (all sentences when None).

    Returns:
        ``(date, reason)``, or ``None`` when nothing in the text supports a date.

    Examples:
        >>> infer_publication_date(
        ...     "Le ministre a déclaré mardi 27 janvier que la coopération, lancée en 2025, "
        ...     "se poursuivra.", language="fr")  # doctest: +NORMALIZE_WHITESPACE
        (datetime.date(2026, 1, 27), "inferred: 'mardi 27 janvier' is a Tuesday in 2026,
        the year nearest after the latest year the text names (2025)")
        >>> infer_publication_date("No dates here.", language="en") is None
        True
    """
    stated: list[tuple[date, str]] = []
    years: set[int] = set()
    undated: list[UndatedDay] = []
    # the latest start of a month or a day the text tells as past (a bare year is
    # often a figure's or a forecast's: "1,2 % en 2031")
    latest_told = date.min
    for sentence in _SENTENCE_BREAK.split(text) if sentences is None else sentences:
        in_lead = lead is None or sentence in lead  # only the lead's days may be the day
        for expression in find_time_expressions(sentence, language=language, anchor=None):
            if _told_as_to_come(sentence, expression, language, to_come):
                continue
            if (expression.last - expression.begin).days <= _MONTH_DAYS:
                latest_told = max(latest_told, expression.begin)
            years.update({expression.begin.year, expression.last.year})
            if expression.granularity == "day" and in_lead:
                reason = f"latest date the text states: '{expression.text}'"
                stated.append((expression.begin, reason))
        if in_lead:
            undated.extend(_told_undated_days(sentence, language))
    candidates = list(stated)
    # No dated expression: any year the text writes ("la saison 2031") may
    # still place a day with its weekday, which then has to agree with it.
    written = _written_years(text)
    latest_year = max(years or written, default=None)
    weekday_years: list[int] = []
    for day in undated:
        if day.weekday is None or latest_year is None:
            continue
        for year in _years_around(latest_year, years | written):
            found = _safe_date(year, day.month, day.day)
            if found and found.weekday() == day.weekday:
                where = _relative_to_named(year, latest_year)
                name = calendar.day_name[day.weekday]
                candidates.append((found, f"inferred: '{day.text}' is a {name} in {year}, {where}"))
                weekday_years.append(year)
                break
    # A bare year ("en 2018") is often background; only a stated full date or a
    # resolved weekday is strong enough to give its year to a day without one.
    stated_years = {day.year for day, _ in stated}
    year_for_days = max(weekday_years) if weekday_years else None
    if year_for_days is None and len(stated_years) == 1:
        year_for_days = stated_years.pop()
    if year_for_days is not None:
        for day in undated:
            found = _safe_date(year_for_days, day.month, day.day)
            if day.weekday is None and found:
                reason = (
                    f"inferred: '{day.text}' taken in {year_for_days}, the year of the other dates"
                )
                candidates.append((found, reason))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c[0])
    # "On March 19, 2020, he applied… In June 2023 he posted…": a day before a
    # month or year the text tells is no publication day, only a bound
    return best if best[0] >= latest_told else None


_MONTH_DAYS: Final = 31  # a time this short or shorter bounds the publication day


def _years_around(latest: int, named: set[int]) -> list[int]:
    """The years a weekday may place a day in: from the latest year the text
    names to :data:`_YEARS_AFTER` after it, then the years it also names up to
    :data:`_YEARS_BEFORE` before it (not any year before: "la saison 2031
    s'achève" is of 2031)."""
    before = range(latest - 1, latest - _YEARS_BEFORE - 1, -1)
    return [*range(latest, latest + _YEARS_AFTER + 1), *(y for y in before if y in named)]


def _relative_to_named(year: int, latest: int) -> str:
    if year == latest:
        return f"the latest year the text names ({latest})"
    side = "after" if year > latest else "before"
    return f"the year nearest {side} the latest year the text names ({latest})"


_NAME_YEAR: Final = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)\s*$")


def infer_publication_year(event_names: Iterable[str]) -> tuple[int, str] | None:
    """The year of an article that states no date, from the year its event names end in.

    >>> infer_publication_year(["Aurore-2030", "Northern Shield 2031", "Polar Anchor"])
    (2031, "year only: the text names the event 'Northern Shield 2031'")
    >>> infer_publication_year(["Polar Anchor"]) is None
    True
    """
    dated = sorted(
        (int(m[1]), name) for name in set(event_names) if (m := _NAME_YEAR.search(name.strip()))
    )
    if not dated:
        return None
    year, name = dated[-1]
    return year, f"year only: the text names the event '{name.strip()}'"


def infer_day_in_year(
    sentences: Iterable[str],
    *,
    language: str,
    year: int,
    to_come: ToCome | None = None,
    posted: Iterable[date] = (),
) -> tuple[date, str] | None:
    """The publication day of an article known to be from ``year``, bounded by
    what it tells as past and as to come (``to_come`` may say more is: the
    extract stage reads the tense of the verbs; a page comes after the posts it
    embeds, ``posted``) and fixed by the weekday it reports.

    >>> infer_day_in_year(
    ...     ["Nordvik and Valdoria announced Friday joint drills.",
    ...      "The drills began in early July and will last until July 19."],
    ...     language="en", year=2031)  # doctest: +NORMALIZE_WHITESPACE
    (datetime.date(2031, 7, 18), "inferred: the last Friday before 2031-07-19 ('July 19',
    told as to come), after 2031-07-01 ('early July', told as past), the day of the weekday
    it reports ('Friday')")
    >>> infer_day_in_year(["They met Friday."], language="en", year=2031) is None
    True
    """
    texts = list(sentences)
    lower, upper = _bounds(texts, language, year, to_come)
    for day in (d for d in posted if d.year == year):
        if lower is None or day > lower.day:
            lower = _Bound(day, "a post it embeds", True)
    if lower is None and upper is None:
        return None
    weekday = _reported_weekday(texts, language, date(year, 1, 1))
    # as for a stated date (infer_publication_date): the latest day told as past;
    # what it tells as to come only bounds it, unless a weekday fixes the day between
    unfixed = upper is None or (weekday is None and lower is not None and lower.day < upper.day)
    if lower is not None and lower.is_day and unfixed:
        return lower.day, f"inferred: the latest day the text tells as past ('{lower.text}')"
    if weekday is None:
        return None
    first = lower.day if lower else date(year, 1, 1)
    name = calendar.day_name[weekday[0]]
    if upper is not None:
        day = upper.day - timedelta(days=(upper.day.weekday() - weekday[0] - 1) % 7 + 1)
        how = f"the last {name} before {upper.day} ('{upper.text}', told as to come)"
        after = f", after {lower.day} ('{lower.text}', told as past)" if lower else ""
    else:
        day = first + timedelta(days=(weekday[0] - first.weekday()) % 7)
        how = f"the first {name} on or after {first}"
        after = f" ('{lower.text}', told as past)" if lower else ""
    if not first <= day <= date(year, 12, 31):
        return None
    return day, f"inferred: {how}{after}, the day of the weekday it reports ('{weekday[1]}')"


def _told_as_to_come(
    text: str, expression: TimeExpression, language: str, to_come: ToCome | None
) -> bool:
    """Whether ``text`` tells the time ``expression`` as still to come: in the future
    tense, or so the caller's ``to_come`` reads it (a day ending what goes on)."""
    span = (expression.start, expression.end)
    return is_future_tense(text, language=language, span=span) or (
        to_come is not None and to_come(text, *span)
    )


def _bounds(
    texts: list[str], language: str, year: int, to_come: ToCome | None
) -> tuple[_Bound | None, _Bound | None]:
    """The latest day the text tells as past and the earliest it tells as to
    come, within ``year`` and finer than it."""
    lower: _Bound | None = None
    upper: _Bound | None = None
    for text in texts:
        for found in find_time_expressions(text, language=language, anchor=None, year=year):
            if found.granularity == "year" or year not in (found.begin.year, found.last.year):
                continue
            bound = _Bound(found.begin, found.text, found.granularity == "day")
            if _told_as_to_come(text, found, language, to_come):
                upper = bound if upper is None or bound.day < upper.day else upper
            elif lower is None or bound.day > lower.day:
                lower = bound
    return lower, upper


class _Bound(NamedTuple):
    """A day the publication comes after (told as past) or before (to come)."""

    day: date
    text: str
    is_day: bool  # the expression names a single day, not a month or a range


def _reported_weekday(texts: list[str], language: str, anchor: date) -> tuple[int, str] | None:
    """The weekday of the first bare weekday the text tells as past ("announced Friday")."""
    for text in texts:
        for found in find_time_expressions(text, language=language, anchor=anchor):
            if found.rule == "weekday" and not is_future_tense(
                text, language=language, span=(found.start, found.end)
            ):
                return found.begin.weekday(), found.text
    return None


def weekday_days(sentences: Iterable[str], *, language: str) -> tuple[tuple[int, int, int], ...]:
    """The days the text names with a weekday but no year, told as past or present,
    as sorted distinct (month, day, weekday): each holds in a few years only.

    >>> weekday_days(["Reports on Wednesday (October 2) said the ships met on Saturday,"
    ...               " September 28.", "They will meet again on Friday, October 11."],
    ...              language="en")
    ((9, 28, 5), (10, 2, 2))
    """
    found = {
        (day.month, day.day, day.weekday)
        for text in sentences
        for day in _told_undated_days(text, language)
        if day.weekday is not None
    }
    return tuple(sorted(found))


def _told_undated_days(sentence: str, language: str) -> list[UndatedDay]:
    """The days written without a year that the sentence tells as past or present."""
    days = find_undated_days(sentence, language=language)
    return [
        d for d in days if not is_future_tense(sentence, language=language, span=(d.start, d.end))
    ]
