"""Extract stage, part 2: dated event mentions from analysed sentences.

Requires: an ``Article`` whose ``published`` date is known or inferred (the
anchor of relative dates) and its sentences from :func:`graph.extract.entities.analyse`.

Adds: one :class:`~graph.types.EventMention` per distinct dated happening in a
sentence: a time expression (:mod:`graph.extract.dates`), the event type whose trigger
word stands nearest to it, the sentence's actors (people, organisations,
countries, and the holders of role phrases), the place nearest the trigger and
the topics the sentence's words evoke.

Method and limits: a sentence with no time expression yields no event (news
sentences without a date are background, not timeline). Actors are all actors
of the sentence, not of the clause; "les deux pays" / "the two countries"
borrow the countries of the two preceding sentences; a sentence with a trigger
but no actor borrows the actors of the preceding sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from graph.extract import dates
from graph.extract.entities import ACTOR_KINDS, THING_NOUNS, AnalysedSentence, RoleMention, event_nouns
from graph.event_types import FALLBACK, EventType
from graph.kb import KnowledgeBase
from graph.extract.topics import match_topics, stem_regex
from graph.types import AnchorKind, Article, EntityMention, EventMention, TimeExpression


def _two_of(deux: str, two: str, both: str, *more: str) -> re.Pattern[str]:
    """ "les deux <deux>", "the two <two>", "both <both>" and the phrases ``more``."""
    phrases = (rf"(?:les|des|aux|ces) deux (?:{deux})", rf"the two (?:{two})",
               rf"both (?:{both})", *more)  # fmt: skip
    return re.compile(rf"\b(?:{'|'.join(phrases)})\b", re.IGNORECASE)


# what can only mean two countries
_TWO_COUNTRIES = _two_of("pays|flottes|armées|nations|marines", "countries|nations|navies|fleets",
                         "countries|nations", "leurs pays", "their countries")  # fmt: skip
# those, or two sides or leaders: the nearest sentence naming two countries
_ANAPHORA = _two_of("pays|flottes|armées|nations|marines|parties|hommes|dirigeants",
                    "countries|nations|navies|fleets|sides|leaders|men", "countries|nations|sides",
                    "leurs pays", "their countries")  # fmt: skip
# "les deux dirigeants", "the two leaders": the two people named last before
_PEOPLE_ANAPHORA = _two_of(
    r"dirigeants|présidents|hommes|chefs d['’]État|ministres",
    "leaders|presidents|men|ministers",
    "leaders|presidents|men",
)
# sentences before an event's own that anaphora may point into ("les deux pays"
# looks two back; "l'organisation" as far as this, since an article names an
# organisation once in full and then by its common noun)
_CONTEXT_SENTENCES = 6
_SAME_DAY_RULE = "same-day-as-previous-sentence"
_UNTIL_RULE = "until"
_UNTIL = re.compile(r"(?:jusqu['’]\s*(?:au|à|a|en)|until|till|through)\s*$", re.IGNORECASE)
_UNTIL_MAX_DAYS = 60  # an event told as lasting "until" a day began at most this long before
# "l'organisation", "the bloc": the organisation the sentences before name most
_ORG_ANAPHORA = re.compile(
    r"\b(?:l['’](?:organisation|alliance)|le bloc|the (?:organi[sz]ation|alliance|bloc))\b",
    re.IGNORECASE,
)
_PRONOUN_START = re.compile(
    r"\s*[«\"“]?\s*(?:Il|Elle|Ils|Elles|Son|Sa|Ses|Leur|Leurs|Celui-ci|Celle-ci|Ce dernier"
    r"|Cette dernière|He|She|It|They|His|Her|Its|Their|The latter)\b"
)
# English pronouns that can only stand for a person
_PERSON_PRONOUN_START = re.compile(r"\s*[«\"“]?\s*(?:He|She|His|Her)\b")
# "The exercises began…", "Ces manœuvres…": a sentence opening on a definite
# event noun goes on with the event a sentence just before told
_DEFINITE_START = re.compile(
    r"\s*(?:The|These|This|Those|Les|Ces|Ce|Cet|Cette|Le|La|L['’])\s*(?P<noun>[^\W\d_][\w-]*)"
)
# A statement verb is the weakest evidence of what happened: prefer any other
# trigger unless it is much farther from the date.
_STATEMENT_PENALTY = 40
_OUTSIDE_CLAUSE_PENALTY = 10_000  # characters: any trigger in the clause comes first
_COUNTRY_PLACE_PENALTY = 30


@lru_cache(maxsize=8)
def _trigger_regexes(
    kb: KnowledgeBase, language: str
) -> tuple[tuple[EventType, re.Pattern[str]], ...]:
    pairs = []
    for event_type in kb.event_types:
        regex = stem_regex(event_type.triggers.get(language, ()))
        if regex is not None:
            pairs.append((event_type, regex))
    return tuple(pairs)


def _event_type(
    sentence: str, time: TimeExpression, kb: KnowledgeBase, language: str
) -> tuple[str, str | None, int]:
    """Type, trigger word and trigger offset for the time expression ``time``.

    The nearest trigger in the date's own clause wins ("X said on Tuesday that
    the patrol…" is a statement on Tuesday, not a patrol), a verb of saying
    only when nothing else is near; outside the clause only when it has none;
    of two as near, the longer ("general strike", not "strike").
    """
    best: tuple[int, int, str, str | None, int] = (10**9, 0, FALLBACK, None, time.start)
    whole = time.end > time.start
    clause = dates.clause_span(sentence, time.start, time.end, commas=False) if whole else None
    for event_type, regex in _trigger_regexes(kb, language):
        for match in regex.finditer(sentence):
            distance = min(abs(match.start() - time.end), abs(time.start - match.end()))
            if event_type.role == "saying":
                distance += _STATEMENT_PENALTY
            if clause and not clause[0] <= match.start() < clause[1]:
                distance += _OUTSIDE_CLAUSE_PENALTY
            candidate = (distance, -len(match.group(0)), event_type.name, match.group(0))
            if candidate[:2] < best[:2]:
                best = (*candidate, match.start())
    return best[2], best[3], best[4]


def _role_holders(
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


def _article_role(sentences: Sequence[AnalysedSentence]) -> str | None:
    """The first post an article names (what its counterparts are counterparts in)."""
    return next((r.role for s in sentences for r in s.roles if r.role != "counterpart"), None)


def _role_registry(
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


def _actors(
    sentence: AnalysedSentence,
    holders: list[tuple[str, str]],
    kb: KnowledgeBase,
    previous: Sequence[AnalysedSentence],
    language: str,
) -> tuple[EntityMention, ...]:
    found: dict[str, EntityMention] = {}
    for m in sentence.mentions:
        if m.kind in ACTOR_KINDS:
            found.setdefault(m.key, m)
    for person, role_text in holders:
        known = kb.entities.get(person.split("/", 1)[1])
        label = known.label if known else person.split("/", 1)[1]
        mention = found.get(person)
        found[person] = EntityMention(
            mention.text if mention else role_text, 0, 0, "person", person, label, role_text
        )
    _borrow_pronoun_subject(sentence, previous, found)
    _borrow_named_organisation(sentence, previous, found)
    _borrow_told_event(sentence, previous, found, event_nouns(kb, language))
    _borrow_two_people(sentence, previous, found)
    _borrow_named_thing(sentence, previous, found, language)
    countries = sum(1 for key in found if key.startswith("country/"))
    if countries < 2 and _ANAPHORA.search(sentence.text):
        # "les deux flottes" points back at the nearest sentence naming two
        # countries, however many sentences about one of them came between.
        for prev in reversed(previous):
            named = {m.key: m for m in _acting(prev) if m.kind == "country"}
            if len(named) >= 2:
                for key, m in named.items():
                    found.setdefault(key, m)
                break
    return tuple(sorted(found.values(), key=lambda m: m.key))


def _with_represented_countries(
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


def _borrow_named_organisation(
    sentence: AnalysedSentence,
    previous: Sequence[AnalysedSentence],
    found: dict[str, EntityMention],
) -> None:
    """ "l'organisation" / "the bloc" in a sentence naming no organisation is the
    organisation the previous sentences name most (the latest on a tie): the
    article's subject rather than a partner listed in passing."""
    if any(m.kind == "organization" for m in found.values()):
        return
    if not _ORG_ANAPHORA.search(sentence.text):
        return
    named = [m for prev in previous for m in prev.mentions if m.kind == "organization"]
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
    if not _PEOPLE_ANAPHORA.search(sentence.text):
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
    start = _DEFINITE_START.match(sentence.text)
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


def _borrow_pronoun_subject(
    sentence: AnalysedSentence,
    previous: Sequence[AnalysedSentence],
    found: dict[str, EntityMention],
) -> None:
    """A sentence opening on a pronoun ("Il", "Ses", "They") continues the previous
    sentence's subject: its first actor joins this sentence's actors. A previous
    sentence that names nobody but opens on a pronoun too passes the subject on
    ("Nordvik a annoncé… Elle avait précisé… Ses exercices…"). English "He",
    "She" can only be a person: the nearest one named in the sentences before."""
    if not _PRONOUN_START.match(sentence.text):
        return
    person_only = bool(_PERSON_PRONOUN_START.match(sentence.text))
    for prev in reversed(previous):
        acting = [m for m in _acting(prev) if m.kind == "person" or not person_only]
        if acting:
            found.setdefault(acting[0].key, acting[0])
            return
        if not person_only and not _PRONOUN_START.match(prev.text):
            return


def _place(sentence: AnalysedSentence, trigger_at: int) -> EntityMention | None:
    places = [
        m
        for m in sentence.mentions
        if m.kind == "place" or (m.kind == "country" and m.key in sentence.locative)
    ]
    if not places:
        return None
    # A place said to be where ("in Paris", "à Paris") beats a name used as
    # an adjective ("an Arctic research centre"); a city or sea beats the
    # country around it ("à Lyon en France") unless the country stands much
    # nearer the trigger ("du conflit au Soudan").
    return min(
        places,
        key=lambda m: (
            m.key not in sentence.locative,
            abs(m.start - trigger_at) + _COUNTRY_PLACE_PENALTY * (m.kind == "country"),
            m.key,
        ),
    )


def _is_vague(time: TimeExpression, anchor: date | None) -> bool:
    """ "cette année" / "this year" dates nothing: the whole year of the anchor."""
    return (
        time.granularity == "year"
        and time.relation == "at"
        and anchor is not None
        and time.rule == "relative-year"
        and time.begin <= anchor <= time.last
    )


def extract_events(
    article: Article,
    sentences: Sequence[AnalysedSentence],
    *,
    kb: KnowledgeBase,
    year: int | None = None,
) -> list[EventMention]:
    """Dated event mentions of one article, in text order.

    Args:
        article: the article (its ``published`` date anchors relative dates).
        sentences: its analysed sentences.
        kb: the knowledge base (event-type triggers, role holders).
        year: for an article without a publication date, the year it is known
            to be from (days written without a year take it).

    Returns:
        One mention per distinct (sentence, interval); identical repeated
        sentences (photo captions shown twice) yield one mention.
    """
    language = article.language or "fr"
    anchor = article.published
    article_role = _article_role(sentences)
    registry = _role_registry(sentences, article_role)
    seen: set[tuple[str, date, date]] = set()
    events: list[EventMention] = []
    day_before: TimeExpression | None = None  # the previous sentence's event day
    for i, sentence in enumerate(sentences):
        times = dates.find_time_expressions(
            sentence.text, language=language, anchor=anchor, year=year
        )
        times = [_until(t, sentence, events, anchor) for t in times
                 if not _in_dateline(sentence.text, t)]  # fmt: skip
        if not times and day_before is not None:
            times = _same_day(sentence, day_before, kb, language)
        day_before = None
        for time in times:
            if _is_vague(time, anchor):
                continue
            signature = (sentence.text.strip(), time.begin, time.last)
            if signature in seen:
                continue
            seen.add(signature)
            previous = sentences[max(0, i - _CONTEXT_SENTENCES) : i]
            mention = _event(article, sentence, time, previous, (registry, article_role), kb)
            if mention is not None:
                events.append(mention)
                if time.granularity == "day" and time.rule != _SAME_DAY_RULE:
                    day_before = time
    return events


def _until(
    time: TimeExpression,
    sentence: AnalysedSentence,
    told: Sequence[EventMention],
    published: date | None,
) -> TimeExpression:
    """ "Les manœuvres se poursuivront jusqu'au 21 juillet", "the drills run
    until July 21": that day ends the event, it is not its day. The event runs
    from the day one of the two sentences before told it began ("ont débuté
    lundi"), else from the publication day when the end is still to come; with
    neither, the day stays as written."""
    if time.granularity != "day" or not _UNTIL.search(sentence.text[: time.start]):
        return time
    earlier = [e.time.begin for e in told[-3:] if e.sentence_index >= sentence.index - 2
               and 0 < (time.begin - e.time.begin).days <= _UNTIL_MAX_DAYS]  # fmt: skip
    kind: AnchorKind
    if earlier:
        begin, kind = earlier[-1], "event"
    elif published is not None and published < time.begin:
        begin, kind = published, "publication"
    else:
        return time
    return replace(time, begin=begin, granularity="days", rule=_UNTIL_RULE, anchor=begin,
                   anchor_kind=kind, relation="at")  # fmt: skip


# a place of one to four capitalised words and a comma, before the date
_DATELINE_BEFORE = re.compile(r"\s*(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s+){0,3}[A-ZÀ-ÖØ-Þ][\w'’.-]*,\s*")
# the agency in parentheses, if any, and the dash, after it
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[-–—]")


def _in_dateline(text: str, time: TimeExpression) -> bool:
    """ "BEIJING, July 15, 2031 — …", "Lyon, 4 mars (AFP) - …": the day a wire
    report was filed, not the day of what it tells (that is the publication date)."""
    return bool(
        _DATELINE_BEFORE.fullmatch(text[: time.start]) and _DATELINE_AFTER.match(text, time.end)
    )


def _same_day(
    sentence: AnalysedSentence, day: TimeExpression, kb: KnowledgeBase, language: str
) -> list[TimeExpression]:
    """An undated sentence right after a dated event that goes on telling it:
    an event word and two actors of its own ("Il a ensuite rencontré Edvard
    Lindqvist et Marion Castellan au port") take the previous sentence's day,
    with that day's words and this rule in the audit trail."""
    _, trigger, _ = _event_type(sentence.text, day, kb, language)
    actors = {m.key for m in sentence.mentions if m.kind in ACTOR_KINDS}
    if trigger is None or len(actors) + len(sentence.roles) < 2:
        return []
    if dates.is_future_tense(sentence.text, language=language, span=(0, len(sentence.text))):
        return []
    return [replace(day, start=0, end=0, rule=_SAME_DAY_RULE, anchor=day.begin,
                    anchor_kind="event", relation="at")]  # fmt: skip


def _event(
    article: Article,
    sentence: AnalysedSentence,
    time: TimeExpression,
    previous: Sequence[AnalysedSentence],
    roles: tuple[dict[tuple[str, str], str], str | None],
    kb: KnowledgeBase,
) -> EventMention | None:
    language = article.language or "fr"
    event_type, trigger, trigger_at = _event_type(sentence.text, time, kb, language)
    holders = _role_holders(sentence.roles, time.begin, kb, *roles)
    actors = _actors(sentence, holders, kb, previous, language)
    if not actors and trigger is not None and previous and not _TWO_COUNTRIES.search(sentence.text):
        # an unresolved "the two navies" must not fall back on whoever came last
        kept = {m.key: m for m in reversed(previous[-1].mentions) if m.kind in ACTOR_KINDS}
        actors = tuple(sorted(kept.values(), key=lambda m: m.key))
    if not actors:
        return None
    actors = _with_represented_countries(actors, time.begin, kb)
    return EventMention(
        article=article.source,
        sentence=sentence.text.strip(),
        sentence_index=sentence.index,
        time=time,
        event_type=event_type,
        trigger=trigger,
        actors=actors,
        place=_place(sentence, trigger_at),
        topics=match_topics(sentence.text, language),
    )
