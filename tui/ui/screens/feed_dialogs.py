"""Dialogs of the feed screens: add a feed by address, confirm an unsubscription."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.ui.safe_text import clean


class AddFeedScreen(ModalScreen[str | None]):
    """Ask for a feed's address or a site's home page; None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Add a feed", style="bold"))
            yield Input(placeholder="https://… a feed, or a site's home page", id="feed-url")
            yield Static(
                Text(
                    "A home page works when it names its feed (<link rel=alternate>).\n"
                    "Enter to add, Escape to cancel",
                    style="dim",
                )
            )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; `y` or Enter says yes, `n` or Escape says no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str) -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(clean(self.question), style="bold"))
            yield Static(Text(clean(self.detail)))
            yield Static(Text("y: yes   n / Escape: no", style="dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
