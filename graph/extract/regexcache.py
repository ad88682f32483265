"""Compiled regular expressions kept between runs, so a new process loads a model fast.

spaCy's French tokenizer builds one 1.4-million-character pattern at import
(hyphenated and elided words, case-insensitive over every Unicode letter), and
Python's ``re`` spends about two seconds compiling it in every new process:
longer than reading a thousand cached articles, and most of what a rebuild with
one new French article waits for. The compiled form is a list of integers from
which ``_sre.compile`` makes the identical pattern object in a millisecond.

:func:`recording` notes the compiled form of the long patterns compiled while a
model loads; :func:`preload` puts them, in a later process, into ``re``'s own
cache, where ``re.compile`` finds them by their source text and flags. A pattern
whose text changed (another spaCy) is simply not found and compiles as usual.
A record is bound to the Python build that made it (:func:`python_stamp`);
another build ignores it.

Both rely on CPython details (``re._cache``, ``re._compiler._sre`` and the
arguments of ``_sre.compile``); where they are not as expected, both do nothing.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

try:
    import _sre
    from re import _compiler  # type: ignore[attr-defined]
except ImportError:  # not CPython: nothing to gain, nothing done
    _sre = _compiler = None

LONG_PATTERN = 10_000  # characters; shorter patterns compile in milliseconds anyway
_KEEP = 8  # patterns per record


@dataclass(frozen=True)
class CompiledPattern:
    """What ``re.compile`` caches a pattern under, and how ``_sre`` makes it."""

    key: tuple[Any, ...]  # (type, source, flags), the key of re._cache
    sre_args: tuple[Any, ...]  # the arguments of _sre.compile


@dataclass(frozen=True)
class PatternRecord:
    python: str  # python_stamp() of the process that compiled them
    patterns: tuple[CompiledPattern, ...]


def python_stamp() -> str:
    """The Python build and regular-expression engine a compiled form belongs to."""
    magic = getattr(_sre, "MAGIC", None)
    return f"{sys.implementation.name} {sys.version} sre {magic} {getattr(_sre, 'CODESIZE', None)}"


def _supported() -> bool:
    return (
        _sre is not None
        and isinstance(getattr(re, "_cache", None), dict)
        and getattr(_compiler, "_sre", None) is _sre
    )


@contextmanager
def recording() -> Iterator[list[CompiledPattern]]:
    """Note the long patterns compiled inside the block.

    The list yielded is filled when the block ends; it stays empty where the
    CPython details are missing, or when the patterns came from ``re``'s cache.
    """
    found: list[CompiledPattern] = []
    if not _supported():
        yield found
        return
    made: list[tuple[tuple[Any, ...], re.Pattern[str]]] = []

    def compile_and_note(*args: Any) -> re.Pattern[str]:
        pattern: re.Pattern[str] = _sre.compile(*args)
        if isinstance(args[0], str) and len(args[0]) >= LONG_PATTERN:
            made.append((args, pattern))
        return pattern

    public = {name: value for name, value in vars(_sre).items() if not name.startswith("__")}
    _compiler._sre = SimpleNamespace(**public | {"compile": compile_and_note})
    try:
        yield found
    finally:
        _compiler._sre = _sre
    cached = {id(pattern): key for key, pattern in re._cache.items()}  # type: ignore[attr-defined]
    found += [CompiledPattern(cached[id(p)], _plain(args)) for args, p in made if id(p) in cached]


def _plain(sre_args: tuple[Any, ...]) -> tuple[Any, ...]:
    # the code list holds re's named int constants, which do not pickle: plain ints do
    pattern, flags, code, *rest = sre_args
    return (pattern, int(flags), [int(op) for op in code], *rest)


def preload(record: object) -> int:
    """Put recorded patterns into ``re``'s cache; return how many were put.

    Anything else than a :class:`PatternRecord` of this Python build is ignored.
    """
    if not (isinstance(record, PatternRecord) and record.python == python_stamp()):
        return 0
    if not _supported():
        return 0
    return sum(_put(pattern) for pattern in record.patterns)


def _put(pattern: CompiledPattern) -> bool:
    try:
        compiled = _sre.compile(*pattern.sre_args)  # validates the code, raises if invalid
    except (TypeError, ValueError, RuntimeError):
        return False
    if compiled.pattern != pattern.key[1]:
        return False
    re._cache[pattern.key] = compiled  # type: ignore[attr-defined]
    return True


def record_of(patterns: Sequence[CompiledPattern], earlier: object = None) -> PatternRecord:
    """A record of ``patterns``, followed by those of an ``earlier`` record of this
    Python build that they do not replace (a few: the oldest are dropped), so that
    a pattern that changed is recorded again without losing the ones that did not."""
    kept = list(patterns)
    if isinstance(earlier, PatternRecord) and earlier.python == python_stamp():
        kept += [p for p in earlier.patterns if p.key not in {k.key for k in patterns}]
    return PatternRecord(python_stamp(), tuple(kept[:_KEEP]))
