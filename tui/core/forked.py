"""Work started in a forked child at launch, so it runs on another core while the parent
starts up (the parent's imports and the child's never wait for the same interpreter).

Only where forking is safe: on Linux, and while this process has a single thread (a fork
copies no other thread, so a lock another thread held would stay held in the child).
Elsewhere `start_forked` returns None and the caller does the work its own way.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

from tui.core.errors import LoadError

T = TypeVar("T")


def can_fork() -> bool:
    """True on Linux while this process runs one thread."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def start_forked(work: Callable[[], T]) -> Future[T] | None:
    """Run `work()` in a forked child; its result (or exception) arrives through a pipe
    into the returned future. None when forking is not safe here."""
    if not can_fork():
        return None
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(readable)
        _child(work, writable)
    os.close(writable)
    done: Future[T] = Future()
    threading.Thread(
        target=_collect, args=(readable, pid, done), name="newsdesk-forked", daemon=True
    ).start()
    return done


def _child(work: Callable[[], object], writable: int) -> None:
    status = 0
    try:
        quiet = os.open(os.devnull, os.O_WRONLY)  # the terminal belongs to the parent
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        try:
            payload = pickle.dumps((True, work()))
        except BaseException as error:  # sent to the parent, raised there
            try:
                payload = pickle.dumps((False, error))
            except Exception:
                payload = pickle.dumps((False, LoadError(str(error))))
        with os.fdopen(writable, "wb") as out:
            out.write(payload)
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _collect(readable: int, pid: int, done: Future[object]) -> None:
    with os.fdopen(readable, "rb") as source:
        data = source.read()
    os.waitpid(pid, 0)
    try:
        ok, value = pickle.loads(data)
    except Exception:
        done.set_exception(LoadError("the article could not be read (its reader stopped)"))
        return
    if ok:
        done.set_result(value)
    else:
        done.set_exception(value)
