"""The feed list: title, unread/total, last updated and an error marker per feed.

Enter opens a feed's items; `r` refreshes the highlighted feed and `R` every feed, with a
progress bar; `i` sets how often a feed is refreshed. The work is the app's `FeedRunner`
(which also refreshes the feeds that are due by itself, and fetches new items' pages in the
background); this screen only shows what it reports.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, ProgressBar, Static

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.ui import feed_jobs
from tui.ui.feed_format import age, feed_state, list_status
from tui.ui.feed_runner import FEED_DONE, FINISHED, PAGE_DONE, STARTED, FeedNews, FeedRunner
from tui.ui.messages import ShowLibrary
from tui.ui.safe_text import clean
from tui.ui.widgets.footer import KeyFooter
from tui.ui.widgets.key_table import KeyTable
from tui.ui.widgets.table_rows import Column, rebuild, update_in_place

if TYPE_CHECKING:
    from tui.core.feeds.refresh import FeedResult
    from tui.core.library.feeds import Feed
    from tui.core.library.store import Library

COLUMNS: tuple[Column, ...] = (
    ("", 1, "state"),
    ("Feed", 0, "feed"),
    ("Unread", 11, "unread"),
    ("Updated", 10, "updated"),
    ("Tags", 16, "tags"),
)
"""The error marker, the title (as wide as the screen allows), unread/total, age, tags."""
COLUMN_KEYS = tuple(key for _, _, key in COLUMNS)
RELIST_SECONDS = 0.5
"""While refreshing, the list is read again at most this often, so counts fill in."""


class FeedsScreen(Screen[None]):
    """Every subscription; Enter lists a feed's items."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "refresh_one", "Refresh", tooltip="Refresh feed"),
        Binding("R", "refresh_all", "Refresh all", show=False),
        Binding("A", "mark_read", "All read", tooltip="Mark feed read"),
        Binding("a", "add", "Add", tooltip="Add feed"),
        Binding("i", "interval", "Refresh interval", show=False),
        Binding("delete", "unsubscribe", "Unsubscribe", show=False),
        Binding("slash", "filter", "Filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("l", "library", "Library"),
    ]
    """Feed list keys (newsboat's, where it has one); Enter opens the feed's items."""

    def __init__(self, settings: Settings, runner: FeedRunner) -> None:
        super().__init__()
        self.settings = settings
        self.runner = runner
        """The app's feed work: refreshes and background full texts, for both feed screens."""
        self.feeds: list[Feed] = []
        self.shown: list[Feed] = []
        self._listed_at = 0.0
        self._relist: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter feeds by title, tag or address", id="feed-filter")
        yield KeyTable(id="feeds", cursor_type="row", zebra_stripes=True)
        yield Static(id="feeds-status")
        yield ProgressBar(id="refresh-progress", show_eta=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#feeds", DataTable).focus()
        self.runner.changed.subscribe(self, self._feed_news)
        if self.runner.running:  # started before this screen was first shown
            self._feed_news(FeedNews(STARTED))
        self.reload()

    @property
    def refreshing(self) -> bool:
        """True while a refresh runs (started here, from the item list, or by itself)."""
        return self.runner.running

    # ---- listing -------------------------------------------------------------------

    def reload(self) -> None:
        """List the feeds again from the library (in a thread)."""
        self._list()

    @work(thread=True, exclusive=True, exit_on_error=False, group="feed-list")
    def _list(self) -> None:
        from tui.core.library.feeds import FeedStore
        from tui.core.library.store import Library

        try:
            with Library(self.settings.library_path) as library:
                feeds = FeedStore(library).feeds()
        except NewsdeskError as error:
            self.app.call_from_thread(self._status, Text(f"The library cannot be read: {error}"))
            return
        self.app.call_from_thread(self._listed, feeds)

    def _listed(self, feeds: list[Feed]) -> None:
        self._listed_at = time.monotonic()
        self.feeds = feeds
        self._fill()

    def on_resize(self) -> None:
        self.query_one("#feeds", DataTable).clear(columns=True)  # the title takes the width
        self._fill()

    def _fill(self) -> None:
        words = self.query_one("#feed-filter", Input).value.casefold().split()
        self.shown = [f for f in self.feeds if all(w in _haystack(f) for w in words)]
        table = self.query_one("#feeds", DataTable)
        rows = [(str(feed.id), _cells(feed)) for feed in self.shown]
        if not update_in_place(table, COLUMN_KEYS, rows):
            key = self._current_key()
            rebuild(table, COLUMNS, rows, self.size.width)
            if key is not None and key in {row_key for row_key, _ in rows}:
                table.move_cursor(row=table.get_row_index(key))
        self._describe()

    def _current_key(self) -> str | None:
        feed = self.highlighted
        return str(feed.id) if feed else None

    @property
    def highlighted(self) -> Feed | None:
        table = self.query_one("#feeds", DataTable)
        if not self.shown or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def _describe(self) -> None:
        self._status(list_status(self.runner, self.highlighted, bool(self.feeds)))

    def _status(self, text: Text) -> None:
        self.query_one("#feeds-status", Static).update(text)

    @on(DataTable.RowHighlighted, "#feeds")
    def _highlighted(self) -> None:
        self._describe()

    @on(DataTable.RowSelected, "#feeds")
    def _selected(self, event: DataTable.RowSelected) -> None:
        feed = self.highlighted
        if feed is not None:
            self.open_items(feed)

    def open_items(self, feed: Feed) -> None:
        from tui.ui.screens.items import ItemsScreen

        self.app.push_screen(ItemsScreen(self.settings, feed, self))

    # ---- filter --------------------------------------------------------------------

    def action_filter(self) -> None:
        box = self.query_one("#feed-filter", Input)
        box.add_class("-shown")
        self.set_focus(box)  # at once: keys typed right after `/` go to the filter

    def action_clear_filter(self) -> None:
        box = self.query_one("#feed-filter", Input)
        if not box.has_class("-shown"):
            self.notify("Press q to quit.", markup=False)
        box.value = ""
        box.remove_class("-shown")
        self.query_one("#feeds", DataTable).focus()

    @on(Input.Changed, "#feed-filter")
    def _filter_changed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#feed-filter")
    def _filter_submitted(self) -> None:
        self.query_one("#feeds", DataTable).focus()

    # ---- refreshing ----------------------------------------------------------------

    def action_refresh_one(self) -> None:
        feed = self.highlighted
        if feed is not None:
            self.refresh_feeds([feed.id])

    def action_refresh_all(self) -> None:
        self.refresh_feeds([feed.id for feed in self.feeds if not feed.disabled])

    def refresh_feeds(self, feed_ids: list[int]) -> None:
        """Refresh these feeds, unless a refresh is already running."""
        if self.runner.running:
            self.notify("A refresh is already running.", markup=False)
        elif not feed_ids:
            self.notify("There is no feed to refresh: press a to add one.", markup=False)
        else:
            self.runner.refresh(feed_ids)

    def _feed_news(self, news: FeedNews) -> None:
        """Follow the runner: progress, the list read again, the item lists too."""
        bar = self.query_one("#refresh-progress", ProgressBar)
        if news.kind == STARTED and not self.runner.automatic:
            bar.add_class("-shown")
            bar.update(total=self.runner.progress[1], progress=self.runner.progress[0])
        elif news.kind == FEED_DONE:
            bar.update(progress=self.runner.progress[0])
            self._items_screen_reload(news.feed_id)
            self._relist_soon()
        elif news.kind == FINISHED:
            bar.remove_class("-shown")
            self.reload()
        elif news.kind == PAGE_DONE:
            self._items_screen_reload()
        self._describe()

    def _relist_soon(self) -> None:
        """Read the list again now, or once RELIST_SECONDS have passed since the last time:
        the counts fill in as the feeds are done, the last ones included."""
        if self._relist is not None:
            return
        wait = self._listed_at + RELIST_SECONDS - time.monotonic()
        if wait <= 0:
            self.reload()
        else:
            self._relist = self.set_timer(wait, self._relist_now)

    def _relist_now(self) -> None:
        self._relist = None
        self.reload()

    def _items_screen_reload(self, feed_id: int | None = None) -> None:
        from tui.ui.screens.items import ItemsScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, ItemsScreen) and feed_id in (None, screen.feed.id):
                screen.reload()

    def action_interval(self) -> None:
        from tui.ui.screens.feed_dialogs import IntervalScreen

        feed = self.highlighted
        if feed is None:
            return

        def answered(minutes: int | None) -> None:
            if minutes is not None:
                self._set_interval(feed.id, minutes or None)

        self.app.push_screen(IntervalScreen(feed.name, feed.refresh_minutes), answered)

    def _set_interval(self, feed_id: int, minutes: int | None) -> None:
        from tui.core.library.feeds import FeedStore, refresh_minutes

        every = refresh_minutes(minutes)
        note = f"Refreshed every {every} minutes"
        if minutes is None:
            note += " (the default)"
        elif minutes < every:
            note += " (the shortest interval)"
        self.change_library(lambda library: FeedStore(library).set_interval(feed_id, minutes), note)

    # ---- subscriptions -------------------------------------------------------------

    def action_add(self) -> None:
        from tui.ui.screens.feed_dialogs import AddFeedScreen

        def answered(url: str | None) -> None:
            if url:
                self.subscribe(url)

        self.app.push_screen(AddFeedScreen(), answered)

    def subscribe(self, url: str, *, show_items: bool = False) -> None:
        """Subscribe to the feed at (or named by) `url`, then list its items if asked."""
        self.notify(f"Adding {clean(url)}…", markup=False)
        self._add(url, show_items)

    @work(thread=True, exit_on_error=False, group="add")
    def _add(self, url: str, show_items: bool) -> None:
        from tui.core.library.feeds import FeedStore
        from tui.core.library.store import Library

        try:
            result, created = feed_jobs.subscribe(self.settings, url, self.runner.cancel)
            with Library(self.settings.library_path) as library:
                feed = FeedStore(library).get(result.feed_id)
        except NewsdeskError as error:
            self.app.call_from_thread(
                self.notify, clean(str(error)), title="Not added", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self._added, result, created, feed if show_items else None)

    def _added(self, result: FeedResult, created: bool, show: Feed | None) -> None:
        name = clean(result.title or result.url)
        verb = "Subscribed to" if created else "Already subscribed to"
        self.notify(f"{verb} {name}: {clean(result.message)}", markup=False)
        self.reload()
        if result.new_items:
            self.runner.fetch_full_texts(list(result.new_items))
        if show is not None:
            self.open_items(show)

    def action_mark_read(self) -> None:
        feed = self.highlighted
        if feed is not None:
            self.mark_feed_read(feed.id)

    def mark_feed_read(self, feed_id: int) -> None:
        """Mark every item of the feed read (from either feed screen)."""
        from tui.core.library.feed_items import FeedItems

        self.change_library(
            lambda library: FeedItems(library).mark_feed_read(feed_id), None, feed_id
        )

    def action_unsubscribe(self) -> None:
        from tui.core.library.feeds import FeedStore
        from tui.ui.screens.feed_dialogs import ConfirmScreen

        feed = self.highlighted
        if feed is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.change_library(
                    lambda library: FeedStore(library).remove(feed.id), "Unsubscribed"
                )

        detail = (
            f"Its {feed.total} item(s) go unless another feed carries them; "
            "articles saved in the library stay."
        )
        self.app.push_screen(ConfirmScreen(f"Unsubscribe from {feed.name}?", detail), answered)

    @work(thread=True, exit_on_error=False, group="feed-change")
    def change_library(
        self, change: Callable[[Library], object], done: str | None, feed_id: int | None = None
    ) -> None:
        """Make `change` to the library (in a thread), say `done`, list the feeds again (and
        the items of `feed_id`)."""
        from tui.core.library.store import Library

        try:
            with Library(self.settings.library_path) as library:
                change(library)
        except NewsdeskError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        if done:
            self.app.call_from_thread(self.notify, done + ".", markup=False)
        self.app.call_from_thread(self.reload)
        if feed_id is not None:
            self.app.call_from_thread(self._items_screen_reload, feed_id)

    def action_library(self) -> None:
        self.post_message(ShowLibrary())


def _cells(feed: Feed) -> tuple[Text, ...]:
    return (
        feed_state(feed),
        Text(
            clean(feed.name), overflow="ellipsis", no_wrap=True, style="bold" if feed.unread else ""
        ),
        Text(f"{feed.unread}/{feed.total}", justify="right"),
        Text(age(feed.last_success)),
        Text(clean(", ".join(feed.tags)), overflow="ellipsis", no_wrap=True),
    )


def _haystack(feed: Feed) -> str:
    return " ".join((feed.name, feed.url, *feed.tags)).casefold()
