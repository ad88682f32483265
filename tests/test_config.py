"""Build settings: defaults, a user TOML file, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.config import load_config
from graph.errors import ConfigError


def test_defaults_without_a_file() -> None:
    config = load_config(None)
    assert config.story_threshold == 0.35 and config.jobs >= 1


def test_a_file_overrides_only_the_keys_it_sets(tmp_path: Path) -> None:
    path = tmp_path / "storygraph.toml"
    path.write_text('[build]\nstory_threshold = 0.5\nlanguage = "en"\n', encoding="utf-8")
    config = load_config(path)
    assert (config.story_threshold, config.default_language) == (0.5, "en")
    assert config.kb_dir is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[build]\nthreshold = 0.5\n", "unknown key [build].threshold; available: story_threshold"),
        ('[build]\njobs = "two"\n', "[build].jobs must be a int"),
        ("[build]\nstory_threshold = 3\n", "story_threshold must be in (0, 1]"),
        ('[build]\nlanguage = "de"\n', "language must be one of en, fr"),
        ("not toml = = =\n", "not valid TOML"),
    ],
)
def test_bad_files_name_the_file_and_the_fix(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(str(path)) and message in str(error.value)


def test_cli_rejects_a_bad_config_with_exit_1(tmp_path: Path, capsys) -> None:
    from graph.cli import main

    (tmp_path / "a.txt").write_text("Le ministre a parlé lundi 3 mars 2025.", encoding="utf-8")
    (tmp_path / "bad.toml").write_text("[build]\nnope = 1\n", encoding="utf-8")
    code = main(
        [
            "build",
            str(tmp_path / "a.txt"),
            "--out",
            str(tmp_path / "out"),
            "--config",
            str(tmp_path / "bad.toml"),
        ]
    )
    assert code == 1
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_storyline_settings_come_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "storygraph.toml"
    path.write_text(
        "[build]\nepisode_window_days = 14\n[build.storylines]\nthreshold = 0.45\n"
        "half_life_days = 365\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.episode_window_days == 14
    assert (config.storylines.threshold, config.storylines.half_life_days) == (0.45, 365.0)
    assert config.storylines.topic_weight == load_config(None).storylines.topic_weight


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[build.storylines]\nthreshhold = 0.4\n", "unknown key [build.storylines].threshhold"),
        ("[build.storylines]\nthreshold = true\n", "[build.storylines].threshold must be"),
        ("[build]\nepisode_window_days = -1\n", "episode_window_days must be 0 or more"),
    ],
)
def test_bad_storyline_settings_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "storygraph.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config(path)
