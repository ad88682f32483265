"""Build stage: the one networkx graph every exporter reads.

Requires: articles, resolved entities, events and stories.

Adds: ``G``, a ``networkx.MultiDiGraph`` whose node ids, attributes and edge
relations are named in :mod:`graph.schema`. This module is the only one that
fills ``G``; exporters only read it.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any, NoReturn

import networkx as nx

from graph import schema as M
from graph.extract import dates
from graph.extract.topics import TOPIC_BASE, load_concepts
from graph.text import slug
from graph.types import UNKNOWN_TIME, Article, Entity, Event, Story, Storyline, TimeExpression


def article_key(source: str) -> str:
    """Node id of an article, stable for the same source name."""
    # one string per article, however many edges name it (a dozen per event)
    return sys.intern(f"article/{slug(source, max_length=80)}")


def assemble(
    articles: Sequence[Article],
    entities: Mapping[str, Entity],
    events: Sequence[Event],
    stories: Sequence[Story],
    storylines: Sequence[Storyline] = (),
) -> nx.MultiDiGraph[str]:
    """Assemble the story graph.

    Args:
        articles: the ingested articles (with publication dates as resolved).
        entities: resolved entities by key.
        events: resolved events.
        stories: episodes with their events in time order.
        storylines: storylines with their episodes.

    Returns:
        The graph, with nodes and edges added in sorted order so that every
        serialisation of it is deterministic. The edges of one relation with
        no other attribute share one read-only attribute dict
        (:class:`SharedAttributes`): ``G.copy()`` gives editable ones.
    """
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for article in sorted(articles, key=lambda a: a.source):
        _add_article(G, article)
    for key in sorted(entities):
        _add_entity(G, entities[key])
        for source in entities[key].articles:
            _link(G, article_key(source), key, M.MENTIONS)
    story_of = {e: s.key for s in stories for e in s.events}
    for event in events:
        _add_event(G, event, entities, story_of.get(event.key, ""))
    for story in stories:
        _add_story(G, story)
    by_key = {event.key: event for event in events}
    episodes = {story.key: story for story in stories}
    for storyline in storylines:
        _add_storyline(G, storyline)
        keys = {e for ep in storyline.episodes for e in episodes[ep].events}
        timeline = sorted((by_key[k] for k in keys if by_key[k].granularity != UNKNOWN_TIME),
                          key=lambda e: (e.begin, e.last, e.key))  # fmt: skip
        for earlier, later in pairwise(timeline):
            _link(G, earlier.key, later.key, M.NEXT, storyline.key)
    return G


class SharedAttributes(dict[str, Any]):
    """The attribute dict every edge of one relation shares: read-only.

    At 10,000 articles the graph has a million edges, most with no attribute
    but their relation; a dict each was 180 MB of the build's peak.
    """

    def _read_only(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("edge attributes are shared by every edge of a relation: G.copy() first")

    __setitem__ = __delitem__ = __ior__ = _read_only
    update = pop = popitem = clear = setdefault = _read_only

    def __reduce__(self) -> tuple[type[SharedAttributes], tuple[dict[str, Any]]]:
        return SharedAttributes, (dict(self),)  # pickled whole, never item by item


_SHARED = {relation: SharedAttributes({M.REL: relation}) for relation in M.RELATIONS}


def _edge_key(relation: str, target: str) -> str:
    # interned: a country or an article is the target of thousands of edges
    return sys.intern(f"{relation}:{target}")


def _link(G: nx.MultiDiGraph[str], source: str, target: str, relation: str,
          scope: str | None = None) -> None:  # fmt: skip
    """Add the edge ``source -> target`` of ``relation`` (keyed by its target,
    or by ``scope``: one edge of each storyline) with the relation's shared
    attributes."""
    key = _edge_key(relation, target if scope is None else scope)
    G.add_edge(source, target, key=key)
    # networkx has no call that adds an edge with a given dict; _pred holds the same key dict
    G._succ[source][target][key] = _SHARED[relation]  # type: ignore[attr-defined]


def _add_article(G: nx.MultiDiGraph[str], article: Article) -> None:
    G.add_node(
        article_key(article.source),
        **{
            M.KIND: M.ARTICLE,
            M.LABEL: article.headline or article.source,
            M.HEADLINE: article.headline or "",
            M.PUBLISHER: article.publisher or "",
            M.AUTHOR: article.author or "",
            M.PUBLISHED: article.published.isoformat() if article.published else "",
            M.PUBLISHED_HOW: article.published_how,
            M.PUBLISHED_EVIDENCE: article.published_evidence or "",
            M.SOURCE: article.source,
            M.URL: article.url or "",
            M.LANGUAGE: article.language or "",
        },
    )


def _add_entity(G: nx.MultiDiGraph[str], entity: Entity) -> None:
    G.add_node(
        entity.key,
        **{
            M.KIND: entity.kind,
            M.LABEL: entity.label,
            M.ALIASES: entity.aliases,
            M.WIKIDATA: entity.wikidata or "",
        },
    )


def _topic_node(G: nx.MultiDiGraph[str], slug: str) -> str:
    key = f"topic/{slug}"
    if key not in G:
        concept = next((c for c in load_concepts() if c.slug == slug), None)
        label = concept.labels.get("en", slug) if concept else slug
        G.add_node(key, **{M.KIND: M.TOPIC, M.LABEL: label, M.CONCEPT: TOPIC_BASE + slug})
    return key


def _add_event(
    G: nx.MultiDiGraph[str], event: Event, entities: Mapping[str, Entity], story: str
) -> None:
    undated = event.granularity == UNKNOWN_TIME
    G.add_node(
        event.key,
        **{
            M.KIND: M.EVENT,
            M.LABEL: event.label,
            M.EVENT_TYPE: event.event_type,
            M.BEGIN: "" if undated else event.begin.isoformat(),
            M.END: "" if undated else event.last.isoformat(),
            M.GRANULARITY: event.granularity,
            M.DATE_TEXT: "undated"
            if undated
            else dates.describe_interval(event.begin, event.last, event.granularity),
            M.EVIDENCE: tuple(sorted({m.sentence for m in event.mentions})),
            M.DATE_AUDIT: tuple(sorted({_audit(m.time) for m in event.mentions})),
            M.DATING: dating_method(event),
            M.MERGE_REASON: event.merge_reason or "",
            M.STORY_OF: story,
        },
    )
    roles = dict(event.roles)
    for actor in event.actors:
        if actor in roles and actor in entities:
            G.add_edge(event.key, actor, key=_edge_key(M.ACTOR, actor),
                       **{M.REL: M.ACTOR, M.ROLE: roles[actor]})  # fmt: skip
        elif actor in entities:
            _link(G, event.key, actor, M.ACTOR)
    for place in event.places:
        _link(G, event.key, place, M.PLACE)
    for topic in event.topics:
        _link(G, event.key, _topic_node(G, topic), M.SUBJECT)
    by_article: dict[str, list[str]] = {}
    for mention in event.mentions:
        by_article.setdefault(mention.article, []).append(mention.sentence)
    for source in sorted(by_article):
        target = article_key(source)
        G.add_edge(
            event.key,
            target,
            key=_edge_key(M.DERIVED_FROM, target),
            **{M.REL: M.DERIVED_FROM, M.EVIDENCE: tuple(sorted(set(by_article[source])))},
        )


# the extract stage's rules for a time not the sentence's own (graph.extract.events, .undated)
_DATING_BY_RULE = {"same-day-as-previous-sentence": M.DISCOURSE_TIME,
                   "discourse-time": M.DISCOURSE_TIME, "report-time": M.REPORT_TIME,
                   "eve-of-event": M.DISCOURSE_TIME, "eve-of-report": M.REPORT_TIME,
                   "after-told": M.DISCOURSE_TIME,
                   "unknown-time": M.UNKNOWN_TIME}  # fmt: skip


def dating_method(event: Event) -> str:
    """How the event was dated: the best method of its mentions
    (:data:`graph.schema.DATING_METHODS`: its own date, discourse time, report time)."""
    methods = {_DATING_BY_RULE.get(m.time.rule, M.OWN_DATE) for m in event.mentions}
    return next(method for method in M.DATING_METHODS if method in methods)


def _audit(time: TimeExpression) -> str:
    anchor = time.anchor.isoformat() if time.anchor else "none"
    if time.anchor and time.anchor_kind == "year":
        anchor = str(time.anchor.year)  # a year known without its day
    parts = [time.text, f"{time.anchor_kind} {anchor}", time.rule]
    if time.conflict:
        parts.append(f"conflict: {time.conflict}")
    return " | ".join(parts)


def _add_story(G: nx.MultiDiGraph[str], story: Story) -> None:
    G.add_node(story.key, **{M.KIND: M.STORY, M.LABEL: story.label})
    for event in story.events:
        _link(G, story.key, event, M.SUB_EVENT)
    for source in story.articles:
        _link(G, story.key, article_key(source), M.HAS_ARTICLE)


def _add_storyline(G: nx.MultiDiGraph[str], storyline: Storyline) -> None:
    G.add_node(storyline.key, **{M.KIND: M.STORYLINE, M.LABEL: storyline.label})
    for episode in storyline.episodes:
        _link(G, storyline.key, episode, M.SUB_EVENT)
    for other in storyline.related:
        _link(G, storyline.key, other, M.RELATED_STORY)
