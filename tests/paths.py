"""Where the tests find the repository and the project's given data.

``../shared`` beside the checkout holds the seeds' expected facts and the
development corpus; set ``STORYGRAPH_SHARED`` to use a copy elsewhere (a
clone in a temporary folder, say). Tests that need it use the ``shared_data``
fixture (``tests/conftest.py``), which fails, never skips, when it is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYGRAPH_SHARED") or ROOT.parent / "shared")
DEV = SHARED / "corpus" / "dev"
# what the tests read from it: the seeds' expected facts and the development corpus
REQUIRED = ("expected/seeds.json", "seeds", "corpus/dev/manifest.json",
            "corpus/dev/expected.json", "corpus/dev/articles")  # fmt: skip


def require_shared(root: Path = SHARED) -> Path:
    """``root`` when it holds the given data; else fail the test saying what is
    missing and how to point the tests at it."""
    missing = [name for name in REQUIRED if not (root / name).exists()]
    if missing:
        pytest.fail(
            f"the project's shared data is missing at {root} ({', '.join(missing)}): put "
            "shared/ beside the checkout or set STORYGRAPH_SHARED=/path/to/shared",
            pytrace=False,
        )
    return root
