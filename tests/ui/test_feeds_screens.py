"""The feed list and item list driven through Pilot against a real local feed server."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from tests.core.desk_data import capgemini_story, french_story
from tests.core.feeds_server import FeedServer, article_feed, fixture_names, serve_feeds
from tests.ui.conftest import invented_article, screen_text, settle
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.feeds.model import Entry
from tui.core.library.feed_items import FeedItems
from tui.core.library.feeds import FeedStore
from tui.core.library.store import Library
from tui.ui.app import NewsdeskApp
from tui.ui.screens.feed_dialogs import AddFeedScreen, ConfirmScreen
from tui.ui.screens.feeds import FeedsScreen
from tui.ui.screens.items import ItemsScreen, marker
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.reader import ReaderScreen


@pytest.fixture(scope="module")
def feed_server() -> Iterator[FeedServer]:
    yield from serve_feeds()


@pytest.fixture(scope="module")
def server(feed_server: FeedServer) -> FeedServer:
    links = [feed_server.url(p) for p in ("/article", "/missing-page", "/pdf")]
    feed_server.routes["/local-news"] = (200, article_feed(links), "application/rss+xml")
    return feed_server


def not_empty(settings: Settings) -> None:
    """One article in the library, so the app does not import the samples on start."""
    with Library(settings.library_path) as library:
        library.save(invented_article())


async def feed_list(pilot: Pilot[Any]) -> FeedsScreen:
    """The feed list, shown with `F` once the app has settled."""
    await settle(pilot)
    await pilot.press("F")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, FeedsScreen)
    return screen


def rows(app: NewsdeskApp, selector: str) -> int:
    return app.screen.query_one(selector, DataTable).row_count


async def test_add_read_flag_and_unsubscribe(
    server: FeedServer, settings: Settings, analyser: Analyser
) -> None:
    not_empty(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        await pilot.press("a")
        assert isinstance(app.screen, AddFeedScreen)
        await pilot.press(*server.url("/local-news"), "enter")
        await settle(pilot)
        assert rows(app, "#feeds") == 1 and "3/3" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemsScreen) and rows(app, "#items") == 3
        text = screen_text(app)
        assert "Harbourline Robotics" in text, "the companies column is filled in the background"
        shown = app.screen.items
        assert sorted(str(i.full_text) for i in shown) == ["page", "summary", "summary"]
        assert text.count("N~") == 2, "an item whose page failed is marked as the feed's summary"
        page_row = next(i for i, item in enumerate(app.screen.shown) if item.full_text == "page")
        app.screen.query_one("#items", DataTable).move_cursor(row=page_row)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        article = app.reader.article
        assert article is not None and "plant near Grenoble" in article.body
        assert article.entities is not None and article.companies
        await pilot.press("F")
        await settle(pilot)
        items = app.screen
        assert isinstance(items, ItemsScreen)
        assert sum(not i.read for i in items.items) == 2, "opening an item marks it read"
        await pilot.press("N", "s")
        await settle(pilot)
        with Library(settings.library_path) as library:
            flagged = [i for i in FeedItems(library).items() if i.starred]
        assert len(flagged) == 1
        notes = [item.full_text_note or "" for item in items.shown]
        summary_row = next(i for i, note in enumerate(notes) if "404" in note)
        items.query_one("#items", DataTable).move_cursor(row=summary_row)
        await pilot.press("enter")
        await settle(pilot)
        said = [n.message for n in app._notifications if "feed's summary" in n.message]
        assert said and said[-1].startswith("Showing the feed's summary: "), said
        assert said[-1].endswith("404 Not Found."), said
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("slash", *"Story 2")
        await settle(pilot)
        assert rows(app, "#items") == 1
        await pilot.press("escape", "A")
        await settle(pilot)
        assert rows(app, "#items") == 3 and all(i.read for i in items.items)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen) and "0/3" in screen_text(app)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("F", "delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert rows(app, "#feeds") == 0
    with Library(settings.library_path) as library:
        assert FeedStore(library).feeds() == [] and library.count() >= 3, "articles stay"


async def test_refresh_shows_errors_and_progress(
    server: FeedServer, settings: Settings, analyser: Analyser
) -> None:
    not_empty(settings)
    with Library(settings.library_path) as library:
        store = FeedStore(library)
        for path in ("/f/feed-rs__rss_2.0_invalid_1.xml", "/page", "/f/NetNewsWire__qemu.atom"):
            store.add(server.url(path))
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await feed_list(pilot)
        await pilot.press("R")
        assert screen.refreshing
        await settle(pilot)
        assert not screen.refreshing
        text = screen_text(app)
        assert text.count("✗") == 2 and "Reuters: Most Read Articles" in text
        reuters = next(i for i, f in enumerate(screen.shown) if f.title and "Reuters" in f.title)
        screen.query_one("#feeds", DataTable).move_cursor(row=reuters)
        await pilot.pause()
        assert "error (failed, just now): the feed is malformed" in screen_text(app)


async def test_refreshing_50_feeds_keeps_the_ui_responsive(
    server: FeedServer, settings: Settings, analyser: Analyser
) -> None:
    """Keys are handled and the list fills in while a refresh runs; the refresh lasts until
    the test lets its last feed answer (the stall in milliseconds is `bench/feeds`'s)."""
    not_empty(settings)
    names = fixture_names()
    urls = [server.url(f"/n/{k}/{names[k % len(names)]}") for k in range(49)]
    held = server.url("/held/NetNewsWire__qemu.atom")
    with Library(settings.library_path) as library:
        FeedStore(library).add_many([(url, None, ()) for url in [*urls, held]])
    app = NewsdeskApp(None, settings, analyser=analyser)
    server.released.clear()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await feed_list(pilot)
            table = screen.query_one("#feeds", DataTable)
            await pilot.press("R")
            for row in range(1, 6):
                await pilot.press("down")
                assert table.cursor_row == row and screen.refreshing
            await until(pilot, lambda: app.feed_runner.progress[0] == 49)
            await until(pilot, lambda: sum(f.total > 0 for f in screen.feeds) > 40)
            assert screen.refreshing, "the held feed is still being fetched"
            await pilot.press("up")
            assert table.cursor_row == 4
            server.released.set()
            await until(pilot, lambda: not screen.refreshing)
            await settle(pilot)
    finally:
        server.released.set()
    with Library(settings.library_path) as library:
        feeds = FeedStore(library).feeds()
    truncated = sum("invalid" in names[k % len(names)] for k in range(49))
    assert sum(f.in_error for f in feeds) == truncated and sum(f.total > 0 for f in feeds) > 40
    assert next(f for f in feeds if f.url == held).total == 10


async def until(pilot: Pilot[Any], condition: Callable[[], bool], limit: float = 60.0) -> None:
    """Let the app run until `condition` holds (a failure after `limit` seconds)."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        await pilot.pause(0.05)


async def test_the_filter_takes_the_keys_typed_right_after_the_slash(
    settings: Settings, analyser: Analyser
) -> None:
    """`/` focuses the filter at once: a fast `/q` filters by "q" rather than quitting."""
    not_empty(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await feed_list(pilot)
        screen.action_filter()
        assert app.focused is screen.query_one("#feed-filter", Input)


def _snapshot_library(settings: Settings) -> None:
    from tui.core.feeds.model import Entry

    not_empty(settings)
    with Library(settings.library_path) as library:
        store = FeedStore(library)
        wire = store.add("https://wire.example/feed.xml", tags=["markets"])[0]
        broken = store.add("https://broken.example/rss")[0]
        entries = [
            Entry(
                f"g{n}",
                f"Harbourline Robotics deal number {n} closes",
                f"https://wire.example/{n}",
                f"https://wire.example/{n}",
                "Summary.",
                published=f"2026-11-{10 + n:02d}T09:30:00+00:00",
            )
            for n in range(4)
        ]
        entries.append(
            Entry(
                "g9",
                "[bold]Markup[/bold] and \x1b[31mescapes\x1b[0m stay text",
                "https://wire.example/9",
                published="2026-11-09T08:00:00+00:00",
            )
        )
        stored = FeedItems(library).store_entries(wire.id, entries)
        items = FeedItems(library)
        items.set_read([stored.new[0]])
        items.set_starred(stored.new[1], True)
        items.attach_article(stored.new[2], None, "summary", "404", "Harbourline Robotics")
        items.attach_article(stored.new[3], None, "page", None, "Larkspur Capital, Acme")
        store.record_failure(broken.id, "fetch", "broken.example answered 404 Not Found.")
        library._db.execute(
            "UPDATE feeds SET last_success = '2026-11-20T10:00:00+00:00', title = 'Wire'"
            " WHERE id = ?",
            (wire.id,),
        )
        library._db.execute(
            "UPDATE feeds SET error_at = '2026-11-20T10:00:00+00:00' WHERE id = ?", (broken.id,)
        )


class TestFeedScreens:
    def test_feed_list(self, snap_compare: Any, settings: Settings, analyser: Analyser) -> None:
        _snapshot_library(settings)
        app = NewsdeskApp(None, settings, analyser=analyser)

        async def ready(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press("F")
            await settle(pilot)

        assert snap_compare(app, terminal_size=(100, 20), run_before=ready)

    def test_item_list(self, snap_compare: Any, settings: Settings, analyser: Analyser) -> None:
        _snapshot_library(settings)
        app = NewsdeskApp(None, settings, analyser=analyser)

        async def ready(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press("F")
            await settle(pilot)
            await pilot.press("down", "enter")
            await settle(pilot)

        assert snap_compare(app, terminal_size=(100, 20), run_before=ready)


async def test_escape_on_the_feed_list_says_how_to_quit(
    settings: Settings, analyser: Analyser
) -> None:
    """Escape never quits; with nothing to close it says which key does, as the library."""
    not_empty(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await feed_list(pilot)
        await pilot.press("slash", "x", "escape")
        assert not [n for n in app._notifications if "quit" in n.message]
        await pilot.press("escape")
        assert app.is_running and isinstance(app.screen, FeedsScreen)
        assert [n.message for n in app._notifications][-1] == "Press q to quit."


async def test_feed_and_item_lists_move_with_the_vim_keys(
    settings: Settings, analyser: Analyser
) -> None:
    _snapshot_library(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await feed_list(pilot)
        feeds = app.screen.query_one("#feeds", DataTable)
        await pilot.press("j")
        assert feeds.cursor_row == 1
        await pilot.press("k")
        assert feeds.cursor_row == 0
        await pilot.press("G")
        assert feeds.cursor_row == feeds.row_count - 1 > 0
        await pilot.press("g")
        assert feeds.cursor_row == 0
        await pilot.press("j", "enter")  # Wire, the feed with items
        await settle(pilot)
        assert isinstance(app.screen, ItemsScreen)
        items = app.screen.query_one("#items", DataTable)
        await pilot.press("j", "j")
        assert items.cursor_row == 2
        await pilot.press("G")
        assert items.cursor_row == items.row_count - 1 > 2


async def test_items_whose_article_names_a_watched_company_are_starred(
    settings: Settings, analyser: Analyser
) -> None:
    with Library(settings.library_path) as library:
        story = library.save(capgemini_story())
        other = library.save(french_story())
        feed = FeedStore(library).add("https://feeds.example/desk", title="Desk news")[0]
        items = FeedItems(library)
        stored = items.store_entries(
            feed.id, [Entry("a", "Cap Gemini buys"), Entry("b", "Dassault")]
        )
        for item_id, article_id in zip(stored.new, (story, other), strict=True):
            items.attach_article(item_id, article_id, "page", None, "")
        capgemini = next(c for c in library.desk.companies()[0] if c.name == "Cap Gemini")
        library.desk.watch(capgemini.key, capgemini.name)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await feed_list(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ItemsScreen)
        marks = {item.title: str(marker(item, screen.watched)) for item in screen.shown}
        assert marks == {"Cap Gemini buys": "★", "Dassault": " "}
        assert "★" in screen_text(app)
        with Library(settings.library_path) as library:
            library.desk.unwatch(capgemini.key)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        returned = app.screen
        assert isinstance(returned, ItemsScreen) and returned is screen
        assert returned.watched == set(), "listed again on return"
        assert "★" not in screen_text(app)
