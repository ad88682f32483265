"""Export stage: write every output of a build into one folder.

Requires the graph ``G`` (:mod:`graph.assemble`). Writes ``graph.ttl`` (the RDF
contract, :mod:`graph.export.rdf`), ``graph.html`` (the interactive view,
:mod:`graph.export.html`), the other formats of :mod:`graph.export.formats` and, on request,
the embedded SPARQL store. Every file is written atomically (temporary file in
the same folder, then rename), so a build killed at any moment leaves the
previous outputs intact.

The RDF writers and the others (HTML, GraphML, Neo4j CSV) share no work, so
for a graph of up to :data:`FORK_MAX_EDGES` edges the latter run in a forked
process beside the former where the platform forks; the build waits for both
and fails if either fails. A larger graph is written in one process, one
writer after the other: the forked child would copy the graph as it reads it
(reference counts are writes), and at 10,000 articles the two processes
together needed 2.9 GB against 1.5 GB in turn, to save 15 s of 700.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

import networkx as nx

from graph.errors import StorygraphError
from graph.export.formats import (
    write_graphml,
    write_jsonld,
    write_neo4j,
    write_nquads,
    write_ntriples,
    write_turtle,
)
from graph.export.html import write_html
from graph.export.memo import StatementMemo
from graph.export.statements import statements

FORK_MAX_EDGES = 250_000  # about 3,000 articles

RDF_FORMATS = ("ttl", "nt", "nq", "jsonld")
VIEW_FORMATS = ("html", "graphml", "neo4j")
FORMATS = RDF_FORMATS + VIEW_FORMATS
"""Every output a build can write, by name (``--formats``): the one list of writers."""
BASIC_FORMATS = ("ttl", "html")  # what ``formats=False`` keeps: the RDF contract and the page


def chosen_formats(names: str) -> tuple[str, ...]:
    """The formats of a comma-separated list ("ttl,html"), in :data:`FORMATS` order.

    >>> chosen_formats("html, nq")
    ('nq', 'html')

    Raises:
        StorygraphError: a name is not a format, or the list is empty.
    """
    wanted = {name.strip().lower() for name in names.split(",") if name.strip()}
    if not wanted or wanted - set(FORMATS):
        unknown = ", ".join(sorted(wanted - set(FORMATS))) or "none given"
        raise StorygraphError(f"--formats: {unknown}; available: {', '.join(FORMATS)}")
    return tuple(f for f in FORMATS if f in wanted)


def _write_views(G: nx.MultiDiGraph[str], out_dir: Path, formats: Collection[str]) -> list[Path]:
    """The outputs that are not RDF: the HTML page and the property-graph files."""
    written = []
    if "html" in formats:
        write_html(G, out_dir / "graph.html")
        written.append(out_dir / "graph.html")
    if "graphml" in formats:
        written.append(write_graphml(G, out_dir / "graph.graphml"))
    if "neo4j" in formats:
        written += write_neo4j(G, out_dir / "neo4j")
    return written


def _write_rdf(
    G: nx.MultiDiGraph[str],
    out_dir: Path,
    formats: Collection[str],
    store: bool,
    memo: Path | None,
) -> list[Path]:
    if not store and not set(formats) & set(RDF_FORMATS):
        return []
    if memo is None:
        lines = statements(G)  # once, for every RDF output
    else:
        with StatementMemo(memo) as last_build:
            lines = statements(G, last_build)
    written = []
    if "nt" in formats:  # the N-Triples file first: Turtle and JSON-LD are parsed from it
        written.append(write_ntriples(lines, out_dir / "graph.nt"))
        lines = replace(lines, document=written[0])
    if "nq" in formats:
        written.append(write_nquads(lines, out_dir / "graph.nq"))
    if "jsonld" in formats:
        written.append(write_jsonld(lines, out_dir / "graph.jsonld"))
    if "ttl" in formats:
        written.insert(0, write_turtle(lines, out_dir / "graph.ttl"))
    if store:
        from graph.export.store import write_store  # pyshacl and RocksDB only when asked

        written.append(write_store(lines, out_dir / "store"))
    return written


def _view_paths(out_dir: Path, formats: Collection[str]) -> list[Path]:
    paths = {
        "html": [out_dir / "graph.html"],
        "graphml": [out_dir / "graph.graphml"],
        "neo4j": [out_dir / "neo4j" / "nodes.csv", out_dir / "neo4j" / "relationships.csv"],
    }
    return [p for name in VIEW_FORMATS if name in formats for p in paths[name]]  # fmt: skip


def _child(G: nx.MultiDiGraph[str], out_dir: Path, formats: Collection[str]) -> None:
    try:
        _write_views(G, out_dir, formats)
    except BaseException as exc:  # reported through the exit code; the parent raises
        print(f"storygraph: writing the views failed: {exc}", file=sys.stderr)
        raise SystemExit(1) from exc


def write_outputs(
    G: nx.MultiDiGraph[str],
    out_dir: Path,
    *,
    store: bool = False,
    formats: bool | Collection[str] = True,
    memo: Path | None = None,
) -> list[Path]:
    """Write the build's outputs into ``out_dir`` and return their paths.

    Args:
        G: the story graph.
        out_dir: the output folder (created if missing).
        store: also build the persistent Oxigraph store in ``out_dir/store``.
        formats: the outputs to write, by name (:data:`FORMATS`); True for all,
            False for Turtle and the page only. A whole-graph view a build can
            do without (a feed adding articles all day) is skipped so.
        memo: the file of the last build's statements, node by node
            (:mod:`graph.export.memo`), to convert only the nodes that changed;
            None to convert them all.

    Raises:
        StorygraphError: a writer failed (the files it had not replaced stay as they were).
    """
    formats = FORMATS if formats is True else BASIC_FORMATS if formats is False else formats
    out_dir.mkdir(parents=True, exist_ok=True)
    forks = "fork" in multiprocessing.get_all_start_methods()
    views_wanted = bool(set(formats) & set(VIEW_FORMATS))
    if not forks or not views_wanted or G.number_of_edges() > FORK_MAX_EDGES:
        rdf = _write_rdf(G, out_dir, formats, store, memo)
        return rdf[:1] + _write_views(G, out_dir, formats) + rdf[1:]
    # fork: the child sees G without pickling it.
    views = multiprocessing.get_context("fork").Process(target=_child, args=(G, out_dir, formats))
    views.start()
    try:
        written = _write_rdf(G, out_dir, formats, store, memo)
    finally:
        views.join()
    if views.exitcode != 0:
        raise StorygraphError(f"{out_dir}: writing graph.html and the property-graph files failed")
    return written[:1] + _view_paths(out_dir, formats) + written[1:]
