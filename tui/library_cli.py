"""`newsdesk library ...`: list, search, export and remove saved articles without the UI.

Each sub-command is one `Command` in `COMMANDS`: its help line, the arguments it adds to
its parser, and the function that runs it on an open `Library`. A new sub-command is one
more entry there. Output goes through `tui.output` (`emit`, `emit_json`), never `print`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from tui import desk_cli
from tui.config import Settings
from tui.core.export import render
from tui.core.library.store import Library, LibraryEntry
from tui.output import add_format_options, emit, error
from tui.subcommand import Parser, run_on_library

HEADER = ("id", "date", "site", "title", "amounts", "companies")
PROGRAM = "newsdesk library"


@dataclass(frozen=True)
class Command:
    """One `newsdesk library` sub-command."""

    help: str
    run: Callable[[argparse.Namespace, Library, TextIO], int]
    arguments: Callable[[argparse.ArgumentParser], None] = lambda parser: None


def _line(entry: LibraryEntry) -> str:
    date = (entry.published or entry.saved_at)[:10]
    cells = (entry.id, date, entry.site or "-", entry.title, entry.amounts, entry.companies)
    return "\t".join(" ".join(str(c).split()) for c in cells)


def _print_entries(
    entries: Sequence[LibraryEntry], out: TextIO, empty: str, as_json: bool = False
) -> int:
    if as_json:
        return desk_cli.print_json_entries(entries, out)
    if not entries:
        emit(empty, file=sys.stderr)
        return 0
    emit("\t".join(HEADER), file=out)
    for entry in entries:
        emit(_line(entry), file=out)
    return 0


def _list(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    return _print_entries(library.entries(limit=-1), out, "The library is empty.", args.json)


def _search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", help=desk_cli.QUERY_HELP)
    parser.add_argument("--limit", type=int, default=50, help="most results (-1: all)")
    desk_cli.add_json_option(parser)


def _search(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    query = " ".join(args.query)
    found = library.query(query, args.limit)
    for hint in found.hints:
        desk_cli.hint(f"hint: {hint}")
    empty = f"No saved article matches {query!r}."
    return _print_entries(found.entries, out, empty, args.json)


def _id_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, help="the article id shown by `list`")


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    _id_argument(parser)
    add_format_options(parser, "json, one line as `show --json` prints")


def _export(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    emit(render(library.get(args.id), args.format or "json"), file=out)
    return 0


def _remove(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    if not library.remove(args.id):
        error(f"there is no article {args.id}.", program=PROGRAM)
        return 1
    emit(f"Removed article {args.id}.", file=out)
    return 0


COMMANDS: dict[str, Command] = {
    "list": Command("list the saved articles, most recent first", _list, desk_cli.add_json_option),
    "search": Command("search words, companies, amounts, dates…", _search, _search_arguments),
    "export": Command("print one saved article", _export, _export_arguments),
    "rm": Command("remove a saved article", _remove, _id_argument),
}
"""Sub-commands over the saved articles; the desk's (`add`, `facts`, `companies`) are in
`desk_cli.COMMANDS` and need the settings as well."""


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROGRAM,
        description="Manage the saved articles. The options of every command "
        "(--library, --max-bytes, …) may come before or after the sub-command.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        command.arguments(commands.add_parser(name, help=command.help, description=command.help))
    desk_cli.add_commands(commands)
    return parser


def run_library(argv: list[str], settings: Settings, out: TextIO | None = None) -> int:
    """Run one `newsdesk library` command; returns the exit status (0 ok, 1 error, 2 usage)."""

    def run(args: argparse.Namespace, library: Library) -> int:
        if args.command in desk_cli.COMMANDS:
            return desk_cli.run(args, library, settings, out or sys.stdout)
        return COMMANDS[args.command].run(args, library, out or sys.stdout)

    return run_on_library(_parser(), argv, settings, run)
