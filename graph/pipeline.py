"""The whole build: ingest -> extract -> resolve -> build graph, as one function.

``build(inputs, config)`` returns the graph and a report; it reads files only
through :mod:`graph.ingest` and writes nothing (see :func:`graph.export.write_outputs`).
Per-article work (NER, dates, event mentions) runs in worker processes when
``config.jobs > 1``; everything after it is linear in the number of mentions.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import networkx as nx

from graph import pubdate
from graph.build import build_graph
from graph.entities import analyse
from graph.errors import InputError
from graph.events import extract_events
from graph.ingest import read_inputs
from graph.kb import default_kb
from graph.nlp import load_model
from graph.resolve import resolve_entities, resolve_events
from graph.stories import DEFAULT_THRESHOLD, assign_stories
from graph.types import Article, EntityMention, EventMention

log = logging.getLogger("storygraph")


@dataclass(frozen=True)
class BuildConfig:
    """Settings of a build (shipped defaults; the CLI overlays user choices)."""

    story_threshold: float = DEFAULT_THRESHOLD
    kb_dir: str | None = None
    jobs: int = 1
    default_language: str = "fr"


@dataclass(frozen=True)
class Extraction:
    """What the extract stage found in one article."""

    article: Article
    mentions: tuple[EntityMention, ...]
    events: tuple[EventMention, ...]


@dataclass
class BuildReport:
    articles: int = 0
    skipped: list[InputError] = field(default_factory=list)
    events: int = 0
    event_mentions: int = 0
    stories: int = 0


def with_publication_date(article: Article) -> Article:
    """Infer the publication date from the text when the page states none."""
    if article.published is not None:
        return article
    inferred = pubdate.infer_publication_date(article.body, language=article.language or "fr")
    if inferred is None:
        return article
    day, reason = inferred
    return replace(article, published=day, published_how="inferred", published_evidence=reason)


def extract_article(article: Article, config: BuildConfig) -> Extraction:
    """Run the extract stage on one article (entities, dates, events)."""
    kb = default_kb(config.kb_dir)
    language = article.language or config.default_language
    article = with_publication_date(replace(article, language=language))
    sentences = analyse(article.body, language=language, nlp=load_model(language), kb=kb)
    events = extract_events(article, sentences, kb=kb)
    mentions = tuple(m for s in sentences for m in s.mentions)
    return Extraction(article, mentions, tuple(events))


def _extract_all(articles: Iterable[Article], config: BuildConfig) -> list[Extraction]:
    if config.jobs <= 1:
        return [extract_article(a, config) for a in articles]
    with ProcessPoolExecutor(max_workers=config.jobs) as pool:
        batch = list(articles)
        return list(pool.map(extract_article, batch, [config] * len(batch), chunksize=4))


def build(inputs: Sequence[str | Path], config: BuildConfig = BuildConfig()
          ) -> tuple[nx.MultiDiGraph, BuildReport]:
    """Build the story graph of the given files and folders.

    Args:
        inputs: files, folders, or ``-`` for JSON lines on standard input.
        config: build settings.

    Returns:
        The graph and a report of what was read, skipped and found.
    """
    report = BuildReport()
    articles = []
    for item in read_inputs(inputs):
        if isinstance(item, InputError):
            log.warning("%s", item)
            report.skipped.append(item)
        else:
            articles.append(item)
    extractions = _extract_all(articles, config)
    return assemble(extractions, config, report), report


def assemble(extractions: Sequence[Extraction], config: BuildConfig,
             report: BuildReport) -> nx.MultiDiGraph:
    """Resolve and build the graph from per-article extractions."""
    kb = default_kb(config.kb_dir)
    extractions = sorted(extractions, key=lambda x: x.article.source)
    pairs = [(x.article.source, m) for x in extractions for m in x.mentions]
    pairs += [(x.article.source, a) for x in extractions for e in x.events for a in e.actors]
    entities, redirect = resolve_entities(pairs, kb)
    labels = {k: e.label for k, e in entities.items()}
    all_mentions = [e for x in extractions for e in x.events]
    events = resolve_events(all_mentions, redirect, labels)
    features = {x.article.source: _features(x, redirect, events) for x in extractions}
    stories = assign_stories(features, events, labels, config.story_threshold)
    report.articles = len(extractions)
    report.event_mentions = len(all_mentions)
    report.events = len(events)
    report.stories = len(stories)
    return build_graph([x.article for x in extractions], entities, events, stories)


def _features(x: Extraction, redirect: dict[str, str], events: Sequence[object]) -> Counter[str]:
    counts: Counter[str] = Counter(redirect.get(m.key, m.key) for m in x.mentions)
    for event in x.events:
        counts.update(f"topic/{t}" for t in event.topics)
    return counts
