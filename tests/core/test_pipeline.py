"""Fetching through the library: saved with its headers, re-fetched conditionally."""

from __future__ import annotations

from pathlib import Path

from tests.core.http_server import FaultServer
from tui.config import Settings
from tui.core.library.store import Library
from tui.core.pipeline import fetch_with_library


def test_second_fetch_is_conditional_and_reads_the_saved_copy(tmp_path: Path) -> None:
    settings = Settings(library_path=tmp_path / "library.sqlite3")
    with FaultServer() as server, Library(settings.library_path) as library:
        url = server.url("/etag")
        first = fetch_with_library(url, settings, library)
        entry = library.find(source=url)
        assert entry is not None
        assert library.fetch_info(entry.id) == ('"v7"', "Tue, 07 May 2024 10:00:00 GMT")
        assert library.raw_page(entry.id)

        second = fetch_with_library(url, settings, library)
        sent = [headers for path, headers in server.seen if path == "/etag"]
    assert len(sent) == 2
    assert "If-None-Match" not in sent[0]
    assert sent[1].get("If-None-Match") == '"v7"'
    assert second.body == first.body
    assert second.notices == ()
