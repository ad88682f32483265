"""An institution the model glued to the name of who holds a post in it.

"Minister in the Ministry of Finance Brian Manning said": the small models read
one organisation from "the Ministry" to "Manning". The title before it says a
role phrase names its institution, then its holder.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Span

from graph.extract.entities.inside import _folded_words
from graph.text import fold

_NAME_TOKENS: Final = 2  # a first and last name: the common case, and no guess beyond it
_PREDICATE: Final = frozenset({"VERB", "AUX"})


def institution_and_holder(span: Span) -> list[Span]:
    """An organisation the model read right after a title word and a word of
    ``[entities] post_of`` ("Minister in the", "Permanent Secretary of the"),
    right before a verb, whose capitalised words after its last ``post_of``
    word are more than a first and last name: the institution, then its holder
    ("Ministry of Finance" and "Brian Manning"). An institution whose name
    alone runs on ("Secretary of the Department of Homeland Security said") is
    left whole: after its "of" come two words, the name's own."""
    doc, language = span.doc, span.doc.lang_
    if span.label_ != "ORG" or span.end >= len(doc) or doc[span.end].pos_ not in _PREDICATE:
        return [span]
    if not _after_a_title(span, language):
        return [span]
    post_of = _folded_words(language, "post_of")
    last_of = max((t.i for t in span if fold(t.text) in post_of), default=-1)
    tail = span.end - _NAME_TOKENS
    if last_of == -1 or tail - last_of < 2:
        return [span]  # nothing named after "of" but the name itself
    titles = _folded_words(language, "title_words") | _folded_words(language, "institution_heads")
    name = doc[tail : span.end]
    if not all(t.is_alpha and t.is_title and fold(t.text) not in titles for t in name):
        return [span]
    return [Span(doc, span.start, tail, label="ORG"), Span(doc, tail, span.end, label="PER")]


def _after_a_title(span: Span, language: str) -> bool:
    """Whether a title word, then a ``post_of`` word and maybe an article, come
    right before the span or open it ("Minister in the [Ministry…]")."""
    doc = span.doc
    articles = _folded_words(language, "articles")
    before = [fold(t.text) for t in doc[max(0, span.start - 3) : span.start]]
    while before and before[-1] in articles:
        before.pop()
    return (
        len(before) >= 2
        and before[-1] in _folded_words(language, "post_of")
        and before[-2] in _folded_words(language, "title_words")
    )
