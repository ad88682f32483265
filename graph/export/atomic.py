"""Atomic file writes: the one way storygraph writes an output file.

A temporary file is written beside the target (same folder, so the rename
stays on one file system), given ordinary permissions, then renamed over the
target with :func:`os.replace`. A build killed at any moment leaves either the
old file or the new one, never half of either; a failed write removes its
temporary file. Temporary names start with a dot and end in ``.tmp``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """Open a binary handle whose content replaces ``path`` when the block ends.

    For outputs too large to hold in memory: write them piece by piece. If the
    block raises, the temporary file is removed and ``path`` is untouched.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_open(target) as handle:
    ...     _ = handle.write(b"o"), handle.write(b"k")
    >>> target.read_bytes()
    b'ok'
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        # mkstemp creates 0600 files; outputs are meant to be shared like any file.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return ``path``.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> atomic_write(target, b"ok").read_bytes()
    b'ok'
    """
    with atomic_open(path) as handle:
        handle.write(data)
    return path
