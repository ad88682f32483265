"""Build settings: shipped defaults, overlaid by an optional user TOML file.

A user file sets only the keys it wants, under a ``[build]`` table::

    [build]
    story_threshold = 0.4   # cosine from which two articles share a story
    kb = "my-entities/"     # folder of extra knowledge-base TSV files
    jobs = 4                # worker processes (0 = all cores)
    language = "en"         # assumed when detection is unsure

It is validated once at start: an unknown key or a wrong type is an error that
names the file, the key and the accepted keys. Command-line options win over
the file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from graph.errors import ConfigError
from graph.resolve.stories import DEFAULT_THRESHOLD


@dataclass(frozen=True)
class BuildConfig:
    """Settings of a build: shipped defaults here, overlaid by :func:`load_config`."""

    story_threshold: float = DEFAULT_THRESHOLD
    kb_dir: str | None = None
    jobs: int = 1
    default_language: str = "fr"
    cache_dir: str | None = None


def all_cores_if_zero(jobs: int) -> int:
    """The worker count a user asked for, 0 meaning every core."""
    return jobs or os.cpu_count() or 1


_KEYS: dict[str, tuple[type, str]] = {
    "story_threshold": (float, "story_threshold"),
    "kb": (str, "kb_dir"),
    "jobs": (int, "jobs"),
    "language": (str, "default_language"),
}
_LANGUAGES = ("fr", "en")


def load_config(path: Path | None) -> BuildConfig:
    """The shipped defaults, overlaid by the ``[build]`` table of ``path`` if given.

    Raises:
        ConfigError: the file is missing, not TOML, or sets an unknown or ill-typed key.
    """
    config = BuildConfig(jobs=all_cores_if_zero(0))
    if path is None:
        return config
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("build", {})
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration file ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    return replace(config, **_checked(path, table))


def _checked(path: Path, table: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KEYS:
            raise ConfigError(f"{path}: unknown key [build].{key}; available: {', '.join(_KEYS)}")
        kind, field_name = _KEYS[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ConfigError(f"{path}: [build].{key} must be a {kind.__name__}, not {value!r}")
        values[field_name] = value
    if values.get("default_language", "fr") not in _LANGUAGES:
        raise ConfigError(f"{path}: [build].language must be one of {', '.join(_LANGUAGES)}")
    threshold = values.get("story_threshold", DEFAULT_THRESHOLD)
    if not (isinstance(threshold, float) and 0.0 < threshold <= 1.0):
        raise ConfigError(f"{path}: [build].story_threshold must be in (0, 1]")
    if "jobs" in values:
        values["jobs"] = all_cores_if_zero(values["jobs"])
    return values
