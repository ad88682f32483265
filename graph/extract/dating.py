"""Which time expressions of a sentence date its happening, and which tell
nothing happened: the extract stage's events step asks here before it makes an
event of a sentence at a time.

A time dates nothing when it is vague ("cette année": the whole year of the
anchor), the filing day of a wire dateline, a duration ("in three weeks of
racing", "for the second time in a month"), the time of what the happening is
compared with ("as he did last year"), or an offset counted from the
sentence's own date ("in March, two months after…"); a trigger right after
"would have", or before "was postponed", tells what did not happen; a time with
no trigger between its commas does not borrow one whose happening the sentence
already dated; a time inside what a verb of saying or announcing tells dates
that, not the telling; a time in the words naming a source ("According to
state media reports on Wednesday") dates the report (:func:`in_source_phrase`);
a day after "until" ends its event (:func:`until`); a photo's caption tells no
happening a trigger does not name (:func:`describes_a_photo`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Final

from graph.event_types import TELLING
from graph.extract.dates.clauses import clause_span
from graph.extract.entities import ACTOR_KINDS
from graph.extract.figures import after_a_figure
from graph.extract.triggers import event_type_near, triggers_in
from graph.extract.undated import (
    clause_tense,
)
from graph.kb import KnowledgeBase
from graph.languages import LANGUAGES, cue
from graph.text import alternation, in_spans
from graph.types import (
    AnalysedSentence,
    AnchorKind,
    Article,
    EventMention,
    TimeExpression,
    Verb,
)

__all__ = [
    "anniversary_of_a_person",
    "counted_from_another",
    "dates_a_told_past",
    "dates_it",
    "dates_what_is_told",
    "describes_a_photo",
    "did_not_happen",
    "ends_what_goes_on",
    "in_source_phrase",
    "is_vague",
    "trigger_told_at_another_time",
    "until",
]


def is_vague(time: TimeExpression, anchor: date | None) -> bool:
    """ "cette année" / "this year" dates nothing: the whole year of the anchor."""
    return (
        time.granularity == "year"
        and time.relation == "at"
        and anchor is not None
        and time.rule == "relative-year"
        and time.begin <= anchor <= time.last
    )


_COUNTERFACTUAL_REACH = 16  # characters between "would have" and its verb, at most


def did_not_happen(text: str, trigger: tuple[int, int], language: str) -> bool:
    """ "The reform would have raised the retirement age by 2035", "aurait pu
    signer", "a annulé la visite": the trigger at ``trigger`` (start, end) tells
    what did not happen (``[cues] counterfactual`` before it), nor does "the
    launch had been postponed" (``[cues] called_off`` after it)."""
    start, end = trigger
    before = cue("counterfactual", language)
    after = cue("called_off", language)
    if before is not None and before.search(text, max(0, start - _COUNTERFACTUAL_REACH), start):
        return True
    off = after.search(text, end, end + _CALLED_OFF_REACH) if after is not None else None
    # "postponed to Friday", "reportée au 12 mars": the new date is still to come
    return off is not None and not _RESCHEDULED.match(text, off.end())


_CALLED_OFF_REACH = 48  # characters between the trigger and "had been postponed", at most
_RESCHEDULED = re.compile(r"\s+(?:to|until|till|au|à|jusqu['’]au)\b", re.IGNORECASE)


def counted_from_another(time: TimeExpression, times: Sequence[TimeExpression]) -> bool:
    """ "They met in March, two months after Nordvik's jets violated…": the offset
    counts from the date before it, not from the publication it was read
    against, so its day is unknown; its phrase still tells another happening
    (:func:`graph.extract.apart.told_apart`)."""
    return time.rule == "event-offset" and any(
        t.rule != "event-offset" and t.end <= time.start for t in times
    )  # a date after it ("…conflit en Ukraine qui a débuté en 2022") tells something else


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


_CUE_REACH = 40  # characters before a time expression that a cue word may stand in


def dates_it(sentence: AnalysedSentence, time: TimeExpression, language: str) -> bool:
    """Whether a time expression of the sentence can date what it tells: not in
    a dateline, not a time of no happening, not in a clause of a condition
    ("if he is nominated this summer": what may not happen), nor in one that
    tells what keeps happening ("re-elected in every election since 1970",
    ``[cues] habitual``: a series, none of its happenings of that time)."""
    return (
        not _in_dateline(sentence.text, time)
        and not _no_date_of(sentence.text, time, language)
        and not in_spans(time.start, sentence.conditional_clauses)
        and not _in_a_habit(sentence.text, time, language)
    )


def _in_a_habit(text: str, time: TimeExpression, language: str) -> bool:
    habit = cue("habitual", language)
    if habit is None:
        return False
    first, last = clause_span(text, time.start, time.end)
    # "often called X, and frequently hosts talks — in April, it hosted…": a dash
    # opens what happened once after what keeps happening
    first = max(first, *(text.rfind(dash, first, time.start) for dash in _DASHES))
    return habit.search(text, first, last) is not None


_DASHES: Final = (" — ", " – ", " - ")


def since_a_state(
    sentence: AnalysedSentence, time: TimeExpression, kb: KnowledgeBase, language: str
) -> bool:
    """Whether ``time`` follows a word of ``[cues] since`` and the sentence's
    happening nearest it is a saying or an announcement ("Ties have grown since
    2022, Lindqvist said", "since Sept. 21, the report said"): the time tells
    how long what is said of has held, not when it was said; the sentence is
    read as undated. So is a sentence that goes on telling the happening just
    told ("It was the ninth such flight since 2019", ``[cues] going_on``) when
    its "since" phrase names no happening: it counts a series since then. Where
    neither, the time dates the onset of what holds since ("Depuis juillet 2031,
    la Norvège … a organisé": from July)."""
    since = cue("since", language)
    start = time.start
    if since is None or time.end <= start:
        return False
    if not _right_after(sentence.text, start, since) and since.match(time.text) is None:
        return False
    going_on = cue("going_on", language)
    if going_on is not None and going_on.match(sentence.text.lstrip(' «"“')):
        return not _names_a_happening(sentence.text, time, since, kb, language)
    event_type, trigger, _ = event_type_near(sentence.text, time, kb, language)
    return trigger is not None and event_type in TELLING


def _names_a_happening(
    text: str, time: TimeExpression, since: re.Pattern[str], kb: KnowledgeBase, language: str
) -> bool:
    """Whether the phrase opening on "since" names a happening of its own ("since the
    2028 border clashes", "depuis les affrontements de 2028"), not only a time
    ("the ninth such patrol since 2019": the patrols are counted, not dated)."""
    opening = [m.start() for m in since.finditer(text, 0, time.end)]
    if not opening:
        return False
    comma = text.find(",", time.end)
    end = len(text) if comma == -1 else comma
    return any(t.role != "saying" and opening[-1] <= at < end
               for t, _, at, _ in triggers_in(text, kb, language))  # fmt: skip


# "fourth-quarter profit", "first-half results": a period that qualifies a noun
_PERIOD_OF_A_NOUN = re.compile(r"\s+[a-z]")


def _no_date_of(text: str, time: TimeExpression, language: str) -> bool:
    """A time expression that dates no happening of its sentence: a duration
    ("the first cut in four years", "in three weeks of racing", "en trois
    semaines de course": not three weeks from now), the time of what the
    happening is compared with ("as he did last year", "comme en 2018", "rose 11%
    from a year earlier"), or a quarter that qualifies a noun ("fourth-quarter
    profit": the figures' period)."""
    compared = cue("comparison", language)
    if compared and compared.search(text, max(0, time.start - _COMPARED_REACH), time.start):
        return True  # "as he did last year": the year of what it is compared with
    if time.rule in _OFFSET_RULES and _right_after(
        text, time.start, cue("compared_from", language)
    ):
        return True  # "rose 11% from a year earlier": the figure it is compared with
    if _right_after(text, time.start, cue("as_of", language)):
        return True  # "As of February 28, 122 firms had been paid": when a figure stands
    if time.rule == "quarter" and "-" in time.text and _PERIOD_OF_A_NOUN.match(text, time.end):
        return True  # "a rise in fourth-quarter profit": the figures' period, not a day
    if time.granularity == "year" and after_a_figure(text, time.start, language):
        return True  # "a growth of 0.1% in 2019": a year's figure, no happening of that year
    if time.rule != "from-now":
        return False
    superlative = cue("superlative", language)
    before = text[max(0, time.start - _CUE_REACH) : time.start]
    return bool(superlative and superlative.search(before)) or bool(
        _DURATION_OF.match(text, time.end)
    )


# characters before a time where a comparison's words stand ("par rapport à la même période de")
_COMPARED_REACH = 16
# a time counted back from another ("a year earlier", "a year ago", "last year")
_OFFSET_RULES: Final = frozenset({"relative-offset", "ago", "relative-year"})


def _right_after(text: str, start: int, words: re.Pattern[str] | None) -> bool:
    """Whether one of ``words`` ends right before ``start`` (spaces apart)."""
    before = text[max(0, start - _COMPARED_REACH * 2) : start]
    return words is not None and any(not before[m.end() :].strip() for m in words.finditer(before))


# "in three weeks of racing", "en trois semaines de course": how long, not when
_DURATION_OF = re.compile(r"\s+(?:of|de|d['’])\s*\w", re.IGNORECASE)


def trigger_told_at_another_time(
    sentence: AnalysedSentence,
    time: TimeExpression,
    trigger: tuple[str, int],
    told: Sequence[EventMention],
) -> bool:
    """Whether ``time`` would borrow a trigger from beyond its phrase (no trigger
    stands between its commas) whose happening the sentence already dated:
    "ont signé, mercredi 5 mars, un accord …, mettant fin à un différend né de
    la fermeture des eaux … en 2029" signs nothing in 2029; the year dates a
    happening no trigger names."""
    event_type, trigger_at = trigger
    if time.end <= time.start:
        return False
    start, end = clause_span(sentence.text, time.start, time.end, commas=True)
    return not start <= trigger_at < end and any(
        e.sentence_index == sentence.index and e.event_type == event_type and e.time != time
        for e in told
    )


def dates_a_told_past(
    sentence: AnalysedSentence, time: TimeExpression, said: tuple[str, int], language: str
) -> bool:
    """Whether ``time``, after a verb of saying (``said``: its word and offset),
    dates what the saying tells, not the saying: in the time's clause, between
    the saying and the time, stands a past verb of the told clause — a verb of
    its own, not an auxiliary, a copula or an imparfait ("said two plants shut
    down on Friday"). Not "said on Friday that…", nor "that on Saturday
    (September 28), two ships appeared" (no told verb before the time: the
    happening stays the telling's, with the names it tells of); always what
    a source phrase tells ("according to X, … he saw on Friday"). The same
    before a saying in a clause after the time's ("the economy grew 1.1 % in
    the first quarter, the institute said Friday": the quarter is the
    growth's, a past verb before the time in its clause telling it), also
    before a source phrase ("…fell to 6.6 % in May, according to X"). And when a name
    between the saying and the time opens the told clause, whose past verb
    follows the time ("said Velázquez's push to approve the rezoning last year
    incensed her": the push is last year's), unless it is whom the speaker
    tells (``[cues] told_to``: "told Reuters on Friday the deal was done")."""
    word, at = said
    end = at + len(word)
    first, last = clause_span(sentence.text, time.start, time.end)
    a_source = not any(at <= v.start < end and v.tense for v in sentence.verbs)
    if time.end <= at:
        # "…between October 2029 and March 2030, according to hospital data":
        # a source after the time never has it, whatever the clause tells
        return last <= at and (a_source or any(first <= v.start < time.start and _tells_a_past(v)
                                               for v in sentence.verbs))  # fmt: skip
    if a_source:  # "According to the blog X, bills printed in 2014 contain…": the
        # time in what the source tells is never the source's (one in its own
        # phrase, before its comma, dates the report: in_source_phrase)
        comma = sentence.text.find(",", end)
        return comma != -1 and comma < time.start
    if time.start < end:
        return False
    told = any(max(first, end) <= v.start < min(last, time.start) and _tells_a_past(v)
               for v in sentence.verbs)  # fmt: skip
    return told or _told_subject_first(sentence, (end, time), last, word, language)


def _told_subject_first(
    sentence: AnalysedSentence,
    between: tuple[int, TimeExpression],
    last: int,
    word: str,
    language: str,
) -> bool:
    """Whether a person, organisation or country is named between the end of the
    verb of saying ``word`` and the time (``between``), not as whom it is told
    to, and a past verb of its own follows the time before its clause ends at
    ``last``."""
    end, time = between
    if any((words := cue(key, language)) is not None and words.fullmatch(word)
           for key in ("told_to", "calls_on")):  # fmt: skip
        return False
    named = any(m.kind in ACTOR_KINDS and end <= m.start < time.start for m in sentence.mentions)
    return named and any(time.end <= v.start < last and _tells_a_past(v) for v in sentence.verbs)


def _tells_a_past(verb: Verb) -> bool:
    """A verb of its own in the past: no auxiliary, copula or imparfait."""
    return verb.tense in ("past", "anterior") and not verb.auxiliary and not verb.imperfect


def dates_what_is_told(
    sentence: AnalysedSentence, time: TimeExpression, kb: KnowledgeBase, article: Article
) -> bool:
    """Whether ``time`` dates what the verb of saying or announcing nearest to
    it tells, not the telling: the verb is in the past and the time comes after
    the report ("a annoncé la fermeture de la piscine pendant six mois à partir
    du 1er avril", told on 3 March): what was told in the past cannot have been
    told after its report. That date is the told thing's, which no trigger
    names; the telling keeps the time of its report. A day before the report
    stays the telling's ("reported a rise in profit on Thursday")."""
    if article.published is None or time.begin <= article.published:
        return False  # what was told of the past: the common case, no trigger looked for
    language = article.language or "fr"
    event_type, trigger, at = event_type_near(sentence.text, time, kb, language)
    if event_type not in TELLING or trigger is None:
        return False
    # "a précisé": the auxiliary's tense is the participle's
    told = range(at, at + len(trigger))
    return any(v.start in told and v.tense in ("past", "anterior") for v in sentence.verbs)


_UNTIL_RULE = "until"
# words before a day that ends its event: [dates] until of every language file
_UNTIL = re.compile(
    "(?:" + "|".join(p for x in LANGUAGES for p in x.dates.until) + r")\s*$", re.IGNORECASE
)
_UNTIL_MAX_DAYS = 60  # an event told as lasting "until" a day began at most this long before


def until(
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


def ends_what_goes_on(sentence: AnalysedSentence, start: int, end: int, language: str) -> bool:
    """Whether the day at ``start``–``end`` follows "until" in a clause told in the
    present ("l'événement associe jusqu'au 7 septembre les armées…", "the drills
    run until July 19"): what goes on at the report ends on it, so it is still to
    come (:func:`graph.extract.pubdate.infer_day_in_year` takes it as a bound)."""
    # no verb found is no past either (the small models tag "associe" an adjective)
    return bool(_UNTIL.search(sentence.text[:start])) and (
        clause_tense(sentence, start, end, language) in ("present", "")
    )


def _source_words(phrases: Sequence[Sequence[str]]) -> re.Pattern[str]:
    """The words naming a source as written ("d'après"; the language file
    gives tokens, "d' après")."""
    written = {" ".join(p).replace("' ", "'").replace("’ ", "’") for p in phrases}
    return re.compile(rf"(?<!\w)(?:{alternation(written)})(?!\w)", re.IGNORECASE)


_SOURCES: Final = {
    x.code: _source_words(x.entities.source_cues) for x in LANGUAGES if x.entities.source_cues
}


def in_source_phrase(text: str, time: TimeExpression, language: str) -> bool:
    """Whether the time stands in the phrase naming a source, up to its comma
    ("According to state media reports on Wednesday, …", "selon l'agence X
    mardi, …"): it dates the report, not what the sentence tells."""
    source = _SOURCES.get(language)
    if source is None or time.end <= time.start:
        return False
    for match in source.finditer(text, 0, time.start):
        comma = text.find(",", match.end())
        if comma == -1 or comma >= time.end:
            return True
    return False


# a photo credit closing a caption: "(Xinhua/Luo Yuan)", "(AFP/Jane Doe)", "(Photo by X)"
_PHOTO_CREDIT: Final = re.compile(
    r"\((?:[A-Z][\w&.' -]{0,30}/\s*[A-Z][^()/]{0,40}|(?i:photos?|crédit|credit)\b[^()]{0,50})\)"
    r"\W*$"
)


def describes_a_photo(text: str, language: str) -> bool:
    """Whether the sentence is a photo's caption: where people stand in the
    picture ("Pan Zhanle (R) of China shakes hands…", ``[cues] photo_position``)
    or a photographer's credit closing it ("… on July 31, 2024. (Xinhua/Du
    Yu)"). A caption shows a moment: it tells no happening a trigger does not
    name (no event of the fallback type)."""
    position = cue("photo_position", language)
    return bool(_PHOTO_CREDIT.search(text)) or bool(position and position.search(text))


# between an anniversary's word and the name it is of, a noun saying who at most
# ("of the pianist X", "du chanteur X")
_OF_NAME: Final = re.compile(
    r"\s+(?:(?:de|of)(?:\s+(?:the|la|le|l['’]))?|d['’]|du)\s*(?:[a-zà-öø-ÿ]{3,}\s+)?"
)


def anniversary_of_a_person(
    sentence: AnalysedSentence, time: TimeExpression, trigger_at: int, trigger: str | None
) -> bool:
    """Whether the anniversary's own word (inside ``time``) is followed by
    "de"/"of" and a person's name: an anniversary of someone, not of something
    ("the anniversary of the death of X" is the death's)."""
    if trigger is None or not time.start <= trigger_at < time.end:
        return False
    joint = _OF_NAME.match(sentence.text, trigger_at + len(trigger))
    return joint is not None and any(
        m.start == joint.end() and m.kind == "person" for m in sentence.mentions
    )
