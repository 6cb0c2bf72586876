"""`newsdesk library ...`: list, search, export and remove saved articles without the UI."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from tui import desk_cli
from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.core.library.store import Library, LibraryEntry
from tui.core.sanitise import clean
from tui.core.serialise import article_to_dict

HEADER = ("id", "date", "site", "title", "amounts", "companies")


class _UsageError(Exception):
    """A command line argparse rejected."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports a bad command line in one line instead of exiting."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsdesk library", description="Manage the saved articles.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="list the saved articles, most recent first")
    desk_cli.add_json_option(listing)
    search = commands.add_parser("search", help="search words, companies, amounts, dates…")
    search.add_argument("query", nargs="+", help=desk_cli.QUERY_HELP)
    search.add_argument("--limit", type=int, default=50, help="most results (-1: all)")
    desk_cli.add_json_option(search)
    export = commands.add_parser("export", help="print one saved article")
    export.add_argument("id", type=int, help="the article id shown by `list`")
    export.add_argument("--format", choices=("json", "markdown"), default="json")
    remove = commands.add_parser("rm", help="remove a saved article")
    remove.add_argument("id", type=int, help="the article id shown by `list`")
    desk_cli.add_commands(commands)
    return parser


def _line(entry: LibraryEntry) -> str:
    date = (entry.published or entry.saved_at)[:10]
    cells = (entry.id, date, entry.site or "-", entry.title, entry.amounts, entry.companies)
    return "\t".join(clean(" ".join(str(c).split())) for c in cells)


def _print_entries(
    entries: Sequence[LibraryEntry], out: TextIO, empty: str, as_json: bool = False
) -> int:
    if as_json:
        return desk_cli.print_json_entries(entries, out)
    if not entries:
        print(empty, file=sys.stderr)
        return 0
    print("\t".join(HEADER), file=out)
    for entry in entries:
        print(_line(entry), file=out)
    return 0


def _export(library: Library, article_id: int, fmt: str, out: TextIO) -> int:
    article = library.get(article_id)
    if fmt == "json":
        print(json.dumps(article_to_dict(article), ensure_ascii=False, indent=2), file=out)
    else:
        from tui.core.export import article_to_markdown

        print(article_to_markdown(article).rstrip("\n"), file=out)
    return 0


def _remove(library: Library, article_id: int, out: TextIO) -> int:
    if not library.remove(article_id):
        print(f"newsdesk library: there is no article {article_id}.", file=sys.stderr)
        return 1
    print(f"Removed article {article_id}.", file=out)
    return 0


def _run(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    if args.command == "list":
        return _print_entries(library.entries(limit=-1), out, "The library is empty.", args.json)
    if args.command == "search":
        query = " ".join(args.query)
        found = library.query(query, args.limit)
        for hint in found.hints:
            desk_cli.hint(f"hint: {hint}")
        empty = f"No saved article matches {clean(query)!r}."
        return _print_entries(found.entries, out, empty, args.json)
    if args.command == "export":
        return _export(library, args.id, args.format, out)
    return _remove(library, args.id, out)


def run_library(argv: list[str], settings: Settings, out: TextIO | None = None) -> int:
    """Run one `newsdesk library` command; returns the exit status (0 ok, 1 error, 2 usage)."""
    try:
        args = _parser().parse_args(argv)
    except _UsageError as error:
        print(f"newsdesk library: {error}", file=sys.stderr)
        return 2
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else 0
    try:
        with Library(settings.library_path) as library:
            if args.command in desk_cli.COMMANDS:
                return desk_cli.run(args, library, settings, out or sys.stdout)
            return _run(args, library, out or sys.stdout)
    except NewsdeskError as error:
        print(f"newsdesk library: {error}", file=sys.stderr)
        return 1
