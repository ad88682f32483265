"""Resolve: an undated report takes its day, or its year, from the dated reports of its story.

Requires the per-article extractions and the article groups of
:func:`graph.resolve.stories.article_groups`; replaces the events of the articles that
printed neither a date nor a year and kept their analysed sentences for this
(``Extraction.pending``).

Method: a report that names "Thursday (March 6)" but no year joins a story
whose other reports were published in March 2031; for each year those
reports were published in, its days, ranges and months are dated in that year
(as with a year from an event name, :mod:`graph.extract.dates`), and the year whose
year-less days and months lie nearest the dated reports' publication days is
kept, when they lie within :data:`MAX_DAYS_APART` of one. A report that names no
year-less day takes no year: being clustered with a dated report is no evidence
of its year (two leaders meet every year). Within that year its own text may fix the
day (what it tells as past and to come, the weekday it reports:
:func:`graph.extract.pubdate.infer_day_in_year`); the article is then dated,
``published_how = "inferred"``, else its events carry a ``year`` anchor. The
article records why (``published_evidence``). An episode with no dated report
but with one that names its year (an exercise "Aurore-2031") gives that year
alike, when it names one year only.

After both, the storyline (:func:`date_from_storylines`): a report still undated
whose episode has no dated report, but that names days with their weekday
("Wednesday (October 2)"), is from the one year of its storyline's dated
reports in which those days fall on those weekdays, when exactly one fits; it
is then read in that year as above. One that names days without their weekday
("on 2 October") is from the one year of its storyline's dated reports near
which (:data:`MAX_DAYS_APART`) those days fall; near two years, from neither.
A year so inferred is no year the report names (``Extraction.year``): it does
not date the other reports of its episode in turn.

Before that, the day (:func:`date_from_partners`): a report that prints no
date, in an episode with dated reports, is read again as if published on each
day around theirs (:data:`PARTNER_DAYS` before the first to as many after the
last). Where its relative dates ("mercredi", "hier") then put one of its events
on the very day of an event of a dated report with an actor in common (a
person, an organisation or a named thing; two countries are not enough), that day
agrees (only a day read from the day of publication as said counts: "au
lendemain d'un entretien" is a guess, the eve of a time the sentence need not
tell); among the days that agree most, the one nearest a dated report's
publication is kept. The article is ``published_how = "inferred"``, its
evidence names the event that links them. A report whose news — a happening
told in the past with no time of its own — is a happening a dated report of
its episode dates (one type family, one place, a person or organisation in
common) is from that report's day, when its news read on that day holds the
happening's day (:func:`_same_news`). Nothing agrees: nothing is guessed.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Final

from graph.event_types import family
from graph.kb import KnowledgeBase
from graph.types import Article, EventMention, Extraction

#: the events of a pending report read as if it were from a year
#: (:func:`graph.extract.events_in_year`): its sentences were analysed once, by
#: the extract stage; only their dates and events are read again per year tried.
#: The article comes back dated when the year lets its text fix the day.
EventsInYear = Callable[[Extraction, int, KnowledgeBase], tuple[Article, tuple[EventMention, ...]]]

MAX_DAYS_APART: Final = 90  # a report tells the news of its weeks, not of another season
PARTNER_DAYS: Final = 7  # days tried around the dated reports of an episode
#: the events of a pending report read as if published on a day
EventsOnDay = Callable[[Extraction, date, KnowledgeBase], tuple[EventMention, ...]]


def date_from_partners(
    extractions: Sequence[Extraction],
    groups: Iterable[tuple[str, ...]],
    kb: KnowledgeBase,
    *,
    events_on_day: EventsOnDay,
    redirect: Mapping[str, str],
) -> list[Extraction]:
    """The extractions, those of undated reports dated by the dated reports of their
    episode (``redirect``: mention key -> entity key, as :func:`graph.resolve.resolve_entities`
    gives it)."""
    by_source = {x.article.source: x for x in extractions}
    dated: dict[str, Extraction] = {}
    for group in groups:
        partners = [x for a in group if (x := by_source[a]).article.published is not None]
        for source in group:
            x = by_source[source]
            if x.pending and x.article.published is None and partners:
                by_day = _read_around(x, partners, kb, events_on_day)
                found = _agreeing_day(x, partners, by_day, redirect) or _same_news(
                    x, partners, by_day, redirect
                )
                if found is not None:
                    dated[source] = found
    return [dated.get(x.article.source, x) for x in extractions]


def _read_around(
    x: Extraction, partners: Sequence[Extraction], kb: KnowledgeBase, events_on_day: EventsOnDay
) -> dict[date, tuple[EventMention, ...]]:
    """``x``'s events read as if published on each day around its partners'
    publications (:data:`PARTNER_DAYS` before the first to as many after the last)."""
    published = sorted(p.article.published for p in partners if p.article.published)
    first, last = published[0], published[-1]
    start = first - timedelta(days=PARTNER_DAYS)
    days = [start + timedelta(days=n) for n in range((last - first).days + 2 * PARTNER_DAYS + 1)]
    return {day: events_on_day(x, day, kb) for day in days}


def _agreeing_day(
    x: Extraction,
    partners: Sequence[Extraction],
    by_day: dict[date, tuple[EventMention, ...]],
    redirect: Mapping[str, str],
) -> Extraction | None:
    published = sorted(p.article.published for p in partners if p.article.published)
    theirs = [e for p in partners for e in p.events if e.time.granularity == "day"]
    moving = _moving(by_day)

    def entity(key: str) -> str:
        return redirect.get(key, key)

    best: tuple[int, int, date] | None = None
    chosen: tuple[tuple[EventMention, ...], EventMention, EventMention] | None = None
    for day, events in by_day.items():
        links = [(mine, other) for mine in events if _tells_the_day(mine, moving)
                 for other in theirs if _same_day_event(mine, other, entity)]  # fmt: skip
        if not links:
            continue
        nearest = min(abs((day - p).days) for p in published)
        rank = (-len(links), nearest, day)
        if best is None or rank < best:
            best, chosen = rank, (events, *links[0])
    if best is None or chosen is None:
        return None
    day = best[2]
    events, mine, other = chosen
    reason = (f"inferred: its event '{mine.sentence[:60]}' falls on {other.time.begin}, "
              f"the day of '{other.sentence[:60]}' in {other.article}, a dated report "
              "of its episode")  # fmt: skip
    article = replace(x.article, published=day, published_how="inferred", published_evidence=reason)
    return replace(x, article=article, events=events, pending=())


_REPORTED: Final = "reported"  # the granularity of a happening told as the report's news


def _same_news(
    x: Extraction,
    partners: Sequence[Extraction],
    by_day: dict[date, tuple[EventMention, ...]],
    redirect: Mapping[str, str],
) -> Extraction | None:
    """An undated report that tells, as its news and with no time of its own, a
    happening a dated report of its episode dates ("Le président russe est
    arrivé à Pékin" beside "arrived in Beijing on May 16": one type family, one
    place, a person or organisation in common) is from that report's day, when
    read on that day its news holds the happening's day (the day and the two
    before)."""

    def entity(key: str) -> str:
        return redirect.get(key, key)

    for partner in sorted(partners, key=lambda p: (p.article.published, p.article.source)):
        day = partner.article.published
        if day is None:
            continue
        events = by_day[day]  # read already: a partner's day is among those around
        for mine in (e for e in events if e.time.granularity == _REPORTED):
            for other in partner.events:
                if (other.time.granularity == "day"
                        and mine.time.begin <= other.time.begin <= mine.time.last
                        and _one_happening(mine, other, entity)):  # fmt: skip
                    reason = (f"inferred: its news '{mine.sentence[:60]}' is "
                              f"'{other.sentence[:60]}' of {other.time.begin} in "
                              f"{other.article}, a dated report of its episode, published "
                              "that day")  # fmt: skip
                    article = replace(x.article, published=day, published_how="inferred",
                                      published_evidence=reason)  # fmt: skip
                    return replace(x, article=article, events=events, pending=())
    return None


def _one_happening(mine: EventMention, other: EventMention, entity: Callable[[str], str]) -> bool:
    """One happening told twice: one type family, one place, and a person, an
    organisation or a named thing in common."""
    if family(mine.event_type) != family(other.event_type):
        return False
    if (
        mine.place is None
        or other.place is None
        or entity(mine.place.key) != entity(other.place.key)
    ):
        return False
    return _named_in_common(mine, other, entity)


def _key(event: EventMention) -> tuple[int, int, str]:
    return event.sentence_index, event.time.start, event.time.text


def _tells_the_day(event: EventMention, moving: set[tuple[int, int, str]]) -> bool:
    """Whether the event's day is read from the day of publication tried, as
    said ("mercredi", "hier"), not guessed beside another happening ("au
    lendemain d'un entretien": that talk was on the eve of the sentence's own
    time, which the sentence need not tell)."""
    return _key(event) in moving and event.time.relation == "at"


def _moving(by_day: dict[date, tuple[EventMention, ...]]) -> set[tuple[int, int, str]]:
    """The time expressions whose day moves with the day of publication tried
    ("mercredi", "hier"): only they tell which day it was; "le 21 septembre" is
    the same whatever the day."""
    seen: dict[tuple[int, int, str], set[date]] = defaultdict(set)
    for events in by_day.values():
        for event in events:
            seen[_key(event)].add(event.time.begin)
    return {key for key, begins in seen.items() if len(begins) > 1}


def _same_day_event(mine: EventMention, other: EventMention, entity: Callable[[str], str]) -> bool:
    """Two reports of one happening: one day and an actor in common (a person, an
    organisation or a named thing; keys as resolved). Two reports may type one
    happening differently (a meeting, the pact it signed): the type is not asked."""
    if mine.time.granularity != "day" or mine.time.begin != other.time.begin:
        return False
    return _named_in_common(mine, other, entity)


def _named_in_common(mine: EventMention, other: EventMention, entity: Callable[[str], str]) -> bool:
    """Whether the two events share a person, an organisation or a named thing (keys
    as resolved): two countries share too many days of news to tell one from another."""
    shared = {entity(a.key) for a in mine.actors} & {entity(a.key) for a in other.actors}
    return any(not k.startswith("country/") for k in shared)


def date_from_stories(
    extractions: Sequence[Extraction],
    groups: Iterable[tuple[str, ...]],
    kb: KnowledgeBase,
    *,
    events_in_year: EventsInYear,
) -> list[Extraction]:
    """The extractions, those pending a year dated from their story when it can be."""
    by_source = {x.article.source: x for x in extractions}
    dated: dict[str, Extraction] = {}
    for group in groups:
        published = sorted(d for a in group if (d := by_source[a].article.published) is not None)
        named = {y for a in group if (y := by_source[a].year) is not None}
        for source in group:
            x = by_source[source]
            if not x.pending or x.year is not None or x.article.published is not None:
                continue
            if published:
                dated[source] = _dated(x, published, kb, events_in_year)
            elif len(named) == 1 and _weekdays_hold(x.weekday_days, year := next(iter(named))):
                # no report of its episode is dated, one names its year
                dated[source] = _in_named_year(x, year, kb, events_in_year)
    return [dated.get(x.article.source, x) for x in extractions]


def _in_named_year(
    x: Extraction, year: int, kb: KnowledgeBase, events_in_year: EventsInYear
) -> Extraction:
    article, events = events_in_year(x, year, kb)
    return _read_in(x, year, article, events, "the year another report of its episode names")


def _read_in(
    x: Extraction, year: int, article: Article, events: tuple[EventMention, ...], why: str
) -> Extraction:
    """``x`` as read in ``year`` (its article dated to a day when its text fixed
    one), the reason added to the article's evidence."""
    reason = f"year {year}, {why}"
    if article.published is None:
        article = replace(article, published_evidence=f"year only: {reason}")
    else:
        article = replace(article, published_evidence=f"{article.published_evidence}; {reason}")
    return replace(x, article=article, events=events, pending=(),
                   year=x.year if article.published is None else None)  # fmt: skip


def _dated(
    x: Extraction, published: list[date], kb: KnowledgeBase, events_in_year: EventsInYear
) -> Extraction:
    # "Thursday (October 2)" cannot be of a year where it is a Tuesday: not read in it
    holding = [d for d in published if _weekdays_hold(x.weekday_days, d.year)]
    if not holding:
        return x
    options = []
    readings, moving = _year_readings(x, holding, kb, events_in_year)
    for year, (article, events) in readings.items():
        if days := _year_less_days(events, moving):
            options.append((_distance(days, published), year, article, events))
    if not options or min(o[0] for o in options) > MAX_DAYS_APART:
        return x  # still pending: its storyline may date it (date_from_storylines)
    _, year, article, events = min(options, key=lambda o: o[:2])
    why = (f"the year of the dated reports of its story ({len(published)} published "
           f"{published[0]} to {published[-1]})")  # fmt: skip
    return _read_in(x, year, article, events, why)


def date_from_storylines(
    extractions: Sequence[Extraction],
    storylines: Iterable[tuple[str, ...]],
    kb: KnowledgeBase,
    *,
    events_in_year: EventsInYear,
) -> list[Extraction]:
    """The extractions, those of undated reports whose weekdays fit exactly one of
    the years of their storyline's dated reports read in that year
    (``storylines``: the articles of each storyline)."""
    by_source = {x.article.source: x for x in extractions}
    dated: dict[str, Extraction] = {}
    for articles in storylines:
        published = sorted(d for a in articles if (d := by_source[a].article.published))
        years = sorted({d.year for d in published})
        for source in articles:
            x = by_source[source]
            if not x.pending or x.article.published is not None:
                continue
            if x.weekday_days:
                fits = [y for y in years if _weekdays_hold(x.weekday_days, y)]
                if len(fits) == 1:
                    dated[source] = _in_storyline_year(x, fits[0], years, kb, events_in_year)
            elif published and (near := _one_near_year(x, published, kb, events_in_year)):
                dated[source] = near
    return [dated.get(x.article.source, x) for x in extractions]


def _one_near_year(
    x: Extraction, published: list[date], kb: KnowledgeBase, events_in_year: EventsInYear
) -> Extraction | None:
    """``x`` read in the one year of its storyline's dated reports in which its
    year-less days ("le 13 septembre") fall within :data:`MAX_DAYS_APART` of a
    report published that year; None when no year or several do (a storyline of
    yearly exercises has a 13 September near a report of every year)."""
    readings, moving = _year_readings(x, published, kb, events_in_year)
    near = []
    for year, (article, events) in readings.items():
        days = _year_less_days(events, moving)
        if days and _distance(days, [d for d in published if d.year == year]) <= MAX_DAYS_APART:
            near.append((year, article, events))
    if len(near) != 1:
        return None
    year, article, events = near[0]
    why = (f"the only year of its storyline's dated reports ({published[0].year} to "
           f"{published[-1].year}) near which its days fall")  # fmt: skip
    return _read_in(x, year, article, events, why)


def _year_readings(
    x: Extraction, published: list[date], kb: KnowledgeBase, events_in_year: EventsInYear
) -> tuple[dict[int, tuple[Article, tuple[EventMention, ...]]], set[tuple[int, int, str]]]:
    """``x`` read in each year of ``published``, and the time expressions whose
    day moves with the year (read once more in the year after, to tell them)."""
    years = sorted({d.year for d in published})
    readings = {y: events_in_year(x, y, kb) for y in years}
    extra = events_in_year(x, years[-1] + 1, kb)[1]
    moving = _moving({date(y, 1, 1): events for y, (_, events) in readings.items()}
                     | {date(years[-1] + 1, 1, 1): extra})  # fmt: skip
    return readings, moving


def _year_less_days(
    events: Iterable[EventMention], moving: set[tuple[int, int, str]]
) -> list[EventMention]:
    """The events dated by a day or month the text gives without its year ("le 13
    septembre"): only they tell the year. The report's own year (its report
    time) and "in 2022" are the same whatever year is tried."""
    return [e for e in events if _key(e) in moving and e.time.granularity != "year"]


def _weekdays_hold(days: Iterable[tuple[int, int, int]], year: int) -> bool:
    """Whether every (month, day, weekday) is that weekday in ``year``."""
    return all(
        day <= calendar.monthrange(year, month)[1] and date(year, month, day).weekday() == weekday
        for month, day, weekday in days
    )


def _in_storyline_year(
    x: Extraction, year: int, years: list[int], kb: KnowledgeBase, events_in_year: EventsInYear
) -> Extraction:
    article, events = events_in_year(x, year, kb)
    month, day, weekday = x.weekday_days[0]
    named = f"{calendar.month_name[month]} {day} is a {calendar.day_name[weekday]}"
    span = f"{years[0]} to {years[-1]}"
    why = f"the only year of its storyline's dated reports ({span}) in which {named}"
    return _read_in(x, year, article, events, why)


def _distance(events: Sequence[EventMention], published: list[date]) -> int:
    """Days between the nearest event and the nearest publication day."""
    return min(
        0 if e.time.begin <= day <= e.time.last else
        min(abs((e.time.begin - day).days), abs((e.time.last - day).days))
        for e in events for day in published
    )  # fmt: skip


__all__ = [
    "MAX_DAYS_APART",
    "PARTNER_DAYS",
    "EventsInYear",
    "EventsOnDay",
    "date_from_partners",
    "date_from_stories",
    "date_from_storylines",
]
