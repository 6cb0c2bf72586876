"""Sources as a user names them: `file://` URLs, Markdown served over HTTP, bad launches."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.core import http_server
from tests.core.http_server import FaultServer, Handler
from tests.core.test_cli_errors import bad_inputs
from tests.paths import SAMPLES
from tui.config import Settings
from tui.core.errors import LoadError
from tui.core.sources.load import probe_source, read_source

HARBOR = SAMPLES / "harbor-robotics-series-b.md"
MARKDOWN = HARBOR.read_bytes()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(library_path=tmp_path / "lib.sqlite3")


def test_file_urls_open_the_file(tmp_path: Path, settings: Settings) -> None:
    spaced = tmp_path / "a name with spaces é.md"
    spaced.write_bytes(MARKDOWN)
    expected = read_source(str(HARBOR), settings)
    for url in (HARBOR.as_uri(), f"file://localhost{quote(str(spaced))}", spaced.as_uri()):
        article = read_source(url, settings)
        assert (article.title, article.body) == (expected.title, expected.body)


def test_a_missing_file_url_is_named_as_typed(settings: Settings) -> None:
    with pytest.raises(LoadError) as error:
        read_source("file:///no/such/article.md", settings)
    assert str(error.value) == "file:///no/such/article.md: no such file"
    with pytest.raises(LoadError, match="another host"):
        read_source("file://server/share/article.md", settings)


def _markdown_route(content_type: str) -> Callable[[Handler], None]:
    return lambda h: h.reply(200, MARKDOWN, content_type)


@pytest.mark.parametrize("content_type", ["text/markdown; charset=utf-8", "text/x-markdown"])
def test_markdown_served_over_http_is_read_as_markdown(
    content_type: str, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(http_server.ROUTES, "/notes.md", _markdown_route(content_type))
    with FaultServer() as server:
        article = read_source(server.url("/notes.md"), settings)
    expected = read_source(str(HARBOR), settings)
    assert (article.title, article.body, article.struck) == (
        expected.title,
        expected.body,
        expected.struck,
    )
    assert article.related == expected.related
    assert article.url == expected.url  # the front matter's url wins over the fetched one


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "50 MB", "file url"])
def test_a_bad_launch_is_one_line_and_no_screen(case: str, tmp_path: Path) -> None:
    """What `show` refuses, the reader refuses too, before the screen opens."""
    cases = {name: (str(path), message) for name, (path, message) in bad_inputs(tmp_path).items()}
    cases["file url"] = ("file:///nonexistent.md", "file:///nonexistent.md: no such file")
    source, message = cases[case]
    result = subprocess.run(
        [sys.executable, "-m", "tui", source],
        capture_output=True,
        text=True,
        timeout=60,
        env={"NEWSDESK_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"},
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"newsdesk: {source}") or case == "file url"
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_probe_lets_directories_urls_and_articles_through(tmp_path: Path) -> None:
    for source in (str(SAMPLES), "https://example.com/a", str(HARBOR), HARBOR.as_uri()):
        probe_source(source, 10 * 2**20)
    spaces = tmp_path / "spaces.txt"
    spaces.write_bytes(b" " * 20_000 + b"a late word")
    probe_source(str(spaces), 10 * 2**20)  # only the head is read: the loader decides later
