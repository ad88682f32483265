"""Extract: dated event mentions from analysed sentences (their actors: graph.extract.actors).

Requires: an ``Article`` whose ``published`` date is known or inferred (the
anchor of relative dates) and its sentences from :func:`graph.extract.entities.analyse`.

Adds: one :class:`~graph.types.EventMention` per distinct dated happening in a
sentence: a time expression (:mod:`graph.extract.dates`), the event type whose trigger
word stands nearest to it, the sentence's actors (people, organisations,
countries, and the holders of role phrases), the place nearest the trigger and
the topics the sentence's words evoke.

Method and limits: a sentence with no time expression yields no event (news
sentences without a date are background, not timeline). Actors are all actors
of the sentence, not of the clause; "les deux pays" / "the two countries"
borrow the countries of the two preceding sentences; a sentence with a trigger
but no actor borrows the actors of the preceding sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from graph.event_types import FALLBACK, EventType
from graph.extract import dates
from graph.extract.actors import (
    TWO_COUNTRIES,
    first_role,
    role_holders,
    role_registry,
    sentence_actors,
    with_represented_countries,
)
from graph.extract.entities import ACTOR_KINDS
from graph.extract.topics import match_topics, stem_regex
from graph.kb import KnowledgeBase
from graph.types import (
    AnalysedSentence,
    AnchorKind,
    Article,
    EntityMention,
    EventMention,
    TimeExpression,
)

# sentences before an event's own that anaphora may point into ("les deux pays"
# looks two back; "l'organisation" as far as this, since an article names an
# organisation once in full and then by its common noun)
_CONTEXT_SENTENCES = 6
_SAME_DAY_RULE = "same-day-as-previous-sentence"
_UNTIL_RULE = "until"
_UNTIL = re.compile(r"(?:jusqu['’]\s*(?:au|à|a|en)|until|till|through)\s*$", re.IGNORECASE)
_UNTIL_MAX_DAYS = 60  # an event told as lasting "until" a day began at most this long before
# A statement verb is the weakest evidence of what happened: prefer any other
# trigger unless it is much farther from the date.
_STATEMENT_PENALTY = 40
_OUTSIDE_CLAUSE_PENALTY = 10_000  # characters: any trigger in the clause comes first
_COUNTRY_PLACE_PENALTY = 30


@lru_cache(maxsize=8)
def _trigger_regexes(
    kb: KnowledgeBase, language: str
) -> tuple[tuple[EventType, re.Pattern[str]], ...]:
    pairs = []
    for event_type in kb.event_types:
        regex = stem_regex(event_type.triggers.get(language, ()))
        if regex is not None:
            pairs.append((event_type, regex))
    return tuple(pairs)


def _event_type(
    sentence: str, time: TimeExpression, kb: KnowledgeBase, language: str
) -> tuple[str, str | None, int]:
    """Type, trigger word and trigger offset for the time expression ``time``.

    The nearest trigger in the date's own clause wins ("X said on Tuesday that
    the patrol…" is a statement on Tuesday, not a patrol), a verb of saying
    only when nothing else is near; outside the clause only when it has none;
    of two as near, the longer ("general strike", not "strike").
    """
    best: tuple[int, int, str, str | None, int] = (10**9, 0, FALLBACK, None, time.start)
    whole = time.end > time.start
    clause = dates.clause_span(sentence, time.start, time.end, commas=False) if whole else None
    for event_type, regex in _trigger_regexes(kb, language):
        for match in regex.finditer(sentence):
            distance = min(abs(match.start() - time.end), abs(time.start - match.end()))
            if event_type.role == "saying":
                distance += _STATEMENT_PENALTY
            if clause and not clause[0] <= match.start() < clause[1]:
                distance += _OUTSIDE_CLAUSE_PENALTY
            candidate = (distance, -len(match.group(0)), event_type.name, match.group(0))
            if candidate[:2] < best[:2]:
                best = (*candidate, match.start())
    return best[2], best[3], best[4]


def _place(sentence: AnalysedSentence, trigger_at: int) -> EntityMention | None:
    places = [
        m
        for m in sentence.mentions
        if m.kind == "place" or (m.kind == "country" and m.key in sentence.locative)
    ]
    if not places:
        return None
    # A place said to be where ("in Paris", "à Paris") beats a name used as
    # an adjective ("an Arctic research centre"); a city or sea beats the
    # country around it ("à Lyon en France") unless the country stands much
    # nearer the trigger ("du conflit au Soudan").
    return min(
        places,
        key=lambda m: (
            m.key not in sentence.locative,
            abs(m.start - trigger_at) + _COUNTRY_PLACE_PENALTY * (m.kind == "country"),
            m.key,
        ),
    )


def _is_vague(time: TimeExpression, anchor: date | None) -> bool:
    """ "cette année" / "this year" dates nothing: the whole year of the anchor."""
    return (
        time.granularity == "year"
        and time.relation == "at"
        and anchor is not None
        and time.rule == "relative-year"
        and time.begin <= anchor <= time.last
    )


def extract_events(
    article: Article,
    sentences: Sequence[AnalysedSentence],
    *,
    kb: KnowledgeBase,
    year: int | None = None,
) -> list[EventMention]:
    """Dated event mentions of one article, in text order.

    Args:
        article: the article (its ``published`` date anchors relative dates).
        sentences: its analysed sentences.
        kb: the knowledge base (event-type triggers, role holders).
        year: for an article without a publication date, the year it is known
            to be from (days written without a year take it).

    Returns:
        One mention per distinct (sentence, interval); identical repeated
        sentences (photo captions shown twice) yield one mention.
    """
    language = article.language or "fr"
    anchor = article.published
    article_role = first_role(sentences)
    registry = role_registry(sentences, article_role)
    seen: set[tuple[str, date, date]] = set()
    events: list[EventMention] = []
    day_before: TimeExpression | None = None  # the previous sentence's event day
    for i, sentence in enumerate(sentences):
        times = dates.find_time_expressions(
            sentence.text, language=language, anchor=anchor, year=year
        )
        times = [_until(t, sentence, events, anchor) for t in times
                 if not _in_dateline(sentence.text, t)]  # fmt: skip
        if not times and day_before is not None:
            times = _same_day(sentence, day_before, kb, language)
        day_before = None
        for time in times:
            if _is_vague(time, anchor):
                continue
            signature = (sentence.text.strip(), time.begin, time.last)
            if signature in seen:
                continue
            seen.add(signature)
            previous = sentences[max(0, i - _CONTEXT_SENTENCES) : i]
            mention = _event(article, sentence, time, previous, (registry, article_role), kb)
            if mention is not None:
                events.append(mention)
                if time.granularity == "day" and time.rule != _SAME_DAY_RULE:
                    day_before = time
    return events


def _until(
    time: TimeExpression,
    sentence: AnalysedSentence,
    told: Sequence[EventMention],
    published: date | None,
) -> TimeExpression:
    """ "Les manœuvres se poursuivront jusqu'au 21 juillet", "the drills run
    until July 21": that day ends the event, it is not its day. The event runs
    from the day one of the two sentences before told it began ("ont débuté
    lundi"), else from the publication day when the end is still to come; with
    neither, the day stays as written."""
    if time.granularity != "day" or not _UNTIL.search(sentence.text[: time.start]):
        return time
    earlier = [e.time.begin for e in told[-3:] if e.sentence_index >= sentence.index - 2
               and 0 < (time.begin - e.time.begin).days <= _UNTIL_MAX_DAYS]  # fmt: skip
    kind: AnchorKind
    if earlier:
        begin, kind = earlier[-1], "event"
    elif published is not None and published < time.begin:
        begin, kind = published, "publication"
    else:
        return time
    return replace(time, begin=begin, granularity="days", rule=_UNTIL_RULE, anchor=begin,
                   anchor_kind=kind, relation="at")  # fmt: skip


# a place of one to four capitalised words and a comma, before the date
_DATELINE_BEFORE = re.compile(r"\s*(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s+){0,3}[A-ZÀ-ÖØ-Þ][\w'’.-]*,\s*")
# the agency in parentheses, if any, and the dash, after it
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[-–—]")


def _in_dateline(text: str, time: TimeExpression) -> bool:
    """ "BEIJING, July 15, 2031 — …", "Lyon, 4 mars (AFP) - …": the day a wire
    report was filed, not the day of what it tells (that is the publication date)."""
    return bool(
        _DATELINE_BEFORE.fullmatch(text[: time.start]) and _DATELINE_AFTER.match(text, time.end)
    )


def _same_day(
    sentence: AnalysedSentence, day: TimeExpression, kb: KnowledgeBase, language: str
) -> list[TimeExpression]:
    """An undated sentence right after a dated event that goes on telling it:
    an event word and two actors of its own ("Il a ensuite rencontré Edvard
    Lindqvist et Marion Castellan au port") take the previous sentence's day,
    with that day's words and this rule in the audit trail."""
    _, trigger, _ = _event_type(sentence.text, day, kb, language)
    actors = {m.key for m in sentence.mentions if m.kind in ACTOR_KINDS}
    if trigger is None or len(actors) + len(sentence.roles) < 2:
        return []
    if dates.is_future_tense(sentence.text, language=language, span=(0, len(sentence.text))):
        return []
    return [replace(day, start=0, end=0, rule=_SAME_DAY_RULE, anchor=day.begin,
                    anchor_kind="event", relation="at")]  # fmt: skip


def _event(
    article: Article,
    sentence: AnalysedSentence,
    time: TimeExpression,
    previous: Sequence[AnalysedSentence],
    roles: tuple[dict[tuple[str, str], str], str | None],
    kb: KnowledgeBase,
) -> EventMention | None:
    language = article.language or "fr"
    event_type, trigger, trigger_at = _event_type(sentence.text, time, kb, language)
    holders = role_holders(sentence.roles, time.begin, kb, *roles)
    actors = sentence_actors(sentence, holders, kb, previous, language)
    if not actors and trigger is not None and previous and not TWO_COUNTRIES.search(sentence.text):
        # an unresolved "the two navies" must not fall back on whoever came last
        kept = {m.key: m for m in reversed(previous[-1].mentions) if m.kind in ACTOR_KINDS}
        actors = tuple(sorted(kept.values(), key=lambda m: m.key))
    if not actors:
        return None
    actors = with_represented_countries(actors, time.begin, kb)
    return EventMention(
        article=article.source,
        sentence=sentence.text.strip(),
        sentence_index=sentence.index,
        time=time,
        event_type=event_type,
        trigger=trigger,
        actors=actors,
        place=_place(sentence, trigger_at),
        topics=match_topics(sentence.text, language),
    )
