"""Relative clauses as the tagger shows them (stop 38): a time inside one dates
what the clause or its noun tells, not the sentence's verb; a happening told
inside one is its antecedent's, also through a noun in apposition to a name;
a cleft ("it was X who…") is the sentence's own news; and a vague time ("this
year's") leaves a sentence as undated as without it. Invented sentences
(people invented, countries real); none appear in ``graph/``.

Each test fails on the code before the mechanism, unless its comment calls it a
guard (what the change must keep).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from graph.extract.entities import analyse
from graph.extract.nlp import load_model
from tests.extraction import SUNDAY, events_of


def _actors(event) -> set[str]:
    return {a.key for a in event.actors}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Norway, which has a new fishing strategy, launched consultations with firms and "
            "researchers that close on Dec. 6.",
            "en",
        ),
        (
            "La Norvège a signé un accord avec des entreprises qui fermeront le 6 décembre.",
            "fr",
        ),
    ],
)
def test_a_time_in_a_relative_clause_dates_not_the_sentences_verb(kb, body, language):
    """The day the firms close is theirs: the launch or the signing is not of 6 December."""
    events = events_of(body, language, kb)
    assert not any(e.time.begin == date(2031, 12, 6) for e in events), [
        (e.event_type, e.time.begin, e.trigger) for e in events
    ]


@pytest.mark.parametrize(
    ("body", "language", "died"),
    [
        (
            "Marion Castellan is the older of two daughters to Edvard Lindqvist, an "
            "economist, and Ingrid Solberg, a scientist who died in 2009.",
            "en",
            "died",
        ),
        (
            "Marion Castellan est la fille d'Edvard Lindqvist, un économiste, et d'Ingrid "
            "Solberg, une chercheuse qui est morte en 2009.",
            "fr",
            "morte",
        ),
        # a longer noun phrase in apposition, no comma in it
        (
            "Marion Castellan was born in 1964, the older of two daughters to Edvard "
            "Lindqvist, a Danish-born economist, and Ingrid Solberg, a Norwegian-born breast "
            "cancer scientist who died in 2009.",
            "en",
            "died",
        ),
    ],
)
def test_a_happening_in_a_relative_clause_is_its_antecedents(kb, body, language, died):
    """Who died is the scientist the clause is about, named before the noun in apposition."""
    [death] = [e for e in events_of(body, language, kb) if e.trigger and died in e.trigger]
    assert death.time.begin == date(2009, 1, 1)
    assert _actors(death) == {"person/ingrid-solberg"}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("It was Marion Castellan who signed the fishing accord on Tuesday.", "en"),
        ("C'est Marion Castellan qui a signé l'accord de pêche mardi.", "fr"),
    ],
)
def test_a_cleft_tells_the_sentences_own_happening(kb, body, language):
    """Guard: "it was X who signed on Tuesday" is X's signing on Tuesday, no background."""
    [signing] = events_of(body, language, kb)
    assert signing.time.begin == SUNDAY - timedelta(days=5)
    assert _actors(signing) == {"person/marion-castellan"}


@pytest.mark.parametrize(
    ("text", "language", "clauses"),
    [
        ("Nobody knows what he would do, and she asked who came.", "en", []),
        ("It was Marion Castellan who signed the accord.", "en", []),
        (
            "The drills, which took place near the coast, ended and the men who led them left.",
            "en",
            [(", which took place near the coast", "drills"), ("who led them left.", "men")],
        ),
    ],
)
def test_relative_clauses_are_recorded_with_their_antecedent(kb, text, language, clauses):
    """The sentence record holds each clause and the word it is about; a pronoun
    after a verb or after a cleft opens none."""
    [sentence] = analyse(text, language=language, nlp=load_model(language), kb=kb)
    found = [(text[c.start : c.end], text[slice(*c.antecedent)])
             for c in sentence.relative_clauses]  # fmt: skip
    assert found == clauses


@pytest.mark.parametrize(
    "body",
    [
        '"This year\'s two laureates have used tools from physics," Ingrid Solberg said '
        "in a statement.",
    ],
)
def test_a_vague_time_leaves_the_sentence_undated(kb, body):
    """ "This year's" dates nothing; the statement is still told, at the report's days."""
    [statement] = events_of(body, "en", kb)
    assert statement.event_type == "Statement"
    assert statement.time.rule == "report-time"


# --- clauses that say when by another happening (stop 38) -------------------


@pytest.mark.parametrize(
    ("body", "language", "when"),
    [
        (
            "Thousands of Norwegian and Finnish troops launched joint exercises in northern "
            "Norway on Tuesday, after Sweden held huge drills around Gotland and a Swedish "
            "vessel collided with a Danish patrol boat.",
            "en",
            SUNDAY - timedelta(days=5),
        ),
        # a guard: the French "après que" clause was kept apart before, by its verb
        (
            "Des milliers de soldats norvégiens et finlandais ont lancé mardi des exercices "
            "conjoints dans le nord, après que la Suède a organisé de vastes manœuvres autour "
            "du Gotland et qu'un navire suédois a heurté un patrouilleur danois.",
            "fr",
            SUNDAY - timedelta(days=5),
        ),
    ],
)
def test_who_a_before_or_after_clause_names_does_not_act(kb, body, language, when):
    """ "after Sweden held drills" says when, also right after the sentence's own
    day; Sweden and Denmark are no party to the exercises."""
    [exercise] = [e for e in events_of(body, language, kb) if e.time.begin == when]
    assert _actors(exercise) == {"country/norway", "country/finland"}


def test_a_time_inside_a_when_clause_dates_the_clauses_happening(kb):
    """ "Hours after X was named leader on Tuesday, many wondered how the
    appointment would affect the war with Sweden": Tuesday's happening is the
    appointment the clause tells, not typed by the words after it."""
    body = ("Hours after Edvard Lindqvist was named the new leader of the party on Tuesday, "
            "many in Oslo wondered how the appointment would affect the war with Sweden.")  # fmt: skip
    [appointment] = events_of(body, "en", kb)
    assert appointment.event_type == "Appointment"
    assert appointment.time.begin == SUNDAY - timedelta(days=5)
    assert _actors(appointment) == {"person/edvard-lindqvist"}


def test_who_acts_in_a_when_clause_may_be_named_before_it(kb):
    """Guard: "X was the face of change when he won the 2016 election" is X's win."""
    body = "Edvard Lindqvist was the face of change when he won the 2016 election."
    [election] = events_of(body, "en", kb)
    assert election.time.begin == date(2016, 1, 1)
    assert _actors(election) == {"person/edvard-lindqvist"}


def test_a_clause_saying_when_does_not_type_a_time_outside_it(kb):
    """ "…on Monday, while two protesters faced boos": Monday's happening is no
    protest of Marion Castellan's."""
    body = ("Marion Castellan was escorted off stage in Oslo on Monday, while two protesters "
            "faced boos from the audience.")  # fmt: skip
    assert "Protest" not in {e.event_type for e in events_of(body, "en", kb)}


def test_a_when_clause_right_after_a_time_still_types_it(kb):
    """Guard: "until 2013, when Norway banned the group" is the ban of 2013."""
    body = ("The building had served as the headquarters of the Nordvik League until 2013, "
            "when Norway banned the group.")  # fmt: skip
    [ban] = events_of(body, "en", kb)
    assert (ban.event_type, ban.time.begin) == ("Decision", date(2013, 1, 1))
    assert "country/norway" in _actors(ban)
