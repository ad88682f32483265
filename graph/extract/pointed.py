"""Extract: the time a sentence without a date of its own points back at.

Requires an analysed sentence, the events its article told before it (with
their times) and the publication day. Gives the time of its happening when
its words place it by the happening told before ("at the time", "shortly
thereafter", "à l'époque", "peu après": the language file's ``[cues]
at_that_time`` and ``after_that_time``), instead of the report's days.

"The plan was decreed in 2011. A state company was founded shortly
thereafter": the founding is not news of the report's week, it came after
2011. Such a sentence takes the time of the latest happening its article
told, when that was dated by its own words (rule ``discourse-time``), or,
told as after it, the days from that time to the report (rule
``after-told``, granularity ``days``); after a happening told without a
date of its own, the time the sentence would take without those words
(the discourse's or the report's: "Le président a ensuite salué…" after
the report's news); with nothing told before it, its time is unknown (rule
``unknown-time``): never the report's, which its words rule out. Words that
say it came before the news and no told time ("previously", "in the past",
"auparavant": ``[cues] before_the_news``) leave its time unknown too: "X has
previously called for more resources" is no news of the report's days.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Final

from graph.event_types import TELLING
from graph.extract.quotes import quoted
from graph.extract.undated import (
    AFTER_TOLD_RULE,
    ANAPHOR_SENTENCES,
    going_on,
    is_recent,
    own_date,
    report_time,
)
from graph.languages import cue
from graph.text import in_spans
from graph.types import AnalysedSentence, EventMention, Tense, TimeExpression

__all__ = ["in_a_past_narrative", "time_pointed_back"]

_COMMA: Final = re.compile(r"[,;:]|\s[–—-]\s")


def time_pointed_back(
    sentence: AnalysedSentence,
    told: tuple[int, Tense],
    earlier: Sequence[EventMention],
    published: date | None,
    language: str,
) -> TimeExpression | None:
    """The time of an undated sentence's happening (``told``: the offset of its
    trigger and its tense) that its words place by the happening told before,
    or None when no such words stand in the trigger's clause, outside its
    quotes ("Officials later sealed off the area, Dar said": the sealing came
    later, Dar's statement is the report's), or when it is told as to come.

    >>> from graph.types import AnalysedSentence
    >>> s = AnalysedSentence(1, "The firm was founded shortly thereafter.", (), (), frozenset())
    >>> time_pointed_back(s, (12, "past"), [], date(2025, 10, 21), "en").rule
    'unknown-time'
    """
    trigger_at, tense = told
    found = _cue_in(sentence.text, language)
    if tense == "future" or found is None or not _of_the_trigger(sentence, found[1], trigger_at):
        return None
    words, start, end, relation = found
    before = [e for e in earlier if 0 < sentence.index - e.sentence_index <= ANAPHOR_SENTENCES]
    if not before or relation == "before":
        return replace(report_time("past", None, None), text=words, start=start, end=end)
    after = relation == "after"
    then = max(before, key=lambda e: (e.sentence_index, e.time.begin)).time
    if not own_date(then):
        return None  # after what the report told undated: of the report's days, or the discourse's
    if not after:
        return replace(going_on(then), text=words, start=start, end=end)
    last = max(then.last, published) if published is not None else then.last
    return replace(then, text=words, start=start, end=end, last=last, granularity="days",
                   rule=AFTER_TOLD_RULE, anchor=then.begin, anchor_kind="event",
                   relation="after-anchor")  # fmt: skip


NARRATIVE_SENTENCES: Final = 3  # the sentences before an undated one that tell when its story is


def in_a_past_narrative(
    sentence: AnalysedSentence,
    told: tuple[str, Tense],
    earlier: Sequence[EventMention],
    published: date | None,
    language: str,
) -> TimeExpression | None:
    """The time of an undated happening told in the past right after happenings
    the article dated, by their own words, long before the report (more than
    :data:`~graph.extract.undated.RECENT_DAYS` days) and after none of the
    report's weeks: "Lindqvist was charged in 2019… He was convicted and sent
    to prison" is part of that story, not news of the report's days. It took
    place between the latest of them and the report (rule ``after-told``,
    granularity ``days``). Statements between them are passed over, and a
    happening so placed counts as one of that story: the story goes on past its
    quotes ("…arrested in 2019. “He lied,” X said. He was convicted. He
    appealed"). A
    sentence after news of the report's weeks, or after a happening the
    article did not date by its words, keeps the report's days (news told after
    one background sentence follows news too: "Russia struck Kyiv on Monday.
    The war began in 2022. Officials said twelve people died"). A statement
    or an announcement (``told``: its type and tense) is the report's: whom it
    quotes spoke to the reporter ("…, an analyst at X, said"). Nor does a
    sentence that says it tells of the present (``[cues] present_time``: "runs
    the business now, and decided…", "dirige désormais…")."""
    event_type, tense = told
    if tense not in ("past", "anterior") or published is None or event_type in TELLING:
        return None
    present = cue("present_time", language)
    if present is not None and present.search(sentence.text):
        return None
    before = [e for e in earlier if 0 < sentence.index - e.sentence_index <= NARRATIVE_SENTENCES
              and e.event_type not in TELLING]  # fmt: skip
    if not before or not all(_of_the_past(e.time, published) for e in before):
        return None
    then = max(before, key=lambda e: (e.time.begin, e.sentence_index)).time
    if then.rule == AFTER_TOLD_RULE:
        return then  # the story goes on: after the same happening, before the report
    return replace(then, text="", start=0, end=0, last=published, granularity="days",
                   rule=AFTER_TOLD_RULE, anchor=then.begin, anchor_kind="event",
                   relation="after-anchor")  # fmt: skip


def _of_the_past(time: TimeExpression, published: date) -> bool:
    """Whether a happening is of a story long before the report: dated by its own
    words long before, or told after such a one (rule ``after-told``)."""
    if time.rule == AFTER_TOLD_RULE:
        return True
    return own_date(time) and not is_recent(time, published)


_RELATIONS: Final = (("at_that_time", "at"), ("after_that_time", "after"),
                     ("before_the_news", "before"))  # fmt: skip


def _cue_in(text: str, language: str) -> tuple[str, int, int, str] | None:
    """The first words of ``text`` outside its quotes that point back at a time told
    before or at one before the news: (words, start, end, "at", "after" or "before")."""
    quotes = quoted(text)
    found = []
    for name, relation in _RELATIONS:
        words = cue(name, language)
        if words is not None:
            found += [(m.group(), m.start(), m.end(), relation)
                      for m in words.finditer(text) if not in_spans(m.start(), quotes)]  # fmt: skip
    return min(found, key=lambda f: f[1]) if found else None


def _of_the_trigger(sentence: AnalysedSentence, at: int, trigger_at: int) -> bool:
    """Whether the words at ``at`` place the trigger's clause: they stand in its
    stretch between commas, or open the stretch before it with no verb of their
    own ("Since then, three ministries have said…"; not "Officials later sealed
    off the area, Dar said", nor "Seconds later, shots rang out, X said")."""
    own, theirs = _segment(sentence.text, trigger_at), _segment(sentence.text, at)
    if own == theirs:
        return True
    verbless = not any(theirs[0] <= v.start < theirs[1] and v.tense for v in sentence.verbs)
    return verbless and _segment(sentence.text, theirs[1] + 1) == own


def _segment(text: str, at: int) -> tuple[int, int]:
    """The stretch of ``text`` between commas (or the like) that holds offset ``at``."""
    starts = [m.end() for m in _COMMA.finditer(text, 0, at)]
    stop = _COMMA.search(text, at)
    return (starts[-1] if starts else 0), (stop.start() if stop else len(text))
