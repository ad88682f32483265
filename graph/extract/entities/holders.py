"""An institution the model glued to the name of who holds a post in it.

"Minister in the Ministry of Finance Brian Lindqvist said", "le ministre des
Affaires étrangères Marion Castellan": the small models read one organisation
from the institution (or the title) to the holder's name, sometimes cutting
the name ("ministre de la Défense Ingrid" + "Solberg"). The title before the
institution says a role phrase names the institution, then its holder.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, Span, Token

from graph.extract.entities.inside import _folded_words
from graph.text import fold

_NAME_TOKENS: Final = 2  # a first and last name: the common case, and no guess beyond it
_PREDICATE: Final = frozenset({"VERB", "AUX"})


def institution_and_holder(span: Span) -> list[Span]:
    """An organisation the model read after a title word and a word of
    ``[entities] post_of`` ("Minister in the", "ministre des") right before a
    verb, or opening on them, that ends on a first and last name (going on
    past the span when the model cut it): the institution, then its holder
    ("Ministry of Finance" and "Brian Lindqvist"; "Affaires étrangères" is no
    organisation's name, only the role's, and is left out: no
    ``institution_heads`` word in it). An
    institution whose name alone runs on ("Secretary of the Department of
    Homeland Security said") is left whole: after its "of" come two words, the
    name's own."""
    doc, language = span.doc, span.doc.lang_
    start = _institution_start(span, language) if span.label_ == "ORG" else None
    if start is None:
        return [span]
    end = _name_end(span, language)
    tail = end - _NAME_TOKENS
    post_of = _folded_words(language, "post_of")
    last_of = max((t.i for t in doc[start:end] if fold(t.text) in post_of), default=start - 1)
    if tail - last_of < 2 or not all(_a_name_word(t, language) for t in doc[tail:end]):
        return [span]  # nothing named after "of" but the name itself
    holder = Span(doc, tail, end, label="PER")
    heads = _folded_words(language, "institution_heads")
    if not any(fold(t.text) in heads for t in doc[start:tail]):
        return [holder]  # "des Finances": the role's words, no organisation
    return [Span(doc, start, tail, label="ORG"), holder]


def _institution_start(span: Span, language: str) -> int | None:
    """Where the institution begins: the span's start when a title word, then a
    ``post_of`` word and maybe an article, come right before it ("Minister in
    the [Ministry…]"), or after them when the span opens on them ("[ministre
    de la Défense Ingrid]")."""
    doc = span.doc
    articles = _folded_words(language, "articles")
    titles, post_of = _folded_words(language, "title_words"), _folded_words(language, "post_of")
    before = [fold(t.text) for t in doc[max(0, span.start - 3) : span.start]]
    while before and before[-1] in articles:
        before.pop()
    if len(before) >= 2 and before[-1] in post_of and before[-2] in titles:
        # the name then ends the subject: a verb follows ("founder of Kjeldvik
        # Financial Services" is a firm's name)
        return span.start if _a_predicate_at(doc, span.end) else None
    words = [fold(t.text) for t in span]
    if len(words) < 3 or words[0] not in titles or words[1] not in post_of:
        return None
    at = 2
    while at < len(words) and words[at] in articles:
        at += 1
    return span.start + at


def _a_predicate_at(doc: Doc, at: int) -> bool:
    """Whether a verb stands at ``at``, maybe after a clitic pronoun ("said",
    "s'est exprimé")."""
    if at < len(doc) and doc[at].pos_ == "PRON":
        at += 1
    return at < len(doc) and doc[at].pos_ in _PREDICATE


def _name_end(span: Span, language: str) -> int:
    """The span's end, or one word past it when the span ends on one word of a
    name only and the model cut the surname ("[… Défense Ingrid] Solberg a
    rencontré")."""
    doc, end = span.doc, span.end
    whole = all(_a_name_word(t, language) for t in doc[max(span.start, end - _NAME_TOKENS) : end])
    if whole or end >= len(doc) or not _a_name_word(doc[end - 1], language):
        return end
    return end + 1 if _a_name_word(doc[end], language) else end


def _a_name_word(token: Token, language: str) -> bool:
    titles = _folded_words(language, "title_words") | _folded_words(language, "institution_heads")
    return (
        token.text.replace("-", "").isalpha()
        and token.text.istitle()
        and fold(token.text) not in titles
    )
