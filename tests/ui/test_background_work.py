"""Issue #11, background work: amounts before the model, the article saved as it opens,
a long body analysed in pieces with progress, and leaving an article cancels its work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.core.analysis_workers import first_word, slow_warm
from tests.ui.conftest import (
    ROOT,
    SAMPLES,
    fake_analyser,
    run_in_terminal,
    screen_text,
    settle,
    until,
)
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.library.store import Library
from tui.core.pieces import cut_points
from tui.core.pipeline import analysed_part
from tui.ui.app import NewsdeskApp
from tui.ui.messages import Place
from tui.ui.widgets.entity_panel import EntityList

NORDLYS = SAMPLES / "nordlys-leve-12-millions.md"


def _labels(app: NewsdeskApp, selector: str) -> list[str]:
    return [entry.label for entry in app.reader.query_one(selector, EntityList).entries]


def _saved_titles(settings: Settings) -> list[str]:
    with Library(settings.library_path) as library:
        return [entry.title for entry in library.entries()]


async def test_amounts_show_and_the_article_is_saved_while_the_model_loads(
    settings: Settings,
) -> None:
    loading = Analyser(worker=first_word, warm_up=slow_warm)
    app = NewsdeskApp(str(NORDLYS), settings, analyser=loading)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: "amounts" in app.painted)
            assert app.reader.stage == "amounts"
            assert "12 millions d'euros" in _labels(app, "#amounts")
            assert "8 + 3 + 1 = 12 M€ ✓" in screen_text(app), "the total check needs no model"
            assert _labels(app, "#companies") == [], "companies wait for the model"
            assert "Loading the language model" in screen_text(app)
            await until(pilot, lambda: bool(_saved_titles(settings)))
            assert app.reader.stage == "amounts"
    finally:
        loading.shutdown()
    (title,) = _saved_titles(settings)
    assert "Nordlys" in title, "quitting before the panel filled lost nothing"


async def test_the_saved_article_gets_its_entities_when_they_arrive(
    settings: Settings, analyser: Analyser
) -> None:
    app = NewsdeskApp(str(NORDLYS), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.reader.stage == "entities"
    with Library(settings.library_path) as library:
        (entry,) = library.entries()
        assert entry.companies > 0 and entry.amounts > 0


async def test_a_long_body_is_analysed_in_pieces_with_progress_and_a_notice(
    settings: Settings, tmp_path: Path
) -> None:
    paragraphs = [f"slow1 Acme paid {n} euros to Brill. " * 4 for n in range(400)]
    long_file = tmp_path / "long.txt"  # distinct paragraphs: a dump's repeats are dropped
    long_file.write_text("A long article\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    limited = Settings(library_path=settings.library_path, analysis_limit=20_000)
    analyser = fake_analyser(piece_chars=2_000)
    analyser.prewarm().result(timeout=60)
    app = NewsdeskApp(str(long_file), limited, analyser=analyser)
    seen: list[str] = []
    try:
        async with app.run_test(size=(120, 40)) as pilot:

            def progressing() -> bool:
                seen.append(screen_text(app))
                return app.reader.stage == "entities"

            await until(pilot, progressing)
            body = app.reader.view.body
            entities = app.reader.article.entities if app.reader.article else None
            pieces = cut_points(analysed_part(body, 20_000)[0], 2_000)
            assert entities is not None and len(entities.amounts) == len(pieces) > 5
            assert all(a.end <= 20_000 for a in entities.amounts), "only the first part"
            assert all(body[a.start : a.end] == a.text for a in entities.amounts)
            assert "analysed the first" in screen_text(app), "the panel says what was left out"
    finally:
        analyser.shutdown()
    shown = f"of {len(pieces)} parts"
    assert any(shown in text and "▰" in text for text in seen), "progress was shown"


async def test_leaving_an_article_cancels_its_analysis_and_the_next_goes_first(
    settings: Settings, tmp_path: Path
) -> None:
    stuck = tmp_path / "stuck.md"
    stuck.write_text("# Stuck\n\nslow600 is a word that makes this piece never end.\n")
    analyser = fake_analyser(stale_seconds=0.5)
    analyser.prewarm().result(timeout=60)
    app = NewsdeskApp(str(stuck), settings, analyser=analyser)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: app.reader.stage == "amounts")
            await until(pilot, lambda: app.reader._job is not None)
            stale = app.reader._job
            app.reader.visit(Place(source=str(NORDLYS)))
            await until(pilot, lambda: app.reader.stage == "entities", timeout=30)
            assert app.reader.article is not None and "Nordlys" in app.reader.article.title
            assert stale.future.cancelled()
            assert analyser.restarts == 1, "the stale piece was killed, not waited for"
    finally:
        analyser.shutdown()


def test_quitting_right_after_opening_keeps_the_article_in_the_library(tmp_path: Path) -> None:
    """The real command, in a terminal: quit as soon as the amounts show, then list."""
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "NEWSDESK_HOME": str(tmp_path),
        "NEWSDESK_EXIT_AFTER_PAINT": "1",
        "NEWSDESK_EXIT_AFTER": "amounts",
    }
    page = str(SAMPLES / "kestrel-quarterly-results.html")
    output = run_in_terminal([sys.executable, "-m", "tui", page], env, (120, 30))
    assert b"Kestrel" in output
    listed = subprocess.run(
        [sys.executable, "-m", "tui", "library", "list"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    assert "Kestrel Software beats forecasts" in listed.stdout
