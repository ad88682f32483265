"""The topic scheme (SKOS, ``ontology/topics.ttl``) and trigger-word matching.

A concept's ``skos:hiddenLabel`` values in a language are stems: each matches
the start of a word ("patrouill" matches "patrouille", "patrouillé"), a phrase
matches as written, caselessly; a stem ending in ``$`` matches only the whole
word ("report$" matches "report", not "reporters"). The same stem matcher serves event types
(:mod:`graph.event_types` trigger lists), so both vocabularies extend by data alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from graph.resources import TOPICS_FILE

TOPIC_BASE = "https://storygraph.example.org/topic/"
NARROW = 0.5  # what a narrower concept weighs beside the broader one it also counts for
# the subject whose reports tell moves of play in words of war or of meeting ("a strike
# from 20 yards", "received the ball"): the language files' [cues] plays
SPORT = "sport"


@dataclass(frozen=True)
class Concept:
    iri: str
    slug: str
    labels: dict[str, str]
    stems: dict[str, tuple[str, ...]]
    broader: str | None = None  # the slug of its skos:broader concept, if any


def stem_regex(stems: Iterable[str], not_ending: Iterable[str] = ()) -> re.Pattern[str] | None:
    """One caseless regex matching any stem at a word start, not as the start of
    a word that ends with one of ``not_ending`` right after the stem.

    >>> bool(stem_regex(["patrouill"]).search("une Patrouille commune"))
    True
    >>> [m[0] for m in stem_regex(["report$", "reported"]).finditer("report reporters reported")]
    ['report', 'reported']
    >>> bool(stem_regex(["s'est posée sur"]).search("elle s’est posée sur la Lune"))
    True
    >>> [m[0] for m in stem_regex(["won$"]).finditer("he won't let go, but he won")]
    ['won']
    >>> [m[0] for m in stem_regex(["visit", "travel"], ["ers", "ors"]).finditer(
    ...     "visitors visited travellers")]
    ['visited']
    >>> stem_regex([]) is None
    True
    """
    ordered = sorted(set(stems), key=len, reverse=True)
    if not ordered:
        return None
    endings = "|".join(map(re.escape, sorted(set(not_ending), key=len, reverse=True)))

    def ending(stem: str) -> str:  # the stem's last letter may be doubled: "travellers"
        return rf"(?!{re.escape(stem[-1])}?(?:{endings})\b)" if endings else ""

    # an apostrophe matches its typographic twin: "s'est posée" in "s’est posée"
    # a whole word ends where a contraction's "n't" does not follow ("won't" is no "won")
    words = [_escape(s[:-1]) + r"(?!\w|['’]t\b)" if s.endswith("$")
             else _escape(s) + ending(s) + r"\w*" for s in ordered]  # fmt: skip
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + ")", re.IGNORECASE)


def _escape(stem: str) -> str:
    return "['’]".join(re.escape(part) for part in re.split("['’]", stem))


@lru_cache(maxsize=2)
def load_concepts(path: Path = TOPICS_FILE) -> tuple[Concept, ...]:
    """Read the SKOS concepts of the topic scheme, sorted by IRI."""
    rdf = Graph()
    rdf.parse(path, format="turtle")
    concepts = []
    for iri in sorted(rdf.subjects(RDF.type, SKOS.Concept), key=str):
        labels = {_lang(lit): str(lit) for lit in rdf.objects(iri, SKOS.prefLabel)}
        stems: dict[str, list[str]] = {}
        for lit in rdf.objects(iri, SKOS.hiddenLabel):
            stems.setdefault(_lang(lit), []).append(str(lit))
        broader = min((str(b).rsplit("/", 1)[-1] for b in rdf.objects(iri, SKOS.broader)),
                      default=None)  # fmt: skip
        concepts.append(
            Concept(
                str(iri),
                str(iri).rsplit("/", 1)[-1],
                labels,
                {k: tuple(sorted(v)) for k, v in stems.items()},
                broader,
            )
        )
    return tuple(concepts)


def _lang(node: object) -> str:
    return node.language or "en" if isinstance(node, Literal) else "en"


@lru_cache(maxsize=8)
def _regexes(language: str) -> tuple[tuple[Concept, re.Pattern[str]], ...]:
    pairs = []
    for concept in load_concepts():
        regex = stem_regex(concept.stems.get(language, ()))
        if regex is not None:
            pairs.append((concept, regex))
    return tuple(pairs)


def topic_profile(texts: Iterable[str], language: str) -> tuple[tuple[str, int], ...]:
    """How many of ``texts`` (an article's headline and sentences) speak of each
    concept, as sorted (slug, count) pairs: the article's topic profile.

    >>> topic_profile(["Joint naval drills began.", "The fleet sailed.", "Rain."], "en")
    (('defence-cooperation', 1), ('military-exercise', 2))
    """
    counts = Counter(slug for text in texts for slug in match_topics(text, language))
    return tuple(sorted(counts.items()))


@lru_cache(maxsize=256)  # each event of a sentence asks for the sentence's topics again
def match_topics(text: str, language: str) -> tuple[str, ...]:
    """Slugs of the concepts whose trigger words occur in ``text``, sorted."""
    return tuple(sorted(c.slug for c, regex in _regexes(language) if regex.search(text)))


def topic_vector(profiles: Sequence[Sequence[tuple[str, int]]]) -> dict[str, float]:
    """The topic vector of a group of articles: each article's share of
    sentences per concept, a narrower concept counting fully for its broader
    and half for itself (a storyline is a broad subject: an exercise and a
    ministers' visit are both defence cooperation).

    >>> topic_vector([[("military-exercise", 3), ("diplomacy", 1)]])
    {'military-exercise': 0.375, 'defence-cooperation': 0.75, 'diplomacy': 0.25}
    """
    broader = {c.slug: c.broader for c in load_concepts()}
    vector: dict[str, float] = defaultdict(float)
    for profile in profiles:
        total = sum(count for _, count in profile) or 1
        for slug, count in profile:
            up = broader.get(slug)
            vector[slug] += (NARROW if up else 1.0) * count / total
            if up:
                vector[up] += count / total
    return dict(vector)


def dominant_subject(topics: Mapping[str, float]) -> str | None:
    """The top concept (one with no broader) that ``topics`` weighs most, if any.

    >>> dominant_subject(topic_vector([[("military-exercise", 2), ("diplomacy", 1)]]))
    'defence-cooperation'
    """
    tops = {c.slug for c in load_concepts() if c.broader is None}
    ranked = sorted((slug for slug in topics if slug in tops), key=lambda t: (-topics[t], t))
    return ranked[0] if ranked else None
