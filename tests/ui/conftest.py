"""Shared fixtures for the UI tests: one real analyser process for the whole session."""

from __future__ import annotations

import contextlib
import fcntl
import html
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerState

from tests.paths import ROOT, SAMPLES, SEED
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.model import (
    Amount,
    AmountCheck,
    Article,
    Company,
    Entities,
    Mention,
    Organisation,
    RelatedPost,
)
from tui.ui.app import NewsdeskApp
from tui.ui.screens.reader import ReaderScreen

__all__ = ["ROOT", "SAMPLES", "SEED"]


@pytest.fixture(scope="session")
def analyser() -> Iterator[Analyser]:
    """The real process-based analyser, started once: loading the model takes seconds."""
    shared = Analyser()
    shared.prewarm().result(timeout=120)
    yield shared
    shared.shutdown()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings whose library is a fresh SQLite file in the test's directory; feeds are
    refreshed only when a test asks (the automatic refresh has tests of its own)."""
    return Settings(library_path=tmp_path / "library.sqlite3", auto_refresh=False)


def _panel_joined(screen: ReaderScreen) -> bool:
    return screen.body_painted and screen.panel_ready


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until every worker (loading, analysis, saving) has finished and the screen has
    caught up, the reader's panel included; workers started by finishing workers, or once
    the body is drawn, are waited for too."""
    app = pilot.app
    while not getattr(app, "started", True):  # on_mount may still be starting workers
        await pilot.pause()
    for _ in range(20):
        # An exclusive worker may replace a stale one while we wait: wait again then.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, ReaderScreen) and (screen.article or screen.stage != "empty"):
            # the analysis starts, and the panel joins, once the body has been drawn
            await until(pilot, partial(_panel_joined, screen))
            await pilot.pause()
        busy = (WorkerState.PENDING, WorkerState.RUNNING)
        if not any(worker.state in busy for worker in app.workers):
            return
    raise AssertionError("workers kept running")


async def until(pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Let the app run until `condition` holds (for states no worker's end marks, such as
    a panel filled while the analysis of another article is still running)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the app never reached the expected state")
        await pilot.pause(0.01)


async def type_at_once(pilot: Pilot[Any], text: str) -> None:
    """Send the keys of `text` the way a terminal delivers a fast typist's keys: all
    queued before the app handles the first (`Pilot.press` waits after each key)."""
    from textual import events
    from textual.keys import _character_to_key

    driver = pilot.app._driver
    assert driver is not None
    for character in text:
        key = _character_to_key(character) if not character.isalnum() else character
        event = events.Key(key, character)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()
    await pilot.pause()


def fake_analyser(**options: Any) -> Analyser:
    """A real analyser process running `tests.core.analysis_workers.first_word` instead of
    the model: one amount per piece, the piece's first word; "slowN" words sleep N/10 s."""
    from tests.core.analysis_workers import first_word, warm

    return Analyser(worker=first_word, warm_up=warm, **options)


def run_in_terminal(args: list[str], env: dict[str, str], size: tuple[int, int]) -> bytes:
    """Run a command in a pseudo-terminal of `size` and return everything it wrote."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT)
    os.close(slave)
    output = bytearray()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=10)
    os.close(master)
    return bytes(output)


def screen_text(app: App[Any]) -> str:
    """The characters on screen (from an SVG screenshot), for "is it shown" checks."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def _mentions(body: str, text: str) -> tuple[Mention, ...]:
    found: list[Mention] = []
    start = body.find(text)
    while start >= 0:
        found.append(Mention(text, start, start + len(text)))
        start = body.find(text, start + 1)
    return tuple(found)


def _amount(
    body: str,
    text: str,
    value: float,
    occurrence: int = 0,
    *,
    owner: str | None = None,
    currency_inferred: bool = False,
    struck: bool = False,
) -> Amount:
    start = -1
    for _ in range(occurrence + 1):
        start = body.find(text, start + 1)
    assert start >= 0, text
    end = start + len(text)
    return Amount(
        text,
        start,
        end,
        value,
        "EUR",
        owner=owner,
        currency_inferred=currency_inferred,
        struck=struck,
    )


def invented_article() -> Article:
    """A short article written for these tests, with hand-made entities (no model needed)."""
    body = (
        "Quayside Robotics said on Monday it had raised €40m in a round led by Larkspur "
        "Capital, which values the Lyon company at about €310m.\n\n"
        "Larkspur Capital put in €25m and Fenwick Partners €15m, a total of €40m. "
        "Quayside Robotics had first asked for €50m.\n\n"
        "The European Commission must still clear the deal, Quayside Robotics said."
    )
    amounts = (
        _amount(body, "€40m", 40e6),
        _amount(body, "€310m", 310e6),
        _amount(body, "€25m", 25e6, owner="Larkspur Capital"),
        _amount(body, "€15m", 15e6, currency_inferred=True),
        _amount(body, "€40m", 40e6, occurrence=1),
        _amount(body, "€50m", 50e6, struck=True),
    )
    entities = Entities(
        amounts=amounts,
        companies=(
            Company("Quayside Robotics", _mentions(body, "Quayside Robotics"), country="France"),
            Company("Larkspur Capital", _mentions(body, "Larkspur Capital")),
            Company("Fenwick Partners", _mentions(body, "Fenwick Partners")),
        ),
        organisations=(
            Organisation("European Commission", _mentions(body, "European Commission")),
        ),
        checks=(AmountCheck(total=4, parts=(2, 3), holds=True),),
    )
    return Article(
        title="Quayside Robotics raises €40m from Larkspur Capital",
        body=body,
        site="The Test Gazette",
        url="https://gazette.example/quayside-raises-40m",
        source="https://gazette.example/quayside-raises-40m",
        author="Ada Tester",
        published="2026-11-20",
        lang="en",
        categories=("Robotics", "Funding"),
        related=(
            RelatedPost(
                "Fenwick Partners closes its third fund", None, "A new fund.", "2 days ago"
            ),
            RelatedPost("Larkspur Capital hires a partner", "https://gazette.example/larkspur"),
        ),
        struck=((amounts[5].start, amounts[5].end),),
        entities=entities,
    )


def make_app(source: str | None, settings: Settings, analyser: Analyser) -> NewsdeskApp:
    return NewsdeskApp(source, settings, analyser=analyser)
