"""The graphs tests build from the invented articles of ``tests/fixtures/<folder>``,
and the events an article of them reports."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph import schema as M
from graph.pipeline import BuildConfig, build

FIXTURES = Path(__file__).parent / "fixtures"


def build_fixtures(folder: str, articles: int) -> nx.MultiDiGraph:
    """Build ``tests/fixtures/<folder>``, which must give ``articles`` articles
    and skip none."""
    graph, report = build([FIXTURES / folder], BuildConfig(jobs=1))
    assert report.articles == articles and not report.skipped
    return graph


def reported_events(G: nx.MultiDiGraph, source: str) -> list[str]:
    """The events the article of file name ``source`` reports (derived from it)."""
    (article,) = [n for n, d in G.nodes(data=True) if d.get(M.SOURCE) == source]
    return [n for n, _, e in G.in_edges(article, data=True) if e[M.REL] == M.DERIVED_FROM]


def linked(G: nx.MultiDiGraph, node: str, rel: str) -> set[str]:
    """The nodes ``node`` links to by the relation ``rel``."""
    return {v for _, v, r in G.out_edges(node, data=M.REL) if r == rel}
