"""The rule table: each rule's key, name and handler, in the order that
settles overlapping candidates; the patterns of each language (its file's
``[date_rules]``, by key) compiled (:func:`compile_rules`, :data:`_COMPILED`),
and the cue prefilter (:func:`cue_pattern`, :data:`_CUES`) that lets a sentence
without a date-like word skip every rule.
"""

from __future__ import annotations

import re
from typing import Final

from graph.errors import ConfigError
from graph.extract.dates.absolute import (
    _h_date,
    _h_decade,
    _h_iso,
    _h_month_year,
    _h_numeric,
    _h_part,
    _h_quarter,
    _h_range,
    _h_season,
    _h_that_month,
    _h_year,
    _h_year_range,
)
from graph.extract.dates.context import _Handler
from graph.extract.dates.relative import (
    _h_ago,
    _h_anniversary,
    _h_eve,
    _h_from_now,
    _h_next_day,
    _h_night,
    _h_offset,
    _h_relative_day,
    _h_relative_month,
    _h_this_month,
    _h_week,
    _h_weekday,
    _h_year_relative,
)
from graph.extract.dates.vocabulary import _alt, _fragments
from graph.languages import LANGUAGES, Language


def _day(name: str) -> str:
    return rf"(?<![\d,.])(?P<{name}>[12]\d|3[01]|0?[1-9])(?:er|re|ère|st|nd|rd|th)?(?!\d)"


def _year(name: str) -> str:
    return rf"(?P<{name}>[12]\d{{3}})(?![\d,.]\d|\d)"


# Day and year numbers, the same in every language: <D1> <D2> <DD>, <Y1> <Y2> <YY>.
_NUMBERS: Final = {
    "D1": _day("d1"), "D2": _day("d2"), "DD": _day("d"),
    "Y1": _year("y1"), "Y2": _year("y2"), "YY": _year("y"),
}  # fmt: skip

# (key, rule, handler), in the order that settles overlapping candidates: the
# earlier rule wins, then the longer match ("July 19" beats "until July"). A
# language file lists its patterns under the key ([date_rules]); one it does
# not list has none there. The rule names the result (two keys share one).
_RULES: Final[tuple[tuple[str, str, _Handler], ...]] = (
    ("day-range", "day-range", _h_range),
    ("full-date", "full-date", _h_date),
    ("numeric-date", "numeric-date", _h_numeric),
    ("iso-date", "iso-date", _h_iso),
    ("part-of-month", "part-of-month", _h_part),
    ("month-year", "month-year", _h_month_year),
    ("quarter", "quarter", _h_quarter),
    ("season", "season", _h_season),
    ("year-range", "year-range", _h_year_range),
    ("decade", "decade", _h_decade),
    ("year", "year", _h_year),
    ("that-month", "that-month", _h_that_month),
    ("relative-month", "relative-month", _h_relative_month),
    ("this-month", "relative-month", _h_this_month),
    ("relative-week", "relative-week", _h_week),
    ("relative-year", "relative-year", _h_year_relative),
    ("relative-offset", "relative-offset", _h_offset),
    ("ago", "ago", _h_ago),
    ("from-now", "from-now", _h_from_now),
    ("anniversary", "anniversary", _h_anniversary),
    ("eve-of", "eve-of", _h_eve),
    ("next-day", "relative-offset", _h_next_day),
    ("relative-day", "relative-day", _h_relative_day),
    ("night", "night", _h_night),
    ("weekday", "weekday", _h_weekday),
)
_KEYS: Final = frozenset(key for key, _, _ in _RULES)


def compile_rules(language: Language) -> list[tuple[str, _Handler, re.Pattern[str]]]:
    """The rules of one language, compiled: (rule, handler, pattern) in rule order.

    Raises:
        ConfigError: the language file lists a rule key no handler has.
    """
    if unknown := sorted(set(language.date_rules) - _KEYS):
        raise ConfigError(f"{language.source}: [date_rules] {unknown[0]}: no such rule")
    frags = {**_fragments(language.dates), **_NUMBERS}
    compiled = []
    for key, rule, handler in _RULES:
        for source in language.date_rules.get(key, ()):
            text = re.sub(r"<([A-Z0-9]+)>", lambda t: frags[t.group(1)], source)
            # ASCII digits only: int() must accept every digit a pattern lets through.
            text = re.sub(r"\[[^\]]*\]", lambda c: c.group(0).replace(r"\d", "0-9"), text)
            text = text.replace(r"\d", "[0-9]").replace("'", "['’]")
            compiled.append((rule, handler, re.compile(text, re.IGNORECASE)))
    return compiled


_COMPILED: Final[dict[str, list[tuple[str, _Handler, re.Pattern[str]]]]] = {
    language.code: compile_rules(language) for language in LANGUAGES
}


def cue_pattern(language: Language) -> re.Pattern[str]:
    """Words without which no rule can match: most sentences of an article have
    none, and one search spares them the thirty-odd rule scans."""
    frags = _fragments(language.dates)
    words = _alt(language.dates.cue_words).replace("'", "['’]")
    return re.compile(
        rf"[0-9]|(?<!\w)(?:{frags['MA']}|{frags['WDA']}|{frags['SEASON']}|{frags['UNIT']}"
        rf"|{words})(?!\w)",
        re.IGNORECASE,
    )


_CUES: Final[dict[str, re.Pattern[str]]] = {
    language.code: cue_pattern(language) for language in LANGUAGES
}


def _language(language: str) -> str | None:
    lang = language[:2].lower()
    return lang if lang in _COMPILED else None
