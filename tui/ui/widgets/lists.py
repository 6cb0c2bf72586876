"""Option lists that move with the vim keys too: j/k, g/G (Home/End are built in)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class KeyList(OptionList):
    """An option list; an empty one (only a disabled "none" line) takes no Tab stop."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def allow_focus(self) -> bool:
        return super().allow_focus() and any(not option.disabled for option in self.options)
