"""Where the tests find the repository and the project's given data.

``../shared`` beside the checkout holds the seeds' expected facts and the
development corpus; set ``STORYGRAPH_SHARED`` to use a copy elsewhere (a
clone in a temporary folder, say). Tests that need it fail, never skip,
when it is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYGRAPH_SHARED") or ROOT.parent / "shared")
DEV = SHARED / "corpus" / "dev"
