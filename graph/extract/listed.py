"""Extract: the items of a list of results ("Grand Prix" / "« Lumen » de Marion
Castellan"): lines with no verb that take the happening of the heading above
them, at the time of the ceremony the article dated.

Requires the analysed sentences and the events told before; gives
:func:`list_item`, which :mod:`graph.extract.events` asks of a sentence that
has no time and tells no happening of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from graph.event_types import family
from graph.extract.entities import ACTOR_KINDS
from graph.extract.quotes import quoted
from graph.extract.topics import match_topics
from graph.extract.triggers import triggers_in
from graph.extract.undated import going_on, own_date
from graph.kb import KnowledgeBase
from graph.text import in_spans
from graph.types import AnalysedSentence, EntityMention, EventMention

__all__ = ["list_item"]

_HEADING_WORDS: Final = 6  # a heading of a list of results ("Prix de la mise en scène")
_GIVING_KINDS: Final = frozenset({"organization", "thing"})  # a jury, a festival


def list_item(
    sentence: AnalysedSentence,
    before: Sequence[AnalysedSentence],
    earlier: Sequence[EventMention],
    kb: KnowledgeBase,
    language: str,
) -> list[EventMention] | None:
    """The event of an item of a list of results: a line with no verb (a
    quoted title aside) naming a person or an organisation, right after a
    heading line with no verb that holds an event trigger ("Grand Prix" / "«
    Lumen » de Marion Castellan", "Best Director" / "Edvard Lindqvist for
    'Polar Night'"). It is the heading's happening for whom the item names, at
    the time of the latest event of its family the article dated by its own
    words (the ceremony whose prizes the list gives), with the organisations
    and named things acting in the article's events of that day (the
    festival). None when the sentence is no item; no event when nothing dates it."""
    heading = before[-1] if before else None
    titles = quoted(sentence.text)  # a work's title names nobody, and its verbs tell nothing
    named = _winners([m for m in sentence.mentions if not in_spans(m.start, titles)], titles,
                     sentence.text)  # fmt: skip
    if heading is None or not _listed_shape(sentence, heading, titles, named):
        return None
    found = [t for t in triggers_in(heading.text, kb, language)
             if t[0].role not in ("saying", "fallback")]  # fmt: skip
    if not found:
        return None
    dated = [e for e in earlier if own_date(e.time)]
    # "Grand Prix": a race or a prize; the family the article has dated first
    found.sort(key=lambda t: not any(family(e.event_type) == family(t[0].name) for e in dated))
    (event_type, trigger, _, _) = found[0]
    told = [e for e in dated if family(e.event_type) == family(event_type.name)]
    if not told:
        return []
    ceremony = told[-1]
    givers = [a for e in dated if e.time.begin == ceremony.time.begin
              for a in e.actors if a.kind in _GIVING_KINDS]  # fmt: skip
    acting = [m for m in named if m.kind in ACTOR_KINDS] + givers
    actors = tuple(sorted({a.key: a for a in acting}.values(), key=lambda a: a.key))
    return [replace(ceremony, sentence=sentence.text.strip(), sentence_index=sentence.index,
                    time=going_on(ceremony.time), event_type=event_type.name,
                    trigger=trigger, actors=actors,
                    topics=match_topics(sentence.text, language))]  # fmt: skip


def _listed_shape(
    sentence: AnalysedSentence,
    heading: AnalysedSentence,
    titles: Sequence[tuple[int, int]],
    named: Sequence[EntityMention],
) -> bool:
    """A line with no verb but in a title, naming a person or an organisation
    (``named``: its mentions outside titles), in the paragraph after a short
    heading line with no verb."""
    return (
        all(in_spans(v.start, titles) for v in sentence.verbs)
        and any(m.kind in ("person", "organization") for m in named)
        and not heading.verbs
        and len(heading.text.split()) <= _HEADING_WORDS
        and sentence.paragraph == heading.paragraph + 1
    )


_BY_AFTER_TITLE: Final = re.compile(r"\s*(?:de|by|d['’])\s*", re.IGNORECASE)


def _winners(
    named: Sequence[EntityMention], titles: Sequence[tuple[int, int]], text: str
) -> list[EntityMention]:
    """The names of a list item but the author of the work it names, when
    someone else is named before ("Jesse Plemons pour « Kinds of Kindness » de
    Yorgos Lanthimos": the actor's prize, not the director's)."""
    authors = [m for m in named if any(_BY_AFTER_TITLE.fullmatch(text, b, m.start)
                                        for _, b in titles if b <= m.start)]  # fmt: skip
    others = [m for m in named if m not in authors and m.kind == "person"]
    return [m for m in named if m not in authors] if others else list(named)
