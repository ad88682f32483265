"""Extract: happenings a sentence names in a phrase of their own, with their own date.

Requires the time expressions the dates step found in one sentence. Gives:

- :func:`shortly` — the time of the sentence's own happening when a phrase
  opening on a ``shortly_before`` / ``shortly_after`` cue of the language
  names another happening with its day ("Peu avant l'invasion de la Valdorie
  le 24 février, Nordvik a annoncé…"): the :data:`SHORTLY_DAYS` before (after)
  that day, rule ``shortly-before`` (``shortly-after``), anchored on the event;
- :func:`told_apart` — the spans of the sentence a happening at a given time
  does not stand in: the phrase of another date's happening (an anniversary's
  "of the founding of relations between X and Y", up to the next comma; a
  "shortly before" phrase), or, for the happening such a phrase tells, all but
  that phrase. Its triggers and names are that happening's, not the sentence's;
- :func:`another_happening` — the phrases that name a happening other than
  the sentence's without a date of their own ("announced following the
  summit in Oslo, …", "signed the treaty after talks with Ostland"): whoever
  they name did that happening, not the sentence's;
- :func:`replaced` — the phrase naming whom the sentence's happening replaces
  ("nommé en remplacement de X", "replacing X"): X's tenure is another
  happening, and X does not act in this one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Final

from graph.extract.dates.clauses import COMPLEMENTISER
from graph.extract.quotes import quoted
from graph.extract.triggers import triggers_in
from graph.kb import KnowledgeBase
from graph.languages import cue
from graph.text import in_spans
from graph.types import TimeExpression

__all__ = ["SHORTLY_DAYS", "another_happening", "replaced", "shortly", "told_apart"]

# "shortly before D" says no more than near D: the two weeks before (after) it
SHORTLY_DAYS: Final = 14
_SHORTLY_REACH: Final = 90  # characters between the cue and the day it is before or after
_SHORTLY_RULES: Final = {"shortly_before": "shortly-before", "shortly_after": "shortly-after"}


def shortly(
    text: str, times: Sequence[TimeExpression], kb: KnowledgeBase, language: str
) -> list[TimeExpression]:
    """The times of the happenings told as shortly before or after another
    happening's day named in the same phrase (no comma between cue and day, a
    trigger between them: "shortly after midnight on Tuesday" names none)."""
    found = []
    for cue_name, rule in _SHORTLY_RULES.items():
        pattern = cue(cue_name, language)
        for match in pattern.finditer(text) if pattern else ():
            day = next((t for t in times if t.granularity == "day" and t.end > t.start
                        and 0 <= t.start - match.end() <= _SHORTLY_REACH
                        and "," not in text[match.end() : t.start]), None)  # fmt: skip
            if day is not None and any(
                match.end() <= at < day.start for _, _, at, _ in triggers_in(text, kb, language)
            ):
                found.append(_near(text, match.start(), day, rule))
    return found


def _near(text: str, start: int, day: TimeExpression, rule: str) -> TimeExpression:
    before = rule == "shortly-before"
    step = timedelta(days=1)
    begin, last = (
        (day.begin - SHORTLY_DAYS * step, day.begin - step)
        if before
        else (day.last + step, day.last + SHORTLY_DAYS * step)
    )
    return replace(day, text=text[start : day.end], start=start, begin=begin, last=last,
                   granularity="days", rule=rule, anchor=day.begin, anchor_kind="event",
                   relation="before-anchor" if before else "after-anchor")  # fmt: skip


def told_apart(
    text: str,
    time: TimeExpression,
    others: Sequence[TimeExpression],
    kb: KnowledgeBase,
    language: str,
) -> list[tuple[int, int]]:
    """The spans of ``text`` a happening at ``time`` does not stand in, given
    the sentence's ``others`` times ("The ship arrived on Tuesday, marking the
    75th anniversary of relations between Nordvik and Valdoria": the
    anniversary's words tell the founding, the rest the arrival; "Nordvik
    raised its budget in 2024, after Valdoria's invasion of Ostland in 2022":
    the phrase from "after" to its year tells the invasion)."""
    dated = _dated_phrases(text, [time, *others], kb, language)
    phrases = [p for t in others if (p := _phrase(text, t) or dated.get(t.start)) is not None]
    own = _phrase(text, time) if time.rule == "anniversary" else dated.get(time.start)
    around = [p for p in phrases if p[0] <= time.start and time.end <= p[1]]
    if time.end > time.start and (own or around):
        start, end = own or around[0]
        return [(0, start), (end, len(text))]
    if time.rule in _SHORTLY_RULES.values():
        phrases.append((time.start, time.end))
    return phrases


def _dated_phrases(
    text: str, times: Sequence[TimeExpression], kb: KnowledgeBase, language: str
) -> dict[int, tuple[int, int]]:
    """For each time that closes a phrase opening on a ``dated_phrase`` cue
    ("after", "depuis") with a trigger in it and no comma ("after Valdoria's
    invasion of Ostland in 2022"), by the time's start: the phrase's span."""
    pattern = cue("dated_phrase", language)
    if pattern is None:
        return {}
    triggers = [at for _, _, at, _ in triggers_in(text, kb, language)]
    found: dict[int, tuple[int, int]] = {}
    for match in pattern.finditer(text):
        if any(t.start <= match.start() < t.end for t in times):
            continue  # "five months after their talks": a time of its own already
        for time in times:
            near = 0 <= time.start - match.end() <= _SHORTLY_REACH and time.end > time.start
            if (
                near
                and "," not in text[match.end() : time.start]
                and time.rule not in _SHORTLY_RULES.values()
                and any(match.end() <= at < time.start for at in triggers)
            ):
                found.setdefault(time.start, (match.start(), time.end))
    return found


# the happening these times date is told in their own phrase: "the 75th
# anniversary of the founding of…", "two months after Nordvik's jets violated…"
# (the latter's names are no actors of the sentence's own happening, dated apart)
_OWN_PHRASE_RULES = frozenset({"anniversary", "event-offset"})


def _phrase(text: str, time: TimeExpression) -> tuple[int, int] | None:
    """The words of the happening another time of the sentence dates apart."""
    if time.rule in _OWN_PHRASE_RULES and time.end > time.start:
        end = text.find(",", time.end)
        return time.start, len(text) if end < 0 else end
    if time.rule in _SHORTLY_RULES.values():
        return time.start, time.end
    return None


_PUNCTUATION_END: Final = re.compile(r"[,;:(«»\"“”]")  # a phrase stops at these too


def another_happening(
    text: str, keep: int, times: Sequence[TimeExpression], kb: KnowledgeBase, language: str
) -> list[tuple[int, int]]:
    """The phrases of ``text`` opening on a ``dated_phrase`` cue ("after",
    "following", "since", "après", "depuis"…) with a trigger in them, up to the
    next punctuation or ``phrase_end`` cue ("during", "lors", "and"…): each
    names a happening other than the sentence's ("Valdoria signed the treaty after talks with
    Nordvik": Nordvik did not sign). ``keep``: the offset of the sentence's own
    happening (its date or trigger); a phrase holding it is that happening's;
    one with a ``joint`` cue ("with", "avec") names partners of what the
    sentence tells ("returned on Thursday after a patrol with Finnish ships"),
    and one inside a time of the sentence (``times``: "a week before the
    summit") dates a happening by another."""
    pattern, stops = cue("dated_phrase", language), cue("phrase_end", language)
    joint = cue("joint", language)
    if pattern is None:
        return []
    triggers = [at for _, _, at, _ in triggers_in(text, kb, language)]
    found = []
    for match in pattern.finditer(text):
        end = _phrase_end(text, match.end(), stops)
        if match.start() <= keep < end or any(t.start <= match.start() < t.end for t in times):
            continue
        if joint is not None and joint.search(text, match.end(), end):
            continue  # "revenus jeudi après une patrouille avec des navires finlandais": partners
        if any(match.end() <= at < end for at in triggers):
            found.append((match.start(), end))
    return found


def _phrase_end(text: str, start: int, stops: re.Pattern[str] | None) -> int:
    """Where a phrase opening at ``start`` stops: punctuation or a ``phrase_end`` cue."""
    found = [_PUNCTUATION_END.search(text, start), stops.search(text, start) if stops else None]
    return min((m.start() for m in found if m), default=len(text))


def attribution(
    text: str, trigger_at: int, kb: KnowledgeBase, language: str
) -> list[tuple[int, int]]:
    """The attribution ending a sentence after what it tells, outside a quote:
    a short phrase from the last comma before a verb of saying that comes after
    the trigger at ``trigger_at`` to the end, reporting nothing of its own (no
    "that"/"que", no other trigger): "…broke down on Saturday, union leader Tomas
    Ferreira told reporters", "…ont échoué samedi, a déclaré Tomas Ferreira".
    A person it names told of the happening (graph.extract.events)."""
    if in_spans(trigger_at, quoted(text)):
        return []  # a happening told in a quote: the quote's rules
    found = triggers_in(text, kb, language)
    for kind, _, start, _ in found:
        if kind.role != "saying" or start <= trigger_at:
            continue
        comma = text.rfind(",", trigger_at, start)
        if comma == -1 or _PHRASE_END_MARK.search(text, comma + 1, start):
            continue
        others = any(k.role != "saying" and at > comma for k, _, at, _ in found)
        short = len(text[comma:].split()) <= _ATTRIBUTION_WORDS
        if short and not others and COMPLEMENTISER.search(text, comma) is None:
            return [(comma, len(text))]
    return []


_PHRASE_END_MARK = re.compile(r"[;:.!?]")
# at most as long as ", le porte-parole du ministère norvégien de la Défense, Edvard Lindqvist"
_ATTRIBUTION_WORDS = 12


def replaced(text: str, language: str) -> list[tuple[int, int]]:
    """ "L'entraîneur a été nommé samedi en remplacement d'Edvard Lindqvist",
    "was named to replace X": whom the phrase names is replaced (the language
    file's ``[cues] replaced``), and never acts, even when nobody else is named;
    to the next comma or the end."""
    words = cue("replaced", language)
    if words is None:
        return []
    spans = []
    for found in words.finditer(text):
        end = text.find(",", found.end())
        spans.append((found.start(), len(text) if end < 0 else end))
    return spans
