"""The last build's statements, node by node, so that a rebuild converts only what changed.

Requires the run records of :mod:`graph.export.statements` and the inputs of
:func:`graph.export.inputs.node_inputs`; adds nothing to ``G``.

Converting a node's triples through rdflib and Oxigraph's printer is most of the
export's time, and one more article changes few nodes: its own, its events,
the entities it names, their episode and storyline. The memo keeps, for every
node, a digest of what its triples are computed from and the node's records;
when a rebuild finds the same digest it reuses the records as they are.

It also keeps the last build's statements whole (``statements-<token>.nq``
beside it, the N-Quads document :mod:`graph.export.statements` wrote) and, for
each triple more than one record supports, how many records of each named
graph do: a rebuild edits that document where the records of changed nodes
differ, instead of sorting three million lines again.

Stored with SQLite (Python's own ``sqlite3``) in ``OUT/.cache/statements.sqlite``:
one row a node, read a row at a time, so the memo of a large corpus is never
held whole; written in one transaction, so a build killed halfway leaves the
last build's memo and document. A digest of the version, the exporter's source
files and the shipped data empties it when what prints the triples changes; a
file SQLite cannot read is replaced, never an error.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from types import TracebackType

from graph import __version__

log = logging.getLogger("storygraph")
MEMO_FILE = "statements.sqlite"
_ROOTS = ("graph.export.statements",)  # the code a node's records depend on
_DOCUMENT = "statements-{}.nq"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of the version, the source files that compute a node's records and
    the data they read (the event types' classes)."""
    from graph.cache import extraction_sources, shipped_data  # one reader of each

    digest = hashlib.sha256(__version__.encode())
    for path in [*extraction_sources(_ROOTS), *shipped_data()]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class StatementMemo:
    """Per-node records of the last build and its statements (see the module docstring).

    Use as a context manager: leaving it commits what this build computed and
    forgets the nodes the graph no longer has; an exception leaves the memo
    and the last document as they were.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.hits = 0
        self.misses = 0
        self._seen: list[tuple[str]] = []
        self._kept: Path | None = None  # this build's document, until committed
        self._digests: dict[str, bytes] | None = None  # the last build's, read at once
        self._db = _open(path)

    def get(self, node: str, inputs: str) -> list[str] | None:
        """The node's records of the last build if its inputs are the same, else None."""
        self._seen.append((node,))
        query = "SELECT digest, records FROM memo WHERE node = ?"
        row = self._db.execute(query, (node,)).fetchone()
        if row is not None and row[0] == _digest(inputs):
            self.hits += 1
            return str(row[1]).splitlines(keepends=True)
        self.misses += 1
        return None

    def same(self, node: str, inputs: str) -> bool:
        """Whether the node's inputs are those of the last build (its records unread)."""
        self._seen.append((node,))
        if self._digests is None:  # one query for all: a hundred thousand nodes at 10,000 articles
            self._digests = dict(self._db.execute("SELECT node, digest FROM memo"))
        if self._digests.get(node) == _digest(inputs):
            self.hits += 1
            return True
        self.misses += 1
        return False

    def last_records(self, node: str) -> list[str]:
        """The node's records of the last build (none for a new node)."""
        row = self._db.execute("SELECT records FROM memo WHERE node = ?", (node,)).fetchone()
        return str(row[0]).splitlines(keepends=True) if row is not None else []

    def put(self, node: str, inputs: str, records: list[str]) -> None:
        """Keep the node's records, computed from ``inputs``, for the next build."""
        self._db.execute(
            "INSERT OR REPLACE INTO memo (node, digest, records) VALUES (?, ?, ?)",
            (node, _digest(inputs), "".join(records)),
        )

    def unseen_records(self) -> Iterator[str]:
        """The records of the nodes the last build had and this one has not
        (call after every node was looked up)."""
        self._mark_seen()
        query = "SELECT records FROM memo WHERE node NOT IN (SELECT node FROM seen)"
        for (records,) in self._db.execute(query):
            yield from str(records).splitlines(keepends=True)

    def last_document(self) -> tuple[Path, int] | None:
        """The last build's statements and how many they are, if kept."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'document'").fetchone()
        if row is None:
            return None
        token, count = str(row[0]).split()
        path = self.path.parent / _DOCUMENT.format(token)
        return (path, int(count)) if path.is_file() else None

    def keep_document(self, path: Path, count: int) -> None:
        """Keep this build's statements (``count`` lines) for the next build: a
        hard link where the file system allows one, else a copy."""
        token = secrets.token_hex(8)
        kept = self.path.parent / _DOCUMENT.format(token)
        try:
            os.link(path, kept)  # written once, never in place: one file for both
        except OSError:  # another file system, or no hard links there
            shutil.copyfile(path, kept)
        self._kept = kept
        self._db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('document', ?)", (f"{token} {count}",)
        )

    def shared(self, triple: str) -> Counter[str]:
        """How many records of each graph supported ``triple`` (kept when more than one)."""
        row = self._db.execute("SELECT graphs FROM support WHERE triple = ?", (triple,)).fetchone()
        if row is None:
            return Counter()
        graphs = str(row[0]).split()
        return Counter({graph: int(n) for graph, n in zip(graphs[::2], graphs[1::2], strict=True)})

    def set_shared(self, triple: str, graphs: Counter[str]) -> None:
        """Keep the graphs of the records supporting ``triple`` (forget them under two)."""
        if graphs.total() < 2:
            self._db.execute("DELETE FROM support WHERE triple = ?", (triple,))
            return
        text = " ".join(f"{graph} {n}" for graph, n in sorted(graphs.items()))
        self._db.execute("INSERT OR REPLACE INTO support VALUES (?, ?)", (triple, text))

    def forget_shared(self) -> None:
        """Forget every triple's graphs (a build from scratch counts them anew)."""
        self._db.execute("DELETE FROM support")

    def __enter__(self) -> StatementMemo:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                self._forget_unseen()
                self._db.commit()
            else:
                self._db.rollback()
        finally:
            self._db.close()
            self._tidy(committed=kind is None)
        log.debug("statement memo: %d nodes reused, %d converted", self.hits, self.misses)

    def _mark_seen(self) -> None:
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS seen (node TEXT PRIMARY KEY)")
        self._db.executemany("INSERT OR IGNORE INTO seen VALUES (?)", self._seen)
        self._seen.clear()

    def _forget_unseen(self) -> None:
        self._mark_seen()
        self._db.execute("DELETE FROM memo WHERE node NOT IN (SELECT node FROM seen)")

    def _tidy(self, *, committed: bool) -> None:
        """Remove the documents no memo names: the last one once this build's is
        committed, or this build's when it failed."""
        if self._kept is None:
            return  # nothing new kept: the last document stays as the memo names it
        for path in self.path.parent.glob(_DOCUMENT.format("*")):
            if (path != self._kept) == committed:
                path.unlink(missing_ok=True)


def _digest(inputs: str) -> bytes:
    return hashlib.blake2b(inputs.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _open(path: Path) -> sqlite3.Connection:
    """The memo's database, emptied when the code that wrote it differs; a new
    one in place of a file SQLite cannot read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _connect(path)
    except sqlite3.DatabaseError as exc:
        log.info("%s: unreadable (%s); starting a new statement memo", path, exc)
        path.unlink(missing_ok=True)
        return _connect(path)


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30, isolation_level="DEFERRED")
    db.execute("PRAGMA journal_mode = WAL")  # readers never wait for the writing build
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("CREATE TABLE IF NOT EXISTS memo (node TEXT PRIMARY KEY, digest BLOB, records TEXT)")
    db.execute("CREATE TABLE IF NOT EXISTS support (triple TEXT PRIMARY KEY, graphs TEXT)")
    row = db.execute("SELECT value FROM meta WHERE key = 'code'").fetchone()
    if row is None or row[0] != code_digest():
        for table in ("memo", "support", "meta"):
            db.execute(f"DELETE FROM {table}")  # the table names of this module
        db.execute("INSERT OR REPLACE INTO meta VALUES ('code', ?)", (code_digest(),))
        db.commit()
    return db


__all__ = ["MEMO_FILE", "StatementMemo", "code_digest"]
