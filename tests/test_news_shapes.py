"""Four invented articles in shapes the other fixtures lack: a live blog with
timestamps, an agency rewrite of a festival's closing with its prize list, a
sports report with an unknown rider, a coast guard's return told in French;
checked against what a careful reader takes from them.

The facts were written from the texts in ``tests/fixtures/news``, not from
the program's output; none of their names or sentences appear in ``graph/``.
What a reader takes but the build still misses is listed in the closing
notes, not asserted here: the jury's prize in the festival report (its
sentence names no prize word the triggers know), the ships that "will stay
near the border until March 20" (the sentence names no actor: no event).
"""

from __future__ import annotations

import networkx as nx
import pytest

from graph import schema as M
from tests.fixture_graphs import build_fixtures, linked, reported_events


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return build_fixtures("news", articles=4)


def _events_of(G: nx.MultiDiGraph, source: str) -> list[dict]:
    """The events one article reports: begin, end, type, actors."""
    return [
        {"begin": G.nodes[n][M.BEGIN], "end": G.nodes[n][M.END],
         "type": G.nodes[n][M.EVENT_TYPE], "actors": linked(G, n, M.ACTOR)}
        for n in reported_events(G, source)
    ]  # fmt: skip


def _on(events: list[dict], day: str) -> list[dict]:
    return [e for e in events if e["begin"] == day == e["end"]]


def test_a_live_blog_keeps_its_days_and_its_actors(G) -> None:
    events = _events_of(G, "en_liveblog_barents.txt")
    # the timestamps "10:42 —" are no dates: every happening is of March 2031
    assert events and all(e["begin"].startswith("2031-03") for e in events)
    (sailed,) = _on(events, "2031-03-11")  # "on Tuesday", published Wednesday 12
    assert {"country/norway", "country/finland"} <= sailed["actors"]
    # "shortly after the signing of a defence pact by Norway and Finland on March 3"
    (pact,) = _on(events, "2031-03-03")
    assert pact["type"] == "Agreement"
    assert pact["actors"] == {"country/norway", "country/finland"}
    said = _on(events, "2031-03-12")
    assert {"country/japan"} in [e["actors"] for e in said]
    # Japan only spoke: "The ships will stay…" after it borrows no actor from it
    assert [e["type"] for e in events if "country/japan" in e["actors"]] == ["Statement"]
    assert any("person/ingrid-solberg" in e["actors"] for e in said)
    # "near the border with Russia", "drawing criticism from Moscow": Russia does nothing
    assert not any("country/russia" in e["actors"] for e in events)


def test_a_festival_closing_dates_what_its_ceremony_saw(G) -> None:
    events = _events_of(G, "fr_festival_brest.txt")
    ceremony = [e for e in _on(events, "2031-03-15") if e["type"] == "Ceremony"]
    assert any("thing/festival-de-brest" in e["actors"] for e in ceremony)
    # "La cérémonie a également été marquée par un hommage à Paulin Marchetti"
    assert any("person/paulin-marchetti" in e["actors"] for e in ceremony)


def test_a_rider_no_model_knows_wins_with_his_rival(G) -> None:
    events = _events_of(G, "en_cycling_valdoria.txt")
    (won,) = [e for e in _on(events, "2031-07-20") if e["type"] in ("Award", "Competition")]
    assert {"person/edvard-lindqvist", "person/wen-haolin"} <= won["actors"]
    assert "country/norway" not in won["actors"]  # "the Norwegian-born rider's fans"
    # "in three weeks of racing" is how long he suffered, not a day in August;
    # "finished second, as he did last year" is no happening of 2030
    assert all(e["begin"] >= "2031-07" and e["end"] <= "2031-07-20" for e in events)


def test_a_coast_guard_leaves_and_returns_on_its_days(G) -> None:
    events = _events_of(G, "fr_garde_cotiere.txt")  # published Friday 18 April 2031
    (left,) = _on(events, "2031-03-10")
    (back,) = [e for e in _on(events, "2031-04-17") if e["type"] == "Movement"]  # "jeudi"
    assert left["type"] == "Movement"
    assert {"country/norway", "country/finland"} <= back["actors"]
    (june,) = [e for e in events if e["begin"] == "2031-06-01"]  # "en juin": a plan
    assert june["type"] == "Patrol"
    # "au large des côtes de la Russie", "alors même que la Russie a dénoncé…"
    assert not any("country/russia" in e["actors"] for e in events)


def test_the_nordic_patrols_are_no_story_of_the_festival_or_the_race(G) -> None:
    def story(source: str) -> str:
        (article,) = [n for n, d in G.nodes(data=True) if d.get(M.SOURCE) == source]
        (found,) = [u for u, _, r in G.in_edges(article, data=M.REL) if r == M.HAS_ARTICLE]
        return found

    patrol = story("en_liveblog_barents.txt")
    assert story("fr_festival_brest.txt") != patrol
    assert story("en_cycling_valdoria.txt") != patrol
    assert story("fr_festival_brest.txt") != story("en_cycling_valdoria.txt")
