"""What stop 42 mended from reading the builds of real pages. Invented
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
        ("A powerful earthquake struck Turkey in February 2030. Fighting resumed in Kjeldvik "
         "on Monday.", "en"),
        ("Un violent séisme a frappé la Turquie en février 2030. Les combats ont repris à "
         "Kjeldvik lundi.", "fr"),
    ],
)  # fmt: skip
def test_a_dated_happening_borrows_no_country_a_happening_before_only_struck(
    body: str, language: str, kb
) -> None:
    # the sentence before told an earthquake, which has no actor: the country it
    # hit did not fight on Monday
    events = sentences_and_events(body, language, SUNDAY, kb)[1]
    assert not [e for e in events if e.sentence_index == 1 and e.actors]


@pytest.mark.parametrize(
    ("body", "language", "actors"),
    [
        ("Norway and Finland signed a fishing accord on Friday. Talks resumed on Monday.", "en",
         {"country/norway", "country/finland"}),
        ("La ministre Marion Castellan a signé vendredi un accord de pêche avec Edvard "
         "Lindqvist. Les négociations ont repris lundi.", "fr",
         {"person/marion-castellan", "person/edvard-lindqvist"}),
    ],
)  # fmt: skip
def test_a_dated_happening_still_borrows_the_actors_the_sentence_before_told(
    body: str, language: str, actors: set[str], kb
) -> None:
    # guard: the borrowing itself stays
    events = sentences_and_events(body, language, SUNDAY, kb)[1]
    [talks] = [e for e in events if e.sentence_index == 1]
    assert {a.key for a in talks.actors} == actors


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        ("Edvard Lindqvist and Marion Castellan signed a fishing accord on Friday.",
         {"person/edvard-lindqvist", "person/marion-castellan"}),
        # guard: a title before the first name is no part of it
        ("Defence Minister Edvard Lindqvist and Marion Castellan met in Oslo on Friday.",
         {"person/edvard-lindqvist", "person/marion-castellan"}),
    ],
)  # fmt: skip
def test_a_name_the_model_missed_before_and_a_person_is_a_person(body: str, actors, kb) -> None:
    # at a sentence's start every word is capitalised, and the small English
    # model took "Edvard Lindqvist and" for nothing: coordinated with a person
    # it found, two proper nouns are a person too
    [event] = sentences_and_events(body, "en", SUNDAY, kb)[1]
    assert {a.key for a in event.actors} == actors
