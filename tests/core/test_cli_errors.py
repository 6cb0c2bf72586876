"""`newsdesk show` on bad input: one clear line on stderr, a non-zero exit, no traceback."""

import subprocess
import sys
from pathlib import Path

import pytest


def run_show(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "show", "--json", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env={"NEWSDESK_HOME": str(cwd), "PATH": "/usr/bin:/bin"},
    )


def bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    huge = tmp / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return {
        "missing": (tmp / "missing.txt", "no such file"),
        "directory": (tmp, "is a directory"),
        "empty": (empty, "is empty"),
        "binary": (binary, "binary file"),
        "50 MB": (huge, "50.0 MB"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "50 MB"])
def test_bad_input_gives_one_line(case: str, tmp_path: Path) -> None:
    path, message = bad_inputs(tmp_path)[case]
    result = run_show(str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("newsdesk: ")
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_latin1_file_is_read_and_the_user_told(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes(
        "# Un titre accentué ici\n\nLe chiffre d'affaires a progressé.\n".encode("latin-1")
    )
    result = run_show(str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "progressé" in result.stdout
    assert result.stderr.count("\n") == 1
    assert "Latin-1" in result.stderr


def test_one_bad_source_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("# A headline for this\n\nText without money.\n", encoding="utf-8")
    result = run_show(str(tmp_path / "missing.txt"), str(good), cwd=tmp_path)
    assert result.returncode == 1
    assert len(result.stdout.strip().splitlines()) == 1
    assert "no such file" in result.stderr
