"""What stop 43 mended from reading the builds of real pages. Invented
articles (people and towns invented, countries real); none of them appear in
``graph/``.

Each test fails on the code before the mechanism it tests, unless its comment
calls it a guard.
"""

from __future__ import annotations

from datetime import date

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


@pytest.mark.parametrize(
    ("body", "institution", "holder"),
    [
        ("Minister in the Ministry of Finance Brian Lindqvist said on Monday that the budget "
         "had passed.", "Ministry of Finance", "person/brian-lindqvist"),
        ("Permanent Secretary in the Ministry of Health Edvard Lindqvist resigned on Tuesday.",
         "Ministry of Health", "person/edvard-lindqvist"),
    ],
)  # fmt: skip
def test_a_title_in_an_institution_then_a_name_is_the_institution_and_its_holder(
    body: str, institution: str, holder: str, kb
) -> None:
    # the model glued "Ministry of Finance Brian Lindqvist" into one organisation
    sentences, events = sentences_and_events(body, "en", SUNDAY, kb)
    names = {(m.kind, m.text) for m in sentences[0].mentions}
    assert ("organization", institution) in names
    assert holder in {a.key for a in events[0].actors}


def test_an_institution_whose_name_runs_on_after_a_title_stays_whole(kb) -> None:
    # guard: two capitalised words after "of" are the institution's own
    body = (
        "The Secretary of the Department of Homeland Security said on Monday the border was shut."
    )
    sentences = sentences_and_events(body, "en", SUNDAY, kb)[0]
    assert [m.text for m in sentences[0].mentions] == ["Department of Homeland Security"]


@pytest.mark.parametrize(
    ("body", "language", "key"),
    [
        ("The trust refused last week to hear the answers. The Nordvik Independent Transportation "
         "Trust, which safeguards the transit tax, complained in July.", "en",
         "organization/nordvik-independent-transportation-trust"),
        ("L'agence a suspendu lundi le lancement. L'Agence spatiale valdorienne avait annoncé "
         "en mai un report.", "fr", "organization/agence-spatiale-valdorienne"),
    ],
)  # fmt: skip
def test_a_definite_noun_in_a_lead_is_the_organisation_it_heads_named_further_down(
    body: str, language: str, key: str, kb
) -> None:
    # news leads write "The trust" and give the full name later
    events = sentences_and_events(body, language, SUNDAY, kb)[1]
    [lead] = [e for e in events if e.sentence_index == 0]
    assert key in {a.key for a in lead.actors}


def test_a_noun_heading_two_organisations_names_stands_for_neither(kb) -> None:
    # guard: which of the two the lead means is not said
    body = ("The union called a strike on Monday. The Nordvik Union of Port Workers and the "
            "Kjeldvik Union of Teachers had met in May.")  # fmt: skip
    sentences = sentences_and_events(body, "en", SUNDAY, kb)[0]
    assert not [m for m in sentences[0].mentions if m.kind == "organization"]


def test_a_definite_noun_a_word_qualifies_is_not_the_organisation_named_further_down(kb) -> None:
    # "le parti allié de X" is a party the article may never name
    body = ("Le parti allié de Marion Castellan a été visé lundi par une enquête. Le Parti "
            "travailliste de Valdoria avait gagné en mai.")  # fmt: skip
    sentences = sentences_and_events(body, "fr", SUNDAY, kb)[0]
    assert not [m for m in sentences[0].mentions if m.kind == "organization"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("As of February 28, Edvard Lindqvist said the fund had paid 122 manufacturers.", "en"),
        ("À la date du 28 février, Edvard Lindqvist a déclaré que 122 entreprises avaient été "
         "payées.", "fr"),
    ],
)  # fmt: skip
def test_the_day_a_figure_stands_at_is_no_date_of_the_statement_giving_it(
    body: str, language: str, kb
) -> None:
    # he spoke to the reporter two months later, not on February 28
    [said] = sentences_and_events(body, language, date(2031, 4, 28), kb)[1]
    assert said.time.granularity == "reported"
