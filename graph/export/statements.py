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
sorted order is canonical, so the same ``G`` always gives the same bytes. Even
the strings are too many to hold at 10,000 articles: they are sorted on disk
(runs, then a merge) in the system's temporary folder (``TMPDIR``), which needs
about twice the size of ``graph.nt`` free while the merge runs.
"""

from __future__ import annotations

import heapq
import io
import re
import shutil
import tempfile
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TextIO

import networkx as nx
import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from graph.export.rdf import SHARED_GRAPH, graph_iri, owned_triples, ox_term

_CHUNK: Final = 20_000  # lines per write: large enough for speed, small for memory
_RUN: Final = 200_000  # records sorted in memory at once
_SHARED_NUMBER: Final = "0\n"  # the shared graph's number in a record
_NEEDS_ESCAPE: Final = re.compile(r'[\x00-\x1f"\\\x7f]')  # what N-Triples escapes in a string


class _Sorted:
    """The statements' records on disk, one ``"<triple>\\x00<graph number>"`` per line,
    sorted; removed with the last :class:`Statements` that reads them."""

    def __init__(self, path: Path, graphs: list[str]) -> None:
        self.path = path
        self.graphs = graphs  # graph number -> ``"<iri>"``
        weakref.finalize(self, shutil.rmtree, path.parent, ignore_errors=True)


@dataclass(frozen=True)
class Statements:
    """Every triple once, as sorted canonical N-Triples text, with its named graph.

    Held on disk, not in memory (a temporary file, sorted in runs and merged):
    at 10,000 articles the three million lines took a gigabyte as Python strings.

    Attributes:
        records: the sorted records.
        count: how many triples.
        document: an N-Triples file of exactly these lines, once written.
    """

    records: _Sorted
    count: int
    document: Path | None = None

    def __len__(self) -> int:
        return self.count

    def pairs(self) -> Iterator[tuple[str, str]]:
        """``("<s> <p> o", "<graph iri>")`` per triple (no final ``" ."``), sorted."""
        graphs = self.records.graphs
        with self.records.path.open(encoding="utf-8", newline="\n") as handle:
            for record in handle:
                triple, _, number = record.rpartition("\x00")
                yield triple, graphs[int(number)]

    def lines(self, *, quads: bool = False) -> Iterator[bytes]:
        """The N-Triples (or N-Quads) document, in chunks of encoded lines."""
        chunk: list[str] = []
        for triple, graph in self.pairs():
            chunk.append(f"{triple} {graph} .\n" if quads else f"{triple} .\n")
            if len(chunk) >= _CHUNK:
                yield "".join(chunk).encode("utf-8")
                chunk.clear()
        if chunk:
            yield "".join(chunk).encode("utf-8")

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
    as in :func:`graph.export.rdf.partition`. The records are sorted in runs of
    :data:`_RUN` written to a temporary folder, then merged into one file.
    """
    folder = Path(tempfile.mkdtemp(prefix="storygraph-statements-"))
    try:
        numbers, runs = _runs(G, folder)
        path, count = _merge(folder, runs)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    graphs = [f"<{SHARED_GRAPH}>"] + [f"<{graph_iri(str(o))}>" for o in list(numbers)[1:]]
    return Statements(_Sorted(path, graphs), count)


def _runs(G: nx.MultiDiGraph[str], folder: Path) -> tuple[dict[object, int], list[Path]]:
    """Every owned triple as a record, written in sorted runs; the owners' numbers."""
    numbers: dict[object, int] = {None: 0}  # owner (an article id, or None) -> its number
    text = _TermText()
    runs: list[Path] = []
    run: list[str] = []
    for owner, (s, p, o) in owned_triples(G):
        number = numbers.setdefault(owner, len(numbers))
        run.append(f"{text(s)} {text(p)} {text(o)}\x00{number}\n")
        if len(run) >= _RUN:
            runs.append(_write_run(folder, len(runs), run))
    runs.append(_write_run(folder, len(runs), run))
    return numbers, runs


def _write_run(folder: Path, index: int, run: list[str]) -> Path:
    path = folder / f"run-{index}"
    run.sort()
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(run)
    run.clear()
    return path


def _merge(folder: Path, runs: list[Path]) -> tuple[Path, int]:
    """Merge the sorted runs into one record per distinct triple: the owner's
    number when one article alone supports it, else 0 (the shared graph)."""
    path, count = folder / "statements", 0
    handles = [run.open(encoding="utf-8", newline="\n") for run in runs]
    try:
        with path.open("w", encoding="utf-8", newline="\n") as out:
            merged = handles[0] if len(handles) == 1 else heapq.merge(*handles)
            count = _write_distinct(merged, out)
    finally:
        for handle in handles:
            handle.close()
        for run in runs:
            run.unlink()
    return path, count


def _write_distinct(records: Iterable[str], out: TextIO) -> int:
    """Write each triple of the sorted ``records`` once, with its one owner's
    number or the shared graph's; return how many were written."""
    count, last, owner = 0, "", ""
    for record in records:
        triple, _, number = record.rpartition("\x00")  # number: "<digits>\n"
        if triple == last:
            if number != owner:
                owner = _SHARED_NUMBER  # several articles support it
            continue
        if count:
            out.write(f"{last}\x00{owner}")
        last, owner, count = triple, number, count + 1
    if count:
        out.write(f"{last}\x00{owner}")
    return count


class _TermText:
    """The canonical N-Triples text of rdflib terms, each IRI and typed literal
    converted once. Keyed by plain strings: hashing an rdflib term runs Python
    code, hashing a string does not, and a build converts a million terms."""

    def __init__(self) -> None:
        self._iris: dict[str, str] = {}
        self._typed: dict[tuple[type, str, object, object], str] = {}

    def __call__(self, term: Node) -> str:
        if type(term) is URIRef:
            key = str(term)
            text = self._iris.get(key)
            if text is None:
                text = self._iris[key] = str(ox_term(term))
            return text
        if type(term) is Literal and not term.datatype and not term.language:
            return plain_literal_text(str(term))  # mostly unique: caching would only hold memory
        typed = (
            type(term),
            str(term),
            getattr(term, "datatype", None),
            getattr(term, "language", None),
        )
        text = self._typed.get(typed)
        if text is None:
            text = self._typed[typed] = str(ox_term(term))
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
