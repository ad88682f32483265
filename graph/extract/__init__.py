"""Extract: one article in, what it tells out, as one :class:`~graph.types.Extraction`.

Requires an :class:`~graph.types.Article` from ingest and the build settings.
Adds: each sentence analysed once (:func:`graph.extract.entities.analyse`:
mentions, roles, locatives), the time expressions and event mentions read from
those records (:mod:`graph.extract.events`, dates by :mod:`graph.extract.dates`),
and, for a page that prints no date, the publication date or year inferred from
its text (:mod:`graph.extract.pubdate`).

Per-article and pure given the knowledge base and the language model: the
pipeline runs it in worker processes and caches its result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from graph.config import BuildConfig
from graph.extract import pubdate
from graph.extract.dating import ends_what_goes_on
from graph.extract.topics import SPORT, dominant_subject, topic_profile, topic_vector
from graph.kb import KnowledgeBase, default_kb
from graph.languages import cue
from graph.text import LEAD_PARAGRAPHS
from graph.types import AnalysedSentence, Article, EventMention, Extraction

if TYPE_CHECKING:
    from graph.extract.nlp import Store

__all__ = ["events_in_year", "events_on_day", "extract_article", "with_publication_date"]


def with_publication_date(
    article: Article, sentences: Sequence[AnalysedSentence] | None = None
) -> Article:
    """Infer the publication date from the text when the page states none (from
    its analysed ``sentences`` when given: their verbs tell what is still to come)."""
    if article.published is not None:
        return article
    language = article.language or "fr"
    own = None if sentences is None else _own_words(article, sentences)
    inferred = pubdate.infer_publication_date(
        article.body,
        language=language,
        sentences=None if own is None else [s.text for s in own],
        to_come=None if own is None else _goes_on_until(own, language),
        lead=None if own is None else _lead(own),
    )
    if inferred is None:
        return article
    day, reason = inferred
    return replace(article, published=day, published_how="inferred", published_evidence=reason)


def _lead(sentences: Sequence[AnalysedSentence]) -> frozenset[str]:
    """The sentences of the article's headline and first paragraph, counted as
    paragraphs with a verb (a byline, a dateline or a photo's caption between
    them is part of the lead, not one of its paragraphs)."""
    prose = sorted({s.paragraph for s in sentences if s.verbs})
    last = prose[LEAD_PARAGRAPHS - 1] if len(prose) >= LEAD_PARAGRAPHS else None
    return frozenset(s.text for s in sentences if last is None or s.paragraph <= last)


def extract_article(
    article: Article, config: BuildConfig, *, patterns: Store | None = None
) -> Extraction:
    """Run the extract stage on one article (entities, dates, events).

    Args:
        article: the article as ingest read it.
        config: the build settings (knowledge base, default language).
        patterns: where the language model's compiled tokenizer patterns are
            kept between processes (the build cache), if anywhere.
    """
    from graph.extract.entities import analyse  # spaCy (a second to import): only for real work
    from graph.extract.events import extract_events
    from graph.extract.nlp import load_model_reusing

    kb = default_kb(config.kb_dir)
    language = article.language or config.default_language
    nlp = load_model_reusing(language, patterns, config.model_for(language))
    sentences = analyse(article.body, language=language, nlp=nlp, kb=kb)
    article = with_publication_date(replace(article, language=language), sentences)
    mentions = tuple(m for s in sentences for m in s.mentions)
    article, year = _year_or_day(article, sentences, language)
    texts = [article.headline or "", *(s.text for s in sentences)]
    profile = topic_profile(texts, language)
    events = extract_events(article, sentences, kb=kb, year=year)
    if dominant_subject(topic_vector([profile])) == SPORT:
        events = _without_plays(events, language)
    pending = tuple(sentences) if article.published is None else ()
    own = _own_words(article, pending)
    days = pubdate.weekday_days((s.text for s in own), language=language)
    return Extraction(article, mentions, tuple(events), pending, profile, year, days)


def _without_plays(events: Sequence[EventMention], language: str) -> list[EventMention]:
    """A report on sport tells moves of play in words of war or of meeting
    ("sa frappe touche la barre", "a strike from 20 yards", "a reçu le
    ballon"): a trigger among the language's ``[cues] plays`` tells no
    happening there."""
    plays = cue("plays", language)
    return [e for e in events if plays is None or not plays.fullmatch(e.trigger or "")]


def _year_or_day(
    article: Article, sentences: Sequence[AnalysedSentence], language: str
) -> tuple[Article, int | None]:
    """For a page that states no date: the year its event names tell, and within
    it the day its bounds and reported weekday give, when they do."""
    if article.published is not None:
        return article, None
    names = (m.text for s in sentences for m in s.mentions if m.kind == "event-name")
    found = pubdate.infer_publication_year(names) or _year_of_posts(article)
    if found is None:
        return article, None
    year, reason = found
    article = _day_in_year(replace(article, published_evidence=reason), sentences, year)
    return article, (None if article.published else year)


def _day_in_year(article: Article, sentences: Sequence[AnalysedSentence], year: int) -> Article:
    """The article dated to the day its text fixes within ``year``
    (:func:`graph.extract.pubdate.infer_day_in_year`), or as it was."""
    language = article.language or "fr"
    own = _own_words(article, sentences)
    day = pubdate.infer_day_in_year(
        (s.text for s in own),
        language=language,
        year=year,
        to_come=_goes_on_until(own, language),
        posted=(day for _, day in article.posts),
    )
    if day is None:
        return article
    return replace(article, published=day[0], published_how="inferred", published_evidence=day[1])


def _own_words(article: Article, sentences: Sequence[AnalysedSentence]) -> list[AnalysedSentence]:
    """The sentences the page tells itself: not those of the posts it embeds, whose
    past and future are their own day's (a tweet of 30 August: "débuteront le 1er
    septembre")."""
    posts = {paragraph for paragraph, _ in article.posts}
    return [s for s in sentences if s.paragraph not in posts]


def _year_of_posts(article: Article) -> tuple[int, str] | None:
    """The year of the latest post a page embeds: a page is written after the posts
    it shows, and news shows the posts of its days."""
    if not article.posts:
        return None
    latest = max(day for _, day in article.posts)
    return latest.year, f"year only: the page embeds a post of {latest.isoformat()}"


def _goes_on_until(sentences: Sequence[AnalysedSentence], language: str) -> pubdate.ToCome:
    """Whether a day a sentence names ends what goes on at the report, by its verbs
    (:func:`graph.extract.dating.ends_what_goes_on`): it is still to come."""
    by_text = {s.text: s for s in sentences}
    return lambda text, start, end: ends_what_goes_on(by_text[text], start, end, language)


def events_on_day(extraction: Extraction, day: date, kb: KnowledgeBase) -> tuple[EventMention, ...]:
    """The events of a report that printed no date, read again from its analysed
    sentences (``Extraction.pending``) as if it were published on ``day``: what
    :mod:`graph.resolve.storydates` is given to try the days of its story."""
    from graph.extract.events import extract_events

    article = replace(extraction.article, published=day)
    return tuple(extract_events(article, extraction.pending, kb=kb))


def events_in_year(
    extraction: Extraction, year: int, kb: KnowledgeBase
) -> tuple[Article, tuple[EventMention, ...]]:
    """The events of a report that printed no date nor year, read again from its
    analysed sentences (``Extraction.pending``) as if it were known to be from
    ``year``, and its article, dated to the day when its bounds and reported
    weekday fix one in that year (:func:`graph.extract.pubdate.infer_day_in_year`):
    what :mod:`graph.resolve.storydates` is given to try a story's years."""
    from graph.extract.events import extract_events

    article = _day_in_year(extraction.article, extraction.pending, year)
    anchor_year = None if article.published else year
    return article, tuple(extract_events(article, extraction.pending, kb=kb, year=anchor_year))
