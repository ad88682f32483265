"""Push to a real Oxigraph server over the Graph Store Protocol (loopback only)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.cli import main
from graph.errors import PushError
from graph.export.store import write_store
from graph.query.push import auth_header, push
from graph.query.sparql import bind, get_query, rows, run_query
from graph.query.store import open_store

try:
    import rdf_fixtures as fx
except ImportError:  # pragma: no cover
    from tests import rdf_fixtures as fx

# The server ships in the `oxigraph` package (a test extra), installed beside this
# Python: look there first, so the tests run whether or not the venv is activated.
OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
    "oxigraph"
)
if OXIGRAPH is None:
    pytest.fail("the oxigraph server is missing: pip install -e '.[test]'", pytrace=False)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start ``oxigraph serve`` on a free loopback port; stop it afterwards."""
    location = tmp_path_factory.mktemp("oxigraph")
    port = _free_port()
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # up to 10 s
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph server did not start")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("output")
    write_store(fx.build_fixture_graph(), out / "store")
    return out


def remote(base: str, sparql: str) -> list[dict[str, str]]:
    data = urllib.parse.urlencode({"query": sparql}).encode()
    request = urllib.request.Request(
        f"{base}/query", data=data, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.load(response)
    return [{k: v["value"] for k, v in b.items()} for b in answer["results"]["bindings"]]


def local(built: Path, sparql: str) -> list[dict[str, str]]:
    names, body = rows(run_query(open_store(built), sparql))  # type: ignore[arg-type]
    return [{k: v for k, v in zip(names, row, strict=True) if v} for row in body]


def test_push_reads_back_same_count_and_answers(server: str, built: Path) -> None:
    sent = push(built, f"{server}/store")
    assert {item.status for item in sent} <= {200, 201, 204}
    assert len(sent) == 5  # 2 articles, shared, ontology, inferred
    expected = len(open_store(built))
    assert int(remote(server, COUNT)[0]["n"]) == expected == sum(i.triples for i in sent)
    timeline = bind(get_query("story-timeline"), {"story": fx.STORYLINE})
    assert remote(server, timeline) == local(built, timeline)
    assert len(local(built, timeline)) == len(fx.STORY_EVENTS)


def test_push_twice_is_idempotent(server: str, built: Path) -> None:
    push(built, f"{server}/store")
    push(built, f"{server}/store")
    assert int(remote(server, COUNT)[0]["n"]) == len(open_store(built))


def test_cli_push_and_endpoint_failure(
    server: str, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["push", str(built), "--endpoint", f"{server}/store"]) == 0
    assert "triples" in capsys.readouterr().out
    assert main(["push", str(built), "--endpoint", f"{server}/no-such-service"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "HTTP 404" in err
    closed = f"http://127.0.0.1:{_free_port()}/store"
    assert main(["push", str(built), "--endpoint", closed, "--timeout", "5"]) == 3
    with pytest.raises(PushError, match="not an http"):
        push(built, "ftp://example.org/store")


def test_auth_comes_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STORYGRAPH_ENDPOINT_TOKEN", raising=False)
    monkeypatch.setenv("STORYGRAPH_ENDPOINT_USER", "ann")
    monkeypatch.setenv("STORYGRAPH_ENDPOINT_PASSWORD", "s3cret")
    assert auth_header() == {"Authorization": "Basic YW5uOnMzY3JldA=="}
    monkeypatch.setenv("STORYGRAPH_ENDPOINT_TOKEN", "tok")
    assert auth_header() == {"Authorization": "Bearer tok"}
