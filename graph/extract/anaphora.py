"""Extract: the words that point back at actors named before — "les deux pays",
"the two leaders", a sentence opening on a pronoun or on a definite event noun —
as patterns the actors step (:mod:`graph.extract.actors`) and the events step
read. Written in French and English in code, as ARCHITECTURE.md says: they
are the anaphora patterns no language file holds yet.
"""

from __future__ import annotations

import re

__all__ = [
    "DEFINITE_START",
    "PEOPLE_ANAPHORA",
    "PERSON_PRONOUN_AFTER_OPENING",
    "PERSON_PRONOUN_START",
    "PRONOUN_AFTER_OPENING",
    "PRONOUN_SPEAKER",
    "PRONOUN_START",
    "TWO_COUNTRIES",
    "TWO_SIDES",
]


def _two_of(deux: str, two: str, both: str, *more: str) -> re.Pattern[str]:
    """ "les deux <deux>", "the two <two>", "both <both>" and the phrases ``more``."""
    phrases = (rf"(?:les|des|aux|ces) deux (?:{deux})", rf"the two (?:{two})",
               rf"both (?:{both})", *more)  # fmt: skip
    return re.compile(rf"\b(?:{'|'.join(phrases)})\b", re.IGNORECASE)


# what can only mean two countries
TWO_COUNTRIES = _two_of(
    "pays|flottes|armées|nations|marines|puissances|alliés|voisins|capitales",
    "countries|nations|navies|fleets|powers|allies|neighbou?rs|capitals",
    "countries|nations|powers|allies|neighbou?rs|capitals", "leurs pays", "their countries",
)  # fmt: skip
# those, or two sides, partners or leaders: the nearest sentence naming two countries
TWO_SIDES = _two_of(
    "pays|flottes|armées|nations|marines|puissances|alliés|voisins|capitales|parties"
    "|partenaires|hommes|dirigeants",
    "countries|nations|navies|fleets|powers|allies|neighbou?rs|capitals|sides|partners|leaders"
    "|men",
    "countries|nations|powers|allies|neighbou?rs|capitals|sides|partners", "leurs pays",
    "their countries",
)  # fmt: skip
# "les deux dirigeants", "the two leaders": the two people named last before
PEOPLE_ANAPHORA = _two_of(
    r"dirigeants|présidents|hommes|chefs d['’]État|ministres",
    "leaders|presidents|men|ministers",
    "leaders|presidents|men",
)
PRONOUN_START = re.compile(
    r"\s*[«\"“]?\s*(?:Il|Elle|Ils|Elles|Son|Sa|Ses|Leur|Leurs|Celui-ci|Celle-ci|Ce dernier"
    r"|Cette dernière|He|She|It|They|His|Her|Its|Their|The latter)\b"
)
# a subject pronoun after an opening phrase ("Née en 1931 à Tromsø, elle avait dirigé…",
# "In 2005, she won…"), not an impersonal one ("il y a", "il s'agit", "il faut")
PRONOUN_AFTER_OPENING = re.compile(
    r"\s*[^,.;:«»\"“”]{3,60},\s*(?:il|elle|ils|elles|he|she|they)\b"
    r"(?!\s+(?:y\s+a|s['’]agit|faut|semble)\b)"
)
# English pronouns that can only stand for a person
PERSON_PRONOUN_START = re.compile(r"\s*[«\"“]?\s*(?:He|She|His|Her)\b")
# the same after an opening phrase ("In 2021, he said, he signed…")
PERSON_PRONOUN_AFTER_OPENING = re.compile(r"\s*[^,.;:«»\"“”]{3,60},\s*(?P<pronoun>he|she)\b")
# a pronoun as the speaker after a quote ("», a-t-il déclaré", "," she said"): a person
PRONOUN_SPEAKER = re.compile(
    r"[»”\"],?\s*(?:a-t-(?:il|elle)\b|[^\W\d_]+-(?:t-)?(?:il|elle)\b|(?:he|she)\s+[a-z]+)",
    re.IGNORECASE,
)
# "The exercises began…", "Ces manœuvres…": a sentence opening on a definite
# event noun goes on with the event a sentence just before told
DEFINITE_START = re.compile(
    r"\s*(?:The|These|This|Those|Les|Ces|Ce|Cet|Cette|Le|La|L['’])\s*(?P<noun>[^\W\d_][\w-]*)"
)
