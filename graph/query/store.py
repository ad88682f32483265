"""Open a built graph for querying, and validate it against the SHACL shapes.

A build's output folder (its persistent store, else its RDF files), a store
folder or an RDF file; an RDF file is loaded into an in-memory store by
:func:`graph.export.store.fill_store`, in the store layout that module
describes (one graph per article, the shared graph, the ontology, the
inferred types).

Queries run with the default graph as the union of all graphs; since the data
partition puts each triple in one graph and the inferred graph adds only new
triples, no solution is duplicated.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from graph.errors import StoreError
from graph.export.store import INFERRED_GRAPH, ONTOLOGY_GRAPH, fill_store, load_ontology
from graph.resources import ONTOLOGY_DIR

__all__ = [
    "SHAPES_PATH",
    "data_graphs",
    "open_store",
    "resolve_graph",
    "to_rdflib",
    "validate",
    "validate_graph",
]

SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
STORE_DIR = "store"
# what a build's output folder is read from, when it kept no store
FOLDER_FILES = ("graph.nq", "graph.trig", "graph.ttl", "graph.nt")


def resolve_graph(target: str | os.PathLike[str]) -> Path:
    """Return the store folder or RDF file to read for a GRAPH argument.

    Raises:
        StoreError: when nothing readable is there.
    """
    path = Path(target)
    if path.is_file():
        return path
    if not path.is_dir():
        raise StoreError(f"{path}: no such file or folder; pass a build output folder or RDF file")
    for candidate in (path / STORE_DIR, path / (STORE_DIR + ".old")):
        if candidate.is_dir():
            return candidate
    for name in FOLDER_FILES:
        if (path / name).is_file():
            return path / name
    if any(path.glob("*.sst")) or (path / "CURRENT").exists():
        return path
    raise StoreError(f"{path}: no store/ nor graph.ttl inside; run `storygraph build` first")


def open_store(target: str | os.PathLike[str], *, writable: bool = False) -> ox.Store:
    """Open the persistent store of a build, or load an RDF file into memory.

    Args:
        target: a build output folder, a store folder, or an RDF file.
        writable: open a persistent store read-write (for SPARQL updates).
    """
    path = resolve_graph(target)
    try:
        if path.is_dir():
            return ox.Store(str(path)) if writable else ox.Store.read_only(str(path))
        return fill_store(ox.Store(), path)
    except (OSError, SyntaxError, ValueError) as error:
        raise StoreError(f"{path}: cannot load: {' '.join(str(error).split())}") from error


def data_graphs(store: ox.Store) -> dict[str, list[ox.Triple]]:
    """Group the store's triples by graph name ("" for the default graph)."""
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in store.quads_for_pattern(None, None, None, None):
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else str(quad.graph_name.value)
        graphs[name].append(quad.triple)
    return dict(graphs)


def to_rdflib(triples: Iterable[ox.Triple]) -> Graph:
    """Convert pyoxigraph triples to an rdflib Graph (through N-Triples)."""
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt")


def validate(rdf: Graph) -> tuple[bool, str]:
    """Check RDF against the SHACL shapes of the output contract.

    The ontology is mixed in so that targets and ``sh:class`` follow
    ``rdfs:subClassOf`` (a story is checked as a ``sem:Event`` too).

    Args:
        rdf: the exported RDF, e.g. ``to_rdf(G)``.

    Returns:
        ``(conforms, report_text)`` from pyshacl.
    """
    import pyshacl  # slow to import; only validation needs it

    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    conforms, _, text = pyshacl.validate(
        rdf, shacl_graph=shapes, ont_graph=load_ontology(), inference="none"
    )
    return bool(conforms), str(text)


def validate_graph(target: str | os.PathLike[str]) -> tuple[bool, str]:
    """Validate the data graphs of a build output folder or RDF file."""
    store = open_store(target)
    skip = {ONTOLOGY_GRAPH.value, INFERRED_GRAPH.value}
    triples = [t for name, ts in data_graphs(store).items() if name not in skip for t in ts]
    return validate(to_rdflib(triples))
