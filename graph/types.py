"""Plain records passed between the pipeline stages.

ingest -> ``Article``; extract -> ``TimeExpression``, ``EntityMention``,
``RoleMention`` and ``AnalysedSentence`` (one sentence analysed once), ``EventMention``,
all of one article in an ``Extraction``; resolve -> ``Entity``, ``Event``, ``Story``
(an episode), ``Storyline``;
assemble -> the networkx graph. Every record is a frozen dataclass: stages return new records
(``dataclasses.replace``) instead of mutating what they were given, which keeps
the data flow one-way and the output deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

EntityKind = Literal["person", "organization", "country", "place", "event-name", "thing"]
#: what a date was resolved against; "year": a year known without its day
AnchorKind = Literal["publication", "post", "event", "year", "none"]
#: where an interval lies from its anchor
Relation = Literal["at", "before-anchor", "after-anchor"]
#: "thing": a named craft, mission, gathering or storm that takes part in events
#: ("la sonde Aster-3", "le festival de Brest", "la tempête Aurore").
#: "event-name": the proper name of an exercise, operation or summit
#: ("exercices « Aurore »"). Not an actor or place: it only tells which
#: articles tell the same story (see graph.stories).
Granularity = Literal[
    "day",
    "days",
    "week",
    "month",
    "early-month",
    "mid-month",
    "late-month",
    "season",
    "year",
    "about-day",
    "days-before",
    "days-after",
    "reported",  # told without a date: on or just before the report's publication
    "planned",  # told as to come, without a date: just after the report's publication
    "unknown",  # told without a date by a report that dates nothing: kept, its time unknown
]
#: the granularity of a time nothing tells: the event is kept, undated (graph.extract.undated)
UNKNOWN_TIME: Final = "unknown"
#: "filename": the date in the name of a saved page, from its address ("…-2031-05-06-title.txt")
PublishedHow = Literal["metadata", "text", "url", "filename", "inferred", "unknown"]


@dataclass(frozen=True, slots=True)
class Article:
    """One input article after ingest: clean body text plus page metadata.

    ``body`` holds only the article's own text (headline excluded), with page
    furniture, comments and teasers removed. ``source`` is the file path
    relative to the input root, or the URL when the record gave one.
    """

    source: str
    body: str
    headline: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None
    published_how: PublishedHow = "unknown"
    published_evidence: str | None = None
    language: str | None = None
    content_hash: str = ""
    file_hash: str = ""  # of the source name and raw bytes, for a one-article file
    # posts the page embeds (a tweet and its "— Name (@handle) August 30, 2031"): the
    # paragraph (counted over the body's non-empty lines) and the day it was posted
    posts: tuple[tuple[int, date], ...] = ()


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression normalised to a closed interval of days.

    The audit trail says how the interval was obtained: ``text`` is the words
    as written, ``anchor`` the date it was resolved against, ``rule`` the name
    of the rule that resolved it; ``conflict`` notes an inconsistency (a stated
    weekday that does not match the date) instead of silently dropping it.
    """

    text: str
    start: int
    end: int
    begin: date
    last: date
    granularity: Granularity
    rule: str
    anchor: date | None = None
    anchor_kind: AnchorKind = "publication"
    relation: Relation = "at"
    conflict: str | None = None


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A span of an article that names an actor or a place.

    ``key`` is the knowledge-base id when the mention was linked, otherwise a
    key derived from the normalised name (``new:person:jane-doe``).
    """

    text: str
    start: int
    end: int
    kind: EntityKind
    key: str
    label: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A role phrase in a sentence ("son homologue russe"), offsets in the sentence."""

    role: str
    country: str | None
    start: int
    end: int
    text: str
    person: str | None = None


#: a verb's tense as the language model reads it; "anterior": a past before
#: another past ("avait déclaré", "had said"); "" when it does not say
Tense = Literal["past", "anterior", "present", "future", ""]


@dataclass(frozen=True, slots=True)
class Verb:
    """A verb of a sentence (offsets in the sentence) and its tense."""

    start: int
    end: int
    tense: Tense = ""
    negated: bool = False  # "n'a pas condamné", "did not attend"
    participle: bool = False  # a present participle or gerund: "marquant", "highlighting"
    imperfect: bool = False  # a French imparfait ("prévoyait", "était"): a state or a background
    auxiliary: bool = False  # an auxiliary or a copula ("was ready", "a été"): no happening itself


@dataclass(frozen=True, slots=True)
class RelativeClause:
    """A relative clause the tagger shows ("a scientist who died in 2009", "des
    consultations qui prendront fin le 6 décembre"), offsets in the sentence:
    from its pronoun (or the comma before it) up to the next comma or the
    like, and the noun, pronoun or name right before it that it is about."""

    start: int
    end: int
    antecedent: tuple[int, int]


@dataclass(frozen=True, slots=True)
class AnalysedSentence:
    """One sentence of an article with its mentions (offsets relative to ``text``),
    role phrases, locatives, verbs and clauses: what later steps read instead of
    the text."""

    index: int
    text: str
    mentions: tuple[EntityMention, ...]
    roles: tuple[RoleMention, ...]
    locative: frozenset[str]  # keys of mentions used as a location ("à Pékin", "en Russie")
    verbs: tuple[Verb, ...] = ()
    paragraph: int = 0  # the sentence's paragraph (line of the body), counted from 0
    # (start, end) of the clauses that say when by another happening ("when she
    # told him") and of those that say on what condition ("if he is nominated"):
    # graph.extract.verbs.with_clauses
    temporal_clauses: tuple[tuple[int, int], ...] = ()
    conditional_clauses: tuple[tuple[int, int], ...] = ()
    relative_clauses: tuple[RelativeClause, ...] = ()  # graph.extract.verbs.relative_clauses_of


@dataclass(frozen=True, slots=True)
class EventMention:
    """One reported happening in one sentence of one article."""

    article: str
    sentence: str
    sentence_index: int
    time: TimeExpression
    event_type: str
    trigger: str | None
    actors: tuple[EntityMention, ...]
    place: EntityMention | None
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extract stage found in one article."""

    article: Article
    mentions: tuple[EntityMention, ...]
    events: tuple[EventMention, ...]
    # the sentences of a report that states neither a date nor a year, kept so
    # that the year of its story can date them (graph.resolve.storydates)
    pending: tuple[AnalysedSentence, ...] = ()
    # the article's topic profile: (concept slug, number of its sentences that
    # speak of it), sorted by slug; what storylines compare (graph.resolve.storylines)
    topics: tuple[tuple[str, int], ...] = ()
    # the year a report that prints no date is known to be from (an event name's), if any
    year: int | None = None
    # for a report that prints no date: the days it names with their weekday but
    # no year, told as past or present, as (month, day, weekday with Monday 0);
    # what tells which of its storyline's years it is from (graph.resolve.storydates)
    weekday_days: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world actor or place, merged across articles."""

    key: str
    kind: EntityKind
    label: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event, possibly reported by several articles.

    ``mentions`` keeps every supporting mention so provenance and the merge
    decision (``merge_reason``) stay inspectable.
    """

    key: str
    label: str
    event_type: str
    begin: date
    last: date
    granularity: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    topics: tuple[str, ...]
    mentions: tuple[EventMention, ...]
    merge_reason: str | None = None
    roles: tuple[tuple[str, str], ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Story:
    """An episode: one happening told by one or more articles, with its events
    in time order (``sg:Story``, also typed ``sg:Episode``)."""

    key: str
    label: str
    articles: tuple[str, ...]
    events: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Storyline:
    """One subject over time, made of episodes that may be years apart."""

    key: str
    label: str
    episodes: tuple[str, ...]  # Story keys, oldest first
    related: tuple[str, ...] = ()  # keys of storylines about a related subject
