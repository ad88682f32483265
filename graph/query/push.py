"""Send a built graph to a SPARQL 1.1 Graph Store Protocol endpoint.

Requires a build output folder or RDF file (read through :func:`graph.query.store.open_store`,
so the ontology and materialised types go along); adds nothing to ``G``.

Each named graph of the store (one per article, the shared graph, the ontology and
the inferred types) is sent with ``PUT <endpoint>?graph=<graph IRI>`` as N-Triples,
which replaces that graph on the server: pushing twice leaves the same triples, and
re-pushing after one article changed replaces only what it touches. Triples of a
store's default graph (a plain Turtle file) go to ``sgid:graph/shared``.

Credentials come only from the environment: ``STORYGRAPH_ENDPOINT_TOKEN`` (sent as
``Authorization: Bearer``) or ``STORYGRAPH_ENDPOINT_USER`` and
``STORYGRAPH_ENDPOINT_PASSWORD`` (HTTP Basic). Uses only the standard library.
"""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from graph.errors import PushError
from graph.export.rdf import SHARED_GRAPH
from graph.query.store import data_graphs, open_store

TOKEN_VAR = "STORYGRAPH_ENDPOINT_TOKEN"
USER_VAR = "STORYGRAPH_ENDPOINT_USER"
PASSWORD_VAR = "STORYGRAPH_ENDPOINT_PASSWORD"


@dataclass(frozen=True)
class Pushed:
    """One graph sent: its IRI, its triple count and the HTTP status."""

    graph: str
    triples: int
    status: int


def auth_header(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return the Authorization header configured in the environment, if any.

    >>> auth_header({"STORYGRAPH_ENDPOINT_TOKEN": "t0k"})
    {'Authorization': 'Bearer t0k'}
    >>> auth_header({})
    {}
    """
    env = os.environ if env is None else env
    if env.get(TOKEN_VAR):
        return {"Authorization": f"Bearer {env[TOKEN_VAR]}"}
    if env.get(USER_VAR):
        pair = f"{env[USER_VAR]}:{env.get(PASSWORD_VAR, '')}".encode()
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    return {}


def graph_url(endpoint: str, graph: str) -> str:
    """Return the Graph Store Protocol URL addressing one named graph."""
    return f"{endpoint}{'&' if '?' in endpoint else '?'}graph={quote(graph, safe='')}"


def _put(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
    request = urllib.request.Request(url, data=body, method="PUT", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        detail = " ".join(error.read(300).decode("utf-8", "replace").split())
        raise PushError(f"PUT {url} failed: HTTP {error.code} {error.reason}: {detail}") from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PushError(f"PUT {url} failed: {reason}; is the endpoint up?") from error


def push(target: str | os.PathLike[str], endpoint: str, *, timeout: float = 60.0) -> list[Pushed]:
    """Replace, graph by graph, the endpoint's copy of a built graph.

    Args:
        target: a build output folder, store folder or RDF file.
        endpoint: the Graph Store Protocol URL, e.g. ``http://localhost:7878/store``.
        timeout: seconds to wait for each request.

    Returns:
        One record per graph sent, sorted by graph IRI.

    Raises:
        PushError: on an HTTP error or an unreachable endpoint.
        graph.errors.StoreError: when the graph cannot be read.
    """
    if urlsplit(endpoint).scheme not in ("http", "https"):
        raise PushError(f"endpoint {endpoint!r} is not an http(s) URL")
    headers = {"Content-Type": "application/n-triples", **auth_header()}
    graphs: dict[str, list[ox.Triple]] = {}
    for name, triples in data_graphs(open_store(target)).items():
        graphs.setdefault(name or str(SHARED_GRAPH), []).extend(triples)
    sent = []
    for name, triples in sorted(graphs.items()):
        body = ox.serialize(sorted(set(triples), key=str), format=ox.RdfFormat.N_TRIPLES) or b""
        status = _put(graph_url(endpoint, name), body, headers, timeout)
        sent.append(Pushed(name, len(set(triples)), status))
    return sent
