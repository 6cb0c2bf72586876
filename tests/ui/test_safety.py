"""Article text is shown as text: markup and escape sequences change nothing on screen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.core.analysis_workers import missing_model, missing_model_warm
from tests.ui.conftest import SEED, run_in_terminal, screen_text, settle
from tui.config import Settings
from tui.core.background import Analyser
from tui.core.library.store import Library
from tui.core.model import Article, Company, Entities, Mention, RelatedPost
from tui.ui.app import NewsdeskApp
from tui.ui.messages import Place
from tui.ui.safe_text import clean
from tui.ui.widgets.entity_panel import EntityList, EntityPanel

HOSTILE_TITLE = "[bold red]Pwned[/] \x1b]0;PWNED-TITLE\x07 [link=https://evil.example]x[/link]"
HOSTILE_BODY = (
    "Plain words [bold]not bold[/bold] then \x1b[5mblink\x1b[0m and "
    "\x1b]8;;https://evil.example\x07a link\x1b]8;;\x07 and \u202eevil\u202c.\n\n"
    "[blink]Acme[/blink] said nothing."
)


def hostile_article() -> Article:
    start = HOSTILE_BODY.index("[blink]Acme")
    company = Company("[blink]Acme[/blink]", (Mention("[blink]Acme[/blink]", start, start + 19),))
    return Article(
        title=HOSTILE_TITLE,
        body=HOSTILE_BODY,
        url="https://evil.example/[bold]x[/bold]",
        source="https://evil.example/[bold]x[/bold]",
        lang="en",
        related=(RelatedPost("[reverse]Related[/reverse] \x1b[7m", None),),
        entities=Entities(companies=(company,)),
    )


def test_clean_replaces_controls_one_for_one() -> None:
    cleaned = clean(HOSTILE_BODY, keep_newlines=True)
    assert len(cleaned) == len(HOSTILE_BODY)
    assert not any(ord(c) < 32 and c != "\n" for c in cleaned)
    assert "\u202e" not in cleaned and "\x1b" not in cleaned and "␛" in cleaned


async def test_markup_and_escapes_in_an_article_show_literally(
    settings: Settings, analyser: Analyser
) -> None:
    with Library(settings.library_path) as library:
        place = Place(library_id=library.save(hostile_article()))
    app = NewsdeskApp(None, settings, analyser=analyser)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await app.open_place(place)
        await settle(pilot)
        shown = screen_text(app)
        for literal in (
            "[bold red]Pwned[/]",
            "[bold]not bold[/bold]",
            "[blink]Acme[/blink]",
            "[reverse]Related[/reverse]",
            "[link=https://evil.example]x[/link]",
        ):
            assert literal in shown, literal
        assert "␛]0;PWNED-TITLE" in shown
        assert "\x1b" not in shown and "\u202e" not in shown


async def test_analysis_failure_is_reported_and_the_app_stays_up(settings: Settings) -> None:
    broken = Analyser(worker=missing_model, warm_up=missing_model_warm)
    app = NewsdeskApp(str(SEED), settings, analyser=broken)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.is_running
        assert app.reader.stage == "failed"
        assert "Finding companies failed" in screen_text(app), "the panel says so"
        notices = [n.message for n in app._notifications]
        assert any("language model is missing" in m for m in notices), notices
        assert app.reader.query_one("#amounts", EntityList).option_count > 1, (
            "amounts need no model"
        )
        assert not app.reader.query_one(EntityPanel).has_class("-loading")
        await pilot.press("j")
        assert app.reader.article is not None
    broken.shutdown()


def test_no_escape_sequence_from_an_article_reaches_the_terminal(tmp_path: Path) -> None:
    page = tmp_path / "hostile.md"
    page.write_text(f"# {HOSTILE_TITLE}\n\n{HOSTILE_BODY}\n", encoding="utf-8")
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "NEWSDESK_HOME": str(tmp_path / "home"),
        "NEWSDESK_EXIT_AFTER_PAINT": "1",
    }
    output = run_in_terminal([sys.executable, "-m", "tui", str(page)], env, (120, 30))
    assert b"Plain" in output and b"PWNED" in output, output[-2000:]
    for sequence in (b"\x1b]0;PWNED", b"\x1b]8;;https://evil", b"\x1b[5m", b"\x1b[7m"):
        assert sequence not in output, sequence


async def test_a_missing_file_is_reported_and_the_app_stays_up(
    settings: Settings, analyser: Analyser, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-article.txt"
    app = NewsdeskApp(str(missing), settings, analyser=analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.is_running and app.reader.article is None
        shown = screen_text(app)
        assert "Could not open" in shown and "no such file" in shown
