"""The article body: a Line API view that knows which row every character is on.

Entities are highlighted by kind; a set of "marks" (the selected entity's mentions, or
find results) is cycled with `next_mark`/`previous_mark`, scrolling the mark into view.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
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
from tui.ui.safe_text import clean
from tui.ui.widgets.wrap import wrap_text

MAX_MEASURE = 100
"""Longest row of body text, in cells: long lines are hard to read on a wide terminal."""

MARGIN = 1
"""Blank cells left of the text."""

Span = tuple[int, int]


@dataclass(frozen=True)
class Highlight:
    """A span of the body drawn in the style of its kind (amount, company, ...)."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Row:
    """One screen row: a span of the body, or a header line with no body offsets."""

    start: int = -1
    end: int = -1
    header: Text | None = None


def highlights_for(entities: Entities, struck: Sequence[Span]) -> list[Highlight]:
    """Every highlighted span of an analysed body, struck spans first (drawn underneath)."""
    found = [Highlight(start, end, "struck") for start, end in struck]
    found += [Highlight(a.start, a.end, "amount") for a in entities.amounts]
    for company in entities.companies:
        found += [Highlight(m.start, m.end, "company") for m in company.mentions]
    for organisation in entities.organisations:
        found += [Highlight(m.start, m.end, "organisation") for m in organisation.mentions]
    return found


def mentions_at(entities: Entities, offset: int) -> list[Span]:
    """Every mention of the company or organisation named at body `offset`, if any."""
    groups = [c.mentions for c in entities.companies]
    groups += [o.mentions for o in entities.organisations]
    for mentions in groups:
        if any(m.start <= offset < m.end for m in mentions):
            return [(m.start, m.end) for m in mentions]
    return []


class ArticleView(ScrollView, can_focus=True):
    """Shows the title, the byline and the cleaned body of one article."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--title",
        "article-view--meta",
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

    class MentionClicked(Message):
        """The reader clicked on the body: `offset` is the body character under the mouse."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self._body = ""
        self._highlights: list[Highlight] = []
        self.marks: list[Span] = []
        self._rows: list[Row] = []
        self._row_starts: list[int] = []
        self._cache: dict[int, Strip] = {}
        self._wrapped_width = -1
        self._header_dirty = False

    # ---- content -------------------------------------------------------------------

    def show_article(self, article: Article) -> None:
        """Replace the content with `article`; highlights come later with `set_entities`."""
        self.article = article
        self._body = clean(article.body, keep_newlines=True)
        self._highlights = [Highlight(s, e, "struck") for s, e in article.struck]
        self.marks = []
        self.current_mark = None
        self._relayout(force=True)
        self.scroll_to(0, 0, animate=False, immediate=True)

    def set_entities(self, entities: Entities) -> None:
        """Highlight the amounts, companies and organisations of the shown article."""
        struck = self.article.struck if self.article else ()
        self._highlights = highlights_for(entities, struck)
        self._invalidate()

    def set_marks(self, spans: Sequence[Span]) -> None:
        """Mark these spans (an entity's mentions, find results) for n/N to cycle through."""
        self.marks = sorted(spans)
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

    def find(self, query: str) -> list[Span]:
        """Mark every case-insensitive occurrence of `query` in the body."""
        # Case-insensitive where lowering keeps offsets (it almost always does).
        haystack, needle = self._body.lower(), clean(query).lower()
        if len(haystack) != len(self._body):
            haystack, needle = self._body, clean(query)
        spans: list[Span] = []
        if needle:
            start = haystack.find(needle)
            while start >= 0:
                spans.append((start, start + len(needle)))
                start = haystack.find(needle, start + len(needle))
        self.set_marks(spans)
        return spans

    # ---- geometry ------------------------------------------------------------------

    def row_of_offset(self, offset: int) -> int:
        """The row on which body character `offset` is drawn."""
        if not self._row_starts:
            return 0
        index = bisect_right(self._row_starts, offset) - 1
        return self._first_body_row + max(0, index)

    def row_start(self, row: int) -> int:
        """The body offset at which `row` starts (-1 for a header row)."""
        return self._rows[row].start

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
        return len(self._rows)

    def _wrap_width(self) -> int:
        return max(10, min(MAX_MEASURE, self.scrollable_content_region.width - 2 * MARGIN))

    def _header_rows(self, width: int) -> list[Row]:
        article = self.article
        if article is None:
            return []
        title_style = self.get_component_rich_style("article-view--title")
        meta_style = self.get_component_rich_style("article-view--meta")
        header = [Text(clean(article.title or "(untitled)"), style=title_style)]
        byline = " · ".join(
            clean(v) for v in (article.site, article.published, article.author) if v
        )
        if byline:
            header.append(Text(byline, style=meta_style))
        if article.categories:
            header.append(Text(clean(" · ".join(article.categories)), style=meta_style))
        rows: list[Row] = []
        console = self.app.console
        for text in header:
            rows += [Row(header=line) for line in text.wrap(console, width)]
        return [*rows, Row(header=Text())]

    @property
    def _first_body_row(self) -> int:
        return len(self._rows) - len(self._row_starts)

    def _relayout(self, *, force: bool = False) -> None:
        width = self._wrap_width()
        if width == self._wrapped_width and not force:
            return
        keep = self._top_offset()
        self._wrapped_width = width
        spans = wrap_text(self._body, width) if self.article else []
        self._rows = self._header_rows(width) + [Row(s, e) for s, e in spans]
        self._row_starts = [s for s, _ in spans]
        self._cache.clear()
        self.virtual_size = Size(width + 2 * MARGIN, len(self._rows))
        if keep is not None and not force:
            self.scroll_to(y=self.row_of_offset(keep), animate=False, immediate=True)
        self.refresh()

    def _top_offset(self) -> int | None:
        top = round(self.scroll_y)
        if not self._row_starts or top <= self._first_body_row:
            return None
        row = self._rows[min(top, len(self._rows) - 1)]
        return row.start if row.header is None else None

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

    def _row_text(self, row: Row) -> Text:
        if row.header is not None:
            return row.header.copy()
        text = Text(self._body[row.start : row.end].rstrip())
        end = row.start + len(text)
        for light in self._highlights:
            if light.start < end and light.end > row.start:
                text.stylize(
                    self._style(light.kind), light.start - row.start, light.end - row.start
                )
        for index, (start, stop) in enumerate(self.marks):
            if start < end and stop > row.start:
                kind = "current" if index == self.current_mark else "mark"
                text.stylize(self._style(kind), start - row.start, stop - row.start)
        return text

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._rows):
            return Strip.blank(width, base)
        if self._header_dirty and self._wrapped_width > 0:
            self._header_dirty = False
            body_rows = self._rows[self._first_body_row :]
            self._rows = self._header_rows(self._wrapped_width) + body_rows
            self._cache.clear()
        strip = self._cache.get(index)
        if strip is None:
            text = Text(" " * MARGIN, style=base)
            text.append_text(self._row_text(self._rows[index]))
            text.stylize_before(base)
            strip = Strip(text.render(self.app.console))
            self._cache[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = round(self.scroll_y) + offset.y
        if not 0 <= index < len(self._rows) or self._rows[index].header is not None:
            return
        row = self._rows[index]
        column = offset.x + round(self.scroll_x) - MARGIN
        cells = 0
        for position in range(row.start, row.end):
            cells += cell_len(self._body[position])
            if cells > column:
                self.post_message(self.MentionClicked(position))
                return
