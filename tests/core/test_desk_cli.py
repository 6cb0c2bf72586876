"""`newsdesk library add|facts|companies` and `list|search --json`, on a real library file."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.core.desk_data import capgemini_later, capgemini_story, french_story
from tests.paths import SAMPLES
from tui import library_cli
from tui.config import Settings
from tui.core.library.store import Library
from tui.core.model import Article


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings(library_path=tmp_path / "library.sqlite3")
    hostile = Article(
        title="=cmd|' /C calc'!A0 \x1b[2J\x1b]0;pwned\x07",
        body="Nothing to see.",
        source="hostile",
        published="2026-11-01",
    )
    with Library(settings.library_path) as library:
        for story in (capgemini_story(), capgemini_later(), french_story(), hostile):
            library.save(story)
    return settings


def run(settings: Settings, *argv: str) -> tuple[int, str]:
    out = io.StringIO(newline="")
    code = library_cli.run_library(list(argv), settings, out=out)
    return code, out.getvalue()


def test_facts_csv_json_and_markdown(settings: Settings) -> None:
    code, text = run(settings, "facts", "company:capgemini")
    assert code == 0
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert [row[5] for row in table[1:]] == ["€22bn", "$200m", "€1.5bn"]
    code, text = run(settings, "facts", "amount>1bn€", "--format", "json")
    assert [(f["amount"], f["value"], f["currency"]) for f in json.loads(text)] == [
        ("€22bn", 22e9, "EUR"),
        ("€1.5bn", 1.5e9, "EUR"),
    ], "an amount term picks the rows, not only the articles"
    code, text = run(settings, "facts", "lang:fr", "--format", "markdown")
    assert text.startswith("| article_id | date |") and text.count("\n") == 2 + 3


def test_companies_csv_and_json(settings: Settings) -> None:
    code, text = run(settings, "companies")
    assert code == 0
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert [row[0] for row in table[1:]] == ["Capgemini SE", "Dassault Systèmes", "Kestrel"]
    _, text = run(settings, "companies", "amount>1bn", "--format", "json")
    assert [c["name"] for c in json.loads(text)] == ["Capgemini SE", "Kestrel"]


def test_list_and_search_json(settings: Settings) -> None:
    code, text = run(settings, "list", "--json")
    entries = json.loads(text)
    assert code == 0 and len(entries) == 4
    assert entries[0]["title"].startswith("=cmd"), "JSON keeps the exact text"
    assert "\x1b" not in text and "\x07" not in text, "but escapes the control characters"
    assert {"id", "title", "site", "published", "url", "watched"} <= set(entries[0])
    code, text = run(settings, "search", "company:capgemini", "--json")
    assert [e["title"] for e in json.loads(text)] == ["Story 12", "Story 3"]


def test_search_text_output_is_cleaned(settings: Settings) -> None:
    code, text = run(settings, "search", "nothing")
    assert code == 0
    assert "\x1b" not in text and "\x07" not in text
    assert "␛[2J" in text


def test_query_hints_go_to_stderr(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(settings, "search", "revenue", "amount>lots", "--json")
    assert code == 0 and [e["title"] for e in json.loads(text)] == ["Story 12"], "the rest runs"
    err = capsys.readouterr().err
    assert "hint: amount>lots: not an amount" in err and err.count("\n") == 1
    code, text = run(settings, "facts", "feed:Echos")
    assert "no feeds yet" in capsys.readouterr().err
    assert text.count("\r\n") == 1, "the header only"


def test_add_reads_analyses_and_saves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings(library_path=tmp_path / "new.sqlite3")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "harbor-robotics-series-b.md", folder)
    (folder / "notes.bin").write_bytes(b"\x00")
    code, text = run(
        settings, "add", str(folder), str(SAMPLES / "nordlys-leve-12-millions.md"), "/nope.md"
    )
    assert code == 1, "one source could not be read"
    lines = text.splitlines()
    assert len(lines) == 2 and lines[0].startswith("1\tHarbor Robotics raises $40m")
    assert "/nope.md" in capsys.readouterr().err
    code, text = run(settings, "companies", "--format", "json")
    assert "Harbor Robotics Inc." in [c["name"] for c in json.loads(text)]
    code, text = run(settings, "add", str(SAMPLES / "nordlys-leve-12-millions.md"))
    assert code == 0 and text.startswith("2\t"), "adding again updates the same article"
