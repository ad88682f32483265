"""Resolve stage, part 2: group articles into episodes (stories).

Requires: for each article, the entity keys it mentions and its topic profile.

Adds: :class:`~graph.types.Story` records: each episode's articles and events
in time order. An episode is one happening told by one or more articles; the
storylines that gather episodes over years are :mod:`graph.resolve.storylines`.

Method: each article is a weighted bag of features — the entities it mentions
(people and the proper names of exercises, operations or summits weigh most,
then organisations, places, and countries least, since a country is shared by
many unrelated stories) and its topic concepts — scaled
by a smoothed inverse document frequency. Two articles are linked when the
cosine of their vectors reaches ``threshold`` (config ``story_threshold``,
default 0.35); episodes are their group-average clusters (:func:`article_groups`).
Candidate pairs come from
an inverted index on features, so articles that share nothing are never
compared. A Nordvik swimmer's record shares only "Nordvik" with a Nordvik–Valdoria
defence story, whose weight is too small to reach the threshold. Two articles
whose publication days are known and lie more than ``window_days`` apart
(config ``episode_window_days``, default 30) tell different episodes, however
alike: a state visit of 2031 is not the summit of 2030 between the same leaders.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from graph.config import DEFAULT_EPISODE_WINDOW, DEFAULT_THRESHOLD
from graph.event_types import FALLBACK, LABELS, SAYING
from graph.types import UNKNOWN_TIME, Event, Story

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
    vectors: Mapping[str, dict[str, float]],
    threshold: float,
    days: Mapping[str, date | None] | None = None,
    window_days: int = DEFAULT_EPISODE_WINDOW,
) -> list[tuple[str, str, float]]:
    """Article pairs whose cosine reaches ``threshold``.

    Candidates come from an inverted index restricted to the features that are
    not everywhere (a feature in more than ``_BLOCKING_SHARE`` of a large build,
    a big country say, would pair nearly every article with every other);
    each candidate pair's cosine then counts every shared feature. Articles
    whose ``days`` (publication days, where known) are more than
    ``window_days`` apart are never paired, nor two that share only topics
    (a storm and a warehouse fire in one region are two happenings).
    """
    days = days or {}
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
            if _too_far(days.get(article), days.get(other), window_days):
                continue
            theirs = vectors[other]
            small, large = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
            shared = small.keys() & large.keys()
            if all(f.startswith("topic/") for f in shared):
                continue  # one happening has someone or somewhere both reports name
            # fsum: exact, so the order of the set (hash seed) cannot change a score
            score = math.fsum(small[f] * large[f] for f in shared)
            if score >= threshold:
                pairs.append((article, other, score))
    return pairs


def _too_far(a: date | None, b: date | None, window_days: int) -> bool:
    return a is not None and b is not None and abs((a - b).days) > window_days


def article_groups(
    features: Mapping[str, Counter[str]],
    threshold: float = DEFAULT_THRESHOLD,
    days: Mapping[str, date | None] | None = None,
    window_days: int = DEFAULT_EPISODE_WINDOW,
) -> list[tuple[str, ...]]:
    """The articles joined by similarity, each group sorted, in order of their first.

    Group-average agglomerative clustering over the similar pairs, strongest
    first: two groups join when the mean cosine of their cross pairs reaches
    ``threshold`` (so one article that resembles two different stories cannot
    chain them into one) and the known publication days of the whole lie within
    ``window_days``.
    """
    days = days or {}
    vectors = article_vectors(features)
    group = {a: a for a in features}
    members: dict[str, list[str]] = {a: [a] for a in features}
    total = {a: dict(v) for a, v in vectors.items()}  # sum of the unit vectors of a group
    span = {a: (d, d) if (d := days.get(a)) is not None else None for a in features}

    def root(a: str) -> str:
        while group[a] != a:
            group[a] = group[group[a]]  # path halving: finds stay short as groups grow
            a = group[a]
        return a

    pairs = similar_pairs(vectors, threshold, days, window_days)
    for a, b, _ in sorted(pairs, key=lambda p: (-p[2], p[0], p[1])):
        ra, rb = sorted((root(a), root(b)))
        joined = _joined_span(span[ra], span[rb])
        if ra == rb or (joined is not None and (joined[1] - joined[0]).days > window_days):
            continue
        if _mean_cosine(total[ra], total[rb], len(members[ra]) * len(members[rb])) < threshold:
            continue
        group[rb], span[ra] = ra, joined
        members[ra] += members.pop(rb)
        for f, v in total.pop(rb).items():
            total[ra][f] = total[ra].get(f, 0.0) + v
    return sorted(tuple(sorted(m)) for m in members.values())


def _mean_cosine(a: Mapping[str, float], b: Mapping[str, float], pairs: int) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return math.fsum(small[f] * large[f] for f in sorted(small.keys() & large.keys())) / pairs


def _joined_span(
    a: tuple[date, date] | None, b: tuple[date, date] | None
) -> tuple[date, date] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def assign_stories(
    features: Mapping[str, Counter[str]],
    events: Sequence[Event],
    labels: Mapping[str, str],
    threshold: float = DEFAULT_THRESHOLD,
    days: Mapping[str, date | None] | None = None,
    window_days: int = DEFAULT_EPISODE_WINDOW,
) -> list[Story]:
    """Group articles into stories and list each story's events in time order.

    Args:
        features: article source -> counts of entity keys and ``topic/<slug>``.
        events: resolved events (an event belongs to every story one of its
            reporting articles belongs to).
        labels: entity key -> label, for story labels.
        threshold: cosine similarity from which two articles share a story.
        days: article source -> publication day, where known.
        window_days: the most days between two articles of one episode.

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
    for articles in article_groups(features, threshold, days, window_days):
        found = {key for article in articles for key in by_article[article]}
        story_events = sorted((by_key[k] for k in found), key=lambda e: (e.begin, e.last, e.key))
        if not story_events and len(articles) < 2:
            continue  # one article that dates nothing: no timeline, no story to tell
        stories.append(
            Story(
                key="story/" + _story_slug(articles),
                label=episode_name(
                    story_events,
                    labels,
                    _latest(articles, days),
                    sum((features[a] for a in articles), Counter()),
                )
                or _label(articles, features, labels),
                articles=articles,
                events=tuple(e.key for e in story_events),
            )
        )
    return sorted(stories, key=lambda s: (s.events[:1], s.key))


def _latest(articles: Sequence[str], days: Mapping[str, date | None] | None) -> date | None:
    return max((d for a in articles if (d := (days or {}).get(a)) is not None), default=None)


def episode_days(
    episodes: Sequence[Story], events: Sequence[Event], published: Mapping[str, date | None]
) -> dict[str, date | None]:
    """The day of each episode: its latest known publication, else the end of
    its latest event, else None."""
    last = {event.key: event.last for event in events if event.granularity != UNKNOWN_TIME}
    days: dict[str, date | None] = {}
    for episode in episodes:
        known = [d for a in episode.articles if (d := published.get(a)) is not None]
        known = known or [last[e] for e in episode.events if e in last]
        days[episode.key] = max(known, default=None)
    return days


def _story_slug(articles: tuple[str, ...]) -> str:
    return hashlib.sha1("\n".join(articles).encode()).hexdigest()[:12]


def episode_name(
    events: Sequence[Event],
    labels: Mapping[str, str],
    day: date | None = None,
    salience: Mapping[str, int] | None = None,
) -> str | None:
    """An episode's headline from its main event: one of the news (within a
    month of ``day``, its latest report, or of its latest event) rather than
    background, a typed happening before a statement, then the one whose actors
    the episode's articles name most (``salience``: mentions per entity key),
    reported by most articles, the latest ("Marion Castellan, Edvard Lindqvist:
    meeting in Tromsø, Oct 2031")."""
    events = [e for e in events if e.granularity != UNKNOWN_TIME] or list(events)
    if not events:
        return None
    weight = salience or {}
    anchor = day or max(e.last for e in events)
    main = min(events, key=lambda e: (
        abs((e.last - anchor).days) > DEFAULT_EPISODE_WINDOW, e.event_type in (FALLBACK, SAYING),
        -sum(weight.get(a, 0) for a in e.actors), -len({m.article for m in e.mentions}),
        -e.begin.toordinal(), e.key,
    ))  # fmt: skip
    # a headline names people and organisations before the countries they act for
    actors = sorted(main.actors, key=lambda a: (a.startswith("country/"), -weight.get(a, 0), a))[:2]
    who = ", ".join(labels.get(a, a.split("/", 1)[-1]) for a in actors)
    what = LABELS.get(main.event_type, main.event_type).lower()
    where = f" in {labels.get(main.places[0], main.places[0])}" if main.places else ""
    dated = main.granularity != UNKNOWN_TIME and main.begin.year == main.last.year
    when = main.begin.strftime("%b %Y") if dated else ""
    head = f"{who}: {what}{where}" if who else f"{what[:1].upper()}{what[1:]}{where}"
    return f"{head}, {when}" if when else head


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
