"""Write the story graph in the formats other tools load, beside ``graph.ttl``.

Requires the graph ``G`` of :mod:`graph.model`; every file is written atomically
(temp file in the same folder, then ``os.replace``). Files written by
:func:`write_exports`:

- ``graph.nt``: N-Triples, one triple a line, lines sorted (pyoxigraph serialises).
- ``graph.nq``: N-Quads, one named graph per article plus the shared graph (the
  partition of :func:`graph.rdf.to_dataset`), lines sorted.
- ``graph.jsonld``: JSON-LD: the published context ``ontology/context.jsonld``
  inlined as ``@context`` and the nodes in expanded form under ``@graph``
  (Oxigraph serialises them; full IRIs are unaffected by the context, so the
  document reads back to exactly the triples of ``graph.nt``). Compact it with
  the published context using any JSON-LD processor.
- ``graph.graphml``: ``networkx.write_graphml``; tuple attributes joined with a
  newline, characters XML 1.0 forbids dropped, MultiDiGraph edge keys kept.
- ``neo4j/nodes.csv`` and ``neo4j/relationships.csv`` for
  ``neo4j-admin database import full --nodes=neo4j/nodes.csv
  --relationships=neo4j/relationships.csv --multiline-fields=true`` (evidence may
  span lines). Headers::

      id:ID,:LABEL,name,kind,iri,begin:date,end:date,event_type,wikidata,aliases:string[]
      :START_ID,:END_ID,:TYPE,role

  ``:LABEL`` is the kind (``Event``, ``Person;Actor`` …, ``;``-separated),
  ``:TYPE`` the upper-cased relation (``ACTOR``, ``DERIVED_FROM`` …), arrays are
  ``;``-separated (neo4j-admin's default ``--array-delimiter``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from graph import model as m
from graph.atomic import atomic_write
from graph.rdf import Owned, node_iri, ox_triples, rdf_triples
from graph.store import CONTEXT_PATH, data_quads

NODE_HEADER = ["id:ID", ":LABEL", "name", "kind", "iri", "begin:date", "end:date",
               "event_type", "wikidata", "aliases:string[]"]  # fmt: skip
REL_HEADER = [":START_ID", ":END_ID", ":TYPE", "role"]
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LABELS = {m.PERSON: "Person;Actor", m.ORGANIZATION: "Organization;Actor",
           m.COUNTRY: "Country;Actor", m.PLACE_KIND: "Place", m.ARTICLE: "Article",
           m.EVENT: "Event", m.STORY: "Story", m.TOPIC: "Topic"}  # fmt: skip


def _sorted_lines(data: bytes | None) -> bytes:
    lines = sorted(set((data or b"").decode("utf-8").splitlines()))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def write_ntriples(G: nx.MultiDiGraph, path: Path, *,
                   triples: list[ox.Triple] | None = None) -> Path:
    """Write ``to_rdf(G)`` as sorted N-Triples."""
    triples = triples if triples is not None else ox_triples(rdf_triples(G))
    return atomic_write(path, _sorted_lines(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)))


def write_nquads(G: nx.MultiDiGraph, path: Path, *, owned: list[Owned] | None = None) -> Path:
    """Write the per-article dataset as sorted N-Quads."""
    data = ox.serialize(data_quads(G, owned), format=ox.RdfFormat.N_QUADS)
    return atomic_write(path, _sorted_lines(data))


def load_context() -> dict[str, Any]:
    """Return the published JSON-LD ``@context`` object."""
    context: dict[str, Any] = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
    return context


def write_jsonld(G: nx.MultiDiGraph, path: Path, *,
                 triples: list[ox.Triple] | None = None) -> Path:
    """Write ``to_rdf(G)`` as JSON-LD with the project context inlined."""
    triples = triples if triples is not None else ox_triples(rdf_triples(G))
    # Oxigraph streams the canonically ordered triples, so nodes and values come
    # out in a stable order; its array is spliced in as is, never re-parsed.
    nodes = ox.serialize(triples, format=ox.RdfFormat.JSON_LD) or b"[]"
    context = json.dumps(load_context(), ensure_ascii=False, indent=1, sort_keys=True)
    data = b'{"@context": ' + context.encode("utf-8") + b',\n"@graph": ' + nodes.strip() + b"}\n"
    return atomic_write(path, data)


def _xml_safe(value: Any) -> Any:
    if isinstance(value, tuple | list):
        value = "\n".join(str(v) for v in value)
    return _XML_BAD.sub("", value) if isinstance(value, str) else value


def write_graphml(G: nx.MultiDiGraph, path: Path) -> Path:
    """Write G as GraphML (tuples joined by newlines, XML-illegal characters dropped)."""
    H = nx.MultiDiGraph()
    for node, data in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        H.add_node(_xml_safe(node), **{k: _xml_safe(v) for k, v in data.items() if v is not None})
    for u, v, key, data in G.edges(keys=True, data=True):
        H.add_edge(_xml_safe(u), _xml_safe(v), key=_xml_safe(str(key)),
                   **{k: _xml_safe(x) for k, x in data.items() if x is not None})  # fmt: skip
    buffer = io.BytesIO()
    nx.write_graphml(H, buffer, encoding="utf-8")
    return atomic_write(path, buffer.getvalue())


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    # control characters (NUL…) would abort neo4j-admin; newlines stay, quoted
    clean = [[_XML_BAD.sub("", cell) for cell in row] for row in rows]
    csv.writer(buffer, lineterminator="\n").writerows(clean)
    return buffer.getvalue().encode("utf-8")


def _node_row(node: str, d: dict[str, Any]) -> list[str]:
    kind = str(d.get(m.KIND, ""))
    aliases = d.get(m.ALIASES) or ()
    return [node, _LABELS.get(kind, kind.title() or "Node"), str(d.get(m.LABEL) or ""), kind,
            str(node_iri(node)), str(d.get(m.BEGIN) or ""), str(d.get(m.END) or ""),
            str(d.get(m.EVENT_TYPE) or ""), str(d.get(m.WIKIDATA) or ""),
            ";".join(a.replace(";", ",") for a in aliases)]  # fmt: skip


def write_neo4j(G: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """Write ``nodes.csv`` and ``relationships.csv`` for ``neo4j-admin database import``."""
    nodes = [_node_row(n, d) for n, d in sorted(G.nodes(data=True), key=lambda x: str(x[0]))]
    edges = sorted(
        [str(u), str(v), str(d.get(m.REL, "related")).upper(), str(d.get(m.ROLE) or "")]
        for u, v, d in G.edges(data=True)
    )
    return [
        atomic_write(folder / "nodes.csv", _csv([NODE_HEADER, *nodes])),
        atomic_write(folder / "relationships.csv", _csv([REL_HEADER, *edges])),
    ]


def write_exports(G: nx.MultiDiGraph, out_dir: str | os.PathLike[str], *,
                  triples: list[ox.Triple] | None = None,
                  owned: list[Owned] | None = None) -> list[Path]:
    """Write every export format into ``out_dir`` (see the module docstring).

    Args:
        G: the story graph.
        out_dir: the output folder.
        triples: ``ox_triples(rdf_triples(G))`` when the caller already has them.
        owned: ``owned_triples(G)`` when the caller already has them.

    Returns:
        The paths written, in a fixed order.
    """
    out = Path(out_dir)
    triples = triples if triples is not None else ox_triples(rdf_triples(G, owned))
    return [
        write_ntriples(G, out / "graph.nt", triples=triples),
        write_nquads(G, out / "graph.nq", owned=owned),
        write_jsonld(G, out / "graph.jsonld", triples=triples),
        write_graphml(G, out / "graph.graphml"),
        *write_neo4j(G, out / "neo4j"),
    ]
