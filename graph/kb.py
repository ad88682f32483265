"""The knowledge base of known entities, roles and event types (data, not code).

Everything the extractor knows in advance lives in tab-separated files under
``graph/data/`` so users can extend it without touching code: countries (with
demonyms and capitals), places (capitals know the country they stand for when
used as a government: "selon Pékin"), people (with the positions they held,
dated, so that "the Chinese defence minister" resolves to whoever held the post
at the event's date), organisations, role phrases and event-type triggers.

A user file given with ``--kb`` adds rows in the same formats (files named
``countries.tsv``, ``places.tsv``, ``people_orgs.tsv`` in a folder); a row with
an existing key replaces the shipped row. Named-entity recognition still finds
entities the knowledge base does not know; see :mod:`graph.extract.entities`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from graph.errors import ConfigError
from graph.event_types import EVENT_TYPES, EventType
from graph.languages import CODES, LANGUAGES, read_table
from graph.resources import DATA_DIR
from graph.text import fold, slug
from graph.types import EntityKind

__all__ = [
    "WIKIDATA",
    "KnowledgeBase",
    "KnownEntity",
    "Position",
    "RolePattern",
    "default_kb",
    "load_kb",
]

WIKIDATA = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class Position:
    """A dated post held by a person (Wikidata P39 in spirit)."""

    role: str
    country: str
    start: date
    end: date | None

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class KnownEntity:
    key: str
    kind: EntityKind
    label: str
    aliases: tuple[str, ...]
    wikidata: str | None = None
    capital_of: str | None = None
    positions: tuple[Position, ...] = ()
    media: bool = False  # a news outlet: it reports happenings, it rarely takes part


@dataclass(frozen=True)
class RolePattern:
    role: str
    label: str
    patterns: dict[str, tuple[str, ...]]


@dataclass(frozen=True, eq=False)  # hashed by identity: used as a cache key
class KnowledgeBase:
    """All shipped (and user-added) entity, role and event-type data."""

    entities: dict[str, KnownEntity]
    demonyms: dict[str, dict[str, str]]  # language -> surface form -> country key
    roles: tuple[RolePattern, ...]
    event_types: tuple[EventType, ...]
    surface_forms: dict[str, str] = field(default_factory=dict)  # alias -> key
    legal_forms: frozenset[str] = frozenset()  # "asa", "inc": a company's name ends in one
    # "sino" -> "china": the first parts of a compound adjective ("sino-russe", "Franco-German")
    combining_forms: dict[str, str] = field(default_factory=dict)

    def holder_of(self, role: str, country: str, day: date) -> str | None:
        """Key of the person who held ``role`` for ``country`` on ``day``, if known."""
        for entity in self.entities.values():
            if any(
                p.role == role and p.country == country and p.held_on(day) for p in entity.positions
            ):
                return entity.key
        return None

    def country_name_forms(self) -> Iterator[tuple[str, str]]:
        for entity in self.entities.values():
            if entity.kind == "country":
                for alias in (entity.label, *entity.aliases):
                    yield alias, entity.key


def _key(cell: str) -> str:
    """A knowledge-base key as a slug: keys become IRIs, whatever a user file holds."""
    return cell if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", cell) else slug(cell)


def french_inflections(masculine: str) -> tuple[str, ...]:
    """Gender and number forms of a French demonym given its masculine singular.

    >>> french_inflections("ukrainien")
    ('ukrainien', 'ukrainienne', 'ukrainiennes', 'ukrainiens')
    >>> french_inflections("russe")
    ('russe', 'russes')
    >>> french_inflections("nord-coréen")
    ('nord-coréen', 'nord-coréenne', 'nord-coréennes', 'nord-coréens')
    """
    w = masculine
    if w.endswith("e"):
        forms = {w, w + "s"}
    elif w.endswith(("s", "x")):
        forms = {w, w + "e", w + "es"}
    elif w.endswith(("en", "on")):  # "ukrainienne", "coréenne", "paraguayenne", "lettonne"
        forms = {w, w + "s", w + "ne", w + "nes"}
    elif w.endswith("c"):
        forms = {w, w + "s", w[:-1] + "que", w[:-1] + "ques"}
    else:
        forms = {w, w + "s", w + "e", w + "es"}
    return tuple(sorted(forms))


def _rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for lineno, row in enumerate(csv.reader(handle, delimiter="\t"), start=1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) < 3:
                raise ConfigError(f"{path}:{lineno}: expected tab-separated columns, got {row!r}")
            yield [cell.strip() for cell in row]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _col(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def _wikidata(qid: str) -> str | None:
    if not qid:
        return None
    if not re.fullmatch(r"Q[1-9][0-9]*", qid):
        raise ConfigError(f"wikidata id {qid!r} is not of the form Q<digits> (e.g. Q148)")
    return WIKIDATA + qid


def _positions(cell: str) -> tuple[Position, ...]:
    positions = []
    for part in filter(None, (p.strip() for p in cell.split(";"))):
        role_country, start, end = part.split(":")
        role, country = role_country.split("@")
        positions.append(
            Position(
                role, country, date.fromisoformat(start), date.fromisoformat(end) if end else None
            )
        )
    return tuple(positions)


def _load_countries(
    path: Path, entities: dict[str, KnownEntity], demonyms: dict[str, dict[str, str]]
) -> None:
    for row in _rows(path):
        key, qid, label = _key(row[0]), row[1], row[2]
        aliases = _split(_col(row, 3)) + _split(_col(row, 4))
        entities[key] = KnownEntity(key, "country", label, aliases, _wikidata(qid))
        for masculine in _split(_col(row, 5)):
            for form in french_inflections(masculine):
                demonyms["fr"][form] = key
        for form in _split(_col(row, 6)):
            demonyms["en"][form] = key


def _load_places(path: Path, entities: dict[str, KnownEntity]) -> None:
    for row in _rows(path):
        key, qid, label = _key(row[0]), row[1], row[2]
        aliases = _split(_col(row, 3)) + _split(_col(row, 4))
        entities[key] = KnownEntity(
            key, "place", label, aliases, _wikidata(qid), capital_of=_col(row, 5) or None
        )


def _load_people_orgs(path: Path, entities: dict[str, KnownEntity]) -> None:
    for row in _rows(path):
        kind, key, qid, label = row[0], _key(row[1]), row[2], row[3]
        if kind not in ("person", "organization", "media"):
            raise ConfigError(f"{path}: unknown kind {kind!r} (expected person, organization "
                              "or media)")  # fmt: skip
        entities[key] = KnownEntity(
            key,
            "person" if kind == "person" else "organization",
            label,
            _split(_col(row, 4)),
            _wikidata(qid),
            positions=_positions(_col(row, 5)),
            media=kind == "media",
        )


def _load_roles(path: Path) -> tuple[RolePattern, ...]:
    """The roles of ``path`` with the phrases each language file lists (``[roles]``)."""
    rows = read_table(path)
    names = {row["role"] for row in rows}
    for language in LANGUAGES:
        if unknown := sorted(set(language.roles) - names):
            raise ConfigError(f"{language.source}: [roles] {unknown[0]}: no such role")
    return tuple(
        RolePattern(row["role"], row["label_en"],
                    {x.code: x.roles.get(row["role"], ()) for x in LANGUAGES})
        for row in rows
    )  # fmt: skip


def _load_file(
    path: Path, entities: dict[str, KnownEntity], demonyms: dict[str, dict[str, str]]
) -> None:
    if path.name == "countries.tsv":
        _load_countries(path, entities, demonyms)
    elif path.name == "places.tsv":
        _load_places(path, entities)
    else:
        _load_people_orgs(path, entities)


def load_kb(extra_dir: Path | None = None) -> KnowledgeBase:
    """Load the shipped knowledge base, overlaid with a user folder if given.

    Raises:
        ConfigError: a data file is malformed; the message names file and line.
    """
    entities: dict[str, KnownEntity] = {}
    demonyms: dict[str, dict[str, str]] = {code: {} for code in CODES}
    for folder in (DATA_DIR, extra_dir):
        if folder is None:
            continue
        if not folder.is_dir():
            raise ConfigError(f"{folder}: knowledge-base folder not found")
        for name in ("countries.tsv", "places.tsv", "people_orgs.tsv"):
            path = folder / name
            if not path.exists():
                continue
            try:
                _load_file(path, entities, demonyms)
            except (ConfigError, ValueError) as exc:
                if str(path) in str(exc):
                    raise
                raise ConfigError(f"{path}: {exc}") from exc
    surface: dict[str, str] = {}
    for entity in entities.values():
        for alias in (entity.label, *entity.aliases):
            surface.setdefault(alias, entity.key)
    return KnowledgeBase(
        entities=entities,
        demonyms=demonyms,
        roles=_load_roles(DATA_DIR / "roles.tsv"),
        event_types=EVENT_TYPES,
        surface_forms=surface,
        legal_forms=frozenset(
            fold(row["form"]) for row in read_table(DATA_DIR / "legal_forms.tsv")
        ),
        combining_forms={
            row["form"].casefold(): row["country"]
            for row in read_table(DATA_DIR / "combining_forms.tsv")
            if row["country"] in entities
        },
    )


@lru_cache(maxsize=4)
def default_kb(extra_dir: str | None = None) -> KnowledgeBase:
    """The knowledge base, loaded once per process (and per user folder)."""
    return load_kb(Path(extra_dir) if extra_dir else None)
