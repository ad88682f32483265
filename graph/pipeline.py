"""The whole build: ingest -> extract -> resolve -> build graph, as one function.

``build(inputs, config)`` returns the graph and a report; it reads files only
through :mod:`graph.ingest` and writes nothing (see :func:`graph.export.write_outputs`).
Per-article work (NER, dates, event mentions) runs in worker processes when
``config.jobs > 1``; everything after it is linear in the number of mentions.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain, islice, repeat
from multiprocessing.pool import Pool
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
from tqdm import tqdm

from graph.extract import pubdate
from graph.assemble import build_graph
from graph.cache import ExtractionCache
from graph.config import BuildConfig
from graph.errors import FailedInput, InputError
from graph.ingest import count_articles, iter_input_files, read_inputs
from graph.kb import default_kb
from graph.extract.nlp import models_loaded
from graph.resolve import resolve_entities, resolve_events
from graph.resolve.stories import article_groups, assign_stories
from graph.resolve.storydates import date_from_stories
from graph.types import Article, EntityMention, EventMention

if TYPE_CHECKING:
    from graph.extract.entities import AnalysedSentence

__all__ = ["BuildConfig", "BuildReport", "Extraction", "assemble", "build", "extract_article"]

log = logging.getLogger("storygraph")
_PROGRESS_FROM = 20  # articles; smaller builds finish before a bar is worth drawing
_ARTICLES_PER_WORKER = 8
_FILE_KEY = "file:"  # cache keys of whole one-article files, beside content hashes
_LANGUAGES_KEY = "build:languages"  # cache key of the last build's article count per language


@dataclass(frozen=True)
class Extraction:
    """What the extract stage found in one article."""

    article: Article
    mentions: tuple[EntityMention, ...]
    events: tuple[EventMention, ...]
    # the sentences of a report that states neither a date nor a year, kept so
    # that the year of its story can date them (graph.storydates)
    pending: tuple[AnalysedSentence, ...] = ()


@dataclass
class BuildReport:
    articles: int = 0
    skipped: list[InputError] = field(default_factory=list)
    events: int = 0
    event_mentions: int = 0
    stories: int = 0
    cached: int = 0
    languages: frozenset[str] = frozenset()


def with_publication_date(article: Article) -> Article:
    """Infer the publication date from the text when the page states none."""
    if article.published is not None:
        return article
    inferred = pubdate.infer_publication_date(article.body, language=article.language or "fr")
    if inferred is None:
        return article
    day, reason = inferred
    return replace(article, published=day, published_how="inferred", published_evidence=reason)


def extract_article(article: Article, config: BuildConfig) -> Extraction:
    """Run the extract stage on one article (entities, dates, events)."""
    from graph.extract.entities import analyse  # spaCy (a second to import): only for real work
    from graph.extract.events import extract_events
    from graph.extract.nlp import load_model_reusing

    kb = default_kb(config.kb_dir)
    language = article.language or config.default_language
    article = with_publication_date(replace(article, language=language))
    nlp = load_model_reusing(language, _pattern_store(config))
    sentences = analyse(article.body, language=language, nlp=nlp, kb=kb)
    mentions = tuple(m for s in sentences for m in s.mentions)
    year = None
    if article.published is None:
        names = (m.text for m in mentions if m.kind == "event-name")
        if (found := pubdate.infer_publication_year(names)) is not None:
            year, reason = found
            article = replace(article, published_evidence=reason)
    events = extract_events(article, sentences, kb=kb, year=year)
    pending = tuple(sentences) if article.published is None and year is None else ()
    return Extraction(article, mentions, tuple(events), pending)


def _pattern_store(config: BuildConfig) -> ExtractionCache | None:
    """The build's cache, where the models' compiled tokenizer patterns are kept."""
    return ExtractionCache(Path(config.cache_dir), config.kb_dir) if config.cache_dir else None


def warm_up(languages: Iterable[str], config: BuildConfig) -> None:
    """Load the models and compile the rules for these languages ahead of need,
    by extracting a one-word text in each (for a process that waits for articles)."""
    for language in sorted(languages):
        extract_article(Article(source="(warm-up)", body="Bonjour.", language=language), config)


def _warm_quietly(languages: Iterable[str], config: BuildConfig) -> None:
    """:func:`warm_up` as a worker's initializer: a failure (a model not
    installed) must not kill the worker, or the pool would start it again and
    again; the article that needs the model then reports the error itself."""
    try:
        warm_up(languages, config)
    except Exception:  # reported when an article needs the model
        log.debug("warming up %s failed", ", ".join(languages), exc_info=True)


@contextmanager
def _early_worker(cache: ExtractionCache | None, config: BuildConfig) -> Iterator[Pool | None]:
    """For a rebuild in a new process: one worker process that loads the model
    of the last build's main language while this one reads the cache.

    Loading a model takes seconds (spaCy's French tokenizer alone spends two
    compiling its exception patterns), longer than reading a thousand cache entries;
    side by side on two cores, the few new articles of a rebuild wait for
    neither. None when there is no spare core, no earlier build to learn the
    language from, or the models are already loaded here (watch mode).
    """
    counts = cache.get(_LANGUAGES_KEY) if cache is not None else None
    if config.jobs <= 1 or models_loaded() or not isinstance(counts, Counter) or not counts:
        yield None
        return
    language = min(counts, key=lambda name: (-counts[name], name))
    with multiprocessing.Pool(1, initializer=_warm_quietly, initargs=([language], config)) as pool:
        yield pool  # leaving the block terminates the worker, warm or not


def safe_extract(article: Article, config: BuildConfig) -> Extraction | InputError:
    """:func:`extract_article`, with a failure reported as a skipped input, never raised.

    The article body is dropped from the result: later stages need only its
    metadata, and keeping thousands of bodies would make memory grow with the input.
    """
    try:
        extraction = extract_article(article, config)
    except Exception as exc:  # one bad article must not stop a build of thousands
        log.debug("extraction of %s failed", article.source, exc_info=True)
        return FailedInput.from_exception(article.source, "extraction", exc)
    return replace(extraction, article=replace(extraction.article, body=""))


def _extract_all(
    articles: Iterable[Article], config: BuildConfig, total: int | None, early: Pool | None
) -> Iterator[Extraction | InputError]:
    progress = tqdm(
        total=total,  # None (stdin): a count and a rate, no bar
        unit="article",
        file=sys.stderr,
        leave=False,
        disable=(total is not None and total < _PROGRESS_FROM) or not sys.stderr.isatty(),
    )
    # Worker processes each load the models (seconds): only worth it for many
    # articles. Count what is really left to extract (cache hits are not) by
    # reading a few ahead before deciding.
    pending = iter(articles)
    first = list(islice(pending, _ARTICLES_PER_WORKER * config.jobs))
    jobs = min(config.jobs, max(1, len(first) // _ARTICLES_PER_WORKER))
    with progress:
        if jobs <= 1:
            extract = partial(safe_extract, config=config)
            work = chain(first, pending)
            for result in early.imap(extract, work) if early and first else map(extract, work):
                yield result
                progress.update()
            return
        if early is not None:  # many new articles: all cores, and no idle model in memory
            early.terminate()
        import graph.extract.events  # noqa: F401 -- with spaCy: imported once here, not per forked worker

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            work = chain(first, pending)
            for result in pool.map(safe_extract, work, repeat(config), chunksize=4):
                yield result
                progress.update()


class _KnownFiles:
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


def _to_extract(
    items: Iterable[Article | InputError],
    known: _KnownFiles | None,
    report: BuildReport,
    done: list[Extraction],
) -> Iterator[Article]:
    """Articles still to extract, streamed: skips are logged, cache hits set aside.

    A generator, so that reading the next files overlaps the extraction of the
    first ones in the worker processes.
    """
    for item in items:
        if isinstance(item, InputError):
            log.warning("%s", item)
            report.skipped.append(item)
            continue
        hit = known.lookup(item) if known is not None else None
        if hit is not None:
            done.append(hit)
            report.cached += 1
        else:
            yield item


def _expected_articles(inputs: Sequence[str | Path]) -> int | None:
    """How many articles a build will probably see (for the progress bar), or
    None for a stream of unknown length."""
    if any(str(i) == "-" for i in inputs):
        return None
    return sum(count_articles(path) for path in iter_input_files(inputs))


def build(
    inputs: Sequence[str | Path],
    config: BuildConfig | None = None,
    *,
    memory: dict[Path, object] | None = None,
) -> tuple[nx.MultiDiGraph, BuildReport]:
    """Build the story graph of the given files and folders.

    Args:
        inputs: files, folders, or ``-`` for JSON lines on standard input.
        config: build settings.
        memory: kept between the builds of one process (watch mode), the cache
            entries already read, so that they are not read from disk again.

    Returns:
        The graph and a report of what was read, skipped and found.
    """
    config = config or BuildConfig()
    report = BuildReport()
    started = time.perf_counter()
    cache = (
        ExtractionCache(Path(config.cache_dir), config.kb_dir, memory) if config.cache_dir else None
    )
    known = _KnownFiles(cache) if cache is not None else None
    extractions: list[Extraction] = []
    todo = _to_extract(read_inputs(inputs, known=known), known, report, extractions)
    with _early_worker(cache, config) as early:
        for result in _extract_all(todo, config, _expected_articles(inputs), early):
            if isinstance(result, InputError):
                log.warning("%s", result)
                report.skipped.append(result)
                continue
            extractions.append(result)
            if known is not None:
                known.store(result)
    if cache is not None and extractions:  # with no article, no output folder either
        cache.put(_LANGUAGES_KEY, _languages(extractions))  # for the next build's early worker
        cache.forget_untouched()
    log.info("extracted %d articles in %.1f s", len(extractions), time.perf_counter() - started)
    started = time.perf_counter()
    with collecting_rarely():
        G = assemble(extractions, config, report)
    log.info("resolved %d events into %d stories in %.1f s",
             report.events, report.stories, time.perf_counter() - started)  # fmt: skip
    return G, report


@contextmanager
def collecting_rarely() -> Iterator[None]:
    """Run the whole-graph stages with CPython's garbage collector mostly idle.

    They hold millions of long-lived objects (mentions, graph attributes) and
    make few reference cycles, but the default collector runs every 700
    allocations and rescans that whole heap again and again: a third of the
    resolve and export time of a rebuild. The extraction keeps the default: it
    makes spaCy's short-lived cyclic garbage, which must go.
    """
    defaults = gc.get_threshold()
    gc.set_threshold(100_000, 50, 1_000)
    try:
        yield
    finally:
        gc.set_threshold(*defaults)


def assemble(
    extractions: Sequence[Extraction], config: BuildConfig, report: BuildReport
) -> nx.MultiDiGraph:
    """Resolve and build the graph from per-article extractions."""
    kb = default_kb(config.kb_dir)
    extractions = sorted(extractions, key=lambda x: x.article.source)
    entities, redirect = resolve_entities(_named(extractions), kb)
    if any(x.pending for x in extractions):
        features = {x.article.source: _features(x, redirect) for x in extractions}
        groups = article_groups(features, config.story_threshold)
        extractions = date_from_stories(extractions, groups, kb)
        entities, redirect = resolve_entities(_named(extractions), kb)  # the new events' actors
    labels = {k: e.label for k, e in entities.items()}
    all_mentions = [e for x in extractions for e in x.events]
    events = resolve_events(all_mentions, redirect, labels)
    features = {x.article.source: _features(x, redirect) for x in extractions}
    stories = assign_stories(features, events, labels, config.story_threshold)
    report.articles = len(extractions)
    report.languages = frozenset(_languages(extractions))
    report.event_mentions = len(all_mentions)
    report.events = len(events)
    report.stories = len(stories)
    return build_graph([x.article for x in extractions], entities, events, stories)


def _languages(extractions: Iterable[Extraction]) -> Counter[str]:
    """How many of the articles are in each language."""
    return Counter(x.article.language for x in extractions if x.article.language)


def _named(extractions: Sequence[Extraction]) -> list[tuple[str, EntityMention]]:
    """(article, mention) of every actor or place named, in text or as an event's actor."""
    # Event names ("Aurore-2031") only tell stories apart: they are no graph node.
    pairs = [(x.article.source, m) for x in extractions for m in x.mentions
             if m.kind != "event-name"]  # fmt: skip
    pairs += [(x.article.source, a) for x in extractions for e in x.events for a in e.actors]
    return pairs


def _features(x: Extraction, redirect: dict[str, str]) -> Counter[str]:
    counts: Counter[str] = Counter(redirect.get(m.key, m.key) for m in x.mentions)
    for event in x.events:
        counts.update(f"topic/{t}" for t in event.topics)
    return counts
