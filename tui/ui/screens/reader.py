"""The reader: one article's body, its entity panel and related posts, with history.

Every way of opening an article (a path, a URL, a library entry, a related post, back
and forward) goes through `visit` or `_step`, which ask `open` (in `ReadingScreen`) for
it; the history moves once the article is on screen. The widgets only post messages;
this screen decides what happens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import Static

from tui.core.errors import NewsdeskError
from tui.core.model import RelatedPost
from tui.ui import jobs
from tui.ui.messages import Open, OpenNeighbour, Place, ShowLibrary
from tui.ui.safe_text import clean
from tui.ui.screens.reading import ReadingScreen, Request
from tui.ui.widgets.article_view import ArticleView, mentions_at

if TYPE_CHECKING:  # the panel and the dialogs are imported when first needed
    from textual.widgets import Input

    from tui.ui.widgets.entity_panel import EntityPanel
    from tui.ui.widgets.related_list import RelatedList

NARROW_WIDTH = 110
"""Below this many columns the panel moves under the body."""


class ReaderScreen(ReadingScreen):
    """Shows one article at a time and remembers the ones read before it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_mark", "Next mention"),
        Binding("N", "previous_mark", "Previous mention", show=False),
        Binding("slash", "find", "Find"),
        Binding("b,backspace,alt+left", "back", "Back"),
        Binding("f,alt+right", "forward", "Forward", show=False),
        Binding(
            "right_square_bracket,J", "next_article", "Next article (library order)", show=False
        ),
        Binding(
            "left_square_bracket,K",
            "previous_article",
            "Previous article (library order)",
            show=False,
        ),
        Binding("o", "open_browser", "Open in browser", show=False),
        Binding("u,ctrl+l", "open_location", "Open"),
        Binding("y", "copy_location", "Copy URL", show=False),
        Binding("r", "refresh", "Refresh", show=False),
        Binding("l,q", "library", "Library"),
        Binding("tab", "app.focus_next", "Next pane", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False),
        Binding(
            "escape", "escape", "Close find / stop opening / clear marks / library", show=False
        ),
    ]
    """Reader keys; the body's own scrolling keys are on `ArticleView`."""

    narrow: reactive[bool] = reactive(False)
    """True on a narrow terminal: the panel sits under the body."""

    def compose(self) -> ComposeResult:
        yield Static(id="location")
        with Horizontal(id="reader-panes"):
            yield ArticleView(id="article")

    def on_resize(self, event: Resize) -> None:
        self.narrow = event.size.width < NARROW_WIDTH

    def watch_narrow(self, narrow: bool) -> None:
        self.set_class(narrow, "-narrow")

    # ---- navigation ----------------------------------------------------------------

    def visit(self, place: Place) -> None:
        """Open `place` as a new stop of the history; every open in the reader comes here."""
        self._remember_scroll()
        self.open(Request(place))

    def _remember_scroll(self) -> None:
        if self.article is not None:
            self.history.remember_scroll(self.view.scroll_y)

    def action_back(self) -> None:
        self._step(-1, "This is the first article of the session.")

    def action_forward(self) -> None:
        self._step(1, "There is no later article to go forward to.")

    def _step(self, step: int, empty: str) -> None:
        target = self.history.peek(step)
        if target is None:
            self.notify(empty, markup=False)
            return
        self._remember_scroll()
        self.open(Request(target.place, remember=False, step=step, scroll=target.scroll))

    def action_refresh(self) -> None:
        current = self.history.current
        if current is None or self.article is None:
            if self.unopened is not None:
                self.visit(self.unopened)
            else:
                self.notify("Nothing to read again: u opens a file or URL.", markup=False)
            return
        place, scroll = current.place, self.view.scroll_y
        self.open(Request(place, remember=False, scroll=scroll, refresh=True, current=self.article))

    def action_next_article(self) -> None:
        self._neighbour(1)

    def action_previous_article(self) -> None:
        self._neighbour(-1)

    def _neighbour(self, step: int) -> None:
        current = self.history.current
        self.post_message(OpenNeighbour(step, current.place.library_id if current else None))

    def action_library(self) -> None:
        self.post_message(ShowLibrary())

    def action_escape(self) -> None:
        """One level back at a time: the find box, an open in progress, the marks, then
        the library."""
        finds = self.query("#find")
        if finds and finds.first().has_class("-shown"):
            finds.first().remove_class("-shown")
            self.view.focus()
        elif self.stop_opening():
            return
        elif self.view.marks:
            self.view.set_marks([])
        else:
            self.action_library()

    # ---- panel and body ------------------------------------------------------------

    def on_entity_panel_selected(self, event: EntityPanel.Selected) -> None:
        self.view.set_marks(event.entry.spans)
        if event.jump:
            self.view.next_mark()

    def on_article_view_mention_clicked(self, event: ArticleView.MentionClicked) -> None:
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

    async def action_find(self) -> None:
        if not self.query("#find"):  # the find box is built the first time it is needed
            from textual.widgets import Input

            placeholder = "Find in the article (Enter; Escape closes)"
            await self.mount(Input(placeholder=placeholder, id="find"))
        find = self.query_one("#find")
        find.add_class("-shown")
        self.set_focus(find)  # at once: keys typed right after `/` go to the find box

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "find":
            return
        event.input.remove_class("-shown")
        self.view.focus()
        self._find(event.value, self.view.body)

    @work(thread=True, exclusive=True, exit_on_error=False, group="find", description="find")
    def _find(self, query: str, body: str) -> None:
        """Matches ignoring case, accents and apostrophe forms (a long body takes a while)."""
        from tui.ui.find import find_spans

        spans = find_spans(body, query)
        self.call_later(self._found, query, body, spans)

    def _found(self, query: str, body: str, spans: list[tuple[int, int]]) -> None:
        if body is not self.view.body:
            return
        self.view.set_marks(spans)
        if not spans:
            self.notify(f"Not found: {clean(query)}", markup=False)
            return
        self.view.next_mark()
        self.notify(f"{len(spans)} found; n and N move between them.", markup=False)

    # ---- related posts -------------------------------------------------------------

    def on_related_list_chosen(self, event: RelatedList.Chosen) -> None:
        if self.article is not None:
            self._resolve_related(event.post)

    @work(thread=True, exclusive=True, exit_on_error=False, group="related", description="related")
    def _resolve_related(self, post: RelatedPost) -> None:
        article = self.article
        if article is None:
            return
        try:
            place = jobs.resolve_related(post, article, self.settings)
        except NewsdeskError as error:
            self.call_later(self.notify, str(error), severity="error", markup=False)
            return
        if place is None:
            self.call_later(self._no_link, post.title)
        else:
            self.call_later(self.visit, place)

    def _no_link(self, title: str) -> None:
        from tui.ui.screens.open_url import NoLinkScreen

        def answered(search: bool | None) -> None:
            if search:
                self.post_message(ShowLibrary(title))

        self.app.push_screen(NoLinkScreen(title), answered)

    # ---- the article's location ----------------------------------------------------

    def action_open_location(self) -> None:
        from tui.ui.screens.open_url import OpenUrlScreen

        def answered(location: str | None) -> None:
            if location:
                self.post_message(Open(Place(source=location)))

        self.app.push_screen(OpenUrlScreen(), answered)

    def action_open_browser(self) -> None:
        url = self.article.url if self.article else None
        if not url or not jobs.is_url(url):
            self.notify("This article has no web address to open.", markup=False)
            return
        self._browse(url)

    @work(thread=True, exit_on_error=False, group="browser", description="browser")
    def _browse(self, url: str) -> None:
        if not jobs.open_in_browser(url):
            self.call_later(self._no_browser, url)

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
