"""The library: every saved article, a search box, and directory imports with progress."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, ProgressBar, Static
from textual.worker import get_current_worker

from tui.config import Settings
from tui.core.background import Analyser
from tui.core.errors import NewsdeskError
from tui.ui import jobs
from tui.ui.analysis import AnalyserGate
from tui.ui.messages import Open, Painted, Place, ShowReader
from tui.ui.safe_text import clean

if TYPE_CHECKING:
    from tui.core.library.store import LibraryEntry

FIXED_COLUMNS = (("Site", 22), ("Date", 10), ("Amounts", 7), ("Companies", 9))
"""Every column but the title, with its width; the title takes the rest."""
NARROW_SITE_WIDTH = 12
"""The site column on a terminal narrower than `NARROW_WIDTH`."""
NARROW_WIDTH = 100
MIN_TITLE_WIDTH = 20
SEARCH_HELP = (
    'Search: words, "a phrase", -word, company:NAME, amount>100M€, lang:fr, site:HOST, '
    "since:2026-11-01, until:…, watched:"
)
SEARCH_LIMIT = 500
"""Search results listed, like the newest articles without a search."""
WATCHED = "★ "
"""Before the title of an article that mentions a watched company."""


class LibraryScreen(Screen[None]):
    """Lists the stored articles; Enter opens one in the reader."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search"),
        Binding("escape", "clear_search", "Clear search", show=False),
        Binding("u,ctrl+l", "open_location", "Open URL/path"),
        Binding("r", "reload", "Reload list", show=False),
        Binding("b", "reader", "Back to the reader"),
        Binding("delete", "remove", "Remove article", show=False),
        Binding("e", "export", "Export facts"),
        Binding("c", "app.companies", "Companies"),
        Binding("tab", "app.focus_next", "Next pane", show=False),
    ]
    """Library keys; Enter on a row opens the article."""

    def __init__(self, settings: Settings, gate: AnalyserGate) -> None:
        super().__init__()
        self.settings = settings
        self.gate = gate
        self.entries: list[LibraryEntry] = []
        self._list_request = 0
        self.import_report = ""
        """What the last directory import did, shown under the list."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder=SEARCH_HELP, id="search")
        yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-status")
        yield ProgressBar(id="import-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()  # the app lists the entries once it shows us

    def on_resize(self, event: Resize) -> None:
        self._fill(self.entries)

    def search(self, query: str) -> None:
        """Show the entries matching `query` (all of them when it is empty)."""
        self.query_one("#search", Input).value = query
        self.refresh_list()

    def refresh_list(self) -> None:
        self._request_list(self.query_one("#search", Input).value.strip())

    def _request_list(self, query: str) -> None:
        self._list_request += 1
        self._list(query, self._list_request)

    @work(thread=True, exclusive=True, exit_on_error=False, group="list")
    def _list(self, query: str, request: int) -> None:
        from tui.core.library.store import Library

        worker = get_current_worker()
        try:
            with Library(self.settings.library_path) as library:
                found = library.query(query, SEARCH_LIMIT) if query else None
                entries = found.entries if found else library.entries()
        except NewsdeskError as error:
            self.app.call_from_thread(self._status, f"The library cannot be read: {error}")
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._listed, entries, query, request)
            if found and found.hints:
                self.app.call_from_thread(self._hint, "; ".join(found.hints), request)

    def _hint(self, hint: str, request: int) -> None:
        if request == self._list_request:
            self._status(f"{len(self.entries)} article(s). Not understood: {hint}")

    def _listed(self, entries: list[LibraryEntry], query: str, request: int) -> None:
        if request != self._list_request:
            return  # a newer listing is on its way
        self._fill(entries)
        if query:
            self._status(f"{len(entries)} article(s) match “{query}”.")
        elif not entries:
            self._status("The library is empty: open an article (u) or run `newsdesk DIRECTORY`.")
        else:
            self._status(f"{len(entries)} article(s). Enter opens one; / searches.")
        if self.import_report and not query:
            self._status(self.import_report)
        self.call_after_refresh(lambda: self.post_message(Painted(time.time())))

    def _fill(self, entries: Sequence[LibraryEntry]) -> None:
        self.entries = list(entries)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        columns = list(FIXED_COLUMNS)
        if self.size.width < NARROW_WIDTH:
            columns[0] = ("Site", NARROW_SITE_WIDTH)
        fixed = sum(width + 2 for _, width in columns)
        title_width = max(MIN_TITLE_WIDTH, self.size.width - fixed - 4)
        table.add_column("Title", width=title_width)
        for label, width in columns:
            table.add_column(label, width=width)
        for entry in self.entries:
            title = Text(WATCHED, style="bold yellow") if entry.watched else Text()
            title.append(clean(entry.title or "(untitled)"))
            title.overflow, title.no_wrap = "ellipsis", True
            table.add_row(
                title,
                Text(clean(entry.site or ""), overflow="ellipsis", no_wrap=True),
                Text(clean((entry.published or "")[:10])),
                Text(str(entry.amounts), justify="right"),
                Text(str(entry.companies), justify="right"),
                key=str(entry.id),
            )

    def _status(self, message: str) -> None:
        self.query_one("#library-status", Static).update(Text(clean(message)))

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._request_list(event.value.strip())

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.post_message(Open(Place(library_id=int(event.row_key.value))))

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear_search(self) -> None:
        self.search("")
        self.query_one(DataTable).focus()

    def action_reader(self) -> None:
        self.post_message(ShowReader())

    def action_export(self) -> None:
        """The facts (one row per amount) of the articles the search matches, or of all."""
        from tui.ui import desk_jobs
        from tui.ui.screens.export import ask_and_export, default_path

        query = self.query_one("#search", Input).value.strip()
        what = f"the amounts of the articles matching “{query}”" if query else "every amount"
        settings = self.settings

        def write(path: Path) -> int:
            return desk_jobs.export_facts(path, desk_jobs.search_facts(settings, query))

        ask_and_export(self, what, default_path("facts", query), write)

    def action_reload(self) -> None:
        self.refresh_list()

    def action_open_location(self) -> None:
        from tui.ui.screens.open_url import OpenUrlScreen

        def answered(location: str | None) -> None:
            if location:
                self.post_message(Open(Place(source=location)))

        self.app.push_screen(OpenUrlScreen(), answered)

    def action_remove(self) -> None:
        table = self.query_one(DataTable)
        if not self.entries or table.cursor_row >= len(self.entries):
            return
        self._remove(self.entries[table.cursor_row].id)

    @work(thread=True, exit_on_error=False, group="remove")
    def _remove(self, article_id: int) -> None:
        from tui.core.library.store import Library

        try:
            with Library(self.settings.library_path) as library:
                removed = library.remove(article_id)
        except NewsdeskError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        if removed:
            self.app.call_from_thread(self.notify, "Removed the article from the library.")
        self.app.call_from_thread(self.refresh_list)

    # ---- importing a directory -----------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def import_directory(self, directory: Path) -> None:
        """Read, analyse and save every article file of `directory`, skipping bad ones."""
        worker = get_current_worker()
        try:
            files = list(jobs.article_files(directory))
        except OSError as error:
            message = f"{directory} cannot be listed: {error.strerror or error}"
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        self.app.call_from_thread(self._import_started, len(files))
        skipped: list[str] = []
        for done, path in enumerate(files, start=1):
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self._status, f"Importing {path.name} ({done}/{len(files)})…")
            if not self._import_one(path):
                skipped.append(path.name)
            self.app.call_from_thread(self._import_progress, done)
        self.app.call_from_thread(self._import_finished, len(files), skipped, directory)

    def _import_one(self, path: Path) -> bool:
        """Import one file; False (after telling the user why) when it was skipped."""
        try:
            _, article, cached = jobs.import_file(path, self.settings)
            self.app.call_from_thread(self.refresh_list)
            analyser = None if cached is not None else self._wait_for_analyser()
            if analyser is not None:
                entities = analyser.submit(article.body, article.lang, article.struck)
                jobs.save_article(replace(article, entities=entities.result()), self.settings)
        except NewsdeskError as error:
            self.app.call_from_thread(
                self.notify, f"Skipped: {error}", severity="warning", markup=False
            )
            return False
        except Exception as error:  # the analysis process can fail in any way
            message = f"Skipped {path.name}: finding amounts and companies failed ({error})"
            self.app.call_from_thread(self.notify, message, severity="warning", markup=False)
            return False
        return True

    def _wait_for_analyser(self) -> Analyser | None:
        """From the import thread: the analyser once started, None if the import is stopped."""
        worker = get_current_worker()
        while not worker.is_cancelled:
            analyser = self.gate.wait(timeout=0.1)
            if analyser is not None:
                return analyser
        return None

    def _import_started(self, total: int) -> None:
        bar = self.query_one(ProgressBar)
        bar.add_class("-shown")
        bar.update(total=total, progress=0)

    def _import_progress(self, done: int) -> None:
        self.query_one(ProgressBar).update(progress=done)
        self.refresh_list()

    def _import_finished(self, total: int, skipped: list[str], directory: Path) -> None:
        self.query_one(ProgressBar).remove_class("-shown")
        message = f"Imported {total - len(skipped)} of {total} file(s) from {directory}."
        if skipped:
            message = f"Skipped {', '.join(skipped)}. {message}"
        self.notify(message, markup=False)
        self.import_report = message
        self.refresh_list()
