"""The date extractor's words, per language: the ``[dates]`` section of each
language file (month, weekday, number, unit, season and part-of-month names,
read through :data:`graph.languages.BY_CODE`), the regular-expression fragments
the rule patterns are built from (:func:`_fragments`), and the look-ups that
turn a matched word back into a number. The lowest layer of the package: it imports
nothing from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

from graph import languages
from graph.languages import DateWords

_VAGUE: Final = -1  # "quelques", "several": a count we cannot pin down
_SEASON_START: Final[dict[str, int]] = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def _words(lang: str) -> DateWords:
    """The ``[dates]`` words of a registered language."""
    return languages.BY_CODE[lang].dates


def is_calendar_word(word: str) -> bool:
    """A month or weekday name in any supported language ("Tuesday", "juin").

    >>> is_calendar_word("Tuesday"), is_calendar_word("Mardi"), is_calendar_word("Brest")
    (True, True, False)
    """
    lower = word.lower()
    return any(lower in table for d in _all_words() for table in (d.months, d.weekdays))


def _all_words() -> list[DateWords]:
    return [language.dates for language in languages.BY_CODE.values()]


def _numbers(words: DateWords) -> dict[str, int]:
    return {**words.numbers, **dict.fromkeys(words.vague_numbers, _VAGUE)}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so "sept." beats "sept"."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in items) + ")"


def _fragments(words: DateWords) -> dict[str, str]:
    months = list(words.months)
    return {
        "MF": _alt(months),
        "MA": _alt(months + list(words.month_abbreviations)),
        "WD": _alt(words.weekdays),
        "WDA": _alt(list(words.weekdays) + list(words.weekday_abbreviations)),
        "NUM": "(?:" + _alt(_numbers(words)) + r"|\d{1,3})",
        "UNIT": _alt(words.units),
        "SEASON": _alt(words.seasons),
    }


def _lookup(table: Mapping[str, int], token: str) -> int | None:
    key = re.sub(r"\s+", " ", token.lower())
    return table.get(key, table.get(key.rstrip(".")))


def _month(lang: str, token: str | None) -> int | None:
    if token is None:
        return None
    words = _words(lang)
    return _lookup(words.months, token) or _lookup(words.month_abbreviations, token)


def _weekday(lang: str, token: str | None) -> int | None:
    if token is None:
        return None
    words = _words(lang)
    found = _lookup(words.weekdays, token)
    return found if found is not None else _lookup(words.weekday_abbreviations, token)


def _num(lang: str, token: str) -> int:
    if token.isdigit():
        return int(token)
    return _lookup(_numbers(_words(lang)), token) or 0


def _unit(lang: str, token: str) -> str:
    """ "jours", "Weeks": day, week, month or year."""
    return _words(lang).units[token.lower()]


def _direction(lang: str, word: str | None) -> int:
    """-1 for a word of the past one ("dernier", "last"), 1 of the next, else 0."""
    words, word = _words(lang), (word or "").lower()
    return -1 if word in words.last else 1 if word in words.next else 0
