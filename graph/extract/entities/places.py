"""Names used as places, or not: locative words before a name ("à Pékin", "in
Oslo"), the rubric and the dateline opening a paragraph ("OSLO, March 4
(Reuters) -"), and what the model reads as a place but is an organisation
("according to Nordvik", "Cour suprême de Nordvik").
"""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Span

from graph.extract.entities.common import _NER_KINDS

# Heads of institution names: what the model reads as a place but that opens
# with one ("Cour suprême de Nordvik", "Assemblée nationale", "Ministry of
# Defence") or, in English, ends with one ("Supreme Court") is an organisation.
_INSTITUTION_HEADS: Final = {
    "fr": frozenset({"cour", "conseil", "ministère", "parlement", "sénat", "commission",
                     "comité", "agence", "assemblée", "tribunal", "université", "banque"}),
    "en": frozenset({"court", "council", "ministry", "parliament", "senate", "commission",
                     "committee", "agency", "assembly", "tribunal", "university"}),
}  # fmt: skip
_DASHES = frozenset({"-", "–", "—", "--"})
_RUBRIC_ENDS = frozenset({".", ":"})
_DATELINE_PLACE_ENDS = _DASHES | {","}
_DATELINE_TOKENS = 8  # a dateline's agency comes within the first words of a paragraph
_LOCATIVES = {
    "fr": {
        "à",
        "a",
        "au",
        "aux",
        "en",
        "dans",
        "vers",
        "depuis",
        "sur",
        "près",
        "de",
        "visité",
        "quitté",
        "rejoint",
        "gagné",
    },
    "en": {
        "in",
        "at",
        "to",
        "from",
        "near",
        "into",
        "inside",
        "across",
        "over",
        "off",
        "visited",
        "visiting",
        "visit",
        "visits",
        "toured",
        "reached",
        "left",
        "leaving",
    },
}
_SOURCE_CUES = (("according", "to"), ("selon",), ("d'", "après"), ("d’", "après"), ("d'après",),
                ("d’après",), ("reported", "by"), ("cited", "by"))  # fmt: skip


def _after_source_cue(span: Span) -> bool:
    before = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]]
    return any(tuple(before[-len(cue) :]) == cue for cue in _SOURCE_CUES if len(before) >= len(cue))


def _institution(span: Span, language: str) -> bool:
    """Whether the name is an institution's ("Cour suprême de Nordvik", "Supreme Court")."""
    heads = _INSTITUTION_HEADS.get(language, frozenset())
    words = [t.lower_ for t in span if t.is_alpha]
    return bool(words) and (words[0] in heads or (language == "en" and words[-1] in heads))


def _is_locative(span: Span, language: str) -> bool:
    words = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]]
    return _locative_before(words, language)


def _locative_before(words: list[str], language: str) -> bool:
    """Whether the (up to two, lower-case) words before a name make it a
    location: "à", "in", or either before an article ("in the", "à la")."""
    if words and words[-1] in {"la", "le", "les", "l'", "l’", "the"}:
        words = words[:-1]
    return bool(words) and words[-1] in _LOCATIVES.get(language, set())


def _locative_word_before(text: str, start: int, language: str) -> bool:
    """:func:`_locative_before` on the words of ``text`` before ``start``."""
    words = [w.lower() for w in re.findall(r"\w+['’]?", text[:start])[-2:]]
    return _locative_before(words, language)


def _opens_in_capitals(span: Span, followed_by: frozenset[str]) -> bool:
    """Whether ``span`` is in capitals, opens its paragraph and comes right before
    one of ``followed_by`` (the shape of a rubric or a dateline)."""
    doc = span.doc
    return (
        span.start == 0
        and span.text.isupper()
        and span.end < len(doc)
        and doc[span.end].text in followed_by
    )


def _is_rubric(span: Span) -> bool:
    """ "DIRECT. Tempête…", "VIDÉO : …": one word in capitals opening a
    paragraph before a full stop or colon is the page's rubric, not a name."""
    return len(span) == 1 and _opens_in_capitals(span, _RUBRIC_ENDS)


def _dateline_city(span: Span) -> Span:
    """ "OSLO, March 4 (Reuters) -", "NORDVIK — …": the capitals opening a
    paragraph before a comma or dash name where the report was filed, a place
    (the model often takes it for an organisation)."""
    if span.label_ in _NER_KINDS and _opens_in_capitals(span, _DATELINE_PLACE_ENDS):
        return Span(span.doc, span.start, span.end, label="LOC")
    return span


def _is_dateline_credit(span: Span) -> bool:
    """The agency of a wire dateline, "May 4 (Reuters) -", "LYON (AFP) —": who
    wrote the report, not an actor of the story (nor a feature shared by every
    story the agency covers)."""
    doc = span.doc
    return (
        span.start >= 1
        and span.start <= _DATELINE_TOKENS
        and doc[span.start - 1].text == "("
        and span.end + 1 < len(doc)
        and doc[span.end].text == ")"
        and doc[span.end + 1].text in _DASHES
    )
