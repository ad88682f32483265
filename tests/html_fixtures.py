"""Hand-built story graphs and browser helpers for the HTML page tests.

``story_graph()`` is a small but realistic ``G`` (two articles, one 2022–2026
story of ten events, a second unrelated story) built with the names of
:mod:`graph.schema`; it carries hostile strings to prove the page escapes text.
``synthetic_graph()`` makes a large graph for the load test.
``screenshot()`` renders a page to PNG in headless Chromium (used for the
README's ``output/graph.png``).
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import networkx as nx

from graph import schema as m

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

EVIL_HEADLINE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
EVIL_EVIDENCE = "</script><script>window.__pwned=3</script>"
EVIL_LINK = "javascript:window.__pwned=4"

STORY = "story/china-russia-defence"
FLOODS = "story/seine-floods"
ART_2024 = "article/boursorama-2024-10-14-pekin-moscou"
ART_2026 = "article/boursorama-2026-01-27-coordination"
BELOUSOV = "person/andrei-belousov"
DONG = "person/dong-jun"
CHINA = "country/china"
RUSSIA = "country/russia"


def _event(
    G: nx.MultiDiGraph,
    node: str,
    label: str,
    span: tuple[str, str, str, str],
    story: str,
    evidence: tuple[str, ...],
    event_type: str = "meeting",
) -> None:
    begin, end, granularity, date_text = span
    G.add_node(
        node,
        **{
            m.KIND: m.EVENT,
            m.LABEL: label,
            m.BEGIN: begin,
            m.END: end,
            m.GRANULARITY: granularity,
            m.DATE_TEXT: date_text,
            m.EVENT_TYPE: event_type,
            m.EVIDENCE: evidence,
            m.DATE_AUDIT: (f"{date_text} | 2024-10-14 | rule | ",),
            m.MERGE_REASON: "",
            m.STORY_OF: story,
        },
    )
    G.add_edge(story, node, **{m.REL: m.SUB_EVENT})


def _entity(
    G: nx.MultiDiGraph, node: str, kind: str, label: str, aliases: tuple[str, ...], wd: str
) -> None:
    G.add_node(node, **{m.KIND: kind, m.LABEL: label, m.ALIASES: aliases, m.WIKIDATA: wd})


def _article(
    G: nx.MultiDiGraph, node: str, headline: str, published: str, source: str, url: str
) -> None:
    G.add_node(
        node,
        **{
            m.KIND: m.ARTICLE,
            m.LABEL: headline,
            m.HEADLINE: headline,
            m.PUBLISHER: "Boursorama",
            m.AUTHOR: "",
            m.PUBLISHED: published,
            m.PUBLISHED_HOW: "text",
            m.PUBLISHED_EVIDENCE: published,
            m.SOURCE: source,
            m.URL: url,
            m.LANGUAGE: "fr",
        },
    )


def _link(G: nx.MultiDiGraph, event: str, rel: str, targets: list[str], **attrs: Any) -> None:
    for target in targets:
        G.add_edge(event, target, **{m.REL: rel, **attrs})


EVENTS: list[dict[str, Any]] = [
    {
        "id": "event/2022-02-04-partnership-0a1b2c3d",
        "label": "China and Russia declare a 'no limits' partnership",
        "span": ("2022-02-04", "2022-02-04", "day", "4 February 2022"),
        "actors": [CHINA, RUSSIA],
        "place": "place/beijing",
        "topics": ["topic/strategic-partnership"],
        "type": "agreement",
    },
    {
        "id": "event/2023-03-21-visit-1b2c3d4e",
        "label": "Xi Jinping visits Moscow",
        "span": ("2023-03-20", "2023-03-22", "days", "March 2023"),
        "actors": [CHINA, RUSSIA],
        "place": "place/moscow",
        "topics": ["topic/strategic-partnership"],
        "type": "visit",
    },
    {
        "id": "event/2024-05-12-appointment-2c3d4e5f",
        "label": "Belooussov appointed Russian defence minister",
        "span": ("2024-05-01", "2024-05-31", "month", "May 2024"),
        "actors": [BELOUSOV, RUSSIA],
        "place": "place/moscow",
        "topics": [],
        "type": "appointment",
    },
    {
        "id": "event/2024-09-13-dong-jun-beijing-3d4e5f6a",
        "label": "Dong Jun photographed in Beijing",
        "span": ("2024-09-13", "2024-09-13", "day", "13 September 2024"),
        "actors": [DONG],
        "place": "place/beijing",
        "topics": [],
        "type": "statement",
    },
    {
        "id": "event/2024-10-01-exercises-4e5f6a7b",
        "label": "Joint military exercises announced",
        "span": ("2024-10-01", "2024-10-10", "early-month", "early October 2024"),
        "actors": [CHINA, RUSSIA],
        "place": None,
        "topics": ["topic/military-cooperation"],
        "type": "exercise",
    },
    {
        "id": "event/2024-10-14-meeting-5f6a7b8c",
        "label": "Dong Jun meets Andreï Belooussov in Beijing",
        "span": ("2024-10-14", "2024-10-14", "day", "Monday 14 October 2024"),
        "actors": [DONG, BELOUSOV],
        "place": "place/beijing",
        "topics": ["topic/military-cooperation", "topic/strategic-partnership"],
        "type": "meeting",
        "evil": True,
    },
    {
        "id": "event/2024-10-22-brics-kazan-6a7b8c9d",
        "label": "BRICS summit in Kazan",
        "span": ("2024-10-22", "2024-10-24", "days", "a week later"),
        "actors": [CHINA, RUSSIA],
        "place": "place/kazan",
        "topics": ["topic/strategic-partnership"],
        "type": "summit",
    },
    {
        "id": "event/2026-01-27-video-call-7b8c9d0e",
        "label": "Video call between Dong Jun and Belooussov",
        "span": ("2026-01-27", "2026-01-27", "day", "Tuesday 27 January 2026"),
        "actors": [DONG, BELOUSOV, "organization/russian-defence-ministry"],
        "place": None,
        "topics": ["topic/military-cooperation"],
        "type": "call",
        "article": ART_2026,
    },
]

FLOOD_EVENTS: list[dict[str, Any]] = [
    {
        "id": "event/2023-06-10-seine-flood-8c9d0e1f",
        "label": "The Seine bursts its banks in Paris",
        "span": ("2023-06-10", "2023-06-10", "day", "10 June 2023"),
        "actors": ["organization/ville-de-paris"],
        "place": "place/paris",
        "topics": ["topic/floods"],
        "type": "disaster",
    },
    {
        "id": "event/2025-02-02-flood-barrier-9d0e1f2a",
        "label": "New flood barrier opens upstream",
        "span": ("2025-02-01", "2025-02-28", "month", "February 2025"),
        "actors": ["organization/ville-de-paris"],
        "place": "place/paris",
        "topics": ["topic/floods"],
        "type": "opening",
    },
]


def _add_entities(G: nx.MultiDiGraph) -> None:
    wd = "http://www.wikidata.org/entity/"
    _entity(
        G,
        BELOUSOV,
        m.PERSON,
        "Andrei Belousov",
        ("Andreï Belooussov", "Belooussov", "Belousov"),
        "",
    )
    _entity(G, DONG, m.PERSON, "Dong Jun", ("Dong Jun",), "")
    _entity(G, CHINA, m.COUNTRY, "China", ("Chine", "Pékin"), wd + "Q148")
    _entity(G, RUSSIA, m.COUNTRY, "Russia", ("Russie", "Moscou"), wd + "Q159")
    _entity(
        G,
        "organization/russian-defence-ministry",
        m.ORGANIZATION,
        "Russian Ministry of Defence",
        ("ministère russe de la Défense",),
        EVIL_LINK,
    )
    _entity(G, "organization/ville-de-paris", m.ORGANIZATION, "Ville de Paris", (), "")
    for slug, label, q in [
        ("beijing", "Beijing", "Q956"),
        ("moscow", "Moscow", "Q649"),
        ("kazan", "Kazan", "Q900"),
        ("paris", "Paris", "Q90"),
    ]:
        _entity(G, f"place/{slug}", m.PLACE_KIND, label, (), wd + q)
    for slug, label in [
        ("strategic-partnership", "Strategic partnership"),
        ("military-cooperation", "Military cooperation"),
        ("floods", "Floods"),
    ]:
        G.add_node(
            f"topic/{slug}",
            **{
                m.KIND: m.TOPIC,
                m.LABEL: label,
                m.CONCEPT: f"https://storygraph.example.org/topic/{slug}",
            },
        )


def story_graph() -> nx.MultiDiGraph:
    """Return the fixture graph: two stories, ten events, two articles."""
    G = nx.MultiDiGraph()
    G.add_node(STORY, **{m.KIND: m.STORY, m.LABEL: "China–Russia defence cooperation"})
    G.add_node(FLOODS, **{m.KIND: m.STORY, m.LABEL: "Seine floods"})
    _article(
        G,
        ART_2024,
        'Pékin et Moscou doivent "approfondir leur collaboration stratégique"',
        "2024-10-14",
        "seeds/000_66bca1d6ab3e6c33.txt",
        "https://www.boursorama.com/bourse/actualites/pekin-et-moscou",
    )
    _article(G, ART_2026, EVIL_HEADLINE, "2026-01-27", "seeds/004_ed509810598004a6.txt", "")
    G.add_edge(STORY, ART_2024, **{m.REL: m.HAS_ARTICLE})
    G.add_edge(STORY, ART_2026, **{m.REL: m.HAS_ARTICLE})
    _add_entities(G)
    for story, events in [(STORY, EVENTS), (FLOODS, FLOOD_EVENTS)]:
        for spec in events:
            evidence = (f"{spec['label']}.",) + ((EVIL_EVIDENCE,) if spec.get("evil") else ())
            _event(G, spec["id"], spec["label"], spec["span"], story, evidence, spec["type"])
            roles = {m.ROLE: "host"} if spec["actors"] == [DONG, BELOUSOV] else {}
            _link(G, spec["id"], m.ACTOR, spec["actors"][:1], **roles)
            _link(G, spec["id"], m.ACTOR, spec["actors"][1:])
            _link(G, spec["id"], m.PLACE, [spec["place"]] if spec["place"] else [])
            _link(G, spec["id"], m.SUBJECT, spec["topics"])
            if story == STORY:
                article = spec.get("article", ART_2024)
                _link(G, spec["id"], m.DERIVED_FROM, [article], **{m.EVIDENCE: evidence})
        for before, after in itertools.pairwise(events):
            G.add_edge(before["id"], after["id"], **{m.REL: m.NEXT})
    return G


def synthetic_graph(n_events: int = 1000, *, seed: int = 7) -> nx.MultiDiGraph:
    """Return a large random graph: ``n_events`` events in 80 episodes of 10
    storylines over 5 years (storyline -SUB_EVENT-> episode -SUB_EVENT-> event)."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    stories = [f"story/s{i:02d}-{j}" for i in range(10) for j in range(8)]
    for i in range(10):
        G.add_node(f"storyline/l{i:02d}", **{m.KIND: m.STORYLINE, m.LABEL: f"Storyline {i}"})
    for story in stories:
        G.add_node(story, **{m.KIND: m.STORY, m.LABEL: f"Episode {story[7:]}"})
        G.add_edge(f"storyline/l{story[7:9]}", story, **{m.REL: m.SUB_EVENT})
    pools: dict[str, list[str]] = {}
    for kind, count in [
        (m.PERSON, 200),
        (m.ORGANIZATION, 40),
        (m.COUNTRY, 30),
        (m.PLACE_KIND, 80),
        (m.TOPIC, 40),
    ]:
        pools[kind] = [f"{kind}/{kind}-{i:03d}" for i in range(count)]
        for node in pools[kind]:
            G.add_node(
                node, **{m.KIND: kind, m.LABEL: f"{kind.title()} {node[-3:]}", m.ALIASES: ()}
            )
    articles = [f"article/a{i:04d}" for i in range(n_events)]
    for i, node in enumerate(articles):
        _article(G, node, f"Headline number {i}", f"202{i % 5}-01-01", f"in/{i}.txt", "")
    by_story: dict[str, list[tuple[str, str]]] = {s: [] for s in stories}
    for i in range(n_events):
        day = f"{2021 + rng.randrange(5)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        story = rng.choice(stories)
        node = f"event/{day}-e{i:04d}"
        _event(G, node, f"Event {i} happens", (day, day, "day", day), story, (f"Sentence {i}.",))
        by_story[story].append((day, node))
        _link(G, node, m.ACTOR, [*rng.sample(pools[m.PERSON], 2), rng.choice(pools[m.COUNTRY])])
        _link(G, node, m.PLACE, [rng.choice(pools[m.PLACE_KIND])])
        _link(G, node, m.SUBJECT, [rng.choice(pools[m.TOPIC])])
        _link(G, node, m.DERIVED_FROM, [rng.choice(articles)])
    for events in by_story.values():
        ordered = [node for _, node in sorted(events)]
        for before, after in itertools.pairwise(ordered):
            G.add_edge(before, after, **{m.REL: m.NEXT})
    return G


def screenshot(
    html_path: Path,
    png_path: Path,
    *,
    width: int = 1920,
    height: int = 1080,
    select: str | None = None,
    browser: Any = None,
) -> None:
    """Render ``html_path`` in headless Chromium (network blocked) and save a PNG.

    Args:
        html_path: the page written by :func:`graph.export.html.write_html`.
        png_path: where to save the screenshot.
        width: viewport width in CSS pixels.
        height: viewport height in CSS pixels.
        select: a node id to select first, so the details panel is filled.
        browser: a running Playwright browser to reuse; by default one is
            started (and stopped) with Debian's ``/usr/bin/chromium``.
    """
    if browser is not None:
        _shoot(browser, html_path, png_path, (width, height), select)
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        started = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            _shoot(started, html_path, png_path, (width, height), select)
        finally:
            started.close()


def _shoot(
    browser: Any, html_path: Path, png_path: Path, size: tuple[int, int], select: str | None
) -> None:
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    try:
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("file:") else route.abort()
            ),
        )
        page.goto(Path(html_path).resolve().as_uri())
        page.wait_for_function("window.storygraph !== undefined")
        if select:
            page.evaluate("id => storygraph.select(id)", select)
        page.wait_for_timeout(300)
        page.screenshot(path=str(png_path))
    finally:
        page.close()
