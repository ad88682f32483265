"""Extract: temporal expressions in one sentence, normalised to intervals of days.

Requires a sentence, its language (``"fr"`` or ``"en"``) and, for relative
expressions, an anchor date (usually the publication date). Adds
``TimeExpression`` records with character offsets and an audit trail (the
words as written, the anchor, the name of the rule that resolved them).

Candidates are found with precompiled regular expressions built from compact
month, weekday and number tables, never with ``dateparser.search_dates`` (slow,
and it reads "Sa" or "mer" as dates). Overlapping candidates are resolved by
rule order (most specific first), then length; a candidate that names an
impossible date ("31 février") still blocks the ones inside it, so it yields
nothing at all.

Rules (the ``rule`` field): ``full-date``, ``day-month``, ``numeric-date``,
``iso-date``, ``day-range``, ``month-year``, ``year``, ``year-range``,
``relative-month``, ``part-of-month``, ``weekday``, ``relative-day``,
``relative-week``, ``relative-year``, ``ago``, ``from-now``, ``anniversary``,
``event-offset``, ``relative-offset``, ``season``, ``night`` (two days),
``quarter`` (three months, granularity ``month``).

Unchecked assumptions and limits:

* A date without a year takes the year that puts it nearest the anchor. A
  stated weekday that does not match is kept and reported in ``conflict``.
* Tense is guessed from surface cues in the clause around the expression
  (the text between ``que``/``that``, quotes, ``;`` or ``:``): French future
  endings (-era, -ira, -dra, ... -ront, -rons, -rez), ``devrait``, ``doit``,
  ``va``/``vont`` + infinitive, ``prévu``; English ``will``, ``is/are to``,
  ``expected to``, ``should``, ``scheduled``, ``would`` (the future of
  reported speech; not ``would have``). A bare weekday, month or part
  of month resolves to the past occurrence unless the clause is future or
  the words say ``prochain``/``next``/``coming``. Reported speech without a
  ``que``/``that`` boundary, passé simple of -rer verbs ("déclara") and
  habitual uses ("le lundi") are misread.
* ``14/10/2024`` is day/month in French; in English it is month/day unless
  the first number exceeds 12. Two-digit years, clock times, hours, decades,
  month ranges and "la veille"/"le lendemain" are not handled.
* Seasons are meteorological (winter of year Y = December Y to February Y+1).
* Vague expressions ("récemment", "ces dernières années", "recently") are
  never returned: they would create junk events.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, NamedTuple

from graph.types import AnchorKind, Granularity, Relation, TimeExpression

__all__ = [
    "UndatedDay",
    "describe_interval",
    "find_time_expressions",
    "find_undated_days",
    "is_future_tense",
]


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
_EN_WEEKDAY_NAMES: Final = list(calendar.day_name)
_EN_MONTH_ABBR: Final = list(calendar.month_abbr)


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


def _day(name: str) -> str:
    return rf"(?<![\d,.])(?P<{name}>[12]\d|3[01]|0?[1-9])(?:er|re|ère|st|nd|rd|th)?(?!\d)"


def _year(name: str) -> str:
    return rf"(?P<{name}>[12]\d{{3}})(?![\d,.]\d|\d)"


class _Block:
    """A candidate that matched but names nothing valid: it hides shorter ones."""


_BLOCK: Final = _Block()


@dataclass(frozen=True, slots=True)
class _Res:
    begin: date
    last: date
    gran: Granularity
    absolute: bool = False
    relation: Relation = "at"
    conflict: str | None = None
    rule: str | None = None


_Outcome = _Res | _Block | None


@dataclass
class _Ctx:
    sentence: str
    lang: str
    anchor: date | None
    year: int | None = None  # the article's year when no anchor day is known

    def year_only(self) -> int | None:
        """The year a day or month written without one takes when there is no anchor."""
        return self.year if self.anchor is None else None

    def future(self, m: re.Match[str]) -> bool:
        return is_future_tense(self.sentence, language=self.lang, span=m.span())


_Handler = Callable[[re.Match[str], _Ctx], _Outcome]


# ---------------------------------------------------------------- helpers


def _safe_date(y: int, m: int, d: int) -> date | None:
    if not (1000 <= y <= 2200 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    if d > calendar.monthrange(y, m)[1]:
        return None
    return date(y, m, d)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


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


def _nearest_year(anchor: date, month: int, day: int) -> date | None:
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    options = [d for y in years if (d := _safe_date(y, month, day))]
    return min(options, key=lambda d: (abs((d - anchor).days), d)) if options else None


def _weekday_conflict(text: str, day: date, weekday: int | None) -> str | None:
    if weekday is None or day.weekday() == weekday:
        return None
    return f"{text}: {day.isoformat()} is a {_EN_WEEKDAY_NAMES[day.weekday()]}"


# clause boundaries; "and"/"et" before a future predicate starts one too ("left
# Brest on Monday and will patrol until April 18": Monday is past)
_BOUNDARY: Final = re.compile(
    r"[;:«»\"“”()\[\]]|\b(?:que|qu['’]|that)\b|\b(?:and|et)\s+(?=(?:will|would|shall|"
    r"va|vont|devrait|devraient|doit|doivent)\b)"
    # English drops "that": "said on Monday he would…" starts a clause at "he"
    r"|\b(?=(?:he|she|they|we)\s+(?:would|will|had|has|have|was|were|is|are|could|should"
    r"|might|must|did)\b)",
    re.IGNORECASE,
)


_COMMA: Final = re.compile(r",|\s[–—-]\s")


def _clause(sentence: str, start: int, end: int) -> str:
    """The stretch of ``sentence`` around ``start:end`` that carries its own verb
    (:func:`clause_span`)."""
    begin, stop = clause_span(sentence, start, end)
    return sentence[begin:stop]


def clause_span(sentence: str, start: int, end: int, *, commas: bool = True) -> tuple[int, int]:
    """Where the stretch of ``sentence`` around ``start:end`` that carries its
    own verb begins and ends.

    The comma-delimited segment holding the expression, unless that segment is
    the expression and a short word or two ("Dès mardi, Xi se rendra..."): then
    the whole clause up to ``que``/``that``, quotes, ``;`` or ``:``; with
    ``commas=False`` always that whole clause (commas also set off adjuncts of
    the same verb: "a déclaré mardi, lors d'un appel vidéo, que…").

    >>> s = "Marion Castellan said on Tuesday that the patrol went well."
    >>> s[slice(*clause_span(s, 22, 32))]
    'Marion Castellan said on Tuesday '
    """
    low, high = max(0, start - 300), min(len(sentence), end + 300)
    begin, stop = low, high
    for m in _BOUNDARY.finditer(sentence, low, high):
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= end:
            stop = m.start()
            break
    if not commas:
        return begin, stop
    seg_begin, seg_stop = begin, stop
    for m in _COMMA.finditer(sentence, begin, stop):
        if m.end() <= start:
            seg_begin = m.end()
        elif m.start() >= end:
            seg_stop = m.start()
            break
    rest = re.findall(r"\w+", sentence[seg_begin:start] + " " + sentence[end:seg_stop])
    if len(rest) <= 2 and all(len(word) <= 5 for word in rest):
        return begin, stop
    return seg_begin, seg_stop


_FUTURE: Final[dict[str, re.Pattern[str]]] = {
    "fr": re.compile(
        r"\b(?!vrai|environs)[a-zàâçéèêëîïôûùüœ]{1,}(?:e|i|d|u|r|v|tt|c)"
        r"(?:ra|ront|rai|rons|rez|ras|rait|raient)\b"
        r"|\bdevr(?:ai|aie)nt?\b|\bdoi(?:t|vent)\b|\bprévu(?:e|s|es)?\b|\bà\s+venir\b"
        r"|\b(?:va|vont)\s+(?:\w+\s+)?[a-zàâçéèêëîïôûùü]+(?:er|ir|re|oir)\b"
    ),
    "en": re.compile(
        r"\b(?:will|won['’]t|shall|should|would(?!\s+(?:not\s+)?have\b)|scheduled"
        r"|expected\s+to|due\s+to\s+(?!the\b)\w+"
        r"|(?:is|are)\s+(?:set\s+|going\s+|due\s+)?to|plans?\s+to|upcoming)\b|\w['’]ll\b",
        re.IGNORECASE,
    ),
}


def is_future_tense(text: str, *, language: str, span: tuple[int, int] | None = None) -> bool:
    """Whether ``text`` speaks of the future, or only the clause around ``span``.

    Surface cues only; see the module docstring for what is recognised. With
    ``span`` (start, end offsets of an expression), only the clause holding it
    is read, so "a déclaré lundi que le sommet aura lieu" is past at "lundi".

    Examples:
        >>> is_future_tense("Le sommet se tiendra lundi à Pékin", language="fr")
        True
        >>> is_future_tense("He said on Monday that talks will resume", language="en", span=(8, 17))
        False
    """
    pattern = _FUTURE.get(language[:2].lower())
    if span is not None:
        text = _clause(text, *span)
    return bool(pattern and pattern.search(text))


def _past_or_future(ctx: _Ctx, m: re.Match[str], direction: str | None) -> str:
    word = (direction or "").lower()
    if word in {"dernier", "dernière", "derniere", "passé", "passe", "last", "past"}:
        return "last"
    if word in {"prochain", "prochaine", "next", "coming"}:
        return "next"
    return "future" if ctx.future(m) else "past"


def _shift(d: date, days: int) -> date:
    return d + timedelta(days=days)


def _offset(anchor: date, n: int, unit: str, sign: int) -> _Res | None:
    """The interval ``n`` units before (``sign`` -1) or after (+1) ``anchor``."""
    relation: Relation = "after-anchor" if sign > 0 else "before-anchor"
    if n == 0:
        return None
    if unit in {"day", "week"} and n == _VAGUE:
        near, far = (1, 14) if unit == "day" else (14, 56)
        if sign > 0:
            return _Res(_shift(anchor, near), _shift(anchor, far), "days-after", relation=relation)
        return _Res(_shift(anchor, -far), _shift(anchor, -near), "days-before", relation=relation)
    if n == _VAGUE:
        return None  # "quelques mois": too vague to place
    if unit == "day":
        centre = _shift(anchor, sign * n)
        return _Res(centre, centre, "about-day", relation=relation)
    if unit == "week":
        centre = _shift(anchor, sign * 7 * n)
        return _Res(_shift(centre, -2), _shift(centre, 2), "week", relation=relation)
    if unit == "month":
        y, m = _shift_month(anchor, sign * n)
        return _Res(date(y, m, 1), _month_end(y, m), "month", relation=relation)
    year = anchor.year + sign * n
    if not 1000 <= year <= 2200:
        return None
    return _Res(date(year, 1, 1), date(year, 12, 31), "year", relation=relation)


def _capitalised(m: re.Match[str], ctx: _Ctx, *names: str) -> bool:
    """English month and weekday names are proper nouns ("in may" is a modal)."""
    if ctx.lang != "en":
        return True
    found = m.groupdict()  # a pattern may name only some of the groups
    return all(not found.get(n) or found[n][0].isupper() for n in names)


def _after_the(m: re.Match[str]) -> bool:
    """ "the last month" is a vague span, unlike "last month"."""
    return bool(re.search(r"\bthe\s+$", m.string[max(0, m.start() - 5) : m.start()], re.I))


# ---------------------------------------------------------------- handlers


def _h_date(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if not _capitalised(m, ctx, "m", "wd"):
        return None
    month, day = _month(ctx.lang, m["m"]), int(m["d"])
    weekday = _weekday(ctx.lang, m["wd"])
    if month is None:
        return None
    if m["y"]:
        found = _safe_date(int(m["y"]), month, day)
        if found is None:
            return _BLOCK
        conflict = _weekday_conflict(m[0], found, weekday)
        return _Res(found, found, "day", absolute=True, conflict=conflict, rule="full-date")
    if (year := ctx.year_only()) is not None:
        if (found := _safe_date(year, month, day)) is None:
            return _BLOCK
        conflict = _weekday_conflict(m[0], found, weekday)
        return _Res(found, found, "day", conflict=conflict, rule="day-month-in-year")
    if ctx.anchor is None or (found := _nearest_year(ctx.anchor, month, day)) is None:
        return _BLOCK
    conflict = _weekday_conflict(m[0], found, weekday)
    return _Res(found, found, "day", conflict=conflict, rule="day-month")


def _h_numeric(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    a, b = int(m["a"]), int(m["b"])
    day, month = (a, b) if ctx.lang == "fr" or a > 12 else (b, a)
    found = _safe_date(int(m["y"]), month, day)
    return _Res(found, found, "day", absolute=True) if found else _BLOCK


def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    found = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _Res(found, found, "day", absolute=True) if found else _BLOCK


def _h_range(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if not _capitalised(m, ctx, "m1", "m2"):
        return None
    groups = m.groupdict()
    m1, m2 = _month(ctx.lang, groups.get("m1")), _month(ctx.lang, groups.get("m2"))
    m1, m2 = m1 or m2, m2 or m1
    if m1 is None or m2 is None:
        return None
    d1, d2 = int(m["d1"]), int(m["d2"])
    y1s, y2s = groups.get("y1"), groups.get("y2")
    ordered = (m1, d1) <= (m2, d2)
    if y1s or y2s:
        y1 = int(y1s) if y1s else int(y2s or 0) - (0 if ordered else 1)
        y2 = int(y2s) if y2s else y1 + (0 if ordered else 1)
    elif ctx.anchor is not None and (first := _nearest_year(ctx.anchor, m1, d1)):
        y1 = first.year
        y2 = y1 + (0 if ordered else 1)
    elif (year := ctx.year_only()) is not None:
        y1, y2 = year, year + (0 if ordered else 1)
    else:
        return _BLOCK
    begin, last = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
    if begin is None or last is None or not 0 < (last - begin).days <= 366:
        return _BLOCK
    return _Res(begin, last, "days", absolute=bool(y1s or y2s))


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    month, year = _month(ctx.lang, m["m"]), int(m["y"])
    if month is None or not _capitalised(m, ctx, "m"):
        return None
    if not 1000 <= year <= 2200:
        return _BLOCK
    return _Res(date(year, month, 1), _month_end(year, month), "month", absolute=True)


_WEAK_YEAR_PREFIX: Final = frozenset(
    ["de", "d'", "d’", "of", "from", "by", "around", "before", "after", "avant", "après"]
)
_YEAR_NOUN: Final = re.compile(
    r"\s+(?!(?:à|a|au|aux|et|ou|en|and|or|to|was|were|is|has|had|il|elle|ils|elles|le|la|les"
    r"|the|de|du|des|dans|in|on|for|pour|avec|with|par|at|when|où|qui|que|that|which|ont|sont"
    r"|est|se|s|l|d|c|n|y)\b)[a-zàâçéèêëîïôûùüÿœ]{2,}"
)


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    year = int(m["y"])
    if not 1900 <= year <= 2100:
        return None
    pre = re.sub(r"\s+", " ", m["pre"].lower())
    if pre in _WEAK_YEAR_PREFIX and _YEAR_NOUN.match(m.string, m.end()):
        return None  # "de 2000 soldats": an amount, not a year
    return _Res(date(year, 1, 1), date(year, 12, 31), "year", absolute=True)


def _h_year_range(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if not 1900 <= y1 < y2 <= 2100:
        return None
    return _Res(date(y1, 1, 1), date(y2, 12, 31), "year", absolute=True)


def _month_in_year(anchor: date, month: int, mode: str) -> int:
    """The year of the ``month`` meant relative to ``anchor``'s month."""
    if mode == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if mode == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if mode == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _h_relative_month(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    month = _month(ctx.lang, m["m"])
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    if month is None or not _capitalised(m, ctx, "m") or not (pre or m["dir"]):
        return None
    word = m["dir"] or {"last": "last", "this past": "last", "next": "next"}.get(pre, "")
    if ctx.anchor is None:
        # "en juillet" in a report known to be from 2031: July 2031; "last July" needs a day
        if (year := ctx.year_only()) is None or word:
            return _BLOCK
        return _Res(date(year, month, 1), _month_end(year, month), "month", rule="month-in-year")
    year = _month_in_year(ctx.anchor, month, _past_or_future(ctx, m, word))
    return _Res(date(year, month, 1), _month_end(year, month), "month")


def _direction(word: str | None) -> int:
    word = (word or "").lower()
    if word in {"dernier", "passé", "passe", "last", "dernière", "derniere", "passée", "passee"}:
        return -1
    return 1 if word in {"prochain", "prochaine", "next"} else 0


def _h_this_month(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    """ "le mois dernier", "this month"; "earlier this month" ("plus tôt ce
    mois-ci") stops the day before the anchor, "later this month" starts after it."""
    if _after_the(m):
        return None
    if ctx.anchor is None:
        return _BLOCK
    y, mo = _shift_month(ctx.anchor, _direction(m["dir"]))
    begin, last = date(y, mo, 1), _month_end(y, mo)
    side = (m["side"] or "").lower()
    if (y, mo) == (ctx.anchor.year, ctx.anchor.month):
        if side in {"earlier", "tôt"}:
            last = _shift(ctx.anchor, -1)
        elif side in {"later", "tard"}:
            begin = _shift(ctx.anchor, 1)
    if last < begin:
        return _BLOCK  # "earlier this month" on the 1st: nothing before it this month
    return _Res(begin, last, "month" if (begin.day, last) == (1, _month_end(y, mo)) else "days")


def _h_week(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if _after_the(m):
        return None
    if ctx.anchor is None:
        return _BLOCK
    monday = _shift(ctx.anchor, 7 * _direction(m["dir"]) - ctx.anchor.weekday())
    return _Res(monday, _shift(monday, 6), "week")


def _h_year_relative(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if _after_the(m):
        return None
    if ctx.anchor is None:
        return _BLOCK
    year = ctx.anchor.year + _direction(m["dir"])
    return _Res(date(year, 1, 1), date(year, 12, 31), "year")


def _h_part(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    month = _month(ctx.lang, m["m"])
    if month is None or not _capitalised(m, ctx, "m"):
        return None
    part = next(_PARTS[w] for w in re.split(r"[\s-]+", m["p"].lower()) if w in _PARTS)
    first, final = {"early-month": (1, 10), "mid-month": (11, 20)}.get(part, (21, 31))
    future = ctx.anchor is not None and ctx.future(m)
    if m["y"]:
        year = int(m["y"])
    elif ctx.anchor is None:
        if (known := ctx.year_only()) is None:
            return _BLOCK
        year = known
    else:
        year = ctx.anchor.year
        part_begin, part_end = _safe_date(year, month, first), _month_end(year, month)
        if not future and part_begin and part_begin > ctx.anchor:
            year -= 1
        elif future and part_end < ctx.anchor:
            year += 1
    begin = _safe_date(year, month, first)
    if begin is None:
        return _BLOCK
    last = _month_end(year, month) if final == 31 else date(year, month, final)
    absolute = bool(m["y"])
    if ctx.anchor is not None and begin <= ctx.anchor <= last:
        begin, last = (ctx.anchor, last) if future else (begin, ctx.anchor)
        absolute = False
    return _Res(begin, last, part, absolute=absolute)


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if not _capitalised(m, ctx, "wd"):
        return None
    weekday = _weekday(ctx.lang, m["wd"])
    if weekday is None:
        return None
    if ctx.anchor is None:
        return _BLOCK
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    word = m["dir"] or {"last": "last", "this past": "last", "next": "next"}.get(pre)
    word = word or ("coming" if pre in {"coming", "this coming"} else None)
    day = _weekday_day(ctx.anchor, weekday, _past_or_future(ctx, m, word))
    return _Res(day, day, "day")


def _weekday_day(a: date, weekday: int, mode: str) -> date:
    """The day named by a weekday: the last or next one from ``a`` strictly, or
    in a past or future clause the nearest on that side, ``a`` itself included."""
    if mode == "last":
        return _shift(a, -((a.weekday() - weekday - 1) % 7 + 1))
    if mode == "next":
        return _shift(a, (weekday - a.weekday() - 1) % 7 + 1)
    if mode == "future":
        # Same day allowed: "le sommet aura lieu lundi" printed on a Monday is today.
        return _shift(a, (weekday - a.weekday()) % 7)
    return _shift(a, -((a.weekday() - weekday) % 7))


def _h_night(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    """ "dans la nuit de lundi à mardi", "overnight Monday into Tuesday": the
    two days, the second the day after the first."""
    first, second = _weekday(ctx.lang, m["wd1"]), _weekday(ctx.lang, m["wd2"])
    if first is None or second is None or second != (first + 1) % 7:
        return None
    if ctx.anchor is None:
        return _BLOCK
    mode = "future" if ctx.future(m) else "past"
    # the night is past once its second day has come: count from that day
    day = _shift(_weekday_day(ctx.anchor, second, mode), -1)
    return _Res(day, _shift(day, 1), "days", rule="night")


_RELATIVE_DAYS: Final[dict[str, int]] = {
    "aujourd'hui": 0, "hier": -1, "avant-hier": -2, "avant hier": -2, "demain": 1,
    "après-demain": 2, "après demain": 2, "ce matin": 0, "ce soir": 0, "cette nuit": 0,
    "cet après-midi": 0, "today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


def _h_relative_day(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    key = re.sub(r"\s+", " ", m[0].lower().replace("’", "'"))
    if ctx.anchor is None:
        return _BLOCK
    day = _shift(ctx.anchor, _RELATIVE_DAYS.get(key, 0))
    return _Res(day, day, "day")


def _h_eve(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    """ "au lendemain de X" / "the day after X": X was the day before the anchor."""
    if ctx.anchor is None:
        return _BLOCK
    words = m["w"].lower()
    after_named = "lendemain" in words or "after" in words
    day = _shift(ctx.anchor, -1 if after_named else 1)
    relation: Relation = "before-anchor" if after_named else "after-anchor"
    return _Res(day, day, "day", relation=relation, rule="eve-of")


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if ctx.anchor is None:
        return _BLOCK
    return _offset(ctx.anchor, _num(ctx.lang, m["n"]), _unit(m["u"]), -1) or _BLOCK


def _h_from_now(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if ctx.anchor is None:
        return _BLOCK
    return _offset(ctx.anchor, _num(ctx.lang, m["n"]), _unit(m["u"]), 1) or _BLOCK


_BEFORE_WORDS: Final = frozenset(
    ["avant", "auparavant", "before", "earlier", "previously", "beforehand", "prior"]
)


def _h_offset(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if ctx.anchor is None:
        return _BLOCK
    words = set(re.split(r"\s+", m["dir"].lower()))
    before = bool(words & _BEFORE_WORDS) or "tôt" in words or "tot" in words
    # A preposition with an object names another event: "une semaine avant le
    # sommet" puts the summit after the anchor. "Deux jours plus tard" (no
    # object) puts this sentence's event after it.
    preposition = bool(words & {"avant", "après", "apres", "before", "after", "prior"})
    named = preposition and (m["obj"] is not None or m["more"] is not None)
    sign = (1 if before else -1) if named else (-1 if before else 1)
    found = _offset(ctx.anchor, _num(ctx.lang, m["n"]), _unit(m["u"]), sign)
    if found is None:
        return _BLOCK
    return _Res(
        found.begin,
        found.last,
        found.gran,
        relation=found.relation,
        rule="event-offset" if named else "relative-offset",
    )


def _h_anniversary(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    if ctx.anchor is None:
        return _BLOCK
    year = ctx.anchor.year - int(m["n"])
    if not 1000 <= year <= 2200 or int(m["n"]) == 0:
        return _BLOCK
    return _Res(date(year, 1, 1), date(year, 12, 31), "year", relation="before-anchor")


def _season(name: str, year: int) -> tuple[date, date]:
    start = _SEASON_START[name]
    end_year, end_month = _shift_month(date(year, start, 1), 2)
    return date(year, start, 1), _month_end(end_year, end_month)


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    name = _SEASONS.get(m["s"].lower())
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    if name is None:
        return None
    if m["y"]:
        begin, last = _season(name, int(m["y"]))
        return _Res(begin, last, "season", absolute=True)
    direction = m["dir"] or {"last": "last", "this past": "last", "next": "next"}.get(pre)
    if not direction and pre not in {"cet", "cette", "this", "this coming"}:
        return None
    if ctx.anchor is None:
        return _BLOCK
    a = ctx.anchor
    options = [_season(name, y) for y in range(a.year - 2, a.year + 2)]
    step = _direction(direction) if direction else 0
    if step < 0:
        begin, last = max(o for o in options if o[1] < a)
    elif step > 0 or pre == "this coming":
        begin, last = min(o for o in options if o[0] > a)
    else:
        begin, last = min(options, key=lambda o: 0 if o[0] <= a <= o[1] else
                          min(abs((o[0] - a).days), abs((o[1] - a).days)))  # fmt: skip
    return _Res(begin, last, "season")


_QUARTERS: Final = {"premier": 1, "1er": 1, "deuxième": 2, "2e": 2, "second": 2, "troisième": 3,
                    "3e": 3, "quatrième": 4, "4e": 4, "first": 1, "1st": 1, "2nd": 2,
                    "third": 3, "3rd": 3, "fourth": 4, "4th": 4}  # fmt: skip


def _h_quarter(m: re.Match[str], ctx: _Ctx) -> _Outcome:
    """ "au premier trimestre 2031", "in the third quarter", "Q2 2031": three
    months. Without a year, the latest such quarter begun by the anchor day,
    or in a future clause the first not yet over."""
    n = _QUARTERS.get((m["q"] or "").lower()) or int(m["qn"] or 0)
    if not 1 <= n <= 4:
        return None
    if m["y"]:
        year, absolute = int(m["y"]), True
    elif ctx.anchor is not None:
        current, absolute = (ctx.anchor.month - 1) // 3 + 1, False
        if ctx.future(m):
            year = ctx.anchor.year + (1 if n < current else 0)
        else:
            year = ctx.anchor.year - (1 if n > current else 0)
    elif (known := ctx.year_only()) is not None:
        year, absolute = known, False
    else:
        return _BLOCK
    return _Res(date(year, 3 * n - 2, 1), _month_end(year, 3 * n), "month", absolute=absolute,
                rule="quarter")  # fmt: skip


# ---------------------------------------------------------------- rules

_D1, _D2, _DD = _day("d1"), _day("d2"), _day("d")
_Y1, _Y2, _YY = _year("y1"), _year("y2"), _year("y")

# (rule, handler, French patterns, English patterns). Where candidates overlap
# the earlier rule wins, then the longer match: "July 19" beats "until July".
# <MF> full month, <MA> month or abbreviation, <WD> weekday, <WDA> weekday or
# abbreviation, <NUM> count, <UNIT> time unit.
_RULES: Final[list[tuple[str, _Handler, list[str], list[str]]]] = [
    ("day-range", _h_range, [
        rf"\b(?:du|entre\s+le|entre)\s+{_D1}(?:\s+(?P<m1><MA>)(?!\w))?(?:\s+{_Y1})?"
        rf"\s+(?:au|et\s+le|et)\s+{_D2}\s+(?P<m2><MA>)(?!\w)(?:\s+{_Y2})?",
        rf"{_D1}(?:\s+(?P<m1><MA>)(?!\w))?\s*[-–]\s*{_D2}\s+(?P<m2><MA>)(?!\w)(?:\s+{_Y2})?",
        # "les 3 et 4 mai": both days
        rf"\bles\s+{_D1}\s+et\s+{_D2}\s+(?P<m2><MA>)(?!\w)(?:\s+{_Y2})?",
    ], [
        rf"\b(?:from|between)\s+(?P<m1><MA>)(?!\w)\s*{_D1}(?:,?\s+{_Y1})?"
        rf"\s+(?:to|and|until|through|-|–)\s+(?:(?P<m2><MA>)(?!\w)\s*)?{_D2}(?!\w)(?:,?\s+{_Y2})?",
        rf"\b(?:from|between)\s+(?:the\s+)?{_D1}(?:\s+(?:of\s+)?(?P<m1><MA>)(?!\w))?"
        rf"(?:,?\s+{_Y1})?\s+(?:to|and|until|through)\s+(?:the\s+)?{_D2}\s+(?:of\s+)?"
        rf"(?P<m2><MA>)(?!\w)(?:,?\s+{_Y2})?",
        rf"\b(?P<m1><MA>)(?!\w)\s*{_D1}\s*[-–]\s*(?:(?P<m2><MA>)(?!\w)\s*)?{_D2}(?!\w)"
        rf"(?:,?\s+{_Y2})?",
        rf"{_D1}\s*[-–]\s*{_D2}\s+(?P<m2><MA>)(?!\w)(?:,?\s+{_Y2})?",
        # "May 3 and 4", not "May 3 and 4 soldiers"
        rf"\b(?P<m1><MA>)(?!\w)\s*{_D1}\s+and\s+{_D2}(?!\w)"
        rf"(?!\s+(?!(?:in|at|on|to|for|and|when|while|as|the)\b)[a-z])(?:,?\s+{_Y2})?",
    ]),
    ("full-date", _h_date, [
        rf"(?:\ble\s+)?(?:\b(?P<wd><WD>)\s+)?{_DD}\s+(?P<m><MA>)(?!\w)(?:\s+{_YY})?",
    ], [
        rf"(?:\b(?P<wd><WDA>),?\s+)?(?:the\s+)?{_DD}\s+(?:of\s+)?(?P<m><MA>)(?!\w)(?:,?\s+{_YY})?",
        rf"(?:\b(?P<wd><WDA>),?\s+)?\b(?P<m><MA>)(?!\w)\s*{_DD}(?!\w)(?:,?\s+{_YY})?",
    ]),
    ("numeric-date", _h_numeric, [
        r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>[12]\d{3})(?![./]?\d)",
    ], [
        r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>[12]\d{3})(?![./]?\d)",
    ]),
    ("iso-date", _h_iso, [
        r"(?<![\d-])(?P<y>[12]\d{3})-(?P<mo>\d{2})-(?P<d>\d{2})(?!\d)",
    ], [
        r"(?<![\d-])(?P<y>[12]\d{3})-(?P<mo>\d{2})-(?P<d>\d{2})(?!\d)",
    ]),
    ("part-of-month", _h_part, [
        rf"\b(?P<p>début|debut|mi|fin)(?:\s*-\s*|\s+)(?P<m><MF>)(?!\w)(?:\s+{_YY})?",
    ], [
        rf"\b(?P<p>early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of)(?:\s*-\s*|\s+)"
        rf"(?P<m><MA>)(?!\w)(?:,?\s+{_YY})?",
    ]),
    ("month-year", _h_month_year, [
        rf"(?:\b(?:en|depuis|dès|jusqu'en|d'ici|courant|au\s+mois\s+de|le\s+mois\s+de)\s+)?"
        rf"(?<!\w)(?P<m><MF>)(?!\w)\s+{_YY}",
    ], [
        rf"(?:\b(?:in|since|by|until|from|during|through|throughout)\s+)?"
        rf"\b(?P<m><MF>)(?!\w),?\s+{_YY}",
    ]),
    ("quarter", _h_quarter, [
        rf"\b(?P<q>premier|1er|deuxième|2e|second|troisième|3e|quatrième|4e)\s+trimestre"
        rf"(?P<qn>)(?:\s+(?:de\s+l'année\s+)?{_YY})?",
        rf"\b[TQ](?P<qn>[1-4])(?P<q>)\s+{_YY}",
    ], [
        rf"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?P<qn>)"
        rf"(?:\s+of)?(?:,?\s+{_YY})?",
        rf"\bQ(?P<qn>[1-4])(?P<q>)\s+{_YY}",
    ]),
    ("season", _h_season, [
        rf"(?:\b(?P<pre>cet|cette|l'|à\s+l'|au|en|de\s+l'|durant\s+l'|pendant\s+l')\s*)?"
        rf"(?<!\w)(?P<s><SEASON>)(?!\w)(?:\s+(?P<dir>dernier|prochain|passé))?(?:\s+{_YY})?",
    ], [
        rf"(?:\b(?P<pre>this\s+past|this\s+coming|this|last|next|the|in|in\s+the|during"
        rf"|during\s+the)\s+)?\b(?P<s><SEASON>)(?!\w)(?P<dir>)(?:\s+of)?(?:,?\s+{_YY})?",
    ]),
    ("year-range", _h_year_range, [
        rf"\b(?:de|entre)\s+{_Y1}\s+(?:à|et)\s+{_Y2}",
        rf"(?<![\w-]){_Y1}\s*[-–]\s*{_Y2}(?![\w-])",
    ], [
        rf"\b(?:from|between)\s+{_Y1}\s+(?:to|and|until|through)\s+{_Y2}",
        rf"(?<![\w-]){_Y1}\s*[-–]\s*{_Y2}(?![\w-])",
    ]),
    ("year", _h_year, [
        rf"\b(?P<pre>en|depuis|dès|jusqu'en|d'ici|avant|après|début|fin|mi|courant|l'année"
        rf"|année|l'an|de|d'|entre|vers|au\s+cours\s+de|jusqu'à)(?:\s*-\s*|\s+|(?<='))(?<!\w){_YY}",
        # the second of two years: "en 2018 et 2022"
        rf"(?<=[12]\d{{3}} et )(?P<pre>){_YY}",
    ], [
        rf"\b(?P<pre>in|since|by|until|till|from|during|throughout|before|after|early|late|mid"
        rf"|of|around|circa|year|the\s+year)(?:\s*-\s*|\s+){_YY}",
        # "the 2020 border clashes", "The 2023 award": a year used as an adjective
        rf"\b(?P<pre>[Tt]he)\s+{_YY}(?=\s+(?-i:[a-z]))",
        rf"(?<=[12]\d{{3}} and )(?P<pre>){_YY}",
    ]),
    ("relative-month", _h_relative_month, [
        r"(?:\b(?P<pre>en|depuis|dès|jusqu'en|d'ici|courant|au\s+mois\s+de|le\s+mois\s+de|ce\s+mois\s+de"
        r"|d')\s*)?(?<!\w)(?P<m><MF>)(?!\w)(?:\s+(?P<dir>dernier|prochain|passé))?",
    ], [
        r"\b(?P<pre>in|since|until|during|by|through|throughout|last|next|this\s+past|this"
        r"|from)\s+(?P<m><MF>)(?!\w)(?P<dir>)",
        # "the March referendum": a month used as an adjective, the latest one past
        r"\b(?P<pre>[Tt]he)\s+(?P<m><MF>)(?=\s+(?-i:[a-z]))(?P<dir>)",
    ]),
    ("relative-month", _h_this_month, [
        r"\ble\s+mois\s+(?P<dir>dernier|prochain|passé)\b(?P<side>)",
        r"(?:\bplus\s+(?P<side>tôt|tard)\s+)?\bce\s+mois(?:-ci)?(?!\w)(?!\s+d)(?P<dir>)",
    ], [
        r"\b(?:(?P<side>earlier|later)\s+)?(?P<dir>last|next|this)\s+month\b",
    ]),
    ("relative-week", _h_week, [
        r"\bla\s+semaine\s+(?P<dir>dernière|derniere|passée|passee|prochaine)\b"
        r"|\bcette\s+semaine\b",
    ], [
        r"\b(?P<dir>last|next|this)\s+week\b",
    ]),
    ("relative-year", _h_year_relative, [
        r"\bl'(?:an|année)\s+(?P<dir>dernier|dernière|passé|passée|prochain|prochaine)(?!\w)"
        r"|\bcette\s+année(?!\w)",
    ], [
        r"\b(?P<dir>last|next|this)\s+year\b",
    ]),
    ("relative-offset", _h_offset, [
        r"\b(?P<n><NUM>)\s+(?P<u><UNIT>)\s+(?P<dir>plus\s+tard|plus\s+tôt|plus\s+tot|auparavant"
        r"|avant|après|apres)(?!\w)(?:\s+(?P<obj>(?:le|la|les|du|des|au|aux|son|sa|ses|leur"
        r"|leurs|ce|cet|cette|ces)\s+[\w-]+|l'\s*[\w-]+|(?-i:[A-ZÀ-Ý])[\w-]+)|(?P<more>(?=\s+\w)))?",
    ], [
        r"\b(?P<n><NUM>)\s+(?P<u><UNIT>)\s+(?P<dir>later|earlier|before|after|prior\s+to"
        r"|previously|beforehand)(?!\w)(?:\s+(?P<obj>(?:the|a|an|his|her|its|their|this|that"
        r"|these|those)\s+[\w-]+|(?-i:[A-Z])[\w-]+)|(?P<more>(?=\s+\w)))?",
    ]),
    ("ago", _h_ago, [
        r"\bil\s+y\s+a\s+(?:environ\s+|près\s+de\s+|plus\s+de\s+)?(?P<n><NUM>)\s+(?P<u><UNIT>)"
        r"(?!\w)",
    ], [
        r"\b(?P<n><NUM>)\s+(?P<u><UNIT>)\s+ago\b",
    ]),
    ("from-now", _h_from_now, [
        r"\bdans\s+(?P<n><NUM>)\s+(?P<u><UNIT>)(?!\w)",
    ], [
        r"\bin\s+(?P<n><NUM>)\s+(?P<u><UNIT>)(?:'s?\s+time)?(?!\w)",
    ]),
    ("anniversary", _h_anniversary, [
        r"(?:\ble\s+)?\b(?P<n>\d{1,3})\s*(?:e|è|ème|eme|ᵉ)\s+anniversaire(?!\w)",
    ], [
        r"(?:\bthe\s+)?\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\b",
    ]),
    ("eve-of", _h_eve, [
        r"\b(?P<w>au\s+lendemain|à\s+la\s+veille|a\s+la\s+veille)\s+(?:d'|d’|de(?=\s)|du(?=\s)|des(?=\s))",
    ], [
        r"\b(?P<w>on\s+the\s+eve|the\s+eve|on\s+the\s+day\s+after|the\s+day\s+after"
        r"|on\s+the\s+day\s+before|the\s+day\s+before)(?:\s+of)?(?=\s+(?:the|a|an|his|her"
        r"|its|their)\s)",
    ]),
    ("relative-day", _h_relative_day, [
        r"\b(?:aujourd'hui|avant[-\s]hier|après[-\s]demain|hier|demain|ce\s+matin|ce\s+soir"
        r"|cette\s+nuit|cet\s+après-midi)(?!\w)",
    ], [
        r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday"
        r"|tomorrow|tonight|this\s+morning|this\s+afternoon|this\s+evening)\b",
    ]),
    ("night", _h_night, [
        r"\bnuit\s+d[ue]\s+(?P<wd1><WD>)\s+(?:à|au)\s+(?P<wd2><WD>)(?!\w)",
    ], [
        r"\b(?:night\s+(?:of|from)|overnight(?:\s+from)?)\s+(?P<wd1><WD>)\s+(?:to|into)\s+"
        r"(?P<wd2><WD>)(?!\w)",
    ]),
    ("weekday", _h_weekday, [
        r"(?:\b(?P<pre>ce)\s+)?\b(?P<wd><WD>)(?!\w)(?:\s+(?:matin|soir|après-midi|midi))?"
        r"(?:\s+(?P<dir>dernier|prochain|passé))?",
    ], [
        r"(?:\b(?P<pre>on|this\s+coming|this\s+past|this|last|next|coming)\s+)?\b(?P<wd><WD>)"
        r"(?!\w)(?P<dir>)",
    ]),
]  # fmt: skip


def _compile(lang: str) -> list[tuple[str, _Handler, re.Pattern[str]]]:
    frags = _fragments(lang)
    compiled = []
    for rule, handler, fr, en in _RULES:
        for source in fr if lang == "fr" else en:
            text = re.sub(r"<([A-Z]+)>", lambda t: frags[t.group(1)], source)
            # ASCII digits only: int() must accept every digit a pattern lets through.
            text = re.sub(r"\[[^\]]*\]", lambda c: c.group(0).replace(r"\d", "0-9"), text)
            text = text.replace(r"\d", "[0-9]").replace("'", "['’]")
            compiled.append((rule, handler, re.compile(text, re.IGNORECASE)))
    return compiled


_COMPILED: Final[dict[str, list[tuple[str, _Handler, re.Pattern[str]]]]] = {
    lang: _compile(lang) for lang in ("fr", "en")
}

# Words without which no rule above can match: most sentences of an article
# have none, and one search spares them the thirty-odd rule scans.
_CUE_WORDS: Final = {
    "fr": ["aujourd'hui", "hier", "demain", "matin", "soir", "nuit", "après-midi", "lendemain",
           "veille", "anniversaire", "trimestre"],
    "en": ["today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening",
           "eve", "day", "anniversary", "ago", "quarter"],
}  # fmt: skip


def _cue_pattern(lang: str) -> re.Pattern[str]:
    frags = _fragments(lang)
    words = _alt(_CUE_WORDS[lang]).replace("'", "['’]")
    return re.compile(
        rf"[0-9]|(?<!\w)(?:{frags['MA']}|{frags['WDA']}|{frags['SEASON']}|{frags['UNIT']}"
        rf"|{words})(?!\w)",
        re.IGNORECASE,
    )


_CUES: Final[dict[str, re.Pattern[str]]] = {lang: _cue_pattern(lang) for lang in _COMPILED}


def _language(language: str) -> str | None:
    lang = language[:2].lower()
    return lang if lang in _COMPILED else None


def find_time_expressions(
    sentence: str,
    *,
    language: str,
    anchor: date | None,
    anchor_kind: AnchorKind = "publication",
    year: int | None = None,
) -> list[TimeExpression]:
    """Find the temporal expressions of one sentence and normalise each to days.

    Args:
        sentence: One sentence (any text is accepted; nothing is ever raised).
        language: ``"fr"`` or ``"en"`` (a region suffix such as ``"fr-FR"`` is
            ignored); any other language gives no expressions.
        anchor: The date relative expressions are resolved against, usually
            the publication date. ``None`` keeps only expressions that state
            their year.
        anchor_kind: What the anchor is, recorded in each expression.
        year: Without an anchor, the year the article is known to be from
            (no day of it): days, ranges and parts of months written without a
            year take it (recorded as a ``"year"`` anchor, 1 January of it);
            expressions relative to a day ("hier", "last month") still need one.

    Returns:
        The expressions in text order, without overlaps, each with ``start``
        and ``end`` offsets into ``sentence`` and its audit trail.

    Examples:
        >>> [e] = find_time_expressions(
        ...     "Il est arrivé lundi 14 octobre à Pékin.", language="fr", anchor=date(2024, 10, 15)
        ... )
        >>> e.text, e.begin, e.rule, e.conflict
        ('lundi 14 octobre', datetime.date(2024, 10, 14), 'day-month', None)
        >>> [(e.text, e.begin, e.last, e.granularity)
        ...  for e in find_time_expressions("Talks began in May 2024.", language="en", anchor=None)]
        [('in May 2024', datetime.date(2024, 5, 1), datetime.date(2024, 5, 31), 'month')]
    """
    lang = _language(language)
    if lang is None or not sentence or not _CUES[lang].search(sentence):
        return []
    if anchor is not None and not 1001 <= anchor.year <= 2199:
        anchor = None  # keeps every offset inside the supported years
    ctx = _Ctx(sentence, lang, anchor, year if year and 1001 <= year <= 2199 else None)
    candidates: list[tuple[int, int, int, str, _Res | _Block]] = []
    for order, (rule, handler, pattern) in enumerate(_COMPILED[lang]):
        for m in pattern.finditer(sentence):
            if m.end() > m.start() and (outcome := handler(m, ctx)) is not None:
                candidates.append((m.start(), m.end(), order, rule, outcome))
    candidates.sort(key=lambda c: (c[2], c[0] - c[1], c[0]))
    occupied = bytearray(len(sentence))
    kind: AnchorKind = anchor_kind if anchor is not None else "none"
    if anchor is None and ctx.year is not None:
        anchor, kind = date(ctx.year, 1, 1), "year"
    found: list[TimeExpression] = []
    for start, end, _, rule, outcome in candidates:
        if occupied.find(1, start, end) != -1:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        if isinstance(outcome, _Block):
            continue
        found.append(
            TimeExpression(
                text=sentence[start:end],
                start=start,
                end=end,
                begin=outcome.begin,
                last=outcome.last,
                granularity=outcome.gran,
                rule=outcome.rule or rule,
                anchor=None if outcome.absolute else anchor,
                anchor_kind="none" if outcome.absolute else kind,
                relation=outcome.relation,
                conflict=outcome.conflict,
            )
        )
    return sorted(found, key=lambda e: e.start)


class UndatedDay(NamedTuple):
    """A day and month written without a year, with its weekday when stated."""

    text: str
    start: int
    end: int
    day: int
    month: int
    weekday: int | None


def find_undated_days(sentence: str, *, language: str) -> list[UndatedDay]:
    """Find day-and-month expressions that state no year ("mardi 27 janvier").

    Used to infer a missing publication date; ranges and full dates are skipped.

    Examples:
        >>> find_undated_days("Il a parlé mardi 27 janvier.", language="fr")
        [UndatedDay(text='mardi 27 janvier', start=11, end=27, day=27, month=1, weekday=1)]
    """
    lang = _language(language)
    if lang is None:
        return []
    spans = {(e.start, e.end) for e in find_time_expressions(sentence, language=lang,
                                                             anchor=date(2000, 6, 15))}  # fmt: skip
    found = []
    for rule, _, pattern in _COMPILED[lang]:
        if rule != "full-date":
            continue
        for m in pattern.finditer(sentence):
            month = _month(lang, m["m"])
            if m["y"] or month is None or (m.start(), m.end()) not in spans:
                continue
            if m["d"] and 1 <= int(m["d"]) <= calendar.monthrange(2000, month)[1]:
                weekday = _weekday(lang, m["wd"])
                found.append(UndatedDay(m[0], m.start(), m.end(), int(m["d"]), month, weekday))
    return sorted(found, key=lambda u: u.start)


# ---------------------------------------------------------------- display

_FR_MONTHS: Final = [
    "", "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
    "nov.", "déc.",
]  # fmt: skip
_FR_MONTHS_FULL: Final = [
    "", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
]  # fmt: skip
_WORDS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "about": "about {}", "early-month": "early {}", "mid-month": "mid-{}",
        "late-month": "late {}", "week": "week of {}", "days-before": "a few days before {}",
        "days-after": "a few days after {}", "spring": "spring", "summer": "summer",
        "autumn": "autumn", "winter": "winter",
    },
    "fr": {
        "about": "vers le {}", "early-month": "début {}", "mid-month": "mi-{}",
        "late-month": "fin {}", "week": "semaine du {}",
        "days-before": "quelques jours avant le {}", "days-after": "quelques jours après le {}",
        "spring": "printemps", "summer": "été", "autumn": "automne", "winter": "hiver",
    },
}  # fmt: skip


def _day_text(d: date, lang: str, year: bool = True) -> str:
    month = _FR_MONTHS[d.month] if lang == "fr" else _EN_MONTH_ABBR[d.month]
    return f"{d.day} {month} {d.year}" if year else f"{d.day} {month}"


def _month_text(d: date, lang: str) -> str:
    return f"{_FR_MONTHS_FULL[d.month] if lang == 'fr' else calendar.month_name[d.month]} {d.year}"


def _range_text(begin: date, last: date, lang: str) -> str:
    if begin == last:
        return _day_text(begin, lang)
    if (begin.year, begin.month) == (last.year, last.month):
        return f"{begin.day}–{_day_text(last, lang)}"
    return f"{_day_text(begin, lang, year=begin.year != last.year)} – {_day_text(last, lang)}"


def describe_interval(begin: date, last: date, granularity: str, language: str = "en") -> str:
    """The human form of an interval, as shown in the UI.

    Args:
        begin: First day of the interval.
        last: Last day of the interval (inclusive).
        granularity: A ``graph.types.Granularity`` value; unknown ones show the range.
        language: ``"en"`` (default) or ``"fr"``.

    Returns:
        A short label such as "14 Oct 2024", "May 2024" or "early October 2024".

    Examples:
        >>> describe_interval(date(2022, 8, 30), date(2022, 9, 5), "days")
        '30 Aug – 5 Sep 2022'
        >>> describe_interval(date(2024, 10, 1), date(2024, 10, 10), "early-month")
        'early October 2024'
        >>> describe_interval(date(2026, 1, 13), date(2026, 1, 26), "days-before")
        'a few days before 27 Jan 2026 (13–26 Jan 2026)'
    """
    lang = "fr" if language[:2].lower() == "fr" else "en"
    words = _WORDS[lang]
    if last < begin:
        begin, last = last, begin
    if granularity == "day":
        return _range_text(begin, last, lang)
    if granularity in {"week", "about-day"}:
        if granularity == "week" and begin.weekday() == 0 and (last - begin).days == 6:
            return words["week"].format(_day_text(begin, lang))
        return words["about"].format(_day_text(begin + (last - begin) / 2, lang))
    if granularity == "month" and (begin.year, begin.month) == (last.year, last.month):
        return _month_text(begin, lang)
    if granularity in {"early-month", "mid-month", "late-month"}:
        return words[granularity].format(_month_text(begin, lang))
    if granularity == "season":
        season = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}.get(begin.month)
        if season:
            span = (
                f"{begin.year}"
                if begin.year == last.year
                else f"{begin.year}–{last.year % 100:02d}"
            )
            return f"{words[season]} {span}"
    if granularity == "year":
        return f"{begin.year}" if begin.year == last.year else f"{begin.year}–{last.year}"
    if granularity == "days-before":
        return f"{words['days-before'].format(_day_text(last + timedelta(1), lang))} " \
               f"({_range_text(begin, last, lang)})"  # fmt: skip
    if granularity == "days-after":
        return f"{words['days-after'].format(_day_text(begin - timedelta(1), lang))} " \
               f"({_range_text(begin, last, lang)})"  # fmt: skip
    return _range_text(begin, last, lang)
