"""What 29 further real pages nobody tuned to found wrong (stop 40), mended by
general mechanisms: a football report's shots read as attacks, the words of a
killing in local crime news unknown, a time told after the name a saying
speaks of dating the saying (and its speaker acting in what it tells). Invented
articles (clubs, players and towns invented, countries real); none of them
appear in ``graph/``.

Each test fails on the code before the mechanism it tests, unless its comment
calls it a guard.
"""

from __future__ import annotations

from datetime import date

import pytest

from graph.config import BuildConfig
from graph.extract import extract_article
from graph.types import Article, Extraction
from tests.extraction import events_of, sentences_and_events

_MATCH_FR = """Kjeldvik FC et Ostland United se quittent sur un match nul (1-1)

Le match s'est joué dimanche au stade de Kjeldvik devant 12 000 spectateurs.
Après un coup franc joué rapidement, Edvard Lindqvist déclenche une frappe qui touche la barre transversale.
Sur un coup franc, Marion Castellan a reçu le ballon dans son couloir droit.
Sa frappe suivante est repoussée par le gardien de but d'Ostland United.
Sur un corner, la tête de Marion Castellan trompe le gardien à la 60e minute.
Ostland United égalise sur penalty après un hors-jeu non sifflé par l'arbitre.
Le tir de Lindqvist en fin de match passe au-dessus, avant le coup de sifflet final.
"""

_MATCH_EN = """Kjeldvik FC held to a draw by Ostland United

Kjeldvik FC drew 1-1 with Ostland United in the league on Sunday.
After a quick free kick, Edvard Lindqvist fired a shot that hit the crossbar before half-time.
Marion Castellan received the ball on the right wing from a corner.
His strike from 25 yards was tipped over by the Ostland United goalkeeper.
Marion Castellan headed in from a corner on the hour, and the referee gave a penalty kick late on.
Ostland United's equaliser came from the penalty spot after an offside goal was ruled out.
"""

_WAR_FR = """Nordvik frappe une base de Valdoria

L'armée de Nordvik a mené dimanche une frappe contre une base de Valdoria, a annoncé le ministère de la Défense.
Valdoria a dénoncé l'attaque et a convoqué l'ambassadeur de Nordvik.
"""


def _extract(body: str, language: str) -> Extraction:
    article = Article(source=f"match-{language}.txt", body=body, language=language,
                      published=date(2031, 11, 30), published_how="text")  # fmt: skip
    return extract_article(article, BuildConfig())


@pytest.mark.parametrize(("body", "language"), [(_MATCH_FR, "fr"), (_MATCH_EN, "en")])
def test_a_shot_in_a_football_report_is_no_attack(body: str, language: str) -> None:
    # a report on sport (its topic profile) tells moves of play in words of war
    events = _extract(body, language).events
    assert not [e for e in events if e.event_type in ("Attack", "Invasion", "Conflict", "Meeting")]


def test_a_strike_in_a_report_on_war_is_an_attack() -> None:
    # guard: the words of play are attacks wherever sport is not the subject
    events = _extract(_WAR_FR, "fr").events
    assert "Attack" in {e.event_type for e in events}


@pytest.mark.parametrize(
    ("body", "language", "day"),
    [
        ("Edvard Lindqvist, 25, was gunned down at a stall in Kjeldvik yesterday.", "en", 29),
        ("A woman was fatally shot outside a home in Kjeldvik on Sunday.", "en", 30),
        ("Edvard Lindqvist was shot and killed on Saturday night in Kjeldvik.", "en", 29),
        ("Un policier a été abattu samedi soir à Marseille.", "fr", 29),
        ("Edvard Lindqvist a été mortellement blessé samedi à Marseille.", "fr", 29),
    ],
)
def test_local_news_words_of_a_killing_tell_a_death(kb, body: str, language: str, day: int) -> None:
    # the words of crime reports ("fatally shot", "gunned down", "a été abattu")
    [event] = events_of(body, language, kb)
    assert (event.event_type, event.time.begin) == ("Death", date(2031, 11, day))


def test_a_time_after_the_name_a_saying_tells_of_dates_what_it_tells(kb) -> None:
    # the told clause opens with a name and its past verb follows the time: the
    # push was last year, not the saying; the speaker did not push
    body = ("Kjeldvik resident Ingrid Solberg, 55, said Marion Castellan's push to approve "
            "the rezoning last year incensed her neighbours.")  # fmt: skip
    [event] = events_of(body, "en", kb)
    assert event.event_type != "Statement" and event.time.begin == date(2030, 1, 1)
    assert [a.key for a in event.actors] == ["person/marion-castellan"]


def test_whom_a_speaker_tells_does_not_open_what_is_told(kb) -> None:
    # guard: "told Nordposten on Friday": the audience, the day is the telling's
    [event] = events_of("Marion Castellan told Nordposten on Friday the plan was sound.", "en", kb)
    assert event.event_type == "Statement" and event.time.begin == date(2031, 11, 28)


def test_a_past_decision_about_the_future_is_no_plan(kb) -> None:
    # "decided … will": the deciding is told in the past, at the report; what
    # it decided is to come
    body = "Marion Castellan, who runs the firm now, decided men will no longer be allowed inside."
    [event] = events_of(body, "en", kb)
    assert event.event_type == "Decision" and event.time.last <= date(2031, 11, 30)


def test_a_decision_to_come_stays_planned(kb) -> None:
    # guard: the deciding itself is to come
    [event] = events_of("Marion Castellan will decide on the plant next week.", "en", kb)
    assert event.time.begin > date(2031, 11, 30)


def test_an_outlet_that_told_the_sentence_before_lends_no_actor(kb) -> None:
    # the news outlet that "understands" something tells it; the next sentence,
    # naming no one, does not borrow it as its actor
    body = ("It is unclear when they entered the forest, but Ostland Daily News understands "
            "that the men were hunting. The loggers told investigators that while they were "
            "hunting on Saturday night tragedy struck.")  # fmt: skip
    assert all(a.key != "organization/ostland-daily-news"
               for e in events_of(body, "en", kb) for a in e.actors)  # fmt: skip


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kjeldvik Bakery was founded in 1993. Marion Castellan runs the business now, and she "
         "decided the shop will close on Mondays.", "en"),
        ("Nordposten a été fondé en 1993 par Edvard Lindqvist. Marion Castellan dirige désormais "
         "le journal, et elle a décidé de réduire les horaires.", "fr"),
    ],
)  # fmt: skip
def test_a_sentence_told_now_does_not_go_on_with_the_past_story(kb, body, language) -> None:
    # "now" tells of the present: the decision is news of the report's days,
    # not of the years since the founding
    decided = [e for e in events_of(body, language, kb) if e.event_type == "Decision"]
    assert decided and decided[0].time.begin >= date(2031, 11, 1)


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("Edvard Lindqvist had left his home at Solberg Farm, Ostervik Coast around 20:00hrs "
         "on Thursday to go hunting.", "en", "Ostervik Coast"),  # a guard: the model's place
        ("A woman was fatally shot outside a home on Nordvik Drive on Sunday afternoon.", "en",
         "Nordvik Drive"),
        ("Edvard Lindqvist a été interpellé samedi avenue Ingrid Solberg, à Marseille.", "fr",
         "avenue Ingrid Solberg"),
    ],
)  # fmt: skip
def test_a_name_ending_in_a_noun_of_places_is_a_place(kb, body, language, name) -> None:
    # a locality GeoNames lacks, the model read as a person or an organisation:
    # its noun of places ("Coast", "Drive", "rue") makes it a place, never an actor
    sentences, events = sentences_and_events(body, language, date(2031, 11, 30), kb)
    kinds = {m.text: m.kind for s in sentences for m in s.mentions}
    assert kinds.get(name, "place") == "place", kinds
    assert all(a.text not in name for e in events for a in e.actors)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Marion Castellan called for an investigation into the crash on Tuesday.", "en"),
        ("Nordvik demanded talks with Valdoria on Monday.", "en"),
        ("Edvard Lindqvist urged a ceasefire on Sunday.", "en"),
        ("Marion Castellan a réclamé lundi une enquête sur l'accident.", "fr"),
        ("Nordvik a exigé mardi des négociations avec Valdoria.", "fr"),
    ],
)
def test_what_someone_asks_for_has_not_happened(kb, body: str, language: str) -> None:
    # the day is the asking's: a statement, not the investigation, talks or crash
    [event] = events_of(body, language, kb)
    assert event.event_type == "Statement"


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Nordvik was awaiting a decision from Valdoria on Monday.", "en"),
        ("Il a dit attendre une décision de Marion Castellan.", "fr"),
    ],
)
def test_an_awaited_decision_is_no_decision(kb, body: str, language: str) -> None:
    assert all(e.event_type != "Decision" for e in events_of(body, language, kb))


def test_talks_held_are_talks(kb) -> None:
    # guard: no asking before them
    [event] = events_of("Nordvik and Valdoria held talks on Monday.", "en", kb)
    assert event.event_type == "Meeting"


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Edvard Lindqvist called the police on his way to the shop. He had left before they "
         "came, and they said, 'We have a report of someone here.' They said, 'No, he left.'", "en"),
        ("Edvard Lindqvist a appelé la police. Ils ont déclaré qu'il était parti.", "fr"),
    ],
)  # fmt: skip
def test_they_who_speak_are_not_the_one_person_named_before(kb, body, language) -> None:
    # a plural pronoun speaking is not the lone person of the sentences before
    events = events_of(body, language, kb)
    assert [e.sentence_index for e in events] == [0]
