"""The analysis of the article on screen, in stages, and its saving.

Once an article is shown: it is saved in the library → amounts and checks (no language
model needed) → companies and organisations from the analyser process, with progress on a
long body. Leaving an article cancels its analysis. The panel joins after the first paint;
work for it waits in `_with_panel`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import work
from textual.screen import Screen
from textual.worker import get_current_worker

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.core.history import History
from tui.core.model import Article, Entities
from tui.ui import jobs
from tui.ui.analysis import AnalyserGate
from tui.ui.messages import Painted, Place
from tui.ui.waiting import wait_unless_cancelled
from tui.ui.widgets.article_view import ArticleView

if TYPE_CHECKING:  # the panel joins after the first paint, and its module with it
    from tui.ui.widgets.entity_panel import EntityPanel

PANEL_WAIT = 0.15
"""Seconds after the first paint the panel waits for the amounts before it shows anyway."""
PROGRESS_SECONDS = 0.25
"""How often the panel shows the analysis's progress."""
EARLY_WAIT = 5.0
"""Seconds the first amounts found since launch are waited for before they are found here."""


class AnalysingScreen(Screen[None]):
    """Saves and analyses the article on screen; `ReadingScreen` opens articles.

    Every worker here and in the reader has a `description`: without one, Textual builds
    it from the repr of the arguments, which for an article is its whole body (80 ms of
    the event loop for a body of megabytes)."""

    def __init__(self, settings: Settings, gate: AnalyserGate) -> None:
        super().__init__()
        self.settings = settings
        self.gate = gate
        self.history: History[Place] = History()
        """Where the reader has been; the current stop is the article on screen."""
        self.article: Article | None = None
        """The article on screen (with its entities once they are known)."""
        self.stage = "empty"
        """What the panel shows: empty, loading, amounts, entities (or failed)."""
        self._panel: EntityPanel | None = None
        self._panel_mounting = False
        self.body_painted = False
        """True once an article body (or what stands in for one) has been drawn."""
        self._panel_jobs: list[Callable[[EntityPanel], object]] = []
        self._job: Any = None
        """The analyser's job for the article on screen (an `AnalysisJob`)."""
        self._note: str | None = None

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def _ensure_panel(self) -> None:
        """Mount the panel (once), if the body has been painted: never before."""
        if self.body_painted and not self._panel_mounting:
            self._panel_mounting = True
            self.call_later(self._mount_panel)

    async def _mount_panel(self) -> None:
        from tui.ui.widgets.entity_panel import EntityPanel

        await self.query_one("#reader-panes").mount(EntityPanel(id="panel"))

    def on_entity_panel_ready(self, event: EntityPanel.Ready) -> None:
        """The panel and its sections exist: run what waited for them."""
        self._panel = event.panel
        pending, self._panel_jobs = self._panel_jobs, []
        for job in pending:
            job(event.panel)

    @property
    def panel_ready(self) -> bool:
        """True once the panel is mounted (it joins after the body's first paint)."""
        return self._panel is not None

    def _with_panel(self, job: Callable[[EntityPanel], object]) -> None:
        """Run `job` on the panel now, or as soon as it is mounted."""
        if self._panel is None:
            self._panel_jobs.append(job)
        else:
            job(self._panel)

    def _painted(self, what: str) -> None:
        """Tell the app (and the benches) once `what` is on screen in the panel (which
        shows now, if it waited for this)."""
        self._ensure_panel()
        self._with_panel(
            lambda _: self.call_after_refresh(lambda: self.post_message(Painted(time.time(), what)))
        )

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
        self._find_amounts(article, part, loaded.first_amounts)
        if save:
            self._store(article, place, look_up=True, part=part)
        else:
            self._look_up(article, part)

    @work(thread=True, exclusive=True, exit_on_error=False, group="amounts", description="amounts")
    def _find_amounts(
        self, article: Article, part: str, early: Future[Entities] | None = None
    ) -> None:
        """Amounts and checks need no language model: they show right after the body.

        The first piece is read here (or taken from `early`, found since launch); the
        rest of a long body in the helper process, so this thread never holds the
        interpreter for long."""
        from tui.core.pieces import (
            AMOUNT_PIECE_CHARS,
            cut_points,
            first_amounts,
            joined,
            shifted,
            struck_within,
        )

        worker = get_current_worker()
        cuts = cut_points(part, AMOUNT_PIECE_CHARS)
        first = _found_early(early)
        if first is None:
            first = first_amounts(part, article.lang, article.struck)
        if worker.is_cancelled:
            return
        self.call_later(self._amounts_ready, article, first)
        if len(cuts) == 1:
            return
        from tui.core.background import amounts_in_worker  # multiprocessing: only for this

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
            self.call_later(self._amounts_ready, article, found)

    def _amounts_ready(self, article: Article, amounts: Entities) -> None:
        if self.article is not article or self.stage not in ("loading", "amounts"):
            return
        self.stage = "amounts"
        self.view.set_entities(amounts)
        waiting = self._waiting_text()
        self._with_panel(lambda panel: panel.show_amounts(article, amounts, waiting))
        self._painted("amounts")

    @work(thread=True, exit_on_error=False, group="store", description="store")
    def _store(self, article: Article, place: Place, *, look_up: bool, part: str = "") -> None:
        """Look for the article's entities in the library, then save it (as soon as it is
        open: leaving it, or quitting, before its panel fills loses nothing)."""
        if look_up:
            self._look_up_now(article, part)
        try:
            article_id = jobs.save_article(article, self.settings)
        except NewsdeskError as error:
            self.call_later(self.notify, f"Not saved: {error}", severity="warning", markup=False)
        else:
            self.call_later(self._saved, place, article_id)

    @work(thread=True, exit_on_error=False, group="store", description="store")
    def _look_up(self, article: Article, part: str) -> None:
        self._look_up_now(article, part)

    def _look_up_now(self, article: Article, part: str) -> None:
        """From a thread: entities the library holds for this body, else ask the analyser."""
        try:
            cached = jobs.cached_entities(article.body, self.settings)
        except NewsdeskError as error:
            message = f"The library cannot be read: {error}"
            self.call_later(self.notify, message, severity="warning", markup=False)
            cached = None
        if cached is not None:
            self.call_later(self._entities_ready, article, cached, save=False)
        else:
            self.call_later(self._start_analysis, article, part)

    def _saved(self, place: Place, article_id: int) -> None:
        current = self.history.current
        if current is not None and current.place == place:
            self.history.replace_place(Place(library_id=article_id))

    def _start_analysis(self, article: Article, part: str) -> None:
        if self.article is article:
            self._analyse(article, part)

    @work(exclusive=True, exit_on_error=False, group="analysis", description="analysis")
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


def _found_early(early: Future[Entities] | None) -> Entities | None:
    """The first amounts found since launch; None when there are none or they failed
    (they are then found here)."""
    if early is None:
        return None
    try:
        return early.result(timeout=EARLY_WAIT)
    except Exception:
        return None
