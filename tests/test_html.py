"""HTML export: the timeline page, opened offline in a real headless Chromium."""

from __future__ import annotations

import itertools
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import schema as m
from graph.export.html import page_data, render_html, script_json, write_html
from graph.export.layout import gap_px, ordered_events

try:  # tests/ is a plain folder on sys.path, or a package if the lead adds __init__.py
    import html_fixtures as fx
except ImportError:  # pragma: no cover
    from tests import html_fixtures as fx

import playwright.sync_api as playwright_api

# ---------- fixtures ----------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(fx.CHROMIUM).exists():
        pytest.fail(
            f"{fx.CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
        )
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=fx.CHROMIUM, args=fx.CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def page_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "graph.html"
    write_html(fx.story_graph(), path)
    return path


class Opened:
    """A page opened from disk with every non-file request aborted and recorded."""

    def __init__(self, browser: Any, path: Path, width: int = 1600, height: int = 1000) -> None:
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.route("**/*", self._route)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.storygraph !== undefined", timeout=60_000)

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def hidden(self) -> dict[str, bool]:
        """Each drawn node and mark: hidden by the filters (the zoom level aside)."""
        return self.js(
            "() => Object.fromEntries(storygraph.nodes.getIds().map(id => [id, storygraph.isHidden(id)]))"
        )

    def graph_nodes(self) -> int:
        """How many nodes of the graph are drawn (episode marks not counted)."""
        return self.js("storygraph.nodes.getIds().filter(id => !id.startsWith('mark:')).length")

    def dom_point(self, node: str) -> dict[str, float]:
        """Bring ``node`` into view and return its position in page pixels."""
        return self.js(
            """id => {
                const net = storygraph.network;
                net.moveTo({position: net.getPositions([id])[id], scale: 1});
                const d = net.canvasToDOM(net.getPositions([id])[id]);
                const r = document.getElementById('graph').getBoundingClientRect();
                return {x: r.left + d.x, y: r.top + d.y};
            }""",
            node,
        )

    def details(self) -> str:
        return self.page.inner_text("#details")


@pytest.fixture
def opened(browser: Any, page_path: Path) -> Iterator[Opened]:
    o = Opened(browser, page_path)
    yield o
    assert o.blocked == [], f"the page tried to reach the network: {o.blocked}"
    assert o.errors == [], f"console errors: {o.errors}"
    o.page.close()


def story_events(G: Any, story: str) -> list[str]:
    return [e for e in ordered_events(G) if G.nodes[e][m.STORY_OF] == story]


# ---------- page contents (no browser) ----------


def test_script_json_escapes_markup_and_line_separators() -> None:
    text = script_json({"a": "</script><!-- & \u2028\u2029"})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029"}


def test_page_is_self_contained_with_csp() -> None:
    page = render_html(fx.story_graph())
    assert "Content-Security-Policy" in page and "connect-src 'none'" in page
    assert page.count("</script") == 3  # data, vis-network, app: nothing closes early
    assert not re.search(r"<(link|img|iframe)\b|\bsrc\s*=", page.split('id="data"')[0])
    assert fx.EVIL_HEADLINE not in page and fx.EVIL_EVIDENCE not in page


def test_page_data_keeps_every_node_and_edge() -> None:
    G = fx.story_graph()
    data = page_data(G)
    assert [n["id"] for n in data["nodes"]] == sorted(G.nodes)
    assert len(data["edges"]) == G.number_of_edges()
    assert data["omitted"] == []
    assert [s["events"] for s in data["stories"]] == [
        story_events(G, fx.STORY),
        story_events(G, fx.FLOODS),
    ]


def test_large_graph_leaves_out_kinds_and_says_so() -> None:
    G = fx.story_graph()
    data = page_data(G, max_nodes=22)
    assert data["omitted"] == [[m.ARTICLE, 2], [m.TOPIC, 3]]
    undrawn = {n["id"] for n in data["nodes"] if "x" not in n}
    assert undrawn == {n for n, k in G.nodes(data=m.KIND) if k in (m.ARTICLE, m.TOPIC)}


def test_gap_is_monotone_and_log_scaled() -> None:
    gaps = [gap_px(d) for d in (0, 1, 7, 30, 365, 3650)]
    assert gaps == sorted(gaps) and gaps[0] == 0
    assert gaps[-1] < 3 * gaps[-2]


def test_write_is_atomic_and_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "graph.html", tmp_path / "b" / "graph.html"
    write_html(fx.story_graph(), first)
    write_html(fx.story_graph(), second)
    write_html(fx.story_graph(), first)  # overwrite in place
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in first.parent.iterdir()) == ["graph.html"]


# ---------- in the browser ----------


def test_opens_offline_and_draws_every_node(opened: Opened) -> None:
    G = fx.story_graph()
    assert opened.graph_nodes() == G.number_of_nodes()
    assert opened.js("storygraph.data.nodes.length") == G.number_of_nodes()
    assert opened.page.is_hidden("#notice")
    legend = opened.page.inner_text("#legend")
    for name in [
        "Event",
        "Person",
        "Organisation",
        "Country",
        "Place",
        "Topic",
        "Article",
        "Episode",  # the fixture's stories are episodes of no storyline: each heads a lane
    ]:
        assert name in legend


def test_events_run_left_to_right_in_date_order(opened: Opened) -> None:
    G = fx.story_graph()
    positions = opened.js("storygraph.network.getPositions()")
    xs = [positions[e]["x"] for e in ordered_events(G)]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    ticks = opened.js("storygraph.data.ticks.filter(t => t.major)")
    assert [t["label"] for t in ticks] == ["2022", "2023", "2024", "2025", "2026", "2027"]
    assert [t["x"] for t in ticks] == sorted(t["x"] for t in ticks)
    may_2024 = positions["event/2024-05-12-appointment-2c3d4e5f"]["x"]
    year_2024 = next(t["x"] for t in ticks if t["label"] == "2024")
    year_2025 = next(t["x"] for t in ticks if t["label"] == "2025")
    assert year_2024 < may_2024 < year_2025


def test_each_story_has_its_own_lane(opened: Opened) -> None:
    G = fx.story_graph()
    lanes = {lane["story"]: lane for lane in opened.js("storygraph.data.lanes")}
    positions = opened.js("storygraph.network.getPositions()")
    for story in (fx.STORY, fx.FLOODS):
        for event in story_events(G, story):
            assert lanes[story]["top"] < positions[event]["y"] < lanes[story]["bottom"]


@pytest.mark.parametrize("query", ["Belooussov", "belousov", "BELOOUSSOV", "andrei bel", "Andreï"])
def test_search_finds_person_ignoring_accents_and_case(opened: Opened, query: str) -> None:
    opened.page.fill("#search", query)
    assert opened.page.inner_text("#results li:first-child").startswith("Andrei Belousov")
    opened.page.press("#search", "Enter")
    assert opened.js("storygraph.selected()") == fx.BELOUSOV
    assert opened.js("storygraph.network.getSelectedNodes()") == [fx.BELOUSOV]
    details = opened.details()
    assert "Andreï Belooussov" in details  # alias listed
    assert details.index("May 2024") < details.index("Monday 14 October 2024")


def test_date_filter_from_2026_hides_2024_events(opened: Opened) -> None:
    opened.page.fill("#f-from", "2026-01-01")
    hidden = opened.hidden()
    G = fx.story_graph()
    for event in ordered_events(G):
        assert hidden[event] == (G.nodes[event][m.END] < "2026-01-01"), event
    assert not hidden["event/2026-01-27-video-call-7b8c9d0e"]
    assert hidden["place/beijing"] and not hidden[fx.DONG]  # only 2026 neighbours stay
    opened.page.click("#f-reset")
    assert not any(opened.hidden().values())


def test_story_actor_topic_and_kind_filters(opened: Opened) -> None:
    G = fx.story_graph()
    opened.page.select_option("#f-story", fx.FLOODS)
    hidden = opened.hidden()
    assert all(hidden[e] for e in story_events(G, fx.STORY))
    assert not any(hidden[e] for e in story_events(G, fx.FLOODS))
    opened.page.select_option("#f-story", "")
    opened.page.select_option("#f-actor", fx.DONG)
    visible_events = [e for e in ordered_events(G) if not opened.hidden()[e]]
    assert visible_events == [e for e in ordered_events(G) if G.has_edge(e, fx.DONG)]
    opened.page.select_option("#f-actor", "")
    opened.page.select_option("#f-topic", "topic/floods")
    assert [e for e in ordered_events(G) if not opened.hidden()[e]] == story_events(G, fx.FLOODS)
    opened.page.click("#f-reset")
    opened.page.uncheck("#f-kinds input[value=topic]")
    hidden = opened.hidden()
    assert all(hidden[n] for n, k in G.nodes(data=m.KIND) if k == m.TOPIC)
    assert not any(hidden[n] for n, k in G.nodes(data=m.KIND) if k != m.TOPIC)


def test_previous_next_step_along_the_story(opened: Opened) -> None:
    events = story_events(fx.story_graph(), fx.STORY)
    opened.js("id => storygraph.select(id)", events[2])
    opened.page.click("#next")
    assert opened.js("storygraph.selected()") == events[3]
    opened.page.click("#next")
    assert opened.js("storygraph.selected()") == events[4]
    opened.page.click("#prev")
    opened.page.click("#prev")
    opened.page.click("#prev")
    assert opened.js("storygraph.selected()") == events[1]
    opened.js("id => storygraph.select(id)", events[-1])
    opened.page.click("#next")  # at the end: stays
    assert opened.js("storygraph.selected()") == events[-1]
    opened.page.keyboard.press("ArrowLeft")
    assert opened.js("storygraph.selected()") == events[-2]


def test_event_details_show_date_actors_evidence_and_sources(opened: Opened) -> None:
    event = "event/2024-10-14-meeting-5f6a7b8c"
    point = opened.dom_point(event)
    opened.page.mouse.click(point["x"], point["y"])
    assert opened.js("storygraph.selected()") == event
    details = opened.details()
    for text in [
        "Monday 14 October 2024",
        "meeting",
        "Dong Jun (host)",
        "Andrei Belousov",
        "Beijing",
        "Military cooperation",
        "Dong Jun meets Andreï Belooussov in Beijing.",
        "Boursorama",
        "2024-10-14",
        "https://www.boursorama.com/bourse/actualites/pekin-et-moscou",
        "China–Russia defence cooperation",
    ]:
        assert text in details, text


def test_hostile_text_is_shown_never_run(opened: Opened) -> None:
    for node in [
        fx.ART_2026,
        "event/2024-10-14-meeting-5f6a7b8c",
        "event/2026-01-27-video-call-7b8c9d0e",
    ]:
        point = opened.dom_point(node)
        opened.page.mouse.move(point["x"], point["y"])
        opened.page.wait_for_timeout(400)  # let the tooltip appear
        opened.page.mouse.click(point["x"], point["y"])
        details = opened.details()
        assert fx.EVIL_HEADLINE in details or fx.EVIL_EVIDENCE in details
    opened.page.fill("#search", "script")
    opened.page.press("#search", "Enter")
    assert opened.js("window.__pwned") is None
    assert opened.js("document.querySelectorAll('#details img, #details script').length") == 0
    opened.js("id => storygraph.select(id)", "organization/russian-defence-ministry")
    assert fx.EVIL_LINK in opened.details()  # shown as text
    assert opened.js("document.querySelectorAll('#details a[href^=javascript]').length") == 0
    opened.js("id => storygraph.select(id)", fx.CHINA)
    assert (
        opened.js("document.querySelector('#details a').href")
        == "http://www.wikidata.org/entity/Q148"
    )


def test_screenshot_of_fixture_graph(browser: Any, page_path: Path, tmp_path: Path) -> None:
    png = tmp_path / "graph.png"
    fx.screenshot(page_path, png, select="event/2024-10-14-meeting-5f6a7b8c", browser=browser)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    print(f"screenshot: {png}")


def test_thousand_event_graph_loads(browser: Any, tmp_path: Path) -> None:
    G = fx.synthetic_graph(1000)
    path = tmp_path / "big.html"
    started = time.perf_counter()
    write_html(G, path)
    built = time.perf_counter() - started
    started = time.perf_counter()
    o = Opened(browser, path)
    loaded = time.perf_counter() - started
    print(
        f"\n1,000-event page ({G.number_of_nodes()} nodes): "
        f"built in {built:.2f} s, loaded in {loaded:.2f} s"
    )
    assert o.blocked == [] and o.errors == []
    # episodes are listed under their storylines, not drawn: marks stand for them
    drawn = sum(1 for _, k in G.nodes(data=m.KIND) if k not in (m.ARTICLE, m.STORY))
    assert o.graph_nodes() == drawn
    assert "1000 article nodes" in o.page.inner_text("#notice")
    o.page.screenshot(path=str(tmp_path / "big.png"))
    o.page.fill("#f-from", "2025-01-01")
    hidden = o.hidden()
    assert all(hidden[e] == (G.nodes[e][m.END] < "2025-01-01") for e in ordered_events(G))
    # opened zoomed out: one mark per episode, counting its events
    assert o.js("storygraph.level()") == "episodes"
    episodes = [ep for s in o.js("storygraph.data.stories") for ep in s["episodes"]]
    assert len(episodes) == sum(1 for _, k in G.nodes(data=m.KIND) if k == m.STORY)
    for ep in episodes:
        of_episode = [e for e in ordered_events(G) if G.nodes[e][m.STORY_OF] == ep["id"]]
        assert ep["events"] == of_episode and ep["text"].endswith(f"\n{len(of_episode)} events")
        outside = all(G.nodes[e][m.END] < "2025-01-01" for e in of_episode)
        assert hidden["mark:" + ep["id"]] == outside
    drawn_now = set(o.js("storygraph.drawnIds()"))
    assert not any(e in drawn_now for e in ordered_events(G))
    assert {"mark:" + ep["id"] for ep in episodes if not hidden["mark:" + ep["id"]]} <= drawn_now
    assert o.blocked == [] and o.errors == []
    o.page.close()


def test_zoomed_out_marks_stand_for_the_episodes_and_zoomed_in_the_events(opened: Opened) -> None:
    """Below the level threshold one mark per episode (its count = its events)
    replaces the events; past it the events come back and the marks go."""
    G = fx.story_graph()
    marks = {"mark:" + s: story_events(G, s) for s in (fx.STORY, fx.FLOODS)}
    assert opened.js("storygraph.level()") == "events"
    drawn = set(opened.js("storygraph.drawnIds()"))
    assert set(ordered_events(G)) <= drawn and not drawn & set(marks)
    opened.js("() => storygraph.network.moveTo({scale: 0.05})")
    assert opened.js("storygraph.level()") == "episodes"
    drawn = set(opened.js("storygraph.drawnIds()"))
    assert drawn == set(marks) | {fx.STORY, fx.FLOODS}  # the lanes' heads and the marks
    labels = opened.js("ids => ids.map(id => storygraph.nodes.get(id).label)", list(marks))
    for label, events in zip(labels, marks.values(), strict=True):
        assert label.endswith(f"\n{len(events)} events")
    # choosing a mark zooms in to its events; its details list them
    opened.js("id => storygraph.select(id)", "mark:" + fx.FLOODS)
    opened.page.wait_for_timeout(600)  # the zoom is animated
    assert opened.js("storygraph.level()") == "events"
    assert set(ordered_events(G)) <= set(opened.js("storygraph.drawnIds()"))
    details = opened.details()
    assert "Episode" in details and "The Seine bursts its banks in Paris" in details


def test_a_time_window_hides_the_marks_whose_events_are_all_outside(opened: Opened) -> None:
    opened.js("() => storygraph.network.moveTo({scale: 0.05})")
    assert opened.js("storygraph.level()") == "episodes"
    opened.js("() => storygraph.setTimeWindow('2026-01-01', '2026-12-31')")
    hidden = opened.hidden()
    assert hidden["mark:" + fx.FLOODS] and not hidden["mark:" + fx.STORY]
    drawn = set(opened.js("storygraph.drawnIds()"))
    assert "mark:" + fx.STORY in drawn and "mark:" + fx.FLOODS not in drawn
    opened.js("() => storygraph.setTimeWindow(null, null)")
    assert "mark:" + fx.FLOODS in set(opened.js("storygraph.drawnIds()"))


def odd_graph() -> Any:
    """Undated and story-less events, an isolated actor, an unknown kind."""
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node("event/undated", **{m.KIND: m.EVENT, m.LABEL: "Undated", m.BEGIN: "", m.END: ""})
    G.add_node("event/dated", **{m.KIND: m.EVENT, m.LABEL: "Dated", m.BEGIN: "2020-05-01"})
    G.add_node("person/alone", **{m.KIND: m.PERSON, m.LABEL: "Alone", m.ALIASES: ()})
    G.add_node("thing/odd", **{m.KIND: "thing", m.LABEL: "Odd"})
    G.add_edge("event/dated", "person/alone", **{m.REL: m.ACTOR})
    G.add_edge("event/dated", "event/undated", **{m.REL: m.NEXT})
    return G


@pytest.mark.parametrize("make", [lambda: __import__("networkx").MultiDiGraph(), odd_graph])
def test_degenerate_graphs_open_cleanly(browser: Any, tmp_path: Path, make: Any) -> None:
    G = make()
    path = tmp_path / "graph.html"
    write_html(G, path)
    o = Opened(browser, path)
    assert o.graph_nodes() == G.number_of_nodes()
    o.page.click("#next")
    o.page.fill("#f-from", "2020-01-01")
    positions = o.js("storygraph.network.getPositions()")
    if G.number_of_nodes():
        assert positions["event/dated"]["x"] < positions["event/undated"]["x"]
    assert o.blocked == [] and o.errors == []
    o.page.close()


EVENTS_IN_VIEW = """() => {
    const net = storygraph.network, box = document.getElementById('graph').getBoundingClientRect();
    const ids = storygraph.nodes.getIds().filter(id => String(id).startsWith('event'));
    const pos = net.getPositions(ids);
    const inside = ids.filter(id => { const d = net.canvasToDOM(pos[id]);
        return d.x >= 0 && d.x <= box.width && d.y >= 0 && d.y <= box.height; });
    return {events: ids.length, inside: inside.length};
}"""


def _seed_events() -> int:
    """How many events the committed seeds graph holds (its N-Triples' sem:Event nodes)."""
    from tests.paths import ROOT

    typed = f"<{RDF_TYPE}> <{SEM_EVENT}> ."
    lines = (ROOT / "output" / "graph.nt").read_text(encoding="utf-8").splitlines()
    return sum(line.endswith(typed) for line in lines)


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SEM_EVENT = "http://semanticweb.cs.vu.nl/2009/11/sem/Event"


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (900, 600)])
def test_the_seeds_open_with_every_event_in_view(browser: Any, width: int, height: int) -> None:
    """The committed seeds page, at any window size: its one story's events all
    in the visible network (the 1949 and 2026 ends both)."""
    from tests.paths import ROOT

    o = Opened(browser, ROOT / "output" / "graph.html", width=width, height=height)
    try:
        seen = o.js(EVENTS_IN_VIEW)
        assert seen["events"] == _seed_events() and seen["inside"] == seen["events"], seen
        assert o.js("storygraph.level()") == "events"  # the events drawn, not episode marks
        assert {e for e in o.js("storygraph.drawnIds()") if e.startswith("event")} == set(
            o.js("storygraph.nodes.getIds().filter(id => id.startsWith('event'))")
        )
        assert o.errors == [] and o.blocked == []
    finally:
        o.page.close()


def test_the_seeds_storyline_lists_its_episodes_and_fits_one(browser: Any) -> None:
    """The seeds page: one storyline in the index with its two episodes (newest
    first); choosing an episode fits just its events into view."""
    from tests.paths import ROOT

    o = Opened(browser, ROOT / "output" / "graph.html", width=1400, height=900)
    try:
        assert o.js("() => document.querySelectorAll('#story-index li[data-story]').length") == 1
        episodes = o.js(
            "() => [...document.querySelectorAll('#story-index ol.episodes button')]"
            ".map(b => b.textContent)"
        )
        story = o.js("() => storygraph.data.stories[0]")
        assert story["id"].startswith("storyline/") and len(story["episodes"]) == 2
        assert len(episodes) == 2 and all("events)" in text for text in episodes)
        assert sum(len(ep["events"]) for ep in story["episodes"]) == len(story["events"])
        assert len(story["events"]) == _seed_events()
        o.page.click("#story-index ol.episodes li:first-child button")
        o.page.wait_for_timeout(500)  # the fit is animated
        newest = story["episodes"][-1]["events"]
        inside = o.js(
            """ids => { const net = storygraph.network;
                const box = document.getElementById('graph').getBoundingClientRect();
                const pos = net.getPositions(ids);
                return ids.filter(id => { const d = net.canvasToDOM(pos[id]);
                    return d.x >= 0 && d.x <= box.width && d.y >= 0 && d.y <= box.height; }); }""",
            newest,
        )
        assert sorted(inside) == sorted(newest)
        assert o.js(EVENTS_IN_VIEW)["inside"] < 12  # zoomed onto the episode, not the whole
        assert o.errors == [] and o.blocked == []
    finally:
        o.page.close()


def test_the_first_view_fits_the_most_recent_large_story(opened: Opened) -> None:
    G = fx.story_graph()
    large = [st for st in {G.nodes[e][m.STORY_OF] for e in ordered_events(G)}
             if len(story_events(G, st)) >= 3]  # fmt: skip
    assert large
    latest = max(large, key=lambda st: max(G.nodes[e][m.END] for e in story_events(G, st)))
    inside = opened.js(
        """ids => { const net = storygraph.network;
            const box = document.getElementById('graph').getBoundingClientRect();
            const pos = net.getPositions(ids);
            return ids.filter(id => { const d = net.canvasToDOM(pos[id]);
                return d.x >= 0 && d.x <= box.width && d.y >= 0 && d.y <= box.height; }); }""",
        story_events(G, latest),
    )
    assert sorted(inside) == sorted(story_events(G, latest))


def test_the_story_index_lists_stories_most_recent_first_and_fits_one(opened: Opened) -> None:
    G = fx.story_graph()
    stories = sorted({G.nodes[e][m.STORY_OF] for e in ordered_events(G)},
                     key=lambda st: max(G.nodes[e][m.END] for e in story_events(G, st)),
                     reverse=True)  # fmt: skip
    listed = opened.js(
        "() => [...document.querySelectorAll('#story-index li[data-story]')].map(li => li.dataset.story)"
    )
    assert listed == stories
    rows = opened.page.inner_text("#story-index")
    assert f"{len(story_events(G, stories[0]))} events" in rows
    last = stories[-1]
    opened.page.click(f"#story-index li[data-story='{last}'] button")
    opened.page.wait_for_timeout(500)  # the fit is animated
    inside = opened.js(
        """ids => { const net = storygraph.network;
            const box = document.getElementById('graph').getBoundingClientRect();
            const pos = net.getPositions(ids);
            return ids.filter(id => { const d = net.canvasToDOM(pos[id]);
                return d.x >= 0 && d.x <= box.width && d.y >= 0 && d.y <= box.height; }).length; }""",
        story_events(G, last),
    )
    assert inside == len(story_events(G, last))


def test_set_time_window_narrows_the_visible_events_and_restores_them(opened: Opened) -> None:
    G = fx.story_graph()
    events = ordered_events(G)
    shown = "() => storygraph.visibleNodeIds().filter(id => String(id).startsWith('event')).length"
    everything = opened.js(shown)
    first = G.nodes[events[0]]
    opened.js("([a, b]) => storygraph.setTimeWindow(a, b)", [first[m.BEGIN], first[m.END]])
    narrowed = opened.js(shown)
    assert 1 <= narrowed < everything
    opened.js("() => storygraph.setTimeWindow(null, null)")
    assert opened.js(shown) == everything == len(events)


def test_the_time_bar_draws_a_histogram_and_a_drag_chooses_the_window(opened: Opened) -> None:
    shown = "() => storygraph.visibleNodeIds().filter(id => String(id).startsWith('event')).length"
    everything = opened.js(shown)
    bars = opened.js("() => document.querySelectorAll('#tb-chart rect.bin').length")
    assert bars >= 2
    box = opened.page.locator("#tb-chart").bounding_box()
    y = box["y"] + box["height"] / 2
    opened.page.mouse.move(box["x"] + 1, y)
    opened.page.mouse.down()
    opened.page.mouse.move(box["x"] + box["width"] * 0.3, y)
    opened.page.mouse.up()
    narrowed = opened.js(shown)
    assert 0 < narrowed < everything
    assert opened.js("() => document.getElementById('f-from').value") != ""
    assert opened.js("() => document.querySelectorAll('#tb-chart rect.brush').length") == 1
    before = opened.js("() => document.getElementById('f-from').value")
    assert opened.js("() => storygraph.moveWindow(1)") is True  # the window starts at the left end
    assert opened.js("() => document.getElementById('f-from').value") > before
    opened.page.click("#tb-clear")
    assert opened.js(shown) == everything
    assert opened.js("() => document.querySelectorAll('#tb-chart rect.brush').length") == 0


def test_the_lanes_view_draws_who_took_part_in_what_and_goes_back(opened: Opened) -> None:
    G = fx.story_graph()
    assert opened.js("() => storygraph.setView('lanes')") == "lanes"
    assert opened.js("() => document.getElementById('graph').hidden") is True
    marks = opened.js(
        "() => [...document.querySelectorAll('#lanes-chart .mark')].map(m => m.dataset.event)"
    )
    names = opened.js(
        "() => [...document.querySelectorAll('#lanes-chart .name')].map(t => t.textContent)"
    )
    actor_edges = [(u, v) for u, v, d in G.edges(data=True) if d.get(m.REL) == m.ACTOR
                   and G.nodes[u].get(m.BEGIN)]  # fmt: skip
    assert len(marks) == len(actor_edges)  # one mark per actor of each dated event
    assert {G.nodes[v][m.LABEL] for _, v in actor_edges} == set(names)
    # the lanes follow the time window
    first = G.nodes[ordered_events(G)[0]]
    opened.js("([a, b]) => storygraph.setTimeWindow(a, b)", [first[m.BEGIN], first[m.END]])
    assert (
        0 < opened.js("() => document.querySelectorAll('#lanes-chart .mark').length") < len(marks)
    )
    opened.js("() => storygraph.setTimeWindow(null, null)")
    assert opened.js("() => storygraph.setView('graph')") == "graph"
    assert opened.js("() => document.getElementById('lanes').hidden") is True


def test_event_details_mark_date_words_and_actor_names_and_count_reports(opened: Opened) -> None:
    G = fx.story_graph()

    def actors_of(e: str) -> set[str]:
        return {
            G.nodes[v][m.LABEL] for _, v, d in G.out_edges(e, data=True) if d.get(m.REL) == m.ACTOR
        }

    event = next(e for e in ordered_events(G)
                 if any(a in " ".join(G.nodes[e][m.EVIDENCE]) for a in actors_of(e)))  # fmt: skip
    opened.js("id => storygraph.select(id)", event)
    marks = opened.js(
        "() => [...document.querySelectorAll('#details mark')].map(x => [x.className, x.textContent])"
    )
    evidence = " ".join(G.nodes[event][m.EVIDENCE])
    assert {text for cls, text in marks if cls == "actor"} >= {
        a for a in actors_of(event) if a in evidence
    }
    said = [a.split(" | ")[0] for a in G.nodes[event].get(m.DATE_AUDIT, ())]
    assert {text for cls, text in marks if cls == "date"} == {
        w for w in said if w and w in evidence
    }
    reports = sum(1 for _, _, d in G.out_edges(event, data=True) if d.get(m.REL) == m.DERIVED_FROM)
    assert f"{reports} article" in opened.details()
    # what the evidence holds stays text: only <mark>s are made
    assert opened.js(
        "() => [...document.querySelectorAll('#details blockquote *')].every(x => x.tagName === 'MARK')"
    )


def test_the_axis_marks_a_break_where_it_skips_more_than_a_year() -> None:
    from datetime import date as day

    G = fx.story_graph()
    days = sorted({day.fromisoformat(G.nodes[e][m.BEGIN]) for e in ordered_events(G)
                   if G.nodes[e].get(m.BEGIN)})  # fmt: skip
    long_gaps = sum((b - a).days > 365 for a, b in itertools.pairwise(days))
    breaks = page_data(G)["breaks"]
    assert long_gaps >= 1 and len(breaks) == long_gaps
    assert breaks == sorted(breaks)  # left to right
