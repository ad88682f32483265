"""Watch mode: rebuild whenever the input files change, in one long-lived process.

A feed drops articles into a folder all day. Each rebuild reuses the cached
per-article work, as a second ``storygraph build`` does, and also keeps what a
new process must pay again: Python's imports and the language models (several
seconds for the French one, whose tokenizer compiles its exception patterns on
import). Only new or changed articles are read and extracted; the whole graph
is then resolved and written again, so the outputs are exactly those of a
``build`` of the same files.

The folder is polled (standard library only, any file system, network mounts
included): a change is a file added, removed, or with a new size or
modification time. A change during a build is seen by the next poll.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from graph.ingest import iter_input_files

log = logging.getLogger("storygraph")

Snapshot = tuple[tuple[str, int, int], ...]


def input_snapshot(inputs: Sequence[str | Path]) -> Snapshot:
    """Every input file with its size and modification time, sorted."""
    entries = []
    for path in iter_input_files(inputs):
        try:
            info = os.stat(path)
        except OSError:  # vanished or a broken link: the build reports it
            entries.append((str(path), -1, -1))
            continue
        entries.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(sorted(entries))


def watch(
    inputs: Sequence[str | Path],
    rebuild: Callable[[], int],
    *,
    interval: float = 2.0,
    builds: int = 0,
    sleep: Callable[[float], None] = time.sleep,
    idle: Callable[[], None] | None = None,
) -> int:
    """Call ``rebuild`` now and after every change of the inputs.

    Args:
        inputs: the files and folders to watch (no ``-``).
        rebuild: one build and write; returns its exit code.
        interval: seconds between two polls.
        builds: stop after this many builds (0: until interrupted).
        sleep: the pause between polls (a test passes its own).
        idle: work for the wait after a build (loading the models new articles
            will need).

    Returns:
        The exit code of the last build, or 0 when interrupted before any.
    """
    done, code, seen = 0, 0, None
    try:
        while not builds or done < builds:
            snapshot = input_snapshot(inputs)
            if snapshot != seen:
                seen = snapshot
                code = rebuild()
                done += 1
                if idle is not None and (not builds or done < builds):
                    idle()
                log.info("watching %d files for changes (Ctrl-C stops)", len(snapshot))
                continue
            sleep(interval)
    except KeyboardInterrupt:
        log.info("stopped watching")
    return code


__all__ = ["input_snapshot", "watch"]
