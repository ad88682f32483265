"""Resolve: an undated report takes its year from the dated reports of its story.

Requires the per-article extractions and the article groups of
:func:`graph.resolve.stories.article_groups`; replaces the events of the articles that
printed neither a date nor a year and kept their analysed sentences for this
(``Extraction.pending``).

Method: a report that names "Thursday (March 6)" but no year joins a story
whose other reports were published in March 2031; for each year those
reports were published in, its days, ranges and months are dated in that year
(as with a year from an event name, :mod:`graph.extract.dates`), and the year whose
events lie nearest the dated reports' publication days is kept, when they lie
within :data:`MAX_DAYS_APART` of one. The article records why
(``published_evidence``); its events carry a ``year`` anchor in their audit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Final

from graph.kb import KnowledgeBase
from graph.types import EventMention, Extraction

#: the events of a pending report read as if it were from a year
#: (:func:`graph.extract.events_in_year`): its sentences were analysed once, by
#: the extract stage; only their dates and events are read again per year tried
EventsInYear = Callable[[Extraction, int, KnowledgeBase], tuple[EventMention, ...]]

MAX_DAYS_APART: Final = 90  # a report tells the news of its weeks, not of another season


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
        for source in group:
            x = by_source[source]
            if x.pending and published:
                dated[source] = _dated(x, published, kb, events_in_year)
    return [dated.get(x.article.source, x) for x in extractions]


def _dated(
    x: Extraction, published: list[date], kb: KnowledgeBase, events_in_year: EventsInYear
) -> Extraction:
    options = []
    for year in sorted({d.year for d in published}):
        events = events_in_year(x, year, kb)
        if events:
            options.append((_distance(events, published), year, events))
    distance, year, events = min(options, default=(MAX_DAYS_APART + 1, 0, ()))
    if distance > MAX_DAYS_APART:
        return replace(x, pending=())
    reason = (f"year only: {year}, the year of the dated reports of its story "
              f"({len(published)} published {published[0]} to {published[-1]})")  # fmt: skip
    return replace(x, article=replace(x.article, published_evidence=reason), events=events,
                   pending=())  # fmt: skip


def _distance(events: Sequence[EventMention], published: list[date]) -> int:
    """Days between the nearest event and the nearest publication day."""
    return min(
        0 if e.time.begin <= day <= e.time.last else
        min(abs((e.time.begin - day).days), abs((e.time.last - day).days))
        for e in events for day in published
    )  # fmt: skip


__all__ = ["MAX_DAYS_APART", "EventsInYear", "date_from_stories"]
