"""Issue #11, opening and refreshing: `r` reads again what was opened, empty articles say
so, related posts resolve against sibling files offline, a hanging URL can be stopped,
and a file of megabytes paints at once."""

from __future__ import annotations

import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.http_server import FaultServer
from tests.ui.conftest import SAMPLES, fake_analyser, screen_text, settle, until
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.library.store import Library
from tui.core.model import Article
from tui.ui.app import NewsdeskApp
from tui.ui.messages import Place
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.related_list import RelatedList


def _notices(app: NewsdeskApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def _choose_related(app: NewsdeskApp, pilot: object, words: str) -> None:
    related = app.reader.query_one(RelatedList)
    related.focus()
    related.highlighted = next(i for i, p in enumerate(related.posts) if words in p.title)
    await pilot.press("enter")  # type: ignore[attr-defined]


async def test_r_reads_the_file_again_not_the_pages_url(
    settings: Settings, analyser: Analyser, tmp_path: Path
) -> None:
    page = tmp_path / "harbor.md"
    shutil.copy(SAMPLES / "harbor-robotics-series-b.md", page)
    app = NewsdeskApp(str(page), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = app.reader.article
        assert first is not None and first.url and "samples.newsdesk.example" in first.url
        page.write_text(page.read_text().replace("raises $40m", "raises $45m"))
        await pilot.press("r")
        await settle(pilot)
        article = app.reader.article
        assert article is not None and "raises $45m" in article.title, "the file was re-read"
        assert any(n.startswith(f"Read {page.resolve()} again") for n in _notices(app))
        assert not any("could not be found" in n for n in _notices(app)), "no fetch"
        assert str(page.resolve()) in screen_text(app) or "samples.newsdesk" in screen_text(app)
        assert "Could not open" not in screen_text(app)


async def test_r_on_a_url_says_when_the_page_has_not_changed(
    settings: Settings, analyser: Analyser
) -> None:
    with FaultServer() as server:
        app = NewsdeskApp(server.url("/etag"), settings, analyser=analyser)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert app.reader.article is not None
            await pilot.press("r")
            await settle(pilot)
            assert any("Not modified" in n and "304" in n for n in _notices(app)), _notices(app)
            assert app.reader.article is not None and "Quay" in app.reader.article.title


async def test_an_article_without_text_says_so_in_the_body(
    settings: Settings, analyser: Analyser
) -> None:
    with Library(settings.library_path) as library:
        empty = library.save(Article(title="Menu only", body="", source="https://x.example/"))
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.open_place(Place(library_id=empty))
        await settle(pilot)
        shown = screen_text(app)
        assert "Menu only" in shown and "This article has no text." in shown
        assert "No text to analyse." in shown


async def test_r_tries_again_what_could_not_be_opened(
    settings: Settings, analyser: Analyser, tmp_path: Path
) -> None:
    later = tmp_path / "later.md"
    app = NewsdeskApp(str(later), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.reader.article is None and "r tries again" in screen_text(app)
        shutil.copy(SAMPLES / "nordlys-leve-12-millions.md", later)
        await pilot.press("r")
        await settle(pilot)
        assert app.reader.article is not None and "Nordlys" in app.reader.article.title
        assert app.reader.unopened is None


async def test_notices_read_as_sentences(
    settings: Settings, analyser: Analyser, tmp_path: Path
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Call Acme about the invoice\n\nThen pay it.\n", encoding="utf-8")
    app = NewsdeskApp(str(note), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        notices = [n for n in _notices(app) if "web page" in n]
        assert notices and notices[0].startswith("The text does not read as a web page")
        assert notices[0].endswith("furniture."), notices


async def test_related_posts_open_sibling_files_offline(
    settings: Settings, analyser: Analyser, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(SAMPLES, folder)
    (folder / "elsewhere.md").write_text(
        "---\ntitle: A page kept under another name\nurl: https://other.example/a/b\n---\n\n"
        "Body of the page kept under another name.\n"
    )
    (folder / "linking.md").write_text(
        "---\ntitle: Linking page\n---\n\nA page that links to two others.\n\n## Related\n\n"
        "- [A page kept under another name](https://other.example/a/b/)\n"
        "- [Quarterly results: Kestrel Software beats forecasts](https://x.example/gone)\n"
    )
    app = NewsdeskApp(str(folder / "harbor-robotics-series-b.md"), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _choose_related(app, pilot, "Kestrel")
        await settle(pilot)
        article = app.reader.article
        assert article is not None and article.title.startswith("Quarterly results: Kestrel")
        assert article.source == str((folder / "kestrel-quarterly-results.html").resolve())
        app.reader.visit(Place(source=str(folder / "linking.md")))
        await settle(pilot)
        await _choose_related(app, pilot, "another name")
        await settle(pilot)
        assert app.reader.article is not None
        assert app.reader.article.title == "A page kept under another name", "by its URL"
        await pilot.press("b")
        await settle(pilot)
        await _choose_related(app, pilot, "Kestrel")
        await settle(pilot)
        assert app.reader.article is not None and "Kestrel" in app.reader.article.title
        assert not any("could not be found" in n for n in _notices(app)), "no network"


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/never"


async def test_a_hanging_url_shows_its_time_and_escape_stops_it(
    settings: Settings, analyser: Analyser, silent_server: str
) -> None:
    app = NewsdeskApp(str(SAMPLES / "nordlys-leve-12-millions.md"), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.reader.visit(Place(source=silent_server))
        await until(pilot, lambda: "s · Esc cancels" in screen_text(app), timeout=10)
        assert "Opening http://127.0.0.1" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.reader.opening is None
        assert any(n.startswith("Stopped opening") for n in _notices(app))
        assert app.reader.article is not None and "Nordlys" in app.reader.article.title
        assert "Esc cancels" not in screen_text(app)
        started = time.monotonic()
    assert time.monotonic() - started < 5, "quitting did not wait for the hung fetch"


async def test_a_file_of_megabytes_paints_its_head_first_and_lays_out_later(
    settings: Settings, tmp_path: Path
) -> None:
    paragraphs = [
        f"Nordlys Energie annonce sa levée numéro {n} de 12 millions d'euros. " * 5
        for n in range(20_000)
    ]  # distinct: a dump's repeated paragraphs are dropped
    big = tmp_path / "big.txt"
    big.write_text("Un long article\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    assert big.stat().st_size > 6_000_000
    analyser = fake_analyser()
    app = NewsdeskApp(str(big), settings, analyser=analyser)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            view = app.reader.query_one(ArticleView)
            await until(pilot, lambda: view.row_count > 30)
            assert app.reader.article is None, "the head is shown while the file is read"
            await until(pilot, lambda: app.reader.article is not None, timeout=120)
            assert not view.laid_out, "the whole body is not wrapped before it shows"
            await until(pilot, lambda: view.laid_out, timeout=120)
            assert view.row_count > 60_000
            await pilot.press("G")
            await pilot.pause()
            assert "12 millions d'euros" in screen_text(app)
    finally:
        analyser.shutdown()
