"""What a handler receives and returns: the sentence it reads with its language,
anchor and known year (:class:`_Ctx`), then either a resolved interval
(:class:`_Res`), the marker of a candidate that names nothing valid
(:data:`_BLOCK`, which still hides the shorter candidates inside it) or
``None``; and the checks every handler may make on its match (capitalised
names, a "the" before it, a past or a future reading).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

from graph.extract.dates.clauses import is_future_tense
from graph.extract.dates.vocabulary import _direction, _words
from graph.types import Granularity, Relation


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


def _past_or_future(ctx: _Ctx, m: re.Match[str], direction: str | None) -> str:
    step = _direction(ctx.lang, direction)
    if step:
        return "last" if step < 0 else "next"
    return "future" if ctx.future(m) else "past"


def _capitalised(m: re.Match[str], ctx: _Ctx, *names: str) -> bool:
    """English month and weekday names are proper nouns ("in may" is a modal)."""
    if not _words(ctx.lang).capitalised_names:
        return True
    found = m.groupdict()  # a pattern may name only some of the groups
    return all(not found.get(n) or found[n][0].isupper() for n in names)


def _after_the(m: re.Match[str]) -> bool:
    """ "the last month" is a vague span, unlike "last month"."""
    return bool(re.search(r"\bthe\s+$", m.string[max(0, m.start() - 5) : m.start()], re.I))
