"""Extract: the parts of a sentence whose names do not act in its happening.

Requires an analysed sentence (its mentions and verbs) and the ``[cues]`` of
its language. Gives spans and tests that :mod:`graph.extract.actors` and
:mod:`graph.extract.events` read to leave names out of a happening's actors:

- :func:`asides`: a relative clause between commas, a gloss in brackets, a
  phrase of circumstance ("despite the sanctions imposed by Japan", "alors
  même que…"), a quoted statement;
- :func:`comments`: a participle phrase commenting on the happening
  ("…, highlighting their ties and attracting attention from Japan");
- :func:`appositions`: the asides after a name that say who someone is;
- :func:`says_where`: a country that only says where (apposed to a place, the
  country of a border, coast or waters);
- :func:`hosts_a_posting`: the country or body a diplomat or mission is posted to
  ("Spain's ambassador to Morocco");
- :func:`describes`: a country in a compound adjective ("Russian-ally Belarus")
  or a private person's nationality ("Japanese scientists", "le Norvégien
  Edvard Lindqvist").

The quotes themselves, and whose act a happening told in one is, are
:mod:`graph.extract.quotes`; clauses coordinated after the happening (a state
in the present, a clause set against it) are :mod:`graph.extract.coordinated`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Final

from graph.extract.entities.inside import _folded_words
from graph.extract.quotes import QUOTE, QUOTE_MIN_WORDS
from graph.languages import BY_CODE, cue
from graph.text import alternation, fold
from graph.types import AnalysedSentence, EntityMention, RelativeClause

__all__ = [
    "antecedent",
    "asides",
    "comments",
    "describes",
    "hosts_a_posting",
    "object_relatives",
    "says_where",
    "tickers",
]


def asides(
    sentence: AnalysedSentence,
    language: str,
    keep: int | None,
    *,
    quotes: bool = False,
    when: int | None = None,
) -> list[tuple[int, int]]:
    """The spans of the sentence's asides, but the one holding offset ``keep``
    (the trigger: what the sentence tells): a relative clause between commas
    ("Novak, who has stoked tensions with Finland, signed…"), a gloss in
    brackets ("(8h07 au Japon)"; kept when it holds ``when``), a phrase of
    circumstance ("despite the warrant issued by the court"; kept when it
    holds the offset ``when``, the happening's date) and, with
    ``quotes``, a quoted statement (who and where a speaker cites, "les
    exemples de l'Ostland et de la Valdorie", are not who and where the
    speaking happens)."""
    text = sentence.text
    spans = [(q.start(), q.end()) for q in QUOTE.finditer(text) if quotes
             and len(q.group().split()) >= QUOTE_MIN_WORDS
             and (keep is None or not q.start() <= keep < q.end())]  # fmt: skip
    spans += _circumstances(text, language, (keep, when))
    # a gloss in brackets ("à 14h07 (8h07 au Japon)") names no actor, unless it
    # holds what the sentence tells or its date
    spans += [b.span() for b in _BRACKETS.finditer(text) if not _holds(*b.span(), (keep, when))]
    spans += [(c.start, c.end) for c in sentence.relative_clauses
              if (text.startswith(",", c.start) or _of_an_apposition(sentence, c))
              and not _holds(c.start, c.end, (keep,))]  # fmt: skip
    return spans


def _of_an_apposition(sentence: AnalysedSentence, clause: RelativeClause) -> bool:
    """Whether the clause is about the noun of an apposition to a name ("X, a
    lawyer who served in the Nordvik Navy, said…"): the apposition is an aside,
    and so is its clause, with no comma before it."""
    start, _ = clause.antecedent
    named = any(m.start <= start < m.end for m in sentence.mentions)
    return not named and antecedent(sentence, clause) is not None


# "Ingrid Solberg, a Norwegian-born breast cancer scientist": a few words, no comma
_APPOSED_NOUN: Final = re.compile(r"\s*,\s*(?:[^\s,]+\s+){0,6}")


def antecedent(sentence: AnalysedSentence, clause: RelativeClause) -> EntityMention | None:
    """Whom a relative clause is about, if a name: the name its antecedent is a
    word of ("Novak, who has stoked…"), or the name that noun describes in an
    apposition ("Ingrid Solberg, a scientist who died in 2009")."""
    start, end = clause.antecedent
    text = sentence.text
    for m in sentence.mentions:
        if m.start <= start and end <= m.end:
            return m
    apposed = [m for m in sentence.mentions
               if m.end <= start and _APPOSED_NOUN.fullmatch(text, m.end, start)]  # fmt: skip
    return apposed[-1] if apposed else None


_BRACKETS = re.compile(r"\([^()]{1,80}\)")

_COMMA: Final = re.compile(r"\s*,\s*")
_APPOSITION_WORDS: Final = 15  # words of an aside after a name, at most
_TITLE_REACH: Final = 5  # the first words of such an aside, where its post is said


def appositions(
    sentence: AnalysedSentence, language: str, keep: int | None
) -> list[tuple[int, int]]:
    """Asides after a person's or an organisation's name that say what they
    are ("Edvard Lindqvist, a former adviser to the Valdorian government,
    said", "X, député socialiste des Français de l'étranger, a annoncé", "said
    X, a senior fellow at the Valdoria Institute."): one or more segments
    after it, each closed by a comma or the sentence's end and without a verb
    of its own ("X, 45, a lawyer at Y, said"), a title word (the language
    file's ``title_words``) in the first words of one, or one saying where
    they are from (", from Kjeldvik,": ``[cues] origin``). Whom they name does not
    act: the name before does. Not an aside holding ``keep`` (the trigger),
    nor one naming an office of the knowledge base's roles ("le chancelier
    autrichien": the head of government acts for the country,
    graph.extract.actors)."""
    titles = _folded_words(language, "title_words")
    text, spans = sentence.text, []
    for mention in sentence.mentions:
        if mention.kind not in ("person", "organization"):
            continue
        segments = _aside_segments(sentence, mention.end)
        # a later one opening another conjunct (", et le directeur…") ends them
        ends = [i for i, (_, a, b) in enumerate(segments)
                if i and _not_a_description(text, (a, b), language)]  # fmt: skip
        segments = segments[: ends[0]] if ends else segments
        if not segments:
            continue
        start, end = segments[0][0], segments[-1][2]
        if _holds(mention.end, end, (keep,)):
            continue
        if any(mention.end <= r.start < end for r in sentence.roles):
            continue  # "Edvard Lindqvist, le chancelier autrichien,": the office acts for Austria
        if _not_a_description(text, (segments[0][1], segments[0][2]), language):
            continue
        words = [text[a:b].split() for _, a, b in segments]
        # the last segment may be longer when it ends the sentence: nothing
        # after it could be swallowed
        room = [_APPOSITION_WORDS] * len(words)
        room[-1] *= 2 if end == len(text.rstrip(_CLOSING)) else 1
        titled = any(fold(w.strip("'’")) in titles for part in words for w in part[:_TITLE_REACH])
        if all(len(w) <= r for w, r in zip(words, room, strict=True)) and (
            titled or _from_somewhere(text, segments, language)
        ):
            spans.append((start, end))
    return spans


def _from_somewhere(text: str, segments: list[tuple[int, int, int]], language: str) -> bool:
    """Whether an aside says where someone is from ("Ingrid Solberg, from
    Kjeldvik Harbour, said", "X, originaire de Y,": ``[cues] origin``)."""
    origin = cue("origin", language)
    return origin is not None and any(origin.match(text[a:b].lstrip()) for _, a, b in segments)


def _aside_segments(sentence: AnalysedSentence, after: int) -> list[tuple[int, int, int]]:
    """The comma-separated segments right after offset ``after`` that tell no
    happening of their own (no verb in the past or the future, but in the
    first one closed by a comma), as (comma, start, end); the last may end the
    sentence ("said X, a senior fellow at Y.")."""
    text, at = sentence.text, after
    segments: list[tuple[int, int, int]] = []
    ending = len(text.rstrip(_CLOSING))
    while (opening := _COMMA.match(text, at)) is not None and opening.end() < ending:
        end = text.find(",", opening.end(), ending)
        closed, end = end != -1, ending if end == -1 else end
        # the first aside closed by a comma may hold a relative clause of its
        # own ("député des Français de l'étranger qui a voté contre,"); a
        # present is no sure verb (the tagger reads some nouns as one)
        told = any(opening.end() <= v.start < end and v.tense not in ("", "present")
                   for v in sentence.verbs)  # fmt: skip
        if told and (segments or not closed):
            break
        segments.append((opening.start(), opening.end(), end))
        at = end
    return segments


_CLOSING: Final = " \t.!?…\"'”»’)"  # what may end a sentence after its last word


# "(OSE: NORE)", "(Nasdaq: NVKE)": a stock exchange and a company's ticker
_TICKER = re.compile(r"\(\s*[A-Z][\w.-]{1,15}\s*:\s*[A-Z0-9.]{1,8}\s*\)")


def _not_a_description(text: str, span: tuple[int, int], language: str) -> bool:
    """Whether an aside after a name opens another conjunct (", and the director
    of…", the ``phrase_end`` cues) or says who speaks for whom it names
    (", Nordvik's envoy,", the ``speaks_for`` cues): then whom it names acts."""
    conjunct, speaker = cue("phrase_end", language), cue("speaks_for", language)
    start, end = span
    return bool(conjunct and conjunct.match(text, start)) or bool(
        speaker and speaker.search(text, start, end)
    )


def tickers(text: str) -> list[tuple[int, int]]:
    """The spans of the stock tickers in brackets ("Nordvik Energy ASA (OSE: NORE)"):
    the exchange they name is no organisation of the story."""
    return [t.span() for t in _TICKER.finditer(text)]


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def object_relatives(
    sentence: AnalysedSentence, language: str, keep: Sequence[int | None]
) -> list[tuple[int, int]]:
    """Relative clauses with no comma whose subject is or holds a name, after a
    noun: "at a summit that Nordvik called a provocation", "l'accord que Nordvik
    a signé", "the week when NATO warned…", "la semaine où les dirigeants de
    l'Otan ont averti…". Who they name does not act in what the
    sentence tells, unless the clause holds an offset of ``keep`` (the trigger
    or the date). After a verb the word opens what is said ("said that
    Nordvik…"), which is not a relative clause."""
    pronoun = cue("object_relative", language)
    if pronoun is None:
        return []
    text, spans = sentence.text, []
    for match in pronoun.finditer(text):
        before = _WORD_BEFORE.search(text, 0, match.start())
        if before is None or not _named_subject(sentence, match.end()):
            continue
        if _verb_at(sentence, before.start(1)):
            continue
        end = _to_comma(text, match.end())
        if not _holds(match.start(), end, keep):
            spans.append((match.start(), end))
    return spans


def _named_subject(sentence: AnalysedSentence, start: int) -> bool:
    """Whether the clause from ``start`` opens on a name, or names one before
    its first verb and any comma ("les dirigeants de l'Otan ont averti"); a
    nationality is no name ("juge que la délégation russe est une farce": a
    verb the tagger may read as a noun, and what is judged)."""
    text = sentence.text
    if text[start:].lstrip()[:1].isupper():
        return True
    verb = min((v.start for v in sentence.verbs if v.start >= start), default=len(text))
    comma = text.find(",", start)
    stop = min(verb, comma if comma >= 0 else len(text))
    return any(start <= m.start < stop and m.text[:1].isupper() for m in sentence.mentions)


def _verb_at(sentence: AnalysedSentence, offset: int) -> bool:
    return any(v.start <= offset < v.end for v in sentence.verbs)


def comments(
    sentence: AnalysedSentence, language: str, keep: Sequence[int | None]
) -> list[tuple[int, int]]:
    """The participle phrases that comment on what the sentence tells, from a
    comma after its verb to the next comma ("…held patrols with Nordvik,
    highlighting their close ties and attracting attention from Japan"): who
    they name does not act in it, unless the phrase holds an offset of ``keep``
    (the trigger or the date). Only a participle of the ``comment`` cues
    comments ("highlighting", "marquant"; "beating his rival" goes on telling
    the happening, "including" lists its members); before any verb, the
    phrase describes the subject ("Jo Vik, commanding the fleet, said")."""
    text, commenting = sentence.text, cue("comment", language)
    spans = []
    for verb in sentence.verbs:
        comma = text.rfind(",", 0, verb.start)
        if not verb.participle or comma < 0 or text[comma + 1 : verb.start].strip():
            continue
        if not any(v.end <= comma and not v.participle for v in sentence.verbs):
            continue
        if commenting is None or not commenting.match(text, verb.start):
            continue
        end = _to_comma(text, verb.end)
        if not _holds(comma, end, keep):
            spans.append((comma, end))
    return spans


def _circumstances(text: str, language: str, keep: Iterable[int | None]) -> list[tuple[int, int]]:
    """The phrases that tell why or against what the sentence's happening took
    place ("malgré le mandat émis par la Cour", "amid sanctions by Ostland"), up
    to the next comma: who they name does not act in it, unless the phrase holds
    an offset of ``keep`` (the trigger, or the date: then it is the happening)."""
    opener = cue("circumstance", language)
    if opener is None:
        return []
    spans = []
    for match in opener.finditer(text):
        end = _to_comma(text, match.end())
        if not _holds(match.start(), end, keep):
            spans.append((match.start(), end))
    return spans


def _to_comma(text: str, start: int) -> int:
    """Where the phrase at ``start`` ends: the next comma, else the sentence's end."""
    end = text.find(",", start)
    return len(text) if end < 0 else end


def _holds(start: int, end: int, offsets: Iterable[int | None]) -> bool:
    """Whether the span holds one of ``offsets`` (None holds nothing)."""
    return any(k is not None and start <= k < end for k in offsets)


# what joins a place to the country around it: "à Bergen, en Norvège", "in Brest, France"
_APPOSED_COUNTRY = re.compile(r",\s*(?:(?:en|au|aux|in)\s+(?:the\s+)?)?", re.IGNORECASE)


def says_where(sentence: AnalysedSentence, mention: EntityMention, language: str) -> bool:
    """Whether ``mention`` is a country that only says where: apposed to a place
    just before it ("à Bergen, en Norvège"), or the country of a border, coast
    or waters (the ``where`` cues: "on the border with Finland", "the Finnish
    border", "la frontière finlandaise")."""
    if mention.kind != "country":
        return False
    return any(
        place.kind == "place"
        and _APPOSED_COUNTRY.fullmatch(sentence.text, place.end, mention.start) is not None
        for place in sentence.mentions
    ) or _next_to(sentence.text, mention, _placed_cues(language, "where"))


def hosts_a_posting(sentence: AnalysedSentence, mention: EntityMention, language: str) -> bool:
    """Whether ``mention`` is the country or body a diplomat or a mission is
    posted to ("Spain's ambassador to Morocco", "l'ambassadeur d'Espagne au
    Maroc", "Portugal's mission to the European Union": a ``posting`` cue, its
    sender between, then a ``posted_to`` cue): the host, who does not act in
    what the one posted there does or says."""
    posting = _posting(language)
    return (
        mention.kind in ("country", "organization")
        and posting is not None
        and posting.search(sentence.text, 0, mention.start) is not None
    )


# the sender between a posting and its host: "of Spain", "d'Espagne", "du Portugal"
_SENDER: Final = r"(?:\s+(?:of|de|du|des)\s+[\w’'.-]+|\s+d['’]\s*[\w’'.-]+)?"
_ARTICLE: Final = r"(?:(?:the|la|le|les)\s+|l['’]\s*)?"


@lru_cache(maxsize=8)
def _posting(language: str) -> re.Pattern[str] | None:
    registered = BY_CODE.get(language)
    nouns = registered.cues.get("posting", ()) if registered else ()
    to = registered.cues.get("posted_to", ()) if registered else ()
    if not nouns or not to:
        return None
    return re.compile(
        rf"(?<!\w)(?:{alternation(nouns)}){_SENDER}\s+(?:{alternation(to)})\s+{_ARTICLE}$",
        re.IGNORECASE,
    )


# a name bound by a hyphen to a word: "Russian-ally Belarus", "US-backed forces",
# "Hungarian-born Ferenc Krausz", "a British-Israeli lawyer" (a country after
# the hyphen makes it a compound of countries: :func:`_compound_describes`)
_COMPOUND_TAIL = re.compile(r"-[^\W\d_]")


def describes(sentence: AnalysedSentence, mention: EntityMention, language: str) -> bool:
    """Whether the country ``mention`` describes someone else: the first half of
    a compound adjective ("Russian-ally Belarus", "US-backed forces"), or the
    nationality of a private person (the ``nationality`` cues: "Japanese
    scientists", "le réalisateur japonais"; right before a person's name:
    "le Norvégien Edvard Lindqvist"), who does not act for it (a head of state or
    minister still does, through the office: graph.extract.actors)."""
    return mention.kind == "country" and (
        (
            bool(_COMPOUND_TAIL.match(sentence.text, mention.end))
            and _compound_describes(sentence, mention.end + 1, language)
        )
        or _next_to(sentence.text, mention, _placed_cues(language, "nationality"))
        or _after_a_describing_part(sentence, mention, language)
        or (
            (_before_a_person(sentence, mention) or _describes_a_name(sentence, mention, language))
            and not _in_a_role(sentence, mention)
        )
    )


def _after_a_describing_part(
    sentence: AnalysedSentence, mention: EntityMention, language: str
) -> bool:
    """Whether the country ends a compound whose first part is a nationality
    ("l'avocat franco-norvégien": the lawyer's, as the first part is)."""
    if mention.start < 1 or sentence.text[mention.start - 1] != "-":
        return False
    cues = _placed_cues(language, "nationality")
    return any(m.kind == "country" and m.end == mention.start - 1
               and _next_to(sentence.text, m, cues) for m in sentence.mentions)  # fmt: skip


def _compound_describes(sentence: AnalysedSentence, start: int, language: str) -> bool:
    """Whether the rest of a compound from ``start`` on describes: a word that is
    no country ("Russian-ally", "US-backed"), or a country that itself describes
    someone ("a Norwegian-Swedish lawyer"); a compound of countries naming a
    happening ("sino-russes", "norvégo-islandaise") is no description."""
    following = [m for m in sentence.mentions if m.start == start and m.kind == "country"]
    return not following or describes(sentence, following[0], language)


# one or two lower-case words: the common noun a nationality qualifies
_COMMON_NOUN = re.compile(r"\s+([a-zà-öø-ÿ][\w’'-]*)\s+(?:[a-zà-öø-ÿ][\w’'-]*\s+)?$")
_NOUN_BEFORE = re.compile(r"\b([a-zà-öø-ÿ][\w-]*)\s+$")


def _describes_a_name(sentence: AnalysedSentence, mention: EntityMention, language: str) -> bool:
    """A nationality in a descriptor right before a name: "Norwegian shipowner
    Halvorsen Maritime", "l'armateur norvégien Halvorsen Maritime" (a common
    noun before or after the adjective, then the name). The firm or person
    named acts, not their country; a post ("le président finlandais") is a
    role, and a body of the state ("la délégation finlandaise", the language
    file's ``institution_heads``) acts for it: both keep it."""
    text = sentence.text
    after = next((o for o in sentence.mentions if o.start >= mention.end), None)
    if after is None or after.kind not in ("person", "organization"):
        return False
    between = text[mention.end : after.start]
    if any(mention.end <= v.start < after.start for v in sentence.verbs):
        return False  # "China said NATO's statement…": a verb, no noun
    if found := _COMMON_NOUN.fullmatch(between):
        noun = found.group(1)
    elif between.isspace() and mention.text[:1].islower():
        found = _NOUN_BEFORE.search(text, 0, mention.start)
        noun = found.group(1) if found else ""
    else:
        return False
    heads = BY_CODE[language].entities.institution_heads if language in BY_CODE else set()
    return bool(noun) and noun.lower() not in heads


# a nationality written as a noun: after an article ("l'Américain", "the Frenchman")
# or in the plural ("Norwegians Edvard Lindqvist and Ingrid Solberg")
_NATIONALITY_NOUN = re.compile(r"(?:\b(?:l['’]|le|la|les|au|aux|du|des|the)\s*)$", re.IGNORECASE)


def _before_a_person(sentence: AnalysedSentence, mention: EntityMention) -> bool:
    """ "le Norvégien Edvard Lindqvist", "Norwegians Ingrid Solberg and…": a
    nationality noun right before a person's name (not "la délégation
    norvégienne Edvard Lindqvist")."""
    text = sentence.text
    noun = mention.text[:1].isupper() and (
        mention.text.endswith("s") or bool(_NATIONALITY_NOUN.search(text, 0, mention.start))
    )
    return noun and any(
        other.kind == "person"
        and other.start >= mention.end
        and not text[mention.end : other.start].strip()
        for other in sentence.mentions
    )


def _in_a_role(sentence: AnalysedSentence, mention: EntityMention) -> bool:
    """ "le président finlandais Edvard Lindqvist": the country of a post."""
    return any(r.start <= mention.start < r.end for r in sentence.roles)


_Placed = tuple[re.Pattern[str] | None, re.Pattern[str] | None]


def _next_to(text: str, mention: EntityMention, cues: _Placed) -> bool:
    before, after = cues
    return (before is not None and before.search(text, 0, mention.start) is not None) or (
        after is not None and after.match(text, mention.end) is not None
    )


@lru_cache(maxsize=16)
def _placed_cues(language: str, name: str) -> _Placed:
    """A cue list of the language whose phrases place the name with ``{}``
    ("border with {}", "{} border"), as a regex ending the text before a name
    (an article may stand between) and one opening the text after it."""
    registered = BY_CODE.get(language)
    phrases = registered.cues.get(name, ()) if registered else ()
    before = [re.escape(p.removesuffix("{}").strip()) for p in phrases if p.endswith("{}")]
    after = [re.escape(p.removeprefix("{}").strip()) for p in phrases if p.startswith("{}")]
    articles = r"(?:(?:the|la|le|les|du|des)\s+|l['’]\s*|d['’]\s*)?"
    return (
        re.compile(rf"(?<!\w)(?:{'|'.join(before)})\s+{articles}$", re.I) if before else None,
        re.compile(rf"\s+(?:{'|'.join(after)})(?!\w)", re.I) if after else None,
    )
