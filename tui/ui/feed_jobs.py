"""The feed work behind the feed screens, as plain functions run in thread workers.

Refreshing, subscribing and fetching pages run in a child process (`core.feeds.process`):
the thread only waits for its results, so the app's process keeps the GIL for drawing.
Analysis goes to the app's analyser process, one article at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, cast

from tui.config import Settings
from tui.core.feeds.fulltext import FullText, company_column
from tui.core.feeds.process import run_job
from tui.core.feeds.refresh import FeedResult
from tui.core.library.feed_items import FeedItems
from tui.core.library.store import Library
from tui.ui.analysis import AnalyserGate

PAGES_BATCH = 25
"""Items whose pages one child process fetches; batches go on until none is left."""
GATE_POLL = 0.2


def refresh(
    settings: Settings,
    feed_ids: Sequence[int] | None,
    on_result: Callable[[FeedResult], None],
    cancel: threading.Event,
) -> list[FeedResult]:
    """Refresh these feeds (every enabled feed when None); each result reported as done."""
    ids = None if feed_ids is None else list(feed_ids)
    return cast(list[FeedResult], run_job("refresh", settings, ids, on_result, cancel))


def subscribe(settings: Settings, url: str, cancel: threading.Event) -> tuple[FeedResult, bool]:
    """Subscribe to the feed at (or named by) `url` and store its entries now."""
    return cast(tuple[FeedResult, bool], run_job("subscribe", settings, url, _ignore, cancel))


def _ignore(_: Any) -> None:
    """Subscribing reports nothing before its result."""


def full_text(
    settings: Settings,
    item_ids: Sequence[int] | None,
    gate: AnalyserGate,
    on_done: Callable[[FullText], None],
    cancel: threading.Event,
) -> int:
    """Fetch these items' pages in a child process, analyse each article here (in the
    analyser process) as it arrives; returns how many items were done."""
    done = 0

    def arrived(result: FullText) -> None:
        nonlocal done
        analyse_item(settings, result, gate, cancel)
        done += 1
        if not cancel.is_set():
            on_done(result)

    while not cancel.is_set():
        with Library(settings.library_path) as library:
            batch = [p.id for p in FeedItems(library).pending(item_ids, limit=PAGES_BATCH)]
        if not batch:
            break
        run_job("pages", settings, batch, arrived, cancel)
    return done


def analyse_item(
    settings: Settings, result: FullText, gate: AnalyserGate, cancel: threading.Event
) -> None:
    """Analyse an item's saved article (unless done already) and fill its companies."""
    from tui.core.pipeline import analysed_part

    if result.article_id is None:
        return
    with Library(settings.library_path) as library:
        article = library.get(result.article_id)
        if article.entities is None:
            analyser = None
            while analyser is None:
                if cancel.is_set():
                    return
                analyser = gate.wait(GATE_POLL)
            part, _ = analysed_part(article.body, settings.analysis_limit)
            struck = tuple((s, e) for s, e in article.struck if e <= len(part))
            entities = analyser.submit(part, article.lang, struck).result()
            article = replace(article, entities=entities)
            library.save(article)
        FeedItems(library).set_companies(result.item_id, company_column(article.entities))


def fetch_now(settings: Settings, item_id: int) -> FullText | None:
    """The item's page (or the feed's summary) fetched and saved now, for the reader."""
    import asyncio

    from tui.core.feeds.fulltext import fetch_one
    from tui.core.feeds.workers import ParsePool

    with Library(settings.library_path) as library:
        pending = FeedItems(library).pending([item_id])
        if not pending:
            return None
        return asyncio.run(fetch_one(pending[0], settings, library, ParsePool(0)))
