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
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from graph.errors import (
    BadRecord,
    BinaryInput,
    EmptyInput,
    FailedInput,
    InputError,
    TooLarge,
    UnreadableInput,
)
from graph.ingest.furniture import Page, clean_page, date_from_url, parse_date
from graph.types import Article, PublishedHow

MAX_ARTICLE_BYTES = 5_000_000
"""Per-article size limit in bytes (a file, or one JSON line); larger inputs give TooLarge."""

SUPPORTED_LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "en"

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_SIGNATURES = (
    (b"%PDF", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"PK\x03\x04", "ZIP"), (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"), (b"Rar!", "RAR"), (b"\x7fELF", "ELF"),
    (b"SQLite format 3\x00", "SQLite"), (b"\xd0\xcf\x11\xe0", "MS Office"),
)  # fmt: skip
# C0/C1 control characters except \t and \n, the BOM and the replacement character
_CONTROL = dict.fromkeys([*range(0, 9), *range(11, 32), *range(127, 160), 0xFEFF, 0xFFFD])
# the same characters but the BOM, as a regex (counted in C, not a Python loop per character)
_GARBAGE = re.compile("[" + "".join(re.escape(chr(c)) for c in _CONTROL if c != 0xFEFF) + "]")
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
_META_DATE_NAMES = frozenset(
    {"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
     "date", "dc.date.issued", "dc.date", "dcterms.created", "parsely-pub-date"}
)  # fmt: skip


def iter_input_files(inputs: Sequence[str | Path]) -> Iterator[Path]:
    """The files named by ``inputs``: files as given, folders walked recursively.

    Folder contents come sorted by relative path; hidden files and folders are
    skipped; a symbolic link loop is entered once; broken links are yielded so
    that :func:`read_inputs` reports them. ``-`` (stdin) is left out.
    """
    for _root, path in _walk_inputs(inputs):
        yield path


def _walk_inputs(inputs: Sequence[str | Path]) -> Iterator[tuple[Path, Path]]:
    """Pairs (input root, file); the root makes the article's relative source name."""
    for item in inputs:
        if str(item) == "-":
            continue
        path = Path(item)
        if path.is_dir():
            yield from ((path, found) for found in _walk_folder(path))
        else:
            yield path.parent, path


def _walk_folder(folder: Path) -> list[Path]:
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        key = _dir_key(dirpath)
        if key is None or key in seen:
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        found += [Path(dirpath, name) for name in filenames if not name.startswith(".")]
    return sorted(found, key=lambda path: path.relative_to(folder).as_posix())


def _dir_key(dirpath: str) -> tuple[int, int] | None:
    try:
        info = os.stat(dirpath)
    except OSError:
        return None
    return info.st_dev, info.st_ino


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


def file_hash(source: str, data: bytes) -> str:
    """SHA-256 (hex) of a file's source name and raw bytes."""
    return hashlib.sha256(source.encode("utf-8") + b"\x00" + data).hexdigest()


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


def _load_bytes(path: Path, label: str, max_bytes: int) -> bytes | InputError:
    """The file's bytes, checked against the size limit before and while reading."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return UnreadableInput(label, "not a regular file; name article files or folders")
        if info.st_size > max_bytes:
            return _too_large(label, info.st_size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return UnreadableInput(label, "file not found (vanished, or a broken link); check the path")
    except PermissionError:
        return UnreadableInput(label, "permission denied; make the file readable")
    except OSError as exc:
        return UnreadableInput(label, f"cannot read it ({exc.strerror or exc})")
    return _too_large(label, len(data), max_bytes) if len(data) > max_bytes else data


def _too_large(label: str, size: int, max_bytes: int) -> TooLarge:
    return TooLarge(
        label, f"{size} bytes, over the {max_bytes}-byte limit; split it or raise max_bytes"
    )


def decode_bytes(data: bytes, label: str) -> str | InputError:
    """Decode a file's bytes to normalised text, or say why they are not an article.

    UTF-16 with a BOM and UTF-8 (BOM or not) are read as such; other bytes as
    cp1252. NUL bytes (more than 2 %), a known binary signature, or more than
    5 % control or undecodable characters make a :class:`BinaryInput`.
    """
    if not data.strip():
        return EmptyInput(label, "empty or whitespace-only file")
    kind = next((name for magic, name in _SIGNATURES if data.startswith(magic)), None)
    if kind:
        return BinaryInput(label, f"binary file ({kind}), not an article")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16", errors="replace")
    elif _looks_nul_padded(data):
        return BinaryInput(label, "binary file (NUL bytes), not an article")
    else:
        text = _decode_8bit(data)
    garbage = len(_GARBAGE.findall(text))
    if garbage * 20 > len(text):
        return BinaryInput(label, "binary file (mostly undecodable bytes), not an article")
    text = normalise_text(text)
    return (
        text if text.strip() else EmptyInput(label, "no text once control characters are removed")
    )


def _looks_nul_padded(data: bytes) -> bool:
    """More than a few NUL bytes, over 2 %: binary; a stray NUL in a text is only stripped."""
    nuls = data.count(b"\x00")
    return nuls > 3 and nuls * 50 > len(data)


def _decode_8bit(data: bytes) -> str:
    utf8 = data.decode("utf-8-sig", errors="replace")
    broken = utf8.count("\ufffd")
    if broken == 0:
        return utf8
    multibyte = sum(1 for char in utf8 if ord(char) > 127) - broken
    # a few broken sequences in a UTF-8 text are glitches, not another encoding
    return utf8 if multibyte >= 4 * broken else data.decode("cp1252", errors="replace")


def normalise_text(text: str) -> str:
    r"""Unify line endings, apply NFC, drop control characters but ``\n`` and ``\t``.

    >>> normalise_text("a\r\nb\rc\x00d\u2028e")
    'a\nb\ncd\ne'
    """
    text = re.sub(r"\r\n?|[\u2028\u2029\x85]", "\n", text)
    return unicodedata.normalize("NFC", text).translate(_CONTROL)


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


def _load_json(text: str, where: str, what: str) -> Any | InputError:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
        return BadRecord(where, f"{what} is not valid JSON ({detail}); fix or remove it")


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


def _checked(article: Article, label: str) -> Article | InputError:
    if article.body.strip():
        return article
    return EmptyInput(label, "no article text (empty, or only page furniture)")


def parse_text(raw: str, *, source: str) -> Article:
    """Read a plain-text page as saved from a browser.

    Args:
        raw: the page text (already decoded).
        source: the name the article goes by (file path relative to the input root).

    Returns:
        The article; its body is "" when the page holds nothing but furniture.
    """
    page = clean_page(normalise_text(raw))
    return _article(page, source=source)


def parse_html(raw: str, *, source: str) -> Article:
    """Read a saved HTML page with trafilatura; comments and related blocks are left out.

    Publication date from JSON-LD, ``<meta>`` tags or ``<time datetime>`` first,
    then a dateline in the text, then a date in the page's URL. Publisher from
    ``og:site_name``/JSON-LD, else from the text.
    """
    from trafilatura.utils import load_html  # imported on first use: a rebuild may need none

    tree = load_html(raw) if raw.strip() else None
    if tree is None:
        return _article(clean_page(""), source=source)
    meta = _html_metadata(tree)
    fields = _extract(tree)
    title = _as_text(fields.get("title")) or meta.get("title")
    page = clean_page(normalise_text(_as_text(fields.get("text")) or ""), headline=title)
    return _article(
        page,
        source=source,
        url=_as_text(fields.get("url")) or meta.get("url"),
        published=meta.get("published"),
        publisher=_as_text(fields.get("sitename")) or meta.get("publisher"),
        author=_as_text(fields.get("author")),
        language=meta.get("language"),
    )


def _extract(tree: Any) -> dict[str, Any]:
    """Main text and metadata found by trafilatura (its date is not used: it may be a guess)."""
    from trafilatura import bare_extraction

    doc = bare_extraction(tree, with_metadata=True, include_comments=False, include_images=False)
    if doc is None:
        return {}
    return doc if isinstance(doc, dict) else dict(doc.as_dict())


def _html_metadata(tree: Any) -> dict[str, str]:
    """Publication date, language, title, URL and publisher stated in a page's markup."""
    meta: dict[str, str] = {}
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        found = _load_json(str(script), "", "")
        if not isinstance(found, InputError):
            _walk_json_ld(found, meta)
    for element in tree.xpath("//meta[@content]"):
        name = element.get("property") or element.get("name") or element.get("itemprop") or ""
        if name.lower() in _META_DATE_NAMES:
            meta.setdefault("published", element.get("content"))
    for value in tree.xpath("//time/@datetime"):
        meta.setdefault("published", str(value))
    meta.setdefault("language", (tree.get("lang") or "").strip())
    return {key: value for key, value in meta.items() if value}


def _walk_json_ld(node: Any, meta: dict[str, str], depth: int = 0) -> None:
    if depth > 5:
        return
    if isinstance(node, list):
        for item in node:
            _walk_json_ld(item, meta, depth + 1)
    elif isinstance(node, dict):
        for key, field in (("datePublished", "published"), ("headline", "title"), ("url", "url")):
            value = _as_text(node.get(key))
            if value:
                meta.setdefault(field, value)
        publisher = _as_text(node.get("publisher"))
        if publisher:
            meta.setdefault("publisher", publisher)
        _walk_json_ld(node.get("@graph"), meta, depth + 1)


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


def _as_text(value: Any, joiner: str = ", ", depth: int = 0) -> str | None:
    """A record value as text: names of objects, lists joined (nesting beyond 3 ignored)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool) or value is None or depth > 3:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Mapping):
        inner = value.get("name") or value.get("@value") or value.get("text")
        return _as_text(inner, joiner, depth + 1)
    if isinstance(value, list):
        parts = [_as_text(part, joiner, depth + 1) for part in value]
        return joiner.join(part for part in parts if part) or None
    return None


def _article(
    page: Page,
    *,
    source: str,
    url: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    author: str | None = None,
    language: str | None = None,
) -> Article:
    """Assemble the record: metadata beats what the text says, which beats the URL."""
    when, how, evidence = _publication(page, url, published)
    headline = page.headline or None
    return Article(
        source=source,
        body=page.body,
        headline=headline,
        publisher=publisher or page.publisher,
        author=author or page.author,
        url=url,
        published=when,
        published_how=how,
        published_evidence=evidence,
        language=_language_code(language) or detect_language(f"{headline or ''}\n{page.body}"),
        content_hash=content_hash(page.body, headline, source),
    )


def _publication(
    page: Page, url: str | None, stated: str | None
) -> tuple[date | None, PublishedHow, str | None]:
    found = metadata_date(stated) if stated else None
    if found:
        return found, "metadata", stated
    if page.published:
        return page.published, "text", page.published_evidence
    in_url = date_from_url(url) if url else None
    if in_url:
        return in_url[0], "url", in_url[1]
    return None, "unknown", None


def metadata_date(value: str) -> date | None:
    """A date given by page metadata or a record field: ISO 8601, a written date, or Unix time.

    >>> metadata_date("2023-05-09T10:00:00Z")
    datetime.date(2023, 5, 9)
    >>> metadata_date("1679401850")
    datetime.date(2023, 3, 21)
    """
    value = value.strip()
    if re.fullmatch(r"\d{9,10}(?:\.\d+)?", value):
        return datetime.fromtimestamp(float(value), tz=UTC).date()
    if re.fullmatch(r"\d{12,13}", value):  # milliseconds, as JavaScript writes them
        return datetime.fromtimestamp(int(value) / 1000, tz=UTC).date()
    return parse_date(value)


def _language_code(value: str | None) -> str | None:
    code = (value or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in SUPPORTED_LANGUAGES else None


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED_LANGUAGES))
    return identifier


def detect_language(text: str) -> str:
    """The language of ``text`` among :data:`SUPPORTED_LANGUAGES` ("fr", "en").

    py3langid restricted to the supported set, on the first 1,000 characters
    (some 150 words: ample to tell the supported languages apart, at a sixth of
    the cost of a whole article, which the build pays per article).
    Text with no letters, or on which the model has no evidence either way,
    gets :data:`DEFAULT_LANGUAGE` ("en").

    >>> detect_language("Le ministre a déclaré lundi que les deux pays coopéreront.")
    'fr'
    >>> detect_language("1234")
    'en'
    """
    sample = text[:1_000]
    if not re.search(r"[^\W\d_]", sample):
        return DEFAULT_LANGUAGE
    language, confidence = _identifier().classify(sample)
    return str(language) if confidence > 0.5 else DEFAULT_LANGUAGE


def content_hash(body: str, headline: str | None, source: str) -> str:
    """SHA-256 (hex) of the cleaned body, headline and source: a stable article fingerprint."""
    joined = "\n\x1f".join((body, headline or "", source))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()
