"""Option lists that move with the vim keys too: j/k, g/G (Home/End are built in)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Offset, Region
from textual.widget import Widget
from textual.widgets import OptionList


class KeyList(OptionList):
    """An option list; an empty one (only a disabled "none" line) takes no Tab stop.

    In the side panel a list is as tall as its rows (see app.tcss), so the panel is the
    one thing that scrolls: moving the highlight scrolls the panel to show the row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    _rechecking = False
    """True while the highlight is shown again once laid out (no further re-check)."""

    def allow_focus(self) -> bool:
        return super().allow_focus() and any(not option.disabled for option in self.options)

    def on_focus(self) -> None:
        self.call_after_refresh(self.scroll_to_highlight)

    def scroll_to_region(self, region: Region, **options: Any) -> Offset:
        """Show `region` of the list (the highlighted row), scrolling the container too
        while the list has the focus (filling a list leaves the panel where it is)."""
        offset = super().scroll_to_region(region, **options)
        if self.has_focus:
            self._show_in_container(region)
            if not self._rechecking:
                self.call_after_refresh(self._show_highlight_again)
        return offset

    def _show_highlight_again(self) -> None:
        """Once laid out, show the highlighted row where it is now: the list may have just
        grown, or its rows wrapped to more lines when the panel's scrollbar narrowed it."""
        self._rechecking = True
        try:
            self.scroll_to_highlight()
        finally:
            self._rechecking = False

    def _show_in_container(self, region: Region) -> None:
        container = self.parent
        if self.has_focus and isinstance(container, Widget) and container.is_scrollable:
            inside = Offset(self.gutter.left, self.gutter.top) - self.scroll_offset
            container.scroll_to_region(
                region.translate(self.virtual_region.offset + inside), animate=False
            )
