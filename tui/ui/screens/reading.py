"""The reader's opening work: read an article in a thread, show it, keep the history.

A large file shows its head first; a slow open shows its elapsed time and Escape stops it;
what happens once the article is shown (saving, analysing) is `AnalysingScreen`'s.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from rich.text import Text
from textual import work
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import Worker, get_current_worker

from tui.config import Settings
from tui.core.errors import FeedAddress, NewsdeskError
from tui.core.model import Article
from tui.ui import jobs
from tui.ui.analysis import AnalyserGate
from tui.ui.messages import FeedAddressOpened, Painted, Place
from tui.ui.safe_text import clean, sentence
from tui.ui.screens.analysing import PANEL_WAIT, AnalysingScreen
from tui.ui.waiting import run_abandonable
from tui.ui.widgets.article_view import ArticleView

MOUNT_TIMEOUT = 30.0
"""Seconds a reading thread waits for the screen to be mounted before giving up."""
FOOTER_DELAY = 0.4
"""Seconds after the first paint before the footer and the find box are added."""


@dataclass(frozen=True)
class Request:
    """One ask to open something, and how it enters the history."""

    place: Place
    remember: bool = True
    """Record it as a new stop of the history (not for back, forward or refresh)."""
    step: int = 0
    """-1 or +1: move the history cursor back or forward once it is shown."""
    scroll: float = 0.0
    refresh: bool = False
    current: Article | None = None
    """The article on screen when a refresh was asked for."""
    cancel: threading.Event = field(default_factory=threading.Event, compare=False)
    started: float = field(default_factory=time.monotonic, compare=False)


class ReadingScreen(AnalysingScreen):
    """Opens and shows articles, then has them analysed; `ReaderScreen` adds the keys."""

    def __init__(
        self,
        settings: Settings,
        gate: AnalyserGate,
        first: Place | None = None,
        read_ahead: Future[jobs.Loaded] | None = None,
    ) -> None:
        super().__init__(settings, gate)
        self._first = (first, read_ahead) if first and read_ahead else None
        """The source given on the command line, read while the app started, until it is
        shown (`open` shows it at once if it is read by then)."""
        self.opening: Request | None = None
        """The open in progress, if any."""
        self._ready = threading.Event()
        """Set once mounted: the first article is read while the screen is being built,
        and the reading thread waits for this before handing the article over."""
        self._location = Text()
        self._preview_for: Request | None = None
        self._opening_timer: Timer | None = None
        self._after_first_paint: Callable[[], None] | None = None
        self.unopened: Place | None = None
        """What failed to open, or was stopped, while no article was on screen: `r`
        tries it again."""

    # ---- the screen's parts --------------------------------------------------------

    def on_mount(self) -> None:
        self._ready.set()
        self._set_location(self._location)
        self._tick_while_opening()
        request = self.opening
        if request is not None and self._read_ahead_done(request):
            self._show_read_ahead(request)

    def _show_read_ahead(self, request: Request) -> None:
        """The first article is already read: show it before the screen's first paint."""
        try:
            loaded = self._take_first(request)
        except NewsdeskError as error:
            self._load_failed(request, error)
            return
        if loaded is not None:
            self._show(request, loaded)

    def _take_first(self, request: Request) -> jobs.Loaded | None:
        """The article read ahead, if `request` asks for it (it is handed out once)."""
        first = self._first
        if first is None or request.refresh or first[0] != request.place:
            return None
        self._first = None
        return first[1].result()

    def _tick_while_opening(self) -> None:
        """While an open is in progress, the location shows its elapsed time."""
        if self.opening is not None and self._opening_timer is None and self._ready.is_set():
            self._opening_timer = self.set_interval(1.0, self._show_opening)

    def on_article_view_drawn(self, event: ArticleView.Drawn) -> None:
        self._after_paint(event.when)

    def _after_paint(self, when: float) -> None:
        """Runs once the body is in a frame: tell the app, then add what can wait. The
        panel joins with the amounts, or after `PANEL_WAIT` if they take longer, so the
        amounts' frame is the panel's first."""
        self.post_message(Painted(when))
        if not self.body_painted:
            self.body_painted = True
            start, self._after_first_paint = self._after_first_paint, None
            if start is not None:
                start()
            if self.stage in ("amounts", "entities", "failed"):
                self._ensure_panel()  # its content is known already
            else:
                self.set_timer(PANEL_WAIT, self._ensure_panel)
            self.set_timer(FOOTER_DELAY, self._mount_footer)

    async def _mount_footer(self) -> None:
        from tui.ui.widgets.footer import KeyFooter

        await self.mount(KeyFooter())
        self.refresh_bindings()  # a footer mounted late shows the keys on the next update

    def _set_location(self, text: Text) -> None:
        self._location = text
        if self._ready.is_set():
            self.query_one("#location", Static).update(text)

    def _article_location(self) -> Text:
        article = self.article
        if article is None:
            return Text()
        where = article.url or article.source
        if not where or where.startswith("text:"):  # saved without a file or URL
            where = article.title
        return Text(clean(where), style="dim")

    # ---- opening -------------------------------------------------------------------

    def open(self, request: Request) -> None:
        """Start reading `request.place`; the article on screen stays until it is shown."""
        if self.opening is not None:
            self.opening.cancel.set()
        self.opening = request
        if self._ready.is_set() and self._read_ahead_done(request):
            self._show_read_ahead(request)  # in time for the screen's first paint
            return
        self._show_opening()
        self._tick_while_opening()
        self._load(request)

    def _read_ahead_done(self, request: Request) -> bool:
        first = self._first
        return first is not None and first[0] == request.place and first[1].done()

    def _show_opening(self) -> None:
        request = self.opening
        if request is None:
            return
        verb = "Reloading" if request.refresh else "Opening"
        text = Text(f"{verb} {clean(request.place.describe())}…")
        elapsed = time.monotonic() - request.started
        if elapsed >= 1.0:
            text.append(f" {elapsed:.0f} s · Esc cancels", style="dim")
        self._set_location(text)

    def stop_opening(self) -> bool:
        """Cancel the open in progress (Escape); False when there is none."""
        request = self.opening
        if request is None:
            return False
        self._finish_opening()
        self.workers.cancel_group(self, "load")
        what = clean(request.place.describe())
        if self.article is not None:
            if self._preview_for is request:
                self._redisplay_article()
        else:
            self.unopened = request.place
            self._nothing_open(f"Stopped opening {what}", "You stopped it (Escape); r tries again.")
        self.notify(f"Stopped opening {what}.", markup=False)
        return True

    def _nothing_open(self, title: str, reason: str) -> None:
        """No article to show: say why where the body goes."""
        self._set_location(Text(title))
        self.view.show_message(title, f"{reason} u opens a file or URL; l shows the library.")
        self.view.focus()
        self.stage = "failed"
        self._with_panel(lambda panel: panel.show_nothing("Nothing is open."))

    def _finish_opening(self) -> None:
        if self.opening is not None:
            self.opening.cancel.set()
        self.opening = None
        if self._opening_timer is not None:
            self._opening_timer.stop()
            self._opening_timer = None
        self._set_location(self._article_location())

    @work(thread=True, exclusive=True, exit_on_error=False, group="load", description="load")
    def _load(self, request: Request) -> None:
        worker = get_current_worker()
        if not request.refresh:
            head = jobs.preview(request.place, self.settings)
            if head is not None:
                self._hand_over(worker, request, self._show_preview, request, head)
        try:
            loaded = run_abandonable(lambda: self._read(request), worker, request.cancel)
        except NewsdeskError as error:
            self._hand_over(worker, request, self._load_failed, request, error)
            return
        if loaded is not None:
            self._hand_over(worker, request, self._show, request, loaded)

    def _read(self, request: Request) -> jobs.Loaded:
        """From a thread: the article `request` asks for (read again for a refresh)."""
        read_ahead = self._take_first(request)
        if read_ahead is not None:
            return read_ahead
        helper = self.gate.helper()
        if request.refresh and request.current is not None:
            return jobs.reread(
                request.place, request.current, self.settings, request.cancel, helper
            )
        return jobs.load_place(request.place, self.settings, request.cancel, helper)

    def _hand_over(
        self, worker: Worker[None], request: Request, callback: Callable[..., None], *args: Any
    ) -> None:
        """From the reading thread: run `callback` on the screen, unless the open is stale."""
        if not self._ready.wait(MOUNT_TIMEOUT) or worker.is_cancelled:
            return
        if not request.cancel.is_set():
            self.call_later(callback, *args)

    def _show_preview(self, request: Request, head: Article) -> None:
        if self.opening is not request:
            return
        self._preview_for = request
        self.view.show_article(head)
        self.view.focus()

    def _load_failed(self, request: Request, error: NewsdeskError) -> None:
        """Say why `request` failed; for a feed's address, the app offers to subscribe."""
        if self.opening is not request:
            return
        if isinstance(error, FeedAddress):
            self.post_message(FeedAddressOpened(error.url))
        message = str(error)
        self._finish_opening()
        self.notify(message, title="Could not open", severity="error", markup=False)
        if self.article is None:
            self.unopened = request.place
            what = f"Could not open {clean(request.place.describe())}"
            self._nothing_open(what, message.rstrip(".") + "; r tries again.")
            return
        if self._preview_for is request:
            self._redisplay_article()

    def _show(self, request: Request, loaded: jobs.Loaded) -> None:
        if self.opening is not request:
            return
        self._finish_opening()
        self._leave_article()
        self.unopened = None
        if request.step < 0:
            self.history.back()
        elif request.step > 0:
            self.history.forward()
        elif request.remember:
            self.history.visit(request.place)
        self.article = loaded.article
        self._set_location(self._article_location())
        self.view.show_article(loaded.article, keep_scroll=self._preview_for is request)
        self.view.focus()
        self._show_related_and_panel()
        for notice in (*loaded.article.notices, loaded.message):
            if notice:
                self.notify(sentence(notice), markup=False)
        if request.scroll:
            self.call_after_refresh(self.view.scroll_to, y=request.scroll, animate=False)
        elif request.place.mark is not None:
            self.call_after_refresh(self._open_at, request.place.mark)
        if self.body_painted:
            self._work_on(request.place, loaded)
        else:  # the first article: its threads would slow the first frame down
            self._after_first_paint = partial(self._work_on, request.place, loaded)

    def _open_at(self, span: tuple[int, int]) -> None:
        """Mark `span` (where the company page said the company is named) and scroll to it."""
        if self.article is not None and 0 <= span[0] < span[1] <= len(self.article.body):
            self.view.set_marks([span])
            self.view.next_mark()

    def _work_on(self, place: Place, loaded: jobs.Loaded) -> None:
        """What follows an article on screen: its analysis, and its folder's index."""
        self._begin_analysis(place, loaded)
        self._index_siblings(loaded.article)

    @work(
        thread=True, exclusive=True, exit_on_error=False, group="siblings", description="siblings"
    )
    def _index_siblings(self, article: Article) -> None:
        """The files next to a file just opened become findable as its related posts."""
        jobs.index_siblings(article, self.settings)

    def _show_related_and_panel(self) -> None:
        article = self.article
        if article is not None:
            self._with_panel(lambda panel: panel.scroll_home(animate=False))
            self._with_panel(lambda panel: panel.show_related(article))

    def _redisplay_article(self) -> None:
        """Show the current article again (a preview of another one was on screen)."""
        if self.article is None:
            return
        self.view.show_article(self.article)
        if self.article.entities is not None:
            self.view.set_entities(self.article.entities)
