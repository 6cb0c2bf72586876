"""The reader, driven through Pilot: panel rows, mention jumps, related posts, history."""

from __future__ import annotations

import webbrowser

import pytest
from textual.widgets import OptionList

from tests.ui.conftest import SAMPLES, SEED, invented_article, screen_text, settle, until
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.library.store import Library
from tui.core.sources.load import read_source
from tui.ui.app import NewsdeskApp
from tui.ui.messages import Place
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.open_url import NoLinkScreen
from tui.ui.screens.reader import ReaderScreen
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.entity_panel import EntityList
from tui.ui.widgets.related_list import RelatedList


def _labels(app: NewsdeskApp, selector: str) -> list[str]:
    section = app.reader.query_one(selector, EntityList)
    return [entry.label for entry in section.entries]


def _prompts(app: NewsdeskApp, selector: str) -> list[str]:
    section = app.reader.query_one(selector, EntityList)
    return [str(section.get_option_at_index(i).prompt) for i in range(section.option_count)]


async def test_seed_fills_the_panel_with_companies_and_amounts(
    settings: Settings, analyser: Analyser
) -> None:
    app = NewsdeskApp(str(SEED), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader.article is not None and app.reader.article.entities is not None
        companies = _labels(app, "#companies")
        assert "Dassault Systèmes" in companies
        assert "France Télécom" in companies
        assert {"Thales", "Thalès"} & set(companies)
        amounts = _prompts(app, "#amounts")
        assert any(p.startswith("225 M€") and "EUR" in p for p in amounts), amounts
        assert any("millions d’euros" in p for p in amounts)
    with Library(settings.library_path) as library:
        saved = library.entries()
    assert [entry.companies > 0 for entry in saved] == [True], "the analysed seed is saved"


async def test_n_and_shift_n_jump_between_a_companys_mentions(
    settings: Settings, analyser: Analyser
) -> None:
    app = NewsdeskApp(str(SEED), settings, analyser=analyser)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.reader.query_one(ArticleView)
        companies = app.reader.query_one("#companies", EntityList)
        index = [e.label for e in companies.entries].index("Dassault Systèmes")
        spans = companies.entries[index].spans
        assert len(spans) >= 3
        companies.focus()
        companies.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert view.marks == sorted(spans)
        seen_rows = []
        for step, key in enumerate(["", "n", "n", "N", "N"]):
            if key:
                await pilot.press(key)
                await pilot.pause()
            expected = [0, 1, 2, 1, 0][step]
            assert view.current_mark == expected
            row = view.row_of_offset(view.marks[expected][0])
            assert view.is_row_visible(row), (step, row, view.scroll_y)
            seen_rows.append(row)
        last = view.marks[-1]
        for _ in range(len(spans)):
            await pilot.press("n")
        await pilot.pause()
        assert view.current_mark == 0, "n wraps round after the last mention"
        await pilot.press("N")
        await pilot.pause()
        assert view.marks[view.current_mark or 0] == last
        assert view.is_row_visible(view.row_of_offset(last[0]))
        assert view.scroll_y > 0, "the last mention is below the first screen"


async def test_related_post_opens_from_the_library_and_back_restores_scroll(
    settings: Settings, analyser: Analyser
) -> None:
    kestrel = read_source(str(SAMPLES / "kestrel-quarterly-results.html"), settings)
    nordlys = read_source(str(SAMPLES / "nordlys-leve-12-millions.md"), settings)
    with Library(settings.library_path) as library:
        library.save(kestrel)
        library.save(nordlys)
    app = NewsdeskApp(str(SAMPLES / "harbor-robotics-series-b.md"), settings, analyser=analyser)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = app.reader
        first = reader.article
        assert first is not None and first.title.startswith("Harbor Robotics")
        view = reader.query_one(ArticleView)
        assert view.max_scroll_y >= 3
        view.scroll_to(y=3, animate=False, immediate=True)
        related = reader.query_one(RelatedList)
        index = next(i for i, p in enumerate(related.posts) if "Kestrel" in p.title)
        related.focus()
        related.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert reader.article is not None and reader.article.title == kestrel.title
        assert view.scroll_y == 0
        await pilot.press("f")
        await pilot.pause()
        view.focus()
        await pilot.press("b")
        await settle(pilot)
        assert reader.article is not None and reader.article.title == first.title
        assert view.scroll_y == 3
        await pilot.press("alt+right")
        await settle(pilot)
        assert reader.article is not None and reader.article.title == kestrel.title
        await pilot.press("alt+left")
        await settle(pilot)
        index = next(i for i, p in enumerate(related.posts) if p.url and "nordlys" in p.url)
        related.focus()
        related.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert reader.article is not None and reader.article.title == nordlys.title


async def test_related_post_without_link_offers_a_library_search(
    settings: Settings, analyser: Analyser
) -> None:
    app = NewsdeskApp(str(SEED), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        related = app.reader.query_one(RelatedList)
        assert related.posts and related.posts[0].url is None
        title = related.posts[0].title
        related.focus()
        related.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, NoLinkScreen)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.library.query_one("#search").value == title  # type: ignore[attr-defined]


async def test_help_screen_lists_every_binding(settings: Settings, analyser: Analyser) -> None:
    app = NewsdeskApp(str(SEED), settings, analyser=analyser)
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        for words in (
            "Next mention",
            "Previous mention",
            "Back",
            "Forward",
            "Find",
            "Quit",
            "Open in browser",
            "Copy URL",
            "Refresh",
            "Library",
            "Top",
            "Bottom",
        ):
            assert words in shown, words
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Find")
        await settle(pilot)
        assert "Find" in screen_text(app), "the palette offers the reader's bindings"
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.query_one("#find").has_class("-shown")


async def test_find_marks_matches_and_open_dialog_opens_a_path(
    settings: Settings, analyser: Analyser
) -> None:
    app = NewsdeskApp(str(SEED), settings, analyser=analyser)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.reader.query_one(ArticleView)
        view.focus()
        await pilot.press("slash", *"andromède", "enter")
        await pilot.pause()
        assert len(view.marks) >= 4 and view.current_mark == 0
        view.scroll_to(y=2, animate=False, immediate=True)
        assert view.scroll_y == 2
        await pilot.press("r")
        await settle(pilot)
        assert app.reader.article is not None and app.reader.article.title.startswith("Le projet")
        assert view.scroll_y == 2, "refresh keeps the reading position"
        await pilot.press("u")
        await pilot.pause()
        await pilot.press(*str(SAMPLES / "nordlys-leve-12-millions.md"), "enter")
        await settle(pilot)
        assert app.reader.article is not None and "Nordlys" in app.reader.article.title


async def test_panel_moves_under_the_body_on_a_narrow_terminal(
    settings: Settings, analyser: Analyser
) -> None:
    place: Place
    with Library(settings.library_path) as library:
        place = Place(library_id=library.save(invented_article()))
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.open_place(place)
        await settle(pilot)
        assert app.reader.has_class("-narrow")
        body = app.reader.query_one(ArticleView).region
        panel = app.reader.query_one("#panel").region
        assert panel.y >= body.bottom and panel.width == body.width
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert not app.reader.has_class("-narrow")
        body = app.reader.query_one(ArticleView).region
        panel = app.reader.query_one("#panel").region
        assert panel.x >= body.right and panel.height == body.height


async def test_clicking_a_name_in_the_body_marks_its_mentions_and_y_copies(
    settings: Settings, analyser: Analyser, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_browser(using: str | None = None) -> webbrowser.BaseBrowser:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", no_browser)  # as on a machine without a browser
    article = invented_article()
    with Library(settings.library_path) as library:
        place = Place(library_id=library.save(article))
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.open_place(place)
        await settle(pilot)
        view = app.reader.query_one(ArticleView)
        fenwick = next(c for c in article.companies if c.name == "Fenwick Partners")
        start = fenwick.mentions[0].start
        row = view.row_of_offset(start)
        row_start = view.row_start(row)
        column = start - row_start
        top, left = view.styles.padding.top, view.styles.padding.left
        await pilot.click(
            ArticleView, offset=(left + 1 + column + 2, top + row - int(view.scroll_y))
        )
        await pilot.pause()
        assert view.marks == [(m.start, m.end) for m in fenwick.mentions]
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == article.url
        app.copy_to_clipboard("")
        await pilot.press("o")  # no browser here: the address is copied instead
        await settle(pilot)
        assert app.clipboard == article.url


async def test_the_narrow_panel_has_one_scrollbar_and_follows_the_highlight(
    settings: Settings, analyser: Analyser
) -> None:
    """The panel's lists are as tall as their rows: only the panel scrolls (no second
    scrollbar beside it), and moving in a list scrolls the panel to the row."""
    app = NewsdeskApp(str(SAMPLES / "harbor-robotics-series-b.md"), settings, analyser=analyser)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = app.reader.query_one("#panel")
        amounts = app.reader.query_one("#amounts", EntityList)
        assert panel.scroll_y == 0, "filling the lists leaves the panel at its top"
        amounts.focus()
        await pilot.press("G")

        def last_row_shown() -> bool:
            window = panel.scroll_y + panel.scrollable_content_region.height
            return panel.scroll_y > 0 and amounts.virtual_region.bottom <= window

        await until(pilot, last_row_shown, timeout=5.0)
        assert panel.show_vertical_scrollbar
        lists = app.reader.query(OptionList)
        assert not any(section.show_vertical_scrollbar for section in lists)
        await pilot.press("g")
        await until(pilot, lambda: panel.scroll_y <= amounts.virtual_region.y, timeout=5.0)
