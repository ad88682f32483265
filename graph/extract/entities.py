"""Extract stage, part 1: sentences, entity mentions and role phrases.

Requires: an ``Article`` with clean ``body`` and a ``language``; a spaCy
pipeline with ``ner`` and sentence boundaries (:func:`graph.extract.nlp.load_model`);
the knowledge base (:func:`graph.kb.default_kb`).

Adds: one :class:`AnalysedSentence` per sentence with its entity mentions
(knowledge-base matches first, then named entities the knowledge base does not
know), demonyms read as countries ("l'armée russe" -> Russia), capitals read
as governments unless used as a location ("selon Pékin" -> China, "à Pékin" ->
Beijing), and role phrases ("le ministre chinois de la Défense") with the
person they name when an apposition gives it.

Assumptions: mentions never cross sentence boundaries; a knowledge-base match
beats an overlapping NER span; NER spans that do not start with a capital
letter, contain digits or are longer than six tokens are dropped as noise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph import schema as model
from graph.extract.dates import is_calendar_word
from graph.kb import KnowledgeBase, fold, slug
from graph.types import EntityKind, EntityMention

ACTOR_KINDS: Final = frozenset(model.ACTOR_KINDS)  # mention kinds are the graph's node kinds
_NER_KINDS: dict[str, EntityKind] = {
    "PER": "person",
    "PERSON": "person",
    "ORG": "organization",
    "LOC": "place",
    "GPE": "place",
    "FAC": "place",
}
# Heads of institution names: what the model reads as a place but that opens
# with one ("Cour suprême de Nordvik", "Assemblée nationale", "Ministry of
# Defence") or, in English, ends with one ("Supreme Court") is an organisation.
_INSTITUTION_HEADS: Final = {
    "fr": frozenset({"cour", "conseil", "ministère", "parlement", "sénat", "commission",
                     "comité", "agence", "assemblée", "tribunal", "université", "banque"}),
    "en": frozenset({"court", "council", "ministry", "parliament", "senate", "commission",
                     "committee", "agency", "assembly", "tribunal", "university"}),
}  # fmt: skip
# Words of names that say what an institution is, not whose ("Defence Ministry",
# "Supreme Court", "Coast Guard"): such a name is only known with its owner.
_GENERIC_INSTITUTION_WORDS: Final = frozenset(
    {"supreme", "constitutional", "high", "federal", "national", "central", "foreign",
     "defence", "defense", "interior", "justice", "finance", "economy", "health", "trade",
     "energy", "transport", "affairs", "home", "state", "general", "security", "intelligence",
     "court", "council", "ministry", "parliament", "senate", "commission", "committee",
     "agency", "assembly", "government", "cabinet", "navy", "army", "air", "force", "forces",
     "coast", "guard", "police", "office", "department", "service", "of", "the", "and", "for"}
)  # fmt: skip
_POSSESSIVE: Final = re.compile(r"\s*['’]s\s+")
EVENT_NAME_LABEL = "storygraph:event-name"
THING_LABEL = "storygraph:thing"
# Nouns of named craft, missions, gatherings and storms. A capitalised name right after
# one is that thing's name ("la sonde Aster-3", "the vessel Polar Anchor"); in
# English it may come before a lower-case one ("the Aster-3 probe"). The model
# often misses such names or calls a ship a person: the rule is what finds them.
THING_NOUNS: Final = {
    "fr": frozenset({"mission", "sonde", "capsule", "vaisseau", "satellite", "fusée", "lanceur",
                     "rover", "atterrisseur", "navire", "frégate", "destroyer", "porte-avions",
                     "sous-marin", "brise-glace", "festival", "tournoi", "championnat", "salon",
                     "rallye", "biennale", "tempête", "ouragan", "cyclone", "typhon"}),
    "en": frozenset({"mission", "probe", "spacecraft", "capsule", "lander", "rover", "satellite",
                     "rocket", "ship", "vessel", "frigate", "destroyer", "submarine", "icebreaker",
                     "cutter", "festival", "tournament", "championship", "rally", "biennale",
                     "storm", "hurricane", "typhoon", "cyclone"}),
}  # fmt: skip
# gatherings named after their town keep the noun: "le festival de Brest"
_GATHERING_NOUNS: Final = frozenset({"festival", "tournoi", "championnat", "salon", "rallye"})
_OF: Final = frozenset({"de", "d'", "d’", "du"})
# what the model must not have found in a name before a thing noun ("the Nordvik
# ship" is a ship of a place, not one named Nordvik)
_NOT_THING_NER: Final = frozenset({"PER", "PERSON", "LOC", "GPE", "NORP", "ORG", "FAC"})
_MAX_THING_TOKENS = 4
_COORDINATORS: Final = frozenset({"et", "and"})
_COORDINATED_KINDS: Final = frozenset({"PER", "PERSON", "ORG"})
_ASCII_HYPHEN: Final = frozenset({"-"})
_HYPHENS: Final = _ASCII_HYPHEN | {"‐", "‑"}
_YEAR_SUFFIX = re.compile(r"[\s\-–]*(?:19|20)\d\d$")
_NER_EVENT_LABELS = frozenset({"MISC", "EVENT"})
# what a model may tag an exercise's name as; never people, organisations, dates
_NER_EVENT_NAME_SOURCES = _NER_EVENT_LABELS | {"LOC", "GPE", "FAC"}
# words that give a name ("manœuvres baptisées « Aurore »", "drills dubbed …")
_NAMING_WORDS = ("baptis", "dénomm", "nomm", "intitul", "surnomm",
                 "dubbed", "named", "code-named", "codenamed", "titled", "entitled",
                 "called")  # fmt: skip
# event types whose instances get proper names (exercises, summits, missions…);
# not those whose triggers are verbs of saying or meeting ("a déclaré Marion Castellan")
_NAMEABLE_TYPES = frozenset({"MilitaryExercise", "Patrol", "Summit", "Launch", "Invasion",
                             "Attack", "Agreement", "Election"})  # fmt: skip
# an adjective may sit between the event noun and the name ("exercices militaires
# Aurore"); a preposition or article may not ("attaque contre Lyon")
_NOT_BETWEEN = frozenset({"de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "contre",
                          "avec", "pour", "par", "sur", "dans", "le", "la", "les", "l'", "l’",
                          "of", "in", "on", "at", "against", "with", "for", "by", "from",
                          "to", "near", "the", "a", "an"})  # fmt: skip
_OPENING_QUOTES = frozenset({"«", "“", "‘", '"'})
_AROUND_NAMES = "«»“”‘’\"' "  # quotes and spaces a name is stripped of
_DASHES = frozenset({"-", "–", "—", "--"})
_RUBRIC_ENDS = frozenset({".", ":"})
_DATELINE_PLACE_ENDS = _DASHES | {","}
_DATELINE_TOKENS = 8  # a dateline's agency comes within the first words of a paragraph
_CLOSING_QUOTES = frozenset({"»", "”", "’", '"'})
_LOCATIVES = {
    "fr": {
        "à",
        "a",
        "au",
        "aux",
        "en",
        "dans",
        "vers",
        "depuis",
        "sur",
        "près",
        "de",
        "visité",
        "quitté",
        "rejoint",
        "gagné",
    },
    "en": {
        "in",
        "at",
        "to",
        "from",
        "near",
        "into",
        "inside",
        "across",
        "over",
        "off",
        "visited",
        "visiting",
        "visit",
        "visits",
        "toured",
        "reached",
        "left",
        "leaving",
    },
}
_DETERMINERS = re.compile(r"^(?:la|le|les|l'|l’|the)\s+", re.IGNORECASE)
_MAX_NER_TOKENS = 6
_MAX_PARAGRAPH = 10_000  # characters given to the model at once
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class RoleMention:
    """A role phrase in a sentence ("son homologue russe"), offsets in the sentence."""

    role: str
    country: str | None
    start: int
    end: int
    text: str
    person: str | None = None


@dataclass(frozen=True)
class AnalysedSentence:
    """One sentence of an article with its mentions (offsets relative to ``text``)."""

    index: int
    text: str
    mentions: tuple[EntityMention, ...]
    roles: tuple[RoleMention, ...]
    locative: frozenset[str]  # keys of mentions used as a location ("à Pékin", "en Russie")


def entity_key(kind: EntityKind, name: str) -> str:
    """Node id of an entity: ``"<kind>/<slug>"``."""
    return f"{kind}/{slug(name)}"


@dataclass(frozen=True)
class _Matchers:
    names: PhraseMatcher
    demonyms_exact: PhraseMatcher
    demonyms_lower: PhraseMatcher
    roles: re.Pattern[str]
    role_names: tuple[tuple[str, str, str], ...]  # (group name, role, pattern kind)
    role_heads: re.Pattern[str]  # cheap test: could the sentence hold a role phrase?
    kb: KnowledgeBase
    language: str


def _name_variants(alias: str) -> set[str]:
    variants = {alias}
    if alias[:1].islower():
        variants.add(alias[:1].upper() + alias[1:])
    return variants


def _role_regex(
    kb: KnowledgeBase, language: str
) -> tuple[re.Pattern[str], tuple[tuple[str, str, str], ...]]:
    demonyms = sorted(kb.demonyms[language], key=len, reverse=True)
    countries = sorted({alias for alias, _ in kb.country_name_forms()}, key=len, reverse=True)
    dem = "(?P<dem{n}>" + "|".join(map(re.escape, demonyms)) + ")"
    cty = "(?P<cty{n}>" + "|".join(map(re.escape, countries)) + ")"
    parts: list[str] = []
    names: list[tuple[str, str, str]] = []
    for role in kb.roles:
        for pattern in role.patterns.get(language, ()):
            n = len(names)
            body = (
                re.escape(pattern)
                .replace(r"\{DEM\}", dem.format(n=n))
                .replace(r"\{COUNTRY\}", cty.format(n=n))
            )
            parts.append(f"(?P<r{n}>{body})")
            names.append((f"r{n}", role.role, str(n)))
    regex = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
    return regex, tuple(names)


@lru_cache(maxsize=8)
def _matchers(nlp: Language, kb: KnowledgeBase, language: str) -> _Matchers:
    names = PhraseMatcher(nlp.vocab, attr="ORTH")
    for alias, key in sorted(kb.surface_forms.items()):
        names.add(key, [nlp.make_doc(v) for v in sorted(_name_variants(alias))])
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    for form, key in sorted(kb.demonyms[language].items()):
        # English demonyms are always capitalised; French ones are lower-case
        # adjectives or capitalised nouns ("les Russes"), so match them caselessly.
        (exact if language == "en" else lower).add(key, [nlp.make_doc(form)])
    roles, role_names = _role_regex(kb, language)
    heads = _role_heads(kb, language)
    return _Matchers(names, exact, lower, roles, role_names, heads, kb, language)


def _role_heads(kb: KnowledgeBase, language: str) -> re.Pattern[str]:
    words = {
        word
        for role in kb.roles
        for pattern in role.patterns.get(language, ())
        for word in re.findall(r"[^\W\d_]{4,}", re.sub(r"\{[A-Z]+\}", " ", pattern))
    }
    return re.compile("|".join(sorted(map(re.escape, words))) or "(?!)", re.IGNORECASE)


def _glued_hyphen(doc: Doc, i: int, hyphens: frozenset[str] = _ASCII_HYPHEN) -> bool:
    """Whether token ``i`` is a hyphen joining the words on either side of it
    with no space: one word the tokenizer split ("Météo-France", "brise-glace")."""
    return (
        1 <= i < len(doc) - 1
        and doc[i].text in hyphens
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


def _in_compound(doc: Doc, start: int, end: int, names: set[int]) -> bool:
    """Whether ``doc[start:end]`` is glued by a hyphen to a word that is no
    known name ("Météo-France", "Île-de-France"): part of another name, not the
    country; "Chine-Russie" names two."""
    before = _glued_hyphen(doc, start - 1) and start - 2 not in names
    after = _glued_hyphen(doc, end) and end + 1 not in names
    return before or after


def _kb_spans(doc: Doc, m: _Matchers) -> list[Span]:
    found = [(k, s, e) for k, s, e in m.names(doc)]
    names = {i for _, s, e in found for i in range(s, e)}
    spans = [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in found
             if not _in_compound(doc, s, e, names)]  # fmt: skip
    for matcher in (m.demonyms_exact, m.demonyms_lower):
        spans += [
            Span(doc, s, e, label="demonym:" + doc.vocab.strings[k]) for k, s, e in matcher(doc)
        ]
    return spans


def _name_shaped(span: Span, text: str) -> bool:
    """Capitalised, a few tokens long, with more than one letter (not "L’")."""
    return (
        text[:1].isupper() and len(span) <= _MAX_NER_TOKENS and sum(c.isalpha() for c in text) > 1
    )


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
    )


def _common_phrase(span: Span, common: frozenset[str]) -> bool:
    """A capitalised common noun and its lower-case modifiers at a sentence
    start ("Conseil municipal"), when the article also writes the noun in lower case."""
    return (
        len(span) > 1
        and fold(span[0].text) in common
        and all(token.is_lower or not token.is_alpha for token in span[1:])
    )


def _one_word_triggers(kb: KnowledgeBase, language: str, types: frozenset[str]) -> list[str]:
    """The one-word trigger stems of these event types, lower case, sorted."""
    return sorted({t.lower().rstrip("$") for e in kb.event_types if e.name in types
                   for t in e.triggers.get(language, ()) if " " not in t})  # fmt: skip


@lru_cache(maxsize=8)
def event_nouns(kb: KnowledgeBase, language: str) -> tuple[str, ...]:
    """One-word trigger stems of nameable event types ("exercice", "sommet", "drill")."""
    return tuple(t for t in _one_word_triggers(kb, language, _NAMEABLE_TYPES) if len(t) >= 4)


def _before_quotes(span: Span) -> int:
    """The index of the token before ``span`` and its opening quotes (-1 at the start)."""
    doc, before = span.doc, span.start - 1
    while before >= 0 and (doc[before].is_quote or doc[before].text in _OPENING_QUOTES):
        before -= 1
    return before


def _names_event(span: Span, nouns: tuple[str, ...]) -> bool:
    """A name given to an exercise, operation or summit.

    Right after an event noun or a naming word ("l'exercice « Aurore »", "les
    exercices militaires Aurore", "manœuvres baptisées « Aurore-2031 »",
    "Operation X"), or, for a name the model tags as an event or miscellany,
    right before an event noun ("the Northern Shield-2031 drills"). A place before an
    event noun stays a place ("the Cape Farewell patrol").
    """
    if span.label_ not in _NER_EVENT_NAME_SOURCES:
        return False
    doc = span.doc
    before = _before_quotes(span)
    cues = (*nouns, *_NAMING_WORDS)
    if before >= 0 and doc[before].lower_.startswith(cues):
        return True
    if (
        before >= 1
        and doc[before].is_lower
        and doc[before].lower_ not in _NOT_BETWEEN
        and doc[before - 1].lower_.startswith(nouns)
    ):
        return True
    after = span.end
    while after < len(doc) and (doc[after].is_quote or doc[after].text in _CLOSING_QUOTES):
        after += 1
    return (
        span.label_ in _NER_EVENT_LABELS
        and after < len(doc)
        and doc[after].lower_.startswith(nouns)
    )


def _named_by_event_noun(span: Span, nouns: tuple[str, ...]) -> bool:
    """Any name, whatever the model took it for, right after a naming word that
    follows an event noun ("exercises, titled Polar Anchor-2031", "manœuvres
    baptisées Aurore"); not after a naming word alone ("a start-up named X")."""
    doc = span.doc
    before = _before_quotes(span)
    if before < 1 or not doc[before].lower_.startswith(_NAMING_WORDS):
        return False
    return any(t.lower_.startswith(nouns) for t in doc[max(0, before - 3) : before])


def _quoted_event_names(doc: Doc, nouns: tuple[str, ...]) -> list[Span]:
    """Names in quotes after an event noun or a naming word ("manœuvres baptisées
    « Aurore-2031 »"): the press quotes them, and the model often misses them."""
    cues = (*nouns, *_NAMING_WORDS)
    found = []
    for i, token in enumerate(doc[:-2]):
        if token.text not in _OPENING_QUOTES or i == 0 or not doc[i - 1].lower_.startswith(cues):
            continue
        end = next((j for j in range(i + 1, min(i + 8, len(doc))) if doc[j].is_quote
                    or doc[j].text in _CLOSING_QUOTES), None)  # fmt: skip
        if end is not None and end > i + 1 and doc[i + 1].text[:1].isupper():
            found.append(Span(doc, i + 1, end, label=EVENT_NAME_LABEL))
    return found


@lru_cache(maxsize=8)
def _saying_words(kb: KnowledgeBase, language: str) -> tuple[str, ...]:
    """One-word stems of verbs of saying ("déclar", "said"): the triggers of statements."""
    return tuple(_one_word_triggers(kb, language, frozenset({"Statement"})))


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
    return _clean_ner(span) if _keep_ner(span, common) else None


def _clean_ner(span: Span) -> Span:
    """The span without its leading article, nor a trailing elided word the
    model took in ("Finistère jusqu’" in "le Finistère jusqu’à mercredi")."""
    start, end = span.start, span.end
    while end - start > 1 and _DETERMINERS.match(span.doc[start].text + " "):
        start += 1
    while end - start > 1 and span.doc[end - 1].text[-1:] in "'’" and span.doc[end - 1].is_lower:
        end -= 1
    return Span(span.doc, start, end, label=span.label_)


_SOURCE_CUES = (("according", "to"), ("selon",), ("d'", "après"), ("d’", "après"), ("d'après",),
                ("d’après",), ("reported", "by"), ("cited", "by"))  # fmt: skip


def _after_source_cue(span: Span) -> bool:
    before = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]]
    return any(tuple(before[-len(cue) :]) == cue for cue in _SOURCE_CUES if len(before) >= len(cue))


def _institution(span: Span, language: str) -> bool:
    """Whether the name is an institution's ("Cour suprême de Nordvik", "Supreme Court")."""
    heads = _INSTITUTION_HEADS.get(language, frozenset())
    words = [t.lower_ for t in span if t.is_alpha]
    return bool(words) and (words[0] in heads or (language == "en" and words[-1] in heads))


def _is_locative(span: Span, language: str) -> bool:
    words = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]]
    return _locative_before(words, language)


def _locative_before(words: list[str], language: str) -> bool:
    """Whether the (up to two, lower-case) words before a name make it a
    location: "à", "in", or either before an article ("in the", "à la")."""
    if words and words[-1] in {"la", "le", "les", "l'", "l’", "the"}:
        words = words[:-1]
    return bool(words) and words[-1] in _LOCATIVES.get(language, set())


def _mention(
    span: Span, sent: Span, kb: KnowledgeBase, language: str
) -> tuple[EntityMention, bool]:
    start, end = span.start_char - sent.start_char, span.end_char - sent.start_char
    locative = _is_locative(span, language)
    label = span.label_
    if label.startswith("demonym:"):
        key = label.split(":", 1)[1]
        known = kb.entities[key]
        return EntityMention(span.text, start, end, "country", "country/" + key, known.label), False
    if label in kb.entities:
        known = kb.entities[label]
        if known.capital_of and not locative:
            country = kb.entities[known.capital_of]
            return (
                EntityMention(
                    span.text, start, end, "country", "country/" + country.key, country.label
                ),
                False,
            )
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
        name = span.text.strip(_AROUND_NAMES)
        return EntityMention(span.text, start, end, "thing", entity_key("thing", name), name), False
    kind = _NER_KINDS[label]
    if kind == "place" and (_after_source_cue(span) or _institution(span, language)):
        kind = "organization"  # "according to Nordvik": who reports, not where
    return EntityMention(
        span.text, start, end, kind, entity_key(kind, span.text), span.text
    ), locative


def _link_surnames(mentions: list[EntityMention]) -> list[EntityMention]:
    """Point a lone surname at the full name used elsewhere in the same article."""
    full: dict[str, EntityMention] = {}
    for m in mentions:
        parts = m.text.split()
        if m.kind == "person" and len(parts) > 1:
            full.setdefault(parts[-1], m)
    linked = []
    for m in mentions:
        # the model may take a lone surname for an organisation ("Marchetti said")
        lone = m.kind in {"person", "organization"} and " " not in m.text
        target = full.get(m.text) if lone else None
        if target is not None and target.key != m.key:
            m = EntityMention(m.text, m.start, m.end, "person", target.key, target.label, m.role)
        linked.append(m)
    return linked


@lru_cache(maxsize=8)
def _country_words(kb: KnowledgeBase, language: str) -> tuple[dict[str, str], dict[str, str]]:
    """Folded country names and demonyms -> country key (built once per language)."""
    countries = {fold(a): k for a, k in kb.country_name_forms()}
    demonyms = {fold(f): k for f, k in kb.demonyms[language].items()}
    return countries, demonyms


def _roles(sentence: str, m: _Matchers, kb: KnowledgeBase, language: str) -> list[RoleMention]:
    if not m.role_heads.search(sentence):
        return []
    countries, demonyms = _country_words(kb, language)
    found = []
    for match in m.roles.finditer(sentence):
        for group, role, n in m.role_names:
            if match.group(group) is None:
                continue
            dem, cty = match.groupdict().get("dem" + n), match.groupdict().get("cty" + n)
            country = demonyms.get(fold(dem)) if dem else countries.get(fold(cty)) if cty else None
            found.append(RoleMention(role, country, match.start(), match.end(), match.group(0)))
            break
    return found


def _attach_appositions(
    roles: list[RoleMention], mentions: list[EntityMention]
) -> list[RoleMention]:
    """ "le ministre portugais de la Défense, Paulin Marchetti" names the holder of the role."""
    people = [m for m in mentions if m.kind == "person"]
    attached = []
    for role in roles:
        after = [p for p in people if 0 <= p.start - role.end <= 3]
        before = [p for p in people if 0 <= role.start - p.end <= 3]
        person = (after or before)[0] if after or before else None
        attached.append(
            RoleMention(
                role.role,
                role.country,
                role.start,
                role.end,
                role.text,
                person.key if person else None,
            )
        )
    return attached


def analyse(
    body: str, *, language: str, nlp: Language, kb: KnowledgeBase
) -> list[AnalysedSentence]:
    """Split ``body`` into sentences and find entity mentions and role phrases in each.

    Args:
        body: the article's clean text.
        language: ISO 639-1 code of the article ("fr", "en").
        nlp: a spaCy pipeline with NER and sentence boundaries for that language.
        kb: the knowledge base.

    Returns:
        The sentences in text order, each with its mentions sorted by offset.
    """
    matchers = _matchers(nlp, kb, language)
    paragraphs = [c for p in body.split("\n") if p.strip() for c in _bounded(p.strip())]
    sentences: list[AnalysedSentence] = []
    # One doc per paragraph: a line break always ends a sentence in saved pages
    # (headings, captions), which the statistical splitter does not know.
    common = frozenset(fold(w) for w in _WORD.findall(body) if w.islower())
    for doc in nlp.pipe(paragraphs):
        doc.user_data["storygraph_common"] = common
        for sent in doc.sents:
            if sent.text.strip():
                sentences.append(_analyse_sentence(len(sentences), sent, matchers, kb, language))
    named = _repeat_names(_repeat_event_names(sentences), language)
    return _link_article_surnames(_expand_acronyms(named))


def _repeat_event_names(sentences: list[AnalysedSentence]) -> list[AnalysedSentence]:
    """Give every unlinked mention of a name the article uses as an event's name
    that event name: once introduced ("exercises titled Northern Shield-2031"),
    the name comes back bare, and the model may then read it as a person."""
    names = {fold(m.text): m for s in sentences for m in s.mentions if m.kind == "event-name"}
    if not names:
        return sentences

    def renamed(m: EntityMention) -> EntityMention:
        name = names.get(fold(m.text)) if m.key.startswith("new:") else None
        if name is None or m.kind == "event-name":
            return m
        return replace(m, kind="event-name", key=name.key, label=name.label, role=None)

    return [replace(s, mentions=tuple(map(renamed, s.mentions))) for s in sentences]


def _repeat_names(sentences: list[AnalysedSentence], language: str) -> list[AnalysedSentence]:
    """A name the model tagged in one sentence is that entity where it left the
    same words untagged in another ("Nordvik's minister" tagged, "Nordvik and
    Brest signed…" missed): small models are not consistent across sentences."""
    names: dict[str, EntityMention] = {}
    for m in (m for s in sentences for m in s.mentions):
        if m.kind in ACTOR_KINDS | {"place"} and m.role is None and len(m.text) > 2:
            names.setdefault(m.text, m)
    if not names:
        return sentences
    alternatives = "|".join(map(re.escape, sorted(names, key=lambda n: (-len(n), n))))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return [_with_repeated_names(s, pattern, names, language) for s in sentences]


def _free_hits(
    text: str, pattern: re.Pattern[str], mentions: Iterable[EntityMention]
) -> list[re.Match[str]]:
    """The matches of ``pattern`` in ``text`` that overlap none of ``mentions``."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    return [hit for hit in pattern.finditer(text) if not taken & set(range(*hit.span()))]


def _with_repeated_names(
    s: AnalysedSentence, pattern: re.Pattern[str], names: dict[str, EntityMention], language: str
) -> AnalysedSentence:
    found = [replace(names[hit[0]], start=hit.start(), end=hit.end())
             for hit in _free_hits(s.text, pattern, s.mentions)]  # fmt: skip
    if not found:
        return s
    locative = {m.key for m in found if _locative_word_before(s.text, m.start, language)}
    mentions = tuple(sorted((*s.mentions, *found), key=lambda m: m.start))
    return replace(s, mentions=mentions, locative=s.locative | locative)


def _locative_word_before(text: str, start: int, language: str) -> bool:
    """:func:`_locative_before` on the words of ``text`` before ``start``."""
    words = [w.lower() for w in re.findall(r"\w+['’]?", text[:start])[-2:]]
    return _locative_before(words, language)


_ACRONYM_AFTER: Final = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z&]{1,7})\)")


def _acronym_of(name: str, acronym: str) -> bool:
    """Whether ``acronym`` spells initials of ``name``'s words, in order, the
    first included ("Garde côtière de Nordvik" → "GCN", "Organisation du traité de
    l'Atlantique nord" → "OTAN").

    >>> _acronym_of("Nordvik Maritime Authority", "NMA"), _acronym_of("Brest", "NMA")
    (True, False)
    """
    initials = [w[0].upper() for w in re.findall(r"[^\W\d_]+", fold(name))]
    if not initials or initials[0] != acronym[0]:
        return False
    rest = iter(initials[1:])
    return all(letter in rest for letter in acronym[1:])


def _expand_acronyms(sentences: list[AnalysedSentence]) -> list[AnalysedSentence]:
    """An actor named in full with its acronym in parentheses, "la Garde
    côtière de Nordvik (GCN)", is that actor wherever the article then writes
    the acronym alone ("selon la GCN"), which the model rarely tags."""
    defined: dict[str, EntityMention] = {}
    for s in sentences:
        for m in s.mentions:
            after = _ACRONYM_AFTER.match(s.text, m.end)
            if (
                m.kind in ACTOR_KINDS
                and after
                and any(_acronym_of(name, after["acronym"]) for name in (m.text, m.label))
            ):
                defined.setdefault(after["acronym"], m)
    if not defined:
        return sentences
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(defined))) + r")(?!\w)")
    return [replace(s, mentions=_with_acronyms(s, pattern, defined)) for s in sentences]


def _with_acronyms(
    s: AnalysedSentence, pattern: re.Pattern[str], defined: dict[str, EntityMention]
) -> tuple[EntityMention, ...]:
    kept = [m for m in s.mentions if m.text not in defined]  # a guess the model made, replaced
    found = [replace(defined[hit[1]], text=hit[1], start=hit.start(), end=hit.end(), role=None)
             for hit in _free_hits(s.text, pattern, kept)]  # fmt: skip
    return tuple(sorted(kept + found, key=lambda m: m.start))


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


def _name_end(doc: Doc, start: int) -> int:
    """The end of the capitalised name at ``start`` ("Aster-3", "Artemis II",
    "Ker’is 2"): capitalised words, numbers, and the pieces of a word the
    tokenizer split (no space between them); ``start`` when there is none."""
    if start >= len(doc) or not doc[start].text[:1].isupper() or is_calendar_word(doc[start].text):
        return start  # "the mission Tuesday": a day, not a name
    end = start + 1
    while end < len(doc) and end - start < _MAX_THING_TOKENS:
        token, glued = doc[end], not doc[end - 1].whitespace_
        if not (token.text[:1].isupper() or token.like_num or (glued and token.text[:1].isalnum())):
            break
        end += 1
    return end


def _thing_span(doc: Doc, start: int, end: int) -> Span | None:
    """The name ``doc[start:end]``, unless it is a lone short acronym ("satellite
    TV", "the mission UN"): those name channels and bodies, not craft."""
    if end <= start or (end - start == 1 and doc[start].text.isupper() and len(doc[start]) <= 3):
        return None
    return Span(doc, start, end, label=THING_LABEL)


def _thing_after(doc: Doc, noun: int, known: set[int]) -> Span | None:
    """ "la sonde Aster-3", "la capsule française Aster-3", "le festival de Brest".

    ``known``: the tokens of names the knowledge base matched, demonyms among them.
    """
    start = noun + 1
    if doc[noun].lower_ in _GATHERING_NOUNS and start < len(doc) and doc[start].lower_ in _OF:
        end = _name_end(doc, start + 1)
        return Span(doc, noun, end, label=THING_LABEL) if end > start + 1 else None
    if start in known and doc[start].is_lower:
        start += 1  # a nationality between; any other word may be a verb ("quitte Brest")
    if start < len(doc) and (doc[start].is_quote or doc[start].text in _OPENING_QUOTES):
        start += 1  # the ship « Aster-3 »: the name inside the quotes
    return _thing_span(doc, start, _name_end(doc, start))


def _thing_before(doc: Doc, noun: int) -> Span | None:
    """ "the Aster-3 probe": a name the model did not take for anything else."""
    if not doc[noun].is_lower:
        return None
    start = noun
    while (
        start > 0
        and noun - start < _MAX_THING_TOKENS
        and (doc[start - 1].text[:1].isupper() or doc[start - 1].like_num)
    ):
        start -= 1
    while start < noun and doc[start].lower_ in {"the", "a", "an", "this", "its", "their"}:
        start += 1
    if start == noun or not doc[start].text[:1].isupper() or is_calendar_word(doc[start].text):
        return None
    if any(e.label_ in _NOT_THING_NER and e.start < noun and start < e.end for e in doc.ents):
        return None
    return _thing_span(doc, start, noun)


def _hyphenated(doc: Doc, end: int) -> str:
    """The hyphenated word the tokenizer split and that ends at token ``end``
    ("brise-glace"), lower case; "" when there is none."""
    return f"{doc[end - 2].lower_}-{doc[end].lower_}" if _glued_hyphen(doc, end - 1) else ""


def _tokens(spans: Iterable[Span]) -> set[int]:
    """The indices of the tokens the spans cover."""
    return {i for span in spans for i in range(span.start, span.end)}


def _named_things(doc: Doc, language: str, taken: set[int]) -> list[Span]:
    """Named craft, missions and gatherings (:data:`THING_NOUNS`), outside ``taken``."""
    nouns = THING_NOUNS.get(language, frozenset())
    found: list[Span] = []
    for i, token in enumerate(doc):
        if token.lower_ not in nouns and _hyphenated(doc, i) not in nouns:
            continue
        span = _thing_after(doc, i, taken) or (_thing_before(doc, i) if language == "en" else None)
        if span is not None and not taken & _tokens([span]):
            found.append(span)
            taken = taken | _tokens([span])
    return found


def _spans(doc: Doc, matchers: _Matchers) -> list[Span]:
    kb_spans = filter_spans(_kb_spans(doc, matchers))
    taken = _tokens(kb_spans)
    things = _named_things(doc, matchers.language, taken)
    taken |= _tokens(things)
    common = doc.user_data.get("storygraph_common", frozenset())
    nouns = event_nouns(matchers.kb, matchers.language)
    saying = _saying_words(matchers.kb, matchers.language)
    ents = [_speaker(s, saying) for s in doc.ents]
    ner_spans = [span for s in ents if (span := _ner_span(s, common, nouns)) is not None]
    quoted = _quoted_event_names(doc, nouns)
    in_quotes = _tokens(quoted)
    ner_spans = quoted + [s for s in ner_spans if not in_quotes & _tokens([s])]
    ner_spans = [s for s in ner_spans if not taken & _tokens([s]) and not _is_rubric(s)]
    ner_spans += _coordinated_names(doc, ner_spans, taken | _tokens(ner_spans))
    spans = [_dateline_city(s) for s in kb_spans + things + ner_spans if not _is_dateline_credit(s)]
    return sorted(spans, key=lambda s: s.start)


def _coordinated_names(doc: Doc, ner_spans: list[Span], taken: set[int]) -> list[Span]:
    """ "les syndicats CGT-Cheminots et SUD-Rail", "Marchetti and Castellan": a
    capitalised name joined by "et"/"and" to a person or organisation the model
    found, and found by nothing itself, is one of the same kind (the model often
    tags one of the two)."""
    found = []
    for span in ner_spans:
        start = span.end + 1
        if span.label_ not in _COORDINATED_KINDS or start >= len(doc):
            continue
        if doc[span.end].lower_ not in _COORDINATORS or doc[start].is_sent_start:
            continue
        end = _coordinated_end(doc, start)
        if end > start and not taken & set(range(start, end)):
            found.append(Span(doc, start, end, label=span.label_))
    return found


def _coordinated_end(doc: Doc, start: int) -> int:
    """The end of the name at ``start``: :func:`_name_end`, across hyphens inside a
    word ("SUD-Rail"); ``start`` for a lone letter ("and I", "et A.")."""
    end = _name_end(doc, start)
    while _glued_hyphen(doc, end, _HYPHENS) and doc[end + 1].text[:1].isalnum():
        end = _name_end(doc, end + 1) if doc[end + 1].text[:1].isupper() else end + 2
    return end if len(doc[start].text) > 1 else start


def _opens_in_capitals(span: Span, followed_by: frozenset[str]) -> bool:
    """Whether ``span`` is in capitals, opens its paragraph and comes right before
    one of ``followed_by`` (the shape of a rubric or a dateline)."""
    doc = span.doc
    return (
        span.start == 0
        and span.text.isupper()
        and span.end < len(doc)
        and doc[span.end].text in followed_by
    )


def _is_rubric(span: Span) -> bool:
    """ "DIRECT. Tempête…", "VIDÉO : …": one word in capitals opening a
    paragraph before a full stop or colon is the page's rubric, not a name."""
    return len(span) == 1 and _opens_in_capitals(span, _RUBRIC_ENDS)


def _dateline_city(span: Span) -> Span:
    """ "OSLO, March 4 (Reuters) -", "NORDVIK — …": the capitals opening a
    paragraph before a comma or dash name where the report was filed, a place
    (the model often takes it for an organisation)."""
    if span.label_ in _NER_KINDS and _opens_in_capitals(span, _DATELINE_PLACE_ENDS):
        return Span(span.doc, span.start, span.end, label="LOC")
    return span


def _is_dateline_credit(span: Span) -> bool:
    """The agency of a wire dateline, "May 4 (Reuters) -", "LYON (AFP) —": who
    wrote the report, not an actor of the story (nor a feature shared by every
    story the agency covers)."""
    doc = span.doc
    return (
        span.start >= 1
        and span.start <= _DATELINE_TOKENS
        and doc[span.start - 1].text == "("
        and span.end + 1 < len(doc)
        and doc[span.end].text == ")"
        and doc[span.end + 1].text in _DASHES
    )


def _analyse_sentence(
    index: int, sent: Span, matchers: _Matchers, kb: KnowledgeBase, language: str
) -> AnalysedSentence:
    spans = _doc_spans(sent.doc, matchers)
    in_sent = [s for s in spans if sent.start <= s.start and s.end <= sent.end]
    pairs = [_mention(s, sent, kb, language) for s in in_sent]
    mentions = _owned_institutions([p[0] for p in pairs], sent.text)
    # keys as finally given: an owned institution's is not the one it was read with
    locative = frozenset(m.key for m, (_, at) in zip(mentions, pairs, strict=True) if at)
    roles = _attach_appositions(_roles(sent.text, matchers, kb, language), mentions)
    return AnalysedSentence(index, sent.text, tuple(mentions), tuple(roles), locative)


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
            label = f"{m.label} ({owner.label})"
            m = replace(m, key=entity_key("organization", label), label=label)
        owned.append(m)
    return owned


def _doc_spans(doc: Doc, matchers: _Matchers) -> list[Span]:
    cached = doc.user_data.get("storygraph_spans")
    if cached is None:
        cached = doc.user_data["storygraph_spans"] = _spans(doc, matchers)
    return list(cached)


def _link_article_surnames(sentences: list[AnalysedSentence]) -> list[AnalysedSentence]:
    every = [m for s in sentences for m in s.mentions]
    linked_all = _link_surnames(every)
    out, i = [], 0
    for s in sentences:
        n = len(s.mentions)
        out.append(
            AnalysedSentence(s.index, s.text, tuple(linked_all[i : i + n]), s.roles, s.locative)
        )
        i += n
    return out
