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
- story ``sgid:story/…``: ``a sg:Story`` (a subclass of ``sem:Event``), ``rdfs:label``,
  ``sem:hasSubEvent``, ``sem:hasBeginTimeStamp`` / ``sem:hasEndTimeStamp`` spanning
  its events, ``sg:hasArticle``; consecutive events ``sg:nextEvent`` /
  ``sg:previousEvent``.

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
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from itertools import product
from typing import Any
from urllib.parse import quote, unquote

import networkx as nx
import pyoxigraph as ox
import rdflib.namespace as vocab
from rdflib import XSD, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from graph import schema as m
from graph.event_types import FALLBACK, TYPE_NAMES


class _Namespace(Namespace):
    """rdflib's Namespace, making each term once: rdflib builds a new URIRef on
    every attribute access, and the writer names the same predicates a million times."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term  # found by the ordinary lookup from now on
        return term


class _Terms:
    """One of rdflib's closed vocabularies (RDF, PROV…) with the same caching:
    an unknown term still fails, as in rdflib."""

    def __init__(self, vocabulary: type[vocab.DefinedNamespace]) -> None:
        self._vocabulary = vocabulary

    def __getattr__(self, name: str) -> URIRef:
        term: URIRef = getattr(self._vocabulary, name)
        self.__dict__[name] = term
        return term

    def __str__(self) -> str:
        return str(self._vocabulary)


RDF, RDFS, PROV, SKOS, TIME, DCTERMS, OWL = (
    _Terms(v) for v in (vocab.RDF, vocab.RDFS, vocab.PROV, vocab.SKOS, vocab.TIME,
                        vocab.DCTERMS, vocab.OWL)
)  # fmt: skip
SEM = _Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = _Namespace("https://schema.org/")
SG = _Namespace(m.ONTOLOGY_IRI)
SGID = _Namespace(m.BASE_IRI)

PREFIXES: dict[str, str] = {
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "time": str(TIME),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "sg": m.ONTOLOGY_IRI,
    "sgid": m.BASE_IRI,
}

EVENT_CLASSES = TYPE_NAMES  # sg:<name> per row of graph/data/event_types.tsv
_CLASS_BY_KEY = {c.lower(): c for c in EVENT_CLASSES}
ACTOR_CLASSES = {m.PERSON: SCHEMA.Person, m.ORGANIZATION: SCHEMA.Organization,
                 m.COUNTRY: SCHEMA.Country, m.THING: SG.NamedThing}  # fmt: skip
UNIT_BY_GRANULARITY = {"week": TIME.unitWeek, "month": TIME.unitMonth,
                       "early-month": TIME.unitMonth, "mid-month": TIME.unitMonth,
                       "late-month": TIME.unitMonth, "season": TIME.unitMonth,
                       "year": TIME.unitYear}  # fmt: skip
TOPIC_SCHEME = URIRef("https://storygraph.example.org/topic/")  # as in ontology/topics.ttl
SHARED_GRAPH = SGID["graph/shared"]

_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~")
_SAFE_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`\x00-\x20\x7f]+$")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"

Triple = tuple[Node, Node, Node]
Owned = tuple[str | None, Triple]  # (owning article id or None for shared, triple)


def _quote(text: str) -> str:
    """Percent-encode all but unreserved ASCII letters, digits and ``-_~``."""
    return "".join(ch if ch in _SAFE else quote(ch, safe="") for ch in text)


@lru_cache(maxsize=1 << 17)  # a node's IRI is minted for every triple naming it
def node_iri(node_id: str) -> URIRef:
    """Mint the IRI of a graph node from its id.

    >>> str(node_iri("person/jane-doe"))
    'https://storygraph.example.org/id/person/jane-doe'
    >>> str(node_iri("event/a b>c"))
    'https://storygraph.example.org/id/event/a%20b%3Ec'

    Raises:
        ValueError: when the id is not ``"<kind>/<slug>"``.
    """
    kind, sep, rest = node_id.partition("/")
    if not sep:
        raise ValueError(f"node id {node_id!r} is not '<kind>/<slug>'; fix graph.build")
    return URIRef(m.BASE_IRI + _quote(kind) + "/" + _quote(rest))


def node_id_of(iri: Node) -> str | None:
    """Return the node id an IRI was minted from, or None for other IRIs."""
    text = str(iri)
    if not isinstance(iri, URIRef) or not text.startswith(m.BASE_IRI):
        return None
    path = text[len(m.BASE_IRI) :]
    return unquote(path) if path.count("/") == 1 else None


def graph_iri(article_id: str) -> URIRef:
    """Return the IRI of the named graph holding one article's triples."""
    return URIRef(m.BASE_IRI + "graph/" + _quote(article_id))


def search_key(text: str) -> str:
    """Fold accents, case and punctuation for alias-aware matching.

    >>> search_key("Grigoï  Chouvaline!")
    'grigoi chouvaline'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+|_", " ", bare).split())


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


def _edges(G: nx.MultiDiGraph, node: str, rel: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for _, target, data in G.out_edges(node, data=True):
        if data.get(m.REL) == rel:
            yield target, data


def _edges_by_rel(G: nx.MultiDiGraph, node: str) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """A node's out-edges grouped by relation, in one pass (an event reads five kinds)."""
    grouped: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for _, target, data in G.out_edges(node, data=True):
        grouped[data.get(m.REL)].append((target, data))
    return grouped


def _article(G: nx.MultiDiGraph, node: str, d: dict[str, Any]) -> Iterator[Triple]:
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


def _event_class(event_type: str) -> URIRef:
    key = re.sub(r"[^a-z]", "", event_type.lower())
    return SG[_CLASS_BY_KEY.get(key, FALLBACK)]


def _event_time(s: URIRef, d: dict[str, Any]) -> Iterator[Triple]:
    begin, end = _date(d.get(m.BEGIN)), _date(d.get(m.END) or d.get(m.BEGIN))
    if begin is None or end is None:
        return
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


def _event(G: nx.MultiDiGraph, node: str, d: dict[str, Any]) -> Iterator[Owned]:
    s = node_iri(node)
    edges = _edges_by_rel(G, node)
    sources = sorted({t for t, _ in edges[m.DERIVED_FROM]})
    owner = sources[0] if len(sources) == 1 else None
    own: list[Triple] = [(s, RDF.type, SEM.Event)]
    event_type = str(d.get(m.EVENT_TYPE) or "")
    own.append((s, RDF.type, _event_class(event_type)))
    own.extend(_lit(s, SG.eventType, event_type))
    own.extend(_lit(s, RDFS.label, d.get(m.LABEL)))
    own.extend(_event_time(s, d))
    for pred, attr in ((SG.evidence, m.EVIDENCE), (SG.dateAudit, m.DATE_AUDIT),
                       (SG.mergeReason, m.MERGE_REASON)):  # fmt: skip
        own.extend(_lit(s, pred, d.get(attr)))
    for target, data in edges[m.ACTOR]:
        own.append((s, SEM.hasActor, node_iri(target)))
        for role in _strs(data.get(m.ROLE)):
            r = URIRef(f"{s}/role/{_quote(target)}/{_quote(role)}")
            own += [(s, SEM.hasActor, r), (r, RDF.type, SEM.Role),
                    (r, SEM.roleType, Literal(role)), (r, RDF.value, node_iri(target))]  # fmt: skip
    for target, _ in edges[m.PLACE]:
        own.append((s, SEM.hasPlace, node_iri(target)))
    for target, _ in edges[m.SUBJECT]:
        own.append((s, DCTERMS.subject, _topic_iri(G, target)))
    yield from ((owner, t) for t in own)
    for target, data in edges[m.DERIVED_FROM]:
        article, deriv = node_iri(target), URIRef(f"{s}/derivation/{_quote(target)}")
        for t in ((s, PROV.wasDerivedFrom, article), (s, PROV.qualifiedDerivation, deriv),
                  (deriv, RDF.type, PROV.Derivation), (deriv, PROV.entity, article)):  # fmt: skip
            yield target, t
        for lit in _lit(deriv, SG.evidence, data.get(m.EVIDENCE)):
            yield target, lit
    for target, _ in edges[m.NEXT]:
        yield None, (s, SG.nextEvent, node_iri(target))
        yield None, (node_iri(target), SG.previousEvent, s)


def _entity(G: nx.MultiDiGraph, node: str, d: dict[str, Any]) -> Iterator[Triple]:
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


def _topic_iri(G: nx.MultiDiGraph, node: str) -> URIRef:
    concept = G.nodes[node].get(m.CONCEPT) if node in G else None
    return _safe_iri(concept) or node_iri(node) if concept else node_iri(node)


def _topic(G: nx.MultiDiGraph, node: str, d: dict[str, Any]) -> Iterator[Triple]:
    s = _topic_iri(G, node)
    yield s, RDF.type, SKOS.Concept
    yield from _lit(s, SKOS.prefLabel, d.get(m.LABEL))
    yield s, SKOS.inScheme, TOPIC_SCHEME
    yield TOPIC_SCHEME, RDF.type, SKOS.ConceptScheme
    yield TOPIC_SCHEME, SKOS.prefLabel, Literal("storygraph topics", lang="en")


def _story(
    G: nx.MultiDiGraph, node: str, d: dict[str, Any], members: list[str]
) -> Iterator[Triple]:
    s = node_iri(node)
    yield s, RDF.type, SG.Story
    yield from _lit(s, RDFS.label, d.get(m.LABEL))
    events = sorted({t for t, _ in _edges(G, node, m.SUB_EVENT)} | set(members))
    begins = [x for e in events if (x := _date(G.nodes[e].get(m.BEGIN))) is not None]
    ends = [x for e in events
            if (x := _date(G.nodes[e].get(m.END) or G.nodes[e].get(m.BEGIN)))]  # fmt: skip
    for e in events:
        yield s, SEM.hasSubEvent, node_iri(e)
    if begins and ends:
        yield s, SEM.hasBeginTimeStamp, min(begins, key=str)
        yield s, SEM.hasEndTimeStamp, max(ends, key=str)
    for target, _ in _edges(G, node, m.HAS_ARTICLE):
        yield s, SG.hasArticle, node_iri(target)


def _story_members(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Events by the story named in their ``STORY_OF`` attribute (one pass, not one per story)."""
    members: dict[str, list[str]] = defaultdict(list)
    for node, d in G.nodes(data=True):
        if d.get(m.KIND) == m.EVENT and d.get(m.STORY_OF):
            members[str(d[m.STORY_OF])].append(node)
    return members


def owned_triples(G: nx.MultiDiGraph) -> Iterator[Owned]:
    """Every triple of ``to_rdf(G)`` with the article that alone supports it (or None).

    Triples shared by several nodes (a publisher, an instant) come once per node.
    """
    members = _story_members(G)
    for node, d in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
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


def new_graph() -> Graph:
    """Return an empty rdflib Graph with the storygraph prefixes bound."""
    rdf = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        rdf.bind(prefix, ns)
    return rdf


def to_rdf(G: nx.MultiDiGraph) -> Graph:
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


def partition(G: nx.MultiDiGraph) -> dict[URIRef, set[Triple]]:
    """Split the triples of :func:`to_rdf` into named graphs, each triple once."""
    owners: dict[Triple, set[str | None]] = defaultdict(set)
    for owner, triple in owned_triples(G):
        owners[triple].add(owner)
    graphs: dict[URIRef, set[Triple]] = defaultdict(set)
    for triple, who in owners.items():
        single = next(iter(who)) if len(who) == 1 else None
        graphs[SHARED_GRAPH if single is None else graph_iri(single)].add(triple)
    return dict(graphs)


def to_dataset(G: nx.MultiDiGraph) -> Dataset:
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


#: Extra prefixes for instance IRIs, one per node kind, so the Turtle reads
#: ``event:2024-10-14-meeting-…`` rather than full IRIs.
INSTANCE_PREFIXES: dict[str, str] = {
    kind: f"{m.BASE_IRI}{kind}/"
    for kind in (
        "article",
        "event",
        "story",
        "person",
        "organization",
        "country",
        "thing",
        "place",
        "instant",
        "publisher",
    )
} | {"topic": str(TOPIC_SCHEME)}


def ox_term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to a pyoxigraph term."""
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"cannot convert {node!r} to an Oxigraph term")


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


_KIND_BY_CLASS = ((SCHEMA.NewsArticle, m.ARTICLE), (SG.Story, m.STORY),
                  (SCHEMA.Person, m.PERSON), (SCHEMA.Organization, m.ORGANIZATION),
                  (SCHEMA.Country, m.COUNTRY), (SG.NamedThing, m.THING), (SEM.Place, m.PLACE_KIND),
                  (SKOS.Concept, m.TOPIC), (SEM.Event, m.EVENT))  # fmt: skip
_EDGE_BY_PRED = ((SEM.hasPlace, m.PLACE), (DCTERMS.subject, m.SUBJECT),
                 (SEM.hasSubEvent, m.SUB_EVENT), (SG.hasArticle, m.HAS_ARTICLE),
                 (SG.nextEvent, m.NEXT))  # fmt: skip


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
        d[m.EVIDENCE] = _many(rdf, s, SG.evidence)
        d[m.DATE_AUDIT] = _many(rdf, s, SG.dateAudit)
        d[m.MERGE_REASON] = _one(rdf, s, SG.mergeReason)
        d[m.STORY_OF] = next((node_id_of(x) or "" for x in rdf.subjects(SEM.hasSubEvent, s)), "")
    elif kind == m.TOPIC:
        d[m.LABEL] = _one(rdf, s, SKOS.prefLabel)
        d[m.CONCEPT] = str(s)
    elif kind != m.STORY:
        d[m.ALIASES] = _many(rdf, s, SKOS.altLabel)
        d[m.WIKIDATA] = _one(rdf, s, OWL.sameAs)
    return d


def _topic_id(iri: Node) -> str:
    return node_id_of(iri) or "topic/" + unquote(str(iri).rstrip("/#").rsplit("/", 1)[-1])


def _read_edges(rdf: Graph, G: nx.MultiDiGraph, ids: dict[Node, str]) -> None:
    for pred, rel in _EDGE_BY_PRED:
        for s, o in sorted(rdf.subject_objects(pred)):
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


def from_rdf(rdf: Graph) -> nx.MultiDiGraph:
    """Rebuild the story graph from RDF written by :func:`to_rdf` or :func:`to_dataset`.

    Tuple attributes come back sorted and edge keys are the relation names, so
    ``to_rdf(from_rdf(to_rdf(G)))`` is isomorphic to ``to_rdf(G)``.

    Args:
        rdf: an rdflib Graph, or a Dataset whose graphs are merged first.

    Returns:
        A MultiDiGraph with the node ids, kinds, attributes and edges of :mod:`graph.schema`.
    """
    rdf = triples_of(rdf)
    G = nx.MultiDiGraph()
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


__all__ = ["from_rdf", "node_iri", "owned_triples", "search_key", "to_dataset", "to_rdf"]
