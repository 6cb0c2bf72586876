"""The desk's blocking work, as plain functions run in thread workers (one library each)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from textual.screen import Screen

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.core.library.company_index import CompanyPage, CompanySummary
from tui.core.library.desk_export import write_companies, write_facts
from tui.core.library.facts import FactRow
from tui.core.library.store import Library
from tui.ui.safe_text import clean
from tui.ui.screens.export import export_format


def companies(settings: Settings, first: int = 0) -> list[CompanySummary]:
    """The companies index; with `first`, only about that many at the top of it."""
    with Library(settings.library_path) as library:
        return library.desk.top_companies(first) if first else library.desk.companies()[0]


def company(settings: Settings, key: str) -> CompanyPage | None:
    with Library(settings.library_path) as library:
        return library.desk.company(key)


def company_amounts(settings: Settings, key: str) -> list[FactRow]:
    with Library(settings.library_path) as library:
        return library.desk.company_amounts(key)


def set_watched(settings: Settings, key: str, name: str, watched: bool) -> None:
    with Library(settings.library_path) as library:
        if watched:
            library.desk.watch(key, name)
        else:
            library.desk.unwatch(key)


def toggle_watch(
    screen: Screen[Any], settings: Settings, company: tuple[str, str, bool], then: Callable[[], Any]
) -> None:
    """Watch (or stop watching) `company` (key, name, watched now) in a thread, say so,
    then call `then` on the screen's thread."""
    key, name, watched = company

    def run() -> None:
        try:
            set_watched(settings, key, name, not watched)
        except NewsdeskError as error:
            screen.app.call_from_thread(screen.notify, str(error), severity="error", markup=False)
            return
        said = "No longer watching" if watched else "Watching"
        screen.app.call_from_thread(screen.notify, clean(f"{said} {name}."), markup=False)
        screen.app.call_from_thread(then)

    screen.run_worker(run, thread=True, group="watch", exit_on_error=False)


def search_facts(settings: Settings, query: str) -> list[FactRow]:
    with Library(settings.library_path) as library:
        return library.desk.facts(query)[0]


def export_facts(path: Path, rows: Sequence[FactRow]) -> int:
    """Write facts to `path` (CSV with a BOM, JSON or Markdown); raises OSError."""
    fmt = export_format(path)
    with path.open("w", encoding="utf-8", newline="") as out:
        return write_facts(out, rows, fmt, bom=fmt == "csv")


def export_companies(path: Path, summaries: Sequence[CompanySummary]) -> int:
    """Write companies to `path` (CSV with a BOM, or JSON); raises OSError."""
    fmt = "json" if export_format(path) == "json" else "csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        return write_companies(out, summaries, fmt, bom=fmt == "csv")
