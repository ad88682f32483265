"""The date extractor's words, per language, as data: month, weekday, number,
season and part-of-month names, the regular-expression fragments the rule
patterns are built from (:func:`_fragments`), and the look-ups that turn a
matched word back into a number. The lowest layer of the package: it imports
nothing from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from graph.types import Granularity

_VAGUE: Final = -1  # "quelques", "several": a count we cannot pin down

_MONTHS: Final[dict[str, dict[str, int]]] = {
    "fr": {
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5,
        "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
        "novembre": 11, "décembre": 12, "decembre": 12,
    },
    "en": {
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
        "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
        "december": 12,
    },
}  # fmt: skip


def is_calendar_word(word: str) -> bool:
    """A month or weekday name in any supported language ("Tuesday", "juin").

    >>> is_calendar_word("Tuesday"), is_calendar_word("Mardi"), is_calendar_word("Brest")
    (True, True, False)
    """
    lower = word.lower()
    return any(lower in table[lang] for table in (_MONTHS, _WEEKDAYS) for lang in table)


# Abbreviations are only accepted next to a day number, never alone ("Jun").
_MONTH_ABBR: Final[dict[str, dict[str, int]]] = {
    "fr": {
        "janv.": 1, "févr.": 2, "fevr.": 2, "fév.": 2, "avr.": 4, "juil.": 7,
        "sept.": 9, "oct.": 10, "nov.": 11, "déc.": 12, "dec.": 12,
    },
    "en": {
        f"{k}{dot}": v
        for k, v in {
            "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
            "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
        }.items()
        for dot in ("", ".")
    },
}  # fmt: skip
_WEEKDAYS: Final[dict[str, dict[str, int]]] = {
    "fr": {
        "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4,
        "samedi": 5, "dimanche": 6,
    },
    "en": {
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
        "saturday": 5, "sunday": 6,
    },
}  # fmt: skip
_WEEKDAY_ABBR: Final[dict[str, int]] = {
    f"{k}{dot}": v
    for k, v in {
        "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
        "fri": 4, "sat": 5, "sun": 6,
    }.items()
    for dot in ("", ".")
}  # fmt: skip
_NUMBERS: Final[dict[str, dict[str, int]]] = {
    "fr": {
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
        "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
        "quinze": 15, "quelques": _VAGUE, "plusieurs": _VAGUE,
    },
    "en": {
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
        "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
        "twelve": 12, "fifteen": 15, "a couple of": 2, "a few": _VAGUE,
        "few": _VAGUE, "several": _VAGUE,
    },
}  # fmt: skip
_SEASONS: Final[dict[str, str]] = {
    "printemps": "spring", "été": "summer", "ete": "summer", "automne": "autumn",
    "hiver": "winter", "spring": "spring", "summer": "summer", "autumn": "autumn",
    "fall": "autumn", "winter": "winter",
}  # fmt: skip
_SEASON_START: Final[dict[str, int]] = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_PARTS: Final[dict[str, Granularity]] = {
    "début": "early-month", "debut": "early-month", "early": "early-month",
    "beginning": "early-month", "start": "early-month", "mi": "mid-month",
    "mid": "mid-month", "middle": "mid-month", "fin": "late-month",
    "late": "late-month", "end": "late-month",
}  # fmt: skip


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so "sept." beats "sept"."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in items) + ")"


def _fragments(lang: str) -> dict[str, str]:
    months = _MONTHS[lang]
    weekdays = list(_WEEKDAYS[lang]) + (list(_WEEKDAY_ABBR) if lang == "en" else [])
    return {
        "MF": _alt(months),
        "MA": _alt(list(months) + list(_MONTH_ABBR[lang])),
        "WD": _alt(_WEEKDAYS[lang]),
        "WDA": _alt(weekdays),
        "NUM": "(?:" + _alt(_NUMBERS[lang]) + r"|\d{1,3})",
        "UNIT": _alt(
            ["jour", "jours", "semaine", "semaines", "mois", "an", "ans", "année", "années"]
            if lang == "fr"
            else ["day", "days", "week", "weeks", "month", "months", "year", "years"]
        ),
        "SEASON": _alt(
            ["printemps", "été", "ete", "automne", "hiver"]
            if lang == "fr"
            else ["spring", "summer", "autumn", "fall", "winter"]
        ),
    }


def _lookup(table: dict[str, int], token: str) -> int | None:
    key = re.sub(r"\s+", " ", token.lower())
    return table.get(key, table.get(key.rstrip(".")))


def _month(lang: str, token: str | None) -> int | None:
    if token is None:
        return None
    return _lookup(_MONTHS[lang], token) or _lookup(_MONTH_ABBR[lang], token)


def _weekday(lang: str, token: str | None) -> int | None:
    if token is None:
        return None
    found = _lookup(_WEEKDAYS[lang], token)
    return found if found is not None or lang != "en" else _lookup(_WEEKDAY_ABBR, token)


def _num(lang: str, token: str) -> int:
    if token.isdigit():
        return int(token)
    return _lookup(_NUMBERS[lang], token) or 0


def _unit(token: str) -> str:
    return {"j": "day", "d": "day", "s": "week", "w": "week", "m": "month"}.get(
        token[0].lower(), "year"
    )


def _direction(word: str | None) -> int:
    word = (word or "").lower()
    if word in {"dernier", "passé", "passe", "last", "dernière", "derniere", "passée", "passee"}:
        return -1
    return 1 if word in {"prochain", "prochaine", "next"} else 0
