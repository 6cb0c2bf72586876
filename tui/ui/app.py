"""The newsdesk application: a library screen and a reader screen, as two modes.

Start-up is kept light: no extraction or NLP library is imported here, the article is read
in a thread worker, and the analyser process starts only after the first paint.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.config import Settings
from tui.ui import jobs
from tui.ui.analysis import AnalyserGate
from tui.ui.commands import BindingCommands
from tui.ui.feed_runner import FeedRunner
from tui.ui.messages import (
    FeedAddressOpened,
    ImportDirectory,
    Open,
    Painted,
    Place,
    ShowLibrary,
    ShowReader,
)
from tui.ui.screens.reader import ReaderScreen
from tui.ui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from tui.core.background import Analyser
    from tui.ui.screens.library import LibraryScreen

EXIT_AFTER_PAINT_ENV = "NEWSDESK_EXIT_AFTER_PAINT"
"""When set, the app exits as soon as the first article body (or the library list) is
painted. If its value is a Unix time (the moment the caller launched the process), the app
prints `painted-after SECONDS` on exit: `bench/startup` measures start-up with it."""

ANALYSER_START_DELAY = 0.2
"""Seconds after the first paint before the analyser process is spawned."""
ANALYSER_FALLBACK_START = 2.0
"""Seconds after start-up when the analyser starts even if nothing was painted yet."""


PANEL_KEYS: list[BindingType] = [
    Binding("up,down", "", "Move between rows (highlighting a row marks its mentions)"),
    Binding("enter", "", "Jump to the first mention / open the related post"),
]
"""What the panel's lists do, for the help screen (the lists bind these themselves)."""


class NewsdeskApp(App[int]):
    """Reads articles; `source` is a path, URL or directory, or None for the library."""

    CSS_PATH = "app.tcss"
    TITLE = "newsdesk"
    COMMANDS: ClassVar = App.COMMANDS | {BindingCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("F", "feeds", "Feeds"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]
    """Keys that work on every screen."""

    def __init__(
        self,
        source: str | None,
        settings: Settings,
        *,
        analyser: Analyser | None = None,
        exit_after_paint: bool = False,
    ) -> None:
        super().__init__()
        self.source = source
        self.settings = settings
        self.gate = AnalyserGate(analyser)
        self.feed_runner = FeedRunner(self, settings, self.gate)
        """Refreshes feeds (one refresh at a time) and fetches new items' pages."""
        self.exit_after_paint = exit_after_paint
        self.painted_at: float | None = None
        self.reader_in_use = False
        """True once an article has been opened: the library's `b` can go back to it."""
        self.started = False
        """True once start-up (opening the source, starting any import) has been handed out."""
        self.add_mode("library", self._library_screen)
        self.add_mode("reader", partial(ReaderScreen, settings, self.gate))
        self.add_mode("feeds", self._feeds_screen)

    def _feeds_screen(self) -> Screen[None]:
        from tui.ui.screens.feeds import FeedsScreen

        return FeedsScreen(self.settings, self.feed_runner)

    async def action_feeds(self) -> None:
        """Show the feed list (or the item list left open there)."""
        await self.switch_mode("feeds")

    def _library_screen(self) -> LibraryScreen:
        from tui.ui.screens.library import LibraryScreen  # not needed to open one article

        return LibraryScreen(self.settings, self.gate)

    async def on_mount(self) -> None:
        source = self.source
        if source is not None and not Path(source).expanduser().is_dir():
            await self.open_place(Place(source=source))
        else:
            # Decide about the samples before the list opens the (maybe new) library file.
            directory = Path(source).expanduser() if source else self._samples_if_empty()
            await self.show_library()
            if directory is not None:
                self.library.import_directory(directory)
        if not self.exit_after_paint:
            self.set_timer(ANALYSER_FALLBACK_START, self._start_analyser)
            self.feed_runner.start_checking()
        self.started = True

    def _samples_if_empty(self) -> Path | None:
        samples = jobs.bundled_samples()
        try:
            return samples if samples is not None and jobs.library_is_empty(self.settings) else None
        except Exception as error:  # an unreadable library is reported by the list itself
            self.log.warning(f"library check failed: {error}")
            return None

    def _start_analyser(self) -> None:
        if self.gate.is_open:
            return
        try:
            self.gate.open()
        except Exception as error:  # spawning a process can fail in many ways; say so
            message = f"The language model could not be started: {error}"
            self.notify(message, severity="error", markup=False)

    @on(Painted)
    def _painted(self, message: Painted) -> None:
        if not self.exit_after_paint:
            self.set_timer(ANALYSER_START_DELAY, self._start_analyser)
        elif self.painted_at is None:
            self.painted_at = message.when
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
        await self.switch_mode("library")
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

    def action_help(self) -> None:
        from tui.ui.screens.help import HelpScreen
        from tui.ui.screens.library import LibraryScreen

        sections: list[tuple[str, Sequence[BindingType]]] = [
            ("Everywhere", self.BINDINGS),
            ("Reader", ReaderScreen.BINDINGS),
            ("Article body", ArticleView.BINDINGS),
            ("Side panel", PANEL_KEYS),
            ("Library", LibraryScreen.BINDINGS),
            *_feed_help(),
        ]
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(sections))

    def on_unmount(self) -> None:
        self.feed_runner.stop()
        self.gate.shutdown()


def _feed_help() -> list[tuple[str, Sequence[BindingType]]]:
    from tui.ui.screens.feeds import FeedsScreen
    from tui.ui.screens.items import ItemsScreen

    enter = Binding("enter", "", "Open the feed's items / read the item")
    return [("Feeds", [enter, *FeedsScreen.BINDINGS]), ("Feed items", ItemsScreen.BINDINGS)]


def run_app(source: str | None, settings: Settings) -> int:
    """Run the reader on `source` (path, URL, directory, or None for the library)."""
    launched = os.environ.get(EXIT_AFTER_PAINT_ENV, "")
    app = NewsdeskApp(source, settings, exit_after_paint=bool(launched))
    result = app.run()
    if app.painted_at is not None and launched.replace(".", "", 1).isdigit():
        print(f"painted-after {app.painted_at - float(launched):.4f}", flush=True)
    return result if isinstance(result, int) else 0
