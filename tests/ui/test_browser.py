"""`o` opens the URL through webbrowser with an argument list: never a shell command line."""

from __future__ import annotations

import sys
import time
import webbrowser
from pathlib import Path

import pytest

from tui.ui import jobs


def test_url_with_shell_syntax_reaches_the_browser_as_one_argument(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = tmp_path / "argv.txt"
    marker = tmp_path / "pwned"
    recorder = tmp_path / "browser"
    recorder.write_text(
        f"#!{sys.executable}\nimport sys, pathlib\n"
        f"pathlib.Path({str(record)!r}).write_text(repr(sys.argv[1:]))\n"
    )
    recorder.chmod(0o755)
    browser = webbrowser.BackgroundBrowser([str(recorder), "%s"])
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    url = f"https://example.test/a?x=$(touch {marker});touch {marker}&y=`id`"

    assert jobs.open_in_browser(url)
    for _ in range(100):
        if record.exists():
            break
        time.sleep(0.05)
    assert record.read_text() == repr([url])
    assert not marker.exists()
