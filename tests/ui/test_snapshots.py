"""One snapshot per screen and size: the library list and the reader with a filled panel.

The content is an article written for the tests with hand-made entities saved in a
temporary library, so the pictures do not change when the NLP improves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import invented_article, settle
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

        assert snap_compare(app, terminal_size=size, run_before=ready)
