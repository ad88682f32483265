"""Extraction of invented sentences, as the tests of the extract stage read it."""

from __future__ import annotations

from datetime import date

from graph.extract.entities import analyse
from graph.extract.events import extract_events
from graph.extract.nlp import load_model
from graph.kb import KnowledgeBase
from graph.types import AnalysedSentence, Article, EventMention


def sentences_and_events(
    body: str, language: str, published: date | None, kb: KnowledgeBase
) -> tuple[list[AnalysedSentence], list[EventMention]]:
    """The analysed sentences of ``body`` and the event mentions of an article of
    that body published on ``published`` (the date printed in its text; None:
    a page that prints none)."""
    article = Article(source=f"test-{language}.txt", body=body, language=language,
                      published=published,
                      published_how="text" if published else "unknown")  # fmt: skip
    sentences = analyse(body, language=language, nlp=load_model(language), kb=kb)
    return sentences, extract_events(article, sentences, kb=kb)


def told_in(
    body: str, language: str, published: date, kb: KnowledgeBase, index: int
) -> EventMention:
    """The one event mention of sentence ``index`` of an article of ``body``."""
    events = sentences_and_events(body, language, published, kb)[1]
    [event] = [e for e in events if e.sentence_index == index]
    return event


SUNDAY = date(2031, 11, 30)
"""The publication day of the invented articles of the reading tests (a Sunday)."""


def events_of(body: str, language: str, kb: KnowledgeBase) -> list[EventMention]:
    """The event mentions of an invented article of ``body`` published on :data:`SUNDAY`."""
    return sentences_and_events(body, language, SUNDAY, kb)[1]
