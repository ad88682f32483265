"""Extract: who tells of a happening, not acting in it.

Requires the analysed sentence and its triggers. Gives:

- :func:`attribution` — the attribution phrases of a sentence that tells a
  happening: after it ("…broke down on Saturday, union leader X told
  reporters") or set between commas inside it ("In 2019, X said, the ministry
  had warned…");
- :func:`told_around` — the attributions a time stands outside of, whose
  verb of saying that time does not type;
- :func:`without_tellers` — the actors found, less whom those phrases name
  when the happening has actors of its own, or a subject of its own that
  names no one (:func:`unnamed_subject`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from graph.extract.acting import PRONOUN_SUBJECT, clause_start
from graph.extract.dates.clauses import COMPLEMENTISER
from graph.extract.entities import ACTOR_KINDS
from graph.extract.quotes import quoted
from graph.extract.triggers import Trigger, triggers_in
from graph.extract.verbs import words_besides_verbs
from graph.kb import KnowledgeBase
from graph.languages import cue
from graph.text import in_spans
from graph.types import AnalysedSentence, EntityMention

__all__ = ["Attributions", "attribution", "told_around", "unnamed_subject", "without_tellers"]


class Attributions(NamedTuple):
    """Where a sentence says who tells what it tells at a trigger."""

    after: list[tuple[int, int]]  # the attribution after it (", X told reporters")
    asides: list[tuple[int, int]]  # those set between commas outside it (", X said,")

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [*self.asides, *self.after]


def attribution(
    sentence: AnalysedSentence, trigger_at: int, kb: KnowledgeBase, language: str
) -> Attributions:
    """The attributions of what a sentence tells at ``trigger_at``, outside a
    quote: the one after it (:func:`_after`) and those set between commas
    around it (:func:`_asides`). A person they name told of the
    happening (graph.extract.events)."""
    text = sentence.text
    if in_spans(trigger_at, quoted(text)):
        return Attributions([], [])  # a happening told in a quote: the quote's rules
    found = triggers_in(text, kb, language)
    asides = _asides(sentence, found)
    around = [span for span in asides if not span[0] <= trigger_at < span[1]]
    return Attributions(_after(sentence, trigger_at, found, asides), around)


def told_around(
    sentence: AnalysedSentence, time_at: int, kb: KnowledgeBase, language: str
) -> Attributions:
    """The attributions a time at ``time_at`` stands outside of, ending the
    sentence (", Lindqvist said.") or between commas
    (:func:`_asides`; not ", and has declared, “…”": a clause
    of its own): their verb of saying types no happening of
    that time when the told clause has a trigger of its own; one between
    commas never does."""
    text = sentence.text
    found = triggers_in(text, kb, language)
    asides = _asides(sentence, found)
    after = _after(sentence, 0, found, asides)
    ends = [span for span in after if not _WORD.search(text, span[1])]  # ", X said."
    return Attributions(
        [span for span in ends if not span[0] <= time_at < span[1]],
        [span for span in asides if not span[0] <= time_at < span[1]],
    )


def _asides(sentence: AnalysedSentence, found: Sequence[Trigger]) -> list[tuple[int, int]]:
    """ "In 2019, Edvard Lindqvist said, the ministry had warned…", "En
    décembre 2020, a-t-il expliqué, le gouvernement a approuvé…": a short
    phrase between two commas inside a sentence, a verb of saying and its
    speaker, reporting nothing of its own (no "that"/"que", no other trigger
    or verb, no quote mark at its edges), with the told clause's verb after
    it. What the sentence tells is told around it: a time outside it dates
    that, not the saying (the saying keeps no date of its own)."""
    text = sentence.text
    spans = []
    for kind, _, start, end in found:
        opening, closing = text.rfind(",", 0, start), text.find(",", end)
        if kind.role != "saying" or opening <= 0 or closing == -1:
            continue
        inside = (opening, closing)
        if (
            _PHRASE_END_MARK.search(text, opening + 1, closing)
            or _QUOTE_MARK.search(text, max(0, opening - 2), opening + 3)
            or _QUOTE_MARK.search(text, closing - 1, closing + 3)
            or len(text[opening:closing].split()) > _ATTRIBUTION_WORDS
            or COMPLEMENTISER.search(text, opening, closing)
            or any(k.role != "saying" and opening < at < closing for k, _, at, _ in found)
            or not words_besides_verbs(sentence, opening + 1, closing)  # no speaker
            or _another_verb(sentence, inside, (start, end))
        ):
            continue
        if _told_on(sentence, closing):
            spans.append(inside)
    return spans


def _another_verb(
    sentence: AnalysedSentence, inside: tuple[int, int], saying: tuple[int, int]
) -> bool:
    """Whether a verb other than the saying's stands between its commas: a
    clause of its own ("X said shortly after the reporters left his office,")."""
    return any(
        inside[0] < v.start < inside[1] and not saying[0] <= v.start < saying[1]
        and not v.auxiliary for v in sentence.verbs
    )  # fmt: skip


def _told_on(sentence: AnalysedSentence, closing: int) -> bool:
    """Whether the told clause goes on after an aside closing at ``closing``: a
    verb of its own in a tense before the sentence's next stop, no "that"
    before it ("X said, in a statement, that…" is no aside)."""
    text = sentence.text
    stop = _PHRASE_END_MARK.search(text, closing)
    limit = stop.start() if stop else len(text)
    named = [(m.start, m.end) for m in sentence.mentions]
    verb = next((v for v in sentence.verbs if closing < v.start < limit and v.tense
                 and not v.participle and not in_spans(v.start, named)), None)  # fmt: skip
    return verb is not None and COMPLEMENTISER.search(text, closing, verb.start) is None


def _after(
    sentence: AnalysedSentence,
    trigger_at: int,
    found: Sequence[Trigger],
    asides: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The attribution after what a sentence tells: a short phrase from the
    last comma before a verb of saying that comes after the trigger at
    ``trigger_at`` to the end of the sentence or the next comma, reporting
    nothing of its own (no "that"/"que", no other trigger): "…broke down on
    Saturday, union leader Tomas Ferreira told reporters", "…ont échoué
    samedi, a déclaré Tomas Ferreira", "…, X said, marking the third time…".
    The happening is told in a clause of its own, a verb before the comma; a
    phrase before the speaker's clause frames what the speaker says ("lors de
    sa rencontre avec X, Y a déclaré": Y met X). Not the told clause after an
    attribution set between commas (``asides``: "In 2019, X said, the
    ministry had warned…")."""
    text = sentence.text
    for kind, _, start, _ in found:
        if kind.role != "saying" or start <= trigger_at:
            continue
        comma = text.rfind(",", trigger_at, start)
        if comma == -1 or _PHRASE_END_MARK.search(text, comma + 1, start):
            continue
        # the phrase ends the sentence or its clause (", marking the third time…")
        end = text.find(",", start)
        end = len(text) if end == -1 else end
        others = any(k.role != "saying" and comma < at < end for k, _, at, _ in found)
        short = len(text[comma:end].split()) <= _ATTRIBUTION_WORDS
        # the tagger takes a foreign name's word for a verb ("Li Qiang"): none in a name
        named = [(m.start, m.end) for m in sentence.mentions]
        a_clause = any(v.end <= comma and not v.auxiliary and not in_spans(v.start, named)
                       for v in sentence.verbs)  # fmt: skip
        told = any(closing == comma for _, closing in asides)
        if (
            short
            and a_clause
            and not (others or told)
            and not COMPLEMENTISER.search(text, comma, end)
        ):
            return [(comma, end)]
    return []


def without_tellers(
    sentence: AnalysedSentence,
    actors: Sequence[EntityMention],
    told_by: Attributions,
    told: tuple[int, str],
    *,
    hostile: bool,
) -> tuple[EntityMention, ...]:
    """The actors but who tells of the happening at offset ``told[0]`` (in the
    language ``told[1]``) in an attribution (", union leader X told
    reporters", :func:`attribution`): a person there, unless nobody else acts
    (who tells of talks that failed may have been in them) and it is not set
    between commas; of an act of war (``hostile``) even then ("A school was
    damaged by an attack, Mayor X said": the sentences before may name who
    attacked), nor when the
    happening's verb has a subject of its own that names no one ("The cabinet
    approved a loan in 2020, X said": whoever the cabinet is, not X). Nor the
    country of who tells (", South Korea's military said") when the sentence
    names others outside the attribution. An organisation telling often tells
    of its own act."""
    spans = told_by.spans
    tellers = {
        a.key
        for a in actors
        if in_spans(a.start, spans)
        and (a.kind == "person" or (a.kind == "country" and _others_named(sentence, spans, a)))
    }
    alone = len(tellers) == len(actors) and not _aside_teller(sentence, actors, told_by.asides)
    if not tellers or (alone and not hostile and not unnamed_subject(sentence, spans, told)):
        return tuple(actors)
    return tuple(a for a in actors if a.key not in tellers)


def _aside_teller(
    sentence: AnalysedSentence,
    actors: Sequence[EntityMention],
    asides: Sequence[tuple[int, int]],
) -> bool:
    """Whether an actor is named in an attribution between commas whose told
    clause does not open on a pronoun ("In 2019, X said, the ministry had
    warned": X stands outside what is told; not "X said, he had signed")."""
    return any(
        in_spans(a.start, [aside]) and not PRONOUN_SUBJECT.match(sentence.text, aside[1] + 1)
        for a in actors
        for aside in asides
    )


def unnamed_subject(
    sentence: AnalysedSentence, told_by: Sequence[tuple[int, int]], told: tuple[int, str]
) -> bool:
    """Whether the verb at ``told[0]`` has a subject of its own, in the active,
    that names no one: a determiner or a capitalised word opening its clause
    ("the cabinet approved", "Police arrested"; an attribution between them
    skipped: "The ministry, X said, had warned"), no name, no pronoun, no
    first word of a clause going on ("and approved")."""
    trigger_at, language = told
    text = sentence.text
    if not any(v.start == trigger_at and not v.participle for v in sentence.verbs):
        return False  # an event noun ("the talks broke down"): its parties go unsaid
    start = clause_start(text, trigger_at)
    words = words_besides_verbs(sentence, start, trigger_at)
    before = next((span for span in told_by if span[1] == start - 1), None)
    if not words and before is not None:  # "The ministry, X said, had warned"
        start = clause_start(text, before[0])
        words = words_besides_verbs(sentence, start, before[0])
    named = any(start <= m.start < trigger_at and not in_spans(m.start, told_by)
                for m in sentence.mentions)  # fmt: skip
    passive = cue("passive", language)
    if not words or named:
        return False
    if passive is not None and passive.search(
        text, max(start, trigger_at - _PASSIVE_REACH), trigger_at
    ):
        return False  # "a loan was approved": the teller may be its agent
    determiner = cue("determiners", language)
    opener = words[0]
    if PRONOUN_SUBJECT.fullmatch(opener):
        return False
    return opener[:1].isupper() or (
        determiner is not None and determiner.fullmatch(opener) is not None
    )


def _others_named(
    sentence: AnalysedSentence, told_by: Sequence[tuple[int, int]], teller: EntityMention
) -> bool:
    """Whether the sentence names an actor other than ``teller`` outside the attribution."""
    return any(m.kind in ACTOR_KINDS and m.key != teller.key and not in_spans(m.start, told_by)
               for m in sentence.mentions)  # fmt: skip


_PHRASE_END_MARK = re.compile(r"[;:.!?]")
_QUOTE_MARK = re.compile(r"[«»“”\"]")
_WORD = re.compile(r"\w")
_PASSIVE_REACH = 12  # characters before a participle where its passive auxiliary stands
# at most as long as ", le porte-parole du ministère norvégien de la Défense, Edvard Lindqvist"
_ATTRIBUTION_WORDS = 12
