"""Happenings told without a date of their own (graph.extract.undated, .verbs):
invented sentences in the shapes of real news, French and English."""

from __future__ import annotations

from datetime import date

import pytest

from graph.extract.entities import analyse
from graph.extract.events import extract_events
from graph.extract.nlp import load_model
from graph.types import Article

PUBLISHED = date(2031, 5, 14)


def _events(body: str, language: str, kb, published: date | None = PUBLISHED, year=None):
    article = Article(source=f"t-{language}.txt", body=body, language=language, published=published)
    sentences = analyse(body, language=language, nlp=load_model(language), kb=kb)
    return sentences, extract_events(article, sentences, kb=kb, year=year)


def _told(body: str, language: str, kb, **kw) -> list[tuple[str, str, date, date, str]]:
    _, events = _events(body, language, kb, **kw)
    return [(e.event_type, e.time.rule, e.time.begin, e.time.last, e.time.granularity)
            for e in events]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "sentence", "event_type"),
    [
        (
            "fr",
            "Le ministère norvégien de la Défense a annoncé l'envoi de deux frégates.",
            "Statement",
        ),
        (
            "fr",
            "Des avions finlandais et suédois ont effectué des patrouilles au-dessus de la Baltique.",
            "Patrol",
        ),
        ("en", "Nordvik's coast guard said its ships had left the port.", "Statement"),
        ("en", "Edvard Lindqvist met Marion Castellan in Brest.", "Meeting"),
    ],
)
def test_a_happening_told_without_a_date_is_dated_by_its_report(
    kb, language, sentence, event_type
) -> None:
    told = _told(sentence, language, kb)
    assert told == [(event_type, "report-time", date(2031, 5, 12), PUBLISHED, "reported")]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "Edvard Lindqvist rencontrera Marion Castellan à Brest."),
        ("en", "Edvard Lindqvist will also meet Marion Castellan in Brest."),
    ],
)
def test_a_plan_told_without_a_date_comes_after_its_report(kb, language, sentence) -> None:
    assert _told(sentence, language, kb) == [
        ("Meeting", "report-time", PUBLISHED, date(2031, 5, 21), "planned")
    ]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # negated, background, a state, a question, a vague time, a past before the report's
        ("fr", "Edvard Lindqvist n'a jamais rencontré Marion Castellan."),
        ("en", "Edvard Lindqvist did not meet Marion Castellan."),
        ("en", "Nordvik has grown richer amid Western sanctions against Brest."),
        ("fr", "Les relations entre Nordvik et Brest sont excellentes."),
        ("fr", "Nordvik et Brest entretiennent des liens étroits."),
        ("en", "Will Edvard Lindqvist meet Marion Castellan?"),
        ("fr", "Nordvik et Brest ont mené plusieurs exercices conjoints ces derniers mois."),
        ("fr", "Nordvik avait déclaré sa neutralité dans le conflit."),
        ("en", "Nordvik had said it would stay neutral."),
    ],
)
def test_what_is_no_happening_of_the_report_is_no_event(kb, language, sentence) -> None:
    assert _told(sentence, language, kb) == []


def test_an_undated_sentence_pointing_back_at_the_visit_takes_its_day(kb) -> None:
    body = (
        "Paulin Marchetti est arrivé à Brest le lundi 12 mai 2031 pour une visite officielle.\n"
        "Le maire a salué le président nordvikois.\n"
        "Lors de cette visite, Paulin Marchetti a signé un accord avec la ville."
    )
    _, events = _events(body, "fr", kb)
    last = [e for e in events if e.sentence_index == 2]
    assert [(e.time.begin, e.time.rule, e.time.anchor_kind) for e in last] == [
        (date(2031, 5, 12), "discourse-time", "event")
    ]


def test_a_report_known_only_by_its_year_dates_its_happenings_in_that_year(kb) -> None:
    told = _told("Edvard Lindqvist met Marion Castellan in Brest.", "en", kb, published=None,
                 year=2031)  # fmt: skip
    assert told == [("Meeting", "report-time", date(2031, 1, 1), date(2031, 12, 31), "year")]
    # a report that dates nothing keeps its happening, its time unknown (never dropped)
    unknown = _told("Edvard Lindqvist met Marion Castellan in Brest.", "en", kb, published=None)
    assert unknown == [("Meeting", "unknown-time", date.min, date.max, "unknown")]


def test_verbs_carry_their_tense_and_negation() -> None:
    from graph.extract.verbs import verbs_of

    nlp = load_model("en")
    sent = next(nlp("He had said they would not attend, and she has met them.").sents)
    found = {sent.text[v.start : v.end]: (v.tense, v.negated) for v in verbs_of(sent, "en")}
    assert found["said"] == ("anterior", False)
    assert found["attend"] == ("future", True)
    assert found["met"] == ("past", False)


@pytest.mark.parametrize(
    ("language", "sentence", "not_a_name"),
    [
        (
            "fr",
            "Les Occidentaux et l'Alliance militaire ont répondu à Edvard Lindqvist.",
            "Alliance militaire",
        ),
        ("en", "The Committee has gained confidence, Edvard Lindqvist said.", "Committee"),
    ],
)
def test_common_nouns_and_lone_institution_nouns_are_no_names(
    kb, language, sentence, not_a_name
) -> None:
    sentences = analyse(sentence, language=language, nlp=load_model(language), kb=kb)
    names = {m.text for s in sentences for m in s.mentions}
    assert not_a_name not in names
    assert "Edvard Lindqvist" in names


def test_a_duration_after_a_superlative_is_no_date_to_come(kb) -> None:
    body = "The central bank of Nordvik cut rates on Wednesday, its first cut in four years."
    told = _told(body, "en", kb)
    assert told and all(begin.year == 2031 for _, _, begin, _, _ in told)  # never 2035


def test_who_is_named_in_an_aside_is_no_actor(kb) -> None:
    body = ("Envoy Peter Novak, who has stoked tensions with Finland, on Monday signed a pact "
            "with Marion Castellan.")  # fmt: skip
    _, events = _events(body, "en", kb)
    actors = {m.label for e in events for m in e.actors}
    assert {"Peter Novak", "Marion Castellan"} <= actors
    assert "Finland" not in actors


@pytest.mark.parametrize(
    ("body", "language", "outlet"),
    [
        ("Warships of Nordvik and Valdoria patrolled the Grey Sea on Monday, "
         "state broadcaster CCTV reported.", "en", "CCTV"),
        ("Nordvik and Valdoria signed a fisheries pact on Monday, Ostland Daily News reported.",
         "en", "Ostland Daily News"),
        ("La Norvège et la Finlande ont signé lundi un accord de pêche, selon l'agence Xinhua.",
         "fr", "Xinhua"),
    ],
)  # fmt: skip
def test_a_news_outlet_cited_as_source_is_no_actor(kb, body: str, language: str, outlet) -> None:
    sentences, events = _events(body, language, kb)
    assert outlet in {m.label for s in sentences for m in s.mentions}  # found as a name...
    assert events and all(outlet not in {m.label for m in e.actors} for e in events)  # ...no actor


def test_who_and_where_a_quote_names_are_not_the_statements(kb) -> None:
    body = ('"The examples of Venezuela and Iran demand constant analysis," Defence Minister '
            "Henrik Aaland said on Monday in Nordby.")  # fmt: skip
    _, events = _events(body, "en", kb)
    assert events
    for event in events:
        assert not {"Venezuela", "Iran"} & {m.label for m in event.actors}
        assert event.place is None or event.place.label not in {"Venezuela", "Iran"}


def test_a_quoted_name_is_still_an_actor(kb) -> None:
    body = 'The ship "Meishan" entered the Arctic Ocean on Tuesday with a Russian patrol vessel.'
    _, events = _events(body, "en", kb)
    assert any("Meishan" in {m.label for m in e.actors} for e in events)


def test_a_happening_told_in_a_quote_has_the_actors_the_quote_names(kb) -> None:
    body = ('"This year marks the 40th anniversary of the fisheries pact between Norway and '
            'Finland," Marion Castellan told her counterpart on Monday.')  # fmt: skip
    _, events = _events(body, "en", kb)
    (founding,) = [e for e in events if e.event_type == "Establishment"]
    assert {m.label for m in founding.actors} == {"Norway", "Finland"}
    assert founding.time.begin.year == 1991  # forty years before the report's year


@pytest.mark.parametrize(
    ("later", "day"),
    [
        # a plan going on with a plan takes its day
        ("Edvard Lindqvist tiendra une réunion avec la délégation de Marion Castellan au "
         "palais.", date(2031, 5, 15)),
        # a plan never takes the day of what was told as done
        ("Edvard Lindqvist tiendra une réunion avec la délégation de Marion Castellan au "
         "palais.", None),
    ],
)  # fmt: skip
def test_a_plan_goes_on_only_with_a_plan(kb, later: str, day: date | None) -> None:
    first = ("Edvard Lindqvist rencontrera demain la délégation de Marion Castellan à Brest."
             if day else "Edvard Lindqvist a rencontré hier la délégation de Marion Castellan "
             "à Brest.")  # fmt: skip
    _, events = _events(f"{first}\n{later}", "fr", kb)
    [plan] = [e for e in events if e.sentence_index == 1]
    if day is None:
        assert plan.time.rule != "discourse-time"
    else:
        assert (plan.time.rule, plan.time.begin) == ("discourse-time", day)


def test_a_definite_event_noun_points_back_past_other_events_at_its_family(kb) -> None:
    body = (
        "La cérémonie de clôture du festival de Brest s'est tenue le lundi 12 mai 2031.\n"
        "Le jury présidé par Marion Castellan a remis le grand prix à Edvard Lindqvist.\n"
        "Le prix du jury a été décerné à Paulin Marchetti.\n"
        "Le film raconte la vie d'un pêcheur.\n"
        "La cérémonie a également été marquée par un hommage à Ingrid Solberg."
    )
    _, events = _events(body, "fr", kb)
    [tribute] = [e for e in events if e.sentence_index == 4]
    assert (tribute.time.rule, tribute.time.begin) == ("discourse-time", date(2031, 5, 12))


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Des bombardiers norvégiens et finlandais ont volé ensemble le lundi 12 mai 2031 près "
         "d'Oslo.\nC'était aussi la première fois que des avions des deux pays ont décollé de "
         "la même base.", "fr"),
        ("Norwegian and Finnish bombers flew together near Oslo on Monday, May 12, 2031.\n"
         "It was also the first time that aircraft of both countries took off from the same "
         "base.", "en"),
    ],
)  # fmt: skip
def test_it_was_says_more_of_the_event_just_told(kb, body: str, language: str) -> None:
    _, events = _events(body, language, kb)
    later = [e for e in events if e.sentence_index == 1]
    assert later and all(
        (e.time.rule, e.time.begin) == ("discourse-time", date(2031, 5, 12)) for e in later
    )
