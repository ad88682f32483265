"""Extract: the quotes of a sentence — what someone said, or a work's title —
and whose act a happening told inside one is.

Requires a sentence's text (and its language, for the ``[cues] first_person``
words of its file).
"""

from __future__ import annotations

import re
from typing import Final

from graph.languages import cue

__all__ = ["QUOTE", "QUOTE_MIN_WORDS", "outside_quote", "quoted"]

# «…», “…”, "…", and single marks (‘…’, '…' in British copy): one opens after a
# space or the start and before a word, and an apostrophe inside a word ("it’s",
# "Macron’s") does not close it
QUOTE: Final = re.compile(
    r"«[^»]*(?:»|$)|“[^”]*(?:”|$)|\"[^\"]*\""
    r"|(?:^|(?<=[\s:(—–-]))[‘'](?=\w)(?:[^’'\n]|[’'](?=\w))*[’'](?=[,.;:!?\s)]|$)"
    r"|^[^«»]*»|^[^“”]*”"
)
QUOTE_MIN_WORDS: Final = 3  # a shorter quote is a name or a word, not a statement


def quoted(text: str) -> list[tuple[int, int]]:
    """The spans of the quotes of ``text``: what someone said, or a work's title."""
    return [(q.start(), q.end()) for q in QUOTE.finditer(text)]


def outside_quote(
    text: str, offset: int | None, language: str = "", *, verbal: bool = False
) -> list[tuple[int, int]]:
    """The parts of ``text`` around the quoted statement that holds ``offset``
    (the trigger), or none: a happening told in a quote ("Cette année marque
    le 40e anniversaire du pacte de pêche entre la Norvège et la Finlande", a
    indiqué Marion Castellan) has the actors the quote names, not the speaker,
    unless the speaker tells their own act: the trigger is a verb (``verbal``)
    with a first-person subject (the language's ``[cues] first_person``) at
    most two words before it ("« J'ai décidé d'instituer une plainte », a dit
    X", "“We signed it,” X said"; not "“We condemn the attack,” X said").

    >>> outside_quote('"Talks with Valdoria went well," Jo Vik said.', 2)
    [(0, 0), (32, 45)]
    >>> outside_quote('"We signed the deal," Jo Vik said.', 4, "en", verbal=True)
    []
    """
    for q in QUOTE.finditer(text):
        inside = offset is not None and q.start() <= offset < q.end()
        if inside and len(q.group().split()) >= QUOTE_MIN_WORDS:
            if verbal and offset is not None and _speakers_own(text, q.start(), offset, language):
                return []
            return [(0, q.start()), (q.end(), len(text))]
    return []


_OWN_REACH: Final = 2  # words between a first-person subject and its verb ("j'ai décidé")


def _speakers_own(text: str, start: int, trigger_at: int, language: str) -> bool:
    """Whether a first-person subject stands right before the trigger in the quote."""
    me = cue("first_person", language) if language else None
    if me is None:
        return False
    before = text[start:trigger_at]
    found = list(me.finditer(before))
    return bool(found) and len(before[found[-1].end() :].split()) <= _OWN_REACH
