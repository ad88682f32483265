"""Ingest: input files in, one :class:`~graph.types.Article` (or one error) per article out.

Requires: paths of files or folders, or ``-`` for JSON lines on stdin.
Adds: ``Article`` records with a clean body (page furniture removed by
:mod:`graph.ingest.furniture`), headline, publisher, author, URL, language, content
hash and, where the input shows it, the publication date with how it was found
(``published_how``: ``metadata`` from page metadata or a record field, then
``text`` from a dateline or byline, then ``url`` from a date in the URL path;
otherwise ``unknown``, and the extract stage infers it later).

Inputs:

- ``.html``/``.htm``/``.xhtml``: a saved web page, read with trafilatura
  (comments and related-article blocks left out). The date comes from JSON-LD
  ``datePublished``, ``<meta>`` publication tags or ``<time datetime>``
  before any guess from the text.
- ``.json``: one record or a list of records; ``.jsonl``/``.ndjson`` and
  stdin: one record per line. A record is an object with these fields (the
  alternatives in brackets are accepted too, first found wins):
  ``url`` (``link``), ``title`` (``headline``, ``name``), ``published``
  (``date``, ``published_at``, ``publishedAt``, ``date_publish``, ``pubDate``,
  ``datePublished``), ``text`` (``content``, ``body``, ``article``,
  ``maintext``; or ``html`` for a raw page), ``language`` (``lang``),
  ``publisher`` (``source``, ``site_name``, ``outlet``), ``author``
  (``authors``, ``byline``). The article's ``source`` is its URL when given,
  else ``"file.jsonl#<line>"``.
- any other file: plain text as saved from a browser.

A file is decoded as UTF-8 (a BOM is dropped), else as cp1252; line endings
become ``\\n``, text is NFC-normalised, control characters other than ``\\n`` and
``\\t`` are removed. Files are read one at a time, never more than
``max_bytes`` (default :data:`MAX_ARTICLE_BYTES`).

A bad input never stops the run: :func:`read_inputs` yields an
:class:`~graph.errors.InputError` in its place (empty, binary, too large,
unreadable, bad JSON record) for the caller to log and count.

Assumption not checked: a folder holds articles only; other files in it are
reported as errors, not skipped silently.

Modules, each importing only those listed before it:

- :mod:`.files`: walking folders, loading bytes within the size limit, binary
  signatures, decoding, :func:`normalise_text`, :func:`file_hash`;
- :mod:`.language`: :func:`detect_language` among :data:`SUPPORTED_LANGUAGES`;
- :mod:`.jsonvalues`: JSON text parsed without raising, record values as text;
- :mod:`.datelines`: date patterns, dates in text and URLs, datelines and bylines;
- :mod:`.furniture`: page furniture and :func:`~graph.ingest.furniture.clean_page`;
- :mod:`.pages`: :func:`parse_text`, :func:`parse_html` (trafilatura and page
  metadata), the assembly of an Article, :func:`metadata_date`, :func:`content_hash`;
- :mod:`.records`: JSON and JSON lines records, field variants, :func:`parse_record`.

This package reads the inputs (:func:`read_inputs`, :func:`iter_input_files`,
:func:`count_articles`) and re-exports what other modules and the tests import
from it. Reading a file looks up ``_load_bytes``, ``parse_text`` and
``parse_html`` in this package (the tests patch them here); a JSON record's
``html`` goes to the ``parse_html`` that :mod:`.records` imports.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from graph.errors import FailedInput, InputError
from graph.ingest.files import _load_bytes, _walk_inputs, decode_bytes, file_hash, normalise_text
from graph.ingest.language import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, detect_language
from graph.ingest.pages import (
    _HTML_SUFFIXES,
    _checked,
    content_hash,
    metadata_date,
    parse_html,
    parse_text,
)
from graph.ingest.records import (
    _JSONL_SUFFIXES,
    _read_lines,
    _read_records,
    _stream_lines,
    parse_record,
)
from graph.types import Article

__all__ = [
    "DEFAULT_LANGUAGE",
    "MAX_ARTICLE_BYTES",
    "SUPPORTED_LANGUAGES",
    "KnownFiles",
    "_load_bytes",
    "content_hash",
    "count_articles",
    "decode_bytes",
    "detect_language",
    "file_hash",
    "iter_input_files",
    "metadata_date",
    "normalise_text",
    "parse_html",
    "parse_record",
    "parse_text",
    "read_inputs",
]

MAX_ARTICLE_BYTES = 5_000_000
"""Per-article size limit in bytes (a file, or one JSON line); larger inputs give TooLarge."""


def iter_input_files(inputs: Sequence[str | Path]) -> Iterator[Path]:
    """The files named by ``inputs``: files as given, folders walked recursively.

    Folder contents come sorted by relative path; hidden files and folders are
    skipped; a symbolic link loop is entered once; broken links are yielded so
    that :func:`read_inputs` reports them. ``-`` (stdin) is left out.
    """
    for _root, path in _walk_inputs(inputs):
        yield path


#: ``known(file_hash)``: the Article a one-article file gave before, or None.
KnownFiles = Callable[[str], Article | None]


def read_inputs(
    inputs: Sequence[str | Path],
    *,
    stdin: TextIO | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
    known: KnownFiles | None = None,
) -> Iterator[Article | InputError]:
    """Read every input, yielding an Article or an InputError per article, in order.

    Args:
        inputs: files, folders (read recursively) or ``-`` for JSON lines on stdin.
        stdin: the stream ``-`` reads (default ``sys.stdin``).
        max_bytes: size limit of one file or one JSON line.
        known: looked up with a one-article file's ``file_hash`` before the file
            is parsed; what it returns is yielded as is (a rebuild's cache).

    Returns:
        An iterator; one file is read at a time. Never raises for a bad input.
    """
    for item in inputs:
        if str(item) == "-":
            lines = _stream_lines(stdin or sys.stdin, max_bytes)
            yield from _read_lines(lines, "<stdin>", "<stdin>", max_bytes)
            continue
        for root, path in _walk_inputs([item]):
            source = path.relative_to(root).as_posix() if root != path.parent else path.name
            yield from _guarded(_read_file(path, source, max_bytes, known), str(path))


def _guarded(items: Iterator[Article | InputError], label: str) -> Iterator[Article | InputError]:
    """The items of one file; an exception nobody expected ends that file with
    one error naming it, never the build (the records before it are kept)."""
    try:
        yield from items
    except Exception as exc:
        yield FailedInput.from_exception(label, "reading", exc)


def count_articles(path: Path) -> int:
    """How many articles a file probably holds: its non-blank lines for JSON
    lines, else one (for a progress bar: nothing is parsed or checked)."""
    if path.suffix.lower() not in _JSONL_SUFFIXES:
        return 1
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1


def _read_file(
    path: Path, source: str, max_bytes: int, known: KnownFiles | None = None
) -> Iterator[Article | InputError]:
    label = str(path)
    data = _load_bytes(path, label, max_bytes)
    if isinstance(data, InputError):
        yield data
        return
    suffix = path.suffix.lower()
    if suffix in _JSONL_SUFFIXES or suffix == ".json":
        yield from _read_records(data, label, source, suffix, max_bytes)
        return
    digest = file_hash(source, data)
    seen = known(digest) if known is not None else None
    if seen is not None:
        yield seen
        return
    article = _read_page(data, label, source, suffix)
    yield replace(article, file_hash=digest) if isinstance(article, Article) else article


def _read_page(data: bytes, label: str, source: str, suffix: str) -> Article | InputError:
    text = decode_bytes(data, label)
    if isinstance(text, InputError):
        return text
    is_html = suffix in _HTML_SUFFIXES or re.match(r"\s*<(?:!doctype html|html)", text, re.I)
    try:
        article = parse_html(text, source=source) if is_html else parse_text(text, source=source)
    except Exception as exc:  # a parser's bug or a missing component: skip this page only
        return FailedInput.from_exception(label, "reading", exc)
    return _checked(article, label)
