"""Shapes of wire copy the earlier tests lacked: sports results, court rulings,
strikes, launches, takeovers. Invented sentences (names invented, countries and
cities real); none of them appear in ``graph/``.

Each test fails on the code before the mechanism it tests, unless its comment
calls it a guard (what the mechanism must leave as it was).

Seen on the invented articles these sentences come from and not mended (not
asserted): "He won the Australian Open in January" names nobody ("He" is the
rival of the sentence before: no event); "Talks between the union and the Port
Employers' Association broke down" is given the union leader who "told
reporters" (the association is no name to the English model, "the union" no
name at all); "the target company's founding family" is read as a founding,
dated by "by 2035"; "conseiller régional depuis 2027" makes an event of 2027
with the new mayor and the one he succeeds; "A rocket carrying Valdoria's first
probe lifted off" names no actor when the country is unknown to the knowledge
base (the model reads a place).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction import sentences_and_events, told_in


def _keys(event) -> set[str]:
    return {a.key for a in event.actors}


def test_a_sentence_to_a_penalty_is_a_trial_not_a_saying(kb) -> None:
    # "condamn" (a verb of saying: "a condamné l'attaque") and "condamnée à" start at one
    # word: the longer tells the happening
    body = "L'entreprise propriétaire de l'entrepôt, Logistra, a été condamnée à une amende."
    [event] = sentences_and_events(body, "fr", date(2030, 5, 14), kb)[1]
    assert event.event_type == "Trial"


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        ("The Nordvik Space Agency's rocket lifted off on Thursday from Kourou.", "Launch"),
        ("Nurses walked out of three hospitals in Lyon on Monday.", "Protest"),
        ("Dock workers in Brest walked off the job on Monday.", "Protest"),
    ],
)
def test_words_of_launches_and_walkouts(kb, body: str, event_type: str) -> None:
    [event] = sentences_and_events(body, "en", date(2030, 9, 12), kb)[1]
    assert event.event_type == event_type


def test_a_possessive_is_no_part_of_a_name(kb) -> None:
    body = "The Nordvik Space Agency's rocket lifted off on Thursday from Kourou."
    [event] = sentences_and_events(body, "en", date(2030, 9, 12), kb)[1]
    assert _keys(event) == {"organization/nordvik-space-agency"}


def test_a_flashback_is_not_the_day_the_next_sentence_goes_on_telling(kb) -> None:
    body = (
        "Le tribunal correctionnel de Lyon a condamné mardi 14 mai 2030 Bernard Lescure à "
        "trois ans de prison. Le procès s'était ouvert le 6 mai. L'avocate de M. Lescure, "
        "Me Claire Aubry, a annoncé que son client ferait appel de la décision."
    )
    appeal = told_in(body, "fr", date(2030, 5, 14), kb, 2)
    # was the trial's opening, 6 May; now the day of the lead (the sentence
    # names the lead's Lescure), which report time held among its days before
    assert (appeal.time.begin, appeal.time.last) == (date(2030, 5, 14), date(2030, 5, 14))


def test_a_flashback_gives_no_same_day_to_the_next_sentence(kb) -> None:
    body = (
        "The talks between Nordvik and Valdoria had begun on Monday in Geneva. Edvard "
        "Lindqvist, Nordvik's envoy, said the two sides had signed a deal in Geneva."
    )
    said = told_in(body, "en", date(2031, 3, 12), kb, 1)
    assert said.time.rule != "same-day-as-previous-sentence"
    assert said.time.last == date(2031, 3, 12)


def test_a_statement_in_the_past_still_sets_the_day_after_it(kb) -> None:
    # guard: the verb nearest "On Tuesday" is "said", in the past; "had spotted" is
    # another clause's (tests/test_extract.py holds the discourse-time version)
    body = (
        "On Tuesday, Edvard Lindqvist said he had signed the pact with Marion Castellan. "
        "He then met Marion Castellan and Ingrid Solberg at the port."
    )
    met = told_in(body, "en", date(2031, 7, 17), kb, 1)
    assert met.time.begin == date(2031, 7, 15)


def test_a_name_before_an_aside_saying_who_it_is_is_a_person(kb) -> None:
    # the model finds no name at the start of this sentence; the aside (a title word,
    # or an age: ", 27,") says a person was named
    body = "Edvard Lindqvist, Nordvik's envoy, said on Tuesday the talks had failed."
    sentences = sentences_and_events(body, "en", date(2031, 3, 12), kb)[0]
    people = {m.key for s in sentences for m in s.mentions if m.kind == "person"}
    assert "person/edvard-lindqvist" in people


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("Edvard Lindqvist won his first title on Sunday, beating Amara Okafor in the US "
         "Open final.", "country/united-states"),
        ("Edvard Lindqvist won the Australian Open on Sunday.", "country/australia"),
        ("Ingrid Solberg won the Italian Grand Prix on Sunday.", "country/italy"),
    ],
)  # fmt: skip
def test_a_country_naming_a_contest_does_not_act_or_place_it(kb, body: str, country: str) -> None:
    events = sentences_and_events(body, "en", date(2030, 9, 8), kb)[1]
    assert events
    assert all(country not in _keys(e) for e in events)
    assert all(e.place is None or e.place.key != country for e in events)


def test_a_demonym_heading_a_noun_phrase_is_one_person(kb) -> None:
    body = (
        "Edvard Lindqvist won the final on Sunday. The 23-year-old Norwegian, seeded fifth, "
        "had lost in the semi-finals last year."
    )
    events = sentences_and_events(body, "en", date(2030, 9, 8), kb)[1]
    assert all("country/norway" not in _keys(e) for e in events)


@pytest.mark.parametrize(
    ("body", "language", "country"),
    [
        ("The Norwegian navy sailed into the fjord on Monday.", "en", "country/norway"),
        ("The French voted in a referendum on Sunday.", "en", "country/france"),
        ("The Russians attacked Kharkiv on Monday.", "en", "country/russia"),
        ("La marine russe a navigué lundi en mer de Barents.", "fr", "country/russia"),
    ],
)
def test_a_demonym_of_a_people_or_before_a_noun_still_acts(
    kb, body: str, language: str, country: str
) -> None:
    # guard: the country acts where the demonym qualifies a noun or names a whole people
    [event] = sentences_and_events(body, language, date(2030, 9, 8), kb)[1]
    assert country in _keys(event)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Ties between Norway and Finland have grown since 2022, Edvard Lindqvist said.", "en"),
        ("Les liens entre la Norvège et la Finlande se sont renforcés depuis 2022, a déclaré "
         "Edvard Lindqvist.", "fr"),
    ],
)  # fmt: skip
def test_a_statement_on_what_holds_since_a_year_is_made_when_reported(
    kb, body: str, language: str
) -> None:
    [said] = sentences_and_events(body, language, date(2031, 3, 12), kb)[1]
    assert said.event_type == "Statement"
    assert said.time.rule == "report-time"  # was dated 2022


def test_what_holds_since_a_month_began_then(kb) -> None:
    # guard: with no saying near, the time dates the onset of what holds since
    body = ("Depuis juillet 2031, la Norvège, présidence tournante du Conseil nordique, a "
            "organisé plus de 40 réunions.")  # fmt: skip
    [held] = sentences_and_events(body, "fr", date(2032, 3, 12), kb)[1]
    assert (held.time.begin, held.time.last) == (date(2031, 7, 1), date(2031, 7, 31))


def test_what_began_on_a_day_is_still_dated_by_it(kb) -> None:
    # guard: a trigger names what has gone on since Monday
    body = "Finland has held drills with Norway since Monday."
    [drills] = sentences_and_events(body, "en", date(2031, 3, 12), kb)[1]
    assert drills.time.begin == date(2031, 3, 10)


@pytest.mark.parametrize(
    ("body", "language", "organisation"),
    [
        ("The Union of Port Workers called a strike on Monday. Talks between the union and "
         "Edvard Lindqvist broke down on Saturday.", "en", "organization/union-of-port-workers"),
        ("L'Agence spatiale valdorienne a lancé lundi la sonde Aurora. Le directeur de "
         "l'agence, Marion Castellan, a rencontré mardi Edvard Lindqvist à Oslo.", "fr",
         "organization/agence-spatiale-valdorienne"),
    ],
)  # fmt: skip
def test_a_definite_noun_heading_a_name_given_before_is_that_organisation(
    kb, body: str, language: str, organisation: str
) -> None:
    sentences, events = sentences_and_events(body, language, date(2031, 3, 12), kb)
    assert organisation in {m.key for m in sentences[0].mentions}
    [second] = [e for e in events if e.sentence_index == 1]
    assert organisation in _keys(second)


@pytest.mark.parametrize(
    ("body", "language", "teller"),
    [
        ("Norway and Finland signed the pact on Tuesday, foreign minister Edvard Lindqvist "
         "told reporters.", "en", "person/edvard-lindqvist"),
        ("La Norvège et la Finlande ont signé le pacte mardi, a déclaré Edvard Lindqvist.",
         "fr", "person/edvard-lindqvist"),
    ],
)  # fmt: skip
def test_who_tells_of_a_happening_after_it_does_not_act_in_it(
    kb, body: str, language: str, teller: str
) -> None:
    [signed] = sentences_and_events(body, language, date(2031, 3, 12), kb)[1]
    assert teller not in _keys(signed)
    assert {"country/norway", "country/finland"} <= _keys(signed)


@pytest.mark.parametrize(
    ("body", "actor"),
    [
        # the teller is all the sentence gives: it stays
        ("Les négociations ont échoué samedi, a déclaré Tomas Ferreira.", "person/tomas-ferreira"),
        # an organisation often tells of its own act
        ("Nordvik Energy bought Solberg Power on Tuesday, Nordvik Energy said.",
         "organization/nordvik-energy"),
        # the announcer who signed it, in a longer phrase of its own
        ("La Norvège et la Finlande ont signé mercredi un accord, a annoncé Edvard Lindqvist "
         "qui a remercié son hôte Marion Castellan pour son soutien.", "person/edvard-lindqvist"),
    ],
)  # fmt: skip
def test_a_teller_who_may_act_still_acts(kb, body: str, actor: str) -> None:
    # guards
    language = "fr" if " ont " in body or "Les " in body else "en"
    events = sentences_and_events(body, language, date(2031, 3, 12), kb)[1]
    assert any(actor in _keys(e) for e in events)


@pytest.mark.parametrize(
    ("body", "language", "event_type"),
    [
        ("Russia and China on Wednesday vetoed a resolution calling for a ceasefire.", "en",
         "Decision"),
        ("Benfica a battu mardi le club d'Edvard Lindqvist en huitièmes de finale.", "fr",
         "Competition"),
    ],
)  # fmt: skip
def test_words_of_vetoes_and_knockout_rounds(kb, body: str, language: str, event_type: str) -> None:
    events = sentences_and_events(body, language, date(2031, 11, 20), kb)[1]
    assert event_type in {e.event_type for e in events}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Norway's exports rose 11.2% in March from a year earlier, the statistics office "
         "said on Monday.", "en"),
        ("Les exportations de la Norvège ont progressé de 11 % en mars par rapport à l'an "
         "dernier, a indiqué lundi l'office de la statistique.", "fr"),
    ],
)  # fmt: skip
def test_the_time_a_figure_is_compared_with_dates_nothing(kb, body: str, language: str) -> None:
    # the month's figure is no happening (stop 39); the day it was told is one,
    # and the year it is compared with dates nothing
    events = sentences_and_events(body, language, date(2031, 4, 14), kb)[1]
    assert events
    assert all(e.time.begin.year == 2031 for e in events)


def test_a_time_counted_back_without_a_comparison_still_dates(kb) -> None:
    # guard: "more than a year ago" is when the pact was signed
    body = "Norway and Finland signed the pact more than a year ago."
    [signed] = sentences_and_events(body, "en", date(2031, 4, 14), kb)[1]
    assert signed.time.begin.year == 2030


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Joao Mendes scored twice for Benfica on Tuesday. The Russian club had not reached "
         "the last sixteen since 2013.", "en"),
        ("Joao Mendes a marqué deux buts mardi. Le club russe disputait son premier huitième "
         "de finale depuis 2013.", "fr"),
    ],
)  # fmt: skip
def test_a_club_s_nationality_does_not_act(kb, body: str, language: str) -> None:
    events = sentences_and_events(body, language, date(2031, 3, 12), kb)[1]
    assert all("country/russia" not in _keys(e) for e in events)


def test_a_sentence_opening_on_an_institution_borrows_nobody(kb) -> None:
    body = (
        "President Edvard Lindqvist met business leaders in Oslo on Sunday. The central bank "
        "cut its reserve requirement ratio in February."
    )
    events = sentences_and_events(body, "en", date(2031, 4, 14), kb)[1]
    assert all("person/edvard-lindqvist" not in _keys(e) for e in events if e.sentence_index == 1)


def test_a_sentence_opening_on_other_common_nouns_still_borrows(kb) -> None:
    # guard: warships have no name; the countries of the sentence before sail them
    body = "Norway and Finland began naval drills on Monday. Warships fired missiles on Tuesday."
    fired = told_in(body, "en", date(2031, 4, 16), kb, 1)
    assert {"country/norway", "country/finland"} <= _keys(fired)


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        ("March 28, 2032 - The last member state, Hungary, approves Nordvik's accession.",
         "Decision"),
        ("Prime Minister Ingrid Solberg paid tribute to her on Wednesday.", "Statement"),
    ],
)  # fmt: skip
def test_words_of_timelines_and_tributes(kb, body: str, event_type: str) -> None:
    [event] = sentences_and_events(body, "en", date(2032, 3, 30), kb)[1]
    assert event.event_type == event_type


def test_a_passive_with_an_unnamed_agent_is_not_the_pronoun_s_act(kb) -> None:
    body = (
        "Edvard Lindqvist, a former foreign minister, died on Tuesday in Oslo. Her death was "
        "announced by her family on Wednesday."
    )
    events = sentences_and_events(body, "en", date(2031, 11, 6), kb)[1]
    assert all("person/edvard-lindqvist" not in _keys(e) for e in events if e.sentence_index == 1)


@pytest.mark.parametrize(
    ("body", "language", "event_type"),
    [
        ("Finland's foreign ministry summoned Norway's ambassador on Thursday.", "en",
         "Meeting"),
        ("« C'est une étape importante », a réagi mardi le directeur, Bernard Lescure.", "fr",
         "Statement"),
    ],
)  # fmt: skip
def test_words_of_summons_and_reactions(kb, body: str, language: str, event_type: str) -> None:
    [event] = sentences_and_events(body, language, date(2032, 1, 10), kb)[1]
    assert event.event_type == event_type


def test_a_happening_no_trigger_types_takes_the_type_its_name_was_given(kb) -> None:
    body = (
        "La Norvège et la Finlande lancent lundi des manœuvres navales baptisées "
        "« Aurore-2031 ». Baptisé « Aurore-2031 », l'événement associe jusqu'au 7 septembre "
        "les marines norvégienne et finlandaise."
    )
    held = told_in(body, "fr", date(2031, 9, 1), kb, 1)
    assert held.event_type == "MilitaryExercise"  # was Other: no trigger in the sentence


def test_the_company_is_the_one_named_before_not_its_stock_exchange(kb) -> None:
    body = (
        "Nordvik Energy ASA (OSE: NORE) reported a record profit on Tuesday. The company "
        "raised its dividend on Tuesday."
    )
    raised = told_in(body, "en", date(2031, 10, 29), kb, 1)
    assert {a.label for a in raised.actors} == {"Nordvik Energy ASA"}


def test_phones_are_no_call(kb) -> None:
    body = (
        "Nordvik Electronics hired 3,000 people in 2021, when sales of laptops and phones surged."
    )
    events = sentences_and_events(body, "en", date(2031, 10, 29), kb)[1]
    assert all(e.event_type != "Call" for e in events)


@pytest.mark.parametrize(
    ("body", "language", "host"),
    [
        (
            "A spokesperson for Portugal's mission to the European Union said on Thursday "
            "that the vote was a mistake.",
            "en",
            "organization/european-union",
        ),
        (
            "The Spanish ambassador to Morocco met Edvard Lindqvist on Tuesday.",
            "en",
            "country/morocco",
        ),
        (
            "L'ambassadeur d'Espagne au Maroc a rencontré mardi Edvard Lindqvist.",
            "fr",
            "country/morocco",
        ),
        (
            "La représentante du Portugal auprès de l'Union européenne a déclaré mardi que le "
            "vote était une erreur.",
            "fr",
            "organization/european-union",
        ),
    ],
)
def test_the_host_of_a_posting_does_not_act(kb, body: str, language: str, host: str) -> None:
    [event] = sentences_and_events(body, language, date(2031, 3, 14), kb)[1]
    assert host not in _keys(event)
    assert _keys(event) & {"country/portugal", "country/spain"}  # the sender acts


def test_a_mission_s_own_country_and_what_it_meets_still_act(kb) -> None:
    # guard: "mission" with no host after it ("a trade mission met…") leaves the names
    body = "A Portuguese trade mission met Moroccan officials in Rabat on Tuesday."
    [event] = sentences_and_events(body, "en", date(2031, 3, 14), kb)[1]
    assert {"country/portugal", "country/morocco"} <= _keys(event)


@pytest.mark.parametrize(
    ("body", "language", "countries"),
    [
        (
            "Les autorités marocaines et le gouvernement sénégalais ont signé mardi à Rabat un "
            "accord de pêche.",
            "fr",
            {"country/morocco", "country/senegal"},
        ),
        (
            "Kenyan and Ugandan troops began a joint patrol on Tuesday near the Somali border.",
            "en",
            {"country/kenya", "country/uganda"},
        ),
        (
            "La Lituanie et la Lettonie ont annoncé mardi leur retrait du traité.",
            "fr",
            {"country/lithuania", "country/latvia"},
        ),
        (
            "La marine nord-coréenne et la marine grecque ont mené mardi un exercice conjoint.",
            "fr",
            {"country/north-korea", "country/greece"},
        ),
    ],
)
def test_every_country_acts_by_its_french_name_and_its_demonyms(
    kb, body: str, language: str, countries: set[str]
) -> None:
    # the knowledge base knew 61 countries; GeoNames gave the others' English names only,
    # and no demonyms ("marocaines", "Kenyan"); a French demonym in -éen lacked "-éenne"
    [event] = sentences_and_events(body, language, date(2031, 3, 14), kb)[1]
    assert countries <= _keys(event)
