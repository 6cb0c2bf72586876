"""`newsdesk library add|facts|companies`, and the `--json` listings of `list` and `search`.

Every text printed goes through `sanitise.clean`; JSON keeps the exact text with control
characters escaped. Hints about a query go to stderr, one line each.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TextIO

from tui.core.errors import NewsdeskError
from tui.core.library.desk_export import write_json
from tui.core.sanitise import clean
from tui.output import emit, error

if TYPE_CHECKING:
    from tui.config import Settings
    from tui.core.library.store import Library, LibraryEntry

COMMANDS = ("add", "facts", "companies")
QUERY_HELP = (
    'words, "phrases", -word, company:NAME, amount>100M€, lang:fr, site:HOST, '
    "since:DATE, until:DATE, feed:NAME, watched:"
)


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Register the desk's sub-commands on `newsdesk library`."""
    add = commands.add_parser("add", help="read, analyse and save articles (files, dirs, URLs)")
    add.add_argument("sources", nargs="+", metavar="SOURCE", help="file, directory or URL")
    facts = commands.add_parser("facts", help="one row per amount, for the matching articles")
    facts.add_argument("query", nargs="*", help=QUERY_HELP)
    facts.add_argument("--format", choices=("csv", "json", "markdown"), default="csv")
    facts.add_argument("--bom", action="store_true", help="start the CSV with a UTF-8 BOM")
    companies = commands.add_parser("companies", help="one row per company, most articles first")
    companies.add_argument("query", nargs="*", help=QUERY_HELP)
    companies.add_argument("--format", choices=("csv", "json"), default="csv")
    companies.add_argument("--bom", action="store_true", help="start the CSV with a UTF-8 BOM")


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON array")


def hint(message: str) -> None:
    """One line on stderr about the command (a query hint, a source that failed)."""
    error(message, program="newsdesk library")


def print_json_entries(entries: Sequence[LibraryEntry], out: TextIO) -> int:
    """The entries as one JSON array (an empty library prints `[]`)."""
    write_json(out, (asdict(entry) for entry in entries))
    return 0


def run(args: argparse.Namespace, library: Library, settings: Settings, out: TextIO) -> int:
    """Run `add`, `facts` or `companies`; returns the exit status."""
    if args.command == "add":
        return _add(args.sources, library, settings, out)
    text = " ".join(args.query)
    desk = library.desk
    write = desk.write_facts if args.command == "facts" else desk.write_companies
    answer = write(text, out, args.format, bom=args.bom, line_end="\n")
    for line in answer.hints:
        hint(f"hint: {line}")
    return 0


def _add(sources: list[str], library: Library, settings: Settings, out: TextIO) -> int:
    from tui.core.library.imports import add_source, expand_sources

    failed = added = 0
    try:
        items = list(expand_sources(sources))
    except OSError as error:
        hint(f"cannot list {error.filename}: {error.strerror}")
        return 1
    for source in items:
        try:
            article_id, article = add_source(source, settings, library)
        except NewsdeskError as error:
            hint(str(error))
            failed += 1
            continue
        added += 1
        amounts, companies = len(article.amounts), len(article.companies)
        title = clean(" ".join(article.title.split()))
        emit(f"{article_id}\t{title}\t{amounts} amounts\t{companies} companies", file=out)
    if not items:
        hint("no article file to add")
    elif failed:
        hint(f"added {added} of {len(items)}; {failed} could not be read")
    return 1 if failed or not items else 0
