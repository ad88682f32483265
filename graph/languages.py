"""The one registry of the languages storygraph reads (``graph/data/languages.tsv``).

Every place that needs the list reads it here: the command line's
``--language`` choices, the configuration's checks, ingest's language
detection (restricted to these codes), the language models (the default
spaCy pipeline per code), the knowledge base's per-language columns
(``triggers_<code>`` in ``event_types.tsv``, ``patterns_<code>`` in
``roles.tsv``) and the date rules (whose word tables are keyed by code).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from graph.errors import ConfigError
from graph.resources import DATA_DIR

__all__ = ["CODES", "DEFAULT_MODELS", "LANGUAGES", "Language", "read_table"]


@dataclass(frozen=True)
class Language:
    """One supported language: its code, English name and default spaCy model."""

    code: str
    name: str
    model: str


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


def _load(path: Path) -> tuple[Language, ...]:
    return tuple(Language(r["code"], r["name"], r["model"]) for r in read_table(path))


LANGUAGES: Final = _load(DATA_DIR / "languages.tsv")
CODES: Final = tuple(language.code for language in LANGUAGES)
DEFAULT_MODELS: Final = {language.code: language.model for language in LANGUAGES}
