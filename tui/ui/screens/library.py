"""The library: every saved article, a search box, and directory imports with progress."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Input, ProgressBar, Static
from textual.worker import get_current_worker

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.ui.analysis import AnalyserGate
from tui.ui.formatting import watched_mark
from tui.ui.library_import import DirectoryImport, Step
from tui.ui.library_order import (
    COLUMNS,
    DEFAULT_SORT,
    describe_order,
    next_column,
    sorted_entries,
)
from tui.ui.messages import Listed, Open, Painted, Place, ShowReader
from tui.ui.safe_text import clean
from tui.ui.screens.open_url import ConfirmScreen, OpenUrlScreen
from tui.ui.widgets.footer import KeyFooter
from tui.ui.widgets.key_table import KeyTable

if TYPE_CHECKING:
    from tui.core.library.store import LibraryEntry

WIDE_COLUMNS = {"Site": 22, "Date": 10, "Amounts": 7, "Companies": 9}
"""Every column but the title, with its width; the title takes the rest."""
NARROW_COLUMNS = {"Site": 10, "Date": 10, "Amounts": 3, "Companies": 3}
"""The same below `NARROW_WIDTH` columns, the counts under short labels: the title
gets the room."""
SHORT_LABELS = {"Amounts": "€", "Companies": "Co"}
NARROW_WIDTH = 100
MIN_TITLE_WIDTH = 20
SEARCH_HELP = 'Search: words, "a phrase", -word, company:NAME, amount>100M€, lang:fr … (F1: all)'
SEARCH_TERMS: tuple[tuple[str, str], ...] = (
    ("cloud", "a word in the title, body or company names"),
    ('"robot arms"', "a phrase"),
    ("-word", "a - before any term excludes what it matches"),
    ("company:NAME", "articles naming the company, by any of its spellings"),
    ("amount>100M€", "an amount against a value: < <= = >= >; k, m, bn; € $ £ ¥ or a code"),
    ("lang:fr", "the article's language"),
    ("site:HOST", "the web host, or the site's name"),
    ("since:2026-11-01", "dated since (until: up to) a day, a month, a year, or 7d, 2w ago"),
    ("feed:NAME", "came from a feed (its id, or part of its title or address)"),
    ("watched:", "names a watched company"),
)
"""The query language, as the help screen lists it (the README has the details)."""
SEARCH_LIMIT = 500
"""Search results listed, like the newest articles without a search."""


class LibraryScreen(Screen[None]):
    """Lists the stored articles; Enter opens one in the reader."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search"),
        Binding("escape", "clear_search", "Clear search", show=False),
        Binding("u,ctrl+l", "open_location", "Open"),
        Binding("s", "sort_next", "Sort", tooltip="Sort (next column)"),
        Binding("S", "sort_reverse", "Reverse the order", show=False),
        Binding("r", "reload", "Reload list", show=False),
        Binding("b", "reader", "Reader"),
        Binding("delete", "remove", "Remove article", show=False),
        Binding("e", "export", "Export", tooltip="Export facts"),
        Binding("c", "app.companies", "Companies", show=False),
        Binding("tab", "app.focus_next", "Next pane", show=False),
    ]
    """Library keys; Enter on a row opens the article, q quits."""

    def __init__(self, settings: Settings, gate: AnalyserGate) -> None:
        super().__init__()
        self.settings = settings
        self.gate = gate
        self.entries: list[LibraryEntry] = []
        self.sort: tuple[str, bool] = DEFAULT_SORT
        """The column the list is ordered by, and whether it goes down (newest first)."""
        self.follow: int | None = None
        """The article the cursor goes to at the next listing (the one being read)."""
        self._list_request = 0
        self.import_report = ""
        """What the last directory import did, shown under the list."""
        self._importing: str | None = None
        """What the import in progress is doing, shown instead of the list's count."""
        self.samples_if_empty: Path | None = None
        """Imported when the first listing finds the library empty (a first run)."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder=SEARCH_HELP, id="search")
        yield KeyTable(id="entries", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-status")
        yield ProgressBar(id="import-progress", show_eta=False)
        yield KeyFooter()

    @property
    def table(self) -> KeyTable:
        return self.query_one(KeyTable)

    def on_mount(self) -> None:
        self.table.focus()  # the app lists the entries once it shows us

    def on_resize(self, event: Resize) -> None:
        self._fill(self.entries)

    # ---- listing -------------------------------------------------------------------

    def search(self, query: str) -> None:
        """Show the entries matching `query` (all of them when it is empty)."""
        self.query_one("#search", Input).value = query
        self.refresh_list()

    def refresh_list(self) -> None:
        self._request_list(self.query_one("#search", Input).value.strip())

    def _request_list(self, query: str) -> None:
        self._list_request += 1
        self._list(query, self._list_request)

    @work(thread=True, exclusive=True, exit_on_error=False, group="list", description="list")
    def _list(self, query: str, request: int) -> None:
        from tui.core.library.store import Library

        worker = get_current_worker()
        try:
            with Library(self.settings.library_path) as library:
                found = library.query(query, SEARCH_LIMIT) if query else None
                entries = found.entries if found else library.entries()
        except NewsdeskError as error:
            self.call_later(self._status, f"The library cannot be read: {error}")
            return
        if not worker.is_cancelled:
            self.call_later(self._listed, entries, query, request)
            if found and found.hints:
                self.call_later(self._hint, "; ".join(found.hints), request)

    def _hint(self, hint: str, request: int) -> None:
        if request == self._list_request:
            self._status(f"{len(self.entries)} article(s). Not understood: {hint}")

    def _listed(self, entries: list[LibraryEntry], query: str, request: int) -> None:
        if request != self._list_request:
            return  # a newer listing is on its way
        samples, self.samples_if_empty = self.samples_if_empty, None
        if samples is not None and not entries and not query:
            self.import_directory(samples)
        self._fill(sorted_entries(entries, *self.sort))
        order = describe_order(*self.sort)
        if query:
            self._status(f"{len(entries)} article(s) match “{query}”, {order}.")
        elif not entries:
            self._status("The library is empty: open an article (u) or run `newsdesk DIRECTORY`.")
        else:
            self._status(f"{len(entries)} article(s), {order}. Enter opens, / searches, s sorts.")
        if self._importing is not None:
            self._status(self._importing)
        elif self.import_report and not query:
            self._status(self.import_report)
        self.post_message(Listed([entry.id for entry in self.entries]))
        self.call_after_refresh(lambda: self.post_message(Painted(time.time(), "library")))

    def _columns(self) -> list[tuple[str, str, int]]:
        """(column, label, width) of every column, the title's width what is left."""
        narrow = self.size.width < NARROW_WIDTH
        widths = NARROW_COLUMNS if narrow else WIDE_COLUMNS
        column, descending = self.sort
        found: list[tuple[str, str, int]] = []
        for name in COLUMNS[1:]:
            label = SHORT_LABELS[name] if narrow and name in SHORT_LABELS else name
            found.append((name, label, widths[name]))
        fixed = sum(width + 2 for _, _, width in found)
        title_width = max(MIN_TITLE_WIDTH, self.size.width - fixed - 4)
        found.insert(0, ("Title", "Title", title_width))
        arrow = " ▼" if descending else " ▲"
        return [(n, label + arrow if n == column else label, w) for n, label, w in found]

    def _fill(self, entries: Sequence[LibraryEntry]) -> None:
        table = self.table
        keep = self.follow if self.follow is not None else self._cursor_id()
        self.follow = None
        self.entries = list(entries)
        table.clear(columns=True)
        for name, label, width in self._columns():
            table.add_column(label, width=width, key=name)
        for entry in self.entries:
            title = watched_mark() if entry.watched else Text()
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
        ids = [entry.id for entry in self.entries]
        if keep in ids:
            table.move_cursor(row=ids.index(keep), animate=False)

    def _cursor_id(self) -> int | None:
        row = self.table.cursor_row
        return self.entries[row].id if 0 <= row < len(self.entries) else None

    def _status(self, message: str) -> None:
        self.query_one("#library-status", Static).update(Text(clean(message)))

    # ---- sorting -------------------------------------------------------------------

    def action_sort_next(self) -> None:
        column = next_column(self.sort[0])
        self._sort_by(column, column in ("Date", "Amounts", "Companies"))

    def action_sort_reverse(self) -> None:
        self._sort_by(self.sort[0], not self.sort[1])

    @on(DataTable.HeaderSelected)
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        descending = not self.sort[1] if column == self.sort[0] else column != "Title"
        self._sort_by(column, descending and column != "Site")

    def _sort_by(self, column: str, descending: bool) -> None:
        self.sort = (column, descending)
        self.refresh_list()

    # ---- actions -------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._request_list(event.value.strip())

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.table.focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.post_message(Open(Place(library_id=int(event.row_key.value))))

    def action_focus_search(self) -> None:
        # at once: keys typed right after `/` go to the search box, not to the bindings
        self.set_focus(self.query_one("#search", Input))

    def action_clear_search(self) -> None:
        if self.query_one("#search", Input).value:
            self.search("")
        else:
            self.notify("Press q to quit.", markup=False)
        self.table.focus()

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
        def answered(location: str | None) -> None:
            if location:
                self.post_message(Open(Place(source=location)))

        self.app.push_screen(OpenUrlScreen(), answered)

    def action_remove(self) -> None:
        row = self.table.cursor_row
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        title = entry.title or "(untitled)"

        def answered(yes: bool | None) -> None:
            if yes:
                self._remove(entry.id, title)

        question = f"Remove “{title}” from the library? Its saved page and results go too."
        self.app.push_screen(ConfirmScreen(question, "Remove"), answered)

    @work(thread=True, exit_on_error=False, group="remove", description="remove")
    def _remove(self, article_id: int, title: str) -> None:
        from tui.core.library.store import Library

        try:
            with Library(self.settings.library_path) as library:
                removed = library.remove(article_id)
        except NewsdeskError as error:
            self.call_later(self.notify, str(error), severity="error", markup=False)
            return
        if removed:
            message = f"Removed “{clean(title)}” from the library."
            self.call_later(self.notify, message, markup=False)
        self.call_later(self.refresh_list)

    # ---- importing a directory -----------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="import", description="import")
    def import_directory(self, directory: Path) -> None:
        """Read and save every article file of `directory`, then analyse them; bad files
        are skipped with a message."""
        worker = get_current_worker()
        run = DirectoryImport(directory, self.settings, self.gate)
        try:
            run.list_files()
        except OSError as error:
            message = f"{directory} cannot be listed: {error.strerror or error}"
            self.call_later(self.notify, message, severity="error", markup=False)
            return
        self.call_later(self._import_progress, run.describe(), run.steps())
        for step in run.run(lambda: worker.is_cancelled):
            self.call_later(self._import_progress, run.describe(), step)
            if step.listing_changed:
                self.call_later(self.refresh_list)
        if worker.is_cancelled:
            return
        for skipped in run.skipped:
            self.call_later(self.notify, skipped, severity="warning", markup=False)
        self.call_later(self._import_finished, run.report())

    def _import_progress(self, message: str, step: Step) -> None:
        bar = self.query_one(ProgressBar)
        bar.add_class("-shown")
        bar.update(total=max(1, step.total), progress=step.done)
        self._importing = message
        self._status(message)

    def _import_finished(self, report: str) -> None:
        self._importing = None
        self.query_one(ProgressBar).remove_class("-shown")
        self.notify(report, markup=False)
        self.import_report = report
        self.refresh_list()
