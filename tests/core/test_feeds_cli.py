"""`newsdesk feeds ...` end to end against a real local feed_server and a real library file."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.feeds_server import FEED_FIXTURES, FeedServer, serve_feeds
from tui.config import Settings
from tui.core.library.feeds import FeedStore
from tui.core.library.store import Library
from tui.feeds_cli import run_feeds

GUARDIAN = "/f/rss-parser__guardian.rss"


@pytest.fixture(scope="module")
def feed_server() -> Iterator[FeedServer]:
    yield from serve_feeds()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(library_path=tmp_path / "l.sqlite3", read_timeout=0.5)


def run(settings: Settings, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = run_feeds(list(argv), settings, out)
    return status, out.getvalue()


def test_add_list_items_and_remove(
    feed_server: FeedServer, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run(settings, "add", feed_server.url("/home"), "--tag", "news", "--every", "5")
    assert status == 0 and "Subscribed to The Guardian" in out and "55 new of 55" in out
    with Library(settings.library_path) as library:
        assert FeedStore(library).feeds()[0].refresh_minutes == 10, "never under the floor"
    assert "--every 5: refreshed every 10 minutes" in capsys.readouterr().err
    status, out = run(settings, "list")
    header, line = out.splitlines()
    assert header.startswith("id\tunread/total") and "\t55/55\t" in line and "\tnews\tok" in line
    status, out = run(settings, "items", "the guardian", "--unread", "--json")
    rows = json.loads(out)
    assert status == 0 and len(rows) == 55 and rows[0]["feeds"] == ["The Guardian"]
    assert rows[0]["summary"] and rows[0]["read"] is False
    status, out = run(settings, "items", "1")
    assert len(out.splitlines()) == 55 and out.startswith(str(rows[0]["id"]))
    status, out = run(settings, "rm", feed_server.url(GUARDIAN))
    assert status == 0 and "55 item(s) removed" in out
    status, _ = run(settings, "items", "The Guardian")
    assert status == 1 and "no feed matches" in capsys.readouterr().err


def test_a_url_that_is_not_a_feed_is_refused(
    feed_server: FeedServer, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run(settings, "add", feed_server.url("/page"))
    err = capsys.readouterr().err
    assert status == 1 and "names no feed" in err and "Traceback" not in err
    status, _ = run(settings, "add", "not a url")
    assert status == 1 and "not a web address" in capsys.readouterr().err


def test_refresh_prints_a_line_per_feed_and_list_shows_errors(
    feed_server: FeedServer, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = [GUARDIAN, "/f/feed-rs__rss_2.0_invalid_1.xml", "/f/NetNewsWire__3960.json"]
    urls_file = settings.library_path.parent / "urls"
    urls_file.write_text("".join(feed_server.url(u) + "\n" for u in urls))
    assert run(settings, "import", str(urls_file))[0] == 0
    status, out = run(settings, "refresh", "--no-full-text")
    lines = out.splitlines()
    assert status == 1 and len(lines) == 3
    assert any(
        line.startswith("error     Reuters: Most Read Articles: the feed is malformed")
        for line in lines
    )
    assert "1 in error" in capsys.readouterr().err
    status, out = run(settings, "list")
    reuters = next(line for line in out.splitlines() if "Reuters" in line)
    assert reuters.endswith(
        "error: the feed is malformed (SAXParseException: <unknown>:19:84: no element found)"
    )
    status, out = run(settings, "refresh", "--no-full-text")
    assert out == "" and "not due" in capsys.readouterr().err
    status, out = run(settings, "refresh", "--all", "--json", "--no-full-text")
    results = json.loads(out)
    assert sorted(r["outcome"] for r in results) == ["error", "unchanged", "unchanged"]
    feeds = json.loads(run(settings, "list", "--json")[1])
    assert [f["error"] is not None for f in feeds].count(True) == 1
    assert {f["refresh_minutes"] for f in feeds} == {None}, "the default interval"


def test_import_export_round_trip_through_the_library(settings: Settings, tmp_path: Path) -> None:
    status, out = run(settings, "import", str(FEED_FIXTURES / "NetNewsWire__Subs.opml"))
    assert status == 0 and "Imported 207 new feed(s)" in out
    listed = run(settings, "list")[1].splitlines()[1:]
    assert len(listed) == 207 and all(line.endswith("\tnot fetched yet") for line in listed)
    status, exported = run(settings, "export")
    path = tmp_path / "out.opml"
    path.write_text(exported)
    other = Settings(library_path=tmp_path / "other.sqlite3")
    assert run(other, "import", str(path))[0] == 0
    with Library(settings.library_path) as first, Library(other.library_path) as second:
        one = {(f.url, f.tags) for f in FeedStore(first).feeds()}
        two = {(f.url, f.tags) for f in FeedStore(second).feeds()}
    assert one == two and len(one) == 207
    assert run(settings, "import", str(path))[1].startswith("Imported 0 new feed(s)")


def test_hostile_titles_are_printed_as_text(feed_server: FeedServer, settings: Settings) -> None:
    feed = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Evil\x1b[2J[bold]x</title>"
        b"<item><title>Item\x1b]52;c;aGk=\x07 [red]y</title><link>http://e.example/1</link>"
        b"</item></channel></rss>"
    )
    feed_server.routes["/evil"] = (200, feed, "application/rss+xml")
    assert run(settings, "add", feed_server.url("/evil"))[0] == 0
    _, listed = run(settings, "list")
    _, items = run(settings, "items", "1")
    for out in (listed, items):
        assert "\x1b" not in out and "\x07" not in out
    assert "Evil␛[2J[bold]x" in listed and "[red]y" in items


def test_bad_import_files(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.opml"
    assert run(settings, "import", str(missing))[0] == 1
    assert "no such file" in capsys.readouterr().err
    bomb = tmp_path / "bomb.opml"
    bomb.write_text('<!DOCTYPE opml [<!ENTITY a "b">]><opml><body/></opml>')
    assert run(settings, "import", str(bomb))[0] == 1
    assert "declares XML entities" in capsys.readouterr().err
    assert run(settings, "bogus")[0] == 2
