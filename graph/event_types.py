"""The one vocabulary of event types, read from ``graph/data/event_types.tsv``.

Every stage that needs the types reads them here: extract (the trigger stems
per language, from each language file's ``[triggers]``; the nameable types,
the verbs of saying), resolve (the merge families), export (the RDF classes
``sg:<type>``, ontology labels checked by a test). Adding a type is a row in
the file, its triggers in each language file (and its class in the ontology).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from graph.errors import ConfigError
from graph.languages import LANGUAGES, Language, read_table
from graph.resources import DATA_DIR

__all__ = [
    "BIRTH",
    "EVENT_TYPES",
    "FALLBACK",
    "NAMEABLE",
    "PERSONAL",
    "SAYING",
    "TELLING",
    "TYPE_NAMES",
    "UNACTED",
    "EventType",
    "family",
    "load_event_types",
]


@dataclass(frozen=True)
class EventType:
    """One event type: its class name, English label, merge family, whether its
    instances get proper names, and its trigger stems per language code."""

    name: str
    label: str
    triggers: dict[str, tuple[str, ...]]
    family: str = ""
    nameable: bool = False
    role: str = (
        ""  # "saying", "fallback", "unacted", "telling", "personal" or "hostile": the file's header
    )
    lasting: bool = False  # a state that lasts (a war): no happening of the report's days

    def __hash__(self) -> int:  # triggers is a dict; the name identifies the type
        return hash(self.name)


# the roles a type may have (event_types.tsv's header says what each means)
_ROLES: Final = frozenset({"", "saying", "fallback", "unacted", "telling", "personal", "hostile"})


def load_event_types(
    path: Path = DATA_DIR / "event_types.tsv", languages: tuple[Language, ...] = LANGUAGES
) -> tuple[EventType, ...]:
    """The event types of ``path``, in file order (the order breaks trigger ties),
    with the trigger stems each language file lists for them (``[triggers]``).

    Raises:
        ConfigError: a role other than saying/fallback/unacted/telling, or not exactly
            one saying and one fallback type; a language file lists triggers of
            a type ``path`` lacks.
    """
    rows = read_table(path)
    names = {row["type"] for row in rows}
    for language in languages:
        if extra := sorted(set(language.triggers) - names):
            raise ConfigError(f"{language.source}: [triggers] {extra[0]}: no such event type")
    types = tuple(
        EventType(
            name=row["type"],
            label=row["label_en"],
            triggers={x.code: x.triggers.get(row["type"], ()) for x in languages},
            family=row["family"] or row["type"],
            nameable=row["nameable"] == "yes",
            role=row["role"],
            lasting=row.get("lasting") == "yes",
        )
        for row in rows
    )
    for role in ("saying", "fallback"):
        if sum(t.role == role for t in types) != 1:
            raise ConfigError(f"{path}: exactly one event type must have the role {role}")
    if unknown := {t.role for t in types} - _ROLES:
        raise ConfigError(f"{path}: unknown role(s) {', '.join(sorted(unknown))}")
    return types


EVENT_TYPES: Final = load_event_types()
TYPE_NAMES: Final = tuple(t.name for t in EVENT_TYPES)
FALLBACK: Final = next(t.name for t in EVENT_TYPES if t.role == "fallback")
SAYING: Final = next(t.name for t in EVENT_TYPES if t.role == "saying")
NAMEABLE: Final = frozenset(t.name for t in EVENT_TYPES if t.nameable)
# what happens to a place or is done by a crowd no name gives (an earthquake, a crash,
# a protest, a funeral): an event even with no actor named
UNACTED: Final = frozenset(t.name for t in EVENT_TYPES if t.role == "unacted")
# what happens to one person (a birth): its actors are people
PERSONAL: Final = frozenset(t.name for t in EVENT_TYPES if t.role == "personal")
# a person's anniversary is of their birth: the first personal type of the table
BIRTH: Final = next(t.name for t in EVENT_TYPES if t.role == "personal")
# what is said or announced: a date inside what they tell dates that, not the telling
TELLING: Final = frozenset(t.name for t in EVENT_TYPES if t.role in ("saying", "telling"))
# an act of war: who tells of it takes no part in it (graph.extract.tellers.without_tellers)
HOSTILE: Final = frozenset(t.name for t in EVENT_TYPES if t.role == "hostile")
_FAMILY: Final = {t.name: t.family for t in EVENT_TYPES}
LABELS: Final = {t.name: t.label for t in EVENT_TYPES}


def family(event_type: str) -> str:
    """The merge family of a type ("Call" and "Meeting" are both "talk").

    >>> family("Call"), family("Visit")
    ('talk', 'Visit')
    """
    return _FAMILY.get(event_type, event_type)
