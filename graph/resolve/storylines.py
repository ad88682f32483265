"""Resolve stage, part 3: gather episodes into storylines.

Requires: the episodes (:class:`~graph.types.Story`, from
:mod:`graph.resolve.stories`), each article's entity features and topic
profile (:attr:`~graph.types.Extraction.topics`), and the day of each episode.

Adds: :class:`~graph.types.Storyline` records, one subject over time made of
episodes that may be years apart, and the pairs of storylines that are related
without being one.

Method — single-pass clustering in time order, as topic detection and tracking
(TDT) does it: each episode, oldest first, joins the storyline it is most alike,
or starts a new one. Alike means two things at once:

- **what it is about**: the topic profile (the share of the articles' sentences
  that speak of each SKOS concept of ``ontology/topics.ttl``, a narrower
  concept also counting for its broader one), compared by cosine; an episode
  joins only a storyline whose dominant top concept is its own;
- **who and where**: the entities (people, organisations, named things and
  events, places, countries), each weighted by how often the episode names it
  and by its rarity among the episodes (inverse document frequency: "Marion Castellan"
  says more than "China"), compared by cosine.

The score is ``topic_weight * topics + (1 - topic_weight) * entities``, times
a time decay ``0.5 ** (gap / half_life_days)`` between the episode and the
storyline's latest one, floored at ``decay_floor`` so that a subject may come
back years later. An episode joins when the score reaches ``threshold`` *and*
the entity cosine reaches ``min_entities`` (two sports stories share a topic,
not a storyline) *and* it names the storyline's two main actors (of those most
of its episodes name, the two its reports mention most: a war the reports of a
defence cooperation mention does not bring the war's own reports in). A
storyline's profile is the sum of its episodes'. Storylines that reach
``related`` (without the time decay) but are not one are related
(``sg:relatedStory``). Candidates come from an inverted index on entities, so
an episode is compared only with the storylines of its subject it shares one
with (at most :data:`CANDIDATES_PER_ENTITY`, the most recent, per entity), and
a new episode is placed without clustering the others again. Deterministic: ties go
to the oldest storyline, the order is (day, key), undated episodes last, and
episodes none of whose reports has a publication date (their day is that of
their latest event, often background) after those reported on a known day.
"""

from __future__ import annotations

import hashlib
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from graph.config import StorylineSettings
from graph.extract.topics import dominant_subject, load_concepts, topic_vector
from graph.types import Story, Storyline

__all__ = ["assign_storylines", "storyline_name"]

_Vector = dict[str, float]
_ACTOR_KINDS = ("country/", "organization/", "person/")


@dataclass
class _Line:
    """A storyline while it grows (private to :func:`assign_storylines`)."""

    episodes: list[Story] = field(default_factory=list)
    topics: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    entities: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    last: date | None = None
    named: Counter[str] = field(default_factory=Counter)  # actor -> episodes naming it
    mentioned: Counter[str] = field(default_factory=Counter)  # actor -> times named
    # what every comparison reads, computed once after each change: the norms of
    # the two vectors and the dominant subject (a large storyline has thousands
    # of entities, and hundreds of episodes are compared with it)
    _norms: tuple[float, float] | None = None
    _subject: tuple[str | None] | None = None
    _main: tuple[str, ...] | None = None  # the two main actors (shares_core)
    # the actors more than half of the episodes name, kept as episodes come: only
    # an actor of the new episode can enter it, so it is never recounted from all
    _core: set[str] = field(default_factory=set)

    def add(
        self,
        episode: Story,
        topics: _Vector,
        entities: _Vector,
        day: date | None,
        mentioned: Mapping[str, int],
    ) -> None:
        self.episodes.append(episode)
        for total, vector in ((self.topics, topics), (self.entities, entities)):
            for k, v in vector.items():
                total[k] += v
        if day is not None:
            self.last = max(self.last, day) if self.last else day
        actors = [f for f in entities if f.startswith(_ACTOR_KINDS)]
        self.named.update(actors)
        self.mentioned.update(mentioned)
        half = len(self.episodes)
        self._core = {f for f in (*self._core, *actors) if 2 * self.named[f] > half}
        self._norms = self._subject = self._main = None

    def shares_core(self, entities: Mapping[str, float]) -> bool:
        """Whether an episode names the storyline's two main actors: of those
        most of its episodes name, the two its reports name most often (all of
        them when fewer). A war report naming Russia and Ukraine does not join
        China and Russia's defence cooperation, whose reports mention the war
        too, however alike the topics."""
        if self._main is None:
            self._main = tuple(sorted(self._core, key=lambda f: (-self.mentioned[f], f))[:2])
        return all(f in entities for f in self._main)

    @property
    def norms(self) -> tuple[float, float]:
        if self._norms is None:
            self._norms = (_norm(self.topics), _norm(self.entities))
        return self._norms

    @property
    def subject(self) -> str | None:
        if self._subject is None:
            self._subject = (dominant_subject(self.topics),)
        return self._subject[0]


def _norm(a: Mapping[str, float]) -> float:
    values = list(a.values())
    return math.sqrt(math.fsum(map(operator.mul, values, values)))  # C loops: large storylines


def _cosine(a: Mapping[str, float], b: Mapping[str, float], na: float, nb: float) -> float:
    """The cosine of ``a`` and ``b``, given their norms."""
    if not na or not nb:
        return 0.0
    shared = a.keys() & b.keys()  # the set walks the smaller: a storyline holds thousands
    # fsum is exact whatever the order: no sort needed for the same bytes
    return math.fsum(map(operator.mul, map(a.__getitem__, shared), map(b.__getitem__, shared))) / (
        na * nb
    )


def _entity_vectors(
    episodes: Sequence[Story], features: Mapping[str, Counter[str]]
) -> dict[str, _Vector]:
    """Each episode's entities weighted by how much its articles name them and
    by their rarity among the episodes."""
    counts: dict[str, dict[str, float]] = {}
    for episode in episodes:
        c: dict[str, float] = defaultdict(float)
        for article in episode.articles:
            for f, n in features[article].items():
                if not f.startswith("topic/"):
                    c[f] += 1 + math.log(n)
        counts[episode.key] = c
    df: Counter[str] = Counter(f for c in counts.values() for f in c)
    n = len(episodes) + 10  # background pseudo-episodes, as for articles
    return {
        key: {f: v * math.log((n + 1) / (df[f] + 1))
              for f, v in c.items()}
        for key, c in counts.items()
    }  # fmt: skip


def _decay(a: date | None, b: date | None, settings: StorylineSettings) -> float:
    if a is None or b is None:
        return 1.0
    fade: float = 0.5 ** (abs((a - b).days) / settings.half_life_days)
    return settings.decay_floor + (1 - settings.decay_floor) * fade


def _score(
    line: _Line, episode: _Line, day: date | None, s: StorylineSettings
) -> tuple[float, float]:
    """(score with time decay, entity cosine) of an episode against a storyline;
    a score of 0 when the entities alone are too far apart to join."""
    alike, by_entities = _alike(episode, line, s)
    return alike * _decay(day, line.last, s), by_entities


def _alike(a: _Line, b: _Line, s: StorylineSettings) -> tuple[float, float]:
    """(weighted topic and entity cosine, entity cosine) of two profiles; the
    first is 0 when the entity cosine is under ``min_entities``, which no join
    or relation accepts whatever the topics (most candidates end there)."""
    (topics_a, entities_a), (topics_b, entities_b) = a.norms, b.norms
    by_entities = _cosine(a.entities, b.entities, entities_a, entities_b)
    if by_entities < s.min_entities:
        return 0.0, by_entities
    by_topics = _cosine(a.topics, b.topics, topics_a, topics_b)
    return s.topic_weight * by_topics + (1 - s.topic_weight) * by_entities, by_entities


def assign_storylines(
    episodes: Sequence[Story],
    features: Mapping[str, Counter[str]],
    profiles: Mapping[str, Sequence[tuple[str, int]]],
    days: Mapping[str, date | None],
    labels: Mapping[str, str],
    settings: StorylineSettings | None = None,
    reported: Collection[str] | None = None,
) -> list[Storyline]:
    """Gather episodes into storylines (see the module docstring for the method).

    Args:
        episodes: the episodes, each with its articles.
        features: article source -> counts of entity keys (``topic/`` ones are ignored).
        profiles: article source -> its topic profile.
        days: episode key -> its day (its latest report), None when unknown.
        labels: entity key -> label, for storyline names.
        settings: the thresholds.
        reported: the episodes a report of which has a publication date (all when
            None); the others, whose day is only that of their latest event, come
            after them: a storyline grows from what was reported when.

    Returns:
        Storylines sorted by their first episode's day, then key; each episode
        in exactly one.
    """
    s = settings or StorylineSettings()
    entity_vectors = _entity_vectors(episodes, features)
    topic_vectors = {e.key: topic_vector([profiles.get(a, ()) for a in e.articles])
                     for e in episodes}  # fmt: skip

    # undated episodes last: a storyline grows from dated ones, which the time
    # decay can place; one nothing dates joins the storyline it is most alike
    def place_in_order(e: Story) -> tuple[bool, bool, date, str]:
        day = days.get(e.key)
        return day is None, reported is not None and e.key not in reported, day or date.min, e.key

    order = sorted(episodes, key=place_in_order)
    lines: list[_Line] = []
    subjects: list[str | None] = []  # each storyline's subject: that of its first episode
    # (subject, entity) -> the storylines of that subject holding it, oldest first
    postings: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for episode in order:
        topics, entities = topic_vectors[episode.key], entity_vectors[episode.key]
        alone = _Line(topics=topics, entities=entities)  # the episode's own profile
        day = days.get(episode.key)
        best, best_score = None, 0.0
        subject = alone.subject
        for index in _candidates(postings, subject, entities):
            if lines[index].subject != subject:
                continue
            score, by_entities = _score(lines[index], alone, day, s)
            if (score >= s.threshold and by_entities >= s.min_entities and score > best_score
                    and lines[index].shares_core(entities)):  # fmt: skip
                best, best_score = index, score
        if best is None:
            best = len(lines)
            lines.append(_Line())
            subjects.append(subject)
        for f in entities.keys() - lines[best].entities.keys():
            postings[subjects[best], f].append(best)
        lines[best].add(episode, topics, entities, day, _actor_mentions(episode, features))
    return _storylines(lines, days, labels, s)


CANDIDATES_PER_ENTITY = 64
"""How many storylines an entity proposes, the most recent of its subject: a
country in thousands of storylines must not make every episode compare with
all of them (the work per episode stays bounded as the corpus grows)."""


def _candidates(
    postings: Mapping[tuple[str | None, str], list[int]], subject: str | None, entities: _Vector
) -> list[int]:
    found = {i for f in entities for i in postings.get((subject, f), ())[-CANDIDATES_PER_ENTITY:]}
    return sorted(found)


def _storylines(
    lines: Sequence[_Line], days: Mapping[str, date | None], labels: Mapping[str, str],
    s: StorylineSettings,
) -> list[Storyline]:  # fmt: skip
    keys = ["storyline/" + _slug(line) for line in lines]
    related: dict[int, set[str]] = defaultdict(set)
    holding: dict[str, list[int]] = defaultdict(list)  # entity -> storylines, oldest first
    for i, line in enumerate(lines):
        for f in sorted(line.entities):
            holding[f].append(i)
    for i, a in enumerate(lines):
        others = {j for f in a.entities for j in holding[f][-CANDIDATES_PER_ENTITY:] if j > i}
        for j in sorted(others):
            b = lines[j]
            alike, by_entities = _alike(a, b, s)
            if alike >= s.related and by_entities >= s.min_entities:
                related[i].add(keys[j])
                related[j].add(keys[i])
    storylines = [
        Storyline(
            key=keys[i],
            label=storyline_name(line.topics, line.named, labels, line.mentioned),
            episodes=tuple(e.key for e in line.episodes),
            related=tuple(sorted(related[i])),
        )
        for i, line in enumerate(lines)
    ]
    first = {e.key: days.get(e.key) or date.min for line in lines for e in line.episodes}
    return sorted(storylines, key=lambda t: (first[t.episodes[0]], t.key))


def _slug(line: _Line) -> str:
    articles = sorted(a for e in line.episodes for a in e.articles)
    return hashlib.sha1("\n".join(articles).encode()).hexdigest()[:12]


def _actor_mentions(episode: Story, features: Mapping[str, Counter[str]]) -> Counter[str]:
    """How often the episode's reports name each actor."""
    counts: Counter[str] = Counter()
    for article in episode.articles:
        counts.update({f: n for f, n in features[article].items() if f.startswith(_ACTOR_KINDS)})
    return counts


def storyline_name(
    topics: Mapping[str, float],
    present: Mapping[str, int],
    labels: Mapping[str, str],
    mentioned: Mapping[str, int] | None = None,
) -> str:
    """A storyline's headline: its two actors named in most episodes (of as many,
    those its reports name most often, ``mentioned``), countries first, and its
    dominant top concept.

    >>> storyline_name({"sport": 1.0}, {"country/chile": 2, "person/ana-x": 1}, {})
    'chile–ana-x sport'
    >>> storyline_name({}, {"country/japan": 1, "country/russia": 1, "country/china": 1}, {},
    ...                {"country/russia": 4, "country/china": 3})
    'china–russia'
    """
    counts = mentioned or {}

    def kind(key: str) -> int:
        return _ACTOR_KINDS.index(key.split("/", 1)[0] + "/")

    main = sorted(present, key=lambda k: (-present[k], -counts.get(k, 0), kind(k), k))[:2]
    # the two named in a fixed order, not by counts: "China–Russia" whichever is named more
    actors = [labels.get(k, k.split("/", 1)[-1])
              for k in sorted(main, key=lambda k: (-present[k], kind(k), k))]  # fmt: skip
    concepts = {c.slug: c for c in load_concepts()}
    top = sorted((slug for slug in topics if concepts.get(slug) and not concepts[slug].broader),
                 key=lambda slug: (-topics[slug], slug))  # fmt: skip
    subject = concepts[top[0]].labels.get("en", top[0]) if top else ""
    return " ".join(part for part in ("–".join(actors), subject) if part) or "Storyline"
