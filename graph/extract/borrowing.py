"""Extract: the actors a sentence with its own date but no actor of its own
borrows from what the article told before it, and when it borrows none.

Requires the analysed sentences and the event mentions already made (the
events step calls :func:`borrowed`). A trigger a definite article points back
with takes the actors of the latest event of its kind ("Le procès s'était
ouvert le 3 novembre"); otherwise the sentence before lends its names. None
are borrowed for another occurrence of a kind ("le prochain sommet"), for a
passive whose agent is a common noun ("passed by parliament": the sentence
says who acted), or after a sentence that only told statements. A common
noun a sentence opens on ("L'entraîneur italien a été nommé") is the person
an aside called so in the sentences before (:func:`described_before`, which
the events step asks when the sentence names no actor, dated or not).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from graph.event_types import SAYING, family
from graph.extract.actors import aside_name
from graph.extract.asides import describes
from graph.extract.entities import ACTOR_KINDS
from graph.extract.entities.heads import definite_nouns
from graph.extract.tellers import unnamed_subject
from graph.extract.undated import follows_a_definite
from graph.languages import BY_CODE, cue
from graph.text import alternation, fold, in_spans
from graph.types import AnalysedSentence, EntityMention, EventMention

__all__ = ["borrowed", "described_before", "unnamed_agent"]


def borrowed(
    sentence: AnalysedSentence,
    happening: tuple[str, int],
    previous: Sequence[AnalysedSentence],
    earlier: Sequence[EventMention],
    language: str,
    tellers: Sequence[tuple[int, int]] = (),
) -> tuple[EntityMention, ...]:
    """The actors of a sentence with a date but no actor of its own: those of
    the latest event of its type (else family) a definite article points back at
    ("Le procès s'était ouvert le 3 novembre" after the sentencing), else
    whoever the sentence before names (not a nationality describing someone
    nor a country saying where), unless what it told had no actor (the
    country an earthquake struck did not act) or it only told
    statements (who spoke of the ships is not who sails them: "Japan said it
    was following the patrol. The ships will stay near the border until March
    20"); none for another occurrence of the kind ("le prochain sommet"), after a
    passive's agent that is a common noun ("passed by parliament") or when the
    sentence opens on an institution no name gives ("The central bank cut…");
    none either when the sentence names a person or organisation of its own
    beside who tells it (``tellers``, the spans of its attribution), has a
    subject of its own naming no one beside them ("The cabinet approved it in
    2020, X said": :func:`graph.extract.tellers.unnamed_subject`), or says by
    their nationality who acts ("les chercheurs franco-norvégiens"): the
    sentence set them apart from the happening, and whoever the sentence before
    named is further still ("X pledged more police officers after a meeting
    with police chiefs this morning")."""
    if _names_its_own(sentence, tellers, language):
        return ()
    if tellers and unnamed_subject(sentence, tellers, (happening[1], language)):
        return ()  # "The cabinet approved it in 2020, X said": X was set apart, no one else is
    if _another_occurrence(sentence.text, happening[1], language):
        return ()  # "Le prochain sommet se tiendra à Ankara": not the one just told
    if unnamed_agent(sentence.text, happening[1], language):
        return ()  # "the law, passed by parliament in March 2030": not the court's act
    if _institution_subject(sentence.text, happening[1], language):
        return ()  # "The central bank cut its rate in February": not the president's act
    if (same := _pointed_back(sentence, happening, earlier)) is not None:
        return same.actors
    told = [e for e in earlier if e.sentence_index == previous[-1].index]
    if told and all(e.event_type == SAYING for e in told):
        return ()
    if told and not any(e.actors for e in told):
        return ()  # what it told had no actor: the country an earthquake hit did nothing
    before = previous[-1]
    # a nationality describing someone there ("two American scientists won") acted in nothing
    kept = {m.key: m for m in reversed(before.mentions)
            if m.kind in ACTOR_KINDS and not aside_name(before, m, language)}  # fmt: skip
    return tuple(sorted(kept.values(), key=lambda m: m.key))


def _names_its_own(
    sentence: AnalysedSentence, tellers: Sequence[tuple[int, int]], language: str
) -> bool:
    """Whether the sentence names people or an organisation beside its tellers, or
    describes the people who act by their nationality ("Les chercheurs
    franco-norvégiens ont publié…")."""
    return any((m.kind in _NAMED_ACTORS and not in_spans(m.start, tellers))
               or describes(sentence, m, language) for m in sentence.mentions)  # fmt: skip


_NAMED_ACTORS: Final = frozenset({"person", "organization"})
_ASIDE_WORDS: Final = 5  # the first words of that aside, where what they are is said


def described_before(
    sentence: AnalysedSentence, previous: Sequence[AnalysedSentence], language: str
) -> EntityMention | None:
    """ "Paulin Marchetti, le nouvel entraîneur de Nordby FC, a déclaré… L'entraîneur
    italien a été nommé samedi": the common noun the sentence opens on, after
    an article, is the person an aside after their name called so in the
    sentences before (``previous``, the latest first)."""
    entities = BY_CODE[language].entities if language in BY_CODE else None
    if entities is None or not entities.articles:
        return None
    first_word = _OPENING.match(sentence.text)
    match = definite_nouns(language).match(sentence.text, first_word.end() if first_word else 0)
    if match is None:
        return None
    noun = fold(match["noun"])
    for before in reversed(previous):
        for m in reversed(before.mentions):
            if m.kind != "person":
                continue
            aside = _ASIDE.match(before.text, m.end)
            if aside and noun in fold(aside["aside"]).split()[:_ASIDE_WORDS]:
                return m
    return None


_OPENING: Final = re.compile(r"\W*")  # what stands before a sentence's first word
_ASIDE: Final = re.compile(r"\s*,\s*(?P<aside>[^,.;:]+)")


def _another_occurrence(text: str, trigger_at: int, language: str) -> bool:
    """Whether the trigger follows a word naming another occurrence of its kind
    ("le prochain sommet", "the next round", "la précédente édition")."""
    other = cue("another_occurrence", language)
    before = text[max(0, trigger_at - 30) : trigger_at].rstrip()
    return other is not None and any(m.end() == len(before) for m in other.finditer(before))


# a common noun: a lowercase letter, after an article at most
_AGENT_NOUN = re.compile(r"\s+(?:(?:the|a|an|le|la|les|un|une|des)\s+|l['’])?[^\W\d_]")
_AGENT_WINDOW = 40  # characters after the trigger where its agent may stand


def unnamed_agent(text: str, trigger_at: int, language: str) -> bool:
    """Whether a passive's agent right after the trigger is a common noun ("passed
    by parliament", "adopté par les députés"): the sentence says who acted, and
    it is nobody the sentence before names."""
    agent = cue("agent", language)
    if agent is None:
        return False
    for match in agent.finditer(text, trigger_at, trigger_at + _AGENT_WINDOW):
        noun = _AGENT_NOUN.match(text, match.end())
        if noun is not None and noun.group(0)[-1].islower():
            return True
    return False


@lru_cache(maxsize=8)
def _institution_start(language: str) -> re.Pattern[str] | None:
    """A sentence opening on an article, at most two lower-case words and an
    institution's head noun ("The central bank", "Le gouvernement", "La commission
    électorale")."""
    words = BY_CODE[language].entities if language in BY_CODE else None
    if words is None or not words.institution_heads or not words.articles:
        return None
    articles, heads = alternation(words.articles), alternation(words.institution_heads)
    return re.compile(rf"\W*(?i:{articles})\s*(?:[a-zà-öø-ÿ][\w-]*\s+){{0,2}}(?:{heads})s?\b")


def _institution_subject(text: str, trigger_at: int, language: str) -> bool:
    """Whether the sentence opens, before its trigger, on an institution its
    article and common noun name ("The central bank cut its rate", "Le
    gouvernement a adopté"): it says who acted, nobody the sentence before names."""
    start = _institution_start(language)
    match = start.match(text) if start is not None else None
    return match is not None and match.end() <= trigger_at


def _pointed_back(
    sentence: AnalysedSentence, happening: tuple[str, int], earlier: Sequence[EventMention]
) -> EventMention | None:
    """The latest earlier event of the happening's type (else of its family),
    when the sentence names it with a definite article ("the trial", "le procès")."""
    event_type, trigger_at = happening
    if event_type == SAYING or not follows_a_definite(sentence.text, trigger_at):
        return None
    told = [e for e in earlier if e.actors]
    same = [e for e in told if e.event_type == event_type]  # the trial, before the inquiry
    kin = same or [e for e in told if family(e.event_type) == family(event_type)]
    return kin[-1] if kin else None
