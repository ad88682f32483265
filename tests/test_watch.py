"""Watch mode: a rebuild on every change of the inputs, in one process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.cli import main
from graph.cli.watch import input_snapshot, watch

ARTICLE = (
    "Le ministre fictif Paulin Marchetti a rencontré mardi 4 mars 2031 à Lisbonne "
    "son homologue Edvard Lindqvist pour parler de coopération navale.\n"
)


def test_snapshot_sees_added_changed_and_removed_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    first = input_snapshot([tmp_path])
    assert input_snapshot([tmp_path]) == first
    (tmp_path / "b.txt").write_text("two", encoding="utf-8")
    second = input_snapshot([tmp_path])
    assert len(second) == 2 != len(first)
    (tmp_path / "a.txt").write_text("one, longer", encoding="utf-8")
    assert input_snapshot([tmp_path]) != second
    (tmp_path / "b.txt").unlink()
    assert [Path(p).name for p, _, _ in input_snapshot([tmp_path])] == ["a.txt"]


def test_rebuilds_once_per_change_and_never_without_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    calls: list[int] = []
    pauses: list[float] = []

    def rebuild() -> int:
        calls.append(len(os.listdir(tmp_path)))
        return 0

    def sleep(seconds: float) -> None:  # the feed drops one file during the second pause
        pauses.append(seconds)
        if len(pauses) == 2:
            (tmp_path / "b.txt").write_text("two", encoding="utf-8")

    assert watch([tmp_path], rebuild, interval=0.5, builds=2, sleep=sleep) == 0
    assert calls == [1, 2]
    assert pauses == [0.5, 0.5]


def test_an_interrupt_ends_the_watch_with_the_last_code(tmp_path: Path) -> None:
    def sleep(_: float) -> None:
        raise KeyboardInterrupt

    assert watch([tmp_path], lambda: 2, sleep=sleep) == 2


def test_cli_watch_builds_like_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["watch", str(folder), "--out", str(tmp_path / "w"), "--builds", "1"]) == 0
    assert main(["build", str(folder), "--out", str(tmp_path / "b")]) == 0
    assert "1 articles" in capsys.readouterr().out
    for name in ("graph.ttl", "graph.nq", "graph.html"):
        assert (tmp_path / "w" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_cli_watch_refuses_stdin(caplog: pytest.LogCaptureFixture) -> None:
    assert main(["watch", "-"]) == 1
    assert "standard input cannot be watched" in caplog.text


def test_the_wait_after_a_build_is_used_but_not_after_the_last(tmp_path: Path) -> None:
    idled: list[int] = []
    builds: list[int] = []

    def sleep(_: float) -> None:
        (tmp_path / f"{len(builds)}.txt").write_text("new", encoding="utf-8")

    watch([tmp_path], lambda: builds.append(1) or 0, builds=3, sleep=sleep,
          idle=lambda: idled.append(len(builds)))  # fmt: skip
    assert idled == [1, 2]


def test_warm_up_loads_the_model_of_each_language_seen() -> None:
    from graph.config import BuildConfig
    from graph.extract.nlp import load_model
    from graph.workers import warm_up

    load_model.cache_clear()
    warm_up({"en"}, BuildConfig())
    assert load_model.cache_info().currsize == 1
