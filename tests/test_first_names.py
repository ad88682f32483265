"""First names (stop 36). On unseen pages the small English model found only
the surname of a first and last name before a verb, and the first name became
a person of its own; and a minister whose first name is a country's name was
that country.
The real model tags the words; the first tests set the entity the model gave
there (a lone surname) so that the rule is checked whatever names this model
version happens to know. Invented surnames, real countries.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from graph.extract.entities import analyse
from graph.extract.entities.unknown import with_first_name
from graph.extract.nlp import load_model


def _widened(text: str, surname: str) -> str:
    doc = load_model("en")(text)
    start = next(t.i for t in doc if t.text == surname.split()[0])
    span = Span(doc, start, start + len(surname.split()), label="PERSON")
    return with_first_name(span, set()).text


def test_a_capitalised_proper_noun_before_a_lone_surname_is_its_first_name():
    assert _widened("Edvard Lindqvist has repeatedly accused the army.", "Lindqvist") == (
        "Edvard Lindqvist"
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # guards: a title or an honorific is no first name
        ("Minister Lindqvist has repeatedly accused the army.", "Lindqvist"),
        ("Mr Lindqvist has repeatedly accused the army.", "Lindqvist"),
        # guard: a first and last name found whole take no third word
        ("Novelist Edvard Lindqvist has accused the army.", "Edvard Lindqvist"),
    ],
)
def test_a_title_or_a_whole_name_is_left_as_found(text, found):
    assert _widened(text, found) == found


@pytest.mark.parametrize(
    "text",
    [
        "Last week, Norwegian Defence Minister Israel Lindqvist said the aid would stay blocked.",
        "Israel Lindqvist met the press in Oslo on Monday.",
    ],
)
def test_a_country_opening_a_persons_name_is_a_first_name(text, kb):
    [sentence] = analyse(text, language="en", nlp=load_model("en"), kb=kb)
    keys = {m.key for m in sentence.mentions}
    assert "person/israel-lindqvist" in keys and "country/israel" not in keys


def test_a_country_before_an_organisation_head_stays_the_country(kb):
    # guard: "Israel Defence Forces" is no person; the country stays
    text = "Israel Defence Forces said on Monday the talks had failed."
    [sentence] = analyse(text, language="en", nlp=load_model("en"), kb=kb)
    assert "country/israel" in {m.key for m in sentence.mentions}
