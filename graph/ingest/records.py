"""JSON records: ``.json`` files (one record or a list), JSON lines files and
streams (one record per line), the field variants a record may use, and
:func:`parse_record` (the schema is in the :mod:`graph.ingest` docstring).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from graph.errors import BadRecord, FailedInput, InputError, TooLarge
from graph.ingest.files import decode_bytes, normalise_text
from graph.ingest.furniture import clean_page
from graph.ingest.jsonvalues import _as_text, _load_json
from graph.ingest.pages import _article, _checked, parse_html
from graph.types import Article

_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_FIELDS: dict[str, tuple[str, ...]] = {
    "url": ("url", "link"),
    "title": ("title", "headline", "name"),
    "published": ("published", "date", "published_at", "publishedAt", "date_publish", "pubDate",
                  "datePublished"),
    "text": ("text", "content", "body", "article", "maintext"),
    "language": ("language", "lang"),
    "publisher": ("publisher", "source", "site_name", "outlet"),
    "author": ("author", "authors", "byline"),
}  # fmt: skip


def _read_records(
    data: bytes, label: str, source: str, suffix: str, max_bytes: int
) -> Iterator[Article | InputError]:
    text = decode_bytes(data, label)
    if isinstance(text, InputError):
        yield text
    elif suffix in _JSONL_SUFFIXES:
        yield from _read_lines(text.split("\n"), label, source, max_bytes)
    else:
        yield from _read_json(text, label, source)


def _read_lines(
    lines: Iterable[str | None], label: str, source: str, max_bytes: int
) -> Iterator[Article | InputError]:
    """One article per JSON line; a bad line gives a BadRecord and the rest go on.

    ``None`` stands for a line that was over ``max_bytes``.
    """
    for number, line in enumerate(lines, start=1):
        where = f"{label}#{number}"
        if line is None:
            yield TooLarge(where, f"line {number} is over the {max_bytes}-byte limit; split it")
        elif line.strip():
            record = _load_json(line, where, f"line {number}")
            if isinstance(record, InputError):
                yield record
            else:
                yield _from_record(record, where, f"{source}#{number}")


def _stream_lines(stream: TextIO, max_bytes: int) -> Iterator[str | None]:
    """Lines of a stream, read bounded; None in place of a line over ``max_bytes``."""
    while line := stream.readline(max_bytes + 1):
        too_long = len(line) > max_bytes
        while too_long and line and not line.endswith("\n"):
            line = stream.readline(max_bytes + 1)
        yield None if too_long else normalise_text(line)


def _read_json(text: str, label: str, source: str) -> Iterator[Article | InputError]:
    loaded = _load_json(text, label, "the file")
    if isinstance(loaded, InputError):
        yield loaded
        return
    records = loaded if isinstance(loaded, list) else [loaded]
    for number, record in enumerate(records, start=1):
        suffix = f"#{number}" if isinstance(loaded, list) else ""
        yield _from_record(record, label + suffix, source + suffix)


def _from_record(record: Any, where: str, source: str) -> Article | InputError:
    if not isinstance(record, Mapping):
        kind = type(record).__name__
        return BadRecord(where, f"a JSON {kind}, not an object with article fields (text, title…)")
    try:
        return _checked(parse_record(record, source=source), where)
    except Exception as exc:  # one record's failure must not end the file or the build
        return FailedInput.from_exception(where, "reading", exc)


def parse_record(record: Mapping[str, Any], *, source: str) -> Article:
    """Read one JSON record (schema in the module docstring; field variants accepted).

    Args:
        record: the decoded JSON object.
        source: the name used when the record gives no URL (``"file.jsonl#3"``).

    Returns:
        The article; its body is "" when the record has no text.
    """
    fields = {name: _field(record, keys) for name, keys in _FIELDS.items()}
    # a text given as a list of paragraphs keeps its paragraph breaks
    fields["text"] = _field(record, _FIELDS["text"], joiner="\n\n")
    html = _as_text(record.get("html"))
    if not fields["text"] and html:
        return parse_html(html, source=fields["url"] or source)
    page = clean_page(normalise_text(fields["text"] or ""), headline=fields["title"])
    return _article(
        page,
        source=fields["url"] or source,
        url=fields["url"],
        published=fields["published"],
        publisher=fields["publisher"],
        author=fields["author"],
        language=fields["language"],
    )


def _field(record: Mapping[str, Any], keys: tuple[str, ...], joiner: str = ", ") -> str | None:
    return next(filter(None, (_as_text(record.get(key), joiner) for key in keys)), None)
