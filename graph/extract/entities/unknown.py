"""People the language model does not know: two or three capitalised proper
nouns no list or model claimed, right before what a person's name comes
before (a verb, ", who", an aside saying who someone is: ", Nordvik's envoy,",
", 27,"); and the first name the model left out of a person's name ("Edvard
Lindqvist" found as "Lindqvist"). The tagger still sees the names where the small
model's NER does not.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, Span, Token

from graph.extract.entities.common import _NER_KINDS
from graph.extract.entities.inside import _before_a_name, _folded_words
from graph.languages import cue
from graph.text import fold

_RELATIVE_PERSON: Final = frozenset({"who", "qui"})
_UNKNOWN_NAME_TOKENS: Final = 3


def _unknown_people(doc: Doc, taken: set[int], common: frozenset[str]) -> list[Span]:
    """Two or three capitalised proper nouns that neither the model nor a list
    claimed, right before a verb, ", who" or an aside saying who someone is
    ("Edvard Lindqvist won…", "Edvard Lindqvist, Nordvik's envoy, said"): a
    person the small model does not know (the tagger still sees the names).
    Not the tail of a longer name, nor words the article also writes in
    lower case (``common``: "the Military Channel", "military")."""
    titles = _before_a_name(doc.lang_)
    found = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and _unclaimed_name(doc[j], taken):
            j += 1
        start = i
        while start < j and fold(doc[start].text) in titles:
            start += 1  # "Defence Minister Edvard Lindqvist", "Dr Edvard…": no part of the name
        named = 2 <= j - start <= _UNKNOWN_NAME_TOKENS and _before_predicate(doc, j)
        if named and not _tail_of_a_name(doc, start) and not _common_words(doc[start:j], common):
            found.append(Span(doc, start, j, label="PER"))
        i = max(j, i + 1)
    return found


def with_first_name(span: Span, taken: set[int]) -> Span:
    """A person's name the model found without the capitalised proper noun right
    before it ("Edvard" of "Edvard Lindqvist", read as "Lindqvist"): that word is
    its first name, unless a list or the model claimed it or it is a title or an
    honorific ("Minister", "Mr"). Only for a name of one word: before a first
    and last name the model found, a capitalised word is more often a title no
    list holds ("Novelist Jo Watson", "Justice John Roberts")."""
    doc = span.doc
    if _NER_KINDS.get(span.label_) != "person" or span.start == 0 or len(span) != 1:
        return span
    before = doc[span.start - 1]
    skip = _before_a_name(doc.lang_)
    if not _unclaimed_name(before, taken) or fold(before.text) in skip:
        return span
    return Span(doc, span.start - 1, span.end, label=span.label_)


def _tail_of_a_name(doc: Doc, start: int) -> bool:
    """Whether the words at ``start`` go on a name begun before ("NRK Military
    Channel"): a capitalised word or an acronym right before them that is no
    title ("Defence Minister Edvard Lindqvist") nor a sentence's first word."""
    if start == 0 or not doc[start - 1].is_alpha:
        return False
    before = doc[start - 1]
    skip = _before_a_name(doc.lang_)
    if fold(before.text) in skip:
        return False
    if before.is_sent_start and not before.is_upper:
        return False
    return before.is_title or before.is_upper


def _common_words(span: Span, common: frozenset[str]) -> bool:
    return any(fold(token.text) in common for token in span)


def _unclaimed_name(token: Token, taken: set[int]) -> bool:
    return (token.i not in taken and token.pos_ == "PROPN" and token.is_title
            and token.is_alpha and not token.ent_type_)  # fmt: skip


def _before_predicate(doc: Doc, end: int) -> bool:
    """Whether a verb comes right after ``end``, or ", who" / ", qui", or an
    aside that says who someone is (", Nordvik's envoy,", ", 27,")."""
    if end >= len(doc):
        return False
    if doc[end].pos_ in {"VERB", "AUX"}:
        return True
    if doc[end].text != "," or end + 1 >= len(doc):
        return False
    return doc[end + 1].lower_ in _RELATIVE_PERSON or _describes_someone(doc, end + 1)


_ASIDE_TOKENS: Final = 8  # ", a former adviser to the Nordvik government,"
_NOUN_PHRASE_TOKENS: Final = 12  # ", a key member of the Nordvik Energy board's audit team,"


def _describes_someone(doc: Doc, start: int) -> bool:
    """Whether the aside from ``start`` to the next comma is an age or holds a
    title word ("Nordvik's envoy", "the bank's chief executive"), or is a noun
    phrase opening on a determiner with the verb of the sentence right after it
    (", a key member of the task force, told"): an apposition says who
    someone is."""
    end = _aside_end(doc, start, _NOUN_PHRASE_TOKENS)
    if end is None or end == start:
        return False
    if end == start + 1 and doc[start].like_num:
        return True
    titles = _folded_words(doc.lang_, "title_words")
    if end - start <= _ASIDE_TOKENS and any(fold(t.text) in titles for t in doc[start:end]):
        return True
    determiner = cue("determiners", doc.lang_)
    return (determiner is not None and determiner.fullmatch(doc[start].text) is not None
            and end + 1 < len(doc) and doc[end + 1].pos_ in {"VERB", "AUX"})  # fmt: skip


def _aside_end(doc: Doc, start: int, most: int) -> int | None:
    """The comma closing the aside that opens at ``start``, at most ``most`` tokens on."""
    return next((i for i in range(start, min(len(doc), start + most + 1))
                 if doc[i].text == ","), None)  # fmt: skip
