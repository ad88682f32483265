"""--executor dask: the per-article stage on a real dask.distributed LocalCluster
(worker processes on loopback) gives the local build's bytes."""

from __future__ import annotations

import socket
from contextlib import suppress
from pathlib import Path

from graph.export.statements import statements
from graph.pipeline import BuildConfig, build
from tests.paths import ROOT


def _nquads(config: BuildConfig) -> bytes:
    G, report = build([ROOT / "seeds"], config)
    assert report.articles == 2 and not report.skipped
    return b"".join(statements(G).lines(quads=True))


def test_dask_executor_gives_the_local_pools_bytes() -> None:
    local = _nquads(BuildConfig(jobs=2))
    dask = _nquads(BuildConfig(jobs=2, executor="dask"))
    assert dask == local


def test_a_local_cluster_starts_while_dasks_usual_port_is_taken() -> None:
    # another build or a notebook holds 8787: the cluster takes a free port
    with socket.socket() as held:
        with suppress(OSError):  # already taken by something else: as good
            held.bind(("0.0.0.0", 8787))
            held.listen()
        assert _nquads(BuildConfig(jobs=1, executor="dask"))


def test_scheduler_without_the_dask_executor_is_bad_usage(run_cli, tmp_path: Path) -> None:
    result = run_cli(["build", str(ROOT / "seeds"), "--out", str(tmp_path / "out"),
                      "--scheduler", "tcp://127.0.0.1:8786"])  # fmt: skip
    assert result.code == 1 and "--executor dask" in result.err
    assert not (tmp_path / "out").exists()
