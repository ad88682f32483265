"""Resolve stage, part 2: group articles into stories.

Requires: for each article, the entity keys it mentions and the topics of its
events.

Adds: :class:`~graph.types.Story` records: each story's articles and events in
time order.

Method: each article is a weighted bag of features — the entities it mentions
(people and the proper names of exercises, operations or summits weigh most,
then organisations, places, and countries least, since a country is shared by
many unrelated stories) and its topic concepts — scaled
by a smoothed inverse document frequency. Two articles are linked when the
cosine of their vectors reaches ``threshold`` (config ``story_threshold``,
default 0.35); stories are the connected components. Candidate pairs come from
an inverted index on features, so articles that share nothing are never
compared. A Chinese swimmer's record shares only "China" with a China–Russia
defence story, whose weight is too small to reach the threshold.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

import networkx as nx

from graph.config import DEFAULT_THRESHOLD
from graph.types import Event, Story

KIND_WEIGHTS = {"person": 3.0, "event-name": 3.0, "organization": 2.0, "thing": 2.0, "place": 1.0,
                "country": 0.5, "topic": 1.0}  # fmt: skip
# Pseudo-documents that contain none of the features: keeps IDF meaningful for
# a build of two articles.
_BACKGROUND_DOCS = 10
_BLOCKING_MIN = 50  # below this many articles, every shared feature proposes pairs
_BLOCKING_SHARE = 0.02


def _feature_kind(feature: str) -> str:
    return feature.split("/", 1)[0]


def article_vectors(features: Mapping[str, Counter[str]]) -> dict[str, dict[str, float]]:
    """TF-IDF vectors (unit length) of each article's features."""
    df: Counter[str] = Counter()
    for counts in features.values():
        df.update(counts.keys())
    n = len(features) + _BACKGROUND_DOCS
    vectors = {}
    for article, counts in features.items():
        vec = {
            f: KIND_WEIGHTS.get(_feature_kind(f), 1.0)
            * (1 + math.log(c))
            * math.log((n + 1) / (df[f] + 1))
            for f, c in counts.items()
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors[article] = {f: v / norm for f, v in vec.items()}
    return vectors


def similar_pairs(
    vectors: Mapping[str, dict[str, float]], threshold: float
) -> list[tuple[str, str, float]]:
    """Article pairs whose cosine reaches ``threshold``.

    Candidates come from an inverted index restricted to the features that are
    not everywhere (a feature in more than ``_BLOCKING_SHARE`` of a large build,
    a big country say, would pair nearly every article with every other);
    each candidate pair's cosine then counts every shared feature.
    """
    postings: dict[str, list[str]] = defaultdict(list)  # each list sorted
    for article in sorted(vectors):
        for feature in vectors[article]:
            postings[feature].append(article)
    cap = max(_BLOCKING_MIN, int(_BLOCKING_SHARE * len(vectors)))
    pairs = []
    for article in sorted(vectors):
        others: set[str] = set()
        for feature in vectors[article]:
            posting = postings[feature]
            if len(posting) <= cap:  # the articles after this one, taken as a slice
                others.update(posting[bisect_right(posting, article) :])
        mine = vectors[article]
        for other in sorted(others):
            theirs = vectors[other]
            small, large = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
            # fsum: exact, so the order of the set (hash seed) cannot change a score
            score = math.fsum(small[f] * large[f] for f in small.keys() & large.keys())
            if score >= threshold:
                pairs.append((article, other, score))
    return pairs


def article_groups(
    features: Mapping[str, Counter[str]], threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[str, ...]]:
    """The articles joined by similarity, each group sorted, in order of their first."""
    links: nx.Graph[str] = nx.Graph()
    links.add_nodes_from(sorted(features))
    for a, b, _ in similar_pairs(article_vectors(features), threshold):
        links.add_edge(a, b)
    return sorted(tuple(sorted(c)) for c in nx.connected_components(links))


def assign_stories(
    features: Mapping[str, Counter[str]],
    events: Sequence[Event],
    labels: Mapping[str, str],
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Story]:
    """Group articles into stories and list each story's events in time order.

    Args:
        features: article source -> counts of entity keys and ``topic/<slug>``.
        events: resolved events (an event belongs to every story one of its
            reporting articles belongs to).
        labels: entity key -> label, for story labels.
        threshold: cosine similarity from which two articles share a story.

    Returns:
        Stories sorted by their first event's date, then key. Articles that
        date no event still form a story together when two or more join (pages
        that print no date: the story is there, its timeline empty); a lone
        article that dates nothing belongs to no story.
    """
    by_key = {event.key: event for event in events}
    by_article: dict[str, set[str]] = defaultdict(set)
    for event in events:
        for mention in event.mentions:
            by_article[mention.article].add(event.key)
    stories = []
    for articles in article_groups(features, threshold):
        found = {key for article in articles for key in by_article[article]}
        story_events = sorted((by_key[k] for k in found), key=lambda e: (e.begin, e.last, e.key))
        if not story_events and len(articles) < 2:
            continue  # one article that dates nothing: no timeline, no story to tell
        stories.append(
            Story(
                key="story/" + _story_slug(articles),
                label=_label(articles, features, labels),
                articles=articles,
                events=tuple(e.key for e in story_events),
            )
        )
    return sorted(stories, key=lambda s: (s.events[:1], s.key))


def _story_slug(articles: tuple[str, ...]) -> str:
    return hashlib.sha1("\n".join(articles).encode()).hexdigest()[:12]


def _label(
    articles: Sequence[str], features: Mapping[str, Counter[str]], labels: Mapping[str, str]
) -> str:
    """The story's most present actors: in most of its articles, then most mentioned."""
    present: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for article in articles:
        named = {f: c for f, c in features[article].items() if not f.startswith("topic/")}
        present.update(named.keys())
        mentions.update(named)
    top = sorted(
        present,
        key=lambda f: (-present[f], -KIND_WEIGHTS.get(_feature_kind(f), 1.0) * mentions[f], f),
    )
    names = [labels.get(f, f.split("/", 1)[1]) for f in top[:3]]
    return " – ".join(names) if names else "Story"
