"""``python -m graph.cli``: the ``storygraph`` command."""

from graph.cli import run

run()
