"""Extract: event triggers, the words that say what kind of happening a sentence tells.

Requires the event types of :mod:`graph.event_types` (trigger stems per
language, through the knowledge base). Gives, for a sentence and a time
expression in it, the type whose trigger stands nearest to the date in its
clause (:func:`event_type_near`), and every trigger of a sentence
(:func:`triggers_in`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache
from typing import Final

from graph.event_types import FALLBACK, SAYING, TELLING, EventType
from graph.extract import dates
from graph.extract.topics import stem_regex
from graph.extract.verbs import after_an_infinitive_marker
from graph.kb import KnowledgeBase
from graph.languages import BY_CODE, cue
from graph.text import in_spans
from graph.types import AnalysedSentence, TimeExpression, Verb

__all__ = [
    "Trigger",
    "agent_follows",
    "contest_won",
    "event_type_near",
    "says",
    "tells",
    "trigger_regexes",
    "triggers_in",
]

# A statement verb is the weakest evidence of what happened: prefer any other
# trigger unless it is much farther from the date.
_STATEMENT_PENALTY = 40
_OUTSIDE_CLAUSE_PENALTY = 10_000  # characters: any trigger in the clause comes first
# characters: a trigger beyond a comma, when one stands in the date's own phrase
_OUTSIDE_PHRASE_PENALTY = 40
# characters: a verb that says the aim of another happening ("rendu à Pékin en mai pour
# s'entretenir avec…": a visit to talk, not talks) yields to any trigger as near
_PURPOSE_PENALTY = 40
# between a cue of purpose and its verb: a reflexive pronoun at most ("pour s'entretenir")
_REFLEXIVE = re.compile(r"\s*(?:(?:se|s['’]|me|m['’]|nous|vous|te|t['’])\s*)?$", re.IGNORECASE)


@lru_cache(maxsize=8)
def trigger_regexes(
    kb: KnowledgeBase, language: str
) -> tuple[tuple[EventType, re.Pattern[str]], ...]:
    pairs = []
    # "visitors", "reporter", "enquêteurs": who does it, no happening
    found = BY_CODE.get(language)
    agents = found.cues.get("agent_suffix", ()) if found else ()
    for event_type in kb.event_types:
        regex = stem_regex(event_type.triggers.get(language, ()), agents)
        if regex is not None:
            pairs.append((event_type, regex))
    return tuple(pairs)


def event_type_near(
    sentence: str,
    time: TimeExpression,
    kb: KnowledgeBase,
    language: str,
    elsewhere: Sequence[tuple[int, int]] = (),
) -> tuple[str, str | None, int]:
    """Type, trigger word and trigger offset for the time expression ``time``.

    The nearest trigger in the date's own clause wins ("X said on Tuesday that
    the patrol…" is a statement on Tuesday, not a patrol), a verb of saying
    only when nothing else is near; outside the clause only when it has none;
    of two as near, the longer ("general strike", not "strike"). A trigger in
    a span of ``elsewhere`` tells another date's happening ("arrived on
    Tuesday, marking the 75th anniversary of the founding": the founding is 75
    years before). An event noun a verb of saying takes as its object tells
    what is said of, not what happened ("The EU welcomed the agreement on
    Thursday", "a salué l'accord jeudi": a statement). A verb after a cue of
    purpose tells the aim of another happening and yields to a trigger as
    near ("rendu à Pékin en mai pour s'entretenir avec Xi": a visit).
    """
    best: tuple[int, int, str, str | None, int] = (10**9, 0, FALLBACK, None, time.start)
    whole = time.end > time.start
    clause = dates.clause_span(sentence, time.start, time.end, commas=False) if whole else None
    # the sentence's triggers (scanned once per sentence), in the types' order:
    # of two as near and as long, the type listed first wins
    order = _type_order(kb)
    found = sorted(triggers_in(sentence, kb, language), key=lambda f: (order[f[0].name], f[2]))
    said = [end for t, _, _, end in found if t.role == "saying"]
    found = [f for f in found if not in_spans(f[2], elsewhere)
             and (f[0].role == "saying" or not _said_of(sentence, f[2], said))]  # fmt: skip
    # "welcomed the agreement on Thursday" (the agreement is what is said of) is gone
    phrase = _own_phrase(sentence, time, found)
    aims = _purpose_ends(sentence, language)
    for event_type, words, start, end in found:
        distance = min(abs(start - time.end), abs(time.start - end))
        if event_type.role == "saying":
            distance += _STATEMENT_PENALTY
        if any(_REFLEXIVE.match(sentence[at:start]) for at in aims if at <= start):
            distance += _PURPOSE_PENALTY
        if clause and not clause[0] <= start < clause[1]:
            distance += _OUTSIDE_CLAUSE_PENALTY
        elif phrase and not phrase[0] <= start < phrase[1]:
            distance += _OUTSIDE_PHRASE_PENALTY
        candidate = (distance, -len(words), event_type.name, words)
        if candidate[:2] < best[:2]:
            best = (*candidate, start)
    contest = contest_won(sentence, best[3], best[4], found, language)
    if contest is not None:
        return contest[0].name, contest[1], contest[2]
    return best[2], best[3], best[4]


_PHRASE_BREAK = re.compile(r"[,;:.!?]")


def contest_won(
    sentence: str, words: str | None, start: int, found: Sequence[Trigger], language: str
) -> Trigger | None:
    """ "a remporté dimanche le second tour de l'élection", "won the final on
    Sunday": a verb of winning (``[cues] outcome``) tells how a contest ended;
    the contest it takes as object, up to the next punctuation, is the happening."""
    outcome = cue("outcome", language)
    if words is None or outcome is None or not outcome.fullmatch(words):
        return None
    end = start + len(words)
    after = [t for t in found if t[2] >= end and t[0].role != "saying"
             and _PHRASE_BREAK.search(sentence, end, t[2]) is None]  # fmt: skip
    return min(after, key=lambda t: t[2], default=None)


def _own_phrase(
    sentence: str, time: TimeExpression, found: Sequence[Trigger]
) -> tuple[int, int] | None:
    """The date's phrase between commas, when a trigger other than a verb of
    saying stands in it: then it tells the date's happening before any trigger
    beyond a comma ("agreed to set up a coast guard by 2033, at a summit": the
    setting up, by 2033). A phrase with only a verb of saying ("a déclaré mardi,
    lors d'un appel vidéo") leaves the nearest other trigger its due."""
    if time.end <= time.start:
        return None
    start, end = dates.clause_span(sentence, time.start, time.end, commas=True)
    inside = any(t.role != "saying" and start <= at < end for t, _, at, _ in found)
    return (start, end) if inside else None


def _purpose_ends(sentence: str, language: str) -> list[int]:
    """Where each cue of purpose ("pour", "afin de", "in order to") ends."""
    pattern = cue("purpose", language)
    return [m.end() for m in pattern.finditer(sentence)] if pattern else []


@lru_cache(maxsize=8)
def _type_order(kb: KnowledgeBase) -> dict[str, int]:
    return {t.name: i for i, t in enumerate(kb.event_types)}


# a determiner, the only word between a verb of saying and the noun it takes as object
_OBJECT_DETERMINER = re.compile(
    r"\s+(?:the|this|that|these|those|its|their|his|her|l['’]|le|la|les|cet|cette|ces|son|sa|"
    r"ses|leur|leurs"
    # a day's possessive stands for the determiner: "condemned Wednesday's attack"
    r"|[a-z]+day['’]s|last\s+(?:week|month)['’]s)\s*",
    re.IGNORECASE,
)


def _said_of(sentence: str, start: int, said: Sequence[int]) -> bool:
    """Whether the trigger at ``start`` is the object of a verb of saying ending at
    one of ``said``: "welcomed the agreement", "a dénoncé l'attaque"."""
    return any(
        end <= start and _OBJECT_DETERMINER.fullmatch(sentence, end, start) is not None
        for end in said
    )


#: (event type, the words matched, their start and end in the sentence)
Trigger = tuple[EventType, str, int, int]


# an undated sentence is read for its happening, then for an event noun it
# points back with (graph.extract.undated): one scan serves both
@lru_cache(maxsize=256)
def triggers_in(sentence: str, kb: KnowledgeBase, language: str) -> tuple[Trigger, ...]:
    """Every trigger of the sentence, in text order (the longer first at one offset);
    none inside a name (:func:`_in_a_name`: "Warsaw" holds no war)."""
    found = [
        (event_type, m.group(0), m.start(), m.end())
        for event_type, regex in trigger_regexes(kb, language)
        for m in regex.finditer(sentence)
        if not _in_a_name(sentence, m, event_type, language)
        and not (event_type.name == SAYING and _agentless_passive(sentence, m, language))
    ]
    found.sort(key=lambda f: (f[2], -len(f[1])))
    idioms = _idiom_spans(sentence, language)
    return tuple(t for t in found
                 if not _light_verb(sentence, t, found, language)
                 and not _asked_for(sentence, t, language)
                 and not _a_verb_of_another_sense(sentence, t, language)
                 and not in_spans(t[2], idioms))  # fmt: skip


def _a_verb_of_another_sense(sentence: str, trigger: Trigger, language: str) -> bool:
    """Whether a trigger word that names a happening only as a noun (``[cues]
    noun_triggers``: "match", "drill") stands right after a verb's marker
    (``[cues] verb_markers``: "would", "to", "not"): "would match the estimate",
    "to drill wells" tell no contest, no exercise ("tickets to football
    matches" do: a word stands between)."""
    nouns, markers = cue("noun_triggers", language), cue("verb_markers", language)
    if nouns is None or markers is None or not nouns.fullmatch(trigger[1]):
        return False
    before = sentence[max(0, trigger[2] - _MARKER_REACH) : trigger[2]]
    return any(_SPACES.fullmatch(before, m.end()) for m in markers.finditer(before))


def _idiom_spans(sentence: str, language: str) -> list[tuple[int, int]]:
    """Where the sentence writes a set phrase that holds a trigger's word but
    names no happening (the language's ``[cues] idiom``: "a conflict of
    interest", "un conflit d'intérêts")."""
    idiom = cue("idiom", language)
    return [m.span() for m in idiom.finditer(sentence)] if idiom else []


_LIGHT_REACH = 3  # words between a light verb and its event noun ("launched joint naval exercises")


def _light_verb(sentence: str, trigger: Trigger, found: list[Trigger], language: str) -> bool:
    """Whether ``trigger`` is a light verb (the language's ``[cues] light_verbs``)
    with a trigger of another type, no verb of saying, a few words after it in
    its clause: "launched retaliatory strikes" is an attack, "le lancement des
    exercices" an exercise; "launched a satellite" stays a launch, and so does
    "launched tools to create workflows" (an infinitive is no event noun)."""
    light = cue("light_verbs", language)
    if light is None or not light.fullmatch(trigger[1]):
        return False
    return any(
        other[2] >= trigger[3]
        and other[0] != trigger[0]
        and other[0].role != "saying"
        and _words_apart(sentence, (trigger[3], other[2]), _LIGHT_REACH)
        and not _an_infinitive(sentence, other, language)
        for other in found
    )


# words between the asking and the event noun asked for, or the happening it is about
# ("called for an investigation into the crash", "a réclamé lundi une enquête sur l'accident")
_ASKED_REACH = 6


def _asked_for(sentence: str, trigger: Trigger, language: str) -> bool:
    """Whether ``trigger`` (not a verb of saying) is what someone asks for or
    awaits, a few words after the language's ``[cues] asked_for`` in its clause:
    "called for an investigation", "demanded talks", "a réclamé une enquête",
    "attendre une décision" tell no investigation, talks or decision; the
    asking, where a verb of saying does it, is the happening."""
    asking = cue("asked_for", language)
    if asking is None or trigger[0].role == "saying":
        return False
    return any(
        _words_apart(sentence, (found.end(), trigger[2]), _ASKED_REACH)
        for found in asking.finditer(sentence, 0, trigger[2])
    )


def _words_apart(sentence: str, span: tuple[int, int], reach: int) -> bool:
    """Whether ``span`` of the sentence stays within one clause and holds ``reach``
    words at most: a word and the event noun it bears on ("launched joint naval
    exercises", "called for an investigation")."""
    start, end = span
    return (_WITHIN_A_CLAUSE.fullmatch(sentence, start, end) is not None
            and len(sentence[start:end].split()) <= reach)  # fmt: skip


def _an_infinitive(sentence: str, trigger: Trigger, language: str) -> bool:
    """Whether the trigger is a verb's infinitive, its marker its first word or
    right before it ("launched new tools to create workflows", "pour créer"):
    what the launch is for, no event noun it names."""
    marker = cue("infinitive", language)
    starts_with_it = marker is not None and marker.match(trigger[1]) is not None
    return starts_with_it or after_an_infinitive_marker(sentence, trigger[2], language)


_WITHIN_A_CLAUSE = re.compile(r"[^,;:.!?()«»“”\"]*")


def _agentless_passive(sentence: str, match: re.Match[str], language: str) -> bool:
    """Whether a verb of saying is a passive whose agent goes unsaid ("courts
    have also been added", "is said to be", "a été dit"): what it tells is
    nobody's statement. The language file's ``[cues] passive`` right before
    it (one word between at most: "been also added"), no ``agent`` ("by") just
    after it."""
    passive = cue("passive", language)
    if passive is None:
        return False
    window = max(0, match.start() - _PASSIVE_REACH)
    if not any(_ONE_WORD_AT_MOST.fullmatch(sentence, aux.end(), match.start())
               for aux in passive.finditer(sentence, window, match.start())):  # fmt: skip
        return False
    return not agent_follows(sentence, match.end(), language)


def agent_follows(text: str, end: int, language: str) -> bool:
    """Whether a passive's agent ("by", "par": ``[cues] agent``) stands right
    after a participle that ends at ``end`` ("was criticised by X")."""
    agent = cue("agent", language)
    return agent is not None and agent.search(text, end, end + _AGENT_REACH) is not None


# "been added", "been also added"; no quote or comma between
_ONE_WORD_AT_MOST = re.compile(r"\s+(?:\w+\s+)?")
_MARKER_REACH = 12  # characters before a noun trigger where a verb's marker stands
_SPACES = re.compile(r"\s+")
_PASSIVE_REACH = 20  # characters before a participle where its passive auxiliary stands
_AGENT_REACH = 25  # characters after it where "by"/"par" stands


def tells(text: str, verb: Verb, kb: KnowledgeBase, language: str) -> bool:
    """Whether ``verb`` of ``text`` is one of saying or telling: a trigger of
    such a type covers it ("condemned", "a annoncé", "says")."""
    return _covered(text, verb, kb, language, TELLING)


def says(text: str, verb: Verb, kb: KnowledgeBase, language: str) -> bool:
    """Whether ``verb`` of ``text`` is one of saying ("said", "a déclaré"): a
    trigger of the saying type covers it."""
    return _covered(text, verb, kb, language, {SAYING})


def _covered(
    text: str, verb: Verb, kb: KnowledgeBase, language: str, types: Collection[str]
) -> bool:
    """Whether a trigger of one of ``types`` covers ``verb`` of ``text``."""
    return any(kind.name in types and at < verb.end and verb.start < end
               for kind, _, at, end in triggers_in(text, kb, language))  # fmt: skip


# what may follow a stem in a capitalised trigger word that is still that word
# ("the Summits", "les Rencontres"), not another one ("Warsaw", "Galaxy")
_INFLECTIONS: Final = frozenset({"", "s", "es", "e", "d", "ed", "ing", "é", "ée", "és", "ées", "x"})


def _in_a_name(sentence: str, match: re.Match[str], event_type: EventType, language: str) -> bool:
    """Whether a capitalised trigger word inside the sentence is part of a name:
    a stem only begins it ("returned to Warsaw", "the Galaxy Fund"), or another
    capitalised word follows it ("the Met Office"; "the G20 Summit in Rio" and
    "the Paris Agreement" still tell happenings), unless that word names the
    happening, of a type whose happenings get names ("as Hurricane Katrina
    hit"), and is no institution's head ("the Election Commission")."""
    word = match.group(0)
    if not word[:1].isupper() or not sentence[: match.start()].strip(_OPENING):
        return False
    if follows := _NAME_GOES_ON.match(sentence, match.end()):
        heads = BY_CODE[language].entities.institution_heads if language in BY_CODE else ()
        return not event_type.nameable or follows.group(1).casefold() in heads
    folded = word.casefold()
    stems = [t.rstrip("$").casefold() for t in event_type.triggers.get(language, ())]
    return not any(folded.startswith(s) and folded[len(s) :] in _INFLECTIONS for s in stems)


_NAME_GOES_ON: Final = re.compile(r"[ -]([A-ZÀ-ÖØ-Þ][\w’'-]*)")


_OPENING: Final = " \t«»\"“”‘’'([-—–:"  # what may stand before a sentence's first word


_NAMING_REACH = 40  # characters between the noun that names a happening and its name
_AFTER_NAME = 2  # "the Joint Sea-2031 exercises": the noun right after the name


def event_name_types(
    sentences: Sequence[AnalysedSentence], kb: KnowledgeBase, language: str
) -> dict[str, str]:
    """The type the words naming each proper name of a happening give, by its key:
    the nearest trigger of a nameable type right before the name, in the first
    sentence that has one ("manœuvres navales baptisées « Aurore-2031 »", "the
    Joint Sea-2031 exercises" after it too)."""
    found: dict[str, str] = {}
    for sentence in sentences:
        names = [m for m in sentence.mentions if m.kind == "event-name" and m.key not in found]
        if not names:
            continue
        triggers = [t for t in triggers_in(sentence.text, kb, language) if t[0].nameable]
        for name in names:
            near = [t for t in triggers if 0 <= name.start - t[3] <= _NAMING_REACH
                    or 0 <= t[2] - name.end <= _AFTER_NAME]  # fmt: skip
            if near:
                found[name.key] = min(near, key=lambda t: abs(name.start - t[3]))[0].name
    return found
