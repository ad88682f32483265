"""Build settings: shipped defaults, overlaid by an optional user TOML file.

A user file sets only the keys it wants, under a ``[build]`` table::

    [build]
    story_threshold = 0.4   # cosine from which two articles share a story
    kb = "my-entities/"     # folder of extra knowledge-base TSV files
    jobs = 4                # worker processes (0 = all cores)
    language = "en"         # assumed when detection is unsure

    episode_window_days = 30  # most days between the reports of one episode

    [build.models]          # another installed spaCy pipeline for a language
    en = "en_core_web_md"

    [build.storylines]      # how episodes gather into storylines (graph.resolve.storylines)
    threshold = 0.3
    half_life_days = 730

It is validated once at start: an unknown key or a wrong type is an error that
names the file, the key and the accepted keys. Command-line options win over
the file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from graph.errors import ConfigError
from graph.languages import CODES, DEFAULT_MODELS

DEFAULT_THRESHOLD = 0.35  # cosine from which two articles share a story (graph.resolve.stories)
DEFAULT_EPISODE_WINDOW = 30  # most days between the publications of one episode's articles


@dataclass(frozen=True)
class StorylineSettings:
    """How episodes gather into storylines (:mod:`graph.resolve.storylines` says
    what each threshold means)."""

    threshold: float = 0.3
    topic_weight: float = 0.5
    min_entities: float = 0.12
    half_life_days: float = 730.0
    decay_floor: float = 0.5
    related: float = 0.3


@dataclass(frozen=True)
class BuildConfig:
    """Settings of a build: shipped defaults here, overlaid by :func:`load_config`.

    ``models`` holds (language code, spaCy pipeline name) pairs that replace the
    registry's default models (``graph/data/languages/<code>.toml``), sorted by code.
    """

    story_threshold: float = DEFAULT_THRESHOLD
    episode_window_days: int = DEFAULT_EPISODE_WINDOW
    storylines: StorylineSettings = StorylineSettings()
    kb_dir: str | None = None
    jobs: int = 1
    default_language: str = "fr"
    cache_dir: str | None = None
    models: tuple[tuple[str, str], ...] = ()
    executor: str = "local"  # or "dask": the per-article stage on dask.distributed
    scheduler: str | None = None  # a dask scheduler's address; None: a LocalCluster of jobs workers

    def model_for(self, language: str) -> str | None:
        """The spaCy pipeline to load for ``language``: the configured one, else
        the registry's default (None for a language storygraph does not read)."""
        return dict(self.models).get(language) or DEFAULT_MODELS.get(language)


def all_cores_if_zero(jobs: int) -> int:
    """The worker count a user asked for, 0 meaning every core."""
    return jobs or os.cpu_count() or 1


_KEYS: dict[str, tuple[type, str]] = {
    "story_threshold": (float, "story_threshold"),
    "kb": (str, "kb_dir"),
    "jobs": (int, "jobs"),
    "language": (str, "default_language"),
    "models": (dict, "models"),
    "episode_window_days": (int, "episode_window_days"),
    "storylines": (dict, "storylines"),
}


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
    if values.get("default_language", "fr") not in CODES:
        raise ConfigError(f"{path}: [build].language must be one of {', '.join(CODES)}")
    if "models" in values:
        values["models"] = _models(path, values["models"])
    if "storylines" in values:
        values["storylines"] = _storylines(path, values["storylines"])
    if values.get("episode_window_days", DEFAULT_EPISODE_WINDOW) < 0:
        raise ConfigError(f"{path}: [build].episode_window_days must be 0 or more")
    threshold = values.get("story_threshold", DEFAULT_THRESHOLD)
    if not (isinstance(threshold, float) and 0.0 < threshold <= 1.0):
        raise ConfigError(f"{path}: [build].story_threshold must be in (0, 1]")
    if "jobs" in values:
        values["jobs"] = all_cores_if_zero(values["jobs"])
    return values


def _models(path: Path, table: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The [build.models] table as sorted (code, model name) pairs, checked."""
    for code, name in table.items():
        if code not in CODES:
            raise ConfigError(f"{path}: [build.models].{code}: not a language code; "
                              f"available: {', '.join(CODES)}")  # fmt: skip
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{path}: [build.models].{code} must name a spaCy pipeline")
    return tuple(sorted((code, name.strip()) for code, name in table.items()))


def _storylines(path: Path, table: dict[str, Any]) -> StorylineSettings:
    """The [build.storylines] table over the shipped settings, checked."""
    names = [f.name for f in fields(StorylineSettings)]
    for key, value in table.items():
        if key not in names:
            raise ConfigError(f"{path}: unknown key [build.storylines].{key}; "
                              f"available: {', '.join(names)}")  # fmt: skip
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ConfigError(f"{path}: [build.storylines].{key} must be a number >= 0")
    return replace(StorylineSettings(), **{k: float(v) for k, v in table.items()})
