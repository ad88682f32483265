"""The RDF contract as canonical N-Triples statements: what every RDF output is written from.

Requires the triples of :mod:`graph.export.rdf` (``to_rdf(G)`` and its partition into
named graphs); adds nothing to ``G``.

:func:`statements` turns the graph into one line of text per distinct triple —
the canonical N-Triples form of its three terms, as Oxigraph prints them — sorted
by code point, each with the named graph the partition of
:func:`graph.export.rdf.partition` puts it in. From these:

- ``graph.nt`` and ``graph.nq`` are the lines themselves (sorted, so files diff
  well and ``sort -u`` leaves them unchanged);
- Turtle, JSON-LD and the Oxigraph store are streamed through Oxigraph's parser
  from :meth:`Statements.stream`, never held as term objects.

Why text rather than term objects: a million triples as rdflib or Oxigraph terms
take gigabytes of Python objects; as one string each they take a few hundred
megabytes, sort natively, and are exactly what N-Triples and N-Quads hold. The
sorted order is canonical, so the same ``G`` always gives the same bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import networkx as nx
import pyoxigraph as ox
from rdflib import Literal
from rdflib.term import Node

from graph.export.rdf import SHARED_GRAPH, graph_iri, owned_triples, ox_term

_CHUNK: Final = 20_000  # lines per write: large enough for speed, small for memory
_UNSEEN: Final = object()
_NEEDS_ESCAPE: Final = re.compile(r'[\x00-\x1f"\\\x7f]')  # what N-Triples escapes in a string


@dataclass(frozen=True)
class Statements:
    """Every triple once, as sorted canonical N-Triples text, with its named graph.

    Attributes:
        triples: ``"<s> <p> o"`` per triple (no final ``" ."``), sorted.
        graphs: the named graph of each triple, as ``"<iri>"``, same order.
    """

    triples: list[str]
    graphs: list[str]
    document: Path | None = None  # an N-Triples file of exactly these lines, once written

    def __len__(self) -> int:
        return len(self.triples)

    def lines(self, *, quads: bool = False) -> Iterator[bytes]:
        """The N-Triples (or N-Quads) document, in chunks of encoded lines."""
        for start in range(0, len(self.triples), _CHUNK):
            part = self.triples[start : start + _CHUNK]
            if quads:
                graphs = self.graphs[start : start + _CHUNK]
                text = "".join(f"{t} {g} .\n" for t, g in zip(part, graphs, strict=True))
            else:
                text = "".join(f"{t} .\n" for t in part)
            yield text.encode("utf-8")

    def stream(self, *, quads: bool = False) -> io.BufferedReader:
        """A readable binary stream of :meth:`lines`, for Oxigraph's parser and loader."""
        return io.BufferedReader(_ChunkReader(self.lines(quads=quads)), buffer_size=1 << 20)

    def parse(self) -> Iterator[ox.Triple]:
        """The triples as Oxigraph terms, parsed lazily in the canonical order.

        From :attr:`document` when it is set (Oxigraph reads the file itself),
        else from the lines. Lenient: the lines were printed by Oxigraph.
        """
        if self.document is not None:
            quads = ox.parse(path=self.document, format=ox.RdfFormat.N_TRIPLES, lenient=True)
        else:
            quads = ox.parse(self.stream(), format=ox.RdfFormat.N_TRIPLES, lenient=True)
        for quad in quads:
            yield quad.triple


class _ChunkReader(io.RawIOBase):
    """A raw binary stream over an iterator of byte chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            self._pending = next(self._chunks, b"")
            if not self._pending:
                return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def statements(G: nx.MultiDiGraph[str]) -> Statements:
    """Compute the canonical statements of ``to_rdf(G)`` (see the module docstring).

    A triple supported by several articles, or by none, goes to the shared graph,
    as in :func:`graph.export.rdf.partition`.
    """
    owners: dict[str, object] = {}
    text_of: dict[Node, str] = {}  # IRIs repeat across triples; convert each once
    for owner, (s, p, o) in owned_triples(G):
        line = f"{_text(s, text_of)} {_text(p, text_of)} {_text(o, text_of)}"
        seen = owners.get(line, _UNSEEN)
        owners[line] = owner if seen is _UNSEEN or seen == owner else None
    del text_of
    graph_text: dict[object, str] = {None: f"<{SHARED_GRAPH}>"}
    triples = sorted(owners)
    graphs = []
    for line in triples:
        article = owners[line]  # an article id, or None for the shared graph
        if article not in graph_text:
            graph_text[article] = f"<{graph_iri(str(article))}>"
        graphs.append(graph_text[article])
    return Statements(triples, graphs)


def _text(term: Node, cache: dict[Node, str]) -> str:
    if type(term) is Literal and not term.datatype and not term.language:
        return plain_literal_text(str(term))  # mostly unique: caching would only hold memory
    text = cache.get(term)
    if text is None:
        text = cache[term] = str(ox_term(term))
    return text


def plain_literal_text(value: str) -> str:
    r"""The canonical N-Triples form of a plain string literal, as Oxigraph prints it.

    Text that needs no escape is quoted as it is (no term object); the rest goes
    through Oxigraph.

    >>> plain_literal_text('Brest')
    '"Brest"'
    >>> plain_literal_text('say "no"')
    '"say \\"no\\""'
    """
    if _NEEDS_ESCAPE.search(value) is None:
        return f'"{value}"'
    return str(ox.Literal(value))


__all__ = ["Statements", "statements"]
