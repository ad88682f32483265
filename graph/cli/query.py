"""The ``query``, ``push`` and ``validate`` subcommands (thin wrappers).

``graph/cli.py`` calls :func:`add_commands` on its subparsers; each subcommand sets
``func``, a callable taking the parsed namespace and returning the exit code:
0 ok, 1 bad usage or bad query (or a graph that does not conform), 3 endpoint failure.
Results go to stdout, errors as one line to stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from graph.errors import PushError, QueryError, StoreError
from graph.query.push import push
from graph.query.sparql import (
    RESULT_FORMATS,
    bind,
    format_result,
    get_query,
    list_queries,
    run_query,
)
from graph.query.store import open_store, validate_graph

DEFAULT_GRAPH = "output"
EXIT_OK, EXIT_USAGE, EXIT_ENDPOINT = 0, 1, 3


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print("storygraph: error: " + " ".join(message.split()), file=sys.stderr)
    return code


def _params(pairs: Sequence[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise QueryError(f"--param {pair!r} is not NAME=VALUE")
        values[name.strip()] = value
    return values


def _list() -> str:
    lines = []
    for query in list_queries():
        lines.append(f"{query.name}: {query.description}")
        for p in query.params:
            need = "required" if p.required else "optional"
            lines.append(f"    --param {p.name}=…  ({p.kind}, {need}) {p.help}")
    return "\n".join(lines) + "\n"


def _sparql_text(args: argparse.Namespace) -> tuple[str, str]:
    """Return (graph, SPARQL text) from the positional arguments and --name."""
    positional = list(args.args)
    if args.name:
        if len(positional) > 1:
            raise QueryError("with --name give at most one GRAPH argument, not a query")
        graph = positional[0] if positional else DEFAULT_GRAPH
        return graph, bind(get_query(args.name), _params(args.param))
    if args.param:
        raise QueryError("--param needs --name (free SPARQL takes no parameters)")
    if not positional or len(positional) > 2:
        raise QueryError('usage: storygraph query [GRAPH] "SPARQL" (or --name NAME, --list)')
    graph = positional[0] if len(positional) == 2 else DEFAULT_GRAPH
    text = positional[-1]
    if text == "-":
        text = sys.stdin.read()
    elif text.startswith("@"):
        text = Path(text[1:]).read_text(encoding="utf-8")
    return graph, text


def cmd_query(args: argparse.Namespace) -> int:
    """Run ``storygraph query``."""
    if args.list:
        sys.stdout.write(_list())
        return EXIT_OK
    try:
        graph, text = _sparql_text(args)
        store = open_store(graph, writable=args.allow_update)
        result = run_query(
            store, text, allow_update=args.allow_update, allow_service=args.allow_service
        )
        sys.stdout.write(format_result(result, args.format))
    except (QueryError, StoreError) as error:
        return _fail(str(error))
    return EXIT_OK


def cmd_push(args: argparse.Namespace) -> int:
    """Run ``storygraph push``."""
    try:
        sent = push(args.graph, args.endpoint, timeout=args.timeout)
    except StoreError as error:
        return _fail(str(error))
    except PushError as error:
        return _fail(str(error), EXIT_ENDPOINT)
    for item in sent:
        print(f"{item.status} {item.graph} {item.triples} triples")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Run ``storygraph validate``."""
    try:
        conforms, report = validate_graph(args.graph)
    except StoreError as error:
        return _fail(str(error))
    sys.stdout.write(report if report.endswith("\n") else report + "\n")
    return EXIT_OK if conforms else EXIT_USAGE


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``query``, ``push`` and ``validate`` subcommands."""
    query = subparsers.add_parser("query", help="run SPARQL on a built graph")
    query.add_argument("args", nargs="*", metavar="[GRAPH] SPARQL",
                       help="output folder or RDF file (default: output/), then the query; "
                            "@file.rq reads it from a file, - from stdin")  # fmt: skip
    query.add_argument("--name", help="run a named query (see --list)")
    query.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                       help="a named query's parameter (repeatable)")  # fmt: skip
    query.add_argument("--format", choices=RESULT_FORMATS, default="table")
    query.add_argument("--list", action="store_true", help="list the named queries")
    query.add_argument("--allow-update", action="store_true", help="run SPARQL updates")
    query.add_argument(
        "--allow-service", action="store_true", help="run SERVICE clauses (fetch other endpoints)"
    )
    query.set_defaults(func=cmd_query)
    push_cmd = subparsers.add_parser("push", help="send the graph to a Graph Store endpoint")
    push_cmd.add_argument("graph", nargs="?", default=DEFAULT_GRAPH)
    push_cmd.add_argument("--endpoint", required=True, help="e.g. http://localhost:7878/store")
    push_cmd.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    push_cmd.set_defaults(func=cmd_push)
    check = subparsers.add_parser("validate", help="check the graph against the SHACL shapes")
    check.add_argument("graph", nargs="?", default=DEFAULT_GRAPH)
    check.set_defaults(func=cmd_validate)
