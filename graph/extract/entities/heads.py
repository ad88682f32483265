"""Head nouns: "the union" for "the Union of Port Workers", wherever its article
names it in full.

A definite common noun that heads the name of exactly one organisation its
article names stands for that organisation. After the full name, the actors
step borrows it (:func:`graph.extract.actors._borrow_by_head_noun`); before it,
in a lead that writes "The trust refused last week…" and names "the Citizens'
Independent Transportation Trust" only further down, the noun is a mention of
that organisation (:func:`named_further_down`), as a lone acronym is
(:mod:`graph.extract.entities.acronyms`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from graph.extract.entities.inside import _OF
from graph.extract.entities.names import _free_hits
from graph.languages import BY_CODE
from graph.text import alternation, fold
from graph.types import AnalysedSentence, EntityMention


@lru_cache(maxsize=4)
def definite_nouns(language: str) -> re.Pattern[str]:
    """A language's article before a word in lower case ("the union", "l'agence")."""
    articles = alternation(BY_CODE[language].entities.articles)
    return re.compile(rf"(?i:\b(?:{articles}))\s*(?P<noun>[a-zà-öø-ÿ][\w-]+)\b")


def head_noun(label: str, head_last: bool) -> str | None:
    """The folded word that says what an organisation is: the last before "of"
    where the head comes last ("Union of Port Workers", "Valdorian Space
    Agency"), else the first ("Agence spatiale européenne"); None for a one-word name.

    >>> head_noun("Union of Port Workers", True), head_noun("Agence spatiale européenne", False)
    ('union', 'agence')
    """
    words = label.split()
    if len(words) < 2:
        return None
    if not head_last:
        return fold(words[0])
    before = next((i for i, w in enumerate(words) if w.lower() in _OF), len(words))
    return fold(words[before - 1]) if before else None


def named_further_down(sentences: list[AnalysedSentence], language: str) -> list[AnalysedSentence]:
    """The sentences with "the <noun>" before the article first names the one
    organisation that noun heads made a mention of it (its key and label, the
    noun's words); a noun heading two organisations' names stands for neither."""
    found = BY_CODE.get(language)
    if found is None or not found.entities.articles:
        return sentences
    first: dict[str, tuple[int, EntityMention]] = {}
    keys: dict[str, set[str]] = {}
    for s in sentences:
        for m in s.mentions:
            if m.kind != "organization":
                continue
            head = head_noun(m.label, found.entities.institution_head_last)
            if head:
                keys.setdefault(head, set()).add(m.key)
                first.setdefault(head, (s.index, m))
    named = {head: at for head, at in first.items() if len(keys[head]) == 1}
    if not named:
        return sentences
    return [_with_heads(s, named, language) for s in sentences]


def _with_heads(
    s: AnalysedSentence, named: dict[str, tuple[int, EntityMention]], language: str
) -> AnalysedSentence:
    hits = [(hit, named[noun]) for hit in _free_hits(s.text, definite_nouns(language), s.mentions)
            if (noun := fold(hit["noun"])) in named and s.index < named[noun][0]
            and _alone(s, hit.end())]  # fmt: skip
    if not hits:
        return s
    found = [replace(m, text=hit["noun"], start=hit.start("noun"), end=hit.end("noun"), role=None)
             for hit, (_, m) in hits]  # fmt: skip
    return replace(s, mentions=tuple(sorted([*s.mentions, *found], key=lambda m: m.start)))


def _alone(s: AnalysedSentence, end: int) -> bool:
    """Whether the noun ending at ``end`` stands alone: a punctuation mark or a
    verb of a tense comes right after it ("The trust refused", "L'agence a
    suspendu"), not a word that tells which one ("le parti centriste", "le
    parti allié de X": a party the article may never name)."""
    rest = s.text[end:].lstrip()
    if not rest or not rest[0].isalnum():
        return True
    at = len(s.text) - len(rest)
    return any(v.start == at and (v.tense or v.participle) for v in s.verbs)
