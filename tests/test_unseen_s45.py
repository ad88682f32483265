"""What stop 44 mended from reading the builds of real pages: who tells a
happening in an attribution set between commas, or after a clause with a
subject of its own, does not act in it. Invented articles (people and towns
invented, countries real); none of them appear in ``graph/``.

Each test fails on the code before the mechanism it tests, unless its comment
calls it a guard.
"""

from __future__ import annotations

import pytest

from tests.extraction import SUNDAY, sentences_and_events

_LEAD = "Finance minister Edvard Lindqvist spoke to reporters in Kjeldvik. "
_LEAD_FR = "Edvard Lindqvist, le ministre des Finances, s'est exprimé devant la presse à Kjeldvik. "
_SPEAKER = "person/edvard-lindqvist"


def _told(body: str, language: str, kb) -> list[tuple[str, int, set[str]]]:
    """Type, first year and actors' keys of the events of the sentences after the lead."""
    events = sentences_and_events(body, language, SUNDAY, kb)[1]
    return [(e.event_type, e.time.begin.year, {a.key for a in e.actors})
            for e in events if e.sentence_index > 0]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (_LEAD + "In December 2020, he said, the cabinet approved a loan to the port.", "en"),
        (_LEAD + "In 2019, Lindqvist said, the ministry had warned about the debt.", "en"),
        (_LEAD_FR + "En 2019, a précisé Lindqvist, le ministère avait alerté sur la dette.", "fr"),
    ],
)
def test_a_time_outside_an_attribution_between_commas_dates_what_is_told(
    body: str, language: str, kb
) -> None:
    # the speaker spoke at the report's time: neither the 2019 warning nor the
    # 2020 approval is his, and his saying has no date of that year
    assert not [e for e in _told(body, language, kb) if _SPEAKER in e[2] and e[1] < 2024]


def test_who_tells_after_a_clause_with_its_own_subject_does_not_act(kb) -> None:
    # "the cabinet" acted, whoever it is: not the minister who tells of it
    body = _LEAD + "The cabinet approved a loan to the port in December 2020, Lindqvist said."
    assert not [e for e in _told(body, "en", kb) if _SPEAKER in e[2]]


def test_the_told_clause_keeps_the_actor_it_names_around_the_attribution(kb) -> None:
    # the subject before the aside is the actor, the speaker is not
    body = _LEAD + "The government of Norway, Lindqvist said, approved a loan in December 2020."
    assert _told(body, "en", kb) == [("Decision", 2020, {"country/norway"})]


def test_a_told_clause_opening_on_he_is_the_speaker_s_own_act(kb) -> None:
    # "he said, he signed": the pronoun after an opening phrase stands for a
    # person, the speaker named before, not the country the sentence before names
    body = (_LEAD + "The government of Norway, Lindqvist said, approved a loan in December "
            "2020. In 2021, he said, he signed the lease.")  # fmt: skip
    assert ("Agreement", 2021, {_SPEAKER}) in _told(body, "en", kb)


def test_who_tells_of_failed_talks_may_have_been_in_them(kb) -> None:
    # guard: an event noun as subject names no one, the teller stays when alone
    body = _LEAD + "The talks broke down on Saturday, Lindqvist said."
    assert [e[2] for e in _told(body, "en", kb)] == [{_SPEAKER}]


@pytest.mark.parametrize(
    ("body", "holders"),
    [
        # the model reads "Finances Edvard Lindqvist" as one organisation
        ("Le ministre des Finances Edvard Lindqvist s'est exprimé lundi devant la presse.",
         {"person/edvard-lindqvist"}),
        # "ministre de la Défense Ingrid" + "Solberg", "ministre des Affaires
        # étrangères Marion Castellan": organisations opening on the title
        ("Le ministre de la Défense Ingrid Solberg a rencontré mardi le ministre des "
         "Affaires étrangères Marion Castellan à Kjeldvik.",
         {"person/ingrid-solberg", "person/marion-castellan"}),
    ],
)  # fmt: skip
def test_a_french_title_and_its_ministry_glued_to_a_name_give_the_person(
    body: str, holders: set[str], kb
) -> None:
    sentences, events = sentences_and_events(body, "fr", SUNDAY, kb)
    assert {m.key for s in sentences for m in s.mentions if m.kind != "place"} == holders
    assert [{a.key for a in e.actors} for e in events] == [holders]


def test_a_firm_after_founder_of_keeps_its_name(kb) -> None:
    # guard: no verb after the name, "Kjeldvik Financial Services" is a firm
    body = (
        "Marion Castellan, founder of Kjeldvik Financial Services, said on Monday that prices fell."
    )
    sentences = sentences_and_events(body, "en", SUNDAY, kb)[0]
    assert {m.key for m in sentences[0].mentions} == {
        "person/marion-castellan", "organization/kjeldvik-financial-services"}  # fmt: skip


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Some 148,000 migrants crossed the border from Valdoria into Norway in 2023, "
         "according to the UN.", "en"),
        ("Plus de 2 500 migrants ont traversé la frontière norvégienne en 2023, selon l'ONU.",
         "fr"),
    ],
)  # fmt: skip
def test_a_count_in_the_thousands_over_a_year_is_a_statistic(body: str, language: str, kb) -> None:
    # neither a 2023 happening nor, its year set aside, one of the report's days
    assert sentences_and_events(body, language, SUNDAY, kb)[1] == []


@pytest.mark.parametrize(
    "body",
    [
        # guards: a named actor's count is its act; a month's crowd is that month's news
        "Norway deported 1,200 migrants in 2023.",
        "More than 20,000 people marched in Oslo in March against the plan of Norway's government.",
    ],
)
def test_a_count_of_a_named_actor_or_of_a_month_stays_a_happening(body: str, kb) -> None:
    assert [e.actors[0].key for e in sentences_and_events(body, "en", SUNDAY, kb)[1]] == [
        "country/norway"
    ]


@pytest.mark.parametrize(
    "body",
    [
        # "match" as a verb after "would"/"to": no contest; nor is the period of
        # what a source phrase ("according to") tells the source's date
        "The 40,000 forecast would match the highest count of winter admissions in Norway "
        "between October 2029 and March 2030, according to hospital data.",
        "Sweden hopes to match the Norway figure in 2025.",
    ],
)
def test_a_noun_trigger_read_as_a_verb_names_no_happening(body: str, kb) -> None:
    assert sentences_and_events(body, "en", SUNDAY, kb)[1] == []


def test_a_match_won_is_still_a_contest(kb) -> None:
    # guard: the noun after a determiner is the happening
    events = sentences_and_events("Norway won the match against Sweden on Sunday.", "en",
                                  SUNDAY, kb)[1]  # fmt: skip
    assert [e.event_type for e in events] == ["Competition"]


def test_a_french_noun_trigger_after_qui_is_a_verb_of_another_sense(kb) -> None:
    # "la sécheresse qui frappe": the drought hits, nobody strikes
    body = "La sécheresse qui frappe la Norvège depuis mars 2024 a ruiné les récoltes."
    events = sentences_and_events(body, "fr", SUNDAY, kb)[1]
    assert "Attack" not in {e.event_type for e in events}


def test_a_time_after_an_opening_source_phrase_is_not_the_source_s(kb) -> None:
    # "According to X, bills printed in 2014…": no statement of 2014 by X, and
    # what the ministry tells is Norway's act on Monday, no statement of Monday
    body = ("According to the personal finance blog Nordposten, two batches of 1-dollar bills "
            "printed in 2014 and 2016 contain this error from the Norwegian mint. According to "
            "the ministry, Norway closed the border on Monday.")  # fmt: skip
    events = sentences_and_events(body, "en", SUNDAY, kb)[1]
    assert [(e.event_type, e.time.granularity) for e in events] == [("Other", "day")]


def test_an_estimate_is_a_statement(kb) -> None:
    # "estimated" tells as "estim" does in French: a statement of late March by
    # who estimated, not an untyped happening with the country the estimate counts
    body = ("In late March, Dr Marion Castellan estimated that between 100,000 and 200,000 "
            "Norwegians could fall ill.")  # fmt: skip
    events = sentences_and_events(body, "en", SUNDAY, kb)[1]
    assert [(e.event_type, [a.key for a in e.actors]) for e in events] == [
        ("Statement", ["person/marion-castellan"])
    ]
