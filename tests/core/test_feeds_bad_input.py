"""Bad feeds: huge, enormous in items, not feeds at all, undated; nothing lost, no traceback."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.feeds_server import FeedServer, serve_feeds
from tui.config import Settings
from tui.core.feeds.model import Entry
from tui.core.feeds.parse import parse_feed
from tui.core.feeds.refresh import refresh_feeds
from tui.core.feeds.workers import ParsePool
from tui.core.library.feed_items import LIST_LIMIT, FeedItems
from tui.core.library.feeds import FeedStore
from tui.core.library.store import Library


@pytest.fixture(scope="module")
def feed_server() -> Iterator[FeedServer]:
    yield from serve_feeds()


def test_a_feed_of_100_000_items_is_stored_whole_and_listed_in_pages(tmp_path: Path) -> None:
    entries = [
        Entry(
            f"g{n}",
            f"Story number {n}",
            f"https://big.example/{n}",
            f"https://big.example/{n}",
            published=f"2026-{1 + n % 12:02d}-01T00:00:00+00:00",
        )
        for n in range(100_000)
    ]
    with Library(tmp_path / "l.sqlite3") as library:
        feed = FeedStore(library).add("https://big.example/feed")[0]
        items = FeedItems(library)
        assert len(items.store_entries(feed.id, entries).new) == 100_000
        stored = FeedStore(library).get(feed.id)
        assert (stored.unread, stored.total) == (100_000, 100_000)
        started = time.monotonic()
        listed = items.items(feed.id)
        assert len(listed) == LIST_LIMIT and time.monotonic() - started < 2
        assert listed[0].sort_date.startswith("2026-12")
        again = items.store_entries(feed.id, entries)
        assert again.new == () and again.merged == 0


def test_a_feed_over_10_mb_gets_a_clear_message(feed_server: FeedServer, tmp_path: Path) -> None:
    item = "<item><title>x</title><link>http://a.example/{}</link></item>"
    body = "".join(item.format(n) for n in range(200_000)).encode()
    feed_server.routes["/huge-feed"] = (
        200,
        b"<?xml version='1.0'?><rss version='2.0'><channel>" + body,
        "application/rss+xml",
    )
    assert len(feed_server.routes["/huge-feed"][1]) > 10 * 2**20
    settings = Settings(library_path=tmp_path / "l.sqlite3")
    pool = ParsePool(0)
    with Library(settings.library_path) as library:
        feed = FeedStore(library).add(feed_server.url("/huge-feed"))[0]
        [result] = asyncio.run(refresh_feeds([feed], settings, library, pool))
        assert result.outcome == "error" and "larger than the 10 MB limit" in result.message
        assert FeedStore(library).get(feed.id).error_message == result.message
    pool.shutdown()


def test_binary_and_empty_answers_are_not_feeds() -> None:
    pdf = parse_feed(b"%PDF-1.4 ...", {"content-type": "application/pdf"}, "http://a.example/")
    assert pdf.error == "this is application/pdf, not a feed"
    empty = parse_feed(b"", {"content-type": "application/rss+xml"}, "http://a.example/")
    assert empty.error is not None and empty.entries == ()
    text = parse_feed(b"just words", {"content-type": "text/plain"}, "http://a.example/")
    assert text.error is not None


def test_undated_items_take_the_first_seen_time(tmp_path: Path) -> None:
    feed = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
        b"<item><title>No date at all</title><link>http://a.example/1</link></item>"
        b"<item><title>Date in French</title><link>http://a.example/2</link>"
        b"<pubDate>lundi 3 novembre 2026</pubDate></item>"
        b"<item><title>Absurd year</title><link>http://a.example/3</link>"
        b"<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item></channel></rss>"
    )
    parsed = parse_feed(feed, {}, "http://a.example/feed")
    assert [e.published for e in parsed.entries] == [None, None, None]
    assert [e.published_raw for e in parsed.entries][1:] == [
        "lundi 3 novembre 2026",
        "Mon, 01 Jan 0001 00:00:00 GMT",
    ]
    with Library(tmp_path / "l.sqlite3") as library:
        feed_id = FeedStore(library).add("http://a.example/feed")[0].id
        FeedItems(library).store_entries(feed_id, parsed.entries)
        items = FeedItems(library).items(feed_id)
    assert len(items) == 3 and all(i.published is None for i in items)
    assert len({i.sort_date for i in items}) == 1, "all first seen now"
    assert {i.published_raw for i in items} == {
        None,
        "lundi 3 novembre 2026",
        "Mon, 01 Jan 0001 00:00:00 GMT",
    }
