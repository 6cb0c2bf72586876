"""Shared fixtures for the UI tests: one real analyser process for the whole session."""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Iterator
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


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until every worker (loading, analysis, saving) has finished and the screen has
    caught up; workers started by finishing workers are waited for too."""
    app = pilot.app
    while not getattr(app, "started", True):  # on_mount may still be starting workers
        await pilot.pause()
    for _ in range(20):
        # An exclusive worker may replace a stale one while we wait: wait again then.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        busy = (WorkerState.PENDING, WorkerState.RUNNING)
        if not any(worker.state in busy for worker in app.workers):
            return
    raise AssertionError("workers kept running")


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
