"""When the analyser may start (after the first paint, so spawning it never delays start-up),
and the helper process that reads large files, started the first time one is opened."""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when the gate opens: multiprocessing is not needed to paint
    from tui.core.background import Analyser, HelperProcess

POLL_SECONDS = 0.05
"""How often a waiting worker checks the gate; polling keeps the wait cancellable."""


class AnalyserGate:
    """Hands out the process-based analyser once the app has opened the gate.

    Screens ask for it with `await gate.get()` (event loop) or `gate.wait()` (threads); the
    app calls `open()` shortly after its first paint, which spawns the worker process and
    starts loading the model.
    """

    def __init__(self, analyser: Analyser | None = None) -> None:
        self._analyser = analyser
        self.owns_analyser = analyser is None
        """True when the gate created the analyser and must shut it down."""
        self._opened = threading.Event()
        self._helper: HelperProcess | None = None
        self._helper_lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self._opened.is_set()

    @property
    def ready(self) -> bool:
        """True once the model is loaded (an analysis is then quick)."""
        return self._analyser is not None and self._analyser.ready

    def open(self) -> None:
        """Create the analyser if needed and start loading the model; idempotent."""
        if self._analyser is None:
            from tui.core.background import Analyser

            self._analyser = Analyser()
        self._opened.set()
        self._analyser.prewarm()

    def wait(self, timeout: float | None = None) -> Analyser | None:
        """From a thread: the analyser once the gate is open (None after `timeout`)."""
        if not self._opened.wait(timeout):
            return None
        return self._analyser

    async def get(self) -> Analyser:
        """From the event loop: the analyser, waiting (without blocking) for the gate."""
        while not self._opened.is_set():
            await asyncio.sleep(POLL_SECONDS)
        assert self._analyser is not None
        return self._analyser

    def helper(self) -> HelperProcess:
        """The process for reading large files, started on first use (from any thread)."""
        with self._helper_lock:
            if self._helper is None:
                from tui.core.background import HelperProcess

                self._helper = HelperProcess()
            return self._helper

    def shutdown(self) -> None:
        """Stop the helper process, and the analyser's if the gate created it."""
        if self._helper is not None:
            self._helper.shutdown()
        if self.owns_analyser and self._analyser is not None:
            self._analyser.shutdown()
