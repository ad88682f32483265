"""What each node's triples are computed from, as text: the statement memo's key.

Requires the graph ``G`` (:mod:`graph.assemble`) and mirrors the reads of the
converters of :mod:`graph.export.rdf`; adds nothing to ``G``.

Equal text, equal triples: :mod:`graph.export.memo` reuses a node's records
when its text is the one of the last build, so the text holds everything
:func:`graph.export.rdf.node_triples` reads for the node — more, never less.
Values are strings and tuples of strings, whose ``repr`` tells them apart; the
same in another order only misses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from graph import schema as m
from graph.export.rdf import edges_of, topic_concept

__all__ = ["node_inputs"]


def node_inputs(
    G: nx.MultiDiGraph[str], node: str, d: dict[str, Any], members: Mapping[str, list[str]]
) -> str:
    """Everything the triples of ``node`` are computed from, as text.

    Every node: its attributes and its out-edges (their targets and attributes,
    and the concept of each topic a subject edge reaches; an article's mentions
    are more than read). Not an edge's key (the next event's storyline) nor an
    event's episode, which one more article renames for many: the episode's
    triples read it. An episode also: its events (``members``, as
    :func:`graph.export.rdf.story_members` gives) and their times, which it
    spans; a storyline: its episodes' out-edges and their events' times.
    """
    own = {k: v for k, v in d.items() if k != m.STORY_OF}
    parts = [repr(node), repr(own), _out_edges(G, node)]
    kind = d.get(m.KIND)
    if kind == m.STORY:
        mine = sorted(members.get(node, ()))
        events = {t for t, _ in edges_of(G, node, m.SUB_EVENT)} | set(mine)
        parts += [repr(mine), _times(G, events)]
    elif kind == m.STORYLINE:
        episodes = sorted(t for t, _ in edges_of(G, node, m.SUB_EVENT))
        events = {e for ep in episodes for e, _ in edges_of(G, ep, m.SUB_EVENT)}
        parts += [f"{ep}{_SEPARATOR}{_out_edges(G, ep)}" for ep in episodes]
        parts.append(_times(G, events))
    return _SEPARATOR.join(parts)


# between the parts of the text: a control character, which ``repr`` escapes
# wherever a value holds one, and node ids and concept IRIs never hold
_SEPARATOR = "\x1e"


def _out_edges(G: nx.MultiDiGraph[str], node: str) -> str:
    edges = sorted(
        f"{target}\t{data!r}\t{topic_concept(G, target) if data.get(m.REL) == m.SUBJECT else ''}"
        for target, keyed in G.succ[node].items()
        for data in keyed.values()
    )
    return "\n".join(edges)


def _times(G: nx.MultiDiGraph[str], events: Iterable[str]) -> str:
    """The begin and end of each event, which an episode or storyline spans."""
    nodes = G.nodes
    return repr(sorted((e, nodes[e].get(m.BEGIN), nodes[e].get(m.END)) for e in events))
