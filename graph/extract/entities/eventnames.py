"""Names given to events ("l'exercice « Aurore »", "drills dubbed Northern
Shield-2031"): the nouns and naming words that introduce them, the names the
press quotes, and the same names when the article repeats them bare.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from graph.event_types import NAMEABLE
from graph.extract.entities.common import _CLOSING_QUOTES, _OPENING_QUOTES
from graph.kb import KnowledgeBase
from graph.languages import LANGUAGES
from graph.text import fold
from graph.types import AnalysedSentence, EntityMention

EVENT_NAME_LABEL = "storygraph:event-name"
_YEAR_SUFFIX = re.compile(r"[\s\-–]*(?:19|20)\d\d$")
_NER_EVENT_LABELS = frozenset({"MISC", "EVENT"})
# what a model may tag an exercise's name as; never people, organisations, dates
_NER_EVENT_NAME_SOURCES = _NER_EVENT_LABELS | {"LOC", "GPE", "FAC"}
# words that give a name ("manœuvres baptisées « Aurore »", "drills dubbed …")
# (the [entities] event_naming_stems of each language file)
_NAMING_WORDS = tuple(stem for x in LANGUAGES for stem in x.entities.event_naming_stems)
# an adjective may sit between the event noun and the name ("exercices militaires
# Aurore"); a preposition or article may not ("attaque contre Lyon")
# (event_name_not_between)
_NOT_BETWEEN = frozenset().union(*(x.entities.event_name_not_between for x in LANGUAGES))


def _one_word_triggers(kb: KnowledgeBase, language: str, types: frozenset[str]) -> list[str]:
    """The one-word trigger stems of these event types, lower case, sorted."""
    return sorted({t.lower().rstrip("$") for e in kb.event_types if e.name in types
                   for t in e.triggers.get(language, ()) if " " not in t})  # fmt: skip


@lru_cache(maxsize=8)
def event_nouns(kb: KnowledgeBase, language: str) -> tuple[str, ...]:
    """One-word trigger stems of nameable event types ("exercice", "sommet", "drill"):
    those whose instances get proper names, not verbs of saying or meeting
    ("a déclaré Marion Castellan"); the ``nameable`` column of event_types.tsv."""
    return tuple(t for t in _one_word_triggers(kb, language, NAMEABLE) if len(t) >= 4)


def _before_quotes(span: Span) -> int:
    """The index of the token before ``span`` and its opening quotes (-1 at the start)."""
    doc, before = span.doc, span.start - 1
    while before >= 0 and (doc[before].is_quote or doc[before].text in _OPENING_QUOTES):
        before -= 1
    return before


def _names_event(span: Span, nouns: tuple[str, ...]) -> bool:
    """A name given to an exercise, operation or summit.

    Right after an event noun or a naming word ("l'exercice « Aurore »", "les
    exercices militaires Aurore", "manœuvres baptisées « Aurore-2031 »",
    "Operation X"), or, for a name the model tags as an event or miscellany,
    right before an event noun ("the Northern Shield-2031 drills"). A place before an
    event noun stays a place ("the Cape Farewell patrol").
    """
    if span.label_ not in _NER_EVENT_NAME_SOURCES:
        return False
    doc = span.doc
    before = _before_quotes(span)
    cues = (*nouns, *_NAMING_WORDS)
    if before >= 0 and doc[before].lower_.startswith(cues):
        return True
    if (
        before >= 1
        and doc[before].is_lower
        and doc[before].pos_ == "ADJ"  # "drills off Brest": a place after a preposition
        and doc[before].lower_ not in _NOT_BETWEEN
        and doc[before - 1].lower_.startswith(nouns)
    ):
        return True
    after = span.end
    while after < len(doc) and (doc[after].is_quote or doc[after].text in _CLOSING_QUOTES):
        after += 1
    return (
        span.label_ in _NER_EVENT_LABELS
        and after < len(doc)
        and doc[after].lower_.startswith(nouns)
    )


def _named_by_event_noun(span: Span, nouns: tuple[str, ...]) -> bool:
    """Any name, whatever the model took it for, right after a naming word that
    follows an event noun ("exercises, titled Polar Anchor-2031", "manœuvres
    baptisées Aurore"); not after a naming word alone ("a start-up named X")."""
    doc = span.doc
    before = _before_quotes(span)
    if before < 1 or not doc[before].lower_.startswith(_NAMING_WORDS):
        return False
    return any(t.lower_.startswith(nouns) for t in doc[max(0, before - 3) : before])


def _quoted_event_names(doc: Doc, nouns: tuple[str, ...]) -> list[Span]:
    """Names in quotes after an event noun or a naming word ("manœuvres baptisées
    « Aurore-2031 »"): the press quotes them, and the model often misses them."""
    cues = (*nouns, *_NAMING_WORDS)
    found = []
    for i, token in enumerate(doc[:-2]):
        if token.text not in _OPENING_QUOTES or i == 0 or not doc[i - 1].lower_.startswith(cues):
            continue
        end = next((j for j in range(i + 1, min(i + 8, len(doc))) if doc[j].is_quote
                    or doc[j].text in _CLOSING_QUOTES), None)  # fmt: skip
        if end is not None and end > i + 1 and doc[i + 1].text[:1].isupper():
            found.append(Span(doc, i + 1, end, label=EVENT_NAME_LABEL))
    return found


_YEAR_TOKEN = re.compile(r"(?:^|(?<=[A-Za-zÀ-ÿ][-–]))(?:19|20)\d\d$")  # "2031", "Shield-2031"


def _year_names_before_noun(doc: Doc, nouns: tuple[str, ...]) -> list[Span]:
    """Capitalised names ending in a year right before an event noun ("the
    Northern Shield-2031 drills", "the Polar Anchor 2031 exercises"): events are
    named after the year they are held in, and the model often tags such a name
    as nothing."""
    found = []
    for i, token in enumerate(doc[:-1]):
        if not _YEAR_TOKEN.search(token.text) or not doc[i + 1].lower_.startswith(nouns):
            continue
        glued = token.text[:1].isalpha()  # "Shield-2031" is one token
        start = i if glued or doc[i - 1].whitespace_ or doc[i - 1].text not in "-–" else i - 1
        first = start
        while (first > 0 and start - first < 3 and doc[first - 1].text[:1].isupper()
               and not doc[first - 1].is_stop):  # fmt: skip
            first -= 1
        if first < start or glued:
            found.append(Span(doc, first, i + 1, label=EVENT_NAME_LABEL))
    return found


def _repeat_event_names(sentences: list[AnalysedSentence]) -> list[AnalysedSentence]:
    """Give every unlinked mention of a name the article uses as an event's name
    that event name: once introduced ("exercises titled Northern Shield-2031"),
    the name comes back bare, and the model may then read it as a person."""
    names = {fold(m.text): m for s in sentences for m in s.mentions if m.kind == "event-name"}
    if not names:
        return sentences

    def renamed(m: EntityMention) -> EntityMention:
        name = names.get(fold(m.text)) if m.key.startswith("new:") else None
        if name is None or m.kind == "event-name":
            return m
        return replace(m, kind="event-name", key=name.key, label=name.label, role=None)

    return [replace(s, mentions=tuple(map(renamed, s.mentions))) for s in sentences]
