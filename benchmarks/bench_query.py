"""Benchmark the actor-timeline named query: pyoxigraph Store vs rdflib Graph.

Generates a deterministic synthetic story graph (seeded) of at least 1,000,000
triples, exports it with :func:`graph.export.rdf.to_rdf`, loads it into an in-memory
pyoxigraph Store (with the ontology and materialised types, as the CLI does) and
keeps the rdflib Graph, then times the actor-timeline query once on each after one
warm-up run and prints a markdown table row.

Usage::

    python benchmarks/bench_query.py [--triples 1000000] [--seed 7] [--append FILE]
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph import schema as m
from graph.export.rdf import to_rdf
from graph.export.store import fill_store
from graph.query.sparql import bind, get_query, run_query

TARGET = "person/andrei-belousov"
TRIPLES_PER_EVENT = 34  # measured on this generator, used only to size the graph
HEADER = "| date | triples | load oxigraph s | oxigraph ms | rdflib ms | rdflib/oxigraph | rows |"


def _pools(rng: random.Random, n_events: int) -> dict[str, list[str]]:
    sizes = {m.PERSON: n_events // 8, m.ORGANIZATION: n_events // 40, m.COUNTRY: 200,
             m.PLACE_KIND: n_events // 20, m.TOPIC: 100, m.ARTICLE: n_events // 3,
             m.STORY: n_events // 90}  # fmt: skip
    return {kind: [f"{kind}/{kind}-{i:06d}" for i in range(n)] for kind, n in sizes.items()}


def synthetic_graph(n_events: int, seed: int) -> nx.MultiDiGraph:
    """Build a deterministic random story graph with ``n_events`` events."""
    rng = random.Random(seed)
    pools = _pools(rng, n_events)
    G = nx.MultiDiGraph()
    for kind, nodes in pools.items():
        for node in nodes:
            attrs = {m.KIND: kind, m.LABEL: f"{kind} {node[-6:]}"}
            if kind in (*m.ACTOR_KINDS, m.PLACE_KIND):
                attrs |= {m.ALIASES: (f"alias {node[-6:]}",), m.WIKIDATA: ""}
            if kind == m.TOPIC:
                attrs[m.CONCEPT] = f"https://storygraph.example.org/topic/t{node[-6:]}"
            G.add_node(node, **attrs)
    G.add_node(TARGET, **{m.KIND: m.PERSON, m.LABEL: "Andrei Belousov",
                          m.ALIASES: ("Belousov", "Belooussov", "Andreï Belooussov")})  # fmt: skip
    pools[m.PERSON].append(TARGET)
    types = ["meeting", "call", "visit", "statement", "summit", "attack"]
    for i in range(n_events):
        day = f"{2022 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        event = f"event/{day}-e{i:07d}"
        G.add_node(event, **{m.KIND: m.EVENT, m.LABEL: f"event {i}", m.EVENT_TYPE: types[i % 6],
                             m.BEGIN: day, m.END: day, m.GRANULARITY: "day", m.DATE_TEXT: day,
                             m.EVIDENCE: (f"Sentence {i}.",),
                             m.DATE_AUDIT: (f"{day} | | r |",)})  # fmt: skip
        actors = [*rng.sample(pools[m.PERSON], 2), rng.choice(pools[m.COUNTRY])]
        if i % 250 == 0:
            actors.append(TARGET)
        for actor in actors:
            G.add_edge(event, actor, **{m.REL: m.ACTOR, m.ROLE: "host" if i % 3 == 0 else ""})
        G.add_edge(event, rng.choice(pools[m.PLACE_KIND]), **{m.REL: m.PLACE})
        G.add_edge(event, rng.choice(pools[m.TOPIC]), **{m.REL: m.SUBJECT})
        G.add_edge(event, rng.choice(pools[m.ARTICLE]),
                   **{m.REL: m.DERIVED_FROM, m.EVIDENCE: (f"Sentence {i}.",)})  # fmt: skip
        G.add_edge(rng.choice(pools[m.STORY]), event, **{m.REL: m.SUB_EVENT})
    for article in pools[m.ARTICLE]:
        G.nodes[article].update({m.HEADLINE: article, m.SOURCE: article, m.PUBLISHED: "2024-01-01"})
    return G


def _time(run: Callable[[], int]) -> tuple[float, int]:
    run()  # warm-up
    start = time.perf_counter()
    count = run()
    return time.perf_counter() - start, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--append", type=Path, help="markdown file to append the row to")
    args = parser.parse_args()
    n_events = args.triples // TRIPLES_PER_EVENT + 1
    G = synthetic_graph(n_events, args.seed)
    rdf = to_rdf(G)
    while len(rdf) < args.triples:  # the estimate was low: grow and rebuild
        n_events = int(n_events * 1.1) + 1
        G = synthetic_graph(n_events, args.seed)
        rdf = to_rdf(G)
    start = time.perf_counter()
    store = fill_store(ox.Store(), G)
    load_s = time.perf_counter() - start
    sparql = bind(get_query("actor-timeline"), {"actor": "Belooussov"})
    ox_s, ox_rows = _time(lambda: len(list(run_query(store, sparql))))  # type: ignore[arg-type]
    rdflib_s, rdflib_rows = _time(lambda: len(list(rdf.query(sparql))))
    if ox_rows != rdflib_rows:
        print(f"warning: rows differ: oxigraph {ox_rows}, rdflib {rdflib_rows}", file=sys.stderr)
    row = (f"| {time.strftime('%Y-%m-%d')} | {len(rdf):,} | {load_s:.1f} | {ox_s * 1000:.1f} | "
           f"{rdflib_s * 1000:.1f} | {rdflib_s / ox_s:.1f}x | {ox_rows} |")  # fmt: skip
    print(f"python {platform.python_version()}, pyoxigraph {ox.__version__}")
    print(HEADER)
    print("|" + "---|" * HEADER.count(" | ") + "---|")
    print(row)
    if args.append:
        with args.append.open("a", encoding="utf-8") as handle:
            handle.write(row + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
