"""Shared fixtures: the knowledge base, a small good French article and the CLI run in-process."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.kb import KnowledgeBase, default_kb


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped knowledge base (``graph/data``), read once."""
    return default_kb()


GOOD_ARTICLE = (
    "Rencontre franco-polonaise à Paris\n\n"
    "Le ministre Aurélien Vasseur a rencontré lundi 3 mars 2025 à Paris son homologue "
    "Tomasz Brzęczek.\n"
    "Les deux responsables ont évoqué la coopération énergétique entre leurs pays.\n"
)
"""An invented article whose meeting event is dated 2025-03-03."""
GOOD_EVENT_DAY = "2025-03-03"


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def good_article() -> Callable[[Path], Path]:
    """Write :data:`GOOD_ARTICLE` as ``bon.txt`` in a folder; returns the file."""

    def write(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "bon.txt"
        path.write_text(GOOD_ARTICLE, encoding="utf-8")
        return path

    return write


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[[Sequence[str]], CliResult]:
    """Run ``graph.cli.main`` in-process with the logging the real command sets up.

    ``main`` calls ``logging.basicConfig``, which does nothing while pytest's
    own handlers sit on the root logger; they are taken off for the call so the
    log lines reach (captured) stderr exactly as a user would see them. The
    spaCy models stay loaded between calls (``load_model`` is cached).
    """
    from graph.cli import main

    def run(argv: Sequence[str]) -> CliResult:
        root = logging.getLogger()
        saved_handlers, saved_level = root.handlers[:], root.level
        root.handlers = []
        capsys.readouterr()
        try:
            code = main(list(argv))
        finally:
            for handler in root.handlers:
                handler.flush()
            root.handlers, root.level = saved_handlers, saved_level
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def rapper_available() -> None:
    """Fail (never skip) when Debian's rapper, the independent RDF parser, is missing."""
    import shutil

    if shutil.which("rapper") is None:
        pytest.fail("rapper is missing: apt-get install raptor2-utils (scripts/setup does)")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The project's given data (``../shared``); fails, never skips, when missing."""
    from tests.paths import require_shared

    return require_shared()
