"""Extract: clauses coordinated after the happening a sentence tells, which tell
another thing; whom they name does not act in it.

Requires an analysed sentence (:class:`~graph.types.AnalysedSentence`: its
verbs and their tenses) and the offset of the happening's trigger; adds
nothing. :mod:`graph.extract.acting` and :mod:`graph.extract.events` read the
spans:

- :func:`states`: a clause coordinated after a happening in the past whose verb
  is in the present says what is ("…was founded in 1952 and includes Norway");
- :func:`contrasted`: a clause set against the happening after a comma and a
  word of contrast (", but Sweden protested").
"""

from __future__ import annotations

import re
from typing import Final

from graph.languages import cue
from graph.types import AnalysedSentence

__all__ = ["contrasted", "states"]

_AND: Final = re.compile(r"\s(?:et|and)\s", re.IGNORECASE)
_PAST: Final = frozenset({"past", "anterior"})
_STATE_REACH: Final = 25  # characters from "and" to the verb of the clause it opens


def states(sentence: AnalysedSentence, trigger_at: int) -> list[tuple[int, int]]:
    """Clauses coordinated after the happening told at ``trigger_at`` in the
    past whose verb is in the present: they say what is, not who acted ("The
    Nordic Council was founded in 1952 and includes Norway, Finland…",
    "…a été fondée en 2001 et regroupe la Chine, l'Inde…"), up to a semicolon."""
    text, spans = sentence.text, []
    told = [v for v in sentence.verbs if v.start <= trigger_at and not v.participle]
    if not told or told[-1].tense not in _PAST:
        return []
    for match in _AND.finditer(text, trigger_at):
        # every verb at the clause's start ("et a fait l'éloge": an auxiliary and its past)
        verbs = [v.tense for v in sentence.verbs
                 if 0 <= v.start - match.end() <= _STATE_REACH]  # fmt: skip
        if verbs and all(tense == "present" for tense in verbs):
            end = text.find(";", match.end())  # a list of names runs past its commas
            spans.append((match.start(), end if end >= 0 else len(text)))
    return spans


def contrasted(sentence: AnalysedSentence, trigger_at: int, language: str) -> list[tuple[int, int]]:
    """A clause set against the happening told at ``trigger_at`` after a comma
    and a word of contrast (the language's ``[cues] contrast``: "but", "mais"),
    with a verb of its own: it tells another thing, and whom it names does not
    act in this one ("Results will be announced on Saturday, but Castellan
    acts like she has already won"), up to a semicolon."""
    words = cue("contrast", language)
    if words is None:
        return []
    text, spans = sentence.text, []
    for match in words.finditer(text, trigger_at):
        if not text[: match.start()].rstrip().endswith(","):
            continue
        end = text.find(";", match.end())
        end = end if end >= 0 else len(text)
        if any(match.end() <= v.start < end and not v.participle for v in sentence.verbs):
            spans.append((match.start(), end))
    return spans
