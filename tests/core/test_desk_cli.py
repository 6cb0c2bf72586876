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
from tui.core.feeds.model import Entry
from tui.core.library.feed_items import FeedItems
from tui.core.library.feeds import FeedStore
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


def test_printed_csv_ends_lines_with_newline_only(settings: Settings) -> None:
    """A carriage return is a terminal control: what the command line prints has none,
    and a CSV reader still reads every cell whole."""
    for command in ("facts", "companies"):
        code, text = run(settings, command)
        assert code == 0 and "\r" not in text and text.endswith("\n")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert len({len(row) for row in rows}) == 1 and len(rows) > 2
        assert not any(cell.endswith("␍") for row in rows for cell in row)


def feed_library(settings: Settings) -> dict[str, int]:
    """Two feeds over the fixture's articles: one carries two of them, the other one."""
    with Library(settings.library_path) as library:
        ids = {entry.title: entry.id for entry in library.entries()}
        feeds, items = FeedStore(library), FeedItems(library)
        guardian = feeds.add("https://www.theguardian.com/world/rss", title="The Guardian")[0]
        echos = feeds.add("https://services.lesechos.fr/rss/une.xml", title="Les Echos")[0]
        for feed, titles in ((guardian, ("Story 3", "Story 12")), (echos, ("Story 20",))):
            entries = [Entry(guid=t, title=t) for t in titles]
            stored = items.store_entries(feed.id, entries)
            for item_id, title in zip(stored.new, titles, strict=True):
                items.attach_article(item_id, ids[title], "page", None, "")
    return {"guardian": guardian.id, "echos": echos.id}


def test_feed_filter_lists_the_articles_a_feed_brought(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    feeds = feed_library(settings)
    code, text = run(settings, "search", "feed:guardian", "--json")
    assert code == 0 and sorted(e["title"] for e in json.loads(text)) == ["Story 12", "Story 3"]
    _, text = run(settings, "search", f"feed:{feeds['echos']}", "--json")
    assert [e["title"] for e in json.loads(text)] == ["Story 20"], "a feed by its id"
    _, text = run(settings, "search", "-feed:guardian", "lang:fr", "--json")
    assert [e["title"] for e in json.loads(text)] == ["Story 20"]
    _, text = run(settings, "facts", 'feed:"les echos"', "--format", "json")
    assert {f["title"] for f in json.loads(text)} == {"Story 20"}
    assert capsys.readouterr().err == ""
    _, text = run(settings, "search", "feed:reuters", "--json")
    assert json.loads(text) == []
    assert "no feed's title or address holds 'reuters'" in capsys.readouterr().err


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
    assert text.count("\n") == 1, "the header only"


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


def test_exclusions_are_query_words_and_unknown_options_still_fail(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = run(settings, "search", "revenue", "-studio", "--json")
    assert code == 0 and json.loads(text) == [], "`-studio` excludes the only match"
    code, text = run(settings, "facts", "-company:capgemini", "--format", "json")
    assert code == 0 and {f["title"] for f in json.loads(text)} == {"Story 20"}
    code, _ = run(settings, "search", "revenue", "--jsn")
    assert code == 2 and "unrecognized arguments: --jsn" in capsys.readouterr().err
    code, _ = run(settings, "list", "-x")
    assert code == 2, "a command without a query takes no stray words"
