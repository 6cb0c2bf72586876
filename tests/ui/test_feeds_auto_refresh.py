"""Due feeds refreshed by the running app, and a feed's interval set from the feed list.

Time is driven through `Settings.feed_check_seconds` (a tenth of a second here) and the
feeds' last-attempt times, never by waiting for an interval to pass.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, ProgressBar

from tests.core.feeds_server import FeedServer, article_feed, serve_feeds
from tests.paths import ROOT
from tests.ui.conftest import invented_article, screen_text, settle
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.library.feeds import FeedStore
from tui.core.library.store import Library
from tui.ui.app import NewsdeskApp
from tui.ui.screens.feed_dialogs import IntervalScreen
from tui.ui.screens.feeds import FeedsScreen

CHECK = 0.1
"""Seconds between the app's looks for due feeds, in these tests."""


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    for running in serve_feeds():
        for name in ("due", "fresh", "held"):
            links = [running.url(f"/{name}-page-{n}") for n in range(2)]
            running.routes[f"/{name}"] = (200, article_feed(links, name), "application/rss+xml")
        yield running


@pytest.fixture
def auto(settings: Settings) -> Settings:
    return replace(settings, auto_refresh=True, feed_check_seconds=CHECK)


def hits(server: FeedServer, path: str) -> int:
    return sum(seen == path for seen, _ in server.seen)


async def until(pilot: Pilot[Any], condition: Callable[[], bool], limit: float = 30.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        await pilot.pause(CHECK / 2)


def subscribe(settings: Settings, server: FeedServer, *paths: str) -> list[int]:
    """Subscribe to these feeds (not fetched), beside an article (no samples are imported)."""
    with Library(settings.library_path) as library:
        library.save(invented_article())
        return [FeedStore(library).add(server.url(path))[0].id for path in paths]


def attempted(settings: Settings, feed_id: int, hours_ago: float) -> None:
    """Move the feed's last attempt into the past (as if the app had run that long)."""
    moment = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() - hours_ago * 3600))
    with Library(settings.library_path) as library:
        library._db.execute("UPDATE feeds SET last_attempt = ? WHERE id = ?", (moment, feed_id))


async def test_due_feeds_refresh_quietly_and_the_list_follows(
    server: FeedServer, auto: Settings, analyser: Analyser
) -> None:
    due, fresh = subscribe(auto, server, "/due", "/fresh")
    attempted(auto, fresh, hours_ago=0.1)  # fetched six minutes ago: not due for an hour
    before = hits(server, "/fresh")
    app = NewsdeskApp(None, auto, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        bar = screen.query_one("#refresh-progress", ProgressBar)
        await until(pilot, lambda: any(f.id == due and f.total == 2 for f in screen.feeds))
        assert not bar.has_class("-shown"), "no progress bar for a refresh nobody asked for"
        await until(
            pilot, lambda: "automatic refresh: Refreshed 1 feed(s): 2 new" in screen_text(app)
        )
        assert hits(server, "/due") == 1 and hits(server, "/fresh") == before
        attempted(auto, due, hours_ago=2)  # an hour and more later, it is due again
        await until(pilot, lambda: hits(server, "/due") == 2)
        await until(pilot, lambda: not app.feed_runner.running)
        await pilot.pause(CHECK * 3)
        assert hits(server, "/due") == 2 and hits(server, "/fresh") == before, "not due again"
        await settle(pilot)


async def test_one_refresh_at_a_time(
    server: FeedServer, auto: Settings, analyser: Analyser
) -> None:
    subscribe(auto, server, "/held/NetNewsWire__qemu.atom")
    app = NewsdeskApp(None, auto, analyser=analyser)
    server.released.clear()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("F")  # no settling: the held refresh would be waited for
            runner = app.feed_runner
            await until(pilot, lambda: runner.running)
            assert runner.automatic
            await pilot.press("R")
            assert runner.automatic, "the running refresh goes on; no second one starts"
            assert any("already running" in n.message for n in app._notifications)
            assert "Refreshing 1 due feed(s) in the background… 0/1" in screen_text(app)
            server.released.set()
            await until(pilot, lambda: not runner.running)
            await settle(pilot)
    finally:
        server.released.set()
    assert hits(server, "/held/NetNewsWire__qemu.atom") == 1


async def test_turned_off_nothing_is_refreshed_by_itself(
    server: FeedServer, auto: Settings, analyser: Analyser
) -> None:
    subscribe(auto, server, "/f/NetNewsWire__livemint.xml")
    app = NewsdeskApp(None, replace(auto, auto_refresh=False), analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(CHECK * 5)
        assert not app.feed_runner.running and app.feed_runner.note is None
    assert hits(server, "/f/NetNewsWire__livemint.xml") == 0


def test_the_reader_command_has_an_option_to_turn_it_off() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0 and "--no-auto-refresh" in done.stdout


async def test_a_feeds_interval_is_set_from_the_list(
    server: FeedServer, settings: Settings, analyser: Analyser
) -> None:
    [feed_id] = subscribe(settings, server, "/fresh")
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert "every 60 min (default)" in screen_text(app)
        await pilot.press("i")
        assert isinstance(app.screen, IntervalScreen)
        await pilot.press(*"15", "enter")
        await settle(pilot)
        assert "every 15 min" in screen_text(app)
        await pilot.press("i", *"45", "enter")  # the field's 15 is selected: typing replaces it
        await settle(pilot)
        with Library(settings.library_path) as library:
            assert FeedStore(library).get(feed_id).refresh_minutes == 45
        await pilot.press("i", "5", "enter")
        await settle(pilot)
        assert "every 10 min" in screen_text(app), "never under the floor"
        assert any("(the shortest interval)" in n.message for n in app._notifications)
        await pilot.press("i")
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")
        await settle(pilot)
        assert "every 60 min (default)" in screen_text(app)
        await pilot.press("i", "escape")
        assert isinstance(app.screen, FeedsScreen)
    with Library(settings.library_path) as library:
        assert FeedStore(library).get(feed_id).refresh_minutes is None
