"""The feed work behind the feed screens, as plain functions run in thread workers.

Each runs its own asyncio loop and opens its own Library (one SQLite connection per
thread); parsing and extraction go to the screens' `ParsePool` processes and analysis to
the app's analyser process, so the UI thread only receives results.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Sequence

from tui.config import Settings
from tui.core.feeds.fulltext import FullText, fetch_full_texts
from tui.core.feeds.refresh import FeedResult, RefreshOptions, refresh_feeds
from tui.core.feeds.workers import ParsePool
from tui.core.library.feed_items import FeedItems
from tui.core.library.feeds import FeedStore
from tui.core.library.store import Library
from tui.core.model import Article, Entities
from tui.ui.analysis import AnalyserGate

FULL_TEXT_BATCH = 50
"""Items taken at a time (newest first) by the background pass, which goes on until none of
its items is left."""
GATE_POLL = 0.2


def refresh(
    settings: Settings,
    feed_ids: Sequence[int] | None,
    pool: ParsePool,
    on_result: Callable[[FeedResult], None],
    cancel: threading.Event,
) -> list[FeedResult]:
    """Refresh these feeds (every enabled feed when None); each result reported as done."""
    with Library(settings.library_path) as library:
        store = FeedStore(library)
        feeds = [f for f in store.feeds() if not f.disabled]
        if feed_ids is not None:
            wanted = set(feed_ids)
            feeds = [f for f in feeds if f.id in wanted]
        options = RefreshOptions(on_result=on_result, cancel=cancel)
        return asyncio.run(refresh_feeds(feeds, settings, library, pool, options))


def subscribe(settings: Settings, url: str, pool: ParsePool) -> tuple[FeedResult, bool]:
    """Subscribe to the feed at (or named by) `url` and store its entries now."""
    from tui.core.feeds.subscribe import subscribe as add

    with Library(settings.library_path) as library:
        return asyncio.run(add(url, settings, library, pool))


def full_text(
    settings: Settings,
    item_ids: Sequence[int] | None,
    pool: ParsePool,
    gate: AnalyserGate,
    on_done: Callable[[FullText], None],
    cancel: threading.Event,
) -> list[FullText]:
    """Fetch, save and analyse the pages of these items (or of any pending ones)."""
    from tui.core.pipeline import analysed_part

    async def analyse(article: Article) -> Entities:
        analyser = None
        while analyser is None:
            if cancel.is_set():
                raise asyncio.CancelledError
            analyser = await asyncio.to_thread(gate.wait, GATE_POLL)
        part, _ = analysed_part(article.body, settings.analysis_limit)
        struck = tuple((s, e) for s, e in article.struck if e <= len(part))
        return await asyncio.wrap_future(analyser.submit(part, article.lang, struck))

    def done(result: FullText) -> None:
        if not cancel.is_set():
            on_done(result)

    finished: list[FullText] = []
    with Library(settings.library_path) as library:
        while not cancel.is_set():
            pending = FeedItems(library).pending(item_ids, limit=FULL_TEXT_BATCH)
            if not pending:
                break
            batch = fetch_full_texts(pending, settings, library, pool, analyse, done)
            finished += asyncio.run(batch)
    return finished


def fetch_now(settings: Settings, item_id: int, pool: ParsePool) -> FullText | None:
    """The item's page (or the feed's summary) fetched and saved now, for the reader."""
    from tui.core.feeds.fulltext import fetch_one

    with Library(settings.library_path) as library:
        pending = FeedItems(library).pending([item_id])
        if not pending:
            return None
        return asyncio.run(fetch_one(pending[0], settings, library, pool))
