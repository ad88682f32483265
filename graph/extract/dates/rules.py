"""The rule table: for each rule its handler and its French and English
patterns, in the order that settles overlapping candidates; their compilation
per language (:data:`_COMPILED`), and the cue prefilter (:data:`_CUES`) that
lets a sentence without a date-like word skip every rule.
"""

from __future__ import annotations

import re
from typing import Final

from graph.extract.dates.absolute import (
    _h_date,
    _h_iso,
    _h_month_year,
    _h_numeric,
    _h_part,
    _h_quarter,
    _h_range,
    _h_season,
    _h_year,
    _h_year_range,
)
from graph.extract.dates.context import _Handler
from graph.extract.dates.relative import (
    _h_ago,
    _h_anniversary,
    _h_eve,
    _h_from_now,
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


def _day(name: str) -> str:
    return rf"(?<![\d,.])(?P<{name}>[12]\d|3[01]|0?[1-9])(?:er|re|ère|st|nd|rd|th)?(?!\d)"


def _year(name: str) -> str:
    return rf"(?P<{name}>[12]\d{{3}})(?![\d,.]\d|\d)"


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
