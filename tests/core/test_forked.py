"""A small file named at launch is read in a forked child while the app starts."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from tests.paths import ROOT, SEED
from tui.config import Settings
from tui.core.forked import start_forked
from tui.core.pieces import first_amounts
from tui.core.pipeline import analysed_part
from tui.core.sources.load import read_source

SCRIPT = """
import sys, threading, time
from tui.cli import _read_early
from tui.config import Settings
from tui.core.errors import LoadError

settings = Settings(library_path=sys.argv[3])
reading = _read_early(sys.argv[1], settings)
assert reading is not None, "one thread: the file is read in a child"
article = reading[0].result(timeout=60)
print(article.title)
print(len(article.body))
print([(a.text, a.value) for a in reading[1].result(timeout=60).amounts])
while threading.active_count() > 1:  # the pipe's reader ends after the last stage
    time.sleep(0.01)
failing = _read_early(sys.argv[2], settings)
for stage in failing:
    try:
        stage.result(timeout=60)
    except LoadError as error:
        print("LoadError:", error)
"""


def test_the_child_reads_the_file_and_its_errors_reach_the_parent(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(SEED), str(binary), str(tmp_path / "l.sqlite3")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=True,
    )
    title, size, amounts, failure, again = done.stdout.splitlines()
    settings = Settings(library_path=tmp_path / "l.sqlite3")
    here = read_source(str(SEED), settings)
    assert (title, int(size)) == (here.title, len(here.body)), "the same article as read here"
    part, _ = analysed_part(here.body, settings.analysis_limit)
    found = first_amounts(part, here.lang, here.struck).amounts
    assert amounts == str([(a.text, a.value) for a in found]) and found
    assert failure.startswith("LoadError:") and "photo.txt" in failure
    assert again == failure, "the amounts' stage fails with the article's error"
    assert done.stderr == ""


def test_no_fork_while_other_threads_run() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert start_forked(lambda: iter([1]), 1) is None, "a fork would copy no other thread"
    finally:
        stop.set()
        other.join()
