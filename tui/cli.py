"""The `newsdesk` command: the reader, `show` for scripts, and `library` for the store."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tui.config import Settings, load_settings
from tui.core.errors import NewsdeskError
from tui.core.model import Article

if TYPE_CHECKING:
    from tui.core.library.store import Library

FORMATS = ("json", "text", "markdown")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", metavar="PATH", help="library file (default: user data dir)")
    parser.add_argument(
        "--max-bytes", type=int, metavar="N", help="largest file or page to read (default 10 MB)"
    )


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.library, args.max_bytes)


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Read news articles in the terminal, with their money amounts and companies.",
        epilog="Other commands: `newsdesk show SOURCE... [--json]`, `newsdesk library --help`.",
    )
    parser.add_argument(
        "source",
        nargs="?",
        help="article file, directory of articles, or http(s) URL (default: the library)",
    )
    _common(parser)
    return parser


def _show_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk show",
        description="Analyse articles and print them: one JSON object per line with --json.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="files or http(s) URLs")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_const", const="json", dest="format")
    group.add_argument("--format", choices=FORMATS, default="text")
    _common(parser)
    return parser


def _renderer(name: str) -> Callable[[Article], str]:
    if name == "json":
        from tui.core.serialise import article_to_dict

        return lambda article: json.dumps(article_to_dict(article), ensure_ascii=False)
    from tui.core.export import article_to_markdown, article_to_text

    return article_to_markdown if name == "markdown" else article_to_text


def error(message: str) -> None:
    """One line on stderr, the way every user-facing failure is reported."""
    print(f"newsdesk: {message}", file=sys.stderr)


def run_show(argv: Sequence[str]) -> int:
    """`newsdesk show`: analyse each source in one process (the model loads once)."""
    args = _show_parser().parse_args(argv)
    settings = _settings(args)
    render = _renderer(args.format or "json")
    from tui.core.pipeline import open_article

    library = _library_for(args.sources, settings)
    failures = 0
    try:
        for source in args.sources:
            try:
                article = open_article(source, settings, library)
            except NewsdeskError as problem:
                error(str(problem))
                failures += 1
                continue
            for notice in article.notices:
                error(f"note: {notice}")
            print(render(article), flush=True)
    finally:
        if library is not None:
            library.close()
    return 1 if failures else 0


def _library_for(sources: Sequence[str], settings: Settings) -> Library | None:
    """The library, when a source is a URL (fetched pages are kept to reopen offline)."""
    from tui.core.sources.load import is_url

    if not any(is_url(source) for source in sources):
        return None
    from tui.core.library.store import Library

    try:
        return Library(settings.library_path)
    except NewsdeskError as problem:
        error(f"note: {problem} Fetched pages will not be saved.")
        return None


def run_reader(argv: Sequence[str]) -> int:
    """`newsdesk [SOURCE]`: the terminal reader."""
    args = _reader_parser().parse_args(argv)
    from tui.ui.app import run_app

    return run_app(args.source, _settings(args))


def run_library_command(argv: Sequence[str]) -> int:
    """`newsdesk library ...`: list, search, export and remove stored articles."""
    parser = argparse.ArgumentParser(prog="newsdesk library", add_help=False)
    _common(parser)
    args, rest = parser.parse_known_args(argv)
    from tui.library_cli import run_library

    return run_library(rest, _settings(args))


def run_feeds_command(argv: Sequence[str]) -> int:
    """`newsdesk feeds ...`: subscriptions, refresh, items, OPML."""
    parser = argparse.ArgumentParser(prog="newsdesk feeds", add_help=False)
    _common(parser)
    args, rest = parser.parse_known_args(argv)
    from tui.feeds_cli import run_feeds

    return run_feeds(rest, _settings(args))


COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "show": run_show,
    "library": run_library_command,
    "feeds": run_feeds_command,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsdesk` console script and of `python -m tui`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    command = COMMANDS.get(args[0]) if args else None
    try:
        return command(args[1:]) if command else run_reader(args)
    except NewsdeskError as problem:
        error(str(problem))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
