"""Issue #11, the body: highlights cover their whole span across line wraps, `/` ignores
accents and apostrophe forms, and wrapping keeps rows within the width."""

from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot

from tests.ui.conftest import SEED, screen_text, settle
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.library.store import Library
from tui.core.model import Amount, Article, Entities
from tui.ui.app import NewsdeskApp
from tui.ui.find import find_spans
from tui.ui.messages import Place
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.wrap import wrap_text

AMOUNT = "12 millions d'euros"


def _article(padding: int) -> Article:
    body = "mot " * padding + f"Elle lève {AMOUNT} auprès de deux fonds. " + "Suite. " * 30
    start = body.index(AMOUNT)
    amount = Amount(AMOUNT, start, start + len(AMOUNT), 12e6, "EUR")
    return Article(
        title="Nordlys",
        body=body,
        source=f"/tests/wrap-{padding}",
        lang="fr",
        entities=Entities(amounts=(amount,)),
    )


def _styled_cells(view: ArticleView, row: int, kind: str) -> str:
    """The characters of `row` drawn with the background of `kind`."""
    wanted = view.get_component_rich_style(f"article-view--{kind}", partial=True).bgcolor
    strip = view.render_line(row - round(view.scroll_y))
    return "".join(s.text for s in strip if s.style is not None and s.style.bgcolor == wanted)


async def _open_wrapped(app: NewsdeskApp, pilot: Pilot[Any], settings: Settings) -> ArticleView:
    """Open the first test article in which the amount wraps onto a second row."""
    for padding in range(40):
        with Library(settings.library_path) as library:
            place = Place(library_id=library.save(_article(padding)))
        await app.open_place(place)
        await settle(pilot)
        view = app.reader.query_one(ArticleView)
        start = view.body.index(AMOUNT)
        if view.row_of_offset(start) != view.row_of_offset(start + len(AMOUNT) - 1):
            return view
    raise AssertionError("the amount never wrapped")


@pytest.mark.parametrize("width", [100, 120])
async def test_a_highlight_covers_its_whole_span_across_a_wrap(
    settings: Settings, analyser: Analyser, width: int
) -> None:
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        view = await _open_wrapped(app, pilot, settings)
        start = view.body.index(AMOUNT)
        first, second = view.row_of_offset(start), view.row_of_offset(start + len(AMOUNT) - 1)
        drawn = _styled_cells(view, first, "amount") + _styled_cells(view, second, "amount")
        assert drawn.replace(" ", "") == AMOUNT.replace(" ", "")
        view.set_marks([(start, start + len(AMOUNT))])
        view.next_mark()
        await pilot.pause()
        first = view.row_of_offset(start)
        marked = _styled_cells(view, first, "current") + _styled_cells(view, first + 1, "current")
        assert marked.replace(" ", "") == AMOUNT.replace(" ", ""), "a marked mention too"


async def test_find_ignores_accents_case_and_apostrophe_forms(
    settings: Settings, analyser: Analyser
) -> None:
    app = NewsdeskApp(str(SEED), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.reader.query_one(ArticleView)
        body = view.body
        await pilot.press("slash", *"thales", "enter")
        await settle(pilot)
        assert {body[s:e] for s, e in view.marks} >= {"Thalès"}
        await pilot.press("slash", *"l'interieur", "enter")
        await settle(pilot)
        assert [body[s:e] for s, e in view.marks] == ["l’intérieur"]


def test_find_folds_the_query_and_the_body_alike() -> None:
    body = "L’État et Thalès — 12\u202fmillions, THALES aussi."
    assert [body[s:e] for s, e in find_spans(body, "thales")] == ["Thalès", "THALES"]
    assert [body[s:e] for s, e in find_spans(body, "l'etat")] == ["L’État"]
    assert [body[s:e] for s, e in find_spans(body, "12 millions")] == ["12\u202fmillions"]
    assert find_spans(body, "   ") == []


@pytest.mark.parametrize("width", [10, 33, 80])
def test_wrapped_rows_cover_the_text_within_the_width(width: int) -> None:
    text = (
        "Plain words, then 日本語の見出し and emoji 😀😀 mixed in.\n\n"
        "A no-break space keeps 12\u00a0millions together; "
        + "averyveryverylongwordwithoutanyspaceatall "
        * 3
    )
    rows = wrap_text(text, width)
    assert "".join(text[s:e] for s, e in rows).replace("\n", "") == text.replace("\n", "")
    assert all(cell_len(text[s:e].rstrip(" ")) <= width for s, e in rows)
    if width >= 12:
        assert any("12\u00a0millions" in text[s:e] for s, e in rows)


async def test_a_timestamp_in_the_byline_reads_to_the_minute(
    settings: Settings, analyser: Analyser
) -> None:
    article = Article(
        title="Teh Saxxi",
        body="A short feed item.",
        source="https://moblog.example/teh-saxxi",
        site="AK's moblog",
        published="2006-12-20T21:42:06+00:00",
    )
    with Library(settings.library_path) as library:
        place = Place(library_id=library.save(article))
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.open_place(place)
        await settle(pilot)
        assert "AK's moblog · 2006-12-20 21:42" in screen_text(app)
        assert "21:42:06" not in screen_text(app)
