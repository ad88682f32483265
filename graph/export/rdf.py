"""Export the story graph ``G`` to RDF, and read it back.

Requires the networkx graph described in :mod:`graph.schema`; adds nothing to it.

RDF contract
------------
Prefixes: ``sem:`` (Simple Event Model), ``schema:`` (https://schema.org/),
``prov:``, ``time:`` (OWL-Time), ``skos:``, ``dcterms:``, ``owl:``, ``rdfs:``,
``xsd:``, ``sg:`` (the project ontology, :data:`graph.schema.ONTOLOGY_IRI`, defined
in ``ontology/storygraph.ttl``) and ``sgid:`` (instances, :data:`graph.schema.BASE_IRI`).

- article ``sgid:article/…``: ``a schema:NewsArticle``; ``rdfs:label``,
  ``schema:headline``, ``schema:datePublished`` (xsd:date), ``sg:publicationDateMethod``
  (metadata/text/url/inferred), and when inferred ``sg:publicationDateInferred true``;
  ``sg:publicationDateEvidence``; ``schema:inLanguage``; ``schema:publisher`` -> a
  ``schema:Organization`` ``sgid:publisher/…`` with ``schema:name``; ``schema:author``
  (the byline as a literal: page metadata, not an actor); ``dcterms:source``
  (literal); ``schema:url`` (IRI).
- event ``sgid:event/…``: ``a sem:Event, sg:<Type>`` (``sg:Meeting`` … ``sg:Other``) and
  ``sg:eventType`` (the raw type); ``rdfs:label``; ``sem:hasBeginTimeStamp`` /
  ``sem:hasEndTimeStamp`` (xsd:date); ``sem:hasTime`` -> ``<event>/time``, a
  ``time:ProperInterval`` with ``time:hasBeginning`` / ``time:hasEnd`` ->
  ``sgid:instant/<date>`` (``time:Instant``, ``time:inXSDDate``), ``time:unitType``,
  ``sg:granularity`` and ``sg:dateText``; ``sem:hasActor`` the actor, and for a role
  also ``sem:hasActor <event>/role/…`` (``a sem:Role; sem:roleType "…"; rdf:value
  actor``); ``sem:hasPlace``; ``dcterms:subject`` (topic concepts);
  ``prov:wasDerivedFrom`` each reporting article and ``prov:qualifiedDerivation
  <event>/derivation/…`` (``a prov:Derivation; prov:entity article; sg:evidence``);
  ``sg:evidence``, ``sg:dateAudit``, ``sg:mergeReason`` literals.
- actor: ``a sem:Actor`` and ``schema:Person`` / ``schema:Organization`` /
  ``schema:Country`` (a country is also ``sem:Place``); place: ``a sem:Place,
  schema:Place``. Both: one ``rdfs:label``, ``skos:altLabel`` per surface form,
  ``owl:sameAs`` Wikidata, ``sg:searchKey`` (accent- and case-folded label and
  aliases, see :func:`search_key`) and ``sg:searchToken`` (each word of those keys,
  matched exactly, and so through the store's index, by the actor queries).
- topic: the node's ``CONCEPT`` IRI, ``a skos:Concept``, ``skos:prefLabel``,
  ``skos:inScheme <https://storygraph.example.org/topic/>`` (``ontology/topics.ttl``).
- storyline ``sgid:storyline/…`` (the story): ``a sg:Story, sg:Storyline`` (subclasses
  of ``sem:Event``), ``rdfs:label``, ``sem:hasSubEvent`` its episodes and, materialised,
  their events, ``sg:hasArticle`` every article of its episodes,
  ``sem:hasBeginTimeStamp`` / ``sem:hasEndTimeStamp`` spanning its events,
  ``sg:relatedStory`` another storyline on a related subject (never a sub-event);
  consecutive events ``sg:nextEvent`` / ``sg:previousEvent`` along the storyline.
- episode ``sgid:story/…``: ``a sg:Episode`` (a subclass of ``sem:Event``), ``rdfs:label``,
  ``sem:hasSubEvent``, ``sem:hasBeginTimeStamp`` / ``sem:hasEndTimeStamp`` spanning
  its events, ``sg:hasArticle``.

IRIs are minted only from node ids through :func:`node_iri`, which percent-encodes
every character but ``[A-Za-z0-9-_~]`` (and keeps the one ``/`` after the kind), so no
text can break or forge an IRI; auxiliary nodes add ``/time``, ``/role/…`` or
``/derivation/…`` to their event's IRI and never collide with a node's. There are no
blank nodes, so the same ``G`` always serialises to the same bytes.

Dataset partition (:func:`to_dataset`): every triple is in exactly one named graph.
A triple whose subject is supported by exactly one article (the article itself, its
publisher/author, an event reported only by it with its interval, roles and instants,
and every event's ``prov:wasDerivedFrom``/derivation towards it) goes in that
article's graph ``sgid:graph/<article id>``; everything else (entities, topics,
stories, sequence links, events merged from several articles) goes in
``sgid:graph/shared``. Re-ingesting an article replaces only its graph; the shared
graph is rewritten by every build.

Assumes node ids are ``"<kind>/<slug>"`` and dates are ISO ``YYYY-MM-DD``; a value
that is not a date is left out rather than written as an ill-typed literal.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, cast
from urllib.parse import quote

import networkx as nx
from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from graph import schema as m
from graph.export.from_rdf import from_rdf, triples_of
from graph.export.vocabulary import (
    ACTOR_CLASSES,
    DATING_IRIS,
    DCTERMS,
    EVENT_CLASSES,
    INSTANCE_PREFIXES,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SG,
    SGID,
    SHARED_GRAPH,
    SKOS,
    TIME,
    TOPIC_SCHEME,
    UNIT_BY_GRANULARITY,
    Triple,
    event_class,
    graph_iri,
    new_graph,
    node_id_of,
    node_iri,
    ox_term,
    quote_segment,
    search_key,
)

_SAFE_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`\x00-\x20\x7f]+$")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"

Owned = tuple[str | None, Triple]  # (owning article id or None for shared, triple)


def _slug_iri(kind: str, name: str) -> URIRef:
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    slug = "-".join(search_key(name).split())[:60] or "x"
    return node_iri(f"{kind}/{slug}-{digest}")


@lru_cache(maxsize=1 << 14)  # a few thousand days, each on many events
def _date(value: Any) -> Literal | None:
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return None
    return Literal(day.isoformat(), datatype=XSD.date)


def _safe_iri(value: Any) -> URIRef | None:
    text = quote(str(value or ""), safe=_URL_SAFE)
    return URIRef(text) if _SAFE_IRI.match(text) else None


def _wikidata(value: Any) -> URIRef | None:
    text = str(value or "")
    if re.fullmatch(r"Q[0-9]+", text):
        text = "http://www.wikidata.org/entity/" + text
    return _safe_iri(text) if text else None


def _strs(value: Any) -> list[str]:
    """Normalise a str/tuple attribute to a sorted list of non-empty strings."""
    items = [value] if isinstance(value, str) else list(value or ())
    return sorted({str(x) for x in items if str(x)})


def _lit(subject: Node, pred: Node, value: Any) -> Iterator[Triple]:
    for text in _strs(value):
        yield subject, pred, Literal(text)


def edges_of(G: nx.MultiDiGraph[str], node: str, rel: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """The out-edges of ``node`` of relation ``rel``, as (target, attributes)."""
    for _, target, data in G.out_edges(node, data=True):
        if data.get(m.REL) == rel:
            yield target, data


def _edges_by_rel(
    G: nx.MultiDiGraph[str], node: str
) -> dict[str | None, list[tuple[str, dict[str, Any]]]]:
    """A node's out-edges grouped by relation, in one pass (an event reads five kinds)."""
    grouped: dict[str | None, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for _, target, data in G.out_edges(node, data=True):
        grouped[data.get(m.REL)].append((target, data))
    return grouped


def _article(G: nx.MultiDiGraph[str], node: str, d: dict[str, Any]) -> Iterator[Triple]:
    s = node_iri(node)
    yield s, RDF.type, SCHEMA.NewsArticle
    yield from _lit(s, RDFS.label, d.get(m.LABEL))
    yield from _lit(s, SCHEMA.headline, d.get(m.HEADLINE))
    published = _date(d.get(m.PUBLISHED))
    how = str(d.get(m.PUBLISHED_HOW) or "")
    if published is not None:
        yield s, SCHEMA.datePublished, published
        if how == "inferred":
            yield s, SG.publicationDateInferred, Literal(True)
    if how and how != "unknown":
        yield s, SG.publicationDateMethod, Literal(how)
    yield from _lit(s, SG.publicationDateEvidence, d.get(m.PUBLISHED_EVIDENCE))
    yield from _lit(s, SCHEMA.inLanguage, d.get(m.LANGUAGE))
    yield from _lit(s, DCTERMS.source, d.get(m.SOURCE))
    url = _safe_iri(d.get(m.URL)) if d.get(m.URL) else None
    if url is not None:
        yield s, SCHEMA.url, url
    for name in _strs(d.get(m.PUBLISHER)):
        agent = _slug_iri("publisher", name)
        yield s, SCHEMA.publisher, agent
        yield agent, RDF.type, SCHEMA.Organization
        yield agent, SCHEMA.name, Literal(name)
    # The byline is page metadata, not an actor of the story: a plain literal,
    # never a named node that could be mistaken for one.
    yield from _lit(s, SCHEMA.author, d.get(m.AUTHOR))


def _event_time(s: URIRef, d: dict[str, Any]) -> Iterator[Triple]:
    if (method := d.get(m.DATING)) in DATING_IRIS:
        yield s, SG.datingMethod, DATING_IRIS[method]
    begin, end = _date(d.get(m.BEGIN)), _date(d.get(m.END) or d.get(m.BEGIN))
    if begin is None or end is None:
        return  # an undated event (sg:UnknownTime): no timestamps, no interval
    yield s, SEM.hasBeginTimeStamp, begin
    yield s, SEM.hasEndTimeStamp, end
    interval = URIRef(s + "/time")
    yield s, SEM.hasTime, interval
    yield interval, RDF.type, TIME.ProperInterval
    for pred, day in ((TIME.hasBeginning, begin), (TIME.hasEnd, end)):
        instant = SGID["instant/" + str(day)]
        yield interval, pred, instant
        yield instant, RDF.type, TIME.Instant
        yield instant, TIME.inXSDDate, day
    granularity = str(d.get(m.GRANULARITY) or "")
    yield interval, TIME.unitType, UNIT_BY_GRANULARITY.get(granularity, TIME.unitDay)
    yield from _lit(interval, SG.granularity, granularity)
    yield from _lit(interval, SG.dateText, d.get(m.DATE_TEXT))


def _event(G: nx.MultiDiGraph[str], node: str, d: dict[str, Any]) -> Iterator[Owned]:
    s = node_iri(node)
    edges = _edges_by_rel(G, node)
    sources = sorted({t for t, _ in edges[m.DERIVED_FROM]})
    owner = sources[0] if len(sources) == 1 else None
    own: list[Triple] = [(s, RDF.type, SEM.Event)]
    event_type = str(d.get(m.EVENT_TYPE) or "")
    own.append((s, RDF.type, event_class(event_type)))
    own.extend(_lit(s, SG.eventType, event_type))
    own.extend(_lit(s, RDFS.label, d.get(m.LABEL)))
    own.extend(_event_time(s, d))
    for pred, attr in ((SG.evidence, m.EVIDENCE), (SG.dateAudit, m.DATE_AUDIT),
                       (SG.mergeReason, m.MERGE_REASON)):  # fmt: skip
        own.extend(_lit(s, pred, d.get(attr)))
    for target, data in edges[m.ACTOR]:
        own.append((s, SEM.hasActor, node_iri(target)))
        for role in _strs(data.get(m.ROLE)):
            r = URIRef(f"{s}/role/{quote_segment(target)}/{quote_segment(role)}")
            own += [(s, SEM.hasActor, r), (r, RDF.type, SEM.Role),
                    (r, SEM.roleType, Literal(role)), (r, RDF.value, node_iri(target))]  # fmt: skip
    for target, _ in edges[m.PLACE]:
        own.append((s, SEM.hasPlace, node_iri(target)))
    for target, _ in edges[m.SUBJECT]:
        own.append((s, DCTERMS.subject, _topic_iri(G, target)))
    yield from ((owner, t) for t in own)
    for target, data in edges[m.DERIVED_FROM]:
        article, deriv = node_iri(target), URIRef(f"{s}/derivation/{quote_segment(target)}")
        for t in ((s, PROV.wasDerivedFrom, article), (s, PROV.qualifiedDerivation, deriv),
                  (deriv, RDF.type, PROV.Derivation), (deriv, PROV.entity, article)):  # fmt: skip
            yield target, t
        for lit in _lit(deriv, SG.evidence, data.get(m.EVIDENCE)):
            yield target, lit
    for target, _ in edges[m.NEXT]:
        yield None, (s, SG.nextEvent, node_iri(target))
        yield None, (node_iri(target), SG.previousEvent, s)


def _entity(G: nx.MultiDiGraph[str], node: str, d: dict[str, Any]) -> Iterator[Triple]:
    s, kind = node_iri(node), d.get(m.KIND)
    if kind == m.PLACE_KIND:
        yield from ((s, RDF.type, SEM.Place), (s, RDF.type, SCHEMA.Place))
    else:
        yield from ((s, RDF.type, SEM.Actor), (s, RDF.type, ACTOR_CLASSES[str(kind)]))
    if kind == m.COUNTRY:
        # A country acts ("selon Pékin") and is where things happen ("en Russie");
        # schema:Country is already a schema:Place.
        yield s, RDF.type, SEM.Place
    label = str(d.get(m.LABEL) or "")
    yield from _lit(s, RDFS.label, label)
    aliases = _strs(d.get(m.ALIASES))
    yield from _lit(s, SKOS.altLabel, aliases)
    keys = [search_key(x) for x in [label, *aliases]]
    yield from _lit(s, SG.searchKey, keys)
    yield from _lit(s, SG.searchToken, sorted({word for key in keys for word in key.split()}))
    same = _wikidata(d.get(m.WIKIDATA))
    if same is not None:
        yield s, OWL.sameAs, same


def _topic_iri(G: nx.MultiDiGraph[str], node: str) -> URIRef:
    concept = topic_concept(G, node)
    return _safe_iri(concept) or node_iri(node) if concept else node_iri(node)


def _topic(G: nx.MultiDiGraph[str], node: str, d: dict[str, Any]) -> Iterator[Triple]:
    s = _topic_iri(G, node)
    yield s, RDF.type, SKOS.Concept
    yield from _lit(s, SKOS.prefLabel, d.get(m.LABEL))
    yield s, SKOS.inScheme, TOPIC_SCHEME
    yield TOPIC_SCHEME, RDF.type, SKOS.ConceptScheme
    yield TOPIC_SCHEME, SKOS.prefLabel, Literal("storygraph topics", lang="en")


def _story(
    G: nx.MultiDiGraph[str], node: str, d: dict[str, Any], members: list[str]
) -> Iterator[Triple]:
    s = node_iri(node)
    yield s, RDF.type, SG.Episode
    yield from _lit(s, RDFS.label, d.get(m.LABEL))
    events = sorted({t for t, _ in edges_of(G, node, m.SUB_EVENT)} | set(members))
    for e in events:
        yield s, SEM.hasSubEvent, node_iri(e)
    yield from _span(G, s, events)
    for target, _ in edges_of(G, node, m.HAS_ARTICLE):
        yield s, SG.hasArticle, node_iri(target)


def _span(G: nx.MultiDiGraph[str], s: URIRef, events: Sequence[str]) -> Iterator[Triple]:
    """The begin and end timestamps of a composite event spanning its dated ``events``."""
    begins = [x for e in events if (x := _date(G.nodes[e].get(m.BEGIN))) is not None]
    ends = [x for e in events
            if (x := _date(G.nodes[e].get(m.END) or G.nodes[e].get(m.BEGIN)))]  # fmt: skip
    if begins and ends:
        yield s, SEM.hasBeginTimeStamp, min(begins, key=str)
        yield s, SEM.hasEndTimeStamp, max(ends, key=str)


def _storyline(G: nx.MultiDiGraph[str], node: str, d: dict[str, Any]) -> Iterator[Triple]:
    s = node_iri(node)
    yield s, RDF.type, SG.Story
    yield s, RDF.type, SG.Storyline
    yield from _lit(s, RDFS.label, d.get(m.LABEL))
    episodes = sorted(t for t, _ in edges_of(G, node, m.SUB_EVENT))
    events = sorted({e for ep in episodes for e, _ in edges_of(G, ep, m.SUB_EVENT)})
    # the episodes' events too, materialised: one hop reads the whole timeline
    for part in episodes + events:
        yield s, SEM.hasSubEvent, node_iri(part)
    for article in sorted({a for ep in episodes for a, _ in edges_of(G, ep, m.HAS_ARTICLE)}):
        yield s, SG.hasArticle, node_iri(article)
    yield from _span(G, s, events)
    for other, _ in edges_of(G, node, m.RELATED_STORY):
        yield s, SG.relatedStory, node_iri(other)


def story_members(G: nx.MultiDiGraph[str]) -> dict[str, list[str]]:
    """Events by the story named in their ``STORY_OF`` attribute (one pass, not one per story)."""
    members: dict[str, list[str]] = defaultdict(list)
    for node, d in G.nodes(data=True):
        if d.get(m.KIND) == m.EVENT and d.get(m.STORY_OF):
            members[str(d[m.STORY_OF])].append(node)
    return members


def owned_triples(G: nx.MultiDiGraph[str]) -> Iterator[Owned]:
    """Every triple of ``to_rdf(G)`` with the article that alone supports it (or None).

    Triples shared by several nodes (a publisher, an instant) come once per node.
    """
    members = story_members(G)
    for node, d in sorted_nodes(G):
        yield from node_triples(G, node, d, members)


def sorted_nodes(G: nx.MultiDiGraph[str]) -> list[tuple[str, dict[str, Any]]]:
    """``(node, attributes)`` in the order the triples are computed."""
    # types-networkx has NodeDataView iterate node ids, not the (id, data) pairs it yields
    nodes = cast("Iterable[tuple[str, dict[str, Any]]]", G.nodes(data=True))
    return sorted(nodes, key=lambda item: str(item[0]))


def node_triples(
    G: nx.MultiDiGraph[str], node: str, d: dict[str, Any], members: dict[str, list[str]]
) -> Iterator[Owned]:
    """One node's triples with their owners; ``members`` as :func:`story_members` gives."""
    kind = d.get(m.KIND)
    if kind == m.ARTICLE:
        yield from ((node, t) for t in _article(G, node, d))
    elif kind == m.EVENT:
        yield from _event(G, node, d)
    elif kind in m.ACTOR_KINDS or kind == m.PLACE_KIND:
        yield from ((None, t) for t in _entity(G, node, d))
    elif kind == m.TOPIC:
        yield from ((None, t) for t in _topic(G, node, d))
    elif kind == m.STORY:
        yield from ((None, t) for t in _story(G, node, d, members.get(node, [])))
    elif kind == m.STORYLINE:
        yield from ((None, t) for t in _storyline(G, node, d))


def topic_concept(G: nx.MultiDiGraph[str], node: str) -> object:
    """The SKOS concept a topic node stands for, if any."""
    return G.nodes[node].get(m.CONCEPT) if node in G else None


def to_rdf(G: nx.MultiDiGraph[str]) -> Graph:
    """Convert the story graph to one RDF graph (see the module docstring).

    Args:
        G: the graph built by :mod:`graph.assemble`.

    Returns:
        An rdflib Graph with the storygraph prefixes bound.
    """
    rdf = new_graph()
    for _, triple in owned_triples(G):
        rdf.add(triple)
    return rdf


def partition(G: nx.MultiDiGraph[str]) -> dict[URIRef, set[Triple]]:
    """Split the triples of :func:`to_rdf` into named graphs, each triple once."""
    owners: dict[Triple, set[str | None]] = defaultdict(set)
    for owner, triple in owned_triples(G):
        owners[triple].add(owner)
    graphs: dict[URIRef, set[Triple]] = defaultdict(set)
    for triple, who in owners.items():
        single = next(iter(who)) if len(who) == 1 else None
        graphs[SHARED_GRAPH if single is None else graph_iri(single)].add(triple)
    return dict(graphs)


def to_dataset(G: nx.MultiDiGraph[str]) -> Dataset:
    """Convert the story graph to a Dataset: one named graph per article + shared.

    Args:
        G: the graph built by :mod:`graph.assemble`.

    Returns:
        An rdflib Dataset whose named graphs together hold exactly ``to_rdf(G)``.
    """
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for name, triples in sorted(partition(G).items()):
        part = ds.graph(name)
        for triple in triples:
            part.add(triple)
    return ds


__all__ = [
    "ACTOR_CLASSES",
    "DCTERMS",
    "EVENT_CLASSES",
    "INSTANCE_PREFIXES",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SEM",
    "SG",
    "SGID",
    "SHARED_GRAPH",
    "SKOS",
    "TIME",
    "TOPIC_SCHEME",
    "UNIT_BY_GRANULARITY",
    "Owned",
    "Triple",
    "edges_of",
    "from_rdf",
    "graph_iri",
    "new_graph",
    "node_id_of",
    "node_iri",
    "node_triples",
    "owned_triples",
    "ox_term",
    "partition",
    "search_key",
    "sorted_nodes",
    "story_members",
    "to_dataset",
    "to_rdf",
    "topic_concept",
    "triples_of",
]
