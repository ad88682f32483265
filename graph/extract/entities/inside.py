"""Known names inside longer names: when a country or a demonym the knowledge
base matches is only a word of another name ("the Royal Norwegian Academy",
"Météo-France", "Tour de France", "the US Open"), and the word lists that tell a name's
head is a title or an institution ("President of Finland", "Banque de France"),
which keep their country.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from spacy.tokens import Doc

from graph.extract.entities.common import _HYPHENS, _glued_hyphen
from graph.languages import BY_CODE
from graph.text import fold

# Words of names that say what an institution is, not whose ("Defence Ministry",
# "Supreme Court", "Coast Guard"): such a name is only known with its owner.
_GENERIC_INSTITUTION_WORDS: Final = frozenset(
    {"supreme", "constitutional", "high", "federal", "national", "central", "foreign",
     "defence", "defense", "interior", "justice", "finance", "economy", "health", "trade",
     "energy", "transport", "affairs", "home", "state", "general", "security", "intelligence",
     "court", "council", "ministry", "parliament", "senate", "commission", "committee",
     "agency", "assembly", "government", "cabinet", "navy", "army", "air", "force", "forces",
     "coast", "guard", "police", "office", "department", "service", "of", "the", "and", "for"}
)  # fmt: skip

_TITLE_WORD_BEFORE: Final = re.compile(r"(?<![.!?]\s)\b[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+\s+$")
_TITLE_WORD_AFTER: Final = re.compile(r"\s+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+\b")


def _inside_a_written_name(text: str, start: int, end: int) -> bool:
    """:func:`_inside_a_name` on the characters of ``text`` (a repeated name)."""
    return start > 0 and bool(
        _TITLE_WORD_BEFORE.search(text, 0, start) and _TITLE_WORD_AFTER.match(text, end)
    )


def _inside_a_name(doc: Doc, start: int, end: int) -> bool:
    """A demonym between two capitalised words of a name ("the Royal Norwegian
    Academy of Sciences") is a word of that name, not a country of its own;
    one opening a name ("Russian President", "the Chinese Coast Guard") is."""
    before = start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start
    after = end < len(doc) and doc[end].is_title
    return before and after


def _opens_a_contest(doc: Doc, end: int) -> bool:
    """A known name or demonym right before a capitalised word of the language's
    ``contest_words`` ("the US Open", "the Australian Open", "the Italian Grand
    Prix") is a word of the contest's name: the contest is not the country's act."""
    if end >= len(doc) or not doc[end].is_title:
        return False
    words = _folded_words(doc.lang_, "contest_words")
    return fold(doc[end].text) in words or fold(doc[end : end + 2].text) in words


def _names_a_person(doc: Doc, start: int, end: int) -> bool:
    """A demonym heading a singular noun phrase ("the 23-year-old Norwegian,
    seeded fifth", "a Briton was arrested", "le Slovène a gagné") is a person
    of that nationality, not the country acting. Not a plural ("the Russians"),
    nor a demonym of the language's ``collective_demonym_endings`` ("the French",
    "the Chinese": a whole people), nor one before a noun ("the Norwegian navy")."""
    word = doc[start]
    # a noun of nationality is capitalised ("le Slovène"), an adjective in French is not
    # ("un oligarque russe")
    if end - start != 1 or not word.text[:1].isupper() or "Plur" in word.morph.get("Number", []):
        return False
    if fold(word.text).endswith(tuple(_folded_words(doc.lang_, "collective_demonym_endings"))):
        return False
    if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN", "ADJ"):
        return False
    articles = _folded_words(doc.lang_, "singular_articles")
    i = start - 1
    while i >= 0 and start - i <= _PHRASE_TOKENS and doc[i].pos_ in ("ADJ", "NUM", "PUNCT", "NOUN"):
        hyphen = doc[i].text in _HYPHENS
        if doc[i].pos_ == "PUNCT" and not hyphen:
            return False
        if doc[i].pos_ == "NOUN" and doc[i + 1].text not in _HYPHENS:
            return False  # "la marine russe": the demonym qualifies a noun
        i -= 1
    return i >= 0 and fold(doc[i].text) in articles


_PHRASE_TOKENS: Final = 6  # "the 23 - year - old": words between an article and its noun


_OF: Final = frozenset({"de", "du", "des", "d'", "d’", "of"})  # what joins a name to its last word
# after a person's name, another person of the same name ("Edvard Lindqvist Jr")
_GENERATIONS: Final = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_NAMED_BODIES: Final = frozenset({"ORG", "FAC"})  # what a known name may open (an airline)
_PEOPLE: Final = frozenset({"PER", "PERSON"})  # what it may open too, as a first name


def _ends_a_name(doc: Doc, start: int, end: int) -> bool:
    """A known name after "de"/"of" that ends a longer name the model found,
    headed by a capitalised word that is no title or institution ("Tour de
    France", "Coupe de Norvège", "University of Oslo"), is a word of that name:
    the race is not the country. "Banque de France", "Ministry of Defence of
    Japan", "President of Finland" keep the country."""
    if start < 2 or fold(doc[start - 1].text) not in _OF or not doc[start - 2].is_title:
        return False
    head = fold(doc[start - 2].text)
    language = doc.lang_
    if head in _GENERIC_INSTITUTION_WORDS or any(
        head in _folded_words(language, field) for field in ("institution_heads", "title_words")
    ):
        return False
    return any(ent.start <= start - 2 and end <= ent.end for ent in doc.ents)


def _opens_a_name(doc: Doc, start: int, end: int) -> bool:
    """A known name that opens or closes a longer name of an organisation or a
    building the model found, whose other capitalised words are none a title
    nor an institution's head ("China Airlines", "Russia Today", "Taiwan
    Taoyuan International Airport", "told the Norway Times", "Frack Free
    Norway"), is a word of that name: the airline, the campaign group is not
    the country. "Pakistan Army", "Norway Supreme Court" keep the country. So
    is one opening a person's name the model found ("Israel Lindqvist", "Jordan
    Lindqvist"): the minister is not the country."""
    language = doc.lang_
    articles = _folded_words(language, "articles")
    heads = {"institution_heads", "title_words"}
    for name in (ent for ent in doc.ents if ent.label_ in _NAMED_BODIES
                 or (ent.label_ in _PEOPLE and ent.start == start)):  # fmt: skip
        if name.start <= start and end < name.end:
            rest = doc[end : name.end]  # "China Airlines", "the Norway Times"
        elif name.start < start and end == name.end:
            rest = doc[name.start : start]  # "Frack Free Norway"
        else:
            continue
        words = [t for t in rest if t.is_alpha and fold(t.text) not in articles]
        return (
            bool(words)
            and all(t.is_title or t.is_upper for t in words)
            and not any(
                fold(t.text) in _GENERIC_INSTITUTION_WORDS
                or any(fold(t.text) in _folded_words(language, field) for field in heads)
                for t in words
            )
        )
    return _opens_capitalised_words(doc, start, end)


_OPENED_WORDS: Final = 2  # capitalised words after a known name that make a name of their own


def _opens_capitalised_words(doc: Doc, start: int, end: int) -> bool:
    """Whether a known name after a lower-case word or a possessive opens two
    capitalised words or more that end before a word in lower case, none of them
    a title nor an institution's head ("Lindqvist's London Fashion Week show",
    "at the Oslo Jazz Festival on Friday"): the name of a gathering the model
    missed, of which the place is a word. A title-case headline's first name
    ("Norway Opens New Embassy") has no lower-case word before it."""
    if start == 0 or not (doc[start - 1].is_lower or doc[start - 1].text in _POSSESSIVES):
        return False
    at = end
    while at < len(doc) and doc[at].is_alpha and doc[at].is_title:
        at += 1
    if at - end < _OPENED_WORDS or (at < len(doc) and not doc[at].is_lower):
        return False
    heads = _folded_words(doc.lang_, "institution_heads") | _folded_words(doc.lang_, "title_words")
    return not any(fold(t.text) in _GENERIC_INSTITUTION_WORDS | heads for t in doc[end:at])


_POSSESSIVES: Final = frozenset({"'s", "’s", "'", "’"})  # tokens after a name, not of it


def _closes_a_name(doc: Doc, start: int, names: set[int]) -> bool:
    """Whether a capitalised word in mid-sentence that is no known name, title,
    article, month or weekday stands right before the place ("Northern Ireland", "Real
    Madrid", "Dynamo Moscow"): the place ends a longer name, a region or a club,
    not the country. "On Thursday Moscow said", "« La Chine est… »" and a
    sentence's first word keep it."""
    if start == 0 or start - 1 in names:
        return False
    before = doc[start - 1]
    if before.is_sent_start or not (before.is_alpha and before.is_title):
        return False
    word = fold(before.text)
    dates = BY_CODE[doc.lang_].dates if doc.lang_ in BY_CODE else None
    return not (
        (dates is not None and (word in dates.months or word in dates.weekdays))
        or any(word in _folded_words(doc.lang_, words) for words in _NOT_NAME_WORDS)
    )


_NOT_NAME_WORDS: Final = ("title_words", "honorifics", "articles")  # "« La Chine est…»"


def _names_a_namesake(doc: Doc, end: int) -> bool:
    """Whether a generational suffix follows the name ending at ``end``
    ("Edvard Lindqvist Jr", "Ingrid Solberg Sr."): the son or the father, not the
    person the knowledge base knows by that name."""
    return end < len(doc) and doc[end].text.casefold() in _GENERATIONS


def _in_compound(doc: Doc, start: int, end: int, names: set[int]) -> bool:
    """Whether ``doc[start:end]`` is glued by a hyphen to a word that is no
    known name ("Météo-France", "Île-de-France"): part of another name, not the
    country; "Chine-Russie" names two."""
    before = _glued_hyphen(doc, start - 1) and start - 2 not in names
    after = _glued_hyphen(doc, end) and end + 1 not in names
    return before or after


@lru_cache(maxsize=64)  # eight fields of two languages filled 16: no room for one more
def _folded_words(language: str, field: str) -> frozenset[str]:
    """A word list of the language's ``[entities]`` (``title_words``, ``honorifics``), folded."""
    found = BY_CODE.get(language)
    words: frozenset[str] = getattr(found.entities, field) if found else frozenset()
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=4)
def _before_a_name(language: str) -> frozenset[str]:
    """Titles and honorifics, folded: words before a name that are no part of it
    ("Defence Minister Edvard Lindqvist", "Dr Edvard Lindqvist")."""
    return _folded_words(language, "title_words") | _folded_words(language, "honorifics")
