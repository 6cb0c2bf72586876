"""One company's page: what the gazetteer knows, its spellings, its articles and its amounts."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.core.library.company_index import PAGE_ROWS, CompanyPage
from tui.ui import desk_jobs
from tui.ui.formatting import format_value, watched_mark
from tui.ui.messages import Open, Place, ShowLibrary
from tui.ui.safe_text import clean
from tui.ui.screens.export import ask_and_export, default_path
from tui.ui.widgets.footer import KeyFooter
from tui.ui.widgets.key_table import KeyTable

ARTICLE_COLUMNS = (("Date", 10), ("Site", 16), ("Title", 36), ("×", 3))
AMOUNT_COLUMNS = (("Date", 10), ("Amount", 16), ("Value", 14), ("Notes", 14))
"""Fixed columns; the sentence (articles) or the article's title (amounts) takes the rest."""
NARROW_WIDTH = 110
"""Below this many columns the site is left out and the other columns are narrower."""
NARROW_ARTICLE_COLUMNS = (("Date", 10), ("Title", 22), ("×", 3))
NARROW_AMOUNT_COLUMNS = (("Date", 10), ("Amount", 14), ("Value", 10), ("Notes", 8))
MIN_REST = 20


def header(page: CompanyPage) -> Text:
    """Name, facts, spellings, counts and money, one line each."""
    s = page.summary
    text = Text()
    if s.watched:
        text.append_text(watched_mark())
    text.append(clean(s.name), style="bold")
    facts = [f for f in (page.ticker, page.country, page.industry) if f]
    text.append("\n" + clean(" · ".join(facts) if facts else "Not in the gazetteer"), style="dim")
    others = [f for f in page.forms if f != s.name]
    if others:
        text.append("\nAlso written: " + clean(", ".join(others)))
    text.append(
        f"\n{s.articles} article(s), {s.mentions} mention(s), seen {s.first_seen} to {s.last_seen}"
    )
    for m in s.money:
        total, largest = (format_value(v, m.currency, "en") for v in (m.total, m.largest))
        text.append(f"\n{m.currency or '?'}: {total} in {m.amounts} amount(s), largest {largest}")
    return text


class CompanyScreen(Screen[None]):
    """Shows one company; Enter on an article or an amount opens the article there."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,backspace,b", "back", "Back"),
        Binding("w", "watch", "Watch"),
        Binding("e", "export", "Export", tooltip="Export amounts"),
        Binding("l", "library", "Library"),
        Binding("tab", "app.focus_next", "Next table", show=False),
    ]
    """Company page keys; Enter opens the article at the mention or amount."""

    def __init__(self, settings: Settings, key: str) -> None:
        super().__init__()
        self.settings = settings
        self.key = key
        self.page: CompanyPage | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="company-header")
        yield Static(id="articles-heading")
        yield KeyTable(id="company-articles", cursor_type="row", zebra_stripes=True)
        yield Static(id="amounts-heading")
        yield KeyTable(id="company-amounts", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#company-articles", DataTable).focus()
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="company")
    def _load(self) -> None:
        try:
            page = desk_jobs.company(self.settings, self.key)
        except NewsdeskError as error:
            self.app.call_from_thread(self._show_error, f"The library cannot be read: {error}")
            return
        self.app.call_from_thread(self._show, page)

    def _show_error(self, message: str) -> None:
        self.query_one("#company-header", Static).update(Text(clean(message)))

    def _show(self, page: CompanyPage | None) -> None:
        self.page = page
        if page is None:
            self._show_error("No article in the library names this company any more.")
            return
        self.query_one("#company-header", Static).update(header(page))
        for heading, count, noun in (
            ("#articles-heading", page.summary.articles, "article(s) that name it"),
            ("#amounts-heading", page.amount_count, "amount(s) that belong to it"),
        ):
            first = f"the {PAGE_ROWS} newest of " if count > PAGE_ROWS else ""
            line = Text(f"{first}{count} {noun}, newest first".capitalize(), style="bold")
            self.query_one(heading, Static).update(line)
        self._fill()

    def on_resize(self) -> None:
        if self.page is not None:
            self._fill()

    def _fill(self) -> None:
        assert self.page is not None
        rest = max(MIN_REST, self.size.width - 4)
        narrow = self.size.width < NARROW_WIDTH
        articles: DataTable[Text] = self.query_one("#company-articles", DataTable)
        self._columns(
            articles, NARROW_ARTICLE_COLUMNS if narrow else ARTICLE_COLUMNS, "Sentence", rest
        )
        for a in self.page.articles:
            site = [] if narrow else [_cell(a.site or "")]
            articles.add_row(
                *(Text(a.day), *site, _cell(a.title)),
                *(Text(str(a.mentions), justify="right"), _cell(a.sentence)),
            )
        amounts: DataTable[Text] = self.query_one("#company-amounts", DataTable)
        self._columns(amounts, NARROW_AMOUNT_COLUMNS if narrow else AMOUNT_COLUMNS, "Article", rest)
        for f in self.page.amounts:
            notes = ", ".join(n for n, on in (("inferred", f.inferred), ("struck", f.struck)) if on)
            value = format_value(f.value, f.currency, "en")
            style = "strike dim" if f.struck else ""
            amounts.add_row(
                *(Text(f.date), _cell(f.amount, style), Text(value, style=style)),
                *(Text(notes, style="dim"), _cell(f.title)),
            )

    @staticmethod
    def _columns(
        table: DataTable[Text], columns: tuple[tuple[str, int], ...], last: str, width: int
    ) -> None:
        table.clear(columns=True)
        for label, size in columns:
            table.add_column(label, width=size)
        table.add_column(last, width=max(MIN_REST, width - sum(s + 2 for _, s in columns)))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if self.page is None:
            return
        row = event.cursor_row
        if event.data_table.id == "company-articles" and row < len(self.page.articles):
            a = self.page.articles[row]
            self.post_message(Open(Place(library_id=a.article_id, mark=(a.start, a.end))))
        elif event.data_table.id == "company-amounts" and row < len(self.page.amounts):
            f = self.page.amounts[row]
            self.post_message(Open(Place(library_id=f.article_id, mark=(f.start, f.end))))

    def action_back(self) -> None:
        self.dismiss()

    def action_library(self) -> None:
        self.post_message(ShowLibrary())

    def action_watch(self) -> None:
        if self.page is not None:
            s = self.page.summary
            desk_jobs.toggle_watch(self, self.settings, (s.key, s.name, s.watched), self._load)

    def action_export(self) -> None:
        if self.page is None:
            return
        key, name = self.page.summary.key, self.page.summary.name
        settings = self.settings

        def write(path: Path) -> int:
            return desk_jobs.export_facts(path, desk_jobs.company_amounts(settings, key))

        ask_and_export(self, f"the amounts of {name}", default_path("facts", name), write)


def _cell(value: str, style: str = "") -> Text:
    return Text(clean(" ".join(value.split())), style=style, no_wrap=True, overflow="ellipsis")
