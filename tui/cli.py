"""The `newsdesk` command: the reader, `show` for scripts, and `library` for the store.

Global options (`--library`, `--max-bytes`, `--analyse-limit`, `--version`) may stand
before or after the sub-command: they are taken out of the command line first, then the
first remaining word picks the command. Everything is printed through `tui.output`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import closing
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from tui.config import Settings, load_settings, parse_size
from tui.core.errors import LoadError, NewsdeskError
from tui.output import add_format_options, emit, error, install, note

if TYPE_CHECKING:
    from tui.core.batch import Outcome
    from tui.core.model import Article, Entities

    Early = tuple[Future[Article], Future[Entities]]
    """A file being read at launch: its article, then its first amounts."""

EARLY_READ_BYTES = 512 * 1024
"""Files smaller than this are read at launch, before the app is built (larger ones show a
preview first, read by the app)."""


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(str(problem)) from problem


class _Version(argparse.Action):
    """`--version`: the installed package's version, looked up only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from importlib.metadata import version

        emit(f"newsdesk {version('newsdesk')}")
        parser.exit()


def _global_options() -> argparse.ArgumentParser:
    """The options every command takes, wherever they stand on the line."""
    parser = argparse.ArgumentParser(prog="newsdesk", add_help=False, allow_abbrev=False)
    group = parser.add_argument_group("options of every command")
    group.add_argument(
        "--library", metavar="PATH", help="library file or folder (default: user data dir)"
    )
    group.add_argument(
        "--max-bytes",
        type=_size,
        metavar="SIZE",
        help="largest file or page to read: 10MB, 500k, 1.5M or bytes (default 10MB)",
    )
    group.add_argument(
        "--analyse-limit",
        type=_size,
        metavar="SIZE",
        help="characters of a body to analyse; the rest is shown unanalysed (default 400k)",
    )
    group.add_argument("--version", action=_Version, nargs=0, help="print the version and exit")
    return parser


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Read news articles in the terminal, with their money amounts and companies.",
        epilog="Other commands: `newsdesk show --help`, `newsdesk library --help`.",
        parents=[_global_options()],
    )
    parser.add_argument(
        "source",
        nargs="?",
        help="article file, directory of articles, file:// or http(s) URL (default: the library)",
    )
    parser.add_argument(
        "--no-auto-refresh",
        action="store_true",
        help="do not refresh the feeds that are due while the app runs (`R` still does)",
    )
    return parser


def _show_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk show",
        description="Analyse articles and print them: one JSON object per line with --json.",
        parents=[_global_options()],
    )
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="files or URLs")
    parser.add_argument(
        "--from",
        dest="from_file",
        metavar="FILE",
        help="read more sources from FILE, one per line (`-`: standard input)",
    )
    add_format_options(parser, "text in a terminal, json when piped or redirected")
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help=f"worker processes (default: the number of cores, {default_jobs()} here)",
    )
    return parser


def default_jobs() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _sources(named: Sequence[str], from_file: str | None) -> Iterator[str]:
    """The sources named on the command line, then those read lazily from `--from`.

    Lines are decoded as the command line is (bytes that are not UTF-8 kept as surrogates),
    so a file name in another encoding still opens.
    """
    yield from named
    if from_file is None:
        return
    try:
        if from_file == "-":
            lines: Iterable[str] = open(  # noqa: SIM115 - standard input stays open
                sys.stdin.fileno(), encoding="utf-8", errors="surrogateescape", closefd=False
            )
            yield from _names(lines)
            return
        with Path(from_file).expanduser().open(encoding="utf-8", errors="surrogateescape") as f:
            yield from _names(f)
    except OSError as problem:
        raise LoadError(f"--from {from_file}: {problem.strerror or problem}") from problem


def _names(lines: Iterable[str]) -> Iterator[str]:
    return (line.rstrip("\r\n") for line in lines if line.strip())


def about(source: str, message: str) -> str:
    """`message` naming its source once: `<source>: <message>` unless it starts so already."""
    if message.startswith((source, str(_as_path(source)))):
        return message
    return f"{source}: {message}"


def _as_path(source: str) -> Path | str:
    from tui.core.sources.load import is_url, local_path

    try:
        return source if is_url(source) else local_path(source)
    except NewsdeskError:
        return source


def run_show(argv: Sequence[str], settings: Settings) -> int:
    """`newsdesk show`: analyse sources (in worker processes) and print them in order."""
    parser = _show_parser()
    args = parser.parse_args(argv)
    if not args.sources and args.from_file is None:
        parser.error("give at least one SOURCE, or --from FILE (`-` for standard input)")
    fmt = args.format or ("text" if sys.stdout.isatty() else "json")
    jobs = max(1, args.jobs or default_jobs())
    if args.from_file is None:
        jobs = min(jobs, len(args.sources))
    from tui.core.batch import analyse_all

    outcomes = analyse_all(_sources(args.sources, args.from_file), settings, fmt, jobs)
    with closing(outcomes):
        return 1 if _print_outcomes(outcomes, fmt) else 0


def _print_outcomes(outcomes: Iterable[Outcome], fmt: str) -> int:
    """Notes and errors on stderr, articles on stdout (a blank line between two in text
    or Markdown); returns the number of sources that failed."""
    failures = printed = 0
    for outcome in outcomes:
        for notice in outcome.notices:
            note(about(outcome.source, notice))
        if outcome.error is not None:
            error(about(outcome.source, outcome.error))
            failures += 1
        elif outcome.output is not None:
            emit(outcome.output if fmt == "json" or not printed else f"\n{outcome.output}")
            printed += 1
    return failures


def run_reader(argv: Sequence[str], settings: Settings) -> int:
    """`newsdesk [SOURCE]`: the terminal reader, once the source is known to be readable."""
    args = _reader_parser().parse_args(argv)
    early = None
    if args.source is not None:
        from tui.core.sources.load import probe_source

        probe_source(args.source, settings.max_bytes)
        early = _read_early(args.source, settings)
    from tui.ui.app import run_app

    if args.no_auto_refresh:
        settings = replace(settings, auto_refresh=False)
    return run_app(args.source, settings, early=early)


def _read_early(source: str, settings: Settings) -> Early | None:
    """A small local file, read from now on in a forked child with its first amounts: on
    the other core while this process imports and builds the app (None where that is not
    done)."""
    path = Path(source).expanduser()
    try:
        small = path.is_file() and path.stat().st_size < EARLY_READ_BYTES
    except OSError:
        return None
    if not small:
        return None
    from tui.core.forked import start_forked

    stages = start_forked(partial(_read_and_find_amounts, source, settings), 2)
    return None if stages is None else (stages[0], stages[1])  # type: ignore[return-value]


def _read_and_find_amounts(source: str, settings: Settings) -> Iterator[object]:
    """The article, then the amounts the reader shows right after its body."""
    from tui.core.pieces import first_amounts
    from tui.core.pipeline import analysed_part
    from tui.core.sources.load import read_source

    article = read_source(source, settings)
    yield article
    part, _ = analysed_part(article.body, settings.analysis_limit)
    yield first_amounts(part, article.lang, article.struck)


def run_library_command(argv: Sequence[str], settings: Settings) -> int:
    """`newsdesk library ...`: list, search, export and remove stored articles."""
    from tui.library_cli import run_library

    return run_library(list(argv), settings)


def run_feeds_command(argv: Sequence[str], settings: Settings) -> int:
    """`newsdesk feeds ...`: subscriptions, refresh, items, OPML."""
    from tui.feeds_cli import run_feeds

    return run_feeds(list(argv), settings)


COMMANDS: dict[str, Callable[[Sequence[str], Settings], int]] = {
    "show": run_show,
    "library": run_library_command,
    "feeds": run_feeds_command,
}
"""Sub-commands by name; anything else on the line is the reader's source."""


def _stop_writing_to_closed_pipe() -> None:
    """The reader of our output left (`| head`): send what is still buffered nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsdesk` console script and of `python -m tui`."""
    install()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        options, rest = _global_options().parse_known_args(args)
        settings = load_settings(options.library, options.max_bytes, options.analyse_limit)
        command = COMMANDS.get(rest[0]) if rest else None
        return command(rest[1:], settings) if command else run_reader(rest, settings)
    except NewsdeskError as problem:
        error(str(problem))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _stop_writing_to_closed_pipe()
        return 0
