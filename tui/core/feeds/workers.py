"""Parsing and extraction off the event loop: in worker processes, or in a thread.

feedparser and trafilatura are pure Python and hold the GIL for tens of milliseconds per
document: in one process they use one core. `ParsePool` runs them in worker processes (the
CLI's refresh); `ParsePool(0)` runs them in a thread (the app's feed process, which is a
child of its own already, and the tests).

On Linux the workers are forked, once feedparser is imported, before the refresh starts any
thread (`start`): a forked worker is ready in milliseconds, where a spawned one starts a
new interpreter and imports everything again (a fifth of a second of CPU each).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from typing import TypeVar

from tui.core.feeds.model import ParsedFeed
from tui.core.model import Article

T = TypeVar("T")


def default_processes() -> int:
    """One worker per core, at most 2: parsing is bursty and fetching is the long part."""
    return max(1, min(2, os.cpu_count() or 1))


def parse_in_worker(content: bytes, headers: Mapping[str, str], url: str) -> ParsedFeed:
    """Runs in a worker: parse one fetched feed."""
    from tui.core.feeds.parse import parse_feed

    return parse_feed(content, headers, url)


def extract_in_worker(page: object, source: str) -> Article:
    """Runs in a worker: extract the article of a fetched page (a `fetch.Page`)."""
    from tui.core.sources.fetch import Page
    from tui.core.sources.load import article_from_page

    assert isinstance(page, Page)
    return article_from_page(page, source)


def _ready() -> None:
    """A job that does nothing: submitting it makes a fork pool start its workers."""


def _warm_up() -> None:
    """Runs in a spawned worker as it starts: import and set up the parser."""
    from tui.core.feeds.feedparser_setup import tuned_feedparser

    tuned_feedparser()


class ParsePool:
    """Worker processes (or one thread) for parsing feeds and extracting pages."""

    def __init__(self, processes: int | None = None) -> None:
        self.processes = default_processes() if processes is None else processes
        self._executor: Executor | None = None
        self._method = "spawn"

    @property
    def start_method(self) -> str:
        """How worker processes are started: 'fork' once `start` found it safe, else 'spawn'."""
        return self._method

    def start(self) -> None:
        """Start the workers now, ready to parse (call it before any thread is started)."""
        if self._executor is not None or self.processes <= 0:
            return
        if sys.platform.startswith("linux") and threading.active_count() == 1:
            self._method = "fork"  # forking is safe while this is the only thread
            from tui.core.feeds.feedparser_setup import tuned_feedparser
            from tui.core.feeds.parse import parse_feed  # noqa: F401 - the workers inherit it

            tuned_feedparser()
            self._pool().submit(_ready)  # a fork pool starts every worker on its first job
        else:
            for _ in range(self.processes):
                self._pool().submit(_warm_up)

    def _pool(self) -> Executor:
        if self._executor is None:
            if self.processes <= 0:
                self._executor = ThreadPoolExecutor(max_workers=1)
            else:
                from tui.core.background import _start_resource_tracker

                if self._method == "spawn":
                    _start_resource_tracker()
                self._executor = ProcessPoolExecutor(
                    max_workers=self.processes,
                    mp_context=multiprocessing.get_context(self._method),
                )
        return self._executor

    async def run(self, function: Callable[..., T], *args: object) -> T:
        """`function(*args)` in a worker, awaited without blocking the loop.

        When the worker processes cannot start or die (a broken pool), the pool turns into
        a thread for the rest of its life, and the job is run again there.
        """
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._pool(), function, *args)
        except BrokenExecutor:
            if self.processes <= 0:
                raise
            self.shutdown()
            self.processes = 0
            return await loop.run_in_executor(self._pool(), function, *args)

    def shutdown(self) -> None:
        """Stop the workers (a running job is abandoned, not waited for)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
