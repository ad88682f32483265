"""Extract: figures and the periods they are of.

A statistic is no happening: "a growth of 0.1% in 2019", "household wealth
reached 855 billion in 2030, according to the bank", "Some 148,000 migrants
crossed the border in 2023". Gives:

- :func:`after_a_figure` — a year right after a number and its unit
  (``[cues] figure_unit``) is the figure's period;
- :func:`states_a_figure` — a clause holds such a figure;
- :func:`dates_a_figure` — a time is the period of a figure its clause states,
  the word of telling outside that clause;
- :func:`counted_subject` — a year whose clause opens on a count in the
  thousands is the count's period.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from graph.extract.dates.clauses import clause_span
from graph.languages import BY_CODE
from graph.text import alternation
from graph.types import AnalysedSentence, TimeExpression

__all__ = ["after_a_figure", "counted_subject", "dates_a_figure", "states_a_figure"]


@lru_cache(maxsize=16)
def _figure(language: str, *, at_the_end: bool) -> re.Pattern[str] | None:
    """A number and its unit ("0,1 %", "6 million", "5 milliards d'euros"); with
    ``at_the_end``, ending right before a time, one short word between at most
    ("0,1 % en", "5 milliards d'euros en", "$3 billion in")."""
    registered = BY_CODE.get(language)
    units = registered.cues.get("figure_unit", ()) if registered else ()
    if not units:
        return None
    tail = r"(?:\s+[^\W\d]{1,3}['’][^\W\d]+)?\s*$" if at_the_end else ""
    return re.compile(rf"\d\s*(?:{alternation(units)})(?!\w){tail}", re.IGNORECASE)


def after_a_figure(text: str, start: int, language: str) -> bool:
    """Whether a figure with its unit ends right before ``start``: the time is
    the figure's period ("une croissance de 0,1 % en 2019"), which tells how much,
    not that something happened then. Only a year's figure is read so: a
    month's ("exports rose 11.2% in March") is the news of that month."""
    figure = _figure(language, at_the_end=True)
    return bool(figure and figure.search(text, max(0, start - 40), start))


def states_a_figure(text: str, span: tuple[int, int], language: str) -> bool:
    """Whether ``text[span]`` (a clause) holds a figure with its unit ("claims
    topped 6 million", "a baissé à 10 %"): what it tells is a statistic."""
    figure = _figure(language, at_the_end=False)
    return bool(figure and figure.search(text, *span))


def dates_a_figure(text: str, time: TimeExpression, trigger_at: int, language: str) -> bool:
    """Whether ``time`` is the period of a figure its clause states, the word of
    telling (at ``trigger_at``) standing outside that clause ("According to the
    bank, household wealth reached 855 billion in 2030", "les ventes ont augmenté
    de 4,3 % en juin, selon les données publiées par X"): the figure's period,
    not the telling's day. A day is no figure's period: "reported that on Saturday
    two ships sailed 1,000 kilometres" tells the day of a happening."""
    if time.granularity in _DAYS:
        return False
    first, last = clause_span(text, time.start, time.end)
    return not first <= trigger_at < last and states_a_figure(text, (first, last), language)


_DAYS: Final = frozenset({"day", "about-day", "days"})
# a count in the thousands with its separators ("148,000", "2 500"); not a year ("2023")
_THOUSANDS: Final = re.compile(r"\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?!\d)")
_SUBJECT_WORDS: Final = 4  # quantifier words before the count at most ("more than", "près de")


def counted_subject(sentence: AnalysedSentence, time: TimeExpression) -> bool:
    """Whether ``time`` is a year whose clause opens on a count in the thousands,
    the subject of its verb ("Some 148,000 migrants crossed the border in
    2023", "Plus de 2 500 personnes sont mortes en 2022"): the count's period,
    a statistic, no happening of that year. A named actor counting things
    ("the firm cut 1,500 jobs in 2023") tells its own act: the count is no
    subject there."""
    if time.granularity != "year":
        return False
    text = sentence.text
    first, last = clause_span(text, time.start, time.end)
    verb = next((v for v in sentence.verbs if first <= v.start < last), None)
    if verb is None or any(first <= m.start < verb.start for m in sentence.mentions):
        return False
    count = _THOUSANDS.search(text, first, verb.start)
    return count is not None and len(text[first : count.start()].split()) <= _SUBJECT_WORDS
