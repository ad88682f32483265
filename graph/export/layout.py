"""Node positions and time axis for the HTML timeline page.

Requires a graph ``G`` as described in :mod:`graph.schema`; adds nothing to it.
Everything is computed in Python so the page opens already settled (physics
off) and the same ``G`` always gives the same coordinates.

The picture:

- events run left to right in date order (``BEGIN``, then ``END``, then id)
  on one time axis shared by every story; each event gets its own column and
  the gap between two columns grows with the logarithm of the days between
  them, so events years apart do not squash the ones a day apart;
- each story gets a horizontal lane (a band of y values);
- actors sit in rows above their events, places, topics and articles in rows
  below (nodes of any other kind under those), at the mean x of the events
  they take part in, packed into rows so labels do not overlap;
- the axis marks years and months, placed by the same monotone date -> x map,
  and a break where it skips more than a year between two events.

Unchecked assumptions: ``BEGIN``/``END`` are ISO dates or empty; an event whose
``BEGIN`` does not parse is placed after every dated event and gets no mark.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import cast

import networkx as nx

from graph import schema

EVENT_STEP = 100.0
"""Horizontal distance between two consecutive events on the same day."""
GAP_SCALE = 36.0
"""Extra pixels per doubling of (1 + days/14) between consecutive event dates."""
EVENT_WAVE = 26.0
"""Consecutive events of a lane alternate this far above/below its centre line."""
ROW_SEP = 70.0
"""Vertical distance between two rows of non-event nodes."""
FIRST_ROW = 140.0
"""Distance from the lane centre line to the first row above or below."""
KIND_GAP = 20.0
"""Extra space between the rows of two kinds below the events."""
MIN_SEP = 175.0
"""Minimum horizontal distance between two nodes of one row (label width)."""
MAX_ROWS = 4
"""Rows per kind band before nodes are pushed right instead of down."""
LANE_PAD = 70.0
"""Space above the top row and below the bottom row of a lane."""
STORY_OFFSET = 200.0
"""How far left of a lane's first event its story node sits."""
MARK_FONT = 96.0
"""Label size of an episode's mark (canvas units): drawn only zoomed out, and
readable there (6 px and more from a zoom of 1/16)."""
MARK_ROW = 2.8 * MARK_FONT
"""Vertical distance between two rows of episode marks in one lane."""

ABOVE_KINDS = (schema.PERSON, schema.ORGANIZATION, schema.COUNTRY)
BELOW_KINDS = (schema.PLACE_KIND, schema.TOPIC, schema.ARTICLE)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NO_STORY = ""


@dataclass(frozen=True)
class Lane:
    """One story's horizontal band: ``top <= y <= bottom``, events on ``y``."""

    story: str
    label: str
    top: float
    bottom: float
    y: float


@dataclass(frozen=True)
class Tick:
    """One time-axis mark at ``x``: a year (``major``) or a month start."""

    x: float
    label: str
    major: bool
    year: int


@dataclass(frozen=True)
class Layout:
    """Positions of the drawn nodes, the story lanes and the time axis."""

    positions: dict[str, tuple[float, float]]
    lanes: list[Lane]
    ticks: list[Tick]
    event_order: list[str] = field(default_factory=list)
    # x of each place where the axis skips a long stretch of time (drawn as a break)
    breaks: list[float] = field(default_factory=list)


def parse_day(value: object) -> date | None:
    """Return the ISO date ``value`` as a date, or None when it is not one.

    >>> parse_day("2024-10-14")
    datetime.date(2024, 10, 14)
    >>> parse_day("") is None
    True
    """
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def gap_px(days: float) -> float:
    """Return the extra horizontal gap for ``days`` between two event dates.

    Monotone and logarithmic: two weeks add 36 px, a year about 170 px.

    >>> gap_px(0)
    0.0
    >>> round(gap_px(14))
    36
    """
    return GAP_SCALE * math.log2(1.0 + max(days, 0.0) / 14.0)


def nodes_of_kind(G: nx.MultiDiGraph[str], kinds: Iterable[str]) -> list[str]:
    """Return the sorted ids of the nodes whose ``KIND`` is in ``kinds``."""
    wanted = set(kinds)
    # types-networkx has NodeDataView yield (id, data dict) even for data=<attribute name>
    kind_of = cast("Iterable[tuple[str, object]]", G.nodes(data=schema.KIND))
    return sorted(n for n, k in kind_of if k in wanted)


def event_sort_key(G: nx.MultiDiGraph[str], event: str) -> tuple[int, str, str, str]:
    """Sort key putting dated events first, by begin, end and then id."""
    attrs = G.nodes[event]
    begin = parse_day(attrs.get(schema.BEGIN))
    end = parse_day(attrs.get(schema.END)) or begin
    if begin is None:
        return (1, "", "", event)
    return (0, begin.isoformat(), (end or begin).isoformat(), event)


def ordered_events(G: nx.MultiDiGraph[str]) -> list[str]:
    """Return every event id in chronological order (undated ones last)."""
    return sorted(nodes_of_kind(G, [schema.EVENT]), key=lambda e: event_sort_key(G, e))


def event_columns(G: nx.MultiDiGraph[str], events: Sequence[str]) -> dict[str, float]:
    """Give each event (in order) an x that grows with time, log-scaled gaps."""
    xs: dict[str, float] = {}
    x = 0.0
    previous: date | None = None
    for index, event in enumerate(events):
        day = parse_day(G.nodes[event].get(schema.BEGIN))
        if index:
            x += EVENT_STEP
            if day is not None and previous is not None:
                x += gap_px(float((day - previous).days))
            elif day is None and previous is not None and _dated_before(G, events, index):
                x += UNDATED_GAP  # the undated band stands apart from the time axis
        xs[event] = x
        previous = day if day is not None else previous
    return xs


UNDATED_GAP = 160.0
"""Room between the last dated event and the undated band that follows it."""
UNDATED_LABEL = "undated"


def _dated_before(G: nx.MultiDiGraph[str], events: Sequence[str], index: int) -> bool:
    """Whether ``events[index]`` is the first undated event after a dated one."""
    return parse_day(G.nodes[events[index - 1]].get(schema.BEGIN)) is not None


def undated_start(
    G: nx.MultiDiGraph[str], events: Sequence[str], xs: dict[str, float]
) -> float | None:
    """The x where the band of undated events (sg:UnknownTime, last in
    :func:`ordered_events`) begins, or None when every event is dated."""
    undated = [xs[e] for e in events if parse_day(G.nodes[e].get(schema.BEGIN)) is None]
    return min(undated) if undated else None


def episode_of(G: nx.MultiDiGraph[str], event: str) -> str:
    """Return the episode id of ``event`` (``NO_STORY`` when it has none)."""
    story = G.nodes[event].get(schema.STORY_OF)
    if isinstance(story, str) and story in G:
        return story
    return _parent(G, event, schema.STORY)


def story_of(G: nx.MultiDiGraph[str], event: str) -> str:
    """Return the id of the story the page draws ``event`` in: the storyline of
    its episode, else its episode (``NO_STORY`` when it has neither)."""
    episode = episode_of(G, event)
    if episode == NO_STORY:
        return NO_STORY
    return _parent(G, episode, schema.STORYLINE) or episode


def page_stories(G: nx.MultiDiGraph[str]) -> list[str]:
    """The stories the page draws as lanes: the storylines, and any episode
    that belongs to none (a graph built by hand or read from older RDF)."""
    lines = nodes_of_kind(G, [schema.STORYLINE])
    alone = [e for e in nodes_of_kind(G, [schema.STORY]) if not _parent(G, e, schema.STORYLINE)]
    return sorted(lines + alone)


def _parent(G: nx.MultiDiGraph[str], node: str, kind: str) -> str:
    rel: object  # types-networkx cannot infer the type of an edge attribute's values
    for source, _, rel in G.in_edges(node, data=schema.REL):
        if rel == schema.SUB_EVENT and G.nodes[source].get(schema.KIND) == kind:
            return str(source)
    return NO_STORY


def lane_order(G: nx.MultiDiGraph[str], events: Sequence[str]) -> list[str]:
    """Return the stories by their first event's date, then the event-less ones."""
    order = list(dict.fromkeys(story_of(G, event) for event in events))
    seen = set(order)
    order.extend(s for s in page_stories(G) if s not in seen)
    return order


def event_neighbours(G: nx.MultiDiGraph[str], node: str) -> list[str]:
    """Return the sorted events linked to ``node`` by an edge in either direction."""
    linked = {
        other
        for other in [*G.predecessors(node), *G.successors(node)]
        if G.nodes[other].get(schema.KIND) == schema.EVENT
    }
    return sorted(linked)


def home_lane(events: Sequence[str], lane_of: dict[str, str], rank: dict[str, int]) -> str:
    """Return the lane most of ``events`` belong to (the earlier lane on a tie)."""
    counts = Counter(lane_of[e] for e in events)
    return min(counts, key=lambda s: (-counts[s], rank[s]))


def pack_rows(targets: Sequence[tuple[float, str]]) -> dict[str, tuple[float, int]]:
    """Pack nodes wanting x positions into rows at least ``MIN_SEP`` apart.

    Returns ``{node: (x, row)}``; a node goes to the first row with room at its
    wanted x, or, when ``MAX_ROWS`` are full, right after the emptiest row.
    """
    last: list[float] = []
    placed: dict[str, tuple[float, int]] = {}
    for x, node in sorted(targets):
        row = next((r for r, end in enumerate(last) if end + MIN_SEP <= x), None)
        if row is None and len(last) < MAX_ROWS:
            last.append(-math.inf)
            row = len(last) - 1
        if row is None:
            row = min(range(len(last)), key=lambda r: (last[r], r))
            x = last[row] + MIN_SEP
        last[row] = x
        placed[node] = (x, row)
    return placed


def lane_offsets(
    lane_events: Sequence[str],
    members: dict[str, list[tuple[float, str]]],
    xs: dict[str, float],
) -> dict[str, tuple[float, float]]:
    """Place one lane's nodes relative to its centre line (y = 0)."""
    offsets = {e: (xs[e], EVENT_WAVE if i % 2 else -EVENT_WAVE) for i, e in enumerate(lane_events)}
    above = [t for kind in ABOVE_KINDS for t in members.get(kind, [])]
    for node, (x, row) in pack_rows(above).items():
        offsets[node] = (x, -(FIRST_ROW + row * ROW_SEP))
    y = FIRST_ROW
    others = sorted(set(members) - set(ABOVE_KINDS) - set(BELOW_KINDS))
    for kind in [*BELOW_KINDS, *others]:
        rows = pack_rows(members.get(kind, []))
        for node, (x, row) in rows.items():
            offsets[node] = (x, y + row * ROW_SEP)
        if rows:
            y += (1 + max(row for _, row in rows.values())) * ROW_SEP + KIND_GAP
    return offsets


def story_x(lane_events: Sequence[str], xs: dict[str, float], fallback: float) -> float:
    """Return where a lane's story node sits: left of its first event."""
    return (xs[lane_events[0]] if lane_events else fallback) - STORY_OFFSET


def group_members(
    G: nx.MultiDiGraph[str],
    drawn: Iterable[str],
    xs: dict[str, float],
    lane_of: dict[str, str],
    order: Sequence[str],
) -> dict[str, dict[str, list[tuple[float, str]]]]:
    """Return ``{lane: {kind: [(wanted x, node)]}}`` for the non-event nodes."""
    grouped: dict[str, dict[str, list[tuple[float, str]]]] = defaultdict(lambda: defaultdict(list))
    rank = {story: i for i, story in enumerate(order)}
    first_x = min(xs.values(), default=0.0)
    for node in drawn:
        kind = str(G.nodes[node].get(schema.KIND, ""))
        if kind in (schema.EVENT, schema.STORY, schema.STORYLINE):
            continue
        events = event_neighbours(G, node)
        if events:
            lane = home_lane(events, lane_of, rank)
            x = sum(xs[e] for e in events) / len(events)
        else:
            lane = next((s for s in G.predecessors(node) if s in rank), NO_STORY)
            x = first_x - STORY_OFFSET
        grouped[lane][kind].append((x, node))
    return grouped


def layout_graph(G: nx.MultiDiGraph[str], drawn: Iterable[str]) -> Layout:
    """Compute positions for the ``drawn`` nodes of ``G``, its lanes and axis.

    Args:
        G: the story graph (see :mod:`graph.schema`).
        drawn: the node ids that will be drawn; others get no position.

    Returns:
        A :class:`Layout` with integer-rounded positions, one lane per story
        (plus a lane for unassigned nodes when there are any) and axis ticks.
    """
    drawn_set = set(drawn)
    events = ordered_events(G)
    xs = event_columns(G, events)
    lane_of = {e: story_of(G, e) for e in events}
    order = lane_order(G, events)
    grouped = group_members(G, sorted(drawn_set), xs, lane_of, order)
    if grouped.get(NO_STORY) and NO_STORY not in order:
        order.append(NO_STORY)
    positions: dict[str, tuple[float, float]] = {}
    lanes: list[Lane] = []
    top = 0.0
    by_lane: dict[str, list[str]] = defaultdict(list)
    for event in events:
        by_lane[lane_of[event]].append(event)
    first_x = min(xs.values(), default=0.0)
    for story in order:
        lane_events = by_lane[story]
        offsets = lane_offsets(lane_events, grouped.get(story, {}), xs)
        if story != NO_STORY:
            offsets[story] = (story_x(lane_events, xs, first_x), 0.0)
        ys = [y for _, y in offsets.values()] or [0.0]
        centre = top + LANE_PAD - min(ys)
        for node, (x, y) in offsets.items():
            if node in drawn_set:
                positions[node] = (round(x), round(centre + y))
        bottom = centre + max(ys) + LANE_PAD
        label = str(G.nodes[story].get(schema.LABEL, story)) if story else "Other"
        lanes.append(Lane(story, label, round(top), round(bottom), round(centre)))
        top = bottom
    return Layout(positions, lanes, time_ticks(G, events, xs), events, time_breaks(G, events, xs))


def mark_width(text: str) -> float:
    """Rough width of an episode mark whose label is ``text`` (canvas units).

    >>> round(mark_width("ab\\nabcd"), 1)
    307.2
    """
    return MARK_FONT * (0.55 * max(len(line) for line in text.split("\n")) + 1)


def episode_marks(
    layout: Layout, episodes: dict[str, dict[str, list[str]]], widths: dict[str, float]
) -> dict[str, tuple[float, float]]:
    """Where each episode's mark sits when the page is zoomed out.

    Args:
        layout: the positions of the drawn nodes and the lanes.
        episodes: ``{story: {episode: [event, ...]}}``, the events of each
            episode of each story the page draws as a lane.
        widths: each episode's mark width (see :func:`mark_width`).

    Returns:
        ``{episode: (x, y)}``: at the mean x of its events, on its story's
        lane; a mark that would overlap the one before goes to a row above or
        below the centre line (within the lane), or, when every row is taken,
        to the row that is free soonest (an overlap, never a shift in time).
    """
    lanes = {lane.story: lane for lane in layout.lanes}
    placed: dict[str, tuple[float, float]] = {}
    for story, parts in episodes.items():
        lane = lanes.get(story)
        wanted = sorted(
            (sum(layout.positions[e][0] for e in events) / len(events), episode)
            for episode, events in parts.items()
            if events and all(e in layout.positions for e in events)
        )
        if lane is None or not wanted:
            continue
        offsets, k = [0.0], 1
        while (lane.y - k * MARK_ROW - MARK_FONT >= lane.top
               and lane.y + k * MARK_ROW + MARK_FONT <= lane.bottom):  # fmt: skip
            offsets += [-k * MARK_ROW, k * MARK_ROW]
            k += 1
        ends = [-math.inf] * len(offsets)
        for x, episode in wanted:
            half = widths.get(episode, 0.0) / 2
            row = next((r for r, end in enumerate(ends) if end <= x - half), None)
            if row is None:
                row = min(range(len(ends)), key=lambda r: (ends[r], r))
            ends[row] = x + half
            placed[episode] = (round(x), round(lane.y + offsets[row]))
    return placed


def anchors(
    G: nx.MultiDiGraph[str], events: Sequence[str], xs: dict[str, float]
) -> list[tuple[float, float]]:
    """Return ``(day ordinal, x)`` points of the date -> x map, strictly increasing.

    A day whose events span several columns gives two points (first column at
    the day's start, last column half a day later) so marks never fall among
    the events of one day.
    """
    by_day: dict[int, list[float]] = defaultdict(list)
    for event in events:
        day = parse_day(G.nodes[event].get(schema.BEGIN))
        if day is not None:
            by_day[day.toordinal()].append(xs[event])
    points: list[tuple[float, float]] = []
    for ordinal in sorted(by_day):
        low, high = min(by_day[ordinal]), max(by_day[ordinal])
        points.append((float(ordinal), low))
        if high > low:
            points.append((ordinal + 0.5, high))
    return points


def x_of_day(points: Sequence[tuple[float, float]], ordinal: float) -> float:
    """Map a day ordinal to x: linear between anchor points, log-gaps outside."""
    first_t, first_x = points[0]
    last_t, last_x = points[-1]
    if ordinal <= first_t:
        return first_x - gap_px(first_t - ordinal)
    if ordinal >= last_t:
        return last_x + gap_px(ordinal - last_t)
    for (t0, x0), (t1, x1) in itertools.pairwise(points):
        if t0 <= ordinal <= t1:
            return x0 + (x1 - x0) * (ordinal - t0) / (t1 - t0)
    return last_x


BREAK_DAYS = 365  # two events further apart have a compressed stretch between them


def time_breaks(
    G: nx.MultiDiGraph[str], events: Sequence[str], xs: dict[str, float]
) -> list[float]:
    """The x midway between two consecutive dated events more than
    :data:`BREAK_DAYS` apart: there the axis is not linear (its gap grows with
    the logarithm of the days), and the page says so with a break mark."""
    points = anchors(G, events, xs)
    found = [round((x0 + x1) / 2, 1) for (t0, x0), (t1, x1) in itertools.pairwise(points)
             if t1 - t0 > BREAK_DAYS]  # fmt: skip
    start = undated_start(G, events, xs)
    if start is not None and points:
        found.append(round(start - UNDATED_GAP / 2, 1))  # the undated band follows no time
    return found


def time_ticks(G: nx.MultiDiGraph[str], events: Sequence[str], xs: dict[str, float]) -> list[Tick]:
    """Return year and month marks from the first event's year to the last's."""
    points = anchors(G, events, xs)
    if not points:
        start = undated_start(G, events, xs)
        return [Tick(round(start, 1), UNDATED_LABEL, True, 0)] if start is not None else []
    first = date.fromordinal(int(points[0][0])).replace(day=1)
    last = date.fromordinal(int(points[-1][0])).replace(day=1)
    ticks: list[Tick] = []
    for year in range(first.year, last.year + 2):
        for month in range(1, 13):
            day = date(year, month, 1)
            major = month == 1
            if day > date(last.year + 1, 1, 1) or (not major and not first <= day <= last):
                continue
            label = str(year) if major else MONTHS[month - 1]
            ticks.append(Tick(round(x_of_day(points, day.toordinal()), 1), label, major, year))
    start = undated_start(G, events, xs)
    if start is not None:
        ticks = [t for t in ticks if t.x < start - UNDATED_GAP / 2]
        ticks.append(Tick(round(start, 1), UNDATED_LABEL, True, 0))
    return ticks
