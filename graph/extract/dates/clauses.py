"""Clause and tense detection from surface cues: where the clause holding an
expression begins and ends (:func:`clause_span`, also used by
:mod:`graph.extract.events`) and whether a text or that clause speaks of the
future (:func:`is_future_tense`; the cues are listed in the package
docstring). Imports nothing from the package.
"""

from __future__ import annotations

import re
from typing import Final

from graph.languages import LANGUAGES
from graph.text import in_spans

#: the word that opens a reported or subordinate clause ("a déclaré que…", "said that…")
COMPLEMENTISER: Final = re.compile(r"\b(?:que|qu['’]|that)\b", re.IGNORECASE)
# clause boundaries; "and"/"et" before a future predicate starts one too ("left
# Brest on Monday and will patrol until April 18": Monday is past)
_BOUNDARY: Final = re.compile(
    r"[;:«»\"“”()\[\]]|" + COMPLEMENTISER.pattern + r"|\b(?:and|et)\s+(?=(?:will|would|shall|"
    r"va|vont|devrait|devraient|doit|doivent)\b)"
    # English drops "that": "said on Monday he would…" starts a clause at "he"
    r"|\b(?=(?:he|she|they|we)\s+(?:would|will|had|has|have|was|were|is|are|could|should"
    r"|might|must|did)\b)",
    re.IGNORECASE,
)


# not a comma between digits: "1,1 %" (a French decimal), "1,200 people"
_COMMA: Final = re.compile(r"(?<!\d),|,(?!\d)|\s[–—-]\s")
# a name between quotes (« Aurore », "Northern Shield") or a short gloss in
# parentheses ("(Est)", "(AFP)") does not end the clause it stands in
_SHORT_ASIDE: Final = re.compile(
    r"[«“\"]\s*[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[\w'’.-]+){0,2}\s*[»”\"]"
    r"|\([^()]{1,30}\)"
)


def clause_span(sentence: str, start: int, end: int, *, commas: bool = True) -> tuple[int, int]:
    """Where the stretch of ``sentence`` around ``start:end`` that carries its
    own verb begins and ends.

    The comma-delimited segment holding the expression, unless that segment is
    the expression and a short word or two ("Dès mardi, Xi se rendra..."): then
    the whole clause up to ``que``/``that``, quotes, ``;`` or ``:``; with
    ``commas=False`` always that whole clause (commas also set off adjuncts of
    the same verb: "a déclaré mardi, lors d'un appel vidéo, que…").

    >>> s = "Marion Castellan said on Tuesday that the patrol went well."
    >>> s[slice(*clause_span(s, 22, 32))]
    'Marion Castellan said on Tuesday '
    """
    low, high = max(0, start - 300), min(len(sentence), end + 300)
    begin, stop = low, high
    asides = [(m.start(), m.end()) for m in _SHORT_ASIDE.finditer(sentence, low, high)]
    for m in _BOUNDARY.finditer(sentence, low, high):
        if in_spans(m.start(), asides):
            continue
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= end:
            stop = m.start()
            break
    if not commas:
        return begin, stop
    seg_begin, seg_stop = begin, stop
    for m in _COMMA.finditer(sentence, begin, stop):
        if m.end() <= start:
            seg_begin = m.end()
        elif m.start() >= end:
            seg_stop = m.start()
            break
    rest = re.findall(r"\w+", sentence[seg_begin:start] + " " + sentence[end:seg_stop])
    if len(rest) <= 2 and all(len(word) <= 5 for word in rest):
        return begin, stop
    return seg_begin, seg_stop


_PAST_BEFORE: Final[dict[str, re.Pattern[str]]] = {
    language.code: re.compile(language.tense.past_before) for language in LANGUAGES
}  # each language file's [tense] past_before
_SAID_AFTER: Final[dict[str, re.Pattern[str]]] = {
    language.code: re.compile(language.tense.said_after) for language in LANGUAGES
}  # each language file's [tense] said_after

_FUTURE: Final[dict[str, re.Pattern[str]]] = {
    language.code: re.compile(
        language.tense.future, 0 if language.tense.future_case_sensitive else re.IGNORECASE
    )
    for language in LANGUAGES
}  # each language file's [tense] future


def is_future_tense(text: str, *, language: str, span: tuple[int, int] | None = None) -> bool:
    """Whether ``text`` speaks of the future, or only the clause around ``span``.

    Surface cues only; see the package docstring for what is recognised. With
    ``span`` (start, end offsets of an expression), only the clause holding it
    is read, so "a déclaré lundi que le sommet aura lieu" is past at "lundi".

    Examples:
        >>> is_future_tense("Le sommet se tiendra lundi à Pékin", language="fr")
        True
        >>> is_future_tense("He said on Monday that talks will resume", language="en", span=(8, 17))
        False
        >>> is_future_tense("On Monday, Jo Vik said talks would resume", language="en", span=(3, 9))
        False
    """
    code = language[:2].lower()
    pattern = _FUTURE.get(code)
    if pattern is None:
        return False
    if span is None:
        return bool(pattern.search(text))
    past = _PAST_BEFORE.get(code)
    if past is not None and past.search(text, max(0, span[0] - 60), span[0]):
        return False  # "said on Thursday the Pentagon would…": Thursday is the saying's
    begin, stop = clause_span(text, *span)
    future = pattern.search(text, begin, stop)
    if future is None:
        return False
    # "On Tuesday, X said the move would…": the future is what Tuesday's saying reports
    said = _SAID_AFTER.get(code)
    return not (future.start() > span[1] and said and said.search(text, span[1], future.start()))
