"""JSON as the readers meet it: text parsed without raising, and a value read as text.

Shared by JSON records and by the JSON-LD blocks of HTML pages.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from graph.errors import BadRecord, InputError


def _load_json(text: str, where: str, what: str) -> Any | InputError:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
        return BadRecord(where, f"{what} is not valid JSON ({detail}); fix or remove it")


def _as_text(value: Any, joiner: str = ", ", depth: int = 0) -> str | None:
    """A record value as text: names of objects, lists joined (nesting beyond 3 ignored)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool) or value is None or depth > 3:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Mapping):
        inner = value.get("name") or value.get("@value") or value.get("text")
        return _as_text(inner, joiner, depth + 1)
    if isinstance(value, list):
        parts = [_as_text(part, joiner, depth + 1) for part in value]
        return joiner.join(part for part in parts if part) or None
    return None
