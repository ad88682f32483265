"""The ``storygraph`` command: a thin layer over the pipeline's plain functions.

Exit codes: 0 all good; 1 bad usage or a failed command; 2 some inputs were
skipped (each named on stderr with the reason); 3 an endpoint failed (push).
Results go to stdout, logs and progress to stderr.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from graph import __version__
from graph.cli.query import add_commands
from graph.config import BuildConfig, all_cores_if_zero, load_config
from graph.errors import StorygraphError
from graph.languages import CODES

if TYPE_CHECKING:
    from graph.pipeline import BuildReport

EXIT_OK, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2
log = logging.getLogger("storygraph")


def _missing_inputs(args: argparse.Namespace) -> bool:
    # A mistyped path is bad usage (1), not a skipped article (2): say so before any work.
    missing = [item for item in args.inputs if item != "-" and not os.path.lexists(item)]
    for item in missing:
        log.error("%s: input not found; check the path", item)
    if args.scheduler and args.executor != "dask":
        log.error("--scheduler names a dask cluster: give --executor dask with it")
        return True
    return bool(missing)


def _build_command(args: argparse.Namespace) -> int:
    return EXIT_USAGE if _missing_inputs(args) else _build_once(args)[0]


def _watch_command(args: argparse.Namespace) -> int:
    if "-" in args.inputs:
        log.error("-: standard input cannot be watched; give files or folders")
        return EXIT_USAGE
    if _missing_inputs(args):
        return EXIT_USAGE
    from graph.cli.watch import watch
    from graph.workers import warm_up

    languages: set[str] = set()
    memory: dict[Path, object] = {}  # the cache entries, read from disk once

    def rebuild() -> int:
        try:
            code, report = _build_once(args, memory)
        except StorygraphError as exc:  # one failed build must not end the watch
            log.error("%s", exc)
            return EXIT_USAGE
        languages.update(report.languages)
        return code

    def idle() -> None:  # the next new article then costs only its own extraction
        warm_up(languages, _config(args))

    return watch(args.inputs, rebuild, interval=args.interval, builds=args.builds, idle=idle)


def _build_once(
    args: argparse.Namespace, memory: dict[Path, object] | None = None
) -> tuple[int, BuildReport]:
    """One build and its outputs: the exit code and the report."""
    from graph.export import write_outputs
    from graph.export.memo import MEMO_FILE
    from graph.pipeline import build
    from graph.workers import collecting_rarely

    G, report = build(args.inputs, _config(args), memory=memory)
    if args.strict and report.skipped:
        log.error("--strict: %d input(s) skipped, nothing written", len(report.skipped))
        return EXIT_SKIPPED, report
    if report.articles == 0:
        log.error("no readable article in %s; nothing written", " ".join(map(str, args.inputs)))
        return (EXIT_SKIPPED if report.skipped else EXIT_USAGE), report
    started = time.perf_counter()
    with collecting_rarely():
        memo = None if args.no_cache else Path(args.out) / ".cache" / MEMO_FILE
        written = write_outputs(
            G, Path(args.out), store=args.store, formats=args.formats, memo=memo
        )
    log.info("wrote %d outputs in %.1f s", len(written), time.perf_counter() - started)
    print(
        f"{report.articles} articles, {report.events} events "
        f"({report.event_mentions} mentions), {report.storylines} storylines of "
        f"{report.stories} episodes; "
        f"{len(report.skipped)} skipped, {report.cached} from cache"
    )
    for path in written:
        print(path)
    sys.stdout.flush()  # a watching reader sees each build as it ends
    return (EXIT_SKIPPED if report.skipped else EXIT_OK), report


def _config(args: argparse.Namespace) -> BuildConfig:
    """Shipped defaults, then the --config file, then the options given on the line."""
    config = load_config(Path(args.config) if args.config else None)
    given = {
        "story_threshold": args.story_threshold,
        "kb_dir": args.kb,
        "jobs": all_cores_if_zero(args.jobs) if args.jobs is not None else None,
        "executor": args.executor,
        "scheduler": args.scheduler,
        "default_language": args.language,
    }
    cache = None if args.no_cache else str(Path(args.out) / ".cache")
    return replace(config, cache_dir=cache, **{k: v for k, v in given.items() if v is not None})


def _formats(names: str) -> tuple[str, ...]:
    from graph.export import chosen_formats

    try:
        return chosen_formats(names)
    except StorygraphError as exc:  # argparse reports it as a usage error, naming the option
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--formats: ")) from exc


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storygraph", description="News articles in, one story-timeline knowledge graph out."
    )
    parser.add_argument("--version", action="version", version=f"storygraph {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="more log output on stderr")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the story graph of articles (files, folders or -)")
    b.add_argument("inputs", nargs="+", help="files, folders, or - for JSON lines on stdin")
    _add_build_options(b)
    b.set_defaults(func=_build_command)
    w = sub.add_parser(
        "watch", help="build, then build again whenever the input files change (models stay loaded)"
    )
    w.add_argument("inputs", nargs="+", help="files or folders")
    _add_build_options(w)
    w.add_argument("--interval", type=float, default=2.0, help="seconds between polls (default 2)")
    w.add_argument("--builds", type=int, default=0, help="stop after N builds (default: never)")
    w.set_defaults(func=_watch_command)
    add_commands(sub)
    return parser


def _add_build_options(b: argparse.ArgumentParser) -> None:
    b.add_argument("--out", default="output", help="output folder (default: output/)")
    b.add_argument("--config", default=None, help="TOML file of build settings ([build] table)")
    b.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    b.add_argument(
        "--executor",
        choices=["local", "dask"],
        default=None,
        help="where articles are extracted: local processes (default) or dask.distributed",
    )
    b.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="with --executor dask: an existing cluster's scheduler (default: a LocalCluster)",
    )
    b.add_argument(
        "--story-threshold",
        type=float,
        default=None,
        help="cosine similarity from which two articles share a story (default 0.35)",
    )
    b.add_argument("--kb", default=None, help="folder of extra knowledge-base TSV files")
    b.add_argument(
        "--language",
        default=None,
        choices=CODES,
        help="language assumed when detection is unsure (default fr)",
    )
    b.add_argument(
        "--store",
        action="store_true",
        help="also keep a persistent Oxigraph SPARQL store in OUT/store",
    )
    b.add_argument(
        "--formats",
        type=_formats,
        default=True,
        metavar="LIST",
        help="the outputs to write, comma-separated, of ttl,nt,nq,jsonld,html,graphml,neo4j "
        "(default: all)",
    )
    b.add_argument("--strict", action="store_true", help="any skipped input is fatal")
    b.add_argument(
        "--no-cache", action="store_true", help="do not reuse per-article work cached in OUT/.cache"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage; our code for that is 1
        return EXIT_USAGE if exc.code else EXIT_OK
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="storygraph: %(message)s",
        stream=sys.stderr,
    )
    try:
        code: int = args.func(args)
    except StorygraphError as exc:
        log.error("%s", exc)
        return EXIT_USAGE
    except BrokenPipeError:  # stdout closed early (`| head`): not an error of ours
        sys.stderr.close()
        return EXIT_OK
    return code


def run() -> NoReturn:
    """The console entry point: :func:`main`, then exit without freeing the heap.

    A build leaves millions of objects behind; freeing them one by one at
    interpreter exit took 0.4 s of a 7 s rebuild. Every output is written,
    renamed and closed by then (the store included), so nothing is lost.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # a reader that stopped early, as in main()
        pass
    os._exit(code)
