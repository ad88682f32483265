"""The page of a 200-article generated corpus, in headless Chromium with the
network blocked: the overview's parts exist and work at more than toy size.

The corpus is the benchmarks' generator (real sentences of the shared corpus
recombined with invented names and shifted dates), built by the real pipeline.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from random import Random
from typing import Any

import pytest

from graph.export.html import write_html
from graph.pipeline import BuildConfig, build
from tests.paths import ROOT

ARTICLES = 200
pytestmark = pytest.mark.usefixtures("shared_data")


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    run = _generator()
    folder = tmp_path_factory.mktemp("corpus")
    rng = Random(run.SEED)
    sources = run.load_sources()
    people = sorted({run.invent_name(rng) for _ in range(60)})
    for index in range(ARTICLES):
        language, text = run.generate_article(rng, sources, people)
        (folder / f"{index:05d}_{language}.txt").write_text(text, encoding="utf-8")
    G, report = build([folder], BuildConfig(jobs=2))
    assert report.articles == ARTICLES and report.stories > 1
    path = folder.parent / "page.html"
    write_html(G, path)
    return path


@pytest.fixture(scope="module")
def page(corpus_page: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    from tests import html_fixtures as fx

    blocked: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=fx.CHROMIUM, args=fx.CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 900})
        pg.on("pageerror", lambda exc: errors.append(str(exc)))

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        pg.route("**/*", route)
        pg.goto(corpus_page.resolve().as_uri())
        pg.wait_for_function("window.storygraph !== undefined", timeout=60_000)
        yield pg
        assert blocked == [] and errors == [], (blocked, errors)
        browser.close()


def test_the_first_view_shows_the_opening_story_whole(page: Any) -> None:
    seen = page.evaluate(
        """() => { const sg = storygraph, net = sg.network;
            const box = document.getElementById('graph').getBoundingClientRect();
            const first = document.querySelector('#story-index li[data-story]').dataset.story;
            const large = sg.data.stories.filter(s => s.events.length >= 3);
            const story = sg.data.stories.find(s => s.id === first);
            const ids = story.events.filter(id => sg.nodes.get(id));
            const pos = net.getPositions(ids);
            const inside = ids.filter(id => { const d = net.canvasToDOM(pos[id]);
                return d.x >= 0 && d.x <= box.width && d.y >= 0 && d.y <= box.height; });
            return {stories: sg.data.stories.length, listed: document.querySelectorAll('#story-index li[data-story]').length,
                    large: large.length, opening: ids.length, inside: inside.length}; }"""
    )
    assert seen["listed"] == seen["stories"] > 1
    assert seen["opening"] > 0 and seen["inside"] == seen["opening"]


def test_the_time_window_and_the_lanes_work_at_corpus_size(page: Any) -> None:
    shown = "() => storygraph.visibleNodeIds().filter(id => String(id).startsWith('event')).length"
    everything = page.evaluate(shown)
    assert page.evaluate("() => document.querySelectorAll('#tb-chart rect.bin').length") > 5
    days = page.evaluate(
        "() => storygraph.data.nodes.filter(n => n.begin).map(n => n.begin).sort()"
    )
    page.evaluate(
        "([a, b]) => storygraph.setTimeWindow(a, b)",
        [days[len(days) // 3], days[2 * len(days) // 3]],
    )
    narrowed = page.evaluate(shown)
    assert 0 < narrowed < everything
    assert page.evaluate("() => storygraph.setView('lanes')") == "lanes"
    assert page.evaluate("() => document.querySelectorAll('#lanes-chart .mark').length") > 0
    page.evaluate("() => storygraph.setTimeWindow(null, null)")
    assert page.evaluate("() => storygraph.setView('graph')") == "graph"
    assert page.evaluate(shown) == everything
