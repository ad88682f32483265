"""Extract: who does not act in the happening a sentence tells, as spans of the
sentence: quotes, asides, circumstances, the clause a verb of saying reports,
the speaker before a "that" clause that tells a dated happening; and the spans
naming no place of it. The events step (:mod:`graph.extract.events`) reads
the actors outside these spans (:func:`graph.extract.actors.sentence_actors`),
then leaves out the news outlets that tell of it (:func:`is_news_outlet`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.event_types import FALLBACK, SAYING
from graph.extract import dates
from graph.extract.asides import (
    antecedent,
    appositions,
    asides,
    object_relatives,
)
from graph.extract.coordinated import states
from graph.extract.entities import ACTOR_KINDS
from graph.extract.entities.inside import _folded_words
from graph.extract.quotes import outside_quote, quoted
from graph.extract.triggers import agent_follows, triggers_in
from graph.extract.verbs import says_what_happened_then, words_besides_verbs
from graph.kb import KnowledgeBase
from graph.languages import BY_CODE, cue
from graph.text import in_spans
from graph.types import AnalysedSentence, EntityMention, TimeExpression, Verb

__all__ = [
    "PRONOUN_SUBJECT",
    "clause_start",
    "is_news_outlet",
    "not_acting",
    "phrases_apart",
    "unnamed_speaker",
    "with_audience",
]


def phrases_apart(text: str, language: str) -> list[tuple[int, int]]:
    """The phrases whose names never act in the sentence's happening, even when
    nobody else is named, from their words to the next comma or the end: whom
    the happening replaces ("nommé en remplacement d'Edvard Lindqvist", "was
    named to replace X": ``[cues] replaced``; X's tenure is another happening)
    and whom a statement speaks of ("said of X, “…”", "a dit d'Ingrid Solberg
    qu'elle…": ``[cues] spoken_of``)."""
    spans = []
    for name in ("replaced", "spoken_of"):
        words = cue(name, language)
        for found in words.finditer(text) if words is not None else ():
            end = text.find(",", found.end())
            spans.append((found.start(), len(text) if end < 0 else end))
    return sorted(spans)


PRONOUN_SUBJECT = re.compile(r"\s*(?:il|elle|ils|elles|he|she|they|it|we|nous)\b", re.I)


def _speaker_clause(
    sentence: AnalysedSentence,
    time: TimeExpression,
    told: tuple[str, int],
    kb: KnowledgeBase,
    language: str,
) -> list[tuple[int, int]]:
    """ "Marion Castellan said that Nordvik and Valdoria signed a pact on Monday":
    a date told inside what a verb of saying reports dates that happening, whose
    actors the reported clause names, not the speaker. The span before the
    clause, when a verb of saying stands in it (or any verb right before it:
    "Castellan claimed that on April 29 jets took off") and the clause names an
    actor."""
    text = sentence.text
    opening = None
    for match in dates.COMPLEMENTISER.finditer(text, 0, time.start):
        opening = match
    event_type, trigger_at = told
    if opening is None:
        return _speaker_without_that(sentence, time, event_type, kb, language)
    if PRONOUN_SUBJECT.match(text, opening.end()):
        return []  # "Trump said he could travel": the speaker tells what he does
    if event_type != FALLBACK and trigger_at < opening.start():
        return []  # the happening is the telling itself ("the Coast Guard reported that…")
    # a verb of saying before it, or another verb right before "that" ("claimed
    # that"): what the clause tells is reported
    saying = any(t[0].name == SAYING and t[3] <= opening.start()
                 for t in triggers_in(text, kb, language)) or any(
        not v.auxiliary and v.end <= opening.start() and not text[v.end : opening.start()].strip()
        for v in sentence.verbs
    )  # fmt: skip
    reported = any(m.kind in ACTOR_KINDS and m.start >= opening.end() for m in sentence.mentions)
    return [(0, opening.start())] if saying and reported else []


def _speaker_without_that(
    sentence: AnalysedSentence,
    time: TimeExpression,
    event_type: str,
    kb: KnowledgeBase,
    language: str,
) -> list[tuple[int, int]]:
    """ "Dennise Laboy said Marion Castellan's push … last year incensed her":
    a told clause with no "that", whose time dated what it tells (no trigger
    types it): the speaker, up to the verb of saying, is no actor of it."""
    if event_type != FALLBACK:
        return []
    ends = [t[3] for t in triggers_in(sentence.text, kb, language)
            if t[0].name == SAYING and t[3] <= time.start]  # fmt: skip
    if not ends or PRONOUN_SUBJECT.match(sentence.text, ends[-1]):
        return []
    reported = any(m.kind in ACTOR_KINDS and ends[-1] <= m.start for m in sentence.mentions)
    return [(0, ends[-1])] if reported else []


def not_acting(
    sentence: AnalysedSentence,
    time: TimeExpression,
    told: tuple[str, int],
    apart: list[tuple[int, int]],
    kb: KnowledgeBase,
    language: str,
    *,
    direct: bool,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of the sentence whose names do not act in the happening of type
    and trigger offset ``told`` at ``time``, and those naming no place of it.
    ``apart``: the spans of happenings other dates tell and of comments on
    this one; ``direct``: the sentence's own date dates it (else it was told
    undated).

    A statement's actors are its speakers and, when what it says tells a
    happening, whom that names (:func:`_opinion`), not whom its quote names;
    a happening told in a quote has whom the quote names, not the speaker;
    asides and circumstances name no actor; a quote, what ``apart`` holds
    (other happenings, comments) or what a statement says never says where a
    happening is."""
    event_type, trigger_at = told
    text = sentence.text
    quoted = asides(sentence, language, trigger_at, quotes=True)
    when = time.start if direct else None  # the sentence's own date
    said = _said(text, trigger_at) if event_type == SAYING else []
    described = appositions(sentence, language, trigger_at)
    elsewhere = [*quoted, *apart, *said]
    if event_type == SAYING:
        opinion = _opinion(sentence, trigger_at, described, kb, language)
        return [*quoted, *apart, *described, *opinion], elsewhere
    spans = [*asides(sentence, language, trigger_at, when=when),
             *outside_quote(text, trigger_at, language,
                            verbal=any(v.start == trigger_at for v in sentence.verbs)),
             *object_relatives(sentence, language, (trigger_at, when)),
             *states(sentence, trigger_at), *apart, *described,
             *_other_time(sentence, trigger_at, time.end if direct else None, language),
             *_outside_its_relative(sentence, trigger_at, language)]  # fmt: skip
    if direct:
        spans += _speaker_clause(sentence, time, told, kb, language)
    return spans, elsewhere


def _opinion(
    sentence: AnalysedSentence,
    trigger_at: int,
    described: list[tuple[int, int]],
    kb: KnowledgeBase,
    language: str,
) -> list[tuple[int, int]]:
    """ "Ms Castellan said Norway had a unique market", "X a estimé que la
    Finlande restait un partenaire", "Norway had a unique market, X said": what
    a statement says, when it tells no happening, names no actor of it; its
    speaker, the subject before its verb, acts.

    What is said: the words after the verb when a subject stands before it in
    its clause; the words before its clause when the verb ends the sentence but
    for a few words naming no one ("…, X said on Monday.") or its speaker
    follows it ("…, said X"). Only outside a quote, and when what is said
    holds no trigger of another type and no verb telling a happening (then it
    tells one, whose actors it names: "said Norway and Finland would sign a
    pact", "said Russia had violated its airspace")."""
    found = _saying_verb(sentence, trigger_at)
    if found is None:
        return []
    verb, start = found
    text = sentence.text
    # "X, the minister's adviser, said": the apposition closing before the verb
    # (its comma and a space at most between) follows its subject
    subject = bool(words_besides_verbs(sentence, start, trigger_at)) or any(
        a < start <= b + 2 for a, b in described
    )
    if subject and not (start > 1 and _ends_the_sentence(sentence, verb.end)):
        said = (verb.end, len(text))
    elif start > 1 and (subject or _speaker_follows(sentence, verb.end, language)):
        said = (0, start - 1)  # "…, X said." or "…, said X": what is said comes first
    else:
        return []
    told = any(t[0].name != SAYING and said[0] <= t[2] < said[1]
               for t in triggers_in(text, kb, language))  # fmt: skip
    return [] if told or _tells_a_happening(sentence, said, language) else [said]


def _tells_a_happening(sentence: AnalysedSentence, span: tuple[int, int], language: str) -> bool:
    """Whether a verb in ``span`` tells a happening no trigger types ("said
    Russia had violated its airspace", "a affirmé que la Russie avait fourni
    des missiles"): told in the past or the future, not negated, neither an
    auxiliary, a French imperfect nor a verb of a state ("remained", "restait":
    the language file's ``[cues] state_verbs``)."""
    stative = cue("state_verbs", language)
    return any(
        span[0] <= v.start < span[1]
        and v.tense in ("past", "anterior", "future")
        and not (v.auxiliary or v.imperfect or v.negated)
        and not (stative is not None and stative.fullmatch(sentence.text, v.start, v.end))
        for v in sentence.verbs
    )


# words after a verb of saying that still end the sentence ("said on Monday."), or
# stand before the speaker who follows it ("a estimé lundi X")
_TAIL_WORDS = 3
_WORD = re.compile(r"\w+")


def _speaker_follows(sentence: AnalysedSentence, end: int, language: str) -> bool:
    """Whether a person's or an organisation's name follows ``end`` with a few
    words at most between ("said Marion Castellan", "a estimé lundi X"), none
    of them "that"/"que" (not "X, the adviser, said that Norway…"), and no
    audience ("told Nordic Insight")."""
    return any(
        m.start >= end and m.kind in ACTOR_KINDS
        and len(_WORD.findall(sentence.text, end, m.start)) <= _TAIL_WORDS
        and not dates.COMPLEMENTISER.search(sentence.text, end, m.start)
        and not _spoken_to(sentence.text[: m.start], language)
        for m in sentence.mentions
    )  # fmt: skip


def _ends_the_sentence(sentence: AnalysedSentence, end: int) -> bool:
    """Whether only a few words naming no one follow ``end`` in the sentence."""
    return len(_WORD.findall(sentence.text, end)) <= _TAIL_WORDS and not any(
        m.start >= end for m in sentence.mentions
    )


def _other_time(
    sentence: AnalysedSentence, trigger_at: int, time_end: int | None, language: str
) -> list[tuple[int, int]]:
    """ "When Edvard Lindqvist resigned, the board named Marion Castellan": who
    the clause saying when names acts in that other happening, not this one.
    Not a when-clause right after the sentence's own time (``time_end``), which
    says what happened then ("since March 2, when Norway closed the border":
    Norway acts on March 2); an after- or before-clause there still tells
    another happening ("on Tuesday, after Sweden held drills")."""
    return [span for span in sentence.temporal_clauses
            if not span[0] <= trigger_at < span[1]
            and not says_what_happened_then(sentence, span, time_end, language)]  # fmt: skip


def _outside_its_relative(
    sentence: AnalysedSentence, trigger_at: int, language: str
) -> list[tuple[int, int]]:
    """ "X thanked Y for its help to Z, who met W on Thursday": a happening told
    in a relative clause is its antecedent's (the name it is about, also
    through a noun in apposition: "Y, a scientist who died in 2009") and of
    whom the clause names, not of the names before the antecedent.
    What follows the clause goes on with the antecedent ("Z, qui a renoncé
    mardi aux pourparlers, juge que la délégation finlandaise…": one act)."""
    for clause in sentence.relative_clauses:
        if clause.start <= trigger_at < clause.end:
            named = antecedent(sentence, clause)
            if named is not None:
                return [(0, named.start)]
            # "X was one of the people who visited Y": a clause about a noun no
            # name stands beside may be said of a name before it
            return [(0, clause.start)] if sentence.text.startswith(",", clause.start) else []
    return []


def unnamed_speaker(
    sentence: AnalysedSentence, actors: tuple[EntityMention, ...], trigger_at: int, language: str
) -> bool:
    """Whether a statement's subject names nobody while every actor found is
    named after its verb: they are whom what is said names, not who said it.

    The subject is the words before the verb in its clause (from the last
    comma, colon or quote mark), its verbs left out: a third
    person's pronoun no earlier sentence resolved ("He noted that Edvard
    Lindqvist might…") or a common noun ("Security personnel said Mr Nordby was
    unavailable", "La police a annoncé que…"). Not a passive ("was criticised
    by X": the agent follows), a first person or a relative pronoun ("X, who
    said…"), nor a verb with nothing before it in its clause ("…, said X").
    A plural pronoun ("they said", "ils ont déclaré": ``[cues] plural_pronoun``)
    is no one person found before either ("He had left, and they said…").
    """
    if not actors:
        return False
    named_after = _all_named_after(sentence, actors, trigger_at)
    plural = cue("plural_pronoun", language)
    if not named_after and (plural is None or not plural.search(sentence.text)):
        return False  # most statements: their speaker is named before the verb
    saying = _saying_verb(sentence, trigger_at)
    if saying is None or agent_follows(sentence.text, trigger_at, language):
        return False
    start = saying[1]
    if any(start <= m.start < trigger_at for m in sentence.mentions):
        return False
    words = words_besides_verbs(sentence, start, trigger_at)
    if plural is not None and words and plural.fullmatch(words[-1]):
        return len(actors) == 1 and actors[0].kind == "person"
    if not words or not named_after:
        return False
    opener = words[0]
    return not any(
        (found := cue(name, language)) is not None and found.fullmatch(opener)
        for name in ("first_person", "relative", "object_relative")
    )


def _all_named_after(
    sentence: AnalysedSentence, actors: tuple[EntityMention, ...], trigger_at: int
) -> bool:
    """Whether the sentence first names every actor after ``trigger_at`` (one
    borrowed from a sentence before is not named in it)."""
    first: dict[str, int] = {}
    for m in sentence.mentions:
        first.setdefault(m.key, m.start)
    return all(a.key in first and first[a.key] > trigger_at for a in actors)


_CLAUSE_MARKS = (",", ";", ":", "«", "»", '"', "“", "”", "(")


def clause_start(text: str, at: int) -> int:
    """Where the clause holding ``at`` starts: after the last comma, colon or
    quote mark before it (the text's start when none)."""
    return max(text.rfind(mark, 0, at) for mark in _CLAUSE_MARKS) + 1


def _saying_verb(sentence: AnalysedSentence, trigger_at: int) -> tuple[Verb, int] | None:
    """The verb of saying at ``trigger_at`` and where its clause starts (after the
    last comma, colon or quote mark before it), or None when the trigger is no
    verb or stands in a quote."""
    verb = next((v for v in sentence.verbs if v.start == trigger_at), None)
    text = sentence.text
    if verb is None or in_spans(trigger_at, quoted(text)):
        return None
    return verb, clause_start(text, trigger_at)


# words a verb of saying may have between it and "que"/"that" ("a indiqué lundi que",
# "said in a statement that")
_SAID_REACH = 40


def _said(text: str, trigger_at: int) -> list[tuple[int, int]]:
    """ "Le ministère a indiqué que des contingents sont mobilisés à Oslo": the
    clause a verb of saying opens with "que"/"that" is what is said; where it
    names is not where it was said."""
    opening = dates.COMPLEMENTISER.search(text, trigger_at, trigger_at + _SAID_REACH)
    return [(opening.start(), len(text))] if opening else []


def is_news_outlet(
    mention: EntityMention, kb: KnowledgeBase, language: str, text: str = ""
) -> bool:
    """Whether ``mention`` names a news outlet: one the knowledge base knows as
    media, an organisation whose name holds a media word of the language
    ("Ostland Daily News", "Télévision de Nordvik"), one the sentence ``text``
    names right after a media word or whom reporters work for, whatever the
    model took it for ("le quotidien « Le Monde »", "the newspaper Nordposten",
    "reporters from Nordposten Live": ``[cues] reporters_of``), or an
    organisation it names as whom someone speaks to ("told Nordposten", "a confié au
    Nordposten"; a person told something takes part).
    An outlet cited as the source of a report publishes the claim; it is no
    actor of the happening."""
    if mention.kind not in ("organization", "person"):
        return False
    known = kb.entities.get(mention.key.split("/", 1)[-1])
    if known is not None:
        return known.media
    words = ({w.lower() for w in re.findall(r"\w+", mention.label or mention.text)}
             if mention.kind == "organization" else set())  # fmt: skip
    # the media word right before, an article and quote marks between at most
    window = text[max(0, mention.start - _OUTLET_REACH) : mention.start]
    before = [w.lower() for w in re.findall(r"\w+", window)]
    if before and before[-1] in _folded_words(language, "articles"):
        before.pop()
    media = _media_words(language)
    return (bool(words & media) or (bool(before) and before[-1] in media)
            or (mention.kind == "organization" and _spoken_to(window, language))
            or _ends_on(window, cue("reporters_of", language), language))  # fmt: skip


def _spoken_to(before: str, language: str) -> bool:
    """Whether ``before`` ends on whom-someone-speaks-to words ("told the",
    "a déclaré à l'": the language file's ``[cues] told_to``) or on those of
    whom a statement calls on or where it is posted (``calls_on``), no comma
    between ("As X has told, Nordvik Energy signed…"): an organisation right
    after them is the outlet or the audience a statement is made to."""
    return any(_ends_on(before, cue(key, language), language) for key in ("told_to", "calls_on"))


def with_audience(
    sentence: AnalysedSentence, actors: tuple[EntityMention, ...], language: str
) -> tuple[EntityMention, ...]:
    """The actors of a statement and whom the sentence names it told to ("told
    the newspaper Nordposten", "a déclaré jeudi au quotidien X"), a news outlet
    too: the interviewer takes part in the telling, though in nothing of what
    is told. A statement with no teller gets no audience for its only actor."""
    if not actors:
        return actors
    told = [m for m in sentence.mentions
            if m.kind in ACTOR_KINDS and _spoken_to_at(m, sentence.text, language)]  # fmt: skip
    return tuple(sorted({m.key: m for m in (*actors, *told)}.values(), key=lambda m: m.key))


def _spoken_to_at(mention: EntityMention, text: str, language: str) -> bool:
    """Whether the sentence ``text`` names ``mention`` as whom someone speaks to
    ("told Nordposten", "in an interview with the newspaper Nordposten", "a
    confié au Nordposten"): the interviewer takes part in the telling, though
    it does nothing of what is told."""
    window = text[max(0, mention.start - _OUTLET_REACH) : mention.start]
    words = list(re.finditer(r"\w+", window))
    if words and words[-1].group().lower() in _media_words(language):
        window = window[: words[-1].start()]  # "told the newspaper Nordposten"
    return _ends_on(window, _told_to_apart(language), language)


_WORDS_BETWEEN = 2  # "a déclaré jeudi au", "told reporters on Friday": a time or so between


@lru_cache(maxsize=8)
def _told_to_apart(language: str) -> re.Pattern[str] | None:
    """``[cues] told_to`` with up to two words between a phrase's verb and its
    last word, the preposition that names whom it is told to ("a déclaré
    jeudi au quotidien X")."""
    registered = BY_CODE.get(language)
    phrases = sorted(registered.cues.get("told_to", ())) if registered else []
    if not phrases:
        return None
    between = rf"(?:\s+[\w'’]+){{0,{_WORDS_BETWEEN}}}\s+"
    parts = [between.join(map(re.escape, p.rsplit(" ", 1))) for p in phrases]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def _ends_on(before: str, words: re.Pattern[str] | None, language: str) -> bool:
    """Whether ``before`` ends on one of ``words``, articles after them at most."""
    articles = _folded_words(language, "articles")
    return words is not None and any(
        all(w.lower() in articles for w in re.findall(r"\w+['’]?", before[m.end() :]))
        and not _CLAUSE_BREAK.search(before, m.end())  # "has told, Marion organised…"
        for m in words.finditer(before)
    )


_CLAUSE_BREAK = re.compile(r"[,;:.!?]")


_OUTLET_REACH = 30  # characters before a name where the media word naming it stands


@lru_cache(maxsize=8)
def _media_words(language: str) -> frozenset[str]:
    found = BY_CODE.get(language)
    return found.entities.media_words if found else frozenset()
