"""Names found by the knowledge base and by the model, and the rules that repair
the model's: what it must not keep, speakers, coordinated names, hyphenated
words, possessive institutions; across the article, repeated names, acronyms
and lone surnames.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Final

from spacy.tokens import Doc, Span

from graph.event_types import SAYING
from graph.extract.entities.common import (
    _AROUND_NAMES,
    _HYPHENS,
    _NER_KINDS,
    ACTOR_KINDS,
    _glued_hyphen,
    entity_key,
)
from graph.extract.entities.eventnames import (
    EVENT_NAME_LABEL,
    _named_by_event_noun,
    _names_event,
    _one_word_triggers,
)
from graph.extract.entities.inside import (
    _GENERIC_INSTITUTION_WORDS,
    _POSSESSIVES,
    _before_a_name,
    _closes_a_name,
    _ends_a_name,
    _folded_words,
    _in_compound,
    _inside_a_name,
    _inside_a_written_name,
    _names_a_namesake,
    _names_a_person,
    _opens_a_contest,
    _opens_a_name,
)
from graph.extract.entities.matchers import _Matchers
from graph.extract.entities.places import (
    _institution,
    _locative_word_before,
    _with_an_article,
    toponym,
)
from graph.extract.entities.things import _name_end
from graph.kb import KnowledgeBase
from graph.languages import BY_CODE
from graph.text import fold, is_owned_name, owned_name
from graph.types import AnalysedSentence, EntityMention

_POSSESSIVE: Final = re.compile(r"\s*['’]s\s+")
_COORDINATORS: Final = frozenset({"et", "and"})
_COORDINATED_KINDS: Final = frozenset({"PER", "PERSON", "ORG"})
_NAME_WORDS_BEFORE: Final = 3  # "Edvard Lindqvist and …": longer runs are titles or bodies
_CLOSING_PUNCTUATION: Final = frozenset({":", ";", ",", "."})
_DETERMINERS = re.compile(r"^(?:la|le|les|l'|l’|the)\s+", re.IGNORECASE)
_MAX_NER_TOKENS = 6


def _kb_spans(doc: Doc, m: _Matchers) -> list[Span]:
    found = [(k, s, e) for k, s, e in m.names(doc)]
    names = {i for _, s, e in found for i in range(s, e)}
    spans = [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in found
             if not _in_compound(doc, s, e, names) and not _ends_a_name(doc, s, e)
             and not (_a_place(m.kb, doc.vocab.strings[k])
                      and (_opens_a_name(doc, s, e) or _closes_a_name(doc, s, names)))
             and not _names_a_namesake(doc, e)
             and not _opens_a_contest(doc, e)]  # fmt: skip
    for matcher in (m.demonyms_exact, m.demonyms_lower):
        spans += [
            Span(doc, s, e, label="demonym:" + doc.vocab.strings[k])
            for k, s, e in matcher(doc)
            if not _inside_a_name(doc, s, e)
            and not _opens_a_contest(doc, e)
            and not _names_a_person(doc, s, e)
        ]
    return spans


def _a_place(kb: KnowledgeBase, key: str) -> bool:
    known = kb.entities.get(key)
    return known is not None and known.kind in ("country", "place")


def _name_shaped(span: Span, text: str) -> bool:
    """Capitalised, a few tokens long, with more than one letter (not "L’")."""
    return (
        text[:1].isupper() and len(span) <= _MAX_NER_TOKENS and sum(c.isalpha() for c in text) > 1
    )


# "at 10:19 a.m. local time (0119 GMT)": models read a time zone as an organisation
_TIME_ZONES: Final = frozenset(
    {"GMT", "UTC", "CET", "CEST", "EET", "EEST", "WET", "BST", "MSK", "JST", "KST", "IST",
     "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AEST", "AEDT", "HNE", "HAE"}
)  # fmt: skip


def _keep_ner(span: Span, common: frozenset[str]) -> bool:
    text = span.text.strip()
    return (
        _name_shaped(span, text)
        # A lone capitalised word the article also writes in lower case is a
        # common noun at a sentence start or in a heading ("État", "Western").
        and not (len(span) == 1 and fold(text) in common)
        and not any(c.isdigit() for c in text)
        and span.label_ in _NER_KINDS
        and not _common_phrase(span, common)
        and (_has_proper_noun(span) or _institution(span, span.doc.lang_))
        and not _generic_institution(span)
        and not _title_only(span)
        and text.upper() not in _TIME_ZONES
        and not _quoted_title(span)
        and not _a_month(span)
    )


def _a_month(span: Span) -> bool:
    """Whether the model took a month for a name: one word the language names a
    month with, after a lower-case word or before a number ("tumbling in May",
    "the May report", "May 5"); opening a clause, it may be someone ("May said")."""
    doc = span.doc
    if len(span) != 1 or doc.lang_ not in BY_CODE:
        return False
    if fold(span.text) not in BY_CODE[doc.lang_].dates.months:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and before.is_lower) or (after is not None and after.like_num)


_OPENING_QUOTES = frozenset('"«“‘')
_CLOSING_QUOTES = frozenset('"»”’')


def _quoted_title(span: Span) -> bool:
    """A name the model reads as a person but written alone between quotes
    ("Aurora", « Le Grand Large ») is the title of a work, not someone: people are
    named, not quoted. A ship or a probe so quoted is found by its noun."""
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    person = _NER_KINDS.get(span.label_) == "person"
    return person and before[-1:] in _OPENING_QUOTES and after[:1] in _CLOSING_QUOTES


def _has_proper_noun(span: Span) -> bool:
    """Whether the tagger reads a word of the span as a proper noun: a span of
    common nouns and adjectives ("Alliance militaire", "Les Occidentaux",
    "The Substance") is a phrase the model took for a name, unless an
    institution noun heads it ("Assemblée nationale"). Where the model tags no
    part of speech at all, every span passes."""
    tags = {token.pos_ for token in span}
    return "PROPN" in tags or not tags - {""}


def _generic_institution(span: Span) -> bool:
    """A lone institution noun ("the Committee", "le Conseil") names no one by
    itself: which committee is told by the full name the article gave before."""
    words = [t for t in span if t.is_alpha]
    return len(words) == 1 and fold(words[0].text) in _folded_words(
        span.doc.lang_, "institution_heads"
    )


def _title_only(span: Span) -> bool:
    """A name of title words alone ("State" in "Secretary of State", "Defense")
    is a role or a part of one: who holds it is told by the name beside it."""
    titles = _folded_words(span.doc.lang_, "title_words")
    words = [fold(t.text) for t in span if t.is_alpha]
    return bool(words) and all(w in titles for w in words)


def _common_phrase(span: Span, common: frozenset[str]) -> bool:
    """A capitalised common noun and its lower-case modifiers opening a sentence
    or a heading ("Conseil municipal"), when the article also writes the noun in
    lower case; after an article the capital is the writer's ("L'Agence spatiale
    valdorienne … l'agence": a name)."""
    return (
        len(span) > 1
        and span.start == span.sent.start
        and fold(span[0].text) in common
        and all(token.is_lower or not token.is_alpha for token in span[1:])
    )


@lru_cache(maxsize=8)
def _saying_words(kb: KnowledgeBase, language: str) -> tuple[str, ...]:
    """One-word stems of verbs of saying ("déclar", "said"): the triggers of statements."""
    return tuple(_one_word_triggers(kb, language, frozenset({SAYING})))


def _acronym_and_name(span: Span) -> list[Span]:
    """ "Le défenseur du PSG Illia Zabarnyi", "l'attaquant de l'OM Karim Belhadj":
    the model glues a club or body written as an acronym to the person after it;
    an acronym then a first and last name are an organisation and a person."""
    head, rest = span[0], span[1:]
    if not (
        2 <= len(head.text) <= 5
        and head.is_alpha
        and head.is_upper
        and 2 <= len(rest) <= 3
        and all(t.is_alpha and t.is_title for t in rest)
    ):
        return [span]
    return [
        Span(span.doc, span.start, span.start + 1, label="ORG"),
        Span(span.doc, rest.start, rest.end, label="PER"),
    ]


def _speaker(span: Span, saying: tuple[str, ...]) -> Span:
    """A first and last name the model left as miscellany, right after a verb of
    saying and before a comma or the sentence end ("…, a déclaré Paulin
    Marchetti, commandant de…"), is the person speaking."""
    doc = span.doc
    if (
        span.label_ != "MISC"
        or not 2 <= len(span) <= 3
        or not all(t.is_alpha and t.is_title for t in span)
        or span.start == 0
        or not doc[span.start - 1].lower_.startswith(saying)
        or (span.end < len(doc) and doc[span.end].text not in {",", "."})
    ):
        return span
    return Span(doc, span.start, span.end, label="PER")


def _ner_span(span: Span, common: frozenset[str], nouns: tuple[str, ...]) -> Span | None:
    """The model's entity as this module labels it, or None when it is not kept."""
    if _name_shaped(span, span.text.strip(_AROUND_NAMES)) and (
        _names_event(span, nouns) or _named_by_event_noun(span, nouns)
    ):
        return Span(span.doc, span.start, span.end, label=EVENT_NAME_LABEL)
    span = toponym(_with_an_article(_addressed(_without_article(span))))
    if _NER_KINDS.get(span.label_) == "place" and _opens_a_contest(span.doc, span.end):
        return None  # "the US Open": no place of its own
    return _clean_ner(span) if _keep_ner(span, common) else None


def _without_article(span: Span) -> Span:
    """ "the Nordvik Police Association": the model takes in the lower-case
    article before a name; without it the name is judged by its own words."""
    if len(span) > 1 and span[0].is_lower and _DETERMINERS.match(span[0].text + " "):
        return Span(span.doc, span.start + 1, span.end, label=span.label_)
    return span


def _addressed(span: Span) -> Span:
    """ "Me Marion Castellan", "Dr Ingrid Solberg": a title of address before
    capitalised words names a person, whatever label the model gave the whole."""
    honorifics = _folded_words(span.doc.lang_, "honorifics")
    named = len(span) > 1 and all(t.text[:1].isupper() for t in span[1:] if t.text != ".")
    if named and _NER_KINDS.get(span.label_) != "person" and fold(span[0].text) in honorifics:
        return Span(span.doc, span.start, span.end, label="PER")
    return span


def _clean_ner(span: Span) -> Span:
    """The span without its leading article or honorific ("M. Lindqvist" is
    Lindqvist), nor a trailing elided word or possessive the model took in
    ("Finistère jusqu’" in "le Finistère jusqu’à mercredi", "the Nordvik
    Space Agency's rocket"); an acronym glued before a person's full
    name is split off before (:func:`_acronym_and_name`)."""
    start, end = span.start, span.end
    honorifics = _folded_words(span.doc.lang_, "honorifics")
    while end - start > 1 and (
        _DETERMINERS.match(span.doc[start].text + " ") or fold(span.doc[start].text) in honorifics
    ):
        start += 1
        if end - start > 1 and span.doc[start].text == ".":  # "Mr" "." as two tokens
            start += 1
    while end - start > 1 and (
        span.doc[end - 1].text in _POSSESSIVES
        or (span.doc[end - 1].text[-1:] in "'’" and span.doc[end - 1].is_lower)
        or span.doc[end - 1].text in _CLOSING_PUNCTUATION  # "Real Madrid:" before a colon
    ):
        end -= 1
    return Span(span.doc, start, _hyphen_chain_end(span.doc, end), label=span.label_)


def _hyphen_chain_end(doc: Doc, end: int) -> int:
    """Where a name goes on through hyphens the tokenizer split ("Mar-a-Lago",
    "Stratford-upon-Avon"): a chain of words with no space around its hyphens,
    a lower-case joint among them and a capitalised last word; else ``end``
    ("Russia-Ukraine" names two countries, "Trump-backed" a backing)."""
    i, joint = end, False
    while (
        i + 1 < len(doc)
        and doc[i].text in _HYPHENS
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_alpha
    ):
        joint = joint or doc[i + 1].is_lower
        i += 2
    return i if joint and doc[i - 1].is_title else end


def _coordinated_names(
    doc: Doc, ner_spans: list[Span], taken: set[int], common: frozenset[str] = frozenset()
) -> list[Span]:
    """ "les syndicats CGT-Cheminots et SUD-Rail", "Marchetti and Castellan": a
    capitalised name joined by "et"/"and" to a person or organisation the model
    found, and found by nothing itself, is one of the same kind (the model often
    tags one of the two); before it, proper nouns the article never writes in
    lower case (``common``) and no title ("Edvard Lindqvist and Marion Castellan
    signed", the first name at a sentence's start, where every word is capitalised)."""
    found = []
    for span in ner_spans:
        if span.label_ not in _COORDINATED_KINDS:
            continue
        if (before := _name_before(doc, span.start - 1, taken, common)) is not None:
            found.append(Span(doc, before, span.start - 1, label=span.label_))
        start = span.end + 1
        if start >= len(doc) or doc[span.end].lower_ not in _COORDINATORS:
            continue
        end = _coordinated_end(doc, start) if not doc[start].is_sent_start else start
        if end > start and not taken & set(range(start, end)):
            found.append(Span(doc, start, end, label=span.label_))
    return found


def _name_before(doc: Doc, joined: int, taken: set[int], common: frozenset[str]) -> int | None:
    """Where the name of proper nouns ending right before ``doc[joined]``, an
    "and"/"et", starts: two or three proper nouns found by nothing, not a
    title nor the tail of a longer name; None when there is none."""
    if joined < 1 or doc[joined].lower_ not in _COORDINATORS:
        return None

    def proper(i: int) -> bool:
        token = doc[i]
        return (i not in taken and token.pos_ == "PROPN" and token.text[:1].isupper()
                and fold(token.text) not in common)  # fmt: skip

    start = joined
    while start > 0 and proper(start - 1):
        start -= 1
    titles = _before_a_name(doc.lang_)
    while start < joined and fold(doc[start].text) in titles:
        start += 1
    return start if 2 <= joined - start <= _NAME_WORDS_BEFORE else None


def _coordinated_end(doc: Doc, start: int) -> int:
    """The end of the name at ``start``: :func:`_name_end`, across hyphens inside a
    word ("SUD-Rail"); ``start`` for a lone letter ("and I", "et A.")."""
    end = _name_end(doc, start)
    while _glued_hyphen(doc, end, _HYPHENS) and doc[end + 1].text[:1].isalnum():
        end = _name_end(doc, end + 1) if doc[end + 1].text[:1].isupper() else end + 2
    return end if len(doc[start].text) > 1 else start


def _owned_institutions(mentions: list[EntityMention], text: str) -> list[EntityMention]:
    """ "Russia's Defence Ministry", "Nordvik's Supreme Court": a name made only
    of generic institution words, after a possessive of another name, is that
    owner's ("Defence Ministry (Russia)"); Russia's and China's ministries must
    not become one node. A name of its own ("Russia's Gazprom") stays as it is."""
    owned = []
    for i, m in enumerate(mentions):
        owner = mentions[i - 1] if i else None
        if (
            owner is not None
            and m.kind == "organization"
            and _POSSESSIVE.fullmatch(text[owner.end : m.start])
            and all(w in _GENERIC_INSTITUTION_WORDS for w in re.findall(r"\w+", m.text.lower()))
        ):
            label = owned_name(m.label, owner.label)
            m = replace(m, key=entity_key("organization", label), label=label)
        owned.append(m)
    return owned


def _repeat_names(sentences: list[AnalysedSentence], language: str) -> list[AnalysedSentence]:
    """A name the model tagged in one sentence is that entity where it left the
    same words untagged in another ("Nordvik's minister" tagged, "Nordvik and
    Brest signed…" missed): small models are not consistent across sentences."""
    names: dict[str, EntityMention] = {}
    for m in (m for s in sentences for m in s.mentions):
        # "Norway's Ministry of Foreign Affairs" is no other sentence's ministry:
        # its owner, not its words, told it apart
        owned = is_owned_name(m.label, m.text)
        if m.kind in ACTOR_KINDS | {"place"} and m.role is None and len(m.text) > 2 and not owned:
            names.setdefault(m.text, m)
    names.update(_surnames(sentences, names))
    if not names:
        return sentences
    alternatives = "|".join(map(re.escape, sorted(names, key=lambda n: (-len(n), n))))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return [_with_repeated_names(s, pattern, names, language) for s in sentences]


def _surnames(
    sentences: list[AnalysedSentence], names: dict[str, EntityMention]
) -> dict[str, EntityMention]:
    """The last names of the article's people named in full, each of one person
    only and no name of its own: "Lindqvist" alone, later, is Edvard Lindqvist."""
    people = _people_by_word((m for s in sentences for m in s.mentions), -1)
    return {last: person for last, (person, keys) in people.items() if len(keys) == 1
            and last not in names and last.istitle() and len(last) > 2}  # fmt: skip


def _people_by_word(
    mentions: Iterable[EntityMention], at: int
) -> dict[str, tuple[EntityMention, set[str]]]:
    """For the first (``at`` 0) or last (-1) word of each name of a person named
    in full: the first person so named and the keys of all of them."""
    found: dict[str, tuple[EntityMention, set[str]]] = {}
    for m in mentions:
        words = m.text.split()
        if m.kind == "person" and len(words) > 1:
            found.setdefault(words[at], (m, set()))[1].add(m.key)
    return found


def _free_hits(
    text: str, pattern: re.Pattern[str], mentions: Iterable[EntityMention]
) -> list[re.Match[str]]:
    """The matches of ``pattern`` in ``text`` that overlap none of ``mentions``."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    return [hit for hit in pattern.finditer(text) if not taken & set(range(*hit.span()))]


def _with_repeated_names(
    s: AnalysedSentence, pattern: re.Pattern[str], names: dict[str, EntityMention], language: str
) -> AnalysedSentence:
    found = [replace(names[hit[0]], text=hit[0], start=hit.start(), end=hit.end())
             for hit in _free_hits(s.text, pattern, s.mentions)
             if not _inside_a_written_name(s.text, hit.start(), hit.end())]  # fmt: skip
    if not found:
        return s
    locative = {m.key for m in found if _locative_word_before(s.text, m.start, language)}
    mentions = tuple(sorted((*s.mentions, *found), key=lambda m: m.start))
    return replace(s, mentions=mentions, locative=s.locative | locative)


def _link_surnames(mentions: list[EntityMention]) -> list[EntityMention]:
    """Point a lone surname at the full name used elsewhere in the same article.
    The surname is the last part of the name (the first person so named, when
    two share it), or the first part where the family name comes first ("Wen"
    for "Wen Haolin") when one person alone has it."""
    full = {last: person for last, (person, _) in _people_by_word(mentions, -1).items()}
    for first, (person, keys) in _people_by_word(mentions, 0).items():
        if len(keys) == 1:
            full.setdefault(first, person)
    linked = []
    for m in mentions:
        # the model may take a lone surname for an organisation ("Marchetti said")
        lone = m.kind in {"person", "organization"} and " " not in m.text
        target = full.get(m.text) if lone else None
        if target is not None and target.key != m.key:
            m = EntityMention(m.text, m.start, m.end, "person", target.key, target.label, m.role)
        linked.append(m)
    return linked


def _link_article_surnames(sentences: list[AnalysedSentence]) -> list[AnalysedSentence]:
    every = [m for s in sentences for m in s.mentions]
    linked_all = _link_surnames(every)
    out, i = [], 0
    for s in sentences:
        n = len(s.mentions)
        out.append(replace(s, mentions=tuple(linked_all[i : i + n])))
        i += n
    return out
