"""The reader on a URL: fetched from a real local server, then reopened offline with a notice."""

from __future__ import annotations

from pathlib import Path

from tests.core.http_server import FaultServer
from tests.ui.conftest import settle
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.library.store import Library
from tui.ui.app import NewsdeskApp


async def test_url_is_saved_then_read_offline_with_a_notice(
    settings: Settings, analyser: Analyser, tmp_path: Path
) -> None:
    with FaultServer() as server:
        url = server.url("/dev/04.html")
        app = NewsdeskApp(url, settings, analyser=analyser)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            online = app.reader.article
            assert online is not None and online.body
    with Library(settings.library_path) as library:
        assert library.find(source=url) is not None

    app = NewsdeskApp(url, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        offline = app.reader.article
        assert offline is not None and offline.body == online.body
        notices = [n.message for n in app._notifications]
        assert any("saved in the library" in message for message in notices), notices


async def test_a_404_is_a_notification_and_the_app_stays_up(
    settings: Settings, analyser: Analyser
) -> None:
    with FaultServer() as server:
        app = NewsdeskApp(server.url("/nothing-here"), settings, analyser=analyser)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            messages = [n.message for n in app._notifications]
            assert any("404" in message for message in messages), messages
            assert app.is_running
