"""Extract: the time of a happening as the story around it places it.

Requires the time expressions the dates step read in one sentence and the
event mentions the article told before it. Gives :func:`in_the_story`, which
the events step applies to every time: a day written without its year takes
the side of the report its clause's tense says (:func:`in_its_tense`), a
time counted from no named happening counts from the one told last
(:func:`counted_from_the_story`), a day after "until" ends the event
(:func:`graph.extract.dating.until`), and the eve of a happening told before
is counted from that happening (:func:`eve_of_a_told_happening`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Final

from graph.event_types import family
from graph.extract.dates import find_time_expressions
from graph.extract.dates.clauses import clause_span
from graph.extract.dating import until
from graph.extract.triggers import tells, triggers_in
from graph.extract.undated import (
    ANAPHOR_SENTENCES,
    EVE_OF_EVENT_RULE,
    EVE_OF_REPORT_RULE,
    REPORT_TIME_RULE,
    UNKNOWN_TIME_RULE,
    follows_a_definite,
    own_date,
)
from graph.kb import KnowledgeBase
from graph.languages import BY_CODE, cue
from graph.text import fold
from graph.types import AnalysedSentence, EventMention, TimeExpression

__all__ = [
    "counted_from_the_story",
    "eve_of_a_told_happening",
    "in_its_tense",
    "in_the_story",
    "named_by_the_eve",
]


def in_the_story(
    time: TimeExpression,
    sentence: AnalysedSentence,
    told: Sequence[EventMention],
    published: date | None,
    kb: KnowledgeBase,
    language: str,
) -> TimeExpression:
    """A time as its clause's tense and the happenings told before place it: a
    day without its year on the side of the report its tense says ("the Dec. 7
    attacks, which killed…"), counted from the last happening told ("the next
    day"), ending one that began ("until July 21"), the eve of one ("à la
    veille de la visite")."""
    counted = counted_from_the_story(
        in_its_tense(time, sentence, published, kb, language), sentence, told, language
    )
    return eve_of_a_told_happening(until(counted, sentence, told, published), sentence, told,
                                   kb, language)  # fmt: skip


def counted_from_the_story(
    time: TimeExpression, sentence: AnalysedSentence, told: Sequence[EventMention], language: str
) -> TimeExpression:
    """ "X entered the church on the evening of June 17, 2031 … He was arrested
    the next day", "trois jours plus tard": a time counted from no happening it
    names counts from the latest one the article dated by its own words (finer
    than a year) in the :data:`ANAPHOR_SENTENCES` before, not from the
    report's day. With none, it stays as the dates step read it."""
    if time.rule != _COUNTED_RULE:
        return time
    earlier = [e for e in told if own_date(e.time) and e.time.granularity != "year"
               and 0 < sentence.index - e.sentence_index <= ANAPHOR_SENTENCES]  # fmt: skip
    if not earlier:
        return time
    base = earlier[-1].time.begin
    again = [t for t in find_time_expressions(time.text, language=language, anchor=base)
             if t.rule == _COUNTED_RULE]  # fmt: skip
    if not again:
        return time
    return replace(again[0], start=time.start, end=time.end, anchor=base, anchor_kind="event")


_COUNTED_RULE: Final = "relative-offset"  # "the next day", "two days later": counted from no name
_YEARLESS_RULE: Final = "day-month"  # "Dec. 7", "le 22 avril": the year nearest the report
_IN_ITS_TENSE_RULE: Final = "day-month-in-tense"  # the year on the side its clause's tense says
_BOUND_REACH: Final = 16  # characters between a deadline word and its day


def in_its_tense(
    time: TimeExpression,
    sentence: AnalysedSentence,
    published: date | None,
    kb: KnowledgeBase,
    language: str,
) -> TimeExpression:
    """A day written without its year in a clause told in the past is on or
    before the report ("the Dec. 7 attacks, which killed 40", printed in
    November: last December), one in a clause told as to come on or after it;
    the dates step took the year nearest the report, whatever the tense. The
    clause's verbs (not its auxiliaries) say it: all in one tense, the past
    (or anterior) or the future, the nearest a finite one and no verb of
    saying or telling (what is told has its own tense). A day after a
    ``[cues] deadline`` word bounds something, and one with its weekday has
    the year its weekday says: both keep theirs."""
    if time.rule != _YEARLESS_RULE or published is None or time.begin == published:
        return time
    if _bound_or_weekday(sentence.text, time, language):
        return time
    start, end = clause_span(sentence.text, time.start, time.end)
    verbs = [v for v in sentence.verbs if start <= v.start < end and not v.auxiliary]
    nearest = min(verbs, key=lambda v: min(abs(v.start - time.end), abs(time.start - v.end)),
                  default=None)  # fmt: skip
    if nearest is None or not nearest.tense:
        return time  # "from taking effect July 1": the day of an infinitive or gerund
    if tells(sentence.text, nearest, kb, language):
        return time  # "announced the closure from September 1": the tense of the telling
    tenses = {"past" if v.tense == "anterior" else v.tense for v in verbs if v.tense}
    step = -1 if time.begin > published and tenses == {"past"} else 0
    step = 1 if time.begin < published and tenses == {"future"} else step
    if not step:
        return time
    try:
        day = time.begin.replace(year=time.begin.year + step)
    except ValueError:  # the 29th of February
        return time
    return replace(time, begin=day, last=day, rule=_IN_ITS_TENSE_RULE)


def _bound_or_weekday(text: str, time: TimeExpression, language: str) -> bool:
    """Whether a ``[cues] deadline`` word stands right before the day ("no later
    than May 10", "jusqu'au 2 juillet") or its words name a weekday."""
    bound = cue("deadline", language)
    if bound is not None and bound.search(text, max(0, time.start - _BOUND_REACH), time.start):
        return True
    weekdays = BY_CODE[language].dates.weekdays if language in BY_CODE else {}
    return any(w in weekdays for w in _WORD.findall(fold(time.text)))


_WORD: Final = re.compile(r"\w+")


_EVE_RULE: Final = "eve-of"
_EVE_NOUN_REACH: Final = 12  # characters between "à la veille de" / "the eve of" and the event noun


def named_by_the_eve(
    text: str, time: TimeExpression, kb: KnowledgeBase, language: str
) -> tuple[str, int, int] | None:
    """The happening "à la veille de la visite", "the day after the vote" is
    counted from when it is a definite event noun right after the phrase:
    (its type, start, end), else None."""
    if time.rule not in (_EVE_RULE, EVE_OF_EVENT_RULE, EVE_OF_REPORT_RULE):
        return None
    for event_type, _, start, end in triggers_in(text, kb, language):
        if time.end <= start <= time.end + _EVE_NOUN_REACH and follows_a_definite(text, start):
            return event_type.name, start, end
    return None


def eve_of_a_told_happening(
    time: TimeExpression,
    sentence: AnalysedSentence,
    told: Sequence[EventMention],
    kb: KnowledgeBase,
    language: str,
) -> TimeExpression:
    """ "Le président est arrivé à Pékin… Dans une interview accordée à la
    veille de la visite, il a…": the visit is the one told before, so the eve
    is the day before that visit's time, not the day after the report's; the
    sentence's own happening (the interview) is on it. The happening the eve
    is of (a definite noun of a family told in the :data:`ANAPHOR_SENTENCES`
    before) is then no happening of this sentence (:func:`named_by_the_eve`).
    Else the time stays as the dates step read it: the named happening on the
    day after (or before) the report's."""
    named = named_by_the_eve(sentence.text, time, kb, language)
    if named is None:
        return time
    earlier = [e for e in told if family(e.event_type) == family(named[0])
               and 0 < sentence.index - e.sentence_index <= ANAPHOR_SENTENCES
               and e.time.rule != UNKNOWN_TIME_RULE]  # fmt: skip
    if not earlier:
        return time
    event = earlier[-1].time
    # the dates step read the named happening's day: after the anchor for an eve
    shift = timedelta(days=-1 if time.relation == "after-anchor" else 1)
    begin, last = event.begin + shift, event.last + shift
    # counted from the time of another happening, it is no date of the sentence's
    # own: later sentences do not go on from it (the eve of a visit told at report
    # time is as loosely dated as that visit)
    reported = event.rule in (REPORT_TIME_RULE, EVE_OF_REPORT_RULE)
    return replace(time, begin=begin, last=last, granularity="day" if begin == last else "days",
                   rule=EVE_OF_REPORT_RULE if reported else EVE_OF_EVENT_RULE,
                   anchor=event.begin, anchor_kind="event", relation="at")  # fmt: skip
