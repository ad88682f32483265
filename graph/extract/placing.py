"""Extract: where a happening took place.

Requires the analysed sentence and the events of an article. Gives:

- :func:`nearest_place` — the place a sentence names for its happening: one
  said to be where ("in Paris") before a name used as an adjective, a city
  before the country around it;
- :func:`placed_by_the_story` — a wire dateline's city is where the report was
  filed: the place the story gives the same happening wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from graph.event_types import family
from graph.text import in_spans
from graph.types import AnalysedSentence, EntityMention, EventMention

__all__ = ["nearest_place", "placed_by_the_story"]

_COUNTRY_PLACE_PENALTY = 30


def nearest_place(
    sentence: AnalysedSentence, trigger_at: int, spans: Sequence[tuple[int, int]] = ()
) -> EntityMention | None:
    """The place the sentence says its happening (trigger at ``trigger_at``)
    took place in, outside ``spans`` (asides, other happenings), if any."""
    places = [
        m
        for m in sentence.mentions
        if (m.kind == "place" or (m.kind == "country" and m.key in sentence.locative))
        and not in_spans(m.start, spans)  # not a place an aside names
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


def placed_by_the_story(events: list[EventMention]) -> list[EventMention]:
    """ "MOSCOW, Oct 14 (Reuters) - … signed an agreement on Tuesday. The deal was
    signed in Beijing…": a wire dateline says where the report was filed; where
    the story places the same happening (its family, its days) is where it was."""
    placed = [e for e in events if e.place is not None and not _dateline(e.sentence, e.place)]
    return [
        replace(e, place=None)
        if e.place is not None and _dateline(e.sentence, e.place) and any(
            family(o.event_type) == family(e.event_type) and o.place is not None
            and o.place.key != e.place.key and o.time.begin <= e.time.last
            and e.time.begin <= o.time.last for o in placed
        ) else e
        for e in events
    ]  # fmt: skip


def _dateline(text: str, place: EntityMention) -> bool:
    """Whether the place is a wire dateline's city ("MOSCOW, Oct 14 (Reuters) -")."""
    after = text[place.end :].lstrip()[:1]
    opens = not text[: place.start].strip() and place.text.isupper()
    return opens and after != "" and after in ",(—–-"
