"""Where the shipped files are, from a source checkout or an installed wheel.

The data every stage reads (``graph/data/``: the knowledge base, event types,
roles, languages), the ontology (kept at the top level, ``ontology/``, for
readers; a wheel installs the same files as the ``graph.ontology`` package, see
pyproject), the page's scripts (``graph/export/static/``) and the named
queries (``graph/query/queries/``).
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent

DATA_DIR = _HERE / "data"
STATIC_DIR = _HERE / "export" / "static"
QUERIES_DIR = _HERE / "query" / "queries"


def ontology_dir() -> Path:
    """The folder holding ``storygraph.ttl``, ``topics.ttl``, ``shapes.ttl``."""
    checkout = _HERE.parent / "ontology"
    return checkout if (checkout / "storygraph.ttl").is_file() else _HERE / "ontology"


ONTOLOGY_DIR = ontology_dir()
TOPICS_FILE = ONTOLOGY_DIR / "topics.ttl"
