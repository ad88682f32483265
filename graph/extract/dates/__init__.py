"""Extract: temporal expressions in one sentence, normalised to intervals of days.

Requires a sentence, its language (``"fr"`` or ``"en"``) and, for relative
expressions, an anchor date (usually the publication date). Adds
``TimeExpression`` records with character offsets and an audit trail (the
words as written, the anchor, the name of the rule that resolved them).

Candidates are found with precompiled regular expressions built from compact
month, weekday and number tables, never with ``dateparser.search_dates`` (slow,
and it reads "Sa" or "mer" as dates). Overlapping candidates are resolved by
rule order (most specific first), then length; a candidate that names an
impossible date ("31 février") still blocks the ones inside it, so it yields
nothing at all.

Rules (the ``rule`` field): ``full-date``, ``day-month``, ``numeric-date``,
``iso-date``, ``day-range``, ``month-year``, ``year``, ``year-range``,
``relative-month``, ``that-month`` ("that September", "en septembre de cette
année-là": the month of the last year the sentence told before it),
``part-of-month``, ``weekday``, ``relative-day``, ``relative-week``,
``relative-year``, ``ago``, ``from-now``, ``anniversary``,
``event-offset``, ``relative-offset`` (also "the next day", "la veille": the
events step counts them from the happening told last,
:func:`graph.extract.storytime.counted_from_the_story`), ``season``, ``night`` (two days),
``quarter`` (three months, granularity ``month``), ``decade`` ("the 1990s",
"au milieu des années 1990": its years, or its early, mid or late part,
granularity ``year``). Two expressions read as one after the rules: a month
right before a year told relative to the report is of that year ("in April
last year", "en mars de l'année dernière": ``relative-month``), and an
anniversary in a sentence that gives its own year counts from it.

Unchecked assumptions and limits:

* A date without a year takes the year that puts it nearest the anchor. A
  stated weekday that does not match is kept and reported in ``conflict``.
* Tense is guessed from surface cues in the clause around the expression
  (the text between ``que``/``that``, quotes, ``;`` or ``:``): French future
  endings (-era, -ira, -dra, ... -ront, -rons, -rez), ``devrait``, ``doit``,
  ``va``/``vont`` + infinitive, ``prévu``; English ``will``, ``is/are to``,
  ``expected to``, ``should``, ``scheduled``, ``would`` (the future of
  reported speech; not ``would have``). A bare weekday, month or part
  of month resolves to the past occurrence unless the clause is future or
  the words say ``prochain``/``next``/``coming``. Reported speech without a
  ``que``/``that`` boundary, passé simple of -rer verbs ("déclara") and
  habitual uses ("le lundi") are misread.
* ``14/10/2024`` is day/month in French; in English it is month/day unless
  the first number exceeds 12. Two-digit years, clock times, hours, decades,
  month ranges and "la veille"/"le lendemain" are not handled.
* Seasons are meteorological (winter of year Y = December Y to February Y+1).
* Vague expressions ("récemment", "ces dernières années", "recently") are
  never returned: they would create junk events.

Modules, each importing only those listed before it:

* ``vocabulary``: month, weekday, number, season and part-of-month words per
  language, the pattern fragments built from them, :func:`is_calendar_word`.
* ``clauses``: :func:`clause_span` and :func:`is_future_tense`.
* ``context``: what a handler reads (``_Ctx``) and returns (``_Res``,
  ``_BLOCK``), and the checks handlers share.
* ``arithmetic``: calendar arithmetic on days (month ends, nearest year,
  weekday or month on one side of an anchor, seasons, offsets).
* ``absolute``: handlers of expressions that name their day, month, year,
  part of month, season or quarter.
* ``relative``: handlers of expressions read from the anchor day.
* ``rules``: the rule table, its compilation per language, the cue prefilter.
* ``find``: :func:`find_time_expressions`, :func:`find_undated_days`.
* ``describe``: :func:`describe_interval`, the display words.
"""

from __future__ import annotations

from graph.extract.dates.clauses import COMPLEMENTISER as COMPLEMENTISER
from graph.extract.dates.clauses import clause_span as clause_span
from graph.extract.dates.clauses import is_future_tense
from graph.extract.dates.describe import describe_interval
from graph.extract.dates.find import UndatedDay, find_time_expressions, find_undated_days
from graph.extract.dates.vocabulary import is_calendar_word as is_calendar_word

__all__ = [
    "UndatedDay",
    "describe_interval",
    "find_time_expressions",
    "find_undated_days",
    "is_future_tense",
]
