"""Issue #11, keyboard and focus: every open focuses the body, the focus is always visible,
Tab skips what cannot be used, lists move with vim keys, q and Escape go back one level,
and ] / [ walk the library list from the reader."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.ui.conftest import SAMPLES, invented_article, screen_text, settle, type_at_once
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.library.store import Library
from tui.core.model import Article, Entities
from tui.ui.app import NewsdeskApp
from tui.ui.messages import Place
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.open_url import NoLinkScreen
from tui.ui.screens.reader import ReaderScreen
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.entity_panel import EntityList
from tui.ui.widgets.key_table import KeyTable
from tui.ui.widgets.related_list import RelatedList


def _dated(title: str, date: str) -> Article:
    return Article(title=title, body=f"{title}, said Acme.", source=f"/x/{title}", published=date)


def _library_of_three(settings: Settings) -> dict[str, int]:
    """Three articles saved oldest last, so that the date order differs from saved order."""
    with Library(settings.library_path) as library:
        return {
            title: library.save(_dated(title, date))
            for title, date in (
                ("Newest", "2026-03-01"),
                ("Oldest", "2026-01-01"),
                ("Middle", "2026-02-01"),
            )
        }


async def _open_saved(
    app: NewsdeskApp, pilot: Pilot[Any], article: Article, settings: Settings
) -> None:
    with Library(settings.library_path) as library:
        place = Place(library_id=library.save(article))
    await app.open_place(place)
    await settle(pilot)


async def test_every_open_focuses_the_body_and_the_focus_is_visible(
    settings: Settings, analyser: Analyser
) -> None:
    app = NewsdeskApp(str(SAMPLES / "harbor-robotics-series-b.md"), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.reader.query_one(ArticleView)
        assert app.focused is view
        focused_edge = view.styles.border_left
        related = app.reader.query_one(RelatedList)
        related.focus()
        await pilot.pause()
        assert view.styles.border_left != focused_edge, "the body shows when it has the focus"
        assert app.reader.query_one("#related-heading").has_class("-focused")
        related.highlighted = next(i for i, p in enumerate(related.posts) if "Kestrel" in p.title)
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.article is not None and "Kestrel" in app.reader.article.title
        assert app.focused is view, "after a related post, the body has the focus"
        assert not app.reader.query_one("#related-heading").has_class("-focused")
        await pilot.press("pagedown")
        assert view.scroll_y > 0 or view.max_scroll_y == 0
        related.focus()
        await pilot.press("u")
        await pilot.press(*str(SAMPLES / "nordlys-leve-12-millions.md"), "enter")
        await settle(pilot)
        assert app.reader.article is not None and "Nordlys" in app.reader.article.title
        assert app.focused is view, "after u, the body has the focus"


async def test_tab_stops_only_at_visible_sections_with_rows(
    settings: Settings, analyser: Analyser
) -> None:
    article = invented_article()
    assert article.entities is not None
    article = replace(article, entities=replace(article.entities, organisations=()))
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open_saved(app, pilot, article, settings)
        stops = []
        for _ in range(5):
            await pilot.press("tab")
            focused = app.focused
            assert focused is not None
            stops.append(focused.id)
            assert focused.region.area > 0, f"{focused} is on screen"
        assert stops[:4] == ["amounts", "companies", "related", "article"], stops
        assert "organisations" not in stops, "an empty section takes no Tab stop"


async def test_lists_move_with_j_k_g_and_shift_g(settings: Settings, analyser: Analyser) -> None:
    ids = _library_of_three(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.library.query_one(KeyTable)
        assert table.cursor_row == 0
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == 2
        await pilot.press("home")
        assert table.cursor_row == 0
        await app.open_place(Place(library_id=ids["Newest"]))
        await settle(pilot)
        await _open_saved(app, pilot, invented_article(), settings)
        amounts = app.reader.query_one("#amounts", EntityList)
        amounts.focus()
        await pilot.press("j", "j")
        assert amounts.highlighted == 2
        await pilot.press("G")
        assert amounts.highlighted == len(amounts.entries) - 1
        await pilot.press("g")
        assert amounts.highlighted == 0
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.body
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y > 2
        await pilot.press("k")
        assert body.scroll_y == body.max_scroll_y - 1
        await pilot.press("g")
        assert body.scroll_y == 0


async def test_q_and_escape_go_back_one_level_before_quitting(
    settings: Settings, analyser: Analyser
) -> None:
    app = NewsdeskApp(str(SAMPLES / "nordlys-leve-12-millions.md"), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.reader.query_one(ArticleView)
        await pilot.press("question_mark")
        await pilot.press("q")
        assert isinstance(app.screen, ReaderScreen), "q closes the dialog first"
        view.set_marks([(0, 4)])
        await pilot.press("escape")
        assert view.marks == [], "Escape clears the marks first"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen), "then goes to the library"
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen), "q in the reader goes to the library"
        await pilot.press("escape")
        assert app.is_running, "Escape never quits"
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    assert app.return_code == 0


async def test_a_dialog_closes_with_q(settings: Settings, analyser: Analyser) -> None:
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(NoLinkScreen("A post"))
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_brackets_walk_the_library_list_from_the_reader(
    settings: Settings, analyser: Analyser
) -> None:
    ids = _library_of_three(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.open_place(Place(library_id=ids["Middle"]))
        await settle(pilot)

        def title() -> str:
            return app.reader.article.title if app.reader.article else ""

        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert title() == "Oldest", "the list goes newest first"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert title() == "Oldest"
        notices = [n.message for n in app._notifications]
        assert notices[-1] == "This is the last article of the library list."
        await pilot.press("K", "K")
        await settle(pilot)
        assert title() == "Newest"


async def test_brackets_follow_the_library_screens_own_order(
    settings: Settings, analyser: Analyser
) -> None:
    ids = _library_of_three(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert [e.title for e in app.library.entries] == ["Newest", "Middle", "Oldest"]
        await pilot.press("s", "s", "s")  # Amounts, Companies, then Title (A to Z)
        await settle(pilot)
        assert app.library.sort == ("Title", False)
        assert [e.title for e in app.library.entries] == ["Middle", "Newest", "Oldest"]
        await app.open_place(Place(library_id=ids["Middle"]))
        await settle(pilot)
        await pilot.press("J")
        await settle(pilot)
        assert app.reader.article is not None and app.reader.article.title == "Newest"
        await pilot.press("l")
        await settle(pilot)
        table = app.library.query_one(KeyTable)
        assert app.library.entries[table.cursor_row].title == "Newest", "the cursor follows"


async def test_library_keeps_the_cursor_and_gives_the_title_room_at_80_columns(
    settings: Settings, analyser: Analyser
) -> None:
    _library_of_three(settings)
    with Library(settings.library_path) as library:
        library.save(replace(invented_article(), entities=Entities()))
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.library.query_one(KeyTable)
        title_width = table.ordered_columns[0].width
        assert title_width >= 40, "the title gets the room at 80 columns"
        await pilot.press("j", "j")
        chosen = app.library.entries[2].title
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.article is not None and app.reader.article.title == chosen
        await pilot.press("l")
        await settle(pilot)
        assert table.cursor_row == 2, "coming back with l keeps the cursor"


@pytest.mark.parametrize(
    ("start", "keys", "box"),
    [
        (None, "", "#search"),
        (None, "c", "#company-filter"),
        (None, "F", "#feed-filter"),
        (str(SAMPLES / "ventoux-rachete-brame.md"), "", "#find"),
    ],
    ids=["library", "companies", "feeds", "reader"],
)
async def test_keys_typed_right_after_the_slash_land_in_the_box(
    settings: Settings, analyser: Analyser, start: str | None, keys: str, box: str
) -> None:
    """A fast `/qbr` searches for "qbr": q (quit or library) and b (back) are text there."""
    with Library(settings.library_path) as library:
        library.save(invented_article())  # not empty: no sample import on start
    app = NewsdeskApp(start, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if keys:
            await pilot.press(keys)
            await settle(pilot)
        screen = app.screen
        await type_at_once(pilot, "/qbr")
        assert app.is_running and app.screen is screen
        assert screen.query_one(box, Input).value == "qbr"
        assert app.focused is screen.query_one(box, Input)


async def test_help_says_where_q_quits_and_lists_each_key_once(
    settings: Settings, analyser: Analyser
) -> None:
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(110, 160)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(screen_text(app).replace("│", " ").split())
        assert "q Quit; in the reader and on pages: back" in text
        assert "j Down" not in text and "g First " not in text, "the lists' keys are listed once"
        assert text.count("First / last row") == 1
        for enter in ("the article", "the company's page", "the article at the mention or amount"):
            assert f"Enter Open {enter}" in text, enter
        assert "Library search" in text and "company:NAME articles naming the company" in text, text


async def test_the_palette_offers_the_screens_actions_not_the_tables_cursor_keys(
    settings: Settings, analyser: Analyser
) -> None:
    _library_of_three(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        shown = screen_text(app)
        assert "Sort (next column)" in shown and "Remove article" in shown
        assert "Cursor up" not in shown and "Page Left" not in shown


async def test_an_80_column_footer_still_shows_help_and_quit(
    settings: Settings, analyser: Analyser
) -> None:
    _library_of_three(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("", "F", "c"):
            if key:
                await pilot.press(key)
                await settle(pilot)
            footer = next(line for line in reversed(screen_text(app).splitlines()) if line.strip())
            assert "q Quit" in footer and "? Help" in footer, footer


async def test_f1_opens_help_from_the_search_box_and_closes_it_keeping_the_query(
    settings: Settings, analyser: Analyser
) -> None:
    _library_of_three(settings)
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"cloud")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.query("#help-terms"), "the search terms are listed"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#search", Input).value == "cloud"
