"""A fetched article reopens from the library when the network is gone, and says so."""

import json
import subprocess
import sys
from pathlib import Path

from tests.core.http_server import FaultServer


def show(url: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "show", "--json", url],
        capture_output=True,
        text=True,
        timeout=300,
        env={"NEWSDESK_HOME": str(home), "NO_PROXY": "*"},
    )


def test_show_falls_back_to_the_saved_copy(tmp_path: Path) -> None:
    with FaultServer() as server:
        url = server.url("/dev/01.html")
        first = show(url, tmp_path)
    assert first.returncode == 0, first.stderr
    online = json.loads(first.stdout)
    assert online["body"]

    offline = show(url, tmp_path)
    assert offline.returncode == 0, offline.stderr
    assert json.loads(offline.stdout)["body"] == online["body"]
    assert "saved in the library" in offline.stderr
    assert len(offline.stderr.strip().splitlines()) == 1


def test_unreachable_url_never_saved_is_one_clear_error(tmp_path: Path) -> None:
    with FaultServer() as server:
        url = server.url("/missing-page")
        result = show(url, tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("newsdesk: ")
    assert "404" in result.stderr
    assert "Traceback" not in result.stderr
