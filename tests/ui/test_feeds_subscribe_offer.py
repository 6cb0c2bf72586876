"""Opening a feed's address in the reader offers to subscribe to it (a real local server)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.core.feeds_server import FeedServer, article_feed, serve_feeds
from tests.ui.conftest import settle, until
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.library.feeds import FeedStore
from tui.core.library.store import Library
from tui.ui.app import NewsdeskApp
from tui.ui.screens.items import ItemsScreen
from tui.ui.screens.reader import ReaderScreen
from tui.ui.screens.subscribe_offer import SubscribeOfferScreen


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    for running in serve_feeds():
        running.routes["/offered"] = (
            200,
            article_feed([running.url("/missing-1"), running.url("/missing-2")], "Offered"),
            "application/rss+xml",
        )
        yield running


async def test_enter_subscribes_and_shows_the_items(
    server: FeedServer, settings: Settings, analyser: Analyser
) -> None:
    url = server.url("/offered")
    app = NewsdeskApp(url, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        # the address is read in a thread started before the app (no worker to wait for)
        await until(pilot, lambda: isinstance(app.screen, SubscribeOfferScreen))
        assert isinstance(app.screen, SubscribeOfferScreen) and app.screen.url == url
        await pilot.press("enter")
        await settle(pilot)
        items = app.screen
        assert isinstance(items, ItemsScreen) and items.feed.url == url
        assert items.feed.title == "Offered" and len(items.items) == 2
    with Library(settings.library_path) as library:
        assert [f.url for f in FeedStore(library).feeds()] == [url]


async def test_escape_leaves_the_reader_and_subscribes_to_nothing(
    server: FeedServer, settings: Settings, analyser: Analyser
) -> None:
    app = NewsdeskApp(server.url("/f/NetNewsWire__qemu.atom"), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SubscribeOfferScreen))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
    with Library(settings.library_path) as library:
        assert FeedStore(library).feeds() == []
