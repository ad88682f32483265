"""A small, realistic story graph built by hand, shared by the RDF/query tests.

Two articles (one with a URL, one without publisher), six events from 2022 to 2026
with people, organisations, countries and a named ship, places, topics, one story with
sub-events (an episode) in a storyline with a NEXT chain, accented aliases, and hostile strings.
"""

from __future__ import annotations

import itertools

import networkx as nx

from graph import schema as m

HOSTILE_HEADLINE = (
    'Talks <script>alert(1)</script> """ end > . \nsecond line\x00 '
    "\u200fRTL mark 🚀 and a \\ backslash"
)
SLASHY_NAME = 'Org/"Quoted" \\ Name <&> /x/'

A1 = "article/moscow-beijing-talks"
A2 = "article/defence-review"
STORY = "story/russia-china-defence"
STORYLINE = "storyline/russia-china-defence"
BELOUSOV = "person/andrei-belousov"
DONG = "person/dong-jun"
NATO = "organization/nato"
SLASHY = "organization/slashy-org"
RUSSIA = "country/russia"
CHINA = "country/china"
FRIGATE = "thing/nordstjerna"
MOSCOW = "place/moscow"
BEIJING = "place/beijing"
T_DEF = "topic/defence-cooperation"
T_EX = "topic/military-exercises"
T_DEF_IRI = "https://storygraph.example.org/topic/defence-cooperation"
T_EX_IRI = "https://storygraph.example.org/topic/military-exercises"

# event id -> (label, type, begin, end, granularity, date text)
EVENTS = {
    "event/2022-02-24-invasion-0a1b2c3d": (
        "Russia invades Ukraine", "invasion", "2022-02-24", "2022-02-24", "day",
        "24 February 2022"),
    "event/2023-07-01-exercise-1b2c3d4e": (
        "Joint naval exercise", "military exercise", "2023-07-01", "2023-07-10",
        "early-month", "early July 2023"),
    "event/2024-05-16-visit-2c3d4e5f": (
        "Belousov visits Beijing", "visit", "2024-05-16", "2024-05-16", "day", "16 May 2024"),
    "event/2024-10-14-meeting-3d4e5f6a": (
        "Belousov meets Dong Jun", "meeting", "2024-10-14", "2024-10-14", "day",
        "14 October 2024"),
    "event/2025-03-01-call-4e5f6a7b": (
        "Phone call on patrols", "call", "2025-03-01", "2025-03-31", "month", "March 2025"),
    "event/2026-01-01-statement-5f6a7b8c": (
        "NATO statement", "statement", "2026-01-01", "2026-12-31", "year", "2026"),
}  # fmt: skip
E_INVASION, E_EXERCISE, E_VISIT, E_MEETING, E_CALL, E_STATEMENT = EVENTS

# event -> [(actor, role)], places, topics, reporting articles
LINKS: dict[str, tuple[list[tuple[str, str]], list[str], list[str], list[str]]] = {
    E_INVASION: ([(RUSSIA, "")], [], [], [A2]),
    E_EXERCISE: ([(RUSSIA, ""), (CHINA, ""), (FRIGATE, "")], [], [T_EX], [A2]),
    E_VISIT: ([(BELOUSOV, "visitor")], [BEIJING], [T_DEF], [A1]),
    E_MEETING: ([(BELOUSOV, "host"), (DONG, "guest"), (SLASHY, "")], [MOSCOW], [T_DEF],
                [A1, A2]),
    E_CALL: ([(BELOUSOV, ""), (DONG, "")], [], [T_DEF, T_EX], [A1]),
    E_STATEMENT: ([(NATO, "speaker")], [], [], [A2]),
}  # fmt: skip
STORY_EVENTS = [E_EXERCISE, E_VISIT, E_MEETING, E_CALL]


def _add_entities(G: nx.MultiDiGraph) -> None:
    entities = [
        (BELOUSOV, m.PERSON, "Andrei Belousov",
         ("Belousov", "Belooussov", "Andreï Belooussov", "Андрей Белоусов"), "Q4758394"),
        (DONG, m.PERSON, "Dong Jun", ("Dong Jun", "Dong"), ""),
        (NATO, m.ORGANIZATION, "NATO", ("OTAN", "North Atlantic Treaty Organization"),
         "http://www.wikidata.org/entity/Q7184"),
        (SLASHY, m.ORGANIZATION, SLASHY_NAME, (SLASHY_NAME, "Slashy"), ""),
        (RUSSIA, m.COUNTRY, "Russia", ("Russie", "Russian Federation"),
         "http://www.wikidata.org/entity/Q159"),
        (CHINA, m.COUNTRY, "China", ("Chine", "PRC"), "http://www.wikidata.org/entity/Q148"),
        (FRIGATE, m.THING, "Nordstjerna", ("frégate Nordstjerna",), ""),
        (MOSCOW, m.PLACE_KIND, "Moscow", ("Moscou",), "http://www.wikidata.org/entity/Q649"),
        (BEIJING, m.PLACE_KIND, "Beijing", ("Pékin", "Peking"), ""),
    ]  # fmt: skip
    for node, kind, label, aliases, wikidata in entities:
        G.add_node(node, **{m.KIND: kind, m.LABEL: label, m.ALIASES: aliases,
                            m.WIKIDATA: wikidata})  # fmt: skip
    for node, label, concept in ((T_DEF, "defence cooperation", T_DEF_IRI),
                                 (T_EX, "military exercises", T_EX_IRI)):  # fmt: skip
        G.add_node(node, **{m.KIND: m.TOPIC, m.LABEL: label, m.CONCEPT: concept})


def _add_articles(G: nx.MultiDiGraph) -> None:
    G.add_node(
        A1,
        **{
            m.KIND: m.ARTICLE,
            m.LABEL: HOSTILE_HEADLINE,
            m.HEADLINE: HOSTILE_HEADLINE,
            m.PUBLISHER: "Le Monde",
            m.AUTHOR: "Jeanne Dupont",
            m.PUBLISHED: "2025-03-02",
            m.PUBLISHED_HOW: "metadata",
            m.PUBLISHED_EVIDENCE: "",
            m.SOURCE: "https://example.org/a1",
            m.URL: "https://example.org/a1?x=1&y=é",
            m.LANGUAGE: "fr",
        },
    )
    G.add_node(A2, **{
        m.KIND: m.ARTICLE, m.LABEL: "Defence review", m.HEADLINE: "Defence review",
        m.PUBLISHER: "", m.AUTHOR: "", m.PUBLISHED: "2026-01-02", m.PUBLISHED_HOW: "inferred",
        m.PUBLISHED_EVIDENCE: "latest event + 1 day", m.SOURCE: "review/defence.txt",
        m.URL: "", m.LANGUAGE: "en"})  # fmt: skip


def _add_events(G: nx.MultiDiGraph) -> None:
    for node, (label, etype, begin, end, gran, text) in EVENTS.items():
        actors, places, topics, articles = LINKS[node]
        evidence = tuple(f"{label} (sentence from {a})." for a in articles)
        G.add_node(node, **{
            m.KIND: m.EVENT, m.LABEL: label, m.EVENT_TYPE: etype, m.BEGIN: begin, m.END: end,
            m.GRANULARITY: gran, m.DATE_TEXT: text, m.EVIDENCE: evidence,
            m.DATE_AUDIT: (f"{text} | {begin} | explicit-date | ",),
            m.MERGE_REASON: "same type, actors and day" if len(articles) > 1 else "",
            m.STORY_OF: STORY if node in STORY_EVENTS else ""})  # fmt: skip
        for actor, role in actors:
            attrs = {m.REL: m.ACTOR, **({m.ROLE: role} if role else {})}
            G.add_edge(node, actor, **attrs)
        for place in places:
            G.add_edge(node, place, **{m.REL: m.PLACE})
        for topic in topics:
            G.add_edge(node, topic, **{m.REL: m.SUBJECT})
        for article, sentence in zip(articles, evidence, strict=True):
            G.add_edge(node, article, **{m.REL: m.DERIVED_FROM, m.EVIDENCE: (sentence,)})


def build_fixture_graph() -> nx.MultiDiGraph:
    """Return the fixture story graph (a fresh copy each call)."""
    G = nx.MultiDiGraph()
    _add_entities(G)
    _add_articles(G)
    _add_events(G)
    G.add_node(STORY, **{m.KIND: m.STORY, m.LABEL: "Russia–China defence ties"})
    for event in STORY_EVENTS:
        G.add_edge(STORY, event, **{m.REL: m.SUB_EVENT})
    for before, after in itertools.pairwise(STORY_EVENTS):
        G.add_edge(before, after, **{m.REL: m.NEXT})
    for article in (A1, A2):
        G.add_edge(STORY, article, **{m.REL: m.HAS_ARTICLE})
    G.add_node(STORYLINE, **{m.KIND: m.STORYLINE, m.LABEL: "Russia–China defence cooperation"})
    G.add_edge(STORYLINE, STORY, **{m.REL: m.SUB_EVENT})
    return G
