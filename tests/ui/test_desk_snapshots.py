"""Snapshots of the desk: the companies index and a company page, at two sizes.

The library holds articles written for the tests with hand-made entities, so the
pictures do not change when the finders improve.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import settle
from tests.ui.test_desk import fill
from tui.config import Settings
from tui.core.background import Analyser
from tui.ui.app import NewsdeskApp

SIZES = [(80, 24), (160, 50)]

SnapCompare = Callable[..., bool]


class TestCompaniesScreen:
    @pytest.mark.parametrize("size", SIZES)
    def test_companies(
        self, snap_compare: SnapCompare, settings: Settings, analyser: Analyser, size: Any
    ) -> None:
        fill(settings)
        app = NewsdeskApp(None, settings, analyser=analyser)

        async def ready(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)

        assert snap_compare(app, terminal_size=size, run_before=ready)


class TestCompanyScreen:
    @pytest.mark.parametrize("size", SIZES)
    def test_company(
        self, snap_compare: SnapCompare, settings: Settings, analyser: Analyser, size: Any
    ) -> None:
        fill(settings)
        app = NewsdeskApp(None, settings, analyser=analyser)

        async def ready(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press("c", "enter")
            await settle(pilot)

        assert snap_compare(app, terminal_size=size, run_before=ready)
