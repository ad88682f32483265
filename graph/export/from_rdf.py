"""Read the story graph ``G`` back from the RDF of :mod:`graph.export.rdf`.

Requires triples written by :func:`graph.export.rdf.to_rdf` or
:func:`graph.export.rdf.to_dataset` (the contract is described there); returns a
networkx graph with the node ids, kinds, attributes and edges of :mod:`graph.schema`.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import product
from typing import Any
from urllib.parse import unquote

import networkx as nx
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from graph import schema as m
from graph.export.vocabulary import (
    DCTERMS,
    METHOD_OF_IRI,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SG,
    SKOS,
    Triple,
    new_graph,
    node_id_of,
)


def triples_of(rdf: Graph | Iterable[Triple]) -> Graph:
    """Return a plain Graph of all triples (a Dataset's graphs merged)."""
    if isinstance(rdf, Dataset):
        merged = new_graph()
        for s, p, o, _ in rdf.quads((None, None, None, None)):
            merged.add((s, p, o))
        return merged
    if isinstance(rdf, Graph):
        return rdf
    merged = new_graph()
    for triple in rdf:
        merged.add(triple)
    return merged


_KIND_BY_CLASS = ((SCHEMA.NewsArticle, m.ARTICLE), (SG.Episode, m.STORY),
                  (SG.Storyline, m.STORYLINE),
                  (SCHEMA.Person, m.PERSON), (SCHEMA.Organization, m.ORGANIZATION),
                  (SCHEMA.Country, m.COUNTRY), (SG.NamedThing, m.THING), (SEM.Place, m.PLACE_KIND),
                  (SKOS.Concept, m.TOPIC), (SEM.Event, m.EVENT))  # fmt: skip
_EDGE_BY_PRED = ((SEM.hasPlace, m.PLACE), (DCTERMS.subject, m.SUBJECT),
                 (SEM.hasSubEvent, m.SUB_EVENT), (SG.hasArticle, m.HAS_ARTICLE),
                 (SG.nextEvent, m.NEXT), (SG.relatedStory, m.RELATED_STORY))  # fmt: skip


def _one(rdf: Graph, s: Node, p: Node) -> str:
    values = sorted(str(o) for o in rdf.objects(s, p))
    return values[0] if values else ""


def _many(rdf: Graph, s: Node, p: Node) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in rdf.objects(s, p)))


def _read_node(rdf: Graph, s: Node, kind: str) -> dict[str, Any]:
    d: dict[str, Any] = {m.KIND: kind, m.LABEL: _one(rdf, s, RDFS.label)}
    if kind == m.ARTICLE:
        d[m.HEADLINE] = _one(rdf, s, SCHEMA.headline)
        d[m.PUBLISHED] = _one(rdf, s, SCHEMA.datePublished)
        d[m.PUBLISHED_HOW] = _one(rdf, s, SG.publicationDateMethod) or "unknown"
        d[m.PUBLISHED_EVIDENCE] = _one(rdf, s, SG.publicationDateEvidence)
        d[m.LANGUAGE] = _one(rdf, s, SCHEMA.inLanguage)
        d[m.SOURCE] = _one(rdf, s, DCTERMS.source)
        d[m.URL] = _one(rdf, s, SCHEMA.url)
        d[m.PUBLISHER] = " ".join(
            _one(rdf, o, SCHEMA.name) for o in rdf.objects(s, SCHEMA.publisher)
        )
        d[m.AUTHOR] = _one(rdf, s, SCHEMA.author)
    elif kind == m.EVENT:
        interval = next(iter(sorted(rdf.objects(s, SEM.hasTime), key=str)), None)
        d[m.BEGIN] = _one(rdf, s, SEM.hasBeginTimeStamp)
        d[m.END] = _one(rdf, s, SEM.hasEndTimeStamp)
        d[m.GRANULARITY] = _one(rdf, interval, SG.granularity) if interval else ""
        d[m.DATE_TEXT] = _one(rdf, interval, SG.dateText) if interval else ""
        d[m.EVENT_TYPE] = _one(rdf, s, SG.eventType)
        method = next(iter(rdf.objects(s, SG.datingMethod)), None)
        d[m.DATING] = METHOD_OF_IRI.get(URIRef(str(method)), "") if method is not None else ""
        d[m.EVIDENCE] = _many(rdf, s, SG.evidence)
        d[m.DATE_AUDIT] = _many(rdf, s, SG.dateAudit)
        d[m.MERGE_REASON] = _one(rdf, s, SG.mergeReason)
        d[m.STORY_OF] = next((node_id_of(x) or "" for x in rdf.subjects(SEM.hasSubEvent, s)
                              if (x, RDF.type, SG.Episode) in rdf), "")  # fmt: skip
    elif kind == m.TOPIC:
        d[m.LABEL] = _one(rdf, s, SKOS.prefLabel)
        d[m.CONCEPT] = str(s)
    elif kind not in (m.STORY, m.STORYLINE):
        d[m.ALIASES] = _many(rdf, s, SKOS.altLabel)
        d[m.WIKIDATA] = _one(rdf, s, OWL.sameAs)
    return d


def _topic_id(iri: Node) -> str:
    return node_id_of(iri) or "topic/" + unquote(str(iri).rstrip("/#").rsplit("/", 1)[-1])


def _read_edges(rdf: Graph, G: nx.MultiDiGraph[str], ids: dict[Node, str]) -> None:
    lines = set(rdf.subjects(RDF.type, SG.Storyline))
    for pred, rel in _EDGE_BY_PRED:
        for s, o in sorted(rdf.subject_objects(pred)):
            # a storyline's events and articles are its episodes', materialised in RDF
            if s in lines and pred != SG.relatedStory and (o, RDF.type, SG.Episode) not in rdf:
                continue
            if s in ids and o in ids:
                G.add_edge(ids[s], ids[o], key=rel, **{m.REL: rel})
    for s, o in sorted(rdf.subject_objects(SEM.hasActor)):
        if s not in ids:
            continue
        if (o, RDF.type, SEM.Role) in rdf:
            for actor, role in product(rdf.objects(o, RDF.value), rdf.objects(o, SEM.roleType)):
                G.add_edge(ids[s], ids[actor], key=f"{m.ACTOR}:{role}",
                           **{m.REL: m.ACTOR, m.ROLE: str(role)})  # fmt: skip
        elif o in ids and not any((r, RDF.value, o) in rdf for r in rdf.objects(s, SEM.hasActor)):
            G.add_edge(ids[s], ids[o], key=m.ACTOR, **{m.REL: m.ACTOR})
    for s, deriv in sorted(rdf.subject_objects(PROV.qualifiedDerivation)):
        for article in rdf.objects(deriv, PROV.entity):
            evidence = _many(rdf, deriv, SG.evidence)
            G.add_edge(ids[s], ids[article], key=m.DERIVED_FROM,
                       **{m.REL: m.DERIVED_FROM, m.EVIDENCE: evidence})  # fmt: skip
    for s, article in sorted(rdf.subject_objects(PROV.wasDerivedFrom)):
        if s in ids and article in ids and not G.has_edge(ids[s], ids[article], m.DERIVED_FROM):
            G.add_edge(ids[s], ids[article], key=m.DERIVED_FROM,
                       **{m.REL: m.DERIVED_FROM, m.EVIDENCE: ()})  # fmt: skip


def from_rdf(rdf: Graph) -> nx.MultiDiGraph[str]:
    """Rebuild the story graph from RDF written by :func:`~graph.export.rdf.to_rdf` or
    :func:`~graph.export.rdf.to_dataset`.

    Tuple attributes come back sorted and edge keys are the relation names, so
    ``to_rdf(from_rdf(to_rdf(G)))`` is isomorphic to ``to_rdf(G)``.

    Args:
        rdf: an rdflib Graph, or a Dataset whose graphs are merged first.

    Returns:
        A MultiDiGraph with the node ids, kinds, attributes and edges of :mod:`graph.schema`.
    """
    rdf = triples_of(rdf)
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    ids: dict[Node, str] = {}
    for cls, kind in _KIND_BY_CLASS:
        for s in sorted(rdf.subjects(RDF.type, cls), key=str):
            if s in ids or (kind != m.TOPIC and node_id_of(s) is None):
                continue
            if kind in m.ACTOR_KINDS and (s, RDF.type, SEM.Actor) not in rdf:
                continue  # a publisher or author, read back as article attributes
            ids[s] = _topic_id(s) if kind == m.TOPIC else str(node_id_of(s))
            G.add_node(ids[s], **_read_node(rdf, s, kind))
    _read_edges(rdf, G, ids)
    return G


__all__ = ["from_rdf", "triples_of"]
