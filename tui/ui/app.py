"""The newsdesk application: a library screen and a reader screen, as two modes.

`MODES` lists the modes and `help_sections` the keys of each, so a new screen (feeds, a
companies index) is one entry in each. Start-up is kept light: no extraction or NLP
library is imported here, the article is read in a thread worker, the reader's panel and
footer join after the first paint, and the analyser process starts after that.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.ui import jobs
from tui.ui.analysis import AnalyserGate
from tui.ui.commands import BindingCommands
from tui.ui.feed_runner import FeedRunner
from tui.ui.messages import (
    FeedAddressOpened,
    ImportDirectory,
    Listed,
    Open,
    OpenNeighbour,
    Painted,
    Place,
    ShowLibrary,
    ShowReader,
)
from tui.ui.screens.reader import ReaderScreen
from tui.ui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from concurrent.futures import Future

    from tui.core.background import Analyser
    from tui.core.model import Article, Entities
    from tui.ui.screens.library import LibraryScreen

EXIT_AFTER_PAINT_ENV = "NEWSDESK_EXIT_AFTER_PAINT"
"""When set, the app exits as soon as the first article body (or the library list) is
painted. If its value is a Unix time (the moment the caller launched the process), the app
prints `painted-after SECONDS` on exit, and `painted-amounts-after SECONDS` when the panel's
amounts were painted too: `bench/startup` and `bench/responsiveness` measure with it."""
EXIT_AFTER_ENV = "NEWSDESK_EXIT_AFTER"
"""With `NEWSDESK_EXIT_AFTER_PAINT`: what to wait for before exiting, `body` (the default)
or `amounts` (the panel's amounts, found without the language model)."""

ANALYSER_START_DELAY = 0.2
"""Seconds after the first paint before the analyser process is spawned."""
ANALYSER_FALLBACK_START = 2.0
"""Seconds after start-up when the analyser starts even if nothing was painted yet."""


PANEL_KEYS: list[BindingType] = [
    Binding("up,down,j,k", "", "Move between rows (highlighting a row marks its mentions)"),
    Binding("home,end,g,G", "", "First / last row"),
    Binding("enter", "", "Jump to the first mention / open the related post"),
]
"""What the panel's lists and the library table do, for the help screen."""


class NewsdeskApp(App[int]):
    """Reads articles; `source` is a path, URL or directory, or None for the library."""

    CSS_PATH = "app.tcss"
    TITLE = "newsdesk"
    COMMANDS: ClassVar = App.COMMANDS | {BindingCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "q",
            "quit",
            "Quit",
            tooltip="Quit; in the reader and on pages: back",
        ),
        Binding("ctrl+q", "quit", "Quit from any screen", show=False),
        Binding(
            "question_mark,f1",
            "help",
            "Help",
            key_display="?",
            tooltip="This help and the library's search terms (F1 works in a text box too)",
        ),
        Binding("F", "feeds", "Feeds"),
        Binding("c", "companies", "Companies", show=False),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]
    """Keys that work on every screen; in the reader q and Escape go back to the library
    first, and in a dialog they close it."""

    MODE_NAMES: ClassVar[tuple[str, ...]] = ("library", "reader", "feeds", "companies")
    """The app's modes; `_mode_screen` builds each one's screen."""

    def __init__(
        self,
        source: str | None,
        settings: Settings,
        *,
        analyser: Analyser | None = None,
        exit_after: str | None = None,
        early: tuple[Future[Article], Future[Entities]] | None = None,
    ) -> None:
        opens_article = source is not None and not Path(source).expanduser().is_dir()
        # The first screen is the mode's own from the start: no blank default screen is
        # built, drawn and switched away from before the first paint.
        self.DEFAULT_MODE = "reader" if opens_article else "library"  # type: ignore[misc]
        super().__init__()
        self.source = source
        first = Place(source=source) if source and opens_article else None
        self._first = (first, jobs.read_ahead(first, settings, early)) if first else None
        """The article to open and, for a small file or a URL, its reading already started:
        the reader opens it as it mounts, so its body can be in the first frame."""
        self.settings = settings
        self.gate = AnalyserGate(analyser)
        self.exit_after = exit_after
        """Exit once this (`body`, `amounts`) is painted: for the benches."""
        self.painted: dict[str, float] = {}
        """When each kind of content was first painted (Unix time)."""
        self.feed_runner = FeedRunner(self, settings, self.gate)
        """Refreshes feeds (one refresh at a time) and fetches new items' pages."""
        self.reader_in_use = False
        """True once an article has been opened: the library's `b` can go back to it."""
        self.started = False
        """True once start-up (opening the source, starting any import) has been handed out."""
        self._analyser_asked = False
        self._library_samples = jobs.bundled_samples() if source is None else None
        """Imported when the library turns out to be empty on a first run."""
        self.library_order: list[int] | None = None
        """Article ids in the order the library screen last listed them."""
        for mode in self.MODE_NAMES:
            self.add_mode(mode, partial(self._mode_screen, mode))

    def _mode_screen(self, mode: str) -> Screen[None]:
        """A new screen for `mode`; the library's module is imported only when shown."""
        screen: Screen[None]
        if mode == "reader":
            first, self._first = self._first or (None, None), None
            screen = ReaderScreen(self.settings, self.gate, *first)
        elif mode == "feeds":
            from tui.ui.screens.feeds import FeedsScreen

            screen = FeedsScreen(self.settings, self.feed_runner)
        elif mode == "companies":
            from tui.ui.screens.companies import CompaniesScreen

            screen = CompaniesScreen(self.settings)
        else:
            from tui.ui.screens.library import LibraryScreen

            library = LibraryScreen(self.settings, self.gate)
            library.samples_if_empty = self._library_samples
            screen = library
        # A new screen is styled as it mounts: marking it up to date spares Textual a full
        # re-parse of every stylesheet when the mode first shows (30 ms or more here,
        # before the first paint).
        screen._css_update_count = self._css_update_count
        return screen

    def help_sections(self) -> list[tuple[str, Sequence[BindingType]]]:
        """Every key of the app, by where it works: what the help screen lists."""
        from tui.ui.screens.companies import CompaniesScreen
        from tui.ui.screens.company import CompanyScreen
        from tui.ui.screens.library import LibraryScreen

        return [
            ("Everywhere", self.BINDINGS),
            ("Reader", ReaderScreen.BINDINGS),
            ("Article body", ArticleView.BINDINGS),
            ("Side panel and lists", PANEL_KEYS),
            ("Library", [Binding("enter", "", "Open the article"), *LibraryScreen.BINDINGS]),
            *_feed_help(),
            (
                "Companies",
                [Binding("enter", "", "Open the company's page"), *CompaniesScreen.BINDINGS],
            ),
            (
                "Company page",
                [
                    Binding("enter", "", "Open the article at the mention or amount"),
                    *CompanyScreen.BINDINGS,
                ],
            ),
        ]

    async def action_feeds(self) -> None:
        """Show the feed list (or the item list left open there)."""
        await self.switch_mode("feeds")

    async def action_companies(self) -> None:
        """The desk's companies index (it reads the library again each time it is shown)."""
        await self.switch_mode("companies")

    async def on_mount(self) -> None:
        source = self.source
        if source is not None and self.DEFAULT_MODE == "reader":
            await self.open_place(Place(source=source))  # shown now if read already
        elif source is not None:
            await self.show_library()
            self.library.import_directory(Path(source).expanduser())
        else:
            await self.show_library()
        if self.exit_after is None:
            self.set_timer(ANALYSER_FALLBACK_START, self._start_analyser)
            self.feed_runner.start_checking()
        self.started = True

    def _start_analyser(self) -> None:
        if not self._analyser_asked:
            self._analyser_asked = True
            self._spawn_analyser()

    @work(
        thread=True, exclusive=True, exit_on_error=False, group="analyser", description="analyser"
    )
    def _spawn_analyser(self) -> None:
        """Spawning a process takes tens of milliseconds: never on the event loop."""
        try:
            self.gate.open()
        except Exception as error:  # spawning a process can fail in many ways; say so
            message = f"The language model could not be started: {error}"
            self.call_later(self.notify, message, severity="error", markup=False)

    @on(Painted)
    def _painted(self, message: Painted) -> None:
        if message.what in ("body", "library") and not self.painted:
            # What exists at the first paint (modules, classes, the app) lives as long
            # as the app: keep it out of the collector's full passes, which otherwise
            # stall the screen for 50-100 ms each once articles add their objects.
            gc.freeze()
        self.painted.setdefault(message.what, message.when)
        if self.exit_after is None:
            if message.what in ("body", "library"):
                self.set_timer(ANALYSER_START_DELAY, self._start_analyser)
        elif message.what in (self.exit_after, "library"):
            self.call_after_refresh(self.exit, 0)

    # ---- screens -------------------------------------------------------------------

    @property
    def reader(self) -> ReaderScreen:
        screen = self.get_screen_stack("reader")[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    @property
    def library(self) -> LibraryScreen:
        from tui.ui.screens.library import LibraryScreen

        screen = self.get_screen_stack("library")[0]
        assert isinstance(screen, LibraryScreen)
        return screen

    async def open_place(self, place: Place) -> None:
        """Show the reader and open `place` in it (a directory is imported instead)."""
        if place.source and Path(place.source).expanduser().is_dir():
            await self.show_library()
            self.library.import_directory(Path(place.source).expanduser())
            return
        self.reader_in_use = True
        mounted = self.switch_mode("reader")
        self.reader.visit(place)  # reading starts while the screen is being built
        await mounted

    async def show_library(self, query: str | None = None) -> None:
        if self.reader_in_use:
            current = self.reader.history.current
            following = current.place.library_id if current else None
        else:
            following = None
        await self.switch_mode("library")
        self.library.follow = following
        if query is not None:
            self.library.search(query)
        else:
            self.library.refresh_list()

    @on(Open)
    async def _open(self, message: Open) -> None:
        await self.open_place(message.place)

    @on(ShowLibrary)
    async def _show_library(self, message: ShowLibrary) -> None:
        await self.show_library(message.query)

    @on(ShowReader)
    async def _show_reader(self) -> None:
        if self.reader_in_use:
            await self.switch_mode("reader")
        else:
            self.notify("No article is open yet: choose one and press Enter.")

    @on(ImportDirectory)
    async def _import(self, message: ImportDirectory) -> None:
        await self.open_place(Place(source=message.path))

    @on(Listed)
    def _listed(self, message: Listed) -> None:
        self.library_order = message.ids

    @on(OpenNeighbour)
    def _open_neighbour(self, message: OpenNeighbour) -> None:
        if self.library_order is None:
            self._list_then_open(message)
        else:
            self._open_in_order(self.library_order, message)

    @work(
        thread=True, exclusive=True, exit_on_error=False, group="neighbour", description="neighbour"
    )
    def _list_then_open(self, message: OpenNeighbour) -> None:
        """The library screen has not listed anything yet: list it in its default order."""
        from tui.core.library.store import Library
        from tui.ui.library_order import DEFAULT_SORT, sorted_entries

        try:
            with Library(self.settings.library_path) as library:
                entries = sorted_entries(library.entries(), *DEFAULT_SORT)
        except NewsdeskError as error:
            self.call_later(self.notify, str(error), severity="error", markup=False)
            return
        self.call_later(self._open_in_order, [e.id for e in entries], message)

    def _open_in_order(self, ids: list[int], message: OpenNeighbour) -> None:
        if not ids:
            self.notify("The library is empty.", markup=False)
            return
        if message.current not in ids:
            index = 0 if message.step > 0 else len(ids) - 1
        else:
            index = ids.index(message.current) + message.step
        if not 0 <= index < len(ids):
            end = "last" if message.step > 0 else "first"
            self.notify(f"This is the {end} article of the library list.", markup=False)
            return
        self.reader.visit(Place(library_id=ids[index]))

    @on(FeedAddressOpened)
    def _offer_subscription(self, message: FeedAddressOpened) -> None:
        from tui.ui.screens.feeds import FeedsScreen
        from tui.ui.screens.subscribe_offer import SubscribeOfferScreen

        async def answered(yes: bool | None) -> None:
            if yes:
                await self.action_feeds()
                feeds = self.get_screen_stack("feeds")[0]
                assert isinstance(feeds, FeedsScreen)
                feeds.subscribe(message.url, show_items=True)

        self.push_screen(SubscribeOfferScreen(message.url), answered)

    def on_key(self, event: events.Key) -> None:
        """A printable key reaches the app with a text box focused only when it was sent
        to another widget before the box took the focus (`/` then a fast `q`), and no
        binding took it: type it in the box."""
        from textual.widgets import Input

        focused = self.focused
        if isinstance(focused, Input) and event.is_printable and event.character:
            focused.post_message(events.Key(event.key, event.character))

    def action_help(self) -> None:
        from tui.ui.screens.help import HelpScreen
        from tui.ui.screens.library import SEARCH_TERMS

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections(), SEARCH_TERMS))

    def on_unmount(self) -> None:
        self.feed_runner.stop()
        self.gate.shutdown()


def _feed_help() -> list[tuple[str, Sequence[BindingType]]]:
    from tui.ui.screens.feeds import FeedsScreen
    from tui.ui.screens.items import ItemsScreen

    enter = Binding("enter", "", "Open the feed's items / read the item")
    return [("Feeds", [enter, *FeedsScreen.BINDINGS]), ("Feed items", ItemsScreen.BINDINGS)]


def run_app(
    source: str | None,
    settings: Settings,
    early: tuple[Future[Article], Future[Entities]] | None = None,
) -> int:
    """Run the reader on `source` (path, URL, directory, or None for the library); `early`
    is the source's article and first amounts, being read since launch."""
    launched = os.environ.get(EXIT_AFTER_PAINT_ENV, "")
    exit_after = os.environ.get(EXIT_AFTER_ENV, "body") if launched else None
    app = NewsdeskApp(source, settings, exit_after=exit_after, early=early)
    result = app.run()
    if launched.replace(".", "", 1).isdigit():
        for what, label in (("body", "painted-after"), ("amounts", "painted-amounts-after")):
            if what in app.painted:
                print(f"{label} {app.painted[what] - float(launched):.4f}", flush=True)
    return result if isinstance(result, int) else 0
