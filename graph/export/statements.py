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
import logging
import re
import shutil
import tempfile
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TextIO

import networkx as nx
import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from graph.export.edit import (
    READ_BLOCK,
    Changes,
    StaleDocument,
    count_records,
    edit_document,
)
from graph.export.inputs import node_inputs
from graph.export.memo import StatementMemo
from graph.export.rdf import (
    SHARED_GRAPH,
    Owned,
    graph_iri,
    node_triples,
    ox_term,
    sorted_nodes,
    story_members,
)

log = logging.getLogger("storygraph")
_CHUNK: Final = 20_000  # lines per write: large enough for speed, small for memory
_RUN: Final = 100_000  # records sorted in memory at once
_IRIS_KEPT: Final = 20_000  # IRIs whose text is kept between nodes (_TermText)
_SHARED: Final = f"<{SHARED_GRAPH}>\n"  # the shared graph in a record
_NEEDS_ESCAPE: Final = re.compile(r'[\x00-\x1f"\\\x7f]')  # what N-Triples escapes in a string


class _Sorted:
    """The statements on disk as the N-Quads document itself, one ``"<triple>
    <graph iri> ."`` per line, sorted; removed with the last :class:`Statements`
    that reads them."""

    def __init__(self, path: Path) -> None:
        self.path = path
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
        with self.records.path.open(encoding="utf-8", newline="\n") as handle:
            for quad in handle:
                # the graph IRI is the line's last term, and an IRI holds no space
                triple, _, graph = quad[: -len(" .\n")].rpartition(" <")
                yield triple, "<" + graph

    def lines(self, *, quads: bool = False) -> Iterator[bytes]:
        """The N-Triples (or N-Quads) document, in chunks of encoded lines.

        The N-Quads are the records file as it is, read in blocks."""
        if quads:
            with self.records.path.open("rb") as handle:
                while block := handle.read(READ_BLOCK):
                    yield block
            return
        chunk: list[str] = []
        for triple, _ in self.pairs():
            chunk.append(f"{triple} .\n")
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


def statements(G: nx.MultiDiGraph[str], memo: StatementMemo | None = None) -> Statements:
    """Compute the canonical statements of ``to_rdf(G)`` (see the module docstring).

    A triple supported by several articles, or by none, goes to the shared graph,
    as in :func:`graph.export.rdf.partition`. The records are sorted in runs of
    :data:`_RUN` written to a temporary folder, then merged into one file. With a
    ``memo`` of the last build, a node whose inputs did not change reuses its
    records instead of converting its triples again, and when the memo kept the
    last build's statements, they are edited where records changed
    (:mod:`graph.export.edit`) rather than merged again.
    """
    folder = Path(tempfile.mkdtemp(prefix="storygraph-statements-"))
    try:
        path, count = _computed(G, folder, memo)
        if memo is not None:
            memo.keep_document(path, count)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Statements(_Sorted(path), count)


def _computed(
    G: nx.MultiDiGraph[str], folder: Path, memo: StatementMemo | None
) -> tuple[Path, int]:
    last = memo.last_document() if memo is not None else None
    if memo is not None and last is not None:
        try:
            return _edited(G, folder / "statements", memo, last)
        except StaleDocument as exc:
            log.info("statements computed anew: %s", exc)
    if memo is not None:
        memo.forget_shared()
    return _merge(folder, _runs(G, folder, memo), memo)


def _edited(
    G: nx.MultiDiGraph[str], path: Path, memo: StatementMemo, last: tuple[Path, int]
) -> tuple[Path, int]:
    """The last build's statements with the records of the nodes that changed,
    appeared or are gone written anew (:func:`graph.export.edit.edit_document`)."""
    records, members = _Records(), story_members(G)
    changes: Changes = defaultdict(Counter)
    for node, d in sorted_nodes(G):
        inputs = node_inputs(G, node, d, members)
        if memo.same(node, inputs):
            continue
        new = records(node_triples(G, node, d, members))
        count_records(changes, memo.last_records(node), -1)
        count_records(changes, new, 1)
        memo.put(node, inputs, new)
    count_records(changes, memo.unseen_records(), -1)
    return path, edit_document(last, changes, memo, path, _SHARED[:-1])


def _runs(G: nx.MultiDiGraph[str], folder: Path, memo: StatementMemo | None) -> list[Path]:
    """Every owned triple as a record, written in sorted runs."""
    records = _Records()
    members = story_members(G)
    runs: list[Path] = []
    run: list[str] = []
    for node, d in sorted_nodes(G):
        inputs = node_inputs(G, node, d, members) if memo is not None else ""
        lines = memo.get(node, inputs) if memo is not None else None
        if lines is None:
            lines = records(node_triples(G, node, d, members))
            if memo is not None:
                memo.put(node, inputs, lines)
        run.extend(lines)
        if len(run) >= _RUN:
            runs.append(_write_run(folder, len(runs), run))
    runs.append(_write_run(folder, len(runs), run))
    return runs


class _Records:
    """The run records of owned triples: ``"<s> <p> <o>\\x00<graph iri>\\n"``."""

    def __init__(self) -> None:
        self._text = _TermText()
        self._graphs: dict[str | None, str] = {None: f"<{SHARED_GRAPH}>"}

    def __call__(self, owned: Iterable[Owned]) -> list[str]:
        text, graphs = self._text, self._graphs
        out = []
        for owner, (s, p, o) in owned:
            graph = graphs.get(owner)
            if graph is None:
                graph = graphs[owner] = f"<{graph_iri(str(owner))}>"
            out.append(f"{text(s)} {text(p)} {text(o)}\x00{graph}\n")
        return out


def _write_run(folder: Path, index: int, run: list[str]) -> Path:
    path = folder / f"run-{index}"
    run.sort()
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(run)
    run.clear()
    return path


def _merge(folder: Path, runs: list[Path], memo: StatementMemo | None) -> tuple[Path, int]:
    """Merge the sorted runs into one record per distinct triple: the owner's
    graph when one article alone supports it, else the shared graph; the
    ``memo`` keeps the graphs of the triples more than one record supports."""
    path, count = folder / "statements", 0
    handles = [run.open(encoding="utf-8", newline="\n") for run in runs]
    try:
        with path.open("w", encoding="utf-8", newline="\n") as out:
            merged = handles[0] if len(handles) == 1 else heapq.merge(*handles)
            count = _write_distinct(merged, out, memo.set_shared if memo is not None else None)
    finally:
        for handle in handles:
            handle.close()
        for run in runs:
            run.unlink()
    return path, count


def _write_distinct(
    records: Iterable[str], out: TextIO, shared: Callable[[str, Counter[str]], None] | None = None
) -> int:
    """Write each triple of the sorted ``records`` once, with its one owner's
    graph or the shared graph, as an N-Quads line; return how many were written.
    ``shared`` is told the graphs of each triple more than one record supports."""
    count, last, owner, first = 0, "", "", ""
    several: Counter[str] | None = None  # the graphs of the records of ``last``, past one
    for record in records:
        triple, _, graph = record.rpartition("\x00")  # graph: "<iri>\n"
        if triple == last:
            if graph != owner:
                owner = _SHARED  # several articles support it
            if shared is not None:
                several = several or Counter({first: 1})
                several[graph[:-1]] += 1
            continue
        if count:
            out.write(f"{last} {owner[:-1]} .\n")
        if several is not None and shared is not None:
            shared(last, several)
        last, owner, count, first, several = triple, graph, count + 1, graph[:-1], None
    if count:
        out.write(f"{last} {owner[:-1]} .\n")
    if several is not None and shared is not None:
        shared(last, several)
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
                if len(self._iris) >= _IRIS_KEPT:
                    # the nodes come in order and few IRIs recur far apart (the
                    # predicates and classes, converted again at once): a bounded
                    # cache, not one of every IRI of the graph (70 MB at 10,000 articles)
                    self._iris.clear()
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
