"""The entry point :func:`analyse`: paragraphs cut into sentences, the spans of
each doc, and the mentions they make.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.extract.entities.acronyms import _expand_acronyms
from graph.extract.entities.common import _AROUND_NAMES, _NER_KINDS, _tokens, entity_key
from graph.extract.entities.compounds import compound_countries
from graph.extract.entities.eventnames import (
    _YEAR_SUFFIX,
    EVENT_NAME_LABEL,
    _quoted_event_names,
    _repeat_event_names,
    _year_names_before_noun,
    event_nouns,
)
from graph.extract.entities.gazetteer import capital_country, gazetteer_kind, is_city
from graph.extract.entities.heads import named_further_down
from graph.extract.entities.holders import institution_and_holder
from graph.extract.entities.inside import _folded_words
from graph.extract.entities.matchers import _Matchers, _matchers
from graph.extract.entities.names import (
    _acronym_and_name,
    _coordinated_names,
    _kb_spans,
    _link_article_surnames,
    _ner_span,
    _owned_institutions,
    _repeat_names,
    _saying_words,
    _speaker,
)
from graph.extract.entities.places import (
    _OF_WORDS,
    _after_place_cue,
    _after_source_cue,
    _dateline_city,
    _institution,
    _is_dateline_credit,
    _is_locative,
    _is_rubric,
    institution_of_place,
    missed_cities,
)
from graph.extract.entities.roles import _attach_appositions, _roles, holders_in_apposition
from graph.extract.entities.things import THING_LABEL, _named_things, thing_name
from graph.extract.entities.unknown import _unknown_people, with_first_name
from graph.extract.verbs import relative_clauses_of, verbs_of, with_clauses
from graph.kb import KnowledgeBase, KnownEntity
from graph.languages import BY_CODE
from graph.text import fold, paragraphs, slug
from graph.types import AnalysedSentence, EntityMention

_MAX_PARAGRAPH = 10_000  # characters given to the model at once
_WORD = re.compile(r"[^\W\d_]+")


def analyse(
    body: str, *, language: str, nlp: Language, kb: KnowledgeBase
) -> list[AnalysedSentence]:
    """Split ``body`` into sentences and find entity mentions and role phrases in each.

    Args:
        body: the article's clean text.
        language: ISO 639-1 code of the article ("fr", "en").
        nlp: a spaCy pipeline with NER, part-of-speech tags and sentence boundaries.
        kb: the knowledge base.

    Returns:
        The sentences in text order, each with its mentions sorted by offset.
    """
    matchers = _matchers(nlp, kb, language)
    lines = paragraphs(body)
    pieces = [(number, piece) for number, line in enumerate(lines) for piece in _bounded(line)]
    sentences: list[AnalysedSentence] = []
    # One doc per paragraph: a line break always ends a sentence in saved pages
    # (headings, captions), which the statistical splitter does not know.
    common = frozenset(map(fold, {w for w in _WORD.findall(body) if w.islower()}))
    for number, doc in zip((n for n, _ in pieces), nlp.pipe(p for _, p in pieces), strict=True):
        doc.user_data["storygraph_common"] = common
        for sent in doc.sents:
            if sent.text.strip():
                analysed = _analyse_sentence(len(sentences), sent, matchers, kb, language)
                verbs = verbs_of(sent, language)
                relatives = relative_clauses_of(sent, verbs, language)
                analysed = replace(analysed, verbs=verbs, paragraph=number,
                                   relative_clauses=relatives)  # fmt: skip
                sentences.append(with_clauses(analysed, language))
    named = _repeat_names(_repeat_event_names(sentences), language)
    return _link_article_surnames(named_further_down(_expand_acronyms(named), language))


def _bounded(paragraph: str, limit: int = _MAX_PARAGRAPH) -> list[str]:
    """Cut an overlong paragraph (a page saved without line breaks) into pieces.

    The model's cost and memory grow with the text given at once; cuts fall
    after a sentence end where there is one, else at a space.
    """
    pieces = []
    while len(paragraph) > limit:
        window = paragraph[:limit]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
        cut = cut + 1 if cut > limit // 2 else (window.rfind(" ") if " " in window else limit)
        cut = cut if cut > 0 else limit
        pieces.append(paragraph[:cut].strip())
        paragraph = paragraph[cut:].strip()
    return [p for p in (*pieces, paragraph) if p]


def _analyse_sentence(
    index: int, sent: Span, matchers: _Matchers, kb: KnowledgeBase, language: str
) -> AnalysedSentence:
    text = sent.text  # a Span joins its tokens' text at each reading
    spans = _doc_spans(sent.doc, matchers)
    in_sent = [s for s in spans if sent.start <= s.start and s.end <= sent.end]
    pairs = [_mention(s, sent, kb, language) for s in in_sent]
    mentions = _owned_institutions([p[0] for p in pairs], text)
    # keys as finally given: an owned institution's is not the one it was read with
    locative = frozenset(m.key for m, (_, at) in zip(mentions, pairs, strict=True) if at)
    mentions = compound_countries(text, mentions, kb, language)
    roles = _roles(text, matchers, kb, language)
    mentions = holders_in_apposition(text, roles, mentions, kb)
    roles = _attach_appositions(roles, mentions)
    return AnalysedSentence(index, text, tuple(mentions), tuple(roles), locative)


def _doc_spans(doc: Doc, matchers: _Matchers) -> list[Span]:
    cached = doc.user_data.get("storygraph_spans")
    if cached is None:
        cached = doc.user_data["storygraph_spans"] = _spans(doc, matchers)
    return list(cached)


def _spans(doc: Doc, matchers: _Matchers) -> list[Span]:
    kb_spans = filter_spans(_kb_spans(doc, matchers))
    taken = _tokens(kb_spans)
    things = _named_things(doc, matchers.language, taken)
    taken |= _tokens(things)
    common = doc.user_data.get("storygraph_common", frozenset())
    nouns = event_nouns(matchers.kb, matchers.language)
    saying = _saying_words(matchers.kb, matchers.language)
    parts = [p for e in doc.ents for w in institution_and_holder(e) for p in _acronym_and_name(w)]
    ents = [with_first_name(_speaker(part, saying), taken) for part in parts]
    ner_spans = [span for s in ents if (span := _ner_span(s, common, nouns)) is not None]
    quoted = filter_spans(_quoted_event_names(doc, nouns) + _year_names_before_noun(doc, nouns))
    in_quotes = _tokens(quoted)
    ner_spans = quoted + [s for s in ner_spans if not in_quotes & _tokens([s])]
    ner_spans = [s for s in ner_spans if not taken & _tokens([s]) and not _is_rubric(s)]
    ner_spans += _coordinated_names(doc, ner_spans, taken | _tokens(ner_spans), common)
    ner_spans += _unknown_people(doc, taken | _tokens(ner_spans), common)
    ner_spans += missed_cities(doc, taken | _tokens(ner_spans), matchers.language)
    spans = [_dateline_city(s) for s in kb_spans + things + ner_spans if not _is_dateline_credit(s)]
    spans = [institution_of_place(s, matchers.language, _a_town(s, matchers.kb)) for s in spans]
    return sorted(filter_spans(spans), key=lambda s: s.start)


def _capital_acting(span: Span, kb: KnowledgeBase) -> KnownEntity | None:
    """ "Manila accused Beijing's militia", "Caracas nationalised the industry": a
    capital the model read as a place, the subject of a verb in the active, stands
    for its country's government, as the knowledge base's capitals do. GeoNames
    says whose capital it is, the knowledge base names the country."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].pos_ != "VERB":
        return None
    country = capital_country(span.text)
    known = kb.entities.get(slug(country)) if country else None
    return known if known is not None and known.kind == "country" else None


def _city_acting(span: Span) -> bool:
    """ "Chicago imposed a curfew", "Bergen, meanwhile, cut the fares": a city
    GeoNames knows, right before a verb in the active (an aside of a few words
    between commas at most; the tagger's VERB, so not "Bergen was shelled"),
    stands for its government. (A compound tense, "Lyon a imposé", opens on
    an auxiliary and is not read so.)"""
    doc, at = span.doc, span.end
    if span.start > 0 and doc[span.start - 1].lower_ in _OF_WORDS:
        return False  # "Greg Taylor of Indianapolis said": the city qualifies a name
    if at < len(doc) and doc[at].text == ",":
        closing = next((t.i for t in doc[at + 1 : at + 1 + _ASIDE_WORDS] if t.text == ","), None)
        at = closing + 1 if closing is not None else len(doc)
    return at < len(doc) and doc[at].pos_ == "VERB" and is_city(span.text)


_ASIDE_WORDS = 4  # ", meanwhile,", ", for its part,"


def _country_mention(span: Span, start: int, end: int, country: KnownEntity) -> EntityMention:
    """A mention of ``country`` by words that stand for it: its demonym, its capital."""
    return EntityMention(span.text, start, end, "country", f"country/{country.key}", country.label)


def _aged(span: Span) -> bool:
    """Whether an age follows the name between commas ("Lindqvist, 27, had…")."""
    doc, end = span.doc, span.end
    return (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].is_digit
        and len(doc[end + 1].text) <= 2
        and doc[end + 2].text == ","
    )


def _titled(span: Span) -> bool:
    """Whether a first and last name come right after a title word ("Secretary-
    General Amara Okafor", "le porte-parole Jan Berg"), which only a person
    bears; never a city GeoNames knows ("Prime Minister's visit to Ostrava")."""
    doc = span.doc
    return (
        span.start > 0
        and fold(doc[span.start - 1].text) in _folded_words(doc.lang_, "title_words")
        and 2 <= len(span) <= 3
        and all(t.is_alpha and t.is_title for t in span)
        and not is_city(span.text)
    )


def _qualifies_a_noun(span: Span) -> bool:
    """Whether a lower-case common noun follows the span, in a language that puts
    what a noun is of before it (``attributive_country_names``): "Bergen mayor
    Ingrid Solberg", "a strike on Bergen harbour" say where; a person so named
    is followed by a verb, a comma or a possessive instead."""
    doc = span.doc
    if doc.lang_ not in BY_CODE or not BY_CODE[doc.lang_].entities.attributive_country_names:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.is_lower and after.pos_ == "NOUN"


def _a_town(span: Span, kb: KnowledgeBase) -> bool:
    """Whether the span names a place that is no country nor a capital standing
    for one: the knowledge base's, the model's, or a city GeoNames knows
    whatever the model read."""
    known = kb.entities.get(span.label_)
    if known is not None:  # "la délégation de Moscou" is Russia's: a capital stands for it
        return known.kind == "place" and not known.capital_of
    return _NER_KINDS.get(span.label_) == "place" or is_city(span.text)


def _mention(
    span: Span, sent: Span, kb: KnowledgeBase, language: str
) -> tuple[EntityMention, bool]:
    start, end = span.start_char - sent.start_char, span.end_char - sent.start_char
    locative = _is_locative(span, language)
    label = span.label_
    if label.startswith("demonym:"):
        return _country_mention(span, start, end, kb.entities[label.split(":", 1)[1]]), False
    if label in kb.entities:
        known = kb.entities[label]
        # "the Paris agreement", "Moscow residents": the city qualifies a noun
        if known.capital_of and not locative and not _qualifies_a_noun(span):
            return _country_mention(span, start, end, kb.entities[known.capital_of]), False
        return (
            EntityMention(
                span.text, start, end, known.kind, f"{known.kind}/{known.key}", known.label
            ),
            locative,
        )
    if label == EVENT_NAME_LABEL:
        name = span.text.strip(_AROUND_NAMES)
        # "Aurore-2031", "Aurore 2031" and "Aurore" name one series of exercises
        key = entity_key("event-name", _YEAR_SUFFIX.sub("", name) or name)
        return EntityMention(span.text, start, end, "event-name", key, name), False
    if label == THING_LABEL:
        name, key = span.text.strip(_AROUND_NAMES), entity_key("thing", thing_name(span))
        return EntityMention(span.text, start, end, "thing", key, name), False
    kind = _NER_KINDS[label]
    acts = span.end < len(span.doc) and span.doc[span.end].pos_ in {"VERB", "AUX"}
    if kind == "place" and not locative and (government := _capital_acting(span, kb)):
        return _country_mention(span, start, end, government), False
    kind = gazetteer_kind(span.text, kind, locative=locative, acts=acts)
    if kind == "place" and not locative and _city_acting(span):
        kind = "organization"  # "Chicago, meanwhile, imposed a curfew": its government
    elif kind in ("person", "organization") and _after_place_cue(span):
        kind = "place"
    elif kind == "place" and (_after_source_cue(span) or _institution(span, language)):
        kind = "organization"  # "according to Nordvik": who reports, not where
    elif kind == "organization" and _aged(span):
        kind = "person"  # "Lindqvist, 27, had crashed": only a person has an age
    elif kind in ("place", "organization") and _titled(span):
        kind = "person"  # "UN Secretary-General Amara Okafor welcomed…"
    elif kind in ("person", "organization") and _qualifies_a_noun(span) and is_city(span.text):
        kind = "place"  # "Bergen mayor Ingrid Solberg", "a strike on Bergen harbour"
    return EntityMention(
        span.text, start, end, kind, entity_key(kind, span.text), span.text
    ), locative
