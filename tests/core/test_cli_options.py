"""The command line as a user types it: options anywhere, sizes with units, clear refusals."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import SAMPLES
from tui.cli import main
from tui.config import DEFAULT_ANALYSIS_LIMIT, LIBRARY_FILE, parse_size
from tui.core.library.store import Library
from tui.core.model import Article, Entities, Mention, Organisation

HARBOR = SAMPLES / "harbor-robotics-series-b.md"


def saved_library(folder: Path) -> Path:
    path = folder / "mine.sqlite3"
    with Library(path) as library:
        library.save(Article(title="Kept in my library", body="Some text.", source="/x"))
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "order",
    [
        ["--library", "{lib}", "library", "list"],
        ["library", "--library", "{lib}", "list"],
        ["library", "list", "--library={lib}"],
        ["--max-bytes", "1M", "library", "list", "--library", "{lib}"],
    ],
)
def test_global_options_before_or_after_the_sub_command(
    order: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = saved_library(tmp_path)
    code, out, err = run([part.format(lib=library) for part in order], capsys)
    assert (code, err) == (0, "")
    assert "Kept in my library" in out


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("10MB", 10 * 2**20),
        ("500k", 500 * 1024),
        ("1.5M", int(1.5 * 2**20)),
        ("2048", 2048),
        ("3 mib", 3 * 2**20),
        ("1g", 2**30),
    ],
)
def test_sizes_take_units(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["10q", "", "-5", "0", "1.2.3", "MB"])
def test_bad_sizes_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="size"):
        parse_size(text)


def test_bad_size_on_the_command_line_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["show", "--max-bytes", "ten", str(HARBOR)])
    assert done.value.code == 2
    assert "'ten' is not a size" in capsys.readouterr().err


def test_max_bytes_with_a_unit_refuses_a_larger_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["--max-bytes", "1k", "show", "--json", str(HARBOR)], capsys)
    assert (code, out) == (1, "")
    assert "1024 bytes" in err and "--max-bytes" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--version"], ["library", "list", "--version"]):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 0
        assert capsys.readouterr().out == "newsdesk 0.1.0\n"


def test_a_library_in_a_missing_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder" / "lib.sqlite3"
    code, out, err = run(["library", "list", "--library", str(missing)], capsys)
    assert (code, out) == (1, "")
    assert err.startswith("newsdesk: --library ") and "does not exist" in err
    assert not missing.parent.exists()


def test_a_library_folder_holds_the_library_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Library(tmp_path / LIBRARY_FILE) as library:
        library.save(Article(title="In the folder", body="Text.", source="/y"))
    code, out, _ = run(["library", "list", "--library", str(tmp_path)], capsys)
    assert code == 0 and "In the folder" in out


def test_the_default_library_folder_is_still_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "new" / "home"
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    code, _, err = run(["library", "list"], capsys)
    assert code == 0 and "empty" in err
    assert (home / LIBRARY_FILE).is_file()


def test_library_export_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lib.sqlite3"
    state = Organisation("the State", (Mention("State", 28, 33),), "state")
    article = Article(
        title="Struck and stated",
        body="An old price was cut by the State today.",
        source="/z",
        struck=((3, 12),),
        entities=Entities(organisations=(state,)),
    )
    with Library(path) as library:
        article_id = str(library.save(article))
    outs = {}
    for fmt in ("json", "text", "markdown"):
        code, outs[fmt], _ = run(
            ["library", "export", article_id, "--format", fmt, "--library", str(path)], capsys
        )
        assert code == 0
    assert outs["json"].count("\n") == 1
    assert json.loads(outs["json"])["organisations"][0]["name"] == "the State"
    for fmt in ("text", "markdown"):
        assert "An ~~old price~~ was cut" in outs[fmt]
        assert "Organisations" in outs[fmt] and "the State ×1  (State)  [state]" in outs[fmt]
    assert outs["text"].startswith("Struck and stated\n=================")
    assert outs["markdown"].startswith("# Struck and stated")


@pytest.mark.parametrize("how", ["piped", "terminal"])
def test_show_prints_text_in_a_terminal_and_json_in_a_pipe(how: str, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "tui", "show", str(HARBOR)]
    env = {"NEWSDESK_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    if how == "piped":
        out = subprocess.run(command, capture_output=True, env=env, timeout=300).stdout
        assert json.loads(out)["title"].startswith("Harbor Robotics")
        return
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=300) == 0
    shown = b"".join(chunks).decode()
    assert shown.startswith("Harbor Robotics raises $40m")
    assert "\r\nCompanies\r\n---------" in shown and "Northwind Capital" in shown


def test_default_analysis_limit_is_the_documented_one() -> None:
    assert parse_size("400k") == DEFAULT_ANALYSIS_LIMIT


def test_analyse_limit_bounds_the_entity_pass_and_says_so(tmp_path: Path) -> None:
    body = "Acme Corp raised 5 million euros on Monday, the company said today. " * 60
    path = tmp_path / "long.md"
    path.write_text(f"# A long one\n\n{body}\n\nGlobex paid 7 million euros.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "show", "--json", "--analyse-limit", "1k", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"NEWSDESK_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"newsdesk: note: {path}: analysed the first 1 KB of 4 KB\n"
    article = json.loads(result.stdout)
    assert article["body"].endswith("Globex paid 7 million euros.")
    assert article["amounts"] and all(a["end"] <= 1024 for a in article["amounts"])
