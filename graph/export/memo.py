"""The last build's statements, node by node, so that a rebuild converts only what changed.

Requires the run records of :mod:`graph.export.statements` and the inputs of
:func:`graph.export.inputs.node_inputs`; adds nothing to ``G``.

Converting a node's triples through rdflib and Oxigraph's printer is most of the
export's time, and one more article changes few nodes: its own, its events,
the entities it names, their episode and storyline. The memo keeps, for every
node, a digest of what its triples are computed from and the node's records;
when a rebuild finds the same digest it reuses the records as they are.

Stored with SQLite (Python's own ``sqlite3``) in ``OUT/.cache/statements.sqlite``:
one row a node, read a row at a time, so the memo of a large corpus is never
held whole; written in one transaction, so a build killed halfway leaves the
last build's memo. A digest of the version, the exporter's source files and
the shipped data empties it when what prints the triples changes; a file SQLite cannot
read is replaced, never an error.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from functools import lru_cache
from pathlib import Path
from types import TracebackType

from graph import __version__

log = logging.getLogger("storygraph")
MEMO_FILE = "statements.sqlite"
_ROOTS = ("graph.export.statements",)  # the code a node's records depend on


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
    """Per-node records of the last build (see the module docstring).

    Use as a context manager: leaving it commits what this build computed and
    forgets the nodes the graph no longer has; an exception leaves the memo as
    it was.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.hits = 0
        self.misses = 0
        self._seen: list[tuple[str]] = []
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

    def put(self, node: str, inputs: str, records: list[str]) -> None:
        """Keep the node's records, computed from ``inputs``, for the next build."""
        self._db.execute(
            "INSERT OR REPLACE INTO memo (node, digest, records) VALUES (?, ?, ?)",
            (node, _digest(inputs), "".join(records)),
        )

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
        log.debug("statement memo: %d nodes reused, %d converted", self.hits, self.misses)

    def _forget_unseen(self) -> None:
        self._db.execute("CREATE TEMP TABLE seen (node TEXT PRIMARY KEY)")
        self._db.executemany("INSERT OR IGNORE INTO seen VALUES (?)", self._seen)
        self._db.execute("DELETE FROM memo WHERE node NOT IN (SELECT node FROM seen)")


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
    row = db.execute("SELECT value FROM meta WHERE key = 'code'").fetchone()
    if row is None or row[0] != code_digest():
        db.execute("DELETE FROM memo")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('code', ?)", (code_digest(),))
        db.commit()
    return db


__all__ = ["MEMO_FILE", "StatementMemo", "code_digest"]
