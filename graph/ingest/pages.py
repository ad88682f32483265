"""Pages to articles: plain text, and saved HTML read with trafilatura and its metadata.

Also the assembly of an :class:`~graph.types.Article` from a cleaned page and
what metadata states (shared with JSON records): metadata beats what the text
says, which beats the URL.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime
from typing import Any

from graph.errors import EmptyInput, InputError
from graph.ingest.datelines import date_from_file_name, date_from_url, parse_date
from graph.ingest.files import normalise_text
from graph.ingest.furniture import Page, clean_page
from graph.ingest.jsonvalues import _as_text, _load_json
from graph.ingest.language import _language_code, detect_language
from graph.types import Article, PublishedHow

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_META_DATE_NAMES = frozenset(
    {"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
     "date", "dc.date.issued", "dc.date", "dcterms.created", "parsely-pub-date"}
)  # fmt: skip


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
    """Assemble the record: metadata beats what the text says, which beats the URL,
    which beats the file's name."""
    when, how, evidence = _publication(page, url, published, None if url else source)
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
        content_hash=content_hash(page.body, headline, source, page.posts),
        posts=page.posts,
    )


def _publication(
    page: Page, url: str | None, stated: str | None, file_name: str | None
) -> tuple[date | None, PublishedHow, str | None]:
    found = metadata_date(stated) if stated else None
    if found:
        return found, "metadata", stated
    if page.published:
        return page.published, "text", page.published_evidence
    in_url = date_from_url(url) if url else None
    if in_url:
        return in_url[0], "url", in_url[1]
    in_name = date_from_file_name(file_name) if file_name else None
    if in_name:
        return in_name[0], "filename", in_name[1]
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


def content_hash(
    body: str, headline: str | None, source: str, posts: tuple[tuple[int, date], ...] = ()
) -> str:
    """SHA-256 (hex) of the cleaned body, headline, source and the days of the posts
    it embeds: a stable article fingerprint."""
    days = [f"{n}:{day.isoformat()}" for n, day in posts]  # none: the hash as before posts
    joined = "\n\x1f".join((body, headline or "", source, *days))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()
