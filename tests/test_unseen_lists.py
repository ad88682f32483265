"""What a hand-read of 18 further real pages nobody tuned to found wrong (stop
39), mended by general mechanisms: a photo's caption read as a happening, a
month read as a name, a town before a title read as a person, a retrospective's
anniversary counted from the report's year, and names lent by the sentence
before to one that names its own. Invented sentences (names invented, countries
and large cities real); none of them appear in ``graph/``.

Each test fails on the code before the mechanism it tests, unless its comment
calls it a guard.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction import SUNDAY, events_of, sentences_and_events


def test_a_caption_is_no_happening(kb) -> None:
    # a place and a day, no verb: the photo's caption, nothing happened in it
    assert events_of("Nordvik Memorial Stadium, September 15, 1987.", "en", kb) == []


def test_a_timelines_entry_is_a_happening(kb) -> None:
    # guard: a day before a colon heads a timeline's entry, which tells what happened
    [event] = events_of("Sept. 29, 1996: Nordvik FC first game at the stadium.", "en", kb)
    assert event.time.begin == date(1996, 9, 29)


@pytest.mark.parametrize(
    "body",
    [
        "She said the May report was a surprise for the Nordvik Bank.",
        # a guard: the model read no name here before either
        "Economist Ingrid Solberg said the jobless rate tumbling in May beat expectations.",
    ],
)
def test_a_month_is_no_name(kb, body: str) -> None:
    # the model may read "May" as an organisation: after a lower-case word it is the month
    sentences, events = sentences_and_events(body, "en", SUNDAY, kb)
    assert "May" not in {m.text for s in sentences for m in s.mentions}
    assert all(a.text != "May" for e in events for a in e.actors)


def test_a_town_before_a_title_says_where_the_title_is_held(kb) -> None:
    body = (
        "Manchester mayor Ingrid Solberg has warned how the city must not let rioters "
        "prevail after a weekend of violent disorder."
    )
    [event] = events_of(body, "en", kb)
    assert [a.key for a in event.actors] == ["person/ingrid-solberg"]


def test_an_anniversary_counts_from_the_day_its_sentence_gives(kb) -> None:
    # a retrospective's list: the 50th anniversary on a day of 2008 is of 1958,
    # whatever the year of the report
    body = "March 29, 2008: Nordvik FC celebrated its 50th anniversary with a game against Ostland United."
    founded = [e for e in events_of(body, "en", kb) if e.time.rule == "anniversary"]
    assert [(e.time.begin, e.time.last) for e in founded] == [
        (date(1958, 1, 1), date(1958, 12, 31))
    ]


def test_a_sentence_naming_its_own_people_borrows_none(kb) -> None:
    # the meeting is told in a clause that names nobody; who pledged is set apart,
    # and the bank outside which people chanted the sentence before met nobody
    body = (
        "Hundreds of people chanted outside the Nordvik Bank headquarters in Oslo tonight.\n\n"
        "Edvard Lindqvist has pledged more police officers will tackle violent riots following "
        "an emergency meeting with police chiefs this morning."
    )
    events = events_of(body, "en", kb)
    assert not [e for e in events if e.sentence_index == 1 and "organization/nordvik-bank"
                in {a.key for a in e.actors}]  # fmt: skip


def test_a_capital_opening_a_gatherings_name_is_no_country(kb) -> None:
    # the model found no name there: the capital's capitalised words after it make one
    body = "On Monday, Ingrid Solberg visited Edvard Lindqvist's Tokyo Motor Show stand."
    [event] = events_of(body, "en", kb)
    assert "country/japan" not in {a.key for a in event.actors}


def test_a_title_case_headline_keeps_its_country(kb) -> None:
    # guard: no lower-case word before the name, so no gathering's name is read
    sentences, _ = sentences_and_events("Norway Opens New Embassy In Canberra", "en", SUNDAY, kb)
    assert "country/norway" in {m.key for s in sentences for m in s.mentions}


def test_a_past_story_goes_on_past_its_quotes(kb) -> None:
    # a feature retells 2019: what follows the arrest, after a quote, is of that
    # story (after the arrest, before the report), and so is what follows that
    body = (
        "Edvard Lindqvist was arrested in Kjeldvik in March 2019. His neighbour Marion "
        "Castellan said: “He lied to everyone.” He was convicted and sent to prison. "
        "He appealed the verdict and was freed."
    )
    later = [e for e in events_of(body, "en", kb) if e.sentence_index in (2, 3)]
    assert [e.sentence_index for e in later] == [2, 3]
    assert all((e.time.rule, e.time.begin) == ("after-told", date(2019, 3, 1)) for e in later)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Exports rose 4.3 % in June, the Nordvik customs agency said.", "en"),
        (
            "Nordvik's jobless rate fell to 6.6 per cent in May as 88,000 positions were added, "
            "according to Statistics Nordvik data released on Friday.",
            "en",
        ),
        (
            "According to data from the Nordvik central bank, household wealth reached 855 "
            "billion euros in 2030, an increase of 6% compared with 2029.",
            "en",
        ),
        (
            "Les ventes de voitures neuves ont augmenté de 4,3 % en juin, selon les données "
            "publiées par l'Association des constructeurs de Valdorie.",
            "fr",
        ),
    ],
)
def test_a_figures_period_is_no_happenings_date(kb, body: str, language: str) -> None:
    # a month's or a year's statistic is no happening of that month or year, nor is
    # its telling; only the day the figure was told or released may date one
    assert all(
        e.time.granularity in ("day", "days", "reported") for e in events_of(body, language, kb)
    )


def test_a_happening_told_then_keeps_its_day_beside_a_figure(kb) -> None:
    # guard: the when-clause after the date tells what happened that day
    body = (
        "No food or water has reached 2.3 million people in the Kjeldvik region since 2 March, "
        "when Nordvik closed the border."
    )
    assert [e.time.begin for e in events_of(body, "en", kb)] == [date(2031, 3, 2)]


def test_a_day_reported_beside_a_distance_dates_its_happening(kb) -> None:
    # guard: a day is no figure's period, whatever distance its clause tells
    body = "The coast guard reported that on Saturday two Nordvik ships sailed 1,000 kilometres."
    assert date(2031, 11, 29) in {e.time.begin for e in events_of(body, "en", kb)}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Reporters from Nordposten Live reported that stones were thrown at firefighters in "
            "Kjeldvik on Sunday.",
            "en",
        ),
        (
            "Les journalistes de Nordposten Direct ont rapporté dimanche que des bouteilles ont "
            "été lancées sur la police à Kjeldvik.",
            "fr",
        ),
    ],
)
def test_whom_reporters_work_for_is_an_outlet(kb, body: str, language: str) -> None:
    # the model reads the outlet as a person: what its reporters saw is no act of it
    assert not [a for e in events_of(body, language, kb) for a in e.actors
                if a.text.startswith("Nordposten")]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "However, Edvard Lindqvist, a Norwegian-Swedish lawyer who served in the Nordvik Navy "
            "and has defended clients at international tribunals, said on Monday it was still "
            "unclear why the tank had fired on the reporters.",
            "en",
        ),
        ("L'avocat franco-norvégien Edvard Lindqvist a déclaré lundi que la situation restait floue.",
         "fr"),
    ],
)  # fmt: skip
def test_a_double_nationality_describes_its_person(kb, body: str, language: str) -> None:
    # both halves of the compound are the lawyer's nationality: neither country speaks
    [said] = events_of(body, language, kb)
    assert [a.key for a in said.actors] == ["person/edvard-lindqvist"]


def test_people_told_by_their_nationality_borrow_nobody(kb) -> None:
    # the researchers publish: the countries of the sentence before do not
    body = (
        "Des manœuvres sino-russes ont débuté mardi. Les chercheurs franco-norvégiens ont "
        "publié lundi leurs résultats."
    )
    assert [e.sentence_index for e in events_of(body, "fr", kb)] == [0]


def test_a_compound_of_countries_naming_a_happening_still_acts(kb) -> None:
    # guard: the joint exercises are both countries'
    [held] = events_of("Des manœuvres sino-russes ont débuté mardi.", "fr", kb)
    assert {a.key for a in held.actors} == {"country/china", "country/russia"}


def test_a_bird_strike_is_an_accident(kb) -> None:
    body = "A flight from Oslo to Kjeldvik experienced a bird strike during take-off on Monday."
    assert [e.event_type for e in events_of(body, "en", kb)] == ["Accident"]


def test_a_city_before_a_noun_says_where(kb) -> None:
    # the model reads the city as a person: before a common noun it qualifies it
    body = "Nordvik official says Ostland missile strike on Tampere mosque killed 13 people"
    assert all(a.key != "person/tampere" for e in events_of(body, "en", kb) for a in e.actors)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "“Last year, the team added new rules, and now we are adding better tools,” "
            "Ingrid Solberg said in a statement.",
            "en",
        ),
        (
            "« L'an dernier, l'équipe a ajouté de nouvelles règles », a déclaré Ingrid Solberg "
            "dans un communiqué.",
            "fr",
        ),
    ],
)
def test_a_time_in_a_quote_of_no_happening_dates_no_saying(kb, body: str, language: str) -> None:
    # the year is what the speaker speaks of: the statement is of the report's days
    [said] = events_of(body, language, kb)
    assert said.time.rule == "report-time"


def test_a_quote_telling_a_happening_keeps_its_day(kb) -> None:
    # guard: "we signed" tells the agreement, dated by the quote's day
    body = "Edvard Lindqvist met his Ostland counterpart. “We signed the deal today,” he said."
    assert "Agreement" in {
        e.event_type for e in events_of(body, "en", kb) if e.time.begin == SUNDAY
    }


def test_an_infinitive_after_a_launch_names_no_happening_of_it(kb) -> None:
    # "to create" is what the tools are for: the launch stays a launch
    body = "Last year, Nordvik Software launched generative AI-powered tools to create workflows."
    assert [e.event_type for e in events_of(body, "en", kb)] == ["Launch"]


def test_a_place_ending_a_longer_name_is_no_country(kb) -> None:
    # "Northern Ireland" is no Ireland, whatever the model reads
    sentences, _ = sentences_and_events(
        "Ingrid Solberg flew to Northern Ireland on Monday.", "en", SUNDAY, kb
    )
    assert "country/ireland" not in {m.key for s in sentences for m in s.mentions}


def test_a_weekday_before_a_capital_keeps_the_country(kb) -> None:
    # guard: "On Thursday Moscow said" is the capital speaking for its country
    sentences, _ = sentences_and_events(
        "On Thursday Moscow said it would retaliate.", "en", SUNDAY, kb
    )
    assert "country/russia" in {m.key for s in sentences for m in s.mentions}


def test_a_name_ends_before_its_colon(kb) -> None:
    # guard: the club's name, no longer cut into the country's capital, ends before
    # the colon the model took in ("Real Madrid:")
    sentences, _ = sentences_and_events(
        "July 27, 2017: Manchester City vs. Real Madrid: the cup sets an attendance record.",
        "en",
        SUNDAY,
        kb,
    )
    assert not [m.text for s in sentences for m in s.mentions if m.text.endswith(":")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Marion Castellan said of Edvard Lindqvist, “He taught me everything I learned about "
            "the union, and I passed it on.”",
            "en",
        ),
        ("Marion Castellan a dit d'Edvard Lindqvist qu'il était un bon dirigeant.", "fr"),
    ],
)
def test_whom_a_statement_speaks_of_does_not_speak(kb, body: str, language: str) -> None:
    [said] = events_of(body, language, kb)
    assert [a.key for a in said.actors] == ["person/marion-castellan"]
