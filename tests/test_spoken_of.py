"""Happenings a sentence speaks of, dated inside their own noun phrase (stop 33):
"condemned the November 3 bombing", "since the 2029 border clashes", "a
dénoncé l'attaque du 2 novembre". Whoever speaks of such a happening is not its actor, and
its date is not the date of the sentence's own happening (the speaking).
Invented sentences (people invented, countries real); none appear in ``graph/``.

Each test fails on the code before the mechanism, unless its comment calls it a
guard (what the change must keep).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction import SUNDAY, events_of

_DAY = SUNDAY
_events = events_of


def _actors(event) -> set[str]:
    return {a.key for a in event.actors}


@pytest.mark.parametrize(
    ("body", "language", "day", "speaker"),
    [
        (
            "Norway's foreign minister Edvard Lindqvist condemned the November 3 bombing.",
            "en",
            date(2031, 11, 3),
            "person/edvard-lindqvist",
        ),
        (
            "Le ministre Edvard Lindqvist a condamné mardi l'attaque du 2 novembre contre "
            "des touristes.",
            "fr",
            date(2031, 11, 2),
            "person/edvard-lindqvist",
        ),
        (
            "Marion Castellan arrived in Oslo on Saturday for her first visit since the 2029 "
            "border clashes between Norway and Sweden.",
            "en",
            None,
            "person/marion-castellan",
        ),
    ],
)
def test_who_speaks_of_a_dated_happening_does_not_act_in_it(
    kb, body: str, language: str, day: date | None, speaker: str
) -> None:
    events = _events(body, language, kb)
    spoken = [e for e in events if e.time.granularity != "days" and e.time.begin.year != 2031]
    spoken += [e for e in events if day is not None and e.time.begin == day]
    assert all(speaker not in _actors(e) for e in spoken)
    # the happening spoken of keeps whom its own phrase names
    assert all(_actors(e) <= {"country/norway", "country/sweden"} for e in spoken)


def test_the_speaking_is_the_sentences_own_happening(kb) -> None:
    # "Pakistan condemned the November 22 attack": a statement of the report, not of that day
    [event] = _events("Pakistan condemned the November 22 attack on the tourists.", "en", kb)
    assert event.event_type == "Statement"
    assert event.time.begin != date(2031, 11, 22)
    assert _actors(event) == {"country/pakistan"}


def test_the_happening_spoken_of_has_the_actors_its_phrase_names(kb) -> None:
    body = "Marion Castellan welcomed on Friday the November 5 agreement between Norway and Sweden."
    events = _events(body, "en", kb)
    [agreement] = [e for e in events if e.time.begin == date(2031, 11, 5)]
    assert _actors(agreement) == {"country/norway", "country/sweden"}
    assert all(e.time.begin == date(2031, 11, 28) for e in events if e is not agreement)


@pytest.mark.parametrize(
    ("body", "language", "day", "actor"),
    [
        # guards: a happening another verb takes part in is the sentence's own
        ("Norway joined the 2030 naval exercises off Bodø.", "en", date(2030, 1, 1), "norway"),
        ("La Norvège a participé aux exercices de 2030.", "fr", date(2030, 1, 1), "norway"),
        # guard: the subject of what is said is told, with its day
        (
            "Police said the November 3 attack was carried out by Swedish militants.",
            "en",
            date(2031, 11, 3),
            "sweden",
        ),
    ],
)
def test_a_happening_taken_part_in_or_told_keeps_its_date(
    kb, body: str, language: str, day: date, actor: str
) -> None:
    events = _events(body, language, kb)
    assert any(e.time.begin == day and f"country/{actor}" in _actors(e) for e in events)


def test_a_saying_at_a_dated_occasion_takes_its_day(kb) -> None:
    # guard: "said at yesterday's ceremony" was said yesterday, not in the report's days
    body = (
        "Ingrid Solberg said at yesterday's opening ceremony in Oslo that the drills were planned."
    )
    [event] = [e for e in _events(body, "en", kb) if "person/ingrid-solberg" in _actors(e)]
    assert event.time.begin == date(2031, 11, 29)


def test_what_a_happening_is_counted_from_has_the_sentences_countries(kb) -> None:
    # "the first visit since the 2029 border clashes": nobody named in the phrase, so
    # the clashes are the sentence's countries', not the travelling minister's
    body = (
        "Norway's prime minister Edvard Lindqvist arrived in Sweden on Saturday for the "
        "first visit since the 2029 border clashes."
    )
    [clashes] = [e for e in _events(body, "en", kb) if e.time.begin.year == 2029]
    assert _actors(clashes) == {"country/norway", "country/sweden"}
