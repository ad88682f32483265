"""Export the story graph as one self-contained interactive HTML page.

Requires a graph ``G`` as described in :mod:`graph.schema` (the same ``G`` the
RDF exporter reads); writes ``graph.html`` and changes nothing in ``G``.

The page draws ``G`` with vis-network (copied from the pyvis package into
``graph/export/static/`` and inlined, so it opens from disk with no network access):
events left to right on a time axis, one lane per story, actors above and
places, topics and articles below (positions from :mod:`graph.export.layout`).
A side panel shows the details of the clicked or hovered node; a search box,
filters and previous/next buttons help to move around.

Security: every text from an article is data. The page carries it in a
``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028
and U+2029 escaped, parses it with ``JSON.parse`` and renders it with
``textContent`` only; a Content-Security-Policy forbids any network fetch.

Output is deterministic: same ``G``, same bytes (sorted keys and lists, no
timestamps, no random ids).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from graph import schema
from graph.export.atomic import atomic_write
from graph.export.layout import (
    MARK_FONT,
    Layout,
    episode_marks,
    episode_of,
    layout_graph,
    mark_width,
    ordered_events,
    page_stories,
    story_of,
)

MAX_DRAWN_NODES = 2000
"""Above this many nodes, kinds in :data:`DROP_ORDER` are left out of the drawing."""
DROP_ORDER = (schema.ARTICLE, schema.TOPIC, schema.PLACE_KIND)
"""Kinds left undrawn first when the graph is too big (details stay in the panel)."""
LABEL_WIDTH = 24
"""Characters per line of a node label on the canvas."""
LEVEL_SCALE = 0.15
"""Zoomed out below this scale, the page draws one mark per episode instead of
its events (an event's dot is then under 2 px and its label is not drawn)."""

KIND_STYLES: tuple[dict[str, Any], ...] = (
    {"kind": schema.EVENT, "name": "Event", "shape": "dot", "color": "#e03131", "size": 13},
    {"kind": schema.PERSON, "name": "Person", "shape": "triangle", "color": "#1971c2", "size": 12},
    {
        "kind": schema.ORGANIZATION,
        "name": "Organisation",
        "shape": "star",
        "color": "#7048e8",
        "size": 13,
    },
    {"kind": schema.COUNTRY, "name": "Country", "shape": "hexagon", "color": "#2f9e44", "size": 12},
    {
        "kind": schema.THING,
        "name": "Named thing",
        "shape": "ellipse",
        "color": "#c2255c",
        "size": 11,
    },
    {
        "kind": schema.PLACE_KIND,
        "name": "Place",
        "shape": "triangleDown",
        "color": "#0c8599",
        "size": 11,
    },
    {"kind": schema.TOPIC, "name": "Topic", "shape": "diamond", "color": "#f08c00", "size": 10},
    {"kind": schema.ARTICLE, "name": "Article", "shape": "square", "color": "#868e96", "size": 9},
    {"kind": schema.STORYLINE, "name": "Storyline", "shape": "box", "color": "#343a40", "size": 16},
    {"kind": schema.STORY, "name": "Episode", "shape": "box", "color": "#343a40", "size": 16},
)
"""Shape and colour per node kind; the page's legend is drawn from this table."""

REL_STYLES: dict[str, dict[str, Any]] = {
    schema.NEXT: {"label": "next", "color": "#495057", "width": 2.5, "arrows": True},
    schema.ACTOR: {"label": "actor", "color": "#74c0fc", "width": 1.2, "arrows": False},
    schema.PLACE: {"label": "place", "color": "#66d9e8", "width": 1.2, "arrows": False},
    schema.SUBJECT: {"label": "subject", "color": "#ffd43b", "width": 1.2, "arrows": False},
    schema.DERIVED_FROM: {"label": "source", "color": "#ced4da", "width": 1, "arrows": True},
}
"""How each drawn relation looks. SUB_EVENT and HAS_ARTICLE are shown by the
story lanes instead of lines (one line per event would cross the whole page)."""

DETAIL_ATTRS = (
    schema.HEADLINE,
    schema.PUBLISHER,
    schema.AUTHOR,
    schema.PUBLISHED,
    schema.PUBLISHED_HOW,
    schema.PUBLISHED_EVIDENCE,
    schema.SOURCE,
    schema.URL,
    schema.LANGUAGE,
    schema.BEGIN,
    schema.END,
    schema.GRANULARITY,
    schema.DATE_TEXT,
    schema.EVENT_TYPE,
    schema.EVIDENCE,
    schema.DATE_AUDIT,
    schema.DATING,
    schema.MERGE_REASON,
    schema.STORY_OF,
    schema.ALIASES,
    schema.WIKIDATA,
    schema.CONCEPT,
)
"""Node attributes copied into the page for the details panel."""

JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))  # fmt: skip
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; connect-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'"
)


def write_html(G: nx.MultiDiGraph[str], path: Path, *, max_nodes: int = MAX_DRAWN_NODES) -> None:
    """Write the interactive timeline page of ``G`` to ``path`` atomically.

    The page is self-contained (scripts and styles inlined), so nothing else is
    written beside it. The bytes go to a temporary file in the same folder that
    then replaces ``path``, so a reader never sees half a page.

    Args:
        G: the story graph (see :mod:`graph.schema`).
        path: where to write the page, e.g. ``output/graph.html``; its folder
            is created when missing.
        max_nodes: above this many nodes, article, then topic, then place nodes
            are left out of the drawing (the page says so).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, render_html(G, max_nodes=max_nodes).encode("utf-8"))


def render_html(G: nx.MultiDiGraph[str], *, max_nodes: int = MAX_DRAWN_NODES) -> str:
    """Return the page for ``G`` as a string (see :func:`write_html`)."""
    parts = {
        "CSP": CSP,  # a constant without double quotes
        "CSS": checked_asset("storygraph.css", "</style"),
        "VIS": checked_asset("vis-network.min.js", "</script", "<!--"),
        "APP": checked_asset("storygraph.js", "</script", "<!--"),
        "DATA": script_json(page_data(G, max_nodes=max_nodes)),
    }
    # One pass, so text inserted for one placeholder is never scanned again.
    return re.sub(r"@@([A-Z]+)@@", lambda m: parts[m.group(1)], TEMPLATE)


def checked_asset(name: str, *forbidden: str) -> str:
    """Return a file of ``graph/static`` that is safe to inline in the page.

    Raises:
        ValueError: when the file contains a sequence that would end or
            confuse the surrounding ``<script>``/``<style>`` element.
    """
    text = (resources.files("graph.export") / "static" / name).read_text(encoding="utf-8")
    lowered = text.lower()
    for bad in forbidden:
        if bad in lowered:
            raise ValueError(f"graph/export/static/{name} contains {bad!r}; it cannot be inlined")
    return text


def script_json(data: object) -> str:
    """Return ``data`` as JSON safe inside a ``<script>`` element.

    >>> script_json({"t": "</script>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(
        data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    # one str.replace per character: a C scan each, 30x faster than str.translate
    # on the 100 MB of a large build's page
    for char, escape in JSON_ESCAPES:
        text = text.replace(char, escape)
    return text


def page_data(G: nx.MultiDiGraph[str], *, max_nodes: int = MAX_DRAWN_NODES) -> dict[str, Any]:
    """Return everything the page needs, as plain JSON-ready data.

    Args:
        G: the story graph.
        max_nodes: drawing budget, see :func:`write_html`.

    Returns:
        ``nodes`` (every node with its details and, when drawn, ``x``/``y``),
        ``edges``, ``stories`` (events in time order), ``lanes``, ``ticks``,
        ``kinds`` and ``rels`` (styles), ``actorKinds`` (:data:`graph.schema.ACTOR_KINDS`),
        ``omitted`` (``[kind, count]`` not drawn) and ``schema`` (the attribute
        names of :mod:`graph.schema`).
    """
    drawn, omitted = choose_drawn(G, max_nodes)
    layout = layout_graph(G, drawn)
    return {
        "schema": schema_names(),
        "kinds": list(KIND_STYLES),
        "actorKinds": list(schema.ACTOR_KINDS),
        "rels": REL_STYLES,
        "nodes": [node_record(G, n, layout) for n in sorted(G.nodes)],
        "edges": edge_records(G, drawn),
        "stories": story_records(G, layout),
        "lanes": [vars(lane) for lane in layout.lanes],
        "ticks": [vars(tick) for tick in layout.ticks],
        "breaks": layout.breaks,
        "omitted": omitted,
        "max_nodes": max_nodes,
        "levels": {"scale": LEVEL_SCALE, "markFont": MARK_FONT},
    }


def schema_names() -> dict[str, str]:
    """Return the string constants of :mod:`graph.schema` by name."""
    return {k: v for k, v in sorted(vars(schema).items()) if k.isupper() and isinstance(v, str)}


def choose_drawn(G: nx.MultiDiGraph[str], max_nodes: int) -> tuple[list[str], list[list[Any]]]:
    """Return the nodes to draw and ``[kind, count]`` left out, in drop order.

    Kinds in :data:`DROP_ORDER` are left out one after the other until the
    drawing fits ``max_nodes`` (events, actors and stories are always drawn).
    """
    kinds = {str(n): str(k) for n, k in G.nodes(data=schema.KIND)}
    counts = Counter(kinds.values())
    total = len(kinds)
    omitted: list[list[Any]] = []
    for kind in DROP_ORDER:
        if total <= max_nodes:
            break
        if counts[kind]:
            omitted.append([kind, counts[kind]])
            total -= counts[kind]
    dropped = {kind for kind, _ in omitted}
    # an episode is listed under its storyline, not drawn: the storyline heads the lane
    heads = set(page_stories(G))
    drawn = sorted(n for n, k in kinds.items()
                   if k not in dropped and (k != schema.STORY or n in heads))  # fmt: skip
    return drawn, omitted


def node_record(G: nx.MultiDiGraph[str], node: str, layout: Layout) -> dict[str, Any]:
    """Return the page's record of one node: details, and position when drawn."""
    attrs = G.nodes[node]
    kind = str(attrs.get(schema.KIND, ""))
    label = str(attrs.get(schema.LABEL, "") or attrs.get(schema.HEADLINE, "") or node)
    record: dict[str, Any] = {"id": node, schema.KIND: kind, schema.LABEL: label}
    for key in DETAIL_ATTRS:
        value = plain(attrs.get(key))
        if value not in (None, "", []):
            record[key] = value
    if node in layout.positions:
        record["x"], record["y"] = layout.positions[node]
        record["text"] = canvas_label(kind, label, str(attrs.get(schema.DATE_TEXT, "")))
    return record


def plain(value: object) -> Any:
    """Return ``value`` as JSON data: tuples become lists of strings."""
    if isinstance(value, tuple | list):
        return [str(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def canvas_label(kind: str, label: str, date_text: str) -> str:
    """Return the short label drawn on the canvas (two lines at most).

    >>> canvas_label("event", "The minister meets his counterpart in the capital", "May 2024")
    'May 2024\\nThe minister meets his…'
    """
    lines = wrap(label, 1 if kind == schema.EVENT and date_text else 2)
    if kind == schema.EVENT and date_text:
        lines.insert(0, shorten(date_text, LABEL_WIDTH))
    return "\n".join(lines)


def wrap(text: str, max_lines: int) -> list[str]:
    """Split ``text`` into at most ``max_lines`` lines of :data:`LABEL_WIDTH` chars.

    >>> wrap("a b c", 2)
    ['a b c']
    """
    words = " ".join(text.split()).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > LABEL_WIDTH:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], shorten(" ".join(lines[max_lines - 1 :]), LABEL_WIDTH)]
    return [shorten(line, LABEL_WIDTH) for line in lines]


def shorten(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters, at a word end when one is near.

    >>> shorten("abcdef", 4)
    'abc…'
    >>> shorten("The minister meets his counterpart", 24)
    'The minister meets his…'
    """
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > width // 2 else cut).rstrip(" ,;:-") + "…"


def edge_records(G: nx.MultiDiGraph[str], drawn: Iterable[str]) -> list[dict[str, Any]]:
    """Return every edge as ``{from, to, rel, role?, evidence?, drawn}``, sorted."""
    shown = set(drawn)
    records = []
    for source, target, key, attrs in G.edges(keys=True, data=True):
        rel = str(attrs.get(schema.REL, ""))
        record: dict[str, Any] = {"from": source, "to": target, "rel": rel}
        for name in (schema.ROLE, schema.EVIDENCE):
            if value := attrs.get(name):  # most edges have neither: no call for them
                record[name] = plain(value)
        record["drawn"] = rel in REL_STYLES and source in shown and target in shown
        records.append((source, target, rel, str(record.get(schema.ROLE, "")), str(key), record))
    return [r[-1] for r in sorted(records, key=lambda r: r[:-1])]


def story_records(G: nx.MultiDiGraph[str], layout: Layout) -> list[dict[str, Any]]:
    """Return each story the page draws (a storyline, in lane order) with its
    events in time order, its articles, and its episodes with theirs; each
    episode with events has the position (``x``, ``y``) and label (``text``) of
    the mark the page draws for it when zoomed out (see :func:`episode_marks`)."""
    members: dict[str, list[str]] = {lane.story: [] for lane in layout.lanes if lane.story}
    episodes: dict[str, dict[str, list[str]]] = {story: {} for story in members}
    for event in layout.event_order or ordered_events(G):
        story = story_of(G, event)
        members.get(story, []).append(event)
        if story in episodes:
            episodes[story].setdefault(episode_of(G, event), []).append(event)
    label = {
        e: str(G.nodes[e].get(schema.LABEL, e)) if e in G else ""
        for s in episodes.values()
        for e in s
    }
    text = {e: mark_label(label[e], len(evs)) for s in episodes.values() for e, evs in s.items()}
    marks = episode_marks(layout, episodes, {e: mark_width(t) for e, t in text.items()})

    def episode_record(episode: str, events: list[str]) -> dict[str, Any]:
        record: dict[str, Any] = {"id": episode, "label": label[episode], "events": events}
        if episode in marks:
            record["x"], record["y"] = marks[episode]
            record["text"] = text[episode]
        return record

    return [
        {
            "id": story,
            "label": str(G.nodes[story].get(schema.LABEL, story)),
            "events": events,
            "articles": _articles_of(G, story),
            "episodes": [episode_record(e, evs) for e, evs in episodes[story].items()],
        }
        for story, events in members.items()
    ]


def mark_label(label: str, events: int) -> str:
    """Return the label of an episode's mark: its name, shortened, and its size.

    >>> mark_label("Joint naval exercise in the Sea of Japan", 3)
    'Joint naval exercise…\\n3 events'
    """
    return shorten(" ".join(label.split()) or "Episode", LABEL_WIDTH) + (
        f"\n{events} event" + ("" if events == 1 else "s")
    )


def _articles_of(G: nx.MultiDiGraph[str], story: str) -> list[str]:
    """The articles of a storyline's episodes (or of an episode)."""

    def linked(node: str, rel: str) -> list[str]:
        return [t for _, t, d in G.out_edges(node, data=True) if d.get(schema.REL) == rel]

    parts = linked(story, schema.SUB_EVENT)
    return sorted({a for node in [story, *parts] for a in linked(node, schema.HAS_ARTICLE)})


TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@@CSP@@">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>storygraph — story timeline</title>
<style>@@CSS@@</style>
</head>
<body>
<header id="bar">
  <h1>Story timeline</h1>
  <div id="searchbox">
    <input id="search" type="search" placeholder="Search a name or alias…"
      autocomplete="off" spellcheck="false" aria-label="Search nodes">
    <ul id="results" role="listbox" hidden></ul>
  </div>
  <button id="prev" type="button" title="Previous event of the story (←)">◀ Previous</button>
  <button id="next" type="button" title="Next event of the story (→)">Next ▶</button>
  <button id="fit" type="button" title="Show the whole graph">Fit</button>
  <button id="view" type="button" title="Switch between graph and entity lanes">Lanes</button>
  <span id="status" role="status"></span>
</header>
<div id="notice" role="note" hidden></div>
<main>
  <div id="stage">
    <div id="graph" aria-label="Story graph"></div>
    <div id="lanes" aria-label="Entity lanes: who took part in what, when" hidden>
      <svg id="lanes-chart" role="img"></svg>
    </div>
    <div id="timebar" aria-label="Events over time">
      <div class="controls">
        <button id="tb-back" type="button" title="Move the window back">◀</button>
        <button id="tb-play" type="button" title="Play the window through time">▶ Play</button>
        <button id="tb-forward" type="button" title="Move the window forward">▶</button>
        <button id="tb-clear" type="button" title="Show every date">All dates</button>
        <span id="tb-window" class="muted"></span>
      </div>
      <svg id="tb-chart" role="img" aria-label="Events per period; drag to choose a window"></svg>
    </div>
    <div id="legend" aria-label="Legend"></div>
  </div>
  <aside id="side">
    <details id="filters" open>
      <summary>Filters</summary>
      <label>Story <select id="f-story"><option value="">All stories</option></select></label>
      <label>Actor <select id="f-actor"><option value="">All actors</option></select></label>
      <label>Topic <select id="f-topic"><option value="">All topics</option></select></label>
      <div class="dates">
        <label>From <input id="f-from" type="date"></label>
        <label>To <input id="f-to" type="date"></label>
      </div>
      <fieldset id="f-kinds"><legend>Show</legend></fieldset>
      <button id="f-reset" type="button">Reset filters</button>
    </details>
    <nav id="story-index" aria-label="Stories"></nav>
    <section id="details" aria-live="polite"></section>
  </aside>
</main>
<script type="application/json" id="data">@@DATA@@</script>
<script>@@VIS@@</script>
<script>@@APP@@</script>
</body>
</html>
"""
