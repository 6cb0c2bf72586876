"""The entity pass in a separate process, so loading the language model never stalls the UI.

One worker process (spawned, not forked: the UI's threads and terminal must not be copied)
loads the spaCy model once, on the first job, and keeps it for every later article.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from tui.core.model import Entities

WARM_UP_TEXT = "Une société a levé 10 millions d'euros à Paris."
"""A sentence analysed once at start-up so the model is loaded before the first article."""


WORKER_NICENESS = 5
"""The worker runs at a lower priority than the UI, so the screen stays smooth on few cores."""


def _quiet_worker() -> None:
    """Runs first in the worker: its output must never reach the terminal the UI draws on."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the real stderr.

    The tracker hands `sys.stderr`'s descriptor to its own process; under a terminal UI
    `sys.stderr` is a capture object without one, and spawning would fail.
    """
    from multiprocessing import resource_tracker

    saved = sys.stderr
    try:
        if sys.__stderr__ is not None:
            sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    finally:
        sys.stderr = saved


def _analyse_in_worker(
    body: str, lang: str | None, struck: tuple[tuple[int, int], ...]
) -> Entities:
    """Runs in the worker process: the import (and the model) stay loaded between jobs."""
    from tui.core.entities.analyse import analyse

    entities: Entities = analyse(body, lang, struck)
    return entities


def _warm_up_in_worker() -> bool:
    """Runs in the worker process: load the model by analysing one short sentence."""
    _analyse_in_worker(WARM_UP_TEXT, "fr", ())
    return True


class Analyser:
    """Runs `tui.core.entities.analyse.analyse` in one long-lived worker process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._warm: Future[bool] | None = None
        self._closed = False

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise RuntimeError("the analyser has been shut down")
            if self._executor is None:
                _start_resource_tracker()
                context = multiprocessing.get_context("spawn")
                self._executor = ProcessPoolExecutor(
                    max_workers=1, mp_context=context, initializer=_quiet_worker
                )
            return self._executor

    @property
    def ready(self) -> bool:
        """True once the worker has loaded the model (a job now takes well under a second)."""
        return self._warm is not None and self._warm.done() and not self._warm.exception()

    def prewarm(self) -> Future[bool]:
        """Start the worker and load the model now; later calls return the same future."""
        if self._warm is None:
            self._warm = self._pool().submit(_warm_up_in_worker)
        return self._warm

    def submit(
        self, body: str, lang: str | None, struck: Sequence[tuple[int, int]] = ()
    ) -> Future[Entities]:
        """Queue one body for analysis; the future raises whatever the analysis raised."""
        spans = tuple((int(start), int(end)) for start, end in struck)
        return self._pool().submit(_analyse_in_worker, body, lang, spans)

    def shutdown(self) -> None:
        """Stop the worker at once, even in the middle of loading the model."""
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
        if executor is None:
            return
        # ProcessPoolExecutor has no public way to stop a running job before Python 3.14
        # (and `shutdown` forgets its processes): take them first, then terminate them so
        # quitting never waits for a model load or an analysis to finish.
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=2.0)

    def __enter__(self) -> Analyser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
