"""The desk in the real app: companies index, company page, query box, watch list, exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from textual.message import Message
from textual.notifications import Notify
from textual.widgets import DataTable, Input

from tests.core.desk_data import capgemini_later, capgemini_story, dassault_alone, french_story
from tests.ui.conftest import screen_text, settle
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.library.store import Library
from tui.ui.app import NewsdeskApp
from tui.ui.screens.companies import CompaniesScreen
from tui.ui.screens.company import CompanyScreen
from tui.ui.screens.export import ExportScreen
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.reader import ReaderScreen


def fill(settings: Settings) -> None:
    with Library(settings.library_path) as library:
        for story in (capgemini_story(), capgemini_later(), french_story(), dassault_alone()):
            library.save(story)


def notes(seen: list[Message]) -> list[str]:
    """The notifications the app showed."""
    return [m.notification.message for m in seen if isinstance(m, Notify)]


def names(app: NewsdeskApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, CompaniesScreen)
    return [s.name for s in screen.rows]


async def test_index_filters_sorts_and_opens_a_company_then_an_article(
    settings: Settings, analyser: Analyser
) -> None:
    fill(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert names(app) == ["Capgemini SE", "Dassault Systèmes", "Kestrel"]
        assert "3 companies, sorted by articles" in screen_text(app)
        await pilot.press("slash", *"cap gemini")
        assert names(app) == ["Capgemini SE"], "a spelling typed with a space still matches"
        await pilot.press("escape")
        assert len(names(app)) == 3
        await pilot.press("s")  # from articles to mentions
        assert app.screen.sort_column == "mentions"  # type: ignore[attr-defined]
        assert names(app) == ["Capgemini SE", "Dassault Systèmes", "Kestrel"]
        await pilot.press("r")
        assert names(app)[0] == "Kestrel"
        await pilot.press("s")  # total, largest first
        assert names(app) == ["Capgemini SE", "Dassault Systèmes", "Kestrel"]
        await pilot.press("home", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompanyScreen)
        page = app.screen.page
        assert page is not None and [a.title for a in page.articles] == ["Story 12", "Story 3"]
        text = screen_text(app)
        assert "CAP.PA · France · IT" in text and "Also written:" in text
        assert "Capgemini reported €22bn of revenue." in text
        assert app.screen.query_one("#company-amounts", DataTable).row_count == 3
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader.article is not None and app.reader.article.title == "Story 12"
        assert app.reader.view.marks == [(14, 23)] and app.reader.view.current_mark == 0
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompanyScreen), "the companies mode keeps its page"
        await pilot.press("escape")
        assert isinstance(app.screen, CompaniesScreen)


async def test_an_amount_row_opens_the_article_at_the_amount(
    settings: Settings, analyser: Analyser
) -> None:
    fill(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "slash", *"dassault", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompanyScreen)
        await pilot.press("tab", "enter")
        await settle(pilot)
        body = app.reader.article.body if app.reader.article else ""
        span = app.reader.view.marks[0]
        assert body[span[0] : span[1]] == "60 millions d'euros"


async def test_watching_marks_the_library_and_the_index(
    settings: Settings, analyser: Analyser
) -> None:
    fill(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "slash", *"dassault", "enter", "w")
        await settle(pilot)
        assert "★ Dassault Systèmes" in screen_text(app)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        watched = [e.title for e in app.library.entries if e.watched]
        assert watched == ["Story 25", "Story 20"]
        assert "★ Story 25" in screen_text(app)
        app.library.search("watched:")
        await settle(pilot)
        assert [e.title for e in app.library.entries] == ["Story 25", "Story 20"]
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("w")  # the filtered row is still Dassault: stop watching
        await settle(pilot)
        assert "★" not in screen_text(app)


async def test_query_syntax_in_the_search_box(settings: Settings, analyser: Analyser) -> None:
    fill(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = app.library.query_one("#search", Input)
        search.focus()
        await pilot.press(*"company:capgemini amount>1bn€")
        await settle(pilot)
        assert [e.title for e in app.library.entries] == ["Story 12", "Story 3"]
        await pilot.press(*" -revenue")
        await settle(pilot)
        assert [e.title for e in app.library.entries] == ["Story 3"]
        await pilot.press(*" amount>lots")
        await settle(pilot)
        assert "Not understood: amount>lots: not an amount" in screen_text(app)
        assert [e.title for e in app.library.entries] == ["Story 3"], "the rest still applies"


async def test_exports_write_where_the_user_says(
    settings: Settings, analyser: Analyser, tmp_path: Path
) -> None:
    fill(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    seen: list[Message] = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        app.library.search("lang:fr")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        path_input = app.screen.query_one(Input)
        assert path_input.value.startswith(str(Path.cwd() / "newsdesk-facts-lang-fr-"))
        path_input.value = str(tmp_path / "french.csv")
        await pilot.press("enter")
        await settle(pilot)
        data = (tmp_path / "french.csv").read_text("utf-8")
        assert data.startswith("\ufeffarticle_id,")
        rows = list(csv.reader(io.StringIO(data.removeprefix("\ufeff"), newline="")))
        assert [r[5] for r in rows[1:]] == ["60 millions d'euros", "10 à 20 millions", "5 millions"]
        assert any("Wrote 3 row(s)" in n for n in notes(seen))
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one(Input).value = str(tmp_path / "companies.json")
        await pilot.press("enter")
        await settle(pilot)
        exported = json.loads((tmp_path / "companies.json").read_text("utf-8"))
        assert [c["name"] for c in exported] == ["Capgemini SE", "Dassault Systèmes", "Kestrel"]
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one(Input).value = str(tmp_path / "missing" / "dir" / "x.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert any("Could not write" in n for n in notes(seen))


async def test_an_empty_library_says_where_companies_come_from(
    settings: Settings, analyser: Analyser
) -> None:
    Library(settings.library_path).close()
    app = NewsdeskApp(str(Path(settings.library_path).parent / "nothing-here.md"), settings,
                      analyser=analyser)  # fmt: skip
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert "No company yet" in screen_text(app)


async def test_q_on_a_company_page_goes_back_to_the_index_as_its_footer_says(
    settings: Settings, analyser: Analyser
) -> None:
    fill(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompanyScreen)
        footer = next(line for line in reversed(screen_text(app).splitlines()) if line.strip())
        assert "Back" in footer and "Quit" not in footer, footer
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CompaniesScreen)


async def test_the_index_and_the_company_page_move_with_the_vim_keys(
    settings: Settings, analyser: Analyser
) -> None:
    fill(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        table = app.screen.query_one("#companies", DataTable)
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k", "g")
        assert table.cursor_row == 0
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompanyScreen)
        amounts = app.screen.query_one("#company-amounts", DataTable)
        await pilot.press("tab", "j", "j")
        assert app.focused is amounts and amounts.cursor_row == 2


async def test_escape_on_the_index_clears_the_filter_then_says_how_to_quit(
    settings: Settings, analyser: Analyser
) -> None:
    fill(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "slash", "k", "escape")
        assert len(names(app)) == 3 and not app._notifications
        await pilot.press("escape")
        assert app.is_running and isinstance(app.screen, CompaniesScreen)
        assert [n.message for n in app._notifications] == ["Press q to quit."]
