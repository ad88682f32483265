"""Times counted from a happening the article told, not from its report.

Invented sentences (names invented, countries and cities real); none of them
appear in ``graph/``. Each test fails on the code before the mechanism it
tests, unless its comment calls it a guard.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction import sentences_and_events, told_in


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Le Premier ministre Edvard Lindqvist est arrivé à Lisbonne mercredi pour une "
            "visite d'État de trois jours. Dans une interview accordée à la veille de la "
            "visite, Edvard Lindqvist a blâmé l'opposition pour l'échec des négociations.",
            "fr",
        ),
        (
            "Prime Minister Edvard Lindqvist arrived in Lisbon on Wednesday for a three-day "
            "state visit. In an interview given on the eve of the visit, Edvard Lindqvist "
            "blamed the opposition for the collapse of the talks.",
            "en",
        ),
    ],
)
def test_the_eve_of_a_told_visit_is_the_day_before_it(kb, body: str, language: str) -> None:
    # the visit is Wednesday 12 March, told in the sentence before: the interview is
    # on the 11th (the eve was read as of the report's day: the visit on the 13th)
    event = told_in(body, language, date(2031, 3, 12), kb, 1)
    assert (event.time.begin, event.time.last) == (date(2031, 3, 11), date(2031, 3, 11))
    assert event.event_type == "Statement"  # an interview, not the visit again
    # counted from the visit's own date: the discourse's, not a date of the sentence's own
    assert (event.time.anchor_kind, event.time.rule) == ("event", "eve-of-event")


def test_the_eve_of_a_visit_told_at_report_time_is_as_loose_and_starts_no_discourse(kb) -> None:
    body = (
        "Le Premier ministre Edvard Lindqvist est arrivé à Lisbonne pour une visite d'État. "
        "Dans une interview accordée à la veille de la visite, Edvard Lindqvist a blâmé "
        "l'opposition. Le président portugais a ensuite salué Edvard Lindqvist d'une poignée "
        "de main avant les entretiens."
    )
    events = sentences_and_events(body, "fr", date(2031, 3, 12), kb)[1]
    eve, handshake = (next(e for e in events if e.sentence_index == i) for i in (1, 2))
    # the visit is of the report's days (10–12 March): its eve one day earlier, said so
    assert (eve.time.begin, eve.time.last, eve.time.rule) == (
        date(2031, 3, 9),
        date(2031, 3, 11),
        "eve-of-report",
    )
    # the handshake is the visit's (its report's days), not the interview's eve
    assert handshake.time.rule == "report-time"


def test_the_day_after_a_told_summit_follows_its_time(kb) -> None:
    body = (
        "Les dirigeants de Valdoria et de Nordvik se sont réunis lundi à Genève pour un "
        "sommet. Au lendemain du sommet, Marion Castellan a annoncé sa démission."
    )
    # told on Friday 14 March: the day after Monday's summit is the 11th (the old
    # reading counted from the report: the summit on the 13th)
    event = told_in(body, "fr", date(2031, 3, 14), kb, 1)
    assert event.time.begin == date(2031, 3, 11)
    assert event.event_type != "Meeting"


def test_the_eve_of_a_happening_not_told_keeps_the_report_s_reading(kb) -> None:
    # guard: nothing told before, the eve is counted from the report's day as before
    body = "À la veille du sommet de Genève, Marion Castellan a appelé au calme."
    [event] = sentences_and_events(body, "fr", date(2031, 3, 12), kb)[1]
    assert event.time.begin == date(2031, 3, 13)


def _inferred(body: str, language: str) -> date | None:
    from graph.config import BuildConfig
    from graph.extract import extract_article
    from graph.types import Article

    article = Article(source="t.txt", body=body, language=language)
    return extract_article(article, BuildConfig(jobs=1)).article.published


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Valdoria a annoncé mardi 3 septembre 2031 des manœuvres navales. Les manœuvres "
            "se déroulent jusqu'au 17 septembre 2031 au large de Lisbonne.",
            "fr",
        ),
        (
            "Valdoria announced naval drills on Tuesday, September 3, 2031. The drills run "
            "until September 17, 2031 off Lisbon.",
            "en",
        ),
    ],
)
def test_a_day_ending_what_goes_on_is_still_to_come(body: str, language: str) -> None:
    # told in the present, "until" the 17th is after the report: the 3rd is the latest
    # day told as past (the 17th was taken: a report dated after what it tells)
    assert _inferred(body, language) == date(2031, 9, 3)


def test_a_day_ending_what_went_on_is_past() -> None:
    # guard: told in the past, the day after "until" is the latest day told as past
    body = (
        "Valdoria a annoncé mardi 3 septembre 2031 des manœuvres navales. Les manœuvres "
        "ont duré jusqu'au 17 septembre 2031 au large de Lisbonne."
    )
    assert _inferred(body, "fr") == date(2031, 9, 17)


def test_the_weekday_reported_falls_before_a_day_ending_what_goes_on() -> None:
    # a year from the exercise's name, no full date: "ce jeudi" is the last Thursday
    # before the 7th the exercise goes on until (the 7th was taken as past)
    body = (
        "Valdoria prend la tête ce jeudi de grandes manœuvres navales baptisées "
        "« Aurore-2031 ».\nBaptisé « Aurore-2031 », l'événement associe jusqu'au "
        "7 septembre les marines de Valdoria et du Portugal."
    )
    assert _inferred(body, "fr") == date(2031, 9, 4)


_PAGE_WITH_A_POST = (
    "Le Portugal prend la tête ce jeudi de grandes manœuvres navales au large de Lisbonne.\n\n"
    "Baptisé « Aurore-2031 », l'exercice associe jusqu'au 9 septembre les marines du "
    "Portugal et de l'Espagne.\n\n"
    "Les manœuvres navales Aurore 2031 débuteront demain. La marine portugaise a indiqué que "
    "40 navires sont mobilisés. pic.twitter.com/AbC123xYz — Nordvik Watch (@NordvikWatch) "
    "{posted}\n\n"
    "« Plus de 40 navires » seront mobilisés, a indiqué le ministère de la Défense portugais."
)


@pytest.mark.parametrize("posted", ["August 30, 2031", "30 août 2031"])
def test_an_embedded_post_keeps_its_words_and_its_day(posted: str) -> None:
    from graph.ingest.furniture import clean_page

    page = clean_page("Titre de la page\n\n" + _PAGE_WITH_A_POST.format(posted=posted))
    assert page.posts == ((2, date(2031, 8, 30)),)
    assert "@NordvikWatch" not in page.body and "pic.twitter.com" not in page.body
    assert page.body.split("\n\n")[2].endswith(
        "La marine portugaise a indiqué que 40 navires sont mobilisés."
    )


def test_an_embedded_post_tells_of_its_own_day() -> None:
    from graph.config import BuildConfig
    from graph.extract import extract_article
    from graph.ingest import parse_text

    raw = "Titre de la page\n\n" + _PAGE_WITH_A_POST.format(posted="August 30, 2031")
    article = parse_text(raw, source="page.txt")
    extraction = extract_article(article, BuildConfig(jobs=1))
    # the page: after its post of 30 August, before the 9th the exercise goes on until;
    # "ce jeudi" is Thursday 4 September ("débuteront demain", the post's future, was
    # read as the page's: the Thursday before 31 August)
    assert extraction.article.published == date(2031, 9, 4)
    # the post's "demain" is the day after the post, not after the page
    [tomorrow] = [
        e for e in extraction.events if "demain" in e.sentence and e.time.rule != "report-time"
    ]
    assert (tomorrow.time.begin, tomorrow.time.anchor_kind) == (date(2031, 8, 31), "post")
