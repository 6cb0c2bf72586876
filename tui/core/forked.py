"""Work started in a forked child at launch, so it runs on another core while the parent
starts up (the parent's imports and the child's never wait for the same interpreter), its
results handed over in stages as they are made.

Only where forking is safe: on Linux, and while this process has a single thread (a fork
copies no other thread, so a lock another thread held would stay held in the child).
Elsewhere `start_forked` returns None and the caller does the work its own way.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future

from tui.core.errors import LoadError


def can_fork() -> bool:
    """True on Linux while this process runs one thread."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def start_forked(work: Callable[[], Iterator[object]], stages: int) -> list[Future[object]] | None:
    """Run `work()` in a forked child: each value it yields (at most `stages`) arrives
    through a pipe into the future of its stage, as soon as it is made; an exception
    goes to the stage it stopped, and the stages after it fail too. None when forking is
    not safe here."""
    if not can_fork():
        return None
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(readable)
        _child(work, writable)
    os.close(writable)
    futures: list[Future[object]] = [Future() for _ in range(stages)]
    threading.Thread(
        target=_collect, args=(readable, pid, futures), name="newsdesk-forked", daemon=True
    ).start()
    return futures


def _child(work: Callable[[], Iterator[object]], writable: int) -> None:
    status = 0
    try:
        quiet = os.open(os.devnull, os.O_WRONLY)  # the terminal belongs to the parent
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        with os.fdopen(writable, "wb") as out:
            try:
                for value in work():
                    pickle.dump((True, value), out)
                    out.flush()
            except BaseException as error:  # sent to the parent, raised there
                try:
                    payload = pickle.dumps((False, error))
                except Exception:
                    payload = pickle.dumps((False, LoadError(str(error))))
                out.write(payload)
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _collect(readable: int, pid: int, futures: list[Future[object]]) -> None:
    stopped: BaseException = LoadError("the article could not be read (its reader stopped)")
    with os.fdopen(readable, "rb") as source:
        for future in futures:
            try:
                ok, value = pickle.load(source)
            except Exception:
                future.set_exception(stopped)
                continue
            if ok:
                future.set_result(value)
            else:
                stopped = value
                future.set_exception(value)
    os.waitpid(pid, 0)
