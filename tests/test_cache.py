"""The per-article cache: a rebuild reuses extractions and gives the same graph."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph import extract, pipeline, workers
from graph.cache import LANGUAGES_KEY, ExtractionCache
from graph.export.rdf import to_rdf
from graph.pipeline import BuildConfig, build
from graph.types import Article

ROOT = Path(__file__).resolve().parent.parent


def test_rebuild_reuses_cached_extractions_and_gives_identical_rdf(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inputs)
    config = BuildConfig(cache_dir=str(tmp_path / "cache"))
    first, report1 = build([inputs], config)
    second, report2 = build([inputs], config)
    assert (report1.cached, report2.cached) == (0, 2)
    assert to_rdf(first).serialize(format="nt") == to_rdf(second).serialize(format="nt")


def test_a_changed_article_is_extracted_again(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inputs)
    config = BuildConfig(cache_dir=str(tmp_path / "cache"))
    build([inputs], config)
    changed = next(inputs.iterdir())
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8"
    )
    _, report = build([inputs], config)
    assert report.cached == 1


def test_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path)
    cache.put("abc", {"x": 1})
    next(tmp_path.rglob("*.pickle")).write_bytes(b"not a pickle")
    assert cache.get("abc") is None
    assert cache.misses == 1


def test_rebuild_does_not_parse_unchanged_files_again(tmp_path: Path, monkeypatch) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inputs)
    config = BuildConfig(cache_dir=str(tmp_path / "cache"))
    first, _ = build([inputs], config)

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged file was parsed again")

    monkeypatch.setattr("graph.ingest.parse_text", no_parsing)
    second, report = build([inputs], config)
    assert report.cached == 2
    assert to_rdf(first).serialize(format="nt") == to_rdf(second).serialize(format="nt")


def test_lost_file_entries_fall_back_to_parsing(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inputs)
    cache_dir = tmp_path / "cache"
    config = BuildConfig(cache_dir=str(cache_dir))
    first, _ = build([inputs], config)
    for entry in cache_dir.rglob("*.pickle"):
        entry.write_bytes(b"damaged")  # every entry: file-level and per-article
    second, report = build([inputs], config)
    assert report.cached == 0
    assert to_rdf(first).serialize(format="nt") == to_rdf(second).serialize(format="nt")


def test_a_process_memory_spares_the_disk_and_gives_the_same_graph(
    tmp_path: Path, monkeypatch
) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inputs)
    config = BuildConfig(cache_dir=str(tmp_path / "cache"))
    memory: dict[Path, object] = {}
    first, _ = build([inputs], config, memory=memory)
    assert memory  # what the first build wrote is remembered

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("a remembered entry was read from disk")

    monkeypatch.setattr("graph.cache.pickle.load", no_reading)
    second, report = build([inputs], config, memory=memory)
    assert report.cached == 2
    assert to_rdf(first).serialize(format="nt") == to_rdf(second).serialize(format="nt")
    remembered = len(memory)
    next(inputs.iterdir()).unlink()  # a removed article is forgotten by the next build
    build([inputs], config, memory=memory)
    assert len(memory) == remembered - 2  # its extraction and its file's pointer


def test_a_rebuild_extracts_new_articles_in_a_worker_warmed_beforehand(
    tmp_path: Path, monkeypatch
) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inputs)
    later = sorted(inputs.iterdir())[-1]
    text = later.read_bytes()
    later.unlink()
    config = BuildConfig(cache_dir=str(tmp_path / "cache"), jobs=2)
    build([inputs], config)  # the first build records its articles' languages
    later.write_bytes(text)
    warmed: list[bool] = []
    real = workers.early_worker

    @contextmanager
    def spy(*args: object):
        with real(*args) as pool:
            warmed.append(pool is not None)
            yield pool

    monkeypatch.setattr(workers, "models_loaded", lambda: False)  # as in a new process
    monkeypatch.setattr(pipeline, "early_worker", spy)
    rebuilt, report = build([inputs], config)
    assert warmed == [True] and report.cached == 1
    fresh, _ = build([inputs], BuildConfig())
    assert to_rdf(rebuilt).serialize(format="nt") == to_rdf(fresh).serialize(format="nt")


def test_no_worker_is_warmed_without_a_spare_core_or_an_earlier_build(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    with workers.early_worker(cache, BuildConfig(jobs=2)) as pool:
        assert pool is None  # no earlier build: its language is unknown
    cache.put(LANGUAGES_KEY, Counter({"fr": 2}))
    with workers.early_worker(cache, BuildConfig(jobs=1)) as pool:
        assert pool is None


def _source_of(article: Article, config: BuildConfig) -> str:
    """Stands for an article's extraction in the worker processes (picklable)."""
    return article.source


def test_many_new_articles_end_the_early_worker_and_use_every_core(monkeypatch) -> None:
    class Early:
        terminated = False

        def terminate(self) -> None:
            self.terminated = True

    monkeypatch.setattr(workers, "safe_extract", _source_of)
    articles = [Article(source=f"{n:02}.txt", body="Bonjour.") for n in range(20)]
    early = Early()
    done = list(workers.extract_all(articles, BuildConfig(jobs=2), None, early))  # type: ignore[arg-type]
    assert early.terminated and sorted(done) == [a.source for a in articles]


def test_the_pool_reads_the_input_only_a_few_chunks_ahead_of_its_workers(monkeypatch) -> None:
    # a whole corpus read ahead would wait, bodies and all, in the main process
    monkeypatch.setattr(workers, "safe_extract", _source_of)
    pulled: list[int] = []

    def reading(n: int) -> Iterator[Article]:
        for i in range(n):
            pulled.append(i)
            yield Article(source=f"{i:03}.txt", body="Bonjour.")

    results = workers.extract_all(reading(1000), BuildConfig(jobs=2), None)
    first = next(results)
    read_before_the_first_result = len(pulled)
    done = [first, *results]
    assert done == [f"{i:03}.txt" for i in range(1000)]  # every one, in input order
    assert read_before_the_first_result <= 200


def test_an_article_failing_in_a_worker_process_is_skipped_and_the_others_built(
    tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(20):
        text = f"Le ministre Paulin Marchetti s'est rendu à Brest le {n + 1} mars 2031.\n"
        (folder / f"{n:02}.txt").write_text(text, encoding="utf-8")
    real = extract.with_publication_date

    def failing_for_one(article: Article, sentences=None) -> Article:
        if article.source.endswith("07.txt"):
            raise RuntimeError("a rule broke")
        return real(article, sentences)

    # patched before the pool forks, so the workers run it too
    monkeypatch.setattr(extract, "with_publication_date", failing_for_one)
    _, report = build([folder], BuildConfig(jobs=2))
    assert report.articles == 19
    assert [e.path.endswith("07.txt") for e in report.skipped] == [True]
    assert "extraction failed (RuntimeError: a rule broke)" in str(report.skipped[0])


def test_the_fingerprint_covers_exactly_the_code_extraction_runs() -> None:
    from graph.cache import extraction_sources

    sources = {p.relative_to(ROOT).as_posix() for p in extraction_sources()}
    # modules in subpackages of the stages that read and extract an article count…
    assert {"graph/ingest/furniture.py", "graph/extract/events.py", "graph/kb.py",
            "graph/types.py", "graph/event_types.py"} <= sources  # fmt: skip
    assert any(s.startswith("graph/extract/dates/") and s != "graph/extract/dates/__init__.py"
               for s in sources)  # fmt: skip
    # …the page, the exporters, resolve, queries and the command line do not
    assert not {s for s in sources if s.startswith(("graph/export/", "graph/query/",
                                                     "graph/resolve/", "graph/cli/"))}  # fmt: skip
    assert "graph/pipeline.py" not in sources


def test_the_fingerprint_changes_with_a_source_it_covers_only(tmp_path: Path, monkeypatch) -> None:
    from graph import cache

    covered, other = tmp_path / "covered.py", tmp_path / "other.py"
    covered.write_text("A = 1\n")
    other.write_text("B = 1\n")
    monkeypatch.setattr(cache, "extraction_sources", lambda: [covered])
    cache.fingerprint.cache_clear()
    before = cache.fingerprint(None)
    cache.fingerprint.cache_clear()
    other.write_text("B = 2\n")
    assert cache.fingerprint(None) == before
    cache.fingerprint.cache_clear()
    covered.write_text("A = 2\n")
    assert cache.fingerprint(None) != before
    cache.fingerprint.cache_clear()


def test_a_one_off_build_lets_the_language_model_go_and_a_watching_one_keeps_it(
    tmp_path: Path,
) -> None:
    # 50 MB held through the whole-graph stages for nothing, unless a next build reads more
    from graph.ingest.language import _identifier

    build([ROOT / "seeds"], BuildConfig(), memory={})
    assert _identifier.cache_info().currsize == 1
    build([ROOT / "seeds"], BuildConfig())
    assert _identifier.cache_info().currsize == 0
