"""The reader's work: open an article, show it, save it, and analyse it in stages.

An open goes: body on screen (a large file shows its head first) → saved in the library
→ amounts and checks (no language model needed) → companies and organisations from the
analyser process, with progress on a long body. Leaving an article cancels its analysis;
a slow open shows its elapsed time and Escape stops it.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from rich.text import Text
from textual import work
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, get_current_worker

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.core.history import History
from tui.core.model import Article, Entities
from tui.ui import jobs
from tui.ui.analysis import AnalyserGate
from tui.ui.messages import Painted, Place
from tui.ui.safe_text import clean
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.entity_panel import EntityPanel

Result = TypeVar("Result")

MOUNT_TIMEOUT = 30.0
"""Seconds a reading thread waits for the screen to be mounted before giving up."""
FOOTER_DELAY = 0.3
"""Seconds after the panel before the footer and the find box are added."""
PROGRESS_SECONDS = 0.25
"""How often the panel shows the analysis's progress."""
AMOUNT_PIECE_CHARS = 50_000
"""Amounts of a long body are found a piece at a time (a few tens of ms each), so the
thread never holds the interpreter long and the first amounts show at once."""


def wait_unless_cancelled(future: Future[Result], worker: Worker[None]) -> Result | None:
    """From a thread worker: `future`'s result, or None once the worker is cancelled."""
    while True:
        try:
            return future.result(timeout=PROGRESS_SECONDS)
        except FutureTimeout:
            if worker.is_cancelled:
                future.cancel()
                return None


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


class ReadingScreen(Screen[None]):
    """Opens, shows, saves and analyses articles; `ReaderScreen` adds the keys."""

    def __init__(self, settings: Settings, gate: AnalyserGate) -> None:
        super().__init__()
        self.settings = settings
        self.gate = gate
        self.history: History[Place] = History()
        self.article: Article | None = None
        """The article on screen (with its entities once they are known)."""
        self.stage = "empty"
        """What the panel shows: empty, loading, amounts, entities (or failed)."""
        self.opening: Request | None = None
        """The open in progress, if any."""
        self._ready = threading.Event()
        """Set once mounted: the first article is read while the screen is being built,
        and the reading thread waits for this before handing the article over."""
        self._location = Text()
        self._panel: EntityPanel | None = None
        self._panel_mounting = False
        self._panel_jobs: list[Callable[[EntityPanel], object]] = []
        self._preview_for: Request | None = None
        self._opening_timer: Timer | None = None
        self._job: Any = None
        """The analyser's job for the article on screen (an `AnalysisJob`)."""
        self._note: str | None = None

    # ---- the screen's parts --------------------------------------------------------

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        self._ready.set()
        self._set_location(self._location)
        self._tick_while_opening()

    def _tick_while_opening(self) -> None:
        """While an open is in progress, the location shows its elapsed time."""
        if self.opening is not None and self._opening_timer is None and self._ready.is_set():
            self._opening_timer = self.set_interval(1.0, self._show_opening)

    def _painted(self, what: str) -> None:
        """Tell the app (and the benches) once `what` is on screen."""
        self._with_panel(
            lambda _: self.call_after_refresh(lambda: self.post_message(Painted(time.time(), what)))
        )

    def _after_paint(self) -> None:
        """Runs once the body is on screen: tell the app, then add what can wait."""
        self.post_message(Painted(time.time()))
        if not self._panel_mounting:
            self._panel_mounting = True
            self.call_later(self._mount_the_rest)

    async def _mount_the_rest(self) -> None:
        """The panel joins after the first paint; the find box and the footer after the
        panel's first content, so neither delays the amounts."""
        panel = EntityPanel(id="panel")
        await self.query_one("#reader-panes").mount(panel)
        self._panel = panel
        pending, self._panel_jobs = self._panel_jobs, []
        for job in pending:
            job(panel)
        self.set_timer(FOOTER_DELAY, self._mount_footer)

    async def _mount_footer(self) -> None:
        await self.mount(
            Input(placeholder="Find in the article (Enter; Escape closes)", id="find"),
            Footer(),
        )
        self.refresh_bindings()  # a footer mounted late shows the keys on the next update

    def _with_panel(self, job: Callable[[EntityPanel], object]) -> None:
        """Run `job` on the panel now, or as soon as it is mounted."""
        if self._panel is None:
            self._panel_jobs.append(job)
        else:
            job(self._panel)

    def _set_location(self, text: Text) -> None:
        self._location = text
        if self._ready.is_set():
            self.query_one("#location", Static).update(text)

    def _article_location(self) -> Text:
        article = self.article
        if article is None:
            return Text()
        return Text(clean(article.url or article.source or article.title), style="dim")

    # ---- opening -------------------------------------------------------------------

    def open(self, request: Request) -> None:
        """Start reading `request.place`; the article on screen stays until it is shown."""
        if self.opening is not None:
            self.opening.cancel.set()
        self.opening = request
        self._show_opening()
        self._tick_while_opening()
        self._load(request)

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
        if self._preview_for is request:
            self._redisplay_article()
        self.notify(f"Stopped opening {clean(request.place.describe())}.", markup=False)
        return True

    def _finish_opening(self) -> None:
        if self.opening is not None:
            self.opening.cancel.set()
        self.opening = None
        if self._opening_timer is not None:
            self._opening_timer.stop()
            self._opening_timer = None
        self._set_location(self._article_location())

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def _load(self, request: Request) -> None:
        worker = get_current_worker()
        if not request.refresh:
            head = jobs.preview(request.place, self.settings)
            if head is not None:
                self._hand_over(worker, request, self._show_preview, request, head)
        try:
            helper = self.gate.helper()
            if request.refresh and request.current is not None:
                current = request.current
                loaded = jobs.reread(request.place, current, self.settings, request.cancel, helper)
            else:
                loaded = jobs.load_place(request.place, self.settings, request.cancel, helper)
        except NewsdeskError as error:
            self._hand_over(worker, request, self._load_failed, request, str(error))
            return
        self._hand_over(worker, request, self._show, request, loaded)

    def _hand_over(
        self, worker: Worker[None], request: Request, callback: Callable[..., None], *args: Any
    ) -> None:
        """From the reading thread: run `callback` on the screen, unless the open is stale."""
        if not self._ready.wait(MOUNT_TIMEOUT) or worker.is_cancelled:
            return
        if not request.cancel.is_set():
            self.app.call_from_thread(callback, *args)

    def _show_preview(self, request: Request, head: Article) -> None:
        if self.opening is not request:
            return
        self._preview_for = request
        self.view.show_article(head)
        self.view.focus()
        self.call_after_refresh(self._after_paint)

    def _load_failed(self, request: Request, message: str) -> None:
        if self.opening is not request:
            return
        self._finish_opening()
        self.notify(message, title="Could not open", severity="error", markup=False)
        if self.article is not None:
            if self._preview_for is request:
                self._redisplay_article()
        else:
            what = clean(request.place.describe())
            self._set_location(Text(f"Could not open {what}"))
            self.view.show_message(
                f"Could not open {what}",
                f"{message}. u opens another file or URL; l shows the library.",
            )
            self.view.focus()
            self.stage = "failed"
            self._with_panel(lambda panel: panel.show_nothing("Nothing is open."))
        self.call_after_refresh(self._after_paint)

    def _show(self, request: Request, loaded: jobs.Loaded) -> None:
        if self.opening is not request:
            return
        self._finish_opening()
        self._leave_article()
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
                self.notify(notice, markup=False)
        if request.scroll:
            self.call_after_refresh(self.view.scroll_to, y=request.scroll, animate=False)
        self.call_after_refresh(self._after_paint)
        self._begin_analysis(request.place, loaded)
        self._index_siblings(loaded.article)

    @work(thread=True, exclusive=True, exit_on_error=False, group="siblings")
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

    # ---- analysing -----------------------------------------------------------------

    def _leave_article(self) -> None:
        """The article on screen is being replaced: its analysis is of no use any more."""
        self.stage = "empty"
        self.workers.cancel_group(self, "amounts")
        self.workers.cancel_group(self, "analysis")
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def _begin_analysis(self, place: Place, loaded: jobs.Loaded) -> None:
        article = loaded.article
        save = place.library_id is None
        self._note = None
        if not article.body.strip():
            self.stage = "entities"
            self._with_panel(lambda panel: panel.show_nothing("No text to analyse."))
            if save:
                self._store(article, place, look_up=False)
            return
        from tui.core.pipeline import analysed_part

        part, note = analysed_part(article.body, self.settings.analysis_limit)
        if note:
            self._note = f"Note: {note}; the rest is shown but not analysed."
            self.notify(self._note, markup=False)
        if loaded.cached is not None:
            self._entities_ready(article, loaded.cached, save=save)
            return
        self.stage = "loading"
        self._with_panel(lambda panel: panel.show_loading("Finding amounts…"))
        self._find_amounts(article, part)
        if save:
            self._store(article, place, look_up=True, part=part)
        else:
            self._look_up(article, part)

    @work(thread=True, exclusive=True, exit_on_error=False, group="amounts")
    def _find_amounts(self, article: Article, part: str) -> None:
        """Amounts and checks need no language model: they show right after the body.

        The first piece is read here; the rest of a long body in the helper process,
        so this thread never holds the interpreter for long."""
        from tui.core.background import amounts_in_worker
        from tui.core.entities.analyse import analyse_amounts
        from tui.core.pieces import cut_points, joined, shifted, struck_within

        worker = get_current_worker()
        cuts = cut_points(part, AMOUNT_PIECE_CHARS)
        end = cuts[0][1]
        first = analyse_amounts(part[:end], article.lang, struck_within(article.struck, 0, end))
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self._amounts_ready, article, first)
        if len(cuts) == 1:
            return
        rest = cuts[1][0]
        struck = struck_within(article.struck, rest, len(part))
        try:
            future = self.gate.helper().submit(
                amounts_in_worker, part[rest:], article.lang, struck, AMOUNT_PIECE_CHARS
            )
            more = wait_unless_cancelled(future, worker)
        except Exception:  # the helper process failed: the first amounts stay shown
            return
        if more is not None:
            found = joined([first, shifted(more, rest)])
            self.app.call_from_thread(self._amounts_ready, article, found)

    def _amounts_ready(self, article: Article, amounts: Entities) -> None:
        if self.article is not article or self.stage not in ("loading", "amounts"):
            return
        self.stage = "amounts"
        self.view.set_entities(amounts)
        waiting = self._waiting_text()
        self._with_panel(lambda panel: panel.show_amounts(article, amounts, waiting))
        self._painted("amounts")

    @work(thread=True, exit_on_error=False, group="store")
    def _store(self, article: Article, place: Place, *, look_up: bool, part: str = "") -> None:
        """Look for the article's entities in the library, then save it (as soon as it is
        open: leaving it, or quitting, before its panel fills loses nothing)."""
        if look_up:
            self._look_up_now(article, part)
        try:
            article_id = jobs.save_article(article, self.settings)
        except NewsdeskError as error:
            self.app.call_from_thread(
                self.notify, f"Not saved: {error}", severity="warning", markup=False
            )
        else:
            self.app.call_from_thread(self._saved, place, article_id)

    @work(thread=True, exit_on_error=False, group="store")
    def _look_up(self, article: Article, part: str) -> None:
        self._look_up_now(article, part)

    def _look_up_now(self, article: Article, part: str) -> None:
        """From a thread: entities the library holds for this body, else ask the analyser."""
        try:
            cached = jobs.cached_entities(article.body, self.settings)
        except NewsdeskError as error:
            message = f"The library cannot be read: {error}"
            self.app.call_from_thread(self.notify, message, severity="warning", markup=False)
            cached = None
        if cached is not None:
            self.app.call_from_thread(self._entities_ready, article, cached, save=False)
        else:
            self.app.call_from_thread(self._start_analysis, article, part)

    def _saved(self, place: Place, article_id: int) -> None:
        current = self.history.current
        if current is not None and current.place == place:
            self.history.replace_place(Place(library_id=article_id))

    def _start_analysis(self, article: Article, part: str) -> None:
        if self.article is article:
            self._analyse(article, part)

    @work(exclusive=True, exit_on_error=False, group="analysis")
    async def _analyse(self, article: Article, part: str) -> None:
        from tui.core.background import FOREGROUND

        analyser = await self.gate.get()
        struck = [(s, e) for s, e in article.struck if e <= len(part)]
        try:
            job = analyser.analyse(part, article.lang, struck, priority=FOREGROUND)
        except RuntimeError:  # shut down: the app is quitting
            return
        self._job = job
        self._report_progress()
        timer = self.set_interval(PROGRESS_SECONDS, self._report_progress)
        try:
            entities = await asyncio.wrap_future(job.future)
        except asyncio.CancelledError:
            job.cancel()
            raise
        except Exception as error:  # the worker process may fail in any way; say so
            self._analysis_failed(f"Finding companies failed: {error}")
            return
        finally:
            timer.stop()
            if self._job is job:
                self._job = None
        if self.article is article:
            self._entities_ready(article, entities, save=True)

    def _waiting_text(self, done: int = 0, total: int = 1) -> str:
        if not self.gate.ready:
            return "Loading the language model, then finding companies…"
        if total > 1:
            return f"Finding companies… {done} of {total} parts analysed"
        return "Finding companies and organisations…"

    def _report_progress(self) -> None:
        job = self._job
        if job is None or self.stage not in ("loading", "amounts"):
            return
        done, total = job.progress
        text = self._waiting_text(done, total)
        if self.stage == "loading":
            text = text.replace("finding companies", "finding amounts and companies")
        self._with_panel(lambda panel: panel.show_progress(text, done, total))

    def _analysis_failed(self, message: str) -> None:
        self.stage = "failed"
        self._with_panel(lambda panel: panel.show_failure(message))
        self.notify(message, severity="error", markup=False)

    def _entities_ready(self, article: Article, entities: Entities, *, save: bool) -> None:
        if self.article is not article:
            return
        article = replace(article, entities=entities)
        self.article = article
        self.stage = "entities"
        self.view.set_entities(entities)
        note = self._note
        self._with_panel(lambda panel: panel.show_entities(article, note))
        self._painted("entities")
        if save:
            place = self.history.current.place if self.history.current else Place()
            self._store(article, place, look_up=False)
