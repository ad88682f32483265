"""Fill an Oxigraph store with the RDF export, the ontology and the inferred types.

Requires the RDF of :mod:`graph.export.rdf` (a graph ``G``, its statements, or
an RDF file); adds nothing to ``G``. The store layout (also what
:mod:`graph.query.push` sends to a remote endpoint):

- the data graphs of :func:`graph.export.rdf.to_dataset`: ``sgid:graph/<article id>`` per
  article plus ``sgid:graph/shared`` (a triples-only file is loaded into the default
  graph instead);
- ``sgid:graph/ontology``: ``ontology/storygraph.ttl``;
- ``sgid:graph/inferred``: the ``rdf:type`` triples entailed by the ontology's
  ``rdfs:subClassOf`` closure, materialised at load time (so ``?x a sem:Event`` also
  finds stories and ``?x a schema:Place`` finds countries) and only where no graph
  already asserts them. No other entailment is run.

``write_store`` builds the persistent store in a temporary folder beside the target
and renames it into place, so a killed build leaves the previous store intact.
When the previous store was written from the same ontology, it is updated
instead of rebuilt: a consistent copy of it (RocksDB checkpoint, hard links)
replaces only the named graphs whose content changed (a digest per graph is
kept in the store folder, ``storygraph-digests.json``), removes the graphs of
articles gone, and materialises the inferred types again; the copy is then
renamed into place. The content equals a store built from scratch.
Reading it back is :mod:`graph.query.store`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeAlias

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph

from graph.errors import StoreError
from graph.export.rdf import SGID
from graph.export.statements import Statements, statements
from graph.resources import ONTOLOGY_DIR

DIGESTS_FILE = "storygraph-digests.json"  # in the store folder: content digest per named graph
ONTOLOGY_PATH = ONTOLOGY_DIR / "storygraph.ttl"
CONTEXT_PATH = ONTOLOGY_DIR / "context.jsonld"
ONTOLOGY_GRAPH = ox.NamedNode(str(SGID["graph/ontology"]))
INFERRED_GRAPH = ox.NamedNode(str(SGID["graph/inferred"]))
_TYPE = ox.NamedNode(str(RDF.type))

Source: TypeAlias = "nx.MultiDiGraph[str] | Statements | str | os.PathLike[str]"


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """Return the project ontology (``ontology/storygraph.ttl``) as an rdflib Graph."""
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@lru_cache(maxsize=1)
def superclasses() -> dict[str, frozenset[str]]:
    """Map each class IRI of the ontology to all its (transitive) superclasses."""
    direct: dict[str, set[str]] = defaultdict(set)
    for sub, sup in load_ontology().subject_objects(RDFS.subClassOf):
        direct[str(sub)].add(str(sup))
    closure: dict[str, frozenset[str]] = {}
    for cls in direct:
        seen: set[str] = set()
        todo = list(direct[cls])
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(direct.get(parent, ()))
        closure[cls] = frozenset(seen - {cls})
    return closure


def materialise(store: ox.Store) -> int:
    """Add the subclass-entailed ``rdf:type`` triples to the inferred graph.

    Returns:
        The number of triples added.
    """
    closure = superclasses()
    asserted: set[tuple[str, str]] = set()
    subjects: dict[str, ox.NamedNode | ox.BlankNode] = {}
    for quad in store.quads_for_pattern(None, _TYPE, None, None):
        if isinstance(quad.object, ox.NamedNode):
            asserted.add((str(quad.subject), quad.object.value))
            subjects[str(quad.subject)] = quad.subject  # type: ignore[assignment]
    new = {
        (s, sup) for s, cls in asserted for sup in closure.get(cls, ()) if (s, sup) not in asserted
    }
    store.bulk_extend(
        ox.Quad(subjects[s], _TYPE, ox.NamedNode(sup), INFERRED_GRAPH) for s, sup in sorted(new)
    )
    return len(new)


def fill_store(store: ox.Store, source: Source) -> ox.Store:
    """Load a graph ``G`` or an RDF file/folder, the ontology and the inferred types."""
    if isinstance(source, nx.MultiDiGraph | Statements):
        quads = source if isinstance(source, Statements) else statements(source)
        store.bulk_load(quads.stream(quads=True), format=ox.RdfFormat.N_QUADS)
    else:
        path = Path(source)
        store.bulk_load(path=str(path), format=format_of(path))
    store.bulk_load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
    materialise(store)
    return store


def format_of(path: Path) -> ox.RdfFormat:
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) if path.suffix else None
    if fmt is None:
        raise StoreError(f"{path}: unknown RDF file extension; use .ttl, .nt, .nq, .trig")
    return fmt


def graph_digests(lines: Statements) -> dict[str, str]:
    """SHA-256 of each named graph's lines (``"<iri>"`` -> hex), and of the ontology
    under ``"ontology"``: what tells a store update which graphs changed."""
    found: dict[str, Any] = {}  # graph -> its running sha256
    for triple, graph in lines.pairs():
        found.setdefault(graph, hashlib.sha256()).update(triple.encode("utf-8") + b"\n")
    digests = {graph: h.hexdigest() for graph, h in sorted(found.items())}
    digests["ontology"] = hashlib.sha256(ONTOLOGY_PATH.read_bytes()).hexdigest()
    return digests


def write_store(source: Source, store_dir: str | os.PathLike[str]) -> Path:
    """Build or update a persistent Oxigraph store atomically (a copy, then rename).

    Args:
        source: the graph ``G`` (or its statements) or an RDF file.
        store_dir: the store folder to create or replace (``output/store``).

    Returns:
        The store folder.
    """
    target = Path(store_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    tmp = work / "store"
    try:
        lines = statements(source) if isinstance(source, nx.MultiDiGraph) else source
        digests = graph_digests(lines) if isinstance(lines, Statements) else None
        previous = _previous_digests(target)
        same_ontology = previous and digests and previous["ontology"] == digests["ontology"]
        if isinstance(lines, Statements) and digests and previous and same_ontology:
            _update_copy(target, tmp, lines, previous, digests)
        else:
            store = fill_store(ox.Store(str(tmp)), lines)
            store.flush()
            store.optimize()
            del store  # closes RocksDB before the folder moves
        if digests is not None:
            (tmp / DIGESTS_FILE).write_text(json.dumps(digests, indent=0), encoding="utf-8")
        old = target.with_name(target.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _previous_digests(target: Path) -> dict[str, str] | None:
    try:
        found = json.loads((target / DIGESTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) and "ontology" in found else None


def _update_copy(
    target: Path,
    tmp: Path,
    lines: Statements,
    previous: Mapping[str, str],
    digests: Mapping[str, str],
) -> None:
    """Copy the store at ``target`` to ``tmp`` and bring its data graphs to ``lines``."""
    ox.Store(str(target)).backup(str(tmp))  # a consistent checkpoint, not the live files
    store = ox.Store(str(tmp))
    graphs = set(previous) | set(digests)
    stale = sorted(g for g in graphs - {"ontology"} if previous.get(g) != digests.get(g))
    for graph in stale:
        if graph in previous:
            store.remove_graph(ox.NamedNode(graph[1:-1]))
    wanted = {g for g in stale if g in digests}
    if wanted:
        text = "".join(f"{t} {g} .\n" for t, g in lines.pairs() if g in wanted)
        store.bulk_load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    if stale:
        store.remove_graph(INFERRED_GRAPH)
        materialise(store)
    store.flush()
    del store
