"""The footer of every screen, compact on a narrow terminal so that more keys (`q`, `?`)
stay in view."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

COMPACT_BELOW = 100
"""Below this many columns the keys are drawn with less space around them."""


class KeyFooter(Footer):
    """A `Footer` that turns compact below `COMPACT_BELOW` columns."""

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW
