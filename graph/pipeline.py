"""The whole build, in the order of its stages: ingest -> extract -> resolve -> assemble.

``build(inputs, config)`` returns the graph and a :class:`BuildReport`; it reads
files only through :mod:`graph.ingest` and writes nothing but the extraction
cache (see :func:`graph.export.write_outputs` for the outputs). Where the
per-article work runs is :mod:`graph.workers`; what it may reuse is
:mod:`graph.cache`. Everything after extraction is linear in the number of
mentions.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graph.assemble import assemble
from graph.cache import LANGUAGES_KEY, BuildCache, ExtractionCache
from graph.config import BuildConfig
from graph.errors import InputError
from graph.extract import events_in_year, events_on_day
from graph.ingest import count_articles, iter_input_files, read_inputs
from graph.ingest.language import release_model
from graph.kb import KnowledgeBase, default_kb
from graph.resolve import resolve_entities, resolve_events
from graph.resolve.stories import article_groups, assign_stories, episode_days
from graph.resolve.storydates import (
    date_from_partners,
    date_from_stories,
    date_from_storylines,
)
from graph.resolve.storylines import assign_storylines
from graph.types import (
    Article,
    Entity,
    EntityMention,
    Event,
    Extraction,
    Story,
    Storyline,
)
from graph.workers import collecting_rarely, early_worker, extract_all

__all__ = ["BuildConfig", "BuildReport", "build", "resolve_and_assemble"]

log = logging.getLogger("storygraph")


@dataclass(frozen=True)
class BuildReport:
    """What a build read, skipped and found."""

    articles: int = 0
    skipped: tuple[InputError, ...] = ()
    events: int = 0
    event_mentions: int = 0
    stories: int = 0
    storylines: int = 0
    cached: int = 0
    languages: frozenset[str] = frozenset()


@dataclass
class _Extracted:
    """The extract stage's results as they arrive (private to :func:`build`)."""

    extractions: list[Extraction] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)
    cached: int = 0

    def skip(self, error: InputError) -> None:
        log.warning("%s", error)
        self.skipped.append(error)


def _to_extract(
    items: Iterable[Article | InputError], known: BuildCache | None, found: _Extracted
) -> Iterator[Article]:
    """Articles still to extract, streamed: skips are logged, cache hits set aside.

    A generator, so that reading the next files overlaps the extraction of the
    first ones in the worker processes.
    """
    for item in items:
        if isinstance(item, InputError):
            found.skip(item)
            continue
        hit = known.lookup(item) if known is not None else None
        if hit is not None:
            found.extractions.append(hit)
            found.cached += 1
        else:
            yield item


def _expected_articles(inputs: Sequence[str | Path]) -> int | None:
    """How many articles a build will probably see (for the progress bar), or
    None for a stream of unknown length."""
    if any(str(i) == "-" for i in inputs):
        return None
    return sum(count_articles(path) for path in iter_input_files(inputs))


def _extract_inputs(
    inputs: Sequence[str | Path], config: BuildConfig, cache: ExtractionCache | None
) -> _Extracted:
    """Ingest and extract every input, from the cache where it can."""
    found = _Extracted()
    known = BuildCache(cache) if cache is not None else None
    todo = _to_extract(read_inputs(inputs, known=known), known, found)
    with early_worker(cache, config) as early:
        for result in extract_all(todo, config, _expected_articles(inputs), early):
            if isinstance(result, InputError):
                found.skip(result)
                continue
            found.extractions.append(result)
            if known is not None:
                known.store(result)
    if cache is not None and found.extractions:  # with no article, no output folder either
        cache.put(LANGUAGES_KEY, _languages(found.extractions))  # for the next early worker
        cache.forget_untouched()
    return found


def build(
    inputs: Sequence[str | Path],
    config: BuildConfig | None = None,
    *,
    memory: dict[Path, object] | None = None,
) -> tuple[nx.MultiDiGraph[str], BuildReport]:
    """Build the story graph of the given files and folders.

    Args:
        inputs: files, folders, or ``-`` for JSON lines on standard input.
        config: build settings.
        memory: kept between the builds of one process (watch mode), the cache
            entries already read, so that they are not read from disk again.

    Returns:
        The graph and a report of what was read, skipped and found.
    """
    config = config or BuildConfig()
    started = time.perf_counter()
    cache = (
        ExtractionCache(Path(config.cache_dir), config.kb_dir, memory, config.models)
        if config.cache_dir
        else None
    )
    found = _extract_inputs(inputs, config, cache)
    log.info("extracted %d articles in %.1f s", len(found.extractions),
             time.perf_counter() - started)  # fmt: skip
    if memory is None:  # no next build in this process: the peak comes later, without it
        release_model()
    started = time.perf_counter()
    with collecting_rarely():
        G, report = resolve_and_assemble(found.extractions, config)  # empties the list
    log.info("resolved %d events into %d stories in %.1f s",
             report.events, report.stories, time.perf_counter() - started)  # fmt: skip
    report = BuildReport(
        articles=report.articles,
        skipped=tuple(found.skipped),
        events=report.events,
        event_mentions=report.event_mentions,
        stories=report.stories,
        storylines=report.storylines,
        cached=found.cached,
        languages=report.languages,
    )
    return G, report


def resolve_and_assemble(
    extractions: list[Extraction], config: BuildConfig
) -> tuple[nx.MultiDiGraph[str], BuildReport]:
    """Resolve the per-article extractions and assemble the graph.

    The list is emptied: its extractions (their sentences and mentions) are
    let go before the graph is assembled, which takes as much memory again
    (a build's peak: at 10,000 articles the graph is half a gigabyte).

    Returns:
        The graph and a report of its counts (articles, events, stories, languages).
    """
    kb = default_kb(config.kb_dir)
    ordered = sorted(extractions, key=lambda x: x.article.source)
    extractions.clear()
    resolved = _resolve(ordered, config, kb)
    del ordered
    if any(x.pending for x in resolved.extractions):
        # a report its episode could not date may be dated by its storyline's years;
        # then the whole resolve runs again, so its events join their episode
        articles_of = {story.key: story.articles for story in resolved.stories}
        by_line = [tuple(a for e in line.episodes for a in articles_of[e])
                   for line in resolved.storylines]  # fmt: skip
        redated = date_from_storylines(
            resolved.extractions, by_line, kb, events_in_year=events_in_year
        )
        if any(new is not old for new, old in zip(redated, resolved.extractions, strict=True)):
            resolved = _resolve(redated, config, kb)
    report = BuildReport(
        articles=len(resolved.extractions),
        languages=frozenset(_languages(resolved.extractions)),
        event_mentions=sum(len(x.events) for x in resolved.extractions),
        events=len(resolved.events),
        stories=len(resolved.stories),
        storylines=len(resolved.storylines),
    )
    articles = [x.article for x in resolved.extractions]
    entities, events = resolved.entities, resolved.events
    stories, storylines = resolved.stories, resolved.storylines
    del resolved  # the extractions go: the graph needs only their articles
    return assemble(articles, entities, events, stories, storylines), report


@dataclass(frozen=True)
class _Resolved:
    """What one pass of the resolve stage gives."""

    extractions: list[Extraction]  # as dated by their episode
    entities: dict[str, Entity]
    events: list[Event]
    stories: list[Story]
    storylines: list[Storyline]


def _resolve(extractions: list[Extraction], config: BuildConfig, kb: KnowledgeBase) -> _Resolved:
    """Entities, the dates of undated reports from their episode, events, episodes
    and storylines."""
    entities, redirect = resolve_entities(_named(extractions), kb)
    days = {x.article.source: x.article.published for x in extractions}
    if any(x.pending for x in extractions):
        features = {x.article.source: _features(x, redirect) for x in extractions}
        groups = article_groups(features, config.story_threshold, days, config.episode_window_days)
        extractions = date_from_partners(
            extractions, groups, kb, events_on_day=events_on_day, redirect=redirect
        )
        extractions = date_from_stories(extractions, groups, kb, events_in_year=events_in_year)
        days = {x.article.source: x.article.published for x in extractions}
        entities, redirect = resolve_entities(_named(extractions), kb)  # the new events' actors
    labels = {k: e.label for k, e in entities.items()}
    events = resolve_events([e for x in extractions for e in x.events], redirect, labels)
    features = {x.article.source: _features(x, redirect) for x in extractions}
    stories = assign_stories(
        features, events, labels, config.story_threshold, days, config.episode_window_days
    )
    profiles = {x.article.source: x.topics for x in extractions}
    reported = {e.key for e in stories if any(days.get(a) for a in e.articles)}
    storylines = assign_storylines(
        stories, features, profiles, episode_days(stories, events, days), labels,
        config.storylines, reported,
    )  # fmt: skip
    return _Resolved(extractions, entities, events, stories, storylines)


def _languages(extractions: Iterable[Extraction]) -> Counter[str]:
    """How many of the articles are in each language."""
    return Counter(x.article.language for x in extractions if x.article.language)


def _named(extractions: Sequence[Extraction]) -> list[tuple[str, EntityMention]]:
    """(article, mention) of every actor or place named, in text or as an event's actor."""
    # Event names ("Aurore-2031") only tell stories apart: they are no graph node.
    pairs = [(x.article.source, m) for x in extractions for m in x.mentions
             if m.kind != "event-name"]  # fmt: skip
    pairs += [(x.article.source, a) for x in extractions for e in x.events for a in e.actors]
    return pairs


def _features(x: Extraction, redirect: dict[str, str]) -> Counter[str]:
    counts: Counter[str] = Counter(redirect.get(m.key, m.key) for m in x.mentions)
    # what the whole article speaks of, not only its dated events: a report
    # on an exercise and one on a summit between the same leaders stay apart
    counts.update({f"topic/{slug}": n for slug, n in x.topics})
    return counts
