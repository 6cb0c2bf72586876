"""The companies index: every company of the library, its articles, mentions and money."""

from __future__ import annotations

import time
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.core.library.company_index import CompanySummary, Money
from tui.core.library.company_sort import COLUMNS, DESCENDING_FIRST, shown
from tui.ui import desk_jobs
from tui.ui.formatting import format_value, watched_mark
from tui.ui.messages import Painted, ShowLibrary, ShowReader
from tui.ui.safe_text import clean
from tui.ui.screens.export import ask_and_export, default_path
from tui.ui.widgets.footer import KeyFooter
from tui.ui.widgets.key_table import KeyTable

MAX_ROWS = 2000
"""Rows the table holds; typing narrows a longer list."""
FIRST_ROWS = 50
"""Rows put in the table before the first paint: a screenful; the rest follow."""
CHUNK_ROWS = 100
"""Rows added per screen refresh after the first paint."""
HEADINGS = ("Company", "Articles", "Mentions", "Total", "Largest", "First seen", "Last seen")
WIDTHS = (None, 8, 8, 16, 16, 10, 10)
"""Column widths; the company name takes what is left."""
NARROW_WIDTH = 110
"""Below this many columns the figures get short headings and `First seen` is left out."""
NARROW_HEADINGS = ("Company", "Art.", "Ment.", "Total", "Largest", None, "Last seen")
NARROW_WIDTHS = (None, 5, 5, 10, 10, None, 10)
MIN_NAME_WIDTH = 20


def money_cell(money: tuple[Money, ...], largest: bool) -> Text:
    """The figure in the main currency, and `+N` for the other currencies."""
    if not money:
        return Text("–", style="dim", justify="right")
    top = max(money, key=lambda m: m.largest) if largest else money[0]
    text = Text(format_value(top.largest if largest else top.total, top.currency, "en"))
    if len(money) > 1:
        text.append(f" +{len(money) - 1}", style="dim")
    text.justify = "right"
    return text


class CompaniesScreen(Screen[None]):
    """Lists the companies of the library; Enter opens a company's page."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter"),
        Binding("s", "sort", "Sort"),
        Binding("r", "reverse", "Reverse", show=False),
        Binding("w", "watch", "Watch"),
        Binding("e", "export", "Export"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("l", "library", "Library"),
        Binding("b", "reader", "Back to the reader", show=False),
    ]
    """Companies keys; Enter on a row opens the company's page, a click on a heading sorts."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.companies: list[CompanySummary] = []
        self.rows: list[CompanySummary] = []
        """What the table shows, in order."""
        self.sort_column = "articles"
        self.descending = True
        self._generation = 0
        self.complete = False
        """False while only the top of the index is shown."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter companies by name or spelling", id="company-filter")
        yield KeyTable(id="companies", cursor_type="row", zebra_stripes=True)
        yield Static(id="companies-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        self._fill()

    @property
    def _layout(self) -> list[tuple[str, str, int | None]]:
        """(column, heading, width) of the columns shown at this width."""
        narrow = self.size.width < NARROW_WIDTH
        headings, widths = (NARROW_HEADINGS, NARROW_WIDTHS) if narrow else (HEADINGS, WIDTHS)
        columns = zip(COLUMNS, headings, widths, strict=True)
        return [(c, h, w) for c, h, w in columns if h is not None]

    def _columns(self, table: DataTable[Text]) -> list[str]:
        layout = self._layout
        fixed = sum((w or 0) + 2 for _, _, w in layout)
        name_width = max(MIN_NAME_WIDTH, self.size.width - fixed - 4)
        for column, heading, width in layout:
            table.add_column(heading, key=column, width=width or name_width)
        return [column for column, _, _ in layout]

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the index again (after a save, an import or a watch)."""
        self._status("Reading the companies…")
        self._load(first=0 if self.companies else FIRST_ROWS)

    @work(thread=True, exclusive=True, exit_on_error=False, group="companies")
    def _load(self, first: int = 0) -> None:
        """The whole index; with `first`, only the top of it, and the rest once that is
        on screen (reading all of it holds the GIL, which would delay the first paint)."""
        worker = get_current_worker()
        try:
            found = desk_jobs.companies(self.settings, first=first)
        except NewsdeskError as error:
            self.app.call_from_thread(self._status, f"The library cannot be read: {error}")
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._loaded, found, not first)

    def _loaded(self, found: list[CompanySummary], complete: bool) -> None:
        first_paint = not self.companies
        self.companies = found
        self.complete = complete
        self._fill()
        if first_paint:
            self.call_after_refresh(self._painted, complete)

    def _painted(self, complete: bool) -> None:
        self.post_message(Painted(time.time()))
        if not complete:
            self._load()

    def _fill(self) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        keep = self.rows[table.cursor_row].key if self.rows and table.row_count else None
        text = self.query_one("#company-filter", Input).value
        matching = shown(self.companies, text, self.sort_column, self.descending)
        self.rows = matching[:MAX_ROWS]
        self._generation += 1
        table.clear(columns=True)
        self._add_rows(0, self._columns(table), self._generation, keep)
        self._status(self._summary(len(matching), text))

    def _add_rows(self, start: int, columns: list[str], generation: int, keep: str | None) -> None:
        """Add the next rows, then the rest after the screen has been refreshed."""
        if generation != self._generation:
            return  # a newer fill has started
        table: DataTable[Text] = self.query_one(DataTable)
        end = start + (FIRST_ROWS if start == 0 else CHUNK_ROWS)
        chunk = self.rows[start:end]
        table.add_rows([self._cells(s, columns) for s in chunk])
        where = next((i for i, s in enumerate(chunk) if s.key == keep), None)
        if where is not None:
            table.move_cursor(row=start + where, animate=False)
        if end < len(self.rows):
            self.call_after_refresh(self._add_rows, end, columns, generation, keep)

    @staticmethod
    def _cells(s: CompanySummary, columns: list[str]) -> list[Text]:
        name = watched_mark() if s.watched else Text()
        name.append(clean(s.name))
        name.no_wrap, name.overflow = True, "ellipsis"
        cells = {
            "company": name,
            "articles": Text(str(s.articles), justify="right"),
            "mentions": Text(str(s.mentions), justify="right"),
            "total": money_cell(s.money, largest=False),
            "largest": money_cell(s.money, largest=True),
            "first": Text(s.first_seen),
            "last": Text(s.last_seen),
        }
        return [cells[column] for column in columns]

    def _summary(self, matching: int, text: str) -> str:
        if not self.complete:
            return "Reading every company of the library…"
        if not self.companies:
            return "No company yet: companies come from the articles in the library (l)."
        order = f"sorted by {self.sort_column}" + (" ↓" if self.descending else " ↑")
        count = f"{matching} of {len(self.companies)}" if text.strip() else str(matching)
        more = f"; the first {MAX_ROWS} shown, type to narrow" if matching > MAX_ROWS else ""
        return f"{count} companies, {order}{more}. Enter opens one; w watches; e exports."

    def _status(self, message: str) -> None:
        self.query_one("#companies-status", Static).update(Text(clean(message)))

    @property
    def current(self) -> CompanySummary | None:
        table = self.query_one(DataTable)
        return self.rows[table.cursor_row] if 0 <= table.cursor_row < len(self.rows) else None

    @on(Input.Changed, "#company-filter")
    def _filter_changed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#company-filter")
    def _filter_submitted(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.rows):
            from tui.ui.screens.company import CompanyScreen

            self.app.push_screen(CompanyScreen(self.settings, self.rows[event.cursor_row].key))

    @on(DataTable.HeaderSelected)
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        if column == self.sort_column:
            self.descending = not self.descending
        else:
            self.sort_column, self.descending = column, column in DESCENDING_FIRST
        self._fill()

    def action_sort(self) -> None:
        """Sort by the next column."""
        column = COLUMNS[(COLUMNS.index(self.sort_column) + 1) % len(COLUMNS)]
        self.sort_column, self.descending = column, column in DESCENDING_FIRST
        self._fill()

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self._fill()

    def action_focus_filter(self) -> None:
        # at once: keys typed right after `/` go to the filter, not to the bindings
        self.set_focus(self.query_one("#company-filter", Input))

    def action_clear_filter(self) -> None:
        box = self.query_one("#company-filter", Input)
        if not box.value:
            self.notify("Press q to quit.", markup=False)
        box.value = ""
        self.query_one(DataTable).focus()

    def action_watch(self) -> None:
        company = self.current
        if company is not None:
            watched = (company.key, company.name, company.watched)
            desk_jobs.toggle_watch(self, self.settings, watched, self.reload)

    def action_export(self) -> None:
        text = self.query_one("#company-filter", Input).value
        rows = shown(self.companies, text, self.sort_column, self.descending)
        path = default_path("companies", text)
        what = "the companies listed"
        ask_and_export(self, what, path, lambda p: desk_jobs.export_companies(p, rows))

    def action_library(self) -> None:
        self.post_message(ShowLibrary())

    def action_reader(self) -> None:
        self.post_message(ShowReader())
