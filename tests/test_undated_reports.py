"""Reports that print no date, dated by other reports only where the evidence holds
(issue 17, part 2): a year-less day takes the one year of its storyline it falls
near; a day told as past dates a report that also tells what is to come; a day
guessed beside another happening ("au lendemain d'un entretien") dates nothing.

Real extraction (spaCy, the knowledge base) of invented reports; the resolve
functions of :mod:`graph.resolve.storydates` on them. Each test fails on the
code before the mechanism it tests, unless its comment calls it a guard.
"""

from __future__ import annotations

from datetime import date

import pytest

from graph.config import BuildConfig
from graph.extract import events_in_year, events_on_day, extract_article
from graph.extract.pubdate import infer_day_in_year, infer_publication_date
from graph.resolve.storydates import date_from_partners, date_from_stories, date_from_storylines
from graph.types import Article, Extraction

_PATROL_EN = (
    "Nordvik and Valdoria coast guards start first joint patrol\n\n"
    "Two Nordvik coast guard cutters and two Valdorian patrol ships began their first "
    "joint patrol in the Grey Sea on 2 October, Nordvik's defence ministry said.\n"
)
_ONLY_REPORT_TIME = (
    "Nordvik and Valdoria deepen naval cooperation\n\n"
    "Nordvik and Valdoria held talks on naval cooperation, the Nordvik defence ministry said.\n"
)


@pytest.fixture(scope="module")
def config() -> BuildConfig:
    return BuildConfig(jobs=1)


def _extracted(source: str, body: str, language: str, config: BuildConfig,
               published: date | None = None) -> Extraction:  # fmt: skip
    article = Article(source=source, body=body, language=language, published=published,
                      published_how="text" if published else "unknown")  # fmt: skip
    return extract_article(article, config)


def _dated_report(source: str, day: date, config: BuildConfig) -> Extraction:
    body = ("Nordvik and Valdoria open joint naval drills\n\n"
            "Warships from Nordvik and Valdoria began joint naval drills in the Grey Sea, "
            "the Nordvik defence ministry said.\n")  # fmt: skip
    return _extracted(source, body, "en", config, day)


def _in_storyline(undated: Extraction, days: list[date], config: BuildConfig) -> Extraction:
    from graph.kb import default_kb

    dated = [_dated_report(f"dated-{d}.txt", d, config) for d in days]
    extractions = [*dated, undated]
    line = tuple(x.article.source for x in extractions)
    result = date_from_storylines(extractions, [line], default_kb(config.kb_dir),
                                  events_in_year=events_in_year)  # fmt: skip
    return result[-1]


def test_a_year_less_day_takes_the_one_storyline_year_it_falls_near(config) -> None:
    undated = _extracted("patrol.txt", _PATROL_EN, "en", config)
    assert undated.pending and not undated.weekday_days
    # 2 October lies 22 days after the 2029 report, 201 days after the 2031 one
    x = _in_storyline(undated, [date(2029, 9, 10), date(2031, 3, 15)], config)
    assert x.article.published == date(2029, 10, 2)  # the latest day it tells as past
    assert "the only year of its storyline's dated reports (2029 to 2031)" in (
        x.article.published_evidence or ""
    )
    assert {e.time.begin for e in x.events if e.time.text == "2 October"} == {date(2029, 10, 2)}


def test_a_year_less_day_near_two_storyline_years_takes_neither(config) -> None:
    # yearly exercises: a 2 October lies near a report of each year; nothing is
    # guessed (a guard: the code before dated no report without a weekday here)
    undated = _extracted("patrol.txt", _PATROL_EN, "en", config)
    x = _in_storyline(undated, [date(2029, 9, 10), date(2030, 9, 20)], config)
    assert x.article.published is None and x.pending


def test_a_report_with_no_year_less_day_takes_no_storyline_year(config) -> None:
    # its report time is of whatever year is tried: it tells none (a guard)
    undated = _extracted("talks.txt", _ONLY_REPORT_TIME, "en", config)
    x = _in_storyline(undated, [date(2029, 9, 10)], config)
    assert x.article.published is None and x.pending


def test_a_report_with_no_year_less_day_takes_no_year_from_its_episode(config) -> None:
    # the same in its episode: it took the dated report's year, though nothing
    # in it but being clustered with that report told it (an undated report of
    # the same two leaders' summit a year before did)
    from graph.kb import default_kb

    dated = _dated_report("dated.txt", date(2029, 9, 10), config)
    undated = _extracted("talks.txt", _ONLY_REPORT_TIME, "en", config)
    group = [(dated.article.source, undated.article.source)]
    x = date_from_stories([dated, undated], group, default_kb(config.kb_dir),
                          events_in_year=events_in_year)[-1]  # fmt: skip
    assert x.pending and not x.article.published_evidence


def test_a_day_told_as_past_dates_a_report_that_also_tells_what_is_to_come() -> None:
    found = infer_day_in_year(
        ["Nordvik's president arrived in Valdoria on May 16 for a two-day visit.",
         "A peace conference will be held in mid-June."],
        language="en", year=2031,
    )  # fmt: skip
    assert found is not None and found[0] == date(2031, 5, 16)


def test_what_is_to_come_before_the_day_told_as_past_dates_nothing() -> None:
    # a guard: the bounds contradict each other, no day is taken
    found = infer_day_in_year(
        ["Nordvik's president arrived in Valdoria on May 16.",
         "A peace conference will be held on May 2."],
        language="en", year=2031,
    )  # fmt: skip
    assert found is None


_PARTNER = (
    "Edvard Lindqvist et Marion Castellan se rencontrent à Nordby\n\n"
    "Le ministre Edvard Lindqvist a rencontré jeudi Marion Castellan à Nordby, "
    "a annoncé son ministère.\n"
)


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        # "hier" read on 14 March is 13 March, the day of the dated report's meeting
        ("Edvard Lindqvist a rencontré hier Marion Castellan à Nordby.", True),
        # the eve of the sentence's own time: a guess, no evidence of the day
        (
            "Edvard Lindqvist et Marion Castellan doivent avoir des discussions officielles, "
            "au lendemain d'un premier entretien informel.",
            False,
        ),
    ],
)
def test_only_a_day_read_from_publication_dates_a_report_by_its_partner(
    config, sentence: str, dated: bool
) -> None:
    from graph.kb import default_kb

    kb = default_kb(config.kb_dir)
    partner = _extracted("partner.txt", _PARTNER, "fr", config, date(2031, 3, 14))
    assert any(e.time.begin == date(2031, 3, 13) for e in partner.events)
    undated = _extracted("undated.txt", f"Rencontre à Nordby\n\n{sentence}\n", "fr", config)
    groups = [(partner.article.source, undated.article.source)]
    x = date_from_partners([partner, undated], groups, kb, events_on_day=events_on_day,
                           redirect={})[-1]  # fmt: skip
    assert (x.article.published is not None) is dated


def test_a_weekday_places_its_day_in_a_year_before_the_latest_one_named() -> None:
    # the forecast's year is still to come: 7 May is a Tuesday in 2030, in
    # none of 2031 to 2033 (the years tried before); 2031's growth is told as
    # past (stop 38: a decimal comma no longer ends "0,8 % en 2030"'s clause,
    # so the sentence names 2031 as past itself)
    found = infer_publication_date(
        "La Commission a présenté mardi 7 mai ses prévisions : après 0,8 % en 2030 "
        "et 1,0 % en 2031, la croissance resterait de 1,4 % en 2032.",
        language="fr",
    )
    assert found is not None and found[0] == date(2030, 5, 7)
    assert "before the latest year the text names (2031)" in found[1]


def test_a_weekday_places_its_day_in_no_year_before_unless_the_text_names_it() -> None:
    # a guard: 7 May is a Tuesday in 2030, which the text does not name
    found = infer_publication_date(
        "La Commission a présenté mardi 7 mai ses prévisions pour 2031.", language="fr"
    )
    assert found is None


_ARRIVAL_DATED = (
    "Visite d'État en Norvège\n\n"
    "Le ministre valdorien Edvard Lindqvist est arrivé à Oslo le 14 mars pour une visite de "
    "deux jours, a annoncé son ministère.\n"
)


@pytest.mark.parametrize(("city", "dated"), [("Oslo", True), ("Bergen", False)])
def test_an_undated_report_of_a_dated_happening_takes_its_reports_day(
    config, city: str, dated: bool
) -> None:
    # "est arrivé à Oslo" told as news, with no time of its own, beside "arrived in
    # Oslo on 14 March": one happening, so the report is of that news cycle; an
    # arrival in another city is another happening (a guard: nothing was dated so)
    from graph.kb import default_kb

    kb = default_kb(config.kb_dir)
    partner = _extracted("partner.txt", _ARRIVAL_DATED, "fr", config, date(2031, 3, 14))
    body = (f"Lindqvist en Norvège\n\nLe ministre valdorien Edvard Lindqvist est arrivé à {city} "
            "pour une visite d'État.\n")  # fmt: skip
    undated = _extracted("undated.txt", body, "fr", config)
    groups = [(partner.article.source, undated.article.source)]
    x = date_from_partners([partner, undated], groups, kb, events_on_day=events_on_day,
                           redirect={})[-1]  # fmt: skip
    assert (x.article.published == date(2031, 3, 14)) is dated
    assert dated is (x.article.published is not None)


def test_a_stated_day_before_a_month_the_text_tells_is_no_publication_day() -> None:
    # stop 34: a profile of someone's posts printed no date; its one full date
    # was an early post, and months told after it rule it out
    found = infer_publication_date(
        "On March 19, 2030, Jo Vik applied to drive for a delivery firm. In June 2033 he "
        "posted a message about the war.",
        language="en",
    )
    assert found is None


def test_a_stated_day_after_the_months_told_is_still_the_publication_day() -> None:
    # guard: the latest day comes after every month the text tells
    found = infer_publication_date(
        "In June 2033 Jo Vik posted a message. On July 3, 2033, he was arrested.", language="en"
    )
    assert found is not None and found[0] == date(2033, 7, 3)


_RETROSPECTIVE = (
    "The man behind the basement\n\n"
    "Few people in Kjeldvik remember the quiet neighbour who kept a shop by the harbour.\n\n"
    "His neighbours described a smell coming from the house for weeks.\n\n"
    "Edvard Lindqvist was arrested in 1986 after a woman escaped from his basement.\n\n"
    "He was sentenced to death and executed on July 6, 1999 in Oslo."
)


def test_a_day_far_below_the_lead_is_no_publication_day() -> None:
    # stop 39: a retrospective names its story's last day at its end, written
    # decades later; only the lead (headline and first paragraph) tells news
    article = Article(source="r.txt", body=_RETROSPECTIVE, language="en")
    assert extract_article(article, BuildConfig()).article.published is None


@pytest.mark.parametrize(
    "caption", ["", "Kjeldvik harbour, March 3, 1998.\n\n", "By Marion Castellan\n\n"]
)
def test_a_day_in_the_lead_is_still_the_publication_day(caption: str) -> None:
    # guard: the same article leading with its news day is dated by it, also
    # when a photo's caption or a byline (no verb) stands between the headline
    # and the first paragraph
    lead = "Edvard Lindqvist was executed on July 6, 1999 in Oslo."
    body = _RETROSPECTIVE.replace("Few people in Kjeldvik remember", lead + " Few remember", 1)
    body = body.replace("\n\n", "\n\n" + caption, 1)
    article = Article(source="r.txt", body=body, language="en")
    assert extract_article(article, BuildConfig()).article.published == date(1999, 7, 6)
