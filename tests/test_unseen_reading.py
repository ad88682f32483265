"""What a hand-read of real news pages nobody tuned to found wrong, mended by
general mechanisms (stop 31): a figure's period taken for a happening's date,
what used to happen taken for one happening, a country's name before a role
("US President") read as no role. Invented sentences (names invented, countries
real); none of them appear in ``graph/``.

Each test fails on the code before the mechanism it tests, unless its comment
calls it a guard; a parametrised test may hold a case the code before already
passed (the French figure and habit), kept as what the change must keep.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction import SUNDAY, events_of, sentences_and_events

_DAY = SUNDAY
_events = events_of


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "La Valdorie reste le maillon faible de la zone, avec une croissance atone "
            "(+ 0,1 % en 2030) et un accord commercial en suspens.",
            "fr",
        ),
        ("Nordvik's exports of timber fell to 4.2 billion in 2030 under the trade deal.", "en"),
        ("Les ventes de Nordvik Energy ont atteint 12 milliards d'euros en 2029.", "fr"),
    ],
)
def test_a_figures_period_dates_no_happening(kb, body: str, language: str) -> None:
    # the year after "0,1 %" or "4.2 billion" is how long the figure was counted,
    # no day something happened: the accord and the deal were events of that year
    assert all(
        e.time.begin is None or e.time.begin.year == 2031 for e in _events(body, language, kb)
    )


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Le port de Valdoria a signé un accord de 4 milliards avec la Norvège en 2030.", "fr"),
        ("Nordvik Energy signed a deal worth 4 billion with Valdoria in 2030.", "en"),
    ],
)
def test_a_happening_after_a_figure_keeps_its_year(kb, body: str, language: str) -> None:
    # guard: "4 billion with Valdoria in 2030": a name, not a unit, before the year
    [event] = _events(body, language, kb)
    assert event.time.begin == date(2030, 1, 1)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("La qualité de l'eau à Valdoria a souvent fait la une de l'actualité en 2030.", "fr"),
        ("Nordvik Energy's safety record often made headlines in 2030.", "en"),
    ],
)
def test_what_used_to_happen_is_no_happening_of_its_year(kb, body: str, language: str) -> None:
    assert _events(body, language, kb) == []


def test_a_happening_of_its_year_without_a_frequency_stays(kb) -> None:
    # guard: the same sentence without "often" tells a happening of 2030
    [event] = _events("Nordvik Energy's safety record made headlines in 2030.", "en", kb)
    assert event.time.begin == date(2030, 1, 1)


def test_a_countrys_name_before_a_role_names_the_roles_holder(kb) -> None:
    body = (
        "US President Edvard Lindqvist visited Nordvik Energy's plant on Friday. "
        '"We will rebuild," the US President said on Saturday.'
    )
    said = [e for e in _events(body, "en", kb) if e.sentence_index == 1]
    assert [e.event_type for e in said] == ["Statement"]
    assert "person/edvard-lindqvist" in {a.key for a in said[0].actors}


def test_a_pronoun_before_a_role_is_no_country(kb) -> None:
    # guard: the role regex reads a country's name caselessly; "us" is a pronoun
    [event] = _events("Edvard Lindqvist told us president-elect stories on Friday.", "en", kb)
    assert "country/united-states" not in {a.key for a in event.actors}


def test_a_role_holder_keeps_the_name_the_sentence_gives(kb) -> None:
    # the holder of "Zimbabwean President" was labelled by its key's slug ("edvard-lindqvist")
    [event] = _events("Zimbabwean President Edvard Lindqvist was detained on Friday.", "en", kb)
    labels = {a.key: a.label for a in event.actors}
    assert labels["person/edvard-lindqvist"] == "Edvard Lindqvist"


@pytest.mark.parametrize(
    "verb", ["indicated", "noted", "explained", "admitted", "reiterated", "replied", "tweeted"]
)
def test_more_verbs_of_saying_tell_statements(kb, verb: str) -> None:
    # these made an event of the fallback type, or none when told without a date
    body = f"Edvard Lindqvist {verb} on Friday that Valdoria was ready to talk."
    [event] = _events(body, "en", kb)
    assert event.event_type == "Statement"
    assert event.time.begin == date(2031, 11, 28)


@pytest.mark.parametrize(
    ("body", "language", "actor", "not_acting"),
    [
        (
            "Edvard Lindqvist, a former adviser to the Russian government, told reporters on "
            "Friday that the talks had failed.",
            "en",
            "person/edvard-lindqvist",
            "country/russia",
        ),
        (
            "Marion Castellan, députée socialiste des Français de l'étranger, a annoncé vendredi "
            "qu'elle saisirait le Conseil constitutionnel.",
            "fr",
            None,
            "country/france",
        ),
        # an aside that ends the sentence, after a saying's subject
        (
            "“The talks will resume,” said Edvard Lindqvist, a senior fellow at the Centre for "
            "Health and Human Rights at Valdoria University.",
            "en",
            "person/edvard-lindqvist",
            "organization/valdoria-university",
        ),
        # asides one after the other: an age, a bare noun, then the post
        (
            "Edvard Lindqvist, 45, a lawyer at Nordvik Capital, said the deal would collapse.",
            "en",
            "person/edvard-lindqvist",
            "organization/nordvik-capital",
        ),
        (
            "Ce processus est la norme, explique Marion Castellan, toxicologue, ancienne de "
            "l'Agence nordique de sécurité sanitaire.",
            "fr",
            "person/marion-castellan",
            "organization/agence-nordique-de-securite-sanitaire",
        ),
    ],
)
def test_who_an_aside_after_a_name_says_someone_is_does_not_act(
    kb, body: str, language: str, actor: str | None, not_acting: str
) -> None:
    # the post's country or organisation described who spoke; it did not speak
    [event] = _events(body, language, kb)
    keys = {a.key for a in event.actors}
    assert not_acting not in keys
    assert actor is None or actor in keys


def test_an_office_in_an_aside_still_acts_for_its_country(kb) -> None:
    # guard: "le chancelier autrichien" is a head of government's office
    body = "Vendredi, Edvard Lindqvist, le chancelier autrichien, a rencontré Marion Castellan."
    [event] = _events(body, "fr", kb)
    assert "country/austria" in {a.key for a in event.actors}


@pytest.mark.parametrize(
    ("body", "language", "acting"),
    [
        # who speaks for a country or a body: it acts through them
        (
            "Edvard Lindqvist, Norway's envoy, said on Friday the talks had failed.",
            "en",
            "country/norway",
        ),
        (
            "L'accord a été signé vendredi par Edvard Lindqvist, ministre norvégien, et le "
            "directeur de l'agence russe, Ingrid Solberg.",
            "fr",
            "country/russia",
        ),
    ],
)
def test_an_aside_of_a_spokesperson_or_a_conjunct_still_acts(
    kb, body: str, language: str, acting: str
) -> None:
    # ", Norway's envoy," speaks for Norway; ", et le directeur de l'agence russe," is
    # a second signatory, no description of the first
    [event] = _events(body, language, kb)
    assert acting in {a.key for a in event.actors}


@pytest.mark.parametrize(
    ("body", "language", "born"),
    [
        ("Dimanche, ce sera aussi le 68e anniversaire de Claudio Marchetti.", "fr", 1963),
        (
            "On Friday the town marked the 100th anniversary of the pianist Ingrid Solberg.",
            "en",
            1931,
        ),
    ],
)
def test_an_anniversary_of_a_person_is_their_birth(kb, body: str, language: str, born: int) -> None:
    # "anniversaire" is a founding's trigger: "le 68e anniversaire de X" founded X
    births = [e for e in _events(body, language, kb) if e.time.begin.year == born]
    assert [e.event_type for e in births] == ["Birth"]
    assert all(a.kind == "person" for a in births[0].actors)


def test_an_anniversary_of_a_founding_stays_a_founding(kb) -> None:
    # guard: "de l'établissement des relations" is a happening's anniversary, and
    # "the anniversary of the death of X" the death's
    body = "Dimanche marquait le 70e anniversaire de l'établissement des relations entre la Chine et la Russie."
    [founding] = [e for e in _events(body, "fr", kb) if e.time.begin.year == 1961]
    assert founding.event_type == "Establishment"


def test_a_years_statistic_no_trigger_types_is_no_happening(kb) -> None:
    # a year's figure is a background; the fallback type made it an event of 2030
    body = "En 2030, les exportations de la Norvège ont progressé de 11 %."
    assert all(e.time.begin.year != 2030 for e in _events(body, "fr", kb))


def test_a_name_goes_on_through_the_hyphens_the_tokenizer_split(kb) -> None:
    # the English tokenizer splits "Stratford-upon-Avon"; the model named "Stratford"
    body = "The team flew home from Stratford-upon-Avon on Sunday."
    mentions = sentences_and_events(body, "en", _DAY, kb)[0][0].mentions
    assert "Stratford-upon-Avon" in {m.text for m in mentions}


def test_two_names_joined_by_a_hyphen_stay_two(kb) -> None:
    # guard: no lower-case joint, two countries
    body = "The Russia-Ukraine talks resumed in Geneva on Sunday."
    mentions = sentences_and_events(body, "en", _DAY, kb)[0][0].mentions
    assert {"country/russia", "country/ukraine"} <= {m.key for m in mentions}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("On Friday Norway outlawed the group behind the attack.", "en"),
        (
            "The executive order that Edvard Lindqvist plans to sign on Friday has a review period.",
            "en",
        ),
        ("Vendredi, la Norvège a interdit l'exportation du médicament.", "fr"),
    ],
)
def test_bans_and_executive_orders_are_decisions(kb, body: str, language: str) -> None:
    # "outlawed … the attack" was an attack; an executive order or a ban was of the fallback type
    types = {e.event_type for e in _events(body, language, kb)}
    assert "Decision" in types and "Attack" not in types


def test_a_years_tonnage_no_trigger_types_is_no_happening(kb) -> None:
    body = "Près de 45 tonnes de pesticide ont été utilisées en 2030 en Norvège."
    assert all(e.time.begin.year != 2030 for e in _events(body, "fr", kb))


def test_a_question_tells_no_happening_no_trigger_types(kb) -> None:
    # an interviewer's question in a trial report was an event of "last week"
    body = '"Are you aware that the Nordvik loan was paid off last week?" Edvard Lindqvist asked.'
    assert all(e.event_type != "Other" for e in _events(body, "en", kb))


def test_a_city_the_model_reads_as_a_person_after_a_word_of_place_is_a_place(kb) -> None:
    # the French model read "Katmandou" as a person, which then arrived; GeoNames
    # lists it among Kathmandu's names in other languages
    body = "L’appareil, affrété par Nordvik Energy, était arrivé à Katmandou mercredi matin avec 55 médecins."
    mentions = sentences_and_events(body, "fr", _DAY, kb)[0][0].mentions
    assert {m.kind for m in mentions if m.text == "Katmandou"} == {"place"}


_LEAD_EN = """The Nordvik Central Bank cut interest rates by half a percentage point on Wednesday, its first cut in four years.

The decision lowers the main rate to 3.5 percent.

Inflation has eased in recent months, and unemployment has risen.

Analysts at Valdoria Capital expect two more cuts in 2032.

{later}
"""


def _told(body: str, language: str, published: date, kb, start: str):
    events = sentences_and_events(body, language, published, kb)[1]
    return [e for e in events if e.sentence.startswith(start)]


def test_what_the_leads_actor_did_later_in_the_report_is_of_the_leads_day(kb) -> None:
    body = _LEAD_EN.format(later="The Nordvik Central Bank said in a statement that the "
                                 "economy was slowing.")  # fmt: skip
    (said,) = _told(body, "en", date(2031, 9, 17), kb, "The Nordvik Central Bank said")
    assert (said.time.begin, said.time.last) == (date(2031, 9, 17), date(2031, 9, 17))
    assert said.time.rule == "discourse-time"


def test_what_the_leads_actor_did_before_keeps_the_report_time(kb) -> None:
    body = _LEAD_EN.format(later="The Nordvik Central Bank had already raised its forecast "
                                 "for unemployment.")  # fmt: skip
    for told in _told(body, "en", date(2031, 9, 17), kb, "The Nordvik Central Bank had"):
        assert told.time.rule != "discourse-time"  # a guard: it was report time before


def test_a_lead_a_week_before_the_report_dates_nothing_later(kb) -> None:
    # a guard: the lead is no news of the report's days (it was report time before)
    body = _LEAD_EN.format(later="The Nordvik Central Bank said in a statement that the "
                                 "economy was slowing.")  # fmt: skip
    (said,) = _told(body, "en", date(2031, 9, 23), kb, "The Nordvik Central Bank said")
    assert said.time.rule == "report-time"


def test_what_the_leads_person_said_later_in_a_french_report_is_of_the_leads_day(kb) -> None:
    body = (
        "Le ministre Edvard Lindqvist a inauguré mardi le nouveau port de Nordby.\n\n"
        "Le chantier avait coûté 2 milliards de couronnes.\n\n"
        "La ville compte 80 000 habitants.\n\n"
        "Les travaux ont commencé en 2027.\n\n"
        "Edvard Lindqvist a salué « un jour historique » pour la région.\n"
    )
    (hailed,) = _told(body, "fr", date(2031, 11, 25), kb, "Edvard Lindqvist a salué")
    assert (hailed.time.begin, hailed.time.rule) == (date(2031, 11, 25), "discourse-time")


@pytest.mark.parametrize(
    ("body", "language", "start", "day"),
    [
        (
            "Edvard Lindqvist entered the Nordby town hall on the evening of June 17, 2030, and "
            "opened fire.\n\nOne witness, Ingrid Solberg, described hiding under a table.\n\n"
            "Lindqvist was arrested the next day.",
            "en",
            "Lindqvist was arrested",
            date(2030, 6, 18),
        ),
        (
            "Le ministre Edvard Lindqvist a quitté Brest le 3 mars 2030 à bord d'une frégate. "
            "Edvard Lindqvist est arrivé à Oslo trois jours plus tard.",
            "fr",
            "Edvard Lindqvist est arrivé",
            date(2030, 3, 6),
        ),
        (
            "Le ministre Edvard Lindqvist a rencontré le 3 mars 2030 Marion Castellan à Brest. "
            "La veille, Marion Castellan avait rencontré Ingrid Solberg à Oslo.",
            "fr",
            "La veille",
            date(2030, 3, 2),
        ),
    ],
)
def test_a_day_counted_from_no_named_happening_counts_from_the_last_one_told(
    kb, body: str, language: str, start: str, day: date
) -> None:
    # "the next day" was the day after the report's (a future arrest in a past
    # tense); "la veille" was no date at all
    (told,) = _told(body, language, date(2031, 12, 15), kb, start)
    assert (told.time.begin, told.time.last) == (day, day)
    assert told.time.anchor_kind == "event"


def test_a_day_counted_with_nothing_told_before_stays_the_reports(kb) -> None:
    # a guard: with no happening dated before, "two days later" counts from the report
    body = "Edvard Lindqvist will arrive in Oslo two days later, his office said."
    events = _told(body, "en", date(2031, 12, 15), kb, "Edvard Lindqvist will arrive")
    assert all(e.time.anchor_kind == "publication" for e in events)


@pytest.mark.parametrize(
    ("body", "language", "appointed", "replaced"),
    [
        (
            "Ingrid Solberg was appointed head coach of Nordvik FC on Saturday, replacing "
            "Edvard Lindqvist.",
            "en",
            "person/ingrid-solberg",
            "edvard-lindqvist",
        ),
        (
            "L'entraîneur italien Paulin Marchetti a été nommé samedi en remplacement d'Edvard "
            "Lindqvist, limogé.",
            "fr",
            "person/paulin-marchetti",
            "edvard-lindqvist",
        ),
    ],
)
def test_whom_an_appointment_replaces_does_not_act(
    kb, body: str, language: str, appointed: str, replaced: str
) -> None:
    (event,) = _events(body, language, kb)
    keys = {a.key for a in event.actors}
    assert appointed in keys and not any(k.endswith(replaced) for k in keys)


def test_a_noun_opening_the_sentence_names_whom_an_aside_just_called_so(kb) -> None:
    body = (
        "« Mon objectif est de sauver l'équipe », a déclaré mardi Paulin Marchetti, le nouvel "
        "entraîneur de Nordby FC. L'entraîneur italien a été nommé samedi en remplacement "
        "d'Edvard Lindqvist."
    )
    (named,) = _told(body, "fr", date(2031, 11, 30), kb, "L'entraîneur italien")
    assert {a.key for a in named.actors} == {"person/paulin-marchetti"}


def test_a_state_in_the_present_after_a_dated_happening_is_not_more_of_its_day(kb) -> None:
    body = (
        "Nordvik and Valdoria signed a border treaty in Oslo on Thursday. Several other "
        "serious conflicts are raging between Ostland and Valdoria in the south, along with a "
        "civil war in Ostland, which Nordvik has been suspected of inflaming."
    )
    events = _told(body, "en", date(2031, 11, 30), kb, "Several other")
    assert not any(e.time.rule == "same-day-as-previous-sentence" for e in events)


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "« Après avoir vu les reportages, j'ai décidé d'instituer une plainte contre le "
            "juge Edvard Lindqvist », a indiqué Ingrid Solberg.",
            "fr",
            "person/ingrid-solberg",
        ),
        (
            "“After reading the report, we decided to file a complaint against Edvard "
            "Lindqvist,” Ingrid Solberg said.",
            "en",
            "person/ingrid-solberg",
        ),
    ],
)
def test_a_speaker_telling_their_own_act_in_a_quote_acts(
    kb, body: str, language: str, speaker: str
) -> None:
    # a happening told in a quote has whom the quote names; "j'ai décidé", "we
    # decided" is the speaker's own act
    decided = [e for e in _events(body, language, kb) if e.event_type == "Decision"]
    assert decided and all(speaker in {a.key for a in e.actors} for e in decided)


def test_a_speaker_quoting_someone_elses_act_does_not_act(kb) -> None:
    # a guard: "we condemn the attack" — the attack is not the speaker's
    body = "“We condemn the attack on Kharkiv by Russia last week,” Ingrid Solberg said."
    attacks = [e for e in _events(body, "en", kb) if e.event_type == "Attack"]
    assert attacks and all("person/ingrid-solberg" not in {a.key for a in e.actors}
                           for e in attacks)  # fmt: skip


def test_wont_is_no_win(kb) -> None:
    body = (
        "Edvard Lindqvist signed with Nordvik FC on Monday. He won’t let go of the ball, and "
        "he is one of the best players in Nordby."
    )
    events = _told(body, "en", date(2031, 11, 30), kb, "He won")
    assert not any(e.event_type == "Award" for e in events)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("In the mid-2010s, Edvard Lindqvist lived in Nordby as a guest of Valdoria's government.",
         "en"),
        # a guard: the French imperfect was no happening already
        ("Dans les années 2010, Edvard Lindqvist vivait à Nordby, invité par le gouvernement "
         "valdorien.", "fr"),
    ],
)  # fmt: skip
def test_a_state_over_a_period_is_no_happening_of_it(kb, body: str, language: str) -> None:
    assert _events(body, language, kb) == []


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        # Friday is the shutdown's, which no trigger types: not the saying's day
        ("The Valdoria Grid Authority said two gas plants shut down on Friday.", "Other"),
        # a guard: the day said right after the verb of saying is the saying's
        ("The Valdoria Grid Authority said on Friday that two gas plants had shut down.",
         "Statement"),
    ],
)  # fmt: skip
def test_a_day_inside_what_is_said_dates_the_told_happening(kb, body: str, event_type: str) -> None:
    (told,) = _events(body, "en", kb)
    assert (told.event_type, told.time.begin) == (event_type, date(2031, 11, 28))


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Three Norway Airlines flights to Oslo were cancelled on Friday.", "en"),
        ("Trois vols de Norway Airlines ont été annulés vendredi.", "fr"),
    ],
)
def test_a_country_opening_a_companys_name_is_that_companys(kb, body: str, language: str) -> None:
    # "China Airlines", "Russia Today": the country's name is a word of the name
    [sentence], _ = sentences_and_events(body, language, _DAY, kb)
    assert [m.key for m in sentence.mentions if m.kind != "place"] == [
        "organization/norway-airlines"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Frack Free Norway says the hydrogen pipeline would cross the national park.",
        "Environmental group Frack Free Norway said the pipeline would cross the park.",
    ],
)
def test_a_country_closing_a_groups_name_is_that_groups(kb, body: str) -> None:
    # stop 34: the campaign group spoke, not Norway
    [sentence], events = sentences_and_events(body, "en", _DAY, kb)
    assert [m.key for m in sentence.mentions] == ["organization/frack-free-norway"]
    assert [a.key for e in events for a in e.actors] == ["organization/frack-free-norway"]


def test_an_institution_named_by_its_country_keeps_the_country(kb) -> None:
    # guard: "the Sweden Army said" is Sweden's statement
    [sentence], _ = sentences_and_events("The Sweden Army said on Friday it sent troops.", "en",
                                         _DAY, kb)  # fmt: skip
    assert "country/sweden" in {m.key for m in sentence.mentions}


def test_a_namesake_with_a_generational_suffix_is_another_person(kb) -> None:
    # "Donald Trump Jr" is not the president the knowledge base knows
    body = "Emmanuel Macron Jr. said on Friday that the pamphlet was a mistake."
    [sentence], _ = sentences_and_events(body, "en", _DAY, kb)
    assert "person/emmanuel-macron" not in {m.key for m in sentence.mentions}


@pytest.mark.parametrize(
    "body",
    [
        "Marion Castellan claimed that on the night of November 2, Swedish jets took off.",
        "Marion Castellan alleged that Swedish jets took off on November 2.",
    ],
)
def test_who_claims_that_a_dated_happening_took_place_does_not_act_in_it(kb, body: str) -> None:
    # a verb right before "that" reports its clause, even one no trigger lists
    [event] = [e for e in _events(body, "en", kb) if e.time.begin == date(2031, 11, 2)]
    assert {a.key for a in event.actors} == {"country/sweden"}


def test_a_ruling_that_a_dated_happening_took_place_is_the_rulers_act(kb) -> None:
    # guard: the verb before "that" is the happening itself: its subject acts
    body = "The Nordvik Energy board decided on Friday that the Oslo plant would close."
    [event] = [e for e in _events(body, "en", kb) if e.time.begin == date(2031, 11, 28)]
    assert "organization/nordvik-energy" in {a.key for a in event.actors}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Le capitaine Paulin Marchetti admet que le secteur s'est opposé aux quotas.", "fr"),
        ("« La situation est grave », confie Paulin Marchetti.", "fr"),
        ("Ingrid Solberg acknowledged that the licence was renewed without consultation.", "en"),
        ("Ingrid Solberg insists the deal is fair.", "en"),
    ],
)
def test_verbs_of_admitting_and_confiding_tell_statements(kb, body: str, language: str) -> None:
    # "admet", "confie", "acknowledged", "insists" were no trigger: the sentence
    # was typed Other, or no event
    [event] = _events(body, language, kb)
    assert event.event_type == "Statement"


def test_who_reports_that_a_dated_happening_took_place_acts_in_the_report(kb) -> None:
    # the event read is the reporting itself: its teller acts, even after another
    # verb of saying ("has not acknowledged it") earlier in the sentence
    body = (
        "While Norway has not acknowledged it, Nordvik Energy reported that on Saturday two "
        "Norwegian ships appeared near Gotland."
    )
    [event] = _events(body, "en", kb)
    assert event.event_type == "Announcement"
    assert "organization/nordvik-energy" in {a.key for a in event.actors}


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        ("Marion Castellan met the visiting Swedish delegation in Oslo on Friday.", "Meeting"),
        # guard: a gerund after a determiner is still a happening's noun (whose
        # parties are named: the teller after it acts in none, stop 38)
        (
            "The fighting between Norwegian and Swedish troops near Narvik resumed on Friday, "
            "Ingrid Solberg said.",
            "Conflict",
        ),
    ],
)
def test_a_participle_qualifying_a_noun_tells_no_happening(kb, body: str, event_type: str) -> None:
    # "a visiting president", "the ruling party": no visit, no decision
    [event] = _events(body, "en", kb)
    assert event.event_type == event_type


@pytest.mark.parametrize(
    ("body", "language", "day"),
    [
        # printed on 30 November 2031: the nearest 12 December is still to come
        ("Nordvik Energy closed its Bergen plant on December 12.", "en", date(2030, 12, 12)),
        ("Le Parlement norvégien a adopté le texte le 12 décembre.", "fr", date(2030, 12, 12)),
        # the nearest 20 November is ten days before, but the plan is to come
        ("Nordvik Energy will close its Bergen plant on November 20.", "en", date(2032, 11, 20)),
        # guards: a bound, and the day of a gerund, keep the nearest year ("asked" is a
        # statement since stop 41, which a bound on what is asked does not date)
        ("Nordvik Energy requested answers no later than December 12.", "en", date(2031, 12, 12)),
        (
            "Nordvik Energy filed a lawsuit to stop the ban from taking effect December 12.",
            "en",
            date(2031, 12, 12),
        ),
    ],
)
def test_a_day_without_its_year_is_on_the_side_its_tense_says(
    kb, body: str, language: str, day: date
) -> None:
    # "the Oct. 7 attacks, which killed 1,200", printed in August: last October
    [event] = _events(body, language, kb)
    assert event.time.begin == day


def test_a_datelines_city_before_its_agency_credit_is_a_place(kb) -> None:
    # "INDIANAPOLIS (AP) —": where the report was filed, no organisation acting
    [sentence], events = sentences_and_events(
        "NORDHAVEN (AP) — Nordvik Energy closed its plant on Friday.", "en", _DAY, kb
    )
    assert sentence.mentions[0].kind == "place"
    assert {a.key for e in events for a in e.actors} == {"organization/nordvik-energy"}


def test_a_time_inside_a_quote_no_trigger_types_dates_no_happening(kb) -> None:
    # "“Congress should start TODAY to work on…”": what is said, no happening told
    body = "“Parliament should act today on the pension law,” Marion Castellan wrote."
    assert _events(body, "en", kb) == []


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        (
            "Reçue mardi à l’Oslohuset, la présidente a exposé ses revendications.",
            "fr",
            "Oslohuset",
        ),
        ("Marion Castellan was received at the Ostermann on Tuesday.", "en", "Ostermann"),
    ],
)
def test_a_name_after_a_definite_article_is_no_person(
    kb, body: str, language: str, name: str
) -> None:
    # "Reçue mardi 29 août à l'Elysée": the model read a person where the palace is
    [sentence], _ = sentences_and_events(body, language, _DAY, kb)
    [mention] = [m for m in sentence.mentions if m.text == name]
    assert mention.kind == "place"


def test_a_newspaper_named_after_its_country_is_no_country(kb) -> None:
    # "China Geo told the Lesotho Times": Lesotho did not speak
    [event] = _events("Nordvik Energy told the Norway Times on Friday that it owed nothing.",
                      "en", kb)  # fmt: skip
    # the paper it was told to takes part in the telling (stop 41), the country not
    assert {a.key for a in event.actors} == {
        "organization/nordvik-energy",
        "organization/norway-times",
    }


def test_a_name_right_after_a_media_word_is_a_news_outlet(kb) -> None:
    # "une tribune publiée jeudi dans le quotidien « Le Monde »": "Monde" acted;
    # since stop 41 an outlet told something takes part in the telling, so the
    # paper is read here as the source of a report (a guard of the media word)
    body = "Marion Castellan resigned on Friday, according to the newspaper Nordposten."
    [event] = _events(body, "en", kb)
    assert {a.key for a in event.actors} == {"person/marion-castellan"}


@pytest.mark.parametrize(
    ("body", "language", "event_type"),
    [
        ("Edvard Lindqvist was arrested in 2030. He killed himself while awaiting trial.", "en",
         "Death"),
        ("Le ministre Paulin Marchetti s'est suicidé en prison le 2 novembre.", "fr", "Death"),
        ("Ingrid Solberg on Wednesday commended the armed forces for their response.", "en",
         "Statement"),
    ],
)  # fmt: skip
def test_more_triggers_type_what_pages_tell(kb, body: str, language: str, event_type: str) -> None:
    # "killed himself while awaiting trial" was a trial; "commended" typed nothing
    assert _events(body, language, kb)[-1].event_type == event_type
