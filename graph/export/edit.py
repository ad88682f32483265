"""The last build's statements edited where records changed, not sorted again.

Requires the N-Quads document a build of :mod:`graph.export.statements` wrote
(one line per distinct triple, sorted, with the one graph of the records that
support it or the shared graph) and the statement memo of that build
(:mod:`graph.export.memo`: how many records of each graph support a triple
more than one record does); adds nothing to ``G``.

A rebuild that changes a few nodes changes the records of a few triples: the
document is copied block by block (a binary search in each block finds the
next triple to edit) and only those triples' lines are written anew, from the
counts of their records' graphs. Equal to sorting and merging every record
again, as :func:`graph.export.statements.statements` does without a memo; a
count that does not add up (a document and a memo of two builds, a document
cut short) raises :class:`StaleDocument`, and the statements are computed
from scratch.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Final

from graph.export.memo import StatementMemo

__all__ = ["READ_BLOCK", "Changes", "StaleDocument", "edit_document"]

READ_BLOCK: Final = 1 << 20  # bytes of an N-Quads document read at once

Changes = defaultdict[str, Counter[str]]
"""triple -> graph -> records gained (positive) or lost (negative)."""


class StaleDocument(Exception):
    """The last document and the memo disagree: compute the statements anew."""


def count_records(changes: Changes, records: Iterable[str], sign: int) -> None:
    """Add each record (``"<triple>\\x00<graph>\\n"``) to ``changes`` with ``sign``."""
    for record in records:
        triple, _, graph = record.rpartition("\x00")
        changes[triple][graph[:-1]] += sign


def edit_document(
    last: tuple[Path, int],
    changes: Changes,
    memo: StatementMemo,
    out: Path,
    shared_graph: str,
) -> int:
    """Write the last document (``last``: its path and line count) to ``out``
    with the lines of the changed triples written anew; return the new count.

    A triple's line names its graph when all its records are of one graph, else
    ``shared_graph``; a triple no record supports any more has none.
    """
    source, count = last
    touched = sorted(t for t, change in changes.items() if any(change.values()))
    with source.open("rb") as old, out.open("wb") as new:
        lines = _Lines(old)
        for triple in touched:
            key = triple.encode("utf-8")
            line = lines.copy_below(key, new)
            graphs: Counter[str] = Counter()
            if line is not None and line.startswith(key + b" <"):
                graphs = memo.shared(triple) or Counter({line[len(key) + 1 : -3].decode(): 1})
                lines.skip()
                count -= 1
            graphs.update(changes[triple])
            if any(n < 0 for n in graphs.values()):
                raise StaleDocument(f"{triple}: fewer records than the last build counted")
            graphs = +graphs
            memo.set_shared(triple, graphs)
            if graphs:
                owner = next(iter(graphs)) if len(graphs) == 1 else shared_graph
                new.write(f"{triple} {owner} .\n".encode())
                count += 1
        lines.copy_rest(new)
    if lines.read != last[1]:
        raise StaleDocument(f"{source}: {lines.read} lines where the memo counted {last[1]}")
    return count


class _Lines:
    """The lines of a sorted file, read a block at a time."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._lines: list[bytes] = []
        self._at = 0
        self._tail = b""  # the start of a line the next block ends
        self.read = 0  # lines of the file passed by

    def _fill(self) -> bool:
        block = self._handle.read(READ_BLOCK)
        if not block:
            self._lines, self._at, self._tail = ([self._tail] if self._tail else []), 0, b""
            return bool(self._lines)
        lines = (self._tail + block).splitlines(keepends=True)
        self._tail = b"" if lines[-1].endswith(b"\n") else lines.pop()
        self._lines, self._at = lines, 0
        return True

    def copy_below(self, key: bytes, out: BinaryIO) -> bytes | None:
        """Copy the lines before the first one not below ``key`` and return that
        line (not copied), or None at the end of the file."""
        while True:
            if self._at >= len(self._lines) and not self._fill():
                return None
            found = bisect_left(self._lines, key, self._at)
            out.write(b"".join(self._lines[self._at : found]))
            self.read += found - self._at
            self._at = found
            if found < len(self._lines):
                return self._lines[found]

    def skip(self) -> None:
        """Leave out the line :meth:`copy_below` returned."""
        self._at += 1
        self.read += 1

    def copy_rest(self, out: BinaryIO) -> None:
        rest = b"".join(self._lines[self._at :]) + self._tail
        self._lines, self._at, self._tail = [], 0, b""
        while True:
            out.write(rest)
            self.read += rest.count(b"\n")
            rest = self._handle.read(READ_BLOCK)
            if not rest:
                return
