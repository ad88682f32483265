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


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Marion Castellan, a chemist at the Nordvik institute, says that back in 2014, not "
         "everyone felt able to leave everything behind.", "en"),
        ("Marion Castellan, chimiste à l'institut de Nordvik, affirme qu'en 2014, tout le monde "
         "ne se sentait pas capable de tout quitter.", "fr"),
    ],
)  # fmt: skip
def test_a_year_in_what_someone_says_now_is_not_the_year_of_the_saying(
    body: str, language: str, kb
) -> None:
    # the present tense of features: the saying is the report's; the year is
    # of what is said, which no trigger names
    [statement] = sentences_and_events(body, language, SUNDAY, kb)[1]
    assert statement.time.rule == "report-time"
    assert statement.time.begin.year == SUNDAY.year


@pytest.mark.parametrize(
    ("body", "language", "year"),
    [
        # guards: a time of the saying itself, and a happening told with its year
        ("Marion Castellan says Friday that the plant is safe.", "en", SUNDAY.year),
        ("Marion Castellan révèle ce vendredi que le ministre était au restaurant.", "fr",
         SUNDAY.year),
        ("Marion Castellan says that the two ministers met in Oslo in 2029.", "en", 2029),
    ],
)  # fmt: skip
def test_a_time_of_the_saying_or_of_a_happening_told_stays(
    body: str, language: str, year: int, kb
) -> None:
    [event] = sentences_and_events(body, language, SUNDAY, kb)[1]
    assert event.time.rule != "report-time" and event.time.begin.year == year


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("“The laboratory was destroyed during shelling in 2030,” Marion Castellan says.", "en"),
        ("« Le laboratoire a été détruit lors d'un bombardement en 2030 », affirme Marion "
         "Castellan.", "fr"),
    ],
)  # fmt: skip
def test_who_tells_of_an_attack_in_a_quote_naming_no_one_did_not_attack(
    body: str, language: str, kb
) -> None:
    # a witness or a victim tells it; the quote names no attacker
    events = sentences_and_events(body, language, SUNDAY, kb)[1]
    assert not [e for e in events if e.event_type == "Attack" and e.actors]


def test_whom_a_quote_names_still_attacks(kb) -> None:
    # guard: the quote's own attacker stays, the speaker stays out
    body = "“Russia attacked the port in 2030,” Marion Castellan said."
    [attack] = [e for e in sentences_and_events(body, "en", SUNDAY, kb)[1]
                if e.event_type == "Attack"]  # fmt: skip
    assert {a.key for a in attack.actors} == {"country/russia"}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Edvard Lindqvist, a key member of the coronavirus task force, told reporters on "
         "Friday that the toll would rise.", "en"),
        # guards: the model finds these two itself; the honorific stays out of the name
        ("Dr Edvard Lindqvist, a key member of the coronavirus task force, told reporters on "
         "Friday that the toll would rise.", "en"),
        ("Edvard Lindqvist, un membre clé du groupe de travail, a déclaré vendredi que le bilan "
         "allait s'alourdir.", "fr"),
    ],
)  # fmt: skip
def test_a_name_the_model_missed_before_an_apposition_and_a_verb_is_a_person(
    body: str, language: str, kb
) -> None:
    # "X, a key member of …, told": a noun phrase on a determiner between commas,
    # the verb right after, says who someone is (no title word needed)
    [statement] = sentences_and_events(body, language, SUNDAY, kb)[1]
    assert {a.key for a in statement.actors} == {"person/edvard-lindqvist"}
