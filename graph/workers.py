"""Where the per-article extraction runs: this process, one early worker, a pool,
or a dask.distributed cluster (``--executor dask``).

Requires articles still to extract and the build settings; yields one
:class:`~graph.types.Extraction` or one :class:`~graph.errors.InputError` per
article, in input order. A failure of one article is a skipped input, never an
exception (:func:`safe_extract`).

Also the memory policy of the whole-graph stages (:func:`collecting_rarely`).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import sys
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from functools import partial
from itertools import chain, islice
from multiprocessing.pool import Pool
from pathlib import Path

from tqdm import tqdm

from graph.cache import LANGUAGES_KEY, ExtractionCache
from graph.config import BuildConfig
from graph.errors import ConfigError, FailedInput, InputError
from graph.extract import extract_article
from graph.extract.nlp import models_loaded
from graph.types import Article, Extraction

__all__ = [
    "collecting_rarely",
    "early_worker",
    "extract_all",
    "pattern_store",
    "safe_extract",
    "warm_up",
]

log = logging.getLogger("storygraph")
_PROGRESS_FROM = 20  # articles; smaller builds finish before a bar is worth drawing
_ARTICLES_PER_WORKER = 8
_DASK_BATCH = 64  # articles sent to a dask cluster at once
_CHUNK = 4  # articles sent to a pool worker at once
_CHUNKS_IN_FLIGHT = 16  # per worker: enough that none idles behind a slow chunk at the head


def pattern_store(config: BuildConfig) -> ExtractionCache | None:
    """The build's cache, where the models' compiled tokenizer patterns are kept."""
    return ExtractionCache(Path(config.cache_dir), config.kb_dir) if config.cache_dir else None


def warm_up(languages: Iterable[str], config: BuildConfig) -> None:
    """Load the models and compile the rules for these languages ahead of need,
    by extracting a one-word text in each (for a process that waits for articles)."""
    for language in sorted(languages):
        warm = Article(source="(warm-up)", body="Bonjour.", language=language)
        extract_article(warm, config, patterns=pattern_store(config))


def _warm_quietly(languages: Iterable[str], config: BuildConfig) -> None:
    """:func:`warm_up` as a worker's initializer: a failure (a model not
    installed) must not kill the worker, or the pool would start it again and
    again; the article that needs the model then reports the error itself."""
    try:
        warm_up(languages, config)
    except Exception:  # reported when an article needs the model
        log.debug("warming up %s failed", ", ".join(languages), exc_info=True)


@contextmanager
def early_worker(cache: ExtractionCache | None, config: BuildConfig) -> Iterator[Pool | None]:
    """For a rebuild in a new process: one worker process that loads the model
    of the last build's main language while this one reads the cache.

    Loading a model takes seconds (spaCy's French tokenizer alone spends two
    compiling its exception patterns), longer than reading a thousand cache entries;
    side by side on two cores, the few new articles of a rebuild wait for
    neither. None when there is no spare core, no earlier build to learn the
    language from, or the models are already loaded here (watch mode).
    """
    counts = cache.get(LANGUAGES_KEY) if cache is not None else None
    if (config.jobs <= 1 or config.executor != "local" or models_loaded()
            or not isinstance(counts, Counter) or not counts):  # fmt: skip
        yield None
        return
    language = min(counts, key=lambda name: (-counts[name], name))
    with multiprocessing.Pool(1, initializer=_warm_quietly, initargs=([language], config)) as pool:
        yield pool  # leaving the block terminates the worker, warm or not


def safe_extract(article: Article, config: BuildConfig) -> Extraction | InputError:
    """:func:`graph.extract.extract_article`, with a failure reported as a
    skipped input, never raised.

    The article body is dropped from the result: later stages need only its
    metadata, and keeping thousands of bodies would make memory grow with the input.
    """
    try:
        extraction = extract_article(article, config, patterns=pattern_store(config))
    except Exception as exc:  # one bad article must not stop a build of thousands
        log.debug("extraction of %s failed", article.source, exc_info=True)
        return FailedInput.from_exception(article.source, "extraction", exc)
    return replace(extraction, article=replace(extraction.article, body=""))


def extract_all(
    articles: Iterable[Article], config: BuildConfig, total: int | None, early: Pool | None = None
) -> Iterator[Extraction | InputError]:
    """Extract every article, in order, here or in worker processes.

    Args:
        articles: what is left to extract (cache hits already taken out).
        config: the build settings; ``jobs`` caps the worker processes.
        total: the number of articles expected, for the progress bar (None: unknown).
        early: a worker already loading the model (:func:`early_worker`), if any.
    """
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
        if config.executor == "dask":
            for result in _dask_extract(chain(first, pending), config):
                yield result
                progress.update()
            return
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
            for result in _pool_extract(pool, chain(first, pending), config, jobs):
                yield result
                progress.update()


def _extract_chunk(articles: list[Article], config: BuildConfig) -> list[Extraction | InputError]:
    return [safe_extract(article, config) for article in articles]


def _pool_extract(
    pool: ProcessPoolExecutor, articles: Iterable[Article], config: BuildConfig, jobs: int
) -> Iterator[Extraction | InputError]:
    """:func:`safe_extract` in the pool, in input order, with only a few chunks of
    articles in flight per worker.

    ``Executor.map`` would submit the whole input before yielding the first
    result: every article read, body and all, would wait in this process's
    memory (at 10,000 articles, some 120 MB) while the workers get
    through them.
    """
    in_flight: deque[Future[list[Extraction | InputError]]] = deque()
    pending = iter(articles)
    while chunk := list(islice(pending, _CHUNK)):
        in_flight.append(pool.submit(_extract_chunk, chunk, config))
        if len(in_flight) >= _CHUNKS_IN_FLIGHT * jobs:
            yield from in_flight.popleft().result()
    while in_flight:
        yield from in_flight.popleft().result()


def _dask_extract(
    articles: Iterable[Article], config: BuildConfig
) -> Iterator[Extraction | InputError]:
    """:func:`safe_extract` on dask.distributed workers, in input order.

    A LocalCluster of ``config.jobs`` single-threaded worker processes, or the
    cluster at ``config.scheduler``. Articles go to the workers in batches of
    :data:`_DASK_BATCH` (so memory holds a batch, not the corpus); each worker
    process loads a language model once and keeps it for every article it gets.
    The results are the local pool's, so the outputs are the same bytes.

    Raises:
        ConfigError: dask.distributed is not installed.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(
            "--executor dask needs dask.distributed: pip install 'storygraph[dask]'"
        ) from exc
    # distributed's constructors carry no type hints (its stubs are partial): the
    # ignores are for those three calls only
    with ExitStack() as stack:
        if config.scheduler:
            client = stack.enter_context(Client(config.scheduler))  # type: ignore[no-untyped-call]
        else:
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=max(1, config.jobs),
                threads_per_worker=1,
                processes=True,
                # the scheduler serves HTTP whatever the dashboard: on a free port,
                # not dask's shared 8787, which another build on the machine may hold
                dashboard_address=":0",
            )
            stack.enter_context(cluster)
            client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
        log.info("extracting on the dask cluster at %s", client.scheduler.address)
        pending = iter(articles)
        while batch := list(islice(pending, _DASK_BATCH)):
            futures = client.map(safe_extract, batch, config=config, pure=False)
            yield from client.gather(futures)


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
