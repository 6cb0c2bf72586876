"""One feed's items: unread first (or newest first), with the companies found in each.

Enter opens an item in the reader: its saved article when the background job has fetched
and analysed it (body and panel at once), else its page, fetched now. `q` or Escape goes
back to the feed list, as in newsboat.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.ui.feed_format import item_date, item_flags
from tui.ui.formatting import watched_mark
from tui.ui.messages import Open, Place, ShowLibrary
from tui.ui.safe_text import clean, sentence
from tui.ui.widgets.footer import KeyFooter
from tui.ui.widgets.key_table import KeyTable
from tui.ui.widgets.table_rows import Column, rebuild, update_in_place

if TYPE_CHECKING:
    from tui.core.library.feed_items import Item
    from tui.core.library.feeds import Feed
    from tui.ui.screens.feeds import FeedsScreen

MARKER_WIDTH = 1
"""The first column marks an item whose article mentions a watched company; see `marker`."""
COLUMNS: tuple[Column, ...] = (
    ("", MARKER_WIDTH, "marker"),
    ("", 3, "flags"),
    ("Date", 16, "date"),
    ("Title", 0, "title"),
    ("Companies", 24, "companies"),
    ("Src", 3, "sources"),
)
"""Marker, flags, date, the title (as wide as the screen allows), companies, sources."""
COLUMN_KEYS = tuple(key for _, _, key in COLUMNS)


def marker(item: Item, watched: Set[int]) -> Text:
    """The watched mark when the item's saved article mentions a watched company (`watched` holds
    those articles' ids)."""
    if item.article_id is not None and item.article_id in watched:
        return watched_mark(after="")
    return Text(" " * MARKER_WIDTH)


class ItemsScreen(Screen[None]):
    """The items of one feed; Enter reads one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("N", "toggle_read", "Read", tooltip="Toggle read"),
        Binding("s", "star", "Star"),
        Binding("A", "mark_read", "All read", tooltip="Mark feed read"),
        Binding("r", "refresh_one", "Refresh", tooltip="Refresh feed"),
        Binding("R", "refresh_all", "Refresh all", show=False),
        Binding("o", "order", "Order", tooltip="Unread first / newest first"),
        Binding("slash", "filter", "Filter"),
        Binding("q,escape", "back", "Back", tooltip="Back to the feed list"),
        Binding("l", "library", "Library", show=False),
    ]
    """Item list keys (newsboat's, where it has one); Enter reads the item."""

    order: reactive[str] = reactive("unread")
    """'unread' (unread first, then newest) or 'date' (newest first)."""

    def __init__(self, settings: Settings, feed: Feed, feeds: FeedsScreen) -> None:
        super().__init__()
        self.settings = settings
        self.feed = feed
        self.feeds_screen = feeds
        """The feed list, which runs refreshes and background jobs for both screens."""
        self.items: list[Item] = []
        self.watched: Set[int] = frozenset()
        """The saved articles among the items' that mention a watched company."""
        self.shown: list[Item] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(clean(self.feed.name), style="bold"), id="items-title")
        yield Input(placeholder="Filter items by title or company", id="item-filter")
        yield KeyTable(id="items", cursor_type="row", zebra_stripes=True)
        yield Static(id="items-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#items", DataTable).focus()

    def on_screen_resume(self) -> None:
        """List the items whenever the screen shows: read marks and the watch list may
        have changed on the screens above it."""
        self.reload()

    def watch_order(self) -> None:
        if self.is_mounted:
            self.reload()

    def reload(self) -> None:
        """List the feed's items again (in a thread)."""
        self._list(self.order)

    @work(thread=True, exclusive=True, exit_on_error=False, group="item-list")
    def _list(self, order: str) -> None:
        from tui.core.library.feed_items import FeedItems
        from tui.core.library.store import Library

        try:
            with Library(self.settings.library_path) as library:
                items = FeedItems(library).items(self.feed.id, order=order)
                saved = (i.article_id for i in items if i.article_id is not None)
                watched = library.desk.watched_article_ids(saved)
        except NewsdeskError as error:
            self.app.call_from_thread(self._status, f"The library cannot be read: {error}")
            return
        self.app.call_from_thread(self._listed, items, watched)

    def _listed(self, items: list[Item], watched: Set[int]) -> None:
        self.items = items
        self.watched = watched
        self._fill()

    def on_resize(self) -> None:
        self.query_one("#items", DataTable).clear(columns=True)  # the title takes the width
        self._fill()

    def _fill(self) -> None:
        words = self.query_one("#item-filter", Input).value.casefold().split()
        self.shown = [i for i in self.items if all(w in _haystack(i) for w in words)]
        table = self.query_one("#items", DataTable)
        rows = [(str(item.id), _cells(item, self.watched)) for item in self.shown]
        if not update_in_place(table, COLUMN_KEYS, rows):
            keep = table.cursor_row
            rebuild(table, COLUMNS, rows, self.size.width)
            if self.shown:
                table.move_cursor(row=min(keep, len(self.shown) - 1))
        unread = sum(not i.read for i in self.items)
        self._status(
            f"{unread} unread of {len(self.items)} item(s). "
            "Enter reads; N toggles read; s stars; o changes the order."
        )

    def _status(self, message: str) -> None:
        self.query_one("#items-status", Static).update(Text(clean(message)))

    @property
    def highlighted(self) -> Item | None:
        table = self.query_one("#items", DataTable)
        if not self.shown or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    # ---- reading -------------------------------------------------------------------

    @on(DataTable.RowSelected, "#items")
    def _selected(self) -> None:
        item = self.highlighted
        if item is not None:
            self._open(item)

    @work(thread=True, exit_on_error=False, group="open-item")
    def _open(self, item: Item) -> None:
        from tui.ui import feed_jobs

        self._set_read(item.id, True)
        article_id, kind, note = item.article_id, item.full_text, item.full_text_note
        if article_id is None:  # not fetched in the background yet: fetch it now
            self.app.call_from_thread(self._status, "Fetching the article…")
            try:
                fetched = feed_jobs.fetch_now(self.settings, item.id)
            except Exception as error:  # fetching or extracting can fail in any way: say so
                self.app.call_from_thread(
                    self.notify, clean(str(error)), severity="error", markup=False
                )
                return
            if fetched is not None:
                article_id, kind, note = fetched.article_id, fetched.kind, fetched.note
        place = Place(library_id=article_id) if article_id else Place(source=item.link)
        if kind == "summary":
            note = note or "the page could not be fetched"
            self.app.call_from_thread(
                self.notify, sentence(f"Showing the feed's summary: {note}"), markup=False
            )
        self.app.call_from_thread(self.post_message, Open(place))
        self.app.call_from_thread(self.reload)

    # ---- flags ---------------------------------------------------------------------

    def action_toggle_read(self) -> None:
        item = self.highlighted
        if item is not None:
            self._flag(item.id, read=not item.read)

    def action_star(self) -> None:
        item = self.highlighted
        if item is not None:
            self._flag(item.id, starred=not item.starred)

    @work(thread=True, exit_on_error=False, group="flag")
    def _flag(self, item_id: int, *, read: bool | None = None, starred: bool | None = None) -> None:
        if read is not None:
            self._set_read(item_id, read)
        if starred is not None:
            from tui.core.library.feed_items import FeedItems
            from tui.core.library.store import Library

            with Library(self.settings.library_path) as library:
                FeedItems(library).set_starred(item_id, starred)
        self.app.call_from_thread(self.reload)

    def _set_read(self, item_id: int, read: bool) -> None:
        """From a thread: mark the item read or unread; the feed list's counts follow."""
        from tui.core.library.feed_items import FeedItems
        from tui.core.library.store import Library

        try:
            with Library(self.settings.library_path) as library:
                FeedItems(library).set_read([item_id], read)
        except NewsdeskError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
        self.app.call_from_thread(self.feeds_screen.reload)

    def action_mark_read(self) -> None:
        self.feeds_screen.mark_feed_read(self.feed.id)

    def action_refresh_one(self) -> None:
        self.feeds_screen.refresh_feeds([self.feed.id])

    def action_refresh_all(self) -> None:
        self.feeds_screen.action_refresh_all()

    def action_order(self) -> None:
        self.order = "date" if self.order == "unread" else "unread"
        self.notify("Newest first." if self.order == "date" else "Unread first, then newest.")

    # ---- filter and navigation -----------------------------------------------------

    def action_filter(self) -> None:
        box = self.query_one("#item-filter", Input)
        box.add_class("-shown")
        self.set_focus(box)  # at once: keys typed right after `/` go to the filter

    @on(Input.Changed, "#item-filter")
    def _filter_changed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#item-filter")
    def _filter_submitted(self) -> None:
        self.query_one("#items", DataTable).focus()

    def action_back(self) -> None:
        box = self.query_one("#item-filter", Input)
        if box.has_class("-shown"):
            box.value = ""
            box.remove_class("-shown")
            self.query_one("#items", DataTable).focus()
            return
        self.dismiss()

    def action_library(self) -> None:
        self.post_message(ShowLibrary())


def _cells(item: Item, watched: Set[int]) -> tuple[Text, ...]:
    return (
        marker(item, watched),
        item_flags(item),
        Text(item_date(item), style="dim"),
        Text(
            clean(item.title), overflow="ellipsis", no_wrap=True, style="" if item.read else "bold"
        ),
        Text(clean(item.companies), overflow="ellipsis", no_wrap=True, style="cyan"),
        Text(f"+{item.sources - 1}" if item.sources > 1 else "", justify="right"),
    )


def _haystack(item: Item) -> str:
    return f"{item.title} {item.companies}".casefold()
