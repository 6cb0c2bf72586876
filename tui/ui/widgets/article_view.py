"""The article body: a Line API view that knows which row every character is on.

Only the rows on screen are drawn, and a long body is wrapped a batch of lines at a time
after the first screen is shown, so a body of several megabytes paints as fast as a short
one. Entities are highlighted by kind; a set of "marks" (the selected entity's mentions,
or find results) is cycled with `next_mark`, scrolling the mark into view.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Sequence
from operator import itemgetter
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.model import Article, Entities
from tui.ui.formatting import format_published
from tui.ui.safe_text import clean
from tui.ui.widgets.wrap import BodyLayout

MAX_MEASURE = 100
"""Longest row of body text, in cells: long lines are hard to read on a wide terminal."""

MARGIN = 1
"""Blank cells left of the text."""

FIRST_SCREEN_CHARS = 20_000
"""Characters wrapped before the first paint; the rest follows in batches."""
LAYOUT_BATCH_CHARS = 50_000
"""Characters wrapped per step afterwards: about 5 ms, so scrolling never waits."""
SIZE_UPDATE_SECONDS = 0.25
"""How often the scroll range grows while a long body is being wrapped."""

Span = tuple[int, int]


Highlight = tuple[int, int, str]
"""A span of the body and the kind it is drawn as (amount, company, ...)."""


def highlights_for(entities: Entities, struck: Sequence[Span]) -> list[Highlight]:
    """Every highlighted span of an analysed body, struck spans first (drawn underneath).

    Plain tuples: a long body has thousands, built on the event loop."""
    found = [(start, end, "struck") for start, end in struck]
    found += [(a.start, a.end, "amount") for a in entities.amounts]
    for company in entities.companies:
        found += [(m.start, m.end, "company") for m in company.mentions]
    for organisation in entities.organisations:
        found += [(m.start, m.end, "organisation") for m in organisation.mentions]
    return found


def mentions_at(entities: Entities, offset: int) -> list[Span]:
    """Every mention of the company or organisation named at body `offset`, if any."""
    groups = [c.mentions for c in entities.companies]
    groups += [o.mentions for o in entities.organisations]
    for mentions in groups:
        if any(m.start <= offset < m.end for m in mentions):
            return [(m.start, m.end) for m in mentions]
    return []


class SpanIndex:
    """Spans sorted by start, so the few that touch one row are found without a scan."""

    def __init__(self, spans: Sequence[Highlight]) -> None:
        self.spans = sorted(spans, key=itemgetter(0))
        self._starts = [span[0] for span in self.spans]
        self._longest = max((end - start for start, end, _ in self.spans), default=0)

    def touching(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The spans that overlap `[start, end)`, in order."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        return [span for span in self.spans[first:last] if span[1] > start]


class ArticleView(ScrollView, can_focus=True):
    """Shows the title, the byline and the cleaned body of one article."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--title",
        "article-view--meta",
        "article-view--message",
        "article-view--amount",
        "article-view--company",
        "article-view--organisation",
        "article-view--struck",
        "article-view--mark",
        "article-view--current",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
    ]
    """Reading keys: arrows and j/k, PageUp/PageDown and space, g/G for top and bottom."""

    current_mark: reactive[int | None] = reactive(None, init=False)
    """Index into `marks` of the mark last jumped to."""

    class Drawn(Message):
        """The content just shown went into a frame for the terminal at `when` (Unix time)."""

        def __init__(self, when: float) -> None:
            super().__init__()
            self.when = when

    class MentionClicked(Message):
        """The reader clicked on the body: `offset` is the body character under the mouse."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self._message: tuple[str, str] | None = None
        self._body = ""
        self._lights = SpanIndex([])
        self.marks: list[Span] = []
        self._mark_index = SpanIndex([])
        self._header: list[Text] = []
        self._layout = BodyLayout("", 1)
        self._cache: dict[int, Strip] = {}
        self._header_dirty = False
        self._layout_pending = False
        self._size_due = 0.0
        """When the virtual size may next follow a layout in progress (monotonic time)."""
        self._drawn_pending = False
        """True until the content last shown has been drawn (then `Drawn` is posted)."""

    # ---- content -------------------------------------------------------------------

    def show_article(self, article: Article, *, keep_scroll: bool = False) -> None:
        """Replace the content with `article`; highlights come later with `set_entities`."""
        scroll = self.scroll_y
        self.article = article
        self._message = None
        self._body = article.body
        self._lights = SpanIndex([(s, e, "struck") for s, e in article.struck])
        self.set_marks([])
        if not article.body.strip():
            self._message = (
                "This article has no text.",
                "The page holds only navigation, links or furniture, or its text could not "
                "be extracted. o opens it in the browser; u opens something else.",
            )
        self._relayout(force=True)
        self.scroll_to(0, scroll if keep_scroll else 0, animate=False, immediate=True)
        self._drawn_pending = True

    def show_message(self, title: str, detail: str) -> None:
        """Show a message where the body goes (nothing could be opened)."""
        self.article = None
        self._message = (title, detail)
        self._body = ""
        self._lights = SpanIndex([])
        self.set_marks([])
        self._relayout(force=True)
        self._drawn_pending = True

    def set_entities(self, entities: Entities) -> None:
        """Highlight the amounts, companies and organisations of the shown article."""
        struck = self.article.struck if self.article else ()
        self._lights = SpanIndex(highlights_for(entities, struck))
        self._invalidate()

    def set_marks(self, spans: Sequence[Span]) -> None:
        """Mark these spans (an entity's mentions, find results) for n/N to cycle through."""
        self.marks = sorted(spans)
        self._mark_index = SpanIndex([(s, e, str(i)) for i, (s, e) in enumerate(self.marks)])
        self.current_mark = None
        self._invalidate()

    def next_mark(self, step: int = 1) -> Span | None:
        """Jump to the next (or, with step -1, previous) mark and scroll it into view."""
        if not self.marks:
            return None
        if self.current_mark is None:
            index = 0 if step > 0 else len(self.marks) - 1
        else:
            index = (self.current_mark + step) % len(self.marks)
        self.current_mark = index
        span = self.marks[index]
        self.scroll_to_offset(span[0])
        return span

    @property
    def body(self) -> str:
        return self._body

    # ---- geometry ------------------------------------------------------------------

    def row_of_offset(self, offset: int) -> int:
        """The row on which body character `offset` is drawn."""
        row = self._layout.row_of(offset)
        self._sync_size()
        return len(self._header) + row

    def row_start(self, row: int) -> int:
        """The body offset at which `row` starts (-1 for a header row)."""
        index = row - len(self._header)
        return self._layout.starts[index] if 0 <= index < len(self._layout.starts) else -1

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that body character `offset` sits a third of the way down the view."""
        row = self.row_of_offset(offset)
        target = max(0, row - self.scrollable_content_region.height // 3)
        self.scroll_to(y=target, animate=False, immediate=True)

    def is_row_visible(self, row: int) -> bool:
        top = round(self.scroll_y)
        return top <= row < top + self.scrollable_content_region.height

    @property
    def row_count(self) -> int:
        return len(self._header) + len(self._layout.starts)

    @property
    def laid_out(self) -> bool:
        """True once every row of the body is known."""
        return self._layout.complete

    def _wrap_width(self) -> int:
        return max(10, min(MAX_MEASURE, self.scrollable_content_region.width - 2 * MARGIN))

    def _header_rows(self, width: int) -> list[Text]:
        title_style = self.get_component_rich_style("article-view--title")
        meta_style = self.get_component_rich_style("article-view--meta")
        message_style = self.get_component_rich_style("article-view--message")
        article = self.article
        header: list[Text] = []
        if article is not None:
            header.append(Text(clean(article.title or "(untitled)"), style=title_style))
            byline = " · ".join(
                clean(v)
                for v in (article.site, format_published(article.published or ""), article.author)
                if v
            )
            if byline:
                header.append(Text(byline, style=meta_style))
            if article.categories:
                header.append(Text(clean(" · ".join(article.categories)), style=meta_style))
        if self._message is not None:
            if header:
                header.append(Text())
            header.append(Text(clean(self._message[0]), style=message_style))
            header.append(Text(clean(self._message[1]), style=meta_style))
        rows: list[Text] = []
        console = self.app.console
        for text in header:
            rows += text.wrap(console, width) if text.plain else [text]
        return [*rows, Text()] if rows else rows

    def _relayout(self, *, force: bool = False) -> None:
        width = self._wrap_width()
        if width == self._layout.width and not force:
            return
        keep = self._top_offset()
        self._header = self._header_rows(width)
        self._layout = BodyLayout(self._body, width)
        self._layout.extend(FIRST_SCREEN_CHARS)
        self._cache.clear()
        if keep is not None and not force:
            self.scroll_to(y=self.row_of_offset(keep), animate=False, immediate=True)
        self._sync_size()
        self.refresh()

    def _sync_size(self, *, now: bool = True) -> None:
        """Match the virtual size to the rows known, and keep wrapping if there are more.

        While a long body is being wrapped, the size (and so the screen's layout) is
        updated every `SIZE_UPDATE_SECONDS` only: each update lays the whole screen out."""
        width = self._layout.width + 2 * MARGIN
        size = Size(width, self.row_count)
        due = now or self._layout.complete or time.monotonic() >= self._size_due
        if self.virtual_size != size and due:
            self.virtual_size = size
            self._size_due = time.monotonic() + SIZE_UPDATE_SECONDS
        if not self._layout.complete and not self._layout_pending:
            self._layout_pending = True
            self.set_timer(0.001, self._continue_layout)

    def _continue_layout(self) -> None:
        self._layout_pending = False
        self._layout.extend(LAYOUT_BATCH_CHARS)
        self._sync_size(now=False)

    def _top_offset(self) -> int | None:
        index = round(self.scroll_y) - len(self._header)
        if index <= 0 or index >= len(self._layout.starts):
            return None
        return self._layout.starts[index]

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._header_dirty = True
        self._cache.clear()

    def watch_current_mark(self) -> None:
        self._invalidate()

    # ---- rendering -----------------------------------------------------------------

    def _style(self, kind: str) -> Style:
        return self.get_component_rich_style(f"article-view--{kind}", partial=True)

    def _body_row(self, start: int, end: int) -> Text:
        text = Text(clean(self._body[start:end]).rstrip())
        end = start + len(text)
        for light_start, light_end, kind in self._lights.touching(start, end):
            text.stylize(self._style(kind), max(0, light_start - start), light_end - start)
        for mark_start, mark_end, index in self._mark_index.touching(start, end):
            kind = "current" if int(index) == self.current_mark else "mark"
            text.stylize(self._style(kind), max(0, mark_start - start), mark_end - start)
        return text

    def _row_text(self, index: int) -> Text:
        if index < len(self._header):
            return self._header[index].copy()
        row = index - len(self._header)
        return self._body_row(self._layout.starts[row], self._layout.ends[row])

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= self.row_count:
            return Strip.blank(width, base)
        if self._header_dirty:
            self._header_dirty = False
            self._header = self._header_rows(self._layout.width)
            self._cache.clear()
        if self._drawn_pending:
            self._drawn_pending = False
            self.post_message(self.Drawn(time.time()))
        strip = self._cache.get(index)
        if strip is None:
            text = Text(" " * MARGIN, style=base)
            text.append_text(self._row_text(index))
            text.stylize_before(base)
            strip = Strip(text.render(self.app.console))
            self._cache[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        start = self.row_start(round(self.scroll_y) + offset.y)
        if start < 0:
            return
        row = round(self.scroll_y) + offset.y - len(self._header)
        end = self._layout.ends[row]
        column = offset.x + round(self.scroll_x) - MARGIN
        cells = 0
        for position in range(start, end):
            cells += cell_len(clean(self._body[position]))
            if cells > column:
                self.post_message(self.MentionClicked(position))
                return
