"""What an undated sentence tells beside its news (stop 34): a time it points
back at ("at the time", "shortly thereafter", "peu après"), a clause that says
when by another happening ("as the war got underway", "lorsque"), whom a
statement is made to ("told Nordic Insight Partners"); and a verb or a compound
word taken for an event noun ("ask to meet", "post-war"). Invented sentences
(people and companies invented, countries real); none appear in ``graph/``.

Each test fails on the code before the mechanism, unless its comment calls it a
guard (what the change must keep).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.extraction import SUNDAY, events_of

_events = events_of


def _actors(event) -> set[str]:
    return {a.key for a in event.actors}


def _of(events, trigger: str):
    found = [e for e in events if e.trigger and e.trigger.lower().startswith(trigger)]
    assert len(found) == 1, [(e.event_type, e.trigger, e.sentence) for e in events]
    return found[0]


# --- a time the sentence points back at -------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "trigger", "when"),
    [
        # after the decree's year, up to the report; not the report's days
        (
            "Edvard Lindqvist signed the Nordvik space decree in 2011. The Nordvik Launch "
            "Company was founded by his cousin shortly thereafter.",
            "en",
            "founded",
            (date(2011, 1, 1), SUNDAY, "after-told"),
        ),
        (
            "Edvard Lindqvist a signé le décret spatial de Nordvik en 2011. La Nordvik Launch "
            "Company a été fondée peu après par son cousin.",
            "fr",
            "fondée",
            (date(2011, 1, 1), SUNDAY, "after-told"),
        ),
        # at the time of the meeting told before
        (
            "Edvard Lindqvist met Marion Castellan in Oslo on March 3, 2019. At the time, "
            "Lindqvist signed a fishing accord with Valdoria.",
            "en",
            "signed",
            (date(2019, 3, 3), date(2019, 3, 3), "discourse-time"),
        ),
        (
            "Edvard Lindqvist a rencontré Marion Castellan à Oslo le 3 mars 2019. À l'époque, "
            "Lindqvist a signé un accord de pêche.",
            "fr",
            "signé",
            (date(2019, 3, 3), date(2019, 3, 3), "discourse-time"),
        ),
    ],
)
def test_a_time_pointed_back_at_is_the_time_told_before(body, language, trigger, when, kb):
    told = _of(_events(body, language, kb), trigger)
    assert (told.time.begin, told.time.last, told.time.rule) == when


def test_pointing_back_at_nothing_dated_leaves_the_time_unknown(kb):
    events = _events(
        "The Nordvik Launch Company was founded by Edvard Lindqvist's cousin shortly thereafter.",
        "en",
        kb,
    )
    founded = _of(events, "founded")
    # never the report's days, which the words rule out
    assert founded.time.rule == "unknown-time"
    assert founded.time.last > SUNDAY


@pytest.mark.parametrize(
    ("body", "language", "trigger"),
    [
        # stop 36: a happening that came before the news, at a time nothing tells
        ("Marion Castellan has previously called on the Nordvik Treasury to fund the agency.",
         "en", "called"),
        ("Edvard Lindqvist a auparavant rencontré Marion Castellan à Oslo.", "fr", "rencontré"),
    ],
)  # fmt: skip
def test_what_came_before_the_news_is_of_an_unknown_time(body, language, trigger, kb):
    told = _of(_events(body, language, kb), trigger)
    assert told.time.rule == "unknown-time"


def test_a_happening_told_without_such_words_is_of_the_reports_days(kb):
    # guard: the same happening with no word placing it before the news
    told = _of(_events("Edvard Lindqvist a rencontré Marion Castellan à Oslo.", "fr", kb),
               "rencontré")  # fmt: skip
    assert told.time.rule == "report-time"


def test_a_later_happening_reported_leaves_the_statement_at_report_time(kb):
    # guard: "later" places the sealing, not Ingrid Solberg's statement
    said = _of(
        _events(
            "Police officers later sealed off the area to clear the debris, Ingrid Solberg said.",
            "en",
            kb,
        ),
        "said",
    )
    assert said.time.rule == "report-time"
    assert said.time.begin == SUNDAY - timedelta(days=2)


# --- a clause that says when by another happening ----------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Her posts became more stridently pro-Ukrainian as Russia's war in Ukraine got underway.",
            "en",
        ),
        (
            "One episode shows her loyalty, when Marion Castellan told Ingrid Solberg about the "
            "abuse she suffered at home.",
            "en",
        ),
        (
            "Ses messages sont devenus plus critiques envers Valdoria lorsque la guerre a "
            "commencé en Ostland.",
            "fr",
        ),
    ],
)
def test_a_happening_only_in_a_when_clause_is_background(body, language, kb):
    assert _events(body, language, kb) == []


def test_who_a_when_clause_names_does_not_act_in_the_sentences_happening(kb):
    appointed = _of(
        _events(
            "When Edvard Lindqvist resigned, the board appointed Marion Castellan as its chair.",
            "en",
            kb,
        ),
        "appointed",
    )
    assert _actors(appointed) == {"person/marion-castellan"}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # stop 36: a when-clause right after the sentence's own date tells what
        # happened then; whom it names acts
        ("No fuel or medical supplies have reached Sweden's northern towns since 2 March, when "
         "Norway shut the fjord to fishing boats.", "en"),
        ("Aucun carburant n'a atteint les villes du nord de la Suède depuis le 2 mars, lorsque "
         "la Norvège a fermé le fjord aux bateaux de pêche.", "fr"),
    ],
)  # fmt: skip
def test_a_when_clause_right_after_the_date_tells_its_happening(body, language, kb):
    [event] = [e for e in _events(body, language, kb) if e.time.begin == date(2031, 3, 2)]
    assert "country/norway" in _actors(event)


@pytest.mark.parametrize(
    ("body", "trigger"),
    [
        # guard: "It comes as…" frames the news; it is no background
        (
            "It comes as police in Nordby have detained two managers of the Nordvik Hostel.",
            "detained",
        ),
        # guard: "as well as" opens no clause
        (
            "Edvard Lindqvist as well as two crew members of Nordposten were wounded in the "
            "attack.",
            "attack",
        ),
    ],
)
def test_an_opener_that_frames_the_news_or_is_an_idiom_keeps_it(body, trigger, kb):
    assert any(
        e.trigger and e.trigger.lower().startswith(trigger) for e in _events(body, "en", kb)
    ), [(e.event_type, e.trigger) for e in _events(body, "en", kb)]


# --- whom a statement is made to ----------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "speaker", "audience"),
    [
        (
            "“The minimum wait time is long,” Ingrid Solberg told Nordic Insight Partners.",
            "en",
            "person/ingrid-solberg",
            "organization/nordic-insight-partners",
        ),
        (
            "Edvard Lindqvist a déclaré à l'Institut nordique des études spatiales que les "
            "essais étaient terminés.",
            "fr",
            "person/edvard-lindqvist",
            "organization/institut-nordique-des-etudes-spatiales",
        ),
    ],
)
def test_the_organisation_a_statement_is_told_to_takes_part_in_it(
    body, language, speaker, audience, kb
):
    # it does nothing of what is told, but the telling is made to it (stop 41: the
    # gold of the dev corpus and of the unseen pages read the interviewer so)
    said = [e for e in _events(body, language, kb) if e.event_type == "Statement"]
    assert len(said) == 1, [(e.event_type, e.trigger) for e in _events(body, language, kb)]
    assert speaker in _actors(said[0])
    assert audience in _actors(said[0])


def test_the_person_a_statement_is_told_to_still_acts(kb):
    # guard: a person told something takes part ("X told Y")
    said = _of(
        _events(
            "Edvard Lindqvist told Marion Castellan that the fishing talks were over.", "en", kb
        ),
        "told",
    )
    assert {"person/edvard-lindqvist", "person/marion-castellan"} <= _actors(said)


# --- a verb or a compound is no event noun -------------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Edvard Lindqvist would later ask to meet Marion Castellan's sister.", "en"),
        (
            "Edvard Lindqvist was the last contender who was fighting for the soul of the "
            "Nordvik Party.",
            "en",
        ),
        ("Marion Castellan became the longest-serving post-war mayor of Nordby.", "en"),
        ("Edvard Lindqvist a supplié Marion Castellan de rencontrer le ministre.", "fr"),
    ],
)
def test_an_infinitive_a_gerund_or_a_compound_tells_no_happening(body, language, kb):
    assert _events(body, language, kb) == []


def test_an_unmarked_infinitive_still_tells_what_is_to_come(kb):
    # guard: "doit s'entretenir" is a plan, its infinitive marked by nothing
    (talks,) = _events("Edvard Lindqvist doit s'entretenir avec Marion Castellan.", "fr", kb)
    assert talks.event_type == "Meeting"
    assert talks.time.begin == SUNDAY


# --- a state told with a copula is no happening --------------------------------


def test_a_year_told_only_with_a_copula_is_a_state(kb):
    # the when-clause without the time is not the time's clause
    body = "Marion Castellan was 12 in 1976 when her mother took a job in Oslo."
    assert _events(body, "en", kb) == []


def test_a_year_told_with_a_verb_still_dates_a_happening(kb):
    # guard: an untyped happening in the past keeps its year
    (graduated,) = _events("Marion Castellan graduated from the Nordby School in 1981.", "en", kb)
    assert (graduated.time.begin, graduated.time.last) == (date(1981, 1, 1), date(1981, 12, 31))


def test_a_suggestion_is_a_statement(kb):
    (said,) = _events(
        "Nordvik's foreign minister Edvard Lindqvist suggested a fishing quarantine for Valdoria.",
        "en",
        kb,
    )
    assert said.event_type == "Statement"
    assert "person/edvard-lindqvist" in _actors(said)


# --- who does it, what may not happen, what used to happen ---------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # "visitors", "travellers": who visits, no visit
        (
            "The Nordby Lodge, with 2.4 million visitors annually, has long catered to "
            "travellers from Valdoria.",
            "en",
        ),
        # on a condition: may not happen, dated or not
        ("Marion Castellan would back Edvard Lindqvist if he is nominated this summer.", "en"),
        ("Marion Castellan soutiendra Edvard Lindqvist s'il est nommé.", "fr"),
        # what used to happen is no news of the report's days
        ("The Nordvik Fund has repeatedly sued the Valdorian government.", "en"),
    ],
)
def test_an_agent_noun_a_condition_or_a_habit_tells_no_happening(body, language, kb):
    assert _events(body, language, kb) == []


def test_a_habit_told_in_a_statement_leaves_the_statement(kb):
    # guard: the habit is what is said; the saying is the report's
    (said,) = _events(
        "Marion Castellan said she usually received the envelope at the airport.", "en", kb
    )
    assert said.event_type == "Statement"


def test_a_day_before_a_past_saying_is_the_sayings_whatever_it_reports_to_come(kb):
    # "On Tuesday, X said the move would…": the future is what is said, Tuesday is past
    (said,) = _events(
        "On Tuesday, Edvard Lindqvist said the vote would not stop the fishing talks.", "en", kb
    )
    assert said.time.begin == SUNDAY - timedelta(days=5)


@pytest.mark.parametrize(
    ("body", "language", "actors"),
    [
        (
            "Edvard Lindqvist thanked Valdoria for its help to Marion Castellan, who met "
            "Ingrid Solberg on Thursday.",
            "en",
            {"person/marion-castellan", "person/ingrid-solberg"},
        ),
        (
            "Edvard Lindqvist a remercié la Norvège pour son aide à Marion Castellan, qui a "
            "rencontré Ingrid Solberg jeudi.",
            "fr",
            {"person/marion-castellan", "person/ingrid-solberg"},
        ),
    ],
)
def test_a_happening_told_in_a_relative_clause_is_its_antecedents(body, language, actors, kb):
    # who thanked whom is not who met: the clause's happening has its antecedent
    (met,) = [e for e in _events(body, language, kb) if e.event_type == "Meeting"]
    assert _actors(met) == actors


def test_a_quarters_figure_is_no_happening(kb):
    body = "Le groupe Nordvik Telecom a subi une perte nette de 142 millions d'euros au deuxième trimestre."
    assert _events(body, "fr", kb) == []


def test_a_quarter_with_no_figure_still_dates_a_happening(kb):
    # guard: what the group did in the quarter is a happening of it
    (left,) = _events("Le groupe Nordvik Telecom a quitté la Bourse d'Oslo au deuxième trimestre.",
                      "fr", kb)  # fmt: skip
    assert (left.time.begin, left.time.last) == (date(2031, 4, 1), date(2031, 6, 30))


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # "he" names no one before: Edvard Lindqvist is spoken of, he did not speak
        ("He noted that Edvard Lindqvist might take a step that will surprise everyone.", "en"),
        # a common noun is the subject: the names after the verb are what is said
        ("Security personnel said Edvard Lindqvist was unavailable.", "en"),
        ("In a statement, the teacher added that Marion Castellan was doing well.", "en"),
        ("La police a indiqué qu'Edvard Lindqvist avait quitté Nordby.", "fr"),
        ("Asked about the talks, she said Marion Castellan would stay in Oslo.", "en"),
    ],
)
def test_a_statement_whose_subject_names_nobody_is_not_of_whom_it_speaks(body, language, kb):
    said = [e for e in _events(body, language, kb) if e.event_type == "Statement"]
    assert all(not _actors(e) & {"person/edvard-lindqvist", "person/marion-castellan"}
               for e in said), [(e.sentence, _actors(e)) for e in said]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        # guard: the pronoun's person is found in the sentence before
        (
            "Marion Castellan met the press in Oslo. She said Edvard Lindqvist would resign.",
            "en",
            "person/marion-castellan",
        ),
        # guard: a first person in a quote, the speaker after the verb
        (
            "« Nous dépendons tous du merlu », déclare Edvard Lindqvist, second du navire.",
            "fr",
            "person/edvard-lindqvist",
        ),
        # guard: a passive, its agent after the verb
        (
            "The plan was criticised by Marion Castellan on Monday.",
            "en",
            "person/marion-castellan",
        ),
        # guard: a relative pronoun, whom it stands for before the comma
        (
            "The board thanked Marion Castellan, who said Nordvik would sign the accord.",
            "en",
            "person/marion-castellan",
        ),
        # guard: a named subject
        (
            "Norway's foreign ministry said Marion Castellan had left Oslo.",
            "en",
            "country/norway",
        ),
    ],
)
def test_a_statement_with_its_speaker_found_keeps_it(body, language, speaker, kb):
    said = [e for e in _events(body, language, kb) if e.event_type == "Statement"]
    assert said and speaker in _actors(said[-1])


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # a passive of a verb of saying with no agent: nobody's statement
        ("Marion Castellan is said to have left Oslo on Monday.", "en"),
        ("On Monday, Edvard Lindqvist was told to leave Oslo.", "en"),
        ("Le projet de Marion Castellan a été dénoncé lundi à Nordby.", "fr"),
    ],
)
def test_a_passive_of_saying_without_its_agent_is_no_statement(body, language, kb):
    said = [e for e in _events(body, language, kb) if e.event_type == "Statement"]
    assert said == [], [(e.trigger, _actors(e)) for e in said]  # what did happen may stay


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # guard: a quote ends before the verb ("is" belongs to the quote)
        ("“Space is hard,” said Marion Castellan on Monday.", "en"),
        # guard: the agent follows
        ("Le projet a été dénoncé lundi par Marion Castellan.", "fr"),
    ],
)
def test_a_verb_of_saying_with_its_speaker_stays_a_statement(body, language, kb):
    said = [e for e in _events(body, language, kb) if e.event_type == "Statement"]
    assert said and "person/marion-castellan" in _actors(said[0])


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # the month is of what the relative clause tells of her, no trigger types it
        (
            "Marion Castellan, who waived her immunity in September, said the accord would hold.",
            "en",
        ),
        (
            "Edvard Lindqvist, qui a levé son anonymat en septembre, a déclaré que l'accord tiendrait.",
            "fr",
        ),
    ],
)
def test_a_time_in_a_relative_clause_about_someone_dates_nothing(body, language, kb):
    said = [e for e in _events(body, language, kb) if e.event_type == "Statement"]
    assert said and all(e.time.rule == "report-time" for e in said), [
        (e.time.text, e.time.rule) for e in said
    ]


def test_a_relative_clause_after_a_place_still_dates_the_happening(kb):
    # guard: "which will last" is of the exercises, the nearest name is a place
    body = ("Norway is holding military exercises with Sweden near the border with Finland, "
            "which will last until July 19.")  # fmt: skip
    (drills,) = [e for e in _events(body, "en", kb) if e.event_type == "MilitaryExercise"]
    assert drills.time.last.month == 7 and drills.time.last.day == 19


@pytest.mark.parametrize(
    ("body", "language", "kind"),
    [
        # a happening called off before it took place did not happen
        ("The heavy winds forced Nordvik Space to scrap the launch on Monday.", "en", "Launch"),
        ("Marion Castellan a dû annuler sa visite à Oslo lundi.", "fr", "Visit"),
    ],
)
def test_a_happening_called_off_is_no_event(body, language, kind, kb):
    assert [e for e in _events(body, language, kb) if e.event_type == kind] == []


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # the first one named in the sentence before is whom the speaker was asked about
        (
            "Asked about Marion Castellan, Edvard Lindqvist said the talks went well. "
            "“We will sign soon,” he said.",
            "en",
        ),
        (
            "“About Marion Castellan, I have nothing to say,” said Edvard Lindqvist. "
            "“We will sign soon,” he added.",
            "en",
        ),
        # guard: the French shape, which the code before got right too
        (
            "« Sur Marion Castellan, je n'ai rien à dire », a déclaré Edvard Lindqvist. "
            "« Nous signerons bientôt », a-t-il ajouté.",
            "fr",
        ),
    ],
)
def test_a_pronoun_speaking_after_a_quote_is_the_last_speaker(body, language, kb):
    said = [e for e in _events(body, language, kb) if e.event_type == "Statement"]
    last = [e for e in said if "bientôt" in e.sentence or "sign soon" in e.sentence]
    assert last and _actors(last[0]) == {"person/edvard-lindqvist"}, [
        (e.sentence, _actors(e)) for e in said
    ]


# --- a past narrative (stop 38) ---------------------------------------------


def test_an_undated_happening_in_a_past_narrative_is_not_the_reports(kb):
    """After happenings dated years before the report, an undated one told in the
    past is of that story: between the latest of them and the report."""
    body = ("Edvard Lindqvist was charged with fraud in Oslo in 2019. He was convicted and "
            "sent to prison.")  # fmt: skip
    [convicted] = [e for e in _events(body, "en", kb) if e.sentence_index == 1]
    assert (convicted.time.begin, convicted.time.last) == (date(2019, 1, 1), SUNDAY)
    assert convicted.time.rule == "after-told"


@pytest.mark.parametrize(
    "body",
    [
        # a statement is the report's: whom it quotes spoke to the reporter
        "Edvard Lindqvist was charged with fraud in Oslo in 2019. Marion Castellan said "
        "the case had shaken the town.",
        # news of the report's weeks before the background sentence: news again
        "Norway arrested Edvard Lindqvist in Oslo on Monday. He had been charged with fraud "
        "in 2019. Marion Castellan was arrested in Bergen.",
    ],
)
def test_news_after_a_background_sentence_keeps_the_reports_days(kb, body):
    """Guard."""
    last = max(e.sentence_index for e in _events(body, "en", kb))
    [told] = [e for e in _events(body, "en", kb) if e.sentence_index == last]
    assert told.time.rule == "report-time"


# --- a happening the sentence relates to (stop 38) ---------------------------


@pytest.mark.parametrize(
    ("body", "language", "when"),
    [
        ("Norway said on Thursday it had arrested three men over Tuesday's attack on the "
         "port of Bergen.", "en", SUNDAY - timedelta(days=5)),
        ("La Norvège a arrêté jeudi trois hommes liés à l'attentat de mardi contre le port "
         "de Bergen.", "fr", SUNDAY - timedelta(days=5)),
        # "Swedish-controlled" is an adjective: no verb ends the phrase there
        ("Norway said it struck camps linked to last month's massacre of tourists in the "
         "Swedish-controlled part of the island.", "en", date(2031, 10, 1)),
    ],
)  # fmt: skip
def test_a_happening_the_sentence_relates_to_is_not_its_subjects(kb, body, language, when):
    """ "arrested three men over Tuesday's attack", "liés à l'attentat de mardi":
    the attack is spoken of (`[cues] about_phrase`); Norway did not attack."""
    attacks = [e for e in _events(body, language, kb) if e.time.begin == when]
    assert not any("country/norway" in _actors(e) for e in attacks), [
        (e.event_type, e.time.begin, _actors(e)) for e in attacks
    ]
