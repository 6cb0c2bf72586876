"""One snapshot per screen, state and size: the library list, the reader with a filled
panel, the reader while the model loads (amounts only), an article with no text, and the
confirmation before removing an article.

The content is written for the tests, with hand-made entities saved in a temporary library
(or amounts found without the model), so the pictures do not change when the NLP improves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer

from tests.core.analysis_workers import first_word, slow_warm
from tests.ui.conftest import invented_article, settle, until
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.library.store import Library
from tui.core.model import Article
from tui.ui.app import NewsdeskApp
from tui.ui.messages import Place

SIZES = [(80, 24), (160, 50)]

SnapCompare = Callable[..., bool]


def _fill_library(settings: Settings) -> int:
    article = invented_article()
    second = Article(
        title="Fenwick Partners closes its third fund",
        body="Fenwick Partners said its third fund closed at €200m.",
        site="The Test Gazette",
        url="https://gazette.example/fenwick-fund",
        source="https://gazette.example/fenwick-fund",
        published="2026-11-18",
        lang="en",
    )
    with Library(settings.library_path) as library:
        library.save(second)
        return library.save(article)


class TestLibraryScreen:
    @pytest.mark.parametrize("size", SIZES)
    def test_library(
        self, snap_compare: SnapCompare, settings: Settings, analyser: Analyser, size: Any
    ) -> None:
        _fill_library(settings)
        app = NewsdeskApp(None, settings, analyser=analyser)

        async def ready(pilot: Pilot[Any]) -> None:
            await settle(pilot)

        assert snap_compare(app, terminal_size=size, run_before=ready)


class TestReaderScreen:
    @pytest.mark.parametrize("size", SIZES)
    def test_reader(
        self, snap_compare: SnapCompare, settings: Settings, analyser: Analyser, size: Any
    ) -> None:
        article_id = _fill_library(settings)
        app = NewsdeskApp(None, settings, analyser=analyser)

        async def ready(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await app.open_place(Place(library_id=article_id))
            await settle(pilot)
            assert app.reader.article is not None and app.reader.article.entities is not None
            await with_footer(pilot)

        assert snap_compare(app, terminal_size=size, run_before=ready)

    def test_amounts_while_the_model_loads(
        self, snap_compare: SnapCompare, settings: Settings, tmp_path: Path
    ) -> None:
        page = tmp_path / "sample.md"
        page.write_text(SAMPLE_PAGE, encoding="utf-8")
        loading = Analyser(worker=first_word, warm_up=slow_warm)
        app = NewsdeskApp(str(page), settings, analyser=loading)

        async def ready(pilot: Pilot[Any]) -> None:
            await until(pilot, lambda: "amounts" in app.painted)
            await with_footer(pilot)

        try:
            assert snap_compare(app, terminal_size=(120, 40), run_before=ready)
        finally:
            loading.shutdown()

    def test_an_article_without_text(
        self, snap_compare: SnapCompare, settings: Settings, analyser: Analyser
    ) -> None:
        with Library(settings.library_path) as library:
            place = Place(library_id=library.save(Article(title="Menu only", body="")))
        app = NewsdeskApp(None, settings, analyser=analyser)

        async def ready(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await app.open_place(place)
            await settle(pilot)
            await with_footer(pilot)

        assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


class TestDialogs:
    def test_remove_asks_first(
        self, snap_compare: SnapCompare, settings: Settings, analyser: Analyser
    ) -> None:
        _fill_library(settings)
        app = NewsdeskApp(None, settings, analyser=analyser)

        async def ready(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press("delete")
            await pilot.pause()

        assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


SAMPLE_PAGE = """---
title: Quayside Robotics lève 12 millions d'euros
site: The Test Gazette
url: https://gazette.example/quayside-12-millions
date: 2026-11-20
lang: fr
---

Quayside Robotics annonce une levée de 12 millions d'euros : Larkspur Capital apporte
8 millions d'euros et Fenwick Partners 4 millions d'euros, soit un total de 12 millions
d'euros.
"""


async def with_footer(pilot: Pilot[Any]) -> None:
    """The reader adds its footer a moment after the panel: wait for it."""
    await until(pilot, lambda: bool(pilot.app.screen.query(Footer)))
    await pilot.pause()
