"""The reader: one article's body, its entity panel and related posts, with history.

Every way of opening an article (a path, a URL, a library entry, a related post, back
and forward) goes through `visit`, which records the place in the history and starts
the load worker. The widgets only post messages; this screen decides what happens.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.core.history import History
from tui.core.model import Article, Entities, RelatedPost
from tui.core.sources.fetch import FeedAddress
from tui.core.sources.load import is_url
from tui.ui import jobs
from tui.ui.analysis import AnalyserGate
from tui.ui.messages import FeedAddressOpened, Open, Painted, Place, ShowLibrary
from tui.ui.safe_text import clean
from tui.ui.screens.open_url import NoLinkScreen, OpenUrlScreen
from tui.ui.widgets.article_view import ArticleView, mentions_at
from tui.ui.widgets.entity_panel import EntityPanel
from tui.ui.widgets.related_list import RelatedList

MOUNT_TIMEOUT = 30.0
"""Seconds a reading thread waits for the screen to be mounted before giving up."""

NARROW_WIDTH = 110
"""Below this many columns the panel moves under the body."""


class ReaderScreen(Screen[None]):
    """Shows one article at a time and remembers the ones read before it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_mark", "Next mention"),
        Binding("N", "previous_mark", "Previous mention", show=False),
        Binding("slash", "find", "Find"),
        Binding("b,backspace,alt+left", "back", "Back"),
        Binding("f,alt+right", "forward", "Forward", show=False),
        Binding("o", "open_browser", "Open in browser", show=False),
        Binding("u,ctrl+l", "open_location", "Open"),
        Binding("y", "copy_location", "Copy URL", show=False),
        Binding("r", "refresh", "Refresh", show=False),
        Binding("l", "library", "Library"),
        Binding("tab", "app.focus_next", "Next pane", show=False),
        Binding("escape", "clear", "Clear marks", show=False),
    ]
    """Reader keys; the body's own scrolling keys are on `ArticleView`."""

    narrow: reactive[bool] = reactive(False)
    """True on a narrow terminal: the panel sits under the body."""

    def __init__(self, settings: Settings, gate: AnalyserGate) -> None:
        super().__init__()
        self.settings = settings
        self.gate = gate
        self.history: History[Place] = History()
        self.article: Article | None = None
        self._ready = threading.Event()
        """Set once mounted: the first article is read while the screen is being built,
        and the reading thread waits for this before handing the article over."""
        self._location = Text()
        self._panel: EntityPanel | None = None
        self._panel_mounting = False
        self._panel_jobs: list[Callable[[EntityPanel], object]] = []

    def on_mount(self) -> None:
        self._ready.set()
        self._set_location(self._location)

    def _after_paint(self) -> None:
        """Runs once the body is on screen: tell the app, then build the panel."""
        self.post_message(Painted(time.time()))
        if not self._panel_mounting:
            self._panel_mounting = True
            self.call_later(self._mount_panel)

    async def _mount_panel(self) -> None:
        """The panel joins after the first paint: the body must not wait for it."""
        panel = EntityPanel(id="panel")
        await self.query_one("#reader-panes").mount(panel)
        self._panel = panel
        pending, self._panel_jobs = self._panel_jobs, []
        for job in pending:
            job(panel)

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

    def compose(self) -> ComposeResult:
        yield Static(id="location")
        with Horizontal(id="reader-panes"):
            yield ArticleView(id="article")
        yield Input(placeholder="Find in the article (Enter; Escape closes)", id="find")
        yield Footer()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_resize(self, event: Resize) -> None:
        self.narrow = event.size.width < NARROW_WIDTH

    def watch_narrow(self, narrow: bool) -> None:
        self.set_class(narrow, "-narrow")

    # ---- navigation ----------------------------------------------------------------

    def visit(self, place: Place, *, remember: bool = True, scroll: float = 0.0) -> None:
        """Open `place`; every navigation in the reader comes through here."""
        if remember:
            if self.article is not None:
                self.history.remember_scroll(self.view.scroll_y)
            self.history.visit(place)
        self._set_location(Text(f"Opening {clean(place.describe())}…"))
        self._load(place, scroll)

    def action_back(self) -> None:
        self._step(self.history.back, "This is the first article of the session.")

    def action_forward(self) -> None:
        self._step(self.history.forward, "There is no later article to go forward to.")

    def _step(self, move: Callable[[], object], empty: str) -> None:
        scroll = self.view.scroll_y
        self.history.remember_scroll(scroll)
        stop = move()
        current = self.history.current
        if stop is None or current is None:
            self.notify(empty, markup=False)
            return
        self.visit(current.place, remember=False, scroll=current.scroll)

    # ---- loading -------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def _load(self, place: Place, scroll: float, refresh: bool = False) -> None:
        worker = get_current_worker()
        try:
            if refresh and self.article is not None:
                loaded = jobs.reread(place, self.article, self.settings)
            else:
                loaded = jobs.load_place(place, self.settings)
        except NewsdeskError as error:
            if self._ready.wait(MOUNT_TIMEOUT) and not worker.is_cancelled:
                self.app.call_from_thread(self._load_failed, place, str(error))
                if isinstance(error, FeedAddress):  # the app offers to subscribe
                    self.app.call_from_thread(self.post_message, FeedAddressOpened(error.url))
            return
        if self._ready.wait(MOUNT_TIMEOUT) and not worker.is_cancelled:
            self.app.call_from_thread(self._show, loaded, scroll)

    def _load_failed(self, place: Place, message: str) -> None:
        self.query_one("#location", Static).update(
            Text(f"Could not open {clean(place.describe())}")
        )
        self.notify(message, title="Could not open", severity="error", markup=False)
        self.call_after_refresh(self._after_paint)
        if self.article is None:
            self._with_panel(lambda panel: panel.show_failure(message))

    def _show(self, loaded: jobs.Loaded, scroll: float) -> None:
        article = loaded.article
        self.article = article
        self._set_location(
            Text(clean(article.url or article.source or loaded.place.describe()), style="dim")
        )
        self.view.show_article(article)
        self._with_panel(lambda panel: panel.scroll_home(animate=False))
        self._with_panel(lambda panel: panel.show_related(article))
        for notice in article.notices:
            self.notify(notice, markup=False)
        if scroll:
            self.call_after_refresh(self.view.scroll_to, y=scroll, animate=False)
        self.call_after_refresh(self._after_paint)
        if loaded.cached is not None:
            self._entities_ready(article, loaded.cached, save=loaded.place.library_id is None)
            return
        self._with_panel(lambda panel: panel.show_loading("Looking for amounts and companies…"))
        self._find_entities(article)

    @work(thread=True, exclusive=True, exit_on_error=False, group="cached-entities")
    def _find_entities(self, article: Article) -> None:
        """Entities cached in the library for this body, else a job for the analyser."""
        worker = get_current_worker()
        try:
            cached = jobs.cached_entities(article.body, self.settings)
        except NewsdeskError as error:
            self.app.call_from_thread(
                self.notify, f"The library cannot be read: {error}", severity="warning"
            )
            cached = None
        if worker.is_cancelled:
            return
        if cached is not None:
            self.app.call_from_thread(self._entities_ready, article, cached, save=True)
        else:
            self.app.call_from_thread(self._start_analysis, article)

    def _start_analysis(self, article: Article) -> None:
        if self.article is not article:
            return
        waiting = "Finding amounts and companies…"
        if not self.gate.ready:
            waiting = "Loading the language model, then finding amounts and companies…"
        self._with_panel(lambda panel: panel.show_loading(waiting))
        self._analyse(article)

    @work(exclusive=True, exit_on_error=False, group="analyse")
    async def _analyse(self, article: Article) -> None:
        analyser = await self.gate.get()
        future = analyser.submit(article.body, article.lang, article.struck)
        try:
            entities = await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()
            raise
        except Exception as error:  # the worker process may fail in any way; say so
            message = f"Finding amounts and companies failed: {error}"
            self._with_panel(lambda panel: panel.show_failure(message))
            self.notify(message, severity="error", markup=False)
            return
        if self.article is article:
            self._entities_ready(article, entities, save=True)

    def _entities_ready(self, article: Article, entities: Entities, *, save: bool) -> None:
        article = replace(article, entities=entities)
        self.article = article
        self.view.set_entities(entities)
        self._with_panel(lambda panel: panel.show_entities(article))
        if save:
            self._save(article, self.history.current.place if self.history.current else None)

    @work(thread=True, exit_on_error=False, group="save")
    def _save(self, article: Article, place: Place | None) -> None:
        try:
            article_id = jobs.save_article(article, self.settings)
        except NewsdeskError as error:
            self.app.call_from_thread(
                self.notify, f"Not saved: {error}", severity="warning", markup=False
            )
            return
        self.app.call_from_thread(self._saved, place, article_id)

    def _saved(self, place: Place | None, article_id: int) -> None:
        current = self.history.current
        if place is not None and current is not None and current.place == place:
            self.history.replace_place(Place(library_id=article_id))

    # ---- panel and body ------------------------------------------------------------

    @on(EntityPanel.Selected)
    def _entity_selected(self, event: EntityPanel.Selected) -> None:
        self.view.set_marks(event.entry.spans)
        if event.jump:
            self.view.next_mark()

    @on(ArticleView.MentionClicked)
    def _mention_clicked(self, event: ArticleView.MentionClicked) -> None:
        entities = self.article.entities if self.article else None
        spans = mentions_at(entities, event.offset) if entities else []
        if spans:
            self.view.set_marks(spans)

    def action_next_mark(self) -> None:
        self._jump(1)

    def action_previous_mark(self) -> None:
        self._jump(-1)

    def _jump(self, step: int) -> None:
        if self.view.next_mark(step) is None:
            self.notify("Select a company or amount in the panel, or press / to find.")

    def action_find(self) -> None:
        find = self.query_one("#find", Input)
        find.add_class("-shown")
        find.focus()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        spans = self.view.find(event.value)
        event.input.remove_class("-shown")
        self.view.focus()
        if not spans:
            self.notify(f"Not found: {event.value}", markup=False)
            return
        self.view.next_mark()
        self.notify(f"{len(spans)} found; n and N move between them.", markup=False)

    def action_clear(self) -> None:
        find = self.query_one("#find", Input)
        if find.has_class("-shown"):
            find.remove_class("-shown")
            self.view.focus()
            return
        self.view.set_marks([])

    # ---- related posts -------------------------------------------------------------

    @on(RelatedList.Chosen)
    def _related_chosen(self, event: RelatedList.Chosen) -> None:
        base = self.article.url if self.article else None
        self._resolve_related(event.post, base)

    @work(thread=True, exclusive=True, exit_on_error=False, group="related")
    def _resolve_related(self, post: RelatedPost, base: str | None) -> None:
        try:
            place = jobs.resolve_related(post, base, self.settings)
        except NewsdeskError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        if place is None:
            self.app.call_from_thread(self._no_link, post.title)
        else:
            self.app.call_from_thread(self.visit, place)

    def _no_link(self, title: str) -> None:
        def answered(search: bool | None) -> None:
            if search:
                self.post_message(ShowLibrary(title))

        self.app.push_screen(NoLinkScreen(title), answered)

    # ---- the article's location ----------------------------------------------------

    def action_open_location(self) -> None:
        def answered(location: str | None) -> None:
            if location:
                self.post_message(Open(Place(source=location)))

        self.app.push_screen(OpenUrlScreen(), answered)

    def action_open_browser(self) -> None:
        url = self.article.url if self.article else None
        if not url or not is_url(url):
            self.notify("This article has no web address to open.", markup=False)
            return
        self._browse(url)

    @work(thread=True, exit_on_error=False, group="browser")
    def _browse(self, url: str) -> None:
        if not jobs.open_in_browser(url):
            self.app.call_from_thread(self._no_browser, url)

    def _no_browser(self, url: str) -> None:
        self.app.copy_to_clipboard(url)
        self.notify("No graphical web browser found; the address is copied instead.")

    def action_copy_location(self) -> None:
        location = (self.article.url or self.article.source) if self.article else None
        if not location:
            self.notify("This article has no address to copy.", markup=False)
            return
        self.app.copy_to_clipboard(location)
        self.notify(f"Copied {clean(location)}", markup=False)

    def action_refresh(self) -> None:
        current = self.history.current
        if current is None:
            return
        self._set_location(Text("Reloading…"))
        self._load(current.place, self.view.scroll_y, refresh=True)

    def action_library(self) -> None:
        self.post_message(ShowLibrary())
