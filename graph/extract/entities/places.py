"""Names used as places, or not: locative words before a name ("à Pékin", "in
Oslo"), the rubric and the dateline opening a paragraph ("OSLO, March 4
(Reuters) -"), and what the model reads as a place but is an organisation
("according to Nordvik", "Cour suprême de Nordvik").
"""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Doc, Span

from graph.extract.dates import is_calendar_word
from graph.extract.entities.common import _NER_KINDS
from graph.extract.entities.gazetteer import is_city
from graph.languages import BY_CODE, LANGUAGES

# Heads of institution names: what the model reads as a place but that opens
# with one ("Cour suprême de Nordvik", "Assemblée nationale", "Ministry of
# Defence") or, in English, ends with one ("Supreme Court") is an organisation.
_INSTITUTION_HEADS: Final = {code: x.entities.institution_heads for code, x in BY_CODE.items()}
_DASHES = frozenset({"-", "–", "—", "--"})
_RUBRIC_ENDS = frozenset({".", ":"})
_DATELINE_PLACE_ENDS = _DASHES | {","}
_DATELINE_TOKENS = 8  # a dateline's agency comes within the first words of a paragraph
# [entities] of each language file: locatives, articles between them and a name,
# source cues ("selon Pékin": the name is a source, not a place)
_LOCATIVES: Final = {code: x.entities.locatives for code, x in BY_CODE.items()}
_ARTICLES: Final = frozenset().union(*(x.entities.articles for x in LANGUAGES))
_SOURCE_CUES: Final = tuple(cue for x in LANGUAGES for cue in x.entities.source_cues)
_PLACE_CUES: Final = tuple(cue for x in LANGUAGES for cue in x.entities.place_cues)


def _after_source_cue(span: Span) -> bool:
    return _after(span, _SOURCE_CUES)


def _after_place_cue(span: Span) -> bool:
    """ "near the town of Kressen", "la commune de Plouvenec": a place, even where
    the model read a person."""
    return _after(span, _PLACE_CUES)


def _after(span: Span, cues: tuple[tuple[str, ...], ...]) -> bool:
    before = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]]
    return any(tuple(before[-len(cue) :]) == cue for cue in cues if len(before) >= len(cue))


def _institution(span: Span, language: str) -> bool:
    """Whether the name is an institution's ("Cour suprême de Nordvik", "Supreme
    Court"), or follows the noun of one ("la banque Vantrel")."""
    heads = _INSTITUTION_HEADS.get(language, frozenset())
    words = [t.lower_ for t in span if t.is_alpha]
    last = language in BY_CODE and BY_CODE[language].entities.institution_head_last
    before = span.doc[span.start - 1] if span.start > 0 else None
    after_head = before is not None and before.is_lower and before.text in heads
    return bool(words) and (words[0] in heads or (last and words[-1] in heads) or after_head)


def _is_locative(span: Span, language: str) -> bool:
    words = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]]
    return _locative_before(words, language)


def toponym(span: Span) -> Span:
    """ "his home at Maria Lodge, Essequibo Coast", "on Pinewood Drive", "rue de
    la Paix": a name the model read as a person or an organisation whose last
    word (or, first, its opening one) is a noun of places (the language's
    ``[entities] toponym_last`` and ``toponym_first``) is a place; whoever it
    names, it does not act."""
    registered = BY_CODE.get(span.doc.lang_)
    if registered is None or _NER_KINDS.get(span.label_) == "place":
        return span
    words, doc = registered.entities, span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in words.toponym_first:
        return Span(doc, span.start - 1, span.end, label="LOC")  # "avenue Ingrid Solberg"
    if len(span) > 1 and (span[-1].lower_ in words.toponym_last
                          or span[0].lower_ in words.toponym_first):  # fmt: skip
        return Span(doc, span.start, span.end, label="LOC")
    return span


def _locative_before(words: list[str], language: str) -> bool:
    """Whether the (up to two, lower-case) words before a name make it a
    location: "à", "in", or either before an article ("in the", "à la")."""
    if words and words[-1] in _ARTICLES:
        words = words[:-1]
    return bool(words) and words[-1] in _LOCATIVES.get(language, frozenset())


def _locative_word_before(text: str, start: int, language: str) -> bool:
    """:func:`_locative_before` on the words of ``text`` before ``start``."""
    words = [w.lower() for w in re.findall(r"\w+['’]?", text[:start])[-2:]]
    return _locative_before(words, language)


def _with_an_article(span: Span) -> Span:
    """ "Reçue à l'Elysée", "the Kremlin said": a name the model took for a
    person right after a definite article is none (people take no article): a
    place after a locative, else an organisation."""
    if _NER_KINDS.get(span.label_) != "person" or span.start == 0:
        return span
    if span.doc[span.start - 1].text.lower() not in _ARTICLES:
        return span
    place = _locative_word_before(span.doc.text, span.start_char, span.doc.lang_)
    return Span(span.doc, span.start, span.end, label="LOC" if place else "ORG")


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
    """ "OSLO, March 4 (Reuters) -", "NORDVIK — …", "BERGEN (AP) —": the
    capitals opening a paragraph before a comma, a dash or the agency's credit
    name where the report was filed, a place (the model often takes it for an
    organisation)."""
    if span.label_ in _NER_KINDS and (
        _opens_in_capitals(span, _DATELINE_PLACE_ENDS) or _credited(span)
    ):
        return Span(span.doc, span.start, span.end, label="LOC")
    return span


def _credited(span: Span) -> bool:
    """ "BERGEN (AP) —": capitals opening the paragraph, then the agency
    between brackets, then a dash."""
    doc, end = span.doc, span.end
    close = next((i for i in range(end + 1, min(end + 4, len(doc))) if doc[i].text == ")"), None)
    return (
        _opens_in_capitals(span, frozenset({"("}))
        and close is not None
        and close + 1 < len(doc)
        and doc[close + 1].text in _DASHES
    )


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


_OF_WORDS: Final = frozenset({"de", "du", "d'", "d’", "of"})
_DETERMINERS: Final = frozenset({"le", "la", "l'", "l’", "les", "du", "au", "aux", "des", "the"})
_MAX_ADJECTIVES: Final = 2  # "le tribunal administratif de Rennes", "the district court of"


def institution_of_place(span: Span, language: str, place: bool) -> Span:
    """ "Le conseil municipal de Brest a adopté…", "the district court of Bergen":
    an institution noun in lower case after a determiner, with up to two
    adjectives, then "de"/"of" and a town (``place``: the span is a place,
    not a country) names that institution, an organisation that acts where its
    town only says where; any other span is returned as it is."""
    doc = span.doc
    if not place or span.start < 3:
        return span
    if doc[span.start - 1].lower_ not in _OF_WORDS:
        return span
    heads = _INSTITUTION_HEADS.get(language, frozenset())
    head = _back_over_adjectives(doc, span.start - 2, heads)
    if head < 1 or not doc[head].is_lower or doc[head].lower_ not in heads:
        return span
    determiner = _back_over_adjectives(doc, head - 1, _DETERMINERS)
    if determiner < 0 or doc[determiner].lower_ not in _DETERMINERS:
        return span
    return Span(doc, determiner + 1, span.end, label="ORG")


def _back_over_adjectives(doc: Doc, i: int, wanted: frozenset[str]) -> int:
    """From token ``i`` back over at most two lower-case words not in
    ``wanted`` ("municipal" in "conseil municipal de", "district" in "the
    district court"): the index of the word reached."""
    stop = i - _MAX_ADJECTIVES
    while i > stop and i >= 0 and doc[i].is_lower and doc[i].lower_ not in wanted:
        i -= 1
    return i


_CITY_TOKENS: Final = 3  # "Le Havre", "New York", "Rio de Janeiro"


def missed_cities(doc: Doc, taken: set[int], language: str) -> list[Span]:
    """Places the model missed: capitalised words right after a locative word
    ("à Quimper", "in Tromsø") that GeoNames knows as a city, longest first, on
    tokens no other span holds; never a month or a weekday ("in March")."""
    found = []
    for i in range(1, len(doc)):
        if i in taken or not doc[i].is_title or is_calendar_word(doc[i].text):
            continue  # "in March" is a month, not the town of March
        if doc[i - 1].lower_ not in _LOCATIVES.get(language, ()):
            continue
        for size in range(_CITY_TOKENS, 0, -1):
            span = doc[i : i + size]
            if len(span) == size and not taken & set(range(i, i + size)) and is_city(span.text):
                found.append(Span(doc, i, i + size, label="LOC"))
                break
    return found
