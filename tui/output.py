"""The one way the command line prints: everything goes through the sanitiser.

Article text is untrusted: a title, a body or a URL can carry terminal escape sequences
(`ESC [ 31 m`, `ESC ] 52 ; c ; … BEL` that writes the clipboard), C1 controls or bidi
overrides. Two layers keep them off the terminal:

- `install`, called by `tui.cli.main` before any command runs (and by every batch worker
  process), wraps `sys.stdout` and `sys.stderr` in a `SafeStream`. Whatever a command
  writes, argparse's usage errors and a library's warnings included, reaches the terminal
  through `tui.core.sanitise.clean_for_terminal`: newline and tab are the only controls
  that pass.
- Commands print with `emit` (human-readable text), `emit_json` (one exact JSON line),
  `error` and `note` (one line on stderr). These clean their text themselves, so they are
  safe on any stream a caller hands them (a test's StringIO, a file).

A new command prints with these functions and nothing else; `tests/core/test_output.py`
checks that no module of the command line calls `print` or writes to a stream itself.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from tui.core.export import FORMATS
from tui.core.sanitise import clean_for_terminal, install_safe_streams, json_line

__all__ = ["add_format_options", "emit", "emit_json", "error", "install", "note"]

PROGRAM = "newsdesk"
install = install_safe_streams
"""Called by `tui.cli.main` first: see `tui.core.sanitise.install_safe_streams`."""


def emit(text: str, *, file: TextIO | None = None) -> None:
    """Print human-readable text (a line, a table row, a whole article) and a newline.

    This is the way to print on the command line: the text is cleaned (control
    characters become visible placeholders; newline and tab stay) and flushed, so
    results stream through a pipe as they are made.
    """
    stream = file or sys.stdout
    stream.write(clean_for_terminal(text) + "\n")
    stream.flush()


def emit_json(data: Any, *, file: TextIO | None = None) -> None:
    """Print `data` as one line of JSON: strings exact, control characters escaped."""
    emit(json_line(data), file=file)


def error(message: str, *, program: str = PROGRAM) -> None:
    """One line on stderr, the way every user-facing failure is reported."""
    emit(f"{program}: {message}", file=sys.stderr)


def note(message: str, *, program: str = PROGRAM) -> None:
    """One `note:` line on stderr: something the user should know, not a failure."""
    error(f"note: {message}", program=program)


def add_format_options(parser: argparse.ArgumentParser, default: str) -> None:
    """`--json` or `--format json|text|markdown`, into `format` (None when not given)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--json", action="store_const", const="json", dest="format", help="same as --format json"
    )
    group.add_argument("--format", choices=FORMATS, help=f"default: {default}")
