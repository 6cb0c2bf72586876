"""`newsdesk show` over many sources: worker processes, input order, streaming, named errors."""

from __future__ import annotations

import json
import selectors
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.http_server import FaultServer
from tests.paths import SAMPLES
from tui.config import Settings
from tui.core.batch import Outcome, analyse_all, article_json
from tui.core.errors import NewsdeskError

SOURCES = sorted(str(p) for p in SAMPLES.iterdir())
ENV = {"PATH": "/usr/bin:/bin", "NO_PROXY": "*"}


def show(*args: str, home: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "show", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
        env={**ENV, "NEWSDESK_HOME": str(home)},
    )


def read_line(process: subprocess.Popen[str], timeout: float) -> str:
    """One line of the process's stdout, or fail after `timeout` seconds."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        assert selector.select(timeout), "no result before the input ended"
    return process.stdout.readline()


def test_two_404s_print_two_lines_that_name_their_source(tmp_path: Path) -> None:
    with FaultServer() as server:
        first, second = server.url("/gone-1"), server.url("/gone-2")
        result = show("--json", first, second, home=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    lines = result.stderr.splitlines()
    assert lines == [f"newsdesk: {first}: 127.0.0.1 answered 404 Not Found.", lines[1]]
    assert lines[1] == f"newsdesk: {second}: 127.0.0.1 answered 404 Not Found."


def test_a_file_error_names_the_file_once(tmp_path: Path) -> None:
    result = show("--json", "missing.txt", home=tmp_path)
    assert result.stderr == "newsdesk: missing.txt: no such file\n"


def test_workers_stream_results_in_input_order(tmp_path: Path) -> None:
    """Two workers; the first result comes while the input is still open; order is kept."""
    missing = str(tmp_path / "missing.md")
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "show", "--json", "--jobs", "2", "--from", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**ENV, "NEWSDESK_HOME": str(tmp_path)},
    )
    assert process.stdin is not None and process.stderr is not None
    process.stdin.write(SOURCES[0] + "\n")
    process.stdin.flush()
    first = json.loads(read_line(process, timeout=240))
    process.stdin.write("\n".join([SOURCES[1], missing, *SOURCES[2:]]) + "\n")
    process.stdin.close()
    rest = [json.loads(line) for line in process.stdout or []]
    assert process.wait(timeout=240) == 1
    titles = [article["source"] for article in [first, *rest]]
    assert titles == [str(Path(s).resolve()) for s in SOURCES]
    assert process.stderr.read() == f"newsdesk: {missing}: no such file\n"


def test_sources_from_a_file_and_the_command_line(tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"{SOURCES[1]}\n\n{SOURCES[2]}\n", encoding="utf-8")
    result = show("--json", "-j", "1", SOURCES[0], "--from", str(listing), home=tmp_path)
    assert result.returncode == 0, result.stderr
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [str(Path(s).resolve()) for s in SOURCES[:3]]


def test_a_missing_list_and_no_source_are_refused(tmp_path: Path) -> None:
    missing = show("--from", str(tmp_path / "nope.txt"), home=tmp_path)
    assert missing.returncode == 1
    assert (
        missing.stderr == f"newsdesk: --from {tmp_path / 'nope.txt'}: No such file or directory\n"
    )
    nothing = show("--json", home=tmp_path)
    assert nothing.returncode == 2 and "give at least one SOURCE" in nothing.stderr


def test_the_per_article_function_prints_what_show_prints(tmp_path: Path) -> None:
    settings = Settings(library_path=tmp_path / "lib.sqlite3")
    line = article_json(SOURCES[1], settings)
    assert line == show("--json", SOURCES[1], home=tmp_path).stdout.rstrip("\n")
    with pytest.raises(NewsdeskError, match="no such file"):
        article_json(str(tmp_path / "none.md"), settings)


def test_analyse_all_in_process_keeps_order_and_reports_errors(tmp_path: Path) -> None:
    settings = Settings(library_path=tmp_path / "lib.sqlite3")
    sources = [SOURCES[1], str(tmp_path / "none.md"), SOURCES[3]]
    outcomes = list(analyse_all(sources, settings, "markdown"))
    assert [o.source for o in outcomes] == sources
    assert outcomes[1] == Outcome(sources[1], error=f"{sources[1]}: no such file")
    assert outcomes[0].output and outcomes[0].output.startswith("# Harbor Robotics")
