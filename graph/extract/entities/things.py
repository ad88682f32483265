"""Named craft, missions, gatherings and storms (:data:`THING_NOUNS`): the
capitalised name next to such a noun ("la sonde Aster-3", "the Aster-3 probe").
"""

from __future__ import annotations

from typing import Final

import numpy as np
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from graph.extract.dates import is_calendar_word
from graph.extract.entities.common import (
    _AROUND_NAMES,
    _ASCII_HYPHEN,
    _OPENING_QUOTES,
    _glued_hyphen,
    _tokens,
)
from graph.languages import BY_CODE, LANGUAGES

THING_LABEL = "storygraph:thing"
# Nouns of named craft, missions, gatherings and storms. A capitalised name right after
# one is that thing's name ("la sonde Aster-3", "the vessel Polar Anchor"); in
# English it may come before a lower-case one ("the Aster-3 probe"). The model
# often misses such names or calls a ship a person: the rule is what finds them.
# The nouns are each language file's [entities] thing_nouns.
THING_NOUNS: Final = {code: language.entities.thing_nouns for code, language in BY_CODE.items()}
# gatherings named after their town keep the noun: "le festival de Brest"
_GATHERING_NOUNS: Final = frozenset().union(*(x.entities.gathering_nouns for x in LANGUAGES))
_OF: Final = frozenset().union(*(x.entities.gathering_of for x in LANGUAGES))
# what the model must not have found in a name before a thing noun ("the Nordvik
# ship" is a ship of a place, not one named Nordvik)
_NOT_THING_NER: Final = frozenset({"PER", "PERSON", "LOC", "GPE", "NORP", "ORG", "FAC"})
_MAX_THING_TOKENS = 4


def _named_things(doc: Doc, language: str, taken: set[int]) -> list[Span]:
    """Named craft, missions and gatherings (:data:`THING_NOUNS`), outside ``taken``."""
    nouns = THING_NOUNS.get(language, frozenset())
    before = language in BY_CODE and BY_CODE[language].entities.thing_name_before_noun
    found: list[Span] = []
    lowered = doc.text.lower()
    if not any(noun in lowered for noun in nouns):  # most paragraphs name no craft
        return found
    for i in _noun_candidates(doc, nouns):
        if doc[i].lower_ not in nouns and _hyphenated(doc, i) not in nouns:
            continue
        span = _thing_after(doc, i, taken) or (_thing_before(doc, i) if before else None)
        if span is not None and not taken & _tokens([span]):
            found.append(span)
            taken = taken | _tokens([span])
    return found


def _noun_candidates(doc: Doc, nouns: frozenset[str]) -> list[int]:
    """The tokens that are a thing noun, or follow a hyphen (the end of a split
    "brise-glace"), found on the doc's hash arrays rather than token by token:
    a paragraph has hundreds of tokens and names a craft once, if ever."""
    lower, orth = doc.to_array([LOWER, ORTH]).T
    strings = doc.vocab.strings
    noun_ids = np.array([strings.as_int(n) for n in nouns], dtype=lower.dtype)
    hyphen_ids = np.array([strings.as_int(h) for h in _ASCII_HYPHEN], dtype=orth.dtype)
    after_hyphen = np.zeros(len(doc), dtype=bool)
    after_hyphen[1:] = np.isin(orth[:-1], hyphen_ids)
    return [int(i) for i in np.flatnonzero(np.isin(lower, noun_ids) | after_hyphen)]


def _name_end(doc: Doc, start: int) -> int:
    """The end of the capitalised name at ``start`` ("Aster-3", "Artemis II",
    "Ker’is 2"): capitalised words, numbers, and the pieces of a word the
    tokenizer split (no space between them); ``start`` when there is none."""
    if start >= len(doc) or not doc[start].text[:1].isupper() or is_calendar_word(doc[start].text):
        return start  # "the mission Tuesday": a day, not a name
    end = start + 1
    while end < len(doc) and end - start < _MAX_THING_TOKENS:
        token, glued = doc[end], not doc[end - 1].whitespace_
        if not (token.text[:1].isupper() or token.like_num or (glued and token.text[:1].isalnum())):
            break
        end += 1
    return end


def _thing_span(doc: Doc, start: int, end: int) -> Span | None:
    """The name ``doc[start:end]``, unless it is a lone short acronym ("satellite
    TV", "the mission UN"): those name channels and bodies, not craft."""
    if end <= start or (end - start == 1 and doc[start].text.isupper() and len(doc[start]) <= 3):
        return None
    return Span(doc, start, end, label=THING_LABEL)


def _thing_after(doc: Doc, noun: int, known: set[int]) -> Span | None:
    """ "la sonde Aster-3", "la capsule française Aster-3", "le festival de Brest".

    ``known``: the tokens of names the knowledge base matched, demonyms among them.
    """
    start = noun + 1
    if doc[noun].lower_ in _GATHERING_NOUNS:
        # "le festival de Brest", "le festival du film maritime de Brest"
        of = _of_the_town(doc, start)
        end = _name_end(doc, of + 1) if of is not None else start
        return Span(doc, noun, end, label=THING_LABEL) if of is not None and end > of + 1 else None
    if start in known and doc[start].is_lower:
        start += 1  # a nationality between; any other word may be a verb ("quitte Brest")
    if start < len(doc) and (doc[start].is_quote or doc[start].text in _OPENING_QUOTES):
        start += 1  # the ship « Aster-3 »: the name inside the quotes
    return _thing_span(doc, start, _name_end(doc, start))


_GATHERING_QUALIFIERS: Final = 4  # lower-case words between a gathering's noun and its town


def thing_name(span: Span) -> str:
    """The name a thing is known by: its words, but for a gathering the words
    between its noun and its town ("le festival du film maritime de Brest"
    and "le festival de Brest" are one festival: "festival de Brest")."""
    name = span.text.strip(_AROUND_NAMES)
    if span[0].lower_ not in _GATHERING_NOUNS:
        return name
    of = _of_the_town(span.doc, span.start + 1)
    if of is None or of >= span.end:
        return name
    return f"{span[0].text} {span.doc[of : span.end].text}"


def _of_the_town(doc: Doc, start: int) -> int | None:
    """The "de" before the town a gathering is named after, at ``start`` or after
    a few lower-case words ("du film maritime de Brest"), or None."""
    for i in range(start, min(len(doc), start + _GATHERING_QUALIFIERS + 1)):
        if doc[i].lower_ in _OF and i + 1 < len(doc) and doc[i + 1].is_title:
            return i
        if not doc[i].is_lower or not doc[i].is_alpha:
            return None
    return None


def _thing_before(doc: Doc, noun: int) -> Span | None:
    """ "the Aster-3 probe": a name the model did not take for anything else."""
    if not doc[noun].is_lower:
        return None
    start = noun
    while (
        start > 0
        and noun - start < _MAX_THING_TOKENS
        and (doc[start - 1].text[:1].isupper() or doc[start - 1].like_num)
    ):
        start -= 1
    while start < noun and doc[start].lower_ in {"the", "a", "an", "this", "its", "their"}:
        start += 1
    if start == noun or not doc[start].text[:1].isupper() or is_calendar_word(doc[start].text):
        return None
    if any(e.label_ in _NOT_THING_NER and e.start < noun and start < e.end for e in doc.ents):
        return None
    return _thing_span(doc, start, noun)


def _hyphenated(doc: Doc, end: int) -> str:
    """The hyphenated word the tokenizer split and that ends at token ``end``
    ("brise-glace"), lower case; "" when there is none."""
    return f"{doc[end - 2].lower_}-{doc[end].lower_}" if _glued_hyphen(doc, end - 1) else ""
