"""The library screen: directory import (skipping bad files), sample import, search, open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from tests.ui.conftest import SAMPLES, screen_text, settle
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.library.store import Library
from tui.ui.app import NewsdeskApp
from tui.ui.library_import import Step
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.open_url import ConfirmScreen
from tui.ui.screens.reader import ReaderScreen


async def test_directory_import_saves_each_article_and_skips_bad_files(
    settings: Settings, analyser: Analyser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    progress = LibraryScreen._import_progress

    def spy(screen: LibraryScreen, message: str, step: Step) -> None:
        shown.append(message)
        progress(screen, message, step)

    monkeypatch.setattr(LibraryScreen, "_import_progress", spy)
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("harbor-robotics-series-b.md", "nordlys-leve-12-millions.md"):
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "broken.txt").write_bytes(b"")
    (folder / "notes.bin").write_bytes(b"\x00\x01")
    app = NewsdeskApp(str(folder), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.library.query_one(DataTable).row_count == 2
        assert "broken.txt" in screen_text(app), "the unreadable file is reported"
    with Library(settings.library_path) as library:
        entries = library.entries()
    assert len(entries) == 2
    assert all(entry.amounts > 0 for entry in entries), "imported articles are analysed"
    assert any("0 of 3 read, 0 of 3 analysed · reading broken.txt" in m for m in shown), shown
    assert any("3 of 3 read, 1 of 3 analysed · analysing harbor" in m for m in shown), shown


async def test_empty_library_imports_samples_then_search_and_open(
    settings: Settings, analyser: Analyser
) -> None:
    samples = [p for p in SAMPLES.iterdir() if p.suffix in {".md", ".txt", ".html"}]
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.library.query_one(DataTable)
        assert table.row_count == len(samples)
        search = app.library.query_one("#search", Input)
        search.focus()
        await pilot.press(*"Nordlys")
        await settle(pilot)
        assert table.row_count == 1
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader.article is not None and "Nordlys" in app.reader.article.title
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        table.focus()
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen), "Delete asks first"
        assert "Nordlys" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert table.row_count == 1, "n keeps the article"
        await pilot.press("delete", "y")
        await settle(pilot)
        assert table.row_count == 0, "the search still shows only the removed article"
        notices = [n.message for n in app._notifications]
        assert any(m.startswith("Removed “La start-up Nordlys") for m in notices), notices
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
    with Library(settings.library_path) as library:
        assert library.count() == len(samples) - 1
