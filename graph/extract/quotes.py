"""Extract: the quotes of a sentence — what someone said, or a work's title —,
whose act a happening told inside one is, and which times date what is said
rather than the saying.

Requires a sentence's text (and its language, for the ``[cues] first_person``
words of its file); for times, its verbs and the knowledge base's triggers.
"""

from __future__ import annotations

import re
from typing import Final

from graph.event_types import TELLING
from graph.extract.triggers import triggers_in
from graph.kb import KnowledgeBase
from graph.languages import cue
from graph.types import AnalysedSentence, TimeExpression

__all__ = [
    "QUOTE",
    "QUOTE_MIN_WORDS",
    "dates_a_present_telling",
    "dates_only_a_quote",
    "outside_quote",
    "quoted",
]

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


def dates_only_a_quote(text: str, time: TimeExpression, kb: KnowledgeBase, language: str) -> bool:
    """Whether ``time`` stands in a quote that holds no trigger but words of
    saying: it dates what the speaker says ("“Last year the team added new
    rules,” X said", "“Companies should prepare today,” analysts wrote"), not the
    saying nor a happening the sentence tells, which is as undated as without
    it. A quote telling a happening ("“We signed the deal today,” X said",
    "« Cette année marque le 40e anniversaire du pacte »") keeps its time."""
    around = [q for q in quoted(text) if q[0] <= time.start < q[1]]
    if not around:
        return False
    start, end = around[0]
    return not any(start <= at < end and kind.name not in TELLING
                   for kind, _, at, _ in triggers_in(text, kb, language))  # fmt: skip


def dates_a_present_telling(
    sentence: AnalysedSentence, time: TimeExpression, kb: KnowledgeBase, language: str
) -> bool:
    """Whether ``time`` stands in what a verb of saying in the present tense
    tells (after the word that opens it, ``[cues] that_clause``) in a sentence
    that tells nothing else: it dates what is said, not the saying, which is
    the report's ("X says that back in 2014, not everyone felt able to leave",
    "X affirme qu'en 2014…": the 2014 is no statement's year). A time of the
    saying itself ("révèle ce vendredi que…"), a happening the sentence names
    ("says that the two ministers met in 2014") and a saying in the past
    ("said that on Friday…") keep it."""
    found = triggers_in(sentence.text, kb, language)
    if not found or any(kind.name not in TELLING for kind, *_ in found):
        return False
    present = {v.start for v in sentence.verbs
               if v.tense == "present" and not (v.participle or v.auxiliary)}  # fmt: skip
    tellings = [(at, at + len(word)) for _, word, at, _ in found if at in present]
    opens = cue("that_clause", language)
    return (
        len(tellings) == len(found)
        and opens is not None
        and any(
            end <= time.start and opens.search(sentence.text, end, time.start)
            for _, end in tellings
        )
    )
