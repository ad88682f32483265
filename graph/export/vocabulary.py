"""The terms of the RDF contract: namespaces, prefixes, classes and the IRIs of nodes.

Shared by the writer (:mod:`graph.export.rdf`) and the reader
(:mod:`graph.export.from_rdf`); the contract itself is described in
:mod:`graph.export.rdf`.

IRIs are minted only from node ids through :func:`node_iri`, which percent-encodes
every character but ``[A-Za-z0-9-_~]`` (and keeps the one ``/`` after the kind), so no
text can break or forge an IRI.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote, unquote

import pyoxigraph as ox
import rdflib.namespace as vocab
from rdflib import XSD, BNode, Graph, Literal, Namespace, URIRef
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
#: sg:datingMethod values (individuals of sg:DatingMethod in the ontology)
DATING_IRIS = {m.OWN_DATE: SG.OwnDate, m.DISCOURSE_TIME: SG.DiscourseTime,
               m.REPORT_TIME: SG.ReportTime, m.UNKNOWN_TIME: SG.UnknownTime}  # fmt: skip
METHOD_OF_IRI = {iri: method for method, iri in DATING_IRIS.items()}
TOPIC_SCHEME = URIRef("https://storygraph.example.org/topic/")  # as in ontology/topics.ttl
SHARED_GRAPH = SGID["graph/shared"]

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

_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~")

Triple = tuple[Node, Node, Node]


def quote_segment(text: str) -> str:
    """Percent-encode all but unreserved ASCII letters, digits and ``-_~``.

    >>> quote_segment("a b/é")
    'a%20b%2F%C3%A9'
    """
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
        raise ValueError(f"node id {node_id!r} is not '<kind>/<slug>'; fix graph.assemble")
    return URIRef(m.BASE_IRI + quote_segment(kind) + "/" + quote_segment(rest))


def node_id_of(iri: Node) -> str | None:
    """Return the node id an IRI was minted from, or None for other IRIs."""
    text = str(iri)
    if not isinstance(iri, URIRef) or not text.startswith(m.BASE_IRI):
        return None
    path = text[len(m.BASE_IRI) :]
    return unquote(path) if path.count("/") == 1 else None


def graph_iri(article_id: str) -> URIRef:
    """Return the IRI of the named graph holding one article's triples."""
    return URIRef(m.BASE_IRI + "graph/" + quote_segment(article_id))


def search_key(text: str) -> str:
    """Fold accents, case and punctuation for alias-aware matching.

    >>> search_key("Grigoï  Chouvaline!")
    'grigoi chouvaline'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+|_", " ", bare).split())


def event_class(event_type: str) -> URIRef:
    """The ``sg:`` class of a raw event type (``sg:Other`` for an unknown one)."""
    key = re.sub(r"[^a-z]", "", event_type.lower())
    return SG[_CLASS_BY_KEY.get(key, FALLBACK)]


def new_graph() -> Graph:
    """Return an empty rdflib Graph with the storygraph prefixes bound."""
    rdf = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        rdf.bind(prefix, ns)
    return rdf


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
