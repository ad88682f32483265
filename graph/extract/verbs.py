"""Extract: the verbs of a sentence and their tense, as the language model tags them.

Requires a spaCy sentence whose tokens carry part-of-speech tags (French:
the morphologizer's ``VerbForm``, ``Tense`` and ``Mood``; English: the tagger's
Penn tags). Gives one :class:`~graph.types.Verb` per verb or auxiliary, with
offsets in the sentence: the predicates an event trigger can be, and the tense
that tells a report of the past from a plan or a state. From an analysed
sentence's verbs, the clauses that hold one of their own after an opener
(:func:`temporal_clauses`: "when…", "lorsque…"; :func:`conditional_clauses`:
"if…", "s'il…"), which :func:`with_clauses` records in the sentence.

Tense of a verb:

- a finite verb: French ``Tense=Fut`` future, ``Past``/``Imp`` past, ``Pres``
  present (a conditional says nothing); English ``VBD`` past, ``VBZ``/``VBP``
  present, a bare verb after "will", "shall" or "would" (the future of
  reported speech; adverbs and "not" between) future;
- a participle after an auxiliary ("a rencontré", "est arrivé", "has met",
  "was sealed"): past, or future after a future auxiliary ("aura signé"); a
  participle with no auxiliary before it is an adjective and says nothing
  (the small models also tag some nouns so);
- a participle after an auxiliary in the imperfect ("avait déclaré", "had
  said"): anterior, a past before the report's own;
- anything else (infinitives, gerunds, "is expected"): nothing ("").

A verb is negated when "ne"/"n'" (French) or "not"/"n't"/"never" (English)
stands before it or its auxiliaries.

Which reading a language takes (``morphology`` or ``auxiliaries``), its
auxiliaries and its negations are the ``[tense]`` section of its file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from graph.extract.dates.clauses import is_future_tense
from graph.languages import BY_CODE, TenseWords, cue
from graph.text import in_spans
from graph.types import AnalysedSentence, RelativeClause, Tense, Verb

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "adjectival",
    "conditional_clauses",
    "gerund_or_infinitive",
    "past_verb_telling_a_future",
    "relative_clauses_of",
    "says_what_happened_then",
    "temporal_clauses",
    "verbs_of",
    "with_clauses",
    "words_besides_verbs",
]

_VERB_POS: Final = frozenset({"VERB", "AUX"})
_FRENCH_TENSES: Final[dict[str, Tense]] = {
    "Fut": "future", "Past": "past", "Imp": "past", "Pres": "present"
}  # fmt: skip
_PENN_FINITE: Final[dict[str, Tense]] = {"VBD": "past", "VBZ": "present", "VBP": "present"}
_BETWEEN: Final = frozenset({"ADV", "PART", "PRON"})  # "ne", "pas", "s'", "also", "not"
_AUX_REACH: Final = 3  # tokens between an auxiliary and its participle, at most
_DETERMINER_REACH: Final = 8  # characters before a participle where its determiner stands


def _auxiliary_before(token: Token) -> Token | None:
    """The auxiliary that governs ``token`` (adverbs, "not", clitics between)."""
    i, start = token.i - 1, max(token.sent.start, token.i - 1 - _AUX_REACH)
    while i >= start and token.doc[i].pos_ in _BETWEEN:
        i -= 1
    if i >= start and token.doc[i].pos_ == "AUX":
        return token.doc[i]
    return None


def _morphology_tense(token: Token, words: TenseWords) -> Tense:
    """The tense the tagger's morphology gives (Tense, VerbForm, Mood: French)."""
    form = token.morph.get("VerbForm", [])
    if "Part" in form:
        aux = _auxiliary_before(token)
        if aux is None:
            return ""
        if "Imp" in aux.morph.get("Tense", []):
            return "anterior"  # plus-que-parfait: "avait déclaré"
        return "future" if _morphology_tense(aux, words) == "future" else "past"
    if "Fin" not in form or "Cnd" in token.morph.get("Mood", []):
        return ""
    return next((_FRENCH_TENSES[t] for t in token.morph.get("Tense", []) if t in _FRENCH_TENSES),
                "")  # fmt: skip


def _auxiliaries_tense(token: Token, words: TenseWords) -> Tense:
    """The tense Penn Treebank tags and the auxiliary words give (English)."""
    aux = _auxiliary_before(token)
    if token.tag_ == "VB":
        return "future" if aux is not None and aux.lower_ in words.future_auxiliaries else ""
    if token.tag_ == "VBN":
        if aux is None or aux.lower_ in words.present_passive_auxiliaries:
            return ""  # an adjective, or a present passive ("is expected")
        if aux.lower_ in words.past_perfect_auxiliaries:
            return "anterior"  # past perfect: "had said"
        return "future" if aux.lower_ in words.future_auxiliaries else "past"
    return _PENN_FINITE.get(token.tag_, "")


# [tense] verbs of a language file names one of these
_TENSE: Final[dict[str, Callable[[Token, TenseWords], Tense]]] = {
    "morphology": _morphology_tense,
    "auxiliaries": _auxiliaries_tense,
}


def _negated(token: Token, negations: frozenset[str]) -> bool:
    """Whether a negation governs the verb: French "ne"/"n'" before it or its
    auxiliary ("n'a pas condamné", "ne participera pas"); English "not", "n't",
    "never" in its auxiliary chain ("did not attend", "has never met")."""
    start = max(token.sent.start, token.i - 1 - 2 * _AUX_REACH)
    for i in range(token.i - 1, start - 1, -1):
        word = token.doc[i]
        if word.lower_ in negations:
            return True
        if word.pos_ not in _BETWEEN and word.pos_ != "AUX":
            return False
    return False


def _present_participle(token: Token) -> bool:
    """A present participle or gerund, as either tagger marks it ("marquant": French
    morphology; "highlighting": Penn ``VBG``)."""
    return token.tag_ == "VBG" or (
        "Part" in token.morph.get("VerbForm", []) and "Pres" in token.morph.get("Tense", [])
    )


def verbs_of(sent: Span, language: str) -> tuple[Verb, ...]:
    """The verbs and auxiliaries of ``sent`` with their tense (offsets in the sentence)."""
    base, words = sent.start_char, BY_CODE[language].tense
    tense = _TENSE[words.verbs]
    return tuple(
        Verb(
            t.idx - base,
            t.idx - base + len(t.text),
            tense(t, words),
            _negated(t, words.negations),
            _present_participle(t),
            "Imp" in t.morph.get("Tense", []) and "Fin" in t.morph.get("VerbForm", []),
            t.pos_ == "AUX",
        )
        for t in sent
        if t.pos_ in _VERB_POS and not _in_a_compound(t)
    )


def _in_a_compound(token: Token) -> bool:
    """Whether the token closes a hyphenated compound ("Swedish-controlled",
    "US-backed", "state-run"): an adjective, no verb of a clause."""
    if token.i - 2 < token.sent.start:
        return False
    hyphen = token.nbor(-1)
    return hyphen.text == "-" and not hyphen.whitespace_ and not token.nbor(-2).whitespace_


# a relative clause may quote ("qui « luttent ensemble » contre…"): quote marks do not end it
_RELATIVE_END: Final = re.compile(r"[,;:()]|\s[–—-]\s")
_RELATIVE_TAGS: Final = frozenset({"WDT", "WP", "WP$"})  # Penn: "which", "who", "whose"
# "une chercheuse" may be tagged an adjective
_ANTECEDENT_POS: Final = frozenset({"NOUN", "PROPN", "PRON", "ADJ"})


def relative_clauses_of(
    sent: Span, verbs: tuple[Verb, ...], language: str
) -> tuple[RelativeClause, ...]:
    """The relative clauses of ``sent`` as the tagger shows them: a relative
    pronoun (UD morphology ``PronType=Rel``, as French "qui", "que", "dont";
    Penn ``WDT``/``WP``: "which", "that", "who") after a comma or right after a
    noun, a pronoun or a name, up to the next comma or the like, with a verb
    in a tense of its own (quote marks do not end it). A pronoun after a verb
    ("asked who", "what he would do") has no antecedent and opens no relative
    clause here, nor does one after a cleft ("it was X who signed": ``[cues]
    cleft``), which tells the sentence's own happening."""
    base, text, clauses = sent.start_char, sent.text, []
    cleft = [m.end() for m in _finditer(cue("cleft", language), text)]
    for token in sent:
        if not ("Rel" in token.morph.get("PronType", []) or token.tag_ in _RELATIVE_TAGS):
            continue
        before = _word_before(token)
        comma = before is not None and before.text == ","
        if before is not None and comma:
            before = _word_before(before)
        if before is None or not (comma or before.pos_ in _ANTECEDENT_POS):
            continue
        opens = token.idx - base + len(token)
        stop = _RELATIVE_END.search(text, opens)
        end = stop.start() if stop else len(text)
        start = token.nbor(-1).idx - base if comma else token.idx - base
        if any(opens <= v.start < end and v.tense for v in verbs) and not _after_cleft(
            text, cleft, start
        ):
            antecedent = (before.idx - base, before.idx - base + len(before))
            clauses.append(RelativeClause(start, end, antecedent))
    return tuple(clauses)


_CLEFT_WORDS: Final = 4  # words between "it was" and its relative pronoun, at most


def _after_cleft(text: str, cleft: list[int], start: int) -> bool:
    return any(end <= start and len(text[end:start].split()) <= _CLEFT_WORDS
               and "," not in text[end:start] for end in cleft)  # fmt: skip


def _word_before(token: Token) -> Token | None:
    return token.nbor(-1) if token.i > token.sent.start else None


def adjectival(sentence: AnalysedSentence, language: str) -> list[tuple[int, int]]:
    """The present participles that qualify a noun after a determiner (the
    language file's ``[cues] determiners``): "a visiting president", "the
    ruling party", "the warring parties" tell no visit, decision or war."""
    determiner = cue("determiners", language)
    if determiner is None:
        return []
    text = sentence.text
    return [
        (v.start, v.end)
        for v in sentence.verbs
        if v.participle
        and not v.tense
        and any(not text[m.end() : v.start].strip()
                for m in determiner.finditer(text, max(0, v.start - _DETERMINER_REACH), v.start))
    ]  # fmt: skip


_CLAUSE_END: Final = re.compile(r"[,;:()«»“”\"]|\s[–—-]\s")


def with_clauses(sentence: AnalysedSentence, language: str) -> AnalysedSentence:
    """The sentence (its verbs found) with its temporal and conditional clauses
    recorded, so that the steps after read them instead of finding them again."""
    return replace(
        sentence,
        temporal_clauses=tuple(temporal_clauses(sentence, language)),
        conditional_clauses=tuple(conditional_clauses(sentence, language)),
    )


def temporal_clauses(sentence: AnalysedSentence, language: str) -> list[tuple[int, int]]:
    """The clauses that say when by another happening ("when she told him",
    "as the war got underway", "lorsqu'il a appris la nouvelle", "after X
    held drills": the language file's ``[cues] temporal_clause`` and
    ``sequence_clause`` up to the next comma), those
    with a verb of their own in a tense: what they tell is the time of the
    sentence's own happening, background of it, not the report's news. Not a
    fixed phrase that holds an opener ("as well as": ``[cues] temporal_idiom``),
    nor one right after a verb that frames the news ("It comes as police
    detained two men": ``[cues] comes_as``)."""
    idioms = [m.span() for m in _finditer(cue("temporal_idiom", language), sentence.text)]
    frames = [m.end() for m in _finditer(cue("comes_as", language), sentence.text)]
    found = _clauses(sentence, cue("temporal_clause", language))
    found += _clauses(sentence, cue("sequence_clause", language))
    return [
        (start, end)
        for start, end in sorted(found)
        if not in_spans(start, idioms)
        and all(sentence.text[frame:start].strip() for frame in frames)
    ]


def says_what_happened_then(
    sentence: AnalysedSentence, clause: tuple[int, int], time_end: int | None, language: str
) -> bool:
    """Whether a temporal clause right after the sentence's own time (ending at
    ``time_end``) says what happened then: a when-clause ("since March 2, when
    Norway closed the border", ``[cues] temporal_clause``), not an after- or
    before-clause ("on Tuesday, after Sweden held drills": another happening)."""
    text, when = sentence.text, cue("temporal_clause", language)
    return (
        time_end is not None
        and time_end <= clause[0]
        and not text[time_end : clause[0]].strip(" ,")
        and when is not None
        and when.match(text, clause[0]) is not None
    )


def conditional_clauses(sentence: AnalysedSentence, language: str) -> list[tuple[int, int]]:
    """The clauses that say on what condition ("if he is nominated", "s'il est
    élu": ``[cues] conditional`` up to the next comma, with a verb of their own
    in a tense): what they tell may not happen."""
    return _clauses(sentence, cue("conditional", language))


def _clauses(sentence: AnalysedSentence, opener: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """The stretches from each word of ``opener`` up to the next comma (or the
    like) that hold a verb in a tense of their own."""
    spans = []
    for match in _finditer(opener, sentence.text):
        stop = _CLAUSE_END.search(sentence.text, match.end())
        end = stop.start() if stop else len(sentence.text)
        if any(match.end() <= v.start < end and v.tense for v in sentence.verbs):
            spans.append((match.start(), end))
    return spans


def words_besides_verbs(sentence: AnalysedSentence, start: int, end: int) -> list[str]:
    """The words of the sentence between ``start`` and ``end`` that no verb of it
    covers: a verb's subject, or nothing where only auxiliaries stand ("», a
    déclaré")."""
    return [w.group() for w in re.finditer(r"\w+", sentence.text[:end]) if w.start() >= start
            and not any(v.start <= w.start() < v.end for v in sentence.verbs)]  # fmt: skip


def _finditer(pattern: re.Pattern[str] | None, text: str) -> list[re.Match[str]]:
    return list(pattern.finditer(text)) if pattern is not None else []


def gerund_or_infinitive(sentence: AnalysedSentence, start: int, end: int, language: str) -> bool:
    """Whether the trigger at ``start``–``end`` is a gerund ("was fighting") or an
    infinitive after its marker ("begging to meet": ``[cues] infinitive``): a verb
    that tells no happening of its own, not an event noun. An infinitive the
    language marks with none ("va gagner", "doit s'entretenir") may tell what is
    to come."""
    verbs = [v for v in sentence.verbs if v.start < end and start < v.end]
    marked = after_an_infinitive_marker(sentence.text, start, language)
    return any(v.participle for v in verbs) or (bool(verbs) and marked)


def after_an_infinitive_marker(text: str, start: int, language: str) -> bool:
    """Whether an infinitive's marker ("to", "pour", "de": ``[cues] infinitive``)
    stands right before ``start``, spaces apart."""
    marker = cue("infinitive", language)
    return marker is not None and any(
        not text[m.end() : start].strip()
        for m in marker.finditer(text, max(0, start - _MARKER_REACH), start)
    )


_MARKER_REACH: Final = 4  # characters of an infinitive's marker and the space before it


def past_verb_telling_a_future(
    sentence: AnalysedSentence, span: tuple[int, int], verbs: list[Verb], language: str
) -> Tense | None:
    """The tense of a trigger that is itself a verb told in the past, with no
    verb of the future before it in its clause: the future after it is what
    it tells ("decided the plant will close", "a décidé que l'usine fermera"),
    not its own time. Its own words must not read as a future ("enverra")."""
    start, end = span
    own = next((v for v in verbs if v.start == start and not v.auxiliary), None)
    if own is None or own.tense not in ("past", "anterior"):
        return None
    if any(v.tense == "future" for v in verbs if v.start < start):
        return None
    if is_future_tense(sentence.text[start:end], language=language):
        return None
    return own.tense
