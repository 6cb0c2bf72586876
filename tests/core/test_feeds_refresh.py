"""Refreshing feeds from a real local feed_server: conditional GET, rate limits, timeouts, errors,
de-duplication across feeds, and the unread counters the feed list reads."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.core.feeds_server import FEED_FIXTURES, FeedServer, serve_feeds
from tests.paths import ROOT
from tui.config import Settings
from tui.core.feeds.discover import looks_like_feed
from tui.core.feeds.refresh import FeedResult, RefreshOptions, refresh_feeds
from tui.core.feeds.subscribe import subscribe
from tui.core.feeds.workers import ParsePool, parse_in_worker
from tui.core.library.feed_items import FeedItems
from tui.core.library.feeds import Feed, FeedStore, is_due
from tui.core.library.store import Library

GUARDIAN = "/f/rss-parser__guardian.rss"


@pytest.fixture(scope="module")
def feed_server() -> Iterator[FeedServer]:
    yield from serve_feeds()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(library_path=tmp_path / "l.sqlite3", read_timeout=0.5, connect_timeout=2.0)


@pytest.fixture
def library(settings: Settings) -> Iterator[Library]:
    with Library(settings.library_path) as opened:
        yield opened


def refresh(library: Library, settings: Settings, feeds: list[Feed]) -> list[FeedResult]:
    pool = ParsePool(0)
    try:
        return asyncio.run(refresh_feeds(feeds, settings, library, pool))
    finally:
        pool.shutdown()


def add(library: Library, url: str) -> Feed:
    return FeedStore(library).add(url)[0]


def recount(library: Library, feed_id: int) -> tuple[int, int]:
    """Unread and total counted the slow way, to check the counters."""
    conn = library._db
    row = conn.execute(
        "SELECT sum(1 - i.read), count(*) FROM item_sources s JOIN items i ON i.id = s.item_id"
        " WHERE s.feed_id = ?",
        (feed_id,),
    ).fetchone()
    return int(row[0] or 0), int(row[1])


def test_conditional_get_answers_304_with_no_new_items(
    feed_server: FeedServer, library: Library, settings: Settings
) -> None:
    feed = add(library, feed_server.url(GUARDIAN))
    [first] = refresh(library, settings, [feed])
    assert first.outcome == "ok" and len(first.new_items) == 55
    stored = FeedStore(library).get(feed.id)
    assert stored.etag and stored.last_modified and (stored.unread, stored.total) == (55, 55)
    [second] = refresh(library, settings, [stored])
    assert second.outcome == "unchanged" and second.new_items == ()
    _, headers = [s for s in feed_server.seen if s[0] == GUARDIAN][-1]
    assert headers["If-None-Match"] == stored.etag
    assert FeedStore(library).get(feed.id).total == 55


def test_429_waits_for_retry_after(
    feed_server: FeedServer, library: Library, settings: Settings
) -> None:
    feed = add(library, feed_server.url("/limited/NetNewsWire__qemu.atom"))
    started = time.monotonic()
    [result] = refresh(library, settings, [feed])
    assert time.monotonic() - started >= 0.9
    assert result.outcome == "ok" and len(result.new_items) == 10


def test_a_long_retry_after_is_recorded_and_respected(
    feed_server: FeedServer, library: Library, settings: Settings
) -> None:
    feed = add(library, feed_server.url("/limited-long"))
    [result] = refresh(library, settings, [feed])
    assert result.outcome == "error" and "asks to wait" in result.message
    stored = FeedStore(library).get(feed.id)
    assert stored.error_kind == "rate-limited" and stored.retry_after is not None
    assert not is_due(stored, datetime.now(UTC))
    assert stored not in FeedStore(library).due()


def test_timeout_html_and_truncated_feeds_are_errors_that_do_not_stop_the_others(
    feed_server: FeedServer, library: Library, settings: Settings
) -> None:
    urls = ["/stall", "/page", "/f/feed-rs__rss_2.0_invalid_1.xml", "/missing", GUARDIAN]
    feeds = [add(library, feed_server.url(u)) for u in urls]
    started = time.monotonic()
    results = {r.url: r for r in refresh(library, settings, feeds)}
    assert time.monotonic() - started < 10
    assert "stopped answering" in results[feed_server.url("/stall")].message
    assert "web page, not a feed" in results[feed_server.url("/page")].message
    assert "malformed" in results[feed_server.url("/f/feed-rs__rss_2.0_invalid_1.xml")].message
    assert "404" in results[feed_server.url("/missing")].message
    assert results[feed_server.url(GUARDIAN)].outcome == "ok"
    listed = {f.url: f for f in FeedStore(library).feeds()}
    reuters = listed[feed_server.url("/f/feed-rs__rss_2.0_invalid_1.xml")]
    assert reuters.in_error and reuters.failures == 1 and reuters.error_kind == "parse"
    assert reuters.title == "Reuters: Most Read Articles", "the title that parsed is kept"
    assert not listed[feed_server.url(GUARDIAN)].in_error


def test_a_feed_over_the_size_cap_is_refused_clearly(
    feed_server: FeedServer, library: Library, tmp_path: Path
) -> None:
    small = Settings(library_path=tmp_path / "l.sqlite3", max_bytes=50_000)
    feed = add(library, feed_server.url(GUARDIAN))
    [result] = refresh(library, small, [feed])
    assert result.outcome == "error" and "larger than the" in result.message


def story_feed(title: str, items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}#g</guid>"
        f"<pubDate>{date}</pubDate></item>"
        for t, link, date in items
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title>{body}"
        "</channel></rss>"
    ).encode()


def test_the_same_story_from_two_feeds_is_one_item_with_two_sources(
    feed_server: FeedServer, library: Library, settings: Settings
) -> None:
    day = "Mon, 02 Nov 2026 10:00:00 GMT"
    later = "Mon, 02 Nov 2026 18:00:00 GMT"
    feed_server.routes["/wire-a"] = (
        200,
        story_feed(
            "Wire A",
            [
                ("Acme buys Beta for $2bn", "https://acme.example/deal?utm_source=rss", day),
                ("Gamma raises 40 million euros in a round", "https://a.example/gamma", day),
                ("Markets wrap", "https://a.example/wrap-1", day),
            ],
        ),
        "application/rss+xml",
    )
    feed_server.routes["/wire-b"] = (
        200,
        story_feed(
            "Wire B",
            [
                ("Acme buys Beta for $2bn", "https://acme.example/deal/", later),
                ("Gamma raises 40 million euros in a round - Wire B", "https://b.example/g", later),
                ("Markets wrap", "https://b.example/wrap-9", "Tue, 03 Nov 2026 10:00:00 GMT"),
            ],
        ),
        "application/rss+xml",
    )
    a, b = add(library, feed_server.url("/wire-a")), add(library, feed_server.url("/wire-b"))
    results = {r.url: r for r in refresh(library, settings, [a, b])}
    new = sum(len(r.new_items) for r in results.values())
    merged = sum(r.merged for r in results.values())
    assert (new, merged) == (4, 2), "the deal by URL, the round by title; the wraps differ"
    items = FeedItems(library)
    every = items.items()
    assert len(every) == 4
    deal = next(i for i in every if i.title.startswith("Acme"))
    assert deal.sources == 2 and len(items.feed_titles(deal.id)) == 2
    items.set_read([deal.id])
    for feed in (a, b):
        stored = FeedStore(library).get(feed.id)
        assert (stored.unread, stored.total) == recount(library, feed.id) == (2, 3)


def test_two_posts_of_one_feed_linking_one_page_stay_two_items(
    feed_server: FeedServer, library: Library, settings: Settings
) -> None:
    """A link blog's posts about the same site have their own guids: both are kept, and
    the refresh does not call either a story seen in other feeds."""
    day = "Mon, 02 Nov 2026 10:00:00 GMT"
    posts = [("A new minimal blog", "https://mnml.example/?utm_source=a", day)]
    posts.append(("More on that minimal blog", "https://mnml.example/?utm_source=b", day))
    feed_server.routes["/link-blog"] = (200, story_feed("Links", posts), "application/rss+xml")
    feed = add(library, feed_server.url("/link-blog"))
    (result,) = refresh(library, settings, [feed])
    assert (len(result.new_items), result.merged) == (2, 0)
    assert "other feeds" not in result.message
    assert len(FeedItems(library).items(feed.id)) == 2


def test_counters_follow_read_marks_and_unsubscribing(
    feed_server: FeedServer, library: Library, settings: Settings
) -> None:
    a = add(library, feed_server.url("/n/1/NetNewsWire__qemu.atom"))
    b = add(library, feed_server.url("/n/2/NetNewsWire__qemu.atom"))
    refresh(library, settings, [a, b])
    items = FeedItems(library)
    listing = items.items(a.id)
    assert len(listing) == 10 and all(i.sources == 2 for i in listing)
    items.set_read([listing[0].id, listing[1].id])
    items.set_read([listing[1].id], read=False)
    items.set_starred(listing[2].id, True)
    assert recount(library, a.id) == (9, 10) == _counters(library, a.id)
    assert items.items(a.id)[-1].id == listing[0].id, "unread first"
    assert items.mark_feed_read(b.id) == 9
    assert _counters(library, a.id) == (0, 10) == recount(library, a.id)
    assert FeedStore(library).remove(a.id) == 0, "b still carries every item"
    assert _counters(library, b.id) == (0, 10)
    assert FeedStore(library).remove(b.id) == 10
    assert items.items() == []


def _counters(library: Library, feed_id: int) -> tuple[int, int]:
    feed = FeedStore(library).get(feed_id)
    return feed.unread, feed.total


def test_subscribe_by_home_page_discovers_the_feed(
    feed_server: FeedServer, library: Library, settings: Settings
) -> None:
    pool = ParsePool(0)
    result, created = asyncio.run(subscribe(feed_server.url("/home"), settings, library, pool))
    pool.shutdown()
    assert created and result.outcome == "ok" and len(result.new_items) == 55
    [feed] = FeedStore(library).feeds()
    assert feed.url == feed_server.url(GUARDIAN) and feed.title == "The Guardian"


def test_subscribe_to_a_page_without_a_feed_is_refused(
    feed_server: FeedServer, library: Library, settings: Settings
) -> None:
    from tui.core.errors import FetchError

    pool = ParsePool(0)
    with pytest.raises(FetchError, match="names no feed"):
        asyncio.run(subscribe(feed_server.url("/page"), settings, library, pool))
    pool.shutdown()
    assert FeedStore(library).feeds() == []


def test_a_permanent_redirect_moves_the_feed(
    feed_server: FeedServer, library: Library, settings: Settings
) -> None:
    feed = add(library, feed_server.url("/moved/NetNewsWire__qemu.atom"))
    [result] = refresh(library, settings, [feed])
    assert result.outcome == "ok"
    assert FeedStore(library).get(feed.id).url == feed_server.url("/f/NetNewsWire__qemu.atom")


def test_refresh_in_worker_processes(
    feed_server: FeedServer, library: Library, settings: Settings
) -> None:
    feeds = [add(library, feed_server.url(f"/n/{k}/NetNewsWire__livemint.xml")) for k in range(4)]
    pool = ParsePool(2)
    seen: list[FeedResult] = []
    try:
        asyncio.run(
            refresh_feeds(feeds, settings, library, pool, RefreshOptions(on_result=seen.append))
        )
    finally:
        pool.shutdown()
    assert [r.outcome for r in seen] == ["ok"] * 4
    assert sum(len(r.new_items) for r in seen) == 25 and sum(r.merged for r in seen) == 75


FORKED_PARSE = """
import asyncio, sys
from tui.core.feeds.workers import ParsePool, parse_in_worker

pool = ParsePool(2)
pool.start()
parsed = asyncio.run(pool.run(parse_in_worker, sys.stdin.buffer.read(), {}, "https://x.example/"))
print(pool.start_method, len(parsed.entries))
pool.shutdown()
"""
"""A refresh's parse pool, as the CLI starts it: in a process with no other thread."""


def test_a_started_pool_forks_its_workers_in_a_single_threaded_process() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FORKED_PARSE],
        input=(FEED_FIXTURES / "NetNewsWire__livemint.xml").read_bytes(),
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    assert done.stdout.decode().split() == ["fork", "25"]


def test_a_pool_started_beside_other_threads_spawns_its_workers(feed_server: FeedServer) -> None:
    pool = ParsePool(1)
    pool.start()  # the feed server's thread runs: forking now would not be safe
    try:
        assert pool.start_method == "spawn"
        content = (FEED_FIXTURES / "NetNewsWire__qemu.atom").read_bytes()
        parsed = asyncio.run(pool.run(parse_in_worker, content, {}, "https://www.qemu.org/feed"))
    finally:
        pool.shutdown()
    assert len(parsed.entries) == 10


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name for p in FEED_FIXTURES.glob("*") if p.suffix in {".xml", ".rss", ".atom", ".rdf"}
    ),
)
def test_every_fixture_feed_is_recognised_by_its_content(name: str) -> None:
    """Served as plain XML: a stylesheet instruction, comments or a DOCTYPE before the
    root element do not hide a feed."""
    assert looks_like_feed((FEED_FIXTURES / name).read_bytes(), "application/xml")


def test_a_web_page_is_not_a_feed() -> None:
    page = b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html><head><title>x</title></head></html>'
    assert not looks_like_feed(page, "application/xhtml+xml")
    assert not looks_like_feed(b"<!doctype html><html><body><rss>", "text/html")
