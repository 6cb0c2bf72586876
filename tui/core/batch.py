"""Many sources analysed at once: in this process, or in worker processes, in input order.

`article_json(source)` is the per-article function: a path or URL in, one JSON line out,
with no state shared between calls, so any engine can map it over a list (see the
README's "Batch and scale"). `analyse_all` is what `newsdesk show` runs: it reads the
sources lazily (a million paths from stdin are fine), hands chunks of them to `jobs`
spawned worker processes, each of which loads the language model once, and yields the
outcomes in input order as soon as each one and all before it are done.
"""

from __future__ import annotations

import itertools
import multiprocessing
import queue
import signal
import threading
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.errors import NewsdeskError
from tui.core.export import render
from tui.core.sanitise import install_safe_streams

if TYPE_CHECKING:
    from tui.config import Settings
    from tui.core.library.store import Library

SOURCES_PER_TASK = 1
"""Sources handed to a worker at a time. One: a chunk's results wait for its slowest
source, and `bench/throughput` measured no gain from more (see the README)."""
TASKS_AHEAD = 4
"""Chunks queued per worker beyond the one it runs, so no worker waits for the next."""


@dataclass(frozen=True)
class Outcome:
    """What became of one source: its rendered article, or the error that stopped it."""

    source: str
    output: str | None = None
    error: str | None = None
    notices: tuple[str, ...] = field(default=())


def article_json(source: str, settings: Settings | None = None) -> str:
    """One source analysed and printed as `newsdesk show --json` prints it.

    Raises NewsdeskError (one sentence) when the source cannot be read. Without
    `settings`, the defaults of a plain `newsdesk` run are used.
    """
    from tui.config import load_settings
    from tui.core.pipeline import open_article

    article = open_article(source, settings or load_settings())
    return render(article, "json")


class Analyst:
    """Analyses sources one by one in this process; opens the library at the first URL."""

    def __init__(self, settings: Settings, fmt: str) -> None:
        self.settings = settings
        self.fmt = fmt
        self.library: Library | None = None
        self.library_tried = False
        self.library_note: str | None = None

    def run(self, source: str) -> Outcome:
        """The outcome of one source; only NewsdeskError is caught (anything else is a bug)."""
        from tui.core.pipeline import open_article

        library = self._library(source)
        try:
            article = open_article(source, self.settings, library)
        except NewsdeskError as problem:
            return Outcome(source, error=str(problem), notices=self._first_note())
        notices = (*self._first_note(), *article.notices)
        return Outcome(source, output=render(article, self.fmt), notices=notices)

    def _library(self, source: str) -> Library | None:
        """The library, when `source` is a URL (fetched pages are kept to reopen offline)."""
        from tui.core.sources.load import is_url

        if self.library_tried or not is_url(source):
            return self.library
        self.library_tried = True
        from tui.core.library.store import Library

        try:
            self.library = Library(self.settings.library_path)
        except NewsdeskError as problem:
            self.library_note = f"{problem} Fetched pages will not be saved."
        return self.library

    def _first_note(self) -> tuple[str, ...]:
        note, self.library_note = self.library_note, None
        return (note,) if note else ()

    def close(self) -> None:
        if self.library is not None:
            self.library.close()


def analyse_all(
    sources: Iterable[str],
    settings: Settings,
    fmt: str = "json",
    jobs: int = 1,
    per_task: int = SOURCES_PER_TASK,
) -> Generator[Outcome, None, None]:
    """The outcome of every source, in input order; `jobs` > 1 uses worker processes.

    With workers, `per_task` sources go to a worker at a time.
    """
    if jobs <= 1:
        analyst = Analyst(settings, fmt)
        try:
            yield from (analyst.run(source) for source in sources)
        finally:
            analyst.close()
        return
    yield from _in_workers(iter(sources), Pool(settings, fmt, jobs), per_task)


_analyst: Analyst | None = None
"""The worker process's own Analyst, made once by `_start_worker`."""


def _start_worker(settings: Settings, fmt: str) -> None:
    """Runs once in each worker: Ctrl+C is the parent's to handle; output is sanitised."""
    global _analyst
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    install_safe_streams()
    _analyst = Analyst(settings, fmt)


def _run_chunk(sources: list[str]) -> list[Outcome]:
    """Runs in a worker: one chunk of sources, analysed in order."""
    assert _analyst is not None, "worker not started"
    return [_analyst.run(source) for source in sources]


@dataclass(frozen=True)
class Pool:
    """How the worker processes are made: their settings, output format and number."""

    settings: Settings
    fmt: str
    jobs: int

    def start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.settings, self.fmt),
        )


def _in_workers(sources: Iterator[str], pool: Pool, per_task: int) -> Iterator[Outcome]:
    """Chunks go to the workers as the sources are read (in a thread, so slow input
    never holds back finished results); a bounded window of chunks is in flight."""
    executor = pool.start()
    window = threading.Semaphore(pool.jobs * (TASKS_AHEAD + 1))
    order: queue.Queue[Future[list[Outcome]] | BaseException | None] = queue.Queue()
    stopping = threading.Event()

    def feed() -> None:
        try:
            for chunk in iter(lambda: list(itertools.islice(sources, per_task)), []):
                window.acquire()
                if stopping.is_set():
                    return
                order.put(executor.submit(_run_chunk, chunk))
        except BaseException as problem:  # handed to the consumer, raised there
            order.put(problem)
        finally:
            order.put(None)

    threading.Thread(target=feed, name="newsdesk-sources", daemon=True).start()
    finished = False
    try:
        while (item := order.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            outcomes = _result(item)
            window.release()
            yield from outcomes
        finished = True
    finally:
        stopping.set()
        window.release()
        _stop(executor, wait=finished)


def _result(future: Future[list[Outcome]]) -> list[Outcome]:
    try:
        return future.result()
    except BrokenProcessPool as error:
        raise NewsdeskError(
            "an analysis worker stopped unexpectedly (out of memory?); the batch was stopped"
        ) from error


def _stop(pool: ProcessPoolExecutor, *, wait: bool) -> None:
    """Shut the pool down; after an interruption, end the workers without waiting."""
    workers = list((pool._processes or {}).values())
    pool.shutdown(wait=wait, cancel_futures=True)
    if not wait:
        for worker in workers:
            worker.terminate()
