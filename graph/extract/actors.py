"""Extract: the actors of an event mention, from its sentence and the ones before.

Requires the analysed sentences of an article (:func:`graph.extract.entities.analyse`)
and the knowledge base. Gives the actors of one sentence's event: its people,
organisations, countries and named things; the holders of its role phrases
("son homologue russe": the post's holder on the event's day, from the
knowledge base's dated positions or an apposition in the same article); and
what its anaphora point back at ("les deux pays", "the two leaders",
"l'organisation", a sentence opening on a pronoun or on the noun of an event
told just before, "la tempête" for the storm named earlier). A head of state,
of government or a minister acts for their country while in office.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from graph.extract.anaphora import (
    DEFINITE_START,
    PEOPLE_ANAPHORA,
    PERSON_PRONOUN_AFTER_OPENING,
    PERSON_PRONOUN_START,
    PRONOUN_AFTER_OPENING,
    PRONOUN_SPEAKER,
    PRONOUN_START,
    TWO_SIDES,
)
from graph.extract.asides import describes, hosts_a_posting, says_where, tickers
from graph.extract.entities import ACTOR_KINDS, THING_NOUNS, event_nouns
from graph.extract.entities.heads import definite_nouns, head_noun
from graph.extract.entities.inside import _OF, _folded_words
from graph.extract.quotes import quoted
from graph.extract.triggers import says
from graph.extract.verbs import words_besides_verbs
from graph.kb import KnowledgeBase
from graph.languages import BY_CODE, cue
from graph.text import fold, in_spans
from graph.types import AnalysedSentence, EntityMention, RoleMention

__all__ = [
    "aside_name",
    "definite_nouns",
    "first_role",
    "role_holders",
    "role_registry",
    "sentence_actors",
    "with_represented_countries",
]


def role_holders(
    roles: Sequence[RoleMention],
    day: date,
    kb: KnowledgeBase,
    registry: dict[tuple[str, str], str],
    article_role: str | None,
) -> list[tuple[str, str]]:
    """(person key, role text) for each role phrase whose holder is known.

    "son homologue russe" holds the post named before it in the sentence, or
    else the post the article is about (its first role phrase).
    """
    holders, last_role = [], article_role
    for role in roles:
        name = role.role
        if name == "counterpart":
            name = last_role or name
        else:
            last_role = name
        person = role.person
        if person is None and role.country:
            person = registry.get((name, role.country))
            known = kb.holder_of(name, role.country, day)
            person = person or (f"person/{known}" if known else None)
        if person:
            holders.append((person, role.text))
    return holders


def first_role(sentences: Sequence[AnalysedSentence]) -> str | None:
    """The first post an article names (what its counterparts are counterparts in)."""
    return next((r.role for s in sentences for r in s.roles if r.role != "counterpart"), None)


def role_registry(
    sentences: Sequence[AnalysedSentence], article_role: str | None
) -> dict[tuple[str, str], str]:
    """Role phrases with an apposition name their holder for the whole article."""
    registry: dict[tuple[str, str], str] = {}
    for sentence in sentences:
        last_role = article_role
        for role in sentence.roles:
            name = last_role if role.role == "counterpart" and last_role else role.role
            last_role = name if role.role != "counterpart" else last_role
            if role.person and role.country and name != "counterpart":
                registry.setdefault((name, role.country), role.person)
    return registry


# a quoted statement of three words or more (a quoted name, "Polar Star", is no statement)
# a quoted statement; one the sentence splitter cut goes on from the sentence's
# start to its closing mark, or from its opening mark to the sentence's end
def sentence_actors(
    sentence: AnalysedSentence,
    holders: list[tuple[str, str]],
    kb: KnowledgeBase,
    previous: Sequence[AnalysedSentence],
    language: str,
    spans: Sequence[tuple[int, int]] = (),
    apart: Sequence[tuple[int, int]] = (),
) -> tuple[EntityMention, ...]:
    """The actors of the event the sentence tells: its people, organisations,
    countries and named things but those named only in an aside (``spans``,
    from :func:`asides`; all of them when nobody else is named), the holders
    of its role phrases, and what its anaphora point back at. Who is named in
    ``apart``, the words of another happening, never acts in this one."""
    found: dict[str, EntityMention] = {}
    acting = [m for m in sentence.mentions if m.kind in ACTOR_KINDS
              and not aside_name(sentence, m, language)
              and not in_spans(m.start, apart)]  # fmt: skip
    main = [m for m in acting if not in_spans(m.start, spans)]
    speaker = _pronoun_speaker(sentence.text, spans)
    for m in main or ([] if speaker else acting):
        found.setdefault(m.key, m)
    for person, role_text in holders:
        known = kb.entities.get(person.split("/", 1)[1])
        mention = found.get(person)
        label = known.label if known else mention.label if mention else person.split("/", 1)[1]
        # where the sentence names the holder, the mention keeps its place: whether
        # it stands in an attribution (", President X said") is read from it
        start, end = (mention.start, mention.end) if mention else (0, 0)
        found[person] = EntityMention(
            mention.text if mention else role_text, start, end, "person", person, label, role_text
        )
    # a pronoun or anaphor inside another happening's words points at none of this one's
    # ("It also marked the 75th anniversary of…": "it" did not found the relations)
    own = _masked(sentence, apart)
    _borrow_pronoun_subject(own, previous, found, kb, language, speaker=speaker)
    _borrow_by_head_noun(own, previous, found, language)
    _borrow_by_title(own, previous, found, language)
    _borrow_named_organisation(own, previous, found, language)
    _borrow_told_event(own, previous, found, event_nouns(kb, language))
    _borrow_two_people(own, previous, found)
    _borrow_named_thing(own, previous, found, language)
    countries = sum(1 for key in found if key.startswith("country/"))
    if countries < 2 and TWO_SIDES.search(own.text):
        for key, m in _two_sides(previous, language).items():
            found.setdefault(key, m)
    return tuple(sorted(found.values(), key=lambda m: m.key))


def _two_sides(previous: Sequence[AnalysedSentence], language: str) -> dict[str, EntityMention]:
    """What "les deux flottes", "both sides" point back at: the countries of the
    nearest sentence naming two, however many sentences about one of them came
    between; one where they act first, before one where they are only a
    passive's agents ("The truce, brokered by Norway and Finland, …": the
    mediators are not the two sides), or one of them named as where
    ("Norway delivered missiles to Finland. The two allies…")."""
    fallback: dict[str, EntityMention] = {}
    for prev in reversed(previous):
        countries = [m for m in _acting(prev) if m.kind == "country"]
        acting = {m.key: m for m in countries if not _agent(prev.text, m, language)}
        if len(acting) >= 2:
            return acting
        named = [m for m in prev.mentions if m.kind == "country"]
        if not fallback and len({m.key for m in named}) >= 2:
            fallback = {m.key: m for m in named}
    return fallback


def _agent(text: str, mention: EntityMention, language: str) -> bool:
    """Whether the mention stands in a passive's agent phrase ("brokered by
    Norway and Finland", "négociée par la Norvège et la Finlande")."""
    agent = cue("agent", language)
    if agent is None:
        return False
    opening = None
    for match in agent.finditer(text, 0, mention.start):
        opening = match
    return opening is not None and not re.search(r"[,;:.]", text[opening.end() : mention.start])


def _masked(sentence: AnalysedSentence, spans: Sequence[tuple[int, int]]) -> AnalysedSentence:
    """The sentence with the characters of ``spans`` blanked (offsets kept)."""
    if not spans:
        return sentence
    chars = list(sentence.text)
    for start, end in spans:
        chars[start:end] = " " * (min(end, len(chars)) - start)
    return replace(sentence, text="".join(chars))


def aside_name(sentence: AnalysedSentence, mention: EntityMention, language: str) -> bool:
    """A country named only to say where, or to describe someone else; a country
    or body named as the host of someone's posting."""
    return (
        says_where(sentence, mention, language)
        or describes(sentence, mention, language)
        or hosts_a_posting(sentence, mention, language)
    )


def with_represented_countries(
    actors: tuple[EntityMention, ...], day: date, kb: KnowledgeBase
) -> tuple[EntityMention, ...]:
    """A head of state, of government or a minister known to hold the post on
    the event's day acts for the country: a prime minister visiting Nordvik has
    their own country for an actor too (the knowledge base's dated positions,
    never a guess)."""
    found = {m.key: m for m in actors}
    for m in actors:
        known = kb.entities.get(m.key.split("/", 1)[1]) if m.kind == "person" else None
        for position in known.positions if known else ():
            country = kb.entities.get(position.country)
            if country is None or country.kind != "country" or not position.held_on(day):
                continue  # a post of an organisation ("secretary-general@nato") is no country
            key = "country/" + country.key
            found.setdefault(key, EntityMention(country.label, 0, 0, "country", key, country.label))
    return tuple(sorted(found.values(), key=lambda m: m.key))


_THING_BEFORE_NAME = 40  # characters between a thing's noun and its name, at most
_THING_AFTER_NAME = 20  # characters after a name that can hold its noun ("Aster-3 probe")


@lru_cache(maxsize=4)
def _definite_thing_noun(language: str) -> re.Pattern[str]:
    nouns = "|".join(sorted(map(re.escape, THING_NOUNS.get(language, ())), key=len, reverse=True))
    return re.compile(
        # not followed by a name of its own ("la tempête Aurore" is named here)
        rf"\b(?:la|le|l['’]|cette|ce|cet|the|this)\s*(?P<noun>{nouns})\b(?!\s+(?-i:[A-Z])|\s+[«\"“])",
        re.IGNORECASE,
    )


def _borrow_named_thing(
    sentence: AnalysedSentence,
    previous: Sequence[AnalysedSentence],
    found: dict[str, EntityMention],
    language: str,
) -> None:
    """ "La tempête a touché la côte", "the ship entered the Arctic": the thing
    the article named with that noun before ("la tempête Aurore", "the ship
    Nordstjerna"), the nearest one."""
    if any(m.kind == "thing" for m in sentence.mentions) or not THING_NOUNS.get(language):
        return
    match = _definite_thing_noun(language).search(sentence.text)
    if match is None:
        return
    noun = re.compile(rf"\b{re.escape(match['noun'])}\b", re.IGNORECASE)
    for prev in reversed(previous):
        for m in reversed(prev.mentions):
            if m.kind == "thing" and _named_with(noun, prev.text, m):
                found.setdefault(m.key, m)
                return


def _named_with(noun: re.Pattern[str], text: str, thing: EntityMention) -> bool:
    """Whether ``text`` writes the noun, as a word, next to the thing's name:
    before it ("la sonde Aster-3") or right after it ("the Aster-3 probe")."""
    before = text[max(0, thing.start - _THING_BEFORE_NAME) : thing.start]
    after = text[thing.end : thing.end + _THING_AFTER_NAME]
    return noun.search(before) is not None or noun.match(after.lstrip()) is not None


def _borrow_by_head_noun(
    sentence: AnalysedSentence,
    previous: Sequence[AnalysedSentence],
    found: dict[str, EntityMention],
    language: str,
) -> None:
    """ "the union", "l'agence": a definite common noun that heads the name of an
    organisation the sentences before give ("the Union of Port Workers", "the
    Valdorian Space Agency", "l'Agence spatiale européenne") is that
    organisation, the latest named."""
    words = BY_CODE[language].entities if language in BY_CODE else None
    if words is None or not words.articles:
        return
    nouns = {fold(m["noun"]) for m in definite_nouns(language).finditer(sentence.text)}
    if not nouns:
        return
    for prev in reversed(previous):
        for m in reversed(prev.mentions):
            if (
                m.kind == "organization"
                and head_noun(m.label, words.institution_head_last) in nouns
            ):
                found.setdefault(m.key, m)
                return


def _borrow_by_title(
    sentence: AnalysedSentence,
    previous: Sequence[AnalysedSentence],
    found: dict[str, EntityMention],
    language: str,
) -> None:
    """ "the governor", "le ministre": a definite title word (``[entities]
    title_words``) is the person the sentences before named right after it
    ("Governor John Rankin"), the latest so named; not "the governor of X"."""
    titles = _folded_words(language, "title_words")
    text = sentence.text
    nouns = {fold(m["noun"]) for m in definite_nouns(language).finditer(text)
             if next(iter(text[m.end() :].split()), "") not in _OF} & titles  # fmt: skip
    if not nouns:
        return
    for prev in reversed(previous):
        for m in reversed(prev.mentions):
            before = prev.text[: m.start].split()
            if m.kind == "person" and before and fold(before[-1]) in nouns:
                found.setdefault(m.key, m)
                return


def _borrow_named_organisation(
    sentence: AnalysedSentence,
    previous: Sequence[AnalysedSentence],
    found: dict[str, EntityMention],
    language: str,
) -> None:
    """ "l'organisation", "the bloc", "the company" (``[cues] organisation``) in a
    sentence naming no organisation is the organisation the previous sentences
    name most (the latest on a tie): the article's subject rather than a partner
    listed in passing."""
    if any(m.kind == "organization" for m in found.values()):
        return
    anaphor = cue("organisation", language)
    if anaphor is None or not anaphor.search(sentence.text):
        return
    # not the exchange of a stock ticker ("Nordvik Energy ASA (OSE: NORE)")
    named = [m for prev in previous for m in prev.mentions if m.kind == "organization"
             and not in_spans(m.start, tickers(prev.text))]  # fmt: skip
    if not named:
        return
    counts = Counter(m.key for m in named)
    last = {m.key: (i, m) for i, m in enumerate(named)}
    key = max(counts, key=lambda k: (counts[k], last[k][0]))
    found.setdefault(key, last[key][1])


def _borrow_two_people(
    sentence: AnalysedSentence,
    previous: Sequence[AnalysedSentence],
    found: dict[str, EntityMention],
) -> None:
    """ "Les deux dirigeants" / "the two leaders" in a sentence naming fewer than
    two people are the last two people the sentences before name."""
    if sum(m.kind == "person" for m in found.values()) >= 2:
        return
    if not PEOPLE_ANAPHORA.search(sentence.text):
        return
    people: dict[str, EntityMention] = {}
    for m in reversed([m for prev in previous for m in prev.mentions if m.kind == "person"]):
        people.setdefault(m.key, m)
        if len(people) == 2:
            for key, mention in people.items():
                found.setdefault(key, mention)
            return


def _borrow_told_event(
    sentence: AnalysedSentence,
    previous: Sequence[AnalysedSentence],
    found: dict[str, EntityMention],
    nouns: tuple[str, ...],
) -> None:
    """A sentence opening on a definite event noun ("The exercises began in
    July", "Ces manœuvres…") is about the event of that noun one or two
    sentences before ("China and Nordvik announced joint exercises"): the
    actors of that sentence are this event's too."""
    start = DEFINITE_START.match(sentence.text)
    noun = start["noun"].lower() if start else ""
    stem = next((n for n in nouns if noun.startswith(n)), None)
    if stem is None:
        return
    for prev in reversed(previous[-2:]):
        if stem in prev.text.lower():
            for m in _acting(prev):
                found.setdefault(m.key, m)
            return


def _acting(sentence: AnalysedSentence) -> list[EntityMention]:
    """The sentence's people, organisations and countries, but those named as
    where something happens ("à Pékin")."""
    return [m for m in sentence.mentions
            if m.kind in ACTOR_KINDS and m.key not in sentence.locative]  # fmt: skip


def _pronoun_speaker(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a pronoun speaks after a quote, outside the asides ``spans``."""
    match = PRONOUN_SPEAKER.search(text)
    return match is not None and not in_spans(match.end() - 1, spans)


def _speaking(
    sentence: AnalysedSentence, people: list[EntityMention], kb: KnowledgeBase, language: str
) -> EntityMention | None:
    """Who of ``people`` speaks in the sentence: named right before a verb of
    saying ("Ebrard said"), or right after one that follows a quote ("», a
    déclaré Castellan", '," said Castellan'); not whom a verb of saying names
    as its object ("said Castellan's appointment…")."""
    text = sentence.text
    for verb in sentence.verbs:
        if not says(text, verb, kb, language):
            continue
        # only verbs (an auxiliary: "», a déclaré") between the quote and it
        opening = max(text.rfind(mark, 0, verb.start) for mark in _QUOTE_END)
        inverted = opening >= 0 and not words_besides_verbs(sentence, opening + 1, verb.start)
        for m in people:
            if m.end <= verb.start and not text[m.end : verb.start].strip():
                return m
            if inverted and verb.end <= m.start and not text[verb.end : m.start].strip():
                return m
    return None


_QUOTE_END = ("»", "”", '"')  # not a comma: "X, the spokesperson, said Y's…" has Y as object


def _borrow_pronoun_subject(
    sentence: AnalysedSentence,
    previous: Sequence[AnalysedSentence],
    found: dict[str, EntityMention],
    kb: KnowledgeBase,
    language: str,
    *,
    speaker: bool = False,
) -> None:
    """A sentence opening on a pronoun ("Il", "Ses", "They") continues the previous
    sentence's subject: its first actor joins this sentence's actors. A previous
    sentence that names nobody but opens on a pronoun too passes the subject on
    ("Nordvik a annoncé… Elle avait précisé… Ses exercices…"). English "He",
    "She" can only be a person: the nearest one named in the sentences before;
    so is a pronoun speaking after a quote ("», a-t-il déclaré"). A pronoun may
    follow an opening phrase ("Née en 1931 à Tromsø, elle avait dirigé…"); a
    previous sentence whose subject is a pronoun passes the subject on, whatever
    else it names ("Elle avait dirigé l'expédition norvégo-islandaise. Elle
    avait reçu…": not Norway)."""
    if not _pronoun_subject(sentence.text) and not speaker:
        return
    person_only = speaker or _person_pronoun(sentence)
    for prev in reversed(previous):
        if _pronoun_subject(prev.text):
            continue
        # "he" of the narration is none of the people a quotation before names
        cited = quoted(prev.text) if person_only else []
        acting = [
            m
            for m in _acting(prev)
            if (m.kind == "person" or not person_only)
            and not aside_name(prev, m, language)
            and not in_spans(m.start, cited)
        ]  # "la scientifique norvégienne X"
        if acting:
            # a pronoun speaking after a quote: whoever speaks there, else the first named
            chosen = (_speaking(prev, acting, kb, language) if speaker else None) or acting[0]
            found.setdefault(chosen.key, chosen)
            return
        if not person_only:
            return


def _person_pronoun(sentence: AnalysedSentence) -> bool:
    """Whether the sentence's subject is an English "he"/"she": opening it, or
    after an opening phrase with no verb of its own ("In 2021, he signed…",
    not "Police arrived shortly afterward, he added")."""
    if PERSON_PRONOUN_START.match(sentence.text):
        return True
    opening = PERSON_PRONOUN_AFTER_OPENING.match(sentence.text)
    return opening is not None and not any(
        v.start < opening.start("pronoun") and v.tense and not v.auxiliary for v in sentence.verbs
    )


def _pronoun_subject(text: str) -> bool:
    return bool(PRONOUN_START.match(text) or PRONOUN_AFTER_OPENING.match(text))
