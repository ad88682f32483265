"""The file writers: the story graph in the formats other tools load.

Requires the graph ``G`` of :mod:`graph.schema` (the RDF writers also take its
:class:`graph.export.statements.Statements`, so that a build computes them once); every
file is written atomically (temp file in the same folder, then ``os.replace``),
large ones streamed. :func:`graph.export.write_outputs` decides which run:

- ``graph.ttl``: Turtle with the storygraph prefixes (Oxigraph serialises).
- ``graph.nt``: canonical N-Triples, one triple a line, lines sorted.
- ``graph.nq``: N-Quads, one named graph per article plus the shared graph (the
  partition of :func:`graph.export.rdf.to_dataset`), lines sorted.
- ``graph.jsonld``: JSON-LD: the published context ``ontology/context.jsonld``
  inlined as ``@context`` and the nodes in expanded form under ``@graph``
  (Oxigraph serialises them; full IRIs are unaffected by the context, so the
  document reads back to exactly the triples of ``graph.nt``). Compact it with
  the published context using any JSON-LD processor.
- ``graph.graphml``: GraphML as ``networkx.read_graphml`` and Gephi read it;
  tuple attributes joined with a newline, characters XML 1.0 forbids dropped,
  MultiDiGraph edge keys kept as edge ids.
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
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeAlias, cast
from xml.sax.saxutils import escape, quoteattr

import networkx as nx
import pyoxigraph as ox

from graph import schema as m
from graph.export.atomic import atomic_open, atomic_write
from graph.export.rdf import INSTANCE_PREFIXES, PREFIXES, node_iri
from graph.export.statements import Statements, statements
from graph.export.store import CONTEXT_PATH

NODE_HEADER = ["id:ID", ":LABEL", "name", "kind", "iri", "begin:date", "end:date",
               "event_type", "wikidata", "aliases:string[]"]  # fmt: skip
REL_HEADER = [":START_ID", ":END_ID", ":TYPE", "role"]
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_KIND_LABELS = {m.PERSON: "Person", m.ORGANIZATION: "Organization", m.COUNTRY: "Country",
               m.THING: "Thing", m.PLACE_KIND: "Place", m.ARTICLE: "Article", m.EVENT: "Event",
               m.STORY: "Story", m.STORYLINE: "Storyline", m.TOPIC: "Topic"}  # fmt: skip


def neo4j_labels(kind: str) -> str:
    """The Neo4j labels of a node kind: its own, and ``Actor`` for every actor
    kind, as ``sem:Actor`` is in RDF (so ``MATCH (a:Actor)`` finds them all).

    >>> neo4j_labels("thing"), neo4j_labels("place"), neo4j_labels("")
    ('Thing;Actor', 'Place', 'Node')
    """
    label = _KIND_LABELS.get(kind, kind.title() or "Node")
    return f"{label};Actor" if kind in m.ACTOR_KINDS else label


RdfSource: TypeAlias = "nx.MultiDiGraph[str] | Statements"


def _statements(source: RdfSource) -> Statements:
    return source if isinstance(source, Statements) else statements(source)


def write_ntriples(source: RdfSource, path: Path) -> Path:
    """Write ``to_rdf(G)`` as sorted canonical N-Triples, streamed."""
    with atomic_open(path) as handle:
        handle.writelines(_statements(source).lines())
    return path


def write_nquads(source: RdfSource, path: Path) -> Path:
    """Write the per-article dataset (:func:`graph.export.rdf.partition`) as sorted N-Quads."""
    with atomic_open(path) as handle:
        handle.writelines(_statements(source).lines(quads=True))
    return path


def write_turtle(source: RdfSource, path: Path) -> Path:
    """Write ``to_rdf(G)`` as Turtle with the storygraph prefixes, streamed by Oxigraph.

    The triples come in their canonical order, so the same ``G`` gives the same
    bytes; rdflib's Turtle writer needs minutes for a million triples.
    """
    triples = _statements(source).parse()
    with atomic_open(Path(path)) as handle:
        ox.serialize(triples, handle, ox.RdfFormat.TURTLE, prefixes=PREFIXES | INSTANCE_PREFIXES)
    return Path(path)


def load_context() -> dict[str, Any]:
    """Return the published JSON-LD ``@context`` object."""
    context: dict[str, Any] = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
    return context


def write_jsonld(source: RdfSource, path: Path) -> Path:
    """Write ``to_rdf(G)`` as JSON-LD with the project context inlined."""
    context = json.dumps(load_context(), ensure_ascii=False, indent=1, sort_keys=True)
    with atomic_open(path) as handle:
        handle.write(b'{"@context": ' + context.encode("utf-8") + b',\n"@graph": ')
        # Oxigraph streams the canonically ordered triples, so nodes and values
        # come out in a stable order; its array is written as is, never re-parsed.
        ox.serialize(_statements(source).parse(), handle, ox.RdfFormat.JSON_LD)
        handle.write(b"}\n")
    return path


def _xml_safe(value: Any) -> Any:
    if type(value) is str:  # most values: one type check, not two isinstance calls
        return _XML_BAD.sub("", value)
    if isinstance(value, tuple | list):
        return _XML_BAD.sub("", "\n".join(str(v) for v in value))
    return _XML_BAD.sub("", value) if isinstance(value, str) else value


_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_GRAPHML_ROOT = (f'xmlns="{_GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 f'xsi:schemaLocation="{_GRAPHML_NS} {_GRAPHML_NS}/1.0/graphml.xsd"')  # fmt: skip
_CR = {"\r": "&#13;"}  # a raw carriage return would be read back as a newline
_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double"}  # anything else: string


def _node_items(G: nx.MultiDiGraph[str]) -> Iterable[tuple[str, dict[str, Any]]]:
    """``G.nodes(data=True)``, typed as the (id, data) pairs it yields: types-networkx
    has ``NodeDataView`` iterate node ids (it subclasses ``AbstractSet[node]``)."""
    return cast("Iterable[tuple[str, dict[str, Any]]]", G.nodes(data=True))


def write_graphml(G: nx.MultiDiGraph[str], path: Path) -> Path:
    """Write G as GraphML (tuples joined by newlines, XML-illegal characters dropped).

    Streamed, one node or edge at a time, with the standard library's XML
    escaping: ``networkx.write_graphml`` builds a cleaned copy of the graph and
    then an lxml element per attribute, a second and more for a thousand articles.
    """
    # Node ids are slugs and edge keys are made of them: when no id needs
    # cleaning (always, from graph.assemble), the 100,000s of ids are taken as they are.
    ids = _xml_safe if any(_XML_BAD.search(str(node)) for node in G) else str
    nodes = sorted(_node_items(G), key=lambda item: str(item[0]))
    keys = _graphml_keys(nodes, G.edges(data=True))
    head = [f"<?xml version='1.0' encoding='utf-8'?>\n<graphml {_GRAPHML_ROOT}>\n"]
    for (domain, name), (key_id, kind) in keys.items():
        head.append(f'<key id="{key_id}" for="{domain}" attr.name={quoteattr(name)} '
                    f'attr.type="{kind}"/>\n')  # fmt: skip
    head.append('<graph edgedefault="directed">\n')
    with atomic_open(path) as handle:
        handle.write("".join(head).encode("utf-8"))
        handle.writelines(item.encode("utf-8") for item in _graphml_items(G, nodes, keys, ids))
        handle.write(b"</graph>\n</graphml>\n")
    return path


def _graphml_items(
    G: nx.MultiDiGraph[str],
    nodes: list[tuple[Any, dict[str, Any]]],
    keys: dict[tuple[str, str], tuple[str, str]],
    ids: Callable[[Any], str],
) -> Iterator[str]:
    for node, data in nodes:
        yield f"<node id={quoteattr(ids(node))}>\n{_graphml_data('node', data, keys)}</node>\n"
    for u, v, key, data in G.edges(keys=True, data=True):
        ends = (("id", str(key)), ("source", u), ("target", v))
        attrs = " ".join(f"{name}={quoteattr(ids(value))}" for name, value in ends)
        yield f"<edge {attrs}>\n{_graphml_data('edge', data, keys)}</edge>\n"


def _graphml_data(domain: str, data: dict[str, Any], keys: dict[tuple[str, str], Any]) -> str:
    return "".join(
        f'  <data key="{keys[domain, name][0]}">{escape(_graphml_text(value), _CR)}</data>\n'
        for name, value in data.items()
        if value is not None
    )


def _graphml_text(value: Any) -> str:
    value = _xml_safe(value)
    return str(value).lower() if type(value) is bool else str(value)


def _graphml_keys(
    nodes: list[tuple[Any, dict[str, Any]]], edges: Iterable[tuple[Any, Any, dict[str, Any]]]
) -> dict[tuple[str, str], tuple[str, str]]:
    """(domain, attribute) -> (key id, GraphML type), for every attribute with a value."""
    found: dict[tuple[str, str], str] = {}
    for domain, records in (("node", (d for _, d in nodes)), ("edge", (d for *_, d in edges))):
        for data in records:
            for name, value in data.items():
                if value is not None and (domain, name) not in found:
                    found[domain, name] = _GRAPHML_TYPES.get(type(value), "string")
    return {key: (f"d{n}", kind) for n, (key, kind) in enumerate(sorted(found.items()))}


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    # RFC 4180's CRLF row ends: with "\n" alone the writer would leave a "\r"
    # inside a cell unquoted, and a reader would end the row there.
    csv.writer(buffer).writerows(rows)
    # Control characters (NUL…) would abort neo4j-admin; newlines stay, quoted.
    # Dropped from the whole text at once: none of them is a delimiter, a quote
    # or a line end, so the quoting the writer chose stays right.
    return _XML_BAD.sub("", buffer.getvalue()).encode("utf-8")


def _node_row(node: str, d: dict[str, Any]) -> list[str]:
    kind = str(d.get(m.KIND, ""))
    aliases = d.get(m.ALIASES) or ()
    return [node, neo4j_labels(kind), str(d.get(m.LABEL) or ""), kind,
            str(node_iri(node)), str(d.get(m.BEGIN) or ""), str(d.get(m.END) or ""),
            str(d.get(m.EVENT_TYPE) or ""), str(d.get(m.WIKIDATA) or ""),
            ";".join(a.replace(";", ",") for a in aliases)]  # fmt: skip


def write_neo4j(G: nx.MultiDiGraph[str], folder: Path) -> list[Path]:
    """Write ``nodes.csv`` and ``relationships.csv`` for ``neo4j-admin database import``."""
    nodes = [_node_row(n, d) for n, d in sorted(_node_items(G), key=lambda x: str(x[0]))]
    edges = sorted(
        [str(u), str(v), str(d.get(m.REL, "related")).upper(), str(d.get(m.ROLE) or "")]
        for u, v, d in G.edges(data=True)
    )
    return [
        atomic_write(folder / "nodes.csv", _csv([NODE_HEADER, *nodes])),
        atomic_write(folder / "relationships.csv", _csv([REL_HEADER, *edges])),
    ]
