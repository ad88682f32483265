"""What a statement says, when it tells no happening (stop 36): "Marion Castellan
said Norway had a unique market" is Castellan's statement, and Norway, which
is only spoken of, does not act in it. What is said that tells a happening
("said Norway and Finland would sign a pact") keeps whom it names. Invented
sentences (people and companies invented, countries real); none appear in
``graph/``.

Each test fails on the code before the mechanism, unless its comment calls it a
guard (what the change must keep).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction import events_of


def _statement_actors(body: str, language: str, kb) -> set[str]:
    said = [e for e in events_of(body, language, kb) if e.event_type == "Statement"]
    assert len(said) == 1, [(e.event_type, e.trigger, e.sentence) for e in said]
    return {a.key for a in said[0].actors}


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        ("Marion Castellan said Norway had a unique market for books.", "en",
         "person/marion-castellan"),
        ("Edvard Lindqvist a estimé que la Finlande restait un partenaire fiable.", "fr",
         "person/edvard-lindqvist"),
        ("Nordvik Energy said Sweden's grid remained too weak for the project.", "en",
         "organization/nordvik-energy"),
        # what is said comes first, the speaker's clause ends the sentence
        ("Norway had a unique market for books, Marion Castellan said.", "en",
         "person/marion-castellan"),
        ("La Finlande reste un partenaire fiable, a estimé lundi Edvard Lindqvist.", "fr",
         "person/edvard-lindqvist"),
    ],
)  # fmt: skip
def test_whom_an_opinion_speaks_of_does_not_act_in_it(body, language, speaker, kb):
    assert _statement_actors(body, language, kb) == {speaker}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # guard: what is said tells a happening, whose actors it names
        ("Marion Castellan said Norway and Finland would sign a fishing pact.", "en"),
        ("Edvard Lindqvist a annoncé que la Norvège et la Finlande signeront un accord de "
         "pêche.", "fr"),
    ],
)  # fmt: skip
def test_a_happening_a_statement_tells_keeps_whom_it_names(body, language, kb):
    assert {"country/norway", "country/finland"} <= _statement_actors(body, language, kb)


def test_a_speaker_after_the_verb_acts_alone(kb):
    # "…, said X": the speaker follows the verb; Norway is only spoken of
    body = "Norway has a unique market for books, said Marion Castellan."
    assert _statement_actors(body, "en", kb) == {"person/marion-castellan"}


@pytest.mark.parametrize(
    "body",
    [
        # guard: an apposition closes before the verb; the name before it speaks
        "Marion Castellan, a senior adviser to the Nordvik board, said that Norway had a "
        "unique market.",
        # guard: whom the statement is told to follows the verb; the speaker stands before
        "“Norway has a unique market,” Marion Castellan, a senior adviser at Nordvik Energy, "
        "told Nordic Insight Partners.",
    ],
)
def test_a_speaker_before_an_apposition_still_speaks(body, kb):
    assert "person/marion-castellan" in _statement_actors(body, "en", kb)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # guard: a verb in the past tells a happening no trigger types
        ("Marion Castellan said Norway had shut its northern border.", "en"),
        ("Edvard Lindqvist a affirmé que la Norvège avait fermé sa frontière nord.", "fr"),
    ],
)  # fmt: skip
def test_a_happening_no_trigger_types_keeps_whom_it_names(body, language, kb):
    assert "country/norway" in _statement_actors(body, language, kb)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # a verb of a state, or one in the present, tells no happening
        ("Marion Castellan said Norway remained a reliable partner of Finland.", "en"),
        ("Edvard Lindqvist a estimé que la Norvège semble proche de la Finlande.", "fr"),
        ("Marion Castellan said Norway's conduct violates the law of the sea.", "en"),
    ],
)  # fmt: skip
def test_a_state_or_a_present_told_is_an_opinion(body, language, kb):
    assert not {"country/norway", "country/finland"} & _statement_actors(body, language, kb)


def test_whom_a_statement_calls_on_does_not_act_in_it(kb):
    # "urged X to…", "called on X to…": X is the statement's audience
    body = ("Marion Castellan urged Nordvik Energy to stop drilling, saying the spill had harmed "
            "the coast.")  # fmt: skip
    assert _statement_actors(body, "en", kb) == {"person/marion-castellan"}


def _attack_actors(body: str, language: str, kb) -> set[str]:
    found = events_of(body, language, kb)
    attacks = [e for e in found if e.event_type == "Attack"]
    assert len(attacks) == 1, [(e.event_type, e.trigger, e.sentence) for e in found]
    return {a.key for a in attacks[0].actors}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # the speaker of an attribution after the happening, named with a role phrase
        ("Russia attacked the port of Odesa on Sunday, Ukrainian President Edvard Lindqvist "
         "said.", "en"),
        # the attribution is its own clause: a participle clause may follow it
        ("Russia attacked the port of Odesa on Sunday, Ukrainian President Edvard Lindqvist "
         "said, calling it a crime against civilians.", "en"),
        # where it was said is no actor either
        ("Russia attacked the port of Odesa on Sunday, the governor wrote on Telegram.", "en"),
        ("La Russie a attaqué le port d'Odessa dimanche, a écrit sur Telegram le gouverneur "
         "Edvard Lindqvist.", "fr"),
    ],
)  # fmt: skip
def test_who_tells_of_a_happening_after_it_does_not_act_in_it(body, language, kb):
    assert _attack_actors(body, language, kb) == {"country/russia"}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("A school was damaged by an attack on Monday, Mayor Ingrid Solberg said.", "en"),
        ("Une école a été endommagée par une attaque lundi, a déclaré la maire Ingrid "
         "Solberg.", "fr"),
    ],
)  # fmt: skip
def test_who_tells_of_a_happening_does_not_act_in_it_even_alone(body, language, kb):
    """Stop 38: the teller of an attribution stayed when nobody else acted, making
    the mayor the attacker; who tells of an act of war (event_types.tsv's role
    hostile) takes no part in it: nobody known acts, so no event is told. (Who
    tells of failed talks still may have been in them: test_wire_shapes.)"""
    found = [(e.event_type, sorted(a.key for a in e.actors)) for e in events_of(body, language, kb)]
    assert all("person/ingrid-solberg" not in actors for _, actors in found), found


def test_who_a_teller_tells_of_may_be_named_before(kb):
    """Guard: the sentence before names who holds the drills the teller speaks of."""
    body = ("Norway held naval drills near Bergen last week. The drills ended on Monday, "
            "Mayor Ingrid Solberg said.")  # fmt: skip
    ended = [e for e in events_of(body, "en", kb) if e.sentence_index == 1]
    assert [sorted(a.key for a in e.actors) for e in ended] == [["country/norway"]]


def test_a_phrase_framing_the_speakers_words_keeps_the_speaker(kb):
    # guard: no clause before the speaker's, only a phrase that frames what is
    # said; whose meeting it is ("sa rencontre") is the speaker
    body = ("Dimanche, lors de sa rencontre avec Edvard Lindqvist à Oslo, la ministre "
            "norvégienne Marion Castellan a déclaré que la pêche reprendrait.")  # fmt: skip
    meetings = [e for e in events_of(body, "fr", kb) if e.event_type == "Meeting"]
    assert len(meetings) == 1
    assert {"person/marion-castellan", "person/edvard-lindqvist"} <= {
        a.key for a in meetings[0].actors
    }


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Norway and Finland held naval drills off Tromso on Monday, but Sweden protested.", "en"),
        ("La Norvège et la Finlande ont signé lundi un accord de pêche, mais la Suède a "
         "protesté.", "fr"),
    ],
)  # fmt: skip
def test_a_clause_set_against_a_happening_names_none_of_its_actors(body, language, kb):
    # ", but Sweden protested": another thing told, Sweden no party to the drills
    found = [e for e in events_of(body, language, kb) if e.event_type != "Statement"]
    assert found and all("country/sweden" not in {a.key for a in e.actors} for e in found)
    assert {"country/norway", "country/finland"} <= {a.key for a in found[0].actors}


def test_a_name_after_told_and_a_comma_is_no_audience(kb):
    """Stop 38: "As X has told, Nordvik Energy signed…": the company signs; only
    right after "told" is an organisation the audience."""
    body = "As Edvard Lindqvist has told, Nordvik Energy signed the accord in Oslo on Monday."
    [signed] = events_of(body, "en", kb)
    assert "organization/nordvik-energy" in {a.key for a in signed.actors}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Norway's economy grew by 1.1% in the first quarter of 2031, bringing growth to 3.8% "
         "compared to the same period of 2030, the statistics office said Friday.", "en"),
        # a decimal comma ends no clause; "par rapport à la même période de" compares
        ("L'économie norvégienne a progressé de 1,1 % au premier trimestre 2031, soit 3,8 % "
         "par rapport à la même période de 2030, a indiqué vendredi l'institut de "
         "statistique.", "fr"),
    ],
)  # fmt: skip
def test_a_period_before_the_attribution_is_the_figures_not_the_sayings(body, language, kb):
    """Stop 38: the quarter a growth is told of dated the statistics office's
    statement; only Friday dates it, and the figure of a quarter is no event."""
    found = [(e.event_type, e.time.begin) for e in events_of(body, language, kb)]
    assert found == [("Statement", date(2031, 11, 28))]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("One of the organisers, Ingrid Solberg, from Kjeldvik Harbour, said the conference "
         "brought local readers together.", "en"),
        # a guard: the French place was no actor before either
        ("Ingrid Solberg, originaire de Kjeldvik, a déclaré que la conférence avait réuni "
         "les lecteurs.", "fr"),
    ],
)  # fmt: skip
def test_where_a_speaker_is_from_does_not_speak(body, language, kb):
    """Stop 38: ", from Kjeldvik Harbour," says where she is from ([cues] origin)."""
    assert _statement_actors(body, language, kb) == {"person/ingrid-solberg"}
