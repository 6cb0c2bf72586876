"""Work in separate processes, so loading the model or reading megabytes never stalls the UI.

One worker process (spawned, not forked: the UI's threads and terminal must not be copied)
loads the spaCy model once and keeps it for every later article. Bodies are queued as
jobs and sent to the worker one piece at a time (see `tui.core.pieces`), so:

- the article on screen goes first: a job of priority `FOREGROUND` is served before any
  `BACKGROUND` one (a directory import), the newest foreground job first;
- a cancelled job stops at its next piece, and if a stale piece is still running after
  `STALE_SECONDS` the worker is killed and started again;
- a job reports how many of its pieces are done.

A second process (`HelperProcess`) takes the pure-Python work that would hold the UI's
interpreter for seconds on a file of megabytes: reading and cleaning it, finding amounts.
It never loads the language model.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, InvalidStateError, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from tui.core.model import Article, Entities
from tui.core.pieces import PIECE_CHARS, cut_points, joined, shifted, struck_within

if TYPE_CHECKING:
    from tui.config import Settings

WARM_UP_TEXT = "Une société a levé 10 millions d'euros à Paris."
"""A sentence analysed once at start-up so the model is loaded before the first article."""

WORKER_NICENESS = 5
"""The worker runs at a lower priority than the UI, so the screen stays smooth on few cores."""

STALE_SECONDS = 8.0
"""A piece takes about a second; one of a cancelled job still running after this long is
killed with its worker (which then reloads the model) rather than waited for."""

FOREGROUND = 0
"""Priority of the article on screen."""
BACKGROUND = 1
"""Priority of work nobody is looking at yet (a directory import)."""

Span = tuple[int, int]
Result = TypeVar("Result")
Worker = Callable[[str, "str | None", tuple[Span, ...]], Entities]
"""What runs in the worker process on one piece: a module-level function (it is pickled)."""


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


def _analyse_in_worker(body: str, lang: str | None, struck: tuple[Span, ...]) -> Entities:
    """Runs in the worker process: the import (and the model) stay loaded between jobs."""
    from tui.core.entities.analyse import analyse

    entities: Entities = analyse(body, lang, struck)
    return entities


def _warm_up_in_worker() -> bool:
    """Runs in the worker process: load the model by analysing one short sentence."""
    _analyse_in_worker(WARM_UP_TEXT, "fr", ())
    return True


def _spawn_pool() -> ProcessPoolExecutor:
    """One spawned worker process, quiet and at a lower priority than the UI."""
    _start_resource_tracker()
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_quiet_worker)


def read_in_worker(source: str, settings: Settings) -> Article:
    """Runs in the helper process: read and clean one (large) file."""
    from tui.core.sources.load import read_source

    return read_source(source, settings)


def amounts_in_worker(
    body: str, lang: str | None, struck: tuple[Span, ...], piece_chars: int
) -> Entities:
    """Runs in the helper process: amounts and checks of a long body, a piece at a time."""
    from tui.core.entities.analyse import analyse_amounts

    found = [
        shifted(analyse_amounts(body[start:end], lang, struck_within(struck, start, end)), start)
        for start, end in cut_points(body, piece_chars)
    ]
    return joined(found)


class HelperProcess:
    """A worker process for reading work, started on first use and kept for later files."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._closed = False

    def submit(self, function: Callable[..., Result], *args: object) -> Future[Result]:
        """Run `function(*args)` in the process; raises RuntimeError once shut down."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the helper process has been shut down")
            if self._executor is None:
                self._executor = _spawn_pool()
            return self._executor.submit(function, *args)

    def shutdown(self) -> None:
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
        if executor is not None:
            _stop_processes(executor)


def _stop_processes(executor: ProcessPoolExecutor) -> None:
    """Stop an executor's processes at once, even in the middle of loading the model."""
    # ProcessPoolExecutor has no public way to stop a running job before Python 3.14
    # (and `shutdown` forgets its processes): take them first, then terminate them.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=2.0)


class AnalysisJob:
    """One body queued for analysis; `future` gives its entities once every piece is done."""

    def __init__(
        self,
        body: str,
        lang: str | None,
        struck: Sequence[Span],
        *,
        priority: int,
        order: int,
        piece_chars: int,
    ) -> None:
        self.future: Future[Entities] = Future()
        self.priority = priority
        self.order = order
        self.lang = lang
        self._body = body
        self._struck = tuple((int(s), int(e)) for s, e in struck)
        self._cuts = cut_points(body, piece_chars)
        self._found: list[Entities] = []

    @property
    def progress(self) -> tuple[int, int]:
        """(pieces done, pieces in all)."""
        return len(self._found), len(self._cuts)

    @property
    def rank(self) -> tuple[int, int]:
        """Sort key: foreground first, the newest foreground job first, imports in order."""
        return self.priority, -self.order if self.priority == FOREGROUND else self.order

    def cancel(self) -> None:
        """Drop the job: its remaining pieces are never sent to the worker."""
        self.future.cancel()

    def next_piece(self) -> tuple[str, tuple[Span, ...]]:
        start, end = self._cuts[len(self._found)]
        return self._body[start:end], struck_within(self._struck, start, end)

    def piece_done(self, entities: Entities) -> None:
        """Record one piece's result; resolves `future` after the last piece."""
        start, _ = self._cuts[len(self._found)]
        self._found.append(shifted(entities, start))
        if len(self._found) == len(self._cuts):
            _resolve(self.future, joined(self._found))

    def failed(self, error: BaseException) -> None:
        _resolve(self.future, error)


def _resolve(future: Future[Entities], outcome: Entities | BaseException) -> None:
    """Settle `future` unless it was cancelled meanwhile."""
    try:
        if isinstance(outcome, BaseException):
            future.set_exception(outcome)
        else:
            future.set_result(outcome)
    except InvalidStateError:
        pass


@dataclass(frozen=True)
class _Running:
    """The piece the worker is analysing, and when it was sent."""

    job: AnalysisJob
    future: Future[Entities]
    started: float


class Analyser:
    """Runs `tui.core.entities.analyse.analyse` in one long-lived worker process."""

    def __init__(
        self,
        piece_chars: int = PIECE_CHARS,
        stale_seconds: float = STALE_SECONDS,
        *,
        worker: Worker = _analyse_in_worker,
        warm_up: Callable[[], bool] = _warm_up_in_worker,
    ) -> None:
        self.piece_chars = piece_chars
        self._worker = worker
        self._warm_up = warm_up
        self.stale_seconds = stale_seconds
        self.restarts = 0
        """How many times a stale piece made the worker restart."""
        self._lock = threading.RLock()
        self._executor: ProcessPoolExecutor | None = None
        self._warm: Future[bool] | None = None
        self._closed = False
        self._queue: list[AnalysisJob] = []
        self._running: _Running | None = None
        self._order = itertools.count()

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise RuntimeError("the analyser has been shut down")
            if self._executor is None:
                self._executor = _spawn_pool()
            return self._executor

    @property
    def ready(self) -> bool:
        """True once the worker has loaded the model (a piece now takes about a second)."""
        warm = self._warm
        return warm is not None and warm.done() and not warm.exception()

    def prewarm(self) -> Future[bool]:
        """Start the worker and load the model now; later calls return the same future."""
        with self._lock:
            if self._warm is None:
                self._warm = self._pool().submit(self._warm_up)
            warm = self._warm
        warm.add_done_callback(lambda _: self._dispatch())
        return warm

    def analyse(
        self,
        body: str,
        lang: str | None,
        struck: Sequence[Span] = (),
        *,
        priority: int = FOREGROUND,
    ) -> AnalysisJob:
        """Queue one body; the job's future raises whatever the analysis raised."""
        job = AnalysisJob(
            body,
            lang,
            struck,
            priority=priority,
            order=next(self._order),
            piece_chars=self.piece_chars,
        )
        with self._lock:
            if self._closed:
                raise RuntimeError("the analyser has been shut down")
            self._queue.append(job)
        job.future.add_done_callback(lambda _: self._withdrawn(job))
        self._dispatch()
        return job

    def submit(self, body: str, lang: str | None, struck: Sequence[Span] = ()) -> Future[Entities]:
        """Queue one body in the foreground; its entities when every piece is done."""
        return self.analyse(body, lang, struck).future

    def _dispatch(self) -> None:
        """Send the best waiting job's next piece to the worker, if the worker is free."""
        with self._lock:
            if self._closed or self._running is not None:
                return
            if self._warm is not None and not self._warm.done():
                return  # the model is loading; the warm-up's callback dispatches again
            self._queue = [job for job in self._queue if not job.future.done()]
            if not self._queue:
                return
            job = min(self._queue, key=lambda queued: queued.rank)
            body, struck = job.next_piece()
            future = self._pool().submit(self._worker, body, job.lang, struck)
            running = self._running = _Running(job, future, time.monotonic())
        future.add_done_callback(partial(self._piece_finished, running))

    def _piece_finished(self, running: _Running, future: Future[Entities]) -> None:
        with self._lock:
            if self._running is not running:
                return  # a piece of a worker that was restarted since
            self._running = None
        job = running.job
        if not job.future.done() and not future.cancelled():
            error = future.exception()
            if error is not None:
                job.failed(error)
            else:
                job.piece_done(future.result())
        self._dispatch()

    def _withdrawn(self, job: AnalysisJob) -> None:
        """A job ended or was cancelled: if its piece is still running, watch it."""
        with self._lock:
            running = self._running
            if running is None or running.job is not job or not job.future.cancelled():
                return
            wait = max(0.0, self.stale_seconds - (time.monotonic() - running.started))
        timer = threading.Timer(wait, self._kill_if_stale, (running,))
        timer.daemon = True
        timer.start()

    def _kill_if_stale(self, running: _Running) -> None:
        with self._lock:
            if self._closed or self._running is not running:
                return
            executor, self._executor = self._executor, None
            self._running = None
            self._warm = None
            self.restarts += 1
        if executor is not None:
            _stop_processes(executor)
        self.prewarm()

    def shutdown(self) -> None:
        """Stop the worker at once; queued jobs are cancelled."""
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
            queued, self._queue = self._queue, []
        for job in queued:
            job.cancel()
        if executor is not None:
            _stop_processes(executor)

    def __enter__(self) -> Analyser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
