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
- :func:`referenced` — the noun phrase of a happening the sentence speaks of,
  dated inside that phrase ("condemned the March 3 bombing", "since the 2029
  border clashes", "a dénoncé l'attaque du 22 avril"): the time is that
  happening's, and only the phrase names its actors; who speaks of it does
  not act in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from graph.extract.actors import with_represented_countries
from graph.extract.asides import antecedent
from graph.extract.triggers import tells, triggers_in
from graph.extract.verbs import says_what_happened_then
from graph.kb import KnowledgeBase
from graph.languages import BY_CODE, cue
from graph.text import alternation
from graph.types import AnalysedSentence, EntityMention, TimeExpression

__all__ = [
    "SHORTLY_DAYS",
    "about_someone",
    "another_happening",
    "beyond_its_clause",
    "counted_since",
    "parties_counted_from",
    "referenced",
    "shortly",
    "told_apart",
]

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


# between a time and the event noun it modifies: a possessive, up to two lower-case
# words other than a determiner ("the 2029 border clashes", "Tuesday's vote")
_BEFORE_NOUN: Final = re.compile(r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,2}")

# a name's possessive right before the phrase: "Valdoria's 2022 invasion of Ostland"
_POSSESSIVE: Final = re.compile(r"['’]s\s+")


def referenced(
    sentence: AnalysedSentence,
    time: TimeExpression,
    times: Sequence[TimeExpression],
    kb: KnowledgeBase,
    language: str,
) -> tuple[int, int] | None:
    """The noun phrase of a happening the sentence speaks of, when ``time`` dates
    it from inside ("Nordvik condemned the March 3 bombing", "his first visit
    since the 2029 border clashes between X and Y", "a dénoncé mardi l'attaque
    du 22 avril"), or None when ``time`` dates the sentence's own happening.

    The time modifies an event noun: right before it (English word order), or
    after it with a ``time_of_noun`` cue ("de", "du"). The phrase is spoken of
    when a ``dated_phrase`` cue opens it ("since", "depuis") or a verb of
    saying or telling takes it as object (only a determiner and the
    sentence's other ``times`` between); taken by another verb ("joined the
    2019 exercises", "said at yesterday's ceremony") it is the sentence's own
    happening, and so it is as the subject of what is said ("said the March 3
    attack was planned"). The phrase runs from its first word (a possessor's
    name included) to the next punctuation or verb."""
    if time.end <= time.start:
        return None
    noun = _dated_noun(sentence, time, kb, language)
    if noun is None:
        return None
    text = sentence.text
    start, end = min(noun[0], time.start), max(noun[1], time.end)
    owner = next((m for m in sentence.mentions if _POSSESSIVE.fullmatch(text, m.end, start)), None)
    start = owner.start if owner is not None else start
    if not _spoken_of(sentence, start, times, kb, language):
        return None
    # "between X and Y" is the phrase's: only punctuation or a verb ends it
    stop = _phrase_end(text, end, None)
    verb = min((v.start for v in sentence.verbs if v.start >= end), default=len(text))
    if verb < stop and _phrase_end(text, end, cue("phrase_end", language)) >= verb:
        return None  # the subject of a clause: what it tells is told
    return start, min(stop, verb)


def about_someone(
    sentence: AnalysedSentence, time: TimeExpression, kb: KnowledgeBase, language: str
) -> bool:
    """Whether ``time`` is in a relative clause that holds no trigger, about a
    person's or a group's name ("Marion Castellan, who left her post in
    September, said…") or a noun that names no happening ("launched
    consultations with firms that close on Dec. 6"): it dates a happening of
    theirs that no trigger types, not the sentence's, so it dates nothing
    here. Not after a happening's noun or a place ("the exercises, which run
    until Wednesday", "on the border with Ostland, which will last until July
    19": their time)."""
    triggers = _trigger_spans(sentence, kb, language)
    for clause in sentence.relative_clauses:
        if not clause.start <= time.start < clause.end or _overlap(triggers, clause.start,
                                                                   clause.end):  # fmt: skip
            continue
        named = antecedent(sentence, clause)
        if named is not None:
            if named.kind in _SOMEONE:
                return True
            continue
        if not _overlap(triggers, *clause.antecedent):  # "the executive order that…"
            return True
    return False


def beyond_its_clause(
    sentence: AnalysedSentence, time: TimeExpression, kb: KnowledgeBase, language: str
) -> list[tuple[int, int]]:
    """Where a trigger typing the happening of ``time`` is not. A time inside a
    clause that says when by another happening dates the happening that clause
    tells, when it tells one: the words outside it do not type it ("Hours
    after X was named leader on Tuesday, many wondered how the appointment
    would affect the war with Y"; its actors may be named there: "Lindqvist
    was the face of change when he won the 2016 election"). A time outside such
    clauses is not of their happenings ("Castellan was escorted off stage on
    Monday, while the protesters faced boos": no protest on Monday), unless
    the clause says what happened then ("until 2013, when Norway banned the
    group")."""
    triggers = _trigger_spans(sentence, kb, language)
    for start, end in sentence.temporal_clauses:
        if start <= time.start < end and _overlap(triggers, start, end):
            return [(0, start), (end, len(sentence.text))]
    # a clause the time expression holds ("the day before X killed himself") is its anchor
    return [c for c in sentence.temporal_clauses if not _overlap([(time.start, time.end)], *c)
            and not says_what_happened_then(sentence, c, time.end, language)]  # fmt: skip


def _trigger_spans(
    sentence: AnalysedSentence, kb: KnowledgeBase, language: str
) -> list[tuple[int, int]]:
    return [(start, end) for _, _, start, end in triggers_in(sentence.text, kb, language)]


def _overlap(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


_SOMEONE: Final = frozenset({"person", "organization"})  # the model takes some people for groups


def _dated_noun(
    sentence: AnalysedSentence, time: TimeExpression, kb: KnowledgeBase, language: str
) -> tuple[int, int] | None:
    """The event noun ``time`` modifies (its span), if any: no verb of the sentence."""
    text = sentence.text
    of, determiner = cue("time_of_noun", language), cue("determiners", language)
    for kind, _, start, end in triggers_in(text, kb, language):
        if kind.role == "fallback" or any(v.start <= start < v.end for v in sentence.verbs):
            continue
        before = (start >= time.end and _BEFORE_NOUN.fullmatch(text, time.end, start)
                  and not (determiner and determiner.search(text, time.end, start)))  # fmt: skip
        gap = text[end : time.start].strip()
        after = (end <= time.start and of is not None
                 and (of.fullmatch(gap) or (not gap and of.match(time.text))))  # fmt: skip
        if before or after:
            return start, end
    return None


def counted_since(text: str, start: int, language: str) -> bool:
    """Whether the phrase at ``start`` opens on a ``dated_phrase`` cue ("since
    the 2029 border clashes", "après l'attaque du 2 novembre"), at most a
    determiner between: the sentence's happening is counted from it."""
    return _opens_on(text, start, "dated_phrase", language)


def _opens_on(text: str, start: int, words: str, language: str) -> bool:
    """Whether the phrase at ``start`` opens on one of the ``[cues]`` ``words``,
    at most a determiner between."""
    opening = cue(words, language)
    return opening is not None and any(
        _only_a_determiner(text[m.end() : start], language)
        for m in opening.finditer(text, 0, start)
    )


@lru_cache(maxsize=8)
def _determiner(language: str) -> re.Pattern[str]:
    """Whitespace and at most one of the language's ``[cues] determiners``."""
    registered = BY_CODE.get(language)
    words = registered.cues.get("determiners", ()) if registered else ()
    elided = [w for w in words if w.endswith(("'", "’"))]  # "l'attaque": no space after
    full = [w for w in words if w not in elided]
    parts = [rf"(?:{alternation(full)})\s+"] if full else []
    parts += [f"(?:{alternation(elided)})"] if elided else []
    return re.compile(rf"\s*(?:{'|'.join(parts)})?\s*", re.IGNORECASE)


def _only_a_determiner(gap: str, language: str) -> bool:
    """Whether ``gap`` (between a verb or a cue and a noun phrase) holds at most
    a determiner: "condemned the", "a dénoncé l'"."""
    return _determiner(language).fullmatch(gap) is not None


def _spoken_of(
    sentence: AnalysedSentence,
    start: int,
    times: Sequence[TimeExpression],
    kb: KnowledgeBase,
    language: str,
) -> bool:
    """Whether the phrase at ``start`` opens on a ``dated_phrase`` or
    ``about_phrase`` cue ("over Tuesday's attack") or is the object of a verb of
    saying or telling."""
    text = sentence.text
    if counted_since(text, start, language) or _opens_on(text, start, "about_phrase", language):
        return True
    verbs = [v for v in sentence.verbs if v.end <= start and not v.auxiliary]
    if not verbs:
        return False
    verb = verbs[-1]
    # "a condamné mardi l'attaque": the sentence's own time may stand between
    gap = "".join(c if not any(t.start <= i < t.end for t in times) else " "
                  for i, c in enumerate(text[verb.end : start], verb.end))  # fmt: skip
    return _only_a_determiner(gap, language) and tells(text, verb, kb, language)


def parties_counted_from(
    sentence: AnalysedSentence, start: int, day: date, kb: KnowledgeBase, language: str
) -> tuple[EntityMention, ...]:
    """The parties of a happening the sentence's own is counted from, in a phrase
    at ``start`` that names nobody ("her first visit to Sweden since the 2029
    border clashes"): the countries the sentence names before it and those its
    people there act for on ``day``, never the people themselves (who travels
    or speaks did not clash)."""
    if not counted_since(sentence.text, start, language):
        return ()
    named = tuple(m for m in sentence.mentions
                  if m.kind in ("person", "country") and m.end <= start)  # fmt: skip
    return tuple(a for a in with_represented_countries(named, day, kb) if a.kind == "country")
