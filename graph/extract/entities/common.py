"""What the other modules of :mod:`graph.extract.entities` share: the kinds of
mentions, the labels the model gives names, quotes and hyphens, node keys and
the tokens spans cover.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from spacy.tokens import Doc, Span

from graph import schema
from graph.text import slug
from graph.types import EntityKind

ACTOR_KINDS: Final = frozenset(schema.ACTOR_KINDS)  # mention kinds are the graph's node kinds
_NER_KINDS: dict[str, EntityKind] = {
    "PER": "person",
    "PERSON": "person",
    "ORG": "organization",
    "LOC": "place",
    "GPE": "place",
    "FAC": "place",
}
_ASCII_HYPHEN: Final = frozenset({"-"})
_HYPHENS: Final = _ASCII_HYPHEN | {"‐", "‑"}  # and the Unicode hyphens inside words
_OPENING_QUOTES = frozenset({"«", "“", "‘", '"'})
_AROUND_NAMES = "«»“”‘’\"' "  # quotes and spaces a name is stripped of
_CLOSING_QUOTES = frozenset({"»", "”", "’", '"'})


def entity_key(kind: EntityKind, name: str) -> str:
    """Node id of an entity: ``"<kind>/<slug>"``."""
    return f"{kind}/{slug(name)}"


def _glued_hyphen(doc: Doc, i: int, hyphens: frozenset[str] = _ASCII_HYPHEN) -> bool:
    """Whether token ``i`` is a hyphen joining the words on either side of it
    with no space: one word the tokenizer split ("Météo-France", "brise-glace")."""
    return (
        1 <= i < len(doc) - 1
        and doc[i].text in hyphens
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


def _tokens(spans: Iterable[Span]) -> set[int]:
    """The indices of the tokens the spans cover."""
    return {i for span in spans for i in range(span.start, span.end)}
