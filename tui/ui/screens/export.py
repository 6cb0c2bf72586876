"""Asking where to write an export, and writing it in a thread worker."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from tui.core.errors import NewsdeskError
from tui.ui.safe_text import clean

FORMATS = {".json": "json", ".md": "markdown", ".markdown": "markdown"}
"""The format of an export by the file's extension; anything else is CSV."""


def default_path(kind: str, name: str = "", folder: Path | None = None) -> Path:
    """`newsdesk-facts-capgemini-2026-11-20.csv` in the current directory, not taken yet."""
    slug = re.sub(r"[^\w]+", "-", name.casefold()).strip("-")[:40]
    stem = "-".join(p for p in ("newsdesk", kind, slug, date.today().isoformat()) if p)
    folder = folder or Path.cwd()
    path = folder / f"{stem}.csv"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.csv"
        n += 1
    return path


def export_format(path: Path) -> str:
    return FORMATS.get(path.suffix.lower(), "csv")


class ExportScreen(ModalScreen[Path | None]):
    """Ask for the file to write; dismisses with its path, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, what: str, path: Path, formats: str = "csv, .json or .md") -> None:
        super().__init__()
        self.what = what
        self.path = path
        self.formats = formats

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(f"Export {self.what}", style="bold"))
            yield Input(value=str(self.path), id="export-path")
            yield Static(
                Text(
                    f"The file is written where the path says (the directory newsdesk was "
                    f"started in by default) and replaced if it exists. Format by extension: "
                    f".{self.formats}. Enter writes, Escape cancels.",
                    style="dim",
                )
            )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(Path(value).expanduser() if value else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_and_export(
    screen: Screen[Any], what: str, path: Path, write: Callable[[Path], int]
) -> None:
    """Ask where to write `what`, then call `write(path)` in a thread and say what it did."""

    def answered(chosen: Path | None) -> None:
        if chosen is not None:
            screen.run_worker(
                lambda: _export(screen, what, chosen.resolve(), write),
                thread=True,
                group="export",
                exit_on_error=False,
            )

    screen.app.push_screen(ExportScreen(what, path), answered)


def _export(screen: Screen[Any], what: str, path: Path, write: Callable[[Path], int]) -> None:
    try:
        count = write(path)
    except (OSError, NewsdeskError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        message = f"Could not write {path}: {reason}"
        screen.app.call_from_thread(screen.notify, clean(message), severity="error", markup=False)
        return
    message = f"Wrote {count} row(s) of {what} to {path}"
    screen.app.call_from_thread(screen.notify, clean(message), markup=False)
