"""The offer made when the reader is asked to open a feed's address: subscribe to it.

The reader posts `FeedAddressOpened`; the app shows this dialog, and Enter subscribes (the
feed list does the work, as for `a`) and shows the feed's items.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.safe_text import clean


class SubscribeOfferScreen(ModalScreen[bool]):
    """ "This is a feed: subscribe?" Enter (or `y`) says yes, Escape (or `n`) no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,y", "answer(True)", "Subscribe"),
        Binding("escape,n", "answer(False)", "Not now"),
    ]

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="subscribe-offer"):
            yield Static(Text("This address is a news feed", style="bold"))
            yield Static(Text(clean(self.url)))
            yield Static(
                Text(
                    "A feed lists articles rather than being one. Subscribe to it, and its "
                    "items are listed with their companies and amounts, kept up to date."
                )
            )
            yield Static(Text("Enter: subscribe and show its items   Escape: not now", style="dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
