"""Extract: the happening a sentence without a date of its own tells, and its time.

Requires an analysed sentence (its verbs and their tense, :mod:`graph.extract.verbs`),
the publication day of its article (or the year it is known to be from) and
the event triggers (:mod:`graph.extract.triggers`). Gives the happening (its
type, trigger and offset), and its time: that of the dated event it goes on
telling (rule ``discourse-time``, :func:`discourse_time`), else that of its
report (rule ``report-time``, :func:`report_time`).

News tells what just happened. A sentence with no date of its own tells a
happening of its report when:

- a verb of saying is one of its finite verbs ("a indiqué le ministère",
  "Zhang said"): the saying is the happening, a statement (what was said may
  be older, or no happening at all);
- else a trigger is one of its verbs, in the past or future ("Zelensky a
  décidé", "announced", "will meet"; a present tells a state: "they maintain
  close ties");
- else a trigger noun ("les exercices", "the patrol") in a clause whose verb
  tells it happened or is to come (past or future), not part of a name
  (capitalised inside the sentence) and not the noun of a circumstance
  ("amid Western sanctions", the ``background`` cues of the language file).

A negated verb tells no happening ("n'a jamais condamné"), a past before
another ("avait déclaré", "had said") none of the report's days, and neither
does a sentence with a vague time ("ces derniers mois", "in recent years": the
``vague_time`` cues), a clause of time or condition ("as the war got
underway", "if he is nominated"), a clause told as a habit ("repeatedly
sued"), nor a gerund, an infinitive after its marker or the end of a compound
taken for an event noun ("begging to meet", "post-war").

Its time is the publication day and the :data:`REPORT_DAYS` before it
(granularity ``reported``), or, told in the future tense, the publication day
and the :data:`PLANNED_DAYS` after it (``planned``); a report known only by
its year gives that year. A question, or a sentence with no trigger, tells none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Final

from graph.event_types import family
from graph.extract import dates
from graph.extract.apart import another_happening
from graph.extract.quotes import quoted
from graph.extract.triggers import Trigger, contest_won, triggers_in
from graph.extract.verbs import adjectival, gerund_or_infinitive, past_verb_telling_a_future
from graph.kb import KnowledgeBase
from graph.languages import cue
from graph.text import LEAD_PARAGRAPHS, in_spans
from graph.types import (
    UNKNOWN_TIME,
    AnalysedSentence,
    EventMention,
    Tense,
    TimeExpression,
)

__all__ = [
    "AFTER_TOLD_RULE",
    "ANAPHOR_SENTENCES",
    "DISCOURSE_RULE",
    "EVE_OF_EVENT_RULE",
    "EVE_OF_REPORT_RULE",
    "PLANNED_DAYS",
    "REPORT_DAYS",
    "REPORT_TIME_RULE",
    "UNKNOWN_TIME_RULE",
    "Happening",
    "clause_tense",
    "discourse_time",
    "follows_a_definite",
    "going_on",
    "own_date",
    "report_time",
    "told_by_a_source",
    "told_happening",
]

REPORT_TIME_RULE: Final = "report-time"
UNKNOWN_TIME_RULE: Final = "unknown-time"  # nothing dates the report: the time is unknown
DISCOURSE_RULE: Final = "discourse-time"
# the eve (or the day after) of a happening told before, counted from its time
# (:func:`graph.extract.storytime.eve_of_a_told_happening`): from a time of its own, or its report's
EVE_OF_EVENT_RULE: Final = "eve-of-event"
EVE_OF_REPORT_RULE: Final = "eve-of-report"
# after the happening told before, up to the report ("shortly thereafter": graph.extract.pointed)
AFTER_TOLD_RULE: Final = "after-told"
# the rules of a time that is not the happening's own (its report's, the discourse's)
_NOT_OWN_DATE: Final = frozenset(
    {
        REPORT_TIME_RULE,
        UNKNOWN_TIME_RULE,
        DISCOURSE_RULE,
        EVE_OF_EVENT_RULE,
        EVE_OF_REPORT_RULE,
        AFTER_TOLD_RULE,
    }
)
DISCOURSE_SENTENCES: Final = 3  # how far back a sentence may go on with any event
ANAPHOR_SENTENCES: Final = 8  # how far back a definite event noun may point
RECENT_DAYS: Final = 31  # a happening this long before publication is still the report's news
_CONTINUING_KINDS: Final = frozenset({"person", "organization", "thing"})
_DEFINITE_BEFORE: Final = re.compile(
    r"(?:\b(?:ce|cet|cette|ces|le|la|les|du|des|au|aux|the|this|these|that|those)\s+"
    r"|\bl['’]\s*)(?:\w+\s+)?$",
    re.IGNORECASE,
)
# A report tells the news of its day or the day before (a wire piece filed in the
# evening, printed the next morning; a weekend edition): the publication day and
# the REPORT_DAYS before it. What it tells as to come, the PLANNED_DAYS after it.
REPORT_DAYS: Final = 2
PLANNED_DAYS: Final = 7
_BACKGROUND_REACH: Final = 30  # characters between a circumstance's preposition and its noun

#: what an undated sentence tells: (event type, trigger words, trigger offset)
Happening = tuple[str, str, int]


_DEFINITE_REACH: Final = 12  # characters of the article and a word before an event noun


def follows_a_definite(text: str, start: int) -> bool:
    """Whether the event noun at ``start`` follows a definite or demonstrative
    article, a word between at most ("cette visite", "the joint drills"): it
    points back at a happening already told."""
    return _DEFINITE_BEFORE.search(text, max(0, start - _DEFINITE_REACH), start) is not None


def _vague_time(text: str, language: str) -> bool:
    """A time the dates step leaves out as vague ("ces derniers mois",
    "recently"): the happening is not of the report's days."""
    vague = cue("vague_time", language)
    return vague is not None and vague.search(text) is not None


def _verb_tense(sentence: AnalysedSentence, start: int, end: int) -> Tense | None:
    """The tense of the verb at ``start``–``end``, None when no verb is there
    (or a negated one: "n'a pas condamné" tells no happening)."""
    for verb in sentence.verbs:
        if verb.start < end and start < verb.end:
            return None if verb.negated else verb.tense
    return None


def clause_tense(sentence: AnalysedSentence, start: int, end: int, language: str) -> Tense:
    """The tense the clause around ``start``–``end`` tells: future if one of its
    verbs is or its words say so (:func:`graph.extract.dates.is_future_tense`:
    "prévu", "expected to"), else past if one of its verbs is, else present or
    nothing."""
    first, last = dates.clause_span(sentence.text, start, end)
    verbs = [v for v in sentence.verbs if first <= v.start < last]
    if any(v.negated for v in verbs):
        return ""  # "le conflit n'a pas été mentionné": no happening told
    if told := past_verb_telling_a_future(sentence, (start, end), verbs, language):
        return told  # "he decided men will no longer be allowed": the deciding is past
    if dates.is_future_tense(sentence.text, language=language, span=(start, end)):
        return "future"
    tenses = {v.tense for v in verbs}
    return next((t for t in ("future", "anterior", "past", "present") if t in tenses), "")


def _in_background(text: str, start: int, language: str) -> bool:
    background = cue("background", language)
    if background is None:
        return False
    before = text[max(0, start - _BACKGROUND_REACH) : start]
    return any(m.end() <= len(before) for m in background.finditer(before))


def _nominal_ok(sentence: AnalysedSentence, trigger: Trigger, language: str) -> Tense | None:
    _, words, start, end = trigger
    if start > 0 and words[:1].isupper():
        return None  # part of a name or a title ("la Guerre froide" as a title)
    compound = sentence.text[start - 1 : start] == "-"
    if compound or gerund_or_infinitive(sentence, start, end, language):
        # a word closing a compound ("post-war", "most-visited") qualifies the noun after it
        return None
    if _in_background(sentence.text, start, language):
        return None
    tense = clause_tense(sentence, start, end, language)
    return tense if tense in ("past", "future") else None


def told_happening(
    sentence: AnalysedSentence,
    kb: KnowledgeBase,
    language: str,
    *,
    saying: bool = True,
    apart: Sequence[tuple[int, int]] = (),
) -> tuple[Happening, Tense] | None:
    """The happening an undated sentence tells, and its tense, or None; with
    ``saying`` False, a happening other than a statement; none in ``apart``
    (the phrases of happenings it speaks of)."""
    if sentence.text.rstrip().endswith("?") or _vague_time(sentence.text, language):
        return None
    # "applied in March, weeks after a drone crashed near its border": the crash is
    # another happening, named by a phrase of its own (graph.extract.apart)
    # "as the war got underway": the war is when the sentence's happening was
    # "if he is nominated": what may not happen
    others = [*another_happening(sentence.text, -1, (), kb, language), *apart,
              *adjectival(sentence, language), *sentence.temporal_clauses,
              *sentence.conditional_clauses]  # fmt: skip
    # "the war in Ukraine has forced academics into exile": a war told without a
    # date is the news's background, not a happening of the report's days
    triggers = [t for t in triggers_in(sentence.text, kb, language)
                if t[0].role != "fallback" and not t[0].lasting
                and not in_spans(t[2], others)]  # fmt: skip
    verbal = [(t, tense) for t in triggers
              if (tense := _verb_tense(sentence, t[2], t[3])) is not None]  # fmt: skip
    # a finite verb or participle: "according to" (a source, not a saying) and
    # infinitives ("to visit") tell no happening; a present tells one when
    # somebody says something ("Zhang says"), else a state ("they maintain ties")
    said = [(t, tense) for t, tense in verbal if saying and t[0].role == "saying"
            and tense in ("past", "present", "future")]  # fmt: skip
    doing = [(t, tense) for t, tense in verbal
             if t[0].role != "saying" and tense in ("past", "future")]  # fmt: skip
    # what is told first is the news: "visited the flooded towns and promised aid",
    # "warplanes patrolled over the sea, the ministry said"; with no other verb, an
    # event noun before the verb of saying ("Une frappe russe a fait douze morts,
    # ont annoncé les autorités")
    first: list[tuple[Trigger, Tense]] = [*said[:1], *doing[:1]]
    if said and all(t[0].role == "telling" for t, _ in doing):
        first += _reported_noun(sentence, triggers, language, said[0][0][2])
    if first:
        # of two at one word, the longer: "condamnée à une amende" is a sentence, not a saying
        t, tense = min(first, key=lambda v: (v[0][2], -len(v[0][1])))
        # "Il est prévu que … soient adoptés": the clause says it is to come; a
        # statement is made when it is told, whatever it says is to come
        to_come = clause_tense(sentence, t[2], t[3], language) == "future"
        if to_come and t[0].role != "saying":
            tense = "future"
        t = contest_won(sentence.text, t[1], t[2], triggers, language) or t
        return None if _habitual(sentence.text, t, language) else ((t[0].name, t[1], t[2]), tense)
    for t, tense in _nominal(sentence, triggers, language)[:1]:
        return None if _habitual(sentence.text, t, language) else ((t[0].name, t[1], t[2]), tense)
    return None


def _habitual(text: str, trigger: Trigger, language: str) -> bool:
    """Whether the trigger's clause tells what used to happen ("repeatedly sued",
    "a souvent critiqué": ``[cues] habitual``): no happening of the report's
    days; for a verb of saying, up to the verb ("He said he usually got the
    envelope" is a statement)."""
    habit = cue("habitual", language)
    first, last = dates.clause_span(text, trigger[2], trigger[3])
    if trigger[0].role == "saying":
        last = trigger[3]
    return habit is not None and habit.search(text, first, last) is not None


def _reported_noun(
    sentence: AnalysedSentence, triggers: list[Trigger], language: str, saying_at: int
) -> list[tuple[Trigger, Tense]]:
    """The event noun of what an attribution after a comma reports ("Une frappe
    russe a fait douze morts, ont annoncé les autorités"): not in a quote (an
    opinion quoted is no happening), with a comma between it and the verb of
    saying (not "The exercises were announced")."""
    quotes = quoted(sentence.text)
    return [
        (t, tense) for t, tense in _nominal(sentence, triggers, language, before=saying_at)
        if not in_spans(t[2], quotes) and "," in sentence.text[t[3] : saying_at]
    ][:1]  # fmt: skip


def _nominal(
    sentence: AnalysedSentence, triggers: list[Trigger], language: str, before: int | None = None
) -> list[tuple[Trigger, Tense]]:
    """The event nouns that tell a happening (:func:`_nominal_ok`), in text order,
    those before offset ``before`` only when it is given."""
    return [
        (t, tense) for t in triggers
        if t[0].role != "saying" and (before is None or t[2] < before)
        and (tense := _nominal_ok(sentence, t, language)) is not None
    ]  # fmt: skip


def report_time(tense: Tense, published: date | None, year: int | None) -> TimeExpression:
    """The time of the report for a happening told without a date, in ``tense``:
    the days up to publication, the days after it for what is to come, the
    report's year when only that is known; an unknown time (granularity
    ``unknown``, rule ``unknown-time``, spanning every day) when nothing dates
    the report: the happening is kept, never dropped."""
    whole = TimeExpression("", 0, 0, date.min, date.min, "reported", REPORT_TIME_RULE)
    if published is None:
        if year is None:  # nothing dates the report: the happening is kept, its time unknown
            return replace(whole, begin=date.min, last=date.max, granularity=UNKNOWN_TIME,
                           rule=UNKNOWN_TIME_RULE, anchor_kind="none")  # fmt: skip
        first, last = date(year, 1, 1), date(year, 12, 31)
        return replace(whole, begin=first, last=last, granularity="year", anchor_kind="year")
    if tense == "future":
        after = published + timedelta(days=PLANNED_DAYS)
        return replace(whole, begin=published, last=after, granularity="planned",
                       anchor=published, relation="after-anchor")  # fmt: skip
    before = published - timedelta(days=REPORT_DAYS)
    return replace(whole, begin=before, last=published, anchor=published,
                   relation="before-anchor")  # fmt: skip


def _definite_event_noun(sentence: AnalysedSentence, kb: KnowledgeBase, language: str) -> set[str]:
    """The families of the event nouns the sentence points back at with a definite
    or demonstrative article ("cette visite", "l'entretien", "the talks")."""
    families = set()
    for event_type, _, start, _ in triggers_in(sentence.text, kb, language):
        if follows_a_definite(sentence.text, start):
            families.add(family(event_type.name))
    return families


def own_date(time: TimeExpression) -> bool:
    """Whether the time was read from the sentence's own words, not lent by its
    report or by the event it goes on telling."""
    return time.rule not in _NOT_OWN_DATE


def is_recent(time: TimeExpression, published: date | None) -> bool:
    """Whether a dated happening is news of the report's weeks, not background
    ("ses derniers exercices ont eu lieu en 2018")."""
    return published is None or (published - time.last).days <= RECENT_DAYS


def _told_as_future(event: EventMention, told: dict[int, str], language: str) -> bool:
    """Whether the sentence of ``event`` tells it as to come."""
    text = told.get(event.sentence_index, "")
    return dates.is_future_tense(text, language=language, span=(event.time.start, event.time.end))


def in_flashback(sentence: AnalysedSentence, time: TimeExpression) -> bool:
    """Whether the sentence tells the happening ``time`` dates in a past before
    the story's own ("Le procès s'était ouvert le 6 mai", "the talks had begun
    on Monday"): a flashback, which the sentences after it do not go on telling.
    The verb nearest the date says it: "On Tuesday, NATO said it had spotted
    ships on Saturday" tells Tuesday's statement in the past."""
    if time.end <= time.start or not sentence.verbs:
        return False
    nearest = min(sentence.verbs, key=lambda v: max(v.start - time.end, time.start - v.end, 0))
    return nearest.tense == "anterior"


def _flashback(event: EventMention, sentences: Sequence[AnalysedSentence]) -> bool:
    told = next((s for s in sentences if s.index == event.sentence_index), None)
    return told is not None and in_flashback(told, event.time)


def discourse_time(
    sentence: AnalysedSentence,
    tense: Tense,
    earlier: Sequence[EventMention],
    sentences: Sequence[AnalysedSentence],
    kb: KnowledgeBase,
    language: str,
    published: date | None = None,
    role_people: Callable[[date], set[str]] | None = None,
    event_type: str | None = None,
) -> TimeExpression | None:
    """The time of the dated event an undated sentence goes on telling, or None.

    It goes on telling the latest event of the article dated by its own words
    (not by its report), finer than a year and news of the report's weeks
    (:data:`RECENT_DAYS` before publication at most: "ses derniers exercices,
    en 2018" is background), when it points back at it with a definite event
    noun of the same family ("lors de cette visite", "after the talks"), within
    :data:`DISCOURSE_SENTENCES` sentences (or, when that noun names the
    sentence's own happening, ``event_type``, the latest of its family within
    :data:`ANAPHOR_SENTENCES`), or when it is the next sentence (or
    a later one, within as many, when those between told no event) and names
    one of its people, organisations or named things, by name or by a role
    phrase whose holder on the event's day ``role_people`` gives ("le ministre
    norvégien"); an event of the family of ``event_type`` first. What is told
    as to come takes only the time of what was told as to come too ("Il
    recevra demain les armateurs… Il présidera une séance avec les armateurs").
    Failing all these, a sentence not in the future that names one of the people,
    organisations or named things of the report's lead (:func:`_lead`, the
    first event of the headline or first paragraph, of one of the report's
    days) is of the lead's day, unless it says it came before (the language
    file's ``[cues] already``).
    """
    dated = [e for e in earlier if own_date(e.time)
             and e.time.granularity != "year" and is_recent(e.time, published)]  # fmt: skip
    if tense == "future":
        told = {s.index: s.text for s in sentences}
        dated = [e for e in dated if _told_as_future(e, told, language)]
    elif tense == "past" and published is not None:
        # "UN chief X welcomed the deal", after "The truce takes effect on Sunday"
        dated = [e for e in dated if e.time.begin <= published]
    if tense == "past":
        dated = [e for e in dated if not _flashback(e, sentences)]
    near = [e for e in dated if 0 < sentence.index - e.sentence_index <= DISCOURSE_SENTENCES]
    pointed = _definite_event_noun(sentence, kb, language) if dated else set()
    # a country is named by every sentence of a story: only a person, an
    # organisation or a named thing says the next sentence goes on with it
    own = {m.key for m in sentence.mentions if m.kind in _CONTINUING_KINDS}
    paragraph_of = {s.index: s.paragraph for s in sentences}
    latest = earlier[-1].sentence_index if earlier else -1

    # the latest sentence first; in it, an event of the same family first (a
    # statement goes on with the statement), then the first told (its main clause)
    def rank(e: EventMention) -> tuple[int, bool, int]:
        same = bool(event_type) and family(e.event_type) == family(event_type or "")
        return -e.sentence_index, not same, near.index(e)

    # "C'était la deuxième fois que…", "It was the first time…": what it
    # says is of the event just told
    opener = cue("going_on", language)
    it_was = opener is not None and opener.match(sentence.text.lstrip(' «"“')) is not None
    for event in sorted(near, key=rank):
        anaphor = family(event.event_type) in pointed
        named = own | (role_people(event.time.begin) if role_people else set())
        # wire copy often gives each sentence a paragraph: the next one still goes on,
        # and so does a later one when the sentences between told no event
        distance = sentence.index - event.sentence_index
        gap = sentence.paragraph - paragraph_of.get(event.sentence_index, -2)
        follows = distance == 1 or event.sentence_index == latest
        continued = (follows and 0 <= gap <= distance
                     and (it_was or named & {a.key for a in event.actors}))  # fmt: skip
        if anaphor or continued:
            return going_on(event.time)
    # further back, a definite event noun that names the sentence's own
    # happening points at the latest event of its family ("Le gala s'est tenu
    # samedi… [the prizes] Le gala a aussi vu…"), not one it reports on
    own_family = family(event_type) if event_type else None
    far = [e for e in dated if own_family in pointed and family(e.event_type) == own_family
           and 0 < sentence.index - e.sentence_index <= ANAPHOR_SENTENCES]  # fmt: skip
    if far:
        return going_on(max(far, key=lambda e: e.sentence_index).time)
    # the news the report leads with: a later sentence telling what one of its
    # people or organisations did, with no time of its own, is of that day
    # ("its governor said at a press conference", after "The Nordvik Central
    # Bank cut rates on Wednesday"); one that says it came before ("had
    # already ruled") is not
    lead = _lead(dated, paragraph_of, published)
    earlier_cue = cue("already", language)
    if (tense != "future" and lead is not None and own & {a.key for a in lead.actors}
            and not (earlier_cue and earlier_cue.search(sentence.text))):  # fmt: skip
        return going_on(lead.time)
    return None


def _lead(
    dated: Sequence[EventMention], paragraph_of: dict[int, int], published: date | None
) -> EventMention | None:
    """The report's lead: the first event dated by its own words in the headline
    or the first paragraph, when it is of a day among the report's days
    (publication and the :data:`REPORT_DAYS` before)."""
    first = [
        e for e in dated if paragraph_of.get(e.sentence_index, LEAD_PARAGRAPHS) < LEAD_PARAGRAPHS
    ]
    if not first or published is None:
        return None
    lead = min(first, key=lambda e: e.sentence_index)
    days_before = (published - lead.time.begin).days
    return lead if lead.time.granularity == "day" and 0 <= days_before <= REPORT_DAYS else None


def going_on(time: TimeExpression) -> TimeExpression:
    """The time of an event that a later sentence goes on telling."""
    return replace(time, start=0, end=0, rule=DISCOURSE_RULE, anchor=time.begin,
                   anchor_kind="event", relation="at")  # fmt: skip


def told_by_a_source(
    sentence: AnalysedSentence,
    time: TimeExpression,
    kb: KnowledgeBase,
    language: str,
    *,
    own_date: bool,
    apart: Sequence[tuple[int, int]] = (),
) -> tuple[Happening, TimeExpression] | None:
    """ "Two people died in the floods, police said on Wednesday": a source no
    name gives is no actor, and its telling no event; the happening it told
    is, and its time. The date of the telling (``own_date``) dates it as a
    report of that day (the day and the two before; the week after for what
    is to come); a statement told undated leaves its time to the happening.
    ``apart``: the phrases of happenings the sentence speaks of, which it does not tell."""
    told = told_happening(sentence, kb, language, saying=False, apart=apart)
    if told is None:
        return None
    happening, tense = told
    if not own_date:
        return happening, time
    when = replace(report_time(tense, time.begin, None), text=time.text, start=time.start,
                   end=time.end, anchor_kind="event")  # fmt: skip
    return happening, when
