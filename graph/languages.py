"""The one registry of the languages storygraph reads: one file per language,
``graph/data/languages/<code>.toml``, holding everything language-specific.

Every place that needs a language reads it here: the command line's
``--language`` choices, the configuration's checks, ingest's language
detection (restricted to these codes), the language models (the default
spaCy pipeline per code), the date rules (words and patterns), verb tense and
negation, the entity rules (thing nouns, institution nouns, locatives), the
cues of a sentence's parts, the trigger stems of each event type and the
phrases of each role. Each file is read and checked once, at import; a
problem is a :class:`~graph.errors.ConfigError` naming the file and the key.

Adding a language is a copy of a file under the new code with its words and
patterns translated (and the model as a dependency in ``pyproject.toml``).
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from graph.errors import ConfigError
from graph.resources import DATA_DIR
from graph.text import alternation

__all__ = [
    "BY_CODE",
    "CODES",
    "DEFAULT_MODELS",
    "LANGUAGES",
    "LANGUAGES_DIR",
    "REQUIRED_SECTIONS",
    "DateWords",
    "Display",
    "EntityWords",
    "Language",
    "TenseWords",
    "cue",
    "load_language",
    "load_languages",
    "read_table",
]

LANGUAGES_DIR: Final = DATA_DIR / "languages"
REQUIRED_SECTIONS: Final = (
    "dates", "date_rules", "tense", "display", "entities", "cues", "triggers", "roles"
)  # fmt: skip
TENSE_METHODS: Final = ("morphology", "auxiliaries")
DISPLAY_WORDS: Final = (
    "about", "early-month", "mid-month", "late-month", "week", "days-before", "days-after",
    "reported", "planned", "spring", "summer", "autumn", "winter",
)  # fmt: skip
_UNITS: Final = ("day", "week", "month", "year")
_SEASONS: Final = ("spring", "summer", "autumn", "winter")
_PARTS: Final = ("early-month", "mid-month", "late-month")

_Words = tuple[str, ...]


@dataclass(frozen=True)
class DateWords:
    """``[dates]``: the words the date rules are built from and read back."""

    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]  # only next to a day number
    weekdays: Mapping[str, int]  # Monday is 0
    weekday_abbreviations: Mapping[str, int]
    numbers: Mapping[str, int]
    vague_numbers: _Words  # "quelques", "several": a count we cannot pin down
    units: Mapping[str, str]  # word -> day, week, month or year
    seasons: Mapping[str, str]  # word -> spring, summer, autumn or winter
    month_parts: Mapping[str, str]  # word -> early-month, mid-month or late-month
    last: _Words  # "dernier", "last": the past one
    next: _Words  # "prochain", "next": the coming one
    until: _Words  # regexes before a day that ends its event ("jusqu'au", "until")
    cue_words: _Words  # words without which (or a digit, month, …) no rule matches
    day_first: bool  # 03/04/2024 is the 3rd of April
    capitalised_names: bool  # month and weekday names count only capitalised


@dataclass(frozen=True)
class TenseWords:
    """``[tense]``: how a verb's tense is read, what speaks of the future, what negates."""

    verbs: str  # one of TENSE_METHODS: the handler of graph/extract/verbs.py
    future: str  # a regex: the clause speaks of the future
    future_case_sensitive: bool
    # a regex: a verb in the past right before a time, whose time it is ("said on
    # Thursday the Pentagon would…": Thursday is past, whatever the clause says after)
    past_before: str
    # a regex: a verb of saying in the past after a time and before the words of the
    # future, which tell what it reports ("On Tuesday, X said the move would…")
    said_after: str
    negations: frozenset[str]
    future_auxiliaries: frozenset[str]
    present_passive_auxiliaries: frozenset[str]
    past_perfect_auxiliaries: frozenset[str]


@dataclass(frozen=True)
class Display:
    """``[display]``: the labels of intervals on the page."""

    months: _Words  # twelve, January first
    month_abbreviations: _Words
    words: Mapping[str, str]  # qualifier -> template with {}


@dataclass(frozen=True)
class EntityWords:
    """``[entities]``: the words of the entity rules."""

    thing_nouns: frozenset[str]
    thing_name_before_noun: bool  # "the Aster-3 probe" as well as "the probe Aster-3"
    gathering_nouns: frozenset[str]  # keep the noun: "le festival de Brest"
    gathering_of: frozenset[str]
    institution_heads: frozenset[str]
    institution_head_last: bool  # "Supreme Court" as well as "Cour suprême"
    locatives: frozenset[str]
    articles: frozenset[str]
    source_cues: tuple[_Words, ...]  # "according to": a source, not a place
    place_cues: tuple[_Words, ...]  # "the town of": a place, whatever the model says
    demonyms_match_case: bool
    attributive_country_names: bool  # "US President": a country's name before a role
    event_naming_stems: _Words  # "baptisées", "dubbed"
    event_name_not_between: frozenset[str]
    media_words: frozenset[str] = (
        frozenset()
    )  # a name holding one is a news outlet ("Ostland Daily News")
    honorifics: frozenset[str] = frozenset()  # "M.", "Mrs": before a name, not part of it
    title_words: frozenset[str] = frozenset()  # a name made of these alone is a role ("State")
    # between a title and the institution of the post ("Minister in the Ministry of Finance")
    post_of: frozenset[str] = frozenset()
    contest_words: frozenset[str] = frozenset()  # a country right before one names a contest
    singular_articles: frozenset[str] = frozenset()  # "the", "a", "le": one person, a demonym after
    collective_demonym_endings: frozenset[str] = frozenset()  # "the French": a whole people
    # a name ending in one ("Essequibo Coast", "Pinewood Drive") or opening on the
    # other ("rue de la Paix", "Lake Tahoe") is a place, whatever the model read
    toponym_last: frozenset[str] = frozenset()
    toponym_first: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Language:
    """One supported language: its code, English name, default spaCy model and
    everything language-specific the stages read (one section per field)."""

    code: str
    name: str
    model: str
    dates: DateWords
    date_rules: Mapping[str, _Words]  # rule key -> patterns (graph/extract/dates/rules.py)
    tense: TenseWords
    display: Display
    entities: EntityWords
    cues: Mapping[str, _Words]  # cue (background, circumstance, …; see the files) -> phrases
    triggers: Mapping[str, _Words]  # event type (graph/data/event_types.tsv) -> stems
    roles: Mapping[str, _Words]  # role (graph/data/roles.tsv) -> phrases
    source: Path  # the file it was read from, for messages


def read_table(path: Path) -> list[dict[str, str]]:
    """The rows of a shipped TSV table: ``#`` lines are comments, the first
    other line names the columns; cells are stripped, missing ones empty.

    Raises:
        ConfigError: a row has more cells than the header names.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    if not rows:
        raise ConfigError(f"{path}: no header line naming the columns")
    header, body = [h.strip() for h in rows[0]], rows[1:]
    table = []
    for number, row in enumerate(body, start=2):
        if len(row) > len(header):
            raise ConfigError(f"{path}: row {number} has more cells than the header names")
        cells = [c.strip() for c in row] + [""] * (len(header) - len(row))
        table.append(dict(zip(header, cells, strict=True)))
    return table


class _Reader:
    """Typed reads of one file's values, each failure a ConfigError naming file and key."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def fail(self, where: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.path}: {where}: {problem}")

    def section(self, name: str) -> dict[str, Any]:
        if name not in self.data:
            raise self.fail(f"[{name}]", "missing section")
        value = self.data[name]
        if not isinstance(value, dict):
            raise self.fail(name, "must be a section (a [table])")
        return value

    def text(self, table: dict[str, Any], where: str, key: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value:
            raise self.fail(f"{where}{key}", "missing or not a non-empty string")
        return value

    def flag(
        self, table: dict[str, Any], where: str, key: str, default: bool | None = None
    ) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(f"{where}{key}", "missing or not true/false")
        return value

    def words(self, table: dict[str, Any], where: str, key: str, required: bool = False) -> _Words:
        if key not in table and not required:
            return ()
        value = table.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise self.fail(f"{where}{key}", "missing or not a list of non-empty strings")
        if required and not value:
            raise self.fail(f"{where}{key}", "must not be empty")
        return tuple(value)

    def mapping(
        self, table: dict[str, Any], where: str, key: str, kind: type, required: bool = False
    ) -> Mapping[str, Any]:
        if key not in table and not required:
            return MappingProxyType({})
        value = table.get(key)
        if not isinstance(value, dict) or (required and not value):
            raise self.fail(f"{where}{key}", "missing, empty or not a table")
        for word, item in value.items():
            if not isinstance(item, kind) or isinstance(item, bool):
                raise self.fail(f"{where}{key}.{word}", f"must be a {kind.__name__}")
        return MappingProxyType(dict(value))

    def word_lists(self, name: str) -> Mapping[str, _Words]:
        table = self.section(name)
        return MappingProxyType({k: self.words(table, f"[{name}] ", k, True) for k in table})


def _choice(reader: _Reader, value: str, where: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise reader.fail(where, f"{value!r} is not one of {', '.join(allowed)}")
    return value


def _values(
    r: _Reader, table: Mapping[str, str], where: str, allowed: tuple[str, ...]
) -> Mapping[str, str]:
    for word, value in table.items():
        _choice(r, value, f"{where}.{word}", allowed)
    return table


def _dates(r: _Reader) -> DateWords:
    t, w = r.section("dates"), "[dates] "
    return DateWords(
        months=r.mapping(t, w, "months", int, required=True),
        month_abbreviations=r.mapping(t, w, "month_abbreviations", int),
        weekdays=r.mapping(t, w, "weekdays", int, required=True),
        weekday_abbreviations=r.mapping(t, w, "weekday_abbreviations", int),
        numbers=r.mapping(t, w, "numbers", int, required=True),
        vague_numbers=r.words(t, w, "vague_numbers"),
        last=r.words(t, w, "last"),
        next=r.words(t, w, "next"),
        until=r.words(t, w, "until"),
        cue_words=r.words(t, w, "cue_words"),
        units=_values(r, r.mapping(t, w, "units", str, required=True), f"{w}units", _UNITS),
        seasons=_values(r, r.mapping(t, w, "seasons", str), f"{w}seasons", _SEASONS),
        month_parts=_values(r, r.mapping(t, w, "month_parts", str), f"{w}month_parts", _PARTS),
        day_first=r.flag(t, w, "day_first"),
        capitalised_names=r.flag(t, w, "capitalised_names", False),
    )


def _tense(r: _Reader) -> TenseWords:
    t, w = r.section("tense"), "[tense] "
    return TenseWords(
        verbs=_choice(r, r.text(t, w, "verbs"), f"{w}verbs", TENSE_METHODS),
        future=r.text(t, w, "future"),
        future_case_sensitive=r.flag(t, w, "future_case_sensitive", False),
        past_before=r.text(t, w, "past_before"),
        said_after=r.text(t, w, "said_after"),
        negations=frozenset(r.words(t, w, "negations", True)),
        **{
            k: frozenset(r.words(t, w, k))
            for k in (
                "future_auxiliaries",
                "present_passive_auxiliaries",
                "past_perfect_auxiliaries",
            )
        },
    )


def _display(r: _Reader) -> Display:
    t, w = r.section("display"), "[display] "
    months, abbreviations = (
        r.words(t, w, "months", True),
        r.words(t, w, "month_abbreviations", True),
    )
    for key, names in (("months", months), ("month_abbreviations", abbreviations)):
        if len(names) != 12:
            raise r.fail(f"{w}{key}", f"must name 12 months, not {len(names)}")
    words = r.mapping(t, w, "words", str, required=True)
    if missing := sorted(set(DISPLAY_WORDS) - set(words)):
        raise r.fail(f"{w}words.{missing[0]}", "missing")
    return Display(months, abbreviations, words)


def _entities(r: _Reader) -> EntityWords:
    t, w = r.section("entities"), "[entities] "

    def words(key: str) -> frozenset[str]:
        return frozenset(r.words(t, w, key))

    return EntityWords(
        thing_nouns=words("thing_nouns"),
        thing_name_before_noun=r.flag(t, w, "thing_name_before_noun", False),
        gathering_nouns=words("gathering_nouns"),
        gathering_of=words("gathering_of"),
        institution_heads=words("institution_heads"),
        institution_head_last=r.flag(t, w, "institution_head_last", False),
        locatives=words("locatives"),
        articles=words("articles"),
        source_cues=tuple(tuple(cue.split()) for cue in r.words(t, w, "source_cues")),
        place_cues=tuple(tuple(cue.split()) for cue in r.words(t, w, "place_cues")),
        demonyms_match_case=r.flag(t, w, "demonyms_match_case", False),
        attributive_country_names=r.flag(t, w, "attributive_country_names", False),
        event_naming_stems=r.words(t, w, "event_naming_stems"),
        event_name_not_between=words("event_name_not_between"),
        media_words=words("media_words"),
        honorifics=words("honorifics"),
        title_words=words("title_words"),
        post_of=words("post_of"),
        contest_words=words("contest_words"),
        singular_articles=words("singular_articles"),
        collective_demonym_endings=words("collective_demonym_endings"),
        toponym_last=words("toponym_last"),
        toponym_first=words("toponym_first"),
    )


def load_language(path: Path) -> Language:
    """The language of one file (its code is the file's stem).

    Raises:
        ConfigError: the file is not valid TOML, or a section or key is missing
            or of the wrong kind; the message names the file and the key.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    r = _Reader(path, data)
    code = r.text(data, "", "code")
    if code != path.stem:
        raise r.fail("code", f"{code!r} differs from the file's name {path.stem!r}")
    for name in REQUIRED_SECTIONS:
        r.section(name)
    return Language(
        code=code,
        name=r.text(data, "", "name"),
        model=r.text(data, "", "model"),
        dates=_dates(r),
        date_rules=r.word_lists("date_rules"),
        tense=_tense(r),
        display=_display(r),
        entities=_entities(r),
        cues=r.word_lists("cues"),
        triggers=r.word_lists("triggers"),
        roles=r.word_lists("roles"),
        source=path,
    )


def load_languages(folder: Path = LANGUAGES_DIR) -> tuple[Language, ...]:
    """Every ``<code>.toml`` of ``folder``, in order of code.

    Raises:
        ConfigError: no language file, or one of them is malformed.
    """
    languages = tuple(load_language(path) for path in sorted(folder.glob("*.toml")))
    if not languages:
        raise ConfigError(f"{folder}: no language file (<code>.toml)")
    return languages


LANGUAGES: Final = load_languages()
CODES: Final = tuple(language.code for language in LANGUAGES)
DEFAULT_MODELS: Final = {language.code: language.model for language in LANGUAGES}
BY_CODE: Final[dict[str, Language]] = {language.code: language for language in LANGUAGES}


# tens of cues of each language are read per sentence: the cache holds every one
@lru_cache(maxsize=256)
def cue(name: str, language: str) -> re.Pattern[str] | None:
    """The words of one cue (the ``[cues]`` section of the language's file), as a regex."""
    registered = BY_CODE.get(language)
    words = registered.cues.get(name, ()) if registered else ()
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + alternation(words) + r")(?!\w)", re.I)
