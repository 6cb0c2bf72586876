"""Refreshing feeds: fetch (conditionally, politely), parse in a worker, store the entries.

`refresh_feeds` runs on an asyncio loop in one thread with its own Library connection (the
CLI's main thread, or a worker thread of the app); it reports each feed as soon as it is
done, never raises for one feed's failure, and records every failure on the feed's row.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.config import Settings
from tui.core.errors import FetchError, NewsdeskError
from tui.core.feeds.http import Fetcher, RateLimited, Response
from tui.core.feeds.model import ParsedFeed
from tui.core.feeds.workers import ParsePool, parse_in_worker
from tui.core.library.feed_items import FeedItems
from tui.core.library.feeds import Feed, FeedStore
from tui.core.library.store import Library

NEW, UNCHANGED, FAILED = "ok", "unchanged", "error"


@dataclass(frozen=True)
class FeedResult:
    """How one feed's refresh went, for the progress line and `refresh --json`."""

    feed_id: int
    url: str
    title: str | None
    outcome: str
    """'ok' (fetched and stored), 'unchanged' (304) or 'error'."""
    message: str
    entries: int = 0
    new_items: tuple[int, ...] = ()
    merged: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "feed": self.feed_id,
            "url": self.url,
            "title": self.title,
            "outcome": self.outcome,
            "message": self.message,
            "entries": self.entries,
            "new": len(self.new_items),
            "merged": self.merged,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class RefreshOptions:
    """How a refresh runs: limits, and where its results go."""

    concurrency: int = 4
    per_host: int = 2
    on_result: Callable[[FeedResult], None] | None = None
    cancel: threading.Event | None = None


async def refresh_feeds(
    feeds: Sequence[Feed],
    settings: Settings,
    library: Library,
    pool: ParsePool,
    options: RefreshOptions | None = None,
) -> list[FeedResult]:
    """Refresh `feeds` concurrently; each result is reported (and returned) in order done."""
    options = options or RefreshOptions()
    results: list[FeedResult] = []
    async with Fetcher(
        settings, concurrency=options.concurrency, per_host=options.per_host
    ) as fetcher:

        async def one(feed: Feed) -> None:
            if options.cancel is not None and options.cancel.is_set():
                return
            result = await _refresh_one(feed, fetcher, library, pool)
            results.append(result)
            if options.on_result is not None:
                options.on_result(result)

        await asyncio.gather(*(one(feed) for feed in feeds))
    return results


async def _refresh_one(
    feed: Feed, fetcher: Fetcher, library: Library, pool: ParsePool
) -> FeedResult:
    started = time.monotonic()
    store = FeedStore(library)
    try:
        response = await fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except RateLimited as limited:
        store.record_failure(
            feed.id,
            "rate-limited",
            str(limited),
            status=limited.status,
            retry_after=limited.retry_at.isoformat(),
        )
        return _failed(feed, str(limited), started)
    except FetchError as error:
        store.record_failure(feed.id, "fetch", str(error))
        return _failed(feed, str(error), started)
    if response.moved_to:
        store.move(feed.id, response.moved_to)
    if response.status == 304:
        store.record_success(feed.id, status=304)
        return FeedResult(
            feed.id, feed.url, feed.title, UNCHANGED, "not modified", seconds=_since(started)
        )
    return await store_response(feed, response, library, pool, started)


async def store_response(
    feed: Feed, response: Response, library: Library, pool: ParsePool, started: float
) -> FeedResult:
    """Parse a fetched feed in a worker and store its entries (or record why not)."""
    store = FeedStore(library)
    try:
        parsed = await pool.run(
            parse_in_worker, response.content, response.headers, response.final_url
        )
    except Exception as error:  # a worker process can die in any way; the feed says so
        message = f"the feed could not be parsed ({type(error).__name__}: {error})"
        store.record_failure(feed.id, "parse", message, status=response.status)
        return _failed(feed, message, started)
    return _store(feed, response, parsed, library, started)


def _store(
    feed: Feed, response: Response, parsed: ParsedFeed, library: Library, started: float
) -> FeedResult:
    store = FeedStore(library)
    title = parsed.title or feed.title
    if parsed.error is not None:
        store.record_failure(
            feed.id, "parse", parsed.error, status=response.status, title=parsed.title
        )
        return _failed(feed, parsed.error, started, title)
    try:
        stored = FeedItems(library).store_entries(feed.id, parsed.entries)
    except NewsdeskError as error:
        store.record_failure(feed.id, "store", str(error), status=response.status)
        return _failed(feed, str(error), started, title)
    store.record_success(
        feed.id,
        status=response.status,
        title=parsed.title,
        site=parsed.site,
        etag=response.etag,
        last_modified=response.last_modified,
        warning=parsed.warning,
        new_items=len(stored.new),
    )
    message = f"{len(stored.new)} new of {len(parsed.entries)}"
    if stored.merged:
        message += f", {stored.merged} already seen in other feeds"
    if parsed.warning:
        message += f" (warning: {parsed.warning})"
    return FeedResult(
        feed.id,
        feed.url,
        title,
        NEW,
        message,
        len(parsed.entries),
        stored.new,
        stored.merged,
        _since(started),
    )


def _failed(feed: Feed, message: str, started: float, title: str | None = None) -> FeedResult:
    return FeedResult(
        feed.id, feed.url, title or feed.title, FAILED, message, seconds=_since(started)
    )


def _since(started: float) -> float:
    return time.monotonic() - started
