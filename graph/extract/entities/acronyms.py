"""Acronyms: an actor's initials stand for it wherever its article writes them.

"la Garde côtière de Nordvik (GCN)" defines "GCN"; an article that names
"Nordvik Maritime Authority" in full and later writes "NMA" alone means the
same body, though it never put the letters in parentheses (news copy often
does not). The model rarely tags a lone acronym, and when it does it makes a
second organisation of it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Final

from graph.extract.entities.common import ACTOR_KINDS
from graph.extract.entities.names import _free_hits
from graph.text import fold
from graph.types import AnalysedSentence, EntityMention

# "(GCN)", "(DonNTU)": capitals, and lower-case letters between them at most
_ACRONYM_AFTER: Final = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z&]{0,8}[A-Z])\)")
# letters written alone, long enough that initials of another name rarely make them
_CAPITALS: Final = re.compile(r"(?<!\w)[A-Z]{3,7}(?!\w)")
_WORD: Final = re.compile(r"[^\W\d_]+")
_LINKING_WORD = 3  # a lower-case word this short links the name's words ("de", "of", "and")


def _acronym_of(name: str, acronym: str) -> bool:
    """Whether ``acronym`` spells initials of ``name``'s words, in order, the
    first included ("Garde côtière de Nordvik" → "GCN", "Organisation du traité de
    l'Atlantique nord" → "OTAN").

    >>> _acronym_of("Nordvik Maritime Authority", "NMA"), _acronym_of("Brest", "NMA")
    (True, False)
    >>> _acronym_of("Kjeldvik National Technical University", "KjNTU")
    True
    """
    acronym = "".join(c for c in acronym if not c.islower())  # "KjNTU": its capitals
    initials = [w[0].upper() for w in _WORD.findall(fold(name))]
    if not initials or initials[0] != acronym[0]:
        return False
    rest = iter(initials[1:])
    return all(letter in rest for letter in acronym[1:])


def _expand_acronyms(sentences: list[AnalysedSentence]) -> list[AnalysedSentence]:
    """An actor named in full with its acronym in parentheses, "la Garde
    côtière de Nordvik (GCN)", is that actor wherever the article then writes
    the acronym alone ("selon la GCN"), which the model rarely tags."""
    defined: dict[str, EntityMention] = {}
    for s in sentences:
        for m in s.mentions:
            after = _ACRONYM_AFTER.match(s.text, m.end)
            if (
                m.kind in ACTOR_KINDS
                and after
                and any(_acronym_of(name, after["acronym"]) for name in (m.text, m.label))
            ):
                defined.setdefault(after["acronym"], m)
    defined = _implicit_acronyms(sentences) | defined
    if not defined:
        return sentences
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(defined))) + r")(?!\w)")
    return [replace(s, mentions=_with_acronyms(s, pattern, defined)) for s in sentences]


def _with_acronyms(
    s: AnalysedSentence, pattern: re.Pattern[str], defined: dict[str, EntityMention]
) -> tuple[EntityMention, ...]:
    kept = [m for m in s.mentions if m.text not in defined]  # a guess the model made, replaced
    found = [replace(defined[hit[1]], text=hit[1], start=hit.start(), end=hit.end(), role=None)
             for hit in _free_hits(s.text, pattern, kept)]  # fmt: skip
    return tuple(sorted(kept + found, key=lambda m: m.start))


def _implicit_acronyms(sentences: list[AnalysedSentence]) -> dict[str, EntityMention]:
    """The acronyms an article writes alone that spell the initials of exactly
    one organisation it names in full ("Harris County Sheriff's Office" …
    "HCSO said"), with no parentheses to define them."""
    written = {hit[0] for s in sentences for hit in _CAPITALS.finditer(s.text)}
    if not written:
        return {}
    named: dict[str, dict[str, EntityMention]] = defaultdict(dict)
    for s in sentences:
        for m in s.mentions:
            letters = _initials(m.text) if m.kind == "organization" else ""
            if letters in written:
                named[letters].setdefault(m.key, m)
    return {letters: next(iter(by_key.values()))
            for letters, by_key in sorted(named.items()) if len(by_key) == 1}  # fmt: skip


def _initials(name: str) -> str:
    """The initials of a name's words, leaving out one-letter words and short
    lower-case ones, which link the others; none for a name of fewer than three
    such words.

    >>> _initials("Harris County Sheriff's Office"), _initials("Organisation du traité de l'OTAN")
    ('HCSO', 'OTO')
    """
    words = [w for w in _WORD.findall(name)
             if len(w) > 1 and not (w.islower() and len(w) <= _LINKING_WORD)]  # fmt: skip
    return "".join(fold(w[0]).upper() for w in words) if len(words) >= 3 else ""
