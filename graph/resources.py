"""Where the shipped ontology files are, from a source checkout or an installed wheel.

The repository keeps them at the top level (``ontology/``) for readers; a wheel
installs the same files as the ``graph.ontology`` package (see pyproject).
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def ontology_dir() -> Path:
    """The folder holding ``storygraph.ttl``, ``topics.ttl``, ``shapes.ttl``."""
    checkout = _HERE.parent / "ontology"
    return checkout if (checkout / "storygraph.ttl").is_file() else _HERE / "ontology"


ONTOLOGY_DIR = ontology_dir()
