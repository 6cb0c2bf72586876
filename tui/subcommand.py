"""What `newsdesk library` and `newsdesk feeds` share: a parser that reports a bad command
line in one line, and a runner that opens the library around the chosen sub-command."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import NoReturn

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.core.library.store import Library
from tui.output import error


class UsageError(Exception):
    """A command line argparse rejected."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises `UsageError` instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """`parser.parse_args`, except that a query's exclusions (`-word`, `-company:X`), which
    argparse takes for unknown options, join the command's `query` words."""
    args, rest = parser.parse_known_args(argv)
    if rest and (
        not isinstance(getattr(args, "query", None), list) or any(r.startswith("--") for r in rest)
    ):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if rest:
        args.query = [*args.query, *rest]
    return args


def run_on_library(
    parser: argparse.ArgumentParser,
    argv: Sequence[str],
    settings: Settings,
    run: Callable[[argparse.Namespace, Library], int],
) -> int:
    """Parse `argv`, open the library and `run` the command on it; returns the exit status
    (0 ok, 1 error, 2 usage), every failure reported in one line on stderr."""
    program = parser.prog
    try:
        args = parse(parser, argv)
    except UsageError as problem:
        error(str(problem), program=program)
        return 2
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else 0
    try:
        with Library(settings.library_path) as library:
            return run(args, library)
    except NewsdeskError as problem:
        error(str(problem), program=program)
        return 1
