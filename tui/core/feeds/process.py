"""Feed jobs in a child process, so the app's own process only draws the screen.

Refreshing holds the GIL for long stretches in Python code (HTTP, parsing, storing); in the
app's process that stalls the screen even from a thread. `run_job` spawns a quiet,
low-priority child for one job, streams its results back through a queue, and returns the
job's final value; the child opens its own Library (SQLite in WAL mode serves both).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import queue
import threading
from collections.abc import Callable
from typing import Any

from tui.config import Settings
from tui.core.errors import NewsdeskError

POLL_SECONDS = 0.1
"""How often the waiting thread checks for cancellation and a dead child."""


class JobFailed(NewsdeskError):
    """The feed process stopped without finishing its job."""


def _child(job: str, settings: Settings, payload: Any, out: Any) -> None:
    """Runs in the child: one job, every result on `out`, then ("done", value)."""
    from tui.core.background import _quiet_worker

    _quiet_worker()
    try:
        value = _run(job, settings, payload, lambda item: out.put(("item", item)))
    except NewsdeskError as error:
        out.put(("error", str(error)))
    except Exception as error:  # the parent reports it as one sentence
        out.put(("error", f"{type(error).__name__}: {error}"))
    else:
        out.put(("done", value))


def _run(job: str, settings: Settings, payload: Any, report: Callable[[Any], None]) -> Any:
    from tui.core.feeds.workers import ParsePool
    from tui.core.library.store import Library

    pool = ParsePool(0)  # the child is off the UI's process already: parse in its thread
    with Library(settings.library_path) as library:
        if job == "refresh":
            from tui.core.feeds.refresh import RefreshOptions, refresh_feeds
            from tui.core.library.feeds import FeedStore

            wanted = None if payload is None else set(payload)
            feeds = [
                f
                for f in FeedStore(library).feeds()
                if not f.disabled and (wanted is None or f.id in wanted)
            ]
            options = RefreshOptions(on_result=report)
            return asyncio.run(refresh_feeds(feeds, settings, library, pool, options))
        if job == "subscribe":
            from tui.core.feeds.subscribe import subscribe

            return asyncio.run(subscribe(str(payload), settings, library, pool))
        if job == "pages":
            from tui.core.feeds.fulltext import fetch_full_texts
            from tui.core.library.feed_items import FeedItems

            pending = FeedItems(library).pending(payload, limit=len(payload))
            return asyncio.run(fetch_full_texts(pending, settings, library, pool, None, report))
    raise ValueError(f"unknown feed job {job!r}")


def run_job(
    job: str,
    settings: Settings,
    payload: Any,
    on_item: Callable[[Any], None],
    cancel: threading.Event,
) -> Any:
    """Run `job` ('refresh', 'subscribe' or 'pages') in a child process; blocks (call it
    from a thread). `on_item` gets each result as it comes; cancelling stops the child."""
    from tui.core.background import _start_resource_tracker

    _start_resource_tracker()
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    child = context.Process(target=_child, args=(job, settings, payload, out), name=f"feeds-{job}")
    child.start()
    try:
        while True:
            try:
                kind, value = out.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if cancel.is_set():
                    raise JobFailed("The feed job was cancelled.") from None
                if not child.is_alive():
                    code = child.exitcode
                    raise JobFailed(f"The feed process stopped (exit code {code}).") from None
                continue
            if kind == "item":
                on_item(value)
            elif kind == "error":
                raise JobFailed(value)
            else:
                return value
    finally:
        child.join(timeout=0 if cancel.is_set() else 2.0)
        if child.is_alive():
            child.terminate()
            child.join(timeout=2.0)
