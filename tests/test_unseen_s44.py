"""What stop 43 mended from reading the builds of real pages. Invented
articles (people and towns invented, countries real); none of them appear in
``graph/``.

Each test fails on the code before the mechanism it tests, unless its comment
calls it a guard.
"""

from __future__ import annotations

import pytest

from tests.extraction import SUNDAY, sentences_and_events


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Voters in Nordvik have re-elected Marion Castellan in every election since 1970.",
         "en"),
        ("Nordvik has hosted the talks each time since 2019.", "en"),
        ("Marion Castellan a été réélue à chaque élection depuis 1970.", "fr"),
    ],
)  # fmt: skip
def test_a_time_in_a_clause_of_what_keeps_happening_dates_no_happening(
    body: str, language: str, kb
) -> None:
    # a series since a year: none of its happenings is of that year
    events = sentences_and_events(body, language, SUNDAY, kb)[1]
    assert not [e for e in events if e.time.begin.year < 2025]


def test_a_year_after_an_indefinite_article_dates_the_noun_it_qualifies(kb) -> None:
    body = "Nordvik voters rejected the plan in a 2029 referendum."
    [vote] = sentences_and_events(body, "en", SUNDAY, kb)[1]
    assert (vote.time.begin.isoformat(), vote.time.last.isoformat()) == ("2029-01-01", "2029-12-31")


def test_a_habit_in_an_aside_leaves_the_day_to_date_the_happening(kb) -> None:
    # "since 2015" tells how long the summit has been held every year, not when it opened
    body = "The Kjeldvik summit, held every year since 2015, opened on Monday with Norway as host."
    events = sentences_and_events(body, "en", SUNDAY, kb)[1]
    assert [e.time.granularity for e in events] == ["day"]


def test_a_dash_opens_a_happening_after_what_keeps_happening(kb) -> None:
    # guard of the habit: what follows the dash happened once, in April
    body = ("Nordvik often hosts talks between its neighbours — in April, it hosted talks "
            "between Norway and Finland.")  # fmt: skip
    events = sentences_and_events(body, "en", SUNDAY, kb)[1]
    assert [(e.time.begin.month, e.time.granularity) for e in events] == [(4, "month")]
