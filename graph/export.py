"""Export stage: write every output of a build into one folder.

Requires the graph ``G`` (:mod:`graph.build`). Writes ``graph.ttl`` (the RDF
contract, :mod:`graph.rdf`), ``graph.html`` (the interactive view,
:mod:`graph.html`) and, where the modules are present, the other formats and
the embedded SPARQL store. Every file is written atomically (temporary file in
the same folder, then rename), so a build killed at any moment leaves the
previous outputs intact.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import networkx as nx

from graph.html import write_html
from graph.rdf import owned_triples, ox_triples, rdf_triples, write_turtle


def write_outputs(
    G: nx.MultiDiGraph, out_dir: Path, *, store: bool = False, formats: bool = True
) -> list[Path]:
    """Write the build's outputs into ``out_dir`` and return their paths.

    Args:
        G: the story graph.
        out_dir: the output folder (created if missing).
        store: also build the persistent Oxigraph store in ``out_dir/store``.
        formats: also write N-Triples, N-Quads, JSON-LD, GraphML and Neo4j CSV.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    owned = owned_triples(G)  # once, for every RDF format
    triples = ox_triples(rdf_triples(G, owned))
    written = [write_turtle(G, out_dir / "graph.ttl", triples=triples)]
    write_html(G, out_dir / "graph.html")
    written.append(out_dir / "graph.html")
    if formats and importlib.util.find_spec("graph.formats") is not None:
        from graph.formats import write_exports

        written += write_exports(G, out_dir, triples=triples, owned=owned)
    if store:
        from graph.store import write_store

        written.append(write_store(G, out_dir / "store"))
    return written
