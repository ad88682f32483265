"""Extract: a happening no trigger types (the fallback event type): whether a
sentence tells one at its time, and the type the words naming it give.

Requires: an event mention of :mod:`graph.extract.events` and its analysed sentence.

Method: a time inside a quote dates none (what is said, with no trigger, tells no
happening), nor one in a sentence without a verb (a photo's caption) unless it opens the
sentence before a colon (a timeline's entry: "May 7, 1989: first game at the new
stadium"), nor one whose clause holds a figure and its unit ("a baissé à 10 % en 2019",
"exports rose 4.3 % in June", "a perdu 142 millions d'euros au deuxième trimestre": a
statistic of that period, ``[cues] figure_unit``; its release is a happening, told by
whoever released it); a day dates a happening; a month or a year only in a clause told
in the past, not only in the imperfect nor only with a copula ("was 12 in 1976"), not
qualifying a noun, and with no word of habit ("often", "souvent": the language file's
``[cues] habitual``) or of a state ("lived", "vivait": ``[cues] state_verbs``). A name
the article gave the happening ("Baptisé « Aurore-2031 »") gives its type.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from graph.event_types import FALLBACK
from graph.extract import dates
from graph.extract.figures import states_a_figure
from graph.extract.quotes import quoted
from graph.extract.undated import clause_tense
from graph.extract.verbs import says_what_happened_then
from graph.languages import cue
from graph.text import in_spans
from graph.types import AnalysedSentence, EventMention, TimeExpression

__all__ = ["untyped_happening"]


def untyped_happening(
    mention: EventMention,
    sentence: AnalysedSentence,
    time: TimeExpression,
    named: dict[str, str],
    language: str,
) -> EventMention | None:
    """The mention as the events step keeps it: typed by its name when no
    trigger typed it, and None when, still untyped, it tells no happening at
    ``time`` (``named``: the types the article's happenings' names were given)."""
    mention = _typed_by_its_name(mention, sentence, named)
    if mention.event_type != FALLBACK:
        return mention
    if in_spans(time.start, quoted(sentence.text)):
        return None  # "“Parliament should act TODAY on the pension law…”": said, no happening told
    return mention if _past_happening(sentence, time, language) else None


_QUARTER_RULE: Final = "quarter"  # the date rule of "the second quarter", "au deuxième trimestre"
# a year or month right after a noun and "de"/"of": it qualifies the noun ("la
# Constitution de 2014", "the budget of 2031")
_OF_A_NOUN: Final = re.compile(r"[^\W\d_]{3,}\s+(?:de|d['’]|of)\s*$", re.IGNORECASE)
_OF: Final = re.compile(r"(?:de|d['’]|of)\s*", re.IGNORECASE)


def _past_happening(sentence: AnalysedSentence, time: TimeExpression, language: str) -> bool:
    """Whether a sentence no trigger types tells a happening at ``time``: not
    when a question mark follows the time (asked, not told); a day dates
    one; a month or a year only in a clause told in the past, not one that
    qualifies a noun, and not only in the imperfect. A forecast or a plan
    ("they'll be the ones… in two years", "could finish 1-2-3 next year",
    "Berlin prévoyait une hausse en 2032"), a state ("is expected in 2032",
    "lived in Oslo in the 1990s": ``[cues] state_verbs``) or "la
    Constitution de 2014" is no happening of that time, nor what used to
    happen ("often made headlines in 2019")."""
    if sentence.text.find("?", time.start) != -1:
        return False  # "“Are you aware the loan was paid off last week?”": asked, not told
    if not sentence.verbs and not _a_timeline_entry(sentence.text, time):
        return False  # "Kjeldvik harbour, September 15, 1987.": a caption
    first, last = dates.clause_span(sentence.text, time.start, time.end)
    for words in (cue("habitual", language), cue("state_verbs", language)):
        if words and words.search(sentence.text, first, last):
            # "a souvent fait la une en 2019", "lived in Oslo in the mid-1990s":
            # what used to happen or what was, no one happening
            return False
    if states_a_figure(sentence.text, (first, last), language) and not _told_then(
        sentence, time, language
    ):
        # "le chômage a baissé à 10 % en 2019", "exports rose 4.3 % in June": a
        # statistic of that period, no happening (its release is one, by who told it)
        return False
    if time.granularity in ("day", "days"):
        return True
    of = _OF.match(time.text)  # "la Constitution de 2014": the dates step kept the "de"
    if _OF_A_NOUN.search(sentence.text, 0, time.start + (of.end() if of else 0)):
        return False
    tense = clause_tense(sentence, time.start, time.end, language)
    if not tense:  # a clause cut short ("Depuis juillet 2031, X, en tant que…"): the sentence's
        tense = clause_tense(sentence, 0, len(sentence.text), language)
        first, last = dates.clause_span(sentence.text, 0, len(sentence.text))
    return tense == "anterior" or (
        tense == "past" and not _a_state(sentence, (first, last), time.start, language)
    )


def _told_then(sentence: AnalysedSentence, time: TimeExpression, language: str) -> bool:
    """Whether a when-clause right after the time tells what happened then ("since
    2 March, when Nordvik closed the border"), whatever figure the clause holds."""
    return any(says_what_happened_then(sentence, clause, time.end, language)
               for clause in sentence.temporal_clauses)  # fmt: skip


_COLON_AFTER: Final = re.compile(r"\s*:")


def _a_timeline_entry(text: str, time: TimeExpression) -> bool:
    """Whether the time opens the sentence and a colon follows it."""
    return not text[: time.start].strip() and _COLON_AFTER.match(text, time.end) is not None


def _a_state(sentence: AnalysedSentence, clause: tuple[int, int], at: int, language: str) -> bool:
    """Whether the clause (its bounds) of the time at ``at`` tells its past only
    in the imperfect ("Berlin prévoyait une hausse en 2032") or only with a
    copula ("She was 12 in 1976 when her mother took a job": a when-clause
    without the time is not its clause): a state or a background, not a
    happening."""
    first, last = clause
    elsewhere = [c for c in sentence.temporal_clauses if not c[0] <= at < c[1]]
    past = [v for v in sentence.verbs if first <= v.start < last and v.tense == "past"
            and not in_spans(v.start, elsewhere)]  # fmt: skip
    return bool(past) and (all(v.imperfect for v in past) or all(v.auxiliary for v in past))


def _typed_by_its_name(
    mention: EventMention, sentence: AnalysedSentence, named: dict[str, str]
) -> EventMention:
    """A happening no trigger types takes the type the words naming it gave
    ("Baptisé « Aurore-2031 », l'événement associe jusqu'au 7 septembre…": a
    military exercise, as "manœuvres navales baptisées « Aurore-2031 »" said)."""
    if mention.event_type != FALLBACK:
        return mention
    types = [named[m.key] for m in sentence.mentions if m.key in named]
    return replace(mention, event_type=types[0]) if types else mention
