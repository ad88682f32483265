"""A cache of per-article extractions, so a rebuild redoes only what changed.

The extract stage (spaCy NER, dates, event mentions) is almost all of a build's
cost and depends only on one article and the configuration. Its result is
stored under a key made of the article's content hash and a fingerprint of
everything else it depends on: the storygraph version and source files, the
knowledge-base and topic files, the language models' names and versions. Change any of them and
every entry misses; change one article and only it is extracted again.

Entries are pickles written atomically in the build's own output folder
(``OUT/.cache/``); the cache is local, written and read by this program only.
A corrupt or unreadable entry is treated as a miss, never as an error. Beside
the extractions it keeps, under fixed keys, the last build's article count per
language (for :func:`graph.pipeline._early_worker`) and the language models'
compiled tokenizer patterns (:mod:`graph.extract.regexcache`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from graph import __version__
from graph.kb import DATA_DIR
from graph.extract.nlp import DEFAULT_MODELS
from graph.extract.topics import TOPICS_FILE

log = logging.getLogger("storygraph")


@lru_cache(maxsize=4)
def fingerprint(kb_dir: str | None) -> str:
    """Hash of the code version, data files and models an extraction depends on."""
    digest = hashlib.sha256(__version__.encode())
    # The code itself: a changed extraction rule must not reuse old results.
    code = sorted(Path(__file__).parent.glob("*.py"))
    files = [*code, *sorted(DATA_DIR.glob("*")), TOPICS_FILE]
    if kb_dir:
        files += sorted(Path(kb_dir).glob("*.tsv"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for language, model in sorted(DEFAULT_MODELS.items()):
        digest.update(f"{language}={model}={_model_version(model)}".encode())
    return digest.hexdigest()


def _model_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name.replace("_", "-"))
    except PackageNotFoundError:
        return "unknown"


class ExtractionCache:
    """Per-article extraction results on disk, keyed by content and configuration."""

    def __init__(
        self, folder: Path, kb_dir: str | None = None, memory: dict[Path, object] | None = None
    ) -> None:
        """``memory``, when given, keeps every entry read or written, for the next
        build of the same process (watch mode): a thousand unpickled files less."""
        self.folder = folder
        self.salt = fingerprint(kb_dir)
        self.memory = memory
        self.touched: set[Path] = set()  # entries this build read or wrote
        self.hits = 0
        self.misses = 0

    def _path(self, content_hash: str) -> Path:
        key = hashlib.sha256(f"{self.salt}:{content_hash}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, content_hash: str) -> object | None:
        """The cached extraction of an article, or None."""
        path = self._path(content_hash)
        self.touched.add(path)
        if self.memory is not None and path in self.memory:
            self.hits += 1
            return self.memory[path]
        try:
            with path.open("rb") as handle:
                value: object = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.hits += 1
        if self.memory is not None:
            self.memory[path] = value
        return value

    def forget_untouched(self) -> None:
        """Drop from ``memory`` what this build did not use (removed or changed
        articles), so that a process watching a feed for days does not grow."""
        if self.memory is not None:
            for path in self.memory.keys() - self.touched:
                del self.memory[path]

    def put(self, content_hash: str, value: object) -> None:
        """Store an extraction; failures to write are logged, never raised."""
        path = self._path(content_hash)
        self.touched.add(path)
        if self.memory is not None:
            self.memory[path] = value
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
            log.debug("cache write failed for %s: %s", path, exc)
