"""Benchmark a whole build against bare spaCy, and the HTML page, on one machine.

Usage::

    python benchmarks/run.py [--sizes 100,1000,10000] [--jobs N] [--skip-html]

For each size it generates a deterministic corpus (``random.Random(0)``) of
~600-word ``.txt`` articles in ``benchmarks/work/<size>/`` by recombining real
sentences of ``../shared/corpus/dev/articles/*.txt`` and ``../shared/seeds/*.txt``
(read at run time, never copied into the repository) with invented person
names and shifted dates, then measures, each in a fresh Python process:

1. the baseline: bare spaCy (``graph.extract.nlp.load_model``, the components the
   build uses) over the same texts with ``nlp.pipe(texts, n_process=jobs)``;
2. the real command ``storygraph build <dir> --out <tmp> --jobs N``: wall
   time, articles/s, ratio to the baseline, peak memory;
3. the same build in-process, stage by stage (ingest, extract, assemble =
   resolve + stories + build graph, export).

It then times :func:`graph.export.html.write_html` and headless Chromium on the
pages of synthetic graphs sized like 1,000 and 10,000 articles, and
writes everything as markdown to ``benchmarks/RESULTS.md`` (also printed).

The 10,000-article size takes long (tens of minutes with 2 jobs); run it with
``--sizes 10000`` on its own when needed. See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from random import Random
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYGRAPH_SHARED") or REPO.parent / "shared")  # as in tests/paths.py
SOURCE_DIRS = (SHARED / "corpus" / "dev" / "articles", SHARED / "seeds")
MANIFEST = SHARED / "corpus" / "dev" / "manifest.json"
WORK = REPO / "benchmarks" / "work"
RESULTS = REPO / "benchmarks" / "RESULTS.md"
GENERATOR_VERSION = 1  # bump when the corpus generator changes, to regenerate old corpora
SEED = 0
WORDS = (560, 680)  # words per generated article body
PAGE_ARTICLES = (1_000, 10_000)  # the page is timed on graphs sized like these builds
# what a build makes per 1,000 articles (a 300-article generated corpus built by
# the pipeline: 10.8 events, 0.92 episodes and 0.04 storylines per article; the
# last 1,000-article run: 9,619 events), actors rounded up for real corpora's variety
PER_1000_ARTICLES = {"event": 10_000, "story": 900, "storyline": 40, "article": 1_000,
                     "person": 600, "organization": 150, "country": 60, "place": 250,
                     "topic": 50}  # fmt: skip
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

sys.path.insert(0, str(REPO))


# --------------------------------------------------------------------------- corpus


MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_SENTENCE_END = re.compile(r"(?<=[.!?…»\"])\s+(?=[«\"A-ZÀ-ÖØ-Þ])")
_YEAR = re.compile(r"\b(19[6-9]\d|20[0-3]\d)\b")
_FR_DAY = re.compile(r"\b([1-9]|[12]\d|3[01])(er)? (" + "|".join(MONTHS["fr"]) + r")\b")
_EN_DAY = re.compile(r"\b(" + "|".join(MONTHS["en"]) + r") ([1-9]|[12]\d|3[01])\b")
_SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ra",
    "ve",
    "den",
    "ta",
    "sor",
    "bel",
    "nu",
    "fa",
    "ri",
    "gan",
    "zo",
    "lin",
    "mar",
    "ten",
    "vo",
    "sa",
    "el",
    "dru",
    "qui",
    "pe",
    "ham",
    "jo",
    "ber",
    "ti",
    "nes",
    "cor",
    "ul",
    "va",
    "ston",
    "ga",
    "mel",
    "di",
    "rek",
)
_PERSON_LABELS = {"PER", "PERSON"}


def _language_of(name: str, text: str, manifest: dict[str, str]) -> str:
    if name in manifest:
        return manifest[name]
    words = re.findall(r"\w+", text.lower())
    fr = sum(w in {"le", "la", "les", "des", "et", "est", "du", "une"} for w in words)
    en = sum(w in {"the", "and", "of", "is", "was", "to", "in", "a"} for w in words)
    return "fr" if fr >= en else "en"


def load_sources() -> list[dict[str, Any]]:
    """Read the shared articles as sentence lists, with their language and person names."""
    from graph.extract.nlp import load_model

    manifest = {r["file"]: r["language"] for r in json.loads(MANIFEST.read_text(encoding="utf-8"))}
    sources = []
    for folder in SOURCE_DIRS:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            language = _language_of(path.name, text, manifest)
            sentences = [
                s.strip()
                for para in text.split("\n")
                for s in _SENTENCE_END.split(para)
                # short lines without a final stop are page furniture, not prose
                if 6 <= len(s.split()) <= 70 and s.strip()[-1:] in '.!?»"…'
            ]
            doc = load_model(language)(text)
            persons = sorted(
                {
                    e.text
                    for e in doc.ents
                    if e.label_ in _PERSON_LABELS and e.text[:1].isupper() and "\n" not in e.text
                },
                key=len,
                reverse=True,
            )
            sources.append(
                {
                    "name": path.stem,
                    "language": language,
                    "sentences": sentences,
                    "persons": persons,
                }
            )
    return [s for s in sources if len(s["sentences"]) >= 3]


def invent_name(rng: Random) -> tuple[str, str]:
    """Return an invented (first, last) name from random syllables."""

    def word(lo: int, hi: int) -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(lo, hi))).capitalize()

    return word(2, 2), word(2, 3)


def _recast(
    sentence: str,
    persons: Sequence[str],
    cast: dict[str, tuple[str, str]],
    people: Sequence[tuple[str, str]],
    rng: Random,
) -> str:
    """Replace the source's person names by the article's invented ones (consistently)."""
    for original in persons:
        if original not in sentence:
            continue
        surname = original.split()[-1]
        if surname not in cast:
            cast[surname] = rng.choice(people)
        first, last = cast[surname]
        sentence = sentence.replace(original, f"{first} {last}" if " " in original else last)
    return sentence


def _redate(sentence: str, language: str, shift: int, rng: Random) -> str:
    sentence = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), sentence)
    if language == "fr":
        return _FR_DAY.sub(lambda m: f"{rng.randint(1, 28)} {m.group(3)}", sentence)
    return _EN_DAY.sub(lambda m: f"{m.group(1)} {rng.randint(1, 28)}", sentence)


def generate_article(
    rng: Random, sources: Sequence[dict[str, Any]], people: Sequence[tuple[str, str]]
) -> tuple[str, str]:
    """Return (language, text) of one article: headline, dateline, ~600 words of prose."""
    primary = rng.choice(sources)
    language = primary["language"]
    others = [s for s in sources if s["language"] == language and s is not primary]
    shift = rng.randint(-6, 2)
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
    cast: dict[str, tuple[str, str]] = {}
    target = rng.randint(*WORDS)
    # most of the text follows one real article in order, so it reads as one story
    chosen = [(primary, s) for s in primary["sentences"] if rng.random() < 0.8]
    words = sum(len(s.split()) for _, s in chosen)
    while words < target and others:
        source = rng.choice(others)
        start = rng.randrange(len(source["sentences"]))
        for sentence in source["sentences"][start : start + rng.randint(2, 4)]:
            chosen.append((source, sentence))
            words += len(sentence.split())
    body = [
        _redate(_recast(s, src["persons"], cast, people, rng), language, shift, rng)
        for src, s in chosen
    ]
    headline = " ".join(body[0].split()[: rng.randint(8, 13)]).rstrip(' ,;:«»"')
    month = MONTHS[language][published.month - 1]
    if language == "fr":
        hour, minute = rng.randint(6, 22), rng.randint(0, 59)
        dateline = f"Publié le {published.day} {month} {published.year} à {hour:02d}:{minute:02d}"
    else:
        dateline = f"Published {month} {published.day}, {published.year}"
    paragraphs, i = [], 0
    while i < len(body):
        n = rng.randint(2, 4)
        paragraphs.append(" ".join(body[i : i + n]))
        i += n
    return language, "\n\n".join([headline, dateline, *paragraphs]) + "\n"


def ensure_corpus(size: int) -> Path:
    """Write (once) the deterministic corpus of ``size`` articles and return its folder."""
    folder = WORK / str(size)
    stamp = folder / ".corpus.json"
    expected = {"version": GENERATOR_VERSION, "seed": SEED, "size": size}
    if stamp.exists() and json.loads(stamp.read_text())["params"] == expected:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rng = Random(SEED)
    sources = load_sources()
    people = sorted({invent_name(rng) for _ in range(max(60, size // 4))})
    languages = {}
    for index in range(size):
        language, text = generate_article(rng, sources, people)
        name = f"{index:05d}_{language}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        languages[name] = language
    # hidden, so the build (which rejects non-articles in a folder) never sees it
    stamp.write_text(json.dumps({"params": expected, "languages": languages}, indent=1))
    return folder


def extra_article(size: int, nth: int = 0, language: str | None = None) -> tuple[str, str]:
    """One more article (language, text), drawn like the corpus's but from another
    seed; the ``nth`` such article in ``language`` when one is given."""
    for attempt in itertools.count():
        rng = Random(f"{SEED}-extra-{size}" + (f"-{nth}-{attempt}" if nth or attempt else ""))
        people = sorted({invent_name(rng) for _ in range(60)})
        found, text = generate_article(rng, load_sources(), people)
        if language is None or found == language:
            return found, text
    raise AssertionError("unreachable")


def measure_watch(options: list[str], corpus: Path, language: str, size: int) -> dict[str, Any]:
    """``storygraph watch`` on the built corpus: seconds from one article more
    to its rebuild's summary, once the first build is done and the models warm."""
    watch = [*storygraph_command(), "-v", "watch", *options, "--interval", "0.1", "--builds", "2"]
    proc = subprocess.Popen(watch, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=REPO)  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    summaries: list[float] = []  # when each build's summary line came

    def read_summaries() -> None:
        assert proc.stdout is not None
        summaries.extend(time.perf_counter() for line in proc.stdout if " articles, " in line)

    reader = threading.Thread(target=read_summaries, daemon=True)
    reader.start()
    for line in proc.stderr:  # the first build, then the warm-up, then this line
        if "watching" in line:
            break
    _, text = extra_article(size, nth=1, language=language)
    start = time.perf_counter()
    (corpus / f"zz_watch_{language}.txt").write_text(text, encoding="utf-8")
    proc.stderr.read()
    proc.wait()
    reader.join()
    if proc.returncode not in (0, 2) or len(summaries) < 2:
        raise SystemExit(f"{' '.join(watch)} failed with exit code {proc.returncode}")
    return {"wall_s": summaries[1] - start}


def corpus_texts(folder: Path) -> dict[str, list[str]]:
    """Return the corpus texts grouped by language, in file order."""
    languages = json.loads((folder / ".corpus.json").read_text())["languages"]
    grouped: dict[str, list[str]] = {}
    for name in sorted(languages):
        grouped.setdefault(languages[name], []).append((folder / name).read_text(encoding="utf-8"))
    return grouped


# --------------------------------------------------------------------------- memory


class TreeMemory:
    """Sample the summed RSS of a process and its descendants in a thread (needs psutil).

    RSS of forked workers counts pages shared with the parent once per process,
    so the sum overstates the real footprint somewhat; it is the safe side of a limit.
    """

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.peak = 0
        self._stop = threading.Event()
        try:
            import psutil
        except ImportError:
            self._thread = None
            return
        self._root = psutil.Process(pid)
        self._psutil = psutil
        self._every = every
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self._root, *self._root.children(recursive=True)]
            except self._psutil.Error:
                return
            total = 0
            for proc in procs:
                with contextlib.suppress(self._psutil.Error):
                    total += proc.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(self._every)

    def stop(self) -> float | None:
        """Stop sampling and return the peak in MB (None without psutil)."""
        self._stop.set()
        if self._thread is None:
            return None
        self._thread.join()
        return self.peak / 2**20


def run_child(args: Sequence[str]) -> tuple[dict[str, Any], float, float | None, float]:
    """Run a command; return (its JSON result or {}, wall s, tree peak MB, own maxrss MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    memory = TreeMemory(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    peak = memory.stop()
    # RUSAGE_CHILDREN holds the largest descendant reaped so far (this run or an earlier one)
    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if proc.returncode not in (0, 2):
        sys.stderr.write(err.decode(errors="replace")[-4000:])
        raise SystemExit(f"{' '.join(args)} failed with exit code {proc.returncode}")
    text = out.decode(errors="replace")
    try:
        result = json.loads(text.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        result = {"stdout": text}
    return result, wall, peak, maxrss


# --------------------------------------------------------------------------- measured parts


def child_baseline(folder: Path, jobs: int) -> dict[str, Any]:
    """Bare spaCy over the corpus: model load, then ``nlp.pipe`` with ``n_process=jobs``."""
    from graph.extract.nlp import load_model

    grouped = corpus_texts(folder)
    start = time.perf_counter()
    models = {language: load_model(language) for language in grouped}
    load = time.perf_counter() - start
    start = time.perf_counter()
    tokens = 0
    for language, texts in grouped.items():
        batch = max(1, min(32, math.ceil(len(texts) / jobs)))
        for doc in models[language].pipe(texts, n_process=jobs, batch_size=batch):
            tokens += len(doc)
    pipe = time.perf_counter() - start
    n = sum(map(len, grouped.values()))
    return {
        "articles": n,
        "tokens": tokens,
        "load_s": load,
        "pipe_s": pipe,
        "articles_per_s": n / pipe,
    }


def child_stages(folder: Path, jobs: int, out: Path) -> dict[str, Any]:
    """The build in-process, stage by stage, as :func:`graph.pipeline.build` runs it."""
    from graph import pipeline, workers
    from graph.errors import InputError
    from graph.export import write_outputs
    from graph.ingest import read_inputs

    config = pipeline.BuildConfig(jobs=jobs)
    stages = {}
    start = time.perf_counter()
    articles = [a for a in read_inputs([folder]) if not isinstance(a, InputError)]
    stages["ingest"] = time.perf_counter() - start
    start = time.perf_counter()
    # the exact code path of build(), worker pool included
    results = list(workers.extract_all(articles, config, len(articles)))
    extractions = [r for r in results if not isinstance(r, InputError)]
    extracted = len(extractions)
    del results  # resolve_and_assemble lets the extractions go before the graph is built
    stages["extract"] = time.perf_counter() - start
    start = time.perf_counter()
    G, report = pipeline.resolve_and_assemble(extractions, config)
    stages["assemble"] = time.perf_counter() - start
    start = time.perf_counter()
    write_outputs(G, out)
    stages["export"] = time.perf_counter() - start
    return {
        "articles": extracted,
        "skipped": len(articles) - extracted,
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "events": report.events,
        "stories": report.stories,
        "stages": stages,
    }


def storygraph_command() -> list[str]:
    exe = Path(sys.executable).parent / "storygraph"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "graph.cli"]


def bench_size(size: int, jobs: int, stages: bool) -> dict[str, Any]:
    """Measure baseline, CLI build and (optionally) per-stage build for one corpus size."""
    start = time.perf_counter()
    folder = ensure_corpus(size)
    row: dict[str, Any] = {"size": size, "generate_s": time.perf_counter() - start}
    me = [sys.executable, str(Path(__file__).resolve())]
    print(f"[{size}] baseline (bare spaCy, {jobs} processes)…", file=sys.stderr)
    base, _, base_peak, _ = run_child([*me, "--child", "baseline", str(folder), str(jobs)])
    row["baseline"] = base | {"peak_mb": base_peak}
    with tempfile.TemporaryDirectory(prefix="storygraph-bench-") as tmp:
        print(f"[{size}] storygraph build --jobs {jobs}…", file=sys.stderr)
        corpus = Path(tmp) / "corpus"  # a copy, so that one article can be added
        shutil.copytree(folder, corpus, ignore=shutil.ignore_patterns(".*"))
        command = [*storygraph_command(), "build", str(corpus), "--out", f"{tmp}/cli",
                   "--jobs", str(jobs)]  # fmt: skip
        out, wall, peak, maxrss = run_child(command)
        row["build"] = {
            "wall_s": wall,
            "articles_per_s": size / wall,
            "peak_mb": peak,
            "maxrss_mb": maxrss,
            "summary": out.get("stdout", "").splitlines()[:1],
        }
        print(f"[{size}] the same build with --executor dask…", file=sys.stderr)
        _, dask_wall, dask_peak, _ = run_child(
            [*command[:-4], "--out", f"{tmp}/dask", "--jobs", str(jobs),
             "--executor", "dask", "--no-cache"]
        )  # fmt: skip
        same = (Path(tmp) / "dask" / "graph.nq").read_bytes() == (
            Path(tmp) / "cli" / "graph.nq"
        ).read_bytes()
        row["dask"] = {"wall_s": dask_wall, "articles_per_s": size / dask_wall,
                       "peak_mb": dask_peak, "same_bytes": same}  # fmt: skip
        print(f"[{size}] the same build again with one article more…", file=sys.stderr)
        language, text = extra_article(size)
        (corpus / f"zz_extra_{language}.txt").write_text(text, encoding="utf-8")
        again, again_wall, _, _ = run_child(command)
        row["incremental"] = {
            "wall_s": again_wall,
            "share": again_wall / wall,
            "summary": again.get("stdout", "").splitlines()[:1],
        }
        print(f"[{size}] watch mode, one article more again…", file=sys.stderr)
        options = command[command.index("build") + 1 :]
        warm = measure_watch(options, corpus, language, size)
        row["watch"] = warm | {"share": warm["wall_s"] / wall}
        if stages:
            print(f"[{size}] in-process build by stage…", file=sys.stderr)
            result, wall, peak, _ = run_child(
                [*me, "--child", "stages", str(folder), str(jobs), f"{tmp}/stages"]
            )
            row["stages"] = result | {"wall_s": wall, "peak_mb": peak}
    row["total_s"] = time.perf_counter() - start
    return row


def synthetic_graph(articles: int, seed: int = SEED) -> Any:
    """Return a story graph sized like a build of ``articles`` articles.

    Per 1,000 articles (:data:`PER_1000_ARTICLES`): 10,000 events in 900
    episodes (each within 30 days) of 40 storylines over five and a half years,
    600 persons, 150 organisations, 60 countries, 250 places, 50 topics and
    1,000 articles, i.e. 13,050 nodes; storyline -SUB_EVENT-> episode
    -SUB_EVENT-> event, ``STORY_OF`` the episode, as the pipeline makes them.
    """
    import networkx as nx

    from graph import schema as M

    rng = Random(seed)
    counts = {kind: max(1, round(n * articles / 1000)) for kind, n in PER_1000_ARTICLES.items()}
    G = nx.MultiDiGraph()
    pools: dict[str, list[str]] = {}
    for kind in (M.PERSON, M.ORGANIZATION, M.COUNTRY, M.PLACE_KIND, M.TOPIC, M.ARTICLE):
        pools[kind] = []
        for i in range(counts[kind]):
            first, last = invent_name(rng)
            node = f"{kind}/{first.lower()}-{last.lower()}-{i}"
            attrs: dict[str, Any] = {M.KIND: kind, M.LABEL: f"{first} {last}"}
            if kind in (*M.ACTOR_KINDS, M.PLACE_KIND):
                attrs |= {M.ALIASES: (f"{first} {last}", last), M.WIKIDATA: ""}
            elif kind == M.ARTICLE:
                day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2000))
                attrs |= {
                    M.HEADLINE: f"{first} {last} meets {last} in {first}",
                    M.PUBLISHER: "Synthetic Daily",
                    M.AUTHOR: "",
                    M.PUBLISHED: day.isoformat(),
                    M.PUBLISHED_HOW: "metadata",
                    M.PUBLISHED_EVIDENCE: "",
                    M.SOURCE: node,
                    M.URL: f"https://example.org/{i}",
                    M.LANGUAGE: "en",
                }
            elif kind == M.TOPIC:
                attrs[M.CONCEPT] = f"https://storygraph.example.org/topic/{i}"
            G.add_node(node, **attrs)
            pools[kind].append(node)
    storylines = [f"storyline/s{i:04d}" for i in range(counts[M.STORYLINE])]
    for i, line in enumerate(storylines):
        G.add_node(line, **{M.KIND: M.STORYLINE, M.LABEL: f"Storyline {i}"})
    episodes: list[tuple[str, dt.date]] = []
    for i in range(counts[M.STORY]):
        line = storylines[i % len(storylines)]
        node = f"story/e{i:05d}"
        first, last = invent_name(rng)
        G.add_node(node, **{M.KIND: M.STORY, M.LABEL: f"{first} {last} visits {last}"})
        G.add_edge(line, node, key=f"{M.SUB_EVENT}:{node}", **{M.REL: M.SUB_EVENT})
        episodes.append((node, dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2000))))
    by_line: dict[str, list[tuple[str, str]]] = {line: [] for line in storylines}
    for i in range(counts[M.EVENT]):
        story, start = rng.choice(episodes)
        line = next(s for s, _ in G.in_edges(story))
        begin = start + dt.timedelta(days=rng.randrange(30))
        node = f"event/{begin.isoformat()}-meeting-{i:06x}"
        sentence = f"On {begin:%B %d, %Y} the minister met his counterpart (event {i})."
        G.add_node(
            node,
            **{
                M.KIND: M.EVENT,
                M.LABEL: f"Meeting {i} of {story.split('/')[1]}",
                M.EVENT_TYPE: "meeting",
                M.BEGIN: begin.isoformat(),
                M.END: begin.isoformat(),
                M.GRANULARITY: "day",
                M.DATE_TEXT: f"{begin:%d %B %Y}",
                M.EVIDENCE: (sentence,),
                M.DATE_AUDIT: (f"{begin:%B %d, %Y} | published {begin.isoformat()} | absolute",),
                M.MERGE_REASON: "",
                M.STORY_OF: story,
            },
        )
        G.add_edge(story, node, key=f"{M.SUB_EVENT}:{node}", **{M.REL: M.SUB_EVENT})
        actors = [
            *rng.sample(pools[M.PERSON], 2),
            rng.choice(pools[M.COUNTRY]),
            rng.choice(pools[M.ORGANIZATION]),
        ]
        for actor in actors:
            G.add_edge(node, actor, key=f"{M.ACTOR}:{actor}", **{M.REL: M.ACTOR})
        place = rng.choice(pools[M.PLACE_KIND])
        G.add_edge(node, place, key=f"{M.PLACE}:{place}", **{M.REL: M.PLACE})
        topic = rng.choice(pools[M.TOPIC])
        G.add_edge(node, topic, key=f"{M.SUBJECT}:{topic}", **{M.REL: M.SUBJECT})
        article = rng.choice(pools[M.ARTICLE])
        G.add_edge(
            node,
            article,
            key=f"{M.DERIVED_FROM}:{article}",
            **{M.REL: M.DERIVED_FROM, M.EVIDENCE: (sentence,)},
        )
        G.add_edge(story, article, key=f"{M.HAS_ARTICLE}:{article}", **{M.REL: M.HAS_ARTICLE})
        by_line[line].append((begin.isoformat(), node))
    for events in by_line.values():
        ordered = [e for _, e in sorted(events)]
        for earlier, later in itertools.pairwise(ordered):
            G.add_edge(earlier, later, key=f"{M.NEXT}:{later}", **{M.REL: M.NEXT})
    return G


# Patches vis.Network.prototype.emit the moment the app first reads `vis`, so the
# first 'afterDrawing' is caught even when it fires inside the Network constructor.
_DRAW_HOOK = """
(() => {
  let real;
  const hook = (v) => {
    if (!v || !v.Network || v.Network.__sgHooked) return;
    const emit = v.Network.prototype.emit;
    v.Network.prototype.emit = function (name, ...rest) {
      if ((name === "afterDrawing" || name === "stabilized") && window.__sgDrawnAt === undefined) {
        window.__sgDrawnAt = performance.now();
      }
      return emit.call(this, name, ...rest);
    };
    v.Network.__sgHooked = true;
  };
  Object.defineProperty(window, "vis", {
    configurable: true,
    get() { hook(real); return real; },
    set(v) { real = v; },
  });
})();
"""


def bench_html(runs: int = 3, sizes: Sequence[int] = PAGE_ARTICLES) -> dict[str, Any]:
    """Time write_html and Chromium on pages of graphs sized like ``sizes`` articles.

    Returns ``{"pages": [row per size]}``: nodes, edges, write seconds, page MB
    and what :func:`time_page` measures (one browser run above 1,000 articles:
    a 10,000-article page takes a minute or more to load).
    """
    from graph.export.html import write_html

    pages = []
    with tempfile.TemporaryDirectory(prefix="storygraph-html-") as tmp:
        for articles in sizes:
            G = synthetic_graph(articles)
            path = Path(tmp) / f"page-{articles}.html"
            row: dict[str, Any] = {
                "articles": articles,
                "nodes": G.number_of_nodes(),
                "edges": G.number_of_edges(),
                "events": sum(1 for _, k in G.nodes(data="kind") if k == "event"),
            }
            start = time.perf_counter()
            write_html(G, path)
            row["write_s"] = time.perf_counter() - start
            row["mb"] = path.stat().st_size / 2**20
            del G
            try:
                row |= time_page(path, runs if articles <= 1_000 else 1)
            except Exception as exc:  # a browser problem must not lose the build figures
                row["page_error"] = f"{type(exc).__name__}: {exc}"
            print(f"[page {articles}] {row}", file=sys.stderr)
            pages.append(row)
    return {"pages": pages}


def time_page(path: Path, runs: int) -> dict[str, Any]:
    """Median figures of headless Chromium (1600x900) on the page at ``path``:
    load to first draw, a brush update as opened (zoomed out: episode marks),
    the zoom into the events level, and a brush update there."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"page_error": "playwright is not installed"}
    if not Path(CHROMIUM).exists():
        return {"page_error": f"{CHROMIUM} not found"}
    figures: dict[str, list[Any]] = defaultdict(list)
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1600, "height": 900})
                page = context.new_page()
                page.set_default_timeout(600_000)
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                page.add_init_script(_DRAW_HOOK)
                start = time.perf_counter()
                page.goto(path.as_uri(), wait_until="commit")
                # polled from Python: wait_for_function evaluates a string, which the
                # page's Content-Security-Policy (no 'unsafe-eval') forbids
                ready = "window.storygraph !== undefined && window.__sgDrawnAt !== undefined"
                deadline = start + 600
                while not page.evaluate(ready):
                    if time.perf_counter() > deadline:
                        raise TimeoutError(f"{path} not drawn within 600 s; errors: {errors}")
                    time.sleep(0.005)
                figures["wall_s"].append(time.perf_counter() - start)
                figures["drawn_s"].append(page.evaluate("window.__sgDrawnAt") / 1000)
                for name, value in page.evaluate(_LEVELS).items():
                    figures[name].append(value)
                context.close()
        finally:
            browser.close()
    result: dict[str, Any] = {"page_errors": sorted(set(errors))}
    for name, values in figures.items():
        numbers = [v for v in values if isinstance(v, int | float)]
        result[name] = statistics.median(numbers) if numbers else values[0]
    return result


# A brush update as the time bar makes it: a window over the middle third of
# the events' dates set, the network redrawn, the window cleared; the median
# of five, in milliseconds. First at the level the page opens on, then at the
# events level (zoomed in to 1.2 times the level threshold, where the most
# events are drawn); the zoom across the threshold is timed with its redraw.
_LEVELS = """() => {
  const sg = window.storygraph, net = sg.network;
  const level = () => (sg.level ? sg.level() : "events");
  const days = sg.data.nodes.filter(n => n.begin).map(n => n.begin).sort();
  const from = days[Math.floor(days.length / 3)], to = days[Math.floor(2 * days.length / 3)];
  const brush = () => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      sg.setTimeWindow(from, to);
      net.redraw();
      times.push(performance.now() - t0);
      sg.setTimeWindow(null, null);
    }
    times.sort((a, b) => a - b);
    return times[2];
  };
  const r = {opened_level: level(), opened_scale: net.getScale(),
             opened_drawn: net.body.nodeIndices.length};
  r.brush_opened_ms = brush();
  const threshold = (sg.data.levels || {scale: 0.15}).scale;
  const t0 = performance.now();
  net.moveTo({scale: threshold * 1.2});
  r.zoom_level = level();
  net.redraw();
  r.zoom_in_ms = performance.now() - t0;
  r.zoomed_drawn = net.body.nodeIndices.length;
  r.brush_zoomed_ms = brush();
  return r;
}"""


# --------------------------------------------------------------------------- report


def _f(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def render(rows: list[dict[str, Any]], html: dict[str, Any] | None, jobs: int) -> str:
    lines = [
        "# storygraph benchmark results",
        "",
        f"- date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- machine: {os.cpu_count()} cores (os.cpu_count()), {platform.machine()}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}",
        f"- command: `python benchmarks/run.py --sizes {','.join(str(r['size']) for r in rows)} "
        f"--jobs {jobs}`{'' if html else ' --skip-html'}",
        f"- jobs: {jobs} worker processes for both the baseline and the build",
        "",
    ]
    if rows:
        lines += [
            "## Build vs bare spaCy",
            "",
            "| articles | baseline art/s | build art/s | ratio (goal ≥ 0.8) | build wall s "
            "| peak MB tree (goal < 2048) | peak MB largest proc | ingest s | extract s "
            "| assemble s | export s | staged total s |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in rows:
            b, base = r["build"], r["baseline"]
            st = r.get("stages", {}).get("stages", {})
            lines.append(
                f"| {r['size']:,} | {_f(base['articles_per_s'])} | {_f(b['articles_per_s'])} "
                f"| {b['articles_per_s'] / base['articles_per_s']:.2f} | {_f(b['wall_s'])} "
                f"| {_f(b['peak_mb'], 0)} | {_f(b['maxrss_mb'], 0)} "
                + "".join(
                    f"| {_f(st.get(k), 2)} " for k in ("ingest", "extract", "assemble", "export")
                )
                + f"| {_f(sum(st.values()) if st else None, 1)} |"
            )
        lines += [""]
        for r in rows:
            base, s = r["baseline"], r.get("stages", {})
            lines.append(
                f"- {r['size']:,} articles: baseline model load {base['load_s']:.1f} s "
                "(not counted), "
                f"spaCy pipe {base['pipe_s']:.1f} s for {base['tokens']:,} tokens; "
                + (
                    f"graph {s['nodes']:,} nodes / {s['edges']:,} edges, {s['events']:,} events, "
                    f"{s['stories']:,} stories, {s['skipped']} skipped; "
                    if s
                    else ""
                )
                + f"CLI: {' '.join(r['build']['summary'])}"
            )
        dask_rows = [r for r in rows if r.get("dask")]
        if dask_rows:
            lines += [
                "",
                "`--executor dask` (a LocalCluster of the same number of single-threaded "
                "worker processes, no cache) vs the local pool, same run:",
                "",
                "| articles | local s | dask s | dask / local | same graph.nq bytes |",
                "|---:|---:|---:|---:|---|",
            ]
            for r in dask_rows:
                d = r["dask"]
                ratio = d["wall_s"] / r["build"]["wall_s"]
                lines.append(f"| {r['size']:,} | {_f(r['build']['wall_s'])} | {_f(d['wall_s'])} "
                             f"| {ratio:.2f} | {d['same_bytes']} |")  # fmt: skip
        lines += [
            "",
            "Incremental build (goal < 10 % of the full build): the same command again on "
            "the same output folder, with one new article added to the corpus.",
            "",
            "| articles | full build s | rebuild with 1 more s | share |",
            "|---:|---:|---:|---:|",
        ]
        for r in rows:
            inc = r.get("incremental")
            if inc:
                lines.append(f"| {r['size']:,} + 1 | {_f(r['build']['wall_s'])} "
                             f"| {_f(inc['wall_s'])} | {inc['share']:.1%} |")  # fmt: skip
        lines += [
            "",
            "The same with `storygraph watch` (models loaded once, kept warm between builds):",
            "one more article added to the watched corpus, seconds until its rebuild is written.",
            "",
            "| articles | full build s | watch rebuild with 1 more s | share |",
            "|---:|---:|---:|---:|",
        ]
        for r in rows:
            if warm := r.get("watch"):
                lines.append(f"| {r['size']:,} + 1 | {_f(r['build']['wall_s'])} "
                             f"| {_f(warm['wall_s'])} | {warm['share']:.1%} |")  # fmt: skip
        sizes = {r["size"]: r["build"]["wall_s"] for r in rows}
        if 1000 in sizes and 10_000 in sizes:
            ratio = sizes[10_000] / sizes[1000]
            lines += [
                "",
                f"Linearity: build wall 10,000 / 1,000 articles = {ratio:.1f}× "
                f"(goal ≤ 11×) — {'met' if ratio <= 11 else 'NOT met'}.",
            ]
        else:
            lines += [
                "",
                "Linearity (10,000 / 1,000 time, goal ≤ 11×): not measured in this run "
                "(needs both sizes; `--sizes 1000,10000`).",
            ]
        lines.append("")
    if html:
        lines += [
            "## HTML page",
            "",
            "Graphs sized like a build of N articles (`synthetic_graph`): per 1,000 articles "
            "10,000 events in 900 episodes of 40 storylines, 810 actors (600 persons, 150 "
            "organisations, 60 countries), 250 places, 50 topics and 1,000 articles: "
            "13,050 nodes. Chromium 1600x900, headless; the page opens zoomed "
            "out (episode marks); brush = setTimeWindow over the middle third of the dates "
            "+ redraw, median of 5; zoomed in = 1.2 x the level threshold (every event "
            "drawn, the most the events level draws).",
            "",
            "| articles | nodes / edges | events | write_html s | page MB | first draw s "
            "(goal < 2 at 1,000) | brush zoomed out ms | first zoom in ms | brush zoomed "
            "in ms (goal < 100) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for row in html.get("pages", []):
            lines.append(
                f"| {row['articles']:,} | {row['nodes']:,} / {row['edges']:,} | "
                f"{row['events']:,} | {row['write_s']:.2f} | {row['mb']:.1f} | "
                f"{_f(row.get('drawn_s'), 2)} | {_f(row.get('brush_opened_ms'), 0)} | "
                f"{_f(row.get('zoom_in_ms'), 0)} | {_f(row.get('brush_zoomed_ms'), 0)} |"
            )
            if "page_error" in row:
                lines.append(f"| {row['articles']:,} | Chromium: {row['page_error']} |")
        for row in html.get("pages", []):
            if row.get("page_errors"):
                lines += ["", f"Page errors: {'; '.join(row['page_errors'])}"]
        lines.append("")
    if (REPO / "benchmarks" / "bench_query.py").exists():
        lines += [
            "## Query benchmark",
            "",
            "Not run here (it builds a graph of ≥ 1,000,000 triples). Run it with "
            "`python benchmarks/bench_query.py [--triples 1000000] [--append FILE]`.",
            "",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="100,1000,10000",
        help="comma-separated corpus sizes (default 100,1000,10000; 10000 takes long)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes for the baseline and the build (default: all cores)",
    )
    parser.add_argument("--skip-html", action="store_true", help="leave out the HTML figures")
    parser.add_argument(
        "--skip-stages",
        action="store_true",
        help="leave out the in-process per-stage build (halves the time)",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        what, folder, jobs, *rest = args.child
        children: dict[str, Callable[..., dict[str, Any]]] = {
            "baseline": child_baseline,
            "stages": child_stages,
        }
        print(json.dumps(children[what](Path(folder), int(jobs), *map(Path, rest))))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = []
    for size in sizes:
        rows.append(bench_size(size, args.jobs, not args.skip_stages))
        WORK.mkdir(parents=True, exist_ok=True)
        (WORK / "last-run.json").write_text(json.dumps({"rows": rows}, indent=1))
        print(f"[{size}] done in {rows[-1]['total_s']:.0f} s", file=sys.stderr)
    html = None
    if not args.skip_html:
        print("HTML benchmarks…", file=sys.stderr)
        html = bench_html()
    text = render(rows, html, args.jobs)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "last-run.json").write_text(json.dumps({"rows": rows, "html": html}, indent=1))
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
