"""Waits in thread workers that give up as soon as the work is no longer wanted.

A worker thread blocked in a fetch (a server that never answers) or on a process would
otherwise hold up quitting: the app waits for its worker threads on the way out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from textual.worker import Worker

Result = TypeVar("Result")

POLL_SECONDS = 0.1
"""How often a wait checks whether it was cancelled."""


def wait_unless_cancelled(future: Future[Result], worker: Worker[Any]) -> Result | None:
    """From a thread worker: `future`'s result, or None once the worker is cancelled."""
    while True:
        try:
            return future.result(timeout=POLL_SECONDS)
        except FutureTimeout:
            if worker.is_cancelled:
                future.cancel()
                return None


def run_abandonable(
    work: Callable[[], Result], worker: Worker[Any], cancel: threading.Event
) -> Result | None:
    """From a thread worker: run `work` in a daemon thread and return what it returns (or
    raise what it raises); None as soon as the worker or `cancel` says to stop, leaving the
    thread to finish on its own (a hung fetch then never holds up quitting)."""
    done: Future[Result] = Future()

    def run() -> None:
        try:
            done.set_result(work())
        except BaseException as error:
            done.set_exception(error)

    threading.Thread(target=run, name="newsdesk-open", daemon=True).start()
    while True:
        try:
            return done.result(timeout=POLL_SECONDS)
        except FutureTimeout:
            if worker.is_cancelled or cancel.is_set():
                return None
