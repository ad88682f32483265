"""Extract: dated event mentions from analysed sentences (their actors: graph.extract.actors).

Requires: an ``Article`` whose ``published`` date is known or inferred (the
anchor of relative dates) and its sentences from :func:`graph.extract.entities.analyse`.

Adds: one :class:`~graph.types.EventMention` per distinct dated happening in a
sentence: a time expression (:mod:`graph.extract.dates`), the event type whose trigger
word stands nearest to it, the sentence's actors (people, organisations,
countries, and the holders of role phrases), the place nearest the trigger and
the topics the sentence's words evoke.

Method and limits: a sentence with no time expression of its own is an event
when it has an event trigger and an actor: it takes the day of the dated event
it goes on telling (rule ``same-day-as-previous-sentence``) or else the time of
its report (rule ``report-time``: on or just before publication, just after it
when told as to come). Actors are all actors
of the sentence, not of the clause; "les deux pays" / "the two countries"
borrow the countries of the two preceding sentences; a sentence with a trigger
but no actor borrows the actors of the preceding sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from graph.event_types import (
    BIRTH,
    FALLBACK,
    HOSTILE,
    PERSONAL,
    SAYING,
    TELLING,
    UNACTED,
)
from graph.extract import dates
from graph.extract.acting import (
    is_news_outlet,
    not_acting,
    phrases_apart,
    unnamed_speaker,
    with_audience,
)
from graph.extract.actors import (
    first_role,
    role_holders,
    role_registry,
    sentence_actors,
    with_represented_countries,
)
from graph.extract.anaphora import TWO_COUNTRIES
from graph.extract.apart import (
    about_someone,
    another_happening,
    beyond_its_clause,
    parties_counted_from,
    referenced,
    shortly,
    told_apart,
)
from graph.extract.asides import asides, comments
from graph.extract.borrowing import borrowed, described_before, unnamed_agent
from graph.extract.coordinated import contrasted
from graph.extract.dating import (
    anniversary_of_a_person,
    counted_from_another,
    dates_a_told_past,
    dates_it,
    dates_what_is_told,
    describes_a_photo,
    did_not_happen,
    in_source_phrase,
    is_vague,
    since_a_state,
    trigger_told_at_another_time,
)
from graph.extract.entities import ACTOR_KINDS
from graph.extract.figures import counted_subject, dates_a_figure
from graph.extract.listed import list_item
from graph.extract.placing import nearest_place, placed_by_the_story
from graph.extract.pointed import in_a_past_narrative, time_pointed_back
from graph.extract.quotes import dates_a_present_telling, dates_only_a_quote, outside_quote
from graph.extract.storytime import in_the_story, named_by_the_eve
from graph.extract.tellers import attribution, told_around, without_tellers
from graph.extract.topics import match_topics
from graph.extract.triggers import event_name_types, event_type_near
from graph.extract.undated import (
    Happening,
    clause_tense,
    discourse_time,
    in_flashback,
    report_time,
    told_by_a_source,
    told_happening,
)
from graph.extract.untyped import untyped_happening
from graph.extract.verbs import adjectival
from graph.kb import KnowledgeBase
from graph.text import in_spans
from graph.types import (
    AnalysedSentence,
    Article,
    EntityMention,
    EventMention,
    TimeExpression,
)

# sentences before an event's own that anaphora may point into ("les deux pays"
# looks two back; "l'organisation" as far as this, since an article names an
# organisation once in full and then by its common noun)
_CONTEXT_SENTENCES = 6
_SAME_DAY_RULE = "same-day-as-previous-sentence"


def _role_people(
    sentence: AnalysedSentence,
    kb: KnowledgeBase,
    registry: dict[tuple[str, str], str],
    article_role: str | None,
) -> Callable[[date], set[str]]:
    """Who the sentence's role phrases name on a given day ("le ministre norvégien")."""

    def on(day: date) -> set[str]:
        return {
            person for person, _ in role_holders(sentence.roles, day, kb, registry, article_role)
        }

    return on


def extract_events(
    article: Article,
    sentences: Sequence[AnalysedSentence],
    *,
    kb: KnowledgeBase,
    year: int | None = None,
) -> list[EventMention]:
    """Dated event mentions of one article, in text order.

    Args:
        article: the article (its ``published`` date anchors relative dates; the
            day of a post it embeds, those of the post's words).
        sentences: its analysed sentences.
        kb: the knowledge base (event-type triggers, role holders).
        year: for an article without a publication date, the year it is known
            to be from (days written without a year take it).

    Returns:
        One mention per distinct (sentence, interval); identical repeated
        sentences (photo captions shown twice) yield one mention.
    """
    language = article.language or "fr"
    posted = dict(article.posts)  # an embedded post tells of the day it was posted
    article_role = first_role(sentences)
    registry = role_registry(sentences, article_role)
    seen: set[tuple[str, date, date]] = set()
    events: list[EventMention] = []
    day_before: TimeExpression | None = None  # the previous sentence's event day
    captions = {s.paragraph for s in sentences if describes_a_photo(s.text, language)}
    named = event_name_types(sentences, kb, language)
    for i, sentence in enumerate(sentences):
        anchor = posted.get(sentence.paragraph, article.published)
        times = dates.find_time_expressions(
            sentence.text, language=language, anchor=anchor, year=year,
            anchor_kind="post" if sentence.paragraph in posted else "publication",
        )  # fmt: skip
        counted = [t for t in times if counted_subject(sentence, t)]
        if counted and len(counted) == len(times):
            continue  # a statistic: "Some 148,000 migrants crossed the border in 2023"
        times = [in_the_story(t, sentence, events, anchor, kb, language) for t in times
                 if t not in counted and dates_it(sentence, t, language)]  # fmt: skip
        times += shortly(sentence.text, times, kb, language)
        # "this year" dates nothing: the sentence is as undated as without it
        times = [t for t in times if not is_vague(t, anchor)
                 and not dates_what_is_told(sentence, t, kb, article)
                 and not dates_only_a_quote(sentence.text, t, kb, language)
                 and not dates_a_present_telling(sentence, t, kb, language)
                 and not since_a_state(sentence, t, kb, language)
                 and not about_someone(sentence, t, kb, language)]  # fmt: skip
        if not times and day_before is not None:
            times = _same_day(sentence, day_before, kb, language, anchor)
        happening: Happening | None = None
        # a time inside the phrase of a happening the sentence speaks of ("condemned
        # the March 3 bombing") is that happening's: the sentence's own has none
        spoken = {t.start: p for t in times if (p := referenced(sentence, t, times, kb, language))}
        undated = len(spoken) == len(times)
        told = told_happening(sentence, kb, language, apart=[*spoken.values()]) if undated else None
        listed = None if times or told else list_item(sentence, sentences[i - 1 : i], events,
                                                      kb, language)  # fmt: skip
        if listed is not None:
            events += listed
            continue
        when = None
        if told is not None:
            happening, tense = told
            people = _role_people(sentence, kb, registry, article_role)
            when = time_pointed_back(sentence, (happening[2], tense), events, anchor, language)
            when = when or discourse_time(
                sentence, tense, events, sentences, kb, language, anchor, people, happening[0]
            )
            when = when or in_a_past_narrative(sentence, (happening[0], tense), events, anchor,
                                               language)  # fmt: skip
            when = when or report_time(tense, anchor, year)
            times = [*times, when] if when is not None else times
        day_before = None
        for time in times:
            if counted_from_another(time, times):
                continue
            signature = (sentence.text.strip(), time.begin, time.last)
            if signature in seen:
                continue
            seen.add(signature)
            previous = sentences[max(0, i - _CONTEXT_SENTENCES) : i]
            roles = (registry, article_role)
            others = tuple(t for t in times if t is not time and t.end > t.start)
            mention = _event(article, sentence, time, previous, roles, kb,
                             happening if time is when else None, others,
                             events[-_CONTEXT_SENTENCES:])  # fmt: skip
            if mention is not None and mention.trigger is None and sentence.paragraph in captions:
                continue  # "X (R) shakes hands with Y … (Xinhua/Du Yu)": a picture, no event
            if mention is not None:
                mention = untyped_happening(mention, sentence, time, named, language)
                if mention is None:
                    continue
                events.append(mention)
                if (time.granularity == "day" and time.rule != _SAME_DAY_RULE
                        and time.start not in spoken):  # fmt: skip
                    day_before = None if in_flashback(sentence, time) else time
    return placed_by_the_story(events)


def _same_day(
    sentence: AnalysedSentence,
    day: TimeExpression,
    kb: KnowledgeBase,
    language: str,
    published: date | None,
) -> list[TimeExpression]:
    """An undated sentence right after a dated event that goes on telling it:
    an event word and two actors of its own ("Il a ensuite rencontré Edvard
    Lindqvist et Marion Castellan au port") take the previous sentence's day,
    with that day's words and this rule in the audit trail; never a day
    still to come for a sentence in the past ("The truce takes effect on
    Sunday. The ministers signed the agreement in Geneva"), nor for one told
    only in the present (a state: "conflicts are raging in the south")."""
    _, trigger, at = event_type_near(sentence.text, day, kb, language)
    actors = {m.key for m in sentence.mentions if m.kind in ACTOR_KINDS}
    if trigger is None or len(actors) + len(sentence.roles) < 2:
        return []
    if dates.is_future_tense(sentence.text, language=language, span=(0, len(sentence.text))):
        return []
    if clause_tense(sentence, at, at + len(trigger), language) == "present":
        return []  # "several conflicts are raging in the south": a state, not more of that day
    if published is not None and day.begin > published:
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
    happening: Happening | None = None,
    others: tuple[TimeExpression, ...] = (),
    earlier: Sequence[EventMention] = (),
) -> EventMention | None:
    """The event mention of ``sentence`` at ``time``: its type (the trigger
    nearest the date, or the ``happening`` an undated sentence tells), actors
    and place; None without an actor. ``others`` are the sentence's other
    dates: the happenings they date apart are theirs (:mod:`graph.extract.apart`)."""
    language = article.language or "fr"
    apart = told_apart(sentence.text, time, others, kb, language)
    # a comment on the happening ("…, soulignant leur entente face à la crise")
    # is not the happening, unless it holds the sentence's own date (or the
    # trigger of a happening told undated)
    keep = time.start if happening is None else happening[2]
    commented = comments(sentence, language, (keep,))
    apart += another_happening(sentence.text, keep, (time, *others), kb, language)
    # a happening spoken of in a phrase of its own ("condemned the March 3 bombing"):
    # at its time, only the phrase tells it; at another, the phrase tells nothing
    phrase = referenced(sentence, time, (time, *others), kb, language)
    if phrase is not None:
        apart += [(0, phrase[0]), (phrase[1], len(sentence.text))]
        previous = ()  # nor did whoever the sentences before name
    spoken = [p for t in others if (p := referenced(sentence, t, (time, *others), kb, language))]
    apart += spoken + phrases_apart(sentence.text, language)  # "en remplacement de X", "said of X"
    apart += adjectival(sentence, language)  # "a visiting president" tells no visit
    if time.anchor_kind == "event" and (eve := named_by_the_eve(sentence.text, time, kb, language)):
        apart.append(eve[1:])  # the happening the eve is of was told before: not this one
    if happening is None:
        # a trigger in an aside or a circumstance the date is not in ("en 2018,
        # malgré les menaces de sanctions") tells no happening of that date
        aside = asides(sentence, language, time.start, when=time.start)
        aside += beyond_its_clause(sentence, time, kb, language)
        elsewhere = [*apart, *commented, *aside]
        # "In 2019, X said, the ministry had warned…": what is said has the time
        around = told_around(sentence, time.start, kb, language)
        event_type, trigger, trigger_at = event_type_near(
            sentence.text, time, kb, language, elsewhere + around.spans
        )
        if trigger is None and around.after:  # only a saying ending the sentence has a trigger
            event_type, trigger, trigger_at = event_type_near(
                sentence.text, time, kb, language, elsewhere + around.asides
            )
    else:
        event_type, trigger, trigger_at = happening
    told_past = happening is None and trigger is not None and (
        (event_type == SAYING
         and dates_a_told_past(sentence, time, (trigger, trigger_at), language))
        or (event_type in TELLING and dates_a_figure(sentence.text, time, trigger_at, language))
    )  # fmt: skip
    if told_past:
        # "X said two plants shut down on Friday": Friday is the shutdown's,
        # which no trigger types; the saying has no day of its own here
        event_type, trigger = FALLBACK, None
    if time.rule == "anniversary" and anniversary_of_a_person(sentence, time, trigger_at, trigger):
        event_type = BIRTH  # "le 68e anniversaire d'Edvard Lindqvist": his birth, 68 years before
    if (
        happening is None
        and event_type in TELLING
        and in_source_phrase(sentence.text, time, language)
    ):
        # "According to state media reports on Wednesday, four ships patrolled…"
        retold = told_by_a_source(sentence, time, kb, language, own_date=True, apart=spoken)
        return _event(article, sentence, retold[1], previous, roles, kb, retold[0], (),
                      earlier) if retold else None  # fmt: skip
    told_by = attribution(sentence, trigger_at, kb, language)
    # what did not happen, or was dated already, needs no actors read
    if trigger is not None and did_not_happen(
        sentence.text, (trigger_at, trigger_at + len(trigger)), language
    ):
        return None
    if happening is None and trigger_told_at_another_time(
        sentence, time, (event_type, trigger_at), earlier
    ):
        return None
    spans, elsewhere = not_acting(sentence, time, (event_type, trigger_at), apart + commented,
                                  kb, language, direct=happening is None)  # fmt: skip
    told = [r for r in sentence.roles if not in_spans(r.start, spans)]
    holders = role_holders(told, time.begin, kb, *roles)
    # a clause set against it (", but X…") tells another thing: X never acts in this one;
    # nor does who tells an act of war in a quote ("“It was shelled,” X says")
    apart = apart + contrasted(sentence, trigger_at, language)
    if event_type in HOSTILE:
        apart += outside_quote(sentence.text, trigger_at, language, verbal=True)
    actors = sentence_actors(sentence, holders, kb, previous, language, spans, apart)
    if not actors and phrase is not None:
        actors = parties_counted_from(sentence, phrase[0], time.begin, kb, language)
    if not actors and (described := described_before(sentence, previous, language)) is not None:
        actors = (described,)  # "L'entraîneur italien a été nommé": whom an aside called so
    actors = tuple(a for a in actors if not is_news_outlet(a, kb, language, sentence.text))
    if event_type in TELLING:
        actors = with_audience(sentence, actors, language)
    if _only_borrowed(sentence, actors) and unnamed_agent(sentence.text, trigger_at, language):
        actors = ()  # "Her death was announced by her family": not the late minister's act
    if event_type in UNACTED:
        # "died when their car was swept away near Ostrava": the when-clause says where
        nowhere = [s for s in spans + elsewhere if s not in sentence.temporal_clauses]
        return _unacted(article, sentence, time, (event_type, trigger, trigger_at), actors,
                        nowhere, kb)  # fmt: skip
    actors = without_tellers(sentence, actors, told_by, (trigger_at, language),
                             hostile=event_type in HOSTILE)  # fmt: skip
    # a sentence's own date makes it a happening even if its actor is only the
    # sentence before's; without one, only an actor of its own (or an anaphor's) does
    borrow_last = happening is None and trigger is not None and previous
    if not actors and borrow_last and not TWO_COUNTRIES.search(sentence.text):
        # an unresolved "the two navies" must not fall back on whoever came last
        lent = borrowed(sentence, (event_type, trigger_at), previous, earlier, language,
                        told_by.spans)  # fmt: skip
        actors = tuple(a for a in lent if not is_news_outlet(a, kb, language))  # a teller before
    if (
        event_type == SAYING
        and trigger is not None
        and unnamed_speaker(sentence, actors, trigger_at, language)
    ):
        actors = ()  # "He noted that X might…", "Officials said X…": X did not speak
    if not actors and event_type == SAYING and (happening is None or happening[0] == SAYING):
        retold = told_by_a_source(sentence, time, kb, language, own_date=happening is None,
                                   apart=spoken)  # fmt: skip
        return _event(article, sentence, retold[1], previous, roles, kb, retold[0], (),
                      earlier) if retold else None  # fmt: skip
    if event_type in PERSONAL and any(a.kind == "person" for a in actors):
        actors = tuple(a for a in actors if a.kind == "person")  # who was born, not where
    if not actors:
        return None
    actors = with_represented_countries(actors, time.begin, kb)
    place = nearest_place(sentence, trigger_at, elsewhere)
    return _mention(article, sentence, time, (event_type, trigger), actors, place)


def _only_borrowed(sentence: AnalysedSentence, actors: Sequence[EntityMention]) -> bool:
    """Whether none of the actors is named in the sentence itself."""
    return not {m.key for m in sentence.mentions} & {a.key for a in actors}


def _unacted(
    article: Article,
    sentence: AnalysedSentence,
    time: TimeExpression,
    happening: tuple[str, str | None, int],
    actors: tuple[EntityMention, ...],
    not_here: Sequence[tuple[int, int]],
    kb: KnowledgeBase,
) -> EventMention | None:
    """What happens to a place or is done by a crowd no name gives (an
    earthquake, a crash, a protest): an event without an actor, but never
    without a place or a person or organisation acting. A country it names is
    where it happened ("An earthquake struck Norway"), not who acted. Nobody
    is borrowed from the sentences before: a flood is no act of the minister
    quoted above it. ``not_here``: the spans whose names are not where it happened."""
    event_type, trigger, trigger_at = happening
    language = article.language or "fr"
    # a country named by its name, not by a nationality ("le Norvégien" is a person)
    named = frozenset(m.key for m in sentence.mentions if m.kind == "country"
                      and m.text.lower() not in kb.demonyms.get(language, {}))  # fmt: skip
    place = nearest_place(sentence, trigger_at, not_here) or nearest_place(
        replace(sentence, locative=named), trigger_at, not_here
    )
    acting = tuple(a for a in actors if a.kind != "country")
    if place is None and not acting:
        return None
    return _mention(article, sentence, time, (event_type, trigger), acting, place)


def _mention(
    article: Article,
    sentence: AnalysedSentence,
    time: TimeExpression,
    told: tuple[str, str | None],
    actors: tuple[EntityMention, ...],
    place: EntityMention | None,
) -> EventMention:
    """The event mention of ``sentence`` at ``time``: ``told`` is its type and trigger."""
    event_type, trigger = told
    return EventMention(
        article=article.source,
        sentence=sentence.text.strip(),
        sentence_index=sentence.index,
        time=time,
        event_type=event_type,
        trigger=trigger,
        actors=actors,
        place=place,
        topics=match_topics(sentence.text, article.language or "fr"),
    )
